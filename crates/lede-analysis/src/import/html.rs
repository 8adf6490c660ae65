//! HTML reduced to its readable text by a small tokenizer: nothing is ever
//! rendered, fetched or run.
//!
//! The tokenizer knows just enough HTML to find text safely: tags with quoted
//! attributes, comments, doctypes, and the raw-text elements (`<script>`,
//! `<style>`, `<title>`, `<textarea>`) whose content is not markup. Content that
//! is not article text is dropped: scripts, styles, `<noscript>`, `<template>`,
//! `<head>` (but its `<title>`), navigation, forms' controls, embedded media.
//! Block elements end a paragraph; the first `<h1>`, or else the `<title>`,
//! becomes the title.

use super::text::{Article, one_line};

/// Elements whose content is raw text up to their end tag, never markup.
const RAW_TEXT: &[&str] = &[
    "script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// Elements whose whole content is dropped.
const SKIPPED: &[&str] = &[
    "script", "style", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript", "template",
    "head", "nav", "svg", "math", "button", "select", "object", "canvas", "audio", "video",
    "picture", "map", "datalist", "dialog",
];

/// Elements that end one paragraph and start the next.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "center",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
    "option",
];

/// Elements that never have content or an end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// Inline elements counted, with [`BLOCKS`], when sniffing for HTML.
const INLINE: &[&str] = &[
    "a", "b", "i", "em", "strong", "span", "img", "meta", "link", "script", "style", "head",
    "title", "small", "sup", "sub", "td", "th", "time", "abbr", "cite", "q", "code", "u", "s",
    "del", "ins", "mark", "kbd", "font", "big", "strike", "tt", "dfn", "label",
];

#[derive(Debug, PartialEq, Eq)]
enum Token<'a> {
    Text(&'a str),
    Start { name: String, self_closing: bool },
    End { name: String },
}

/// Splits HTML into text and tags; comments, doctypes and processing
/// instructions are passed over.
struct Tokenizer<'a> {
    src: &'a str,
    pos: usize,
    /// After the start tag of a raw-text element, its end tag's name.
    raw_until: Option<String>,
    /// Where the last token returned starts.
    token_start: usize,
}

impl<'a> Tokenizer<'a> {
    fn new(src: &'a str) -> Tokenizer<'a> {
        Tokenizer {
            src,
            pos: 0,
            raw_until: None,
            token_start: 0,
        }
    }

    fn rest(&self) -> &'a str {
        &self.src[self.pos..]
    }

    /// Moves past the first `needle` at or after the current position (ASCII
    /// case-insensitively), or to the end; returns the text skipped over.
    fn skip_past(&mut self, needle: &str) -> &'a str {
        let start = self.pos;
        let found = find_ignore_case(self.rest(), needle);
        match found {
            Some(i) => {
                self.pos += i + needle.len();
                &self.src[start..start + i]
            }
            None => {
                self.pos = self.src.len();
                &self.src[start..]
            }
        }
    }

    /// Reads a tag name at the current position, lowercased.
    fn name(&mut self) -> String {
        let len = self
            .rest()
            .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
            .unwrap_or(self.rest().len());
        let name = self.rest()[..len].to_ascii_lowercase();
        self.pos += len;
        name
    }

    /// Skips a tag's attributes, respecting quoted values; returns whether the
    /// tag ended with `/>`.
    fn attributes(&mut self) -> bool {
        let bytes = self.src.as_bytes();
        let mut slash = false;
        while self.pos < bytes.len() {
            match bytes[self.pos] {
                b'>' => {
                    self.pos += 1;
                    return slash;
                }
                b'/' => {
                    slash = true;
                    self.pos += 1;
                }
                b'=' => {
                    self.pos += 1;
                    while self.pos < bytes.len() && bytes[self.pos].is_ascii_whitespace() {
                        self.pos += 1;
                    }
                    if let Some(&q @ (b'"' | b'\'')) = bytes.get(self.pos) {
                        self.pos += 1;
                        match bytes[self.pos..].iter().position(|&b| b == q) {
                            Some(i) => self.pos += i + 1,
                            None => self.pos = bytes.len(),
                        }
                    }
                    slash = false;
                }
                b if b.is_ascii_whitespace() => self.pos += 1,
                _ => {
                    slash = false;
                    self.pos += 1;
                }
            }
        }
        slash
    }
}

