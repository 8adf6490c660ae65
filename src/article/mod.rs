//! The article as a reader sees it — headline, byline, body and closing note —
//! with entity mentions, quotations and search matches marked in the text.
//!
//! Every block is cut into pieces by [`segments`]; a mention is one
//! `<mark>`, focusable, with its type announced to screen readers. A block's
//! marked-up text is built by `src/article/fill_block.js` in one call, from numbers
//! Rust writes ([`segments::encode`]): built from Rust, each of its hundreds
//! of elements, attributes and text nodes would be a call across to
//! JavaScript. Hover, focus and clicks are handled once, on the article, by
//! delegation.
//!
//! What changes with the reader's view — the selected entity, the mention or
//! match stepped to, the types switched off, the chosen themes' evidence — is
//! not a reactive attribute on each of hundreds of elements: the elements carry
//! plain data attributes, and one effect per concern updates just the elements
//! concerned ([`decorate`]). A selection then costs a query, not a pass over
//! every mark.

use std::collections::BTreeSet;

use lede_analysis::{Block, BlockId, BlockKind, Label, MentionId, Span};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::entities_panel::{CARD, pointer_goes_into};
use crate::labels::label_name;
use crate::scroll::{scroll_to, scroll_to_with};
use crate::state::{Reader, Reveal, use_reader};
use crate::timing;
use crate::view_state::Outside;
use segments::{Layers, segment};

pub mod segments;
pub mod window;

#[cfg(all(test, target_arch = "wasm32"))]
mod round_trip;

