//! The data model: what `data/*.toml` holds.
//!
//! One set of types serves both the data baked into the binary and data read
//! at run time. `build.rs` includes this file, parses `data/*.toml` into these
//! types, validates it and writes it out as Rust statics (every [`Text`] and
//! [`List`] then `Cow::Borrowed`, so start-up parses nothing). A file loaded at
//! run time fills the same types with `Cow::Owned`.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

pub mod address;

/// A string that is either baked into the binary or read at run time.
pub type Text = Cow<'static, str>;
/// A list that is either baked into the binary or read at run time.
pub type List<T> = Cow<'static, [T]>;

/// How sure the data is of a fact. Shown to the user with every answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// The text of a law or regulation, read at its article.
    Official,
    /// A regulation quoted word for word on third-party pages, cross-checked.
    Secondary,
    /// Widely stated, but no citable text was found.
    CommonKnowledge,
    /// Real in practice (高配, "treated as"), not a formal rule.
    Customary,
    /// No source text, sources disagree, or an inference: not authoritative.
    Unconfirmed,
}

impl Confidence {
    /// The Chinese label shown to users.
    pub fn label(self) -> &'static str {
        match self {
            Confidence::Official => "法规原文",
            Confidence::Secondary => "转引法规",
            Confidence::CommonKnowledge => "通行说法",
            Confidence::Customary => "惯例",
            Confidence::Unconfirmed => "未经证实",
        }
    }
}

/// How strong the evidence for a convention of address is
/// (the labels of `forms_of_address.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Strength {
    /// The text of a Party or State regulation or national standard.
    Official,
    /// Mainstream press quoting officials or scholars.
    Press,
    /// Etiquette textbooks, Q&A sites, forums, blogs.
    Weak,
    /// Widely repeated, no authoritative source.
    CommonPractice,
    /// Plausible, not found in any source.
    Unconfirmed,
}

impl Strength {
    /// The Chinese label shown to users.
    pub fn label(self) -> &'static str {
        match self {
            Strength::Official => "官方规定",
            Strength::Press => "媒体报道",
            Strength::Weak => "弱来源",
            Strength::CommonPractice => "通行做法",
            Strength::Unconfirmed => "未经证实",
        }
    }
}

/// A document, page or file that facts cite by `id`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Namespaced id: `legal:P1`, `titles:W5`, `address:S1`, `central:S2`.
    pub id: Text,
    /// The document, and what it supports.
    pub title: Text,
    /// Where it was read.
    #[serde(default)]
    pub url: List<Text>,
    /// The reference's grade for the source (primary, secondary, press, weak …).
    pub grade: Text,
}

/// A 级别 band: grade 1 is the highest, 27 the lowest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Grade {
    /// The highest (numerically smallest) 级别 of the band.
    pub highest: u8,
    /// The lowest (numerically largest) 级别 of the band.
    pub lowest: u8,
}

/// One of the 10 leadership levels of 《公务员法》第十八条, or the staff levels
/// 科员级 and 办事员级 below them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    /// Canonical name: `县处级正职`.
    pub name: Text,
    /// The colloquial short name: `正处级`.
    pub short: Text,
    /// Position on the ladder, 1 = 国家级正职 … 12 = 办事员级.
    pub order: u8,
    /// Conventional English label.
    pub english: Text,
    /// Colloquial and other names that mean this level.
    #[serde(default)]
    pub aliases: List<Text>,
    /// The 级别 band.
    pub grade: Grade,
    /// GB/T 12407-2008 职务级别代码, where the reference has it.
    pub gb12407: Option<Text>,
    pub confidence: Confidence,
    pub sources: List<Text>,
    #[serde(default)]
    pub notes: List<Text>,
}

/// The 职级 sequences, plus the pre-2019 非领导职务.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sequence {
    /// 综合管理类 (since 2019-06-01).
    General,
    /// 专业技术类.
    Professional,
    /// 行政执法类.
    Enforcement,
    /// 非领导职务 of the 2005 law, in force until 2019-05-31.
    Legacy,
}

impl Sequence {
    /// The Chinese name of the sequence.
    pub fn label(self) -> &'static str {
        match self {
            Sequence::General => "综合管理类职级",
            Sequence::Professional => "专业技术类职级",
            Sequence::Enforcement => "行政执法类职级",
            Sequence::Legacy => "2019年前非领导职务",
        }
    }
}

/// Minimum service before promotion to a 职级.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Promotion {
    /// Minimum years.
    pub years: u8,
    /// Posts or 职级 that count ("任厅局级副职或者二级巡视员4年以上").
    pub from: List<Text>,
    pub confidence: Confidence,
    pub sources: List<Text>,
}

