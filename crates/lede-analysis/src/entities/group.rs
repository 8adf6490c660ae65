//! Groups mentions into entities: one entity per thing, with a canonical
//! name, the other forms the text uses, a Wikidata ID for known entities, and
//! a salience score.
//!
//! A lone capitalised word the name rules kept aside joins the person whose
//! surname (or, for Chinese, Korean and Vietnamese names, family name first)
//! it is: "Trump" joins Donald Trump, "Xi" joins Xi Jinping.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;

/// A map with a fast hash; corrections share its `(Label, Cow<str>) → EntityId`
/// instance, so the app carries its code once.
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

use super::gazetteer::{Fnv, Gazetteer};
use super::names::{
    Raw, WHY_COMPANY_BY_CONTEXT, WHY_DESCRIBED_AS_ORG, is_age, is_legal_form, keyword_why,
};
use super::words::{
    COMPANY_ENDINGS, FAMILY_FIRST, KEYWORDS, NAME_SUFFIXES, PLACE_PREPOSITIONS, PLACE_WORDS,
};
use super::{Entity, EntityId, Label, Mention, MentionId};
use crate::apostrophe::fold_apostrophes;
use crate::{BlockKind, Document};

/// A mention from the rules, with the block it was found in.
pub(crate) struct Found {
    pub raw: Raw,
    pub block: usize,
}

impl Found {
    /// The order mentions are read in: by start, the longer first.
    pub(crate) fn order(&self) -> (usize, std::cmp::Reverse<usize>) {
        (self.raw.start, std::cmp::Reverse(self.raw.end))
    }
}

/// Whether the text before a number ends "aged " or "age ".
fn after_aged(before: &str) -> bool {
    before.strip_suffix(' ').is_some_and(|before| {
        let word = before
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        word.eq_ignore_ascii_case("aged") || word.eq_ignore_ascii_case("age")
    })
}

/// Whether a number is an age by "when she was six", "until he was
/// eighteen and": "when", "until", "since", "before" or "after", a
/// pronoun and "was" or "were" before it, and no noun after it (not "when
/// they were four teams").
fn after_when_was(before: &str, after: &str) -> bool {
    let mut words = before.trim_end().rsplit(' ');
    let (Some(verb), Some(pronoun), Some(conj)) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    matches!(verb, "was" | "were")
        && matches!(pronoun, "she" | "he" | "I" | "they" | "we")
        && ["when", "until", "till", "since", "before", "after"]
            .iter()
            .any(|c| c.eq_ignore_ascii_case(conj))
        && after.split_whitespace().next().is_none_or(|next| {
            !next.starts_with(char::is_alphanumeric)
                || matches!(
                    next.trim_end_matches(|c: char| !c.is_alphanumeric()),
                    "and" | "so" | "but" | "when" | "or" | "that" | "in" | "at"
                )
        })
}

/// An age as a number: "14", "seventeen", "forty-two" (not "1,000" or "2019").
fn is_age_number(word: &str) -> bool {
    is_age(word)
        || word.split('-').all(|part| {
            !part.is_empty()
                && super::words::numbers::UNITS
                    .iter()
                    .any(|u| u.eq_ignore_ascii_case(part))
        })
}

/// `s` without a leading "the" or "The".
fn without_the(s: &str) -> &str {
    s.strip_prefix("the ")
        .or_else(|| s.strip_prefix("The "))
        .unwrap_or(s)
}

/// The surface form used to tell entities apart: straight apostrophes, no "the".
pub(crate) fn key_form(s: &str) -> Cow<'_, str> {
    fold_apostrophes(without_the(s))
}

/// The names a person may be referred to by alone.
fn person_keys(name: &str) -> impl Iterator<Item = &str> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let last = (words.len() > 1).then(|| words[words.len() - 1].trim_end_matches('.'));
    let first = (words.len() > 1 && FAMILY_FIRST.contains(&words[0])).then(|| words[0]);
    // "Jr." is not a surname: "Ferdinand Marcos Jr." is Marcos.
    let before_last = (words.len() > 2 && last.is_some_and(|w| NAME_SUFFIXES.contains(&w)))
        .then(|| words[words.len() - 2]);
    last.into_iter().chain(first).chain(before_last)
}

