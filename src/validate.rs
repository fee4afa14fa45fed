//! Consistency checks and the lookup index, shared by `build.rs` (which
//! refuses to bake inconsistent data) and run-time loading.

use crate::normalize;
use crate::schema::organisations::OrganisationsFile;
use crate::schema::places::{Place, PlacesFile};
use crate::schema::{Confidence, IndexEntry, NameIndex, NameTable, RanksFile, Sequence, Target};
use std::collections::{BTreeMap, BTreeSet};

/// Check all the data files together: every cross-reference, every band,
/// every source id (declared once, in any file, and cited somewhere). The
/// lookup index checks its own names ([`index`]).
pub fn all(
    ranks_file: &RanksFile,
    orgs: &OrganisationsFile,
    places_file: &PlacesFile,
) -> Result<(), Vec<String>> {
    let mut errs = Vec::new();
    let mut sources = BTreeSet::new();
    for s in ranks_file.sources.iter().chain(orgs.sources.iter()) {
        if !sources.insert(&*s.id) {
            errs.push(format!("source {}: declared twice", s.id));
        }
    }
    let mut cited = BTreeSet::new();
    errs.extend(
        ranks(ranks_file, &sources, &mut cited)
            .err()
            .unwrap_or_default(),
    );
    errs.extend(
        organisations(orgs, ranks_file, &sources, &mut cited)
            .err()
            .unwrap_or_default(),
    );
    errs.extend(places(places_file).err().unwrap_or_default());
    for id in &sources {
        if !cited.contains(*id) {
            errs.push(format!("source {id}: never cited"));
        }
    }
    if errs.is_empty() { Ok(()) } else { Err(errs) }
}

