//! The "Corrections" panel: what is targeted in the text and what can be
//! done to it, undo and redo, the list of corrections (each with a jump to
//! it and a way to drop it), the reset, and the corrections file. Also the
//! keys that correct, and the live region that says each change.

use lede_analysis::corrections::Scope;
use lede_analysis::{Entities, Label, Span};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::Target;
use super::keys::{Press, Step, Then, step};
use crate::labels::label_name;
use crate::state::{Reader, use_reader};

/// Says each correction to screen readers. Outside the panel, which may be
/// folded away (a live region that is not rendered says nothing).
#[component]
pub fn CorrectionsAnnouncer() -> impl IntoView {
    let r = use_reader();
    view! { <p class="sr-only" role="status" aria-live="polite">{move || r.announcement.get()}</p> }
}

/// What the target is, for the panel: its words, and for a mention its
/// label, its entity (by its first mention) and name, and the quotation
/// around it.
#[derive(Clone, Debug, PartialEq)]
struct Aim {
    target: Target,
    words: String,
    mention: Option<(Label, Span, String)>,
    quote: Option<Span>,
}

fn aim(r: Reader) -> Option<Aim> {
    let target = r.target.get()?;
    let span = target.span();
    let words = r
        .document
        .with(|d| d.text().get(span.start..span.end).map(str::to_owned))?;
    r.analysis.with(|a| {
        let e = &a.entities;
        let mention = match target {
            Target::Mention(s) => {
                let m = &e.mentions[e.mention_at(s)?];
                let entity = &e.entities[m.entity];
                let first = e.mentions[*entity.mentions.first()?].span;
                Some((m.label, first, entity.name.clone()))
            }
            Target::Words(_) => None,
        };
        let q = e.quotes.partition_point(|q| q.span.start <= span.start);
        let quote = q
            .checked_sub(1)
            .map(|q| e.quotes[q].span)
            .filter(|q| q.contains(span));
        Some(Aim {
            target,
            words,
            mention,
            quote,
        })
    })
}

