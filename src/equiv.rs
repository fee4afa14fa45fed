//! Equivalences across the two tracks: leadership levels and every 职级
//! sequence, and the whole ladder.

use crate::data::{Dataset, Entry};
use crate::read::Certainty;
use crate::schema::{Grade, Level, Sequence};
use serde::Serialize;

/// Everything equivalent to one entry (`rankinfo equiv`).
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct Equivalents<'a> {
    /// The entry's canonical name.
    pub name: &'a str,
    /// The leadership level it stands at; `None` when that depends on context.
    pub level: Option<&'a str>,
    /// Its 级别 band, where it has one.
    pub grade: Option<Grade>,
    /// 1:1 equivalents of a 职级 in the other sequences (第十一条), and the
    /// 套转 of a pre-2019 title.
    pub exact: Vec<&'a str>,
    /// Equivalents that rest on unconfirmed sources (the police ladders'
    /// row-by-row pairing with 综合管理类): shown as 未经证实.
    pub exact_unconfirmed: Vec<&'a str>,
    /// What to keep in mind (a 事业单位 grade is not a civil-service level).
    pub notes: Vec<String>,
    /// Everything at the same leadership level.
    pub same_level: Row<'a>,
    /// How sure the level is: high, medium or low.
    pub certainty: Certainty,
}

/// One rung of the ladder: a level and everything at it.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct Row<'a> {
    /// The level's canonical name (`县处级正职`).
    pub level: &'a str,
    /// Its colloquial short name (`正处级`).
    pub short: &'a str,
    /// Its 级别 band.
    pub grade: Grade,
    /// 综合管理类职级.
    pub general: Vec<&'a str>,
    /// 专业技术类职级.
    pub professional: Vec<&'a str>,
    /// 行政执法类职级.
    pub enforcement: Vec<&'a str>,
    /// 2019年前非领导职务.
    pub legacy: Vec<&'a str>,
    /// 执法勤务警员职务等级 (equivalence unconfirmed).
    pub police_officer: Vec<&'a str>,
    /// 警务技术职务 (equivalence unconfirmed).
    pub police_technical: Vec<&'a str>,
    /// 事业单位管理岗位职员 that correspond to the level (not civil service).
    pub institution_staff: Vec<&'a str>,
    /// Post titles whose level does not depend on the organisation.
    pub titles: Vec<&'a str>,
}

impl Dataset {
    /// One ladder row.
    ///
    /// ```
    /// let data = rankinfo::builtin();
    /// let row = data.row(data.level("厅局级副职").unwrap());
    /// assert_eq!((row.short, row.grade.highest, row.grade.lowest), ("副厅级", 10, 15));
    /// assert_eq!(row.general, ["二级巡视员"]);
    /// assert_eq!(row.legacy, ["副巡视员", "助理巡视员"]);
    /// ```
    pub fn row<'a>(&'a self, level: &'a Level) -> Row<'a> {
        let at = |seq: Sequence| -> Vec<&'a str> {
            self.ranks_in(seq)
                .filter(|r| {
                    self.rank_level(r)
                        .is_some_and(|(l, _)| l.name == level.name)
                })
                .map(|r| &*r.name)
                .collect()
        };
        Row {
            level: &level.name,
            short: &level.short,
            grade: level.grade,
            general: at(Sequence::General),
            professional: at(Sequence::Professional),
            enforcement: at(Sequence::Enforcement),
            legacy: at(Sequence::Legacy),
            police_officer: at(Sequence::PoliceOfficer),
            police_technical: at(Sequence::PoliceTechnical),
            institution_staff: at(Sequence::InstitutionStaff),
            titles: self
                .ranks
                .titles
                .iter()
                .filter(|t| t.level.as_deref() == Some(&*level.name))
                .map(|t| &*t.name)
                .collect(),
        }
    }

    /// The whole dual-track ladder, from 国家级正职 down to 办事员级.
    ///
    /// ```
    /// let data = rankinfo::builtin();
    /// let ladder = data.ladder();
    /// let zhengchu = ladder.iter().find(|r| r.level == "县处级正职").unwrap();
    /// assert_eq!(zhengchu.general, ["一级调研员", "二级调研员"]);
    /// assert_eq!(zhengchu.legacy, ["调研员"]);
    /// ```
    pub fn ladder(&self) -> Vec<Row<'_>> {
        self.levels().map(|l| self.row(l)).collect()
    }

    /// What an entry is equivalent to across the tracks.
    ///
    /// ```
    /// let data = rankinfo::builtin();
    /// let e = data.equivalents(data.lookup("二级调研员").unwrap()).unwrap();
    /// assert_eq!(e.level, Some("县处级正职"));
    /// assert_eq!(e.exact, ["二级高级主管", "二级高级主办", "调研员"]);
    /// assert_eq!(e.same_level.titles, ["县长", "处长"]);
    /// // 局长's level depends on its organisation: no equivalents without one.
    /// assert!(data.equivalents(data.lookup("局长").unwrap()).is_none());
    /// ```
    pub fn equivalents<'a>(&'a self, entry: Entry<'a>) -> Option<Equivalents<'a>> {
        let (level, confidence) = self.level_of(entry)?;
        let mut exact = Vec::new();
        let mut exact_unconfirmed = Vec::new();
        let mut notes = Vec::new();
        let unsure = |r: &crate::schema::Rank| {
            self.rank_level(r)
                .is_some_and(|(_, c)| c == crate::schema::Confidence::Unconfirmed)
        };
        if let Entry::Rank(r) = entry {
            if r.sequence.outside_civil_service() {
                notes.push(format!(
                    "{}是事业单位管理岗位的等级，对应事业单位的{}；它不是公务员职务层次（参考资料未载对应的公务员级别），下列公务员职级只是同一层次",
                    r.name, level.name
                ));
            }
            if r.is_current() {
                // The same rung in every current sequence: matched through the
                // 综合管理类 rank they all equal.
                let general = self.general_rank(r).map(|g| &*g.name);
                for other in self
                    .ranks
                    .ranks
                    .iter()
                    .filter(|o| o.is_current() && o.name != r.name)
                {
                    if general.is_some() && self.general_rank(other).map(|g| &*g.name) == general {
                        if unsure(r) || unsure(other) {
                            exact_unconfirmed.push(&*other.name);
                        } else {
                            exact.push(&*other.name);
                        }
                    }
                }
                for old in self.ranks_in(Sequence::Legacy) {
                    if old.converts_to.as_deref() == Some(&*r.name) {
                        exact.push(&*old.name);
                    }
                }
            } else if let Some(to) = &r.converts_to {
                exact.push(to);
            }
        }
        Some(Equivalents {
            name: entry.name(),
            level: Some(&level.name),
            grade: self.grade_of(entry),
            exact,
            exact_unconfirmed,
            notes,
            same_level: self.row(level),
            certainty: confidence.into(),
        })
    }
}
