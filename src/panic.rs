//! Nothing must ever leave a blank page without a word: a Rust panic or an
//! uncaught JavaScript error is logged, and the reader is told, with a button
//! that reloads the page into the sample article (`?sample`), in case the
//! article being read is what broke it.

use wasm_bindgen::prelude::*;

/// The message shown at the top of the page after a panic.
pub const PANIC_MESSAGE: &str = "Something went wrong and Lede stopped. Reload the page to start again; the details are in the browser console.";

/// The message shown after an uncaught JavaScript error, which may leave the
/// app running.
pub const ERROR_MESSAGE: &str = "Something went wrong, and Lede may not work as it should. Reload the page to start again; the details are in the browser console.";

/// The query parameter the banner's button reloads with.
const SAMPLE_PARAM: &str = "sample";

// The banner is built in JavaScript: after a panic the WebAssembly module is
// aborted and no Rust code, event handler included, can run.
#[wasm_bindgen(module = "/src/panic.js")]
extern "C" {
    #[wasm_bindgen(js_name = showFatal)]
    fn show_fatal(message: &str);
    #[wasm_bindgen(js_name = reportUncaughtErrors)]
    fn report_uncaught_errors_with(message: &str);
}

/// Installs a panic hook that logs the panic to the console and shows
/// [`PANIC_MESSAGE`] on the page.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_panic_message();
    }));
}

/// Shows [`ERROR_MESSAGE`] after any uncaught exception or unhandled promise
/// rejection (the browser logs the error itself).
pub fn report_uncaught_errors() {
    report_uncaught_errors_with(ERROR_MESSAGE);
}

/// Puts [`PANIC_MESSAGE`] at the top of the page, as an alert.
pub fn show_panic_message() {
    show_fatal(PANIC_MESSAGE);
}

/// Whether the page was loaded to open the sample (`?sample`, from the
/// banner's button). The parameter is taken out of the address, so a later
/// reload opens what the reader chose since.
pub fn take_sample_request() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let location = window.location();
    let search = location.search().unwrap_or_default();
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return false;
    };
    if !params.has(SAMPLE_PARAM) {
        return false;
    }
    params.delete(SAMPLE_PARAM);
    let query: String = params.to_string().into();
    let path = location.pathname().unwrap_or_default();
    let url = if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
    true
}
