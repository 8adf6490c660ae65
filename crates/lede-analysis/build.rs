//! Turns the readable data files into static tables, so that the analysis
//! parses no data file when it starts:
//!
//! - the gazetteer (`data/gazetteer/*.tsv`, `*.txt`) into
//!   `$OUT_DIR/gazetteer_tables.rs`, included by `src/entities/gazetteer.rs`,
//!   which documents the layout; a malformed line fails the build with its
//!   file and line;
//! - the theme lexicon (`data/themes.json`) into `$OUT_DIR/lexicon_tables.rs`,
//!   included by `src/themes/lexicon.rs`: its themes, the keys of every term,
//!   stemmed here by the same code (`src/themes/tokens.rs`) that stems them at
//!   run time, and its matcher's tables, built by the same code
//!   (`src/themes/tables.rs`) that builds a lexicon's at run time. A test
//!   checks all three against the file read and checked at run time;
//! - the background word list (`data/background/en.tsv`) into
//!   `$OUT_DIR/background_tables.rs`, included by `src/background.rs`: its
//!   words, most frequent first, and their Zipf frequencies as runs (a few
//!   hundred numbers, not five thousand);
//! - the entity rules' word lists (`data/words/names.txt`, `numbers.txt`)
//!   into `$OUT_DIR/name_words.rs` and `number_words.rs`, included by
//!   `src/entities/words.rs`.
//!
//! One function a table: [`gazetteer`], [`lexicon`], [`background`],
//! [`word_lists`].

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::path::Path;

#[path = "src/apostrophe.rs"]
#[allow(dead_code)]
mod apostrophe;

use apostrophe::{fold_apostrophes, is_apostrophe, typographic_apostrophes};

#[path = "src/entities/gazetteer_files.rs"]
mod gazetteer_files;

use gazetteer_files::{NAME_FILES, data_lines, first_word, list_words, parse_line};

#[path = "src/themes/tokens.rs"]
#[allow(dead_code)]
mod tokens;

#[path = "src/themes/tables.rs"]
#[allow(dead_code)]
mod tables;

/// What `PATTERN_TAGS` says of a pattern's entry (see `gazetteer.rs`).
const TAG_NEW: u8 = 0;
const TAG_NEW_NAMED: u8 = 1;
const TAG_KNOWN: u8 = 2;

/// This package's directory, as Cargo gives it when it runs the script (not
/// `env!`, fixed when the script was compiled: Cargo reuses a compiled script
/// for a copy of the package elsewhere, a worktree for one).
fn manifest_dir() -> std::path::PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .expect("Cargo sets CARGO_MANIFEST_DIR")
        .into()
}

fn main() {
    gazetteer();
    lexicon();
    background();
    word_lists();
}

