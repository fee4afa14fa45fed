//! The built-in data against tables transcribed by hand from
//! shared/reference/legal_facts.md (§1, §2a, §2b, §3, §4a, §5). A typo in
//! data/ranks.toml fails here.

use rankinfo::schema::Sequence;
use rankinfo::{Entry, builtin};

/// legal_facts §3a: level, highest and lowest 级别.
const LEVELS: &[(&str, u8, u8)] = &[
    ("国家级正职", 1, 1),
    ("国家级副职", 2, 4),
    ("省部级正职", 4, 8),
    ("省部级副职", 6, 10),
    ("厅局级正职", 8, 13),
    ("厅局级副职", 10, 15),
    ("县处级正职", 12, 18),
    ("县处级副职", 14, 20),
    ("乡科级正职", 16, 22),
    ("乡科级副职", 17, 24),
    ("科员级", 18, 26),
    ("办事员级", 19, 27),
];

/// Minimum years and the posts or ranks they must be served in.
type Promotion = Option<(u8, &'static [&'static str])>;

/// legal_facts §2a, §3b, §4a: rank, band, equivalent level, promotion.
const GENERAL: &[(&str, u8, u8, &str, Promotion)] = &[
    (
        "一级巡视员",
        8,
        13,
        "厅局级正职",
        Some((4, &["厅局级副职", "二级巡视员"])),
    ),
    (
        "二级巡视员",
        10,
        15,
        "厅局级副职",
        Some((4, &["一级调研员"])),
    ),
    (
        "一级调研员",
        11,
        17,
        "县处级正职",
        Some((3, &["县处级正职", "二级调研员"])),
    ),
    (
        "二级调研员",
        12,
        18,
        "县处级正职",
        Some((2, &["三级调研员"])),
    ),
    (
        "三级调研员",
        13,
        19,
        "县处级副职",
        Some((2, &["县处级副职", "四级调研员"])),
    ),
    (
        "四级调研员",
        14,
        20,
        "县处级副职",
        Some((2, &["一级主任科员"])),
    ),
    (
        "一级主任科员",
        15,
        21,
        "乡科级正职",
        Some((2, &["乡科级正职", "二级主任科员"])),
    ),
    (
        "二级主任科员",
        16,
        22,
        "乡科级正职",
        Some((2, &["三级主任科员"])),
    ),
    (
        "三级主任科员",
        17,
        23,
        "乡科级副职",
        Some((2, &["乡科级副职", "四级主任科员"])),
    ),
    (
        "四级主任科员",
        18,
        24,
        "乡科级副职",
        Some((2, &["一级科员"])),
    ),
    ("一级科员", 18, 26, "科员级", Some((2, &["二级科员"]))),
    ("二级科员", 19, 27, "办事员级", None),
];

/// legal_facts §5a, §5b: old title, level, band, 套转 target.
const LEGACY: &[(&str, &str, u8, u8, &str)] = &[
    ("巡视员", "厅局级正职", 8, 13, "一级巡视员"),
    ("副巡视员", "厅局级副职", 10, 15, "二级巡视员"),
    ("调研员", "县处级正职", 12, 18, "二级调研员"),
    ("副调研员", "县处级副职", 14, 20, "四级调研员"),
    ("主任科员", "乡科级正职", 16, 22, "二级主任科员"),
    ("副主任科员", "乡科级副职", 17, 24, "四级主任科员"),
    ("科员", "科员级", 18, 26, "一级科员"),
    ("办事员", "办事员级", 19, 27, "二级科员"),
];

/// legal_facts §2b (专业技术类第十条、第十一条): rank, band, 综合管理类 equivalent.
const PROFESSIONAL: &[(&str, u8, u8, &str)] = &[
    ("一级总监", 8, 13, "一级巡视员"),
    ("二级总监", 10, 15, "二级巡视员"),
    ("一级高级主管", 11, 17, "一级调研员"),
    ("二级高级主管", 12, 18, "二级调研员"),
    ("三级高级主管", 13, 19, "三级调研员"),
    ("四级高级主管", 14, 20, "四级调研员"),
    ("一级主管", 15, 21, "一级主任科员"),
    ("二级主管", 16, 22, "二级主任科员"),
    ("三级主管", 17, 23, "三级主任科员"),
    ("四级主管", 18, 24, "四级主任科员"),
    ("专业技术员", 18, 26, "一级科员"),
];

