//! The `rankinfo` command: parse arguments, ask the library, print.

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use rankinfo::address::Person;
use rankinfo::render::{self, Style};
use rankinfo::{Dataset, LookupError};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

mod answer;
mod batch;
mod data;
mod input;
#[cfg(feature = "serve")]
mod serve;

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
#[command(name = "rankinfo", version = VERSION, about = "中国公务员职务、职级、级别速查：层次、对应关系、比较与称呼", long_about = None,
    after_help = "例子：\n  rankinfo show 处长\n  rankinfo compare 县委书记 合肥市财政局局长\n  rankinfo resolve 广东省深圳市南山区发展和改革局副局长\n  rankinfo address 副县长 --surname 王\n  rankinfo brief 二级巡视员 --surname 李\n  rankinfo path 四级主任科员 二级主任科员 --served 1.5 --excellent 1\n  rankinfo kaohe\n\n退出码：0 已回答，1 名称未知，2 用法错误，3 读写失败")]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// 输出 JSON（供其他工具使用；字段只增不改）
    #[arg(long, global = true)]
    json: bool,
    /// 列出依据的来源（法规名称和条款，或网页）
    #[arg(long, short = 'v', global = true)]
    sources: bool,
    /// 叠加自己的数据文件（格式同 data/，见 docs/data-format.md）；可多次给出
    #[arg(long = "data", global = true, value_name = "FILE")]
    data: Vec<std::path::PathBuf>,
    /// 何时使用颜色（也遵从 NO_COLOR 环境变量）
    #[arg(long, global = true, value_enum, default_value_t = Color::Auto)]
    color: Color,
}