/// Check every cross-reference and band in `data`.
fn ranks(
    data: &RanksFile,
    sources: &BTreeSet<&str>,
    cited: &mut BTreeSet<String>,
) -> Result<(), Vec<String>> {
    let mut errs = Vec::new();
    let levels: BTreeSet<&str> = data.levels.iter().map(|l| &*l.name).collect();
    let ranks: BTreeSet<&str> = data.ranks.iter().map(|r| &*r.name).collect();
    let contexts: BTreeSet<&str> = data.contexts.iter().map(|c| &*c.name).collect();
    let mut check_sources =
        |what: &str, ids: &[crate::schema::Text], conf: Confidence, errs: &mut Vec<String>| {
            for id in ids {
                cited.insert(id.to_string());
                if !sources.contains(&**id) {
                    errs.push(format!("{what}: unknown source id `{id}`"));
                }
            }
            if ids.is_empty() && matches!(conf, Confidence::Official | Confidence::Secondary) {
                errs.push(format!(
                    "{what}: confidence `{conf:?}` needs at least one source"
                ));
            }
        };
    let level_ref = |what: &str, name: &str, errs: &mut Vec<String>| {
        if !levels.contains(name) {
            errs.push(format!("{what}: unknown level `{name}`"));
        }
    };
    let post_ref = |what: &str, name: &str, errs: &mut Vec<String>| {
        if !levels.contains(name) && !ranks.contains(name) {
            errs.push(format!("{what}: `{name}` is neither a level nor a rank"));
        }
    };
    let mut orders = BTreeSet::new();
    for l in data.levels.iter() {
        let what = format!("level {}", l.name);
        grade_ok(&what, &l.grade, &mut errs);
        check_sources(&what, &l.sources, l.confidence, &mut errs);
        if !orders.insert(l.order) {
            errs.push(format!("{what}: order {} is used twice", l.order));
        }
    }
    let mut seq_orders = BTreeSet::new();
    for r in data.ranks.iter() {
        let what = format!("rank {}", r.name);
        if let Some(g) = &r.grade {
            grade_ok(&what, g, &mut errs);
        }
        check_sources(&what, &r.sources, r.confidence, &mut errs);
        if !seq_orders.insert((r.sequence, r.order)) {
            errs.push(format!(
                "{what}: order {} is used twice in its sequence",
                r.order
            ));
        }
        for l in r.level.iter().chain(&r.min_rank_for) {
            level_ref(&what, l, &mut errs);
        }
        for n in r.general_equivalent.iter().chain(&r.converts_to) {
            if !ranks.contains(&**n) {
                errs.push(format!("{what}: unknown rank `{n}`"));
            }
        }
        // An equivalent is a 综合管理类 rank with a level of its own: no
        // chains, so no cycles (a rank that is its own equivalent).
        if let Some(n) = &r.general_equivalent {
            let target = data.ranks.iter().find(|x| x.name == *n);
            if target.is_some_and(|t| t.sequence != Sequence::General || t.level.is_none()) {
                errs.push(format!(
                    "{what}: `general_equivalent` must name a 综合管理类 rank that has a `level` (`{n}` does not)"
                ));
            }
        }
        // 法官、检察官等级 and 警衔: no stated correspondence, and the data
        // must say so in a note rather than leave the reader guessing.
        let alone = r.sequence.stands_alone();
        if alone && (r.level.is_some() || r.general_equivalent.is_some() || r.grade.is_some()) {
            errs.push(format!(
                "{what}: a {:?} rank has no stated level, equivalent or band",
                r.sequence
            ));
        }
        if alone && r.notes.is_empty() {
            errs.push(format!("{what}: must say in a note why it has no level"));
        }
        if !alone && r.level.is_none() && r.general_equivalent.is_none() {
            errs.push(format!("{what}: needs `level` or `general_equivalent`"));
        }
        if r.sequence.outside_civil_service() && r.grade.is_some() {
            errs.push(format!(
                "{what}: no source gives a 事业单位 grade a civil-service 级别 band"
            ));
        }
        if let Some(p) = &r.promotion {
            check_sources(&what, &p.sources, p.confidence, &mut errs);
            for f in p.from.iter() {
                post_ref(&what, f, &mut errs);
            }
        }
    }
    for s in data.rank_settings.iter() {
        let what = format!("rank_setting {}", s.unit);
        check_sources(&what, &s.sources, s.confidence, &mut errs);
        for n in s.from.iter().chain(s.only.iter()) {
            if !ranks.contains(&**n) {
                errs.push(format!("{what}: unknown rank `{n}`"));
            }
        }
        if s.from.is_none() == s.only.is_empty() {
            errs.push(format!("{what}: give exactly one of `from` and `only`"));
        }
    }
    let insignia = |name: &str| {
        data.ranks
            .iter()
            .find(|r| r.name == name && r.sequence == crate::schema::Sequence::PoliceRank)
            .map(|r| r.order)
    };
    for i in data.insignia_ranges.iter() {
        let what = format!("insignia_range {}", i.post);
        check_sources(&what, &i.sources, i.confidence, &mut errs);
        if let Some(l) = &i.level {
            level_ref(&what, l, &mut errs);
        }
        match (insignia(&i.highest), insignia(&i.lowest)) {
            (Some(h), Some(l)) if h <= l => {}
            (Some(_), Some(_)) => errs.push(format!("{what}: highest is below lowest")),
            _ => errs.push(format!(
                "{what}: `{}`/`{}` is not a 警衔",
                i.highest, i.lowest
            )),
        }
    }
    let judge = |name: &str| {
        data.ranks
            .iter()
            .find(|r| r.name == name && r.sequence == crate::schema::Sequence::Judge)
            .map(|r| r.order)
    };
    for j in data.judge_post_ranges.iter() {
        let what = format!("judge_post_range {}{}", j.court, j.post);
        check_sources(&what, &j.sources, j.confidence, &mut errs);
        match (judge(&j.highest), judge(&j.lowest)) {
            (Some(h), Some(l)) if h <= l => {}
            (Some(_), Some(_)) => errs.push(format!("{what}: highest is below lowest")),
            _ => errs.push(format!(
                "{what}: `{}`/`{}` is not a 法官等级",
                j.highest, j.lowest
            )),
        }
    }
    for t in data.titles.iter() {
        let what = format!("title {}", t.name);
        check_sources(&what, &t.sources, t.confidence, &mut errs);
        if let Some(l) = &t.level {
            level_ref(&what, l, &mut errs);
        }
        if t.level.is_some() && !t.cases.is_empty() {
            errs.push(format!("{what}: has both a fixed `level` and `cases`"));
        }
        if !t.cases.is_empty() && t.depends_on.is_none() {
            errs.push(format!(
                "{what}: context-dependent, so it must say what it `depends_on`"
            ));
        }
        for c in t.only_at.iter() {
            if !contexts.contains(&**c) {
                errs.push(format!("{what}: only_at names an unknown context `{c}`"));
            }
        }
        let mut at = BTreeSet::new();
        for c in t.cases.iter() {
            if !at.insert((&*c.at, c.body)) {
                errs.push(format!(
                    "{what}: two cases at {} need different `body`",
                    c.at
                ));
            }
            let what = format!("{what} at {}", c.at);
            if c.often_for.is_some() && c.often.is_none() {
                errs.push(format!("{what}: `often_for` without `often`"));
            }
            if !contexts.contains(&*c.at) {
                errs.push(format!("{what}: unknown context"));
            }
            check_sources(&what, &c.sources, c.confidence, &mut errs);
            for l in c.level.iter().chain(&c.often) {
                level_ref(&what, l, &mut errs);
            }
        }
    }
    if errs.is_empty() { Ok(()) } else { Err(errs) }
}

