//! Quotations: text inside double quotation marks, straight or curly, marks
//! included (so a period before the closing mark is inside), with the speaker
//! when the sentence says who said it.

use super::words::SPEECH_VERBS;
use super::{EntityId, Label, Mention, Quote};
use crate::{Document, Span};

/// How far from a quotation (in bytes) a speaker may be named.
const WINDOW: usize = 120;

pub(crate) fn find(doc: &Document, mentions: &[Mention]) -> Vec<Quote> {
    let text = doc.text();
    let mut quotes = Vec::new();
    for block in doc.blocks() {
        let (from, to) = (block.span.start, block.span.end);
        for (start, end) in quotations(&text[from..to]).0 {
            let span = Span::new(from + start, from + end);
            quotes.push(Quote {
                span,
                speaker: speaker(text, span, Span::new(from, to), mentions),
            });
        }
    }
    quotes
}

/// The quotations in `s` as byte ranges, marks included: a double mark,
/// straight or curly, to the mark that closes it (a new opening mark before
/// then starts again). Also where a quotation left open at the end starts,
/// as one continued in the next paragraph is.
pub(crate) fn quotations(s: &str) -> (Vec<(usize, usize)>, Option<usize>) {
    let mut found = Vec::new();
    let mut open: Option<(usize, char)> = None;
    let bytes = s.as_bytes();
    let mut next = 0;
    // Only '"' and the curly double marks (E2 80 9C/9D in UTF-8) matter:
    // the scan skips to the next '"' or E2 byte, and decodes no character.
    // (Neither byte is ever inside another character's encoding.)
    let may_start = |b: u8| b == b'"' || b == 0xE2;
    loop {
        // Sixteen bytes at a time while none may start a mark: a fixed-size
        // test without early exit, which the compiler turns into one
        // vector comparison.
        while let Some(chunk) = bytes.get(next..next + 16)
            && !chunk.iter().fold(false, |any, &b| any | may_start(b))
        {
            next += 16;
        }
        let Some(skip) = bytes[next..].iter().position(|&b| may_start(b)) else {
            break;
        };
        let i = next + skip;
        let c = match &bytes[i..] {
            [b'"', ..] => '"',
            [_, 0x80, 0x9C, ..] => '“',
            [_, 0x80, 0x9D, ..] => '”',
            _ => {
                next = i + 1;
                continue;
            }
        };
        next = i + c.len_utf8();
        match (open, c) {
            (None, '“') | (None, '"') => open = Some((i, c)),
            (Some((o, '“')), '”') | (Some((o, '"')), '"') => {
                found.push((o, i + c.len_utf8()));
                open = None;
            }
            (Some(_), '“') => open = Some((i, c)),
            _ => {}
        }
    }
    (found, open.map(|(o, _)| o))
}

/// A verb of speech, or "according" (to): what names a quotation's speaker.
fn is_speech_verb(w: &str) -> bool {
    SPEECH_VERBS.contains(&w) || w == "according"
}

/// The entity the sentence around `q` says spoke.
fn speaker(text: &str, q: Span, block: Span, mentions: &[Mention]) -> Option<EntityId> {
    // The sentence after the quotation, then the one before it.
    let after_end = floor_boundary(
        text,
        sentence_end(text, q.end, block.end).min(q.end + WINDOW),
    );
    let before_start = ceil_boundary(
        text,
        sentence_start(text, q.start, block.start).max(q.start.saturating_sub(WINDOW)),
    );
    for (a, b) in [(q.end, after_end), (before_start, q.start)] {
        let window = &text[a..b];
        let has_verb = window
            .split(|c: char| !c.is_alphanumeric())
            .any(is_speech_verb);
        if !has_verb {
            continue;
        }
        let from = mentions.partition_point(|m| m.span.start < a);
        let near: Vec<&Mention> = mentions[from..]
            .iter()
            .take_while(|m| m.span.start < b)
            .filter(|m| m.span.end <= b && matches!(m.label, Label::Person | Label::Org))
            .collect();
        let pick = near
            .iter()
            .find(|m| m.label == Label::Person)
            .or(near.first());
        if let Some(m) = pick {
            return Some(m.entity);
        }
        // "…,” he said": the last person named before the quotation.
        let pronoun = window
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| matches!(w, "he" | "she" | "He" | "She"));
        if pronoun {
            let before = mentions.partition_point(|m| m.span.end <= q.start);
            return mentions[..before]
                .iter()
                .rev()
                .take(50)
                .find(|m| m.label == Label::Person)
                .map(|m| m.entity);
        }
    }
    None
}

fn sentence_end(text: &str, from: usize, limit: usize) -> usize {
    text[from..limit]
        .find(['.', '!', '?', '“', '"'])
        .map_or(limit, |i| from + i)
}

fn sentence_start(text: &str, to: usize, limit: usize) -> usize {
    text[limit..to]
        .rfind(['.', '!', '?', '”', '"'])
        .map_or(limit, |i| limit + i + 1)
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}
