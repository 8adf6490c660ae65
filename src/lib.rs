//! Lede: read a news article with its people, places, organisations, dates and
//! themes lit up.
//!
//! The analysis lives in the `lede-analysis` crate and knows nothing of the web;
//! this crate holds the view state and the components that display its results:
//!
//! - [`view_state`], `article::segments` and `article::window`: plain logic
//!   (what the reader has set, how layers cut the text, which blocks are on
//!   screen), tested natively;
//! - `state`: the shared context, with the analysis derived from the document;
//! - `app`, `article`, `entities_panel`, `themes_filter`, `search`, `minimap`,
//!   `shortcuts`, `colour_scheme`: the components;
//! - `url`, `scroll`, `timing`, `panic`, `storage`, `site`: talking to the
//!   browser (`site` reads what the build's site step put in the page).

mod analyst;
mod app;
mod article;
mod colour_scheme;
mod corrections;
mod entities_panel;
mod export_panel;
// The laws the fuzz targets check, shared with the test that replays their corpus.
#[cfg(not(target_arch = "wasm32"))]
#[doc(hidden)]
pub mod fuzzing;
mod labels;
pub mod library;
mod minimap;
mod open_article;
mod panic;
// The sample article as the build pre-renders it into index.html.
#[doc(hidden)]
pub mod prerender;
mod scroll;
mod search;
mod shortcuts;
mod site;
mod state;
mod storage;
mod themes_filter;
mod timing;
mod url;
pub mod view_state;

pub use app::{App, Reading};
pub use article::ArticleView;
pub use colour_scheme::ColourSchemeToggle;
pub use panic::{
    ERROR_MESSAGE, PANIC_MESSAGE, install_panic_hook, report_uncaught_errors, show_panic_message,
};
