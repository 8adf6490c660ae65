//! Scores each paragraph of a document against each theme of a lexicon, and
//! keeps every matched term as evidence.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::context;
use super::lexicon::Lexicon;
use super::matcher::{FxMap, Tok};
use super::tables::Hit;
use crate::{BlockId, BlockKind, Document, Span};

/// A paragraph is about a theme when its score reaches this…
pub const ABOUT_SCORE: f32 = 1.7;
/// …and is at least this share of the paragraph's best theme score.
pub const ABOUT_SHARE: f32 = 0.3;
/// A term of this weight says its theme on its own: with one in the
/// paragraph, the theme needs [`ABOUT_SCORE`] but not [`ABOUT_SHARE`].
pub const CORE_WEIGHT: f32 = 3.0;
/// Paragraphs up to this many words are scored on their raw weight; longer ones
/// are divided by the square root of their length over it.
pub const REFERENCE_WORDS: usize = 25;
/// A term of two words or more counts this many times its weight: its words
/// fix each other's sense ("work together", "opposition leader", "halt to
/// the fighting"), so it is seldom a passing or a wrong sense as a single
/// word ("border", "energy", "spokesman") often is.
pub const PHRASE_BONUS: f32 = 1.1;

/// Whether a lexicon term, as written, is a phrase of two words or more
/// ("win-win" is two; "China's" one).
pub(crate) fn is_phrase(term: &str) -> bool {
    term.split(|c: char| !(c.is_alphanumeric() || c == '#' || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .count()
        >= 2
}

/// The themes of a document, paragraph by paragraph.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ThemeReport {
    /// Every block of kind Paragraph or Note, in reading order.
    pub paragraphs: Vec<ParagraphThemes>,
    /// One per theme of the lexicon, in lexicon order.
    pub totals: Vec<ThemeTotal>,
    /// The dominant theme of each entry of `paragraphs`: the path of the article.
    #[serde(deserialize_with = "crate::wire::shared_option_vec")]
    pub sequence: Vec<Option<Arc<str>>>,
}

/// The themes of one paragraph.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ParagraphThemes {
    pub block: BlockId,
    pub kind: BlockKind,
    /// How many words the paragraph has.
    pub words: usize,
    /// One per theme of the lexicon, in lexicon order.
    pub scores: Vec<ThemeScore>,
    /// The themes the paragraph is about, best first.
    #[serde(deserialize_with = "crate::wire::shared_vec")]
    pub about: Vec<Arc<str>>,
    /// The best of `about`.
    #[serde(deserialize_with = "crate::wire::shared_option")]
    pub dominant: Option<Arc<str>>,
    /// Every matched term, in text order (a term listed by two themes appears twice).
    pub evidence: Vec<Evidence>,
    /// The paragraph whose dominant theme this one goes on with, when it is
    /// a speaker's quoted words with no theme of its own (see
    /// [`QUOTED_SHARE`](super::QUOTED_SHARE)): `about` is then that theme, and
    /// the words that gave it are that paragraph's evidence.
    #[serde(default)]
    pub continues: Option<BlockId>,
    /// The themes of `about` this paragraph takes from the headline: it is
    /// one of the first [`LEDE_PARAGRAPHS`](super::LEDE_PARAGRAPHS) and has a
    /// term of each weighing at least
    /// [`LEDE_TERM_WEIGHT`](super::LEDE_TERM_WEIGHT) (in `evidence`), but
    /// too little to reach the threshold on its own.
    #[serde(default)]
    pub from_headline: Vec<Arc<str>>,
}

/// How much one paragraph speaks of one theme.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ThemeScore {
    #[serde(deserialize_with = "crate::wire::shared")]
    pub theme: Arc<str>,
    /// The sum over distinct matched terms of `weight × (1 + ln count)`,
    /// a phrase's weight times [`PHRASE_BONUS`].
    pub weight: f32,
    /// `weight / sqrt(max(words, REFERENCE_WORDS) / REFERENCE_WORDS)`.
    pub score: f32,
}

