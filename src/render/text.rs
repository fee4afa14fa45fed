//! Display width, padding and wrapping of Chinese text mixed with Latin
//! words and ANSI colour: a CJK character is two columns wide, an escape
//! sequence none.

use unicode_width::UnicodeWidthChar;

/// Display width, ignoring ANSI escape sequences.
pub fn visible_width(text: &str) -> usize {
    tokens(text).map(|t| t.width).sum()
}

/// Pad `text` with spaces to `width` display columns (CJK = 2 columns).
pub fn pad(text: &str, width: usize) -> String {
    let w = visible_width(text);
    format!("{text}{}", " ".repeat(width.saturating_sub(w)))
}

/// Characters that may not start a line (Chinese line-breaking rules): they
/// stay on the line before, a column or two past the width.
fn closes(t: &str) -> bool {
    t.chars().next().is_some_and(|c| {
        matches!(
            c,
            '，' | '。'
                | '、'
                | '；'
                | '：'
                | '！'
                | '？'
                | '）'
                | '》'
                | '」'
                | '』'
                | '”'
                | '’'
                | ','
                | '.'
                | ';'
                | ':'
                | ')'
                | '…'
        )
    })
}

/// Characters that may not end a line: they go to the next one with what
/// they open.
fn opens(t: &str) -> bool {
    t.starts_with(['（', '《', '「', '『', '“', '‘', '('])
}

/// One unit of wrapping: an escape sequence, a run of spaces, a Latin word,
/// or one other character.
#[derive(Debug, Clone, Copy)]
struct Token<'a> {
    text: &'a str,
    width: usize,
    space: bool,
}

fn tokens(text: &str) -> impl Iterator<Item = Token<'_>> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let c = rest.chars().next()?;
        let end = if c == '\x1b' {
            rest.find('m').map_or(rest.len(), |i| i + 1)
        } else if c == ' ' {
            rest.find(|c| c != ' ').unwrap_or(rest.len())
        } else if c.is_ascii_graphic() {
            rest.find(|c: char| !c.is_ascii_graphic())
                .unwrap_or(rest.len())
        } else {
            c.len_utf8()
        };
        let (text, after) = rest.split_at(end);
        rest = after;
        let width = if c == '\x1b' {
            0
        } else {
            text.chars().map(|c| c.width().unwrap_or(0)).sum()
        };
        Some(Token {
            text,
            width,
            space: c == ' ',
        })
    })
}

/// Break one line of text into lines of at most `width` columns, between
/// characters of Chinese and between Latin words; a Latin word longer than
/// the width (a URL) is left whole.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(8);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    // Whether the line so far holds only opening brackets (or nothing):
    // kept as it grows, rather than rescanning the line at every token.
    let mut only_opens = true;
    let mut all = tokens(text).peekable();
    while let Some(t) = all.next() {
        // An opening bracket needs room for what follows it too.
        let next = all.peek().map_or(0, |n| n.width);
        let need = if opens(t.text) {
            t.width + next
        } else {
            t.width
        };
        if used + need > width && used > 0 && !t.space && !closes(t.text) && !only_opens {
            lines.push(std::mem::take(&mut line).trim_end().to_string());
            used = 0;
            only_opens = true;
        }
        if t.space && used == 0 {
            continue;
        }
        line.push_str(t.text);
        used += t.width;
        only_opens &= t.text.chars().all(|c| opens(c.encode_utf8(&mut [0; 4])));
    }
    if !line.trim_end().is_empty() || lines.is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_characters_are_two_columns_and_escapes_none() {
        assert_eq!(visible_width("处长"), 4);
        assert_eq!(visible_width("A处"), 3);
        assert_eq!(visible_width("\x1b[1m处长\x1b[0m"), 4);
        assert_eq!(pad("处长", 6), "处长  ");
    }

    #[test]
    fn wraps_chinese_between_characters_and_latin_between_words() {
        assert_eq!(
            wrap("县处级正职县处级正职", 10),
            ["县处级正职", "县处级正职"]
        );
        assert_eq!(
            wrap("Secretary of the County Commission", 12),
            ["Secretary of", "the County", "Commission"]
        );
        // A comma never starts a line.
        assert_eq!(wrap("正处级正处，级别", 10), ["正处级正处，", "级别"]);
        // An opening bracket never ends one.
        assert_eq!(wrap("正处级正（高配）", 10), ["正处级正", "（高配）"]);
        assert_eq!(
            wrap("来源（https://x.cn/a）", 12),
            ["来源", "（https://x.cn/a）"]
        );
        for line in wrap(&"调研员相当于县处级正职，".repeat(20), 30) {
            assert!(visible_width(&line) <= 32, "{line}");
        }
    }
}