/// The name a person is called by alone in running text: the surname, the
/// family name written first ("Xi" of Xi Jinping), the name before a
/// generational suffix ("Marcos" of Ferdinand Marcos Jr.).
fn surname(name: &str) -> Option<&str> {
    let words: Vec<&str> = name.split_whitespace().collect();
    match words[..] {
        [] | [_] => None,
        [first, ..] if FAMILY_FIRST.contains(&first) => Some(first),
        [.., before, last] if NAME_SUFFIXES.contains(&last.trim_end_matches('.')) => {
            (words.len() > 2).then_some(before.trim_end_matches(','))
        }
        [.., last] => Some(last),
    }
}

/// The end of a generational suffix right after a person's name ending at
/// `end`: "Jr." or ", Jr." (docs/entities.md: suffixes are inside the name),
/// for names from the lists ("Ferdinand Marcos" + " Jr") as from the rules.
fn suffix_end(text: &str, end: usize) -> Option<usize> {
    let rest = &text[end..];
    let (gap, after) = match rest.strip_prefix(", ") {
        Some(after) => (2, after),
        None => (1, rest.strip_prefix(' ')?),
    };
    let word = after.split(|c: char| !c.is_ascii_alphanumeric()).next()?;
    if !NAME_SUFFIXES.contains(&word) {
        return None;
    }
    let tail = &after[word.len()..];
    if tail.starts_with(|c: char| c.is_alphanumeric() || c == '-') {
        return None;
    }
    // "Jr." keeps its stop; "III." ending a sentence does not.
    let stop = usize::from(tail.starts_with('.') && matches!(word, "Jr" | "Sr"));
    Some(end + gap + word.len() + stop)
}

/// An institution named with its country is one organisation: "the
/// Supreme Court" + "of" + "Kenya" is [the Supreme Court of Kenya], as "the
/// Election Commission of India" is (OntoNotes takes the official name
/// whole). Only an organisation named by its keyword ("the Kurdistan
/// Democratic Party"), or a listed one whose name starts or ends with an
/// organisation's keyword ("Supreme Court", "Ministry of Foreign Affairs",
/// "Parliament"), takes its country, and only after "of": "the Supreme Court
/// in Kenya" stays two. `found` is in order.
fn of_a_country(text: &str, found: &mut [Found], gaz: &Gazetteer) {
    let institution = |name: &str| {
        let is_keyword = |w: &str| KEYWORDS.iter().any(|&(k, l)| k == w && l == Label::Org);
        name.split_whitespace().next().is_some_and(is_keyword)
            || name.split_whitespace().last().is_some_and(is_keyword)
    };
    for i in 1..found.len() {
        let (before, after) = found.split_at_mut(i);
        let (org, place) = (&mut before[i - 1].raw, &mut after[0].raw);
        if place.label == Label::Gpe
            && org.label == Label::Org
            && org.end < place.start
            && text[org.end..place.start] == *" of "
            // "Kia Motor Corp of South Korea": a company's legal form ends its name.
            && !text[org.start..org.end]
                .rsplit(' ')
                .next()
                .is_some_and(is_legal_form)
            && match org.entry {
                Some(e) => institution(gaz.entry(e).name),
                None => org.why == keyword_why(Label::Org),
            }
        {
            org.end = place.end;
            // Now a name of several words, it takes a "the" before it.
            let head = &text[..org.start];
            if let Some(the) = head
                .strip_suffix("the ")
                .or_else(|| head.strip_suffix("The "))
                && !the.ends_with(|c: char| c.is_alphanumeric())
            {
                org.start = the.len();
            }
            org.entry = None;
            org.why = "rule: an institution and its country";
            // The place's own mention is dropped by making it empty.
            place.start = place.end;
        }
    }
}

