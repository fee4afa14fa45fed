//! `show`: everything about one entry, in the shape of the JSON contract.

use crate::data::{Dataset, Entry};
use crate::read::Certainty;
use crate::schema::{Confidence, Grade, InsigniaRange, JudgePostRange, Promotion, Sequence, Text};
use serde::Serialize;

/// What kind of thing a name is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Kind {
    /// A leadership level, or 科员级/办事员级.
    LeadershipLevel,
    /// A 2019 职级 (any sequence).
    Rank,
    /// A pre-2019 非领导职务.
    LegacyRank,
    /// A post title.
    Title,
}

/// One entry as answered by `rankinfo show`.
///
/// JSON contract: `name`, `kind`, `level`, `grade`, `english`, `sources` are
/// stable; fields may be added, never renamed or removed.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct Summary<'a> {
    /// Canonical Chinese name.
    pub name: &'a str,
    /// What the name is: a level, a 职级, a pre-2019 rank or a post title.
    pub kind: Kind,
    /// The canonical leadership level (or 科员级/办事员级); `None` when it
    /// depends on the organisation or there is none.
    pub level: Option<&'a str>,
    /// The 级别 band.
    pub grade: Option<Grade>,
    /// Conventional English, where the data gives one (not an official translation).
    pub english: Option<&'a str>,
    /// Source ids.
    pub sources: &'a [Text],
    /// How sure the entry is.
    pub confidence: Confidence,
    /// The short name of the level (正处级).
    pub level_short: Option<&'a str>,
    /// How sure the level is, when less sure than the entry.
    pub level_confidence: Option<Confidence>,
    /// How sure the band is, when less sure than the entry.
    pub grade_confidence: Option<Confidence>,
    /// `true` for a leadership post, `false` for a 职级 (a rank carries no
    /// line authority), `None` for a level.
    pub line_authority: Option<bool>,
    /// For a 职级: its sequence.
    pub sequence: Option<Sequence>,
    /// The leadership level for which this is the lowest 职级.
    pub min_rank_for: Option<&'a str>,
    /// 1:1 equivalent in the 综合管理类 sequence.
    pub general_equivalent: Option<&'a str>,
    /// For a 职级: the minimum service before promotion to it.
    pub promotion: Option<&'a Promotion>,
    /// The organisations that may set this 职级 (第十条).
    pub settable_at: Vec<&'a str>,
    /// Pre-2019: the 2019 rank it was converted to.
    pub converts_to: Option<&'a str>,
    /// Pre-2019: the last day it was in force (`2019-05-31`).
    pub in_force_until: Option<&'a str>,
    /// What a context-dependent title depends on.
    pub depends_on: Option<&'a str>,
    /// The level in each kind of organisation (with `--at`, only there).
    pub cases: Vec<CaseSummary<'a>>,
    /// The data's caveats, in Chinese.
    pub notes: &'a [Text],
    /// The kind of organisation asked about (`--at`), if any.
    pub at: Option<&'a str>,
    /// How the level was placed in that kind of organisation.
    pub at_explanation: Option<String>,
    /// 警衔 (《人民警察警衔条例》第八、九条): for a 警衔, the posts whose
    /// range holds it; for a level, the range of its post.
    pub insignia: Vec<&'a InsigniaRange>,
    /// For a 法官等级: the court posts whose 1997 range held it (historical,
    /// unconfirmed whether it still applies).
    pub judge_posts: Vec<&'a JudgePostRange>,
    /// How sure the answer is: high, medium or low, from the weaker of
    /// `confidence` and `level_confidence`.
    pub certainty: Certainty,
}

impl Summary<'_> {
    /// The confidence the answer's level rests on: the weaker of the
    /// entry's and its level's.
    ///
    /// ```
    /// use rankinfo::schema::Confidence;
    /// let data = rankinfo::builtin();
    /// let s = data.summary(data.lookup("助理巡视员").unwrap());
    /// assert_eq!(s.weakest(), Confidence::Unconfirmed);
    /// ```
    pub fn weakest(&self) -> Confidence {
        self.confidence
            .max(self.level_confidence.unwrap_or(self.confidence))
    }
}

