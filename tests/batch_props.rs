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
