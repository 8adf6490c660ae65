//! A lexicon's matcher as flat tables: its words, found through a hash
//! table, and one trie per layer as sorted arrays. `build.rs` builds the
//! built-in lexicon's tables with this very code and writes them as statics
//! ([`Tables::to_rust`]), so a first visit builds nothing; a lexicon read
//! or changed at run time builds its own ([`build`]). Either way the matcher
//! reads them the same.
//!
//! Plain `std` and [`Key`] only: the build script includes this file with `#[path]`.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::hash::{BuildHasherDefault, Hasher};

use super::tokens::{Key, read_keys};

/// No id: a word no term uses, or a break. Also "no node" and "no output".
pub const NONE: u32 = u32::MAX;
/// Ids 0 and 1 are the numeral classes ([`super::tokens::NUMBER`], `DECADE`);
/// stems follow, then exact forms.
pub const FIRST_WORD_ID: u32 = 2;
pub const ROOT: u32 = 0;

/// What a matched term counts for: the term `word` of group `group` of theme
/// `theme`, whose text and weight are the lexicon's.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Hit {
    pub theme: u32,
    pub group: u32,
    pub word: u32,
}

/// Words in byte order, one after another.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Words {
    pub text: Cow<'static, str>,
    /// Per word: where it ends in `text` (it starts where the one before ends).
    pub ends: Cow<'static, [u32]>,
    /// A hash table of the words' indices, [`NONE`] where empty; a power of
    /// two long, at most half full.
    pub slots: Cow<'static, [u32]>,
}

/// One set of terms that compete for the same words (longest match wins).
#[derive(Clone, Debug, PartialEq)]
pub struct Trie {
    /// The root's children by word id, [`NONE`] where there is none.
    pub root: Cow<'static, [u32]>,
    /// Per node: where its edges start in `edges`; one more ends the last.
    pub first: Cow<'static, [u32]>,
    /// (word id, child) of each node's edges in turn, by word id; the
    /// root's are in `root` alone.
    pub edges: Cow<'static, [(u32, u32)]>,
    /// Per node: the output of the term that ends there, or [`NONE`].
    pub terminal: Cow<'static, [u32]>,
    /// Per output: where its hits start in `hits`; one more ends the last.
    /// A neutral phrase's output has no hits: it only claims its words.
    pub outputs: Cow<'static, [u32]>,
    pub hits: Cow<'static, [Hit]>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tables {
    pub stems: Words,
    pub exact: Words,
    pub layers: Cow<'static, [Trie]>,
}

/// One term to match: its layer, its line of keys
/// ([`super::tokens::write_term_keys`]), and what it counts for (nothing for
/// a neutral phrase).
pub struct Term<'k> {
    pub layer: usize,
    pub keys: &'k str,
    pub hit: Option<Hit>,
}

/// The terms of a lexicon, as both `build.rs` and the crate describe one:
/// the keys of its neutral phrases, one a line (layer 0, no hit); then for
/// each theme its layer, how many terms each of its groups has, and their
/// keys, one term a line ([`super::tokens::write_term_keys`]).
pub fn terms<'k>(
    neutral: &'k str,
    themes: impl IntoIterator<Item = (usize, Vec<usize>, &'k str)>,
) -> Vec<Term<'k>> {
    let mut terms: Vec<Term> = lines(neutral)
        .map(|line| Term {
            layer: 0,
            keys: line,
            hit: None,
        })
        .collect();
    for (t, (layer, groups, keys)) in themes.into_iter().enumerate() {
        let mut lines = lines(keys);
        for (g, words) in groups.into_iter().enumerate() {
            for w in 0..words {
                let line = lines.next().expect("one line of keys per term");
                terms.push(Term {
                    layer,
                    keys: line,
                    hit: Some(Hit {
                        theme: t as u32,
                        group: g as u32,
                        word: w as u32,
                    }),
                });
            }
        }
    }
    terms
}

/// The lines of a text of lines; no line of keys or terms is empty.
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.split('\n').filter(|line| !line.is_empty())
}

