//! `--data` files and `rankinfo data check|info|export`.

use crate::{EXIT_IO, json};
use rankinfo::Dataset;
use rankinfo::render;
use std::io::Write;
use std::process::ExitCode;

/// The built-in data with the user's files merged over it, in order.
pub(crate) fn with_files(files: &[std::path::PathBuf]) -> Result<Dataset, rankinfo::DataErrors> {
    let mut data = rankinfo::builtin().clone();
    for path in files {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| {
            rankinfo::DataErrors(vec![rankinfo::DataError {
                file: name.clone(),
                line: 0,
                column: 0,
                message: e.to_string(),
            }])
        })?;
        data = data.with_overlay(&name, &text)?;
    }
    Ok(data)
}

/// Every problem of a data file, one a line (file:line:column: message),
/// and exit 3: nothing was answered from half-applied data.
pub(crate) fn report(errs: &[rankinfo::DataError]) -> ExitCode {
    let mut err = std::io::stderr();
    for e in errs {
        let _ = writeln!(err, "{}", render::escape_controls(&e.to_string()));
    }
    let _ = writeln!(err, "rankinfo: 数据文件有 {} 处问题，未使用", errs.len());
    ExitCode::from(EXIT_IO as u8)
}

/// `rankinfo data info`.
pub(crate) fn info(data: &Dataset, as_json: bool) -> String {
    let sources: Vec<&rankinfo::schema::Source> = data
        .ranks
        .sources
        .iter()
        .chain(data.organisations.sources.iter())
        .chain(data.address.sources.iter())
        .chain(rankinfo::careers::builtin().sources.iter())
        .collect();
    if as_json {
        return json(&serde_json::json!({
            "version": data.version(),
            "levels": data.ranks.levels.len(),
            "ranks": data.ranks.ranks.len(),
            "titles": data.ranks.titles.len(),
            "organs": data.organisations.organs.len(),
            "places": data.places.places.place.len(),
            "address_rules": data.address.rules.len(),
            "sources": sources,
        }));
    }
    let mut out = format!(
        "数据版本 {}\n  层次 {}，职级 {}，职务 {}，机构 {}，行政区划 {}，称呼规则 {}\n  来源 {} 个：\n",
        data.version(),
        data.ranks.levels.len(),
        data.ranks.ranks.len(),
        data.ranks.titles.len(),
        data.organisations.organs.len(),
        data.places.places.place.len(),
        data.address.rules.len(),
        sources.len()
    );
    for s in sources {
        out.push_str(&format!("    {}\n", s.title));
    }
    out
}

/// `rankinfo data export --csv`: every level, rank and title, one a row.
pub(crate) fn export_csv(data: &Dataset) -> String {
    fn field(s: &str) -> String {
        if s.contains([',', '"', '\n']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    }
    let mut out =
        String::from("name,kind,level,grade_highest,grade_lowest,english,confidence,sources\n");
    let mut row = |name: &str,
                   kind: &str,
                   level: Option<&str>,
                   grade: Option<rankinfo::schema::Grade>,
                   english: Option<&str>,
                   confidence: rankinfo::schema::Confidence,
                   sources: &[rankinfo::schema::Text]| {
        let g = |f: fn(&rankinfo::schema::Grade) -> u8| {
            grade.map(|x| f(&x).to_string()).unwrap_or_default()
        };
        let sources: Vec<&str> = sources.iter().map(|s| &**s).collect();
        out.push_str(
            &[
                field(name),
                kind.to_string(),
                field(level.unwrap_or("")),
                g(|x| x.highest),
                g(|x| x.lowest),
                field(english.unwrap_or("")),
                format!("{confidence:?}").to_lowercase(),
                field(&sources.join(" ")),
            ]
            .join(","),
        );
        out.push('\n');
    };
    for l in data.levels() {
        row(
            &l.name,
            "level",
            Some(&l.name),
            Some(l.grade),
            Some(&l.english),
            l.confidence,
            &l.sources,
        );
    }
    for r in data.ranks.ranks.iter() {
        let level = data.rank_level(r).map(|(l, _)| &*l.name);
        row(
            &r.name,
            "rank",
            level,
            r.grade,
            r.english.as_deref(),
            r.confidence,
            &r.sources,
        );
    }
    for t in data.ranks.titles.iter() {
        row(
            &t.name,
            "title",
            t.level.as_deref(),
            None,
            t.english.as_deref(),
            t.confidence,
            &t.sources,
        );
    }
    out
}
