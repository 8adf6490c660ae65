//! What Lede keeps, record by record, as JSON text: one record per article
//! (its facts apart from its text, so the list loads without every text),
//! one per article text, one per reader's theme. Each record names its
//! format's version; a record this version cannot read (damaged, or written
//! by a newer Lede) is never rewritten or deleted, only reported, so that the
//! reader can download it.
//!
//! Also the migrations of the data earlier versions kept in `localStorage`
//! (`lede.library` version 1, `lede.custom-themes.v1`), as plain functions
//! tested against fixture files.

use lede_analysis::corrections::Correction;
use lede_analysis::themes::Theme;
use serde::{Deserialize, Serialize};

use crate::library::StoredArticle;

/// The version of the records this Lede writes.
pub const RECORD_VERSION: u32 = 1;

/// Why a record or a stored value cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unusable {
    /// Not the JSON of any format Lede knows.
    Damaged,
    /// Written by a newer version of Lede.
    Newer,
    /// Written by an older version of Lede that nothing migrates.
    Older,
}

/// Data kept as it was because it cannot be read: where it is, and its text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Kept {
    /// Where it is kept: "localStorage lede.library", "IndexedDB articles/a1".
    pub from: String,
    pub why: &'static str,
    pub data: String,
}

impl Kept {
    pub fn new(from: impl Into<String>, why: Unusable, data: impl Into<String>) -> Kept {
        Kept {
            from: from.into(),
            why: match why {
                Unusable::Damaged => "damaged",
                Unusable::Newer => "from a newer version of Lede",
                Unusable::Older => "from an older version of Lede",
            },
            data: data.into(),
        }
    }
}

/// The file "Download the unreadable data" gives: every item as it was stored.
pub fn kept_file(kept: &[Kept]) -> String {
    #[derive(Serialize)]
    struct File<'a> {
        format: &'static str,
        items: &'a [Kept],
    }
    serde_json::to_string_pretty(&File {
        format: "lede-unreadable/1",
        items: kept,
    })
    .unwrap_or_default()
}

fn version_of(json: &str) -> Option<u64> {
    #[derive(Deserialize)]
    struct Versioned {
        version: Option<u64>,
    }
    serde_json::from_str::<Versioned>(json).ok()?.version
}

/// Reads a record of `version` with `parse`, telling damaged from newer data.
fn read_versioned<T>(json: &str, parse: impl FnOnce(&str) -> Option<T>) -> Result<T, Unusable> {
    match version_of(json) {
        Some(v) if v == u64::from(RECORD_VERSION) => parse(json).ok_or(Unusable::Damaged),
        Some(v) if v > u64::from(RECORD_VERSION) => Err(Unusable::Newer),
        Some(_) => Err(Unusable::Older),
        None => Err(Unusable::Damaged),
    }
}

#[derive(Serialize, Deserialize)]
struct ArticleRecord {
    version: u32,
    title: String,
    added: String,
    bytes: usize,
}

/// The record of an article's facts (its text is a record of its own).
pub fn article_record(a: &StoredArticle) -> String {
    serde_json::to_string(&ArticleRecord {
        version: RECORD_VERSION,
        title: a.title.clone(),
        added: a.added.clone(),
        bytes: a.bytes,
    })
    .unwrap_or_default()
}

/// Reads the record of article `id`.
pub fn read_article(id: &str, json: &str) -> Result<StoredArticle, Unusable> {
    read_versioned(json, |j| serde_json::from_str::<ArticleRecord>(j).ok()).map(|r| StoredArticle {
        id: id.to_owned(),
        title: r.title,
        added: r.added,
        bytes: r.bytes,
    })
}

#[derive(Serialize, Deserialize)]
struct ThemeRecord {
    version: u32,
    /// When it was added (ms since 1970): the themes are listed in this order.
    added: f64,
    theme: Theme,
}

pub fn theme_record(theme: &Theme, added: f64) -> String {
    serde_json::to_string(&ThemeRecord {
        version: RECORD_VERSION,
        added,
        theme: theme.clone(),
    })
    .unwrap_or_default()
}

/// Reads a theme record: the theme, and when it was added.
pub fn read_theme(json: &str) -> Result<(Theme, f64), Unusable> {
    read_versioned(json, |j| serde_json::from_str::<ThemeRecord>(j).ok())
        .map(|r| (r.theme, r.added))
}

#[derive(Serialize, Deserialize)]
struct CorrectionsRecord {
    version: u32,
    corrections: Vec<Correction>,
}

/// The record of a text's corrections (kept under the text's URN, so the
/// sample and every article have theirs).
pub fn corrections_record(list: &[Correction]) -> String {
    serde_json::to_string(&CorrectionsRecord {
        version: RECORD_VERSION,
        corrections: list.to_vec(),
    })
    .unwrap_or_default()
}

/// Reads a record of corrections.
pub fn read_corrections(json: &str) -> Result<Vec<Correction>, Unusable> {
    read_versioned(json, |j| serde_json::from_str::<CorrectionsRecord>(j).ok())
        .map(|r| r.corrections)
}

/// The articles and the open one, from `localStorage`'s `lede.library`.
#[derive(Debug, PartialEq)]
pub struct LegacyLibrary {
    /// Each article with its text.
    pub articles: Vec<(StoredArticle, String)>,
    pub current: Option<String>,
}