pub(crate) fn group(
    doc: &Document,
    mut found: Vec<Found>,
    gaz: &Gazetteer,
) -> (Vec<Mention>, Vec<Entity>) {
    let text = doc.text();
    for f in &mut found {
        if f.raw.label == Label::Person
            && let Some(end) = suffix_end(text, f.raw.end)
        {
            f.raw.end = end;
        }
    }
    found.sort_by_key(Found::order);
    of_a_country(text, &mut found, gaz);
    // Never overlapping: the earlier (and, at one start, the longer) wins.
    let mut kept: Vec<Found> = Vec::with_capacity(found.len());
    for f in found {
        if kept.last().is_none_or(|k| k.raw.end <= f.raw.start) && f.raw.start < f.raw.end {
            kept.push(f);
        }
    }

    // "Okafor, 54, said": an age between commas after a person is a DATE
    // (docs/entities.md: "Ages are DATE").
    for k in 1..kept.len() {
        let (before, after) = kept.split_at_mut(k);
        let (person, number) = (&before[k - 1].raw, &mut after[0].raw);
        if number.label == Label::Cardinal
            && person.label == Label::Person
            && text[person.end..number.start] == *", "
            && text[number.end..].starts_with(',')
            && is_age(&text[number.start..number.end])
        {
            number.label = Label::Date;
            number.why = "rule: age after a person's name";
        }
    }

    // "joined aged 14", "at age seventeen", "when she was six": a number
    // right after "aged" or "age", or after "when" (or "until", "since") and
    // a pronoun's "was", is an age, a DATE (docs/entities.md: "Ages are DATE").
    for f in &mut kept {
        let r = &mut f.raw;
        if r.label == Label::Cardinal
            && is_age_number(&text[r.start..r.end])
            && (after_aged(&text[..r.start]) || after_when_was(&text[..r.start], &text[r.end..]))
        {
            r.label = Label::Date;
            r.why = "rule: age";
        }
    }

    // "Zycie Warszawy daily said … Zycie Warszawy said": a name of several
    // words that its context made an organisation's is one wherever else
    // the rules took it for a person's. And a place no list holds that a
    // rule found by its context ("in Catatumbo", "the Catatumbo region")
    // is that place anywhere in the text: "the people of Catatumbo". One
    // pass finds both.
    let mut context_orgs: HashSet<&str, BuildHasherDefault<Fnv>> = HashSet::default();
    let mut short_places: FastMap<&str, Label> = FastMap::default();
    for f in &kept {
        match (f.raw.label, f.raw.lone) {
            (Label::Org, None)
                if f.raw.why == WHY_COMPANY_BY_CONTEXT || f.raw.why == WHY_DESCRIBED_AS_ORG =>
            {
                let name = &text[f.raw.start..f.raw.end];
                if name.contains(' ') {
                    context_orgs.insert(name);
                }
            }
            (Label::Gpe | Label::Loc, None)
                if f.raw.entry.is_none() && f.raw.why.starts_with("rule: ") =>
            {
                let name = &text[f.raw.start..f.raw.end];
                if !name.contains(' ') && !gaz.is_common(name) {
                    short_places.entry(name).or_insert(f.raw.label);
                }
            }
            (_, Some(l))
                if l.after_place_word
                    && !l.sentence_start
                    && !l.before_said
                    && !l.role_after
                    && !l.org_cue =>
            {
                let name = &text[f.raw.start..f.raw.end];
                if !name.contains(' ') && !gaz.is_common(name) {
                    short_places.entry(name).or_insert(Label::Gpe);
                }
            }
            _ => {}
        }
    }
    if !context_orgs.is_empty() {
        for f in &mut kept {
            if f.raw.label == Label::Person
                && f.raw.entry.is_none()
                && f.raw.lone.is_none()
                && context_orgs.contains(&text[f.raw.start..f.raw.end])
            {
                f.raw.label = Label::Org;
                f.raw.why = "rule: name of an organisation in the text";
            }
        }
    }

    // Names a lone word can refer to, from every person named in full.
    let mut surnames: FastMap<&str, Cow<str>> = FastMap::default();
    for f in kept
        .iter()
        .filter(|f| f.raw.label == Label::Person && f.raw.lone.is_none())
    {
        let name = match f.raw.entry {
            Some(e) => gaz.entry(e).name,
            None => &text[f.raw.start..f.raw.end],
        };
        for key in person_keys(name) {
            surnames.entry(key).or_insert_with(|| key_form(name));
        }
    }
    // "Rathbun wrote, 'Moxon lied to Daniel'": a given name alone refers to
    // the person named in full with it, after every surname (OntoNotes
    // marks it PERSON).
    for f in kept
        .iter()
        .filter(|f| f.raw.label == Label::Person && f.raw.lone.is_none() && f.raw.entry.is_none())
    {
        let name = &text[f.raw.start..f.raw.end];
        if let Some((first, _)) = name.split_once(' ')
            && gaz.given_names.contains(first)
        {
            surnames.entry(first).or_insert_with(|| key_form(name));
        }
    }
    // A person named only by title and surname ("President Okafor") is that
    // surname everywhere: before the title, in the headline, alone. Only
    // words the name rules left lone join, so a place the lists know
    // ("Jordan", "Paris") stays a place.
    for f in kept.iter().filter(|f| {
        f.raw.label == Label::Person
            && f.raw.lone.is_none()
            && f.raw.entry.is_none()
            && f.raw.why == "rule: name after a title"
    }) {
        let name = &text[f.raw.start..f.raw.end];
        if !name.contains(' ') {
            surnames.entry(name).or_insert_with(|| key_form(name));
        }
    }

    // The people the lists know are called by their surname alone even where
    // the text never gives the full name ("Macron said", "Milei's
    // government"): OntoNotes marks a surname alone as PERSON. A person the
    // text names in full keeps the surname. Only lone words join, so a place
    // the lists know stays a place, and a common word starting a sentence
    // stays a word (`ordinary` below).
    let mut known_people: FastMap<&str, u32> = FastMap::default();
    for &id in gaz.people() {
        if let Some(key) = surname(gaz.entry(id).name) {
            known_people.entry(key).or_insert(id);
        }
    }

    // "Joko Widodo, known as Jokowi": the other name joins the person named
    // just before it, in the same block.
    for (k, f) in kept.iter().enumerate() {
        if !f.raw.lone.is_some_and(|l| l.known_as) {
            continue;
        }
        let Some(p) = k
            .checked_sub(1)
            .map(|j| &kept[j])
            .filter(|p| p.block == f.block && p.raw.label == Label::Person)
        else {
            continue;
        };
        let surface = &text[p.raw.start..p.raw.end];
        let key = match (p.raw.entry, p.raw.lone) {
            (Some(e), _) => key_form(gaz.entry(e).name),
            (None, None) => key_form(surface),
            (None, Some(_)) => match surnames.get(surface) {
                Some(full) => full.clone(),
                None => continue,
            },
        };
        let alias = &text[f.raw.start..f.raw.end];
        if !gaz.is_common(alias) {
            surnames.entry(alias).or_insert(key);
        }
    }

    // An organisation's short name: a one-word organisation, or the first
    // word of a company's name ("Harlow" of "Harlow Industries"). A lone
    // word that is one refers to it ("Harlow's shares", a headline's
    // "Kestrel").
    let mut short_orgs: FastMap<&str, ()> = FastMap::default();
    for f in kept
        .iter()
        .filter(|f| f.raw.label == Label::Org && f.raw.lone.is_none())
    {
        let name = without_the(&text[f.raw.start..f.raw.end]);
        let mut words = name.split(' ');
        let first = words.next().unwrap_or_default();
        let company = words.clone().next().is_some()
            && words.all(|w| COMPANY_ENDINGS.contains(&w.trim_end_matches('.')));
        if (!name.contains(' ') || company) && first.chars().any(char::is_lowercase) {
            short_orgs.insert(first, ());
        }
    }

    // "Valeska Paris … Paris claims": a place the lists know that is the
    // surname of a person the text names in full is that person where no
    // place word comes before it ("in Paris", "to Paris" stay the city).
    if !surnames.is_empty() {
        // The surnames of the people named in full: one set, not a search
        // of every full name for every place.
        let named_surnames: HashSet<&str> = kept
            .iter()
            .filter(|f| f.raw.label == Label::Person && f.raw.lone.is_none())
            .filter_map(|f| {
                let name = &text[f.raw.start..f.raw.end];
                surname(name).filter(|&s| s != name)
            })
            .collect();
        for f in &mut kept {
            let r = &mut f.raw;
            if !matches!(r.label, Label::Gpe | Label::Loc) || r.entry.is_none() {
                continue;
            }
            if !named_surnames.contains(&text[r.start..r.end]) {
                continue;
            }
            let before = text[..r.start].trim_end();
            let word = before
                .rsplit(|c: char| !c.is_alphabetic())
                .next()
                .unwrap_or("");
            if !PLACE_PREPOSITIONS
                .iter()
                .chain(PLACE_WORDS)
                .any(|p| p.eq_ignore_ascii_case(word))
            {
                r.label = Label::Person;
                r.entry = None;
                r.why = "rule: surname of a person named in the text";
            }
        }
    }

    // "North Korea … into the North", "the South retaliated": in a text
    // that names a divided country ("North Korea", "South Sudan"), its
    // compass word alone is that country's half, a GPE. A country is
    // divided when its other half is a country too ("South Korea",
    // "Sudan"); "South Africa" is not ("North Africa", "Africa" are not).
    let is_country = |name: &str| {
        gaz.find_at(name, 0, name.len())
            .is_some_and(|f| f.end == name.len() && gaz.entry(f.entry).label == Label::Gpe)
    };
    let mut divided: [bool; 2] = [false, false];
    for f in &kept {
        if f.raw.label == Label::Gpe && f.raw.why.starts_with("countries list") {
            let name = &text[f.raw.start..f.raw.end];
            for (half, (this, other)) in [("North ", "South "), ("South ", "North ")]
                .into_iter()
                .enumerate()
            {
                if let Some(rest) = name.strip_prefix(this) {
                    divided[half] |= is_country(rest) || is_country(&format!("{other}{rest}"));
                }
            }
        }
    }

    let mut mentions = Vec::with_capacity(kept.len());
    let mut entities: Vec<Entity> = Vec::new();
    let mut by_key: FastMap<(Label, Cow<str>), EntityId> = FastMap::default();
    // Most mentions repeat an earlier one word for word: find those without
    // building a key.
    let mut by_surface: FastMap<(Label, &str), EntityId> = FastMap::default();
    let block_kinds: Vec<BlockKind> = doc.blocks().iter().map(|b| b.kind).collect();
    let first_paragraph = block_kinds.iter().position(|k| *k == BlockKind::Paragraph);
    for f in kept {
        let raw = f.raw;
        let surface = &text[raw.start..raw.end];
        if let Some(&id) = by_surface
            .get(&(raw.label, surface))
            .filter(|_| raw.lone.is_none())
        {
            let entity = &mut entities[id];
            entity.salience += weight(block_kinds[f.block], f.block, first_paragraph, raw.label);
            entity.mentions.push(MentionId(mentions.len()));
            mentions.push(Mention {
                span: crate::Span::new(raw.start, raw.end),
                label: raw.label,
                entity: id,
                why: raw.why,
            });
            continue;
        }
        let mut why = raw.why;
        let mut label = raw.label;
        let mut key = key_form(surface);
        let single_name = label == Label::Person && raw.entry.is_none() && !surface.contains(' ');
        // A common word that starts a sentence ("Brown bread") is that word,
        // whoever shares it for a surname, unless it is saying something.
        let ordinary = raw.lone.is_some_and(|l| {
            l.sentence_start && !l.before_said && !l.before_possessive && gaz.is_common(surface)
        });
        let mut known = None;
        if single_name
            && !ordinary
            && let Some(full) = surnames.get(surface)
        {
            key = full.clone();
            if raw.lone.is_some() {
                why = "rule: surname of a person named in the text";
            }
        } else if single_name
            && !ordinary
            && raw.lone.is_some()
            && let Some(&id) = known_people.get(surface)
        {
            known = Some(id);
            why = "rule: surname of a person the lists know";
        } else if let Some(lone) = raw.lone {
            if short_orgs.contains_key(surface) && !gaz.is_common(surface) {
                label = Label::Org;
                why = "rule: short name of an organisation in the text";
            } else if lone.org_cue && !gaz.is_common(surface) {
                label = Label::Org;
                why = "rule: capitalised word cited as a source";
            } else if let Some(&place) = short_places.get(surface) {
                // "Somaliland said": a place speaks for its government.
                label = place;
                why = "rule: name of a place in the text";
            } else if lone.before_said && !gaz.is_common(surface) {
                why = "rule: capitalised word before \"said\"";
            } else if lone.role_after && !gaz.is_common(surface) {
                why =
                    "rule: capitalised word before a role (\"X, the minister\", \"the X regime\")";
            } else if lone.after_place_word
                && !lone.sentence_start
                && (lone.before_place || !gaz.is_common(surface))
            {
                label = Label::Gpe;
                why = "rule: capitalised word after a place preposition";
            } else if (surface == "North"
                && (divided[0] || (divided[1] && text[raw.end..].starts_with(" and South "))))
                || (surface == "South"
                    && (divided[1] || (divided[0] && text[raw.end..].starts_with(" and North "))))
            {
                // "North and South Korea": the first half's country is elided.
                label = Label::Gpe;
                why = "rule: half of a divided country named in the text";
            } else {
                continue;
            }
        }
        let entry = raw.entry.or(known).map(|e| gaz.entry(e));
        if let Some(e) = entry {
            key = key_form(e.name);
        }
        let id = *by_key.entry((label, key)).or_insert_with(|| {
            entities.push(Entity {
                label,
                name: entry.map_or_else(
                    || surface.strip_prefix("the ").unwrap_or(surface).to_owned(),
                    |e| e.name.to_owned(),
                ),
                aliases: Vec::new(),
                wikidata: entry.and_then(|e| e.wikidata).map(str::to_owned),
                mentions: Vec::new(),
                salience: 0.0,
            });
            EntityId(entities.len() - 1)
        });
        let entity = &mut entities[id];
        // A person named by surname first takes the full name once seen.
        if label == Label::Person
            && entry.is_none()
            && surface.len() > entity.name.len()
            && surface.contains(' ')
        {
            let old = std::mem::replace(&mut entity.name, surface.to_owned());
            if !entity.aliases.contains(&old) {
                entity.aliases.push(old);
            }
        }
        entity.salience += weight(block_kinds[f.block], f.block, first_paragraph, label);
        // Only plain mentions are cached: a lone word's reading depends on its place.
        if raw.lone.is_none() && label == raw.label && why == raw.why {
            by_surface.insert((label, surface), id);
        }
        entity.mentions.push(MentionId(mentions.len()));
        // An alias says something only if it is not the name, or another
        // alias, in other apostrophes or with "the".
        let form = key_form(surface);
        if form != key_form(&entity.name) && !entity.aliases.iter().any(|a| key_form(a) == form) {
            entity.aliases.push(surface.to_owned());
        }
        mentions.push(Mention {
            span: crate::Span::new(raw.start, raw.end),
            label,
            entity: id,
            why,
        });
    }
    // A person first seen by surname gets the surname as an alias, not a name.
    for Entity { name, aliases, .. } in &mut entities {
        let name = key_form(name);
        aliases.retain(|a| key_form(a) != name);
    }
    let max = entities.iter().map(|e| e.salience).fold(0.0f32, f32::max);
    if max > 0.0 {
        for e in &mut entities {
            e.salience /= max;
        }
    }
    (mentions, entities)
}

/// How much one mention adds to its entity's salience: more in the headline
/// and the first paragraph, less for numbers and dates.
fn weight(kind: BlockKind, block: usize, first_paragraph: Option<usize>, label: Label) -> f32 {
    let place = match kind {
        BlockKind::Title => 3.0,
        BlockKind::Byline | BlockKind::Note => 0.5,
        BlockKind::Paragraph if Some(block) == first_paragraph => 2.0,
        BlockKind::Paragraph => 1.0,
    };
    let kind = match label {
        Label::Person
        | Label::Norp
        | Label::Org
        | Label::Gpe
        | Label::Loc
        | Label::Fac
        | Label::Event
        | Label::Law => 1.0,
        _ => 0.25,
    };
    place * kind
}
