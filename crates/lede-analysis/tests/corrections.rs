//! The reader's corrections laid over the engine's reading: each kind in a
//! table, their anchoring when the engine or the text changes, and the laws
//! every corrected reading keeps.

use lede_analysis::corrections::{self, Anchor, Correction, Scope};
use lede_analysis::{Document, Entities, Label, Span, recognize};
use proptest::prelude::*;

#[path = "corrections/reference.rs"]
mod reference;

const TEXT: &str = "Talks in Geneva\n\nChinese Premier Li Qiang met Ursula von der Leyen in Brussels on Monday. \
Li said Zorblatt and Paris were ready. “We agreed,” Li said. Later Paris Hilton arrived in Paris.";

/// The `n`th (from 0) occurrence of `s` in `text`.
fn nth(text: &str, s: &str, n: usize) -> Span {
    let (i, _) = text
        .match_indices(s)
        .nth(n)
        .unwrap_or_else(|| panic!("no {s:?} #{n}"));
    Span::new(i, i + s.len())
}

fn anchor(text: &str, s: &str, n: usize) -> Anchor {
    Anchor::at(text, nth(text, s, n))
}

/// The reading as (text, label, entity name) per mention.
fn reading(text: &str, e: &Entities) -> Vec<(String, Label, String)> {
    e.mentions
        .iter()
        .map(|m| {
            (
                m.span.slice(text).to_owned(),
                m.label,
                e.entities[m.entity].name.clone(),
            )
        })
        .collect()
}

fn has(read: &[(String, Label, String)], s: &str, l: Label) -> usize {
    read.iter()
        .filter(|(t, label, _)| t == s && *label == l)
        .count()
}

#[test]
fn each_kind_of_correction() {
    let doc = Document::parse(TEXT);
    let text = doc.text();
    let engine = recognize(&doc);
    let before = reading(text, &engine);
    assert_eq!(has(&before, "Paris", Label::Gpe), 2, "{before:?}");
    assert!(before.iter().all(|(t, _, _)| t != "Zorblatt"), "{before:?}");
    // (what, corrections, check)
    type Check = fn(&[(String, Label, String)]) -> bool;
    let cases: Vec<(&str, Vec<Correction>, Check)> = vec![
        (
            "add a missed name",
            vec![Correction::Add {
                target: anchor(text, "Zorblatt", 0),
                label: Label::Org,
            }],
            |r| has(r, "Zorblatt", Label::Org) == 1,
        ),
        (
            "retype one mention, and only that one",
            vec![Correction::Retype {
                target: anchor(text, "Paris", 0),
                label: Label::Loc,
                scope: Scope::One,
            }],
            |r| has(r, "Paris", Label::Loc) == 1 && has(r, "Paris", Label::Gpe) == 1,
        ),
        (
            "retype every mention",
            vec![Correction::Retype {
                target: anchor(text, "Paris", 0),
                label: Label::Loc,
                scope: Scope::All,
            }],
            |r| has(r, "Paris", Label::Loc) == 2 && has(r, "Paris", Label::Gpe) == 0,
        ),
        (
            "remove one",
            vec![Correction::Remove {
                target: anchor(text, "Monday", 0),
                scope: Scope::One,
            }],
            |r| has(r, "Monday", Label::Date) == 0,
        ),
        (
            "remove every one",
            vec![Correction::Remove {
                target: anchor(text, "Paris", 1),
                scope: Scope::All,
            }],
            |r| r.iter().all(|(t, _, _)| t != "Paris"),
        ),
        (
            "merge two entities",
            vec![Correction::Merge {
                target: anchor(text, "Brussels", 0),
                into: anchor(text, "Geneva", 0),
            }],
            |r| {
                r.iter()
                    .find(|(t, _, _)| t == "Brussels")
                    .is_some_and(|(_, _, n)| n == "Geneva")
            },
        ),
        (
            "add over part of a mention replaces it",
            vec![Correction::Add {
                target: anchor(text, "Paris Hilton", 0),
                label: Label::Person,
            }],
            |r| has(r, "Paris Hilton", Label::Person) == 1 && has(r, "Paris", Label::Gpe) == 2,
        ),
    ];
    for (what, list, check) in cases {
        let out = corrections::apply(&doc, &engine, &list);
        let read = reading(text, &out.entities);
        assert!(out.dropped.is_empty(), "{what}: dropped {:?}", out.dropped);
        assert!(check(&read), "{what}: {read:?}");
        assert_eq!(out.by_reader.len(), out.entities.mentions.len(), "{what}");
        assert!(
            out.by_reader.iter().any(|&b| b) || what.starts_with("remove"),
            "{what}"
        );
    }
}

