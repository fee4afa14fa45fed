//! Promotion paths computed by hand from the reference: the 第十八条 years
//! (legal_facts §4a), 第十九条 (优秀 −½ year, 基本称职/不定等次 not counted),
//! 选拔任用条例第八条（三） (careers §1b), 警衔条例第十四条 (careers §4a).

use rankinfo::builtin;
use rankinfo::careers::path::{Path, Served, Track};
use rankinfo::schema::Confidence;

fn path(from: &'static str, to: &'static str) -> Path<'static> {
    builtin().path(from, to, None).unwrap()
}

fn served(
    from: &'static str,
    to: &'static str,
    years: f64,
    excellent: u32,
    not_counted: u32,
) -> Path<'static> {
    let s = Served {
        years,
        excellent,
        not_counted,
        as_of: None,
    };
    s.check().unwrap();
    builtin().path(from, to, Some(s)).unwrap()
}

fn steps<'a>(p: &Path<'a>) -> Vec<(&'a str, &'a str, Option<u8>)> {
    p.steps.iter().map(|s| (s.from, s.to, s.years)).collect()
}

#[test]
fn rank_ladder_sums_to_27_years_from_bottom_to_top() {
    // legal_facts §4a's table: eight steps of 2 years, then 3, 4 and 4 = 27.
    // (The sentence under that table says "add up to 31 years": its own
    // figures sum to 27, so the sentence is wrong, not the data.)
    let p = path("二级科员", "一级巡视员");
    assert_eq!(p.track, Some(Track::Rank));
    assert_eq!(p.steps.len(), 11);
    assert_eq!(p.total_years, Some(27));
    assert_eq!(
        steps(&p)[8..],
        [
            ("二级调研员", "一级调研员", Some(3)),
            ("一级调研员", "二级巡视员", Some(4)),
            ("二级巡视员", "一级巡视员", Some(4)),
        ]
    );
    // 晋升四级主任科员 from 一级科员 is 2 years, not 3.
    assert_eq!(steps(&p)[1], ("一级科员", "四级主任科员", Some(2)));
    assert!(p.steps.iter().all(|s| s.assessment_adjusts));
    assert!(p.conditions.iter().any(|f| f.label == "第十七条"));
}

#[test]
fn excellent_years_cut_half_a_year_each() {
    // 二级调研员 → 一级调研员 needs 3 years; one 优秀 year: 2.5; served 1: 1.5 left.
    let e = served("二级调研员", "一级调研员", 1.0, 1, 0)
        .earliest
        .unwrap();
    assert_eq!(
        (e.required, e.first_step, e.total),
        (Some(2.5), Some(1.5), Some(1.5))
    );
    // 四级主任科员 → 二级主任科员 (2 + 2): 1.5 served with one 优秀 meets the
    // first step now; the second takes its full 2 years.
    let e = served("四级主任科员", "二级主任科员", 1.5, 1, 0)
        .earliest
        .unwrap();
    assert_eq!(
        (e.required, e.first_step, e.total),
        (Some(1.5), Some(0.0), Some(2.0))
    );
    // Four 优秀 years on a 2-year step: the rule gives 0; how far it may go is
    // unconfirmed and the path carries that fact.
    let p = served("一级科员", "四级主任科员", 4.0, 4, 0);
    assert_eq!(p.earliest.unwrap().required, Some(0.0));
    let cap = p
        .conditions
        .iter()
        .find(|f| f.label == "优秀缩短上限")
        .unwrap();
    assert_eq!(cap.confidence, Confidence::Unconfirmed);
}

#[test]
fn a_basic_or_undetermined_year_does_not_count() {
    // 一级科员 → 四级主任科员, 2 years; served 2 of which 1 基本称职: 1 counted, 1 left.
    let e = served("一级科员", "四级主任科员", 2.0, 0, 1)
        .earliest
        .unwrap();
    assert_eq!((e.counted, e.first_step), (1.0, Some(1.0)));
    // Both at once: 一级调研员 → 二级巡视员, 4 years; served 3 with one 优秀
    // and one 基本称职: required 3.5, counted 2, 1.5 left.
    let e = served("一级调研员", "二级巡视员", 3.0, 1, 1)
        .earliest
        .unwrap();
    assert_eq!(
        (e.required, e.counted, e.first_step),
        (Some(3.5), 2.0, Some(1.5))
    );
}

