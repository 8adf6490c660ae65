//! spaCy's displaCy "manual" format: what
//! `spacy.displacy.render(doc, style="ent", manual=True)` draws.

use serde::Serialize;

use super::{View, shown_mentions};
use crate::{Document, Entities, OffsetMap, wikidata_url};

#[derive(Serialize)]
struct Displacy<'a> {
    text: &'a str,
    ents: Vec<Ent<'a>>,
    title: Option<&'a str>,
}

#[derive(Serialize)]
struct Ent<'a> {
    start: usize,
    end: usize,
    label: &'static str,
    kb_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    kb_url: Option<String>,
}

/// The document as displaCy JSON:
/// `{"text", "ents": [{"start", "end", "label", "kb_id", "kb_url"}], "title"}`.
///
/// `start` and `end` count Unicode code points into `text`, as Python strings
/// do; `kb_id` is the entity's Wikidata ID or `""`, and `kb_url` (which
/// displaCy links the ID to) is given only with an ID. `title` is the
/// document's title or `null`; the text still starts with it, so that offsets
/// stay offsets into the whole text.
pub fn displacy(doc: &Document, entities: &Entities, view: &View) -> String {
    let map = OffsetMap::new(doc.text());
    let ents = shown_mentions(doc, entities, view)
        .into_iter()
        .map(|(_, m)| {
            let kb_id = entities
                .entities
                .get(m.entity.0)
                .and_then(|e| e.wikidata.as_deref())
                .unwrap_or("");
            Ent {
                start: map.char_offset(m.span.start),
                end: map.char_offset(m.span.end),
                label: m.label.as_str(),
                kb_id,
                kb_url: (!kb_id.is_empty()).then(|| wikidata_url(kb_id)),
            }
        })
        .collect();
    let out = Displacy {
        text: doc.text(),
        ents,
        title: doc.title(),
    };
    serde_json::to_string_pretty(&out).expect("plain data always serialises")
}