/// legal_facts §2b: 行政执法类 rank and its 综合管理类 equivalent; bands unknown.
const ENFORCEMENT: &[(&str, &str)] = &[
    ("督办", "二级巡视员"),
    ("一级高级主办", "一级调研员"),
    ("二级高级主办", "二级调研员"),
    ("三级高级主办", "三级调研员"),
    ("四级高级主办", "四级调研员"),
    ("一级主办", "一级主任科员"),
    ("二级主办", "二级主任科员"),
    ("三级主办", "三级主任科员"),
    ("四级主办", "四级主任科员"),
    ("一级行政执法员", "一级科员"),
    ("二级行政执法员", "二级科员"),
];

fn band(name: &str) -> (u8, u8) {
    let data = builtin();
    let g = data
        .grade_of(data.lookup(name).unwrap())
        .unwrap_or_else(|| panic!("{name} has no band"));
    (g.highest, g.lowest)
}

fn level(name: &str) -> String {
    let data = builtin();
    data.level_of(data.lookup(name).unwrap())
        .unwrap()
        .0
        .name
        .to_string()
}

#[test]
fn leadership_levels_in_order_with_bands() {
    let data = builtin();
    let names: Vec<&str> = data.levels().map(|l| &*l.name).collect();
    let expected: Vec<&str> = LEVELS.iter().map(|l| l.0).collect();
    assert_eq!(names, expected);
    for &(name, hi, lo) in LEVELS {
        assert_eq!(band(name), (hi, lo), "{name}");
    }
}

#[test]
fn general_ranks_bands_equivalence_and_promotion() {
    let data = builtin();
    let names: Vec<&str> = data.ranks_in(Sequence::General).map(|r| &*r.name).collect();
    assert_eq!(names, GENERAL.iter().map(|r| r.0).collect::<Vec<_>>());
    for &(name, hi, lo, lvl, promo) in GENERAL {
        assert_eq!(band(name), (hi, lo), "{name}");
        assert_eq!(level(name), lvl, "{name}");
        let rank = data.rank(name).unwrap();
        let got = rank
            .promotion
            .as_ref()
            .map(|p| (p.years, p.from.iter().map(|f| &**f).collect::<Vec<_>>()));
        assert_eq!(got, promo.map(|(y, f)| (y, f.to_vec())), "{name}");
    }
}

#[test]
fn legacy_titles_levels_bands_and_conversion() {
    let data = builtin();
    for &(name, lvl, hi, lo, to) in LEGACY {
        let Entry::Rank(r) = data.lookup(name).unwrap() else {
            panic!("{name} is not a rank")
        };
        assert_eq!(r.sequence, Sequence::Legacy, "{name}");
        assert_eq!(level(name), lvl, "{name}");
        assert_eq!(band(name), (hi, lo), "{name}");
        assert_eq!(r.converts_to.as_deref(), Some(to), "{name}");
        assert_eq!(r.in_force_until.as_deref(), Some("2019-05-31"), "{name}");
    }
}

#[test]
fn professional_and_enforcement_equivalences() {
    let data = builtin();
    for &(name, hi, lo, general) in PROFESSIONAL {
        assert_eq!(band(name), (hi, lo), "{name}");
        assert_eq!(
            data.rank(name).unwrap().general_equivalent.as_deref(),
            Some(general),
            "{name}"
        );
        assert_eq!(level(name), level(general), "{name}");
    }
    for &(name, general) in ENFORCEMENT {
        let r = data.rank(name).unwrap();
        assert_eq!(r.general_equivalent.as_deref(), Some(general), "{name}");
        assert!(r.grade.is_none(), "{name}: the reference gives no band");
        assert_eq!(
            r.grade_confidence,
            Some(rankinfo::schema::Confidence::Unconfirmed),
            "{name}"
        );
    }
    // 二级行政执法员 ≈ 二级科员 is only an analogy (legal_facts §2b caveat).
    assert_eq!(
        data.rank("二级行政执法员").unwrap().confidence,
        rankinfo::schema::Confidence::Unconfirmed
    );
}

#[test]
fn lowest_rank_for_each_level() {
    // legal_facts §2a "最低职级" rule (S13, S4); 厅局级正职 is only inferred.
    let data = builtin();
    let pairs = [
        ("一级巡视员", "厅局级正职"),
        ("二级巡视员", "厅局级副职"),
        ("二级调研员", "县处级正职"),
        ("四级调研员", "县处级副职"),
        ("二级主任科员", "乡科级正职"),
        ("四级主任科员", "乡科级副职"),
    ];
    for (rank, lvl) in pairs {
        assert_eq!(
            data.rank(rank).unwrap().min_rank_for.as_deref(),
            Some(lvl),
            "{rank}"
        );
    }
    assert_eq!(
        data.rank("一级巡视员").unwrap().min_rank_confidence,
        Some(rankinfo::schema::Confidence::Unconfirmed)
    );
    assert_eq!(data.rank("一级调研员").unwrap().min_rank_for, None);
}