#[test]
fn split_and_speaker() {
    let doc = Document::parse(TEXT);
    let text = doc.text();
    let engine = recognize(&doc);
    // "Li" is the same person as "Li Qiang" to the engine; the reader says
    // the lone "Li" is another.
    let li = engine
        .entities
        .iter()
        .find(|e| e.name == "Li Qiang")
        .expect("Li Qiang");
    assert!(li.mentions.len() >= 2);
    let out = corrections::apply(
        &doc,
        &engine,
        &[Correction::Split {
            target: anchor(text, "Li", 1),
        }],
    );
    assert!(out.dropped.is_empty(), "{:?}", out.dropped);
    let read = reading(text, &out.entities);
    assert!(
        read.iter()
            .any(|(t, _, n)| t == "Li Qiang" && n == "Li Qiang")
    );
    assert!(
        read.iter()
            .filter(|(t, _, _)| t == "Li")
            .all(|(_, _, n)| n == "Li"),
        "{read:?}"
    );

    let quote = engine.quotes.first().expect("a quotation").span;
    let list = [Correction::Speaker {
        quote: Anchor::at(text, quote),
        speaker: Some(anchor(text, "Ursula von der Leyen", 0)),
    }];
    let out = corrections::apply(&doc, &engine, &list);
    let speaker = out.entities.quotes[0].speaker.expect("a speaker");
    assert_eq!(out.entities.entities[speaker].name, "Ursula von der Leyen");
    assert!(out.quotes_by_reader[0]);
}

#[test]
fn corrections_reattach_when_the_engine_reads_otherwise() {
    let doc = Document::parse(TEXT);
    let text = doc.text();
    let list = [
        Correction::Add {
            target: anchor(text, "Zorblatt", 0),
            label: Label::Org,
        },
        Correction::Retype {
            target: anchor(text, "Paris", 2),
            label: Label::Loc,
            scope: Scope::One,
        },
        Correction::Remove {
            target: anchor(text, "Monday", 0),
            scope: Scope::One,
        },
    ];
    // A newer engine, with a changed lexicon: it no longer knows Geneva nor
    // Brussels, so every later mention and entity has another number.
    let mut newer = recognize(&doc);
    newer
        .mentions
        .retain(|m| !matches!(m.span.slice(text), "Geneva" | "Brussels"));
    let renumbered = renumber(newer);
    let out = corrections::apply(&doc, &renumbered, &list);
    assert!(out.dropped.is_empty(), "{:?}", out.dropped);
    let read = reading(text, &out.entities);
    assert_eq!(has(&read, "Zorblatt", Label::Org), 1);
    assert_eq!(has(&read, "Paris", Label::Loc), 1);
    assert_eq!(has(&read, "Paris", Label::Gpe), 1);
    assert_eq!(has(&read, "Monday", Label::Date), 0);
    // The text edited above the corrections: they follow their words.
    let edited =
        Document::parse(&TEXT.replace("Talks in Geneva", "Talks in Geneva, again and again"));
    let out = corrections::apply(&edited, &recognize(&edited), &list);
    assert!(out.dropped.is_empty(), "{:?}", out.dropped);
    let read = reading(edited.text(), &out.entities);
    assert_eq!(has(&read, "Paris", Label::Loc), 1);
    assert_eq!(has(&read, "Zorblatt", Label::Org), 1);
}

#[test]
fn corrections_whose_text_is_gone_are_dropped_with_a_notice() {
    let doc = Document::parse(TEXT);
    let text = doc.text();
    let list = [
        Correction::Add {
            target: anchor(text, "Zorblatt", 0),
            label: Label::Org,
        },
        Correction::Remove {
            target: anchor(text, "Monday", 0),
            scope: Scope::One,
        },
    ];
    let edited = Document::parse(&TEXT.replace("Zorblatt", "the firm"));
    let out = corrections::apply(&edited, &recognize(&edited), &list);
    assert_eq!(out.dropped.len(), 1);
    assert_eq!(out.dropped[0].index, 0);
    assert!(
        out.dropped[0].why.contains("“Zorblatt”") && out.dropped[0].why.contains("no longer"),
        "{}",
        out.dropped[0].why
    );
    assert_eq!(out.placed[0], None);
    assert!(out.placed[1].is_some());
    // A mention the engine no longer finds: a retype of it has nothing to retype.
    let mut engine = recognize(&doc);
    engine.mentions.retain(|m| m.span.slice(text) != "Monday");
    let out = corrections::apply(&doc, &renumber(engine), &list[1..]);
    assert_eq!(out.dropped.len(), 1);
    assert!(out.dropped[0].why.contains("no longer finds"));
}

