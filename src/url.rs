//! Keeps the reader's view in the address bar: read at start-up and on
//! back/forward, written on every change. Searching replaces the history entry
//! instead of adding one per keystroke.

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

/// Writes `view` to the URL whenever it changes, and reads it back on back/forward.
pub fn sync_view_with_url(view: RwSignal<ViewState>) {
    let last_written = StoredValue::new(view.get_untracked());
    Effect::new(move |_| {
        let current = view.get();
        let previous = last_written.get_value();
        if current == previous {
            return;
        }
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
        if let Ok(history) = window().history() {
            let _ = if only_search_changed {
                history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
            } else {
                history.push_state_with_url(&JsValue::NULL, "", Some(&url))
            };
        }
        last_written.set_value(current);
    });
    let handle = window_event_listener(leptos::ev::popstate, move |_| {
        let from_url = read_view();
        last_written.set_value(from_url.clone());
        view.set(from_url);
    });
    on_cleanup(move || handle.remove());
}
