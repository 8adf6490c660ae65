//! Laws that hold for any text: scoring never panics, evidence points into its
//! own paragraph on character boundaries, scores are finite and thresholds hold.

use lede_analysis::themes::{ABOUT_SCORE, ABOUT_SHARE, CORE_WEIGHT, Lexicon, score, suggest_terms};
use lede_analysis::{BlockKind, Document};
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
    let report = score(&doc, lex);
    let scored: Vec<usize> = doc
        .blocks()
        .iter()
        .enumerate()
        .filter(|(_, b)| matches!(b.kind, BlockKind::Paragraph | BlockKind::Note))
        .map(|(i, _)| i)
        .collect();
    prop_assert_eq!(
        report
            .paragraphs
            .iter()
            .map(|p| p.block.0)
            .collect::<Vec<_>>(),
        scored
    );
    prop_assert_eq!(report.sequence.len(), report.paragraphs.len());
    for p in &report.paragraphs {
        let block = doc.blocks()[p.block].span;
        for e in &p.evidence {
            prop_assert!(
                block.contains(e.span) && !e.span.is_empty(),
                "{:?} outside {:?}",
                e.span,
                block
            );
            prop_assert!(
                doc.text().is_char_boundary(e.span.start)
                    && doc.text().is_char_boundary(e.span.end)
            );
            prop_assert!(lex.theme(&e.theme).is_some());
        }
        prop_assert!(
            p.evidence
                .windows(2)
                .all(|w| w[0].span.start <= w[1].span.start)
        );
        prop_assert_eq!(p.scores.len(), lex.themes().len());
        let best = p.scores.iter().map(|s| s.score).fold(0.0, f32::max);
        for s in &p.scores {
            prop_assert!(s.score.is_finite() && s.score >= 0.0 && s.score <= s.weight + 1e-6);
            let core = p
                .evidence
                .iter()
                .any(|e| e.theme == s.theme && e.weight >= CORE_WEIGHT);
            let about = s.score >= ABOUT_SCORE && (s.score >= ABOUT_SHARE * best || core);
            if p.continues.is_some() {
                // A quotation paragraph that goes on with the one before.
                prop_assert!(!about);
            } else if p.from_headline.contains(&s.theme) {
                // A lede paragraph with a strong term of a headline theme.
                prop_assert!(!about && p.about.contains(&s.theme));
            } else {
                prop_assert_eq!(about, p.about.contains(&s.theme));
            }
        }
        prop_assert_eq!(p.dominant.as_ref(), p.about.first());
    }
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
