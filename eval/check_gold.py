#!/usr/bin/env python3
"""Validate the gold annotation files (eval/dev/*.json, eval/test/*.json).

Checks, for every file: the JSON has "text", "ents" and "source"; every span
is [start, end, LABEL] with 0 <= start < end <= len(text) in code points;
spans are sorted and do not overlap; the label is one of the 15 OntoNotes
labels we annotate; a span has no leading or trailing whitespace and does not
end in a possessive ('s, ’s) or in punctuation other than a closing "." of an
abbreviation or ")" of a balanced parenthesis.

It also prints style warnings for the conventions in GUIDELINES.md that a
machine can spot (they are reviewed by hand, not errors): a multi-word name
right after a lowercase "the" that was left outside the span, a span
"the X" with X a single word, and a word annotated with different labels in
one file.

Usage:
    python3 check_gold.py                 # validate all splits, exit 1 on errors
    python3 check_gold.py --show          # also print every span with its label
    python3 check_gold.py --show FILE...  # only these files
    python3 check_gold.py --stats         # texts, words and entities per label per split
"""
import argparse
import collections
import json
import pathlib
import re
import sys

import build_gold

HERE = pathlib.Path(__file__).resolve().parent
LABELS = [
    "PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "EVENT", "LAW",
    "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL",
]
NAME_LABELS = {"GPE", "LOC", "ORG", "FAC", "EVENT", "LAW"}


def load(path):
    return json.loads(pathlib.Path(path).read_text(encoding="utf-8"))


def check(path):
    """Return (errors, warnings) as lists of strings for one gold file."""
    errors, warnings = [], []
    try:
        doc = load(path)
    except (OSError, ValueError) as e:
        return [f"cannot read: {e}"], []
    for key in ("text", "ents", "source"):
        if key not in doc:
            errors.append(f"missing key {key!r}")
    if errors:
        return errors, warnings
    text, ents = doc["text"], doc["ents"]
    prev_end = 0
    for i, ent in enumerate(ents):
        if not (isinstance(ent, list) and len(ent) == 3):
            errors.append(f"entity {i} is not [start, end, label]: {ent!r}")
            continue
        start, end, label = ent
        where = f"[{start}, {end}, {label}]"
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            errors.append(f"{where}: out of range (text has {len(text)} code points)")
            continue
        span = text[start:end]
        where = f"[{start}, {end}, {label}] {span!r}"
        if label not in LABELS:
            errors.append(f"{where}: unknown label")
        if start < prev_end:
            errors.append(f"{where}: overlaps or is out of order with the previous span")
        prev_end = max(prev_end, end)
        if span != span.strip():
            errors.append(f"{where}: leading or trailing whitespace")
        if re.search(r"['’]s?$", span) and not span.endswith("s'") and label != "DATE":
            errors.append(f"{where}: ends in a possessive or apostrophe")
        if re.search(r"[,;:!?\"“”‘]$", span) or (span.endswith(")") and span.count("(") != span.count(")")):
            errors.append(f"{where}: ends in punctuation")
        if re.match(r"^[,;:!?\"“”‘’.(]", span):
            errors.append(f"{where}: starts with punctuation")
        # Token boundaries: a span must not cut a word in two.
        if start > 0 and text[start - 1].isalnum() and span[0].isalnum():
            errors.append(f"{where}: starts inside a word")
        if end < len(text) and text[end].isalnum() and span[-1].isalnum():
            errors.append(f"{where}: ends inside a word")
        if label in NAME_LABELS:
            words = span.split()
            if text[max(0, start - 4):start] in ("the ", "The ") and len(words) > 1 and words[0] not in ("the", "The"):
                warnings.append(f"{where}: multi-word name after 'the' without it")
            if words[0] in ("the", "The") and len(words) == 2 and span != "The Hague":
                warnings.append(f"{where}: 'the' + single word")
    if "themes" in doc:
        errors += check_themes(text, doc["themes"])
    by_text = collections.defaultdict(set)
    for start, end, label in ents:
        if label in NAME_LABELS | {"PERSON", "NORP"}:
            by_text[re.sub(r"^(the|The) ", "", text[start:end])].add(label)
    for name, labels in sorted(by_text.items()):
        if len(labels) > 1:
            warnings.append(f"{name!r} has labels {sorted(labels)}")
    return errors, warnings


def match_rows(text, rows, starts):
    """Pair each theme row, in reading order, with the next paragraph start
    (an offset from `starts`) that begins with its words: [(row, start or None)]."""
    pairs, i = [], 0
    for row in rows:
        j = next((k for k in range(i, len(starts)) if text.startswith(row["start"], starts[k])), None)
        pairs.append((row, None if j is None else starts[j]))
        if j is not None:
            i = j + 1
    return pairs


def check_themes(text, rows):
    """Every paragraph has one theme row, in order, and every row a paragraph."""
    errors = []
    starts = build_gold.paragraph_starts(text)
    pairs = match_rows(text, rows, starts)
    for row, start in pairs:
        if start is None:
            errors.append(f"theme row {row['start']!r} matches no later paragraph")
    claimed = {start for _, start in pairs}
    for s in starts:
        if s not in claimed:
            errors.append(f"paragraph {text[s:s + 40]!r}… has no theme row")
    return errors


def files(args_files):
    if args_files:
        return [pathlib.Path(f) for f in args_files]
    return sorted((HERE / "dev").glob("*.json")) + sorted((HERE / "test").glob("*.json"))


def stats():
    print(f"{'split':6} {'texts':>5} {'words':>6} {'ents':>5}  " + " ".join(f"{l[:5]:>5}" for l in LABELS)
          + "  themed paragraphs")
    for split in ("dev", "test"):
        paths = sorted((HERE / split).glob("*.json"))
        counts = collections.Counter()
        words = themed = 0
        for p in paths:
            doc = load(p)
            words += len(doc["text"].split())
            counts.update(e[2] for e in doc["ents"])
            themed += len(doc.get("themes", []))
        print(f"{split:6} {len(paths):5} {words:6} {sum(counts.values()):5}  "
              + " ".join(f"{counts[l]:5}" for l in LABELS) + f"  {themed}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--show", action="store_true", help="print every span")
    ap.add_argument("--stats", action="store_true", help="counts per split and label")
    ap.add_argument("--quiet", action="store_true", help="errors only, no style warnings")
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
    if args.stats:
        stats()
        return 0
    n_err = 0
    for path in files(args.files):
        errors, warnings = check(path)
        name = path.relative_to(HERE) if path.is_absolute() else path
        for e in errors:
            print(f"ERROR {name}: {e}")
        if not args.quiet:
            for w in warnings:
                print(f"warn  {name}: {w}")
        n_err += len(errors)
        if args.show:
            doc = load(path)
            print(f"== {name} ({len(doc['ents'])} entities)")
            for start, end, label in doc["ents"]:
                print(f"  {start:6} {end:6} {label:9} {doc['text'][start:end]}")
    print(f"{n_err} error(s)", file=sys.stderr)
    return 1 if n_err else 0


if __name__ == "__main__":
    sys.exit(main())
