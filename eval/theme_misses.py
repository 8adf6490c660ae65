"""Why the engine misses the dev split's primary themes, by class, and how
other scoring rules would trade recall for precision on dev.

Reads `dev` only, never `test`. Each annotated dev paragraph is run through
`examples/theme_features.rs` (the engine's scores and evidence); each primary
theme the engine does not give is put in one class:

  no term      the paragraph has no term of the theme at all
  below        it has terms, but their score is under ABOUT_SCORE
  share        the score reaches ABOUT_SCORE, but not ABOUT_SHARE of the
               best theme, and no core term exempts it
  continued    the paragraph took its neighbour's theme (a quotation) and
               that is not this one
  quote lost   a quotation paragraph whose neighbour had no theme

    cd eval && .venv/bin/python theme_misses.py            # classes, then each miss
    .venv/bin/python theme_misses.py --sweep               # recall/precision of other rules
    .venv/bin/python theme_misses.py --context             # rules that read the headline or neighbours

The sweep recomputes every paragraph's themes in Python from the engine's
evidence (the rule is checked against the engine's own output first), under
length norms and thresholds other than the engine's, and prints the
recall/precision/exact curve of each family of rules.
"""
import argparse
import collections
import math
import re
import sys

import evaluate
import theme_model_cv

THEMES = theme_model_cv.THEMES
ABOUT_SCORE, ABOUT_SHARE, CORE_WEIGHT, REFERENCE_WORDS = 1.7, 0.3, 3.0, 25
QUOTED_SHARE = 0.5
OPEN, CLOSE = "“\"", "”\""


def rows():
    """Every annotated dev paragraph, with its text and the engine's view."""
    out = theme_model_cv.dev_rows()
    import json
    texts = {}
    for r in out:
        if r["doc"] not in texts:
            texts[r["doc"]] = json.loads(
                (theme_model_cv.HERE / "dev" / f"{r['doc']}.json").read_text(encoding="utf-8"))["text"]
        p = r["p"]
        r["text"] = texts[r["doc"]][p["start"]:p["end"]]
    return out


def is_quotation(text):
    """Close to `context::is_quotation`: opens with a double quotation mark and
    has more than half its non-space characters inside double quotes."""
    text = text.lstrip()
    if not text or text[0] not in OPEN:
        return False
    inside, depth = 0, False
    for c in text:
        if c == "“" or (c == '"' and not depth):
            depth = True
        elif c == "”" or (c == '"' and depth):
            depth = False
        elif depth and not c.isspace():
            inside += 1
    solid = sum(not c.isspace() for c in text)
    return solid > 0 and inside > QUOTED_SHARE * solid


def is_phrase(term):
    return len(re.findall(r"[\w#]+", term)) >= 2


def weights(p, phrase_bonus=1.0):
    """{theme: (weight, core?, distinct terms, best term weight)} from the evidence."""
    terms = collections.defaultdict(collections.Counter)
    wt = {}
    for theme, term, w in p["evidence"]:
        terms[theme][term] += 1
        wt[(theme, term)] = w * (phrase_bonus if is_phrase(term) else 1.0)
    out = {}
    for t in THEMES:
        c = terms.get(t, {})
        weight = sum(wt[(t, k)] * (1 + math.log(n)) for k, n in c.items())
        core = any(wt[(t, k)] >= CORE_WEIGHT and (phrase_bonus == 1.0 or not is_phrase(k))
                   or (is_phrase(k) and wt[(t, k)] >= CORE_WEIGHT * phrase_bonus) for k in c)
        out[t] = (weight, core, len(c), max((wt[(t, k)] for k in c), default=0.0))
    return out


def norm_power(power, ref=REFERENCE_WORDS):
    return lambda words: (max(words, ref) / ref) ** power


def rule(norm, about_score=ABOUT_SCORE, share=ABOUT_SHARE, core_exempt=True,
         best_score=None, distinct_score=None, lone_weight=None):
    """A scoring rule: paragraph -> {theme: score}, {themes about}.

    `best_score`: the paragraph's best theme needs only this score;
    `distinct_score`: a theme with two distinct terms needs only this score;
    `lone_weight`: a theme whose raw weight reaches this is about the
    paragraph whatever its length (when it is the best theme)."""
    def apply(p, w):
        n = norm(p["words"])
        scores = {t: w[t][0] / n for t in THEMES}
        best = max(scores.values())

        def threshold(t):
            th = about_score
            if best_score is not None and scores[t] >= best - 1e-6:
                th = min(th, best_score)
            if distinct_score is not None and w[t][2] >= 2:
                th = min(th, distinct_score)
            return th

        def lone(t):
            return (lone_weight is not None and scores[t] >= best - 1e-6
                    and w[t][0] >= lone_weight)
        about = [t for t in THEMES
                 if (scores[t] >= threshold(t) - 1e-6 or lone(t))
                 and (scores[t] >= share * best - 1e-6 or (core_exempt and w[t][1]))]
        about.sort(key=lambda t: -scores[t])
        return scores, about
    return apply


