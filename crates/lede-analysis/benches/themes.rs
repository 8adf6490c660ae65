//! Throughput of theme scoring, alone and with entity recognition (the whole
//! analysis a reader waits for), and the cost of building a lexicon.
//!
//! ```text
//! cargo bench -p lede-analysis --bench themes
//! ```
//!
//! The ~1 MB text is built as `benches/analysis.rs` and `eval/bench_peers.py`
//! build it (the evaluation texts joined and repeated to 1,000,000 bytes, or the
//! seed article repeated when `eval/` is absent), so the figures compare.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use lede_analysis::themes::{Lexicon, score, suggest_terms};
use lede_analysis::{Document, recognize};

const SEED: &str = include_str!("../../../seeds/000_98b7338e0901f976.txt");
const LEXICON: &str = include_str!("../data/themes.json");
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
            let bytes = std::fs::read(&f).expect("readable eval file");
            let json: serde_json::Value =
                serde_json::from_slice(&bytes).expect("eval files are JSON");
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
    let lexicon = Lexicon::builtin();
    let seed = Document::parse(SEED);
    let big = megabyte_text();
    let big_doc = Document::parse(&big);

    for (group, with_entities) in [("themes", false), ("entities+themes", true)] {
        let mut g = c.benchmark_group(group);
        g.sample_size(20)
            .measurement_time(Duration::from_secs(5))
            .warm_up_time(Duration::from_secs(1));
        let run = |doc: &Document| {
            if with_entities {
                black_box(recognize(doc));
            }
            score(doc, lexicon)
        };
        g.throughput(Throughput::Bytes(SEED.len() as u64));
        g.bench_function("seed", |b| b.iter(|| run(black_box(&seed))));
        g.throughput(Throughput::Bytes(big.len() as u64));
        g.sample_size(10).measurement_time(Duration::from_secs(10));
        g.bench_function("1mb", |b| b.iter(|| run(black_box(&big_doc))));
        g.finish();
    }

    // A lexicon remembers the words it has seen; a fresh one shows the cost of
    // the first document, every word stemmed once.
    let mut g = c.benchmark_group("themes-cold");
    g.sample_size(10)
        .measurement_time(Duration::from_secs(10))
        .warm_up_time(Duration::from_secs(1));
    g.throughput(Throughput::Bytes(big.len() as u64));
    g.bench_function("1mb", |b| {
        b.iter_batched(
            || lexicon.clone(),
            |fresh| score(black_box(&big_doc), &fresh),
            BatchSize::LargeInput,
        )
    });
    g.finish();

    let mut g = c.benchmark_group("themes-other");
    g.sample_size(20)
        .measurement_time(Duration::from_secs(3))
        .warm_up_time(Duration::from_secs(1));
    g.bench_function("lexicon-build", |b| {
        b.iter(|| Lexicon::from_json(black_box(LEXICON)).unwrap())
    });
    g.throughput(Throughput::Bytes(SEED.len() as u64));
    g.bench_function("suggest-seed", |b| {
        b.iter(|| suggest_terms(black_box(&seed), 10))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
