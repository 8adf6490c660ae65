//! Rules for names no list holds: runs of capitalised words, read by what is
//! around and inside them.
//!
//! - A title or honorific ("President", "Foreign Minister", "Mr.") announces a
//!   person: the capitalised words after it are a PERSON, the title is not.
//! - A run ending in an organisation word ("Ministry", "Daily", "Party",
//!   "Inc.") is an ORG; "Ministry of Commerce" reads the word before "of".
//!   Place, facility, event and law words work the same way.
//! - Two to four other capitalised words are a person's name, unless every one
//!   of them is an ordinary English word ("Greater Progress" in a headline).
//! - A lone capitalised word is kept aside: it becomes a PERSON if it is the
//!   surname of a person named elsewhere in the text (see `group`).
//! - Context names an organisation no list holds: "shares of Brightwell", "the
//!   chipmaker Voltera", "a post on X"; and a department's short name before
//!   "Secretary" is the department: "Treasury Secretary", "Commerce Secretary".
//!
//! Words that start sentences in capitals ("The", "However") never start a name.

use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;
use std::sync::LazyLock;

use super::Label;
use super::gazetteer::{Fnv, Gazetteer, with_lower};
use super::tokens::{Kind, Token};
use super::words::{
    COMPANY_NOUNS, CONNECTORS, CORPORATE_NOUNS, DEPARTMENTS, FIRST_KEYWORDS, GROUP_PLURAL_ENDINGS,
    KEYWORDS, MARKET_MOVES, MEDIA_NOUNS, NOT_ACRONYMS, ORG_APPOSITIVES, PARTICLES, PLACE_PREFIXES,
    PLACE_PREPOSITIONS, POST_WORDS, SPEECH_VERBS, STAFF_NOUNS, TITLE_MODIFIERS, numbers,
};

/// One unit the name rules read: a known name, a token, or a stop (a number
/// or date already found).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Item {
    Known {
        start: usize,
        end: usize,
        entry: u32,
    },
    Tok(usize),
    Stop,
}

/// A mention the name rules found.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Raw {
    pub start: usize,
    pub end: usize,
    pub label: Label,
    pub why: &'static str,
    pub entry: Option<u32>,
    /// A lone capitalised word waiting for evidence, and what is around it.
    pub lone: Option<Lone>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Lone {
    pub sentence_start: bool,
    pub before_said: bool,
    pub after_place_word: bool,
    /// A comma and a known place follow: "Taylor, Texas".
    pub before_place: bool,
    /// "… said in a statement", "according to …": an organisation, unless it
    /// is a person's surname.
    pub org_cue: bool,
    /// "Ebrard, the economy minister": a person, by the role after a comma;
    /// so is "Okafor, 54,": a person, by the age between commas, and "the
    /// Maduro regime": a person, by the rule named after the name.
    pub role_after: bool,
    /// "Joko Widodo, known as Jokowi": another name of the person before.
    pub known_as: bool,
    /// "Khan's lawyer": a possessive follows, so a common word ("khan") at a
    /// sentence's start is a name, not that word.
    pub before_possessive: bool,
}

/// "Prosecutors", "Lawmakers", "Activists": a plural naming a group of people.
fn is_group_plural(word: &str) -> bool {
    word.len() > 6 && GROUP_PLURAL_ENDINGS.iter().any(|e| word.ends_with(e))
}

/// A person's age as written between commas after a name: "54" (not
/// "1,000", "2019" or "0").
pub(crate) fn is_age(word: &str) -> bool {
    (1..=3).contains(&word.len())
        && word.bytes().all(|b| b.is_ascii_digit())
        && word.parse::<u16>().is_ok_and(|n| (1..=120).contains(&n))
}

/// "SEP", "AUG.": a month in capitals, as tables and datelines write it.
fn is_month_abbreviation(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    w.bytes().all(|b| b.is_ascii_uppercase())
        && with_lower(w, |w| numbers::SHORT_MONTHS.contains(&w))
}

/// "March", "Feb.", "SEPT": a month's name or abbreviation, in any case
/// (`data/words/numbers.txt`, the lists the date rules read).
fn is_month(word: &str) -> bool {
    with_lower(word.trim_end_matches('.'), |w| {
        numbers::MONTHS.contains(&w) || numbers::SHORT_MONTHS.contains(&w)
    })
}

/// "Urdu", "Hindi": a language, which names no paper ("the Urdu newspaper").
fn is_language(word: &str) -> bool {
    matches!(
        word,
        "Urdu"
            | "Hindi"
            | "Arabic"
            | "Persian"
            | "Farsi"
            | "Pashto"
            | "Dari"
            | "Bengali"
            | "Tamil"
            | "Mandarin"
            | "Cantonese"
            | "Swahili"
            | "Hebrew"
            | "Malay"
            | "Amharic"
            | "Hausa"
            | "English"
            | "French"
            | "Spanish"
    )
}

/// "Inc", "Corp.", "SpA": a company's legal form, the last word of its name.
pub(crate) fn is_legal_form(word: &str) -> bool {
    matches!(
        word.trim_end_matches('.'),
        "Inc"
            | "Corp"
            | "Co"
            | "Ltd"
            | "LLC"
            | "PLC"
            | "Plc"
            | "plc"
            | "AG"
            | "SA"
            | "S.A"
            | "SpA"
            | "S.p.A"
            | "NV"
            | "N.V"
            | "GmbH"
            | "Bhd"
            | "Berhad"
            | "Limited"
    )
}

/// Whether `word`, in any case, is one of the [`TITLE_MODIFIERS`].
fn is_title_modifier(word: &str) -> bool {
    static SET: LazyLock<HashSet<&str, BuildHasherDefault<Fnv>>> =
        LazyLock::new(|| TITLE_MODIFIERS.iter().copied().collect());
    with_lower(word, |w| SET.contains(w))
}

fn keyword(word: &str) -> Option<Label> {
    static INDEX: LazyLock<HashMap<&str, Label, BuildHasherDefault<Fnv>>> =
        LazyLock::new(|| KEYWORDS.iter().copied().collect());
    INDEX.get(word).copied()
}

/// Why an unlisted name is an organisation: its context ("shares of X",
/// "X newspaper"), or words that describe it as one. `group` carries these
/// to the name's other mentions.
pub(crate) const WHY_COMPANY_BY_CONTEXT: &str = "rule: company named by its context";
pub(crate) const WHY_DESCRIBED_AS_ORG: &str = "rule: name described as an organisation";

pub(crate) struct NameRules<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
    pub items: &'a [Item],
    pub gaz: &'a Gazetteer,
    /// A headline: its capitals say little, so only lists and keywords count.
    pub strict: bool,
    /// The text after a headline, where its words are written in their own
    /// case ("Drought" in a headline is the body's "drought").
    pub body: &'a str,
    /// The words of the whole text, asked once a document
    /// ([`NameRules::written_in_lower_case`]).
    pub words: &'a TextWords,
    /// The words of `body`, asked of a headline's words.
    pub body_words: &'a TextWords,
}

/// Whether a text has a word, asked once a document for a few words: the
/// first [`SEARCHES`] distinct words asked are searched for in the text and
/// remembered (a news article asks about a handful); past them the answer
/// is no, so no text makes the search cost its length for each of its
/// words.
#[derive(Default)]
pub(crate) struct TextWords {
    answers: std::cell::RefCell<Vec<(Box<str>, bool)>>,
}

/// How many distinct words [`TextWords`] searches a text for.
const SEARCHES: usize = 64;

impl TextWords {
    /// Whether `text`, the same each time it is asked, has `word` with no
    /// letter or digit either side.
    fn has(&self, text: &str, word: &str) -> bool {
        let mut answers = self.answers.borrow_mut();
        if let Some(&(_, known)) = answers.iter().find(|(w, _)| **w == *word) {
            return known;
        }
        if answers.len() >= SEARCHES {
            return false;
        }
        let found = has_word(text, word);
        answers.push((word.into(), found));
        found
    }
}

