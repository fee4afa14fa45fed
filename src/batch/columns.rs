//! The `rankinfo_` columns appended to every row, and how one row's
//! title (with its organisation) becomes them.

use super::answers::{Answer, Answers, Facts};
use crate::Dataset;
use crate::address::Person;
use crate::read::{Certainty, Note, Resolution, Sector};
use crate::schema::{Grade, Level};
use std::collections::HashMap;
use std::fmt::Write as _;

/// One appended column. Names are a contract: added to, never renamed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// The level (县处级副职), empty when it cannot be determined.
    Level,
    /// The 级别 band of the level (14–20).
    Grade,
    /// The seniority key: 12 = 国家级正职 … 1 = 办事员级; sort descending
    /// for the most senior first. Empty without a level.
    Seniority,
    /// 高, 中, 低 (JSON: high, medium, low).
    Certainty,
    /// A level the text states for the person (（正处级）).
    StatedLevel,
    /// 党政机关, 事业单位, 企业, 村（社区）, 军队, 非职务.
    Sector,
    /// How to address the person face to face (王局长); with a surname.
    AddressOral,
    /// The salutation of a letter (尊敬的王副局长：); with a surname.
    AddressWritten,
    /// Why there is no level, or why the certainty is not 高.
    Note,
}

impl Column {
    /// The header name.
    pub fn name(self) -> &'static str {
        match self {
            Column::Level => "rankinfo_level",
            Column::Grade => "rankinfo_grade",
            Column::Seniority => "rankinfo_seniority",
            Column::Certainty => "rankinfo_certainty",
            Column::StatedLevel => "rankinfo_stated_level",
            Column::Sector => "rankinfo_sector",
            Column::AddressOral => "rankinfo_address_oral",
            Column::AddressWritten => "rankinfo_address_written",
            Column::Note => "rankinfo_note",
        }
    }

    /// Whether the column's values (and its name) come from a fixed
    /// vocabulary that holds no delimiter, quote or line end (tested), so
    /// that a CSV or TSV sink writes them unscanned.
    pub fn is_plain(self) -> bool {
        !matches!(
            self,
            Column::AddressOral | Column::AddressWritten | Column::Note
        )
    }
}

const PLAIN: &[Column] = &[
    Column::Level,
    Column::Grade,
    Column::Seniority,
    Column::Certainty,
    Column::StatedLevel,
    Column::Sector,
    Column::Note,
];
const WITH_ADDRESS: &[Column] = &[
    Column::Level,
    Column::Grade,
    Column::Seniority,
    Column::Certainty,
    Column::StatedLevel,
    Column::Sector,
    Column::AddressOral,
    Column::AddressWritten,
    Column::Note,
];

/// The appended columns, in order; the address columns only when a
/// surname column is given.
pub fn columns(with_address: bool) -> &'static [Column] {
    if with_address { WITH_ADDRESS } else { PLAIN }
}

/// What one row's title amounts to. Reused from row to row.
#[derive(Debug, Default)]
pub struct Annotation<'d> {
    /// The level, from the data (so it outlives the row's text).
    pub level: Option<&'d Level>,
    /// How sure the answer is.
    pub certainty: Certainty,
    /// The 级别 band: a 职级's own where the level came from one
    /// (一级调研员: 11–17), else the level's.
    pub grade: Option<Grade>,
    /// A level the text states for the person.
    pub stated_level: Option<&'d Level>,
    /// Civil service, or where outside it the post is.
    pub sector: Option<Sector>,
    /// Empty without a surname or a title the address rules know.
    pub address_oral: String,
    /// A letter's salutation, with a surname.
    pub address_written: String,
    /// Why there is no level, or why the certainty is not high; else empty.
    pub note: String,
    /// The kind of reason for no level, counted in the summary.
    pub reason: Option<&'static str>,
}

