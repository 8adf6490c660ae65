//! What a careful reader says each paragraph of the seed article is about, and
//! that the default lexicon agrees. Nothing here is known to the engine: these
//! are expectations, the lexicon is general.

use lede_analysis::themes::{Lexicon, ThemeReport, score};
use lede_analysis::{BlockKind, Document};

const SEED: &str = include_str!("../../../seeds/000_98b7338e0901f976.txt");

/// (how the paragraph starts, themes it must be about, themes it may also be about).
/// Anything else is wrong.
const READING: &[(&str, &[&str], &[&str])] = &[
    // The phone call itself.
    ("On Jan. 17, 2025", &["dialogue"], &[]),
    // Common interests, space for cooperation, principles of the relationship.
    (
        "Xi said China and the U.S. share",
        &["cooperation"],
        &["dialogue"],
    ),
    // Maintaining dialogue and communication, meeting soon.
    (
        "Trump said that he cherishes",
        &["dialogue"],
        &["cooperation"],
    ),
    // Communication channels and regular contact.
    ("They agreed to establish", &["dialogue"], &[]),
    // The call's reception by the international community.
    ("This conversation, drawing", &["dialogue"], &["stability"]),
    // The relationship matters to the well-being of peoples and all humanity.
    (
        "The China-U.S. relationship is one",
        &["stability"],
        &["cooperation"],
    ),
    // "Over four decades ago … the establishment of diplomatic relations".
    (
        "The positive interactions",
        &["history"],
        &["dialogue", "cooperation", "stability"],
    ),
    // Mutual respect, peaceful coexistence, win-win cooperation.
    (
        "China’s policy toward the U.S. is consistent",
        &["cooperation"],
        &["stability"],
    ),
    // Partners and friends, common prosperity.
    (
        "China and the U.S. share extensive",
        &["cooperation"],
        &["economy", "stability"],
    ),
    // "the 1970s … After 46 years", and a community with a shared future.
    (
        "Eyeing on their common interests",
        &["history", "cooperation"],
        &[],
    ),
    // Growing pains, wrong perceptions, mutually beneficial development.
    (
        "Some issues in China-U.S. relations",
        &["friction", "cooperation"],
        &[],
    ),
    // Economic and trade relations, mutually beneficial and win-win.
    (
        "Under the current international",
        &["economy", "cooperation"],
        &["stability"],
    ),
    // Disagreements; core interests and major concerns.
    ("It is inevitable", &["friction", "sovereignty"], &[]),
    // Consultations and mechanisms: dialogue and cooperation "better than friction".
    (
        "Over the past four years",
        &["dialogue", "cooperation"],
        &["friction"],
    ),
    // Taiwan, sovereignty, territorial integrity; containment and suppression.
    (
        "The Taiwan question",
        &["sovereignty", "friction"],
        &["cooperation"],
    ),
    // An international landscape fraught with instability.
    ("Against the backdrop", &["stability"], &["cooperation"]),
    // Mutually beneficial, win-win cooperation.
    ("China always has clear", &["cooperation"], &["history"]),
    // Global solidarity, dialogue and communication, cooperation, instability.
    (
        "China and the U.S. should view",
        &["cooperation", "dialogue", "stability"],
        &["friction"],
    ),
    // Step up cooperation, mutual respect, win-win cooperation.
    (
        "The river of human history",
        &["cooperation"],
        &["history", "stability"],
    ),
    // The note about the pen name.
    ("(Zhong Sheng is a pen name", &[], &[]),
];

fn report() -> (Document, ThemeReport) {
    let doc = Document::parse(SEED);
    let report = score(&doc, Lexicon::builtin());
    (doc, report)
}

