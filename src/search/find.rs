//! Finding a query in the document: the text folded once, one substring
//! search over it per query, and the matches kept as one sorted list that a
//! block, the count and the minimap each read by binary search, with no list
//! per block. Plain Rust.

use lede_analysis::Span;
use lede_analysis::apostrophe::is_apostrophe;

/// A text folded once for searching: lower case, curly quotes straight. A
/// search is then one pass of the standard library's substring search over
/// it, whatever the text's length, where folding the text for every query
/// cost more than the search.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Folded {
    text: String,
    /// Where the folded text's offsets part from the original's: after
    /// folded byte `.0`, add `.1` to get the original offset. Only a few
    /// characters fold to another length (a curly quote's 3 bytes to 1).
    shifts: Vec<(usize, isize)>,
}

impl Folded {
    pub fn new(text: &str) -> Folded {
        let mut folded = String::with_capacity(text.len());
        let mut shifts = Vec::new();
        let mut at = 0;
        while at < text.len() {
            // A run of ASCII is lowered as bytes, in place; news text is
            // nearly all ASCII, and a character at a time cost 50 ms on 4 MB.
            let run = text.as_bytes()[at..]
                .iter()
                .position(|b| !b.is_ascii())
                .map_or(text.len(), |n| at + n);
            let from = folded.len();
            folded.push_str(&text[at..run]);
            folded[from..].make_ascii_lowercase();
            at = run;
            let Some(c) = text[at..].chars().next() else {
                break;
            };
            let f = fold(c);
            folded.push(f);
            at += c.len_utf8();
            if f.len_utf8() != c.len_utf8() {
                shifts.push((folded.len(), at as isize - folded.len() as isize));
            }
        }
        Folded {
            text: folded,
            shifts,
        }
    }

    /// The offset in the original text of folded offset `at` (a character boundary).
    fn original(&self, at: usize) -> usize {
        match self.shifts.partition_point(|&(after, _)| after <= at) {
            0 => at,
            k => (at as isize + self.shifts[k - 1].1) as usize,
        }
    }

    /// Byte spans into the original text of every occurrence of `needle`,
    /// folded the same way, from left to right and not overlapping.
    pub fn find_all(&self, needle: &str) -> Vec<Span> {
        if needle.chars().all(char::is_whitespace) {
            return Vec::new();
        }
        let needle: String = needle.chars().map(fold).collect();
        self.text
            .match_indices(&needle)
            .map(|(at, m)| Span::new(self.original(at), self.original(at + m.len())))
            .collect()
    }
}

fn fold(c: char) -> char {
    match c {
        c if is_apostrophe(c) => '\'',
        '\u{201C}' | '\u{201D}' => '"',
        c => c.to_lowercase().next().unwrap_or(c),
    }
}

/// The number of a search match in the document, from 0 in text order: what
/// "3 of 12" counts, and what `data-hit` holds in the article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MatchId(pub usize);

impl std::fmt::Display for MatchId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// Every match of a query, in text order, each inside one block (a match
/// that straddles two blocks is left out: neither could show it whole).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Matches {
    spans: Vec<Span>,
}

impl Matches {
    /// The matches of `found` (sorted) that lie inside one of `blocks`
    /// (sorted, not overlapping): one pass over both.
    pub fn new(found: Vec<Span>, blocks: impl IntoIterator<Item = Span>) -> Matches {
        let mut blocks = blocks.into_iter().peekable();
        let mut spans = found;
        spans.retain(|s| {
            while blocks.next_if(|b| b.end <= s.start).is_some() {}
            blocks.peek().is_some_and(|b| b.contains(*s))
        });
        Matches { spans }
    }

    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    pub fn get(&self, k: MatchId) -> Option<Span> {
        self.spans.get(k.0).copied()
    }

    /// The matches inside `block`, with the id of the first.
    pub fn within(&self, block: Span) -> (MatchId, &[Span]) {
        let first = self.spans.partition_point(|s| s.start < block.start);
        let n = self.spans[first..].partition_point(|s| s.end <= block.end);
        (MatchId(first), &self.spans[first..first + n])
    }

    pub fn iter(&self) -> impl Iterator<Item = (MatchId, Span)> + '_ {
        self.spans.iter().enumerate().map(|(k, &s)| (MatchId(k), s))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sp(s: usize, e: usize) -> Span {
        Span::new(s, e)
    }

