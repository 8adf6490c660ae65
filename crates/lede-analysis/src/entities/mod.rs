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
pub(crate) mod group;
mod model;
mod names;
mod numeric;
mod quotes;
pub(crate) use quotes::quotations;
mod tokens;
mod words;

pub use model::{Entities, Entity, EntityId, Label, Mention, MentionId, Quote};

use crate::Document;
use names::{Item, NameRules, Raw};
use tokens::Kind;
use words::PARTY_QUALIFIERS;

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
    let words = names::TextWords::default();
    let body_words = names::TextWords::default();
    let mut consumed = Vec::new();
    let mut blocked = Vec::new();
    let mut numbers = numeric::Buffers::default();
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
        let scanner = numeric::Scanner::new(text, &toks, &blocked, std::mem::take(&mut numbers));
        scanner.scan(&mut hits);
        numbers = scanner.into_buffers();
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
            body: if block.kind == crate::BlockKind::Title {
                &text[to..]
            } else {
                ""
            },
            words: &words,
            body_words: &body_words,
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
        // "Mexico's ruling Morena party": a name between a party's
        // qualifier and "party" is the party, whatever else it names.
        for raw in raws
            .iter_mut()
            .filter(|r| !matches!(r.label, Label::Person | Label::Org))
        {
            // "party" after the name first: it is rare, and the word before
            // the name costs a search backwards.
            if !text[raw.end..to].starts_with(" party")
                || text[raw.end + 6..to].starts_with(|c: char| c.is_alphanumeric())
            {
                continue;
            }
            let before = text[from..raw.start].trim_end();
            let qualifier = before.rsplit(' ').next().unwrap_or("");
            if PARTY_QUALIFIERS.contains(&qualifier) {
                raw.label = Label::Org;
                raw.why = "rule: name of a party before \"party\"";
                raw.entry = None;
            }
        }
        // "told The Hindu", "The Australian reported": a nationality after
        // a capital "The" inside a sentence, or before a verb of reporting,
        // is a newspaper's title, "The" and all (as "The Hague").
        // A people is named by a plural or a collective ("The Americans",
        // "The Chinese", "The French"), never a paper.
        let collective = |w: &str| ["s", "ese", "ch", "sh"].iter().any(|e| w.ends_with(e));
        for raw in raws.iter_mut().filter(|r| {
            let w = &text[r.start..r.end];
            r.label == Label::Norp && !w.contains(' ') && !collective(w)
        }) {
            let Some(head) = text[from..raw.start].strip_suffix("The ") else {
                continue;
            };
            let mid_sentence = head
                .trim_end()
                .ends_with(|c: char| c.is_alphanumeric() || matches!(c, ',' | ';'));
            let rest = &text[raw.end..to];
            let reporting = [" reported", " reports", " newspaper", " daily"]
                .iter()
                .any(|w| {
                    rest.starts_with(w) && !rest[w.len()..].starts_with(char::is_alphanumeric)
                });
            if mid_sentence || reporting {
                raw.start -= "The ".len();
                raw.label = Label::Org;
                raw.why = "rule: a newspaper named by \"The\" and a nationality";
                raw.entry = None;
            }
        }
        // "the 15th India-Japan Annual Summit", "the 1951 Mutual Defense
        // Treaty": an ordinal or a year before an event or a law is part of it.
        let block_hits = found.len() - hits.len()..found.len();
        for raw in raws
            .iter_mut()
            .filter(|r| matches!(r.label, Label::Event | Label::Law))
        {
            // "the Electoral Act 2022", "the Trade Act of 1974": a year after
            // an act's name is part of it, as the statute books write them.
            if raw.label == Label::Law && text[..raw.end].ends_with(" Act") {
                let hits = &mut found[block_hits.clone()];
                let gap = if text[raw.end..].starts_with(" of ") {
                    4
                } else {
                    1
                };
                let after = raw.end + gap;
                if text[raw.end..].starts_with(' ')
                    && let Ok(n) = hits.binary_search_by_key(&after, |f| f.raw.start)
                    && hits[n].raw.label == Label::Date
                    && hits[n].raw.end - after == 4
                {
                    raw.end = hits[n].raw.end;
                    hits[n].raw.end = after;
                }
            }
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
        teams_in_tables(text, (from, to), &found[block_hits.clone()], &mut raws, gaz);
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

/// Teams named by their town in result tables: a line that reads "Leeds 1
/// Chelsea 0" (names and scores in turn), a standings row "Ajax 10 8 1 1 30 8
/// 25" (a name and three or more numbers), or a fixture "Montrose v Ross
/// County". Each name there is a club, an organisation, unless the lists
/// know it as a country (a national side keeps its country's label).
fn teams_in_tables(
    text: &str,
    (from, to): (usize, usize),
    numbers: &[group::Found],
    raws: &mut [Raw],
    gaz: &gazetteer::Gazetteer,
) {
    let is_team = |r: &Raw| {
        matches!(
            r.label,
            Label::Person | Label::Gpe | Label::Loc | Label::Org
        ) && !r
            .entry
            .is_some_and(|e| gaz.entry(e).source.starts_with("countries"))
    };
    let blank = |a: usize, b: usize| a <= b && text[a..b].chars().all(|c| c == ' ' || c == '\t');
    // Names in order of their start, and the numbers (in order already):
    // each line finds its own by a binary search, so that a block of many
    // short lines is read in linear steps.
    if raws.is_empty() {
        return;
    }
    let mut order: Vec<usize> = (0..raws.len()).collect();
    order.sort_unstable_by_key(|&i| (raws[i].start, raws[i].end));
    let mut names = Vec::new();
    let mut line_start = from;
    while line_start < to {
        let line_end = text[line_start..to]
            .find('\n')
            .map_or(to, |n| line_start + n);
        // The line's names (by index into `raws`) and numbers, in order.
        crate::steps::step();
        let in_line = |s: usize| s >= line_start && s < line_end;
        let first_name = order.partition_point(|&i| raws[i].start < line_start);
        names.clear();
        names.extend(
            order[first_name..]
                .iter()
                .copied()
                .take_while(|&i| {
                    crate::steps::step();
                    in_line(raws[i].start)
                })
                .filter(|&i| raws[i].end <= line_end),
        );
        let first_number = numbers.partition_point(|f| f.raw.start < line_start);
        let line_numbers = &numbers[first_number..]
            [..numbers[first_number..].partition_point(|f| f.raw.start < line_end)];
        if names.is_empty() {
            line_start = line_end + 1;
            continue;
        }
        // A table's line starts with a name: where the first name does not,
        // neither the names and numbers in turn nor a standings row are
        // read (and no marks are gathered).
        let marks: Vec<(usize, usize, Option<usize>)> = if blank(line_start, raws[names[0]].start) {
            let mut marks: Vec<_> = names
                .iter()
                .map(|&i| (raws[i].start, raws[i].end, Some(i)))
                .chain(
                    line_numbers
                        .iter()
                        .filter(|f| {
                            f.raw.label == Label::Cardinal
                                && f.raw.end <= line_end
                                && f.raw.end > f.raw.start
                        })
                        .map(|f| (f.raw.start, f.raw.end, None)),
                )
                .collect();
            marks.sort_unstable();
            marks
        } else {
            Vec::new()
        };
        let mut teams = Vec::new();
        if let Some(&(s0, _, Some(_))) = marks.first()
            && blank(line_start, s0)
        {
            // Names and numbers in turn, with only spaces between them.
            let mut n = 0;
            while n + 1 < marks.len() {
                let (_, e, name) = marks[n];
                let (s, _, next) = marks[n + 1];
                if !blank(e, s) || (n % 2 == 0) != name.is_some() || (n % 2 == 0) == next.is_some()
                {
                    break;
                }
                n += 1;
            }
            let pairs = n.div_ceil(2);
            // A standings row: after the name only figures and punctuation,
            // two figures at least ("72 53 .576 -"), and no date.
            let (_, first_end, first) = marks[0];
            let rest = &text[first_end..line_end];
            let row = !rest.starts_with(',')
                && !rest.chars().any(char::is_alphabetic)
                && rest
                    .split_whitespace()
                    .filter(|s| s.contains(|c: char| c.is_ascii_digit()))
                    .count()
                    >= 2
                && !line_numbers.iter().any(|f| {
                    matches!(f.raw.label, Label::Date | Label::Time) && f.raw.start >= first_end
                });
            if pairs >= 2 {
                teams.extend(marks[..2 * pairs].iter().filter_map(|m| m.2));
            } else if row && let Some(i) = first {
                teams.push(i);
            }
        }
        // Fixtures: "A v B".
        for w in names.windows(2) {
            let (a, b) = (raws[w[0]].end, raws[w[1]].start);
            // "OAKLAND AT BOSTON" in a schedule written in capitals.
            let shouted = |i: usize| {
                !text[raws[i].start..raws[i].end]
                    .chars()
                    .any(char::is_lowercase)
            };
            if a <= b
                && (matches!(&text[a..b], " v " | " vs " | " vs. " | " v. ")
                    || (&text[a..b] == " AT " && shouted(w[0]) && shouted(w[1])))
            {
                teams.extend_from_slice(w);
            }
        }
        for i in teams {
            if is_team(&raws[i]) {
                let r = &mut raws[i];
                r.label = Label::Org;
                r.why = "rule: team in a result table";
                r.entry = None;
                r.lone = None;
            }
        }
        line_start = line_end + 1;
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
        let mut tok = toks[t];
        // "al Qaeda", "al Shabaab": a lower-case particle written apart
        // starts a name as it does joined ("al-Qaeda").
        let particle = tok.end - tok.start == 2 && matches!(&text[tok.start..tok.end], "al" | "el");
        if tok.kind != Kind::Word || !(tok.upper || tok.hyphen || particle) {
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
            // "El-Hassan", "Al-Amin": after a name's particle the rest is
            // the name, not a place ("Hassan") a list knows.
            let after_particle = p > tok.start
                && matches!(
                    &text[tok.start..p - 1],
                    "El" | "Al" | "el" | "al" | "Abu" | "Ibn"
                );
            let found = if after_particle {
                None
            } else if (p == tok.start && tok.upper)
                || (p > tok.start && text[p..].starts_with(|c: char| c.is_uppercase()))
                || (p == tok.start && (tok.hyphen || particle))
            {
                gaz.find_at(text, p, limit)
                    .or_else(|| shouting(text, p, piece_end, gaz))
            } else {
                None
            };
            // "US$20,000", "NZ$5": letters against a dollar sign say whose
            // dollar; they are not the place.
            let found = found.filter(|f| !text[f.end..].starts_with('$'));
            match found {
                Some(f) if f.end > tok.end => {
                    // A name over several tokens, after the names found
                    // before it in this word ("China-United States").
                    items.push(Item::Known {
                        start: p,
                        end: f.end,
                        entry: f.entry,
                    });
                    next_t = toks.partition_point(|x| x.start < f.end);
                    // It may end inside a hyphenated word, whose rest is read
                    // on: "United States-China".
                    let k = toks.partition_point(|x| x.end <= f.end);
                    if text[f.end..].starts_with('-') && k < next_t {
                        tok = toks[k];
                        pos = Some(f.end + 1);
                        continue;
                    }
                    break;
                }
                Some(f) => {
                    // "non-Muslim": a people's name after "non-" is one NORP.
                    let non = p == tok.start + 4
                        && text[tok.start..p].eq_ignore_ascii_case("non-")
                        && gaz.entry(f.entry).label == Label::Norp;
                    items.push(Item::Known {
                        start: if non { tok.start } else { p },
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

/// A known name written in capitals, as datelines, headlines and result
/// tables are: "BEIJING, Feb. 6", "NEW YORK 4 CHICAGO 2". Up to four capitalised
/// ASCII words from `start` are read in title case, the longest known name
/// first; a one-word name needs four letters ("US" and "IT" stay words).
fn shouting(
    text: &str,
    start: usize,
    end: usize,
    gaz: &gazetteer::Gazetteer,
) -> Option<gazetteer::Found> {
    let is_caps = |w: &str| {
        w.len() >= 2
            && w.bytes()
                .all(|b| b.is_ascii_uppercase() || b == b'-' || b == b'.')
            && w.bytes().any(|b| b.is_ascii_uppercase())
    };
    if !is_caps(&text[start..end]) {
        return None;
    }
    // The run of capitalised words: (end of each word) in order.
    let mut ends = vec![end];
    let mut at = end;
    while ends.len() < 4 {
        let rest = &text[at..];
        let Some(next) = rest.strip_prefix(' ') else {
            break;
        };
        let len = next
            .find(|c: char| !(c.is_ascii_uppercase() || c == '-' || c == '.'))
            .unwrap_or(next.len());
        let word = &next[..len];
        if !is_caps(word) || next[len..].starts_with(|c: char| c.is_alphanumeric()) {
            break;
        }
        at += 1 + len;
        ends.push(at);
    }
    let run = &text[start..*ends.last()?];
    let mut title = String::with_capacity(run.len());
    let mut first = true;
    for c in run.chars() {
        title.push(if first { c } else { c.to_ascii_lowercase() });
        first = c == ' ' || c == '-';
    }
    let f = gaz.find_at(&title, 0, title.len())?;
    let words = ends.iter().position(|&e| e - start == f.end)? + 1;
    (words > 1 || end - start >= 4).then_some(gazetteer::Found {
        end: start + f.end,
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

    #[test]
    fn result_tables_are_read_in_linear_steps() {
        fn table(n: usize) -> String {
            (0..n)
                .map(|i| format!("Leeds {} Chelsea {}\n", i % 5, i % 3))
                .collect()
        }
        fn one_line(n: usize) -> String {
            (0..n)
                .map(|i| format!("Leeds {} Chelsea {} ", i % 5, i % 3))
                .collect()
        }
        crate::steps::assert_linear(
            &[("a table", table), ("one long line", one_line)],
            200,
            |text| {
                super::recognize(&crate::Document::parse(text));
            },
        );
    }
}
