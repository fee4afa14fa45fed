//! The common JSON Lines object read without serde: flat, keys and strings
//! without escapes, other values `true`, `false`, `null` or a short plain
//! number. Anything else (an escape, a nested value, an exponent, a control
//! character, an error) is left to serde_json, whose reading and messages
//! stay the reference; this path only skips its per-value machinery, which
//! was a third of a JSON Lines row.

use super::Found;
use crate::read::json;
use std::borrow::Cow;

/// The object in `text` (a whole line, UTF-8 checked, trimmed), the values
/// of the `wanted` keys as serde would read them, or `None` to ask serde.
pub(super) fn object<'a>(text: &'a str, wanted: &[Option<&str>; 4]) -> Option<Found<'a>> {
    let mut s = Scanner {
        b: text.as_bytes(),
        at: 0,
    };
    let mut found = Found {
        values: [None, None, None, None],
        keys: 0,
        all: None,
    };
    s.eat(b'{')?;
    s.ws();
    if s.peek() == Some(b'}') {
        s.at += 1;
    } else {
        loop {
            let key = s.string(text)?;
            s.ws();
            s.eat(b':')?;
            s.ws();
            found.keys += 1;
            let value = s.value(text)?;
            // The first wanted name that matches, as serde's visitor does;
            // a later duplicate key wins.
            if let Some(i) = wanted.iter().position(|n| n.is_some_and(|n| same(n, key))) {
                found.values[i] = Some(Cow::Borrowed(value.text()?));
            }
            s.ws();
            match s.next()? {
                b',' => s.ws(),
                b'}' => break,
                _ => return None,
            }
        }
    }
    s.ws();
    (s.at == s.b.len()).then_some(found)
}

/// Whether two keys are equal, short ones compared a word at a time
/// rather than through a call to `memcmp` (a key is a few characters).
fn same(a: &str, b: &str) -> bool {
    let (a, b, n) = (a.as_bytes(), b.as_bytes(), a.len());
    let w4 = |s: &[u8], at: usize| u32::from_le_bytes(s[at..at + 4].try_into().unwrap_or([0; 4]));
    let w8 = |s: &[u8], at: usize| u64::from_le_bytes(s[at..at + 8].try_into().unwrap_or([0; 8]));
    n == b.len()
        && match n {
            0..4 => a.iter().zip(b).all(|(x, y)| x == y),
            4..=8 => w4(a, 0) == w4(b, 0) && w4(a, n - 4) == w4(b, n - 4),
            9..=16 => w8(a, 0) == w8(b, 0) && w8(a, n - 8) == w8(b, n - 8),
            _ => a == b,
        }
}

/// A value the fast path read: a string's contents, or a literal whose text
/// serde gives a wanted field (`null` as empty); a number it leaves to serde.
enum Value<'a> {
    Text(&'a str),
    Number,
}

impl<'a> Value<'a> {
    fn text(self) -> Option<&'a str> {
        match self {
            Value::Text(t) => Some(t),
            // serde formats numbers (1.50 → 1.5): its path, not ours.
            Value::Number => None,
        }
    }
}

