//! Each question's answer, built in one place for the command line and the
//! web service (`rankinfo serve`): `--json` and the `/v1/` routes serialise
//! the very same library structs, so the two cannot drift apart.

use rankinfo::address::{Address, Person};
use rankinfo::brief::Brief;
use rankinfo::compare::Comparison;
use rankinfo::equiv::{Equivalents, Row};
use rankinfo::read::Resolution;
use rankinfo::render::{self, Style};
use rankinfo::show::Summary;
use rankinfo::{Dataset, Entry, LookupError};
use serde::{Serialize, Serializer};

/// One answer, as the library gives it.
pub enum Reply<'a> {
    Resolution(Resolution<'a>),
    Summary(Summary<'a>),
    Comparison(Comparison<'a>),
    Equivalents(Equivalents<'a>),
    Ladder(Vec<Row<'a>>),
    Address(Address<'a>),
    Brief(Box<Brief<'a>>),
}

impl Serialize for Reply<'_> {
    /// Exactly the inner struct: no wrapper, no tag.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Reply::Resolution(r) => r.serialize(s),
            Reply::Summary(r) => r.serialize(s),
            Reply::Comparison(r) => r.serialize(s),
            Reply::Equivalents(r) => r.serialize(s),
            Reply::Ladder(r) => r.serialize(s),
            Reply::Address(r) => r.serialize(s),
            Reply::Brief(r) => r.serialize(s),
        }
    }
}

impl Reply<'_> {
    /// The answer for people: the field card of the command line.
    pub fn human(&self, style: Style) -> String {
        match self {
            Reply::Resolution(r) => render::resolution(r, style),
            Reply::Summary(r) => render::summary(r, style),
            Reply::Comparison(r) => render::comparison(r, style),
            Reply::Equivalents(r) => render::equivalents(r, style),
            Reply::Ladder(r) => render::ladder(r, style),
            Reply::Address(r) => render::address(r, style),
            Reply::Brief(r) => render::brief(r, style),
        }
    }

    /// The sources the answer cites (`--sources`).
    pub fn source_ids(&self) -> Vec<&str> {
        use render::Cites;
        match self {
            Reply::Resolution(r) => r.source_ids(),
            Reply::Summary(r) => r.source_ids(),
            Reply::Comparison(r) => r.source_ids(),
            Reply::Equivalents(r) => r.source_ids(),
            Reply::Ladder(r) => r.source_ids(),
            Reply::Address(r) => r.source_ids(),
            Reply::Brief(r) => r.source_ids(),
        }
    }
}

/// The kind of organisation (`--at`, `at=`), checked against the data.
pub fn context<'a>(data: &'a Dataset, at: Option<&str>) -> Result<Option<&'a str>, LookupError> {
    at.map(|a| data.context(a).map(|c| &*c.name)).transpose()
}

/// `show`: a name's level; a full title (市委常委, 深圳市南山区区长) gets the
/// reader's answer instead.
pub fn show<'a>(
    data: &'a Dataset,
    name: &'a str,
    at: Option<&str>,
) -> Result<Reply<'a>, LookupError> {
    let entry = match data.lookup(name) {
        Ok(e) => e,
        Err(err) => {
            let r = data.resolve(name);
            if r.title.is_none() && r.rank.is_none() && r.level.is_none() {
                return Err(err);
            }
            return Ok(Reply::Resolution(r));
        }
    };
    Ok(Reply::Summary(match context(data, at)? {
        Some(ctx) => data.summary_at(entry, ctx),
        None => data.summary(entry),
    }))
}

/// `compare`: which of two is higher, and why.
pub fn compare<'a>(
    data: &'a Dataset,
    a: &'a str,
    b: &'a str,
    at: Option<&str>,
) -> Result<Reply<'a>, LookupError> {
    let ctx = context(data, at)?;
    rankinfo::compare::compare_at(data, a, b, ctx).map(Reply::Comparison)
}

/// `equiv`: the equivalents across the ladders; a full title gets those of
/// the level the reader gives it; a context-dependent title, its cases.
pub fn equiv<'a>(data: &'a Dataset, name: &'a str) -> Result<Reply<'a>, LookupError> {
    let entry = match data.lookup(name) {
        Ok(e) => e,
        Err(err) => match data.resolve(name).level {
            Some(l) => Entry::Level(l),
            None => return Err(err),
        },
    };
    Ok(match data.equivalents(entry) {
        Some(e) => Reply::Equivalents(e),
        None => Reply::Summary(data.summary(entry)),
    })
}

/// `resolve`: how the reader reads one full title.
pub fn resolve<'a>(data: &'a Dataset, text: &'a str) -> Reply<'a> {
    Reply::Resolution(data.resolve(text))
}

/// `ladder`: the whole table.
pub fn ladder(data: &Dataset) -> Reply<'_> {
    Reply::Ladder(data.ladder())
}

/// `address`: how to address the holder of `title`.
pub fn address<'a>(
    data: &'a Dataset,
    title: &str,
    person: &Person,
    at: Option<&str>,
) -> Result<Reply<'a>, LookupError> {
    Ok(Reply::Address(match context(data, at)? {
        Some(ctx) => data.address_at(title, person, ctx)?,
        None => data.address(title, person)?,
    }))
}

/// `brief`: one screen before the visit.
pub fn brief<'a>(
    data: &'a Dataset,
    title: &str,
    person: &Person,
    at: Option<&str>,
) -> Result<Reply<'a>, LookupError> {
    Ok(Reply::Brief(Box::new(match context(data, at)? {
        Some(ctx) => data.brief_at(title, person, ctx)?,
        None => data.brief(title, person)?,
    })))
}
