#!/usr/bin/env bash
# What the analysis engine and its data add to the app's download, part by
# part: the release build as it is, and again with each part's entry points
# stubbed out (scripts/engine_size.py, in throwaway worktrees), raw and gzip -9.
#   entity recognition                       recognize
#   the analysis                             + theme scoring, key terms, the lexicon
#   the whole crate                          + file import (HTML, Markdown, text) and the exports
# Each figure is the app minus the app without that part: code shared with the
# rest of the app is not counted in it.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$LEDE_ROOT"
work=$(mktemp -d)
trees=()
cleanup() {
  for t in "${trees[@]}"; do git worktree remove --force "$t" >/dev/null 2>&1 || true; done
  rm -rf "$work"
}
trap cleanup EXIT
size() { printf '%d %d' "$(stat -c%s "$1")" "$(gzip -9c "$1" | wc -c)"; }
build() { trunk build --release --offline --dist "$1" >"$work/log" 2>&1 || { cat "$work/log"; exit 1; }; }
build "$work/with"
read -r raw gz <<<"$(size "$work"/with/*.wasm)"
printf '%-44s %10s %10s\n' wasm raw gzip
printf '%-44s %10d %10d\n' 'the app' "$raw" "$gz"
for part in entities analysis all; do
  tree="$work/tree-$part"
  trees+=("$tree")
  git worktree add --quiet --detach "$tree" HEAD
  python3 scripts/engine_size.py "$tree" "$part" >/dev/null
  (cd "$tree" && CARGO_TARGET_DIR="$LEDE_ROOT/target/engine-size-$part" build "$work/without-$part")
  read -r raw0 gz0 <<<"$(size "$work"/without-"$part"/*.wasm)"
  case $part in
    entities) what='entity recognition and its data' ;;
    analysis) what='the analysis (+ themes, key terms, lexicon)' ;;
    all) what='the whole crate (+ file import, exports)' ;;
  esac
  printf '%-44s %10d %10d\n' "$what" "$((raw - raw0))" "$((gz - gz0))"
done
