#!/usr/bin/env bash
# Sets up what is missing, then runs every check and every test layer:
# formatting, lints, native tests, component tests in headless Chromium, and
# end-to-end tests against the release build in headless Chromium.
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$LEDE_ROOT/scripts/setup.sh" --test
cd "$LEDE_ROOT"

# A clean run fills target/ with about 4 GB (3.8 GB on 1 December 2026); a
# full disk shows up minutes later as a linker or LLVM error, so say it now.
free_kb=$(df -Pk "$LEDE_ROOT" | awk 'NR == 2 { print $4 }')
if [ "$free_kb" -lt $((5 * 1024 * 1024)) ]; then
  echo "warning: $((free_kb / 1024)) MB free where the build goes; a clean run needs about 4 GB" >&2
fi

step "Formatting"
cargo fmt --all -- --check

step "Lints (native and wasm32)"
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy -p lede --target wasm32-unknown-unknown --all-targets -- -D warnings

step "Native tests: the analysis engine and the app's plain logic"
cargo test --workspace

step "Crafted inputs stay linear (smoke: 64 KB and 256 KB; the full run is in docs/performance.md)"
cargo run --release -q -p lede-analysis --example crafted -- --smoke

step "Component tests in headless Chromium"
# ChromeDriver leaves its browser profile (about 80 MB) in the temporary
# directory when the runner stops it: give it one of ours, removed after.
browser_tmp=$(mktemp -d)
trap 'rm -rf "$browser_tmp"' EXIT
TMPDIR=$browser_tmp \
CHROMEDRIVER=$(command -v chromedriver) \
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test -p lede --target wasm32-unknown-unknown --features main-thread-analysis

step "The evaluation's tooling and gold files (eval/test_eval.py)"
(cd eval && python3 -m unittest test_eval)

step "The site step of the build (scripts/site.mjs)"
node --test scripts/site.test.mjs

step "Release build"
trunk build --release --offline

step "End-to-end tests in headless Chromium"
(cd tests/e2e && node --test --test-reporter=spec)
