//! 职级 (ranks): the 2019 sequences and the pre-2019 非领导职务.

use crate::data::Dataset;
use crate::schema::{Confidence, Level, Rank, RankSetting, Sequence};

impl Rank {
    /// Whether the rank is in force today (not a pre-2019 title).
    pub fn is_current(&self) -> bool {
        self.sequence != Sequence::Legacy
    }
}

impl Dataset {
    /// Every rank of a sequence, highest first.
    pub fn ranks_in(&self, sequence: Sequence) -> impl Iterator<Item = &Rank> {
        self.ranks
            .ranks
            .iter()
            .filter(move |r| r.sequence == sequence)
    }

    /// The 综合管理类 rank a rank corresponds to: itself, its 1:1 equivalent
    /// in another sequence, or (pre-2019) the rank it was converted to.
    pub fn general_rank(&self, rank: &Rank) -> Option<&Rank> {
        match rank.sequence {
            Sequence::General => Some(self.rank(&rank.name)?),
            Sequence::Legacy => self.rank(rank.converts_to.as_deref()?),
            _ => self.rank(rank.general_equivalent.as_deref()?),
        }
    }

    /// The leadership level a rank is equivalent to, and how sure that is.
    /// 专业技术类 and 行政执法类 ranks go through their 综合管理类 equivalent.
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
