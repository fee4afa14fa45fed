//! Forms of address (称呼): what to call an official face to face, how to
//! write to them, how to introduce them and what to say in English, with the
//! strength of every convention used and what not to say.
//!
//! The conventions are data (`data/address.toml`, from
//! `forms_of_address.md`); this module picks the ones that apply to a title
//! and a person and fills in their templates.
//!
//! How a title is read:
//! - a post title, 职级 or pre-2019 rank of `data/ranks.toml`, by name, alias
//!   or English name, as [`Dataset::lookup`] does;
//! - a title listed in `[[other_title]]` (总经理, 工程师, 政委 …);
//! - 副 or 常务 + a known title (副检察长, 常务副县长), read as its deputy;
//! - a unit + a known title (县委书记, 市公安局副局长), read as the title,
//!   with a warning saying so.
//!
//! A level (正处级) is not a title: nobody is addressed by it, so it is a
//! [`LookupError::NotATitle`] listing the titles at that level. Anything else
//! unknown is the same did-you-mean [`LookupError`] as [`Dataset::lookup`].

use crate::data::{Dataset, Entry};
use crate::error::LookupError;
use crate::normalize;
use crate::schema::address::{OtherKind, OtherTitle, PitfallKind, RankAddress, Rule};
use crate::schema::{Level, Rank, Role, Sequence, Strength, Text, Title};
use serde::{Deserialize, Serialize};

/// Stands for an unknown surname in every form (×局长).
pub const NO_SURNAME: &str = "×";
/// Stands for an unknown given name (××局长).
pub const NO_GIVEN_NAME: &str = "××";

/// The longest title considered when reading a unit + title (县委书记).
const MAX_TITLE_CHARS: usize = 16;

/// The person to be addressed. Every field is optional.
///
/// ```
/// use rankinfo::address::Person;
/// let p = Person::surnamed("李").with_given_name("晓明");
/// assert_eq!(p.given_name.as_deref(), Some("晓明"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    /// 姓, one or two characters (王, 欧阳).
    pub surname: Option<String>,
    /// 名 (晓明).
    pub given_name: Option<String>,
    /// The head (正职) of the unit has the same surname: a deputy is then
    /// called by given name + title (晓明局长).
    #[serde(default)]
    pub same_surname_as_head: bool,
}

impl Person {
    /// A person of whom only the surname is known.
    pub fn surnamed(surname: &str) -> Person {
        Person {
            surname: Some(surname.to_string()),
            ..Person::default()
        }
    }

    /// The same person, with a given name.
    pub fn with_given_name(mut self, given_name: &str) -> Person {
        self.given_name = Some(given_name.to_string());
        self
    }

    /// The same person, whose unit head has the same surname.
    pub fn with_head_of_same_surname(mut self) -> Person {
        self.same_surname_as_head = true;
        self
    }
}

/// What kind of title is being addressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TitleKind {
    /// A civil-service or Party post (局长, 书记, 部长助理).
    Post,
    /// A 2019 职级, held without a post (一级调研员, 一级高级主管).
    Rank,
    /// A pre-2019 非领导职务 (调研员, 巡视员).
    LegacyRank,
    /// PLA or armed police (政委, 副政委).
    Military,
    /// A state-owned enterprise (总经理).
    Enterprise,
    /// A professional title (工程师).
    Professional,
}

/// Which convention produced a form, and how strong its evidence is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Basis {
    /// A rule id of `data/address.toml` (`oral.deputy_drop_fu`), or a table
    /// entry: `rank_address:调研员`, `surname_pitfall:傅`, `english:局长`.
    pub rule: String,
    /// The weakest strength of the conventions combined for this form.
    pub strength: Strength,
}

/// The basis of each register of an [`Address`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Bases {
    /// Of [`Address::oral`].
    pub oral: Basis,
    /// Of [`Address::oral_short`]; `None` when there is no short form.
    pub oral_short: Option<Basis>,
    /// Of [`Address::written`].
    pub written: Basis,
    /// Of [`Address::introduce`].
    pub introduce: Basis,
    /// Of [`Address::english`].
    pub english: Basis,
}

/// Another acceptable form, and when to use it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Alternative {
    /// The form (晓明局长, 王调).
    pub form: String,
    /// When it fits, in the words of the convention.
    pub note: String,
    /// How strong the evidence for it is.
    pub strength: Strength,
}

/// A form not to use, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Avoid {
    /// The form or word (傅局, 王调研员, 老板).
    pub form: String,
    /// Why, in the words of the source.
    pub why: String,
    /// How strong the evidence is.
    pub strength: Strength,
    /// `true` for words never to use with officials (老板, 首长 …), `false`
    /// for forms wrong for this title or this person.
    pub general: bool,
}

/// Advice that goes with the forms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Note {
    /// The advice, in Chinese.
    pub text: String,
    /// How strong the evidence is.
    pub strength: Strength,
}

/// How to address one person holding one title, in every register.
///
/// JSON contract: `title`, `kind`, `oral`, `oral_short`, `written`,
/// `introduce`, `english`, `avoid`, `warnings`, `sources` and `basis` are
/// stable; fields may be added, never renamed or removed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Address<'a> {
    /// The title as asked.
    pub input: String,
    /// The title as understood: canonical name (副局长; 书记 for 县委书记).
    pub title: String,
    /// Post, rank, military …
    pub kind: TitleKind,
    /// A 副职 (or a 副 rank such as 副调研员).
    pub deputy: bool,
    /// Face to face, the safe default (王局长).
    pub oral: String,
    /// The familiar short form (王局), or `None` when there is none or it is
    /// not advisable.
    pub oral_short: Option<String>,
    /// Other acceptable oral forms (晓明局长 once on familiar terms, 王调).
    pub oral_alternatives: Vec<Alternative>,
    /// The salutation of a letter (尊敬的王副局长：); 副 kept.
    pub written: String,
    /// A formal introduction (这位是王建国副局长); 副 kept.
    pub introduce: String,
    /// Spoken English (Director Wang); Deputy dropped.
    pub english: String,
    /// The English title for writing and name cards (Deputy Director (of
    /// the Bureau)), where one is recorded.
    pub english_title: Option<String>,
    /// The convention behind each register and its strength.
    pub basis: Bases,
    /// Forms not to use.
    pub avoid: Vec<Avoid>,
    /// What needs attention: surname pitfalls, extrapolations, how the title
    /// was read.
    pub warnings: Vec<String>,
    /// Advice that goes with the forms.
    pub notes: Vec<Note>,
    /// Ids of every source of the conventions used (`address:S1` …).
    pub sources: Vec<&'a str>,
    /// The kind of organisation asked about (`--at`), if any.
    pub at: Option<&'a str>,
    /// The post's level there, when known.
    pub level: Option<&'a str>,
}

