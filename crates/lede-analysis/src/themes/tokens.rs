//! Words of a text as the theme matcher sees them: where each word is, its
//! normalised form, its stem, and where a phrase may not run on.

use std::borrow::Cow;
use std::fmt::Write as _;

use rust_stemmers::{Algorithm, Stemmer};

use crate::apostrophe::{STRAIGHT, is_apostrophe};
use unicode_segmentation::UnicodeSegmentation;

/// One word of a text, or a break between words that a phrase may not cross.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Piece<'t> {
    /// A word: its byte range in the text it was cut from and its text there.
    Word {
        start: usize,
        end: usize,
        raw: &'t str,
    },
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
    let mut on_segment = |start: usize, seg: &'t str, is_word: bool| {
        if is_word {
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
    };
    if all_simple(text) {
        simple_word_bounds(text, on_segment);
    } else {
        for (start, seg) in text.split_word_bound_indices() {
            on_segment(start, seg, seg.chars().any(char::is_alphanumeric));
        }
    }
}

fn is_break(seg: &str, last_word: &str) -> bool {
    // Most segments between words are one space.
    if seg == " " {
        return false;
    }
    if seg == "." && last_word.contains('.') {
        return false; // "U.S." — the stop belongs to the abbreviation.
    }
    seg.chars().any(|c| {
        matches!(
            c,
            '.' | ','
                | ';'
                | ':'
                | '!'
                | '?'
                | '('
                | ')'
                | '['
                | ']'
                | '{'
                | '}'
                | '\n'
                | '—'
                | '–'
                | '…'
                | '|'
        )
    })
}

/// The word-break classes (UAX #29) of the characters most news text is made
/// of. For text of only these characters, [`simple_word_bounds`] gives the same
/// segments as `unicode-segmentation` at several times its speed (a property
/// test holds it to that).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Letter,
    Numeric,
    ExtendNumLet,
    MidLetter,
    MidNum,
    /// MidNumLet and Single_Quote: `.` `'` `‘` `’`.
    MidNumLetQ,
    Space,
    Cr,
    Lf,
    Other,
}

const fn simple_class(c: char) -> Option<Class> {
    use Class::*;
    Some(match c {
        'a'..='z' | 'A'..='Z' => Letter,
        '0'..='9' => Numeric,
        '_' => ExtendNumLet,
        ':' => MidLetter,
        ',' | ';' => MidNum,
        '.' | '\'' | '\u{2018}' | '\u{2019}' => MidNumLetQ,
        ' ' => Space,
        '\r' => Cr,
        '\n' => Lf,
        // Newline class: a break on both sides, like Other.
        '\u{0B}' | '\u{0C}' => Other,
        '\0'..='\u{7F}' => Other,
        // Latin-1 and Latin Extended-A letters.
        '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{17F}' => Letter,
        '\u{201C}' | '\u{201D}' | '\u{2013}' | '\u{2014}' | '\u{2026}' | '\u{20AC}' | '\u{A3}'
        | '\u{B0}' | '\u{A7}' | '\u{D7}' | '\u{F7}' | '\u{2022}' | '\u{A0}' => Other,
        _ => return None,
    })
}

fn all_simple(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Sixteen ASCII bytes at a time, as most text is.
        if bytes.get(i..i + 16).is_some_and(<[u8]>::is_ascii) {
            i += 16;
            continue;
        }
        if bytes[i] < 0x80 {
            i += 1;
            continue;
        }
        match text[i..].chars().next() {
            Some(c) if simple_class(c).is_some() => i += c.len_utf8(),
            _ => return false,
        }
    }
    true
}

/// The class and byte length of the character at byte `i` of `text`.
#[inline]
fn class_at(text: &str, i: usize) -> Option<(Class, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((ASCII_CLASSES[b as usize], 1));
    }
    let c = text[i..].chars().next()?;
    Some((
        simple_class(c).expect("checked by the caller"),
        c.len_utf8(),
    ))
}

const ASCII_CLASSES: [Class; 128] = {
    let mut table = [Class::Other; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = match simple_class(b as u8 as char) {
            Some(c) => c,
            None => Class::Other,
        };
        b += 1;
    }
    table
};

