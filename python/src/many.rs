//! `resolve_many`: the dicts of `resolve` for many texts, built directly
//! rather than through JSON text and `json.loads` (issue 12: that round
//! trip bounded it near cpca's rate).
//!
//! Distinct texts are resolved in batches by worker threads without the GIL
//! (bulk.rs), each answer kept as a compact record (`Batch`); the calling
//! thread turns them into Python objects, row by row in the list's order.
//! A repeated text is resolved once: its later rows are made from its
//! recipe (every dict and list their own; strings, being immutable,
//! shared). The structure is the one `Resolution`'s `Serialize` writes
//! (src/read/mod.rs): keys, order, types, nesting; a field added there
//! must be added here (`resolution_keys`, `Rec`, `Builder::recipe`), and
//! python/tests/test_resolve_many.py, which compares the two on every
//! labelled line, fails until it is.

use crate::bulk;
use pyo3::exceptions::PyRuntimeError;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use rankinfo::read::{Certainty, Resolution, Rule, Sector};
use rankinfo::schema::Grade;
use serde::Serialize;
use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};
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
    /// The name's hash, made here rather than on the calling thread.
    hash: u64,
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
    /// Add the answer `r` for `text`; `names` hashes unit names.
    pub fn push(&mut self, text: &str, r: &Resolution<'a>, names: &RandomState) {
        let rec = self.rec(r, Some(text), names);
        self.tops.push(rec);
    }

    /// `text`: the text asked about, for an answer (not a part).
    fn rec(&mut self, r: &Resolution<'a>, text: Option<&str>, names: &RandomState) -> Rec<'a> {
        let input = match text {
            Some(t) if *r.input == *t => None,
            _ => Some(span(&mut self.wide, |b| push_wide(b, &r.input))),
        };
        let start = self.units.len() as u32;
        for u in &r.organisation {
            let name = span(&mut self.wide, |b| push_wide(b, &u.name));
            self.units.push(UnitRec {
                name,
                hash: names.hash_one(&*u.name),
                kind: u.kind,
                level: u.level,
            });
        }
        let units = start..self.units.len() as u32;
        // Each part (whose own parts go first), then the parts in a row.
        let mut parts = Vec::with_capacity(r.parts.len());
        for p in &r.parts {
            parts.push(self.rec(p, None, names));
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

/// A value found by a unit name's hash, with the name to check.
type Named<T> = (Box<[Wide]>, T);

/// A map keyed by addresses, lengths and hashes already made.
type ByAddress<K, V> = HashMap<K, V, BuildHasherDefault<AddressHasher>>;

/// A hasher for addresses: one multiplication.
#[derive(Default)]
pub struct AddressHasher(u64);

impl Hasher for AddressHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for w in &mut words {
            let mut word = [0; 8];
            word.copy_from_slice(w);
            self.write_u64(u64::from_le_bytes(word));
        }
        for &b in words.remainder() {
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
pub(crate) struct Strings<'py> {
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
pub(crate) struct Names<'py, T> {
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
///
/// What many answers share is made once and copied (a dict copy clones
/// its hash table in one go; setting a key costs a lookup): the head of
/// an answer (every field that is the data's, keyed by the Python strings
/// of those fields), each unit of an organisation chain, each 级别 band,
/// each list of sources.
struct Builder<'py> {
    py: Python<'py>,
    /// Every key in the JSON's order, each None.
    resolution: Bound<'py, PyDict>,
    unit: Bound<'py, PyDict>,
    band: Bound<'py, PyDict>,
    strings: Strings<'py>,
    /// Unit names by their hash (the same places recur across titles),
    /// with their text to check.
    names: ByAddress<u64, Named<Bound<'py, PyString>>>,
    /// By the address and length of each field's text, and the rule,
    /// certainty and sector strings' addresses.
    heads: HashMap<[usize; 19], Bound<'py, PyDict>, BuildHasherDefault<AddressHasher>>,
    /// By the name's hash and the kind's and level's texts, with the name.
    units: ByAddress<[usize; 5], Named<Bound<'py, PyDict>>>,
    bands: HashMap<(u8, u8), Bound<'py, PyDict>, BuildHasherDefault<AddressHasher>>,
    sources: HashMap<(usize, usize), Bound<'py, PyList>, BuildHasherDefault<AddressHasher>>,
    certainty: Names<'py, Certainty>,
    rule: Names<'py, Rule>,
    sector: Names<'py, Sector>,
}

/// How to make a text's row: its parts, made once per text (the strings)
/// or shared by many texts (the head, the units, the band, the sources),
/// each copied into a row's own dicts and lists. A repeated text's later
/// rows are made from it in their turn, in the list's order, from objects
/// in use (copying its first row instead, made long before and far away in
/// memory, waited on memory; making rows out of order to copy while it was
/// near left them scattered, which made every later pass of the cyclic
/// collector over them 2.7 times slower).
struct Recipe<'py> {
    head: Bound<'py, PyDict>,
    /// None: the text asked about, each row's own string.
    input: Option<Bound<'py, PyString>>,
    explanation: Bound<'py, PyString>,
    units: Vec<Bound<'py, PyDict>>,
    band: Option<Bound<'py, PyDict>>,
    sources: Bound<'py, PyList>,
    parts: Vec<Recipe<'py>>,
}

/// A new list of `len` items made by `item`.
fn new_list<'py>(
    py: Python<'py>,
    len: usize,
    mut item: impl FnMut(usize) -> PyResult<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    // SAFETY: a new list of `len` empty places, each filled once with a new
    // reference (PyList_SetItem takes it). Should `item` fail, the list
    // (empty places and all, which its deallocation allows) is dropped here,
    // never seen by Python code.
    unsafe {
        let list =
            Bound::from_owned_ptr_or_err(py, pyo3::ffi::PyList_New(len as pyo3::ffi::Py_ssize_t))?
                .cast_into_unchecked::<PyList>();
        for i in 0..len {
            let value = item(i)?;
            pyo3::ffi::PyList_SetItem(list.as_ptr(), i as pyo3::ffi::Py_ssize_t, value.into_ptr());
        }
        Ok(list)
    }
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

/// The Python object's address, or 0 for None: a key.
fn addr<T>(value: &Option<Bound<'_, T>>) -> usize {
    value.as_ref().map_or(0, |v| v.as_ptr() as usize)
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
            names: HashMap::default(),
            heads: HashMap::default(),
            units: HashMap::default(),
            bands: HashMap::default(),
            sources: HashMap::default(),
            certainty: Names::default(),
            rule: Names::default(),
            sector: Names::default(),
        })
    }

    /// The recipe of answer `rec` of `batch`: its strings made, the shared
    /// parts found or made.
    fn recipe(&mut self, batch: &Batch<'_>, rec: &Rec<'_>) -> PyResult<Recipe<'py>> {
        let py = self.py;
        let text = |s: Span| &batch.wide[s.start as usize..s.end as usize];
        let text_key = |t: Option<&str>| t.map_or((0, 0), |t| (t.as_ptr() as usize, t.len()));
        let fields = [
            rec.level,
            rec.title,
            rec.rank,
            rec.context,
            rec.nominal,
            rec.often,
            rec.stated_level,
            rec.post_level,
        ]
        .map(text_key);
        let rule = self.rule.get(py, rec.rule).clone();
        let certainty = self.certainty.get(py, rec.confidence).clone();
        let sector = rec.sector.map(|x| self.sector.get(py, x).clone());
        let mut key = [0; 19];
        for (i, (at, len)) in fields.into_iter().enumerate() {
            key[2 * i] = at;
            key[2 * i + 1] = len;
        }
        key[16] = rule.as_ptr() as usize;
        key[17] = certainty.as_ptr() as usize;
        key[18] = addr(&sector);
        let head = match self.heads.get(&key) {
            Some(head) => head,
            None => {
                let d = self.resolution.copy()?;
                let s = &mut self.strings;
                // Only what is not None is set: the template holds None.
                for (k, v) in [
                    (intern!(py, "level"), s.opt(py, rec.level)),
                    (intern!(py, "title"), s.opt(py, rec.title)),
                    (intern!(py, "confidence"), Some(certainty.clone())),
                    (intern!(py, "rank"), s.opt(py, rec.rank)),
                    (intern!(py, "context"), s.opt(py, rec.context)),
                    (intern!(py, "rule"), Some(rule)),
                    (intern!(py, "nominal"), s.opt(py, rec.nominal)),
                    (intern!(py, "often"), s.opt(py, rec.often)),
                    (intern!(py, "certainty"), Some(certainty)),
                    (intern!(py, "stated_level"), s.opt(py, rec.stated_level)),
                    (intern!(py, "post_level"), s.opt(py, rec.post_level)),
                    (intern!(py, "sector"), sector),
                ] {
                    if let Some(v) = v {
                        d.set_item(k, v)?;
                    }
                }
                self.heads.entry(key).or_insert(d)
            }
        };
        let head = head.clone();
        let input = match rec.input {
            None => None,
            Some(own) => Some(wide_str(py, text(own))?),
        };
        let mut units = Vec::with_capacity(rec.units.len());
        for u in &batch.units[rec.units.start as usize..rec.units.end as usize] {
            let name = text(u.name);
            let (kind, level) = (u.kind, u.level.unwrap_or(""));
            let key = [
                u.hash as usize,
                kind.as_ptr() as usize,
                kind.len(),
                level.as_ptr() as usize,
                u.level.map_or(usize::MAX, str::len),
            ];
            match self.units.get(&key) {
                Some((known, unit)) if **known == *name => units.push(unit.clone()),
                _ => {
                    let unit = self.unit(name, u.hash, kind, u.level)?;
                    units.push(unit.clone());
                    self.units.entry(key).or_insert((name.into(), unit));
                }
            }
        }
        let mut parts = Vec::with_capacity(rec.parts.len());
        for p in &batch.parts[rec.parts.start as usize..rec.parts.end as usize] {
            parts.push(self.recipe(batch, p)?);
        }
        let explanation = wide_str(py, text(rec.explanation))?;
        let band = match rec.grade {
            Some(g) => Some(match self.bands.get(&(g.highest, g.lowest)) {
                Some(band) => band.clone(),
                None => {
                    let gd = self.band.copy()?;
                    gd.set_item(intern!(py, "highest"), g.highest)?;
                    gd.set_item(intern!(py, "lowest"), g.lowest)?;
                    self.bands
                        .entry((g.highest, g.lowest))
                        .or_insert(gd)
                        .clone()
                }
            }),
            None => None,
        };
        let key = (rec.sources.as_ptr() as usize, rec.sources.len());
        let sources = match self.sources.get(&key) {
            Some(list) => list.clone(),
            None => {
                let strings = &mut self.strings;
                let list = new_list(py, rec.sources.len(), |i| {
                    Ok(strings.get(py, &rec.sources[i]).clone().into_any())
                })?;
                self.sources.entry(key).or_insert(list).clone()
            }
        };
        Ok(Recipe {
            head,
            input,
            explanation,
            units,
            band,
            sources,
            parts,
        })
    }

    /// A unit's dict, made.
    fn unit(
        &mut self,
        name: &[Wide],
        hash: u64,
        kind: &str,
        level: Option<&str>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let py = self.py;
        let name = match self.names.get(&hash) {
            Some((known, s)) if **known == *name => s.clone(),
            _ => {
                let s = wide_str(py, name)?;
                self.names.entry(hash).or_insert((name.into(), s.clone()));
                s
            }
        };
        let ud = self.unit.copy()?;
        ud.set_item(intern!(py, "name"), name)?;
        ud.set_item(intern!(py, "kind"), self.strings.get(py, kind))?;
        if let Some(level) = level {
            ud.set_item(intern!(py, "level"), self.strings.get(py, level))?;
        }
        Ok(ud)
    }

    /// A row's dict from a recipe, every dict and list in it new (strings
    /// and numbers, which cannot change, are shared); `input` the row's text.
    fn make(&self, r: &Recipe<'py>, input: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyDict>> {
        let py = self.py;
        let d = r.head.copy()?;
        match &r.input {
            None => d.set_item(intern!(py, "input"), input)?,
            Some(own) => d.set_item(intern!(py, "input"), own)?,
        }
        let units = new_list(py, r.units.len(), |i| Ok(r.units[i].copy()?.into_any()))?;
        d.set_item(intern!(py, "organisation"), units)?;
        let parts = new_list(py, r.parts.len(), |i| {
            Ok(self.make(&r.parts[i], input)?.into_any())
        })?;
        d.set_item(intern!(py, "parts"), parts)?;
        d.set_item(intern!(py, "explanation"), &r.explanation)?;
        if let Some(band) = &r.band {
            d.set_item(intern!(py, "grade"), band.copy()?)?;
        }
        d.set_item(intern!(py, "sources"), list_copy(&r.sources)?)?;
        Ok(d)
    }
}

