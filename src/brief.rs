//! The pre-visit brief: one screen to read in the car before meeting an
//! official — level and 级别 band, whether the title carries line authority,
//! the typical reporting line, how to address them and what to avoid, and how
//! strong the evidence is.
//!
//! The reporting line is *typical*: derived from the level ladder (a head
//! answers to leaders above their level and manages deputies half a level and
//! unit heads a full level below) and from the title's own cases. It is not a
//! fact about any particular unit.

use crate::address::{
    Address, Found, Note, Person, Resolved, TitleKind, address_of, address_rule, resolve_title,
};
use crate::data::{Dataset, Entry};
use crate::error::LookupError;
use crate::read::Sector;
use crate::schema::{Grade, Level, Role, Strength, TitleCase};
use crate::show::Summary;
use serde::Serialize;

/// Heads of a local government: the locality's 一把手 is the Party
/// secretary, not them (`oral.yibashou`).
const LOCAL_GOVERNMENT_HEADS: &[&str] = &[
    "省长",
    "自治区主席",
    "市长",
    "区长",
    "县长",
    "州长",
    "盟长",
    "乡长",
    "行署专员",
];

/// Someone above or below, typically.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Link<'a> {
    /// Who, in words: `局长` (the head of a deputy), `上级分管领导`.
    pub who: String,
    /// Their level, where the ladder gives one (`县处级正职`).
    pub level: Option<&'a str>,
    /// Its short name (`正处级`).
    pub level_short: Option<&'a str>,
    /// The level is a floor: this level or higher (a leader above).
    pub or_higher: bool,
}

/// The typical reporting line in one kind of organisation (or the only one,
/// for a title whose level does not depend on it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Reporting<'a> {
    /// The kind of organisation, for a context-dependent title.
    pub at: Option<&'a str>,
    /// The post there (`地级市市直局局长`).
    pub post: Option<&'a str>,
    /// The title's level there.
    pub level: Option<&'a str>,
    /// Its short name (`正处级`).
    pub level_short: Option<&'a str>,
    /// Its 级别 band.
    pub grade: Option<Grade>,
    /// Whom they typically answer to.
    pub reports_to: Vec<Link<'a>>,
    /// Who typically answers to them.
    pub oversees: Vec<Link<'a>>,
}

/// A source cited by the brief, with the reference's grade for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct SourceRef<'a> {
    /// `address:S1`, `titles:W3` …
    pub id: &'a str,
    /// The document, and what it supports.
    pub title: &'a str,
    /// The reference's grade (press, weak, official, secondary …).
    pub grade: &'a str,
}

/// Everything to know before the visit.
///
/// JSON contract: `title`, `kind`, `summary`, `line_authority`, `reporting`,
/// `address`, `weakest` and `sources` are stable; fields may be added, never
/// renamed or removed.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct Brief<'a> {
    /// The title as asked.
    pub input: String,
    /// The title as understood.
    pub title: String,
    /// Post, rank, military …
    pub kind: TitleKind,
    /// Level, 级别 band and cases, as `rankinfo show` gives them; `None` for a
    /// title outside the level data (总经理, 副检察长).
    pub summary: Option<Summary<'a>>,
    /// `true` for a leadership post, `false` for a 职级 (no line authority),
    /// `None` when the data does not say (military, enterprise …).
    pub line_authority: Option<bool>,
    /// The typical reporting line, per kind of organisation.
    pub reporting: Vec<Reporting<'a>>,
    /// How to address them, in every register.
    pub address: Address<'a>,
    /// Points worth knowing beyond the address (who the 一把手 is …).
    pub notes: Vec<Note>,
    /// The weakest strength among the recommended forms (oral, written,
    /// introduction, English).
    pub weakest: Strength,
    /// Every source behind the brief, address and level facts alike.
    pub sources: Vec<SourceRef<'a>>,
    /// How sure the brief is: the less sure of its level and its forms of
    /// address.
    pub certainty: crate::read::Certainty,
    /// What this official is assessed on (考核), by kind of official.
    pub assessed_on: Option<crate::careers::kaohe::AssessedOn>,
    /// For a 职级 holder: the next step and its minimum years.
    pub next_step: Option<NextStep<'a>>,
}

