//! Where Lede keeps the reader's articles and themes: IndexedDB, one record
//! per article, per article text and per theme, so that no tab ever writes
//! over what another wrote, and documents up to the 5 MB import limit fit.
//! Tabs tell each other of a change on a `BroadcastChannel`; the others read
//! the list again.
//!
//! Nothing is ever lost: a record this version cannot read is left where it
//! is and offered as a download ([`Kept`]); the data earlier versions kept
//! in `localStorage` is moved here on the first start ([`records`] holds the
//! migrations) and removed only once it is written.
//!
//! Storage that is blocked or missing (`indexedDB` throwing, or the database
//! refusing to open) is no storage: the app works in memory, and says so once.

pub(crate) mod records;

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use idb::{Database, DatabaseEvent, Factory, ObjectStoreParams, TransactionMode};
use lede_analysis::themes::Theme;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::library::{self, BLOCKED, Library, REFUSED, StoredArticle};
pub use records::{Kept, kept_file};
use records::{Unusable, article_record, read_article, read_theme, theme_record};

const DB_NAME: &str = "lede";
/// Bumped when a store is added (opening makes the stores missing): 2 added
/// [`CORRECTIONS`]. An older database keeps its records as they were.
const DB_VERSION: u32 = 2;
/// Article id → its facts ([`records::article_record`]).
const ARTICLES: &str = "articles";
/// Article id → its text, as UTF-8 bytes ([`text_value`]).
const TEXTS: &str = "texts";
/// Theme id → the theme ([`records::theme_record`]).
const THEMES: &str = "themes";
/// Text URN (`urn:lede:text:…`) → the reader's corrections of that text
/// ([`records::corrections_record`]): an article's text, or the sample's.
const CORRECTIONS: &str = "corrections";

pub(crate) const LEGACY_LIBRARY: &str = "lede.library";
/// Where Lede set damaged library data aside before it used IndexedDB.
const LEGACY_SET_ASIDE: &str = "lede.library.unreadable";
const LEGACY_THEMES: &str = "lede.custom-themes.v1";

/// The channel tabs tell each other of changes on.
const CHANNEL: &str = "lede";

/// The page's `localStorage`, or `None` where the browser refuses it.
///
/// Every key Lede keeps there starts with `lede.`, and its database is
/// [`DB_NAME`]: the start-up script (`scripts/site.mjs`, `startAtOnce`)
/// starts the app at once, not when the reader first needs it, where it
/// finds either, so that what the reader kept shows.
///
/// gloo's `LocalStorage` panics in that case, which left a blank page: every
/// access goes through here instead.
pub fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// What opening the database found.
#[derive(Default)]
struct Opened {
    db: Option<Rc<Database>>,
    /// Data that could not be read, kept as it was.
    kept: Vec<Kept>,
    /// Without a database: what `localStorage` held, in memory.
    articles: Vec<StoredArticle>,
    themes: Vec<Theme>,
}

thread_local! {
    /// Resolves once the database is open and earlier data migrated.
    static READY: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
    static OPENED: RefCell<Option<Rc<RefCell<Opened>>>> = const { RefCell::new(None) };
    /// Texts kept in memory: without storage, or when it refused them.
    static MEMORY: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
    /// Corrections kept in memory, by text URN: without storage.
    static MEMORY_CORRECTIONS: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
    /// Channels listened on, kept alive with the page.
    static LISTENING: RefCell<Vec<web_sys::BroadcastChannel>> = const { RefCell::new(Vec::new()) };
}

/// Opens the database once (every caller waits for the same opening).
async fn opened() -> Rc<RefCell<Opened>> {
    let promise = READY.with_borrow_mut(|ready| {
        ready
            .get_or_insert_with(|| {
                wasm_bindgen_futures::future_to_promise(async {
                    let opened = open_and_migrate().await;
                    OPENED.set(Some(Rc::new(RefCell::new(opened))));
                    Ok(JsValue::UNDEFINED)
                })
            })
            .clone()
    });
    let _ = JsFuture::from(promise).await;
    OPENED.with_borrow(|o| o.clone()).unwrap_or_default()
}

async fn database() -> Option<Rc<Database>> {
    opened().await.borrow().db.clone()
}

