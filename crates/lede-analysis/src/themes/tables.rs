//! A lexicon's matcher as flat tables: its words, sorted, and one trie per
//! layer as sorted arrays. `build.rs` builds the built-in lexicon's tables
//! with this very code and writes them as statics ([`Tables::to_rust`]), so
//! a first visit builds nothing; a lexicon read or changed at run time builds
//! its own ([`build`]). Either way the matcher reads them the same.
//!
//! Plain `std` and [`Key`] only: the build script includes this file with `#[path]`.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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
}

/// One set of terms that compete for the same words (longest match wins).
#[derive(Clone, Debug, PartialEq)]
pub struct Trie {
    /// The root's children by word id, [`NONE`] where there is none.
    pub root: Cow<'static, [u32]>,
    /// Per node: where its edges start in `edges`; one more ends the last.
    pub first: Cow<'static, [u32]>,
    /// (word id, child) of each node's edges in turn, by word id.
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

/// One term to match: its layer, its keys, and what it counts for (nothing
/// for a neutral phrase).
pub struct Term<'k> {
    pub layer: usize,
    pub keys: Vec<Key<'k>>,
    pub hit: Option<Hit>,
}

/// The terms of a lexicon, as both `build.rs` and the crate describe one:
/// the keys of its neutral phrases, one a line (layer 0, no hit); then for
/// each theme its layer, how many terms each of its groups has, and their
/// keys, one term a line ([`super::tokens::write_keys`]).
pub fn terms<'k>(
    neutral: &'k str,
    themes: impl IntoIterator<Item = (usize, Vec<usize>, &'k str)>,
) -> Vec<Term<'k>> {
    let mut terms: Vec<Term> = lines(neutral)
        .map(|line| Term {
            layer: 0,
            keys: read_keys(line),
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
                    keys: read_keys(line),
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
pub fn build(layers: usize, terms: &[Term]) -> Tables {
    let mut stems = BTreeSet::new();
    let mut exact = BTreeSet::new();
    for k in terms.iter().flat_map(|t| &t.keys) {
        match k {
            Key::Stem(s) => stems.insert(&**s),
            Key::Exact(w) => exact.insert(&**w),
            Key::Class(_) => false,
        };
    }
    let stems = Words::new(stems);
    let exact = Words::new(exact);
    let exact_base = FIRST_WORD_ID + stems.len() as u32;
    let id = |k: &Key| match k {
        Key::Class(c) => *c,
        Key::Stem(s) => FIRST_WORD_ID + stems.find(s).expect("every stem is listed") as u32,
        Key::Exact(w) => exact_base + exact.find(w).expect("every exact form is listed") as u32,
    };

    let mut tries = vec![TrieBuilder::new(); layers];
    for term in terms {
        let ids: Vec<u32> = term.keys.iter().map(id).collect();
        tries[term.layer].insert(&ids, term.hit);
    }
    Tables {
        stems,
        exact,
        layers: tries.into_iter().map(TrieBuilder::finish).collect(),
    }
}

#[derive(Clone)]
struct TrieBuilder {
    root: Vec<u32>,
    edges: BTreeMap<(u32, u32), u32>,
    terminal: Vec<u32>,
    outputs: Vec<Vec<Hit>>,
}

impl TrieBuilder {
    fn new() -> TrieBuilder {
        TrieBuilder {
            root: Vec::new(),
            edges: BTreeMap::new(),
            terminal: vec![NONE],
            outputs: Vec::new(),
        }
    }

    fn insert(&mut self, ids: &[u32], hit: Option<Hit>) {
        let mut node = ROOT;
        for &id in ids {
            let next = self.terminal.len() as u32;
            let parent = node;
            node = *self.edges.entry((node, id)).or_insert(next);
            if node == next {
                self.terminal.push(NONE);
            }
            if parent == ROOT {
                if self.root.len() <= id as usize {
                    self.root.resize(id as usize + 1, NONE);
                }
                self.root[id as usize] = node;
            }
        }
        let terminal = &mut self.terminal[node as usize];
        if *terminal == NONE {
            *terminal = self.outputs.len() as u32;
            self.outputs.push(Vec::new());
        }
        self.outputs[*terminal as usize].extend(hit);
    }

    fn finish(self) -> Trie {
        let mut outputs = Vec::with_capacity(self.outputs.len() + 1);
        let mut hits = Vec::new();
        for out in self.outputs {
            outputs.push(hits.len() as u32);
            hits.extend(out);
        }
        outputs.push(hits.len() as u32);
        // The map's order is node by node, and by word id within a node.
        let mut first = vec![0; self.terminal.len() + 1];
        for &(node, _) in self.edges.keys() {
            first[node as usize + 1] += 1;
        }
        for n in 1..first.len() {
            first[n] += first[n - 1];
        }
        Trie {
            root: self.root.into(),
            first: first.into(),
            edges: self
                .edges
                .into_iter()
                .map(|((_, id), child)| (id, child))
                .collect(),
            terminal: self.terminal.into(),
            outputs: outputs.into(),
            hits: hits.into(),
        }
    }
}

impl Words {
    fn new<'w>(sorted: impl IntoIterator<Item = &'w str>) -> Words {
        let mut text = String::new();
        let mut ends = Vec::new();
        for w in sorted {
            text.push_str(w);
            ends.push(text.len() as u32);
        }
        Words {
            text: text.into(),
            ends: ends.into(),
        }
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    fn word(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.text[start..self.ends[i] as usize]
    }

    /// The index of `word`, by binary search.
    pub fn find(&self, word: &str) -> Option<usize> {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match self.word(mid).cmp(word) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn stem(s: &'static str) -> Key<'static> {
        Key::Stem(Cow::Borrowed(s))
    }

    fn hit(theme: u32, word: u32) -> Option<Hit> {
        Some(Hit {
            theme,
            group: 0,
            word,
        })
    }

    /// Words are found by binary search, each id is its word's place among
    /// the stems and then the exact forms, and a trie's edges lead where the
    /// terms were put.
    #[test]
    fn tables_find_what_was_put_in() {
        let terms = [
            Term {
                layer: 0,
                keys: vec![stem("trade")],
                hit: hit(0, 0),
            },
            Term {
                layer: 0,
                keys: vec![stem("trade"), stem("war")],
                hit: hit(1, 0),
            },
            Term {
                layer: 0,
                keys: vec![Key::Exact(Cow::Borrowed("tariffs"))],
                hit: hit(1, 1),
            },
            // The same keys in one layer share an output.
            Term {
                layer: 0,
                keys: vec![stem("war")],
                hit: hit(1, 2),
            },
            Term {
                layer: 0,
                keys: vec![stem("war")],
                hit: hit(0, 1),
            },
            // A neutral phrase: an output with no hits.
            Term {
                layer: 0,
                keys: vec![stem("trade"), Key::Class(0)],
                hit: None,
            },
            Term {
                layer: 1,
                keys: vec![stem("aid")],
                hit: hit(2, 0),
            },
        ];
        let t = build(2, &terms);
        assert_eq!(t.stems.len(), 3);
        assert_eq!(t.stem_id("aid"), FIRST_WORD_ID);
        assert_eq!(t.stem_id("trade"), FIRST_WORD_ID + 1);
        assert_eq!(t.stem_id("war"), FIRST_WORD_ID + 2);
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
}
