//! Throughput of entity recognition, and the cost of laying the gazetteer's
//! index over its static tables (once, on first use).
//!
//! ```text
//! cargo bench -p lede-analysis --bench analysis
//! ```
//!
//! The ~1 MB text is built as `eval/bench_peers.py` builds it for spaCy and
//! compromise: the evaluation texts (dev then test, sorted by name) joined by
//! blank lines and repeated to at least 1,000,000 bytes, so the figures compare.
//! Without `eval/`, the seed article is repeated instead.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use lede_analysis::{Document, recognize};

const SEED: &str = include_str!("../../../seeds/000_98b7338e0901f976.txt");
const TARGET_BYTES: usize = 1_000_000;

fn eval_texts() -> Vec<String> {
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
            let json: serde_json::Value =
                serde_json::from_slice(&std::fs::read(&f).expect("readable eval file"))
                    .expect("eval files are JSON");
            if let Some(t) = json["text"].as_str() {
                texts.push(t.to_owned());
            }
        }
    }
    texts
}

fn megabyte_text() -> String {
    let mut texts = eval_texts();
    if texts.is_empty() {
        texts.push(SEED.to_owned());
    }
    let one_pass = texts.join("\n\n");
    let mut out = String::with_capacity(TARGET_BYTES + one_pass.len());
    while out.len() < TARGET_BYTES {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&one_pass);
    }
    out
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("recognize");
    g.sample_size(20)
        .measurement_time(Duration::from_secs(5))
        .warm_up_time(Duration::from_secs(1));
    let seed = Document::parse(SEED);
    g.throughput(Throughput::Bytes(SEED.len() as u64));
    g.bench_function("seed", |b| b.iter(|| recognize(black_box(&seed))));
    let big = megabyte_text();
    let big_doc = Document::parse(&big);
    g.throughput(Throughput::Bytes(big.len() as u64));
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    g.bench_function("1mb", |b| b.iter(|| recognize(black_box(&big_doc))));
    g.finish();

    let mut g = c.benchmark_group("matchers");
    g.sample_size(10)
        .measurement_time(Duration::from_secs(5))
        .warm_up_time(Duration::from_secs(1));
    g.bench_function("build", |b| b.iter(lede_analysis::entities::build_matchers));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