// Each command's arguments are described only when that command runs: building
// all of them was most of clap's share of a short command's start-up.
#[derive(Subcommand)]
#[command(defer = true)]
enum Command {
    /// 查看一个职务、职级或层次：层次、级别、类别
    #[command(
        after_help = "例子：\n  rankinfo show 处长\n  rankinfo show 二级巡视员\n  rankinfo show 局长              # 取决于机构：逐类列出\n  rankinfo show 局长 --at 地级市\n  rankinfo show 深圳市南山区区长    # 职务全称也可以"
    )]
    Show {
        /// 名称，如 处长、二级巡视员、正处级、Division Director，或职务全称；- 读标准输入
        name: String,
        #[command(flatten)]
        at: AtArg,
    },
    /// 比较两个职务或职级的高低，并说明理由
    #[command(
        after_help = "例子：\n  rankinfo compare 调研员 处长\n  rankinfo compare 县委书记 合肥市财政局局长\n  rankinfo compare 局长 处长 --at 副省级市"
    )]
    Compare {
        /// 第一个职务、职级或职务全称；- 读标准输入的一行
        a: String,
        /// 第二个职务、职级或职务全称；- 读标准输入的一行
        b: String,
        #[command(flatten)]
        at: AtArg,
    },
    /// 跨序列的对应关系：领导职务层次、各类职级、2019年前职务
    #[command(
        after_help = "例子：\n  rankinfo equiv 一级调研员\n  rankinfo equiv 一级高级主管\n  rankinfo equiv 调研员"
    )]
    Equiv {
        /// 职级、职务或层次，如 一级调研员、处长、正处级；- 读标准输入
        name: String,
    },
    /// 整个领导职务与职级对照表
    #[command(
        after_help = "例子：\n  rankinfo ladder\n  rankinfo ladder --json\n  rankinfo ladder --svg 对照图.svg     # 级别1–27与各序列的对照图，可放进幻灯片"
    )]
    Ladder {
        /// 另存为 SVG 图：每个领导职务层次和职级一根柱，标出其级别范围；- 写到标准输出
        #[arg(long, value_name = "FILE")]
        svg: Option<std::path::PathBuf>,
    },
    /// 解读真实的职务全称（如“广东省深圳市南山区发展和改革局副局长”）；不给参数则逐行读标准输入
    #[command(
        after_help = "例子：\n  rankinfo resolve 广东省深圳市南山区发展和改革局副局长\n  rankinfo resolve \"县委副书记、县长（主持工作）\"\n  rankinfo resolve < 名单.txt          # 每行一个，逐行作答\n  rankinfo resolve --json < 名单.txt   # JSON Lines"
    )]
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
    #[command(
        after_help = "例子：\n  rankinfo address 副局长 --surname 王\n  rankinfo address 县长 --surname 付 --given-name 建国\n  rankinfo address 一级调研员 --surname 李\n  rankinfo address 市委常委、宣传部部长 --surname 王"
    )]
    Address {
        /// 职务、职级或职务全称，如 副局长、调研员、县委书记；- 读标准输入
        title: String,
        #[command(flatten)]
        person: PersonArgs,
        #[command(flatten)]
        at: AtArg,
    },
    /// 晋升路径：每一步的最低任职年限、合计、条件；给出已任年限可推算最早具备资格的时间
    #[command(
        after_help = "例子：\n  rankinfo path 四级主任科员 二级主任科员 --served 1.5 --excellent 1\n  rankinfo path 二级调研员 二级巡视员 --since 2023-06\n  rankinfo path 县处级副职 厅局级正职\n  rankinfo path 二级警员（警衔） 一级警督"
    )]
    Path {
        /// 现任职级或领导职务层次，如 四级主任科员、县处级副职
        from: String,
        /// 目标职级或层次，如 二级调研员、厅局级正职
        to: String,
        /// 现职级（职务）已任年数，可带小数，如 1.5
        #[arg(long, value_name = "年", conflicts_with = "since")]
        served: Option<f64>,
        /// 或：任现职级（职务）的起始年月，如 2023-06（按今天推算已任年数）
        #[arg(long, value_name = "年-月")]
        since: Option<String>,
        /// 其中年度考核为优秀的年数（每年缩短半年，第十九条）
        #[arg(long, value_name = "N")]
        excellent: Option<u32>,
        /// 其中基本称职或不定等次的年数（该年不计入年限，第十九条）
        #[arg(long, value_name = "N")]
        not_counted: Option<u32>,
    },
    /// 考核制度一屏速览：方式、等次及其后果、领导干部考什么（德能勤绩廉、政绩）
    #[command(
        visible_alias = "assessment",
        after_help = "例子：\n  rankinfo kaohe\n  rankinfo assessment --json"
    )]
    Kaohe,
    /// 拜访前一屏速览：层次、称呼、禁忌、上下级
    #[command(
        after_help = "例子：\n  rankinfo brief 深圳市南山区区长 --surname 王\n  rankinfo brief 二级巡视员 --surname 李\n  rankinfo brief 副局长 --at 地级市"
    )]
    Brief {
        /// 职务、职级或职务全称，如 副局长、二级巡视员；- 读标准输入
        title: String,
        #[command(flatten)]
        person: PersonArgs,
        #[command(flatten)]
        at: AtArg,
    },
    /// 数据：检查自己的数据文件、查看版本与来源、导出全部数据
    #[command(subcommand)]
    Data(DataCommand),
    /// 启动本机网络服务：查询网页（/）与 JSON API（/v1/）；无身份验证
    #[cfg(feature = "serve")]
    #[command(
        after_help = "例子：\n  rankinfo serve                       # http://127.0.0.1:8080/\n  rankinfo serve --addr 127.0.0.1:9000\n  rankinfo serve --data 本单位职务.toml\n\nAPI：/v1/resolve?q=  /v1/show?name=&at=  /v1/compare?a=&b=&at=  /v1/equiv?name=\n     /v1/address?title=&surname=&given_name=&at=  /v1/brief?…  /v1/ladder\n     POST /v1/resolve（JSON 数组或每行一个）  /v1/health  /v1/version\n服务没有身份验证：只在本机或团队内网使用。Ctrl-C 或 SIGTERM 停止。"
    )]
    Serve {
        /// 监听地址（默认只在本机）；0.0.0.0:8080 对网络开放
        #[arg(long, default_value = "127.0.0.1:8080", value_name = "IP:PORT")]
        addr: String,
    },
    /// 生成命令行补全脚本（bash、zsh、fish、powershell、elvish）
    #[command(
        after_help = "例子：\n  rankinfo completions bash > /etc/bash_completion.d/rankinfo\n  rankinfo completions zsh > ~/.zfunc/_rankinfo"
    )]
    Completions {
        /// 哪种 shell
        shell: clap_complete::Shell,
    },
    /// 生成 man 手册页（roff 格式）
    #[command(after_help = "例子：\n  rankinfo man > rankinfo.1 && man ./rankinfo.1")]
    Man,
}

