//! The texts the engine's benchmarks read, in one place for the criterion
//! benchmarks (`benches/`) and `examples/crafted.rs`.
//!
//! The ~1 MB text is built as `eval/bench_peers.py` builds it for spaCy and
//! compromise: the evaluation texts (dev then test, sorted by name) joined by
//! blank lines and repeated to at least 1,000,000 bytes, so the figures
//! compare. Without `eval/`, the seed article stands in for them.

#![allow(dead_code)] // Each target that includes this module uses part of it.

use std::path::Path;

/// The seed article, the one text every checkout has.
pub const SEED: &str = include_str!("../../../../seeds/000_98b7338e0901f976.txt");

/// The size of [`megabyte_text`], as `eval/bench_peers.py` has it.
pub const TARGET_BYTES: usize = 1_000_000;

/// The evaluation texts, dev then test, each sorted by name; the seed
/// article alone where `eval/` holds none.
pub fn eval_texts() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../eval");
    let mut texts = Vec::new();
    for split in ["dev", "test"] {
        let Ok(dir) = std::fs::read_dir(root.join(split)) else {
            continue;
        };
        let mut files: Vec<_> = dir
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        files.sort();
        for f in files {
            let bytes = std::fs::read(&f).expect("readable eval file");
            let json: serde_json::Value =
                serde_json::from_slice(&bytes).expect("eval files are JSON");
            if let Some(t) = json["text"].as_str() {
                texts.push(t.to_owned());
            }
        }
    }
    if texts.is_empty() {
        texts.push(SEED.to_owned());
    }
    texts
}

/// The evaluation texts joined by blank lines and repeated to at least
/// [`TARGET_BYTES`].
pub fn megabyte_text() -> String {
    let one_pass = eval_texts().join("\n\n");
    let mut out = String::with_capacity(TARGET_BYTES + one_pass.len());
    while out.len() < TARGET_BYTES {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&one_pass);
    }
    out
}
