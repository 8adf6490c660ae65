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
//!    organisations, officials) in compact tables the build script makes
//!    from the data files; the first call lays a hash index over them.
//! 4. [`names`] reads runs of capitalised words around the known names:
//!    titles announce people, keywords ("Ministry", "Daily") name types.
//!
//! Then [`group`] joins mentions into entities (a surname joins the full name)
//! and [`quotes`] finds the quotations and who said them.

mod gazetteer;
mod gazetteer_files;
mod group;
mod model;
mod names;
mod numeric;
mod quotes;
mod tokens;

pub use model::{Entities, Entity, EntityId, Label, Mention, MentionId, Quote};

use crate::Document;
use names::{Item, NameRules, Raw};
use tokens::Kind;

/// The Wikidata page of an entity ID such as [`Entity::wikidata`] holds: the
/// one address the app's links and the exports share.
///
/// ```
/// assert_eq!(lede_analysis::wikidata_url("Q239"), "https://www.wikidata.org/wiki/Q239");
/// ```
pub fn wikidata_url(id: &str) -> String {
    format!("https://www.wikidata.org/wiki/{id}")
}

/// Lays the gazetteer's index over its static tables, as the first call to
/// [`recognize`] does once, and returns how many names it holds. Only the
/// benchmark calls it: it measures what that first call costs.
#[doc(hidden)]
pub fn build_matchers() -> usize {
    gazetteer::Gazetteer::build().len()
}

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
    let mut blocked = Vec::new();
    for (bi, block) in doc.blocks().iter().enumerate() {
        let block_found = found.len();
        let (from, to) = (block.span.start, block.span.end);
        toks.clear();
        tokens::tokenize(text, from, to, &mut toks);
        // Known names first, so that no number takes the "20" of "Group of 20".
        items.clear();
        known_names(text, to, &toks, gaz, &mut items);
        blocked.clear();
        blocked.resize(toks.len(), false);
        for item in &items {
            if let Item::Known { start, end, .. } = *item {
                let a = toks.partition_point(|t| t.end <= start);
                let b = toks.partition_point(|t| t.start < end);
                blocked[a..b].fill(true);
            }
        }
        hits.clear();
        numeric::Scanner::new(text, &toks, &blocked).scan(&mut hits);
        consumed.clear();
        consumed.resize(toks.len(), false);
        for h in &hits {
            consumed[h.first..h.last].fill(true);
            found.push(group::Found {
                raw: Raw {
                    start: toks[h.first].start,
                    end: h.end_byte.unwrap_or(toks[h.last - 1].end),
                    label: h.label,
                    why: h.why,
                    entry: None,
                    lone: None,
                },
                block: bi,
            });
        }
        for item in items.iter_mut() {
            if let Item::Tok(t) = *item
                && consumed[t]
            {
                *item = Item::Stop;
            }
        }
        raws.clear();
        NameRules {
            text,
            toks: &toks,
            items: &items,
            gaz,
            strict: block.kind == crate::BlockKind::Title,
        }
        .run(&mut raws);
        // "Joseph R. Biden, Jr.": a generational suffix after a comma is part
        // of the name.
        for raw in raws.iter_mut().filter(|r| r.label == Label::Person) {
            let rest = &text[raw.end..to];
            if let Some(suffix) = [", Jr.", ", Sr.", ", Jr", ", Sr"]
                .iter()
                .find(|s| rest.starts_with(**s))
                && !rest[suffix.len()..].starts_with(|c: char| c.is_alphanumeric())
            {
                raw.end += suffix.len();
            }
        }
        // "the 15th India-Japan Annual Summit", "the 1951 Mutual Defense
        // Treaty": an ordinal or a year before an event or a law is part of it.
        let block_hits = found.len() - hits.len()..found.len();
        for raw in raws
            .iter_mut()
            .filter(|r| matches!(r.label, Label::Event | Label::Law))
        {
            let start = raw.start - usize::from(raw.start > 0 && text[..raw.start].ends_with(' '));
            // The numbers are in order and never overlap, so the one that
            // ends at `start` is the last to start before it: found by a
            // search, not a scan of the block's numbers for every name.
            // (A number already taken has its end at its start, which no
            // name's start can be: its tokens are stops.)
            let hits = &mut found[block_hits.clone()];
            let Some(hit) = hits
                .partition_point(|f| {
                    crate::steps::step();
                    f.raw.start < start
                })
                .checked_sub(1)
                .map(|n| &mut hits[n].raw)
                .filter(|h| {
                    h.end == start
                        && (h.label == Label::Ordinal
                            || (h.label == Label::Date && h.end - h.start == 4))
                })
            else {
                continue;
            };
            raw.start = hit.start;
            if let Some(t) = toks.partition_point(|t| t.end <= hit.start).checked_sub(1)
                && toks[t].text(text).eq_ignore_ascii_case("the")
                && text[toks[t].end..hit.start]
                    .chars()
                    .all(char::is_whitespace)
            {
                raw.start = toks[t].start;
            }
            // The number's own mention is dropped by making it empty.
            hit.end = hit.start;
        }
        found.extend(raws.drain(..).map(|raw| group::Found { raw, block: bi }));
        // In order block by block, so that the whole is in order for `group`
        // (whose sort then only confirms it): small sorts are cheaper.
        found[block_found..].sort_by_key(group::Found::order);
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
/// (also inside hyphenated words: "China-U.S.", "then-U.S."), and tokens
/// elsewhere.
fn known_names(
    text: &str,
    limit: usize,
    toks: &[tokens::Token],
    gaz: &gazetteer::Gazetteer,
    items: &mut Vec<Item>,
) {
    let mut t = 0;
    while t < toks.len() {
        let tok = toks[t];
        if tok.kind != Kind::Word || !(tok.upper || tok.hyphen) {
            items.push(Item::Tok(t));
            t += 1;
            continue;
        }
        let before = items.len();
        let mut next_t = t + 1;
        // Where a name may start: the word's start and after each hyphen.
        let mut pos = Some(tok.start);
        while let Some(p) = pos {
            let piece_end = text[p..tok.end].find('-').map_or(tok.end, |h| p + h);
            // Lower-case names start hyphenated words only: "al-Qaeda".
            let found = if (p == tok.start && tok.upper)
                || (p > tok.start && text[p..].starts_with(|c: char| c.is_uppercase()))
                || (p == tok.start && tok.hyphen)
            {
                gaz.find_at(text, p, limit)
                    .or_else(|| shouting(text, p, piece_end, gaz))
            } else {
                None
            };
            match found {
                Some(f) if f.end > tok.end => {
                    // A name over several tokens.
                    items.truncate(before);
                    items.push(Item::Known {
                        start: p,
                        end: f.end,
                        entry: f.entry,
                    });
                    next_t = toks.partition_point(|x| x.start < f.end);
                    break;
                }
                Some(f) => {
                    items.push(Item::Known {
                        start: p,
                        end: f.end,
                        entry: f.entry,
                    });
                    pos = text[f.end..tok.end].starts_with('-').then_some(f.end + 1);
                }
                None => pos = (piece_end < tok.end).then_some(piece_end + 1),
            }
        }
        if items.len() == before {
            items.push(Item::Tok(t));
        }
        t = next_t;
    }
}

/// A known name written in capitals, as datelines are: "BEIJING, Feb. 6".
fn shouting(
    text: &str,
    start: usize,
    end: usize,
    gaz: &gazetteer::Gazetteer,
) -> Option<gazetteer::Found> {
    let word = &text[start..end];
    if word.chars().count() < 4 || !word.chars().all(|c| c.is_uppercase()) {
        return None;
    }
    let mut chars = word.chars();
    let title: String = chars
        .next()
        .into_iter()
        .chain(chars.flat_map(char::to_lowercase))
        .collect();
    let f = gaz.find_at(&title, 0, title.len())?;
    (f.end == title.len()).then_some(gazetteer::Found {
        end,
        entry: f.entry,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn numbers_before_events_and_laws_are_found_in_linear_steps() {
        fn events(n: usize) -> String {
            let names = ["Paris Agreement", "Geneva Convention", "Asia Summit"];
            (0..n)
                .map(|i| format!("the {} {} and ", 1950 + i % 70, names[i % 3]))
                .collect()
        }
        crate::steps::assert_linear(&[("years before events", events)], 500, |text| {
            super::recognize(&crate::Document::parse(text));
        });
    }
}
