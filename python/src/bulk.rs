//! The machinery of the bulk functions (`resolve_many`, `annotate`).
//!
//! The calling thread copies the texts into one buffer of code points (no
//! object per text), then only makes Python objects: it holds the GIL and
//! is the bottleneck, so everything else happens on worker threads at the
//! same time. One worker finds the distinct texts, in order, publishing
//! each row's distinct number in chunks and the distinct texts in batches;
//! then it and the others resolve the batches. The caller builds each row,
//! in the list's order, as soon as its answer is there: the first row of a
//! text from its batch, a later row from what the first one kept (`Rows`).
//! While it waits it resolves a batch itself, with the GIL released, so
//! that other Python threads run.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyString;
use std::any::Any;
use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard, OnceLock};

/// Distinct texts resolved per batch: a millisecond or two of work, so
/// that rows are built early and other Python threads run between
/// batches.
pub const BATCH: usize = 1024;
/// Rows per chunk of distinct numbers handed to the caller.
const ROWS: usize = 4096;
/// How many rows ahead `Rows::prefetch` is told of a row, twice.
const FAR: usize = 8;
const NEAR: usize = 3;
/// Resolved batches waiting for the caller, at most: memory stays bounded
/// however long the list.
const WINDOW: usize = 8;

/// The texts of a call: the Python objects, and their code points.
pub struct Texts<'py> {
    pub objects: Vec<Bound<'py, PyAny>>,
    codes: Codes,
}

/// Every text's code points, one after another.
struct Codes {
    chars: Vec<u32>,
    ends: Vec<usize>,
}

impl Codes {
    fn len(&self) -> usize {
        self.ends.len()
    }

    fn text(&self, i: usize) -> &[u32] {
        let start = match i {
            0 => 0,
            _ => self.ends[i - 1],
        };
        &self.chars[start..self.ends[i]]
    }

    fn push(&mut self, s: &Bound<'_, PyString>) -> PyResult<()> {
        let py = s.py();
        // SAFETY: `s` is a str; PyUnicode_AsUCS4 writes at most `len` code
        // points (no NUL: copy_null is 0) into the room reserved for them,
        // or fails with an exception set, writing nothing we then use.
        unsafe {
            let len = pyo3::ffi::PyUnicode_GetLength(s.as_ptr());
            let Ok(n) = usize::try_from(len) else {
                return Err(PyErr::fetch(py));
            };
            if n > 0 {
                self.chars.reserve(n);
                let at = self.chars.len();
                let out = pyo3::ffi::PyUnicode_AsUCS4(
                    s.as_ptr(),
                    self.chars.as_mut_ptr().add(at),
                    len,
                    0,
                );
                if out.is_null() {
                    return Err(PyErr::fetch(py));
                }
                self.chars.set_len(at + n);
            }
        }
        self.ends.push(self.chars.len());
        Ok(())
    }
}

impl Texts<'_> {
    pub fn len(&self) -> usize {
        self.objects.len()
    }
}

/// The texts of a list, a tuple, a pandas Series or any iterable of `str`.
pub fn texts<'py>(items: &Bound<'py, PyAny>) -> PyResult<Texts<'py>> {
    if items.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "texts must be an iterable of str, not a single str",
        ));
    }
    let size = items.len().unwrap_or(0);
    if size >= u32::MAX as usize {
        return Err(PyValueError::new_err("too many texts for one call"));
    }
    let mut objects = Vec::with_capacity(size);
    let mut codes = Codes {
        chars: Vec::with_capacity(size * 24),
        ends: Vec::with_capacity(size),
    };
    for (i, item) in items.try_iter()?.enumerate() {
        let item = item?;
        match item.cast::<PyString>() {
            Ok(s) => codes.push(s)?,
            Err(_) => {
                return Err(PyTypeError::new_err(format!(
                    "texts[{i}] is {}, not str (fill missing values first, e.g. df[col].fillna(\"\"))",
                    item.get_type().name()?
                )));
            }
        }
        objects.push(item);
        if objects.len() >= u32::MAX as usize {
            return Err(PyValueError::new_err("too many texts for one call"));
        }
    }
    Ok(Texts { objects, codes })
}

/// A text as UTF-8: `None` for a lone surrogate, which Rust text cannot
/// hold.
fn utf8(codes: &[u32]) -> Option<String> {
    let mut s = String::with_capacity(codes.len() * 3);
    for &c in codes {
        s.push(char::from_u32(c)?);
    }
    Some(s)
}

