#!/usr/bin/env bash
# A contact list through `rankinfo serve`'s POST /v1/batch, beside
# `rankinfo batch` on the same file: rows per second and peak memory of
# each, and whether the two answers are the same bytes. On loopback only;
# run by hand from anywhere in the repository:
#   scripts/bench_serve_batch.sh [ROWS]     (default 1000000: ~100 MB)
# Writes its inputs and outputs under target/bench/. Needs curl.
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
command -v curl >/dev/null || { echo "需要 curl" >&2; exit 1; }
mkdir -p target/bench
csv=target/bench/contacts-$rows.csv
[ -s "$csv" ] || python3 scripts/gen_contacts.py "$rows" > "$csv"
cargo build --release --locked --quiet --bin rankinfo
bin=target/release/rankinfo
mib=$(stat -c %s "$csv" | awk '{printf "%.1f", $1 / 1048576}')

# The command line: wall seconds and peak RSS of the whole process.
/usr/bin/time -f '%e %M %U %S' -o target/bench/time.txt "$bin" batch "$csv" --column 职务 --org-column 单位 \
  > target/bench/cli-out.csv 2> /dev/null
read -r secs kib user sys < target/bench/time.txt
python3 -c "print(f'rankinfo batch         : {$rows:,} rows ($mib MiB) in {$secs:.2f} s = {$rows / max($secs, 0.001):,.0f} rows/s, CPU {$user + $sys:.2f} s, peak RSS {$kib / 1024:.1f} MiB')"

# The server, fresh for each run: its peak RSS (VmHWM) after start, and
# after the request; the request's wall time as curl sees it (curl sends
# and reads at once, as the answer starts before the body ends).
tmp=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
hwm() { awk '/VmHWM/ {print $2}' "/proc/$1/status"; }
# CPU seconds (user + system) of a process so far.
cpu() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$1/stat"; }
run() {
  local label="$1"; shift
  "$bin" serve --addr 127.0.0.1:0 > "$tmp/out" 2> "$tmp/err" &
  pid=$!
  for _ in $(seq 100); do grep -q http "$tmp/out" && break; sleep 0.1; done
  local base
  base=$(grep -o 'http://[0-9.:]*' "$tmp/out")
  case "$base" in http://127.*) ;; *) echo "not loopback: $base" >&2; exit 1;; esac
  local idle
  idle=$(hwm "$pid")
  local t
  t=$(curl -sS -X POST "$@" -o target/bench/serve-out.csv -w '%{time_total}' \
    "$base/v1/batch?column=%E8%81%8C%E5%8A%A1&org_column=%E5%8D%95%E4%BD%8D")
  local peak
  peak=$(hwm "$pid")
  local used
  used=$(cpu "$pid")
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
  local same=differs
  cmp -s target/bench/cli-out.csv target/bench/serve-out.csv && same="the same bytes as rankinfo batch"
  python3 -c "print(f'$label: {$rows:,} rows in {$t:.2f} s = {$rows / max($t, 0.001):,.0f} rows/s, server CPU {$used:.2f} s, peak RSS {$peak / 1024:.1f} MiB ({$idle / 1024:.1f} MiB before); answer $same')"
}
run "POST /v1/batch, length " -T "$csv"
run "POST /v1/batch, chunked" -T "$csv" -H 'Transfer-Encoding: chunked'
