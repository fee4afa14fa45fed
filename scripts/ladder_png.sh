#!/usr/bin/env bash
# Render the ladder chart to PNG for a look (or a slide):
#   scripts/ladder_png.sh [out.png]
# Needs rsvg-convert (Debian: apt-get install librsvg2-bin fonts-noto-cjk).
set -euo pipefail
out=${1:-ladder.png}
svg=$(mktemp --suffix=.svg)
cargo run -q --release -- ladder --svg "$svg"
rsvg-convert -o "$out" "$svg"
rm -f "$svg"
echo "$out"
