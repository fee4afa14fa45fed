#!/usr/bin/env bash
# Resolution throughput of rankinfo against cpca, the nearest peer (a Python
# place recogniser), on the same generated input, one core each: first the
# inner loops (the library example, cpca.transform), then both whole
# processes (rankinfo resolve --json on stdin, start-up and output included;
# python importing cpca and transforming the file). Run by hand:
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

# Whole processes: what a user waits for.
whole() { /usr/bin/time -f %e "$@" 2>&1 >/dev/null | tail -1; }
ours_s=$(whole sh -c "target/release/rankinfo resolve --json < target/bench/titles.txt")
theirs_s=$(whole "$venv/bin/python" -c "import cpca, sys; cpca.transform(open(sys.argv[1], encoding='utf-8').read().splitlines())" target/bench/titles.txt)
python3 -c "print(f'whole process, {$n} titles: rankinfo resolve --json {$ours_s} s, cpca {$theirs_s} s: {$theirs_s / max($ours_s, 0.001):.1f}x')"