#[component]
pub fn CorrectionsPanel() -> impl IntoView {
    let r = use_reader();
    let aim = Memo::new(move |_| aim(r));
    let label = RwSignal::new(Label::Org);
    let then = RwSignal::new(None::<Then>);
    let type_list = NodeRef::<leptos::html::Select>::new();
    let merge_list = NodeRef::<leptos::html::Select>::new();
    let merge_into = RwSignal::new(String::new());
    let speaker = RwSignal::new(String::new());

    // The type list starts at the targeted mention's own type, so that what
    // it shows is true of the mention until the reader picks another.
    Effect::new(move |_| {
        if let Some((l, _, _)) = aim.with(|a| a.as_ref().and_then(|a| a.mention.clone())) {
            label.set(l);
            // An option the reader has picked no longer follows its
            // `selected` attribute: the list itself is told.
            if let Some(list) = type_list.get_untracked() {
                list.set_value(l.as_str());
            }
        }
    });

    let run = move |t: Then| {
        let Some(a) = aim.get_untracked() else { return };
        let span = a.target.span();
        let to = label.get_untracked();
        match (t, a.target, a.mention) {
            (Then::Add, Target::Words(_), _) => r.add_entity(span, to),
            (Then::Retype(Scope::One), Target::Mention(_), Some((l, ..))) if l == to => {
                r.announcement.set(format!(
                    "“{}” is already of the type {}: choose another type first.",
                    a.words,
                    label_name(l)
                ));
            }
            (Then::Retype(scope), Target::Mention(_), _) => r.retype(span, to, scope),
            _ => {}
        }
        then.set(None);
    };
    let merge = move || {
        let Some(Aim {
            target: Target::Mention(span),
            ..
        }) = aim.get_untracked()
        else {
            return;
        };
        if let Some(into) = Choice::parse(&merge_into.get_untracked()) {
            r.merge(span, into);
        }
    };
    let focus = |list: NodeRef<leptos::html::Select>| {
        if let Some(el) = list.get_untracked() {
            let _ = el.focus();
        }
    };

    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        let in_field = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| {
                matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                    || el.closest("[contenteditable]").ok().flatten().is_some()
            });
        let key = ev.key();
        let press = Press {
            key: &key,
            command: ev.ctrl_key() || ev.meta_key(),
            shift: ev.shift_key(),
            alt: ev.alt_key(),
            in_field,
        };
        // Keys that act on what is targeted act only from the article or
        // this panel: elsewhere the reader has moved on.
        // (A click on words leaves the focus on what holds the article: the
        // page's body, or <main>, focusable as the skip link's target.)
        let near = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| {
                el.closest("article, .corrections").ok().flatten().is_some()
                    || el.query_selector("article").ok().flatten().is_some()
            });
        let target = r.target.get_untracked().filter(|_| near);
        let Some(s) = step(press, target) else {
            return;
        };
        ev.prevent_default();
        let span = r.target.get_untracked().map(Target::span);
        match (s, span) {
            (Step::Undo, _) => r.undo_correction(),
            (Step::Redo, _) => r.redo_correction(),
            (Step::ChooseType(t), _) => {
                then.set(Some(t));
                focus(type_list);
            }
            (Step::Remove(scope), Some(span)) => r.remove_mention(span, scope),
            (Step::ChooseMerge, _) => focus(merge_list),
            (Step::Split, Some(span)) => r.split(span),
            _ => {}
        }
    });
    on_cleanup(move || handle.remove());

    let on_type_key = move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
        "Enter" => {
            ev.prevent_default();
            let t = then.get_untracked().or_else(|| {
                aim.get_untracked().map(|a| match a.target {
                    Target::Words(_) => Then::Add,
                    Target::Mention(_) => Then::Retype(Scope::One),
                })
            });
            if let Some(t) = t {
                run(t);
            }
        }
        "Escape" => then.set(None),
        _ => {}
    };
    let on_merge_key = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Enter" {
            ev.prevent_default();
            merge();
        }
    };

    let type_options = Label::ALL
        .into_iter()
        .map(|l| {
            view! {
                <option value=l.as_str() selected=move || label.get() == l>
                    {format!("{} ({})", label_name(l), l.as_str())}
                </option>
            }
        })
        .collect_view();

    let target_line = move || match aim.get() {
        None => "Select words in the article, or a highlighted mention, to correct it.".to_owned(),
        Some(Aim {
            words,
            mention: Some((l, _, name)),
            ..
        }) => format!("Mention “{words}”: {}, of {name}.", label_name(l)),
        Some(Aim { words, .. }) => format!("Selected: “{words}”."),
    };
    let is_words =
        move || aim.with(|a| matches!(a, Some(a) if matches!(a.target, Target::Words(_))));
    let is_mention = move || aim.with(|a| a.as_ref().is_some_and(|a| a.mention.is_some()));
    let words = move || aim.with(|a| a.as_ref().map(|a| a.words.clone()).unwrap_or_default());
    let span = move || aim.with_untracked(|a| a.as_ref().map(|a| a.target.span()));

    // The entities to merge with or to name as a speaker: one list for both,
    // which a correction changes only where its entities change (a long
    // document has hundreds), each option keyed, so that nothing else is
    // rebuilt; the targeted mention's own entity is disabled.
    let entity_options = Memo::new(move |_| r.analysis.with(|a| choices(&a.entities)));
    let own = Selector::new(move || {
        aim.with(|a| a.as_ref().and_then(|a| a.mention.as_ref().map(|m| m.1)))
    });
    let in_quote = move || aim.with(|a| a.as_ref().is_some_and(|a| a.quote.is_some()));
    let set_speaker = move |_| {
        let Some(quote) = aim.with_untracked(|a| a.as_ref().and_then(|a| a.quote)) else {
            return;
        };
        let who = speaker.get_untracked();
        let who = if who.is_empty() {
            None
        } else {
            Choice::parse(&who)
        };
        r.set_speaker(quote, who);
    };
    let entity_option_views = move || {
        let own = own.clone();
        view! {
            <For each=move || entity_options.get() key=|o| o.clone() let:o>
                {
                    let own = own.clone();
                    let (first, value) = (o.first, o.value());
                    view! { <option value=value disabled=move || own.selected(&Some(first))>{o.text}</option> }
                }
            </For>
        }
    };
    // Each list is built when the reader first goes to its control (focus
    // comes before a click opens it): a long document has hundreds of
    // entities, every option is an element each style pass visits, and
    // building them all costs several frames. Once built, a list is kept:
    // a correction changes only the options whose entities change.
    let merge_wanted = RwSignal::new(false);
    let speaker_wanted = RwSignal::new(false);
    let merge_options = entity_option_views.clone();
    let speaker_options = entity_option_views;
    let list = move || {
        let dropped_ids: Vec<usize> = r
            .analysis
            .with(|a| a.marks.dropped.iter().map(|d| d.index).collect());
        r.corrections.with(|h| {
            h.list()
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let said = c.describe();
                    let gone = dropped_ids.contains(&i);
                    view! {
                        <li class:dropped=gone>
                            <span class="said">{said.clone()}</span>
                            {gone.then(|| view! { <span class="why">" (not placed)"</span> })}
                            <button type="button" aria-label=format!("Go to: {said}") disabled=gone
                                on:click=move |_| r.go_to_correction(i)>"Go to"</button>
                            <button type="button" aria-label=format!("Drop: {said}")
                                on:click=move |_| r.drop_correction(i)>"Drop"</button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let count = move || r.corrections.with(|h| h.list().len());
    let dropped = move || {
        if r.progress.get().is_some() {
            return Vec::new();
        }
        r.analysis.with(|a| {
            a.marks
                .dropped
                .iter()
                .map(|d| d.why.clone())
                .collect::<Vec<_>>()
        })
    };
    let reset = move |_| {
        let n = count();
        let sure = window()
            .confirm_with_message(&format!(
                "Drop all {n} corrections and go back to the engine's reading? (Undo brings them back.)"
            ))
            .unwrap_or(false);
        if sure {
            r.reset_corrections();
        }
    };
    let export = move |_| {
        let file = format!("{}.corrections.json", crate::export_panel::file_stem(r));
        let said =
            match crate::export_panel::download(&file, "application/json", &r.corrections_file()) {
                Ok(()) => format!("Downloaded {file}."),
                Err(_) => "The browser would not start the download.".to_owned(),
            };
        r.announcement.set(said);
    };
    let import = move |ev: web_sys::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        leptos::task::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(file.text()).await {
                Ok(text) => r.import_corrections(&text.as_string().unwrap_or_default()),
                Err(_) => r
                    .announcement
                    .set("The browser could not read that file.".to_owned()),
            }
        });
    };

    view! {
        <section class="panel corrections" aria-labelledby="corrections-title">
            <h2 id="corrections-title">"Corrections"</h2>
            <p class="target">{target_line}</p>
            <div class="correct-row">
                <label for="correct-type">"Type"</label>
                <select
                        id="correct-type"
                        node_ref=type_list
                        aria-keyshortcuts="a t T"
                        on:change=move |ev| {
                            if let Some(l) = Label::from_name(&event_target_value(&ev)) {
                                label.set(l);
                            }
                        }
                        on:keydown=on_type_key
                    >
                        {type_options}
                </select>
                <button type="button" aria-keyshortcuts="a" hidden=move || !is_words() on:click=move |_| run(Then::Add)>"Add as entity"</button>
            </div>
            <div class="mention-actions" hidden=move || !is_mention()>
                <div class="correct-row">
                    <button type="button" aria-keyshortcuts="t" on:click=move |_| run(Then::Retype(Scope::One))>"Retype this mention"</button>
                    <button type="button" aria-keyshortcuts="Shift+T" on:click=move |_| run(Then::Retype(Scope::All))>{move || format!("Retype every “{}”", words())}</button>
                </div>
                <div class="correct-row">
                    <button type="button" aria-keyshortcuts="x Delete" on:click=move |_| if let Some(s) = span() { r.remove_mention(s, Scope::One) }>"Remove this mention"</button>
                    <button type="button" aria-keyshortcuts="Shift+X" on:click=move |_| if let Some(s) = span() { r.remove_mention(s, Scope::All) }>{move || format!("Remove every “{}”", words())}</button>
                </div>
                <div class="correct-row">
                    <label for="correct-merge">"Merge with"</label>
                    <select id="correct-merge" class="entity-list" node_ref=merge_list aria-keyshortcuts="m" on:focus=move |_| merge_wanted.set(true) on:change=move |ev| merge_into.set(event_target_value(&ev)) on:keydown=on_merge_key>
                        <option value="">"(choose an entity)"</option>
                        {move || merge_wanted.get().then(merge_options.clone())}
                    </select>
                    <button type="button" on:click=move |_| merge()>"Merge"</button>
                </div>
                <div class="correct-row">
                    <button type="button" aria-keyshortcuts="s" on:click=move |_| if let Some(s) = span() { r.split(s) }>{move || format!("Split “{}” out as its own entity", words())}</button>
                </div>
            </div>
            <div class="correct-row" hidden=move || !in_quote()>
                <label for="correct-speaker">"Speaker of this quotation"</label>
                <select id="correct-speaker" class="entity-list" on:focus=move |_| speaker_wanted.set(true) on:change=move |ev| speaker.set(event_target_value(&ev))>
                    <option value="">"No one named"</option>
                    {move || speaker_wanted.get().then(speaker_options.clone())}
                </select>
                <button type="button" on:click=set_speaker>"Set speaker"</button>
            </div>
            <div class="correct-row">
                <button type="button" aria-keyshortcuts="Control+Z Meta+Z" disabled=move || !r.corrections.with(|h| h.can_undo()) on:click=move |_| r.undo_correction()>"Undo"</button>
                <button type="button" aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z" disabled=move || !r.corrections.with(|h| h.can_redo()) on:click=move |_| r.redo_correction()>"Redo"</button>
            </div>
            <h3 id="corrections-list">{move || match count() { 0 => "No corrections yet".to_owned(), 1 => "1 correction".to_owned(), n => format!("{n} corrections") }}</h3>
            <ol class="corrections-list" aria-labelledby="corrections-list">{list}</ol>
            {move || {
                let d = dropped();
                (!d.is_empty()).then(|| view! {
                    <div class="notice dropped" role="status">
                        <p>"These corrections could not be placed in this text (it has changed since):"</p>
                        <ul>{d.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
                    </div>
                })
            }}
            <div class="correct-row">
                <button type="button" on:click=export disabled=move || count() == 0>"Export corrections"</button>
                <label class="file-button">
                    "Import corrections"
                    <input type="file" class="sr-only" aria-label="Import corrections" accept=".json,application/json" on:change=import />
                </label>
            </div>
            <button type="button" class="reset" disabled=move || count() == 0 on:click=reset>"Reset to the engine’s reading"</button>
            <p class="status">{move || r.announcement.get()}</p>
        </section>
    }
}

/// An entity a merge or a quotation's speaker may name, as its list offers
/// it: known by its first mention, which is what the correction is anchored
/// to and which stays its own while other corrections renumber the entities.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Choice {
    first: Span,
    text: String,
}

