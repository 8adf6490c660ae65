//! The laws the fuzz targets in `fuzz/` check, kept here so that the same
//! checks run in two places: under libFuzzer (`cargo +nightly fuzz run
//! <target>`) and on stable, where `tests/fuzz_corpus.rs` replays every input
//! stored in `fuzz/corpus/<target>/`. Each function takes the fuzzer's raw
//! bytes and panics when a law fails; an input it panics on, saved in the
//! corpus, is a regression test. Not part of the crate's API.
//!
//! | function | input | laws |
//! | --- | --- | --- |
//! | [`importers`] | a format byte, then a file's bytes | blocks on char boundaries, normalised one-line blocks, BOMs and UTF-16 change nothing |
//! | [`recognize`] | text | mentions sorted, disjoint, inside one block; entities and mentions agree |
//! | [`themes`] | `name\|term\|…` line, then text | custom theme builds; scores, `about`, evidence and totals agree |
//! | [`exports`] | labels line, then text | every export parses as JSON (or RFC 4180) and its offsets slice the same text |

use std::collections::BTreeSet;

use serde_json::Value;

use crate::export::{self, View};
use crate::import::{self, text::normalise};
use crate::themes::{
    self, ABOUT_SCORE, ABOUT_SHARE, CORE_WEIGHT, LEDE_TERM_WEIGHT, Lexicon, RECURRENCE_PARAGRAPHS,
    Theme, ThemeReport,
};
use crate::{BlockKind, Document, Entities, EntityId, Label, MentionId, Span};

/// The file names the first byte of an [`importers`] input stands for, so that
/// every path is taken: none (a paste), each known extension, and an unknown one.
const NAMES: [Option<&str>; 6] = [
    None,
    Some("article.txt"),
    Some("article.md"),
    Some("article.html"),
    Some("article.htm"),
    Some("article"),
];

/// Runs `check` on every input stored in `dir` (a target's folder in
/// `fuzz/corpus/`), failing with the input's path if one fails: the corpus as
/// a regression suite on stable Rust, for the engine's targets and the app's.
pub fn replay(dir: &std::path::Path, check: fn(&[u8])) {
    let entries = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a corpus entry").path());
    let mut n = 0;
    for path in entries {
        let data = std::fs::read(&path).expect("a corpus file");
        if std::panic::catch_unwind(|| check(&data)).is_err() {
            panic!("{} fails its checks", path.display());
        }
        n += 1;
    }
    assert!(n > 0, "{} holds no inputs", dir.display());
}

/// Importing: the first byte picks a file name (`'0'`–`'5'` in a readable
/// seed), the rest are the file's bytes.
pub fn importers(data: &[u8]) {
    let Some((&which, bytes)) = data.split_first() else {
        return;
    };
    let name = NAMES[usize::from(which) % NAMES.len()];
    let result = import::import(name, bytes);
    match &result {
        Ok(doc) => check_imported(doc),
        Err(e) => assert!(!e.to_string().is_empty(), "an error says what went wrong"),
    }
    // The same text in other encodings reads the same.
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    if text.contains('\0') || import::sniff_binary(bytes).is_some() {
        return;
    }
    let result = result.map_err(|e| e.to_string());
    let again = |bytes: &[u8]| import::import(name, bytes).map_err(|e| e.to_string());
    assert_eq!(
        again(&[b"\xEF\xBB\xBF", bytes].concat()),
        result,
        "a UTF-8 byte-order mark changes nothing"
    );
    if bytes.len() * 2 + 2 <= import::MAX_IMPORT_BYTES {
        for (bom, big_endian) in [(b"\xFF\xFE", false), (b"\xFE\xFF", true)] {
            let utf16: Vec<u8> = text
                .encode_utf16()
                .flat_map(|u| match big_endian {
                    true => u.to_be_bytes(),
                    false => u.to_le_bytes(),
                })
                .collect();
            assert_eq!(
                again(&[bom.as_slice(), &utf16].concat()),
                result,
                "UTF-16 with a byte-order mark (big-endian: {big_endian}) reads as UTF-8 does"
            );
        }
    }
    if name.is_none() {
        assert_eq!(
            import::import_text(text).map_err(|e| e.to_string()),
            result,
            "a paste reads as the same bytes dropped in"
        );
    }
}

