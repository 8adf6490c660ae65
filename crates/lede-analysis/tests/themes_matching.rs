//! How terms are found: by stem, whatever the case, apostrophe or hyphen; the
//! longest term winning an overlap; phrases kept within a clause.

use lede_analysis::Document;
use lede_analysis::themes::{Lexicon, Theme, score};

/// Every (matched text, theme, lexicon term) of a one-paragraph text.
fn found(lexicon: &Lexicon, text: &str) -> Vec<(String, String, String)> {
    let doc = Document::parse(text);
    score(&doc, lexicon)
        .paragraphs
        .iter()
        .flat_map(|p| &p.evidence)
        .map(|e| {
            (
                doc.text()[e.span.start..e.span.end].to_owned(),
                e.theme.to_string(),
                e.term.to_string(),
            )
        })
        .collect()
}

/// A text and every (matched text, theme, term) expected in it.
type Case<'a> = (&'a str, &'a [(&'a str, &'a str, &'a str)]);

fn check(lexicon: &Lexicon, cases: &[Case]) {
    let mut wrong = Vec::new();
    for (text, expected) in cases {
        let got = found(lexicon, text);
        let expected: Vec<(String, String, String)> = expected
            .iter()
            .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
            .collect();
        if got != expected {
            wrong.push(format!(
                "{text:?}\n   expected {expected:?}\n   got      {got:?}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// A small lexicon whose every term is in sight.
const TOY: &str = r##"{
  "neutral": ["historic opportunity"],
  "themes": [
    {"id": "coop", "name": "Co-op", "colour": "#2fb36b",
     "terms": [{"weight": 3, "words": ["cooperation", "win-win cooperation", "common ground",
                                        "seeking common ground while shelving differences"]}]},
    {"id": "fric", "name": "Fric", "colour": "#f07c2a",
     "terms": [{"weight": 2, "words": ["=differences", "=containment", "trade war"]}]},
    {"id": "econ", "name": "Econ", "colour": "#d4a514",
     "terms": [{"weight": 3, "words": ["trade", "trade war", "core interests"]}]},
    {"id": "past", "name": "Past", "colour": "#9a6ce0",
     "terms": [{"weight": 3, "words": ["history", "#decade", "#number years ago", "people's history"]}]}
  ]
}"##;

#[test]
fn stems_case_apostrophes_hyphens() {
    let toy = Lexicon::from_json(TOY).unwrap();
    check(
        &toy,
        &[
            ("They cooperate.", &[("cooperate", "coop", "cooperation")]),
            ("COOPERATING now", &[("COOPERATING", "coop", "cooperation")]),
            ("Cooperation", &[("Cooperation", "coop", "cooperation")]),
            (
                "win-win cooperation",
                &[("win-win cooperation", "coop", "win-win cooperation")],
            ),
            (
                "win win cooperation",
                &[("win win cooperation", "coop", "win-win cooperation")],
            ),
            (
                "Win–win cooperation",
                &[("cooperation", "coop", "cooperation")],
            ),
            (
                "China’s core interests",
                &[("core interests", "econ", "core interests")],
            ),
            (
                "the People’s history",
                &[("People’s history", "past", "people's history")],
            ),
            (
                "the People's History",
                &[("People's History", "past", "people's history")],
            ),
            ("histories", &[("histories", "past", "history")]),
            ("in the 1970s", &[("1970s", "past", "#decade")]),
            (
                "46 years ago",
                &[("46 years ago", "past", "#number years ago")],
            ),
            ("some years ago", &[]),
            ("On Jan. 17, 2025", &[]),
        ],
    );
}

#[test]
fn longest_match_and_overlaps() {
    let toy = Lexicon::from_json(TOY).unwrap();
    check(
        &toy,
        &[
            // The longer phrase takes "differences" and "common ground" with it.
            (
                "by seeking common ground while shelving differences",
                &[(
                    "seeking common ground while shelving differences",
                    "coop",
                    "seeking common ground while shelving differences",
                )],
            ),
            (
                "their differences and common ground",
                &[
                    ("differences", "fric", "=differences"),
                    ("common ground", "coop", "common ground"),
                ],
            ),
            // A phrase two themes list counts for both; "trade" alone does not also count.
            (
                "a trade war",
                &[
                    ("trade war", "fric", "trade war"),
                    ("trade war", "econ", "trade war"),
                ],
            ),
            (
                "trade wars",
                &[
                    ("trade wars", "fric", "trade war"),
                    ("trade wars", "econ", "trade war"),
                ],
            ),
            ("trade", &[("trade", "econ", "trade")]),
            // A neutral phrase counts for nothing and hides its words.
            ("a historic opportunity", &[]),
            ("a history", &[("history", "past", "history")]),
        ],
    );
}

#[test]
fn exact_forms_and_clause_breaks() {
    let toy = Lexicon::from_json(TOY).unwrap();
    check(
        &toy,
        &[
            ("containment", &[("containment", "fric", "=containment")]),
            ("the box contains it", &[]),
            ("different views", &[]),
            (
                "Differences remain",
                &[("Differences", "fric", "=differences")],
            ),
            // Phrases do not run across sentence or clause punctuation…
            (
                "win. Win cooperation",
                &[("cooperation", "coop", "cooperation")],
            ),
            ("trade, war", &[("trade", "econ", "trade")]),
            ("trade (war)", &[("trade", "econ", "trade")]),
            // …but do across quotation marks and the stop of "U.S.".
            (
                "“trade war”",
                &[
                    ("trade war", "fric", "trade war"),
                    ("trade war", "econ", "trade war"),
                ],
            ),
        ],
    );
}

#[test]
fn the_builtin_lexicon_on_tricky_words() {
    let lex = Lexicon::builtin();
    check(
        lex,
        &[
            ("important", &[]),
            ("international affairs", &[]),
            // Stems shared with unrelated words: only the exact forms count.
            ("the objectives of the plan", &[]),
            ("they objected", &[("objected", "friction", "=objected")]),
            (
                "troops took up positions",
                &[("troops", "security", "troops")],
            ),
            (
                "a positive step",
                &[("positive", "cooperation", "=positive")],
            ),
            ("construction of the dam", &[]),
            ("an integrated plan", &[]),
            ("initially", &[]),
            ("behind their backs", &[]),
            ("Yvette Cooper", &[]),
            // A year ago is news, years ago the past.
            ("almost a year ago", &[("ago", "history", "ago")]),
            ("many years ago", &[("years ago", "history", "=years ago")]),
            (
                "50 years ago",
                &[("50 years ago", "history", "#number years ago")],
            ),
            (
                "they cooperated",
                &[("cooperated", "cooperation", "=cooperated")],
            ),
            ("the original plan", &[]),
            ("water supply", &[]),
            (
                "a currency conversion",
                &[("currency", "economy", "currency")],
            ),
            // A speaker talking to the press is no diplomacy.
            ("the minister spoke to reporters", &[]),
            ("she will speak to journalists", &[]),
            (
                "she spoke to her counterpart",
                &[
                    ("spoke to", "dialogue", "spoke to"),
                    ("counterpart", "dialogue", "counterpart"),
                ],
            ),
            ("Prime Minister Modi", &[]),
            (
                "the founders found it",
                &[("founders", "history", "=founders")],
            ),
            ("we found it", &[]),
            (
                "national security",
                &[("national security", "security", "national security")],
            ),
            (
                "securities markets",
                &[
                    ("securities", "economy", "=securities"),
                    ("markets", "economy", "market"),
                ],
            ),
            ("social security", &[]),
            (
                "interference in internal affairs",
                &[
                    (
                        "interference in internal affairs",
                        "sovereignty",
                        "=interference in internal affairs",
                    ),
                    (
                        "interference in internal affairs",
                        "friction",
                        "=interference in internal affairs",
                    ),
                ],
            ),
            (
                "community with a shared future",
                &[(
                    "community with a shared future",
                    "cooperation",
                    "community with a shared future",
                )],
            ),
            (
                "a community with a shared future for mankind",
                &[(
                    "community with a shared future for mankind",
                    "stability",
                    "community with a shared future for mankind",
                )],
            ),
            // Exact forms: a Protestant and a March are no friction.
            ("the Protestant church", &[]),
            (
                "the protesters",
                &[("protesters", "friction", "=protesters")],
            ),
            ("a divisive vote", &[("divisive", "friction", "=divisive")]),
            ("in March on Tuesday", &[]),
            (
                "they marched on parliament",
                &[("marched on", "friction", "=marched on")],
            ),
            // Sanctions are friction; the economy needs its own words.
            ("new sanctions", &[("sanctions", "friction", "sanctions")]),
            ("a consulting firm", &[]),
            ("in the 1980s", &[("1980s", "history", "#decade")]),
            (
                "peaceful coexistence",
                &[(
                    "peaceful coexistence",
                    "cooperation",
                    "peaceful coexistence",
                )],
            ),
        ],
    );
}

#[test]
fn a_custom_theme_sees_every_occurrence_of_its_terms() {
    let custom = Theme::custom("Trade!", ["trade", "Trade", "soybean"]).unwrap();
    assert_eq!(custom.id, "trade");
    assert_eq!(custom.terms[0].words, ["trade", "soybean"]);
    let lex = Lexicon::builtin().clone().with_theme(custom).unwrap();
    let got = found(&lex, "the trade war hit soybeans");
    let custom_hits: Vec<_> = got
        .iter()
        .filter(|(_, t, _)| t == "trade")
        .map(|(s, _, _)| s.as_str())
        .collect();
    // Inside the built-in "trade war", the reader's "trade" still counts.
    assert_eq!(custom_hits, ["trade", "soybeans"]);
    assert!(
        got.iter()
            .any(|(s, t, _)| s == "trade war" && t == "economy")
    );
    // And it is scored and filtered like any other theme.
    let doc = Document::parse("Soybean exports fell as the trade dispute dragged on.");
    let p = &score(&doc, &lex).paragraphs[0];
    assert!(p.is_about("trade"), "{:?}", p.about);
}