impl Annotation<'_> {
    /// What the plain columns show, packed: equal keys, equal text (a
    /// level is known by its place on the ladder). Never 0.
    pub fn plain_key(&self) -> u64 {
        let order = |l: Option<&Level>| u64::from(l.map_or(0, |l| l.order));
        let grade = self.grade.map_or(0, |g| {
            1 << 16 | u64::from(g.highest) << 8 | u64::from(g.lowest)
        });
        let sector = self.sector.map_or(0, |s| s as u64 + 1);
        1 << 63
            | order(self.level)
            | grade << 8
            | (self.certainty as u64) << 32
            | order(self.stated_level) << 40
            | sector << 48
    }

    /// The column's value where the annotation holds it as text already:
    /// the forms of address and the note.
    pub fn held(&self, column: Column) -> Option<&str> {
        match column {
            Column::AddressOral => Some(&self.address_oral),
            Column::AddressWritten => Some(&self.address_written),
            Column::Note => Some(&self.note),
            _ => None,
        }
    }

    /// The column's value as text (empty when there is none).
    pub fn text(&self, column: Column, out: &mut String) {
        match column {
            Column::Level => out.push_str(self.level.map_or("", |l| &l.name)),
            Column::Grade => {
                if let Some(g) = self.grade {
                    digits(out, g.highest);
                    out.push('–');
                    digits(out, g.lowest);
                }
            }
            Column::Seniority => {
                if let Some(l) = self.level {
                    digits(out, l.seniority());
                }
            }
            Column::Certainty => out.push_str(self.certainty.label()),
            Column::StatedLevel => out.push_str(self.stated_level.map_or("", |l| &l.name)),
            Column::Sector => out.push_str(self.sector.map_or("", Sector::label)),
            Column::AddressOral | Column::AddressWritten | Column::Note => {
                out.push_str(self.held(column).unwrap_or_default())
            }
        }
    }
}

/// A small number in decimal, without the formatting machinery.
fn digits(out: &mut String, n: u8) {
    if n >= 100 {
        out.push(char::from(b'0' + n / 100));
    }
    if n >= 10 {
        out.push(char::from(b'0' + n / 10 % 10));
    }
    out.push(char::from(b'0' + n % 10));
}

/// Which columns of the input hold what.
#[derive(Debug, Clone, Default)]
pub struct Fields<'r> {
    /// The title (职务) as written.
    pub title: &'r str,
    /// The organisation (单位), read in front of the title.
    pub org: Option<&'r str>,
    /// The surname (姓), for the forms of address.
    pub surname: Option<&'r str>,
    /// The given name (名).
    pub given_name: Option<&'r str>,
}

/// Annotates rows through the one reader, keeping its buffers.
pub struct Annotator<'d> {
    data: &'d Dataset,
    text: String,
    with_address: bool,
    /// The answers for texts read before.
    answers: Answers<'d>,
    fresh: Fresh,
    addresses: Addresses,
}

/// Forms of address kept: working them out costs far more than reading
/// the title, and a list repeats them.
#[derive(Default)]
struct Addresses {
    /// By title, context and surname. `None`: they depend on the given
    /// name too (傅 + 局长; 尊敬的李刚娟同志：), see `templates`.
    fixed: HashMap<String, Option<(String, String)>>,
    /// Where they depend on it, by the same and the given name's length:
    /// the forms with [`HOLE`]s where the given name goes. `None`: the
    /// given name does more than fill the hole, not kept.
    templates: HashMap<String, Option<(String, String)>>,
}

/// The most forms of address kept in each map; past it the map starts again.
const ADDRESSES: usize = 20_000;

/// Stands for each character of the given name in a kept template: a
/// private-use character, which no form and no given name it is used for
/// holds.
const HOLE: char = '\u{E000}';

impl<'d> Annotator<'d> {
    /// `with_address`: work out the forms of address (a surname column).
    /// Keeps no answers; see [`Annotator::remembering`].
    pub fn new(data: &'d Dataset, with_address: bool) -> Self {
        Annotator {
            data,
            text: String::new(),
            with_address,
            answers: Answers::new(0),
            fresh: Fresh::default(),
            addresses: Addresses::default(),
        }
    }

