//! Contact lists annotated row by row: CSV, TSV, JSON Lines and Excel in,
//! the same rows out with `rankinfo_` columns appended ([`columns`]).
//!
//! Nothing is lost: every input row gives one output row, in order, with
//! its fields as they were (CSV fields byte for byte, in the input's
//! encoding); a row that cannot be read cleanly is passed through as well as
//! it can be and reported as a [`Problem`] with its line. Memory stays flat:
//! rows stream through reused buffers (an `.xlsx` input, a zip, is read
//! whole: see [`xlsx`]).
//!
//! ```
//! use rankinfo::batch::{self, ColumnRef, Format, Options};
//! let input = "姓名,单位,职务\n王伟,合肥市财政局,副局长\n";
//! let mut opts = Options::new(ColumnRef::parse("职务"));
//! opts.spec.org = Some(ColumnRef::parse("单位"));
//! let mut out = Vec::new();
//! let summary = batch::annotate(rankinfo::builtin(), input.as_bytes(), &mut out, &opts, &mut ()).unwrap();
//! assert_eq!(summary.resolved, 1);
//! assert!(String::from_utf8(out).unwrap().starts_with(
//!     "姓名,单位,职务,rankinfo_level,rankinfo_grade,rankinfo_seniority"));
//! ```

mod answers;
pub mod columns;
pub mod csv;
pub mod encoding;
pub mod jsonl;
mod memo;
mod sink;
mod table;
#[cfg(feature = "xlsx")]
pub mod xlsx;

pub use columns::{Annotation, Annotator, Column, columns};
pub use memo::Replies;
pub use table::annotate;

use std::fmt;

/// A column of the input: by header name, or by 1-based position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ColumnRef {
    /// A header name.
    Name(String),
    /// A position, 1-based.
    Index(usize),
}

impl ColumnRef {
    /// A number is a position (1-based); anything else a header name.
    pub fn parse(s: &str) -> ColumnRef {
        match s.trim().parse::<usize>() {
            Ok(n) if n > 0 => ColumnRef::Index(n),
            _ => ColumnRef::Name(s.trim().to_string()),
        }
    }
}

impl fmt::Display for ColumnRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ColumnRef::Name(n) => write!(f, "“{n}”"),
            ColumnRef::Index(i) => write!(f, "第 {i} 列"),
        }
    }
}

/// Which columns hold the title, organisation and name.
#[derive(Debug, Clone)]
pub struct Spec {
    /// The title (职务).
    pub title: ColumnRef,
    /// The organisation (单位), read in front of the title.
    pub org: Option<ColumnRef>,
    /// The surname (姓): adds the forms of address.
    pub surname: Option<ColumnRef>,
    /// The given name (名).
    pub given_name: Option<ColumnRef>,
}

/// A file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// RFC 4180 comma-separated values.
    Csv,
    /// Tab-separated values.
    Tsv,
    /// JSON Lines: one object a line.
    Jsonl,
    /// Excel 2007+ workbook.
    Xlsx,
}

impl Format {
    /// The format a file name says (`.tsv`, `.jsonl`, `.xlsx`), if any.
    pub fn of_path(path: &str) -> Option<Format> {
        let ext = path.rsplit_once('.')?.1.to_ascii_lowercase();
        Some(match ext.as_str() {
            "csv" => Format::Csv,
            "tsv" | "tab" => Format::Tsv,
            "jsonl" | "ndjson" => Format::Jsonl,
            "xlsx" | "xlsm" => Format::Xlsx,
            _ => return None,
        })
    }

    /// The format of input starting with `head`: a zip is xlsx, `{` JSON
    /// Lines, a first line with tabs and no commas TSV, else CSV.
    pub fn sniff(head: &[u8]) -> Format {
        let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
        if head.starts_with(b"PK\x03\x04") {
            return Format::Xlsx;
        }
        if head.trim_ascii_start().starts_with(b"{") {
            return Format::Jsonl;
        }
        let line = head.split(|&b| b == b'\n').next().unwrap_or(head);
        if line.contains(&b'\t') && !line.contains(&b',') {
            Format::Tsv
        } else {
            Format::Csv
        }
    }
}

/// What to do.
#[derive(Debug, Clone)]
pub struct Options {
    /// Which columns hold what.
    pub spec: Spec,
    /// The input's format.
    pub input: Format,
    /// The output format; `None`: the input's.
    pub output: Option<Format>,
    /// The input encoding, when not to be detected.
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// UTF-8 with a BOM out, whatever came in, so that Excel reads it.
    pub excel: bool,
    /// The worksheet of an xlsx input; `None`: the first.
    pub sheet: Option<String>,
    /// How many answers to keep for texts (单位 + 职务) that come again, so
    /// that each is read once; 0 reads every row afresh. The output is the
    /// same either way. [`Options::ANSWERS`] by default.
    pub answers: usize,
}

impl Options {
    /// The answers kept by default: on a generated list of a million
    /// contacts (305,800 distinct texts), 66% of rows find theirs kept, for
    /// about 26 MiB (100,000 kept 46% of rows, and 1.2–1.35× slower).
    pub const ANSWERS: usize = 300_000;

