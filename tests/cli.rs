//! The real binary, run as a user would.

mod common;

use common::{json, run, stdout};
use std::process::Command;

#[test]
fn compare_diaoyanyuan_with_chuzhang_is_same_level() {
    let o = run(&["compare", "调研员", "处长"]);
    assert_eq!(o.status.code(), Some(0));
    let text = stdout(&o);
    assert!(text.contains("调研员 同级于 处长"), "{text}");
    assert!(text.contains("县处级正职"), "{text}");
    assert!(text.contains("不是领导职务"), "{text}");
    assert!(!text.contains('\x1b'), "no colour when not a terminal");

    let v = json(&["compare", "调研员", "处长"]);
    assert_eq!(v["relation"], "same");
    assert_eq!(v["a"]["name"], "调研员");
    assert_eq!(v["a"]["kind"], "legacy_rank");
    assert_eq!(v["a"]["level"], "县处级正职");
    assert_eq!(v["b"]["kind"], "title");
    assert_eq!(v["b"]["level"], "县处级正职");
    assert!(v["explanation"].as_str().unwrap().contains("二级调研员"));
}

#[test]
fn compare_within_a_sequence_uses_its_order() {
    assert_eq!(
        json(&["compare", "一级调研员", "二级调研员"])["relation"],
        "higher"
    );
    assert_eq!(
        json(&["compare", "四级主任科员", "三级主任科员"])["relation"],
        "lower"
    );
    assert_eq!(
        json(&["compare", "厅局级副职", "正处"])["relation"],
        "higher"
    );
    // 一级高级主管 = 一级调研员 (专业技术类第十一条) > 二级调研员.
    assert_eq!(
        json(&["compare", "一级高级主管", "二级调研员"])["relation"],
        "higher"
    );
}

#[test]
fn compare_with_context_dependent_title_is_ambiguous_with_cases() {
    let o = run(&["compare", "局长", "处长"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "an ambiguous answer is still an answer"
    );
    let v = json(&["compare", "局长", "处长"]);
    assert_eq!(v["relation"], "ambiguous");
    assert!(v["a"]["level"].is_null());
    let why = v["explanation"].as_str().unwrap();
    assert!(
        why.contains("副省级市市直局局长（副省级市）：厅局级副职，高于处长"),
        "{why}"
    );
    assert!(
        why.contains("县直局局长（含地级市区直局）（县）：乡科级正职，低于处长"),
        "{why}"
    );
}

#[test]
fn show_json_contract() {
    let v = json(&["show", "二级巡视员"]);
    assert_eq!(v["name"], "二级巡视员");
    assert_eq!(v["kind"], "rank");
    assert_eq!(v["level"], "厅局级副职");
    assert_eq!(v["grade"]["highest"], 10);
    assert_eq!(v["grade"]["lowest"], 15);
    assert!(v["english"].is_null());
    assert!(
        v["sources"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s == "legal:S1")
    );

    let v = json(&["show", "正处级"]);
    assert_eq!(
        (v["name"].as_str(), v["kind"].as_str()),
        (Some("县处级正职"), Some("leadership_level"))
    );

    let v = json(&["show", "局长"]);
    assert_eq!(v["kind"], "title");
    assert!(v["level"].is_null());
    assert!(v["grade"].is_null());
    assert_eq!(v["cases"].as_array().unwrap().len(), 10);

    let v = json(&["show", "Division Director"]);
    assert_eq!(v["name"], "处长");
}

#[test]
fn unknown_name_exits_1_with_suggestions() {
    let o = run(&["show", "调研猿"]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains("调研员"), "{err}");
    let o = run(&["compare", "处长", "%%%"]);
    assert_eq!(o.status.code(), Some(1));
    let o = run(&["show", "Director-General", "--json"]);
    assert_eq!(o.status.code(), Some(1), "shared English name is ambiguous");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["error"], "ambiguous");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&["compare", "处长"]).status.code(), Some(2));
    assert_eq!(run(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(run(&[]).status.code(), Some(2));
}

#[test]
fn ladder_lists_both_tracks() {
    let text = stdout(&run(&["ladder"]));
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("县处级正职"))
        .unwrap();
    assert!(
        line.contains("一级调研员、二级调研员")
            && line.contains("调研员")
            && line.contains("12–18"),
        "{line}"
    );
    let v = json(&["ladder"]);
    assert_eq!(v.as_array().unwrap().len(), 12);
}

