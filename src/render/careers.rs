//! `rankinfo path` and `rankinfo kaohe` in Chinese: the answer first, plain
//! sentences, no source ids (those are in the JSON).

use super::{Cites, Style, certainty_text, fields, headline, table, why_not_high};
use crate::careers::kaohe::Kaohe;
use crate::careers::path::{Path, years_text};
use crate::schema::Confidence;
use crate::schema::careers::Fact;
use std::fmt::Write as _;

/// 未经证实, said after a fact that is; nothing for the others (their
/// confidence is in the JSON).
fn flag(style: Style, c: Confidence) -> String {
    if c == Confidence::Unconfirmed {
        style.warn("（未经证实）")
    } else {
        String::new()
    }
}

fn unconfirmed(style: Style) -> String {
    style.warn("未经证实")
}

impl Cites for Path<'_> {
    fn source_ids(&self) -> Vec<&str> {
        let steps = self.steps.iter().flat_map(|s| s.sources.iter());
        let rules = self.conditions.iter().flat_map(|f| f.sources.iter());
        steps.chain(rules).map(|s| &**s).collect()
    }
}

impl Cites for Kaohe {
    fn source_ids(&self) -> Vec<&str> {
        [
            &self.kinds,
            &self.results,
            &self.leaders,
            &self.judicial,
            &self.institution,
        ]
        .into_iter()
        .flatten()
        .flat_map(|f| f.sources.iter())
        .map(|s| &**s)
        .collect()
    }
}

/// "任职年限" as the answer says it.
fn years(y: Option<u8>, style: Style) -> String {
    match y {
        Some(y) => format!("{y}年"),
        None => style.warn("年限未见规定"),
    }
}

/// A fact as one line: its text, 未经证实 where it is.
fn fact_line(f: &Fact, style: Style) -> String {
    let mut line = format!("{}{}", f.text, flag(style, f.confidence));
    for n in f.notes.iter().filter(|n| n.contains("未经证实")) {
        let _ = write!(line, "；{}", style.warn(n));
    }
    line
}

