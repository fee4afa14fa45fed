//! Properties over all of the built-in data and over arbitrary input:
//! comparison is a consistent order, equivalence is symmetric, every name
//! finds its entry, and nothing a user sends makes the library panic.

use proptest::prelude::*;
use rankinfo::address::Person;
use rankinfo::compare::{Relation, compare};
use rankinfo::{Dataset, Entry, builtin};

/// Every name of the data: levels, ranks and titles.
fn entries(data: &Dataset) -> Vec<Entry<'_>> {
    let mut all: Vec<Entry> = data.levels().map(Entry::Level).collect();
    all.extend(data.ranks.ranks.iter().map(Entry::Rank));
    all.extend(data.ranks.titles.iter().map(Entry::Title));
    all
}

fn relation(data: &Dataset, a: &str, b: &str) -> Relation {
    compare(data, a, b).expect("every entry compares").relation
}

fn converse(r: Relation) -> Relation {
    match r {
        Relation::Higher => Relation::Lower,
        Relation::Lower => Relation::Higher,
        other => other,
    }
}

#[test]
fn comparison_is_antisymmetric_over_every_pair() {
    let data = builtin();
    let names: Vec<&str> = entries(data).iter().map(|e| e.name()).collect();
    for e in entries(data) {
        // An entry is the same as itself, unless it has no one level (股长,
        // or a title whose level depends on its organisation). A rank is
        // ordered within its sequence even where that sequence has no stated
        // level (法官等级, 警衔): the same as itself.
        let a = e.name();
        let expected = match (data.level_of(e), e) {
            (Some(_), _) | (None, rankinfo::Entry::Rank(_)) => Relation::Same,
            (None, _) => Relation::Ambiguous,
        };
        assert_eq!(relation(data, a, a), expected, "{a}");
    }
    for a in &names {
        for b in &names {
            let ab = relation(data, a, b);
            assert_eq!(converse(ab), relation(data, b, a), "{a} / {b}");
        }
    }
}

#[test]
fn equivalence_is_symmetric() {
    let data = builtin();
    for e in entries(data) {
        let Some(eq) = data.equivalents(e) else {
            continue;
        };
        for other in &eq.exact {
            let back = data.equivalents(data.lookup(other).unwrap()).unwrap();
            assert!(
                back.exact.contains(&e.name()),
                "{} ~ {other} but not back",
                e.name()
            );
        }
    }
}

/// The traditional form of each simplified character the reader maps.
fn traditional_of(data: &Dataset) -> std::collections::HashMap<char, char> {
    let _ = data;
    let mut map = std::collections::HashMap::new();
    for c in ('\u{4E00}'..='\u{9FFF}').filter(|c| !c.is_whitespace()) {
        let s = rankinfo::read::clean::chars(&c.to_string()).into_owned();
        let mut cs = s.chars();
        if let (Some(simple), None) = (cs.next(), cs.next()) {
            if simple != c {
                map.entry(simple).or_insert(c);
            }
        }
    }
    map
}

#[test]
fn every_entry_is_found_by_its_name_aliases_and_traditional_form() {
    let data = builtin();
    let trad = traditional_of(data);
    assert_eq!(trad.get(&'处'), Some(&'處'));
    let mut names: Vec<(String, &str)> = Vec::new();
    for e in entries(data) {
        names.push((e.name().to_string(), e.name()));
        let aliases: &[rankinfo::schema::Text] = match e {
            Entry::Level(l) => &l.aliases,
            Entry::Rank(r) => &r.aliases,
            Entry::Title(t) => &t.aliases,
            _ => &[],
        };
        names.extend(aliases.iter().map(|a| (a.to_string(), e.name())));
    }
    for (name, canonical) in names {
        // An English name two entries share is ambiguous by design.
        if let Ok(found) = data.lookup(&name) {
            assert_eq!(found.name(), canonical, "{name}");
        } else {
            assert!(name.is_ascii(), "{name} not found");
        }
        let traditional: String = name.chars().map(|c| *trad.get(&c).unwrap_or(&c)).collect();
        if traditional != name && !name.is_ascii() {
            let found = data.lookup(&traditional).map(|e| e.name());
            assert_eq!(found.ok(), Some(canonical), "{traditional} ({name})");
        }
    }
}

/// Text that looks like what users send: Chinese of the data's own
/// characters, separators, brackets, digits, and now and then anything.
fn titleish() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        4 => prop::sample::select(vec![
            "省", "市", "县", "区", "委", "局", "长", "副", "处", "书记", "主任", "常委",
            "深圳", "南山", "人大", "政协", "纪委", "党组", "（", "）", "、", "兼", "任",
            "原", "代", "正处级", "二级巡视员", "医院", "公司", "村", "2001.09", " ",
        ]).prop_map(str::to_string),
        1 => any::<String>(),
        1 => "[\\u{0}-\\u{1F}\\u{200B}\\u{FEFF}\\u{3000}-\\u{303F}]{1,4}",
    ];
    prop::collection::vec(pieces, 0..24).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// "Same" is the same leadership level, which is coarser than the order
    /// within a sequence (一级调研员 is above 二级调研员; both are 处长's
    /// level). So: two steps the same way go that way; a step and a "same"
    /// never go back; two "same" never become ambiguous.
    #[test]
    fn comparison_is_transitive(i in 0usize..1000, j in 0usize..1000, k in 0usize..1000) {
        let data = builtin();
        let all = entries(data);
        let (a, b, c) = (all[i % all.len()].name(), all[j % all.len()].name(), all[k % all.len()].name());
        let (ab, bc, ac) = (relation(data, a, b), relation(data, b, c), relation(data, a, c));
        let why = format!("{a} {ab:?} {b} {bc:?} {c}, but {a} {ac:?} {c}");
        for dir in [Relation::Higher, Relation::Lower] {
            if ab == dir && bc == dir {
                prop_assert_eq!(ac, dir, "{}", why);
            }
            if (ab == dir && bc == Relation::Same) || (ab == Relation::Same && bc == dir) {
                prop_assert!(ac == dir || ac == Relation::Same, "{}", why);
            }
        }
        if ab == Relation::Same && bc == Relation::Same {
            prop_assert!(ac != Relation::Ambiguous, "{}", why);
        }
    }

    #[test]
    fn nothing_a_user_sends_panics(text in titleish(), other in titleish()) {
        let data = builtin();
        let _ = data.resolve(&text).explanation();
        let _ = data.lookup(&text);
        let _ = compare(data, &text, &other);
        let _ = data.address(&text, &Person::surnamed(&other));
        let _ = data.brief(&text, &Person::default());
        // A promotion path, with years that may not add up.
        let served = rankinfo::careers::path::Served {
            years: text.chars().count() as f64 / 4.0,
            excellent: other.chars().count() as u32 % 5,
            not_counted: text.len() as u32 % 3,
            as_of: None,
        };
        let _ = data.path(&text, &other, Some(served));
    }

    #[test]
    fn the_data_loader_never_panics(text in any::<String>()) {
        let _ = Dataset::from_toml(("a", &text), ("b", &text), ("c", &text), ("d", &text));
    }
}
