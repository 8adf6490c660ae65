//! The whole page: the site header, the controls, the article and its minimap.

use lede_analysis::Document;
use leptos::prelude::*;

use crate::entities_panel::{EntityPanel, Legend, MentionCard};
use crate::minimap::Minimap;
use crate::search::SearchBox;
use crate::shortcuts::{ShortcutsDialog, open_shortcuts, use_shortcuts};
use crate::state::Reader;
use crate::themes_filter::{ThemeFilter, load_custom_themes};
use crate::url::{read_view, sync_view_with_url};
use crate::{ArticleView, ColourSchemeToggle};

/// The article Lede opens with, embedded at compile time.
const SEED_ARTICLE: &str = include_str!("../seeds/000_98b7338e0901f976.txt");

#[component]
pub fn App() -> impl IntoView {
    let document = RwSignal::new(Document::parse(SEED_ARTICLE));

    Effect::new(move |_| {
        let title = document.with(|d| d.title().map(str::to_owned));
        let page_title = match title {
            Some(t) => format!("{t} — Lede"),
            None => "Lede".to_owned(),
        };
        leptos::prelude::document().set_title(&page_title);
    });

    view! { <Reading document /> }
}

/// The reading page for `document`: provides the [`Reader`] context, keeps the
/// view in the URL, and lays out the controls around the article.
#[component]
pub fn Reading(document: RwSignal<Document>) -> impl IntoView {
    let view = RwSignal::new(read_view());
    let (custom, notice) = load_custom_themes();
    let reader = Reader::new(document, RwSignal::new(custom), view);
    provide_context(reader);
    sync_view_with_url(view);
    use_shortcuts();

    view! {
        <a class="skip" href="#main">"Skip to the article"</a>
        <header class="site-header">
            <p class="site-name">
                <span class="wordmark">"Lede"</span>
                <span class="tagline">" · read the news with its people, places and themes lit up"</span>
            </p>
            <SearchBox />
            <div class="header-actions">
                <button type="button" class="icon-button" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" on:click=move |_| open_shortcuts()>
                    "?"
                </button>
                <ColourSchemeToggle />
            </div>
        </header>
        {notice.map(|n| view! { <p class="notice" role="status">{n}</p> })}
        <div class="layout">
            <aside class="controls" aria-label="Highlights, themes and entities">
                <Legend />
                <ThemeFilter />
                <EntityPanel />
            </aside>
            <main id="main" tabindex="-1">
                <ArticleView />
            </main>
            <Minimap />
        </div>
        <MentionCard />
        <ShortcutsDialog />
    }
}
