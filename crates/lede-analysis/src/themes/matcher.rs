//! Finds a lexicon's terms in text: every word is reduced to an id (its stem's,
//! and for numerals or exact-form terms a second one), and the terms, as
//! sequences of ids, sit in a trie walked from each word ([`super::tables`]).
//! The longest term starting at a word wins, and matching resumes after it.

use std::borrow::Cow;

use super::lexicon::{ErrorKind, LexiconError, Theme};
pub(crate) use super::tables::FxMap;
pub(crate) use super::tables::lines;
use super::tables::{self, Hit, NONE, ROOT, Tables, Term, WordsBuilder};
use super::tokens::{self, DECADE, Key, NUMBER, NumberClass, Piece, TermProblem};

/// A word of the text being scored, with the ids the trie knows it by.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    /// The id of the word's stem, or [`NONE`].
    pub stem: u32,
    /// The id of the exact word form or numeral class, or [`NONE`].
    pub alt: u32,
}

impl Tok {
    const BREAK: Tok = Tok {
        start: 0,
        end: 0,
        stem: NONE,
        alt: NONE,
    };
}

/// A term matched in a text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Match<'m> {
    pub start: usize,
    pub end: usize,
    pub hits: &'m [Hit],
}

/// A lexicon's words and tries, and the words seen so far.
#[derive(Clone, Debug, Default)]
pub(crate) struct Matcher {
    tables: Tables,
    /// Ids of words seen in earlier documents: stemming is most of the cost of
    /// a word seen for the first time.
    seen: WordCache,
}

/// Word → ids, shared by every scoring with one lexicon, emptied when full.
#[derive(Default)]
struct WordCache(std::sync::Mutex<SeenWords>);

/// Words, and the ids of each (a word's place in `words` is its place in
/// `ids`), with no allocation for each word.
#[derive(Default)]
struct SeenWords {
    words: WordsBuilder,
    ids: Vec<(u32, u32)>,
}

/// Words remembered before the cache starts afresh (a few MB at most).
const WORD_CACHE_LIMIT: usize = 200_000;

impl Clone for WordCache {
    fn clone(&self) -> WordCache {
        WordCache::default()
    }
}

impl std::fmt::Debug for WordCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("WordCache")
    }
}

impl Matcher {
    /// The matcher of tables built beforehand (by `build.rs`).
    pub(crate) fn new(tables: Tables) -> Matcher {
        Matcher {
            tables,
            seen: WordCache::default(),
        }
    }

    /// Builds the matcher for `themes`; `layer_of[i]` is the layer of theme `i`.
    /// Themes of one layer compete for words; layers match independently.
    /// `keys[i]` holds the keys of theme `i`'s terms, group by group, one
    /// term a line ([`tokens::write_term_keys`]); `neutral` those of the
    /// neutral phrases, which sit in layer 0 and count for no theme.
    pub(crate) fn build(
        themes: &[Theme],
        layer_of: &[usize],
        keys: &[Cow<'_, str>],
        neutral: &str,
    ) -> Result<Matcher, LexiconError> {
        let layers = layer_of.iter().copied().max().map_or(1, |l| l + 1);
        let described = themes
            .iter()
            .zip(keys)
            .enumerate()
            .map(|(t, (theme, keys))| {
                let groups = theme.terms.iter().map(|g| g.words.len()).collect();
                (layer_of[t], groups, &**keys)
            });
        let terms = tables::terms(neutral, described);
        // Each theme's terms are together, after the neutral phrases.
        for run in terms.chunk_by(|a, b| a.hit.map(|h| h.theme) == b.hit.map(|h| h.theme)) {
            if let Some(hit) = run[0].hit {
                check_repeats(&themes[hit.theme as usize], run)?;
            }
        }
        Ok(Matcher::new(tables::build(layers, &terms)))
    }

    #[cfg(test)]
    pub(crate) fn tables(&self) -> &Tables {
        &self.tables
    }

    /// The words of `text` as ids, with breaks where a phrase may not run on.
    /// `offset` is added to every position; `cache` remembers the words of
    /// the document seen before.
    pub(crate) fn tokenise<'t>(
        &self,
        text: &'t str,
        offset: usize,
        cache: &mut FxMap<&'t str, (u32, u32)>,
        buf: &mut String,
        out: &mut Vec<Tok>,
    ) {
        // Locked once a block, not once a new word.
        let mut seen = self.seen.0.lock().unwrap_or_else(|e| e.into_inner());
        tokens::pieces(text, |piece| match piece {
            Piece::Break => out.push(Tok::BREAK),
            Piece::Word { start, end, raw } => {
                let (stem, alt) = *cache
                    .entry(raw)
                    .or_insert_with(|| self.ids_seen(raw, &mut seen, buf));
                out.push(Tok {
                    start: offset + start,
                    end: offset + end,
                    stem,
                    alt,
                });
            }
        });
    }

