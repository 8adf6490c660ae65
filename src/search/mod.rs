//! Searching the article: matches are marked as the reader types, counted, and
//! stepped through. `/` focuses the box, Esc clears it.

use leptos::prelude::*;

mod find;
pub use find::{Folded, MatchId, Matches};

use crate::state::{Reader, use_reader};

pub const SEARCH_INPUT_ID: &str = "search";

/// Moves to the previous (`-1`) or next (`1`) search match, wrapping around.
pub fn step_match(r: Reader, delta: isize) {
    let total = r.matches.with_untracked(Matches::len);
    if total == 0 {
        return;
    }
    let n = total as isize;
    let next = MatchId(match r.match_step.get_untracked() {
        Some(MatchId(k)) if k < total => (k as isize + delta).rem_euclid(n) as usize,
        _ if delta > 0 => 0,
        _ => total - 1,
    });
    r.match_step.set(Some(next));
    if let Some(span) = r.matches.with_untracked(|m| m.get(next)) {
        r.reveal(
            r.block_at(span.start),
            format!("[data-hit=\"{next}\"]"),
            false,
        );
    }
}

#[component]
pub fn SearchBox() -> impl IntoView {
    let r = use_reader();
    let total = Memo::new(move |_| r.matches.with(Matches::len));
    let has_query = move || r.view.with(|v| !v.search.is_empty());
    let status = move || {
        if !has_query() {
            return String::new();
        }
        match (total.get(), r.match_step.get()) {
            (0, _) => "No matches".to_owned(),
            (n, Some(MatchId(k))) if k < n => format!("{} of {n}", k + 1),
            (1, _) => "1 match".to_owned(),
            (n, _) => format!("{n} matches"),
        }
    };
    let on_input = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        r.match_step.set(None);
        r.view.update(|v| v.search = value);
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "Enter" => {
            ev.prevent_default();
            step_match(r, if ev.shift_key() { -1 } else { 1 });
        }
        "Escape" => {
            ev.prevent_default();
            r.match_step.set(None);
            r.view.update(|v| v.search.clear());
        }
        _ => {}
    };
    view! {
        <div class="search" role="search">
            <input
                id=SEARCH_INPUT_ID
                type="search"
                aria-label="Search the article"
                placeholder="Search  /"
                autocomplete="off"
                spellcheck="false"
                prop:value=move || r.view.with(|v| v.search.clone())
                on:input=on_input
                on:keydown=on_key
            />
            <span class="search-status" aria-live="polite">{status}</span>
            <button
                type="button"
                aria-label="Previous match"
                disabled=move || total.get() == 0
                on:click=move |_| step_match(r, -1)
            >
                "↑"
            </button>
            <button
                type="button"
                aria-label="Next match"
                disabled=move || total.get() == 0
                on:click=move |_| step_match(r, 1)
            >
                "↓"
            </button>
        </div>
    }
}
