//! The reader's corrections of the analysis: what they have chosen in the
//! text to correct, the corrections with their undo history, kept with the
//! text in the browser's storage, and the panel and keys that make them.
//!
//! The corrections themselves, and applying them, are the engine's
//! (`lede_analysis::corrections`); here the [`Reader`] gets a method per
//! change, and its `analysis` is the engine's reading with the corrections
//! applied ([`corrected`]), so every view shows the corrected reading.

mod history;
pub(crate) mod keys;
mod panel;
pub(crate) mod selection;

use std::sync::Arc;

use lede_analysis::corrections::{self, Anchor, Correction, Dropped, Scope};
use lede_analysis::{Document, Label, MentionId, Span};
use leptos::prelude::*;

pub use history::History;
pub use panel::{CorrectionsAnnouncer, CorrectionsPanel};

use crate::state::{Analyzed, Reader, Shared};

/// What the corrections made of the reading, beside the corrected entities.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Marks {
    /// Per mention: whether a correction made or changed it. Empty: none did.
    pub by_reader: Vec<bool>,
    pub quotes_by_reader: Vec<bool>,
    /// Per correction: where it applied, or None if it was dropped.
    pub placed: Vec<Option<Span>>,
    pub dropped: Vec<Dropped>,
}

impl Marks {
    /// Whether mention `m` is the reader's.
    pub fn corrected(&self, m: MentionId) -> bool {
        self.by_reader.get(m.0).copied().unwrap_or(false)
    }
}

/// What the reader has chosen in the text to correct.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// Words selected (snapped to whole words), a byte span of the text.
    Words(Span),
    /// The mention with this span.
    Mention(Span),
}

impl Target {
    pub fn span(self) -> Span {
        match self {
            Target::Words(s) | Target::Mention(s) => s,
        }
    }
}

/// The URN the corrections of a text are kept under: the same as the
/// exports name the text by.
fn text_key(text: &str) -> String {
    corrections::text_urn(text)
}

/// The engine's reading with the reader's corrections applied, and their
/// corrections loaded from storage for each new text and kept there after
/// each change.
pub(crate) fn corrected(
    document: RwSignal<Document>,
    engine: Memo<Shared>,
    history: RwSignal<History>,
) -> Memo<Shared> {
    let key = Memo::new(move |_| document.with(|d| text_key(d.text())));
    // Storage is the outside world: an effect loads each text's corrections.
    Effect::new(move |_| {
        let key = key.get();
        leptos::task::spawn_local(async move {
            let list = crate::storage::load_corrections(&key).await;
            history.try_update(|h| {
                if h.key != key {
                    *h = History::loaded(key, list);
                }
            });
        });
    });
    let list = Memo::new(move |_| {
        history.with(|h| {
            if h.key == key.get() {
                h.list().to_vec()
            } else {
                Vec::new()
            }
        })
    });
    Memo::new(move |_| {
        let engine = engine.get();
        list.with(|list| {
            if list.is_empty() {
                return engine;
            }
            Shared::new(document.with(|d| with_corrections(d, &engine, list)))
        })
    })
}

/// `engine`, the engine's reading of `doc`, with `list` applied (its themes
/// shared, not copied).
pub(crate) fn with_corrections(doc: &Document, engine: &Analyzed, list: &[Correction]) -> Analyzed {
    let applied = corrections::apply(doc, &engine.entities, list);
    Analyzed {
        entities: applied.entities,
        marks: Marks {
            by_reader: applied.by_reader,
            quotes_by_reader: applied.quotes_by_reader,
            placed: applied.placed,
            dropped: applied.dropped,
        },
        themes: Arc::clone(&engine.themes),
        theme_list: Arc::clone(&engine.theme_list),
        notes: engine.notes.clone(),
    }
}

/// Mention `m` (focused, or clicked) is what the panel corrects.
pub(crate) fn aim_at_mention(r: Reader, m: MentionId) {
    let span = r
        .analysis
        .with_untracked(|a| a.entities.mentions.get(m.0).map(|m| m.span));
    if let Some(span) = span {
        r.target.set(Some(Target::Mention(span)));
    }
}

impl Reader {
    /// Changes the corrections with `f` (which says what it did, if
    /// anything), keeps them, and says so.
    fn change_corrections(&self, f: impl FnOnce(&mut History) -> Option<String>) {
        let mut said = None;
        self.corrections.update(|h| said = f(h));
        let Some(said) = said else { return };
        let (key, list, n) = self
            .corrections
            .with_untracked(|h| (h.key.clone(), h.list().to_vec(), h.list().len()));
        let count = match n {
            1 => "1 correction".to_owned(),
            n => format!("{n} corrections"),
        };
        self.announcement.set(format!("{said}. {count}."));
        let announcement = self.announcement;
        // Storage is the outside world and no frame waits for it: the list
        // (written out, a millisecond or two for a long one) is kept once
        // the change is painted, not in the task that makes it.
        crate::open_article::after_paint(move || {
            leptos::task::spawn_local(async move {
                if let Err(why) = crate::storage::save_corrections(&key, &list).await {
                    announcement.try_set(why);
                }
            })
        });
    }

