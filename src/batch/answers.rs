//! Answers already worked out, by the text read (单位 + 职务). A contact
//! list repeats its units and titles, and reading a title is most of a row's
//! cost; the reader is a pure function of the text, so a kept answer is the
//! answer.
//!
//! Bounded, in two generations (a cheap stand-in for least recently used):
//! when the current one is full it becomes the previous, the previous goes,
//! and an answer asked for again moves to the current; so memory stays flat
//! however long the list. (Two maps, not one with a generation stamp: a map
//! emptied in place keeps its tombstones and grows past its bound.)

use crate::read::{Certainty, Sector};
use crate::schema::{Grade, Level};
use std::collections::HashMap;

/// foldhash, seeded per process: a fifth of SipHash's cost on these keys,
/// and keys a client chooses (the service's batch) cannot be aimed at one
/// bucket without the seed.
type Map<'d> = HashMap<Box<str>, Answer<'d>, foldhash::fast::RandomState>;

/// What a row's annotation takes from the reader's answer.
#[derive(Debug, Clone)]
pub(super) struct Answer<'d> {
    pub level: Option<&'d Level>,
    pub grade: Option<Grade>,
    pub stated_level: Option<&'d Level>,
    pub certainty: Certainty,
    pub sector: Option<Sector>,
    pub note: Box<str>,
    pub reason: Option<&'static str>,
    /// The title (or 职级) and the kind of organisation, for the forms of
    /// address; kept only when they are asked for (boxed: most rows have
    /// none, and every answer is the smaller).
    pub addressee: Option<Box<Addressee>>,
}

/// The title (or 职级), and the kind of organisation when it matters.
pub(super) type Addressee = (Box<str>, Option<Box<str>>);

pub(super) struct Answers<'d> {
    current: Map<'d>,
    previous: Map<'d>,
    /// Answers per generation.
    half: usize,
}

impl<'d> Answers<'d> {
    /// At most `capacity` answers; 0 keeps none.
    pub fn new(capacity: usize) -> Self {
        Answers {
            current: Map::default(),
            previous: Map::default(),
            half: capacity / 2,
        }
    }

    pub fn get(&mut self, text: &str) -> Option<&Answer<'d>> {
        if !self.current.contains_key(text) {
            let (key, answer) = self.previous.remove_entry(text)?;
            self.put(key, answer);
        }
        self.current.get(text)
    }

    pub fn insert(&mut self, text: &str, answer: Answer<'d>) {
        if self.half > 0 {
            self.put(text.into(), answer);
        }
    }

    fn put(&mut self, key: Box<str>, answer: Answer<'d>) {
        if self.current.len() >= self.half {
            // The current generation becomes the previous; a new one
            // starts, at the size the last one reached.
            let fresh = Map::with_capacity_and_hasher(self.half, Default::default());
            self.previous = std::mem::replace(&mut self.current, fresh);
        }
        self.current.insert(key, answer);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(note: &str) -> Answer<'static> {
        Answer {
            level: None,
            grade: None,
            stated_level: None,
            certainty: Certainty::Low,
            sector: None,
            note: note.into(),
            reason: None,
            addressee: None,
        }
    }

    #[test]
    fn bounded_and_keeps_what_is_asked_for() {
        let mut a = Answers::new(4);
        for t in ["甲", "乙", "丙"] {
            a.insert(t, answer(t));
        }
        // 甲 asked for again: it outlives the next turn, 乙 does not.
        assert!(a.get("甲").is_some());
        a.insert("丁", answer("丁"));
        assert_eq!(a.current.len() + a.previous.len(), 3);
        assert!(a.get("乙").is_none());
        for t in ["甲", "丙", "丁"] {
            assert_eq!(&*a.get(t).unwrap().note, t);
        }
        let mut none = Answers::new(0);
        none.insert("甲", answer("甲"));
        assert!(none.get("甲").is_none());
    }
}
