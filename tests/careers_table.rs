//! The built-in data for careers and the other sequences against tables
//! transcribed by hand from shared/reference/careers_and_other_sequences.md
//! (§1b, §4a, §4b, §4c) and legal_facts.md §4a. A typo in data/ranks.toml or
//! data/careers.toml fails here.

use rankinfo::schema::careers::Topic;
use rankinfo::schema::{Confidence, Rank, Sequence};
use rankinfo::{Entry, builtin};

fn rank(name: &str) -> &'static Rank {
    match builtin().lookup(name) {
        Ok(Entry::Rank(r)) => r,
        other => panic!("{name}: {other:?}"),
    }
}

fn names(seq: Sequence) -> Vec<&'static str> {
    builtin().ranks_in(seq).map(|r| &*r.name).collect()
}

fn level(r: &Rank) -> Option<(&'static str, Confidence)> {
    builtin().rank_level(r).map(|(l, c)| (&*l.name, c))
}

/// §4a table: 执法勤务警员职务等级, 警务技术职务, the 综合管理类 职级 of the same
/// rank, and the level of K1. The last column: years to reach it from the
/// step below (Q12: 2 a step, 3 to 一级高级警长, 4 to each 警务专员).
type PoliceRow = (
    &'static str,
    Option<&'static str>,
    &'static str,
    &'static str,
    Option<u8>,
);
const POLICE: &[PoliceRow] = &[
    (
        "一级警务专员",
        Some("警务技术一级总监"),
        "一级巡视员",
        "厅局级正职",
        Some(4),
    ),
    (
        "二级警务专员",
        Some("警务技术二级总监"),
        "二级巡视员",
        "厅局级副职",
        Some(4),
    ),
    (
        "一级高级警长",
        Some("警务技术一级主任"),
        "一级调研员",
        "县处级正职",
        Some(3),
    ),
    (
        "二级高级警长",
        Some("警务技术二级主任"),
        "二级调研员",
        "县处级正职",
        Some(2),
    ),
    (
        "三级高级警长",
        Some("警务技术三级主任"),
        "三级调研员",
        "县处级副职",
        Some(2),
    ),
    (
        "四级高级警长",
        Some("警务技术四级主任"),
        "四级调研员",
        "县处级副职",
        Some(2),
    ),
    (
        "一级警长",
        Some("警务技术一级主管"),
        "一级主任科员",
        "乡科级正职",
        Some(2),
    ),
    (
        "二级警长",
        Some("警务技术二级主管"),
        "二级主任科员",
        "乡科级正职",
        Some(2),
    ),
    (
        "三级警长",
        Some("警务技术三级主管"),
        "三级主任科员",
        "乡科级副职",
        Some(2),
    ),
    (
        "四级警长",
        Some("警务技术四级主管"),
        "四级主任科员",
        "乡科级副职",
        Some(2),
    ),
    (
        "一级警员",
        Some("警务技术员"),
        "一级科员",
        "科员级",
        Some(2),
    ),
    ("二级警员", None, "二级科员", "办事员级", None),
];

#[test]
fn police_ladders_their_counterparts_and_years_all_unconfirmed() {
    assert_eq!(
        names(Sequence::PoliceOfficer),
        POLICE.iter().map(|p| p.0).collect::<Vec<_>>()
    );
    assert_eq!(
        names(Sequence::PoliceTechnical),
        POLICE.iter().filter_map(|p| p.1).collect::<Vec<_>>()
    );
    for (i, &(officer, tech, general, lv, years)) in POLICE.iter().enumerate() {
        let r = rank(officer);
        assert_eq!(r.general_equivalent.as_deref(), Some(general), "{officer}");
        assert_eq!(
            level(r),
            Some((lv, Confidence::Unconfirmed)),
            "{officer}: level"
        );
        assert_eq!(r.confidence, Confidence::Unconfirmed, "{officer}");
        assert!(r.grade.is_none(), "{officer}: no 级别 band is stated");
        match (years, &r.promotion) {
            (Some(y), Some(p)) => {
                assert_eq!(p.years, y, "{officer}");
                assert_eq!(&*p.from, [POLICE[i + 1].0], "{officer}");
                assert_eq!(p.confidence, Confidence::Unconfirmed);
            }
            (None, None) => {}
            other => panic!("{officer}: {other:?}"),
        }
        if let Some(t) = tech {
            let t = rank(t);
            assert_eq!(t.general_equivalent.as_deref(), Some(general));
            assert_eq!(level(t), Some((lv, Confidence::Unconfirmed)));
            assert!(
                t.promotion.is_none(),
                "{}: the reference gives no years",
                t.name
            );
        }
    }
}