    /// CSV in and out, the title in `title`.
    pub fn new(title: ColumnRef) -> Options {
        Options {
            spec: Spec {
                title,
                org: None,
                surname: None,
                given_name: None,
            },
            input: Format::Csv,
            output: None,
            encoding: None,
            excel: false,
            sheet: None,
            answers: Options::ANSWERS,
        }
    }
}

/// A row that could not be read cleanly; it was passed through all the same.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The line (CSV, JSON Lines) or row (xlsx) it starts on, 1-based.
    pub line: u64,
    /// The column, 1-based, where one is to blame.
    pub column: Option<usize>,
    /// What was wrong.
    pub kind: ProblemKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
/// What was wrong with a row.
pub enum ProblemKind {
    /// A quote never closed: the record was read with quotes as text.
    UnclosedQuote,
    /// Text after a closing quote, kept.
    AfterQuote,
    /// Fewer fields than the header: padded with empty fields.
    FewerFields {
        /// Fields in the row.
        got: usize,
        /// Fields in the header.
        want: usize,
    },
    /// More fields than the header: all kept, the rankinfo columns after them.
    MoreFields {
        /// Fields in the row.
        got: usize,
        /// Fields in the header.
        want: usize,
    },
    /// Bytes that are not valid in the encoding (read as U+FFFD for the
    /// title; written out unchanged).
    Undecodable,
    /// A JSON Lines line that is not a JSON object: passed through inside
    /// `rankinfo_raw`.
    NotJson(String),
    /// Text longer than an Excel cell holds (32,767 characters): cut.
    CellTooLong,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "第 {} 行", self.line)?;
        if let Some(c) = self.column {
            write!(f, "第 {c} 列")?;
        }
        f.write_str("：")?;
        match &self.kind {
            ProblemKind::UnclosedQuote => {
                f.write_str("引号未闭合，本行按原文读取（引号作普通字符）")
            }
            ProblemKind::AfterQuote => f.write_str("右引号后还有字符，已并入该字段"),
            ProblemKind::FewerFields { got, want } => {
                write!(f, "只有 {got} 个字段（表头 {want} 个），已补空字段")
            }
            ProblemKind::MoreFields { got, want } => {
                write!(
                    f,
                    "有 {got} 个字段（表头 {want} 个），全部保留，rankinfo 列随后"
                )
            }
            ProblemKind::Undecodable => f.write_str("含无法解码的字节，原样输出，解读时替换为 �"),
            ProblemKind::NotJson(e) => write!(f, "不是 JSON 对象（{e}），原文放在 rankinfo_raw"),
            ProblemKind::CellTooLong => {
                f.write_str("超过 Excel 单元格上限 32,767 字，写入的 xlsx 中已截断")
            }
        }
    }
}

/// Told about problems and progress as they happen.
pub trait Observer {
    /// A row that could not be read cleanly (it was passed through).
    fn problem(&mut self, _problem: &Problem) {}
    /// Rows done and input bytes read so far.
    fn progress(&mut self, _rows: u64, _bytes: u64) {}
}

impl Observer for () {}

/// How often progress is told, in rows.
const PROGRESS_EVERY: u64 = 8192;

/// What a run did, for the summary on stderr.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    /// Data rows (the header not counted).
    pub rows: u64,
    /// Rows with a level.
    pub resolved: u64,
    /// Rows by level order (1 = 国家级正职 … 12 = 办事员级).
    pub by_level: [u64; 13],
    /// Rows without a level, by reason.
    pub reasons: Vec<(&'static str, u64)>,
    /// Rows read with problems.
    pub problems: u64,
    /// The input's encoding (its WHATWG name).
    pub encoding: &'static str,
    /// The input had no header row at all.
    pub empty: bool,
}

impl Summary {
    fn count(&mut self, ann: &Annotation<'_>) {
        self.rows += 1;
        match (ann.level, ann.reason) {
            (Some(l), _) => {
                self.resolved += 1;
                self.by_level[usize::from(l.order).min(12)] += 1;
            }
            (None, Some(r)) => match self.reasons.iter_mut().find(|(k, _)| *k == r) {
                Some((_, n)) => *n += 1,
                None => self.reasons.push((r, 1)),
            },
            (None, None) => {}
        }
    }
}

/// Why a run could not be done at all.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    #[error("{0}")]
    /// Reading or writing failed.
    Io(#[from] std::io::Error),
    #[error("没有{wanted}这一列；现有的列：{}", columns.join("、"))]
    /// A named column is not in the header.
    MissingColumn {
        /// The column asked for.
        wanted: String,
        /// The columns there are.
        columns: Vec<String>,
    },
    #[error("Excel 文件：{0}")]
    /// The workbook could not be read or written.
    Xlsx(String),
    #[error("{0}")]
    /// A combination the run cannot do.
    Unsupported(&'static str),
}

/// Refused: the input was annotated already; appending would repeat the
/// columns (and, in JSON, the keys).
pub(crate) const ANNOTATED: &str =
    "输入已含 rankinfo_ 列（已经标注过）：请用未标注的原文件，或先删去这些列";

/// The output format a run uses.
pub fn output_format(opts: &Options) -> Format {
    opts.output.unwrap_or(opts.input)
}
