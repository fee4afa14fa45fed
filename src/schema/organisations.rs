//! `data/organisations.toml`: named central organs and universities, and the
//! levels of the units of each kind of place (the derivation rule).

use super::{Confidence, Grade, List, Source, Text};
use serde::{Deserialize, Serialize};

/// A named organ whose level is fixed by name (国家统计局, 北京大学 …).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organ {
    /// Official name: `国家统计局`.
    pub name: Text,
    /// Other names (`发改委` for 国家发展和改革委员会).
    #[serde(default)]
    pub aliases: List<Text>,
    /// 国务院组成部门, 部委管理的国家局, 中管高校 …
    pub category: Text,
    /// The level of its head; `None` for a plaque or where the reference
    /// gives none.
    pub level: Option<Text>,
    /// How sure the data is of the entry.
    pub confidence: Confidence,
    /// Source ids.
    pub sources: List<Text>,
    /// The organ that manages it (部委管理的国家局).
    pub managed_by: Option<Text>,
    /// A plaque (牌子) has no level of its own: the organ that carries it.
    pub plaque_of: Option<Text>,
    /// Who heads a plaque, where the reference says; `None` where it does
    /// not (the post's level is then that of the holder's post in the
    /// organ that carries it, which the title does not say).
    #[serde(default)]
    pub plaque_head: Option<PlaqueHead>,
    /// Caveats, in Chinese, shown with the answer.
    #[serde(default)]
    pub notes: List<Text>,
}

/// Who heads a plaque (central_organs.md §1, §4, §6, §7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaqueHead {
    /// 一个机构两块牌子: one organ, whose head heads the plaque too.
    Host,
    /// Usually a deputy of the organ that carries it (the ministries'
    /// plaques; COMMON-KNOWLEDGE in the reference).
    HostDeputy,
}

/// The levels of the units of one kind of place or organ (a context of
/// `data/ranks.toml`): titles_by_org.md §3.7.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitLevel {
    /// A context name (`地级市`).
    pub context: Text,
    /// The head of the unit itself: 书记, 市长, 人大常委会主任, 政协主席.
    pub head: Text,
    /// The head of one of its working departments (局, 委, 办, 厅) or
    /// internal units (司); `None` where it has none with a rank.
    pub department: Option<Text>,
    /// What the regulations call the department head, where that differs.
    pub department_nominal: Option<Text>,
    /// The 级别 band of the department head where the regulations set it
    /// apart from its level's own (副部级机关's 司长: 十五级至十级, R4).
    pub department_grade: Option<Grade>,
    /// The same for the department head's deputy (十七级至十一级, R4).
    pub deputy_grade: Option<Grade>,
    /// How sure the data is of these levels.
    pub confidence: Confidence,
    /// Source ids.
    pub sources: List<Text>,
    /// Caveats, in Chinese, shown with the answer.
    #[serde(default)]
    pub notes: List<Text>,
}

/// A named place whose head has a level other than its kind's (湖北's
/// 省直管市: 一把手 副厅).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitOverride {
    /// Full place names.
    pub places: List<Text>,
    /// The level of their head.
    pub head: Text,
    /// How sure the data is of the exception.
    pub confidence: Confidence,
    /// Source ids.
    pub sources: List<Text>,
    /// Caveats, in Chinese, shown with the answer.
    #[serde(default)]
    pub notes: List<Text>,
}

/// Working departments whose head is below the usual department level by
/// name (a province's 部门管理机构 such as 监狱管理局: 副厅, not 正厅).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DepartmentOverride {
    /// A context name (`省`).
    pub context: Text,
    /// Department names, as they end (`监狱管理局`).
    pub names: List<Text>,
    /// The level of their head.
    pub head: Text,
    /// How sure the data is of the exception.
    pub confidence: Confidence,
    /// Source ids.
    pub sources: List<Text>,
    /// Caveats, in Chinese, shown with the answer.
    #[serde(default)]
    pub notes: List<Text>,
}

/// Where a body of a place (法院, 纪委, 群团 …) stands: its head is `below`
/// half-steps below the place's own head; its deputies a half-step lower
/// still (titles_by_org.md §3.7). With `titles`, the rule is for those posts
/// of the body only (政府秘书长), which then sit `below` the place's head.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BodyRule {
    /// The body the rule is for.
    pub body: super::Body,
    /// Only these posts of the body (`秘书长`); empty for the whole body.
    #[serde(default)]
    pub titles: List<Text>,
    /// Half-steps below the place's head: 1 is half a level (正 → 副), 2 a whole level.
    pub below: u8,
    /// The body's head stands where the place's working departments' heads
    /// do (`department` of its unit level: 正处 in a 地级市, 副厅 in a 副省级市),
    /// rather than `below` the place's head; `below` serves where the place
    /// has no ranked departments.
    #[serde(default)]
    pub like_department: bool,
    /// How sure the data is of the rule.
    pub confidence: Confidence,
    /// Source ids.
    pub sources: List<Text>,
    /// Caveats, in Chinese, shown with the answer.
    #[serde(default)]
    pub notes: List<Text>,
}

/// The contents of `data/organisations.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrganisationsFile {
    /// `[[source]]`: the sources the file's facts cite.
    #[serde(default, rename = "source")]
    pub sources: List<Source>,
    /// `[[organ]]`: organs with a level of their own.
    #[serde(default, rename = "organ")]
    pub organs: List<Organ>,
    /// `[[unit_level]]`: the levels of the units of each context.
    #[serde(default, rename = "unit_level")]
    pub unit_levels: List<UnitLevel>,
    /// `[[unit_override]]`: places whose head differs from their kind's.
    #[serde(default, rename = "unit_override")]
    pub unit_overrides: List<UnitOverride>,
    /// `[[department_override]]`: departments below the usual level.
    #[serde(default, rename = "department_override")]
    pub department_overrides: List<DepartmentOverride>,
    /// `[[body_rule]]`: where each body of a place stands.
    #[serde(default, rename = "body_rule")]
    pub body_rules: List<BodyRule>,
}
