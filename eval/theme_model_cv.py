"""Issue #17 experiment: does a small learned model per theme, trained on the
dev paragraphs' primary themes, add recall to the lexicon engine?

Leave-one-text-out cross-validation on `dev` only (39 texts, 320 annotated
paragraphs); scored exactly as `evaluate.py` scores themes (recall of the
primary themes, precision against primary + acceptable, exact). It never
reads `test`.

Features per paragraph and theme (from `examples/theme_features.rs`):
  text  binary stems and in-clause bigrams (stop words out, df >= 2 in the
        training folds)
  eng   the engine's log(1 + score), about flag, core-term flag, share of
        the paragraph's best score
  ctx   the previous and next paragraph's score, and the share of the
        text's other paragraphs about the theme
  ent   log(1 + count) of each entity label in the paragraph
Models: L2 logistic regression per theme (Adam, 400-600 steps), optionally
class-balanced or with acceptable themes as half-positive; multinomial
naive Bayes over `text`. Combinations: the model alone; engine + themes the
model gives p >= t ("add"); engine minus themes the model gives p < t
("veto").

    cd eval && .venv/bin/python theme_model_cv.py            # every variant (~25 min on 2 cores)
    .venv/bin/python theme_model_cv.py eng eng+ctx            # some of them

Each variant also prints the 25 (paragraph, theme) pairs outside the
engine's themes the model is surest of, best first: P a missed primary
theme, a an acceptable one, x a wrong one. Adding recall without losing
precision needs P's at the head of that line.
"""
import collections
import json
import math
import os
import pathlib
import subprocess
import sys

import numpy as np

import check_gold
import evaluate

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
THEMES = ["cooperation", "dialogue", "economy", "sovereignty",
          "friction", "history", "stability", "security"]
STOP = set("the a an of to and in on for with at by from is was were be been are that "
           "this it it' as has have had which who will would said say also their its "
           "his her they he she we our".split())
LABELS = ["PERSON", "NORP", "ORG", "GPE", "LOC", "DATE", "MONEY", "PERCENT",
          "CARDINAL", "EVENT", "LAW", "FAC"]


def dev_rows():
    """Every annotated dev paragraph with the engine's view of it."""
    env = dict(os.environ)
    env.setdefault("CARGO_TARGET_DIR", str(ROOT / "target-eval"))
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "lede-analysis",
                    "--example", "theme_features"], cwd=ROOT, env=env, check=True)
    binary = pathlib.Path(env["CARGO_TARGET_DIR"]) / "release" / "examples" / "theme_features"
    rows = []
    for path in sorted((HERE / "dev").glob("*.json")):
        d = json.loads(path.read_text(encoding="utf-8"))
        run = subprocess.run([str(binary)], input=d["text"].encode(), capture_output=True, check=True)
        at = {p["start"]: p for p in json.loads(run.stdout)}
        for row, start in check_gold.match_rows(d["text"], d.get("themes", []), sorted(at)):
            rows.append({"doc": path.stem, "primary": row["primary"],
                         "acceptable": row["acceptable"], "p": at[start]})
    return rows


class Data:
    def __init__(self, rows):
        self.rows = rows
        self.n = n = len(rows)
        self.docs = [r["doc"] for r in rows]
        self.folds = sorted(set(self.docs))
        T = THEMES
        self.es = np.array([[dict((t, s) for t, s, _ in r["p"]["scores"])[t] for t in T] for r in rows])
        self.about = np.array([[t in r["p"]["about"] for t in T] for r in rows], float)
        self.core = np.array([[t in r["p"]["core"] for t in T] for r in rows], float)
        self.prev, self.next, self.docm = (np.zeros_like(self.es) for _ in range(3))
        for i in range(n):
            if i > 0 and self.docs[i - 1] == self.docs[i]:
                self.prev[i] = self.es[i - 1]
            if i + 1 < n and self.docs[i + 1] == self.docs[i]:
                self.next[i] = self.es[i + 1]
            same = [j for j in range(n) if self.docs[j] == self.docs[i] and j != i]
            if same:
                self.docm[i] = self.about[same].mean(0)
        self.ent = np.array([[math.log1p(r["p"]["ents"].count(l)) for l in LABELS] for r in rows])
        self.primary = np.array([[t in r["primary"] for t in T] for r in rows], float)
        self.acceptable = np.array([[t in r["acceptable"] for t in T] for r in rows], float)
        self.text = [text_features(r) for r in rows]

    def numeric(self, kind, k):
        cols = [np.zeros((self.n, 0))]
        if "eng" in kind:
            best = self.es.max(1, keepdims=True) + 1e-9
            cols += [np.log1p(self.es[:, k:k + 1]), self.about[:, k:k + 1],
                     self.core[:, k:k + 1], self.es[:, k:k + 1] / best]
        if "ctx" in kind:
            cols += [np.log1p(self.prev[:, k:k + 1]), np.log1p(self.next[:, k:k + 1]),
                     self.docm[:, k:k + 1]]
        if "ent" in kind:
            cols += [self.ent]
        return np.hstack(cols)


def text_features(r):
    f, toks = set(), r["p"]["toks"]
    for i, t in enumerate(toks):
        if t == "|" or t in STOP:
            continue
        f.add("w:" + t)
        if i + 1 < len(toks) and toks[i + 1] != "|" and toks[i + 1] not in STOP:
            f.add("b:" + t + "_" + toks[i + 1])
    return f


