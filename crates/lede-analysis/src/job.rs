//! An analysis run somewhere else (a Web Worker, so that a long document
//! never holds up the page): what is asked, and the replies, in the order
//! they come.
//!
//! The replies let the page show a long document early and finish it later:
//! first the analysis of its first screen ([`Reply::First`]), then progress,
//! then the whole in parts of at most [`PART`] mentions or paragraphs, which
//! the page reads each in a task of its own rather than in one long one, and
//! puts together with an [`Assembly`]. Each holds spans into the document as
//! sent, so the page can use the first reply's mentions as they are. A file
//! read by the worker can go straight on to its analysis, saving the
//! document's trip back.
//!
//! ```
//! use lede_analysis::Document;
//! use lede_analysis::job::{Assembly, Request, run};
//!
//! let document = Document::parse("Talks\n\nXi Jinping met Joe Biden in Lima.");
//! let mut whole = Assembly::default();
//! let mut analysis = None;
//! run(&Request { id: 7, document, custom: vec![] }, |r| {
//!     if let Some(a) = whole.add(r) {
//!         analysis = Some(a);
//!     }
//! });
//! let entities = analysis.unwrap().entities;
//! assert!(entities.entities.iter().any(|e| e.name == "Xi Jinping"));
//! ```

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::entities::Mention;
use crate::themes::{Lexicon, ParagraphThemes, Theme, ThemeReport, score};
use crate::{Document, Entities, import, recognize};

/// How much of a long document is analysed first: about two screens of text.
pub const FIRST_BYTES: usize = 8 * 1024;

/// The most mentions, or paragraphs' themes, in one reply: a 4 MB document
/// has some 110,000 mentions, 7.7 MB on the wire, and reading them in one
/// task held the page up for over 100 ms.
pub const PART: usize = 10_000;

/// What is asked of the worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Job {
    /// Read a file called `name` (or pasted text, with no name) into a
    /// document, as [`import`] does; then, with `analyse`, analyse it with
    /// those custom themes, as a [`Request`] would.
    Import {
        id: u32,
        name: Option<String>,
        #[serde(with = "crate::wire::bytes")]
        bytes: Vec<u8>,
        analyse: Option<Vec<Theme>>,
    },
    Analyse(Request),
}

impl Job {
    /// The id its replies carry.
    pub fn id(&self) -> u32 {
        match self {
            Job::Import { id, .. } => *id,
            Job::Analyse(r) => r.id,
        }
    }
}

/// Analyse `document` with the built-in themes and the reader's `custom` ones.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Request {
    /// Echoed in every reply, so that the asker can drop replies to a request
    /// it has given up on.
    pub id: u32,
    pub document: Document,
    pub custom: Vec<Theme>,
}

/// What an analysis found.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub entities: Entities,
    pub themes: ThemeReport,
}

/// One of the replies to a [`Job`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Reply {
    /// The document read, or what stopped it, in words for the reader: the
    /// first reply to [`Job::Import`], and its last unless it goes on to
    /// analyse the document.
    Imported {
        id: u32,
        document: Result<Document, String>,
    },
    /// The analysis of the document's first blocks, up to `bytes` of its
    /// text (only for a document longer than [`FIRST_BYTES`]).
    First {
        id: u32,
        bytes: usize,
        analysis: Analysis,
    },
    /// How far the whole analysis is, from 0 to 1.
    Progress { id: u32, done: f32 },
    /// The whole document's next [`PART`] mentions, in text order.
    Mentions { id: u32, mentions: Vec<Mention> },
    /// Its entities and quotes, their mentions sent before.
    Entities { id: u32, entities: Entities },
    /// Its next [`PART`] paragraphs' themes, in reading order.
    Paragraphs {
        id: u32,
        paragraphs: Vec<ParagraphThemes>,
    },
    /// The rest of its themes, their paragraphs sent before: always the last
    /// reply to an analysis.
    Done { id: u32, themes: ThemeReport },
    /// What stopped a job before its last reply, in words for the reader:
    /// the asker's own reply when the worker that held the job failed (it
    /// did not load, or the job brought it down).
    Failed { id: u32, reason: String },
}