impl Choice {
    /// The option's value: the first mention's span.
    fn value(&self) -> String {
        format!("{}-{}", self.first.start, self.first.end)
    }

    /// The span of an option's value, if it is one.
    fn parse(value: &str) -> Option<Span> {
        let (start, end) = value.split_once('-')?;
        Some(Span::new(start.parse().ok()?, end.parse().ok()?))
    }
}

/// The entities of a reading as their list offers them, by name; two of one
/// name and type are told apart by their place in the text.
fn choices(entities: &Entities) -> Vec<Choice> {
    let mut list: Vec<Choice> = entities
        .entities
        .iter()
        .filter_map(|e| {
            Some(Choice {
                first: entities.mentions[*e.mentions.first()?].span,
                text: format!("{} ({})", e.name, label_name(e.label)),
            })
        })
        .collect();
    list.sort_by(|x, y| x.text.cmp(&y.text).then(x.first.start.cmp(&y.first.start)));
    let mut n = 1;
    for i in 1..list.len() {
        if list[i].text == list[i - 1].text {
            n += 1;
            if n == 2 {
                list[i - 1].text.push_str(", first in the text");
            }
            list[i].text = format!("{}, {} in the text", list[i].text, ordinal(n));
        } else {
            n = 1;
        }
    }
    list
}

