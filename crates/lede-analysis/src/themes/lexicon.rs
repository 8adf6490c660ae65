//! Themes as data: what a lexicon file holds, how it is checked, and how a
//! reader's own theme joins the built-in ones.

use std::borrow::Cow;
use std::fmt;
use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Serialize};

use super::matcher::{Matcher, lines, write_keys_of};
use super::tables::WordsBuilder;
use super::tokens::{self, MAX_TERM_WORDS};

/// The default lexicon, `data/themes.json`, as `build.rs` compiles it: its
/// themes, every term's keys (stemmed at build time, so that starting up
/// neither parses JSON nor runs the stemmer), and its matcher's tables (so
/// that starting up builds nothing). Terms and keys are text, one term a
/// line, which takes a fraction of the room tables of pointers would.
mod compiled {
    use super::super::tables::{Hit, Tables, Trie, Words};
    use std::borrow::Cow;

    /// A theme as in [`super::Theme`], without its terms.
    pub(super) struct Theme {
        pub id: &'static str,
        pub name: &'static str,
        pub colour: &'static str,
        pub description: &'static str,
    }

    // Also generated, per theme of `THEMES` and apart from it, so that a
    // module that only names and colours the themes (the page's) carries
    // neither: `TERMS`, each group's weight and its terms, one a line; and
    // `KEYS`, the keys of every term, in order, one term a line
    // ([`super::tokens::write_term_keys`]).

    include!(concat!(env!("OUT_DIR"), "/lexicon_tables.rs"));
}

/// The weight of every term of a theme made with [`Theme::custom`].
pub const CUSTOM_TERM_WEIGHT: f32 = 2.0;

/// Colours handed to custom themes in turn (by a hash of the id), chosen apart
/// from the built-in themes' hues.
const CUSTOM_COLOURS: [&str; 6] = [
    "#b5835a", "#6f7bd6", "#c9b52c", "#e46aa0", "#5aa9e6", "#8c9a6b",
];

/// A theme: what it is called, how it is shown, and the terms that signal it.
///
/// ```
/// use lede_analysis::themes::Theme;
/// let t = Theme::custom("Energy transition", ["solar", "wind power", "coal"]).unwrap();
/// assert_eq!(t.id, "energy-transition");
/// assert_eq!(t.terms[0].words, ["solar", "wind power", "coal"]);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Theme {
    /// Lower-case letters, digits and hyphens; unique in its lexicon.
    pub id: String,
    pub name: String,
    /// `#rrggbb`.
    pub colour: String,
    #[serde(default)]
    pub description: String,
    /// The theme's terms, grouped by weight.
    pub terms: Vec<TermGroup>,
}

/// Terms that weigh the same.
///
/// A term is a word or a phrase of at most 12 words, matched by stem
/// ("cooperate" matches "cooperation", "cooperating"), without regard to case,
/// apostrophe style, or hyphen versus space. A term written `=word` matches
/// only that exact form (for words whose stem is shared with unrelated words:
/// `=containment` must not match "contains"). In a phrase, `#number` matches
/// any numeral ("46", "1,000") and `#decade` any decade ("1970s", "80s").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TermGroup {
    pub weight: f32,
    pub words: Vec<String>,
}

/// A set of themes, ready to score documents with.
///
/// ```
/// use lede_analysis::themes::{Lexicon, Theme};
/// let lexicon = Lexicon::builtin().clone()
///     .without_theme("history")
///     .with_theme(Theme::custom("Energy", ["oil", "gas pipeline"]).unwrap())
///     .unwrap();
/// assert!(lexicon.theme("history").is_none());
/// assert_eq!(lexicon.themes().last().unwrap().id, "energy");
/// ```
#[derive(Clone, Debug)]
pub struct Lexicon {
    /// Shared, so that a report's reader can keep the themes it was scored
    /// against without copying them ([`Lexicon::shared_themes`]).
    themes: Arc<[Theme]>,
    neutral: Vec<String>,
    /// Themes of one layer compete for words; a theme added with
    /// [`Lexicon::with_theme`] gets a layer of its own, so it sees every
    /// occurrence of its terms even inside another theme's phrase.
    layer_of: Vec<usize>,
    /// Per theme, the keys of its terms, group by group, one term a line
    /// ([`tokens::write_term_keys`]): what the matcher is built from.
    keys: Vec<Cow<'static, str>>,
    neutral_keys: Cow<'static, str>,
    pub(crate) matcher: Matcher,
}