/// No recipe kept: the text does not come again.
const NONE: u32 = u32::MAX;

/// A hint that `p` will be read soon: its cache line is fetched meanwhile.
#[inline]
fn prefetch<T>(p: *const T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch reads nothing the program sees; any address will
    // do. (Safe to call in later Rust, hence the allowance.)
    #[allow(unused_unsafe)]
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(p.cast())
    };
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

/// `resolve_many`'s rows: one dict per text.
struct Dicts<'py, 't> {
    builder: Builder<'py>,
    inputs: &'t [Bound<'py, PyAny>],
    rows: Vec<Bound<'py, PyDict>>,
    /// The recipes of texts that come again, one after another, each as
    /// head, input (None: the row's own), explanation, band (None: none),
    /// sources, then its units: a few cache lines, fetched ahead.
    flat: Vec<Bound<'py, PyAny>>,
    /// Each distinct text's recipe in `flat` (start, end), or NONE.
    recipes: Vec<(u32, u32)>,
    /// The recipes of texts with several posts (rare), by number.
    with_parts: HashMap<u32, Recipe<'py>>,
}

impl<'py> Dicts<'py, '_> {
    /// A row's dict from a flattened recipe.
    fn make(
        &self,
        f: &[Bound<'py, PyAny>],
        input: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let py = self.builder.py;
        let [head, own, explanation, band, sources, units @ ..] = f else {
            return Err(PyRuntimeError::new_err(
                "resolve_many: a recipe went missing",
            ));
        };
        let d = head.cast::<PyDict>()?.copy()?;
        let input = if own.is_none() { input } else { own };
        d.set_item(intern!(py, "input"), input)?;
        let units = new_list(py, units.len(), |i| {
            Ok(units[i].cast::<PyDict>()?.copy()?.into_any())
        })?;
        d.set_item(intern!(py, "organisation"), units)?;
        d.set_item(intern!(py, "parts"), PyList::empty(py))?;
        d.set_item(intern!(py, "explanation"), explanation)?;
        if !band.is_none() {
            d.set_item(intern!(py, "grade"), band.cast::<PyDict>()?.copy()?)?;
        }
        d.set_item(
            intern!(py, "sources"),
            list_copy(sources.cast::<PyList>()?)?,
        )?;
        Ok(d)
    }
}

