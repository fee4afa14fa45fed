//! Administrative divisions: finding them in text and the kind of
//! organisation each one is.

use crate::data::Dataset;
use crate::schema::{NameIndex, NameTable, Place, UnitLevel};

impl Dataset {
    /// Every division, sorted by code.
    ///
    /// ```
    /// let places = rankinfo::builtin().place_list();
    /// assert_eq!(places[0].name, "北京市");
    /// assert!(places.windows(2).all(|w| w[0].code < w[1].code));
    /// ```
    pub fn place_list(&self) -> &[Place] {
        &self.places.places.place
    }

    /// The division with this six-digit code.
    ///
    /// ```
    /// let data = rankinfo::builtin();
    /// assert_eq!(data.place_by_code("440305").unwrap().name, "南山区");
    /// assert!(data.place_by_code("999999").is_none());
    /// ```
    pub fn place_by_code(&self, code: &str) -> Option<&Place> {
        let list = self.place_list();
        list.binary_search_by(|p| (*p.code).cmp(code))
            .ok()
            .map(|i| &list[i])
    }

    /// The division above this one.
    ///
    /// ```
    /// let data = rankinfo::builtin();
    /// let nanshan = data.place_by_code("440305").unwrap();
    /// assert_eq!(data.parent_of(nanshan).unwrap().name, "深圳市");
    /// ```
    pub fn parent_of(&self, place: &Place) -> Option<&Place> {
        self.place_by_code(place.parent.as_deref()?)
    }

    /// Whether `place` lies within `ancestor` (or is it). Codes nest (the
    /// data is checked for it): a province's divisions share its first two
    /// digits, a prefecture's its first four.
    ///
    /// ```
    /// let data = rankinfo::builtin();
    /// let nanshan = data.place_by_code("440305").unwrap();
    /// let guangdong = data.place_by_code("440000").unwrap();
    /// let beijing = data.place_by_code("110000").unwrap();
    /// assert!(data.is_within(nanshan, guangdong));
    /// assert!(!data.is_within(nanshan, beijing));
    /// ```
    pub fn is_within(&self, place: &Place, ancestor: &Place) -> bool {
        let digits = if ancestor.kind.is_provincial() {
            2
        } else if ancestor.kind.is_prefectural() {
            4
        } else {
            6
        };
        place.code.get(..digits) == ancestor.code.get(..digits)
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
        let index = &self.place_index.entries;
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
    ///
    /// ```
    /// let data = rankinfo::builtin();
    /// let context = |code| data.place_context(data.place_by_code(code).unwrap());
    /// assert_eq!(context("440305"), Some("副省级市的区")); // 深圳市南山区
    /// assert_eq!(context("110105"), Some("直辖市的区")); // 北京市朝阳区
    /// assert_eq!(context("429004"), Some("县")); // 仙桃市, a 县级市
    /// ```
    pub fn place_context(&self, place: &Place) -> Option<&'static str> {
        context_of(place, self.parent_of(place))
    }

    /// [`place_context`](Self::place_context) by position in the list, using
    /// the table of parents instead of a search.
    pub(crate) fn place_context_at(&self, id: u16) -> Option<&'static str> {
        let parent = self
            .place_parents
            .get(id as usize)
            .and_then(|&p| self.place_list().get(p as usize));
        context_of(&self.place_list()[id as usize], parent)
    }

    /// The levels of the units of the division at this position's context
    /// ([`unit_level`](Self::unit_level) of
    /// [`place_context_at`](Self::place_context_at)), from a table made with
    /// the data: a search by the context's name for every place read was
    /// 3% of a contact list's reading.
    pub(crate) fn place_unit_level_at(&self, id: u16) -> Option<&UnitLevel> {
        let at = *self.place_heads.get(id as usize)?;
        self.organisations.unit_levels.get(usize::from(at))
    }
}

/// The context of a division, given the division above it.
fn context_of(place: &Place, parent: Option<&Place>) -> Option<&'static str> {
    place.kind.context(parent.map(|p| p.kind))
}

/// The entries whose key is the longest prefix of `text`, and its length in
/// bytes.
pub(crate) fn longest_prefix<'a>(
    table: &'a NameTable,
    text: &str,
) -> Option<(usize, &'a [NameIndex])> {
    table.longest(text.chars())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_table_of_unit_levels_is_the_search_by_context() {
        let data = crate::builtin();
        for (id, place) in data.place_list().iter().enumerate() {
            let id = u16::try_from(id).unwrap();
            let by_name = data
                .place_context_at(id)
                .and_then(|ctx| data.unit_level(ctx));
            let by_table = data.place_unit_level_at(id);
            assert_eq!(
                by_table.map(std::ptr::from_ref),
                by_name.map(std::ptr::from_ref),
                "{}",
                place.name
            );
            assert_eq!(data.place_context_at(id), data.place_context(place));
        }
    }
}