/// A 职级 (rank), current or pre-2019.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rank {
    pub name: Text,
    pub sequence: Sequence,
    /// Position within its sequence, 1 = highest.
    pub order: u8,
    #[serde(default)]
    pub aliases: List<Text>,
    /// Conventional English, where the reference gives one.
    pub english: Option<Text>,
    /// The 级别 band; `None` where no source gives it.
    pub grade: Option<Grade>,
    /// Set when the band is less certain than the rest of the entry.
    pub grade_confidence: Option<Confidence>,
    /// The leadership level this rank is equivalent to (or 科员级/办事员级).
    pub level: Option<Text>,
    /// Set when the equivalence is less certain than the rest of the entry.
    pub level_confidence: Option<Confidence>,
    /// The leadership level for which this is the lowest corresponding 职级.
    pub min_rank_for: Option<Text>,
    /// Set when `min_rank_for` is less certain than the rest of the entry.
    pub min_rank_confidence: Option<Confidence>,
    /// For 专业技术类 and 行政执法类: the 综合管理类 rank it equals.
    pub general_equivalent: Option<Text>,
    pub promotion: Option<Promotion>,
    /// For pre-2019 titles: the 2019 职级 it was converted to (套转).
    pub converts_to: Option<Text>,
    /// For pre-2019 titles: the last day it was in force.
    pub in_force_until: Option<Text>,
    pub confidence: Confidence,
    pub sources: List<Text>,
    #[serde(default)]
    pub notes: List<Text>,
}

/// Which 综合管理类 职级 an organisation may set (《公务员职务与职级并行规定》第十条).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RankSetting {
    /// The organisations the clause names: `副省级城市的区机关`.
    pub unit: Text,
    /// The highest 职级 set there: it and every rank below it.
    pub from: Option<Text>,
    /// Or exactly these 职级.
    #[serde(default)]
    pub only: List<Text>,
    pub clause: Text,
    pub confidence: Confidence,
    pub sources: List<Text>,
}

/// A kind of organisation that decides what a context-dependent title means
/// (`--at 地级市`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Context {
    pub name: Text,
    #[serde(default)]
    pub aliases: List<Text>,
    /// What falls under it.
    pub description: Text,
}

/// What a title's holder is within the unit: decides 副 in address and the
/// half-step of the derivation rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 正职: heads the unit.
    Head,
    /// 副职.
    Deputy,
    /// A member of a leadership team (常委, 委员).
    Member,
    /// Other posts (秘书长 …).
    Other,
}

/// The level of a context-dependent title in one kind of organisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TitleCase {
    /// A [`Context`] name.
    pub at: Text,
    /// The post in that context: `市直部门局长`.
    pub post: Text,
    /// `None` where the reference gives no level (股长) or says it varies.
    pub level: Option<Text>,
    /// What the regulations call it when that differs from the level
    /// (副省级市局长: 名义正局级).
    pub nominal: Option<Text>,
    /// A level the holder often has personally (高配): shown as "often", never
    /// as the answer.
    pub often: Option<Text>,
    pub confidence: Confidence,
    pub sources: List<Text>,
    #[serde(default)]
    pub notes: List<Text>,
}

/// A post title (职务名称).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Title {
    pub name: Text,
    #[serde(default)]
    pub aliases: List<Text>,
    pub english: Option<Text>,
    pub role: Role,
    /// The level when it does not depend on the organisation.
    pub level: Option<Text>,
    /// The levels in each kind of organisation, when it does.
    #[serde(default)]
    pub cases: List<TitleCase>,
    /// What the answer depends on, for context-dependent titles.
    pub depends_on: Option<Text>,
    pub confidence: Confidence,
    pub sources: List<Text>,
    #[serde(default)]
    pub notes: List<Text>,
}

/// The contents of `data/ranks.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RanksFile {
    pub meta: Meta,
    #[serde(default, rename = "source")]
    pub sources: List<Source>,
    #[serde(default, rename = "level")]
    pub levels: List<Level>,
    #[serde(default, rename = "rank")]
    pub ranks: List<Rank>,
    #[serde(default, rename = "rank_setting")]
    pub rank_settings: List<RankSetting>,
    #[serde(default, rename = "context")]
    pub contexts: List<Context>,
    #[serde(default, rename = "title")]
    pub titles: List<Title>,
}

/// Version stamp and data policy of the built-in data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// `YYYY-MM-DD.N`: when the data was last revised.
    pub version: Text,
    /// What the data rests on, in one sentence.
    pub basis: Text,
    /// Notes on English renderings.
    pub english_policy: Text,
}

/// What a lookup key points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    /// Index into [`RanksFile::levels`].
    Level(u16),
    /// Index into [`RanksFile::ranks`].
    Rank(u16),
    /// Index into [`RanksFile::titles`].
    Title(u16),
}

/// One lookup key (a normalised name, alias or English name) and its target.
/// The index is sorted by key; a key may occur more than once (English names
/// shared by several titles).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexEntry {
    pub key: Text,
    pub target: Target,
}
