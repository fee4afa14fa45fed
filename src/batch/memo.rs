//! A bounded memo of answers by the text they answer. A contact list or a
//! stream of titles repeats its texts, and reading a title is most of a
//! row's cost; the reader is a pure function of the text, so a kept answer
//! is the answer.
//!
//! Bounded, in two generations (a cheap stand-in for least recently used):
//! when the current one is full it becomes the previous, the previous goes,
//! and an answer asked for again moves to the current; so memory stays flat
//! however long the input. A generation keeps its texts (the key, then the
//! answer's own) one after another in one string and its entries in one
//! vector, indexed by a table of `u32`s: no allocation per answer, and a
//! lookup touches the table, one entry and its key, not a scattered box per
//! string. Emptied, a generation keeps its allocations for the next turn.

use hashbrown::HashTable;
use std::hash::BuildHasher;

/// foldhash, seeded per process: a fifth of SipHash's cost on these keys,
/// and keys a client chooses (the service's batch) cannot be aimed at one
/// bucket without the seed.
type Hasher = foldhash::fast::RandomState;

/// The most bytes of text a generation holds, whatever its count: long
/// texts cannot take memory past the bound.
const TEXT_BYTES: usize = 8 << 20;

/// Up to a number of answers, each a `T` and `N` texts, by a key text.
pub(super) struct Memo<T, const N: usize> {
    current: Generation<T, N>,
    previous: Generation<T, N>,
    hasher: Hasher,
    /// Answers per generation.
    half: usize,
}

/// A kept answer: its value and its texts.
#[derive(Debug, Clone, Copy)]
pub(super) struct Kept<'a, T, const N: usize> {
    pub value: T,
    pub parts: [&'a str; N],
}

struct Generation<T, const N: usize> {
    /// Indexes into `entries`, by the hash of the key.
    table: HashTable<u32>,
    entries: Vec<Entry<T, N>>,
    /// Every answer's key and texts, one after another.
    text: String,
}

impl<T, const N: usize> Generation<T, N> {
    /// The table is made to its full size at once: growing it step by step
    /// rehashed every key each time (1.5% of a batch row). Entries and text
    /// grow as they fill, so a short input takes little memory.
    fn with_capacity(answers: usize) -> Self {
        Generation {
            table: HashTable::with_capacity(answers),
            entries: Vec::new(),
            text: String::new(),
        }
    }
}

struct Entry<T, const N: usize> {
    value: T,
    /// Where its key starts in the generation's `text`; its parts follow.
    at: u32,
    key: u16,
    lens: [u16; N],
}

impl<T: Copy, const N: usize> Generation<T, N> {
    fn key(&self, e: &Entry<T, N>) -> &str {
        let start = e.at as usize;
        &self.text[start..start + usize::from(e.key)]
    }

    fn find(&self, hash: u64, key: &str) -> Option<usize> {
        let i = *self
            .table
            .find(hash, |&i| self.key(&self.entries[i as usize]) == key)?;
        Some(i as usize)
    }

    fn kept(&self, i: usize) -> Kept<'_, T, N> {
        let e = &self.entries[i];
        let mut start = e.at as usize + usize::from(e.key);
        let parts = e.lens.map(|len| {
            let part = &self.text[start..start + usize::from(len)];
            start += usize::from(len);
            part
        });
        Kept {
            value: e.value,
            parts,
        }
    }

    /// Keep `value` and `parts` for `key`, unless a text is longer than a
    /// `u16` counts (it is not likely to come again); its index.
    fn push(
        &mut self,
        hash: u64,
        key: &str,
        value: T,
        parts: [&str; N],
        hasher: &Hasher,
    ) -> Option<usize> {
        let len = |s: &str| u16::try_from(s.len()).ok();
        let key_len = len(key)?;
        let mut lens = [0u16; N];
        for (l, p) in lens.iter_mut().zip(parts) {
            *l = len(p)?;
        }
        let at = u32::try_from(self.text.len()).ok()?;
        let index = u32::try_from(self.entries.len()).ok()?;
        self.text.push_str(key);
        parts.iter().for_each(|p| self.text.push_str(p));
        self.entries.push(Entry {
            value,
            at,
            key: key_len,
            lens,
        });
        let Generation {
            table,
            entries,
            text,
        } = self;
        let key_of = |&i: &u32| {
            let e = &entries[i as usize];
            let start = e.at as usize;
            hasher.hash_one(&text[start..start + usize::from(e.key)])
        };
        table.insert_unique(hash, index, key_of);
        Some(index as usize)
    }

    fn full(&self, half: usize) -> bool {
        self.entries.len() >= half || self.text.len() >= TEXT_BYTES
    }

    fn clear(&mut self) {
        self.table.clear();
        self.entries.clear();
        self.text.clear();
    }
}

