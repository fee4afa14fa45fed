//! Human answers, in Chinese: a field card a sales person reads in ten
//! seconds. The answer comes first, on one line; then a handful of labelled
//! lines in plain words; one 把握 line, with the reason when it is not 高.
//! Sources are off the card: `--sources` adds them, cited in full
//! ([`sources`]).
//!
//! The CLI prints these; tools embedding the library can too. Colour and
//! width are the caller's decision ([`Style`]): the CLI turns colour on only
//! on a terminal and never with `NO_COLOR`, and wraps to the terminal's
//! width, or to 100 columns when not on one.

mod address;
mod careers;
mod compare;
mod resolve;
mod show;
mod svg;
mod text;

pub use address::{address, brief};
pub use careers::{kaohe, path};
pub use compare::comparison;
pub use resolve::{outside, resolution};
pub use show::{equivalents, ladder, summary};
pub use svg::ladder_svg;
pub use text::{pad, visible_width, wrap};

use crate::data::Dataset;
use crate::read::Certainty;
use crate::schema::{Confidence, Strength, Text};
use std::fmt::Write as _;

/// How to print: colour and width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// Emit ANSI colour.
    pub color: bool,
    /// Wrap to this many display columns.
    pub width: usize,
}

impl Default for Style {
    /// No colour, 100 columns: what a file or a pipe gets.
    fn default() -> Style {
        Style {
            color: false,
            width: 100,
        }
    }
}

impl Style {
    fn paint(self, style: anstyle::Style, text: &str) -> String {
        if self.color {
            format!("{style}{text}{style:#}")
        } else {
            text.to_string()
        }
    }
    /// Bold.
    pub fn strong(self, text: &str) -> String {
        self.paint(anstyle::Style::new().bold(), text)
    }
    /// Dimmed, for labels and secondary detail.
    pub fn dim(self, text: &str) -> String {
        self.paint(anstyle::Style::new().dimmed(), text)
    }
    /// Yellow, for warnings and unconfirmed facts.
    pub fn warn(self, text: &str) -> String {
        self.paint(anstyle::AnsiColor::Yellow.on_default(), text)
    }
}

/// A table with a header row, indented two columns; columns padded to their
/// widest cell, the last one wrapped to the width.
pub fn table(style: Style, header: &[&str], rows: &[Vec<String>]) -> String {
    let cols = header.len();
    let mut widths: Vec<usize> = header.iter().map(|h| visible_width(h)).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate().take(cols) {
            widths[i] = widths[i].max(visible_width(cell));
        }
    }
    let before_last: usize = widths
        .iter()
        .take(cols.saturating_sub(1))
        .map(|w| w + 2)
        .sum();
    let last_width = style.width.saturating_sub(2 + before_last).max(16);
    let mut out = String::new();
    let mut line = |cells: &[String]| {
        let last = cells.len().saturating_sub(1);
        out.push_str("  ");
        let mut tail = Vec::new();
        for (i, cell) in cells.iter().enumerate() {
            if i == last {
                let mut lines = wrap(cell, last_width).into_iter();
                out.push_str(&lines.next().unwrap_or_default());
                tail.extend(lines);
            } else {
                out.push_str(&pad(cell, widths[i]));
                out.push_str("  ");
            }
        }
        out.truncate(out.trim_end_matches(' ').len());
        out.push('\n');
        for more in tail {
            let _ = writeln!(out, "  {}{more}", " ".repeat(before_last));
        }
    };
    let head: Vec<String> = header.iter().map(|h| style.dim(h)).collect();
    line(&head);
    for row in rows {
        line(row);
    }
    out
}

/// Label–value lines, labels padded to one width, values wrapped.
fn fields(out: &mut String, style: Style, items: &[(&str, String)]) {
    let w = items
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, _)| visible_width(k))
        .max()
        .unwrap_or(0);
    let value_width = style.width.saturating_sub(w + 4);
    for (k, v) in items {
        if v.is_empty() {
            continue;
        }
        let mut label = style.dim(&pad(k, w));
        for para in v.lines() {
            for line in wrap(para, value_width) {
                let _ = writeln!(out, "  {label}  {line}");
                label = pad("", w);
            }
        }
    }
}

/// The answer's one line, wrapped like the rest.
fn headline(out: &mut String, style: Style, text: &str) {
    for line in wrap(text, style.width) {
        let _ = writeln!(out, "{line}");
    }
}