/// The next promotion step of a 职级 (or grade) holder.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct NextStep<'a> {
    /// The 职级 the holder may be promoted to next.
    pub to: &'a str,
    /// Minimum years in the current 职级.
    pub years: u8,
    /// How sure the rule is.
    pub confidence: crate::schema::Confidence,
    /// Source ids of the rule.
    pub sources: &'a [crate::schema::Text],
}

impl Dataset {
    /// A one-screen brief before meeting the holder of `title`.
    ///
    /// ```
    /// use rankinfo::address::Person;
    /// let data = rankinfo::builtin();
    ///
    /// let b = data.brief("副处长", &Person::surnamed("李")).unwrap();
    /// assert_eq!(b.summary.as_ref().unwrap().level, Some("县处级副职"));
    /// assert_eq!(b.line_authority, Some(true));
    /// assert_eq!(b.address.oral, "李处长");
    /// assert_eq!(b.reporting[0].reports_to[0].who, "处长");
    /// assert_eq!(b.reporting[0].reports_to[0].level_short, Some("正处级"));
    ///
    /// let b = data.brief("二级巡视员", &Person::surnamed("王")).unwrap();
    /// assert_eq!(b.line_authority, Some(false)); // a rank, no line authority
    /// assert_eq!(b.address.oral, "王局");
    /// assert!(b.reporting[0].oversees.is_empty());
    /// ```
    pub fn brief(&self, title: &str, person: &Person) -> Result<Brief<'_>, LookupError> {
        self.brief_in(title, person, None)
    }

    /// [`brief`](Self::brief) for the holder of a post in one kind of
    /// organisation (a context name, [`Dataset::context`]): the level and the
    /// reporting line there only.
    ///
    /// ```
    /// use rankinfo::address::Person;
    /// let data = rankinfo::builtin();
    /// let b = data.brief_at("局长", &Person::surnamed("王"), "副省级市").unwrap();
    /// assert_eq!(b.summary.as_ref().unwrap().level, Some("厅局级副职"));
    /// assert!(b.reporting.iter().all(|r| r.at == Some("副省级市")));
    /// ```
    pub fn brief_at<'a>(
        &'a self,
        title: &str,
        person: &Person,
        at: &'a str,
    ) -> Result<Brief<'a>, LookupError> {
        self.brief_in(title, person, Some(at))
    }

    fn brief_in<'a>(
        &'a self,
        title: &str,
        person: &Person,
        at: Option<&'a str>,
    ) -> Result<Brief<'a>, LookupError> {
        // A full title (深圳市南山区区长): the reader says where it stands.
        if at.is_none() && self.lookup(title).is_err() {
            if let Some(Some(context)) = self.read_title(title).map(|r| r.context) {
                return self.brief_in(title, person, Some(context));
            }
        }
        // A full title: how the reader reads it (its highest post, where it
        // is, how sure it is, and whether it is in the civil service).
        let read = self
            .lookup(title)
            .is_err()
            .then(|| self.read_title(title))
            .flatten();
        let mut at = at;
        let r = match resolve_title(self, title) {
            Ok(r) => r,
            Err(err) => {
                // Brief its highest post in its organisation.
                let read = read.ok_or(err)?;
                at = at.or(read.context);
                resolve_title(self, read.title)?
            }
        };
        let mut address = address_of(self, title, &r, person, at);
        if self.lookup(title).is_err() {
            address.outside(match read {
                Some(read) => read.sector,
                None => self.resolve(title).sector,
            });
        }
        if let Some(read) = read {
            address = address.with_certainty(Some(read.certainty));
            if address.reading.is_none() && read.title != r.canonical {
                address.reading = Some(format!("“{title}”按“{}”作答", read.title));
            }
        }
        // Outside the civil service (市人民医院院长): no level, no ladder.
        let outside = address.sector.is_some_and(|s| s != Sector::CivilService);
        let entry = match (r.found, r.derived_deputy) {
            _ if outside => None,
            (Found::Title(t), false) => Some(Entry::Title(t)),
            (Found::Rank(rank), _) => Some(Entry::Rank(rank)),
            _ => None,
        };
        // With `at`, the level and cases in that kind of organisation only.
        let mut summary = entry.map(|e| match at {
            Some(ctx) => self.summary_at(e, ctx),
            None => self.summary(e),
        });
        let mut notes = Vec::new();
        // 县委书记: only the 县 cases apply.
        if let (Some(s), Some(ctx)) = (summary.as_mut(), prefix_context(self, &r)) {
            if s.cases.iter().any(|c| c.at == ctx) {
                s.cases.retain(|c| c.at == ctx);
                // The program's reasoning: with the reading, not a note.
                let how = format!(
                    "按“{}”中的“{ctx}”一类机构作答",
                    r.prefix.as_deref().unwrap_or("")
                );
                address.reading = Some(match address.reading.take() {
                    Some(r) => format!("{r}；{how}"),
                    None => how,
                });
            }
        }
        let line_authority = match address.kind {
            TitleKind::Post => Some(true),
            TitleKind::Rank | TitleKind::LegacyRank => Some(false),
            _ => None,
        };
        let mut reporting = if outside {
            Vec::new()
        } else {
            reporting(self, &r, summary.as_ref())
        };
        if let Found::Rank(rank) = r.found {
            if rank.sequence.outside_civil_service() {
                // No source gives a 事业单位 grade a civil-service 级别.
                for row in &mut reporting {
                    row.grade = None;
                }
            }
        }
        // What a trainer says out loud before a visit: who the 一把手 is,
        // the order local leaders are named in, and how introductions go.
        let local_head = r.role() == Role::Head
            && (r.name.ends_with("书记") || LOCAL_GOVERNMENT_HEADS.contains(&r.name.as_str()));
        let local = local_head
            || at.is_some_and(|c| matches!(c, "县" | "地级市" | "副省级市" | "省" | "直辖市"));
        let mut rules = Vec::new();
        if local_head {
            rules.push("oral.yibashou");
        }
        if address.kind == TitleKind::Post {
            if local {
                rules.push("intro.county_order");
            }
            rules.push("intro.order");
        }
        for id in &rules {
            let rule = address_rule(self, id);
            notes.push(Note {
                text: rule.text.to_string(),
                strength: rule.strength,
            });
        }
        let b = &address.basis;
        let weakest = [&b.oral, &b.written, &b.introduce, &b.english]
            .iter()
            .map(|b| b.strength)
            .max()
            .unwrap_or(Strength::Unconfirmed);
        let mut ids: Vec<&str> = address.sources.clone();
        if let Some(s) = &summary {
            ids.extend(s.sources.iter().map(|x| &**x));
            for c in &s.cases {
                ids.extend(c.sources.iter().map(|x| &**x));
            }
        }
        for id in rules {
            ids.extend(address_rule(self, id).sources.iter().map(|x| &**x));
        }
        let rank = match r.found {
            Found::Rank(rank) => Some(rank),
            _ => None,
        };
        let assessed_on = match address.kind {
            TitleKind::Post => Some(crate::careers::kaohe::assessed_on(None, true)),
            TitleKind::Rank | TitleKind::LegacyRank => Some(crate::careers::kaohe::assessed_on(
                rank.map(|r| r.sequence),
                false,
            )),
            _ => None,
        };
        let next_step = rank.and_then(|rank| {
            let name = rank.converts_to.as_deref().unwrap_or(&rank.name);
            self.ranks.ranks.iter().find_map(|up| {
                let p = up.promotion.as_ref()?;
                (up.is_current() && p.from.iter().any(|f| f == name)).then_some(NextStep {
                    to: &up.name,
                    years: p.years,
                    confidence: p.confidence,
                    sources: &p.sources,
                })
            })
        });
        // The 考核 rules and the next step cite theirs too.
        if let Some(a) = &assessed_on {
            ids.extend(a.facts.iter().flat_map(|f| f.sources.iter()).map(|x| &**x));
        }
        if let Some(n) = &next_step {
            ids.extend(n.sources.iter().map(|x| &**x));
        }
        let mut sources: Vec<SourceRef<'_>> = Vec::new();
        for id in ids {
            if sources.iter().any(|s| s.id == id) {
                continue;
            }
            let found = self
                .address
                .sources
                .iter()
                .chain(self.ranks.sources.iter())
                .chain(crate::careers::builtin().sources.iter())
                .find(|s| s.id == id);
            if let Some(s) = found {
                sources.push(SourceRef {
                    id: &s.id,
                    title: &s.title,
                    grade: &s.grade,
                });
            }
        }
        let certainty = match &summary {
            Some(s) if !outside => s.certainty.max(address.certainty),
            _ => address.certainty,
        };
        Ok(Brief {
            assessed_on,
            next_step,
            certainty,
            input: title.to_string(),
            title: address.title.clone(),
            kind: address.kind,
            summary,
            line_authority,
            reporting,
            address,
            notes,
            weakest,
            sources,
        })
    }
}