/// The tables for `terms`, in `layers` layers. Terms with the same keys in
/// one layer share their output.
///
/// Linear in the size of the terms: a reader's theme may hold 100,000 of
/// them, and sorted sets and maps of that size cost more in cache misses than
/// in comparisons.
pub fn build(layers: usize, terms: &[Term]) -> Tables {
    let mut stems = WordsBuilder::default();
    let mut exact = WordsBuilder::default();
    // Each key's place among the stems or the exact forms (or its class):
    // the exact forms' ids follow the stems', so all stems come first.
    let places: Vec<u32> = terms
        .iter()
        .flat_map(|t| read_keys(t.keys))
        .map(|k| match k {
            Key::Stem(s) => stems.intern(&s),
            Key::Exact(w) => exact.intern(&w),
            Key::Class(c) => c,
        })
        .collect();
    let exact_base = FIRST_WORD_ID + stems.len() as u32;
    let mut places = places.into_iter();

    let mut tries = vec![TrieBuilder::new(); layers];
    let mut ids = Vec::new();
    for term in terms {
        ids.clear();
        ids.extend(read_keys(term.keys).zip(&mut places).map(|(k, p)| match k {
            Key::Class(_) => p,
            Key::Stem(_) => FIRST_WORD_ID + p,
            Key::Exact(_) => exact_base + p,
        }));
        tries[term.layer].insert(&ids, term.hit);
    }
    Tables {
        stems: stems.finish(),
        exact: exact.finish(),
        layers: tries.into_iter().map(TrieBuilder::finish).collect(),
    }
}

#[derive(Clone)]
struct TrieBuilder {
    root: Vec<u32>,
    /// (node, word id) → child, for nodes other than the root.
    edges: FxMap<(u32, u32), u32>,
    terminal: Vec<u32>,
    /// (output, hit), in the order the terms came.
    hits: Vec<(u32, Hit)>,
    outputs: u32,
}

impl TrieBuilder {
    fn new() -> TrieBuilder {
        TrieBuilder {
            root: Vec::new(),
            edges: FxMap::default(),
            terminal: vec![NONE],
            hits: Vec::new(),
            outputs: 0,
        }
    }

    fn insert(&mut self, ids: &[u32], hit: Option<Hit>) {
        let mut node = ROOT;
        for &id in ids {
            let next = self.terminal.len() as u32;
            let child = if node == ROOT {
                if self.root.len() <= id as usize {
                    self.root.resize(id as usize + 1, NONE);
                }
                &mut self.root[id as usize]
            } else {
                self.edges.entry((node, id)).or_insert(NONE)
            };
            if *child == NONE {
                *child = next;
                self.terminal.push(NONE);
            }
            node = *child;
        }
        let terminal = &mut self.terminal[node as usize];
        if *terminal == NONE {
            *terminal = self.outputs;
            self.outputs += 1;
        }
        if let Some(hit) = hit {
            self.hits.push((*terminal, hit));
        }
    }

    fn finish(self) -> Trie {
        // Each output's hits in the order they came (a counting sort).
        let mut outputs = vec![0; self.outputs as usize + 1];
        for &(out, _) in &self.hits {
            outputs[out as usize + 1] += 1;
        }
        prefix_sums(&mut outputs);
        let mut at = outputs.clone();
        let mut hits = vec![Hit::default(); self.hits.len()];
        for (out, hit) in self.hits {
            hits[at[out as usize] as usize] = hit;
            at[out as usize] += 1;
        }
        // Each node's edges together (the root's are in `root`), by word id.
        let mut first = vec![0; self.terminal.len() + 1];
        for &(node, _) in self.edges.keys() {
            first[node as usize + 1] += 1;
        }
        prefix_sums(&mut first);
        let mut at = first.clone();
        let mut edges = vec![(0, 0); self.edges.len()];
        for ((node, id), child) in self.edges {
            edges[at[node as usize] as usize] = (id, child);
            at[node as usize] += 1;
        }
        for node in first.windows(2) {
            edges[node[0] as usize..node[1] as usize].sort_unstable();
        }
        Trie {
            root: self.root.into(),
            first: first.into(),
            edges: edges.into(),
            terminal: self.terminal.into(),
            outputs: outputs.into(),
            hits: hits.into(),
        }
    }
}

/// Turns counts, from index 1 on, into where each item starts.
fn prefix_sums(counts: &mut [u32]) {
    for n in 1..counts.len() {
        counts[n] += counts[n - 1];
    }
}

