//! The app's shared state, provided as one context: the document, its analysis
//! (derived, never synced), and the reader's view. Components read what they
//! need through memos, so a change repaints only what depends on it.

use std::collections::BTreeSet;
use std::sync::Arc;

use lede_analysis::themes::{Lexicon, Theme, ThemeReport, score};
use lede_analysis::{Document, Entities, EntityId, Label, Span, recognize};
use leptos::prelude::*;

use crate::article::segments::{Folded, per_block};
use crate::timing;
use crate::view_state::ViewState;

/// What the analysis found in the current document.
#[derive(Clone, Debug, PartialEq)]
pub struct Analyzed {
    pub entities: Entities,
    pub themes: ThemeReport,
    /// The themes scored, in the report's order: the built-in ones, then the
    /// reader's (shared with the lexicon, not copied).
    pub theme_list: Arc<[Theme]>,
}

impl Analyzed {
    /// Analyses `doc` with the built-in themes and the reader's own, timed as the
    /// User Timing measure `lede:analyze`.
    pub fn of(doc: &Document, custom: &[Theme]) -> Analyzed {
        timing::start("lede:analyze");
        timing::start("lede:analyze:entities");
        let entities = recognize(doc);
        timing::end("lede:analyze:entities");
        timing::start("lede:analyze:themes");
        let (themes, theme_list) = if custom.is_empty() {
            let lexicon = Lexicon::builtin();
            (score(doc, lexicon), lexicon.shared_themes())
        } else {
            let mut lexicon = Lexicon::builtin().clone();
            for theme in custom {
                // A theme that no longer fits (say, a duplicate id) is left out, not fatal.
                if let Ok(l) = lexicon.clone().with_theme(theme.clone()) {
                    lexicon = l;
                }
            }
            (score(doc, &lexicon), lexicon.shared_themes())
        };
        timing::end("lede:analyze:themes");
        timing::end("lede:analyze");
        timing::start("lede:render");
        Analyzed {
            entities,
            themes,
            theme_list,
        }
    }

    /// The index of theme `id` in [`Analyzed::theme_list`].
    pub fn theme_index(&self, id: &str) -> Option<usize> {
        self.theme_list.iter().position(|t| t.id == id)
    }

    /// The entity whose canonical name is `name`.
    pub fn entity_named(&self, name: &str) -> Option<EntityId> {
        self.entities.entities.iter().position(|e| e.name == name)
    }
}

/// Everything the components share.
#[derive(Clone, Copy)]
pub struct Reader {
    pub document: RwSignal<Document>,
    /// The reader's own themes.
    pub custom_themes: RwSignal<Vec<Theme>>,
    pub view: RwSignal<ViewState>,
    pub analysis: Memo<Analyzed>,
    /// Entity types switched off.
    pub hidden: Memo<BTreeSet<Label>>,
    pub selected: Memo<Option<EntityId>>,
    /// Search matches per block of the document.
    pub matches: Memo<Vec<Vec<Span>>>,
    /// Which mention of the selected entity, or which search match, the reader stepped to last.
    pub mention_step: RwSignal<Option<usize>>,
    pub match_step: RwSignal<Option<usize>>,
    /// The mention whose card is showing, and where (page x, page y of its bottom left).
    pub card: RwSignal<Option<(usize, f64, f64)>>,
    /// The last request to bring something into view ([`Reader::reveal`]).
    pub reveal_request: RwSignal<Option<Reveal>>,
}

/// A request to bring the element matching `selector`, in block `block`, into
/// view: on a long document that block may not be built yet.
#[derive(Clone, Debug, PartialEq)]
pub struct Reveal {
    pub block: usize,
    pub selector: String,
    /// Whether the element takes keyboard focus too.
    pub focus: bool,
}

impl Reader {
    pub fn new(
        document: RwSignal<Document>,
        custom_themes: RwSignal<Vec<Theme>>,
        view: RwSignal<ViewState>,
    ) -> Reader {
        let analysis =
            Memo::new(move |_| document.with(|d| custom_themes.with(|c| Analyzed::of(d, c))));
        let hidden = Memo::new(move |_| view.with(|v| v.hidden.clone()));
        let entity_name = Memo::new(move |_| view.with(|v| v.entity.clone()));
        let selected = Memo::new(move |_| {
            let name = entity_name.get()?;
            analysis.with(|a| a.entity_named(&name))
        });
        let query = Memo::new(move |_| view.with(|v| v.search.trim().to_owned()));
        // Folded once per document, when first searched.
        let folded = Memo::new(move |_| document.with(|d| Folded::new(d.text())));
        let matches = Memo::new(move |_| {
            let q = query.get();
            let blocks: Vec<Span> = document.with(|d| d.blocks().iter().map(|b| b.span).collect());
            if q.is_empty() {
                return vec![Vec::new(); blocks.len()];
            }
            folded.with(|f| per_block(&f.find_all(&q), &blocks))
        });
        Reader {
            document,
            custom_themes,
            view,
            analysis,
            hidden,
            selected,
            matches,
            mention_step: RwSignal::new(None),
            match_step: RwSignal::new(None),
            card: RwSignal::new(None),
            reveal_request: RwSignal::new(None),
        }
    }

    /// Brings the element matching `selector`, in block `block`, into view
    /// (and focus, with `focus`), building its block first if need be.
    pub fn reveal(&self, block: usize, selector: String, focus: bool) {
        self.reveal_request.set(Some(Reveal {
            block,
            selector,
            focus,
        }));
    }

    /// The index of the block holding byte `byte` of the text.
    pub fn block_at(&self, byte: usize) -> usize {
        self.document.with_untracked(|d| {
            let blocks = d.blocks();
            blocks
                .partition_point(|b| b.span.end <= byte)
                .min(blocks.len().saturating_sub(1))
        })
    }

    /// Indices of the blocks that mention the selected entity: a binary
    /// search per mention, not a pass over every block per mention.
    pub fn blocks_mentioning(&self, entity: EntityId) -> BTreeSet<usize> {
        let spans: Vec<Span> = self.analysis.with(|a| {
            a.entities.entities[entity]
                .mentions
                .iter()
                .map(|&m| a.entities.mentions[m].span)
                .collect()
        });
        self.document.with(|d| {
            let blocks = d.blocks();
            spans
                .iter()
                .filter_map(|s| {
                    let i = blocks.partition_point(|b| b.span.end <= s.start);
                    blocks.get(i).filter(|b| b.span.contains(*s)).map(|_| i)
                })
                .collect()
        })
    }
}

/// The shared state of the app, from context.
pub fn use_reader() -> Reader {
    expect_context::<Reader>()
}
