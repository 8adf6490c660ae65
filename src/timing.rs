//! User Timing marks and measures (`lede:analyze`, `lede:render`,
//! `lede:panels`, `lede:open:*`), readable in devtools' Performance panel and by benchmark
//! scripts.

use std::cell::RefCell;

thread_local! {
    /// The measures started and not yet ended.
    static OPEN: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

fn performance() -> Option<web_sys::Performance> {
    // Natively (the build's pre-render) there is no browser to tell.
    if cfg!(target_arch = "wasm32") {
        web_sys::window().and_then(|w| w.performance())
    } else {
        None
    }
}

/// Marks a moment: the steps of opening a document (`lede:open:read`,
/// `…:imported`, `…:kept`, `…:first`), which `tests/e2e/bench-big.mjs`
/// prints.
pub fn mark(name: &str) {
    if let Some(p) = performance() {
        let _ = p.mark(name);
    }
}

/// Marks the start of the measure `name`.
pub fn start(name: &str) {
    OPEN.with_borrow_mut(|open| {
        if !open.iter().any(|n| n == name) {
            open.push(name.to_owned());
        }
    });
    if let Some(p) = performance() {
        let _ = p.mark(&format!("{name}:start"));
    }
}

/// Ends the measure `name`, begun by [`start`].
pub fn end(name: &str) {
    OPEN.with_borrow_mut(|open| open.retain(|n| n != name));
    end_from(name, name);
}

/// Ends the measure `name` if it has been started and not ended since: for a
/// measure whose end is seen more often than its start.
pub fn end_if_started(name: &str) {
    if OPEN.with_borrow(|open| open.iter().any(|n| n == name)) {
        end(name);
    }
}

/// Ends the measure `name`, from the start of the measure `from`; from the
/// page's start if `from` has not started (an analysis still in the worker),
/// so that `name` is always there once its end has come.
pub fn end_from(name: &str, from: &str) {
    if let Some(p) = performance()
        && p.measure_with_start_mark(name, &format!("{from}:start"))
            .is_err()
    {
        let _ = p.measure(name);
    }
}
