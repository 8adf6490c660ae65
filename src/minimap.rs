//! A slim strip beside the article showing where the selected entity, the chosen
//! themes and the search matches occur across the whole document. Clicking a
//! mark jumps there. It repeats what the keyboard reaches through "Next mention",
//! "Next match" and the theme filter, so it is hidden from assistive technology.
//!
//! The strip stands for the whole page, as a scroll bar does: a mark sits as
//! far down the strip as its text is down the page. Where each block is on the
//! page is measured after layout whenever the page changes size (paragraphs
//! hidden or shown, the window resized, another article); a mark inside a
//! block is placed by its offset in the block's text.

use lede_analysis::{BlockId, MentionId};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::ResizeObserver;

use crate::search::{MatchId, Matches};
use crate::state::use_reader;

/// A block's place on the page, as fractions of the page's height.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Place {
    top: f64,
    height: f64,
}

/// Where a mark goes on the strip, in percent: `byte` of the document's text,
/// in the block at `block` (its byte span `start..end`), placed within the
/// block's measured place; by its offset in the whole text while the blocks
/// are not measured yet.
fn percent(
    places: &[Place],
    block: BlockId,
    (start, end): (usize, usize),
    byte: usize,
    len: usize,
) -> f64 {
    match places.get(block.0) {
        Some(p) => {
            let within = (byte.saturating_sub(start)) as f64 / (end - start).max(1) as f64;
            (p.top + within.min(1.0) * p.height) * 100.0
        }
        None => byte as f64 / len.max(1) as f64 * 100.0,
    }
}

/// More marks of one kind than this are thinned: the strip is a few hundred
/// pixels tall, and an element per mention or match of a long document
/// would cost more than the strip can show.
const MAX_MARKS: usize = 400;

/// `marks` (each at a percent down the strip, in order), at most one per
/// `100 / MAX_MARKS` percent when there are more than [`MAX_MARKS`]: the
/// first of each stretch stands for the others.
fn thin<T>(marks: Vec<(f64, T)>) -> Vec<(f64, T)> {
    if marks.len() <= MAX_MARKS {
        return marks;
    }
    let bin = |top: f64| (top / 100.0 * MAX_MARKS as f64) as i64;
    let mut last = None;
    marks
        .into_iter()
        .filter(|(top, _)| {
            let b = Some(bin(*top));
            let keep = b != last;
            last = b;
            keep
        })
        .collect()
}

/// A stretch of the strip, in percent.
#[derive(Clone, Debug, PartialEq)]
struct Band<T> {
    top: f64,
    height: f64,
    item: T,
}

/// `bands` (in order), with those that touch or nearly touch merged into the
/// first when there are more than [`MAX_MARKS`].
fn merge_bands<T: PartialEq>(bands: Vec<Band<T>>) -> Vec<Band<T>> {
    if bands.len() <= MAX_MARKS {
        return bands;
    }
    let gap = 100.0 / MAX_MARKS as f64;
    let mut out: Vec<Band<T>> = Vec::new();
    for b in bands {
        match out.last_mut() {
            Some(last) if b.top <= last.top + last.height + gap => {
                last.height = (b.top + b.height - last.top).max(last.height);
            }
            _ => out.push(b),
        }
    }
    out
}

/// The block whose span holds `byte` (blocks are in text order).
fn block_at(spans: &[(usize, usize)], byte: usize) -> BlockId {
    BlockId(
        spans
            .partition_point(|&(_, end)| end <= byte)
            .min(spans.len().saturating_sub(1)),
    )
}

