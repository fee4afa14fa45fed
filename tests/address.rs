//! Forms of address: every case of tests/data/address_cases.toml (written
//! from forms_of_address.md independently of data/address.toml), one test per
//! rule, and the real binary.

use rankinfo::address::{Address, Person, TitleKind};
use rankinfo::builtin;
use rankinfo::schema::Strength;
use serde::Deserialize;
use std::process::{Command, Output};

// ───────────────────────── the oracle table ─────────────────────────

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    title: String,
    surname: String,
    given_name: Option<String>,
    #[serde(default)]
    same_surname_as_head: bool,
    oral: Option<String>,
    /// `""` means no short form.
    oral_short: Option<String>,
    written: Option<String>,
    introduce: Option<String>,
    english: Option<String>,
    warnings_contain: Vec<String>,
    avoid_contain: Vec<String>,
    why: String,
}

#[derive(Debug, Deserialize)]
struct Cases {
    case: Vec<Case>,
}

fn person(c: &Case) -> Person {
    Person {
        surname: Some(c.surname.clone()).filter(|s| !s.is_empty()),
        given_name: c.given_name.clone(),
        same_surname_as_head: c.same_surname_as_head,
    }
}

/// Every mismatch of one case, so that a failing run lists them all.
fn mismatches(c: &Case, a: &Address<'_>) -> Vec<String> {
    let mut out = Vec::new();
    let mut check = |field: &str, want: &Option<String>, got: Option<&str>| {
        if let Some(want) = want {
            let want = Some(want.as_str()).filter(|w| !w.is_empty() || field != "oral_short");
            if want != got {
                out.push(format!("{field}: want {want:?}, got {got:?}"));
            }
        }
    };
    check("oral", &c.oral, Some(&a.oral));
    check("oral_short", &c.oral_short, a.oral_short.as_deref());
    check("written", &c.written, Some(&a.written));
    check("introduce", &c.introduce, Some(&a.introduce));
    check("english", &c.english, Some(&a.english));
    for w in &c.warnings_contain {
        if !a.warnings.iter().any(|x| x.contains(w.as_str())) {
            out.push(format!("warnings lack {w:?}: {:?}", a.warnings));
        }
    }
    for f in &c.avoid_contain {
        if !a.avoid.iter().any(|x| &x.form == f) {
            let forms: Vec<&str> = a.avoid.iter().map(|x| x.form.as_str()).collect();
            out.push(format!("avoid lacks {f:?}: {forms:?}"));
        }
    }
    out
}

#[test]
fn every_oracle_case() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/address_cases.toml"
    ))
    .unwrap();
    let cases: Cases = toml::from_str(&text).unwrap();
    assert!(cases.case.len() >= 60, "{} cases", cases.case.len());
    let data = builtin();
    let mut failures = Vec::new();
    for c in &cases.case {
        let label = format!(
            "{} {} {:?}{}",
            c.title,
            c.surname,
            c.given_name,
            if c.same_surname_as_head { " 同姓" } else { "" }
        );
        match data.address(&c.title, &person(c)) {
            Ok(a) => {
                for m in mismatches(c, &a) {
                    failures.push(format!("{label}: {m}  [{}]", c.why));
                }
            }
            Err(e) => failures.push(format!("{label}: error {e}")),
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatch(es):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