/// A text as a key of the distinct texts: hashed (with the standard,
/// randomly keyed hasher, so that no list can be made to collide) on its
/// code points' low 16 bits, four to a word, which is half the bytes.
#[derive(PartialEq, Eq)]
struct Key<'t>(&'t [u32]);

impl std::hash::Hash for Key<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        let mut words = self.0.chunks_exact(4);
        for w in &mut words {
            let fold = |c: u32| u64::from(c as u16);
            state.write_u64(fold(w[0]) | fold(w[1]) << 16 | fold(w[2]) << 32 | fold(w[3]) << 48);
        }
        let mut last = self.0.len() as u64;
        for &c in words.remainder() {
            last = last << 16 | u64::from(c as u16);
        }
        state.write_u64(last);
    }
}

/// The distinct texts of a call, by batch, set once each by the worker
/// that finds them; answers may borrow from them.
pub struct Distinct {
    batches: Vec<OnceLock<Box<[String]>>>,
    /// Each row whose text comes again further down, once found.
    again: Vec<AtomicBool>,
    /// Every row's text has been looked at (then `again` is complete).
    found_all: AtomicBool,
}

impl Distinct {
    /// `repeats`: keep which rows' texts come again (`Rows::first`'s
    /// `again`; else it is always true).
    pub fn new(texts: &Texts<'_>, repeats: bool) -> Self {
        let rows = if repeats { texts.len() } else { 0 };
        Distinct {
            batches: (0..texts.len().div_ceil(BATCH))
                .map(|_| OnceLock::new())
                .collect(),
            again: (0..rows).map(|_| AtomicBool::new(false)).collect(),
            found_all: AtomicBool::new(false),
        }
    }
}

/// What the calling thread does with each row, in order.
pub trait Rows<B> {
    /// The first row of a distinct text, with answer `i` of `batch`;
    /// `again`: the text may come again (false only when it is known not
    /// to).
    fn first(&mut self, row: usize, batch: &B, i: usize, again: bool) -> PyResult<()>;
    /// A later row of the distinct text numbered `slot`.
    fn again(&mut self, row: usize, slot: u32) -> PyResult<()>;
    /// A hint: a later row of text `slot` comes soon (`near`: very soon).
    fn prefetch(&self, _row: usize, _slot: u32, _near: bool) {}
}

/// Why the caller cannot go on.
enum Halt {
    /// The text of this row is not valid Unicode.
    Bad(usize),
    /// A worker panicked (a bug): carried to the caller.
    Panic(Box<dyn Any + Send>),
}

struct Flow<B> {
    /// Each chunk of rows' distinct numbers, until the caller takes it.
    slots: Vec<Option<Box<[u32]>>>,
    /// Batches of distinct texts found so far.
    published: usize,
    /// Every distinct text has been found.
    found_all: bool,
    halt: Option<Halt>,
    /// The next batch nobody has claimed.
    next: usize,
    /// Batches the caller has taken.
    taken: usize,
    /// Resolved batches not yet taken.
    done: Vec<Option<std::thread::Result<B>>>,
    /// The caller has stopped (an error): workers leave.
    stop: bool,
}

struct Shared<'s, B, F> {
    flow: Mutex<Flow<B>>,
    changed: Condvar,
    codes: &'s Codes,
    distinct: &'s Distinct,
    resolve: F,
}