/// The level `steps` rungs away on the ladder (negative = higher).
fn rung<'a>(data: &'a Dataset, level: &Level, steps: i16) -> Option<&'a Level> {
    let order = level.order as i16 + steps;
    data.levels().find(|l| l.order as i16 == order)
}

fn link<'a>(data: &'a Dataset, who: impl Into<String>, level: Option<&'a str>) -> Link<'a> {
    Link {
        who: who.into(),
        level_short: level.and_then(|l| data.level(l)).map(|l| &*l.short),
        level,
        or_higher: false,
    }
}

fn reporting_row<'a>(
    data: &'a Dataset,
    at: Option<&'a str>,
    post: Option<&'a str>,
    level: Option<&'a str>,
) -> Reporting<'a> {
    let l = level.and_then(|l| data.level(l));
    Reporting {
        at,
        post,
        level,
        level_short: l.map(|l| &*l.short),
        grade: l.map(|l| l.grade),
        reports_to: Vec::new(),
        oversees: Vec::new(),
    }
}

/// The kind of organisation a unit prefix names (县委 → 县).
fn prefix_context<'a>(data: &'a Dataset, r: &Resolved<'_>) -> Option<&'a str> {
    let prefix = r.prefix.as_deref()?;
    ["人民政府", "政府", "党委", "委"]
        .iter()
        .find_map(|s| prefix.strip_suffix(s))
        .into_iter()
        .chain([prefix])
        .find_map(|p| data.context(p).ok())
        .map(|c| &*c.name)
}

