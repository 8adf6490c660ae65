//! What the first analysis in a fresh process costs, against the next ones:
//! the one-time set-up (the built-in lexicon, the stemmer, the gazetteer
//! tables) is paid by the first call. Prints microseconds; with a number of
//! rounds, also the fastest and the median of the later calls and the whole
//! analysis's throughput (the fastest round is the one least disturbed by
//! the rest of a shared machine).
//!
//! `cargo run --release --example cold -p lede-analysis [FILE [ROUNDS]]`
//! (the seed article and 2 rounds by default).
use std::time::Instant;

use lede_analysis::themes::{Lexicon, score};
use lede_analysis::{Document, recognize};

fn main() {
    let mut args = std::env::args().skip(1);
    let text = match args.next() {
        Some(path) => std::fs::read_to_string(path).expect("a readable UTF-8 file"),
        None => include_str!("../../../seeds/000_98b7338e0901f976.txt").to_owned(),
    };
    let rounds: usize = args
        .next()
        .map_or(2, |n| n.parse().expect("a number of rounds"))
        .max(2);
    let us = |t: Instant| t.elapsed().as_secs_f64() * 1e6;
    let t = Instant::now();
    let doc = Document::parse(&text);
    println!("parse                 {:>8.0} µs", us(t));
    let t = Instant::now();
    let lexicon = Lexicon::builtin();
    println!("built-in lexicon      {:>8.0} µs (first use)", us(t));
    let mut later = Vec::new();
    for round in 0..rounds {
        let t = Instant::now();
        let e = recognize(&doc);
        let entities = us(t);
        let t = Instant::now();
        let r = score(&doc, lexicon);
        let themes = us(t);
        if round < 2 {
            let name = ["first", "second"][round];
            println!(
                "entities, {name:<6}      {entities:>8.0} µs ({} mentions)",
                e.mentions.len()
            );
            println!(
                "themes, {name:<6}        {themes:>8.0} µs ({} paragraphs)",
                r.paragraphs.len()
            );
        }
        if round > 0 {
            later.push((entities + themes, entities, themes));
        }
    }
    if rounds > 2 {
        later.sort_by(|a, b| a.0.total_cmp(&b.0));
        let (fastest, median) = (later[0], later[later.len() / 2]);
        for (name, (all, entities, themes)) in [("fastest", fastest), ("median", median)] {
            println!(
                "{name:<8} of {n} later rounds: {all:>8.0} µs = entities {entities:.0} + themes {themes:.0}; {mbs:.1} MB/s",
                n = later.len(),
                mbs = text.len() as f64 / all,
            );
        }
    }
}
