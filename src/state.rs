//! The app's shared state, provided as one context: the document, its analysis
//! (derived, never synced), and the reader's view. Components read what they
//! need through memos, so a change repaints only what depends on it.

use std::collections::BTreeSet;
use std::ops::Deref;
use std::sync::Arc;

use lede_analysis::job::ThemeNotes;
use lede_analysis::job::{self, Assembly, Reply};
use lede_analysis::themes::{Theme, ThemeReport, ThemeTotal, builtin_theme_labels};
use lede_analysis::{BlockId, Document, Entities, EntityId, Label, MentionId, Span};
use leptos::prelude::*;

use crate::analyst;
use crate::corrections::{History, Marks, Target};
use crate::search::{Folded, MatchId, Matches};
use crate::timing;
use crate::view_state::ViewState;

/// Whether `doc` is long: its text is folded for search ahead of the first
/// search, in an idle moment, and the build's analysis is never looked for.
pub fn is_long(doc: &Document) -> bool {
    doc.text().len() > analyst::WORKER_BYTES
}

/// The analysis of `doc` with the reader's `custom` themes that needs no
/// worker: the build's own, for the sample with the built-in themes (the
/// page carries it); or, built with `main-thread-analysis`, one made on the
/// main thread for a short text.
fn analysed_here(doc: &Document, custom: &[Theme]) -> Option<Analyzed> {
    if is_long(doc) {
        return None;
    }
    if custom.is_empty() {
        // Timed as an analysis is, so that lede:render follows it.
        timing::start("lede:analyze");
        if let Some(a) = crate::prerender::built_analysis(doc) {
            timing::mark("lede:analysis:built");
            timing::end("lede:analyze");
            timing::start("lede:render");
            return Some(a);
        }
    }
    if cfg!(feature = "main-thread-analysis") {
        return Some(Analyzed::of(doc, custom));
    }
    None
}

/// What the analysis found in the current document.
#[derive(Clone, Debug, PartialEq)]
pub struct Analyzed {
    /// The engine's entities, with the reader's corrections applied.
    pub entities: Entities,
    /// Which of them the reader made, and what of the corrections applied.
    pub marks: Marks,
    /// Shared with the engine's reading: a correction leaves it as it is.
    pub themes: Arc<ThemeReport>,
    /// The themes scored, in the report's order: the built-in ones, then the
    /// reader's (shared, not copied).
    pub theme_list: Arc<[Theme]>,
    /// The reader's themes left out and the article's key terms.
    pub notes: ThemeNotes,
}

impl Analyzed {
    /// Analyses `doc` with the built-in themes and the reader's own, timed as the
    /// User Timing measure `lede:analyze`.
    pub fn of(doc: &Document, custom: &[Theme]) -> Analyzed {
        timing::start("lede:analyze");
        let analysis = job::analyse(doc, custom);
        timing::end("lede:analyze");
        timing::start("lede:render");
        Analyzed::from_job(analysis, custom)
    }

    /// What the worker found, its themes looked up by the ids its report
    /// lists (the lexicon itself stays in the worker).
    pub(crate) fn from_job(analysis: job::Analysis, custom: &[Theme]) -> Analyzed {
        let builtin = builtin_theme_labels();
        let theme_list = if custom.is_empty() {
            builtin
        } else {
            let known = || builtin.iter().chain(custom);
            analysis
                .themes
                .totals
                .iter()
                .filter_map(|t| known().find(|k| *k.id == *t.theme).cloned())
                .collect()
        };
        Analyzed {
            entities: analysis.entities,
            marks: Marks::default(),
            themes: Arc::new(analysis.themes),
            theme_list,
            notes: analysis.notes,
        }
    }

    /// Nothing found yet: the text shows plain while the worker reads it.
    fn nothing(custom: &[Theme]) -> Analyzed {
        let builtin = builtin_theme_labels();
        let theme_list: Arc<[Theme]> = if custom.is_empty() {
            builtin
        } else {
            builtin.iter().chain(custom).cloned().collect()
        };
        let totals = theme_list
            .iter()
            .map(|t| ThemeTotal {
                theme: t.id.as_str().into(),
                paragraphs: 0,
                weight: 0.0,
            })
            .collect();
        Analyzed {
            entities: Entities::default(),
            marks: Marks::default(),
            themes: Arc::new(ThemeReport {
                paragraphs: Vec::new(),
                totals,
                sequence: Vec::new(),
            }),
            theme_list,
            notes: ThemeNotes::default(),
        }
    }

