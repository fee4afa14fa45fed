//! `resolve`: read a real-world title string ("广东省深圳市南山区发展和改革局副局长",
//! "县委副书记、县长、一级调研员") and say the level, with its reasoning.
//!
//! The reading goes: split a bio into posts; in each, the longest known title
//! or 职级 at the end; before it, a named central organ, or the chain of
//! places (each within the one before), then the body (委, 人大常委会, 政府 …),
//! a township, and working departments. The chain gives the kind of
//! organisation (a context of `data/ranks.toml`); the level then comes from
//! the title's case for that context, else the title's own fixed level if it
//! names its kind of unit (处长), else the derivation rule of
//! titles_by_org.md §3.7 (`data/organisations.toml` unit levels).
//!
//! Resolution is on the hot path of contact-list annotation, so it borrows
//! from the data wherever it can and writes its reasoning as structured
//! [`Note`]s, turned into text only when asked ([`Resolution::explanation`]).

use crate::data::{Dataset, Entry};
use crate::normalize;
use crate::organisations::{
    BARE_COMMITTEES, NATIONAL_BODIES, body_at, is_unit_name, split_units, township_at,
};
use crate::schema::{
    Body, Confidence, Grade, Level, Organ, Place, Rank, Role, Text, Title, UnitOverride,
};
use serde::{Serialize, Serializer};
use std::borrow::Cow;
use std::fmt;

/// How sure a resolution is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Certainty {
    High,
    Medium,
    #[default]
    Low,
}

impl Certainty {
    fn of(c: Confidence) -> Certainty {
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
pub struct Unit<'a> {
    /// The official name of a place or organ; a department as written.
    pub name: Cow<'a, str>,
    /// 省, 副省级市, 市辖区 …, 乡镇, 工作部门, 内设机构, or an organ's category.
    pub kind: &'a str,
    /// The level of the unit's head, where known.
    pub level: Option<&'a str>,
}

/// How the level was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
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

/// One step of the reasoning, written out by [`Resolution::explanation`].
#[derive(Debug, Clone, PartialEq)]
pub enum Note<'a> {
    /// A note from the data.
    Data(&'a str),
    NoTitle,
    /// Text before the title that was not understood.
    Leftover(String),
    Rank {
        rank: &'a str,
        level: &'a str,
    },
    RankWithoutLevel(&'a str),
    /// The title's case for the context.
    Case {
        post: &'a str,
        level: Option<&'a str>,
    },
    /// The derivation rule.
    Derived {
        base: Option<&'a str>,
        department: bool,
        internal: bool,
        deputy: bool,
    },
    /// The title depends on its organisation, which the text does not name.
    DependsOn {
        title: &'a str,
        on: &'a str,
    },
    /// Several divisions share a name.
    SharedName {
        name: &'a str,
        places: Vec<(&'a str, &'a str)>,
        agree: bool,
    },
    Often(&'a str),
    Nominal(&'a str),
}

impl fmt::Display for Note<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Note::Data(text) => f.write_str(text),
            Note::NoTitle => f.write_str("没有识别出职务或职级名称"),
            Note::Leftover(text) => write!(f, "未能识别“{text}”"),
            Note::Rank { rank, level } => write!(f, "{rank}是职级，相当于{level}，不是领导职务"),
            Note::RankWithoutLevel(rank) => write!(f, "{rank}没有可确定的对应层次"),
            Note::Case { post, level } => write!(f, "{post}：{}", level.unwrap_or("层次不明")),
            Note::Derived {
                base,
                department,
                internal,
                deputy,
            } => {
                let what = if *department {
                    "工作部门正职"
                } else {
                    "单位正职"
                };
                write!(
                    f,
                    "按规格推导（titles_by_org §3.7）：{what}为{}",
                    base.unwrap_or("不明")
                )?;
                if *internal {
                    f.write_str("，内设机构正职低一级")?;
                }
                if *deputy {
                    f.write_str("，副职（或常委）低半级")?;
                }
                Ok(())
            }
            Note::DependsOn { title, on } => {
                write!(
                    f,
                    "{title}的层次取决于{on}，字符串没有说明（可用 rankinfo show {title} 查看各种情况）"
                )
            }
            Note::SharedName {
                name,
                places,
                agree,
            } => {
                let list: Vec<String> = places
                    .iter()
                    .map(|(parent, p)| format!("{parent}{p}"))
                    .collect();
                write!(f, "{name}有{}处：{}；", places.len(), list.join("、"))?;
                f.write_str(if *agree {
                    "各处层次相同"
                } else {
                    "各处规格不同，层次无法确定"
                })
            }
            Note::Often(level) => write!(f, "任职者常高配为{level}（个人，不是职位规格）"),
            Note::Nominal(level) => write!(f, "名义上为{level}"),
        }
    }
}

/// The answer for one post (or for the whole string).
#[derive(Debug, Clone)]
pub struct Resolution<'a> {
    /// The text as given (borrowed when it could be).
    pub input: Cow<'a, str>,
    /// The canonical level, or `None` when it cannot be determined.
    pub level: Option<&'a Level>,
    /// The post (canonical title name).
    pub title: Option<&'a str>,
    /// A 职级 the string carries.
    pub rank: Option<&'a str>,
    pub organisation: Vec<Unit<'a>>,
    /// The kind of organisation (a context name), where found.
    pub context: Option<&'a str>,
    pub rule: Rule,
    pub confidence: Certainty,
    /// The confidence the data gives the fact the level rests on (the case,
    /// the unit level of a derivation, the named exception, the title).
    pub data_confidence: Option<Confidence>,
    /// Nominal level where it differs (副省级市局长: 正局级).
    pub nominal: Option<&'a str>,
    /// A level holders often have personally (高配): not the answer.
    pub often: Option<&'a str>,
    pub sources: &'a [Text],
    /// Each post of a multi-title string.
    pub parts: Vec<Resolution<'a>>,
    /// Reasons found while reading the text (rare: kept apart so that the
    /// common case allocates nothing); see [`Resolution::notes`].
    found: Vec<Note<'a>>,
    /// The rule that gave the level: a case or a derivation.
    basis: Option<Note<'a>>,
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
            grade: self.level.map(|l| l.grade),
            context: self.context,
            rule: self.rule,
            nominal: self.nominal,
            often: self.often,
            sources: self.sources,
        }
        .serialize(s)
    }
}