/// `rankinfo path`.
pub fn path(p: &Path<'_>, style: Style) -> String {
    let mut out = String::new();
    if p.steps.is_empty() {
        let verdict = if p.from == p.to {
            "同一级，无需晋升"
        } else {
            "没有规定的晋升路径"
        };
        headline(
            &mut out,
            style,
            &style.strong(&format!("{} → {}：{verdict}", p.from, p.to)),
        );
        fields(
            &mut out,
            style,
            &[
                ("说明", p.notes.join("\n")),
                ("把握", certainty_text(style, p.certainty, None)),
            ],
        );
        return out;
    }
    let total = match p.total_years {
        Some(t) => format!("最低任职年限合计{t}年"),
        None => "部分步骤的年限未见规定".to_string(),
    };
    headline(
        &mut out,
        style,
        &format!(
            "{}{}",
            style.strong(&format!(
                "{} → {}：{}步，{total}",
                p.from,
                p.to,
                p.steps.len()
            )),
            flag(style, p.confidence)
        ),
    );
    let rows: Vec<Vec<String>> = p
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            vec![
                format!("{}", i + 1),
                format!("{} → {}", s.from, s.to),
                years(s.years, style),
                if s.confidence == Confidence::Unconfirmed {
                    unconfirmed(style)
                } else {
                    String::new()
                },
            ]
        })
        .collect();
    out.push_str(&table(style, &["步", "晋升", "最低年限", ""], &rows));
    let mut items: Vec<(&str, String)> = Vec::new();
    if let Some(e) = &p.earliest {
        let mut v = format!(
            "已任{}年（优秀{}年，基本称职或不定等次{}年）",
            years_text(e.served.years),
            e.served.excellent,
            e.served.not_counted
        );
        match (e.first_step, e.required) {
            (Some(f), Some(r)) => {
                let first = &p.steps[0];
                if f <= 0.0 {
                    let _ = write!(
                        v,
                        "：晋升{}的年限要求（{}年）已满足，最早现在即具备资格",
                        first.to,
                        years_text(r)
                    );
                } else {
                    let _ = write!(
                        v,
                        "：晋升{}最早还需{}年（要求{}年，已计{}年）",
                        first.to,
                        years_text(f),
                        years_text(r),
                        years_text(e.counted)
                    );
                    if let Some(on) = e.first_step_on {
                        let _ = write!(v, "，最早{on}");
                    }
                }
                if let Some(t) = e.total {
                    if p.steps.len() > 1 {
                        let _ = write!(v, "\n到{}最早还需{}年", p.to, years_text(t));
                        if let Some(on) = e.total_on {
                            let _ = write!(v, "，最早{on}");
                        }
                        v.push_str("（此后每年都称职以上）");
                    }
                }
            }
            _ => v.push_str("：第一步的年限未见规定，无法推算"),
        }
        v.push_str("\n这是最早具备资格的时间，不是晋升时间");
        items.push(("最早", v));
    }
    // Where each 职级 may be set, said again only where it changes.
    let mut groups: Vec<(&str, &str, &Vec<&str>)> = Vec::new();
    for s in p.steps.iter().filter(|s| !s.settable_at.is_empty()) {
        match groups.last_mut() {
            Some(g) if g.2 == &s.settable_at => g.1 = s.to,
            _ => groups.push((s.to, s.to, &s.settable_at)),
        }
    }
    let set: Vec<String> = groups
        .iter()
        .map(|(first, last, units)| {
            let ranks = if first == last {
                first.to_string()
            } else {
                format!("{first}至{last}")
            };
            format!("{ranks}：{}", units.join("；"))
        })
        .collect();
    if !set.is_empty() {
        items.push(("可设置于", set.join("\n")));
    }
    let rules: Vec<String> = p.steps.iter().map(|s| s.rule.clone()).collect();
    items.push(("依据", dedup(rules).join("\n")));
    let conditions: Vec<String> = p
        .conditions
        .iter()
        .map(|f| format!("{}：{}{}", f.label, f.text, flag(style, f.confidence)))
        .collect();
    if !conditions.is_empty() {
        items.push(("条件", conditions.join("\n")));
    }
    // Said once: the step notes on years, and the caveats of the rules
    // (2014 wording …), each of which would repeat on every line.
    let unsure: Vec<String> = p
        .steps
        .iter()
        .flat_map(|s| s.notes.iter())
        .filter(|n| n.contains("未经证实") && n.contains("年限"))
        .chain(
            p.conditions
                .iter()
                .flat_map(|f| f.notes.iter())
                .filter(|n| n.contains("未经证实")),
        )
        .map(|n| n.to_string())
        .collect();
    if !unsure.is_empty() {
        items.push(("未经证实", style.warn(&dedup(unsure).join("\n"))));
    }
    if !p.notes.is_empty() {
        items.push(("注意", p.notes.join("\n")));
    }
    items.push((
        "把握",
        certainty_text(style, p.certainty, why_not_high(p.confidence)),
    ));
    fields(&mut out, style, &items);
    out
}

fn dedup(mut v: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::BTreeSet::new();
    v.retain(|x| seen.insert(x.clone()));
    v
}

/// `rankinfo kaohe`.
pub fn kaohe(k: &Kaohe, style: Style) -> String {
    let mut out = String::new();
    headline(
        &mut out,
        style,
        &style.strong("公务员考核：考德、能、勤、绩、廉，重点是政治素质和工作实绩；年度考核定优秀、称职、基本称职、不称职四个等次"),
    );
    let section = |out: &mut String, title: &str, facts: &[&Fact]| {
        let _ = writeln!(out, "\n{}", style.strong(title));
        let items: Vec<(&str, String)> = facts
            .iter()
            .map(|f| (&*f.label, fact_line(f, style)))
            .collect();
        fields(out, style, &items);
    };
    section(&mut out, "考核方式", &k.kinds);
    section(&mut out, "等次与后果", &k.results);
    section(
        &mut out,
        "领导干部（《党政领导干部考核工作条例》）",
        &k.leaders,
    );
    section(&mut out, "法官、检察官", &k.judicial);
    section(&mut out, "事业单位工作人员", &k.institution);
    out.push('\n');
    fields(
        &mut out,
        style,
        &[(
            "把握",
            format!(
                "{}（标明未经证实的各条除外）",
                certainty_text(style, k.certainty, None)
            ),
        )],
    );
    out
}