    /// The index of theme `id` in [`Analyzed::theme_list`].
    pub fn theme_index(&self, id: &str) -> Option<usize> {
        self.theme_list.iter().position(|t| t.id == id)
    }

    /// The entity whose canonical name is `name`, the `nth` of that name
    /// (from 0) in the order of their first mentions; the first if there are
    /// fewer (an address kept from before a correction merged them).
    pub fn entity_named(&self, name: &str, nth: usize) -> Option<EntityId> {
        let find = |nth| self.same_named(name).find(|&id| self.rank(id) == nth);
        find(nth).or_else(|| find(0))
    }

    /// Entity `id`'s canonical name, and which of the entities of that name
    /// it is (from 0), as [`Analyzed::entity_named`] takes them.
    pub fn name_of(&self, id: EntityId) -> (String, usize) {
        (self.entities.entities[id].name.clone(), self.rank(id))
    }

    /// How many entities of `id`'s name come before it: their first mention
    /// is earlier (an entity left with none comes last), or, at the same
    /// place, they were made first. Names are seldom shared by more than
    /// two, so counting beats sorting.
    fn rank(&self, id: EntityId) -> usize {
        let order = |id: EntityId| {
            let first = self.entities.entities[id].mentions.first();
            (
                first.map_or(usize::MAX, |&m| self.entities.mentions[m].span.start),
                id.0,
            )
        };
        let own = order(id);
        let name = &self.entities.entities[id].name;
        self.same_named(name).filter(|&e| order(e) < own).count()
    }

    /// The entities named `name`, in the order they were made.
    fn same_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = EntityId> + 'a {
        self.entities
            .entities
            .iter()
            .enumerate()
            .filter(move |(_, e)| e.name == name)
            .map(|(i, _)| EntityId(i))
    }
}

/// An analysis shared between memos and compared by identity: comparing two
/// analyses of a long document field by field costs more than it saves.
#[derive(Clone, Debug)]
pub struct Shared(Arc<Analyzed>);

impl Shared {
    pub(crate) fn new(a: Analyzed) -> Shared {
        Shared(Arc::new(a))
    }
}

