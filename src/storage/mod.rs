//! Reaching the browser's storage without ever failing the app: storage that
//! is switched off or blocked (every access to `localStorage` throwing a
//! `SecurityError`) is treated as no storage, and the app works in memory.

/// The page's `localStorage`, or `None` where the browser refuses it.
///
/// gloo's `LocalStorage` panics in that case, which left a blank page: every
/// access goes through here instead.
pub fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}
