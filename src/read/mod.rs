//! The reader: every command turns user text into a [`Resolution`] here.
//!
//! ```text
//! text  = post (sep post)*              sep = 、 ， , ; ； / | 兼任 兼 (and spaces after a title)
//! post  = lead? (organ | place*) body? township? department* deputy? (title | rank | level)
//!         not-held?
//! lead  = 任 后任 曾任 现任 原 起任 调任 … | 中共 中国共产党 政协 共青团 (before a place)
//! place = a division, full or short name, or a name typed by its suffix (新华区)
//! body  = 委 党委 政府 人大常委会 政协 纪委 监委 法院 检察院 总工会 妇联 团委 … (党组 after it)
//! aside = （…）: a level （正厅级）, （主持工作）, （兼）, dates, （其间：…） — taken out, reported
//! ```
//!
//! Cleaning comes first ([`clean`]: NFKC, invisible and control characters,
//! traditional characters, asides, ordinals, a trailing sentence). Each post
//! then takes the longest known title or 职级 at its end; before it, a named
//! central organ, or the chain of places (each within the one before), then
//! the body, a township, and working departments. The chain gives the kind of
//! organisation (a context of `data/ranks.toml`); the level comes from a
//! named exception, the title's case for that context and body, the rule of
//! the body (`data/organisations.toml` body rules: 法院, 纪委, 群团, 秘书长),
//! the title's own fixed level (处长), or the derivation rule of
//! titles_by_org.md §3.7. Anything not understood lowers the confidence or,
//! between the places and the title, withholds the level.
//!
//! Resolution is on the hot path of contact-list annotation, so it borrows
//! from the data wherever it can and writes its reasoning as structured
//! [`Note`]s, turned into text only when asked ([`Resolution::explanation`]).

pub mod clean;
pub mod json;
mod level;
mod note;
mod org;
pub(crate) use org::COUNTY_THEN;
mod sector;
mod traditional;
mod tsv;

pub use note::Note;
pub use sector::Sector;

use crate::data::{Dataset, Entry};
use crate::normalize;
use crate::schema::{Body, Confidence, Grade, Level, Organ, Rank, Role, Text};
use clean::Aside;
use level::Placement;
use serde::{Serialize, Serializer};
use std::borrow::Cow;
use std::fmt::{self, Write as _};

/// A writer that remembers the last character written through it.
struct LastChar<'w, W: ?Sized> {
    inner: &'w mut W,
    last: Option<char>,
}

impl<W: fmt::Write + ?Sized> fmt::Write for LastChar<'_, W> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        if let Some(c) = s.chars().next_back() {
            self.last = Some(c);
        }
        self.inner.write_str(s)
    }
}

/// How sure a resolution is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Certainty {
    /// 高: rests on a regulation's text or a faithful quote of it, read without doubt.
    High,
    /// 中: rests on common knowledge or custom, or the reading had a doubt.
    Medium,
    /// 低: unconfirmed, or no level.
    #[default]
    Low,
}

impl From<Confidence> for Certainty {
    /// A fact's own certainty: a regulation's text (or its faithful quote) is
    /// 高, what is commonly said or customary 中, what is unconfirmed 低.
    fn from(c: Confidence) -> Certainty {
        Certainty::of(c)
    }
}

impl Certainty {
    pub(crate) fn of(c: Confidence) -> Certainty {
        match c {
            Confidence::Official | Confidence::Secondary => Certainty::High,
            Confidence::CommonKnowledge | Confidence::Customary => Certainty::Medium,
            Confidence::Unconfirmed => Certainty::Low,
        }
    }

    /// The Chinese label.
    pub fn label(self) -> &'static str {
        match self {
            Certainty::High => "高",
            Certainty::Medium => "中",
            Certainty::Low => "低",
        }
    }
}

/// One unit of the organisation chain.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Unit<'a> {
    /// The official name of a place or organ; a department as written.
    pub name: Cow<'a, str>,
    /// 省, 副省级市, 市辖区 …, 乡镇, 工作部门, 内设机构, or an organ's category.
    pub kind: &'a str,
    /// The level of the unit's head, where known.
    pub level: Option<&'a str>,
    /// For a place: its kind of organisation (a context name), so that a
    /// later post can refer back to it (省纪委 after 福建省委常委).
    #[serde(skip)]
    pub(crate) context: Option<&'a str>,
}

impl Unit<'_> {
    /// A working department or an internal unit, as opposed to a place, a
    /// township or an organ.
    pub(crate) fn is_department(&self) -> bool {
        matches!(self.kind, "工作部门" | "内设机构")
    }
}

/// How the level was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Rule {
    /// The title's level does not depend on the organisation.
    FixedTitle,
    /// The title's case for the organisation, from the data.
    TitleCase,
    /// Derived: head = unit level, deputy half a step lower, internal unit one
    /// step lower (titles_by_org.md §3.7), or a named exception.
    Derived,
    /// A 职级's equivalent leadership level.
    RankEquivalent,
    /// A level named directly (正处级).
    NamedLevel,
    /// Not resolved.
    #[default]
    None,
}

/// The answer for one post (or for the whole string).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Resolution<'a> {
    /// The text as given (borrowed when it could be).
    pub input: Cow<'a, str>,
    /// The canonical level, or `None` when it cannot be determined.
    pub level: Option<&'a Level>,
    /// The post (canonical title name).
    pub title: Option<&'a str>,
    /// A 职级 the string carries.
    pub rank: Option<&'a str>,
    /// The units of the organisation the text names, outermost first.
    pub organisation: Vec<Unit<'a>>,
    /// The kind of organisation (a context name), where found.
    pub context: Option<&'a str>,
    /// How the level was decided.
    pub rule: Rule,
    /// How sure the answer is: from the data's confidence, lowered for anything the reader doubted.
    pub confidence: Certainty,
    /// The confidence the data gives the fact the level rests on (the case,
    /// the unit level of a derivation, the named exception, the title).
    pub data_confidence: Option<Confidence>,
    /// Nominal level where it differs (副省级市局长: 正局级).
    pub nominal: Option<&'a str>,
    /// A level holders often have personally (高配): not the answer.
    pub often: Option<&'a str>,
    /// Source ids of the fact the level rests on.
    pub sources: &'a [Text],
    /// Each post of a multi-title string.
    pub parts: Vec<Resolution<'a>>,
    /// A level written in the text for the person (（正厅级）, 副处级秘书,
    /// 享受副厅级待遇): it decides `level`, and `post_level` keeps the post's.
    pub stated_level: Option<&'a Level>,
    /// The post's own level (规格), where known: equal to `level` unless the
    /// text states another level for the person or the post is not held.
    pub post_level: Option<&'a Level>,
    /// Civil service, or the kind of organisation outside it (a hospital, a
    /// company, a village, the army), where the text says.
    pub sector: Option<Sector>,
    /// The body the post belongs to, for the next post of a bio.
    body: Option<Body>,
    organ: Option<&'a Organ>,
    /// The plaque the post named, for the next post of a bio (see `Org`).
    plaque: Option<&'a Organ>,
    typed: bool,
    /// Reasons found while reading the text (rare: kept apart so that the
    /// common case allocates nothing); see [`Resolution::notes`].
    found: Vec<Note<'a>>,
    /// The rule that gave the level: a case or a derivation.
    basis: Option<Note<'a>>,
    /// The 级别 band of the 职级 the level came from, when it did (一级调研员:
    /// 11–17, not 正处's 12–18; a police rank: none stated).
    rank_grade: Option<Option<Grade>>,
    /// The 级别 band the regulations give the post in its unit, where it is
    /// not its level's own (副部级机关's 司长: 10–15, not 厅局级正职's 8–13).
    unit_grade: Option<Grade>,
    /// The data's notes on that rule.
    data_notes: &'a [Text],
}

