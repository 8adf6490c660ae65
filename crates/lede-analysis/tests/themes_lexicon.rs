//! The lexicon file loads and is sound, and broken lexicons are refused with a
//! message that says what to fix.

use lede_analysis::themes::{Lexicon, Theme};

const FILE: &str = include_str!("../data/themes.json");

#[test]
fn the_builtin_file_loads_and_is_sound() {
    let lex = Lexicon::from_json(FILE).unwrap_or_else(|e| panic!("data/themes.json: {e}"));
    let ids: Vec<&str> = lex.themes().iter().map(|t| t.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "cooperation",
            "dialogue",
            "economy",
            "sovereignty",
            "friction",
            "history",
            "stability",
            "security"
        ]
    );
    for t in lex.themes() {
        assert!(
            !t.name.is_empty() && !t.description.is_empty(),
            "{} needs a name and description",
            t.id
        );
        let terms: usize = t.terms.iter().map(|g| g.words.len()).sum();
        assert!(
            terms >= 30,
            "{} has only {terms} terms: a general lexicon needs more",
            t.id
        );
        for g in &t.terms {
            for w in &g.words {
                assert_eq!(w.trim(), w, "{}: term {w:?} has stray spaces", t.id);
                assert_eq!(
                    w.to_lowercase(),
                    *w,
                    "{}: write term {w:?} in lower case",
                    t.id
                );
            }
        }
    }
    assert_eq!(Lexicon::builtin().themes(), lex.themes());
}

/// Hue in degrees and relative luminance of `#rrggbb`.
fn hue_and_luminance(colour: &str) -> (f32, f32) {
    let c = |i: usize| u8::from_str_radix(&colour[i..i + 2], 16).unwrap() as f32 / 255.0;
    let (r, g, b) = (c(1), c(3), c(5));
    let max = r.max(g).max(b);
    let min = r.min(g).min(b);
    let d = max - min;
    let hue = if d == 0.0 {
        0.0
    } else if max == r {
        60.0 * ((g - b) / d).rem_euclid(6.0)
    } else if max == g {
        60.0 * ((b - r) / d + 2.0)
    } else {
        60.0 * ((r - g) / d + 4.0)
    };
    let lin = |v: f32| {
        if v <= 0.03928 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    (hue, 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b))
}

#[test]
fn colours_are_distinct_and_work_on_light_and_dark() {
    let themes = Lexicon::builtin().themes();
    let contrast = |a: f32, b: f32| (a.max(b) + 0.05) / (a.min(b) + 0.05);
    for (i, a) in themes.iter().enumerate() {
        let (ha, la) = hue_and_luminance(&a.colour);
        // Visible as an underline or a tinted background on white and on near-black.
        assert!(
            contrast(la, 1.0) >= 2.0,
            "{} {} is too pale for a light page",
            a.id,
            a.colour
        );
        assert!(
            contrast(la, 0.006) >= 4.0,
            "{} {} is too dark for a dark page",
            a.id,
            a.colour
        );
        for b in &themes[i + 1..] {
            let (hb, _) = hue_and_luminance(&b.colour);
            let gap = (ha - hb).abs().min(360.0 - (ha - hb).abs());
            assert!(
                gap >= 20.0,
                "{} and {} have hues only {gap:.0}° apart",
                a.id,
                b.id
            );
        }
    }
}

fn theme_json(id: &str, colour: &str, words: &str) -> String {
    format!(
        r#"{{"id": "{id}", "name": "N", "colour": "{colour}", "terms": [{{"weight": 2, "words": [{words}]}}]}}"#
    )
}