/// One matched term.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// Byte span into [`Document::text`].
    pub span: Span,
    #[serde(deserialize_with = "crate::wire::shared")]
    pub theme: Arc<str>,
    /// The lexicon term that matched, as written in the lexicon.
    #[serde(deserialize_with = "crate::wire::shared")]
    pub term: Arc<str>,
    pub weight: f32,
}

/// One theme across the document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ThemeTotal {
    #[serde(deserialize_with = "crate::wire::shared")]
    pub theme: Arc<str>,
    /// How many paragraphs are about it.
    pub paragraphs: usize,
    /// The sum of its weight over all paragraphs.
    pub weight: f32,
}

impl ThemeReport {
    /// Whether the lexicon finds little in the document: fewer than a third of
    /// its paragraphs are about any theme. The reader is then offered the
    /// document's own key terms ([`suggest_terms`](super::suggest_terms)) to
    /// make a theme of.
    pub fn finds_little(&self) -> bool {
        let body = || {
            self.paragraphs
                .iter()
                .filter(|p| p.kind == BlockKind::Paragraph)
        };
        let about = body().filter(|p| !p.about.is_empty()).count();
        3 * about < body().count()
    }
}

impl ParagraphThemes {
    /// Whether the paragraph is about theme `id`.
    pub fn is_about(&self, id: &str) -> bool {
        self.about.iter().any(|a| &**a == id)
    }

    /// The score of theme `id`, if the lexicon has it.
    pub fn score(&self, id: &str) -> Option<f32> {
        self.scores
            .iter()
            .find(|s| &*s.theme == id)
            .map(|s| s.score)
    }
}

