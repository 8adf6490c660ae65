//! Plain text: normalising the characters every input is made of, and finding
//! the paragraphs of text pasted with single line breaks.

/// A title (when the markup named one) and the paragraphs after it, each one
/// line of clean text.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Article {
    pub title: Option<String>,
    pub blocks: Vec<String>,
}

impl Article {
    /// The text [`Document::parse`](crate::Document::parse) reads: the title and
    /// the blocks, separated by blank lines.
    pub fn join(self) -> String {
        let mut out = String::new();
        for block in self.title.into_iter().chain(self.blocks) {
            if block.is_empty() {
                continue;
            }
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(&block);
        }
        out
    }
}

/// The text with LF line endings, ordinary spaces for tabs and Unicode spaces,
/// no invisible or control characters, runs of spaces collapsed, lines trimmed
/// and blank lines at either end removed.
pub(crate) fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    let mut prev = '\n';
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\n' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' => out.push('\n'),
            '\u{2029}' => out.push_str("\n\n"),
            // A joiner between two emoji makes one emoji (👩‍💻): keep it there.
            '\u{200D}' if is_emoji(prev) && chars.peek().is_some_and(|&n| is_emoji(n)) => {
                out.push(c)
            }
            c if c == '\t' || is_space(c) => out.push(' '),
            c if is_invisible(c) || c.is_control() => continue,
            c => out.push(c),
        }
        prev = c;
    }
    let mut clean = String::with_capacity(out.len());
    let mut started = false;
    for line in out.split('\n') {
        let mut words = line.split(' ').filter(|w| !w.is_empty());
        let first = words.next();
        if !started && first.is_none() {
            continue;
        }
        if started {
            clean.push('\n');
        }
        started = true;
        if let Some(first) = first {
            clean.push_str(first);
            for w in words {
                clean.push(' ');
                clean.push_str(w);
            }
        }
    }
    clean.truncate(clean.trim_end().len());
    clean
}

/// The text as one line: [`normalise`]d, with line breaks as spaces.
pub(crate) fn one_line(s: &str) -> String {
    let clean = normalise(s);
    if clean.contains('\n') {
        clean.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        clean
    }
}

