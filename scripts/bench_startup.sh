#!/usr/bin/env bash
# Whole-process start-up: `rankinfo compare 调研员 处长` against a minimal Rust
# binary that prints one line, side by side (hyperfine; target: at most
# 1.5x): the default dynamic build (`cargo build --release`) and the binary to
# ship (scripts/build-release.sh: static-pie on Linux with glibc).
# Run by hand: scripts/bench_startup.sh   (needs hyperfine: apt-get install hyperfine)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --quiet --bin rankinfo
shipped=$(scripts/build-release.sh)
mkdir -p target/bench
printf 'fn main() { println!("hello"); }\n' > target/bench/hello.rs
rustc -O -o target/bench/hello target/bench/hello.rs
hyperfine -N --warmup 100 --runs "${RUNS:-1000}" \
  'target/bench/hello' \
  'target/release/rankinfo compare 调研员 处长' \
  "$shipped compare 调研员 处长" \
  --export-json target/bench/startup.json > /dev/null
# The fastest run of each (the least disturbed by the machine) and the median,
# as ratios to hello-world's.
python3 - <<'PY'
import json
r = json.load(open("target/bench/startup.json"))["results"]
hello = r[0]
for x in r:
    print(f"{x['command']:70} fastest {x['min'] * 1e3:.3f} ms ({x['min'] / hello['min']:.2f}x)"
          f"  median {x['median'] * 1e3:.3f} ms ({x['median'] / hello['median']:.2f}x)")
PY
