//! `rankinfo` for Python: the library's answers as the CLI's `--json` gives
//! them (same field names and values), built by maturin as an abi3 wheel.
//!
//! Every single answer is the library's own struct serialised with serde
//! and read back with Python's `json.loads`, so a field added to the JSON
//! contract shows up here without a change. The bulk functions (bulk.rs)
//! resolve without the GIL, on every core; `resolve_many` builds its dicts
//! itself (many.rs), so a field added to `Resolution`'s JSON must be added
//! there too: python/tests/test_resolve_many.py fails until it is.

mod bulk;
mod columns;
mod many;

use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};
use rankinfo::address::Person;
use rankinfo::{Entry, LookupError};
use serde::Serialize;

create_exception!(
    rankinfo,
    RankinfoError,
    PyValueError,
    "A question rankinfo cannot answer. `.kind` is the CLI's `error` field \
     (unknown, ambiguous, unknown_context, not_a_title), `.input` what was \
     asked, `.suggestions` the closest names, `.details` the CLI's JSON."
);
create_exception!(
    rankinfo,
    UnknownName,
    RankinfoError,
    "No post, rank, level or kind of organisation by that name (or an \
     English name several entries share). `.suggestions` holds the closest \
     names, best first."
);
create_exception!(
    rankinfo,
    NotATitle,
    RankinfoError,
    "A level (正处级) where a post or rank was needed: nobody is addressed \
     by a level. `.suggestions` holds titles and ranks at that level."
);
create_exception!(
    rankinfo,
    DataError,
    RankinfoError,
    "A data file that could not be used. `.file`, `.line`, `.column` and \
     `.message` are those of the first problem (line 0: not at one place); \
     `.errors` lists every problem as a dict with the same keys."
);

/// JSON text to Python objects, by the standard library's parser.
fn loads<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?.getattr("loads")?.call1((json,))
}

/// A library answer as the CLI's `--json` prints it, as Python objects.
fn to_py<'py>(py: Python<'py>, value: &impl Serialize) -> PyResult<Bound<'py, PyAny>> {
    let json = serde_json::to_string(value).map_err(|e| PyValueError::new_err(e.to_string()))?;
    loads(py, &json)
}

/// A lookup error as a Python exception; an answer outside the civil
/// service is not an error (the CLI prints it as the answer, exit 0).
fn answer<'py, T: Serialize>(
    py: Python<'py>,
    result: Result<T, LookupError>,
) -> PyResult<Bound<'py, PyAny>> {
    match result {
        Ok(value) => to_py(py, &value),
        Err(err @ LookupError::OutsideCivilService { .. }) => to_py(py, &err),
        Err(err) => Err(lookup_error(py, &err)),
    }
}

fn lookup_error(py: Python<'_>, err: &LookupError) -> PyErr {
    let message = err.to_string();
    let py_err = match err {
        LookupError::NotATitle { .. } => NotATitle::new_err(message),
        LookupError::Unknown { .. }
        | LookupError::UnknownContext { .. }
        | LookupError::Ambiguous { .. } => UnknownName::new_err(message),
        _ => RankinfoError::new_err(message),
    };
    let details = serde_json::to_value(err).unwrap_or_default();
    let value = py_err.value(py);
    let set = || -> PyResult<()> {
        value.setattr("kind", details.get("error").and_then(|k| k.as_str()))?;
        value.setattr("input", details.get("input").and_then(|k| k.as_str()))?;
        value.setattr("suggestions", err.suggestions().to_vec())?;
        value.setattr("details", to_py(py, err)?)?;
        Ok(())
    };
    match set() {
        Ok(()) => py_err,
        Err(e) => e,
    }
}

fn data_error(py: Python<'_>, errs: &[rankinfo::DataError]) -> PyErr {
    let lines: Vec<String> = errs.iter().map(|e| e.to_string()).collect();
    let py_err = DataError::new_err(lines.join("\n"));
    let value = py_err.value(py);
    let set = || -> PyResult<()> {
        let first = errs.first();
        value.setattr("file", first.map(|e| e.file.clone()))?;
        value.setattr("line", first.map(|e| e.line))?;
        value.setattr("column", first.map(|e| e.column))?;
        value.setattr("message", first.map(|e| e.message.clone()))?;
        value.setattr("errors", to_py(py, &errs)?)?;
        Ok(())
    };
    match set() {
        Ok(()) => py_err,
        Err(e) => e,
    }
}

