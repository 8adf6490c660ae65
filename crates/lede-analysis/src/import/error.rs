//! Why an input could not be read, said so that a reader knows what to do.

use std::fmt;

use super::MAX_IMPORT_BYTES;

/// An input that [`import`](crate::import) or [`import_text`](crate::import_text)
/// could not turn into an article.
///
/// Its [`Display`](fmt::Display) is a message for the reader: it names the file
/// (or the paste), what is wrong with it, and what to do instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    /// The file's name; `None` for pasted text.
    name: Option<String>,
    kind: ErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum ErrorKind {
    /// Nothing but white space and invisible characters.
    Empty,
    /// More than [`MAX_IMPORT_BYTES`].
    TooLarge { bytes: usize },
    /// A known binary format, or bytes that no text has ("a PDF", "a binary file").
    Binary { what: &'static str },
    /// Not valid UTF-8: the offset of the first byte that cannot be read.
    NotUtf8 { at: usize },
    /// HTML whose readable text is empty once scripts, styles and tags are gone.
    NoReadableText,
}

impl ImportError {
    fn new(name: Option<&str>, kind: ErrorKind) -> ImportError {
        ImportError {
            name: name.map(str::to_owned),
            kind,
        }
    }

    pub(crate) fn empty(name: Option<&str>) -> ImportError {
        ImportError::new(name, ErrorKind::Empty)
    }

    pub(crate) fn too_large(name: Option<&str>, bytes: usize) -> ImportError {
        ImportError::new(name, ErrorKind::TooLarge { bytes })
    }

    pub(crate) fn binary(name: Option<&str>, what: &'static str) -> ImportError {
        ImportError::new(name, ErrorKind::Binary { what })
    }

    pub(crate) fn not_utf8(name: Option<&str>, at: usize) -> ImportError {
        ImportError::new(name, ErrorKind::NotUtf8 { at })
    }

    pub(crate) fn no_readable_text(name: Option<&str>) -> ImportError {
        ImportError::new(name, ErrorKind::NoReadableText)
    }
}

impl std::error::Error for ImportError {}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = self.name.as_deref();
        match self.kind {
            ErrorKind::Empty => match name {
                None => write!(f, "There is no text to read: the paste was empty."),
                Some(n) => write!(f, "There is no text to read: {n} is empty."),
            },
            ErrorKind::TooLarge { bytes } => {
                let limit = megabytes(MAX_IMPORT_BYTES);
                match name {
                    None => write!(
                        f,
                        "The pasted text is {}; Lede opens texts up to {limit}.",
                        megabytes(bytes)
                    ),
                    Some(n) => write!(
                        f,
                        "{n} is {}; Lede opens files up to {limit}.",
                        megabytes(bytes)
                    ),
                }
            }
            ErrorKind::Binary { what } => write!(
                f,
                "{} looks like {what}, not a text file. \
                 Copy the article's text and paste it instead.",
                name.unwrap_or("This")
            ),
            ErrorKind::NotUtf8 { at } => write!(
                f,
                "{} is not UTF-8 text: byte {at} cannot be read. \
                 Save it as UTF-8, or copy the article's text and paste it instead.",
                name.unwrap_or("This text")
            ),
            ErrorKind::NoReadableText => write!(
                f,
                "{} has no readable text once its scripts and markup are set aside. \
                 Open it in a browser, copy the article's text and paste it instead.",
                name.unwrap_or("This HTML")
            ),
        }
    }
}

/// A size in megabytes (10⁶ bytes) to one decimal, rounded up so that a file
/// just over the limit never reads as being at it: "7.2 MB", "5 MB".
fn megabytes(bytes: usize) -> String {
    let tenths = bytes.div_ceil(100_000);
    if tenths.is_multiple_of(10) {
        format!("{} MB", tenths / 10)
    } else {
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
}

#[cfg(test)]
mod tests {
    use super::megabytes;

    #[test]
    fn sizes() {
        let cases = [
            (7_200_000, "7.2 MB"),
            (7_150_001, "7.2 MB"),
            (5_000_000, "5 MB"),
            (5_000_001, "5.1 MB"),
            (12_345, "0.1 MB"),
        ];
        for (bytes, shown) in cases {
            assert_eq!(megabytes(bytes), shown, "{bytes} bytes");
        }
    }
}
