//! The structure of an article: its title, byline, body paragraphs and closing
//! notes, found in plain text by its layout rather than by any markup.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::Span;

/// What part of the article a block is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    /// The headline: the first line, when it reads like one.
    Title,
    /// "By …", naming the author and, after a comma, the publication.
    Byline,
    /// A body paragraph.
    Paragraph,
    /// A closing note in parentheses, such as an editor's note about the author.
    Note,
}

/// One block of the article: a byte span into [`Document::text`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    pub kind: BlockKind,
    pub span: Span,
}

crate::id::index_id! {
    /// The index of a [`Block`] in [`Document::blocks`], from 0 in reading order.
    BlockId => Block
}

/// An article: its text and the blocks it is made of, in reading order.
///
/// ```
/// use lede_analysis::{BlockKind, Document};
/// let doc = Document::parse("A headline\n\nBy Ann Lee, The Daily\n\nFirst paragraph.\n\nSecond.");
/// assert_eq!(doc.title(), Some("A headline"));
/// assert_eq!(doc.byline().unwrap().author, "Ann Lee");
/// assert_eq!(doc.blocks_of(BlockKind::Paragraph).count(), 2);
/// ```
///
/// Cloning one is cheap and shares its text: the page holds a long document
/// in several places (its state, the worker's job, the library), and a copy
/// of 4 MB each time cost milliseconds.
#[derive(Clone, Debug, Eq, Serialize, Deserialize)]
pub struct Document {
    text: Arc<str>,
    blocks: Arc<[Block]>,
}

impl PartialEq for Document {
    fn eq(&self, other: &Document) -> bool {
        (Arc::ptr_eq(&self.text, &other.text) || self.text == other.text)
            && (Arc::ptr_eq(&self.blocks, &other.blocks) || self.blocks == other.blocks)
    }
}

/// The parts of a byline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Byline<'t> {
    pub author: &'t str,
    pub publication: Option<&'t str>,
}

/// Longest line we still take for a headline.
const MAX_TITLE_CHARS: usize = 200;
/// Longest block we still take for a byline.
const MAX_BYLINE_CHARS: usize = 160;
/// Longest block, in bytes: a longer stretch with no blank line (a book
/// pasted as one line, a page's text run together) is cut into blocks at
/// sentence ends. A reader cannot follow a paragraph of a megabyte, and the
/// page lays out, builds and filters a block at a time: one of a megabyte
/// held the page for seconds. News paragraphs are under 2 KB.
pub const MAX_BLOCK_BYTES: usize = 8 * 1024;

impl Document {
    /// Reads an article from plain text.
    ///
    /// Blocks are separated by blank lines. A text with no blank line but several
    /// lines is taken one paragraph a line, as pasted text often is. The first block
    /// is the title when it is one short line that does not end like a sentence; a
    /// block starting "By " right after it is the byline; a last block wholly in
    /// parentheses is a note. A block over 8 KB (`MAX_BLOCK_BYTES`) is cut at
    /// sentence ends.
    pub fn parse(text: &str) -> Document {
        Document::parse_with_title(text, false)
    }

    /// The document's first blocks, up to the first that ends past `bytes`
    /// (at least one): the same blocks with the same spans, over the text
    /// they cover. What a long document's first screen needs analysed first.
    pub fn prefix(&self, bytes: usize) -> Document {
        let keep = self
            .blocks
            .partition_point(|b| b.span.end <= bytes)
            .saturating_add(1)
            .min(self.blocks.len());
        let blocks: Arc<[Block]> = self.blocks[..keep].into();
        let end = blocks.last().map_or(0, |b| b.span.end);
        Document {
            text: self.text[..end].into(),
            blocks,
        }
    }

