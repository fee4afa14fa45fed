//! The `rankinfo` command: parse arguments, ask the library, print.

use clap::{Args, Parser, Subcommand, ValueEnum};
use rankinfo::address::Person;
use rankinfo::render::{self, Style};
use rankinfo::{Dataset, LookupError};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

mod batch;
mod input;

/// `rankinfo --version`: the program and the data it carries.
const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    "（数据 ",
    env!("RANKINFO_DATA_VERSION"),
    "）"
);

/// Exit codes: 0 answered (an ambiguous comparison is an answer), 1 unknown
/// name, 2 usage error (clap's own), 3 input or output failed.
const EXIT_UNKNOWN: u8 = 1;
const EXIT_IO: i32 = 3;

#[derive(Parser)]
#[command(name = "rankinfo", version = VERSION, about = "中国公务员职务、职级、级别速查：层次、对应关系与比较", long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// 输出 JSON（供其他工具使用；字段只增不改）
    #[arg(long, global = true)]
    json: bool,
    /// 何时使用颜色
    #[arg(long, global = true, value_enum, default_value_t = Color::Auto)]
    color: Color,
}

#[derive(Subcommand)]
enum Command {
    /// 查看一个职务、职级或层次：层次、级别、来源
    Show {
        /// 名称，如 处长、二级巡视员、正处级、Division Director
        name: String,
        #[command(flatten)]
        at: AtArg,
    },
    /// 比较两个职务或职级的高低，并说明理由
    Compare {
        a: String,
        b: String,
        #[command(flatten)]
        at: AtArg,
    },
    /// 跨序列的对应关系：领导职务层次、各类职级、2019年前职务
    Equiv { name: String },
    /// 整个领导职务与职级对照表
    Ladder,
    /// 解读真实的职务全称（如“广东省深圳市南山区发展和改革局副局长”）；不给参数则逐行读标准输入
    Resolve {
        /// 职务全称；多个职务可用、，;分隔；不给或给 - 则逐行读标准输入
        text: Option<String>,
        /// 输出格式：text（中文说明）、json（同 --json）、tsv（输入、层次、把握、职务、机构，每行一条，供管道使用）
        #[arg(long, value_enum)]
        format: Option<LineFormat>,
    },
    /// 批量标注联系人表（CSV、TSV、JSON Lines、Excel）：每行加上层次、级别、资历序号、把握、称呼
    Batch(batch::BatchArgs),
    /// 怎么称呼：当面、书面、介绍、英文，以及不要说的话
    Address {
        /// 职务或职级，如 副局长、调研员、县委书记
        title: String,
        #[command(flatten)]
        person: PersonArgs,
        #[command(flatten)]
        at: AtArg,
    },
    /// 拜访前一屏速览：层次、级别、上下级、称呼、禁忌、依据
    Brief {
        /// 职务或职级，如 副局长、二级巡视员
        title: String,
        #[command(flatten)]
        person: PersonArgs,
        #[command(flatten)]
        at: AtArg,
    },
}

/// The kind of organisation, when the full name is not known.
#[derive(Args)]
struct AtArg {
    /// 所在机构类别，如 地级市、副省级市、县、部委内设机构（知道机构类别而不知全称时用）
    #[arg(long, value_name = "机构类别")]
    at: Option<String>,
}

impl AtArg {
    /// The context name, checked against the data.
    fn context<'a>(&self, data: &'a Dataset) -> Result<Option<&'a str>, LookupError> {
        self.at
            .as_deref()
            .map(|a| data.context(a).map(|c| &*c.name))
            .transpose()
    }
}

/// Who is being addressed.
#[derive(Args)]
struct PersonArgs {
    /// 姓，如 王（不填则用 × 代替）
    #[arg(long)]
    surname: Option<String>,
    /// 名，如 晓明
    #[arg(long)]
    given_name: Option<String>,
    /// 单位正职与其同姓（副职改称 名 + 职务）
    #[arg(long)]
    same_surname_as_head: bool,
}

