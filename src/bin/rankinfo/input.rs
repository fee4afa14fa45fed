//! Lines of standard input as people have them: UTF-8 with or without a
//! BOM, UTF-16 (with a BOM, or detected by its zero bytes), or GB18030/GBK as
//! Excel writes it on Chinese Windows; LF, CRLF or a lone CR. Never read as
//! garbage: the encoding is detected from the first 64 KiB and said on
//! stderr when it is not UTF-8, and a line with bytes that do not decode is
//! reported by number.

#[cfg(test)]
use encoding_rs::GB18030;
use encoding_rs::{Decoder, Encoding};
use std::io::{self, Read};

// The detection is the library's, shared with `rankinfo batch`.
use rankinfo::batch::encoding::{HEAD, detect};

/// Decoded lines of a reader, one at a time.
pub struct Lines<R> {
    reader: R,
    decoder: Decoder,
    /// Raw bytes not yet decoded (the head, then each chunk).
    raw: Vec<u8>,
    /// Decoded text; from `pos` on not yet returned as lines. Lines are
    /// handed out as slices of it, and it is compacted only before a refill
    /// (draining each line from the front moved the buffer for every line:
    /// 30,000 instructions a line, five times the reading itself).
    text: String,
    pos: usize,
    /// Where in `text` (from `pos`) no line end is known to be: a long line
    /// is searched once, not again with every chunk.
    scanned: usize,
    /// A line longer than this keeps only its first `max_line` bytes (the
    /// reader then calls it too long): memory stays flat whatever the line.
    pub max_line: usize,
    /// Dropping the rest of a line cut at `max_line`.
    cut: bool,
    eof: bool,
    /// The number of the last line returned (1-based).
    pub number: usize,
    /// The encoding, when it is not UTF-8.
    pub encoding: &'static Encoding,
    /// Lines in which bytes did not decode (replaced by U+FFFD).
    pub malformed: Vec<usize>,
}

impl<R: Read> Lines<R> {
    /// Read the head of `reader` and detect its encoding.
    pub fn new(mut reader: R) -> io::Result<Self> {
        let mut head = Vec::with_capacity(HEAD);
        (&mut reader).take(HEAD as u64).read_to_end(&mut head)?;
        let (encoding, bom) = detect(&head);
        head.drain(..bom);
        Ok(Lines {
            reader,
            decoder: encoding.new_decoder_without_bom_handling(),
            raw: head,
            text: String::new(),
            pos: 0,
            scanned: 0,
            max_line: usize::MAX,
            cut: false,
            eof: false,
            number: 0,
            encoding,
            malformed: Vec::new(),
        })
    }

    /// Decode what is in `raw`; `last` at the end of input.
    fn decode(&mut self, last: bool) {
        self.text.drain(..self.pos);
        self.scanned -= self.pos;
        self.pos = 0;
        let need = self
            .decoder
            .max_utf8_buffer_length(self.raw.len())
            .unwrap_or(self.raw.len() * 3 + 16);
        self.text.reserve(need);
        let before = self.text.len();
        let (_, read, replaced) = self
            .decoder
            .decode_to_string(&self.raw, &mut self.text, last);
        self.raw.drain(..read);
        if replaced {
            // The line numbers of the decoded part that holds U+FFFD.
            let start = self.number + self.text[..before].matches('\n').count() + 1;
            for (i, line) in self.text[before..].split('\n').enumerate() {
                if line.contains('\u{FFFD}') {
                    self.malformed.push(start + i);
                }
            }
        }
    }

    /// The next line, without its line end; `None` at the end of input.
    pub fn next_line(&mut self) -> io::Result<Option<String>> {
        Ok(self.next_str()?.map(str::to_string))
    }