/// Measures the article's blocks (`block-0`, `block-1`, … in the DOM, one per
/// span of `spans`) after every layout that changes the page's size, while
/// the owner lives.
fn measured_places(spans: Memo<Vec<(usize, usize)>>) -> RwSignal<Vec<Place>> {
    let places = RwSignal::new(Vec::new());
    let measure = move || {
        let doc = document();
        let Some(root) = doc.document_element() else {
            return;
        };
        let page = f64::from(root.scroll_height()).max(1.0);
        let scrolled = window().scroll_y().unwrap_or(0.0);
        let blocks = spans.with_untracked(Vec::len);
        let measured: Option<Vec<Place>> = (0..blocks)
            .map(|i| {
                let rect = doc
                    .get_element_by_id(&format!("block-{i}"))?
                    .get_bounding_client_rect();
                Some(Place {
                    top: (rect.top() + scrolled) / page,
                    height: rect.height() / page,
                })
            })
            .collect();
        // A block missing (the article being repainted) leaves the last places.
        if let Some(measured) = measured {
            places.try_set(measured);
        }
    };
    // Another article of the same height would not resize the page.
    Effect::new(move |_| {
        spans.track();
        request_animation_frame(measure);
    });
    // A resize observer reports after layout and before paint, so the marks
    // move in the same frame as the text.
    let callback = Closure::<dyn FnMut()>::new(measure);
    if let Ok(observer) = ResizeObserver::new(callback.as_ref().unchecked_ref())
        && let Some(body) = document().body()
    {
        observer.observe(&body);
        // Both stay on this thread; the wrapper only lets the cleanup hold them.
        let held = SendWrapper::new((observer, callback));
        on_cleanup(move || held.take().0.disconnect());
    }
    places
}

/// Where the blocks are, for placing marks: each block's byte span, and its
/// measured place on the page when the measures are for this document.
#[derive(Clone, Debug, Default, PartialEq)]
struct Strip {
    len: usize,
    spans: Vec<(usize, usize)>,
    places: Vec<Place>,
}

impl Strip {
    /// Where byte `byte` of block `block` goes, in percent down the strip.
    fn at(&self, block: BlockId, byte: usize) -> f64 {
        let span = self.spans.get(block.0).copied().unwrap_or((0, self.len));
        percent(&self.places, block, span, byte, self.len)
    }
}

