//! The dataset: built-in data baked at build time, and lookups over it.

use crate::error::LookupError;
#[cfg(feature = "runtime-data")]
use crate::error::{DataError, DataErrors};
use crate::normalize;
use crate::read::Sector;
use crate::schema::address::AddressFile;
use crate::schema::organisations::OrganisationsFile;
use crate::schema::places::PlacesFile;
use crate::schema::{IndexEntry, Level, List, NameTable, Rank, RanksFile, Target, Title};

/// Every fact rankinfo knows, with its lookup index.
///
/// The built-in dataset ([`builtin`]) borrows everything from the binary; a
/// dataset read at run time owns its data. Both have the same shape.
#[derive(Debug, Clone)]
pub struct Dataset {
    /// Levels, ranks, titles and their sources (`data/ranks.toml`).
    pub ranks: RanksFile,
    /// Named organs and the levels of units (`data/organisations.toml`).
    pub organisations: OrganisationsFile,
    /// Administrative divisions (`data/places.toml`).
    pub places: PlacesFile,
    /// Forms of address and their sources (`data/address.toml`).
    pub address: AddressFile,
    pub(crate) index: List<IndexEntry>,
    /// `index` with reversed keys: finds the title ending a string.
    pub(crate) suffix_index: NameTable,
    pub(crate) organ_index: NameTable,
    pub(crate) place_index: NameTable,
    /// The position of each division's parent (`u16::MAX`: none).
    pub(crate) place_parents: List<u16>,
    /// The position in `organisations.unit_levels` of each division's
    /// context (`u16::MAX`: none).
    pub(crate) place_heads: List<u16>,
}

/// The text blob and element tables that the baked data indexes (`build.rs`).
pub(crate) mod baked {
    include!(concat!(env!("OUT_DIR"), "/tables.rs"));
}

static BUILTIN: Dataset = Dataset {
    ranks: include!(concat!(env!("OUT_DIR"), "/ranks.rs")),
    address: include!(concat!(env!("OUT_DIR"), "/address.rs")),
    index: include!(concat!(env!("OUT_DIR"), "/index.rs")),
    suffix_index: include!(concat!(env!("OUT_DIR"), "/suffix_index.rs")),
    organisations: include!(concat!(env!("OUT_DIR"), "/organisations.rs")),
    organ_index: include!(concat!(env!("OUT_DIR"), "/organ_index.rs")),
    places: include!(concat!(env!("OUT_DIR"), "/places.rs")),
    place_index: include!(concat!(env!("OUT_DIR"), "/place_index.rs")),
    place_parents: include!(concat!(env!("OUT_DIR"), "/place_parents.rs")),
    place_heads: include!(concat!(env!("OUT_DIR"), "/place_heads.rs")),
};

/// The data built into rankinfo. Free: nothing is parsed or allocated.
///
/// ```
/// let data = rankinfo::builtin();
/// assert_eq!(data.version(), rankinfo::DATA_VERSION);
/// assert_eq!(data.lookup("正处级").unwrap().name(), "县处级正职");
/// ```
pub fn builtin() -> &'static Dataset {
    &BUILTIN
}

/// Which check a problem came from, for placing it in a file.
#[cfg(feature = "runtime-data")]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    /// Levels, ranks, titles, organisations, places and their sources.
    All,
    /// Forms of address.
    Address,
    /// The name index (a name shared by two entries).
    Index,
}

