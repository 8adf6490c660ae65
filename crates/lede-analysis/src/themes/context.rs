//! The themes a paragraph takes from its context: a paragraph made of a
//! speaker's quoted words, with no theme word of its own, goes on with what
//! the paragraph before it was about; and the first paragraphs, the lede,
//! take the headline's themes they have a strong word of.
//!
//! News writing sets a speaker's words apart: one paragraph names the talks,
//! the tariffs or the strikes, the next gives the quote ("“We will not accept
//! it,” she said."). The quote carries no term of the lexicon but is read by
//! the reader as part of the same subject, and a reader filtering for that
//! theme expects it. Only a paragraph that is mostly quotation and opens with
//! the mark continues its neighbour; ordinary paragraphs stand on their own.
//! Quotations are found as the quotation layer finds them
//! ([`quotations`]).
//!
//! A news story tells its subject in the headline and again in its first
//! paragraphs, in more words: "Shipping line sees Red Sea detours lasting
//! through 2026" over a lede on the detour's cost to voyages. A term that
//! would be a passing mention deep in the story ("voyages", "tariffs") is
//! the subject there. So each of the first [`LEDE_PARAGRAPHS`] paragraphs
//! that has a term of weight [`LEDE_TERM_WEIGHT`] or more of a theme the
//! headline is about is about that theme too, and says so
//! (`from_headline`).
//!
//! And an article's subjects recur. A theme that a paragraph owes to one
//! word alone — one term, a single word, not a core term — and that no
//! other paragraph and not the headline is about is a passing sense or a
//! passing mention: "ambassador" in a story on a robotics contest, "trip"
//! in one on a pilgrimage, "refugees" once in a story on visas. In a
//! document of [`RECURRENCE_PARAGRAPHS`] paragraphs or more, such a theme
//! is dropped ([`drop_passing_words`]); its word stays in the evidence.

use std::sync::Arc;

use super::score::{CORE_WEIGHT, ParagraphThemes, ThemeTotal, is_phrase};
use crate::BlockKind;
use crate::entities::quotations;

/// The share of a paragraph's non-space characters inside double quotation
/// marks above which it is a quotation paragraph.
pub const QUOTED_SHARE: f32 = 0.5;

/// How many paragraphs, from the first, the headline's themes reach.
pub const LEDE_PARAGRAPHS: usize = 2;
/// A lede paragraph takes a headline theme when it has a term of the theme
/// weighing at least this (a strong sign; names and titles weigh 1).
pub const LEDE_TERM_WEIGHT: f32 = 2.0;

/// How many paragraphs (Paragraph blocks) a document needs before a theme
/// that one word gives one of them must recur elsewhere in it.
pub const RECURRENCE_PARAGRAPHS: usize = 3;

/// Whether `p` owes `theme` to one word alone: one distinct term of it, a
/// single word, weighing less than a core term.
fn from_one_word(p: &ParagraphThemes, theme: &str) -> bool {
    let mut terms = p.evidence.iter().filter(|e| *e.theme == *theme);
    let Some(first) = terms.next() else {
        return false;
    };
    first.weight < CORE_WEIGHT
        && !is_phrase(&first.term)
        && terms.all(|e| Arc::ptr_eq(&e.term, &first.term) || *e.term == *first.term)
}

/// Drops from each paragraph the themes it owes to one word alone that no
/// other paragraph of the document and not the headline is about, when the
/// document has [`RECURRENCE_PARAGRAPHS`] paragraphs or more. Runs on the
/// paragraphs' own themes, before context adds any.
pub(crate) fn drop_passing_words(
    headline: &[Arc<str>],
    paragraphs: &mut [ParagraphThemes],
    totals: &mut [ThemeTotal],
) {
    let count = paragraphs
        .iter()
        .filter(|p| p.kind == BlockKind::Paragraph)
        .count();
    if count < RECURRENCE_PARAGRAPHS {
        return;
    }
    // How many paragraphs have a strong term of each theme: one count, not
    // a search of every paragraph for every passing word.
    let strong_in = |p: &ParagraphThemes, theme: &str| {
        crate::steps::steps(p.evidence.len());
        p.evidence
            .iter()
            .any(|e| *e.theme == *theme && e.weight >= LEDE_TERM_WEIGHT)
    };
    let strong: Vec<usize> = totals
        .iter()
        .map(|t| paragraphs.iter().filter(|p| strong_in(p, &t.theme)).count())
        .collect();
    for p in paragraphs.iter_mut() {
        let passing: Vec<Arc<str>> = p
            .about
            .iter()
            .filter(|t| {
                let elsewhere = totals
                    .iter()
                    .position(|total| total.theme == **t)
                    .is_some_and(|k| strong[k] > usize::from(strong_in(p, t)));
                from_one_word(p, t) && !headline.contains(t) && !elsewhere
            })
            .cloned()
            .collect();
        if passing.is_empty() {
            continue;
        }
        for theme in &passing {
            if let Some(total) = totals.iter_mut().find(|t| *t.theme == **theme) {
                total.paragraphs -= 1;
            }
        }
        p.about.retain(|t| !passing.contains(t));
        p.dominant = p.about.first().cloned();
    }
}

