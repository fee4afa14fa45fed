//! The field card (issue 8): what a default screen may and may not show,
//! the `certainty` of every JSON answer, and the CLI conventions around it.

mod common;

use common::{json, run, run_with_stdin, stdout};
use rankinfo::Entry;
use rankinfo::address::Person;
use rankinfo::render::{self, Style, visible_width};

/// Something only the program's own bookkeeping says: a source id
/// (`titles:W3`, `address:S19`, a bare `W9`), a section sign, a reference
/// file, or an ASCII label of the data (`common_practice`).
fn internal(line: &str) -> Option<String> {
    if line.contains('§') || line.contains(".md") || line.contains("titles_by_org") {
        return Some("reference".into());
    }
    let words = line.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'));
    for w in words {
        let id = w.split_once(':').map_or(w, |(_, id)| id);
        let numbered = id.len() >= 2
            && id.starts_with(|c: char| c.is_ascii_uppercase())
            && id[1..].chars().all(|c| c.is_ascii_digit())
            && matches!(&id[..1], "W" | "S" | "R" | "T" | "P" | "G" | "H" | "C");
        let label = w.contains('_') && w.chars().all(|c| c.is_ascii_lowercase() || c == '_');
        if numbered || label {
            return Some(w.to_string());
        }
    }
    None
}

fn check(screen: &str, what: &str) {
    for line in screen.lines() {
        if let Some(bad) = internal(line) {
            panic!("{what}: “{bad}” in a default screen:\n{line}");
        }
        assert!(visible_width(line) <= 104, "{what}: too wide:\n{line}");
    }
}

#[test]
fn no_default_screen_shows_ids_sections_or_data_labels() {
    let data = rankinfo::builtin();
    let style = Style::default();
    let mut entries: Vec<Entry> = data.ranks.titles.iter().map(Entry::Title).collect();
    entries.extend(data.ranks.ranks.iter().map(Entry::Rank));
    entries.extend(data.levels().map(Entry::Level));
    let person = Person::surnamed("王");
    for e in entries {
        let name = e.name();
        check(&render::summary(&data.summary(e), style), name);
        if let Some(eq) = data.equivalents(e) {
            check(&render::equivalents(&eq, style), name);
        }
        if let Ok(a) = data.address(name, &person) {
            check(&render::address(&a, style), name);
        }
        if let Ok(b) = data.brief(name, &person) {
            check(&render::brief(&b, style), name);
        }
    }
    // Real titles from the labelled set, read whole.
    let sure = include_str!("data/realworld_sure.tsv");
    for line in sure.lines().filter(|l| !l.starts_with('#')).skip(1) {
        let text = line.split('\t').next().unwrap_or_default();
        check(&render::resolution(&data.resolve(text), style), text);
    }
    check(&render::ladder(&data.ladder(), style), "ladder");
}

#[test]
fn the_checker_catches_what_it_is_for() {
    assert!(internal("来源较弱（W9），未经证实").is_some());
    assert!(internal("titles:W3, titles:W4").is_some());
    assert!(internal("（titles_by_org §3.8，通行说法）").is_some());
    assert!(internal("王主任属常见做法（common_practice）").is_some());
    assert!(internal("英文  Division Director").is_none());
    assert!(internal("Level-1 Inspector").is_none());
}

#[test]
fn every_answer_has_a_certainty() {
    // A title with a sourced level; a level whose kind of organisation is
    // only commonly said; a title read without a place.
    assert_eq!(json(&["show", "处长"])["certainty"], "high");
    assert_eq!(
        json(&["show", "局长", "--at", "直辖市"])["certainty"],
        "medium"
    );
    assert_eq!(json(&["show", "局长"])["cases"][4]["certainty"], "medium");
    assert_eq!(json(&["equiv", "一级调研员"])["certainty"], "high");
    assert_eq!(json(&["resolve", "县委书记"])["certainty"], "medium");
    assert_eq!(
        json(&["compare", "县委书记", "处长"])["certainty"],
        "medium"
    );
    assert_eq!(json(&["compare", "调研员", "处长"])["certainty"], "high");
    // The old field keeps its values: fields are never renamed.
    assert_eq!(json(&["show", "处长"])["confidence"], "secondary");
}

#[test]
fn the_default_screen_states_certainty_once_and_sources_only_when_asked() {
    let plain = stdout(&run(&["show", "处长"]));
    assert_eq!(plain.matches("把握").count(), 1, "{plain}");
    assert!(!plain.contains("来源"), "{plain}");
    let cited = stdout(&run(&["show", "处长", "--sources"]));
    assert!(cited.contains("来源"), "{cited}");
    assert!(cited.contains("https://"), "{cited}");
    check(&cited, "show 处长 --sources");
    // Not 高: the reason is on the same line.
    let derived = stdout(&run(&["show", "局长", "--at", "直辖市"]));
    let line = derived.lines().find(|l| l.contains("把握")).unwrap();
    assert!(line.contains("中：通行说法"), "{line}");
}

