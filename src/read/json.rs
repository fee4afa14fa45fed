//! A [`Resolution`] as compact JSON, byte for byte what `serde_json` writes
//! for its `Serialize`, without serde: contact lists stream millions of
//! answers, and serde_json's per-answer explanation `String` and escaping
//! cost more than reading the title (issue 9). Text is escaped in whole runs
//! of bytes that need none, and the baked data's own strings, known plain by
//! their address, are not scanned at all; nothing is allocated per answer
//! for the usual post. `tests/json_writer.rs` holds the two equal.

use super::{Certainty, Resolution, Rule, Sector, Unit};
use std::fmt;

impl Resolution<'_> {
    /// Append this answer as one compact JSON object (no line end) to
    /// `out`: the fields and order of the `Serialize` implementation.
    pub fn write_json(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(b"{\"input\":");
        string(out, &self.input);
        out.extend_from_slice(b",\"level\":");
        opt(out, self.level.map(|l| &*l.name));
        out.extend_from_slice(b",\"title\":");
        opt(out, self.title);
        out.extend_from_slice(b",\"organisation\":[");
        for (i, u) in self.organisation.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            unit(out, u);
        }
        out.extend_from_slice(b"],\"parts\":[");
        for (i, p) in self.parts.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            p.write_json(out);
        }
        out.extend_from_slice(b"],\"confidence\":");
        raw_str(out, certainty_code(self.confidence));
        out.extend_from_slice(b",\"explanation\":\"");
        let start = out.len();
        // Writing to a Vec cannot fail. One scan over the whole sentence
        // costs less than one per piece.
        let _ = self.write_explanation(&mut Raw(out));
        escape_since(out, start);
        out.extend_from_slice(b"\",\"rank\":");
        opt(out, self.rank);
        out.extend_from_slice(b",\"grade\":");
        // A 职级's own band where the level came from one (Resolution::grade).
        grade(out, self.grade());
        out.extend_from_slice(b",\"context\":");
        opt(out, self.context);
        out.extend_from_slice(b",\"rule\":");
        raw_str(out, rule(self.rule));
        out.extend_from_slice(b",\"nominal\":");
        opt(out, self.nominal);
        out.extend_from_slice(b",\"often\":");
        opt(out, self.often);
        out.extend_from_slice(b",\"sources\":[");
        for (i, s) in self.sources.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            string(out, s);
        }
        out.extend_from_slice(b"],\"certainty\":");
        raw_str(out, certainty_code(self.confidence));
        out.extend_from_slice(b",\"stated_level\":");
        opt(out, self.stated_level.map(|l| &*l.name));
        out.extend_from_slice(b",\"post_level\":");
        opt(out, self.post_level.map(|l| &*l.name));
        out.extend_from_slice(b",\"sector\":");
        match self.sector {
            Some(s) => raw_str(out, sector_code(s)),
            None => out.extend_from_slice(b"null"),
        }
        out.push(b'}');
    }
}

fn unit(out: &mut Vec<u8>, u: &Unit<'_>) {
    out.extend_from_slice(b"{\"name\":");
    string(out, &u.name);
    out.extend_from_slice(b",\"kind\":");
    string(out, u.kind);
    out.extend_from_slice(b",\"level\":");
    opt(out, u.level);
    out.push(b'}');
}

/// The JSON code of a certainty (its serde name).
pub fn certainty_code(c: Certainty) -> &'static str {
    match c {
        Certainty::High => "high",
        Certainty::Medium => "medium",
        Certainty::Low => "low",
    }
}

fn rule(r: Rule) -> &'static str {
    match r {
        Rule::FixedTitle => "fixed_title",
        Rule::TitleCase => "title_case",
        Rule::Derived => "derived",
        Rule::RankEquivalent => "rank_equivalent",
        Rule::NamedLevel => "named_level",
        Rule::None => "none",
    }
}