/// What every import gives: a parsed document whose text is normalised, one
/// line a block, the blocks separated by exactly one blank line.
fn check_imported(doc: &Document) {
    check_document(doc);
    let text = doc.text();
    assert!(!text.is_empty(), "an imported document has text");
    assert_eq!(normalise(text), text, "imported text is normalised");
    let blocks: Vec<&str> = doc.blocks().iter().map(|b| doc.block_text(b)).collect();
    assert!(
        blocks.iter().all(|b| !b.contains('\n')),
        "every imported block is one line: {blocks:?}"
    );
    assert_eq!(blocks.join("\n\n"), text, "blocks joined by blank lines");
}

/// Recognition: the input, read as UTF-8 (invalid bytes replaced), is an
/// article's text.
pub fn recognize(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let doc = Document::parse(&text);
    check_document(&doc);
    check_entities(&doc, &crate::recognize(&doc));
}

/// Theme scoring with a reader's theme: the first line is the theme's name
/// and terms, `|`-separated; the rest is the article.
pub fn themes(data: &[u8]) {
    let input = String::from_utf8_lossy(data);
    let (head, body) = input.split_once('\n').unwrap_or((&input, ""));
    let mut fields = head.split('|');
    let name = fields.next().unwrap_or("");
    let terms: Vec<&str> = fields.collect();
    let doc = Document::parse(body);
    check_document(&doc);

    // The themes the app offers for an article the lexicon finds little in
    // can always be made into a theme.
    let suggested = themes::suggest_terms(&doc, 8);
    for s in &suggested {
        assert!(s.score.is_finite() && s.score > 0.0, "{s:?}");
        assert!(!s.text.trim().is_empty(), "{s:?}");
        assert!(s.count >= 1 && s.spans.len() <= s.count, "{s:?}");
        for &span in &s.spans {
            assert!(
                doc.blocks().iter().any(|b| matches!(
                    b.kind,
                    BlockKind::Title | BlockKind::Paragraph
                ) && b.span.contains(span)),
                "{s:?} lies in a title or paragraph"
            );
            check_span(doc.text(), span);
        }
    }
    assert!(
        suggested.windows(2).all(|w| w[0].score >= w[1].score),
        "suggestions best first"
    );
    if !suggested.is_empty() {
        let theme = Theme::custom("Suggested", suggested.iter().map(|s| &s.text))
            .expect("suggested terms make a theme");
        let lexicon = Lexicon::builtin()
            .clone()
            .with_theme(theme)
            .expect("a theme of suggested terms joins the lexicon");
        check_report(&doc, &lexicon, &themes::score(&doc, &lexicon));
    }

    let Ok(theme) = Theme::custom(name, &terms) else {
        return;
    };
    assert!(!theme.id.is_empty(), "{theme:?}");
    assert!(
        theme.id.split('-').all(|w| !w.is_empty())
            && theme
                .id
                .chars()
                .all(|c| c == '-' || (c.is_alphanumeric() && !c.is_uppercase())),
        "a custom theme's id is a slug: {:?}",
        theme.id
    );
    assert!(theme.terms.iter().all(|g| !g.words.is_empty()), "{theme:?}");
    let lexicon = match Lexicon::builtin().clone().with_theme(theme) {
        Ok(lexicon) => lexicon,
        Err(e) => {
            // What Theme::custom checks, with_theme must not refuse: only a
            // built-in theme's id, terms the matcher cannot read, or a term
            // longer than the matcher walks.
            let e = e.to_string();
            assert!(
                [
                    "two themes have the id",
                    "has punctuation inside",
                    "uses #",
                    "a term may have at most",
                ]
                .iter()
                .any(|why| e.contains(why)),
                "a custom theme is refused: {e}"
            );
            return;
        }
    };
    check_report(&doc, &lexicon, &themes::score(&doc, &lexicon));
}

/// Exports: the first line names the labels shown (`*` or nothing for all,
/// else OntoNotes names separated by commas), the rest is the article.
pub fn exports(data: &[u8]) {
    let input = String::from_utf8_lossy(data);
    let (head, body) = input.split_once('\n').unwrap_or(("", &input));
    let view = match head.trim() {
        "" | "*" => View::all(),
        names => View::only(names.split(',').filter_map(|n| Label::from_name(n.trim()))),
    };
    let doc = Document::parse(body);
    let entities = crate::recognize(&doc);
    let report = themes::score(&doc, Lexicon::builtin());
    check_exports(&doc, &entities, &report, &view);
}

/// A span of `text`: in order, inside it, on char boundaries.
fn check_span(text: &str, span: Span) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{span:?} inside {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{span:?} on char boundaries"
    );
}