impl Serialize for Resolution<'_> {
    /// JSON contract: `input`, `level`, `title`, `organisation`, `parts`,
    /// `confidence`, `explanation` are stable; fields may be added.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Json<'r, 'a> {
            input: &'r str,
            level: Option<&'a str>,
            title: Option<&'a str>,
            organisation: &'r [Unit<'a>],
            parts: &'r [Resolution<'a>],
            confidence: Certainty,
            explanation: String,
            rank: Option<&'a str>,
            grade: Option<Grade>,
            context: Option<&'a str>,
            rule: Rule,
            nominal: Option<&'a str>,
            often: Option<&'a str>,
            sources: &'a [Text],
            certainty: Certainty,
            stated_level: Option<&'a str>,
            post_level: Option<&'a str>,
            sector: Option<Sector>,
        }
        Json {
            input: &self.input,
            level: self.level.map(|l| &*l.name),
            title: self.title,
            organisation: &self.organisation,
            parts: &self.parts,
            confidence: self.confidence,
            explanation: self.explanation(),
            rank: self.rank,
            grade: self.grade(),
            context: self.context,
            rule: self.rule,
            nominal: self.nominal,
            often: self.often,
            sources: self.sources,
            certainty: self.confidence,
            stated_level: self.stated_level.map(|l| &*l.name),
            post_level: self.post_level.map(|l| &*l.name),
            sector: self.sector,
        }
        .serialize(s)
    }
}

impl<'a> Resolution<'a> {
    /// A text past a limit: not read, and why.
    fn too_long(text: &'a str, note: Note<'a>) -> Self {
        let mut r = Resolution::empty(Cow::Borrowed(text));
        r.found.push(note);
        r
    }

    fn empty(input: Cow<'a, str>) -> Self {
        Resolution {
            input,
            level: None,
            title: None,
            rank: None,
            organisation: Vec::new(),
            context: None,
            rule: Rule::None,
            confidence: Certainty::Low,
            data_confidence: None,
            nominal: None,
            often: None,
            sources: &[],
            parts: Vec::new(),
            found: Vec::new(),
            basis: None,
            rank_grade: None,
            unit_grade: None,
            data_notes: &[],
            stated_level: None,
            post_level: None,
            sector: None,
            body: None,
            organ: None,
            plaque: None,
            typed: false,
        }
    }

    /// The reasoning, in order: what reading the text found, the rule used
    /// and the data's notes on it, then 高配 and nominal levels.
    ///
    /// ```
    /// use rankinfo::read::Note;
    /// let data = rankinfo::builtin();
    /// let r = data.resolve("原县委书记");
    /// assert_eq!(r.level.unwrap().name, "县处级正职");
    /// assert!(r.notes().contains(&Note::Former)); // and so not 高
    /// ```
    pub fn notes(&self) -> Vec<Note<'a>> {
        let mut out = self.found.clone();
        out.extend(self.basis.clone());
        out.extend(self.data_notes.iter().map(|n| Note::Data(n)));
        out.extend(self.often.map(Note::Often));
        out.extend(self.nominal.map(Note::Nominal));
        out
    }

    /// The 级别 band of the answer: a 职级's own when the level came from one
    /// (一级调研员: 11–17), the one the regulations give the post in its unit
    /// (a 副部级机关's 司长: 10–15), else the level's.
    ///
    /// ```
    /// let data = rankinfo::builtin();
    /// let g = data.resolve("一级调研员").grade().unwrap();
    /// assert_eq!((g.highest, g.lowest), (11, 17));
    /// let g = data.resolve("国家统计局综合司司长").grade().unwrap();
    /// assert_eq!((g.highest, g.lowest), (10, 15));
    /// let g = data.resolve("处长").grade().unwrap();
    /// assert_eq!((g.highest, g.lowest), (12, 18));
    /// ```
    pub fn grade(&self) -> Option<Grade> {
        match (self.rank_grade, self.unit_grade) {
            (Some(own), _) if self.rule == Rule::RankEquivalent && self.stated_level.is_none() => {
                own
            }
            (_, Some(own)) if self.level.is_some() && self.stated_level.is_none() => Some(own),
            _ => self.level.map(|l| l.grade),
        }
    }

    /// The reasoning in Chinese: the chain of units, the rule, the caveats.
    ///
    /// ```
    /// let data = rankinfo::builtin();
    /// let r = data.resolve("县委副书记、县长、一级调研员");
    /// assert!(r.explanation().starts_with("共3项职务，取最高的“县长”。县长：县处级正职。"));
    /// ```
    pub fn explanation(&self) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = self.write_explanation(&mut out);
        out
    }

    /// [`Resolution::explanation`] written to `w`, without building the
    /// text first (the JSON writer escapes it on the way).
    pub fn write_explanation(&self, w: &mut impl fmt::Write) -> fmt::Result {
        if !self.parts.is_empty() {
            match (self.level, self.title.or(self.rank)) {
                (Some(_), Some(best)) => {
                    write!(w, "共{}项职务，取最高的“{}”。", self.parts.len(), best)?
                }
                _ => write!(w, "共{}项，没有一项能确定层次。", self.parts.len())?,
            }
        }
        if !self.organisation.is_empty() {
            self.write_chain(w, " › ")?;
            w.write_char('。')?;
        }
        // write_str, not write!: the formatting machinery (padding checks
        // for every piece) was a sixth of `resolve --json`'s time.
        if let Some(t) = self.title.or(self.rank) {
            w.write_str(t)?;
            w.write_str("：")?;
            w.write_str(self.level.map_or("层次无法确定", |l| &l.name))?;
            w.write_str("。")?;
        }
        // Each note ends with 。, added when its text has none.
        let notes = self.found.iter().chain(&self.basis);
        let data = self.data_notes.iter().map(|n| Note::Data(n));
        let tail = self.often.map(Note::Often).into_iter();
        let tail = tail.chain(self.nominal.map(Note::Nominal));
        for n in notes.cloned().chain(data).chain(tail) {
            let mut end = LastChar {
                inner: &mut *w,
                last: None,
            };
            write!(end, "{n}")?;
            if end.last != Some('。') {
                w.write_char('。')?;
            }
        }
        Ok(())
    }

    /// The organisation chain, "深圳市（副省级市，省部级副职）" joined by `sep`.
    ///
    /// ```
    /// let data = rankinfo::builtin();
    /// let r = data.resolve("深圳市南山区区长");
    /// assert_eq!(
    ///     r.chain(" › "),
    ///     "深圳市（副省级市，省部级副职） › 南山区（市辖区，厅局级副职）"
    /// );
    /// ```
    pub fn chain(&self, sep: &str) -> String {
        let mut out = String::new();
        let _ = self.write_chain(&mut out, sep);
        out
    }

    fn write_chain(&self, w: &mut impl fmt::Write, sep: &str) -> fmt::Result {
        for (i, u) in self.organisation.iter().enumerate() {
            if i > 0 {
                w.write_str(sep)?;
            }
            w.write_str(&u.name)?;
            w.write_str("（")?;
            w.write_str(u.kind)?;
            if let Some(l) = u.level {
                w.write_str("，")?;
                w.write_str(l)?;
            }
            w.write_str("）")?;
        }
        Ok(())
    }

    /// Whether some of the text was not understood: no title found, a part
    /// before the title left over, or a zone whose level no source gives
    /// (not a post outside the civil service, nor one not held: those were
    /// understood).
    fn not_understood(&self) -> bool {
        self.found.iter().any(|n| {
            matches!(
                n,
                Note::NoTitle
                    | Note::Leftover(_)
                    | Note::GroupInInternalUnit(_)
                    | Note::UnitUnderOrgan(_)
                    | Note::Plaque { .. }
                    | Note::DevZone
                    | Note::Unplaced
                    | Note::StatedAbovePlace { .. }
            )
        }) && !self.sector.is_some_and(|s| s != Sector::CivilService)
    }

    /// No level: what was read stays, the answer is withdrawn.
    fn clear_level(&mut self) {
        self.level = None;
        self.rule = Rule::None;
        self.confidence = Certainty::Low;
        self.nominal = None;
        self.often = None;
        self.basis = None;
        self.data_notes = &[];
        // A department's level shown in the chain came from the title.
        for u in &mut self.organisation {
            if u.is_department() {
                u.level = None;
            }
        }
    }

    fn place(&mut self, p: Placement<'a>) {
        self.level = p.level;
        self.rule = p.rule;
        self.data_confidence = p.fact;
        self.confidence = if p.level.is_some() {
            p.confidence
        } else {
            Certainty::Low
        };
        self.nominal = p.nominal;
        self.unit_grade = p.grade;
        self.often = p.often;
        self.sources = p.sources;
        self.basis = p.basis;
        self.data_notes = p.data_notes;
        self.found.extend(p.cases);
    }
}