/// Scores every Paragraph and Note block of `doc` against `lexicon`.
///
/// ```
/// use lede_analysis::Document;
/// use lede_analysis::themes::{score, Lexicon};
/// let doc = Document::parse("Beijing raised tariffs on U.S. soybeans, escalating the trade war.");
/// let report = score(&doc, Lexicon::builtin());
/// let p = &report.paragraphs[0];
/// assert!(p.about.contains(&"economy".into()));
/// assert!(p.about.contains(&"friction".into()));
/// ```
pub fn score(doc: &Document, lexicon: &Lexicon) -> ThemeReport {
    let themes = lexicon.themes();
    // Each id is allocated once and shared by every score and evidence.
    let ids: Vec<Arc<str>> = themes.iter().map(|t| Arc::from(t.id.as_str())).collect();
    let mut cache = FxMap::default();
    let mut buf = String::new();
    let mut toks: Vec<Tok> = Vec::new();
    // Per theme: (term, weight, weight counted, count) of the current paragraph.
    let mut counts: Vec<Vec<(Hit, f32, f32, u32)>> = vec![Vec::new(); themes.len()];
    // A paragraph's evidence as it is found, in one buffer for all of them:
    // each paragraph's is then allocated once, at its size.
    let mut found = Vec::new();
    // Each term's text, allocated once and shared by all its evidence (room
    // for an article's distinct terms without growing); the weight it counts
    // (a phrase's with its bonus, worked out once); and where the term was
    // last counted, as (paragraph, place in its theme's counts), so that a
    // paragraph of many distinct terms is not searched for each.
    let mut terms: FxMap<Hit, (Arc<str>, f32, usize, usize)> =
        FxMap::with_capacity_and_hasher(64, Default::default());
    let mut paragraphs = Vec::new();
    // Per paragraph: whether it is a quotation paragraph.
    let mut quoted = Vec::new();
    // The themes of the headline, scored as a paragraph is.
    let mut headline: Vec<Arc<str>> = Vec::new();
    let mut totals: Vec<ThemeTotal> = ids
        .iter()
        .map(|id| ThemeTotal {
            theme: id.clone(),
            paragraphs: 0,
            weight: 0.0,
        })
        .collect();

    for (index, block) in doc.blocks().iter().enumerate() {
        let is_title = block.kind == BlockKind::Title;
        if !(matches!(block.kind, BlockKind::Paragraph | BlockKind::Note) || is_title && index == 0)
        {
            continue;
        }
        toks.clear();
        let text = doc.block_text(block);
        lexicon
            .matcher
            .tokenise(text, block.span.start, &mut cache, &mut buf, &mut toks);
        let words = toks.iter().filter(|t| t.end > t.start).count();

        counts.iter_mut().for_each(Vec::clear);
        found.clear();
        lexicon.matcher.find(&toks, |m| {
            for &hit in m.hits {
                let theme = hit.theme as usize;
                let group = &themes[theme].terms[hit.group as usize];
                let (term, counted, paragraph, at) = terms.entry(hit).or_insert_with(|| {
                    let text = group.words[hit.word as usize].as_str();
                    let counted = if is_phrase(text) {
                        group.weight * PHRASE_BONUS
                    } else {
                        group.weight
                    };
                    (Arc::from(text), counted, usize::MAX, 0)
                });
                found.push(Evidence {
                    span: Span::new(m.start, m.end),
                    theme: ids[theme].clone(),
                    term: term.clone(),
                    weight: group.weight,
                });
                let c = &mut counts[theme];
                if *paragraph == index {
                    c[*at].3 += 1;
                } else {
                    (*paragraph, *at) = (index, c.len());
                    c.push((hit, group.weight, *counted, 1));
                }
            }
        });
        found.sort_by_key(|e| (e.span.start, e.span.end));
        let mut evidence = Vec::with_capacity(found.len());
        evidence.append(&mut found);

        let norm = (words.max(REFERENCE_WORDS) as f32 / REFERENCE_WORDS as f32).sqrt();
        let scores: Vec<ThemeScore> = ids
            .iter()
            .zip(&counts)
            .map(|(id, c)| {
                let weight: f32 = c
                    .iter()
                    .map(|&(_, _, w, n)| w * (1.0 + (n as f32).ln()))
                    .sum();
                ThemeScore {
                    theme: id.clone(),
                    weight,
                    score: weight / norm,
                }
            })
            .collect();
        let best = scores.iter().map(|s| s.score).fold(0.0, f32::max);
        let mut about: Vec<&ThemeScore> = scores
            .iter()
            .zip(&counts)
            .filter(|(s, c)| {
                s.score >= ABOUT_SCORE
                    && (s.score >= ABOUT_SHARE * best
                        || c.iter().any(|&(_, w, _, _)| w >= CORE_WEIGHT))
            })
            .map(|(s, _)| s)
            .collect();
        about.sort_by(|a, b| b.score.total_cmp(&a.score));
        if is_title {
            headline = about.into_iter().map(|s| s.theme.clone()).collect();
            continue;
        }
        for (total, s) in totals.iter_mut().zip(&scores) {
            total.weight += s.weight;
            total.paragraphs += usize::from(about.iter().any(|a| a.theme == s.theme));
        }
        let about: Vec<Arc<str>> = about.into_iter().map(|s| s.theme.clone()).collect();
        quoted.push(block.kind == BlockKind::Paragraph && context::is_quotation(text));
        paragraphs.push(ParagraphThemes {
            block: BlockId(index),
            kind: block.kind,
            words,
            dominant: about.first().cloned(),
            about,
            scores,
            evidence,
            continues: None,
            from_headline: Vec::new(),
        });
    }
    // What context takes away: a theme one word gives a paragraph that no
    // other paragraph is about. What it adds: a quotation's theme from the
    // paragraph before it, the lede's from the headline.
    context::drop_passing_words(&headline, &mut paragraphs, &mut totals);
    context::continue_quotations(&quoted, &mut paragraphs, &mut totals);
    context::take_from_headline(&headline, &mut paragraphs, &mut totals);
    let sequence = paragraphs.iter().map(|p| p.dominant.clone()).collect();
    ThemeReport {
        paragraphs,
        totals,
        sequence,
    }
}