    /// [`Document::parse`], told whether the first block is known to be the
    /// title (an imported page's `<h1>` or a Markdown `# Title`) so that it is
    /// taken for one even when it does not read like one.
    pub(crate) fn parse_with_title(text: &str, titled: bool) -> Document {
        let text = text.to_owned();
        let mut spans = split_blocks(&text);
        if spans.len() == 1 && spans[0].slice(&text).contains('\n') {
            spans = split_lines(&text, spans[0]);
        }
        if spans.iter().any(|s| s.len() > MAX_BLOCK_BYTES) {
            spans = spans
                .into_iter()
                .flat_map(|s| cut_long(&text, s, MAX_BLOCK_BYTES))
                .collect();
        }
        let mut blocks: Vec<Block> = spans
            .into_iter()
            .map(|span| Block {
                kind: BlockKind::Paragraph,
                span,
            })
            .collect();

        let mut next = 0;
        let first_is_title = |s: &str| {
            if titled {
                !s.contains('\n')
            } else {
                looks_like_title(s)
            }
        };
        if blocks.len() > 1 && first_is_title(blocks[0].span.slice(&text)) {
            blocks[0].kind = BlockKind::Title;
            next = 1;
        }
        if blocks.len() > next + 1 && parse_byline(blocks[next].span.slice(&text)).is_some() {
            blocks[next].kind = BlockKind::Byline;
            next += 1;
        }
        let body_blocks = blocks.len() - next;
        if let Some(last) = blocks.last_mut() {
            let s = last.span.slice(&text);
            if body_blocks > 1 && s.starts_with('(') && s.ends_with(')') {
                last.kind = BlockKind::Note;
            }
        }
        Document {
            text: text.into(),
            blocks: blocks.into(),
        }
    }

    /// The whole text; every span in this crate's output points into it.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// All blocks, in reading order.
    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// The blocks of one kind, in reading order.
    pub fn blocks_of(&self, kind: BlockKind) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(move |b| b.kind == kind)
    }

    /// The text of a block.
    pub fn block_text(&self, block: &Block) -> &str {
        block.span.slice(&self.text)
    }

    pub fn title(&self) -> Option<&str> {
        self.blocks_of(BlockKind::Title)
            .next()
            .map(|b| self.block_text(b))
    }

    pub fn byline(&self) -> Option<Byline<'_>> {
        self.blocks_of(BlockKind::Byline)
            .next()
            .and_then(|b| parse_byline(self.block_text(b)))
    }
}

/// Spans of the runs of text between blank lines, trimmed of surrounding white space.
fn split_blocks(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        match (blank, start) {
            (false, None) => start = Some(offset),
            (true, Some(s)) => {
                spans.push(trimmed(text, Span::new(s, offset)));
                start = None;
            }
            _ => {}
        }
        offset += line.len();
    }
    if let Some(s) = start {
        spans.push(trimmed(text, Span::new(s, text.len())));
    }
    spans
}

/// Spans of the non-blank lines inside `within`.
fn split_lines(text: &str, within: Span) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut offset = within.start;
    for line in within.slice(text).split_inclusive('\n') {
        let span = trimmed(text, Span::new(offset, offset + line.len()));
        if !span.is_empty() {
            spans.push(span);
        }
        offset += line.len();
    }
    spans
}

