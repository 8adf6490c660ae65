//! The block → DOM contract, end to end: the real encoder's numbers for a
//! real analysis, handed to the real `fill_block.js` on a detached element,
//! give back the block's text with every layer where the analysis put it.
//!
//! The DOM is read back one UTF-16 unit at a time (what each unit lies in:
//! which mention, a quotation or not, which themes' evidence, which search
//! match), and compared with the same read straight off the analysis' byte
//! spans, without `segment` or `encode`. A change to the layout on one side
//! only fails here.

use std::collections::BTreeSet;

use lede_analysis::{BlockId, Document, Span};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

use super::{block_layout, fill_block, label_table};
use crate::labels::label_name;
use crate::search::{Folded, Matches};
use crate::state::Analyzed;

wasm_bindgen_test_configure!(run_in_browser);

/// What one UTF-16 unit of a block lies in.
#[derive(Clone, Debug, Default, PartialEq)]
struct Unit {
    /// The mention's `data-mention`, `data-entity`, `data-label`,
    /// `data-type`, `data-corrected`.
    mention: Option<[String; 5]>,
    quote: bool,
    /// The `data-themes` of the evidence over it.
    themes: Option<String>,
    /// The `data-hit` of the search match over it.
    hit: Option<String>,
}

/// Reads `node`'s text into `out`, a [`Unit`] per UTF-16 unit, each
/// describing the elements it is inside (`at`, from `node`'s ancestors).
fn read(node: &web_sys::Node, at: &Unit, out: &mut Vec<Unit>) {
    let Some(el) = node.dyn_ref::<web_sys::Element>() else {
        let text = node.text_content().unwrap_or_default();
        out.extend(std::iter::repeat_n(at.clone(), text.encode_utf16().count()));
        return;
    };
    let attr = |name: &str| el.get_attribute(name).unwrap_or_default();
    let classes = el.class_list();
    let mut inner = at.clone();
    match el.tag_name().as_str() {
        "MARK" if classes.contains("ent") => {
            assert!(at.mention.is_none(), "marks do not nest");
            inner.mention = Some(
                [
                    "data-mention",
                    "data-entity",
                    "data-label",
                    "data-type",
                    "data-corrected",
                ]
                .map(attr),
            );
        }
        "MARK" if classes.contains("hit") => inner.hit = Some(attr("data-hit")),
        "SPAN" if classes.contains("markers") => return,
        "SPAN" => {
            inner.quote |= classes.contains("q");
            if classes.contains("ev") {
                inner.themes = Some(attr("data-themes"));
            }
        }
        other => panic!("unexpected <{other}> in a block"),
    }
    let children = node.child_nodes();
    for k in 0..children.length() {
        read(&children.item(k).unwrap(), &inner, out);
    }
}

/// What each UTF-16 unit of block `i` should lie in, from the analysis'
/// spans, and the block's search matches `hits` numbered from `first_hit`.
fn expected(d: &Document, a: &Analyzed, i: BlockId, hits: &[Span], first_hit: usize) -> Vec<Unit> {
    let block = d.blocks()[i].span;
    let text = d.text();
    let evidence = crate::themes_filter::evidence_in(a, i);
    let covers = |s: &Span, at: usize| s.start <= at && at < s.end;
    let mut out = Vec::new();
    for (k, c) in block.slice(text).char_indices() {
        let at = block.start + k;
        let mention = a
            .entities
            .mentions
            .iter()
            .enumerate()
            .find(|(_, m)| covers(&m.span, at));
        let themes: Vec<String> = evidence
            .iter()
            .filter(|(_, s)| covers(s, at))
            .map(|(t, _)| t.to_string())
            .collect();
        let unit = Unit {
            mention: mention.map(|(id, m)| {
                [
                    m.span.start.to_string(),
                    m.entity.to_string(),
                    m.label.as_str().to_owned(),
                    label_name(m.label).to_owned(),
                    if a.marks.corrected(lede_analysis::MentionId(id)) {
                        "true"
                    } else {
                        ""
                    }
                    .to_owned(),
                ]
            }),
            quote: a.entities.quotes.iter().any(|q| covers(&q.span, at)),
            themes: (!themes.is_empty()).then(|| themes.join(" ")),
            hit: hits
                .iter()
                .position(|s| covers(s, at))
                .map(|h| (first_hit + h).to_string()),
        };
        out.extend(std::iter::repeat_n(unit, c.len_utf16()));
    }
    out
}