#[derive(Subcommand)]
enum DataCommand {
    /// 只检查数据文件（不作答）：逐条报告问题的文件、行、列
    #[command(after_help = "例子：\n  rankinfo data check 本单位职务.toml")]
    Check {
        /// 要检查的文件（格式同 data/）
        files: Vec<std::path::PathBuf>,
    },
    /// 数据版本、各类条目数与全部来源
    Info,
    /// 导出全部数据（JSON，或职务、职级、层次一览的 CSV）
    #[command(
        after_help = "例子：\n  rankinfo data export --csv > 职务职级.csv\n  rankinfo data export --json > rankinfo.json"
    )]
    Export {
        /// CSV：每个职务、职级、层次一行
        #[arg(long)]
        csv: bool,
    },
}

// The kind of organisation, when the full name is not known. (A plain
// comment: with deferred commands, a doc comment here would become the
// "about" of every command that flattens it.)
#[derive(Args)]
struct AtArg {
    /// 所在机构类别，如 地级市、副省级市、县、部委内设机构（知道机构类别而不知全称时用）
    #[arg(long, value_name = "机构类别")]
    at: Option<String>,
}

// Who is being addressed (a plain comment, as for `AtArg`).
#[derive(Args)]
struct PersonArgs {
    /// 姓，如 王（不填则以“王”为例）
    #[arg(long)]
    surname: Option<String>,
    /// 名，如 晓明
    #[arg(long)]
    given_name: Option<String>,
    /// 单位正职与其同姓（副职改称 名 + 职务）
    #[arg(long)]
    same_surname_as_head: bool,
    /// 现为职级者原任的领导职务，如 局长（按原职务称呼）
    #[arg(long, value_name = "TITLE")]
    former: Option<String>,
}

