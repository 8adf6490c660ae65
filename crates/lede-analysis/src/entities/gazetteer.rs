//! The lists of names the recogniser knows: countries, demonyms, cities,
//! regions, organisations, people, plus the word lists its rules read (titles,
//! given names, function words, common English words). All are readable files
//! under `data/gazetteer/` (and `data/background/en.tsv`). The build script
//! (`build.rs`) turns the name files into compact tables, so that the first
//! call only lays an index over them: no text is parsed and no string
//! allocated, in well under a millisecond.
//!
//! Names are found at word starts, case-sensitively, longest first, and a
//! match counts only if it ends at a word boundary. Every name and alias is
//! filed under its first word ("South" holds "South Korea", "South China
//! Sea", …), so a lookup is one hash of the word at hand and a few prefix
//! comparisons. This is leftmost-longest matching anchored at word starts, as
//! an Aho-Corasick automaton would do it, with no automaton to build.
//!
//! The tables (`$OUT_DIR/gazetteer_tables.rs`), small numbers and text so
//! that they compress well in the WebAssembly download:
//!
//! - `NAME_TEXT`: every pattern (name or alias, with either apostrophe), each
//!   followed by a newline, or by a tab if it is the last of its group;
//!   grouped by first word (groups in alphabetical order), longest first
//!   within a group.
//! - `PATTERN_TAGS`: each pattern's entry. Each entry is introduced by one
//!   pattern (its canonical name if that is one of its patterns), and entries
//!   are numbered in the order they are introduced, so an introducing pattern
//!   needs no number: [`TAG_NEW`] says it is the entry's canonical name,
//!   [`TAG_NEW_NAMED`] that the name is the next line of `EXTRA_NAMES` (as
//!   "the Hague" is). Any other pattern is [`TAG_KNOWN`], and its entry's
//!   number is the next of `PATTERN_REFS`.
//! - `ENTRY_KINDS`: each entry's label (index in [`Label::ALL`]) plus 16 times
//!   its file (index in [`NAME_FILES`]).
//! - `WIKIDATA`: (entry, ID), by entry.
//! - `TITLES`, `GIVEN_NAMES`, `FUNCTION_WORDS`: each word between two
//!   newlines, sorted, without repeats.
//!
//! The common words are the first column of `data/background/en.tsv`, which
//! the theme scorer compiles in as well: the index holds their offsets in it.

use std::sync::LazyLock;

use super::Label;
use super::gazetteer_files::{NAME_FILES, first_word};
use crate::word_hash::{word_hash, word_hash_lower};

include!(concat!(env!("OUT_DIR"), "/gazetteer_tables.rs"));

const TAG_NEW: u8 = 0;
const TAG_NEW_NAMED: u8 = 1;
const TAG_KNOWN: u8 = 2;

const COMMON_WORDS: &str = crate::background::WORDS;

/// One known entity.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Entry {
    pub label: Label,
    pub name: &'static str,
    pub wikidata: Option<&'static str>,
    /// Which file it comes from, for [`Mention::why`](super::Mention::why).
    pub source: &'static str,
}

/// Everything the recogniser looks names and words up in.
pub(crate) struct Gazetteer {
    entries: Vec<Entry>,
    /// Per pattern: its start in `NAME_TEXT`, plus 1 << 31 on a group's
    /// first; one more marks the end. A pattern ends one byte (its newline
    /// or tab) before the next starts.
    starts: Vec<u32>,
    /// Per pattern: its entry.
    entry_of: Vec<u16>,
    /// Groups by the [`word_hash`] of their first word, linear probing:
    /// 0 is empty, else the index + 1 of the group's first pattern.
    groups: Vec<u16>,
    /// Lower-case titles and honorifics ("president", "minister", "mr").
    pub titles: WordList,
    pub given_names: WordList,
    /// Lower case; see `data/gazetteer/function_words.txt`.
    pub function_words: WordList,
    /// The 5,000 most frequent English words, lower case: the first column
    /// of `en.tsv`.
    common: WordList,
    /// The entries of the people the lists know (`people.tsv`).
    people: Vec<u32>,
}

/// A name found in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Found {
    pub end: usize,
    pub entry: u32,
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::build);

/// The gazetteer, indexed on first use.
pub(crate) fn get() -> &'static Gazetteer {
    &GAZETTEER
}

/// An empty open-addressing table for `n` keys, at most half full.
fn table(n: usize) -> Vec<u16> {
    vec![0; (n * 2).next_power_of_two()]
}

/// Puts `value` (not 0) in the first free slot from the hash of `key`.
fn insert(slots: &mut [u16], key: &str, value: u16) {
    put(slots, word_hash(key.as_bytes()), value);
}

