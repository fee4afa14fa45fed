#!/usr/bin/env bash
# Resolution throughput of rankinfo against cpca, the nearest peer (a Python
# place recogniser), on the same generated input, one core each: first the
# inner loops (the library example, cpca.transform), then both whole
# processes with hyperfine (rankinfo resolve --json on stdin, start-up and
# output included; python importing cpca and transforming the file). Run by
# hand (RUNS=N sets hyperfine's runs of each, default 5):
#   scripts/compare_cpca.sh [N]        (N titles, default 200000)
# Installs cpca into target/cpca-venv from PyPI on first use.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-200000}"
mkdir -p target/bench
venv=target/cpca-venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet cpca
fi
python3 scripts/gen_titles.py "$n" > target/bench/titles.txt
cargo build --release --locked --quiet --bin rankinfo --example throughput
ours=$(target/release/examples/throughput target/bench/titles.txt)
theirs=$("$venv/bin/python" scripts/cpca_throughput.py target/bench/titles.txt)
echo "$ours"
echo "$theirs"
rate() { sed -E 's/.*= ([0-9]+) per second.*/\1/' <<<"$1"; }
python3 -c "print(f'ratio: rankinfo resolves {$(rate "$ours") / $(rate "$theirs"):.1f}x as many strings per second as cpca extracts places from')"

# Whole processes: what a user waits for. hyperfine runs each several
# times, one after the other in the same run (this machine's speed drifts:
# compare the two within a run, never across runs); the ratio is of means.
if ! command -v hyperfine > /dev/null; then
  echo "whole processes: hyperfine not found (Debian: apt-get install hyperfine)" >&2
  exit 1
fi
hyperfine --warmup 1 --runs "${RUNS:-5}" --style basic --export-json target/bench/cpca-whole.json \
  -n rankinfo "target/release/rankinfo resolve --json < target/bench/titles.txt > /dev/null" \
  -n cpca "$venv/bin/python -c \"import cpca, sys; cpca.transform(open(sys.argv[1], encoding='utf-8').read().splitlines())\" target/bench/titles.txt"
python3 - "$n" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open("target/bench/cpca-whole.json"))["results"]}
ours, theirs = r["rankinfo"], r["cpca"]
print(f"whole process, {int(sys.argv[1]):,} titles: rankinfo resolve --json {ours['mean']:.3f} s "
      f"(min {ours['min']:.3f}), cpca {theirs['mean']:.3f} s (min {theirs['min']:.3f}): "
      f"{theirs['mean'] / ours['mean']:.1f}x (of the fastest runs: {theirs['min'] / ours['min']:.1f}x)")
PY
