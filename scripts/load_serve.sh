#!/usr/bin/env bash
# Load on `rankinfo serve`'s GET /v1/resolve, on loopback only: requests per
# second, p50/p99 latency and errors at 1, 16 and 256 connections, with wrk
# (Debian's package). Bounded: each level runs DURATION seconds (default 10),
# three levels, then the server is stopped.
#
#   scripts/load_serve.sh            # builds the release binary first
#   DURATION=5 scripts/load_serve.sh
#
# The titles are benches/typical_titles.txt (real full titles), taken in
# turn, percent-encoded.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${DURATION:-10}
command -v wrk >/dev/null || { echo "需要 wrk：apt-get install -y wrk" >&2; exit 1; }
cargo build --release --locked --bin rankinfo >&2
tmp=$(mktemp -d)
target/release/rankinfo serve --addr 127.0.0.1:0 >"$tmp/out" 2>"$tmp/err" &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
for _ in $(seq 100); do grep -q http "$tmp/out" && break; sleep 0.1; done
base=$(grep -o 'http://[0-9.:]*' "$tmp/out")
case "$base" in http://127.*) ;; *) echo "not loopback: $base" >&2; exit 1;; esac
python3 - "$tmp/paths.lua" <<'PY'
import sys, urllib.parse
titles = [l.strip() for l in open("benches/typical_titles.txt", encoding="utf-8") if l.strip()]
paths = ["/v1/resolve?q=" + urllib.parse.quote(t) for t in titles]
with open(sys.argv[1], "w") as f:
    f.write("paths = {" + ",".join('"%s"' % p for p in paths) + "}\n")
    f.write("""
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
""")
PY
printf '%-12s %12s %10s %10s %8s\n' connections 'requests/s' p50 p99 errors
for c in 1 16 256; do
  threads=$(( c < 2 ? 1 : 2 ))
  out=$(wrk -t"$threads" -c"$c" -d"${duration}s" --latency -s "$tmp/paths.lua" "$base")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  sock=$(awk '/Socket errors/ {gsub(",", ""); print $4+$6+$8+$10}' <<<"$out")
  errors=$(( ${non2xx:-0} + ${sock:-0} ))
  printf '%-12s %12s %10s %10s %8s\n' "$c" "$rps" "$p50" "$p99" "$errors"
done