impl<'a> Iterator for Tokenizer<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        loop {
            self.token_start = self.pos;
            if self.pos >= self.src.len() {
                return None;
            }
            if let Some(name) = self.raw_until.take() {
                let start = self.pos;
                let end = find_end_tag(self.rest(), &name).map_or(self.src.len(), |i| start + i);
                self.pos = end;
                if end > start {
                    // The end tag itself comes on the next call.
                    return Some(Token::Text(&self.src[start..end]));
                }
                continue;
            }
            let rest = self.rest();
            if !rest.starts_with('<') {
                let len = rest.find('<').unwrap_or(rest.len());
                self.pos += len;
                return Some(Token::Text(&rest[..len]));
            }
            let after = rest.as_bytes().get(1).copied();
            match after {
                Some(b'!') if rest.starts_with("<!--") => {
                    self.pos += 4;
                    self.skip_past("-->");
                }
                Some(b'!' | b'?') => {
                    self.skip_past(">");
                }
                Some(b'/') if rest.as_bytes().get(2).is_some_and(u8::is_ascii_alphabetic) => {
                    self.pos += 2;
                    let name = self.name();
                    self.skip_past(">");
                    return Some(Token::End { name });
                }
                Some(c) if c.is_ascii_alphabetic() => {
                    self.pos += 1;
                    let name = self.name();
                    let self_closing = self.attributes();
                    if RAW_TEXT.contains(&name.as_str()) && !self_closing {
                        self.raw_until = Some(name.clone());
                    }
                    return Some(Token::Start { name, self_closing });
                }
                _ => {
                    // A "<" that opens no tag is text.
                    self.pos += 1;
                    return Some(Token::Text("<"));
                }
            }
        }
    }
}

/// Where `</name` (followed by a space, `/` or `>`, or the end) starts in `s`.
fn find_end_tag(s: &str, name: &str) -> Option<usize> {
    let needle = format!("</{name}");
    let mut from = 0;
    while let Some(i) = find_ignore_case(&s[from..], &needle) {
        let at = from + i;
        let next = s.as_bytes().get(at + needle.len());
        if next.is_none_or(|b| b.is_ascii_whitespace() || *b == b'/' || *b == b'>') {
            return Some(at);
        }
        from = at + needle.len();
    }
    None
}

fn find_ignore_case(haystack: &str, needle: &str) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    if n.len() > h.len() {
        return None;
    }
    (0..=h.len() - n.len()).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// The [`SKIPPED`] elements open around the current token, innermost last.
/// An end tag closes the innermost open element of its name and all inside
/// it; each name's open elements are also listed apart, so that neither a
/// matched nor an unmatched end tag searches the stack (with thousands of
/// unclosed `<nav>`s, each unmatched `</div>` did).
struct Skipping {
    /// Indices into [`SKIPPED`].
    stack: Vec<usize>,
    /// Per element of [`SKIPPED`], where it is open in `stack`, innermost last.
    at: [Vec<usize>; SKIPPED.len()],
}

impl Default for Skipping {
    fn default() -> Skipping {
        Skipping {
            stack: Vec::new(),
            at: std::array::from_fn(|_| Vec::new()),
        }
    }
}

impl Skipping {
    fn is_empty(&self) -> bool {
        self.stack.is_empty()
    }

    /// Whether only `<head>` is open.
    fn is_head(&self) -> bool {
        matches!(self.stack[..], [k] if SKIPPED[k] == "head")
    }

    fn clear(&mut self) {
        self.stack.clear();
        self.at.iter_mut().for_each(Vec::clear);
    }

    /// Opens `name`, one of [`SKIPPED`].
    fn open(&mut self, name: &str) {
        let k = SKIPPED
            .iter()
            .position(|s| *s == name)
            .expect("only skipped elements are opened");
        self.at[k].push(self.stack.len());
        self.stack.push(k);
    }

    /// Closes the innermost open `name` and all inside it; false if no
    /// `name` is open.
    fn close(&mut self, name: &str) -> bool {
        crate::steps::step();
        let Some(k) = SKIPPED.iter().position(|s| *s == name) else {
            return false;
        };
        let Some(&i) = self.at[k].last() else {
            return false;
        };
        while self.stack.len() > i {
            crate::steps::step();
            let top = self.stack.pop().expect("the stack holds position i");
            self.at[top].pop();
        }
        true
    }
}

