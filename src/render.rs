//! Human-readable answers, in Chinese, aligned for CJK display width.
//!
//! The CLI prints these; tools embedding the library can too. Colour is the
//! caller's decision (`Style`): the CLI turns it on only on a terminal and
//! never with `NO_COLOR`.

use crate::address::{Address, Note, TitleKind};
use crate::brief::{Brief, Link};
use crate::compare::{Comparison, Relation};
use crate::equiv::{Equivalents, Row};
use crate::levels::band;
use crate::schema::{Confidence, Sequence, Strength, Text};
use crate::show::{Kind, Summary};
use std::fmt::Write as _;
use unicode_width::UnicodeWidthStr;

mod careers;
pub use careers::{kaohe, path};

/// Whether to emit ANSI colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Style {
    pub color: bool,
}

impl Style {
    fn paint(self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
    /// Bold.
    pub fn strong(self, text: &str) -> String {
        self.paint("1", text)
    }
    /// Dimmed, for sources and secondary detail.
    pub fn dim(self, text: &str) -> String {
        self.paint("2", text)
    }
    /// Yellow, for warnings and unconfirmed facts.
    pub fn warn(self, text: &str) -> String {
        self.paint("33", text)
    }
}

/// Pad `text` with spaces to `width` display columns (CJK = 2 columns).
pub fn pad(text: &str, width: usize) -> String {
    let w = visible_width(text);
    format!("{text}{}", " ".repeat(width.saturating_sub(w)))
}

/// Display width, ignoring ANSI escape sequences.
pub fn visible_width(text: &str) -> usize {
    let mut plain = String::with_capacity(text.len());
    let mut in_escape = false;
    for c in text.chars() {
        match (in_escape, c) {
            (false, '\x1b') => in_escape = true,
            (true, 'm') => in_escape = false,
            (true, _) => {}
            (false, c) => plain.push(c),
        }
    }
    plain.width()
}

/// A table with a header row; columns padded to their widest cell.
pub fn table(style: Style, header: &[&str], rows: &[Vec<String>]) -> String {
    let cols = header.len();
    let mut widths: Vec<usize> = header.iter().map(|h| visible_width(h)).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate().take(cols) {
            widths[i] = widths[i].max(visible_width(cell));
        }
    }
    let mut out = String::new();
    let line = |cells: Vec<String>, out: &mut String| {
        let last = cells.len().saturating_sub(1);
        for (i, cell) in cells.iter().enumerate() {
            if i == last {
                out.push_str(cell);
            } else {
                out.push_str(&pad(cell, widths[i]));
                out.push_str("  ");
            }
        }
        out.push('\n');
    };
    line(header.iter().map(|h| style.strong(h)).collect(), &mut out);
    for row in rows {
        line(row.clone(), &mut out);
    }
    out
}

/// Label–value lines, labels padded to one width.
fn fields(out: &mut String, style: Style, items: &[(&str, String)]) {
    let w = items
        .iter()
        .map(|(k, _)| visible_width(k))
        .max()
        .unwrap_or(0);
    for (k, v) in items {
        if v.is_empty() {
            continue;
        }
        let mut lines = v.lines();
        let first = lines.next().unwrap_or("");
        let _ = writeln!(out, "  {}  {}", style.dim(&pad(k, w)), first);
        for more in lines {
            let _ = writeln!(out, "  {}  {}", pad("", w), more);
        }
    }
}

fn confidence_text(style: Style, c: Confidence) -> String {
    let label = c.label();
    if c == Confidence::Unconfirmed {
        style.warn(label)
    } else {
        label.to_string()
    }
}

fn join(items: &[Text], sep: &str) -> String {
    items.iter().map(|t| &**t).collect::<Vec<_>>().join(sep)
}

fn kind_label(s: &Summary<'_>) -> String {
    match (s.kind, s.sequence) {
        // The ten leadership levels end in 正职/副职; 科员级 and 办事员级 do not.
        (Kind::LeadershipLevel, _) if s.name.ends_with("职") => "领导职务层次".into(),
        (Kind::LeadershipLevel, _) => "层次".into(),
        (Kind::Rank | Kind::LegacyRank, Some(seq)) => seq.label().into(),
        (Kind::Title, _) => "领导职务".into(),
        _ => String::new(),
    }
}

