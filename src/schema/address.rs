//! The data model of `data/address.toml`: forms of address (称呼).
//!
//! Every convention carries a [`Strength`] (the label of
//! `forms_of_address.md`) and the ids of its sources, so that an answer can
//! show how sure it is. Templates use the placeholders listed in the file's
//! header: `{姓}`, `{名}`, `{姓名}`, `{单位}`, `{职务}`, `{职务全称含副}`,
//! `{简称}`, `{职级}` and `{Surname}`.

use super::{List, Role, Source, Strength, Text};
use serde::{Deserialize, Serialize};

/// Where a convention applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// Face to face.
    Oral,
    /// Letters, e-mail, printed matter.
    Written,
    /// Introductions, name cards, roll-calls.
    Intro,
    /// English, for foreign visitors.
    English,
}

/// One convention, with the template it produces (`""` when it is advice).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// `oral.default`, `written.salutation` …: code refers to rules by id.
    pub id: Text,
    /// Where it applies.
    pub channel: Channel,
    /// The convention, in Chinese, as shown to users.
    pub text: Text,
    /// The form it produces, or `""`.
    pub template: Text,
    /// An example of the form or advice (`王局长`).
    pub example: Text,
    /// How strong the evidence is.
    pub strength: Strength,
    /// Source ids (`address:S1` …).
    pub sources: List<Text>,
}

/// A title whose familiar short form is 姓 + one character (局长 → 王局).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShortForm {
    /// The title (`局长`).
    pub title: Text,
    /// What follows the surname: `局`.
    pub short: Text,
    /// How strong the evidence is.
    pub strength: Strength,
    /// Source ids.
    pub sources: List<Text>,
}

/// A title with no short form in use (书记 → always ×书记).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoShortForm {
    /// The title (`书记`).
    pub title: Text,
    /// How strong the evidence is.
    pub strength: Strength,
    /// Source ids; may be empty.
    pub sources: List<Text>,
    /// The advice, in Chinese, shown to users.
    pub note: Text,
}

/// Which form a surname pitfall spoils.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PitfallKind {
    /// 姓 + 职务 and its short forms (傅局长, 傅局).
    SurnameTitle,
    /// Only the short form of one title (范局, 史科).
    ShortForm,
    /// 姓 + 副 for a deputy (祖副, 岳副).
    SurnameFu,
}

/// A surname that sounds wrong in some form of address.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SurnamePitfall {
    /// The surname (`傅`).
    pub surname: Text,
    /// What it sounds like (`副`), or `""` where the reference does not say.
    pub sounds_like: Text,
    /// Which form it spoils.
    pub applies_to: PitfallKind,
    /// The title concerned (for `short_form`), or `""` for any title.
    pub title: Text,
    /// Why, in Chinese; `{称呼}` and `{谐音}` stand for the form and what it sounds like.
    pub why: Text,
    /// What to say instead.
    pub instead: Text,
    /// How strong the evidence is.
    pub strength: Strength,
    /// Source ids.
    pub sources: List<Text>,
    /// For `surname_title`: the rule whose form to use when the given name
    /// is unknown (贾: `oral.title_only`, the bare title). Without it the
    /// answer asks for the given name.
    pub without_given_name: Option<Text>,
}

/// How to address the holder of a 职级 without a leadership post.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RankAddress {
    /// Rank names (data/ranks.toml) this entry covers.
    pub applies_to: List<Text>,
    /// Oral forms, best first.
    pub oral: List<Text>,
    /// When each oral form fits.
    pub oral_note: Text,
    /// Forms not to use to the person's face.
    pub avoid: List<Text>,
    /// Why those forms are wrong.
    pub avoid_why: Text,
    /// The name in writing (wrapped in the salutation of `written.salutation`).
    pub written: Text,
    /// The strength of `written` where it is weaker than the entry's.
    #[serde(default)]
    pub written_strength: Option<Strength>,
    /// How the 职级 is written in formal text (名单, 公文): `{职级}{姓名}`.
    #[serde(default)]
    pub formal: Option<Text>,
    /// How strong the evidence is.
    pub strength: Strength,
    /// Source ids.
    pub sources: List<Text>,
    /// For post-2019 names: why this is an extrapolation.
    pub post2019_note: Option<Text>,
}

