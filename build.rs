//! Bakes `data/*.toml` into Rust statics in `OUT_DIR`, so that the binary
//! parses nothing at start-up. The data is checked here with the same code
//! that checks run-time data: inconsistent data fails the build.

#[path = "src/normalize.rs"]
#[allow(dead_code)]
mod normalize;
#[path = "src/schema/mod.rs"]
#[allow(dead_code, unused_imports)]
mod schema;
#[path = "src/validate.rs"]
mod validate;

use schema::address::*;
use schema::careers::*;
use schema::organisations::*;
use schema::places::*;
use schema::*;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

/// What `schema` reads baked data from; the build script has none yet.
mod data {
    pub mod baked {
        pub const TEXT: &str = "";
    }
}

impl Table for Text {
    fn table() -> &'static [Text] {
        &[]
    }
}

impl Table for u16 {
    fn table() -> &'static [u16] {
        &[]
    }
}

/// What baked [`Text`]s and [`List`]s point into: one text blob, and one
/// static table per element type. Equal strings and equal lists are stored once.
#[derive(Default)]
struct Baker {
    text: String,
    texts: HashMap<String, (u32, u32)>,
    tables: BTreeMap<&'static str, Elements>,
}

/// The elements of one type baked so far, as Rust expressions.
#[derive(Default)]
struct Elements {
    code: String,
    len: u32,
    runs: HashMap<String, u32>,
}

/// An offset or length in the blob or a table. The reading side indexes
/// without checks, so one that does not fit must fail the build.
fn offset(n: usize) -> u32 {
    u32::try_from(n).expect("baked data over 4 GiB")
}

/// Writes a value as a Rust constant expression without pointers.
trait Bake {
    fn bake(&self, b: &mut Baker, out: &mut String);
}

/// A type that lists hold: the Rust path of its table's element type.
trait Element: Bake {
    const PATH: &'static str;
}

impl Bake for Text {
    fn bake(&self, b: &mut Baker, out: &mut String) {
        let (start, len) = match b.texts.get(&**self) {
            Some(&at) => at,
            None => {
                let at = (offset(b.text.len()), offset(self.len()));
                b.text.push_str(self);
                b.texts.insert(self.to_string(), at);
                at
            }
        };
        write!(out, "crate::schema::Text::baked({start}, {len})").unwrap();
    }
}

impl Element for Text {
    const PATH: &'static str = "crate::schema::Text";
}

impl Element for u16 {
    const PATH: &'static str = "u16";
}

impl<T: Element + Table> Bake for List<T> {
    fn bake(&self, b: &mut Baker, out: &mut String) {
        let mut code = String::new();
        for item in self.iter() {
            item.bake(b, &mut code);
            code.push_str(",\n");
        }
        let table = b.tables.entry(T::PATH).or_default();
        let start = match table.runs.get(&code) {
            Some(&start) => start,
            None => {
                let start = table.len;
                table.len = offset(table.len as usize + self.len());
                table.code.push_str(&code);
                table.runs.insert(code, start);
                start
            }
        };
        write!(out, "crate::schema::List::baked({start}, {})", self.len()).unwrap();
    }
}

impl<T: Bake> Bake for Option<T> {
    fn bake(&self, b: &mut Baker, out: &mut String) {
        match self {
            Some(v) => {
                out.push_str("Some(");
                v.bake(b, out);
                out.push(')');
            }
            None => out.push_str("None"),
        }
    }
}

macro_rules! bake_plain {
    ($($ty:ty),*) => {$(
        impl Bake for $ty {
            fn bake(&self, _: &mut Baker, out: &mut String) {
                write!(out, "{:?}", self).unwrap();
            }
        }
    )*};
}
bake_plain!(u8, u16, u32, bool);

/// Enums with unit variants and newtype variants over integers print as Rust.
/// `in "crate::schema::address::"` names the module of the types that follow.
macro_rules! bake_enum {
    (in $module:literal $($ty:ident),*) => {$(
        impl Bake for $ty {
            fn bake(&self, _: &mut Baker, out: &mut String) {
                write!(out, concat!($module, stringify!($ty), "::{:?}"), self).unwrap();
            }
        }
    )*};
    ($($ty:ident),*) => { bake_enum!(in "crate::schema::" $($ty),*); };
}
bake_enum!(
    Confidence, Strength, Sequence, Role, Target, Body, PlaceKind, PlaqueHead
);
bake_enum!(in "crate::schema::careers::" Topic);
bake_enum!(in "crate::schema::address::" Channel, PitfallKind, OtherKind);

