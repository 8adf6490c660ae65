//! A panic must never leave a blank page without a word: log it, then tell the reader.

use wasm_bindgen::JsCast;

/// The message shown in place of the app after a panic.
pub const PANIC_MESSAGE: &str = "Something went wrong and Lede stopped. Reload the page to start again; the details are in the browser console.";

/// Installs a panic hook that logs the panic to the console and shows
/// [`PANIC_MESSAGE`] on the page.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_panic_message();
    }));
}

/// Puts [`PANIC_MESSAGE`] at the top of the page, as an alert.
pub fn show_panic_message() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    let Ok(el) = document.create_element("div") else {
        return;
    };
    el.set_class_name("fatal");
    let _ = el.set_attribute("role", "alert");
    el.set_text_content(Some(PANIC_MESSAGE));
    if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
        let _ = body.prepend_with_node_1(&el);
    }
}