/// Words as they come, each once, and the table that finds them: a set of
/// strings that allocates none of them on its own.
#[derive(Default)]
pub struct WordsBuilder {
    text: String,
    ends: Vec<u32>,
    slots: Vec<u32>,
}

impl WordsBuilder {
    fn len(&self) -> usize {
        self.ends.len()
    }

    fn as_ref(&self) -> WordsRef<'_> {
        WordsRef {
            text: &self.text,
            ends: &self.ends,
            slots: &self.slots,
        }
    }

    /// Adds `word`; whether it was new.
    pub fn insert(&mut self, word: &str) -> bool {
        let before = self.len();
        self.intern(word);
        self.len() > before
    }

    /// The index of `word`, added if it is new.
    pub fn intern(&mut self, word: &str) -> u32 {
        match self.as_ref().probe(word) {
            Ok(i) => i,
            Err(_) if 2 * (self.len() + 1) > self.slots.len() => {
                self.push(word);
                self.rehash();
                self.len() as u32 - 1
            }
            Err(slot) => {
                self.push(word);
                self.slots[slot] = self.len() as u32 - 1;
                self.len() as u32 - 1
            }
        }
    }

    fn push(&mut self, word: &str) {
        self.text.push_str(word);
        self.ends.push(self.text.len() as u32);
    }

    /// Twice the slots (at most half of them full), every word placed anew.
    fn rehash(&mut self) {
        self.slots = vec![NONE; (2 * self.slots.len()).max(4)];
        for i in 0..self.len() {
            let words = self.as_ref();
            let slot = words
                .probe(words.word(i))
                .expect_err("each word is listed once");
            self.slots[slot] = i as u32;
        }
    }

    fn finish(self) -> Words {
        Words {
            text: self.text.into(),
            ends: self.ends.into(),
            slots: self.slots.into(),
        }
    }
}

impl Words {
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// The index of `word`.
    pub fn find(&self, word: &str) -> Option<usize> {
        let words = WordsRef {
            text: &self.text,
            ends: &self.ends,
            slots: &self.slots,
        };
        words.probe(word).ok().map(|i| i as usize)
    }
}

/// [`Words`] or a [`WordsBuilder`], borrowed.
#[derive(Clone, Copy)]
struct WordsRef<'w> {
    text: &'w str,
    ends: &'w [u32],
    slots: &'w [u32],
}

impl<'w> WordsRef<'w> {
    fn word(self, i: usize) -> &'w str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.text[start..self.ends[i] as usize]
    }

    /// The index of `word`, or the empty slot where it would go. Open
    /// addressing: from the word's slot, each slot in turn.
    fn probe(self, word: &str) -> Result<u32, usize> {
        if self.slots.is_empty() {
            return Err(0);
        }
        let mask = self.slots.len() - 1;
        let mut slot = slot_of(word, self.slots.len());
        loop {
            match self.slots[slot] {
                NONE => return Err(slot),
                i if self.word(i as usize) == word => return Ok(i),
                _ => slot = (slot + 1) & mask,
            }
        }
    }
}

/// Where a search for `word` starts among `slots` slots (a power of two):
/// the top bits of its Fx hash, mixed once more, since the low bits of an Fx
/// hash depend on the first bytes alone. The same on every target: the
/// build script places the built-in lexicon's words.
fn slot_of(word: &str, slots: usize) -> usize {
    let mut h = FxHasher::default();
    h.write(word.as_bytes());
    h.add(word.len() as u64);
    let bits = slots.trailing_zeros();
    (h.hash.wrapping_mul(SEED) >> (64 - bits)) as usize
}

impl Trie {
    /// The child of `node` by word `id`.
    pub fn child(&self, node: u32, id: u32) -> Option<u32> {
        if node == ROOT {
            // Most words start no term: answer those without a search.
            return self.root.get(id as usize).copied().filter(|&c| c != NONE);
        }
        let node = node as usize;
        let edges = &self.edges[self.first[node] as usize..self.first[node + 1] as usize];
        edges
            .binary_search_by_key(&id, |&(i, _)| i)
            .ok()
            .map(|e| edges[e].1)
    }

    /// The output of the term ending at `node`, if one does.
    pub fn output(&self, node: u32) -> Option<u32> {
        Some(self.terminal[node as usize]).filter(|&o| o != NONE)
    }

