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
//! - a title listed in `[[other_title]]` (总经理, 工程师, 政委, 董事长,
//!   村支书, 少将 …): outside the civil service, they carry no level;
//! - 副 or 常务 + a known title (副检察长, 常务副县长), read as its deputy;
//! - a unit + a known title (县委书记, 市公安局副局长), read as the title,
//!   the unit named in the introduction; a full title the reader reads
//!   (市委常委、宣传部部长). How it was read is in [`Address::reading`],
//!   never a warning; where the reader places the post outside the civil
//!   service (市人民医院院长) the answer says so ([`Address::sector`]).
//!
//! Every form is the title's own: a pitfall names the forms it spoils (付县
//! for a 县长), a missing surname is shown by example (王县长（姓 + 县长）) and a
//! missing given name by 名 face to face, never a placeholder or a made-up
//! name. English is per post (a 纪委书记, a Party 部长) and, for a title as
//! such, the English `show` gives it.
//!
//! A level (正处级) is not a title: nobody is addressed by it, so it is a
//! [`LookupError::NotATitle`] listing the titles at that level. Anything else
//! unknown is the same did-you-mean [`LookupError`] as [`Dataset::lookup`].

use crate::data::{Dataset, Entry};
use crate::error::LookupError;
use crate::normalize;
use crate::read::{Certainty, Sector};
use crate::schema::address::{OtherKind, OtherTitle, PitfallKind, RankAddress, Rule};
use crate::schema::{Level, Rank, Role, Sequence, Strength, Text, Title};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// The template notation for an unknown surname. No longer used in the
/// forms: see [`EXAMPLE_SURNAME`].
pub const NO_SURNAME: &str = "×";
/// Stands for an unknown given name in written forms and introductions
/// (这位是傅××局长, 尊敬的王××同志：), as the reference writes its templates.
pub const NO_GIVEN_NAME: &str = "××";
/// The surname the forms use as an example when none is given: a face-to-face
/// form is never a placeholder such as ×局长 (see [`Address::example_surname`]).
pub const EXAMPLE_SURNAME: &str = "王";
/// Stands for an unknown given name in a face-to-face form (名 + 局长): never
/// a made-up name.
pub const GIVEN_NAME_GUIDE: &str = "名 + ";

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
    /// For a 职级 holder: the leadership post they held before (局长), by
    /// which they are often still called (王局).
    #[serde(default)]
    pub former_title: Option<String>,
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
    ///
    /// ```
    /// use rankinfo::address::Person;
    /// let data = rankinfo::builtin();
    /// let p = Person::surnamed("王").with_given_name("建国").with_head_of_same_surname();
    /// let a = data.address("副局长", &p).unwrap();
    /// assert_eq!(a.oral, "建国局长"); // 王局长 would be the head
    /// ```
    pub fn with_head_of_same_surname(mut self) -> Person {
        self.same_surname_as_head = true;
        self
    }

    /// The same person, who held `title` before their 职级 (a former 局长
    /// now 一级调研员).
    ///
    /// ```
    /// use rankinfo::address::Person;
    /// let data = rankinfo::builtin();
    /// let a = data.address("一级调研员", &Person::surnamed("王").with_former_title("局长")).unwrap();
    /// assert_eq!((a.oral.as_str(), a.oral_short.as_deref()), ("王局长", Some("王局")));
    /// ```
    pub fn with_former_title(mut self, title: &str) -> Person {
        self.former_title = Some(title.to_string());
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
    /// A village (社区) post: 村党支部书记, 村委会主任.
    Village,
    /// A post in a 事业单位 (a hospital's 院长), read from a full title.
    PublicInstitution,
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

/// A deputy's forms when the head (正职) is in the room.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HeadPresent {
    /// Face to face: 王县长; 建国县长 for a 付/傅/符 or a deputy whose head
    /// has the same surname; never the bare title (that means the head).
    pub oral: String,
    /// The introduction, 副 kept (这位是王副县长).
    pub introduce: String,
    /// Spoken English with Deputy/Vice kept (Vice Governor Li), where the
    /// deputy's English title is recorded.
    pub english: Option<String>,
    /// How strong the evidence is (the sources disagree on conversation).
    pub strength: Strength,
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
    /// How sure the answer is: where a full title was read (深圳市南山区区长),
    /// the lower of the reader's certainty and that of the forms; otherwise
    /// that of the weakest of the forms given (`oral`, `written`,
    /// `introduce`, `english`): official and press → high, weak and
    /// common practice → medium, unconfirmed → low.
    pub certainty: Certainty,
    /// Civil service, or the kind of organisation outside it (a company, a
    /// village, a hospital, the army), where known: outside it the title
    /// carries no civil-service level.
    pub sector: Option<Sector>,
    /// The surname used in the forms as an example (王) when none was given;
    /// `None` when the forms use the person's own surname.
    pub example_surname: Option<&'static str>,
    /// For a deputy (副职): the forms that work when the head (正职) is in
    /// the room.
    pub head_present: Option<HeadPresent>,
    /// How the input was read when it was not a title as such (县委书记 →
    /// 书记, with 县委 as the unit): the program's reasoning, kept out of
    /// `warnings`.
    pub reading: Option<String>,
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
                OtherKind::Village => TitleKind::Village,
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
        id: Text::EMPTY,
        channel: crate::schema::address::Channel::Oral,
        text: Text::EMPTY,
        template: Text::EMPTY,
        example: Text::EMPTY,
        strength: Strength::Unconfirmed,
        sources: crate::schema::List::new(),
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
            name: o.spoken.as_deref().unwrap_or(key).to_string(),
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
    ///
    /// ```
    /// let data = rankinfo::builtin();
    /// assert_eq!(data.surname_pinyin("欧阳").as_deref(), Some("Ouyang"));
    /// assert_eq!(data.surname_pinyin("wang").as_deref(), Some("Wang"));
    /// ```
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
    /// Without a surname the forms use 王 as an example and the face-to-face
    /// form says so (王局长（姓 + 局长）); an unknown given name is 名 face to
    /// face (名 + 局长) and ×× in writing (这位是傅××局长). A level
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
    /// // No surname: 王 as an example, never a placeholder face to face.
    /// let a = data.address("局长", &Default::default()).unwrap();
    /// assert_eq!(a.oral, "王局长（姓 + 局长）");
    /// assert!(data.address("正处级", &Default::default()).is_err());
    /// ```
    pub fn address(&self, title: &str, person: &Person) -> Result<Address<'_>, LookupError> {
        self.address_in(title, person, None)
    }

    /// [`address`](Self::address), in one kind of organisation where known.
    fn address_in<'a>(
        &'a self,
        title: &str,
        person: &Person,
        at: Option<&'a str>,
    ) -> Result<Address<'a>, LookupError> {
        match resolve_title(self, title) {
            Ok(resolved) => {
                let read = self
                    .lookup(title)
                    .is_err()
                    .then(|| self.read_title(title))
                    .flatten();
                let at = at.or(read.and_then(|r| r.context));
                let mut a = address_of(self, title, &resolved, person, at);
                // A full title (深圳市南山区区长): the reader places it.
                if self.lookup(title).is_err() {
                    if let Some(read) = read {
                        a.at = read.context;
                        a.level = read.level;
                        a = a.with_certainty(Some(read.certainty));
                        a.outside(read.sector);
                    } else if matches!(resolved.found, Found::Title(_)) {
                        // 某医院院长 the reader cannot place: its sector still.
                        a.outside(self.resolve(title).sector);
                    }
                }
                Ok(a)
            }
            Err(err) => {
                // A full title (县委书记, 市委常委、宣传部部长): the reader's
                // highest post, addressed as that title in its organisation.
                let read = self.read_title(title).ok_or(err)?;
                let resolved = resolve_title(self, read.title)?;
                let mut a = address_of(self, title, &resolved, person, at.or(read.context));
                a.at = read.context;
                a.level = read.level;
                a.reading = Some(format!("“{title}”按“{}”作答", read.title));
                a.outside(read.sector);
                Ok(a.with_certainty(Some(read.certainty)))
            }
        }
    }

    /// A full title read by the reader: its highest post's canonical title,
    /// kind of organisation and level, as names of the data (so that they
    /// outlive the text), and how sure the reader is.
    pub(crate) fn read_title(&self, text: &str) -> Option<ReadTitle<'_>> {
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
        Some(ReadTitle {
            title,
            context,
            level,
            certainty: r.confidence,
            sector: r.sector,
        })
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
        let mut a = self.address_in(title, person, Some(at))?;
        a.at = Some(at);
        a.level = self
            .lookup(title)
            .ok()
            .and_then(|e| self.summary_at(e, at).level);
        Ok(a)
    }
}