/// 警衔条例第七条: 五等十三级, in order.
const INSIGNIA: &[&str] = &[
    "总警监",
    "副总警监",
    "一级警监",
    "二级警监",
    "三级警监",
    "一级警督",
    "二级警督",
    "三级警督",
    "一级警司",
    "二级警司",
    "三级警司",
    "一级警员（警衔）",
    "二级警员（警衔）",
];

/// 警衔条例第八、九条: post, its level, highest and lowest 警衔.
const RANGES: &[(&str, Option<&str>, &str, &str)] = &[
    ("部级正职", Some("省部级正职"), "总警监", "总警监"),
    ("部级副职", Some("省部级副职"), "副总警监", "副总警监"),
    ("厅(局)级正职", Some("厅局级正职"), "一级警监", "二级警监"),
    ("厅(局)级副职", Some("厅局级副职"), "二级警监", "三级警监"),
    ("处(局)级正职", Some("县处级正职"), "三级警监", "二级警督"),
    ("处(局)级副职", Some("县处级副职"), "一级警督", "三级警督"),
    ("科(局)级正职", Some("乡科级正职"), "一级警督", "一级警司"),
    ("科(局)级副职", Some("乡科级副职"), "二级警督", "二级警司"),
    ("科员(警长)职", Some("科员级"), "三级警督", "三级警司"),
    (
        "办事员(警员)职",
        Some("办事员级"),
        "一级警司",
        "二级警员（警衔）",
    ),
    ("高级专业技术职务", None, "一级警监", "二级警督"),
    ("中级专业技术职务", None, "一级警督", "二级警司"),
    ("初级专业技术职务", None, "三级警督", "一级警员（警衔）"),
];

#[test]
fn insignia_grades_and_the_range_of_every_post() {
    assert_eq!(names(Sequence::PoliceRank), INSIGNIA);
    let data = builtin();
    let got: Vec<_> = data
        .ranks
        .insignia_ranges
        .iter()
        .map(|i| (&*i.post, i.level.as_deref(), &*i.highest, &*i.lowest))
        .collect();
    assert_eq!(got, RANGES);
    for name in INSIGNIA {
        let r = rank(name);
        assert_eq!(r.confidence, Confidence::Official);
        assert!(level(r).is_none(), "{name}: a 警衔 has no single level");
    }
    // 一级警员 is the post step; the 警衔 of the same name is separate.
    assert_eq!(rank("一级警员").sequence, Sequence::PoliceOfficer);
    // 二级警督 sits in six ranges, 总警监 in one.
    assert_eq!(data.insignia_posts("二级警督").len(), 6);
    assert_eq!(data.insignia_posts("总警监").len(), 1);
}

#[test]
fn insignia_promotion_years_of_article_14() {
    // 二级警员至一级警司 three years a step, 一级警司至一级警督 four.
    let steps: &[(&str, &str, u8)] = &[
        ("一级警员（警衔）", "二级警员（警衔）", 3),
        ("三级警司", "一级警员（警衔）", 3),
        ("二级警司", "三级警司", 3),
        ("一级警司", "二级警司", 3),
        ("三级警督", "一级警司", 4),
        ("二级警督", "三级警督", 4),
        ("一级警督", "二级警督", 4),
    ];
    for &(to, from, years) in steps {
        let p = rank(to).promotion.as_ref().expect(to);
        assert_eq!((&*p.from, p.years), (&[from.into()][..], years), "{to}");
        assert_eq!(p.confidence, Confidence::Official);
    }
    // 一级警督 and above: 选升, no years.
    for name in &INSIGNIA[..5] {
        assert!(rank(name).promotion.is_none(), "{name}");
    }
}

