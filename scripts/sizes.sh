#!/usr/bin/env bash
# Prints the sizes of the release build's files, raw and as their precompressed
# siblings (gzip -9 and brotli 11, written by scripts/site.mjs during
# `trunk build --release`): what a first visit to the sample transfers while
# the reader reads (the page with the pre-rendered article, its scripts, the
# style sheet, the icon), what the app adds when the reader first needs it
# (wasm-bindgen's glue, the snippets, the wasm), and the analysis worker,
# which starts when another article is opened.
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
# Each file of a part, as "label<TAB>file".
reading() {
  printf 'html\t%s\n' index.html
  # Trunk's loader, and the pre-rendered legend's script (src/legend_before_app.js).
  for f in start-*.js; do
    if grep -q "data-legend\|dataset.legend = " "$f"; then printf 'js (legend)\t%s\n' "$f"; else printf 'js (start-up)\t%s\n' "$f"; fi
  done
  for f in *.css; do printf 'css\t%s\n' "$f"; done
  for f in *.svg; do printf 'icon\t%s\n' "$f"; done
}
app() {
  for f in lede-*.js; do case $f in lede-worker*) ;; *) printf 'js (glue)\t%s\n' "$f" ;; esac; done
  find snippets -name '*.js' 2>/dev/null | sort | while read -r f; do printf '%s\t%s\n' "${f##*/}" "$f"; done
  for f in lede-*_bg.wasm; do case $f in lede-worker*) ;; *) printf 'wasm\t%s\n' "$f" ;; esac; done
}
# Prints each file of a part and its sum, labelled $1.
part() {
  local raw=0 gz=0 br=0
  while IFS=$'\t' read -r name file; do
    row "$name" "$file"
    raw=$((raw + $(size "$file"))) gz=$((gz + $(size "$file.gz"))) br=$((br + $(size "$file.br")))
  done
  printf '%-20s %10d %10d %10d\n' "$1" "$raw" "$gz" "$br"
}
reading | part 'first visit'
app | part 'the app'

# The analysis worker, loaded when another article is opened.
for f in lede-worker*.js lede-worker*_bg.wasm; do
  [ -f "$f" ] && row "$f" "$f"
done
exit 0