#[cfg(test)]
mod tests {
    use super::{is_phrase, score};
    use crate::Document;
    use crate::themes::{LEDE_PARAGRAPHS, Lexicon, RECURRENCE_PARAGRAPHS, Theme};

    #[test]
    fn phrases_are_terms_of_two_words_or_more() {
        let cases: &[(&str, bool)] = &[
            ("work together", true),
            ("=accord", false),
            ("win-win", true),
            ("#number years ago", true),
            ("china's", false),
            ("tariff", false),
        ];
        for &(term, expected) in cases {
            assert_eq!(is_phrase(term), expected, "{term:?}");
        }
    }

    /// One strong term (weight 2) in a 35-to-41-word paragraph: a phrase says the
    /// theme, a single word, more often a passing or another sense, does not.
    #[test]
    fn a_phrase_outweighs_a_single_word_of_the_same_weight() {
        let energy = Theme::custom("Energy", ["pipeline", "gas grid"]).unwrap();
        let lexicon = Lexicon::default().with_theme(energy).unwrap();
        let filler = "the ministers of the two neighbouring countries met on a \
                      rainy morning in the old capital and spoke for an hour \
                      about the weather the harvest and the football results \
                      before lunch";
        let cases: &[(&str, bool)] = &[
            ("the gas grid", true),
            ("the pipeline", false),
            ("a new road", false),
        ];
        for &(term, expected) in cases {
            let text = format!("{filler} and {term}.");
            let doc = Document::parse(&text);
            let p = &score(&doc, &lexicon).paragraphs[0];
            assert!((35..=41).contains(&p.words), "{}", p.words);
            assert_eq!(p.is_about("energy"), expected, "{text}");
        }
    }