#[test]
fn broken_lexicons_say_what_to_fix() {
    let ok = theme_json("a", "#123456", r#""peace""#);
    let cases: &[(String, &str)] = &[
        ("{".into(), "not valid"),
        (r#"{"themes": [], "extra": 1}"#.into(), "unknown field"),
        (format!(r#"{{"themes": [{ok}, {ok}]}}"#), "two themes have the id \"a\""),
        (format!(r#"{{"themes": [{}]}}"#, theme_json("a", "red", r#""x""#)), "not a #rrggbb colour"),
        (format!(r#"{{"themes": [{}]}}"#, theme_json("a", "#12345g", r#""x""#)), "not a #rrggbb colour"),
        (format!(r#"{{"themes": [{}]}}"#, theme_json("A b", "#123456", r#""x""#)), "theme id \"A b\" is not usable"),
        (format!(r#"{{"themes": [{}]}}"#, theme_json("a", "#123456", "")), "has no terms"),
        (format!(r#"{{"themes": [{}]}}"#, theme_json("a", "#123456", r#""—""#)), "has no word in it"),
        (format!(r#"{{"themes": [{}]}}"#, theme_json("a", "#123456", r#""peace, order""#)), "punctuation inside"),
        (format!(r#"{{"themes": [{}]}}"#, theme_json("a", "#123456", r##""#year ago""##)), "only classes are #number and #decade"),
        (format!(r#"{{"themes": [{}]}}"#, theme_json("a", "#123456", r#""a b c d e f g h i j k l m""#)), "has 13 words, and a term may have at most 12"),
        (
            format!(r#"{{"themes": [{}]}}"#, theme_json("a", "#123456", r#""cooperate", "Cooperation""#)),
            "lists \"cooperate\" and \"Cooperation\", which match the same words (\"cooper\")",
        ),
        (
            r##"{"themes": [{"id": "a", "name": "N", "colour": "#123456", "terms": [{"weight": 0, "words": ["x"]}]}]}"##.into(),
            "weights must be positive",
        ),
        (
            r##"{"themes": [{"id": "a", "name": " ", "colour": "#123456", "terms": [{"weight": 1, "words": ["x"]}]}]}"##.into(),
            "has no name",
        ),
    ];
    for (json, message) in cases {
        let err = Lexicon::from_json(json).expect_err(json).to_string();
        assert!(
            err.contains(message),
            "for {json}\n  expected {message:?}\n  got {err:?}"
        );
    }
    assert!(Lexicon::from_json(&format!(r#"{{"themes": [{ok}]}}"#)).is_ok());
}

/// A custom theme's expected id and terms, or a piece of its error message.
type Expected = Result<(&'static str, &'static [&'static str]), &'static str>;

#[test]
fn custom_themes() {
    let cases: &[(&str, &[&str], Expected)] = &[
        ("Energy", &["oil", "gas"], Ok(("energy", &["oil", "gas"]))),
        (
            "  Trade War!  ",
            &["tariff", "tariffs", " ", "Tariffs"],
            Ok(("trade-war", &["tariff", "tariffs"])),
        ),
        (
            "Énergie verte",
            &["solaire"],
            Ok(("énergie-verte", &["solaire"])),
        ),
        ("!!!", &["x"], Err("is not usable")),
        (
            "Empty",
            &["", "  ", "—"],
            Err("theme \"empty\" has no terms"),
        ),
    ];
    for (name, terms, expected) in cases {
        match (Theme::custom(name, terms.iter()), expected) {
            (Ok(t), Ok((id, words))) => {
                assert_eq!(t.id, *id);
                assert_eq!(t.terms[0].words, *words);
                assert_eq!(t.name, name.trim());
                assert!(t.colour.starts_with('#') && t.colour.len() == 7);
            }
            (Err(e), Err(msg)) => assert!(e.to_string().contains(msg), "{name}: {e}"),
            (got, _) => panic!("{name:?}: unexpected {got:?}"),
        }
    }
    // Adding, replacing and removing.
    let lex = Lexicon::builtin().clone();
    let energy = Theme::custom("Energy", ["oil"]).unwrap();
    let lex = lex.with_theme(energy.clone()).unwrap();
    assert_eq!(lex.themes().len(), 9);
    // Terms alike once stemmed count once, the first kept.
    let war = Theme::custom("Trade War", ["tariffs", "tariff", "levy"]).unwrap();
    let with_war = lex.clone().with_theme(war).unwrap();
    let kept = &with_war.theme("trade-war").unwrap().terms[0].words;
    assert_eq!(kept, &["tariffs", "levy"]);
    let err = lex.clone().with_theme(energy).unwrap_err();
    assert!(
        err.to_string()
            .contains("two themes have the id \"energy\"")
    );
    let dup = Theme::custom("Dialogue", ["talks"]).unwrap();
    assert!(lex.clone().with_theme(dup).is_err());
    // A term pasted as pages of text is refused, and the message shows its start.
    let long = vec!["word"; 5_000].join(" ");
    let long = Theme::custom("Long", [long.as_str()]).unwrap();
    let err = lex.clone().with_theme(long).unwrap_err().to_string();
    assert!(err.contains("has 5000 words"), "{err}");
    assert!(err.len() < 300, "{err}");
    let lex = lex
        .without_theme("energy")
        .without_theme("history")
        .without_theme("nope");
    assert_eq!(lex.themes().len(), 7);
    // Themes serialise as plain data, the shape of the lexicon file.
    let t = Theme::custom("Energy", ["oil"]).unwrap();
    let back: Theme = serde_json::from_str(&serde_json::to_string(&t).unwrap()).unwrap();
    assert_eq!(back, t);
}