async fn open() -> Result<Database, idb::Error> {
    let mut request = Factory::new()?.open(DB_NAME, Some(DB_VERSION))?;
    request.on_upgrade_needed(|event| {
        let Ok(db) = event.database() else { return };
        let have = db.store_names();
        for store in [ARTICLES, TEXTS, THEMES, CORRECTIONS] {
            if !have.iter().any(|s| s == store) {
                let _ = db.create_object_store(store, ObjectStoreParams::new());
            }
        }
    });
    request.await
}

async fn open_and_migrate() -> Opened {
    let mut opened = Opened {
        db: open().await.ok().map(Rc::new),
        ..Opened::default()
    };
    if let Some(ls) = local_storage() {
        migrate(&ls, &mut opened).await;
    }
    opened
}

/// Moves what earlier versions kept in `localStorage` into the database (or
/// into memory, without one). Unreadable data is left where it is.
async fn migrate(ls: &web_sys::Storage, opened: &mut Opened) {
    let get = |key: &str| ls.get_item(key).ok().flatten();
    if let Some(json) = get(LEGACY_LIBRARY) {
        match records::migrate_library_v1(&json) {
            Ok(legacy) => {
                let written = match &opened.db {
                    Some(db) => write_articles(db, &legacy.articles).await.is_ok(),
                    None => {
                        for (meta, text) in legacy.articles {
                            MEMORY.with_borrow_mut(|m| m.insert(meta.id.clone(), text));
                            opened.articles.push(meta);
                        }
                        false
                    }
                };
                if let Some(current) = &legacy.current {
                    library::set_current_if_unset(current);
                }
                if written {
                    let _ = ls.remove_item(LEGACY_LIBRARY);
                }
            }
            Err(why) => opened.kept.push(Kept::new(
                format!("localStorage {LEGACY_LIBRARY}"),
                why,
                json,
            )),
        }
    }
    if let Some(json) = get(LEGACY_SET_ASIDE) {
        opened.kept.push(Kept::new(
            format!("localStorage {LEGACY_SET_ASIDE}"),
            Unusable::Damaged,
            json,
        ));
    }
    if let Some(json) = get(LEGACY_THEMES) {
        match records::migrate_custom_themes_v1(&json) {
            Ok(themes) => match &opened.db {
                Some(db) => {
                    let mut all_written = true;
                    for (i, theme) in themes.iter().enumerate() {
                        all_written &= !unreadable_theme_at(db, &theme.id).await
                            && write_theme(db, theme, i as f64).await.is_ok();
                    }
                    if all_written {
                        let _ = ls.remove_item(LEGACY_THEMES);
                    }
                }
                None => opened.themes = themes,
            },
            Err(why) => opened.kept.push(Kept::new(
                format!("localStorage {LEGACY_THEMES}"),
                why,
                json,
            )),
        }
    }
}

fn key(id: &str) -> JsValue {
    JsValue::from_str(id)
}

/// A stored value as text: records are JSON strings; anything else (written
/// by another version) as JSON.
fn as_text(value: &JsValue) -> String {
    value.as_string().unwrap_or_else(|| {
        js_sys::JSON::stringify(value)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default()
    })
}

/// An article's text as it is stored: its UTF-8 bytes. Handing the page a
/// 4 MB text as a JavaScript string decoded it on the main thread, a
/// 100 ms task while a long document opened; bytes are one copy.
fn text_value(text: &str) -> JsValue {
    js_sys::Uint8Array::from(text.as_bytes()).into()
}

/// A stored text: UTF-8 bytes, or a string (as records written before
/// 3 December 2026 hold it); None for anything else, or bytes that are not
/// UTF-8.
fn text_of(value: &JsValue) -> Option<String> {
    if let Some(s) = value.as_string() {
        return Some(s);
    }
    let bytes = value.dyn_ref::<js_sys::Uint8Array>()?.to_vec();
    String::from_utf8(bytes).ok()
}

