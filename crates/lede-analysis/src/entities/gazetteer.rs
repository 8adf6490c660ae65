//! The lists of names the recogniser knows: countries, demonyms, cities,
//! regions, organisations, people, plus the word lists its rules read (titles,
//! given names, function words). All are readable files under
//! `data/gazetteer/`, compiled in and parsed once on first use.
//!
//! Names are found at word starts, case-sensitively, longest first, and a
//! match counts only if it ends at a word boundary. Every name and alias is
//! filed under its first word ("South" holds "South Korea", "South China
//! Sea", …), so a lookup is one hash of the word at hand and a few prefix
//! comparisons. This is leftmost-longest matching anchored at word starts, as
//! an Aho-Corasick automaton would do it, but the whole gazetteer (index and
//! word sets) builds in about 3 ms, where the automaton alone over the same
//! 6,600 names took 12 ms or more, and the first `recognize` call pays that cost.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use super::Label;

/// One known entity.
#[derive(Clone, Debug)]
pub(crate) struct Entry {
    pub label: Label,
    pub name: &'static str,
    pub wikidata: Option<&'static str>,
    /// Which file it comes from, for [`Mention::why`](super::Mention::why).
    pub source: &'static str,
}

/// The name lists, as (file name, what it holds, contents). Earlier files win
/// when two list the same name.
const NAME_FILES: &[(&str, &str, &str)] = &[
    (
        "people.tsv",
        "people list",
        include_str!("../../data/gazetteer/people.tsv"),
    ),
    (
        "organisations.tsv",
        "organisations list",
        include_str!("../../data/gazetteer/organisations.tsv"),
    ),
    (
        "places.tsv",
        "places list",
        include_str!("../../data/gazetteer/places.tsv"),
    ),
    (
        "countries.tsv",
        "countries list (world-countries)",
        include_str!("../../data/gazetteer/countries.tsv"),
    ),
    (
        "subdivisions.tsv",
        "provinces and states list (iso-codes)",
        include_str!("../../data/gazetteer/subdivisions.tsv"),
    ),
    (
        "cities.tsv",
        "cities list (GeoNames)",
        include_str!("../../data/gazetteer/cities.tsv"),
    ),
];

const TITLES: &str = include_str!("../../data/gazetteer/titles.txt");
const GIVEN_NAMES: &str = include_str!("../../data/gazetteer/given_names.txt");
const FUNCTION_WORDS: &str = include_str!("../../data/gazetteer/function_words.txt");
const COMMON_WORDS: &str = include_str!("../../data/background/en.tsv");

/// Everything the recogniser looks names and words up in.
pub(crate) struct Gazetteer {
    pub entries: Vec<Entry>,
    /// Every name and alias, by its first word: (pattern, entry), longest first.
    by_first_word: HashMap<&'static str, Vec<(&'static str, u32)>, BuildHasherDefault<Fnv>>,
    /// Lower-case titles and honorifics ("president", "minister", "mr").
    pub titles: WordSet,
    pub given_names: WordSet,
    /// Lower case; see `data/gazetteer/function_words.txt`.
    pub function_words: WordSet,
    /// The 5,000 most frequent English words, lower case.
    pub common_words: WordSet,
}

/// A name found in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Found {
    pub end: usize,
    pub entry: u32,
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::build);

/// The gazetteer, built on first use.
pub(crate) fn get() -> &'static Gazetteer {
    &GAZETTEER
}

