//! The leadership levels (领导职务层次) and where every entry stands on them.

use crate::data::{Dataset, Entry};
use crate::schema::{Confidence, Grade, Level};

impl Level {
    /// Whether this is one of the ten leadership levels of 《公务员法》第十八条
    /// (not 科员级 or 办事员级).
    pub fn is_leadership(&self) -> bool {
        self.order <= 10
    }
}

impl Dataset {
    /// The level an entry stands at, when that does not depend on the
    /// organisation, with the confidence of that placement.
    pub fn level_of<'a>(&'a self, entry: Entry<'a>) -> Option<(&'a Level, Confidence)> {
        match entry {
            Entry::Level(l) => Some((l, l.confidence)),
            Entry::Rank(r) => self.rank_level(r),
            Entry::Title(t) => {
                let l = self.level(t.level.as_deref()?)?;
                Some((l, t.confidence))
            }
        }
    }

    /// The 级别 band of an entry, where it has one of its own or through its
    /// fixed level.
    pub fn grade_of(&self, entry: Entry<'_>) -> Option<Grade> {
        match entry {
            Entry::Level(l) => Some(l.grade),
            Entry::Rank(r) => r.grade,
            Entry::Title(t) => Some(self.level(t.level.as_deref()?)?.grade),
        }
    }
}

/// "12–18" (grade 12 is the higher end of the band).
pub fn band(g: Grade) -> String {
    if g.highest == g.lowest {
        g.highest.to_string()
    } else {
        format!("{}–{}", g.highest, g.lowest)
    }
}

/// "级别12–18".
pub fn grade_text(g: Grade) -> String {
    format!("级别{}", band(g))
}
