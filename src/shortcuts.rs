//! Keyboard shortcuts, and the `?` dialog that lists them.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::search::SEARCH_INPUT_ID;
use crate::state::use_reader;

const DIALOG_ID: &str = "shortcuts";

/// (keys, what they do), as the dialog lists them.
const SHORTCUTS: [(&str, &str); 8] = [
    ("/", "Search the article"),
    (
        "Enter / Shift+Enter",
        "Next / previous match, in the search box",
    ),
    (
        "Esc",
        "Clear the search, hide a mention's card, or close this dialog",
    ),
    ("]", "Next mention of the selected entity"),
    ("[", "Previous mention of the selected entity"),
    ("Enter", "Select the entity of the focused mention"),
    ("n / Shift+N", "Next / previous search match"),
    ("?", "Show these shortcuts"),
];

pub fn open_shortcuts() {
    if let Ok(Some(el)) = document().query_selector(&format!("#{DIALOG_ID}"))
        && let Ok(dialog) = el.dyn_into::<web_sys::HtmlDialogElement>()
        && !dialog.open()
    {
        let _ = dialog.show_modal();
    }
}

/// Listens for the page-wide shortcuts while mounted.
pub fn use_shortcuts() {
    let r = use_reader();
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        // Typing in a field is typing, not a shortcut.
        let in_field = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if in_field {
            return;
        }
        match ev.key().as_str() {
            "/" => {
                ev.prevent_default();
                if let Some(input) = document()
                    .get_element_by_id(SEARCH_INPUT_ID)
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = input.focus();
                }
            }
            "?" => {
                ev.prevent_default();
                open_shortcuts();
            }
            "]" => r.step_mention(1),
            "[" => r.step_mention(-1),
            // Dismisses the mention card without moving the pointer or focus (WCAG 1.4.13).
            "Escape" if r.card.get_untracked().is_some() => r.hide_card(),
            "n" => r.step_match(1),
            "N" => r.step_match(-1),
            _ => {}
        }
    });
    on_cleanup(move || handle.remove());
}

#[component]
pub fn ShortcutsDialog() -> impl IntoView {
    let close = move |_| {
        if let Ok(Some(el)) = document().query_selector(&format!("#{DIALOG_ID}"))
            && let Ok(dialog) = el.dyn_into::<web_sys::HtmlDialogElement>()
        {
            dialog.close();
        }
    };
    let rows = SHORTCUTS
        .iter()
        .chain(crate::corrections::keys::KEYS.iter())
        .map(|(keys, what)| view! { <tr><th scope="row"><kbd>{*keys}</kbd></th><td>{*what}</td></tr> })
        .collect_view();
    view! {
        <dialog id=DIALOG_ID aria-labelledby="shortcuts-title" class="dialog">
            <h2 id="shortcuts-title">"Keyboard shortcuts"</h2>
            <table>
                <tbody>{rows}</tbody>
            </table>
            <button type="button" on:click=close>"Close"</button>
        </dialog>
    }
}
