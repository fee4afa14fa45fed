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
//! Every fact in the built-in data carries the ids of its sources and a
//! [`Confidence`](schema::Confidence). Most regulation texts could only be
//! read as quoted on third-party pages; what the reference material marks
//! unconfirmed stays marked as such in every answer. Where a title's level
//! depends on its organisation (局长, 主任, 书记 …) the answer lists the cases
//! instead of picking one. The data is a snapshot: see [`Dataset::version`].

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
pub use error::{DataError, LookupError};
