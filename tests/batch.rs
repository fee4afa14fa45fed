//! `rankinfo batch` through the real binary, each fixture of
//! `tests/data/batch/` against its exact expected output (`*.out`, bytes:
//! a GBK file's output is GBK). `RANKINFO_BLESS=1 cargo test --test batch`
//! rewrites the expected files; read the diff before committing it.

mod common;

use common::run;
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/batch")
        .join(name)
}

/// Run `batch` on a fixture; stdout must equal `expected`'s bytes.
/// Returns stderr.
fn check(input: &str, args: &[&str], expected: &str) -> String {
    let path = fixture(input);
    let mut all = vec!["batch", path.to_str().unwrap()];
    all.extend_from_slice(args);
    let out = run(&all);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{input}: {stderr}");
    let want_path = fixture(expected);
    if std::env::var_os("RANKINFO_BLESS").is_some() {
        std::fs::write(&want_path, &out.stdout).unwrap();
    }
    let want = std::fs::read(&want_path).unwrap();
    assert!(
        out.stdout == want,
        "{input} → {expected} differs:\n{}\n---- want ----\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&want)
    );
    // The original file's name is in every message.
    for line in stderr.lines().filter(|l| l.starts_with("rankinfo:")) {
        assert!(line.contains(input), "{line}");
    }
    stderr
}

#[test]
fn quoted_fields_with_commas_quotes_and_newlines_go_out_as_they_came() {
    let err = check(
        "quoted.csv",
        &["--column", "职务", "--org-column", "单位"],
        "quoted.out",
    );
    assert!(err.contains("共 4 行"), "{err}");
}

#[test]
fn a_bom_is_kept_and_not_part_of_the_first_column_name() {
    check("bom.csv", &["--column", "职务"], "bom.out");
}

#[test]
fn gbk_in_gbk_out_or_utf8_with_bom_for_excel() {
    let err = check(
        "gbk.csv",
        &["--column", "职务", "--org-column", "单位"],
        "gbk.out",
    );
    assert!(err.contains("gb18030"), "{err}");
    check(
        "gbk.csv",
        &["--column", "3", "--org-column", "2", "--excel"],
        "gbk_excel.out",
    );
    check(
        "gbk.csv",
        &[
            "--column",
            "职务",
            "--org-column",
            "单位",
            "--encoding",
            "gbk",
        ],
        "gbk.out",
    );
}

#[test]
fn ragged_rows_are_padded_or_kept_and_reported_by_line() {
    let err = check("ragged.csv", &["--column", "职务"], "ragged.out");
    assert!(err.contains("第 2 行：只有 2 个字段（表头 3 个）"), "{err}");
    assert!(err.contains("第 3 行：有 4 个字段（表头 3 个）"), "{err}");
    assert!(err.contains("第 5 行：只有 1 个字段"), "{err}");
    assert!(err.contains("共 5 行"), "{err}");
}

#[test]
fn an_unclosed_quote_costs_one_row_not_the_rest_of_the_file() {
    let err = check("unclosed.csv", &["--column", "职务"], "unclosed.out");
    assert!(err.contains("第 2 行：引号未闭合"), "{err}");
    assert!(err.contains("共 3 行"), "{err}");
}

#[test]
fn empty_file_and_header_only() {
    let err = check("empty.csv", &["--column", "职务"], "empty.out");
    assert!(err.contains("文件为空"), "{err}");
    let err = check("header_only.csv", &["--column", "职务"], "header_only.out");
    assert!(err.contains("共 0 行"), "{err}");
}

