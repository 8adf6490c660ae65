//! Bringing an element into view, and keyboard focus with it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};

/// Scrolls the first element matching `selector` to the middle of the screen,
/// and focuses it when `focus` is set.
pub fn scroll_to(selector: &str, focus: bool) {
    scroll_to_with(selector, focus, true);
}

/// [`scroll_to`], at once when not `smooth`: a long document's window moves
/// under a smooth scroll as it goes, and may leave its target behind.
pub fn scroll_to_with(selector: &str, focus: bool, smooth: bool) {
    let Ok(Some(el)) = document().query_selector(selector) else {
        return;
    };
    let smooth = smooth
        && !window()
            .match_media("(prefers-reduced-motion: reduce)")
            .ok()
            .flatten()
            .is_some_and(|m| m.matches());
    let options = ScrollIntoViewOptions::new();
    options.set_block(ScrollLogicalPosition::Center);
    options.set_behavior(if smooth {
        ScrollBehavior::Smooth
    } else {
        ScrollBehavior::Instant
    });
    el.scroll_into_view_with_scroll_into_view_options(&options);
    if focus && let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}