/// The whole analysis put back together from its replies.
#[derive(Debug, Default)]
pub struct Assembly {
    mentions: Vec<Mention>,
    entities: Option<Entities>,
    paragraphs: Vec<ParagraphThemes>,
}

impl Assembly {
    /// Takes the next reply to one analysis; the whole, once its last part
    /// has come. Replies that are not parts of the whole are ignored.
    pub fn add(&mut self, reply: Reply) -> Option<Analysis> {
        match reply {
            Reply::Mentions { mentions, .. } => self.mentions.extend(mentions),
            Reply::Entities { entities, .. } => self.entities = Some(entities),
            Reply::Paragraphs { paragraphs, .. } => self.paragraphs.extend(paragraphs),
            Reply::Done { mut themes, .. } => {
                let mut entities = self.entities.take().unwrap_or_default();
                entities.mentions = std::mem::take(&mut self.mentions);
                themes.paragraphs = std::mem::take(&mut self.paragraphs);
                return Some(Analysis { entities, themes });
            }
            Reply::Imported { .. }
            | Reply::First { .. }
            | Reply::Progress { .. }
            | Reply::Failed { .. } => {}
        }
        None
    }
}

/// The built-in lexicon with the reader's themes added; a theme that no
/// longer fits (say, a duplicate id) is left out rather than fatal.
pub fn lexicon_with(custom: &[Theme]) -> Cow<'static, Lexicon> {
    let builtin = Lexicon::builtin();
    if custom.is_empty() {
        return Cow::Borrowed(builtin);
    }
    let mut lexicon = builtin.clone();
    for theme in custom {
        if let Ok(l) = lexicon.clone().with_theme(theme.clone()) {
            lexicon = l;
        }
    }
    Cow::Owned(lexicon)
}

/// Analyses `doc` with `lexicon`.
pub fn analyse(doc: &Document, lexicon: &Lexicon) -> Analysis {
    Analysis {
        entities: recognize(doc),
        themes: score(doc, lexicon),
    }
}

impl Reply {
    /// The id of the job it answers.
    pub fn id(&self) -> u32 {
        match self {
            Reply::Imported { id, .. }
            | Reply::First { id, .. }
            | Reply::Progress { id, .. }
            | Reply::Mentions { id, .. }
            | Reply::Entities { id, .. }
            | Reply::Paragraphs { id, .. }
            | Reply::Done { id, .. }
            | Reply::Failed { id, .. } => *id,
        }
    }

    /// Whether it is the last reply to `job`.
    pub fn is_last_for(&self, job: &Job) -> bool {
        match self {
            Reply::Done { .. } | Reply::Failed { .. } => true,
            // A file not read has nothing to analyse.
            Reply::Imported { document, .. } => {
                document.is_err() || matches!(job, Job::Import { analyse: None, .. })
            }
            _ => false,
        }
    }
}

/// Does `job`, handing each reply to `send` as soon as it is ready.
pub fn serve(job: &Job, mut send: impl FnMut(Reply)) {
    match job {
        Job::Import {
            id,
            name,
            bytes,
            analyse,
        } => {
            let document = import(name.as_deref(), bytes).map_err(|e| e.to_string());
            let then = match (&document, analyse) {
                (Ok(doc), Some(custom)) => Some(Request {
                    id: *id,
                    document: doc.clone(),
                    custom: custom.clone(),
                }),
                _ => None,
            };
            send(Reply::Imported { id: *id, document });
            if let Some(request) = then {
                run(&request, send);
            }
        }
        Job::Analyse(request) => run(request, send),
    }
}