impl<'a> Resolution<'a> {
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
            data_notes: &[],
        }
    }

    /// The reasoning, in order: what reading the text found, the rule used
    /// and the data's notes on it, then 高配 and nominal levels.
    pub fn notes(&self) -> Vec<Note<'a>> {
        let mut out = self.found.clone();
        out.extend(self.basis.clone());
        out.extend(self.data_notes.iter().map(|n| Note::Data(n)));
        out.extend(self.often.map(Note::Often));
        out.extend(self.nominal.map(Note::Nominal));
        out
    }

    /// The reasoning in Chinese: the chain of units, the rule, the caveats.
    pub fn explanation(&self) -> String {
        let mut out = String::new();
        if !self.parts.is_empty() {
            let best = self.title.or(self.rank).unwrap_or("—");
            out.push_str(&format!(
                "共{}项职务，取最高的“{}”。",
                self.parts.len(),
                best
            ));
        }
        if !self.organisation.is_empty() {
            out.push_str(&self.chain(" › "));
            out.push('。');
        }
        match (self.title.or(self.rank), self.level) {
            (Some(t), Some(l)) => out.push_str(&format!("{t}：{}。", l.name)),
            (Some(t), None) => out.push_str(&format!("{t}：层次无法确定。")),
            _ => {}
        }
        for n in self.notes() {
            let n = n.to_string();
            out.push_str(&n);
            if !n.ends_with('。') {
                out.push('。');
            }
        }
        out
    }

    /// The organisation chain, "深圳市（副省级市，省部级副职）" joined by `sep`.
    pub fn chain(&self, sep: &str) -> String {
        let units: Vec<String> = self
            .organisation
            .iter()
            .map(|u| match u.level {
                Some(l) => format!("{}（{}，{}）", u.name, u.kind, l),
                None => format!("{}（{}）", u.name, u.kind),
            })
            .collect();
        units.join(sep)
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
        self.often = p.often;
        self.sources = p.sources;
        self.basis = p.basis;
        self.data_notes = p.data_notes;
        self.found.extend(p.cases);
    }
}

/// Separators between the posts of a bio.
const SEPARATORS: &[char] = &['、', '，', ',', ';', '；', '/', '／', '\n', '|'];

