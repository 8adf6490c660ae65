//! A slim strip beside the article showing where the selected entity, the chosen
//! themes and the search matches occur across the whole document. Clicking a
//! mark jumps there. It repeats what the keyboard reaches through "Next mention",
//! "Next match" and the theme filter, so it is hidden from assistive technology.

use leptos::prelude::*;

use crate::scroll::scroll_to;
use crate::state::use_reader;

#[component]
pub fn Minimap() -> impl IntoView {
    let r = use_reader();
    let marks = move || {
        let len = r.document.with(|d| d.text().len().max(1)) as f64;
        let at = move |byte: usize| format!("top: {:.2}%", byte as f64 / len * 100.0);
        let mut views = Vec::new();

        // Paragraphs about a chosen theme, in the theme's colour.
        let chosen = r.view.with(|v| v.themes.clone());
        if !chosen.is_empty() {
            r.document.with(|d| {
                r.analysis.with(|a| {
                    for p in &a.themes.paragraphs {
                        let Some(id) = chosen.iter().find(|t| p.is_about(t)) else {
                            continue;
                        };
                        let Some(t) = a.theme_index(id) else { continue };
                        let span = d.blocks()[p.block].span;
                        let height = (span.len() as f64 / len * 100.0).max(0.5);
                        let block = p.block;
                        views.push(
                            view! {
                                <div
                                    class="mark theme"
                                    style=format!("{}; height: {height:.2}%; --c: {}", at(span.start), a.theme_list[t].colour)
                                    on:click=move |_| scroll_to(&format!("#block-{block}"), false)
                                ></div>
                            }
                            .into_any(),
                        );
                    }
                })
            });
        }
        if let Some(e) = r.selected.get() {
            r.analysis.with(|a| {
                for &m in &a.entities.entities[e].mentions {
                    let start = a.entities.mentions[m].span.start;
                    views.push(
                        view! {
                            <div
                                class="mark entity"
                                style=at(start)
                                on:click=move |_| {
                                    r.mention_step.set(Some(m));
                                    scroll_to(&format!("[data-mention=\"{m}\"]"), true)
                                }
                            ></div>
                        }
                        .into_any(),
                    );
                }
            });
        }
        r.matches.with(|blocks| {
            for (k, s) in blocks.iter().flatten().enumerate() {
                views.push(
                    view! {
                        <div
                            class="mark hit"
                            style=at(s.start)
                            on:click=move |_| {
                                r.match_step.set(Some(k));
                                scroll_to(&format!("[data-hit=\"{k}\"]"), false)
                            }
                        ></div>
                    }
                    .into_any(),
                );
            }
        });
        views
    };
    view! { <div class="minimap" aria-hidden="true">{marks}</div> }
}