/// The article with its highlights. Needs the [`Reader`] context.
#[component]
pub fn ArticleView() -> impl IntoView {
    let r = use_reader();

    // Which blocks pass the reader's filters: None when nothing filters.
    // What the filters read of the view: a search keystroke changes none of it.
    let only_entity = Memo::new(move |_| r.view.with(|v| v.only_entity && v.entity.is_some()));
    let passing = Memo::new(move |_| -> Option<BTreeSet<BlockId>> {
        let mut pass: Option<BTreeSet<BlockId>> = None;
        if only_entity.get()
            && let Some(e) = r.selected.get()
        {
            pass = Some(r.blocks_mentioning(e));
        }
        if let Some(themed) = r.themed.get() {
            pass = Some(match pass {
                Some(p) => p.intersection(&themed).copied().collect(),
                None => themed,
            });
        }
        pass
    });
    let hide_outside = Memo::new(move |_| r.view.with(|v| v.outside == Outside::Hide));
    let data_hide = move || {
        r.hidden
            .get()
            .iter()
            .map(|l| l.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let quotes_off = Memo::new(move |_| r.view.with(|v| v.quotes_hidden));
    let root = NodeRef::<leptos::html::Article>::new();
    let repainted = Repainted::new();
    decorate(r, root, repainted);

    // From "analysis done" (where the analysis starts this measure) to the
    // highlighted article in the DOM: the repaint count moves once the blocks
    // an analysis repaints are there. (Other repaints, of search matches,
    // start no measure and end none.)
    Effect::new(move |_| {
        repainted.track();
        timing::end_if_started("lede:render");
        crate::prerender::take_over(r);
    });
    // A new analysis that repaints no block (it marks the blocks built as
    // the last did) still ends the measure.
    Effect::new(move |_| {
        r.analysis.track();
        repainted.note();
    });

    let ctx = BlockContext {
        passing,
        hide_outside,
        repainted,
    };
    // The window over the current document's body, if it has one.
    let windows = StoredValue::new(None::<BodyWindow>);
    serve_reveals(r, windows);

    let on_mouse_over = move |ev: web_sys::MouseEvent| show_card(r, &ev);
    let on_focus_in = move |ev: web_sys::FocusEvent| {
        show_card(r, &ev);
        // A mention focused is the one the corrections panel acts on.
        if let Some((m, _)) = mention_of(r, &ev) {
            crate::corrections::aim_at_mention(r, m);
        }
    };
    // Words selected (or a word clicked) are what the panel adds.
    let follow_selection = move || {
        if let Some(el) = root.get_untracked() {
            crate::corrections::selection::follow_selection(r, &el);
        }
    };
    let hide_card = move |ev: &web_sys::Event| {
        if mention_of(r, ev).is_some() {
            r.hide_card();
        }
    };
    // Onto the card the pointer may go, to reach its link: the card stays
    // (WCAG 1.4.13, content on hover is hoverable) until the pointer leaves it.
    let on_mouse_out = move |ev: web_sys::MouseEvent| {
        if !pointer_goes_into(&ev, CARD) {
            hide_card(&ev);
        }
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        if let Some((mention, _)) = mention_of(r, &ev) {
            r.toggle_entity_of(mention);
        }
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Enter"
            && let Some((mention, _)) = mention_of(r, &ev)
        {
            r.toggle_entity_of(mention);
        }
    };

    view! {
        <article
            node_ref=root
            class="article"
            lang="en"
            data-hide=data_hide
            class:quotes-off=move || quotes_off.get()
            on:mouseover=on_mouse_over
            on:focusin=on_focus_in
            on:mouseout=on_mouse_out
            on:focusout=move |ev| hide_card(&ev)
            on:click=on_click
            on:keydown=on_key
            on:mouseup=move |_| follow_selection()
            on:keyup=move |ev| {
                if ev.shift_key() {
                    follow_selection();
                }
            }
        >
            {move || {
                let blocks = r.document.with(|d| d.blocks().to_vec());
                let of_kind = |kinds: &[BlockKind]| {
                    blocks
                        .iter()
                        .enumerate()
                        .filter(|(_, b)| kinds.contains(&b.kind))
                        .map(|(i, b)| block_view(r, BlockId(i), b.kind, ctx))
                        .collect_view()
                };
                let head = of_kind(&[BlockKind::Title, BlockKind::Byline]);
                let notes = of_kind(&[BlockKind::Note]);
                let body = body_view(r, &blocks, ctx, windows);
                view! {
                    <header class="article-head">{head}</header>
                    {body}
                    <footer class="article-foot">{notes}</footer>
                }
            }}
        </article>
    }
}

/// The article's body: every paragraph, or on a long document
/// ([`window::windowed`]) those near the screen between two spacers that
/// stand for the rest. Paragraphs hidden by a filter are then left out, not
/// built hidden.
fn body_view(
    r: Reader,
    blocks: &[Block],
    ctx: BlockContext,
    windows: StoredValue<Option<BodyWindow>>,
) -> AnyView {
    let paragraphs: Vec<BlockId> = (0..blocks.len())
        .filter(|&i| blocks[i].kind == BlockKind::Paragraph)
        .map(BlockId)
        .collect();
    let bytes = blocks.last().map_or(0, |b| b.span.end);
    if !window::windowed(bytes, blocks.len()) {
        windows.set_value(None);
        let body = paragraphs
            .into_iter()
            .map(|i| block_view(r, i, BlockKind::Paragraph, ctx))
            .collect_view();
        return view! { <div class="article-body">{body}</div> }.into_any();
    }
    let lens: Vec<usize> = blocks.iter().map(|b| b.span.len()).collect();
    let w = BodyWindow::new(ctx, paragraphs, lens);
    windows.set_value(Some(w));
    w.follow_the_screen();
    let pad = |px: f64| format!("{px:.0}px");
    view! {
        <div class="article-body windowed" node_ref=w.body>
            <div class="spacer" aria-hidden="true" style:height=move || pad(w.above())></div>
            <For each=move || w.built.get() key=|i| *i let:i>
                {block_view(r, i, BlockKind::Paragraph, ctx)}
            </For>
            <div class="spacer" aria-hidden="true" style:height=move || pad(w.below())></div>
        </div>
    }
    .into_any()
}

/// The window over a long document's body: which paragraphs are built, and
/// how tall the spacers above and below them are.
#[derive(Clone, Copy)]
struct BodyWindow {
    body: NodeRef<leptos::html::Div>,
    /// Each block's length in bytes, for estimating its height.
    lens: StoredValue<Vec<usize>>,
    heights: StoredValue<window::Heights>,
    /// Moves when a height is measured anew.
    measured: RwSignal<u64>,
    /// The stretch of the body to build, in pixels from its top: the screen
    /// and a margin around it.
    screen: RwSignal<(f64, f64)>,
    layout: Memo<window::Layout>,
    range: Memo<std::ops::Range<usize>>,
    /// The blocks built, in order.
    built: Memo<Vec<BlockId>>,
    /// The body's width when last measured.
    width: StoredValue<f64>,
}

impl BodyWindow {
    fn new(ctx: BlockContext, paragraphs: Vec<BlockId>, lens: Vec<usize>) -> BodyWindow {
        let heights = StoredValue::new(window::Heights::new(lens.len()));
        let lens = StoredValue::new(lens);
        let measured = RwSignal::new(0u64);
        let screen_height = window()
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(900.0);
        let screen = RwSignal::new((-window::OVERSCAN_PX, screen_height + window::OVERSCAN_PX));
        let BlockContext {
            passing,
            hide_outside,
            ..
        } = ctx;
        let layout = Memo::new(move |_| {
            measured.track();
            let shown: Vec<BlockId> = if hide_outside.get() {
                passing.with(|p| match p {
                    Some(p) => paragraphs
                        .iter()
                        .copied()
                        .filter(|b| p.contains(b))
                        .collect(),
                    None => paragraphs.clone(),
                })
            } else {
                paragraphs.clone()
            };
            heights.with_value(|h| {
                lens.with_value(|lens| window::Layout::new(shown, |b| h.get(b, lens[b.0])))
            })
        });
        let range = Memo::new(move |_| {
            let (from, to) = screen.get();
            layout.with(|l| l.overlapping(from, to))
        });
        let built = Memo::new(move |_| layout.with(|l| l.blocks()[range.get()].to_vec()));
        BodyWindow {
            body: NodeRef::new(),
            lens,
            heights,
            measured,
            screen,
            layout,
            range,
            built,
            width: StoredValue::new(0.0),
        }
    }

    /// The spacer above the built blocks, in pixels.
    fn above(self) -> f64 {
        let start = self.range.with(|r| r.start);
        self.layout.with(|l| l.top(start))
    }

    /// The spacer below them.
    fn below(self) -> f64 {
        let end = self.range.with(|r| r.end);
        self.layout.with(|l| l.total() - l.top(end))
    }

    /// Builds the blocks near the screen as the reader scrolls or resizes,
    /// and measures them once built, while the body lives.
    fn follow_the_screen(self) {
        let pending = StoredValue::new(false);
        let update = move || {
            if pending.get_value() {
                return;
            }
            pending.set_value(true);
            request_animation_frame(move || {
                let _ = pending.try_set_value(false);
                self.update_screen();
            });
        };
        let scroll = window_event_listener(leptos::ev::scroll, move |_| update());
        let resize = window_event_listener(leptos::ev::resize, move |_| update());
        on_cleanup(move || {
            scroll.remove();
            resize.remove();
        });
        // Once built (and after every change to what is built), measure.
        Effect::new(move |_| {
            self.built.track();
            request_animation_frame(move || self.measure());
        });
        update();
    }

    /// Reads where the body is against the screen.
    fn update_screen(self) {
        let Some(body) = self.body.try_get_untracked().flatten() else {
            return;
        };
        let rect = body.get_bounding_client_rect();
        let width = rect.width();
        if self
            .width
            .try_get_value()
            .is_some_and(|w| (w - width).abs() > 0.5)
        {
            // Another width wraps every line anew.
            self.heights.update_value(window::Heights::forget);
            self.measured.update(|n| *n += 1);
        }
        self.width.set_value(width);
        let screen = window()
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(900.0);
        let from = -rect.top() - window::OVERSCAN_PX;
        let _ = self
            .screen
            .try_set((from, from + screen + 2.0 * window::OVERSCAN_PX));
    }

    /// Measures the built blocks: each from its top to the next one's (or
    /// to the spacer below), margins included.
    fn measure(self) {
        let Some(body) = self.body.try_get_untracked().flatten() else {
            return;
        };
        let children = body.children();
        let n = children.length();
        if n < 3 {
            return;
        }
        let tops: Vec<f64> = (1..n)
            .filter_map(|k| children.item(k))
            .map(|el| el.get_bounding_client_rect().top())
            .collect();
        let mut changed = false;
        self.heights.update_value(|h| {
            self.lens.with_value(|lens| {
                for k in 0..tops.len().saturating_sub(1) {
                    let Some(block) = children
                        .item(k as u32 + 1)
                        .and_then(|el| el.get_attribute("data-block"))
                        .and_then(|b| b.parse::<usize>().ok())
                        .map(BlockId)
                    else {
                        continue;
                    };
                    let bytes = lens.get(block.0).copied().unwrap_or(0);
                    changed |= h.measure(block, bytes, tops[k + 1] - tops[k]);
                }
            })
        });
        if !changed {
            return;
        }
        // The blocks built stay where the reader sees them: whatever the new
        // heights move them by, the page scrolls by too (the browser's own
        // scroll anchoring cannot, as the window is rebuilt at the same time).
        let first = self.built.with_untracked(|b| b.first().copied());
        let top_of = |b: Option<BlockId>| {
            self.layout
                .with_untracked(|l| b.and_then(|b| l.position(b)).map(|k| l.top(k)))
        };
        let before = top_of(first);
        self.measured.update(|n| *n += 1);
        if let (Some(before), Some(after)) = (before, top_of(first)) {
            let moved = after - before;
            if moved.abs() >= 0.5 {
                self.screen.update(|(from, to)| {
                    *from += moved;
                    *to += moved;
                });
                window().scroll_by_with_x_and_y(0.0, moved);
            }
        }
    }

    /// Scrolls to block `block` and builds the blocks around it, if it is
    /// shown; whether it is.
    fn bring(self, block: BlockId) -> bool {
        let Some(top) = self
            .layout
            .try_with_untracked(|l| l.position(block).map(|k| l.top(k)))
            .flatten()
        else {
            return false;
        };
        let Some(body) = self.body.try_get_untracked().flatten() else {
            return false;
        };
        let screen = window()
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(900.0);
        let body_top = body.get_bounding_client_rect().top() + window().scroll_y().unwrap_or(0.0);
        // The block a third of the way down the screen.
        let from = top - screen / 3.0;
        window().scroll_to_with_x_and_y(window().scroll_x().unwrap_or(0.0), body_top + from);
        self.screen.set((
            from - window::OVERSCAN_PX,
            from + screen + window::OVERSCAN_PX,
        ));
        true
    }
}

/// Serves the reader's requests to bring something into view
/// ([`Reader::reveal`]): at once if it is built, otherwise once the window
/// has moved to its block. The blocks built there are measured and the
/// estimates of the rest refitted, which can move the block again: the
/// window follows it for a few frames, until the element is there.
fn serve_reveals(r: Reader, windows: StoredValue<Option<BodyWindow>>) {
    Effect::new(move |_| {
        if let Some(req) = r.reveal_request.get() {
            if windows.get_value().is_none() {
                scroll_to(&req.selector, req.focus);
            } else {
                reveal(windows, req, 8);
            }
        }
    });
}

fn reveal(windows: StoredValue<Option<BodyWindow>>, req: Reveal, tries: u32) {
    let on_screen = document()
        .query_selector(&req.selector)
        .ok()
        .flatten()
        .map(|el| {
            let rect = el.get_bounding_client_rect();
            let screen = window()
                .inner_height()
                .ok()
                .and_then(|h| h.as_f64())
                .unwrap_or(900.0);
            rect.bottom() > 0.0 && rect.top() < screen
        });
    match on_screen {
        Some(true) => {
            // Already in view (built on the way there): it still takes focus.
            if req.focus
                && let Ok(Some(el)) = document().query_selector(&req.selector)
                && let Ok(el) = el.dyn_into::<web_sys::HtmlElement>()
            {
                let _ = el.focus();
            }
            return;
        }
        Some(false) => {
            // Built: bring it to the middle at once, and look again next frame.
            scroll_to_with(&req.selector, req.focus, false);
            if tries > 0 {
                request_animation_frame(move || reveal(windows, req, tries - 1));
            }
            return;
        }
        None => {}
    }
    if tries > 0
        && let Some(w) = windows.try_get_value().flatten()
        && w.bring(req.block)
    {
        // The window's blocks are built before the next frame.
        request_animation_frame(move || reveal(windows, req, tries - 1));
    }
}

/// What every block's view follows, made once for the article.
#[derive(Clone, Copy)]
struct BlockContext {
    /// Which blocks pass the reader's filters: None when nothing filters.
    passing: Memo<Option<BTreeSet<BlockId>>>,
    hide_outside: Memo<bool>,
    repainted: Repainted,
}

fn block_view(r: Reader, i: BlockId, kind: BlockKind, ctx: BlockContext) -> AnyView {
    let BlockContext {
        passing,
        hide_outside,
        repainted,
    } = ctx;
    let outside = move || passing.with(|p| p.as_ref().is_some_and(|p| !p.contains(&i)));
    let dim = move || outside() && !hide_outside.get();
    let gone = move || outside() && hide_outside.get();
    // This block's search matches, and how many come before it: a new query
    // repaints only the blocks whose matches changed.
    let span = r
        .document
        .with_untracked(|d| d.blocks().get(i.0).map(|b| b.span));
    let hits = Memo::new(move |_| {
        r.matches.with(|m| match span.map(|s| m.within(s)) {
            Some((first, here)) if !here.is_empty() => (here.to_vec(), first.0),
            _ => (Vec::new(), 0),
        })
    });
    // What the block is built from: a correction changes the reading of the
    // whole document, and repaints only the blocks whose marks it changed.
    let layout = Memo::new(move |_| {
        let markers = kind == BlockKind::Paragraph;
        hits.with(|(search, offset)| {
            r.document.with(|d| {
                r.analysis
                    .with(|a| block_layout(d, a, i, markers, search, *offset))
            })
        })
    });
    let content = move || {
        let content = block_text(layout.get());
        repainted.note();
        content
    };
    let id = format!("block-{i}");
    let data_block = i.to_string();
    match kind {
        BlockKind::Title => view! { <h1 id=id data-block=data_block>{content}</h1> }.into_any(),
        BlockKind::Byline => view! { <p id=id data-block=data_block class="byline">{content}</p> }.into_any(),
        BlockKind::Paragraph => view! {
            <p id=id data-block=data_block class:dim=dim hidden=gone>
                {content}
            </p>
        }
        .into_any(),
        BlockKind::Note => view! {
            <aside id=id data-block=data_block class="note" role="note" aria-label="Note" class:dim=dim hidden=gone>
                <p>{content}</p>
            </aside>
        }
        .into_any(),
    }
}

/// The text of a block with its marks, in a `<span class="text">` that
/// `src/article/fill_block.js` fills in one call from `layout` (see
/// [`block_layout`]).
///
/// When the document is replaced, the closures of its old blocks may run once
/// more before they are dropped, with an index the new document lacks
/// (`layout` None): they then render nothing.
fn block_text(layout: Option<(String, (Vec<u32>, String))>) -> AnyView {
    match layout {
        Some(layout) => view! { <span class="text" use:fill_text=layout></span> }.into_any(),
        None => ().into_any(),
    }
}

/// What `src/article/fill_block.js` builds block `i` of `d` from: its text,
/// its pieces as [`segments::encode`] writes them, and its theme markers
/// (if `markers`; else empty). Plain Rust: the app calls it for every block
/// it paints, and the build for the sample it pre-renders
/// ([`crate::prerender`]). None if `d` has no block `i`.
pub(crate) fn block_layout(
    d: &lede_analysis::Document,
    a: &crate::state::Analyzed,
    i: BlockId,
    markers: bool,
    search: &[Span],
    offset: usize,
) -> Option<(String, (Vec<u32>, String))> {
    let block = d.blocks().get(i.0)?.span;
    let ms = &a.entities.mentions;
    let first = ms.partition_point(|m| m.span.end <= block.start);
    let mentions: Vec<(MentionId, Span)> = ms[first..]
        .iter()
        .enumerate()
        .take_while(|(_, m)| m.span.start < block.end)
        .map(|(k, m)| (MentionId(first + k), m.span))
        .collect();
    let quotes: Vec<Span> = a
        .entities
        .quotes
        .iter()
        .map(|q| q.span)
        .filter(|q| q.overlaps(block))
        .collect();
    let evidence = crate::themes_filter::evidence_in(a, i);
    let pieces = segment(
        block,
        Layers {
            mentions: &mentions,
            quotes: &quotes,
            evidence: &evidence,
            search,
        },
    );
    let label_index = |l| Label::ALL.iter().position(|&x| x == l).unwrap_or(0) as u32;
    let corrected = |m| {
        if a.marks.corrected(m) {
            segments::CORRECTED
        } else {
            0
        }
    };
    let ops = segments::encode(
        d.text(),
        &pieces,
        |m| {
            let mark = ms[m].span.start;
            (label_index(ms[m].label) | corrected(m), mark, ms[m].entity)
        },
        offset,
    );
    let markers = if markers {
        crate::themes_filter::margin_markers(a, d.text(), i)
    } else {
        String::new()
    };
    Some((block.slice(d.text()).to_owned(), (ops, markers)))
}

#[wasm_bindgen(module = "/src/article/fill_block.js")]
extern "C" {
    #[wasm_bindgen(js_name = fillBlock)]
    fn fill_block(el: &web_sys::Element, text: &str, ops: &[u32], labels: &str, markers: &str);
}

/// Fills a block's text element as it is created (before it is in the page),
/// and again when Leptos reuses it for the block's new search matches.
fn fill_text(el: web_sys::Element, (text, (ops, markers)): (String, (Vec<u32>, String))) {
    fill_block(&el, &text, &ops, label_table(), &markers);
}

/// Each entity type's code and name, one per line, in the order of
/// [`Label::ALL`]: what [`fill_block`] looks the numbers in its ops up in.
pub(crate) fn label_table() -> &'static str {
    static TABLE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        Label::ALL
            .iter()
            .flat_map(|&l| [l.as_str(), label_name(l)])
            .collect::<Vec<_>>()
            .join("\n")
    })
}

