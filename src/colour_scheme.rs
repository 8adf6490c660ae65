//! Light and dark: follow the system's `prefers-color-scheme` until the reader
//! chooses, then remember the choice.

use leptos::prelude::*;

use crate::storage::local_storage;

const STORAGE_KEY: &str = "lede.colour-scheme";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    Light,
    Dark,
}

impl Scheme {
    fn as_str(self) -> &'static str {
        match self {
            Scheme::Light => "light",
            Scheme::Dark => "dark",
        }
    }

    fn parse(s: &str) -> Option<Scheme> {
        match s {
            "light" => Some(Scheme::Light),
            "dark" => Some(Scheme::Dark),
            _ => None,
        }
    }
}

fn system_scheme() -> Scheme {
    let dark = window()
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    if dark { Scheme::Dark } else { Scheme::Light }
}

/// A switch between the light and dark themes. It sets `data-theme` on the
/// root element, which the style sheet reads.
#[component]
pub fn ColourSchemeToggle() -> impl IntoView {
    let stored = local_storage()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .and_then(|s| Scheme::parse(&s));
    let scheme = RwSignal::new(stored.unwrap_or_else(system_scheme));
    let chosen = RwSignal::new(stored.is_some());

    // Talking to the outside world: the root element and storage.
    Effect::new(move |_| {
        let s = scheme.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-theme", s.as_str());
        }
        if chosen.get() {
            // Private mode may refuse storage; the choice then lasts for this visit.
            if let Some(storage) = local_storage() {
                let _ = storage.set_item(STORAGE_KEY, s.as_str());
            }
        }
    });

    let dark = move || scheme.get() == Scheme::Dark;
    view! {
        <button
            type="button"
            class="scheme-toggle"
            aria-pressed=move || dark().to_string()
            title="Switch between light and dark"
            on:click=move |_| {
                chosen.set(true);
                scheme.update(|s| *s = if *s == Scheme::Dark { Scheme::Light } else { Scheme::Dark });
            }
        >
            <span aria-hidden="true" class="scheme-icon">{move || if dark() { "☾" } else { "☀" }}</span>
            " Dark theme"
        </button>
    }
}
