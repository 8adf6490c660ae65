//! Taking the annotations to other tools: displaCy JSON, Lede's full JSON,
//! W3C Web Annotations and a CSV of entities, as downloads or to the clipboard.
//! What is exported is what the reader sees: the entity types switched off are
//! left out.

use lede_analysis::Label;
use lede_analysis::export::{self, View};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::state::{Reader, use_reader};

#[derive(Clone, Copy)]
enum Format {
    Displacy,
    Full,
    WebAnnotation,
    Csv,
}

const FORMATS: [(Format, &str); 4] = [
    (Format::Displacy, "displaCy JSON"),
    (Format::Full, "Full JSON"),
    (Format::WebAnnotation, "Web Annotation"),
    (Format::Csv, "Entities CSV"),
];

impl Format {
    fn extension(self) -> &'static str {
        match self {
            Format::Displacy => "displacy.json",
            Format::Full => "lede.json",
            Format::WebAnnotation => "annotations.jsonld",
            Format::Csv => "entities.csv",
        }
    }

    fn mime(self) -> &'static str {
        match self {
            Format::Displacy | Format::Full => "application/json",
            Format::WebAnnotation => "application/ld+json",
            Format::Csv => "text/csv",
        }
    }
}

fn render(r: Reader, format: Format) -> String {
    let hidden = r.hidden.get_untracked();
    let view = View::only(Label::ALL.into_iter().filter(|l| !hidden.contains(l)));
    r.document.with_untracked(|doc| {
        r.analysis.with_untracked(|a| {
            let view = view.marking(&a.marks.by_reader, &a.marks.quotes_by_reader);
            match format {
                Format::Displacy => export::displacy(doc, &a.entities, &view),
                Format::Full => export::full_json(doc, &a.entities, &a.themes, &view),
                Format::WebAnnotation => export::web_annotation(doc, &a.entities, &view),
                Format::Csv => export::entities_csv(doc, &a.entities, &view),
            }
        })
    })
}

/// A file name from the article's title: lower case, hyphens, at most 60 characters.
pub(crate) fn file_stem(r: Reader) -> String {
    let title = r
        .document
        .with_untracked(|d| d.title().unwrap_or("article").to_owned());
    let mut stem = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            stem.push(c);
        } else if !stem.ends_with('-') {
            stem.push('-');
        }
    }
    let stem: String = stem.trim_matches('-').chars().take(60).collect();
    if stem.is_empty() {
        "article".to_owned()
    } else {
        stem
    }
}

pub(crate) fn download(name: &str, mime: &str, content: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let a: web_sys::HtmlAnchorElement = document().create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    web_sys::Url::revoke_object_url(&url)
}

#[component]
pub fn ExportPanel() -> impl IntoView {
    let r = use_reader();
    let status = RwSignal::new(String::new());
    let rows = FORMATS
        .iter()
        .map(|&(format, name)| {
            let on_download = move |_| {
                let file = format!("{}.{}", file_stem(r), format.extension());
                let mut content = render(r, format);
                if matches!(format, Format::Csv) {
                    // A byte-order mark, so spreadsheets read accented names as UTF-8.
                    content.insert(0, '\u{feff}');
                }
                status.set(match download(&file, format.mime(), &content) {
                    Ok(()) => format!("Downloaded {file}."),
                    Err(_) => "The browser would not start the download.".to_owned(),
                });
            };
            let on_copy = move |_| {
                let content = render(r, format);
                let promise = window().navigator().clipboard().write_text(&content);
                leptos::task::spawn_local(async move {
                    status.set(match wasm_bindgen_futures::JsFuture::from(promise).await {
                        Ok(_) => format!("Copied {name} to the clipboard."),
                        Err(_) => "The browser would not let Lede use the clipboard; use Download instead.".to_owned(),
                    });
                });
            };
            view! {
                <li class="export-row">
                    <span class="export-name">{name}</span>
                    <button type="button" aria-label=format!("Download {name}") on:click=on_download>
                        "Download"
                    </button>
                    <button type="button" aria-label=format!("Copy {name}") on:click=on_copy>
                        "Copy"
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="panel export" aria-labelledby="export-title">
            <h2 id="export-title">"Export"</h2>
            <ul role="list">{rows}</ul>
            <p class="status" aria-live="polite">{move || status.get()}</p>
        </section>
    }
}
