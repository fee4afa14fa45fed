//! The leadership levels (领导职务层次) and where every entry stands on them.

use crate::data::{Dataset, Entry};
use crate::schema::{Confidence, Grade, Level};

impl Level {
    /// A number that sorts by seniority, higher = more senior: 12 for
    /// 国家级正职 down to 1 for 办事员级 (13 − the level's place on the
    /// ladder). Batch columns and the Python `annotate` both use it.
    ///
    /// ```
    /// let data = rankinfo::builtin();
    /// assert_eq!(data.level("国家级正职").unwrap().seniority(), 12);
    /// assert_eq!(data.level("办事员级").unwrap().seniority(), 1);
    /// ```
    pub fn seniority(&self) -> u8 {
        13u8.saturating_sub(self.order)
    }

    /// Whether this is one of the ten leadership levels of 《公务员法》第十八条
    /// (not 科员级 or 办事员级).
    ///
    /// ```
    /// let data = rankinfo::builtin();
    /// assert!(data.level("乡科级副职").unwrap().is_leadership());
    /// assert!(!data.level("科员级").unwrap().is_leadership());
    /// ```
    pub fn is_leadership(&self) -> bool {
        self.order <= 10
    }
}

impl Dataset {
    /// The level an entry stands at, when that does not depend on the
    /// organisation, with the confidence of that placement.
    ///
    /// ```
    /// use rankinfo::schema::Confidence;
    /// let data = rankinfo::builtin();
    /// let (level, confidence) = data.level_of(data.lookup("一级调研员").unwrap()).unwrap();
    /// assert_eq!((&*level.name, confidence), ("县处级正职", Confidence::Secondary));
    /// // 局长 depends on its organisation: see `summary_at` or `resolve`.
    /// assert!(data.level_of(data.lookup("局长").unwrap()).is_none());
    /// ```
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
    ///
    /// ```
    /// let data = rankinfo::builtin();
    /// // A 职级's own band, not quite its level's (乡科级副职: 17–24).
    /// let g = data.grade_of(data.lookup("四级主任科员").unwrap()).unwrap();
    /// assert_eq!((g.highest, g.lowest), (18, 24));
    /// let g = data.grade_of(data.lookup("处长").unwrap()).unwrap();
    /// assert_eq!((g.highest, g.lowest), (12, 18));
    /// ```
    pub fn grade_of(&self, entry: Entry<'_>) -> Option<Grade> {
        match entry {
            Entry::Level(l) => Some(l.grade),
            Entry::Rank(r) => r.grade,
            Entry::Title(t) => Some(self.level(t.level.as_deref()?)?.grade),
        }
    }
}

/// "12–18" (grade 12 is the higher end of the band).
///
/// ```
/// use rankinfo::{levels::band, schema::Grade};
/// assert_eq!(band(Grade { highest: 12, lowest: 18 }), "12–18");
/// assert_eq!(band(Grade { highest: 1, lowest: 1 }), "1");
/// ```
pub fn band(g: Grade) -> String {
    if g.highest == g.lowest {
        g.highest.to_string()
    } else {
        format!("{}–{}", g.highest, g.lowest)
    }
}

/// "级别12–18".
///
/// ```
/// use rankinfo::{levels::grade_text, schema::Grade};
/// assert_eq!(grade_text(Grade { highest: 12, lowest: 18 }), "级别12–18");
/// ```
pub fn grade_text(g: Grade) -> String {
    format!("级别{}", band(g))
}
