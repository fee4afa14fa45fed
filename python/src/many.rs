//! `resolve_many`: the dicts of `resolve` for many texts, built directly
//! rather than through JSON text and `json.loads` (issue 12: that round
//! trip bounded it near cpca's rate).
//!
//! Distinct texts are resolved in batches by worker threads without the GIL
//! while the calling thread turns finished batches into Python objects, in
//! order. A repeated text is resolved once: its later rows are copies of
//! its first dict (every dict and list their own; strings, being
//! immutable, shared). The structure is the one `Resolution`'s `Serialize`
//! writes (src/read/mod.rs): the tests compare the two on every labelled
//! line.

use pyo3::exceptions::PyRuntimeError;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use rankinfo::read::{Certainty, Resolution, Rule, Sector};
use rankinfo::schema::Grade;
use serde::Serialize;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::sync::{Condvar, Mutex, MutexGuard};

/// Distinct texts resolved per batch: a few milliseconds of work, so that
/// the calling thread starts building early and lets other Python threads
/// run between batches.
const BATCH: usize = 1024;
/// Batches resolved ahead of the one being built, at most: memory stays
/// bounded however long the list.
const AHEAD: usize = 8;

/// The batches of a call, claimed by whichever thread is free.
struct Batches<A> {
    state: Mutex<State<A>>,
    changed: Condvar,
}

struct State<A> {
    /// The next batch nobody has claimed.
    next: usize,
    /// Batches the caller has taken.
    taken: usize,
    /// Finished batches not yet taken (a panic is carried to the caller).
    done: Vec<Option<std::thread::Result<A>>>,
    /// The caller has stopped (an error): workers leave.
    stop: bool,
}

impl<A> Batches<A> {
    fn lock(&self) -> MutexGuard<'_, State<A>> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn wait<'g>(&self, guard: MutexGuard<'g, State<A>>) -> MutexGuard<'g, State<A>> {
        self.changed.wait(guard).unwrap_or_else(|e| e.into_inner())
    }

    /// Claim a batch within the window ahead of the caller, if any.
    fn claim(st: &mut State<A>) -> Option<usize> {
        (st.next < st.done.len() && st.next < st.taken + AHEAD).then(|| {
            st.next += 1;
            st.next - 1
        })
    }

    fn store(&self, k: usize, out: std::thread::Result<A>) -> MutexGuard<'_, State<A>> {
        let mut st = self.lock();
        st.done[k] = Some(out);
        self.changed.notify_all();
        st
    }

    /// A worker: resolve batches until none is left or the caller stops.
    fn work(&self, run: &impl Fn(usize) -> std::thread::Result<A>) {
        let mut st = self.lock();
        while !st.stop && st.next < st.done.len() {
            match Self::claim(&mut st) {
                Some(k) => {
                    drop(st);
                    st = self.store(k, run(k));
                }
                None => st = self.wait(st),
            }
        }
    }

    /// The caller: batch `k`, resolving others meanwhile rather than idling.
    fn take(&self, k: usize, run: &impl Fn(usize) -> std::thread::Result<A>) -> A {
        let mut st = self.lock();
        loop {
            if let Some(out) = st.done[k].take() {
                st.taken = k + 1;
                self.changed.notify_all();
                drop(st);
                return out.unwrap_or_else(|p| resume_unwind(p));
            }
            match Self::claim(&mut st) {
                Some(j) => {
                    drop(st);
                    st = self.store(j, run(j));
                }
                None => st = self.wait(st),
            }
        }
    }
}

/// Tells the workers to leave when the caller stops, error or not.
struct Stop<'b, A>(&'b Batches<A>);

impl<A> Drop for Stop<'_, A> {
    fn drop(&mut self) {
        self.0.lock().stop = true;
        self.0.changed.notify_all();
    }
}

/// `resolve` over `items` in batches on every core, handing each batch's
/// answer to `take` in order, on the calling thread (with the GIL).
pub fn in_batches<T: Sync, A: Send>(
    py: Python<'_>,
    items: &[T],
    resolve: impl Fn(&[T]) -> A + Sync,
    mut take: impl FnMut(A) -> PyResult<()>,
) -> PyResult<()> {
    let count = items.len().div_ceil(BATCH);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let workers = (cores - 1).min(count.saturating_sub(1));
    let batches = Batches {
        state: Mutex::new(State {
            next: 0,
            taken: 0,
            done: (0..count).map(|_| None).collect(),
            stop: false,
        }),
        changed: Condvar::new(),
    };
    let run = |k: usize| {
        let chunk = &items[k * BATCH..items.len().min((k + 1) * BATCH)];
        catch_unwind(AssertUnwindSafe(|| resolve(chunk)))
    };
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| batches.work(&run));
        }
        let _stop = Stop(&batches);
        for k in 0..count {
            let answers = py.detach(|| batches.take(k, &run));
            take(answers)?;
        }
        Ok(())
    })
}

