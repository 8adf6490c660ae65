//! Which of the article's blocks are built: on a long document, only those
//! near the screen. Plain logic, tested natively.
//!
//! A 4 MB book is some 260,000 elements once marked up; building them freezes
//! the tab for seconds, and every later change that touches them costs as
//! much again. So beyond [`FULL_RENDER_BYTES`] the article's body is a window:
//! the blocks that overlap the screen (and a margin around it) are built, and
//! two spacers stand for the rest, as tall as the blocks they replace. A
//! block's height is measured once it has been built and estimated from its
//! length until then, the estimate calibrated by the blocks measured so far.

use std::ops::Range;

use lede_analysis::BlockId;

/// Up to this much text the whole article is built: the browser's own find
/// and a screen reader then reach every word, and nothing needs measuring.
/// The seed article is about 8 KB, and 64 KB of news text is about 2,000
/// elements.
pub const FULL_RENDER_BYTES: usize = 64 * 1024;

/// How far beyond the screen, above and below, blocks are built, in pixels:
/// a flick of the wheel or a page down lands on text already there.
pub const OVERSCAN_PX: f64 = 900.0;

/// Whether a document of `bytes` of text in `blocks` blocks is built in a window.
pub fn windowed(bytes: usize, blocks: usize) -> bool {
    bytes > FULL_RENDER_BYTES || blocks > 400
}

/// The heights of the blocks: measured where they have been built, otherwise
/// estimated from their length in bytes.
#[derive(Clone, Debug, PartialEq)]
pub struct Heights {
    /// Per block, its measured height in pixels (margins included), or NaN.
    measured: Vec<f32>,
    /// Fitted from the measured blocks: pixels per byte beyond the first line.
    per_byte: f64,
    measured_bytes: f64,
    measured_px: f64,
    /// How many blocks the fit has taken in.
    fitted: usize,
}

/// A block's height when it is one line: a line and the paragraph's margin.
const LINE_PX: f64 = 48.0;
/// Before anything is measured: a line of some 75 characters at 30 px.
const FIRST_PER_BYTE: f64 = 0.4;
/// The fit stops after this many blocks, fewer than the first screen holds:
/// refitted later, every estimate would move, and with them the place of a
/// block the reader is being taken to.
const FIT_BLOCKS: usize = 8;

impl Heights {
    pub fn new(blocks: usize) -> Heights {
        Heights {
            measured: vec![f32::NAN; blocks],
            per_byte: FIRST_PER_BYTE,
            measured_bytes: 0.0,
            measured_px: 0.0,
            fitted: 0,
        }
    }

    /// Block `block`'s height, for `bytes` of text.
    pub fn get(&self, block: BlockId, bytes: usize) -> f64 {
        match self.measured.get(block.0) {
            Some(h) if !h.is_nan() => f64::from(*h),
            _ => LINE_PX + bytes as f64 * self.per_byte,
        }
    }

    /// Records that block `block`, of `bytes` bytes, is `px` tall. Whether
    /// that changes its height by half a pixel or more.
    pub fn measure(&mut self, block: BlockId, bytes: usize, px: f64) -> bool {
        let Some(slot) = self.measured.get_mut(block.0) else {
            return false;
        };
        let before = *slot;
        if !before.is_nan() && (f64::from(before) - px).abs() < 0.5 {
            return false;
        }
        if before.is_nan() && bytes > 0 && self.fitted < FIT_BLOCKS {
            self.fitted += 1;
            self.measured_bytes += bytes as f64;
            self.measured_px += (px - LINE_PX).max(0.0);
            self.per_byte = (self.measured_px / self.measured_bytes).clamp(0.05, 4.0);
        }
        *slot = px as f32;
        true
    }

    /// Forgets every measure (the text's width changed), keeping the fit.
    pub fn forget(&mut self) {
        self.measured.fill(f32::NAN);
    }
}

/// Where each shown block starts, from the top of the article's body.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    /// The blocks shown, in the text's order.
    blocks: Vec<BlockId>,
    /// `tops[k]` is where `blocks[k]` starts; one more, the total height.
    tops: Vec<f64>,
}

impl Layout {
    /// Lays out `blocks` (in order) one after the other, each `height(block)` tall.
    pub fn new(blocks: Vec<BlockId>, height: impl Fn(BlockId) -> f64) -> Layout {
        let mut tops = Vec::with_capacity(blocks.len() + 1);
        let mut y = 0.0;
        tops.push(y);
        for &b in &blocks {
            y += height(b);
            tops.push(y);
        }
        Layout { blocks, tops }
    }