/// Writes `$OUT_DIR/gazetteer_tables.rs` from `data/gazetteer/` (the layout
/// is documented in `src/entities/gazetteer.rs`).
fn gazetteer() {
    let root = manifest_dir();
    let gaz = root.join("data/gazetteer");
    println!("cargo::rerun-if-changed=src/entities/gazetteer_files.rs");
    println!("cargo::rerun-if-changed=src/apostrophe.rs");
    println!("cargo::rerun-if-changed=data/gazetteer");
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
                // Straight and typographic apostrophes match alike.
                if form.contains(is_apostrophe) {
                    add(fold_apostrophes(form).into_owned());
                    add(typographic_apostrophes(form));
                }
            }
        }
    }
    assert!(entries.len() < 1 << 16, "too many gazetteer entries");

    // Patterns grouped by first word, groups in alphabetical order (similar
    // names side by side compress best), longest first within a group
    // (stable, so equal lengths keep file order).
    let mut groups: BTreeMap<&str, Vec<(&str, u32)>> = BTreeMap::new();
    for (p, id) in &patterns {
        groups.entry(first_word(p)).or_default().push((p, *id));
    }
    for g in groups.values_mut() {
        g.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
    }

    // Every pattern and a newline (a tab at the end of a group), group after group. Each entry is
    // introduced by one pattern: its canonical name if that is one of its
    // patterns, else its first. Entries are numbered in the order they are
    // introduced, so an introducing pattern needs no number; any other
    // pattern gives its entry's number.
    let ordered: Vec<(&str, u32)> = groups.values().flatten().copied().collect();
    // Where a group ends: a tab ends its last pattern, a newline the others.
    let mut group_ends = HashSet::new();
    let mut at = 0;
    for g in groups.values() {
        at += g.len();
        group_ends.insert(at - 1);
    }
    let mut introducer: Vec<Option<usize>> = vec![None; entries.len()];
    for (i, &(p, id)) in ordered.iter().enumerate() {
        let intro = &mut introducer[id as usize];
        if intro.is_none() || p == entries[id as usize].name {
            *intro = Some(i);
        }
    }
    let mut order: Vec<usize> = (0..entries.len())
        .filter(|&e| introducer[e].is_some())
        .collect(); // old ids by new id
    order.sort_by_key(|&e| introducer[e]);
    let mut new_id = vec![0u16; entries.len()];
    for (n, &e) in order.iter().enumerate() {
        new_id[e] = n as u16;
    }
    let mut text = String::new();
    let mut tags: Vec<u8> = Vec::new();
    let mut refs: Vec<u16> = Vec::new();
    let mut extra_names = String::new();
    for (i, &(p, id)) in ordered.iter().enumerate() {
        text.push_str(p);
        text.push(if group_ends.contains(&i) { '\t' } else { '\n' });
        let e = &entries[id as usize];
        if introducer[id as usize] != Some(i) {
            tags.push(TAG_KNOWN);
            refs.push(new_id[id as usize]);
        } else if e.name == p {
            tags.push(TAG_NEW);
        } else {
            tags.push(TAG_NEW_NAMED);
            extra_names.push_str(&e.name);
            extra_names.push('\n');
        }
    }
    // An entry none of whose forms is left (an earlier file has them all)
    // can never be found, so it is not stored.
    let kinds: Vec<u8> = order
        .iter()
        .map(|&i| entries[i].label as u8 | (entries[i].source as u8) << 4)
        .collect();
    let wikidata: Vec<(u16, &str)> = order
        .iter()
        .enumerate()
        .filter_map(|(n, &i)| Some((n as u16, entries[i].wikidata.as_deref()?)))
        .collect();

    let mut out = String::new();
    let _ = writeln!(
        out,
        "// Generated by build.rs from data/gazetteer/: do not edit."
    );
    let _ = writeln!(out, "static NAME_TEXT: &str = {text:?};");
    let _ = writeln!(out, "static EXTRA_NAMES: &str = {extra_names:?};");
    array(&mut out, "PATTERN_TAGS", "u8", &tags);
    array(&mut out, "PATTERN_REFS", "u16", &refs);
    array(&mut out, "ENTRY_KINDS", "u8", &kinds);
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
        let _ = writeln!(out, "static {name}: &str = {blob:?};");
    };
    let titles = read(&gaz.join("titles.txt"));
    words("TITLES", list_words(&titles).collect(), &mut out);
    let given = read(&gaz.join("given_names.txt"));
    words("GIVEN_NAMES", list_words(&given).collect(), &mut out);
    let function = read(&gaz.join("function_words.txt"));
    words("FUNCTION_WORDS", list_words(&function).collect(), &mut out);
    let dest = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("gazetteer_tables.rs");
    std::fs::write(&dest, out).expect("OUT_DIR is writable");
}

/// Writes `$OUT_DIR/name_words.rs` and `$OUT_DIR/number_words.rs` from
/// `data/words/names.txt` and `numbers.txt`.
fn word_lists() {
    word_list_file("names.txt", "name_words.rs");
    word_list_file("numbers.txt", "number_words.rs");
}

