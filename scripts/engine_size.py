#!/usr/bin/env python3
"""Stubs entry points of the analysis engine that the app calls, in a
throwaway copy of the repository (never in your working tree): each returns
an empty result at once, so the release build drops that part of the engine
and its data. `scripts/engine_size.sh` builds the app as it is and with each
set stubbed, and prints the differences: what each part adds to the download.

usage: engine_size.py TREE [entities|analysis|all]
  entities  entity recognition (`recognize`)
  analysis  entity recognition, theme scoring, key terms, the lexicon
  all       the analysis, and the file readers and exports (the default)"""
import pathlib
import sys

root = pathlib.Path(sys.argv[1]) / "crates/lede-analysis/src"

# (file, the function's first line, the statement put before its body)
STUBS = [
    ("entities/mod.rs", "pub fn recognize(doc: &Document) -> Entities {",
     "return Entities::default();"),
    ("themes/score.rs", "pub fn score(doc: &Document, lexicon: &Lexicon) -> ThemeReport {",
     "return ThemeReport { paragraphs: Vec::new(), totals: Vec::new(), sequence: Vec::new() };"),
    ("themes/suggest.rs", "pub fn suggest_terms(doc: &Document, n: usize) -> Vec<SuggestedTerm> {",
     "return Vec::new();"),
    ("themes/lexicon.rs", "    pub fn builtin() -> &'static Lexicon {",
     "static EMPTY: OnceLock<Lexicon> = OnceLock::new(); return EMPTY.get_or_init(|| Lexicon { "
     "themes: Vec::new().into(), neutral: Vec::new(), layer_of: Vec::new(), keys: Vec::new(), "
     "neutral_keys: Cow::Borrowed(\"\"), matcher: Matcher::default() });"),
    ("themes/lexicon.rs", "    pub fn with_theme(mut self, theme: Theme) -> Result<Lexicon, LexiconError> {",
     "return Ok(self);"),
    ("themes/lexicon.rs", "    ) -> Result<Theme, LexiconError> {",
     "return Err(LexiconError::new(ErrorKind::BadId { id: String::new() }));"),
    ("import/mod.rs", "pub fn import(name: Option<&str>, bytes: &[u8]) -> Result<Document, ImportError> {",
     "return Ok(Document::parse(std::str::from_utf8(bytes).unwrap_or_default()));"),
    ("import/mod.rs", "pub fn import_text(text: &str) -> Result<Document, ImportError> {",
     "return Ok(Document::parse(text));"),
    ("export/csv.rs", "pub fn entities_csv(", None),
    ("export/displacy.rs", "pub fn displacy(", None),
    ("export/json.rs", "pub fn full_json(", None),
    ("export/web_annotation.rs", "pub fn web_annotation(", None),
]

part = sys.argv[2] if len(sys.argv) > 2 else "all"
PARTS = {
    "entities": ("entities/",),
    "analysis": ("entities/", "themes/"),
    "all": ("entities/", "themes/", "import/", "export/"),
}
if part not in PARTS:
    sys.exit(f"unknown part {part!r}: one of {', '.join(PARTS)}")
STUBS = [s for s in STUBS if s[0].startswith(PARTS[part])]

for file, head, stub in STUBS:
    path = root / file
    text = path.read_text()
    at = text.index(head)
    body = text.index("{\n", at) + 2
    text = text[:body] + "    #[allow(unreachable_code)]\n    " + (stub or "return String::new();") + "\n" + text[body:]
    path.write_text(text)
    print(f"stubbed {file}: {head.strip()[:60]}")
