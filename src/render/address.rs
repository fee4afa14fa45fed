//! `address` and `brief`.

use super::{
    Cites, Style, certainty_text, fields, headline, level_with_short, mark_after, strength_mark,
    table,
};
use crate::address::{Address, Note, TitleKind};
use crate::brief::{Brief, Link};
use crate::levels::band;
use crate::read::Certainty;
use crate::schema::{Confidence, Sequence, Strength};

impl Cites for Address<'_> {
    fn source_ids(&self) -> Vec<&str> {
        self.sources.clone()
    }
}

impl Cites for Brief<'_> {
    fn source_ids(&self) -> Vec<&str> {
        self.sources.iter().map(|s| s.id).collect()
    }
}

/// The 把握 line of address advice, with its weakest form's strength.
fn address_certainty(style: Style, certainty: Certainty, weakest: Strength) -> String {
    let why = format!("称呼依据最弱为“{}”", weakest.label());
    certainty_text(style, certainty, Some(&why))
}

fn kind_text(a: &Address<'_>) -> &'static str {
    match (a.kind, a.deputy) {
        (TitleKind::Post, true) => "领导职务（副职）",
        (TitleKind::Post, false) => "领导职务",
        (TitleKind::Rank, _) => "职级（不是领导职务）",
        (TitleKind::LegacyRank, _) => "2019年前非领导职务",
        (TitleKind::Military, _) => "军队职务",
        (TitleKind::Enterprise, _) => "企业职务",
        (TitleKind::Professional, _) => "专业技术职称",
        (TitleKind::Village, _) => "村（社区）职务，不是公务员",
        (TitleKind::PublicInstitution, _) => "事业单位职务，不是公务员",
    }
}

/// The registers as table rows: where, and the form with its strength when
/// it is not an official rule.
fn register_rows(a: &Address<'_>, style: Style) -> Vec<Vec<String>> {
    let b = &a.basis;
    let row = |at: &str, form: &str, s: Strength| {
        vec![at.to_string(), format!("{form}{}", strength_mark(style, s))]
    };
    let mut rows = vec![row("当面", &style.strong(&a.oral), b.oral.strength)];
    if let (Some(short), Some(basis)) = (&a.oral_short, &b.oral_short) {
        rows.push(row("熟悉后", short, basis.strength));
    }
    for alt in &a.oral_alternatives {
        rows.push(row("也可", &alt.form, alt.strength));
    }
    rows.push(row("书面", &a.written, b.written.strength));
    rows.push(row("介绍", &a.introduce, b.introduce.strength));
    rows.push(row("英文", &a.english, b.english.strength));
    if let Some(t) = &a.english_title {
        rows.push(vec!["英文头衔".to_string(), t.clone()]);
    }
    // A deputy with the head in the room.
    if let Some(h) = &a.head_present {
        let mark = strength_mark(style, h.strength);
        rows.push(vec![
            "正职在场".to_string(),
            format!("{}；介绍：{}{mark}", h.oral, h.introduce),
        ]);
        if let Some(e) = &h.english {
            rows.push(vec!["正职在场·英文".to_string(), format!("{e}{mark}")]);
        }
    }
    rows
}

/// One note a line, with its strength when it is not an official rule.
fn notes_text(notes: &[Note], style: Style) -> String {
    let lines: Vec<String> = notes
        .iter()
        .map(|n| format!("{}{}", n.text, mark_after(&n.text, style, n.strength)))
        .collect();
    lines.join("\n")
}

/// The forms not to use for this title and person, and the words never to
/// use with any official, once.
fn avoid_items(a: &Address<'_>, style: Style) -> Vec<(&'static str, String)> {
    let specific: Vec<String> = a
        .avoid
        .iter()
        .filter(|x| !x.general)
        .map(|x| {
            format!(
                "{}：{}{}",
                x.form,
                x.why,
                mark_after(&x.why, style, x.strength)
            )
        })
        .collect();
    let general: Vec<&str> = a
        .avoid
        .iter()
        .filter(|x| x.general)
        .map(|x| x.form.as_str())
        .collect();
    vec![
        ("不要说", specific.join("\n")),
        ("对谁都不说", general.join("、")),
    ]
}

/// `rankinfo address`.
///
/// ```
/// use rankinfo::address::Person;
/// let data = rankinfo::builtin();
/// let a = data.address("副局长", &Person::surnamed("王")).unwrap();
/// let card = rankinfo::render::address(&a, Default::default());
/// assert!(card.starts_with("副局长：当面称“王局长”\n"));
/// ```
pub fn address(a: &Address<'_>, style: Style) -> String {
    let mut out = String::new();
    headline(
        &mut out,
        style,
        &format!("{}：当面称“{}”", a.title, style.strong(&a.oral)),
    );
    let kind = match a.level {
        Some(l) => format!("{}，{l}", kind_text(a)),
        None => kind_text(a).to_string(),
    };
    fields(&mut out, style, &[("类别", kind)]);
    out.push('\n');
    out.push_str(&table(style, &["场合", "称呼"], &register_rows(a, style)));
    let mut items: Vec<(&str, String)> = vec![
        ("注意", style.warn(&a.warnings.join("\n"))),
        ("说明", notes_text(&a.notes, style)),
    ];
    items.extend(avoid_items(a, style));
    items.push(("把握", address_certainty(style, a.certainty, a.weakest())));
    out.push('\n');
    fields(&mut out, style, &items);
    out
}

/// "局长（正处级）"; the level alone when nobody is named.
fn link_text(l: &Link<'_>) -> String {
    match (l.level_short, l.or_higher) {
        (Some(level), true) => format!("{}（{level}及以上）", l.who),
        (Some(level), false) => format!("{}（{level}）", l.who),
        (None, _) => l.who.clone(),
    }
}

/// `rankinfo brief`.
///
/// ```
/// use rankinfo::address::Person;
/// let data = rankinfo::builtin();
/// let b = data.brief("副处长", &Person::surnamed("李")).unwrap();
/// let card = rankinfo::render::brief(&b, Default::default());
/// assert!(card.starts_with("李处长：副处长，县处级副职（副处级），级别14–20\n"));
/// ```
pub fn brief(b: &Brief<'_>, style: Style) -> String {
    let a = &b.address;
    // The other sequences (警衔, 法官等级, 职员 …) say what they are.
    let other = b
        .summary
        .as_ref()
        .and_then(|s| s.sequence)
        .filter(|q| q.stands_alone() || q.outside_civil_service());
    let level = match &b.summary {
        Some(s) if other.is_some_and(|q| q.outside_civil_service()) => format!(
            "对应事业单位的{}（不是公务员职务层次；未见对应的公务员级别）",
            style.strong(s.level.unwrap_or("—"))
        ),
        Some(_) if other == Some(Sequence::PoliceRank) => {
            style.warn("警衔，同一警衔配多个层次的职务，没有单一层次")
        }
        Some(_) if other.is_some() => style.warn("单独职务序列，法律没有规定对应的职务层次或级别"),
        Some(s) => match (s.level, s.level_short, s.grade) {
            (Some(l), Some(short), g) => {
                let band = g.map(|g| format!("，级别{}", band(g))).unwrap_or_default();
                format!("{}{band}", style.strong(&level_with_short(l, short)))
            }
            _ if !s.cases.is_empty() => style.warn("层次取决于所在机构"),
            _ => style.warn("层次无法确定"),
        },
        None => style.warn("不在公务员层次中"),
    };
    let mut out = String::new();
    headline(
        &mut out,
        style,
        &format!("{}：{}，{level}", style.strong(&a.oral), b.title),
    );
    let authority = match (b.line_authority, other) {
        (Some(true), _) => "领导职务，有领导职责".to_string(),
        (Some(false), Some(q)) => format!(
            "{}，不是领导职务（{}）：先问清对方是否另有实职",
            q.label(),
            super::show::other_post(q)
        ),
        (Some(false), None) => {
            "职级，不是领导职务，不带领导职责：先问清对方是否另有实职".to_string()
        }
        (None, _) => kind_text(a).to_string(),
    };
    fields(&mut out, style, &[("类别", authority)]);
    out.push('\n');
    out.push_str(&table(style, &["场合", "称呼"], &register_rows(a, style)));
    let notes: Vec<Note> = b.notes.iter().chain(&a.notes).cloned().collect();
    let mut items: Vec<(&str, String)> = vec![("注意", style.warn(&a.warnings.join("\n")))];
    items.extend(avoid_items(a, style));
    items.push(("提示", notes_text(&notes, style)));
    out.push('\n');
    fields(&mut out, style, &items);
    let rows: Vec<Vec<String>> = b
        .reporting
        .iter()
        .filter(|r| !r.reports_to.is_empty() || !r.oversees.is_empty())
        .map(|r| {
            let join = |links: &[Link<'_>]| match links {
                [] => "—".to_string(),
                _ => links.iter().map(link_text).collect::<Vec<_>>().join("、"),
            };
            vec![
                r.at.unwrap_or("—").to_string(),
                r.level_short.unwrap_or("—").to_string(),
                join(&r.reports_to),
                join(&r.oversees),
            ]
        })
        .collect();
    if !rows.is_empty() {
        out.push('\n');
        out.push_str(&style.dim("通常的上下级（按层次推断，不是具体单位的事实）"));
        out.push('\n');
        out.push_str(&table(
            style,
            &["机构", "层次", "向谁汇报", "管理谁"],
            &rows,
        ));
    }
    if b.assessed_on.is_some() || b.next_step.is_some() {
        out.push('\n');
        let mut items: Vec<(&str, String)> = Vec::new();
        if let Some(k) = &b.assessed_on {
            let mut v = format!("{}：{}\n等次：{}\n{}", k.who, k.on, k.grades, k.consequence);
            if k.confidence == Confidence::Unconfirmed {
                v.push_str(&style.warn("（未经证实）"));
            }
            items.push(("考核", v));
        }
        if let Some(n) = &b.next_step {
            let unsure = if n.confidence == Confidence::Unconfirmed {
                style.warn("（未经证实）")
            } else {
                String::new()
            };
            items.push((
                "下一步",
                format!(
                    "晋升{}：本职级最少任职{}年{unsure}；够年限只是具备资格，不等于晋升",
                    n.to, n.years
                ),
            ));
        }
        fields(&mut out, style, &items);
    }
    out.push('\n');
    fields(
        &mut out,
        style,
        &[("把握", address_certainty(style, b.certainty, b.weakest))],
    );
    out
}