/// Where a block of the page stands: in which `<article>` (the innermost
/// open one, numbered in the order they start) and whether in `<main>`.
#[derive(Clone, Copy, Default)]
struct Region {
    article: Option<usize>,
    main: bool,
}

/// A block of the page's text.
struct Block {
    text: String,
    h1: bool,
    region: Region,
}

/// The blocks of the story, where the page marks it: a saved news page
/// holds its menus, teasers, share links and footer too. The story is the
/// `<article>` with the most text (the page's others are teasers or
/// comments), or else `<main>`, or else the whole page.
fn story(blocks: Vec<Block>) -> Vec<Block> {
    let mut text_per_article: Vec<usize> = Vec::new();
    for b in &blocks {
        if let Some(a) = b.region.article {
            if text_per_article.len() <= a {
                text_per_article.resize(a + 1, 0);
            }
            text_per_article[a] += b.text.len();
        }
    }
    // The first of the longest.
    let longest =
        (0..text_per_article.len()).max_by_key(|&a| (text_per_article[a], usize::MAX - a));
    if longest.is_none() && !blocks.iter().any(|b| b.region.main) {
        return blocks;
    }
    let keep = |b: &Block| match longest {
        Some(a) => b.region.article == Some(a),
        None => b.region.main,
    };
    // A headline just before the story (in the page's header) is its title.
    let first = blocks.iter().position(keep);
    let headline = first
        .filter(|&i| !blocks[i..].iter().any(|b| b.h1 && keep(b)))
        .and_then(|i| blocks[..i].iter().rposition(|b| b.h1));
    blocks
        .into_iter()
        .enumerate()
        .filter(|(i, b)| keep(b) || Some(*i) == headline)
        .map(|(_, b)| b)
        .collect()
}

/// The readable text of an HTML page: its title and paragraphs.
pub(crate) fn extract(html: &str) -> Article {
    let mut blocks: Vec<Block> = Vec::new();
    let mut current = String::new();
    let mut skipping = Skipping::default();
    let mut in_h1 = false;
    let mut in_pre = 0usize;
    let mut in_title = false;
    let mut page_title = String::new();
    let mut articles: Vec<usize> = Vec::new();
    let mut article_count = 0usize;
    let mut in_main = 0usize;

    let flush = |current: &mut String, blocks: &mut Vec<Block>, h1: bool, region: Region| {
        let line = one_line(current);
        current.clear();
        if !line.is_empty() {
            blocks.push(Block {
                text: line,
                h1,
                region,
            });
        }
    };
    let region = |articles: &[usize], in_main: usize| Region {
        article: articles.last().copied(),
        main: in_main > 0,
    };

    for token in Tokenizer::new(html) {
        match token {
            Token::Text(t) if in_title => page_title.push_str(t),
            Token::Text(_) if !skipping.is_empty() => {}
            Token::Text(t) => {
                let text = decode_entities(t);
                if in_pre > 0 && text.contains('\n') {
                    let mut lines = text.split('\n');
                    current.push_str(lines.next().unwrap_or(""));
                    for line in lines {
                        flush(&mut current, &mut blocks, in_h1, region(&articles, in_main));
                        current.push_str(line);
                    }
                } else {
                    current.push_str(&text);
                }
            }
            Token::Start { name, self_closing } => {
                let name = name.as_str();
                let in_head = skipping.is_empty() || skipping.is_head();
                if name == "title" && !self_closing && in_head {
                    in_title = true;
                    continue;
                }
                // A page that never closes its <head> starts its body anyway.
                if skipping.is_head() && (name == "body" || BLOCKS.contains(&name)) {
                    skipping.clear();
                }
                if SKIPPED.contains(&name) {
                    if !self_closing && !VOID.contains(&name) {
                        skipping.open(name);
                    }
                    continue;
                }
                if !skipping.is_empty() {
                    continue;
                }
                if BLOCKS.contains(&name) {
                    flush(&mut current, &mut blocks, in_h1, region(&articles, in_main));
                } else if name == "td" || name == "th" {
                    current.push(' ');
                }
                match name {
                    "h1" => in_h1 = true,
                    "pre" => in_pre += 1,
                    "article" if !self_closing => {
                        articles.push(article_count);
                        article_count += 1;
                    }
                    "main" if !self_closing => in_main += 1,
                    _ => {}
                }
            }
            Token::End { name } => {
                let name = name.as_str();
                if name == "title" {
                    in_title = false;
                    continue;
                }
                if skipping.close(name) {
                    continue;
                }
                if !skipping.is_empty() {
                    continue;
                }
                if BLOCKS.contains(&name) {
                    flush(&mut current, &mut blocks, in_h1, region(&articles, in_main));
                }
                match name {
                    "h1" => in_h1 = false,
                    "pre" => in_pre = in_pre.saturating_sub(1),
                    "article" => {
                        articles.pop();
                    }
                    "main" => in_main = in_main.saturating_sub(1),
                    _ => {}
                }
            }
        }
    }
    flush(&mut current, &mut blocks, in_h1, region(&articles, in_main));

    let mut blocks = story(blocks);
    let title = match blocks.iter().position(|b| b.h1) {
        Some(i) => Some(blocks.remove(i).text),
        None => {
            let t = one_line(&decode_entities(&page_title));
            if blocks.first().is_some_and(|first| first.text == t) {
                blocks.remove(0);
            }
            Some(t).filter(|t| !t.is_empty())
        }
    };
    Article {
        title,
        blocks: blocks.into_iter().map(|b| b.text).collect(),
    }
}

