//! What the entity tests share: a text's mentions as (surface, label), and a
//! check of many cases that reports every failure at once.

use lede_analysis::{Document, Label, recognize};

/// Every mention of `text`, in order, as its surface and label.
pub fn mentions(text: &str) -> Vec<(String, Label)> {
    let doc = Document::parse(text);
    recognize(&doc)
        .mentions
        .iter()
        .map(|m| (m.span.slice(doc.text()).to_owned(), m.label))
        .collect()
}

/// Each text's mentions are exactly the ones listed; every case that
/// fails is reported.
pub fn check(cases: &[(&str, &[(&str, Label)])]) {
    let mut failures = Vec::new();
    for (text, expected) in cases {
        let got = mentions(text);
        let want: Vec<(String, Label)> =
            expected.iter().map(|(s, l)| (s.to_string(), *l)).collect();
        if got != want {
            failures.push(format!("{text:?}\n   want {want:?}\n    got {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