/// Counts the repaints of the article's blocks, once all the blocks a change
/// repaints are in the DOM: a block's content notes its repaint, and one
/// microtask later the count moves. Whatever order the reactive system runs
/// the blocks and the effects in, an effect that tracks the count runs after
/// the fresh elements exist.
#[derive(Clone, Copy)]
struct Repainted {
    count: RwSignal<u64>,
    pending: StoredValue<bool>,
}

impl Repainted {
    fn new() -> Repainted {
        Repainted {
            count: RwSignal::new(0),
            pending: StoredValue::new(false),
        }
    }

    fn note(self) {
        if self.pending.get_value() {
            return;
        }
        self.pending.set_value(true);
        leptos::task::spawn_local(async move {
            // Nothing to do if the article is gone by then.
            if let Some(mut pending) = self.pending.try_write_value() {
                *pending = false;
            }
            let _ = self.count.try_update(|n| *n += 1);
        });
    }

    fn track(self) {
        self.count.track();
    }
}

/// Keeps the view-dependent classes and attributes of the article's elements
/// up to date. Each effect also tracks the blocks' repaints, so fresh
/// elements are decorated too, however the repaint and the effect are ordered.
fn decorate(r: Reader, root: NodeRef<leptos::html::Article>, repainted: Repainted) {
    // Every repaint of a block (a new analysis, new search matches) moves the
    // count, once the repainted blocks are in the DOM.
    let rendered = move || repainted.track();
    // The selected entity's mentions, the mention stepped to, the search
    // match stepped to.
    mark_where(
        rendered,
        root,
        move || r.selected.get(),
        "mark.ent",
        "selected",
        |e| format!("mark.ent[data-entity=\"{e}\"]"),
    );
    // The mention stepped to, by where it starts (its mark's number).
    let step_start = move || r.mention_step.get().map(|s| s.start);
    mark_where(
        rendered,
        root,
        step_start,
        "mark.ent",
        "current",
        mention_mark,
    );
    mark_where(
        rendered,
        root,
        move || r.match_step.get(),
        "mark.hit",
        "current",
        |k| format!("mark.hit[data-hit=\"{k}\"]"),
    );
    // Mentions of a type switched off leave the tab order. Marks are made in
    // it, so only those of a type switched off, or switched back on, change;
    // with no type off now or before, none (as on a first visit).
    Effect::new(move |had_hidden: Option<bool>| {
        rendered();
        let any_hidden = r.hidden.with(|hidden| !hidden.is_empty());
        if !any_hidden && had_hidden != Some(true) {
            return false;
        }
        let Some(root) = root.get() else {
            return any_hidden;
        };
        let set = |selector: &str, tabindex| {
            for_each(&root, selector, |el| {
                let _ = el.set_attribute("tabindex", tabindex);
            });
        };
        set("mark.ent[tabindex=\"-1\"]", "0");
        r.hidden.with(|hidden| {
            for label in hidden {
                set(
                    &format!("mark.ent[data-label=\"{}\"]", label.as_str()),
                    "-1",
                );
            }
        });
        any_hidden
    });
    // The evidence of the chosen themes, in the colour of the first chosen
    // theme it is evidence for.
    // Fresh elements are unmarked: with no theme chosen now or before (as on
    // a first visit), there is nothing to do.
    let chosen = Memo::new(move |_| r.view.with(|v| v.themes.clone()));
    Effect::new(move |had_chosen: Option<bool>| {
        rendered();
        let any_chosen = chosen.with(|chosen| !chosen.is_empty());
        if !any_chosen && had_chosen != Some(true) {
            return false;
        }
        let Some(root) = root.get() else {
            return any_chosen;
        };
        let colours: Vec<Option<String>> = chosen.with(|chosen| {
            r.analysis.with(|a| {
                a.theme_list
                    .iter()
                    .map(|t| chosen.contains(&t.id).then(|| t.colour.clone()))
                    .collect()
            })
        });
        // With no theme chosen, only what was marked needs unmarking.
        let selector = if colours.iter().all(Option::is_none) {
            ".ev.ev-on"
        } else {
            ".ev"
        };
        for_each(&root, selector, |el| {
            let colour = el.get_attribute("data-themes").and_then(|ts| {
                ts.split(' ')
                    .filter_map(|t| t.parse::<usize>().ok())
                    .find_map(|t| colours.get(t).cloned().flatten())
            });
            let _ = el.class_list().toggle_with_force("ev-on", colour.is_some());
            let html: &web_sys::HtmlElement = el.unchecked_ref();
            let _ = match colour {
                Some(c) => html.style().set_property("--ev", &c),
                None => html.style().remove_property("--ev").map(drop),
            };
        });
        any_chosen
    });
}

