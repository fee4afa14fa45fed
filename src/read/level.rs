//! The level of a title in its organisation: a named exception, the title's
//! case for the kind of organisation, its own fixed level, or the derivation
//! rule of titles_by_org.md §3.7.

use super::org::Org;
use super::{Certainty, Note, Resolution, Rule};
use crate::data::Dataset;
use crate::schema::{Body, Confidence, Grade, Level, PlaqueHead, Role, Text, Title, UnitOverride};
use std::borrow::Cow;

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

/// A level with how it was reached.
#[derive(Debug, Default)]
pub(super) struct Placement<'a> {
    pub(super) level: Option<&'a Level>,
    pub(super) rule: Rule,
    pub(super) confidence: Certainty,
    pub(super) fact: Option<Confidence>,
    pub(super) nominal: Option<&'a str>,
    pub(super) often: Option<&'a str>,
    pub(super) sources: &'a [Text],
    pub(super) basis: Option<Note<'a>>,
    pub(super) data_notes: &'a [Text],
    /// Several cases in one context, none chosen: listed.
    pub(super) cases: Vec<Note<'a>>,
    /// A named exception in the data gave the level: the place's (湖北's
    /// 省直管市) or the department's (省监狱管理局), not the ordinary rules.
    pub(super) overridden: bool,
    /// The 级别 band the regulations give the post in its unit, where it is
    /// not its level's own (副部级机关's 司长: 10–15).
    pub(super) grade: Option<Grade>,
}

/// Where in `text` a zone is named (开发区, 新区 and their 管委会: no tier of
/// government, titles_by_org §2), if it is.
fn zone_at(text: &str) -> Option<usize> {
    // Every zone word ends in 区, 会 or 城 and has none inside it, so the
    // first word to end is the first to start: look back from each such
    // character rather than try nine words at every byte (4% of the
    // reader's instructions, when it was the latter).
    text.match_indices(ZONE_ENDS).find_map(|(i, c)| {
        let head = &text[..i + c.len()];
        ZONES
            .iter()
            .filter(|z| head.ends_with(**z))
            .map(|z| head.len() - z.len())
            .min()
    })
}

/// The characters every zone word ends in.
const ZONE_ENDS: [char; 3] = ['区', '会', '城'];

const ZONES: &[&str] = &[
    "开发区",
    "高新区",
    "新区",
    "园区",
    "保税区",
    "管委会",
    "管理区",
    "试验区",
    "科技城",
    "风景区",
    "风景名胜区",
];