/// The blocks of a document: non-empty, trimmed, in order, disjoint, with
/// only white space between them, and their kinds where they can be.
pub fn check_document(doc: &Document) {
    let text = doc.text();
    let blocks = doc.blocks();
    let mut end = 0;
    for (i, b) in blocks.iter().enumerate() {
        check_span(text, b.span);
        let s = doc.block_text(b);
        assert!(!s.is_empty() && s.trim() == s, "block {i} {s:?} is trimmed");
        assert!(
            text[end..b.span.start].trim().is_empty(),
            "only white space before block {i}"
        );
        end = b.span.end;
        let ok = match b.kind {
            BlockKind::Title => i == 0,
            BlockKind::Byline => i == 0 || (i == 1 && blocks[0].kind == BlockKind::Title),
            BlockKind::Paragraph => true,
            BlockKind::Note => i + 1 == blocks.len(),
        };
        assert!(ok, "block {i} can be a {:?}", b.kind);
    }
    assert!(text[end..].trim().is_empty(), "only white space at the end");
    assert_eq!(
        doc.title(),
        blocks
            .first()
            .filter(|b| b.kind == BlockKind::Title)
            .map(|b| doc.block_text(b))
    );
}

/// What [`Entities`] promises: mentions sorted and disjoint, each inside one
/// block; entities and mentions pointing at each other; quotes sorted.
pub fn check_entities(doc: &Document, found: &Entities) {
    let text = doc.text();
    let mut previous_end = 0;
    for (i, m) in found.mentions.iter().enumerate() {
        check_span(text, m.span);
        let s = m.span.slice(text);
        assert!(!s.is_empty(), "mention {i} is not empty");
        assert_eq!(s.trim(), s, "mention {i} is trimmed");
        assert!(
            m.span.start >= previous_end,
            "mention {i} {:?} sorted after, and apart from, the one before",
            m.span
        );
        previous_end = m.span.end;
        assert!(
            doc.blocks().iter().any(|b| b.span.contains(m.span)),
            "mention {i} {s:?} lies inside one block"
        );
        let e = found
            .entities
            .get(m.entity.0)
            .unwrap_or_else(|| panic!("mention {i}'s entity {} exists", m.entity));
        assert_eq!(e.label, m.label, "mention {i} has its entity's label");
        assert!(
            e.mentions.contains(&MentionId(i)),
            "entity {} lists mention {i}",
            m.entity
        );
        assert!(!m.why.is_empty(), "mention {i} says why");
    }
    let mut listed = 0;
    for (id, e) in found.entities.iter().enumerate() {
        let id = EntityId(id);
        assert!(!e.name.trim().is_empty(), "entity {id} has a name");
        assert!(!e.mentions.is_empty(), "entity {id} has mentions");
        assert!(
            e.mentions.windows(2).all(|w| w[0] < w[1]),
            "entity {id}'s mentions in text order"
        );
        for &j in &e.mentions {
            assert_eq!(found.mentions.get(j.0).map(|m| m.entity), Some(id));
        }
        listed += e.mentions.len();
        assert!((0.0..=1.0).contains(&e.salience), "entity {id}: {e:?}");
        assert!(!e.aliases.contains(&e.name), "entity {id}'s aliases: {e:?}");
    }
    assert_eq!(listed, found.mentions.len(), "each mention in one entity");
    for (i, q) in found.quotes.iter().enumerate() {
        check_span(text, q.span);
        assert!(!q.span.is_empty(), "quote {i} is not empty");
        assert!(
            q.speaker.is_none_or(|s| s.0 < found.entities.len()),
            "quote {i}'s speaker exists"
        );
    }
    assert!(
        found
            .quotes
            .windows(2)
            .all(|w| w[0].span.start <= w[1].span.start),
        "quotes sorted by start"
    );
}

