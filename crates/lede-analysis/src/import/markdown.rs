//! Markdown reduced to its text: headings, emphasis, links, images, lists,
//! block quotes and code fences lose their syntax and keep their words.
//!
//! This is not a full CommonMark parser. It reads the block structure line by
//! line (ATX and setext headings, list items, quotes, fences, thematic breaks,
//! front matter) and, inside a block, drops paired emphasis markers, keeps the
//! text of links and drops images. Inline HTML is set aside as in an HTML
//! page. Anything it does not recognise stays as text, which is the safe
//! failure for a reader.

use super::html::strip_tags;
use super::text::{Article, normalise, one_line};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Paragraph,
    Heading(u8),
    /// A line of a fenced code block, kept as it is.
    Code,
}

/// The title and paragraphs of a Markdown text.
pub(crate) fn extract(clean: &str) -> Article {
    let stripped;
    let clean = if clean.contains(['<', '&']) {
        stripped = normalise(&strip_tags(clean));
        &stripped
    } else {
        clean
    };
    let mut lines: Vec<&str> = clean.split('\n').collect();
    let front_title = front_matter(&mut lines);

    let mut blocks: Vec<(String, Kind)> = Vec::new();
    let mut para: Vec<&str> = Vec::new();
    let end_para = |para: &mut Vec<&str>, blocks: &mut Vec<(String, Kind)>| {
        if !para.is_empty() {
            blocks.push((para.join(" "), Kind::Paragraph));
            para.clear();
        }
    };
    let mut fence: Option<&str> = None;
    for &line in &lines {
        if let Some(f) = fence {
            if line.starts_with(f) {
                fence = None;
            } else if !line.is_empty() {
                blocks.push((line.to_owned(), Kind::Code));
            }
            continue;
        }
        if line.starts_with("```") || line.starts_with("~~~") {
            end_para(&mut para, &mut blocks);
            fence = Some(&line[..3]);
            continue;
        }
        let mut line = line;
        while let Some(rest) = line.strip_prefix('>') {
            line = rest.trim_start();
        }
        if line.is_empty() {
            end_para(&mut para, &mut blocks);
        } else if let Some((level, text)) = atx_heading(line) {
            end_para(&mut para, &mut blocks);
            blocks.push((text.to_owned(), Kind::Heading(level)));
        } else if let Some(level) = setext_underline(line).filter(|_| !para.is_empty()) {
            blocks.push((para.join(" "), Kind::Heading(level)));
            para.clear();
        } else if is_thematic_break(line) || is_reference_definition(line) {
            end_para(&mut para, &mut blocks);
        } else if let Some(item) = list_item(line) {
            end_para(&mut para, &mut blocks);
            para.push(item);
        } else {
            para.push(line);
        }
    }
    end_para(&mut para, &mut blocks);

    let mut blocks: Vec<(String, Kind)> = blocks
        .into_iter()
        .map(|(text, kind)| match kind {
            Kind::Code => (one_line(&text), kind),
            _ => (one_line(&inline(&text)), kind),
        })
        .filter(|(text, _)| !text.is_empty())
        .collect();
    let title = match front_title {
        Some(t) => {
            if blocks
                .first()
                .is_some_and(|(b, k)| *k == Kind::Heading(1) && *b == t)
            {
                blocks.remove(0);
            }
            Some(t)
        }
        None => blocks
            .iter()
            .position(|(_, k)| *k == Kind::Heading(1))
            .map(|i| blocks.remove(i).0),
    };
    Article {
        title,
        blocks: blocks.into_iter().map(|(b, _)| b).collect(),
    }
}

/// Whether text without a telling file name is Markdown: it has an ATX
/// heading, a setext heading underline, a `[link](…)` or `**bold**`.
pub(crate) fn looks_like_markdown(clean: &str) -> bool {
    let mut prev = "";
    for line in clean.split('\n') {
        if atx_heading(line).is_some()
            || (setext_underline(line) == Some(1) && !prev.is_empty())
            || line.find('[').is_some_and(|i| line[i..].contains("]("))
            || line
                .find("**")
                .is_some_and(|i| line[i + 2..].contains("**"))
        {
            return true;
        }
        prev = line;
    }
    false
}

