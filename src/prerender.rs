//! The sample article as the build pre-renders it into `index.html`: what
//! `src/article/fill_block.js` builds each block from, computed by the same
//! engine and the same encoder as the app's own render
//! ([`crate::article::block_layout`]), so that the page the build writes and
//! the page the app paints come from one source. `scripts/prerender.mjs`
//! runs `cargo run -p lede --example prerender` and feeds the result to the
//! app's own `fill_block.js`.
//!
//! The build's analysis travels in the page too (`<script
//! type="application/octet-stream" id="lede-analysis">`, a data block the
//! browser never runs: [`Built`] as bincode, the worker's own format, in
//! base64), so the app takes the sample's reading from it instead of redoing
//! it ([`built_analysis`]). Bincode, not JSON: the app reads bincode already,
//! and JSON readers for the whole analysis would add some 40 KB of wasm.

use std::collections::BTreeSet;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use lede_analysis::job::Analysis;
use lede_analysis::{BlockId, BlockKind, Document, Label};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;

use crate::article::{block_layout, label_table};
use crate::entities_panel::{LegendModel, legend_view, type_counts};
use crate::open_article::SEED_ARTICLE;
use crate::state::{Analyzed, Reader};

/// The id of the page's element that holds the build's analysis.
pub const ANALYSIS_ID: &str = "lede-analysis";

/// One block of the article: its place, what the app renders it as, and
/// what `fillBlock` fills its text element from.
#[derive(Serialize)]
pub struct Block {
    pub index: usize,
    /// `title`, `byline`, `paragraph` or `note`.
    pub kind: &'static str,
    pub text: String,
    pub ops: Vec<u32>,
    pub markers: String,
}

/// The whole article, as `scripts/prerender.mjs` reads it.
#[derive(Serialize)]
pub struct Article {
    /// The page's title, as the app sets it.
    pub title: String,
    /// `fillBlock`'s `labels` argument.
    pub labels: &'static str,
    pub blocks: Vec<Block>,
    /// The legend, as HTML: its toggles work before the app arrives.
    pub legend: String,
    /// The analysis the blocks show, as the page carries it: [`Built`] as
    /// bincode, in base64.
    pub analysis: String,
    /// The query keys the app reads a view from
    /// ([`crate::view_state::QUERY_KEYS`]): the page's start-up starts the
    /// app at once for an address with one of them, and not for one with
    /// only a link's tracking tags (`utm_source`, `fbclid`).
    pub view_keys: &'static [&'static str],
}

/// The legend as the app first renders it for `analysis` (every type
/// shown), in HTML: Leptos' own static rendering of the app's
/// [`legend_view`], escaped by it.
pub fn legend_html(analysis: &Analyzed) -> String {
    Owner::new().with(|| {
        legend_view(LegendModel {
            counts: Signal::stored(type_counts(&analysis.entities)),
            quotes: Signal::stored(analysis.entities.quotes.len()),
            hidden: Signal::stored(BTreeSet::new()),
            quotes_hidden: Signal::stored(false),
            toggle: Callback::new(|_| {}),
        })
        .to_html()
    })
}

/// The build's analysis of a text, and which text: the page and the app
/// come from one build, but a page kept by a host or a cache could meet
/// another build's app.
#[derive(Serialize, Deserialize)]
pub struct Built {
    /// [`text_hash`] of the document's text.
    pub text: String,
    pub analysis: Analysis,
}

/// A hash of `text` (64-bit FNV-1a, in hex): enough to tell one text from
/// another, with nothing to set up.
pub fn text_hash(text: &str) -> String {
    let h = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{h:016x}")
}

/// The analysis the page carries for `doc`, if it carries one for this very
/// text; the page's element is read once and removed. For `doc` analysed
/// with the built-in themes only.
pub fn built_analysis(doc: &Document) -> Option<Analyzed> {
    thread_local! {
        static BUILT: std::cell::RefCell<Option<Option<Built>>> =
            const { std::cell::RefCell::new(None) };
    }
    BUILT.with(|built| {
        let mut built = built.borrow_mut();
        let built = built.get_or_insert_with(read_built);
        let b = built.as_ref().filter(|b| b.text == text_hash(doc.text()))?;
        Some(Analyzed::from_job(b.analysis.clone(), &[]))
    })
}

