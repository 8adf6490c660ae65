//! Exporting a document's annotations in the formats other tools read.
//!
//! | function | format | offsets |
//! | --- | --- | --- |
//! | [`displacy`] | spaCy's displaCy "manual" JSON | code points |
//! | [`full_json`] | Lede's own JSON, `"format": "lede/1"`: blocks, entities, quotes, themes | code points and UTF-16 units |
//! | [`web_annotation`] | W3C Web Annotation JSON-LD, one annotation per mention | code points |
//! | [`entities_csv`] | CSV (RFC 4180) of entities: `name,type,mentions,wikidata` | — |
//!
//! Every exporter takes a [`View`], the entity labels the reader has chosen to
//! show, so that what is exported is what is on the screen.
//!
//! ```
//! use lede_analysis::export::{self, View};
//! use lede_analysis::{Document, Entities, Entity, EntityId, Label, Mention, MentionId, Span};
//!
//! let doc = Document::parse("Talks\n\nXi met Trump in Geneva.");
//! let text = doc.text();
//! let span = |s: &str| Span::new(text.find(s).unwrap(), text.find(s).unwrap() + s.len());
//! let person = |name: &str, id, wikidata: Option<&str>| Entity {
//!     label: Label::Person, name: name.into(), aliases: vec![],
//!     wikidata: wikidata.map(Into::into), mentions: vec![MentionId(id)], salience: 0.5,
//! };
//! let found = Entities {
//!     mentions: vec![
//!         Mention { span: span("Xi"), label: Label::Person, entity: EntityId(0), why: "name list".into() },
//!         Mention { span: span("Geneva"), label: Label::Gpe, entity: EntityId(1), why: "place list".into() },
//!     ],
//!     entities: vec![person("Xi Jinping", 0, Some("Q15031")), Entity { label: Label::Gpe, ..person("Geneva", 1, None) }],
//!     quotes: vec![],
//! };
//! let json = export::displacy(&doc, &found, &View::only([Label::Person]));
//! assert!(json.contains(r#""start": 7"#) && json.contains(r#""kb_id": "Q15031""#));
//! assert!(!json.contains("GPE"));
//! assert_eq!(
//!     export::entities_csv(&doc, &found, &View::all()),
//!     "name,type,mentions,wikidata\r\nXi Jinping,PERSON,1,Q15031\r\nGeneva,GPE,1,\r\n"
//! );
//! ```

mod csv;
mod displacy;
mod json;
mod web_annotation;

use std::collections::BTreeSet;

pub use csv::entities_csv;
pub use displacy::displacy;
pub use json::full_json;
pub use web_annotation::web_annotation;

use crate::{Document, Entities, Label, Mention};

/// What the reader sees: the entity labels shown, and which annotations are
/// the reader's own corrections. Exports leave out the mentions (and
/// entities) of the labels the reader has hidden.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct View {
    /// `None` shows every label.
    labels: Option<BTreeSet<Label>>,
    /// Per mention, and per quotation: whether the reader's corrections
    /// made it (as [`crate::corrections::Applied`] says). Empty: none.
    by_reader: Vec<bool>,
    quotes_by_reader: Vec<bool>,
}

impl View {
    /// Every label shown.
    pub fn all() -> View {
        View::default()
    }

    /// Only these labels shown.
    pub fn only(labels: impl IntoIterator<Item = Label>) -> View {
        View {
            labels: Some(labels.into_iter().collect()),
            ..View::default()
        }
    }

    /// The same view, marking as the reader's the mentions and quotations
    /// that corrections made (`by_reader[i]` for mention `i`, as
    /// [`crate::corrections::Applied`] lists them): the full JSON and the Web
    /// Annotations say whose each annotation is.
    pub fn marking(self, by_reader: &[bool], quotes_by_reader: &[bool]) -> View {
        View {
            by_reader: by_reader.to_vec(),
            quotes_by_reader: quotes_by_reader.to_vec(),
            ..self
        }
    }

    /// Whose mention number `i` is.
    pub(crate) fn mention_by(&self, i: usize) -> By {
        By::of(self.by_reader.get(i).copied().unwrap_or(false))
    }

    /// Whose quotation number `i` is.
    pub(crate) fn quote_by(&self, i: usize) -> By {
        By::of(self.quotes_by_reader.get(i).copied().unwrap_or(false))
    }

    /// Whether mentions with this label are shown.
    pub fn shows(&self, label: Label) -> bool {
        self.labels.as_ref().is_none_or(|l| l.contains(&label))
    }

    /// The labels shown, in legend order.
    pub fn labels(&self) -> Vec<Label> {
        Label::ALL.into_iter().filter(|&l| self.shows(l)).collect()
    }
}

/// Whose an annotation is: the engine's reading, or the reader's correction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum By {
    Engine,
    Reader,
}

impl By {
    fn of(reader: bool) -> By {
        if reader { By::Reader } else { By::Engine }
    }
}

/// The mentions the view shows, with their index, in text order; a mention
/// whose span does not fit the text (which would be a bug upstream) is left
/// out rather than exported wrong.
pub(crate) fn shown_mentions<'e>(
    doc: &Document,
    entities: &'e Entities,
    view: &View,
) -> Vec<(usize, &'e Mention)> {
    let text = doc.text();
    let mut shown: Vec<(usize, &Mention)> = entities
        .mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| view.shows(m.label))
        .filter(|(_, m)| m.span.start < m.span.end && text.get(m.span.start..m.span.end).is_some())
        .collect();
    shown.sort_by_key(|(i, m)| (m.span.start, m.span.end, *i));
    shown
}

/// The URN that names a text in the exports, made from a hash of it:
/// `urn:lede:text:<16 hex digits>`.
pub(crate) fn text_source(text: &str) -> String {
    format!(
        "urn:lede:text:{:016x}",
        web_annotation::fnv1a(text.as_bytes())
    )
}

/// The Wikidata concept IRI of an entity ID, for linked data.
pub(crate) fn wikidata_entity(id: &str) -> String {
    format!("http://www.wikidata.org/entity/{id}")
}