#[test]
fn where_ranks_may_be_set() {
    // legal_facts §4b: 县、乡镇机关 top out at 二级调研员, not 一级调研员.
    let data = builtin();
    let units = |rank: &str| -> Vec<String> {
        data.settable_at(data.rank(rank).unwrap())
            .iter()
            .map(|s| s.unit.to_string())
            .collect()
    };
    assert!(units("二级调研员").contains(&"县（市、区、旗）、乡镇机关".to_string()));
    assert!(!units("一级调研员").contains(&"县（市、区、旗）、乡镇机关".to_string()));
    assert!(units("一级调研员").contains(&"县（市、区、旗）领导班子".to_string()));
    assert!(!units("四级调研员").contains(&"县（市、区、旗）领导班子".to_string()));
    assert!(units("一级调研员").contains(&"副省级城市的区机关".to_string()));
    assert!(!units("二级巡视员").contains(&"副省级城市的区机关".to_string()));
    assert_eq!(units("一级巡视员").len(), 5);
}

#[test]
fn gb12407_codes() {
    // titles_by_org §1.1 (G1).
    let data = builtin();
    let codes: Vec<(&str, Option<&str>)> = data
        .levels()
        .map(|l| (&*l.name, l.gb12407.as_deref()))
        .collect();
    assert_eq!(codes[2], ("省部级正职", Some("111")));
    assert_eq!(codes[9], ("乡科级副职", Some("142")));
    assert_eq!(codes[10], ("科员级", Some("150")));
    assert_eq!(codes[11], ("办事员级", Some("160")));
    assert_eq!(codes[0].1, None, "national codes are unconfirmed");
}

#[test]
fn runtime_loading_reads_the_same_data_as_the_baked_copy() {
    // The baked statics come from build.rs; the run-time path parses the
    // same file. They must agree field for field.
    let read = |f: &str| {
        std::fs::read_to_string(format!("{}/data/{f}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    };
    let (r, o, p, a) = (
        read("ranks.toml"),
        read("organisations.toml"),
        read("places.toml"),
        read("address.toml"),
    );
    let loaded = rankinfo::Dataset::from_toml(
        ("ranks.toml", &r),
        ("organisations.toml", &o),
        ("places.toml", &p),
        ("address.toml", &a),
    )
    .unwrap();
    assert_eq!(loaded.ranks, builtin().ranks);
    assert_eq!(loaded.organisations, builtin().organisations);
    assert_eq!(loaded.places, builtin().places);
}

#[test]
fn bad_data_is_reported_with_line_and_column() {
    let text = "[meta]\nversion = \"x\"\nbasis = 3\n";
    let errs = rankinfo::Dataset::from_toml(
        ("extra.toml", text),
        ("o.toml", ""),
        ("p.toml", ""),
        ("a.toml", ""),
    )
    .unwrap_err();
    assert_eq!(
        (errs[0].file.as_str(), errs[0].line, errs[0].column),
        ("extra.toml", 3, 9)
    );
}

#[test]
fn a_rank_that_is_its_own_equivalent_is_refused_not_a_stack_overflow() {
    let read = |f: &str| std::fs::read_to_string(format!("data/{f}")).unwrap();
    let ranks = read("ranks.toml").replace(
        "general_equivalent = \"一级调研员\"",
        "general_equivalent = \"一级高级主管\"",
    );
    let errs = rankinfo::Dataset::from_toml(
        ("ranks.toml", &ranks),
        ("organisations.toml", &read("organisations.toml")),
        ("places.toml", &read("places.toml")),
        ("address.toml", &read("address.toml")),
    )
    .unwrap_err();
    let e = errs
        .iter()
        .find(|e| e.message.contains("一级高级主管") && e.message.contains("general_equivalent"))
        .unwrap_or_else(|| panic!("{errs:?}"));
    // Placed where the file names the rank, not at line 0.
    assert_eq!(e.file, "ranks.toml");
    let line = ranks.lines().nth(e.line - 1).unwrap();
    assert!(line.contains("一级高级主管"), "{e}: {line}");
}
