//! Bringing a reader's own article in: the bytes of a `.txt`, `.md` or `.html`
//! file, or pasted text, turned into a [`Document`].
//!
//! Whatever comes in leaves as plain text, never markup: HTML is taken apart by
//! a small tokenizer that keeps only the readable text, Markdown loses its
//! heading, emphasis, link and list syntax, and every text is normalised (line
//! endings, odd spaces, invisible characters) before [`Document::parse`] finds
//! its title, byline and paragraphs.
//!
//! ```
//! use lede_analysis::{import, import_text};
//!
//! let html = b"<html><head><title>Site</title><script>x()</script></head>\
//!              <body><h1>Talks resume</h1><p>The two sides met in Geneva&nbsp;on Monday.</p></body></html>";
//! let doc = import(Some("talks.html"), html).unwrap();
//! assert_eq!(doc.title(), Some("Talks resume"));
//! assert_eq!(doc.text(), "Talks resume\n\nThe two sides met in Geneva on Monday.");
//!
//! let err = import_text(" \n\t ").unwrap_err();
//! assert_eq!(err.to_string(), "There is no text to read: the paste was empty.");
//! ```
//!
//! Input that cannot be read gives an [`ImportError`] whose message says what
//! the input looks like and what to do instead.

mod error;
mod html;
mod markdown;
pub(crate) mod text;

pub use error::ImportError;

use crate::Document;

/// The largest input [`import`] accepts, in bytes (5 MB).
pub const MAX_IMPORT_BYTES: usize = 5_000_000;

/// How the text of an input is marked up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Plain,
    Markdown,
    Html,
}

/// The first check [`import`] makes, for a caller that knows an input's size
/// before reading it (a file chosen in a browser): whether `bytes` bytes are
/// at most [`MAX_IMPORT_BYTES`], and if not the same message `import` gives.
///
/// ```
/// use lede_analysis::{MAX_IMPORT_BYTES, check_import_size};
///
/// assert!(check_import_size(Some("a.txt"), MAX_IMPORT_BYTES).is_ok());
/// let err = check_import_size(Some("a.txt"), MAX_IMPORT_BYTES + 1).unwrap_err();
/// assert_eq!(err.to_string(), "a.txt is 5.1 MB; Lede opens files up to 5 MB.");
/// ```
pub fn check_import_size(name: Option<&str>, bytes: usize) -> Result<(), ImportError> {
    if bytes > MAX_IMPORT_BYTES {
        return Err(ImportError::too_large(name, bytes));
    }
    Ok(())
}

/// Reads an article from the bytes of a file called `name` (or of a paste when
/// `name` is `None`).
///
/// The format follows the file's extension (`.txt`, `.md`, `.html`, `.htm`);
/// without a known one it is sniffed: text that starts like an HTML page or is
/// full of tags is HTML, text with Markdown headings or links is Markdown, the
/// rest is plain text. UTF-8 (with or without a byte-order mark) and UTF-16
/// (with a byte-order mark, or plainly ASCII-range) are read.
pub fn import(name: Option<&str>, bytes: &[u8]) -> Result<Document, ImportError> {
    check_import_size(name, bytes.len())?;
    if let Some(what) = sniff_binary(bytes) {
        return Err(ImportError::binary(name, what));
    }
    let text = decode(bytes).map_err(|at| ImportError::not_utf8(name, at))?;
    read(name, &text, name.and_then(format_of_name))
}

/// Reads an article from pasted text; the format is sniffed as in [`import`].
pub fn import_text(text: &str) -> Result<Document, ImportError> {
    check_import_size(None, text.len())?;
    read(None, text, None)
}

fn read(name: Option<&str>, raw: &str, format: Option<Format>) -> Result<Document, ImportError> {
    if raw.contains('\0') {
        return Err(ImportError::binary(name, "a binary file"));
    }
    let clean = text::normalise(raw);
    if clean.is_empty() {
        return Err(ImportError::empty(name));
    }
    let format = format.unwrap_or_else(|| sniff_format(&clean));
    let article = match format {
        Format::Html => html::extract(&clean),
        Format::Markdown => markdown::extract(&clean),
        Format::Plain => text::Article {
            title: None,
            blocks: text::paragraphs(&clean),
        },
    };
    let titled = article.title.is_some();
    let joined = article.join();
    if joined.is_empty() {
        return Err(match format {
            Format::Html => ImportError::no_readable_text(name),
            _ => ImportError::empty(name),
        });
    }
    Ok(Document::parse_with_title(&joined, titled))
}