/// What [`ThemeReport`] promises against the lexicon it was scored with.
pub fn check_report(doc: &Document, lexicon: &Lexicon, report: &ThemeReport) {
    let text = doc.text();
    let themes = lexicon.themes();
    let scored: Vec<usize> = doc
        .blocks()
        .iter()
        .enumerate()
        .filter(|(_, b)| matches!(b.kind, BlockKind::Paragraph | BlockKind::Note))
        .map(|(i, _)| i)
        .collect();
    let blocks: Vec<usize> = report.paragraphs.iter().map(|p| p.block.0).collect();
    assert_eq!(blocks, scored, "every paragraph and note, in order");
    for p in &report.paragraphs {
        let block = doc.blocks()[p.block];
        assert_eq!(p.kind, block.kind);
        let ids: Vec<&str> = p.scores.iter().map(|s| &*s.theme).collect();
        let expected: Vec<&str> = themes.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, expected, "a score per theme, in lexicon order");
        for s in &p.scores {
            assert!(s.weight.is_finite() && s.weight >= 0.0, "{s:?}");
            assert!(s.score.is_finite() && s.score >= 0.0, "{s:?}");
            assert!(
                s.score <= s.weight * 1.0001,
                "scores never exceed weights: {s:?}"
            );
        }
        let best = p.scores.iter().map(|s| s.score).fold(0.0, f32::max);
        let about: BTreeSet<&str> = p.about.iter().map(|a| &**a).collect();
        let core = |theme: &str| {
            p.evidence
                .iter()
                .any(|e| &*e.theme == theme && e.weight >= CORE_WEIGHT)
        };
        let expected: BTreeSet<&str> = p
            .scores
            .iter()
            .filter(|s| s.score >= ABOUT_SCORE && (s.score >= ABOUT_SHARE * best || core(&s.theme)))
            .map(|s| &*s.theme)
            .collect();
        // A theme the paragraph owes to one word (a single word, not a core
        // term) may be dropped when no other paragraph has a strong term of
        // it, in a document of RECURRENCE_PARAGRAPHS paragraphs or more
        // (and when the headline is not about it, which the report does not
        // show).
        let paragraphs = report
            .paragraphs
            .iter()
            .filter(|q| q.kind == BlockKind::Paragraph)
            .count();
        let passing = |theme: &str| {
            let terms: BTreeSet<(&str, u32)> = p
                .evidence
                .iter()
                .filter(|e| &*e.theme == theme)
                .map(|e| (&*e.term, e.weight.to_bits()))
                .collect();
            paragraphs >= RECURRENCE_PARAGRAPHS
                && terms.len() == 1
                && terms
                    .iter()
                    .all(|&(term, w)| f32::from_bits(w) < CORE_WEIGHT && !themes::is_phrase(term))
                && !report.paragraphs.iter().any(|q| {
                    q.block != p.block
                        && q.evidence
                            .iter()
                            .any(|e| &*e.theme == theme && e.weight >= LEDE_TERM_WEIGHT)
                })
        };
        let firm: BTreeSet<&str> = expected.iter().copied().filter(|t| !passing(t)).collect();
        if let Some(source) = p.continues {
            // A quotation paragraph with no theme of its own goes on with
            // the dominant theme of an earlier paragraph.
            assert!(firm.is_empty() && source < p.block, "{p:?}");
            let origin = report.paragraphs.iter().find(|q| q.block == source);
            let origin = origin.expect("continues a scored paragraph");
            assert_eq!(p.about, [origin.dominant.clone().expect("a theme")]);
        } else {
            // Themes taken from the headline are the rest, each with a
            // strong term of its own in the paragraph.
            let own: BTreeSet<&str> = about
                .iter()
                .copied()
                .filter(|a| !p.from_headline.iter().any(|h| &**h == *a))
                .collect();
            assert!(
                firm.is_subset(&own) && own.is_subset(&expected),
                "about the themes that score enough, less passing words: {own:?} {expected:?}"
            );
            for h in &p.from_headline {
                assert!(
                    !expected.contains(&**h)
                        && p.evidence
                            .iter()
                            .any(|e| e.theme == *h && e.weight >= LEDE_TERM_WEIGHT),
                    "{p:?}"
                );
            }
        }
        assert_eq!(about.len(), p.about.len(), "about lists each theme once");
        let about_scores: Vec<f32> = p.about.iter().filter_map(|a| p.score(a)).collect();
        assert!(
            about_scores.windows(2).all(|w| w[0] >= w[1]),
            "about best first"
        );
        assert_eq!(p.dominant, p.about.first().cloned());
        let mut previous = Span::default();
        for e in &p.evidence {
            check_span(text, e.span);
            assert!(!e.span.is_empty() && block.span.contains(e.span), "{e:?}");
            assert!(
                (e.span.start, e.span.end) >= (previous.start, previous.end),
                "evidence in text order"
            );
            previous = e.span;
            let theme = lexicon.theme(&e.theme).expect("evidence names a theme");
            assert!(
                theme
                    .terms
                    .iter()
                    .any(|g| g.weight == e.weight && g.words.iter().any(|w| **w == *e.term)),
                "evidence {e:?} is a term of its theme, at its weight"
            );
        }
    }
    assert_eq!(report.totals.len(), themes.len());
    for (i, (total, theme)) in report.totals.iter().zip(themes).enumerate() {
        assert_eq!(*total.theme, theme.id);
        let about = report
            .paragraphs
            .iter()
            .filter(|p| p.is_about(&theme.id))
            .count();
        assert_eq!(total.paragraphs, about, "{total:?}");
        let sum: f32 = report.paragraphs.iter().map(|p| p.scores[i].weight).sum();
        assert!(
            (total.weight - sum).abs() <= 1e-3 * sum.max(1.0),
            "{total:?}"
        );
    }
    let dominant: Vec<_> = report
        .paragraphs
        .iter()
        .map(|p| p.dominant.clone())
        .collect();
    assert_eq!(report.sequence, dominant, "the sequence of dominant themes");
}