/// A full title as the reader reads it ([`Dataset::read_title`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct ReadTitle<'a> {
    /// The canonical title of its highest post.
    pub title: &'a str,
    /// The kind of organisation.
    pub context: Option<&'a str>,
    /// The level.
    pub level: Option<&'a str>,
    /// How sure the reader is.
    pub certainty: Certainty,
    /// Where the post is, as far as the civil service goes.
    pub sector: Option<Sector>,
}

/// Address a title already read.
pub(crate) fn address_of<'a>(
    data: &'a Dataset,
    input: &str,
    r: &Resolved<'a>,
    person: &Person,
    at: Option<&str>,
) -> Address<'a> {
    let mut d = Draft::new(data, r, person, input);
    d.at = at.map(str::to_string);
    match r.found {
        Found::Rank(rank) => d.rank(rank),
        _ => d.post(),
    }
    d.pitfalls();
    d.same_surname();
    d.formal();
    d.english();
    d.head_present();
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

/// The values of the template placeholders. `{单位}` is the unit the input
/// names, or empty. Borrowed where they can be: one answer fills a dozen
/// templates.
struct Vars<'v> {
    /// The unit, where the input names one (市发改委 in 市发改委一级调研员).
    unit: Cow<'v, str>,
    surname: Cow<'v, str>,
    given: Cow<'v, str>,
    full_name: Cow<'v, str>,
    title: Cow<'v, str>,
    full_title: Cow<'v, str>,
    short: Cow<'v, str>,
    rank: Cow<'v, str>,
    pinyin: Cow<'v, str>,
}