    /// The first paragraphs take a headline theme they have a strong term
    /// of; a later paragraph, a weak term (a name) or a headline about
    /// something else gives nothing.
    #[test]
    fn the_lede_takes_the_headlines_themes_it_has_a_strong_term_of() {
        let lexicon = Lexicon::from_json(
            r##"{"themes": [{"id": "energy", "name": "Energy", "colour": "#d4a514",
                 "terms": [{"weight": 2, "words": ["pipeline", "gas grid"]},
                           {"weight": 1, "words": ["gazprom"]}]}]}"##,
        )
        .unwrap();
        // 44-45 words: one term of weight 2, even a phrase's 2.2, scores
        // under 1.7 (2.2 / sqrt(45 / 25) = 1.64).
        let filler = "the ministers of the two neighbouring countries met on a \
                      rainy morning in the old capital and spoke for an hour \
                      about the weather the harvest and the football results \
                      before lunch on Tuesday after a long flight from the coast";
        let body = |term: &str| format!("{filler} and the {term}.");
        let cases: &[(&str, [&str; 3], [bool; 3])] = &[
            (
                "Pipeline talks resume in the capital",
                ["pipeline", "gas grid", "pipeline"],
                [true, true, false],
            ),
            // A name weighs 1: no evidence of the subject.
            (
                "Pipeline talks resume in the capital",
                ["Gazprom", "harvest", "pipeline"],
                [false, false, false],
            ),
            // A headline about nothing of the lexicon gives nothing.
            (
                "Ministers meet in the capital",
                ["pipeline", "gas grid", "pipeline"],
                [false, false, false],
            ),
        ];
        assert_eq!(LEDE_PARAGRAPHS, 2);
        for (headline, terms, expected) in cases {
            let text = format!(
                "{headline}\n\n{}\n\n{}\n\n{}",
                body(terms[0]),
                body(terms[1]),
                body(terms[2])
            );
            let doc = Document::parse(&text);
            let report = score(&doc, &lexicon);
            assert_eq!(report.paragraphs.len(), 3, "{text}");
            for (p, &want) in report.paragraphs.iter().zip(expected) {
                assert!((40..=46).contains(&p.words), "{}", p.words);
                assert!(p.score("energy").unwrap() < 1.7, "{p:?}");
                assert_eq!(p.is_about("energy"), want, "{headline}: {terms:?}");
                assert_eq!(p.from_headline == ["energy".into()], want);
                assert_eq!(p.dominant.is_some(), want);
                // The words that gave it are the paragraph's own.
                assert!(!want || p.evidence.iter().any(|e| e.weight >= 2.0));
            }
            let total = &report.totals[0];
            assert_eq!(total.paragraphs, expected.iter().filter(|&&w| w).count());
        }
    }

    /// A theme one paragraph owes to one word (a single word, not a core
    /// term) is a passing sense when no other paragraph has a strong term
    /// of it and the headline is not about it; a phrase, a core term, a
    /// theme that recurs, one the headline names, or a short document
    /// keep it. The word stays in the evidence either way.
    #[test]
    fn a_theme_one_word_gives_must_recur() {
        let lexicon = Lexicon::from_json(
            r##"{"themes": [{"id": "dialogue", "name": "Dialogue", "colour": "#3d8bf0",
                 "terms": [{"weight": 3, "words": ["talks"]},
                           {"weight": 2, "words": ["ambassador", "envoy", "peace process"]},
                           {"weight": 1, "words": ["minister"]}]}]}"##,
        )
        .unwrap();
        let story = |headline: &str, second: &str, last: &str| {
            format!(
                "{headline}\n\nA team of teenagers from Kabul won a silver medal at a robotics contest.\n\n\
                 {second}\n\nThe robots sorted coloured balls into bins.\n\n{last}"
            )
        };
        let plain = "Robotics team wins silver medal";
        // 40 words: its one strong term scores under ABOUT_SCORE.
        const LONG_ENVOY: &str = "An envoy came too, along with parents, teachers, coaches, two \
             cousins and several of the students' former classmates from the school in Herat, \
             who had flown in on Monday evening and stayed at a small hotel near the hall.";
        let quiet = "The team flies home next week.";
        let cases: &[(String, bool)] = &[
            // One word, nowhere else: a passing mention.
            (
                story(plain, "Their ambassador watched the final.", quiet),
                false,
            ),
            // The theme recurs: another paragraph has a strong term of it,
            // even one it is not about on its own.
            (
                story(plain, "Their ambassador watched the final.", LONG_ENVOY),
                true,
            ),
            // A core term, or a phrase, is no passing word.
            (story(plain, "The talks were watched.", quiet), true),
            (story(plain, "A peace process was watched.", quiet), true),
            // The headline is about the theme.
            (
                story(
                    "Ambassador cheers robotics team",
                    "Their ambassador watched the final.",
                    quiet,
                ),
                true,
            ),
        ];
        for (text, expected) in cases {
            let report = score(&Document::parse(text), &lexicon);
            let p = &report.paragraphs[1];
            assert_eq!(p.is_about("dialogue"), *expected, "{text}");
            assert!(p.evidence.iter().any(|e| *e.theme == *"dialogue"), "{text}");
            let total = &report.totals[0];
            assert_eq!(
                total.paragraphs,
                report
                    .paragraphs
                    .iter()
                    .filter(|p| p.is_about("dialogue"))
                    .count()
            );
            if text.contains(LONG_ENVOY) {
                assert!(!report.paragraphs[3].is_about("dialogue"), "{text}");
            }
        }
        // Under RECURRENCE_PARAGRAPHS paragraphs, a document keeps it.
        assert_eq!(RECURRENCE_PARAGRAPHS, 3);
        let short = "Their ambassador watched the final.\n\nThe robots sorted coloured balls.";
        assert!(score(&Document::parse(short), &lexicon).paragraphs[0].is_about("dialogue"));
    }
}
