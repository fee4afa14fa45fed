//! The organisation before the title: a named central organ, or a chain of
//! places, then bodies, a township and departments.

use super::{Note, Resolution, Unit};
use crate::data::Dataset;
use crate::normalize;
use crate::organisations::{
    BARE_COMMITTEES, NATIONAL_BODIES, body_at, is_unit_name, split_units, township_at,
};
use crate::schema::{Body, Organ, Place, PlaqueHead, UnitOverride};
use std::borrow::Cow;

/// What the text before the title says about the organisation.
#[derive(Debug, Default)]
pub(super) struct Org<'a> {
    pub units: Vec<Unit<'a>>,
    pub context: Option<&'a str>,
    /// A named exception for the place's head (湖北's 省直管市).
    pub place_override: Option<&'a UnitOverride>,
    pub body: Option<Body>,
    /// Working departments or internal units named after the body.
    pub departments: usize,
    /// Places whose name several divisions share, not settled by the text.
    pub ambiguous: Vec<&'a Place>,
    /// The context came from a bare word (县委), not a named place.
    pub bare: bool,
    /// A unit of its own placed in the earlier post's organisation (青干科
    /// after 组织部副部长): inside it or beside its last unit, a guess.
    pub guessed: bool,
    /// A place not in today's gazetteer, read by its suffix (新华区 of 海口,
    /// abolished 2002; 栖霞县, now a 市).
    pub typed: bool,
    pub organ: Option<&'a Organ>,
    /// The plaque named (国家公务员局), when `organ` is the organ that
    /// carries it and not one with it.
    pub plaque: Option<&'a Organ>,
    /// 副 written before a head's title the data has no deputy form of
    /// (副秘书长): the deputy of that post.
    pub deputy: bool,
    /// Text that was not understood.
    pub leftover: Option<String>,
    /// The post is in the 党组 of the last unit named (局党组书记).
    pub party_group: bool,
    /// No place of its own: the earlier post's organisation (厂长、党委书记;
    /// 党委常委、政治处副主任), not a place it names again (省纪委书记).
    pub from_earlier: bool,
    /// A bare title after a post half read (党组副书记 after 省供销社理事会
    /// 副主任) is held in the unit not understood, not in the place: that
    /// unit's text. Its places still carry to the next post.
    pub in_unread: Option<String>,
}

/// Leads that say the body before the place is named (中共XX省委员会,
/// 政协XX市委员会): the body, and the word that closes the name.
pub(super) const LEADS: &[(&str, Body)] = &[
    ("中国共产党", Body::Party),
    ("中共", Body::Party),
    ("中国人民政治协商会议", Body::Cppcc),
    ("政协", Body::Cppcc),
    ("共青团", Body::MassOrg),
];

/// The kind of a city read as county-level then (县级吴忠市, 平凉市（县级）).
pub(crate) const COUNTY_THEN: &str = "县级市（当时）";

/// The place's own suffix written again before its body (唐山市市委,
/// 和田地委, 丰宁县县委), or a short name's suffix in another form.
pub(super) const REPEATED: &[char] = &['市', '县', '区', '旗', '州', '盟', '地', '省'];

/// Whether `c`, written after a place's name, can be that place's suffix:
/// 地 (地委) and 州, 盟 go with any prefecture (宣城地委: 宣城地区, now 宣城市).
fn suffix_fits(c: char, p: &Place) -> bool {
    match c {
        '地' | '州' | '盟' => p.kind.is_prefectural(),
        _ => p.name.ends_with(c),
    }
}

/// Words of water that follow a place's short name in the names of lakes
/// and bays (鄱阳湖, 崖州湾). Not 海 or 山: 北海 + 海洋产业园区 is 北海市's.
const LANDFORMS: &[char] = &['湖', '湾'];

/// The Party group or committee of a unit, written after its name.
pub(super) const PARTY_GROUPS: &[&str] = &["联合党委", "分党组", "党组", "党委", "党工委"];

