//! The exporters: each format's shape, its offsets on text where bytes, code
//! points and UTF-16 units differ, the view's filter, and the law that every
//! exported span's text is the slice of the text it points at.

use lede_analysis::export::{self, View};
use lede_analysis::themes::{
    self, Evidence, Lexicon, ParagraphThemes, ThemeReport, ThemeScore, ThemeTotal,
};
use lede_analysis::{
    BlockId, BlockKind, Document, Entities, Entity, EntityId, Label, Mention, MentionId, Quote,
    Span, recognize,
};
use proptest::prelude::*;
use serde_json::Value;

/// The article the tables below annotate: curly quotes, accents, CJK and an
/// emoji (two UTF-16 units) before the entities.
const TEXT: &str = "“Fête” in 北京\n\n😀 Zoë Ångström met 习近平 in Zürich, said “Peace, now.”\n\nZoë left on Monday.";

/// (surface, occurrence, label, entity) for each mention of [`TEXT`].
const MENTIONS: &[(&str, usize, Label, usize)] = &[
    ("北京", 0, Label::Gpe, 0),
    ("Zoë Ångström", 0, Label::Person, 1),
    ("习近平", 0, Label::Person, 2),
    ("Zürich", 0, Label::Gpe, 3),
    ("Zoë", 1, Label::Person, 1),
    ("Monday", 0, Label::Date, 4),
];

fn nth_span(text: &str, needle: &str, nth: usize) -> Span {
    let (start, _) = text.match_indices(needle).nth(nth).unwrap();
    Span::new(start, start + needle.len())
}

/// Entities built by hand, as recognition would give them.
fn fixture() -> (Document, Entities) {
    let doc = Document::parse(TEXT);
    let text = doc.text();
    let mentions: Vec<Mention> = MENTIONS
        .iter()
        .map(|&(s, nth, label, entity)| Mention {
            span: nth_span(text, s, nth),
            label,
            entity: EntityId(entity),
            why: "test",
        })
        .collect();
    let entity = |label, name: &str, wikidata: Option<&str>, aliases: &[&str]| Entity {
        label,
        name: name.into(),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        wikidata: wikidata.map(Into::into),
        mentions: vec![],
        salience: 0.5,
    };
    let mut entities = vec![
        entity(Label::Gpe, "Beijing, \"北京\"", Some("Q956"), &["北京"]),
        entity(Label::Person, "Zoë Ångström", None, &["Zoë"]),
        entity(Label::Person, "Xi Jinping", Some("Q15031"), &["习近平"]),
        entity(Label::Gpe, "Zürich\nCity", Some("Q72"), &[]),
        entity(Label::Date, "Monday", None, &[]),
    ];
    for (i, m) in mentions.iter().enumerate() {
        entities[m.entity].mentions.push(MentionId(i));
    }
    let quote = nth_span(text, "“Peace, now.”", 0);
    let found = Entities {
        mentions,
        entities,
        quotes: vec![Quote {
            span: quote,
            speaker: Some(EntityId(1)),
        }],
    };
    (doc, found)
}

/// The text from code point `start` to code point `end`, as Python slices it.
fn chars(text: &str, start: u64, end: u64) -> String {
    text.chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect()
}

/// The text between two UTF-16 offsets, as JavaScript slices it.
fn utf16(text: &str, start: u64, end: u64) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start as usize..end as usize]).unwrap()
}

fn parse(json: &str) -> Value {
    serde_json::from_str(json).expect("exports valid JSON")
}