/// UAX #29 word boundaries for text whose every character has a [`simple_class`];
/// `each` gets each segment's start, text, and whether it has a letter or digit.
fn simple_word_bounds<'t>(text: &'t str, mut each: impl FnMut(usize, &'t str, bool)) {
    use Class::*;
    let wordish = |c: Class| matches!(c, Letter | Numeric | ExtendNumLet);
    let mut i = 0;
    while let Some((c, len)) = class_at(text, i) {
        let start = i;
        i += len;
        let mut is_word = matches!(c, Letter | Numeric);
        match c {
            c if wordish(c) => {
                let mut prev = c;
                loop {
                    // Most words are runs of ASCII letters: skip them byte by byte.
                    let run = text.as_bytes()[i..]
                        .iter()
                        .take_while(|b| b.is_ascii_alphabetic())
                        .count();
                    if run > 0 {
                        i += run;
                        prev = Letter;
                        is_word = true;
                    }
                    let Some((next, next_len)) = class_at(text, i) else {
                        break;
                    };
                    if wordish(next) {
                        is_word |= next != ExtendNumLet;
                        prev = next;
                        i += next_len;
                        continue;
                    }
                    let Some((after, after_len)) = class_at(text, i + next_len) else {
                        break;
                    };
                    let joins = matches!(
                        (prev, next, after),
                        (Letter, MidLetter | MidNumLetQ, Letter)
                            | (Numeric, MidNum | MidNumLetQ, Numeric)
                    );
                    if !joins {
                        break;
                    }
                    is_word = true;
                    prev = after;
                    i += next_len + after_len;
                }
            }
            Space => {
                while let Some((Space, l)) = class_at(text, i) {
                    i += l;
                }
            }
            Cr if matches!(class_at(text, i), Some((Lf, _))) => i += 1,
            _ => {}
        }
        each(start, &text[start..i], is_word);
    }
}

/// Lower-cases a word and makes every apostrophe the straight one, into `out`.
pub(crate) fn normalise_into(raw: &str, out: &mut String) {
    out.clear();
    normalise_onto(raw, out);
}