    /// The next line as a slice of the buffer, valid until the next call.
    pub fn next_str(&mut self) -> io::Result<Option<&str>> {
        loop {
            // A line ends at LF, CRLF or a lone CR; a CR at the very end of
            // what is decoded may be the first half of a CRLF. Searched as
            // bytes (never part of a longer UTF-8 sequence): a search by
            // characters decoded each one.
            let found = self
                .text
                .as_bytes()
                .get(self.scanned..)
                .and_then(|rest| memchr::memchr2(b'\n', b'\r', rest))
                .map(|j| j + self.scanned);
            if let Some(i) = found {
                let cr = self.text.as_bytes()[i] == b'\r';
                let at_end = i + 1 == self.text.len();
                if !(cr && at_end && !self.eof) {
                    let skip = if cr && self.text.as_bytes().get(i + 1) == Some(&b'\n') {
                        2
                    } else {
                        1
                    };
                    let start = self.pos;
                    self.pos = i + skip;
                    self.scanned = self.pos;
                    self.number += 1;
                    self.cut = false;
                    return Ok(Some(&self.text[start..i]));
                }
                self.scanned = i;
            } else {
                self.scanned = self.text.len();
                if self.text.len() - self.pos > self.max_line {
                    let mut at = self.pos + self.max_line;
                    while !self.text.is_char_boundary(at) {
                        at -= 1;
                    }
                    self.text.truncate(at);
                    self.scanned = at;
                    self.cut = true;
                }
            }
            if self.eof {
                if self.pos == self.text.len() {
                    return Ok(None);
                }
                self.number += 1;
                let start = std::mem::replace(&mut self.pos, self.text.len());
                self.scanned = self.pos;
                return Ok(Some(&self.text[start..]));
            }
            if self.raw.is_empty() {
                let mut chunk = [0u8; HEAD];
                let n = self.reader.read(&mut chunk)?;
                if n == 0 {
                    self.eof = true;
                } else {
                    self.raw.extend_from_slice(&chunk[..n]);
                }
            }
            // Compacted first, so that `before` counts from the unread text.
            self.text.drain(..self.pos);
            self.scanned -= self.pos;
            self.pos = 0;
            let before = self.text.len();
            self.decode(self.eof);
            if self.cut {
                // The rest of a cut line: dropped up to its end.
                match self.text[before..].find(['\n', '\r']) {
                    Some(j) => {
                        self.text.drain(before..before + j);
                        self.cut = false;
                    }
                    None => self.text.truncate(before),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(bytes: &[u8]) -> (Vec<String>, &'static str) {
        let mut l = Lines::new(bytes).unwrap();
        let mut out = Vec::new();
        while let Some(line) = l.next_line().unwrap() {
            out.push(line);
        }
        (out, l.encoding.name())
    }

    #[test]
    fn a_long_line_is_cut_and_the_next_line_kept() {
        let text = format!("{}\n处长\n", "长".repeat(100_000));
        let mut l = Lines::new(text.as_bytes()).unwrap();
        l.max_line = 30;
        let first = l.next_line().unwrap().unwrap();
        assert_eq!(first, "长".repeat(10));
        assert_eq!(l.next_line().unwrap().as_deref(), Some("处长"));
        assert_eq!(l.next_line().unwrap(), None);
        assert_eq!(l.number, 2);
    }

    #[test]
    fn encodings_people_have() {
        let text = "处长\r\n县委书记\r副局长\n";
        assert_eq!(
            all(text.as_bytes()),
            (
                vec!["处长".into(), "县委书记".into(), "副局长".into()],
                "UTF-8"
            )
        );
        let bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
        assert_eq!(all(&bom).0, ["处长", "县委书记", "副局长"]);
        let (gbk, _, _) = GB18030.encode(text);
        assert_eq!(
            all(&gbk),
            (
                vec!["处长".into(), "县委书记".into(), "副局长".into()],
                "gb18030"
            )
        );
        let utf16: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(
            all(&utf16),
            (
                vec!["处长".into(), "县委书记".into(), "副局长".into()],
                "UTF-16LE"
            )
        );
        let with_bom = [b"\xFF\xFE".as_slice(), &utf16].concat();
        assert_eq!(all(&with_bom).0, ["处长", "县委书记", "副局长"]);
    }

    #[test]
    fn a_line_without_an_end_and_empty_lines_count() {
        assert_eq!(all("a\n\nb".as_bytes()).0, ["a", "", "b"]);
        assert_eq!(all(b"").0, Vec::<String>::new());
    }

    #[test]
    fn bytes_that_do_not_decode_are_reported_by_line() {
        // A valid UTF-8 head, then a bad line: still UTF-8 (the head
        // decides), and the bad line is named.
        let mut big = "处长\n".repeat(30_000).into_bytes();
        big.extend_from_slice(b"x\xFFy\n");
        let mut l = Lines::new(big.as_slice()).unwrap();
        while l.next_line().unwrap().is_some() {}
        assert_eq!(l.encoding.name(), "UTF-8");
        assert_eq!(l.malformed, [30_001]);
    }
}