/// A word an outsider should not use.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Forbidden {
    /// The word, possibly a template (`小{姓}`).
    pub word: Text,
    /// Why not, in Chinese.
    pub why: Text,
    /// How strong the evidence is.
    pub strength: Strength,
    /// Source ids.
    pub sources: List<Text>,
    /// Only wrong for someone who holds a post (老师 is right for a 科员).
    #[serde(default)]
    pub post_holders_only: bool,
}

/// An English rendering of a title and how it is said to the person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct English {
    /// The title, as named in `data/ranks.toml` or `[[other_title]]`.
    pub title: Text,
    /// Only for the post in these bodies: the words before the title end
    /// with one of them (人大常委会 for 县人大常委会副主任, 组织部 for a
    /// Party 部长; not 县人大常委会办公室主任).
    /// Empty: the title as such, whose English must be the one
    /// `data/ranks.toml` gives it.
    #[serde(default)]
    pub within: List<Text>,
    /// Also for the title in these kinds of organisation (`--at`), where it
    /// is only that post (部长 at a 县: the Party committee's).
    #[serde(default)]
    pub at: List<Text>,
    /// The title in writing and on name cards. `{Tier}` is the tier named
    /// before the title (County, Municipal …), `…` when none is.
    pub english: Text,
    /// Spoken address: `Director {Surname}`.
    pub spoken: Text,
    /// Other spoken forms the reference gives.
    #[serde(default)]
    pub spoken_alt: List<Text>,
    /// Spoken forms wrong for this post (Party Secretary {Surname} for a
    /// 纪委书记).
    #[serde(default)]
    pub avoid: List<Text>,
    /// Why those are wrong.
    #[serde(default)]
    pub avoid_why: Text,
    /// How strong the evidence is.
    pub strength: Strength,
    /// Source ids.
    pub sources: List<Text>,
}

/// What a title outside `data/ranks.toml` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OtherKind {
    /// A civil-service post the level data does not cover (部长助理).
    CivilService,
    /// PLA and armed police: 副 is kept in speech.
    Military,
    /// State-owned enterprises (总经理).
    Enterprise,
    /// Professional titles (工程师).
    Professional,
    /// Village (社区) posts: not civil servants (村党支部书记).
    Village,
}

/// A title that conventions of address mention but `data/ranks.toml` does
/// not hold: it can be addressed, but has no level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OtherTitle {
    /// The title (`总经理`).
    pub name: Text,
    /// Other names of the title.
    #[serde(default)]
    pub aliases: List<Text>,
    /// Which field it belongs to.
    pub kind: OtherKind,
    /// As in data/ranks.toml: a deputy is 副 + a head title here.
    pub role: Role,
    /// What it is, shown with the answer.
    pub note: Text,
    /// The title as said, where it is not the name (书记 for 村党支部书记).
    #[serde(default)]
    pub spoken: Option<Text>,
    /// The face-to-face form where it is not 姓 + title (研究员: `{姓}老师`).
    #[serde(default)]
    pub oral: Option<Text>,
    /// The strength of the forms, where weaker than the rules applied to
    /// officials (姓 + 职务 for a 董事长: the reference covers officials).
    #[serde(default)]
    pub strength: Option<Strength>,
    /// Sources of `oral`.
    #[serde(default)]
    pub sources: List<Text>,
}

/// The Hanyu Pinyin of a surname, for English forms.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SurnamePinyin {
    /// The surname in characters (`欧阳`).
    pub hanzi: Text,
    /// Its Hanyu Pinyin, capitalised, without tone marks (`Ouyang`).
    pub pinyin: Text,
}

/// Surname romanisation (not a convention of address: plain Hanyu Pinyin).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Romanisation {
    /// How the surname is written in English, shown to users.
    pub note: Text,
    /// The surnames the table covers.
    pub surnames: List<SurnamePinyin>,
}