impl PersonArgs {
    fn person(&self) -> Person {
        Person {
            surname: self.surname.clone(),
            given_name: self.given_name.clone(),
            same_surname_as_head: self.same_surname_as_head,
        }
    }
}

/// How `resolve` prints each answer.
#[derive(Clone, Copy, PartialEq, ValueEnum)]
enum LineFormat {
    Text,
    Json,
    Tsv,
}

#[derive(Clone, Copy, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

fn style(choice: Color) -> Style {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let color = match choice {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => !no_color && std::io::stdout().is_terminal(),
    };
    Style { color }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let data = rankinfo::builtin();
    let style = style(cli.color);
    match run(data, &cli, style) {
        Ok(text) => emit(&text),
        Err(err) => {
            if cli.json {
                emit(&json(&err));
            }
            let message = err.to_string();
            let _ = writeln!(
                std::io::stderr(),
                "rankinfo: {}",
                render::escape_controls(&message)
            );
            // A full title with its organisation is for `resolve`.
            if let LookupError::Unknown { input, .. } = &err {
                if data.resolve(input).level.is_some() {
                    let _ = writeln!(
                        std::io::stderr(),
                        "提示：这像是带机构的职务全称，可用 rankinfo resolve \"{input}\" 解读"
                    );
                }
            }
            ExitCode::from(EXIT_UNKNOWN)
        }
    }
}

fn run(data: &Dataset, cli: &Cli, style: Style) -> Result<String, LookupError> {
    let json_out = cli.json;
    Ok(match &cli.command {
        Command::Show { name, at } => {
            let entry = match data.lookup(name) {
                Ok(e) => e,
                // A full title (市委常委, 深圳市南山区区长): the reader's answer.
                Err(err) => {
                    let r = data.resolve(name);
                    if r.title.is_none() && r.rank.is_none() && r.level.is_none() {
                        return Err(err);
                    }
                    return Ok(answer(json_out, &r, |x| render::resolution(x, style)));
                }
            };
            let s = match at.context(data)? {
                Some(ctx) => data.summary_at(entry, ctx),
                None => data.summary(entry),
            };
            answer(json_out, &s, |x| render::summary(x, style))
        }
        Command::Compare { a, b, at } => {
            let c = rankinfo::compare::compare_at(data, a, b, at.context(data)?)?;
            answer(json_out, &c, |x| render::comparison(x, style))
        }
        Command::Equiv { name } => {
            // A full title: the equivalents of the level the reader gives it.
            let entry = match data.lookup(name) {
                Ok(e) => e,
                Err(err) => match data.resolve(name).level {
                    Some(l) => rankinfo::Entry::Level(l),
                    None => return Err(err),
                },
            };
            match data.equivalents(entry) {
                Some(e) => answer(json_out, &e, |x| render::equivalents(x, style)),
                // A context-dependent title has no single rung: show its cases.
                None => {
                    let s = data.summary(entry);
                    answer(json_out, &s, |x| render::summary(x, style))
                }
            }
        }
        Command::Resolve {
            text: Some(text),
            format,
        } if text != "-" => {
            let r = data.resolve(text);
            match line_format(json_out, *format) {
                LineFormat::Tsv => {
                    let mut buf = Vec::new();
                    r.write_tsv(&mut buf);
                    String::from_utf8_lossy(&buf).into_owned()
                }
                f => answer(f == LineFormat::Json, &r, |x| render::resolution(x, style)),
            }
        }
        // No text, or `-`: one title per line on standard input.
        Command::Resolve { format, .. } => {
            if std::io::stdin().is_terminal() {
                let _ = writeln!(
                    std::io::stderr(),
                    "rankinfo: 逐行读取标准输入（每行一个职务）；输入结束按 Ctrl-D（Windows 上 Ctrl-Z 回车）"
                );
            }
            return match resolve_lines(data, line_format(json_out, *format), style) {
                Ok(()) => Ok(String::new()),
                // `rankinfo resolve < list | head`: the reader left; not an error.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(String::new()),
                Err(e) => {
                    let _ = writeln!(std::io::stderr(), "rankinfo: {e}");
                    std::process::exit(EXIT_IO)
                }
            };
        }
        Command::Batch(args) => {
            return match batch::run(data, args, json_out) {
                Ok(()) => Ok(String::new()),
                Err(code) => std::process::exit(i32::from(code)),
            };
        }
        Command::Ladder => {
            let rows = data.ladder();
            answer(json_out, &rows, |x| render::ladder(x, style))
        }
        Command::Address { title, person, at } => {
            let a = match at.context(data)? {
                Some(ctx) => data.address_at(title, &person.person(), ctx)?,
                None => data.address(title, &person.person())?,
            };
            answer(json_out, &a, |x| render::address(x, style))
        }
        Command::Brief { title, person, at } => {
            let b = match at.context(data)? {
                Some(ctx) => data.brief_at(title, &person.person(), ctx)?,
                None => data.brief(title, &person.person())?,
            };
            answer(json_out, &b, |x| render::brief(x, style))
        }
    })
}

