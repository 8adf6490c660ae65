//! Bringing your own article: paste text or choose or drop a `.txt`, `.md` or
//! `.html` file; the reader's articles listed to reopen, rename or delete; and
//! the sample one click away. Bad input gets a clear message and changes
//! nothing that was open.

use lede_analysis::{Document, check_import_size, import_text};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::library::{self, Library, Opening, Start, StoredArticle, human_size, title_for};
use crate::panic::take_sample_request;
use crate::state::{Reader, use_reader};
use crate::storage::{self, Change, Kept, kept_file};
use crate::timing;

const DIALOG_ID: &str = "open-article";

/// The sample article, embedded at compile time.
pub const SEED_ARTICLE: &str = include_str!("../seeds/000_98b7338e0901f976.txt");

/// The reader's library, shared by the dialog and the app.
#[derive(Clone, Copy)]
pub struct LibraryState {
    pub library: RwSignal<Library>,
    /// What the last change to storage said, if it failed.
    pub notice: RwSignal<Option<String>>,
    /// The article the last visit did not finish opening, offered again.
    pub unfinished: RwSignal<Option<Opening>>,
    /// Stored data that could not be read, kept as it was and offered as a download.
    pub kept: RwSignal<Vec<Kept>>,
}

impl LibraryState {
    /// A library that keeps nothing: for a reading page without storage.
    pub fn in_memory() -> LibraryState {
        LibraryState {
            library: RwSignal::new(Library::default()),
            notice: RwSignal::new(None),
            unfinished: RwSignal::new(None),
            kept: RwSignal::new(Vec::new()),
        }
    }
}

/// How long a visit that may reopen a kept article waits for storage before
/// it shows the sample instead: the page is never blank for longer.
const STORAGE_WAIT: std::time::Duration = std::time::Duration::from_millis(1_500);

/// The document a visit opens with, the reader's library, and whether the
/// page may show the document yet.
///
/// A visit that may reopen the article shown last (see
/// [`library::may_reopen`]) waits for storage to answer, up to
/// [`STORAGE_WAIT`], so that the sample is not shown first and then
/// replaced; any other visit shows the sample at once. The article shown
/// last is opened unless the last visit never finished opening one (then
/// that article is offered) or the reader asked for the sample (the error
/// banner's `?sample`). If storage answers after the wait, its article still
/// replaces the sample, unless the reader has opened another meanwhile.
pub fn start_reading() -> (RwSignal<Document>, LibraryState, ReadSignal<bool>) {
    let sample_asked = take_sample_request();
    let unfinished = library::take_unfinished();
    let ready = RwSignal::new(!library::may_reopen(sample_asked));
    // Set once: the page is built when it turns true, and setting it again
    // would build it anew.
    let show = move || {
        if !ready.get_untracked() {
            ready.set(true);
        }
    };
    if !ready.get_untracked() {
        set_timeout(show, STORAGE_WAIT);
    }
    let document = RwSignal::new(Document::parse(SEED_ARTICLE));
    let seed = document.with_untracked(|d| d.text().to_owned());
    let lib = LibraryState::in_memory();
    leptos::task::spawn_local(async move {
        let loaded = storage::load_library().await;
        let start = library::choose_start(&loaded.library, unfinished, sample_asked);
        lib.library.update(|l| {
            // An article added before storage answered is kept too.
            let added = l
                .articles
                .drain(..)
                .filter(|a| !loaded.library.articles.iter().any(|s| s.id == a.id));
            let mut articles: Vec<StoredArticle> = added.collect();
            articles.extend(loaded.library.articles);
            l.articles = articles;
        });
        lib.notice.set(loaded.notice);
        lib.kept.set(loaded.kept);
        // The reader may have opened an article meanwhile.
        let untouched = || document.with_untracked(|d| d.text() == seed);
        match start {
            Start::Article(id) => {
                let text = storage::article_text(&id).await;
                match text {
                    Some(text) if untouched() => {
                        library::mark_opening(opening_of(lib, &id));
                        document.set(Document::parse(&text));
                        after_paint(move || became_shown(lib, Some(id)));
                    }
                    Some(_) => {}
                    None => library::mark_shown(None),
                }
            }
            Start::Unfinished(o) => {
                lib.unfinished.set(Some(o));
                library::mark_shown(None);
            }
            Start::Sample => library::mark_shown(None),
        }
        show();
    });
    storage::when_other_tabs_change(Change::Library, move || {
        leptos::task::spawn_local(async move {
            let loaded = storage::load_library().await;
            lib.library
                .try_update(|l| l.articles = loaded.library.articles);
        });
    });
    (document, lib, ready.read_only())
}