/// "2nd", "3rd", "11th"…
fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use lede_analysis::corrections::{self, Anchor, Correction};
    use lede_analysis::{Document, recognize};

    #[test]
    fn a_choice_names_its_entity_by_its_first_mention() {
        let doc = Document::parse(
            "Talks\n\nReuters said Portugal met Brazil. Later Portugal and Reuters agreed.",
        );
        let text = doc.text();
        let engine = recognize(&doc);
        let portugal = |e: &Entities| {
            choices(e)
                .into_iter()
                .find(|c| c.text.starts_with("Portugal "))
                .expect("Portugal is offered")
        };
        let chosen = portugal(&engine);
        assert_eq!(Choice::parse(&chosen.value()), Some(chosen.first));
        // Removing an entity listed before it renumbers the rest: the choice
        // still names Portugal.
        let at = text.find("Reuters").unwrap();
        let list = [Correction::Remove {
            target: Anchor::at(text, Span::new(at, at + "Reuters".len())),
            scope: corrections::Scope::All,
        }];
        let read = corrections::apply(&doc, &engine, &list).entities;
        assert_eq!(portugal(&read).first, chosen.first);
        let m = read
            .mentions
            .iter()
            .find(|m| m.span == chosen.first)
            .unwrap();
        assert_eq!(read.entities[m.entity].name, "Portugal");
    }

    #[test]
    fn two_entities_of_one_name_and_type_are_told_apart() {
        // "Li" split out of "Li Qiang" is someone else, and so is the "Li"
        // the engine missed and the reader adds: two people "Li".
        let doc = Document::parse("Talks\n\nLi Qiang spoke. Li said yes. Li left.");
        let text = doc.text();
        let engine = recognize(&doc);
        let li: Vec<usize> = text.match_indices("Li ").map(|(i, _)| i).collect();
        let anchor = |i: usize| Anchor::at(text, Span::new(li[i], li[i] + 2));
        let mut list = vec![Correction::Split { target: anchor(1) }];
        list.push(Correction::Add {
            target: anchor(2),
            label: Label::Person,
        });
        let read = corrections::apply(&doc, &engine, &list).entities;
        let texts: Vec<String> = choices(&read).into_iter().map(|c| c.text).collect();
        assert_eq!(
            texts,
            [
                "Li (Person), first in the text",
                "Li (Person), 2nd in the text",
                "Li Qiang (Person)"
            ]
        );
    }
}
