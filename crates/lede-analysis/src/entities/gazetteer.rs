//! The lists of names the recogniser knows: countries, demonyms, cities,
//! regions, organisations, people, plus the word lists its rules read (titles,
//! given names, function words, common English words). All are readable files
//! under `data/gazetteer/` (and `data/background/en.tsv`); the build script
//! (`build.rs`) turns them into static tables, so nothing is parsed, hashed or
//! allocated when recognition starts.
//!
//! Names are found at word starts, case-sensitively, longest first, and a
//! match counts only if it ends at a word boundary. Every name and alias is
//! filed under its first word ("South" holds "South Korea", "South China
//! Sea", …), so a lookup is one hash of the word at hand and a few prefix
//! comparisons. This is leftmost-longest matching anchored at word starts, as
//! an Aho-Corasick automaton would do it, with no automaton to build.
//!
//! The tables (`$OUT_DIR/gazetteer_tables.rs`):
//!
//! - `NAME_TEXT`: every pattern (name or alias, both apostrophes), back to
//!   back, grouped by first word and longest first within a group; then the
//!   canonical names that are not patterns ("the Hague").
//! - `PATTERNS`: one `u32` a pattern: bits 0–16 its start in `NAME_TEXT`
//!   (it ends where the next starts), bits 17–29 its entry, bit 31 set on the
//!   first pattern of a group; a last one marks the end.
//! - `FIRST_WORD_SLOTS`: an open-addressing hash table (FNV-1a of the first
//!   word, linear probing) of the groups: 0 is empty, else the index + 1 of
//!   the group's first pattern.
//! - `ENTRIES`: one `u32` an entry: bits 0–16 the start of its canonical name
//!   in `NAME_TEXT`, 17–23 its length, 24–27 its label (index in
//!   [`Label::ALL`]), 28–30 its file (index in [`NAME_FILES`]).
//! - `WIKIDATA`: (entry, ID), by entry.
//! - the word lists, each a [`WordList`].

use super::Label;
use super::gazetteer_files::{NAME_FILES, first_word, fnv};

include!(concat!(env!("OUT_DIR"), "/gazetteer_tables.rs"));

/// One known entity.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Entry {
    pub label: Label,
    pub name: &'static str,
    pub wikidata: Option<&'static str>,
    /// Which file it comes from, for [`Mention::why`](super::Mention::why).
    pub source: &'static str,
}

/// Everything the recogniser looks names and words up in: the static tables.
pub(crate) struct Gazetteer {
    /// Lower-case titles and honorifics ("president", "minister", "mr").
    pub titles: &'static WordList,
    pub given_names: &'static WordList,
    /// Lower case; see `data/gazetteer/function_words.txt`.
    pub function_words: &'static WordList,
    /// The 5,000 most frequent English words, lower case.
    pub common_words: &'static WordList,
}

/// A name found in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Found {
    pub end: usize,
    pub entry: u32,
}

static GAZETTEER: Gazetteer = Gazetteer {
    titles: &TITLES,
    given_names: &GIVEN_NAMES,
    function_words: &FUNCTION_WORDS,
    common_words: &COMMON_WORDS,
};

/// The gazetteer: static, nothing to build.
pub(crate) fn get() -> &'static Gazetteer {
    &GAZETTEER
}

/// Pattern `i` of `PATTERNS`, and whether it starts a group.
fn pattern(i: usize) -> (&'static str, u32, bool) {
    const START: u32 = (1 << 17) - 1;
    let (p, next) = (PATTERNS[i], PATTERNS[i + 1]);
    let text = &NAME_TEXT[(p & START) as usize..(next & START) as usize];
    (text, (p >> 17) & 0x1fff, p >> 31 == 1)
}

