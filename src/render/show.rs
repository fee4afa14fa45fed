//! `show`, `equiv` and `ladder`.

use super::{
    Cites, Style, certainty_text, fields, headline, join, level_with_short, table, why_not_high,
};
use crate::equiv::{Equivalents, Row};
use crate::levels::band;
use crate::schema::{Confidence, Sequence};
use crate::show::{Kind, Summary};

impl Cites for Summary<'_> {
    fn source_ids(&self) -> Vec<&str> {
        let cases = self.cases.iter().flat_map(|c| c.sources.iter());
        self.sources.iter().chain(cases).map(|s| &**s).collect()
    }
}

/// The leadership posts held besides a grade of another sequence.
pub(super) fn other_post(q: Sequence) -> &'static str {
    match q {
        Sequence::Judge => "院长、庭长等是另外任命的职务",
        Sequence::Procurator => "检察长等是另外任命的职务",
        Sequence::PoliceRank => "局长、所长等是另外任命的职务",
        _ => "院长、处长等是另外任命的职务",
    }
}

/// What the entry is, in words: "领导职务，有领导职责".
fn kind_text(s: &Summary<'_>) -> String {
    match (s.kind, s.sequence) {
        (Kind::LeadershipLevel, _) => "领导职务层次（不是具体职务）".into(),
        (Kind::LegacyRank, _) => "2019年前的非领导职务，不带领导职责".into(),
        (Kind::Rank, Some(q)) if q.stands_alone() || q.outside_civil_service() => {
            format!("{}，不是领导职务（{}）", q.label(), other_post(q))
        }
        (Kind::Rank, Some(seq)) => format!("{}，不是领导职务，不带领导职责", seq.label()),
        (Kind::Rank, None) => "职级，不是领导职务，不带领导职责".into(),
        (Kind::Title, _) if s.line_authority == Some(true) => "领导职务，有领导职责".into(),
        (Kind::Title, _) => "职务".into(),
    }
}

/// A fact's confidence after its value, only when it is not 高.
fn unless_high(style: Style, c: Option<Confidence>) -> String {
    match c.and_then(why_not_high) {
        Some(why) => style.warn(&format!("（{why}）")),
        None => String::new(),
    }
}

/// The answer in one line: "处长：县处级正职（正处级）".
fn answer(s: &Summary<'_>, style: Style) -> String {
    let level = match (s.level, s.level_short) {
        (Some(l), Some(short)) if s.kind == Kind::LeadershipLevel => {
            let name = if l == short {
                l.to_string()
            } else {
                format!("{l}（简称{short}）")
            };
            return style.strong(&name);
        }
        (Some(l), Some(short)) if s.kind == Kind::Title => {
            style.strong(&level_with_short(l, short))
        }
        (Some(l), Some(short)) if s.sequence.is_some_and(|q| q.outside_civil_service()) => {
            // Say both: the correspondence, and that it is not the civil service.
            format!(
                "对应事业单位的{}（事业单位自己的岗位等级，不是公务员职务层次）",
                style.strong(&level_with_short(l, short))
            )
        }
        (Some(l), Some(short)) => format!("相当于{}", style.strong(&level_with_short(l, short))),
        _ if s.sequence == Some(Sequence::PoliceRank) => {
            style.warn("警衔是衔级，同一警衔配多个层次的职务，没有单一层次（见可配职务）")
        }
        _ if s.sequence.is_some_and(|q| q.stands_alone()) => {
            style.warn("单独职务序列，法律没有规定对应的职务层次、职级或级别")
        }
        _ => style.warn(&match (s.at, s.cases.is_empty(), s.depends_on.is_some()) {
            (Some(at), _, _) => format!("在{at}无法确定层次"),
            (None, false, _) => "层次取决于所在机构（见下表）".to_string(),
            (None, true, true) => "层次取决于所在机构".to_string(),
            (None, true, false) => "没有法定层次".to_string(),
        }),
    };
    format!("{}：{level}", style.strong(s.name))
}