fn format_of_name(name: &str) -> Option<Format> {
    let (_, ext) = name.rsplit_once('.')?;
    match ext.to_ascii_lowercase().as_str() {
        "txt" | "text" => Some(Format::Plain),
        "md" | "markdown" | "mdown" | "mkd" => Some(Format::Markdown),
        "html" | "htm" | "xhtml" => Some(Format::Html),
        _ => None,
    }
}

fn sniff_format(clean: &str) -> Format {
    if html::looks_like_html(clean) {
        Format::Html
    } else if markdown::looks_like_markdown(clean) {
        Format::Markdown
    } else {
        Format::Plain
    }
}

/// What a file is when its first bytes say it is not text.
pub(crate) fn sniff_binary(bytes: &[u8]) -> Option<&'static str> {
    let head = &bytes[..bytes.len().min(4096)];
    let contains = |needle: &[u8]| head.windows(needle.len()).any(|w| w == needle);
    let what = if head.starts_with(b"%PDF") {
        "a PDF"
    } else if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        "a PNG image"
    } else if head.starts_with(b"\xFF\xD8\xFF") {
        "a JPEG image"
    } else if head.starts_with(b"GIF87a") || head.starts_with(b"GIF89a") {
        "a GIF image"
    } else if head.starts_with(b"RIFF") && head.get(8..12) == Some(b"WEBP") {
        "a WebP image"
    } else if head.starts_with(b"PK\x03\x04") {
        if contains(b"word/") {
            "a Word document"
        } else if contains(b"application/epub+zip") {
            "an EPUB e-book"
        } else if contains(b"opendocument") {
            "an OpenDocument file"
        } else {
            "a ZIP archive"
        }
    } else if head.starts_with(b"\xD0\xCF\x11\xE0") {
        "an old Word or Office document"
    } else if head.starts_with(b"{\\rtf") {
        "an RTF document"
    } else if head.starts_with(b"\x1F\x8B") {
        "a compressed (gzip) file"
    } else {
        return None;
    };
    Some(what)
}

/// The text of `bytes`, or the offset of the first byte that cannot be read.
fn decode(bytes: &[u8]) -> Result<String, usize> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return std::str::from_utf8(rest)
            .map(str::to_owned)
            .map_err(|e| e.valid_up_to() + 3);
    }
    let utf16 = if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        Some((rest, false, 2))
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        Some((rest, true, 2))
    } else {
        bom_less_utf16(bytes).map(|big_endian| (bytes, big_endian, 0))
    };
    if let Some((rest, big_endian, skip)) = utf16 {
        return decode_utf16(rest, big_endian).map_err(|at| at + skip);
    }
    std::str::from_utf8(bytes)
        .map(str::to_owned)
        .map_err(|e| e.valid_up_to())
}

/// Whether text without a byte-order mark is UTF-16 of mostly ASCII-range
/// characters (every other byte is zero), and if so whether big-endian.
fn bom_less_utf16(bytes: &[u8]) -> Option<bool> {
    let head = &bytes[..bytes.len().min(512) & !1];
    if head.len() < 4 {
        return None;
    }
    let pairs = head.len() / 2;
    let zero_at = |parity: usize| {
        head.iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zero_at(0), zero_at(1));
    // Nine in ten pairs with a zero on one side and none on the other.
    if odd * 10 >= pairs * 9 && even == 0 {
        Some(false)
    } else if even * 10 >= pairs * 9 && odd == 0 {
        Some(true)
    } else {
        None
    }
}

fn decode_utf16(bytes: &[u8], big_endian: bool) -> Result<String, usize> {
    if bytes.len() % 2 == 1 {
        return Err(bytes.len() - 1);
    }
    let units = bytes.chunks_exact(2).map(|p| {
        let pair = [p[0], p[1]];
        if big_endian {
            u16::from_be_bytes(pair)
        } else {
            u16::from_le_bytes(pair)
        }
    });
    let mut out = String::with_capacity(bytes.len() / 2);
    let mut at = 0;
    for c in char::decode_utf16(units) {
        let c = c.map_err(|_| at)?;
        at += c.len_utf16() * 2;
        out.push(c);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_name() {
        let cases = [
            ("a.txt", Some(Format::Plain)),
            ("A.TXT", Some(Format::Plain)),
            ("notes.md", Some(Format::Markdown)),
            ("page.HTM", Some(Format::Html)),
            ("page.html", Some(Format::Html)),
            ("archive.tar.gz", None),
            ("README", None),
        ];
        for (name, format) in cases {
            assert_eq!(format_of_name(name), format, "{name}");
        }
    }

    #[test]
    fn utf16_without_bom() {
        let le: Vec<u8> = "Hello there"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let be: Vec<u8> = "Hello there"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(decode(&le).unwrap(), "Hello there");
        assert_eq!(decode(&be).unwrap(), "Hello there");
    }
}
