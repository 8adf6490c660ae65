//! Throughput of entity recognition, and the cost of laying the gazetteer's
//! index over its static tables (once, on first use).
//!
//! ```text
//! cargo bench -p lede-analysis --bench analysis
//! ```
//!
//! The ~1 MB text is `eval/bench_peers.py`'s, for spaCy and compromise
//! (`common/mod.rs`), so the figures compare.

use std::hint::black_box;
use std::time::Duration;

mod common;

use common::{SEED, megabyte_text};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use lede_analysis::{Document, recognize};

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
