//! Cleaning: what a string copied from a PDF, a CRM export or a biography
//! needs before it can be read.
//!
//! Characters: Unicode NFKC (full-width forms, Kangxi radicals, CJK
//! compatibility ideographs), a BOM, zero-width and other format
//! characters, control characters, traditional characters of names in the
//! data (處長 → 处长). Career-line noise: parenthesised asides (dates,
//! （其间：…）, （主持工作）, （兼）, a level such as （正厅级）), ordinals (第十届),
//! a trailing sentence after 。, and 试用期.
//!
//! Nothing is dropped silently: every aside and sentence removed becomes an
//! [`Aside`] that the answer reports.

use super::traditional;
use std::borrow::Cow;
use unicode_normalization::UnicodeNormalization;

/// What was taken out of the text, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Aside {
    /// A parenthesised level (（正厅级）, （副处级待遇）): the person's level.
    Level(String),
    /// （主持工作）: in charge of the unit while holding the deputy post.
    InCharge,
    /// （兼）, （兼任）: held concurrently.
    Concurrent,
    /// （试用期一年）.
    Probation,
    /// （挂职）: a temporary posting.
    Secondment,
    /// （县级）, （县级市） after a city: a county-level city then (平凉市
    /// （县级）, now a 地级市), read as 县级平凉市 is.
    CountyThen,
    /// Any other aside or trailing sentence, not read: (其间：…), dates.
    Dropped(String),
}

/// Characters to remove outright: BOM, zero-width and bidi format
/// characters, soft hyphen.
fn invisible(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

/// Whether `text` needs no character-level cleaning: printable ASCII, 、
/// and 。, and Chinese characters of the basic block that have no
/// traditional entry.
fn plain(text: &str) -> bool {
    // Printable ASCII and the ideographic comma and full stop are their own
    // NFKC forms.
    text.chars().all(|c| {
        c.is_ascii_graphic()
            || matches!(c, ' ' | '、' | '。')
            || (('\u{4E00}'..='\u{9FFF}').contains(&c) && !traditional::is_traditional(c))
    })
}

/// Whether `text` needs no cleaning at all: Chinese characters of the
/// basic block only, none traditional, and none that starts an aside or a
/// second post (届, 兼, 并, 试用期).
pub fn untouched(text: &str) -> bool {
    untouched_marks(text).is_some()
}

/// [`untouched`], and if so the text's [`Marks`]. One pass over three
/// bytes at a time (every such character is three bytes, and a lead byte
/// of another length ends the test): this runs on every string, and the
/// post's marks were a second pass over it.
pub(crate) fn untouched_marks(text: &str) -> Option<Marks> {
    let b = text.as_bytes();
    if b.len() % 3 != 0 {
        return None;
    }
    let mut m = Marks::default();
    for c in b.chunks_exact(3) {
        let &[lead, b1, b2] = c else { return None };
        if lead & 0xF0 != 0xE0 {
            return None;
        }
        let c = char::from_u32(
            (u32::from(lead & 0x0F) << 12) | (u32::from(b1 & 0x3F) << 6) | u32::from(b2 & 0x3F),
        )?;
        if !('\u{4E00}'..='\u{9FFF}').contains(&c)
            || matches!(c, '届' | '兼' | '并' | '试')
            || traditional::is_traditional(c)
        {
            return None;
        }
        mark(&mut m, lead, b1, b2);
    }
    Some(m)
}

/// Clean the characters of `text`: format and control characters out
/// (a control character becomes a space, so that words stay apart), NFKC,
/// traditional to simplified. Borrows when nothing changes.
pub fn chars(text: &str) -> Cow<'_, str> {
    if plain(text) {
        return Cow::Borrowed(text);
    }
    let out: String = text
        .chars()
        .filter(|&c| !invisible(c))
        .map(|c| if c.is_control() { ' ' } else { c })
        .nfkc()
        .map(|c| traditional::simplified(c).unwrap_or(c))
        .collect();
    if out == text {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(out)
    }
}

