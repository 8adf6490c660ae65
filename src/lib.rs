//! Lede: read a news article with its people, places, organisations, dates and
//! themes lit up.
//!
//! The analysis lives in the `lede-analysis` crate and knows nothing of the web;
//! this crate holds the view state and the components that display its results.

mod app;
mod article;
mod colour_scheme;
mod panic;

pub use app::App;
pub use article::ArticleView;
pub use colour_scheme::ColourSchemeToggle;
pub use panic::{PANIC_MESSAGE, install_panic_hook, show_panic_message};