#[test]
fn judges_and_prosecutors_twelve_grades_own_sequence_no_level() {
    let judges = [
        "首席大法官",
        "一级大法官",
        "二级大法官",
        "一级高级法官",
        "二级高级法官",
        "三级高级法官",
        "四级高级法官",
        "一级法官",
        "二级法官",
        "三级法官",
        "四级法官",
        "五级法官",
    ];
    let prosecutors = judges.map(|j| j.replace("法官", "检察官"));
    assert_eq!(names(Sequence::Judge), judges);
    assert_eq!(names(Sequence::Procurator), prosecutors);
    for name in judges
        .iter()
        .copied()
        .chain(prosecutors.iter().map(|s| &**s))
    {
        let r = rank(name);
        assert!(level(r).is_none(), "{name}: no stated level");
        assert!(r.grade.is_none() && r.general_equivalent.is_none());
        assert!(r.notes[0].contains("单独职务序列"), "{name}");
        assert_eq!(r.confidence, Confidence::Official);
    }
    // 1997 暂行规定第十二条: 五级至三级 three years a step, 三级至一级 four;
    // whether it still applies is unconfirmed.
    for (to, years) in [
        ("四级法官", 3),
        ("三级法官", 3),
        ("二级法官", 4),
        ("一级法官", 4),
    ] {
        let p = rank(to).promotion.as_ref().expect(to);
        assert_eq!((p.years, p.confidence), (years, Confidence::Unconfirmed));
    }
    assert!(rank("四级高级法官").promotion.is_none(), "选升");
    assert!(
        builtin()
            .ranks_in(Sequence::Procurator)
            .all(|r| r.promotion.is_none()),
        "the reference has no years for prosecutors"
    );
}

#[test]
fn institution_staff_grades_and_their_correspondence() {
    let table = [
        ("一级职员", "省部级正职", "部级正职"),
        ("二级职员", "省部级副职", "部级副职"),
        ("三级职员", "厅局级正职", "厅级正职"),
        ("四级职员", "厅局级副职", "厅级副职"),
        ("五级职员", "县处级正职", "处级正职"),
        ("六级职员", "县处级副职", "处级副职"),
        ("七级职员", "乡科级正职", "科级正职"),
        ("八级职员", "乡科级副职", "科级副职"),
        ("九级职员", "科员级", "科员"),
        ("十级职员", "办事员级", "办事员"),
    ];
    assert_eq!(
        names(Sequence::InstitutionStaff),
        table.map(|t| t.0).to_vec()
    );
    for (name, lv, words) in table {
        let r = rank(name);
        assert_eq!(level(r), Some((lv, Confidence::Secondary)), "{name}");
        assert!(r.grade.is_none(), "{name}: no civil-service 级别");
        assert!(
            r.notes[0].contains(&format!("对应事业单位现行的{words}")),
            "{name}"
        );
        assert!(r.notes[0].contains("不是公务员职务层次"));
    }
    assert!(
        rank("一级职员")
            .notes
            .iter()
            .any(|n| n.contains("未经证实"))
    );
}

#[test]
fn leadership_steps_of_article_8_item_3() {
    let steps: Vec<_> = rankinfo::careers::builtin()
        .leadership_steps
        .iter()
        .map(|s| (&*s.from, &*s.to, s.years, s.confidence))
        .collect();
    use Confidence::{Secondary, Unconfirmed};
    assert_eq!(
        steps,
        [
            ("乡科级副职", "乡科级正职", None, Unconfirmed),
            ("乡科级正职", "县处级副职", Some(3), Secondary),
            ("县处级副职", "县处级正职", Some(2), Secondary),
            ("县处级正职", "厅局级副职", Some(3), Secondary),
            ("厅局级副职", "厅局级正职", Some(2), Secondary),
            ("厅局级正职", "省部级副职", Some(3), Secondary),
            ("省部级副职", "省部级正职", Some(2), Secondary),
        ]
    );
}

