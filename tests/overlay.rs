//! Users' own data (`--data`, `Dataset::with_overlay`) and `rankinfo data`.

mod common;

use common::{json, run, stdout};

/// The complete example of docs/data-format.md, so that the document is
/// tested as written.
fn example() -> String {
    let doc = include_str!("../docs/data-format.md");
    let start = doc.find("```toml\n").unwrap() + "```toml\n".len();
    doc[start..][..doc[start..].find("```").unwrap()].to_string()
}

fn write(name: &str, text: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("rankinfo-overlay-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn the_documented_example_checks_and_answers() {
    let path = write("acme.toml", &example());
    let p = path.to_str().unwrap();
    let o = run(&["data", "check", p]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v = json(&["--data", p, "show", "站长"]);
    assert_eq!(
        (v["level"].as_str(), v["certainty"].as_str()),
        (Some("乡科级正职"), Some("medium"))
    );
    assert_eq!(json(&["--data", p, "show", "站主任"])["name"], "站长");
    let a = json(&["--data", p, "address", "站长", "--surname", "王"]);
    assert_eq!(a["oral"], "王站长");
    // Without the file the title is unknown: nothing leaks between runs.
    assert_eq!(run(&["show", "站长"]).status.code(), Some(1));
}

#[test]
fn every_problem_is_reported_with_file_line_and_column_and_nothing_applies() {
    let bad = "[[title]]\nname = \"站长\"\nrole = \"head\"\nlevel = \"正站级\"\nconfidence = \"customary\"\nsources = [\"nope:1\"]\n";
    let path = write("bad.toml", bad);
    let p = path.to_str().unwrap();
    let o = run(&["data", "check", p]);
    assert_eq!(o.status.code(), Some(3));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(&format!("{p}:4:10: title 站长: unknown level `正站级`")),
        "{err}"
    );
    assert!(
        err.contains(&format!("{p}:6:13: title 站长: unknown source id `nope:1`")),
        "{err}"
    );
    // The same file on any command: exit 3, no answer from half-applied data.
    let o = run(&["--data", p, "show", "处长"]);
    assert_eq!(o.status.code(), Some(3));
    assert!(o.stdout.is_empty());
    // A TOML syntax error, and a field the schema lacks.
    let syntax = write("syntax.toml", "[[title]\nname = 1\n");
    let o = run(&["data", "check", syntax.to_str().unwrap()]);
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("syntax.toml:1:"),
        "{o:?}"
    );
    let unknown = write(
        "unknown.toml",
        "[[title]]\nname = \"x\"\nrolle = \"head\"\n",
    );
    let o = run(&["data", "check", unknown.to_str().unwrap()]);
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("unknown.toml:3:1"),
        "{o:?}"
    );
    // A missing file.
    assert_eq!(
        run(&["--data", "/nonexistent/x.toml", "show", "处长"])
            .status
            .code(),
        Some(3)
    );
}

#[test]
fn data_info_and_export_cover_the_whole_dataset() {
    let data = rankinfo::builtin();
    let info = json(&["data", "info"]);
    assert_eq!(info["version"], rankinfo::DATA_VERSION);
    assert_eq!(info["titles"], data.ranks.titles.len());
    assert_eq!(info["levels"], 12);
    let text = stdout(&run(&["data", "info"]));
    assert!(text.contains("《中华人民共和国公务员法》"), "{text}");
    let csv = stdout(&run(&["data", "export", "--csv"]));
    let rows = csv.lines().count();
    assert_eq!(
        rows,
        1 + 12 + data.ranks.ranks.len() + data.ranks.titles.len()
    );
    assert!(
        csv.lines()
            .any(|l| l.starts_with("县处级正职,level,县处级正职,12,18,")),
        "{csv}"
    );
    let all = json(&["data", "export"]);
    assert_eq!(all["version"], rankinfo::DATA_VERSION);
    assert_eq!(
        all["ranks"]["title"].as_array().unwrap().len(),
        data.ranks.titles.len()
    );
}

#[test]
fn more_organs_than_an_index_holds_is_an_error_not_a_wrap() {
    let mut text =
        String::from("[[source]]\nid = \"t:1\"\ntitle = \"test\"\ngrade = \"internal\"\n");
    for i in 0..=usize::from(u16::MAX) {
        text.push_str(&format!(
            "[[organ]]\nname = \"测试机构{i}\"\ncategory = \"事业单位\"\nconfidence = \"unconfirmed\"\nsources = [\"t:1\"]\n"
        ));
    }
    let errs = rankinfo::builtin()
        .with_overlay("many.toml", &text)
        .unwrap_err();
    assert!(
        errs.iter()
            .any(|e| e.message.contains("more than a u16 index holds")),
        "{:?}",
        &errs[..1]
    );
}