/// A character as `PyUnicode_FromWideChar` takes it: UTF-16 where C's
/// `wchar_t` is 16 bits (Windows), else a code point.
#[cfg(windows)]
pub type Wide = u16;
#[cfg(not(windows))]
pub type Wide = u32;

/// Appends text to a `Wide` buffer.
struct WideWriter<'b>(&'b mut Vec<Wide>);

impl std::fmt::Write for WideWriter<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        push_wide(self.0, s);
        Ok(())
    }
}

fn push_wide(buf: &mut Vec<Wide>, s: &str) {
    #[cfg(windows)]
    buf.extend(s.encode_utf16());
    #[cfg(not(windows))]
    buf.extend(s.chars().map(u32::from));
}

/// Where a text is in a batch's `Wide` buffer.
#[derive(Clone, Copy)]
struct Span {
    start: u32,
    end: u32,
}

fn span(buf: &mut Vec<Wide>, write: impl FnOnce(&mut Vec<Wide>)) -> Span {
    let start = buf.len() as u32;
    write(buf);
    Span {
        start,
        end: buf.len() as u32,
    }
}

/// One answer of a batch, as its JSON needs it: texts of the data by
/// reference, texts made while reading as spans of the batch's buffer.
struct Rec<'a> {
    /// `None`: the text asked about.
    input: Option<Span>,
    level: Option<&'a str>,
    title: Option<&'a str>,
    units: std::ops::Range<u32>,
    parts: std::ops::Range<u32>,
    confidence: Certainty,
    explanation: Span,
    rank: Option<&'a str>,
    grade: Option<Grade>,
    context: Option<&'a str>,
    rule: Rule,
    nominal: Option<&'a str>,
    often: Option<&'a str>,
    sources: &'a [rankinfo::schema::Text],
    stated_level: Option<&'a str>,
    post_level: Option<&'a str>,
    sector: Option<Sector>,
}

struct UnitRec<'a> {
    name: Span,
    kind: &'a str,
    level: Option<&'a str>,
}

/// The answers of a batch of distinct texts, made by a worker thread in a
/// few buffers (its own allocations are freed on its own thread: freeing
/// them on another would contend for the allocator's lock).
pub struct Batch<'a> {
    tops: Vec<Rec<'a>>,
    parts: Vec<Rec<'a>>,
    units: Vec<UnitRec<'a>>,
    wide: Vec<Wide>,
}

impl<'a> Batch<'a> {
    pub fn new(size: usize) -> Self {
        Batch {
            tops: Vec::with_capacity(size),
            parts: Vec::new(),
            units: Vec::with_capacity(size * 4),
            wide: Vec::with_capacity(size * 128),
        }
    }

    /// Add the answer for `text`.
    pub fn push(&mut self, text: &str, r: &Resolution<'a>) {
        let rec = self.rec(r, Some(text));
        self.tops.push(rec);
    }

    /// `text`: the text asked about, for an answer (not a part).
    fn rec(&mut self, r: &Resolution<'a>, text: Option<&str>) -> Rec<'a> {
        let input = match text {
            Some(t) if *r.input == *t => None,
            _ => Some(span(&mut self.wide, |b| push_wide(b, &r.input))),
        };
        let start = self.units.len() as u32;
        for u in &r.organisation {
            let name = span(&mut self.wide, |b| push_wide(b, &u.name));
            self.units.push(UnitRec {
                name,
                kind: u.kind,
                level: u.level,
            });
        }
        let units = start..self.units.len() as u32;
        // Each part (whose own parts go first), then the parts in a row.
        let mut parts = Vec::with_capacity(r.parts.len());
        for p in &r.parts {
            parts.push(self.rec(p, None));
        }
        let start = self.parts.len() as u32;
        self.parts.extend(parts);
        let parts = start..self.parts.len() as u32;
        let explanation = span(&mut self.wide, |b| {
            // Writing to a Vec cannot fail.
            let _ = r.write_explanation(&mut WideWriter(b));
        });
        Rec {
            input,
            level: r.level.map(|l| &*l.name),
            title: r.title,
            units,
            parts,
            confidence: r.confidence,
            explanation,
            rank: r.rank,
            grade: r.grade(),
            context: r.context,
            rule: r.rule,
            nominal: r.nominal,
            often: r.often,
            sources: r.sources,
            stated_level: r.stated_level.map(|l| &*l.name),
            post_level: r.post_level.map(|l| &*l.name),
            sector: r.sector,
        }
    }

    /// How many distinct texts.
    pub fn len(&self) -> usize {
        self.tops.len()
    }
}

/// A hasher for addresses: one multiplication.
#[derive(Default)]
pub struct AddressHasher(u64);

impl Hasher for AddressHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// Python strings for text that lives as long as the call (the dataset's,
/// or the texts asked about), keyed by address: made once per call.
#[derive(Default)]
pub struct Strings<'py> {
    cache: HashMap<(usize, usize), Bound<'py, PyString>, BuildHasherDefault<AddressHasher>>,
}

