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
code-point offsets (spaCy's training-data style). Run check_gold.py afterwards.

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
    target.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return target


def main() -> int:
    ok = True
    for path in sorted((HERE / "annotated").glob("*/*.txt")):
        try:
            build_one(path)
        except ValueError as e:
            print(f"{path.relative_to(HERE)}: {e}", file=sys.stderr)
            ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
