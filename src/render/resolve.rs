//! `resolve`, and `show` of a full title.

use super::{Cites, Style, certainty_text, escape_controls, fields, headline, why_not_high};
use crate::levels::band;
use crate::read::{COUNTY_THEN, Certainty, Resolution, Rule, Sector, Unit};

impl Cites for Resolution<'_> {
    fn source_ids(&self) -> Vec<&str> {
        let parts = self.parts.iter().flat_map(|p| p.sources.iter());
        self.sources.iter().chain(parts).map(|s| &**s).collect()
    }
}

/// A unit of the chain: its name, and its kind where the name does not
/// say it (深圳市 is a 副省级市; 南山区 says what it is).
fn unit_text(u: &Unit<'_>) -> String {
    match u.kind {
        "副省级市" | "地级市" | "县级市" | "直辖市" | COUNTY_THEN | "未收录的地名" =>
        {
            format!("{}（{}）", u.name, u.kind)
        }
        _ => u.name.to_string(),
    }
}

/// `rankinfo resolve`.
///
/// ```
/// let data = rankinfo::builtin();
/// let card = rankinfo::render::resolution(&data.resolve("深圳市南山区区长"), Default::default());
/// assert!(card.starts_with("深圳市南山区区长：厅局级副职（副厅级）\n"));
/// ```
pub fn resolution(r: &Resolution<'_>, style: Style) -> String {
    let level = match r.level {
        Some(l) => style.strong(&format!("{}（{}）", l.name, l.short)),
        // A grade read whole that has no level of its own (四级高级法官,
        // 二级警督): none is stated, which is not the same as unreadable.
        None if r.rank.is_some()
            && r.title.is_none()
            && r.sector.is_none_or(|s| s == Sector::CivilService)
            && r.parts
                .iter()
                .all(|p| p.rank.is_some() || p.title.is_some()) =>
        {
            style.warn("没有规定的对应层次（见依据）")
        }
        None => style.warn("层次无法确定"),
    };
    let mut out = String::new();
    let input = match r.input.trim() {
        "" => "（空行）".into(),
        // A text too long to read is not printed whole either.
        text if text.len() > 600 => {
            let head: String = text.chars().take(40).collect();
            format!("{}……（过长，未全部显示）", escape_controls(&head)).into()
        }
        text => escape_controls(text),
    };
    headline(&mut out, style, &format!("{input}：{level}"));
    let mut items: Vec<(&str, String)> = Vec::new();
    if let Some(t) = r.title {
        items.push(("职务", t.to_string()));
    }
    if let Some(k) = r.rank {
        items.push(("职级", k.to_string()));
    }
    if !r.organisation.is_empty() {
        let units: Vec<String> = r.organisation.iter().map(unit_text).collect();
        items.push(("机构", escape_controls(&units.join(" › ")).into_owned()));
    }
    if let Some(g) = r.grade() {
        items.push(("级别", band(g)));
    }
    // A level stated for the person beside the post's own 规格: both.
    if r.stated_level.is_some() && r.post_level.map(|l| &l.name) != r.level.map(|l| &l.name) {
        let post = r.post_level.map_or("不明".to_string(), |l| {
            format!("{}（{}）", l.name, l.short)
        });
        items.push(("职位规格", post));
    }
    if let Some(s) = r.sector.filter(|&s| s != Sector::CivilService) {
        items.push(("领域", s.label().to_string()));
    }
    let notes: Vec<String> = r
        .notes()
        .iter()
        .map(|n| escape_controls(&n.to_string()).into_owned())
        .collect();
    if !notes.is_empty() {
        items.push(("依据", notes.join("\n")));
    }
    let why = match (r.confidence, r.data_confidence.and_then(why_not_high)) {
        (Certainty::High, _) => None,
        (_, Some(why)) => Some(why),
        (_, None) if r.rule == Rule::Derived => Some("按单位规格推导，没有逐一列明的规定"),
        (_, None) => Some("读法有不确定处，见依据"),
    };
    items.push(("把握", certainty_text(style, r.confidence, why)));
    fields(&mut out, style, &items);
    for p in &r.parts {
        let level = p
            .level
            .map_or_else(|| style.warn("不明"), |l| l.name.to_string());
        let line = format!("· {}：{level}", escape_controls(&p.input));
        for l in super::wrap(&line, style.width.saturating_sub(2)) {
            out.push_str(&format!("  {l}\n"));
        }
    }
    out
}

/// A post outside the civil service, asked about by name (董事长, 少将):
/// what it is and why it has no level, as an answer.
///
/// ```
/// use rankinfo::{LookupError, render};
/// let data = rankinfo::builtin();
/// let Err(LookupError::OutsideCivilService { input, sector, why }) = data.lookup("董事长") else {
///     unreachable!()
/// };
/// let card = render::outside(&input, sector, &why, Default::default());
/// assert!(card.contains("没有公务员职务层次"));
/// ```
pub fn outside(input: &str, sector: Sector, why: &str, style: Style) -> String {
    let mut out = String::new();
    let answer = style.warn("没有公务员职务层次");
    headline(
        &mut out,
        style,
        &format!("{}：{answer}", escape_controls(input)),
    );
    fields(
        &mut out,
        style,
        &[
            ("领域", sector.label().to_string()),
            ("说明", why.to_string()),
        ],
    );
    out
}
