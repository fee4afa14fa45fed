//! The dataset: built-in data baked at build time, and lookups over it.

use crate::error::{DataError, LookupError};
use crate::normalize;
use crate::schema::address::AddressFile;
use crate::schema::{IndexEntry, Level, List, Rank, RanksFile, Target, Title};

/// Every fact rankinfo knows, with its lookup index.
///
/// The built-in dataset ([`builtin`]) borrows everything from the binary; a
/// dataset read at run time owns its data. Both have the same shape.
#[derive(Debug, Clone)]
pub struct Dataset {
    /// Levels, ranks, titles and their sources (`data/ranks.toml`).
    pub ranks: RanksFile,
    /// Forms of address and their sources (`data/address.toml`).
    pub address: AddressFile,
    index: List<IndexEntry>,
}

static BUILTIN: Dataset = Dataset {
    ranks: include!(concat!(env!("OUT_DIR"), "/ranks.rs")),
    address: include!(concat!(env!("OUT_DIR"), "/address.rs")),
    index: include!(concat!(env!("OUT_DIR"), "/index.rs")),
};

/// The data built into rankinfo. Free: nothing is parsed or allocated.
pub fn builtin() -> &'static Dataset {
    &BUILTIN
}

/// Something a name can mean.
#[derive(Debug, Clone, Copy, PartialEq)]
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
    /// Read a dataset in the format of `data/ranks.toml` at run time, checked
    /// as strictly as the built-in data. `file` names it in error messages.
    /// The forms of address are the built-in ones, checked against the new
    /// ranks (problems are reported against `data/address.toml (built-in)`).
    pub fn from_ranks_toml(file: &str, text: &str) -> Result<Dataset, Vec<DataError>> {
        let ranks: RanksFile =
            toml::from_str(text).map_err(|e| vec![DataError::from_toml(file, text, &e)])?;
        Dataset::checked(
            (file, ranks),
            ("data/address.toml (built-in)", builtin().address.clone()),
        )
    }

    /// Read both data files at run time (`data/ranks.toml` and
    /// `data/address.toml` formats), checked as strictly as the built-in
    /// data. Each `(file, text)` pair names its file in error messages.
    pub fn from_toml(
        (ranks_file, ranks_text): (&str, &str),
        (address_file, address_text): (&str, &str),
    ) -> Result<Dataset, Vec<DataError>> {
        let ranks: Result<RanksFile, _> = toml::from_str(ranks_text)
            .map_err(|e| DataError::from_toml(ranks_file, ranks_text, &e));
        let address: Result<AddressFile, _> = toml::from_str(address_text)
            .map_err(|e| DataError::from_toml(address_file, address_text, &e));
        match (ranks, address) {
            (Ok(r), Ok(a)) => Dataset::checked((ranks_file, r), (address_file, a)),
            (r, a) => Err(r.err().into_iter().chain(a.err()).collect()),
        }
    }

    /// Validate parsed data and build the index.
    fn checked(
        (ranks_file, ranks): (&str, RanksFile),
        (address_file, address): (&str, AddressFile),
    ) -> Result<Dataset, Vec<DataError>> {
        let problem = |file: &str| {
            let file = file.to_string();
            move |message: String| DataError {
                file: file.clone(),
                line: 0,
                column: 0,
                message,
            }
        };
        crate::validate::ranks(&ranks).map_err(|errs| {
            errs.into_iter()
                .map(problem(ranks_file))
                .collect::<Vec<_>>()
        })?;
        let index = crate::validate::index(&ranks).map_err(|errs| {
            errs.into_iter()
                .map(problem(ranks_file))
                .collect::<Vec<_>>()
        })?;
        crate::validate::address(&address, &ranks).map_err(|errs| {
            errs.into_iter()
                .map(problem(address_file))
                .collect::<Vec<_>>()
        })?;
        Ok(Dataset {
            ranks,
            address,
            index: index.into(),
        })
    }

    /// The data version stamp (`YYYY-MM-DD.N`).
    pub fn version(&self) -> &str {
        &self.ranks.meta.version
    }

    fn target(&self, t: Target) -> Entry<'_> {
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

    /// The one entry filed under an already-normalised key, without
    /// suggestions (cheap enough to try many candidate keys).
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
        let key = normalize::key(name);
        let mut hits = self.exact(&key);
        if hits.is_empty() {
            // 正处级 / 正处, 一级调研员级: the trailing 级 is optional.
            let alt = match key.strip_suffix('级') {
                Some(stem) => stem.to_string(),
                None => format!("{key}级"),
            };
            hits = self.exact(&alt);
        }
        match hits {
            [one] => Ok(self.target(one.target)),
            [] => Err(LookupError::Unknown {
                input: name.to_string(),
                suggestions: self.suggest(&key),
            }),
            many => Err(LookupError::Ambiguous {
                input: name.to_string(),
                candidates: many
                    .iter()
                    .map(|e| self.target(e.target).name().to_string())
                    .collect(),
            }),
        }
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
    pub fn levels(&self) -> impl Iterator<Item = &Level> {
        self.ranks.levels.iter()
    }

    /// The level with this canonical name.
    pub fn level(&self, name: &str) -> Option<&Level> {
        self.ranks.levels.iter().find(|l| l.name == name)
    }

    /// The rank with this canonical name.
    pub fn rank(&self, name: &str) -> Option<&Rank> {
        self.ranks.ranks.iter().find(|r| r.name == name)
    }
}

/// How alike a query and a key are, 0 to 1. Containment counts for a lot:
/// "深圳局长" should suggest 局长.
fn similarity(query: &str, key: &str) -> f64 {
    let edit = strsim::normalized_levenshtein(query, key);
    let (q, k) = (query.chars().count(), key.chars().count());
    if k >= 2 && q >= 2 && (query.contains(key) || key.contains(query)) {
        let ratio = q.min(k) as f64 / q.max(k) as f64;
        return edit.max(0.6 + 0.4 * ratio);
    }
    edit
}