impl PersonArgs {
    fn person(&self) -> Person {
        Person {
            surname: self.surname.clone(),
            given_name: self.given_name.clone(),
            same_surname_as_head: self.same_surname_as_head,
            former_title: self.former.clone(),
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
    // anstream applies the conventions of https://no-color.org and
    // https://bixense.com/clicolors: NO_COLOR wins, then CLICOLOR_FORCE; a
    // pipe, a dumb terminal or CLICOLOR=0 gets none.
    anstream::ColorChoice::write_global(match choice {
        Color::Auto => anstream::ColorChoice::Auto,
        Color::Always => anstream::ColorChoice::Always,
        Color::Never => anstream::ColorChoice::Never,
    });
    let stdout = std::io::stdout();
    let color = anstream::AutoStream::choice(&stdout) != anstream::ColorChoice::Never;
    let terminal = stdout.is_terminal();
    // The terminal's width; never wider than 100 columns otherwise.
    let width = terminal_size::terminal_size()
        .filter(|_| terminal)
        .map_or(100, |(w, _)| usize::from(w.0));
    Style { color, width }
}

/// `Cli::parse()`, without freeing clap's description of the command line:
/// freeing it took a tenth of a short command's instructions, and the
/// process ends soon after.
fn parse() -> Cli {
    let mut command = Cli::command();
    let mut matches = command.get_matches_mut();
    let cli =
        Cli::from_arg_matches_mut(&mut matches).unwrap_or_else(|e| e.format(&mut command).exit());
    std::mem::forget(command);
    cli
}

fn main() -> ExitCode {
    let mut cli = parse();
    if let Err(e) = names_from_stdin(&mut cli.command) {
        let _ = writeln!(std::io::stderr(), "rankinfo: 读取标准输入失败：{e}");
        return ExitCode::from(EXIT_IO as u8);
    }
    // Read once, at start, and kept for the life of the process.
    let data: &'static Dataset = if cli.data.is_empty() {
        rankinfo::builtin()
    } else {
        match data::with_files(&cli.data) {
            Ok(d) => Box::leak(Box::new(d)),
            Err(errs) => return data::report(&errs),
        }
    };
    #[cfg(feature = "serve")]
    if let Command::Serve { addr } = &cli.command {
        return serve::run(data, addr);
    }
    let style = style(cli.color);
    match run(data, &cli, style) {
        Ok(text) => emit(&text),
        // Not a failure: the answer is that there is no level, and why.
        Err(err @ LookupError::OutsideCivilService { .. }) if cli.json => emit(&json(&err)),
        Err(LookupError::OutsideCivilService { input, sector, why }) => {
            emit(&render::outside(&input, sector, &why, style))
        }
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

/// A name given as `-`: the next line of standard input (`compare - -`
/// takes two lines). `resolve -` streams every line instead.
fn names_from_stdin(command: &mut Command) -> std::io::Result<()> {
    let names: Vec<&mut String> = match command {
        Command::Show { name, .. } | Command::Equiv { name } => vec![name],
        Command::Compare { a, b, .. } => vec![a, b],
        Command::Address { title, .. } | Command::Brief { title, .. } => vec![title],
        Command::Path { from, to, .. } => vec![from, to],
        Command::Ladder { .. }
        | Command::Data(_)
        | Command::Resolve { .. }
        | Command::Batch(_)
        | Command::Kaohe
        | Command::Completions { .. }
        | Command::Man => Vec::new(),
        #[cfg(feature = "serve")]
        Command::Serve { .. } => Vec::new(),
    };
    let mut lines = None;
    for name in names.into_iter().filter(|n| *n == "-") {
        if lines.is_none() {
            lines = Some(input::Lines::new(std::io::stdin().lock())?);
        }
        let line = lines.as_mut().map(|l| l.next_line()).transpose()?.flatten();
        *name = line.ok_or_else(|| {
            std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "没有可读的行")
        })?;
    }
    Ok(())
}

fn run(data: &Dataset, cli: &Cli, style: Style) -> Result<String, LookupError> {
    let json_out = cli.json;
    let answer = |reply: answer::Reply<'_>| -> String {
        if json_out {
            json(&reply)
        } else if cli.sources {
            reply.human(style) + &render::sources(data, reply.source_ids(), style)
        } else {
            reply.human(style)
        }
    };
    Ok(match &cli.command {
        Command::Show { name, at } => answer(answer::show(data, name, at.at.as_deref())?),
        Command::Compare { a, b, at } => answer(answer::compare(data, a, b, at.at.as_deref())?),
        Command::Equiv { name } => answer(answer::equiv(data, name)?),
        Command::Resolve {
            text: Some(text),
            format,
        } if text != "-" => match line_format(json_out, *format) {
            LineFormat::Tsv => {
                let mut buf = Vec::new();
                data.resolve(text).write_tsv(&mut buf);
                String::from_utf8_lossy(&buf).into_owned()
            }
            LineFormat::Json => json(&data.resolve(text)),
            LineFormat::Text => answer(answer::resolve(data, text)),
        },
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
        Command::Data(DataCommand::Check { files }) => {
            // The global --data files are already merged: check these too.
            match data::with_files(files) {
                Ok(d) => format!(
                    "数据文件无误：{} 个文件；合并后共 {} 个职务、{} 个职级、{} 个机构\n",
                    files.len(),
                    d.ranks.titles.len(),
                    d.ranks.ranks.len(),
                    d.organisations.organs.len()
                ),
                Err(errs) => {
                    data::report(&errs);
                    std::process::exit(EXIT_IO)
                }
            }
        }
        Command::Data(DataCommand::Info) => data::info(data, json_out),
        Command::Data(DataCommand::Export { csv: true }) => data::export_csv(data),
        Command::Data(DataCommand::Export { csv: false }) => json(&serde_json::json!({
            "version": data.version(),
            "ranks": data.ranks,
            "organisations": data.organisations,
            "places": data.places,
            "address": data.address,
        })),
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "rankinfo", &mut out);
            String::from_utf8_lossy(&out).into_owned()
        }
        Command::Man => {
            let mut out = Vec::new();
            // Writing to memory cannot fail.
            let _ = clap_mangen::Man::new(Cli::command()).render(&mut out);
            String::from_utf8_lossy(&out).into_owned()
        }
        Command::Ladder { svg: Some(path) } => {
            let chart = render::ladder_svg(data);
            if path.as_os_str() == "-" {
                chart
            } else {
                if let Err(e) = std::fs::write(path, chart) {
                    let _ = writeln!(
                        std::io::stderr(),
                        "rankinfo: 无法写入 {}：{e}",
                        path.display()
                    );
                    std::process::exit(EXIT_IO);
                }
                String::new()
            }
        }
        Command::Ladder { svg: None } => answer(answer::ladder(data)),
        // Handled in main, before any answer.
        #[cfg(feature = "serve")]
        Command::Serve { .. } => String::new(),
        Command::Address { title, person, at } => answer(answer::address(
            data,
            title,
            &person.person(),
            at.at.as_deref(),
        )?),
        Command::Brief { title, person, at } => answer(answer::brief(
            data,
            title,
            &person.person(),
            at.at.as_deref(),
        )?),
        Command::Path {
            from,
            to,
            served,
            since,
            excellent,
            not_counted,
        } => {
            use rankinfo::careers::path::{Served, YearMonth};
            let usage = |kind, why: String| -> ! { Cli::command().error(kind, why).exit() };
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64);
            let today = YearMonth::from_unix(now);
            let years = match (served, since) {
                (Some(y), _) => Some(*y),
                (None, Some(text)) => match YearMonth::parse(text) {
                    Some(start) if start <= today => Some(start.months_until(today) as f64 / 12.0),
                    _ => usage(
                        clap::error::ErrorKind::ValueValidation,
                        format!("--since 应为不晚于本月的年月，如 2023-06：“{text}”"),
                    ),
                },
                (None, None) => None,
            };
            let served = match (years, excellent.or(*not_counted)) {
                (Some(years), _) => {
                    let s = Served {
                        years,
                        excellent: excellent.unwrap_or(0),
                        not_counted: not_counted.unwrap_or(0),
                        as_of: Some(today),
                    };
                    if let Err(why) = s.check() {
                        usage(clap::error::ErrorKind::ValueValidation, why);
                    }
                    Some(s)
                }
                (None, Some(_)) => usage(
                    clap::error::ErrorKind::MissingRequiredArgument,
                    "--excellent 和 --not-counted 须与 --served 或 --since 一起给出".into(),
                ),
                (None, None) => None,
            };
            let p = data.path(from, to, served)?;
            shown(data, cli, style, &p, render::path(&p, style))
        }
        Command::Kaohe => {
            let k = rankinfo::careers::kaohe::kaohe();
            shown(data, cli, style, &k, render::kaohe(&k, style))
        }
    })
}