/// The shape of a lexicon file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    #[serde(default, rename = "_about")]
    _about: Option<serde_json::Value>,
    /// Phrases that look like a theme's terms but are about none, such as
    /// "historic opportunity": they claim their words so no theme counts them.
    #[serde(default)]
    neutral: Vec<String>,
    themes: Vec<Theme>,
}

/// The built-in lexicon's themes, as [`Lexicon::builtin`] lists them, with
/// their terms.
pub fn builtin_themes() -> Arc<[Theme]> {
    static THEMES: OnceLock<Arc<[Theme]>> = OnceLock::new();
    let themes = THEMES.get_or_init(|| {
        compiled::THEMES
            .iter()
            .zip(compiled::TERMS)
            .map(|(t, terms)| Theme {
                terms: terms
                    .iter()
                    .map(|&(weight, words)| TermGroup {
                        weight,
                        words: lines(words).map(str::to_owned).collect(),
                    })
                    .collect(),
                ..label(t)
            })
            .collect()
    });
    Arc::clone(themes)
}

/// The built-in lexicon's themes as a page names and colours them: without
/// their terms, which only the lexicon in the analysis worker reads (so that
/// neither the terms nor the matcher's tables are in the page's module).
pub fn builtin_theme_labels() -> Arc<[Theme]> {
    static LABELS: OnceLock<Arc<[Theme]>> = OnceLock::new();
    Arc::clone(LABELS.get_or_init(|| compiled::THEMES.iter().map(label).collect()))
}

fn label(t: &compiled::Theme) -> Theme {
    Theme {
        id: t.id.to_owned(),
        name: t.name.to_owned(),
        colour: t.colour.to_owned(),
        description: t.description.to_owned(),
        terms: Vec::new(),
    }
}