def run(data, apply, always=False):
    """Themes of every paragraph under `apply`, quotations continued as the
    engine does (with `always`, also a quotation with themes of its own)."""
    out, prev = [], None
    for r in data:
        p = r["p"]
        _, about = apply(p, r["w"])
        cont = None
        if (always and about and prev is not None and prev[0] == r["doc"] and prev[2] == "Paragraph"
                and p["kind"] == "Paragraph" and r["quoted"] and prev[1]
                and prev[1][0] not in about):
            about, cont = about + [prev[1][0]], prev[1][0]
        elif (not about and prev is not None and prev[0] == r["doc"] and prev[2] == "Paragraph"
                and p["kind"] == "Paragraph" and r["quoted"] and prev[1]):
            about, cont = [prev[1][0]], prev[1][0]
        out.append((set(about), cont))
        prev = (r["doc"], about, p["kind"])
    return out


def figures(data, preds):
    """(recall, precision, exact, primaries found, wrong themes given), as evaluate.py."""
    return evaluate.theme_figures(evaluate.tally_themes((r, about) for r, (about, _) in zip(data, preds)))


def classify(r, about, cont):
    """Why each missed primary theme of `r` is missed: [(theme, class, detail)]."""
    p, w = r["p"], r["w"]
    n = norm_power(0.5)(p["words"])
    best = max(w[t][0] for t in THEMES) / n
    out = []
    for t in r["primary"]:
        if t in about:
            continue
        weight, core, distinct, top = w[t]
        score = weight / n
        if cont:
            cls = "continued"
        elif r["quoted"] and not about:
            cls = "quote lost" if weight == 0 else "below"
        elif weight == 0:
            cls = "no term"
        elif score < ABOUT_SCORE:
            cls = "below"
        else:
            cls = "share"
        terms = sorted({k for th, k, _ in p["evidence"] if th == t})
        out.append((t, cls, f"score {score:.2f} (weight {weight:.1f}, {p['words']} words, "
                            f"best {best:.2f}) terms {terms}"))
    return out


def prepare(data):
    for r in data:
        r["w"] = weights(r["p"])
        r["quoted"] = is_quotation(r["text"])
    return data


def check_rule(data):
    """The Python rule gives the engine's own themes, paragraph for paragraph
    (those the lede takes from the headline aside: `--context` sweeps them)."""
    preds = run(data, rule(norm_power(0.5)))
    own = [set(r["p"]["about"]) - set(r["p"].get("from_headline", [])) for r in data]
    bad = [(r["doc"], r["text"][:40], sorted(a), sorted(o))
           for r, (a, _), o in zip(data, preds, own) if a != o]
    for b in bad:
        print("rule differs from the engine:", *b, file=sys.stderr)
    return not bad


def diff(data, base, new):
    """What `new` changes against `base`: [(+/-, P/a/x, theme, doc, text)]."""
    out = []
    for r, (a, _), (b, _) in zip(data, base, new):
        for t in sorted(b - a):
            k = "P" if t in r["primary"] else "a" if t in r["acceptable"] else "x"
            terms = sorted({term for th, term, _ in r["p"]["evidence"] if th == t})
            out.append(("+", k, t, r["doc"], r["text"][:50], r["p"]["words"], terms))
        for t in sorted(a - b):
            k = "P" if t in r["primary"] else "a" if t in r["acceptable"] else "x"
            terms = sorted({term for th, term, _ in r["p"]["evidence"] if th == t})
            out.append(("-", k, t, r["doc"], r["text"][:50], r["p"]["words"], terms))
    return out