    /// Makes correction `c`, anchored in the current text.
    pub fn correct(&self, c: Correction) {
        self.change_corrections(|h| Some(h.push(c)));
    }

    fn anchor(&self, span: Span) -> Anchor {
        self.document.with_untracked(|d| Anchor::at(d.text(), span))
    }

    /// Adds the words at `span` as a mention of type `label`.
    pub fn add_entity(&self, span: Span, label: Label) {
        if span.is_empty() {
            return;
        }
        self.correct(Correction::Add {
            target: self.anchor(span),
            label,
        });
        self.target.set(Some(Target::Mention(span)));
    }

    /// Gives the mention at `span` (or every mention of its text) type `label`.
    pub fn retype(&self, span: Span, label: Label, scope: Scope) {
        self.correct(Correction::Retype {
            target: self.anchor(span),
            label,
            scope,
        });
    }

    /// Removes the mention at `span` (or every mention of its text).
    pub fn remove_mention(&self, span: Span, scope: Scope) {
        self.correct(Correction::Remove {
            target: self.anchor(span),
            scope,
        });
        self.target.set(None);
        self.card.set(None);
    }

    /// Joins the entity of the mention at `span` to that of the mention at `into`.
    pub fn merge(&self, span: Span, into: Span) {
        self.correct(Correction::Merge {
            target: self.anchor(span),
            into: self.anchor(into),
        });
    }

    /// Makes the mentions written as the one at `span` an entity of their own.
    pub fn split(&self, span: Span) {
        self.correct(Correction::Split {
            target: self.anchor(span),
        });
    }

    /// Gives the quotation at `quote` to the entity of the mention at
    /// `speaker`, or to no one.
    pub fn set_speaker(&self, quote: Span, speaker: Option<Span>) {
        self.correct(Correction::Speaker {
            quote: self.anchor(quote),
            speaker: speaker.map(|s| self.anchor(s)),
        });
    }

    /// Drops correction `i`.
    pub fn drop_correction(&self, i: usize) {
        self.change_corrections(|h| h.drop_at(i).map(|d| format!("Dropped: {d}")));
    }

    /// Drops every correction: the engine's reading again (undoably).
    pub fn reset_corrections(&self) {
        self.change_corrections(|h| {
            (!h.list().is_empty()).then(|| {
                h.reset();
                "Back to the engine's reading".to_owned()
            })
        });
    }

    /// Adds the corrections of a corrections file; what came of it.
    pub fn import_corrections(&self, json: &str) {
        let read = self
            .document
            .with_untracked(|d| corrections::import_file(d, json));
        match read {
            Ok((list, same)) => {
                let n = list.len();
                self.change_corrections(|h| {
                    h.extend(list);
                    let other = if same {
                        ""
                    } else {
                        " (made on another text: each was placed by its words where it could be)"
                    };
                    Some(format!("Imported {n} corrections{other}"))
                });
            }
            Err(e) => self.announcement.set(e.to_string()),
        }
    }

    /// The corrections of this text as a file of their own.
    pub fn corrections_file(&self) -> String {
        self.document.with_untracked(|d| {
            self.corrections
                .with_untracked(|h| corrections::export_file(d, h.list()))
        })
    }

    pub fn undo_correction(&self) {
        self.change_corrections(|h| h.undo().then(|| "Undone".to_owned()));
    }

    pub fn redo_correction(&self) {
        self.change_corrections(|h| h.redo().then(|| "Redone".to_owned()));
    }

    /// The mention of the corrected reading at `span`, if there is one.
    pub fn mention_at(&self, span: Span) -> Option<MentionId> {
        self.analysis
            .with_untracked(|a| a.entities.mention_at(span))
    }

    /// Brings correction `i` into view: its mention, focused, or its words.
    pub fn go_to_correction(&self, i: usize) {
        let Some(span) = self
            .analysis
            .with_untracked(|a| a.marks.placed.get(i).copied().flatten())
        else {
            return;
        };
        match self.mention_at(span) {
            Some(m) => {
                self.target.set(Some(Target::Mention(span)));
                self.go_to_mention(m);
            }
            None => {
                let block = self.block_at(span.start);
                self.reveal(block, format!("[data-block=\"{block}\"]"), false);
            }
        }
    }
}
