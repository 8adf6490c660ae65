#!/usr/bin/env python3
"""Build the gold JSON files from the hand-annotated markup files.

The annotation is authored inline, where a reviewer can read it in context:

    annotated/<split>/<name>.txt

    SOURCE: https://... (licence) | or: written for this set
    <blank line>
    [[Secretary of State]] is not marked, but [[Marco Rubio|PERSON]] spoke with
    [[Russian|NORP]] Foreign Minister [[Sergey Lavrov|PERSON]] [[today|DATE]].

Each `[[span|LABEL]]` becomes one gold entity; short label codes are accepted
(see ALIASES). The output is `<split>/<name>.json` =
`{"text": ..., "ents": [[start, end, "LABEL"], ...], "source": ...}` with
code-point offsets (spaCy's training-data style). It also rewrites SOURCES.md. Run check_gold.py afterwards.

Paragraph themes are annotated beside the text, in `annotated/<split>/<name>.themes`:
one line a paragraph, `its first words | primary themes | also acceptable`
(comma-separated theme ids of `crates/lede-analysis/data/themes.json`, `-` for
none; `#` starts a comment). They go into the JSON as
`"themes": [{"start": ..., "primary": [...], "acceptable": [...]}, ...]`.

Usage: python3 build_gold.py            # rebuild every split
"""
import json
import pathlib
import re
import sys

LABELS = [
    "PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "EVENT", "LAW",
    "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL",
]
ALIASES = {
    "P": "PERSON", "N": "NORP", "F": "FAC", "O": "ORG", "G": "GPE", "L": "LOC",
    "E": "EVENT", "D": "DATE", "T": "TIME", "PCT": "PERCENT", "M": "MONEY",
    "Q": "QUANTITY", "ORD": "ORDINAL", "C": "CARDINAL",
}
MARK = re.compile(r"\[\[([^\[\]|]+)\|([A-Z]+)\]\]")
HERE = pathlib.Path(__file__).resolve().parent
THEMES_JSON = HERE.parent / "crates" / "lede-analysis" / "data" / "themes.json"


def theme_ids():
    """The ids of the engine's default themes, in the lexicon's order."""
    return [t["id"] for t in json.loads(THEMES_JSON.read_text(encoding="utf-8"))["themes"]]


def parse(markup: str):
    """Return (text, ents) from a markup string; raise ValueError on bad markup."""
    out, ents, pos = [], [], 0
    length = 0
    for m in MARK.finditer(markup):
        before = markup[pos:m.start()]
        out.append(before)
        length += len(before)
        span, label = m.group(1), m.group(2)
        label = ALIASES.get(label, label)
        if label not in LABELS:
            raise ValueError(f"unknown label {label!r} on {span!r}")
        ents.append([length, length + len(span), label])
        out.append(span)
        length += len(span)
        pos = m.end()
    out.append(markup[pos:])
    text = "".join(out)
    for bad in ("[[", "]]"):
        if bad in text:
            i = text.index(bad)
            raise ValueError(f"stray {bad!r} near {text[max(0, i - 40):i + 40]!r}")
    return text, ents