/// Keeps `class` on the `kind` elements that `pick` selects for the current
/// `value` and on none other, following `value` and re-renders (`rendered`).
/// Fresh elements have no class, so with no value now or before (as on a
/// first visit) there is nothing to do.
fn mark_where<T: Copy + PartialEq + 'static>(
    rendered: impl Fn() + 'static,
    root: NodeRef<leptos::html::Article>,
    value: impl Fn() -> Option<T> + 'static,
    kind: &'static str,
    class: &'static str,
    pick: impl Fn(T) -> String + 'static,
) {
    Effect::new(move |was: Option<Option<T>>| {
        rendered();
        let value = value();
        if value.is_none() && was.flatten().is_none() {
            return value;
        }
        let Some(root) = root.get() else {
            return value;
        };
        set_class(&root, &format!("{kind}.{class}"), class, false);
        if let Some(v) = value {
            set_class(&root, &pick(v), class, true);
        }
        value
    });
}

/// Calls `f` on every element under `root` matching `selector`.
fn for_each(root: &web_sys::Element, selector: &str, mut f: impl FnMut(&web_sys::Element)) {
    let Ok(list) = root.query_selector_all(selector) else {
        return;
    };
    for k in 0..list.length() {
        if let Some(el) = list
            .item(k)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        {
            f(&el);
        }
    }
}

