//! Answers already worked out, by the text read (单位 + 职务). A contact
//! list repeats its units and titles, and reading a title is most of a row's
//! cost; the reader is a pure function of the text, so a kept answer is the
//! answer.
//!
//! Bounded, in two generations (a cheap stand-in for least recently used):
//! when the current one is full it becomes the previous, the previous goes,
//! and an answer asked for again moves to the current; so memory stays flat
//! however long the list. A generation keeps its texts (key, note, title) one
//! after another in one string and its answers in one vector, indexed by a
//! table of `u32`s: no allocation per answer, and a lookup touches the table,
//! one answer and its key, not a scattered box per string. Emptied, a
//! generation keeps its allocations for the next turn.

use crate::read::{Certainty, Sector};
use crate::schema::{Grade, Level};
use hashbrown::HashTable;
use std::hash::BuildHasher;

/// foldhash, seeded per process: a fifth of SipHash's cost on these keys,
/// and keys a client chooses (the service's batch) cannot be aimed at one
/// bucket without the seed.
type Hasher = foldhash::fast::RandomState;

/// What a row's annotation takes from the reader's answer, beside its texts.
#[derive(Debug, Clone, Copy)]
pub(super) struct Facts<'d> {
    pub level: Option<&'d Level>,
    pub grade: Option<Grade>,
    pub stated_level: Option<&'d Level>,
    pub certainty: Certainty,
    pub sector: Option<Sector>,
    pub reason: Option<&'static str>,
}

/// An answer: its facts, the note, and the title (or 职级) and kind of
/// organisation to address the person by (only when asked for).
#[derive(Debug, Clone, Copy)]
pub(super) struct Answer<'a, 'd> {
    pub facts: Facts<'d>,
    pub note: &'a str,
    pub addressee: Option<(&'a str, Option<&'a str>)>,
}

/// The longest text (any of key, note, title) an answer is kept for: a
/// longer one is not likely to come again, and its lengths fit a `u16`.
const LONGEST: usize = 4096;

/// The most bytes of text a generation holds, whatever its count: long
/// titles cannot take memory past the bound.
const TEXT_BYTES: usize = 8 << 20;

pub(super) struct Answers<'d> {
    current: Generation<'d>,
    previous: Generation<'d>,
    hasher: Hasher,
    /// Answers per generation.
    half: usize,
}

#[derive(Default)]
struct Generation<'d> {
    /// Indexes into `kept`, by the hash of the key.
    table: HashTable<u32>,
    kept: Vec<Kept<'d>>,
    /// Every answer's key, note, title and context, one after another.
    text: String,
}

struct Kept<'d> {
    facts: Facts<'d>,
    /// Where its texts start in the generation's `text`.
    at: u32,
    /// The lengths of the key, the note, the title and the context.
    lens: [u16; 4],
    /// Whether it has an addressee, and whether that has a context.
    addressee: bool,
    context: bool,
}

impl<'d> Generation<'d> {
    fn part(&self, k: &Kept<'d>, i: usize) -> &str {
        let start = k.at as usize + k.lens[..i].iter().map(|&l| usize::from(l)).sum::<usize>();
        &self.text[start..start + usize::from(k.lens[i])]
    }

    fn find(&self, hash: u64, key: &str) -> Option<usize> {
        let i = *self
            .table
            .find(hash, |&i| self.part(&self.kept[i as usize], 0) == key)?;
        Some(i as usize)
    }

    fn answer(&self, i: usize) -> Answer<'_, 'd> {
        let k = &self.kept[i];
        Answer {
            facts: k.facts,
            note: self.part(k, 1),
            addressee: k
                .addressee
                .then(|| (self.part(k, 2), k.context.then(|| self.part(k, 3)))),
        }
    }

