//! Where a correction applies, said as the W3C `TextQuoteSelector` says it:
//! the exact text, some text before and after it, and a byte position as a
//! hint. The position finds it at once in the same text; the quote and its
//! context find it again in a text that moved.

use serde::{Deserialize, Serialize};

use crate::Span;

/// How many code points of context an anchor keeps on each side.
pub(crate) const CONTEXT_CHARS: usize = 32;

/// A stretch of text, found again by its words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    /// The text itself.
    pub exact: String,
    /// Up to 32 code points just before it.
    #[serde(default)]
    pub prefix: String,
    /// Up to 32 code points just after it.
    #[serde(default)]
    pub suffix: String,
    /// Where it started, in UTF-8 bytes: a hint, tried first.
    #[serde(default)]
    pub position: usize,
}

impl Anchor {
    /// The anchor of `span` in `text`. Panics if the span does not lie on
    /// `text`'s character boundaries: that is a bug in the caller.
    pub fn at(text: &str, span: Span) -> Anchor {
        let (prefix, suffix) = context(text, span);
        Anchor {
            exact: span.slice(text).to_owned(),
            prefix: prefix.to_owned(),
            suffix: suffix.to_owned(),
            position: span.start,
        }
    }

    /// Where the anchor lies in `text`: at its position if the text there
    /// is still its text and context; otherwise the occurrence of its text
    /// whose context agrees most (the nearer to the position on a tie).
    /// None when its text is gone, or when it occurs more than once and no
    /// occurrence shares any of its context.
    pub fn find(&self, text: &str) -> Option<Span> {
        if self.exact.is_empty() {
            return None;
        }
        let hint = Span {
            start: self.position,
            end: self.position.saturating_add(self.exact.len()),
        };
        if text.get(hint.start..hint.end) == Some(self.exact.as_str())
            && self.agreement(text, hint) == self.prefix.len() + self.suffix.len()
        {
            return Some(hint);
        }
        let mut best: Option<(usize, usize, Span)> = None;
        let mut count = 0;
        for (start, _) in text.match_indices(self.exact.as_str()) {
            count += 1;
            let span = Span::new(start, start + self.exact.len());
            let score = self.agreement(text, span);
            let distance = start.abs_diff(self.position);
            let better = match best {
                None => true,
                Some((s, d, _)) => score > s || (score == s && distance < d),
            };
            if better {
                best = Some((score, distance, span));
            }
        }
        let (score, _, span) = best?;
        (score > 0 || count == 1 || (self.prefix.is_empty() && self.suffix.is_empty()))
            .then_some(span)
    }

    /// How many bytes of the context agree with the text around `span`.
    fn agreement(&self, text: &str, span: Span) -> usize {
        let before = &text.as_bytes()[..span.start];
        let after = &text.as_bytes()[span.end..];
        let same_end = before
            .iter()
            .rev()
            .zip(self.prefix.as_bytes().iter().rev())
            .take_while(|(a, b)| a == b)
            .count();
        let same_start = after
            .iter()
            .zip(self.suffix.as_bytes())
            .take_while(|(a, b)| a == b)
            .count();
        same_end + same_start
    }
}

/// Up to [`CONTEXT_CHARS`] code points before and after `span`.
pub(crate) fn context(text: &str, span: Span) -> (&str, &str) {
    let before = &text[..span.start];
    let start = before
        .char_indices()
        .rev()
        .nth(CONTEXT_CHARS - 1)
        .map_or(0, |(i, _)| i);
    let after = &text[span.end..];
    let end = after
        .char_indices()
        .nth(CONTEXT_CHARS)
        .map_or(after.len(), |(i, _)| i);
    (&before[start..], &after[..end])
}

/// Whether `c` is part of a word: letters and digits, and the marks inside
/// names ("O'Brien", "Rolls-Royce", "U.S.", "AT&T") when a letter or digit follows.
fn wordy(c: char) -> bool {
    c.is_alphanumeric()
}

fn joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '&')
}

/// The word at byte `at` of `text` (a click on it), if there is one there.
///
/// ```
/// use lede_analysis::corrections::word_at;
/// let text = "Talks with O'Brien ended.";
/// let w = word_at(text, 13).unwrap();
/// assert_eq!(w.slice(text), "O'Brien");
/// assert_eq!(word_at("Hi, there", 3), None); // between the comma and the space
/// ```
pub fn word_at(text: &str, at: usize) -> Option<Span> {
    let at = at.min(text.len());
    if !text.is_char_boundary(at) {
        return None;
    }
    let here = text[at..].chars().next().filter(|&c| wordy(c));
    let before = text[..at].chars().next_back().filter(|&c| wordy(c));
    if here.is_none() && before.is_none() {
        return None;
    }
    Some(snap_to_words(text, Span::new(at, at)))
}