/// Check `data/careers.toml`: its sources declared once (here or in the
/// other files) and each of its own cited; every level of a step known, and
/// steps going up one level at a time.
pub fn careers(
    file: &crate::schema::careers::CareersFile,
    ranks_file: &RanksFile,
    orgs: &OrganisationsFile,
) -> Result<(), Vec<String>> {
    let mut errs = Vec::new();
    let elsewhere: BTreeSet<&str> = ranks_file
        .sources
        .iter()
        .chain(orgs.sources.iter())
        .map(|s| &*s.id)
        .collect();
    let mut own = BTreeSet::new();
    for s in file.sources.iter() {
        if elsewhere.contains(&*s.id) || !own.insert(&*s.id) {
            errs.push(format!("source {}: declared twice", s.id));
        }
    }
    let mut cited = BTreeSet::new();
    let mut check =
        |what: &str, ids: &[crate::schema::Text], conf: Confidence, errs: &mut Vec<String>| {
            for id in ids {
                cited.insert(id.to_string());
                if !own.contains(&**id) && !elsewhere.contains(&**id) {
                    errs.push(format!("{what}: unknown source id `{id}`"));
                }
            }
            if ids.is_empty() && matches!(conf, Confidence::Official | Confidence::Secondary) {
                errs.push(format!(
                    "{what}: confidence `{conf:?}` needs at least one source"
                ));
            }
        };
    let mut labels = BTreeSet::new();
    for f in file.facts.iter() {
        let what = format!("fact {:?} {}", f.topic, f.label);
        check(&what, &f.sources, f.confidence, &mut errs);
        if f.text.trim().is_empty() {
            errs.push(format!("{what}: empty text"));
        }
        if !labels.insert((f.topic, &*f.label)) {
            errs.push(format!("{what}: label used twice in its topic"));
        }
    }
    let order = |name: &str| {
        ranks_file
            .levels
            .iter()
            .find(|l| l.name == name)
            .map(|l| l.order)
    };
    for s in file.leadership_steps.iter() {
        let what = format!("leadership_step {} → {}", s.from, s.to);
        check(&what, &s.sources, s.confidence, &mut errs);
        match (order(&s.from), order(&s.to)) {
            (Some(f), Some(t)) if f == t + 1 && t <= 10 && f <= 10 => {}
            (Some(_), Some(_)) => errs.push(format!("{what}: not one leadership level up")),
            _ => errs.push(format!("{what}: unknown level")),
        }
        if s.years.is_none() && s.confidence != Confidence::Unconfirmed {
            errs.push(format!("{what}: no years stated, so it is unconfirmed"));
        }
    }
    for id in &own {
        if !cited.contains(*id) {
            errs.push(format!("source {id}: never cited"));
        }
    }
    // The labels the answers look up.
    use crate::schema::careers::Topic;
    for (topic, label) in [
        (Topic::RankPromotion, "第十七条"),
        (Topic::RankPromotion, "第十九条"),
        (Topic::RankPromotion, "第二十一条"),
        (Topic::RankPromotion, "第二十二条"),
        (Topic::LeadershipPromotion, "第九条"),
    ] {
        if !labels.contains(&(topic, label)) {
            errs.push(format!("fact {topic:?} {label}: missing"));
        }
    }
    if errs.is_empty() { Ok(()) } else { Err(errs) }
}

