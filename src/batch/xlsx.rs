//! Excel in (calamine) and out (rust_xlsxwriter).
//!
//! An `.xlsx` is a zip, read from memory: the input file and its shared
//! strings are held, and the cells of the first (or `--sheet`) worksheet
//! stream a row at a time. Output is written in rust_xlsxwriter's constant
//! memory mode (rows go to a temporary file), then zipped. Cell types are
//! kept (numbers, booleans, dates with a date format), the header row is
//! frozen and filtered, and `rankinfo_seniority` is a number, so that
//! sorting it orders rows by seniority.

use super::columns::{Annotation, Annotator, Column, Fields};
use super::sink::{Cell, CsvSink, JsonlSink, Sink, cell_text};
use super::{
    Error, Format, Observer, Options, PROGRESS_EVERY, Problem, ProblemKind, Summary, output_format,
};
use crate::Dataset;
use calamine::{CellErrorType, DataRef, Reader, Xlsx};
use encoding_rs::{Encoding, UTF_8};
use rust_xlsxwriter::{Format as CellFormat, Workbook, XlsxError};
use std::io::{Cursor, Read, Write};

/// Rows and columns of an Excel worksheet.
const MAX_ROWS: u32 = 1_048_576;
const MAX_COLS: u32 = 16_384;

fn xlsx_error(row: Option<u32>, e: impl std::fmt::Display) -> Error {
    match row {
        Some(r) => Error::Xlsx(format!("第 {} 行：{e}", r + 1)),
        None => Error::Xlsx(e.to_string()),
    }
}

/// The text Excel shows for an error value.
fn error_text(e: &CellErrorType) -> &'static str {
    match e {
        CellErrorType::Div0 => "#DIV/0!",
        CellErrorType::NA => "#N/A",
        CellErrorType::Name => "#NAME?",
        CellErrorType::Null => "#NULL!",
        CellErrorType::Num => "#NUM!",
        CellErrorType::Ref => "#REF!",
        CellErrorType::Value => "#VALUE!",
        CellErrorType::GettingData => "#DATA!",
    }
}

fn cell<'a>(d: &'a DataRef<'_>) -> Cell<'a> {
    match d {
        DataRef::Int(i) => Cell::Int(*i),
        DataRef::Float(f) => Cell::Float(*f),
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Cell::Text(s),
        DataRef::SharedString(s) => Cell::Text(s),
        DataRef::Bool(b) => Cell::Bool(*b),
        DataRef::DateTime(d) if d.is_datetime() => Cell::Date(d.as_f64()),
        DataRef::DateTime(d) => Cell::Float(d.as_f64()),
        DataRef::Error(e) => Cell::Text(error_text(e)),
        DataRef::Empty => Cell::Empty,
    }
}

/// Annotate the first sheet (or `opts.sheet`) of the workbook in `input`.
pub fn annotate(
    data: &Dataset,
    mut input: impl Read,
    out: &mut dyn Write,
    opts: &Options,
    obs: &mut dyn Observer,
) -> Result<Summary, Error> {
    let mut bytes = Vec::new();
    input.read_to_end(&mut bytes)?;
    let size = bytes.len() as u64;
    let mut book: Xlsx<_> =
        calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| xlsx_error(None, e))?;
    let names = book.sheet_names();
    let name = match &opts.sheet {
        Some(s) if names.iter().any(|n| n == s) => s.clone(),
        Some(s) => {
            return Err(Error::Xlsx(format!(
                "没有工作表“{s}”；现有的工作表：{}",
                names.join("、")
            )));
        }
        None => names
            .first()
            .cloned()
            .ok_or_else(|| Error::Xlsx("没有工作表".into()))?,
    };
    // Cells stream from the sheet's XML, a row at a time: memory holds the
    // file, its shared strings and one row.
    let mut cells_reader = book
        .worksheet_cells_reader(&name)
        .map_err(|e| xlsx_error(None, e))?;
    let height = u64::from(cells_reader.dimensions().end.0) + 1;
    let columns = super::columns(opts.spec.surname.is_some());
    let mut sink: Box<dyn Sink + '_> = match output_format(opts) {
        f @ (Format::Csv | Format::Tsv) => Box::new(CsvSink {
            out,
            delim: if f == Format::Tsv { b'\t' } else { b',' },
            input: UTF_8,
            output: UTF_8,
            bom: opts.excel,
            crlf: true,
            read_delim: 0,
            columns,
            buf: Vec::new(),
            text: String::new(),
            rendered: Default::default(),
        }),
        Format::Jsonl => Box::new(JsonlSink {
            out,
            input: UTF_8,
            columns,
            keys: Vec::new(),
            buf: Vec::new(),
            rendered: Default::default(),
        }),
        Format::Xlsx => Box::new(XlsxSink::new(out, UTF_8, columns, opts)?),
    };
    let mut summary = Summary {
        encoding: "xlsx",
        ..Summary::default()
    };
    let mut row = Row {
        values: Vec::new(),
        number: None,
    };
    let mut run = Run {
        cols: [None; 4],
        width: 0,
        annotator: Annotator::new(data, opts.spec.surname.is_some()).remembering(opts.answers),
        ann: Annotation::default(),
    };
    loop {
        let next = cells_reader.next_cell().map_err(|e| xlsx_error(None, e))?;
        let at = next.as_ref().map(|c| c.get_position());
        if row.number.is_some() && at.map(|p| p.0) != row.number {
            run.row(&row, &mut *sink, &mut summary, opts)?;
            for p in sink.take_problems() {
                obs.problem(&p);
                summary.problems += 1;
            }
            // Rows with no cell at all between two that have cells.
            let (done, next_row) = (row.number.unwrap_or(0), at.map(|p| p.0));
            for _ in done + 1..next_row.unwrap_or(done + 1) {
                row.values.clear();
                run.row(&row, &mut *sink, &mut summary, opts)?;
            }
            row.values.clear();
            if summary.rows % PROGRESS_EVERY == 0 {
                obs.progress(summary.rows, size * summary.rows / height.max(1));
            }
        }
        let Some(c) = next else { break };
        let (r, col) = c.get_position();
        // Excel's own limits: a file claiming more is damaged, and would
        // make us pad millions of empty cells or rows.
        if r >= MAX_ROWS || col >= MAX_COLS {
            return Err(xlsx_error(
                Some(r),
                "单元格位置超出 Excel 上限，文件可能已损坏",
            ));
        }
        row.number = Some(r);
        let col = col as usize;
        if row.values.len() <= col {
            row.values.resize(col + 1, DataRef::Empty);
        }
        row.values[col] = c.get_value().clone();
    }
    if run.width == 0 && summary.rows == 0 && !run.header_seen() {
        summary.empty = true;
    }
    sink.finish()?;
    Ok(summary)
}