    fn find_all(hay: &str, needle: &str) -> Vec<Span> {
        Folded::new(hay).find_all(needle)
    }

    #[test]
    fn matches_fall_in_the_blocks_that_hold_them() {
        let blocks = [sp(0, 10), sp(12, 20), sp(25, 30)];
        let found = vec![sp(1, 3), sp(8, 13), sp(14, 16), sp(18, 20), sp(26, 27)];
        let m = Matches::new(found, blocks);
        assert_eq!(m.len(), 4, "the match across two blocks is left out");
        assert_eq!(m.within(blocks[0]), (MatchId(0), &[sp(1, 3)][..]));
        assert_eq!(
            m.within(blocks[1]),
            (MatchId(1), &[sp(14, 16), sp(18, 20)][..])
        );
        assert_eq!(m.within(blocks[2]), (MatchId(3), &[sp(26, 27)][..]));
        assert_eq!(m.within(sp(21, 24)).1, &[] as &[Span]);
        assert_eq!(m.get(MatchId(3)), Some(sp(26, 27)));
        assert_eq!(m.get(MatchId(4)), None);
        assert!(Matches::new(Vec::new(), blocks).is_empty());
    }

    #[test]
    fn offsets_past_folded_quotes_point_into_the_original() {
        let hay = "‘A’ and “b” then c";
        let found = find_all(hay, "c");
        assert_eq!(
            found.iter().map(|s| s.slice(hay)).collect::<Vec<_>>(),
            ["c"]
        );
        assert_eq!(found[0].start, hay.rfind('c').unwrap());
    }

    #[test]
    fn search_finds_case_and_apostrophe_insensitively() {
        let cases: &[(&str, &str, &[&str])] = &[
            ("Win-win and WIN-WIN", "win-win", &["Win-win", "WIN-WIN"]),
            ("China’s and China's", "china's", &["China’s", "China's"]),
            ("aaaa", "aa", &["aa", "aa"]),
            ("Ünïcode ünïcode", "ÜNÏ", &["Ünï", "ünï"]),
            ("É at the start, then ASCII", "é at", &["É at"]),
            ("nothing here", "zebra", &[]),
            ("spaces", "  ", &[]),
            ("", "a", &[]),
        ];
        for (hay, needle, expected) in cases {
            let found: Vec<&str> = find_all(hay, needle).iter().map(|s| s.slice(hay)).collect();
            assert_eq!(&found, expected, "{needle:?} in {hay:?}");
        }
    }

    proptest! {
        /// The folded text matches folding one character at a time, and
        /// every match maps back onto the same text in the original.
        #[test]
        fn folding_in_runs_is_folding_by_character(text in "[a-zA-Z ’‘“”ÄÖéİ\u{02BC}]{0,40}", needle in "[a-zA-Z’'ä]{1,3}") {
            let f = Folded::new(&text);
            let by_char: String = text.chars().map(fold).collect();
            prop_assert_eq!(&f.text, &by_char);
            let folded_needle: String = needle.chars().map(fold).collect();
            for s in f.find_all(&needle) {
                prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
                let back: String = s.slice(&text).chars().map(fold).collect();
                prop_assert_eq!(back, folded_needle.clone());
            }
        }

        /// `within` gives exactly the matches a scan of every match would.
        #[test]
        fn a_block_reads_its_matches_by_search(starts in proptest::collection::btree_set(0usize..200, 0..40)) {
            let found: Vec<Span> = starts.iter().map(|&s| sp(s * 2, s * 2 + 1)).collect();
            let blocks: Vec<Span> = (0..10).map(|b| sp(b * 40, b * 40 + 35)).collect();
            let m = Matches::new(found, blocks.clone());
            let mut seen = 0;
            for b in &blocks {
                let (first, here) = m.within(*b);
                let scan: Vec<Span> = m.iter().map(|(_, s)| s).filter(|s| b.contains(*s)).collect();
                prop_assert_eq!(here, &scan[..]);
                prop_assert_eq!(first, MatchId(seen));
                seen += here.len();
            }
            prop_assert_eq!(seen, m.len());
        }
    }
}