/// Adds or removes `class` on every element under `root` matching `selector`.
fn set_class(root: &web_sys::Element, selector: &str, class: &str, on: bool) {
    for_each(root, selector, |el| {
        let _ = el.class_list().toggle_with_force(class, on);
    });
}

/// A mention's mark is known in the page by where the mention starts in the
/// text (its `data-mention`), not by its place among the mentions: a
/// correction that adds or removes a mention renumbers every later one but
/// moves no other mention's start, so only the blocks whose mentions it
/// changed are built again. (Mentions never overlap: no two start together.)
pub(crate) fn mention_mark(start: usize) -> String {
    format!("mark.ent[data-mention=\"{start}\"]")
}

/// The mention an event happened in, and its element.
fn mention_of(r: Reader, ev: &web_sys::Event) -> Option<(MentionId, web_sys::Element)> {
    let target: web_sys::Element = ev.target()?.dyn_into().ok()?;
    let el = target.closest("[data-mention]").ok()??;
    let start: usize = el.get_attribute("data-mention")?.parse().ok()?;
    let m = r.analysis.with_untracked(|a| {
        let ms = &a.entities.mentions;
        let i = ms.partition_point(|m| m.span.start < start);
        (ms.get(i)?.span.start == start).then_some(MentionId(i))
    })?;
    Some((m, el))
}