/// A place named by its suffix alone in a later post, and which unit of the
/// earlier chain it names.
type Fits = fn(&Unit<'_>) -> bool;
const BACK_REFERENCES: &[(&str, Fits)] = &[
    ("自治区", |u| u.kind == "自治区"),
    ("地区", |u| matches!(u.context, Some("地级市"))),
    ("省", |u| matches!(u.kind, "省" | "自治区")),
    ("市", |u| u.name.ends_with('市')),
    ("县", |u| u.name.ends_with('县')),
    ("区", |u| u.name.ends_with('区') && u.kind != "自治区"),
    ("州", |u| u.name.ends_with('州')),
    ("旗", |u| u.name.ends_with('旗')),
    ("盟", |u| u.name.ends_with('盟')),
    // 镇党委委员 after 渔湖镇党政办公室主任: the township's.
    ("镇", |u| u.name.ends_with('镇')),
    ("乡", |u| u.name.ends_with('乡')),
];

/// A tier named alone before a body (省政协, 县纪委), and its kind of
/// organisation. 市 and 区 are left out: which kind of city or district is
/// not said.
const BARE_TIERS: &[(&str, &str)] = &[
    ("自治区", "省"),
    ("地区", "地级市"),
    ("省", "省"),
    ("县", "县"),
    ("旗", "县"),
    ("州", "地级市"),
    ("盟", "地级市"),
];

/// 团省委, 团市委, 团县委 after a place or alone: the youth league's committee.
const LEAGUE: &[(&str, &str)] = &[
    ("团省委", "省"),
    ("团市委", "地级市"),
    ("团地委", "地级市"),
    ("团州委", "地级市"),
    ("团县委", "县"),
    ("团区委", "县"),
    ("团旗委", "县"),
];

impl Dataset {
    /// `source` is the input itself when `prefix` is a slice of it.
    pub(super) fn read_organisation<'a>(
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
        // `name` is a slice of `prefix`, so of `source` at the same place.
        let name_of = |name: &str| -> Cow<'a, str> {
            let at = (name.as_ptr() as usize).checked_sub(prefix.as_ptr() as usize);
            match at
                .zip(source)
                .and_then(|(at, s)| s.get(at..at + name.len()))
            {
                Some(s) => Cow::Borrowed(s),
                None => Cow::Owned(name.to_string()),
            }
        };
        rest = rest.strip_prefix("中华人民共和国").unwrap_or(rest);
        // 纪委驻X纪检组: a post sent to another unit, whose level the
        // reference does not give: read nothing rather than the sender's.
        // Searched for only where its last byte is: a non-ASCII `char`
        // pattern is searched for as a string, a searcher set up per title.
        if rest.as_bytes().contains(&"驻".as_bytes()[2]) && rest.contains('驻') {
            org.leftover = Some(rest.to_string());
            return org;
        }
        let mut lead = None;
        let lead_word = rest
            .starts_with(['中', '政', '共'])
            .then(|| LEADS.iter().find(|(w, _)| rest.starts_with(w)))
            .flatten();
        if let Some(&(word, body)) = lead_word {
            // 共青团中央, 中共中央 … are organs: leave them to the organ index.
            if self.organ_at(rest).is_none_or(|(len, _)| len <= word.len()) {
                rest = &rest[word.len()..];
                lead = Some(body);
                org.body = Some(body);
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
                context: None,
            });
            return org;
        }
        // A named central organ or university.
        let organ_text = rest
            .strip_prefix("国务院")
            .filter(|r| self.organ_at(r).is_some())
            .unwrap_or(rest);
        if let Some((len, organ)) = self.organ_at(organ_text) {
            // A plaque's posts are those of the organ that carries it; a
            // title on the plaque itself is not read as that organ's unless
            // they are one organ (see `place_title`).
            let host = organ.plaque_of.as_deref().and_then(|p| self.organ(p));
            if host.is_some() && organ.plaque_head != Some(PlaqueHead::Host) {
                org.plaque = Some(organ);
            }
            let organ = host.unwrap_or(organ);
            org.organ = Some(organ);
            org.units.push(Unit {
                name: Cow::Borrowed(&organ.name),
                kind: &organ.category,
                level: organ.level.as_deref(),
                context: None,
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
            // 县级吴忠市: a city that was county-level then (吴忠 is a 地级市 now).
            let county_then = rest.strip_prefix("县级");
            rest = self.read_places(county_then.unwrap_or(rest), &mut org);
            if county_then.is_some() {
                match org.units.last_mut() {
                    Some(u) if org.context == Some("地级市") => {
                        org.context = Some("县");
                        u.context = Some("县");
                        u.kind = COUNTY_THEN;
                        u.level = self.unit_level("县").map(|l| &*l.head);
                    }
                    Some(_) => {}
                    None => rest = prefix,
                }
            }
            rest = self.read_typed_place(rest, &mut org, &name_of);
        }
        // 中共XX省委员会, 政协XX市委员会: the lead named the body.
        if lead.is_some() {
            for close in ["委员会", "委"] {
                if let Some(r) = rest.strip_prefix(close) {
                    rest = r;
                    break;
                }
            }
        }
        if let Some(prev) = inherited.filter(|_| org.units.is_empty() && lead.is_none()) {
            rest = self.inherit(&mut org, prev, rest);
            // A place's named exception (湖北's 省直管市) comes with the place:
            // 天门市委副书记、代市长 is 天门's 市长 too.
            org.place_override = org
                .units
                .iter()
                .rfind(|u| u.context.is_some())
                .and_then(|u| {
                    self.unit_override(&u.name)
                        .filter(|o| u.level == Some(&*o.head))
                });
        }
        if org.units.is_empty() {
            // 省政协, 县纪委, 州人大: a tier and a body, no place named.
            let tier = BARE_TIERS
                .iter()
                .find(|(t, _)| rest.starts_with(t))
                .and_then(|&(t, ctx)| Some((t, ctx, body_at(&rest[t.len()..])?)));
            // 省 + 政协副主席: the title names the body itself.
            let alone = BARE_TIERS.iter().find(|(t, _)| rest == *t);
            // 省外办, 县教育局: a province's or a county's department.
            let department = BARE_TIERS
                .iter()
                .filter(|(t, _)| matches!(*t, "省" | "自治区" | "县"))
                .find(|(t, _)| {
                    rest.strip_prefix(t)
                        .and_then(|after| split_units(after).next())
                        .is_some_and(is_unit_name)
                });
            if let Some(&(_, ctx)) = alone {
                org.context = Some(ctx);
                org.bare = true;
                rest = "";
            } else if let (None, Some(&(t, ctx))) = (tier, department) {
                org.context = Some(ctx);
                org.bare = true;
                rest = &rest[t.len()..];
            } else if let Some((t, ctx, (body, len))) = tier {
                org.context = Some(ctx);
                org.bare = true;
                org.body = Some(body);
                rest = &rest[t.len() + len..];
            } else if let Some(&(word, ctx)) =
                BARE_COMMITTEES.iter().find(|(w, _)| rest.starts_with(w))
            {
                org.context = Some(ctx);
                org.bare = true;
                org.body = Some(if word.ends_with("政府") {
                    Body::Government
                } else {
                    Body::Party
                });
                rest = &rest[word.len()..];
            } else if let Some(&(word, ctx)) = LEAGUE.iter().find(|(w, _)| rest.starts_with(w)) {
                org.context = Some(ctx);
                org.bare = true;
                org.body = Some(Body::MassOrg);
                rest = &rest[word.len()..];
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
                context: Some(ctx),
            });
            rest = &rest[end..];
            rest = rest.strip_prefix("办事处").unwrap_or(rest);
        }
        // The place's suffix written again: 唐山市市委, 和田地委, 丰宁县县委.
        if let Some(last) = org.units.last() {
            if let Some(c) = rest.chars().next().filter(|c| REPEATED.contains(c)) {
                let fits = last.name.ends_with(c) || (c == '地' && last.kind != "未收录的地名");
                if fits && body_at(&rest[c.len_utf8()..]).is_some() {
                    rest = &rest[c.len_utf8()..];
                }
            }
            let league = rest
                .starts_with('团')
                .then(|| LEAGUE.iter().find(|(w, _)| rest.starts_with(w)));
            if let Some(&(word, _)) = league.flatten() {
                org.body = Some(Body::MassOrg);
                rest = &rest[word.len()..];
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
        // The 党组 or 党委 of the unit just named: the post is that unit's
        // (局党组书记 = the 局's head), never the place's.
        // Only a text ending in 组 or 委 can end in a Party group's name.
        for group in PARTY_GROUPS.iter().filter(|_| rest.ends_with(['组', '委'])) {
            if org.units.is_empty() && org.body.is_none() {
                break;
            }
            if let Some(r) = rest.strip_suffix(group) {
                rest = r;
                org.party_group = group.ends_with("党组");
                break;
            }
        }
        if !rest.is_empty() {
            // Departments then internal units; more than four is not a name.
            let mut names = [""; 4];
            let mut count = 0;
            // 县委办, 行署办: the body's 办公室 written short, before units
            // of its own (行署办经济研究室), is a unit of its own.
            let (office, after) = match rest.strip_prefix('办') {
                Some(after)
                    if org.body.is_some() && !after.is_empty() && !after.starts_with('公') =>
                {
                    (Some(&rest[..'办'.len_utf8()]), after)
                }
                _ => (None, rest),
            };
            // A 室 or 部 inside a 中心 under a place (福建省节能技术中心监测室,
            // 定西地区旱农科研推广中心科研部) is a 事业单位's, whose level the
            // reference does not give; read whole it was the place's
            // department (正厅 and 高). A 处, 科 or 股 there keeps its own
            // level, and a named organ's 中心 its reading.
            // (A window search: `contains` sets up a searcher per call, a
            // cost on every department name read.)
            let holds =
                |name: &str, w: &str| name.as_bytes().windows(w.len()).any(|x| x == w.as_bytes());
            let in_centre = |name: &str| {
                org.organ.is_none() && !name.ends_with(['处', '科', '股']) && holds(name, "中心")
            };
            // Nor is a faculty's 团委 or 党委 a university's (北京大学哲学系
            // 团委 was the university's department, 正处): the reference
            // gives 院系 a customary level, not their units.
            let in_faculty =
                |name: &str| org.organ.is_some() && (holds(name, "系团") || holds(name, "系党"));
            for name in office.into_iter().chain(split_units(after)) {
                if count == names.len()
                    || !is_unit_name(name)
                    || in_centre(name)
                    || in_faculty(name)
                {
                    count = usize::MAX;
                    break;
                }
                names[count] = name;
                count += 1;
            }
            if count != usize::MAX {
                for (i, &name) in names[..count].iter().enumerate() {
                    let kind = if i == 0 && org.organ.is_none() && org.departments == 0 {
                        "工作部门"
                    } else {
                        "内设机构"
                    };
                    org.units.push(Unit {
                        name: name_of(name),
                        kind,
                        level: None,
                        context: None,
                    });
                    org.departments += 1;
                }
            } else {
                org.leftover = Some(rest.to_string());
            }
        }
        org
    }

    /// A later post of a bio without a place of its own belongs to the
    /// earlier post's organisation; returns what is left to read.
    /// - a place named by its suffix alone refers back to that place of the
    ///   earlier chain (福建省委常委、省纪委书记; 区委副书记、区政府区长);
    /// - nothing of its own: all of it (厅长、党组书记);
    /// - its own body: the places only (县委副书记、政府县长);
    /// - its own department: a sibling of the earlier one (纪委二室副主任、四室副主任).
    fn inherit<'t, 'a>(
        &'a self,
        org: &mut Org<'a>,
        prev: &Resolution<'a>,
        rest: &'t str,
    ) -> &'t str {
        let places = |end: usize| -> Vec<Unit<'a>> {
            prev.organisation[..end]
                .iter()
                .filter(|u| u.context.is_some())
                .cloned()
                .collect()
        };
        // 省信访局 after 省委办公厅副主任: the earlier post named its tier, not
        // a place, and the tier again begins a post of its own, read as that
        // one was (not a unit inside the 办公厅).
        let tier_again = BARE_TIERS
            .iter()
            .any(|&(t, ctx)| rest.starts_with(t) && prev.context == Some(ctx));
        if tier_again && prev.organisation.iter().all(|u| u.context.is_none()) {
            return rest;
        }
        org.organ = prev.organ;
        org.plaque = prev.plaque;
        org.typed = prev.typed;
        // A post whose organisation was half read lends its places only: the
        // text not understood.
        let unread = prev.found.iter().find_map(|n| match n {
            Note::Leftover(text) => Some(text),
            _ => None,
        });
        let back_to = |suffix: &str| {
            let (_, fits) = BACK_REFERENCES.iter().find(|(w, _)| *w == suffix)?;
            prev.organisation
                .iter()
                .rposition(|u| u.context.is_some() && fits(u))
        };
        // 团县委 after 县委副书记: the youth league of that county.
        if let Some(&(word, _)) = LEAGUE.iter().find(|(w, _)| rest.starts_with(w)) {
            let suffix = &word['团'.len_utf8()..word.len() - '委'.len_utf8()];
            let suffix = if suffix == "地" { "地区" } else { suffix };
            if let Some(at) = back_to(suffix) {
                org.units = places(at + 1);
                org.context = prev.organisation[at].context;
                org.body = Some(Body::MassOrg);
                return &rest[word.len()..];
            }
            return rest;
        }
        for (word, _) in BACK_REFERENCES {
            let Some(after) = rest.strip_prefix(word) else {
                continue;
            };
            // 地区 alone before 行署专员: the title follows at once.
            // 市教委: a department of that place too (not 市场监督管理局, nor
            // 乡镇企业局 after a 乡).
            let names_a_body = after.is_empty()
                || body_at(after).is_some()
                || (!after.starts_with(['场', '镇'])
                    && split_units(after).next().is_some_and(is_unit_name));
            if let (true, Some(at)) = (names_a_body, back_to(word)) {
                org.units = places(at + 1);
                org.context = prev.organisation[at].context;
                return after;
            }
        }
        // 党组书记 after 厅长: the 党组 of the unit just named.
        let own = PARTY_GROUPS
            .iter()
            .find_map(|g| rest.strip_suffix(g))
            .unwrap_or(rest);
        org.from_earlier = true;
        if let Some(text) = unread {
            org.units = places(prev.organisation.len());
            org.context = org.units.iter().rev().find_map(|u| u.context);
            // Only a bare title: a unit named after a half-read post (人事处
            // after 组织部机关党委副书记) is more often the organ's, whose
            // places it takes (realworld_extra, realworld_holdout). Unless
            // what was not read is itself a body or court (思茅地委, 伊犁州
            // 分院): a unit after it is its own (思茅地委副秘书长、办公室主任
            // read as the province's 办公室, 正厅), but for a 厅, which only
            // a province has.
            let a_body = text.ends_with(['委', '院', '府', '署']) && !own.ends_with('厅');
            if own.is_empty() || a_body {
                org.in_unread = Some(text.clone());
            }
        } else if own.is_empty() {
            org.units = prev.organisation.clone();
            org.context = prev.context;
            org.body = prev.body;
            org.departments = org.units.iter().filter(|u| u.is_department()).count();
        } else if body_at(own).is_some() {
            org.units = places(prev.organisation.len());
            org.context = org.units.iter().rev().find_map(|u| u.context);
        } else {
            // Its own unit: a sibling of the earlier post's last unit when
            // named alike (二室 after 四室, 人事处 after 综合处), else a unit
            // inside it (政治部 after 公安局副局长). A guess either way: not 高.
            org.guessed = true;
            let ending = |name: &str| name.chars().last();
            let first_own = split_units(own).next().unwrap_or(own);
            let keep = match prev.organisation.last() {
                Some(u) if u.is_department() && ending(&u.name) == ending(first_own) => {
                    prev.organisation.len() - 1
                }
                _ => prev.organisation.len(),
            };
            org.units = prev.organisation[..keep].to_vec();
            org.context = prev.context;
            org.body = prev.body;
            org.departments = org.units.iter().filter(|u| u.is_department()).count();
        }
        rest
    }

    /// A place not in the gazetteer, read by its suffix, where what follows
    /// is a body or a department: 海口市 + 新华区委 (abolished 2002). Its kind
    /// comes from the place before it; where that leaves it open (a 市 in a
    /// province: 地级 or 县级), nothing is read.
    fn read_typed_place<'t, 'a>(
        &'a self,
        text: &'t str,
        org: &mut Org<'a>,
        name_of: &impl Fn(&str) -> Cow<'a, str>,
    ) -> &'t str {
        let parent = org.context;
        for (i, c) in text.char_indices().skip(1).take(5) {
            // Only these end a place's name: the context is not compared
            // for other characters.
            if !matches!(c, '县' | '旗' | '区' | '市' | '州' | '盟') {
                continue;
            }
            let ctx = match (c, parent) {
                ('县' | '旗', Some("地级市" | "省") | None) => "县",
                ('县', Some("直辖市")) => "直辖市的区",
                ('区', Some("直辖市")) => "直辖市的区",
                ('区', Some("副省级市")) => "副省级市的区",
                ('区', Some("地级市")) => "县",
                ('市', Some("地级市" | "副省级市")) => "县",
                ('州' | '盟', Some("省")) => "地级市",
                // 萧山市 in a province: a 地级市 or a 县级市? Not read.
                ('市' | '区', Some("省")) => "",
                _ => continue,
            };
            let end = i + c.len_utf8();
            let after = &text[end..];
            let stem = &text[..i];
            if stem.chars().count() < 2 || stem.ends_with('团') {
                continue;
            }
            let names_a_unit = after.is_empty()
                || body_at(after).is_some()
                || township_at(after).is_some()
                || split_units(after).next().is_some_and(is_unit_name);
            if !names_a_unit || stem.contains(['委', '局', '厅', '部', '办']) {
                return text;
            }
            if ctx.is_empty() {
                org.leftover = Some(text.to_string());
                return "";
            }
            org.units.push(Unit {
                name: name_of(&text[..end]),
                kind: "未收录的地名",
                level: self.unit_level(ctx).map(|u| &*u.head),
                context: Some(ctx),
            });
            org.context = Some(ctx);
            org.typed = true;
            org.place_override = None;
            org.ambiguous.clear();
            return after;
        }
        text
    }

    /// Read the chain of places at the start of `text`; return what follows.
    fn read_places<'t, 'a>(&'a self, mut text: &'t str, org: &mut Org<'a>) -> &'t str {
        let mut last: Option<&'a Place> = None;
        while let Some((mut len, hits)) = self.places_at(text) {
            let fits =
                |p: &&'a Place| last.is_none_or(|l| p.code != l.code && self.is_within(p, l));
            let all = || {
                hits.iter()
                    .map(|h| (h.id, &self.place_list()[h.id as usize]))
                    .filter(|(_, p)| fits(p))
            };
            // A short name followed by its own suffix in another form
            // (丰宁 + 县 of 丰宁满族自治县, 和田 + 地委 of 和田地区): the suffix
            // settles which place, and belongs to the name. Also the former
            // 地区 of a prefecture's name (邢台地区, now 邢台市), and an
            // autonomous division's suffix without its peoples (湘西自治州).
            let mut keep: Option<char> = None;
            // What follows the name, sliced once; 自治 tested before the
            // words that start with it.
            let next = &text[len..];
            let auto = || {
                ["自治州", "自治县", "自治旗"]
                    .into_iter()
                    .find(|a| next.starts_with(a) && all().any(|(_, p)| p.name.ends_with(a)))
            };
            if next.starts_with("地区") && all().any(|(_, p)| p.kind.is_prefectural()) {
                keep = Some('地');
                len += "地区".len();
            } else if let Some(auto) = next.starts_with("自治").then(auto).flatten() {
                keep = auto.chars().last();
                len += auto.len();
            } else if let Some(c) = next.chars().next().filter(|c| REPEATED.contains(c)) {
                if all().all(|(_, p)| p.name.len() != len) {
                    if !all().any(|(_, p)| suffix_fits(c, p)) {
                        // 丽江县 is not 丽江市: a place of another name.
                        break;
                    }
                    keep = Some(c);
                    len += c.len_utf8();
                }
            }
            let suffixed = keep.is_some();
            let mut candidates = all().filter(|(_, p)| keep.is_none_or(|c| suffix_fits(c, p)));
            let Some((first_id, first)) = candidates.next() else {
                break;
            };
            // Namesakes are rare: collect them only when there are some.
            let others: Vec<&'a Place> = candidates.map(|(_, p)| p).collect();
            // A name without its suffix (公安 of 公安县) is taken for a place
            // only where nothing else is likely meant.
            let full =
                suffixed || first.name.len() == len || others.iter().any(|p| p.name.len() == len);
            let after = &text[len..];
            let plausible = full
                || len == text.len()
                || body_at(after).is_some()
                || LEAGUE.iter().any(|(w, _)| after.starts_with(w))
                || last.is_some()
                || first.kind.is_provincial()
                || first.kind.is_prefectural();
            // 公安 + 局 is a department (荆州市公安局), not 公安县's bureau: a
            // county's name without its suffix, followed at once by a
            // unit's suffix, is the unit's name.
            let county = !first.kind.is_provincial() && !first.kind.is_prefectural();
            let unit_word =
                !full && county && after.starts_with(['局', '厅', '处', '科', '委', '办']);
            // 鄱阳 + 湖 is the lake (鄱阳湖生态经济区), 崖州 + 湾 the bay, not a
            // unit of 鄱阳县 or 崖州区: a short name run into 湖 or 湾 names
            // the water, unless another place starts there (浙江湖州).
            let landform = !full && after.starts_with(LANDFORMS) && self.places_at(after).is_none();
            if !plausible || unit_word || landform {
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
                    .or_else(|| Some(&*self.place_unit_level_at(first_id)?.head)),
                context: ctx,
            });
            org.context = ctx;
            org.place_override = over;
            last = Some(first);
            text = &text[len..];
            // 广西 + 壮族 + 自治区主席: the people's name of the place's own.
            // Only an autonomous division's short name can be followed by one.
            // (自治 + 区, 州, 县 or 旗 at its end, and a text that starts as
            // a people's name does, a bit test: not every word of both lists
            // compared for every place read.)
            let autonomous = first
                .name
                .strip_suffix(['区', '州', '县', '旗'])
                .is_some_and(|s| s.ends_with("自治"));
            if autonomous && text.chars().next().is_some_and(normalize::starts_a_people) {
                if let Some(p) = normalize::PEOPLES
                    .iter()
                    .find(|p| text.starts_with(*p) && first.name.contains(*p))
                {
                    text = &text[p.len()..];
                }
            }
        }
        text
    }
}