/// Opening and closing brackets after NFKC (full-width （） become ()).
const OPEN: &[char] = &['(', '[', '【', '〔', '〖'];
const CLOSE: &[char] = &[')', ']', '】', '〕', '〗'];

/// Whether [`asides`] has anything to do.
/// One pass over the characters: this runs on every string.
pub fn needs_asides(text: &str) -> bool {
    text.chars().any(|c| {
        OPEN.contains(&c)
            || CLOSE.contains(&c)
            || c == '届'
            || c == '。'
            || (c == '试' && text.contains("试用期"))
    })
}

/// The text up to the first 。: what follows is another topic (人大代表, a
/// foundation's 理事长), reported as dropped.
pub fn first_sentence<'t>(text: &'t str, out: &mut Vec<Aside>) -> &'t str {
    match text.find('。') {
        Some(i) => {
            let rest = text[i + '。'.len_utf8()..].trim();
            if !rest.is_empty() {
                out.push(Aside::Dropped(rest.to_string()));
            }
            &text[..i]
        }
        None => text,
    }
}

/// Split at `separators` outside brackets: a date range or a list inside
/// （其间：…，…） stays with its aside.
pub fn split_top<'t>(text: &'t str, separators: &[char]) -> Vec<&'t str> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if OPEN.contains(&c) {
            depth += 1;
        } else if CLOSE.contains(&c) {
            depth = depth.saturating_sub(1);
        } else if depth == 0 && separators.contains(&c) {
            out.push(&text[start..i]);
            start = i + c.len_utf8();
        }
    }
    out.push(&text[start..]);
    out
}

/// Split at 兼任 and 兼 between two posts (副市长兼公安局局长); a leading one
/// is left for the caller.
pub fn split_concurrent(text: &str) -> Vec<&str> {
    // 兼任, 兼 (not 兼职), and 并 before 任, 代 or 兼 (副区长并代理区长).
    const WORDS: &[&str] = &["兼任", "兼", "并任", "并代", "并兼"];
    let mut out = Vec::new();
    let mut start = 0;
    let mut from = 0;
    while let Some(i) = text[from..].find(['兼', '并']).map(|i| from + i) {
        let word = WORDS.iter().find(|w| text[i..].starts_with(*w));
        let step = match word {
            // 并代理: the separator is 并; 代理 stays with the post.
            Some(w) if w.starts_with('并') => '并'.len_utf8(),
            Some(w) => w.len(),
            None => '并'.len_utf8(),
        };
        if word.is_some() && i > start && !text[i..].starts_with("兼职") {
            out.push(&text[start..i]);
            start = i + step;
        }
        from = i + step;
    }
    out.push(&text[start..]);
    out
}

/// Take the asides out of one post's text.
pub fn asides(text: &str, out: &mut Vec<Aside>) -> Option<String> {
    if !needs_asides(text) {
        return None;
    }
    let mut kept = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(OPEN) {
        kept.push_str(&rest[..i]);
        let open = rest[i..].chars().next().map_or(1, char::len_utf8);
        let inner_start = i + open;
        // A bracket inside the aside (（其间：…改造工程(岭南天地)总指挥）) is
        // part of it: the aside ends at the close that matches its open.
        match matching_close(&rest[inner_start..]) {
            Some(j) => {
                out.push(classify(&rest[inner_start..inner_start + j]));
                let close = rest[inner_start + j..]
                    .chars()
                    .next()
                    .map_or(1, char::len_utf8);
                rest = &rest[inner_start + j + close..];
            }
            None => {
                // Unclosed: the aside runs to the end.
                out.push(classify(&rest[inner_start..]));
                rest = "";
            }
        }
    }
    kept.push_str(rest);
    // A close without its open ("处长试用期一年）"): dropped; what runs up to
    // it is an aside only when it is noise we know.
    while let Some(i) = kept.find(CLOSE) {
        let close = kept[i..].chars().next().map_or(1, char::len_utf8);
        kept.replace_range(i..i + close, "");
    }
    if let Some(i) = kept.find("试用期") {
        let tail = kept[i..].to_string();
        kept.truncate(i);
        out.push(classify(&tail));
    }
    Some(ordinals(&kept))
}

