#!/usr/bin/env python3
"""How far two careful readers agree on paragraph themes: a second reading
(B, eval/agreement/<split>/*.themes, all 30 test texts and the first 12 dev
texts, written from the texts and GUIDELINES.md alone, before A's were read)
scored against the set's own (A, in eval/<split>/*.json) exactly as
evaluate.py scores the engine, and the reverse, with the themes each
reader names as primary where the other does not.

Usage (from the repository's root): python3 eval/agreement/agree.py
"""
import collections
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
import build_gold  # noqa: E402
import check_gold  # noqa: E402
import evaluate  # noqa: E402


def readings(split):
    """Each text of `split` B read: its gold document (A's rows), and B's rows."""
    docs = {d["name"]: d for d in evaluate.load_split(split)}
    for path in sorted((HERE / split).glob("*.themes")):
        doc = docs[path.stem]
        rows = build_gold.parse_themes(path.read_text(encoding="utf-8"))
        problems = check_gold.check_themes(doc["text"], rows)
        if problems:
            sys.exit(f"{path}: {problems[0]}")
        yield doc, rows


def as_prediction(doc, rows):
    """`rows`' primary themes as the paragraphs evaluate.theme_counts scores."""
    starts = build_gold.paragraph_starts(doc["text"])
    return [(s, None, set(r["primary"])) for r, s in check_gold.match_rows(doc["text"], rows, starts)
            if s is not None]


def by_theme(docs, predictions):
    """Per theme: the gold's primaries, the other's, those the other missed,
    added, and gave that the gold does not even accept."""
    c = collections.defaultdict(collections.Counter)
    for _, row, about in evaluate.theme_pairs(docs, predictions):
        primary, ok = set(row["primary"]), set(row["primary"]) | set(row["acceptable"])
        for t in primary:
            c["gold"][t] += 1
        for t in about:
            c["other"][t] += 1
        for t in primary - about:
            c["missed"][t] += 1
        for t in about - primary:
            c["added"][t] += 1
        for t in about - ok:
            c["unacceptable"][t] += 1
    return c


def main():
    for split in ("test", "dev"):
        pairs = list(readings(split))
        a_docs = [d for d, _ in pairs]
        b_docs = [{**d, "themes": rows} for d, rows in pairs]
        b_on_a = evaluate.theme_counts(a_docs, [as_prediction(d, rows) for d, rows in pairs])
        a_on_b = evaluate.theme_counts(b_docs, [as_prediction(d, d["themes"]) for d in a_docs])
        print(f"## {split}: {len(pairs)} texts\n")
        print("| paragraph themes | paragraphs | primary themes | themes given | recall | precision | exact |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        print(evaluate.theme_line(b_on_a, "B against A"))
        print(evaluate.theme_line(a_on_b, "A against B"))
        per_a = b_on_a["primary"] / b_on_a["paragraphs"]
        per_b = a_on_b["primary"] / a_on_b["paragraphs"]
        print(f"\nprimary themes a paragraph: A {per_a:.2f}, B {per_b:.2f}\n")
        ab = by_theme(a_docs, [as_prediction(d, rows) for d, rows in pairs])
        ba = by_theme(b_docs, [as_prediction(d, d["themes"]) for d in a_docs])
        print("| theme | A primary | B primary | A's missed by B | B's not A's | B's A does not accept | A's B does not accept |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for t in sorted(build_gold.theme_ids(), key=lambda t: -ab["missed"][t]):
            print(f"| {t} | {ab['gold'][t]} | {ab['other'][t]} | {ab['missed'][t]} | {ab['added'][t]} "
                  f"| {ab['unacceptable'][t]} | {ba['unacceptable'][t]} |")
        print()


if __name__ == "__main__":
    main()