def sweep(data):
    line = "  %-44s R %.3f  P %.3f  exact %.3f  found %3d  wrong %2d"
    print("engine's rule:", line % (("sqrt, 25 words, 1.7",) + figures(data, run(data, rule(norm_power(0.5))))))
    print("\nlength norm (max(words, ref) / ref)^power, threshold T:")
    for power in (0.0, 0.25, 0.33, 0.5, 0.75):
        for ref in (25, 35, 50):
            if power == 0.0 and ref != 25:
                continue
            for t in (1.5, 1.7, 2.0, 2.5, 3.0):
                f = figures(data, run(data, rule(norm_power(power, ref), about_score=t)))
                print(line % ((f"power {power}, ref {ref}, T {t}",) + f))
    print("\nsaturating norm 1 + ln(max(words, ref) / ref), threshold T:")
    for ref in (25, 35):
        for t in (1.5, 1.7, 2.0):
            norm = lambda words, ref=ref: 1 + math.log(max(words, ref) / ref)
            f = figures(data, run(data, rule(norm, about_score=t)))
            print(line % ((f"log, ref {ref}, T {t}",) + f))
    print("\nthreshold tied to the best theme (sqrt, 25, 1.7 for the others):")
    for bs in (1.0, 1.2, 1.4, 1.5):
        f = figures(data, run(data, rule(norm_power(0.5), best_score=bs)))
        print(line % ((f"best theme needs {bs}",) + f))
    for lw in (2.0, 3.0):
        f = figures(data, run(data, rule(norm_power(0.5), lone_weight=lw)))
        print(line % ((f"best theme with raw weight >= {lw}",) + f))
    print("\ndistinct evidence terms (sqrt, 25, 1.7 for one term):")
    for ds in (1.0, 1.2, 1.4, 1.5):
        f = figures(data, run(data, rule(norm_power(0.5), distinct_score=ds)))
        print(line % ((f"two distinct terms need {ds}",) + f))
    print("\nphrases (two words or more) weigh more than single words (sqrt, 25, 1.7):")
    for bonus in (1.1, 1.2, 1.25, 1.3, 1.4, 1.5):
        for r in data:
            r["w"] = weights(r["p"], bonus)
        f = figures(data, run(data, rule(norm_power(0.5))))
        print(line % ((f"phrase x {bonus}",) + f))
    for r in data:
        r["w"] = weights(r["p"])
    print("\nquotations:")
    f = figures(data, run(data, rule(norm_power(0.5)), always=True))
    print(line % (("a quotation always goes on with the one before",) + f))
    print("\nshare rule (sqrt, 25, 1.7): ABOUT_SHARE, core exemption:")
    for share in (0.0, 0.2, 0.3, 0.4, 0.5):
        for exempt in (True, False):
            f = figures(data, run(data, rule(norm_power(0.5), share=share, core_exempt=exempt)))
            print(line % ((f"share {share}, core exempt {exempt}",) + f))


def headline_themes(docs):
    """{doc: themes of its headline}, the headline scored as the engine
    scores it (the first line, a Title block, read as a paragraph)."""
    import json, os, pathlib, subprocess
    binary = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", theme_model_cv.ROOT / "target-eval")) \
        / "release" / "examples" / "theme_features"
    out = {}
    for doc in docs:
        text = json.loads((theme_model_cv.HERE / "dev" / f"{doc}.json").read_text(encoding="utf-8"))["text"]
        head = text.strip().split("\n")[0]
        # After a one-word title the headline is a paragraph.
        run = subprocess.run([str(binary)], input=("Note.\n\n" + head).encode(), capture_output=True,
                             check=True)
        paras = json.loads(run.stdout)
        out[doc] = paras[-1]["about"] if paras else []
    return out


