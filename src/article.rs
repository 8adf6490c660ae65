//! The article as a reader sees it — headline, byline, body and closing note —
//! with entity mentions, quotations and search matches marked in the text.
//!
//! Every block is cut into pieces by [`crate::segments`]; a mention is one
//! `<mark>`, focusable, with its type announced to screen readers. A block's
//! marked-up text is built by `src/article_text.js` in one call, from numbers
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

use lede_analysis::{BlockKind, Label, Span};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::entities_panel::{CARD, pointer_goes_into};
use crate::labels::label_name;
use crate::segments::{self, Layers, segment};
use crate::state::{Reader, use_reader};
use crate::timing;
use crate::view_state::Outside;

/// The article with its highlights. Needs the [`Reader`] context.
#[component]
pub fn ArticleView() -> impl IntoView {
    let r = use_reader();

    // Which blocks pass the reader's filters: None when nothing filters.
    let passing = Memo::new(move |_| -> Option<BTreeSet<usize>> {
        let (only, themes_filter) = r.view.with(|v| (v.only_entity, v.filters_paragraphs()));
        if !themes_filter {
            return None;
        }
        let mut pass: Option<BTreeSet<usize>> = None;
        if only && let Some(e) = r.selected.get() {
            pass = Some(r.blocks_mentioning(e));
        }
        if let Some(themed) = crate::themes_filter::passing_blocks(&r) {
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
    // The number in the document of each block's first search match.
    let first_hits = Memo::new(move |_| {
        r.matches.with(|m| {
            m.iter()
                .scan(0, |before, here| {
                    let first = *before;
                    *before += here.len();
                    Some(first)
                })
                .collect::<Vec<usize>>()
        })
    });

    // From "analysis done" (where the analysis starts this measure) to the
    // highlighted article in the DOM: the repaint count moves once the blocks
    // an analysis repaints are there. (Other repaints, of search matches,
    // start no measure and end none.)
    Effect::new(move |_| {
        repainted.track();
        timing::end_if_started("lede:render");
    });

    let on_mouse_over = move |ev: web_sys::MouseEvent| show_card(r, &ev);
    let on_focus_in = move |ev: web_sys::FocusEvent| show_card(r, &ev);
    let hide_card = move |ev: &web_sys::Event| {
        if mention_of(ev).is_some() {
            r.card.set(None);
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
        if let Some((mention, _)) = mention_of(&ev) {
            select_mention(r, mention);
        }
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Enter"
            && let Some((mention, _)) = mention_of(&ev)
        {
            select_mention(r, mention);
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
        >
            {move || {
                let blocks = r.document.with(|d| d.blocks().to_vec());
                let head = blocks
                    .iter()
                    .enumerate()
                    .filter(|(_, b)| matches!(b.kind, BlockKind::Title | BlockKind::Byline))
                    .map(|(i, b)| block_view(r, i, b.kind, passing, hide_outside, first_hits, repainted))
                    .collect_view();
                let body = blocks
                    .iter()
                    .enumerate()
                    .filter(|(_, b)| b.kind == BlockKind::Paragraph)
                    .map(|(i, b)| block_view(r, i, b.kind, passing, hide_outside, first_hits, repainted))
                    .collect_view();
                let notes = blocks
                    .iter()
                    .enumerate()
                    .filter(|(_, b)| b.kind == BlockKind::Note)
                    .map(|(i, b)| block_view(r, i, b.kind, passing, hide_outside, first_hits, repainted))
                    .collect_view();
                view! {
                    <header class="article-head">{head}</header>
                    <div class="article-body">{body}</div>
                    <footer class="article-foot">{notes}</footer>
                }
            }}
        </article>
    }
}

fn block_view(
    r: Reader,
    i: usize,
    kind: BlockKind,
    passing: Memo<Option<BTreeSet<usize>>>,
    hide_outside: Memo<bool>,
    first_hits: Memo<Vec<usize>>,
    repainted: Repainted,
) -> AnyView {
    let outside = move || passing.with(|p| p.as_ref().is_some_and(|p| !p.contains(&i)));
    let dim = move || outside() && !hide_outside.get();
    let gone = move || outside() && hide_outside.get();
    // This block's search matches, and how many come before it: a new query
    // repaints only the blocks whose matches changed.
    let hits = Memo::new(move |_| {
        r.matches.with(|m| match m.get(i) {
            Some(here) if !here.is_empty() => (
                here.clone(),
                first_hits.with(|f| f.get(i).copied().unwrap_or(0)),
            ),
            _ => (Vec::new(), 0),
        })
    });
    let content = move || {
        let markers = kind == BlockKind::Paragraph;
        let content = hits.with(|(search, offset)| block_text(r, i, markers, search, *offset));
        repainted.note();
        content
    };
    let id = format!("block-{i}");
    match kind {
        BlockKind::Title => view! { <h1 id=id data-block=i>{content}</h1> }.into_any(),
        BlockKind::Byline => view! { <p id=id data-block=i class="byline">{content}</p> }.into_any(),
        BlockKind::Paragraph => view! {
            <p id=id data-block=i class:dim=dim hidden=gone>
                {content}
            </p>
        }
        .into_any(),
        BlockKind::Note => view! {
            <aside id=id data-block=i class="note" role="note" aria-label="Note" class:dim=dim hidden=gone>
                <p>{content}</p>
            </aside>
        }
        .into_any(),
    }
}

/// The text of block `i` with its marks, in a `<span class="text">` that
/// `src/article_text.js` fills in one call (see [`segments::encode`]), with
/// the theme markers for its margin if `markers`; `search` holds the block's
/// search matches, the first of which is match number `offset` in the
/// document.
///
/// When the document is replaced, the closures of its old blocks may run once
/// more before they are dropped, with an index the new document lacks: they
/// then render nothing.
fn block_text(r: Reader, i: usize, markers: bool, search: &[Span], offset: usize) -> AnyView {
    let content = r.document.with(|d| {
        let block = d.blocks().get(i)?.span;
        let ops = r.analysis.with(|a| {
            let ms = &a.entities.mentions;
            let first = ms.partition_point(|m| m.span.end <= block.start);
            let mentions: Vec<(usize, Span)> = ms[first..]
                .iter()
                .enumerate()
                .take_while(|(_, m)| m.span.start < block.end)
                .map(|(k, m)| (first + k, m.span))
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
            let label_index = |l| Label::ALL.iter().position(|&x| x == l).unwrap_or(0);
            let ops = segments::encode(
                d.text(),
                &pieces,
                |m| (label_index(ms[m].label) as u32, ms[m].entity as u32),
                offset,
            );
            let markers = if markers {
                crate::themes_filter::margin_markers(a, i)
            } else {
                String::new()
            };
            (ops, markers)
        });
        Some((block.slice(d.text()).to_owned(), ops))
    });
    match content {
        Some(text_and_ops) => {
            view! { <span class="text" use:fill_text=text_and_ops></span> }.into_any()
        }
        None => ().into_any(),
    }
}

#[wasm_bindgen(module = "/src/article_text.js")]
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
fn label_table() -> &'static str {
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
    mark_where(
        rendered,
        root,
        move || r.mention_step.get(),
        "mark.ent",
        "current",
        |m| format!("mark.ent[data-mention=\"{m}\"]"),
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
fn mark_where(
    rendered: impl Fn() + 'static,
    root: NodeRef<leptos::html::Article>,
    value: impl Fn() -> Option<usize> + 'static,
    kind: &'static str,
    class: &'static str,
    pick: impl Fn(usize) -> String + 'static,
) {
    Effect::new(move |was: Option<Option<usize>>| {
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

/// The mention an event happened in, and its element.
fn mention_of(ev: &web_sys::Event) -> Option<(usize, web_sys::Element)> {
    let target: web_sys::Element = ev.target()?.dyn_into().ok()?;
    let el = target.closest("[data-mention]").ok()??;
    let m = el.get_attribute("data-mention")?.parse().ok()?;
    Some((m, el))
}

fn show_card(r: Reader, ev: &web_sys::Event) {
    if let Some((m, el)) = mention_of(ev) {
        let rect = el.get_bounding_client_rect();
        let (sx, sy) = (
            window().scroll_x().unwrap_or(0.0),
            window().scroll_y().unwrap_or(0.0),
        );
        r.card.set(Some((m, rect.left() + sx, rect.bottom() + sy)));
    }
}

/// Selects the entity of mention `m`, or clears the selection if it was selected.
pub fn select_mention(r: Reader, m: usize) {
    let (entity, name) = r.analysis.with(|a| {
        let e = a.entities.mentions[m].entity;
        (e, a.entities.entities[e].name.clone())
    });
    if r.selected.get_untracked() == Some(entity) {
        r.view.update(|v| v.entity = None);
        r.mention_step.set(None);
    } else {
        r.view.update(|v| v.entity = Some(name));
        r.mention_step.set(Some(m));
    }
}