/// Build the sorted lookup index over every name, alias and English name.
/// Two different entries may share an English key (it is then ambiguous),
/// never a Chinese one.
pub fn index(data: &RanksFile) -> Result<Vec<IndexEntry>, Vec<String>> {
    // Entries are found by a u16 position: more would wrap silently.
    let too_many: Vec<String> = [
        ("levels", data.levels.len()),
        ("ranks", data.ranks.len()),
        ("titles", data.titles.len()),
    ]
    .into_iter()
    .filter(|(_, n)| *n > usize::from(u16::MAX))
    .map(|(what, n)| format!("{n} {what}: more than a u16 index holds ({})", u16::MAX))
    .collect();
    if !too_many.is_empty() {
        return Err(too_many);
    }
    let mut keys: BTreeMap<String, BTreeSet<Target>> = BTreeMap::new();
    let mut add = |names: &mut dyn Iterator<Item = &str>, target: Target| {
        for n in names {
            keys.entry(normalize::key(n)).or_default().insert(target);
        }
    };
    for (i, l) in data.levels.iter().enumerate() {
        let names = [&*l.name, &*l.short, &*l.english];
        add(
            &mut names.into_iter().chain(l.aliases.iter().map(|a| &**a)),
            Target::Level(i as u16),
        );
    }
    for (i, r) in data.ranks.iter().enumerate() {
        add(
            &mut std::iter::once(&*r.name)
                .chain(r.english.as_deref())
                .chain(r.aliases.iter().map(|a| &**a)),
            Target::Rank(i as u16),
        );
    }
    for (i, t) in data.titles.iter().enumerate() {
        add(
            &mut std::iter::once(&*t.name)
                .chain(t.english.as_deref())
                .chain(t.aliases.iter().map(|a| &**a)),
            Target::Title(i as u16),
        );
    }
    let mut errs = Vec::new();
    let mut out = Vec::new();
    for (key, targets) in keys {
        if key.is_empty() {
            errs.push("an empty name".to_string());
        }
        if targets.len() > 1 && !key.is_ascii() {
            errs.push(format!(
                "name `{key}` means more than one entry: {targets:?}"
            ));
        }
        for target in targets {
            out.push(IndexEntry {
                key: key.clone().into(),
                target,
            });
        }
    }
    if errs.is_empty() { Ok(out) } else { Err(errs) }
}

/// Check the named organs and unit levels.
fn organisations(
    orgs: &OrganisationsFile,
    ranks: &RanksFile,
    sources: &BTreeSet<&str>,
    cited: &mut BTreeSet<String>,
) -> Result<(), Vec<String>> {
    let mut errs = Vec::new();
    if orgs.organs.len() > usize::from(u16::MAX) {
        errs.push(format!(
            "{} organs: more than a u16 index holds ({})",
            orgs.organs.len(),
            u16::MAX
        ));
    }
    let levels: BTreeSet<&str> = ranks.levels.iter().map(|l| &*l.name).collect();
    let contexts: BTreeSet<&str> = ranks.contexts.iter().map(|c| &*c.name).collect();
    let names: BTreeSet<&str> = orgs.organs.iter().map(|o| &*o.name).collect();
    let mut check =
        |what: &str, ids: &[crate::schema::Text], lv: &[Option<&str>], errs: &mut Vec<String>| {
            for id in ids {
                cited.insert(id.to_string());
                if !sources.contains(&**id) {
                    errs.push(format!("{what}: unknown source id `{id}`"));
                }
            }
            for l in lv.iter().flatten() {
                if !levels.contains(l) {
                    errs.push(format!("{what}: unknown level `{l}`"));
                }
            }
        };
    for o in orgs.organs.iter() {
        let what = format!("organ {}", o.name);
        check(&what, &o.sources, &[o.level.as_deref()], &mut errs);
        for n in o.managed_by.iter().chain(&o.plaque_of) {
            if !names.contains(&**n) {
                errs.push(format!("{what}: unknown organ `{n}`"));
            }
        }
        if o.plaque_head.is_some() && o.plaque_of.is_none() {
            errs.push(format!("{what}: plaque_head without plaque_of"));
        }
    }
    for u in orgs.unit_levels.iter() {
        let what = format!("unit_level {}", u.context);
        check(
            &what,
            &u.sources,
            &[Some(&u.head), u.department.as_deref()],
            &mut errs,
        );
        if !contexts.contains(&*u.context) {
            errs.push(format!("{what}: unknown context"));
        }
        for g in u.department_grade.iter().chain(&u.deputy_grade) {
            grade_ok(&what, g, &mut errs);
        }
    }
    for d in orgs.department_overrides.iter() {
        let what = format!("department_override {}", d.context);
        check(&what, &d.sources, &[Some(&d.head)], &mut errs);
        if !contexts.contains(&*d.context) {
            errs.push(format!("{what}: unknown context"));
        }
    }
    for u in orgs.unit_overrides.iter() {
        check("unit_override", &u.sources, &[Some(&u.head)], &mut errs);
    }
    for b in orgs.body_rules.iter() {
        let what = format!("body_rule {}", b.body.label());
        check(&what, &b.sources, &[], &mut errs);
        if b.below > 8 {
            errs.push(format!("{what}: below = {} is past the ladder", b.below));
        }
    }
    let mut seen = BTreeMap::new();
    for e in organ_index(orgs).entries.iter() {
        if let Some(other) = seen.insert(e.key.clone(), e.id) {
            errs.push(format!(
                "organ name `{}` names two organs ({other} and {})",
                e.key, e.id
            ));
        }
    }
    if errs.is_empty() { Ok(()) } else { Err(errs) }
}