    pub fn blocks(&self) -> &[BlockId] {
        &self.blocks
    }

    pub fn total(&self) -> f64 {
        self.tops.last().copied().unwrap_or(0.0)
    }

    /// Where the shown block at position `k` starts (the total height past the last).
    pub fn top(&self, k: usize) -> f64 {
        self.tops[k.min(self.tops.len() - 1)]
    }

    /// The position of `block` among the shown blocks, if it is shown.
    pub fn position(&self, block: BlockId) -> Option<usize> {
        self.blocks.binary_search(&block).ok()
    }

    /// The positions of the shown blocks that overlap `from..to`, in pixels
    /// from the top of the body: at least one block, if there is any.
    pub fn overlapping(&self, from: f64, to: f64) -> Range<usize> {
        let n = self.blocks.len();
        if n == 0 {
            return 0..0;
        }
        // The first block that ends below `from`, and the first that starts at or below `to`.
        let start = self.tops[1..]
            .partition_point(|&end| end <= from)
            .min(n - 1);
        let end = self.tops[..n]
            .partition_point(|&top| top < to)
            .max(start + 1);
        start..end
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn layout(heights: &[f64]) -> Layout {
        Layout::new((0..heights.len()).map(BlockId).collect(), |b| heights[b.0])
    }

    const B0: BlockId = BlockId(0);
    const B2: BlockId = BlockId(2);

    #[test]
    fn a_window_holds_the_blocks_that_overlap_it() {
        // Blocks at 0..100, 100..150, 150..350, 350..360.
        let l = layout(&[100.0, 50.0, 200.0, 10.0]);
        let cases: &[(f64, f64, Range<usize>)] = &[
            (0.0, 10.0, 0..1),
            (0.0, 100.0, 0..1),
            (99.0, 101.0, 0..2),
            (100.0, 150.0, 1..2),
            (120.0, 400.0, 1..4),
            (-500.0, -10.0, 0..1),
            (1000.0, 2000.0, 3..4),
            (355.0, 356.0, 3..4),
        ];
        for (from, to, want) in cases {
            assert_eq!(l.overlapping(*from, *to), *want, "{from}..{to}");
        }
        assert_eq!(l.total(), 360.0);
        assert_eq!(layout(&[]).overlapping(0.0, 100.0), 0..0);
    }

    #[test]
    fn hidden_blocks_take_no_room() {
        let l = Layout::new(vec![B0, B2, BlockId(5)], |_| 10.0);
        assert_eq!(l.position(B2), Some(1));
        assert_eq!(l.position(BlockId(3)), None);
        assert_eq!(l.top(2), 20.0);
        assert_eq!(l.total(), 30.0);
    }

    #[test]
    fn estimates_follow_what_was_measured() {
        let mut h = Heights::new(3);
        let before = h.get(B2, 1000);
        assert!(h.measure(B0, 1000, LINE_PX + 1000.0));
        assert_eq!(h.get(B0, 1000), LINE_PX + 1000.0);
        // One pixel a byte measured: the estimate of a block as long follows.
        assert!((h.get(B2, 1000) - (LINE_PX + 1000.0)).abs() < 1e-6);
        assert_ne!(before, h.get(B2, 1000));
        assert!(
            !h.measure(B0, 1000, LINE_PX + 1000.2),
            "under half a pixel is no change"
        );
        h.forget();
        assert!(
            (h.get(B0, 1000) - (LINE_PX + 1000.0)).abs() < 1e-6,
            "the fit stays"
        );
    }

    #[test]
    fn the_fit_settles_after_the_first_blocks() {
        let mut h = Heights::new(100);
        for b in 0..FIT_BLOCKS {
            h.measure(BlockId(b), 100, LINE_PX + 100.0);
        }
        let settled = h.get(BlockId(99), 100);
        h.measure(BlockId(FIT_BLOCKS), 100, LINE_PX + 10_000.0);
        assert_eq!(h.get(BlockId(99), 100), settled);
    }

    #[test]
    fn long_documents_are_windowed() {
        assert!(!windowed(8_000, 20));
        assert!(windowed(FULL_RENDER_BYTES + 1, 20));
        assert!(windowed(30_000, 30_000));
    }
}