/// The contents of `data/address.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AddressFile {
    /// `[[source]]`: the sources the file's conventions cite.
    #[serde(default, rename = "source")]
    pub sources: List<Source>,
    /// `[[rule]]`: the conventions, by id.
    #[serde(default, rename = "rule")]
    pub rules: List<Rule>,
    /// `[[short_form]]`: titles with a 姓 + one character form.
    #[serde(default, rename = "short_form")]
    pub short_forms: List<ShortForm>,
    /// `[[no_short_form]]`: titles without one.
    #[serde(default, rename = "no_short_form")]
    pub no_short_forms: List<NoShortForm>,
    /// `[[surname_pitfall]]`: surnames that sound wrong in some forms.
    #[serde(default, rename = "surname_pitfall")]
    pub surname_pitfalls: List<SurnamePitfall>,
    /// `[[rank_address]]`: how to address 职级 holders.
    #[serde(default, rename = "rank_address")]
    pub rank_addresses: List<RankAddress>,
    /// `[[forbidden]]`: words an outsider should not use.
    #[serde(default)]
    pub forbidden: List<Forbidden>,
    /// `[[english]]`: English titles and spoken forms.
    #[serde(default)]
    pub english: List<English>,
    /// `[[other_title]]`: titles outside `data/ranks.toml`.
    #[serde(default, rename = "other_title")]
    pub other_titles: List<OtherTitle>,
    /// `[romanisation]`: surname Pinyin.
    pub romanisation: Romanisation,
}

impl AddressFile {
    /// The rule with this id.
    ///
    /// ```
    /// let data = rankinfo::builtin();
    /// assert_eq!(data.address.rule("oral.default").unwrap().template, "{姓}{职务}");
    /// ```
    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }

    /// The short-form entry of a title.
    ///
    /// ```
    /// let data = rankinfo::builtin();
    /// assert_eq!(data.address.short_form("局长").unwrap().short, "局");
    /// assert!(data.address.short_form("书记").is_none()); // always 王书记
    /// ```
    pub fn short_form(&self, title: &str) -> Option<&ShortForm> {
        self.short_forms.iter().find(|s| s.title == title)
    }

    /// The entry covering a rank name.
    ///
    /// ```
    /// let data = rankinfo::builtin();
    /// let r = data.address.rank_address("调研员").unwrap();
    /// assert_eq!(r.oral[0], "{姓}处");
    /// assert_eq!(r.avoid[0], "{姓}调研员");
    /// ```
    pub fn rank_address(&self, rank: &str) -> Option<&RankAddress> {
        self.rank_addresses
            .iter()
            .find(|r| r.applies_to.iter().any(|n| n == rank))
    }

    /// The English entry of a title as such (not of a post in one body).
    ///
    /// ```
    /// let data = rankinfo::builtin();
    /// let e = data.address.english_of("局长").unwrap();
    /// assert_eq!((&*e.english, &*e.spoken), ("Director (of the Bureau)", "Director {Surname}"));
    /// ```
    pub fn english_of(&self, title: &str) -> Option<&English> {
        self.english
            .iter()
            .find(|e| e.title == title && e.within.is_empty())
    }

    /// The English entry of a title as a post in the body `text` (the words
    /// before the title) ends with, or in a kind of organisation `at`
    /// where the title is only that post, if there is one.
    ///
    /// ```
    /// let data = rankinfo::builtin();
    /// let e = data.address.english_within("书记", "县委", "").unwrap();
    /// assert_eq!(e.english, "Secretary of the {Tier} Committee of the CPC");
    /// ```
    pub fn english_within(&self, title: &str, text: &str, at: &str) -> Option<&English> {
        self.english.iter().find(|e| {
            e.title == title
                && (e.within.iter().any(|w| text.ends_with(&**w))
                    || (!at.is_empty() && e.at.iter().any(|a| *a == at)))
        })
    }

    /// The pitfalls of a surname.
    ///
    /// ```
    /// use rankinfo::schema::address::PitfallKind;
    /// let data = rankinfo::builtin();
    /// let p = data.address.pitfalls("傅").next().unwrap();
    /// assert_eq!((&*p.sounds_like, p.applies_to), ("副", PitfallKind::SurnameTitle));
    /// ```
    pub fn pitfalls(&self, surname: &str) -> impl Iterator<Item = &SurnamePitfall> {
        self.surname_pitfalls
            .iter()
            .filter(move |p| p.surname == surname)
    }
}
