#!/usr/bin/env python3
"""Score our engine and spaCy on CoNLL-2003 (English), mapped to PER, LOC, ORG.

CoNLL-2003 is Reuters news of 1996 with four entity types (PER, LOC, ORG,
MISC). Our engine and spaCy label OntoNotes' 18 types; this script maps them

    PERSON -> PER;  GPE, LOC, FAC -> LOC;  ORG -> ORG;  the rest -> ignored

and scores PER, LOC and ORG by exact span and type (micro P/R/F1 over the
three, and per type). A leading "the" of a predicted name is dropped before
matching: OntoNotes puts it inside "the European Commission", CoNLL does not.

The text is rebuilt from the CoNLL tokens, one document per -DOCSTART-, one
block per sentence (blank lines between them, so the first line of a
document reads as its headline), with light detokenisation: no space before
, . ; : ! ? ) % 's n't, none after ( and $.

Develop on `train` and `testa` (validation); `testb` is the test set: report
it, never read its errors (`--errors` refuses it).

The data is not in the repository: the Reuters texts under CoNLL-2003 need
a licence from NIST/Reuters (RCV1). Put the three files, in the usual
four-column format with -DOCSTART- lines, at eval/.cache/conll2003/ as
eng.train, eng.testa, eng.testb. One public copy is in the GitHub repository
kyzhouhzau/BERT-NER at commit 0f77e478872453df51cd3c65d1a39b12d9617f9d:

    git clone https://github.com/kyzhouhzau/BERT-NER /tmp/bert-ner
    mkdir -p .cache/conll2003
    cp /tmp/bert-ner/old_version/NERdata/train.txt .cache/conll2003/eng.train
    cp /tmp/bert-ner/old_version/NERdata/dev.txt   .cache/conll2003/eng.testa
    cp /tmp/bert-ner/old_version/NERdata/test.txt  .cache/conll2003/eng.testb

Usage (from eval/, after ./setup.sh):
    .venv/bin/python conll.py                    # testa (validation), ours and spaCy
    .venv/bin/python conll.py --split testb      # the test set
    .venv/bin/python conll.py --split train --errors --label ORG   # our misses, to develop
    .venv/bin/python conll.py --spacy-only --split testb
"""
import argparse
import collections
import json
import pathlib
import subprocess
import sys

import evaluate

HERE = pathlib.Path(__file__).resolve().parent
DATA = HERE / ".cache" / "conll2003"
TYPES = ["PER", "LOC", "ORG"]
MAP = {"PERSON": "PER", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "ORG": "ORG"}
NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "%", "'s", "'S", "n't", "'"}
NO_SPACE_AFTER = {"(", "$"}


