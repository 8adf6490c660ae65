//! Component tests: mount a component in headless Chromium, act, and assert the DOM.
#![cfg(target_arch = "wasm32")]

use lede::{ColourSchemeToggle, Reading};
use lede_analysis::Document;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element in the body to mount one component into.
fn container() -> HtmlElement {
    let doc = document();
    let el = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

/// Waits for the next animation frame's callbacks, which run before that
/// frame is painted: what holds then is what the reader first sees.
async fn before_next_paint() {
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .request_animation_frame(resolve.unchecked_ref())
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(frame).await.unwrap();
}

/// Waits for the next frame to be painted, and for the work queued after it:
/// the reading view builds its panels then.
async fn after_paint() {
    before_next_paint().await;
    // A task queued from a frame's callbacks runs after its paint.
    let task = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback(resolve.unchecked_ref())
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(task).await.unwrap();
    leptos::task::tick().await;
}

/// Mounts the reading view of `text` in a fresh container and lets it render,
/// the article and then the panels beside it; returns the container and the
/// document signal.
async fn mount_reading(text: &str) -> (HtmlElement, RwSignal<Document>) {
    let root = container();
    let document = RwSignal::new(Document::parse(text));
    leptos::mount::mount_to(root.clone(), move || view! { <Reading document /> }).forget();
    leptos::task::tick().await;
    after_paint().await;
    (root, document)
}

fn texts(root: &HtmlElement, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
async fn article_shows_title_byline_paragraphs_and_note() {
    let (root, _) = mount_reading(
        "Ports reopen after storm\n\nBy Ana Ruiz, The Harbour Times\n\nShips left at dawn.\n\nTrade resumed by noon.\n\n(Ana Ruiz reports on shipping.)",
    )
    .await;

    assert_eq!(texts(&root, "h1"), ["Ports reopen after storm"]);
    assert_eq!(texts(&root, ".byline"), ["By Ana Ruiz, The Harbour Times"]);
    assert_eq!(
        texts(&root, ".article-body p"),
        ["Ships left at dawn.", "Trade resumed by noon."]
    );
    assert_eq!(texts(&root, ".note"), ["(Ana Ruiz reports on shipping.)"]);
    root.remove();
}

#[wasm_bindgen_test]
async fn mentions_are_marked_and_typed_and_toggle_by_type() {
    let (root, _) = mount_reading(
        "Leaders meet\n\nFrench President Emmanuel Macron met Japanese officials in Paris on Monday.",
    )
    .await;

    let person = root
        .query_selector("mark.ent[data-label=PERSON]")
        .unwrap()
        .expect("a person is marked");
    assert_eq!(person.text_content().unwrap(), "Emmanuel Macron");
    assert_eq!(person.get_attribute("data-type").as_deref(), Some("Person"));
    assert!(
        root.query_selector("mark.ent[data-label=GPE]")
            .unwrap()
            .is_some()
    );

    // The legend's toggle for people switches their highlights off and on.
    let toggle: HtmlElement = root
        .query_selector("button.type-toggle[data-label=PERSON]")
        .unwrap()
        .expect("a legend toggle for people")
        .unchecked_into();
    assert_eq!(
        toggle.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    toggle.click();
    leptos::task::tick().await;
    assert_eq!(
        toggle.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    let article = root.query_selector("article").unwrap().unwrap();
    assert_eq!(
        article.get_attribute("data-hide").as_deref(),
        Some("PERSON")
    );
    assert_eq!(person.get_attribute("tabindex").as_deref(), Some("-1"));
    let other = root
        .query_selector("mark.ent:not([data-label=PERSON])")
        .unwrap()
        .expect("a mention of another type");
    assert_eq!(other.get_attribute("tabindex").as_deref(), Some("0"));
    toggle.click();
    leptos::task::tick().await;
    assert_eq!(article.get_attribute("data-hide").as_deref(), Some(""));
    assert_eq!(
        person.get_attribute("tabindex").as_deref(),
        Some("0"),
        "back in the tab order"
    );
    root.remove();
    reset_url();
}

#[wasm_bindgen_test]
async fn search_marks_matches_and_counts_them() {
    let (root, _) =
        mount_reading("Title\n\nWin-win talks.\n\nA win-win deal, win-win again.").await;

    let input: web_sys::HtmlInputElement = root
        .query_selector("input[type=search]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    input.set_value("WIN-WIN");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    leptos::task::tick().await;
    assert_eq!(texts(&root, "mark.hit"), ["Win-win", "win-win", "win-win"]);
    assert_eq!(texts(&root, ".search-status"), ["3 matches"]);
    // Marking matches never changes the text.
    assert_eq!(
        texts(&root, ".article-body p"),
        ["Win-win talks.", "A win-win deal, win-win again."]
    );
    root.remove();
    reset_url();
}

fn reset_url() {
    let _ = window().history().unwrap().replace_state_with_url(
        &wasm_bindgen::JsValue::NULL,
        "",
        Some("?"),
    );
}

#[wasm_bindgen_test]
async fn article_renders_markup_in_text_as_text() {
    let (root, _) = mount_reading("<b>Bold?</b>\n\n<img src=x onerror=alert(1)> stays text.").await;

    assert!(root.query_selector("img, b").unwrap().is_none());
    assert_eq!(texts(&root, "h1"), ["<b>Bold?</b>"]);
    root.remove();
}

#[wasm_bindgen_test]
async fn a_paragraph_about_a_theme_has_its_marker_in_the_margin() {
    let text = "Markets\n\nTrade and investment grew as tariffs fell, and exports, \
                markets and the economy expanded with new trade deals.\n\nIt rained.";
    let (root, _) = mount_reading(text).await;

    let marker = root
        .query_selector(".article-body p .markers[aria-hidden=true] .marker[data-theme=economy]")
        .unwrap()
        .expect("an economy marker beside the paragraph about trade");
    assert_eq!(marker.get_attribute("data-initial").as_deref(), Some("E"));
    let tip = marker.get_attribute("title").unwrap();
    assert!(tip.starts_with("Economy: score "), "{tip}");
    assert!(tip.contains(" from ") && tip.contains("trade"), "{tip}");
    let style = marker.get_attribute("style").unwrap_or_default();
    assert!(style.contains("--c: #"), "{style}");
    // Markers are not text: the paragraph reads as written.
    assert_eq!(
        texts(&root, ".article-body p")[0],
        text.split("\n\n").nth(1).unwrap()
    );
    // The paragraph about nothing has none.
    assert_eq!(texts(&root, ".article-body p")[1], "It rained.");
    assert_eq!(
        root.query_selector_all(".article-body p .markers")
            .unwrap()
            .length(),
        1
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn article_follows_its_document_signal() {
    let (root, document) = mount_reading("First\n\nOne.").await;
    assert_eq!(texts(&root, "h1"), ["First"]);

    document.set(Document::parse("Second\n\nTwo.\n\nThree."));
    leptos::task::tick().await;
    assert_eq!(texts(&root, "h1"), ["Second"]);
    assert_eq!(texts(&root, ".article-body p").len(), 2);

    // To a document with fewer blocks: the old blocks go without a trace.
    document.set(Document::parse("Just one paragraph, no title."));
    leptos::task::tick().await;
    assert_eq!(texts(&root, "h1").len(), 0);
    assert_eq!(
        texts(&root, ".article-body p"),
        ["Just one paragraph, no title."]
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn colour_scheme_toggle_flips_theme_and_pressed_state() {
    let root = container();
    leptos::mount::mount_to(root.clone(), ColourSchemeToggle).forget();
    leptos::task::tick().await;

    let button: HtmlElement = root
        .query_selector("button")
        .unwrap()
        .expect("a toggle button")
        .unchecked_into();
    // The icon is aria-hidden, so the accessible name is the words alone.
    let icon = texts(&root, "[aria-hidden=true]").concat();
    let name = button.text_content().unwrap().replacen(&icon, "", 1);
    assert_eq!(name.trim(), "Dark theme");
    let html = document().document_element().unwrap();
    let before = html.get_attribute("data-theme").unwrap();
    let pressed_before = button.get_attribute("aria-pressed").unwrap();
    assert_eq!(pressed_before == "true", before == "dark");

    button.click();
    leptos::task::tick().await;
    let after = html.get_attribute("data-theme").unwrap();
    assert_ne!(before, after);
    assert_eq!(
        button.get_attribute("aria-pressed").unwrap() == "true",
        after == "dark"
    );

    button.click();
    leptos::task::tick().await;
    assert_eq!(html.get_attribute("data-theme").unwrap(), before);
}

#[wasm_bindgen_test]
fn panic_message_is_an_alert_on_the_page() {
    lede::show_panic_message();
    let alert = document()
        .query_selector("body > .fatal[role=alert]")
        .unwrap()
        .expect("an alert at the top of the body");
    assert_eq!(
        alert
            .query_selector("p")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        lede::PANIC_MESSAGE
    );
    let button = alert.query_selector("button").unwrap().unwrap();
    assert_eq!(
        button.text_content().unwrap(),
        "Reload with the sample article"
    );
    // Shown once, however many errors follow.
    lede::show_panic_message();
    assert_eq!(
        document()
            .query_selector_all("body > .fatal")
            .unwrap()
            .length(),
        1
    );
    alert.remove();
}

#[wasm_bindgen_test]
async fn choosing_a_mention_marks_its_entity_and_the_marks_survive_a_repaint() {
    let (root, _) = mount_reading(
        "Talks\n\nPresident Emmanuel Macron met Olaf Scholz in Paris.\n\nMacron said the talks went well.",
    )
    .await;

    let macron: HtmlElement = root
        .query_selector("mark.ent[data-label=PERSON]")
        .unwrap()
        .expect("Macron is marked")
        .unchecked_into();
    macron.click();
    leptos::task::tick().await;
    assert_eq!(
        texts(&root, "mark.ent.selected"),
        ["Emmanuel Macron", "Macron"]
    );
    assert_eq!(texts(&root, "mark.ent.current"), ["Emmanuel Macron"]);

    // A search repaints the paragraph it matches in: its marks are new, and
    // have their state back before the page is painted.
    let input: web_sys::HtmlInputElement = root
        .query_selector("input[type=search]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    input.set_value("went well");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    before_next_paint().await;
    assert_eq!(texts(&root, "mark.hit"), ["went well"]);
    assert_eq!(
        texts(&root, "mark.ent.selected"),
        ["Emmanuel Macron", "Macron"]
    );

    // Choosing it again clears the selection.
    let macron: HtmlElement = root
        .query_selector("mark.ent.selected")
        .unwrap()
        .unwrap()
        .unchecked_into();
    macron.click();
    leptos::task::tick().await;
    assert!(texts(&root, "mark.ent.selected").is_empty());
    root.remove();
    reset_url();
}
