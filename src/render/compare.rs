//! `compare`.

use super::{Cites, Style, certainty_text, fields, headline};
use crate::compare::{Comparison, Relation};

impl Cites for Comparison<'_> {
    fn source_ids(&self) -> Vec<&str> {
        let mut ids = self.a.source_ids();
        ids.extend(self.b.source_ids());
        ids
    }
}

/// `rankinfo compare`.
///
/// ```
/// let data = rankinfo::builtin();
/// let c = rankinfo::compare::compare(data, "调研员", "处长").unwrap();
/// let card = rankinfo::render::comparison(&c, Default::default());
/// assert!(card.starts_with("调研员 同级于 处长\n"));
/// ```
pub fn comparison(c: &Comparison<'_>, style: Style) -> String {
    let verdict = match c.relation {
        Relation::Ambiguous if !c.stated_correspondence => format!(
            "{} 与 {}：{}",
            c.a.name,
            c.b.name,
            style.warn("没有规定的对应关系，无法比较")
        ),
        Relation::Ambiguous => format!(
            "{} 与 {}：{}",
            c.a.name,
            c.b.name,
            style.warn("视所在机构而定")
        ),
        r => style.strong(&format!("{} {} {}", c.a.name, r.label(), c.b.name)),
    };
    let mut out = String::new();
    headline(&mut out, style, &verdict);
    // Not 高: the weaker fact, or a full title whose reading is unsure.
    let unsure = [&c.a, &c.b]
        .into_iter()
        .find(|s| s.certainty == c.certainty && s.at_explanation.is_some());
    let why = match (
        c.certainty,
        super::why_not_high(c.a.weakest().max(c.b.weakest())),
    ) {
        (crate::read::Certainty::High, _) => None,
        (_, Some(why)) => Some(why.to_string()),
        (_, None) => unsure.map(|s| format!("“{}”的读法有不确定处，详见 rankinfo resolve", s.name)),
    };
    fields(
        &mut out,
        style,
        &[
            ("理由", c.explanation.clone()),
            ("把握", certainty_text(style, c.certainty, why.as_deref())),
        ],
    );
    out
}