def read_conll(path):
    """Documents as lists of sentences, each a list of (token, BIO tag)."""
    docs, doc, sent = [], [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if sent:
                doc.append(sent)
                sent = []
            continue
        if parts[0] == "-DOCSTART-":
            if sent:
                doc.append(sent)
                sent = []
            if doc:
                docs.append(doc)
            doc = []
            continue
        sent.append((parts[0], parts[-1]))
    if sent:
        doc.append(sent)
    if doc:
        docs.append(doc)
    return docs


def build_text(doc):
    """(text, gold spans {(start, end, type)}) of one document, in code points."""
    out, length, gold = [], 0, set()
    for n, sent in enumerate(doc):
        if n:
            out.append("\n\n")
            length += 2
        open_ent = None  # (start, type)
        prev = None
        ends = []
        for i, (tok, tag) in enumerate(sent):
            if i and tok not in NO_SPACE_BEFORE and prev not in NO_SPACE_AFTER:
                out.append(" ")
                length += 1
            start = length
            out.append(tok)
            length += len(tok)
            ends.append(length)
            kind = tag[2:] if tag != "O" else None
            # IOB1 and IOB2 alike: an entity starts at B-, or at I- of a new type.
            begins = tag.startswith("B-") or (kind and (open_ent is None or open_ent[1] != kind))
            if open_ent and (kind is None or begins):
                gold.add((open_ent[0], ends[i - 1], open_ent[1]))
                open_ent = None
            if kind and begins:
                open_ent = (start, kind)
            prev = tok
        if open_ent:
            gold.add((open_ent[0], ends[-1], open_ent[1]))
    return "".join(out) + "\n", {g for g in gold if g[2] in TYPES}


def strip_the(text, s, e):
    for the in ("the ", "The ", "THE "):
        if text.startswith(the, s) and e - s > len(the):
            return s + len(the)
    return s


def mapped(text, ents):
    out = set()
    for s, e, label in ents:
        if label in MAP:
            out.add((strip_the(text, s, e), e, MAP[label]))
    return out


def run_ours(texts, rev=None):
    binary = evaluate.engine_binary(rev)
    preds = []
    for text in texts:
        run = subprocess.run([str(binary)], input=text.encode("utf-8"), capture_output=True, check=True)
        ents = json.loads(run.stdout)["ents"]
        preds.append(mapped(text, [(e["start"], e["end"], e["label"]) for e in ents]))
    return preds


def run_spacy(texts):
    import spacy
    nlp = spacy.load(evaluate.SPACY_MODEL)
    preds = []
    for doc in nlp.pipe(texts, batch_size=32):
        preds.append(mapped(doc.text, [(e.start_char, e.end_char, e.label_) for e in doc.ents]))
    return preds, f"spaCy {spacy.__version__} / {evaluate.SPACY_MODEL}"


def counts(golds, preds):
    c = collections.defaultdict(lambda: [0, 0, 0])
    for gold, pred in zip(golds, preds):
        for s in pred & gold:
            c[s[2]][0] += 1
        for s in pred - gold:
            c[s[2]][1] += 1
        for s in gold - pred:
            c[s[2]][2] += 1
    return c


def table(golds, systems):
    support = collections.Counter(g[2] for gold in golds for g in gold)
    head = "| type | gold | " + " | ".join(f"{n} P | {n} R | {n} F1" for n, _ in systems) + " |"
    rows = [head, "|---|---:|" + "---:|---:|---:|" * len(systems)]
    for t in TYPES + ["PER+LOC+ORG"]:
        cells = []
        for _, c in systems:
            tp, fp, fn = c[t] if t in TYPES else [sum(c[x][i] for x in TYPES) for i in range(3)]
            p, r, f = evaluate.prf(tp, fp, fn)
            cells.append(f"{p:.3f} | {r:.3f} | {f:.3f}")
        n = support[t] if t in TYPES else sum(support.values())
        rows.append(f"| {t} | {n} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def load(split):
    path = DATA / f"eng.{split}"
    if not path.exists():
        sys.exit(f"{path} is missing: see the top of conll.py for where to get CoNLL-2003")
    docs = read_conll(path)
    built = [build_text(d) for d in docs]
    return [t for t, _ in built], [g for _, g in built]


def errors(split, label, rev=None):
    if split == "testb":
        sys.exit("testb is the test set: its errors are not for reading (use train or testa)")
    texts, golds = load(split)
    preds = run_ours(texts, rev)
    for n, (text, gold, pred) in enumerate(zip(texts, golds, preds)):
        fps = sorted(p for p in pred - gold if not label or p[2] == label)
        fns = sorted(g for g in gold - pred if not label or g[2] == label)
        if fps or fns:
            print(f"== document {n}: {text[:60]!r}")
        for s, e, t in fps:
            print(f"  FP {t:4} {evaluate.context(text, s, e)}")
        for s, e, t in fns:
            print(f"  FN {t:4} {evaluate.context(text, s, e)}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=["train", "testa", "testb"], default="testa")
    ap.add_argument("--errors", action="store_true", help="list our false positives/negatives")
    ap.add_argument("--label", choices=TYPES, help="only errors of this type")
    ap.add_argument("--spacy-only", action="store_true")
    ap.add_argument("--no-spacy", action="store_true")
    ap.add_argument("--rev", help="our engine as committed at this revision")
    args = ap.parse_args()
    if args.errors:
        return errors(args.split, args.label, args.rev)
    texts, golds = load(args.split)
    systems, notes = [], []
    if not args.no_spacy:
        preds, version = run_spacy(texts)
        systems.append(("spaCy", counts(golds, preds)))
        notes.append(version)
    if not args.spacy_only:
        preds = run_ours(texts, args.rev)
        systems.append(("ours", counts(golds, preds)))
        notes.append("lede-analysis examples/ner.rs" + (f" at {args.rev}" if args.rev else " (working tree)"))
    tokens = sum(len(t.split()) for t in texts)
    print(f"CoNLL-2003 eng.{args.split}: {len(texts)} documents, ~{tokens} words, "
          f"{sum(len(g) for g in golds)} PER/LOC/ORG entities")
    for n in notes:
        print(f"- {n}")
    print()
    print(table(golds, systems))


if __name__ == "__main__":
    main()