/// The page's analysis, read and taken out of the page.
fn read_built() -> Option<Built> {
    let el = web_sys::window()?
        .document()?
        .get_element_by_id(ANALYSIS_ID)?;
    let text = el.text_content()?;
    el.remove();
    let bytes = BASE64.decode(text.trim()).ok()?;
    bincode::deserialize(&bytes).ok()
}

/// Hands the page the build pre-rendered (`#prerender` in `index.html`) over
/// to the app once the app's own article has its blocks and its legend is
/// in (the panels come a frame after the article): the style sheet shows the
/// app's page in the frame the pre-render goes, so nothing flashes, and the
/// two lay out alike, so nothing moves. What the reader did meanwhile with
/// the pre-render (`src/legend_before_app.js`) carries over: the types and
/// the quotations switched off, the fold opened, the focus on a toggle, a
/// mention or in the search box, what was typed there, and a header button
/// or a mention pressed (which the app's own then does; a mention only if
/// the app shows the same one). Called whenever either part of
/// the app's page arrives.
pub fn take_over(r: Reader) {
    let doc = document();
    let Some(pre) = doc.get_element_by_id("prerender") else {
        return;
    };
    let app = |selector: &str| {
        doc.query_selector(&format!("#prerender ~ * {selector}"))
            .ok()
            .flatten()
    };
    if app("article [data-block]").is_none() || app(".legend").is_none() {
        return;
    }
    let switched_off = pre
        .query_selector_all(".type-toggle[aria-pressed=\"false\"]")
        .map(|list| {
            (0..list.length())
                .filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
                .map(|b| b.get_attribute("data-label"))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    // The app's own mark of the pre-render's `mark`, if it is the same
    // mention: not when the app has opened another article (a kept one).
    let same_mention = |mark: &web_sys::Element| {
        let n = mark.get_attribute("data-mention")?;
        if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        app(&format!("article mark[data-mention=\"{n}\"]"))
            .filter(|own| own.text_content() == mark.text_content())
    };
    let opened = pre
        .query_selector(".controls-fold[open]")
        .ok()
        .flatten()
        .is_some();
    let fold = app(".controls-fold").filter(|_| opened);
    // The focus on a toggle, a mention or in the search box goes to the app's own.
    let focus = doc
        .active_element()
        .filter(|el| pre.contains(Some(el)))
        .and_then(|el| {
            if el.id() == "search" {
                app(".search input")
            } else if el.matches("article mark[data-mention]").unwrap_or(false) {
                same_mention(&el)
            } else if el.class_list().contains("type-toggle") {
                match el.get_attribute("data-label") {
                    Some(label) => app(&format!(".type-toggle[data-label=\"{label}\"]")),
                    None => app(".quote-toggle"),
                }
            } else {
                None
            }
        })
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    let typed = pre
        .query_selector("#search")
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|input| input.value())
        .unwrap_or_default();
    let pending: Vec<web_sys::HtmlElement> = pre
        .get_attribute("data-pending")
        .unwrap_or_default()
        .split_whitespace()
        .filter(|class| class.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
        .filter_map(|class| app(&format!(".header-actions button.{class}")))
        .filter_map(|el| el.dyn_into().ok())
        .chain(
            pre.get_attribute("data-pending-mention")
                .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|n| {
                    pre.query_selector(&format!("article mark[data-mention=\"{n}\"]"))
                        .ok()
                        .flatten()
                })
                .and_then(|mark| same_mention(&mark))
                .and_then(|el| el.dyn_into().ok()),
        )
        .collect();
    pre.remove();

    if !switched_off.is_empty() {
        r.view.update(|v| {
            for label in &switched_off {
                match label {
                    Some(name) => v.hidden.extend(Label::from_name(name)),
                    None => v.quotes_hidden = true,
                }
            }
        });
    }
    if let Some(fold) = fold {
        let _ = fold.set_attribute("open", "");
    }
    if !typed.is_empty() {
        r.search_for(typed);
    }
    if let Some(el) = focus {
        let _ = el.focus();
    }
    // The presses the reader made before the app came: done a frame on, once
    // the dialogs that come with the panels are in.
    if !pending.is_empty() {
        request_animation_frame(move || pending.iter().for_each(|b| b.click()));
    }
}

/// The sample article, analysed as the app analyses it on a first visit
/// (the built-in themes, no search).
pub fn seed() -> Article {
    article(&Document::parse(SEED_ARTICLE))
}

/// `doc`, analysed with the built-in themes.
pub fn article(doc: &Document) -> Article {
    let analysis = Analyzed::of(doc, &[]);
    let blocks = doc
        .blocks()
        .iter()
        .enumerate()
        .filter_map(|(i, b)| {
            let kind = match b.kind {
                BlockKind::Title => "title",
                BlockKind::Byline => "byline",
                BlockKind::Paragraph => "paragraph",
                BlockKind::Note => "note",
            };
            let markers = b.kind == BlockKind::Paragraph;
            let (text, (ops, markers)) = block_layout(doc, &analysis, BlockId(i), markers, &[], 0)?;
            Some(Block {
                index: i,
                kind,
                text,
                ops,
                markers,
            })
        })
        .collect();
    Article {
        title: match doc.title() {
            Some(t) => format!("{t} — Lede"),
            None => "Lede".to_owned(),
        },
        labels: label_table(),
        blocks,
        legend: legend_html(&analysis),
        view_keys: &crate::view_state::QUERY_KEYS,
        analysis: BASE64.encode(
            bincode::serialize(&Built {
                text: text_hash(doc.text()),
                analysis: Analysis {
                    entities: analysis.entities.clone(),
                    themes: (*analysis.themes).clone(),
                    notes: analysis.notes.clone(),
                },
            })
            .expect("an analysis serialises"),
        ),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// Every block is there once, in order, and its pieces' lengths add up
    /// to its text: the numbers the script reads are whole.
    #[test]
    fn the_seed_is_every_block_with_its_highlights() {
        let doc = Document::parse(SEED_ARTICLE);
        let a = seed();
        assert_eq!(a.blocks.len(), doc.blocks().len());
        assert!(a.title.ends_with(" — Lede") && a.title.len() > " — Lede".len());
        for (k, b) in a.blocks.iter().enumerate() {
            assert_eq!(b.index, k);
            assert_eq!(b.text, doc.blocks()[k].span.slice(doc.text()));
        }
        assert!(a.blocks.iter().any(|b| b.ops.contains(&1)), "no mention");
        assert!(
            a.blocks.iter().any(|b| !b.markers.is_empty()),
            "no theme marker"
        );
    }

    /// The legend is Leptos' render of the app's own: a toggle per type
    /// present, pressed, with its count, then the quotations'.
    #[test]
    fn the_legend_is_the_apps_with_every_type_shown() {
        let doc = Document::parse(SEED_ARTICLE);
        let own = Analyzed::of(&doc, &[]);
        let html = seed().legend;
        assert!(html.starts_with("<section") && html.ends_with("</section>"));
        let counts = type_counts(&own.entities);
        assert!(counts.len() > 3);
        for (label, n) in counts {
            let at = html
                .find(&format!("data-label=\"{}\"", label.as_str()))
                .unwrap_or_else(|| panic!("no toggle for {label:?}"));
            let rest = &html[at..];
            let button = &rest[..rest.find("</button>").expect("a whole button")];
            assert!(button.contains("aria-pressed=\"true\""), "{button}");
            assert!(
                button.contains(&format!("<span class=\"count\">{n}</span>")),
                "{button}"
            );
        }
        assert_eq!(
            html.matches("class=\"type-toggle quote-toggle\"").count(),
            1
        );
        assert!(html.contains(&format!(
            "<span class=\"count\">{}</span></button></li></ul>",
            own.entities.quotes.len()
        )));
    }

    /// The analysis the page carries decodes to the engine's own reading of
    /// this very text, and names the text by its hash.
    #[test]
    fn the_page_carries_the_seeds_analysis() {
        let doc = Document::parse(SEED_ARTICLE);
        let bytes = BASE64.decode(seed().analysis).expect("base64");
        let built: Built = bincode::deserialize(&bytes).expect("bincode");
        assert_eq!(built.text, text_hash(doc.text()));
        assert_ne!(built.text, text_hash(&doc.text()[1..]));
        let own = Analyzed::of(&doc, &[]);
        assert_eq!(built.analysis.entities, own.entities);
        assert_eq!(built.analysis.themes, *own.themes);
    }
}