/// What a title was read as.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Found<'a> {
    Title(&'a Title),
    Rank(&'a Rank),
    Other(&'a OtherTitle),
}

/// A title, read.
#[derive(Debug, Clone)]
pub(crate) struct Resolved<'a> {
    pub found: Found<'a>,
    /// 副 + a head title the data does not list (副检察长): `found` is the head.
    pub derived_deputy: bool,
    /// The title as said, 副 kept: 副局长, 常务副县长, 书记 (for 县委书记).
    pub name: String,
    /// The canonical name of what was found (or `name` for a derived deputy).
    pub canonical: String,
    /// What stood before the title (县委 in 县委书记).
    pub prefix: Option<String>,
    /// How the input was read, when not as such.
    pub reading: Option<String>,
}

impl Resolved<'_> {
    pub fn kind(&self) -> TitleKind {
        match self.found {
            Found::Title(_) => TitleKind::Post,
            Found::Rank(r) if r.sequence == Sequence::Legacy => TitleKind::LegacyRank,
            Found::Rank(_) => TitleKind::Rank,
            Found::Other(o) => match o.kind {
                OtherKind::CivilService => TitleKind::Post,
                OtherKind::Military => TitleKind::Military,
                OtherKind::Enterprise => TitleKind::Enterprise,
                OtherKind::Professional => TitleKind::Professional,
            },
        }
    }

    pub fn role(&self) -> Role {
        if self.derived_deputy {
            return Role::Deputy;
        }
        match self.found {
            Found::Title(t) => t.role,
            Found::Other(o) => o.role,
            Found::Rank(_) => Role::Other,
        }
    }

    pub fn deputy(&self) -> bool {
        match self.found {
            Found::Rank(r) => r.name.starts_with('副'),
            _ => self.role() == Role::Deputy,
        }
    }
}

/// A prefix that may be dropped before a title: a unit (县委, 市公安局), not
/// part of the title itself (副, 常务, 总 as in 总书记/总工程师, 正, and 级
/// as in 一级调研员).
fn strippable(prefix: &str) -> bool {
    !prefix.is_empty()
        && !prefix.is_ascii()
        && !prefix.ends_with(['副', '总', '正', '级'])
        && !prefix.ends_with("常务")
}

/// A title without its leading 常务副 or 副: what is said orally.
pub(crate) fn without_fu(title: &str) -> &str {
    title
        .strip_prefix("常务副")
        .or_else(|| title.strip_prefix('副'))
        .filter(|rest| !rest.is_empty())
        .unwrap_or(title)
}

/// Split a string into a prefix and a suffix of `suffix_chars` characters.
fn split_tail(s: &str, suffix_chars: usize) -> (&str, &str) {
    let n = s.chars().count();
    let at = s
        .char_indices()
        .nth(n.saturating_sub(suffix_chars))
        .map_or(s.len(), |(i, _)| i);
    s.split_at(at)
}

/// A title of `[[other_title]]` by normalised name or alias.
fn other_title<'a>(data: &'a Dataset, key: &str) -> Option<&'a OtherTitle> {
    data.address.other_titles.iter().find(|o| {
        normalize::key(&o.name) == key || o.aliases.iter().any(|a| normalize::key(a) == key)
    })
}

/// The rule with this id. The data is checked to define every rule the
/// code reads ([`crate::validate::ADDRESS_RULES`]); an empty rule stands
/// in otherwise, so that nothing panics.
pub(crate) fn address_rule<'a>(data: &'a Dataset, id: &str) -> &'a Rule {
    static MISSING: Rule = Rule {
        id: Text::Borrowed(""),
        channel: crate::schema::address::Channel::Oral,
        text: Text::Borrowed(""),
        template: Text::Borrowed(""),
        example: Text::Borrowed(""),
        strength: Strength::Unconfirmed,
        sources: std::borrow::Cow::Borrowed(&[]),
    };
    data.address.rule(id).unwrap_or(&MISSING)
}

/// The name of a title as said: the shortest tail that is itself a
/// title, after a unit prefix (国务院总理 → 总理, 中央纪委书记 → 书记).
fn spoken_title(data: &Dataset, name: &str) -> String {
    let n = name.chars().count();
    for len in 2..n {
        let (prefix, tail) = split_tail(name, len);
        if !strippable(prefix) {
            continue;
        }
        let key = normalize::key(tail);
        if matches!(data.exact_entry(&key), Some(Entry::Title(_)))
            || other_title(data, &key).is_some()
        {
            return tail.to_string();
        }
    }
    name.to_string()
}

fn title_resolved<'a>(data: &'a Dataset, t: &'a Title, key: &str) -> Resolved<'a> {
    // Keep the name the user chose (镇长 is not 乡长), unless it is English.
    let alt = key.strip_suffix('级').unwrap_or(key);
    let said = std::iter::once(&t.name)
        .chain(t.aliases.iter())
        .find(|n| {
            let k = normalize::key(n);
            !n.is_ascii() && (k == key || k == alt)
        })
        .unwrap_or(&t.name);
    Resolved {
        found: Found::Title(t),
        derived_deputy: false,
        name: spoken_title(data, said),
        canonical: t.name.to_string(),
        prefix: None,
        reading: None,
    }
}

fn rank_resolved(r: &Rank) -> Resolved<'_> {
    Resolved {
        found: Found::Rank(r),
        derived_deputy: false,
        name: r.name.to_string(),
        canonical: r.name.to_string(),
        prefix: None,
        reading: None,
    }
}

