//! Cuts a block of text into the pieces the article view renders, so that
//! overlapping layers — entity mentions, quotations, theme evidence and search
//! matches — each show without any text duplicated or lost. Plain Rust.
//!
//! Mentions never overlap one another, so they form the outer level: a block is
//! a run of [`Piece`]s, each plain text or one mention. Every piece is cut
//! further into [`Frag`]s wherever a quotation, an evidence term or a search
//! match starts or ends, and each fragment says which of those cover it.

use lede_analysis::{EntityId, MentionId, Span};

/// The layers over one block, all as byte spans into the document text.
#[derive(Clone, Copy, Debug, Default)]
pub struct Layers<'a> {
    /// Mentions' spans, sorted and not overlapping, with their ids.
    pub mentions: &'a [(MentionId, Span)],
    pub quotes: &'a [Span],
    /// Evidence spans with the index of their theme.
    pub evidence: &'a [(usize, Span)],
    /// Search matches, sorted and not overlapping.
    pub search: &'a [Span],
}

/// A stretch of text with the same layers over all of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Frag {
    pub span: Span,
    pub in_quote: bool,
    /// Themes whose evidence covers this fragment.
    pub themes: Vec<usize>,
    /// The index of the search match covering it, if any.
    pub search: Option<usize>,
}

/// Plain text, or one mention, made of fragments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    pub mention: Option<MentionId>,
    pub frags: Vec<Frag>,
}

impl Piece {
    #[cfg(all(test, not(target_arch = "wasm32")))]
    pub fn span(&self) -> Span {
        Span::new(
            self.frags.first().map_or(0, |f| f.span.start),
            self.frags.last().map_or(0, |f| f.span.end),
        )
    }
}

/// Cuts `block` into pieces. Layer spans reaching outside the block are clipped.
pub fn segment(block: Span, layers: Layers<'_>) -> Vec<Piece> {
    let clip = |s: Span| -> Option<Span> {
        let (start, end) = (s.start.max(block.start), s.end.min(block.end));
        (start < end).then(|| Span::new(start, end))
    };
    let mut cuts = vec![block.start, block.end];
    let all = layers
        .mentions
        .iter()
        .map(|m| m.1)
        .chain(layers.quotes.iter().copied())
        .chain(layers.evidence.iter().map(|e| e.1))
        .chain(layers.search.iter().copied());
    for s in all.filter_map(clip) {
        cuts.push(s.start);
        cuts.push(s.end);
    }
    cuts.sort_unstable();
    cuts.dedup();

    let mut pieces: Vec<Piece> = Vec::new();
    for w in cuts.windows(2) {
        let span = Span::new(w[0], w[1]);
        let covers = |s: &Span| s.contains(span);
        let mention = layers.mentions.iter().find(|m| covers(&m.1)).map(|m| m.0);
        let frag = Frag {
            span,
            in_quote: layers.quotes.iter().any(covers),
            themes: layers
                .evidence
                .iter()
                .filter(|e| covers(&e.1))
                .map(|e| e.0)
                .collect(),
            search: layers.search.iter().position(covers),
        };
        match pieces.last_mut() {
            Some(last) if last.mention == mention => last.frags.push(frag),
            _ => pieces.push(Piece {
                mention,
                frags: vec![frag],
            }),
        }
    }
    pieces
}

/// What [`encode`] writes a piece as: plain text, or one mention.
pub const PLAIN: u32 = 0;
pub const MENTION: u32 = 1;
/// Added to a mention's type in [`encode`]'s numbers when a reader's
/// correction made or changed the mention.
pub const CORRECTED: u32 = 1 << 8;
/// What covers a fragment, in [`encode`]'s flags.
pub const QUOTE: u32 = 1;
pub const EVIDENCE: u32 = 2;
pub const HIT: u32 = 4;

