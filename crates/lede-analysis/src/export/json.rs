//! Lede's own JSON (`"format": "lede/1"`): everything the reader sees, with
//! every offset in both code points and UTF-16 units.

use std::sync::Arc;

use serde::Serialize;

use super::{By, View, shown_mentions};
use crate::themes::ThemeReport;
use crate::{BlockId, BlockKind, Document, Entities, EntityId, Label, OffsetMap, Span};

/// The version tag; a change that breaks readers of the file gets a new one.
const FORMAT: &str = "lede/1";

#[derive(Serialize)]
struct Full<'a> {
    format: &'static str,
    offsets: Offsets,
    view: ViewOut,
    document: DocumentOut<'a>,
    entities: Vec<EntityOut<'a>>,
    quotes: Vec<QuoteOut<'a>>,
    themes: ThemesOut<'a>,
}

#[derive(Serialize)]
struct Offsets {
    units: [&'static str; 2],
    about: &'static str,
}

#[derive(Serialize)]
struct ViewOut {
    labels: Vec<Label>,
}

#[derive(Serialize)]
struct DocumentOut<'a> {
    title: Option<&'a str>,
    byline: Option<BylineOut<'a>>,
    text: &'a str,
    blocks: Vec<BlockOut>,
}

#[derive(Serialize)]
struct BylineOut<'a> {
    author: &'a str,
    publication: Option<&'a str>,
}

#[derive(Serialize)]
struct BlockOut {
    index: usize,
    kind: BlockKind,
    start: Offset,
    end: Offset,
}

/// One position in the text, in both units.
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq)]
struct Offset {
    codepoint: usize,
    utf16: usize,
}

#[derive(Serialize)]
struct EntityOut<'a> {
    id: EntityId,
    name: &'a str,
    label: Label,
    aliases: &'a [String],
    wikidata: Option<&'a str>,
    salience: f64,
    mentions: Vec<MentionOut<'a>>,
}

#[derive(Serialize)]
struct MentionOut<'a> {
    start: Offset,
    end: Offset,
    text: &'a str,
    label: Label,
    why: &'a str,
    by: By,
}

#[derive(Serialize)]
struct QuoteOut<'a> {
    start: Offset,
    end: Offset,
    text: &'a str,
    speaker: Option<SpeakerOut<'a>>,
    by: By,
}

#[derive(Serialize)]
struct SpeakerOut<'a> {
    /// The `id` of the speaker in `entities`; `null` when the view hides it.
    entity: Option<EntityId>,
    name: &'a str,
}

#[derive(Serialize)]
struct ThemesOut<'a> {
    totals: Vec<TotalOut<'a>>,
    paragraphs: Vec<ParagraphOut<'a>>,
}

#[derive(Serialize)]
struct TotalOut<'a> {
    theme: &'a str,
    paragraphs: usize,
    weight: f64,
}

#[derive(Serialize)]
struct ParagraphOut<'a> {
    block: BlockId,
    kind: BlockKind,
    words: usize,
    scores: Vec<ScoreOut<'a>>,
    about: &'a [Arc<str>],
    dominant: Option<&'a str>,
    evidence: Vec<EvidenceOut<'a>>,
    /// The paragraph whose themes a quotation paragraph goes on with; the
    /// evidence for them is that paragraph's.
    #[serde(skip_serializing_if = "Option::is_none")]
    continues: Option<BlockId>,
    /// The themes of `about` the paragraph takes from the headline (its
    /// evidence holds a strong term of each).
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    from_headline: &'a [Arc<str>],
}

#[derive(Serialize)]
struct ScoreOut<'a> {
    theme: &'a str,
    weight: f64,
    score: f64,
}

#[derive(Serialize)]
struct EvidenceOut<'a> {
    start: Offset,
    end: Offset,
    text: &'a str,
    theme: &'a str,
    term: &'a str,
    weight: f64,
}

const ABOUT_OFFSETS: &str = "Every start and end is a position in document.text given in two \
units: codepoint counts Unicode code points (as Python and spaCy do), utf16 counts UTF-16 \
code units (as JavaScript and the DOM do). Ranges are half-open: start is the first \
character, end is just after the last.";