/// An answer that only the command line gives (path, kaohe): JSON, or the
/// card with its sources for `--sources`.
fn shown<T: serde::Serialize + render::Cites>(
    data: &Dataset,
    cli: &Cli,
    style: Style,
    value: &T,
    human: String,
) -> String {
    if cli.json {
        json(value)
    } else if cli.sources {
        human + &render::sources(data, value.source_ids(), style)
    } else {
        human
    }
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
    // Past the reader's limit a line is answered "too long"; keep no more.
    lines.max_line = rankinfo::read::MAX_TEXT_BYTES + 4;
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
    // A line that comes again is answered by copying its answer. Not JSON:
    // an answer of ~900 bytes, copied into the memo on every miss, cost more
    // than the hits saved within the memo's 16 MiB (200,000 generated
    // titles: 0.78 s kept against 0.74 s; TSV 0.48 against 0.56).
    let kept = if format == LineFormat::Json {
        0
    } else {
        rankinfo::batch::Options::ANSWERS
    };
    let mut replies = rankinfo::batch::Replies::new(kept);
    let mut first = true;
    while let Some(line) = lines.next_str()? {
        if buf.len() >= 128 * 1024 {
            out.write_all(&buf)?;
            buf.clear();
        }
        // A blank line between cards, so that each reads on its own.
        if format == LineFormat::Text && !std::mem::take(&mut first) {
            buf.push(b'\n');
        }
        if let Some(reply) = replies.get(line) {
            buf.extend_from_slice(reply.as_bytes());
            continue;
        }
        let start = buf.len();
        let r = data.resolve(line);
        match format {
            LineFormat::Json => {
                r.write_json(&mut buf);
                buf.push(b'\n');
            }
            LineFormat::Tsv => r.write_tsv(&mut buf),
            LineFormat::Text => buf.extend_from_slice(render::resolution(&r, style).as_bytes()),
        }
        if kept > 0 {
            if let Ok(reply) = simdutf8::basic::from_utf8(&buf[start..]) {
                replies.insert(line, reply);
            }
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