/// The note for a post held concurrently with `main` that reads a whole
/// level or more above it (any step, when both are posts in departments),
/// when it does and states no level of its own.
fn concurrent_above<'a>(main: &Resolution<'a>, r: &Resolution<'a>) -> Option<Note<'a>> {
    let (held, read) = (main.level?, r.level?);
    // Any step above, for a department's officer who heads a unit as well:
    // a 组织部副部长 who heads the 人才办 (兼) heads an office of their own
    // department, not a 市直部门.
    let in_department = |x: &Resolution<'_>| x.organisation.last().is_some_and(Unit::is_department);
    let above = held.order >= read.order + 2
        || (in_department(main) && in_department(r) && held.order > read.order);
    (main.title.is_some() && r.stated_level.is_none() && above).then(|| Note::ConcurrentAbove {
        main: &held.name,
        read: &read.name,
    })
}

/// Separators between the posts of a bio.
const SEPARATORS: &[char] = &['、', '，', ',', ';', '；', '/', '／', '\n', '|'];

/// `inner` as a slice of `outer`, when it is one.
fn slice_of<'a>(outer: &'a str, inner: &str) -> Option<&'a str> {
    let start = (inner.as_ptr() as usize).checked_sub(outer.as_ptr() as usize)?;
    outer
        .get(start..start + inner.len())
        .filter(|s| s.as_ptr() == inner.as_ptr())
}

/// One post of a bio, with what cleaning took out of it.
struct Post<'t> {
    text: Cow<'t, str>,
    asides: Vec<Aside>,
    /// Held concurrently with the post before it (兼, 兼任, （兼）).
    concurrent: bool,
}

/// The longest text [`Dataset::resolve`] reads, in bytes of UTF-8 (about
/// 1,300 Chinese characters; real career lines are under 300). Longer text
/// is answered "too long", with no level, in bounded memory.
pub const MAX_TEXT_BYTES: usize = 4096;

/// The most posts one text may list (real career lines have under 20).
pub const MAX_POSTS: usize = 32;

/// Which limit a text went past.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TooLong {
    /// [`MAX_TEXT_BYTES`].
    Text,
    /// [`MAX_POSTS`].
    Posts,
}

impl Dataset {
    /// Resolve a real-world title string.
    ///
    /// ```
    /// let data = rankinfo::builtin();
    /// let r = data.resolve("广东省深圳市南山区发展和改革局副局长");
    /// assert_eq!(r.level.unwrap().name, "县处级副职");
    /// let r = data.resolve("县委副书记、县长、一级调研员");
    /// assert_eq!((r.title, r.rank), (Some("县长"), Some("一级调研员")));
    /// assert!(data.resolve("某某公司总经理").level.is_none());
    /// // Career-line noise and the place written twice.
    /// let r = data.resolve("任唐山市市委书记（其间：2001.09在中央党校学习）");
    /// assert_eq!(r.level.unwrap().name, "厅局级正职");
    /// ```
    pub fn resolve<'a>(&'a self, text: &'a str) -> Resolution<'a> {
        // One hostile line must not exhaust memory: past the limit, say so.
        if text.len() > MAX_TEXT_BYTES {
            return Resolution::too_long(text, Note::TooLong(TooLong::Text));
        }
        // The common case: one post, nothing to clean (and no second
        // sentence).
        if let Some(marks) = clean::untouched_marks(text) {
            return self.resolve_post(Cow::Borrowed(text), text, None, Vec::new(), Some(marks));
        }
        let mut r = self.resolve_sentence(text);
        if r.level.is_none() && r.title.is_none() && r.rank.is_none() {
            if let Some(next) = self.next_sentence(text) {
                r = next;
            }
        }
        r
    }

    /// A news item's first sentence may only set the scene (15日，成都市…
    /// 举行第三次全体会议。冷刚当选成都市人大常委会副主任): when it names no
    /// post, the next sentence's answer, never for 高.
    #[cold]
    fn next_sentence<'a>(&'a self, text: &'a str) -> Option<Resolution<'a>> {
        let i = text.find('。')?;
        let (first, rest) = (&text[..i], text[i + '。'.len_utf8()..].trim_start());
        let mut next = self.resolve_sentence(rest);
        next.level?;
        next.input = Cow::Borrowed(text);
        next.confidence = next.confidence.max(Certainty::Medium);
        next.found
            .push(Note::Aside(Aside::Dropped(first.to_string())));
        Some(next)
    }

