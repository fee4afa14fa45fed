//! The model of `data/careers.toml`: the rules of promotion (职级 and
//! leadership posts), the steps between leadership levels, and 考核.

use super::{Confidence, List, Source, Text};
use serde::{Deserialize, Serialize};

/// What a rule is about: the answers group facts by topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Topic {
    /// Promotion of 职级 (《公务员职务与职级并行规定》第十六–二十二条).
    RankPromotion,
    /// Promotion to leadership posts (《公务员法》第四十五条,
    /// 《党政领导干部选拔任用工作条例》第八、九条).
    LeadershipPromotion,
    /// The kinds of assessment: 平时, 专项, 定期 (年度).
    AssessmentKind,
    /// The 等次 of the 年度考核 and what each does.
    AssessmentResult,
    /// What leaders are assessed on (《党政领导干部考核工作条例》), 政绩.
    LeaderAssessment,
    /// Judges and prosecutors (法官法、检察官法).
    JudicialAssessment,
    /// 事业单位 staff (《事业单位人事管理条例》).
    InstitutionAssessment,
    /// 警衔 promotion (《人民警察警衔条例》第十三–十七条).
    PoliceRank,
}

/// One rule or fact, in plain Chinese, with its sources.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    /// What the fact is about (promotion, assessment …).
    pub topic: Topic,
    /// A short label the answers group and look facts up by: `第十九条`,
    /// `优秀`, `平时考核`.
    pub label: Text,
    /// The document it comes from.
    pub document: Text,
    /// The fact, in plain Chinese.
    pub text: Text,
    /// The words of the text, where they were read.
    pub quote: Option<Text>,
    /// How sure the fact is.
    pub confidence: Confidence,
    /// Source ids.
    pub sources: List<Text>,
    #[serde(default)]
    /// Caveats shown with the fact.
    pub notes: List<Text>,
}

/// One step up the leadership levels (选拔任用条例第八条（三）).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LeadershipStep {
    /// A level of `data/ranks.toml`.
    pub from: Text,
    /// The level it leads to.
    pub to: Text,
    /// Minimum years in the lower post; `None` where no source states it.
    pub years: Option<u8>,
    /// The rule that gives the years, in plain Chinese.
    pub rule: Text,
    /// How sure the rule is.
    pub confidence: Confidence,
    /// Source ids.
    pub sources: List<Text>,
    #[serde(default)]
    /// Caveats shown with the step.
    pub notes: List<Text>,
}

/// The contents of `data/careers.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CareersFile {
    /// Sources cited only here (the others are declared in `data/ranks.toml`).
    #[serde(default, rename = "source")]
    pub sources: List<Source>,
    #[serde(default, rename = "fact")]
    /// `[[fact]]`: the rules and facts of careers and assessment.
    pub facts: List<Fact>,
    #[serde(default, rename = "leadership_step")]
    /// `[[leadership_step]]`: the steps between leadership levels.
    pub leadership_steps: List<LeadershipStep>,
}
