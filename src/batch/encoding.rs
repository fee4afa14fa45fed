//! Which encoding a file is in, from its first bytes, and a reader that
//! turns UTF-16 into UTF-8 (the only encodings whose bytes the CSV reader
//! cannot split as they are).

use encoding_rs::{Decoder, Encoding, GB18030, UTF_8, UTF_16BE, UTF_16LE};
use std::io::{self, Read};

/// How much input decides the encoding.
pub const HEAD: usize = 64 * 1024;

/// The encoding of input that starts with `head`, and the length of its
/// BOM: a BOM, else valid UTF-8 (a character cut at the end allowed), else
/// UTF-16 told by its zero bytes, else GB18030 (which includes GBK).
pub fn detect(head: &[u8]) -> (&'static Encoding, usize) {
    if let Some((enc, bom)) = Encoding::for_bom(head) {
        return (enc, bom);
    }
    if valid_utf8_prefix(head) {
        return (UTF_8, 0);
    }
    // UTF-16 without a BOM: ASCII and line ends leave zero bytes on one side.
    let zeros = |parity: usize| {
        head.iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros(0), zeros(1));
    let half = head.len() / 2;
    if odd > half / 4 && even == 0 {
        return (UTF_16LE, 0);
    }
    if even > half / 4 && odd == 0 {
        return (UTF_16BE, 0);
    }
    (GB18030, 0)
}

/// The encoding a table whose input was detected as `input` is written in:
/// its own (GBK as its superset GB18030, so that any character can be written
/// back), UTF-8 for UTF-16 (read as UTF-8) or when asked for (`--excel`).
pub fn written(input: &'static Encoding, excel: bool) -> &'static Encoding {
    if excel || input == UTF_16LE || input == UTF_16BE {
        UTF_8
    } else if input == encoding_rs::GBK {
        GB18030
    } else {
        input
    }
}

/// Valid UTF-8, allowing a character cut at the end of the sample.
fn valid_utf8_prefix(bytes: &[u8]) -> bool {
    match std::str::from_utf8(bytes) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none(),
    }
}

/// Read `head` (already read) then `inner`, decoded into UTF-8 bytes.
pub struct ToUtf8<R> {
    inner: R,
    decoder: Decoder,
    raw: Vec<u8>,
    eof: bool,
    /// The decoder has been told the input ended: it may not be used again.
    done: bool,
}

impl<R: Read> ToUtf8<R> {
    /// Decode `head` (read already) then `inner` from `encoding`.
    pub fn new(encoding: &'static Encoding, head: Vec<u8>, inner: R) -> Self {
        ToUtf8 {
            inner,
            decoder: encoding.new_decoder_without_bom_handling(),
            raw: head,
            eof: false,
            done: false,
        }
    }
}

impl<R: Read> Read for ToUtf8<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        loop {
            if self.done {
                return Ok(0);
            }
            if self.raw.is_empty() && !self.eof {
                let mut chunk = [0u8; 8192];
                let n = self.inner.read(&mut chunk)?;
                self.eof = n == 0;
                self.raw.extend_from_slice(&chunk[..n]);
            }
            // Room for at least one character.
            if out.len() < 4 {
                return Ok(0);
            }
            let (_, read, written, _) = self.decoder.decode_to_utf8(&self.raw, out, self.eof);
            self.raw.drain(..read);
            self.done = self.eof && self.raw.is_empty();
            if written > 0 || self.done {
                return Ok(written);
            }
        }
    }
}