impl PartialEq for Shared {
    fn eq(&self, other: &Shared) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for Shared {
    type Target = Analyzed;
    fn deref(&self) -> &Analyzed {
        &self.0
    }
}

/// What the worker has sent for document number `doc` (see `opened` in
/// [`Reader::new`]).
#[derive(Debug, Default)]
struct FromWorker {
    doc: u64,
    /// The analysis of its first screen, then of the whole.
    first: Option<Shared>,
    /// The parts of the whole come so far.
    whole: Assembly,
    done: Option<Shared>,
    /// How far the whole is, from 0 to 1.
    progress: f32,
    /// Why the analysis did not run, if it did not.
    failed: Option<String>,
}

impl FromWorker {
    /// For document `doc`: what was sent for another document is dropped.
    fn of(&mut self, doc: u64) -> &mut FromWorker {
        if self.doc != doc {
            *self = FromWorker {
                doc,
                ..FromWorker::default()
            };
        }
        self
    }
}

/// Everything the components share.
#[derive(Clone, Copy)]
pub struct Reader {
    pub document: RwSignal<Document>,
    /// The reader's own themes.
    pub custom_themes: RwSignal<Vec<Theme>>,
    pub view: RwSignal<ViewState>,
    /// The reading with the reader's corrections: what every view shows.
    pub analysis: Memo<Shared>,
    /// The reader's corrections of this text, with their undo history.
    pub corrections: RwSignal<History>,
    /// What the reader has chosen in the text to correct.
    pub target: RwSignal<Option<Target>>,
    /// The last change, said to screen readers.
    pub announcement: RwSignal<String>,
    /// How far the worker is with the document, from 0 to 1; None once done
    /// or failed (or for the sample, analysed by the build).
    pub progress: Memo<Option<f32>>,
    /// Why the current document has no analysis, if the worker could not
    /// make one ([`analyst`]).
    pub failure: Memo<Option<String>>,
    /// Entity types switched off.
    pub hidden: Memo<BTreeSet<Label>>,
    pub selected: Memo<Option<EntityId>>,
    /// The blocks that pass the chosen themes; None when none is chosen.
    pub themed: Memo<Option<BTreeSet<BlockId>>>,
    /// The search's matches in the whole document.
    pub matches: Memo<Matches>,
    /// Which mention of the selected entity, or which search match, the reader stepped to last.
    /// The mention by its span, which stays its own while corrections renumber the mentions.
    pub mention_step: RwSignal<Option<Span>>,
    pub match_step: RwSignal<Option<MatchId>>,
    /// The mention whose card is showing, by its span (which stays its own
    /// while corrections renumber the mentions), and where (page x, page y
    /// of its bottom left).
    pub card: RwSignal<Option<(Span, f64, f64)>>,
    /// The last request to bring something into view ([`Reader::reveal`]).
    pub reveal_request: RwSignal<Option<Reveal>>,
}

/// A request to bring the element matching `selector`, in block `block`, into
/// view: on a long document that block may not be built yet.
#[derive(Clone, Debug, PartialEq)]
pub struct Reveal {
    pub block: BlockId,
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
        // Counts the documents opened, so that what the worker sends for one
        // is never taken for another's.
        let opened = Memo::new(move |n: Option<&u64>| {
            document.track();
            n.map_or(0, |n| n + 1)
        });
        let from_worker = RwSignal::new(FromWorker::default());
        // The analysis that needs no worker, if there is one.
        let here = Memo::new(move |_| {
            document.with(|d| custom_themes.with(|c| analysed_here(d, c).map(Shared::new)))
        });
        let engine = Memo::new(move |_| {
            let doc = opened.get();
            if let Some(a) = here.get() {
                return a;
            }
            from_worker
                .with(|w| {
                    (w.doc == doc)
                        .then(|| w.done.clone().or_else(|| w.first.clone()))
                        .flatten()
                })
                .unwrap_or_else(|| custom_themes.with(|c| Shared::new(Analyzed::nothing(c))))
        });
        let progress = Memo::new(move |_| {
            let doc = opened.get();
            if here.with(Option::is_some) {
                return None;
            }
            from_worker.with(|w| match (w.doc == doc, &w.done) {
                (true, Some(_)) => None,
                (true, None) if w.failed.is_some() => None,
                (true, None) => Some(w.progress),
                (false, _) => Some(0.0),
            })
        });
        let failure = Memo::new(move |_| {
            let doc = opened.get();
            from_worker.with(|w| w.failed.clone().filter(|_| w.doc == doc))
        });
        ask_the_worker(document, custom_themes, opened, here, from_worker);
        let corrections = RwSignal::new(History::default());
        let analysis = crate::corrections::corrected(document, engine, corrections);
        let hidden = Memo::new(move |_| view.with(|v| v.hidden.clone()));
        let entity_name = Memo::new(move |_| view.with(|v| (v.entity.clone(), v.entity_nth)));
        let selected = Memo::new(move |_| {
            let (name, nth) = entity_name.get();
            analysis.with(|a| a.entity_named(&name?, nth))
        });
        let theme_choice = Memo::new(move |_| view.with(|v| (v.themes.clone(), v.matching)));
        let themed = Memo::new(move |_| {
            theme_choice.with(|(chosen, matching)| {
                analysis.with(|a| crate::themes_filter::passing_blocks(a, chosen, *matching))
            })
        });
        let query = Memo::new(move |_| view.with(|v| v.search.trim().to_owned()));
        // Folded once per document: ahead of the first search, once the page
        // is idle, for a long one (some milliseconds a megabyte).
        let folded = Memo::new(move |_| document.with(|d| Folded::new(d.text())));
        Effect::new(move |_| {
            if document.with(is_long) {
                request_idle_callback(move || {
                    let _ = folded.try_with_untracked(|_| ());
                });
            }
        });
        let matches = Memo::new(move |_| {
            let q = query.get();
            if q.is_empty() {
                return Matches::default();
            }
            let found = folded.with(|f| f.find_all(&q));
            document.with(|d| Matches::new(found, d.blocks().iter().map(|b| b.span)))
        });
        Reader {
            document,
            custom_themes,
            view,
            analysis,
            corrections,
            target: RwSignal::new(None),
            announcement: RwSignal::new(String::new()),
            progress,
            failure,
            hidden,
            selected,
            themed,
            matches,
            mention_step: RwSignal::new(None),
            match_step: RwSignal::new(None),
            card: RwSignal::new(None),
            reveal_request: RwSignal::new(None),
        }
    }

    /// Opens `doc` in place of the current document, with a fresh view: no
    /// filter, selection, search, step or card carries over to it.
    pub fn open_document(&self, doc: Document) {
        self.view.set(ViewState::default());
        self.mention_step.set(None);
        self.match_step.set(None);
        self.card.set(None);
        self.target.set(None);
        self.document.set(doc);
    }