/// Whether `text` has `word` with no letter or digit either side.
fn has_word(text: &str, word: &str) -> bool {
    crate::steps::steps(text.len());
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// `w` if it is a name after a lower-case particle: "al-Burhan", "el-Sisi".
/// Out of line: [`NameRules::cap_word`], asked of most items, stays small.
fn particle_name(w: &str) -> Option<&str> {
    let particle = w
        .as_bytes()
        .get(2..4)
        .is_some_and(|b| b[0] == b'-' || b[1] == b'-')
        && ["al-", "el-", "bin-", "ad-", "as-"].iter().any(|p| {
            w.strip_prefix(p)
                .is_some_and(|r| r.starts_with(|c: char| c.is_uppercase()))
        });
    particle.then_some(w)
}

impl<'a> NameRules<'a> {
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    fn tok_text(&self, t: usize) -> &'a str {
        self.toks[t].text(self.text)
    }

    fn item_span(&self, i: usize) -> (usize, usize) {
        match self.items[i] {
            Item::Known { start, end, .. } => (start, end),
            Item::Tok(t) => (self.toks[t].start, self.toks[t].end),
            Item::Stop => unreachable!("stops are never in a run"),
        }
    }

    /// The capitalised word of item `i`, if it is one. Asked of most items,
    /// often only whether there is one: inlined, that costs a few compares.
    /// (Natively only: in WebAssembly, built for size, it stays a call.)
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn cap_word(&self, i: usize) -> Option<&'a str> {
        crate::steps::step();
        match self.items.get(i)? {
            Item::Tok(t) if self.toks[*t].kind == Kind::Word => {
                let tok = &self.toks[*t];
                if tok.upper {
                    Some(self.tok_text(*t))
                } else if tok.hyphen {
                    particle_name(self.tok_text(*t))
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    fn is_nameish(&self, i: usize) -> bool {
        matches!(self.items.get(i), Some(Item::Known { .. })) || self.cap_word(i).is_some()
    }

    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    fn word(&self, i: usize) -> Option<&'a str> {
        crate::steps::step();
        match self.items.get(i)? {
            Item::Tok(t) => Some(self.tok_text(*t)),
            _ => None,
        }
    }

    fn is_connector(&self, i: usize) -> bool {
        // Every connector is three bytes or fewer: most words stop at the length.
        self.word(i)
            .is_some_and(|w| w.len() <= 3 && CONNECTORS.contains(&w))
            || self.is_possessive(i)
    }

    fn is_place_prefix(&self, i: usize) -> bool {
        let text = match self.items.get(i) {
            Some(Item::Known { start, end, .. }) => &self.text[*start..*end],
            Some(Item::Tok(t)) => self.tok_text(*t),
            _ => return false,
        };
        PLACE_PREFIXES.contains(&text)
    }

    fn is_possessive(&self, i: usize) -> bool {
        matches!(self.items.get(i), Some(Item::Tok(t)) if self.toks[*t].kind == Kind::Possessive)
    }

    fn known_label(&self, i: usize) -> Option<Label> {
        match self.items.get(i)? {
            Item::Known { entry, .. } => Some(self.gaz.entry(*entry).label),
            _ => None,
        }
    }

    /// The last word of item `i`: "Party" of a known "Democratic Party".
    fn last_word(&self, i: usize) -> Option<&'a str> {
        match self.items.get(i)? {
            Item::Known { start, end, .. } => self.text[*start..*end].rsplit(' ').next(),
            Item::Tok(t) => Some(self.tok_text(*t)),
            Item::Stop => None,
        }
    }

    /// The type a keyword gives the run `start..end`, if one does.
    fn keyword_label(&self, start: usize, end: usize) -> Option<Label> {
        self.keyword_label_from(start, &mut Tail::new(end))
    }

    /// The type a keyword gives the run from `start` to the end of `tail`.
    fn keyword_label_from(&self, start: usize, tail: &mut Tail) -> Option<Label> {
        let end = tail.end;
        if end - start < 2 {
            return None;
        }
        // A known name at the end lends its keyword only to plain words before
        // it: "Liberal Democratic Party", not "… Times and People's Daily".
        let known_last = matches!(self.items[end - 1], Item::Known { .. });
        let last_kw = if known_last && tail.has_connector_from(self, start) {
            None
        } else if end - start >= 2
            && self.last_word(end - 1) == Some("District")
            && self.word(end - 2) == Some("School")
        {
            // "the Irving Independent School District": a school board, not
            // a district's land.
            Some(Label::Org)
        } else if end - start >= 2
            && matches!(self.last_word(end - 1), Some("Centre" | "Center"))
            && matches!(
                self.word(end - 2),
                Some("Convention" | "Exhibition" | "Trade" | "Shopping")
            )
        {
            // "the Metro Toronto Convention Centre", "the World Trade Center":
            // a building, where other centres are organisations.
            Some(Label::Fac)
        } else {
            self.last_word(end - 1).and_then(keyword)
        };
        // "Nathan Law", "Bonar Law": a law word after a given name is a surname.
        let last_kw = last_kw.filter(|&label| {
            !(label == Label::Law
                && end - start >= 2
                && self
                    .cap_word(end - 2)
                    .is_some_and(|w| self.gaz.given_names.contains(w)))
        });
        let of_kw = tail
            .first_of(self, start)
            .and_then(|of| of.checked_sub(1))
            .filter(|&k| k >= start)
            .and_then(|k| self.word(k).and_then(keyword));
        let first_kw = self
            .word(start)
            .and_then(|w| FIRST_KEYWORDS.iter().find(|(k, _)| *k == w))
            .map(|&(_, l)| l);
        last_kw.or(of_kw).or(first_kw)
    }

    /// Whether a headline's capitalised `w` is an ordinary word: one the
    /// body writes in lower case, or one the dictionary knows that the body
    /// never writes capitalised ("Austin" is a common word of the
    /// dictionary's corpus, and the body's Lloyd Austin).
    fn title_word(&self, w: &str) -> bool {
        let lower = w.to_lowercase();
        if lower == w {
            return false;
        }
        let in_body = |word: &str| self.body_words.has(self.body, word);
        in_body(&lower) || (self.gaz.is_common(w) && !in_body(w))
    }

    /// "Visit to Indo-Pacific Builds Upon Sustained Momentum With Key
    /// Partners": a headline capitalises its prepositions and conjunctions,
    /// which end a name there as their lower case does in running text
    /// ("of", "and", "the", "for" and "on" can be inside one).
    fn title_case_break(&self, i: usize) -> bool {
        self.strict
            && self.cap_word(i).is_some_and(|w| {
                self.gaz.is_function_word(w) && !matches!(w, "Of" | "And" | "The" | "For" | "On")
            })
    }

    /// "the Government of Brazil", "the Federal Government of Nigeria": a
    /// place's government is described, not named (GUIDELINES.md), so only
    /// the place, at the index returned, is a name.
    fn government_of(&self, start: usize, end: usize) -> Option<usize> {
        let of = (start..end).find(|&i| self.word(i) == Some("of"))?;
        (of > start
            && self.word(of - 1) == Some("Government")
            && end == self.after_of_the(of) + 1
            && self.known_label(end - 1) == Some(Label::Gpe))
        .then_some(end - 1)
    }

    /// The token index just before item `i` starts, if any.
    fn tok_before(&self, i: usize) -> Option<usize> {
        let (start, _) = self.item_span(i);
        let n = self.toks.partition_point(|t| t.start < start);
        n.checked_sub(1)
    }

    fn tok_after(&self, end: usize) -> Option<usize> {
        let n = self.toks.partition_point(|t| t.start < end);
        (n < self.toks.len()).then_some(n)
    }

    /// Whether item `i` starts a sentence.
    fn sentence_start(&self, i: usize) -> bool {
        let mut t = self.tok_before(i);
        while let Some(p) = t {
            let w = self.tok_text(p);
            match w {
                "“" | "\"" | "‘" | "'" | "(" | "[" | "—" | "–" | "-" => {
                    t = p.checked_sub(1)
                }
                "." | "!" | "?" | ":" | ";" | "…" => return true,
                _ => return false,
            }
        }
        true
    }

    /// Finds every name run and classifies it.
    pub fn run(&self, out: &mut Vec<Raw>) {
        let mut i = 0;
        while i < self.items.len() {
            if !self.is_nameish(i) {
                i += 1;
                continue;
            }
            let start = i;
            let mut end = i + 1;
            // "pro-Beijing New People Party", "anti-Kremlin Navalny": a
            // known name a "pro-" or "anti-" leans on ends with itself.
            let leaned_on =
                matches!(self.items[start], Item::Known { .. }) && self.after_pro_or_anti(start);
            loop {
                if leaned_on {
                    break;
                }
                if self.is_nameish(end)
                    && self.adjacent(end - 1, end)
                    && !self.title_case_break(end)
                    && !self.new_sentence_after_abbreviation(end)
                {
                    end += 1;
                } else if self.is_possessive(end) {
                    // "Taiwan People's Party" is one name; "China's Commerce Ministry" two.
                    if self.cap_word(end - 1).is_some_and(|w| keyword(w).is_none())
                        && self.is_nameish(end + 1)
                    {
                        end += 2;
                    } else {
                        break;
                    }
                } else if self.is_connector(end) && self.is_nameish(end + 1) {
                    end += 2;
                } else if self.word(end) == Some("on")
                    && self.cap_word(end - 1).is_some_and(|w| keyword(w).is_some())
                    && (end + 1..end + 3).all(|k| {
                        matches!(self.items.get(k), Some(Item::Tok(_)))
                            && self.cap_word(k).is_some()
                    })
                {
                    // "Council on Foreign Relations", "Commission on Human
                    // Rights": a keyword before "on" and two capitalised
                    // words no list knows ("the Security Council on Gaza" is two).
                    end += 3;
                } else if self.word(end) == Some("of")
                    && self.word(end + 1) == Some("the")
                    && self.is_nameish(end + 2)
                {
                    end += 3;
                } else if self.word(end) == Some("for")
                    && self.word(end + 1) == Some("the")
                    && self.cap_word(end - 1).is_some_and(|w| keyword(w).is_some())
                    && self.is_nameish(end + 2)
                {
                    // "the Andy Warhol Foundation for the Visual Arts": a
                    // keyword before "for the" ("China for the Belt" is two).
                    end += 3;
                } else if self.word(end) == Some("at")
                    && (start..end).any(|k| self.word(k) == Some("University"))
                    && self.is_nameish(end + 1)
                {
                    // "the University of North Carolina at Greensboro": a
                    // university's campus is part of its name.
                    end += 2;
                } else {
                    break;
                }
            }
            self.classify(start, end, out);
            i = end;
        }
    }

    /// "Ambassador to Afghanistan Hamdullah Mohib", "Envoy to the United
    /// States …": a place right after a title's "to" (or "of", "in") is where
    /// the post is, and the words after it are the holder, not a company.
    fn after_title_and_preposition(&self, start: usize) -> bool {
        let p = start - usize::from(start > 0 && self.word(start - 1) == Some("the"));
        p >= 2 && matches!(self.word(p - 1), Some("to" | "of" | "in")) && self.is_title_item(p - 2)
    }

    /// "in Washington D.C. The team", "to the U.S. The President": the stop
    /// of an abbreviation also ends its sentence when a capitalised function
    /// word follows, which starts the next one and is no part of the name.
    fn new_sentence_after_abbreviation(&self, i: usize) -> bool {
        let (_, before_end) = self.item_span(i - 1);
        self.text[..before_end].ends_with('.')
            && matches!(self.items[i], Item::Tok(_))
            && self
                .cap_word(i)
                .is_some_and(|w| self.gaz.is_function_word(w))
    }

    /// Whether items `a` and `b` have only white space between them.
    fn adjacent(&self, a: usize, b: usize) -> bool {
        let (_, ae) = self.item_span(a);
        let (bs, _) = self.item_span(b);
        // "India-Japan Annual Summit": a hyphen joins the parts of one run,
        // which are split again unless a keyword makes it one name.
        &self.text[ae..bs] == "-" || self.text[ae..bs].chars().all(char::is_whitespace)
    }

    fn is_title_item(&self, i: usize) -> bool {
        let Some(w) = self.cap_word(i) else {
            return false;
        };
        // "Major-General", "Rear-Admiral": a rank's first part before a title.
        let title = |p: &str| self.gaz.is_title(p) || p.eq_ignore_ascii_case("elect");
        let titled = match w.rsplit_once('-') {
            None => title(w),
            Some((head, last)) => {
                title(last)
                    && head
                        .split('-')
                        .all(|p| title(p) || matches!(p, "Major" | "Rear"))
            }
        };
        titled
            // "Chief Executive": a modifier alone, a title after "Chief".
            || (w == "Executive" && i > 0 && self.word(i - 1) == Some("Chief"))
    }

    /// "Kestrel Chief Executive", "Apple CEO": one unknown word before a
    /// company's title is the company.
    fn company_before_title(&self, start: usize, a: usize, b: usize) -> bool {
        a == start + 1
            && matches!(self.items[start], Item::Tok(_))
            && self
                .cap_word(start)
                .is_some_and(|w| !self.gaz.is_common(w) && !self.gaz.given_names.contains(w))
            && (a..b).any(|k| {
                self.word(k).is_some_and(|w| {
                    matches!(
                        w.trim_end_matches('.'),
                        "CEO" | "CFO" | "Executive" | "Chairman" | "Chairwoman" | "Chairperson"
                    )
                })
            })
    }

    /// Where a minister's title starts when the capitalised words before it
    /// name the portfolio ("Energy and Mineral Resources Minister", "Human
    /// Capital Minister"): generic words of the title, not an organisation.
    /// A name the lists know (a country, a nationality) stays outside.
    fn portfolio_before(&self, start: usize, mut a: usize) -> usize {
        let plain = |k: usize| {
            matches!(self.items[k], Item::Tok(_))
                && self
                    .cap_word(k)
                    .is_some_and(|w| !self.gaz.given_names.contains(w))
        };
        while a > start {
            if plain(a - 1) {
                a -= 1;
            } else if a - 1 > start && self.word(a - 1) == Some("and") && plain(a - 2) {
                a -= 2;
            } else {
                break;
            }
        }
        a
    }

    /// Where a minister's portfolio ends when it follows the title as "for
    /// … Affairs" or "of … Affairs" ("Minister for Pacific Island Affairs"):
    /// the item after "Affairs", whatever names are inside.
    fn portfolio_after(&self, b: usize, end: usize) -> Option<usize> {
        if !matches!(self.word(b), Some("of" | "for")) {
            return None;
        }
        let last = (b + 1..end.min(b + 6))
            .take_while(|&k| {
                matches!(self.items[k], Item::Known { .. }) || self.cap_word(k).is_some()
            })
            .find(|&k| self.word(k) == Some("Affairs"))?;
        Some(last + 1)
    }

    fn is_modifier_item(&self, i: usize) -> bool {
        self.cap_word(i).is_some_and(|w| {
            w.split('-')
                .all(|p| is_title_modifier(p) || self.gaz.is_title(p))
        })
    }

    /// A known organisation named by a word that also qualifies titles:
    /// "Treasury" in "Treasury Secretary".
    fn is_modifier_known(&self, i: usize) -> bool {
        matches!(self.items.get(i), Some(Item::Known { start, end, .. })
            if !self.text[*start..*end].contains(' ')
                && is_title_modifier(&self.text[*start..*end]))
    }

    /// The department named right before the title at `i` when the title is
    /// "Secretary": "Treasury" in "Treasury Secretary" and "Treasury Cabinet
    /// Secretary".
    fn department_before(&self, i: usize) -> Option<usize> {
        if self.word(i) != Some("Secretary") {
            return None;
        }
        let d = match i.checked_sub(1)? {
            c if self.word(c) == Some("Cabinet") => c.checked_sub(1)?,
            c => c,
        };
        let name = match self.items[d] {
            Item::Known { start, end, .. } => &self.text[start..end],
            Item::Tok(t) => self.tok_text(t),
            Item::Stop => return None,
        };
        DEPARTMENTS.contains(&name).then_some(d)
    }

    /// A town the cities list holds (not a country, not a province).
    fn is_town(&self, entry: u32) -> bool {
        let e = self.gaz.entry(entry);
        e.label == Label::Gpe && e.source.starts_with("cities")
    }

    /// Whether item `i` is a capitalised given name ("Ali", "Chelsea").
    fn after_given_name(&self, i: usize) -> bool {
        self.cap_word(i)
            .is_some_and(|w| self.gaz.given_names.contains(w))
    }

    /// Whether the tokens from `t` are a comma and a role: ", the economy
    /// minister", ", a spokesman for".
    fn role_after(&self, t: usize) -> bool {
        let w = |k: usize| self.toks.get(t + k).map(|x| x.text(self.text));
        if w(0) != Some(",") || !matches!(w(1), Some("the" | "a" | "an" | "his" | "her")) {
            return false;
        }
        (2..5)
            .map_while(|k| {
                w(k).filter(|x| x.starts_with(|c: char| c.is_lowercase()) && !x.contains('\''))
            })
            .any(|x| self.gaz.is_title(x))
    }

    /// Whether the tokens from `t` describe the name before them as an
    /// organisation: ", a Venezuelan gang", ", a London think tank", ", the
    /// country's largest lender". The description runs to its first
    /// punctuation or function word, and its head, the last word, is a noun
    /// of [`ORG_APPOSITIVES`] or [`COMPANY_NOUNS`] (not ", a party
    /// official", whose head is a person).
    fn org_after(&self, t: usize) -> bool {
        let w = |k: usize| self.toks.get(t + k).map(|x| x.text(self.text));
        if w(0) != Some(",") || !matches!(w(1), Some("the" | "a" | "an")) {
            return false;
        }
        let stop = |x: &str| {
            matches!(
                x,
                "that"
                    | "which"
                    | "who"
                    | "whose"
                    | "based"
                    | "of"
                    | "in"
                    | "on"
                    | "at"
                    | "for"
                    | "with"
                    | "from"
                    | "to"
                    | "and"
                    | "or"
                    | "by"
                    | "is"
                    | "was"
                    | "has"
            )
        };
        // A possessive goes on ("the group's leader": the head is "leader").
        let possessive = |x: &str| matches!(x, "'s" | "’s" | "'" | "’");
        let runs = |x: &&str| (x.starts_with(char::is_alphabetic) && !stop(x)) || possessive(x);
        let n = (2..8)
            .take_while(|&k| w(k).is_some_and(|x| runs(&x)))
            .count();
        // "a group of boy scouts" is a number of people, not a name's description.
        if w(2 + n) == Some("of") {
            return false;
        }
        (2..2 + n)
            .rev()
            .filter_map(w)
            .find(|x| !possessive(x))
            .is_some_and(|head| {
                with_lower(head, |x| {
                    ORG_APPOSITIVES.contains(&x) || COMPANY_NOUNS.contains(&x)
                })
            })
    }

    /// Whether the tokens from `t` describe the name before them as a
    /// person: ", an Australian woman and former …", ", a 17-year-old
    /// student". The description runs as in [`Self::org_after`]; its head
    /// is a noun of a person ("woman", "teacher").
    fn person_after(&self, t: usize) -> bool {
        let w = |k: usize| self.toks.get(t + k).map(|x| x.text(self.text));
        if w(0) != Some(",") || !matches!(w(1), Some("a" | "an")) {
            return false;
        }
        let n = (2..7)
            .take_while(|&k| {
                w(k).is_some_and(|x| {
                    x.starts_with(char::is_alphanumeric)
                        && !matches!(x, "and" | "or" | "who" | "of" | "from" | "in" | "with")
                })
            })
            .count();
        n > 0
            && w(1 + n).is_some_and(|head| {
                matches!(
                    head,
                    "woman"
                        | "man"
                        | "girl"
                        | "boy"
                        | "teenager"
                        | "mother"
                        | "father"
                        | "student"
                        | "resident"
                        | "citizen"
                        | "widow"
                        | "grandmother"
                        | "grandfather"
                )
            })
    }

    /// Whether the token before item `start` ends "members of" or "a
    /// member of": people are members of an organisation, not of a person.
    /// A person's "family members of" are people's, not an organisation's.
    fn members_of_before(&self, start: usize) -> bool {
        self.tok_before(start).is_some_and(|p| {
            self.tok_text(p) == "of"
                && p.checked_sub(1).is_some_and(|q| {
                    matches!(self.tok_text(q), "member" | "members")
                        && !q
                            .checked_sub(1)
                            .is_some_and(|r| matches!(self.tok_text(r), "family" | "Family"))
                })
        })
    }

    /// Whether the name ending at byte `e` modifies the two lower-case nouns
    /// after it, so that a "the" before it is theirs: "the [United Nations]
    /// climate summit" (docs/entities.md). Verbs ("the European Union
    /// imposed", "wants", "has agreed") and function words end the test; a
    /// word ending in "s" or "ed" may be a verb, so it keeps the "the". The
    /// name runs over bytes `s..e`.
    fn modifies_a_noun(&self, s: usize, e: usize) -> bool {
        // A hyphenated pair ("the United States-UK relationship") keeps it.
        if self.text[s..e].contains('-') || self.text[e..].starts_with('-') {
            return false;
        }
        let Some(t) = self.tok_after(e) else {
            return false;
        };
        // "the Democratic Center party", "the Islamic State group": one noun
        // naming what the name is of is enough.
        if matches!(
            self.tok_text(t),
            "party" | "group" | "movement" | "militia" | "coalition" | "alliance" | "bloc"
        ) && self.text[e..self.toks[t].start] == *" "
        {
            return true;
        }
        // "the State Department Spokesperson", "the NATO Secretary General":
        // a title after the name is the phrase the "the" belongs to.
        let next = self.tok_text(t);
        if self.text[e..self.toks[t].start] == *" "
            && next.starts_with(|c: char| c.is_ascii_uppercase())
            && self.gaz.is_title(next.split('-').next().unwrap_or(next))
        {
            return true;
        }
        let noun = |k: usize| {
            self.toks.get(t + k).is_some_and(|x| {
                let w = x.text(self.text);
                w.chars().all(|c| c.is_ascii_lowercase())
                    && w.len() > 2
                    && !w.ends_with('s')
                    && !w.ends_with("ed")
                    && !self.gaz.is_function_word(w)
                    && !SPEECH_VERBS.contains(&w)
                    && !matches!(
                        w,
                        "will" | "would" | "could" | "can" | "should" | "may" | "must"
                    )
            })
        };
        noun(0) && noun(1)
    }

    /// Whether "of" after a lower-case noun of a settlement or a province
    /// comes before item `start`: "the town of", "the region of".
    fn place_of_before(&self, start: usize) -> bool {
        self.tok_before(start).is_some_and(|p| {
            self.tok_text(p) == "of"
                && p.checked_sub(1).is_some_and(|q| {
                    matches!(
                        self.tok_text(q),
                        "town"
                            | "city"
                            | "village"
                            | "province"
                            | "state"
                            | "region"
                            | "district"
                            | "county"
                            | "port"
                    )
                })
        })
    }

    /// Whether the lone word of item `start`, ending at byte `e`, is a
    /// ruler's, as "the" before it and a regime after it say: "the Maduro
    /// regime", "the Milei administration", "the Assad era".
    fn rule_after(&self, start: usize, e: usize) -> bool {
        self.tok_before(start)
            .is_some_and(|p| self.tok_text(p) == "the")
            && self.text[e..].starts_with(' ')
            && self.tok_after(e).is_some_and(|t| {
                matches!(
                    self.tok_text(t),
                    "regime" | "administration" | "presidency" | "era"
                )
            })
    }

    /// Whether the tokens from `t` are an age between commas: ", 54,".
    pub(crate) fn age_after(&self, t: usize) -> bool {
        let w = |k: usize| self.toks.get(t + k).map(|x| x.text(self.text));
        w(0) == Some(",") && w(1).is_some_and(is_age) && w(2) == Some(",")
    }

    /// "Diplomats", "Analysts": the plural of a title or of a trade's staff.
    fn is_occupation_plural(&self, word: &str) -> bool {
        word.strip_suffix('s').is_some_and(|one| {
            self.gaz.is_title(one) || with_lower(word, |w| STAFF_NOUNS.contains(&w))
        })
    }

    /// "the All Progressives Congress", "The Other Party": after "the", a
    /// word that starts sentences is the first word of a name a keyword ends.
    fn function_word_in_name(&self, i: usize, end: usize) -> bool {
        self.cap_word(i)
            .is_some_and(|w| !w.eq_ignore_ascii_case("the"))
            && self
                .tok_before(i)
                .is_some_and(|t| self.tok_text(t).eq_ignore_ascii_case("the"))
            && self.keyword_label(i, end) == Some(Label::Org)
    }

    /// Whether "index", "stock index" or "share index" follows item `end - 1`.
    fn index_after(&self, end: usize) -> bool {
        let (_, e) = self.item_span(end - 1);
        let Some(t) = self.tok_after(e) else {
            return false;
        };
        let w = |k: usize| self.toks.get(t + k).map(|x| x.text(self.text));
        match w(0) {
            Some("index") => true,
            Some("stock" | "share" | "equity") => w(1) == Some("index"),
            _ => false,
        }
    }

    /// The words right after item `end - 1` when one space parts them from
    /// it, by place: `w(0)` is the first.
    fn words_after(&self, end: usize) -> Option<impl Fn(usize) -> Option<&'a str> + '_> {
        let (_, e) = self.item_span(end - 1);
        let t = self.tok_after(e)?;
        let w = move |k: usize| self.toks.get(t + k).map(|x| x.text(self.text));
        (self.text[e..self.toks[t].start] == *" ").then_some(w)
    }

    /// Whether the shares or stock of item `end - 1` move after it: "Harita
    /// Nickel shares rose", "Vale stock fell".
    fn shares_after(&self, end: usize) -> bool {
        self.words_after(end).is_some_and(|w| {
            matches!(w(0), Some("shares" | "stock"))
                && w(1).is_some_and(|v| MARKET_MOVES.contains(&v))
        })
    }

    /// The item after the "of" at `of` and a "the" after it, which
    /// `push_span` gives back to a name that takes it: "of [the Democratic
    /// Center]", "of the [Democratic Center] party".
    fn after_of_the(&self, of: usize) -> usize {
        of + 1 + usize::from(self.word(of + 1) == Some("the"))
    }

    /// Whether a possessive after item `end - 1` has what a company has:
    /// "Pirelli's chief executive", "Brightwell's shares" ([`CORPORATE_NOUNS`]).
    fn corporate_after(&self, end: usize) -> bool {
        let Some(Item::Tok(t)) = self.items.get(end) else {
            return false;
        };
        if self.toks[*t].kind != Kind::Possessive {
            return false;
        }
        let w = |k: usize| self.toks.get(t + k).map(|x| x.text(self.text));
        w(1).is_some_and(|x| CORPORATE_NOUNS.contains(&x)) || chief_officer(w(1), w(2))
    }

    /// Whether a company's officer is named right after item `end - 1`:
    /// "Barrick chairman Peter Munk", "Ajax spokesman David Endt", "Zentrix
    /// chief executive".
    fn officer_after(&self, end: usize) -> bool {
        self.words_after(end).is_some_and(|w| {
            matches!(
                w(0),
                Some("chairman" | "chairwoman" | "CEO" | "spokesman" | "spokeswoman")
            ) || chief_officer(w(0), w(1))
        })
    }

    /// Whether a newspaper, an agency or a broadcaster follows item `end -
    /// 1`: "the Sun newspaper", "Itar-Tass news agency", "Kompas daily said".
    fn media_after(&self, end: usize) -> bool {
        self.words_after(end).is_some_and(|w| match w(0) {
            Some("newspaper" | "tabloid" | "broadcaster" | "magazine") => true,
            Some("news") => matches!(w(1), Some("agency" | "channel" | "website")),
            Some("daily" | "weekly") => w(1).is_some_and(|v| {
                matches!(v, "," | "reported" | "quoted" | "newspaper") || SPEECH_VERBS.contains(&v)
            }),
            _ => false,
        })
    }

    /// What the words before item `start` say of a name: a company ("shares
    /// of", "shares in", "the chipmaker", "a post on", "a unit of"), a paper
    /// or an agency ("the daily", "news agency").
    fn company_context(&self, start: usize) -> bool {
        let Some(p) = self.tok_before(start) else {
            return false;
        };
        let prev = self.tok_text(p);
        let prev2 = p.checked_sub(1).map(|q| self.tok_text(q));
        if prev == "of" {
            return prev2.is_some_and(|w| {
                w.eq_ignore_ascii_case("shares")
                    || matches!(
                        w,
                        "executive"
                            | "chairman"
                            | "chairwoman"
                            | "founder"
                            | "owner"
                            | "unit"
                            | "subsidiary"
                            | "affiliate"
                            | "division"
                    )
            });
        }
        if MEDIA_NOUNS.contains(&prev) {
            return true;
        }
        if prev == "on" {
            return prev2.is_some_and(|w| POST_WORDS.contains(&w));
        }
        // "Shares in Hapag-Lloyd fell", "a stake in Brightwell": what has
        // shares is a company ("in" alone is a place's word).
        if prev == "in" {
            return prev2.is_some_and(|w| {
                with_lower(w, |w| {
                    matches!(w, "shares" | "stake" | "stakes" | "shareholding")
                })
            });
        }
        if matches!(prev, "at" | "for") {
            // "Analysts at Macquarie": the noun may start the sentence.
            return prev2.is_some_and(|w| {
                with_lower(w, |w| STAFF_NOUNS.contains(&w))
                    && (prev == "at" || w.starts_with("spokes"))
            });
        }
        self.toks[p].kind == Kind::Word
            && (COMPANY_NOUNS.contains(&prev) || (prev.ends_with("maker") && prev.len() > 5))
    }

    fn classify(&self, mut start: usize, end: usize, out: &mut Vec<Raw>) {
        // After each title the rest of the run is read again, from a later
        // start: `tail` keeps what is known of it, so that a run of titled
        // names is read once, not once per title.
        let mut tail = Tail::new(end);
        'rest: loop {
            while start < end
                && (self
                    .cap_word(start)
                    .is_some_and(|w| self.gaz.is_function_word(w))
                    || self.is_connector(start))
                && !self.function_word_in_name(start, end)
            {
                start += 1;
            }
            if start >= end {
                return;
            }
            // "the Nobel Peace Prize", "a Booker Prize-winner": awards are not
            // annotated (OntoNotes' WORK_OF_ART), nor a person's name.
            if self.cap_word(end - 1).is_some_and(|w| {
                matches!(
                    w.split('-').next(),
                    Some("Prize" | "Prizes" | "Award" | "Awards")
                )
            }) {
                return;
            }
            // "… Builds Upon Sustained Momentum With Key Partners": in a
            // headline in title case every word is capitalised, so words
            // the dictionary knows, with no name the lists know among them,
            // are words.
            if self.strict
                && (start..end).all(|i| self.cap_word(i).is_some_and(|w| self.title_word(w)))
            {
                return;
            }
            // "Central Bank of Kenya Holds Rates", "Mbowe Rejects Results":
            // a headline's verb and words after a name are not the name's.
            if self.strict {
                let mut e = end;
                while e > start + 1
                    && self.cap_word(e - 1).is_some_and(|w| {
                        keyword(w).is_none()
                            && (self.title_word(w)
                                || w.strip_suffix('s').is_some_and(|v| self.title_word(v)))
                    })
                {
                    e -= 1;
                }
                if e < end {
                    return self.classify(start, e, out);
                }
            }
            // An organisation, place or law word decides first: "Office of the Spokesperson".
            if self.keyword_label_from(start, &mut tail).is_some() {
                return self.classify_plain(start, end, out);
            }
            // A title inside the run splits it: what precedes stands alone, what
            // follows is a person.
            let mut i = start;
            while i < end {
                if self.is_title_item(i) {
                    // Extend back over modifiers ("Foreign Minister") and forward
                    // over modifiers, titles and "of" ("Secretary of State").
                    let mut a = i;
                    while a > start
                        && (self.is_modifier_item(a - 1) || self.is_modifier_known(a - 1))
                    {
                        a -= 1;
                    }
                    let minister = self.word(i).is_some_and(|w| w.starts_with("Minister"));
                    if minister {
                        a = self.portfolio_before(start, a);
                    }
                    let mut b = i + 1;
                    while b < end {
                        if self.is_modifier_item(b) {
                            b += 1;
                        } else if let Some(after) =
                            self.portfolio_after(b, end).filter(|_| minister)
                        {
                            b = after;
                        } else if matches!(self.word(b), Some("of" | "and" | "for"))
                            && b + 1 < end
                            && self.is_modifier_item(b + 1)
                        {
                            b += 2;
                        } else {
                            break;
                        }
                    }
                    // "Minister for Foreign Affairs of Japan Motegi Toshimitsu",
                    // "President of Indonesia Prabowo Subianto": the country
                    // after the title is a name of its own, the person follows.
                    let country = (self.word(b) == Some("of")
                        && self.known_label(b + 1) == Some(Label::Gpe)
                        && b + 2 < end
                        && (self.cap_word(b + 2).is_some()
                            || self.known_label(b + 2) == Some(Label::Person)))
                    .then_some(b + 1);
                    if country.is_some() {
                        b += 2;
                    }
                    // "Treasury Secretary", "U.S. Commerce Secretary", "Treasury
                    // Cabinet Secretary": the department is an organisation.
                    let dept = self.department_before(i).filter(|&d| d >= a);
                    match dept {
                        Some(d) => {
                            // "U.S. Treasury": with the nationality before it, one name.
                            let first = if d == a
                                && d > start
                                && self.known_label(d - 1) == Some(Label::Gpe)
                                && self.adjacent(d - 1, d)
                            {
                                d - 1
                            } else {
                                d
                            };
                            self.classify_plain(start, a.min(first), out);
                            let (s, _) = self.item_span(first);
                            let (_, e) = self.item_span(d);
                            out.push(Raw {
                                start: s,
                                end: e,
                                label: Label::Org,
                                why: if first < d {
                                    "rule: nationality and institution"
                                } else {
                                    "rule: department before \"Secretary\""
                                },
                                entry: None,
                                lone: None,
                            });
                        }
                        None if self.company_before_title(start, a, b) => self.push_span(
                            start,
                            a,
                            Label::Org,
                            "rule: company before its officer's title",
                            None,
                            out,
                        ),
                        None => self.classify_plain(start, a, out),
                    }
                    if let Some(c) = country {
                        self.classify_part(c, c + 1, out);
                    }
                    // The person: capitalised words and particles, up to four words.
                    let mut p = b;
                    let mut words = 0;
                    while p < end && words < 4 {
                        match self.items[p] {
                            Item::Known { entry, .. }
                                if self.gaz.entry(entry).label == Label::Person =>
                            {
                                p += 1;
                                words += 2;
                            }
                            // "Ali Hassan": after a given name, a town's name is a
                            // surname; so it is after a title and a first name no
                            // dictionary knows ("Senator Paloma Valencia").
                            Item::Known { entry, .. }
                                if p > b
                                    && self.is_town(entry)
                                    && (self.after_given_name(b)
                                        || (p == b + 1
                                            && matches!(self.items[b], Item::Tok(_))
                                            && self
                                                .cap_word(b)
                                                .is_some_and(|w| !self.gaz.is_common(w)))) =>
                            {
                                p += 1;
                                words += 1;
                            }
                            Item::Tok(_)
                                if self.cap_word(p).is_some() && !self.is_title_item(p) =>
                            {
                                p += 1;
                                words += 1;
                            }
                            Item::Tok(_)
                                if self.word(p).is_some_and(|w| PARTICLES.contains(&w))
                                    && p + 1 < end
                                    && self.cap_word(p + 1).is_some() =>
                            {
                                p += 1;
                            }
                            _ => break,
                        }
                    }
                    if p > b {
                        let (s, _) = self.item_span(b);
                        let (_, e) = self.item_span(p - 1);
                        let entry = match self.items[b] {
                            Item::Known { entry, .. } if p == b + 1 => Some(entry),
                            _ => None,
                        };
                        out.push(Raw {
                            start: s,
                            end: e,
                            label: Label::Person,
                            why: entry
                                .map_or("rule: name after a title", |e| self.gaz.entry(e).source),
                            entry,
                            lone: None,
                        });
                    }
                    // Skip a connector left at the front of the rest.
                    let mut rest = p;
                    while rest < end && self.is_connector(rest) {
                        rest += 1;
                    }
                    start = rest;
                    continue 'rest;
                }
                i += 1;
            }
            return self.classify_plain(start, end, out);
        }
    }

    /// Whether item `i` follows a "pro-" or "anti-" written onto it.
    fn after_pro_or_anti(&self, i: usize) -> bool {
        let (s, _) = self.item_span(i);
        let before = &self.text[..s];
        ["pro-", "anti-", "Pro-", "Anti-"].iter().any(|p| {
            before.ends_with(p)
                && !before[..before.len() - p.len()]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
        })
    }

    /// Whether the text writes `w` in lower case somewhere, as a word.
    fn written_in_lower_case(&self, w: &str) -> bool {
        self.words.has(self.text, &w.to_lowercase())
    }

    /// A run with no title in it.
    fn classify_plain(&self, mut start: usize, mut end: usize, out: &mut Vec<Raw>) {
        // Words that begin sentences but never names, and connectors at the ends.
        while start < end
            && (self
                .cap_word(start)
                .is_some_and(|w| self.gaz.is_function_word(w))
                || self.is_connector(start))
            && !self.function_word_in_name(start, end)
        {
            start += 1;
        }
        // "Nonpartisan Paul Tse and …", "Pan-democrat Lam Cheuk-ting from …":
        // an ordinary word, or a hyphenated one the text also writes in lower
        // case, that starts a sentence before a person's name is the
        // sentence's word, not the name's.
        if end - start >= 3
            && (start..start + 3).all(|i| matches!(self.items[i], Item::Tok(_)))
            && self.cap_word(start).is_some_and(|w| {
                !self.gaz.given_names.contains(w)
                    && keyword(w).is_none()
                    && !PLACE_PREFIXES.contains(&w)
                    && !self.gaz.is_title(w)
                    && (if self.after_given_name(start + 1) {
                        self.gaz.is_common(w) || self.written_in_lower_case(w)
                    } else {
                        w.contains('-') && self.written_in_lower_case(w)
                    })
            })
            && self.keyword_label(start, end).is_none()
            && self.sentence_start(start)
        {
            start += 1;
        }
        // "Draft UN Security Council resolution …": an ordinary word that
        // starts a sentence before an organisation the lists know is the
        // sentence's word, not part of the name.
        if end - start == 2
            && self.known_label(start + 1) == Some(Label::Org)
            && self.cap_word(start).is_some_and(|w| {
                self.gaz.is_common(w)
                    && keyword(w).is_none()
                    && !PLACE_PREFIXES.contains(&w)
                    && !is_title_modifier(w)
            })
            && self.sentence_start(start)
        {
            start += 1;
        }
        // "Office of the Spokesperson\nThe following …": a word that starts
        // sentences, on the next line, ends no name ("Peter Such" does).
        while end > start
            && (self.is_connector(end - 1)
                || self.word(end - 1) == Some("the")
                || (end - start > 1
                    && self.text[self.item_span(end - 2).1..self.item_span(end - 1).0]
                        .contains('\n')
                    && self
                        .cap_word(end - 1)
                        .is_some_and(|w| self.gaz.is_function_word(w))))
        {
            end -= 1;
        }
        if start >= end {
            return;
        }
        // "Suu Kyi's National League for Democracy": a person's possessive
        // is no part of the organisation's name.
        if let Some(p) = (start + 1..end).find(|&p| self.is_possessive(p))
            && ((start..p).all(|i| self.known_label(i) == Some(Label::Person))
                || (p - start >= 2
                    && (start..p).all(|i| {
                        self.cap_word(i)
                            .is_some_and(|w| !self.gaz.is_common(w) && keyword(w).is_none())
                    })))
            && self.keyword_label(p + 1, end).is_some()
        {
            self.classify_plain(start, p, out);
            return self.classify_plain(p + 1, end, out);
        }
        // "Nippon Steel and U.S. Steel": an "and" after a keyword joins two
        // names, each with its keyword ("Ministry of Trade and Industry" is one).
        if let Some(and) = (start + 2..end.saturating_sub(1)).find(|&a| {
            self.word(a) == Some("and")
                && self
                    .word(a - 1)
                    .is_some_and(|w| keyword(w) == Some(Label::Org))
                && self.word(end - 1).is_some_and(|w| keyword(w).is_some())
        }) {
            self.classify_plain(start, and, out);
            return self.classify_plain(and + 1, end, out);
        }
        // "the Massachusetts Institute of Technology and Colorado State
        // University", "the Department of Agriculture and Joseph Biden": an
        // "and" after a keyword's "of" phrase joins two names when what
        // follows is a name of three words or more with a keyword of its
        // own, or opens with a given name ("Department of Health and Human
        // Services", "Ministry of Trade and Industry" stay one).
        if let Some(and) = (start + 1..end.saturating_sub(1)).find(|&a| {
            self.word(a) == Some("and")
                && (self.known_label(a - 1) == Some(Label::Org)
                    || (start + 1..a - 1).any(|of| {
                        self.word(of) == Some("of") && self.word(of - 1).and_then(keyword).is_some()
                    }))
                && ((end - a > 3
                    && self.keyword_label(a + 1, end).is_some()
                    && !(a + 1..end).any(|k| self.word(k) == Some("and")))
                    || self.known_label(a + 1) == Some(Label::Person)
                    || self
                        .cap_word(a + 1)
                        .is_some_and(|w| self.gaz.given_names.contains(w)))
        }) {
            self.classify_plain(start, and, out);
            return self.classify(and + 1, end, out);
        }
        // A keyword at the end, or before the first "of", names the type.
        if let Some(label) = self.keyword_label(start, end) {
            // "Shares of Acme Holdings": an "of" before a keyword at the end
            // only belongs to the name when a keyword precedes it too.
            let first_of = (start..end).find(|&i| self.word(i) == Some("of"));
            let of_kw = first_of
                .is_some_and(|of| of > start && self.word(of - 1).and_then(keyword).is_some());
            // "Kia Motor Corp of South Korea": a company's legal form ends its
            // name; the "of" after it says where the company is.
            if let Some(of) = first_of
                && of > start + 1
                && self.word(of - 1).is_some_and(is_legal_form)
                && self.is_nameish(of + 1 + usize::from(self.word(of + 1) == Some("the")))
            {
                self.classify_plain(start, of, out);
                return self.classify_plain(self.after_of_the(of), end, out);
            }
            if !of_kw
                && let Some(of) = (start..end).rev().find(|&i| self.word(i) == Some("of"))
                && end - (of + 1) >= 2
            {
                // "John Casesa of Schroder Wertheim & Co.", "Senator Paloma
                // Valencia of the Democratic Center": what precedes the "of"
                // is a name of its own, read with its titles.
                self.classify(start, of, out);
                return self.classify_plain(self.after_of_the(of), end, out);
            }
            if let Some(place) = self.government_of(start, end) {
                return self.classify_plain(place, end, out);
            }
            self.push_span(start, end, label, keyword_why(label), None, out);
            return;
        }
        // "Procter & Gamble", "Douglas & Lomason": names no list knows joined
        // by "&" are a firm's, not two people; a name the lists know with
        // "and" ("Trinidad & Tobago") is that name.
        if end - start <= 5
            && (start + 1..end - 1).any(|i| {
                self.word(i) == Some("&")
                    && self.cap_word(i - 1).is_some()
                    && self.cap_word(i + 1).is_some()
            })
            && (start..end).all(|i| matches!(self.items[i], Item::Tok(_)))
        {
            let (s, _) = self.item_span(start);
            let (_, e) = self.item_span(end - 1);
            let with_and = self.text[s..e].replace(" & ", " and ");
            match self.gaz.find_at(&with_and, 0, with_and.len()) {
                Some(found) if found.end == with_and.len() => {
                    let label = self.gaz.entry(found.entry).label;
                    let why = "rule: a known name with \"&\"";
                    self.push_span(start, end, label, why, Some(found.entry), out);
                }
                _ => {
                    let why = "rule: names joined by \"&\"";
                    self.push_span(start, end, Label::Org, why, None, out);
                }
            }
            return;
        }
        // Otherwise the parts between connectors stand alone.
        let mut a = start;
        while a < end {
            let mut b = a;
            while b < end
                && (!self.is_connector(b) || self.word(b).is_some_and(|w| PARTICLES.contains(&w)))
            {
                b += 1;
            }
            self.classify_part(a, b, out);
            a = b + 1;
        }
    }

    fn classify_part(&self, start: usize, end: usize, out: &mut Vec<Raw>) {
        if start >= end {
            return;
        }
        let is_known = |i: &usize| matches!(self.items[*i], Item::Known { .. });
        let known_count = (start..end).filter(is_known).count();
        // Not across a hyphen: "China-EU" is a pair of names.
        let hyphened = (start + 1..end).any(|i| {
            let (_, ae) = self.item_span(i - 1);
            let (bs, _) = self.item_span(i);
            &self.text[ae..bs] == "-"
        });
        // "West Darfur": a compass word the lists know as a region.
        if known_count == 2
            && end - start == 2
            && self.is_place_prefix(start)
            && matches!(self.known_label(start + 1), Some(Label::Gpe | Label::Loc))
        {
            let label = self.known_label(start + 1).unwrap_or(Label::Gpe);
            self.push_span(
                start,
                end,
                label,
                "rule: compass word and place name",
                None,
                out,
            );
            return;
        }
        // "Kowloon West", "Bristol West": a town and a compass word after it
        // name a district of it, an electoral one as a rule: one GPE.
        if end - start == 2 && !hyphened && self.known_label(start) == Some(Label::Gpe) && {
            let (s, e) = self.item_span(start + 1);
            matches!(&self.text[s..e], "East" | "West" | "North" | "South")
        } {
            self.push_span(
                start,
                end,
                Label::Gpe,
                "rule: town and compass word",
                None,
                out,
            );
            return;
        }
        if known_count == end - start {
            // "U.S. Congress": a nationality and an institution make one organisation.
            if end - start == 2
                && !hyphened
                && matches!(self.known_label(start), Some(Label::Gpe | Label::Norp))
                && self.known_label(start + 1) == Some(Label::Org)
            {
                self.push_span(
                    start,
                    end,
                    Label::Org,
                    "rule: nationality and institution",
                    None,
                    out,
                );
                return;
            }
            // "Greenpeace Indonesia", "Oxfam America": an organisation and the
            // country of its branch make one name.
            if end - start == 2
                && !hyphened
                && !self.strict
                && self.known_label(start) == Some(Label::Org)
                && self.known_label(start + 1) == Some(Label::Gpe)
                && self.last_word(start + 1).is_some_and(|w| !w.ends_with('.'))
            {
                self.push_span(
                    start,
                    end,
                    Label::Org,
                    "rule: organisation and the country of its branch",
                    None,
                    out,
                );
                return;
            }
            for i in start..end {
                if let Item::Known {
                    start: s,
                    end: e,
                    entry,
                } = self.items[i]
                {
                    let en = self.gaz.entry(entry);
                    let _ = (s, e);
                    self.push_span(i, i + 1, en.label, en.source, Some(entry), out);
                }
            }
            return;
        }
        if let Some(k) = (start..end).find(is_known) {
            let label = match self.items[k] {
                Item::Known { entry, .. } => self.gaz.entry(entry).label,
                _ => unreachable!(),
            };
            // "Ali Hassan": a given name and a town's name are a person.
            if end - start == 2
                && k == start + 1
                && self.after_given_name(start)
                && matches!(self.items[k], Item::Known { entry, .. } if self.is_town(entry))
            {
                self.push_span(
                    start,
                    end,
                    Label::Person,
                    "rule: given name and surname",
                    None,
                    out,
                );
                return;
            }
            // "China Mobile", "Air China": a place inside a longer name is an organisation.
            let words_are_names = (start..end).all(|i| {
                matches!(self.items[i], Item::Known { .. })
                    || self
                        .cap_word(i)
                        .is_some_and(|w| !self.gaz.given_names.contains(w))
            });
            // "North Darfur", "New Taipei", "Eastern Africa".
            if matches!(label, Label::Gpe | Label::Loc)
                && known_count == 1
                && k == end - 1
                && (start..k).all(|i| {
                    self.cap_word(i)
                        .is_some_and(|w| PLACE_PREFIXES.contains(&w))
                })
            {
                self.push_span(
                    start,
                    end,
                    label,
                    "rule: compass word and place name",
                    None,
                    out,
                );
                return;
            }
            if label == Label::Gpe
                && known_count == 1
                && k == start
                && words_are_names
                && !hyphened
                && end - start <= 3
                && !self.sentence_start(start)
                && !self.strict
                && !self.after_title_and_preposition(start)
            {
                self.push_span(
                    start,
                    end,
                    Label::Org,
                    "rule: capitalised words around a place name",
                    None,
                    out,
                );
                return;
            }
            // "Sony Group", "PT Vale Indonesia": a known name inside a run a
            // keyword types is part of that name.
            // A "the" after "of" starts the part ("of the Kurdistan
            // Democratic Party"); `push_span` gives it back.
            let first = start + usize::from(self.word(start) == Some("the"));
            if let Some(place) = self.government_of(first, end) {
                return self.classify_plain(place, end, out);
            }
            if known_count < end - first
                && !hyphened
                && self.keyword_label(first, end) == Some(Label::Org)
                && (first..end).all(|i| match self.known_label(i) {
                    Some(label) => label != Label::Person,
                    None => self.cap_word(i).is_some(),
                })
            {
                self.push_span(first, end, Label::Org, keyword_why(Label::Org), None, out);
                return;
            }
            // "Vale Indonesia", "Yiaga Africa": a word no list or dictionary
            // knows before a place is a name of which the place is part.
            if matches!(label, Label::Gpe | Label::Loc)
                && known_count == 1
                && k == end - 1
                && end - start <= 3
                && !hyphened
                && !self.strict
                && (start..k).all(|i| {
                    self.cap_word(i).is_some_and(|w| {
                        !self.gaz.is_common(w)
                            && !self.gaz.given_names.contains(w)
                            && !self.gaz.is_title(w)
                            && !self.gaz.is_function_word(w)
                    })
                })
            {
                // "Valeska Paris, an Australian woman": a person whose
                // surname is a place, as the description after it says.
                let (_, e) = self.item_span(end - 1);
                let person = self.tok_after(e).is_some_and(|t| self.person_after(t));
                self.push_span(
                    start,
                    end,
                    if person { Label::Person } else { Label::Org },
                    if person {
                        "rule: name described as a person"
                    } else {
                        "rule: unknown name before a place"
                    },
                    None,
                    out,
                );
                return;
            }
            // Otherwise each part on its own.
            let mut a = start;
            for k in (start..end).filter(is_known) {
                self.classify_words(a, k, out);
                self.classify_part(k, k + 1, out);
                a = k + 1;
            }
            self.classify_words(a, end, out);
            return;
        }
        self.classify_words(start, end, out);
    }

    /// Capitalised words that no list knows.
    fn classify_words(&self, mut start: usize, end: usize, out: &mut Vec<Raw>) {
        while start < end
            && self
                .cap_word(start)
                .is_some_and(|w| self.gaz.is_function_word(w))
        {
            start += 1;
        }
        if start >= end {
            return;
        }
        let words: Vec<&str> = (start..end).filter_map(|i| self.word(i)).collect();
        let n = end - start;
        // One part of a longer run ("Sony Group" in "Sony Group and
        // Panasonic") keeps its own keyword.
        if n >= 2
            && let Some(label) = self.keyword_label(start, end)
        {
            self.push_span(start, end, label, keyword_why(label), None, out);
            return;
        }
        if n <= 4
            && !self.gaz.given_names.contains(words[0])
            && !is_language(words[0])
            && (self.company_context(start) || self.shares_after(end) || self.media_after(end))
        {
            self.push_span(start, end, Label::Org, WHY_COMPANY_BY_CONTEXT, None, out);
            return;
        }
        // "the town of Uyo", "the breakaway region of Somaliland": a name
        // after a settlement's or a province's noun and "of" is that place.
        if n <= 3
            && !self.strict
            && !self.gaz.given_names.contains(words[0])
            && self.place_of_before(start)
        {
            self.push_span(
                start,
                end,
                Label::Gpe,
                "rule: name after \"the town of\"",
                None,
                out,
            );
            return;
        }
        // "the Merval stock index", "the benchmark Nikkei index": stock
        // indices are organisations (OntoNotes).
        if n <= 2 && self.index_after(end) {
            self.push_span(
                start,
                end,
                Label::Org,
                "rule: stock index named before \"index\"",
                None,
                out,
            );
            return;
        }
        // "WILMINGTON, Delaware, March 4": a paragraph that opens with words
        // in capitals, a comma and a place or a date opens with its dateline.
        let dateline = n <= 3
            && self.tok_before(start).is_none()
            && words.iter().all(|w| !w.chars().any(char::is_lowercase))
            && self.word(end) == Some(",")
            && match self.items.get(end + 1) {
                Some(Item::Known { entry, .. }) => self.gaz.entry(*entry).label == Label::Gpe,
                Some(Item::Stop) => {
                    let (_, e) = self.item_span(end);
                    self.tok_after(e)
                        .is_some_and(|t| is_month(self.tok_text(t)))
                }
                _ => false,
            };
        if dateline {
            self.push_span(start, end, Label::Gpe, "rule: dateline", None, out);
            return;
        }
        if n == 1 {
            let w = words[0];
            let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
            // "SOCCER", "STANDINGS", "NOTE": a word in capitals that is an
            // ordinary English word is that word shouted, not an acronym.
            let acronym = letters.len() >= 2
                && letters.iter().all(|c| c.is_uppercase())
                && !w.chars().all(|c| "IVXLC".contains(c))
                && !NOT_ACRONYMS.contains(&w)
                && (letters.len() < 4 || !self.gaz.is_common(w))
                && !is_month_abbreviation(w)
                // "AR-15", "B-1B", "COVID-19": a model or a strain, which
                // OntoNotes does not annotate, not an organisation.
                && !w.split_once('-').is_some_and(|(_, n)| n.starts_with(|c: char| c.is_ascii_digit()))
                && !self.strict;
            if acronym {
                self.push_span(start, end, Label::Org, "rule: acronym", None, out);
                return;
            }
            let (s, e) = self.item_span(start);
            let after = self.tok_after(e);
            let next = after.map(|t| self.tok_text(t));
            let prev = self.tok_before(start).map(|t| self.tok_text(t));
            // "… said in a statement", "… said in a post".
            let before_statement = after.is_some_and(|t| {
                let w = |k: usize| self.toks.get(t + k).map(|x| x.text(self.text));
                matches!(w(0), Some("said" | "says"))
                    && w(1) == Some("in")
                    && matches!(w(2), Some("a" | "its"))
                    && matches!(w(3), Some("statement" | "filing" | "release"))
            });
            // "according to Eurostat": a source, most often an institution.
            let after_according = self.tok_before(start).is_some_and(|p| {
                self.tok_text(p) == "to"
                    && p.checked_sub(1)
                        .is_some_and(|q| self.tok_text(q).eq_ignore_ascii_case("according"))
            });
            // "the Catatumbo region", "the Galwan valley", "the Rakhine
            // state": a word no dictionary knows before a lower-case noun of
            // geography names the place.
            if prev == Some("the")
                && !self.gaz.is_common(w)
                && !self.gaz.given_names.contains(w)
                && self.text[e..].starts_with(' ')
                && let Some(label) = next.and_then(|n| match n {
                    "region" | "valley" | "river" | "basin" | "desert" | "mountains" => {
                        Some(Label::Loc)
                    }
                    "province" | "state" | "county" | "district" | "governorate" => {
                        Some(Label::Gpe)
                    }
                    // "the Adre border crossing": a crossing is named for its town.
                    "border"
                        if after
                            .and_then(|t| self.toks.get(t + 1))
                            .is_some_and(|x| x.text(self.text) == "crossing") =>
                    {
                        Some(Label::Gpe)
                    }
                    _ => None,
                })
            {
                let why = "rule: name before a noun of geography";
                self.push_span(start, end, label, why, None, out);
                return;
            }
            // "Commerce said": a department's short name speaks for it, as
            // "Treasury" does (a speech verb, not "Commerce grew").
            if DEPARTMENTS.contains(&w)
                && next.is_some_and(|v| SPEECH_VERBS.contains(&v))
                && !self.strict
            {
                self.push_span(
                    start,
                    end,
                    Label::Org,
                    "rule: department before a speech verb",
                    None,
                    out,
                );
                return;
            }
            // "(Commerce)": a department named in parentheses after a person.
            if prev == Some("(") && next == Some(")") && DEPARTMENTS.contains(&w) {
                self.push_span(
                    start,
                    end,
                    Label::Org,
                    "rule: department in parentheses",
                    None,
                    out,
                );
                return;
            }
            // "the Ortega-Murillo regime", "the Biden-Harris administration":
            // rulers joined by a hyphen are two people, as GUIDELINES.md
            // splits every such pair.
            if self.rule_after(start, e)
                && let Some((a, b)) = w.split_once('-')
                && [a, b].iter().all(|p| {
                    p.chars().next().is_some_and(char::is_uppercase)
                        && p.chars().skip(1).all(char::is_lowercase)
                        && p.len() > 1
                        && !self.gaz.is_common(p)
                })
            {
                for (from, to) in [(s, s + a.len()), (s + a.len() + 1, e)] {
                    out.push(Raw {
                        start: from,
                        end: to,
                        label: Label::Person,
                        why: "rule: rulers joined before a regime",
                        entry: None,
                        lone: None,
                    });
                }
                return;
            }
            out.push(Raw {
                start: s,
                end: e,
                label: Label::Person,
                why: "rule: a lone capitalised word",
                entry: None,
                lone: Some(Lone {
                    sentence_start: self.sentence_start(start),
                    // "Diplomats said": the plural of an occupation is no name,
                    // nor, opening a sentence, a group's ("Prosecutors said").
                    before_said: next.is_some_and(|w| SPEECH_VERBS.contains(&w))
                        && !self.is_occupation_plural(w)
                        && !(self.sentence_start(start) && is_group_plural(w)),
                    after_place_word: prev.is_some_and(|w| PLACE_PREPOSITIONS.contains(&w)),
                    // "in Taylor, Texas": a comma and a known place follow.
                    before_place: next == Some(",")
                        && matches!(self.items.get(start + 2), Some(Item::Known { entry, .. })
                            if self.gaz.entry(*entry).label == Label::Gpe),
                    org_cue: before_statement
                        || after_according
                        || self.corporate_after(end)
                        || self.officer_after(end)
                        || after.is_some_and(|t| self.org_after(t)),
                    role_after: after.is_some_and(|t| self.role_after(t) || self.age_after(t))
                        || self.rule_after(start, e),
                    before_possessive: self.is_possessive(start + 1),
                    known_as: self.tok_before(start).is_some_and(|p| {
                        self.tok_text(p) == "as"
                            && p.checked_sub(1)
                                .is_some_and(|q| self.tok_text(q) == "known")
                    }),
                }),
            });
            return;
        }
        if n > 4 {
            return;
        }
        let given = self.gaz.given_names.contains(words[0]);
        let all_common = words.iter().all(|w| self.gaz.is_common(w));
        // "PRESS DIGEST", "W L PCT GB": words in capitals are a heading or
        // a table's head, not a person.
        if words.iter().all(|w| !w.chars().any(char::is_lowercase)) {
            return;
        }
        // "Mt. Everest", "Mount Kenya": a mountain, never a person; with its
        // state or country after a comma ("Mt. Holly, North Carolina"), a town.
        if n >= 2 && matches!(words[0], "Mt." | "Mt" | "Mount") {
            let town = self.word(end) == Some(",") && self.known_label(end + 1) == Some(Label::Gpe);
            let label = if town { Label::Gpe } else { Label::Loc };
            self.push_span(
                start,
                end,
                label,
                "rule: a mountain, or a town named for one",
                None,
                out,
            );
            return;
        }
        let prev = self.tok_before(start).map(|t| self.tok_text(t));
        if prev.is_some_and(|w| matches!(w, "in" | "near" | "outside" | "throughout")) && !given {
            self.push_span(
                start,
                end,
                Label::Gpe,
                "rule: capitalised words after a place preposition",
                None,
                out,
            );
            return;
        }
        // "Tren de Aragua, a Venezuelan gang", "members of Tren de Aragua":
        // the context says an organisation, whatever the words look like.
        let after = self.tok_after(self.item_span(end - 1).1);
        if !self.strict
            && !given
            && (after.is_some_and(|t| self.org_after(t))
                || (self.members_of_before(start) && !self.is_possessive(end))
                || self.corporate_after(end)
                || self.officer_after(end))
        {
            self.push_span(start, end, Label::Org, WHY_DESCRIBED_AS_ORG, None, out);
            return;
        }
        // "Joint Crediting Mechanism", "World Economic Outlook": a name no
        // given name opens that starts and ends with ordinary words is a
        // thing's, not a person's.
        let framed = self.gaz.is_common(words[0]) && self.gaz.is_common(words[n - 1]);
        if given || (!all_common && !framed && !self.strict) {
            self.push_span(
                start,
                end,
                Label::Person,
                if given {
                    "rule: given name and surname"
                } else {
                    "rule: capitalised words (a person's name)"
                },
                None,
                out,
            );
        }
    }

    /// Pushes items `a..b` as one mention, taking in a "the" before it where
    /// OntoNotes does: multi-word names of places and organisations.
    fn push_span(
        &self,
        a: usize,
        b: usize,
        label: Label,
        why: &'static str,
        entry: Option<u32>,
        out: &mut Vec<Raw>,
    ) {
        let (mut s, _) = self.item_span(a);
        let (_, e) = self.item_span(b - 1);
        let multiword = self.text[s..e].contains(' ');
        let takes_the = match label {
            Label::Loc | Label::Org | Label::Gpe | Label::Fac | Label::Event | Label::Law => {
                multiword
            }
            _ => false,
        };
        if takes_the
            && !self.modifies_a_noun(s, e)
            && let Some(t) = self.tok_before(a)
            && self.tok_text(t).eq_ignore_ascii_case("the")
            && self.text[self.toks[t].end..s]
                .chars()
                .all(char::is_whitespace)
        {
            s = self.toks[t].start;
        }
        // "wrote on X.": a name of one capital letter is no initial, and
        // the period after it ends the sentence.
        let e = match self.text.as_bytes()[s..e] {
            [c, b'.'] if c.is_ascii_uppercase() && label != Label::Person => e - 1,
            _ => e,
        };
        out.push(Raw {
            start: s,
            end: e,
            label,
            why,
            entry,
            lone: None,
        });
    }
}

