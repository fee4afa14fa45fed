//! Consistency checks and the lookup index, shared by `build.rs` (which
//! refuses to bake inconsistent data) and run-time loading.

use crate::normalize;
use crate::schema::{Confidence, IndexEntry, RanksFile, Target};
use std::collections::{BTreeMap, BTreeSet};

/// Check every cross-reference and band in `data`; return every problem found.
pub fn ranks(data: &RanksFile) -> Result<(), Vec<String>> {
    let mut errs = Vec::new();
    let sources: BTreeSet<&str> = data.sources.iter().map(|s| &*s.id).collect();
    let levels: BTreeSet<&str> = data.levels.iter().map(|l| &*l.name).collect();
    let ranks: BTreeSet<&str> = data.ranks.iter().map(|r| &*r.name).collect();
    let contexts: BTreeSet<&str> = data.contexts.iter().map(|c| &*c.name).collect();
    let mut cited = BTreeSet::new();
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
    let grade_ok = |what: &str, g: &crate::schema::Grade, errs: &mut Vec<String>| {
        if !(1..=27).contains(&g.highest) || !(1..=27).contains(&g.lowest) || g.highest > g.lowest {
            errs.push(format!(
                "{what}: 级别 band {}–{} is not within 1–27, highest first",
                g.highest, g.lowest
            ));
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
        if r.level.is_none() && r.general_equivalent.is_none() {
            errs.push(format!("{what}: needs `level` or `general_equivalent`"));
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
        for c in t.cases.iter() {
            let what = format!("{what} at {}", c.at);
            if !contexts.contains(&*c.at) {
                errs.push(format!("{what}: unknown context"));
            }
            check_sources(&what, &c.sources, c.confidence, &mut errs);
            for l in c.level.iter().chain(&c.often) {
                level_ref(&what, l, &mut errs);
            }
        }
    }
    for s in data.sources.iter() {
        if !cited.contains(&*s.id) {
            errs.push(format!("source {}: never cited", s.id));
        }
    }
    if let Err(e) = index(data) {
        errs.extend(e);
    }
    if errs.is_empty() { Ok(()) } else { Err(errs) }
}

/// Build the sorted lookup index over every name, alias and English name.
/// Two different entries may share an English key (it is then ambiguous),
/// never a Chinese one.
pub fn index(data: &RanksFile) -> Result<Vec<IndexEntry>, Vec<String>> {
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