    /// The ids of `raw`, from the words of earlier documents or the stemmer.
    fn ids_seen(&self, raw: &str, seen: &mut SeenWords, buf: &mut String) -> (u32, u32) {
        if seen.ids.len() >= WORD_CACHE_LIMIT {
            *seen = SeenWords::default();
        }
        let i = seen.words.intern(raw) as usize;
        if i == seen.ids.len() {
            let ids = self.ids_of(raw, buf);
            seen.ids.push(ids);
        }
        seen.ids[i]
    }

    fn ids_of(&self, raw: &str, buf: &mut String) -> (u32, u32) {
        tokens::normalise_into(raw, buf);
        let stem = self.tables.stem_id(&tokens::stem(buf));
        let alt = match tokens::number_class(raw) {
            Some(NumberClass::Number) => NUMBER,
            Some(NumberClass::Decade) => DECADE,
            None => self.tables.exact_id(buf),
        };
        (stem, alt)
    }

    /// Every term match in `toks`, layer by layer, each layer left to right with
    /// the longest term at each word.
    pub(crate) fn find<'m>(&'m self, toks: &[Tok], mut each: impl FnMut(Match<'m>)) {
        for trie in self.tables.layers.iter() {
            let mut i = 0;
            while i < toks.len() {
                // Most words start no term: skip them without a walk.
                let tok = &toks[i];
                if trie.child(ROOT, tok.stem).is_none() && trie.child(ROOT, tok.alt).is_none() {
                    i += 1;
                    continue;
                }
                let mut best = Best::default();
                walk(trie, toks, i, ROOT, 0, 0, &mut best);
                match best.output {
                    Some(out) => {
                        let hits = trie.hits(out);
                        if !hits.is_empty() {
                            each(Match {
                                start: toks[i].start,
                                end: toks[i + best.len - 1].end,
                                hits,
                            });
                        }
                        i += best.len;
                    }
                    None => i += 1,
                }
            }
        }
    }
}

#[derive(Default)]
struct Best {
    len: usize,
    /// How many words matched by exact form or class rather than stem: on equal
    /// length the more specific term wins.
    exact: usize,
    output: Option<u32>,
}

fn walk(
    trie: &tables::Trie,
    toks: &[Tok],
    i: usize,
    node: u32,
    len: usize,
    exact: usize,
    best: &mut Best,
) {
    let Some(tok) = toks.get(i) else { return };
    for (id, is_exact) in [(tok.stem, 0), (tok.alt, 1)] {
        if id == NONE {
            continue;
        }
        if let Some(child) = trie.child(node, id) {
            let (len, exact) = (len + 1, exact + is_exact);
            if let Some(out) = trie.output(child)
                && (len, exact) > (best.len, best.exact)
            {
                *best = Best {
                    len,
                    exact,
                    output: Some(out),
                };
            }
            walk(trie, toks, i + 1, child, len, exact, best);
        }
    }
}

/// Fails if two of a theme's terms have the same keys (the same line of
/// them): they would match the same words.
fn check_repeats(theme: &Theme, terms: &[Term]) -> Result<(), LexiconError> {
    let mut seen: FxMap<&str, Hit> =
        FxMap::with_capacity_and_hasher(terms.len(), Default::default());
    let text = |h: Hit| theme.terms[h.group as usize].words[h.word as usize].clone();
    for term in terms {
        let hit = term.hit.expect("a theme's terms count for it");
        if let Some(first) = seen.insert(term.keys, hit) {
            return Err(LexiconError::new(ErrorKind::DuplicateTerm {
                theme: theme.id.clone(),
                first: text(first),
                second: text(hit),
                key: describe(term.keys),
            }));
        }
    }
    Ok(())
}

/// Writes the keys of `term` of theme `theme` after what `out` holds
/// ([`tokens::write_term_keys`]), or says why it has none.
pub(crate) fn write_keys_of(theme: &str, term: &str, out: &mut String) -> Result<(), LexiconError> {
    tokens::write_term_keys(term, out).map_err(|problem| {
        let (theme, term) = (theme.to_owned(), term.to_owned());
        LexiconError::new(match problem {
            TermProblem::UnknownClass(word) => ErrorKind::UnknownClass { theme, term, word },
            TermProblem::Empty => ErrorKind::EmptyTerm { theme, term },
            TermProblem::CrossesBreak => ErrorKind::TermCrossesBreak { theme, term },
            TermProblem::TooLong(words) => ErrorKind::TermTooLong { theme, term, words },
        })
    })
}

fn describe(keys: &str) -> String {
    tokens::read_keys(keys)
        .map(|k| match k {
            Key::Stem(s) => s.to_string(),
            Key::Exact(w) => format!("={w}"),
            Key::Class(NUMBER) => "#number".into(),
            Key::Class(_) => "#decade".into(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}
