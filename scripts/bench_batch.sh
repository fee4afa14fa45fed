#!/usr/bin/env bash
# Whole-process throughput and peak memory of `rankinfo batch`, side by side
# with the library's own rate on the same titles in the same run. Run by hand:
#   scripts/bench_batch.sh [ROWS]       (default 1000000; 10000000 for linearity)
# Writes its inputs under target/bench/ (1M rows: ~100 MB).
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
mkdir -p target/bench
csv=target/bench/contacts-$rows.csv
[ -s "$csv" ] || python3 scripts/gen_contacts.py "$rows" > "$csv"
[ -s target/bench/contacts-$rows.jsonl ] || python3 scripts/gen_contacts.py "$rows" --jsonl > target/bench/contacts-$rows.jsonl
# The strings the batch resolves (单位 + 职务), one per line, for the library
# example and for resolve on stdin.
titles=target/bench/contact-titles-$rows.txt
[ -s "$titles" ] || python3 -c '
import csv, sys
r = csv.reader(open(sys.argv[1], encoding="utf-8", newline=""))
next(r)
for row in r:
    unit, title = (row + ["", "", "", "", ""])[3:5]
    t = title if title.startswith(unit) else unit + title
    print(t.replace("\n", " "))
' "$csv" > "$titles"
cargo build --release --locked --quiet --bin rankinfo --example throughput --example csv_to_xlsx
bin=target/release/rankinfo

# One whole process: wall and user-CPU seconds, rows per second of each
# (on a busy machine the CPU figure is the steadier), peak RSS.
measure() {
  local label="$1"; shift
  if ! /usr/bin/time -f '%e %U %M' -o target/bench/time.txt "$@" > /dev/null 2> target/bench/stderr.txt; then
    echo "$label: failed:" >&2; tail -3 target/bench/stderr.txt >&2; return 1
  fi
  read -r secs user kib < target/bench/time.txt
  python3 -c "print(f'$label: {$rows:,} rows in {$secs:.2f} s = {$rows / max($secs, 0.001):,.0f} rows/s (CPU {$user:.2f} s = {$rows / max($user, 0.001):,.0f} rows/s), peak {$kib / 1024:.1f} MiB')"
}

target/release/examples/throughput "$titles"
measure "batch csv → csv  " "$bin" batch "$csv" --column 职务 --org-column 单位
measure "batch csv → jsonl" "$bin" batch "$csv" --column 职务 --org-column 单位 --format jsonl
measure "batch jsonl→jsonl" "$bin" batch target/bench/contacts-$rows.jsonl --column 职务 --org-column 单位
measure "batch + address  " "$bin" batch "$csv" --column 职务 --org-column 单位 --surname-column 姓 --given-name-column 名
measure "resolve --json   " sh -c "$bin resolve --json < $titles"
measure "resolve tsv      " sh -c "$bin resolve --format tsv < $titles"
target/release/examples/throughput "$titles"
tail -3 target/bench/stderr.txt

# Excel: 100,000 rows (or fewer) in and out.
xrows=$(( rows < 100000 ? rows : 100000 ))
xlsx=target/bench/contacts-$xrows.xlsx
if [ ! -s "$xlsx" ]; then
  head -n $((xrows + 1)) "$csv" > target/bench/xlsx-src.csv
  target/release/examples/csv_to_xlsx target/bench/xlsx-src.csv "$xlsx"
fi
rows=$xrows measure "batch xlsx → xlsx" "$bin" batch "$xlsx" --column 职务 --org-column 单位 -o target/bench/out.xlsx
ls -l "$xlsx" | awk '{printf "xlsx input: %.1f MiB\n", $5 / 1048576}'
