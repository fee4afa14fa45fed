//! The fast JSON writer (`Resolution::write_json`) writes exactly what
//! serde_json writes for the same answer: the JSON contract has one shape,
//! whichever path prints it.

use proptest::prelude::*;

fn inputs() -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for file in [
        include_str!("data/realworld_extra.tsv"),
        include_str!("data/realworld_sure.tsv"),
        include_str!("data/realworld_holdout.tsv"),
        include_str!("../benches/typical_titles.txt"),
    ] {
        out.extend(
            file.lines()
                .map(|l| l.split('\t').next().unwrap_or("").to_string()),
        );
    }
    for case in include_str!("data/resolve_cases.toml").lines() {
        if let Some(v) = case.strip_prefix("input = ") {
            out.push(v.trim_matches('"').to_string());
        }
    }
    // Everything JSON must escape, and what it must not.
    out.extend(
        [
            "",
            "\"局长\"",
            "处\\长",
            "副局长\n处长",
            "\u{0}\u{1}\u{8}\u{c}\u{1f}\u{7f}局长",
            "县长\t副县长\r",
            "/ü€𠀀",
            "未知单位“某某”（兼）副主任",
        ]
        .map(String::from),
    );
    out
}

fn fast(data: &rankinfo::Dataset, s: &str) -> String {
    let mut buf = Vec::new();
    data.resolve(s).write_json(&mut buf);
    String::from_utf8(buf).expect("the writer writes UTF-8")
}

#[test]
fn fast_writer_equals_serde_json_on_real_lines() {
    let data = rankinfo::builtin();
    let all = inputs();
    assert!(all.len() > 1000);
    for s in &all {
        let want = serde_json::to_string(&data.resolve(s)).unwrap();
        assert_eq!(fast(data, s), want, "input {s:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn fast_writer_equals_serde_json_on_any_text(s in "(\\PC|[\\x00-\\x1f\"\\\\、（）]|局长|县委|市)*") {
        let data = rankinfo::builtin();
        let want = serde_json::to_string(&data.resolve(&s)).unwrap();
        prop_assert_eq!(fast(data, &s), want);
    }
}

#[test]
fn escaping_agrees_for_every_ascii_byte_at_every_offset_of_a_word() {
    for b in 0u8..0x80 {
        for at in 0..17 {
            let mut s = "x".repeat(at);
            s.push(char::from(b));
            s.push_str("局长局长");
            let mut got = Vec::new();
            rankinfo::read::json::string(&mut got, &s);
            assert_eq!(
                String::from_utf8(got).unwrap(),
                serde_json::to_string(&s).unwrap()
            );
        }
    }
}
