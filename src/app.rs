//! The whole page: the site header, the controls, the article and its minimap.

use lede_analysis::Document;
use leptos::prelude::*;

use crate::corrections::{CorrectionsAnnouncer, CorrectionsPanel};
use crate::entities_panel::{EntityPanel, Legend, MentionCard};
use crate::export_panel::ExportPanel;
use crate::minimap::Minimap;
use crate::open_article::{
    LibraryNotices, LibraryState, OpenArticleButton, OpenArticleDialog, start_reading,
};
use crate::search::SearchBox;
use crate::shortcuts::{ShortcutsDialog, open_shortcuts, use_shortcuts};
use crate::state::{Reader, use_reader};
use crate::themes_filter::{ThemeFilter, load_custom_themes};
use crate::timing;
use crate::url::{read_view, sync_view_with_url};
use crate::{ArticleView, ColourSchemeToggle};

#[component]
pub fn App() -> impl IntoView {
    // The article being read when the page was last closed, or the sample.
    let (document, library, ready) = start_reading();

    Effect::new(move |_| {
        let title = ready
            .get()
            .then(|| document.with(|d| d.title().map(str::to_owned)))
            .flatten();
        let page_title = match title {
            Some(t) => format!("{t} — Lede"),
            None => "Lede".to_owned(),
        };
        leptos::prelude::document().set_title(&page_title);
    });

    // Nothing until the start knows which article to show: never the
    // sample first and the kept article a moment later.
    move || ready.get().then(|| view! { <Reading document library /> })
}

/// The reading page for `document`: provides the [`Reader`] context, keeps the
/// view in the URL, and lays out the controls around the article.
///
/// Without a `library`, articles the reader opens are kept in memory only.
#[component]
pub fn Reading(
    document: RwSignal<Document>,
    #[prop(optional)] library: Option<LibraryState>,
) -> impl IntoView {
    let view = RwSignal::new(read_view());
    let custom = RwSignal::new(Vec::new());
    load_custom_themes(custom);
    let reader = Reader::new(document, custom, view);
    provide_context(reader);
    let library = library.unwrap_or_else(LibraryState::in_memory);
    provide_context(library);
    sync_view_with_url(view);
    use_shortcuts();
    let wide = use_wide_screen();
    let panels = panels_after_article();

    view! {
        <a class="skip" href="#main">"Skip to the article"</a>
        <header class="site-header">
            <p class="site-name">
                <span class="wordmark">"Lede"</span>
                <span class="tagline">" · read the news with its people, places and themes lit up"</span>
            </p>
            <SearchBox />
            <div class="header-actions">
                <OpenArticleButton />
                <button type="button" class="icon-button" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" on:click=move |_| open_shortcuts()>
                    "?"
                </button>
                <ColourSchemeToggle />
            </div>
        </header>
        {move || library.notice.get().map(|n| view! { <p class="notice" role="status">{n}</p> })}
        <LibraryNotices />
        <div class="layout">
            <aside class="controls" aria-label="Highlights, themes and entities">
                <details class="controls-fold" prop:open=move || wide.get()>
                    <summary>"Highlights, themes and entities"</summary>
                    {move || {
                        panels
                            .get()
                            .then(|| {
                                // Effects run once the views are in the DOM.
                                Effect::new(move |_| {
                                    timing::end_from("lede:panels", "lede:render");
                                    crate::prerender::take_over(reader);
                                });
                                view! {
                                    <Legend />
                                    <ThemeFilter />
                                    <EntityPanel />
                                    <CorrectionsPanel />
                                    <ExportPanel />
                                }
                            })
                    }}
                </details>
            </aside>
            <main id="main" tabindex="-1">
                <AnalysisProgress />
                <CorrectionsAnnouncer />
                {move || {
                    use_reader().failure.get().map(|why| view! {
                        <p class="notice" role="status">{format!("No highlights for this article: {why}.")}</p>
                    })
                }}
                <ArticleView />
            </main>
            {move || panels.get().then(|| view! { <Minimap /> })}
        </div>
        // Hidden until asked for, so built after the article too.
        {move || panels.get().then(|| view! {
            <MentionCard />
            <ShortcutsDialog />
            <OpenArticleDialog />
        })}
    }
}

/// How far the analysis of a long document is: a bar fixed at the top of the
/// window (so that nothing moves when it comes and goes), with its figure in
/// words for those who cannot see it.
#[component]
fn AnalysisProgress() -> impl IntoView {
    let r = use_reader();
    move || {
        let percent = (r.progress.get()? * 100.0).round().clamp(0.0, 100.0) as u32;
        Some(view! {
            <div
                class="progress"
                role="progressbar"
                aria-label="Analysing the article"
                aria-valuemin="0"
                aria-valuemax="100"
                aria-valuenow=percent
            >
                <span class="progress-fill" style:width=format!("{percent}%")></span>
                <span class="progress-text">{format!("Analysing the article… {percent}%")}</span>
            </div>
        })
    }
}

/// Whether to build the panels beside the article (legend, themes, entities,
/// export, minimap), and what shows only when asked for (the mention card,
/// the shortcuts and open-article dialogs): not until the article has been
/// painted. The article is what a reader came for, and on first load every
/// function runs for the first time, slowly, so building the rest first
/// would hold it back by a third; it follows a frame later (the User Timing
/// measure `lede:panels`, from the analysis done to the panels in the DOM).
/// The panels' columns are laid out from the start, so nothing moves when
/// they arrive.
fn panels_after_article() -> RwSignal<bool> {
    let panels = RwSignal::new(false);
    // A frame's callbacks run before its paint; a task queued from one runs after it.
    request_animation_frame(move || {
        // The page may be gone by then (a test unmounting it).
        set_timeout(
            move || {
                panels.try_set(true);
            },
            std::time::Duration::ZERO,
        );
    });
    panels
}

/// Whether the screen is wide enough for the controls beside the article
/// (`style/main.css` puts them above it up to 60rem). On a narrow screen they
/// start folded away, so the article is what a reader sees first; the fold
/// opens and closes only when the width crosses the line, never on other
/// resizes (a phone's address bar hiding), so a reader's choice stands.
fn use_wide_screen() -> RwSignal<bool> {
    let narrow = || {
        window()
            .match_media("(max-width: 60rem)")
            .ok()
            .flatten()
            .is_some_and(|m| m.matches())
    };
    let wide = RwSignal::new(!narrow());
    let handle = window_event_listener(leptos::ev::resize, move |_| {
        let now = !narrow();
        if wide.get_untracked() != now {
            wide.set(now);
        }
    });
    on_cleanup(move || handle.remove());
    wide
}