/// `rankinfo show`.
///
/// ```
/// let data = rankinfo::builtin();
/// let s = data.summary(data.lookup("处长").unwrap());
/// let card = rankinfo::render::summary(&s, Default::default());
/// assert!(card.starts_with("处长：县处级正职（正处级）\n"));
/// ```
pub fn summary(s: &Summary<'_>, style: Style) -> String {
    let mut out = String::new();
    headline(&mut out, style, &answer(s, style));
    let mut items: Vec<(&str, String)> = vec![("类别", kind_text(s))];
    match s.grade {
        Some(g) => items.push(("级别", band(g) + &unless_high(style, s.grade_confidence))),
        None if s.sequence.is_some_and(|q| q.outside_civil_service()) => items.push((
            "级别",
            style.warn("未见来源：事业单位的岗位等级，参考资料未载对应的公务员级别"),
        )),
        None if s.sequence.is_some_and(|q| q.stands_alone()) => {
            items.push(("级别", style.warn("法律未规定")))
        }
        None if s.kind != Kind::Title => items.push(("级别", style.warn("未见来源"))),
        None => {}
    }
    if let Some(g) = s
        .general_equivalent
        .filter(|_| s.sequence != Some(Sequence::General))
    {
        items.push(("对应职级", format!("综合管理类{g}")));
    }
    if let Some(l) = s.min_rank_for {
        items.push(("最低职级", format!("担任{l}领导职务所对应的最低职级")));
    }
    if let Some(p) = s.promotion {
        items.push((
            "晋升",
            format!("任{}满{}年以上方可晋升", join(&p.from, "或"), p.years),
        ));
    }
    if !s.settable_at.is_empty() {
        items.push(("可设置于", s.settable_at.join("；")));
    }
    if let Some(to) = s.converts_to {
        items.push(("套转", format!("2019年6月1日起套转为{to}")));
    }
    if let (Some(d), true) = (s.depends_on, s.cases.is_empty()) {
        items.push(("取决于", d.to_string()));
    }
    if let Some(why) = &s.at_explanation {
        items.push(("依据", why.clone()));
    }
    if !s.insignia.is_empty() {
        let v: Vec<String> = s
            .insignia
            .iter()
            .map(|i| format!("{}：{}", i.post, range(&i.highest, &i.lowest)))
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
            .map(|j| format!("{}{}：{}", j.court, j.post, range(&j.highest, &j.lowest)))
            .collect();
        items.push((
            "1997年配置",
            format!(
                "{}\n（1997年《法官等级暂行规定》的职务编制等级；现在是否仍适用{}）",
                v.join("\n"),
                style.warn("未经证实")
            ),
        ));
    }
    if let Some(e) = s.english {
        items.push(("英文", e.to_string()));
    }
    if !s.notes.is_empty() {
        items.push(("说明", join(s.notes, "\n")));
    }
    items.push((
        "把握",
        certainty_text(style, s.certainty, why_not_high(s.weakest())),
    ));
    fields(&mut out, style, &items);
    if !s.cases.is_empty() {
        out.push('\n');
        // The post's name leads the last column, with its notes: the
        // columns that compare stay narrow.
        let rows: Vec<Vec<String>> = s
            .cases
            .iter()
            .map(|c| {
                let mut note = vec![c.post.to_string()];
                if let Some(n) = c.nominal {
                    note.push(format!("名义{n}"));
                }
                if let Some(o) = c.often {
                    note.push(format!("常高配{o}"));
                }
                note.extend(c.notes.iter().map(|n| n.to_string()));
                vec![
                    c.at.to_string(),
                    c.level.map_or_else(|| style.warn("不明"), str::to_string),
                    c.grade.map(band).unwrap_or_default(),
                    c.certainty.label().to_string(),
                    note.join("；"),
                ]
            })
            .collect();
        out.push_str(&table(
            style,
            &["机构", "层次", "级别", "把握", "职务与说明"],
            &rows,
        ));
    }
    out
}