/// One constant a `[section]` of `data/words/{file}`, named as the section
/// in capitals: `&[&str]`, or `&[(&str, Label)]` where the entries are a
/// word, a tab and a label.
fn word_list_file(file: &str, dest: &str) {
    let path = manifest_dir().join("data/words").join(file);
    println!("cargo::rerun-if-changed={}", path.display());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut sections: Vec<(String, Vec<&str>)> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            sections.push((name.to_uppercase(), Vec::new()));
            continue;
        }
        let Some((_, entries)) = sections.last_mut() else {
            panic!(
                "{}:{}: an entry before any [section]",
                path.display(),
                n + 1
            );
        };
        entries.push(line);
    }
    let mut out = String::new();
    for (name, entries) in &sections {
        let labelled = entries.iter().any(|e| e.contains('\t'));
        if labelled {
            let _ = writeln!(out, "pub(crate) const {name}: &[(&str, Label)] = &[");
            for e in entries {
                let (word, label) = e
                    .split_once('\t')
                    .unwrap_or_else(|| panic!("{}: [{name}] {e:?} has no label", path.display()));
                let label = match label {
                    "PERSON" => "Person",
                    "NORP" => "Norp",
                    "FAC" => "Fac",
                    "ORG" => "Org",
                    "GPE" => "Gpe",
                    "LOC" => "Loc",
                    "EVENT" => "Event",
                    "LAW" => "Law",
                    "DATE" => "Date",
                    "TIME" => "Time",
                    other => panic!(
                        "{}: [{name}] {word:?}: unknown label {other:?}",
                        path.display()
                    ),
                };
                let _ = writeln!(out, "    ({word:?}, Label::{label}),");
            }
        } else {
            let _ = writeln!(out, "pub(crate) const {name}: &[&str] = &[");
            for e in entries {
                let _ = writeln!(out, "    {e:?},");
            }
        }
        out.push_str("];\n");
    }
    let dest = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join(dest);
    std::fs::write(&dest, out).expect("OUT_DIR is writable");
}

fn array<T: std::fmt::Display>(out: &mut String, name: &str, ty: &str, xs: &[T]) {
    let _ = write!(out, "static {name}: [{ty}; {}] = [", xs.len());
    for x in xs {
        let _ = write!(out, "{x},");
    }
    out.push_str("];\n");
}

/// Writes `$OUT_DIR/background_tables.rs` from `data/background/en.tsv`:
/// `WORDS` (its words in its order, one per line) and `ZIPF_RUNS` ((rank of
/// the first word with a frequency, frequency × 100), by rank).
fn background() {
    let path = manifest_dir().join("data/background/en.tsv");
    println!("cargo::rerun-if-changed={}", path.display());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let (mut words, mut runs) = (String::new(), Vec::<(usize, u32)>::new());
    let mut rank = 0;
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let fail = |why: &str| panic!("data/background/en.tsv line {}: {why}: {line:?}", n + 1);
        let Some((word, zipf)) = line.split_once('\t') else {
            fail("not a word, a tab and a frequency")
        };
        let Ok(zipf) = zipf.parse::<f64>() else {
            fail("the frequency is not a number")
        };
        if word.is_empty() || word.contains(char::is_whitespace) || !(0.0..10.0).contains(&zipf) {
            fail("an empty word, a space in one, or a frequency outside 0..10")
        }
        let hundredths = (zipf * 100.0).round() as u32;
        match runs.last() {
            Some(&(_, last)) if hundredths > last => fail("more frequent than the word before it"),
            Some(&(_, last)) if hundredths == last => {}
            _ => runs.push((rank, hundredths)),
        }
        words.push_str(word);
        words.push('\n');
        rank += 1;
    }
    assert!(
        words.len() < usize::from(u16::MAX),
        "the word index holds u16 offsets"
    );
    let mut out = String::new();
    writeln!(out, "pub(crate) const WORDS: &str = {words:?};").unwrap();
    writeln!(out, "const ZIPF_RUNS: &[(u16, u16)] = &{runs:?};").unwrap();
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out_dir).join("background_tables.rs"), out)
        .expect("OUT_DIR is writable");
}

