//! The reader on real career lines, labelled by hand from the reference
//! without reading the code: shared/realworld/labelled.tsv (its `sure` lines,
//! copied to tests/data/realworld_sure.tsv) and tests/data/realworld_extra.tsv
//! (574 more lines from the same pool, labelled in a separate pass), and
//! tests/data/realworld_holdout.tsv (300 lines drawn at random from the pool,
//! labelled in a third pass; measured once before any change was made for
//! them: 89.7% right on sure+likely, 1.9% answered 高 and wrong), and
//! tests/data/realworld_holdout2.tsv (200 more lines drawn at random, seed
//! 20261201, labelled blind in a fourth pass; measured before any change for
//! them: 90.2% right on sure+likely, none answered 高 and wrong), and
//! tests/data/realworld_holdout3.tsv (200 more, seed 20261204, labelled
//! blind in a fifth pass; measured before any change for them: 94.9% right
//! on sure+likely, none answered 高 and wrong), and
//! tests/data/realworld_holdout4.tsv (160 more, seed 20261207, labelled
//! blind in a sixth pass; measured before any change for them: 91.1% right
//! on sure+likely, one answered 高 and wrong), and
//! tests/data/realworld_holdout5.tsv (160 more, seed 20261202, 110 of them
//! drawn from the lines the reader answers 高 to check those claims,
//! labelled blind in a seventh pass; measured before any change for them:
//! 96.1% right on sure+likely, none answered 高 and wrong), and
//! tests/data/realworld_holdout6.tsv (160 more, seed 20261203, 80 of them
//! drawn from the lines the reader answers 高 in a department or unit below
//! a province, labelled blind in an eighth pass; measured before any change
//! for them: 94.0% right on sure+likely, four answered 高 and wrong), and
//! tests/data/realworld_holdout7.tsv (160 more, seed 20261205, 50 of them
//! drawn from answers of 高 in provincial and central organs and 50 from
//! answers of 中, labelled blind in a ninth pass; measured before any change
//! for them: 94.4% right on sure+likely, one answered 高 and wrong), and
//! tests/data/realworld_holdout8.tsv (160 more, seed 20261206, 90 of them
//! drawn from answers of 高 and 40 from answers of 中, labelled blind in a
//! tenth pass; measured before any change for them: 98.7% right on
//! sure+likely, none answered 高 and wrong), and
//! tests/data/realworld_holdout9.tsv (160 more, seed 20261208, 70 of them
//! drawn from the answers this session's readings changed and 60 from
//! answers of 高 in central organs, labelled blind in an eleventh pass;
//! measured before any change for them: 98.1% right on sure+likely, none
//! answered 高 and wrong), and
//! tests/data/realworld_holdout10.tsv (160 more, seed 20261210, 80 of them
//! drawn from answers of 高 and 45 from answers of 中, labelled blind in a
//! twelfth pass; measured before any change for them: 93.1% right on
//! sure+likely, none answered 高 and wrong), and
//! tests/data/realworld_holdout11.tsv (160 more, seed 20261211, 60 of them
//! drawn from answers of 高, 45 from answers of 中, 25 from lines with no
//! level and 30 from lines of 40 characters or more, labelled blind in a
//! thirteenth pass; measured before any change for them: 90.7% right on
//! sure+likely, none answered 高 and wrong), and
//! tests/data/realworld_holdout12.tsv (150 more, seed 20261212, 80 of them
//! drawn from the answers that holdout11's fixes changed and 70 from answers
//! of 高, labelled blind in a fourteenth pass; measured before any further
//! change: 97.7% right on sure+likely (57.4% with the binary before those
//! fixes), none answered 高 and wrong).
//!
//! Every `sure` line must resolve to its label, except the known gaps listed
//! in tests/data/realworld_gaps.txt, which must keep failing so that a fix is
//! noticed. `likely` lines are measured, not asserted line by line: the
//! share answered right and the share answered 高 and wrong are held to the
//! figures reached, so a regression fails the test.

use rankinfo::read::Certainty;
use std::collections::BTreeSet;

struct Line {
    text: String,
    expected: String,
    certainty: String,
}

fn read(tsv: &str) -> Vec<Line> {
    let mut lines = tsv.lines().filter(|l| !l.starts_with('#'));
    let header: Vec<&str> = lines.next().expect("a header").split('\t').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).expect(name);
    let (text, expected, certainty) = (col("text"), col("expected_level"), col("certainty"));
    lines
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            Line {
                text: f[text].to_string(),
                expected: f[expected].to_string(),
                certainty: f[certainty].to_string(),
            }
        })
        .collect()
}

