//! The batch's answers kept by the text read (单位 + 职务), in a [`Memo`]:
//! a contact list repeats its units and titles.

use super::memo::Memo;
use crate::read::{Certainty, Sector};
use crate::schema::{Grade, Level};

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

/// An answer's facts as the memo keeps them: the levels and the reason as
/// 1-based indexes into the few the run has met (0: none), so that an entry
/// takes 24 bytes, not 56, and the same memory keeps twice the answers.
#[derive(Debug, Clone, Copy)]
struct Packed {
    level: u8,
    stated_level: u8,
    reason: u8,
    grade: Option<Grade>,
    certainty: Certainty,
    sector: Option<Sector>,
    /// Whether there is an addressee, and whether it has a context.
    addressee: bool,
    context: bool,
}

/// The facts and flags packed; the texts are the note, the title and the
/// context.
pub(super) struct Answers<'d> {
    memo: Memo<Packed, 3>,
    levels: Interned<&'d Level>,
    reasons: Interned<&'static str>,
}

impl<'d> Answers<'d> {
    /// At most `capacity` answers; 0 keeps none.
    pub fn new(capacity: usize) -> Self {
        Answers {
            memo: Memo::new(capacity),
            levels: Interned(Vec::new()),
            reasons: Interned(Vec::new()),
        }
    }

    pub fn get(&mut self, text: &str) -> Option<Answer<'_, 'd>> {
        let k = self.memo.get(text)?;
        let (p, [note, title, ctx]) = (k.value, k.parts);
        Some(Answer {
            facts: Facts {
                level: self.levels.get(p.level),
                grade: p.grade,
                stated_level: self.levels.get(p.stated_level),
                certainty: p.certainty,
                sector: p.sector,
                reason: self.reasons.get(p.reason),
            },
            note,
            addressee: p.addressee.then_some((title, p.context.then_some(ctx))),
        })
    }

    pub fn insert(&mut self, text: &str, answer: &Answer<'_, 'd>) {
        let f = &answer.facts;
        // Past 255 levels or reasons (never, with the data there is) the
        // answer is not kept: read again, not misremembered.
        let (Some(level), Some(stated_level), Some(reason)) = (
            self.levels.index(f.level, |a, b| std::ptr::eq(*a, *b)),
            self.levels
                .index(f.stated_level, |a, b| std::ptr::eq(*a, *b)),
            self.reasons.index(f.reason, |a, b| a == b),
        ) else {
            return;
        };
        let (title, context) = answer.addressee.unwrap_or_default();
        let packed = Packed {
            level,
            stated_level,
            reason,
            grade: f.grade,
            certainty: f.certainty,
            sector: f.sector,
            addressee: answer.addressee.is_some(),
            context: context.is_some(),
        };
        let parts = [answer.note, title, context.unwrap_or_default()];
        self.memo.insert(text, packed, parts);
    }
}

/// The few distinct values of a kind the answers hold, by 1-based index.
struct Interned<T>(Vec<T>);

impl<T: Copy> Interned<T> {
    /// `same`: the levels are the data's own, told apart by address (a
    /// level's derived `==` compares every field).
    fn index(&mut self, v: Option<T>, same: impl Fn(&T, &T) -> bool) -> Option<u8> {
        let Some(v) = v else { return Some(0) };
        let i = match self.0.iter().position(|x| same(x, &v)) {
            Some(i) => i,
            None => {
                self.0.push(v);
                self.0.len() - 1
            }
        };
        u8::try_from(i + 1).ok()
    }

    fn get(&self, i: u8) -> Option<T> {
        self.0.get(usize::from(i).checked_sub(1)?).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_addressee() {
        let mut a = Answers::new(4);
        let mut kept = Answer {
            facts: Facts {
                level: None,
                grade: None,
                stated_level: None,
                certainty: Certainty::Low,
                sector: None,
                reason: None,
            },
            note: "",
            addressee: Some(("局长", None)),
        };
        a.insert("财政局局长", &kept);
        kept.addressee = Some(("主任", Some("事业单位")));
        kept.note = "注";
        a.insert("中心主任", &kept);
        let got = a.get("财政局局长").unwrap();
        assert_eq!((got.note, got.addressee), ("", Some(("局长", None))));
        let got = a.get("中心主任").unwrap();
        assert_eq!(
            (got.note, got.addressee),
            ("注", Some(("主任", Some("事业单位"))))
        );
    }

    #[test]
    fn keeps_levels_and_reasons_apart() {
        let data = crate::builtin();
        let (chu, ke) = (data.level("县处级正职"), data.level("乡科级副职"));
        let mut a = Answers::new(8);
        let facts = |level, stated_level, reason| Facts {
            level,
            grade: None,
            stated_level,
            certainty: Certainty::Medium,
            sector: Some(Sector::CivilService),
            reason,
        };
        for (text, f) in [
            ("处长", facts(chu, None, None)),
            ("副科长", facts(ke, chu, None)),
            ("某某", facts(None, None, Some("未识别出职务"))),
            ("股长", facts(None, ke, Some("股级，无法定层次"))),
        ] {
            let kept = Answer {
                facts: f,
                note: "",
                addressee: None,
            };
            a.insert(text, &kept);
        }
        fn name(l: Option<&Level>) -> Option<&str> {
            l.map(|l| l.name.as_str())
        }
        fn got<'d>(
            a: &mut Answers<'d>,
            t: &str,
        ) -> (
            Option<&'d str>,
            Option<&'d str>,
            Option<&'static str>,
            Certainty,
        ) {
            let f = a.get(t).unwrap().facts;
            (name(f.level), name(f.stated_level), f.reason, f.certainty)
        }
        assert_eq!(
            got(&mut a, "处长"),
            (Some("县处级正职"), None, None, Certainty::Medium)
        );
        assert_eq!(
            got(&mut a, "副科长"),
            (
                Some("乡科级副职"),
                Some("县处级正职"),
                None,
                Certainty::Medium
            )
        );
        assert_eq!(
            got(&mut a, "某某"),
            (None, None, Some("未识别出职务"), Certainty::Medium)
        );
        assert_eq!(
            got(&mut a, "股长"),
            (
                None,
                Some("乡科级副职"),
                Some("股级，无法定层次"),
                Certainty::Medium
            )
        );
    }
}