fn opening_of(lib: LibraryState, id: &str) -> Option<Opening> {
    lib.library.with_untracked(|l| {
        l.articles.iter().find(|a| a.id == id).map(|a| Opening {
            id: a.id.clone(),
            title: a.title.clone(),
        })
    })
}

/// Shows `doc` in place of the open article; `current` is its id in the
/// library (`None`: the sample). It becomes the article a reload opens only
/// once it has been shown: one that stops the page is not reopened unasked.
pub fn show_article(r: Reader, lib: LibraryState, doc: Document, current: Option<String>) {
    library::mark_opening(current.as_deref().and_then(|id| opening_of(lib, id)));
    lib.unfinished.set(None);
    r.open_document(doc);
    after_paint(move || became_shown(lib, current));
}

/// Opens the kept article `id`, whose text is read from storage first.
fn open_kept(r: Reader, lib: LibraryState, id: String, then: impl FnOnce() + 'static) {
    leptos::task::spawn_local(async move {
        match storage::article_text(&id).await {
            Some(text) => {
                show_article(r, lib, Document::parse(&text), Some(id));
                then();
            }
            None => lib.notice.set(Some(
                "This article’s text could not be read from the browser’s storage.".to_owned(),
            )),
        }
    });
}

/// The article `current` has been shown: it is the one a reload opens.
fn became_shown(lib: LibraryState, current: Option<String>) {
    library::mark_shown(current.as_deref());
    if lib.library.with_untracked(|l| l.current != current) {
        lib.library.try_update(|l| l.current = current);
    }
}

/// Runs `f` once the changes made so far have been painted: a frame's
/// callbacks run before its paint, a task queued from one runs after it.
pub(crate) fn after_paint(f: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(f, std::time::Duration::ZERO));
}

/// What the app says about the reader's stored articles: the article the
/// last visit did not finish opening, and data that could not be read.
#[component]
pub fn LibraryNotices() -> impl IntoView {
    let r = use_reader();
    let lib = expect_context::<LibraryState>();
    let unfinished = move || {
        lib.unfinished.get().map(|o| {
            let id = o.id.clone();
            let try_again = move |_| open_kept(r, lib, id.clone(), || {});
            view! {
                <div class="notice" role="status">
                    <p>
                        {format!(
                            "Lede did not finish opening ‘{}’ last time, so the sample is open instead: that article may be what stopped the page.",
                            o.title,
                        )}
                    </p>
                    <button type="button" on:click=try_again>"Try it again"</button>
                </div>
            }
        })
    };
    let kept = move || {
        let kept = lib.kept.get();
        (!kept.is_empty()).then(|| {
            let mut why: Vec<&str> = kept.iter().map(|k| k.why).collect();
            why.sort_unstable();
            why.dedup();
            let download = move |_| {
                let _ = crate::export_panel::download(
                    "lede-unreadable-data.json",
                    "application/json",
                    &lib.kept.with_untracked(|k| kept_file(k)),
                );
            };
            view! {
                <div class="notice" role="status">
                    <p>
                        {format!(
                            "Some of your saved articles or themes could not be read ({}). They are kept as they were, and nothing was deleted.",
                            why.join("; "),
                        )}
                    </p>
                    <button type="button" on:click=download>"Download the unreadable data"</button>
                </div>
            }
        })
    };
    view! { {unfinished} {kept} }
}