/// The cells of one sheet row, by column.
struct Row<'a> {
    values: Vec<DataRef<'a>>,
    number: Option<u32>,
}

/// What a run keeps from row to row.
struct Run<'d> {
    cols: [Option<usize>; 4],
    /// The header's width; 0 until the header is read.
    width: usize,
    annotator: Annotator<'d>,
    ann: Annotation<'d>,
}

impl Run<'_> {
    fn header_seen(&self) -> bool {
        self.width > 0
    }

    /// The header (the first row with a cell), then each row annotated.
    fn row(
        &mut self,
        row: &Row<'_>,
        sink: &mut dyn Sink,
        summary: &mut Summary,
        opts: &Options,
    ) -> Result<(), Error> {
        let cells: Vec<Cell<'_>> = row.values.iter().map(cell).collect();
        if !self.header_seen() {
            let header: Vec<String> = cells
                .iter()
                .map(|c| cell_text(c, UTF_8).into_owned())
                .collect();
            self.cols = super::table::locate(&opts.spec, &header)?;
            self.width = header.len().max(1);
            return sink.row(&cells, self.width, None);
        }
        let text = |c: Option<usize>| cells.get(c?).map(|c| cell_text(c, UTF_8));
        let (title, org) = (text(self.cols[0]), text(self.cols[1]));
        let (surname, given) = (text(self.cols[2]), text(self.cols[3]));
        let fields = Fields {
            title: title.as_deref().unwrap_or(""),
            org: org.as_deref(),
            surname: surname.as_deref(),
            given_name: given.as_deref(),
        };
        self.annotator.annotate(&fields, &mut self.ann);
        summary.count(&self.ann);
        sink.row(&cells, self.width, Some(&self.ann))
            .map_err(|e| with_row(e, row.number.unwrap_or(0)))
    }
}

/// An xlsx error of a row's cell, with the row (1-based) it is in.
fn with_row(e: Error, row: u32) -> Error {
    match e {
        Error::Xlsx(m) => Error::Xlsx(format!("第 {} 行：{m}", row + 1)),
        e => e,
    }
}

/// Rows out as a worksheet.
pub struct XlsxSink<'w> {
    out: &'w mut dyn Write,
    input: &'static Encoding,
    columns: &'static [Column],
    book: Workbook,
    row: u32,
    width: u16,
    bold: CellFormat,
    date: CellFormat,
    datetime: CellFormat,
    text: String,
    problems: Vec<Problem>,
}

/// The most characters an Excel cell holds.
const MAX_CELL: usize = 32_767;

/// `s`, cut to what a cell holds; a cut is reported.
fn fit<'s>(s: &'s str, row: u32, col: u16, problems: &mut Vec<Problem>) -> &'s str {
    match s.char_indices().nth(MAX_CELL) {
        None => s,
        Some((end, _)) => {
            problems.push(Problem {
                line: u64::from(row) + 1,
                column: Some(usize::from(col) + 1),
                kind: ProblemKind::CellTooLong,
            });
            &s[..end]
        }
    }
}

