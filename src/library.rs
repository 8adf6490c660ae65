//! The reader's own articles, kept in the browser's local storage: listed,
//! reopened, renamed and deleted, with the one being read remembered across
//! reloads. Storage that is full, missing or holds something unreadable is
//! reported plainly; the app then keeps working in memory.

use serde::{Deserialize, Serialize};

use crate::storage::local_storage;

const KEY: &str = "lede.library";
/// Bumped whenever the stored shape changes; older data is set aside with a notice.
const VERSION: u32 = 1;

/// The article being opened, written before it is analysed and cleared once
/// it has been shown: if the page dies meanwhile, the next visit knows.
const OPENING_KEY: &str = "lede.opening";

/// Said once when the browser keeps nothing at all.
const BLOCKED: &str = "This browser does not let Lede keep articles (storage is off, as in private mode): they last until you close the page.";

/// One article the reader brought.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredArticle {
    pub id: String,
    pub title: String,
    /// When it was added, as an ISO 8601 time.
    pub added: String,
    /// The article's text after import, which `Document::parse` reads again.
    pub text: String,
}

/// Everything kept: the articles, and which one is open (`None`: the sample).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Library {
    pub articles: Vec<StoredArticle>,
    pub current: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct Stored {
    version: u32,
    #[serde(flatten)]
    library: Library,
}

/// An article that was being opened: kept until it has been shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Opening {
    pub id: String,
    pub title: String,
}

/// What a visit opens first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Start {
    Sample,
    Article(String),
    /// The sample, offering the article the last visit did not finish
    /// opening: it may be what stopped the page, so it is not opened again
    /// unasked.
    Unfinished(Opening),
}

/// What to open first: the article last shown, unless the last visit died
/// opening one, the reader asked for the sample, or the article is gone.
pub fn choose_start(library: &Library, opening: Option<Opening>, sample_asked: bool) -> Start {
    if let Some(o) = opening.filter(|o| library.articles.iter().any(|a| a.id == o.id)) {
        return Start::Unfinished(o);
    }
    match &library.current {
        Some(id) if !sample_asked => Start::Article(id.clone()),
        _ => Start::Sample,
    }
}

/// Notes that `article` is being opened (`None`: the sample, which needs no note).
pub fn mark_opening(article: Option<Opening>) {
    let Some(storage) = local_storage() else {
        return;
    };
    let _ = match article.and_then(|a| serde_json::to_string(&a).ok()) {
        Some(json) => storage.set_item(OPENING_KEY, &json),
        None => storage.remove_item(OPENING_KEY),
    };
}

/// Notes that the article being opened has been shown.
pub fn mark_shown() {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(OPENING_KEY);
    }
}

/// The article the last visit was opening and never showed, if any; the note
/// is cleared.
pub fn take_unfinished() -> Option<Opening> {
    let storage = local_storage()?;
    let json = storage.get_item(OPENING_KEY).ok().flatten()?;
    let _ = storage.remove_item(OPENING_KEY);
    serde_json::from_str(&json).ok()
}

/// Reads a stored library. `Err` holds a notice for the reader.
pub fn parse_library(json: &str) -> Result<Library, String> {
    #[derive(Deserialize)]
    struct Versioned {
        version: Option<u32>,
    }
    let version = serde_json::from_str::<Versioned>(json)
        .ok()
        .and_then(|v| v.version);
    match version {
        Some(VERSION) => {}
        Some(v) if v > VERSION => {
            return Err("Your saved articles come from a newer version of Lede and were left untouched.".to_owned());
        }
        Some(_) => {
            return Err("Your saved articles come from an older version of Lede and could not be read.".to_owned());
        }
        None => return Err("Your saved articles could not be read (the stored data is damaged) and were set aside.".to_owned()),
    }
    let stored: Stored = serde_json::from_str(json).map_err(|_| {
        "Your saved articles could not be read (the stored data is damaged) and were set aside."
            .to_owned()
    })?;
    let mut library = stored.library;
    if library
        .current
        .as_ref()
        .is_some_and(|c| !library.articles.iter().any(|a| &a.id == c))
    {
        library.current = None;
    }
    Ok(library)
}

pub fn serialize_library(library: &Library) -> String {
    serde_json::to_string(&Stored {
        version: VERSION,
        library: library.clone(),
    })
    .unwrap_or_default()
}

/// The stored library, and a notice when what was stored could not be used.
pub fn load() -> (Library, Option<String>) {
    let Some(storage) = local_storage() else {
        return (Library::default(), Some(BLOCKED.to_owned()));
    };
    match storage.get_item(KEY) {
        Ok(Some(json)) => match parse_library(&json) {
            Ok(library) => (library, None),
            Err(notice) => {
                // Keep the unreadable data under another key rather than lose it.
                let _ = storage.set_item(&format!("{KEY}.unreadable"), &json);
                let _ = storage.remove_item(KEY);
                (Library::default(), Some(notice))
            }
        },
        Ok(None) => (Library::default(), None),
        Err(_) => (Library::default(), Some(BLOCKED.to_owned())),
    }
}

