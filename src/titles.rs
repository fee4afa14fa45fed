//! Post titles (职务名称) and the organisation contexts that decide them.

use crate::data::Dataset;
use crate::normalize;
use crate::schema::{Context, Role, Title, TitleCase};

impl Title {
    /// Whether the level depends on the organisation (局长, 主任, 书记 …).
    pub fn depends_on_context(&self) -> bool {
        !self.cases.is_empty()
    }

    /// Whether the title is a leadership post's (正职 or 副职 or member).
    pub fn is_deputy(&self) -> bool {
        self.role == Role::Deputy
    }

    /// The cases that apply in one context.
    pub fn cases_at<'a>(&'a self, context: &'a str) -> impl Iterator<Item = &'a TitleCase> {
        self.cases
            .iter()
            .filter(move |c| normalize::same(&c.at, context))
    }
}

impl Dataset {
    /// A context by name or alias (`地级市`, `自治州`, `副省级城市` …).
    pub fn context(&self, name: &str) -> Option<&Context> {
        let key = normalize::key(name);
        self.ranks.contexts.iter().find(|c| {
            normalize::key(&c.name) == key || c.aliases.iter().any(|a| normalize::key(a) == key)
        })
    }
}
