#!/usr/bin/env bash
# The Python package's throughput (issue 12) against the Rust library's own
# rate and cpca, on the same lists, in one run. Run by hand:
#   scripts/bench_python.sh [N]        (N titles, default 1000000)
# Two lists: N generated titles (scripts/gen_titles.py, which repeats
# titles, as contact lists do), and its distinct titles with every text of
# tests/data/*.tsv, shuffled (no repeats: no rate from answering a text
# once). Builds the wheel into target/py-venv and installs cpca into
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
python3 - <<'PY'
import pathlib, random
lines = pathlib.Path("target/bench/titles.txt").read_text(encoding="utf-8").splitlines()
for tsv in sorted(pathlib.Path("tests/data").glob("*.tsv")):
    rows = [l.split("\t") for l in tsv.read_text(encoding="utf-8").splitlines() if not l.startswith("#")]
    if rows and "text" in rows[0]:
        lines += [r[rows[0].index("text")] for r in rows[1:]]
distinct = list(dict.fromkeys(l for l in lines if l))
random.Random(2026).shuffle(distinct)
pathlib.Path("target/bench/distinct.txt").write_text("\n".join(distinct) + "\n", encoding="utf-8")
PY
cargo build --release --locked --quiet --example throughput
ours=$(target/release/examples/throughput target/bench/titles.txt)
ours_d=$(target/release/examples/throughput target/bench/distinct.txt)
py=$("$venv/bin/python" python/bench.py target/bench/titles.txt target/bench/distinct.txt)
theirs=$("$cpca/bin/python" scripts/cpca_throughput.py target/bench/titles.txt)
theirs_d=$("$cpca/bin/python" scripts/cpca_throughput.py target/bench/distinct.txt)
echo "$ours"
echo "$ours_d  [distinct]"
echo "$py"
echo "$theirs"
echo "$theirs_d  [distinct]"
rate() { grep -F "$1" <<<"$2" | head -1 | sed -E 's/.*= ([0-9]+) per second.*/\1/'; }
lib=$(rate rankinfo: "$ours")
lib_d=$(rate rankinfo: "$ours_d")
cp=$(rate cpca: "$theirs")
cp_d=$(rate cpca: "$theirs_d")
ann=$(rate "annotate:" "$py")
many=$(rate "resolve_many:" "$py")
ann_d=$(rate "annotate [distinct]:" "$py")
many_d=$(rate "resolve_many [distinct]:" "$py")
# The first pickle.loads line follows resolve_many's, the second its [distinct].
pk=$(grep -F "pickle.loads" <<<"$py" | sed -E 's/.*: ([0-9]+) per second.*/\1/' | head -1)
pk_d=$(grep -F "pickle.loads" <<<"$py" | sed -E 's/.*: ([0-9]+) per second.*/\1/' | tail -1)
python3 -c "
for name, ours, lib, cp in [('annotate', $ann, $lib, $cp), ('resolve_many', $many, $lib, $cp),
                            ('annotate [distinct]', $ann_d, $lib_d, $cp_d),
                            ('resolve_many [distinct]', $many_d, $lib_d, $cp_d)]:
    print(f'{name}: {ours/lib:.2f}x the library on one core, {ours/cp:.1f}x cpca')
print(f'resolve_many: {$many/$pk:.2f}x pickle.loads of its rows; [distinct] {$many_d/$pk_d:.2f}x')"
