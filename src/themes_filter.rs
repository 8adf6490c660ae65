//! Filtering the article by theme: the chips, any/all, dim/hide, the reader's
//! own themes, the markers in each paragraph's margin, and which paragraphs pass.

use std::collections::BTreeSet;

use lede_analysis::themes::{ParagraphThemes, Theme, builtin_theme_labels};
use lede_analysis::{BlockId, Span};
use leptos::prelude::*;

use crate::state::{Analyzed, Reader, use_reader};
use crate::storage::{self, Change};
use crate::view_state::{Match, Outside};

/// Fills `custom` with the reader's own themes once they are read from
/// storage, and again whenever another tab adds or deletes one.
pub fn load_custom_themes(custom: RwSignal<Vec<Theme>>) {
    let load = move |first: bool| {
        leptos::task::spawn_local(async move {
            let mut themes = storage::load_themes().await;
            if first {
                // A theme added before storage answered is kept too.
                let added: Vec<Theme> = custom.with_untracked(|c| {
                    c.iter()
                        .filter(|t| !themes.iter().any(|s| s.id == t.id))
                        .cloned()
                        .collect()
                });
                themes.extend(added);
            }
            if custom.with_untracked(|c| *c != themes) {
                custom.try_set(themes);
            }
        });
    };
    load(true);
    storage::when_other_tabs_change(Change::Themes, move || load(false));
}

/// Keeps `theme`, or says why not in `notice`.
fn save_custom_theme(theme: Theme, notice: RwSignal<Option<String>>) {
    leptos::task::spawn_local(async move {
        notice.try_set(storage::add_theme(&theme).await.err());
    });
}

/// Deletes the kept theme `id`, or says why not in `notice`.
fn delete_custom_theme(id: String, notice: RwSignal<Option<String>>) {
    leptos::task::spawn_local(async move {
        notice.try_set(storage::delete_theme(&id).await.err());
    });
}

/// The themes of block `block`: the report holds paragraphs in the text's
/// order, so a binary search finds it (each built block asks).
fn paragraph_of(a: &Analyzed, block: BlockId) -> Option<&ParagraphThemes> {
    let ps = &a.themes.paragraphs;
    ps.binary_search_by_key(&block, |p| p.block)
        .ok()
        .map(|k| &ps[k])
}

/// The evidence spans of block `block`, with the index of their theme.
pub fn evidence_in(a: &Analyzed, block: BlockId) -> Vec<(usize, Span)> {
    paragraph_of(a, block)
        .map(|p| {
            p.evidence
                .iter()
                .filter_map(|e| Some((a.theme_index(&e.theme)?, e.span)))
                .collect()
        })
        .unwrap_or_default()
}

/// The blocks that pass the `chosen` themes, or None when none is chosen.
pub fn passing_blocks(
    a: &Analyzed,
    chosen: &[String],
    matching: Match,
) -> Option<BTreeSet<BlockId>> {
    if chosen.is_empty() {
        return None;
    }
    Some(
        a.themes
            .paragraphs
            .iter()
            .filter(|p| {
                let about = |t: &String| p.is_about(t);
                match matching {
                    Match::Any => chosen.iter().any(about),
                    Match::All => chosen.iter().all(about),
                }
            })
            .map(|p| p.block)
            .collect(),
    )
}

/// The small markers in the margin of paragraph `block`, one per theme it is
/// about, for `src/article/fill_block.js` to draw with the paragraph's text: each
/// its colour, the theme's initial (colour is not the only cue), its id, and
/// its score with the terms that made it, as a tooltip; fields apart by tabs,
/// markers by newlines (a tab or newline inside a field becomes a space).
pub fn margin_markers(a: &Analyzed, text: &str, block: BlockId) -> String {
    let Some(p) = paragraph_of(a, block) else {
        return String::new();
    };
    let mut out = String::new();
    for id in &p.about {
        let Some(theme) = a.theme_index(id).map(|t| &a.theme_list[t]) else {
            continue;
        };
        // A quotation paragraph that goes on with an earlier one shows that
        // paragraph's score and words.
        let source = p.continues.and_then(|b| paragraph_of(a, b)).unwrap_or(p);
        let score = source.score(id).unwrap_or_default();
        // The words as the paragraph has them ("40 years ago", not the
        // lexicon's "#number years ago"), each once.
        let mut terms: Vec<&str> = Vec::new();
        for e in source.evidence.iter().filter(|e| &e.theme == id) {
            let words = e.span.slice(text);
            if !terms.iter().any(|t| t.eq_ignore_ascii_case(words)) {
                terms.push(words);
            }
        }
        // In tenths, as integers: formatting a float to one place runs
        // several large functions on a first visit.
        let tenths = (score * 10.0).round() as u32;
        let initial: String = theme
            .name
            .chars()
            .next()
            .unwrap_or('?')
            .to_uppercase()
            .collect();
        let before = if p.continues.is_some() {
            "the paragraph before, "
        } else if p.from_headline.contains(id) {
            "with the headline, "
        } else {
            ""
        };
        let tip = format!(
            "{}: {before}score {}.{} from {}",
            theme.name,
            tenths / 10,
            tenths % 10,
            terms.join(", ")
        );
        let field = |s: &str| s.replace(['\t', '\n'], " ");
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(
            &[theme.colour.as_str(), &initial, &theme.id, &tip]
                .map(field)
                .join("\t"),
        );
    }
    out
}