    /// Keep up to `answers` answers for texts (单位 + 职务) that come again,
    /// so that a repeated title is read once; the answer is the same.
    pub fn remembering(mut self, answers: usize) -> Self {
        self.answers = Answers::new(answers);
        self
    }

    /// Annotate one row into `ann` (cleared first).
    pub fn annotate(&mut self, f: &Fields<'_>, ann: &mut Annotation<'d>) {
        ann.level = None;
        ann.grade = None;
        ann.certainty = Certainty::Low;
        ann.stated_level = None;
        ann.sector = None;
        ann.address_oral.clear();
        ann.address_written.clear();
        ann.note.clear();
        ann.reason = None;
        // 单位 合肥市财政局 + 职务 副局长 read as one title, unless the title
        // already names its unit.
        // A stray quote of a broken CSV record is not part of the title.
        let title = trimmed(f.title, |t| t.trim().trim_matches('"').trim());
        self.text.clear();
        if let Some(org) = f
            .org
            .map(|o| trimmed(o, str::trim))
            .filter(|o| !o.is_empty())
        {
            if !title.starts_with(org) {
                self.text.push_str(org);
            }
        }
        self.text.push_str(title);
        if title.is_empty() {
            ann.reason = Some("职务为空");
            ann.note.push_str("职务为空");
            return;
        }
        if let Some(a) = self.answers.get(&self.text) {
            take(self.data, &mut self.addresses, &a, f, ann);
            return;
        }
        let a = answer(self.data, &self.text, self.with_address, &mut self.fresh);
        take(self.data, &mut self.addresses, &a, f, ann);
        self.answers.insert(&self.text, &a);
    }
}

/// `s` trimmed by `trim`, but at once when it starts and ends with a CJK
/// character (most titles and organisations), which nothing trims: the
/// Unicode whitespace tests cost a few percent of a row.
fn trimmed(s: &str, trim: fn(&str) -> &str) -> &str {
    // A lead byte three from the end starts the last character.
    let cjk = |lead: u8| (0xE4..=0xE9).contains(&lead);
    match s.as_bytes() {
        [first, .., last3, _, _] if cjk(*first) && cjk(*last3) => s,
        _ => trim(s),
    }
}

/// Texts of an answer worked out afresh, reused from row to row.
#[derive(Debug, Default)]
struct Fresh {
    note: String,
    title: String,
    context: String,
}

/// Read `text` and keep what the columns need.
fn answer<'a, 'd>(
    data: &'d Dataset,
    text: &str,
    with_address: bool,
    fresh: &'a mut Fresh,
) -> Answer<'a, 'd> {
    let r = data.resolve(text);
    // The data's own levels, so that the answer outlives the text.
    let own = |l: &Level| data.levels().find(|x| x.order == l.order);
    let level = r.level.and_then(own);
    fresh.note.clear();
    let reason = if level.is_none() || r.confidence != Certainty::High {
        explain(&r, level.is_none(), &mut fresh.note)
    } else {
        None
    };
    let addressee = r.title.or(r.rank).filter(|_| with_address).map(|t| {
        fresh.title.clear();
        fresh.title.push_str(t);
        fresh.context.clear();
        fresh.context.extend(r.context);
        r.context.is_some()
    });
    let Fresh {
        note,
        title,
        context,
    } = fresh;
    Answer {
        facts: Facts {
            level,
            grade: r.grade().filter(|_| level.is_some()),
            stated_level: r.stated_level.and_then(own),
            certainty: r.confidence,
            sector: r.sector,
            reason,
        },
        note,
        addressee: addressee.map(|has| (title.as_str(), has.then_some(context.as_str()))),
    }
}