/// The `--at` kind of organisation, checked against the data.
fn context<'a>(
    data: &'a rankinfo::Dataset,
    at: Option<&str>,
) -> Result<Option<&'a str>, LookupError> {
    at.map(|a| data.context(a).map(|c| &*c.name)).transpose()
}

fn person(
    surname: Option<String>,
    given_name: Option<String>,
    same_surname_as_head: bool,
    former: Option<String>,
) -> Person {
    Person {
        surname,
        given_name,
        same_surname_as_head,
        former_title: former,
    }
}

/// The answers, each built as `rankinfo <command> --json` builds it
/// (src/bin/rankinfo/main.rs `run`).
mod answers {
    use super::*;

    pub fn resolve<'py>(
        py: Python<'py>,
        data: &rankinfo::Dataset,
        text: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &data.resolve(text))
    }

    pub fn show<'py>(
        py: Python<'py>,
        data: &rankinfo::Dataset,
        name: &str,
        at: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let entry = match data.lookup(name) {
            Ok(e) => e,
            // A full title (市委常委, 深圳市南山区区长): the reader's answer.
            Err(err) => {
                let r = data.resolve(name);
                if r.title.is_none() && r.rank.is_none() && r.level.is_none() {
                    return answer::<()>(py, Err(err));
                }
                return to_py(py, &r);
            }
        };
        let s = context(data, at).map(|ctx| match ctx {
            Some(ctx) => data.summary_at(entry, ctx),
            None => data.summary(entry),
        });
        answer(py, s)
    }

    pub fn compare<'py>(
        py: Python<'py>,
        data: &rankinfo::Dataset,
        a: &str,
        b: &str,
        at: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let c = context(data, at).and_then(|ctx| rankinfo::compare::compare_at(data, a, b, ctx));
        answer(py, c)
    }

    pub fn equiv<'py>(
        py: Python<'py>,
        data: &rankinfo::Dataset,
        name: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        // A full title: the equivalents of the level the reader gives it.
        let entry = match data.lookup(name) {
            Ok(e) => e,
            Err(err) => match data.resolve(name).level {
                Some(l) => Entry::Level(l),
                None => return answer::<()>(py, Err(err)),
            },
        };
        match data.equivalents(entry) {
            Some(e) => to_py(py, &e),
            // A context-dependent title has no single rung: its cases.
            None => to_py(py, &data.summary(entry)),
        }
    }

    pub fn address<'py>(
        py: Python<'py>,
        data: &rankinfo::Dataset,
        title: &str,
        who: &Person,
        at: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let a = context(data, at).and_then(|ctx| match ctx {
            Some(ctx) => data.address_at(title, who, ctx),
            None => data.address(title, who),
        });
        answer(py, a)
    }

    pub fn brief<'py>(
        py: Python<'py>,
        data: &rankinfo::Dataset,
        title: &str,
        who: &Person,
        at: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let b = context(data, at).and_then(|ctx| match ctx {
            Some(ctx) => data.brief_at(title, who, ctx),
            None => data.brief(title, who),
        });
        answer(py, b)
    }
}

fn resolve_many_in<'py>(
    py: Python<'py>,
    data: &rankinfo::Dataset,
    items: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyList>> {
    let texts = bulk::texts(items)?;
    // The cyclic collector would walk the growing list again and again while
    // millions of dicts are made (they hold no cycles): paused meanwhile.
    let gc = py.import("gc")?;
    let was_enabled: bool = gc.call_method0("isenabled")?.extract()?;
    gc.call_method0("disable")?;
    let rows = many::resolve_many(py, data, &texts);
    if was_enabled {
        gc.call_method0("enable")?;
    }
    PyList::new(py, rows?)
}

/// A dataset: the built-in data, or the built-in data with your own files
/// merged over it (docs/data-format.md). Every function of the module is
/// also a method here, answering from this dataset.
///
/// >>> import rankinfo
/// >>> rankinfo.Dataset.builtin().resolve("县长")["level"]
/// '县处级正职'
#[pyclass(frozen, module = "rankinfo", name = "Dataset")]
struct PyDataset {
    /// `None`: the built-in data.
    own: Option<rankinfo::Dataset>,
    /// The files merged over the built-in data, in order.
    files: Vec<String>,
}