#[test]
fn displacy_offsets_are_code_points() {
    let (doc, found) = fixture();
    let out = parse(&export::displacy(&doc, &found, &View::all()));
    assert_eq!(out["text"], TEXT);
    assert_eq!(out["title"], "“Fête” in 北京");
    // (start, end, label, kb_id) exactly, counted by hand in code points.
    let expected = [
        (10, 12, "GPE", "Q956"),
        (16, 28, "PERSON", ""),
        (33, 36, "PERSON", "Q15031"),
        (40, 46, "GPE", "Q72"),
        (68, 71, "PERSON", ""),
        (80, 86, "DATE", ""),
    ];
    let ents = out["ents"].as_array().unwrap();
    assert_eq!(ents.len(), expected.len());
    for (ent, (start, end, label, kb_id)) in ents.iter().zip(expected) {
        assert_eq!(
            (ent["start"].as_u64().unwrap(), ent["end"].as_u64().unwrap()),
            (start, end)
        );
        assert_eq!(ent["label"], label);
        assert_eq!(ent["kb_id"], kb_id);
        match kb_id {
            "" => assert!(ent.get("kb_url").is_none()),
            id => assert_eq!(ent["kb_url"], format!("https://www.wikidata.org/wiki/{id}")),
        }
    }
    let surfaces: Vec<String> = ents
        .iter()
        .map(|e| {
            chars(
                TEXT,
                e["start"].as_u64().unwrap(),
                e["end"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        surfaces,
        ["北京", "Zoë Ångström", "习近平", "Zürich", "Zoë", "Monday"]
    );
}

#[test]
fn views_filter_every_format() {
    let (doc, found) = fixture();
    // (view, labels expected in the displaCy and Web Annotation output, CSV rows)
    let cases: Vec<(View, Vec<&str>, usize)> = vec![
        (
            View::all(),
            vec!["GPE", "PERSON", "PERSON", "GPE", "PERSON", "DATE"],
            5,
        ),
        (
            View::only([Label::Person]),
            vec!["PERSON", "PERSON", "PERSON"],
            2,
        ),
        (
            View::only([Label::Gpe, Label::Date]),
            vec!["GPE", "GPE", "DATE"],
            3,
        ),
        (View::only([]), vec![], 0),
    ];
    for (view, labels, rows) in cases {
        let d = parse(&export::displacy(&doc, &found, &view));
        let got: Vec<&str> = d["ents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["label"].as_str().unwrap())
            .collect();
        assert_eq!(got, labels, "displaCy with {view:?}");
        let w = parse(&export::web_annotation(&doc, &found, &view));
        let got: Vec<&str> = w["first"]["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["body"][0]["value"].as_str().unwrap())
            .collect();
        assert_eq!(got, labels, "Web Annotation with {view:?}");
        assert_eq!(w["total"], labels.len());
        let csv = export::entities_csv(&doc, &found, &view);
        assert_eq!(csv.matches("\r\n").count() - 1, rows, "CSV with {view:?}");
    }
}

#[test]
fn web_annotation_model() {
    let (doc, found) = fixture();
    let out = parse(&export::web_annotation(&doc, &found, &View::all()));
    assert_eq!(out["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(out["type"], "AnnotationCollection");
    assert_eq!(out["label"], "“Fête” in 北京");
    assert_eq!(out["first"]["type"], "AnnotationPage");
    let items = out["first"]["items"].as_array().unwrap();
    let source = items[0]["target"]["source"].as_str().unwrap();
    assert!(source.starts_with("urn:lede:text:"), "{source}");
    let mut ids = std::collections::HashSet::new();
    for a in items {
        assert_eq!(a["type"], "Annotation");
        assert_eq!(a["motivation"], "tagging");
        assert!(
            ids.insert(a["id"].as_str().unwrap().to_owned()),
            "annotation ids are unique"
        );
        assert_eq!(a["target"]["source"], source);
        let [quote, position] = a["target"]["selector"].as_array().unwrap().as_slice() else {
            panic!("two selectors")
        };
        assert_eq!(quote["type"], "TextQuoteSelector");
        assert_eq!(position["type"], "TextPositionSelector");
        let (start, end) = (
            position["start"].as_u64().unwrap(),
            position["end"].as_u64().unwrap(),
        );
        let exact = quote["exact"].as_str().unwrap();
        assert_eq!(chars(TEXT, start, end), exact);
        let (prefix, suffix) = (
            quote["prefix"].as_str().unwrap(),
            quote["suffix"].as_str().unwrap(),
        );
        assert!(prefix.chars().count() <= 32 && suffix.chars().count() <= 32);
        assert_eq!(
            chars(TEXT, start - prefix.chars().count() as u64, start),
            prefix
        );
        assert_eq!(
            chars(TEXT, end, end + suffix.chars().count() as u64),
            suffix
        );
    }
    // Xi Jinping's mention: tagged, described, and identified on Wikidata.
    let xi = &items[2]["body"];
    assert_eq!(
        xi[0],
        serde_json::json!({"type": "TextualBody", "purpose": "tagging", "format": "text/plain", "value": "PERSON"})
    );
    assert_eq!(xi[1]["purpose"], "describing");
    assert_eq!(xi[1]["value"], "Xi Jinping");
    assert_eq!(
        xi[2],
        serde_json::json!({"type": "SpecificResource", "purpose": "identifying", "source": "http://www.wikidata.org/entity/Q15031"})
    );
    // Zoë has no Wikidata ID: no identifying body.
    assert_eq!(items[1]["body"].as_array().unwrap().len(), 2);
}

#[test]
fn csv_quotes_as_rfc_4180() {
    let (doc, found) = fixture();
    assert_eq!(
        export::entities_csv(&doc, &found, &View::all()),
        "name,type,mentions,wikidata\r\n\
         \"Beijing, \"\"北京\"\"\",GPE,1,Q956\r\n\
         Zoë Ångström,PERSON,2,\r\n\
         Xi Jinping,PERSON,1,Q15031\r\n\
         \"Zürich\nCity\",GPE,1,Q72\r\n\
         Monday,DATE,1,\r\n"
    );
    let empty = Entities::default();
    assert_eq!(
        export::entities_csv(&doc, &empty, &View::all()),
        "name,type,mentions,wikidata\r\n"
    );
}

#[test]
fn exporting_nothing_is_still_valid() {
    let doc = Document::parse("");
    let none = Entities::default();
    let d = parse(&export::displacy(&doc, &none, &View::all()));
    assert_eq!(
        d,
        serde_json::json!({"text": "", "ents": [], "title": null})
    );
    let w = parse(&export::web_annotation(&doc, &none, &View::all()));
    assert_eq!(w["total"], 0);
    assert_eq!(w["label"], "Untitled article");
    let report = themes::score(&doc, Lexicon::builtin());
    let f = parse(&export::full_json(&doc, &none, &report, &View::all()));
    assert_eq!(f["format"], "lede/1");
    assert_eq!(f["document"]["blocks"], serde_json::json!([]));
    assert_eq!(f["entities"], serde_json::json!([]));
}

/// A theme report by hand: one paragraph about "place", with two terms.
fn report(doc: &Document) -> ThemeReport {
    let text = doc.text();
    let block = doc
        .blocks()
        .iter()
        .position(|b| b.kind == BlockKind::Paragraph)
        .unwrap();
    let evidence = |term: &str| Evidence {
        span: nth_span(text, term, 0),
        theme: "place".into(),
        term: term.to_lowercase().into(),
        weight: 0.3,
    };
    ThemeReport {
        paragraphs: vec![ParagraphThemes {
            block: BlockId(block),
            kind: BlockKind::Paragraph,
            words: 9,
            scores: vec![ThemeScore {
                theme: "place".into(),
                weight: 0.6,
                score: 0.6,
            }],
            about: vec!["place".into()],
            dominant: Some("place".into()),
            evidence: vec![evidence("Zürich"), evidence("习近平")],
            continues: None,
            from_headline: Vec::new(),
        }],
        totals: vec![ThemeTotal {
            theme: "place".into(),
            paragraphs: 1,
            weight: 0.6,
        }],
        sequence: vec![Some("place".into())],
    }
}

/// Checks a `{"codepoint", "utf16"}` pair of positions against the text a span claims.
fn check_range(start: &Value, end: &Value, text: &str, claimed: &str) {
    let n = |v: &Value, unit: &str| v[unit].as_u64().unwrap_or_else(|| panic!("{unit} in {v}"));
    assert_eq!(
        chars(text, n(start, "codepoint"), n(end, "codepoint")),
        claimed,
        "code points"
    );
    assert_eq!(
        utf16(text, n(start, "utf16"), n(end, "utf16")),
        claimed,
        "UTF-16 units"
    );
}

#[test]
fn full_json_gives_both_units() {
    let (doc, found) = fixture();
    let out = parse(&export::full_json(
        &doc,
        &found,
        &report(&doc),
        &View::all(),
    ));
    assert_eq!(out["format"], "lede/1");
    assert_eq!(
        out["offsets"]["units"],
        serde_json::json!(["codepoint", "utf16"])
    );
    assert_eq!(
        out["view"]["labels"].as_array().unwrap().len(),
        Label::ALL.len()
    );
    let d = &out["document"];
    assert_eq!(d["title"], "“Fête” in 北京");
    assert_eq!(d["text"], TEXT);
    let kinds: Vec<&str> = d["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["title", "paragraph", "paragraph"]);
    // The second block starts after the emoji's line: 14 code points, 14 UTF-16 units;
    // the third after the emoji, which is one code point but two units.
    assert_eq!(
        d["blocks"][1]["start"],
        serde_json::json!({"codepoint": 14, "utf16": 14})
    );
    assert_eq!(
        d["blocks"][2]["start"],
        serde_json::json!({"codepoint": 68, "utf16": 69})
    );
    for b in d["blocks"].as_array().unwrap() {
        let i = b["index"].as_u64().unwrap() as usize;
        check_range(
            &b["start"],
            &b["end"],
            TEXT,
            doc.block_text(&doc.blocks()[i]),
        );
    }

    let entities = out["entities"].as_array().unwrap();
    let names: Vec<&str> = entities
        .iter()
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "Beijing, \"北京\"",
            "Zoë Ångström",
            "Xi Jinping",
            "Zürich\nCity",
            "Monday"
        ]
    );
    let zoe = &entities[1];
    assert_eq!(zoe["id"], 1);
    assert_eq!(zoe["label"], "PERSON");
    assert_eq!(zoe["aliases"], serde_json::json!(["Zoë"]));
    assert_eq!(zoe["wikidata"], Value::Null);
    assert_eq!(zoe["salience"], 0.5);
    assert_eq!(zoe["mentions"].as_array().unwrap().len(), 2);
    assert_eq!(entities[2]["wikidata"], "Q15031");
    for e in entities {
        for m in e["mentions"].as_array().unwrap() {
            check_range(&m["start"], &m["end"], TEXT, m["text"].as_str().unwrap());
            assert_eq!(m["why"], "test");
        }
    }
    let mention = &entities[2]["mentions"][0];
    assert_eq!(
        mention["start"],
        serde_json::json!({"codepoint": 33, "utf16": 34})
    );

    let quote = &out["quotes"][0];
    assert_eq!(quote["text"], "“Peace, now.”");
    check_range(&quote["start"], &quote["end"], TEXT, "“Peace, now.”");
    assert_eq!(
        quote["speaker"],
        serde_json::json!({"entity": 1, "name": "Zoë Ångström"})
    );

    let p = &out["themes"]["paragraphs"][0];
    assert_eq!(p["dominant"], "place");
    assert_eq!(
        p["scores"][0],
        serde_json::json!({"theme": "place", "weight": 0.6, "score": 0.6})
    );
    for e in p["evidence"].as_array().unwrap() {
        check_range(&e["start"], &e["end"], TEXT, e["text"].as_str().unwrap());
    }
    assert_eq!(p["evidence"][0]["text"], "Zürich");
    assert_eq!(p["evidence"][0]["weight"], 0.3);
    assert_eq!(out["themes"]["totals"][0]["paragraphs"], 1);
}

#[test]
fn full_json_follows_the_view() {
    let (doc, found) = fixture();
    let out = parse(&export::full_json(
        &doc,
        &found,
        &report(&doc),
        &View::only([Label::Gpe]),
    ));
    assert_eq!(out["view"]["labels"], serde_json::json!(["GPE"]));
    let ids: Vec<u64> = out["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_u64().unwrap())
        .collect();
    assert_eq!(ids, [0, 3], "entity ids stay those of the analysis");
    // The quote stays; its speaker is named but not linked to a hidden entity.
    assert_eq!(
        out["quotes"][0]["speaker"],
        serde_json::json!({"entity": null, "name": "Zoë Ångström"})
    );
}

/// Every span of every format points at the text it claims, in its units.
fn check_spans(doc: &Document, found: &Entities) {
    let text = doc.text();
    let expected: Vec<&str> = {
        let mut m: Vec<_> = found
            .mentions
            .iter()
            .filter(|m| text.get(m.span.start..m.span.end).is_some() && !m.span.is_empty())
            .collect();
        m.sort_by_key(|m| (m.span.start, m.span.end));
        m.iter().map(|m| m.span.slice(text)).collect()
    };
    let d = parse(&export::displacy(doc, found, &View::all()));
    let got: Vec<String> = d["ents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            chars(
                text,
                e["start"].as_u64().unwrap(),
                e["end"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(got, expected, "displaCy spans");
    let w = parse(&export::web_annotation(doc, found, &View::all()));
    for a in w["first"]["items"].as_array().unwrap() {
        let s = &a["target"]["selector"];
        let slice = chars(
            text,
            s[1]["start"].as_u64().unwrap(),
            s[1]["end"].as_u64().unwrap(),
        );
        assert_eq!(
            slice,
            s[0]["exact"].as_str().unwrap(),
            "Web Annotation spans"
        );
    }
    let report = themes::score(doc, Lexicon::builtin());
    let full = parse(&export::full_json(doc, found, &report, &View::all()));
    let mut spans = 0;
    for e in full["entities"].as_array().unwrap() {
        for m in e["mentions"].as_array().unwrap() {
            check_range(&m["start"], &m["end"], text, m["text"].as_str().unwrap());
            spans += 1;
        }
    }
    assert_eq!(spans, expected.len(), "full JSON mentions");
    for q in full["quotes"].as_array().unwrap() {
        check_range(&q["start"], &q["end"], text, q["text"].as_str().unwrap());
    }
    for p in full["themes"]["paragraphs"].as_array().unwrap() {
        for e in p["evidence"].as_array().unwrap() {
            check_range(&e["start"], &e["end"], text, e["text"].as_str().unwrap());
        }
    }
}

#[test]
fn seed_article_exports_line_up() {
    let doc = Document::parse(include_str!("../../../seeds/000_98b7338e0901f976.txt"));
    let found = recognize(&doc);
    assert!(
        found.mentions.len() > 20,
        "recognition finds the seed's entities"
    );
    check_spans(&doc, &found);
    let csv = export::entities_csv(&doc, &found, &View::all());
    assert!(csv.lines().count() > 5);
}

proptest! {
    #[test]
    fn spans_are_slices(
        text in "[a-zé“”北京😀 ,.\n]{0,60}",
        cuts in proptest::collection::vec((0usize..60, 1usize..8, 0usize..15), 0..8),
    ) {
        let doc = Document::parse(&text);
        let t = doc.text();
        let bounds: Vec<usize> = t.char_indices().map(|(i, _)| i).chain([t.len()]).collect();
        // Non-overlapping mentions at char boundaries, from random cuts.
        let mut mentions = Vec::new();
        let mut from = 0;
        for (gap, len, label) in cuts {
            let start = from + gap;
            let end = start + len;
            if end >= bounds.len() { break; }
            mentions.push(Mention {
                span: Span::new(bounds[start], bounds[end]),
                label: Label::ALL[label],
                entity: EntityId(mentions.len()),
                why: "",
            });
            from = end;
        }
        let entities = mentions.iter().enumerate().map(|(i, m)| Entity {
            label: m.label, name: m.span.slice(t).to_owned(), aliases: vec![],
            wikidata: (i % 2 == 0).then(|| format!("Q{i}")), mentions: vec![MentionId(i)], salience: 0.1,
        }).collect();
        let found = Entities { mentions, entities, quotes: vec![] };
        check_spans(&doc, &found);
    }
}

#[test]
fn full_json_says_which_paragraph_a_quotation_goes_on_with() {
    let doc = Document::parse(
        "Talks\n\nWashington raised tariffs on $200 billion of Chinese imports on Friday, \
         deepening the trade war.\n\n“We will not give up, and we will not go quietly,” the \
         minister said.",
    );
    let found = recognize(&doc);
    let report = themes::score(&doc, Lexicon::builtin());
    let out = parse(&export::full_json(&doc, &found, &report, &View::all()));
    let paragraphs = out["themes"]["paragraphs"].as_array().unwrap();
    let [first, quote] = &paragraphs[..] else {
        panic!("two paragraphs: {paragraphs:?}");
    };
    assert!(first.get("continues").is_none(), "{first}");
    assert_eq!(quote["continues"], first["block"], "{quote}");
    // Its theme is one of the paragraph's it goes on with, whose evidence
    // gave it.
    let theme = &quote["about"][0];
    assert!(
        first["about"].as_array().unwrap().contains(theme),
        "{quote}"
    );
    assert!(
        first["evidence"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| &e["theme"] == theme),
        "{first}"
    );
}