/// Where the bracket opened just before `text` closes, by depth.
fn matching_close(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        if OPEN.contains(&c) {
            depth += 1;
        } else if CLOSE.contains(&c) {
            if depth == 0 {
                return Some(i);
            }
            depth -= 1;
        }
    }
    None
}

/// A level in brackets inside an aside (…常任办副主任（正处），其中：…).
fn bracketed_level(text: &str) -> Option<&str> {
    text.match_indices(OPEN).find_map(|(i, open)| {
        let inner = &text[i + open.len()..];
        let inner = inner[..matching_close(inner)?].trim();
        is_level_word(inner).then_some(inner)
    })
}

/// What a parenthesised aside is.
fn classify(inner: &str) -> Aside {
    let t = inner.trim();
    let bare = t.trim_end_matches("待遇").trim_start_matches("享受");
    if is_level_word(bare) {
        return Aside::Level(bare.to_string());
    }
    // 1996.12确定为正处级, 2009.12明确副市级, …常任办副主任（正处）: a level
    // set for the person.
    if !t.starts_with(['其', '期']) {
        if let Some(w) = level_word_in(t)
            .or_else(|| level_word_at_end(t).map(|(_, w)| w))
            .or_else(|| bracketed_level(t))
        {
            return Aside::Level(w.to_string());
        }
    }
    match t {
        "主持工作" | "主持全面工作" => Aside::InCharge,
        "兼" | "兼任" | "兼职" => Aside::Concurrent,
        "挂职" | "挂职锻炼" => Aside::Secondment,
        "县级" | "县级市" => Aside::CountyThen,
        _ if t.starts_with("试用期") => Aside::Probation,
        _ => Aside::Dropped(t.to_string()),
    }
}

/// A level written as 正厅级, 副处, 正局级, 副县级, 副部长级 …: 正/副, a tier,
/// and optionally 级. Whether it names a level is for the data to say; this
/// only recognises the shape.
pub fn is_level_word(s: &str) -> bool {
    let s = s
        .strip_suffix("长级")
        .or_else(|| s.strip_suffix("职级"))
        .or_else(|| s.strip_suffix('级'))
        // （正处职）: the post's level, written with 职.
        .or_else(|| s.strip_suffix('职'))
        .unwrap_or(s);
    let tier = |c: Option<char>| {
        matches!(
            c,
            Some('国' | '部' | '省' | '厅' | '局' | '司' | '地' | '市' | '处' | '县' | '科' | '乡')
        )
    };
    // 正处, and the two-tier forms 副司局, 正县处, 正市厅.
    let mut cs = s.chars();
    matches!(cs.next(), Some('正' | '副'))
        && tier(cs.next())
        && match cs.next() {
            None => true,
            c => tier(c) && cs.next().is_none(),
        }
}

/// A level word at the end of `prefix` (正处级 of 正处级调研员): the rest
/// and the word.
pub fn level_word_at_end(prefix: &str) -> Option<(&str, &str)> {
    // The starts of the last four characters, the longest word first.
    let mut starts = [None; 4];
    for (slot, (i, _)) in starts.iter_mut().rev().zip(prefix.char_indices().rev()) {
        *slot = Some(i);
    }
    starts
        .into_iter()
        .flatten()
        .find(|&i| prefix[i..].starts_with(['正', '副']) && is_level_word(&prefix[i..]))
        .map(|i| (&prefix[..i], &prefix[i..]))
}

/// 正市级 or 副市级 (正市厅级 excepted: it names its tier): whether it is the
/// deputy's; `None` for any other word.
pub fn city_tier(word: &str) -> Option<bool> {
    let w = word
        .strip_suffix("长级")
        .or_else(|| word.strip_suffix('级'))
        .unwrap_or(word);
    match w {
        "正市" => Some(false),
        "副市" => Some(true),
        _ => None,
    }
}

