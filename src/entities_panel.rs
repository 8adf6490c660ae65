//! Exploring entities: the legend that switches types on and off, the panel
//! listing the document's entities, stepping through the selected entity's
//! mentions, and the card shown on hover or focus.

use std::collections::BTreeSet;

use lede_analysis::{Entities, EntityId, Label, wikidata_url};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::labels::{label_name, label_plural};
use crate::state::{Reader, use_reader};

/// What the legend shows and what its toggles do: the reader's, in the app
/// ([`Legend`]); fixed, in the page the build pre-renders
/// ([`crate::prerender`]), whose toggles work before the app arrives
/// (`src/legend_before_app.js`).
#[derive(Clone, Copy)]
pub struct LegendModel {
    /// The types present, with their counts, in [`Label::ALL`]'s order.
    pub counts: Signal<Vec<(Label, usize)>>,
    pub quotes: Signal<usize>,
    pub hidden: Signal<BTreeSet<Label>>,
    pub quotes_hidden: Signal<bool>,
    /// Switches a type, or with None the quotations, on or off.
    pub toggle: Callback<Option<Label>>,
}

/// How many mentions each type present has, in [`Label::ALL`]'s order.
pub fn type_counts(entities: &Entities) -> Vec<(Label, usize)> {
    let mut n = [0usize; Label::ALL.len()];
    for m in &entities.mentions {
        if let Some(k) = Label::ALL.iter().position(|&l| l == m.label) {
            n[k] += 1;
        }
    }
    Label::ALL
        .into_iter()
        .zip(n)
        .filter(|(_, n)| *n > 0)
        .collect()
}

/// One toggle per entity type present, with its count; and one for quotations.
#[component]
pub fn Legend() -> impl IntoView {
    let r = use_reader();
    let counts = Memo::new(move |_| r.analysis.with(|a| type_counts(&a.entities)));
    legend_view(LegendModel {
        counts: counts.into(),
        quotes: Signal::derive(move || r.analysis.with(|a| a.entities.quotes.len())),
        hidden: r.hidden.into(),
        quotes_hidden: Signal::derive(move || r.view.with(|v| v.quotes_hidden)),
        toggle: Callback::new(move |label: Option<Label>| {
            r.view.update(|v| match label {
                Some(label) => {
                    if !v.hidden.remove(&label) {
                        v.hidden.insert(label);
                    }
                }
                None => v.quotes_hidden = !v.quotes_hidden,
            })
        }),
    })
}