/// Every exporter: its output parses, and every offset in it points at the
/// text it says it does.
pub fn check_exports(doc: &Document, entities: &Entities, report: &ThemeReport, view: &View) {
    let text = doc.text();
    let units = Units::new(text);
    let shown: Vec<_> = entities
        .mentions
        .iter()
        .filter(|m| view.shows(m.label))
        .collect();
    let wikidata = |id: EntityId| entities.entities[id].wikidata.as_deref().unwrap_or("");

    // displaCy: code points.
    let v = json(&export::displacy(doc, entities, view));
    assert_eq!(v["text"], text);
    assert_eq!(v["title"].as_str(), doc.title());
    let ents = v["ents"].as_array().expect("ents");
    assert_eq!(ents.len(), shown.len(), "one ent per mention shown");
    for (ent, m) in ents.iter().zip(&shown) {
        let (start, end) = (usize_of(&ent["start"]), usize_of(&ent["end"]));
        assert_eq!(units.codepoints(start, end), m.span.slice(text), "{ent}");
        assert_eq!(ent["label"], m.label.as_str());
        assert_eq!(ent["kb_id"], wikidata(m.entity));
        assert_eq!(ent.get("kb_url").is_some(), !wikidata(m.entity).is_empty());
    }

    // Lede's JSON: code points and UTF-16 units, each span with its text.
    let v = json(&export::full_json(doc, entities, report, view));
    assert_eq!(v["format"], "lede/1");
    assert_eq!(v["document"]["text"], text);
    let blocks = v["document"]["blocks"].as_array().expect("blocks");
    assert_eq!(blocks.len(), doc.blocks().len());
    for (out, b) in blocks.iter().zip(doc.blocks()) {
        assert_eq!(units.span(out), b.span, "{out}");
    }
    let mut mentions = 0;
    let mut ids = BTreeSet::new();
    for e in v["entities"].as_array().expect("entities") {
        assert!(ids.insert(usize_of(&e["id"])), "each entity once: {e}");
        for m in e["mentions"].as_array().expect("mentions") {
            assert_eq!(units.span(m).slice(text), m["text"], "{m}");
            mentions += 1;
        }
    }
    assert_eq!(mentions, shown.len(), "every mention shown, once");
    let quotes = v["quotes"].as_array().expect("quotes");
    assert_eq!(quotes.len(), entities.quotes.len());
    for (out, q) in quotes.iter().zip(&entities.quotes) {
        assert_eq!(units.span(out), q.span, "{out}");
        assert_eq!(q.span.slice(text), out["text"]);
    }
    for p in v["themes"]["paragraphs"].as_array().expect("paragraphs") {
        for e in p["evidence"].as_array().expect("evidence") {
            assert_eq!(units.span(e).slice(text), e["text"], "{e}");
        }
    }

    // Web Annotation: code points, and the quoted text with its context.
    let v = json(&export::web_annotation(doc, entities, view));
    let items = v["first"]["items"].as_array().expect("items");
    assert_eq!(usize_of(&v["total"]), items.len());
    assert_eq!(items.len(), shown.len());
    for (item, m) in items.iter().zip(&shown) {
        let [quote, position] = [0, 1].map(|i| &item["target"]["selector"][i]);
        let (start, end) = (usize_of(&position["start"]), usize_of(&position["end"]));
        assert_eq!(units.codepoints(start, end), quote["exact"], "{item}");
        assert_eq!(quote["exact"], m.span.slice(text));
        let prefix = quote["prefix"].as_str().expect("prefix");
        let suffix = quote["suffix"].as_str().expect("suffix");
        assert_eq!(
            units.codepoints(start - prefix.chars().count(), start),
            prefix
        );
        assert_eq!(units.codepoints(end, end + suffix.chars().count()), suffix);
        assert_eq!(prefix.chars().count(), start.min(32), "{item}");
        assert_eq!(
            suffix.chars().count(),
            (units.chars() - end).min(32),
            "{item}"
        );
    }

    // CSV: one row per entity shown, counting its mentions shown.
    let csv = export::entities_csv(doc, entities, view);
    let rows = parse_csv(&csv);
    assert_eq!(rows[0], ["name", "type", "mentions", "wikidata"]);
    let mut first_seen: Vec<EntityId> = Vec::new();
    for m in &shown {
        if !first_seen.contains(&m.entity) {
            first_seen.push(m.entity);
        }
    }
    assert_eq!(rows.len() - 1, first_seen.len(), "a row per entity shown");
    for (row, &id) in rows[1..].iter().zip(&first_seen) {
        let e = &entities.entities[id];
        let name = row[0].strip_prefix('\'').filter(|n| *n == e.name);
        assert!(row[0] == e.name || name.is_some(), "{row:?} names {e:?}");
        assert_eq!(row[1], e.label.as_str());
        let count = shown.iter().filter(|m| m.entity == id).count();
        assert_eq!(row[2], count.to_string());
        assert_eq!(row[3], wikidata(id));
    }
}

