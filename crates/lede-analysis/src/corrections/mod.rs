//! A reader's corrections to the engine's reading: entities added, retyped,
//! removed, merged and split, and quotations given another speaker.
//!
//! A [`Correction`] is anchored to its text ([`Anchor`]: the exact words,
//! their context and a position, as the W3C `TextQuoteSelector` does), never
//! to the engine's numbering, so it still applies when a newer engine reads
//! the text otherwise. [`apply`] lays a list of corrections over what the
//! engine found, in order, and says which of them it could not place.
//!
//! ```
//! use lede_analysis::corrections::{self, Anchor, Correction, Scope};
//! use lede_analysis::{Document, Label, Span, recognize};
//!
//! let doc = Document::parse("Shares of Acme Corp fell in Paris on Monday.");
//! let text = doc.text();
//! let at = |s: &str| { let i = text.find(s).unwrap(); Span::new(i, i + s.len()) };
//! let list = [
//!     Correction::Add { target: Anchor::at(text, at("Acme Corp")), label: Label::Org },
//!     Correction::Remove { target: Anchor::at(text, at("Monday")), scope: Scope::One },
//! ];
//! let engine = recognize(&doc);
//! let read = corrections::apply(&doc, &engine, &list);
//! let found: Vec<(&str, Label)> =
//!     read.entities.mentions.iter().map(|m| (m.span.slice(text), m.label)).collect();
//! assert_eq!(found, [("Acme Corp", Label::Org), ("Paris", Label::Gpe)]);
//! assert_eq!(read.by_reader, [true, false]);
//! assert!(read.dropped.is_empty());
//! ```
//!
//! The cost of applying is a pass over the mentions and entities, plus for
//! each correction a look at its position (or, where the text moved, a
//! search of the text for its words): a correction on a 4 MB document costs
//! a few milliseconds (`cargo run --release -p lede-analysis --example corrections`).

mod anchor;
mod apply;
mod file;

use serde::{Deserialize, Serialize};

pub(crate) use anchor::context;
pub use anchor::{Anchor, snap_to_words, word_at};
pub use apply::{Applied, Dropped, apply};
pub use file::{FileError, export_file, import_file};

/// The URN a text is named by in the exports and the corrections file:
/// `urn:lede:text:<16 hex digits of its FNV-1a hash>`.
pub fn text_urn(text: &str) -> String {
    crate::export::text_source(text)
}

use crate::Label;

/// Whether a correction is for the one mention anchored, or for every
/// mention of the same text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    #[default]
    One,
    All,
}

/// One correction of the reading, in the order the reader made it.
///
/// Read through [`Flat`], one struct with every field: serde's own reading
/// of a tagged enum buffers each object first, in code that cost the app's
/// WebAssembly module tens of kilobytes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "lowercase", try_from = "Flat")]
pub enum Correction {
    /// A missed entity: `target` is a mention of type `label` (replacing
    /// any mention it overlaps).
    Add { target: Anchor, label: Label },
    /// The mention at `target` (or every mention of its text) is of type `label`.
    Retype {
        target: Anchor,
        label: Label,
        #[serde(default)]
        scope: Scope,
    },
    /// The mention at `target` (or every mention of its text) is no entity.
    Remove {
        target: Anchor,
        #[serde(default)]
        scope: Scope,
    },
    /// The entity of the mention at `target` is the same as that of the
    /// mention at `into`, and joins it: its mentions take that entity's type.
    Merge { target: Anchor, into: Anchor },
    /// The mentions of `target`'s entity written as `target` is are an
    /// entity of their own.
    Split { target: Anchor },
    /// The quotation at `quote` was said by the entity of the mention at
    /// `speaker`, or by no one named (`null`).
    Speaker {
        quote: Anchor,
        speaker: Option<Anchor>,
    },
}

impl Correction {
    /// The anchor the correction is at: where a reader jumps to see it.
    pub fn target(&self) -> &Anchor {
        match self {
            Correction::Add { target, .. }
            | Correction::Retype { target, .. }
            | Correction::Remove { target, .. }
            | Correction::Merge { target, .. }
            | Correction::Split { target } => target,
            Correction::Speaker { quote, .. } => quote,
        }
    }

    /// What the correction does, in words a reader understands:
    /// "Added “Acme Corp” as ORG".
    pub fn describe(&self) -> String {
        let q = |a: &Anchor| format!("“{}”", a.exact);
        match self {
            Correction::Add { target, label } => format!("Added {} as {label}", q(target)),
            Correction::Retype {
                target,
                label,
                scope: Scope::One,
            } => format!("Retyped {} as {label}", q(target)),
            Correction::Retype {
                target,
                label,
                scope: Scope::All,
            } => format!("Retyped every {} as {label}", q(target)),
            Correction::Remove {
                target,
                scope: Scope::One,
            } => format!("Removed {}", q(target)),
            Correction::Remove {
                target,
                scope: Scope::All,
            } => format!("Removed every {}", q(target)),
            Correction::Merge { target, into } => {
                format!("Merged {} into {}", q(target), q(into))
            }
            Correction::Split { target } => format!("Split {} out as an entity", q(target)),
            Correction::Speaker {
                quote,
                speaker: Some(s),
            } => format!("Gave the quotation {} to {}", short(&quote.exact), q(s)),
            Correction::Speaker {
                quote,
                speaker: None,
            } => format!(
                "Took the speaker from the quotation {}",
                short(&quote.exact)
            ),
        }
    }
}

/// Every field a correction may have, as a file holds them.
#[derive(Deserialize)]
struct Flat {
    action: Action,
    target: Option<Anchor>,
    label: Option<Label>,
    #[serde(default)]
    scope: Scope,
    into: Option<Anchor>,
    quote: Option<Anchor>,
    #[serde(default)]
    speaker: Option<Anchor>,
}

#[derive(Deserialize)]
#[serde(rename_all = "lowercase")]
enum Action {
    Add,
    Retype,
    Remove,
    Merge,
    Split,
    Speaker,
}

impl TryFrom<Flat> for Correction {
    type Error = &'static str;

    fn try_from(f: Flat) -> Result<Correction, &'static str> {
        let target = f.target.ok_or("a correction without its \"target\"");
        let label = f.label.ok_or("a correction without its \"label\"");
        Ok(match f.action {
            Action::Add => Correction::Add {
                target: target?,
                label: label?,
            },
            Action::Retype => Correction::Retype {
                target: target?,
                label: label?,
                scope: f.scope,
            },
            Action::Remove => Correction::Remove {
                target: target?,
                scope: f.scope,
            },
            Action::Merge => Correction::Merge {
                target: target?,
                into: f.into.ok_or("a merge without \"into\"")?,
            },
            Action::Split => Correction::Split { target: target? },
            Action::Speaker => Correction::Speaker {
                quote: f
                    .quote
                    .ok_or("a speaker's correction without its \"quote\"")?,
                speaker: f.speaker,
            },
        })
    }
}

/// A long quotation's first words.
fn short(s: &str) -> String {
    match s.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}