impl Dataset {
    /// Decide the level of `title` in `org`.
    pub(super) fn place_title<'a>(
        &'a self,
        r: &mut Resolution<'a>,
        title: &'a Title,
        mut org: Org<'a>,
    ) {
        r.context = org.context;
        r.body = org.body;
        r.organ = org.organ;
        r.plaque = org.plaque;
        r.typed = org.typed;
        // What withholds the level: the reasons, or none.
        let mut why = Vec::new();
        if let Some(left) = org.leftover.take().or(org.in_unread.take()) {
            // A part not understood between the places and the title: what it
            // names is unknown, so no level (沧州市人民医院院长 is not a court's).
            let in_zone = zone_at(&left).is_some();
            why.push(Note::Leftover(left));
            if in_zone {
                why.push(Note::DevZone);
            }
        } else if org
            .units
            .iter()
            .find(|u| u.context.is_none())
            .is_some_and(|u| zone_at(&u.name).is_some_and(|at| at > 0))
        {
            // A named zone's own bureau (洋浦经济开发区管理局) is no tier of
            // government either; a government's office for zones (省开发区
            // 管理办公室) or a department's (农委 › 农村改革试验区办公室) is.
            why.push(Note::DevZone);
        } else if let (Some(plaque), Some(host), 0) = (org.plaque, org.organ, org.departments) {
            // A title on a plaque itself (国家公务员局局长, 国家海洋局局长): the
            // plaque has no level (central_organs.md, its table of terms),
            // and its holder's is that of a post in the organ that carries
            // it, which the title does not say; the ministries' plaques are
            // usually held by one of their deputies (§1, COMMON-KNOWLEDGE),
            // said in the note.
            why.push(Note::Plaque {
                plaque: &plaque.name,
                host: &host.name,
                deputy: plaque.plaque_head == Some(PlaqueHead::HostDeputy),
            });
        } else if let Some(unit) = org
            .units
            .last()
            .filter(|u| org.party_group && u.kind == "内设机构")
        {
            // A 党组 leads a department or an organ (titles_by_org §3.8), never
            // an internal unit: the chain was misread (湖北省机构编制委员会办公室
            // 党组: the 编办 is itself a department); what the unit is, is unknown.
            why.push(Note::GroupInInternalUnit(unit.name.to_string()));
        }
        if !why.is_empty() {
            r.found.append(&mut why);
            r.organisation = org.units;
            return;
        }
        let mut placed = self.place_in(title, &org, org.context, org.place_override);
        // A title that names its own kind of unit (处长) keeps its level
        // wherever it stands; no other is derived or cased below a unit
        // that is none of the organ's 司局.
        if let Some(unit) = self
            .unit_under_organ(&org)
            .filter(|_| placed.rule != Rule::FixedTitle)
        {
            r.found.push(Note::UnitUnderOrgan(unit.to_string()));
            r.organisation = org.units;
            return;
        }
        self.band_in_unit(&org, &mut placed);
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
        // A place whose head is raised (湖北's 省直管市, 高配 at the unit):
        // its other posts, read by the ordinary rules, are not confirmed.
        if let Some(o) = org.place_override {
            // The place's name as the data writes it, to outlive the text.
            let place = o
                .places
                .iter()
                .find(|p| org.units.iter().any(|u| *u.name == ***p));
            if let (false, Some(_), Some(place)) = (placed.overridden, placed.level, place) {
                placed.confidence = placed.confidence.max(Certainty::Medium);
                r.found.push(Note::RaisedPlace {
                    place,
                    head: &o.head,
                });
                if placed.data_notes.is_empty() {
                    placed.data_notes = &o.notes;
                }
            }
        }
        // A province's 局 or 办公室 heads at 正厅 as a 组成部门 or 直属机构,
        // at 副厅 as a 部门管理机构 (titles_by_org §3.2: 省监狱管理局); the
        // reference does not say which one a unit not named in the data is.
        if let Some(unit) = Self::kind_unknown(&org, &placed) {
            placed.confidence = placed.confidence.max(Certainty::Medium);
            r.found.push(Note::KindUnknown { unit });
        }
        if org.bare {
            placed.confidence = placed.confidence.max(Certainty::Medium);
            r.found.push(Note::NoPlace);
        }
        if org.guessed {
            placed.confidence = placed.confidence.max(Certainty::Medium);
            r.found.push(Note::EarlierUnit);
        }
        if org.typed {
            placed.confidence = placed.confidence.max(Certainty::Medium);
            r.found.push(Note::TypedPlace);
        } else if org.units.iter().any(|u| u.kind == super::COUNTY_THEN) {
            // A city of today's gazetteer, county-level then: its rules then
            // are the ordinary county's, which the text does not confirm.
            placed.confidence = placed.confidence.max(Certainty::Medium);
            r.found.push(Note::CountyThen);
        }
        // No level for a reason of its own (股级, 县长 at a 地级市, 主任 after
        // a 局): its note says why, not "the string does not say".
        let reason = placed.cases.iter().any(|n| !matches!(n, Note::Case { .. }));
        if placed.rule == Rule::None && !reason {
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

    /// The first unit under a central organ, when it is none of the organ's
    /// 司局 (titles_by_org §3.1: 司/局/厅/室), the only units whose level the
    /// reference gives: a 委员会 (水利部黄河水利委员会, a river basin
    /// commission), a branch in a place (中国人民银行广东省分行办公室, 国家
    /// 外汇管理局苏州中心支局) or a unit of an institute (中科院武汉物理与数学
    /// 所波谱学研究室). Read as the organ's own 办公室 or 局, these were
    /// answered 厅局级正职, most with 高.
    fn unit_under_organ<'o>(&self, org: &'o Org<'_>) -> Option<&'o str> {
        let unit = org
            .organ
            .and(org.units.get(1))
            .filter(|u| u.kind == "内设机构")?;
        let name = &*unit.name;
        // Sought before the last two characters, the unit's own ending
        // (办公室's 公室, 开发办): what they mark is a unit inside another.
        let before_ending = name
            .char_indices()
            .nth_back(1)
            .map_or("", |(i, _)| &name[..i]);
        let under = name.ends_with("委员会")
            || self.places_at(name).is_some()
            || ["所", "院", "分行", "支行", "分局", "支局", "中心"]
                .iter()
                .any(|w| before_ending.contains(w));
        under.then_some(name)
    }

    /// The departments of a 副部级机关 and of a 副省级市: the regulations give
    /// their heads and deputies 级别 bands of their own (R4: 十五级至十级,
    /// 十七级至十一级), set on the unit level. In a 副部级机关, how the level
    /// is recorded is not confirmed (the unit level's note): the answer is at
    /// most 中 there.
    fn band_in_unit<'a>(&'a self, org: &Org<'a>, placed: &mut Placement<'a>) {
        // The unit's levels are looked up only for a level to band.
        let Some(unit) = org
            .context
            .filter(|_| org.departments == 1 && placed.level.is_some())
            .and_then(|c| self.unit_level(c))
            .filter(|u| u.department_grade.is_some() || u.deputy_grade.is_some())
        else {
            return;
        };
        let head = unit.department.as_deref().and_then(|d| self.level(d));
        let deputy = head.and_then(|h| self.level_below(h, 1));
        let band = match placed.level {
            Some(l) if head.is_some_and(|h| h.name == l.name) => unit.department_grade,
            Some(l) if deputy.is_some_and(|d| d.name == l.name) => unit.deputy_grade,
            _ => None,
        };
        if let Some(g) = band {
            placed.grade = Some(g);
            if org.organ.is_some() {
                placed.confidence = placed.confidence.max(Certainty::Medium);
                // 司长's own note says as much.
                if placed.data_notes.is_empty() {
                    placed.data_notes = &unit.notes;
                }
            }
        }
    }

    /// The name of the province's department read, when it is a 局, 办公室
    /// or 办 that no named exception covers (`placed.overridden`): it may be
    /// a 部门管理机构, whose head is half a level below the one read.
    fn kind_unknown(org: &Org<'_>, placed: &Placement<'_>) -> Option<String> {
        let dept = org.units.iter().find(|u| u.kind == "工作部门")?;
        let open = ["局", "办公室", "办"]
            .iter()
            .any(|w| dept.name.ends_with(w));
        (org.context == Some("省")
            && org.departments == 1
            && open
            && placed.level.is_some()
            && !placed.overridden)
            .then(|| dept.name.to_string())
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
        // The post heads the last body named: a department when one is (or
        // the body's own internal unit), the organ itself when an organ is
        // named.
        let body = match (org.departments, org.organ, org.body) {
            // An organ's own 团委 or 纪委 is that body's, not the organ's.
            (_, Some(_), Some(b)) if has_own_rule(b) => Some(b),
            (0, Some(_), _) => None,
            (0, None, b) => b.or(title.body),
            (_, None, Some(b)) if has_own_rule(b) => Some(b),
            _ => Some(Body::Department),
        };
        // 县长 is not a post of a 地级市's own organs: no level borrowed.
        if let Some(at) = context
            .filter(|c| !title.only_at.is_empty() && !title.only_at.iter().any(|o| **o == **c))
        {
            return Placement {
                cases: vec![Note::NotAt {
                    title: &title.name,
                    at,
                }],
                ..Placement::default()
            };
        }
        // 主任 after a 局 (财政局副主任) is a post of a unit inside it, and no
        // rule of the department's gives its level. An 办公厅 is an office.
        if let Some(unit) = org.units.last().filter(|u| {
            u.is_department()
                && body == Some(Body::Department)
                && !u.name.ends_with("办公厅")
                && title.not_head_of.iter().any(|e| u.name.ends_with(&**e))
        }) {
            return Placement {
                cases: vec![Note::NotItsHead {
                    title: &title.name,
                    unit: unit.name.to_string(),
                }],
                ..Placement::default()
            };
        }
        // 部长 right after an organ that is no 部 (全国妇联部长, 共青团中央部长)
        // heads one of its 部, not named: never the organ's head.
        if let Some(organ) = org.organ.filter(|o| {
            org.departments == 0 && title.name.ends_with("部长") && !o.name.ends_with('部')
        }) {
            return Placement {
                cases: vec![Note::NotItsHead {
                    title: &title.name,
                    unit: organ.name.to_string(),
                }],
                ..Placement::default()
            };
        }
        let deputy = matches!(title.role, Role::Deputy | Role::Member) || org.deputy;
        if let Some(o) = over.filter(|_| title.role == Role::Head && org.departments == 0) {
            if matches!(body, Some(Body::Party | Body::Government) | None) {
                return Placement {
                    level: self.level(&o.head),
                    rule: Rule::Derived,
                    confidence: Certainty::of(o.confidence),
                    fact: Some(o.confidence),
                    sources: &o.sources,
                    data_notes: &o.notes,
                    overridden: true,
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
                    overridden: true,
                    ..Placement::default()
                };
            }
        }
        // An organ's own 司/局 is a 部委内设机构; a unit below it is derived.
        // A university's 部 or 处 is not a ministry's 司局: it is derived from
        // the university's own rule (titles_by_org §4: 院系/处 正处).
        let university = matches!(context, Some("中管高校" | "高校"));
        // A unit of a 人大 or 政协 (办公厅, 法制工作委员会) is none of the
        // government's or Party committee's departments whose cases the data
        // holds: its level is derived, not borrowed from theirs. Past twelve
        // characters a "unit" is news text read as a name (…会议决定接受…
        // 同志辞去…委员会), not a unit of the body.
        let in_assembly = org.departments > 0
            && matches!(org.body, Some(Body::Congress | Body::Cppcc))
            && org
                .units
                .iter()
                .filter(|u| u.is_department())
                .all(|u| u.name.chars().count() <= 12);
        let case_context = match (org.organ, org.departments) {
            (Some(_), 1) if !university => Some("部委内设机构"),
            (_, 0 | 1) if !org.deputy && !in_assembly => context,
            _ => None,
        };
        let case = case_context.and_then(|ctx| {
            let all = || title.cases_at(ctx);
            // The case for the body the text names; a case that names no
            // body only where that body is the title's own: 主席 of a 政协,
            // never of a 总工会.
            if let Some(b) = body {
                if let Some(c) = all().find(|c| c.body == Some(b)) {
                    return Some(c);
                }
            }
            let loose = match body {
                None => true,
                Some(b) => title.body == Some(b) || (title.body.is_none() && !has_own_rule(b)),
            };
            if !loose {
                return None;
            }
            let mut bodiless = all().filter(|c| c.body.is_none());
            match (bodiless.next(), bodiless.next()) {
                (Some(one), None) => Some(one),
                (None, None) if body.is_none() && all().nth(1).is_none() => all().next(),
                _ => None,
            }
        });
        // A national post's title (书记处书记) inside a named organ or place
        // is that organ's post, not the national one.
        let national = |l: &Level| l.name.starts_with("国家级");
        let fixed = title
            .level
            .as_deref()
            .and_then(|l| self.level(l))
            .filter(|l| !national(l) || org.units.is_empty());
        // The (nominal) level of a department's head in this context: what
        // the units inside a department are below.
        let department_head = || {
            let u = self.unit_level(context?)?;
            self.level_in_data(
                u.department_nominal
                    .as_deref()
                    .or(u.department.as_deref())?,
            )
        };
        // 处长 names a 处, and has a 处's level where the reference puts one:
        // below the departments of central, provincial and 副省级市 organs
        // (titles_by_org §3.1–3.3). Where a place's departments head at or
        // below that level (a 地级市局 is 正处), a unit of that name inside
        // one is not such a 处: it is below its department, derived as any
        // internal unit. One that would head above the place's departments
        // (a 处 in a 县, a 厅 in a 地级市) is none of them, and the
        // reference gives it no level.
        let out_of_place = fixed
            .filter(|_| case.is_none() && title.body.is_none() && org.organ.is_none())
            .and_then(|usual| {
                let unit = org.units.last().filter(|_| org.departments > 0)?;
                let department = department_head()?;
                let head = usual
                    .order
                    .saturating_sub(u8::from(title.role == Role::Deputy));
                // Inside a department, a unit at the department's own level
                // is out of place; a unit that is itself a department (a
                // province's 厅) may head at that level, never above it.
                let inside = org.departments >= 2 && body == Some(Body::Department);
                let above = if inside {
                    head <= department.order
                } else {
                    head < department.order
                };
                if above {
                    return Some(Note::UnitOutOfPlace {
                        title: &title.name,
                        usual: &usual.name,
                        unit: unit.name.to_string(),
                        department: &department.name,
                        inside,
                    });
                }
                // A 处 or 科 directly under a place whose departments head at
                // the title's own level (a 地级市's are 局, 委, 办; a
                // province's 厅 are its departments): likely such a
                // department, perhaps an institution or a department's own
                // unit; the reference names none.
                let lowest_kind = unit.name.ends_with(['处', '科']);
                let as_department = !inside && lowest_kind && head == department.order;
                as_department.then(|| Note::UnitAsDepartment {
                    title: &title.name,
                    usual: &usual.name,
                    unit: unit.name.to_string(),
                })
            });
        // A unit taken for a department keeps the title's level, not 高.
        let (out_of_place, as_department) = match out_of_place {
            Some(note @ Note::UnitAsDepartment { .. }) => (None, Some(note)),
            note => (note, None),
        };
        // Such a title's usual level is not taken where it is out of place.
        let fixed = fixed.filter(|_| out_of_place.is_none());
        let fixed_placement = || Placement {
            level: fixed,
            rule: Rule::FixedTitle,
            confidence: Certainty::of(title.confidence).max(match as_department {
                Some(_) => Certainty::Medium,
                None => Certainty::High,
            }),
            fact: Some(title.confidence),
            sources: &title.sources,
            data_notes: &title.notes,
            cases: as_department.iter().cloned().collect(),
            ..Placement::default()
        };
        // An internal unit of a county's department (股, a 科 in a 县局) has
        // no legal level (titles_by_org §3.7): 科长 there is not 正科.
        if case.is_none() && org.departments >= 2 && body == Some(Body::Department) {
            if let Some(base) = department_head().filter(|b| self.level_below(b, 2).is_none()) {
                return Placement {
                    cases: vec![Note::BelowLadder { unit: &base.name }],
                    ..Placement::default()
                };
            }
        }
        if let Some(note @ Note::UnitOutOfPlace { inside: false, .. }) = out_of_place {
            return Placement {
                cases: vec![note],
                ..Placement::default()
            };
        }
        // Elsewhere a title that names its own kind of unit (处长, 科长) has
        // its level wherever it stands.
        if case.is_none() && fixed.is_some() && title.body.is_none() {
            return fixed_placement();
        }
        // A body with a rule of its own (法院, 纪委, 群团; 政府秘书长).
        if case.is_none() {
            if let Some(p) = self.by_body_rule(title, org, context, body, deputy) {
                return p;
            }
        }
        if case.is_none()
            && body.is_none()
            && case_context.is_some_and(|c| title.cases_at(c).nth(1).is_some())
        {
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
                often: case.often.as_deref().filter(|_| {
                    case.often_for
                        .as_deref()
                        .is_none_or(|w| self.often_applies(w, org))
                }),
                sources: &case.sources,
                basis,
                data_notes: &case.notes,
                ..Placement::default()
            };
        }
        // A member (常委, 委员) is a deputy's level only in a Party committee:
        // a 人大常委会 member holds no post by it.
        // A member (常委, 党组成员) is a deputy's level in a Party committee and
        // in a unit's 党组; a 人大常委会 member, or a member of a government's
        // 党组, holds no post by it.
        // Nor does a member of a place's own Party committee above the
        // township (西藏自治区党委委员, like 山西省委委员): its 常委 are the
        // deputies (titles_by_org §3.2–§3.5); a township's 党委委员 is one.
        let plenary = title.name == "党组成员"
            && matches!(body, None | Some(Body::Party))
            && org.departments == 0
            && org.organ.is_none()
            && matches!(
                context,
                Some(
                    "省" | "直辖市" | "副省级市" | "地级市" | "县" | "直辖市的区" | "副省级市的区"
                )
            );
        let derivable = title.role != Role::Other
            && !body.is_some_and(has_own_rule)
            && !plenary
            && (title.role != Role::Member
                || !matches!(body, Some(Body::Government | Body::Congress | Body::Cppcc)));
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
            let base_level = self.level_in_data(base);
            let steps = usize::from(deputy) + if internal { 2 } else { 0 };
            let basis = Some(Note::Derived {
                base: Some(base),
                department: departments > 0,
                internal,
                deputy,
            });
            return Placement {
                level: base_level.and_then(|l| self.level_below(l, steps)),
                cases: out_of_place.into_iter().collect(),
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

    /// A level as the data names it: by its canonical name or an alias such
    /// as 正局级.
    fn level_in_data(&self, name: &str) -> Option<&Level> {
        self.level(name)
            .or_else(|| self.level_of(self.exact_entry(name)?).map(|(l, _)| l))
    }

    /// The level by the rule of the body the post belongs to (法院, 纪委, 群团)
    /// or of the post in that body (政府秘书长): half-steps below the place's
    /// head, one more for a deputy, two for each internal unit named after
    /// the body (庭, 室).
    fn by_body_rule<'a>(
        &'a self,
        title: &'a Title,
        org: &Org<'a>,
        context: Option<&'a str>,
        body: Option<Body>,
        deputy: bool,
    ) -> Option<Placement<'a>> {
        let b = body?;
        let rules = &self.organisations.body_rules;
        let named = |name: &str| {
            rules
                .iter()
                .find(|r| r.body == b && r.titles.iter().any(|t| **t == *name))
        };
        // 副秘书长 has a rule of its own where 秘书长 is a 常委 (党委).
        let deputy_rule = org
            .deputy
            .then(|| named(&format!("副{}", title.name)))
            .flatten();
        let rule = deputy_rule.or_else(|| named(&title.name)).or_else(|| {
            // Members of a 纪委's standing committee and the like: no rule.
            rules.iter().find(|r| {
                r.body == b
                    && r.titles.is_empty()
                    && matches!(title.role, Role::Head | Role::Deputy)
            })
        })?;
        let unit = self.unit_level(context?)?;
        let place_head = self.level(&unit.head)?;
        let internal = match b {
            _ if !has_own_rule(b) => 0,
            // A 群团's 部长 heads one of its 部 even when the 部 is not named
            // (共青团吉林省委部长): never the body's head, its 书记 or 主席.
            Body::MassOrg if title.name.ends_with("部长") => org.departments.max(1),
            _ => org.departments,
        };
        let department = unit
            .department
            .as_deref()
            .filter(|_| rule.like_department)
            .and_then(|d| self.level(d));
        let (head, below) = match department {
            Some(d) => (d, 0),
            None => (place_head, usize::from(rule.below)),
        };
        let steps = below + 2 * internal + usize::from(deputy);
        Some(Placement {
            level: self.level_below(head, steps),
            rule: Rule::Derived,
            confidence: Certainty::of(rule.confidence).max(Certainty::Medium),
            fact: Some(rule.confidence),
            sources: &rule.sources,
            basis: Some(Note::BodyRule {
                body: b.label(),
                place: &place_head.name,
                steps: steps + (head.order as usize).saturating_sub(place_head.order as usize),
            }),
            data_notes: &rule.notes,
            ..Placement::default()
        })
    }

    /// Whether a case's 高配 applies to the units the text names: `省会`, the
    /// place is a provincial capital; any other word, a department's name
    /// holds it (公安).
    fn often_applies(&self, word: &str, org: &Org<'_>) -> bool {
        if word == "省会" {
            let place = org.units.iter().rev().find(|u| u.context.is_some());
            return place.is_some_and(|u| self.places_named(&u.name).any(|p| p.capital));
        }
        org.units
            .iter()
            .any(|u| u.is_department() && u.name.contains(word))
    }

    /// The level `steps` half-steps below `level` on the ladder (staying
    /// within the ten leadership levels).
    pub(super) fn level_below<'a>(&'a self, level: &'a Level, steps: usize) -> Option<&'a Level> {
        let order = level.order as usize + steps;
        self.levels()
            .find(|l| l.order as usize == order && l.is_leadership())
    }
}