/// Whether `text` is only Chinese characters of the basic block (U+4E00 to
/// U+9FFF: lead bytes E4–E9), hence already normalised and a single post.
fn plain_chinese(text: &str) -> bool {
    // A fold, not `all`: no early exit, so it vectorises.
    text.bytes().fold(true, |ok, b| {
        ok & (b & 0xC0 == 0x80 || (0xE4..=0xE9).contains(&b))
    })
}

/// Whether `text` may hold a separator or white space. A byte scan: every
/// separator and space is ASCII or has a lead byte of C2, E1, E2, E3 or EF,
/// which Chinese characters (E4–E9) never have.
fn may_hold_several(text: &str) -> bool {
    text.bytes().any(|b| matches!(b, 0..=0x2F | 0x3A..=0x40 | 0x5B..=0x60 | 0x7B..=0x7F | 0xC2 | 0xE1..=0xE3 | 0xEF))
        && text.chars().any(|c| SEPARATORS.contains(&c) || normalize::half_width(c).is_whitespace())
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
    /// ```
    pub fn resolve<'a>(&'a self, text: &'a str) -> Resolution<'a> {
        if plain_chinese(text) {
            return self.resolve_post(text.into(), text, None);
        }
        if !may_hold_several(text) {
            return self.resolve_post(text.into(), &normalize::key_cow(text), None);
        }
        let posts = self.split_posts(text);
        if posts.len() <= 1 {
            return self.resolve_post(text.into(), posts.first().map_or("", String::as_str), None);
        }
        let mut parts: Vec<Resolution<'a>> = Vec::with_capacity(posts.len());
        for post in &posts {
            // A later post without its own place belongs to the earlier one's
            // (垣曲县委副书记、政府县长).
            let inherited = parts.last().filter(|p| !p.organisation.is_empty());
            let r = self.resolve_post(Cow::Owned(post.clone()), post, inherited);
            parts.push(r);
        }
        let rank = parts
            .iter()
            .find(|p| p.title.is_none())
            .and_then(|p| p.rank);
        // The highest post; the first listed among equals. A bio of ranks only
        // answers with its highest rank.
        let highest = |want_title: bool| {
            parts
                .iter()
                .filter(|p| p.level.is_some() && (p.title.is_some() || !want_title))
                .min_by_key(|p| p.level.map(|l| l.order))
        };
        let mut top = highest(true)
            .or_else(|| highest(false))
            .or(parts.first())
            .cloned()
            .unwrap_or_else(|| Resolution::empty(text.into()));
        top.input = text.into();
        top.rank = rank.or(top.rank);
        top.parts = parts;
        top
    }

    /// Split a bio into normalised posts. Spaces separate posts only after a
    /// title: "北京市 海淀区 区长" is one post.
    fn split_posts(&self, text: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for piece in text.split(SEPARATORS) {
            let mut pending = String::new();
            for token in piece.split(|c: char| normalize::half_width(c).is_whitespace()) {
                pending.push_str(&normalize::key(token));
                if !pending.is_empty() && self.title_suffix(&pending).is_some() {
                    out.push(std::mem::take(&mut pending));
                }
            }
            if !pending.is_empty() {
                out.push(pending);
            }
        }
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

    fn resolve_post<'a>(
        &'a self,
        input: Cow<'a, str>,
        text: &str,
        inherited: Option<&Resolution<'a>>,
    ) -> Resolution<'a> {
        let mut r = Resolution::empty(input);
        let Some((start, entry)) = self.title_suffix(text) else {
            r.found.push(Note::NoTitle);
            return r;
        };
        // 常务副市长 is still a 副市长.
        let prefix = text[..start].strip_suffix("常务").unwrap_or(&text[..start]);
        match entry {
            Entry::Level(l) => {
                r.level = Some(l);
                r.rule = Rule::NamedLevel;
                r.confidence = Certainty::of(l.confidence);
                r.sources = &l.sources;
            }
            Entry::Rank(rank) => self.resolve_rank(&mut r, rank),
            Entry::Title(title) => {
                r.title = Some(&title.name);
                // Unit names can borrow from the input when it needed no
                // normalising.
                let source = match &r.input {
                    Cow::Borrowed(s) if s.as_ptr() == text.as_ptr() && s.len() == text.len() => {
                        Some(*s)
                    }
                    _ => None,
                };
                let org = self.read_organisation(prefix, source, inherited);
                self.place_title(&mut r, title, org);
            }
        }
        r
    }

    fn resolve_rank<'a>(&'a self, r: &mut Resolution<'a>, rank: &'a Rank) {
        r.rank = Some(&rank.name);
        r.rule = Rule::RankEquivalent;
        r.sources = &rank.sources;
        match self.rank_level(rank) {
            Some((level, conf)) => {
                r.level = Some(level);
                r.confidence = Certainty::of(conf);
                r.found.push(Note::Rank {
                    rank: &rank.name,
                    level: &level.name,
                });
            }
            None => r.found.push(Note::RankWithoutLevel(&rank.name)),
        }
    }
}

