//! `compare`: which of two posts or ranks is senior, and why.

use crate::data::{Dataset, Entry};
use crate::error::LookupError;
use crate::levels::grade_text;
use crate::read::{Certainty, Resolution};
use crate::schema::Sequence;
use crate::show::{Kind, Summary};
use serde::Serialize;
use std::cmp::Ordering;

/// How `a` stands relative to `b`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Relation {
    /// `a` is senior to `b` (高于).
    Higher,
    /// `a` is junior to `b` (低于).
    Lower,
    /// The same level (同级).
    Same,
    /// One side's level depends on its organisation, or is unknown.
    Ambiguous,
}

impl Relation {
    fn from_order(a_order: u8, b_order: u8) -> Relation {
        // Order 1 is the top of the ladder.
        match a_order.cmp(&b_order) {
            Ordering::Less => Relation::Higher,
            Ordering::Greater => Relation::Lower,
            Ordering::Equal => Relation::Same,
        }
    }

    /// The Chinese word for the relation (a 高于 b …).
    pub fn label(self) -> &'static str {
        match self {
            Relation::Higher => "高于",
            Relation::Lower => "低于",
            Relation::Same => "同级于",
            Relation::Ambiguous => "视情况而定，相对于",
        }
    }
}

/// The answer to `rankinfo compare a b`. JSON contract: `a`, `b`, `relation`
/// (read as a relative to b) and `explanation` are stable.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct Comparison<'a> {
    /// The first name, summarised as [`Dataset::summary`](crate::Dataset::summary) does.
    pub a: Summary<'a>,
    /// The second name, summarised.
    pub b: Summary<'a>,
    /// How `a` stands relative to `b`.
    pub relation: Relation,
    /// The reasoning, in Chinese: each side's level and the rule that decided, or
    /// for an ambiguous answer every case.
    pub explanation: String,
    /// `false` when no source links the two (法官等级 and a 职级, a 警衔 and a
    /// post): the relation is then `ambiguous` for that reason.
    pub stated_correspondence: bool,
    /// How sure the answer is: the less sure of the two sides.
    pub certainty: Certainty,
}

/// Compare two names.
///
/// Within one sequence (two 2019 职级, two leadership levels, two pre-2019
/// titles) the sequence order decides. Two 2019 职级 of different sequences
/// compare through their 1:1 综合管理类 equivalents. Anything else compares by
/// equivalent leadership level; a side whose level depends on its
/// organisation makes the answer `Ambiguous`, with every case listed.
///
/// ```
/// use rankinfo::compare::{compare, Relation};
/// let data = rankinfo::builtin();
/// assert_eq!(compare(data, "一级调研员", "二级调研员").unwrap().relation, Relation::Higher);
/// assert_eq!(compare(data, "调研员", "处长").unwrap().relation, Relation::Same);
/// assert_eq!(compare(data, "局长", "处长").unwrap().relation, Relation::Ambiguous);
/// ```
pub fn compare<'a>(
    data: &'a Dataset,
    a: &'a str,
    b: &'a str,
) -> Result<Comparison<'a>, LookupError> {
    compare_at(data, a, b, None)
}

/// [`compare`], with titles placed in one kind of organisation (a context
/// name, [`Dataset::context`]): `局长` and `处长` at `地级市` are the same level.
///
/// ```
/// use rankinfo::compare::{compare_at, Relation};
/// let data = rankinfo::builtin();
/// assert_eq!(compare_at(data, "局长", "处长", Some("地级市")).unwrap().relation, Relation::Same);
/// assert_eq!(compare_at(data, "局长", "处长", Some("副省级市")).unwrap().relation, Relation::Higher);
/// ```
pub fn compare_at<'a>(
    data: &'a Dataset,
    a: &'a str,
    b: &'a str,
    at: Option<&'a str>,
) -> Result<Comparison<'a>, LookupError> {
    let (ea, ra) = side(data, a)?;
    let (eb, rb) = side(data, b)?;
    let summarise = |e, reading: &Option<Resolution<'a>>, text: &'a str| match reading {
        // A full title, read: its level, and how it was read.
        Some(r) => {
            let mut s = data.summary(e);
            s.name = text;
            s.kind = Kind::Title;
            s.level_confidence = r.data_confidence;
            s.at_explanation = Some(r.explanation());
            s.certainty = r.confidence;
            s
        }
        None => match at {
            Some(ctx) => data.summary_at(e, ctx),
            None => data.summary(e),
        },
    };
    let (sa, sb) = (summarise(ea, &ra, a), summarise(eb, &rb, b));
    let placed = |s: &Summary<'a>| s.level.and_then(|l| data.level(l));
    let (relation, basis) = match (at, placed(&sa), placed(&sb)) {
        (Some(ctx), Some(la), Some(lb))
            if sa.at_explanation.is_some() || sb.at_explanation.is_some() =>
        {
            let rel = Relation::from_order(la.order, lb.order);
            (rel, format!("在{ctx}：{}对{}", la.name, lb.name))
        }
        _ => relate(data, ea, eb),
    };
    let mut explanation = String::new();
    match relation {
        Relation::Ambiguous => {
            explanation.push_str(&basis);
        }
        _ => {
            explanation.push_str(&format!(
                "{}（{}）{}{}（{}）：{}。",
                sa.name,
                describe(data, &sa, ea),
                relation.label(),
                sb.name,
                describe(data, &sb, eb),
                basis
            ));
        }
    }
    for e in [ea, eb] {
        if let Some(note) = authority_note(e) {
            explanation.push_str(&note);
        }
    }
    let stated_correspondence = !unlinked(ea, eb);
    for e in [ea, eb] {
        if let Entry::Rank(r) = e {
            let unsure = data
                .rank_level(r)
                .is_some_and(|(_, c)| c == crate::schema::Confidence::Unconfirmed);
            if unsure && relation != Relation::Ambiguous {
                if let Some(n) = r.notes.first() {
                    explanation.push_str(&format!("\n未经证实：{}，{n}。", r.name));
                }
            }
            if r.sequence.outside_civil_service() && relation != Relation::Ambiguous {
                explanation.push_str(&format!(
                    "\n注意：{}是事业单位管理岗位的等级，与公务员职务层次的对应出自人事部2006年岗位设置办法；它本身不是公务员职务层次。",
                    r.name
                ));
            }
        }
    }
    Ok(Comparison {
        certainty: sa.certainty.max(sb.certainty),
        a: sa,
        b: sb,
        relation,
        explanation,
        stated_correspondence,
    })
}