/// `--format` decides; `--json` alone means JSON.
fn line_format(json: bool, format: Option<LineFormat>) -> LineFormat {
    match format {
        Some(f) => f,
        None if json => LineFormat::Json,
        None => LineFormat::Text,
    }
}

fn json(value: &impl serde::Serialize) -> String {
    // Serialising these plain structs cannot fail.
    serde_json::to_string_pretty(value).unwrap_or_default() + "\n"
}

/// An answer as JSON, or through its Chinese renderer (not run for JSON).
fn answer<T: serde::Serialize>(
    json_out: bool,
    value: &T,
    human: impl FnOnce(&T) -> String,
) -> String {
    if json_out { json(value) } else { human(value) }
}

/// Print to stdout; a closed pipe (`rankinfo ladder | head`) is not an error.
fn emit(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        // /dev/full, a disk that filled: said, and exit 3 as documented.
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "rankinfo: 无法写出结果：{e}");
            ExitCode::from(EXIT_IO as u8)
        }
    }
}

/// `rankinfo resolve` over standard input, one title per line, streamed:
/// every input line gets one output block (JSON Lines with `--json`), so no
/// row is lost. The encoding is detected ([`input`]) and said on stderr when
/// it is not UTF-8, with the lines whose bytes did not decode.
fn resolve_lines(data: &Dataset, format: LineFormat, style: Style) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut lines = input::Lines::new(std::io::stdin().lock())?;
    if lines.encoding != encoding_rs::UTF_8 {
        let _ = writeln!(
            std::io::stderr(),
            "rankinfo: 输入不是 UTF-8，按 {} 解码",
            lines.encoding.name()
        );
    }
    // One buffer for every answer: the fast writer appends to it, and it
    // is written out in large blocks (passed through the BufWriter uncopied).
    let mut buf = Vec::with_capacity(256 * 1024);
    while let Some(line) = lines.next_line()? {
        let r = data.resolve(line);
        if buf.len() >= 128 * 1024 {
            out.write_all(&buf)?;
            buf.clear();
        }
        match format {
            LineFormat::Json => {
                r.write_json(&mut buf);
                buf.push(b'\n');
            }
            LineFormat::Tsv => r.write_tsv(&mut buf),
            LineFormat::Text => buf.extend_from_slice(render::resolution(&r, style).as_bytes()),
        }
    }
    out.write_all(&buf)?;
    out.flush()?;
    if !lines.malformed.is_empty() {
        let shown: Vec<String> = lines
            .malformed
            .iter()
            .take(10)
            .map(|n| n.to_string())
            .collect();
        let _ = writeln!(
            std::io::stderr(),
            "rankinfo: {} 行含无法解码的字节（已替换为 �）：第 {} 行{}",
            lines.malformed.len(),
            shown.join("、"),
            if lines.malformed.len() > 10 {
                "……"
            } else {
                ""
            }
        );
    }
    Ok(())
}
