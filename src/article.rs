//! The article as a reader sees it: headline, byline, body and closing note.

use lede_analysis::{BlockKind, Document};
use leptos::prelude::*;

/// Renders a parsed document as an `<article>`. Text is only ever rendered as text.
#[component]
pub fn ArticleView(#[prop(into)] document: Signal<Document>) -> impl IntoView {
    move || {
        let doc = document.get();
        let byline = doc.byline().map(|b| {
            let author = b.author.to_owned();
            let publication = b.publication.map(str::to_owned);
            view! {
                <p class="byline">
                    "By " <span class="author">{author}</span>
                    {publication.map(|p| view! { " · " <span class="publication">{p}</span> })}
                </p>
            }
        });
        let title = doc.title().map(|t| view! { <h1>{t.to_owned()}</h1> });
        let body = doc
            .blocks()
            .iter()
            .filter(|b| b.kind == BlockKind::Paragraph)
            .map(|b| view! { <p>{doc.block_text(b).to_owned()}</p> })
            .collect_view();
        let notes = doc
            .blocks_of(BlockKind::Note)
            .map(|b| {
                view! {
                    <aside class="note" role="note" aria-label="Note">
                        <p>{doc.block_text(b).to_owned()}</p>
                    </aside>
                }
            })
            .collect_view();
        view! {
            <article class="article" lang="en">
                <header class="article-head">{title} {byline}</header>
                <div class="article-body">{body}</div>
                <footer class="article-foot">{notes}</footer>
            </article>
        }
    }
}