def parse_themes(source: str, known=None):
    """Return the rows of a `.themes` file; raise ValueError on a bad line.

    Each row is {"start": first words, "primary": [ids], "acceptable": [ids]}.
    Rows are in reading order: each belongs to the next paragraph that starts
    with its words, so paragraphs that read alike ("The below is attributable
    to …") need no longer prefixes.
    """
    known = set(theme_ids() if known is None else known)
    rows = []
    for n, line in enumerate(source.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = [p.strip() for p in line.split(" | ")]
        if len(parts) != 3 or not parts[0]:
            raise ValueError(f"line {n}: want 'first words | primary | acceptable', got {line!r}")
        start, lists = parts[0], []
        for field in parts[1:]:
            ids = [] if field == "-" else [i.strip() for i in field.split(",")]
            for i in ids:
                if i not in known:
                    raise ValueError(f"line {n}: unknown theme {i!r} (themes are {sorted(known)})")
            if len(set(ids)) != len(ids):
                raise ValueError(f"line {n}: a theme is listed twice in {field!r}")
            lists.append(ids)
        if set(lists[0]) & set(lists[1]):
            raise ValueError(f"line {n}: a theme is both primary and acceptable")
        rows.append({"start": start, "primary": lists[0], "acceptable": lists[1]})
    return rows


def paragraph_starts(text: str):
    """Code-point offsets of the blocks the engine reads as paragraphs or notes.

    Blocks are separated by blank lines; the first is the headline when it is
    one short line that does not end in . , ; or :, and a block starting "By "
    right after it is the byline (`Document::parse`'s rules).
    """
    starts, pos = [], 0
    for i, block in enumerate(text.split("\n\n")):
        stripped = block.strip()
        lead = len(block) - len(block.lstrip())
        title = (i == 0 and "\n" not in stripped and len(stripped) <= 200
                 and not stripped.endswith((".", ",", ";", ":")) and not stripped[:1].islower())
        byline = i == 1 and not starts and stripped.startswith("By ")
        if stripped and not title and not byline:
            starts.append(pos + lead)
        pos += len(block) + 2
    return starts


def build_one(path: pathlib.Path) -> pathlib.Path:
    raw = path.read_text(encoding="utf-8")
    header, sep, body = raw.partition("\n\n")
    if not sep or not header.startswith("SOURCE: "):
        raise ValueError(f"{path}: first line must be 'SOURCE: ...' followed by a blank line")
    text, ents = parse(body.strip("\n") + "\n")
    split = path.parent.name
    target = HERE / split / (path.stem + ".json")
    target.parent.mkdir(parents=True, exist_ok=True)
    doc = {"text": text, "ents": ents, "source": header[len("SOURCE: "):].strip()}
    themes = path.with_suffix(".themes")
    if themes.exists():
        try:
            doc["themes"] = parse_themes(themes.read_text(encoding="utf-8"))
        except ValueError as e:
            raise ValueError(f"{themes.name}: {e}") from None
    target.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return target


SOURCES_HEAD = """# Sources of the evaluation texts

Generated by `build_gold.py` from the `SOURCE:` line of each file under
`annotated/`; do not edit by hand.

Three kinds of text:

- **Real official texts** in the public domain or under an open licence:
  U.S. government works (State Department and White House readouts; 17 U.S.C.
  105 puts them in the public domain) and UK Prime Minister's Office readouts
  (Crown copyright, Open Government Licence v3.0). They were found with the
  project's search tool on the pages that reproduce them (listed per file) and
  copied as published there; obvious scraping errors were corrected ("airmed"
  -> "affirmed"; "harm USA or its allies" restored to the White House
  wording "harm us or our allies") and a truncated last sentence was dropped.
- **Texts written for this set**: realistic wire reports, readouts, a UN-style
  meeting summary and an opinion column, with real public figures, places and
  institutions but **invented events and figures**. They are not news and must
  not be quoted as fact. They are released under CC0 by the Lede project.
- **Wikinews articles** (`w75` onwards, in both splits), licensed CC BY 2.5
  (attribution: Wikinews; each file cites its article's address), taken
  from the GUM corpus (Georgetown University Multilayer corpus,
  https://github.com/amir-zeldes/gum), whose tokens and paragraphs were
  joined back into running text in Wikinews's wording, its "(it)" source
  marks and typos kept; image captions, pull quotes and "Sources" tails
  left out.

| split | file | words | entities | source and licence |
|---|---|---:|---:|---|
"""


def write_sources() -> None:
    rows = []
    for split in ("dev", "test"):
        for target in sorted((HERE / split).glob("*.json")):
            doc = json.loads(target.read_text(encoding="utf-8"))
            source = doc["source"].replace("|", "/")
            rows.append(f"| {split} | `{split}/{target.name}` | {len(doc['text'].split())} "
                        f"| {len(doc['ents'])} | {source} |")
    (HERE / "SOURCES.md").write_text(SOURCES_HEAD + "\n".join(rows) + "\n", encoding="utf-8")


def main() -> int:
    ok = True
    for path in sorted((HERE / "annotated").glob("*/*.txt")):
        try:
            build_one(path)
        except ValueError as e:
            print(f"{path.relative_to(HERE)}: {e}", file=sys.stderr)
            ok = False
    if ok:
        write_sources()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