/// Entities with their mention lists made again after mentions were left out.
fn renumber(mut e: Entities) -> Entities {
    for ent in &mut e.entities {
        ent.mentions.clear();
    }
    for (i, m) in e.mentions.iter().enumerate() {
        e.entities[m.entity]
            .mentions
            .push(lede_analysis::MentionId(i));
    }
    // An entity with no mention left is still listed; apply drops it.
    e
}

#[test]
fn no_corrections_is_the_engines_reading() {
    let doc = Document::parse(TEXT);
    let engine = recognize(&doc);
    let out = corrections::apply(&doc, &engine, &[]);
    assert_eq!(out.entities, engine);
    assert!(out.by_reader.iter().all(|&b| !b));
}

fn arb_correction(text: &'static str) -> impl Strategy<Value = Correction> {
    let words: Vec<Span> = text
        .match_indices(|c: char| c.is_alphabetic())
        .map(|(i, _)| lede_analysis::corrections::snap_to_words(text, Span::new(i, i)))
        .collect();
    let n = words.len();
    let labels = proptest::sample::select(Label::ALL.to_vec());
    (0..6usize, 0..n, 0..n, labels, any::<bool>()).prop_map(move |(kind, a, b, label, all)| {
        let a_span = words[a];
        let b_span = words[b];
        let two = Span::new(a_span.start.min(b_span.start), a_span.end.max(b_span.end));
        let target = Anchor::at(text, a_span);
        let scope = if all { Scope::All } else { Scope::One };
        match kind {
            0 => Correction::Add {
                target: Anchor::at(text, if two.len() < 40 { two } else { a_span }),
                label,
            },
            1 => Correction::Retype {
                target,
                label,
                scope,
            },
            2 => Correction::Remove { target, scope },
            3 => Correction::Merge {
                target,
                into: Anchor::at(text, b_span),
            },
            4 => Correction::Split { target },
            _ => Correction::Speaker {
                quote: target,
                speaker: Some(Anchor::at(text, b_span)),
            },
        }
    })
}

