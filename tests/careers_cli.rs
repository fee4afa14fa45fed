//! Careers and the other sequences through the real binary, and every
//! unconfirmed fact shown as 未经证实.

mod common;

use common::{json, run, stdout};
use rankinfo::render::{self, Style};
use rankinfo::schema::Confidence;
use rankinfo::schema::careers::Topic;

/// No colour, and wide enough that no fact is wrapped.
fn plain() -> Style {
    Style {
        color: false,
        width: 10_000,
    }
}

#[test]
fn path_answers_first_with_earliest_eligibility() {
    let o = run(&[
        "path",
        "四级主任科员",
        "二级主任科员",
        "--served",
        "1.5",
        "--excellent",
        "1",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let text = stdout(&o);
    let first = text.lines().next().unwrap();
    assert_eq!(
        first,
        "四级主任科员 → 二级主任科员：2步，最低任职年限合计4年"
    );
    assert!(text.contains("最早现在即具备资格"), "{text}");
    assert!(text.contains("到二级主任科员最早还需2年"), "{text}");
    assert!(text.contains("不是晋升时间"), "{text}");
    assert!(text.contains("第十七条"), "{text}");
    // Sources only in JSON.
    assert!(
        !text.contains("careers:") && !text.contains("legal:"),
        "{text}"
    );

    let v = json(&[
        "path",
        "四级主任科员",
        "二级主任科员",
        "--served",
        "1.5",
        "--excellent",
        "1",
    ]);
    assert_eq!(v["total_years"], 4);
    assert_eq!(v["track"], "rank");
    assert_eq!(v["steps"][0]["to"], "三级主任科员");
    assert_eq!(v["steps"][0]["years"], 2);
    assert_eq!(v["earliest"]["required"], 1.5);
    assert_eq!(v["earliest"]["first_step"], 0.0);
    assert_eq!(v["earliest"]["total"], 2.0);
    assert!(v["steps"][0]["sources"].as_array().unwrap().len() >= 2);
    let labels = common::strs(&v["conditions"], "label");
    assert!(labels.contains(&"第十九条") && labels.contains(&"第二十一条"));
}

#[test]
fn path_with_a_basic_year_and_on_the_leadership_track() {
    let v = json(&[
        "path",
        "一级科员",
        "四级主任科员",
        "--served",
        "2",
        "--not-counted",
        "1",
    ]);
    assert_eq!(v["earliest"]["counted"], 1.0);
    assert_eq!(v["earliest"]["first_step"], 1.0);
    let text = stdout(&run(&["path", "县处级副职", "厅局级正职"]));
    assert!(text.starts_with("县处级副职 → 厅局级正职：3步，最低任职年限合计7年"));
    assert!(text.contains("不得越两级"), "{text}");
    assert!(text.contains("2014年文本"), "{text}");
    let text = stdout(&run(&["path", "一级主任科员", "县处级副职"]));
    assert!(text.contains("没有规定的晋升路径"), "{text}");
}

#[test]
fn path_refuses_numbers_that_do_not_add_up() {
    for args in [
        &["path", "一级科员", "四级主任科员", "--excellent", "1"][..],
        &["path", "一级科员", "四级主任科员", "--served", "nan"],
        &["path", "一级科员", "四级主任科员", "--served", "-1"],
        &[
            "path",
            "一级科员",
            "四级主任科员",
            "--served",
            "1",
            "--excellent",
            "2",
        ],
    ] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
    }
    let o = run(&["path", "调研猿", "处长"]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn kaohe_on_one_screen_and_its_alias() {
    let a = run(&["kaohe"]);
    let b = run(&["assessment"]);
    assert_eq!(a.status.code(), Some(0));
    assert_eq!(a.stdout, b.stdout);
    let text = stdout(&a);
    assert!(
        text.starts_with("公务员考核：考德、能、勤、绩、廉"),
        "{text}"
    );
    for want in [
        "平时考核",
        "专项考核",
        "定期考核",
        "累计两年称职以上",
        "连续三年优秀记三等功",
        "降低一个职务或者职级层次",
        "安全生产、社会稳定、新增债务",
        "基本合格",
    ] {
        assert!(text.contains(want), "{want}: {text}");
    }
    assert!(!text.contains("careers:"), "{text}");
    let v = json(&["kaohe"]);
    for key in ["kinds", "results", "leaders", "judicial", "institution"] {
        assert!(!v[key].as_array().unwrap().is_empty(), "{key}");
    }
}

#[test]
fn the_new_sequences_through_show_compare_equiv_resolve() {
    let v = json(&["show", "一级高级警长"]);
    assert_eq!(v["level"], "县处级正职");
    assert_eq!(v["confidence"], "unconfirmed");
    assert_eq!(v["sequence"], "police_officer");
    assert!(stdout(&run(&["show", "一级高级警长"])).contains("未经证实"));

    let v = json(&["show", "四级高级法官"]);
    assert!(v["level"].is_null());
    assert_eq!(v["sequence"], "judge");
    assert!(stdout(&run(&["show", "四级高级法官"])).contains("单独职务序列"));

    let v = json(&["show", "三级职员"]);
    assert_eq!(v["level"], "厅局级正职");
    assert!(v["grade"].is_null());
    let text = stdout(&run(&["show", "三级职员"]));
    assert!(
        text.starts_with("三级职员：对应事业单位的厅局级正职（正厅级）"),
        "{text}"
    );
    assert!(
        text.contains("事业单位自己的岗位等级，不是公务员职务层次"),
        "{text}"
    );
    assert!(text.contains("参考资料未载对应的公务员级别"), "{text}");

    let text = stdout(&run(&["show", "二级警督"]));
    assert!(text.contains("处(局)级正职：三级警监至二级警督"), "{text}");

    let v = json(&["compare", "四级高级法官", "处长"]);
    assert_eq!(v["relation"], "ambiguous");
    assert_eq!(v["stated_correspondence"], false);
    let text = stdout(&run(&["compare", "四级高级法官", "四级高级检察官"]));
    assert!(text.contains("没有规定的对应关系"), "{text}");

    // Read in a full title, a grade compares as that grade.
    let v = json(&["compare", "海淀区人民法院四级高级法官", "处长"]);
    assert_eq!(v["relation"], "ambiguous");
    assert_eq!(v["stated_correspondence"], false);
    assert_eq!(
        json(&["compare", "某派出所二级警督", "一级警督"])["relation"],
        "lower"
    );

    let v = json(&["compare", "一级高级警长", "处长"]);
    assert_eq!(v["relation"], "same");
    assert_eq!(v["stated_correspondence"], true);
    assert!(v["explanation"].as_str().unwrap().contains("未经证实"));

    let v = json(&["compare", "三级职员", "正厅级"]);
    assert_eq!(v["relation"], "same");
    assert!(
        v["explanation"]
            .as_str()
            .unwrap()
            .contains("不是公务员职务层次")
    );

    let v = json(&["equiv", "一级高级警长"]);
    assert!(v["exact"].as_array().unwrap().is_empty());
    assert_eq!(v["exact_unconfirmed"][0], "一级调研员");

    let v = json(&["resolve", "三级职员"]);
    assert_eq!(v["sector"], "public_institution");
    assert!(v["explanation"].as_str().unwrap().contains("厅级正职"));
    // A company's 职员 stays in the company.
    let v = json(&["resolve", "中国储备粮管理总公司业务二部设施技术处三级职员"]);
    assert_eq!(v["sector"], "enterprise");
    assert!(v["level"].is_null());
    let text = stdout(&run(&["show", "四级高级法官"]));
    assert!(
        text.contains("基层人民法院院长：三级高级法官至四级高级法官"),
        "{text}"
    );
    assert!(text.contains("现在是否仍适用未经证实"), "{text}");
    let v = json(&["resolve", "北京市公安局一级高级警长"]);
    assert_eq!(v["level"], "县处级正职");
    assert!(v["explanation"].as_str().unwrap().contains("未经证实"));
    let text = stdout(&run(&["resolve", "四级高级法官"]));
    assert!(
        text.starts_with("四级高级法官：没有规定的对应层次"),
        "{text}"
    );
    let text = stdout(&run(&["resolve", "某某派出所所长、二级警督"]));
    assert!(text.contains("层次无法确定"), "a part not read: {text}");
    let v = json(&["resolve", "四级高级法官"]);
    assert!(v["level"].is_null());
    assert!(v["explanation"].as_str().unwrap().contains("单独职务序列"));
}

#[test]
fn brief_and_address_for_the_new_sequences() {
    let v = json(&["brief", "一级调研员", "--surname", "王"]);
    assert_eq!(v["assessed_on"]["who"], "公务员（非领导成员）");
    assert_eq!(v["next_step"]["to"], "二级巡视员");
    assert_eq!(v["next_step"]["years"], 4);
    let text = stdout(&run(&["brief", "一级调研员", "--surname", "王"]));
    assert!(text.contains("晋升二级巡视员：本职级最少任职4年"), "{text}");
    let v = json(&["brief", "县长", "--surname", "王"]);
    assert_eq!(v["assessed_on"]["who"], "党政领导干部");
    assert!(v["next_step"].is_null());
    let v = json(&["brief", "四级高级法官", "--surname", "王"]);
    assert_eq!(v["assessed_on"]["who"], "法官");

    let text = stdout(&run(&["brief", "三级职员", "--surname", "王"]));
    assert!(
        text.starts_with(
            "王三级职员：三级职员，对应事业单位的厅局级正职（不是公务员职务层次；未见对应的公务员级别）"
        ),
        "{text}"
    );
    assert!(
        text.contains("事业单位管理岗位职员等级，不是领导职务"),
        "{text}"
    );
    assert!(
        !text.contains("8–13"),
        "no 级别 band for a 职员 grade: {text}"
    );
    let text = stdout(&run(&["brief", "二级警督"]));
    assert!(text.contains("同一警衔配多个层次的职务"), "{text}");
    let v = json(&["brief", "三级职员"]);
    assert_eq!(v["assessed_on"]["who"], "事业单位工作人员");

    let v = json(&["address", "四级高级法官", "--surname", "王"]);
    assert_eq!(v["basis"]["oral"]["strength"], "unconfirmed");
    assert_eq!(v["basis"]["written"]["strength"], "unconfirmed");
    assert!(
        v["warnings"][0]
            .as_str()
            .unwrap()
            .contains("参考资料未论及")
    );
}

/// Every rank whose entry or level is unconfirmed says 未经证实 on `show`.
#[test]
fn every_unconfirmed_rank_is_shown_as_unconfirmed() {
    let data = rankinfo::builtin();
    let mut checked = 0;
    for r in data.ranks.ranks.iter() {
        let level_unsure = data
            .rank_level(r)
            .is_some_and(|(_, c)| c == Confidence::Unconfirmed);
        let unsure = r.confidence == Confidence::Unconfirmed
            || level_unsure
            // A band that is unconfirmed *and given* (none is absent-and-said
            // 未见来源 instead).
            || (r.grade.is_some() && r.grade_confidence == Some(Confidence::Unconfirmed))
            || r.promotion
                .as_ref()
                .is_some_and(|p| p.confidence == Confidence::Unconfirmed);
        if !unsure {
            continue;
        }
        checked += 1;
        let s = data.summary(rankinfo::Entry::Rank(r));
        let text = render::summary(&s, plain());
        assert!(text.contains("未经证实"), "{}: {text}", r.name);
    }
    // 12 police steps, 11 警务技术, 4 judges' years, and the older ones.
    assert!(checked >= 27, "{checked}");
}

/// Every unconfirmed 考核 fact is on the `kaohe` screen with 未经证实, and
/// every unconfirmed promotion rule on the path that uses it.
#[test]
fn every_unconfirmed_rule_is_shown_as_unconfirmed() {
    let c = rankinfo::careers::builtin();
    let k = render::kaohe(&rankinfo::careers::kaohe::kaohe(), plain());
    for f in c.facts.iter() {
        let on_kaohe = matches!(
            f.topic,
            Topic::AssessmentKind
                | Topic::AssessmentResult
                | Topic::LeaderAssessment
                | Topic::JudicialAssessment
                | Topic::InstitutionAssessment
        );
        if on_kaohe {
            assert!(k.contains(&*f.text), "{}", f.label);
            if f.confidence == Confidence::Unconfirmed {
                assert!(
                    k.contains(&format!("{}（未经证实）", f.text)),
                    "{}",
                    f.label
                );
            }
            for n in f.notes.iter().filter(|n| n.contains("未经证实")) {
                assert!(k.contains(&**n), "{}: {n}", f.label);
            }
        }
    }
    let data = rankinfo::builtin();
    let shown =
        |a: &'static str, b: &'static str| render::path(&data.path(a, b, None).unwrap(), plain());
    let rank_path = shown("一级科员", "四级主任科员");
    assert!(
        rank_path.contains("所见条文没有说（未经证实）"),
        "{rank_path}"
    );
    let lead = shown("乡科级副职", "县处级正职");
    assert!(lead.contains("年限未见规定  未经证实"), "{lead}");
    assert!(lead.contains("沿用与否未经证实"), "{lead}");
    assert!(lead.contains("这里不收（未经证实）"), "{lead}");
    let police = shown("二级警员", "一级警员");
    assert!(
        police.contains("晋升年限只见一篇转述，未经证实"),
        "{police}"
    );
    let judges = shown("五级法官", "四级法官");
    assert!(judges.contains("2019年后是否仍适用未经证实"), "{judges}");
    for f in c.topic(Topic::PoliceRank) {
        if f.confidence == Confidence::Unconfirmed {
            assert!(
                police.contains(&format!("{}（未经证实）", f.text)),
                "{}",
                f.label
            );
        }
    }
}

#[test]
fn path_since_a_month_gives_the_earliest_month() {
    let v = json(&["path", "二级科员", "一级科员", "--since", "2020-01"]);
    // Years since 2020-01 are more than the 2 required: eligible now.
    assert_eq!(v["earliest"]["first_step"], 0.0);
    assert!(v["earliest"]["served"]["years"].as_f64().unwrap() >= 6.9);
    let on = &v["earliest"]["first_step_on"];
    assert_eq!(on, &v["earliest"]["served"]["as_of"]);
    assert!(on["year"].as_i64().unwrap() >= 2026);
    let o = run(&[
        "path",
        "二级科员",
        "一级科员",
        "--since",
        "2020-01",
        "--served",
        "1",
    ]);
    assert_eq!(o.status.code(), Some(2), "--since and --served conflict");
    let o = run(&["path", "二级科员", "一级科员", "--since", "二〇二〇年"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn careers_screens_fit_the_field_card() {
    for args in [
        &["kaohe"][..],
        &["path", "二级科员", "一级巡视员", "--served", "0.3"],
        &["path", "乡科级副职", "县处级正职"],
        &["path", "二级警员", "一级警务专员"],
        &["path", "一级法官", "四级高级法官"],
        &["show", "四级高级法官"],
        &["brief", "一级高级警长", "--surname", "李"],
    ] {
        let text = stdout(&run(args));
        for line in text.lines() {
            assert!(
                rankinfo::render::visible_width(line) <= 104,
                "{args:?}: {line}"
            );
            for id in ["careers:", "legal:", "titles:", "address:", "§", ".md"] {
                assert!(!line.contains(id), "{args:?}: {line}");
            }
        }
        assert_eq!(text.matches("把握").count(), 1, "{args:?}: {text}");
    }
    // With --sources, the rules are cited in full.
    let cited = stdout(&run(&["path", "一级科员", "四级主任科员", "--sources"]));
    assert!(
        cited.contains("《公务员职务与职级并行规定》(2019) 第十九至二十二条"),
        "{cited}"
    );
}
