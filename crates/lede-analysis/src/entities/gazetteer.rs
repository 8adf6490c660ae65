//! The lists of names the recogniser knows: countries, demonyms, cities,
//! regions, organisations, people, plus the word lists its rules read (titles,
//! given names, function words). All are readable files under
//! `data/gazetteer/`, compiled in and parsed once on first use.
//!
//! Names are found with one Aho-Corasick automaton over every name and alias,
//! searched anchored at word starts (leftmost-longest, case-sensitive), and a
//! match counts only if it ends at a word boundary.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};

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
    ("people.tsv", "people list", include_str!("../../data/gazetteer/people.tsv")),
    (
        "organisations.tsv",
        "organisations list",
        include_str!("../../data/gazetteer/organisations.tsv"),
    ),
    ("places.tsv", "places list", include_str!("../../data/gazetteer/places.tsv")),
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
    /// Entry index of each pattern of `matcher`.
    pattern_entry: Vec<u32>,
    matcher: AhoCorasick,
    /// Lower-case titles and honorifics ("president", "minister", "mr").
    pub titles: HashSet<&'static str>,
    pub given_names: HashSet<&'static str>,
    /// Lower case; see `data/gazetteer/function_words.txt`.
    pub function_words: HashSet<&'static str>,
    /// The 5,000 most frequent English words, lower case.
    pub common_words: HashSet<&'static str>,
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
pub(crate) fn parse_line(line: &'static str) -> Result<(Label, &'static str, Option<&'static str>, Vec<&'static str>), String> {
    let mut cols = line.split('\t');
    let label = cols.next().unwrap_or_default();
    let label = Label::from_name(label).ok_or_else(|| format!("unknown label {label:?} in {line:?}"))?;
    let name = cols.next().filter(|n| !n.is_empty()).ok_or_else(|| format!("no name in {line:?}"))?;
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
    fn build() -> Gazetteer {
        let mut entries = Vec::new();
        let mut by_pattern: HashMap<String, u32> = HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut pattern_entry = Vec::new();
        for &(_, source, file) in NAME_FILES {
            for line in data_lines(file) {
                let (label, name, wikidata, aliases) = parse_line(line).expect("gazetteer files are checked by a test");
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
                    let straight = form.replace('’', "'");
                    let curly = form.replace('\'', "’");
                    for p in [straight, curly] {
                        if !by_pattern.contains_key(&p) {
                            by_pattern.insert(p.clone(), id);
                            patterns.push(p);
                            pattern_entry.push(id);
                        }
                    }
                }
            }
        }
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .build(&patterns)
            .expect("gazetteer patterns build an automaton");
        let words = |file: &'static str| -> HashSet<&'static str> {
            data_lines(file).flat_map(|l| l.split_whitespace()).collect()
        };
        Gazetteer {
            entries,
            pattern_entry,
            matcher,
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
        let input = Input::new(&text[..limit]).range(at..limit).anchored(Anchored::Yes);
        let m = self.matcher.find(input)?;
        let end = m.end();
        let after = text[end..limit].chars().next();
        // "China’s", "China-U.S.", "China." end at a boundary; "Chinas" does not.
        if after.is_some_and(|c| c.is_alphanumeric()) {
            return None;
        }
        Some(Found {
            end,
            entry: self.pattern_entry[m.pattern().as_usize()],
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
            ("the People’s Republic of China said", 4, Some("People’s Republic of China")),
            ("the People's Republic of China said", 4, Some("People's Republic of China")),
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
