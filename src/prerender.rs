//! The sample article as the build pre-renders it into `index.html`: what
//! `src/article/fill_block.js` builds each block from, computed by the same
//! engine and the same encoder as the app's own render
//! ([`crate::article::block_layout`]), so that the page the build writes and
//! the page the app paints come from one source. `scripts/prerender.mjs`
//! runs `cargo run -p lede --example prerender` and feeds the result to the
//! app's own `fill_block.js`.

use lede_analysis::{BlockId, BlockKind, Document};
use serde::Serialize;

use crate::article::{block_layout, label_table};
use crate::open_article::SEED_ARTICLE;
use crate::state::Analyzed;

/// One block of the article: its place, what the app renders it as, and
/// what `fillBlock` fills its text element from.
#[derive(Serialize)]
pub struct Block {
    pub index: usize,
    /// `title`, `byline`, `paragraph` or `note`.
    pub kind: &'static str,
    pub text: String,
    pub ops: Vec<u32>,
    pub markers: String,
}

/// The whole article, as `scripts/prerender.mjs` reads it.
#[derive(Serialize)]
pub struct Article {
    /// The page's title, as the app sets it.
    pub title: String,
    /// `fillBlock`'s `labels` argument.
    pub labels: &'static str,
    pub blocks: Vec<Block>,
}

/// The sample article, analysed as the app analyses it on a first visit
/// (the built-in themes, no search).
pub fn seed() -> Article {
    article(&Document::parse(SEED_ARTICLE))
}

/// `doc`, analysed with the built-in themes.
pub fn article(doc: &Document) -> Article {
    let analysis = Analyzed::of(doc, &[]);
    let blocks = doc
        .blocks()
        .iter()
        .enumerate()
        .filter_map(|(i, b)| {
            let kind = match b.kind {
                BlockKind::Title => "title",
                BlockKind::Byline => "byline",
                BlockKind::Paragraph => "paragraph",
                BlockKind::Note => "note",
            };
            let markers = b.kind == BlockKind::Paragraph;
            let (text, (ops, markers)) = block_layout(doc, &analysis, BlockId(i), markers, &[], 0)?;
            Some(Block {
                index: i,
                kind,
                text,
                ops,
                markers,
            })
        })
        .collect();
    Article {
        title: match doc.title() {
            Some(t) => format!("{t} — Lede"),
            None => "Lede".to_owned(),
        },
        labels: label_table(),
        blocks,
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// Every block is there once, in order, and its pieces' lengths add up
    /// to its text: the numbers the script reads are whole.
    #[test]
    fn the_seed_is_every_block_with_its_highlights() {
        let doc = Document::parse(SEED_ARTICLE);
        let a = seed();
        assert_eq!(a.blocks.len(), doc.blocks().len());
        assert!(a.title.ends_with(" — Lede") && a.title.len() > " — Lede".len());
        for (k, b) in a.blocks.iter().enumerate() {
            assert_eq!(b.index, k);
            assert_eq!(b.text, doc.blocks()[k].span.slice(doc.text()));
        }
        assert!(a.blocks.iter().any(|b| b.ops.contains(&1)), "no mention");
        assert!(
            a.blocks.iter().any(|b| !b.markers.is_empty()),
            "no theme marker"
        );
    }
}