/// Puts `value` (not 0) in the first free slot from `hash`.
fn put(slots: &mut [u16], hash: u64, value: u16) {
    let mask = slots.len() - 1;
    let mut h = hash as usize & mask;
    while slots[h] != 0 {
        h = (h + 1) & mask;
    }
    slots[h] = value;
}

/// The first value in the slots from the hash of `key` that `is_key` accepts.
fn lookup(slots: &[u16], key: &str, is_key: impl Fn(usize) -> bool) -> Option<usize> {
    lookup_hash(slots, word_hash(key.as_bytes()), is_key)
}

/// The first value in the slots from `hash` that `is_key` accepts.
fn lookup_hash(slots: &[u16], hash: u64, is_key: impl Fn(usize) -> bool) -> Option<usize> {
    let mask = slots.len() - 1;
    let mut h = hash as usize & mask;
    loop {
        let slot = slots[h];
        if slot == 0 {
            return None;
        }
        if is_key(usize::from(slot)) {
            return Some(usize::from(slot));
        }
        h = (h + 1) & mask;
    }
}

/// Whether a letter or digit starts at byte `at` of `s` (UTF-8 with a char
/// boundary at `at`): a pattern or the text after one.
#[inline]
fn follows_alphanumeric(s: &[u8], at: usize) -> bool {
    match s.get(at) {
        None => false,
        Some(&b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        // One character is at most four bytes: decode those, not the rest.
        Some(_) => {
            let four = &s[at..s.len().min(at + 4)];
            let first = match std::str::from_utf8(four) {
                Ok(r) => r,
                Err(e) => std::str::from_utf8(&four[..e.valid_up_to()]).unwrap_or_default(),
            };
            first.chars().next().is_some_and(char::is_alphanumeric)
        }
    }
}

/// Whether the word at byte `at` of a list (ended by a tab or a newline) is `word`.
fn word_at_is(text: &str, at: usize, word: &str) -> bool {
    let rest = &text.as_bytes()[at..];
    rest.starts_with(word.as_bytes()) && matches!(rest.get(word.len()), None | Some(b'\t' | b'\n'))
}

impl Gazetteer {
    /// Lays the index over the tables: one pass over each, no parsing.
    pub(crate) fn build() -> Gazetteer {
        let n = PATTERN_TAGS.len();
        let mut starts = Vec::with_capacity(n + 1);
        let mut entry_of = Vec::with_capacity(n);
        let mut entries = Vec::with_capacity(ENTRY_KINDS.len());
        let mut groups = table(n);
        let (mut refs, mut extra) = (PATTERN_REFS.iter(), EXTRA_NAMES.lines());
        let (mut at, mut group_start) = (0, true);
        let mut tags = PATTERN_TAGS.iter();
        // Index loops, not iterator adaptors: on a first visit this runs as
        // WebAssembly's baseline code, where each adaptor is a call per byte.
        let bytes = NAME_TEXT.as_bytes();
        let mut end = 0;
        while end < bytes.len() {
            let b = bytes[end];
            end += 1;
            if b != b'\n' && b != b'\t' {
                continue;
            }
            let end = end - 1;
            let text = &NAME_TEXT[at..end];
            if group_start {
                let index = u16::try_from(starts.len() + 1).expect("fewer than 65,535 patterns");
                insert(&mut groups, first_word(text), index);
                starts.push(at as u32 | 1 << 31);
            } else {
                starts.push(at as u32);
            }
            (at, group_start) = (end + 1, b == b'\t');
            let tag = *tags.next().expect("a tag for each pattern");
            let id = match tag {
                TAG_KNOWN => *refs.next().expect("a number for each known entry"),
                _ => {
                    debug_assert!(tag == TAG_NEW || tag == TAG_NEW_NAMED);
                    let kind = ENTRY_KINDS[entries.len()];
                    entries.push(Entry {
                        label: Label::ALL[usize::from(kind & 0xf)],
                        name: if tag == TAG_NEW_NAMED {
                            extra.next().expect("a name for each entry")
                        } else {
                            text
                        },
                        wikidata: None,
                        source: NAME_FILES[usize::from(kind >> 4)].1,
                    });
                    (entries.len() - 1) as u16
                }
            };
            entry_of.push(id);
        }
        starts.push(at as u32 | 1 << 31);
        for &(id, q) in &WIKIDATA {
            entries[usize::from(id)].wikidata = Some(q);
        }
        let people = (0..entries.len() as u32)
            .filter(|&i| entries[i as usize].label == Label::Person)
            .collect();
        Gazetteer {
            entries,
            starts,
            entry_of,
            groups,
            titles: WordList::new(TITLES),
            given_names: WordList::new(GIVEN_NAMES),
            function_words: WordList::new(FUNCTION_WORDS),
            common: WordList::new(COMMON_WORDS),
            people,
        }
    }

    /// Pattern `i`, as bytes (its ends are lines' ends: slicing them as a
    /// `str` would check their char boundaries, for every pattern tried),
    /// and whether it starts a group.
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    fn pattern(&self, i: usize) -> (&'static [u8], bool) {
        let (a, b) = (self.starts[i], self.starts[i + 1]);
        let mask = !(1 << 31);
        (
            &NAME_TEXT.as_bytes()[(a & mask) as usize..(b & mask) as usize - 1],
            a >> 31 == 1,
        )
    }

    /// How many entities the lists hold.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// The longest known name starting exactly at byte `at` of `text` and
    /// ending at a word boundary before `limit`.
    pub fn find_at(&self, text: &str, at: usize, limit: usize) -> Option<Found> {
        let rest = &text[at..limit];
        let word = first_word(rest);
        // A group is found by its first word: the pattern starts with the
        // word, and no letter or digit follows it there.
        let first = lookup(&self.groups, word, |i| {
            let p = self.pattern(i - 1).0;
            p.starts_with(word.as_bytes()) && !follows_alphanumeric(p, word.len())
        })? - 1;
        let rest_bytes = rest.as_bytes();
        for i in first.. {
            let (p, starts_group) = self.pattern(i);
            if starts_group && i > first {
                break;
            }
            // "China’s", "China-U.S.", "China." end at a boundary; "Chinas" does not.
            // (Every pattern of the group starts with `word`: its last byte
            // tells most of them apart before the whole is compared.)
            if rest_bytes
                .get(..p.len())
                .is_some_and(|r| r.last() == p.last() && r == p)
                && !follows_alphanumeric(rest_bytes, p.len())
            {
                return Some(Found {
                    end: at + p.len(),
                    entry: u32::from(self.entry_of[i]),
                });
            }
        }
        None
    }

    /// The people the lists know: their entry ids.
    pub fn people(&self) -> &[u32] {
        &self.people
    }

    pub fn entry(&self, id: u32) -> &Entry {
        &self.entries[id as usize]
    }

    /// Whether `word` (any case) is a common English word.
    pub fn is_common(&self, word: &str) -> bool {
        self.common.contains_lower(word)
    }

    pub fn is_function_word(&self, word: &str) -> bool {
        self.function_words.contains_lower(word)
    }

    pub fn is_title(&self, word: &str) -> bool {
        let word = word.strip_suffix('.').unwrap_or(word);
        self.titles.contains_lower(word)
    }
}

/// A set of words that live in a static text: a hash table (as the name
/// index's) of their offsets + 1, each word ending at a tab or newline.
pub(crate) struct WordList {
    text: &'static str,
    slots: Vec<u16>,
}

impl WordList {
    /// The words of `text`, each ended by a newline (empty lines skipped).
    fn new(text: &'static str) -> WordList {
        // Index loops, as in `Gazetteer::build`.
        let bytes = text.as_bytes();
        let (mut lines, mut i) = (0, 0);
        while i < bytes.len() {
            lines += usize::from(bytes[i] == b'\n');
            i += 1;
        }
        let mut slots = table(lines);
        let (mut start, mut end) = (0, 0);
        while end < bytes.len() {
            end += 1;
            if bytes[end - 1] != b'\n' {
                continue;
            }
            let end = end - 1;
            if end > start {
                let offset = u16::try_from(start + 1).expect("word lists under 64 KB");
                insert(&mut slots, &text[start..end], offset);
            }
            start = end + 1;
        }
        WordList { text, slots }
    }

    pub fn contains(&self, word: &str) -> bool {
        lookup(&self.slots, word, |at| word_at_is(self.text, at - 1, word)).is_some()
    }

    /// Whether the list holds `word` in lower case. An ASCII word (most
    /// words) is lowered byte by byte as it is compared, not copied.
    pub fn contains_lower(&self, word: &str) -> bool {
        if !word.is_ascii() {
            return self.contains(&word.to_lowercase());
        }
        let word = word.as_bytes();
        lookup_hash(&self.slots, word_hash_lower(word), |at| {
            let rest = &self.text.as_bytes()[at - 1..];
            rest.get(..word.len()).is_some_and(|w| {
                w.iter()
                    .zip(word)
                    .all(|(&a, &b)| a == b.to_ascii_lowercase())
            }) && matches!(rest.get(word.len()), None | Some(b'\t' | b'\n'))
        })
        .is_some()
    }

    /// How many words it holds.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.slots.iter().filter(|&&s| s != 0).count()
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
    use crate::apostrophe::{fold_apostrophes, typographic_apostrophes};

    #[test]
    fn what_follows_a_name_is_read_one_character_at_most() {
        let cases: &[(&str, usize, bool)] = &[
            ("China’s", 5, false),
            ("China-U.S.", 5, false),
            ("Chinas", 5, true),
            ("Chinaé", 5, true),
            ("China", 5, false),
            // A letter of four bytes, then a long rest that is not read.
            ("X𝐀", 1, true),
        ];
        for &(s, at, want) in cases {
            assert_eq!(follows_alphanumeric(s.as_bytes(), at), want, "{s:?}");
        }
    }

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
        let mut owned = std::collections::HashSet::new();
        let mut reached = std::collections::HashSet::new();
        for (&(file, text), &(listed, source)) in FILES.iter().zip(&NAME_FILES) {
            assert_eq!(file, listed);
            let mut n = 0;
            for line in data_lines(text) {
                let l = parse_line(line).unwrap_or_else(|e| panic!("{file}: {e}"));
                // Every form is found whole; the first line to list it owns it,
                // and the tables hold that line as it reads.
                for form in std::iter::once(l.name).chain(l.aliases.iter().copied()) {
                    let form = form.strip_prefix("the ").unwrap_or(form);
                    let f = g.find_at(form, 0, form.len()).expect(form);
                    assert_eq!(f.end, form.len(), "{file}: {form:?}");
                    reached.insert(f.entry);
                    if owned.insert(form.to_owned()) {
                        let e = g.entry(f.entry);
                        assert_eq!(
                            (e.label.as_str(), e.name, e.wikidata, e.source),
                            (LABELS[l.label], l.name, l.wikidata, source),
                            "{file}: {form:?}"
                        );
                    }
                    owned.insert(fold_apostrophes(form).into_owned());
                    owned.insert(typographic_apostrophes(form));
                }
                n += 1;
            }
            assert!(n > 10, "{file} has only {n} entries");
        }
        assert_eq!(reached.len(), g.len());
        assert!(g.titles.contains("president") && g.titles.len() > 100);
        assert!(g.given_names.contains("Donald") && g.given_names.len() > 200);
        assert!(g.function_words.contains("the"));
    }

    #[test]
    fn common_words_are_the_words_of_the_background_list() {
        let g = get();
        // The index holds offsets into the file as u16.
        assert!(COMMON_WORDS.len() < usize::from(u16::MAX));
        let words: Vec<&str> =
            background_words(include_str!("../../data/background/en.tsv")).collect();
        assert!(words.len() > 4000);
        for w in &words {
            assert!(g.is_common(w) && g.is_common(&w.to_uppercase()), "{w:?}");
        }
        let set: std::collections::HashSet<&str> = words.iter().copied().collect();
        for w in &words {
            for miss in [
                format!("{w}x"),
                format!("a{w}"),
                w.chars().skip(1).collect(),
            ] {
                assert_eq!(g.is_common(&miss), set.contains(miss.as_str()), "{miss:?}");
            }
        }
        for missing in ["", "zzzzzz", "\u{0}", "\t", "#"] {
            assert!(!g.is_common(missing), "{missing:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn first_word_is_the_leading_letters_and_digits(s in "[a-zA-Z0-9 .’'\\-éÅ中ı]{0,12}|\\PC{0,8}") {
            let end = s
                .char_indices()
                .find(|(_, c)| !c.is_alphanumeric())
                .map_or(s.len(), |(i, _)| i);
            proptest::prop_assert_eq!(crate::entities::gazetteer_files::first_word(&s), &s[..end]);
        }
    }

    #[test]
    fn labels_are_stored_in_the_order_of_label_all() {
        let names: Vec<&str> = Label::ALL.iter().map(|l| l.as_str()).collect();
        assert_eq!(names, LABELS);
    }

    #[test]
    fn word_lists_hold_their_words_and_nothing_else() {
        let g = get();
        let lists: [(&WordList, Vec<&str>); 3] = [
            (
                &g.titles,
                list_words(include_str!("../../data/gazetteer/titles.txt")).collect(),
            ),
            (
                &g.given_names,
                list_words(include_str!("../../data/gazetteer/given_names.txt")).collect(),
            ),
            (
                &g.function_words,
                list_words(include_str!("../../data/gazetteer/function_words.txt")).collect(),
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
            assert!(!g.titles.contains(missing), "{missing:?}");
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
