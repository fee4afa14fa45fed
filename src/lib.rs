//! # rankinfo
//!
//! The administrative level of Chinese officials' posts and ranks, what they
//! are equivalent to, and how they compare — from sourced data.
//!
//! ```
//! let data = rankinfo::builtin();
//! let cmp = rankinfo::compare::compare(data, "调研员", "处长").unwrap();
//! assert_eq!(cmp.relation, rankinfo::compare::Relation::Same);
//! ```
//!
//! ## One reader
//!
//! Every question reads the user's text through [`read`]: cleaning
//! (Unicode, traditional characters, career-line noise), the organisation
//! chain, the title or 职级, and a level with its rule, confidence and
//! notes. [`Dataset::lookup`] is the exact-name index underneath.
//!
//! ```
//! let data = rankinfo::builtin();
//! let r = data.resolve("任唐山市市委书记（其间：2001.09在中央党校学习）");
//! assert_eq!(r.level.unwrap().name, "厅局级正职");
//! assert!(data.resolve("沧州市人民医院院长").level.is_none());
//! ```
//!
//! ## Data policy
//!
//! ### Sources and confidence
//!
//! Every fact in the built-in data carries the ids of its sources (the
//! `[[source]]` tables, one registry across the files: [`Dataset::source`])
//! and a [`Confidence`](schema::Confidence):
//!
//! | confidence | meaning | shown as | [`Certainty`](read::Certainty) |
//! | --- | --- | --- | --- |
//! | `official` | the text of a law or regulation, read at its article | 法规原文 | 高 |
//! | `secondary` | a regulation quoted word for word on third-party pages, cross-checked | 转引法规 | 高 |
//! | `common_knowledge` | widely stated; no citable text found | 通行说法 | 中 |
//! | `customary` | real in practice (高配, "treated as"), not a formal rule | 惯例 | 中 |
//! | `unconfirmed` | no source text, sources disagree, or an inference | 未经证实 | 低 |
//!
//! The official texts of the 2019 and 2020 regulations could not be reached:
//! they were read as quoted on third-party pages (`secondary`). Of the laws
//! behind levels and ranks, only 《公务员法》 and 《公安机关组织管理条例》 were
//! read at the source.
//!
//! What the reference material marks unconfirmed stays marked: it is shown
//! as 未经证实, and an answer whose level rests on it has certainty 低. Forms
//! of address carry the reference's [`Strength`](schema::Strength) of
//! evidence instead (官方规定, 媒体报道, 弱来源, 通行做法, 未经证实): most
//! conventions of address are unwritten.
//!
//! The data answers only what it holds. Where a title's level depends on its
//! organisation (局长, 主任, 书记 …) the answer lists the cases, or asks for
//! the organisation, instead of picking one. A level holders often have
//! personally (高配) is shown as "often", never as the answer. A post outside
//! the civil service (a hospital's 院长, a company's 总经理, a village's 书记,
//! the army) has no civil-service level, and the answer says so.
//!
//! ### Updating the data
//!
//! The facts live in `data/*.toml` (the fields are documented in [`schema`]);
//! each file's header explains its tables. Every fact needs a confidence,
//! and an `official` or `secondary` one at least one source. `build.rs`
//! checks the files with the same code that checks users' files (every
//! reference resolves, every source is declared once and cited, 级别 bands
//! lie within 1–27 and are not inverted, no Chinese name means two entries,
//! place codes nest under their parents) and bakes them into Rust statics
//! without pointers ([`schema::Text`] and [`schema::List`] are offsets into
//! one text blob and one table per type): data that fails a check fails the
//! build, and the binary parses and relocates nothing at start. After a change:
//!
//! - bump `[meta] version` in `data/ranks.toml` (`YYYY-MM-DD.N`), which
//!   becomes [`DATA_VERSION`];
//! - never edit the generated files by hand: `data/places.toml` comes from
//!   `scripts/gen_places.mjs` (its overrides are in the script), and
//!   `src/read/traditional.rs` from `scripts/gen_traditional.py`, to be rerun
//!   when its test `covers_the_data` fails because the data gained a
//!   character (`scripts/README.md` gives the commands);
//! - run `cargo test`: the tests hold the data to tables written from the
//!   reference, and `tests/cmd/` shows the changed answers as a diff
//!   (`TRYCMD=overwrite cargo test --test cmd` rewrites them for review).
//!
//! ### Users' own data
//!
//! [`Dataset::with_overlay`][with_overlay] (the CLI's `--data FILE`) merges an
//! organisation's own titles, aliases, organs, unit levels and short forms
//! over the built-in data, in the same schema, checked as strictly; a file
//! with any problem is not used at all, and every problem is reported with
//! its file, line and column. `docs/data-format.md` describes the format with
//! a complete example. [`Dataset::from_toml`][from_toml] reads a whole dataset instead.
//! Both need the `runtime-data` feature.
//!
//! ### How often it changes
//!
//! The data is a snapshot, not a live feed: nothing is fetched at run time,
//! and it changes only when a new release (or your overlay) changes it.
//! [`DATA_VERSION`] and [`Dataset::version`] give the stamp of the last
//! revision; the administrative divisions are the National Bureau of
//! Statistics' codes as of 2023-06-30 ([`schema::Places::version`]).
//! Regulations, organs and divisions change (the 2019 职级 reform, the 2023
//! reform of Party and state organs): check an answer that matters against
//! current official sources.
//!
//! ### Limits
//!
//! - The reader reads at most [`read::MAX_TEXT_BYTES`] bytes and
//!   [`read::MAX_POSTS`] posts of one text; past either, the answer is "too
//!   long" ([`read::Note::TooLong`]), with no level, in bounded memory.
//! - The 2019 职级 have no official English; the English names given are
//!   conventional renderings, not a standard.
//! - The 级别 bands of the 行政执法类 职级 are unknown.
//! - Only two provincial 部门管理机构 (监狱管理局, 粮食和物资储备局: 副厅)
//!   are named, and unconfirmed; the pre-2006 助理巡视员 rests on a single
//!   page and is unconfirmed.
//! - Development zones and their 管委会 (their 规格 is set locally) and the
//!   股 and 科 inside a county's departments get no level: the reference
//!   gives none, and 股级 is not a legal level.
//!
//! [with_overlay]: data/struct.Dataset.html#method.with_overlay
//! [from_toml]: data/struct.Dataset.html#method.from_toml

#![deny(missing_docs)]

pub mod address;
pub mod brief;
pub mod careers;
pub mod compare;
pub mod data;
pub mod equiv;
mod error;

#[cfg(feature = "batch")]
pub mod batch;
pub mod levels;
mod normalize;
pub mod organisations;
#[cfg(feature = "runtime-data")]
mod overlay;
pub mod places;
pub mod ranks;
pub mod read;
#[cfg(feature = "render")]
pub mod render;
/// The reader's former name.
pub use read as resolve;
pub mod schema;
pub mod show;
pub mod titles;
// The checks of data files: run by build.rs on the built-in data, and at
// run time on users' files.
#[cfg(feature = "runtime-data")]
mod validate;

pub use data::{Dataset, Entry, builtin};

/// The version of the built-in data (`[meta] version` of `data/ranks.toml`).
pub const DATA_VERSION: &str = env!("RANKINFO_DATA_VERSION");
pub use error::{DataError, DataErrors, LookupError};
