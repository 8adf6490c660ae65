#!/usr/bin/env bash
# Prints the sizes of the release build's files, raw and as their precompressed
# siblings (gzip -9 and brotli 11, written by scripts/site.mjs during
# `trunk build --release`), and what a first visit to the seed transfers: every
# file the page loads, not the analysis worker, which starts when another
# article is opened.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$LEDE_ROOT/dist"
if [ ! -f index.html.br ]; then
  echo "no precompressed files in dist/: run 'trunk build --release --offline' first" >&2
  exit 1
fi
size() { stat -c%s "$1"; }
row() { printf '%-20s %10d %10d %10d\n' "$1" "$(size "$2")" "$(size "$2.gz")" "$(size "$2.br")"; }

printf '%-20s %10s %10s %10s\n' file raw gzip brotli
raw=0 gz=0 br=0
# Each file the seed's first visit loads, as "label<TAB>file".
first_visit() {
  printf 'html\t%s\n' index.html
  # Trunk's loader, and the pre-rendered legend's script (src/legend_before_app.js).
  for f in start-*.js; do
    if grep -q "data-legend\|dataset.legend" "$f"; then printf 'js (legend)\t%s\n' "$f"; else printf 'js (loader)\t%s\n' "$f"; fi
  done
  for f in lede-*.js; do case $f in lede-worker*) ;; *) printf 'js (glue)\t%s\n' "$f" ;; esac; done
  find snippets -name '*.js' 2>/dev/null | sort | while read -r f; do printf '%s\t%s\n' "${f##*/}" "$f"; done
  for f in *.css; do printf 'css\t%s\n' "$f"; done
  for f in *.svg; do printf 'icon\t%s\n' "$f"; done
  for f in lede-*_bg.wasm; do case $f in lede-worker*) ;; *) printf 'wasm\t%s\n' "$f" ;; esac; done
}
while IFS=$'\t' read -r name file; do
  row "$name" "$file"
  raw=$((raw + $(size "$file"))) gz=$((gz + $(size "$file.gz"))) br=$((br + $(size "$file.br")))
done < <(first_visit)
printf '%-20s %10d %10d %10d\n' 'first visit' "$raw" "$gz" "$br"

# The analysis worker, loaded when another article is opened.
for f in lede-worker*.js lede-worker*_bg.wasm; do
  [ -f "$f" ] && row "$f" "$f"
done
exit 0
