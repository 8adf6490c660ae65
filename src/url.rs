//! Keeps the reader's view in the address bar: read at start-up and on
//! back/forward, written on every change. Searching replaces the history entry
//! instead of adding one per keystroke, once the typing pauses: a
//! `replaceState` costs the keystroke several milliseconds.

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsValue;
use web_sys::UrlSearchParams;

use crate::view_state::ViewState;

/// The view the current URL describes.
pub fn read_view() -> ViewState {
    let search = window().location().search().unwrap_or_default();
    let Ok(params) = UrlSearchParams::new_with_str(&search) else {
        return ViewState::default();
    };
    ViewState::from_query(|key| params.get(key))
}

fn query_of(view: &ViewState) -> String {
    let Ok(params) = UrlSearchParams::new() else {
        return String::new();
    };
    for (key, value) in view.to_pairs() {
        params.append(key, &value);
    }
    let query: String = params.to_string().into();
    if query.is_empty() {
        query
    } else {
        format!("?{query}")
    }
}

/// How long the search must rest before the URL follows it.
const SEARCH_PAUSE: Duration = Duration::from_millis(250);

/// Writes `view` to the URL whenever it changes, and reads it back on back/forward.
pub fn sync_view_with_url(view: RwSignal<ViewState>) {
    let last_written = StoredValue::new(view.get_untracked());
    // The search's URL, waiting for the typing to pause.
    let pending = StoredValue::new(None::<(TimeoutHandle, String)>);
    // Stops the wait; returns the URL it was to write.
    let cancel_pending = move || {
        let (h, url) = pending.try_update_value(Option::take).flatten()?;
        h.clear();
        Some(url)
    };
    Effect::new(move |_| {
        let current = view.get();
        let previous = last_written.get_value();
        if current == previous {
            return;
        }
        let unwritten = cancel_pending();
        let query = query_of(&current);
        let location = window().location();
        if location.search().unwrap_or_default() == query {
            last_written.set_value(current);
            return;
        }
        let path = location.pathname().unwrap_or_default();
        let url = format!("{path}{query}");
        let only_search_changed = ViewState {
            search: previous.search.clone(),
            ..current.clone()
        } == previous;
        let Ok(history) = window().history() else {
            return;
        };
        if only_search_changed {
            let replace = history.clone();
            let to = url.clone();
            let write = move || {
                let _ = replace.replace_state_with_url(&JsValue::NULL, "", Some(&to));
            };
            pending.set_value(
                set_timeout_with_handle(write, SEARCH_PAUSE)
                    .ok()
                    .map(|h| (h, url)),
            );
        } else {
            // The search typed last goes into its own entry before the next one.
            if let Some(search) = unwritten {
                let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&search));
            }
            let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&url));
        }
        last_written.set_value(current);
    });
    let handle = window_event_listener(leptos::ev::popstate, move |_| {
        let _ = cancel_pending();
        let from_url = read_view();
        last_written.set_value(from_url.clone());
        view.set(from_url);
    });
    on_cleanup(move || handle.remove());
}
