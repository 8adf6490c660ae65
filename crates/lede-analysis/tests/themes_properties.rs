//! Laws that hold for any text: scoring never panics, evidence points into its
//! own paragraph on character boundaries, scores are finite and thresholds hold
//! (the fuzz targets' checks, `lede_analysis::fuzzing::check_report`).

use lede_analysis::Document;
use lede_analysis::fuzzing;
use lede_analysis::themes::{Lexicon, score, suggest_terms};
use proptest::prelude::*;

/// Text made of lexicon words, look-alikes and awkward separators, so matches
/// happen often and at odd places.
fn themed_text() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "win",
        "win-win",
        "cooperation",
        "trade",
        "war",
        "Taiwan",
        "core",
        "interests",
        "China’s",
        "1970s",
        "46",
        "years",
        "ago",
        "differences",
        "seeking",
        "common",
        "ground",
        "while",
        "shelving",
        "É",
        "😀",
        "U.S.",
        "historic",
        "opportunity",
        "security",
        "ﬁ",
        "İstanbul",
    ]);
    let seps = prop::sample::select(vec![
        " ", "-", ", ", ". ", "\n", "\n\n", "’", "“", " — ", "",
    ]);
    prop::collection::vec((words, seps), 0..60)
        .prop_map(|v| v.into_iter().flat_map(|(w, s)| [w, s]).collect())
}

fn check(text: &str) -> Result<(), TestCaseError> {
    let doc = Document::parse(text);
    let lex = Lexicon::builtin();
    // Every paragraph scored, evidence inside it on character boundaries,
    // finite scores, the thresholds, context's additions and removals.
    fuzzing::check_report(&doc, lex, &score(&doc, lex));
    for t in suggest_terms(&doc, 10) {
        prop_assert!(t.count == t.spans.len() && t.count > 0 && t.score.is_finite());
        for s in &t.spans {
            prop_assert!(s.end <= doc.text().len());
            prop_assert!(
                doc.text().is_char_boundary(s.start) && doc.text().is_char_boundary(s.end)
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_unicode_text(text in "\\PC{0,200}|(\\PC|\n){0,200}") {
        check(&text)?;
    }

    #[test]
    fn text_full_of_terms(text in themed_text()) {
        check(&text)?;
    }
}