impl Dataset {
    /// The level of a title in one kind of organisation (`--at 地级市`): its
    /// case there, else the derivation rule, else its fixed level. `context`
    /// is a context name ([`Dataset::context`]).
    ///
    /// ```
    /// let data = rankinfo::builtin();
    /// let rankinfo::Entry::Title(t) = data.lookup("局长").unwrap() else { unreachable!() };
    /// assert_eq!(data.title_at(t, "地级市").level.unwrap().name, "县处级正职");
    /// assert_eq!(data.title_at(t, "副省级市").nominal, Some("正局级"));
    /// ```
    pub fn title_at<'a>(&'a self, title: &'a Title, context: &'a str) -> Resolution<'a> {
        let mut r = Resolution::empty(Cow::Borrowed(&title.name));
        r.title = Some(&title.name);
        self.place_title(
            &mut r,
            title,
            Org {
                context: Some(context),
                ..Org::default()
            },
        );
        r
    }
}

/// What the text before the title says about the organisation.
#[derive(Debug, Default)]
struct Org<'a> {
    units: Vec<Unit<'a>>,
    context: Option<&'a str>,
    /// A named exception for the place's head (湖北's 省直管市).
    place_override: Option<&'a UnitOverride>,
    body: Option<Body>,
    /// Working departments or internal units named after the body.
    departments: usize,
    /// Places whose name several divisions share, not settled by the text.
    ambiguous: Vec<&'a Place>,
    /// The context came from a bare word (县委), not a named place.
    bare: bool,
    organ: Option<&'a Organ>,
    /// Text that was not understood.
    leftover: Option<String>,
}

/// A level with how it was reached.
#[derive(Debug, Default)]
struct Placement<'a> {
    level: Option<&'a Level>,
    rule: Rule,
    confidence: Certainty,
    fact: Option<Confidence>,
    nominal: Option<&'a str>,
    often: Option<&'a str>,
    sources: &'a [Text],
    basis: Option<Note<'a>>,
    data_notes: &'a [Text],
    /// Several cases in one context, none chosen: listed.
    cases: Vec<Note<'a>>,
}

