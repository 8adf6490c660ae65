//! Reads an article on stdin and prints its entity mentions and paragraph
//! themes as one JSON object,
//! `{"ents": [{"start": s, "end": e, "label": "GPE"}, …],
//!   "paragraphs": [{"start": s, "end": e, "about": ["dialogue", …]}, …]}`,
//! with offsets in Unicode code points into the text exactly as read: the
//! format the evaluation under `eval/` compares against its gold annotations.
//! `paragraphs` lists the Paragraph and Note blocks with the default themes
//! (`Lexicon::builtin()`) each is about.
//!
//! ```text
//! cargo run --release -q -p lede-analysis --example ner < article.txt
//! ```

use std::io::Read;

use lede_analysis::themes::{Lexicon, score};
use lede_analysis::{Document, OffsetMap, recognize};
use serde_json::json;

fn main() {
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .expect("stdin is not UTF-8 text");
    let doc = Document::parse(&text);
    let found = recognize(&doc);
    let map = OffsetMap::new(doc.text());
    let ents: Vec<_> = found
        .mentions
        .iter()
        .map(|m| {
            json!({
                "start": map.char_offset(m.span.start),
                "end": map.char_offset(m.span.end),
                "label": m.label.as_str(),
            })
        })
        .collect();
    let report = score(&doc, Lexicon::builtin());
    let paragraphs: Vec<_> = report
        .paragraphs
        .iter()
        .map(|p| {
            let span = doc.blocks()[p.block].span;
            json!({
                "start": map.char_offset(span.start),
                "end": map.char_offset(span.end),
                "about": p.about,
            })
        })
        .collect();
    println!("{}", json!({ "ents": ents, "paragraphs": paragraphs }));
}
