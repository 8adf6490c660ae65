#!/usr/bin/env python3
"""Tests of the evaluation tooling itself: markup parsing, gold checks, scoring.

Run: python3 -m unittest test_eval   (from eval/, no venv needed)
"""
import json
import pathlib
import tempfile
import unittest

import build_gold
import check_gold
import evaluate


class ParseMarkup(unittest.TestCase):
    CASES = [
        # (markup, text, ents)
        ("no entities", "no entities", []),
        ("[[Xi|P]] met [[Trump|PERSON]].", "Xi met Trump.", [[0, 2, "PERSON"], [7, 12, "PERSON"]]),
        ("[[China|G]]-[[U.S.|G]] ties", "China-U.S. ties", [[0, 5, "GPE"], [6, 10, "GPE"]]),
        ("“[[Today|D]]” in [[Zürich|G]] 🙂 [[5%|PCT]]", "“Today” in Zürich 🙂 5%",
         [[1, 6, "DATE"], [11, 17, "GPE"], [20, 22, "PERCENT"]]),
    ]

    def test_cases(self):
        for markup, text, ents in self.CASES:
            with self.subTest(markup=markup):
                got_text, got_ents = build_gold.parse(markup)
                self.assertEqual(got_text, text)
                self.assertEqual(got_ents, ents)

    def test_rejects(self):
        for bad in ("[[Xi|BOSS]]", "[[Xi|P] met", "a [[b c"):
            with self.subTest(bad=bad), self.assertRaises(ValueError):
                build_gold.parse(bad)


class CheckGold(unittest.TestCase):
    def errors_for(self, text, ents):
        with tempfile.TemporaryDirectory() as d:
            path = pathlib.Path(d) / "x.json"
            path.write_text(json.dumps({"text": text, "ents": ents, "source": "t"}))
            return check_gold.check(path)[0]

    def test_valid(self):
        self.assertEqual(self.errors_for("China’s Xi", [[0, 5, "GPE"], [8, 10, "PERSON"]]), [])

    def test_each_error(self):
        cases = [
            ("out of range", "Xi", [[0, 3, "PERSON"]]),
            ("overlap", "Xi Jinping", [[0, 10, "PERSON"], [3, 10, "PERSON"]]),
            ("unknown label", "Xi", [[0, 2, "BOSS"]]),
            ("whitespace", "Xi said", [[0, 3, "PERSON"]]),
            ("possessive", "China’s", [[0, 7, "GPE"]]),
            ("inside a word", "Chinese", [[0, 5, "GPE"]]),
            ("punctuation", "Xi, he", [[0, 3, "PERSON"]]),
        ]
        for name, text, ents in cases:
            with self.subTest(name=name):
                self.assertNotEqual(self.errors_for(text, ents), [], name)


class Scoring(unittest.TestCase):
    def test_exact_match_only(self):
        docs = [{"gold": {(0, 5, "GPE"), (6, 10, "GPE"), (20, 25, "PERSON")}}]
        preds = [{(0, 5, "GPE"), (6, 10, "ORG"), (19, 25, "PERSON")}]
        c = evaluate.score(docs, preds)
        self.assertEqual(c["GPE"], [1, 0, 1])
        self.assertEqual(c["ORG"], [0, 1, 0])
        self.assertEqual(c["PERSON"], [0, 1, 1])
        self.assertEqual(evaluate.summed(c, evaluate.HEADLINE), [1, 2, 2])

    def test_prf(self):
        self.assertEqual(evaluate.prf(0, 0, 0), (0.0, 0.0, 0.0))
        p, r, f = evaluate.prf(3, 1, 2)
        self.assertAlmostEqual(p, 0.75)
        self.assertAlmostEqual(r, 0.6)
        self.assertAlmostEqual(f, 2 * 0.75 * 0.6 / 1.35)