/// The first level word inside `text` (国务院办公厅副局级秘书 → 副局级).
pub fn level_word_in(text: &str) -> Option<&str> {
    // 科员级书记员: the two levels below the leadership ladder.
    for w in ["办事员级", "科员级"] {
        if let Some(i) = text.find(w) {
            if !text[..i].ends_with(['主', '副']) {
                return Some(&text[i..i + w.len()]);
            }
        }
    }
    text.char_indices()
        .filter(|(_, c)| matches!(c, '正' | '副'))
        .find_map(|(i, _)| {
            // 正处级, 副司局级 / 正部长级: three or four characters.
            let ends = text[i..].char_indices().map(|(j, c)| i + j + c.len_utf8());
            ends.skip(2)
                .take(2)
                .map(|end| &text[i..end])
                .find(|w| w.ends_with('级') && is_level_word(w))
        })
}

/// The characters every news wording holds, as their UTF-8 bytes read as a
/// number: 选 (选举, 当选, 补选), 去 (辞去, 免去), 再 (不再担任), 志 (同志任,
/// 同志为), 嫌 (涉嫌), 命 (任命, 被任命为), 对 (依法对), 担 (徐匡迪担任).
const NEWS: [u32; 8] = [
    0xE9_8089, 0xE5_8EBB, 0xE5_868D, 0xE5_BF97, 0xE5_AB8C, 0xE5_91BD, 0xE5_AFB9, 0xE6_8B85,
];

/// 原, as its UTF-8 bytes read as a number.
const FORMER: u32 = 0xE5_8E9F;

/// 挂, as its UTF-8 bytes read as a number.
const SECONDED: u32 = 0xE6_8C82;

/// A posting written between the unit and the title (国家教委基础教育司挂职任
/// 副处长, 郫县县委挂职锻炼任副书记): the post without the words, which
/// say only that it was held for a time.
pub fn seconded_within(text: &str) -> Option<String> {
    let i = text.find("挂职").filter(|&i| i > 0)?;
    let after = &text[i + "挂职".len()..];
    let after = after.strip_prefix("锻炼").unwrap_or(after);
    let post = ["担任", "任"].iter().find_map(|w| after.strip_prefix(w))?;
    (!post.is_empty()).then(|| format!("{}{post}", &text[..i]))
}

/// What one pass over a post's characters finds, for readings that only a
/// few posts need.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Marks {
    /// It may be a news sentence (an election, an appointment, a post left,
    /// an investigation): it holds a character of [`NEWS`].
    pub news: bool,
    /// It holds 原 (台州市委原书记, or 太原).
    pub former: bool,
    /// It holds 挂 (长风街道挂职任党工委副书记, or 挂牌).
    pub seconded: bool,
}

/// The [`Marks`] of `text`: one pass over its three-byte characters, as the
/// reader asks it of every post (a search per character costs more: a CJK
/// character's last byte is common in CJK text). Other bytes are stepped
/// over one by one: none of them starts a three-byte character.
pub fn marks(text: &str) -> Marks {
    let b = text.as_bytes();
    let mut m = Marks::default();
    let mut i = 0;
    while i + 2 < b.len() {
        let lead = b[i];
        if lead & 0xF0 != 0xE0 {
            i += 1;
            continue;
        }
        mark(&mut m, lead, b[i + 1], b[i + 2]);
        i += 3;
    }
    m
}

/// Add what the three-byte character `lead b1 b2` marks to `m`.
#[inline]
fn mark(m: &mut Marks, lead: u8, b1: u8, b2: u8) {
    if matches!(lead, 0xE5 | 0xE6 | 0xE9) {
        let c = u32::from_be_bytes([0, lead, b1, b2]);
        m.news |= NEWS.contains(&c);
        m.former |= c == FORMER;
        m.seconded |= c == SECONDED;
    }
}

/// Remove ordinals of sessions: 第十届, 十四届 (任太原市第十届人大常委会主任).
fn ordinals(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('届') {
        let before = &rest[..i];
        let digits = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| "零一二三四五六七八九十百0123456789".contains(*c))
            .last()
            .map(|(j, _)| j);
        match digits {
            Some(j) => {
                let j = if before[..j].ends_with('第') {
                    j - '第'.len_utf8()
                } else {
                    j
                };
                out.push_str(&before[..j]);
            }
            None => out.push_str(&rest[..i + '届'.len_utf8()]),
        }
        rest = &rest[i + '届'.len_utf8()..];
    }
    out.push_str(rest);
    out
}