/// `span` grown to whole words at both ends, and shrunk past the spaces and
/// punctuation it starts or ends with: what a selection snaps to. A
/// selection of no word at all snaps to nothing (an empty span).
///
/// ```
/// use lede_analysis::{Span, corrections::snap_to_words};
/// let text = "Shares of Acme Corp. fell.";
/// let s = snap_to_words(text, Span::new(12, 17)); // "me Co"
/// assert_eq!(s.slice(text), "Acme Corp");
/// ```
pub fn snap_to_words(text: &str, span: Span) -> Span {
    let (mut start, mut end) = (span.start.min(text.len()), span.end.min(text.len()));
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    // Shrink past what is not a word at either end.
    while start < end {
        let c = text[start..].chars().next().unwrap_or(' ');
        if wordy(c) {
            break;
        }
        start += c.len_utf8();
    }
    while end > start {
        let c = text[..end].chars().next_back().unwrap_or(' ');
        if wordy(c) {
            break;
        }
        end -= c.len_utf8();
    }
    if start == end && span.start != span.end {
        // Only spaces and punctuation were selected: no word.
        return Span::new(start, start);
    }
    // Grow to the whole word at the start…
    loop {
        let mut back = text[..start].chars().rev();
        match (back.next(), back.next()) {
            (Some(c), _) if wordy(c) => start -= c.len_utf8(),
            (Some(j), Some(c)) if joiner(j) && wordy(c) => start -= j.len_utf8() + c.len_utf8(),
            _ => break,
        }
    }
    // …and at the end.
    loop {
        let mut ahead = text[end..].chars();
        match (ahead.next(), ahead.next()) {
            (Some(c), _) if wordy(c) => end += c.len_utf8(),
            (Some(j), Some(c)) if joiner(j) && wordy(c) => end += j.len_utf8() + c.len_utf8(),
            _ => break,
        }
    }
    Span::new(start, end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn span_of(text: &str, s: &str) -> Span {
        let i = text.find(s).unwrap();
        Span::new(i, i + s.len())
    }

    #[test]
    fn anchors_are_found_again() {
        let text = "Paris said yes. Later, Paris said no. Paris!";
        let second = Span::new(23, 28);
        assert_eq!(second.slice(text), "Paris");
        let a = Anchor::at(text, second);
        assert_eq!(a.find(text), Some(second));
        // (edited text, where the anchor should land, or None)
        let cases: &[(&str, Option<&str>)] = &[
            (
                "New: Paris said yes. Later, Paris said no. Paris!",
                Some("Later, Paris"),
            ),
            (
                "Paris said yes. Later, Paris said no.",
                Some("Later, Paris"),
            ),
            ("Paris said no. Later, Paris said no.", Some("Later, Paris")),
            ("London said yes. Later, London said no.", None),
            ("Paris", Some("Paris")),
        ];
        for &(edited, want) in cases {
            let got = a.find(edited);
            let want = want.map(|w| {
                let s = span_of(edited, w);
                Span::new(s.end - 5, s.end)
            });
            assert_eq!(got, want, "in {edited:?}");
        }
    }

    #[test]
    fn words_snap() {
        // (text, selection as start..end in bytes, snapped)
        let cases: &[(&str, (usize, usize), &str)] = &[
            ("Shares of Acme Corp. fell.", (12, 17), "Acme Corp"),
            ("Shares of Acme Corp. fell.", (9, 20), "Acme Corp"),
            ("Talks with O'Brien ended", (13, 14), "O'Brien"),
            ("the U.S. side", (6, 7), "U.S"),
            ("the U.S. side", (4, 4), "U.S"),
            ("Rolls-Royce jets", (2, 2), "Rolls-Royce"),
            ("Zürich 北京 now", (1, 2), "Zürich"),
            ("a, b", (0, 4), "a, b"),
            ("a, b", (1, 3), ""),
        ];
        for &(text, (a, b), want) in cases {
            assert_eq!(
                snap_to_words(text, Span::new(a, b)).slice(text),
                want,
                "{text:?} {a}..{b}"
            );
        }
        assert_eq!(word_at("a  b", 2), None);
        assert_eq!(word_at("ab", 2).map(|s| s.slice("ab")), Some("ab"));
    }

    proptest! {
        #[test]
        fn snapped_spans_lie_on_boundaries_and_cover_words(text in "\\PC{0,30}", a in 0usize..40, b in 0usize..40) {
            let (a, b) = (a.min(text.len()), b.min(text.len()));
            let s = snap_to_words(&text, Span::new(a.min(b), a.max(b)));
            prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            prop_assert!(s.start <= s.end && s.end <= text.len());
        }

        #[test]
        fn an_anchor_finds_its_own_span(text in "\\PC{1,40}", a in 0usize..40, b in 1usize..40) {
            let mut a = a.min(text.len() - 1);
            while !text.is_char_boundary(a) { a -= 1; }
            let mut b = (a + b).min(text.len());
            while !text.is_char_boundary(b) { b += 1; }
            prop_assume!(a < b);
            let span = Span::new(a, b);
            prop_assert_eq!(Anchor::at(&text, span).find(&text), Some(span));
        }
    }
}
