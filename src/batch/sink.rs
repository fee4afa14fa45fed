//! Where annotated rows go: CSV/TSV, or JSON Lines objects keyed by the
//! header (the xlsx sink is in `xlsx.rs`).

use super::Error;
use super::columns::{Annotation, Column};
use super::jsonl::annotation_kept as json_annotation;
use crate::read::json;
use encoding_rs::{Encoding, UTF_8};
use std::borrow::Cow;
use std::io::Write;

/// One input cell: CSV bytes in the input encoding (and whether they were
/// quoted), or a typed spreadsheet value.
#[derive(Debug, Clone, Copy)]
// Without xlsx only CSV bytes are read; the typed cells stay for the sinks.
#[cfg_attr(not(feature = "xlsx"), allow(dead_code))]
pub enum Cell<'a> {
    Raw(&'a [u8], bool),
    /// A CSV field whose record was checked as UTF-8 whole: its text, and
    /// whether it was quoted. Read as `Raw` bytes where bytes are copied.
    Checked(&'a str, bool),
    Text(&'a str),
    Int(i64),
    Float(f64),
    Bool(bool),
    /// An Excel date: days since 1899-12-30, the fraction the time of day.
    Date(f64),
    Empty,
}

/// The cell as text in UTF-8 (bytes of another encoding decoded).
pub fn cell_text<'a>(cell: &Cell<'a>, enc: &'static Encoding) -> Cow<'a, str> {
    match *cell {
        Cell::Raw(b, _) => decode(b, enc),
        Cell::Checked(s, _) => Cow::Borrowed(s),
        Cell::Text(s) => Cow::Borrowed(s),
        Cell::Int(i) => Cow::Owned(i.to_string()),
        Cell::Float(f) => Cow::Owned(f.to_string()),
        Cell::Bool(b) => Cow::Borrowed(if b { "TRUE" } else { "FALSE" }),
        Cell::Date(d) => Cow::Owned(excel_date(d)),
        Cell::Empty => Cow::Borrowed(""),
    }
}

/// Bytes in `enc` as UTF-8; what does not decode becomes U+FFFD.
pub fn decode<'a>(b: &'a [u8], enc: &'static Encoding) -> Cow<'a, str> {
    if enc == UTF_8 {
        String::from_utf8_lossy(b)
    } else {
        enc.decode_without_bom_handling(b).0
    }
}

/// An Excel serial date as `YYYY-MM-DD`, with ` HH:MM:SS` when it has a time.
pub fn excel_date(serial: f64) -> String {
    if !serial.is_finite() || !(0.0..3_000_000.0).contains(&serial) {
        return serial.to_string();
    }
    let days = serial.floor() as i64;
    let secs = ((serial - serial.floor()) * 86_400.0).round() as i64;
    // Days since 1970-01-01 (serial 25569), then the civil date (Hinnant).
    let z = days - 25_569 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    if secs == 0 {
        format!("{y:04}-{m:02}-{d:02}")
    } else {
        let (h, mi, s) = (secs / 3600, secs / 60 % 60, secs % 60);
        format!("{y:04}-{m:02}-{d:02} {h:02}:{mi:02}:{s:02}")
    }
}

/// How many bytes of rows are gathered before they are written.
const BLOCK: usize = 128 * 1024;

/// Rows out: the header (`ann` = None) first, then one call per row.
pub trait Sink {
    fn row(
        &mut self,
        cells: &[Cell<'_>],
        width: usize,
        ann: Option<&Annotation<'_>>,
    ) -> Result<(), Error>;
    /// A row read as a CSV/TSV line without a quote, `fields` fields
    /// wide: `line` is the line as read (no line end). `None` when this
    /// sink cannot copy it whole: the caller then gives its cells to
    /// [`Sink::row`], so that rows copied whole need no cells at all.
    fn line(
        &mut self,
        line: &[u8],
        fields: usize,
        width: usize,
        ann: Option<&Annotation<'_>>,
    ) -> Option<Result<(), Error>> {
        let _ = (line, fields, width, ann);
        None
    }
    fn finish(&mut self) -> Result<(), Error>;
    /// Problems met while writing (a value cut to fit), since last asked.
    fn take_problems(&mut self) -> Vec<super::Problem> {
        Vec::new()
    }
}

/// CSV or TSV out.
pub struct CsvSink<'w> {
    pub out: &'w mut dyn Write,
    pub delim: u8,
    /// The encoding of `Cell::Raw` bytes.
    pub input: &'static Encoding,
    pub output: &'static Encoding,
    pub bom: bool,
    pub crlf: bool,
    /// The delimiter of the input, for `Cell::Raw` (0 when none).
    pub read_delim: u8,
    pub columns: &'static [Column],
    pub buf: Vec<u8>,
    pub text: String,
    pub rendered: Rendered,
}

/// The leading plain columns of a row as written, by the facts they show
/// ([`Annotation::plain_key`]): a list shows few combinations (35 in a
/// generated million), and writing them afresh cost an eighth of a row.
#[derive(Default)]
pub struct Rendered {
    by_key: hashbrown::HashMap<u64, Vec<u8>, foldhash::fast::FixedState>,
}

/// More combinations than the facts allow: a bound that is never reached.
const RENDERED: usize = 1 << 16;

impl Rendered {
    pub(super) fn get(&self, key: u64) -> Option<&[u8]> {
        self.by_key.get(&key).map(Vec::as_slice)
    }

    pub(super) fn keep(&mut self, key: u64, bytes: &[u8]) {
        if self.by_key.len() >= RENDERED {
            self.by_key.clear();
        }
        self.by_key.insert(key, bytes.to_vec());
    }
}

impl CsvSink<'_> {
    /// Text in the output encoding, as a field.
    fn text_field(&mut self, s: &str, quoted: bool) {
        if self.output == UTF_8 {
            super::csv::write_field(&mut self.buf, s.as_bytes(), quoted, self.delim);
        } else {
            let (bytes, _, _) = self.output.encode(s);
            super::csv::write_field(&mut self.buf, &bytes, quoted, self.delim);
        }
    }

    /// Whether the reader's unquoted fields go out as they came: the same
    /// encoding and delimiter in as out.
    fn copies_raw(&self) -> bool {
        self.input == self.output && self.delim == self.read_delim
    }

    /// `columns`, each after a delimiter: their values, or their names.
    fn columns_out(&mut self, columns: &[Column], ann: Option<&Annotation<'_>>) {
        let mut text = std::mem::take(&mut self.text);
        for &c in columns {
            self.buf.push(self.delim);
            // Text the annotation holds goes out without a copy.
            let held = ann.and_then(|a| a.held(c)).filter(|_| self.output == UTF_8);
            if let Some(s) = held {
                super::csv::write_field(&mut self.buf, s.as_bytes(), false, self.delim);
                continue;
            }
            text.clear();
            match ann {
                Some(a) => a.text(c, &mut text),
                None => text.push_str(c.name()),
            }
            if c.is_plain() && self.output == UTF_8 {
                self.buf.extend_from_slice(text.as_bytes());
            } else {
                self.text_field(&text, false);
            }
        }
        self.text = text;
    }

    /// Before a row's first field: the BOM, once.
    fn start(&mut self) {
        if self.bom {
            self.buf.extend_from_slice(b"\xEF\xBB\xBF");
            self.bom = false;
        }
    }

    /// After a row's own fields: the appended columns (their names in
    /// the header) and the line end; a full block goes out.
    fn end(&mut self, ann: Option<&Annotation<'_>>) -> Result<(), Error> {
        let columns = self.columns;
        let mut rest = columns;
        if let Some(a) = ann {
            let plain = columns.iter().take_while(|c| c.is_plain()).count();
            let key = a.plain_key();
            if let Some(bytes) = self.rendered.get(key) {
                self.buf.extend_from_slice(bytes);
            } else {
                let start = self.buf.len();
                self.columns_out(&columns[..plain], Some(a));
                self.rendered.keep(key, &self.buf[start..]);
            }
            rest = &columns[plain..];
        }
        self.columns_out(rest, ann);
        self.buf
            .extend_from_slice(if self.crlf { b"\r\n" } else { b"\n" });
        // Rows are gathered and written in large blocks (which a BufWriter
        // passes straight through rather than copying).
        if self.buf.len() >= BLOCK {
            self.out.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }
}

impl Sink for CsvSink<'_> {
    fn row(
        &mut self,
        cells: &[Cell<'_>],
        width: usize,
        ann: Option<&Annotation<'_>>,
    ) -> Result<(), Error> {
        self.start();
        let n = cells.len().max(width);
        for i in 0..n {
            if i > 0 {
                self.buf.push(self.delim);
            }
            let cell = match cells.get(i).copied().unwrap_or(Cell::Empty) {
                Cell::Checked(s, quoted) => Cell::Raw(s.as_bytes(), quoted),
                cell => cell,
            };
            match cell {
                // An unquoted field from the reader holds no delimiter or
                // line end: it goes out as it came, unscanned.
                Cell::Raw(b, false) if self.copies_raw() => self.buf.extend_from_slice(b),
                Cell::Raw(b, quoted) if self.input == self.output => {
                    super::csv::write_field(&mut self.buf, b, quoted, self.delim)
                }
                Cell::Raw(b, quoted) => {
                    let s = decode(b, self.input);
                    self.text_field(&s, quoted);
                }
                other => {
                    let s = cell_text(&other, self.input);
                    self.text_field(&s, false);
                }
            }
        }
        self.end(ann)
    }

    fn line(
        &mut self,
        line: &[u8],
        fields: usize,
        width: usize,
        ann: Option<&Annotation<'_>>,
    ) -> Option<Result<(), Error>> {
        if !self.copies_raw() {
            return None;
        }
        // Its fields go out as they came: the line in one copy, and the
        // empty fields of a short row after it.
        self.start();
        self.buf.extend_from_slice(line);
        for _ in fields..width {
            self.buf.push(self.delim);
        }
        Some(self.end(ann))
    }

    fn finish(&mut self) -> Result<(), Error> {
        if self.bom {
            // No row at all: still the BOM, so that the file says its encoding.
            self.buf.extend_from_slice(b"\xEF\xBB\xBF");
            self.bom = false;
        }
        self.out.write_all(&self.buf)?;
        self.buf.clear();
        self.out.flush()?;
        Ok(())
    }
}

/// JSON Lines out from a table: each row an object keyed by the header.
pub struct JsonlSink<'w> {
    pub out: &'w mut dyn Write,
    pub input: &'static Encoding,
    pub columns: &'static [Column],
    /// The header's names as JSON keys, each with its colon.
    pub keys: Vec<Vec<u8>>,
    pub buf: Vec<u8>,
    pub rendered: Rendered,
}

impl Sink for JsonlSink<'_> {
    fn row(
        &mut self,
        cells: &[Cell<'_>],
        width: usize,
        ann: Option<&Annotation<'_>>,
    ) -> Result<(), Error> {
        let Some(ann) = ann else {
            // Each key escaped once, with its colon.
            self.keys = cells
                .iter()
                .map(|c| {
                    let mut key = Vec::new();
                    json::string(&mut key, &cell_text(c, self.input));
                    key.push(b':');
                    key
                })
                .collect();
            return Ok(());
        };
        self.buf.push(b'{');
        let n = cells.len().max(width);
        for i in 0..n {
            if i > 0 {
                self.buf.push(b',');
            }
            // A field beyond the header is keyed by its position.
            match self.keys.get(i) {
                Some(k) => self.buf.extend_from_slice(k),
                None => {
                    json::string(&mut self.buf, &(i + 1).to_string());
                    self.buf.push(b':');
                }
            }
            match cells.get(i).copied().unwrap_or(Cell::Empty) {
                Cell::Int(v) => self.buf.extend_from_slice(v.to_string().as_bytes()),
                Cell::Float(f) if f.is_finite() => {
                    self.buf.extend_from_slice(f.to_string().as_bytes())
                }
                Cell::Bool(b) => self
                    .buf
                    .extend_from_slice(if b { b"true" } else { b"false" }),
                other => json::string(&mut self.buf, &cell_text(&other, self.input)),
            }
        }
        json_annotation(&mut self.buf, ann, self.columns, n > 0, &mut self.rendered);
        self.buf.extend_from_slice(b"}\n");
        if self.buf.len() >= BLOCK {
            self.out.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<(), Error> {
        self.out.write_all(&self.buf)?;
        self.buf.clear();
        self.out.flush()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn excel_dates() {
        assert_eq!(super::excel_date(45_000.0), "2023-03-15");
        assert_eq!(super::excel_date(45_000.5), "2023-03-15 12:00:00");
    }
}