/// A 级别 band lies within 1–27, highest (smallest number) first.
fn grade_ok(what: &str, g: &crate::schema::Grade, errs: &mut Vec<String>) {
    if !(1..=27).contains(&g.highest) || !(1..=27).contains(&g.lowest) || g.highest > g.lowest {
        errs.push(format!(
            "{what}: 级别 band {}–{} is not within 1–27, highest first",
            g.highest, g.lowest
        ));
    }
}

/// Organ names and aliases.
pub fn organ_index(orgs: &OrganisationsFile) -> NameTable {
    let mut out: Vec<NameIndex> = Vec::new();
    for (i, o) in orgs.organs.iter().enumerate() {
        for n in std::iter::once(&o.name).chain(o.aliases.iter()) {
            out.push(NameIndex {
                key: normalize::key(n).into(),
                id: i as u16,
            });
        }
    }
    NameTable::new(out)
}

/// Check the divisions: codes unique and sorted, every parent present and one
/// tier up.
fn places(file: &PlacesFile) -> Result<(), Vec<String>> {
    let mut errs = Vec::new();
    let list = &file.places.place;
    let by_code: BTreeMap<&str, &Place> = list.iter().map(|p| (&*p.code, p)).collect();
    if by_code.len() != list.len() {
        errs.push("a code is used twice".to_string());
    }
    if !list.windows(2).all(|w| w[0].code < w[1].code) {
        errs.push("places are not sorted by code".to_string());
    }
    if list.len() > u16::MAX as usize {
        errs.push("too many places for a u16 index".to_string());
    }
    for p in list.iter() {
        let parent = p.parent.as_deref().and_then(|c| by_code.get(c));
        let ok = match (p.kind.is_provincial(), p.kind.is_prefectural(), parent) {
            (true, _, None) => true,
            (false, true, Some(q)) => q.kind.is_provincial(),
            (false, false, Some(q)) => q.kind.is_prefectural() || q.kind.is_provincial(),
            _ => false,
        };
        if !ok {
            errs.push(format!(
                "place {} {}: parent {:?} is missing or not one tier up",
                p.code, p.name, p.parent
            ));
        }
    }
    if errs.is_empty() { Ok(()) } else { Err(errs) }
}

/// Place names, with and without suffix.
pub fn place_index(file: &PlacesFile) -> NameTable {
    let mut out = Vec::new();
    for (i, p) in file.places.place.iter().enumerate() {
        out.push(NameIndex {
            key: normalize::key(&p.name).into(),
            id: i as u16,
        });
        for short in normalize::place_short_names(&p.name) {
            out.push(NameIndex {
                key: short.into(),
                id: i as u16,
            });
        }
    }
    NameTable::new(out)
}