impl Gazetteer {
    /// How many entities the lists hold.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        ENTRIES.len()
    }

    /// The longest known name starting exactly at byte `at` of `text` and
    /// ending at a word boundary before `limit`.
    pub fn find_at(&self, text: &str, at: usize, limit: usize) -> Option<Found> {
        let rest = &text[at..limit];
        let word = first_word(rest);
        let mask = FIRST_WORD_SLOTS.len() - 1;
        let mut h = fnv(word.as_bytes()) as usize & mask;
        let first = loop {
            let slot = FIRST_WORD_SLOTS[h];
            if slot == 0 {
                return None;
            }
            let first = usize::from(slot - 1);
            if first_word(pattern(first).0) == word {
                break first;
            }
            h = (h + 1) & mask;
        };
        for i in first.. {
            let (p, entry, starts_group) = pattern(i);
            if starts_group && i > first {
                break;
            }
            // "China’s", "China-U.S.", "China." end at a boundary; "Chinas" does not.
            if rest.starts_with(p) && !rest[p.len()..].starts_with(|c: char| c.is_alphanumeric()) {
                return Some(Found {
                    end: at + p.len(),
                    entry,
                });
            }
        }
        None
    }

    pub fn entry(&self, id: u32) -> Entry {
        let e = ENTRIES[id as usize];
        let start = (e & ((1 << 17) - 1)) as usize;
        let len = ((e >> 17) & 0x7f) as usize;
        Entry {
            label: Label::ALL[((e >> 24) & 0xf) as usize],
            name: &NAME_TEXT[start..start + len],
            wikidata: WIKIDATA
                .binary_search_by_key(&id, |&(i, _)| u32::from(i))
                .ok()
                .map(|i| WIKIDATA[i].1),
            source: NAME_FILES[(e >> 28) as usize].1,
        }
    }

    /// Whether `word` (any case) is a common English word.
    pub fn is_common(&self, word: &str) -> bool {
        with_lower(word, |w| self.common_words.contains(w))
    }

    pub fn is_function_word(&self, word: &str) -> bool {
        with_lower(word, |w| self.function_words.contains(w))
    }

    pub fn is_title(&self, word: &str) -> bool {
        let word = word.strip_suffix('.').unwrap_or(word);
        with_lower(word, |w| self.titles.contains(w))
    }
}

/// A sorted list of words, each between two newlines (`"\na\nb\n"`),
/// searched by bisecting the text itself: no index to store or build.
pub(crate) struct WordList(&'static str);

impl WordList {
    pub fn contains(&self, word: &str) -> bool {
        let (b, key) = (self.0.as_bytes(), word.as_bytes());
        // `lo` and `hi` are newlines; the words between them are the candidates.
        let (mut lo, mut hi) = (0, b.len() - 1);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let start = b[..=mid].iter().rposition(|&c| c == b'\n').unwrap_or(lo);
            let end = start + 1 + b[start + 1..].iter().position(|&c| c == b'\n').unwrap_or(0);
            match b[start + 1..end].cmp(key) {
                std::cmp::Ordering::Equal => return true,
                std::cmp::Ordering::Less => lo = end,
                std::cmp::Ordering::Greater => hi = start,
            }
        }
        false
    }

    /// How many words it holds.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.0.len() - self.0.replace('\n', "").len() - 1
    }
}

/// FNV-1a as a [`Hasher`](std::hash::Hasher), for maps with short keys of
/// our own making: several times faster than the default SipHash.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        }
        self.0 = h;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The FNV-1a hash of `word` in ASCII lower case, computed without copying
/// it: the key of a [`HashedWords`] set.
pub(crate) fn lower_hash(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in word.as_bytes() {
        h = (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(0x100_0000_01b3);
    }
    h
}

/// A set of words known only by a bit of their lower-case hash (a one-hash
/// Bloom filter of 8,192 bits): a quick "could this word be one of them",
/// which the caller confirms by comparing words.
pub(crate) struct HashedWords(Box<[u64; 128]>);

impl HashedWords {
    pub fn new<'w>(words: impl IntoIterator<Item = &'w str>) -> HashedWords {
        let mut bits = Box::new([0u64; 128]);
        for w in words {
            let h = lower_hash(w) as usize & 8191;
            bits[h >> 6] |= 1 << (h & 63);
        }
        HashedWords(bits)
    }

    pub fn may_contain(&self, word: &str) -> bool {
        if word.len() > 16 {
            return false;
        }
        let h = lower_hash(word) as usize & 8191;
        self.0[h >> 6] & (1 << (h & 63)) != 0
    }
}