impl PyDataset {
    fn data(&self) -> &rankinfo::Dataset {
        self.own.as_ref().unwrap_or_else(|| rankinfo::builtin())
    }
}

#[pymethods]
impl PyDataset {
    /// The built-in data.
    #[staticmethod]
    fn builtin() -> Self {
        PyDataset {
            own: None,
            files: Vec::new(),
        }
    }

    /// The built-in data with each file merged over it, in order (as
    /// `rankinfo --data FILE …`). Every problem of every file raises one
    /// DataError (nothing is half-applied).
    ///
    /// >>> mine = rankinfo.Dataset.load(["acme.toml"])  # doctest: +SKIP
    /// >>> mine.show("站长")["level"]  # doctest: +SKIP
    /// '乡科级正职'
    #[staticmethod]
    fn load(py: Python<'_>, paths: &Bound<'_, PyAny>) -> PyResult<Self> {
        let paths: Vec<std::path::PathBuf> = if paths.is_instance_of::<PyString>() {
            vec![paths.extract()?]
        } else {
            paths
                .try_iter()?
                .map(|p| p.and_then(|p| p.extract()))
                .collect::<PyResult<_>>()?
        };
        let mut data = rankinfo::builtin().clone();
        let mut files = Vec::new();
        for path in &paths {
            let name = path.display().to_string();
            let text = std::fs::read_to_string(path).map_err(|e| {
                data_error(
                    py,
                    &[rankinfo::DataError {
                        file: name.clone(),
                        line: 0,
                        column: 0,
                        message: e.to_string(),
                    }],
                )
            })?;
            data = data
                .with_overlay(&name, &text)
                .map_err(|errs| data_error(py, &errs))?;
            files.push(name);
        }
        Ok(PyDataset {
            own: Some(data),
            files,
        })
    }

    /// The files merged over the built-in data.
    #[getter]
    fn files(&self) -> Vec<String> {
        self.files.clone()
    }

    fn __repr__(&self) -> String {
        format!(
            "rankinfo.Dataset(version={:?}, files={:?})",
            self.data().version(),
            self.files
        )
    }

    /// See `rankinfo.resolve`.
    fn resolve<'py>(&self, py: Python<'py>, text: String) -> PyResult<Bound<'py, PyAny>> {
        answers::resolve(py, self.data(), &text)
    }

    /// See `rankinfo.resolve_many`.
    fn resolve_many<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyList>> {
        resolve_many_in(py, self.data(), texts)
    }

    /// See `rankinfo.annotate`.
    #[pyo3(signature = (texts, fields = default_fields()))]
    fn annotate<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        fields: Vec<String>,
    ) -> PyResult<Bound<'py, pyo3::types::PyDict>> {
        columns::annotate(py, self.data(), texts, fields)
    }

    /// See `rankinfo.show`.
    #[pyo3(signature = (name, at = None))]
    fn show<'py>(
        &self,
        py: Python<'py>,
        name: String,
        at: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        answers::show(py, self.data(), &name, at.as_deref())
    }

    /// See `rankinfo.compare`.
    #[pyo3(signature = (a, b, at = None))]
    fn compare<'py>(
        &self,
        py: Python<'py>,
        a: String,
        b: String,
        at: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        answers::compare(py, self.data(), &a, &b, at.as_deref())
    }

    /// See `rankinfo.equiv`.
    fn equiv<'py>(&self, py: Python<'py>, name: String) -> PyResult<Bound<'py, PyAny>> {
        answers::equiv(py, self.data(), &name)
    }

    /// See `rankinfo.address`.
    #[pyo3(signature = (title, surname = None, given_name = None, same_surname_as_head = false, at = None, former = None))]
    #[allow(clippy::too_many_arguments)]
    fn address<'py>(
        &self,
        py: Python<'py>,
        title: String,
        surname: Option<String>,
        given_name: Option<String>,
        same_surname_as_head: bool,
        at: Option<String>,
        former: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let who = person(surname, given_name, same_surname_as_head, former);
        answers::address(py, self.data(), &title, &who, at.as_deref())
    }

    /// See `rankinfo.brief`.
    #[pyo3(signature = (title, surname = None, given_name = None, same_surname_as_head = false, at = None, former = None))]
    #[allow(clippy::too_many_arguments)]
    fn brief<'py>(
        &self,
        py: Python<'py>,
        title: String,
        surname: Option<String>,
        given_name: Option<String>,
        same_surname_as_head: bool,
        at: Option<String>,
        former: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let who = person(surname, given_name, same_surname_as_head, former);
        answers::brief(py, self.data(), &title, &who, at.as_deref())
    }

    /// See `rankinfo.ladder`.
    fn ladder<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.data().ladder())
    }

    /// See `rankinfo.data_version`.
    fn data_version(&self) -> String {
        self.data().version().to_string()
    }
}

