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

/// The facts, and whether there is an addressee and whether it has a
/// context; the texts are the note, the title and the context.
pub(super) struct Answers<'d>(Memo<(Facts<'d>, bool, bool), 3>);

impl<'d> Answers<'d> {
    /// At most `capacity` answers; 0 keeps none.
    pub fn new(capacity: usize) -> Self {
        Answers(Memo::new(capacity))
    }

    pub fn get(&mut self, text: &str) -> Option<Answer<'_, 'd>> {
        let k = self.0.get(text)?;
        let ((facts, addressee, context), [note, title, ctx]) = (k.value, k.parts);
        Some(Answer {
            facts,
            note,
            addressee: addressee.then_some((title, context.then_some(ctx))),
        })
    }

    pub fn insert(&mut self, text: &str, answer: &Answer<'_, 'd>) {
        let (title, context) = answer.addressee.unwrap_or_default();
        let value = (answer.facts, answer.addressee.is_some(), context.is_some());
        let parts = [answer.note, title, context.unwrap_or_default()];
        self.0.insert(text, value, parts);
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
}