#[test]
fn a_missing_column_lists_the_columns_there_are() {
    let path = fixture("quoted.csv");
    let out = run(&["batch", path.to_str().unwrap(), "--column", "岗位"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("quoted.csv：没有“岗位”这一列；现有的列：姓名、单位、职务、备注"),
        "{err}"
    );
    let out = run(&["batch", path.to_str().unwrap(), "--column", "9"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("没有第 9 列"));
}

#[test]
fn tsv_in_and_out() {
    check(
        "tabs.tsv",
        &["--column", "职务", "--org-column", "单位"],
        "tabs.out",
    );
}

#[test]
fn json_lines_keep_every_field_and_pass_bad_lines_through() {
    let err = check(
        "people.jsonl",
        &["--column", "title", "--org-column", "org"],
        "people.out",
    );
    assert!(err.contains("第 3 行：不是 JSON 对象"), "{err}");
}

#[test]
fn a_surname_column_adds_the_forms_of_address() {
    check(
        "address.csv",
        &[
            "--column",
            "职务",
            "--org-column",
            "单位",
            "--surname-column",
            "姓",
            "--given-name-column",
            "名",
        ],
        "address.out",
    );
}

#[test]
fn json_means_json_lines() {
    check(
        "quoted.csv",
        &["--column", "职务", "--org-column", "单位", "--json"],
        "quoted_jsonl.out",
    );
}

#[test]
fn csv_to_json_lines() {
    check(
        "quoted.csv",
        &[
            "--column",
            "职务",
            "--org-column",
            "单位",
            "--format",
            "jsonl",
        ],
        "quoted_jsonl.out",
    );
}

#[test]
fn standard_input_reads_as_a_file_does() {
    let input = std::fs::read(fixture("quoted.csv")).unwrap();
    let out = common::run_with_stdin(
        &["batch", "--column", "职务", "--org-column", "单位"],
        &input,
    );
    assert!(out.status.success());
    assert_eq!(out.stdout, std::fs::read(fixture("quoted.out")).unwrap());
    assert!(String::from_utf8_lossy(&out.stderr).contains("标准输入：共 4 行"));
}

#[test]
fn five_thousand_character_fields_pass_whole() {
    let long = "长".repeat(5000);
    let input = format!("职务,备注\n处长,{long}\n{long},\"{long}\"\n");
    let out = common::run_with_stdin(&["batch", "--column", "职务"], input.as_bytes());
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(
        rows[1],
        format!("处长,{long},县处级正职,12–18,6,高,,党政机关,")
    );
    assert!(rows[2].starts_with(&format!("{long},\"{long}\",,,,低,")));
}

#[test]
fn bytes_that_are_not_utf8_go_out_unchanged_and_are_reported() {
    let input = b"\xe8\x81\x8c\xe5\x8a\xa1,x\n\xe5\xa4\x84\xe9\x95\xbf,a\xffb\n";
    let out = common::run_with_stdin(&["batch", "--column", "1", "--encoding", "utf-8"], input);
    assert!(out.status.success());
    assert!(out.stdout.windows(3).any(|w| w == b"a\xffb"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("第 2 行第 2 列：含无法解码的字节"), "{err}");
}

#[test]
fn a_json_line_that_is_not_utf8_is_kept_raw_and_reported() {
    // The lines around it are parsed as text once checked (a fast path);
    // this one goes to the byte parser and its error.
    let mut input = "{\"职务\":\"处长\"}\n{\"职务\":\"a".as_bytes().to_vec();
    input.push(0xFF);
    input.extend_from_slice("b\"}\n{\"职务\":\"副局长\",\"单位\":\"合肥市财政局\"}\n".as_bytes());
    let args = "batch --column 职务 --org-column 单位 --format jsonl --encoding utf-8";
    let args: Vec<&str> = args.split(' ').collect();
    let out = common::run_with_stdin(&args, &input);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0]["rankinfo_level"], "县处级正职");
    assert_eq!(rows[1]["rankinfo_raw"], "{\"职务\":\"a\u{fffd}b\"}");
    assert_eq!(rows[1]["rankinfo_level"], serde_json::Value::Null);
    assert_eq!(rows[2]["rankinfo_level"], "县处级副职");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("第 2 行：不是 JSON 对象"), "{err}");
}

#[test]
fn utf16_is_read_and_written_as_utf8_with_a_bom() {
    let text = "职务,电话\r\n处长,1\r\n";
    let mut input = vec![0xFF, 0xFE];
    input.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let out = common::run_with_stdin(&["batch", "--column", "职务"], &input);
    assert!(out.status.success());
    let want = "\u{feff}职务,电话,rankinfo_level,rankinfo_grade,rankinfo_seniority,rankinfo_certainty,rankinfo_stated_level,rankinfo_sector,rankinfo_note\r\n处长,1,县处级正职,12–18,6,高,,党政机关,\r\n";
    assert_eq!(String::from_utf8(out.stdout).unwrap(), want);
    assert!(String::from_utf8_lossy(&out.stderr).contains("UTF-16LE"));
}

#[test]
fn json_lines_in_cannot_become_a_table() {
    let out = run(&[
        "batch",
        fixture("people.jsonl").to_str().unwrap(),
        "--column",
        "title",
        "--format",
        "csv",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("JSON Lines 输入只能输出 JSON Lines"));
}

#[test]
fn an_annotated_file_is_not_annotated_twice() {
    for (file, column) in [("quoted.out", "职务"), ("people.out", "title")] {
        let out = run(&[
            "batch",
            "--input-format",
            if file == "people.out" { "jsonl" } else { "csv" },
            fixture(file).to_str().unwrap(),
            "--column",
            column,
        ]);
        assert_eq!(out.status.code(), Some(2), "{file}");
        assert!(out.stdout.is_empty());
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("输入已含 rankinfo_ 列"),
            "{file}"
        );
    }
}