async fn write_articles(
    db: &Database,
    articles: &[(StoredArticle, String)],
) -> Result<(), idb::Error> {
    let tx = db.transaction(&[ARTICLES, TEXTS], TransactionMode::ReadWrite)?;
    let metas = tx.object_store(ARTICLES)?;
    let texts = tx.object_store(TEXTS)?;
    for (meta, text) in articles {
        metas.put(
            &JsValue::from_str(&article_record(meta)),
            Some(&key(&meta.id)),
        )?;
        texts.put(&text_value(text), Some(&key(&meta.id)))?;
    }
    committed(tx).await
}

async fn committed(tx: idb::Transaction) -> Result<(), idb::Error> {
    match tx.await? {
        idb::TransactionResult::Committed => Ok(()),
        idb::TransactionResult::Aborted => Err(idb::Error::OneshotChannelReceiveError),
    }
}

/// Whether the record of theme `id` is there and cannot be read: it is kept
/// as it was, so no theme is written over it.
async fn unreadable_theme_at(db: &Database, id: &str) -> bool {
    let read = async {
        let tx = db.transaction(&[THEMES], TransactionMode::ReadOnly)?;
        tx.object_store(THEMES)?.get(key(id))?.await
    };
    matches!(read.await, Ok(Some(v)) if read_theme(&as_text(&v)).is_err())
}

async fn write_theme(db: &Database, theme: &Theme, added: f64) -> Result<(), idb::Error> {
    let tx = db.transaction(&[THEMES], TransactionMode::ReadWrite)?;
    tx.object_store(THEMES)?.put(
        &JsValue::from_str(&theme_record(theme, added)),
        Some(&key(&theme.id)),
    )?;
    committed(tx).await
}

/// The library as stored, and the data that could not be read.
pub struct Loaded {
    pub library: Library,
    pub kept: Vec<Kept>,
    /// What to tell the reader about storage, if anything.
    pub notice: Option<String>,
}

/// Reads the reader’s articles (their facts, not their texts), and gathers
/// every stored record that cannot be read: articles, texts and themes.
pub async fn load_library() -> Loaded {
    let opened = opened().await;
    let (db, mut kept, memory) = {
        let o = opened.borrow();
        (o.db.clone(), o.kept.clone(), o.articles.clone())
    };
    let mut articles = memory;
    let notice = match &db {
        None => Some(BLOCKED.to_owned()),
        Some(db) => {
            let _ = read_articles(db, &mut articles, &mut kept).await;
            let _ = keep_unreadable_themes(db, &mut kept).await;
            None
        }
    };
    articles.sort_by(|a, b| b.added.cmp(&a.added));
    let current = library::current_id().filter(|c| articles.iter().any(|a| &a.id == c));
    Loaded {
        library: Library { articles, current },
        kept,
        notice,
    }
}

async fn read_articles(
    db: &Database,
    articles: &mut Vec<StoredArticle>,
    kept: &mut Vec<Kept>,
) -> Result<(), idb::Error> {
    let tx = db.transaction(&[ARTICLES, TEXTS], TransactionMode::ReadOnly)?;
    let store = tx.object_store(ARTICLES)?;
    let keys = store.get_all_keys(None, None)?.await?;
    let values = store.get_all(None, None)?.await?;
    let texts = tx.object_store(TEXTS)?;
    for (k, v) in keys.iter().zip(&values) {
        let id = as_text(k);
        let raw = as_text(v);
        match read_article(&id, &raw) {
            Ok(a) => articles.push(a),
            Err(why) => {
                kept.push(Kept::new(format!("IndexedDB {ARTICLES}/{id}"), why, raw));
                if let Some(text) = texts.get(k.clone())?.await? {
                    kept.push(Kept::new(
                        format!("IndexedDB {TEXTS}/{id}"),
                        why,
                        text_of(&text).unwrap_or_else(|| as_text(&text)),
                    ));
                }
            }
        }
    }
    Ok(())
}

/// Adds the theme records that cannot be read to `kept`, as they are
/// stored: [`load_themes`] leaves them out, and nothing deletes them.
async fn keep_unreadable_themes(db: &Database, kept: &mut Vec<Kept>) -> Result<(), idb::Error> {
    let tx = db.transaction(&[THEMES], TransactionMode::ReadOnly)?;
    let store = tx.object_store(THEMES)?;
    let keys = store.get_all_keys(None, None)?.await?;
    let values = store.get_all(None, None)?.await?;
    for (k, v) in keys.iter().zip(&values) {
        let raw = as_text(v);
        if let Err(why) = read_theme(&raw) {
            kept.push(Kept::new(
                format!("IndexedDB {THEMES}/{}", as_text(k)),
                why,
                raw,
            ));
        }
    }
    Ok(())
}

