//! What applying the reader's corrections costs on a long document: the seed
//! article repeated to 4 MB, one correction of each kind near its middle,
//! "every mention" of its most frequent text, and a hundred corrections at once.
//! Each figure is the fastest of five runs.
//!
//! ```text
//! cargo run --release -p lede-analysis --example corrections          # 4 MB
//! cargo run --release -p lede-analysis --example corrections -- 1     # 1 MB
//! ```

use std::collections::HashMap;
use std::time::{Duration, Instant};

use lede_analysis::corrections::{self, Anchor, Correction, Scope};
use lede_analysis::{Document, Label, Span, recognize};

const SEED: &str = include_str!("../../../seeds/000_98b7338e0901f976.txt");

fn fastest(mut f: impl FnMut()) -> Duration {
    (0..5)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn main() {
    let mb: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(4);
    let mut text = String::with_capacity(mb << 20);
    let body = SEED.split_once("\n\n").map_or(SEED, |(_, b)| b);
    text.push_str("A long read\n\n");
    while text.len() < mb << 20 {
        text.push_str(body);
        text.push_str("\n\n");
    }
    let doc = Document::parse(&text);
    let text = doc.text();
    let engine = recognize(&doc);
    let ms = &engine.mentions;
    println!(
        "{:.1} MB, {} mentions, {} entities",
        text.len() as f64 / (1 << 20) as f64,
        ms.len(),
        engine.entities.len()
    );
    let middle = &ms[ms.len() / 2];
    let other = ms[ms.len() / 2..]
        .iter()
        .find(|m| m.entity != middle.entity)
        .expect("another entity");
    let at = |s: Span| Anchor::at(text, s);
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for m in ms {
        *counts.entry(m.span.slice(text)).or_default() += 1;
    }
    let (most, n) = counts
        .into_iter()
        .max_by_key(|(_, n)| *n)
        .expect("mentions");
    let most_at = ms.iter().find(|m| m.span.slice(text) == most).unwrap().span;
    // A word no mention covers, for an added entity.
    let free = text[middle.span.end..]
        .find(" the ")
        .map(|i| Span::new(middle.span.end + i + 1, middle.span.end + i + 4))
        .unwrap();
    let cases: Vec<(String, Vec<Correction>)> = vec![
        (
            "add one".into(),
            vec![Correction::Add {
                target: at(free),
                label: Label::Org,
            }],
        ),
        (
            "retype one".into(),
            vec![Correction::Retype {
                target: at(middle.span),
                label: Label::Loc,
                scope: Scope::One,
            }],
        ),
        (
            "remove one".into(),
            vec![Correction::Remove {
                target: at(middle.span),
                scope: Scope::One,
            }],
        ),
        (
            "merge two entities".into(),
            vec![Correction::Merge {
                target: at(middle.span),
                into: at(other.span),
            }],
        ),
        (
            format!("retype all {n} “{most}”"),
            vec![Correction::Retype {
                target: at(most_at),
                label: Label::Loc,
                scope: Scope::All,
            }],
        ),
        (
            format!("remove all {n} “{most}”"),
            vec![Correction::Remove {
                target: at(most_at),
                scope: Scope::All,
            }],
        ),
        (
            "100 corrections (retype one each)".into(),
            ms.iter()
                .step_by(ms.len() / 100)
                .take(100)
                .map(|m| Correction::Retype {
                    target: at(m.span),
                    label: Label::Org,
                    scope: Scope::One,
                })
                .collect(),
        ),
    ];
    println!("{:>8}  case", "ms");
    let none = fastest(|| {
        std::hint::black_box(corrections::apply(&doc, &engine, &[]));
    });
    println!(
        "{:>8.2}  no correction (a copy of the reading)",
        none.as_secs_f64() * 1e3
    );
    for (name, list) in cases {
        let out = corrections::apply(&doc, &engine, &list);
        assert!(out.dropped.is_empty(), "{name}: {:?}", out.dropped);
        let t = fastest(|| {
            std::hint::black_box(corrections::apply(&doc, &engine, &list));
        });
        println!("{:>8.2}  {name}", t.as_secs_f64() * 1e3);
    }
    // A text that moved: every anchor's position is off, so each is searched for.
    let moved = Document::parse(&format!("Moved\n\n{}", &text[13..]));
    let moved_engine = recognize(&moved);
    let list = vec![Correction::Retype {
        target: at(middle.span),
        label: Label::Loc,
        scope: Scope::One,
    }];
    let t = fastest(|| {
        std::hint::black_box(corrections::apply(&moved, &moved_engine, &list));
    });
    println!(
        "{:>8.2}  retype one, in a text that moved (anchor searched for)",
        t.as_secs_f64() * 1e3
    );
}