impl<'py> Strings<'py> {
    /// `s` must outlive the cache and not change meanwhile: it is found by
    /// its address.
    pub fn get(&mut self, py: Python<'py>, s: &str) -> &Bound<'py, PyString> {
        self.cache
            .entry((s.as_ptr() as usize, s.len()))
            .or_insert_with(|| PyString::new(py, s))
    }

    pub fn opt(&mut self, py: Python<'py>, s: Option<&str>) -> Option<Bound<'py, PyString>> {
        s.map(|s| self.get(py, s).clone())
    }
}

/// The Python strings of a closed set of values (certainty, rule, sector),
/// as serde names them, each made once per call.
pub struct Names<'py, T> {
    made: Vec<(T, Bound<'py, PyString>)>,
}

impl<T> Default for Names<'_, T> {
    fn default() -> Self {
        Names { made: Vec::new() }
    }
}

impl<'py, T: Copy + PartialEq + Serialize> Names<'py, T> {
    pub fn get(&mut self, py: Python<'py>, value: T) -> &Bound<'py, PyString> {
        let i = match self.made.iter().position(|(v, _)| *v == value) {
            Some(i) => i,
            None => {
                let name = match serde_json::to_value(value) {
                    Ok(serde_json::Value::String(s)) => s,
                    _ => String::new(),
                };
                self.made.push((value, PyString::new(py, &name)));
                self.made.len() - 1
            }
        };
        &self.made[i].1
    }
}

/// A Python string of `Wide` characters.
fn wide_str<'py>(py: Python<'py>, w: &[Wide]) -> PyResult<Bound<'py, PyString>> {
    // SAFETY: a valid buffer of `w.len()` characters, the length given (so
    // that a NUL is kept); the result is a new reference to a str or NULL
    // with an exception set.
    unsafe {
        Bound::from_owned_ptr_or_err(
            py,
            pyo3::ffi::PyUnicode_FromWideChar(w.as_ptr().cast(), w.len() as pyo3::ffi::Py_ssize_t),
        )
        .map(|s| s.cast_into_unchecked())
    }
}

/// The Python objects of one answer that a copy must not share.
pub struct Built<'py> {
    dict: Bound<'py, PyDict>,
    units: Vec<Bound<'py, PyDict>>,
    grade: Option<Bound<'py, PyDict>>,
    sources: Bound<'py, PyList>,
    parts: Vec<Built<'py>>,
    /// `input` is the text asked about (then each row gets its own).
    input_is_text: bool,
}

/// Makes the dicts of one call.
pub struct Builder<'py> {
    py: Python<'py>,
    /// Every key in the JSON's order, each None: copied for each answer,
    /// so that a dict is made at its final size, its keys' hashes known.
    resolution: Bound<'py, PyDict>,
    unit: Bound<'py, PyDict>,
    band: Bound<'py, PyDict>,
    strings: Strings<'py>,
    /// Unit names by their text (the same places recur across titles).
    names: HashMap<Box<[Wide]>, Bound<'py, PyString>>,
    certainty: Names<'py, Certainty>,
    rule: Names<'py, Rule>,
    sector: Names<'py, Sector>,
}

/// The keys of the JSON of a `Resolution`, in its order.
fn resolution_keys(py: Python<'_>) -> [&Bound<'_, PyString>; 18] {
    [
        intern!(py, "input"),
        intern!(py, "level"),
        intern!(py, "title"),
        intern!(py, "organisation"),
        intern!(py, "parts"),
        intern!(py, "confidence"),
        intern!(py, "explanation"),
        intern!(py, "rank"),
        intern!(py, "grade"),
        intern!(py, "context"),
        intern!(py, "rule"),
        intern!(py, "nominal"),
        intern!(py, "often"),
        intern!(py, "sources"),
        intern!(py, "certainty"),
        intern!(py, "stated_level"),
        intern!(py, "post_level"),
        intern!(py, "sector"),
    ]
}

