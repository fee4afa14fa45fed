//! The run: detect the encoding, read the header, find the columns, then
//! each record through the annotator to the sink.

use super::columns::{Annotation, Annotator, Fields};
use super::csv::{Reader, Record};
use super::encoding::{HEAD, ToUtf8, detect, written};
use super::sink::{Cell, CsvSink, JsonlSink, Sink, decode};
use super::{
    ColumnRef, Error, Format, Observer, Options, PROGRESS_EVERY, Problem, ProblemKind, Spec,
    Summary, output_format,
};
use crate::Dataset;
use encoding_rs::{Encoding, GB18030, UTF_8, UTF_16BE, UTF_16LE};
use std::borrow::Cow;
use std::io::{BufReader, Read, Write};

/// Annotate `input` (in `opts.input` format) to `out`.
pub fn annotate(
    data: &Dataset,
    mut input: impl Read,
    out: &mut dyn Write,
    opts: &Options,
    obs: &mut dyn Observer,
) -> Result<Summary, Error> {
    if opts.input == Format::Xlsx {
        #[cfg(feature = "xlsx")]
        return super::xlsx::annotate(data, input, out, opts, obs);
        #[cfg(not(feature = "xlsx"))]
        return Err(Error::Unsupported("未启用 xlsx 功能"));
    }
    let mut head = Vec::with_capacity(HEAD);
    input.by_ref().take(HEAD as u64).read_to_end(&mut head)?;
    let (enc, bom) = match opts.encoding {
        Some(e) => (
            e,
            Encoding::for_bom(&head)
                .filter(|b| b.0 == e)
                .map_or(0, |b| b.1),
        ),
        None => detect(&head),
    };
    head.drain(..bom);
    let utf16 = enc == UTF_16LE || enc == UTF_16BE;
    // GBK read as its superset, so that any character can be written back.
    let enc = if enc == encoding_rs::GBK {
        GB18030
    } else {
        enc
    };
    if opts.input == Format::Jsonl {
        if output_format(opts) != Format::Jsonl {
            // Objects may differ in their keys: there is no header to write.
            return Err(Error::Unsupported(
                "JSON Lines 输入只能输出 JSON Lines（--format jsonl）",
            ));
        }
        let mut summary = if enc == UTF_8 {
            let r = BufReader::new(std::io::Cursor::new(head).chain(input));
            super::jsonl::annotate(data, r, out, opts, obs)?
        } else {
            let r = BufReader::new(ToUtf8::new(enc, head, input));
            super::jsonl::annotate(data, r, out, opts, obs)?
        };
        summary.encoding = enc.name();
        return Ok(summary);
    }
    let delim = if opts.input == Format::Tsv {
        b'\t'
    } else {
        b','
    };
    // UTF-16 is read as UTF-8 (its bytes hold zeros) and written as UTF-8.
    let mut summary = if utf16 {
        let reader = Reader::new(Vec::new(), ToUtf8::new(enc, head, input), delim);
        table(data, reader, UTF_8, true, out, opts, obs)?
    } else {
        let reader = Reader::new(head, input, delim);
        table(data, reader, enc, bom > 0, out, opts, obs)?
    };
    summary.encoding = enc.name();
    Ok(summary)
}

/// The position of each named column in `header`.
pub(crate) fn locate(spec: &Spec, header: &[String]) -> Result<[Option<usize>; 4], Error> {
    if header.iter().any(|h| h.trim().starts_with("rankinfo_")) {
        return Err(Error::Unsupported(super::ANNOTATED));
    }
    let find = |c: &Option<ColumnRef>| -> Result<Option<usize>, Error> {
        let Some(c) = c else { return Ok(None) };
        let at = match c {
            ColumnRef::Index(i) => i.checked_sub(1).filter(|&i| i < header.len()),
            ColumnRef::Name(n) => header.iter().position(|h| h.trim() == n),
        };
        at.map(Some).ok_or_else(|| Error::MissingColumn {
            wanted: c.to_string(),
            columns: header.to_vec(),
        })
    };
    Ok([
        find(&Some(spec.title.clone()))?,
        find(&spec.org)?,
        find(&spec.surname)?,
        find(&spec.given_name)?,
    ])
}

/// An empty vector of cells of any lifetime, reusing `v`'s allocation.
fn recycle<'b>(mut v: Vec<Cell<'_>>) -> Vec<Cell<'b>> {
    v.clear();
    v.into_iter().map(|_| Cell::Empty).collect()
}