impl Lexicon {
    /// The built-in lexicon (`data/themes.json`). Its checks and its
    /// matcher were made by `build.rs`; the tests check them against the file.
    pub fn builtin() -> &'static Lexicon {
        static BUILTIN: OnceLock<Lexicon> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            let themes = builtin_themes();
            Lexicon {
                layer_of: vec![0; themes.len()],
                themes,
                neutral: lines(compiled::NEUTRAL).map(str::to_owned).collect(),
                keys: compiled::KEYS.iter().map(|&k| Cow::Borrowed(k)).collect(),
                neutral_keys: Cow::Borrowed(compiled::NEUTRAL_KEYS),
                matcher: Matcher::new(compiled::MATCHER.clone()),
            }
        })
    }

    /// Reads and checks a lexicon in the format of `data/themes.json`.
    pub fn from_json(json: &str) -> Result<Lexicon, LexiconError> {
        let file: LexiconFile = serde_json::from_str(json)
            .map_err(|e| LexiconError::new(ErrorKind::Json(e.to_string())))?;
        let layer_of = vec![0; file.themes.len()];
        let keys = file
            .themes
            .iter()
            .map(theme_keys)
            .collect::<Result<_, _>>()?;
        let neutral_keys = lines_of_keys("neutral phrases", &file.neutral)?;
        Lexicon::build(
            file.themes.into(),
            file.neutral,
            layer_of,
            keys,
            neutral_keys.into(),
        )
    }

    fn build(
        themes: Arc<[Theme]>,
        neutral: Vec<String>,
        layer_of: Vec<usize>,
        keys: Vec<Cow<'static, str>>,
        neutral_keys: Cow<'static, str>,
    ) -> Result<Lexicon, LexiconError> {
        for (i, theme) in themes.iter().enumerate() {
            check_theme(theme)?;
            if themes[..i].iter().any(|t| t.id == theme.id) {
                return Err(LexiconError::new(ErrorKind::DuplicateId(theme.id.clone())));
            }
        }
        let matcher = Matcher::build(&themes, &layer_of, &keys, &neutral_keys)?;
        Ok(Lexicon {
            themes,
            neutral,
            layer_of,
            keys,
            neutral_keys,
            matcher,
        })
    }

    /// The themes, in the order reports list them.
    pub fn themes(&self) -> &[Theme] {
        &self.themes
    }

    /// The themes, in the order reports list them, shared with this lexicon.
    pub fn shared_themes(&self) -> Arc<[Theme]> {
        Arc::clone(&self.themes)
    }

    pub fn theme(&self, id: &str) -> Option<&Theme> {
        self.themes.iter().find(|t| t.id == id)
    }

    /// This lexicon with one more theme, matched on its own: its terms count
    /// wherever they occur, even inside another theme's longer phrase.
    ///
    /// Terms alike once stemmed ("tariff", "tariffs") count once: the first
    /// is kept, as a reader who lists both means.
    pub fn with_theme(mut self, theme: Theme) -> Result<Lexicon, LexiconError> {
        let layer = self.layer_of.iter().copied().max().map_or(0, |l| l + 1);
        let theme = without_repeats(theme);
        check_theme(&theme)?;
        self.keys.push(theme_keys(&theme)?);
        self.themes = self.themes.iter().cloned().chain([theme]).collect();
        self.layer_of.push(layer);
        self.rebuilt()
    }

    /// This lexicon without the theme `id` (unchanged if it has none).
    pub fn without_theme(mut self, id: &str) -> Lexicon {
        let Some(i) = self.themes.iter().position(|t| t.id == id) else {
            return self;
        };
        self.keys.remove(i);
        let mut themes = self.themes.to_vec();
        themes.remove(i);
        self.themes = themes.into();
        self.layer_of.remove(i);
        self.rebuilt()
            .expect("removing a theme keeps a valid lexicon valid")
    }

    /// This lexicon checked and its matcher built again, after a change to its parts.
    fn rebuilt(self) -> Result<Lexicon, LexiconError> {
        Lexicon::build(
            self.themes,
            self.neutral,
            self.layer_of,
            self.keys,
            self.neutral_keys,
        )
    }
}

impl Default for Lexicon {
    fn default() -> Lexicon {
        Lexicon::builtin().clone()
    }
}

impl Theme {
    /// A reader's theme from a name and a list of words or phrases.
    ///
    /// The id is the name in lower case with hyphens for spaces and punctuation.
    /// Every term weighs [`CUSTOM_TERM_WEIGHT`]; terms with no letter or digit
    /// and repeats (ignoring case) are dropped, and [`Lexicon::with_theme`]
    /// counts terms that stem alike once. Fails when the name has no letter or
    /// digit, or no term is left. No stemming here: a page can make a theme
    /// without the lexicon's code.
    pub fn custom(
        name: &str,
        terms: impl IntoIterator<Item = impl AsRef<str>>,
    ) -> Result<Theme, LexiconError> {
        let id = slug(name);
        if id.is_empty() {
            return Err(LexiconError::new(ErrorKind::BadId {
                id: name.to_owned(),
            }));
        }
        let mut words: Vec<String> = Vec::new();
        // A set, not a list: a reader's theme may hold 100,000 terms.
        let mut seen = std::collections::HashSet::new();
        for term in terms {
            let term = term.as_ref().trim();
            if term.chars().any(char::is_alphanumeric) && seen.insert(term.to_lowercase()) {
                words.push(term.to_owned());
            }
        }
        if words.is_empty() {
            return Err(LexiconError::new(ErrorKind::EmptyTheme(id)));
        }
        let colour =
            CUSTOM_COLOURS[id.bytes().map(usize::from).sum::<usize>() % CUSTOM_COLOURS.len()];
        Ok(Theme {
            id,
            name: name.trim().to_owned(),
            colour: colour.to_owned(),
            description: String::new(),
            terms: vec![TermGroup {
                weight: CUSTOM_TERM_WEIGHT,
                words,
            }],
        })
    }
}