/// "三级警监至二级警督"; one grade alone when the range is one.
fn range(highest: &str, lowest: &str) -> String {
    if highest == lowest {
        highest.to_string()
    } else {
        format!("{highest}至{lowest}")
    }
}

/// One ladder row as table cells.
fn row_cells(r: &Row<'_>) -> Vec<String> {
    vec![
        level_with_short(r.level, r.short),
        band(r.grade),
        r.general.join("、"),
        r.legacy.join("、"),
    ]
}

/// `rankinfo ladder`.
///
/// ```
/// let data = rankinfo::builtin();
/// let card = rankinfo::render::ladder(&data.ladder(), Default::default());
/// assert!(card.starts_with("领导职务与职级对照（级别1最高、27最低）"));
/// ```
pub fn ladder(rows: &[Row<'_>], style: Style) -> String {
    let mut out = String::from("领导职务与职级对照（级别1最高、27最低）\n");
    let cells: Vec<Vec<String>> = rows.iter().map(row_cells).collect();
    out.push_str(&table(
        style,
        &[
            "领导职务层次",
            "级别",
            "职级（2019年起）",
            "2019年前非领导职务",
        ],
        &cells,
    ));
    out.push_str(&style.dim("专业技术类、行政执法类职级：rankinfo equiv <职级>\n"));
    for line in [
        "执法勤务警员、警务技术（对应未经证实）、事业单位职员：rankinfo equiv <名称>",
        "警衔、法官等级、检察官等级没有规定的对应层次：rankinfo show <名称>",
    ] {
        out.push_str(&style.dim(line));
        out.push('\n');
    }
    out
}

/// `rankinfo equiv`.
///
/// ```
/// let data = rankinfo::builtin();
/// let e = data.equivalents(data.lookup("二级调研员").unwrap()).unwrap();
/// let card = rankinfo::render::equivalents(&e, Default::default());
/// assert!(card.starts_with("二级调研员：与县处级正职（正处级）同一层次"));
/// ```
pub fn equivalents(e: &Equivalents<'_>, style: Style) -> String {
    let r = &e.same_level;
    let mut out = String::new();
    let level = style.strong(&level_with_short(r.level, r.short));
    let line = if e.notes.is_empty() {
        format!("{}：与{level}同一层次", style.strong(e.name))
    } else {
        // A 事业单位 grade: the correspondence, not the civil service.
        format!(
            "{}：对应事业单位的{level}（不是公务员职务层次）",
            style.strong(e.name)
        )
    };
    headline(&mut out, style, &line);
    let mut items = vec![(
        "级别",
        match (e.grade, e.notes.is_empty()) {
            (Some(g), _) => band(g),
            // A 事业单位 grade: no civil-service 级别 stated.
            (None, false) => {
                style.warn("未见来源：事业单位的岗位等级，参考资料未载对应的公务员级别")
            }
            (None, true) => style.warn("未见来源"),
        },
    )];
    if !e.exact.is_empty() {
        items.push(("一一对应", e.exact.join("、")));
    }
    let unsure = |v: &[&str]| {
        if v.is_empty() {
            String::new()
        } else {
            format!("{}{}", v.join("、"), style.warn("（未经证实）"))
        }
    };
    if !e.exact_unconfirmed.is_empty() {
        items.push(("一一对应", unsure(&e.exact_unconfirmed)));
    }
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
    let why = (!e.exact_unconfirmed.is_empty()).then_some("对应未经证实");
    items.push(("把握", certainty_text(style, e.certainty, why)));
    fields(&mut out, style, &items);
    out
}

impl Cites for Equivalents<'_> {
    /// The correspondence is the regulation's table (第十一条): the ladder
    /// data cites it on the levels, not per answer.
    fn source_ids(&self) -> Vec<&str> {
        Vec::new()
    }
}

impl Cites for Vec<Row<'_>> {
    fn source_ids(&self) -> Vec<&str> {
        Vec::new()
    }
}