/// Structs: every field must be listed, or the generated code fails to compile.
/// `in "crate::schema::address::"` names the module of the types that follow.
/// Each can be an element of a list; in this build script its table is empty.
macro_rules! bake_struct {
    (in $module:literal $($ty:ident { $($field:ident),* $(,)? })*) => {$(
        impl Bake for $ty {
            fn bake(&self, b: &mut Baker, out: &mut String) {
                out.push_str(concat!($module, stringify!($ty), " {"));
                $(
                    out.push_str(concat!(stringify!($field), ": "));
                    self.$field.bake(b, out);
                    out.push_str(",\n");
                )*
                out.push('}');
            }
        }
        impl Element for $ty {
            const PATH: &'static str = concat!($module, stringify!($ty));
        }
        impl Table for $ty {
            fn table() -> &'static [$ty] {
                &[]
            }
        }
    )*};
    ($($ty:ident { $($field:ident),* $(,)? })*) => {
        bake_struct!(in "crate::schema::" $($ty { $($field),* })*);
    };
}
bake_struct! {
    Source { id, title, url, grade }
    Grade { highest, lowest }
    Level { name, short, order, english, aliases, grade, gb12407, confidence, sources, notes }
    Promotion { years, from, confidence, sources }
    Rank { name, sequence, order, aliases, english, grade, grade_confidence, level, level_confidence,
           min_rank_for, min_rank_confidence, general_equivalent, promotion, converts_to, in_force_until,
           confidence, sources, notes }
    RankSetting { unit, from, only, clause, confidence, sources }
    Context { name, aliases, description }
    TitleCase { at, post, body, level, nominal, often, often_for, confidence, sources, notes }
    Title { name, aliases, english, role, body, level, cases, depends_on, only_at, not_head_of, confidence,
            sources, notes }
    InsigniaRange { post, level, highest, lowest, clause, confidence, sources }
    JudgePostRange { court, post, highest, lowest, confidence, sources }
    RanksFile { meta, sources, levels, ranks, rank_settings, insignia_ranges, judge_post_ranges,
                contexts, titles }
    Meta { version, basis, english_policy }
    IndexEntry { key, target }
    NameIndex { key, id }
    TrieNode { edges_start, edges_len, hits_start, hits_len }
    TrieEdge { ch, node }
    NameTable { entries, nodes, edges, root }
    Place { code, name, kind, parent, capital, plan_listed, province_administered }
    Places { version, source, generated, place }
    PlacesFile { places }
    Organ { name, aliases, category, level, confidence, sources, managed_by, plaque_of, plaque_head,
            notes }
    UnitLevel { context, head, department, department_nominal, department_grade, deputy_grade, confidence, sources, notes }
    UnitOverride { places, head, confidence, sources, notes }
    DepartmentOverride { context, names, head, confidence, sources, notes }
    BodyRule { body, titles, below, like_department, confidence, sources, notes }
    OrganisationsFile { sources, organs, unit_levels, unit_overrides, department_overrides, body_rules }
}
bake_struct! { in "crate::schema::address::"
    AddressFile { sources, rules, short_forms, no_short_forms, surname_pitfalls, rank_addresses,
                  forbidden, english, other_titles, romanisation }
    Rule { id, channel, text, template, example, strength, sources }
    ShortForm { title, short, strength, sources }
    NoShortForm { title, strength, sources, note }
    SurnamePitfall { surname, sounds_like, applies_to, title, why, instead, strength, sources,
                     without_given_name }
    RankAddress { applies_to, oral, oral_note, avoid, avoid_why, written, written_strength, formal, strength, sources,
                  post2019_note }
    Forbidden { word, why, strength, sources, post_holders_only }
    English { title, within, at, english, spoken, spoken_alt, avoid, avoid_why, strength, sources }
    OtherTitle { name, aliases, kind, role, note, spoken, oral, strength, sources }
    Romanisation { note, surnames }
    SurnamePinyin { hanzi, pinyin }
}
bake_struct! { in "crate::schema::careers::"
    Fact { topic, label, document, text, quote, confidence, sources, notes }
    LeadershipStep { from, to, years, rule, confidence, sources, notes }
    CareersFile { sources, facts, leadership_steps }
}

