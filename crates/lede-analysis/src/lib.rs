//! The analysis behind Lede: it reads an English news article and finds its
//! structure, its named entities and its themes.
//!
//! Everything here is plain Rust with no web dependency: it takes text (and
//! lexicons) and returns plain, serialisable data, so it runs natively in tests
//! and benchmarks, in the browser's main thread, or in a Web Worker.
//!
//! ```
//! use lede_analysis::Document;
//! let doc = Document::parse("Talks resume\n\nThe two sides met in Geneva on Monday.");
//! assert_eq!(doc.title(), Some("Talks resume"));
//! ```
//!
//! All offsets are byte spans ([`Span`]) into [`Document::text`]; [`OffsetMap`]
//! converts them to code points or UTF-16 units.

pub mod apostrophe;
mod background;
pub mod corrections;
mod document;
pub mod entities;
pub mod export;
// The laws the fuzz targets check, shared with the test that replays their corpus.
#[cfg(not(target_arch = "wasm32"))]
#[doc(hidden)]
pub mod fuzzing;
mod id;
mod import;
pub mod job;
mod span;
mod steps;
pub mod themes;
mod wire;
mod word_hash;

pub use document::{Block, BlockId, BlockKind, Byline, Document};
pub use entities::{
    Entities, Entity, EntityId, Label, Mention, MentionId, Quote, recognize, wikidata_url,
};
pub use import::{ImportError, MAX_IMPORT_BYTES, check_import_size, import, import_text};
pub use span::{OffsetMap, Span};
pub use themes::{Lexicon, Theme, ThemeReport};