class Exports(unittest.TestCase):
    """The app's exports scored against the gold (evaluate.py --exports)."""

    def test_offsets_carry_over_whitespace_differences(self):
        gold = "Headline\n\n\nChina and Peru met.\n"
        exported = "Headline\n\nChina and Peru met."
        start, end = evaluate.aligned(exported, gold)
        for word in ("China", "Peru", "Headline"):
            s, e = exported.index(word), exported.index(word) + len(word)
            self.assertEqual(gold[start(s):end(e)], word)

    def test_read_exports(self):
        gold = "Headline\n\nXi met Lula.\n\nThey talked trade.\n"
        text = "Headline\n\nXi met Lula.\n\nThey talked trade."
        with tempfile.TemporaryDirectory() as tmp:
            folder = pathlib.Path(tmp)
            ents = [{"start": 10, "end": 12, "label": "PERSON"}, {"start": 17, "end": 21, "label": "PERSON"},
                    {"start": 0, "end": 8, "label": "WORK_OF_ART"}]
            (folder / "a.displacy.json").write_text(json.dumps({"text": text, "ents": ents}))
            at = lambda n: {"codepoint": n, "utf16": n}
            blocks = [{"index": 0, "kind": "title", "start": at(0), "end": at(8)},
                      {"index": 1, "kind": "paragraph", "start": at(10), "end": at(22)},
                      {"index": 2, "kind": "paragraph", "start": at(24), "end": at(42)}]
            paragraphs = [{"block": 1, "about": ["dialogue"]}, {"block": 2, "about": ["dialogue", "economy"]}]
            full = {"document": {"text": text, "blocks": blocks}, "themes": {"paragraphs": paragraphs}}
            (folder / "a.lede.json").write_text(json.dumps(full))
            paras = []
            preds, _ = evaluate.read_exports([{"name": "a", "text": gold}], folder, paras)
        self.assertEqual(preds, [{(10, 12, "PERSON"), (17, 21, "PERSON")}])
        self.assertEqual(paras, [[(10, 22, {"dialogue"}), (24, 42, {"dialogue", "economy"})]])

    def test_a_missing_export_is_said(self):
        with tempfile.TemporaryDirectory() as tmp, self.assertRaises(evaluate.EngineMissing):
            evaluate.read_exports([{"name": "a", "text": "x"}], tmp, [])


class Agreement(unittest.TestCase):
    def test_the_second_reading_parses_and_matches_every_paragraph(self):
        import runpy
        agree = runpy.run_path(str(pathlib.Path(__file__).parent / "agreement" / "agree.py"))
        for split in ("test", "dev"):
            read = list(agree["readings"](split))
            self.assertTrue(read, split)
            for doc, rows in read:
                self.assertEqual(len(agree["as_prediction"](doc, rows)), len(rows), doc["name"])


