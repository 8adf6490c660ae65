//! What the build's site step (`scripts/site.mjs`) tells the page through
//! `<meta>` elements. (The start-up script it writes registers the service
//! worker, so that a page that never starts the app works offline too.)

/// The `content` of the page's `<meta name="{name}">`, if it has one.
pub(crate) fn page_meta(name: &str) -> Option<String> {
    web_sys::window()?
        .document()?
        .query_selector(&format!("meta[name=\"{name}\"]"))
        .ok()??
        .get_attribute("content")
}