struct Scanner<'b> {
    b: &'b [u8],
    at: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.at).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let c = self.peek()?;
        self.at += 1;
        Some(c)
    }

    fn eat(&mut self, c: u8) -> Option<()> {
        (self.next()? == c).then_some(())
    }

    /// JSON's whitespace, which is not Rust's (no form feed).
    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// A string without escapes or control characters, found a word at a
    /// time: the first byte the JSON writer would escape must be its
    /// closing quote. `text` is the same bytes as `self.b`, so the slice
    /// between quotes is whole characters.
    fn string<'a>(&mut self, text: &'a str) -> Option<&'a str> {
        self.eat(b'"')?;
        let start = self.at;
        let len = json::first_to_escape(self.b.get(start..)?)?;
        self.at = start + len + 1;
        (self.b[start + len] == b'"').then(|| text.get(start..start + len))?
    }

    fn value<'a>(&mut self, text: &'a str) -> Option<Value<'a>> {
        let literal = |s: &mut Self, word: &str, value: &'static str| {
            let end = s.at + word.len();
            (s.b.get(s.at..end)? == word.as_bytes()).then(|| {
                s.at = end;
                Value::Text(value)
            })
        };
        match self.peek()? {
            b'"' => self.string(text).map(Value::Text),
            b't' => literal(self, "true", "true"),
            b'f' => literal(self, "false", "false"),
            b'n' => literal(self, "null", ""),
            b'-' | b'0'..=b'9' => self.number(),
            _ => None,
        }
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?` in at most 16 characters, which serde
    /// always accepts; exponents and longer numbers (which can overflow) go
    /// to serde.
    fn number<'a>(&mut self) -> Option<Value<'a>> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        let digits = |s: &mut Self| {
            let from = s.at;
            while s.peek().is_some_and(|c| c.is_ascii_digit()) {
                s.at += 1;
            }
            s.at - from
        };
        let first = self.peek()?;
        let int = digits(self);
        if int == 0 || (first == b'0' && int > 1) {
            return None;
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if digits(self) == 0 {
                return None;
            }
        }
        let ok = self.at - start <= 16 && !matches!(self.peek(), Some(b'e' | b'E'));
        ok.then_some(Value::Number)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Seed, Wanted, parse};
    use super::*;
    use proptest::prelude::*;

    const WANTED: [Option<&str>; 4] = [Some("职务"), Some("单位"), None, Some("名")];

    fn serde(line: &str) -> Option<(Vec<Option<String>>, usize)> {
        let wanted = Wanted { names: WANTED };
        let seed = Seed {
            wanted: &wanted,
            list_keys: false,
        };
        let found = parse(serde_json::Deserializer::from_str(line), seed).ok()?;
        Some((found.values.map(|v| v.map(String::from)).into(), found.keys))
    }

    fn fast(line: &str) -> Option<(Vec<Option<String>>, usize)> {
        let found = object(line, &WANTED)?;
        Some((found.values.map(|v| v.map(String::from)).into(), found.keys))
    }

    #[test]
    fn reads_what_serde_reads() {
        for line in [
            r#"{"姓名": "郭海海", "单位": "辽宁省抚顺市顺城区", "职务": "区委副书记", "备注": ""}"#,
            r#"{"职务":"处长","n":-0.5,"b":true,"c":false,"单位":null,"x":12}"#,
            r#"{ }"#,
            r#"{"职务": "a", "职务": "b"}"#,
            r#"{"名": true}"#,
        ] {
            assert_eq!(fast(line), serde(line), "{line}");
            assert!(fast(line).is_some(), "{line}");
        }
    }

    #[test]
    fn keys_differ_at_any_byte() {
        for n in 0..20 {
            let key = "k".repeat(n);
            assert!(same(&key, &key));
            assert!(!same(&key, &format!("{key}k")));
            for i in 0..n {
                let mut other = key.clone().into_bytes();
                other[i] = b'x';
                assert!(!same(&key, std::str::from_utf8(&other).unwrap()), "{n} {i}");
            }
        }
    }

    #[test]
    fn leaves_the_rest_to_serde() {
        for line in [
            r#"{"职务": "a\"b"}"#, // an escape
            r#"{"职务": 12}"#,     // a number in a wanted field
            r#"{"a": [1]}"#,       // nesting
            r#"{"a": 1e5}"#,       // an exponent
            r#"{"a": 01}"#,        // not JSON
            r#"{"a": 1.}"#,        // not JSON
            r#"{"a": 1,}"#,        // not JSON
            r#"{"a" 1}"#,          // not JSON
            r#"{"a": 1} x"#,       // not JSON
            "{\"a\": \"\u{1}\"}",  // a control character
            r#"{"a": 12345678901234567}"#,
        ] {
            assert_eq!(fast(line), None, "{line}");
        }
    }

    proptest! {
        // Whatever the fast path reads, serde reads the same.
        #[test]
        fn agrees_with_serde(parts in proptest::collection::vec(
            prop_oneof![
                Just("{".to_string()), Just("}".to_string()), Just(",".to_string()),
                Just(":".to_string()), Just(" ".to_string()), Just("\t".to_string()),
                Just("\"职务\"".to_string()), Just("\"单位\"".to_string()),
                Just("\"名\"".to_string()), Just("true".to_string()),
                Just("null".to_string()), Just("[".to_string()), Just("]".to_string()),
                "[-0-9.eE]{1,6}", "\"[^\"\\\\]{0,4}\"", "\\PC{0,2}",
            ],
            0..16,
        )) {
            let line = parts.concat();
            if let Some(ours) = fast(&line) {
                prop_assert_eq!(Some(ours), serde(&line), "{}", line);
            }
        }

        // A flat object of plain members is read, and read as serde reads it.
        #[test]
        fn reads_flat_objects(members in proptest::collection::vec(
            (
                prop_oneof![Just("职务".to_string()), Just("单位".to_string()),
                            Just("名".to_string()), "[^\"\\\\\\x00-\\x1f]{0,6}"],
                prop_oneof![
                    "\"[^\"\\\\\\x00-\\x1f]{0,8}\"",
                    "-?(0|[1-9][0-9]{0,9})(\\.[0-9]{1,4})?",
                    Just("true".to_string()), Just("false".to_string()), Just("null".to_string()),
                ],
                "[ \\t\\r]{0,2}",
            ),
            0..8,
        )) {
            let body: Vec<String> = members.iter()
                .map(|(k, v, w)| format!("{w}\"{k}\"{w}:{w}{v}{w}"))
                .collect();
            let line = format!("{{{}}}", body.join(","));
            let wanted_number = members.iter().any(|(k, v, _)| {
                WANTED.contains(&Some(k.as_str())) && !v.starts_with(['"', 't', 'f', 'n'])
            });
            let ours = fast(&line);
            prop_assert_eq!(ours.is_none(), wanted_number, "{}", line);
            if ours.is_some() {
                prop_assert_eq!(ours, serde(&line), "{}", line);
            }
        }
    }
}
