//! JSON Lines in and out: each object goes out as it came, byte for byte,
//! with the `rankinfo_` fields added before its closing brace. Only the
//! named fields are decoded; the rest is skipped unparsed into values.
//!
//! In JSON the appended fields are typed: `rankinfo_grade` is
//! `{"highest", "lowest"}`, `rankinfo_seniority` a number, certainty and
//! sector the codes of `resolve --json` (`high`, `civil_service`), and a
//! field without a value is `null`.

use super::columns::{Annotation, Column, Fields};
use super::sink::Rendered;
use super::{
    Annotator, ColumnRef, Error, Observer, Options, PROGRESS_EVERY, Problem, ProblemKind, Summary,
};
use crate::Dataset;
use crate::read::json;
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use std::borrow::Cow;
use std::fmt;
use std::io::{BufRead, Write};

mod flat;

/// The `rankinfo_` fields of `ann`, each after a comma when `comma`.
pub fn annotation(buf: &mut Vec<u8>, ann: &Annotation<'_>, columns: &[Column], comma: bool) {
    for (i, &c) in columns.iter().enumerate() {
        if comma || i > 0 {
            buf.push(b',');
        }
        buf.push(b'"');
        buf.extend_from_slice(c.name().as_bytes());
        buf.extend_from_slice(b"\":");
        let text = |buf: &mut Vec<u8>, s: &str| {
            if s.is_empty() {
                buf.extend_from_slice(b"null");
            } else {
                json::string(buf, s);
            }
        };
        match c {
            Column::Level => text(buf, ann.level.map_or("", |l| &l.name)),
            Column::Grade => json::grade(buf, ann.grade),
            Column::Seniority => match ann.level {
                Some(l) => json::number(buf, l.seniority()),
                None => buf.extend_from_slice(b"null"),
            },
            Column::Certainty => json::string(buf, json::certainty_code(ann.certainty)),
            Column::StatedLevel => text(buf, ann.stated_level.map_or("", |l| &l.name)),
            Column::Sector => text(buf, ann.sector.map_or("", json::sector_code)),
            Column::AddressOral => text(buf, &ann.address_oral),
            Column::AddressWritten => text(buf, &ann.address_written),
            Column::Note => text(buf, &ann.note),
        }
    }
}

/// [`annotation`], the leading plain fields as kept in `rendered` for their
/// facts (with the comma before them, left out when `comma` is not asked).
pub fn annotation_kept(
    buf: &mut Vec<u8>,
    ann: &Annotation<'_>,
    columns: &[Column],
    comma: bool,
    rendered: &mut Rendered,
) {
    let plain = columns.iter().take_while(|c| c.is_plain()).count();
    let key = ann.plain_key();
    let start = buf.len();
    match rendered.get(key) {
        Some(bytes) => buf.extend_from_slice(bytes),
        None => {
            annotation(buf, ann, &columns[..plain], true);
            rendered.keep(key, &buf[start..]);
        }
    }
    if !comma && plain > 0 {
        buf.remove(start);
    }
    annotation(buf, ann, &columns[plain..], comma || plain > 0);
}

/// The fields a run reads from each object.
struct Wanted<'n> {
    names: [Option<&'n str>; 4],
}

/// The values found, by the position of their name in `Wanted`.
struct Found<'de> {
    values: [Option<Cow<'de, str>>; 4],
    keys: usize,
    /// Every key, kept only when asked (the first object, for the error
    /// that lists them).
    all: Option<Vec<String>>,
}

struct Seed<'w, 'n> {
    wanted: &'w Wanted<'n>,
    list_keys: bool,
}

