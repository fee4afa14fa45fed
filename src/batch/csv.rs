//! RFC 4180 records read as bytes, so that every field goes out exactly as
//! it came in, in any ASCII-compatible encoding (UTF-8, GB18030/GBK: their
//! multi-byte sequences never contain `"`, `,`, tab, CR or LF).
//!
//! Lenient where files are broken, and says so: a quote inside an unquoted
//! field is kept as text; text after a closing quote is kept and reported;
//! a quote never closed (by the end of input, or within [`MAX_RECORD`]
//! bytes) makes that record read again with quotes as plain text, so the
//! rows after it are not swallowed.

use super::{Problem, ProblemKind};
use std::io::{self, Read};

/// The longest record held in memory while looking for a closing quote.
pub const MAX_RECORD: usize = 4 << 20;
const CHUNK: usize = 64 * 1024;

/// One record: unescaped field contents, end to end.
#[derive(Debug, Default, Clone)]
pub struct Record {
    /// The fields' contents, unescaped. A line without quotes is copied
    /// whole, separators and all, in one copy; the spans say where each
    /// field is.
    pub data: Vec<u8>,
    /// Where each field is in `data`.
    spans: Vec<Span>,
    /// The line the record starts on (1-based).
    pub line: u64,
    /// The line ending it had: `\r\n` or not.
    pub crlf: bool,
    /// Whether the record was a line without a quote, so that `data` is
    /// the line as read, delimiters and all.
    pub plain: bool,
}

/// One field of a record: where it is in `data`, and whether it was quoted
/// in the input (kept on output).
#[derive(Debug, Clone, Copy)]
struct Span {
    start: usize,
    end: usize,
    quoted: bool,
}

impl Record {
    /// The number of fields.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// Whether the record has no field (never, once read).
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// Whether field `i` was quoted in the input.
    pub fn quoted(&self, i: usize) -> bool {
        self.spans.get(i).is_some_and(|s| s.quoted)
    }

    /// The bytes of field `i`.
    pub fn field(&self, i: usize) -> Option<&[u8]> {
        Some(&self.data[self.span(i)?])
    }

    /// Where field `i` is in `data`.
    pub fn span(&self, i: usize) -> Option<std::ops::Range<usize>> {
        let s = self.spans.get(i)?;
        Some(s.start..s.end)
    }

    fn clear(&mut self) {
        self.data.clear();
        self.spans.clear();
        self.plain = false;
    }

    /// The field that began at `start` in `data` ends here.
    fn end_field(&mut self, start: usize, quoted: bool) {
        let end = self.data.len();
        self.spans.push(Span { start, end, quoted });
    }
}

/// Records of a byte stream.
pub struct Reader<R> {
    inner: R,
    /// Input read, up to `end`; the bytes past it are room for the next
    /// read, zeroed once rather than at every read.
    buf: Vec<u8>,
    end: usize,
    pos: usize,
    eof: bool,
    delim: u8,
    line: u64,
    /// Bytes consumed so far (for progress).
    pub consumed: u64,
}

enum Parse {
    /// The record ends at this offset, having crossed this many line ends.
    Done(usize, u64),
    NeedMore,
    Unclosed,
}

impl<R: Read> Reader<R> {
    /// `head` is input already read (for detection); `inner` the rest.
    pub fn new(head: Vec<u8>, inner: R, delim: u8) -> Self {
        Reader {
            inner,
            end: head.len(),
            buf: head,
            pos: 0,
            eof: false,
            delim,
            line: 1,
            consumed: 0,
        }
    }

    /// The field delimiter.
    pub fn delim(&self) -> u8 {
        self.delim
    }

    /// The next record into `rec`; false at the end of input. Problems
    /// (a quote never closed, text after a closing quote) go to `problems`.
    pub fn read(&mut self, rec: &mut Record, problems: &mut Vec<Problem>) -> io::Result<bool> {
        let mut literal = false;
        loop {
            if self.pos == self.end && self.eof {
                return Ok(false);
            }
            rec.clear();
            rec.line = self.line;
            let len_before = problems.len();
            match self.parse(rec, literal, problems) {
                Parse::Done(end, lines) => {
                    self.consumed += (end - self.pos) as u64;
                    self.pos = end;
                    self.line += lines;
                    return Ok(true);
                }
                Parse::NeedMore if literal || self.end - self.pos <= MAX_RECORD => {
                    problems.truncate(len_before);
                    self.fill()?;
                }
                Parse::NeedMore | Parse::Unclosed => {
                    problems.truncate(len_before);
                    problems.push(Problem {
                        line: self.line,
                        column: None,
                        kind: ProblemKind::UnclosedQuote,
                    });
                    literal = true;
                }
            }
        }
    }

