#!/usr/bin/env bash
# Sets up what is missing, then runs every check and every test layer:
# formatting, lints, native tests, component tests in headless Chromium, and
# end-to-end tests against the release build in headless Chromium.
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$LEDE_ROOT/scripts/setup.sh" --test
cd "$LEDE_ROOT"

step "Formatting"
cargo fmt --all -- --check

step "Lints (native and wasm32)"
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy -p lede --target wasm32-unknown-unknown --all-targets -- -D warnings

step "Native tests: the analysis engine and the app's plain logic"
cargo test --workspace

step "Component tests in headless Chromium"
CHROMEDRIVER=$(command -v chromedriver) \
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test -p lede --target wasm32-unknown-unknown

step "Release build"
trunk build --release --offline

step "End-to-end tests in headless Chromium"
(cd tests/e2e && node --test --test-reporter=spec)
