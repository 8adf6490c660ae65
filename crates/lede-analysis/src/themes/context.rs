//! The theme a paragraph takes from the one before it: a paragraph made of a
//! speaker's quoted words, with no theme word of its own, goes on with what
//! the paragraph before it was about.
//!
//! News writing sets a speaker's words apart: one paragraph names the talks,
//! the tariffs or the strikes, the next gives the quote ("“We will not accept
//! it,” she said."). The quote carries no term of the lexicon but is read by
//! the reader as part of the same subject, and a reader filtering for that
//! theme expects it. Only a paragraph that is mostly quotation and opens with
//! the mark continues its neighbour; ordinary paragraphs stand on their own.
//! Quotations are found as the quotation layer finds them
//! ([`quotations`]).

use crate::entities::quotations;

/// The share of a paragraph's non-space characters inside double quotation
/// marks above which it is a quotation paragraph.
pub const QUOTED_SHARE: f32 = 0.5;

/// Whether `text`, a paragraph, opens with a double quotation mark and has
/// more than [`QUOTED_SHARE`] of its non-space characters inside double
/// quotation marks. An opening mark left unclosed runs to the end of the
/// paragraph, as a quotation continued in the next paragraph does.
pub(crate) fn is_quotation(text: &str) -> bool {
    let text = text.trim_start();
    if !text.starts_with(['"', '“']) {
        return false;
    }
    let solid = |s: &str| s.chars().filter(|c| !c.is_whitespace()).count();
    let (closed, open) = quotations(text);
    let inside: usize = closed
        .iter()
        .map(|&(s, e)| solid(&text[s..e]))
        .sum::<usize>()
        + open.map_or(0, |o| solid(&text[o..]));
    let all = solid(text);
    all > 0 && inside as f32 > QUOTED_SHARE * all as f32
}

#[cfg(test)]
mod tests {
    use super::is_quotation;

    #[test]
    fn quotation_paragraphs() {
        let cases: &[(&str, bool)] = &[
            ("“We will not accept it,” she said.", true),
            (
                "\"We will not accept it, not now and not ever,\" Ms Okafor told reporters.",
                true,
            ),
            ("  “We came a long way. We will go further,” he said.", true),
            // A quotation continued in the next paragraph is left open.
            ("“This is only the beginning of a long road", true),
            // A speaker named at length outweighs a short quotation.
            (
                "“No,” said the minister, who had flown in from the capital on Tuesday morning.",
                false,
            ),
            // A quotation inside a paragraph does not open it.
            ("She called the plan “a betrayal of the workers”.", false),
            ("The talks ended on Friday.", false),
            ("", false),
        ];
        for &(text, expected) in cases {
            assert_eq!(is_quotation(text), expected, "{text:?}");
        }
    }
}
