//! Byte spans into a text, and their conversion to the other units readers of
//! our output count in: Unicode code points (Python, spaCy, displaCy) and
//! UTF-16 code units (the DOM, JavaScript).

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into a text exactly as given.
///
/// Both ends always lie on `char` boundaries of the text the span was made for.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`. Panics if `start > end`: that is a bug in the caller.
    pub fn new(start: usize, end: usize) -> Span {
        assert!(start <= end, "span start {start} is after its end {end}");
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text this span covers.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// Whether `other` lies wholly inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// Converts byte offsets of one text into code-point and UTF-16 offsets.
///
/// Built once per text in O(n); each lookup is a binary search over the
/// non-ASCII characters only, so pure-ASCII text costs almost nothing.
///
/// ```
/// use lede_analysis::OffsetMap;
/// let text = "“Hi” 😀 ok";
/// let map = OffsetMap::new(text);
/// let ok = text.find("ok").unwrap();
/// assert_eq!(map.char_offset(ok), 7);
/// assert_eq!(map.utf16_offset(ok), 8);
/// ```
#[derive(Clone, Debug)]
pub struct OffsetMap {
    /// For every non-ASCII char: its byte offset, and the extra bytes and extra
    /// UTF-16 units that all non-ASCII chars up to and including it add.
    wide: Vec<(usize, usize, usize)>,
    len: usize,
}

impl OffsetMap {
    pub fn new(text: &str) -> OffsetMap {
        let mut wide = Vec::new();
        let (mut extra_bytes, mut extra_utf16) = (0, 0);
        for (i, c) in text.char_indices() {
            if !c.is_ascii() {
                extra_bytes += c.len_utf8() - 1;
                extra_utf16 += c.len_utf8() - c.len_utf16();
                wide.push((i, extra_bytes, extra_utf16));
            }
        }
        OffsetMap {
            wide,
            len: text.len(),
        }
    }

    /// Extra bytes and extra UTF-16 savings of the wide chars that end at or before `byte`.
    fn before(&self, byte: usize) -> (usize, usize) {
        assert!(
            byte <= self.len,
            "byte offset {byte} is past the end of the text"
        );
        let n = self.wide.partition_point(|&(at, _, _)| at < byte);
        if n == 0 {
            (0, 0)
        } else {
            let (_, b, u) = self.wide[n - 1];
            (b, u)
        }
    }

    /// The code-point offset of a byte offset that lies on a char boundary.
    pub fn char_offset(&self, byte: usize) -> usize {
        byte - self.before(byte).0
    }

    /// The UTF-16 offset of a byte offset that lies on a char boundary.
    pub fn utf16_offset(&self, byte: usize) -> usize {
        byte - self.before(byte).1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn offsets_on_mixed_text() {
        // (text, needle, code points before it, UTF-16 units before it)
        let cases = [
            ("plain ascii", "ascii", 6, 6),
            ("China’s rise", "rise", 8, 8),
            ("café au lait", "au", 5, 5),
            ("北京 Beijing", "Beijing", 3, 3),
            ("😀 smile", "smile", 2, 3),
            ("“Quote” 😀😀 end", "end", 11, 13),
        ];
        for (text, needle, chars, utf16) in cases {
            let map = OffsetMap::new(text);
            let byte = text.find(needle).unwrap();
            assert_eq!(map.char_offset(byte), chars, "code points in {text:?}");
            assert_eq!(map.utf16_offset(byte), utf16, "UTF-16 units in {text:?}");
        }
    }

    proptest! {
        #[test]
        fn agrees_with_std(text in "\\PC{0,40}") {
            let map = OffsetMap::new(&text);
            for (i, _) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
                prop_assert_eq!(map.char_offset(i), text[..i].chars().count());
                prop_assert_eq!(map.utf16_offset(i), text[..i].encode_utf16().count());
            }
        }
    }
}
