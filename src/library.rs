//! The reader's own articles as the app sees them: the list, the article a
//! visit opens first, and the notes that make a start safe (an article
//! becomes the one reopened only once it has been shown). Where they are
//! kept is `storage`'s job.

use serde::{Deserialize, Serialize};

use crate::storage::local_storage;

/// The article a reload opens, once it has been shown. In `localStorage`,
/// read and written at once, apart from the articles in IndexedDB.
const CURRENT_KEY: &str = "lede.current";
/// The article being opened, written before it is analysed and cleared once
/// it has been shown: if the page dies meanwhile, the next visit knows. In
/// `localStorage` because its write is done before the next line runs.
const OPENING_KEY: &str = "lede.opening";

/// Said once when the browser keeps nothing at all.
pub const BLOCKED: &str = "This browser does not let Lede keep articles (storage is off, as in private mode): they last until you close the page.";

/// Said when the browser refuses one article (its storage is full).
pub const REFUSED: &str = "The browser would not store this article (its storage is full or switched off): it stays open, but will not be here after a reload.";

/// One article the reader brought: what the list shows. Its text is kept
/// apart and read when it is opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredArticle {
    pub id: String,
    pub title: String,
    /// When it was added, as an ISO 8601 time.
    pub added: String,
    /// The size of its text, in bytes.
    pub bytes: usize,
}

/// The reader's articles, newest first, and which one is open (`None`: the sample).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Library {
    pub articles: Vec<StoredArticle>,
    pub current: Option<String>,
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
    let kept = |id: &str| library.articles.iter().any(|a| a.id == id);
    if let Some(o) = opening.filter(|o| kept(&o.id)) {
        return Start::Unfinished(o);
    }
    match &library.current {
        Some(id) if !sample_asked && kept(id) => Start::Article(id.clone()),
        _ => Start::Sample,
    }
}

/// Whether this visit may open a kept article rather than the sample, known
/// before storage answers: an article was shown last (or an earlier
/// version's library, not yet moved, names one) and the reader did not ask
/// for the sample. Such a visit waits for storage before it shows anything.
pub fn may_reopen(sample_asked: bool) -> bool {
    !sample_asked && (current_id().is_some() || has_legacy_library())
}

/// Whether `localStorage` holds the library of an earlier version.
fn has_legacy_library() -> bool {
    local_storage().is_some_and(|s| {
        s.get_item(crate::storage::LEGACY_LIBRARY)
            .ok()
            .flatten()
            .is_some()
    })
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

/// Notes that article `current` (`None`: the sample) has been shown: it is
/// the one a reload opens.
pub fn mark_shown(current: Option<&str>) {
    let Some(storage) = local_storage() else {
        return;
    };
    let _ = storage.remove_item(OPENING_KEY);
    let _ = match current {
        Some(id) => storage.set_item(CURRENT_KEY, id),
        None => storage.remove_item(CURRENT_KEY),
    };
}

/// The article shown last.
pub fn current_id() -> Option<String> {
    local_storage()?.get_item(CURRENT_KEY).ok().flatten()
}

/// Sets the article a reload opens, unless one is set: for data migrated
/// from an earlier version.
pub fn set_current_if_unset(id: &str) {
    if let Some(storage) = local_storage()
        && storage.get_item(CURRENT_KEY).ok().flatten().is_none()
    {
        let _ = storage.set_item(CURRENT_KEY, id);
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
                bytes: 42,
            }],
            current: Some("a1".into()),
        }
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
        assert_eq!(
            choose_start(&Library::default(), None, false),
            Start::Sample
        );
        // The article last shown is gone (deleted in another tab).
        let gone = Library {
            current: Some("gone".into()),
            ..sample()
        };
        assert_eq!(choose_start(&gone, None, false), Start::Sample);
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
