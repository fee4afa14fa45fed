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

use crate::bulk;
use pyo3::exceptions::PyRuntimeError;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use rankinfo::read::{Certainty, Resolution, Rule, Sector};
use rankinfo::schema::Grade;
use serde::Serialize;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

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
    {
        // UTF-8 decoded by hand: the text is valid, and most of it is
        // three-byte CJK (a `chars()` loop was the hottest spot).
        buf.reserve(s.len());
        let b = s.as_bytes();
        let mut i = 0;
        while let Some(&x) = b.get(i) {
            let tail = |k: usize| u32::from(b.get(i + k).copied().unwrap_or(0) & 0x3F);
            let (c, width) = match x {
                0..0x80 => (u32::from(x), 1),
                0x80..0xE0 => (u32::from(x & 0x1F) << 6 | tail(1), 2),
                0xE0..0xF0 => (u32::from(x & 0x0F) << 12 | tail(1) << 6 | tail(2), 3),
                _ => (
                    u32::from(x & 0x07) << 18 | tail(1) << 12 | tail(2) << 6 | tail(3),
                    4,
                ),
            };
            buf.push(c);
            i += width;
        }
    }
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

/// A new list with the same items.
fn list_copy<'py>(list: &Bound<'py, PyList>) -> PyResult<Bound<'py, PyList>> {
    // SAFETY: a list, sliced whole: a new reference, or NULL with an
    // exception set.
    unsafe {
        Bound::from_owned_ptr_or_err(
            list.py(),
            pyo3::ffi::PyList_GetSlice(list.as_ptr(), 0, pyo3::ffi::PY_SSIZE_T_MAX),
        )
        .map(|l| l.cast_into_unchecked())
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

/// Makes the dicts of one call.
struct Builder<'py> {
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
    ) -> PyResult<Bound<'py, PyDict>> {
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
        let units = PyList::empty(py);
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
            units.append(ud)?;
        }
        d.set_item(intern!(py, "organisation"), units)?;
        let parts = PyList::empty(py);
        for p in &batch.parts[rec.parts.start as usize..rec.parts.end as usize] {
            parts.append(self.build(batch, p, input)?)?;
        }
        d.set_item(intern!(py, "parts"), parts)?;
        let s = &mut self.strings;
        let certainty = self.certainty.get(py, rec.confidence);
        d.set_item(intern!(py, "confidence"), certainty)?;
        d.set_item(
            intern!(py, "explanation"),
            wide_str(py, text(rec.explanation))?,
        )?;
        set(intern!(py, "rank"), s.opt(py, rec.rank))?;
        if let Some(g) = rec.grade {
            let gd = self.band.copy()?;
            gd.set_item(intern!(py, "highest"), g.highest)?;
            gd.set_item(intern!(py, "lowest"), g.lowest)?;
            d.set_item(intern!(py, "grade"), gd)?;
        }
        set(intern!(py, "context"), s.opt(py, rec.context))?;
        d.set_item(intern!(py, "rule"), self.rule.get(py, rec.rule))?;
        set(intern!(py, "nominal"), s.opt(py, rec.nominal))?;
        set(intern!(py, "often"), s.opt(py, rec.often))?;
        let sources = PyList::new(py, rec.sources.iter().map(|t| s.get(py, t).clone()))?;
        d.set_item(intern!(py, "sources"), sources)?;
        d.set_item(intern!(py, "certainty"), certainty)?;
        set(intern!(py, "stated_level"), s.opt(py, rec.stated_level))?;
        set(intern!(py, "post_level"), s.opt(py, rec.post_level))?;
        if let Some(sector) = rec.sector {
            d.set_item(intern!(py, "sector"), self.sector.get(py, sector))?;
        }
        Ok(d)
    }

    /// A new dict equal to `from`, sharing no dict or list with it (only
    /// strings and numbers, which cannot change); `input` the row's own
    /// text, if it replaces the first row's.
    fn copy(
        &self,
        from: &Bound<'py, PyDict>,
        input: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let py = self.py;
        let d = from.copy()?;
        if let Some(text) = input {
            d.set_item(intern!(py, "input"), text)?;
        }
        let item = |key: &Bound<'py, PyString>| -> PyResult<Bound<'py, PyAny>> {
            from.get_item(key)?
                .ok_or_else(|| PyRuntimeError::new_err("resolve_many: a key went missing"))
        };
        // A list's copy, then each dict in it replaced by a copy.
        let units = item(intern!(py, "organisation"))?;
        let units = units.cast::<PyList>().map(list_copy)??;
        for i in 0..units.len() {
            units.set_item(i, units.get_item(i)?.cast::<PyDict>()?.copy()?)?;
        }
        d.set_item(intern!(py, "organisation"), units)?;
        let parts = item(intern!(py, "parts"))?;
        let parts = parts.cast::<PyList>().map(list_copy)??;
        for i in 0..parts.len() {
            parts.set_item(i, self.copy(parts.get_item(i)?.cast::<PyDict>()?, None)?)?;
        }
        d.set_item(intern!(py, "parts"), parts)?;
        if let Ok(grade) = item(intern!(py, "grade"))?.cast::<PyDict>() {
            d.set_item(intern!(py, "grade"), grade.copy()?)?;
        }
        let sources = item(intern!(py, "sources"))?;
        let sources = sources.cast::<PyList>()?;
        d.set_item(intern!(py, "sources"), list_copy(sources)?)?;
        Ok(d)
    }
}

/// `resolve_many`'s rows: one dict per text.
struct Dicts<'py, 't> {
    builder: Builder<'py>,
    inputs: &'t [Bound<'py, PyAny>],
    rows: Vec<Bound<'py, PyDict>>,
    /// Each distinct text's first row, and whether its `input` is the
    /// text asked about (then each row gets its own).
    first: Vec<(u32, bool)>,
}

impl<'py> bulk::Rows<Batch<'_>> for Dicts<'py, '_> {
    fn first(&mut self, row: usize, batch: &Batch<'_>, i: usize) -> PyResult<()> {
        let rec = &batch.tops[i];
        let dict = self.builder.build(batch, rec, &self.inputs[row])?;
        self.first.push((row as u32, rec.input.is_none()));
        self.rows.push(dict);
        Ok(())
    }

    fn again(&mut self, row: usize, slot: u32) -> PyResult<()> {
        let (first, own) = self.first[slot as usize];
        let input = own.then(|| &self.inputs[row]);
        let dict = self.builder.copy(&self.rows[first as usize], input)?;
        self.rows.push(dict);
        Ok(())
    }
}

/// `resolve_many`: one dict per text, in order.
pub fn resolve_many<'py>(
    py: Python<'py>,
    data: &rankinfo::Dataset,
    texts: &bulk::Texts<'py>,
) -> PyResult<Vec<Bound<'py, PyDict>>> {
    let distinct = bulk::Distinct::new(texts);
    let mut rows = Dicts {
        builder: Builder::new(py)?,
        inputs: &texts.objects,
        rows: Vec::with_capacity(texts.len()),
        first: Vec::new(),
    };
    bulk::run(
        py,
        texts,
        &distinct,
        |batch: &[String]| {
            let mut out = Batch::new(batch.len());
            for t in batch {
                out.push(t, &data.resolve(t));
            }
            out
        },
        &mut rows,
    )?;
    Ok(rows.rows)
}
