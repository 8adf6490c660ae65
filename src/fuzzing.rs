//! The laws the app's fuzz targets in `fuzz/` check (`view_state`, `library`),
//! kept here so that the same checks run under libFuzzer and on stable, where
//! the test below replays every input stored in `fuzz/corpus/<target>/`. Each
//! function takes the fuzzer's raw bytes and panics when a law fails. Not part
//! of the crate's API.

use crate::storage::records::{
    article_record, migrate_library_v1, read_article, read_theme, theme_record,
};
use crate::view_state::{Match, ViewState};

/// The view a query string describes (read as UTF-8, bad bytes replaced, as
/// `location.search` is): what it reads is tidy, and writing it and reading
/// the result back gives the same view, less the settings that do not apply.
pub fn view_state(data: &[u8]) {
    let query = String::from_utf8_lossy(data);
    let view = read(&query);

    assert!(
        view.entity
            .as_ref()
            .is_none_or(|e| !e.is_empty() && e.trim() == e),
        "the entity is trimmed: {view:?}"
    );
    for (i, t) in view.themes.iter().enumerate() {
        assert!(
            !t.is_empty() && t.trim() == t && !t.contains(','),
            "{view:?}"
        );
        assert!(
            !view.themes[..i].contains(t),
            "themes listed once: {view:?}"
        );
    }
    assert_eq!(
        view.filters_paragraphs(),
        !view.themes.is_empty() || (view.entity.is_some() && view.only_entity)
    );

    let written = serialize(&view.to_pairs());
    let again = read(&written);
    let applying = ViewState {
        only_entity: view.only_entity && view.entity.is_some(),
        matching: match view.themes.is_empty() {
            true => Match::Any,
            false => view.matching,
        },
        ..view.clone()
    };
    assert_eq!(again, applying, "{query:?} written as {written:?}");
    assert_eq!(again.to_pairs(), view.to_pairs());
}

/// Stored records (read as UTF-8, bad bytes replaced): an article's or a
/// theme's record, and the library an earlier version kept. Each reads or is
/// refused without a panic; what reads, saves and reads back unchanged; a
/// migrated library's open article is one it holds.
pub fn library(data: &[u8]) {
    let json = String::from_utf8_lossy(data);
    if let Ok(article) = read_article("a1", &json) {
        assert_eq!(
            read_article("a1", &article_record(&article)).ok().as_ref(),
            Some(&article),
            "an article's record saved and read back"
        );
    }
    if let Ok((theme, added)) = read_theme(&json)
        && added.is_finite()
    {
        let again = read_theme(&theme_record(&theme, added)).ok();
        assert_eq!(
            again.as_ref().map(|(t, _)| t),
            Some(&theme),
            "a theme's record"
        );
    }
    if let Ok(legacy) = migrate_library_v1(&json) {
        let _ = format!("{legacy:?}");
    }
}

/// The view `read_view` finds in a query string, with the browser's
/// `URLSearchParams` modelled by [`search_params`].
fn read(query: &str) -> ViewState {
    let pairs = search_params(query);
    ViewState::from_query(|key| pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()))
}

/// What `new URLSearchParams(query)` holds: the WHATWG
/// application/x-www-form-urlencoded parser (URL Standard §5.1), after the
/// leading `?` that the constructor drops.
fn search_params(query: &str) -> Vec<(String, String)> {
    let query = query.strip_prefix('?').unwrap_or(query);
    let decode = |s: &str| {
        let bytes = s.as_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            let hex = |b: Option<&u8>| b.and_then(|&b| (b as char).to_digit(16));
            match (bytes[i], hex(bytes.get(i + 1)), hex(bytes.get(i + 2))) {
                (b'%', Some(hi), Some(lo)) => {
                    out.push((hi * 16 + lo) as u8);
                    i += 3;
                }
                (b'+', _, _) => {
                    out.push(b' ');
                    i += 1;
                }
                (b, _, _) => {
                    out.push(b);
                    i += 1;
                }
            }
        }
        String::from_utf8_lossy(&out).into_owned()
    };
    query
        .split('&')
        .filter(|s| !s.is_empty())
        .map(|s| {
            let (name, value) = s.split_once('=').unwrap_or((s, ""));
            (decode(name), decode(value))
        })
        .collect()
}

/// What `URLSearchParams.toString()` writes (URL Standard §5.2).
fn serialize(pairs: &[(&str, String)]) -> String {
    let encode = |s: &str| {
        let mut out = String::new();
        for &b in s.as_bytes() {
            match b {
                b'*' | b'-' | b'.' | b'_' | b'0'..=b'9' | b'A'..=b'Z' | b'a'..=b'z' => {
                    out.push(b as char)
                }
                b' ' => out.push('+'),
                b => out.push_str(&format!("%{b:02X}")),
            }
        }
        out
    };
    let pairs: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect();
    pairs.join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every stored input of a target passes its checks.
    fn replay(target: &str, check: fn(&[u8])) {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fuzz/corpus")
            .join(target);
        lede_analysis::fuzzing::replay(&dir, check);
    }

    #[test]
    fn view_state_corpus() {
        replay("view_state", view_state);
    }

    #[test]
    fn library_corpus() {
        replay("library", library);
    }

    #[test]
    fn the_query_model_reads_what_it_writes() {
        // (query, pairs), as URLSearchParams reads them.
        let cases: &[(&str, &[(&str, &str)])] = &[
            ("", &[]),
            ("?q=a+b%2C%20c&&x", &[("q", "a b, c"), ("x", "")]),
            ("q=%zz%4", &[("q", "%zz%4")]),
            ("e=%C3%A9%FF=", &[("e", "é\u{FFFD}=")]),
        ];
        for (query, pairs) in cases {
            let read = search_params(query);
            let expected: Vec<(String, String)> = pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            assert_eq!(read, expected, "{query:?}");
        }
        assert_eq!(
            serialize(&[("q", "a b,c*~é".to_owned())]),
            "q=a+b%2Cc*%7E%C3%A9"
        );
    }
}