/// Something a name can mean.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum Entry<'a> {
    /// A leadership level (or 科员级/办事员级).
    Level(&'a Level),
    /// A 职级, current or pre-2019.
    Rank(&'a Rank),
    /// A post title.
    Title(&'a Title),
}

impl<'a> Entry<'a> {
    /// The canonical Chinese name.
    pub fn name(&self) -> &'a str {
        match self {
            Entry::Level(l) => &l.name,
            Entry::Rank(r) => &r.name,
            Entry::Title(t) => &t.name,
        }
    }
}

impl Dataset {
    /// Read a dataset at run time from the texts of files in the formats of
    /// `data/ranks.toml`, `data/organisations.toml`, `data/places.toml` and
    /// `data/address.toml` (each given as `(file name, text)`), checked as
    /// strictly as the built-in data. Errors name the file, and the line and
    /// column where the TOML itself is at fault.
    ///
    /// ```
    /// use rankinfo::Dataset;
    /// let read = |f: &str| {
    ///     std::fs::read_to_string(format!("{}/data/{f}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    /// };
    /// let (r, o, p, a) = (read("ranks.toml"), read("organisations.toml"),
    ///                     read("places.toml"), read("address.toml"));
    /// let data = Dataset::from_toml(("ranks.toml", &r), ("organisations.toml", &o),
    ///                               ("places.toml", &p), ("address.toml", &a)).unwrap();
    /// assert_eq!(data.version(), rankinfo::DATA_VERSION);
    ///
    /// // Broken TOML: the error is placed at its file, line and column.
    /// let errs = Dataset::from_toml(("ranks.toml", "[meta"), ("organisations.toml", &o),
    ///                               ("places.toml", &p), ("address.toml", &a)).unwrap_err();
    /// assert_eq!((errs[0].file.as_str(), errs[0].line), ("ranks.toml", 1));
    /// ```
    #[cfg(feature = "runtime-data")]
    pub fn from_toml(
        ranks: (&str, &str),
        organisations: (&str, &str),
        places: (&str, &str),
        address: (&str, &str),
    ) -> Result<Dataset, DataErrors> {
        fn parse<T: serde::de::DeserializeOwned>(
            (file, text): (&str, &str),
        ) -> Result<T, DataError> {
            toml::from_str(text).map_err(|e| DataError::from_toml(file, text, &e))
        }
        let parsed = (
            parse(ranks),
            parse(organisations),
            parse(places),
            parse(address),
        );
        let (r, o, p, a): (RanksFile, OrganisationsFile, PlacesFile, AddressFile) = match parsed {
            (Ok(r), Ok(o), Ok(p), Ok(a)) => (r, o, p, a),
            (r, o, p, a) => {
                return Err([r.err(), o.err(), p.err(), a.err()]
                    .into_iter()
                    .flatten()
                    .collect());
            }
        };
        Dataset::assemble(r, o, p, a, |which, errs| {
            // Each problem at the first mention of its names, in the files
            // its check read.
            let files: &[(&str, &str)] = match which {
                Part::Address => &[address],
                Part::Index => &[ranks],
                Part::All => &[ranks, organisations, places],
            };
            Err(errs
                .into_iter()
                .map(|m| DataError::locate(files, m))
                .collect())
        })
    }

    /// Check parsed files as strictly as the built-in data and build their
    /// indexes; `fail` turns the problems of one part into errors.
    #[cfg(feature = "runtime-data")]
    pub(crate) fn assemble(
        r: RanksFile,
        o: OrganisationsFile,
        p: PlacesFile,
        a: AddressFile,
        fail: impl Fn(Part, Vec<String>) -> Result<(), Vec<DataError>>,
    ) -> Result<Dataset, DataErrors> {
        crate::validate::all(&r, &o, &p).or_else(|e| fail(Part::All, e))?;
        crate::validate::address(&a, &r).or_else(|e| fail(Part::Address, e))?;
        let index = match crate::validate::index(&r) {
            Ok(index) => index,
            Err(e) => {
                fail(Part::Index, e)?;
                return Err(DataErrors(Vec::new()));
            }
        };
        Ok(Dataset {
            suffix_index: crate::validate::suffix_index(&index),
            index: index.into(),
            organ_index: crate::validate::organ_index(&o),
            place_index: crate::validate::place_index(&p),
            place_parents: crate::validate::place_parents(&p).into(),
            place_heads: crate::validate::place_heads(&p, &o).into(),
            ranks: r,
            organisations: o,
            places: p,
            address: a,
        })
    }

    /// The data version stamp (`YYYY-MM-DD.N`).
    ///
    /// ```
    /// let v = rankinfo::builtin().version();
    /// assert_eq!(v, rankinfo::DATA_VERSION);
    /// let (date, n) = v.split_once('.').unwrap();
    /// assert!(date.len() == 10 && n.parse::<u32>().is_ok());
    /// ```
    pub fn version(&self) -> &str {
        &self.ranks.meta.version
    }

    /// A source by id (`legal:P1`, `address:S1`), from any of the data files.
    ///
    /// ```
    /// let data = rankinfo::builtin();
    /// assert!(data.source("legal:P1").unwrap().title.contains("公务员法"));
    /// ```
    pub fn source(&self, id: &str) -> Option<&crate::schema::Source> {
        self.ranks
            .sources
            .iter()
            .chain(self.address.sources.iter())
            .chain(self.organisations.sources.iter())
            .chain(crate::careers::builtin().sources.iter())
            .find(|s| s.id == id)
    }

    pub(crate) fn target(&self, t: Target) -> Entry<'_> {
        match t {
            Target::Level(i) => Entry::Level(&self.ranks.levels[i as usize]),
            Target::Rank(i) => Entry::Rank(&self.ranks.ranks[i as usize]),
            Target::Title(i) => Entry::Title(&self.ranks.titles[i as usize]),
        }
    }

    /// The entries filed under an already-normalised key.
    fn exact(&self, key: &str) -> &[IndexEntry] {
        let start = self.index.partition_point(|e| &*e.key < key);
        let len = self.index[start..].partition_point(|e| &*e.key == key);
        &self.index[start..start + len]
    }

    /// The one entry filed under a normalised key, if exactly one is.
    pub(crate) fn exact_entry(&self, key: &str) -> Option<Entry<'_>> {
        match self.exact(key) {
            [one] => Some(self.target(one.target)),
            _ => None,
        }
    }

    /// Look up a level, rank or title by canonical name, alias or English
    /// name (case-insensitive), after normalising full-width characters,
    /// spaces and a trailing 级.
    ///
    /// ```
    /// let data = rankinfo::builtin();
    /// assert_eq!(data.lookup("正处").unwrap().name(), "县处级正职");
    /// assert_eq!(data.lookup("ＤＩＶＩＳＩＯＮ-head level").unwrap().name(), "县处级正职");
    /// assert_eq!(data.lookup("二级巡视员").unwrap().name(), "二级巡视员");
    /// let err = data.lookup("调研猿").unwrap_err();
    /// assert!(err.suggestions().iter().any(|s| s == "调研员"));
    /// ```
    pub fn lookup(&self, name: &str) -> Result<Entry<'_>, LookupError> {
        let (key, hits) = self.hits(name);
        match hits {
            [one] => Ok(self.target(one.target)),
            // A post the reader places outside the civil service: say so
            // rather than suggest a civil-service name that looks alike.
            [] => Err(
                match self
                    .resolve(name)
                    .sector
                    .filter(|&s| s != Sector::CivilService)
                {
                    Some(sector) => LookupError::OutsideCivilService {
                        input: name.to_string(),
                        sector,
                        why: sector.why().to_string(),
                    },
                    None => LookupError::Unknown {
                        input: name.to_string(),
                        suggestions: self.suggest(&key),
                    },
                },
            ),
            many => Err(LookupError::Ambiguous {
                input: name.to_string(),
                candidates: many
                    .iter()
                    .map(|e| self.target(e.target).name().to_string())
                    .collect(),
            }),
        }
    }

    /// The one entry of the index by this name, as [`lookup`](Self::lookup)
    /// finds it, without reading the text or suggesting: for the reader,
    /// which must not call back into itself.
    pub(crate) fn indexed(&self, name: &str) -> Option<Entry<'_>> {
        match self.hits(name).1 {
            [one] => Some(self.target(one.target)),
            _ => None,
        }
    }

    /// The normalised key of a name and the index entries it names.
    fn hits(&self, name: &str) -> (String, &[IndexEntry]) {
        // The reader's character cleaning (處長, a Kangxi ⼆, a zero-width
        // space) before the index's own normalising.
        let key = normalize::key(&crate::read::clean::chars(name));
        let mut hits = self.exact(&key);
        if hits.is_empty() {
            // 正处级 / 正处, 一级调研员级: the trailing 级 is optional.
            let alt = match key.strip_suffix('级') {
                Some(stem) => stem.to_string(),
                None => format!("{key}级"),
            };
            hits = self.exact(&alt);
        }
        (key, hits)
    }

    /// The canonical names closest to a normalised key, best first.
    fn suggest(&self, key: &str) -> Vec<String> {
        let mut best: Vec<(f64, &str)> = Vec::new();
        for e in self.index.iter() {
            let score = similarity(key, &e.key);
            if score < 0.4 {
                continue;
            }
            let name = self.target(e.target).name();
            match best.iter_mut().find(|(_, n)| *n == name) {
                Some(slot) => slot.0 = slot.0.max(score),
                None => best.push((score, name)),
            }
        }
        best.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
        best.into_iter()
            .take(5)
            .map(|(_, n)| n.to_string())
            .collect()
    }

    /// Every level, top to bottom.
    ///
    /// ```
    /// let data = rankinfo::builtin();
    /// let short: Vec<&str> = data.levels().map(|l| &*l.short).collect();
    /// assert_eq!(short[..3], ["正国级", "副国级", "正部级"]);
    /// assert_eq!(short.last(), Some(&"办事员级"));
    /// ```
    pub fn levels(&self) -> impl Iterator<Item = &Level> {
        self.ranks.levels.iter()
    }

    /// The level with this canonical name.
    ///
    /// ```
    /// let data = rankinfo::builtin();
    /// let l = data.level("县处级正职").unwrap();
    /// assert_eq!((&*l.short, l.grade.highest, l.grade.lowest), ("正处级", 12, 18));
    /// assert!(data.level("正处级").is_none()); // short names and aliases: `lookup`
    /// ```
    pub fn level(&self, name: &str) -> Option<&Level> {
        self.ranks
            .levels
            .iter()
            .find(|l| crate::normalize::same(&l.name, name))
    }

    /// The rank with this canonical name.
    ///
    /// ```
    /// let data = rankinfo::builtin();
    /// let r = data.rank("二级巡视员").unwrap();
    /// assert_eq!(r.level.as_deref(), Some("厅局级副职"));
    /// assert_eq!(data.rank("调研员").unwrap().converts_to.as_deref(), Some("二级调研员"));
    /// ```
    pub fn rank(&self, name: &str) -> Option<&Rank> {
        self.ranks.ranks.iter().find(|r| r.name == name)
    }
}