    /// What output `out` counts for.
    pub fn hits(&self, out: u32) -> &[Hit] {
        let out = out as usize;
        &self.hits[self.outputs[out] as usize..self.outputs[out + 1] as usize]
    }
}

impl Tables {
    /// The id of a stem or of an exact form, or [`NONE`].
    pub fn stem_id(&self, stem: &str) -> u32 {
        self.stems
            .find(stem)
            .map_or(NONE, |i| FIRST_WORD_ID + i as u32)
    }

    pub fn exact_id(&self, word: &str) -> u32 {
        self.exact
            .find(word)
            .map_or(NONE, |i| FIRST_WORD_ID + (self.stems.len() + i) as u32)
    }

    /// The tables as a Rust expression of type `Tables`, with `Cow`,
    /// `Tables`, `Words`, `Trie` and `Hit` in scope: what `build.rs` writes.
    #[allow(dead_code)] // Only the build script writes tables.
    pub fn to_rust(&self) -> String {
        fn list<T>(out: &mut String, items: &[T], each: impl Fn(&mut String, &T)) {
            out.push_str("Cow::Borrowed(&[");
            for item in items {
                each(out, item);
                out.push(',');
            }
            out.push_str("])");
        }
        fn numbers(out: &mut String, items: &[u32]) {
            list(out, items, |out, n| {
                let _ = write!(out, "{n}");
            });
        }
        fn words(out: &mut String, w: &Words) {
            let _ = write!(out, "Words {{ text: Cow::Borrowed({:?}), ends: ", w.text);
            numbers(out, &w.ends);
            out.push_str(", slots: ");
            numbers(out, &w.slots);
            out.push_str(" }");
        }
        let mut out = String::from("Tables { stems: ");
        words(&mut out, &self.stems);
        out.push_str(", exact: ");
        words(&mut out, &self.exact);
        out.push_str(", layers: ");
        list(&mut out, &self.layers, |out, t| {
            out.push_str("Trie { root: ");
            numbers(out, &t.root);
            out.push_str(", first: ");
            numbers(out, &t.first);
            out.push_str(", edges: ");
            list(out, &t.edges, |out, (i, c)| {
                let _ = write!(out, "({i},{c})");
            });
            out.push_str(", terminal: ");
            numbers(out, &t.terminal);
            out.push_str(", outputs: ");
            numbers(out, &t.outputs);
            out.push_str(", hits: ");
            list(out, &t.hits, |out, h| {
                let _ = write!(
                    out,
                    "Hit {{ theme: {}, group: {}, word: {} }}",
                    h.theme, h.group, h.word
                );
            });
            out.push_str(" }");
        });
        out.push_str(" }");
        out
    }
}

/// A hash map with the Fx hash (from rustc): word lookups are most of the
/// matcher's time and need no protection from adversarial keys.
pub type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

