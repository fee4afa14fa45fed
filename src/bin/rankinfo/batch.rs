//! `rankinfo batch`: open the files, report on stderr, call the library.

use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rankinfo::Dataset;
use rankinfo::batch::{self, ColumnRef, Format, Observer, Options, Problem, Summary};
use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Read, Write};

/// Problems printed one by one; past this only counted.
const SHOWN: u64 = 20;
/// A file at least this large gets a progress bar (on a terminal).
const LARGE: u64 = 8 << 20;

#[derive(Args)]
pub struct BatchArgs {
    /// 输入文件（.csv .tsv .jsonl .xlsx）；不给或给 - 则读标准输入
    file: Option<String>,
    /// 职务所在的列：列名或从 1 起的列号（JSON Lines 为字段名）
    #[arg(long, value_name = "列")]
    column: String,
    /// 单位所在的列：与职务合读（单位“合肥市财政局” + 职务“副局长”）
    #[arg(long, value_name = "列")]
    org_column: Option<String>,
    /// 姓所在的列：给出则加称呼列
    #[arg(long, value_name = "列")]
    surname_column: Option<String>,
    /// 名所在的列
    #[arg(long, value_name = "列")]
    given_name_column: Option<String>,
    /// 输出格式（默认按 -o 的扩展名，否则同输入；--json 即 jsonl）
    #[arg(long, value_enum, value_name = "格式")]
    format: Option<FileFormat>,
    /// 输入格式（默认按扩展名或内容判断）
    #[arg(long, value_enum, value_name = "格式")]
    input_format: Option<FileFormat>,
    /// 输出文件（默认标准输出）
    #[arg(short, long, value_name = "文件")]
    output: Option<String>,
    /// 输入编码，如 gbk、gb18030、utf-8（默认自动识别）
    #[arg(long, value_name = "编码")]
    encoding: Option<String>,
    /// 输出带 BOM 的 UTF-8，Excel 可直接打开
    #[arg(long)]
    excel: bool,
    /// Excel 工作表名（默认第一个）
    #[arg(long, value_name = "名称")]
    sheet: Option<String>,
}

#[derive(Clone, Copy, PartialEq, ValueEnum)]
enum FileFormat {
    Csv,
    Tsv,
    Jsonl,
    Xlsx,
}

impl From<FileFormat> for Format {
    fn from(f: FileFormat) -> Format {
        match f {
            FileFormat::Csv => Format::Csv,
            FileFormat::Tsv => Format::Tsv,
            FileFormat::Jsonl => Format::Jsonl,
            FileFormat::Xlsx => Format::Xlsx,
        }
    }
}

/// Problems and progress on stderr.
struct Report<'a> {
    file: &'a str,
    problems: u64,
    bar: ProgressBar,
}

impl Observer for Report<'_> {
    fn problem(&mut self, p: &Problem) {
        self.problems += 1;
        if self.problems <= SHOWN {
            self.bar.suspend(|| {
                let _ = writeln!(io::stderr(), "rankinfo: {}：{p}", self.file);
            });
        }
    }

    fn progress(&mut self, rows: u64, bytes: u64) {
        self.bar.set_position(bytes);
        self.bar.set_message(format!("{rows} 行"));
    }
}