impl<'s, B: Send, F: Fn(&'s [String]) -> B + Sync> Shared<'s, B, F> {
    fn lock(&self) -> MutexGuard<'_, Flow<B>> {
        self.flow.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn wait<'g>(&self, guard: MutexGuard<'g, Flow<B>>) -> MutexGuard<'g, Flow<B>> {
        self.changed.wait(guard).unwrap_or_else(|e| e.into_inner())
    }

    fn update(&self, f: impl FnOnce(&mut Flow<B>)) {
        f(&mut self.lock());
        self.changed.notify_all();
    }

    /// Resolve a batch whose texts are found, within the window ahead of
    /// the caller, if there is one: the lock is released meanwhile.
    fn resolve_one<'g>(
        &'g self,
        mut st: MutexGuard<'g, Flow<B>>,
    ) -> Result<MutexGuard<'g, Flow<B>>, MutexGuard<'g, Flow<B>>> {
        if st.halt.is_some() || st.stop || st.next >= st.published || st.next >= st.taken + WINDOW {
            return Err(st);
        }
        let k = st.next;
        st.next += 1;
        drop(st);
        let texts: &'s [String] = self.distinct.batches[k].get().map_or(&[], |b| b);
        let out = catch_unwind(AssertUnwindSafe(|| (self.resolve)(texts)));
        let mut st = self.lock();
        st.done[k] = Some(out);
        self.changed.notify_all();
        Ok(st)
    }

    /// Find the distinct texts, in order of first appearance.
    fn find(&self) {
        let n = self.codes.len();
        let mut index: HashMap<Key<'_>, u32> = HashMap::with_capacity(n.min(1 << 16));
        let mut found: Vec<String> = Vec::with_capacity(BATCH);
        let mut chunk: Vec<u32> = Vec::with_capacity(ROWS.min(n));
        let mut batches = 0;
        // Each distinct text's last row so far.
        let mut last: Vec<u32> = Vec::new();
        for row in 0..n {
            let text = self.codes.text(row);
            let fresh = index.len() as u32;
            let slot = *index.entry(Key(text)).or_insert(fresh);
            if slot != fresh {
                if !self.distinct.again.is_empty() {
                    let before = std::mem::replace(&mut last[slot as usize], row as u32);
                    self.distinct.again[before as usize].store(true, Ordering::Relaxed);
                }
            } else {
                last.push(row as u32);
                match utf8(text) {
                    Some(s) => found.push(s),
                    None => return self.update(|st| st.halt = Some(Halt::Bad(row))),
                }
                if found.len() == BATCH {
                    self.publish_texts(&mut batches, &mut found);
                }
            }
            chunk.push(slot);
            if chunk.len() == ROWS {
                let c = row / ROWS;
                let mut stop = false;
                self.update(|st| {
                    st.slots[c] = Some(std::mem::take(&mut chunk).into_boxed_slice());
                    stop = st.stop;
                });
                if stop {
                    return;
                }
                chunk = Vec::with_capacity(ROWS);
            }
        }
        if !found.is_empty() {
            self.publish_texts(&mut batches, &mut found);
        }
        // Whoever sees it (Acquire) sees every `again` set above.
        self.distinct.found_all.store(true, Ordering::Release);
        self.update(|st| {
            if !chunk.is_empty() {
                st.slots[n / ROWS] = Some(chunk.into_boxed_slice());
            }
            st.found_all = true;
        });
    }

    fn publish_texts(&self, batches: &mut usize, found: &mut Vec<String>) {
        let texts = std::mem::replace(found, Vec::with_capacity(BATCH));
        // Set once: batch numbers only grow.
        let _ = self.distinct.batches[*batches].set(texts.into_boxed_slice());
        *batches += 1;
        let published = *batches;
        self.update(|st| st.published = published);
    }

    /// A worker: find the distinct texts (the first worker only), then
    /// resolve batches until none is left.
    fn work(&self, finder: bool) {
        if finder {
            if let Err(p) = catch_unwind(AssertUnwindSafe(|| self.find())) {
                self.update(|st| st.halt = Some(Halt::Panic(p)));
            }
        }
        let mut st = self.lock();
        loop {
            st = match self.resolve_one(st) {
                Ok(st) => st,
                Err(st) if st.stop || st.halt.is_some() => return,
                Err(st) if st.found_all && st.next >= st.published => return,
                Err(st) => self.wait(st),
            };
        }
    }

    /// The caller: chunk `c` of the rows' distinct numbers.
    fn slots(&self, c: usize) -> Result<Box<[u32]>, Halt> {
        let mut st = self.lock();
        loop {
            if let Some(slots) = st.slots[c].take() {
                return Ok(slots);
            }
            if let Some(halt) = st.halt.take() {
                return Err(halt);
            }
            st = self.resolve_one(st).unwrap_or_else(|st| self.wait(st));
        }
    }

    /// The caller: resolved batch `k`.
    fn batch(&self, k: usize) -> Result<B, Halt> {
        let mut st = self.lock();
        loop {
            if let Some(out) = st.done[k].take() {
                st.taken = k + 1;
                self.changed.notify_all();
                return out.map_err(Halt::Panic);
            }
            if let Some(halt) = st.halt.take() {
                return Err(halt);
            }
            st = self.resolve_one(st).unwrap_or_else(|st| self.wait(st));
        }
    }
}

