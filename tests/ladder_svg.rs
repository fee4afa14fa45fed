//! `rankinfo ladder --svg`: a well-formed chart whose bars span the 级别
//! bands of legal_facts §3 (levels) and §2a/§3b (职级).

mod common;

use common::run;

/// The band a bar covers, read back from its geometry (row 22 px, top 64).
fn band(node: roxmltree::Node) -> (u32, u32) {
    let num = |a: &str| node.attribute(a).unwrap().parse::<u32>().unwrap();
    let highest = (num("y") - 64) / 22 + 1;
    (highest, highest + num("height") / 22 - 1)
}

#[test]
fn the_chart_parses_and_its_bars_span_the_reference_bands() {
    let dir = std::env::temp_dir().join(format!("rankinfo-svg-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("ladder.svg");
    let o = run(&["ladder", "--svg", path.to_str().unwrap()]);
    assert!(o.status.success() && o.stdout.is_empty());
    let text = std::fs::read_to_string(&path).unwrap();
    let doc = roxmltree::Document::parse(&text).expect("well-formed SVG");
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    assert!(
        doc.root_element()
            .attribute("font-family")
            .unwrap()
            .contains("Noto Sans CJK SC")
    );
    let bars: Vec<(String, (u32, u32))> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("band"))
        .map(|n| {
            let title = n.children().find(|c| c.has_tag_name("title")).unwrap();
            let name = title
                .text()
                .unwrap()
                .split('：')
                .next()
                .unwrap()
                .to_string();
            (name, band(n))
        })
        .collect();
    // 12 levels, 12 综合管理类 and 11 专业技术类 职级 (行政执法类: no band known).
    assert_eq!(bars.len(), 35);
    let of = |name: &str| bars.iter().find(|(n, _)| n == name).map(|(_, b)| *b);
    assert_eq!(of("国家级正职"), Some((1, 1)));
    assert_eq!(of("县处级正职"), Some((12, 18)));
    assert_eq!(of("办事员级"), Some((19, 27)));
    assert_eq!(of("一级调研员"), Some((11, 17)));
    assert_eq!(of("二级科员"), Some((19, 27)));
    assert_eq!(of("一级高级主管"), Some((11, 17)));
    assert_eq!(of("一级高级主办"), None);
    // To standard output with `-`.
    assert!(common::stdout(&run(&["ladder", "--svg", "-"])).starts_with("<svg"));
    let _ = std::fs::remove_dir_all(dir);
}