/// Runs `request`, handing each reply to `send` as soon as it is ready.
pub fn run(request: &Request, mut send: impl FnMut(Reply)) {
    let id = request.id;
    let doc = &request.document;
    let lexicon = lexicon_with(&request.custom);
    if doc.text().len() > FIRST_BYTES {
        let first = doc.prefix(FIRST_BYTES);
        let bytes = first.text().len();
        if bytes < doc.text().len() {
            send(Reply::First {
                id,
                bytes,
                analysis: analyse(&first, &lexicon),
            });
        }
    }
    send(Reply::Progress { id, done: 0.05 });
    let mut entities = recognize(doc);
    // Recognition is most of the work (some four fifths natively).
    send(Reply::Progress { id, done: 0.8 });
    for part in in_parts(std::mem::take(&mut entities.mentions)) {
        send(Reply::Mentions { id, mentions: part });
    }
    send(Reply::Entities { id, entities });
    let mut themes = score(doc, &lexicon);
    for part in in_parts(std::mem::take(&mut themes.paragraphs)) {
        send(Reply::Paragraphs {
            id,
            paragraphs: part,
        });
    }
    send(Reply::Done { id, themes });
}

/// `all` in parts of at most [`PART`], in order.
fn in_parts<T>(mut all: Vec<T>) -> Vec<Vec<T>> {
    let mut parts = Vec::new();
    while all.len() > PART {
        let rest = all.split_off(PART);
        parts.push(std::mem::replace(&mut all, rest));
    }
    if !all.is_empty() {
        parts.push(all);
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn long_document() -> Document {
        let paragraph = "President Xi Jinping met Chancellor Olaf Scholz in Berlin on Monday to discuss trade and cooperation.";
        let mut text = String::from("A long report\n\n");
        while text.len() < 4 * FIRST_BYTES {
            text.push_str(paragraph);
            text.push_str("\n\n");
        }
        Document::parse(&text)
    }

    /// The whole analysis, put together from the replies.
    fn whole_of(replies: &[Reply]) -> Analysis {
        let mut whole = Assembly::default();
        let mut done = None;
        for r in replies {
            if let Some(a) = whole.add(r.clone()) {
                assert!(done.is_none(), "one whole per analysis");
                done = Some(a);
            }
        }
        done.expect("the replies end with the whole")
    }

    #[test]
    fn a_long_document_is_answered_first_in_part_then_whole() {
        let document = long_document();
        let mut replies = Vec::new();
        run(
            &Request {
                id: 3,
                document: document.clone(),
                custom: vec![],
            },
            |r| replies.push(r),
        );
        let Reply::First {
            id,
            bytes,
            analysis: first,
        } = &replies[0]
        else {
            panic!("{:?}", replies[0]);
        };
        assert_eq!(*id, 3);
        assert!(*bytes >= FIRST_BYTES && *bytes < document.text().len());
        // Every paragraph reads the same here, so the first part's mentions
        // are the whole's mentions that lie in it.
        let whole = whole_of(&replies);
        let in_first: Vec<_> = whole
            .entities
            .mentions
            .iter()
            .filter(|m| m.span.end <= *bytes)
            .map(|m| (m.span, m.label))
            .collect();
        let first_spans: Vec<_> = first
            .entities
            .mentions
            .iter()
            .map(|m| (m.span, m.label))
            .collect();
        assert_eq!(first_spans, in_first);
        assert_eq!(whole, analyse(&document, Lexicon::builtin()));
        // Progress only goes forward, between the first reply and the last.
        let done: Vec<f32> = replies
            .iter()
            .filter_map(|r| match r {
                Reply::Progress { done, .. } => Some(*done),
                _ => None,
            })
            .collect();
        assert!(done.windows(2).all(|w| w[0] < w[1]) && !done.is_empty());
    }

    #[test]
    fn a_short_document_is_answered_whole() {
        let document = Document::parse("Talks\n\nXi Jinping met Joe Biden.");
        let mut replies = Vec::new();
        run(
            &Request {
                id: 1,
                document,
                custom: vec![],
            },
            |r| replies.push(r),
        );
        assert!(!replies.iter().any(|r| matches!(r, Reply::First { .. })));
        assert!(matches!(replies.last(), Some(Reply::Done { id: 1, .. })));
    }

    #[test]
    fn an_import_is_answered_with_its_document_or_what_stopped_it() {
        let mut replies = Vec::new();
        let job = |id, name: &str, bytes: &[u8]| Job::Import {
            id,
            name: Some(name.to_owned()),
            bytes: bytes.to_vec(),
            analyse: None,
        };
        let (text, pdf) = (
            job(4, "a.txt", b"Talks\n\nThey met."),
            job(5, "a.pdf", b"%PDF-1.7\n"),
        );
        serve(&text, |r| replies.push(r));
        serve(&pdf, |r| replies.push(r));
        assert!(replies[0].is_last_for(&text) && replies[1].is_last_for(&pdf));
        match &replies[..] {
            [
                Reply::Imported {
                    id: 4,
                    document: Ok(doc),
                },
                Reply::Imported {
                    id: 5,
                    document: Err(message),
                },
            ] => {
                assert_eq!(doc.title(), Some("Talks"));
                assert!(message.contains("a.pdf"), "{message}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_file_read_goes_on_to_its_analysis_when_asked() {
        let text = "Talks\n\nXi Jinping met Joe Biden.";
        let job = Job::Import {
            id: 9,
            name: Some("a.txt".to_owned()),
            bytes: text.as_bytes().to_vec(),
            analyse: Some(vec![]),
        };
        let mut replies = Vec::new();
        serve(&job, |r| replies.push(r));
        let Reply::Imported {
            document: Ok(doc), ..
        } = &replies[0]
        else {
            panic!("{:?}", replies[0]);
        };
        assert!(!replies[0].is_last_for(&job), "the analysis follows");
        assert!(replies.last().unwrap().is_last_for(&job));
        assert_eq!(whole_of(&replies), analyse(doc, Lexicon::builtin()));
    }

    #[test]
    fn the_whole_is_sent_in_parts_and_put_back_in_order() {
        for n in [0, 1, PART - 1, PART, PART + 1, 3 * PART + 7] {
            let parts = in_parts((0..n).collect::<Vec<_>>());
            assert!(
                parts.iter().all(|p| !p.is_empty() && p.len() <= PART),
                "{n}"
            );
            assert_eq!(parts.concat(), (0..n).collect::<Vec<_>>(), "{n}");
        }
        // Mentions and paragraphs in several parts come back whole.
        let whole = analyse(&long_document(), Lexicon::builtin());
        let mut replies = Vec::new();
        for part in whole.entities.mentions.chunks(7) {
            replies.push(Reply::Mentions {
                id: 1,
                mentions: part.to_vec(),
            });
        }
        let mut entities = whole.entities.clone();
        entities.mentions.clear();
        replies.push(Reply::Entities { id: 1, entities });
        for part in whole.themes.paragraphs.chunks(5) {
            replies.push(Reply::Paragraphs {
                id: 1,
                paragraphs: part.to_vec(),
            });
        }
        let mut themes = whole.themes.clone();
        themes.paragraphs.clear();
        replies.push(Reply::Done { id: 1, themes });
        assert!(replies.len() > 10);
        assert_eq!(whole_of(&replies), whole);
    }

    #[test]
    fn a_file_crosses_to_the_worker_and_back_whole() {
        let bytes: Vec<u8> = (0..=255).cycle().take(10_000).collect();
        let job = Job::Import {
            id: 1,
            name: None,
            bytes: bytes.clone(),
            analyse: None,
        };
        let wire = bincode::serialize(&job).unwrap();
        let back: Job = bincode::deserialize(&wire).unwrap();
        assert!(matches!(back, Job::Import { bytes: b, .. } if b == bytes));
    }

    #[test]
    fn a_prefix_keeps_the_blocks_it_covers() {
        let document = long_document();
        let first = document.prefix(100);
        assert!(first.blocks().len() >= 2);
        assert_eq!(first.blocks(), &document.blocks()[..first.blocks().len()]);
        assert!(first.text().len() >= 100 && document.text().starts_with(first.text()));
        let all = document.prefix(usize::MAX);
        assert!(
            all.blocks() == document.blocks(),
            "past the end, every block"
        );
    }
}
