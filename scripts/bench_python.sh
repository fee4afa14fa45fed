#!/usr/bin/env bash
# The Python package's throughput (issue 12) against the Rust library's own
# rate and cpca, on the same generated list, in one run. Run by hand:
#   scripts/bench_python.sh [N]        (N titles, default 1000000)
# Builds the wheel into target/py-venv and installs cpca into
# target/cpca-venv (as compare_cpca.sh does) on first use.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-1000000}"
mkdir -p target/bench
venv=target/py-venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet ./python
cpca=target/cpca-venv
if [ ! -x "$cpca/bin/python" ]; then
  python3 -m venv "$cpca"
  "$cpca/bin/pip" install --quiet cpca
fi
python3 scripts/gen_titles.py "$n" > target/bench/titles.txt
cargo build --release --locked --quiet --example throughput
ours=$(target/release/examples/throughput target/bench/titles.txt)
py=$("$venv/bin/python" python/bench.py target/bench/titles.txt)
theirs=$("$cpca/bin/python" scripts/cpca_throughput.py target/bench/titles.txt)
echo "$ours"
echo "$py"
echo "$theirs"
rate() { grep -E "^$1" <<<"$2" | head -1 | sed -E 's/.*= ([0-9]+) per second.*/\1/'; }
lib=$(rate rankinfo "$ours")
ann=$(rate "annotate:" "$py")
many=$(rate "resolve_many:" "$py")
cp=$(rate cpca "$theirs")
python3 -c "
print(f'annotate: {$ann/$lib:.2f}x the library on one core, {$ann/$cp:.1f}x cpca')
print(f'resolve_many: {$many/$lib:.2f}x the library on one core, {$many/$cp:.1f}x cpca')"
