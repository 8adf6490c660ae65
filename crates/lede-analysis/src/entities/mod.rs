//! Named entity recognition: finds the people, nationalities, organisations,
//! places, dates, numbers and quotations in a document, labels them with the
//! OntoNotes types, and groups the mentions of one entity together.
//!
//! ```
//! use lede_analysis::{Document, Label, recognize};
//! let doc = Document::parse("Chinese President Xi Jinping spoke with Donald Trump on Jan. 17, 2025. Trump said talks went well.");
//! let found = recognize(&doc);
//! let spans: Vec<(&str, Label)> = found
//!     .mentions
//!     .iter()
//!     .map(|m| (m.span.slice(doc.text()), m.label))
//!     .collect();
//! assert_eq!(spans, [
//!     ("Chinese", Label::Norp),
//!     ("Xi Jinping", Label::Person),
//!     ("Donald Trump", Label::Person),
//!     ("Jan. 17, 2025", Label::Date),
//!     ("Trump", Label::Person),
//! ]);
//! // "Trump" is the same entity as "Donald Trump", with its Wikidata ID.
//! let trump = &found.entities[found.mentions[4].entity];
//! assert_eq!((trump.name.as_str(), trump.wikidata.as_deref()), ("Donald Trump", Some("Q22686")));
//! ```
//!
//! How it works, block by block (a mention never crosses a block boundary):
//!
//! 1. [`tokens`] splits the block into words, numbers and punctuation.
//! 2. [`numeric`] finds dates, times, percentages, money, quantities,
//!    ordinals and cardinals, by rule.
//! 3. [`gazetteer`] finds known names (countries, demonyms, cities, regions,
//!    organisations, officials) with one Aho-Corasick automaton.
//! 4. [`names`] reads runs of capitalised words around the known names:
//!    titles announce people, keywords ("Ministry", "Daily") name types.
//!
//! Then [`group`] joins mentions into entities (a surname joins the full name)
//! and [`quotes`] finds the quotations and who said them.

mod gazetteer;
mod group;
mod model;
mod names;
mod numeric;
mod quotes;
mod tokens;

pub use model::{Entities, Entity, EntityId, Label, Mention, Quote};

use crate::Document;
use names::{Item, NameRules, Raw};
use tokens::Kind;

/// Finds the entities and quotations in every block of `doc`.
pub fn recognize(doc: &Document) -> Entities {
    let gaz = gazetteer::get();
    let text = doc.text();
    let mut found = Vec::new();
    let mut toks = Vec::new();
    let mut hits = Vec::new();
    let mut items = Vec::new();
    let mut raws = Vec::new();
    let mut consumed = Vec::new();
    for (bi, block) in doc.blocks().iter().enumerate() {
        let (from, to) = (block.span.start, block.span.end);
        toks.clear();
        tokens::tokenize(text, from, to, &mut toks);
        hits.clear();
        numeric::Scanner::new(text, &toks).scan(&mut hits);
        consumed.clear();
        consumed.resize(toks.len(), false);
        for h in &hits {
            consumed[h.first..h.last].fill(true);
            found.push(group::Found {
                raw: Raw {
                    start: toks[h.first].start,
                    end: toks[h.last - 1].end,
                    label: h.label,
                    why: h.why,
                    entry: None,
                    lone: None,
                },
                block: bi,
            });
        }
        items.clear();
        known_names(text, to, &toks, &consumed, gaz, &mut items);
        raws.clear();
        NameRules {
            text,
            toks: &toks,
            items: &items,
            gaz,
        }
        .run(&mut raws);
        found.extend(raws.drain(..).map(|raw| group::Found { raw, block: bi }));
    }
    let (mentions, entities) = group::group(doc, found, gaz);
    let quotes = quotes::find(doc, &mentions);
    Entities {
        mentions,
        entities,
        quotes,
    }
}

/// The items the name rules read: known names where the gazetteer finds them
/// (also inside hyphenated words: "China-U.S."), tokens elsewhere, and a stop
/// for each numeric mention.
fn known_names(
    text: &str,
    limit: usize,
    toks: &[tokens::Token],
    consumed: &[bool],
    gaz: &gazetteer::Gazetteer,
    items: &mut Vec<Item>,
) {
    let mut t = 0;
    while t < toks.len() {
        if consumed[t] {
            if items.last() != Some(&Item::Stop) {
                items.push(Item::Stop);
            }
            t += 1;
            continue;
        }
        let tok = toks[t];
        let starts_upper = text[tok.start..].starts_with(|c: char| c.is_uppercase());
        if tok.kind != Kind::Word || !starts_upper {
            items.push(Item::Tok(t));
            t += 1;
            continue;
        }
        let before = items.len();
        let mut pos = tok.start;
        let mut next_t = t + 1;
        loop {
            if let Some(f) = gaz.find_at(text, pos, limit) {
                if f.end > tok.end {
                    // A name over several tokens: none of them may be a number.
                    let last = toks.partition_point(|x| x.start < f.end);
                    if !consumed[t..last].iter().any(|&c| c) {
                        items.push(Item::Known {
                            start: pos,
                            end: f.end,
                            entry: f.entry,
                        });
                        next_t = last;
                    }
                    break;
                }
                items.push(Item::Known {
                    start: pos,
                    end: f.end,
                    entry: f.entry,
                });
                pos = f.end;
                if text[pos..tok.end].starts_with('-') {
                    pos += 1;
                    continue;
                }
                break;
            }
            match text[pos..tok.end].find('-') {
                Some(h) => pos += h + 1,
                None => break,
            }
            if !text[pos..].starts_with(|c: char| c.is_uppercase()) {
                // Only capitalised parts can start a name: "U.S.-made" stops.
                match text[pos..tok.end].find('-') {
                    Some(h) => {
                        pos += h + 1;
                        continue;
                    }
                    None => break,
                }
            }
        }
        if items.len() == before {
            items.push(Item::Tok(t));
        }
        t = next_t;
    }
}
