//! Post titles (职务名称) and the organisation contexts that decide them.

use crate::data::Dataset;
use crate::error::LookupError;
use crate::normalize;
use crate::schema::{Context, Title, TitleCase};

impl Title {
    /// Whether the level depends on the organisation (局长, 主任, 书记 …).
    ///
    /// ```
    /// use rankinfo::Entry;
    /// let data = rankinfo::builtin();
    /// let Entry::Title(t) = data.lookup("局长").unwrap() else { unreachable!() };
    /// assert!(t.depends_on_context());
    /// let Entry::Title(t) = data.lookup("处长").unwrap() else { unreachable!() };
    /// assert!(!t.depends_on_context());
    /// ```
    pub fn depends_on_context(&self) -> bool {
        !self.cases.is_empty()
    }

    /// The cases that apply in one context.
    ///
    /// ```
    /// use rankinfo::Entry;
    /// let data = rankinfo::builtin();
    /// let Entry::Title(t) = data.lookup("局长").unwrap() else { unreachable!() };
    /// let levels: Vec<_> = t.cases_at("地级市").map(|c| c.level.as_deref()).collect();
    /// assert_eq!(levels, [Some("县处级正职")]);
    /// ```
    pub fn cases_at<'a>(&'a self, context: &'a str) -> impl Iterator<Item = &'a TitleCase> {
        self.cases
            .iter()
            .filter(move |c| normalize::same(&c.at, context))
    }
}

impl Dataset {
    /// A context (kind of organisation) by name or alias (`地级市`, `自治州`,
    /// `副省级城市` …), or an error with the closest names.
    ///
    /// ```
    /// let data = rankinfo::builtin();
    /// assert_eq!(data.context("副省级城市").unwrap().name, "副省级市");
    /// assert!(data.context("地级").is_ok());
    /// let err = data.context("地级是").unwrap_err();
    /// assert!(err.suggestions().iter().any(|s| s == "地级市"));
    /// ```
    pub fn context(&self, name: &str) -> Result<&Context, LookupError> {
        let key = normalize::key(name);
        let names = |c: &'_ Context| -> Vec<String> {
            std::iter::once(&c.name)
                .chain(c.aliases.iter())
                .map(|n| normalize::key(n))
                .collect()
        };
        if let Some(c) = self.ranks.contexts.iter().find(|c| names(c).contains(&key)) {
            return Ok(c);
        }
        let mut scored: Vec<(f64, &str)> = self
            .ranks
            .contexts
            .iter()
            .map(|c| {
                let best = names(c)
                    .iter()
                    .map(|n| crate::data::normalized_levenshtein(&key, n))
                    .fold(0.0, f64::max);
                (best, &*c.name)
            })
            .filter(|(score, _)| *score >= 0.3)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        Err(LookupError::UnknownContext {
            input: name.to_string(),
            suggestions: scored
                .into_iter()
                .take(5)
                .map(|(_, n)| n.to_string())
                .collect(),
        })
    }
}
