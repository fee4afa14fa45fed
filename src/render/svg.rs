//! The dual-track ladder as a chart (`rankinfo ladder --svg`): 级别 1–27
//! down the side, one bar per leadership level and per 职级 spanning its
//! band, the sequences side by side, so that the overlaps show at a glance —
//! the picture trainers put on a slide. Plain SVG 1.1, no script, no
//! external fonts: a CJK font stack the viewer's system resolves.

use crate::data::Dataset;
use crate::schema::{Grade, Sequence};
use std::fmt::Write as _;

const FONTS: &str = "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei','WenQuanYi Micro Hei',sans-serif";
/// One 级别 row, in pixels.
const ROW: u32 = 22;
const BAR: u32 = 24;
const GAP: u32 = 8;
const LEFT: u32 = 56;
const TOP: u32 = 64;
/// Room under the chart for names written top to bottom.
const LABELS: u32 = 150;
/// One colour per leadership level, top to bottom; a 职级 takes the colour
/// of the level it corresponds to.
const COLOURS: [&str; 12] = [
    "#7f1d1d", "#b91c1c", "#c2410c", "#d97706", "#ca8a04", "#65a30d", "#059669", "#0891b2",
    "#2563eb", "#7c3aed", "#a21caf", "#6b7280",
];

/// One bar: a name, its band, the level it corresponds to (for colour).
struct Bar<'a> {
    name: &'a str,
    grade: Grade,
    level_order: Option<u8>,
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The whole chart.
///
/// ```
/// let svg = rankinfo::render::ladder_svg(rankinfo::builtin());
/// assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
/// assert!(svg.contains("县处级正职"));
/// ```
pub fn ladder_svg(data: &Dataset) -> String {
    let levels: Vec<Bar> = data
        .levels()
        .map(|l| Bar {
            name: &l.name,
            grade: l.grade,
            level_order: Some(l.order),
        })
        .collect();
    let ranks = |seq: Sequence| -> Vec<Bar> {
        data.ranks_in(seq)
            .filter_map(|r| {
                let level = data
                    .general_rank(r)
                    .and_then(|g| data.rank_level(g))
                    .or_else(|| data.rank_level(r));
                Some(Bar {
                    name: &r.name,
                    grade: r.grade?,
                    level_order: level.map(|(l, _)| l.order),
                })
            })
            .collect()
    };
    let groups = [
        ("领导职务层次", levels),
        ("综合管理类职级", ranks(Sequence::General)),
        ("专业技术类职级", ranks(Sequence::Professional)),
    ];
    let group_width = |n: usize| n as u32 * (BAR + GAP);
    let width = LEFT
        + groups
            .iter()
            .map(|(_, b)| group_width(b.len()) + 32)
            .sum::<u32>()
        + 16;
    let chart = 27 * ROW;
    let height = TOP + chart + LABELS + 48;
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="{FONTS}" font-size="12">"#
    );
    let _ = writeln!(
        out,
        r#"<rect width="{width}" height="{height}" fill="white"/>"#
    );
    let _ = writeln!(
        out,
        r#"<text x="{LEFT}" y="28" font-size="18" font-weight="bold">领导职务与职级对照：各自对应的级别（1最高、27最低）</text>"#
    );
    // The 级别 axis and a line per row.
    for g in 1..=27u32 {
        let y = TOP + (g - 1) * ROW;
        let _ = writeln!(
            out,
            r##"<line x1="{LEFT}" y1="{y}" x2="{}" y2="{y}" stroke="#e5e7eb"/><text x="{}" y="{}" text-anchor="end" fill="#374151">{g}</text>"##,
            width - 16,
            LEFT - 8,
            y + ROW / 2 + 4
        );
    }
    let _ = writeln!(
        out,
        r##"<text x="12" y="{}" fill="#374151" transform="rotate(-90 12 {})">级别</text>"##,
        TOP + chart / 2,
        TOP + chart / 2
    );
    let mut x = LEFT + 16;
    for (title, bars) in &groups {
        let _ = writeln!(
            out,
            r##"<text x="{x}" y="{}" font-weight="bold" fill="#111827">{}</text>"##,
            TOP - 12,
            escape(title)
        );
        for bar in bars {
            let y = TOP + (u32::from(bar.grade.highest) - 1) * ROW;
            let h = (u32::from(bar.grade.lowest) - u32::from(bar.grade.highest) + 1) * ROW;
            let colour = bar
                .level_order
                .and_then(|o| COLOURS.get(usize::from(o).saturating_sub(1)))
                .unwrap_or(&"#9ca3af");
            let _ = writeln!(
                out,
                r#"<rect class="band" x="{x}" y="{y}" width="{BAR}" height="{h}" rx="3" fill="{colour}" fill-opacity="0.85"><title>{}：级别{}–{}</title></rect>"#,
                escape(bar.name),
                bar.grade.highest,
                bar.grade.lowest
            );
            // The name under the chart, one character a line.
            let _ = write!(
                out,
                r##"<text x="{}" y="{}" text-anchor="middle" fill="#111827">"##,
                x + BAR / 2,
                TOP + chart + 16
            );
            for (i, c) in bar.name.chars().enumerate() {
                let dy = if i == 0 { "0" } else { "1.1em" };
                let _ = write!(
                    out,
                    r#"<tspan x="{}" dy="{dy}">{}</tspan>"#,
                    x + BAR / 2,
                    escape(&c.to_string())
                );
            }
            let _ = writeln!(out, "</text>");
            x += BAR + GAP;
        }
        x += 32;
    }
    let _ = writeln!(
        out,
        r##"<text x="{LEFT}" y="{}" fill="#4b5563">行政执法类职级的级别未见来源，未画出。同一颜色 = 同一领导职务层次。数据版本 {}</text>"##,
        height - 16,
        escape(data.version())
    );
    out.push_str("</svg>\n");
    out
}
