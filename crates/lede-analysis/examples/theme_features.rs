//! Reads an article on stdin and prints, for each Paragraph and Note block,
//! what a learned theme model could see: the engine's themes and per-theme
//! scores, the themes of its core (weight 3) terms, its evidence, its entity
//! labels, and its words as Snowball stems with `|` at clause breaks. The
//! input of `eval/theme_model_cv.py` (issue #17), offsets in code points.
//!
//! The words are cut with `unicode-segmentation` and stemmed here, close to
//! but not exactly as the matcher does (its tokeniser is crate-private):
//! enough for an experiment, not for a model the engine would run.
//!
//! ```text
//! cargo run --release -q -p lede-analysis --example theme_features < article.txt
//! ```

use std::io::Read;

use lede_analysis::themes::{CORE_WEIGHT, Lexicon, score};
use lede_analysis::{Document, OffsetMap, recognize};
use rust_stemmers::{Algorithm, Stemmer};
use serde_json::json;
use unicode_segmentation::UnicodeSegmentation;

fn main() {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).unwrap();
    let doc = Document::parse(&text);
    let map = OffsetMap::new(doc.text());
    let found = recognize(&doc);
    let report = score(&doc, Lexicon::builtin());
    let stemmer = Stemmer::create(Algorithm::English);
    let mut out = Vec::new();
    for p in &report.paragraphs {
        let span = doc.blocks()[p.block].span;
        let t = doc.block_text(&doc.blocks()[p.block]);
        let mut toks: Vec<String> = Vec::new();
        for seg in t.split_word_bounds() {
            if seg.chars().any(char::is_alphanumeric) {
                let lower: String = seg
                    .chars()
                    .map(|c| if c == '’' { '\'' } else { c })
                    .flat_map(char::to_lowercase)
                    .collect();
                let s = if lower.chars().next().is_some_and(|c| c.is_ascii_digit()) {
                    "#num".to_string()
                } else {
                    stemmer.stem(&lower).into_owned()
                };
                toks.push(s);
            } else if seg.chars().any(|c| ".,;:!?()[]—–\n".contains(c)) {
                toks.push("|".into());
            }
        }
        let ents: Vec<&str> = found
            .mentions
            .iter()
            .filter(|m| m.span.start >= span.start && m.span.end <= span.end)
            .map(|m| m.label.as_str())
            .collect();
        let core: Vec<&str> = p
            .evidence
            .iter()
            .filter(|e| e.weight >= CORE_WEIGHT)
            .map(|e| &*e.theme)
            .collect();
        out.push(json!({
            "start": map.char_offset(span.start),
            "end": map.char_offset(span.end),
            "about": p.about,
            "continues": p.continues.is_some(),
            "from_headline": p.from_headline,
            "words": p.words,
            "scores": p.scores.iter().map(|s| (s.theme.to_string(), s.score, s.weight)).collect::<Vec<_>>(),
            "core": core,
            "evidence": p.evidence.iter().map(|e| (e.theme.to_string(), e.term.to_string(), e.weight)).collect::<Vec<_>>(),
            "toks": toks,
            "ents": ents,
            "kind": format!("{:?}", p.kind),
        }));
    }
    println!("{}", serde_json::Value::Array(out));
}