/// Fill `ann` from an answer, and the forms of address when there is a
/// surname and an addressee (only asked for with a surname column).
fn take<'d>(
    data: &Dataset,
    addresses: &mut Addresses,
    a: &Answer<'_, 'd>,
    f: &Fields<'_>,
    ann: &mut Annotation<'d>,
) {
    let Facts {
        level,
        grade,
        stated_level,
        certainty,
        sector,
        reason,
    } = a.facts;
    ann.level = level;
    ann.grade = grade;
    ann.stated_level = stated_level;
    ann.certainty = certainty;
    ann.sector = sector;
    ann.note.push_str(a.note);
    ann.reason = reason;
    address(data, addresses, a.addressee, f, ann);
}

/// The note that explains a missing level or a lowered certainty, and for
/// a missing level the kind of reason (counted in the summary).
fn explain(r: &Resolution<'_>, unresolved: bool, out: &mut String) -> Option<&'static str> {
    let notes = r.notes();
    // Outside the civil service says more than "no title found".
    let sector = notes.iter().find(|n| matches!(n, Note::Sector(_)));
    let pick = sector.into_iter().chain(&notes).find_map(|n| {
        let kind = reason(n)?;
        (unresolved || lowers(n)).then_some((n, kind))
    });
    match pick {
        Some((n, kind)) => {
            let _ = write!(out, "{n}");
            unresolved.then_some(kind)
        }
        None if unresolved => {
            out.push_str("层次无法确定");
            Some("层次无法确定")
        }
        None => None,
    }
}

/// The kind of reason a note gives for no level.
fn reason(n: &Note<'_>) -> Option<&'static str> {
    Some(match n {
        Note::NoTitle => "未识别出职务",
        Note::Leftover(_) | Note::GroupInInternalUnit(_) => "有未能识别的部分",
        Note::Sector(_) => "不属党政机关",
        Note::NotAt { .. } | Note::Case { level: None, .. } => "该类机构无此职务",
        Note::DependsOn { .. } => "层次取决于机构",
        Note::SharedName { .. } => "地名重名",
        Note::DevZone => "开发区、新区",
        Note::UnitUnderOrgan(_) => "部委下属机构，规格不明",
        Note::BelowLadder { .. } => "股级，无法定层次",
        Note::NotItsHead { .. } => "部门内某机构的职务，未写明",
        Note::NotHeld => "尚未任职",
        Note::RankWithoutLevel(_) => "职级无对应层次",
        Note::Unplaced => "括号中的层次或职务无法确定",
        Note::PartNotUnderstood => "另有职务未能识别",
        Note::PartLevelUnknown(_) => "另有职务层次不明",
        Note::BesideOutside(_) => "另有职务在党政机关以外",
        Note::ConcurrentAbove { .. } => "兼任职务高出本职",
        Note::RaisedPlace { .. } => "所在地一把手高配",
        Note::RankAbove { .. } => "个人职级高于职务",
        Note::NominatedAbove(_) => "提名职务高于现职",
        Note::KindUnknown { .. } => "省属机构类别不明",
        Note::UnitOutOfPlace { .. } => "机构规格不明",
        Note::Former => "原任职务",
        Note::Investigated => "接受调查时的职务",
        Note::Plaque { .. } => "牌子机构，本身不定规格",
        Note::TypedPlace => "地名不在现行区划",
        Note::CountyThen => "当时为县级市",
        _ => return None,
    })
}

/// Notes that lower the certainty of an answer that has a level.
fn lowers(n: &Note<'_>) -> bool {
    matches!(
        n,
        Note::Leftover(_)
            | Note::Unplaced
            | Note::PartNotUnderstood
            | Note::PartLevelUnknown(_)
            | Note::BesideOutside(_)
            | Note::ConcurrentAbove { .. }
            | Note::RaisedPlace { .. }
            | Note::RankAbove { .. }
            | Note::NominatedAbove(_)
            | Note::KindUnknown { .. }
            | Note::UnitOutOfPlace { .. }
            | Note::Former
            | Note::Investigated
            | Note::TypedPlace
            | Note::CountyThen
            | Note::SharedName { .. }
    )
}

/// The oral and written forms of address, when a surname is given and
/// the title is one the address rules know.
fn address(
    data: &Dataset,
    cache: &mut Addresses,
    addressee: Option<(&str, Option<&str>)>,
    f: &Fields<'_>,
    ann: &mut Annotation<'_>,
) {
    let Some(surname) = f.surname.map(str::trim).filter(|s| !s.is_empty()) else {
        return;
    };
    let Some((title, context)) = addressee else {
        return;
    };
    let given = f.given_name.map(str::trim).filter(|g| !g.is_empty());
    let mut key = String::with_capacity(32);
    let _ = write!(key, "{title}\u{1}{}\u{1}{surname}", context.unwrap_or(""));
    if let Some(Some((oral, written))) = cache.fixed.get(key.as_str()) {
        ann.address_oral.push_str(oral);
        ann.address_written.push_str(written);
        return;
    }
    // A given name that can fill a template: one the forms take as it is
    // (they drop whitespace) and that cannot be taken for a hole.
    let fills = given.filter(|g| g.chars().all(|c| !c.is_whitespace() && c != HOLE));
    // Its template's key, the holes it fills (one per character), and
    // how many.
    let template = fills.map(|g| {
        let n = g.chars().count();
        (format!("{key}\u{1}{n}"), HOLE.to_string().repeat(n), n)
    });
    if let (Some(g), Some((k, hole, _))) = (fills, &template) {
        if let Some(Some((oral, written))) = cache.templates.get(k) {
            ann.address_oral = oral.replace(hole.as_str(), g);
            ann.address_written = written.replace(hole.as_str(), g);
            return;
        }
    }
    let forms = |given: Option<&str>| {
        let mut person = Person::surnamed(surname);
        if let Some(g) = given {
            person = person.with_given_name(g);
        }
        let a = match context {
            Some(ctx) => data.address_at(title, &person, ctx),
            None => data.address(title, &person),
        };
        a.map(|a| (a.oral, a.written)).unwrap_or_default()
    };
    let formed = forms(given);
    if !cache.fixed.contains_key(key.as_str()) {
        // Cached only when the given name changes nothing.
        let other = forms(Some(if given == Some("某某") {
            "某甲"
        } else {
            "某某"
        }));
        let same = other == formed && forms(None) == other;
        if cache.fixed.len() >= ADDRESSES {
            cache.fixed.clear();
        }
        let value = same.then(|| formed.clone());
        cache.fixed.insert(key.clone(), value);
    }
    let depends = matches!(cache.fixed.get(key.as_str()), Some(None));
    if let (Some(g), Some((k, hole, n)), true) = (fills, template, depends) {
        if !cache.templates.contains_key(&k) {
            // Kept as a template only when the given name fills its holes
            // and does nothing else, checked with this name and another
            // of the same length.
            let probe = if g.chars().all(|c| c == '某') {
                "甲"
            } else {
                "某"
            }
            .repeat(n);
            let (t_oral, t_written) = forms(Some(&hole));
            let fill = |name: &str| (t_oral.replace(&hole, name), t_written.replace(&hole, name));
            let fits = fill(g) == formed && fill(&probe) == forms(Some(&probe));
            if cache.templates.len() >= ADDRESSES {
                cache.templates.clear();
            }
            cache
                .templates
                .insert(k, fits.then_some((t_oral, t_written)));
        }
    }
    (ann.address_oral, ann.address_written) = formed;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trimmed_is_trim_where_it_does_not_apply() {
        fn trim(t: &str) -> &str {
            t.trim().trim_matches('"').trim()
        }
        for s in [
            "副局长",
            " 副局长",
            "副局长\u{3000}",
            "\"副局长\"",
            "局",
            "局长a",
            "a局长",
            "",
            "\u{3000}",
            "局\u{3000}",
        ] {
            assert_eq!(super::trimmed(s, trim), trim(s), "{s:?}");
        }
    }

    #[test]
    fn plain_columns_never_need_quoting() {
        let data = crate::builtin();
        let special = |s: &str| {
            s.bytes()
                .any(|b| matches!(b, b',' | b'\t' | b'"' | b'\n' | b'\r'))
        };
        let sectors = [
            Sector::CivilService,
            Sector::PublicInstitution,
            Sector::Enterprise,
            Sector::Village,
            Sector::Military,
            Sector::NotAPost,
        ];
        let certainties = [Certainty::High, Certainty::Medium, Certainty::Low];
        let mut checked = 0;
        for level in data.levels() {
            for (&sector, &certainty) in sectors.iter().zip(certainties.iter().cycle()) {
                let ann = Annotation {
                    level: Some(level),
                    grade: Some(level.grade),
                    stated_level: Some(level),
                    sector: Some(sector),
                    certainty,
                    ..Annotation::default()
                };
                for &c in columns(true).iter().filter(|c| c.is_plain()) {
                    let mut text = String::new();
                    ann.text(c, &mut text);
                    assert!(
                        !text.is_empty() && !special(&text),
                        "{}: {text:?}",
                        c.name()
                    );
                    assert!(!special(c.name()));
                    checked += 1;
                }
            }
        }
        // 12 levels, six sectors, six plain columns.
        assert_eq!(checked, 12 * 6 * 6);
    }

    #[test]
    fn forms_with_the_given_name_are_kept_as_templates() {
        let data = crate::builtin();
        let mut kept = Annotator::new(data, true);
        let mut ann = Annotation::default();
        let row = |given| Fields {
            title: "四级调研员",
            surname: Some("李"),
            given_name: Some(given),
            ..Fields::default()
        };
        for given in ["刚娟", "晓明", "建国", "刚娟"] {
            kept.annotate(&row(given), &mut ann);
            // A fresh annotator works the forms out afresh.
            let mut fresh = Annotation::default();
            Annotator::new(data, true).annotate(&row(given), &mut fresh);
            assert_eq!(ann.address_written, format!("尊敬的李{given}同志："));
            assert_eq!(
                (&ann.address_oral, &ann.address_written),
                (&fresh.address_oral, &fresh.address_written)
            );
        }
        assert!(kept.addresses.templates.values().all(Option::is_some));
        assert_eq!(kept.addresses.templates.len(), 1);
        // Another length is checked and kept on its own.
        kept.annotate(&row("卫东风"), &mut ann);
        assert_eq!(ann.address_written, "尊敬的李卫东风同志：");
        assert_eq!(kept.addresses.templates.len(), 2);
    }

    #[test]
    fn equal_plain_keys_mean_equal_plain_columns() {
        let data = crate::builtin();
        let levels: Vec<Option<&Level>> = data.levels().map(Some).chain([None]).collect();
        let sectors = [
            None,
            Some(Sector::CivilService),
            Some(Sector::PublicInstitution),
            Some(Sector::Enterprise),
            Some(Sector::Village),
            Some(Sector::Military),
            Some(Sector::NotAPost),
        ];
        let grades = [
            None,
            Some(Grade {
                highest: 11,
                lowest: 17,
            }),
        ];
        let mut seen: HashMap<u64, String> = HashMap::new();
        for &level in &levels {
            for &stated_level in &levels {
                for grade in grades.iter().copied().chain([level.map(|l| l.grade)]) {
                    for certainty in [Certainty::High, Certainty::Medium, Certainty::Low] {
                        for &sector in &sectors {
                            let ann = Annotation {
                                level,
                                grade,
                                stated_level,
                                certainty,
                                sector,
                                ..Annotation::default()
                            };
                            let mut text = String::new();
                            for &c in columns(false).iter().filter(|c| c.is_plain()) {
                                ann.text(c, &mut text);
                                text.push('|');
                            }
                            let was = seen.entry(ann.plain_key()).or_insert_with(|| text.clone());
                            assert_eq!(*was, text);
                        }
                    }
                }
            }
        }
        // Distinct facts, distinct keys: 13 levels (or none) as level and as
        // stated level, at least two grades each, three certainties, seven
        // sectors.
        assert!(seen.len() > 13 * 13 * 2 * 3 * 7, "{}", seen.len());
    }
}