/// One side of a comparison: a name of the data, or else a full title read
/// by the reader (县委书记, 合肥市财政局局长) that comes to a level.
fn side<'a>(
    data: &'a Dataset,
    text: &'a str,
) -> Result<(Entry<'a>, Option<Resolution<'a>>), LookupError> {
    match data.lookup(text) {
        Ok(e) => Ok((e, None)),
        Err(err) => {
            let r = data.resolve(text);
            match (r.level, r.rank.and_then(|k| data.rank(k))) {
                (Some(l), _) => Ok((Entry::Level(l), Some(r))),
                // A grade with no level of its own, read in a full title
                // (海淀区人民法院四级高级法官): compared as that grade.
                (None, Some(rank)) if rank.sequence.stands_alone() => Ok((Entry::Rank(rank), None)),
                (None, _) => Err(err),
            }
        }
    }
}

/// Whether no source links the two: one is of a sequence that stands alone
/// (法官、检察官等级, 警衔) and the other is not of the same sequence.
fn unlinked(a: Entry<'_>, b: Entry<'_>) -> bool {
    let seq = |e: Entry<'_>| match e {
        Entry::Rank(r) => Some(r.sequence),
        _ => None,
    };
    let alone = |e| seq(e).is_some_and(|q| q.stands_alone());
    (alone(a) || alone(b)) && seq(a) != seq(b)
}

/// Why a rank of a stand-alone sequence has no stated counterpart.
fn alone_text(data: &Dataset, e: Entry<'_>, other: Entry<'_>) -> Option<String> {
    let Entry::Rank(r) = e else { return None };
    match r.sequence {
        crate::schema::Sequence::PoliceRank => {
            let posts: Vec<String> = data
                .insignia_posts(&r.name)
                .iter()
                .map(|i| i.post.to_string())
                .collect();
            Some(format!(
                "{}是警衔（衔级），不是职务：按《人民警察警衔条例》第八、九条，它可配{}，没有单一的对应层次，不能与{}直接比较。",
                r.name,
                posts.join("、"),
                other.name()
            ))
        }
        q if q.stands_alone() => Some(format!(
            "{}属{}，是单独职务序列：法律没有规定它与领导职务层次、职级、级别的对应关系（交由国家另行规定，实施办法未见），与{}没有规定的对应关系。",
            r.name,
            q.label(),
            other.name()
        )),
        _ => None,
    }
}

/// The relation and the rule that decided it.
fn relate(data: &Dataset, a: Entry<'_>, b: Entry<'_>) -> (Relation, String) {
    if unlinked(a, b) {
        let why = alone_text(data, a, b)
            .into_iter()
            .chain(alone_text(data, b, a))
            .collect::<Vec<_>>()
            .join("\n");
        return (Relation::Ambiguous, why);
    }
    match (a, b) {
        // The pre-2019 titles of different eras (助理调研员, renamed 副调研员
        // in 2006) share rungs: by level, not by their order in the list.
        (Entry::Rank(x), Entry::Rank(y))
            if x.sequence == Sequence::Legacy && y.sequence == Sequence::Legacy =>
        {
            by_level(data, a, b)
        }
        (Entry::Rank(x), Entry::Rank(y)) if x.sequence == y.sequence => (
            Relation::from_order(x.order, y.order),
            format!("同属{}，按序列先后比较", x.sequence.label()),
        ),
        (Entry::Rank(x), Entry::Rank(y)) if x.is_current() && y.is_current() => {
            match (data.general_rank(x), data.general_rank(y)) {
                (Some(gx), Some(gy)) => (
                    Relation::from_order(gx.order, gy.order),
                    format!(
                        "按对应的综合管理类职级比较：{}相当于{}，{}相当于{}",
                        x.name, gx.name, y.name, gy.name
                    ),
                ),
                _ => by_level(data, a, b),
            }
        }
        _ => by_level(data, a, b),
    }
}

