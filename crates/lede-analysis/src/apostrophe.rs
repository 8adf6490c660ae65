//! The apostrophe, defined once for the whole crate and its build script:
//! which characters write it, and how text is folded to one of them.
//!
//! News text writes the apostrophe as the straight `'`, the typographic `’`
//! (U+2019), and, by mistake or by a keyboard's habit, as `‘` (U+2018), the
//! modifier letter `ʼ` (U+02BC), the prime `′` (U+2032) or the grave accent
//! `` ` ``. Tokenisers, lookups and keys treat them all alike: "China’s",
//! "China's" and "Chinaʼs" are one word.
//!
//! ```
//! use lede_analysis::apostrophe::{fold_apostrophes, is_apostrophe};
//! assert!(is_apostrophe('’') && is_apostrophe('\''));
//! assert_eq!(fold_apostrophes("People’s Daily"), "People's Daily");
//! ```
//!
//! Plain `std` only: `build.rs` includes this file as a module.

use std::borrow::Cow;

/// The straight apostrophe, the form text is folded to.
pub const STRAIGHT: char = '\'';
/// The typographic apostrophe (right single quotation mark), the other form
/// names in the data files are matched in.
pub const TYPOGRAPHIC: char = '\u{2019}';

/// Whether `c` writes an apostrophe.
pub const fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' | '`'
    )
}

/// `s` with every apostrophe straight; borrowed when it has no other kind.
pub fn fold_apostrophes(s: &str) -> Cow<'_, str> {
    if s.chars().any(|c| is_apostrophe(c) && c != STRAIGHT) {
        Cow::Owned(
            s.chars()
                .map(|c| if is_apostrophe(c) { STRAIGHT } else { c })
                .collect(),
        )
    } else {
        Cow::Borrowed(s)
    }
}

/// `s` with every apostrophe typographic: the other form a name is looked up in.
pub fn typographic_apostrophes(s: &str) -> String {
    s.chars()
        .map(|c| if is_apostrophe(c) { TYPOGRAPHIC } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_apostrophe_folds_to_the_straight_one() {
        for c in ['\'', '’', '‘', 'ʼ', '′', '`'] {
            assert!(is_apostrophe(c), "{c:?}");
            let word = format!("China{c}s");
            assert_eq!(fold_apostrophes(&word), "China's");
            assert_eq!(typographic_apostrophes(&word), "China’s");
        }
        for c in ['"', '“', '”', 's', '-'] {
            assert!(!is_apostrophe(c), "{c:?}");
        }
        assert!(matches!(fold_apostrophes("O'Brien"), Cow::Borrowed(_)));
    }
}
