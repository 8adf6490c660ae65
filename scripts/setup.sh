#!/usr/bin/env bash
# Installs what Lede needs on a fresh machine, and only what is missing, so a
# second run takes seconds. `--test` adds the test tools (Chromium, its driver,
# Playwright's client library). Everything comes from crates.io, npm or Debian:
# nothing here downloads a prebuilt binary from elsewhere (see README).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$LEDE_ROOT"

want_test=false
[ "${1:-}" = "--test" ] && want_test=true

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "Adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.'; then
  step "Installing Trunk 0.21 (a few minutes, once)"
  # 0.22 needs a newer rustc than this machine's.
  cargo install trunk --version '^0.21' --locked
fi

# Trunk downloads a wasm-bindgen CLI when the one on PATH differs from
# Cargo.lock's wasm-bindgen, and downloads fail offline: install the exact one.
wbg=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $wbg"; then
  step "Installing wasm-bindgen-cli $wbg (a few minutes, once)"
  # Not --locked: its lock file names a crate version the registry here lacks.
  cargo install wasm-bindgen-cli --version "=$wbg"
fi

if ! wasm-opt --version 2>/dev/null | grep -q 'version 132'; then
  step "Installing binaryen 132 (wasm-opt) into tools/"
  (cd tools && npm ci --no-audit --no-fund)
fi

if $want_test; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    step "Installing Chromium and ChromeDriver from Debian"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
  fi
  if [ ! -d tests/e2e/node_modules/playwright-core ]; then
    step "Installing playwright-core for the end-to-end tests"
    (cd tests/e2e && npm ci --no-audit --no-fund)
  fi
fi
