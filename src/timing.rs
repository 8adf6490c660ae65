//! User Timing marks and measures (`lede:analyze`, `lede:render`,
//! `lede:panels`), readable in devtools' Performance panel and by benchmark
//! scripts.

fn performance() -> Option<web_sys::Performance> {
    web_sys::window().and_then(|w| w.performance())
}

/// Marks the start of the measure `name`.
pub fn start(name: &str) {
    if let Some(p) = performance() {
        let _ = p.mark(&format!("{name}:start"));
    }
}

/// Ends the measure `name`, begun by [`start`].
pub fn end(name: &str) {
    if let Some(p) = performance() {
        let _ = p.measure_with_start_mark(name, &format!("{name}:start"));
    }
}

/// Ends the measure `name`, from the start of the measure `from`.
pub fn end_from(name: &str, from: &str) {
    if let Some(p) = performance() {
        let _ = p.measure_with_start_mark(name, &format!("{from}:start"));
    }
}
