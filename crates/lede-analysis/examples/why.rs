use lede_analysis::Document;
use lede_analysis::themes::{Lexicon, score};
use std::io::Read;
fn main() {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).unwrap();
    let doc = Document::parse(&text);
    let r = score(&doc, Lexicon::builtin());
    for p in &r.paragraphs {
        let t = doc.block_text(&doc.blocks()[p.block.0]);
        println!(
            "\n## {} [{} words] about={:?}",
            &t[..t.len().min(60)],
            p.words,
            p.about
        );
        for s in &p.scores {
            if s.weight > 0.0 {
                print!("  {}={:.2}", s.theme, s.score);
            }
        }
        println!();
        for e in &p.evidence {
            print!(
                " {}:{}({})",
                e.theme,
                &text[e.span.start..e.span.end],
                e.weight
            );
        }
        println!();
    }
}