/// A context-dependent title in one kind of organisation.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct CaseSummary<'a> {
    /// The kind of organisation (a context name: `地级市`).
    pub at: &'a str,
    /// The post there (`市直部门局长`).
    pub post: &'a str,
    /// Its level there; `None` where the reference gives none or says it varies.
    pub level: Option<&'a str>,
    /// The 级别 band of that level.
    pub grade: Option<Grade>,
    /// What the regulations call it where that differs (名义正局级).
    pub nominal: Option<&'a str>,
    /// A level the holder often has personally (高配): not the answer.
    pub often: Option<&'a str>,
    /// How sure the data is of this case.
    pub confidence: Confidence,
    /// Source ids.
    pub sources: &'a [Text],
    /// The data's caveats on this case, in Chinese.
    pub notes: &'a [Text],
    /// High, medium or low, from `confidence`.
    pub certainty: Certainty,
}

impl Dataset {
    /// Summarise an entry as it stands in one kind of organisation (a context
    /// name, [`Dataset::context`]): a title whose level depends on its
    /// organisation gets the level there.
    ///
    /// ```
    /// let data = rankinfo::builtin();
    /// let s = data.summary_at(data.lookup("局长").unwrap(), "地级市");
    /// assert_eq!((s.level, s.cases.len()), (Some("县处级正职"), 1));
    /// ```
    pub fn summary_at<'a>(&'a self, entry: Entry<'a>, context: &'a str) -> Summary<'a> {
        let mut s = self.summary(entry);
        s.at = Some(context);
        let Entry::Title(t) = entry else { return s };
        if !t.depends_on_context() && t.body.is_none() {
            return s;
        }
        let r = self.title_at(t, context);
        s.level = r.level.map(|l| &*l.name);
        s.level_short = r.level.map(|l| &*l.short);
        s.grade = r.level.map(|l| l.grade);
        s.level_confidence = r.data_confidence.filter(|c| *c > s.confidence);
        s.cases.retain(|c| c.at == context);
        s.at_explanation = Some(r.explanation());
        s.certainty = s.weakest().into();
        s
    }

    /// Summarise an entry.
    ///
    /// ```
    /// let data = rankinfo::builtin();
    /// let s = data.summary(data.lookup("二级巡视员").unwrap());
    /// assert_eq!(s.level, Some("厅局级副职"));
    /// assert_eq!((s.grade.unwrap().highest, s.grade.unwrap().lowest), (10, 15));
    /// assert_eq!(s.line_authority, Some(false));
    /// ```
    pub fn summary<'a>(&'a self, entry: Entry<'a>) -> Summary<'a> {
        let placed = self.level_of(entry);
        let mut s = Summary {
            name: entry.name(),
            kind: Kind::Title,
            level: placed.map(|(l, _)| &*l.name),
            grade: self.grade_of(entry),
            english: None,
            sources: &[],
            confidence: Confidence::Unconfirmed,
            level_short: placed.map(|(l, _)| &*l.short),
            level_confidence: None,
            grade_confidence: None,
            line_authority: None,
            sequence: None,
            min_rank_for: None,
            general_equivalent: None,
            promotion: None,
            settable_at: Vec::new(),
            converts_to: None,
            in_force_until: None,
            depends_on: None,
            cases: Vec::new(),
            notes: &[],
            at: None,
            at_explanation: None,
            insignia: Vec::new(),
            judge_posts: Vec::new(),
            certainty: Certainty::Low,
        };
        match entry {
            Entry::Level(l) => {
                s.insignia = self
                    .ranks
                    .insignia_ranges
                    .iter()
                    .filter(|i| i.level.as_deref() == Some(&*l.name))
                    .collect();
                s.kind = Kind::LeadershipLevel;
                s.english = Some(&l.english);
                s.sources = &l.sources;
                s.confidence = l.confidence;
                s.notes = &l.notes;
            }
            Entry::Rank(r) => {
                s.kind = if r.is_current() {
                    Kind::Rank
                } else {
                    Kind::LegacyRank
                };
                s.english = r.english.as_deref();
                s.sources = &r.sources;
                s.confidence = r.confidence;
                s.level_confidence = placed.map(|(_, c)| c).filter(|c| *c > r.confidence);
                s.grade_confidence = r.grade_confidence;
                s.line_authority = Some(false);
                s.sequence = Some(r.sequence);
                s.min_rank_for = r.min_rank_for.as_deref();
                s.general_equivalent = r.general_equivalent.as_deref();
                s.promotion = r.promotion.as_ref();
                s.settable_at = self.settable_at(r).iter().map(|x| &*x.unit).collect();
                s.converts_to = r.converts_to.as_deref();
                s.in_force_until = r.in_force_until.as_deref();
                s.notes = &r.notes;
                if r.sequence == Sequence::PoliceRank {
                    s.insignia = self.insignia_posts(&r.name);
                }
                if r.sequence == Sequence::Judge {
                    s.judge_posts = self.judge_posts(&r.name);
                }
            }
            Entry::Title(t) => {
                s.english = t.english.as_deref();
                s.sources = &t.sources;
                s.confidence = t.confidence;
                s.line_authority = (t.level.is_some() || t.depends_on_context()).then_some(true);
                s.depends_on = t.depends_on.as_deref();
                s.notes = &t.notes;
                s.cases = t
                    .cases
                    .iter()
                    .map(|c| CaseSummary {
                        at: &c.at,
                        post: &c.post,
                        level: c.level.as_deref(),
                        grade: c
                            .level
                            .as_deref()
                            .and_then(|l| self.level(l))
                            .map(|l| l.grade),
                        nominal: c.nominal.as_deref(),
                        often: c.often.as_deref(),
                        confidence: c.confidence,
                        sources: &c.sources,
                        notes: &c.notes,
                        certainty: c.confidence.into(),
                    })
                    .collect();
            }
        }
        s.certainty = s.weakest().into();
        s
    }
}