/// The JSON name of a sector (its serde name).
pub fn sector_code(s: Sector) -> &'static str {
    match s {
        Sector::CivilService => "civil_service",
        Sector::PublicInstitution => "public_institution",
        Sector::Enterprise => "enterprise",
        Sector::Village => "village",
        Sector::Military => "military",
        Sector::NotAPost => "not_a_post",
    }
}

/// A name known to need no escaping.
fn raw_str(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    out.extend_from_slice(s.as_bytes());
    out.push(b'"');
}

/// A 级别 band as `{"highest":h,"lowest":l}`, or `null`.
pub(crate) fn grade(out: &mut Vec<u8>, g: Option<crate::schema::Grade>) {
    match g {
        Some(g) => {
            out.extend_from_slice(b"{\"highest\":");
            number(out, g.highest);
            out.extend_from_slice(b",\"lowest\":");
            number(out, g.lowest);
            out.push(b'}');
        }
        None => out.extend_from_slice(b"null"),
    }
}

/// A small number, in decimal.
pub(crate) fn number(out: &mut Vec<u8>, n: u8) {
    if n >= 100 {
        out.push(b'0' + n / 100);
    }
    if n >= 10 {
        out.push(b'0' + n / 10 % 10);
    }
    out.push(b'0' + n % 10);
}