    /// [`Dataset::resolve`] of the first sentence of `text`.
    fn resolve_sentence<'a>(&'a self, text: &'a str) -> Resolution<'a> {
        let chars = clean::chars(text);
        let mut dropped = Vec::new();
        let sentence = clean::first_sentence(&chars, &mut dropped);
        let posts = self.split_posts(sentence);
        if posts.len() > MAX_POSTS {
            return Resolution::too_long(text, Note::TooLong(TooLong::Posts));
        }
        if posts.len() <= 1 {
            let mut post = posts.into_iter().next().unwrap_or(Post {
                text: Cow::Borrowed(""),
                asides: Vec::new(),
                concurrent: false,
            });
            post.asides.extend(dropped);
            let input = match slice_of(text, &post.text) {
                Some(s) if s.len() == text.len() => Cow::Borrowed(s),
                _ => Cow::Owned(text.to_string()),
            };
            let key = post.text.into_owned();
            let mut r = self.resolve_post(Cow::Owned(key.clone()), &key, None, post.asides, None);
            r.input = input;
            return r;
        }
        let mut parts: Vec<Resolution<'a>> = Vec::with_capacity(posts.len());
        // The note of a concurrent post whose level was not taken.
        let mut untaken = None;
        for post in posts {
            let concurrent = post.concurrent;
            // A later post without its own place belongs to the earlier one's
            // (垣曲县委副书记、政府县长; 厅长、党组书记).
            let inherited = parts.last().filter(|p| !p.organisation.is_empty());
            let mut r = self.resolve_post(
                Cow::Owned(post.text.to_string()),
                &post.text,
                inherited,
                post.asides,
                None,
            );
            // A post held concurrently a whole level or more above the post it
            // is held with (副处长兼…办公室主任) is not what its name reads as:
            // likely the unit's own or an attached office's. Its level is not
            // taken.
            if let Some(main) = parts.last().filter(|_| concurrent) {
                if let Some(note) = concurrent_above(main, &r) {
                    r.clear_level();
                    r.found.push(note.clone());
                    untaken = untaken.or(Some(note));
                }
            }
            // A bare title after a post outside the civil service is held
            // there too (卫戍区后勤部干事、副处长、处长), and so is a post in a
            // unit within an army unit (中共盘锦军分区委员会委员、常务委员会
            // 委员: the 军分区's). Not within a university or a company: the
            // Party and government posts that sit there are read on their own.
            // (Checked here, on the answer, not with the sector a titled post
            // takes from the earlier one in `read_post`: a stated level or an
            // untitled post must not escape it.)
            let last = parts.last();
            let outside = last
                .and_then(|p| p.sector)
                .filter(|&s| s != Sector::CivilService);
            let bare = r.organisation.is_empty() && r.context.is_none() && r.stated_level.is_none();
            let within = last.is_some_and(|p| {
                p.sector == Some(Sector::Military)
                    && !p.organisation.is_empty()
                    && r.organisation.starts_with(&p.organisation)
            });
            if let Some(s) = outside.filter(|_| bare || within) {
                r.sector = Some(s);
                r.found.push(Note::Sector(s));
                r.clear_level();
            }
            parts.push(r);
        }
        // A post naming no place or organ beside one outside the civil
        // service may be held there too (本钢销售处副处长兼上海销售分公司经理).
        let outside = parts
            .iter()
            .filter_map(|p| p.sector)
            .find(|s| !matches!(s, Sector::CivilService | Sector::NotAPost));
        if let Some(s) = outside {
            for p in parts.iter_mut().filter(|p| {
                p.confidence == Certainty::High
                    && p.title.is_some()
                    && p.context.is_none()
                    && p.organ.is_none()
            }) {
                p.confidence = Certainty::Medium;
                p.found.push(Note::BesideOutside(s));
            }
        }
        // The highest 职级 held, the first listed among equals.
        let rank_part = parts
            .iter()
            .filter(|p| p.title.is_none() && p.rank.is_some())
            .min_by_key(|p| p.level.map_or(u8::MAX, |l| l.order));
        let rank = rank_part.and_then(|p| p.rank);
        // The highest post, the first listed among equals; a 职级 beside a
        // post is reported as `rank`, not as the post's level (a 县委书记 who
        // holds 二级巡视员 is 高配: titles_by_org §3.5). A bio of ranks only
        // answers with its highest rank.
        let highest_of = |posts: bool| {
            parts
                .iter()
                .filter(|p| p.level.is_some() && (p.title.is_some() || !posts))
                .min_by_key(|p| p.level.map(|l| l.order))
        };
        let highest = highest_of(true).or_else(|| highest_of(false));
        // A level stated in the text decides (labelled.tsv's convention):
        // the highest stated one, else the highest post.
        let stated = parts
            .iter()
            .filter(|p| p.stated_level.is_some() && p.level.is_some())
            .min_by_key(|p| p.level.map(|l| l.order));
        let mut top = stated
            .or(highest)
            .or_else(|| {
                parts
                    .iter()
                    .find(|p| p.sector.is_some_and(|s| s != Sector::CivilService))
            })
            // No level anywhere: a part that was read (四级高级法官, 二级警督)
            // says more than one that was not.
            .or_else(|| parts.iter().find(|p| p.rank.is_some() || p.title.is_some()))
            .or(parts.first())
            .cloned()
            .unwrap_or_else(|| Resolution::empty(text.into()));
        // High only when every part was understood: a post that was not
        // read (地委委员) may be the higher one.
        // Said of a level whatever its own certainty: the user should know.
        let unread = parts.iter().any(|p| p.not_understood());
        let told =
            top.confidence == Certainty::High || (top.level.is_some() && !top.not_understood());
        if unread && told {
            top.confidence = top.confidence.max(Certainty::Medium);
            top.found.push(Note::PartNotUnderstood);
        }
        // A post read whose level the reference does not give at all, so
        // that it rests on its holder (市长助理), may be the higher one too.
        let unknown = parts.iter().filter(|p| p.level.is_none()).find_map(|p| {
            let title = p.title?;
            match self.exact_entry(title)? {
                Entry::Title(t)
                    if t.role == Role::Other && t.level.is_none() && t.cases.is_empty() =>
                {
                    Some(title)
                }
                _ => None,
            }
        });
        if let Some(title) = unknown.filter(|_| top.confidence == Certainty::High) {
            top.confidence = Certainty::Medium;
            top.found.push(Note::PartLevelUnknown(title));
        }
        // A concurrent post whose level was not taken leaves the answer 中.
        if let Some(n) = untaken.filter(|_| top.confidence == Certainty::High) {
            top.confidence = Certainty::Medium;
            top.found.push(n);
        }
        // A 职级 above the post (副主任、巡视员): the answer is the post's
        // level, but the person's own is the rank's, and which one is meant
        // depends on the question (the labelled sets differ), so it says so.
        if let Some(((rank, held), post)) = rank_part
            .and_then(|p| p.rank.zip(p.level))
            .zip(top.level)
            .filter(|((_, held), post)| top.title.is_some() && held.order < post.order)
        {
            top.confidence = top.confidence.max(Certainty::Medium);
            top.found.push(Note::RankAbove {
                rank,
                held: &held.name,
                post: &post.name,
            });
        }
        // A nomination (市长候选人) is not counted; where it reads above the
        // answer, counting it would change the answer (labelled.tsv marks
        // such lines unsure), so the answer is not 高.
        let nominated = parts
            .iter()
            .filter(|p| p.found.contains(&Note::NotHeld))
            .filter_map(|p| p.post_level)
            .min_by_key(|l| l.order)
            .filter(|n| top.level.is_some_and(|t| n.order < t.order));
        if let Some(n) = nominated {
            top.confidence = top.confidence.max(Certainty::Medium);
            top.found.push(Note::NominatedAbove(&n.name));
        }
        top.input = text.into();
        // Beside a post, the highest 职级 held is reported; an answer that is
        // itself a 职级 keeps its own (副主任科员、主任科员 is 主任科员).
        top.rank = if top.title.is_some() {
            rank.or(top.rank)
        } else {
            top.rank.or(rank)
        };
        top.found.extend(dropped.into_iter().map(Note::Aside));
        top.parts = parts;
        top
    }