impl Dataset {
    /// The posts whose 警衔 range (第八、九条) holds a 警衔.
    ///
    /// ```
    /// let data = rankinfo::builtin();
    /// let posts: Vec<_> = data.insignia_posts("一级警督").iter().map(|i| &*i.post).collect();
    /// assert_eq!(posts, ["处(局)级正职", "处(局)级副职", "科(局)级正职", "高级专业技术职务", "中级专业技术职务"]);
    /// ```
    pub fn insignia_posts(&self, name: &str) -> Vec<&InsigniaRange> {
        let order = |n: &str| {
            self.ranks_in(Sequence::PoliceRank)
                .find(|r| r.name == n)
                .map(|r| r.order)
        };
        let Some(o) = order(name) else {
            return Vec::new();
        };
        self.ranks
            .insignia_ranges
            .iter()
            .filter(|i| match (order(&i.highest), order(&i.lowest)) {
                (Some(h), Some(l)) => h <= o && o <= l,
                _ => false,
            })
            .collect()
    }
}

impl Dataset {
    /// The court posts whose 法官等级 range under the 1997 暂行规定 held a
    /// grade (historical; whether it still applies is unconfirmed).
    ///
    /// ```
    /// let data = rankinfo::builtin();
    /// let posts: Vec<_> = data
    ///     .judge_posts("四级高级法官")
    ///     .iter()
    ///     .map(|j| format!("{}{}", j.court, j.post))
    ///     .collect();
    /// assert!(posts.contains(&"基层人民法院院长".to_string()));
    /// assert!(posts.contains(&"中级人民法院副院长".to_string()));
    /// assert!(!posts.contains(&"高级人民法院院长".to_string()));
    /// ```
    pub fn judge_posts(&self, name: &str) -> Vec<&JudgePostRange> {
        let order = |n: &str| {
            self.ranks_in(Sequence::Judge)
                .find(|r| r.name == n)
                .map(|r| r.order)
        };
        let Some(o) = order(name) else {
            return Vec::new();
        };
        self.ranks
            .judge_post_ranges
            .iter()
            .filter(|j| match (order(&j.highest), order(&j.lowest)) {
                (Some(h), Some(l)) => h <= o && o <= l,
                _ => false,
            })
            .collect()
    }
}