#[test]
fn leadership_steps_follow_article_8() {
    let p = path("县处级副职", "厅局级正职");
    assert_eq!(p.track, Some(Track::Leadership));
    assert_eq!(
        steps(&p),
        [
            ("县处级副职", "县处级正职", Some(2)),
            ("县处级正职", "厅局级副职", Some(3)),
            ("厅局级副职", "厅局级正职", Some(2)),
        ]
    );
    assert_eq!(p.total_years, Some(7));
    assert!(p.conditions.iter().any(|f| f.text.contains("不得越两级")));
    // 正科 → 正处: 3 + 2.
    assert_eq!(path("正科", "正处").total_years, Some(5));
    // 乡科级 steps have no stated years: no total, and the step is unconfirmed.
    let p = path("乡科级副职", "县处级副职");
    assert_eq!(p.total_years, None);
    assert_eq!(p.steps[0].years, None);
    assert_eq!(p.confidence, Confidence::Unconfirmed);
    // 优秀 does not shorten a leadership step (第十九条 is about 职级).
    let e = served("县处级副职", "县处级正职", 1.0, 1, 0)
        .earliest
        .unwrap();
    assert_eq!((e.required, e.first_step), (Some(2.0), Some(1.0)));
}

#[test]
fn a_leadership_post_counts_toward_a_rank() {
    // 任县处级正职3年 → 一级调研员 (第十八条（三）), then 4 + 4.
    let p = path("县处级正职", "一级巡视员");
    assert_eq!(
        steps(&p),
        [
            ("县处级正职", "一级调研员", Some(3)),
            ("一级调研员", "二级巡视员", Some(4)),
            ("二级巡视员", "一级巡视员", Some(4)),
        ]
    );
    // A pre-2019 title counts as the rank it was converted to.
    let p = path("调研员", "一级调研员");
    assert_eq!(p.from, "二级调研员");
    assert_eq!(p.total_years, Some(3));
}

#[test]
fn no_stated_path_is_said_not_invented() {
    for (a, b) in [
        ("一级主任科员", "县处级副职"), // a 职级 does not become a post by years
        ("四级高级法官", "四级高级检察官"), // different sequences
        ("一级法官", "四级高级法官"),   // 选升
        ("一级巡视员", "二级巡视员"),   // downwards
    ] {
        let p = path(a, b);
        assert!(p.steps.is_empty(), "{a} → {b}");
        assert_eq!(p.total_years, None);
        assert!(!p.notes.is_empty(), "{a} → {b}: says why");
    }
    assert!(path("一级法官", "四级高级法官").notes[0].contains("选升"));
}

#[test]
fn other_ladders_their_years_and_certainty() {
    // 警衔条例第十四条: 二级警员 → 一级警司 4 × 3, → 一级警督 3 × 4.
    let p = path("二级警员（警衔）", "一级警督");
    assert_eq!(p.total_years, Some(24));
    assert_eq!(p.confidence, Confidence::Official);
    // 执法勤务警员 (Q12, unconfirmed): 8 × 2 + 3 + 4 + 4.
    let p = path("二级警员", "一级警务专员");
    assert_eq!((p.steps.len(), p.total_years), (11, Some(27)));
    assert_eq!(p.confidence, Confidence::Unconfirmed);
    // 1997 法官等级暂行规定: 3 + 3 + 4 + 4, unconfirmed.
    let p = path("五级法官", "一级法官");
    assert_eq!(
        (p.total_years, p.confidence),
        (Some(14), Confidence::Unconfirmed)
    );
    // 第十九条 does not apply there: 优秀 leaves the years as they are.
    let e = served("二级警员", "一级警员", 1.0, 1, 0).earliest.unwrap();
    assert_eq!(e.first_step, Some(1.0));
}