/// A normalised key as a title, rank or other title, or 副/常务 + one.
fn resolve_key<'a>(data: &'a Dataset, key: &str) -> Option<Resolved<'a>> {
    if key.is_empty() || key.chars().count() > MAX_TITLE_CHARS {
        return None;
    }
    match data.exact_entry(key) {
        Some(Entry::Title(t)) => return Some(title_resolved(data, t, key)),
        Some(Entry::Rank(r)) => return Some(rank_resolved(r)),
        Some(Entry::Level(_)) => return None,
        None => {}
    }
    if let Some(o) = other_title(data, key) {
        return Some(Resolved {
            found: Found::Other(o),
            derived_deputy: false,
            name: key.to_string(),
            canonical: o.name.to_string(),
            prefix: None,
            reading: None,
        });
    }
    // 常务 + a deputy title: 常务副县长.
    if let Some(rest) = key.strip_prefix("常务") {
        if let Some(mut r) = resolve_key(data, rest).filter(|r| r.role() == Role::Deputy) {
            r.reading = Some(format!("“{key}”按“{}”（常务副职）处理", r.canonical));
            r.name = format!("常务{}", r.name);
            return Some(r);
        }
    }
    // 副 + a head title the data lacks: 副检察长, 副政委.
    let rest = key.strip_prefix('副')?;
    let head = resolve_key(data, rest).filter(|r| {
        r.role() == Role::Head && !r.derived_deputy && !matches!(r.found, Found::Rank(_))
    })?;
    let name = format!("副{}", head.name);
    Some(Resolved {
        found: head.found,
        derived_deputy: true,
        reading: Some(format!(
            "“{name}”未单独收录，按“{}”的副职处理",
            head.canonical
        )),
        canonical: name.clone(),
        name,
        prefix: None,
    })
}

/// Read a title for addressing (see the module documentation).
pub(crate) fn resolve_title<'a>(
    data: &'a Dataset,
    input: &str,
) -> Result<Resolved<'a>, LookupError> {
    let key = normalize::key(&crate::read::clean::chars(input));
    let unknown = match data.lookup(input) {
        Ok(Entry::Title(t)) => return Ok(title_resolved(data, t, &key)),
        Ok(Entry::Rank(r)) => return Ok(rank_resolved(r)),
        Ok(Entry::Level(l)) => return Err(not_a_title(data, input, l)),
        Err(e @ (LookupError::Unknown { .. } | LookupError::OutsideCivilService { .. })) => e,
        Err(e) => return Err(e),
    };
    if let Some(r) = resolve_key(data, &key) {
        return Ok(r);
    }
    // A unit before a title: the longest title at the end wins.
    let n = key.chars().count();
    for len in (2..n.min(MAX_TITLE_CHARS + 1)).rev() {
        let (prefix, tail) = split_tail(&key, len);
        if !strippable(prefix) {
            continue;
        }
        if let Some(mut r) = resolve_key(data, tail) {
            r.reading = Some(format!(
                "“{input}”未收录，按“{}”处理（“{prefix}”视为单位）",
                r.name
            ));
            r.prefix = Some(prefix.to_string());
            return Ok(r);
        }
    }
    Err(unknown)
}

fn not_a_title(data: &Dataset, input: &str, level: &Level) -> LookupError {
    let row = data.row(level);
    LookupError::NotATitle {
        input: input.to_string(),
        level: level.name.to_string(),
        suggestions: row
            .titles
            .iter()
            .chain(&row.general)
            .chain(&row.legacy)
            .take(8)
            .map(|s| s.to_string())
            .collect(),
    }
}

impl Dataset {
    /// The Hanyu Pinyin of a surname, for English forms: from the table,
    /// character by character for an unlisted compound surname, as given when
    /// already in Latin letters.
    pub fn surname_pinyin(&self, surname: &str) -> Option<String> {
        let table = &self.address.romanisation.surnames;
        let one = |s: &str| table.iter().find(|p| p.hanzi == s).map(|p| &*p.pinyin);
        if surname.is_empty() {
            return None;
        }
        if surname.chars().all(|c| c.is_ascii_alphabetic()) {
            let mut c = surname.chars();
            let first = c.next()?.to_ascii_uppercase();
            return Some(std::iter::once(first).chain(c).collect());
        }
        if let Some(p) = one(surname) {
            return Some(p.to_string());
        }
        let mut out = String::new();
        for c in surname.chars() {
            let p = one(c.encode_utf8(&mut [0; 4]))?;
            if out.is_empty() {
                out.push_str(p);
            } else {
                out.push_str(&p.to_lowercase());
            }
        }
        Some(out)
    }