#[allow(clippy::too_many_arguments)]
fn table<R: Read>(
    data: &Dataset,
    mut reader: Reader<R>,
    enc: &'static Encoding,
    had_bom: bool,
    out: &mut dyn Write,
    opts: &Options,
    obs: &mut dyn Observer,
) -> Result<Summary, Error> {
    let mut summary = Summary::default();
    let mut problems: Vec<Problem> = Vec::new();
    let mut rec = Record::default();
    let header_found = reader.read(&mut rec, &mut problems)?;
    for p in &problems {
        obs.problem(p);
    }
    let header: Vec<String> = (0..rec.len())
        .map(|i| decode(rec.field(i).unwrap_or_default(), enc).into_owned())
        .collect();
    let cols = if header_found {
        locate(&opts.spec, &header)?
    } else {
        [None; 4]
    };
    let columns = super::columns(opts.spec.surname.is_some());
    let output = written(enc, opts.excel);
    let mut sink: Box<dyn Sink + '_> = match output_format(opts) {
        Format::Csv | Format::Tsv => Box::new(CsvSink {
            out,
            delim: if output_format(opts) == Format::Tsv {
                b'\t'
            } else {
                b','
            },
            input: enc,
            output,
            bom: opts.excel || had_bom,
            crlf: rec.crlf,
            read_delim: reader.delim(),
            columns,
            buf: Vec::new(),
            text: String::new(),
            rendered: Default::default(),
        }),
        Format::Jsonl => Box::new(JsonlSink {
            out,
            input: enc,
            columns,
            keys: Vec::new(),
            buf: Vec::new(),
            rendered: Default::default(),
        }),
        #[cfg(feature = "xlsx")]
        Format::Xlsx => Box::new(super::xlsx::XlsxSink::new(out, enc, columns, opts)?),
        #[cfg(not(feature = "xlsx"))]
        Format::Xlsx => return Err(Error::Unsupported("未启用 xlsx 功能")),
    };
    if !header_found {
        summary.empty = true;
        sink.finish()?;
        return Ok(summary);
    }
    let width = rec.len();
    let mut cells: Vec<Cell<'_>> = (0..width)
        .map(|i| Cell::Raw(rec.field(i).unwrap_or_default(), rec.quoted(i)))
        .collect();
    sink.row(&cells, width, None)?;
    let mut store = recycle(cells);
    let mut annotator = Annotator::new(data, opts.spec.surname.is_some()).remembering(opts.answers);
    let mut ann = Annotation::default();
    loop {
        problems.clear();
        if !reader.read(&mut rec, &mut problems)? {
            break;
        }
        let n = rec.len();
        if n != width {
            let (got, want) = (n, width);
            problems.push(Problem {
                line: rec.line,
                column: None,
                kind: if n < width {
                    ProblemKind::FewerFields { got, want }
                } else {
                    ProblemKind::MoreFields { got, want }
                },
            });
        }
        // Checked once for the record; its fields are then slices of it.
        let whole = if enc == UTF_8 {
            // simdutf8: checking a Chinese record took std a tenth of the
            // row's time.
            let s = simdutf8::basic::from_utf8(&rec.data).ok();
            if s.is_none() {
                let bad = (0..n).find(|&i| {
                    rec.field(i)
                        .is_some_and(|f| std::str::from_utf8(f).is_err())
                });
                problems.push(Problem {
                    line: rec.line,
                    column: bad.map(|i| i + 1),
                    kind: ProblemKind::Undecodable,
                });
            }
            s
        } else {
            None
        };
        for p in &problems {
            obs.problem(p);
        }
        summary.problems += u64::from(!problems.is_empty());
        let text = |i: Option<usize>| -> Option<Cow<'_, str>> {
            let i = i?;
            match whole.and_then(|w| w.get(rec.span(i)?)) {
                Some(f) => Some(Cow::Borrowed(f)),
                None => Some(decode(rec.field(i)?, enc)),
            }
        };
        let (title, org) = (text(cols[0]), text(cols[1]));
        let (surname, given) = (text(cols[2]), text(cols[3]));
        let fields = Fields {
            title: title.as_deref().unwrap_or(""),
            org: org.as_deref(),
            surname: surname.as_deref(),
            given_name: given.as_deref(),
        };
        annotator.annotate(&fields, &mut ann);
        summary.count(&ann);
        let copied = rec
            .plain
            .then(|| sink.line(&rec.data, n, width, Some(&ann)))
            .flatten();
        if let Some(done) = copied {
            done?;
        } else {
            cells = recycle(store);
            // Checked as UTF-8 with the record: not decoded again.
            let cell = |i| match whole.and_then(|w| w.get(rec.span(i)?)) {
                Some(s) => Cell::Checked(s, rec.quoted(i)),
                None => Cell::Raw(rec.field(i).unwrap_or_default(), rec.quoted(i)),
            };
            cells.extend((0..n).map(cell));
            sink.row(&cells, width, Some(&ann))?;
            store = recycle(cells);
        }
        for p in sink.take_problems() {
            obs.problem(&p);
        }
        if summary.rows % PROGRESS_EVERY == 0 {
            obs.progress(summary.rows, reader.consumed);
        }
    }
    sink.finish()?;
    Ok(summary)
}