/// Tells the workers to leave when the caller stops, error or not.
struct Stop<'a, B, F>(&'a Shared<'a, B, F>);

impl<B, F> Drop for Stop<'_, B, F> {
    fn drop(&mut self) {
        self.0.flow.lock().unwrap_or_else(|e| e.into_inner()).stop = true;
        self.0.changed.notify_all();
    }
}

/// Answer every text of `texts`: `resolve` makes the answers of a batch of
/// distinct texts (on any thread), `rows` takes each row in order (on this
/// one).
pub fn run<'s, B: Send, F: Fn(&'s [String]) -> B + Sync, R: Rows<B>>(
    py: Python<'_>,
    texts: &'s Texts<'_>,
    distinct: &'s Distinct,
    resolve: F,
    rows: &mut R,
) -> PyResult<()> {
    let n = texts.len();
    let shared = Shared {
        flow: Mutex::new(Flow {
            slots: (0..n.div_ceil(ROWS)).map(|_| None).collect(),
            published: 0,
            found_all: false,
            halt: None,
            next: 0,
            taken: 0,
            done: (0..distinct.batches.len()).map(|_| None).collect(),
            stop: false,
        }),
        changed: Condvar::new(),
        codes: &texts.codes,
        distinct,
        resolve,
    };
    // A short list is answered on this thread alone.
    // One worker at least (it finds the distinct texts), no more than there
    // are batches.
    let workers = if n <= ROWS {
        0
    } else {
        let cores = std::thread::available_parallelism().map_or(1, |c| c.get());
        (cores.max(2) - 1).min(n.div_ceil(BATCH))
    };
    let halted = |halt: Halt| -> PyErr {
        match halt {
            Halt::Bad(row) => bad_text(&texts.objects[row]),
            Halt::Panic(p) => resume_unwind(p),
        }
    };
    std::thread::scope(|s| {
        let shared = &shared;
        for w in 0..workers {
            s.spawn(move || shared.work(w == 0));
        }
        let _stop = Stop(shared);
        if workers == 0 {
            py.detach(|| shared.find());
        }
        let mut seen = 0u32;
        let mut current: Option<B> = None;
        for c in 0..n.div_ceil(ROWS) {
            // Ctrl-C stops a long call.
            py.check_signals()?;
            let slots = py.detach(|| shared.slots(c)).map_err(halted)?;
            for (j, &slot) in slots.iter().enumerate() {
                let row = c * ROWS + j;
                // The rows a little further: what they will read, fetched
                // into the cache while this one is made.
                for (ahead, near) in [(FAR, false), (NEAR, true)] {
                    if let Some(&later) = slots.get(j + ahead) {
                        if later < seen {
                            rows.prefetch(row + ahead, later, near);
                        }
                    }
                }
                if slot != seen {
                    rows.again(row, slot)?;
                    continue;
                }
                // A text's first row: distinct texts are numbered in
                // order, so batches are taken in order, each once.
                seen += 1;
                let i = slot as usize % BATCH;
                if i == 0 {
                    drop(current.take());
                    let k = slot as usize / BATCH;
                    current = Some(py.detach(|| shared.batch(k)).map_err(halted)?);
                }
                // Whether the text comes again: known once the finder has
                // looked at every row (it is usually far ahead).
                let again = match distinct.again.get(row) {
                    Some(again) => {
                        again.load(Ordering::Relaxed)
                            || !distinct.found_all.load(Ordering::Acquire)
                            || again.load(Ordering::Relaxed)
                    }
                    None => true,
                };
                match &current {
                    Some(batch) => rows.first(row, batch, i, again)?,
                    None => {
                        return Err(PyValueError::new_err("rankinfo: a batch went missing"));
                    }
                }
            }
        }
        Ok(())
    })
}

/// The error of a text that is not valid Unicode (a lone surrogate), as
/// `resolve` raises it: UnicodeEncodeError, a ValueError.
fn bad_text(object: &Bound<'_, PyAny>) -> PyErr {
    match object.cast::<PyString>().map(|s| s.to_cow()) {
        Ok(Err(e)) => e,
        _ => PyValueError::new_err("text is not valid Unicode"),
    }
}