impl<'de> DeserializeSeed<'de> for Seed<'_, '_> {
    type Value = Found<'de>;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Found<'de>, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Seed<'_, '_> {
    type Value = Found<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Found<'de>, A::Error> {
        let mut found = Found {
            values: [None, None, None, None],
            keys: 0,
            all: self.list_keys.then(Vec::new),
        };
        // Keys borrowed from the line (serde's own Cow would copy each).
        while let Some(Scalar(key)) = map.next_key::<Scalar<'de>>()? {
            found.keys += 1;
            if let Some(all) = &mut found.all {
                all.push(key.to_string());
            }
            match self.wanted.names.iter().position(|n| *n == Some(&*key)) {
                Some(i) => found.values[i] = Some(map.next_value::<Scalar<'de>>()?.0),
                None => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(found)
    }
}

/// A string, number, bool or null as text (null and objects: empty).
struct Scalar<'de>(Cow<'de, str>);

impl<'de> de::Deserialize<'de> for Scalar<'de> {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Scalar<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a value")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Scalar<'de>, E> {
                Ok(Scalar(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Scalar<'de>, E> {
                Ok(Scalar(Cow::Owned(v.to_string())))
            }
            fn visit_string<E>(self, v: String) -> Result<Scalar<'de>, E> {
                Ok(Scalar(Cow::Owned(v)))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Scalar<'de>, E> {
                Ok(Scalar(Cow::Owned(v.to_string())))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Scalar<'de>, E> {
                Ok(Scalar(Cow::Owned(v.to_string())))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Scalar<'de>, E> {
                Ok(Scalar(Cow::Owned(v.to_string())))
            }
            fn visit_bool<E>(self, v: bool) -> Result<Scalar<'de>, E> {
                Ok(Scalar(Cow::Borrowed(if v { "true" } else { "false" })))
            }
            fn visit_unit<E>(self) -> Result<Scalar<'de>, E> {
                Ok(Scalar(Cow::Borrowed("")))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Scalar<'de>, A::Error> {
                while m.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Scalar(Cow::Borrowed("")))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut s: A) -> Result<Scalar<'de>, A::Error> {
                while s.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Scalar(Cow::Borrowed("")))
            }
        }
        d.deserialize_any(V)
    }
}

fn name(c: &Option<ColumnRef>) -> Result<Option<&str>, Error> {
    match c {
        None => Ok(None),
        Some(ColumnRef::Name(n)) => Ok(Some(n)),
        Some(ColumnRef::Index(_)) => Err(Error::Unsupported(
            "JSON Lines 没有列序号：请用字段名指定列（如 --column 职务）",
        )),
    }
}

/// One object read by `seed`, and nothing after it.
fn parse<'de, R: serde_json::de::Read<'de>>(
    mut de: serde_json::Deserializer<R>,
    seed: Seed<'_, '_>,
) -> serde_json::Result<Found<'de>> {
    let found = seed.deserialize(&mut de)?;
    de.end()?;
    Ok(found)
}