fn default_fields() -> Vec<String> {
    ["level", "title", "rank", "certainty", "seniority"]
        .map(String::from)
        .to_vec()
}

/// Read a real-world title string (as `rankinfo resolve TEXT --json`):
/// the organisation chain, the post or 职级, the level with the rule it
/// follows and how sure it is. A text with no level is an answer too
/// (`level` is None; `explanation` says why).
///
/// >>> import rankinfo
/// >>> r = rankinfo.resolve("广东省深圳市南山区发展和改革局副局长")
/// >>> r["level"], r["title"], r["certainty"]
/// ('县处级副职', '副局长', 'high')
#[pyfunction]
fn resolve<'py>(py: Python<'py>, text: String) -> PyResult<Bound<'py, PyAny>> {
    answers::resolve(py, rankinfo::builtin(), &text)
}

/// `resolve` for many texts at once: a list of the same dicts, in order.
/// `texts` is any iterable of str (a list, a pandas Series); a non-str item
/// raises TypeError, a str with a lone surrogate UnicodeEncodeError.
///
/// The texts are resolved on every core without the GIL while the dicts
/// are made (with it). A repeated text is resolved once; each of its rows
/// is a dict of its own (no dict or list is shared between rows), whose
/// `input` is the first such row's string.
///
/// >>> [r["level"] for r in rankinfo.resolve_many(["县长", "某某公司总经理"])]
/// ['县处级正职', None]
#[pyfunction]
fn resolve_many<'py>(py: Python<'py>, texts: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
    resolve_many_in(py, rankinfo::builtin(), texts)
}

/// Resolve many texts and return columns, for `pandas.DataFrame(...)`:
/// a dict from each field to a list with one value per text (None where the
/// text has none). Fields: input, level, level_short, level_english,
/// seniority, order, grade_highest, grade_lowest, title, rank, context,
/// rule, certainty (= confidence), sector, nominal, often, stated_level,
/// post_level, organisation (unit names joined by "/"), explanation.
///
/// `seniority` is a number that sorts by level, higher = more senior:
/// 12 for 国家级正职 down to 1 for 办事员级 (that is, 13 − the level's
/// `order` on the ladder, where `order` 1 is the top); None without a level.
///
/// Texts are resolved as in `resolve_many` (each distinct text once, on
/// every core, without the GIL); the errors are the same.
///
/// >>> cols = rankinfo.annotate(["县长", "副县长", "合肥市财政局局长"])
/// >>> cols["level"]
/// ['县处级正职', '县处级副职', '县处级正职']
/// >>> cols["seniority"]
/// [6, 5, 6]
#[pyfunction]
#[pyo3(signature = (texts, fields = default_fields()))]
fn annotate<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    fields: Vec<String>,
) -> PyResult<Bound<'py, pyo3::types::PyDict>> {
    columns::annotate(py, rankinfo::builtin(), texts, fields)
}

/// One post, rank or level (as `rankinfo show NAME --json`): level, 级别
/// band, English, sources. A title whose level depends on the organisation
/// lists its cases; `at` (a kind of organisation such as 地级市) picks one.
/// A full title (深圳市南山区区长) gets the reader's answer.
///
/// >>> rankinfo.show("处长")["level"]
/// '县处级正职'
#[pyfunction]
#[pyo3(signature = (name, at = None))]
fn show<'py>(py: Python<'py>, name: String, at: Option<String>) -> PyResult<Bound<'py, PyAny>> {
    answers::show(py, rankinfo::builtin(), &name, at.as_deref())
}

/// Which of two posts or ranks is higher, and why (as `rankinfo compare A B
/// --json`).
///
/// >>> rankinfo.compare("调研员", "处长")["relation"]
/// 'same'
#[pyfunction]
#[pyo3(signature = (a, b, at = None))]
fn compare<'py>(
    py: Python<'py>,
    a: String,
    b: String,
    at: Option<String>,
) -> PyResult<Bound<'py, PyAny>> {
    answers::compare(py, rankinfo::builtin(), &a, &b, at.as_deref())
}