/// Why a fact of this confidence is not 高.
fn why_not_high(c: Confidence) -> Option<&'static str> {
    match c {
        Confidence::Official | Confidence::Secondary => None,
        Confidence::CommonKnowledge => Some("通行说法，未见法规原文"),
        Confidence::Customary => Some("惯例，各地不一"),
        Confidence::Unconfirmed => Some("未经证实"),
    }
}

/// The 把握 value: 高, or 中/低 with the reason.
fn certainty_text(style: Style, c: Certainty, why: Option<&str>) -> String {
    match (c, why) {
        (Certainty::High, _) => c.label().to_string(),
        (_, Some(why)) => style.warn(&format!("{}：{why}", c.label())),
        (_, None) => style.warn(c.label()),
    }
}

/// The full citation of each source id, in order, once each: the
/// document (a regulation and its article, or a page) and where it was read.
pub fn citations<'a>(data: &Dataset, ids: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut seen: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for id in ids {
        if seen.contains(&id) {
            continue;
        }
        seen.push(id);
        match data.source(id) {
            Some(s) => match s.url.first() {
                Some(url) => out.push(format!("{}（{url}）", s.title)),
                None => out.push(s.title.to_string()),
            },
            None => out.push(id.to_string()),
        }
    }
    out
}

/// The 来源 block that `--sources` adds under a card: every source cited in
/// full, one a line.
pub fn sources<'a>(data: &Dataset, ids: impl IntoIterator<Item = &'a str>, style: Style) -> String {
    let lines = citations(data, ids);
    let mut out = String::new();
    if !lines.is_empty() {
        out.push('\n');
        fields(&mut out, style, &[("来源", lines.join("\n"))]);
    }
    out
}

/// The sources an answer rests on, by id, for [`sources`].
pub trait Cites {
    /// Source ids, in order of use; repeats are dropped when cited.
    fn source_ids(&self) -> Vec<&str>;
}

fn join(items: &[Text], sep: &str) -> String {
    items.iter().map(|t| &**t).collect::<Vec<_>>().join(sep)
}

/// A convention's strength, shown only when it is not the strongest kind:
/// "（媒体报道）".
fn strength_mark(style: Style, s: Strength) -> String {
    mark_after("", style, s)
}

/// `text` and its strength mark, unless the text already ends with it.
fn mark_after(text: &str, style: Style, s: Strength) -> String {
    if text.ends_with(&format!("（{}）", s.label())) {
        return String::new();
    }
    match s {
        Strength::Official => String::new(),
        Strength::Unconfirmed => style.warn(&format!("（{}）", s.label())),
        _ => style.dim(&format!("（{}）", s.label())),
    }
}

/// "县处级正职（正处级）"; 科员级 has no separate short name.
fn level_with_short(level: &str, short: &str) -> String {
    if level == short {
        level.to_string()
    } else {
        format!("{level}（{short}）")
    }
}

/// User text as it may be shown on a terminal: control characters (an
/// escape sequence pasted from elsewhere, a stray CR) written as `\u{1b}`
/// instead of acting on the screen.
pub fn escape_controls(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return std::borrow::Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect::<String>()
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_columns_line_up_in_display_width() {
        let rows = vec![
            vec!["县处级正职".to_string(), "x".to_string()],
            vec!["A".to_string(), "y".to_string()],
        ];
        let out = table(Style::default(), &["层次", "值"], &rows);
        let starts: Vec<usize> = out
            .lines()
            .map(|l| visible_width(&l[..l.rfind(char::is_alphabetic).unwrap_or(0)]))
            .collect();
        assert!(starts.iter().all(|&s| s == starts[0]), "{out}");
    }

    #[test]
    fn colour_is_plain_ansi_and_only_when_asked() {
        let on = Style {
            color: true,
            ..Style::default()
        };
        assert_eq!(on.strong("处长"), "\x1b[1m处长\x1b[0m");
        assert_eq!(on.dim("级别"), "\x1b[2m级别\x1b[0m");
        assert_eq!(on.warn("未经证实"), "\x1b[33m未经证实\x1b[0m");
        assert_eq!(Style::default().warn("未经证实"), "未经证实");
    }

    #[test]
    fn long_last_cells_wrap_under_their_column() {
        let rows = vec![vec!["地级市".to_string(), "常高配厅局级副职；".repeat(12)]];
        let style = Style {
            width: 40,
            ..Style::default()
        };
        let out = table(style, &["机构", "备注"], &rows);
        assert!(out.lines().count() > 3, "{out}");
        for line in out.lines() {
            assert!(visible_width(line) <= 42, "{line}");
        }
        assert!(
            out.lines().skip(2).all(|l| l.starts_with("          ")),
            "{out}"
        );
    }
}