/// The last 1 to 7 bytes of a word as one little-endian `u64`, zero padded,
/// read as two overlapping loads: copying them into a padded buffer is a
/// call to `memcpy` for every word hashed.
#[inline]
fn tail(rest: &[u8]) -> u64 {
    let n = rest.len();
    let u16_at = |i: usize| u64::from(u16::from_le_bytes([rest[i], rest[i + 1]]));
    let u32_at = |i: usize| {
        u64::from(u32::from_le_bytes([
            rest[i],
            rest[i + 1],
            rest[i + 2],
            rest[i + 3],
        ]))
    };
    if n >= 4 {
        u32_at(0) | u32_at(n - 4) << (8 * (n - 4))
    } else if n >= 2 {
        u16_at(0) | u16_at(n - 2) << (8 * (n - 2))
    } else {
        u64::from(rest[0])
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
            self.add(tail(rest));
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
    /// Rotated, as rustc-hash 2 does: a map picks a bucket by the low bits,
    /// and those of the product depend only on the low bits of what was
    /// added last (for a word, the first bytes of its last eight).
    #[inline]
    fn finish(&self) -> u64 {
        self.hash.rotate_left(26)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The overlapping loads read the same number as a zero-padded copy:
    /// the built-in tables were laid out by it.
    #[test]
    fn a_word_tail_reads_as_its_padded_bytes() {
        let bytes: Vec<u8> = (1..=7).map(|b| b * 0x11).collect();
        for n in 1..=7 {
            let mut padded = [0u8; 8];
            padded[..n].copy_from_slice(&bytes[..n]);
            assert_eq!(tail(&bytes[..n]), u64::from_le_bytes(padded), "{n} bytes");
        }
    }

    fn hit(theme: u32, word: u32) -> Option<Hit> {
        Some(Hit {
            theme,
            group: 0,
            word,
        })
    }

    /// Each id is its word's place among the stems, in the order the terms
    /// first use them, and then among the exact forms; a trie's edges lead
    /// where the terms were put.
    #[test]
    fn tables_find_what_was_put_in() {
        let terms = [
            Term {
                layer: 0,
                keys: "trade",
                hit: hit(0, 0),
            },
            Term {
                layer: 0,
                keys: "trade war",
                hit: hit(1, 0),
            },
            Term {
                layer: 0,
                keys: "=tariffs",
                hit: hit(1, 1),
            },
            // The same keys in one layer share an output.
            Term {
                layer: 0,
                keys: "war",
                hit: hit(1, 2),
            },
            Term {
                layer: 0,
                keys: "war",
                hit: hit(0, 1),
            },
            // A neutral phrase: an output with no hits.
            Term {
                layer: 0,
                keys: "trade #0",
                hit: None,
            },
            Term {
                layer: 1,
                keys: "aid",
                hit: hit(2, 0),
            },
        ];
        let t = build(2, &terms);
        assert_eq!(t.stems.len(), 3);
        assert_eq!(t.stem_id("trade"), FIRST_WORD_ID);
        assert_eq!(t.stem_id("war"), FIRST_WORD_ID + 1);
        assert_eq!(t.stem_id("aid"), FIRST_WORD_ID + 2);
        assert_eq!(t.exact_id("tariffs"), FIRST_WORD_ID + 3);
        for absent in ["", "a", "tradewar", "wars", "zzz"] {
            assert_eq!(t.stem_id(absent), NONE, "{absent:?}");
        }
        assert_eq!(t.exact_id("trade"), NONE);

        let layer = &t.layers[0];
        let trade = layer.child(ROOT, t.stem_id("trade")).unwrap();
        let trade_war = layer.child(trade, t.stem_id("war")).unwrap();
        let war = layer.child(ROOT, t.stem_id("war")).unwrap();
        let hits = |node| layer.hits(layer.output(node).unwrap()).to_vec();
        assert_eq!(hits(trade), [hit(0, 0).unwrap()]);
        assert_eq!(hits(trade_war), [hit(1, 0).unwrap()]);
        assert_eq!(hits(war), [hit(1, 2).unwrap(), hit(0, 1).unwrap()]);
        let neutral = layer.child(trade, 0).unwrap();
        assert!(hits(neutral).is_empty());
        assert_eq!(layer.child(trade, 1), None);
        assert_eq!(layer.child(war, t.stem_id("trade")), None);
        assert_eq!(
            layer.child(ROOT, t.stem_id("aid")),
            None,
            "aid is in layer 1"
        );
        let aid = t.layers[1].child(ROOT, t.stem_id("aid")).unwrap();
        assert_eq!(
            t.layers[1].hits(t.layers[1].output(aid).unwrap()),
            [hit(2, 0).unwrap()]
        );
    }

    /// Every word put in is found at its place, through the hash table's
    /// growth, and words not put in are not found.
    #[test]
    fn words_find_each_word_once() {
        let words: Vec<String> = (0..5_000).map(|i| format!("w{i}")).collect();
        let mut b = WordsBuilder::default();
        for (i, w) in words.iter().enumerate() {
            assert_eq!(b.intern(w), i as u32);
        }
        for (i, w) in words.iter().enumerate().step_by(7) {
            assert_eq!(b.intern(w), i as u32, "a repeat keeps its place");
        }
        let w = b.finish();
        assert_eq!(w.len(), words.len());
        assert!(w.slots.len().is_power_of_two() && w.slots.len() >= 2 * w.len());
        for (i, word) in words.iter().enumerate() {
            assert_eq!(w.find(word), Some(i), "{word}");
        }
        for absent in ["", "w", "w5000", "w01", "x1"] {
            assert_eq!(w.find(absent), None, "{absent:?}");
        }
        assert_eq!(Words::default().find("w1"), None);
    }
}
