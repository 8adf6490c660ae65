#!/usr/bin/env python3
"""Check that a displaCy JSON export is what spaCy's displaCy accepts.

Loads the file, checks every entity span against the text (offsets are code
points, as Python counts), then renders it with
``spacy.displacy.render(doc, style="ent", manual=True)`` and checks that every
entity's text appears in the rendered markup under its label.

    cargo run -q -p lede-analysis --example export -- displacy < article.txt > out.json
    eval/.venv/bin/python scripts/check_displacy.py out.json

With no file argument it exports the seed article itself (needs cargo), so the
whole chain runs end to end:

    eval/.venv/bin/python scripts/check_displacy.py

Exits non-zero, naming the first problem, if anything is off. spaCy comes from
``eval/setup.sh`` (it installs spaCy into ``eval/.venv``).
"""

import html
import json
import pathlib
import subprocess
import sys

from spacy import displacy

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_98b7338e0901f976.txt"


def export_seed() -> dict:
    out = subprocess.run(
        ["cargo", "run", "-q", "-p", "lede-analysis", "--example", "export", "--", "displacy", str(SEED)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout)


def check(doc: dict) -> int:
    text = doc["text"]
    assert isinstance(text, str), "text is a string"
    assert set(doc) >= {"text", "ents"}, f"keys: {sorted(doc)}"
    last_end = 0
    for i, ent in enumerate(doc["ents"]):
        assert set(ent) >= {"start", "end", "label", "kb_id"}, f"ent {i} keys: {sorted(ent)}"
        start, end = ent["start"], ent["end"]
        assert 0 <= start < end <= len(text), f"ent {i} {start}..{end} outside 0..{len(text)}"
        assert start >= last_end, f"ent {i} starts at {start}, before the previous end {last_end}"
        last_end = end
    markup = displacy.render(doc, style="ent", manual=True, page=False, jupyter=False)
    assert isinstance(markup, str) and markup, "displacy.render returned markup"
    # Each entity is drawn as a <mark> holding its text, then its label.
    for ent in doc["ents"]:
        shown = html.escape(text[ent["start"] : ent["end"]])
        assert shown in markup, f"{shown!r} is not in the rendered markup"
    assert markup.count("<mark") == len(doc["ents"]), "one <mark> per entity"
    return len(doc["ents"])


def main() -> None:
    if len(sys.argv) > 1:
        doc = json.loads(pathlib.Path(sys.argv[1]).read_text(encoding="utf-8"))
    else:
        doc = export_seed()
    n = check(doc)
    labels = sorted({e["label"] for e in doc["ents"]})
    linked = sum(1 for e in doc["ents"] if e["kb_id"])
    print(f"ok: displacy.render(manual=True) drew {n} entities ({', '.join(labels)}), {linked} linked to Wikidata")


if __name__ == "__main__":
    main()