fn template<'py>(py: Python<'py>, keys: &[&Bound<'py, PyString>]) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    for k in keys {
        d.set_item(k, py.None())?;
    }
    Ok(d)
}

impl<'py> Builder<'py> {
    pub fn new(py: Python<'py>) -> PyResult<Self> {
        Ok(Builder {
            py,
            resolution: template(py, &resolution_keys(py))?,
            unit: template(
                py,
                &[
                    intern!(py, "name"),
                    intern!(py, "kind"),
                    intern!(py, "level"),
                ],
            )?,
            band: template(py, &[intern!(py, "highest"), intern!(py, "lowest")])?,
            strings: Strings::default(),
            names: HashMap::new(),
            certainty: Names::default(),
            rule: Names::default(),
            sector: Names::default(),
        })
    }

    /// The dict of answer `rec` of `batch`; `input` is the text's own
    /// Python string.
    fn build(
        &mut self,
        batch: &Batch<'_>,
        rec: &Rec<'_>,
        input: &Bound<'py, PyAny>,
    ) -> PyResult<Built<'py>> {
        let py = self.py;
        let text = |s: Span| &batch.wide[s.start as usize..s.end as usize];
        let d = self.resolution.copy()?;
        // Only what is not None is set: the template holds None.
        let set = |key: &Bound<'py, PyString>, value: Option<Bound<'py, PyString>>| match value {
            Some(v) => d.set_item(key, v),
            None => Ok(()),
        };
        match rec.input {
            None => d.set_item(intern!(py, "input"), input)?,
            Some(own) => d.set_item(intern!(py, "input"), wide_str(py, text(own))?)?,
        }
        let s = &mut self.strings;
        set(intern!(py, "level"), s.opt(py, rec.level))?;
        set(intern!(py, "title"), s.opt(py, rec.title))?;
        let mut units = Vec::with_capacity(rec.units.len());
        for u in &batch.units[rec.units.start as usize..rec.units.end as usize] {
            let ud = self.unit.copy()?;
            let name = text(u.name);
            let name = match self.names.get(name) {
                Some(n) => n,
                None => self.names.entry(name.into()).or_insert(wide_str(py, name)?),
            };
            ud.set_item(intern!(py, "name"), name)?;
            ud.set_item(intern!(py, "kind"), s.get(py, u.kind))?;
            if let Some(level) = u.level {
                ud.set_item(intern!(py, "level"), s.get(py, level))?;
            }
            units.push(ud);
        }
        d.set_item(intern!(py, "organisation"), PyList::new(py, &units)?)?;
        let mut parts = Vec::with_capacity(rec.parts.len());
        for p in &batch.parts[rec.parts.start as usize..rec.parts.end as usize] {
            parts.push(self.build(batch, p, input)?);
        }
        d.set_item(
            intern!(py, "parts"),
            PyList::new(py, parts.iter().map(|p| &p.dict))?,
        )?;
        let s = &mut self.strings;
        let certainty = self.certainty.get(py, rec.confidence);
        d.set_item(intern!(py, "confidence"), certainty)?;
        d.set_item(
            intern!(py, "explanation"),
            wide_str(py, text(rec.explanation))?,
        )?;
        set(intern!(py, "rank"), s.opt(py, rec.rank))?;
        let grade = match rec.grade {
            Some(g) => {
                let gd = self.band.copy()?;
                gd.set_item(intern!(py, "highest"), g.highest)?;
                gd.set_item(intern!(py, "lowest"), g.lowest)?;
                d.set_item(intern!(py, "grade"), &gd)?;
                Some(gd)
            }
            None => None,
        };
        set(intern!(py, "context"), s.opt(py, rec.context))?;
        d.set_item(intern!(py, "rule"), self.rule.get(py, rec.rule))?;
        set(intern!(py, "nominal"), s.opt(py, rec.nominal))?;
        set(intern!(py, "often"), s.opt(py, rec.often))?;
        let sources = PyList::new(py, rec.sources.iter().map(|t| s.get(py, t).clone()))?;
        d.set_item(intern!(py, "sources"), &sources)?;
        d.set_item(intern!(py, "certainty"), certainty)?;
        set(intern!(py, "stated_level"), s.opt(py, rec.stated_level))?;
        set(intern!(py, "post_level"), s.opt(py, rec.post_level))?;
        if let Some(sector) = rec.sector {
            d.set_item(intern!(py, "sector"), self.sector.get(py, sector))?;
        }
        Ok(Built {
            dict: d,
            units,
            grade,
            sources,
            parts,
            input_is_text: rec.input.is_none(),
        })
    }

    /// A new dict equal to `b`'s, sharing no dict or list with it;
    /// `input` the row's own text.
    pub fn copy(&self, b: &Built<'py>, input: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyDict>> {
        let py = self.py;
        let d = b.dict.copy()?;
        if b.input_is_text {
            d.set_item(intern!(py, "input"), input)?;
        }
        let units = b
            .units
            .iter()
            .map(|u| u.copy())
            .collect::<PyResult<Vec<_>>>()?;
        d.set_item(intern!(py, "organisation"), PyList::new(py, units)?)?;
        let parts = b
            .parts
            .iter()
            .map(|p| self.copy(p, input))
            .collect::<PyResult<Vec<_>>>()?;
        d.set_item(intern!(py, "parts"), PyList::new(py, parts)?)?;
        if let Some(g) = &b.grade {
            d.set_item(intern!(py, "grade"), g.copy()?)?;
        }
        d.set_item(
            intern!(py, "sources"),
            b.sources.get_slice(0, b.sources.len()),
        )?;
        Ok(d)
    }
}