    /// How to address a person holding `title`, in every register: face to
    /// face, in a letter, in an introduction and in English, with what to
    /// avoid, warnings, and the strength and sources of every convention.
    ///
    /// Without a surname the forms are templates with × (×局长). A level
    /// (正处级) is an error listing the titles at that level; an unknown title
    /// is the same did-you-mean error as [`Dataset::lookup`].
    ///
    /// ```
    /// use rankinfo::address::Person;
    /// let data = rankinfo::builtin();
    ///
    /// let a = data.address("副局长", &Person::surnamed("王")).unwrap();
    /// assert_eq!(a.oral, "王局长"); // 副 dropped face to face
    /// assert_eq!(a.oral_short.as_deref(), Some("王局"));
    /// assert_eq!(a.written, "尊敬的王副局长："); // kept in writing
    /// assert_eq!(a.introduce, "这位是王副局长");
    /// assert_eq!(a.english, "Director Wang");
    ///
    /// // 傅 sounds like 副: given name + title instead.
    /// let a = data.address("局长", &Person::surnamed("傅").with_given_name("建国")).unwrap();
    /// assert_eq!(a.oral, "建国局长");
    /// assert!(a.avoid.iter().any(|x| x.form == "傅局"));
    /// assert!(a.warnings.iter().any(|w| w.contains('傅')));
    ///
    /// // A 调研员 has no post: 王处, never 王调研员 to the face.
    /// let a = data.address("调研员", &Person::surnamed("王")).unwrap();
    /// assert_eq!(a.oral, "王处");
    /// assert!(a.avoid.iter().any(|x| x.form == "王调研员"));
    ///
    /// assert_eq!(data.address("局长", &Default::default()).unwrap().oral, "×局长");
    /// assert!(data.address("正处级", &Default::default()).is_err());
    /// ```
    pub fn address(&self, title: &str, person: &Person) -> Result<Address<'_>, LookupError> {
        match resolve_title(self, title) {
            Ok(resolved) => {
                let mut a = address_of(self, title, &resolved, person);
                // A full title (深圳市南山区区长): the reader places it.
                if self.lookup(title).is_err() {
                    if let Some((_, context, level)) = self.read_title(title) {
                        a.at = context;
                        a.level = level;
                    }
                }
                Ok(a)
            }
            Err(err) => {
                // A full title (县委书记, 市委常委、宣传部部长): the reader's
                // highest post, addressed as that title in its organisation.
                let (t, context, level) = self.read_title(title).ok_or(err)?;
                let mut a = match context {
                    Some(ctx) => self.address_at(t, person, ctx)?,
                    None => self.address(t, person)?,
                };
                a.level = level;
                Ok(a)
            }
        }
    }

    /// A full title read by the reader: its highest post's canonical title,
    /// kind of organisation and level, as names of the data (so that they
    /// outlive the text).
    pub(crate) fn read_title(&self, text: &str) -> Option<(&str, Option<&str>, Option<&str>)> {
        let r = self.resolve(text);
        let title = r.title.filter(|t| *t != text)?;
        // 副校长: a deputy of a head's title the data lacks is for the
        // address rules' own 副 handling, not the head's forms.
        if r.parts.is_empty() && text.trim_end().strip_suffix(title)?.ends_with('副') {
            return None;
        }
        let title = self.lookup(title).ok()?.name();
        let context = r.context.and_then(|c| Some(&*self.context(c).ok()?.name));
        let level = r.level.and_then(|l| Some(&*self.level(&l.name)?.name));
        Some((title, context, level))
    }

    /// [`address`](Self::address) for the holder of a post in one kind of
    /// organisation (a context name, [`Dataset::context`]): the forms are the
    /// same; the answer also carries the post's level there.
    ///
    /// ```
    /// use rankinfo::address::Person;
    /// let data = rankinfo::builtin();
    /// let a = data.address_at("局长", &Person::surnamed("王"), "县").unwrap();
    /// assert_eq!((a.oral.as_str(), a.level), ("王局长", Some("乡科级正职")));
    /// ```
    pub fn address_at<'a>(
        &'a self,
        title: &str,
        person: &Person,
        at: &'a str,
    ) -> Result<Address<'a>, LookupError> {
        let mut a = self.address(title, person)?;
        a.at = Some(at);
        a.level = self
            .lookup(title)
            .ok()
            .and_then(|e| self.summary_at(e, at).level);
        Ok(a)
    }
}

/// Address a title already read.
pub(crate) fn address_of<'a>(
    data: &'a Dataset,
    input: &str,
    r: &Resolved<'a>,
    person: &Person,
) -> Address<'a> {
    let mut d = Draft::new(data, r, person);
    match r.found {
        Found::Rank(rank) => d.rank(rank),
        _ => d.post(),
    }
    d.pitfalls();
    d.same_surname();
    d.formal();
    d.english();
    d.forbidden();
    d.finish(input)
}

/// One candidate form; `rest` is what follows the surname, when the form is
/// surname + something (王局 → 局), so that surname pitfalls can see it.
#[derive(Debug, Clone)]
struct Form {
    text: String,
    rest: Option<String>,
    basis: Basis,
    note: String,
}

/// The values of the template placeholders. No unit is known: `{单位}` is
/// left empty.
struct Vars {
    surname: String,
    given: String,
    full_name: String,
    title: String,
    full_title: String,
    short: String,
    rank: String,
    pinyin: String,
}

fn fill(template: &str, v: &Vars) -> String {
    template
        .replace("{姓名}", &v.full_name)
        .replace("{姓}", &v.surname)
        .replace("{名}", &v.given)
        .replace("{单位}", "")
        .replace("{职务全称含副}", &v.full_title)
        .replace("{职务}", &v.title)
        .replace("{简称}", &v.short)
        .replace("{职级}", &v.rank)
        .replace("{Surname}", &v.pinyin)
}

/// An answer being put together.
struct Draft<'a, 'r> {
    data: &'a Dataset,
    r: &'r Resolved<'a>,
    surname: Option<String>,
    given: Option<String>,
    same_surname: bool,
    /// The title said orally (局长 for 副局长; 副政委 kept).
    spoken: String,
    oral: Form,
    short: Option<Form>,
    alternatives: Vec<Form>,
    written: (String, Basis),
    introduce: (String, Basis),
    english: (String, Basis),
    english_title: Option<String>,
    avoid: Vec<Avoid>,
    warnings: Vec<String>,
    notes: Vec<Note>,
    sources: Vec<&'a str>,
    /// The 职级 entry used, for ranks, and the strength it has here.
    rank_entry: Option<(&'a RankAddress, Strength)>,
    /// A confirmed 姓 + 职务 pitfall applies and the given name is unknown:
    /// introduce by full name.
    need_given_name: bool,
    /// A grade the reference says nothing about addressing (法官等级 …):
    /// every Chinese form is unconfirmed.
    unsourced: bool,
}

fn clean(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(|s| s.chars().filter(|c| !c.is_whitespace()).collect::<String>())
        .filter(|s| !s.is_empty())
}

fn basis(rule: impl Into<String>, strength: Strength) -> Basis {
    Basis {
        rule: rule.into(),
        strength,
    }
}

impl<'a, 'r> Draft<'a, 'r> {
    fn new(data: &'a Dataset, r: &'r Resolved<'a>, person: &Person) -> Self {
        let empty = || Form {
            text: String::new(),
            rest: None,
            basis: basis("", Strength::Unconfirmed),
            note: String::new(),
        };
        let mut d = Draft {
            data,
            r,
            surname: clean(&person.surname),
            given: clean(&person.given_name),
            same_surname: person.same_surname_as_head,
            spoken: r.name.clone(),
            oral: empty(),
            short: None,
            alternatives: Vec::new(),
            written: (String::new(), basis("", Strength::Unconfirmed)),
            introduce: (String::new(), basis("", Strength::Unconfirmed)),
            english: (String::new(), basis("", Strength::Unconfirmed)),
            english_title: None,
            avoid: Vec::new(),
            warnings: Vec::new(),
            notes: Vec::new(),
            sources: Vec::new(),
            rank_entry: None,
            need_given_name: false,
            unsourced: false,
        };
        if let Some(reading) = &r.reading {
            d.warnings.push(reading.clone());
        }
        if let Some(s) = &d.surname {
            if s.chars().count() > 2 {
                d.warnings.push(format!(
                    "姓“{s}”超过两个字：请只填姓（名填在 --given-name）"
                ));
            }
        }
        d
    }