/// The lookup index again, each key reversed and sorted: the names that end
/// like a string sit together, for finding the title at the end of a post.
/// `id` is the position in the main index.
pub fn suffix_index(index: &[IndexEntry]) -> NameTable {
    let out: Vec<NameIndex> = index
        .iter()
        .enumerate()
        .map(|(i, e)| NameIndex {
            key: e.key.chars().rev().collect::<String>().into(),
            id: i as u16,
        })
        .collect();
    NameTable::new(out)
}

/// The position in `unit_levels` of each division's context (`u16::MAX`
/// for none), found as [`Dataset::unit_level`](crate::Dataset::unit_level)
/// finds it.
pub fn place_heads(file: &PlacesFile, orgs: &OrganisationsFile) -> Vec<u16> {
    let list = &file.places.place;
    let parents = place_parents(file);
    list.iter()
        .zip(&parents)
        .map(|(p, &parent)| {
            let parent = list.get(usize::from(parent)).map(|q| q.kind);
            p.kind
                .context(parent)
                .and_then(|ctx| {
                    orgs.unit_levels
                        .iter()
                        .position(|u| normalize::same(&u.context, ctx))
                })
                // Past u16's range (no real data), no table: the level is
                // then not found, rather than a panic on loading user data.
                .and_then(|i| u16::try_from(i).ok())
                .unwrap_or(u16::MAX)
        })
        .collect()
}

/// The position of each division's parent in the list (`u16::MAX` for none).
pub fn place_parents(file: &PlacesFile) -> Vec<u16> {
    let list = &file.places.place;
    list.iter()
        .map(|p| {
            p.parent
                .as_deref()
                .and_then(|c| list.binary_search_by(|q| (*q.code).cmp(c)).ok())
                .map_or(u16::MAX, |i| i as u16)
        })
        .collect()
}
/// The rules of `data/address.toml` that `src/address.rs` reads by id: the
/// data must define them.
pub const ADDRESS_RULES: &[&str] = &[
    "oral.default",
    "oral.short",
    "oral.given_name",
    "oral.deputy_drop_fu",
    "oral.deputy_surname_fu",
    "oral.deputy_same_surname",
    "oral.deputy_head_present",
    "oral.changwu",
    "oral.military_keep_fu",
    "oral.surname_blacklist",
    "oral.title_only",
    "oral.outsider_progression",
    "oral.call_high_county",
    "oral.ministerial_rank_head",
    "oral.ministerial_rank_outsider",
    "oral.yibashou",
    "oral.post_over_zhiji",
    "oral.zhiji_map",
    "written.salutation",
    "written.keep_fu_formal",
    "intro.formal",
    "intro.rank",
    "written.rank_salutation",
    "oral.former_post",
    "oral.former_post_zhiji",
    "oral.promotion",
    "english",
    "english.drop_deputy",
    "english.keep_deputy_written",
    "english.no_comrade",
];

/// The placeholders templates may use.
const PLACEHOLDERS: &[&str] = &[
    "{姓}",
    "{名}",
    "{姓名}",
    "{单位}",
    "{职务}",
    "{职务全称含副}",
    "{简称}",
    "{职级}",
    "{Surname}",
    // Surname pitfalls only: the forms spoiled and what they sound like.
    "{称呼}",
    "{谐音}",
];