#[test]
fn equiv_crosses_every_sequence() {
    let v = json(&["equiv", "一级高级主管"]);
    assert_eq!(v["level"], "县处级正职");
    let exact: Vec<&str> = v["exact"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect();
    assert_eq!(exact, ["一级调研员", "一级高级主办"]);
    let v = json(&["equiv", "副调研员"]);
    assert_eq!(v["exact"][0], "四级调研员");
}

#[test]
fn colour_only_when_asked_and_never_with_no_color() {
    let o = run(&["show", "处长", "--color", "always"]);
    assert!(stdout(&o).contains('\x1b'));
    let o = Command::new(env!("CARGO_BIN_EXE_rankinfo"))
        .args(["show", "处长", "--color", "auto"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!stdout(&o).contains('\x1b'));
    // CLICOLOR_FORCE colours a pipe; NO_COLOR still wins over it.
    let with = |vars: &[(&str, &str)]| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_rankinfo"));
        c.args(["show", "处长"]).env_remove("NO_COLOR");
        for (k, v) in vars {
            c.env(k, v);
        }
        stdout(&c.output().unwrap()).contains('\x1b')
    };
    assert!(with(&[("CLICOLOR_FORCE", "1")]));
    assert!(!with(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]));
    assert!(!with(&[]));
}

/// On a terminal (a pseudo-terminal from util-linux's `script`): colour,
/// unless the terminal is dumb, CLICOLOR=0 or NO_COLOR. `CI` is removed:
/// anstream colours a dumb terminal on CI, whose logs show colour.
#[cfg(target_os = "linux")]
#[test]
fn colour_on_a_terminal_follows_term_and_clicolor() {
    let on_tty = |vars: &[(&str, &str)]| {
        let mut c = Command::new("script");
        let cmd = format!("{} show 处长", env!("CARGO_BIN_EXE_rankinfo"));
        c.args(["-qec", &cmd, "/dev/null"])
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR")
            .env_remove("CLICOLOR_FORCE")
            .env_remove("CI")
            .env("TERM", "xterm");
        for (k, v) in vars {
            c.env(k, v);
        }
        let o = c.output().expect("util-linux's script");
        assert!(o.status.success(), "{o:?}");
        let out = stdout(&o);
        assert!(out.contains("县处级正职"), "{out}");
        out.contains('\x1b')
    };
    assert!(on_tty(&[]));
    assert!(!on_tty(&[("TERM", "dumb")]));
    assert!(!on_tty(&[("CLICOLOR", "0")]));
    assert!(!on_tty(&[("NO_COLOR", "1")]));
    assert!(!on_tty(&[("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")]));
}

#[test]
fn strange_input_never_panics() {
    for input in [
        "",
        " ",
        "级",
        "级级级",
        "ＡＢＣ",
        "🙂",
        &"长".repeat(10_000),
    ] {
        let o = run(&["show", input]);
        assert_eq!(o.status.code(), Some(1), "{input:?}");
        assert!(!String::from_utf8_lossy(&o.stderr).contains("panicked"));
    }
}

#[test]
fn version_names_the_data_and_a_failed_write_exits_3() {
    let o = run(&["--version"]);
    assert!(
        stdout(&o).contains(rankinfo::DATA_VERSION),
        "{}",
        stdout(&o)
    );
    // Writing the answer fails (/dev/full): a message and exit 3, as the
    // README says.
    if let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") {
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_rankinfo"))
            .arg("ladder")
            .stdout(full)
            .output()
            .expect("run rankinfo");
        assert_eq!(o.status.code(), Some(3));
        assert!(String::from_utf8_lossy(&o.stderr).contains("无法写出"));
    }
}

#[test]
fn control_characters_from_the_input_are_escaped() {
    // An escape sequence pasted into a name must not act on the terminal.
    let o = run(&["show", "\u{1b}[31m处长x"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!err.contains('\u{1b}'), "{err:?}");
    assert!(err.contains("\\u{1b}"), "{err:?}");
    let o = run(&["resolve", "处\u{1b}长", "--color", "never"]);
    assert!(!stdout(&o).contains('\u{1b}'));
}

#[test]
fn completions_and_man_page_generate() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let o = run(&["completions", shell]);
        assert!(o.status.success(), "{shell}");
        let script = stdout(&o);
        // Every subcommand is offered.
        for cmd in ["show", "compare", "resolve", "address", "brief"] {
            assert!(script.contains(cmd), "{shell}: {cmd}");
        }
    }
    assert_eq!(run(&["completions", "tcsh"]).status.code(), Some(2));
    let man = stdout(&run(&["man"]));
    assert!(
        man.contains(".TH rankinfo 1") && man.contains("compare"),
        "{man}"
    );
}