#[component]
pub fn Minimap() -> impl IntoView {
    let r = use_reader();
    let spans = Memo::new(move |_| {
        r.document.with(|d| {
            d.blocks()
                .iter()
                .map(|b| (b.span.start, b.span.end))
                .collect::<Vec<_>>()
        })
    });
    let places = measured_places(spans);
    let strip = Memo::new(move |_| {
        let spans = spans.get();
        let mut places = places.get();
        // Measured for another article: placed by the text until measured again.
        if places.len() != spans.len() {
            places.clear();
        }
        Strip {
            len: r.document.with(|d| d.text().len()),
            spans,
            places,
        }
    });
    // Each kind of mark follows only its own inputs: a search keystroke
    // redraws the matches' marks, not the themes' or the entity's.
    let chosen = Memo::new(move |_| r.view.with(|v| v.themes.clone()));
    let theme_marks = move || {
        let chosen = chosen.get();
        if chosen.is_empty() {
            return Vec::new();
        }
        strip.with(|g| {
            r.analysis.with(|a| {
                let mut bands = Vec::new();
                for p in &a.themes.paragraphs {
                    let Some(id) = chosen.iter().find(|t| p.is_about(t)) else {
                        continue;
                    };
                    let Some(t) = a.theme_index(id) else { continue };
                    let block = p.block;
                    let Some(&(start, end)) = g.spans.get(block.0) else {
                        continue;
                    };
                    let top = g.at(block, start);
                    bands.push(Band {
                        top,
                        height: (g.at(block, end) - top).max(0.5),
                        item: (block, t),
                    });
                }
                merge_bands(bands)
                    .into_iter()
                    .map(|Band { top, height, item: (block, t) }| {
                        view! {
                            <div
                                class="mark theme"
                                style:top=format!("{top:.2}%")
                                style:height=format!("{height:.2}%")
                                style:--c=a.theme_list[t].colour.clone()
                                on:click=move |_| r.reveal(block, format!("#block-{block}"), false)
                            ></div>
                        }
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let entity_marks = move || {
        let Some(e) = r.selected.get() else {
            return Vec::new();
        };
        let marks: Vec<(f64, MentionId)> = strip.with(|g| {
            r.analysis.with(|a| {
                a.entities.entities[e]
                    .mentions
                    .iter()
                    .map(|&m| {
                        let start = a.entities.mentions[m].span.start;
                        let block = block_at(&g.spans, start);
                        (g.at(block, start), m)
                    })
                    .collect()
            })
        });
        thin(marks)
            .into_iter()
            .map(|(top, m)| {
                view! {
                    <div
                        class="mark entity"
                        style:top=format!("{top:.2}%")
                        on:click=move |_| r.go_to_mention(m)
                    ></div>
                }
            })
            .collect::<Vec<_>>()
    };
    let hit_marks = move || {
        if r.matches.with(Matches::is_empty) {
            return Vec::new();
        }
        let hits: Vec<(f64, MatchId)> = strip.with(|g| {
            r.matches.with(|m| {
                m.iter()
                    .map(|(k, s)| {
                        let block = block_at(&g.spans, s.start);
                        (g.at(block, s.start), k)
                    })
                    .collect()
            })
        });
        thin(hits)
            .into_iter()
            .map(|(top, k)| {
                view! {
                    <div
                        class="mark hit"
                        style:top=format!("{top:.2}%")
                        on:click=move |_| r.go_to_match(k)
                    ></div>
                }
            })
            .collect::<Vec<_>>()
    };
    view! {
        <div class="minimap" aria-hidden="true">
            {theme_marks}
            {entity_marks}
            {hit_marks}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPANS: [(usize, usize); 3] = [(0, 10), (12, 52), (54, 100)];

    #[test]
    fn many_marks_are_thinned_to_what_the_strip_can_show() {
        let few: Vec<(f64, usize)> = (0..10).map(|k| (k as f64, k)).collect();
        assert_eq!(thin(few.clone()), few, "few marks all stay");
        let many: Vec<(f64, usize)> = (0..10_000).map(|k| (k as f64 / 100.0, k)).collect();
        let kept = thin(many);
        assert!(kept.len() <= MAX_MARKS, "{} marks", kept.len());
        assert_eq!(kept[0], (0.0, 0), "the first of a stretch stands for it");
        assert!(kept.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn many_bands_merge_where_they_touch() {
        let band = |top: f64, item: usize| Band {
            top,
            height: 0.01,
            item,
        };
        let few = vec![band(0.0, 0), band(0.011, 1)];
        assert_eq!(merge_bands(few.clone()), few);
        let many: Vec<Band<usize>> = (0..1_000).map(|k| band(k as f64 * 0.02, k)).collect();
        let merged = merge_bands(many);
        assert_eq!(merged.len(), 1, "touching bands are one");
        assert!((merged[0].height - (999.0 * 0.02 + 0.01)).abs() < 1e-9);
    }

    #[test]
    fn a_byte_is_in_the_block_that_holds_it() {
        assert_eq!(block_at(&SPANS, 0), BlockId(0));
        assert_eq!(block_at(&SPANS, 9), BlockId(0));
        assert_eq!(block_at(&SPANS, 12), BlockId(1));
        assert_eq!(block_at(&SPANS, 60), BlockId(2));
        assert_eq!(
            block_at(&SPANS, 500),
            BlockId(2),
            "past the end: the last block"
        );
        assert_eq!(block_at(&[], 3), BlockId(0));
    }

    #[test]
    fn marks_follow_the_measured_blocks() {
        let places = [
            Place {
                top: 0.05,
                height: 0.1,
            },
            Place {
                top: 0.2,
                height: 0.4,
            },
            Place {
                top: 0.7,
                height: 0.2,
            },
        ];
        // The start of a block is its top; halfway through its text, halfway down it.
        assert!((percent(&places, BlockId(1), SPANS[1], 12, 100) - 20.0).abs() < 1e-9);
        assert!((percent(&places, BlockId(1), SPANS[1], 32, 100) - 40.0).abs() < 1e-9);
        assert!((percent(&places, BlockId(2), SPANS[2], 100, 100) - 90.0).abs() < 1e-9);
        // A hidden block (no height) puts its marks at its place, not elsewhere.
        let hidden = [
            places[0],
            Place {
                top: 0.2,
                height: 0.0,
            },
            places[2],
        ];
        assert!((percent(&hidden, BlockId(1), SPANS[1], 40, 100) - 20.0).abs() < 1e-9);
    }

    #[test]
    fn unmeasured_marks_go_by_their_offset_in_the_text() {
        assert!((percent(&[], BlockId(1), SPANS[1], 25, 100) - 25.0).abs() < 1e-9);
        assert!(
            percent(&[], BlockId(0), (0, 0), 0, 0).is_finite(),
            "an empty text divides by one"
        );
    }
}
