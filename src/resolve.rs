//! `resolve`: read a real-world title string ("广东省深圳市南山区发展和改革局副局长",
//! "县委副书记、县长、一级调研员") and say the level, with its reasoning.
//!
//! The reading goes: split a bio into posts; in each, the longest known title
//! or 职级 at the end; before it, a named central organ, or the chain of
//! places (each within the one before), then the body (委, 人大常委会, 政府 …),
//! a township, and working departments. The chain gives the kind of
//! organisation (a context of `data/ranks.toml`); the level then comes from
//! the title's case for that context, or else from the derivation rule of
//! titles_by_org.md §3.7 (`data/organisations.toml` unit levels).

use crate::data::{Dataset, Entry};
use crate::normalize;
use crate::organisations::{
    BARE_COMMITTEES, NATIONAL_BODIES, body_at, is_unit_name, split_units, township_at,
};
use crate::schema::{
    Body, Confidence, Grade, Level, Organ, Place, Rank, Role, Title, UnitOverride,
};
use serde::{Serialize, Serializer};

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
    /// As written (for places: the official name).
    pub name: String,
    /// 省, 副省级市, 市辖区 …, 党委, 工作部门, 内设机构, or an organ's category.
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
    /// step lower (titles_by_org.md §3.7).
    Derived,
    /// A 职级's equivalent leadership level.
    RankEquivalent,
    /// A level named directly (正处级).
    NamedLevel,
    /// Not resolved.
    #[default]
    None,
}

/// The answer for one post (or the whole string).
#[derive(Debug, Clone)]
pub struct Resolution<'a> {
    pub input: String,
    /// The canonical level, or `None` when it cannot be determined.
    pub level: Option<&'a Level>,
    /// The post word (canonical title name).
    pub title: Option<&'a str>,
    /// A 职级 the string carries.
    pub rank: Option<&'a str>,
    pub organisation: Vec<Unit<'a>>,
    /// The kind of organisation (a context name), where found.
    pub context: Option<&'a str>,
    pub rule: Rule,
    pub confidence: Certainty,
    /// Nominal level where it differs (副省级市局长: 正局级).
    pub nominal: Option<&'a str>,
    /// A level holders often have personally (高配): not the answer.
    pub often: Option<&'a str>,
    pub sources: Vec<&'a str>,
    /// Reasons, in order: the rule used, caveats, why not resolved.
    pub notes: Vec<String>,
    /// Each post of a multi-title string.
    pub parts: Vec<Resolution<'a>>,
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
            sources: &'r [&'a str],
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
            sources: &self.sources,
        }
        .serialize(s)
    }
}

impl Resolution<'_> {
    fn empty(input: &str) -> Self {
        Resolution {
            input: input.to_string(),
            level: None,
            title: None,
            rank: None,
            organisation: Vec::new(),
            context: None,
            rule: Rule::None,
            confidence: Certainty::Low,
            nominal: None,
            often: None,
            sources: Vec::new(),
            notes: Vec::new(),
            parts: Vec::new(),
        }
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
            let chain: Vec<String> = self
                .organisation
                .iter()
                .map(|u| match u.level {
                    Some(l) => format!("{}（{}，{}）", u.name, u.kind, l),
                    None => format!("{}（{}）", u.name, u.kind),
                })
                .collect();
            out.push_str(&chain.join(" › "));
            out.push('。');
        }
        match (self.title.or(self.rank), self.level) {
            (Some(t), Some(l)) => out.push_str(&format!("{t}：{}。", l.name)),
            (Some(t), None) => out.push_str(&format!("{t}：层次无法确定。")),
            _ => {}
        }
        for n in &self.notes {
            out.push_str(n);
            if !n.ends_with('。') {
                out.push('。');
            }
        }
        out
    }
}