impl Vars<'_> {
    /// The values, owning their text, for a caller that changes the draft
    /// while it fills templates.
    fn into_owned(self) -> Vars<'static> {
        let own = |c: Cow<'_, str>| Cow::Owned(c.into_owned());
        Vars {
            unit: own(self.unit),
            surname: own(self.surname),
            given: own(self.given),
            full_name: own(self.full_name),
            title: own(self.title),
            full_title: own(self.full_title),
            short: own(self.short),
            rank: own(self.rank),
            pinyin: own(self.pinyin),
        }
    }
}

/// The template with its placeholders filled, in one pass: a value is never
/// read again as a template (a unit the user wrote with `{姓}` in it stays
/// as written), and a brace that names no placeholder stays as it is.
fn fill(template: &str, v: &Vars) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        rest = &rest[open..];
        let named = rest.find('}').and_then(|close| {
            let value = match &rest[1..close] {
                "姓名" => &*v.full_name,
                "姓" => &*v.surname,
                "名" => &*v.given,
                "单位" => &*v.unit,
                "职务全称含副" => &*v.full_title,
                "职务" => &*v.title,
                "简称" => &*v.short,
                "职级" => &*v.rank,
                "Surname" => &*v.pinyin,
                _ => return None,
            };
            Some((close, value))
        });
        match named {
            Some((close, value)) => {
                out.push_str(value);
                rest = &rest[close + 1..];
            }
            None => {
                out.push('{');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// An answer being put together.
struct Draft<'a, 'r> {
    data: &'a Dataset,
    r: &'r Resolved<'a>,
    /// The text asked about (县人大常委会副主任): the body it names picks the
    /// English of the post.
    input: String,
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
    /// A deputy's forms with the head in the room.
    head: Option<HeadPresent>,
    /// The leadership post a 职级 holder held before.
    former: Option<String>,
    /// The kind of organisation (`--at`, or where the reader placed a full
    /// title): a 部长 at a 县 is the Party committee's.
    at: Option<String>,
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
    fn new(data: &'a Dataset, r: &'r Resolved<'a>, person: &Person, input: &str) -> Self {
        let empty = || Form {
            text: String::new(),
            rest: None,
            basis: basis("", Strength::Unconfirmed),
            note: String::new(),
        };
        let mut d = Draft {
            data,
            r,
            input: input.to_string(),
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
            head: None,
            former: clean(&person.former_title),
            at: None,
        };
        if let Some(s) = &d.surname {
            if s.chars().count() > 2 {
                d.warnings.push(format!(
                    "姓“{s}”超过两个字：请只填姓（名填在 --given-name）"
                ));
            }
        }
        d
    }

    /// The surname, or the example surname when none is given.
    fn surname(&self) -> &str {
        self.surname.as_deref().unwrap_or(EXAMPLE_SURNAME)
    }

    /// The given name in a face-to-face form: as given, or "名 + ".
    fn given(&self) -> &str {
        self.given.as_deref().unwrap_or(GIVEN_NAME_GUIDE)
    }

    /// 姓名, with ×× for an unknown given name (王××), as formal text and
    /// introductions of a 职级 holder need.
    fn formal_name(&self) -> String {
        format!(
            "{}{}",
            self.surname(),
            self.given.as_deref().unwrap_or(NO_GIVEN_NAME)
        )
    }

    /// 姓名 if the given name is known, else the surname alone.
    fn full_name(&self) -> Cow<'_, str> {
        match &self.given {
            Some(g) => Cow::Owned(format!("{}{g}", self.surname())),
            None if self.need_given_name => {
                Cow::Owned(format!("{}{NO_GIVEN_NAME}", self.surname()))
            }
            None => Cow::Borrowed(self.surname()),
        }
    }

    fn vars<'v>(&'v self, title: &'v str, full_title: &'v str, short: &'v str) -> Vars<'v> {
        // The unit the input names, and what the title's full name says of
        // it (巡视组 of 巡视组组长, 纪委 of 纪委书记: both said without it).
        let full = match self.r.found {
            Found::Other(o) => &*o.name,
            _ => self.r.canonical.as_str(),
        };
        let stem = full.strip_suffix(self.r.name.as_str()).unwrap_or("");
        Vars {
            unit: match self.r.prefix.as_deref() {
                Some(p) if !p.is_empty() => Cow::Owned(format!("{p}{stem}")),
                _ => Cow::Borrowed(stem),
            },
            surname: Cow::Borrowed(self.surname()),
            given: Cow::Borrowed(self.given()),
            full_name: self.full_name(),
            title: Cow::Borrowed(title),
            full_title: Cow::Borrowed(full_title),
            short: Cow::Borrowed(short),
            rank: Cow::Borrowed(&self.r.name),
            pinyin: Cow::Borrowed(""),
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

    /// Add a rule's text as a note, its placeholders filled for this title
    /// ({职级}: 一级调研员).
    fn note(&mut self, id: &str) {
        let rule = self.rule(id);
        let text = fill(&rule.text, &self.vars(&self.spoken, &self.r.name, ""));
        if !text.is_empty() && !self.notes.iter().any(|n| n.text == text) {
            self.notes.push(Note {
                text,
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
            surname: Cow::Borrowed(""),
            ..self.vars("", name, "")
        };
        (fill(&rule.template, &v), basis(&*rule.id, rule.strength))
    }

    /// A formal introduction of a name (这位是 + name).
    fn introduction(&mut self, name: &str) -> (String, Basis) {
        let rule = self.rule("intro.formal");
        let v = Vars {
            full_name: Cow::Borrowed(name),
            ..self.vars("", "", "")
        };
        (fill(&rule.template, &v), basis(&*rule.id, rule.strength))
    }

    /// A post, military, enterprise or professional title.
    fn post(&mut self) {
        let data = self.data;
        if let Some(former) = &self.former {
            // Call high: the post held now, never an old one (S4).
            let rule = address_rule(data, "oral.promotion");
            self.warnings.push(format!(
                "原职务“{former}”不用：有领导职务的人按现任职务称呼。{}",
                rule.text
            ));
        }
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
        if let Found::Other(o) = self.r.found {
            if let Some(t) = &o.oral {
                self.cite(&o.sources);
                let text = fill(t, &self.vars(&spoken, &full, ""));
                let rest = text.strip_prefix(self.surname()).map(str::to_string);
                self.oral = Form {
                    text,
                    rest,
                    basis: basis(
                        format!("other_title:{}", o.name),
                        o.strength.unwrap_or(Strength::Unconfirmed),
                    ),
                    note: String::new(),
                };
            } else if let Some(st) = o.strength {
                self.oral.basis.strength = self.oral.basis.strength.max(st);
            }
        }
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
                    text: format!("简称“{form}”未见来源，稳妥起见用全称"),
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
            .find(|n| n.title == spoken.as_str())
        {
            self.cite(&n.sources);
            // The reference's × is this person's surname here (一律称王书记).
            self.notes.push(Note {
                text: format!("{spoken}：{}", n.note.replace('×', self.surname())),
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
        self.former_post(entry, strength);
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

    /// A 职级 holder who held a leadership post before: called by it (王局),
    /// as is the custom (巡视员: S3, S1; anyone: S19, S2), with the 职级's
    /// forms as alternatives. Without the former post, the custom as a note.
    fn former_post(&mut self, entry: &'a RankAddress, strength: Strength) {
        let xunshiyuan = entry
            .applies_to
            .iter()
            .any(|n| n.ends_with("巡视员") && !n.starts_with('副') && !n.starts_with('助'));
        let id = if xunshiyuan {
            "oral.former_post_zhiji"
        } else {
            "oral.former_post"
        };
        let rule = self.rule(id);
        let st = rule.strength.max(strength);
        let Some(former) = self.former.clone() else {
            self.notes.push(Note {
                text: rule.text.to_string(),
                strength: st,
            });
            return;
        };
        let post = resolve_title(self.data, &former)
            .ok()
            .filter(|r| !matches!(r.found, Found::Rank(_)));
        let Some(post) = post else {
            self.warnings
                .push(format!("原职务“{former}”不是可识别的领导职务：按职级称呼"));
            return;
        };
        // A former deputy is called without 副, as any deputy is.
        let spoken = without_fu(&post.name).to_string();
        let surname = self.surname().to_string();
        let said = Form {
            text: format!("{surname}{spoken}"),
            rest: Some(spoken.clone()),
            basis: basis(id, st),
            note: String::new(),
        };
        let mut old = vec![std::mem::replace(&mut self.oral, said)];
        let short = self
            .data
            .address
            .short_form(&spoken)
            .filter(|sf| sf.strength != Strength::Unconfirmed);
        if let Some(sf) = short {
            self.cite(&sf.sources);
            let form = Form {
                text: format!("{surname}{}", sf.short),
                rest: Some(sf.short.to_string()),
                basis: basis(id, st.max(sf.strength)),
                note: String::new(),
            };
            old.extend(self.short.replace(form));
        } else {
            old.extend(self.short.take());
        }
        for mut f in old.into_iter().rev() {
            f.note = entry.oral_note.to_string();
            self.alternatives.insert(0, f);
        }
        let text = format!("原任{former}：按原职务称{}", self.oral.text);
        self.notes.push(Note { text, strength: st });
    }

    /// The written salutation and the formal introduction: 副 kept, the
    /// full name when known (or asked for, when a surname pitfall needs it).
    fn formal(&mut self) {
        match self.rank_entry {
            Some((entry, strength)) => {
                // Never 姓 + 职级 (尊敬的王调研员：, 这位是王调研员): the
                // person is not called that to their face (S3).
                let named = Vars {
                    full_name: Cow::Owned(self.formal_name()),
                    ..self.vars("", "", "")
                }
                .into_owned();
                let written = fill(&entry.written, &named);
                self.written = self.salutation(&written);
                let own = entry.written_strength.unwrap_or(strength).max(strength);
                let rule = if entry.written_strength.is_some() {
                    self.rule("written.rank_salutation").id.to_string()
                } else {
                    format!("rank_address:{}", self.r.name)
                };
                self.written.1 = basis(rule, own.max(self.written.1.strength));
                let rule = self.rule("intro.rank");
                let unit = Vars {
                    unit: Cow::Owned(self.r.prefix.clone().unwrap_or_else(|| "××局".to_string())),
                    ..named
                };
                self.introduce = (
                    fill(&rule.template, &unit),
                    basis(&*rule.id, rule.strength.max(strength)),
                );
                if let Some(formal) = &entry.formal {
                    self.notes.push(Note {
                        text: format!("正式行文（名单、公文）写职级全称：{}", fill(formal, &unit)),
                        strength,
                    });
                }
                if entry.written_strength.is_some() {
                    let rule = self.rule("written.rank_salutation");
                    let text =
                        fill(&rule.text, &self.vars("", "", "")).replace("{称呼}", &self.written.0);
                    self.notes.push(Note {
                        text,
                        strength: rule.strength,
                    });
                }
            }
            None => {
                let full = self.r.name.clone();
                let written = format!("{}{full}", self.surname());
                self.written = self.salutation(&written);
                let name = format!("{}{full}", self.full_name());
                // With the unit, where the input names one (深圳市南山区).
                self.introduce = self.introduction(&name);
            }
        }
    }

    /// Surname pitfalls (傅/付/符/贾, 范局/史科, 姓 + 副). Their texts name
    /// this title's own forms (付县 for a 县长, not 付局).
    fn pitfalls(&mut self) {
        let Some(surname) = self.surname.clone() else {
            return;
        };
        let data = self.data;
        for p in data.address.pitfalls(&surname) {
            let id = format!("surname_pitfall:{surname}");
            // The title the forms stand for (县 → 县长).
            let rest = self
                .oral
                .rest
                .clone()
                .or_else(|| self.short.as_ref().and_then(|s| s.rest.clone()))
                .unwrap_or_else(|| self.spoken.clone());
            let title = self.full_title_of(&rest);
            let instead = fill(&p.instead, &self.vars(&title, &title, ""));
            match p.applies_to {
                PitfallKind::SurnameTitle if p.strength == Strength::Unconfirmed => {
                    self.cite(&p.sources);
                    let why = pitfall_why(&p.why, &surname, &p.sounds_like, &[]);
                    self.warnings.push(format!(
                        "姓“{surname}”（{}）：{why}。稳妥起见可用：{instead}",
                        p.strength.label(),
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
                    // Not for a deputy: a bare title means the head
                    // (oral.title_only).
                    let deputy = self.r.deputy();
                    let fallback = p
                        .without_given_name
                        .as_deref()
                        .filter(|_| self.given.is_none() && !deputy)
                        .map(|id| self.rule(id));
                    let rule = fallback.unwrap_or(rule);
                    let mut bad: Vec<String> = Vec::new();
                    if hit(&self.oral) {
                        bad.push(self.oral.text.clone());
                        self.oral = Form {
                            text: fill(&rule.template, &self.vars(&title, &title, "")),
                            rest: None,
                            basis: basis(id.clone(), p.strength.max(self.oral.basis.strength)),
                            note: String::new(),
                        };
                    }
                    if let Some(s) = self.short.take() {
                        bad.push(s.text);
                    }
                    let (hits, keep): (Vec<Form>, Vec<Form>) =
                        self.alternatives.drain(..).partition(hit);
                    self.alternatives = keep;
                    bad.extend(hits.into_iter().map(|f| f.text));
                    for form in &bad {
                        let why = pitfall_why(&p.why, &surname, &p.sounds_like, &[form]);
                        self.add_avoid(form.clone(), &why, p.strength);
                    }
                    if self.given.is_none() {
                        self.need_given_name = true;
                    }
                    // A deputy's fallback is not the bare title (it means
                    // the head): only the given-name form applies.
                    let instead = if deputy && p.without_given_name.is_some() {
                        let rule = self.rule("oral.given_name");
                        let v = self.vars(&title, &title, "");
                        format!("名 + 职务（{}）", fill(&rule.template, &v))
                    } else {
                        instead.clone()
                    };
                    let ask = match (self.given.is_none(), fallback.is_none()) {
                        (true, true) if deputy && p.without_given_name.is_some() => {
                            format!("（只称“{title}”一般指正职，对副职不宜；需要先问清对方的名）")
                        }
                        (true, true) => "（需要先问清对方的名）".to_string(),
                        _ => String::new(),
                    };
                    let forms: Vec<&String> = bad.iter().collect();
                    let why = pitfall_why(&p.why, &surname, &p.sounds_like, &forms);
                    self.warnings
                        .push(format!("姓“{surname}”：{why}。改用：{instead}{ask}"));
                }
                PitfallKind::ShortForm => {
                    let Some(sf) = data.address.short_form(&p.title) else {
                        continue;
                    };
                    let bad = |f: &Form| f.rest.as_deref() == Some(&*sf.short);
                    let instead = fill(&p.instead, &self.vars(&p.title, &p.title, ""));
                    let mut forms: Vec<String> = Vec::new();
                    if bad(&self.oral) {
                        forms.push(self.oral.text.clone());
                        self.oral.text = format!("{surname}{}", p.title);
                        self.oral.rest = Some(p.title.to_string());
                        self.oral.basis =
                            basis(id.clone(), p.strength.max(self.oral.basis.strength));
                    }
                    if let Some(s) = self.short.take_if(|s| bad(s)) {
                        forms.push(s.text);
                    }
                    let (hits, keep): (Vec<Form>, Vec<Form>) =
                        self.alternatives.drain(..).partition(bad);
                    self.alternatives = keep;
                    forms.extend(hits.into_iter().map(|f| f.text));
                    for form in &forms {
                        let why = pitfall_why(&p.why, &surname, &p.sounds_like, &[form]);
                        self.add_avoid(form.clone(), &why, p.strength);
                    }
                    if !forms.is_empty() {
                        self.cite(&p.sources);
                        let refs: Vec<&String> = forms.iter().collect();
                        let why = pitfall_why(&p.why, &surname, &p.sounds_like, &refs);
                        self.warnings
                            .push(format!("姓“{surname}”：{why}。改用：{instead}"));
                    }
                }
                PitfallKind::SurnameFu => {
                    if !self.r.deputy() {
                        continue;
                    }
                    self.cite(&p.sources);
                    let form = format!("{surname}副");
                    let why = pitfall_why(&p.why, &surname, "", &[&form]);
                    self.add_avoid(form, &why, p.strength);
                    self.warnings
                        .push(format!("姓“{surname}”：{why}。改用：{instead}"));
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
        // The post in a body the input names (县人大常委会副主任) first,
        // then the title as such.
        let context = normalize::key(&self.input);
        let at = self.at.clone().unwrap_or_default();
        let at = at.as_str();
        // The words before the title: 县人大常委会 of 县人大常委会副主任.
        let before = context
            .strip_suffix(normalize::key(&r.name).as_str())
            .unwrap_or(&context)
            .to_string();
        let within = names.iter().enumerate().find_map(|(i, n)| {
            let e = data.address.english_within(n, &before, at)?;
            // 政协副主席 read through 主席's entry is not the 主席.
            (i < 2 || e.title.starts_with('副')).then_some((i, e))
        });
        let found = within.or_else(|| {
            names
                .iter()
                .enumerate()
                .find_map(|(i, n)| data.address.english_of(n).map(|e| (i, e)))
        });
        let pinyin = match &self.surname {
            None => data.surname_pinyin(EXAMPLE_SURNAME).unwrap_or_default(),
            Some(s) => data.surname_pinyin(s).unwrap_or_else(|| {
                self.warnings
                    .push(format!("未收录姓“{s}”的拼音：英文中请换成其汉语拼音"));
                s.clone()
            }),
        };
        let v = Vars {
            pinyin: Cow::Owned(pinyin),
            ..self.vars("", "", "")
        }
        .into_owned();
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
                // not theirs. A rank: its own English only (none is recorded
                // for the 2019 职级, titles_by_org §5).
                let head_entry = via_head && i >= 2;
                self.english_title = if head_entry || matches!(r.found, Found::Rank(_)) {
                    own.map(str::to_string)
                } else {
                    let tier = match tier(&context) {
                        "…" => tier_at(at),
                        t => t,
                    };
                    Some(e.english.replace("{Tier}", tier))
                };
                for a in e.avoid.iter() {
                    let form = fill(a, &v);
                    if form != self.english.0 {
                        self.add_avoid(form, &e.avoid_why, e.strength);
                    }
                }
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
            // This title's own example where its English title is recorded
            // (Vice Governor Li → Governor Li), else the reference's.
            let rule = self.rule("english.drop_deputy");
            let example = self
                .english_title
                .as_deref()
                .and_then(|t| t.split(['(', '/']).next())
                .map(|t| t.split(" of ").next().unwrap_or(t).trim())
                .filter(|t| t.starts_with("Deputy") || t.starts_with("Vice"))
                // Only where the title is said (not Mr./Ms. + surname).
                .filter(|_| !self.english.0.starts_with("Mr./Ms."))
                .map(|t| {
                    let surname = self.english.0.rsplit(' ').next().unwrap_or("");
                    format!("{t} {surname} → {}", self.english.0)
                })
                .map(|e| format!("（{e}）"))
                .unwrap_or_default();
            self.notes.push(Note {
                text: rule.text.replace("（{英文}）", &example),
                strength: rule.strength,
            });
            self.note("english.keep_deputy_written");
        }
        // Wrong for every official: one of the general words.
        let rule = self.rule("english.no_comrade");
        let form = fill("Comrade {Surname}", &v);
        if !self.avoid.iter().any(|a| a.form == form) {
            self.avoid.push(Avoid {
                form,
                why: rule.text.to_string(),
                strength: rule.strength,
                general: true,
            });
        }
    }

    /// A deputy's forms when the head is in the room: the introduction keeps
    /// 副, conversation keeps the oral form, English keeps Deputy/Vice.
    fn head_present(&mut self) {
        if !self.r.deputy() || !matches!(self.r.kind(), TitleKind::Post) {
            return;
        }
        let rule = self.rule("oral.deputy_head_present");
        let english = self.english_title.as_deref().and_then(|t| {
            // "Vice Governor", "Deputy Director (of the Bureau)" → said
            // without the bracket; only a deputy's own title.
            let said = t.split(['(', '/']).next()?;
            let said = said.split(" of ").next().unwrap_or(said).trim();
            let deputy = (said.starts_with("Deputy") || said.starts_with("Vice"))
                && !self.english.0.starts_with("Mr./Ms.");
            let surname = self.english.0.rsplit(' ').next()?;
            deputy.then(|| format!("{said} {surname}"))
        });
        if english.is_some() {
            self.cite(&address_rule(self.data, "english.drop_deputy").sources);
        }
        let h = HeadPresent {
            oral: self.oral.text.clone(),
            introduce: self.introduce.0.clone(),
            english,
            strength: rule.strength,
        };
        let text = rule
            .text
            .replace("{介绍}", &h.introduce)
            .replace("{称呼}", &h.oral);
        self.notes.push(Note {
            text,
            strength: rule.strength,
        });
        self.head = Some(h);
    }

    /// Words an outsider should never use.
    fn forbidden(&mut self) {
        let holds_post = !matches!(self.r.kind(), TitleKind::Rank | TitleKind::LegacyRank)
            && !matches!(self.r.found, Found::Other(o) if o.kind == OtherKind::Professional);
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
        // Full title first, the short form later: this title's own forms.
        if let (Some(short), None) = (self.short.clone(), self.rank_entry) {
            let rule = self.rule("oral.outsider_progression");
            let text = rule
                .text
                .replace("{全称}", &self.oral.text)
                .replace("{熟称}", &short.text);
            self.notes.push(Note {
                text,
                strength: rule.strength,
            });
        }
        // No surname given: the forms use 王 as an example, and the
        // face-to-face line says so once (王县长（姓 + 县长）).
        let example_surname = self.surname.is_none().then_some(EXAMPLE_SURNAME);
        if example_surname.is_some() {
            if let Some(rest) = self.oral.text.strip_prefix(EXAMPLE_SURNAME) {
                self.oral.text = format!("{}（姓 + {rest}）", self.oral.text);
            }
        }
        // What matters for this title and person first, then the words
        // never to use with any official.
        self.avoid.sort_by_key(|a| a.general);
        let mut seen = vec![self.oral.text.clone()];
        seen.extend(self.short.as_ref().map(|s| s.text.clone()));
        let oral_alternatives = self
            .alternatives
            .into_iter()
            .filter(|f| {
                let new = !seen.contains(&f.text);
                seen.push(f.text.clone());
                new
            })
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
            certainty: Certainty::Low,
            sector: match self.r.found {
                Found::Title(_) | Found::Rank(_) => Some(Sector::CivilService),
                Found::Other(o) => match o.kind {
                    OtherKind::CivilService => Some(Sector::CivilService),
                    OtherKind::Military => Some(Sector::Military),
                    OtherKind::Enterprise => Some(Sector::Enterprise),
                    OtherKind::Village => Some(Sector::Village),
                    OtherKind::Professional => None,
                },
            },
            example_surname,
            head_present: self.head,
            reading: self.r.reading.clone(),
        }
        .with_certainty(None)
    }
}

/// The certainty that matches a strength of evidence (see
/// [`Address::certainty`]).
///
/// ```
/// use rankinfo::{address::certainty_of, read::Certainty, schema::Strength};
/// assert_eq!(certainty_of(Strength::Press), Certainty::High);
/// assert_eq!(certainty_of(Strength::Weak), Certainty::Medium);
/// ```
pub fn certainty_of(s: Strength) -> Certainty {
    match s {
        Strength::Official | Strength::Press => Certainty::High,
        Strength::Weak | Strength::CommonPractice => Certainty::Medium,
        Strength::Unconfirmed => Certainty::Low,
    }
}

impl Address<'_> {
    /// The weakest strength of the forms given: face to face, in writing,
    /// in an introduction and in English.
    ///
    /// ```
    /// use rankinfo::{address::Person, read::Certainty, schema::Strength};
    /// let data = rankinfo::builtin();
    /// let a = data.address("局长", &Person::surnamed("王")).unwrap();
    /// assert_eq!(a.basis.oral.strength, Strength::Press);
    /// assert_eq!(a.weakest(), Strength::Weak); // the written and English forms
    /// assert_eq!(a.certainty, Certainty::Medium);
    /// ```
    pub fn weakest(&self) -> Strength {
        let b = &self.basis;
        [&b.oral, &b.written, &b.introduce, &b.english]
            .iter()
            .map(|b| b.strength)
            .max()
            .unwrap_or(Strength::Unconfirmed)
    }

    /// A civil-service title read in a full title outside the civil service
    /// (市人民医院院长, 村党支部书记): it says so, carries no level, and the
    /// English of the civil-service post (President of the Court) is not
    /// its own.
    pub(crate) fn outside(&mut self, sector: Option<Sector>) {
        let Some(s) = sector.filter(|s| *s != Sector::CivilService) else {
            return;
        };
        if self.sector == Some(s) {
            return;
        }
        if self.sector == Some(Sector::CivilService) {
            self.english_title = None;
        }
        self.sector = Some(s);
        self.kind = match s {
            Sector::Enterprise => TitleKind::Enterprise,
            Sector::Village => TitleKind::Village,
            Sector::Military => TitleKind::Military,
            Sector::PublicInstitution => TitleKind::PublicInstitution,
            _ => self.kind,
        };
        self.level = None;
        self.at = None;
        self.notes.insert(
            0,
            Note {
                text: format!("{}：{}", s.label(), s.why()),
                strength: Strength::CommonPractice,
            },
        );
    }

    /// Set [`Address::certainty`] from the forms and, where a full title was
    /// read, the reader's certainty.
    pub(crate) fn with_certainty(mut self, reader: Option<Certainty>) -> Self {
        let forms = certainty_of(self.weakest());
        self.certainty = reader.map_or(forms, |r| r.max(forms));
        self
    }
}

/// The tier of government the words before a title name, in English (县
/// County, 市 Municipal, 区 District: titles_by_org §5, the Shanghai 2010
/// guideline), or `…`.
fn tier(text: &str) -> &'static str {
    // The place ends where the body begins: 县人大常委会 → 县, 市委组织部 → 市.
    let body = ["人大", "政协", "纪委", "纪工委", "监委", "委"]
        .iter()
        .filter_map(|b| text.find(b))
        .min();
    let place = body.map_or(text, |i| &text[..i]);
    if place.ends_with("中央") {
        return "Central";
    }
    match place.chars().last() {
        Some('县' | '旗') => "County",
        Some('市') => "Municipal",
        Some('区') => "District",
        Some('省') => "Provincial",
        Some('乡' | '镇') => "Township",
        _ => "…",
    }
}

/// The tier of a kind of organisation, in English (县 County, 地级市
/// Municipal …), or `…`.
fn tier_at(at: &str) -> &'static str {
    match at {
        "省" => "Provincial",
        "直辖市" | "副省级市" | "地级市" => "Municipal",
        "县" => "County",
        "直辖市的区" | "副省级市的区" => "District",
        "乡镇" => "Township",
        _ => "…",
    }
}

/// The text of a surname pitfall for the forms it spoils: `{称呼}` is the
/// forms (“付县长”“付县”), `{谐音}` what they sound like (“副县长”“副县”).
fn pitfall_why(why: &str, surname: &str, sounds_like: &str, forms: &[&String]) -> String {
    let sounds: Vec<String> = forms
        .iter()
        .map(|f| match f.strip_prefix(surname) {
            Some(rest) if !sounds_like.is_empty() => format!("{sounds_like}{rest}"),
            _ => f.to_string(),
        })
        .collect();
    let forms: Vec<&str> = forms.iter().map(|f| f.as_str()).collect();
    why.replace("{称呼}", &forms.join("”“"))
        .replace("{谐音}", &sounds.join("”“"))
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
    #[test]
    fn fill_reads_each_placeholder_once() {
        let v = super::Vars {
            unit: "{姓}办".into(),
            surname: "王".into(),
            given: "".into(),
            full_name: "王{名}".into(),
            title: "副局长".into(),
            full_title: "副局长".into(),
            short: "王局".into(),
            rank: "".into(),
            pinyin: "Wang".into(),
        };
        assert_eq!(
            super::fill("{单位}{姓}{职务}，{Surname} {未知} {", &v),
            "{姓}办王副局长，Wang {未知} {"
        );
        assert_eq!(super::fill("{姓名}", &v), "王{名}");
    }

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