/// The text of article `id`.
pub async fn article_text(id: &str) -> Option<String> {
    if let Some(text) = MEMORY.with_borrow(|m| m.get(id).cloned()) {
        return Some(text);
    }
    let db = database().await?;
    let tx = db.transaction(&[TEXTS], TransactionMode::ReadOnly).ok()?;
    let value = tx
        .object_store(TEXTS)
        .ok()?
        .get(key(id))
        .ok()?
        .await
        .ok()??;
    text_of(&value)
}

/// Keeps a new article and its text. Refused, they are kept in memory for
/// this visit and the message says so.
pub async fn add_article(meta: &StoredArticle, text: &str) -> Result<(), String> {
    let Some(db) = database().await else {
        MEMORY.with_borrow_mut(|m| m.insert(meta.id.clone(), text.to_owned()));
        return Err(BLOCKED.to_owned());
    };
    match write_articles(&db, &[(meta.clone(), text.to_owned())]).await {
        Ok(()) => {
            tell_other_tabs(Change::Library);
            Ok(())
        }
        Err(_) => {
            MEMORY.with_borrow_mut(|m| m.insert(meta.id.clone(), text.to_owned()));
            Err(REFUSED.to_owned())
        }
    }
}

/// Writes an article's facts again (a new title).
pub async fn update_article(meta: &StoredArticle) -> Result<(), String> {
    let Some(db) = database().await else {
        return Err(BLOCKED.to_owned());
    };
    let write = async {
        let tx = db.transaction(&[ARTICLES], TransactionMode::ReadWrite)?;
        tx.object_store(ARTICLES)?.put(
            &JsValue::from_str(&article_record(meta)),
            Some(&key(&meta.id)),
        )?;
        committed(tx).await
    };
    write.await.map_err(|_| REFUSED.to_owned())?;
    tell_other_tabs(Change::Library);
    Ok(())
}

/// Deletes an article and its text.
pub async fn delete_article(id: &str) -> Result<(), String> {
    MEMORY.with_borrow_mut(|m| m.remove(id));
    let Some(db) = database().await else {
        return Err(BLOCKED.to_owned());
    };
    let delete = async {
        let tx = db.transaction(&[ARTICLES, TEXTS], TransactionMode::ReadWrite)?;
        tx.object_store(ARTICLES)?.delete(key(id))?;
        tx.object_store(TEXTS)?.delete(key(id))?;
        committed(tx).await
    };
    delete
        .await
        .map_err(|_| "The browser would not delete this article from its storage.".to_owned())?;
    tell_other_tabs(Change::Library);
    Ok(())
}

/// The reader's own themes, in the order they were added. Unreadable theme
/// records are left as they are; [`load_library`] lists them with the other
/// data kept to download.
pub async fn load_themes() -> Vec<Theme> {
    let opened = opened().await;
    let (db, memory) = {
        let o = opened.borrow();
        (o.db.clone(), o.themes.clone())
    };
    let Some(db) = db else { return memory };
    let read = async {
        let tx = db.transaction(&[THEMES], TransactionMode::ReadOnly)?;
        tx.object_store(THEMES)?.get_all(None, None)?.await
    };
    let mut themes: Vec<(Theme, f64)> = read
        .await
        .unwrap_or_default()
        .iter()
        .filter_map(|v| read_theme(&as_text(v)).ok())
        .collect();
    themes.sort_by(|a, b| a.1.total_cmp(&b.1));
    themes.into_iter().map(|(t, _)| t).collect()
}

