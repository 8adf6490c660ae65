//! Words of a text as the theme matcher sees them: where each word is, its
//! normalised form, its stem, and where a phrase may not run on.

use std::borrow::Cow;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_segmentation::UnicodeSegmentation;

/// One word of a text, or a break between words that a phrase may not cross.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Piece<'t> {
    /// A word: its byte range in the text it was cut from and its text there.
    Word { start: usize, end: usize, raw: &'t str },
    /// Sentence or clause punctuation (`. , ; : ! ? ( )`, dashes, line breaks).
    Break,
}

/// What kind of token a numeral is, for the lexicon's `#number` and `#decade`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NumberClass {
    /// Digits, possibly grouped: `46`, `1979`, `1,000`.
    Number,
    /// A decade: `1970s`, `80s`, `1970’s`.
    Decade,
}

/// Cuts `text` into words and breaks, at Unicode word boundaries (UAX #29).
///
/// Hyphens, apostrophes, quotation marks and spaces join the words of a phrase
/// ("win-win" reads as "win win"); other punctuation breaks it. The full stop
/// of an abbreviation such as "U.S." does not break.
pub(crate) fn pieces<'t>(text: &'t str, mut each: impl FnMut(Piece<'t>)) {
    let mut last_word: &str = "";
    for (start, seg) in text.split_word_bound_indices() {
        if seg.chars().any(char::is_alphanumeric) {
            each(Piece::Word {
                start,
                end: start + seg.len(),
                raw: seg,
            });
            last_word = seg;
        } else if is_break(seg, last_word) {
            each(Piece::Break);
            last_word = "";
        }
    }
}

fn is_break(seg: &str, last_word: &str) -> bool {
    if seg == "." && last_word.contains('.') {
        return false; // "U.S." — the stop belongs to the abbreviation.
    }
    seg.chars().any(|c| {
        matches!(
            c,
            '.' | ',' | ';' | ':' | '!' | '?' | '(' | ')' | '[' | ']' | '{' | '}' | '\n' | '—' | '–' | '…' | '|'
        )
    })
}

/// Lower-cases a word and makes every apostrophe the straight one, into `out`.
pub(crate) fn normalise_into(raw: &str, out: &mut String) {
    out.clear();
    for c in raw.chars() {
        match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' | '`' => out.push('\''),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
}

/// Whether a word is a numeral the lexicon can name by class.
pub(crate) fn number_class(raw: &str) -> Option<NumberClass> {
    let b = raw.as_bytes();
    if !b.first()?.is_ascii_digit() {
        return None;
    }
    if b.iter().all(|c| c.is_ascii_digit() || *c == b',' || *c == b'.') {
        return Some(NumberClass::Number);
    }
    let digits = raw
        .strip_suffix('s')
        .map(|d| d.strip_suffix('\'').or_else(|| d.strip_suffix('\u{2019}')).unwrap_or(d))?;
    let decade = (2..=4).contains(&digits.len())
        && digits.bytes().all(|c| c.is_ascii_digit())
        && digits.ends_with('0');
    decade.then_some(NumberClass::Decade)
}

/// The English Snowball stemmer, made once.
pub(crate) fn stemmer() -> &'static Stemmer {
    static STEMMER: std::sync::OnceLock<Stemmer> = std::sync::OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// The stem of a normalised word. Snowball strips the possessive "'s" itself.
pub(crate) fn stem(normalised: &str) -> Cow<'_, str> {
    stemmer().stem(normalised)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        pieces(text, |p| match p {
            Piece::Word { raw, .. } => out.push(raw.to_owned()),
            Piece::Break => out.push("|".into()),
        });
        out
    }

    #[test]
    fn cutting() {
        let cases: &[(&str, &[&str])] = &[
            ("win-win cooperation", &["win", "win", "cooperation"]),
            ("China’s U.S. policy.", &["China’s", "U.S", "policy", "|"]),
            ("trade, and “growing pains”", &["trade", "|", "and", "growing", "pains"]),
            ("in the 1970s — then", &["in", "the", "1970s", "|", "then"]),
            ("a\nb", &["a", "|", "b"]),
            ("", &[]),
        ];
        for (text, expected) in cases {
            assert_eq!(words(text), *expected, "cutting {text:?}");
        }
    }

    #[test]
    fn stems() {
        let mut buf = String::new();
        let cases: &[(&str, &str)] = &[
            ("Cooperation", "cooper"),
            ("cooperating", "cooper"),
            ("China’s", "china"),
            ("China's", "china"),
            ("countries’", "countri"),
            ("Tariffs", "tariff"),
            ("ÉTAT", "état"),
        ];
        for (word, expected) in cases {
            normalise_into(word, &mut buf);
            assert_eq!(stem(&buf), *expected, "stemming {word:?}");
        }
    }

    #[test]
    fn numerals() {
        use NumberClass::*;
        let cases: &[(&str, Option<NumberClass>)] = &[
            ("46", Some(Number)),
            ("1,000", Some(Number)),
            ("1970s", Some(Decade)),
            ("80s", Some(Decade)),
            ("1970’s", Some(Decade)),
            ("1975s", None),
            ("21st", None),
            ("G20", None),
        ];
        for (word, expected) in cases {
            assert_eq!(number_class(word), *expected, "classing {word:?}");
        }
    }
}