fn by_level(data: &Dataset, a: Entry<'_>, b: Entry<'_>) -> (Relation, String) {
    match (data.level_of(a), data.level_of(b)) {
        (Some((la, _)), Some((lb, _))) => {
            let rel = Relation::from_order(la.order, lb.order);
            let basis = if rel == Relation::Same {
                format!("都相当于{}", la.name)
            } else {
                format!("按领导职务层次比较：{}对{}", la.name, lb.name)
            };
            (rel, basis)
        }
        (None, _) => (Relation::Ambiguous, cases_text(data, a, b, true)),
        (_, None) => (Relation::Ambiguous, cases_text(data, b, a, false)),
    }
}

/// For an entry without a fixed level: what it depends on, and the relation
/// in each case.
fn cases_text(data: &Dataset, open: Entry<'_>, other: Entry<'_>, open_is_a: bool) -> String {
    let Entry::Title(t) = open else {
        return format!("{}没有可比较的层次", open.name());
    };
    if !t.depends_on_context() {
        let why = t.notes.first().map(|n| &**n).unwrap_or("没有法定层次");
        return format!("{}：{}，无法比较。", t.name, why);
    }
    let mut out = format!(
        "{}的层次取决于{}。",
        t.name,
        t.depends_on.as_deref().unwrap_or("所在机构")
    );
    let other_level = data.level_of(other).map(|(l, _)| l);
    for c in t.cases.iter() {
        let Some(level) = c.level.as_deref().and_then(|l| data.level(l)) else {
            out.push_str(&format!("\n  · {}（{}）：层次不明", c.post, c.at));
            continue;
        };
        let rel = match other_level {
            Some(o) if open_is_a => Relation::from_order(level.order, o.order),
            Some(o) => Relation::from_order(o.order, level.order),
            None => Relation::Ambiguous,
        };
        let verdict = match (rel, open_is_a) {
            (Relation::Ambiguous, _) => String::new(),
            (r, true) => format!("，{}{}", r.label(), other.name()),
            (r, false) => format!("，{}{}{}", other.name(), r.label(), t.name),
        };
        out.push_str(&format!(
            "\n  · {}（{}）：{}{}",
            c.post, c.at, level.name, verdict
        ));
    }
    out
}

/// "领导职务，县处级正职，级别12–18" and the like.
fn describe(data: &Dataset, s: &Summary<'_>, e: Entry<'_>) -> String {
    let band = s
        .grade
        .or_else(|| data.grade_of(e))
        .map(grade_text)
        .unwrap_or_else(|| "级别未见来源".into());
    match e {
        // A full title, read: the post's level.
        Entry::Level(l) if s.kind == Kind::Title => format!("{}，{band}", l.name),
        Entry::Level(l) => format!("领导职务层次，{}", band_of(l.is_leadership(), &band)),
        Entry::Rank(r) => {
            let level = data
                .rank_level(r)
                .map(|(l, _)| &*l.name)
                .unwrap_or("层次不明");
            if r.sequence.stands_alone() {
                return format!("{}，单独序列，没有规定的对应层次", r.sequence.label());
            }
            if r.sequence.outside_civil_service() {
                return format!(
                    "{}，对应事业单位的{}，不是公务员职务层次",
                    r.sequence.label(),
                    level
                );
            }
            format!("{}，相当于{}，{}", r.sequence.label(), level, band)
        }
        Entry::Title(t) => {
            let level = s.level.or(t.level.as_deref()).unwrap_or("层次不明");
            match s.at {
                Some(ctx) => format!("领导职务，在{ctx}为{level}，{band}"),
                None => format!("领导职务，{level}，{band}"),
            }
        }
    }
}

fn band_of(leadership: bool, band: &str) -> String {
    if leadership {
        band.to_string()
    } else {
        format!("非领导职务层次，{band}")
    }
}

/// A rank carries no line authority: worth knowing before a visit.
fn authority_note(e: Entry<'_>) -> Option<String> {
    let Entry::Rank(r) = e else { return None };
    let what = match r.sequence {
        crate::schema::Sequence::General
        | crate::schema::Sequence::Professional
        | crate::schema::Sequence::Enforcement
        | crate::schema::Sequence::Legacy
        | crate::schema::Sequence::PoliceOfficer
        | crate::schema::Sequence::PoliceTechnical => "职级",
        q => q.label(),
    };
    let mut note = format!(
        "\n注意：{}是{what}，不是领导职务，本身不带领导职责（拜访前要弄清对方是否另有实职）。",
        r.name
    );
    if let Some(to) = &r.converts_to {
        note.push_str(&format!("{}已于2019年6月1日套转为{}。", r.name, to));
    }
    if let Some(loose) = r.notes.iter().find(|n| n.contains("笼统")) {
        note.push_str(loose);
        note.push('。');
    }
    Some(note)
}