#[test]
fn posts_outside_the_civil_service_are_answered_not_unknown() {
    for (args, sector) in [
        (&["show", "董事长"][..], "企业"),
        (&["show", "村支书"][..], "村（社区）"),
        (&["equiv", "少将"][..], "军队"),
        (&["compare", "村支书", "处长"][..], "村（社区）"),
        (&["brief", "董事长"][..], "企业"),
    ] {
        let o = run(args);
        assert!(o.status.success(), "{args:?}");
        let text = stdout(&o);
        assert!(
            text.contains("没有公务员职务层次") && text.contains(sector),
            "{args:?}: {text}"
        );
        assert!(!text.contains("是否要找"), "{text}");
    }
    let v = json(&["show", "少将"]);
    assert_eq!(
        (v["error"].as_str(), v["sector"].as_str()),
        (Some("outside_civil_service"), Some("military"))
    );
    // A hospital's 院长 is read, and is not a court's.
    let v = json(&["show", "沧州市人民医院院长"]);
    assert_eq!(
        (v["level"].as_str(), v["sector"].as_str()),
        (None, Some("public_institution"))
    );
}

#[test]
fn a_dash_reads_the_name_from_standard_input() {
    let o = run_with_stdin(&["show", "-"], "处长\n".as_bytes());
    assert!(stdout(&o).starts_with("处长：县处级正职"), "{}", stdout(&o));
    let o = run_with_stdin(&["compare", "-", "-"], "调研员\n处长\n".as_bytes());
    assert!(
        stdout(&o).starts_with("调研员 同级于 处长"),
        "{}",
        stdout(&o)
    );
    // Nothing to read: said, exit 3.
    let o = run_with_stdin(&["show", "-"], b"");
    assert_eq!(o.status.code(), Some(3));
}

#[test]
fn every_command_has_examples_in_its_help() {
    for cmd in [
        "show", "compare", "equiv", "ladder", "resolve", "address", "brief",
    ] {
        let help = stdout(&run(&[cmd, "--help"]));
        assert!(
            help.contains("例子：") && help.contains("rankinfo "),
            "{cmd}: {help}"
        );
    }
    assert!(stdout(&run(&["--help"])).contains("退出码"));
}

#[test]
fn off_a_terminal_no_line_is_wider_than_100_columns() {
    for args in [
        &["show", "局长"][..],
        &["brief", "二级巡视员", "--surname", "李"][..],
        &["compare", "局长", "处长"][..],
        &["show", "处长", "--sources"][..],
    ] {
        for line in stdout(&run(args)).lines() {
            assert!(visible_width(line) <= 102, "{args:?}: {line}");
        }
    }
}

#[test]
fn one_hostile_line_is_answered_too_long_in_flat_memory() {
    let data = rankinfo::builtin();
    let long = "处长".repeat(rankinfo::read::MAX_TEXT_BYTES);
    let r = data.resolve(&long);
    assert!(r.level.is_none());
    assert!(r.explanation().contains("输入过长"), "{}", r.explanation());
    let many = vec!["处长"; rankinfo::read::MAX_POSTS + 1].join("、");
    assert!(data.resolve(&many).explanation().contains("职务过多"));
    // Under the limits, the same posts are read.
    let few = ["处长"; 3].join("、");
    assert_eq!(
        data.resolve(&few).level.map(|l| &*l.name),
        Some("县处级正职")
    );
    // Through the CLI: a 6 MB line, then a real one; one answer each.
    let input = format!("{}\n副处长\n", "处长".repeat(1_000_000));
    let o = run_with_stdin(&["resolve", "--json"], input.as_bytes());
    let lines: Vec<&str> = std::str::from_utf8(&o.stdout).unwrap().lines().collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[0].contains("输入过长") && lines[1].contains("县处级副职"));
}

#[test]
fn a_rank_read_from_text_reports_its_own_band() {
    // legal_facts §3b: 一级调研员 is 级别 11–17, though 正处 is 12–18.
    let v = json(&["resolve", "一级调研员"]);
    assert_eq!(
        (
            v["grade"]["highest"].as_u64(),
            v["grade"]["lowest"].as_u64()
        ),
        (Some(11), Some(17))
    );
    let v = json(&["resolve", "处长"]);
    assert_eq!(
        (
            v["grade"]["highest"].as_u64(),
            v["grade"]["lowest"].as_u64()
        ),
        (Some(12), Some(18))
    );
}
