#!/usr/bin/env bash
# Whole-process start-up: `rankinfo compare 调研员 处长` against a minimal Rust
# binary that prints one line, side by side (hyperfine; target: at most 1.5x).
# Run by hand: scripts/bench_startup.sh   (needs hyperfine: apt-get install hyperfine)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --quiet
mkdir -p target/bench
printf 'fn main() { println!("hello"); }\n' > target/bench/hello.rs
rustc -O -o target/bench/hello target/bench/hello.rs
hyperfine -N --warmup 20 --runs "${RUNS:-200}" \
  'target/bench/hello' \
  'target/release/rankinfo compare 调研员 处长' \
  'target/release/rankinfo resolve 广东省深圳市南山区发展和改革局副局长' \
  --export-markdown target/bench/startup.md
