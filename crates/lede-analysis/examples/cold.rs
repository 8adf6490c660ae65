//! What the first analysis in a fresh process costs, against the next ones:
//! the one-time set-up (the built-in lexicon, the stemmer, the gazetteer
//! tables) is paid by the first call. Prints microseconds.
//!
//! `cargo run --release --example cold -p lede-analysis [FILE]` (the seed article by default).
use std::time::Instant;

use lede_analysis::themes::{Lexicon, score};
use lede_analysis::{Document, recognize};

fn main() {
    let text = match std::env::args().nth(1) {
        Some(path) => std::fs::read_to_string(path).expect("a readable UTF-8 file"),
        None => include_str!("../../../seeds/000_98b7338e0901f976.txt").to_owned(),
    };
    let us = |t: Instant| t.elapsed().as_secs_f64() * 1e6;
    let t = Instant::now();
    let doc = Document::parse(&text);
    println!("parse                 {:>8.0} µs", us(t));
    let t = Instant::now();
    let lexicon = Lexicon::builtin();
    println!("built-in lexicon      {:>8.0} µs (first use)", us(t));
    for round in ["first", "second"] {
        let t = Instant::now();
        let e = recognize(&doc);
        println!(
            "entities, {round:<6}      {:>8.0} µs ({} mentions)",
            us(t),
            e.mentions.len()
        );
        let t = Instant::now();
        let r = score(&doc, lexicon);
        println!(
            "themes, {round:<6}        {:>8.0} µs ({} paragraphs)",
            us(t),
            r.paragraphs.len()
        );
    }
}
