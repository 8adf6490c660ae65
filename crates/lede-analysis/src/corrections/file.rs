//! The corrections-only file, `"format": "lede-corrections/1"`: what one
//! reader exports and another imports onto the same text.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::Correction;
use crate::Document;

const FORMAT: &str = "lede-corrections/1";

#[derive(Serialize, Deserialize)]
struct File {
    format: String,
    /// The text corrected: its hash (as the Web Annotation export names it),
    /// its length in bytes and its title, to tell a reader when a file was
    /// made on another text.
    text: TextOut,
    corrections: Vec<Correction>,
}

#[derive(Serialize, Deserialize)]
struct TextOut {
    source: String,
    bytes: usize,
    title: Option<String>,
}

/// The corrections of `doc` as a file of their own.
pub fn export_file(doc: &Document, corrections: &[Correction]) -> String {
    let file = File {
        format: FORMAT.to_owned(),
        text: TextOut {
            source: crate::export::text_source(doc.text()),
            bytes: doc.text().len(),
            title: doc.title().map(str::to_owned),
        },
        corrections: corrections.to_vec(),
    };
    serde_json::to_string_pretty(&file).expect("plain data always serialises")
}

/// The corrections a file holds, and whether it was made on `doc`'s text
/// (a file made on another text is still read: its anchors find what they can).
pub fn import_file(doc: &Document, json: &str) -> Result<(Vec<Correction>, bool), FileError> {
    #[derive(Deserialize)]
    struct Head {
        format: Option<String>,
    }
    let head: Head = serde_json::from_str(json).map_err(|_| FileError(Kind::NotJson))?;
    match head.format.as_deref() {
        Some(FORMAT) => {}
        Some(f) if f.starts_with("lede-corrections/") => return Err(FileError(Kind::Newer)),
        _ => return Err(FileError(Kind::NotCorrections)),
    }
    let file: File =
        serde_json::from_str(json).map_err(|e| FileError(Kind::Damaged(e.to_string())))?;
    let same = file.text.source == crate::export::text_source(doc.text());
    Ok((file.corrections, same))
}

/// Why a corrections file cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileError(Kind);

#[derive(Clone, Debug, PartialEq, Eq)]
enum Kind {
    NotJson,
    NotCorrections,
    Newer,
    Damaged(String),
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Kind::NotJson => f.write_str("This file is not JSON, so it holds no corrections."),
            Kind::NotCorrections => f.write_str(
                "This JSON is not a corrections file (its \"format\" is not \"lede-corrections/1\").",
            ),
            Kind::Newer => {
                f.write_str("This corrections file was made by a newer Lede; update Lede to read it.")
            }
            Kind::Damaged(e) => write!(f, "This corrections file is damaged: {e}."),
        }
    }
}

impl std::error::Error for FileError {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corrections::{Anchor, Scope};
    use crate::{Label, Span};

    #[test]
    fn a_file_reads_back_on_the_same_text_only() {
        let doc = Document::parse("Talks\n\nAcme met Paris.");
        let at = Span::new(7, 11);
        let list = vec![
            Correction::Add {
                target: Anchor::at(doc.text(), at),
                label: Label::Org,
            },
            Correction::Remove {
                target: Anchor::at(doc.text(), Span::new(16, 21)),
                scope: Scope::All,
            },
        ];
        let json = export_file(&doc, &list);
        assert_eq!(import_file(&doc, &json), Ok((list.clone(), true)));
        let other = Document::parse("Other\n\nAcme met Paris.");
        assert_eq!(import_file(&other, &json), Ok((list, false)));
    }

    #[test]
    fn unreadable_files_say_why() {
        let doc = Document::parse("x");
        let cases = [
            ("{", "not JSON"),
            ("{\"format\": \"lede/1\"}", "not a corrections file"),
            ("{\"format\": \"lede-corrections/9\"}", "newer Lede"),
            (
                "{\"format\": \"lede-corrections/1\", \"corrections\": 3}",
                "damaged",
            ),
            (
                "{\"format\": \"lede-corrections/1\", \"text\": {\"source\": \"\", \"bytes\": 1, \"title\": null}, \"corrections\": [{\"action\": \"shout\"}]}",
                "damaged",
            ),
        ];
        for (json, says) in cases {
            let e = import_file(&doc, json).unwrap_err();
            assert!(e.to_string().contains(says), "{json}: {e}");
        }
    }
}
