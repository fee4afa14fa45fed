//! Resolve every line of a file on one core and print how many per second:
//! `cargo run --release --example throughput -- titles.txt`.
//! The text is read and split before the clock starts; only resolution is timed.

use std::time::Instant;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: throughput <file with one title per line>");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(2)
    });
    let lines: Vec<&str> = text.lines().collect();
    let data = rankinfo::builtin();
    let mut resolved = 0usize;
    let start = Instant::now();
    for line in &lines {
        resolved += usize::from(data.resolve(line).level.is_some());
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "rankinfo: {} strings in {:.3} s = {:.0} per second ({} with a level)",
        lines.len(),
        secs,
        lines.len() as f64 / secs,
        resolved
    );
}
