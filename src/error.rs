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
        /// The name as asked.
        input: String,
        /// The closest canonical names, best first (at most five).
        suggestions: Vec<String>,
    },
    /// The name (an English rendering) is shared by several entries.
    #[error("“{input}”可指：{}，请用中文名称", candidates.join("、"))]
    Ambiguous {
        /// The name as asked.
        input: String,
        /// The canonical names of the entries it could mean.
        candidates: Vec<String>,
    },
    /// An unknown kind of organisation (`--at`); `suggestions` holds the
    /// closest known ones.
    #[error("未知的机构类别：“{input}”{}", did_you_mean(suggestions))]
    UnknownContext {
        /// The name as asked.
        input: String,
        /// The closest context names, best first (at most five).
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
        /// The name as asked.
        input: String,
        /// Where the post is: a 事业单位, a company, a village, the army ….
        sector: crate::read::Sector,
        /// Why it has no civil-service level, in Chinese.
        why: String,
    },
}

impl LookupError {
    /// The closest known names; for an ambiguous name the candidates, for a
    /// level the titles and ranks at it.
    ///
    /// ```
    /// let data = rankinfo::builtin();
    /// let err = data.lookup("调研猿").unwrap_err();
    /// assert_eq!(err.suggestions()[0], "调研员");
    /// let err = data.address("正处级", &Default::default()).unwrap_err();
    /// assert!(err.suggestions().iter().any(|s| s == "处长"));
    /// ```
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

/// Every problem of the data files that could not be used, all at once (a
/// file is fixed in one pass, not one error per run). An `Error`, so that
/// `?` works; it derefs to the list.
///
/// ```
/// let errs = rankinfo::builtin().with_overlay("x.toml", "[[title]]\nname = 1\n").unwrap_err();
/// assert_eq!(errs.len(), 1);
/// assert_eq!((errs[0].file.as_str(), errs[0].line), ("x.toml", 2));
/// let boxed: Box<dyn std::error::Error> = errs.into();
/// assert!(boxed.to_string().starts_with("x.toml:2:"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct DataErrors(pub Vec<DataError>);

impl std::fmt::Display for DataErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for DataErrors {}

impl std::ops::Deref for DataErrors {
    type Target = [DataError];
    fn deref(&self) -> &[DataError] {
        &self.0
    }
}

impl From<Vec<DataError>> for DataErrors {
    fn from(errs: Vec<DataError>) -> DataErrors {
        DataErrors(errs)
    }
}

impl FromIterator<DataError> for DataErrors {
    fn from_iter<I: IntoIterator<Item = DataError>>(iter: I) -> Self {
        DataErrors(iter.into_iter().collect())
    }
}

impl IntoIterator for DataErrors {
    type Item = DataError;
    type IntoIter = std::vec::IntoIter<DataError>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

/// A data file that could not be used: where, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{file}:{line}:{column}: {message}")]
pub struct DataError {
    /// The file name as given (for a problem not placed in one file, the files checked together).
    pub file: String,
    /// 1-based; 0 when the problem is not at one place (a broken reference).
    pub line: usize,
    /// 1-based, in characters; 0 with line 0.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl DataError {
    /// A problem found after parsing, placed at the first mention of a
    /// name it quotes (`title 处座: unknown level `X``) in the first of
    /// `files` (name, text) that mentions one; at line 0 of the first file
    /// when none does (a clash with the built-in data).
    #[cfg(feature = "runtime-data")]
    pub(crate) fn locate(files: &[(&str, &str)], message: String) -> DataError {
        let mut names: Vec<&str> = message.split('`').skip(1).step_by(2).collect();
        // The entry the message is about: "title 处座: …".
        if let Some(what) = message.split(':').next() {
            names.extend(what.split_whitespace().skip(1));
        }
        let found = files.iter().find_map(|(file, text)| {
            let at = names
                .iter()
                .filter(|n| !n.is_empty())
                .find_map(|n| text.find(&format!("\"{n}\"")).map(|i| i + 1))?;
            Some((*file, line_col(text, at)))
        });
        let (file, (line, column)) = found.unwrap_or((files.first().map_or("", |f| f.0), (0, 0)));
        DataError {
            file: file.to_string(),
            line,
            column,
            message,
        }
    }

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
