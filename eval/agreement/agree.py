#!/usr/bin/env python3
"""How far two careful readers agree on paragraph themes: a second reading
(B, eval/agreement/<split>/*.themes, all 20 test texts and the first 12 dev
texts, written from the texts and GUIDELINES.md alone, before A's were read)
scored against the set's own (A, eval/annotated/<split>/*.themes) as
evaluate.py scores the engine, and the reverse.

Usage (from the repository's root): python3 eval/agreement/agree.py [--per-text] [--diff]
"""
import collections, pathlib, sys
HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
import build_gold, check_gold

ANN = HERE.parent / 'annotated'
B_DIR = HERE
THEMES = build_gold.theme_ids()


def load_text(path):
    # exactly as build_gold.build_one derives the gold text
    raw = path.read_text(encoding='utf-8')
    header, sep, body = raw.partition('\n\n')
    text, _ = build_gold.parse(body.strip('\n') + '\n')
    return text


def rows_by_start(text, rows, starts):
    return {s: r for r, s in check_gold.match_rows(text, rows, starts) if s is not None}


def counts(pairs):
    """evaluate.theme_counts: pairs = [(gold row, predicted set)]."""
    c = collections.Counter()
    for row, about in pairs:
        primary, ok = set(row['primary']), set(row['primary']) | set(row['acceptable'])
        c['paragraphs'] += 1
        c['primary'] += len(primary)
        c['found'] += len(primary & about)
        c['predicted'] += len(about)
        c['acceptable'] += len(about & ok)
        c['exact'] += primary <= about <= ok
    return c


def fmt(c):
    r = c['found'] / c['primary'] if c['primary'] else 0.0
    p = c['acceptable'] / c['predicted'] if c['predicted'] else 0.0
    return (f"paragraphs {c['paragraphs']:4}  gold primary {c['primary']:4}  given {c['predicted']:4}  "
            f"recall {r:.3f} ({c['found']}/{c['primary']})  precision {p:.3f} ({c['acceptable']}/{c['predicted']})  "
            f"exact {c['exact'] / c['paragraphs']:.3f} ({c['exact']}/{c['paragraphs']})")


def gold_pairs(text, gold_rows, other_rows, starts):
    """As evaluate.theme_pairs: every gold row, matched to its paragraph; the
    other annotator's PRIMARY themes at that paragraph are the prediction."""
    other = rows_by_start(text, other_rows, starts)
    out = []
    for row, s in check_gold.match_rows(text, gold_rows, starts):
        out.append((row, set(other[s]['primary']) if s in other else set(), s))
    return out


def main():
    per_text = '--per-text' in sys.argv
    show_diff = '--diff' in sys.argv
    for split in ('test', 'dev'):
        names = sorted(p.stem for p in (B_DIR / split).glob('*.themes'))
        ab, ba = [], []                     # (gold, pred) pairs
        miss = collections.Counter()        # A primary not in B primary
        extra = collections.Counter()       # B primary not in A primary
        bad_b = collections.Counter()       # B primary outside A primary+acceptable
        bad_a = collections.Counter()       # A primary outside B primary+acceptable
        a_prim = collections.Counter(); b_prim = collections.Counter(); both = collections.Counter()
        unmatched = 0
        print(f"== {split}: {len(names)} texts")
        for name in names:
            text = load_text(ANN / split / f'{name}.txt')
            starts = build_gold.paragraph_starts(text)
            a_rows = build_gold.parse_themes((ANN / split / f'{name}.themes').read_text(encoding='utf-8'))
            b_rows = build_gold.parse_themes((B_DIR / split / f'{name}.themes').read_text(encoding='utf-8'))
            assert not check_gold.check_themes(text, b_rows), name
            unmatched += len(check_gold.check_themes(text, a_rows))
            p_ab = gold_pairs(text, a_rows, b_rows, starts)
            p_ba = gold_pairs(text, b_rows, a_rows, starts)
            ab += [(r, a) for r, a, _ in p_ab]
            ba += [(r, a) for r, a, _ in p_ba]
            b_at = rows_by_start(text, b_rows, starts)
            for arow, bprim, s in p_ab:
                ap = set(arow['primary'])
                brow = b_at.get(s, {'primary': [], 'acceptable': []})
                bok = set(brow['primary']) | set(brow['acceptable'])
                miss.update(ap - bprim); extra.update(bprim - ap)
                bad_b.update(bprim - ap - set(arow['acceptable'])); bad_a.update(ap - bok)
                a_prim.update(ap); b_prim.update(bprim); both.update(ap & bprim)
                if show_diff and ap != bprim:
                    print(f"   {name} | {text[s:s + 50]!r}\n      A {sorted(ap)} / acc {sorted(arow['acceptable'])}"
                          f"\n      B {sorted(bprim)} / acc {sorted(brow['acceptable'])}")
            if per_text:
                print(f"   {name:34} B vs A: {fmt(counts([(r, a) for r, a, _ in p_ab]))}")
        cab, cba = counts(ab), counts(ba)
        print(f"B scored against A (A = gold): {fmt(cab)}")
        print(f"A scored against B (B = gold): {fmt(cba)}")
        print(f"primary themes per paragraph: A {cab['primary'] / cab['paragraphs']:.2f} "
              f"({cab['primary']}/{cab['paragraphs']})   B {cba['primary'] / cba['paragraphs']:.2f} "
              f"({cba['primary']}/{cba['paragraphs']})")
        if unmatched:
            print(f"WARNING: {unmatched} theme-row problems in A's files")
        print(f"{'theme':12} {'A prim':>6} {'B prim':>6} {'both':>5} {'A-prim missed by B':>19} "
              f"{'B-prim not A-prim':>18} {'B-prim unacceptable to A':>25} {'A-prim unacceptable to B':>25}")
        for t in sorted(THEMES, key=lambda t: -miss[t]):
            print(f"{t:12} {a_prim[t]:6} {b_prim[t]:6} {both[t]:5} {miss[t]:19} {extra[t]:18} {bad_b[t]:25} {bad_a[t]:25}")
        print(f"{'total':12} {sum(a_prim.values()):6} {sum(b_prim.values()):6} {sum(both.values()):5} "
              f"{sum(miss.values()):19} {sum(extra.values()):18} {sum(bad_b.values()):25} {sum(bad_a.values()):25}")
        print()


if __name__ == '__main__':
    main()