/// Markdown's inline HTML set aside: tags of known HTML elements and comments
/// go (block elements leave a blank line, so that Markdown sees a paragraph
/// break), the content of scripts, styles and the like goes with them, and
/// character references are decoded. Anything else that looks like a tag,
/// such as an autolink `<https://…>`, stays as written.
pub(crate) fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut skipping = Skipping::default();
    let mut tokens = Tokenizer::new(s);
    while let Some(token) = tokens.next() {
        let raw = &s[tokens.token_start..tokens.pos];
        match token {
            Token::Text(_) if !skipping.is_empty() => {}
            Token::Text(t) => out.push_str(&decode_entities(t)),
            Token::Start { name, self_closing } => {
                let name = name.as_str();
                if SKIPPED.contains(&name) && name != "head" {
                    if !self_closing && !VOID.contains(&name) {
                        skipping.open(name);
                    }
                } else if skipping.is_empty() {
                    if BLOCKS.contains(&name) {
                        out.push_str("\n\n");
                    } else if !(INLINE.contains(&name) || VOID.contains(&name) || name == "title") {
                        out.push_str(raw);
                    }
                }
            }
            Token::End { name } => {
                let name = name.as_str();
                if !skipping.close(name) && skipping.is_empty() {
                    if BLOCKS.contains(&name) {
                        out.push_str("\n\n");
                    } else if !(INLINE.contains(&name) || name == "title") {
                        out.push_str(raw);
                    }
                }
            }
        }
    }
    out
}

/// Whether text is an HTML page rather than text that mentions a tag or two:
/// it starts with a doctype or `<html>`, or holds at least eight tags of
/// known elements, three of them block elements.
pub(crate) fn looks_like_html(s: &str) -> bool {
    let start = s.trim_start().as_bytes();
    let starts = |p: &[u8]| start.len() >= p.len() && start[..p.len()].eq_ignore_ascii_case(p);
    if starts(b"<!doctype html") || starts(b"<html") {
        return true;
    }
    let (mut tags, mut blocks) = (0, 0);
    for token in Tokenizer::new(s) {
        let name = match &token {
            Token::Start { name, .. } | Token::End { name } => name.as_str(),
            Token::Text(_) => continue,
        };
        if BLOCKS.contains(&name) {
            blocks += 1;
            tags += 1;
        } else if INLINE.contains(&name) || SKIPPED.contains(&name) {
            tags += 1;
        }
        if tags >= 8 && blocks >= 3 {
            return true;
        }
    }
    false
}