/// The legend's markup: one source for the app and the pre-rendered page.
pub fn legend_view(m: LegendModel) -> impl IntoView {
    let toggles = move || {
        m.counts
            .get()
            .into_iter()
            .map(|(label, n)| {
                let shown = move || m.hidden.with(|h| !h.contains(&label));
                view! {
                    <li>
                        <button
                            type="button"
                            class="type-toggle"
                            data-label=label.as_str()
                            aria-pressed=move || shown().to_string()
                            title=label.description()
                            on:click=move |_| m.toggle.run(Some(label))
                        >
                            <span class="sample" aria-hidden="true">"Ab"</span>
                            <span class="type-name">{label_name(label)}</span>
                            <span class="count">{n}</span>
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="panel legend" aria-labelledby="legend-title">
            <h2 id="legend-title">"Highlights"</h2>
            <ul class="toggles" role="list">
                {toggles}
                <li>
                    <button
                        type="button"
                        class="type-toggle quote-toggle"
                        aria-pressed=move || (!m.quotes_hidden.get()).to_string()
                        title="Text inside quotation marks"
                        on:click=move |_| m.toggle.run(None)
                    >
                        <span class="sample q" aria-hidden="true">"“”"</span>
                        <span class="type-name">"Quotations"</span>
                        <span class="count">{move || m.quotes.get()}</span>
                    </button>
                </li>
            </ul>
        </section>
    }
}

/// How many entities of a type the panel lists before "Show all": a long
/// document has thousands, and the first are the most salient.
const FIRST_LISTED: usize = 50;

/// One type's entities as the panel lists them.
#[derive(Clone, Debug, PartialEq)]
struct Group {
    label: Label,
    /// How many entities the type has.
    total: usize,
    /// Those listed, most salient first.
    listed: Vec<Item>,
}

/// An entity as the panel lists it: a correction rebuilds only the items
/// it changes.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Item {
    id: EntityId,
    name: String,
    count: usize,
    aliases: Option<String>,
}

/// The entities of a reading by type, most salient first; of the types not
/// `expanded`, the first [`FIRST_LISTED`].
fn groups(entities: &Entities, expanded: &BTreeSet<Label>) -> Vec<Group> {
    let mut by_label: Vec<Vec<EntityId>> = vec![Vec::new(); Label::ALL.len()];
    for (id, e) in entities.entities.iter().enumerate() {
        if let Some(k) = Label::ALL.iter().position(|&l| l == e.label) {
            by_label[k].push(EntityId(id));
        }
    }
    Label::ALL
        .into_iter()
        .zip(by_label)
        .filter(|(_, ids)| !ids.is_empty())
        .map(|(label, mut ids)| {
            ids.sort_by(|&x, &y| {
                let (ex, ey) = (&entities.entities[x], &entities.entities[y]);
                ey.salience
                    .total_cmp(&ex.salience)
                    .then(ey.mentions.len().cmp(&ex.mentions.len()))
            });
            let total = ids.len();
            let listed = if expanded.contains(&label) || total <= FIRST_LISTED + 10 {
                total
            } else {
                FIRST_LISTED
            };
            let listed = ids[..listed]
                .iter()
                .map(|&id| {
                    let e = &entities.entities[id];
                    Item {
                        id,
                        name: e.name.clone(),
                        count: e.mentions.len(),
                        aliases: (!e.aliases.is_empty()).then(|| e.aliases.join(", ")),
                    }
                })
                .collect();
            Group {
                label,
                total,
                listed,
            }
        })
        .collect()
}

/// The entities of the document by type, most salient first.
#[component]
pub fn EntityPanel() -> impl IntoView {
    let r = use_reader();
    // The types whose every entity is listed.
    let expanded = RwSignal::new(BTreeSet::<Label>::new());
    // Selecting another entity wakes its button and the one selected
    // before, not every button listed.
    let is_selected = Selector::new(move || r.selected.get());
    let groups = Memo::new(move |_| {
        r.analysis
            .with(|a| expanded.with(|x| groups(&a.entities, x)))
    });
    let group_view = move |label: Label| {
        let of = move |f: fn(&Group) -> usize| {
            groups.with(|g| g.iter().find(|g| g.label == label).map_or(0, f))
        };
        let items = move || {
            groups.with(|g| {
                g.iter()
                    .find(|g| g.label == label)
                    .map(|g| g.listed.clone())
                    .unwrap_or_default()
            })
        };
        let is_selected = is_selected.clone();
        let more = move || {
            let (total, listed) = (of(|g| g.total), of(|g| g.listed.len()));
            (listed < total).then(|| {
                view! {
                    <button
                        type="button"
                        class="show-all"
                        on:click=move |_| expanded.update(|x| {
                            x.insert(label);
                        })
                    >
                        {format!("Show all {total} {}", label_plural(label).to_lowercase())}
                    </button>
                }
            })
        };
        let heading_id = format!("group-{}", label.as_str());
        let labelled_by = heading_id.clone();
        view! {
            <section class="group" aria-labelledby=labelled_by>
                <h3 id=heading_id data-label=label.as_str()>{label_plural(label)}</h3>
                <ul role="list">
                    <For each=items key=|item| item.clone() let:item>
                        {entity_item(r, &is_selected, item)}
                    </For>
                </ul>
                {more}
            </section>
        }
    };
    let labels = move || groups.with(|g| g.iter().map(|g| g.label).collect::<Vec<_>>());
    view! {
        <section class="panel entities" aria-labelledby="entities-title">
            <h2 id="entities-title">"Entities"</h2>
            <SelectedEntity />
            <div class="groups">
                <For each=labels key=|l| *l let:label>
                    {group_view(label)}
                </For>
            </div>
        </section>
    }
}

fn entity_item(
    r: Reader,
    is_selected: &Selector<Option<EntityId>>,
    item: Item,
) -> impl IntoView + use<> {
    let Item {
        id,
        name,
        count,
        aliases,
    } = item;
    let is_selected = is_selected.clone();
    let selected = move || is_selected.selected(&Some(id));
    view! {
        <li>
            <button
                type="button"
                class="entity"
                aria-pressed=move || selected().to_string()
                on:click=move |_| r.toggle_entity(id)
            >
                <span class="entity-name">{name}</span>
                <span class="count">{count}</span>
                {aliases.map(|a| view! { <span class="aliases">{a}</span> })}
            </button>
        </li>
    }
}

/// The selected entity: where we are among its mentions, and what to do with it.
#[component]
fn SelectedEntity() -> impl IntoView {
    let r = use_reader();
    move || {
        let id = r.selected.get()?;
        let (name, label, mentions, wikidata) = r.analysis.with(|a| {
            let e = &a.entities.entities[id];
            let spans: Vec<_> = e
                .mentions
                .iter()
                .map(|&m| a.entities.mentions[m].span)
                .collect();
            (e.name.clone(), e.label, spans, e.wikidata.clone())
        });
        let total = mentions.len();
        let mentions = StoredValue::new(mentions);
        let position = move || {
            let step = r.mention_step.get()?;
            mentions.with_value(|m| m.iter().position(|&x| x == step))
        };
        let status = move || match position() {
            Some(p) => format!("Mention {} of {total}", p + 1),
            None => format!("{total} mentions"),
        };
        let only = move || r.view.with(|v| v.only_entity);
        Some(view! {
            <div class="selected" role="group" aria-label=format!("Selected: {name}")>
                <p class="selected-name">
                    <strong>{name.clone()}</strong>
                    " · " {label_name(label)}
                    {wikidata.map(|q| view! {
                        " · "
                        <a href=wikidata_url(&q) target="_blank" rel="noopener noreferrer">
                            "Wikidata " {q.clone()}
                        </a>
                    })}
                </p>
                <p class="status" aria-live="polite">{status}</p>
                <div class="stepper">
                    <button type="button" on:click=move |_| r.step_mention(-1)>"Previous mention"</button>
                    <button type="button" on:click=move |_| r.step_mention(1)>"Next mention"</button>
                    <button
                        type="button"
                        aria-pressed=move || only().to_string()
                        on:click=move |_| r.view.update(|v| v.only_entity = !v.only_entity)
                    >
                        "Only paragraphs that mention it"
                    </button>
                    <button
                        type="button"
                        on:click=move |_| r.clear_selection()
                    >
                        "Clear selection"
                    </button>
                </div>
            </div>
        })
    }
}

/// The id of the mention card.
const CARD_ID: &str = "mention-card";
/// The mention card, as a selector.
pub const CARD: &str = "#mention-card";

/// Whether the pointer, leaving an element, goes onto one matching `selector`
/// or into it.
pub fn pointer_goes_into(ev: &web_sys::MouseEvent, selector: &str) -> bool {
    ev.related_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.closest(selector), Ok(Some(_))))
}

