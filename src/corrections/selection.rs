//! The reader's selection in the article as a span of the text, snapped to
//! whole words (a click on a word selects it), and shown snapped.

use lede_analysis::corrections::{snap_to_words, word_at};
use lede_analysis::{BlockId, Span};
use leptos::prelude::*;
use wasm_bindgen::prelude::wasm_bindgen;

use super::Target;
use crate::state::Reader;

#[wasm_bindgen(module = "/src/corrections/selection.js")]
extern "C" {
    #[wasm_bindgen(js_name = selectionIn)]
    fn selection_in(root: &web_sys::Element) -> Vec<u32>;
    #[wasm_bindgen(js_name = selectIn)]
    fn select_in(root: &web_sys::Element, block: u32, start: u32, end: u32);
}

/// The byte offset in `s` of UTF-16 offset `u` (the end of `s` past it).
pub fn byte_of_utf16(s: &str, u: usize) -> usize {
    let mut units = 0;
    for (i, c) in s.char_indices() {
        if units >= u {
            return i;
        }
        units += c.len_utf16();
    }
    s.len()
}

/// The UTF-16 offset in `s` of byte offset `b`.
pub fn utf16_of_byte(s: &str, b: usize) -> usize {
    s[..b.min(s.len())].encode_utf16().count()
}

/// The words the reader selected in block `block`'s text from UTF-16 offset
/// `start` to `end`, as a span of `text` (whose block spans `block_span`):
/// a selection snapped to whole words, a click (an empty selection) the word
/// under it. None outside words.
pub fn words_selected(text: &str, block_span: Span, start: usize, end: usize) -> Option<Span> {
    let block = block_span.slice(text);
    let (a, b) = (byte_of_utf16(block, start), byte_of_utf16(block, end));
    let (a, b) = (block_span.start + a.min(b), block_span.start + a.max(b));
    let snapped = if a == b {
        word_at(text, a)?
    } else {
        snap_to_words(text, Span::new(a, b))
    };
    (!snapped.is_empty() && block_span.contains(snapped)).then_some(snapped)
}

/// Reads the reader's selection in `root` (the article) after a click or a
/// key: the words it covers become the target, and the selection shows them
/// snapped. A selection inside one mention is that mention's business (its
/// click selects its entity), so it is left alone.
pub fn follow_selection(r: Reader, root: &web_sys::Element) {
    let got = selection_in(root);
    let [block, start, end] = got[..] else {
        return;
    };
    let Some((span, block_span)) = r.document.with_untracked(|d| {
        let block_span = d.blocks().get(block as usize)?.span;
        Some((
            words_selected(d.text(), block_span, start as usize, end as usize)?,
            block_span,
        ))
    }) else {
        return;
    };
    // Inside a mention: the mention is the target.
    let in_mention = r.analysis.with_untracked(|a| {
        let ms = &a.entities.mentions;
        let i = ms.partition_point(|m| m.span.end <= span.start);
        ms.get(i).filter(|m| m.span.contains(span)).map(|m| m.span)
    });
    if let Some(m) = in_mention {
        r.target.set(Some(Target::Mention(m)));
        return;
    }
    r.target.set(Some(Target::Words(span)));
    let (s, e) = r.document.with_untracked(|d| {
        let text = block_span.slice(d.text());
        (
            utf16_of_byte(text, span.start - block_span.start),
            utf16_of_byte(text, span.end - block_span.start),
        )
    });
    if (s as u32, e as u32) != (start.min(end), start.max(end)) {
        select_in(root, BlockId(block as usize).0 as u32, s as u32, e as u32);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn selections_become_whole_words() {
        let text = "Title\n\nShares of Acme Corp fell 😀 in Zürich.";
        let block = Span::new(7, text.len());
        let body = block.slice(text);
        let u = |s: &str| utf16_of_byte(body, body.find(s).unwrap());
        // (UTF-16 start, end, words)
        let cases = [
            (u("me Corp"), u("me Corp") + 5, Some("Acme Corp")),
            (u("Zürich") + 2, u("Zürich") + 2, Some("Zürich")),
            (u(" in"), u(" in") + 1, None),
            (u("fell") + 1, u("fell") + 1, Some("fell")),
        ];
        for (a, b, want) in cases {
            let got = words_selected(text, block, a, b).map(|s| s.slice(text));
            assert_eq!(got, want, "{a}..{b}");
        }
        assert_eq!(byte_of_utf16("😀x", 2), 4);
        assert_eq!(utf16_of_byte("😀x", 4), 2);
    }
}