/// Gives each quotation paragraph (`quoted`, one flag a paragraph) with no
/// theme of its own the dominant theme of the paragraph just before it; a
/// chain of them goes on with the first, which `continues` names.
pub(crate) fn continue_quotations(
    quoted: &[bool],
    paragraphs: &mut [ParagraphThemes],
    totals: &mut [ThemeTotal],
) {
    for i in 1..paragraphs.len() {
        let (before, rest) = paragraphs.split_at_mut(i);
        let (prev, p) = (&before[i - 1], &mut rest[0]);
        if !quoted[i] || !p.about.is_empty() || prev.kind != BlockKind::Paragraph {
            continue;
        }
        let Some(theme) = prev.dominant.clone() else {
            continue;
        };
        count_paragraph(totals, &theme);
        p.continues = Some(prev.continues.unwrap_or(prev.block));
        p.about = vec![theme.clone()];
        p.dominant = Some(theme);
    }
}

/// One more paragraph about `theme` in the document's totals.
fn count_paragraph(totals: &mut [ThemeTotal], theme: &str) {
    if let Some(total) = totals.iter_mut().find(|t| *t.theme == *theme) {
        total.paragraphs += 1;
    }
}

/// Gives each of the first [`LEDE_PARAGRAPHS`] paragraphs (Paragraph blocks)
/// the themes of `headline` it has a term of [`LEDE_TERM_WEIGHT`] or more
/// of and is not yet about, after its own themes, best score first. A
/// quotation that goes on with the paragraph before keeps that one's theme
/// alone.
pub(crate) fn take_from_headline(
    headline: &[Arc<str>],
    paragraphs: &mut [ParagraphThemes],
    totals: &mut [ThemeTotal],
) {
    if headline.is_empty() {
        return;
    }
    let lede = paragraphs
        .iter_mut()
        .filter(|p| p.kind == BlockKind::Paragraph)
        .take(LEDE_PARAGRAPHS);
    for p in lede.filter(|p| p.continues.is_none()) {
        let mut taken: Vec<(f32, Arc<str>)> = headline
            .iter()
            .filter(|t| !p.is_about(t))
            .filter(|t| {
                p.evidence
                    .iter()
                    .any(|e| e.theme == **t && e.weight >= LEDE_TERM_WEIGHT)
            })
            .map(|t| (p.score(t).unwrap_or_default(), t.clone()))
            .collect();
        taken.sort_by(|a, b| b.0.total_cmp(&a.0));
        for (_, theme) in taken {
            count_paragraph(totals, &theme);
            p.about.push(theme.clone());
            p.from_headline.push(theme);
        }
        p.dominant = p.about.first().cloned();
    }
}

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

    /// Many paragraphs, each owing a theme to one weak word repeated ("a
    /// rival"), which no strong term backs anywhere: whether the theme
    /// recurs is counted once, not searched for in every paragraph.
    #[test]
    fn passing_words_are_weighed_in_linear_steps() {
        fn passing(n: usize) -> String {
            let mut text = String::from("Robotics team wins a medal\n\n");
            for _ in 0..n {
                text.push_str("The rival met the rival of a rival.\n\n");
            }
            text
        }
        crate::steps::assert_linear(&[("passing words", passing)], 200, |text| {
            crate::themes::score(
                &crate::Document::parse(text),
                crate::themes::Lexicon::builtin(),
            );
        });
    }

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