/// The theme chips and the controls that say how they filter.
#[component]
pub fn ThemeFilter() -> impl IntoView {
    let r = use_reader();
    let notice = RwSignal::new(None::<String>);
    // The reader's kept themes the analysis left out: only when that set
    // changes is each refused theme checked again for why.
    let left_out = Memo::new(move |_| left_out(r));
    let refused = Memo::new(move |_| left_out.with(|t| why_refused(r, t)));
    let builtin = builtin_theme_labels();
    // A theme the reader deletes goes at once, before the analysis without
    // it comes back from the worker.
    let shown = move |theme: &Theme| {
        builtin.iter().any(|b| b.id == theme.id)
            || r.custom_themes.with(|c| c.iter().any(|t| t.id == theme.id))
    };
    let chips = move || {
        r.analysis.with(|a| {
            a.theme_list
                .iter()
                .zip(&a.themes.totals)
                .filter(|(theme, _)| shown(theme))
                .map(|(theme, total)| {
                    let id = theme.id.clone();
                    let id2 = id.clone();
                    let pressed = move || r.view.with(|v| v.themes.contains(&id));
                    let custom = r.custom_themes.with(|c| c.iter().any(|t| t.id == theme.id));
                    let delete = custom.then(|| {
                        let id = theme.id.clone();
                        let name = theme.name.clone();
                        view! {
                            <button
                                type="button"
                                class="chip-delete"
                                aria-label=format!("Delete theme {name}")
                                on:click=move |_| {
                                    r.view.update(|v| v.themes.retain(|t| t != &id));
                                    r.custom_themes.update(|c| c.retain(|t| t.id != id));
                                    delete_custom_theme(id.clone(), notice);
                                }
                            >
                                "×"
                            </button>
                        }
                    });
                    view! {
                        <li class="chip-item">
                            <button
                                type="button"
                                class="chip"
                                style:--c=theme.colour.clone()
                                aria-pressed=move || pressed().to_string()
                                title=theme.description.clone()
                                on:click=move |_| {
                                    r.view.update(|v| {
                                        if let Some(i) = v.themes.iter().position(|t| t == &id2) {
                                            v.themes.remove(i);
                                        } else {
                                            v.themes.push(id2.clone());
                                        }
                                    })
                                }
                            >
                                <span class="swatch" aria-hidden="true"></span>
                                <span class="chip-name">{theme.name.clone()}</span>
                                <span class="count">
                                    {total.paragraphs}
                                </span>
                            </button>
                            {delete}
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let all = move || r.view.with(|v| v.matching == Match::All);
    let hide = move || r.view.with(|v| v.outside == Outside::Hide);
    let some_chosen = move || r.view.with(|v| !v.themes.is_empty());
    let shown_count = move || {
        r.themed.with(|p| {
            p.as_ref().map(|p| {
                let total = r.analysis.with(|a| a.themes.paragraphs.len());
                format!("{} of {} paragraphs", p.len(), total)
            })
        })
    };

    view! {
        <section class="panel themes" aria-labelledby="themes-title">
            <h2 id="themes-title">"Themes"</h2>
            <ul class="chips" role="list">{chips}</ul>
            <div class="filter-options" role="group" aria-label="How themes filter">
                <button
                    type="button"
                    class="option"
                    aria-pressed=move || all().to_string()
                    on:click=move |_| r.view.update(|v| {
                        v.matching = if v.matching == Match::All { Match::Any } else { Match::All }
                    })
                >
                    "Match all chosen"
                </button>
                <button
                    type="button"
                    class="option"
                    aria-pressed=move || hide().to_string()
                    on:click=move |_| r.view.update(|v| {
                        v.outside = if v.outside == Outside::Hide { Outside::Dim } else { Outside::Hide }
                    })
                >
                    "Hide other paragraphs"
                </button>
                <button
                    type="button"
                    class="option"
                    disabled=move || !some_chosen()
                    on:click=move |_| r.view.update(|v| v.themes.clear())
                >
                    "Clear themes"
                </button>
            </div>
            <p class="status" aria-live="polite">{shown_count}</p>
            <SuggestedTheme notice />
            <CustomThemeForm notice />
            {move || notice.get().map(|n| view! { <p class="notice" role="status">{n}</p> })}
            {move || refused.get().map(|n| view! { <p class="notice" role="status">{n}</p> })}
        </section>
    }
}

/// The reader's kept themes that the analysis could not use (a term it
/// cannot read, or their name is taken: written by hand or by another
/// version).
fn left_out(r: Reader) -> Vec<Theme> {
    r.custom_themes.with(|c| {
        r.analysis.with(|a| {
            c.iter()
                .filter(|t| a.theme_index(&t.id).is_none())
                .cloned()
                .collect()
        })
    })
}

/// What to tell the reader of the themes `left_out`: they stay kept, and
/// why they are not used, in the lexicon's words as the analysis gave them.
/// None if there are none.
fn why_refused(r: Reader, left_out: &[Theme]) -> Option<String> {
    let why: Vec<String> = r.analysis.with(|a| {
        left_out
            .iter()
            .map(|t| {
                let reason = a
                    .notes
                    .refused
                    .iter()
                    .find(|(id, _)| *id == t.id)
                    .map_or("its name is taken", |(_, why)| why.as_str());
                format!("Your theme “{}” is kept but not used: {reason}.", t.name)
            })
            .collect()
    });
    (!why.is_empty()).then(|| why.join(" "))
}

/// Adds a reader's theme, saves the reader's themes and chooses the new one;
/// the message says why not (a theme of that name exists).
fn add_custom_theme(
    r: Reader,
    theme: Theme,
    notice: RwSignal<Option<String>>,
) -> Result<(), String> {
    if r.analysis.with(|a| a.theme_index(&theme.id).is_some()) {
        return Err(format!("There is already a theme called “{}”.", theme.name));
    }
    let id = theme.id.clone();
    r.custom_themes.update(|c| c.push(theme.clone()));
    save_custom_theme(theme, notice);
    r.view.update(|v| v.themes.push(id));
    Ok(())
}

/// The article's key terms, offered as a theme in one step when the themes
/// find little in it (an article on another subject than the built-in themes').
#[component]
fn SuggestedTheme(notice: RwSignal<Option<String>>) -> impl IntoView {
    let r = use_reader();
    let error = RwSignal::new(None::<String>);
    // The analysis finds them, only when its themes find little.
    let terms = Memo::new(move |_| r.analysis.with(|a| a.notes.key_terms.clone()));
    let make = move |_| {
        let terms = terms.get();
        let Some(first) = terms.first() else { return };
        let mut name = first.clone();
        if let Some(c) = name.get(..1) {
            name.replace_range(..1, &c.to_uppercase());
        }
        let result = Theme::custom(&name, &terms)
            .map_err(|e| e.to_string())
            .and_then(|theme| add_custom_theme(r, theme, notice));
        error.set(result.err());
    };
    move || {
        (!terms.with(Vec::is_empty)).then(|| {
            view! {
                <div class="suggested" role="group" aria-labelledby="suggested-title">
                    <p id="suggested-title">
                        "These themes find little in this article. Its key terms:"
                    </p>
                    <ul class="key-terms" role="list">
                        {terms.get().into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}
                    </ul>
                    <button type="button" on:click=make>
                        "Make a theme of these terms"
                    </button>
                    {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                </div>
            }
        })
    }
}

/// Creates a reader's own theme from a name and comma-separated words or phrases.
#[component]
fn CustomThemeForm(notice: RwSignal<Option<String>>) -> impl IntoView {
    let r = use_reader();
    let name = RwSignal::new(String::new());
    let terms = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let list: Vec<String> = terms
            .get()
            .split([',', ';', '\n'])
            .map(|t| t.trim().to_owned())
            .collect();
        let added = Theme::custom(&name.get(), &list)
            .map_err(|e| e.to_string())
            .and_then(|theme| add_custom_theme(r, theme, notice));
        match added {
            Ok(()) => {
                name.set(String::new());
                terms.set(String::new());
                error.set(None);
            }
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <details class="custom-theme">
            <summary>"Add your own theme"</summary>
            <form on:submit=submit>
                <label>
                    "Name"
                    <input type="text" bind:value=name required />
                </label>
                <label>
                    "Words or phrases, separated by commas"
                    <input type="text" bind:value=terms required />
                </label>
                <button type="submit">"Add theme"</button>
                {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            </form>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use lede_analysis::Document;

    use super::*;

    #[test]
    fn a_markers_tip_gives_the_paragraphs_own_words_each_once() {
        // "meeting" is an exact-form term (`=meeting`) and "40 years ago" a
        // numeral's (`#number years ago`): the tip reads as the text does.
        let doc = Document::parse(
            "Talks\n\nThe two presidents held a meeting on trade 40 years ago, and another \
             Meeting a decade later. Trade talks went on, and trade grew.",
        );
        let a = Analyzed::of(&doc, &[]);
        let markers = margin_markers(&a, doc.text(), BlockId(1));
        let tip = |theme: &str| {
            markers
                .lines()
                .find(|m| m.split('\t').nth(2) == Some(theme))
                .and_then(|m| m.split('\t').nth(3))
                .unwrap_or_else(|| panic!("no {theme} marker in {markers:?}"))
                .to_owned()
        };
        let dialogue = tip("dialogue");
        assert!(
            dialogue.ends_with(" from held a meeting, Meeting"),
            "{dialogue}"
        );
        let history = tip("history");
        assert!(history.contains("40 years ago"), "{history}");
        let economy = tip("economy");
        assert!(economy.ends_with(" from trade, Trade talks"), "{economy}");
        for tip in markers.lines().filter_map(|m| m.split('\t').nth(3)) {
            assert!(!tip.contains(['#', '=']), "the lexicon's notation: {tip}");
        }
    }
}