impl Dataset {
    /// `source` is the input itself when `prefix` is a slice of it.
    fn read_organisation<'a>(
        &'a self,
        prefix: &str,
        source: Option<&'a str>,
        inherited: Option<&Resolution<'a>>,
    ) -> Org<'a> {
        let mut org = Org {
            units: Vec::with_capacity(4),
            ..Org::default()
        };
        let mut rest = prefix;
        let name_of = |name: &str| -> Cow<'a, str> {
            let at = name.as_ptr() as usize - prefix.as_ptr() as usize;
            match source {
                Some(s) => Cow::Borrowed(&s[at..at + name.len()]),
                None => Cow::Owned(name.to_string()),
            }
        };
        for lead in ["中国共产党", "中共", "中华人民共和国"] {
            if let Some(r) = rest.strip_prefix(lead) {
                rest = r;
                if lead != "中华人民共和国" {
                    org.body = Some(Body::Party);
                }
            }
        }
        // The leaders of the NPC, CPPCC and supreme court and procuratorate
        // are national posts; their internal units are an organ's.
        if let Some(&(name, body)) = NATIONAL_BODIES.iter().find(|(w, _)| rest == *w) {
            org.context = Some("中央");
            org.body = Some(body);
            org.units.push(Unit {
                name: name.into(),
                kind: "中央国家机关",
                level: None,
            });
            return org;
        }
        // A named central organ or university.
        let organ_text = rest
            .strip_prefix("国务院")
            .filter(|r| self.organ_at(r).is_some())
            .unwrap_or(rest);
        if let Some((len, organ)) = self.organ_at(organ_text) {
            let organ = organ
                .plaque_of
                .as_deref()
                .and_then(|p| self.organ(p))
                .unwrap_or(organ);
            org.organ = Some(organ);
            org.units.push(Unit {
                name: Cow::Borrowed(&organ.name),
                kind: &organ.category,
                level: organ.level.as_deref(),
            });
            org.context = match (organ.category.as_ref(), organ.level.as_deref()) {
                ("中管高校", _) => Some("中管高校"),
                ("高校", _) => Some("高校"),
                (_, Some("省部级正职")) => Some("正部级机关"),
                (_, Some("省部级副职")) => Some("副部级机关"),
                _ => None,
            };
            rest = &organ_text[len..];
        } else {
            rest = self.read_places(rest, &mut org);
        }
        if org.units.is_empty() {
            if let Some(&(word, ctx)) = BARE_COMMITTEES.iter().find(|(w, _)| rest.starts_with(w)) {
                org.context = Some(ctx);
                org.bare = true;
                org.body = Some(if word.ends_with("政府") {
                    Body::Government
                } else {
                    Body::Party
                });
                rest = &rest[word.len()..];
            } else if let Some(prev) = inherited {
                org.units = prev
                    .organisation
                    .iter()
                    .filter(|u| u.kind != "工作部门")
                    .cloned()
                    .collect();
                org.context = prev.context;
            }
        }
        // A township or street below the county.
        if let Some(end) = township_at(rest) {
            let special = matches!(org.context, Some("直辖市的区" | "副省级市的区" | "直辖市"));
            let ctx = if special {
                "直辖市和副省级市区的街道"
            } else {
                "乡镇"
            };
            org.context = Some(ctx);
            org.units.push(Unit {
                name: name_of(&rest[..end]),
                kind: ctx,
                level: self.unit_level(ctx).map(|u| &*u.head),
            });
            rest = &rest[end..];
            rest = rest.strip_prefix("办事处").unwrap_or(rest);
        }
        if let Some((body, len)) = body_at(rest) {
            org.body = Some(body);
            rest = &rest[len..];
            if let Some((more, len)) = body_at(rest) {
                // 县委 + 纪委, 政府 + 办公室 …
                org.body = Some(more);
                rest = &rest[len..];
            }
        }
        if !rest.is_empty() {
            // Departments then internal units; more than four is not a name.
            let mut names = [""; 4];
            let mut count = 0;
            for name in split_units(rest) {
                if count == names.len() || !is_unit_name(name) {
                    count = usize::MAX;
                    break;
                }
                names[count] = name;
                count += 1;
            }
            if count != usize::MAX {
                for (i, &name) in names[..count].iter().enumerate() {
                    let kind = if i == 0 && org.organ.is_none() {
                        "工作部门"
                    } else {
                        "内设机构"
                    };
                    org.units.push(Unit {
                        name: name_of(name),
                        kind,
                        level: None,
                    });
                    org.departments += 1;
                }
            } else {
                org.leftover = Some(rest.to_string());
            }
        }
        org
    }

    /// Read the chain of places at the start of `text`; return what follows.
    fn read_places<'t, 'a>(&'a self, mut text: &'t str, org: &mut Org<'a>) -> &'t str {
        let mut last: Option<&'a Place> = None;
        while let Some((len, hits)) = self.places_at(text) {
            let fits =
                |p: &&'a Place| last.is_none_or(|l| p.code != l.code && self.is_within(p, l));
            let mut candidates = hits
                .iter()
                .map(|h| (h.id, &self.place_list()[h.id as usize]))
                .filter(|(_, p)| fits(p));
            let Some((first_id, first)) = candidates.next() else {
                break;
            };
            // Namesakes are rare: collect them only when there are some.
            let others: Vec<&'a Place> = match candidates.next() {
                Some((_, second)) => std::iter::once(second)
                    .chain(candidates.map(|(_, p)| p))
                    .collect(),
                None => Vec::new(),
            };
            // A name without its suffix (公安 of 公安县) is taken for a place
            // only where nothing else is likely meant.
            let full = first.name.len() == len || others.iter().any(|p| p.name.len() == len);
            let plausible = full
                || len == text.len()
                || last.is_some()
                || first.kind.is_provincial()
                || first.kind.is_prefectural();
            if !plausible {
                break;
            }
            if others.is_empty() {
                org.ambiguous.clear();
            } else {
                // The next name may settle it (南京市鼓楼区).
                org.ambiguous = std::iter::once(first).chain(others).collect();
            }
            let ctx = self.place_context_at(first_id);
            // Named exceptions are county-level units (省直管市).
            let county = !first.kind.is_provincial() && !first.kind.is_prefectural();
            let over = if county {
                self.unit_override(&first.name)
            } else {
                None
            };
            org.units.push(Unit {
                name: Cow::Borrowed(&first.name),
                kind: first.kind.label(),
                level: over
                    .map(|o| &*o.head)
                    .or_else(|| Some(&*self.unit_level(ctx?)?.head)),
            });
            org.context = ctx;
            org.place_override = over;
            last = Some(first);
            text = &text[len..];
        }
        text
    }

    /// Decide the level of `title` in `org`.
    fn place_title<'a>(&'a self, r: &mut Resolution<'a>, title: &'a Title, mut org: Org<'a>) {
        r.context = org.context;
        if let Some(left) = org.leftover.take() {
            r.found.push(Note::Leftover(left));
        }
        let mut placed = self.place_in(title, &org, org.context, org.place_override);
        if let [first, ..] = org.ambiguous.as_slice() {
            // Several divisions share the name: an answer only if all agree.
            let agree = org.ambiguous.iter().all(|p| {
                let other = self.place_in(
                    title,
                    &org,
                    self.place_context(p),
                    self.unit_override(&p.name),
                );
                other.level.map(|l| &l.name) == placed.level.map(|l| &l.name)
            });
            let places = org
                .ambiguous
                .iter()
                .map(|p| (self.parent_of(p).map_or("", |q| &*q.name), &*p.name))
                .collect();
            r.found.push(Note::SharedName {
                name: &first.name,
                places,
                agree,
            });
            if agree {
                placed.confidence = placed.confidence.max(Certainty::Medium);
            } else {
                placed = Placement::default();
            }
            // The chain's last place is only one of the candidates.
            if let Some(u) = org.units.iter_mut().rfind(|u| *u.name == *first.name) {
                u.level = None;
            }
        }
        if org.bare {
            placed.confidence = placed.confidence.max(Certainty::Medium);
        }
        if placed.rule == Rule::None {
            if let Some(on) = &title.depends_on {
                r.found.push(Note::DependsOn {
                    title: &title.name,
                    on,
                });
            }
        }
        r.place(placed);
        r.organisation = org.units;
        if let (Some(level), Some(last)) = (r.level, r.organisation.last_mut()) {
            if last.level.is_none() && title.role == Role::Head {
                last.level = Some(&level.name);
            }
        }
    }

    /// The level of `title` in one context: a named exception, else the
    /// title's case for the context, else its fixed level if it names its own
    /// kind of unit (处长), else the derivation rule.
    fn place_in<'a>(
        &'a self,
        title: &'a Title,
        org: &Org<'a>,
        context: Option<&'a str>,
        over: Option<&'a UnitOverride>,
    ) -> Placement<'a> {
        // The post heads the last body named: a department when one is, the
        // organ itself when an organ is named.
        let body = match (org.departments, org.organ) {
            (0, Some(_)) => None,
            (0, None) => org.body.or(title.body),
            _ => Some(Body::Department),
        };
        let deputy = matches!(title.role, Role::Deputy | Role::Member);
        if let Some(o) = over.filter(|_| title.role == Role::Head && org.departments == 0) {
            if matches!(body, Some(Body::Party | Body::Government) | None) {
                return Placement {
                    level: self.level(&o.head),
                    rule: Rule::Derived,
                    confidence: Certainty::of(o.confidence),
                    fact: Some(o.confidence),
                    sources: &o.sources,
                    data_notes: &o.notes,
                    ..Placement::default()
                };
            }
        }
        // A department that is below the usual level by name (省监狱管理局).
        let department = org.units.iter().find(|u| u.kind == "工作部门");
        if let (Some(ctx), Some(dept), 1) = (context, department, org.departments) {
            if let Some(d) = self.department_override(ctx, &dept.name) {
                let level = self
                    .level(&d.head)
                    .and_then(|l| self.level_below(l, usize::from(deputy)));
                return Placement {
                    level,
                    rule: Rule::Derived,
                    confidence: Certainty::of(d.confidence),
                    fact: Some(d.confidence),
                    sources: &d.sources,
                    data_notes: &d.notes,
                    ..Placement::default()
                };
            }
        }
        // An organ's own 司/局 is a 部委内设机构; a unit below it is derived.
        let case_context = match (org.organ, org.departments) {
            (Some(_), 1) => Some("部委内设机构"),
            (_, 0 | 1) => context,
            _ => None,
        };
        let case = case_context.and_then(|ctx| {
            let mut cases = title.cases_at(ctx);
            let first = cases.next()?;
            let Some(second) = cases.next() else {
                // A Party or government title under a department (局党组书记)
                // is not the territorial post.
                let territorial = matches!(title.body, Some(Body::Party | Body::Government));
                return (!(org.departments > 0 && territorial && first.body.is_none()))
                    .then_some(first);
            };
            let all = || {
                [first, second]
                    .into_iter()
                    .chain(title.cases_at(ctx).skip(2))
            };
            all()
                .find(|c| c.body.is_some() && c.body == body)
                .or_else(|| all().find(|c| c.body.is_none()))
        });
        if case.is_none() && case_context.is_some_and(|c| title.cases_at(c).nth(1).is_some()) {
            // Several posts of this title in this context, and the text does
            // not say which: list them rather than derive one.
            let ctx = case_context.unwrap_or_default();
            let cases = title.cases_at(ctx).map(|c| Note::Case {
                post: &c.post,
                level: c.level.as_deref(),
            });
            return Placement {
                cases: cases.collect(),
                ..Placement::default()
            };
        }
        if let Some(case) = case {
            let basis = Some(Note::Case {
                post: &case.post,
                level: case.level.as_deref(),
            });
            return Placement {
                level: case.level.as_deref().and_then(|l| self.level(l)),
                rule: Rule::TitleCase,
                confidence: Certainty::of(case.confidence),
                fact: Some(case.confidence),
                nominal: case.nominal.as_deref(),
                often: case.often.as_deref(),
                sources: &case.sources,
                basis,
                data_notes: &case.notes,
                cases: Vec::new(),
            };
        }
        let fixed = title.level.as_deref().and_then(|l| self.level(l));
        let fixed_placement = || Placement {
            level: fixed,
            rule: Rule::FixedTitle,
            confidence: Certainty::of(title.confidence),
            fact: Some(title.confidence),
            sources: &title.sources,
            data_notes: &title.notes,
            ..Placement::default()
        };
        if fixed.is_some() && title.body.is_none() {
            return fixed_placement();
        }
        let derivable = title.role != Role::Other
            && !matches!(
                body,
                Some(Body::Court | Body::Procuratorate | Body::Discipline)
            );
        if let Some(unit) = context
            .and_then(|c| self.unit_level(c))
            .filter(|_| derivable)
        {
            // A department's title (局长) heads a department even when the
            // text names none (--at 县): never the place itself.
            let departments = org
                .departments
                .max(usize::from(title.body == Some(Body::Department)));
            let internal = departments > 1;
            let base = match departments {
                0 => Some(&*unit.head),
                1 => unit.department.as_deref(),
                // An internal unit is one full step below its department's
                // (nominal) level: 副省级市局 (名义正局) → 处 = 正处.
                _ => unit
                    .department_nominal
                    .as_deref()
                    .or(unit.department.as_deref()),
            };
            // A unit without ranked departments (乡镇) derives nothing.
            let Some(base) = base else {
                return if fixed.is_some() {
                    fixed_placement()
                } else {
                    Placement::default()
                };
            };
            let base_level = Some(base).and_then(|b| {
                // Canonical level names, or an alias such as 正局级.
                self.level(b)
                    .or_else(|| self.level_of(self.exact_entry(b)?).map(|(l, _)| l))
            });
            let steps = usize::from(deputy) + if internal { 2 } else { 0 };
            let basis = Some(Note::Derived {
                base: Some(base),
                department: departments > 0,
                internal,
                deputy,
            });
            return Placement {
                level: base_level.and_then(|l| self.level_below(l, steps)),
                rule: Rule::Derived,
                confidence: Certainty::of(unit.confidence).max(Certainty::Medium),
                fact: Some(unit.confidence),
                nominal: unit
                    .department_nominal
                    .as_deref()
                    .filter(|_| departments == 1 && title.role == Role::Head),
                sources: &unit.sources,
                basis,
                data_notes: &unit.notes,
                ..Placement::default()
            };
        }
        if fixed.is_some() {
            return fixed_placement();
        }
        Placement::default()
    }

    /// The level `steps` half-steps below `level` on the ladder (staying
    /// within the ten leadership levels).
    fn level_below<'a>(&'a self, level: &'a Level, steps: usize) -> Option<&'a Level> {
        let order = level.order as usize + steps;
        self.levels()
            .find(|l| l.order as usize == order && l.is_leadership())
    }
}