/// Writes `pieces`, cut from one block of `text`, as the numbers that
/// `src/article/fill_block.js` builds the block's DOM from; `mention(m)` gives
/// mention `m`'s type (its index in the list the script is handed), the
/// number its mark is known by (its `data-mention`) and its entity, and a
/// fragment's search match `k` is match `first_hit + k` of the document.
/// Piece after piece:
///
/// - [`PLAIN`], or [`MENTION`] then its type (plus [`CORRECTED`] for a
///   reader's mention), mark number and entity;
/// - the number of fragments, and each fragment's length in UTF-16 code
///   units (the script's string offsets, not bytes), then its flags:
///   [`QUOTE`], [`EVIDENCE`] (followed by the number of themes and their
///   indexes), [`HIT`] (followed by the match's number).
///
/// `src/article/round_trip.rs` runs the script on this output in the
/// browser: change the layout on both sides together.
pub fn encode(
    text: &str,
    pieces: &[Piece],
    mention: impl Fn(MentionId) -> (u32, usize, EntityId),
    first_hit: usize,
) -> Vec<u32> {
    let mut ops = Vec::with_capacity(pieces.len() * 8);
    let n = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
    for piece in pieces {
        match piece.mention {
            None => ops.push(PLAIN),
            Some(m) => {
                let (label, mark, entity) = mention(m);
                ops.extend([MENTION, label, n(mark), n(entity.0)]);
            }
        }
        ops.push(n(piece.frags.len()));
        for f in &piece.frags {
            let s = f.span.slice(text);
            let len = if s.is_ascii() {
                s.len()
            } else {
                s.encode_utf16().count()
            };
            let flags = if f.in_quote { QUOTE } else { 0 }
                | if f.themes.is_empty() { 0 } else { EVIDENCE }
                | if f.search.is_some() { HIT } else { 0 };
            ops.extend([n(len), flags]);
            if !f.themes.is_empty() {
                ops.push(n(f.themes.len()));
                ops.extend(f.themes.iter().map(|&t| n(t)));
            }
            if let Some(k) = f.search {
                ops.push(n(first_hit + k));
            }
        }
    }
    ops
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sp(s: usize, e: usize) -> Span {
        Span::new(s, e)
    }

    /// Renders pieces as text with brackets: [..] a mention, <..> a quoted fragment.
    fn show(text: &str, pieces: &[Piece]) -> String {
        let mut out = String::new();
        for p in pieces {
            if p.mention.is_some() {
                out.push('[');
            }
            for f in &p.frags {
                let t = f.span.slice(text);
                if f.in_quote {
                    out.push('<');
                }
                out.push_str(t);
                if !f.themes.is_empty() {
                    out.push('*');
                }
                if f.in_quote {
                    out.push('>');
                }
            }
            if p.mention.is_some() {
                out.push(']');
            }
        }
        out
    }

    #[test]
    fn layers_nest_and_cross_without_losing_text() {
        //            0         1         2         3
        //            0123456789012345678901234567890123
        let text = "Xi said “China wins” in Beijing.";
        let block = sp(0, text.len());
        let china = text.find("China").unwrap();
        let beijing = text.find("Beijing").unwrap();
        let q0 = text.find('“').unwrap();
        let q1 = text.find('”').unwrap() + '”'.len_utf8();
        let mentions = [
            (MentionId(0), sp(0, 2)),
            (MentionId(1), sp(china, china + 5)),
            (MentionId(2), sp(beijing, beijing + 7)),
        ];
        let quotes = [sp(q0, q1)];
        let wins = text.find("wins").unwrap();
        let evidence = [(0, sp(wins, wins + 4))];
        let pieces = segment(
            block,
            Layers {
                mentions: &mentions,
                quotes: &quotes,
                evidence: &evidence,
                search: &[],
            },
        );
        assert_eq!(
            show(text, &pieces),
            "[Xi] said <“>[<China>]< ><wins*><”> in [Beijing]."
        );
    }

    /// Every piece and fragment, with its flags and numbers, and lengths in
    /// UTF-16 units: "“" is 3 bytes and one unit, "🙂" 4 bytes and two.
    #[test]
    fn pieces_are_encoded_for_the_script() {
        let text = "Xi: “Wins 🙂” now.";
        let at = |s: &str| text.find(s).unwrap();
        let pieces = segment(
            sp(0, text.len()),
            Layers {
                mentions: &[(MentionId(7), sp(0, 2))],
                quotes: &[sp(at("“"), at(" now"))],
                evidence: &[(3, sp(at("Wins"), at("Wins") + 4))],
                search: &[sp(at("🙂"), at("”"))],
            },
        );
        let ops = encode(
            text,
            &pieces,
            |m| (m.0 as u32 * 10, m.0 + 100, EntityId(42)),
            5,
        );
        #[rustfmt::skip]
        assert_eq!(ops, [
            MENTION, 70, 107, 42, 1, 2, 0,  // [Xi]
            PLAIN, 7,
            2, 0,                        // ": "
            1, QUOTE,                    // “
            4, QUOTE | EVIDENCE, 1, 3,   // Wins, evidence of theme 3
            1, QUOTE,                    // " "
            2, QUOTE | HIT, 5,           // 🙂, match 0 + 5
            1, QUOTE,                    // ”
            5, 0,                        // " now."
        ]);
        // The lengths add up to the text's, in UTF-16 units.
        assert_eq!(2 + 2 + 1 + 4 + 1 + 2 + 1 + 5, text.encode_utf16().count());
    }

    #[test]
    fn plain_text_is_one_piece() {
        let pieces = segment(sp(3, 8), Layers::default());
        assert_eq!(pieces.len(), 1);
        assert_eq!(pieces[0].span(), sp(3, 8));
    }

    proptest! {
        #[test]
        fn pieces_tile_the_block(
            text in "\\PC{1,30}",
            raw in proptest::collection::vec((0usize..40, 0usize..40), 0..8),
        ) {
            let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let at = |i: usize| bounds[i % bounds.len()];
            let spans: Vec<Span> = raw.iter().map(|&(a, b)| {
                let (a, b) = (at(a), at(b));
                sp(a.min(b), a.max(b))
            }).collect();
            // Mentions must not overlap: keep a non-overlapping subset.
            let mut mentions: Vec<(MentionId, Span)> = Vec::new();
            let mut sorted = spans.clone();
            sorted.sort();
            for s in sorted {
                if !s.is_empty() && mentions.last().is_none_or(|m| m.1.end <= s.start) {
                    mentions.push((MentionId(mentions.len()), s));
                }
            }
            let evidence: Vec<(usize, Span)> = spans.iter().map(|&s| (1, s)).collect();
            let block = sp(0, text.len());
            let pieces = segment(block, Layers { mentions: &mentions, quotes: &spans, evidence: &evidence, search: &[] });
            let mut pos = 0;
            for p in &pieces {
                for f in &p.frags {
                    prop_assert_eq!(f.span.start, pos);
                    prop_assert!(!f.span.is_empty());
                    prop_assert!(text.is_char_boundary(f.span.end));
                    pos = f.span.end;
                }
                if let Some(m) = p.mention {
                    prop_assert_eq!(p.span(), mentions[m.0].1);
                }
            }
            prop_assert_eq!(pos, text.len());
        }
    }
}