/// One line into `line`, its `\n` included, as `read_until` would, but its
/// end found by memchr's vector search (std's word-at-a-time search was a
/// tenth of a JSON Lines row outside the reader).
fn read_line(input: &mut impl BufRead, line: &mut Vec<u8>) -> std::io::Result<usize> {
    let mut n = 0;
    loop {
        let buf = match input.fill_buf() {
            Ok(buf) => buf,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let (used, done) = match memchr::memchr(b'\n', buf) {
            Some(i) => (i + 1, true),
            None => (buf.len(), buf.is_empty()),
        };
        line.extend_from_slice(&buf[..used]);
        input.consume(used);
        n += used;
        if done {
            return Ok(n);
        }
    }
}

/// Annotate JSON Lines (UTF-8) from `input` to `out`.
pub fn annotate(
    data: &Dataset,
    mut input: impl BufRead,
    out: &mut dyn Write,
    opts: &Options,
    obs: &mut dyn Observer,
) -> Result<Summary, Error> {
    let s = &opts.spec;
    let title = name(&Some(s.title.clone()))?
        .unwrap_or_default()
        .to_string();
    let wanted = Wanted {
        names: [
            Some(title.as_str()),
            name(&s.org)?,
            name(&s.surname)?,
            name(&s.given_name)?,
        ],
    };
    let columns = super::columns(s.surname.is_some());
    let mut annotator = Annotator::new(data, s.surname.is_some()).remembering(opts.answers);
    let mut ann = Annotation::default();
    let mut rendered = Rendered::default();
    let mut summary = Summary {
        encoding: "UTF-8",
        ..Summary::default()
    };
    let (mut line, mut buf) = (Vec::new(), Vec::new());
    let (mut number, mut bytes, mut first) = (0u64, 0u64, true);
    loop {
        line.clear();
        let n = read_line(&mut input, &mut line)?;
        if n == 0 {
            break;
        }
        number += 1;
        bytes += n as u64;
        let body = line.trim_ascii();
        // Lines are gathered and written in large blocks.
        if buf.len() >= 128 * 1024 {
            out.write_all(&buf)?;
            buf.clear();
        }
        if body.is_empty() {
            // A blank line is no record; kept so that line numbers agree.
            buf.push(b'\n');
            continue;
        }
        let seed = Seed {
            wanted: &wanted,
            list_keys: first,
        };
        // A line checked as UTF-8 once (simdutf8) is parsed as text, so
        // that serde_json does not check each string again (std's check
        // was a twelfth of a row): the common flat object without serde,
        // any other (and the first, whose keys are listed) with it. A line
        // that is not UTF-8 keeps the byte parser and its error.
        let parsed = match simdutf8::basic::from_utf8(body) {
            Ok(text) => match flat::object(text, &wanted.names) {
                Some(found) if !first => Ok(found),
                _ => parse(serde_json::Deserializer::from_str(text), seed),
            },
            Err(_) => parse(serde_json::Deserializer::from_slice(body), seed),
        };
        match parsed {
            Ok(found) => {
                let keys = found.all.as_deref().unwrap_or_default();
                if keys.iter().any(|k| k.starts_with("rankinfo_")) {
                    return Err(Error::Unsupported(super::ANNOTATED));
                }
                if first && found.values[0].is_none() {
                    return Err(Error::MissingColumn {
                        wanted: s.title.to_string(),
                        columns: found.all.unwrap_or_default(),
                    });
                }
                first = false;
                let v = |i: usize| found.values[i].as_deref();
                let fields = Fields {
                    title: v(0).unwrap_or(""),
                    org: v(1),
                    surname: v(2),
                    given_name: v(3),
                };
                annotator.annotate(&fields, &mut ann);
                // The object as it came, less its closing brace.
                buf.extend_from_slice(&body[..body.len() - 1]);
                annotation_kept(&mut buf, &ann, columns, found.keys > 0, &mut rendered);
            }
            Err(e) => {
                let p = Problem {
                    line: number,
                    column: None,
                    kind: ProblemKind::NotJson(e.to_string()),
                };
                obs.problem(&p);
                summary.problems += 1;
                let raw = String::from_utf8_lossy(body);
                annotator.annotate(&Fields::default(), &mut ann);
                ann.note.clear();
                ann.note.push_str("不是 JSON 对象，未解读");
                ann.reason = Some("不是 JSON 对象");
                buf.extend_from_slice(b"{\"rankinfo_raw\":");
                json::string(&mut buf, &raw);
                annotation(&mut buf, &ann, columns, true);
            }
        }
        buf.extend_from_slice(b"}\n");
        summary.count(&ann);
        if summary.rows % PROGRESS_EVERY == 0 {
            obs.progress(summary.rows, bytes);
        }
    }
    out.write_all(&buf)?;
    out.flush()?;
    summary.empty = number == 0;
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::read_line;
    use std::io::BufReader;

    #[test]
    fn lines_are_read_whole_across_refills() {
        let text = "{\"a\": \"一\"}\n\n{\"b\": 2}\r\nlast, no newline";
        for capacity in [1, 2, 3, 7, 64] {
            let mut input = BufReader::with_capacity(capacity, text.as_bytes());
            let (mut lines, mut line) = (Vec::new(), Vec::new());
            while read_line(&mut input, &mut line).unwrap() > 0 {
                lines.push(String::from_utf8(std::mem::take(&mut line)).unwrap());
            }
            let want: Vec<&str> = text.split_inclusive('\n').collect();
            assert_eq!(lines, want, "capacity {capacity}");
        }
    }
}