#[test]
fn every_paragraph_reads_as_a_careful_reader_reads_it() {
    let (doc, report) = report();
    assert_eq!(report.paragraphs.len(), READING.len());
    let mut wrong = Vec::new();
    for (p, (start, must, may)) in report.paragraphs.iter().zip(READING) {
        let text = doc.block_text(&doc.blocks()[p.block]);
        assert!(
            text.starts_with(start),
            "paragraph {text:?} is not {start:?}"
        );
        let missing: Vec<_> = must.iter().filter(|t| !p.is_about(t)).collect();
        let extra: Vec<_> = p
            .about
            .iter()
            .filter(|a| !must.contains(&&***a) && !may.contains(&&***a))
            .collect();
        if !missing.is_empty() || !extra.is_empty() {
            wrong.push(format!(
                "{start:?}: about {:?}, missing {missing:?}, unexpected {extra:?}",
                p.about
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "paragraphs read wrongly:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_note_and_headline_are_handled() {
    let (_, report) = report();
    let note = report.paragraphs.last().unwrap();
    assert_eq!(note.kind, BlockKind::Note);
    assert!(note.about.is_empty() && note.dominant.is_none());
    // The title and byline are not paragraphs.
    assert!(report.paragraphs.iter().all(|p| p.block.0 >= 2));
}

#[test]
fn the_taiwan_paragraph_shows_its_evidence() {
    let (doc, report) = report();
    let p = &report.paragraphs[14];
    let found: Vec<(&str, &str)> = p
        .evidence
        .iter()
        .map(|e| (&*e.theme, &doc.text()[e.span.start..e.span.end]))
        .collect();
    for expected in [
        ("sovereignty", "Taiwan question"),
        ("sovereignty", "sovereignty"),
        ("sovereignty", "territorial integrity"),
        ("friction", "Containment and suppression"),
        (
            "cooperation",
            "seeking common ground while shelving differences",
        ),
    ] {
        assert!(found.contains(&expected), "{expected:?} not in {found:?}");
    }
    // "differences" inside the conciliatory phrase is not friction; the
    // earlier "handle their differences" is.
    let friction_differences = found
        .iter()
        .filter(|(t, s)| *t == "friction" && *s == "differences")
        .count();
    assert_eq!(friction_differences, 1);
    assert_eq!(p.dominant.as_deref(), Some("sovereignty"));
}

#[test]
fn the_article_distribution_and_path() {
    let (_, report) = report();
    let total = |id: &str| report.totals.iter().find(|t| &*t.theme == id).unwrap();
    // Cooperation runs through the piece; security never comes up.
    assert!(total("cooperation").paragraphs >= 8);
    assert_eq!(total("security").paragraphs, 0);
    assert!(total("cooperation").weight > total("economy").weight);
    let path: Vec<Option<&str>> = report.sequence.iter().map(|s| s.as_deref()).collect();
    assert_eq!(
        &path[..4],
        &[
            Some("dialogue"),
            Some("cooperation"),
            Some("dialogue"),
            Some("dialogue")
        ]
    );
    assert_eq!(path.last(), Some(&None));
}

#[test]
fn the_report_is_plain_data() {
    let (_, report) = report();
    let json = serde_json::to_string(&report).unwrap();
    let back: ThemeReport = serde_json::from_str(&json).unwrap();
    assert_eq!(back, report);
}

#[test]
fn history_and_dialogue_paragraphs_show_why() {
    let (doc, report) = report();
    let shown = |i: usize, theme: &str| -> Vec<String> {
        report.paragraphs[i]
            .evidence
            .iter()
            .filter(|e| &*e.theme == theme)
            .map(|e| doc.text()[e.span.start..e.span.end].to_owned())
            .collect()
    };
    assert!(shown(6, "history").contains(&"decades ago".to_string()));
    assert_eq!(
        shown(9, "history"),
        ["ice-breaking", "1970s", "After 46 years"]
    );
    assert_eq!(shown(0, "dialogue")[0], "telephone conversation");
    assert!(shown(3, "dialogue").contains(&"strategic communication".to_string()));
    // "Over the past four years" is recent, not history.
    assert!(!report.paragraphs[13].is_about("history"));
}
