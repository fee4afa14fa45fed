//! Administrative divisions: finding them in text and the kind of
//! organisation each one is.

use crate::data::Dataset;
use crate::schema::{NameIndex, Place, PlaceKind};

impl Dataset {
    /// Every division, sorted by code.
    pub fn place_list(&self) -> &[Place] {
        &self.places.places.place
    }

    /// The division with this six-digit code.
    pub fn place_by_code(&self, code: &str) -> Option<&Place> {
        let list = self.place_list();
        list.binary_search_by(|p| (*p.code).cmp(code))
            .ok()
            .map(|i| &list[i])
    }

    /// The division above this one.
    pub fn parent_of(&self, place: &Place) -> Option<&Place> {
        self.place_by_code(place.parent.as_deref()?)
    }

    /// Whether `place` lies within `ancestor` (or is it).
    pub fn is_within(&self, place: &Place, ancestor: &Place) -> bool {
        let mut at = Some(place);
        while let Some(p) = at {
            if p.code == ancestor.code {
                return true;
            }
            at = self.parent_of(p);
        }
        false
    }

    /// Every division with this name, with or without its suffix
    /// (`鼓楼区` → four districts; `深圳` → 深圳市).
    ///
    /// ```
    /// let data = rankinfo::builtin();
    /// assert_eq!(data.places_named("鼓楼区").count(), 4);
    /// assert_eq!(data.places_named("深圳").next().unwrap().name, "深圳市");
    /// ```
    pub fn places_named(&self, name: &str) -> impl Iterator<Item = &Place> {
        let key = crate::normalize::key(name);
        let index = &self.place_index;
        let start = index.partition_point(|e| *e.key < *key);
        let len = index[start..].partition_point(|e| *e.key == *key);
        index[start..start + len]
            .iter()
            .map(|e| &self.place_list()[e.id as usize])
    }

    /// The longest division names at the start of normalised `text`: their
    /// length in bytes and the index entries (one per division so named).
    pub(crate) fn places_at<'a>(&'a self, text: &str) -> Option<(usize, &'a [NameIndex])> {
        longest_prefix(&self.place_index, text)
    }

    /// The kind of organisation a division's Party committee and government
    /// are: a context name of `data/ranks.toml` (`副省级市的区`).
    pub fn place_context(&self, place: &Place) -> Option<&'static str> {
        use PlaceKind::*;
        Some(match place.kind {
            Province | AutonomousRegion => "省",
            Municipality => "直辖市",
            Sar => return None,
            SubProvincialCity => "副省级市",
            PrefectureCity | AutonomousPrefecture | Prefecture | League => "地级市",
            kind => match self.parent_of(place).map(|p| p.kind) {
                Some(Municipality) => "直辖市的区",
                Some(SubProvincialCity) if kind == District => "副省级市的区",
                _ => "县",
            },
        })
    }
}

/// The entries of a sorted name index whose key is the longest prefix of
/// `text`. Keys sharing a first character are contiguous, so only that run
/// is scanned.
pub(crate) fn longest_prefix<'a>(
    index: &'a [NameIndex],
    text: &str,
) -> Option<(usize, &'a [NameIndex])> {
    let first = text.chars().next()?;
    let mut buf = [0u8; 4];
    let lead: &str = first.encode_utf8(&mut buf);
    let start = index.partition_point(|e| *e.key < *lead);
    let run = index[start..].partition_point(|e| e.key.starts_with(lead));
    let mut best: Option<(usize, usize)> = None; // (key length, position)
    for (i, e) in index[start..start + run].iter().enumerate() {
        if text.starts_with(&*e.key) && best.is_none_or(|(len, _)| e.key.len() > len) {
            best = Some((e.key.len(), start + i));
        }
    }
    // The first entry of the longest key wins above; its namesakes follow it.
    let (len, at) = best?;
    let to = at
        + index[at..]
            .iter()
            .take_while(|e| e.key == index[at].key)
            .count();
    Some((len, &index[at..to]))
}