impl<'py> bulk::Rows<Batch<'_>> for Dicts<'py, '_> {
    fn first(&mut self, row: usize, batch: &Batch<'_>, i: usize, again: bool) -> PyResult<()> {
        let py = self.builder.py;
        let recipe = self.builder.recipe(batch, &batch.tops[i])?;
        self.rows
            .push(self.builder.make(&recipe, &self.inputs[row])?);
        let slot = self.recipes.len() as u32;
        if !again {
            self.recipes.push((NONE, NONE));
        } else if !recipe.parts.is_empty() {
            self.recipes.push((NONE, 0));
            self.with_parts.insert(slot, recipe);
        } else {
            let start = self.flat.len() as u32;
            let none = || py.None().into_bound(py);
            self.flat.extend([
                recipe.head.into_any(),
                recipe.input.map_or_else(none, Bound::into_any),
                recipe.explanation.into_any(),
                recipe.band.map_or_else(none, Bound::into_any),
                recipe.sources.into_any(),
            ]);
            self.flat
                .extend(recipe.units.into_iter().map(Bound::into_any));
            self.recipes.push((start, self.flat.len() as u32));
        }
        Ok(())
    }

    fn again(&mut self, row: usize, slot: u32) -> PyResult<()> {
        let input = &self.inputs[row];
        let dict = match self.recipes.get(slot as usize) {
            Some(&(start, end)) if start != NONE => {
                self.make(&self.flat[start as usize..end as usize], input)?
            }
            _ => match self.with_parts.get(&slot) {
                Some(recipe) => self.builder.make(recipe, input)?,
                None => {
                    return Err(PyRuntimeError::new_err(
                        "resolve_many: an answer went missing",
                    ));
                }
            },
        };
        self.rows.push(dict);
        Ok(())
    }

