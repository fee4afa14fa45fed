//! `rankinfo kaohe`: the assessment system (考核) on one screen — the kinds,
//! the 等次 and what each does, what leaders are assessed on (德能勤绩廉,
//! 政绩), and how judges, prosecutors and 事业单位 staff differ.

use crate::careers::builtin;
use crate::schema::careers::{Fact, Topic};
use crate::schema::{Confidence, Sequence};
use serde::Serialize;

/// The answer to `rankinfo kaohe`. JSON: one list of facts per part; fields
/// may be added, never renamed or removed.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct Kaohe {
    /// What is assessed and how: 平时, 专项, 定期 (年度) 考核.
    pub kinds: Vec<&'static Fact>,
    /// The 等次 and their consequences.
    pub results: Vec<&'static Fact>,
    /// Leaders: 德能勤绩廉, 政绩.
    pub leaders: Vec<&'static Fact>,
    /// Judges and prosecutors.
    pub judicial: Vec<&'static Fact>,
    /// 事业单位 staff.
    pub institution: Vec<&'static Fact>,
    /// How sure the screen is, apart from the facts marked unconfirmed one
    /// by one: the weakest of the others.
    pub certainty: crate::read::Certainty,
}

/// The whole assessment system.
///
/// ```
/// let k = rankinfo::careers::kaohe::kaohe();
/// assert!(k.results.iter().any(|f| f.label == "优秀"));
/// ```
pub fn kaohe() -> Kaohe {
    let c = builtin();
    let all = |t| c.topic(t).collect::<Vec<_>>();
    let kinds = all(Topic::AssessmentKind);
    let results = all(Topic::AssessmentResult);
    let leaders = all(Topic::LeaderAssessment);
    let judicial = all(Topic::JudicialAssessment);
    let institution = all(Topic::InstitutionAssessment);
    let weakest = [&kinds, &results, &leaders, &judicial, &institution]
        .into_iter()
        .flatten()
        .map(|f| f.confidence)
        .filter(|c| *c != Confidence::Unconfirmed)
        .max()
        .unwrap_or(Confidence::Unconfirmed);
    Kaohe {
        kinds,
        results,
        leaders,
        judicial,
        institution,
        certainty: crate::read::Certainty::of(weakest),
    }
}

/// Who is assessed how: the short section of `brief`.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct AssessedOn {
    /// The rule set: `公务员（非领导成员）`, `党政领导干部`, `法官`, `检察官`,
    /// `事业单位工作人员`, `人民警察（公务员）`.
    pub who: &'static str,
    /// What is assessed, in one sentence.
    pub on: String,
    /// The 等次.
    pub grades: &'static str,
    /// What a result does, in one sentence.
    pub consequence: String,
    /// The least sure of the facts used.
    pub confidence: Confidence,
    /// The facts of `data/careers.toml` the card rests on.
    pub facts: Vec<&'static Fact>,
}

/// What an official is assessed on: by a rank's sequence, or as a leader
/// (a leadership post) or a non-leader civil servant.
pub fn assessed_on(sequence: Option<Sequence>, leader: bool) -> AssessedOn {
    let c = builtin();
    let f = |t, l| c.fact(t, l);
    let (who, on, grades, consequence, facts) = match sequence {
        Some(Sequence::Judge | Sequence::Procurator) => (
            if sequence == Some(Sequence::Judge) {
                "法官"
            } else {
                "检察官"
            },
            "平时考核和年度考核相结合，考工作实绩、职业道德、专业水平、工作能力和作风，重点是办案实绩".to_string(),
            "优秀、称职、基本称职、不称职",
            "结果是调整等级、工资以及奖惩、免职、降职、辞退的依据".to_string(),
            vec![
                f(Topic::JudicialAssessment, "方式与内容"),
                f(Topic::JudicialAssessment, "等次"),
            ],
        ),
        Some(Sequence::InstitutionStaff) => (
            "事业单位工作人员",
            "平时考核、年度考核和聘期考核".to_string(),
            "优秀、合格、基本合格、不合格（不是“称职”）",
            "结果是调整岗位、工资和续订聘用合同的依据；连续两年不合格，单位可以解除聘用合同".to_string(),
            vec![
                f(Topic::InstitutionAssessment, "方式与等次"),
                f(Topic::InstitutionAssessment, "不合格"),
            ],
        ),
        Some(Sequence::PoliceOfficer | Sequence::PoliceTechnical | Sequence::PoliceRank) => (
            "人民警察（公务员）",
            "德、能、勤、绩、廉，重点是政治素质和工作实绩；平时考核、专项考核，年度考核定等次".to_string(),
            "优秀、称职、基本称职、不称职",
            "累计两年称职以上升一个工资档次、累计五年升一个级别；不称职降一个职务或职级层次。优秀缩短晋升年限（第十九条）是否适用于警员职务等级、警衔，参考资料未载".to_string(),
            vec![
                f(Topic::AssessmentKind, "考什么"),
                f(Topic::AssessmentResult, "称职以上"),
                f(Topic::AssessmentResult, "不称职"),
            ],
        ),
        _ if leader => (
            "党政领导干部",
            "德、能、勤、绩、廉，重点是政治素质和工作实绩（政绩）；平时、年度、专项、任期考核；安全生产、社会稳定、新增债务是加大权重的约束性指标".to_string(),
            "四个等次（公务员法）；领导干部考核条例的等次条文未见，未经证实",
            "结果用于调整职务、职级、级别、工资和奖惩".to_string(),
            vec![
                f(Topic::LeaderAssessment, "领导干部"),
                f(Topic::LeaderAssessment, "政绩"),
                f(Topic::AssessmentKind, "领导成员"),
                f(Topic::AssessmentResult, "等次"),
                f(Topic::LeaderAssessment, "未见"),
            ],
        ),
        _ => (
            "公务员（非领导成员）",
            "德、能、勤、绩、廉，重点是政治素质和工作实绩；平时考核、专项考核，年度考核定等次".to_string(),
            "优秀、称职、基本称职、不称职",
            "优秀：晋升职级年限缩短半年，连续三年记三等功；累计两年称职以上升一个工资档次、累计五年升一个级别；不称职降一个职务或职级层次".to_string(),
            vec![
                f(Topic::AssessmentKind, "考什么"),
                f(Topic::AssessmentResult, "优秀"),
                f(Topic::AssessmentResult, "称职以上"),
                f(Topic::AssessmentResult, "不称职"),
            ],
        ),
    };
    let facts: Vec<&'static Fact> = facts.into_iter().flatten().collect();
    // The list of what was not seen is unconfirmed by nature: it does not
    // lower the rest (its sentence says 未经证实 itself).
    let confidence = facts
        .iter()
        .filter(|f| f.label != "未见")
        .map(|f| f.confidence)
        .max()
        .unwrap_or(Confidence::Unconfirmed);
    AssessedOn {
        who,
        on,
        grades,
        consequence,
        confidence,
        facts,
    }
}