/// Bodies whose level comes from a rule of their own, not from the cases of
/// the Party and government titles they share (书记 of a 纪委 or 团委).
fn has_own_rule(b: Body) -> bool {
    matches!(
        b,
        Body::Court | Body::Procuratorate | Body::Discipline | Body::MassOrg
    )
}

#[cfg(test)]
mod tests {
    use super::{ZONE_ENDS, ZONES, zone_at};

    #[test]
    fn zone_words_end_in_a_zone_end_and_hold_none_before() {
        for z in ZONES {
            let mut chars = z.chars();
            let last = chars.next_back().unwrap();
            assert!(
                ZONE_ENDS.contains(&last) && !chars.as_str().contains(ZONE_ENDS),
                "{z}"
            );
        }
    }

    #[test]
    fn zone_at_finds_the_first_zone_word() {
        let naive = |t: &str| ZONES.iter().filter_map(|z| t.find(z)).min();
        for t in [
            "",
            "区",
            "深圳市南山区区长",
            "苏州工业园区管委会主任",
            "上海浦东新区区委书记",
            "合肥高新区管委会副主任",
            "天津滨海新区管理委员会",
            "珠海横琴新区管理委员会副主任",
            "广州开发区、黄埔区副区长",
            "某市商务局会计",
            "会议室主任，保税区",
        ] {
            assert_eq!(zone_at(t), naive(t), "{t}");
        }
    }
}