/// A YAML front matter block at the start (`---` … `---`) is removed from
/// `lines`; its `title:`, if any, is returned.
fn front_matter(lines: &mut Vec<&str>) -> Option<String> {
    if lines.first() != Some(&"---") {
        return None;
    }
    let end = lines
        .iter()
        .skip(1)
        .take(100)
        .position(|l| *l == "---" || *l == "...")?
        + 1;
    let title = lines[1..end]
        .iter()
        .find_map(|l| l.strip_prefix("title:"))
        .map(|t| t.trim().trim_matches(['"', '\'']).trim().to_owned())
        .filter(|t| !t.is_empty());
    lines.drain(..=end);
    title
}

fn atx_heading(line: &str) -> Option<(u8, &str)> {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = &line[hashes..];
    if !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    let text = rest.trim();
    // An optional closing sequence: "## Heading ##".
    let closed = text.trim_end_matches('#');
    let text = if closed.ends_with(' ') || closed.is_empty() {
        closed.trim_end()
    } else {
        text
    };
    Some((hashes as u8, text))
}

fn setext_underline(line: &str) -> Option<u8> {
    if line.len() >= 2 && line.bytes().all(|b| b == b'=') {
        Some(1)
    } else if line.len() >= 2 && line.bytes().all(|b| b == b'-') {
        Some(2)
    } else {
        None
    }
}

fn is_thematic_break(line: &str) -> bool {
    let marks: Vec<u8> = line.bytes().filter(|&b| b != b' ').collect();
    marks.len() >= 3
        && matches!(marks[0], b'-' | b'*' | b'_')
        && marks.iter().all(|&b| b == marks[0])
}

/// `[label]: https://…`, which defines a link and shows nothing.
fn is_reference_definition(line: &str) -> bool {
    line.starts_with('[')
        && line
            .find("]:")
            .is_some_and(|i| i > 1 && !line[i + 2..].trim().is_empty())
}

/// The text of a list item, without its marker (and task box).
fn list_item(line: &str) -> Option<&str> {
    let rest = if let Some(r) = line.strip_prefix(['-', '*', '+']) {
        r
    } else {
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 3 {
            return None;
        }
        line[digits..].strip_prefix(['.', ')'])?
    };
    let item = rest.strip_prefix(' ')?;
    let item = ["[ ] ", "[x] ", "[X] "]
        .iter()
        .find_map(|b| item.strip_prefix(b))
        .unwrap_or(item);
    Some(item)
}

/// A character of inline text, and whether it is literal (escaped, or inside
/// a code span) so that it is never taken for syntax.
type Char = (char, bool);

/// The text of a line of inline Markdown.
fn inline(s: &str) -> String {
    let mut chars: Vec<Char> = Vec::with_capacity(s.len());
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        match (c, it.peek()) {
            ('\\', Some(&n)) if n.is_ascii_punctuation() => {
                it.next();
                chars.push((n, true));
            }
            _ => chars.push((c, false)),
        }
    }
    let chars = links(&chars, 0);
    emphasis(&chars)
}

/// How deep links inside link text are unwrapped (`[![img](a)](b)` is two).
const MAX_LINK_NESTING: usize = 4;