    /// Read more input, dropping what was consumed.
    fn fill(&mut self) -> io::Result<()> {
        if self.pos > 0 {
            self.buf.copy_within(self.pos..self.end, 0);
            self.end -= self.pos;
            self.pos = 0;
        }
        let start = self.end;
        if self.buf.len() < start + CHUNK {
            self.buf.resize(start + CHUNK, 0);
        }
        let n = loop {
            match self.inner.read(&mut self.buf[start..start + CHUNK]) {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        };
        self.end = start + n;
        self.eof = n == 0;
        Ok(())
    }

    /// Parse one record from `pos`. `literal`: quotes are plain text.
    fn parse(&self, rec: &mut Record, literal: bool, problems: &mut Vec<Problem>) -> Parse {
        let buf = &self.buf[..self.end];
        let n = buf.len();
        let (delim, eof) = (self.delim, self.eof);
        let mut i = self.pos;
        if !literal {
            if let Some(done) = self.plain_line(rec) {
                return done;
            }
        }
        let mut lines = 0u64;
        // The end of an unquoted field (or of text after a closing quote).
        let stop = |from: usize| {
            memchr::memchr3(delim, b'\n', b'\r', &buf[from..]).map_or(n, |k| from + k)
        };
        loop {
            let start = rec.data.len();
            let quoted = !literal && buf.get(i) == Some(&b'"');
            if quoted {
                i += 1;
                loop {
                    let Some(j) = memchr::memchr(b'"', &buf[i..]) else {
                        return if eof {
                            Parse::Unclosed
                        } else {
                            Parse::NeedMore
                        };
                    };
                    let part = &buf[i..i + j];
                    lines += line_ends(part);
                    rec.data.extend_from_slice(part);
                    let q = i + j;
                    match buf.get(q + 1) {
                        Some(b'"') => {
                            rec.data.push(b'"');
                            i = q + 2;
                        }
                        None if !eof => return Parse::NeedMore,
                        _ => {
                            i = q + 1;
                            break;
                        }
                    }
                }
                // Text after the closing quote: kept, reported.
                let k = stop(i);
                if k > i {
                    rec.data.extend_from_slice(&buf[i..k]);
                    problems.push(Problem {
                        line: self.line + lines,
                        column: Some(rec.spans.len() + 1),
                        kind: ProblemKind::AfterQuote,
                    });
                    i = k;
                }
            } else {
                let k = stop(i);
                rec.data.extend_from_slice(&buf[i..k]);
                i = k;
            }
            // Read with quotes as text, a field holding one is written
            // quoted, so that reading the output gives it back.
            rec.end_field(
                start,
                quoted || (literal && rec.data[start..].contains(&b'"')),
            );
            match buf.get(i) {
                None if !eof => return Parse::NeedMore,
                None => return Parse::Done(i, lines),
                Some(&b) if b == delim => i += 1,
                Some(b'\r') => match buf.get(i + 1) {
                    None if !eof => return Parse::NeedMore,
                    Some(b'\n') => {
                        rec.crlf = true;
                        return Parse::Done(i + 2, lines + 1);
                    }
                    _ => {
                        rec.crlf = false;
                        return Parse::Done(i + 1, lines + 1);
                    }
                },
                Some(_) => {
                    rec.crlf = false;
                    return Parse::Done(i + 1, lines + 1);
                }
            }
        }
    }
}

impl<R> Reader<R> {
    /// The usual record: one line without a quote, split at delimiters
    /// in one pass. `None`: the line has a quote (or may go on past what is
    /// read), for the general parser.
    fn plain_line(&self, rec: &mut Record) -> Option<Parse> {
        let buf = &self.buf[..self.end];
        let start = self.pos;
        let end = match memchr::memchr2(b'\n', b'\r', &buf[start..]) {
            Some(k) => start + k,
            None if self.eof => buf.len(),
            None => return Some(Parse::NeedMore),
        };
        let line = &buf[start..end];
        // One copy of the line; a copy per field cost a twentieth of a row.
        let base = rec.data.len();
        rec.data.extend_from_slice(line);
        if !self.split_plain(rec, base, line) {
            rec.clear();
            return None;
        }
        rec.plain = true;
        Some(match buf.get(end) {
            None => Parse::Done(end, 0),
            Some(b'\r') => match buf.get(end + 1) {
                None if !self.eof => Parse::NeedMore,
                Some(b'\n') => {
                    rec.crlf = true;
                    Parse::Done(end + 2, 1)
                }
                _ => {
                    rec.crlf = false;
                    Parse::Done(end + 1, 1)
                }
            },
            Some(_) => {
                rec.crlf = false;
                Parse::Done(end + 1, 1)
            }
        })
    }