    /// Selects entity `id`, stepped to the mention at `step` if any.
    fn select(&self, id: EntityId, step: Option<Span>) {
        let (name, nth) = self.analysis.with_untracked(|a| a.name_of(id));
        self.view.update(|v| {
            v.entity = Some(name);
            v.entity_nth = nth;
        });
        self.mention_step.set(step);
    }

    /// Selects entity `id`, or clears the selection if it is the one selected.
    pub fn toggle_entity(&self, id: EntityId) {
        if self.selected.get_untracked() == Some(id) {
            self.deselect_entity();
        } else {
            self.select(id, None);
        }
    }

    /// Selects the entity of mention `m`, stepped to `m`, or clears the
    /// selection if that entity is the one selected.
    pub fn toggle_entity_of(&self, m: MentionId) {
        let (entity, span) = self.analysis.with_untracked(|a| {
            let m = &a.entities.mentions[m];
            (m.entity, m.span)
        });
        if self.selected.get_untracked() == Some(entity) {
            self.deselect_entity();
        } else {
            self.select(entity, Some(span));
        }
    }

    /// Clears the selected entity.
    pub fn deselect_entity(&self) {
        self.view.update(|v| {
            v.entity = None;
            v.entity_nth = 0;
        });
        self.mention_step.set(None);
    }

    /// Clears the selected entity and the filter to the paragraphs that
    /// mention it.
    pub fn clear_selection(&self) {
        self.view.update(|v| {
            v.entity = None;
            v.entity_nth = 0;
            v.only_entity = false;
        });
        self.mention_step.set(None);
    }

    /// Moves to the previous (`-1`) or next (`1`) mention of the selected
    /// entity, wrapping around, and brings it into view.
    pub fn step_mention(&self, delta: isize) {
        let Some(id) = self.selected.get_untracked() else {
            return;
        };
        let (mentions, at) = self.analysis.with_untracked(|a| {
            let mentions = a.entities.entities[id].mentions.clone();
            let step = self.mention_step.get_untracked();
            let at = step
                .and_then(|s| a.entities.mention_at(s))
                .and_then(|m| mentions.iter().position(|&x| x == m));
            (mentions, at)
        });
        if mentions.is_empty() {
            return;
        }
        let n = mentions.len() as isize;
        let next = match at {
            Some(p) => (p as isize + delta).rem_euclid(n),
            None if delta > 0 => 0,
            None => n - 1,
        } as usize;
        self.go_to_mention(mentions[next]);
    }

    /// Steps to mention `m` and brings it into view, focused.
    pub fn go_to_mention(&self, m: MentionId) {
        let span = self
            .analysis
            .with_untracked(|a| a.entities.mentions[m].span);
        self.mention_step.set(Some(span));
        self.reveal(
            self.block_at(span.start),
            crate::article::mention_mark(span.start),
            true,
        );
    }

    /// Searches for `query`, from no match stepped to.
    pub fn search_for(&self, query: String) {
        self.match_step.set(None);
        self.view.update(|v| v.search = query);
    }

    /// Clears the search.
    pub fn clear_search(&self) {
        self.match_step.set(None);
        self.view.update(|v| v.search.clear());
    }

    /// Moves to the previous (`-1`) or next (`1`) search match, wrapping
    /// around, and brings it into view.
    pub fn step_match(&self, delta: isize) {
        let total = self.matches.with_untracked(Matches::len);
        if total == 0 {
            return;
        }
        let n = total as isize;
        let next = MatchId(match self.match_step.get_untracked() {
            Some(MatchId(k)) if k < total => (k as isize + delta).rem_euclid(n) as usize,
            _ if delta > 0 => 0,
            _ => total - 1,
        });
        self.go_to_match(next);
    }

    /// Steps to search match `k` and brings it into view.
    pub fn go_to_match(&self, k: MatchId) {
        self.match_step.set(Some(k));
        if let Some(span) = self.matches.with_untracked(|m| m.get(k)) {
            self.reveal(
                self.block_at(span.start),
                format!("[data-hit=\"{k}\"]"),
                false,
            );
        }
    }

    /// Shows the card of mention `m` at page position `x`, `y` (the
    /// mention's bottom left).
    pub fn show_card(&self, m: MentionId, x: f64, y: f64) {
        let span = self
            .analysis
            .with_untracked(|a| a.entities.mentions[m].span);
        self.card.set(Some((span, x, y)));
    }

    /// Hides the mention card.
    pub fn hide_card(&self) {
        self.card.set(None);
    }