def context_sweep(data):
    """Recall/precision of rules that give a paragraph a theme it has a term
    of, under the threshold, from its context: the headline (the first
    paragraphs, the lede) or the paragraph before or after."""
    own = [[t for t in r["p"]["about"] if t not in r["p"].get("from_headline", [])] for r in data]
    heads = headline_themes(sorted({r["doc"] for r in data}))
    line = "  %-58s R %.3f  P %.3f  exact %.3f  found %d  wrong %d"

    def score_of(r, t):
        return next(s for th, s, _ in r["p"]["scores"] if th == t)

    def strong(r, t, min_w):
        ev = [w for th, _, w in r["p"]["evidence"] if th == t]
        return bool(ev) and max(ev) >= min_w

    print("engine without the lede rule: R %.3f  P %.3f  exact %.3f  found %d  wrong %d"
          % figures(data, [(set(a), None) for a in own]))
    print("\nthe headline's themes (any), given to the first N paragraphs with a term of weight >= W:")
    for n in (1, 2, 3, 4, None):
        for min_w in (1, 2):
            out, seen = [], collections.Counter()
            for r, about in zip(data, own):
                k = seen[r["doc"]]
                if r["p"]["kind"] == "Paragraph":
                    seen[r["doc"]] += 1
                add = [] if r["p"]["continues"] or r["p"]["kind"] != "Paragraph" or (n and k >= n) else [
                    t for t in heads[r["doc"]] if t not in about and strong(r, t, min_w)]
                out.append((set(about) | set(add), None))
            print(line % ((f"N {n or 'all'}, W {min_w}",) + figures(data, out)))
    print("\nthe neighbour's theme, given to a paragraph with a term of it of weight >= W:")
    for side in ("before", "after", "either", "both"):
        for which in ("dominant", "any"):
            for empty in (False, True):
                for min_w in (1, 2):
                    out = []
                    for i, (r, about) in enumerate(zip(data, own)):
                        def about_of(j):
                            if 0 <= j < len(data) and data[j]["doc"] == r["doc"] \
                                    and data[j]["p"]["kind"] == "Paragraph":
                                a = own[j]
                                return a[:1] if which == "dominant" else a
                            return []
                        before, after = about_of(i - 1), about_of(i + 1)
                        add = set()
                        if r["p"]["kind"] == "Paragraph" and not (empty and about):
                            for t in THEMES:
                                if t in about or not strong(r, t, min_w):
                                    continue
                                hit = {"before": t in before, "after": t in after,
                                       "either": t in before or t in after,
                                       "both": t in before and t in after}[side]
                                if hit:
                                    add.add(t)
                            if empty and len(add) > 1:
                                add = {max(add, key=lambda t: score_of(r, t))}
                        out.append((set(about) | add, None))
                    name = f"{side}, {which}{', own none' if empty else ''}, W {min_w}"
                    print(line % ((name,) + figures(data, out)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sweep", action="store_true", help="recall/precision of other scoring rules")
    ap.add_argument("--context", action="store_true",
                    help="recall/precision of rules that read the headline or the neighbours")
    ap.add_argument("--show", metavar="RULE",
                    help="list what a rule changes, e.g. 'best_score=1.4' or 'norm=0.5,35'")
    args = ap.parse_args()
    data = prepare(rows())
    if args.show:
        kw = {}
        for part in args.show.split(";"):
            k, v = part.split("=")
            if k == "phrase":
                for r in data:
                    r["w"] = weights(r["p"], float(v))
            elif k == "norm":
                power, ref = v.split(",")
                kw["norm"] = norm_power(float(power), int(ref))
            else:
                kw[k] = float(v)
        kw.setdefault("norm", norm_power(0.5))
        always = bool(kw.pop("always", 0))
        new = run(data, rule(**kw), always=always)
        for r in data:
            r["w"] = weights(r["p"])
        base = run(data, rule(norm_power(0.5)))
        print("rule:", args.show, "R %.3f  P %.3f  exact %.3f  found %d  wrong %d" % figures(data, new))
        for d in sorted(diff(data, base, new), key=lambda d: (d[0], d[1], d[2])):
            print("  %s %s %-12s %s: %r (%d words) %s" % d)
        return
    if not check_rule(data):
        print("(the Python rule does not match the engine everywhere; figures are approximate)",
              file=sys.stderr)
    engine = [(set(r["p"]["about"]), None) for r in data]
    print("engine on dev: R %.3f  P %.3f  exact %.3f  found %d  wrong %d" % figures(data, engine))
    if args.context:
        context_sweep(data)
    if args.sweep:
        sweep(data)
        return
    preds = run(data, rule(norm_power(0.5)))
    misses = []
    for r, (about, cont) in zip(data, preds):
        for t, cls, detail in classify(r, about, cont):
            misses.append((cls, t, r, detail))
    by = collections.Counter(cls for cls, *_ in misses)
    by_theme = collections.Counter((cls, t) for cls, t, *_ in misses)
    print(f"{len(misses)} primary themes missed on dev, by why:")
    for cls, n in by.most_common():
        themes = ", ".join(f"{t} {k}" for (c, t), k in by_theme.most_common() if c == cls)
        print(f"  {cls:<11} {n:3d}   ({themes})")
    for cls, _ in by.most_common():
        print(f"\n== {cls}")
        for c, t, r, detail in sorted(misses, key=lambda m: (m[1], m[2]["doc"])):
            if c == cls:
                print(f"  {t:<12} {r['doc']}: {r['text'][:60]!r}  {detail}")


if __name__ == "__main__":
    main()
