//! `annotate`: answers as columns for a data frame, by the machinery of
//! bulk.rs. Values are strings and numbers, which cannot change, so a
//! repeated text's rows share its first row's.

use crate::bulk;
use crate::many::{Names, Strings};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use rankinfo::read::{Certainty, Rule, Sector};

/// The columns `annotate` can give.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    Input,
    Level,
    LevelShort,
    LevelEnglish,
    Seniority,
    Order,
    GradeHighest,
    GradeLowest,
    Title,
    Rank,
    Context,
    Rule,
    Certainty,
    Sector,
    Nominal,
    Often,
    StatedLevel,
    PostLevel,
    Organisation,
    Explanation,
}

const FIELDS: &[(&str, Field)] = &[
    ("input", Field::Input),
    ("level", Field::Level),
    ("level_short", Field::LevelShort),
    ("level_english", Field::LevelEnglish),
    ("seniority", Field::Seniority),
    ("order", Field::Order),
    ("grade_highest", Field::GradeHighest),
    ("grade_lowest", Field::GradeLowest),
    ("title", Field::Title),
    ("rank", Field::Rank),
    ("context", Field::Context),
    ("rule", Field::Rule),
    ("certainty", Field::Certainty),
    // The CLI's JSON has both; they are the same value.
    ("confidence", Field::Certainty),
    ("sector", Field::Sector),
    ("nominal", Field::Nominal),
    ("often", Field::Often),
    ("stated_level", Field::StatedLevel),
    ("post_level", Field::PostLevel),
    ("organisation", Field::Organisation),
    ("explanation", Field::Explanation),
];

/// What `annotate` keeps of one resolution.
struct Row<'a> {
    level: Option<&'a rankinfo::schema::Level>,
    title: Option<&'a str>,
    rank: Option<&'a str>,
    context: Option<&'a str>,
    rule: rankinfo::read::Rule,
    certainty: rankinfo::read::Certainty,
    sector: Option<rankinfo::read::Sector>,
    nominal: Option<&'a str>,
    often: Option<&'a str>,
    stated_level: Option<&'a str>,
    post_level: Option<&'a str>,
    organisation: Option<String>,
    explanation: Option<String>,
}

/// `annotate`'s rows: a value per field and row, in order.
struct Columns<'py> {
    py: Python<'py>,
    fields: Vec<Field>,
    /// By field, then distinct text (None: Python's None).
    distinct: Vec<Vec<Option<Bound<'py, PyAny>>>>,
    /// By field, then row.
    values: Vec<Vec<Option<Bound<'py, PyAny>>>>,
    strings: Strings<'py>,
    certainty: Names<'py, Certainty>,
    rule: Names<'py, Rule>,
    sector: Names<'py, Sector>,
}

impl<'py> Columns<'py> {
    fn value(&mut self, field: Field, r: &Row<'_>) -> PyResult<Option<Bound<'py, PyAny>>> {
        let py = self.py;
        let s = &mut self.strings;
        let mut text = |x: Option<&str>| s.opt(py, x).map(Bound::into_any);
        let number = |x: Option<u8>| {
            x.map(|v| v.into_pyobject(py).map(Bound::into_any))
                .transpose()
        };
        Ok(match field {
            Field::Input => None,
            Field::Level => text(r.level.map(|l| &*l.name)),
            Field::LevelShort => text(r.level.map(|l| &*l.short)),
            Field::LevelEnglish => text(r.level.map(|l| &*l.english)),
            Field::Seniority => number(r.level.map(|l| l.seniority()))?,
            Field::Order => number(r.level.map(|l| l.order))?,
            Field::GradeHighest => number(r.level.map(|l| l.grade.highest))?,
            Field::GradeLowest => number(r.level.map(|l| l.grade.lowest))?,
            Field::Title => text(r.title),
            Field::Rank => text(r.rank),
            Field::Context => text(r.context),
            Field::Rule => Some(self.rule.get(py, r.rule).clone().into_any()),
            Field::Certainty => Some(self.certainty.get(py, r.certainty).clone().into_any()),
            Field::Sector => r.sector.map(|x| self.sector.get(py, x).clone().into_any()),
            Field::Nominal => text(r.nominal),
            Field::Often => text(r.often),
            Field::StatedLevel => text(r.stated_level),
            Field::PostLevel => text(r.post_level),
            Field::Organisation => r
                .organisation
                .as_deref()
                .map(|o| PyString::new(py, o).into_any()),
            Field::Explanation => r
                .explanation
                .as_deref()
                .map(|o| PyString::new(py, o).into_any()),
        })
    }
}

impl<'py> bulk::Rows<Vec<Row<'_>>> for Columns<'py> {
    fn first(&mut self, row: usize, batch: &Vec<Row<'_>>, i: usize, _again: bool) -> PyResult<()> {
        let r = &batch[i];
        for k in 0..self.fields.len() {
            let v = self.value(self.fields[k], r)?;
            self.values[k].push(v.clone());
            self.distinct[k].push(v);
        }
        debug_assert!(self.values.iter().all(|v| v.len() == row + 1));
        Ok(())
    }