/// Replaces character references (`&amp;`, `&rsquo;`, `&#8217;`, `&#x2019;`)
/// by the characters they stand for. An unknown name is left as it is.
pub(crate) fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        match reference(rest) {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character a reference at the start of `s` stands for, and its length.
fn reference(s: &str) -> Option<(char, usize)> {
    let body = &s[1..];
    if let Some(num) = body.strip_prefix('#') {
        let (digits, radix, skip) = match num.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16, 2),
            None => (num, 10, 1),
        };
        let len = digits
            .find(|c: char| !c.is_digit(radix))
            .unwrap_or(digits.len());
        if len == 0 {
            return None;
        }
        let value = u32::from_str_radix(&digits[..len.min(8)], radix).unwrap_or(u32::MAX);
        let semicolon = usize::from(digits[len..].starts_with(';'));
        return Some((numeric(value), 1 + skip + len + semicolon));
    }
    let len = body.find(';')?;
    let name = &body[..len];
    let c = NAMED.iter().find(|(n, _)| *n == name).map(|&(_, c)| c)?;
    Some((c, 1 + len + 1))
}

/// A numeric reference's character, read as browsers do: the C1 range as
/// Windows-1252 (`&#146;` is ’), anything that is no character as U+FFFD.
fn numeric(value: u32) -> char {
    const CP1252: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match value {
        0x80..=0x9F => CP1252[(value - 0x80) as usize],
        0 => '\u{FFFD}',
        v => char::from_u32(v).unwrap_or('\u{FFFD}'),
    }
}

