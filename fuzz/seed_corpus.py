#!/usr/bin/env python3
"""Writes the hand-made seed inputs of every fuzz target into fuzz/corpus/.

Run from the repository root. Seeds are named for what they are; the inputs
the fuzzer adds are named by their SHA-1. Input shapes: see the `fuzzing`
modules (crates/lede-analysis/src/fuzzing.rs, src/fuzzing.rs).
"""
import re

CORPUS = "fuzz/corpus/"


def write(target, name, data):
    if isinstance(data, str):
        data = data.encode()
    with open(CORPUS + target + "/" + name, "wb") as f:
        f.write(data)


def plain(path, paragraphs):
    """The first paragraphs of an annotated eval text, without its marks."""
    with open(path) as f:
        blocks = f.read().split("\n\n")[1 : 1 + paragraphs]
    return re.sub(r"\[\[([^|\]]+)\|[A-Z]+\]\]", r"\1", "\n\n".join(blocks))


with open("seeds/000_98b7338e0901f976.txt") as f:
    seed = f.read()
xi = plain("eval/annotated/dev/w02_xi_macron_call.txt", 3)
opec = plain("eval/annotated/dev/w05_opec_oil.txt", 3)
html = """<!DOCTYPE html><html><head><title>Talks resume | Site</title><style>p{}</style><script>x("<p>")</script></head>
<body><nav><a href="/">Home</a></nav><article><h1>Talks resume</h1><p class="byline">By Ann Lee, The Daily</p>
<p>The two sides met in Gen&egrave;ve&nbsp;on Monday &#8211; &#x201C;a start&#x201D;, said Xi&#146;s aide.</p>
<pre>line one
line two</pre><table><tr><td>Cell</td><td>&amp; more</td></tr></table><!-- a comment --></article></body></html>"""
md = """# Talks resume

By Ann Lee, *The Daily*

The two sides met in [Geneva](https://example.org/geneva) on **Monday**, said `Xi`.

- first point
- second point about <b>tariffs</b> &amp; trade

> A quote from Beijing.

```
code block
```
"""

# importers: a digit picks the file name ('0' none, '1' .txt, '2' .md,
# '3' .html, '4' .htm, '5' no extension), then the file's bytes.
write("importers", "plain_seed_article", "0" + seed)
write(
    "importers",
    "txt_wrapped",
    "1The committee met on Tuesday to discuss the new budget, which\nwas described by several members as the most ambitious in a\n"
    "decade. Critics said it would not survive the winter.\r\n\r\nA second para\u00adgraph\u200b follows\ther\u00e9.\n",
)
write("importers", "md_article", "2" + md)
write("importers", "html_page", "3" + html)
write("importers", "htm_fragment", "4<p>Hello <i>there</i><br>Zürich &#0; &#x1F600; &bogus; &#99999999;</p>")
write("importers", "sniffed_html", "5" + html)
write("importers", "sniffed_markdown", "5" + md)
write("importers", "utf8_bom", b"1\xef\xbb\xbf" + xi.encode())
write("importers", "utf16le_bom", b"0\xff\xfe" + "Talks “resume”\n\nXi met Macron in 北京 😀.".encode("utf-16-le"))
write("importers", "utf16be_bomless", b"5" + "Talks resume\n\nXi met Macron in Paris.".encode("utf-16-be"))
write("importers", "not_utf8", b"1Caf\xe9 au lait\n")
write("importers", "pdf", b"0%PDF-1.4\n%\xe2\xe3\n")

# recognize: an article's text.
write("recognize", "seed_article", seed)
write("recognize", "xi_macron", xi)
write("recognize", "opec", opec)
write(
    "recognize",
    "mixed_scripts",
    "Talks\n\nBy Zhong Sheng, People’s Daily\n\n“We will go,” said Xi Jinping in 北京 on Jan. 17, 2025 😀, "
    "with 46% and $200 billion.\n\n(Zhong Sheng is a pen name.)",
)

# themes: "name|term|term…", a line break, then the article.
write("themes", "energy_opec", "Energy|oil|output|=barrels|#number barrels per day|OPEC+\n" + opec)
write("themes", "trade_seed", "Trade war|tariff|win-win|trade war|Trade\n" + seed)
write("themes", "economy_clash", "Economy|economy\n" + xi)
write("themes", "bad_terms", "!!!|\nShort text.")
write("themes", "suggested_phrase_with_hash", "Energy|oil\nOil producers want market ### share back.\n\nThey fight for market ### share in Asia.")

# exports: the labels shown ("*" for all), a line break, then the article.
write("exports", "all_seed", "*\n" + seed)
write("exports", "people_places", "PERSON,GPE\n" + xi)
write(
    "exports",
    "wide_chars",
    "DATE,PERSON,NORP,CARDINAL\n“Quoted” 😀 text about Zürich: Xi Jinping met Emmanuel Macron in 北京 on Jan. 17, 2025, "
    "and said “trade, trade, trade” 3 times.\n\nChinese President Xi Jinping said \"=SUM(1)\", with a comma, in Paris.",
)
write("exports", "none", "NOTHING\n" + opec)

# view_state: the address's query string.
write("view_state", "every_setting", "?hide=GPE,DATE&quotes=off&entity=Xi+Jinping&only=1&themes=economy,cooperation&match=all&outside=hide&q=win-win")
write("view_state", "encoded", "?q=a%2C+b+%26+c%F0%9F%98%80&entity=%20Donald%20Trump%20&themes=history,%20friction,,history")
write("view_state", "odd", "only=1&match=all&hide=NOT_A_LABEL,,PERSON&q=%zz&q=second&entity=")

# library: the stored JSON, in the current format (version 1) and others.
write(
    "library",
    "current",
    '{"version":1,"articles":[{"id":"a1","title":"Talks “resume”","added":"2026-11-28T10:00:00.000Z",'
    '"text":"Talks resume\\n\\nThe sides met in Genève. 😀"}],"current":"a1"}',
)
write("library", "gone_current", '{"version":1,"articles":[],"current":"gone"}')
write("library", "newer", '{"version":2,"articles":[]}')
write("library", "damaged", '{"version":1,"articles":[{"id":3}]}')