/// Links become their text; images and autolink brackets go.
fn links(chars: &[Char], depth: usize) -> Vec<Char> {
    if depth > MAX_LINK_NESTING {
        return chars.to_vec();
    }
    let is = |i: usize, c: char| chars.get(i) == Some(&(c, false));
    let pair = bracket_pairs(chars);
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        if is(i, '!')
            && is(i + 1, '[')
            && let Some((_, after)) = link_at(chars, &pair, i + 1)
        {
            i = after;
            continue;
        }
        if is(i, '[')
            && let Some((close, after)) = link_at(chars, &pair, i)
        {
            out.extend(links(&chars[i + 1..close], depth + 1));
            i = after;
            continue;
        }
        if is(i, '<')
            && let Some(len) = autolink_at(&chars[i + 1..])
        {
            out.extend_from_slice(&chars[i + 1..i + 1 + len]);
            i += len + 2;
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// For a `[` at `open` that starts `[text](url)` or `[text][ref]`: where its
/// `]` is, and the index just after the whole link.
fn link_at(chars: &[Char], pair: &[usize], open: usize) -> Option<(usize, usize)> {
    let close = *pair.get(open).filter(|&&c| c != NONE)?;
    match chars.get(close + 1) {
        Some(('(' | '[', false)) => {
            let end = pair[close + 1];
            (end != NONE).then(|| (close, end + 1))
        }
        _ => None,
    }
}

const NONE: usize = usize::MAX;

/// For each opening `[` or `(`, the index of the bracket that closes it (or
/// [`NONE`]), found in one pass so that unclosed brackets cost nothing.
fn bracket_pairs(chars: &[Char]) -> Vec<usize> {
    let mut pair = vec![NONE; chars.len()];
    let (mut squares, mut rounds) = (Vec::new(), Vec::new());
    for (i, &(c, literal)) in chars.iter().enumerate() {
        let open = match (c, literal) {
            ('[', false) => &mut squares,
            ('(', false) => &mut rounds,
            (']', false) => {
                if let Some(o) = squares.pop() {
                    pair[o] = i;
                }
                continue;
            }
            (')', false) => {
                if let Some(o) = rounds.pop() {
                    pair[o] = i;
                }
                continue;
            }
            _ => continue,
        };
        open.push(i);
    }
    pair
}

/// The length of the URL or address in `<https://…>` or `<name@host>`, given
/// the characters after the `<`.
fn autolink_at(chars: &[Char]) -> Option<usize> {
    let len = chars
        .iter()
        .take(2000)
        .position(|&(c, _)| c == '>' || c == ' ' || c == '<')?;
    if chars[len].0 != '>' || len == 0 {
        return None;
    }
    let inner: String = chars[..len].iter().map(|&(c, _)| c).collect();
    let url = ["http://", "https://", "mailto:"]
        .iter()
        .any(|p| inner.starts_with(p));
    (url || inner.contains('@')).then_some(len)
}

/// How far ahead a closing emphasis marker is looked for.
const EMPHASIS_WINDOW: usize = 400;

/// Drops emphasis markers (`*`, `_`, `~~`) and code-span backticks that come in
/// opening and closing pairs; unpaired ones, and `_` inside words, stay.
fn emphasis(chars: &[Char]) -> String {
    let n = chars.len();
    let delimiter = |i: usize| -> Option<char> {
        let (c, literal) = *chars.get(i)?;
        (!literal && matches!(c, '*' | '_' | '~' | '`')).then_some(c)
    };
    let run_at = |i: usize, c: char| (i..n).take_while(|&j| delimiter(j) == Some(c)).count();
    let ch = |i: usize| chars.get(i).map(|&(c, _)| c);
    let mut drop = vec![false; n];
    let mut i = 0;
    while i < n {
        let Some(c) = delimiter(i).filter(|_| !drop[i]) else {
            i += 1;
            continue;
        };
        let run = run_at(i, c);
        let prev = i.checked_sub(1).and_then(ch);
        let next = ch(i + run);
        let can_open = next.is_some_and(|n| !n.is_whitespace())
            && (c != '_' || !prev.is_some_and(char::is_alphanumeric))
            && (c != '~' || run == 2);
        if can_open {
            let mut j = i + run;
            let limit = (i + EMPHASIS_WINDOW).min(n);
            let mut tries = 0;
            while j < limit && tries < 4 {
                if delimiter(j) != Some(c) {
                    j += 1;
                    continue;
                }
                let close_run = run_at(j, c);
                let before = ch(j - 1);
                let after = ch(j + close_run);
                let can_close = c == '`'
                    || (before.is_some_and(|b| !b.is_whitespace())
                        && (c != '_' || !after.is_some_and(char::is_alphanumeric)));
                if close_run == run && can_close && j > i + run {
                    drop[i..i + run].fill(true);
                    drop[j..j + run].fill(true);
                    break;
                }
                tries += 1;
                j += close_run;
            }
            if c == '`' && drop[i] {
                // A code span's content is literal: skip to its closing run.
                i = j + run;
                continue;
            }
        }
        i += run;
    }
    chars
        .iter()
        .zip(drop)
        .filter(|(_, d)| !d)
        .map(|(&(c, _), _)| c)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_syntax() {
        let cases = [
            ("plain words", "plain words"),
            (
                "*em* and **strong** and ***both***",
                "em and strong and both",
            ),
            ("_em_ and __strong__", "em and strong"),
            ("snake_case_name stays", "snake_case_name stays"),
            ("2 * 3 * 4 = 24", "2 * 3 * 4 = 24"),
            ("~~struck~~ ~5 km", "struck ~5 km"),
            ("use `a*b*c` here", "use a*b*c here"),
            ("[the text](https://x.org/a_(b)) after", "the text after"),
            ("[ref link][1] and [bare]", "ref link and [bare]"),
            ("![alt text](img.png)Caption", "Caption"),
            ("[![badge](b.svg)](https://x)", ""),
            ("see <https://example.org/x>", "see https://example.org/x"),
            ("a < b and c > d", "a < b and c > d"),
            (
                "\\*not em\\* and \\[not link\\](x)",
                "*not em* and [not link](x)",
            ),
            ("unpaired *star", "unpaired *star"),
            ("**Xi Jinping** met *Trump*.", "Xi Jinping met Trump."),
        ];
        for (md, expected) in cases {
            assert_eq!(inline(md), expected, "inline {md:?}");
        }
    }

    #[test]
    fn blocks() {
        let cases: Vec<(&str, Option<&str>, Vec<&str>)> = vec![
            (
                "# Title here\n\nFirst line\nwraps on.\n\n## Section ##\n\n- one\n- two",
                Some("Title here"),
                vec!["First line wraps on.", "Section", "one", "two"],
            ),
            (
                "Setext title\n============\n\nBody *text*.\n\n---\n\n> quoted\n> words",
                Some("Setext title"),
                vec!["Body text.", "quoted words"],
            ),
            (
                "---\ntitle: \"From front matter\"\ndate: 2025\n---\n# From front matter\n\n1. first\n2) second\n- [x] done",
                Some("From front matter"),
                vec!["first", "second", "done"],
            ),
            (
                "No title\n\n```\nlet *x* = 1;\n```\n\n[1]: https://x.org",
                None,
                vec!["No title", "let *x* = 1;"],
            ),
            (
                "#hashtag is not a heading",
                None,
                vec!["#hashtag is not a heading"],
            ),
            (
                "<div align=\"center\"><img src=\"logo.png\"/><h1>Inline HTML</h1></div>\n\n\
                 Text with <b>bold</b>, a<br/>break &amp; <https://x.org> and a < b.\n\n\
                 <!-- a\ncomment --><script>\nalert(1)\n</script><custom>kept</custom>",
                None,
                vec![
                    "Inline HTML",
                    "Text with bold, a",
                    "break & https://x.org and a < b.",
                    "<custom>kept</custom>",
                ],
            ),
        ];
        for (md, title, expected) in cases {
            let article = extract(md);
            assert_eq!(article.title.as_deref(), title, "title of {md:?}");
            assert_eq!(article.blocks, expected, "blocks of {md:?}");
        }
    }

    #[test]
    fn sniffing() {
        let cases = [
            ("# Heading\n\ntext", true),
            ("Title\n=====\n\ntext", true),
            ("see [this](https://x.org)", true),
            ("it is **very** good", true),
            ("Plain text with a #hashtag and 3*4.", false),
            ("A list:\n- one\n- two", false),
        ];
        for (text, md) in cases {
            assert_eq!(looks_like_markdown(text), md, "sniffing {text:?}");
        }
    }
}