#[test]
fn the_rules_cite_their_articles_with_the_reference_confidence() {
    let c = rankinfo::careers::builtin();
    let f = |t, l: &str| c.fact(t, l).unwrap_or_else(|| panic!("{l}"));
    let art19 = f(Topic::RankPromotion, "第十九条");
    assert!(art19.quote.as_deref().unwrap().contains("任职年限缩短半年"));
    assert!(
        art19
            .quote
            .as_deref()
            .unwrap()
            .contains("基本称职等次或者不定等次")
    );
    assert_eq!(art19.confidence, Confidence::Secondary);
    assert_eq!(
        f(Topic::RankPromotion, "优秀缩短上限").confidence,
        Confidence::Unconfirmed
    );
    assert!(
        f(Topic::LeadershipPromotion, "第九条")
            .text
            .contains("不得越两级")
    );
    assert!(
        f(Topic::LeadershipPromotion, "第八条（三）").notes[0].contains("2014"),
        "2019 wording not seen"
    );
    // 累计, not 连续 (Q5 第二十条).
    let pay = f(Topic::AssessmentResult, "称职以上");
    assert!(pay.text.contains("累计两年") && pay.text.contains("累计五年"));
    assert!(
        f(Topic::AssessmentResult, "优秀")
            .text
            .contains("连续三年优秀记三等功")
    );
    assert_eq!(
        f(Topic::LeaderAssessment, "未见").confidence,
        Confidence::Unconfirmed
    );
    assert!(
        f(Topic::InstitutionAssessment, "方式与等次")
            .text
            .contains("合格")
    );
    // The 第十八条 article number now cites careers:Q3 on every 综合管理类 step.
    for r in builtin().ranks_in(Sequence::General) {
        if let Some(p) = &r.promotion {
            assert!(p.sources.iter().any(|s| s == "careers:Q3"), "{}", r.name);
        }
    }
}

#[test]
fn a_careers_file_is_checked_against_the_data() {
    let data = builtin();
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/careers.toml")).unwrap();
    let file = rankinfo::careers::from_toml(&text, data).unwrap();
    assert_eq!(&file, rankinfo::careers::builtin());
    // A step two levels up, and an unknown source, are refused.
    let bad = text.replace(
        "from = \"县处级副职\"\nto = \"县处级正职\"",
        "from = \"县处级副职\"\nto = \"厅局级副职\"",
    );
    assert!(rankinfo::careers::from_toml(&bad, data).is_err());
    let bad = text.replace("sources = [\"careers:Q9\"]", "sources = [\"careers:Q99\"]");
    assert!(rankinfo::careers::from_toml(&bad, data).is_err());
}

/// §4b, 1997 《法官等级暂行规定》 职务编制等级: court, post, highest, lowest.
const JUDGE_POSTS: &[(&str, &str, &str, &str)] = &[
    ("最高人民法院", "院长", "首席大法官", "首席大法官"),
    ("最高人民法院", "副院长", "一级大法官", "二级大法官"),
    ("最高人民法院", "庭长", "一级高级法官", "二级高级法官"),
    ("最高人民法院", "审判员", "一级高级法官", "四级高级法官"),
    ("高级人民法院", "院长", "二级大法官", "二级大法官"),
    ("高级人民法院", "副院长", "一级高级法官", "三级高级法官"),
    ("高级人民法院", "庭长", "二级高级法官", "四级高级法官"),
    ("高级人民法院", "审判员", "二级高级法官", "二级法官"),
    ("中级人民法院", "院长", "一级高级法官", "三级高级法官"),
    ("中级人民法院", "副院长", "二级高级法官", "四级高级法官"),
    ("中级人民法院", "庭长", "三级高级法官", "一级法官"),
    ("中级人民法院", "审判员", "三级高级法官", "三级法官"),
    ("基层人民法院", "院长", "三级高级法官", "四级高级法官"),
    ("基层人民法院", "副院长", "四级高级法官", "一级法官"),
    ("基层人民法院", "庭长", "四级高级法官", "二级法官"),
    ("基层人民法院", "审判员", "四级高级法官", "四级法官"),
];

#[test]
fn judges_1997_post_ranges_all_unconfirmed() {
    let got: Vec<_> = builtin()
        .ranks
        .judge_post_ranges
        .iter()
        .map(|j| (&*j.court, &*j.post, &*j.highest, &*j.lowest))
        .collect();
    assert_eq!(got, JUDGE_POSTS);
    assert!(
        builtin()
            .ranks
            .judge_post_ranges
            .iter()
            .all(|j| j.confidence == Confidence::Unconfirmed)
    );
    // 五级法官 is in no post's range; 二级大法官 in two.
    assert!(builtin().judge_posts("五级法官").is_empty());
    assert_eq!(builtin().judge_posts("二级大法官").len(), 2);
}
