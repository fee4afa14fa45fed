//! Resolution against tests/data/resolve_cases.toml: expected answers written
//! from shared/reference (titles_by_org.md, central_organs.md,
//! legal_facts.md) independently of the code.

use serde::Deserialize;

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    input: String,
    level: String,
    #[serde(default)]
    title: String,
    rank: Option<String>,
    #[serde(default)]
    unconfirmed: bool,
    why: String,
    /// Set where rankinfo is known not to give the reference's answer yet:
    /// why. Such a case must still fail, so that a fix is noticed.
    known_gap: Option<String>,
}

fn cases() -> Vec<Case> {
    let text = include_str!("data/resolve_cases.toml");
    toml::from_str::<Cases>(text)
        .expect("resolve_cases.toml parses")
        .case
}

#[test]
fn every_case_resolves_to_the_reference_level() {
    let data = rankinfo::builtin();
    let all = cases();
    assert!(all.len() >= 150);
    let mut failures = Vec::new();
    for c in &all {
        let r = data.resolve(&c.input);
        let level = r.level.map_or("", |l| &*l.name);
        let mut wrong = Vec::new();
        if level != c.level {
            wrong.push(format!("level {level:?} ≠ {:?}", c.level));
        }
        if !c.title.is_empty() && !title_matches(data, r.title, &c.title) {
            wrong.push(format!("title {:?} ≠ {:?}", r.title, c.title));
        }
        if let Some(rank) = &c.rank {
            if r.rank != Some(rank.as_str()) {
                wrong.push(format!("rank {:?} ≠ {rank:?}", r.rank));
            }
        }
        if c.unconfirmed
            && !c.level.is_empty()
            && r.confidence == rankinfo::resolve::Certainty::High
        {
            wrong.push("unconfirmed fact presented with high confidence".into());
        }
        if c.known_gap.is_some() {
            if wrong.is_empty() {
                failures.push(format!(
                    "{}: marked known_gap but now resolves right: remove the mark",
                    c.input
                ));
            }
            continue;
        }
        if !wrong.is_empty() {
            failures.push(format!(
                "{} → {} ({})\n    {}",
                c.input,
                wrong.join("; "),
                c.why,
                r.explanation()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        all.len(),
        failures.join("\n")
    );
}

/// The oracle names the post word as written (镇长, 主席, 常务副市长);
/// resolution gives the canonical title (乡长, 国家主席, 副市长).
fn title_matches(data: &rankinfo::Dataset, got: Option<&str>, want: &str) -> bool {
    let Some(got) = got else { return false };
    got.ends_with(want) || want.ends_with(got) || data.lookup(want).is_ok_and(|e| e.name() == got)
}

#[test]
fn never_panics_on_strange_input() {
    let data = rankinfo::builtin();
    for s in [
        "",
        " ",
        "、、、",
        "，",
        "局长局长局长",
        "省市县区镇乡",
        "\u{0}",
        "𠀀𠀁",
        &"区".repeat(5000),
        "ＡＢＣ局长",
    ] {
        let _ = data.resolve(s).explanation();
    }
}