fn dialog() -> Option<web_sys::HtmlDialogElement> {
    document().get_element_by_id(DIALOG_ID)?.dyn_into().ok()
}

pub fn open_dialog() {
    if let Some(d) = dialog()
        && !d.open()
    {
        let _ = d.show_modal();
    }
}

fn close_dialog() {
    if let Some(d) = dialog() {
        d.close();
    }
}

fn new_id() -> String {
    let now = js_sys::Date::now() as u64;
    let salt = (js_sys::Math::random() * 1e6) as u64;
    format!("a{now:x}{salt:x}")
}

#[component]
pub fn OpenArticleButton() -> impl IntoView {
    view! {
        <button type="button" class="open-button" on:click=move |_| open_dialog()>
            "Open article"
        </button>
    }
}

#[component]
pub fn OpenArticleDialog() -> impl IntoView {
    let r = use_reader();
    let lib = expect_context::<LibraryState>();
    let error = RwSignal::new(None::<String>);
    let pasted = RwSignal::new(String::new());
    let dragging = RwSignal::new(false);

    let show = move |doc: Document, current: Option<String>| {
        show_article(r, lib, doc, current);
        error.set(None);
        close_dialog();
    };
    let add = move |doc: Document| {
        let article = StoredArticle {
            id: new_id(),
            title: title_for(&doc),
            added: js_sys::Date::new_0().to_iso_string().into(),
            bytes: doc.text().len(),
        };
        lib.library
            .update(|l| l.articles.insert(0, article.clone()));
        let kept = doc.clone();
        show(doc, Some(article.id.clone()));
        // Kept once its first screen is painted: waiting for storage to
        // take 4 MB first held that screen back by over half a second.
        after_paint(move || {
            leptos::task::spawn_local(async move {
                lib.notice
                    .set(storage::add_article(&article, kept.text()).await.err());
                timing::mark("lede:open:kept");
            });
        });
    };
    let read_file = move |file: web_sys::File| {
        let name = file.name();
        let size = file.size() as usize;
        if let Err(e) = check_import_size(Some(&name), size) {
            error.set(Some(e.to_string()));
            return;
        }
        if size > crate::analyst::WORKER_BYTES {
            // Start the worker that reads and analyses it while it loads.
            crate::analyst::warm_up();
        }
        leptos::task::spawn_local(async move {
            let blob = gloo::file::Blob::from(file);
            match gloo::file::futures::read_as_bytes(&blob).await {
                Ok(bytes) => {
                    timing::mark("lede:open:read");
                    crate::analyst::import(
                        Some(name),
                        bytes,
                        r.custom_themes.get_untracked(),
                        move |read| match read {
                            Ok(doc) => {
                                timing::mark("lede:open:imported");
                                add(doc)
                            }
                            Err(e) => error.set(Some(e)),
                        },
                    )
                }
                Err(_) => error.set(Some(format!("{name} could not be read from your disk."))),
            }
        });
    };
    let on_paste_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match import_text(&pasted.get_untracked()) {
            Ok(doc) => {
                add(doc);
                pasted.set(String::new());
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            read_file(file);
        }
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        match ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            Some(file) => read_file(file),
            None => error.set(Some(
                "Only files can be dropped here: drop a .txt, .md or .html file.".to_owned(),
            )),
        }
    };
    let open_sample = move |_| show(Document::parse(SEED_ARTICLE), None);

    let articles = move || {
        let current = lib.library.with(|l| l.current.clone());
        lib.library
            .get()
            .articles
            .into_iter()
            .map(|a| {
                article_row(
                    a.clone(),
                    current.as_deref() == Some(a.id.as_str()),
                    show,
                    lib,
                )
            })
            .collect_view()
    };
    let none_saved = move || lib.library.with(|l| l.articles.is_empty());

    view! {
        <dialog id=DIALOG_ID class="dialog open-dialog" aria-labelledby="open-title">
            <h2 id="open-title">"Open an article"</h2>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <form class="paste" on:submit=on_paste_submit>
                <label for="paste-text">"Paste the article’s text"</label>
                <textarea
                    id="paste-text"
                    rows="7"
                    placeholder="Headline on the first line, then the paragraphs"
                    prop:value=move || pasted.get()
                    on:input=move |ev| pasted.set(event_target_value(&ev))
                ></textarea>
                <button type="submit">"Read this text"</button>
            </form>
            <div
                class="drop"
                class:dragging=move || dragging.get()
                on:dragover=move |ev: leptos::ev::DragEvent| {
                    ev.prevent_default();
                    dragging.set(true);
                }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop
            >
                <label for="file-input">"Choose a .txt, .md or .html file"</label>
                <input id="file-input" type="file" accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html" on:change=on_file />
                <p>"…or drop one here. Files stay on your computer."</p>
            </div>
            <section class="saved" aria-labelledby="saved-title">
                <h3 id="saved-title">"Your articles"</h3>
                <Show when=none_saved fallback=move || view! { <ul class="saved-list" role="list">{articles}</ul> }>
                    <p class="status">"None yet: articles you open are kept in this browser."</p>
                </Show>
            </section>
            <div class="dialog-actions">
                <button type="button" on:click=open_sample>"Open the sample article"</button>
                <button type="button" on:click=move |_| close_dialog()>"Close"</button>
            </div>
        </dialog>
    }
}