/// Check `data/address.toml` on its own and against `data/ranks.toml`: every
/// source id exists, every title and rank it names exists (in ranks.toml or
/// as an `[[other_title]]`), every 综合管理类 and pre-2019 rank has an
/// address entry, templates use known placeholders, and the rules the code
/// reads are defined. Sources may be listed without being cited (S18, on
/// seating, keeps the reference's numbering).
pub fn address(
    data: &crate::schema::address::AddressFile,
    ranks: &RanksFile,
) -> Result<(), Vec<String>> {
    use crate::schema::{Sequence, Strength, Text};
    let mut errs = Vec::new();
    let mut sources = BTreeSet::new();
    for s in data.sources.iter() {
        if !sources.insert(&*s.id) {
            errs.push(format!("source {}: listed twice", s.id));
        }
    }
    let check = |what: &str, ids: &[Text], strength: Strength, errs: &mut Vec<String>| {
        for id in ids {
            if !sources.contains(&**id) {
                errs.push(format!("{what}: unknown source id `{id}`"));
            }
        }
        if ids.is_empty() && matches!(strength, Strength::Official | Strength::Press) {
            errs.push(format!(
                "{what}: strength `{strength:?}` needs at least one source"
            ));
        }
    };
    let template = |what: &str, t: &str, errs: &mut Vec<String>| {
        let mut rest = t;
        while let Some(open) = rest.find('{') {
            let Some(len) = rest[open..].find('}') else {
                errs.push(format!("{what}: unclosed `{{` in `{t}`"));
                break;
            };
            let p = &rest[open..open + len + 1];
            if !PLACEHOLDERS.contains(&p) {
                errs.push(format!("{what}: unknown placeholder `{p}` in `{t}`"));
            }
            rest = &rest[open + len + 1..];
        }
    };

    // Names in ranks.toml, and the other titles.
    let mut names = BTreeSet::new();
    for t in ranks.titles.iter() {
        names.insert(normalize::key(&t.name));
        names.extend(t.aliases.iter().map(|a| normalize::key(a)));
    }
    for r in ranks.ranks.iter() {
        names.insert(normalize::key(&r.name));
        names.extend(r.aliases.iter().map(|a| normalize::key(a)));
    }
    for o in data.other_titles.iter() {
        let what = format!("other_title {}", o.name);
        check(
            &what,
            &o.sources,
            o.strength.unwrap_or(Strength::Unconfirmed),
            &mut errs,
        );
        if let Some(t) = &o.oral {
            template(&what, t, &mut errs);
        }
        for n in std::iter::once(&o.name).chain(o.aliases.iter()) {
            if !names.insert(normalize::key(n)) {
                errs.push(format!(
                    "other_title {}: `{n}` is already a name in data/ranks.toml or listed twice",
                    o.name
                ));
            }
        }
    }
    let known = |what: &str, title: &str, errs: &mut Vec<String>| {
        if !names.contains(&normalize::key(title)) {
            errs.push(format!(
                "{what}: `{title}` is neither in data/ranks.toml nor an [[other_title]]"
            ));
        }
    };

    let mut rule_ids = BTreeSet::new();
    for r in data.rules.iter() {
        let what = format!("rule {}", r.id);
        if !rule_ids.insert(&*r.id) {
            errs.push(format!("{what}: id used twice"));
        }
        check(&what, &r.sources, r.strength, &mut errs);
        template(&what, &r.template, &mut errs);
    }
    for id in ADDRESS_RULES {
        if !rule_ids.contains(id) {
            errs.push(format!("rule {id}: missing (the code reads it)"));
        }
    }
    let mut short = BTreeSet::new();
    for s in data.short_forms.iter() {
        let what = format!("short_form {}", s.title);
        check(&what, &s.sources, s.strength, &mut errs);
        known(&what, &s.title, &mut errs);
        if !short.insert(&*s.title) {
            errs.push(format!("{what}: listed twice"));
        }
        if s.short.is_empty() {
            errs.push(format!("{what}: empty short form"));
        }
    }
    for s in data.no_short_forms.iter() {
        let what = format!("no_short_form {}", s.title);
        check(&what, &s.sources, s.strength, &mut errs);
        known(&what, &s.title, &mut errs);
        if short.contains(&*s.title) {
            errs.push(format!("{what}: also has a [[short_form]]"));
        }
    }
    for p in data.surname_pitfalls.iter() {
        use crate::schema::address::PitfallKind;
        let what = format!("surname_pitfall {} {:?}", p.surname, p.applies_to);
        check(&what, &p.sources, p.strength, &mut errs);
        if p.surname.is_empty() {
            errs.push(format!("{what}: empty surname"));
        }
        if !p.title.is_empty() {
            known(&what, &p.title, &mut errs);
        }
        template(&what, &p.why, &mut errs);
        template(&what, &p.instead, &mut errs);
        if let Some(id) = &p.without_given_name {
            let rule = data.rules.iter().find(|r| r.id == *id);
            if rule.is_none_or(|r| r.template.is_empty() || r.template.contains("{名}")) {
                errs.push(format!(
                    "{what}: without_given_name `{id}` is not a rule with a template that needs no given name"
                ));
            }
        }
        if p.applies_to == PitfallKind::ShortForm && !short.contains(&*p.title) {
            errs.push(format!(
                "{what}: a short-form pitfall needs a title with a [[short_form]]"
            ));
        }
    }
    let rank_names: BTreeSet<&str> = ranks.ranks.iter().map(|r| &*r.name).collect();
    let mut covered = BTreeSet::new();
    for a in data.rank_addresses.iter() {
        let what = format!("rank_address {}", a.applies_to.join("/"));
        check(&what, &a.sources, a.strength, &mut errs);
        if a.oral.is_empty() {
            errs.push(format!("{what}: no oral form"));
        }
        for t in a
            .oral
            .iter()
            .chain(a.avoid.iter())
            .chain([&a.written])
            .chain(a.formal.as_ref())
        {
            template(&what, t, &mut errs);
        }
        for n in a.applies_to.iter() {
            if !rank_names.contains(&**n) {
                errs.push(format!("{what}: unknown rank `{n}`"));
            }
            if !covered.insert(&**n) {
                errs.push(format!("{what}: rank `{n}` is covered twice"));
            }
        }
    }
    for r in ranks.ranks.iter() {
        if matches!(r.sequence, Sequence::General | Sequence::Legacy) && !covered.contains(&*r.name)
        {
            errs.push(format!("rank {}: no [[rank_address]] covers it", r.name));
        }
    }
    for f in data.forbidden.iter() {
        let what = format!("forbidden {}", f.word);
        check(&what, &f.sources, f.strength, &mut errs);
        template(&what, &f.word, &mut errs);
    }
    let mut english = BTreeSet::new();
    for e in data.english.iter() {
        let what = format!("english {} {}", e.title, e.within.join("/"));
        check(&what, &e.sources, e.strength, &mut errs);
        known(&what, &e.title, &mut errs);
        if !english.insert((&*e.title, e.within.join("/"))) {
            errs.push(format!("{what}: listed twice"));
        }
        // One English for each title: the title as such is rendered as
        // data/ranks.toml renders it (`rankinfo show`).
        let own = ranks
            .titles
            .iter()
            .filter(|t| t.name == e.title)
            .map(|t| t.english.as_deref())
            .chain(
                ranks
                    .ranks
                    .iter()
                    .filter(|r| r.name == e.title)
                    .map(|r| r.english.as_deref()),
            )
            .next();
        if let (true, Some(Some(own))) = (e.within.is_empty(), own) {
            if e.english.replace("{Tier}", "…") != *own {
                errs.push(format!(
                    "{what}: english `{}` differs from data/ranks.toml's `{own}`",
                    e.english
                ));
            }
        }
        if e.english.contains('{') && !e.english.contains("{Tier}") {
            errs.push(format!("{what}: unknown placeholder in `{}`", e.english));
        }
        for s in e.avoid.iter() {
            template(&what, s, &mut errs);
        }
        for a in e.at.iter() {
            if !ranks.contexts.iter().any(|c| c.name == *a) {
                errs.push(format!("{what}: unknown kind of organisation `{a}`"));
            }
        }
        for s in std::iter::once(&e.spoken).chain(e.spoken_alt.iter()) {
            template(&what, s, &mut errs);
            if !s.contains("{Surname}") {
                errs.push(format!("{what}: spoken form `{s}` lacks {{Surname}}"));
            }
        }
    }
    let mut hanzi = BTreeSet::new();
    for s in data.romanisation.surnames.iter() {
        let ok = s
            .pinyin
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_uppercase())
            && s.pinyin
                .chars()
                .all(|c| c.is_ascii_alphabetic() || c == 'ü');
        if !ok {
            errs.push(format!(
                "romanisation {}: bad pinyin `{}`",
                s.hanzi, s.pinyin
            ));
        }
        if s.hanzi.is_empty() || !hanzi.insert(&*s.hanzi) {
            errs.push(format!("romanisation `{}`: empty or listed twice", s.hanzi));
        }
    }
    if errs.is_empty() { Ok(()) } else { Err(errs) }
}