    fn surname(&self) -> &str {
        self.surname.as_deref().unwrap_or(NO_SURNAME)
    }

    fn given(&self) -> &str {
        self.given.as_deref().unwrap_or(NO_GIVEN_NAME)
    }

    /// 姓名 if the given name is known, else the surname alone.
    fn full_name(&self) -> String {
        match &self.given {
            Some(g) => format!("{}{g}", self.surname()),
            None if self.need_given_name => format!("{}{NO_GIVEN_NAME}", self.surname()),
            None => self.surname().to_string(),
        }
    }

    fn vars(&self, title: &str, full_title: &str, short: &str) -> Vars {
        Vars {
            surname: self.surname().to_string(),
            given: self.given().to_string(),
            full_name: self.full_name(),
            title: title.to_string(),
            full_title: full_title.to_string(),
            short: short.to_string(),
            rank: self.r.name.clone(),
            pinyin: NO_SURNAME.to_string(),
        }
    }

    fn cite(&mut self, ids: &'a [Text]) {
        for id in ids {
            if !self.sources.contains(&&**id) {
                self.sources.push(id);
            }
        }
    }

    /// Look up a rule and cite its sources.
    fn rule(&mut self, id: &str) -> &'a Rule {
        let rule = address_rule(self.data, id);
        self.cite(&rule.sources);
        rule
    }

    fn note(&mut self, id: &str) {
        let rule = self.rule(id);
        if !rule.text.is_empty() && !self.notes.iter().any(|n| n.text == *rule.text) {
            self.notes.push(Note {
                text: rule.text.to_string(),
                strength: rule.strength,
            });
        }
    }

    fn add_avoid(&mut self, form: String, why: &str, strength: Strength) {
        if !form.is_empty() && !self.avoid.iter().any(|a| a.form == form) {
            self.avoid.push(Avoid {
                form,
                why: why.to_string(),
                strength,
                general: false,
            });
        }
    }

    /// The written salutation around a name (尊敬的 + name + ：).
    fn salutation(&mut self, name: &str) -> (String, Basis) {
        let rule = self.rule("written.salutation");
        let v = Vars {
            surname: String::new(),
            ..self.vars("", name, "")
        };
        (fill(&rule.template, &v), basis(&*rule.id, rule.strength))
    }

    /// A formal introduction of a name (这位是 + name).
    fn introduction(&mut self, name: &str) -> (String, Basis) {
        let rule = self.rule("intro.formal");
        let v = Vars {
            full_name: name.to_string(),
            ..self.vars("", "", "")
        };
        (fill(&rule.template, &v), basis(&*rule.id, rule.strength))
    }

    /// A post, military, enterprise or professional title.
    fn post(&mut self) {
        let data = self.data;
        let kind = self.r.kind();
        let military = kind == TitleKind::Military;
        let deputy = self.r.deputy();
        let full = self.r.name.clone();
        self.spoken = if deputy && !military {
            without_fu(&full).to_string()
        } else {
            full.clone()
        };
        let spoken = self.spoken.clone();

        let rule_id = match (deputy, military) {
            (true, true) => "oral.military_keep_fu",
            (true, false) => "oral.deputy_drop_fu",
            _ => "oral.default",
        };
        let rule = self.rule(rule_id);
        self.oral = Form {
            text: fill(&rule.template, &self.vars(&spoken, &full, "")),
            rest: Some(if military {
                full.clone()
            } else {
                spoken.clone()
            }),
            basis: basis(&*rule.id, rule.strength),
            note: String::new(),
        };
        if military && deputy {
            let plain = format!("{}{}", self.surname(), without_fu(&full));
            self.add_avoid(plain, &rule.text, rule.strength);
            self.note("oral.military_keep_fu");
        }

        // The familiar short form; none for military titles.
        if let Some(sf) = data.address.short_form(&spoken).filter(|_| !military) {
            let rule = self.rule("oral.short");
            self.cite(&sf.sources);
            let form = fill(&rule.template, &self.vars(&spoken, &full, &sf.short));
            if sf.strength == Strength::Unconfirmed {
                self.notes.push(Note {
                    text: format!(
                        "简称“{form}”未见来源（{}），稳妥起见用全称",
                        Strength::Unconfirmed.label()
                    ),
                    strength: Strength::Unconfirmed,
                });
            } else {
                self.short = Some(Form {
                    text: form,
                    rest: Some(sf.short.to_string()),
                    basis: basis(&*rule.id, rule.strength.max(sf.strength)),
                    note: String::new(),
                });
            }
        }
        if let Some(n) = data
            .address
            .no_short_forms
            .iter()
            .find(|n| n.title == spoken)
        {
            self.cite(&n.sources);
            self.notes.push(Note {
                text: format!("{spoken}：{}", n.note),
                strength: n.strength,
            });
        }

        // Given name + title, once on familiar terms.
        if self.given.is_some() && !military {
            let rule = self.rule("oral.given_name");
            self.alternatives.push(Form {
                text: fill(&rule.template, &self.vars(&spoken, &full, "")),
                rest: None,
                basis: basis(&*rule.id, rule.strength),
                note: rule.text.to_string(),
            });
        }
        if full.starts_with("常务") {
            let rule = self.rule("oral.changwu");
            self.alternatives.push(Form {
                text: fill(&rule.template, &self.vars(&spoken, &full, "")),
                rest: Some("常务".to_string()),
                basis: basis(&*rule.id, rule.strength),
                note: rule.text.to_string(),
            });
        }

        if deputy && !military {
            self.note("oral.deputy_head_present");
            self.note("written.keep_fu_formal");
        }
        if let Found::Title(t) = self.r.found {
            if t.role == Role::Head && !self.r.derived_deputy {
                if t.cases.iter().any(|c| c.at == "正部级机关") && spoken != "部长" {
                    self.note("oral.ministerial_rank_head");
                    self.note("oral.ministerial_rank_outsider");
                }
                let county_low = t.cases.iter().any(|c| {
                    c.at == "县" && c.level.as_deref().is_some_and(|l| l.starts_with("乡科级"))
                });
                if county_low || t.name == "股长" {
                    self.note("oral.call_high_county");
                }
            }
        }
        if let Found::Other(o) = self.r.found {
            self.notes.push(Note {
                text: format!("{}：{}", o.name, o.note),
                strength: Strength::CommonPractice,
            });
        }
    }