fn article_row(
    a: StoredArticle,
    is_current: bool,
    show: impl Fn(Document, Option<String>) + Copy + 'static,
    lib: LibraryState,
) -> impl IntoView {
    let r = use_reader();
    let renaming = RwSignal::new(false);
    let new_title = RwSignal::new(a.title.clone());
    let date = a.added.get(..10).unwrap_or(&a.added).to_owned();
    let size = human_size(a.bytes);
    let (id, id2, id3) = (a.id.clone(), a.id.clone(), a.id.clone());
    let title = a.title.clone();
    let rename = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = new_title.get_untracked().trim().to_owned();
        if !t.is_empty() {
            let mut renamed = None;
            lib.library.update(|l| {
                if let Some(a) = l.articles.iter_mut().find(|a| a.id == id2) {
                    a.title = t;
                    renamed = Some(a.clone());
                }
            });
            if let Some(a) = renamed {
                leptos::task::spawn_local(async move {
                    lib.notice.set(storage::update_article(&a).await.err());
                });
            }
        }
        renaming.set(false);
    };
    let delete = move |_| {
        let was_current = lib
            .library
            .with_untracked(|l| l.current.as_deref() == Some(id3.as_str()));
        lib.library.update(|l| l.articles.retain(|a| a.id != id3));
        let id = id3.clone();
        leptos::task::spawn_local(async move {
            lib.notice.set(storage::delete_article(&id).await.err());
        });
        if was_current {
            show(Document::parse(SEED_ARTICLE), None);
        }
    };
    view! {
        <li class="saved-item" class:current=is_current>
            <Show
                when=move || renaming.get()
                fallback={
                    let title = title.clone();
                    move || view! { <span class="saved-title">{title.clone()}</span> }
                }
            >
                <form class="rename" on:submit=rename.clone()>
                    <input type="text" aria-label="New title" bind:value=new_title />
                    <button type="submit">"Save"</button>
                </form>
            </Show>
            <span class="saved-meta">{format!("added {date} · {size}")}</span>
            <span class="saved-actions">
                <button
                    type="button"
                    aria-label=format!("Open {}", a.title)
                    on:click=move |_| open_kept(r, lib, id.clone(), close_dialog)
                >
                    "Open"
                </button>
                <button type="button" aria-label=format!("Rename {}", a.title) on:click=move |_| renaming.set(true)>
                    "Rename"
                </button>
                <button type="button" aria-label=format!("Delete {}", a.title) on:click=delete>
                    "Delete"
                </button>
            </span>
        </li>
    }
}