    fn again(&mut self, _row: usize, slot: u32) -> PyResult<()> {
        for (values, distinct) in self.values.iter_mut().zip(&self.distinct) {
            values.push(distinct[slot as usize].clone());
        }
        Ok(())
    }
}

/// `annotate`: a dict from each field to a list with a value per text.
pub fn annotate<'py>(
    py: Python<'py>,
    data: &rankinfo::Dataset,
    items: &Bound<'py, PyAny>,
    fields: Vec<String>,
) -> PyResult<Bound<'py, PyDict>> {
    let mut wanted = Vec::new();
    for f in &fields {
        match FIELDS.iter().find(|(n, _)| n == f) {
            Some(&(_, field)) => wanted.push((f.as_str(), field)),
            None => {
                let known: Vec<&str> = FIELDS.iter().map(|(n, _)| *n).collect();
                return Err(PyValueError::new_err(format!(
                    "unknown field {f:?}; known: {}",
                    known.join(", ")
                )));
            }
        }
    }
    let needs = |x: Field| wanted.iter().any(|&(_, f)| f == x);
    let (want_org, want_expl) = (needs(Field::Organisation), needs(Field::Explanation));
    let texts = bulk::texts(items)?;
    let n = texts.len();
    // Each field once (`certainty` and `confidence` are one), the text's
    // own strings for `input`.
    let mut made: Vec<Field> = Vec::new();
    for &(_, f) in &wanted {
        if f != Field::Input && !made.contains(&f) {
            made.push(f);
        }
    }
    let mut columns = Columns {
        py,
        values: made.iter().map(|_| Vec::with_capacity(n)).collect(),
        distinct: made.iter().map(|_| Vec::new()).collect(),
        fields: made,
        strings: Strings::default(),
        certainty: Names::default(),
        rule: Names::default(),
        sector: Names::default(),
    };
    let distinct = bulk::Distinct::new(&texts, false);
    bulk::run(
        py,
        &texts,
        &distinct,
        |batch: &[String]| {
            batch
                .iter()
                .map(|t| {
                    let r = data.resolve(t);
                    Row {
                        level: r.level,
                        title: r.title,
                        rank: r.rank,
                        context: r.context,
                        rule: r.rule,
                        certainty: r.confidence,
                        sector: r.sector,
                        nominal: r.nominal,
                        often: r.often,
                        stated_level: r.stated_level.map(|l| &*l.name),
                        post_level: r.post_level.map(|l| &*l.name),
                        organisation: want_org.then(|| {
                            let names: Vec<&str> =
                                r.organisation.iter().map(|u| &*u.name).collect();
                            names.join("/")
                        }),
                        explanation: want_expl.then(|| r.explanation()),
                    }
                })
                .collect::<Vec<_>>()
        },
        &mut columns,
    )?;
    let out = PyDict::new(py);
    for &(name, field) in &wanted {
        let list = match columns.fields.iter().position(|&f| f == field) {
            Some(k) => PyList::new(
                py,
                columns.values[k]
                    .iter()
                    .map(|v| v.clone().unwrap_or_else(|| py.None().into_bound(py))),
            )?,
            None => PyList::new(py, &texts.objects)?,
        };
        out.set_item(name, list)?;
    }
    Ok(out)
}