/// The typical reporting line of a title, per case.
fn reporting<'a>(
    data: &'a Dataset,
    r: &Resolved<'a>,
    summary: Option<&Summary<'a>>,
) -> Vec<Reporting<'a>> {
    let role = r.role();
    match r.found {
        Found::Rank(_) => {
            let mut row = reporting_row(data, None, None, summary.and_then(|s| s.level));
            row.reports_to.push(link(data, "所在部门负责人", None));
            vec![row]
        }
        Found::Title(head) if r.derived_deputy => {
            // 副检察长: the head's cases say whom they answer to; their
            // own level is not in the data.
            let row = |at: Option<&'a str>, level: Option<&'a str>| {
                let mut row = reporting_row(data, at, None, None);
                row.reports_to.push(link(data, &*head.name, level));
                row
            };
            if head.cases.is_empty() {
                vec![row(None, head.level.as_deref())]
            } else {
                head.cases
                    .iter()
                    .map(|c| row(Some(&c.at), c.level.as_deref()))
                    .collect()
            }
        }
        Found::Title(t) => {
            let rows: Vec<(Option<&'a TitleCase>, Option<&'a str>)> = if t.cases.is_empty() {
                vec![(None, t.level.as_deref())]
            } else {
                t.cases
                    .iter()
                    .map(|c| (Some(c), c.level.as_deref()))
                    .collect()
            };
            let kept: Vec<&str> = summary
                .map(|s| s.cases.iter().map(|c| c.post).collect())
                .unwrap_or_default();
            rows.into_iter()
                .filter(|(c, _)| c.is_none_or(|c| kept.contains(&&*c.post)))
                .map(|(case, level)| {
                    let mut row =
                        reporting_row(data, case.map(|c| &*c.at), case.map(|c| &*c.post), level);
                    if let Some(l) = level.and_then(|l| data.level(l)) {
                        links(data, &mut row, &r.name, role, l);
                    }
                    row
                })
                .collect()
        }
        Found::Other(_) => Vec::new(),
    }
}