/// Words that begin a career entry without being part of the post, longest
/// first. 原 (former) is kept as a note by the caller.
pub const LEADING: &[&str] = &[
    "先后任",
    "后历任",
    "后调任",
    "被任命为",
    "任命为",
    "当选为",
    "补选为",
    "后任",
    "曾任",
    "现任",
    "历任",
    "起任",
    "调任",
    "升任",
    "改任",
    "转任",
    "继任",
    "再任",
    "连任",
    "提任",
    "选任",
    "兼任",
    "当选",
    "后",
    "任",
    "兼",
    "并",
    "挂职任",
    "挂职",
    "担任",
    // Posted to Tibet, Xinjiang or Qinghai from another province (援藏任
    // 西藏自治区卫生厅副厅长): the post that follows is held there.
    "援藏任",
    "援疆任",
    "援青任",
    "借调",
    "在",
    "原",
];

/// The first characters of [`LEADING`]: a cheap test before the words.
pub const LEADING_FIRST: &[char] = &[
    '先', '后', '被', '任', '当', '曾', '现', '历', '起', '调', '升', '改', '转', '继', '再', '连',
    '提', '选', '兼', '并', '挂', '援', '借', '在', '原', '补', '担',
];

/// A date or date range opening a career entry (1987.09, ―1990.08，,
/// 至1985年, 一1987年): the part to skip, if any. It must hold a digit, or
/// be only the dash of a range whose dates the source lost (― 内蒙古…).
pub fn leading_date(text: &str) -> usize {
    let mut end = 0;
    let mut digit = false;
    let mut dash_only = true;
    for (i, c) in text.char_indices() {
        let dash_before_digit =
            c == '一' && text[i + c.len_utf8()..].starts_with(|d: char| d.is_ascii_digit());
        let date_char = c.is_ascii_digit()
            || matches!(
                c,
                '.' | '-'
                    | '—'
                    | '―'
                    | '–'
                    | '─'
                    | '~'
                    | '年'
                    | '月'
                    | '日'
                    | ' '
                    | ','
                    | '至'
                    | '到'
                    | '起'
                    | '自'
                    | '从'
            )
            || dash_before_digit;
        if !date_char {
            break;
        }
        digit |= c.is_ascii_digit();
        dash_only &= matches!(c, '-' | '—' | '―' | '–' | '─' | ' ');
        end = i + c.len_utf8();
    }
    if digit || dash_only { end } else { 0 }
}

/// Words that end a career entry and say the post is not (yet) held.
const NOT_HELD: &[&str] = &["提名人选", "候选人", "人选"];

/// Words that open a post no longer (or not) held: 取消副省级待遇.
const WITHDRAWN: &[&str] = &["取消", "免去", "撤销"];

