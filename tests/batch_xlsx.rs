//! `rankinfo batch` on Excel workbooks: a workbook of several sheets with
//! numbers, dates and booleans, written here, read back with calamine.

mod common;

use calamine::{Data, Reader, Xlsx};
use rust_xlsxwriter::{Format, Workbook};

fn workbook(path: &std::path::Path) {
    let mut book = Workbook::new();
    let other = book.add_worksheet();
    other.set_name("说明").unwrap();
    other.write_string(0, 0, "这一页不是联系人").unwrap();
    let sheet = book.add_worksheet();
    sheet.set_name("联系人").unwrap();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (c, h) in ["姓名", "单位", "职务", "编号", "入职", "在职"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    sheet.write_string(1, 0, "王伟").unwrap();
    sheet.write_string(1, 1, "合肥市财政局").unwrap();
    sheet.write_string(1, 2, "副局长").unwrap();
    sheet.write_number(1, 3, 1024.5).unwrap();
    sheet
        .write_number_with_format(1, 4, 45_366.0, &date)
        .unwrap();
    sheet.write_boolean(1, 5, true).unwrap();
    sheet.write_string(2, 0, "钱七").unwrap();
    sheet.write_string(2, 2, "总经理").unwrap();
    sheet.write_number(2, 3, 7.0).unwrap();
    book.save(path).unwrap();
}

#[test]
fn xlsx_in_and_out_keeps_cell_types_and_adds_a_numeric_seniority() {
    let dir = std::env::temp_dir().join(format!("rankinfo-xlsx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("in.xlsx");
    let output = dir.join("out.xlsx");
    workbook(&input);
    let (i, o) = (input.to_str().unwrap(), output.to_str().unwrap());
    let args = [
        "batch",
        i,
        "--sheet",
        "联系人",
        "--column",
        "职务",
        "--org-column",
        "单位",
    ];
    let run = common::run(&[&args[..], &["-o", o]].concat());
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );

    let mut book: Xlsx<_> = calamine::open_workbook(&output).unwrap();
    let range = book.worksheet_range_at(0).unwrap().unwrap();
    let row = |r: usize| range.rows().nth(r).unwrap().to_vec();
    assert_eq!(row(0)[6], Data::String("rankinfo_level".into()));
    let first = row(1);
    assert_eq!(first[3], Data::Float(1024.5));
    assert!(matches!(&first[4], Data::DateTime(d) if d.as_f64() == 45_366.0));
    assert_eq!(first[5], Data::Bool(true));
    assert_eq!(first[6], Data::String("县处级副职".into()));
    assert_eq!(first[8], Data::Float(5.0), "seniority is a number");
    assert_eq!(row(2)[8], Data::Empty);
    assert_eq!(range.height(), 3);

    // The same sheet as CSV: dates as dates, numbers as written.
    let csv = common::run(&[&args[..], &["--format", "csv"]].concat());
    assert_eq!(
        String::from_utf8(csv.stdout).unwrap(),
        "姓名,单位,职务,编号,入职,在职,rankinfo_level,rankinfo_grade,rankinfo_seniority,rankinfo_certainty,rankinfo_stated_level,rankinfo_sector,rankinfo_note\r\n\
         王伟,合肥市财政局,副局长,1024.5,2024-03-15,TRUE,县处级副职,14–20,5,高,,党政机关,\r\n\
         钱七,,总经理,7,,,,,,低,,企业,企业职务，没有公务员职务层次；国有企业领导人员有时比照行政级别，属惯例，不是法定层次\r\n"
    );

    // A sheet that is not there: the sheets that are.
    let missing = common::run(&["batch", i, "--sheet", "名单", "--column", "职务"]);
    assert_eq!(missing.status.code(), Some(3));
    assert!(
        String::from_utf8_lossy(&missing.stderr)
            .contains("没有工作表“名单”；现有的工作表：说明、联系人")
    );
    // The first sheet by default: it has no 职务 column.
    let first_sheet = common::run(&["batch", i, "--column", "职务"]);
    assert!(String::from_utf8_lossy(&first_sheet.stderr).contains("现有的列：这一页不是联系人"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn text_longer_than_a_cell_holds_is_cut_and_reported_not_fatal() {
    let dir = std::env::temp_dir().join(format!("rankinfo-xlsx-long-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let output = dir.join("out.xlsx");
    let input = format!("职务,备注\n处长,{}\n", "长".repeat(40_000));
    let run = common::run_with_stdin(
        &["batch", "--column", "职务", "-o", output.to_str().unwrap()],
        input.as_bytes(),
    );
    assert!(run.status.success());
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(
        err.contains("第 2 行第 2 列：超过 Excel 单元格上限"),
        "{err}"
    );
    let mut book: Xlsx<_> = calamine::open_workbook(&output).unwrap();
    let range = book.worksheet_range_at(0).unwrap().unwrap();
    let row: Vec<Data> = range.rows().nth(1).unwrap().to_vec();
    assert!(matches!(&row[1], Data::String(s) if s.chars().count() == 32_767));
    assert_eq!(row[2], Data::String("县处级正职".into()));
    let _ = std::fs::remove_dir_all(&dir);
}
