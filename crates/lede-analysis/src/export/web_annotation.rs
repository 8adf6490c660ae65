//! The W3C Web Annotation Data Model (<https://www.w3.org/TR/annotation-model/>)
//! in JSON-LD: one annotation per mention, tagging the text it selects.

use serde::Serialize;

use super::{By, View, shown_mentions, wikidata_entity};
use crate::corrections::context;
use crate::{Document, Entities, OffsetMap};

#[derive(Serialize)]
struct Collection<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    label: &'a str,
    generator: Generator,
    total: usize,
    first: Page<'a>,
}

/// Who made an annotation: Lede's engine, or the reader correcting it.
#[derive(Serialize)]
struct Agent {
    #[serde(rename = "type")]
    kind: &'static str,
    name: &'static str,
}

impl Agent {
    fn of(by: By) -> Agent {
        match by {
            By::Engine => Agent {
                kind: "Software",
                name: "Lede",
            },
            By::Reader => Agent {
                kind: "Person",
                name: "Reader",
            },
        }
    }
}

#[derive(Serialize)]
struct Generator {
    #[serde(rename = "type")]
    kind: &'static str,
    name: &'static str,
}

#[derive(Serialize)]
struct Page<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(rename = "startIndex")]
    start_index: usize,
    items: Vec<Annotation<'a>>,
}

#[derive(Serialize)]
struct Annotation<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    motivation: &'static str,
    creator: Agent,
    body: Vec<Body<'a>>,
    target: Target<'a>,
}

/// A `TextualBody` (with `format` and `value`) or a `SpecificResource` (with `source`).
#[derive(Serialize)]
struct Body<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    purpose: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    format: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<String>,
}

#[derive(Serialize)]
struct Target<'a> {
    source: &'a str,
    selector: (QuoteSelector<'a>, PositionSelector),
}

#[derive(Serialize)]
struct QuoteSelector<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    exact: &'a str,
    prefix: &'a str,
    suffix: &'a str,
}

#[derive(Serialize)]
struct PositionSelector {
    #[serde(rename = "type")]
    kind: &'static str,
    start: usize,
    end: usize,
}

impl<'a> Body<'a> {
    fn text(purpose: &'static str, value: &'a str) -> Body<'a> {
        Body {
            kind: "TextualBody",
            purpose,
            format: Some("text/plain"),
            value: Some(value),
            source: None,
        }
    }
}

/// The mentions the view shows as an `AnnotationCollection` whose one
/// `AnnotationPage` holds an `Annotation` per mention, in text order.
///
/// Each annotation has the motivation `tagging` and these bodies: a
/// `TextualBody` with purpose `tagging` whose value is the label (`"PERSON"`),
/// a `TextualBody` with purpose `describing` whose value is the entity's
/// canonical name, and for an entity with a Wikidata ID a `SpecificResource`
/// with purpose `identifying` whose source is
/// `http://www.wikidata.org/entity/Q…`. The target selects the mention both
/// with a `TextQuoteSelector` (the exact text, and up to 32 code points before
/// and after it) and a `TextPositionSelector` (start and end in code points).
///
/// Each annotation names its `creator`: `{"type": "Software", "name":
/// "Lede"}` for the engine's reading, `{"type": "Person", "name": "Reader"}`
/// for a reader's correction (as the view marks them: [`View::marking`]).
///
/// The text has no web address of its own, so the target's source is a URN
/// made from a hash of the text: `urn:lede:text:<16 hex digits>`. The same
/// text always gets the same source, and annotation IDs extend it.
pub fn web_annotation(doc: &Document, entities: &Entities, view: &View) -> String {
    let text = doc.text();
    let map = OffsetMap::new(text);
    let source = super::text_source(text);
    let items: Vec<Annotation> = shown_mentions(doc, entities, view)
        .into_iter()
        .map(|(i, m)| {
            let entity = entities.entities.get(m.entity.0);
            let mut body = vec![Body::text("tagging", m.label.as_str())];
            if let Some(e) = entity {
                body.push(Body::text("describing", &e.name));
            }
            if let Some(id) = entity.and_then(|e| e.wikidata.as_deref()) {
                body.push(Body {
                    kind: "SpecificResource",
                    purpose: "identifying",
                    format: None,
                    value: None,
                    source: Some(wikidata_entity(id)),
                });
            }
            let (prefix, suffix) = context(text, m.span);
            Annotation {
                id: format!("{source}/annotation/{i}"),
                kind: "Annotation",
                motivation: "tagging",
                creator: Agent::of(view.mention_by(i)),
                body,
                target: Target {
                    source: &source,
                    selector: (
                        QuoteSelector {
                            kind: "TextQuoteSelector",
                            exact: m.span.slice(text),
                            prefix,
                            suffix,
                        },
                        PositionSelector {
                            kind: "TextPositionSelector",
                            start: map.char_offset(m.span.start),
                            end: map.char_offset(m.span.end),
                        },
                    ),
                },
            }
        })
        .collect();
    let out = Collection {
        context: "http://www.w3.org/ns/anno.jsonld",
        id: format!("{source}/annotations"),
        kind: "AnnotationCollection",
        label: doc.title().unwrap_or("Untitled article"),
        generator: Generator {
            kind: "Software",
            name: "Lede",
        },
        total: items.len(),
        first: Page {
            id: format!("{source}/annotations/page/1"),
            kind: "AnnotationPage",
            start_index: 0,
            items,
        },
    };
    serde_json::to_string_pretty(&out).expect("plain data always serialises")
}

/// The 64-bit FNV-1a hash: small, stable across platforms and versions.
pub(super) fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Span;

    #[test]
    fn contexts() {
        let text = "“Quoted” 😀 text about Zürich and 北京 with more words after it, quite a few.";
        let at = |s: &str| {
            let i = text.find(s).unwrap();
            Span::new(i, i + s.len())
        };
        let (p, s) = context(text, at("Zürich"));
        assert_eq!(p, "“Quoted” 😀 text about ");
        assert_eq!(s, " and 北京 with more words after it");
        assert_eq!(s.chars().count(), 32);
        let (p, _) = context(text, at("quite"));
        assert_eq!(p.chars().count(), 32);
        assert_eq!(context(text, Span::new(0, 3)).0, "");
        assert_eq!(context(text, Span::new(text.len(), text.len())).1, "");
    }

    #[test]
    fn hash_is_fnv1a() {
        // Published FNV-1a 64 test vectors.
        assert_eq!(fnv1a(b""), 0xcbf29ce484222325);
        assert_eq!(fnv1a(b"a"), 0xaf63dc4c8601ec8c);
    }
}