    fn prefetch(&self, row: usize, slot: u32, near: bool) {
        let Some(&(start, _)) = self.recipes.get(slot as usize) else {
            return;
        };
        let Some(head) = self.flat.get(start as usize) else {
            return;
        };
        if near {
            // The recipe is in cache by now: what it points to.
            if let Some(explanation) = self.flat.get(start as usize + 2) {
                prefetch(explanation.as_ptr());
            }
            if let Some(input) = self.inputs.get(row) {
                prefetch(input.as_ptr());
            }
        } else {
            let at: *const Bound<'py, PyAny> = head;
            prefetch(at);
            prefetch(at.wrapping_add(8));
        }
    }
}

/// `resolve_many`: one dict per text, in order.
pub fn resolve_many<'py>(
    py: Python<'py>,
    data: &rankinfo::Dataset,
    texts: &bulk::Texts<'py>,
) -> PyResult<Vec<Bound<'py, PyDict>>> {
    let distinct = bulk::Distinct::new(texts, true);
    let names = RandomState::new();
    let mut rows = Dicts {
        builder: Builder::new(py)?,
        inputs: &texts.objects,
        rows: Vec::with_capacity(texts.len()),
        flat: Vec::new(),
        recipes: Vec::new(),
        with_parts: HashMap::new(),
    };
    bulk::run(
        py,
        texts,
        &distinct,
        |batch: &[String]| {
            let mut out = Batch::new(batch.len());
            for t in batch {
                out.push(t, &data.resolve(t), &names);
            }
            out
        },
        &mut rows,
    )?;
    Ok(rows.rows)
}