/// Calls `f` with `word` in lower case, without allocating for short ASCII words.
pub(crate) fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    if word.len() <= 32 && word.is_ascii() {
        let mut buf = [0u8; 32];
        let b = &mut buf[..word.len()];
        b.copy_from_slice(word.as_bytes());
        b.make_ascii_lowercase();
        f(std::str::from_utf8(b).expect("ASCII stays UTF-8"))
    } else {
        f(&word.to_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::entities::gazetteer_files::{
        LABELS, background_words, data_lines, list_words, parse_line,
    };

    /// The data files, read again as the build script read them.
    const FILES: [(&str, &str); 6] = [
        (
            "people.tsv",
            include_str!("../../data/gazetteer/people.tsv"),
        ),
        (
            "organisations.tsv",
            include_str!("../../data/gazetteer/organisations.tsv"),
        ),
        (
            "places.tsv",
            include_str!("../../data/gazetteer/places.tsv"),
        ),
        (
            "countries.tsv",
            include_str!("../../data/gazetteer/countries.tsv"),
        ),
        (
            "subdivisions.tsv",
            include_str!("../../data/gazetteer/subdivisions.tsv"),
        ),
        (
            "cities.tsv",
            include_str!("../../data/gazetteer/cities.tsv"),
        ),
    ];

    #[test]
    fn every_data_file_loads_into_the_tables() {
        let g = get();
        let mut id = 0u32;
        for (&(file, text), &(listed, source)) in FILES.iter().zip(&NAME_FILES) {
            assert_eq!(file, listed);
            let mut n = 0;
            for line in data_lines(text) {
                let l = parse_line(line).unwrap_or_else(|e| panic!("{file}: {e}"));
                // The tables hold the line as it reads.
                let e = g.entry(id);
                assert_eq!(
                    (e.label.as_str(), e.name, e.wikidata, e.source),
                    (LABELS[l.label], l.name, l.wikidata, source),
                    "{file}: {line:?}"
                );
                // Every form is found whole, by this entry or by an earlier
                // one with the same form.
                for form in std::iter::once(l.name).chain(l.aliases) {
                    let form = form.strip_prefix("the ").unwrap_or(form);
                    let f = g.find_at(form, 0, form.len()).expect(form);
                    assert!(f.end == form.len() && f.entry <= id, "{file}: {form:?}");
                }
                id += 1;
                n += 1;
            }
            assert!(n > 10, "{file} has only {n} entries");
        }
        assert_eq!(id as usize, g.len());
        assert!(g.titles.contains("president") && g.titles.len() > 100);
        assert!(g.given_names.contains("Donald") && g.given_names.len() > 200);
        assert!(g.function_words.contains("the"));
        assert!(g.common_words.contains("the") && g.common_words.len() > 4000);
    }

    #[test]
    fn labels_are_stored_in_the_order_of_label_all() {
        let names: Vec<&str> = Label::ALL.iter().map(|l| l.as_str()).collect();
        assert_eq!(names, LABELS);
    }

    #[test]
    fn word_lists_hold_their_words_and_nothing_else() {
        let lists: [(&WordList, Vec<&str>); 4] = [
            (
                &TITLES,
                list_words(include_str!("../../data/gazetteer/titles.txt")).collect(),
            ),
            (
                &GIVEN_NAMES,
                list_words(include_str!("../../data/gazetteer/given_names.txt")).collect(),
            ),
            (
                &FUNCTION_WORDS,
                list_words(include_str!("../../data/gazetteer/function_words.txt")).collect(),
            ),
            (
                &COMMON_WORDS,
                background_words(include_str!("../../data/background/en.tsv")).collect(),
            ),
        ];
        for (list, words) in &lists {
            let set: std::collections::HashSet<&str> = words.iter().copied().collect();
            assert_eq!(list.len(), set.len());
            for w in words {
                assert!(list.contains(w), "{w:?}");
                // Near misses: a letter more, a letter less, another case.
                for miss in [
                    format!("{w}x"),
                    format!("a{w}"),
                    w.chars().skip(1).collect(),
                    w.to_uppercase(),
                ] {
                    assert_eq!(
                        list.contains(&miss),
                        set.contains(miss.as_str()),
                        "{miss:?}"
                    );
                }
            }
        }
        for missing in ["", "zzzzzz", "\u{0}", "\n"] {
            assert!(!COMMON_WORDS.contains(missing), "{missing:?}");
        }
    }

    #[test]
    fn finds_names_at_word_boundaries() {
        let g = get();
        // (text, start, expected match)
        let cases: &[(&str, usize, Option<&str>)] = &[
            ("China’s rise", 0, Some("China")),
            ("China-U.S. ties", 0, Some("China")),
            ("China-U.S. ties", 6, Some("U.S.")),
            ("Chinas", 0, None),
            (
                "the People’s Republic of China said",
                4,
                Some("People’s Republic of China"),
            ),
            (
                "the People's Republic of China said",
                4,
                Some("People's Republic of China"),
            ),
            ("Americans and", 0, Some("Americans")),
            ("Pacific Ocean", 0, Some("Pacific Ocean")),
            ("Xi Jinping", 0, Some("Xi Jinping")),
            ("Indiana", 0, Some("Indiana")),
        ];
        for &(text, at, expected) in cases {
            let found = g.find_at(text, at, text.len()).map(|f| &text[at..f.end]);
            assert_eq!(found, expected, "in {text:?} at {at}");
        }
        let f = g.find_at("China", 0, 5).unwrap();
        assert_eq!(g.entry(f.entry).wikidata, Some("Q148"));
        assert_eq!(g.entry(f.entry).label, Label::Gpe);
    }
}
