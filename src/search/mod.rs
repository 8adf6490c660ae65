//! Searching the article: matches are marked as the reader types, counted, and
//! stepped through. `/` focuses the box, Esc clears it.

use leptos::prelude::*;

mod find;
pub use find::{Folded, MatchId, Matches};

use crate::state::use_reader;

pub const SEARCH_INPUT_ID: &str = "search";

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
        r.search_for(event_target_value(&ev));
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "Enter" => {
            ev.prevent_default();
            r.step_match(if ev.shift_key() { -1 } else { 1 });
        }
        "Escape" => {
            ev.prevent_default();
            r.clear_search();
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
                on:click=move |_| r.step_match(-1)
            >
                "↑"
            </button>
            <button
                type="button"
                aria-label="Next match"
                disabled=move || total.get() == 0
                on:click=move |_| r.step_match(1)
            >
                "↓"
            </button>
        </div>
    }
}