impl<T: Copy, const N: usize> Memo<T, N> {
    /// At most `capacity` answers; 0 keeps none.
    pub fn new(capacity: usize) -> Self {
        Memo {
            current: Generation::with_capacity(capacity / 2),
            previous: Generation::with_capacity(capacity / 2),
            hasher: Hasher::default(),
            half: capacity / 2,
        }
    }

    pub fn get(&mut self, key: &str) -> Option<Kept<'_, T, N>> {
        if self.half == 0 {
            return None;
        }
        let hash = self.hasher.hash_one(key);
        if let Some(i) = self.current.find(hash, key) {
            return Some(self.current.kept(i));
        }
        // Asked for again: it moves to the current generation. When that is
        // full, it goes in one past full, just before the turn that would
        // have dropped it with the rest of the previous.
        let i = self.previous.find(hash, key)?;
        let full = self.current.full(self.half);
        let Kept { value, parts } = self.previous.kept(i);
        let i = self.current.push(hash, key, value, parts, &self.hasher)?;
        if full {
            self.turn();
            return Some(self.previous.kept(i));
        }
        Some(self.current.kept(i))
    }

    pub fn insert(&mut self, key: &str, value: T, parts: [&str; N]) {
        if self.half > 0 {
            if self.current.full(self.half) {
                self.turn();
            }
            let hash = self.hasher.hash_one(key);
            self.current.push(hash, key, value, parts, &self.hasher);
        }
    }

    /// The current generation (full) becomes the previous, and the old
    /// previous, emptied, the current.
    fn turn(&mut self) {
        std::mem::swap(&mut self.current, &mut self.previous);
        self.current.clear();
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.current.entries.len() + self.previous.entries.len()
    }
}

/// Lines already answered, and their answers as written (a TSV line, a
/// card): `rankinfo resolve` on standard input writes a line that comes
/// again by copying its answer, not reading it again.
pub struct Replies(Memo<(), 1>);

impl Replies {
    /// At most `capacity` replies, and at most 16 MiB of text; 0 keeps none.
    pub fn new(capacity: usize) -> Self {
        Replies(Memo::new(capacity))
    }

    /// The reply kept for `line`.
    pub fn get(&mut self, line: &str) -> Option<&str> {
        self.0.get(line).map(|k| k.parts[0])
    }

    /// Keep `reply` for `line` (not when either is longer than 64 KiB).
    pub fn insert(&mut self, line: &str, reply: &str) {
        self.0.insert(line, (), [reply]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounded_and_keeps_what_is_asked_for() {
        let mut m = Memo::<u8, 1>::new(4);
        for (i, t) in ["甲", "乙", "丙"].into_iter().enumerate() {
            m.insert(t, i as u8, [t]);
        }
        // 甲 asked for again: it outlives the next turn, 乙 does not.
        assert!(m.get("甲").is_some());
        m.insert("丁", 3, ["丁"]);
        assert_eq!(m.len(), 3);
        assert!(m.get("乙").is_none());
        for (t, v) in [("甲", 0), ("丙", 2), ("丁", 3)] {
            let k = m.get(t).unwrap();
            assert_eq!((k.value, k.parts), (v, [t]));
        }
        let mut none = Memo::<(), 0>::new(0);
        none.insert("甲", (), []);
        assert!(none.get("甲").is_none());
    }

    #[test]
    fn keeps_its_parts_apart_and_not_what_is_too_long() {
        let mut m = Memo::<(), 3>::new(4);
        m.insert("财政局局长", (), ["", "局长", ""]);
        m.insert("中心主任", (), ["注", "主任", "事业单位"]);
        assert_eq!(m.get("财政局局长").unwrap().parts, ["", "局长", ""]);
        assert_eq!(m.get("中心主任").unwrap().parts, ["注", "主任", "事业单位"]);
        let long = "长".repeat(usize::from(u16::MAX) / 3 + 1);
        m.insert("长", (), ["", &long, ""]);
        assert!(m.get("长").is_none());
        let mut r = Replies::new(2);
        r.insert("处长", "{\"level\":\"县处级正职\"}");
        assert_eq!(r.get("处长"), Some("{\"level\":\"县处级正职\"}"));
    }
}
