//! An analysis run somewhere else (a Web Worker, so that a long document
//! never holds up the page): what is asked, and the replies, in the order
//! they come.
//!
//! The replies let the page show a long document early and finish it later:
//! first the analysis of its first screen ([`Reply::First`]), then progress,
//! then the whole, in two parts ([`Reply::Entities`], [`Reply::Done`]) that
//! the page reads in two tasks rather than one long one. Each holds spans
//! into the document as sent, so the page can use the first reply's
//! mentions as they are. A file read by the worker can go straight on to
//! its analysis, saving the document's trip back.
//!
//! ```
//! use lede_analysis::Document;
//! use lede_analysis::job::{Reply, Request, run};
//!
//! let document = Document::parse("Talks\n\nXi Jinping met Joe Biden in Lima.");
//! let mut replies = Vec::new();
//! run(&Request { id: 7, document, custom: vec![] }, |r| replies.push(r));
//! let Some(Reply::Done { id, .. }) = replies.pop() else { panic!() };
//! let Some(Reply::Entities { entities, .. }) = replies.pop() else { panic!() };
//! assert_eq!(id, 7);
//! assert!(entities.entities.iter().any(|e| e.name == "Xi Jinping"));
//! ```

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::themes::{Lexicon, Theme, ThemeReport, score};
use crate::{Document, Entities, import, recognize};

/// How much of a long document is analysed first: about two screens of text.
pub const FIRST_BYTES: usize = 8 * 1024;

/// What is asked of the worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Job {
    /// Read a file called `name` (or pasted text, with no name) into a
    /// document, as [`import`] does; then, with `analyse`, analyse it with
    /// those custom themes, as a [`Request`] would.
    Import {
        id: u32,
        name: Option<String>,
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
    /// The entities of the whole document.
    Entities { id: u32, entities: Entities },
    /// Its themes: always the last reply to an analysis.
    Done { id: u32, themes: ThemeReport },
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
            | Reply::Entities { id, .. }
            | Reply::Done { id, .. } => *id,
        }
    }

    /// Whether it is the last reply to `job`.
    pub fn is_last_for(&self, job: &Job) -> bool {
        match self {
            Reply::Done { .. } => true,
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
    let entities = recognize(doc);
    // Recognition is most of the work (some four fifths natively).
    send(Reply::Progress { id, done: 0.8 });
    send(Reply::Entities { id, entities });
    send(Reply::Done {
        id,
        themes: score(doc, &lexicon),
    });
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

    /// The whole analysis, from the last two replies.
    fn whole_of(replies: &[Reply]) -> Analysis {
        match &replies[replies.len() - 2..] {
            [Reply::Entities { entities, .. }, Reply::Done { themes, .. }] => Analysis {
                entities: entities.clone(),
                themes: themes.clone(),
            },
            _ => panic!("the last two replies are not the entities and themes"),
        }
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