def score(data, preds):
    """(recall, precision, exact, primaries found, wrong themes given), as evaluate.py."""
    return evaluate.theme_figures(evaluate.tally_themes(zip(data.rows, preds)))


def logistic(X, y, l2, weights, steps):
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    m, v = np.zeros(d + 1), np.zeros(d + 1)
    for k in range(1, steps + 1):
        p = 1 / (1 + np.exp(-(X @ w + b)))
        g = (p - y) * weights
        G = np.append(X.T @ g / n + l2 * w / n, g.mean())
        m = 0.9 * m + 0.1 * G
        v = 0.999 * v + 0.001 * G * G
        step = 0.025 * (m / (1 - 0.9 ** k)) / (np.sqrt(v / (1 - 0.999 ** k)) + 1e-8)
        w -= step[:-1]
        b -= step[-1]
    return w, b


def out_of_fold(data, model="lr", kind="", text=True, l2=1.0, balanced=False, soft=False, steps=400):
    """P(primary) of every paragraph and theme from a model that never saw its text."""
    P = np.zeros((data.n, len(THEMES)))
    Y = np.clip(data.primary + 0.5 * data.acceptable, 0, 1) if soft else data.primary
    for held in data.folds:
        te = [i for i in range(data.n) if data.docs[i] == held]
        tr = [i for i in range(data.n) if data.docs[i] != held]
        vocab = {}
        if text or model == "nb":
            df = collections.Counter(f for i in tr for f in data.text[i])
            vocab = {f: j for j, f in enumerate(sorted(f for f, c in df.items() if c >= 2))}
        Xt = np.zeros((data.n, len(vocab)))
        for i in tr + te:
            for f in data.text[i]:
                if f in vocab:
                    Xt[i, vocab[f]] = 1.0
        for k in range(len(THEMES)):
            y = Y[tr, k]
            if model == "nb":
                pos, a = y > 0, 0.5
                lp = np.log((Xt[tr][pos].sum(0) + a) / (Xt[tr][pos].sum() + a * len(vocab)))
                ln = np.log((Xt[tr][~pos].sum(0) + a) / (Xt[tr][~pos].sum() + a * len(vocab)))
                prior = math.log((pos.sum() + 1) / ((~pos).sum() + 1))
                P[te, k] = 1 / (1 + np.exp(-(Xt[te] @ (lp - ln) + prior)))
                continue
            X = np.hstack([Xt, data.numeric(kind, k)])
            if not text:
                X = (X - X[tr].mean(0)) / (X[tr].std(0) + 1e-6)
            share = (y > 0).mean()
            weights = (np.where(y > 0, 0.5 / max(share, 1e-3), 0.5 / (1 - share))
                       if balanced else np.ones(len(tr)))
            w, b = logistic(X[tr], y, l2, weights, steps)
            P[te, k] = 1 / (1 + np.exp(-(X[te] @ w + b)))
    return P


def combine(data, P, add=None, veto=None, alone=None):
    out = []
    for i, r in enumerate(data.rows):
        about = set(r["p"]["about"])
        if alone is not None:
            about = {t for k, t in enumerate(THEMES) if P[i, k] >= alone}
        if add is not None:
            about |= {t for k, t in enumerate(THEMES) if P[i, k] >= add}
        if veto is not None:
            about -= {t for k, t in enumerate(THEMES)
                      if P[i, k] < veto and not r["p"]["continues"]}
        out.append(about)
    return out


def head_of_candidates(data, P, n=25):
    cand = []
    for i, r in enumerate(data.rows):
        for k, t in enumerate(THEMES):
            if t not in r["p"]["about"]:
                kind = "P" if t in r["primary"] else "a" if t in r["acceptable"] else "x"
                cand.append((-P[i, k], kind))
    return "".join(kind for _, kind in sorted(cand)[:n])


VARIANTS = {
    "text": dict(text=True),
    "eng": dict(kind="eng", text=False),
    "eng+ctx": dict(kind="eng ctx", text=False),
    "eng+ctx+ent": dict(kind="eng ctx ent", text=False),
    "text+eng": dict(kind="eng"),
    "text+eng+ctx": dict(kind="eng ctx"),
    "text+eng balanced": dict(kind="eng", balanced=True, steps=600),
    "text+eng balanced l2=10": dict(kind="eng", balanced=True, l2=10.0, steps=600),
    "text+eng+ctx balanced": dict(kind="eng ctx", balanced=True, steps=600),
    "text+eng soft labels": dict(kind="eng", soft=True, steps=600),
    "nb text": dict(model="nb"),
}


def line(name, figures):
    return "%-34s R %.3f  P %.3f  exact %.3f  found %3d  wrong %2d" % ((name,) + figures)


def main(names):
    data = Data(dev_rows())
    print(line("engine alone", score(data, [set(r["p"]["about"]) for r in data.rows])))
    for name in names or VARIANTS:
        P = out_of_fold(data, **VARIANTS[name])
        print(f"== {name}: head of candidates {head_of_candidates(data, P)}")
        for t in (0.3, 0.5):
            print(line(f"   model alone p >= {t}", score(data, combine(data, P, alone=t))))
        for t in (0.2, 0.3, 0.5, 0.7, 0.9):
            print(line(f"   engine + add p >= {t}", score(data, combine(data, P, add=t))))
        for t in (0.05, 0.1, 0.2):
            print(line(f"   engine - veto p < {t}", score(data, combine(data, P, veto=t))))
        sys.stdout.flush()


if __name__ == "__main__":
    main(sys.argv[1:])