/// The words around a post that are not the post: 提名人选 and 候选人 (not
/// held), 取消 and 免去 (no longer held), 等职 (a list's end), 享受…待遇,
/// 职务. Returns the post and whether it is held. Each word is tried only
/// where its first or last character is: this runs on every post.
pub fn post_words(mut text: &str) -> (&str, bool) {
    let mut held = true;
    if text.ends_with(['选', '人']) {
        if let Some(t) = NOT_HELD.iter().find_map(|w| text.strip_suffix(w)) {
            (text, held) = (t, false);
        }
    }
    if text.starts_with(['取', '免', '撤']) {
        if let Some(t) = WITHDRAWN.iter().find_map(|w| text.strip_prefix(w)) {
            (text, held) = (t, false);
        }
    }
    // 担任道县县委书记、永州市委副书记等职务期间: the tenure, of the post.
    if text.ends_with('间') {
        text = text.strip_suffix("期间").unwrap_or(text);
    }
    // 副处长、处长等职.
    if text.ends_with(['职', '务']) {
        text = ["等职务", "等职"]
            .iter()
            .find_map(|w| text.strip_suffix(w))
            .unwrap_or(text);
    }
    if text.starts_with('享') {
        text = text.strip_prefix("享受").unwrap_or(text);
    }
    if text.ends_with('遇') {
        text = text.strip_suffix("待遇").unwrap_or(text);
    }
    // 代理区长职务: the post, not the word for it.
    if text.ends_with('务') {
        text = text.strip_suffix("职务").unwrap_or(text);
    }
    (text, held)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn untouched_is_its_test_by_characters_and_finds_the_marks() {
        let by_chars = |t: &str| {
            t.chars().all(|c| {
                ('\u{4E00}'..='\u{9FFF}').contains(&c)
                    && !matches!(c, '届' | '兼' | '并' | '试')
                    && !traditional::is_traditional(c)
            })
        };
        let chars = [
            '局', '原', '选', '挂', '担', 'a', 'é', '𠀀', '國', '届', '一', '龥', '㐀', '䷀',
            '\u{FFFF}',
        ];
        for a in chars {
            for b in chars {
                for c in chars {
                    let t = format!("{a}{b}{c}副局长");
                    let got = untouched_marks(&t);
                    assert_eq!(got.is_some(), by_chars(&t), "{t}");
                    assert_eq!(untouched(&t), by_chars(&t), "{t}");
                    if let Some(m) = got {
                        assert_eq!(m, marks(&t), "{t}");
                    }
                }
            }
        }
        assert_eq!(untouched_marks(""), Some(Marks::default()));
    }

    #[test]
    fn news_marks_are_the_characters_named() {
        let named: Vec<u32> = "选去再志嫌命对担"
            .chars()
            .map(|c| {
                let mut b = [0; 4];
                c.encode_utf8(&mut b[1..]);
                u32::from_be_bytes(b)
            })
            .collect();
        assert_eq!(NEWS.to_vec(), named);
        for (text, news) in [
            ("补选邵国荷为安徽省政协副主席", true),
            ("辞去白城市人民政府市长职务", true),
            ("王五同志不再担任绵阳市委书记", true),
            ("曹立军同志任中共成都市委书记", true),
            ("四川省副省长彭宇行涉嫌严重违纪违法", true),
            ("决定任命：马军为蚌埠市人民政府副市长", true),
            ("深圳市南山区发展和改革局副局长", false),
            ("a选", true),
            ("é选", true),
            ("选", true),
            ("", false),
        ] {
            assert_eq!(marks(text).news, news, "{text}");
        }
        assert_eq!(FORMER.to_be_bytes()[1..], *"原".as_bytes());
        for (text, former) in [
            ("台州市委原书记", true),
            ("太原", true),
            ("王五同志不再担任原平市委书记", true),
            ("原", true),
            ("深圳市南山区发展和改革局副局长", false),
        ] {
            assert_eq!(marks(text).former, former, "{text}");
        }
    }

    #[test]
    fn characters_from_pdfs_and_other_systems() {
        assert_eq!(chars("\u{feff}处长"), "处长");
        assert_eq!(chars("处\u{200b}长"), "处长");
        // Kangxi radical ⼆ (U+2F06) copied from a PDF.
        assert_eq!(chars("⼆级巡视员"), "二级巡视员");
        assert_eq!(chars("處長"), "处长");
        assert_eq!(chars("縣委書記"), "县委书记");
        assert_eq!(chars("ＡＢ１"), "AB1");
        assert_eq!(chars("处\u{7}长"), "处 长");
        assert!(matches!(chars("县委书记"), Cow::Borrowed(_)));
    }

    #[test]
    fn asides_are_taken_out_and_kept() {
        let mut a = Vec::new();
        let t = asides(&chars("丰宁县县长（主持工作）"), &mut a).unwrap();
        assert_eq!(t, "丰宁县县长");
        assert_eq!(a, [Aside::InCharge]);
        a.clear();
        let t = asides(&chars("海口市中级法院副院长（正处级）"), &mut a).unwrap();
        assert_eq!(t, "海口市中级法院副院长");
        assert_eq!(a, [Aside::Level("正处级".into())]);
        a.clear();
        let t = asides(
            &chars("副处长（其间：1996.04-1999.01在北京大学学习"),
            &mut a,
        )
        .unwrap();
        assert_eq!(t, "副处长");
        assert!(matches!(&a[..], [Aside::Dropped(_)]));
        a.clear();
        // A bracket inside an aside, closed or not.
        let t = asides(
            &chars("常务副区长（其间：改造工程(岭南天地)总指挥）"),
            &mut a,
        )
        .unwrap();
        assert_eq!(t, "常务副区长");
        assert_eq!(a, [Aside::Dropped("其间:改造工程(岭南天地)总指挥".into())]);
        a.clear();
        let t = asides(
            &chars("副市长（其间：兼任开发区（高新区）党工委书记"),
            &mut a,
        )
        .unwrap();
        assert_eq!(t, "副市长");
        a.clear();
        let t = first_sentence("任太原市第十届人大常委会主任。第十四届全国人大代表", &mut a);
        assert_eq!(asides(t, &mut a).unwrap(), "任太原市人大常委会主任");
        assert_eq!(a, [Aside::Dropped("第十四届全国人大代表".into())]);
        a.clear();
        let t = asides(&chars("金融事务处处长试用期一年）"), &mut a).unwrap();
        assert_eq!(t, "金融事务处处长");
        assert_eq!(a, [Aside::Probation]);
    }

    #[test]
    fn splitting_keeps_asides_whole() {
        assert_eq!(
            split_top("副处长(其间:1994年,挂职),处长", &[',']),
            ["副处长(其间:1994年,挂职)", "处长"]
        );
        assert_eq!(
            split_concurrent("副市长兼公安局局长"),
            ["副市长", "公安局局长"]
        );
        assert_eq!(split_concurrent("兼职"), ["兼职"]);
        assert_eq!(split_concurrent("副区长并代理区长"), ["副区长", "代理区长"]);
        assert_eq!(split_concurrent("合并"), ["合并"]);
        assert_eq!(
            level_word_at_end("国务院办公厅副局级"),
            Some(("国务院办公厅", "副局级"))
        );
        assert_eq!(level_word_in("国务院办公厅副局级秘书"), Some("副局级"));
        assert_eq!(level_word_in("副处长"), None);
    }

    #[test]
    fn leading_words_start_with_a_checked_character() {
        for w in LEADING {
            assert!(w.starts_with(LEADING_FIRST), "{w}");
        }
    }

    #[test]
    fn words_around_a_post() {
        assert_eq!(post_words("副市长提名人选"), ("副市长", false));
        assert_eq!(post_words("取消副省级待遇"), ("副省级", false));
        assert_eq!(post_words("副处长、处长等职"), ("副处长、处长", true));
        assert_eq!(post_words("享受正厅级待遇"), ("正厅级", true));
        assert_eq!(post_words("代理区长职务"), ("代理区长", true));
        assert_eq!(post_words("处长"), ("处长", true));
    }

    #[test]
    fn dates_opening_an_entry() {
        for (text, rest) in [
            ("1987.09-1990.08,任处长", "任处长"),
            ("―1990.08,内蒙古", "内蒙古"),
            ("― 内蒙古自治区政协副主席", "内蒙古自治区政协副主席"),
            ("至1985年黑河地委", "黑河地委"),
            ("一1987年 乐清县", "乐清县"),
            ("一级巡视员", "一级巡视员"),
            ("至今", "至今"),
        ] {
            assert_eq!(&text[leading_date(text)..], rest, "{text}");
        }
    }

    #[test]
    fn level_words() {
        for w in [
            "正厅级",
            "副处",
            "正局级",
            "副县级",
            "副部长级",
            "副司局级",
            "正市厅级",
        ] {
            assert!(is_level_word(w), "{w}");
        }
        for w in ["副处长", "处长", "正", "副省长", "正市长", "副司局长"] {
            assert!(!is_level_word(w), "{w}");
        }
    }
}