    /// Brings the element matching `selector`, in block `block`, into view
    /// (and focus, with `focus`), building its block first if need be.
    pub fn reveal(&self, block: BlockId, selector: String, focus: bool) {
        self.reveal_request.set(Some(Reveal {
            block,
            selector,
            focus,
        }));
    }

    /// The block holding byte `byte` of the text.
    pub fn block_at(&self, byte: usize) -> BlockId {
        self.document.with_untracked(|d| {
            let blocks = d.blocks();
            BlockId(
                blocks
                    .partition_point(|b| b.span.end <= byte)
                    .min(blocks.len().saturating_sub(1)),
            )
        })
    }

    /// The blocks that mention the selected entity: a binary search per
    /// mention, not a pass over every block per mention.
    pub fn blocks_mentioning(&self, entity: EntityId) -> BTreeSet<BlockId> {
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
                    blocks
                        .get(i)
                        .filter(|b| b.span.contains(*s))
                        .map(|_| BlockId(i))
                })
                .collect()
        })
    }
}

/// Sends each long document, and each change of the reader's themes, to the
/// worker, and keeps what it sends back in `from_worker`.
fn ask_the_worker(
    document: RwSignal<Document>,
    custom_themes: RwSignal<Vec<Theme>>,
    opened: Memo<u64>,
    here: Memo<Option<Shared>>,
    from_worker: RwSignal<FromWorker>,
) {
    Effect::new(move |_| {
        let doc = opened.get();
        let custom = custom_themes.get();
        if here.with(Option::is_some) {
            return;
        }
        timing::start("lede:analyze");
        let asked = custom.clone();
        analyst::analyse(document.get_untracked(), asked, move |reply| {
            let _ = from_worker.try_update(|w| {
                let w = w.of(doc);
                match reply {
                    Reply::First { analysis, .. } => {
                        timing::mark("lede:open:first");
                        w.first = Some(Shared::new(Analyzed::from_job(analysis, &custom)));
                    }
                    Reply::Progress { done, .. } => w.progress = done,
                    Reply::Failed { reason, .. } => {
                        timing::end("lede:analyze");
                        w.failed = Some(reason);
                    }
                    part => {
                        if let Some(analysis) = w.whole.add(part) {
                            timing::end("lede:analyze");
                            // Ends when the article has repainted with it.
                            timing::start("lede:render");
                            w.done = Some(Shared::new(Analyzed::from_job(analysis, &custom)));
                            w.progress = 1.0;
                        }
                    }
                }
            });
        });
    });
}

/// The shared state of the app, from context.
pub fn use_reader() -> Reader {
    expect_context::<Reader>()
}

#[cfg(test)]
mod tests {
    use lede_analysis::corrections::{self, Anchor, Correction};
    use lede_analysis::{Document, Label, Span, recognize};

    use super::*;

    #[test]
    fn same_named_entities_are_named_apart_by_their_order_in_the_text() {
        // Two people "Li" (one split out of a mention, one added by the
        // reader, after it), and Li Qiang.
        let doc = Document::parse("Talks\n\nLi Qiang spoke. Li said yes. Li left.");
        let text = doc.text();
        let li: Vec<usize> = text.match_indices("Li ").map(|(i, _)| i).collect();
        let anchor = |i: usize| Anchor::at(text, Span::new(li[i], li[i] + 2));
        let list = [
            Correction::Add {
                target: anchor(2),
                label: Label::Person,
            },
            Correction::Split { target: anchor(1) },
        ];
        let a = Analyzed {
            entities: corrections::apply(&doc, &recognize(&doc), &list).entities,
            ..Analyzed::of(&doc, &[])
        };
        let first_at = |id: EntityId| {
            a.entities.mentions[a.entities.entities[id].mentions[0]]
                .span
                .start
        };
        let lis: Vec<EntityId> = (0..2).map(|n| a.entity_named("Li", n).unwrap()).collect();
        assert_eq!(first_at(lis[0]), li[1], "the first in the text");
        assert_eq!(first_at(lis[1]), li[2], "the second in the text");
        assert_eq!(a.entity_named("Li", 2), Some(lis[0]), "too few: the first");
        assert_eq!(a.entity_named("Nobody", 0), None);
        for id in (0..a.entities.entities.len()).map(EntityId) {
            let (name, nth) = a.name_of(id);
            assert_eq!(a.entity_named(&name, nth), Some(id), "{name} #{nth}");
        }
        assert_eq!(a.name_of(lis[1]), ("Li".to_owned(), 1));
    }
}
