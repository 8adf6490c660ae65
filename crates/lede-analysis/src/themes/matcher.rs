//! Finds a lexicon's terms in text: every word is reduced to an id (its stem's,
//! and for numerals or exact-form terms a second one), and the terms, as
//! sequences of ids, sit in a trie walked from each word. The longest term
//! starting at a word wins, and matching resumes after it.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

use super::lexicon::{ErrorKind, LexiconError, Theme};
use super::tokens::{self, DECADE, Key, NUMBER, NumberClass, Piece, TermProblem};

/// No id: a word no term uses, or a break.
pub(crate) const NONE: u32 = u32::MAX;
const FIRST_WORD_ID: u32 = 2;
const ROOT: u32 = 0;

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

/// What a matched term counts for: one entry per theme that lists it.
#[derive(Clone, Debug)]
pub(crate) struct Hit {
    pub theme: usize,
    /// Shared with every evidence of the term, which clones it.
    pub term: Arc<str>,
    pub weight: f32,
}

/// One set of terms that compete for the same words (longest match wins).
#[derive(Clone, Debug, Default)]
struct Trie {
    edges: FxMap<(u32, u32), u32>,
    /// The root's edges by word id, [`NONE`] where there is none.
    root: Vec<u32>,
    /// Per node: an index into `outputs` when a term ends there.
    terminal: Vec<Option<u32>>,
    /// The hits of each term; empty for a neutral phrase, which only claims its words.
    outputs: Vec<Vec<Hit>>,
}

/// A term matched in a text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Match<'m> {
    pub start: usize,
    pub end: usize,
    pub hits: &'m [Hit],
}

/// Words as ids, and one trie per layer of themes.
#[derive(Clone, Debug, Default)]
pub(crate) struct Matcher {
    stems: FxMap<Cow<'static, str>, u32>,
    exact: FxMap<Cow<'static, str>, u32>,
    next_id: u32,
    layers: Vec<Trie>,
    /// Ids of words seen in earlier documents: stemming is most of the cost of
    /// a word seen for the first time.
    seen: WordCache,
}

