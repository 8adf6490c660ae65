#!/usr/bin/env bash
# What entity recognition adds to the WebAssembly build: a cdylib probe that
# parses a document (baseline), against the same probe that also calls
# `recognize`, both for wasm32-unknown-unknown with the app's release profile
# (opt-level "z", LTO, one codegen unit, panic = "abort"); raw and gzip -9,
# before and after `wasm-opt -Oz`. See docs/entities.md, "Size in the
# WebAssembly build".
#
#   scripts/gazetteer/wasm_size.sh [path/to/crates/lede-analysis]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CRATE=$(cd "${1:-$ROOT/crates/lede-analysis}" && pwd)
WASM_OPT="$ROOT/tools/node_modules/.bin/wasm-opt"
PROBE=$(mktemp -d "${TMPDIR:-/tmp}/lede-probe.XXXXXX")
trap 'rm -rf "$PROBE"' EXIT
mkdir -p "$PROBE/src"
cat > "$PROBE/Cargo.toml" <<EOF
[package]
name = "probe"
version = "0.1.0"
edition = "2024"

[lib]
crate-type = ["cdylib"]

[dependencies]
lede-analysis = { path = "$CRATE" }

[features]
ner = []

[profile.release]
opt-level = "z"
lto = true
codegen-units = 1
panic = "abort"

[workspace]
EOF
cat > "$PROBE/src/lib.rs" <<'EOF'
/// Parses `len` bytes at `ptr` as a document; with `ner`, also recognises its entities.
#[unsafe(no_mangle)]
pub extern "C" fn probe(ptr: *const u8, len: usize) -> usize {
    let text = std::str::from_utf8(unsafe { std::slice::from_raw_parts(ptr, len) }).unwrap_or("");
    let doc = lede_analysis::Document::parse(text);
    #[cfg(feature = "ner")]
    {
        return lede_analysis::recognize(&doc).mentions.len() + doc.blocks().len();
    }
    #[allow(unreachable_code)]
    doc.blocks().len()
}
EOF
cp "$ROOT/Cargo.lock" "$PROBE/"
unset CARGO_TARGET_DIR
printf '| build | wasm | gzip -9 | after wasm-opt -Oz | gzip -9 |\n|---|---:|---:|---:|---:|\n'
for feature in "" ner; do
    (cd "$PROBE" && cargo build -q --offline --release --target wasm32-unknown-unknown ${feature:+--features $feature})
    wasm="$PROBE/target/wasm32-unknown-unknown/release/probe.wasm"
    "$WASM_OPT" -Oz "$wasm" -o "$PROBE/opt.wasm"
    if [ -n "$feature" ]; then label='plus `recognize`'; else label='`Document::parse` only'; fi
    printf '| %s | %s | %s | %s | %s |\n' "$label" \
        "$(stat -c%s "$wasm")" "$(gzip -9c "$wasm" | wc -c)" \
        "$(stat -c%s "$PROBE/opt.wasm")" "$(gzip -9c "$PROBE/opt.wasm" | wc -c)"
done