impl<'w> XlsxSink<'w> {
    /// A workbook of one sheet, written to `out` at the end.
    pub fn new(
        out: &'w mut dyn Write,
        input: &'static Encoding,
        columns: &'static [Column],
        _opts: &Options,
    ) -> Result<Self, Error> {
        let mut book = Workbook::new();
        book.add_worksheet_with_constant_memory();
        Ok(XlsxSink {
            out,
            input,
            columns,
            book,
            row: 0,
            width: 0,
            bold: CellFormat::new().set_bold(),
            date: CellFormat::new().set_num_format("yyyy-mm-dd"),
            datetime: CellFormat::new().set_num_format("yyyy-mm-dd hh:mm:ss"),
            text: String::new(),
            problems: Vec::new(),
        })
    }
}

impl Sink for XlsxSink<'_> {
    fn row(
        &mut self,
        cells: &[Cell<'_>],
        width: usize,
        ann: Option<&Annotation<'_>>,
    ) -> Result<(), Error> {
        let row = self.row;
        let sheet = self
            .book
            .worksheet_from_index(0)
            .map_err(|e| xlsx_error(None, e))?;
        let n = cells.len().max(width);
        let e = |e: XlsxError| xlsx_error(None, e);
        for (i, c) in cells.iter().enumerate() {
            let col = u16::try_from(i).map_err(|_| Error::Xlsx("列数超过 Excel 上限".into()))?;
            match *c {
                Cell::Raw(b, _) => {
                    let s = super::sink::decode(b, self.input);
                    if !s.is_empty() {
                        let s = fit(&s, row, col, &mut self.problems);
                        sheet.write_string(row, col, s).map_err(e)?;
                    }
                }
                Cell::Text(s) if ann.is_none() => {
                    let s = fit(s, row, col, &mut self.problems);
                    sheet
                        .write_string_with_format(row, col, s, &self.bold)
                        .map_err(e)?;
                }
                Cell::Text(s) | Cell::Checked(s, _) if !s.is_empty() => {
                    let s = fit(s, row, col, &mut self.problems);
                    sheet.write_string(row, col, s).map_err(e)?;
                }
                Cell::Int(v) => {
                    sheet.write_number(row, col, v as f64).map_err(e)?;
                }
                Cell::Float(v) => {
                    sheet.write_number(row, col, v).map_err(e)?;
                }
                Cell::Bool(v) => {
                    sheet.write_boolean(row, col, v).map_err(e)?;
                }
                Cell::Date(v) => {
                    let f = if v.fract() == 0.0 {
                        &self.date
                    } else {
                        &self.datetime
                    };
                    sheet.write_number_with_format(row, col, v, f).map_err(e)?;
                }
                Cell::Text(_) | Cell::Checked(..) | Cell::Empty => {}
            }
        }
        for (k, &c) in self.columns.iter().enumerate() {
            let col =
                u16::try_from(n + k).map_err(|_| Error::Xlsx("列数超过 Excel 上限".into()))?;
            match ann {
                None => {
                    sheet
                        .write_string_with_format(row, col, c.name(), &self.bold)
                        .map_err(e)?;
                    self.width = col + 1;
                }
                Some(a) => {
                    if let (Column::Seniority, Some(l)) = (c, a.level) {
                        let key = f64::from(l.seniority());
                        sheet.write_number(row, col, key).map_err(e)?;
                        continue;
                    }
                    self.text.clear();
                    a.text(c, &mut self.text);
                    if !self.text.is_empty() {
                        let s = fit(&self.text, row, col, &mut self.problems);
                        sheet.write_string(row, col, s).map_err(e)?;
                    }
                }
            }
        }
        if ann.is_none() {
            sheet.set_freeze_panes(1, 0).map_err(e)?;
        }
        self.row = row
            .checked_add(1)
            .ok_or_else(|| Error::Xlsx("行数超过 Excel 上限".into()))?;
        Ok(())
    }

    fn take_problems(&mut self) -> Vec<Problem> {
        std::mem::take(&mut self.problems)
    }

    fn finish(&mut self) -> Result<(), Error> {
        if self.row > 1 && self.width > 0 {
            let sheet = self
                .book
                .worksheet_from_index(0)
                .map_err(|e| xlsx_error(None, e))?;
            sheet
                .autofilter(0, 0, self.row - 1, self.width - 1)
                .map_err(|e| xlsx_error(None, e))?;
        }
        let bytes = self
            .book
            .save_to_buffer()
            .map_err(|e| xlsx_error(None, e))?;
        self.out.write_all(&bytes)?;
        self.out.flush()?;
        Ok(())
    }
}