fn read<T: serde::de::DeserializeOwned>(path: &str) -> T {
    println!("cargo::rerun-if-changed={path}");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn out_dir() -> std::path::PathBuf {
    std::env::var_os("OUT_DIR")
        .expect("cargo sets OUT_DIR")
        .into()
}

fn write(b: &mut Baker, name: &str, value: &impl Bake) {
    let mut out = String::new();
    value.bake(b, &mut out);
    std::fs::write(out_dir().join(name), out).unwrap();
}

/// Writes the text blob and the tables that everything written so far indexes.
fn write_tables(b: &Baker) {
    let dir = out_dir();
    std::fs::write(dir.join("text.txt"), &b.text).unwrap();
    // A static, so that the blob has one address wherever it is used: the
    // JSON writer tells baked strings by where they lie.
    let mut out = format!(
        "static TEXT_BYTES: [u8; {}] = *include_bytes!(concat!(env!(\"OUT_DIR\"), \"/text.txt\"));\n\
         /// Every string of the baked data, once.\n\
         // SAFETY: build.rs wrote the blob from a String.\n\
         pub(crate) const TEXT: &str = unsafe {{ std::str::from_utf8_unchecked(&TEXT_BYTES) }};\n",
        b.text.len()
    );
    // JSON copies baked strings before this offset as they are; the few
    // that need escaping (a letter's closing with its line break) come after,
    // address data being baked last.
    let plain = b
        .text
        .bytes()
        .position(|c| c < 0x20 || c == b'"' || c == b'\\');
    writeln!(
        out,
        "/// Where the first byte of `TEXT` that needs escaping in a JSON string is.\n\
         pub(crate) const PLAIN_END: usize = {};",
        plain.unwrap_or(b.text.len())
    )
    .unwrap();
    for (i, (path, table)) in b.tables.iter().enumerate() {
        write!(
            out,
            "static T{i}: [{path}; {len}] = [\n{code}];\n\
             impl crate::schema::Table for {path} {{\n\
             fn table() -> &'static [{path}] {{ &T{i} }}\n}}\n",
            len = table.len,
            code = table.code,
        )
        .unwrap();
    }
    std::fs::write(dir.join("tables.rs"), out).unwrap();
}

fn fail(path: &str, errs: Vec<String>) -> ! {
    for e in &errs {
        println!("cargo::warning={path}: {e}");
    }
    panic!("{path}: {} problem(s), first: {}", errs.len(), errs[0]);
}

fn main() {
    println!("cargo::rerun-if-changed=src/schema");
    println!("cargo::rerun-if-changed=src/validate.rs");
    println!("cargo::rerun-if-changed=src/normalize.rs");

    let ranks: RanksFile = read("data/ranks.toml");
    println!(
        "cargo::rustc-env=RANKINFO_DATA_VERSION={}",
        ranks.meta.version
    );
    let orgs: OrganisationsFile = read("data/organisations.toml");
    let places: PlacesFile = read("data/places.toml");
    if let Err(errs) = validate::all(&ranks, &orgs, &places) {
        fail("data/", errs);
    }
    let index = validate::index(&ranks).unwrap_or_else(|e| fail("data/ranks.toml", e));
    let address: AddressFile = read("data/address.toml");
    if let Err(errs) = validate::address(&address, &ranks) {
        fail("data/address.toml", errs);
    }
    let b = &mut Baker::default();
    write(b, "ranks.rs", &ranks);
    write(b, "suffix_index.rs", &validate::suffix_index(&index));
    write(b, "index.rs", &List::from(index));

    write(b, "organisations.rs", &orgs);
    write(b, "organ_index.rs", &validate::organ_index(&orgs));

    write(b, "places.rs", &places);
    write(
        b,
        "place_parents.rs",
        &List::from(validate::place_parents(&places)),
    );
    write(
        b,
        "place_heads.rs",
        &List::from(validate::place_heads(&places, &orgs)),
    );
    write(b, "place_index.rs", &validate::place_index(&places));
    write(b, "address.rs", &address);

    let careers: CareersFile = read("data/careers.toml");
    if let Err(errs) = validate::careers(&careers, &ranks, &orgs) {
        fail("data/careers.toml", errs);
    }
    write(b, "careers.rs", &careers);
    write_tables(b);
}