/// `span` cut into spans of at most `max` bytes (trimmed, none empty): each
/// cut after the last sentence end in the second half of the stretch, or
/// failing one at the last space there, or failing that at the last
/// character boundary. Linear: each stretch is scanned once.
fn cut_long(text: &str, span: Span, max: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = span.start;
    while span.end - start > max {
        let mut limit = start + max;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let window = &text[start..limit];
        let floor = window.len() / 2;
        let bytes = window.as_bytes();
        // After a sentence's end (and its closing quotes or brackets),
        // where a space follows.
        let sentence_end = (floor..bytes.len()).rev().find(|&k| {
            bytes[k].is_ascii_whitespace() && {
                let before = window[..k].trim_end_matches(['"', '\'', ')', ']', '”', '’']);
                before.ends_with(['.', '!', '?'])
            }
        });
        let space = || {
            (floor..bytes.len())
                .rev()
                .find(|&k| bytes[k].is_ascii_whitespace())
        };
        let cut = start + sentence_end.or_else(space).unwrap_or(window.len());
        let piece = trimmed(text, Span::new(start, cut));
        if !piece.is_empty() {
            out.push(piece);
        }
        start = cut;
        // The next block starts at its first non-space.
        start += text[start..span.end].len() - text[start..span.end].trim_start().len();
    }
    let rest = trimmed(text, Span::new(start, span.end));
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

fn trimmed(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.end - (s.len() - s.trim_end().len());
    Span::new(start, end.max(start))
}

fn looks_like_title(s: &str) -> bool {
    !s.contains('\n')
        && s.chars().count() <= MAX_TITLE_CHARS
        && !s.ends_with(['.', ',', ';', ':'])
        && s.chars().next().is_some_and(|c| !c.is_lowercase())
}

fn parse_byline(s: &str) -> Option<Byline<'_>> {
    if s.contains('\n') || s.chars().count() > MAX_BYLINE_CHARS {
        return None;
    }
    let rest = s.strip_prefix("By ").or_else(|| s.strip_prefix("BY "))?;
    let (author, publication) = match rest.split_once(',') {
        Some((a, p)) => (a.trim(), Some(p.trim()).filter(|p| !p.is_empty())),
        None => (rest.trim(), None),
    };
    // An author's name starts with a capital: "By contrast, …" is a sentence.
    if !author.chars().next()?.is_uppercase() || author.split_whitespace().count() > 8 {
        return None;
    }
    Some(Byline {
        author,
        publication,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn kinds(text: &str) -> Vec<(BlockKind, String)> {
        let doc = Document::parse(text);
        doc.blocks()
            .iter()
            .map(|b| (b.kind, doc.block_text(b).to_owned()))
            .collect()
    }

    use BlockKind::*;

    #[test]
    fn layouts() {
        let p = |s: &str| (Paragraph, s.to_owned());
        let cases: &[(&str, Vec<(BlockKind, String)>)] = &[
            ("", vec![]),
            ("  \n\n ", vec![]),
            ("Only one paragraph.", vec![p("Only one paragraph.")]),
            (
                "Headline\n\nBody one.\n\nBody two.",
                vec![(Title, "Headline".into()), p("Body one."), p("Body two.")],
            ),
            (
                "A sentence first.\n\nBody.",
                vec![p("A sentence first."), p("Body.")],
            ),
            (
                "Head\n\nBy Ann Lee, Reuters\n\nBody.\n\n(Ann Lee is a writer.)",
                vec![
                    (Title, "Head".into()),
                    (Byline, "By Ann Lee, Reuters".into()),
                    p("Body."),
                    (Note, "(Ann Lee is a writer.)".into()),
                ],
            ),
            (
                "Head\n\nBy contrast, the rest.\n\nBody.",
                vec![
                    (Title, "Head".into()),
                    p("By contrast, the rest."),
                    p("Body."),
                ],
            ),
            (
                "Head\nline two.\nline three.",
                vec![(Title, "Head".into()), p("line two."), p("line three.")],
            ),
            (
                "\n\n  Head  \n\n\n  Body with  spaces.  \n",
                vec![(Title, "Head".into()), p("Body with  spaces.")],
            ),
            ("(Only a parenthesis.)", vec![p("(Only a parenthesis.)")]),
        ];
        for (text, expected) in cases {
            assert_eq!(&kinds(text), expected, "parsing {text:?}");
        }
    }

    #[test]
    fn bylines() {
        let d = Document::parse("T\n\nBy Zhong Sheng, People’s Daily\n\nBody.");
        let b = d.byline().unwrap();
        assert_eq!(b.author, "Zhong Sheng");
        assert_eq!(b.publication, Some("People’s Daily"));
        let d = Document::parse("T\n\nBy Ann Lee\n\nBody.");
        assert_eq!(d.byline().unwrap().publication, None);
    }

    #[test]
    fn seed_article() {
        let doc = Document::parse(include_str!("../../../seeds/000_98b7338e0901f976.txt"));
        assert_eq!(
            doc.title(),
            Some("To push China-U.S. relations to make greater progress from new starting point")
        );
        let by = doc.byline().unwrap();
        assert_eq!(
            (by.author, by.publication),
            ("Zhong Sheng", Some("People’s Daily"))
        );
        let paragraphs: Vec<_> = doc
            .blocks_of(Paragraph)
            .map(|b| doc.block_text(b))
            .collect();
        // The issue speaks of 20 body paragraphs: 19 paragraphs and the closing note.
        assert_eq!(paragraphs.len(), 19);
        assert!(paragraphs[0].starts_with("On Jan. 17, 2025, Chinese President Xi Jinping"));
        assert!(paragraphs[18].starts_with("The river of human history"));
        let note: Vec<_> = doc.blocks_of(Note).map(|b| doc.block_text(b)).collect();
        assert_eq!(note.len(), 1);
        assert!(note[0].starts_with("(Zhong Sheng is a pen name"));
    }

    #[test]
    fn a_run_of_text_with_no_blank_line_is_cut_at_sentence_ends() {
        let sentence = "President Zork met Minister Quux in Geneva on Monday. ";
        let text = format!("A headline\n\n{}", sentence.repeat(2_000));
        let doc = Document::parse(&text);
        let body: Vec<&Block> = doc.blocks_of(BlockKind::Paragraph).collect();
        assert!(body.len() > 10, "{} blocks", body.len());
        for b in &body {
            let s = doc.block_text(b);
            assert!(b.span.len() <= MAX_BLOCK_BYTES, "{} bytes", b.span.len());
            assert!(
                s.starts_with("President") && s.ends_with("Monday."),
                "{s:?}"
            );
        }
        // Nothing lost: the blocks hold every word, in order.
        let words: Vec<&str> = body
            .iter()
            .flat_map(|b| doc.block_text(b).split_whitespace())
            .collect();
        assert_eq!(words, text.split_whitespace().skip(2).collect::<Vec<_>>());
    }

    #[test]
    fn a_run_with_no_sentence_end_is_cut_at_spaces_or_characters() {
        let words = "Zork Quux ".repeat(3_000);
        for b in Document::parse(&words).blocks() {
            assert!(b.span.len() <= MAX_BLOCK_BYTES);
            assert!(!words[b.span.start..b.span.end].starts_with(' '));
            assert!(words[..b.span.end].ends_with("Zork") || words[..b.span.end].ends_with("Quux"));
        }
        let unbroken = "é".repeat(20_000);
        let doc = Document::parse(&unbroken);
        assert!(doc.blocks().len() >= 4);
        assert_eq!(
            doc.blocks().iter().map(|b| b.span.len()).sum::<usize>(),
            unbroken.len()
        );
    }

    proptest! {
        /// Cut or not, blocks are in order, apart, trimmed, within the
        /// limit, and lose no text but the spaces between them.
        #[test]
        fn long_runs_are_cut_without_losing_text(text in "[a-z.!? \n\"é]{0,3000}") {
            let max = 64;
            let span = trimmed(&text, Span::new(0, text.len()));
            let pieces = if span.is_empty() { vec![] } else { cut_long(&text, span, max) };
            let mut at = 0;
            for p in &pieces {
                prop_assert!(p.start >= at && !p.is_empty() && p.len() <= max);
                prop_assert!(text[at..p.start].trim().is_empty(), "text lost before {:?}", p);
                prop_assert_eq!(trimmed(&text, *p), *p);
                at = p.end;
            }
            prop_assert!(text[at..].trim().is_empty());
        }
    }

    proptest! {
        #[test]
        fn blocks_are_ordered_trimmed_and_non_empty(text in "(\\PC|\n){0,80}") {
            let doc = Document::parse(&text);
            let mut last_end = 0;
            for b in doc.blocks() {
                prop_assert!(b.span.start >= last_end);
                let s = doc.block_text(b);
                prop_assert!(!s.is_empty());
                prop_assert_eq!(s, s.trim());
                last_end = b.span.end;
            }
        }
    }
}