class Themes(unittest.TestCase):
    KNOWN = ["dialogue", "economy", "friction", "security"]

    def test_parse_rows(self):
        rows = build_gold.parse_themes(
            "# comment\nHANOI, Nov. 14 | economy, dialogue | friction\nThe note | - | -\n", self.KNOWN)
        self.assertEqual(rows, [
            {"start": "HANOI, Nov. 14", "primary": ["economy", "dialogue"], "acceptable": ["friction"]},
            {"start": "The note", "primary": [], "acceptable": []},
        ])

    def test_parse_rejects(self):
        for bad in ("no separators", "A | economy", "A | trade | -", "A | economy | economy",
                    "A | economy, economy | -", "A | economy | friction, economy"):
            with self.subTest(bad=bad), self.assertRaises(ValueError):
                build_gold.parse_themes(bad, self.KNOWN)

    def test_paragraph_starts_skip_headline_and_byline(self):
        text = "A headline\n\nBy Ann Lee, The Daily\n\nFirst.\n\nSecond\nline."
        self.assertEqual(build_gold.paragraph_starts(text), [35, 43])
        self.assertEqual(build_gold.paragraph_starts("First sentence.\n\nSecond."), [0, 17])

    def test_check_every_paragraph_has_one_row(self):
        text = "Title\n\nOne paragraph.\n\nOne more."
        row = lambda s: {"start": s, "primary": [], "acceptable": []}
        self.assertEqual(check_gold.check_themes(text, [row("One p"), row("One m")]), [])
        self.assertEqual(len(check_gold.check_themes(text, [row("One p")])), 1)      # a paragraph unread
        self.assertEqual(len(check_gold.check_themes(text, [row("One")])), 1)        # the second is unread
        self.assertEqual(check_gold.check_themes(text, [row("One"), row("One")]), [])  # in reading order
        self.assertEqual(len(check_gold.check_themes(text, [row("One m"), row("One p")])), 2)  # out of order
        self.assertEqual(len(check_gold.check_themes(text, [row("One p"), row("One m"), row("Two")])), 1)

    def test_recall_precision_exact(self):
        doc = {"text": "P1 text.\n\nP2 text.\n\nP3 text.", "themes": [
            {"start": "P1", "primary": ["economy"], "acceptable": ["friction"]},
            {"start": "P2", "primary": ["dialogue", "security"], "acceptable": []},
            {"start": "P3", "primary": [], "acceptable": []},
        ]}
        paragraphs = [[(0, 8, {"economy", "friction"}), (10, 18, {"dialogue", "economy"}),
                       (20, 28, set())]]
        c = evaluate.theme_counts([doc], paragraphs)
        self.assertEqual((c["paragraphs"], c["primary"], c["found"]), (3, 3, 2))
        self.assertEqual((c["predicted"], c["acceptable"], c["exact"]), (4, 3, 2))
        self.assertIn("| 0.667 | 0.750 | 0.667 |", evaluate.theme_line(c))

    def test_one_tally_serves_the_theme_scripts(self):
        rows = [{"primary": ["economy"], "acceptable": ["friction"]},
                {"primary": ["dialogue", "security"], "acceptable": []},
                {"primary": [], "acceptable": []}]
        preds = [{"economy", "friction"}, {"dialogue", "economy"}, set()]
        figures = evaluate.theme_figures(evaluate.tally_themes(zip(rows, preds)))
        self.assertEqual([round(f, 3) for f in figures[:3]], [0.667, 0.75, 0.667])
        self.assertEqual(figures[3:], (2, 1))  # primaries found, wrong themes given
        # Nothing to find and nothing given: zeros, not a division by zero.
        self.assertEqual(evaluate.theme_figures(evaluate.tally_themes([])), (0.0, 0.0, 0.0, 0, 0))

    def test_unmatched_row_counts_as_nothing_found(self):
        doc = {"text": "P1 text.", "themes": [{"start": "Other", "primary": ["economy"], "acceptable": []}]}
        c = evaluate.theme_counts([doc], [[(0, 8, {"economy"})]])
        self.assertEqual((c["found"], c["predicted"]), (0, 0))


class GoldFiles(unittest.TestCase):
    def test_every_gold_file_is_valid_and_built_from_its_markup(self):
        here = pathlib.Path(__file__).resolve().parent
        for path in sorted((here / "annotated").glob("*/*.txt")):
            with self.subTest(path=path.name):
                target = here / path.parent.name / (path.stem + ".json")
                self.assertEqual(check_gold.check(target)[0], [])
                raw = path.read_text(encoding="utf-8")
                text, ents = build_gold.parse(raw.partition("\n\n")[2].strip("\n") + "\n")
                doc = json.loads(target.read_text(encoding="utf-8"))
                self.assertEqual((doc["text"], doc["ents"]), (text, ents), "run build_gold.py")
                themes = path.with_suffix(".themes")
                want = build_gold.parse_themes(themes.read_text(encoding="utf-8")) if themes.exists() else None
                self.assertEqual(doc.get("themes"), want, "run build_gold.py")

    def test_the_test_split_has_themes_for_every_text(self):
        here = pathlib.Path(__file__).resolve().parent
        for path in sorted((here / "annotated" / "test").glob("*.txt")):
            with self.subTest(path=path.name):
                self.assertTrue(path.with_suffix(".themes").exists())


if __name__ == "__main__":
    unittest.main()