    /// The field spans of `line`, copied to `rec.data` at `base`; false
    /// when it holds a quote. Sixteen bytes at a time, as bit masks (which
    /// the compiler turns into vector compares): a call to memchr per field
    /// cost more than the fields' bytes.
    fn split_plain(&self, rec: &mut Record, base: usize, line: &[u8]) -> bool {
        let delim = self.delim;
        let mut from = base;
        let mut field_ends = |end: usize, rec: &mut Record| {
            let (start, end) = (from, base + end);
            rec.spans.push(Span {
                start,
                end,
                quoted: false,
            });
            from = end + 1;
        };
        let mut blocks = line.chunks_exact(16);
        let mut at = 0;
        for block in &mut blocks {
            let (quotes, mut hits) = (mask(block, |x| x == b'"'), mask(block, |x| x == delim));
            if quotes != 0 {
                return false;
            }
            while hits != 0 {
                field_ends(at + hits.trailing_zeros() as usize, rec);
                hits &= hits - 1;
            }
            at += 16;
        }
        for (k, &b) in blocks.remainder().iter().enumerate() {
            if b == b'"' {
                return false;
            }
            if b == delim {
                field_ends(at + k, rec);
            }
        }
        field_ends(line.len(), rec);
        true
    }
}

/// Bit `k` set where byte `k` of a 16-byte block passes `test`: written
/// over an array so that the compiler makes it vector compares and a
/// byte mask (SSE2 on x86-64), not a loop.
fn mask(block: &[u8], test: impl Fn(u8) -> bool) -> u32 {
    let Ok(block) = <&[u8; 16]>::try_from(block) else {
        return 0;
    };
    let mut m = 0u16;
    for (k, &x) in block.iter().enumerate() {
        m |= u16::from(test(x)) << k;
    }
    u32::from(m)
}

/// Line ends in a span: LF, CRLF (once) or a lone CR.
fn line_ends(s: &[u8]) -> u64 {
    let mut n = 0;
    for (k, &b) in s.iter().enumerate() {
        if b == b'\n' || (b == b'\r' && s.get(k + 1) != Some(&b'\n')) {
            n += 1;
        }
    }
    n
}

/// Append `field` to `out` as a CSV/TSV field: quoted when it was, or
/// when it holds the delimiter, a quote or a line end.
pub fn write_field(out: &mut Vec<u8>, field: &[u8], quoted: bool, delim: u8) {
    let special = |b: &u8| *b == delim || matches!(*b, b'"' | b'\n' | b'\r');
    // Short fields (most) are scanned directly, sixteen bytes at a time for
    // a byte `,` or below (the quote, line ends, tab and comma all are; CJK
    // text and letters are not); memchr pays off on long ones.
    let needs = quoted
        || if field.len() < 64 {
            (delim > b',' || has_low_byte(field)) && field.iter().any(special)
        } else {
            memchr::memchr3(delim, b'"', b'\n', field).is_some()
                || memchr::memchr(b'\r', field).is_some()
        };
    if !needs {
        out.extend_from_slice(field);
        return;
    }
    out.push(b'"');
    let mut start = 0;
    for k in memchr::memchr_iter(b'"', field) {
        out.extend_from_slice(&field[start..=k]);
        out.push(b'"');
        start = k + 1;
    }
    out.extend_from_slice(&field[start..]);
    out.push(b'"');
}

/// Whether `bytes` holds a byte `,` (0x2C) or below.
fn has_low_byte(bytes: &[u8]) -> bool {
    let mut blocks = bytes.chunks_exact(16);
    blocks.any(|b| mask(b, |x| x <= b',') != 0) || blocks.remainder().iter().any(|&b| b <= b',')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_lines_split_at_every_delimiter() {
        // Fields of every width around the 16-byte blocks, CJK among them.
        let parts = ["", "a", "张三", "广东省深圳市", "0123456789abcdef", "局"];
        for delim in [b',', b'\t'] {
            for a in parts {
                for b in parts {
                    for c in parts {
                        let fields = [a, b, c, b, a];
                        let line = fields.join(&char::from(delim).to_string());
                        let (rows, problems) = records(line.as_bytes(), delim);
                        assert_eq!(rows, [fields.to_vec()], "{line:?}");
                        assert!(problems.is_empty());
                        // A quote anywhere sends the line to the full parser.
                        let quoted = format!("{line}y\"x\"");
                        let (rows, _) = records(quoted.as_bytes(), delim);
                        let mut last = fields.to_vec();
                        let joined = format!("{a}y\"x\"");
                        last[4] = &joined;
                        assert_eq!(rows, [last], "{quoted:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn low_bytes_are_found_wherever_they_are() {
        for len in 0..40 {
            for at in 0..len {
                for low in [0u8, b'\t', b'\n', b'\r', b'"', b','] {
                    for other in [b'-', b'a', 0x80, 0xE5, 0xFF] {
                        let mut v = vec![other; len];
                        assert!(!has_low_byte(&v), "{v:?}");
                        v[at] = low;
                        assert!(has_low_byte(&v), "{v:?}");
                    }
                }
            }
        }
    }

    fn records(input: &[u8], delim: u8) -> (Vec<Vec<String>>, Vec<Problem>) {
        let mut r = Reader::new(Vec::new(), input, delim);
        let mut rec = Record::default();
        let mut problems = Vec::new();
        let mut out = Vec::new();
        while r.read(&mut rec, &mut problems).unwrap() {
            out.push(
                (0..rec.len())
                    .map(|i| String::from_utf8_lossy(rec.field(i).unwrap()).into_owned())
                    .collect(),
            );
        }
        (out, problems)
    }

    #[test]
    fn rfc_4180_quoting() {
        let (rows, problems) = records(b"a,\"b,c\",\"d\"\"e\"\r\n\"x\ny\",z", b',');
        assert_eq!(rows, [vec!["a", "b,c", "d\"e"], vec!["x\ny", "z"]]);
        assert!(problems.is_empty());
    }

    #[test]
    fn an_unclosed_quote_does_not_swallow_the_rows_after_it() {
        let (rows, problems) = records(b"a,\"b\nc,d\ne,f\n", b',');
        assert_eq!(rows, [vec!["a", "\"b"], vec!["c", "d"], vec!["e", "f"]]);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 1);
    }

    #[test]
    fn text_after_a_closing_quote_is_kept_and_reported() {
        let (rows, problems) = records(b"\"a\"b,c\n", b',');
        assert_eq!(rows, [vec!["ab", "c"]]);
        assert_eq!(problems[0].column, Some(1));
    }

    /// Reads at most seven bytes at a time: records, characters and CRLFs
    /// cut anywhere.
    struct Trickle<'a>(&'a [u8]);

    impl Read for Trickle<'_> {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            let n = self.0.len().min(out.len()).min(7);
            out[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    #[test]
    fn reads_cut_anywhere_give_the_same_records() {
        let input = "姓名,职务\r\n王,\"处长,兼\"\"主任\"\"\"\r\n李,副局长\n\n赵\r\n".repeat(3_000);
        let all = |mut r: Reader<&mut dyn Read>| {
            let (mut rec, mut problems, mut out) = (Record::default(), Vec::new(), Vec::new());
            while r.read(&mut rec, &mut problems).unwrap() {
                out.push((
                    (0..rec.len())
                        .map(|i| rec.field(i).unwrap().to_vec())
                        .collect::<Vec<_>>(),
                    rec.line,
                    rec.crlf,
                ));
            }
            (out, problems)
        };
        let (whole, p1) = all(Reader::new(Vec::new(), &mut input.as_bytes(), b','));
        let (cut, p2) = all(Reader::new(
            Vec::new(),
            &mut Trickle(input.as_bytes()),
            b',',
        ));
        assert_eq!(whole.len(), 5 * 3_000);
        assert_eq!(
            whole[1].0,
            [
                "王".as_bytes().to_vec(),
                "处长,兼\"主任\"".as_bytes().to_vec()
            ]
        );
        assert_eq!(whole, cut);
        assert!(p1.is_empty() && p2.is_empty());
    }

    #[test]
    fn records_across_chunks() {
        let row = "\"长字段,含逗号\"\"引号\"\"\",处长\n".repeat(10_000);
        let (rows, _) = records(row.as_bytes(), b',');
        assert_eq!(rows.len(), 10_000);
        assert!(rows.iter().all(|r| r == &["长字段,含逗号\"引号\"", "处长"]));
    }
}
