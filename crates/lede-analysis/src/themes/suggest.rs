//! Proposes a document's key terms, for a reader to make a theme of when the
//! lexicon finds little: words and phrases the article uses often but English
//! uses rarely (TF-IDF against a background word-frequency list).

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::matcher::FxMap;
use super::tokens::{self, Piece};
use crate::apostrophe::{fold_apostrophes, is_apostrophe};
use crate::{BlockKind, Document, Span};

/// The Zipf frequency assumed for a word missing from the background list,
/// which ends at about 4.2.
const UNLISTED_ZIPF: f32 = 3.5;
/// Words this frequent (and above) say nothing of a topic: "the", "said",
/// "world". They end a phrase.
const STOP_ZIPF: f32 = 5.5;
/// A word's informativeness is `INFO_CEILING - zipf`.
const INFO_CEILING: f32 = 6.0;
/// Names are shown by the entity pass; as theme terms they count for less.
const NAME_FACTOR: f32 = 0.5;
/// Longest phrase proposed, in words.
const MAX_PHRASE: usize = 3;

/// A key term of a document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SuggestedTerm {
    /// The term as the article most often writes it, lower-cased unless a name.
    pub text: String,
    /// `(1 + ln count) × informativeness`; higher is more characteristic.
    pub score: f32,
    /// How many times the document uses it (any inflection).
    pub count: usize,
    /// Byte spans of its occurrences in [`Document::text`].
    pub spans: Vec<Span>,
}

/// The `n` most characteristic words and phrases of `doc`'s title and paragraphs,
/// best first.
///
/// Pass their `text` to [`Theme::custom`](super::Theme::custom) to make a theme
/// of them:
///
/// ```
/// use lede_analysis::Document;
/// use lede_analysis::themes::{suggest_terms, Theme};
/// let doc = Document::parse(
///     "Glaciers retreat\n\nThe glaciers of the Alps lost a tenth of their ice. \
///      Glaciologists say the glaciers will keep melting as meltwater lakes grow.",
/// );
/// let terms = suggest_terms(&doc, 3);
/// assert_eq!(terms[0].text, "glaciers");
/// let theme = Theme::custom("Ice", terms.iter().map(|t| &t.text)).unwrap();
/// ```
pub fn suggest_terms(doc: &Document, n: usize) -> Vec<SuggestedTerm> {
    let bg = background();
    let mut cands: FxMap<String, Cand> = FxMap::default();
    let mut buf = String::new();
    let mut total_words = 0;

    for block in doc.blocks() {
        if !matches!(block.kind, BlockKind::Title | BlockKind::Paragraph) {
            continue;
        }
        let text = doc.block_text(block);
        // The current run of content words, from which phrases are taken.
        let mut run: Vec<RunWord> = Vec::new();
        let mut sentence_start = true;
        let flush = |run: &mut Vec<RunWord>, cands: &mut FxMap<String, Cand>| {
            for len in 2..=MAX_PHRASE {
                // "Manila accused China's" is no phrase: a possessive leads on.
                for w in run.windows(len).filter(|w| !w[len - 1].possessive) {
                    let key = w
                        .iter()
                        .map(|x| x.stem.as_str())
                        .collect::<Vec<_>>()
                        .join(" ");
                    let span = Span::new(
                        block.span.start + w[0].start,
                        block.span.start + w[len - 1].end,
                    );
                    // The words one space (or their hyphen) apart, not the
                    // text between them: a "#" or "=" there would read as
                    // term syntax when the phrase is made a theme's term.
                    let mut surface = String::new();
                    for (i, x) in w.iter().enumerate() {
                        if i > 0 {
                            let gap = &text[w[i - 1].end..x.start];
                            surface.push(if gap == "-" { '-' } else { ' ' });
                        }
                        surface.push_str(&text[x.start..x.end]);
                    }
                    cands.entry(key).or_insert_with(|| Cand::new(len, 0.0)).add(
                        span,
                        &surface,
                        w.iter().all(|x| x.capitalised),
                        false,
                    );
                }
            }
            run.clear();
        };
        tokens::pieces(text, |piece| {
            let Piece::Word { start, end, raw } = piece else {
                flush(&mut run, &mut cands);
                sentence_start = true;
                return;
            };
            total_words += 1;
            let capitalised = raw.chars().next().is_some_and(char::is_uppercase);
            let mid_sentence = !sentence_start;
            let is_name = capitalised && mid_sentence;
            sentence_start = false;
            tokens::normalise_into(raw, &mut buf);
            let stripped = buf.strip_suffix("'s").or_else(|| buf.strip_suffix('\''));
            let possessive = stripped.is_some();
            let bare = stripped.unwrap_or(&buf);
            let zipf = bg.get(bare).copied().unwrap_or(UNLISTED_ZIPF);
            let content = zipf < STOP_ZIPF
                && bare.chars().filter(|c| c.is_alphabetic()).count() >= 3
                && !bare.starts_with(|c: char| c.is_ascii_digit());
            if !content {
                flush(&mut run, &mut cands);
                return;
            }
            let stem = tokens::stem(&buf).into_owned();
            let info = INFO_CEILING - zipf;
            let span = Span::new(block.span.start + start, block.span.start + end);
            let surface = if capitalised {
                strip_possessive(raw).to_owned()
            } else {
                bare.to_owned()
            };
            cands
                .entry(stem.clone())
                .or_insert_with(|| Cand::new(1, info))
                .add(span, &surface, capitalised, is_name);
            run.push(RunWord {
                stem,
                capitalised,
                possessive,
                start,
                end,
            });
        });
        flush(&mut run, &mut cands);
    }

    let min_count = if total_words > 150 { 2 } else { 1 };
    let mut ranked: Vec<(String, Cand)> = cands
        .iter()
        .filter(|(_, c)| c.spans.len() >= min_count && (c.words == 1 || c.spans.len() >= 2))
        .map(|(k, c)| (k.clone(), c.clone()))
        .collect();
    // A name (always capitalised, also mid-sentence) counts for less, alone or
    // in a phrase.
    let weight_of = |stem: &str| {
        cands.get(stem).map_or(0.0, |c| {
            let name = c.capitalised == c.spans.len() && c.mid_names > 0;
            c.info * if name { NAME_FACTOR } else { 1.0 }
        })
    };
    for (key, c) in &mut ranked {
        let info: f32 = key.split(' ').map(weight_of).sum();
        c.score = (1.0 + (c.spans.len() as f32).ln()) * info;
    }
    ranked.sort_by(|a, b| b.1.score.total_cmp(&a.1.score).then_with(|| a.0.cmp(&b.0)));

    let mut picked: Vec<(String, Cand)> = Vec::new();
    for (key, cand) in ranked {
        if picked.len() == n {
            break;
        }
        let redundant = picked.iter().any(|(k, c)| {
            let (short, long, cs, cl) = if k.len() <= key.len() {
                (k.as_str(), key.as_str(), c.spans.len(), cand.spans.len())
            } else {
                (key.as_str(), k.as_str(), cand.spans.len(), c.spans.len())
            };
            (contains_words(long, short) && cs < 2 * cl) || (cs == cl && slides_onto(k, &key))
        });
        if !redundant {
            picked.push((key, cand));
        }
    }
    picked
        .into_iter()
        .map(|(_, c)| SuggestedTerm {
            text: c.best_surface(),
            score: c.score,
            count: c.spans.len(),
            spans: c.spans,
        })
        .collect()
}