/// [`normalise_into`], after what `out` holds.
fn normalise_onto(raw: &str, out: &mut String) {
    for c in raw.chars() {
        match c {
            c if is_apostrophe(c) => out.push(STRAIGHT),
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
    if b.iter()
        .all(|c| c.is_ascii_digit() || *c == b',' || *c == b'.')
    {
        return Some(NumberClass::Number);
    }
    let digits = raw
        .strip_suffix('s')
        .map(|d| d.strip_suffix(is_apostrophe).unwrap_or(d))?;
    let decade = (2..=4).contains(&digits.len())
        && digits.bytes().all(|c| c.is_ascii_digit())
        && digits.ends_with('0');
    decade.then_some(NumberClass::Decade)
}

/// The id the matcher gives every numeral (`#number` in a lexicon).
pub(crate) const NUMBER: u32 = 0;
/// The id the matcher gives every decade (`#decade` in a lexicon).
pub(crate) const DECADE: u32 = 1;

/// One word of a lexicon term as the matcher looks it up: borrowed when read
/// from a line of keys ([`read_keys`]).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Key<'a> {
    Stem(Cow<'a, str>),
    Exact(Cow<'a, str>),
    /// [`NUMBER`] or [`DECADE`].
    Class(u32),
}

/// The keys of a line written by [`write_term_keys`].
pub(crate) fn read_keys(line: &str) -> impl Iterator<Item = Key<'_>> {
    line.split(' ').map(|k| {
        if let Some(exact) = k.strip_prefix('=') {
            Key::Exact(Cow::Borrowed(exact))
        } else if let Some(class) = k.strip_prefix('#') {
            Key::Class(
                class
                    .parse()
                    .expect("write_term_keys writes a class as its number"),
            )
        } else {
            Key::Stem(Cow::Borrowed(k))
        }
    })
}

/// The most words a term may have. The matcher walks its terms from every
/// word of a text, so one term thousands of words long would cost the
/// text's length times its own; the longest built-in term has 7.
pub(crate) const MAX_TERM_WORDS: usize = 12;

/// Why a term has no keys.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum TermProblem {
    /// `#word` where `word` is neither `number` nor `decade`.
    UnknownClass(String),
    Empty,
    /// A phrase with punctuation inside, which no text could match.
    CrossesBreak,
    /// A phrase of more than [`MAX_TERM_WORDS`] words, and how many.
    TooLong(usize),
}

/// Writes the keys of a lexicon term after what `out` holds, on one line:
/// separated by spaces, a stem as it is, an exact form after `=`, a class as
/// `#` and its number. No key is empty or holds a space or a line break (a
/// word never does), so [`read_keys`] reads them back, and two terms have the
/// same keys when they have the same line. A term starting with `=` matches
/// its words' exact forms only; a word `#number` or `#decade` matches a
/// numeral. On a problem `out` is left as it was.
///
/// Written straight into `out`, with no key allocated on its own: a
/// reader's theme may hold 100,000 terms.
pub(crate) fn write_term_keys(term: &str, out: &mut String) -> Result<(), TermProblem> {
    let (exact, body) = match term.trim().strip_prefix('=') {
        Some(rest) => (true, rest),
        None => (false, term),
    };
    let line = out.len();
    let mut keys = 0;
    let mut crosses_break = false;
    let mut problem = None;
    pieces(body, |piece| match piece {
        Piece::Break => crosses_break = true,
        Piece::Word { start, raw, .. } => {
            let class = body[..start].ends_with('#');
            if class && !matches!(raw, "number" | "decade") {
                problem = Some(raw.to_owned());
                return;
            }
            if keys > 0 {
                out.push(' ');
            }
            keys += 1;
            if class {
                let id = if raw == "number" { NUMBER } else { DECADE };
                let _ = write!(out, "#{id}");
            } else if exact {
                out.push('=');
                normalise_onto(raw, out);
            } else {
                push_stem(raw, out);
            }
        }
    });
    let problem = if let Some(word) = problem {
        Some(TermProblem::UnknownClass(word))
    } else if keys == 0 {
        Some(TermProblem::Empty)
    } else if crosses_break && keys > 1 {
        Some(TermProblem::CrossesBreak)
    } else if keys > MAX_TERM_WORDS {
        Some(TermProblem::TooLong(keys))
    } else {
        None
    };
    match problem {
        Some(problem) => {
            out.truncate(line);
            Err(problem)
        }
        None => Ok(()),
    }
}

/// Appends the stem of the word `raw` to `out`.
pub(crate) fn push_stem(raw: &str, out: &mut String) {
    let word = out.len();
    normalise_onto(raw, out);
    if let Cow::Owned(stem) = stem(&out[word..]) {
        out.truncate(word);
        out.push_str(&stem);
    }
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

    /// A term's keys are written on one line, read back as they were.
    #[test]
    fn keys_on_a_line() {
        let stem = |s| Key::Stem(Cow::Borrowed(s));
        let exact = |s| Key::Exact(Cow::Borrowed(s));
        let cases: &[(&str, &str, &[Key])] = &[
            ("cooperation", "cooper", &[stem("cooper")]),
            ("=containment", "=containment", &[exact("containment")]),
            (
                "#number years",
                "#0 year",
                &[Key::Class(NUMBER), stem("year")],
            ),
            ("win-win", "win win", &[stem("win"), stem("win")]),
            ("1970s", "1970s", &[stem("1970s")]),
            ("#decade", "#1", &[Key::Class(DECADE)]),
            (
                "=Trade war #number",
                "=trade =war #0",
                &[exact("trade"), exact("war"), Key::Class(NUMBER)],
            ),
            ("China’s", "china", &[stem("china")]),
        ];
        for &(term, line, keys) in cases {
            let mut out = String::from("before\n");
            write_term_keys(term, &mut out).unwrap();
            assert_eq!(out, format!("before\n{line}"), "{term:?}");
            assert_eq!(read_keys(line).collect::<Vec<_>>(), keys, "{term:?}");
        }
    }

    /// A term with no keys to match leaves the line as it was.
    #[test]
    fn keys_of_bad_terms() {
        let cases: &[(&str, TermProblem)] = &[
            ("", TermProblem::Empty),
            (" -- ", TermProblem::Empty),
            ("=", TermProblem::Empty),
            ("trade, war", TermProblem::CrossesBreak),
            ("#year 2000", TermProblem::UnknownClass("year".into())),
            (
                "a b c d e f g h i j k l m",
                TermProblem::TooLong(MAX_TERM_WORDS + 1),
            ),
        ];
        for (term, problem) in cases {
            let mut out = String::from("before");
            assert_eq!(write_term_keys(term, &mut out), Err(problem.clone()));
            assert_eq!(out, "before", "{term:?}");
        }
        let mut out = String::new();
        write_term_keys("trade.", &mut out).unwrap();
        assert_eq!(out, "trade", "a break after the only word");
        let mut out = String::new();
        write_term_keys("a b c d e f g h i j #number l", &mut out).unwrap();
        assert_eq!(out, "a b c d e f g h i j #0 l", "as long as a term may be");
    }

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
            (
                "trade, and “growing pains”",
                &["trade", "|", "and", "growing", "pains"],
            ),
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

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        #[test]
        fn simple_bounds_agree_with_unicode_segmentation(
            text in "[a-zA-Z0-9_:,;.' \r\n\t\u{0B}\u{0C}!?()\\-\u{2018}\u{2019}\u{201C}\u{201D}\u{2013}\u{2014}\u{2026}\u{20AC}\u{A3}\u{B0}\u{A7}\u{D7}\u{F7}\u{A0}\u{2022}\u{C0}-\u{17F}]{0,60}"
        ) {
            let mut ours = Vec::new();
            simple_word_bounds(&text, |i, s, w| ours.push((i, s, w)));
            let theirs: Vec<_> = text
                .split_word_bound_indices()
                .map(|(i, s)| (i, s, s.chars().any(char::is_alphanumeric)))
                .collect();
            proptest::prop_assert_eq!(ours, theirs);
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
