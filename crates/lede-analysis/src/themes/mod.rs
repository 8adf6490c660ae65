//! Themes: which paragraphs of an article speak of trade, of Taiwan, of
//! history — and the words that show it.
//!
//! A [`Lexicon`] is a set of [`Theme`]s, each a list of weighted terms (words
//! and phrases). [`score`] finds the terms in every paragraph, matching by stem
//! so "cooperate", "cooperation" and "cooperating" all count, regardless of case,
//! apostrophe style, or "win-win" versus "win win". Where terms overlap the
//! longest wins: "seeking common ground while shelving differences" counts for
//! cooperation, and its "differences" does not also count for friction.
//!
//! ```
//! use lede_analysis::Document;
//! use lede_analysis::themes::{score, Lexicon};
//!
//! let doc = Document::parse(
//!     "The two leaders held a phone call on Friday and agreed to keep talking.\n\n\
//!      Washington raised tariffs on $200 billion of imports, deepening the trade war.",
//! );
//! let report = score(&doc, Lexicon::builtin());
//! assert_eq!(report.paragraphs[0].about, ["dialogue".into()]);
//! assert_eq!(report.paragraphs[1].dominant.as_deref(), Some("economy"));
//! // Every score is explained by the terms that made it.
//! let call = &report.paragraphs[0].evidence[0];
//! assert_eq!(&doc.text()[call.span.start..call.span.end], "phone call");
//! ```
//!
//! Each paragraph gets, per theme, `weight = Σ term weight × (1 + ln count)` over
//! the distinct terms matched (a phrase's weight times [`PHRASE_BONUS`]), and `score = weight / sqrt(max(words, 25) / 25)`,
//! so long paragraphs are not favoured for their length alone. A paragraph is
//! *about* every theme scoring at least [`ABOUT_SCORE`] and at least
//! [`ABOUT_SHARE`] of its best theme. See `docs/themes.md`.
//!
//! The built-in lexicon ([`Lexicon::builtin`], from `data/themes.json`) has eight
//! themes for international-relations writing. A reader's own theme is a name
//! and some terms ([`Theme::custom`], [`Lexicon::with_theme`]); for an article
//! the lexicon says little about, [`suggest_terms`] proposes its key terms.

mod context;
mod lexicon;
mod matcher;
mod score;
mod suggest;
pub(crate) mod tables;
mod tokens;

pub use context::{LEDE_PARAGRAPHS, LEDE_TERM_WEIGHT, QUOTED_SHARE, RECURRENCE_PARAGRAPHS};
pub use lexicon::{
    CUSTOM_TERM_WEIGHT, Lexicon, LexiconError, TermGroup, Theme, builtin_theme_labels,
    builtin_themes,
};
pub use score::{
    ABOUT_SCORE, ABOUT_SHARE, CORE_WEIGHT, Evidence, PHRASE_BONUS, ParagraphThemes,
    REFERENCE_WORDS, ThemeReport, ThemeScore, ThemeTotal, score,
};
pub use suggest::{SuggestedTerm, suggest_terms};

#[cfg(not(target_arch = "wasm32"))]
pub(crate) use score::is_phrase;