proptest! {
    #[test]
    fn every_corrected_reading_keeps_the_laws(list in proptest::collection::vec(arb_correction(TEXT), 0..12)) {
        let doc = Document::parse(TEXT);
        let text = doc.text();
        let out = corrections::apply(&doc, &recognize(&doc), &list);
        let e = &out.entities;
        prop_assert_eq!(out.placed.len(), list.len());
        prop_assert_eq!(out.by_reader.len(), e.mentions.len());
        prop_assert_eq!(out.quotes_by_reader.len(), e.quotes.len());
        for w in e.mentions.windows(2) {
            prop_assert!(w[0].span.end <= w[1].span.start, "sorted, never overlapping");
        }
        for (i, m) in e.mentions.iter().enumerate() {
            prop_assert!(text.get(m.span.start..m.span.end).is_some() && !m.span.is_empty());
            prop_assert!(e.entities[m.entity].mentions.contains(&lede_analysis::MentionId(i)));
            // One entity, one type: what the panel counts by entity, the
            // legend counts by mention.
            prop_assert_eq!(m.label, e.entities[m.entity].label);
        }
        for ent in &e.entities {
            prop_assert!(!ent.mentions.is_empty());
            prop_assert!(ent.mentions.windows(2).all(|w| w[0] < w[1]));
        }
        for q in &e.quotes {
            prop_assert!(q.speaker.is_none_or(|s| s.0 < e.entities.len()));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]
    /// `apply` touches only the mentions the corrections reach: whatever the
    /// list, it gives what a copy of every mention changed in place gives.
    #[test]
    fn sparse_apply_agrees_with_the_reference(list in proptest::collection::vec(arb_correction(TEXT), 0..12)) {
        let doc = Document::parse(TEXT);
        let engine = recognize(&doc);
        prop_assert_eq!(
            corrections::apply(&doc, &engine, &list),
            reference::reference(&doc, &engine, &list)
        );
    }
}

#[test]
fn exports_give_the_corrected_reading_and_say_whose_each_annotation_is() {
    use lede_analysis::export::{self, View};
    let doc = Document::parse(TEXT);
    let text = doc.text();
    let list = [
        Correction::Add {
            target: anchor(text, "Zorblatt", 0),
            label: Label::Org,
        },
        Correction::Remove {
            target: anchor(text, "Monday", 0),
            scope: Scope::One,
        },
    ];
    let out = corrections::apply(&doc, &recognize(&doc), &list);
    let view = View::all().marking(&out.by_reader, &out.quotes_by_reader);
    let e = &out.entities;
    let json = |s: String| serde_json::from_str::<serde_json::Value>(&s).unwrap();

    let displacy = json(export::displacy(&doc, e, &view));
    let ents = displacy["ents"].as_array().unwrap();
    let chars: Vec<char> = text.chars().collect();
    let spans: Vec<(String, &str)> = ents
        .iter()
        .map(|x| {
            let (a, b) = (
                x["start"].as_u64().unwrap() as usize,
                x["end"].as_u64().unwrap() as usize,
            );
            (chars[a..b].iter().collect(), x["label"].as_str().unwrap())
        })
        .collect();
    assert!(spans.contains(&("Zorblatt".to_owned(), "ORG")), "{spans:?}");
    assert!(!spans.iter().any(|(t, _)| t == "Monday"));

    let csv = export::entities_csv(&doc, e, &view);
    assert!(
        csv.contains("\r\nZorblatt,ORG,1,\r\n") && !csv.contains("Monday"),
        "{csv}"
    );

    let full = json(export::full_json(
        &doc,
        e,
        &lede_analysis::themes::score(&doc, lede_analysis::Lexicon::builtin()),
        &view,
    ));
    let by: Vec<(String, String)> = full["entities"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|x| x["mentions"].as_array().unwrap().iter())
        .map(|m| {
            (
                m["text"].as_str().unwrap().to_owned(),
                m["by"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert!(by.contains(&("Zorblatt".into(), "reader".into())));
    assert!(by.contains(&("Geneva".into(), "engine".into())));
    assert_eq!(full["quotes"][0]["by"], "engine");

    let wa = json(export::web_annotation(&doc, e, &view));
    let items = wa["first"]["items"].as_array().unwrap();
    let zorblatt = items
        .iter()
        .find(|a| a["target"]["selector"][0]["exact"] == "Zorblatt")
        .unwrap();
    assert_eq!(zorblatt["creator"]["type"], "Person");
    let geneva = items
        .iter()
        .find(|a| a["target"]["selector"][0]["exact"] == "Geneva")
        .unwrap();
    assert_eq!(geneva["creator"]["name"], "Lede");
}

#[test]
fn a_corrections_file_imported_reproduces_the_reading() {
    let doc = Document::parse(TEXT);
    let text = doc.text();
    let list = vec![
        Correction::Add {
            target: anchor(text, "Zorblatt", 0),
            label: Label::Org,
        },
        Correction::Merge {
            target: anchor(text, "Brussels", 0),
            into: anchor(text, "Geneva", 0),
        },
        Correction::Retype {
            target: anchor(text, "Paris", 0),
            label: Label::Loc,
            scope: Scope::One,
        },
    ];
    let engine = recognize(&doc);
    let file = corrections::export_file(&doc, &list);
    let (read, same) = corrections::import_file(&doc, &file).unwrap();
    assert!(same);
    assert_eq!(
        corrections::apply(&doc, &engine, &read),
        corrections::apply(&doc, &engine, &list)
    );
}

/// How many entities have this type and name.
fn entities(e: &Entities, label: Label, name: &str) -> usize {
    e.entities
        .iter()
        .filter(|x| x.label == label && x.name == name)
        .count()
}

/// The entity of the `n`th mention written `s`: (its label, its name).
fn entity_of(text: &str, e: &Entities, s: &str, n: usize) -> (Label, String) {
    let m = e
        .mentions
        .iter()
        .filter(|m| m.span.slice(text) == s)
        .nth(n)
        .unwrap_or_else(|| panic!("no mention {s:?} #{n}"));
    let entity = &e.entities[m.entity];
    (entity.label, entity.name.clone())
}

#[test]
fn every_mention_of_a_text_is_the_whole_mention_written_so() {
    let doc = Document::parse(TEXT);
    let text = doc.text();
    let engine = recognize(&doc);
    let li_qiang = (Label::Person, "Li Qiang".to_owned());
    assert_eq!(
        entity_of(text, &engine, "Li", 0),
        li_qiang,
        "the engine groups “Li” with “Li Qiang”"
    );
    // Every “Li” is retyped or removed; “Li Qiang”, written otherwise, is not.
    let cases = [
        Correction::Retype {
            target: anchor(text, "Li", 1),
            label: Label::Org,
            scope: Scope::All,
        },
        Correction::Remove {
            target: anchor(text, "Li", 1),
            scope: Scope::All,
        },
    ];
    for c in cases {
        let what = c.describe();
        let out = corrections::apply(&doc, &engine, &[c]);
        assert!(out.dropped.is_empty(), "{what}: {:?}", out.dropped);
        let read = reading(text, &out.entities);
        assert_eq!(
            entity_of(text, &out.entities, "Li Qiang", 0),
            li_qiang,
            "{what}: {read:?}"
        );
        assert_eq!(has(&read, "Li Qiang", Label::Person), 1, "{what}: {read:?}");
        assert!(
            read.iter()
                .filter(|(t, _, _)| t == "Li")
                .all(|(_, l, _)| *l == Label::Org),
            "{what}: {read:?}"
        );
    }
}

#[test]
fn a_retyped_entity_holds_only_the_mentions_retyped() {
    let doc = Document::parse(TEXT);
    let text = doc.text();
    let engine = recognize(&doc);
    let retype = |s: &str, n: usize, label: Label, scope: Scope| Correction::Retype {
        target: anchor(text, s, n),
        label,
        scope,
    };
    type Check = fn(&str, &Entities) -> Result<(), String>;
    // (what, corrections, check)
    let cases: Vec<(&str, Vec<Correction>, Check)> = vec![
        (
            "every “Li” retyped: “Li Qiang” stays a person, and the “Li”s are one organisation",
            vec![retype("Li", 1, Label::Org, Scope::All)],
            |text, e| {
                let li = [entity_of(text, e, "Li", 0), entity_of(text, e, "Li", 1)];
                let ok = entity_of(text, e, "Li Qiang", 0) == (Label::Person, "Li Qiang".into())
                    && li.iter().all(|x| x.0 == Label::Org)
                    && li[0] == li[1];
                ok.then_some(()).ok_or(format!("{li:?}"))
            },
        ),
        (
            "a place retyped whole is no longer found by its old type",
            vec![
                retype("Paris", 0, Label::Loc, Scope::All),
                Correction::Add {
                    target: anchor(text, "Paris", 1),
                    label: Label::Gpe,
                },
            ],
            |text, e| {
                let added = entity_of(text, e, "Paris", 1);
                let ok = added.0 == Label::Gpe
                    && entity_of(text, e, "Paris", 0).0 == Label::Loc
                    && entity_of(text, e, "Paris", 2).0 == Label::Loc;
                ok.then_some(()).ok_or(format!("{added:?}"))
            },
        ),
        (
            "retyped to a type and name that exists, the two are one",
            vec![
                retype("Paris", 0, Label::Loc, Scope::One),
                retype("Paris", 2, Label::Loc, Scope::One),
            ],
            |text, e| {
                let ok = entities(e, Label::Loc, "Paris") == 1
                    && entities(e, Label::Gpe, "Paris") == 0
                    && entity_of(text, e, "Paris", 0) == entity_of(text, e, "Paris", 1);
                ok.then_some(()).ok_or(format!(
                    "{} LOC Paris, {} GPE Paris",
                    entities(e, Label::Loc, "Paris"),
                    entities(e, Label::Gpe, "Paris")
                ))
            },
        ),
    ];
    let failed: Vec<String> = cases
        .into_iter()
        .filter_map(|(what, list, check)| {
            let out = corrections::apply(&doc, &engine, &list);
            assert!(out.dropped.is_empty(), "{what}: {:?}", out.dropped);
            let read = reading(text, &out.entities);
            check(text, &out.entities)
                .err()
                .map(|why| format!("{what}: {why} in {read:?}"))
        })
        .collect();
    assert!(failed.is_empty(), "{failed:#?}");
}
