//! The whole page: the site header and the article being read.

use lede_analysis::Document;
use leptos::prelude::*;

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

    view! {
        <header class="site-header">
            <p class="site-name">
                <span class="wordmark">"Lede"</span>
                <span class="tagline">" · read the news with its people, places and themes lit up"</span>
            </p>
            <ColourSchemeToggle />
        </header>
        <main id="main">
            <ArticleView document=document />
        </main>
    }
}