/// Separators between the posts of a bio.
const SEPARATORS: &[char] = &['、', '，', ',', ';', '；', '/', '／', '\n', '|'];

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
    pub fn resolve<'a>(&'a self, text: &str) -> Resolution<'a> {
        let chunks = self.split_posts(text);
        if chunks.len() <= 1 {
            let mut r = self.resolve_post(text, chunks.first().map_or("", |c| c.as_str()), None);
            r.input = text.to_string();
            return r;
        }
        let mut parts: Vec<Resolution<'a>> = Vec::with_capacity(chunks.len());
        for chunk in &chunks {
            // A later post without its own place belongs to the earlier one's
            // (垣曲县委副书记、政府县长).
            let inherited = parts.last().filter(|p| !p.organisation.is_empty());
            let r = self.resolve_post(chunk, chunk, inherited);
            parts.push(r);
        }
        let rank = parts
            .iter()
            .find(|p| p.title.is_none())
            .and_then(|p| p.rank);
        let best = parts
            .iter()
            .filter(|p| p.title.is_some() && p.level.is_some())
            .min_by_key(|p| p.level.map(|l| l.order))
            .or_else(|| {
                parts
                    .iter()
                    .filter(|p| p.level.is_some())
                    .min_by_key(|p| p.level.map(|l| l.order))
            })
            .or_else(|| parts.first());
        let mut top = best.cloned().unwrap_or_else(|| Resolution::empty(text));
        top.input = text.to_string();
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

    /// The longest title, 职级 or level name ending `text`: its start in bytes.
    fn title_suffix(&self, text: &str) -> Option<(usize, Entry<'_>)> {
        // No name is longer than this; longer suffixes need no look-up.
        const LONGEST_NAME: usize = 64;
        let from = text.len().saturating_sub(LONGEST_NAME);
        text.char_indices()
            .filter(|&(i, _)| i >= from)
            .find_map(|(start, _)| Some((start, self.exact_entry(&text[start..])?)))
    }

    fn resolve_post<'a>(
        &'a self,
        input: &str,
        text: &str,
        inherited: Option<&Resolution<'a>>,
    ) -> Resolution<'a> {
        let mut r = Resolution::empty(input);
        let Some((start, entry)) = self.title_suffix(text) else {
            r.notes.push("没有识别出职务或职级名称".into());
            return r;
        };
        // 常务副市长 is still a 副市长.
        let prefix = text[..start].strip_suffix("常务").unwrap_or(&text[..start]);
        match entry {
            Entry::Level(l) => {
                r.level = Some(l);
                r.rule = Rule::NamedLevel;
                r.confidence = Certainty::of(l.confidence);
                r.sources = l.sources.iter().map(|s| &**s).collect();
                r
            }
            Entry::Rank(rank) => self.resolve_rank(r, rank),
            Entry::Title(title) => {
                r.title = Some(&title.name);
                let org = self.read_organisation(prefix, inherited);
                self.place_title(r, title, org)
            }
        }
    }

    fn resolve_rank<'a>(&'a self, mut r: Resolution<'a>, rank: &'a Rank) -> Resolution<'a> {
        r.rank = Some(&rank.name);
        r.rule = Rule::RankEquivalent;
        r.sources = rank.sources.iter().map(|s| &**s).collect();
        match self.rank_level(rank) {
            Some((level, conf)) => {
                r.level = Some(level);
                r.confidence = Certainty::of(conf);
                r.notes.push(format!(
                    "{}是职级，相当于{}，不是领导职务",
                    rank.name, level.name
                ));
            }
            None => r.notes.push(format!("{}没有可确定的对应层次", rank.name)),
        }
        r
    }
}

/// A level with how it was reached.
#[derive(Debug, Default)]
struct Placement<'a> {
    level: Option<&'a Level>,
    rule: Rule,
    confidence: Certainty,
    nominal: Option<&'a str>,
    often: Option<&'a str>,
    sources: Vec<&'a str>,
    notes: Vec<String>,
}

/// What the text before the title says about the organisation.
#[derive(Debug, Default)]
struct Org<'a> {
    units: Vec<Unit<'a>>,
    context: Option<&'a str>,
    /// The head level of the place itself, where a named exception applies.
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