/// Why a summary has no level: the organisation asked about does not settle
/// it, it depends on the organisation, or the post has none.
fn unplaced(s: &Summary<'_>, style: Style) -> String {
    let text = match (s.at, s.cases.is_empty(), s.depends_on.is_some()) {
        (Some(at), _, _) => format!("在{at}无法确定"),
        (None, false, _) => "取决于所在机构，见下表".to_string(),
        (None, true, true) => "取决于所在机构".to_string(),
        (None, true, false) => "无法定层次".to_string(),
    };
    style.warn(&text)
}

/// The leadership posts held besides a grade of another sequence.
fn other_post(q: Sequence) -> &'static str {
    match q {
        Sequence::Judge => "院长、庭长等是另外任命的职务",
        Sequence::Procurator => "检察长等是另外任命的职务",
        Sequence::PoliceRank => "局长、所长等是另外任命的职务",
        _ => "院长、处长等是另外任命的职务",
    }
}

/// `rankinfo show`.
pub fn summary(s: &Summary<'_>, style: Style) -> String {
    let mut out = format!("{}  {}\n", style.strong(s.name), style.dim(&kind_label(s)));
    let mut items: Vec<(&str, String)> = Vec::new();
    match (s.level, s.level_short) {
        (Some(_), Some(short)) if s.kind == Kind::LeadershipLevel => {
            items.push(("简称", short.to_string()))
        }
        (Some(l), Some(short)) => {
            let prefix = if s.kind == Kind::Title {
                ""
            } else {
                "相当于"
            };
            let mut v = format!("{prefix}{}", level_with_short(l, short));
            if let Some(c) = s.level_confidence {
                v.push_str(&format!("  {}", confidence_text(style, c)));
            }
            items.push(("层次", v));
        }
        _ => match s.sequence {
            Some(Sequence::Judge | Sequence::Procurator) => items.push((
                "层次",
                style.warn("单独职务序列，法律没有规定对应的职务层次、职级或级别"),
            )),
            Some(Sequence::PoliceRank) => items.push((
                "层次",
                style.warn("警衔是衔级，同一警衔配多个层次的职务，没有单一层次（见下）"),
            )),
            _ => items.push(("层次", unplaced(s, style))),
        },
    }
    if s.sequence.is_some_and(|q| q.outside_civil_service()) {
        if let (Some(l), Some(short)) = (s.level, s.level_short) {
            // Say both: the correspondence, and that it is not the civil service.
            items.retain(|(k, _)| *k != "层次");
            items.push((
                "层次",
                format!(
                    "事业单位自己的岗位等级，对应事业单位的{}；不是公务员职务层次",
                    level_with_short(l, short)
                ),
            ));
        }
    }
    if s.sequence.is_some_and(|q| q.outside_civil_service()) {
        items.push(("级别", "没有：事业单位人员不套公务员级别".into()));
    } else if s.sequence.is_some_and(|q| q.stands_alone()) {
        items.push(("级别", style.warn("法律未规定")));
    } else if let Some(g) = s.grade {
        let mut v = band(g);
        if let Some(c) = s.grade_confidence {
            v.push_str(&format!("  {}", confidence_text(style, c)));
        }
        items.push(("级别", v));
    } else if s.kind != Kind::Title {
        items.push(("级别", style.warn("未见来源")));
    }
    match (s.line_authority, s.sequence) {
        (
            Some(false),
            Some(
                q @ (Sequence::Judge
                | Sequence::Procurator
                | Sequence::PoliceRank
                | Sequence::InstitutionStaff),
            ),
        ) => items.push((
            "领导职责",
            format!("无：{}不是领导职务（{}）", q.label(), other_post(q)),
        )),
        (Some(false), _) => items.push(("领导职责", "无：职级不是领导职务，不带领导职责".into())),
        (Some(true), _) => items.push(("领导职责", "有：领导职务".into())),
        (None, _) => {}
    }
    if let Some(g) = s.general_equivalent {
        items.push(("对应职级", format!("综合管理类{g}")));
    }
    if let Some(l) = s.min_rank_for {
        items.push(("最低职级", format!("是{l}对应的最低职级")));
    }
    if let Some(p) = s.promotion {
        items.push((
            "晋升资格",
            format!("任{}{}年以上", join(&p.from, "或"), p.years),
        ));
    }
    if !s.settable_at.is_empty() {
        items.push(("可设置于", s.settable_at.join("；")));
    }
    if let Some(to) = s.converts_to {
        let until = s.in_force_until.unwrap_or("2019-05-31");
        items.push(("套转", format!("施行至{until}，2019年6月1日套转为{to}")));
    }
    if let Some(d) = s.depends_on {
        items.push(("取决于", d.to_string()));
    }
    if let Some(why) = &s.at_explanation {
        items.push(("依据", why.clone()));
    }
    items.push((
        "英文",
        s.english
            .map(str::to_string)
            .unwrap_or_else(|| style.dim("（未见约定译名）")),
    ));
    items.push(("可信度", confidence_text(style, s.confidence)));
    items.push(("来源", style.dim(&join(s.sources, ", "))));
    if !s.notes.is_empty() {
        items.push(("说明", join(s.notes, "\n")));
    }
    if !s.insignia.is_empty() {
        let v: Vec<String> = s
            .insignia
            .iter()
            .map(|i| {
                let range = if i.highest == i.lowest {
                    i.highest.to_string()
                } else {
                    format!("{}至{}", i.highest, i.lowest)
                };
                format!("{}：{range}", i.post)
            })
            .collect();
        let label = if s.kind == Kind::LeadershipLevel {
            "警衔"
        } else {
            "可配职务"
        };
        items.push((label, v.join("\n")));
    }
    if !s.judge_posts.is_empty() {
        let v: Vec<String> = s
            .judge_posts
            .iter()
            .map(|j| {
                let range = if j.highest == j.lowest {
                    j.highest.to_string()
                } else {
                    format!("{}至{}", j.highest, j.lowest)
                };
                format!("{}{}：{range}", j.court, j.post)
            })
            .collect();
        items.push((
            "1997年配置",
            format!(
                "{}\n（1997年《法官等级暂行规定》的职务编制等级；现在是否仍适用{}）",
                v.join("\n"),
                confidence_text(style, Confidence::Unconfirmed)
            ),
        ));
    }
    fields(&mut out, style, &items);
    if !s.cases.is_empty() {
        out.push('\n');
        let rows: Vec<Vec<String>> = s
            .cases
            .iter()
            .map(|c| {
                let mut note = Vec::new();
                if let Some(n) = c.nominal {
                    note.push(format!("名义{n}"));
                }
                if let Some(o) = c.often {
                    note.push(format!("常高配{o}"));
                }
                note.extend(c.notes.iter().map(|n| n.to_string()));
                vec![
                    c.at.to_string(),
                    c.post.to_string(),
                    c.level
                        .map(str::to_string)
                        .unwrap_or_else(|| style.warn("不明")),
                    c.grade.map(band).unwrap_or_default(),
                    confidence_text(style, c.confidence),
                    note.join("；"),
                ]
            })
            .collect();
        out.push_str(&table(
            style,
            &["机构", "职务", "层次", "级别", "可信度", "备注"],
            &rows,
        ));
    }
    out
}

