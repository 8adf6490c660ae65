//! Splits a block of text into words, numbers, possessive endings and
//! punctuation, with byte spans into the text as given.
//!
//! A word keeps its inner hyphens ("President-elect", "China-U.S.") and inner
//! apostrophes ("O'Brien"), and the periods of abbreviations ("U.S.", "Jan.",
//! "Inc."). A possessive "’s" or "'s" is a token of its own, so that names
//! never include it.

use crate::apostrophe::is_apostrophe;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Starts with a letter.
    Word,
    /// Starts with a digit: "2025", "1,000", "3.5", "21st", "1970s", "90-day".
    Number,
    /// "’s" or "'s" after a word.
    Possessive,
    /// Any other single character that is not white space.
    Punct,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Whether the token has an inner hyphen ("China-U.S.", "90-day").
    pub hyphen: bool,
    /// Whether the token starts with an upper-case letter.
    pub upper: bool,
}

impl Token {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// Whether a word (the last part of a hyphenated one: "ex-Gov.") is an
/// abbreviation whose final period belongs to it. Every word that ends a
/// sentence asks, hence a `match` rather than a list searched in turn.
fn is_abbreviation(word: &str) -> bool {
    matches!(
        word,
        "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Jun"
            | "Jul"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
            | "Mr"
            | "Mrs"
            | "Ms"
            | "Dr"
            | "Prof"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Gen"
            | "Lt"
            | "Col"
            | "Sgt"
            | "Capt"
            | "Adm"
            | "Rev"
            | "St"
            | "Mt"
            | "Ft"
            | "Jr"
            | "Sr"
            | "Inc"
            | "Corp"
            | "Ltd"
            | "Co"
            | "Bros"
            | "No"
            | "Nos"
            | "vs"
            | "etc"
            | "approx"
            | "Pres"
            | "Amb"
            | "Dept"
            | "Univ"
    )
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The char starting at byte `i` of `s`, if any (none inside a char).
#[inline]
fn char_at(s: &str, i: usize) -> Option<char> {
    match s.as_bytes().get(i) {
        // Most text is ASCII: no decoding, no boundary check.
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => s.get(i..).and_then(|r| r.chars().next()),
        None => None,
    }
}

/// Tokens of `text[from..to]`; spans are offsets into `text`.
pub(crate) fn tokenize(text: &str, from: usize, to: usize, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let mut i = from;
    while i < to {
        let b = bytes[i];
        // Fast path for ASCII white space.
        if b == b' ' || b == b'\n' || b == b'\t' || b == b'\r' {
            i += 1;
            continue;
        }
        let c = char_at(text, i).expect("on a char boundary");
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        if !is_word_char(c) {
            out.push(Token {
                start: i,
                end: i + c.len_utf8(),
                kind: Kind::Punct,
                hyphen: false,
                upper: false,
            });
            i += c.len_utf8();
            continue;
        }
        let kind = if c.is_numeric() {
            Kind::Number
        } else {
            Kind::Word
        };
        let start = i;
        let upper = c.is_uppercase();
        let mut j = i + c.len_utf8();
        // Length in chars of the current dot-separated segment, for "U.S.".
        let mut segment_chars = 1;
        let mut all_single_segments = true;
        let mut had_inner_dot = false;
        let mut hyphen = false;
        loop {
            // Fast path: ASCII letters and digits.
            if j < to && bytes[j].is_ascii_alphanumeric() {
                j += 1;
                segment_chars += 1;
                continue;
            }
            let Some(c) = char_at(text, j).filter(|_| j < to) else {
                break;
            };
            if is_word_char(c) {
                j += c.len_utf8();
                segment_chars += 1;
                continue;
            }
            let next = char_at(text, j + c.len_utf8()).filter(|_| j + c.len_utf8() < to);
            let next_is_word = next.is_some_and(is_word_char);
            match c {
                _ if is_apostrophe(c) => {
                    // Possessive: the word ends here and "’s" follows on its own.
                    if next == Some('s') {
                        let after = char_at(text, j + c.len_utf8() + 1)
                            .filter(|_| j + c.len_utf8() + 1 < to);
                        if !after.is_some_and(is_word_char) {
                            break;
                        }
                    }
                    if next_is_word && kind == Kind::Word {
                        j += c.len_utf8();
                        segment_chars = 0;
                        continue;
                    }
                    break;
                }
                '-' if next_is_word => {
                    j += 1;
                    hyphen = true;
                    segment_chars = 0;
                    all_single_segments = true;
                    had_inner_dot = false;
                    continue;
                }
                '.' | ',' | ':' | '/'
                    if kind == Kind::Number && next.is_some_and(|n| n.is_ascii_digit()) =>
                {
                    j += 1;
                    continue;
                }
                '.' if kind == Kind::Word => {
                    if segment_chars != 1 {
                        all_single_segments = false;
                    }
                    if next_is_word && segment_chars == 1 {
                        j += 1;
                        segment_chars = 0;
                        had_inner_dot = true;
                        continue;
                    }
                    // A final period: part of "U.S." and of known abbreviations.
                    let word = &text[start..j];
                    let initial =
                        j - start == 1 && word.starts_with(|c: char| c.is_ascii_uppercase());
                    if (had_inner_dot && all_single_segments)
                        || initial
                        || word.rsplit('-').next().is_some_and(is_abbreviation)
                    {
                        j += 1;
                    }
                    break;
                }
                _ => break,
            }
        }
        out.push(Token {
            start,
            end: j,
            kind,
            hyphen,
            upper,
        });
        i = j;
        // The possessive ending, as its own token.
        if let Some(a) = char_at(text, i).filter(|_| i < to)
            && is_apostrophe(a)
            && char_at(text, i + a.len_utf8()) == Some('s')
            && i + a.len_utf8() < to
        {
            let end = i + a.len_utf8() + 1;
            if !char_at(text, end)
                .filter(|_| end < to)
                .is_some_and(is_word_char)
            {
                out.push(Token {
                    start: i,
                    end,
                    kind: Kind::Possessive,
                    hyphen: false,
                    upper: false,
                });
                i = end;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokenize(s, 0, s.len(), &mut out);
        out.iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn splits() {
        let cases: &[(&str, &[&str])] = &[
            ("China’s rise", &["China", "’s", "rise"]),
            ("Trump's plan", &["Trump", "'s", "plan"]),
            ("the U.S. side", &["the", "U.S.", "side"]),
            ("in the U.S.", &["in", "the", "U.S."]),
            ("China-U.S. ties", &["China-U.S.", "ties"]),
            (
                "On Jan. 17, 2025, Xi",
                &["On", "Jan.", "17", ",", "2025", ",", "Xi"],
            ),
            ("President-elect Donald", &["President-elect", "Donald"]),
            ("1,000.5 and 90-day", &["1,000.5", "and", "90-day"]),
            ("the 1970s.", &["the", "1970s", "."]),
            ("“Hi,” he said.", &["“", "Hi", ",", "”", "he", "said", "."]),
            (
                "O'Brien and countries’ views",
                &["O'Brien", "and", "countries", "’", "views"],
            ),
            ("at 3 p.m. today", &["at", "3", "p.m.", "today"]),
            ("Apple Inc. said", &["Apple", "Inc.", "said"]),
            ("the ex-Gov. said", &["the", "ex-Gov.", "said"]),
            ("the Gov-elect. Then", &["the", "Gov-elect", ".", "Then"]),
            ("end. Next", &["end", ".", "Next"]),
            ("10:30 5%", &["10:30", "5", "%"]),
            ("Antony J. Blinken", &["Antony", "J.", "Blinken"]),
            ("on 01/08/2022 at", &["on", "01/08/2022", "at"]),
            ("北京 café", &["北京", "café"]),
        ];
        for (text, expected) in cases {
            assert_eq!(&toks(text), expected, "tokens of {text:?}");
        }
    }
}