/// Run `batch`; the exit code on failure (2 usage, 3 input or output).
/// `json`: the global `--json`, read as `--format jsonl` unless a format
/// is named.
pub fn run(data: &Dataset, args: &BatchArgs, json: bool) -> Result<(), u8> {
    let file = args.file.as_deref().filter(|f| *f != "-");
    let name = file.unwrap_or("标准输入");
    let fail = |code: u8, msg: String| {
        let _ = writeln!(
            io::stderr(),
            "rankinfo: {}",
            rankinfo::render::escape_controls(&msg)
        );
        code
    };
    let mut input: Box<dyn Read> = match file {
        Some(f) => Box::new(File::open(f).map_err(|e| fail(3, format!("{f}：无法打开：{e}")))?),
        None => Box::new(io::stdin().lock()),
    };
    let size = file
        .and_then(|f| std::fs::metadata(f).ok())
        .map(|m| m.len());
    // The format: said, or the file's extension, or sniffed from its start.
    let mut head = Vec::new();
    let in_format = match args
        .input_format
        .map(Format::from)
        .or_else(|| file.and_then(Format::of_path))
    {
        Some(f) => f,
        None => {
            (&mut input)
                .take(4096)
                .read_to_end(&mut head)
                .map_err(|e| fail(3, format!("{name}：{e}")))?;
            Format::sniff(&head)
        }
    };
    let input = io::Cursor::new(head).chain(input);
    let mut opts = Options::new(ColumnRef::parse(&args.column));
    opts.spec.org = args.org_column.as_deref().map(ColumnRef::parse);
    opts.spec.surname = args.surname_column.as_deref().map(ColumnRef::parse);
    opts.spec.given_name = args.given_name_column.as_deref().map(ColumnRef::parse);
    opts.input = in_format;
    opts.output = args
        .format
        .map(Format::from)
        .or_else(|| args.output.as_deref().and_then(Format::of_path))
        .or(json.then_some(Format::Jsonl));
    opts.excel = args.excel;
    opts.sheet = args.sheet.clone();
    if let Some(label) = &args.encoding {
        let enc = encoding_rs::Encoding::for_label(label.as_bytes()).ok_or_else(|| {
            fail(
                2,
                format!("不认识的编码“{label}”（可用 utf-8、gbk、gb18030、utf-16le …）"),
            )
        })?;
        opts.encoding = Some(enc);
    }
    let out_format = batch::output_format(&opts);
    if out_format == Format::Xlsx && args.output.is_none() && io::stdout().is_terminal() {
        return Err(fail(2, "xlsx 输出请用 -o 指定文件".into()));
    }
    let mut out: Box<dyn Write> = match &args.output {
        Some(o) => Box::new(BufWriter::with_capacity(
            1 << 16,
            File::create(o).map_err(|e| fail(3, format!("{o}：无法写入：{e}")))?,
        )),
        None => Box::new(BufWriter::with_capacity(1 << 16, io::stdout().lock())),
    };
    let bar = match size {
        Some(n) if n >= LARGE && io::stderr().is_terminal() => {
            let bar = ProgressBar::with_draw_target(Some(n), ProgressDrawTarget::stderr());
            if let Ok(style) =
                ProgressStyle::with_template("{bar:40} {percent:>3}% {msg} 剩余 {eta}")
            {
                bar.set_style(style);
            }
            bar
        }
        _ => ProgressBar::hidden(),
    };
    let mut report = Report {
        file: name,
        problems: 0,
        bar,
    };
    let result = batch::annotate(data, input, &mut *out, &opts, &mut report);
    report.bar.finish_and_clear();
    match result {
        Ok(summary) => {
            summarise(data, name, &summary, report.problems);
            Ok(())
        }
        Err(batch::Error::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        // A column or a combination the input does not have: a usage error.
        Err(e @ (batch::Error::MissingColumn { .. } | batch::Error::Unsupported(_))) => {
            Err(fail(2, format!("{name}：{e}")))
        }
        Err(e) => Err(fail(3, format!("{name}：{e}"))),
    }
}

/// The summary on stderr: rows, resolved, by level, top reasons.
fn summarise(data: &Dataset, name: &str, s: &Summary, problems: u64) {
    let mut err = io::stderr().lock();
    if s.empty {
        let _ = writeln!(err, "rankinfo: {name}：文件为空，没有表头");
        return;
    }
    let share = |n: u64| n as f64 * 100.0 / s.rows.max(1) as f64;
    let _ = writeln!(
        err,
        "rankinfo: {name}：共 {} 行（编码 {}），确定层次 {} 行（{:.1}%）",
        s.rows,
        s.encoding,
        s.resolved,
        share(s.resolved)
    );
    let levels: Vec<String> = data
        .levels()
        .filter_map(|l| {
            let n = *s.by_level.get(usize::from(l.order))?;
            (n > 0).then(|| format!("{} {n}", l.name))
        })
        .collect();
    if !levels.is_empty() {
        let _ = writeln!(err, "  按层次：{}", levels.join("、"));
    }
    let mut reasons = s.reasons.clone();
    reasons.sort_by_key(|r| std::cmp::Reverse(r.1));
    let top: Vec<String> = reasons
        .iter()
        .take(5)
        .map(|(r, n)| format!("{r} {n}"))
        .collect();
    if !top.is_empty() {
        let _ = writeln!(err, "  未定层次的主要原因：{}", top.join("、"));
    }
    if problems > 0 {
        let more = if problems > SHOWN {
            "，前 20 处见上"
        } else {
            "，见上"
        };
        let _ = writeln!(
            err,
            "  读取有问题的行：{} 行（已照原样输出{more}）",
            s.problems
        );
    }
}