fn opt(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => string(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

/// A JSON string, quoted.
pub fn string(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    escape(out, s);
    out.push(b'"');
}

/// `s` escaped as serde_json does: `"`, `\` and control characters below
/// U+0020 (short forms for \b \t \n \f \r, else `\u00xx`); nothing else.
pub fn escape(out: &mut Vec<u8>, s: &str) {
    if baked(s) {
        out.extend_from_slice(s.as_bytes());
    } else {
        escape_bytes(out, s.as_bytes());
    }
}

/// Whether `s` is a slice of the baked data's text that `build.rs` found to
/// need no escaping: the data's names and notes, most of an answer, are
/// copied unscanned. Anything else (the input, text a caller put into an
/// answer's fields) is scanned.
fn baked(s: &str) -> bool {
    use crate::data::baked::{PLAIN_END, TEXT};
    let blob = TEXT.as_bytes()[..PLAIN_END].as_ptr_range();
    let text = s.as_bytes().as_ptr_range();
    blob.start <= text.start && text.end <= blob.end
}

fn escape_bytes(out: &mut Vec<u8>, mut bytes: &[u8]) {
    while let Some(i) = first_to_escape(bytes) {
        out.extend_from_slice(&bytes[..i]);
        escape_byte(out, bytes[i]);
        bytes = &bytes[i + 1..];
    }
    out.extend_from_slice(bytes);
}

/// Escape what was appended to `out` since `start`, in place: text written
/// raw first, then scanned once, so that the usual text is copied once.
fn escape_since(out: &mut Vec<u8>, start: usize) {
    if let Some(i) = first_to_escape(&out[start..]) {
        let tail = out.split_off(start + i);
        escape_bytes(out, &tail);
    }
}

/// The first byte that needs escaping, found eight bytes at a time. The
/// last word is read overlapping the one before it (its bytes already
/// checked hold nothing to flag, and a borrow never flags a byte below a
/// true one), and a text shorter than a word is read as two overlapping
/// halves padded with spaces: no copy, no byte loop but for the shortest.
pub(crate) fn first_to_escape(bytes: &[u8]) -> Option<usize> {
    let n = bytes.len();
    if n < 8 {
        return short_to_escape(bytes);
    }
    let word = |at: usize| {
        let w: [u8; 8] = bytes[at..at + 8].try_into().unwrap_or([b' '; 8]);
        to_escape(u64::from_le_bytes(w))
    };
    let mut at = 0;
    while at + 8 <= n {
        let bits = word(at);
        if bits != 0 {
            return Some(at + bits.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    if at == n {
        return None;
    }
    let bits = word(n - 8);
    (bits != 0).then(|| n - 8 + bits.trailing_zeros() as usize / 8)
}

/// [`first_to_escape`] for fewer than eight bytes.
fn short_to_escape(bytes: &[u8]) -> Option<usize> {
    let n = bytes.len();
    if n < 4 {
        return bytes.iter().position(|&b| needs_escape(b));
    }
    const SPACES: u64 = 0x2020_2020 << 32;
    let half = |at: usize| {
        let h: [u8; 4] = bytes[at..at + 4].try_into().unwrap_or([b' '; 4]);
        to_escape(u64::from(u32::from_le_bytes(h)) | SPACES)
    };
    let bits = half(0);
    if bits != 0 {
        return Some(bits.trailing_zeros() as usize / 8);
    }
    let bits = half(n - 4);
    (bits != 0).then(|| n - 4 + bits.trailing_zeros() as usize / 8)
}

fn needs_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// The high bit of each byte of `w` below 0x20, `"` or `\` (the "has
/// less" and "has zero" tests of bit-twiddling lore). A borrow can flag a
/// byte above a true one, never below: the lowest flag is exact.
fn to_escape(w: u64) -> u64 {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let zero = |x: u64| x.wrapping_sub(LO) & !x & HI;
    let below = w.wrapping_sub(LO * 0x20) & !w & HI;
    below | zero(w ^ (LO * u64::from(b'"'))) | zero(w ^ (LO * u64::from(b'\\')))
}

fn escape_byte(out: &mut Vec<u8>, b: u8) {
    match b {
        b'"' => out.extend_from_slice(b"\\\""),
        b'\\' => out.extend_from_slice(b"\\\\"),
        b'\n' => out.extend_from_slice(b"\\n"),
        b'\r' => out.extend_from_slice(b"\\r"),
        b'\t' => out.extend_from_slice(b"\\t"),
        0x08 => out.extend_from_slice(b"\\b"),
        0x0C => out.extend_from_slice(b"\\f"),
        _ => {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(b"\\u00");
            out.push(HEX[usize::from(b >> 4)]);
            out.push(HEX[usize::from(b & 0xF)]);
        }
    }
}

/// A `fmt::Write` that appends to a byte buffer as it is.
struct Raw<'a>(&'a mut Vec<u8>);

impl fmt::Write for Raw<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0.extend_from_slice(s.as_bytes());
        Ok(())
    }
}

/// A `fmt::Write` that escapes what is written into a JSON string's body.
pub struct Escaped<'a>(pub &'a mut Vec<u8>);

impl fmt::Write for Escaped<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        escape(self.0, s);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::{baked, first_to_escape};

    #[test]
    fn the_data_is_copied_unscanned_and_nothing_else_is() {
        let data = crate::builtin();
        let level = &data.ranks.levels[0].name;
        assert!(baked(level), "{level}");
        // The same text elsewhere in memory is scanned.
        let copy: String = level.chars().collect();
        assert!(!baked(&copy));
        assert!(!baked("国家级正职"));
    }

    #[test]
    fn the_first_byte_to_escape_is_found_wherever_it_is() {
        // Every class serde_json escapes, at every position of texts of every
        // length around the word size, after CJK bytes (0x80 and above) and
        // with more to escape after it: the borrow of the bit tests must
        // never flag a byte below the first.
        for len in 1..=20 {
            for at in 0..len {
                for b in [0x00, 0x1F, b'\n', b'"', b'\\'] {
                    let mut text = "县".repeat(len).into_bytes()[..len].to_vec();
                    text[at] = b;
                    if at + 1 < len {
                        text[at + 1] = 0x00;
                    }
                    assert_eq!(first_to_escape(&text), Some(at), "{text:?}");
                }
            }
            let clean = " !#[]~\u{7f}é县".repeat(3);
            assert_eq!(first_to_escape(&clean.as_bytes()[..len]), None);
        }
    }
}