/// Lines of a data file that hold data: not blank, not a `#` comment.
fn data_lines(file: &'static str) -> impl Iterator<Item = &'static str> {
    file.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

/// Parses one `label<TAB>name<TAB>wikidata<TAB>aliases` line.
/// One parsed line: label, canonical name, Wikidata ID, aliases.
pub(crate) type Line = (Label, &'static str, Option<&'static str>, Vec<&'static str>);

pub(crate) fn parse_line(line: &'static str) -> Result<Line, String> {
    let mut cols = line.split('\t');
    let label = cols.next().unwrap_or_default();
    let label =
        Label::from_name(label).ok_or_else(|| format!("unknown label {label:?} in {line:?}"))?;
    let name = cols
        .next()
        .filter(|n| !n.is_empty())
        .ok_or_else(|| format!("no name in {line:?}"))?;
    let wikidata = cols.next().filter(|q| !q.is_empty());
    if let Some(q) = wikidata
        && !(q.starts_with('Q') && q[1..].bytes().all(|b| b.is_ascii_digit()) && q.len() > 1)
    {
        return Err(format!("bad Wikidata ID {q:?} in {line:?}"));
    }
    let aliases = cols
        .next()
        .map(|a| a.split('|').filter(|a| !a.is_empty()).collect())
        .unwrap_or_default();
    Ok((label, name, wikidata, aliases))
}

impl Gazetteer {
    pub(crate) fn build() -> Gazetteer {
        let mut entries = Vec::new();
        let mut by_first_word: HashMap<
            &'static str,
            Vec<(&'static str, u32)>,
            BuildHasherDefault<Fnv>,
        > = HashMap::default();
        let mut seen: HashSet<&'static str, BuildHasherDefault<Fnv>> = HashSet::default();
        let mut add = |p: &'static str, id: u32| {
            if !p.is_empty() && seen.insert(p) {
                by_first_word
                    .entry(first_word(p))
                    .or_default()
                    .push((p, id));
            }
        };
        for &(_, source, file) in NAME_FILES {
            for line in data_lines(file) {
                let (label, name, wikidata, aliases) =
                    parse_line(line).expect("gazetteer files are checked by a test");
                let id = entries.len() as u32;
                entries.push(Entry {
                    label,
                    name,
                    wikidata,
                    source,
                });
                for form in std::iter::once(name).chain(aliases) {
                    // "the" in front is added by the rules, never matched.
                    let form = form.strip_prefix("the ").unwrap_or(form);
                    add(form, id);
                    // The other apostrophe: the few names with one are leaked
                    // once, as the gazetteer lives as long as the program.
                    if form.contains(['\'', '’']) {
                        let other = if form.contains('’') {
                            form.replace('’', "'")
                        } else {
                            form.replace('\'', "’")
                        };
                        add(Box::leak(other.into_boxed_str()), id);
                    }
                }
            }
        }
        for candidates in by_first_word.values_mut() {
            candidates.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        }
        let words = |file: &'static str| -> WordSet {
            data_lines(file)
                .flat_map(|l| l.split_whitespace())
                .collect()
        };
        Gazetteer {
            entries,
            by_first_word,
            titles: words(TITLES),
            given_names: words(GIVEN_NAMES),
            function_words: words(FUNCTION_WORDS),
            common_words: data_lines(COMMON_WORDS)
                .filter_map(|l| l.split('\t').next())
                .collect(),
        }
    }

    /// The longest known name starting exactly at byte `at` of `text` and
    /// ending at a word boundary before `limit`.
    pub fn find_at(&self, text: &str, at: usize, limit: usize) -> Option<Found> {
        let rest = &text[at..limit];
        let candidates = self.by_first_word.get(first_word(rest))?;
        candidates.iter().find_map(|&(p, entry)| {
            // "China’s", "China-U.S.", "China." end at a boundary; "Chinas" does not.
            let boundary =
                rest.starts_with(p) && !rest[p.len()..].starts_with(|c: char| c.is_alphanumeric());
            boundary.then_some(Found {
                end: at + p.len(),
                entry,
            })
        })
    }

    pub fn entry(&self, id: u32) -> &Entry {
        &self.entries[id as usize]
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

/// The leading letters and digits of `s`: the key both names and text are
/// looked up by ("U" for "U.S.", "China" for "China-U.S.").
fn first_word(s: &str) -> &str {
    let end = s
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(s.len(), |(i, _)| i);
    &s[..end]
}

/// A set of short words, hashed with FNV-1a: for keys this short it is
/// several times faster than the default SipHash, and the keys are our own data.
pub(crate) type WordSet = HashSet<&'static str, BuildHasherDefault<Fnv>>;

#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
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

    #[test]
    fn every_data_file_loads() {
        for &(file, _, text) in NAME_FILES {
            let mut n = 0;
            for line in data_lines(text) {
                parse_line(line).unwrap_or_else(|e| panic!("{file}: {e}"));
                n += 1;
            }
            assert!(n > 10, "{file} has only {n} entries");
        }
        let g = get();
        assert!(g.titles.contains("president") && g.titles.len() > 100);
        assert!(g.given_names.contains("Donald") && g.given_names.len() > 200);
        assert!(g.function_words.contains("the"));
        assert!(g.common_words.contains("the") && g.common_words.len() > 4000);
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