/// Keeps a new theme of the reader's.
pub async fn add_theme(theme: &Theme) -> Result<(), String> {
    const THEMES_REFUSED: &str = "The browser would not store your themes (storage full or private mode): they last until you close the page.";
    let db = database().await.ok_or(THEMES_REFUSED)?;
    if unreadable_theme_at(&db, &theme.id).await {
        return Err(format!(
            "A stored theme called “{}” could not be read, and is kept as it was: this one lasts until you close the page. Give it another name to keep it.",
            theme.name
        ));
    }
    write_theme(&db, theme, js_sys::Date::now())
        .await
        .map_err(|_| THEMES_REFUSED)?;
    tell_other_tabs(Change::Themes);
    Ok(())
}

/// Deletes a theme of the reader's.
pub async fn delete_theme(id: &str) -> Result<(), String> {
    let Some(db) = database().await else {
        return Ok(());
    };
    let delete = async {
        let tx = db.transaction(&[THEMES], TransactionMode::ReadWrite)?;
        tx.object_store(THEMES)?.delete(key(id))?;
        committed(tx).await
    };
    delete
        .await
        .map_err(|_| "The browser would not delete this theme from its storage.".to_owned())?;
    tell_other_tabs(Change::Themes);
    Ok(())
}

/// What another tab changed.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Library,
    Themes,
}

impl Change {
    fn as_str(self) -> &'static str {
        match self {
            Change::Library => "library",
            Change::Themes => "themes",
        }
    }
}

/// A message on the channel: the change, and the page that made it (every
/// channel object of that name hears it, this page's own listeners too).
fn message(change: Change, page: f64) -> String {
    format!("{} {page}", change.as_str())
}

thread_local! {
    /// This page, among the tabs.
    static PAGE: f64 = js_sys::Math::random();
}

fn tell_other_tabs(change: Change) {
    if let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) {
        let text = message(change, PAGE.with(|p| *p));
        let _ = channel.post_message(&JsValue::from_str(&text));
        channel.close();
    }
}

/// Calls `f` whenever another tab makes `change`, for as long as the page lives.
pub fn when_other_tabs_change(change: Change, f: impl Fn() + 'static) {
    let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) else {
        return;
    };
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let page = PAGE.with(|p| *p);
            let from_other_page =
                |m: &str| m.starts_with(change.as_str()) && m != message(change, page);
            if e.data().as_string().is_some_and(|m| from_other_page(&m)) {
                f();
            }
        });
    channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    LISTENING.with_borrow_mut(|l| l.push(channel));
}

/// The reader's corrections of the text named `key` (none if none are
/// kept, or if their record cannot be read: it is then left as it is).
pub async fn load_corrections(key: &str) -> Vec<lede_analysis::corrections::Correction> {
    let from_memory = MEMORY_CORRECTIONS.with_borrow(|m| m.get(key).cloned());
    let raw = match from_memory {
        Some(raw) => Some(raw),
        None => {
            let Some(db) = database().await else {
                return Vec::new();
            };
            let read = async {
                let tx = db.transaction(&[CORRECTIONS], TransactionMode::ReadOnly)?;
                tx.object_store(CORRECTIONS)?.get(self::key(key))?.await
            };
            read.await.ok().flatten().map(|v| as_text(&v))
        }
    };
    raw.and_then(|r| records::read_corrections(&r).ok())
        .unwrap_or_default()
}

/// Keeps the reader's corrections of the text named `key` (none: the
/// record goes). Refused, they are kept in memory for this visit.
pub async fn save_corrections(
    key: &str,
    list: &[lede_analysis::corrections::Correction],
) -> Result<(), String> {
    let record = records::corrections_record(list);
    let Some(db) = database().await else {
        MEMORY_CORRECTIONS.with_borrow_mut(|m| m.insert(key.to_owned(), record));
        return Err(BLOCKED.to_owned());
    };
    let write = async {
        let tx = db.transaction(&[CORRECTIONS], TransactionMode::ReadWrite)?;
        let store = tx.object_store(CORRECTIONS)?;
        if list.is_empty() {
            store.delete(self::key(key))?;
        } else {
            store.put(&JsValue::from_str(&record), Some(&self::key(key)))?;
        }
        committed(tx).await
    };
    if write.await.is_err() {
        MEMORY_CORRECTIONS.with_borrow_mut(|m| m.insert(key.to_owned(), record));
        return Err(
            "The browser would not store your corrections (its storage is full or switched off): they last until you close the page."
                .to_owned(),
        );
    }
    Ok(())
}