/// The heads of the units under a unit headed at `head`: a full level below
/// (正处 → 正科), or plain staff below the ladder. Only for a 正职 level: the
/// divisions of a 副厅级 bureau may be 正处 or 副处, so the ladder does not
/// say.
fn units<'a>(data: &'a Dataset, who: &str, head: &'a Level) -> Link<'a> {
    if !head.name.ends_with("正职") {
        return link(data, who, None);
    }
    match rung(data, head, 2) {
        Some(l) if l.is_leadership() => link(data, who, Some(&l.name)),
        _ => link(data, "一般工作人员", None),
    }
}

/// Fill in the typical links of one row from the ladder.
fn links<'a>(data: &'a Dataset, row: &mut Reporting<'a>, name: &str, role: Role, level: &'a Level) {
    let name_of = |l: Option<&'a Level>| l.map(|l| &*l.name);
    match role {
        Role::Head => {
            if let Some(up) = rung(data, level, -1) {
                // A Party secretary answers to the Party committee above.
                let who = if name.ends_with("书记") {
                    "上级党委"
                } else {
                    "上级分管领导"
                };
                let mut up = link(data, who, Some(&up.name));
                up.or_higher = true;
                row.reports_to.push(up);
            }
            if LOCAL_GOVERNMENT_HEADS.contains(&name) {
                // Usually the same level, and the 一把手 (oral.yibashou).
                row.reports_to
                    .push(link(data, "一把手：本地党委书记", Some(&level.name)));
            }
            let deputy = format!("副{name}");
            let deputy_level =
                title_level_at(data, &deputy, row.at).or(name_of(rung(data, level, 1)));
            row.oversees.push(link(data, deputy, deputy_level));
            row.oversees.push(units(data, "下属机构负责人", level));
        }
        Role::Deputy => {
            let head = crate::address::without_fu(name);
            let head_level = title_level_at(data, head, row.at).or(name_of(rung(data, level, -1)));
            row.reports_to.push(link(data, head, head_level));
            if let Some(h) = head_level.and_then(|l| data.level(l)) {
                row.oversees.push(units(data, "分管的下属机构负责人", h));
            }
        }
        Role::Member | Role::Other => row.reports_to.push(link(data, "班子主要负责人", None)),
    }
}

/// The level of a title in one kind of organisation, when it has exactly
/// one case there (or a fixed level).
fn title_level_at<'a>(data: &'a Dataset, title: &str, at: Option<&str>) -> Option<&'a str> {
    let t = match data.exact_entry(&crate::normalize::key(title))? {
        Entry::Title(t) => t,
        _ => return None,
    };
    if let Some(l) = &t.level {
        return Some(l);
    }
    let mut cases = t.cases.iter().filter(|c| Some(&*c.at) == at);
    match (cases.next(), cases.next()) {
        (Some(c), None) => c.level.as_deref(),
        _ => None,
    }
}