/// The whole analysis as Lede's JSON, `"format": "lede/1"`.
///
/// It holds the document (title, byline, text, and its blocks with their
/// kinds), the entities with a mention the view shows (canonical name, label,
/// aliases, Wikidata ID, salience, and those mentions), the quotations with
/// their speakers, and the themes of every paragraph (scores, the themes it is
/// about, and the matched terms that are the evidence). Every `start` and
/// `end` is `{"codepoint": n, "utf16": m}`, and the file says so in
/// `"offsets": {"units": ["codepoint", "utf16"]}`. Each span also carries its
/// `text`, so a reader can check any offset against it. Scores and weights are
/// rounded to four decimals. Each mention and quotation says whose it is,
/// `"by": "engine"` or `"by": "reader"` (a reader's correction, as the view
/// marks them: [`View::marking`]).
pub fn full_json(doc: &Document, entities: &Entities, themes: &ThemeReport, view: &View) -> String {
    let text = doc.text();
    let map = OffsetMap::new(text);
    let at = |byte: usize| Offset {
        codepoint: map.char_offset(byte),
        utf16: map.utf16_offset(byte),
    };
    let fits = |span: Span| span.start <= span.end && text.get(span.start..span.end).is_some();

    let blocks = doc
        .blocks()
        .iter()
        .enumerate()
        .map(|(index, b)| BlockOut {
            index,
            kind: b.kind,
            start: at(b.span.start),
            end: at(b.span.end),
        })
        .collect();

    let mut exported: Vec<EntityOut> = Vec::new();
    for (i, m) in shown_mentions(doc, entities, view) {
        let Some(e) = entities.entities.get(m.entity.0) else {
            continue;
        };
        let mention = MentionOut {
            start: at(m.span.start),
            end: at(m.span.end),
            text: m.span.slice(text),
            label: m.label,
            why: m.why,
            by: view.mention_by(i),
        };
        match exported.iter_mut().find(|x| x.id == m.entity) {
            Some(x) => x.mentions.push(mention),
            None => exported.push(EntityOut {
                id: m.entity,
                name: &e.name,
                label: e.label,
                aliases: &e.aliases,
                wikidata: e.wikidata.as_deref(),
                salience: round(e.salience),
                mentions: vec![mention],
            }),
        }
    }

    let quotes = entities
        .quotes
        .iter()
        .enumerate()
        .filter(|(_, q)| fits(q.span))
        .map(|(i, q)| QuoteOut {
            by: view.quote_by(i),
            start: at(q.span.start),
            end: at(q.span.end),
            text: q.span.slice(text),
            speaker: q.speaker.and_then(|id| {
                let e = entities.entities.get(id.0)?;
                Some(SpeakerOut {
                    entity: exported.iter().any(|x| x.id == id).then_some(id),
                    name: &e.name,
                })
            }),
        })
        .collect();

    let paragraphs = themes
        .paragraphs
        .iter()
        .map(|p| ParagraphOut {
            block: p.block,
            kind: p.kind,
            words: p.words,
            scores: p
                .scores
                .iter()
                .map(|s| ScoreOut {
                    theme: &s.theme,
                    weight: round(s.weight),
                    score: round(s.score),
                })
                .collect(),
            about: &p.about,
            dominant: p.dominant.as_deref(),
            evidence: p
                .evidence
                .iter()
                .filter(|e| fits(e.span))
                .map(|e| EvidenceOut {
                    start: at(e.span.start),
                    end: at(e.span.end),
                    text: e.span.slice(text),
                    theme: &e.theme,
                    term: &e.term,
                    weight: round(e.weight),
                })
                .collect(),
            continues: p.continues,
            from_headline: &p.from_headline,
        })
        .collect();
    let totals = themes
        .totals
        .iter()
        .map(|t| TotalOut {
            theme: &t.theme,
            paragraphs: t.paragraphs,
            weight: round(t.weight),
        })
        .collect();

    let full = Full {
        format: FORMAT,
        offsets: Offsets {
            units: ["codepoint", "utf16"],
            about: ABOUT_OFFSETS,
        },
        view: ViewOut {
            labels: view.labels(),
        },
        document: DocumentOut {
            title: doc.title(),
            byline: doc.byline().map(|b| BylineOut {
                author: b.author,
                publication: b.publication,
            }),
            text,
            blocks,
        },
        entities: exported,
        quotes,
        themes: ThemesOut { totals, paragraphs },
    };
    serde_json::to_string_pretty(&full).expect("plain data always serialises")
}

/// A score as people read it: four decimals, not `0.30000001192092896`.
fn round(x: f32) -> f64 {
    let x = f64::from(x);
    if x.is_finite() {
        // Adding zero turns -0.0 into 0.0.
        (x * 10_000.0).round() / 10_000.0 + 0.0
    } else {
        0.0
    }
}