/// Word → ids, shared by every scoring with one lexicon, emptied when full.
#[derive(Default)]
struct WordCache(std::sync::Mutex<FxMap<Box<str>, (u32, u32)>>);

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
    /// Builds the matcher for `themes`; `layer_of[i]` is the layer of theme `i`.
    /// Themes of one layer compete for words; layers match independently.
    /// `keys` holds the keys of every term, theme by theme and group by group
    /// ([`keys_of`]); `neutral` those of the neutral phrases, which sit in layer 0
    /// and count for no theme.
    pub(crate) fn build(
        themes: &[Theme],
        layer_of: &[usize],
        keys: &[Vec<Key>],
        neutral: &[Vec<Key>],
    ) -> Result<Matcher, LexiconError> {
        let mut m = Matcher {
            next_id: FIRST_WORD_ID,
            ..Matcher::default()
        };
        let layers = layer_of.iter().copied().max().map_or(1, |l| l + 1);
        m.layers = vec![Trie::new(); layers];
        for phrase in neutral {
            let ids = m.intern(phrase);
            m.layers[0].insert(&ids, None);
        }
        let mut keys = keys.iter();
        for (t, theme) in themes.iter().enumerate() {
            let terms = theme.terms.iter().map(|g| g.words.len()).sum();
            let mut seen: FxMap<&[Key], &str> =
                FxMap::with_capacity_and_hasher(terms, Default::default());
            for group in &theme.terms {
                for term in &group.words {
                    let keys = keys.next().expect("one entry of keys per term");
                    if let Some(first) = seen.insert(keys, term) {
                        return Err(LexiconError::new(ErrorKind::DuplicateTerm {
                            theme: theme.id.clone(),
                            first: first.to_owned(),
                            second: term.clone(),
                            key: describe(keys),
                        }));
                    }
                    let ids = m.intern(keys);
                    let hit = Hit {
                        theme: t,
                        term: Arc::from(term.as_str()),
                        weight: group.weight,
                    };
                    m.layers[layer_of[t]].insert(&ids, Some(hit));
                }
            }
        }
        Ok(m)
    }

    fn intern(&mut self, keys: &[Key]) -> Vec<u32> {
        keys.iter()
            .map(|k| {
                let (map, word) = match k {
                    Key::Class(id) => return *id,
                    Key::Stem(s) => (&mut self.stems, s),
                    Key::Exact(w) => (&mut self.exact, w),
                };
                if let Some(&id) = map.get(word.as_ref()) {
                    return id;
                }
                map.insert(word.clone(), self.next_id);
                self.next_id += 1;
                self.next_id - 1
            })
            .collect()
    }

    /// The words of `text` as ids, with breaks where a phrase may not run on.
    /// `offset` is added to every position; `cache` remembers words seen before.
    pub(crate) fn tokenise<'t>(
        &self,
        text: &'t str,
        offset: usize,
        cache: &mut FxMap<&'t str, (u32, u32)>,
        buf: &mut String,
        out: &mut Vec<Tok>,
    ) {
        tokens::pieces(text, |piece| match piece {
            Piece::Break => out.push(Tok::BREAK),
            Piece::Word { start, end, raw } => {
                let (stem, alt) = self.ids_cached(raw, cache, buf);
                out.push(Tok {
                    start: offset + start,
                    end: offset + end,
                    stem,
                    alt,
                });
            }
        });
    }

    /// The ids of `raw`, from the document's map, the words of earlier
    /// documents, or the stemmer.
    fn ids_cached<'t>(
        &self,
        raw: &'t str,
        cache: &mut FxMap<&'t str, (u32, u32)>,
        buf: &mut String,
    ) -> (u32, u32) {
        *cache.entry(raw).or_insert_with(|| {
            let mut seen = self.seen.0.lock().unwrap_or_else(|e| e.into_inner());
            if let Some(&ids) = seen.get(raw) {
                return ids;
            }
            if seen.len() >= WORD_CACHE_LIMIT {
                seen.clear();
            }
            let ids = self.ids_of(raw, buf);
            seen.insert(raw.into(), ids);
            ids
        })
    }

    fn ids_of(&self, raw: &str, buf: &mut String) -> (u32, u32) {
        tokens::normalise_into(raw, buf);
        let stem = self
            .stems
            .get(tokens::stem(buf).as_ref())
            .copied()
            .unwrap_or(NONE);
        let alt = match tokens::number_class(raw) {
            Some(NumberClass::Number) => NUMBER,
            Some(NumberClass::Decade) => DECADE,
            None => self.exact.get(buf.as_str()).copied().unwrap_or(NONE),
        };
        (stem, alt)
    }

    /// Every term match in `toks`, layer by layer, each layer left to right with
    /// the longest term at each word.
    pub(crate) fn find<'m>(&'m self, toks: &[Tok], mut each: impl FnMut(Match<'m>)) {
        for trie in &self.layers {
            let mut i = 0;
            while i < toks.len() {
                let mut best = Best::default();
                trie.walk(toks, i, ROOT, 0, 0, &mut best);
                match best.output {
                    Some(out) => {
                        let hits = &trie.outputs[out as usize];
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

impl Trie {
    fn new() -> Trie {
        Trie {
            terminal: vec![None],
            ..Trie::default()
        }
    }

    fn insert(&mut self, ids: &[u32], hit: Option<Hit>) {
        let mut node = ROOT;
        for &id in ids {
            let next = self.terminal.len() as u32;
            let parent = node;
            node = *self.edges.entry((node, id)).or_insert(next);
            if node == next {
                self.terminal.push(None);
            }
            if parent == ROOT {
                if self.root.len() <= id as usize {
                    self.root.resize(id as usize + 1, NONE);
                }
                self.root[id as usize] = node;
            }
        }
        let out = *self.terminal[node as usize].get_or_insert_with(|| {
            self.outputs.push(Vec::new());
            (self.outputs.len() - 1) as u32
        });
        self.outputs[out as usize].extend(hit);
    }

    fn walk(&self, toks: &[Tok], i: usize, node: u32, len: usize, exact: usize, best: &mut Best) {
        let Some(tok) = toks.get(i) else { return };
        for (id, is_exact) in [(tok.stem, 0), (tok.alt, 1)] {
            if id == NONE {
                continue;
            }
            let child = if node == ROOT {
                // Most words start no term: answer those without hashing.
                match self.root.get(id as usize) {
                    Some(&c) if c != NONE => Some(c),
                    _ => None,
                }
            } else {
                self.edges.get(&(node, id)).copied()
            };
            if let Some(child) = child {
                let (len, exact) = (len + 1, exact + is_exact);
                if let Some(out) = self.terminal[child as usize]
                    && (len, exact) > (best.len, best.exact)
                {
                    *best = Best {
                        len,
                        exact,
                        output: Some(out),
                    };
                }
                self.walk(toks, i + 1, child, len, exact, best);
            }
        }
    }
}

/// The keys of `term` of theme `theme`, or why it has none.
pub(crate) fn keys_of(theme: &str, term: &str) -> Result<Vec<Key>, LexiconError> {
    tokens::term_keys(term).map_err(|problem| {
        let (theme, term) = (theme.to_owned(), term.to_owned());
        LexiconError::new(match problem {
            TermProblem::UnknownClass(word) => ErrorKind::UnknownClass { theme, term, word },
            TermProblem::Empty => ErrorKind::EmptyTerm { theme, term },
            TermProblem::CrossesBreak => ErrorKind::TermCrossesBreak { theme, term },
        })
    })
}

fn describe(keys: &[Key]) -> String {
    keys.iter()
        .map(|k| match k {
            Key::Stem(s) => s.to_string(),
            Key::Exact(w) => format!("={w}"),
            Key::Class(NUMBER) => "#number".into(),
            Key::Class(_) => "#decade".into(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A hash map with the Fx hash (from rustc): word lookups are most of the
/// matcher's time and need no protection from adversarial keys.
pub(crate) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().unwrap()));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(i as u64);
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}