#[test]
fn served_numbers_are_checked() {
    let bad = [
        (f64::NAN, 0, 0),
        (f64::INFINITY, 0, 0),
        (-1.0, 0, 0),
        (61.0, 0, 0),
        (2.0, 3, 0),
        (3.5, 2, 2),
    ];
    for (years, excellent, not_counted) in bad {
        let s = Served {
            years,
            excellent,
            not_counted,
            as_of: None,
        };
        assert!(s.check().is_err(), "{s:?}");
    }
    assert!(
        Served {
            years: 3.5,
            excellent: 2,
            not_counted: 1,
            as_of: None,
        }
        .check()
        .is_ok()
    );
}

#[test]
fn every_pair_of_names_answers_without_panicking() {
    let data = builtin();
    let names: Vec<&str> = data
        .levels()
        .map(|l| &*l.name)
        .chain(data.ranks.ranks.iter().map(|r| &*r.name))
        .collect();
    let s = Served {
        years: 1.5,
        excellent: 1,
        not_counted: 0,
        as_of: None,
    };
    for a in &names {
        for b in &names {
            let p = data.path(a, b, Some(s)).unwrap();
            if let Some(t) = p.total_years {
                assert!(t <= 60, "{a} → {b}: {t}");
            }
        }
    }
    assert!(data.path("", "处长", None).is_err());
    assert!(data.path("局长", "厅局级正职", None).is_ok());
}

#[test]
fn years_are_said_as_served_not_rounded_to_half_years() {
    use rankinfo::careers::path::years_text;
    assert_eq!(years_text(2.0), "2");
    assert_eq!(years_text(0.3), "0.3");
    assert_eq!(years_text(1.5), "1.5");
    assert_eq!(years_text(26.75), "26.75");
    let e = served("二级科员", "一级科员", 0.3, 0, 0).earliest.unwrap();
    assert!((e.first_step.unwrap() - 1.7).abs() < 1e-9);
    // The same rung: no steps, and the answer says so.
    let p = path("正处", "处长");
    assert!(p.steps.is_empty());
    assert_eq!((p.from, p.to), ("县处级正职", "县处级正职"));
}

#[test]
fn earliest_as_a_month() {
    use rankinfo::careers::path::YearMonth;
    let ym = |year, month| YearMonth { year, month };
    // 1970-01-01 and 2026-12-01 (20788 days later).
    assert_eq!(YearMonth::from_unix(0), ym(1970, 1));
    assert_eq!(YearMonth::from_unix(20_788 * 86_400), ym(2026, 12));
    assert_eq!(YearMonth::from_unix(20_788 * 86_400 - 1), ym(2026, 11));
    assert_eq!(YearMonth::parse("2023-06"), Some(ym(2023, 6)));
    assert_eq!(YearMonth::parse("2023"), Some(ym(2023, 1)));
    assert_eq!(YearMonth::parse("2023-13"), None);
    assert_eq!(YearMonth::parse("去年"), None);
    assert_eq!(ym(2023, 6).months_until(ym(2026, 12)), 42);
    // Rounded up to the month: at the earliest.
    assert_eq!(ym(2026, 12).plus_years(1.5), ym(2028, 6));
    assert_eq!(ym(2026, 12).plus_years(0.3), ym(2027, 4));
    assert_eq!(ym(2026, 12).plus_years(0.0), ym(2026, 12));
    // 二级调研员 since 2025-12 (1 year), one 优秀: 1.5 years left, 2028-06.
    let s = Served {
        years: 1.0,
        excellent: 1,
        not_counted: 0,
        as_of: Some(ym(2026, 12)),
    };
    let e = builtin()
        .path("二级调研员", "二级巡视员", Some(s))
        .unwrap()
        .earliest
        .unwrap();
    assert_eq!(e.first_step_on, Some(ym(2028, 6)));
    // Then 4 years as 一级调研员: 5.5 in all.
    assert_eq!(e.total_on, Some(ym(2032, 6)));
}