impl Dataset {
    fn read_organisation<'a>(
        &'a self,
        prefix: &str,
        inherited: Option<&Resolution<'a>>,
    ) -> Org<'a> {
        let mut org = Org::default();
        let mut rest = prefix;
        for lead in ["中国共产党", "中共", "中华人民共和国"] {
            if let Some(r) = rest.strip_prefix(lead) {
                rest = r;
                if lead != "中华人民共和国" {
                    org.body = Some(Body::Party);
                }
            }
        }
        if let Some(&(_, body)) = NATIONAL_BODIES.iter().find(|(w, _)| rest == *w) {
            org.context = Some("中央");
            org.body = Some(body);
            org.units.push(Unit {
                name: rest.to_string(),
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
                name: organ.name.to_string(),
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
            let town = &rest[..end];
            let special = matches!(org.context, Some("直辖市的区" | "副省级市的区" | "直辖市"));
            let ctx = if special {
                "直辖市和副省级市区的街道"
            } else {
                "乡镇"
            };
            org.context = Some(ctx);
            org.units.push(Unit {
                name: town.to_string(),
                kind: ctx,
                level: self.unit_level(ctx).map(|u| &*u.head),
            });
            rest = &rest[end..];
            if let Some(r) = rest.strip_prefix("办事处") {
                rest = r;
            }
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
            let names = split_units(rest);
            let known = names.iter().filter(|n| is_unit_name(n)).count();
            if known == names.len() {
                for (i, name) in names.iter().enumerate() {
                    let kind = if i == 0 && org.organ.is_none() {
                        "工作部门"
                    } else {
                        "内设机构"
                    };
                    org.units.push(Unit {
                        name: name.to_string(),
                        kind,
                        level: None,
                    });
                }
                org.departments = names.len();
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
            let candidates: Vec<&'a Place> = hits
                .iter()
                .map(|h| &self.place_list()[h.id as usize])
                .filter(|p| last.is_none_or(|l| self.is_within(p, l) && p.code != l.code))
                .collect();
            let whole = len == text.len();
            // A name without its suffix (公安 of 公安县) is only a place where
            // the full name is unlikely to be meant otherwise.
            let full = candidates
                .iter()
                .any(|p| normalize::key(&p.name).len() == len);
            let plausible = full
                || whole
                || last.is_some()
                || candidates
                    .iter()
                    .any(|p| p.kind.is_provincial() || p.kind.is_prefectural());
            if candidates.is_empty() || !plausible {
                break;
            }
            let place = match candidates.as_slice() {
                [one] => *one,
                many => {
                    // Several divisions share the name: the next one may settle it.
                    org.ambiguous = many.to_vec();
                    many[0]
                }
            };
            if candidates.len() == 1 {
                org.ambiguous.clear();
            }
            let ctx = self.place_context(place);
            let over = self.unit_override(&place.name);
            org.units.push(Unit {
                name: place.name.to_string(),
                kind: place.kind.label(),
                level: over
                    .map(|o| &*o.head)
                    .or_else(|| ctx.and_then(|c| self.unit_level(c)).map(|u| &*u.head)),
            });
            org.context = ctx;
            org.place_override = over;
            last = Some(place);
            text = &text[len..];
        }
        text
    }

    /// Decide the level of `title` in `org`.
    fn place_title<'a>(
        &'a self,
        mut r: Resolution<'a>,
        title: &'a Title,
        org: Org<'a>,
    ) -> Resolution<'a> {
        r.context = org.context;
        if let Some(left) = &org.leftover {
            r.notes.push(format!("未能识别“{left}”"));
        }
        let mut placed = self.place_in(title, &org, org.context, org.place_override);
        if let [first, ..] = org.ambiguous.as_slice() {
            // Several divisions share the name: an answer only if all agree.
            let names: Vec<String> = org
                .ambiguous
                .iter()
                .map(|p| format!("{}{}", self.parent_of(p).map_or("", |q| &*q.name), p.name))
                .collect();
            r.notes.push(format!(
                "{}有{}处：{}",
                first.name,
                names.len(),
                names.join("、")
            ));
            let agree = org.ambiguous.iter().all(|p| {
                let other = self.place_in(
                    title,
                    &org,
                    self.place_context(p),
                    self.unit_override(&p.name),
                );
                other.level.map(|l| &l.name) == placed.level.map(|l| &l.name)
            });
            if agree {
                placed.confidence = placed.confidence.max(Certainty::Medium);
                r.notes.push("各处层次相同".into());
            } else {
                placed = Placement::default();
                r.notes.push("各处规格不同，层次无法确定".into());
            }
        }
        if org.bare {
            placed.confidence = placed.confidence.max(Certainty::Medium);
        }
        if placed.rule == Rule::None && title.depends_on.is_some() {
            r.notes.push(format!(
                "{}的层次取决于{}，字符串没有说明（可用 rankinfo show {} 查看各种情况）",
                title.name,
                title.depends_on.as_deref().unwrap_or("所在机构"),
                title.name
            ));
        }
        r.notes.append(&mut placed.notes);
        if let Some(o) = placed.often {
            r.notes
                .push(format!("任职者常高配为{o}（个人，不是职位规格）"));
        }
        if let Some(n) = placed.nominal {
            r.notes.push(format!("名义上为{n}"));
        }
        r.level = placed.level;
        r.rule = placed.rule;
        r.confidence = if placed.level.is_some() {
            placed.confidence
        } else {
            Certainty::Low
        };
        r.nominal = placed.nominal;
        r.often = placed.often;
        r.sources = placed.sources;
        r.organisation = org.units;
        if let (Some(level), Some(last)) = (r.level, r.organisation.last_mut()) {
            if last.level.is_none() && title.role == Role::Head {
                last.level = Some(&level.name);
            }
        }
        r
    }

    /// The level of `title` in one context: the title's case for it, else its
    /// fixed level if it names its own kind of unit (处长), else the
    /// derivation rule.
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
        // A place whose head is an exception by name (湖北's 省直管市).
        if let Some(o) = over.filter(|_| title.role == Role::Head && org.departments == 0) {
            if matches!(body, Some(Body::Party | Body::Government) | None) {
                return Placement {
                    level: self.level(&o.head),
                    rule: Rule::Derived,
                    confidence: Certainty::of(o.confidence),
                    sources: o.sources.iter().map(|s| &**s).collect(),
                    notes: o.notes.iter().map(|n| n.to_string()).collect(),
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
        let cases: Vec<_> = case_context
            .map(|c| title.cases_at(c).collect())
            .unwrap_or_default();
        let case = match cases.as_slice() {
            // A Party or government title under a department (局党组书记) is
            // not the territorial post.
            [one] if !(org.departments > 0 && territorial(title) && one.body.is_none()) => {
                Some(*one)
            }
            [_] | [] => None,
            many => many
                .iter()
                .find(|c| c.body.is_some() && c.body == body)
                .or_else(|| many.iter().find(|c| c.body.is_none()))
                .copied(),
        };
        if let Some(case) = case {
            let mut notes = vec![format!(
                "{}：{}",
                case.post,
                case.level.as_deref().unwrap_or("层次不明")
            )];
            notes.extend(case.notes.iter().map(|n| n.to_string()));
            return Placement {
                level: case.level.as_deref().and_then(|l| self.level(l)),
                rule: Rule::TitleCase,
                confidence: Certainty::of(case.confidence),
                nominal: case.nominal.as_deref(),
                often: case.often.as_deref(),
                sources: case.sources.iter().map(|s| &**s).collect(),
                notes,
            };
        }
        let fixed = title.level.as_deref().and_then(|l| self.level(l));
        let fixed_placement = || Placement {
            level: fixed,
            rule: Rule::FixedTitle,
            confidence: Certainty::of(title.confidence),
            sources: title.sources.iter().map(|s| &**s).collect(),
            notes: title.notes.iter().map(|n| n.to_string()).collect(),
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
            let mut p = Placement {
                rule: Rule::Derived,
                ..Placement::default()
            };
            let (base, what) = match org.departments {
                0 => (Some(&*unit.head), "单位正职"),
                1 => {
                    if title.role == Role::Head {
                        p.nominal = unit.department_nominal.as_deref();
                    }
                    (unit.department.as_deref(), "工作部门正职")
                }
                // An internal unit is one full step below its department's
                // (nominal) level: 副省级市局 (名义正局) → 处 = 正处.
                _ => (
                    unit.department_nominal
                        .as_deref()
                        .or(unit.department.as_deref()),
                    "工作部门（名义）正职",
                ),
            };
            let internal_steps = if org.departments > 1 { 2 } else { 0 };
            let base_level = base
                .and_then(|b| self.lookup(b).ok())
                .and_then(|e| self.level_of(e))
                .map(|(l, _)| l);
            p.level =
                base_level.and_then(|l| self.level_below(l, usize::from(deputy) + internal_steps));
            if p.sources.is_empty() {
                p.sources = unit.sources.iter().map(|s| &**s).collect();
                p.confidence = Certainty::of(unit.confidence);
            }
            p.confidence = p.confidence.max(Certainty::Medium);
            let mut rule = format!(
                "按规格推导（titles_by_org §3.7）：{what}为{}",
                base.unwrap_or("不明")
            );
            if internal_steps > 0 {
                rule.push_str("，内设机构正职低一级");
            }
            if deputy {
                rule.push_str("，副职（或常委）低半级");
            }
            p.notes.insert(0, rule);
            p.notes.extend(unit.notes.iter().map(|n| n.to_string()));
            return p;
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

/// Whether a title belongs to a Party committee or government as such (书记,
/// 县长), not to one of their departments.
fn territorial(title: &Title) -> bool {
    matches!(title.body, Some(Body::Party | Body::Government))
}