    /// A 职级 held without a post.
    fn rank(&mut self, rank: &'a Rank) {
        let data = self.data;
        // Other sequences go through their 综合管理类 equivalent.
        let (entry, via) = match data.address.rank_address(&rank.name) {
            Some(e) => (Some(e), None),
            None => {
                let general = data.general_rank(rank);
                (
                    general.and_then(|g| data.address.rank_address(&g.name)),
                    general,
                )
            }
        };
        let Some(entry) = entry else {
            // 法官、检察官等级, 警衔, 事业单位职员: the reference says nothing
            // of addressing anyone by them. The plain pattern, every Chinese
            // form unconfirmed, and the answer says so.
            self.post();
            let unconfirmed = Strength::Unconfirmed;
            self.unsourced = true;
            self.warnings.push(format!(
                "{}：参考资料未论及按{}（{}）称呼的做法，以上只是套用“姓 + 名称”的格式；对方若另有院长、庭长、检察长、局长等职务，按职务称呼",
                unconfirmed.label(),
                rank.sequence.label(),
                rank.name
            ));
            return;
        };
        self.cite(&entry.sources);
        let strength = if via.is_some() {
            Strength::Unconfirmed
        } else {
            entry.strength
        };
        self.rank_entry = Some((entry, strength));
        let b = basis(format!("rank_address:{}", rank.name), strength);
        let forms: Vec<String> = entry
            .oral
            .iter()
            .map(|t| fill(t, &self.vars("", "", "")))
            .collect();
        let surname = self.surname().to_string();
        let rest_of = |f: &str| f.strip_prefix(surname.as_str()).map(str::to_string);
        let first = forms.first().cloned().unwrap_or_default();
        self.oral = Form {
            rest: rest_of(&first),
            text: first,
            basis: b.clone(),
            note: String::new(),
        };
        // The short form of the oral form, when the data lists it (王科长 → 王科).
        let short = self.oral.rest.as_deref().and_then(|rest| {
            let sf = data.address.short_form(rest)?;
            let text = format!("{surname}{}", sf.short);
            forms.contains(&text).then_some((text, sf))
        });
        if let Some((text, sf)) = short {
            self.cite(&sf.sources);
            self.short = Some(Form {
                text,
                rest: Some(sf.short.to_string()),
                basis: basis(b.rule.clone(), b.strength.max(sf.strength)),
                note: String::new(),
            });
        }
        for f in forms.iter().skip(1) {
            if self.short.as_ref().is_some_and(|s| &s.text == f) {
                continue;
            }
            self.alternatives.push(Form {
                text: f.clone(),
                rest: rest_of(f),
                basis: b.clone(),
                note: entry.oral_note.to_string(),
            });
        }
        for a in entry.avoid.iter() {
            let form = fill(a, &self.vars("", "", ""));
            self.add_avoid(form, &entry.avoid_why, strength);
        }

        if let Some(g) = via {
            self.warnings.push(format!(
                "{}：参考资料未论及{}的称呼，按对应的综合管理类职级“{}”推断",
                Strength::Unconfirmed.label(),
                rank.sequence.label(),
                g.name
            ));
        } else if entry.strength == Strength::Unconfirmed {
            let why = entry.post2019_note.as_deref().unwrap_or(&entry.oral_note);
            self.warnings
                .push(format!("{}：{why}", Strength::Unconfirmed.label()));
        }
        self.notes.push(Note {
            text: entry.oral_note.to_string(),
            strength,
        });
        self.note("oral.post_over_zhiji");
        if let (Some(to), false) = (&rank.converts_to, rank.is_current()) {
            self.notes.push(Note {
                text: format!(
                    "{}是2019年前的非领导职务，2019年6月1日起套转为{to}；名片上若是新职级，书面按新职级写",
                    rank.name
                ),
                strength: rank_strength(rank),
            });
        }
    }

    /// The written salutation and the formal introduction: 副 kept, the
    /// full name when known (or asked for, when a surname pitfall needs it).
    fn formal(&mut self) {
        match self.rank_entry {
            Some((entry, strength)) => {
                let written = fill(&entry.written, &self.vars("", "", ""));
                self.written = self.salutation(&written);
                self.written.1 = basis(
                    format!("rank_address:{}", self.r.name),
                    strength.max(self.written.1.strength),
                );
                let formal = Vars {
                    surname: self.full_name(),
                    ..self.vars("", "", "")
                };
                let formal = fill(&entry.written, &formal);
                self.introduce = self.introduction(&formal);
                self.introduce.1.strength = self.introduce.1.strength.max(strength);
            }
            None => {
                let full = self.r.name.clone();
                let written = format!("{}{full}", self.surname());
                self.written = self.salutation(&written);
                let name = format!("{}{full}", self.full_name());
                self.introduce = self.introduction(&name);
            }
        }
    }

