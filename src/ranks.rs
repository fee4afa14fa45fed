//! 职级 (ranks): the 2019 sequences and the pre-2019 非领导职务.

use crate::data::Dataset;
use crate::schema::{Confidence, Level, Rank, RankSetting, Sequence};

impl Rank {
    /// Whether the rank is in force today (not a pre-2019 title).
    ///
    /// ```
    /// let data = rankinfo::builtin();
    /// assert!(data.rank("一级调研员").unwrap().is_current());
    /// assert!(!data.rank("调研员").unwrap().is_current()); // converted in 2019
    /// ```
    pub fn is_current(&self) -> bool {
        self.sequence != Sequence::Legacy
    }
}

impl Dataset {
    /// Every rank of a sequence, highest first.
    ///
    /// ```
    /// use rankinfo::schema::Sequence;
    /// let data = rankinfo::builtin();
    /// let names: Vec<&str> = data.ranks_in(Sequence::Professional).map(|r| &*r.name).collect();
    /// assert_eq!(names[..3], ["一级总监", "二级总监", "一级高级主管"]);
    /// assert_eq!(names.len(), 11);
    /// ```
    pub fn ranks_in(&self, sequence: Sequence) -> impl Iterator<Item = &Rank> {
        self.ranks
            .ranks
            .iter()
            .filter(move |r| r.sequence == sequence)
    }

    /// The 综合管理类 rank a rank corresponds to: itself, its 1:1 equivalent
    /// in another sequence, or (pre-2019) the rank it was converted to.
    ///
    /// ```
    /// let data = rankinfo::builtin();
    /// let general = |name| &*data.general_rank(data.rank(name).unwrap()).unwrap().name;
    /// assert_eq!(general("一级高级主管"), "一级调研员");
    /// assert_eq!(general("副调研员"), "四级调研员"); // 套转 in 2019
    /// ```
    pub fn general_rank(&self, rank: &Rank) -> Option<&Rank> {
        match rank.sequence {
            Sequence::General => Some(self.rank(&rank.name)?),
            Sequence::Legacy => self.rank(rank.converts_to.as_deref()?),
            _ => self.rank(rank.general_equivalent.as_deref()?),
        }
    }

    /// The leadership level a rank is equivalent to, and how sure that is.
    /// 专业技术类 and 行政执法类 ranks go through their 综合管理类 equivalent.
    ///
    /// ```
    /// let data = rankinfo::builtin();
    /// let (level, _) = data.rank_level(data.rank("一级高级主办").unwrap()).unwrap();
    /// assert_eq!(level.name, "县处级正职");
    /// ```
    pub fn rank_level(&self, rank: &Rank) -> Option<(&Level, Confidence)> {
        let own = rank.level_confidence.unwrap_or(rank.confidence);
        if let Some(name) = &rank.level {
            return Some((self.level(name)?, own));
        }
        // One step, to a 综合管理类 rank with a level of its own (the data is
        // checked to be so): a chain or a cycle ends here, never recurses.
        let general = self.rank(rank.general_equivalent.as_deref()?)?;
        let level = self.level(general.level.as_deref()?)?;
        let conf = general.level_confidence.unwrap_or(general.confidence);
        Some((level, own.max(conf)))
    }

    /// The organisations that may set a 综合管理类 rank (并行规定第十条).
    ///
    /// ```
    /// let data = rankinfo::builtin();
    /// let units: Vec<&str> = data
    ///     .settable_at(data.rank("二级巡视员").unwrap())
    ///     .iter()
    ///     .map(|s| &*s.unit)
    ///     .collect();
    /// assert!(units.contains(&"中央机关"));
    /// assert!(units.contains(&"市（地、州、盟）、直辖市的区机关"));
    /// // Only 综合管理类 ranks have settings in the data.
    /// assert!(data.settable_at(data.rank("二级总监").unwrap()).is_empty());
    /// ```
    pub fn settable_at(&self, rank: &Rank) -> Vec<&RankSetting> {
        if rank.sequence != Sequence::General {
            return Vec::new();
        }
        self.ranks
            .rank_settings
            .iter()
            .filter(|s| match &s.from {
                Some(top) => self.rank(top).is_some_and(|top| top.order <= rank.order),
                None => s.only.contains(&rank.name),
            })
            .collect()
    }
}