/// Whether two words name a company's chief officer: "chief executive",
/// "chief financial", "chief operating".
fn chief_officer(first: Option<&str>, second: Option<&str>) -> bool {
    first == Some("chief") && matches!(second, Some("executive" | "financial" | "operating"))
}

/// What [`NameRules::keyword_label_from`] reads of a run's items beyond its
/// start, for a run read again from later and later starts: each item is
/// looked at once however often the run is.
struct Tail {
    /// Where the run ends.
    end: usize,
    /// The run's last connector, once looked for.
    last_connector: Option<Option<usize>>,
    /// No "of" is in the run before this item.
    of: usize,
}

impl Tail {
    fn new(end: usize) -> Tail {
        Tail {
            end,
            last_connector: None,
            of: 0,
        }
    }

    /// Whether a connector is in the run at or after `start`.
    fn has_connector_from(&mut self, rules: &NameRules, start: usize) -> bool {
        let end = self.end;
        let last = *self
            .last_connector
            .get_or_insert_with(|| (start..end).rev().find(|&i| rules.is_connector(i)));
        last.is_some_and(|c| c >= start)
    }

    /// The first "of" or "for" in the run at or after `start` ("Ministry of
    /// Commerce", "Endowment for International Peace"); `start` never moves
    /// back.
    fn first_of(&mut self, rules: &NameRules, start: usize) -> Option<usize> {
        self.of = self.of.max(start);
        while self.of < self.end && !matches!(rules.word(self.of), Some("of" | "for" | "on")) {
            self.of += 1;
        }
        (self.of < self.end).then_some(self.of)
    }
}