/// Each text's distinct index (in order of first appearance), the distinct
/// texts, and how many times each appears.
pub fn distinct(texts: &[String]) -> (Vec<u32>, Vec<&str>, Vec<u32>) {
    let mut index: HashMap<&str, u32> = HashMap::with_capacity(texts.len().min(1 << 16));
    let mut unique: Vec<&str> = Vec::new();
    let mut counts: Vec<u32> = Vec::new();
    let slots = texts
        .iter()
        .map(|t| {
            let i = *index.entry(t.as_str()).or_insert_with(|| {
                unique.push(t.as_str());
                counts.push(0);
                (unique.len() - 1) as u32
            });
            counts[i as usize] += 1;
            i
        })
        .collect();
    (slots, unique, counts)
}

/// `resolve_many`: one dict per text, in order.
pub fn resolve_many<'py>(
    py: Python<'py>,
    data: &rankinfo::Dataset,
    inputs: &[Bound<'py, PyAny>],
    texts: &[String],
) -> PyResult<Vec<Bound<'py, PyDict>>> {
    let (slots, unique, mut counts) = py.detach(|| distinct(texts));
    let mut builder = Builder::new(py)?;
    let mut rows: Vec<Bound<'py, PyDict>> = Vec::with_capacity(texts.len());
    // The first dict of each text seen again, until its last row.
    let mut again: HashMap<u32, Built<'py>, BuildHasherDefault<AddressHasher>> = HashMap::default();
    // Distinct texts resolved, and met in the rows so far.
    let (mut ready, mut seen) = (0u32, 0u32);
    in_batches(
        py,
        &unique,
        |texts| {
            let mut batch = Batch::new(texts.len());
            for t in texts {
                batch.push(t, &data.resolve(t));
            }
            batch
        },
        |batch| {
            let first = ready;
            ready += batch.len() as u32;
            // Every row up to the first of a text not resolved yet.
            while let Some(&slot) = slots.get(rows.len()).filter(|&&s| s < ready) {
                let row = rows.len();
                let left = &mut counts[slot as usize];
                *left -= 1;
                let dict = if slot == seen {
                    // Its first row: distinct texts are numbered in order.
                    seen += 1;
                    let Some(rec) = batch.tops.get((slot - first) as usize) else {
                        return Err(PyRuntimeError::new_err("resolve_many: lost an answer"));
                    };
                    let b = builder.build(&batch, rec, &inputs[row])?;
                    if *left > 0 {
                        let d = b.dict.clone();
                        again.insert(slot, b);
                        d
                    } else {
                        b.dict
                    }
                } else {
                    let Some(b) = again.get(&slot) else {
                        return Err(PyRuntimeError::new_err("resolve_many: lost an answer"));
                    };
                    let d = builder.copy(b, &inputs[row])?;
                    if *left == 0 {
                        again.remove(&slot);
                    }
                    d
                };
                rows.push(dict);
            }
            Ok(())
        },
    )?;
    Ok(rows)
}