/// `theme` with each term that stems like an earlier one, or has no word,
/// left out ([`Lexicon::with_theme`]).
fn without_repeats(mut theme: Theme) -> Theme {
    let mut seen = WordsBuilder::default();
    let mut key = String::new();
    for group in &mut theme.terms {
        group.words.retain(|term| {
            term_key(term, &mut key);
            !key.is_empty() && seen.insert(&key)
        });
    }
    theme
}

/// The keys of every term of `theme`, group by group, one term a line.
fn theme_keys(theme: &Theme) -> Result<Cow<'static, str>, LexiconError> {
    let terms = theme.terms.iter().flat_map(|g| &g.words);
    Ok(lines_of_keys(&theme.id, terms)?.into())
}

/// The keys of `terms` of theme `theme`, one term a line.
fn lines_of_keys(
    theme: &str,
    terms: impl IntoIterator<Item = impl AsRef<str>>,
) -> Result<String, LexiconError> {
    let mut out = String::new();
    for term in terms {
        write_keys_of(theme, term.as_ref(), &mut out)?;
        out.push('\n');
    }
    Ok(out)
}

/// A term's stems into `key`, each after a space, to spot repeats in a
/// reader's list; empty if it has no word.
fn term_key(term: &str, key: &mut String) {
    key.clear();
    tokens::pieces(term, |p| {
        if let tokens::Piece::Word { raw, .. } = p {
            key.push(' ');
            tokens::push_stem(raw, key);
        }
    });
}

fn slug(name: &str) -> String {
    let mut id = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            id.push(c);
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    id.trim_end_matches('-').to_owned()
}

fn check_theme(theme: &Theme) -> Result<(), LexiconError> {
    let err = |kind| Err(LexiconError::new(kind));
    let id = &theme.id;
    if id.is_empty() || slug(id) != *id {
        return err(ErrorKind::BadId { id: id.clone() });
    }
    if !is_colour(&theme.colour) {
        return err(ErrorKind::BadColour {
            theme: id.clone(),
            colour: theme.colour.clone(),
        });
    }
    if theme.name.trim().is_empty() {
        return err(ErrorKind::EmptyName(id.clone()));
    }
    if theme.terms.iter().all(|g| g.words.is_empty()) {
        return err(ErrorKind::EmptyTheme(id.clone()));
    }
    if let Some(g) = theme
        .terms
        .iter()
        .find(|g| !(g.weight.is_finite() && g.weight > 0.0))
    {
        return err(ErrorKind::BadWeight {
            theme: id.clone(),
            weight: g.weight,
        });
    }
    Ok(())
}

fn is_colour(s: &str) -> bool {
    s.len() == 7 && s.starts_with('#') && s[1..].bytes().all(|b| b.is_ascii_hexdigit())
}