    /// Surname pitfalls (傅/付/符/贾, 范局/史科, 姓 + 副).
    fn pitfalls(&mut self) {
        let Some(surname) = self.surname.clone() else {
            return;
        };
        let data = self.data;
        for p in data.address.pitfalls(&surname) {
            let id = format!("surname_pitfall:{surname}");
            match p.applies_to {
                PitfallKind::SurnameTitle if p.strength == Strength::Unconfirmed => {
                    self.cite(&p.sources);
                    self.warnings.push(format!(
                        "姓“{surname}”（{}）：{}。稳妥起见可用：{}",
                        p.strength.label(),
                        p.why,
                        p.instead
                    ));
                }
                PitfallKind::SurnameTitle => {
                    let hit = |f: &Form| f.rest.as_deref().is_some_and(|r| r != "老师");
                    if !hit(&self.oral) && !self.short.as_ref().is_some_and(hit) {
                        continue;
                    }
                    self.cite(&p.sources);
                    let rule = self.rule("oral.surname_blacklist");
                    // Without the given name: the pitfall's own fallback
                    // (贾: the bare title), or ask for the name.
                    let fallback = p
                        .without_given_name
                        .as_deref()
                        .filter(|_| self.given.is_none())
                        .map(|id| self.rule(id));
                    let rule = fallback.unwrap_or(rule);
                    if hit(&self.oral) {
                        let rest = self.oral.rest.clone().unwrap_or_default();
                        let title = self.full_title_of(&rest);
                        self.add_avoid(self.oral.text.clone(), &p.why, p.strength);
                        self.oral = Form {
                            text: fill(&rule.template, &self.vars(&title, &title, "")),
                            rest: None,
                            basis: basis(id.clone(), p.strength.max(self.oral.basis.strength)),
                            note: String::new(),
                        };
                    }
                    if let Some(s) = self.short.take() {
                        self.add_avoid(s.text, &p.why, p.strength);
                    }
                    let (bad, keep): (Vec<Form>, Vec<Form>) =
                        self.alternatives.drain(..).partition(hit);
                    self.alternatives = keep;
                    for f in bad {
                        self.add_avoid(f.text, &p.why, p.strength);
                    }
                    if self.given.is_none() {
                        self.need_given_name = true;
                    }
                    let ask = if self.given.is_none() && fallback.is_none() {
                        "（需要先问清对方的名）"
                    } else {
                        ""
                    };
                    self.warnings.push(format!(
                        "姓“{surname}”：{}。改用：{}{ask}",
                        p.why, p.instead
                    ));
                }
                PitfallKind::ShortForm => {
                    let Some(sf) = data.address.short_form(&p.title) else {
                        continue;
                    };
                    let bad = |f: &Form| f.rest.as_deref() == Some(&*sf.short);
                    let mut hit = false;
                    if bad(&self.oral) {
                        self.add_avoid(self.oral.text.clone(), &p.why, p.strength);
                        self.oral.text = format!("{surname}{}", p.title);
                        self.oral.rest = Some(p.title.to_string());
                        self.oral.basis =
                            basis(id.clone(), p.strength.max(self.oral.basis.strength));
                        hit = true;
                    }
                    if let Some(s) = self.short.take_if(|s| bad(s)) {
                        self.add_avoid(s.text, &p.why, p.strength);
                        hit = true;
                    }
                    let before = self.alternatives.len();
                    self.alternatives.retain(|f| !bad(f));
                    hit |= before != self.alternatives.len();
                    if hit {
                        self.cite(&p.sources);
                        self.warnings
                            .push(format!("姓“{surname}”：{}。改用：{}", p.why, p.instead));
                    }
                }
                PitfallKind::SurnameFu => {
                    if !self.r.deputy() {
                        continue;
                    }
                    self.cite(&p.sources);
                    self.add_avoid(format!("{surname}副"), &p.why, p.strength);
                    self.warnings
                        .push(format!("姓“{surname}”：{}。改用：{}", p.why, p.instead));
                }
            }
        }
    }

    /// The title a form's tail stands for: 局 → 局长 (a short form), or the
    /// tail itself.
    fn full_title_of(&self, rest: &str) -> String {
        self.data
            .address
            .short_forms
            .iter()
            .find(|s| s.short == rest)
            .map_or_else(|| rest.to_string(), |s| s.title.to_string())
    }

    /// A deputy whose head has the same surname: given name + title.
    fn same_surname(&mut self) {
        if !self.same_surname {
            return;
        }
        let kind = self.r.kind();
        if !self.r.deputy() || matches!(kind, TitleKind::Rank | TitleKind::LegacyRank) {
            self.warnings
                .push("“与正职同姓”只影响副职的称呼，此处不适用".to_string());
            return;
        }
        if kind == TitleKind::Military {
            self.warnings
                .push("军队职务当面保留“副”，与正职同姓也不会混淆，按默认称呼".to_string());
            return;
        }
        let rule = self.rule("oral.deputy_same_surname");
        let spoken = self.spoken.clone();
        self.oral = Form {
            text: fill(&rule.template, &self.vars(&spoken, &spoken, "")),
            rest: None,
            basis: basis(&*rule.id, rule.strength.max(self.oral.basis.strength)),
            note: String::new(),
        };
        if let Some(s) = self.short.take() {
            self.add_avoid(s.text, "与正职同姓：简称分不清正副职", rule.strength);
        }
        let oral = self.oral.text.clone();
        self.alternatives.retain(|f| f.text != oral);
        if self.given.is_none() {
            self.warnings
                .push("与正职同姓时要用 名 + 职务：请先问清对方的名".to_string());
        }
    }

    /// Spoken English and the English title.
    fn english(&mut self) {
        let data = self.data;
        let r = self.r;
        let mut names: Vec<String> = vec![r.canonical.clone(), r.name.clone()];
        let mut via_head = false;
        match r.found {
            Found::Rank(rank) => {
                let mut push = |n: &str| {
                    let stem = ["一级", "二级", "三级", "四级"]
                        .iter()
                        .find_map(|p| n.strip_prefix(p))
                        .unwrap_or(n);
                    for x in [n, stem, without_fu(stem)] {
                        names.push(x.to_string());
                    }
                };
                // Only the rank's own names: 一级高级主管 is not a 调研员 in English.
                push(&rank.name);
            }
            _ if r.deputy() => {
                via_head = true;
                names.push(without_fu(&r.name).to_string());
            }
            _ => {}
        }
        let found = names
            .iter()
            .enumerate()
            .find_map(|(i, n)| data.address.english_of(n).map(|e| (i, e)));
        let pinyin = match &self.surname {
            None => NO_SURNAME.to_string(),
            Some(s) => data.surname_pinyin(s).unwrap_or_else(|| {
                self.warnings
                    .push(format!("未收录姓“{s}”的拼音：英文中请换成其汉语拼音"));
                s.clone()
            }),
        };
        let v = Vars {
            pinyin,
            ..self.vars("", "", "")
        };
        let own = match r.found {
            Found::Title(t) if !r.derived_deputy => t.english.as_deref(),
            Found::Rank(rank) => rank.english.as_deref(),
            _ => None,
        };
        match found {
            Some((i, e)) => {
                self.cite(&e.sources);
                self.english = (
                    fill(&e.spoken, &v),
                    basis(format!("english:{}", e.title), e.strength),
                );
                // A deputy read through its head's entry: the head's title is
                // not theirs.
                let head_entry = via_head && i >= 2;
                self.english_title = if head_entry {
                    own.map(str::to_string)
                } else {
                    Some(e.english.to_string())
                };
            }
            None => {
                let rule = self.rule("english");
                self.english = (
                    fill("Mr./Ms. {Surname}", &v),
                    basis(&*rule.id, rule.strength),
                );
                self.english_title = own.map(str::to_string);
                self.notes.push(Note {
                    text: "英文头衔没有记录的口头称呼：用 Mr./Ms. + 姓".to_string(),
                    strength: rule.strength,
                });
            }
        }
        if r.deputy() && r.kind() != TitleKind::Military {
            self.note("english.drop_deputy");
            self.note("english.keep_deputy_written");
        }
        let rule = self.rule("english.no_comrade");
        self.add_avoid(fill("Comrade {Surname}", &v), &rule.text, rule.strength);
    }