/// The card for the hovered or focused mention. The pointer can move onto it
/// (to follow its Wikidata link) and Esc dismisses it (`src/shortcuts.rs`).
#[component]
pub fn MentionCard() -> impl IntoView {
    let r = use_reader();
    // Off the card and not back onto a mention (which shows its own card).
    let leave = move |ev: web_sys::MouseEvent| {
        if !pointer_goes_into(&ev, "[data-mention]") {
            r.hide_card();
        }
    };
    move || {
        let (span, x, y) = r.card.get()?;
        let card = r.analysis.with(|a| {
            let mention = &a.entities.mentions[a.entities.mention_at(span)?];
            let e = &a.entities.entities[mention.entity];
            Some((e.clone(), mention.label, mention.why.to_string()))
        });
        let (e, label, why) = card?;
        let count = e.mentions.len();
        Some(view! {
            <div class="card" role="tooltip" id=CARD_ID style:left=format!("{x:.0}px") style:top=format!("{:.0}px", y + 6.0) on:mouseleave=leave>
                <p class="card-type" data-label=label.as_str()>{label_name(label)}</p>
                <p class="card-name">{e.name.clone()}</p>
                {(!e.aliases.is_empty()).then(|| view! { <p>"Also: " {e.aliases.join(", ")}</p> })}
                <p>{format!("{count} mention{}", if count == 1 { "" } else { "s" })}</p>
                <p class="card-why">"Found by: " {why}</p>
                {e.wikidata.map(|q| {
                    let title = format!("{} on Wikidata", e.name);
                    let href = wikidata_url(&q);
                    // Out of the tab order: the keyboard reaches the same link in the
                    // entity panel, by selecting the entity (Enter on the mention).
                    view! {
                        <p>
                            "Wikidata: "
                            <a href=href target="_blank" rel="noopener noreferrer" tabindex="-1" title=title>
                                {q}
                            </a>
                        </p>
                    }
                })}
            </div>
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_panel_counts_what_the_legend_counts() {
        use lede_analysis::corrections::{self, Anchor, Correction, Scope};
        use lede_analysis::{Document, Span, recognize};
        let doc = Document::parse(
            "Talks\n\nReuters said Portugal met Brazil in Lisbon. Later Portugal and Reuters agreed in Lisbon.",
        );
        let text = doc.text();
        let at = |s: &str, n: usize| {
            let i = text.match_indices(s).nth(n).unwrap().0;
            Anchor::at(text, Span::new(i, i + s.len()))
        };
        // (what, corrections)
        let cases = [
            ("none", vec![]),
            (
                "a merge across types",
                vec![Correction::Merge {
                    target: at("Reuters", 0),
                    into: at("Portugal", 0),
                }],
            ),
            (
                "a retype of one mention, then of every one",
                vec![
                    Correction::Retype {
                        target: at("Lisbon", 0),
                        label: Label::Loc,
                        scope: Scope::One,
                    },
                    Correction::Retype {
                        target: at("Brazil", 0),
                        label: Label::Loc,
                        scope: Scope::All,
                    },
                ],
            ),
        ];
        let all: BTreeSet<Label> = Label::ALL.into_iter().collect();
        for (what, list) in cases {
            let read = corrections::apply(&doc, &recognize(&doc), &list).entities;
            let panel: Vec<(Label, usize)> = groups(&read, &all)
                .iter()
                .map(|g| (g.label, g.listed.iter().map(|i| i.count).sum()))
                .collect();
            assert_eq!(panel, type_counts(&read), "{what}");
        }
    }

    #[test]
    fn the_card_selector_names_the_card() {
        assert_eq!(CARD, format!("#{CARD_ID}"));
    }
}