/// Writes `$OUT_DIR/lexicon_tables.rs` from `data/themes.json`.
fn lexicon() {
    let path = manifest_dir().join("data/themes.json");
    println!("cargo::rerun-if-changed=data/themes.json");
    println!("cargo::rerun-if-changed=src/themes/tokens.rs");
    println!("cargo::rerun-if-changed=src/themes/tables.rs");
    let text = std::fs::read_to_string(&path).expect("data/themes.json is readable");
    let file: serde_json::Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("data/themes.json: {e}"));
    let str_at = |v: &serde_json::Value, key: &str| -> String {
        v.get(key)
            .and_then(|s| s.as_str())
            .unwrap_or_default()
            .to_owned()
    };
    // Terms' keys, one term a line (see `tokens::write_term_keys`).
    let lines_of_keys = |terms: &[&str]| -> String {
        let mut out = String::new();
        for term in terms {
            tokens::write_term_keys(term, &mut out)
                .unwrap_or_else(|e| panic!("data/themes.json: the term {term:?}: {e:?}"));
            out.push('\n');
        }
        out
    };
    // Terms are written one a line, so no term may hold a line break.
    let lines = |words: &[&str]| -> String {
        for w in words {
            assert!(
                !w.contains('\n'),
                "data/themes.json: the term {w:?} holds a line break"
            );
        }
        words.join("\n")
    };

    let mut out = String::from("// Generated by build.rs from data/themes.json.\n");
    out.push_str("pub(super) static THEMES: &[Theme] = &[\n");
    let themes = file["themes"]
        .as_array()
        .expect("data/themes.json: \"themes\" is a list");
    let neutral = strings(&file["neutral"]);
    // Each theme's group sizes and keys, as the matcher is built from them.
    let mut described = Vec::new();
    for theme in themes {
        let _ = write!(
            out,
            "Theme {{ id: {:?}, name: {:?}, colour: {:?}, description: {:?} }},",
            str_at(theme, "id"),
            str_at(theme, "name"),
            str_at(theme, "colour"),
            str_at(theme, "description"),
        );
        let mut groups = Vec::new();
        let mut theme_keys = Vec::new();
        let mut theme_terms = String::from("&[");
        for group in theme["terms"].as_array().into_iter().flatten() {
            let weight = group["weight"].as_f64().unwrap_or_else(|| {
                panic!(
                    "data/themes.json: a term group of {:?} has no numeric weight",
                    theme["id"]
                )
            }) as f32;
            let words = strings(&group["words"]);
            groups.push(words.len());
            theme_keys.extend(words.iter().copied());
            let _ = write!(theme_terms, "({weight:?}, {:?}), ", lines(&words));
        }
        let terms = theme_keys;
        let theme_keys = lines_of_keys(&terms);
        // Two terms with the same keys would count twice: refused here, as
        // `Matcher::build` refuses them in a reader's theme (check_repeats).
        let mut seen = std::collections::HashMap::new();
        for (keys, term) in theme_keys.lines().zip(&terms) {
            if let Some(first) = seen.insert(keys, term) {
                panic!(
                    "data/themes.json: {} has {first:?} and {term:?}, which match the same words",
                    str_at(theme, "id")
                );
            }
        }
        theme_terms.push(']');
        described.push((0, groups, theme_keys, theme_terms));
    }
    out.push_str("];\n");
    // Each theme's terms as written, and their keys, apart from the themes:
    // a module that only names and colours the themes (the page's) links
    // THEMES alone.
    out.push_str("pub(super) static TERMS: &[&[(f32, &str)]] = &[\n");
    for (_, _, _, terms) in &described {
        let _ = writeln!(out, "{terms},");
    }
    out.push_str("];\n");
    out.push_str("pub(super) static KEYS: &[&str] = &[\n");
    for (_, _, keys, _) in &described {
        let _ = writeln!(out, "{keys:?},");
    }
    out.push_str("];\n");
    let _ = writeln!(
        out,
        "pub(super) static NEUTRAL: &str = {:?};",
        lines(&neutral)
    );
    let neutral_keys = lines_of_keys(&neutral);
    let _ = writeln!(
        out,
        "pub(super) static NEUTRAL_KEYS: &str = {neutral_keys:?};"
    );
    // The matcher, as `Matcher::build` makes it at run time from the same keys.
    let terms = tables::terms(
        &neutral_keys,
        described
            .iter()
            .map(|(l, g, k, _)| (*l, g.clone(), k.as_str())),
    );
    let _ = writeln!(
        out,
        "pub(super) static MATCHER: Tables = {};",
        tables::build(1, &terms).to_rust()
    );
    let dest =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("lexicon_tables.rs");
    std::fs::write(&dest, out).expect("OUT_DIR is writable");
}

/// The strings of a JSON list (none if it is not a list).
fn strings(list: &serde_json::Value) -> Vec<&str> {
    list.as_array()
        .into_iter()
        .flatten()
        .filter_map(|w| w.as_str())
        .collect()
}
