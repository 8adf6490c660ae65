//! Throughput of theme scoring, alone and with entity recognition (the whole
//! analysis a reader waits for), and the cost of building a lexicon.
//!
//! ```text
//! cargo bench -p lede-analysis --bench themes
//! ```
//!
//! The ~1 MB text is `eval/bench_peers.py`'s, for spaCy and compromise
//! (`common/mod.rs`), so the figures compare.

use std::hint::black_box;
use std::time::Duration;

mod common;

use common::{SEED, megabyte_text};
use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use lede_analysis::themes::{Lexicon, score, suggest_terms};
use lede_analysis::{Document, recognize};

const LEXICON: &str = include_str!("../data/themes.json");

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
