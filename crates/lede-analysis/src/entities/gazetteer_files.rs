//! How the gazetteer's data files read: shared, word for word, by the build
//! script (`build.rs`, which turns the files into compact tables) and by the
//! crate (whose tests parse every file again and check the tables against
//! them, and whose look-ups split off first words as the build script did).
//!
//! Plain `std` only: the build script includes this file with `#[path]`.

// Each side uses part of this file: the build script the parser, the crate
// the hash and the file list, its tests the parser.
#![allow(dead_code)]

/// The name lists, as (file under `data/gazetteer/`, what it holds for
/// [`Mention::why`](super::Mention::why)). Earlier files win when two list the
/// same name.
pub const NAME_FILES: [(&str, &str); 6] = [
    ("people.tsv", "people list"),
    ("organisations.tsv", "organisations list"),
    ("places.tsv", "places list"),
    ("countries.tsv", "countries list (world-countries)"),
    ("subdivisions.tsv", "provinces and states list (iso-codes)"),
    ("cities.tsv", "cities list (GeoNames)"),
];

/// The label names, in the order of `Label::ALL` (a test checks it): the
/// tables store a label as its index here.
pub const LABELS: [&str; 15] = [
    "PERSON", "NORP", "ORG", "GPE", "LOC", "FAC", "EVENT", "LAW", "DATE", "TIME", "PERCENT",
    "MONEY", "QUANTITY", "ORDINAL", "CARDINAL",
];

/// Lines of a data file that hold data: not blank, not a `#` comment.
pub fn data_lines(file: &str) -> impl Iterator<Item = &str> {
    file.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

/// One `label<TAB>name<TAB>wikidata<TAB>aliases` line.
#[derive(Debug)]
pub struct Line<'a> {
    /// Index into [`LABELS`].
    pub label: usize,
    pub name: &'a str,
    pub wikidata: Option<&'a str>,
    pub aliases: Vec<&'a str>,
}

pub fn parse_line(line: &str) -> Result<Line<'_>, String> {
    let mut cols = line.split('\t');
    let label = cols.next().unwrap_or_default();
    let label = LABELS
        .iter()
        .position(|l| *l == label)
        .ok_or_else(|| format!("unknown label {label:?} in {line:?}"))?;
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
    Ok(Line {
        label,
        name,
        wikidata,
        aliases,
    })
}

/// The words of a word list (`titles.txt`, …): whitespace-separated.
pub fn list_words(file: &str) -> impl Iterator<Item = &str> {
    data_lines(file).flat_map(|l| l.split_whitespace())
}

/// The words of `data/background/en.tsv`: its first column.
pub fn background_words(file: &str) -> impl Iterator<Item = &str> {
    data_lines(file).filter_map(|l| l.split('\t').next())
}

/// The leading letters and digits of `s`: the key both names and text are
/// looked up by ("U" for "U.S.", "China" for "China-U.S.").
pub fn first_word(s: &str) -> &str {
    // Byte by byte while ASCII: most names and words are.
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() && b[i].is_ascii_alphanumeric() {
        i += 1;
    }
    if i < b.len() && !b[i].is_ascii() {
        let end = s[i..]
            .char_indices()
            .find(|(_, c)| !c.is_alphanumeric())
            .map_or(s.len(), |(j, _)| i + j);
        return &s[..end];
    }
    &s[..i]
}
