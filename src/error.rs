//! Errors a caller can act on.

use serde::Serialize;

/// A name that could not be looked up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[serde(tag = "error", rename_all = "snake_case")]
#[non_exhaustive]
pub enum LookupError {
    /// Nothing by that name; `suggestions` holds the closest names, best first.
    #[error("未知的职务、职级或层次：“{input}”{}", did_you_mean(suggestions))]
    Unknown {
        input: String,
        suggestions: Vec<String>,
    },
    /// The name (an English rendering) is shared by several entries.
    #[error("“{input}”可指：{}，请用中文名称", candidates.join("、"))]
    Ambiguous {
        input: String,
        candidates: Vec<String>,
    },
    /// An unknown kind of organisation (`--at`); `suggestions` holds the
    /// closest known ones.
    #[error("未知的机构类别：“{input}”{}", did_you_mean(suggestions))]
    UnknownContext {
        input: String,
        suggestions: Vec<String>,
    },
    /// A level (正处级) where a post or rank was needed, as in
    /// [`Dataset::address`](crate::Dataset::address): nobody is addressed by
    /// a level. `suggestions` holds titles and ranks at that level.
    #[error(
        "“{input}”是层次（{level}），不是职务或职级，无法据此称呼{}",
        did_you_mean(suggestions)
    )]
    NotATitle {
        /// What was asked.
        input: String,
        /// The canonical level it names (`县处级正职`).
        level: String,
        /// Titles and ranks at that level.
        suggestions: Vec<String>,
    },
    /// A post outside the civil service (董事长, 村支书, 少将, a hospital's
    /// 院长): it has no civil-service level, and `why` says so in words.
    /// Not a failure: the answer to the question asked.
    #[error("“{input}”不是公务员职务（{}）：{why}", sector.label())]
    OutsideCivilService {
        input: String,
        sector: crate::read::Sector,
        why: String,
    },
}

impl LookupError {
    /// The closest known names; for an ambiguous name the candidates, for a
    /// level the titles and ranks at it.
    pub fn suggestions(&self) -> &[String] {
        match self {
            LookupError::Unknown { suggestions, .. } => suggestions,
            LookupError::UnknownContext { suggestions, .. } => suggestions,
            LookupError::Ambiguous { candidates, .. } => candidates,
            LookupError::NotATitle { suggestions, .. } => suggestions,
            LookupError::OutsideCivilService { .. } => &[],
        }
    }
}

fn did_you_mean(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        String::new()
    } else {
        format!("。是否要找：{}？", suggestions.join("、"))
    }
}

/// A data file that could not be used: where, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{file}:{line}:{column}: {message}")]
pub struct DataError {
    pub file: String,
    /// 1-based; 0 when the problem is not at one place (a broken reference).
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl DataError {
    /// A TOML error, placed at its line and column in `text`.
    #[cfg(feature = "runtime-data")]
    pub(crate) fn from_toml(file: &str, text: &str, err: &toml::de::Error) -> DataError {
        let (line, column) = match err.span() {
            Some(span) => line_col(text, span.start),
            None => (0, 0),
        };
        DataError {
            file: file.to_string(),
            line,
            column,
            message: err.message().to_string(),
        }
    }
}

/// 1-based line and column (in characters) of a byte offset.
#[cfg(feature = "runtime-data")]
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}