const TEXT: &str = "Li Qiang meets von der Leyen in Genève\n\n\
    😀 Chinese Premier Li Qiang met Ursula von der Leyen in Brussels on Monday. \
    “We agreed to deepen cooperation and dialogue on trade,” Li said in Genève. \
    The talks on investment and the economy resume in March, Li added.\n\n\
    China and the European Union signed a trade agreement in 2019.";

#[wasm_bindgen_test]
fn the_script_builds_what_the_encoder_describes() {
    let d = Document::parse(TEXT);
    // With a reader's correction, so that the script marks a mention corrected.
    let text = d.text();
    let at = text.find("Genève").unwrap();
    let added = lede_analysis::corrections::Correction::Retype {
        target: lede_analysis::corrections::Anchor::at(text, Span::new(at, at + "Genève".len())),
        label: lede_analysis::Label::Loc,
        scope: lede_analysis::corrections::Scope::One,
    };
    let engine = Analyzed::of(&d, &[]);
    let a = crate::corrections::with_corrections(&d, &engine, &[added]);
    let found = Folded::new(d.text()).find_all("li");
    let matches = Matches::new(found, d.blocks().iter().map(|b| b.span));
    let doc = web_sys::window().unwrap().document().unwrap();
    // What the blocks hold between them, so that the test cannot pass by
    // checking nothing.
    let mut seen = BTreeSet::new();
    for (k, b) in d.blocks().iter().enumerate() {
        let i = BlockId(k);
        let (first_hit, hits) = matches.within(b.span);
        let (text, (ops, markers)) = block_layout(&d, &a, i, true, hits, first_hit.0).unwrap();
        let el = doc.create_element("span").unwrap();
        // Filled first as the engine read it, then as corrected, as the
        // article does when a retype repaints a block: the script retypes
        // the marks in place, and builds nothing anew.
        let (_, (was, _)) = block_layout(&d, &engine, i, true, hits, first_hit.0).unwrap();
        fill_block(&el, &text, &was, label_table(), &markers);
        let first = el.first_child().unwrap();
        fill_block(&el, &text, &ops, label_table(), &markers);
        assert!(el.contains(Some(&first)), "block {i} is retyped in place");

        assert_eq!(
            el.text_content().unwrap(),
            b.span.slice(d.text()),
            "block {i}'s text"
        );
        let mut units = Vec::new();
        read(&el, &Unit::default(), &mut units);
        let want = expected(&d, &a, i, hits, first_hit.0);
        assert_eq!(
            units.len(),
            want.len(),
            "block {i}'s length in UTF-16 units"
        );
        for (n, (got, want)) in units.iter().zip(&want).enumerate() {
            assert_eq!(got, want, "block {i}, UTF-16 unit {n} of {text:?}");
        }
        // One marker in the margin per theme the paragraph is about.
        let about = a
            .themes
            .paragraphs
            .iter()
            .find(|p| p.block == i)
            .map_or(Vec::new(), |p| {
                p.about.iter().map(|t| t.to_string()).collect()
            });
        let list = el.query_selector_all(".marker").unwrap();
        let marked: Vec<String> = (0..list.length())
            .map(|n| {
                let m: web_sys::Element = list.item(n).unwrap().unchecked_into();
                m.get_attribute("data-theme").unwrap()
            })
            .collect();
        assert_eq!(marked, about, "block {i}'s markers");

        for u in &units {
            if let Some(m) = &u.mention {
                // Block 1 opens with an emoji, two UTF-16 units.
                seen.insert(format!("a mention in block {i} ({})", m[3]));
            }
            if u.mention.as_ref().is_some_and(|m| m[4] == "true") {
                seen.insert("a corrected mention".to_owned());
            }
            if u.quote {
                seen.insert("quote".to_owned());
            }
            if u.themes.is_some() {
                seen.insert("evidence".to_owned());
            }
            if u.hit.as_deref().is_some_and(|h| h != "0") {
                seen.insert("a later block's hit".to_owned());
            }
            if u.hit.is_some() && u.mention.is_some() {
                seen.insert("a hit inside a mention".to_owned());
            }
        }
        if !about.is_empty() {
            seen.insert("markers".to_owned());
        }
    }
    for what in [
        "a mention in block 0 (Person)",
        "a mention in block 1 (Person)",
        "quote",
        "evidence",
        "a later block's hit",
        "a hit inside a mention",
        "a corrected mention",
        "markers",
    ] {
        assert!(seen.contains(what), "the text exercises {what}: {seen:?}");
    }
}