/// Why a lexicon or theme was refused.
#[derive(Clone, Debug, PartialEq)]
pub struct LexiconError {
    kind: ErrorKind,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum ErrorKind {
    Json(String),
    BadId {
        id: String,
    },
    DuplicateId(String),
    EmptyName(String),
    BadColour {
        theme: String,
        colour: String,
    },
    EmptyTheme(String),
    BadWeight {
        theme: String,
        weight: f32,
    },
    EmptyTerm {
        theme: String,
        term: String,
    },
    TermCrossesBreak {
        theme: String,
        term: String,
    },
    TermTooLong {
        theme: String,
        term: String,
        words: usize,
    },
    UnknownClass {
        theme: String,
        term: String,
        word: String,
    },
    DuplicateTerm {
        theme: String,
        first: String,
        second: String,
        key: String,
    },
}

impl LexiconError {
    pub(crate) fn new(kind: ErrorKind) -> LexiconError {
        LexiconError { kind }
    }
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ErrorKind::*;
        match &self.kind {
            Json(e) => write!(f, "the lexicon is not valid: {e}"),
            BadId { id } => write!(
                f,
                "theme id {id:?} is not usable: an id is lower-case letters, digits and single hyphens, such as \"trade-war\""
            ),
            DuplicateId(id) => write!(
                f,
                "two themes have the id {id:?}: give each theme its own id"
            ),
            EmptyName(id) => write!(f, "theme {id:?} has no name: give it one to show readers"),
            BadColour { theme, colour } => write!(
                f,
                "theme {theme:?} has colour {colour:?}, which is not a #rrggbb colour such as \"#3d8bf0\""
            ),
            EmptyTheme(id) => write!(
                f,
                "theme {id:?} has no terms: give it at least one word or phrase"
            ),
            BadWeight { theme, weight } => write!(
                f,
                "theme {theme:?} has a term group of weight {weight}: weights must be positive numbers"
            ),
            EmptyTerm { theme, term } => write!(
                f,
                "term {term:?} of theme {theme:?} has no word in it to match: remove it or write a word"
            ),
            TermCrossesBreak { theme, term } => write!(
                f,
                "term {term:?} of theme {theme:?} has punctuation inside that no phrase runs across (. , ; : ! ? brackets, dashes): split it into separate terms"
            ),
            TermTooLong { theme, term, words } => {
                // The term itself may run to pages: show its start.
                let mut start: String = term.chars().take(60).collect();
                if start.len() < term.len() {
                    start.push('…');
                }
                write!(
                    f,
                    "term {start:?} of theme {theme:?} has {words} words, and a term may have at most {MAX_TERM_WORDS}: split it into shorter terms"
                )
            }
            UnknownClass { theme, term, word } => write!(
                f,
                "term {term:?} of theme {theme:?} uses #{word}: the only classes are #number and #decade"
            ),
            DuplicateTerm {
                theme,
                first,
                second,
                key,
            } => write!(
                f,
                "theme {theme:?} lists {first:?} and {second:?}, which match the same words (\"{key}\"): keep one"
            ),
        }
    }
}

impl std::error::Error for LexiconError {}

#[cfg(test)]
mod tests {
    use super::*;

    /// What build.rs compiled is what reading the file at run time gives:
    /// the themes, the keys, and the matcher's tables.
    #[test]
    fn the_compiled_lexicon_is_the_file() {
        let file = Lexicon::from_json(include_str!("../../data/themes.json")).unwrap();
        let compiled = Lexicon::builtin();
        assert_eq!(compiled.themes, file.themes);
        assert_eq!(compiled.neutral, file.neutral);
        assert_eq!(compiled.keys, file.keys);
        assert_eq!(compiled.neutral_keys, file.neutral_keys);
        assert_eq!(compiled.layer_of, file.layer_of);
        assert_eq!(compiled.matcher.tables(), file.matcher.tables());
    }

    /// Adding and removing themes adds and removes exactly their terms' keys.
    #[test]
    fn keys_follow_themes_in_and_out() {
        let custom = Theme::custom("Energy", ["oil", "gas pipeline"]).unwrap();
        let lex = Lexicon::builtin().clone().with_theme(custom).unwrap();
        assert_eq!(lex.keys.last().unwrap(), "oil\ngas pipelin\n");
        let lex = lex.without_theme("history");
        let mut expected = Lexicon::builtin().keys.clone();
        let history = lex_position("history");
        expected.remove(history);
        expected.push("oil\ngas pipelin\n".into());
        assert_eq!(lex.keys, expected);
    }

    fn lex_position(id: &str) -> usize {
        Lexicon::builtin()
            .themes
            .iter()
            .position(|t| t.id == id)
            .unwrap()
    }
}
