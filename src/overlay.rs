//! Users' own data over the built-in data: an organisation's own titles,
//! aliases, unit levels, organs and forms of address, in the schema of
//! `data/` (see `docs/data-format.md`). An overlay is checked as strictly as
//! the built-in data, merged whole or not at all, and every problem is
//! reported with the overlay's file, line and column.

use crate::data::{Dataset, Part};
use crate::error::{DataError, DataErrors};
use crate::schema::address::{OtherTitle, ShortForm};
use crate::schema::organisations::{DepartmentOverride, Organ, UnitLevel, UnitOverride};
use crate::schema::{Context, List, Source, Text, Title};
use serde::Deserialize;

/// The tables an overlay may hold. An entry with the key of a built-in one
/// (a title's or organ's `name`, a unit level's `context`, a short form's
/// `title`, a source's `id`) replaces it; any other is added.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Overlay {
    #[serde(default, rename = "source")]
    sources: Vec<Source>,
    #[serde(default, rename = "title")]
    titles: Vec<Title>,
    #[serde(default, rename = "context")]
    contexts: Vec<Context>,
    #[serde(default, rename = "organ")]
    organs: Vec<Organ>,
    #[serde(default, rename = "unit_level")]
    unit_levels: Vec<UnitLevel>,
    #[serde(default, rename = "unit_override")]
    unit_overrides: Vec<UnitOverride>,
    #[serde(default, rename = "department_override")]
    department_overrides: Vec<DepartmentOverride>,
    #[serde(default, rename = "short_form")]
    short_forms: Vec<ShortForm>,
    #[serde(default, rename = "other_title")]
    other_titles: Vec<OtherTitle>,
}

/// Replace the entries of `list` that share a key with one of `new`, and
/// add the rest.
fn merge<T: Clone + crate::schema::Table>(
    list: &mut List<T>,
    new: Vec<T>,
    key: impl Fn(&T) -> &str,
) {
    let list = list.to_mut();
    let mut at: std::collections::HashMap<String, usize> = (list.iter().enumerate())
        .map(|(i, x)| (key(x).to_string(), i))
        .collect();
    for item in new {
        match at.get(key(&item)) {
            Some(&i) => list[i] = item,
            None => {
                at.insert(key(&item).to_string(), list.len());
                list.push(item);
            }
        }
    }
}

/// The source ids an entry cites.
fn cites<'a>(ids: &'a [Text], into: &mut Vec<&'a str>) {
    into.extend(ids.iter().map(|s| &**s));
}

impl Dataset {
    /// This dataset with a user's file merged over it (`file` names it in
    /// errors). Nothing is merged unless all of it checks.
    ///
    /// ```
    /// let data = rankinfo::builtin();
    /// let ours = r#"
    /// [[source]]
    /// id = "acme:1"
    /// title = "本公司客户名录的职务写法"
    /// grade = "internal"
    ///
    /// [[title]]
    /// name = "处长"
    /// aliases = ["处座"]
    /// role = "head"
    /// level = "县处级正职"
    /// confidence = "customary"
    /// sources = ["acme:1"]
    /// "#;
    /// let mine = data.with_overlay("ours.toml", ours).unwrap();
    /// assert_eq!(mine.lookup("处座").unwrap().name(), "处长");
    ///
    /// let bad = data.with_overlay("bad.toml", "[[title]]\nname = \"x\"\nrole = \"boss\"\n");
    /// let errs = bad.unwrap_err();
    /// assert_eq!((errs[0].file.as_str(), errs[0].line), ("bad.toml", 3));
    /// ```
    pub fn with_overlay(&self, file: &str, text: &str) -> Result<Dataset, DataErrors> {
        let overlay: Overlay = toml::from_str(text)
            .map_err(|e| DataErrors(vec![DataError::from_toml(file, text, &e)]))?;
        let (mut r, mut o, p, mut a) = (
            self.ranks.clone(),
            self.organisations.clone(),
            self.places.clone(),
            self.address.clone(),
        );
        // Sources go where they are cited: the address file keeps its own
        // registry; the others share one.
        let mut address_ids = Vec::new();
        for x in &overlay.short_forms {
            cites(&x.sources, &mut address_ids);
        }
        let mut other_ids = Vec::new();
        for t in &overlay.titles {
            cites(&t.sources, &mut other_ids);
        }
        for x in &overlay.organs {
            cites(&x.sources, &mut other_ids);
        }
        for u in &overlay.unit_levels {
            cites(&u.sources, &mut other_ids);
        }
        for u in &overlay.unit_overrides {
            cites(&u.sources, &mut other_ids);
        }
        for d in &overlay.department_overrides {
            cites(&d.sources, &mut other_ids);
        }
        // A source cited only by forms of address joins their registry; one
        // cited by both joins both; any other, the shared one (where one
        // cited by nothing is reported).
        let to_address: Vec<Source> = (overlay.sources.iter())
            .filter(|s| address_ids.contains(&&*s.id))
            .cloned()
            .collect();
        let to_ranks: Vec<Source> = (overlay.sources.iter())
            .filter(|s| other_ids.contains(&&*s.id) || !address_ids.contains(&&*s.id))
            .cloned()
            .collect();
        merge(&mut a.sources, to_address, |s| &s.id);
        merge(&mut r.sources, to_ranks, |s| &s.id);
        merge(&mut r.titles, overlay.titles, |t| &t.name);
        merge(&mut r.contexts, overlay.contexts, |c| &c.name);
        merge(&mut o.organs, overlay.organs, |x| &x.name);
        merge(&mut o.unit_levels, overlay.unit_levels, |u| &u.context);
        o.unit_overrides.to_mut().extend(overlay.unit_overrides);
        o.department_overrides
            .to_mut()
            .extend(overlay.department_overrides);
        merge(&mut a.short_forms, overlay.short_forms, |s| &s.title);
        merge(&mut a.other_titles, overlay.other_titles, |t| &t.name);
        Dataset::assemble(r, o, p, a, |_: Part, errs| {
            Err(errs
                .into_iter()
                .map(|m| DataError::locate(&[(file, text)], m))
                .collect())
        })
    }
}
