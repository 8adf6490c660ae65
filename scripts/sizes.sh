#!/usr/bin/env bash
# Prints the raw and gzip -9 sizes of the release build's files (run after `trunk build --release`).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$LEDE_ROOT/dist"
printf '%-16s %10s %10s\n' file raw gzip
for f in *.wasm *.js *.css index.html; do
  kind=${f##*.}
  printf '%-16s %10d %10d\n' "$kind" "$(stat -c%s "$f")" "$(gzip -9c "$f" | wc -c)"
done
# The app's own scripts that wasm-bindgen copies beside the glue (src/*.js).
find snippets -name '*.js' 2>/dev/null | sort | while read -r f; do
  printf '%-16s %10d %10d\n' "${f##*/}" "$(stat -c%s "$f")" "$(gzip -9c "$f" | wc -c)"
done