/// How alike a query and a key are, 0 to 1. Containment counts for a lot:
/// "深圳局长" should suggest 局长.
fn similarity(query: &str, key: &str) -> f64 {
    let (q, k) = (query.chars().count(), key.chars().count());
    if k >= 2 && q >= 2 && (query.contains(key) || key.contains(query)) {
        let ratio = q.min(k) as f64 / q.max(k) as f64;
        return normalized_levenshtein(query, key).max(0.6 + 0.4 * ratio);
    }
    // The edit distance is at least the difference in length, and a key
    // sharing no character with the query is no suggestion: most keys are
    // ruled out before the (allocating) edit distance is computed.
    let longest = q.max(k).max(1) as f64;
    if 1.0 - q.abs_diff(k) as f64 / longest < 0.4 || !key.chars().any(|c| query.contains(c)) {
        return 0.0;
    }
    normalized_levenshtein(query, key)
}

/// 1 − the edit distance over the longer length, in characters: 1 for the
/// same text, 0 for nothing in common.
pub(crate) fn normalized_levenshtein(a: &str, b: &str) -> f64 {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let longest = a.len().max(b.len());
    if longest == 0 {
        return 1.0;
    }
    // One row of the edit-distance table at a time.
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != cb));
            diagonal = above;
        }
    }
    1.0 - row[b.len()] as f64 / longest as f64
}

#[cfg(test)]
mod tests {
    #[test]
    fn edit_distance_over_characters() {
        use super::normalized_levenshtein as d;
        assert_eq!(d("调研员", "调研员"), 1.0);
        assert!((d("调研猿", "调研员") - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(d("", ""), 1.0);
        assert_eq!(d("ab", ""), 0.0);
        assert!((d("kitten", "sitting") - (1.0 - 3.0 / 7.0)).abs() < 1e-9);
    }
}