/// The named references articles use: markup, spaces and dashes, quotation
/// marks, symbols, and the accented letters of European names.
const NAMED: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{A0}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("thinsp", '\u{2009}'),
    ("zwsp", '\u{200B}'),
    ("zwnj", '\u{200C}'),
    ("zwj", '\u{200D}'),
    ("lrm", '\u{200E}'),
    ("rlm", '\u{200F}'),
    ("shy", '\u{AD}'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("minus", '−'),
    ("hellip", '…'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("bdquo", '„'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("lsaquo", '‹'),
    ("rsaquo", '›'),
    ("prime", '′'),
    ("Prime", '″'),
    ("bull", '•'),
    ("middot", '·'),
    ("dagger", '†'),
    ("Dagger", '‡'),
    ("sect", '§'),
    ("para", '¶'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("deg", '°'),
    ("plusmn", '±'),
    ("times", '×'),
    ("divide", '÷'),
    ("frac12", '½'),
    ("frac14", '¼'),
    ("frac34", '¾'),
    ("sup2", '²'),
    ("sup3", '³'),
    ("micro", 'µ'),
    ("permil", '‰'),
    ("euro", '€'),
    ("pound", '£'),
    ("yen", '¥'),
    ("cent", '¢'),
    ("curren", '¤'),
    ("iexcl", '¡'),
    ("iquest", '¿'),
    ("ordf", 'ª'),
    ("ordm", 'º'),
    ("larr", '←'),
    ("rarr", '→'),
    ("uarr", '↑'),
    ("darr", '↓'),
    ("agrave", 'à'),
    ("aacute", 'á'),
    ("acirc", 'â'),
    ("atilde", 'ã'),
    ("auml", 'ä'),
    ("aring", 'å'),
    ("aelig", 'æ'),
    ("ccedil", 'ç'),
    ("egrave", 'è'),
    ("eacute", 'é'),
    ("ecirc", 'ê'),
    ("euml", 'ë'),
    ("igrave", 'ì'),
    ("iacute", 'í'),
    ("icirc", 'î'),
    ("iuml", 'ï'),
    ("eth", 'ð'),
    ("ntilde", 'ñ'),
    ("ograve", 'ò'),
    ("oacute", 'ó'),
    ("ocirc", 'ô'),
    ("otilde", 'õ'),
    ("ouml", 'ö'),
    ("oslash", 'ø'),
    ("ugrave", 'ù'),
    ("uacute", 'ú'),
    ("ucirc", 'û'),
    ("uuml", 'ü'),
    ("yacute", 'ý'),
    ("yuml", 'ÿ'),
    ("thorn", 'þ'),
    ("szlig", 'ß'),
    ("oelig", 'œ'),
    ("scaron", 'š'),
    ("zcaron", 'ž'),
    ("Agrave", 'À'),
    ("Aacute", 'Á'),
    ("Acirc", 'Â'),
    ("Atilde", 'Ã'),
    ("Auml", 'Ä'),
    ("Aring", 'Å'),
    ("AElig", 'Æ'),
    ("Ccedil", 'Ç'),
    ("Egrave", 'È'),
    ("Eacute", 'É'),
    ("Ecirc", 'Ê'),
    ("Euml", 'Ë'),
    ("Igrave", 'Ì'),
    ("Iacute", 'Í'),
    ("Icirc", 'Î'),
    ("Iuml", 'Ï'),
    ("ETH", 'Ð'),
    ("Ntilde", 'Ñ'),
    ("Ograve", 'Ò'),
    ("Oacute", 'Ó'),
    ("Ocirc", 'Ô'),
    ("Otilde", 'Õ'),
    ("Ouml", 'Ö'),
    ("Oslash", 'Ø'),
    ("Ugrave", 'Ù'),
    ("Uacute", 'Ú'),
    ("Ucirc", 'Û'),
    ("Uuml", 'Ü'),
    ("Yacute", 'Ý'),
    ("THORN", 'Þ'),
    ("OElig", 'Œ'),
    ("Scaron", 'Š'),
    ("Zcaron", 'Ž'),
    ("Yuml", 'Ÿ'),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities() {
        let cases = [
            ("Tom &amp; Jerry", "Tom & Jerry"),
            ("&lt;b&gt; is &quot;bold&quot; &apos;", "<b> is \"bold\" '"),
            (
                "China&rsquo;s &lsquo;a&rsquo; &ldquo;b&rdquo;",
                "China’s ‘a’ “b”",
            ),
            ("1&ndash;2 &mdash; wait&hellip;", "1–2 — wait…"),
            ("&#8217; &#x2019; &#X2019; &#146;", "’ ’ ’ ’"),
            ("&#128512; &#x1F600;", "😀 😀"),
            ("&#0; &#xD800; &#99999999999;", "\u{FFFD} \u{FFFD} \u{FFFD}"),
            ("caf&eacute; Z&uuml;rich", "café Zürich"),
            ("&unknown; & &; &#; &#x;", "&unknown; & &; &#; &#x;"),
            ("&amp;amp;", "&amp;"),
            ("AT&T", "AT&T"),
        ];
        for (input, expected) in cases {
            assert_eq!(decode_entities(input), expected, "decoding {input:?}");
        }
    }

    #[test]
    fn tokens() {
        use Token::*;
        let start = |n: &str| Start {
            name: n.into(),
            self_closing: false,
        };
        let end = |n: &str| End { name: n.into() };
        let cases: Vec<(&str, Vec<Token>)> = vec![
            (
                "<P class=\"a>b\">x</P>",
                vec![start("p"), Text("x"), end("p")],
            ),
            (
                "a < b <!-- <p> --> c",
                vec![Text("a "), Text("<"), Text(" b "), Text(" c")],
            ),
            (
                "<script>if (a<b) '</p>'</script>t",
                vec![
                    start("script"),
                    Text("if (a<b) '</p>'"),
                    end("script"),
                    Text("t"),
                ],
            ),
            (
                "<br/><img src='x' onerror=alert(1) />",
                vec![
                    Start {
                        name: "br".into(),
                        self_closing: true,
                    },
                    Start {
                        name: "img".into(),
                        self_closing: true,
                    },
                ],
            ),
            ("<a title=it's>x", vec![start("a"), Text("x")]),
            ("<p unterminated", vec![start("p")]),
        ];
        for (html, expected) in cases {
            let got: Vec<Token> = Tokenizer::new(html).collect();
            assert_eq!(got, expected, "tokenizing {html:?}");
        }
    }

    #[test]
    fn dropped_elements_are_closed_in_linear_steps() {
        // Elements whose content is dropped, never closed, among end tags
        // that close nothing; then as deep, closed in order.
        fn unclosed(n: usize) -> String {
            let tags = ["<nav>", "</div>", "<svg>", "</p>", "<select>", "</b>"];
            let body: String = (0..n).map(|i| format!("{}w ", tags[i % 6])).collect();
            format!("<p>Text.</p>{body}")
        }
        fn nested(n: usize) -> String {
            let open: String = (0..n).map(|i| format!("<svg>{i} ")).collect();
            format!("<p>Text.</p>{open}{}", "</svg>".repeat(n))
        }
        crate::steps::assert_linear(&[("unclosed", unclosed), ("nested", nested)], 500, |html| {
            assert_eq!(extract(html).blocks, ["Text."]);
            strip_tags(html);
        });
    }
}
