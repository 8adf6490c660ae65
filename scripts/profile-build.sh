#!/usr/bin/env bash
# Builds the release app with its function names kept and wasm-opt off, into
# the folder given (default /tmp/profdist), for a CPU profile that names Rust
# functions: tests/e2e/profile.mjs, or bench-big.mjs with PROFILE set.
#   scripts/profile-build.sh [/tmp/profdist]
#   DIST=/tmp/profdist PROFILE=search node tests/e2e/bench-big.mjs 4m
# Without wasm-opt the code differs a little from the shipped build: compare
# where the time goes, not how much.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$LEDE_ROOT"
out=${1:-/tmp/profdist}
page=$(mktemp -d)/index.html
trap 'rm -rf "$(dirname "$page")"' EXIT
sed 's/data-bin="lede" data-wasm-opt="z"/data-bin="lede" data-wasm-opt="0" data-keep-debug/' index.html > "$page"
grep -q 'data-keep-debug' "$page" || { echo "index.html's app link changed: update $0" >&2; exit 1; }
# Trunk resolves the page's assets from its folder: build from a copy there.
cp "$page" "$LEDE_ROOT/.profile-index.html"
trap 'rm -f "$LEDE_ROOT/.profile-index.html"; rm -rf "$(dirname "$page")"' EXIT
trunk build --release --offline --dist "$out" "$LEDE_ROOT/.profile-index.html"