/// Saves the library, or says why it could not. Without any storage the
/// message is the one [`load`] gave, so the reader reads it once.
pub fn save(library: &Library) -> Result<(), String> {
    let storage = local_storage().ok_or_else(|| BLOCKED.to_owned())?;
    storage
        .set_item(KEY, &serialize_library(library))
        .map_err(|_| {
            "The browser would not store this article (its storage is full or switched off): it stays open, but will not be here after a reload.".to_owned()
        })
}

/// A title for an article: its own, or the start of its first paragraph.
pub fn title_for(doc: &lede_analysis::Document) -> String {
    if let Some(t) = doc.title() {
        return t.to_owned();
    }
    let first = doc
        .blocks()
        .first()
        .map(|b| doc.block_text(b))
        .unwrap_or_default();
    let mut title: String = first.chars().take(60).collect();
    if first.chars().count() > 60 {
        if let Some(cut) = title.rfind(' ') {
            title.truncate(cut);
        }
        title.push('…');
    }
    if title.is_empty() {
        "Untitled article".to_owned()
    } else {
        title
    }
}

/// "12.3 KB" and the like.
pub fn human_size(bytes: usize) -> String {
    match bytes {
        b if b < 1_000 => format!("{b} bytes"),
        b if b < 1_000_000 => format!("{:.1} KB", b as f64 / 1e3),
        b => format!("{:.1} MB", b as f64 / 1e6),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use lede_analysis::Document;

    fn sample() -> Library {
        Library {
            articles: vec![StoredArticle {
                id: "a1".into(),
                title: "Talks “resume”".into(),
                added: "2026-11-28T10:00:00.000Z".into(),
                text: "Talks resume\n\nThe sides met in Genève. 😀".into(),
            }],
            current: Some("a1".into()),
        }
    }

    #[test]
    fn round_trips() {
        let library = sample();
        assert_eq!(parse_library(&serialize_library(&library)), Ok(library));
    }

    #[test]
    fn unreadable_data_gets_a_notice_never_a_panic() {
        let cases: &[(&str, &str)] = &[
            ("", "damaged"),
            ("{", "damaged"),
            ("null", "damaged"),
            ("[1,2]", "damaged"),
            (r#"{"articles": []}"#, "damaged"),
            (r#"{"version": 0, "articles": []}"#, "older version"),
            (r#"{"version": 99}"#, "newer version"),
            (r#"{"version": 1, "articles": [{"id": 3}]}"#, "damaged"),
        ];
        for (json, says) in cases {
            let err = parse_library(json).expect_err(json);
            assert!(err.contains(says), "{json}: {err}");
        }
    }

    #[test]
    fn a_current_article_that_is_gone_falls_back_to_the_sample() {
        let mut library = sample();
        library.current = Some("gone".into());
        assert_eq!(
            parse_library(&serialize_library(&library)).unwrap().current,
            None
        );
    }

    #[test]
    fn a_visit_starts_with_the_last_article_unless_it_never_finished_opening() {
        let library = sample();
        let opening = |id: &str| Opening {
            id: id.into(),
            title: "T".into(),
        };
        let cases = [
            (None, false, Start::Article("a1".into())),
            (None, true, Start::Sample),
            (Some(opening("a1")), false, Start::Unfinished(opening("a1"))),
            (Some(opening("a1")), true, Start::Unfinished(opening("a1"))),
            // Deleted since: nothing to offer.
            (Some(opening("gone")), false, Start::Article("a1".into())),
        ];
        for (o, sample_asked, start) in cases {
            assert_eq!(
                choose_start(&library, o.clone(), sample_asked),
                start,
                "{o:?} {sample_asked}"
            );
        }
        let none = Library::default();
        assert_eq!(choose_start(&none, None, false), Start::Sample);
    }

    #[test]
    fn titles_and_sizes() {
        assert_eq!(title_for(&Document::parse("Headline\n\nBody.")), "Headline");
        assert_eq!(
            title_for(&Document::parse("Just one sentence.")),
            "Just one sentence."
        );
        let long = "word ".repeat(30);
        let t = title_for(&Document::parse(&long));
        assert!(t.ends_with('…') && t.chars().count() <= 61, "{t}");
        assert_eq!(title_for(&Document::parse("")), "Untitled article");
        assert_eq!(human_size(999), "999 bytes");
        assert_eq!(human_size(12_345), "12.3 KB");
        assert_eq!(human_size(7_200_000), "7.2 MB");
    }
}
