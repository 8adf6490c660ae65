#!/usr/bin/env bash
# What the analysis engine and its data add to the app's download: the release
# build as it is, and again with every engine entry point the app calls stubbed
# out (scripts/engine_size.py, in a throwaway worktree), raw and gzip -9.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$LEDE_ROOT"
work=$(mktemp -d)
trap 'git worktree remove --force "$work/tree" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add --detach "$work/tree" HEAD >/dev/null
python3 scripts/engine_size.py "$work/tree" >/dev/null
size() { printf '%d %d' "$(stat -c%s "$1")" "$(gzip -9c "$1" | wc -c)"; }
build() { trunk build --release --offline --dist "$1" >"$work/log" 2>&1 || { cat "$work/log"; exit 1; }; }
build "$work/with"
(cd "$work/tree" && CARGO_TARGET_DIR="$LEDE_ROOT/target/engine-size" build "$work/without")
read -r raw gz <<<"$(size "$work"/with/*.wasm)"
read -r raw0 gz0 <<<"$(size "$work"/without/*.wasm)"
printf '%-22s %10s %10s\n' wasm raw gzip
printf '%-22s %10d %10d\n' 'the app' "$raw" "$gz" 'without the engine' "$raw0" "$gz0" \
  'engine and its data' "$((raw - raw0))" "$((gz - gz0))"
