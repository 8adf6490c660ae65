//! What the build's site step (`scripts/site.mjs`) tells the page through
//! `<meta>` elements, and the service worker it writes, which this module
//! registers so that, after one visit, the app opens with no network.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// The `content` of the page's `<meta name="{name}">`, if it has one.
pub(crate) fn page_meta(name: &str) -> Option<String> {
    web_sys::window()?
        .document()?
        .query_selector(&format!("meta[name=\"{name}\"]"))
        .ok()??
        .get_attribute("content")
}

/// Registers the release build's service worker (`sw.js`, which the page
/// names in `<meta name="lede-service-worker">`; a debug build has none),
/// once the page has loaded, so that caching the site never competes with
/// the first visit for the network. Its scope is the folder of the page, so
/// the site works offline under a sub-path too.
///
/// Nothing here can stop the page: where service workers are not available
/// (a page served over plain http from a host other than localhost, some
/// private modes) or the registration fails (blocked by a policy, sw.js
/// missing), the app simply works online only.
pub fn register_service_worker() {
    let Some(url) = page_meta("lede-service-worker") else {
        return;
    };
    let Some(window) = web_sys::window() else {
        return;
    };
    let register = move || {
        // Through Reflect: `navigator.serviceWorker` is absent outside a
        // secure context, and its getter can throw where storage is blocked.
        let Some(window) = web_sys::window() else {
            return;
        };
        let Ok(container) = js_sys::Reflect::get(&window.navigator(), &"serviceWorker".into())
        else {
            return;
        };
        let Ok(register) = js_sys::Reflect::get(&container, &"register".into()) else {
            return;
        };
        let Ok(register) = register.dyn_into::<js_sys::Function>() else {
            return;
        };
        if let Ok(promise) = register.call1(&container, &url.into()) {
            let promise = js_sys::Promise::from(promise);
            wasm_bindgen_futures::spawn_local(async move {
                // A rejection, handled: it would otherwise show as an error.
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            });
        }
    };
    let loaded = window
        .document()
        .is_some_and(|d| d.ready_state() == "complete");
    if loaded {
        register();
    } else {
        let on_load = Closure::once_into_js(register);
        let _ = window.add_event_listener_with_callback("load", on_load.unchecked_ref());
    }
}