fn is_space(c: char) -> bool {
    matches!(
        c,
        '\u{A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// Characters that take no room and change nothing a reader sees, but would
/// break words apart for the analysis: zero-width spaces and joiners, the
/// byte-order mark, soft hyphens, and direction marks and overrides.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{AD}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

fn is_emoji(c: char) -> bool {
    matches!(c, '\u{2600}'..='\u{27BF}' | '\u{FE0F}' | '\u{1F000}'..='\u{1FAFF}')
}

/// Lines no longer than this are taken for text wrapped by hand or by an email
/// client; longer ones are whole paragraphs.
const MAX_WRAP_WIDTH: usize = 100;
/// Narrower "wrapping" is a list or verse, not wrapped prose.
const MIN_WRAP_WIDTH: usize = 30;

/// The paragraphs of [`normalise`]d plain text, each as one line.
///
/// Blank lines always end a paragraph. A single line break ends one too unless
/// the text reads as wrapped: its lines are about as long as one another (at
/// most [`MAX_WRAP_WIDTH`] characters) and the next line's first word would not
/// have fitted on the line before, which is where wrapping breaks a line. Even
/// then, when nearly every such line ends a sentence, each line is a paragraph
/// of its own (short wire-style paragraphs look like this).
pub(crate) fn paragraphs(clean: &str) -> Vec<String> {
    let lines: Vec<&str> = clean.split('\n').collect();
    let width = wrap_width(&lines);
    let wraps_at = |i: usize| -> bool {
        let (line, next) = (lines[i], lines[i + 1]);
        if line.is_empty() || next.is_empty() || starts_like_item(next) {
            return false;
        }
        let first_word = next.split(' ').next().unwrap_or("").chars().count();
        (MIN_WRAP_WIDTH..=MAX_WRAP_WIDTH).contains(&width)
            && line.chars().count() + 1 + first_word > width
    };
    let candidates: Vec<usize> = (0..lines.len().saturating_sub(1))
        .filter(|&i| wraps_at(i))
        .collect();
    let mid_sentence = candidates
        .iter()
        .filter(|&&i| !ends_sentence(lines[i]))
        .count();
    // Wrapped prose breaks most lines mid-sentence.
    let wrapped = mid_sentence * 2 >= candidates.len() && !candidates.is_empty();

    let mut out = Vec::new();
    let mut current = String::new();
    for (i, line) in lines.iter().enumerate() {
        if line.is_empty() {
            continue;
        }
        if current.is_empty() {
            current.push_str(line);
        } else if current.ends_with('-') && !current.ends_with(" -") {
            // A word hyphenated across the break: "well-\nknown".
            current.push_str(line);
        } else {
            current.push(' ');
            current.push_str(line);
        }
        let join_next = wrapped && i + 1 < lines.len() && wraps_at(i);
        if !join_next {
            out.push(std::mem::take(&mut current));
        }
    }
    out
}

/// The width text was wrapped at: the 90th percentile of line lengths, so that
/// a stray long line (a URL) does not hide the wrapping of the rest.
fn wrap_width(lines: &[&str]) -> usize {
    let mut lengths: Vec<usize> = lines
        .iter()
        .filter(|l| !l.is_empty())
        .map(|l| l.chars().count())
        .collect();
    if lengths.is_empty() {
        return 0;
    }
    lengths.sort_unstable();
    lengths[(lengths.len() * 9).div_ceil(10) - 1]
}

fn ends_sentence(line: &str) -> bool {
    let last = line
        .trim_end_matches(['"', '\'', '”', '’', ')', ']', '»'])
        .chars()
        .last();
    matches!(last, Some('.' | '!' | '?' | '…' | ':'))
}

/// Whether a line starts a list item or other unit that never continues the
/// line before it.
fn starts_like_item(line: &str) -> bool {
    if ["- ", "* ", "• ", "– ", "— ", "· "]
        .iter()
        .any(|m| line.starts_with(m))
    {
        return true;
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0
        && digits < 4
        && matches!(line.as_bytes().get(digits..digits + 2), Some(b". " | b") "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalising() {
        // (input, expected)
        let cases = [
            ("", ""),
            ("a\r\nb\rc\n", "a\nb\nc"),
            ("a\u{A0}b\u{2009}c\u{3000}d", "a b c d"),
            ("tab\tseparated\t\tcells", "tab separated cells"),
            ("zero\u{200B}width\u{2060}join\u{FEFF}", "zerowidthjoin"),
            ("\u{FEFF}BOM first", "BOM first"),
            ("soft\u{AD}hyphen", "softhyphen"),
            (
                "  lots   of    space  \n\n\n  next  ",
                "lots of space\n\n\nnext",
            ),
            ("\n\n  \n leading blank lines", "leading blank lines"),
            ("bell\u{7}and\u{1B}escape", "bellandescape"),
            ("rtl\u{202E}override", "rtloverride"),
            ("👩\u{200D}💻 coder", "👩\u{200D}💻 coder"),
            ("a\u{200D}b", "ab"),
            ("para\u{2029}next", "para\n\nnext"),
        ];
        for (input, expected) in cases {
            assert_eq!(normalise(input), expected, "normalising {input:?}");
        }
    }

    #[test]
    fn line_breaks() {
        let wrapped = "The committee met on Tuesday to discuss the new budget, which\n\
                       was described by several members as the most ambitious in a\n\
                       decade. Critics said it would not survive the winter.\n\n\
                       A second paragraph follows here, also wrapped by hand at a\n\
                       width of about sixty characters.";
        let per_line = "Man arrested after chase in Leeds\n\
                        Police said the man was arrested on Friday night after a chase.\n\
                        He will appear before magistrates on Monday morning.\n\
                        A spokesman declined to comment further on the case.";
        let long_lines = "Headline here\nBy Joe Bloggs\n".to_owned()
            + &"A long paragraph line that goes on. ".repeat(5)
            + "\n"
            + &"Another long paragraph line. ".repeat(6);
        let cases: Vec<(&str, Vec<String>)> = vec![
            (
                wrapped,
                vec![
                    "The committee met on Tuesday to discuss the new budget, which was described by several members as the most ambitious in a decade. Critics said it would not survive the winter.".into(),
                    "A second paragraph follows here, also wrapped by hand at a width of about sixty characters.".into(),
                ],
            ),
            (
                per_line,
                per_line.lines().map(str::to_owned).collect(),
            ),
            (
                &long_lines,
                long_lines.lines().map(str::trim).map(str::to_owned).collect(),
            ),
            (
                "Shopping list\n- eggs\n- milk",
                vec!["Shopping list".into(), "- eggs".into(), "- milk".into()],
            ),
            (
                "Hyphenated words are joined when a well-\nknown wrapping tool splits them at the\nend of a line of this width or so.",
                vec!["Hyphenated words are joined when a well-known wrapping tool splits them at the end of a line of this width or so.".into()],
            ),
        ];
        for (text, expected) in cases {
            let clean = normalise(text);
            assert_eq!(paragraphs(&clean), expected, "paragraphs of {text:?}");
        }
    }
}