fn json(s: &str) -> Value {
    serde_json::from_str(s).unwrap_or_else(|e| panic!("an export is JSON ({e}): {s}"))
}

fn usize_of(v: &Value) -> usize {
    let n = v.as_u64().unwrap_or_else(|| panic!("{v} is an offset"));
    usize::try_from(n).expect("an offset fits")
}

/// The byte offsets of a text's char boundaries, with their code-point and
/// UTF-16 positions: an independent model of [`crate::OffsetMap`].
struct Units<'t> {
    text: &'t str,
    /// For each boundary, in order: (byte, UTF-16 units before it).
    bounds: Vec<(usize, usize)>,
}

impl<'t> Units<'t> {
    fn new(text: &'t str) -> Units<'t> {
        let mut utf16 = 0;
        let mut bounds = Vec::new();
        for (i, c) in text.char_indices() {
            bounds.push((i, utf16));
            utf16 += c.len_utf16();
        }
        bounds.push((text.len(), utf16));
        Units { text, bounds }
    }

    fn chars(&self) -> usize {
        self.bounds.len() - 1
    }

    fn byte_of_codepoint(&self, cp: usize) -> usize {
        self.bounds
            .get(cp)
            .unwrap_or_else(|| panic!("code point {cp} lies in the text"))
            .0
    }

    /// The text between two code-point offsets.
    fn codepoints(&self, start: usize, end: usize) -> &'t str {
        assert!(start <= end, "{start}..{end} in order");
        &self.text[self.byte_of_codepoint(start)..self.byte_of_codepoint(end)]
    }

    /// A byte offset from Lede's `{"codepoint", "utf16"}`, both units agreeing.
    fn offset(&self, v: &Value) -> usize {
        let byte = self.byte_of_codepoint(usize_of(&v["codepoint"]));
        let utf16 = usize_of(&v["utf16"]);
        let at = self.bounds.partition_point(|&(b, _)| b < byte);
        assert_eq!(
            self.bounds[at].1, utf16,
            "code points and UTF-16 agree: {v}"
        );
        byte
    }

    /// The byte span of an object with `start` and `end` in Lede's offsets.
    fn span(&self, v: &Value) -> Span {
        Span::new(self.offset(&v["start"]), self.offset(&v["end"]))
    }
}

/// The records of RFC 4180 CSV with CRLF line ends.
fn parse_csv(s: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut field) = (Vec::new(), Vec::new(), String::new());
    let mut quoted = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            '"' if quoted => quoted = false,
            c if quoted => field.push(c),
            '"' => {
                assert!(field.is_empty(), "a quote opens a field: {s:?}");
                quoted = true;
            }
            ',' => row.push(std::mem::take(&mut field)),
            '\r' if chars.peek() == Some(&'\n') => {
                chars.next();
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            c => {
                assert!(c != '\r' && c != '\n', "a bare line break is quoted: {s:?}");
                field.push(c);
            }
        }
    }
    assert!(
        !quoted && row.is_empty() && field.is_empty(),
        "the last record ends in CRLF: {s:?}"
    );
    assert!(
        rows.iter().all(|r| r.len() == 4),
        "four fields a row: {s:?}"
    );
    rows
}