fn all() -> Vec<Line> {
    let mut v = read(include_str!("data/realworld_sure.tsv"));
    v.extend(read(include_str!("data/realworld_extra.tsv")));
    v.extend(read(include_str!("data/realworld_holdout.tsv")));
    v.extend(read(include_str!("data/realworld_holdout2.tsv")));
    v.extend(read(include_str!("data/realworld_holdout3.tsv")));
    v.extend(read(include_str!("data/realworld_holdout4.tsv")));
    v.extend(read(include_str!("data/realworld_holdout5.tsv")));
    v.extend(read(include_str!("data/realworld_holdout6.tsv")));
    v.extend(read(include_str!("data/realworld_holdout7.tsv")));
    v.extend(read(include_str!("data/realworld_holdout8.tsv")));
    v.extend(read(include_str!("data/realworld_holdout9.tsv")));
    v.extend(read(include_str!("data/realworld_holdout10.tsv")));
    v.extend(read(include_str!("data/realworld_holdout11.tsv")));
    v.extend(read(include_str!("data/realworld_holdout12.tsv")));
    v
}

fn answer(text: &str) -> (String, Certainty) {
    let r = rankinfo::builtin().resolve(text);
    (
        r.level.map_or("NONE".to_string(), |l| l.name.to_string()),
        r.confidence,
    )
}

#[test]
fn sure_lines_resolve_to_their_labels() {
    let gaps: BTreeSet<&str> = include_str!("data/realworld_gaps.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .collect();
    let lines = all();
    let sure: Vec<&Line> = lines.iter().filter(|l| l.certainty == "sure").collect();
    assert!(sure.len() >= 780, "{} sure lines", sure.len());
    let mut failures = Vec::new();
    for l in &sure {
        let (got, _) = answer(&l.text);
        let right = got == l.expected;
        match (right, gaps.contains(l.text.as_str())) {
            (false, false) => failures.push(format!("{} → {got}, labelled {}", l.text, l.expected)),
            (true, true) => failures.push(format!(
                "{}: listed as a gap but now right: remove it",
                l.text
            )),
            _ => {}
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn likely_lines_hold_their_accuracy() {
    let lines = all();
    let likely: Vec<&Line> = lines.iter().filter(|l| l.certainty == "likely").collect();
    let (mut right, mut high_wrong) = (0, 0);
    for l in &likely {
        let (got, c) = answer(&l.text);
        if got == l.expected {
            right += 1;
        } else if c == Certainty::High {
            high_wrong += 1;
        }
    }
    let n = likely.len() as f64;
    // Reached on the 617 likely lines of realworld_extra.tsv and the twelve
    // holdouts: 85.9% right (85.4% on the 582 before holdout12; 85.7% on the
    // 553 before holdout11, 85.2% before its fixes; 84.9% on the 517 before
    // holdout10; 84.3% on
    // the 502 before holdout9; 83.9%
    // before news of investigations were read; 83.4% on the 482 before
    // holdout8), none answered 高 and wrong (one line of slack).
    // Raise these as the reader improves; never lower them to make a change
    // pass.
    assert!(
        right as f64 / n >= 0.855,
        "{right} of {n} likely lines right"
    );
    assert!(
        high_wrong as f64 / n <= 0.0035,
        "{high_wrong} of {n} answered 高 and wrong"
    );
}

#[test]
fn unlabelled_noise_never_claims_high() {
    // Strings whose middle is not understood: no level, never 高.
    for text in [
        "湖南省乱码市岳麓区区长",
        "沧州市人民医院院长",
        "河北省总工会主席",
        "某某公司总经理",
    ] {
        let r = rankinfo::builtin().resolve(text);
        assert_ne!(r.confidence, Certainty::High, "{text}");
    }
}

#[test]
fn hostile_strings_get_an_answer_and_no_panic() {
    let data = rankinfo::builtin();
    let many_posts = "县委副书记、".repeat(5_000) + "县长";
    let long = "广东省".repeat(20_000) + "副局长";
    let hostile = [
        many_posts.as_str(),
        long.as_str(),
        "\u{feff}\u{200b}处\u{0}长\r",
        "（（（（（（副处长",
        "）））兼兼兼任、、、",
        "第第第届届届。。。",
        "任任任原原原代代",
        "\u{2f06}级巡视员",
        "處長（正廳級）",
        "\u{10ffff}\u{e000}局长",
    ];
    for text in hostile {
        let r = data.resolve(text);
        // One answer for the whole string, whatever it holds.
        assert_eq!(r.input, text);
    }
    // Cleaning keeps the meaning: a Kangxi radical is the digit it looks like.
    let r = data.resolve("\u{2f06}级巡视员");
    assert_eq!(r.rank, Some("二级巡视员"));
    assert_eq!(
        data.resolve("處長").level.map(|l| &*l.name),
        Some("县处级正职")
    );
    let r = data.resolve("\u{feff}\u{200b}处长");
    assert_eq!(r.level.map(|l| &*l.name), Some("县处级正职"));
}