/// Equivalents across the sequences: leadership level, 职级 of each kind,
/// pre-2019 titles (as `rankinfo equiv NAME --json`).
///
/// >>> rankinfo.equiv("一级调研员")["level"]
/// '县处级正职'
#[pyfunction]
fn equiv<'py>(py: Python<'py>, name: String) -> PyResult<Bound<'py, PyAny>> {
    answers::equiv(py, rankinfo::builtin(), &name)
}

/// How to address the holder of a post (as `rankinfo address TITLE --json`):
/// face to face, in writing, when introducing, in English, and what not to
/// say. `former` is the leadership post a 职级 holder held before.
///
/// >>> a = rankinfo.address("副县长", surname="王")
/// >>> a["oral"], a["written"]
/// ('王县长', '尊敬的王副县长：')
#[pyfunction]
#[pyo3(signature = (title, surname = None, given_name = None, same_surname_as_head = false, at = None, former = None))]
#[allow(clippy::too_many_arguments)]
fn address<'py>(
    py: Python<'py>,
    title: String,
    surname: Option<String>,
    given_name: Option<String>,
    same_surname_as_head: bool,
    at: Option<String>,
    former: Option<String>,
) -> PyResult<Bound<'py, PyAny>> {
    let who = person(surname, given_name, same_surname_as_head, former);
    answers::address(py, rankinfo::builtin(), &title, &who, at.as_deref())
}

/// One screen before a visit (as `rankinfo brief TITLE --json`): level,
/// forms of address, pitfalls, who is above and below.
///
/// >>> rankinfo.brief("二级巡视员", surname="李")["summary"]["level"]
/// '厅局级副职'
#[pyfunction]
#[pyo3(signature = (title, surname = None, given_name = None, same_surname_as_head = false, at = None, former = None))]
#[allow(clippy::too_many_arguments)]
fn brief<'py>(
    py: Python<'py>,
    title: String,
    surname: Option<String>,
    given_name: Option<String>,
    same_surname_as_head: bool,
    at: Option<String>,
    former: Option<String>,
) -> PyResult<Bound<'py, PyAny>> {
    let who = person(surname, given_name, same_surname_as_head, former);
    answers::brief(py, rankinfo::builtin(), &title, &who, at.as_deref())
}

/// The whole ladder of leadership levels and 职级 (as `rankinfo ladder
/// --json`): a list of rows, top first.
///
/// >>> rankinfo.ladder()[0]["level"]
/// '国家级正职'
#[pyfunction]
fn ladder<'py>(py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
    to_py(py, &rankinfo::builtin().ladder())
}

/// The version of the built-in data.
///
/// >>> isinstance(rankinfo.data_version(), str)
/// True
#[pyfunction]
fn data_version() -> &'static str {
    rankinfo::DATA_VERSION
}

/// Administrative levels, ranks and forms of address of Chinese officials,
/// from sourced data. The answers are those of the `rankinfo` command's
/// `--json`: same field names, same values.
#[pymodule]
#[pyo3(name = "rankinfo")]
fn rankinfo_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("RankinfoError", py.get_type::<RankinfoError>())?;
    m.add("UnknownName", py.get_type::<UnknownName>())?;
    m.add("NotATitle", py.get_type::<NotATitle>())?;
    m.add("DataError", py.get_type::<DataError>())?;
    m.add_class::<PyDataset>()?;
    m.add_function(wrap_pyfunction!(resolve, m)?)?;
    m.add_function(wrap_pyfunction!(resolve_many, m)?)?;
    m.add_function(wrap_pyfunction!(annotate, m)?)?;
    m.add_function(wrap_pyfunction!(show, m)?)?;
    m.add_function(wrap_pyfunction!(compare, m)?)?;
    m.add_function(wrap_pyfunction!(equiv, m)?)?;
    m.add_function(wrap_pyfunction!(address, m)?)?;
    m.add_function(wrap_pyfunction!(brief, m)?)?;
    m.add_function(wrap_pyfunction!(ladder, m)?)?;
    m.add_function(wrap_pyfunction!(data_version, m)?)?;
    Ok(())
}