    /// Keep `answer` for `key`, unless a text is too long; its index.
    fn push(
        &mut self,
        hash: u64,
        key: &str,
        answer: &Answer<'_, 'd>,
        hasher: &Hasher,
    ) -> Option<usize> {
        let (title, context) = answer.addressee.unwrap_or_default();
        let context = context.unwrap_or_default();
        let parts = [key, answer.note, title, context];
        let mut lens = [0u16; 4];
        for (len, p) in lens.iter_mut().zip(parts) {
            *len = u16::try_from(p.len())
                .ok()
                .filter(|&l| usize::from(l) <= LONGEST)?;
        }
        let at = u32::try_from(self.text.len()).ok()?;
        let index = u32::try_from(self.kept.len()).ok()?;
        parts.iter().for_each(|p| self.text.push_str(p));
        self.kept.push(Kept {
            facts: answer.facts,
            at,
            lens,
            addressee: answer.addressee.is_some(),
            context: answer.addressee.is_some_and(|a| a.1.is_some()),
        });
        let Generation { table, kept, text } = self;
        let key_of = |&i: &u32| {
            let k = &kept[i as usize];
            let start = k.at as usize;
            hasher.hash_one(&text[start..start + usize::from(k.lens[0])])
        };
        table.insert_unique(hash, index, key_of);
        Some(index as usize)
    }

    fn full(&self, half: usize) -> bool {
        self.kept.len() >= half || self.text.len() >= TEXT_BYTES
    }

    fn clear(&mut self) {
        self.table.clear();
        self.kept.clear();
        self.text.clear();
    }
}

impl<'d> Answers<'d> {
    /// At most `capacity` answers; 0 keeps none.
    pub fn new(capacity: usize) -> Self {
        Answers {
            current: Generation::default(),
            previous: Generation::default(),
            hasher: Hasher::default(),
            half: capacity / 2,
        }
    }

    pub fn get(&mut self, text: &str) -> Option<Answer<'_, 'd>> {
        if self.half == 0 {
            return None;
        }
        let hash = self.hasher.hash_one(text);
        if let Some(i) = self.current.find(hash, text) {
            return Some(self.current.answer(i));
        }
        // Asked for again: it moves to the current generation. When that is
        // full, it goes in one past full, just before the turn that would
        // have dropped it with the rest of the previous.
        let i = self.previous.find(hash, text)?;
        let full = self.current.full(self.half);
        let answer = self.previous.answer(i);
        let i = self.current.push(hash, text, &answer, &self.hasher)?;
        if full {
            self.turn();
            return Some(self.previous.answer(i));
        }
        Some(self.current.answer(i))
    }

    pub fn insert(&mut self, text: &str, answer: &Answer<'_, 'd>) {
        if self.half > 0 {
            if self.current.full(self.half) {
                self.turn();
            }
            let hash = self.hasher.hash_one(text);
            self.current.push(hash, text, answer, &self.hasher);
        }
    }

    /// The current generation (full) becomes the previous, and the old
    /// previous, emptied, the current.
    fn turn(&mut self) {
        std::mem::swap(&mut self.current, &mut self.previous);
        self.current.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(note: &str) -> Answer<'_, 'static> {
        Answer {
            facts: Facts {
                level: None,
                grade: None,
                stated_level: None,
                certainty: Certainty::Low,
                sector: None,
                reason: None,
            },
            note,
            addressee: None,
        }
    }

    #[test]
    fn bounded_and_keeps_what_is_asked_for() {
        let mut a = Answers::new(4);
        for t in ["甲", "乙", "丙"] {
            a.insert(t, &answer(t));
        }
        // 甲 asked for again: it outlives the next turn, 乙 does not.
        assert!(a.get("甲").is_some());
        a.insert("丁", &answer("丁"));
        assert_eq!(a.current.kept.len() + a.previous.kept.len(), 3);
        assert!(a.get("乙").is_none());
        for t in ["甲", "丙", "丁"] {
            assert_eq!(a.get(t).unwrap().note, t);
        }
        let mut none = Answers::new(0);
        none.insert("甲", &answer("甲"));
        assert!(none.get("甲").is_none());
    }

    #[test]
    fn keeps_the_addressee_and_not_what_is_too_long() {
        let mut a = Answers::new(4);
        let mut kept = answer("");
        kept.addressee = Some(("局长", None));
        a.insert("财政局局长", &kept);
        kept.addressee = Some(("主任", Some("事业单位")));
        a.insert("中心主任", &kept);
        assert_eq!(a.get("财政局局长").unwrap().addressee, Some(("局长", None)));
        assert_eq!(
            a.get("中心主任").unwrap().addressee,
            Some(("主任", Some("事业单位")))
        );
        let long = "长".repeat(LONGEST);
        a.insert(&long, &answer(""));
        assert!(a.get(&long).is_none());
    }
}