    /// Words an outsider should never use.
    fn forbidden(&mut self) {
        let holds_post = !matches!(self.r.found, Found::Rank(_));
        let data = self.data;
        for f in data.address.forbidden.iter() {
            if f.post_holders_only && !holds_post {
                continue;
            }
            self.cite(&f.sources);
            let form = fill(&f.word, &self.vars("", "", ""));
            if !self.avoid.iter().any(|a| a.form == form) {
                self.avoid.push(Avoid {
                    form,
                    why: f.why.to_string(),
                    strength: f.strength,
                    general: true,
                });
            }
        }
    }

    fn finish(mut self, input: &str) -> Address<'a> {
        if self.unsourced {
            let unconfirmed = Strength::Unconfirmed;
            self.oral.basis.strength = unconfirmed;
            self.written.1.strength = unconfirmed;
            self.introduce.1.strength = unconfirmed;
            if let Some(s) = &mut self.short {
                s.basis.strength = unconfirmed;
            }
            for a in &mut self.alternatives {
                a.basis.strength = unconfirmed;
            }
        }
        if self.short.is_some() && self.rank_entry.is_none() {
            self.note("oral.outsider_progression");
        }
        let oral_alternatives = self
            .alternatives
            .into_iter()
            .filter(|f| f.text != self.oral.text)
            .map(|f| Alternative {
                form: f.text,
                note: f.note,
                strength: f.basis.strength,
            })
            .collect();
        Address {
            input: input.to_string(),
            title: self.r.canonical.clone(),
            kind: self.r.kind(),
            deputy: self.r.deputy(),
            oral: self.oral.text,
            oral_short: self.short.as_ref().map(|s| s.text.clone()),
            oral_alternatives,
            written: self.written.0,
            introduce: self.introduce.0,
            english: self.english.0,
            english_title: self.english_title,
            basis: Bases {
                oral: self.oral.basis,
                oral_short: self.short.map(|s| s.basis),
                written: self.written.1,
                introduce: self.introduce.1,
                english: self.english.1,
            },
            avoid: self.avoid,
            warnings: self.warnings,
            notes: self.notes,
            sources: self.sources,
            at: None,
            level: None,
        }
    }
}

/// The strength that matches a rank entry's confidence, for notes built from
/// ranks.toml facts.
fn rank_strength(rank: &Rank) -> Strength {
    use crate::schema::Confidence;
    match rank.confidence {
        Confidence::Official | Confidence::Secondary => Strength::Official,
        Confidence::CommonKnowledge | Confidence::Customary => Strength::CommonPractice,
        Confidence::Unconfirmed => Strength::Unconfirmed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_tail_counts_characters() {
        assert_eq!(split_tail("县委书记", 2), ("县委", "书记"));
        assert_eq!(split_tail("书记", 5), ("", "书记"));
    }

    #[test]
    fn prefixes_that_belong_to_the_title_stay() {
        assert!(strippable("县委"));
        assert!(!strippable("副"));
        assert!(!strippable("常务"));
        assert!(!strippable("中共中央总"));
        assert!(!strippable(""));
        assert!(!strippable("big"));
    }

    #[test]
    fn fu_is_dropped_once() {
        assert_eq!(without_fu("副局长"), "局长");
        assert_eq!(without_fu("常务副省长"), "省长");
        assert_eq!(without_fu("局长"), "局长");
        assert_eq!(without_fu("副"), "副");
    }

    #[test]
    fn spoken_titles_drop_the_unit() {
        let data = crate::builtin();
        assert_eq!(spoken_title(data, "国务院总理"), "总理");
        assert_eq!(spoken_title(data, "中央纪委书记"), "书记");
        assert_eq!(spoken_title(data, "中共中央总书记"), "总书记");
        assert_eq!(spoken_title(data, "常务副省长"), "常务副省长");
        assert_eq!(spoken_title(data, "全国人大常委会副委员长"), "副委员长");
        assert_eq!(spoken_title(data, "总工程师"), "总工程师");
    }

    #[test]
    fn reading_titles() {
        let data = crate::builtin();
        let r = resolve_title(data, "县委书记").unwrap();
        assert_eq!(
            (r.name.as_str(), r.prefix.as_deref()),
            ("书记", Some("县委"))
        );
        let r = resolve_title(data, "市公安局副局长").unwrap();
        assert_eq!(r.name, "副局长");
        let r = resolve_title(data, "副校长").unwrap();
        assert!(r.derived_deputy && r.deputy());
        let r = resolve_title(data, "常务副县长").unwrap();
        assert_eq!(
            (r.name.as_str(), r.canonical.as_str()),
            ("常务副县长", "副县长")
        );
        let r = resolve_title(data, "镇长").unwrap();
        assert_eq!(r.name, "镇长");
        let r = resolve_title(data, "Governor").unwrap();
        assert_eq!(r.name, "省长");
        assert!(resolve_title(data, "副副局长").is_err());
        assert!(resolve_title(data, "副调研员").is_ok());
        assert!(resolve_title(data, "副一级调研员").is_err());
    }

    #[test]
    fn pinyin_of_surnames() {
        let data = crate::builtin();
        assert_eq!(data.surname_pinyin("王").as_deref(), Some("Wang"));
        assert_eq!(data.surname_pinyin("单").as_deref(), Some("Shan"));
        assert_eq!(data.surname_pinyin("欧阳").as_deref(), Some("Ouyang"));
        assert_eq!(data.surname_pinyin("王李").as_deref(), Some("Wangli"));
        assert_eq!(data.surname_pinyin("wang").as_deref(), Some("Wang"));
        assert_eq!(data.surname_pinyin("𠀀"), None);
        assert_eq!(data.surname_pinyin(""), None);
    }
}