/// `rankinfo compare`.
pub fn comparison(c: &Comparison<'_>, style: Style) -> String {
    let verdict = match c.relation {
        Relation::Ambiguous if !c.stated_correspondence => style.warn(&format!(
            "{} 与 {}：没有规定的对应关系，无法比较",
            c.a.name, c.b.name
        )),
        Relation::Ambiguous => style.warn("视所在机构而定"),
        r => style.strong(&format!("{} {} {}", c.a.name, r.label(), c.b.name)),
    };
    let mut out = format!("{verdict}\n");
    for line in c.explanation.lines() {
        let _ = writeln!(out, "  {line}");
    }
    out
}

/// "县处级正职（正处级）"; 科员级 has no separate short name.
fn level_with_short(level: &str, short: &str) -> String {
    if level == short {
        level.to_string()
    } else {
        format!("{level}（{short}）")
    }
}

/// One ladder row as table cells.
fn row_cells(r: &Row<'_>) -> Vec<String> {
    vec![
        level_with_short(r.level, r.short),
        r.general.join("、"),
        r.legacy.join("、"),
        band(r.grade),
    ]
}

/// `rankinfo ladder`.
pub fn ladder(rows: &[Row<'_>], style: Style) -> String {
    let cells: Vec<Vec<String>> = rows.iter().map(row_cells).collect();
    let mut out = table(
        style,
        &[
            "领导职务层次",
            "职级（2019年起）",
            "2019年前非领导职务",
            "级别",
        ],
        &cells,
    );
    out.push_str(
        &style.dim("专业技术类、行政执法类职级见 rankinfo equiv <职级>；级别1最高、27最低\n"),
    );
    out.push_str(&style.dim(
        "执法勤务警员、警务技术（对应未经证实）和事业单位职员见 rankinfo equiv；警衔、法官等级、检察官等级没有规定的对应层次，见 rankinfo show\n",
    ));
    out
}

/// `rankinfo equiv`.
pub fn equivalents(e: &Equivalents<'_>, style: Style) -> String {
    let mut out = format!("{}  {}\n", style.strong(e.name), style.dim("的对应关系"));
    let r = &e.same_level;
    let mut items = vec![
        ("领导职务层次", level_with_short(r.level, r.short)),
        (
            "级别",
            match (e.grade, e.notes.is_empty()) {
                (Some(g), _) => band(g),
                // A 事业单位 grade: no civil-service 级别 at all.
                (None, false) => "没有：事业单位人员不套公务员级别".into(),
                (None, true) => style.warn("未见来源"),
            },
        ),
    ];
    if !e.exact.is_empty() {
        items.push(("一一对应", e.exact.join("、")));
    }
    if !e.exact_unconfirmed.is_empty() {
        items.push((
            "一一对应",
            format!(
                "{}  {}",
                e.exact_unconfirmed.join("、"),
                confidence_text(style, Confidence::Unconfirmed)
            ),
        ));
    }
    let unsure = |v: &[&str]| {
        if v.is_empty() {
            String::new()
        } else {
            format!(
                "{}  {}",
                v.join("、"),
                confidence_text(style, Confidence::Unconfirmed)
            )
        }
    };
    items.extend([
        ("综合管理类", r.general.join("、")),
        ("专业技术类", r.professional.join("、")),
        ("行政执法类", r.enforcement.join("、")),
        ("执法勤务警员", unsure(&r.police_officer)),
        ("警务技术", unsure(&r.police_technical)),
        ("事业单位职员", r.institution_staff.join("、")),
        ("2019年前", r.legacy.join("、")),
        ("同级职务", r.titles.join("、")),
    ]);
    if !e.notes.is_empty() {
        items.push(("注意", e.notes.join("\n")));
    }
    fields(&mut out, style, &items);
    out
}

/// `rankinfo resolve`.
pub fn resolution(r: &crate::resolve::Resolution<'_>, style: Style) -> String {
    let level = match r.level {
        Some(l) => style.strong(&format!("{}（{}）", l.name, l.short)),
        None => style.warn("层次无法确定"),
    };
    let mut out = format!("{}  →  {}\n", escape_controls(r.input.trim()), level);
    let mut items: Vec<(&str, String)> = Vec::new();
    if let Some(t) = r.title {
        items.push(("职务", t.to_string()));
    }
    if let Some(k) = r.rank {
        items.push(("职级", k.to_string()));
    }
    if !r.organisation.is_empty() {
        items.push(("机构", r.chain("\n")));
    }
    if let Some(l) = r.level {
        items.push(("级别", band(l.grade)));
    }
    // A level stated for the person beside the post's own 规格: both.
    if r.stated_level.is_some() && r.post_level.map(|l| &l.name) != r.level.map(|l| &l.name) {
        let post = r.post_level.map_or("不明".to_string(), |l| {
            format!("{}（{}）", l.name, l.short)
        });
        items.push(("职位规格", post));
    }
    if let Some(s) = r.sector.filter(|&s| s != crate::read::Sector::CivilService) {
        items.push(("领域", s.label().to_string()));
    }
    let certainty = r.confidence.label();
    let certainty = if r.confidence == crate::resolve::Certainty::Low {
        style.warn(certainty)
    } else {
        certainty.to_string()
    };
    items.push(("把握", certainty));
    let notes = r.notes();
    if !notes.is_empty() {
        let notes: Vec<String> = notes.iter().map(|n| n.to_string()).collect();
        items.push(("依据", notes.join("\n")));
    }
    if !r.sources.is_empty() {
        items.push(("来源", style.dim(&join(r.sources, ", "))));
    }
    fields(&mut out, style, &items);
    for p in &r.parts {
        let level = p
            .level
            .map_or_else(|| style.warn("不明"), |l| l.name.to_string());
        let _ = writeln!(out, "  · {}：{}", escape_controls(&p.input), level);
    }
    out
}
fn strength_text(style: Style, s: Strength) -> String {
    let label = s.label();
    if s == Strength::Unconfirmed {
        style.warn(label)
    } else {
        style.dim(label)
    }
}

fn kind_text(a: &Address<'_>) -> &'static str {
    match (a.kind, a.deputy) {
        (TitleKind::Post, true) => "领导职务（副职）",
        (TitleKind::Post, false) => "领导职务",
        (TitleKind::Rank, _) => "职级（非领导职务）",
        (TitleKind::LegacyRank, _) => "2019年前非领导职务",
        (TitleKind::Military, _) => "军队职务",
        (TitleKind::Enterprise, _) => "企业职务",
        (TitleKind::Professional, _) => "专业技术职称",
    }
}

/// The registers as table rows: where, the form, its strength.
fn register_rows(a: &Address<'_>, style: Style) -> Vec<Vec<String>> {
    let b = &a.basis;
    let mut rows = vec![vec![
        "当面".to_string(),
        style.strong(&a.oral),
        strength_text(style, b.oral.strength),
    ]];
    if let (Some(short), Some(basis)) = (&a.oral_short, &b.oral_short) {
        rows.push(vec![
            "熟悉后".to_string(),
            short.clone(),
            strength_text(style, basis.strength),
        ]);
    }
    for alt in &a.oral_alternatives {
        rows.push(vec![
            "也可".to_string(),
            alt.form.clone(),
            strength_text(style, alt.strength),
        ]);
    }
    rows.extend([
        vec![
            "书面".to_string(),
            a.written.clone(),
            strength_text(style, b.written.strength),
        ],
        vec![
            "介绍".to_string(),
            a.introduce.clone(),
            strength_text(style, b.introduce.strength),
        ],
        vec![
            "英文".to_string(),
            a.english.clone(),
            strength_text(style, b.english.strength),
        ],
    ]);
    rows
}

/// One warning a line, in the warning colour.
fn warnings_text(a: &Address<'_>, style: Style) -> String {
    let lines: Vec<String> = a.warnings.iter().map(|w| style.warn(w)).collect();
    lines.join("\n")
}

/// One note a line, with its strength.
fn notes_text(notes: &[Note], style: Style) -> String {
    let lines: Vec<String> = notes
        .iter()
        .map(|n| format!("{}（{}）", n.text, strength_text(style, n.strength)))
        .collect();
    lines.join("\n")
}

/// Indent every line of a block by two spaces.
fn indent(block: &str) -> String {
    block.lines().map(|l| format!("  {l}\n")).collect()
}

/// `rankinfo address`.
pub fn address(a: &Address<'_>, style: Style) -> String {
    let mut out = format!("{}  {}\n", style.strong(&a.title), style.dim(kind_text(a)));
    out.push_str(&indent(&table(
        style,
        &["场合", "称呼", "依据"],
        &register_rows(a, style),
    )));
    let mut items: Vec<(&str, String)> = Vec::new();
    if let Some(t) = &a.english_title {
        items.push(("英文头衔", t.clone()));
    }
    items.push(("注意", warnings_text(a, style)));
    items.push(("说明", notes_text(&a.notes, style)));
    items.push(("来源", style.dim(&a.sources.join(", "))));
    out.push('\n');
    fields(&mut out, style, &items);
    let rows: Vec<Vec<String>> = a
        .avoid
        .iter()
        .filter(|x| !x.general)
        .map(|x| {
            vec![
                x.form.clone(),
                x.why.clone(),
                strength_text(style, x.strength),
            ]
        })
        .collect();
    if !rows.is_empty() {
        out.push('\n');
        out.push_str(&indent(&table(style, &["不要说", "原因", "依据"], &rows)));
    }
    let general: Vec<&str> = a
        .avoid
        .iter()
        .filter(|x| x.general)
        .map(|x| x.form.as_str())
        .collect();
    if !general.is_empty() {
        out.push('\n');
        fields(
            &mut out,
            style,
            &[(
                "也不要用",
                format!("{}（理由见 --json）", general.join("、")),
            )],
        );
    }
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
pub fn brief(b: &Brief<'_>, style: Style) -> String {
    let a = &b.address;
    // The other sequences (警衔, 法官等级, 职员 …) say what they are.
    let other = b
        .summary
        .as_ref()
        .and_then(|s| s.sequence)
        .filter(|q| q.stands_alone() || q.outside_civil_service());
    let kind = match other {
        Some(q) => q.label(),
        None => kind_text(a),
    };
    let mut out = format!(
        "{}  {}  {}\n",
        style.strong(&a.oral),
        b.title,
        style.dim(kind)
    );
    let mut items: Vec<(&str, String)> = Vec::new();
    match &b.summary {
        Some(s) if other.is_some_and(|q| q.outside_civil_service()) => {
            let l = s.level.unwrap_or("—");
            items.push((
                "层次",
                format!(
                    "事业单位自己的岗位等级，对应事业单位的{l}；不是公务员职务层次，没有公务员级别"
                ),
            ));
        }
        Some(s) if other.is_some() => items.push((
            "层次",
            style.warn(match s.sequence {
                Some(Sequence::PoliceRank) => "警衔是衔级，同一警衔配多个层次的职务，没有单一层次",
                _ => "单独职务序列，法律没有规定对应的职务层次、职级或级别",
            }),
        )),
        Some(s) => match (s.level, s.level_short, s.grade) {
            (Some(l), Some(short), g) => {
                let band = g.map(|g| format!("  级别{}", band(g))).unwrap_or_default();
                items.push(("层次", format!("{}{band}", level_with_short(l, short))));
            }
            _ => items.push(("层次", unplaced(s, style))),
        },
        None => items.push(("层次", style.dim("不在层次数据中"))),
    }
    items.push((
        "领导职责",
        match (b.line_authority, other) {
            (Some(true), _) => "有：领导职务".to_string(),
            (Some(false), Some(q)) => format!(
                "无：{}不是领导职务（{}）；先确认对方是否另有实职",
                q.label(),
                other_post(q)
            ),
            (Some(false), None) => {
                "无：职级不是领导职务，不带领导职责；先确认对方是否另有实职".to_string()
            }
            (None, _) => style.dim("不适用（不是公务员职务）"),
        },
    ));
    fields(&mut out, style, &items);
    out.push('\n');
    out.push_str(&indent(&table(
        style,
        &["场合", "称呼", "依据"],
        &register_rows(a, style),
    )));
    let forms: Vec<&str> = a.avoid.iter().map(|x| x.form.as_str()).collect();
    let notes: Vec<Note> = b.notes.iter().chain(&a.notes).cloned().collect();
    let items = [
        ("注意", warnings_text(a, style)),
        ("不要说", forms.join("、")),
        ("提示", notes_text(&notes, style)),
    ];
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
                r.grade.map(band).unwrap_or_default(),
                join(&r.reports_to),
                join(&r.oversees),
            ]
        })
        .collect();
    if !rows.is_empty() {
        out.push('\n');
        out.push_str(&style.dim("通常的上下级（按层次推断，不是具体单位的事实）"));
        out.push('\n');
        out.push_str(&indent(&table(
            style,
            &["机构", "层次", "级别", "向谁汇报", "管理谁"],
            &rows,
        )));
    }
    if b.assessed_on.is_some() || b.next_step.is_some() {
        out.push('\n');
        let mut items: Vec<(&str, String)> = Vec::new();
        if let Some(a) = &b.assessed_on {
            let mut v = format!("{}：{}", a.who, a.on);
            let _ = write!(v, "\n等次：{}\n{}", a.grades, a.consequence);
            if a.confidence == Confidence::Unconfirmed {
                let _ = write!(v, "（{}）", confidence_text(style, a.confidence));
            }
            items.push(("考核", v));
        }
        if let Some(n) = &b.next_step {
            let unsure = if n.confidence == Confidence::Unconfirmed {
                format!("（{}）", confidence_text(style, n.confidence))
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
    let sources: Vec<String> = b
        .sources
        .iter()
        .map(|s| format!("{} {}", s.id, s.grade))
        .collect();
    let lines: Vec<String> = sources.chunks(5).map(|c| c.join(" · ")).collect();
    fields(
        &mut out,
        style,
        &[
            ("最弱依据", strength_text(style, b.weakest)),
            ("来源", style.dim(&lines.join("\n"))),
        ],
    );
    out
}

/// User text as it may be shown on a terminal: control characters (an
/// escape sequence pasted from elsewhere, a stray CR) written as `\u{1b}`
/// instead of acting on the screen.
pub fn escape_controls(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return std::borrow::Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect::<String>()
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_characters_are_two_columns_and_escapes_none() {
        assert_eq!(visible_width("处长"), 4);
        assert_eq!(visible_width("A处"), 3);
        assert_eq!(visible_width(&Style { color: true }.strong("处长")), 4);
        assert_eq!(pad("处长", 6), "处长  ");
    }

    #[test]
    fn table_columns_line_up_in_display_width() {
        let rows = vec![
            vec!["县处级正职".to_string(), "x".to_string()],
            vec!["A".to_string(), "y".to_string()],
        ];
        let out = table(Style::default(), &["层次", "值"], &rows);
        let starts: Vec<usize> = out
            .lines()
            .map(|l| visible_width(&l[..l.rfind(char::is_alphabetic).unwrap_or(0)]))
            .collect();
        assert!(starts.iter().all(|&s| s == starts[0]), "{out}");
    }
}
