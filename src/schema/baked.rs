//! [`Text`] and [`List`]: the strings and lists of the data model, baked into
//! the binary without a single pointer.
//!
//! A pointer in a static is a relocation that the loader rewrites at every
//! start of a position-independent binary or shared library (the Python
//! extension). So `build.rs` writes every string of `data/` once into one text
//! blob and every list element into one static table per element type; a baked
//! [`Text`] or [`List`] is then a pair of integers (start, length) into them.
//! Data read at run time owns its strings and vectors instead. Both dereference
//! to `&str` and `&[T]`, so users of the data see no difference.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::ops::Deref;

/// A string that is either baked into the binary or read at run time.
///
/// Dereferences to `&str`.
///
/// ```
/// let data = rankinfo::builtin();
/// let level = &data.ranks.levels[0];
/// assert_eq!(&*level.name, "国家级正职");
/// assert_eq!(level.name, "国家级正职");
/// ```
#[derive(Clone)]
pub struct Text(TextRepr);

#[derive(Clone)]
enum TextRepr {
    /// `crate::data::baked::TEXT[start..start + len]`.
    Baked {
        start: u32,
        len: u32,
    },
    Owned(Box<str>),
}

impl Text {
    /// The empty string, usable in constants.
    pub const EMPTY: Text = Text::baked(0, 0);

    /// A slice of the baked text blob. Only `build.rs`'s generated code makes
    /// these (hence crate-private): its offsets are in bounds and on
    /// character boundaries, which `as_str` relies on.
    pub(crate) const fn baked(start: u32, len: u32) -> Text {
        Text(TextRepr::Baked { start, len })
    }

    /// The text as a `&str`.
    #[inline]
    pub fn as_str(&self) -> &str {
        match &self.0 {
            TextRepr::Baked { start, len } => {
                let (start, end) = (*start as usize, *start as usize + *len as usize);
                let text = crate::data::baked::TEXT;
                debug_assert!(text.get(start..end).is_some());
                // SAFETY: baked offsets are made by build.rs from the blob
                // itself, in bounds and on character boundaries; the text is
                // read on every string's use and hot in the reader's scans.
                unsafe { text.get_unchecked(start..end) }
            }
            TextRepr::Owned(s) => s,
        }
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl std::borrow::Borrow<str> for Text {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl Default for Text {
    fn default() -> Text {
        Text(TextRepr::Owned(Box::default()))
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text(TextRepr::Owned(s.into_boxed_str()))
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text(TextRepr::Owned(s.into()))
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Text {}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialOrd for Text {
    fn partial_cmp(&self, other: &Text) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Text {
    fn cmp(&self, other: &Text) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl std::hash::Hash for Text {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state)
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
        String::deserialize(d).map(Text::from)
    }
}

/// The static table that baked [`List`]s of an element type index into.
/// Implemented by the generated tables for every element type of the data.
#[doc(hidden)]
pub trait Table: Sized + 'static {
    /// Every baked element of this type, lists one after another.
    fn table() -> &'static [Self];
}

/// A list that is either baked into the binary or read at run time.
///
/// Dereferences to `&[T]`.
///
/// ```
/// let data = rankinfo::builtin();
/// assert_eq!(data.ranks.levels.len(), 12);
/// assert!(data.ranks.levels.iter().any(|l| l.name == "县处级正职"));
/// ```
pub struct List<T: Table>(ListRepr<T>);

enum ListRepr<T> {
    /// `T::table()[start..start + len]`.
    Baked {
        start: u32,
        len: u32,
    },
    Owned(Vec<T>),
}

impl<T: Table> List<T> {
    /// A run of the baked table of `T`. Only `build.rs`'s generated code
    /// makes these (hence crate-private), with the table of `T` it writes:
    /// the run is in bounds, which `as_slice` relies on.
    pub(crate) const fn baked(start: u32, len: u32) -> List<T> {
        List(ListRepr::Baked { start, len })
    }

    /// An empty list.
    pub const fn new() -> List<T> {
        List(ListRepr::Owned(Vec::new()))
    }

    /// The list as a slice.
    #[inline]
    pub fn as_slice(&self) -> &[T] {
        match &self.0 {
            ListRepr::Baked { start, len } => {
                let (start, end) = (*start as usize, *start as usize + *len as usize);
                let table = T::table();
                debug_assert!(end <= table.len());
                // SAFETY: as for `Text`: build.rs writes each run with the
                // table it indexes.
                unsafe { table.get_unchecked(start..end) }
            }
            ListRepr::Owned(v) => v,
        }
    }
}

impl<T: Table + Clone> List<T> {
    /// The list as a vector to change, copied out of the binary if baked.
    pub fn to_mut(&mut self) -> &mut Vec<T> {
        if let ListRepr::Baked { .. } = self.0 {
            self.0 = ListRepr::Owned(self.as_slice().to_vec());
        }
        match &mut self.0 {
            ListRepr::Owned(v) => v,
            ListRepr::Baked { .. } => unreachable!("made owned just above"),
        }
    }
}

impl<T: Table> Deref for List<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        self.as_slice()
    }
}

impl<T: Table> AsRef<[T]> for List<T> {
    fn as_ref(&self) -> &[T] {
        self.as_slice()
    }
}

impl<T: Table> Default for List<T> {
    fn default() -> List<T> {
        List::new()
    }
}

impl<T: Table + Clone> Clone for List<T> {
    fn clone(&self) -> List<T> {
        match &self.0 {
            ListRepr::Baked { start, len } => List::baked(*start, *len),
            ListRepr::Owned(v) => List(ListRepr::Owned(v.clone())),
        }
    }
}

impl<T: Table> From<Vec<T>> for List<T> {
    fn from(v: Vec<T>) -> List<T> {
        List(ListRepr::Owned(v))
    }
}

impl<'a, T: Table> IntoIterator for &'a List<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}

impl<T: Table + fmt::Debug> fmt::Debug for List<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_slice(), f)
    }
}

impl<T: Table + PartialEq> PartialEq for List<T> {
    fn eq(&self, other: &List<T>) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl<T: Table + Eq> Eq for List<T> {}

impl<T: Table + Serialize> Serialize for List<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.as_slice().serialize(s)
    }
}

impl<'de, T: Table + Deserialize<'de>> Deserialize<'de> for List<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<List<T>, D::Error> {
        Vec::<T>::deserialize(d).map(List::from)
    }
}