    /// Split a bio into normalised posts: at separators outside brackets,
    /// and at spaces only after a title ("北京市 海淀区 区长" is one post).
    /// An aside that names a concurrent post (（兼任…书记）) becomes a post.
    fn split_posts<'t>(&self, text: &'t str) -> Vec<Post<'t>> {
        let mut out: Vec<Post<'t>> = Vec::new();
        for piece in clean::split_top(text, SEPARATORS) {
            let mut asides = Vec::new();
            let piece_text: Cow<'t, str> = match clean::asides(piece, &mut asides) {
                Some(t) => Cow::Owned(t),
                None => Cow::Borrowed(piece),
            };
            let mut concurrent = Vec::new();
            asides.retain(|a| match a {
                Aside::Dropped(t) => {
                    let post = t.strip_prefix("兼任").or_else(|| t.strip_prefix('兼'));
                    match post.map(normalize::key) {
                        Some(key) if self.title_suffix(&key).is_some() => {
                            concurrent.push(key);
                            false
                        }
                        _ => true,
                    }
                }
                _ => true,
            });
            // Each post, and whether it follows a 兼 (the first of a part after
            // the first).
            let mut posts = Vec::new();
            for (k, part) in clean::split_concurrent(&piece_text).into_iter().enumerate() {
                let mut pending = String::new();
                let mut first = k > 0;
                for token in part.split(|c: char| normalize::half_width(c).is_whitespace()) {
                    let token = normalize::key(token);
                    // 现任 or 曾任 after a space opens the next post of a
                    // summary (中央组织部部务委员 现任中央组织部副部长): what
                    // came before ends there, with a title the data knows
                    // or not.
                    if !pending.is_empty() && ["现任", "曾任"].iter().any(|w| token.starts_with(w))
                    {
                        posts.push((std::mem::take(&mut pending), std::mem::take(&mut first)));
                    }
                    pending.push_str(&token);
                    if !pending.is_empty() && self.title_suffix(&pending).is_some() {
                        posts.push((std::mem::take(&mut pending), std::mem::take(&mut first)));
                    }
                }
                if !pending.is_empty() {
                    posts.push((pending, first));
                }
            }
            // The asides belong to the post they follow: the piece's last.
            let last = posts.len().saturating_sub(1);
            let single = posts.len() == 1 && posts[0].0 == *piece_text;
            for (i, (p, after_jian)) in posts.into_iter().enumerate() {
                let text = if single {
                    piece_text.clone()
                } else {
                    Cow::Owned(p)
                };
                let asides = if i == last {
                    std::mem::take(&mut asides)
                } else {
                    Vec::new()
                };
                let concurrent = after_jian || asides.contains(&Aside::Concurrent);
                out.push(Post {
                    text,
                    asides,
                    concurrent,
                });
            }
            if !asides.is_empty() {
                out.push(Post {
                    text: Cow::Borrowed(""),
                    asides,
                    concurrent: false,
                });
            }
            out.extend(concurrent.into_iter().map(|key| Post {
                text: Cow::Owned(key),
                asides: vec![Aside::Concurrent],
                concurrent: true,
            }));
        }
        out.retain(|p| !p.text.is_empty() || !p.asides.is_empty());
        out
    }

    /// The longest title, 职级 or level name ending `text`, and where it
    /// starts: a walk of the trie of reversed names, from the end.
    fn title_suffix(&self, text: &str) -> Option<(usize, Entry<'_>)> {
        match self.suffix_index.longest(text.chars().rev())? {
            (len, [one]) => Some((
                text.len() - len,
                self.target(self.index[one.id as usize].target),
            )),
            // An English name shared by two entries: take the longest
            // unshared one instead.
            _ => text
                .char_indices()
                .find_map(|(i, _)| Some((i, self.exact_entry(&text[i..])?))),
        }
    }

    /// `marks`: those of `text`, when found already.
    fn resolve_post<'a>(
        &'a self,
        input: Cow<'a, str>,
        text: &str,
        inherited: Option<&Resolution<'a>>,
        asides: Vec<Aside>,
        marks: Option<clean::Marks>,
    ) -> Resolution<'a> {
        let mut r = Resolution::empty(input);
        // An aside the reader could not place: no answer built on the rest
        // can be 高 (（正市级）: 正厅 or 副部, by city; （其间，任一级巡视员）).
        let mut unplaced = false;
        // 副市级, 正市级: the level of that city's (deputy) mayor, once the
        // city is read.
        let mut city_level: Option<bool> = None;
        let mut county_then = false;
        for a in asides {
            match &a {
                Aside::Level(word) => {
                    r.stated_level = self.level_named(word);
                    if r.stated_level.is_none() {
                        match clean::city_tier(word) {
                            Some(deputy) => city_level = Some(deputy),
                            None => unplaced = true,
                        }
                    }
                }
                Aside::Dropped(t) => unplaced |= self.title_suffix(&normalize::key(t)).is_some(),
                // Said by the place's own note (Note::CountyThen).
                Aside::CountyThen => {
                    county_then = true;
                    continue;
                }
                _ => {}
            }
            r.found.push(Note::Aside(a));
        }
        let text = &text[clean::leading_date(text)..];
        // 据中央纪委国家监委网站消息：海南省委常委: the news's source, then
        // the post.
        let text = match text
            .strip_prefix('据')
            .and_then(|t| t.split_once(['：', ':']))
        {
            Some((source, post)) if source.ends_with("消息") => post,
            _ => text,
        };
        // What the readings below look for; each later text is a slice of
        // this one. Those found already are the whole text's: it holds no
        // date or news source to cut (untouched text is CJK only), and the
        // marks of a text hold those of its tail in any case (each reading
        // they let through looks for its own words).
        let marks = marks.unwrap_or_else(|| clean::marks(text));
        let text = if marks.news {
            self.news_post(text, &mut r.found)
        } else {
            text
        };
        let text = self.strip_lead(text, &mut r);
        let unformer;
        let text = match marks.former.then(|| self.former_within(text)).flatten() {
            Some(t) => {
                r.found.push(Note::Former);
                unformer = t;
                unformer.as_str()
            }
            None => text,
        };
        let unseconded;
        let text = match marks
            .seconded
            .then(|| clean::seconded_within(text))
            .flatten()
        {
            Some(t) => {
                r.found.push(Note::Aside(Aside::Secondment));
                unseconded = t;
                unseconded.as_str()
            }
            None => text,
        };
        let (text, held) = clean::post_words(text);
        // 平凉市（县级）委: read as 县级平凉市委 is (a county-level city then),
        // the word after a lead (共青团县级随州市委).
        let prefixed;
        let text = if county_then {
            let at = org::LEADS
                .iter()
                .find(|(w, _)| text.starts_with(w))
                .map_or(0, |(w, _)| w.len());
            prefixed = format!("{}县级{}", &text[..at], &text[at..]);
            prefixed.as_str()
        } else {
            text
        };
        if let Some(sector) = sector::of(text) {
            r.sector = Some(sector);
        }
        match self.post_title(text) {
            None => {
                // No title: a level written somewhere in it (副局级秘书)?
                match clean::level_word_in(text).and_then(|w| self.level_named(w)) {
                    Some(l) => r.stated_level = Some(l),
                    None if r.found.is_empty() || !text.is_empty() => r.found.push(Note::NoTitle),
                    None => {}
                }
                self.read_untitled(&mut r, text, inherited);
            }
            Some((start, entry)) => self.read_post(&mut r, text, start, entry, inherited),
        }
        if let Some(s) = r.sector.filter(|&s| s != Sector::CivilService) {
            // Outside the civil service: no civil-service level, whatever the
            // title would mean in a government (医院院长 is not a 法院院长),
            // unless the named organ is itself what the marker says (中国科学院,
            // 中管高校), not a ministry over it (交通部公路科学研究所).
            if r.organ.is_none_or(|o| sector::of(&o.name).is_none()) {
                r.found.push(Note::Sector(s));
                r.clear_level();
            }
        } else if r.level.is_some() || r.title.is_some() || r.rank.is_some() {
            r.sector = Some(Sector::CivilService);
        }
        r.post_level = r.level;
        if let Some(deputy) = city_level {
            match self.city_of(&r) {
                Some(head) => {
                    r.stated_level = self.level_below(head, usize::from(deputy));
                    r.found.push(Note::CityLevel);
                    r.confidence = r.confidence.max(Certainty::Medium);
                }
                None => unplaced = true,
            }
        }
        if let Some(stated) = r.stated_level {
            if let Some(note) = self.stated_above_place(&r, stated) {
                r.found.push(note);
                r.stated_level = None;
                r.clear_level();
            } else {
                if r.level.is_none_or(|l| l.name != stated.name) {
                    r.found.push(Note::Stated(&stated.name));
                }
                r.level = Some(stated);
                if r.rule == Rule::None {
                    r.rule = Rule::NamedLevel;
                    r.confidence = Certainty::Medium;
                    r.sources = &stated.sources;
                }
            }
        }
        if !held {
            r.found.push(Note::NotHeld);
            r.level = None;
            r.confidence = Certainty::Low;
        }
        if unplaced {
            r.found.push(Note::Unplaced);
            r.confidence = r.confidence.max(Certainty::Medium);
        }
        // 原昭通市: a unit as it was then, possibly renamed or re-ranked since.
        if r.found
            .iter()
            .any(|n| matches!(n, Note::Former | Note::Investigated))
        {
            r.confidence = r.confidence.max(Certainty::Medium);
        }
        r
    }

    /// A post whose title the data lacks (助理审判员, 委员): the organisation
    /// before the last few characters, when that reads whole, so that the
    /// next post of the bio can belong to it (巩留县人民法院助理审判员、副院长).
    fn read_untitled<'a>(
        &'a self,
        r: &mut Resolution<'a>,
        text: &str,
        inherited: Option<&Resolution<'a>>,
    ) {
        let ends: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        for k in 2..=5 {
            let Some(&end) = ends.len().checked_sub(k).and_then(|i| ends.get(i)) else {
                break;
            };
            let org = self.read_organisation(&text[..end], None, inherited);
            if org.leftover.is_none() && !org.units.is_empty() {
                r.organisation = org.units;
                r.context = org.context;
                r.body = org.body;
                r.organ = org.organ;
                r.plaque = org.plaque;
                return;
            }
        }
    }

    /// A level stated for a post inside a department of a place that is
    /// above the place's own head: no post there can be, so the words mean
    /// something else (副部级 for the department's 副部长级).
    fn stated_above_place<'a>(&'a self, r: &Resolution<'a>, stated: &'a Level) -> Option<Note<'a>> {
        let at = r.organisation.iter().rposition(|u| u.context.is_some())?;
        let place = &r.organisation[at];
        let head = self.level(place.level?)?;
        // Only a division of the gazetteer: a township's level is no ceiling
        // (东莞市长安镇委书记、正处级干部).
        let division = self.places_named(&place.name).next()?;
        let in_department = r.organisation[at + 1..].iter().any(Unit::is_department);
        (in_department && stated.order < head.order).then_some(Note::StatedAbovePlace {
            stated: &stated.name,
            place: &division.name,
            head: &head.name,
        })
    }

    /// The level of the head of the city the post's chain is in (the place
    /// itself, or a county's city), for 副市级 and 正市级.
    fn city_of(&self, r: &Resolution<'_>) -> Option<&Level> {
        let city = |ctx: &str| matches!(ctx, "地级市" | "副省级市" | "直辖市");
        let places = r.organisation.iter().filter(|u| u.context.is_some());
        let ctx = match places.clone().rev().find(|u| u.context.is_some_and(city)) {
            Some(u) => u.context?,
            // A county: its parent city (如东县 → 南通市).
            None => {
                let county = places.clone().next_back()?;
                let place = self.places_named(&county.name).next()?;
                self.place_context(self.parent_of(place)?)?
            }
        };
        if !city(ctx) {
            return None;
        }
        self.level(&self.unit_level(ctx)?.head)
    }

    /// The title ending a post. A national post's name that swallows the
    /// organ before it (共青团中央书记处书记: not 中央书记处书记) gives way to
    /// the next shorter name.
    fn post_title(&self, text: &str) -> Option<(usize, Entry<'_>)> {
        let (start, entry) = self.title_suffix(text)?;
        let national = match entry {
            Entry::Title(t) => t.level.as_deref().is_some_and(|l| l.starts_with("国家级")),
            _ => false,
        };
        if national && start > 0 {
            let shorter = text[start..]
                .char_indices()
                .skip(1)
                .find_map(|(i, _)| Some((start + i, self.exact_entry(&text[start + i..])?)));
            if let Some((i, e)) = shorter {
                if self.organ_at(&text[..i]).is_some_and(|(len, _)| len == i) {
                    return Some((i, e));
                }
            }
        }
        Some((start, entry))
    }

    /// The post a news sentence names: one left, one held when its holder
    /// was investigated, or one someone was named to. Asked only of a post
    /// that [`clean::marks`] finds may be news: few posts, kept out of line.
    #[cold]
    fn news_post<'t>(&self, text: &'t str, found: &mut Vec<Note<'_>>) -> &'t str {
        // What a procuratorate does to the post's holder comes before it
        // (最高人民检察院…依法对福建省原副省长徐钢以涉嫌受贿罪立案侦查).
        let text = text.rsplit_once("依法对").map_or(text, |(_, t)| t);
        if let Some(post) = self.left_post(text) {
            found.push(Note::Former);
            post
        } else if let Some(post) = self.investigated(text) {
            found.push(Note::Investigated);
            post
        } else {
            self.elected(text)
        }
    }

    /// A news sentence naming someone to a post (吴晓华当选河北省人大常委会
    /// 副主任, 会议选举宋朝华为省人大常委会副主任, 补选…为…, 任命…为…,
    /// 张建国被任命为…, 张三同志任…):
    /// the post, from 当选 on (a lead word) or after the 为 that a place, a
    /// tier, an organ or a body's lead (政协, 中共) follows, without the name.
    /// Asked only of a post that [`clean::marks`] finds may be news.
    fn elected<'t>(&self, text: &'t str) -> &'t str {
        // 中共中央批准：曹立军同志任中共成都市委书记 (任命…同志为…): the post
        // after the name, where an organisation begins it.
        let named = ["同志任", "同志为", "同志担任"].iter().find_map(|w| {
            let post = &text[text.find(w)? + w.len()..];
            self.names_an_organisation(post).then_some(post)
        });
        if let Some(post) = named {
            return post;
        }
        // A name, with 同志 or the vote after it (马学军同志当选, 陈少荣全票当选).
        let name = |s: &str| {
            let s = ["全票", "高票"]
                .iter()
                .find_map(|w| s.strip_suffix(w))
                .unwrap_or(s);
            let s = s.strip_suffix("同志").unwrap_or(s);
            (2..=4).contains(&s.chars().count()) && self.places_at(s).is_none()
        };
        // 当选, 被任命为 and 担任 are lead words, taken off with the other
        // leads.
        let lead = ["当选", "被任命为", "担任"]
            .iter()
            .find_map(|w| text.find(w).filter(|&i| name(&text[..i])));
        if let Some(i) = lead {
            return &text[i..];
        }
        // 选举, 补选 or 任命 after the meeting that elects or appoints
        // (…第一次会议选举…为…, 决定任命：马军为…副市长).
        let Some(rest) = ["选举", "补选", "任命"]
            .iter()
            .find_map(|w| Some(&text[text.find(w)? + w.len()..]))
        else {
            return text;
        };
        let rest = rest.trim_start_matches([':', '：']);
        // 为 may be in the name (马为民): the one a place or tier follows.
        rest.match_indices('为')
            .map(|(i, w)| (&rest[..i], &rest[i + w.len()..]))
            .find(|&(who, post)| {
                name(who)
                    && (self.names_an_organisation(post)
                        || post.starts_with(['省', '市', '县', '区', '州', '盟', '旗']))
            })
            .map_or(text, |(_, post)| post)
    }

    /// Whether `text` starts with a place, a central organ or a body's lead
    /// (政协, 中共): where a post's own text begins after a person's name.
    fn names_an_organisation(&self, text: &str) -> bool {
        self.places_at(text).is_some()
            || self.organ_at(text).is_some()
            || org::LEADS.iter().any(|(lead, _)| text.starts_with(lead))
    }

    /// A news sentence on someone leaving a post (辞去白城市人民政府市长职务,
    /// 免去王晖的住房和城乡建设部副部长职务, 不再担任…): the post, a former
    /// one, without the person's name before it or the 职务 after. Asked only
    /// of a post that [`clean::marks`] finds may be news; 不再兼任 is split at
    /// its 兼 before this.
    fn left_post<'t>(&self, text: &'t str) -> Option<&'t str> {
        let (i, w) = ["辞去", "免去", "不再担任"]
            .iter()
            .find_map(|w| text.find(w).map(|i| (i, *w)))?;
        let rest = text[i + w.len()..].trim_start_matches([':', '：']);
        let rest = &rest[..rest.find("职务").unwrap_or(rest.len())];
        // 辞去葫芦岛市人民政府市长的职务.
        let rest = rest.strip_suffix('的').unwrap_or(rest);
        // The name and 的 (王振才的, 解维俊同志的), or a name before a place
        // or an organ (魏小鹏复旦大学党委书记); none before 政协武汉市….
        let after_name = rest
            .find('的')
            .filter(|&j| (2..=6).contains(&rest[..j].chars().count()))
            .map(|j| &rest[j + '的'.len_utf8()..])
            .or_else(|| {
                let names = rest.char_indices().skip(2).take(3);
                (!self.names_an_organisation(rest))
                    .then(|| {
                        names
                            .map(|(j, _)| &rest[j..])
                            .find(|post| self.names_an_organisation(post))
                    })
                    .flatten()
            });
        let post = after_name.unwrap_or(rest);
        (!post.is_empty()).then_some(post)
    }

    /// News of an investigation (据…消息：四川省副省长彭宇行涉嫌严重违纪违法;
    /// …彭建文因涉嫌…; …徐钢以涉嫌…): the post before the person's name, a
    /// name of two or three characters of which only one leaves a title
    /// before it. Asked only of a post that [`clean::marks`] finds may be
    /// news.
    fn investigated<'t>(&self, text: &'t str) -> Option<&'t str> {
        let before = &text[..text.find("涉嫌")?];
        let before = before.strip_suffix(['因', '以']).unwrap_or(before);
        // The clause after the source of the news (据…消息：).
        let clause = before.rsplit(['：', '，', ':', ',']).next()?;
        // A level word is no post: 辽宁省副省长刘强 is not 辽宁省副省 + 长刘强.
        let mut posts = [2, 3].into_iter().filter_map(|name| {
            let (i, _) = clause.char_indices().rev().nth(name - 1)?;
            let post = &clause[..i];
            let (_, entry) = self.title_suffix(post)?;
            (!matches!(entry, Entry::Level(_))).then_some(post)
        });
        let post = posts.next()?;
        posts.next().is_none().then_some(post)
    }

    /// 原 between an organisation and its title (台州市委原书记, 省政协原副主席,
    /// 水利厅原党组书记, 延边州原州委副书记): the post without it, a former one.
    /// Only after a character that ends a place, body or unit and before a
    /// whole title, or a body and a title, so that 原 in a place's name
    /// stays (太原市委书记, 忻州市原平市市长, 固原市原州区委书记).
    fn former_within(&self, text: &str) -> Option<String> {
        let first = text.chars().next()?.len_utf8();
        let i = first + text[first..].find('原')?;
        let (before, after) = (&text[..i], &text[i + '原'.len_utf8()..]);
        let title = |s: &str| self.title_suffix(s).is_some_and(|(start, _)| start == 0);
        // The body before the title, as the organisation reader knows them:
        // a Party group (党组), or a body (党委, 政府, 行署) after the place's
        // suffix written again (州委 = 州 + 委).
        let body = || {
            let s = after.strip_prefix(org::REPEATED).unwrap_or(after);
            org::PARTY_GROUPS
                .iter()
                .find_map(|g| s.strip_prefix(g))
                .or_else(|| crate::organisations::body_at(s).map(|(_, len)| &s[len..]))
        };
        let ends = [
            '委', '会', '协', '府', '州', '局', '厅', '部', '院', '盟', '省', '市', '县', '区',
        ];
        let post = title(after) || body().is_some_and(title);
        (before.ends_with(ends) && post).then(|| format!("{before}{after}"))
    }

    /// Take the words that begin a career entry off `text` (任, 后任, 原 …),
    /// unless they begin a place name (任丘市, 原阳县).
    fn strip_lead<'t>(&self, mut text: &'t str, r: &mut Resolution<'_>) -> &'t str {
        'outer: loop {
            // Most posts start with a place: rule the words out by the first
            // character before trying each (decoded once: a slice of chars
            // as a pattern sets up a searcher, a call per post).
            let first = text.chars().next();
            if !first.is_some_and(|c| clean::LEADING_FIRST.contains(&c)) {
                break;
            }
            for w in clean::LEADING {
                if let Some(rest) = text.strip_prefix(w) {
                    if rest.is_empty() || self.places_at(text).is_some() {
                        break 'outer;
                    }
                    if *w == "原" {
                        r.found.push(Note::Former);
                    }
                    text = rest;
                    continue 'outer;
                }
            }
            break;
        }
        text
    }

    /// Read the post whose title or rank starts at `start`.
    fn read_post<'a>(
        &'a self,
        r: &mut Resolution<'a>,
        text: &str,
        start: usize,
        entry: Entry<'a>,
        inherited: Option<&Resolution<'a>>,
    ) {
        // 常务副市长 is still a 副市长; 代市长 acts as 市长. But 常务 before
        // a head's title is no head (主席团常务主席): the word stays unread.
        let mut prefix = &text[..start];
        let head = matches!(entry, Entry::Title(t) if t.role == Role::Head);
        if !head {
            prefix = prefix.strip_suffix("常务").unwrap_or(prefix);
        }
        for acting in ["代理", "代"] {
            if let Some(p) = prefix.strip_suffix(acting) {
                prefix = p;
                r.found.push(Note::Acting);
                break;
            }
        }
        // A level written before the title (正处级调研员, 副局级秘书).
        if let Some((p, word)) = clean::level_word_at_end(prefix) {
            if let Some(l) = self.level_named(word) {
                r.stated_level = Some(l);
                prefix = p;
            }
        }
        match entry {
            Entry::Level(l) => {
                r.level = Some(l);
                r.stated_level = r.stated_level.or(Some(l));
                r.rule = Rule::NamedLevel;
                r.confidence = Certainty::of(l.confidence);
                r.sources = &l.sources;
                // A level word after text not read (abc正厅级) is not 高.
                if !prefix.is_empty() {
                    r.found.push(Note::Leftover(prefix.to_string()));
                    r.confidence = r.confidence.max(Certainty::Medium);
                }
            }
            Entry::Rank(rank) => {
                self.resolve_rank(r, rank);
                if !prefix.is_empty() {
                    // The organisation of a 职级 holder does not change the
                    // rank's level; read it for the answer's chain only.
                    let org = self.read_organisation(prefix, None, inherited);
                    r.organisation = org.units;
                    r.context = org.context;
                    // A post after the rank takes its body (团市委科员、副书记).
                    r.body = org.body;
                    r.organ = org.organ;
                    r.plaque = org.plaque;
                }
            }
            Entry::Title(title) => {
                r.title = Some(&title.name);
                // 副 before a head's title the data has no deputy form of.
                let deputy_of_head = matches!(
                    title.role,
                    crate::schema::Role::Head | crate::schema::Role::Other
                ) && prefix.ends_with('副');
                if deputy_of_head {
                    prefix = &prefix[..prefix.len() - '副'.len_utf8()];
                    prefix = prefix.strip_suffix("常务").unwrap_or(prefix);
                }
                // Unit names can borrow from the input when it needed no
                // normalising.
                let source = match &r.input {
                    Cow::Borrowed(s) => slice_of(s, prefix),
                    _ => None,
                };
                let mut org = self.read_organisation(prefix, source, inherited);
                org.deputy = deputy_of_head;
                // 委党委书记: a commission's own Party committee (市交通委员会
                // 主任、委党委书记); a place's 委 is itself the Party committee.
                let commission = text[start..].starts_with("党委")
                    && org.body == Some(Body::Party)
                    && org.departments == 0
                    && prefix.ends_with('委')
                    && !prefix.ends_with("党委");
                if commission && org.leftover.is_none() {
                    org.leftover = Some("委".to_string());
                }
                // A later post of a company's or hospital's bio is still there
                // (重庆钢铁公司团委副书记、书记; 鞍山化纤毛纺织总厂党委常委、
                // 政治处副主任), unless it names a place again.
                if org.from_earlier
                    || org
                        .units
                        .iter()
                        .all(|u| inherited.is_some_and(|p| p.organisation.contains(u)))
                {
                    if let Some(s) = inherited.and_then(|p| p.sector) {
                        r.sector = r.sector.or(Some(s));
                    }
                }
                self.place_title(r, title, org);
            }
        }
    }

    /// A level named by a word (正厅级, 副处, 正局): through the index, so
    /// that every alias of the data counts.
    fn level_named(&self, word: &str) -> Option<&Level> {
        let word = word
            .strip_suffix("长级")
            .or_else(|| word.strip_suffix("职级"))
            .or_else(|| word.strip_suffix('职'))
            .unwrap_or(word);
        let named = |w: &str| match self.indexed(w)? {
            Entry::Level(l) => Some(l),
            _ => None,
        };
        // 正市厅级: the place's tier (市) before the level's (厅) says no more.
        named(word).or_else(|| {
            let mut cs = word.chars();
            let (first, _) = (cs.next()?, cs.next()?);
            named(&format!("{first}{}", cs.as_str()))
        })
    }

    fn resolve_rank<'a>(&'a self, r: &mut Resolution<'a>, rank: &'a Rank) {
        r.rank = Some(&rank.name);
        r.rule = Rule::RankEquivalent;
        r.rank_grade = Some(rank.grade);
        r.sources = &rank.sources;
        // The other sequences (police, judges, 事业单位 职员) say in their
        // first note what they are and how sure their placement is.
        let own_note = rank.notes.first().filter(|_| {
            !matches!(
                rank.sequence,
                crate::schema::Sequence::General
                    | crate::schema::Sequence::Professional
                    | crate::schema::Sequence::Enforcement
                    | crate::schema::Sequence::Legacy
            )
        });
        match self.rank_level(rank) {
            Some((level, conf)) => {
                r.level = Some(level);
                r.confidence = Certainty::of(conf);
                if rank.sequence.outside_civil_service() {
                    // A 职员 grade is the 事业单位's own ladder (unless the
                    // text placed it already: a company's 职员).
                    r.sector = r.sector.or(Some(Sector::PublicInstitution));
                } else {
                    r.found.push(Note::Rank {
                        rank: &rank.name,
                        level: &level.name,
                    });
                }
            }
            None if own_note.is_none() => r.found.push(Note::RankWithoutLevel(&rank.name)),
            None => {}
        }
        if let Some(n) = own_note {
            r.found.push(Note::Data(n));
        }
    }
}
