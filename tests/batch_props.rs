//! Nothing is lost, whatever the bytes: for any CSV input (ragged rows,
//! stray and unclosed quotes, blank lines, invalid UTF-8), the output has
//! one record per input record, and each starts with the input's fields.

use proptest::prelude::*;
use rankinfo::batch::csv::{Reader, Record};
use rankinfo::batch::{self, ColumnRef, Options};

/// Every record's fields, as the library's reader reads them.
fn records(bytes: &[u8]) -> Vec<Vec<Vec<u8>>> {
    let mut r = Reader::new(Vec::new(), bytes, b',');
    let (mut rec, mut problems, mut out) = (Record::default(), Vec::new(), Vec::new());
    while r.read(&mut rec, &mut problems).unwrap() {
        out.push(
            (0..rec.len())
                .map(|i| rec.field(i).unwrap().to_vec())
                .collect(),
        );
    }
    out
}

fn annotate(input: &[u8]) -> (Vec<u8>, batch::Summary) {
    let mut opts = Options::new(ColumnRef::Index(1));
    opts.encoding = Some(encoding_rs::UTF_8);
    let mut out = Vec::new();
    let s = batch::annotate(rankinfo::builtin(), input, &mut out, &opts, &mut ()).unwrap();
    (out, s)
}

fn check(input: &[u8]) -> Result<(), TestCaseError> {
    let (out, summary) = annotate(input);
    let (before, after) = (records(input), records(&out));
    prop_assert_eq!(before.len(), after.len(), "row count");
    prop_assert_eq!(summary.rows as usize, before.len().saturating_sub(1));
    let width = before.first().map_or(0, Vec::len);
    for (a, b) in before.iter().zip(&after) {
        prop_assert_eq!(&b[..a.len()], &a[..], "fields");
        // Short rows are padded with empty fields up to the header.
        prop_assert!(b[a.len()..a.len().max(width)].iter().all(Vec::is_empty));
    }
    Ok(())
}

/// A field: text, CSV's special characters, and bytes that are not UTF-8.
fn field() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(
        prop_oneof![
            Just(b",".to_vec()),
            Just(b"\"".to_vec()),
            Just(b"\n".to_vec()),
            Just(b"\r\n".to_vec()),
            Just("处长".as_bytes().to_vec()),
            Just("县委书记".as_bytes().to_vec()),
            Just(vec![0xFF]),
            Just(vec![0xE5, 0xA4]),
            any::<u8>().prop_map(|b| vec![b]),
        ],
        0..6,
    )
    .prop_map(|parts| parts.concat())
}

/// Fields written as RFC 4180 says.
fn quoted(rows: &[Vec<Vec<u8>>]) -> Vec<u8> {
    let mut out = Vec::new();
    for row in rows {
        for (i, f) in row.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            rankinfo::batch::csv::write_field(&mut out, f, false, b',');
        }
        out.push(b'\n');
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_bytes_lose_no_row_and_no_field(input in prop::collection::vec(
        prop_oneof![Just(b','), Just(b'"'), Just(b'\n'), Just(b'\r'), Just(0xE5), any::<u8>()], 0..200)) {
        check(&input)?;
    }

    #[test]
    fn well_quoted_fields_come_back_exactly(rows in prop::collection::vec(
        prop::collection::vec(field(), 1..5), 1..8)) {
        let input = quoted(&rows);
        check(&input)?;
        // The fields written are the fields read (the reader is not fooling itself).
        let back = records(&input);
        prop_assert_eq!(back.len(), rows.len());
        for (a, b) in rows.iter().zip(&back) {
            prop_assert_eq!(a, b);
        }
    }
}

#[test]
fn column_zero_is_missing_not_a_panic() {
    let opts = Options::new(ColumnRef::Index(0));
    let r = batch::annotate(
        rankinfo::builtin(),
        &b"a,b\n1,2\n"[..],
        &mut Vec::new(),
        &opts,
        &mut (),
    );
    assert!(matches!(r, Err(batch::Error::MissingColumn { .. })));
}

/// Answers kept for repeated titles are the answers: the labelled real
/// lines (each sure line's level from shared/realworld), in two orders and
/// then again under a company's name in the 单位 column, give the same bytes
/// with no answers kept, with a few (the generations turn over all the time)
/// and with the default; and the rows without a 单位 have their labelled
/// level, but for the known gaps of tests/realworld.rs.
#[test]
fn kept_answers_change_nothing() {
    let gaps: Vec<&str> = include_str!("data/realworld_gaps.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .collect();
    let sure: Vec<(&str, &str)> = include_str!("data/realworld_sure.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .skip(1)
        .filter_map(|l| {
            let mut f = l.split('\t');
            Some((f.next()?, f.next()?))
        })
        .collect();
    assert!(sure.len() > 250);
    let mut input = "姓,单位,职务\n".as_bytes().to_vec();
    let mut expected = Vec::new();
    let unit = |org| sure.iter().map(move |s| (org, s));
    let rows = unit("")
        .chain(unit("").rev())
        .chain(unit("中国石油天然气集团有限公司"));
    for (i, (org, (text, level))) in rows.enumerate() {
        let surname = ["王", "欧阳", "傅"][i % 3];
        for (k, field) in [surname, org, text].into_iter().enumerate() {
            if k > 0 {
                input.push(b',');
            }
            rankinfo::batch::csv::write_field(&mut input, field.as_bytes(), false, b',');
        }
        input.push(b'\n');
        // NONE: the label says there is no level to give.
        let level = if *level == "NONE" { "" } else { level };
        expected.push((org.is_empty() && !gaps.contains(text)).then_some(level));
    }
    let run = |answers: usize| {
        let mut opts = Options::new(ColumnRef::parse("职务"));
        opts.spec.org = Some(ColumnRef::parse("单位"));
        opts.spec.surname = Some(ColumnRef::parse("姓"));
        opts.answers = answers;
        let mut out = Vec::new();
        batch::annotate(rankinfo::builtin(), &input[..], &mut out, &opts, &mut ()).unwrap();
        out
    };
    let fresh = run(0);
    assert!(run(6) == fresh);
    assert!(run(Options::ANSWERS) == fresh);
    let levels: Vec<Vec<u8>> = records(&fresh)
        .into_iter()
        .skip(1)
        .map(|r| r[3].clone())
        .collect();
    assert_eq!(levels.len(), expected.len());
    for ((got, want), i) in levels.iter().zip(&expected).zip(0..) {
        if let Some(want) = want {
            assert_eq!(String::from_utf8_lossy(got), *want, "row {i}");
        }
    }
}
