//! Turns the gazetteer's readable data files (`data/gazetteer/*.tsv`,
//! `*.txt`, and the word column of `data/background/en.tsv`) into static
//! tables, so that entity recognition parses, hashes and allocates nothing
//! when it starts: `$OUT_DIR/gazetteer_tables.rs`, included by
//! `src/entities/gazetteer.rs`, which documents the layout.
//!
//! A malformed line fails the build with its file and line.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::Path;

#[path = "src/entities/gazetteer_files.rs"]
mod gazetteer_files;

use gazetteer_files::{
    NAME_FILES, background_words, data_lines, first_word, fnv, list_words, parse_line,
};

/// Bits of a packed pattern or entry (see `gazetteer.rs`).
const START_BITS: u32 = 17;
const ENTRY_BITS: u32 = 13;
const NAME_LEN_BITS: u32 = 7;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let gaz = root.join("data/gazetteer");
    println!("cargo::rerun-if-changed=src/entities/gazetteer_files.rs");
    println!("cargo::rerun-if-changed=data/gazetteer");
    println!("cargo::rerun-if-changed=data/background/en.tsv");
    let read = |p: &Path| {
        println!("cargo::rerun-if-changed={}", p.display());
        std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
    };

    // Entries and their forms, as the recogniser used to build them at run time.
    struct Entry {
        label: usize,
        name: String,
        wikidata: Option<String>,
        source: usize,
    }
    let mut entries: Vec<Entry> = Vec::new();
    // (pattern, entry), in the order added; the first of equal patterns wins.
    let mut patterns: Vec<(String, u32)> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    for (source, (file, _)) in NAME_FILES.iter().enumerate() {
        let text = read(&gaz.join(file));
        for line in data_lines(&text) {
            let l = parse_line(line).unwrap_or_else(|e| panic!("data/gazetteer/{file}: {e}"));
            let id = entries.len() as u32;
            entries.push(Entry {
                label: l.label,
                name: l.name.to_owned(),
                wikidata: l.wikidata.map(str::to_owned),
                source,
            });
            let mut add = |p: String| {
                if !p.is_empty() && seen.insert(p.clone()) {
                    patterns.push((p, id));
                }
            };
            for form in std::iter::once(l.name).chain(l.aliases) {
                // "the" in front is added by the rules, never matched.
                let form = form.strip_prefix("the ").unwrap_or(form);
                add(form.to_owned());
                // Straight and curly apostrophes match alike.
                if form.contains(['\'', '’']) {
                    add(if form.contains('’') {
                        form.replace('’', "'")
                    } else {
                        form.replace('\'', "’")
                    });
                }
            }
        }
    }
    assert!(
        entries.len() < 1 << ENTRY_BITS,
        "too many gazetteer entries"
    );

    // Patterns grouped by first word (groups in first-seen order), longest
    // first within a group (stable, so equal lengths keep file order).
    let mut group_of: HashMap<&str, usize> = HashMap::new();
    let mut groups: Vec<Vec<(&str, u32)>> = Vec::new();
    for (p, id) in &patterns {
        let g = *group_of.entry(first_word(p)).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push((p, *id));
    }
    for g in &mut groups {
        g.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
    }

    // The text of every pattern, back to back, then the canonical names that
    // are not patterns themselves ("the Hague").
    let mut text = String::new();
    let mut starts: HashMap<&str, usize> = HashMap::new();
    let mut packed: Vec<u32> = Vec::new();
    let mut group_first: Vec<usize> = Vec::new();
    for g in &groups {
        group_first.push(packed.len());
        for (i, &(p, id)) in g.iter().enumerate() {
            starts.insert(p, text.len());
            packed.push(text.len() as u32 | id << START_BITS | u32::from(i == 0) << 31);
            text.push_str(p);
        }
    }
    packed.push(text.len() as u32 | 1 << 31); // the end of the last pattern
    let mut entry_words = Vec::new();
    for e in &entries {
        let start = match starts.get(e.name.as_str()) {
            Some(&s) => s,
            None => {
                text.push_str(&e.name);
                text.len() - e.name.len()
            }
        };
        assert!(
            e.name.len() < 1 << NAME_LEN_BITS,
            "name too long: {}",
            e.name
        );
        entry_words.push(
            start as u32
                | (e.name.len() as u32) << START_BITS
                | (e.label as u32) << (START_BITS + NAME_LEN_BITS)
                | (e.source as u32) << 28,
        );
    }
    assert!(text.len() < 1 << START_BITS, "gazetteer text too long");

    // Open addressing by the FNV-1a hash of the first word, linear probing.
    let size = (groups.len() * 3 / 2).next_power_of_two();
    let mut slots = vec![0u16; size];
    for (g, &first) in groups.iter().zip(&group_first) {
        let mut h = fnv(first_word(g[0].0).as_bytes()) as usize & (size - 1);
        while slots[h] != 0 {
            h = (h + 1) & (size - 1);
        }
        slots[h] = u16::try_from(first + 1).expect("fewer than 65,535 patterns");
    }

    let wikidata: Vec<(usize, &str)> = entries
        .iter()
        .enumerate()
        .filter_map(|(i, e)| Some((i, e.wikidata.as_deref()?)))
        .collect();

    let mut out = String::new();
    let _ = writeln!(
        out,
        "// Generated by build.rs from data/gazetteer/: do not edit."
    );
    let _ = writeln!(out, "static NAME_TEXT: &str = {text:?};");
    array(&mut out, "PATTERNS", "u32", &packed);
    array(&mut out, "FIRST_WORD_SLOTS", "u16", &slots);
    array(&mut out, "ENTRIES", "u32", &entry_words);
    let _ = write!(
        out,
        "static WIKIDATA: [(u16, &str); {}] = [",
        wikidata.len()
    );
    for (i, q) in &wikidata {
        let _ = write!(out, "({i},{q:?}),");
    }
    out.push_str("];\n");

    // Word lists: sorted, deduplicated, one blob between newlines.
    let words = |name: &str, words: Vec<&str>, out: &mut String| {
        let mut words = words;
        words.sort_unstable();
        words.dedup();
        let mut blob = String::from("\n");
        for w in words {
            blob.push_str(w);
            blob.push('\n');
        }
        let _ = writeln!(out, "static {name}: WordList = WordList({blob:?});");
    };
    let titles = read(&gaz.join("titles.txt"));
    words("TITLES", list_words(&titles).collect(), &mut out);
    let given = read(&gaz.join("given_names.txt"));
    words("GIVEN_NAMES", list_words(&given).collect(), &mut out);
    let function = read(&gaz.join("function_words.txt"));
    words("FUNCTION_WORDS", list_words(&function).collect(), &mut out);
    let background = read(&root.join("data/background/en.tsv"));
    words(
        "COMMON_WORDS",
        background_words(&background).collect(),
        &mut out,
    );

    let dest = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("gazetteer_tables.rs");
    std::fs::write(&dest, out).expect("OUT_DIR is writable");
}

fn array<T: std::fmt::Display>(out: &mut String, name: &str, ty: &str, xs: &[T]) {
    let _ = write!(out, "static {name}: [{ty}; {}] = [", xs.len());
    for x in xs {
        let _ = write!(out, "{x},");
    }
    out.push_str("];\n");
}
