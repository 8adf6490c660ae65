#!/usr/bin/env bash
# What the analysis engine and its data add to the download, part by part:
# the release build as it is, and again with each part's entry points
# stubbed out (scripts/engine_size.py, in throwaway worktrees), raw and
# gzip -9, for each of the two modules: the app's (the page) and the
# analysis worker's, where the engine runs.
#   entity recognition                       recognize
#   the analysis                             + theme scoring, key terms, the lexicon
#   the whole crate                          + file import (HTML, Markdown, text) and the exports
# Each figure is the build minus the build without that part: code shared
# with the rest of a module is not counted in it.
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
# The app's module and the worker's, raw and gzipped: four numbers.
sizes() {
  local app worker
  app=$(find "$1" -maxdepth 1 -name 'lede-*_bg.wasm' ! -name 'lede-worker-*')
  worker=$(find "$1" -maxdepth 1 -name 'lede-worker-*_bg.wasm')
  printf '%s %s' "$(size "$app")" "$(size "$worker")"
}
build "$work/with"
read -r app app_gz worker worker_gz <<<"$(sizes "$work/with")"
printf '%-44s %10s %10s %10s %10s\n' wasm 'app raw' 'app gzip' 'worker raw' 'worker gzip'
printf '%-44s %10d %10d %10d %10d\n' 'the build' "$app" "$app_gz" "$worker" "$worker_gz"
for part in entities analysis all; do
  tree="$work/tree-$part"
  trees+=("$tree")
  git worktree add --quiet --detach "$tree" HEAD
  python3 scripts/engine_size.py "$tree" "$part" >/dev/null
  (cd "$tree" && CARGO_TARGET_DIR="$LEDE_ROOT/target/engine-size-$part" build "$work/without-$part")
  read -r app0 app_gz0 worker0 worker_gz0 <<<"$(sizes "$work/without-$part")"
  case $part in
    entities) what='entity recognition and its data' ;;
    analysis) what='the analysis (+ themes, key terms, lexicon)' ;;
    all) what='the whole crate (+ file import, exports)' ;;
  esac
  printf '%-44s %10d %10d %10d %10d\n' "$what" "$((app - app0))" "$((app_gz - app_gz0))" \
    "$((worker - worker0))" "$((worker_gz - worker_gz0))"
done