struct RunWord {
    stem: String,
    capitalised: bool,
    possessive: bool,
    start: usize,
    end: usize,
}

#[derive(Clone)]
struct Cand {
    words: usize,
    info: f32,
    score: f32,
    spans: Vec<Span>,
    /// Occurrences written with a capital (every word, for a phrase).
    capitalised: usize,
    /// Occurrences capitalised in mid-sentence, where only names are.
    mid_names: usize,
    surfaces: Vec<(String, usize)>,
}

impl Cand {
    fn new(words: usize, info: f32) -> Cand {
        Cand {
            words,
            info,
            score: 0.0,
            spans: Vec::new(),
            capitalised: 0,
            mid_names: 0,
            surfaces: Vec::new(),
        }
    }

    fn add(&mut self, span: Span, surface: &str, capitalised: bool, mid_name: bool) {
        self.spans.push(span);
        self.capitalised += usize::from(capitalised);
        self.mid_names += usize::from(mid_name);
        match self.surfaces.iter_mut().find(|(s, _)| s == surface) {
            Some((_, n)) => *n += 1,
            None => self.surfaces.push((surface.to_owned(), 1)),
        }
    }

    fn best_surface(&self) -> String {
        let (s, _) = self
            .surfaces
            .iter()
            .max_by_key(|(_, n)| *n)
            .expect("a candidate has at least one occurrence");
        let name = self.capitalised == self.spans.len() && (self.words > 1 || self.mid_names > 0);
        if !name {
            fold_apostrophes(&s.to_lowercase()).into_owned()
        } else {
            s.clone()
        }
    }
}

/// Whether two phrases of equal length are one window of words shifted by one,
/// as "share extensive common" and "extensive common interests" are.
fn slides_onto(a: &str, b: &str) -> bool {
    let a: Vec<&str> = a.split(' ').collect();
    let b: Vec<&str> = b.split(' ').collect();
    let n = a.len();
    n > 1 && b.len() == n && (a[1..] == b[..n - 1] || b[1..] == a[..n - 1])
}

fn strip_possessive(raw: &str) -> &str {
    raw.strip_suffix('s')
        .and_then(|r| r.strip_suffix(is_apostrophe))
        .or_else(|| raw.strip_suffix(is_apostrophe))
        .unwrap_or(raw)
}

/// Whether the words of `short` appear as consecutive words of `long`.
fn contains_words(long: &str, short: &str) -> bool {
    let long: Vec<&str> = long.split(' ').collect();
    let short: Vec<&str> = short.split(' ').collect();
    long.windows(short.len()).any(|w| w == short.as_slice())
}

fn background() -> &'static FxMap<&'static str, f32> {
    static BG: OnceLock<FxMap<&'static str, f32>> = OnceLock::new();
    BG.get_or_init(|| {
        // `data/background/en.tsv`: the 5,000 most frequent English words and
        // their Zipf frequency (see the README beside it).
        crate::background::words_with_zipf().collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn background_loads() {
        let bg = background();
        assert_eq!(bg.len(), 5000);
        assert!(bg["the"] > 7.0);
        assert!(bg.values().all(|z| (1.0..8.0).contains(z)));
    }
}