fn show_card(r: Reader, ev: &web_sys::Event) {
    if let Some((m, el)) = mention_of(r, ev) {
        let rect = el.get_bounding_client_rect();
        let (sx, sy) = (
            window().scroll_x().unwrap_or(0.0),
            window().scroll_y().unwrap_or(0.0),
        );
        r.show_card(m, rect.left() + sx, rect.bottom() + sy);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use lede_analysis::corrections::{Anchor, Correction, Scope};
    use lede_analysis::{Document, Label};

    use super::*;
    use crate::corrections::with_corrections;
    use crate::state::Analyzed;

    const TEXT: &str = "China and Japan talk\n\n\
        China met Japan in Tokyo on Monday, and Xi Jinping spoke.\n\n\
        Later China said Japan was wrong about the islands.\n\n\
        In Beijing, China and Japan agreed to talk again.\n";

    /// A correction that adds or removes a mention renumbers every later
    /// mention, yet leaves every other block's layout as it was: only its
    /// own block is built again.
    #[test]
    fn a_correction_changes_only_its_own_blocks_layout() {
        let doc = Document::parse(TEXT);
        // Each block's layout, as the article would build it.
        let layouts = |a: &Analyzed| -> Vec<_> {
            (0..doc.blocks().len())
                .map(|i| block_layout(&doc, a, BlockId(i), true, &[], 0))
                .collect()
        };
        let engine = Analyzed::of(&doc, &[]);
        let before = layouts(&engine);
        let block = |at: usize| doc.blocks().partition_point(|b| b.span.end <= at);
        let text = doc.text();
        let later = text.find("Later China").unwrap();
        let china = Span::new(later + 6, later + 11);
        let wrong = text.find("wrong").unwrap();
        let wrong = Span::new(wrong, wrong + 5);
        assert!(
            engine.entities.mentions.iter().any(|m| m.span == china),
            "the engine reads “China” there"
        );
        let corrections = [
            Correction::Remove {
                target: Anchor::at(text, china),
                scope: Scope::One,
            },
            Correction::Add {
                target: Anchor::at(text, wrong),
                label: Label::Org,
            },
        ];
        for c in corrections {
            let corrected = with_corrections(&doc, &engine, std::slice::from_ref(&c));
            assert!(corrected.marks.dropped.is_empty(), "{c:?} applies");
            let after = layouts(&corrected);
            for (i, (b, a)) in before.iter().zip(&after).enumerate() {
                if i == block(later) {
                    assert_ne!(b, a, "{c:?} changes its block");
                } else {
                    assert_eq!(b, a, "{c:?} leaves block {i} as it was");
                }
            }
            assert!(
                after
                    .last()
                    .unwrap()
                    .as_ref()
                    .unwrap()
                    .1
                    .0
                    .contains(&segments::MENTION),
                "a later block has mentions"
            );
        }
    }
}