/// Migrates `lede.library` version 1: `{"version": 1, "articles": [{id,
/// title, added, text}], "current": id}`.
pub fn migrate_library_v1(json: &str) -> Result<LegacyLibrary, Unusable> {
    #[derive(Deserialize)]
    struct Article {
        id: String,
        title: String,
        added: String,
        text: String,
    }
    #[derive(Deserialize)]
    struct V1 {
        articles: Vec<Article>,
        current: Option<String>,
    }
    let v1: V1 = read_versioned(json, |j| serde_json::from_str(j).ok())?;
    let current = v1
        .current
        .filter(|c| v1.articles.iter().any(|a| &a.id == c));
    Ok(LegacyLibrary {
        articles: v1
            .articles
            .into_iter()
            .map(|a| {
                let meta = StoredArticle {
                    id: a.id,
                    title: a.title,
                    added: a.added,
                    bytes: a.text.len(),
                };
                (meta, a.text)
            })
            .collect(),
        current,
    })
}

/// Migrates `lede.custom-themes.v1`: a JSON array of themes, in the order
/// they were added.
pub fn migrate_custom_themes_v1(json: &str) -> Result<Vec<Theme>, Unusable> {
    serde_json::from_str(json).map_err(|_| Unusable::Damaged)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    const LIBRARY_V1: &str = include_str!("../../tests/fixtures/storage/library-v1.json");
    const THEMES_V1: &str = include_str!("../../tests/fixtures/storage/custom-themes-v1.json");
    const ARTICLE_V1: &str = include_str!("../../tests/fixtures/storage/article-record-v1.json");
    const CORRECTIONS_V1: &str = include_str!("../../tests/fixtures/storage/corrections-v1.json");

    #[test]
    fn article_records_from_before_corrections_still_read() {
        // Written before corrections were kept: no corrections, none to read.
        let a = read_article("a1", ARTICLE_V1).unwrap();
        assert_eq!(a.title, "Nile deal");
        assert_eq!(read_article("a1", &article_record(&a)), Ok(a));
    }

    #[test]
    fn corrections_read_back_as_written() {
        let list = read_corrections(CORRECTIONS_V1).unwrap();
        assert_eq!(list.len(), 2);
        assert_eq!(list[0].target().exact, "Geneva");
        assert_eq!(read_corrections(&corrections_record(&list)), Ok(list));
        assert_eq!(read_corrections("{\"version\": 2}"), Err(Unusable::Newer));
        assert_eq!(
            read_corrections("{\"version\": 1, \"corrections\": [{\"action\": \"x\"}]}"),
            Err(Unusable::Damaged)
        );
    }

    #[test]
    fn migrates_the_library_of_version_1() {
        let legacy = migrate_library_v1(LIBRARY_V1).unwrap();
        assert_eq!(legacy.current.as_deref(), Some("a19c2f0e7a1b2c3"));
        let (meta, text) = &legacy.articles[0];
        assert_eq!(
            meta,
            &StoredArticle {
                id: "a19c2f0e7a1b2c3".into(),
                title: "Nile deal".into(),
                added: "2026-11-28T10:00:00.000Z".into(),
                bytes: text.len(),
            }
        );
        assert!(text.starts_with("Ministers agree on river deal\n\n") && text.ends_with('😀'));
        assert_eq!(legacy.articles[1].0.title, "Port strike ends");
        // Migrated records read back as they were.
        for (meta, _) in &legacy.articles {
            assert_eq!(
                read_article(&meta.id, &article_record(meta)).as_ref(),
                Ok(meta)
            );
        }
    }

    #[test]
    fn migrates_the_custom_themes_of_version_1() {
        let themes = migrate_custom_themes_v1(THEMES_V1).unwrap();
        let names: Vec<&str> = themes.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["Bees", "Hives"]);
        assert_eq!(themes[0].terms[0].words, ["bees", "pollination", "hives"]);
        for t in &themes {
            assert_eq!(read_theme(&theme_record(t, 5.0)), Ok((t.clone(), 5.0)));
        }
    }

    #[test]
    fn unreadable_data_is_told_apart_never_a_panic() {
        let cases: &[(&str, Unusable)] = &[
            ("", Unusable::Damaged),
            ("{", Unusable::Damaged),
            ("null", Unusable::Damaged),
            ("[1,2]", Unusable::Damaged),
            (r#"{"articles": []}"#, Unusable::Damaged),
            (r#"{"version": 0, "articles": []}"#, Unusable::Older),
            (r#"{"version": 99}"#, Unusable::Newer),
            (
                r#"{"version": 1, "articles": [{"id": 3}]}"#,
                Unusable::Damaged,
            ),
        ];
        for &(json, why) in cases {
            assert_eq!(migrate_library_v1(json).err(), Some(why), "{json}");
        }
        assert_eq!(
            read_article("a", r#"{"version": 2, "title": "x"}"#),
            Err(Unusable::Newer)
        );
        assert_eq!(
            read_article("a", r#"{"version": 1}"#),
            Err(Unusable::Damaged)
        );
        assert_eq!(read_theme("{not json"), Err(Unusable::Damaged));
        assert_eq!(migrate_custom_themes_v1("{"), Err(Unusable::Damaged));
    }

    #[test]
    fn the_download_holds_the_data_as_stored() {
        let kept = [Kept::new(
            "localStorage lede.library",
            Unusable::Newer,
            "{\"version\": 9}",
        )];
        let file: serde_json::Value = serde_json::from_str(&kept_file(&kept)).unwrap();
        assert_eq!(file["format"], "lede-unreadable/1");
        assert_eq!(file["items"][0]["data"], "{\"version\": 9}");
        assert_eq!(file["items"][0]["why"], "from a newer version of Lede");
    }
}