pub(crate) fn keyword_why(label: Label) -> &'static str {
    match label {
        Label::Org => "rule: capitalised words ending in an organisation word",
        Label::Gpe => "rule: capitalised words ending in a place word",
        Label::Loc => "rule: capitalised words ending in a geographic word",
        Label::Fac => "rule: capitalised words ending in a building word",
        Label::Event => "rule: capitalised words ending in an event word",
        Label::Law => "rule: capitalised words ending in a law word",
        _ => "rule: keyword",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_keyword_is_listed_once_and_found() {
        let mut seen = std::collections::HashSet::new();
        for &(word, label) in KEYWORDS {
            assert!(seen.insert(word), "{word:?} is listed twice");
            assert_eq!(keyword(word), Some(label), "{word:?}");
        }
        assert_eq!(keyword("Ministries"), None);
        assert_eq!(keyword("ministry"), None, "keywords are capitalised");
    }

    #[test]
    fn months_are_read_from_the_date_rules_lists() {
        for m in ["March", "may", "Feb.", "SEPT", "sep", "DECEMBER"] {
            assert!(is_month(m), "{m:?}");
        }
        for w in ["Mayor", "Marc", "Monday", "Janet"] {
            assert!(!is_month(w), "{w:?}");
        }
        for m in ["AUG.", "SEPT", "JAN"] {
            assert!(is_month_abbreviation(m), "{m:?}");
        }
        // Only capitals, and "MAY" is the word as often as the month.
        for w in ["Aug", "aug.", "MAY", "AUGUST"] {
            assert!(!is_month_abbreviation(w), "{w:?}");
        }
    }

    #[test]
    fn word_lists_keep_the_shapes_their_lookups_rely_on() {
        // `is_connector` stops at words over three bytes.
        assert!(CONNECTORS.iter().all(|c| c.len() <= 3));
        // `is_title_modifier` lower-cases the word it looks up.
        assert!(TITLE_MODIFIERS.iter().all(|m| *m == m.to_lowercase()));
        assert!(is_title_modifier("Foreign") && is_title_modifier("VICE"));
        assert!(!is_title_modifier("Minister"));
    }

    /// A capitalised word no list knows, different for each `i`.
    fn made_up(i: usize) -> String {
        let mut w = String::from("Zq");
        let mut n = i;
        loop {
            w.push(char::from(b'a' + (n % 26) as u8));
            n /= 26;
            if n == 0 {
                return w;
            }
        }
    }

    #[test]
    fn long_runs_are_read_in_linear_steps() {
        fn titled(n: usize) -> String {
            let titles = ["President", "Minister", "Chancellor"];
            (0..n)
                .map(|i| format!("{} {} ", titles[i % 3], made_up(i)))
                .collect()
        }
        fn joined(n: usize) -> String {
            let parts = ["", "Minister ", "France & ", ""];
            (0..n)
                .map(|i| format!("{}{} & ", parts[i % 4], made_up(i)))
                .collect()
        }
        // Sentences whose first word, before a given name, the text also
        // writes in lower case somewhere.
        fn sentence_words(n: usize) -> String {
            let words: Vec<String> = (0..n).map(|i| format!("{}-x", made_up(i))).collect();
            let said: String = words
                .iter()
                .map(|w| format!("{w} Paul Tse won. "))
                .collect();
            format!("{said}{}.", words.join(" ").to_lowercase())
        }
        crate::steps::assert_linear(
            &[
                ("titled names", titled),
                ("names joined by &", joined),
                ("sentence words", sentence_words),
            ],
            500,
            |text| {
                crate::recognize(&crate::Document::parse(text));
            },
        );
    }
}
