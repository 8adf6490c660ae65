//! Rules for what no list can hold: dates, times, percentages, sums of money,
//! quantities, ordinals and plain numbers, written in digits or in words.
//!
//! Spans follow OntoNotes: an approximation belongs to the number ("more than
//! 20", "over four decades ago"), a time reference to the date ("the past four
//! years", "the 1970s", "the 21st century"), a unit to its quantity.

use std::sync::LazyLock;

use super::Label;
use super::tokens::{Kind, Token};
use super::words::numbers::{self as words, PERIOD_WORDS};
use crate::word_hash::word_hash_any_case;

/// A numeric or temporal mention: token range `first..last` (exclusive).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Hit {
    pub first: usize,
    pub last: usize,
    pub label: Label,
    pub why: &'static str,
    /// Where the span ends when it ends inside its last token: "113" of "113-seat".
    pub end_byte: Option<usize>,
}

/// Month abbreviations wire copy writes without a period: a month only
/// before a day or a year ("Oct 20", "Sept 2024").
const SHORT_MONTHS: List = List {
    bit: 1 << 18,
    words: words::SHORT_MONTHS,
};

const MONTHS: List = List {
    bit: 1 << 0,
    words: words::MONTHS,
};
const WEEKDAYS: List = List {
    bit: 1 << 1,
    words: words::WEEKDAYS,
};
const UNITS: List = List {
    bit: 1 << 2,
    words: words::UNITS,
};
const SCALES: List = List {
    bit: 1 << 3,
    words: words::SCALES,
};
const PLURAL_SCALES: List = List {
    bit: 1 << 4,
    words: words::PLURAL_SCALES,
};
const ORDINALS: List = List {
    bit: 1 << 5,
    words: words::ORDINALS,
};
const DATE_UNITS: List = List {
    bit: 1 << 6,
    words: words::DATE_UNITS,
};
const TIME_UNITS: List = List {
    bit: 1 << 7,
    words: words::TIME_UNITS,
};
const CLOCK: List = List {
    bit: 1 << 8,
    words: words::CLOCK,
};
const ZONES: List = List {
    bit: 1 << 9,
    words: words::ZONES,
};
const PARTS_OF_DAY: List = List {
    bit: 1 << 10,
    words: words::PARTS_OF_DAY,
};
const CURRENCIES: List = List {
    bit: 1 << 11,
    words: words::CURRENCIES,
};
const CURRENCY_PREFIXES: List = List {
    bit: 1 << 12,
    words: words::CURRENCY_PREFIXES,
};
const QUANTITY_UNITS: List = List {
    bit: 1 << 13,
    words: words::QUANTITY_UNITS,
};
/// Phrases that make a number approximate, and belong to its span ("more
/// than", "as much as"), one string each, words separated by a space.
const APPROX: &[&str] = words::APPROX;
/// Words that make a period relative, and belong to a DATE span.
const RELATIVE: List = List {
    bit: 1 << 14,
    words: words::RELATIVE,
};

/// A list of words, known by its bit in the [`CLASSES`] of a word.
struct List {
    bit: u64,
    words: &'static [&'static str],
}

/// Every word that can be the core of a mention.
const TRIGGERS: List = List {
    bit: 1 << 15,
    words: words::TRIGGERS,
};
/// Every word that can start a mention before its core.
const PREFIXES: List = List {
    bit: 1 << 16,
    words: words::PREFIXES,
};
/// Words before a period that make it relative, with [`RELATIVE`].
const DETERMINERS: List = List {
    bit: 1 << 17,
    words: words::DETERMINERS,
};

/// Every list a word's class tells, and the lists whose words are triggers
/// or prefixes too.
const LISTS: [(&List, u64); 19] = [
    (&MONTHS, TRIGGERS.bit),
    (&SHORT_MONTHS, TRIGGERS.bit),
    (&WEEKDAYS, TRIGGERS.bit),
    (&UNITS, TRIGGERS.bit),
    (&SCALES, TRIGGERS.bit),
    (&PLURAL_SCALES, TRIGGERS.bit),
    (&ORDINALS, TRIGGERS.bit),
    (&DATE_UNITS, TRIGGERS.bit),
    (&TIME_UNITS, TRIGGERS.bit),
    (&CLOCK, 0),
    (&ZONES, 0),
    (&PARTS_OF_DAY, 0),
    (&CURRENCIES, 0),
    (&CURRENCY_PREFIXES, TRIGGERS.bit),
    (&QUANTITY_UNITS, 0),
    (&RELATIVE, PREFIXES.bit),
    (&TRIGGERS, 0),
    (&PREFIXES, 0),
    (&DETERMINERS, 0),
];

/// Which lists each word is in: one lookup answers every "is this word a
/// month, a unit, a currency …" the rules ask of a token.
static CLASSES: LazyLock<Classes> = LazyLock::new(|| {
    let mut c = Classes {
        slots: vec![Slot::default(); 1024],
        filter: [0; 64],
    };
    for (list, also) in LISTS {
        for w in list.words {
            c.add(w, list.bit | also);
        }
    }
    for (w, _) in PERIOD_WORDS {
        c.add(w, TRIGGERS.bit);
    }
    for w in words::HOLIDAYS {
        c.add(w, TRIGGERS.bit);
    }
    // "HK$2 billion": the letters start a mention before its "$".
    for w in words::DOLLAR_MARKS {
        c.add(w, PREFIXES.bit);
    }
    for w in APPROX.iter().flat_map(|p| p.split(' ')) {
        c.add(w, PREFIXES.bit);
    }
    c
});

/// An open-addressing table: (hash, word, bits), behind a filter of one bit
/// per hash value modulo 4,096 that answers most words in no list (most
/// words) from 512 bytes instead of the 40 KB table.
struct Classes {
    slots: Vec<Slot>,
    filter: [u64; 64],
}

/// A word of the lists (at most 16 bytes) in ASCII lower case, padded with
/// zeros: compared with another whole, not byte by byte.
type Key = [u8; 16];

fn key(word: &[u8]) -> Key {
    let mut key = [0; 16];
    for (k, b) in key.iter_mut().zip(word) {
        *k = b.to_ascii_lowercase();
    }
    key
}

#[derive(Clone, Copy, Default)]
struct Slot {
    hash: u64,
    /// The word's length; 0 for an empty slot.
    len: usize,
    key: Key,
    bits: u64,
}

impl Classes {
    fn add(&mut self, word: &'static str, bits: u64) {
        assert!(!word.is_empty() && word.len() <= 16, "{word:?}");
        let (hash, mask) = (word_hash_any_case(word.as_bytes()), self.slots.len() - 1);
        self.filter[(hash as usize >> 6) & 63] |= 1 << (hash & 63);
        let k = key(word.as_bytes());
        let mut h = hash as usize & mask;
        loop {
            let slot = &mut self.slots[h];
            if slot.len == 0 {
                *slot = Slot {
                    hash,
                    len: word.len(),
                    key: k,
                    bits,
                };
                return;
            }
            if slot.hash == hash && slot.len == word.len() && slot.key == k {
                slot.bits |= bits;
                return;
            }
            h = (h + 1) & mask;
        }
    }

    /// The bits of `word`, in any case; 0 for a word in no list.
    /// Inlined as far as the filter, which answers most words.
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    fn of(&self, word: &str) -> u64 {
        if word.is_empty() || word.len() > 16 {
            return 0;
        }
        let hash = word_hash_any_case(word.as_bytes());
        if self.filter[(hash as usize >> 6) & 63] & (1 << (hash & 63)) == 0 {
            return 0;
        }
        self.probe(hash, word)
    }

    /// The bits of `word`, whose hash is `hash`, from the table.
    #[inline(never)]
    fn probe(&self, hash: u64, word: &str) -> u64 {
        let (k, mask) = (key(word.as_bytes()), self.slots.len() - 1);
        let mut h = hash as usize & mask;
        loop {
            let slot = &self.slots[h];
            if slot.len == 0 {
                return 0;
            }
            if slot.hash == hash && slot.len == word.len() && slot.key == k {
                return slot.bits;
            }
            h = (h + 1) & mask;
        }
    }
}

/// Whether `word` (in any case) is in `list`.
fn is_any(word: &str, list: &List) -> bool {
    CLASSES.of(word) & list.bit != 0
}

/// Whether `word` (in any case) is one of `words`: for short lists asked rarely.
fn is_one_of(word: &str, words: &[&str]) -> bool {
    // The length test first: most words differ in length from most entries,
    // and it is what lets this stay cheap where the compiler does not inline.
    words.iter().any(|w| {
        w.len() == word.len()
            && w.as_bytes()[0].eq_ignore_ascii_case(&word.as_bytes()[0])
            && w.eq_ignore_ascii_case(word)
    })
}

/// The per-token tables a [`Scanner`] reads, kept from block to block so
/// that each block fills them rather than allocating them.
#[derive(Default)]
pub(crate) struct Buffers {
    /// Each token's [`CLASSES`].
    classes: Vec<u64>,
    /// Whether each token is a number or a word that may start one.
    triggers: Vec<bool>,
}

/// Finds the numeric and temporal mentions among `toks`.
pub(crate) struct Scanner<'a> {
    text: &'a str,
    toks: &'a [Token],
    /// Tokens inside known names ("Group of 20"), which no number may take.
    blocked: &'a [bool],
    /// Each token's [`CLASSES`] and whether it is a trigger.
    tables: Buffers,
}

impl<'a> Scanner<'a> {
    /// A scanner of `toks`, filling `buffers` (take them back with
    /// [`Scanner::into_buffers`]).
    pub fn new(text: &'a str, toks: &'a [Token], blocked: &'a [bool], buffers: Buffers) -> Self {
        let Buffers {
            mut classes,
            mut triggers,
        } = buffers;
        classes.clear();
        classes.extend(toks.iter().map(|t| match t.kind {
            Kind::Word => CLASSES.of(t.text(text)),
            // Currency signs; no list holds other punctuation or numbers.
            Kind::Punct
                if text.as_bytes()[t.start] == b'$' || !text.as_bytes()[t.start].is_ascii() =>
            {
                CLASSES.of(t.text(text))
            }
            _ => 0,
        }));
        triggers.clear();
        let mut scanner = Scanner {
            text,
            toks,
            blocked,
            tables: Buffers { classes, triggers },
        };
        for i in 0..toks.len() {
            let trigger = scanner.is_trigger(i);
            scanner.tables.triggers.push(trigger);
        }
        scanner
    }

    /// The buffers, for the next block.
    pub fn into_buffers(self) -> Buffers {
        self.tables
    }

    fn blocked(&self, i: usize) -> bool {
        self.blocked.get(i).copied().unwrap_or(false)
    }

    /// Whether token `a` ends where token `b` starts: "302(b)".
    fn toks_touch(&self, a: usize, b: usize) -> bool {
        self.toks
            .get(a)
            .zip(self.toks.get(b))
            .is_some_and(|(x, y)| x.end == y.start)
    }

    fn word(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.text(self.text))
    }

    fn is(&self, i: usize, w: &str) -> bool {
        self.word(i).eq_ignore_ascii_case(w)
    }

    fn is_in(&self, i: usize, list: &List) -> bool {
        self.tables
            .classes
            .get(i)
            .is_some_and(|c| c & list.bit != 0)
    }

    fn is_among(&self, i: usize, words: &[&str]) -> bool {
        i < self.toks.len() && is_one_of(self.word(i), words)
    }

    fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    /// Scans every token; hits are in order and never overlap.
    pub fn scan(&self, out: &mut Vec<Hit>) {
        // Only tokens near a number or a date word can start a mention: skip
        // the rest without looking at them twice.
        let triggers = &self.tables.triggers[..];
        let can_start = |i: usize| {
            triggers[i] || (!self.toks[i].hyphen && self.tables.classes[i] & PREFIXES.bit != 0)
        };
        // The first trigger at or after `i`; `i` only moves on.
        let mut nt = 0;
        let mut i = 0;
        while i < self.toks.len() {
            nt = nt.max(i);
            while nt < triggers.len() && !triggers[nt] {
                nt += 1;
            }
            if nt == triggers.len() {
                break;
            }
            // Prefixes are at most five tokens long ("the past more than").
            if nt > i + 5 {
                i = nt - 5;
                continue;
            }
            if !can_start(i) {
                i += 1;
                continue;
            }
            if let Some(hit) = self.at(i, triggers) {
                i = hit.last;
                out.push(hit);
            } else {
                i += 1;
            }
        }
    }

    /// Whether a token can be the core of a mention.
    fn is_trigger(&self, i: usize) -> bool {
        let t = &self.toks[i];
        match t.kind {
            Kind::Number => true,
            // A hyphenated word is read by its first part: "four-year",
            // "twenty-first", "mid-January"; "China-U.S." is no number.
            Kind::Word if t.hyphen => {
                let w = t.text(self.text);
                is_any(w.find('-').map_or(w, |h| &w[..h]), &TRIGGERS)
            }
            Kind::Word => self.is_in(i, &TRIGGERS),
            Kind::Punct => matches!(t.text(self.text), "$" | "€" | "£" | "¥" | "₹" | "₩"),
            Kind::Possessive => false,
        }
    }

    /// A mention whose prefix starts at token `i`.
    fn at(&self, i: usize, triggers: &[bool]) -> Option<Hit> {
        let k = self.kind(i)?;
        if k == Kind::Possessive || self.blocked(i) {
            return None;
        }
        // Prefixes: "the", relative words ("late last"), an approximation.
        let mut j = i;
        let the = self.is(j, "the");
        if the {
            j += 1;
            if let Some(last) = self.part_of_period(j) {
                return Some(Hit {
                    first: i,
                    last,
                    label: Label::Date,
                    why: "rule: part of a period",
                    end_byte: None,
                });
            }
        }
        let rel_start = j;
        while j < rel_start + 2
            // "first", "second" … are relative only after "the": "the fourth quarter".
            && (((the || !self.is_in(j, &ORDINALS)) && !self.is(j + 1, "half")
                && self.is_in(j, &RELATIVE))
                || self.is_in(j, &DETERMINERS)
                // "the past few days", "the next few weeks": "few" after a relative word.
                || (j > rel_start && self.is(j, "few") && self.is_in(j - 1, &RELATIVE)))
            && !self.blocked(j)
        {
            j += 1;
        }
        let relative = j > rel_start;
        let approx_start = j;
        if self.is_in(j, &PREFIXES)
            && let Some(words) = APPROX
                .iter()
                .find(|p| p.split(' ').enumerate().all(|(n, w)| self.is(j + n, w)))
        {
            j += words.split(' ').count();
        }
        let approx = j > approx_start;
        // The core is a trigger word, or a word before one ("a year", "US $5").
        let trigger = |t: usize| triggers.get(t).copied().unwrap_or(false);
        if !trigger(j) && !trigger(j + 1) {
            return None;
        }
        let mut core = self.core(j)?;
        if (j..core.last).any(|t| self.blocked(t)) {
            return None;
        }
        // "over ten years" is a duration; "over four decades ago" a date.
        let over_during = approx
            && self.is(approx_start, "over")
            && core.label == Label::Date
            && !self.is(core.last - 1, "ago");
        let first = match core.label {
            Label::Date | Label::Time if relative || (the && core.takes_the) => i,
            _ if approx && !over_during => approx_start,
            _ => j,
        };
        // Ranges: "7% to 10%", "between 2000 and 2022", "2024 to 2027"; not
        // money, where "$1.85 to $65.15" is a change from one price to another.
        // "increased from 9 to 10", "fell from 8.5% to 5%": a change from one
        // figure to another is two spans (GUIDELINES.md), not a range.
        let change = j >= 2 && self.is(j - 1, "from") && is_change_verb(self.word(j - 2));
        if core.end_byte.is_none()
            && !change
            && matches!(
                core.label,
                Label::Percent | Label::Date | Label::Cardinal | Label::Time
            )
        {
            let joiner = if self.is(approx_start, "between") {
                "and"
            } else if core.label == Label::Cardinal && self.is(core.last, "or") {
                // "one or two points", "five or six": one approximate number.
                "or"
            } else if core.label == Label::Date
                && self.kind(core.last) == Some(Kind::Punct)
                && matches!(self.word(core.last), "-" | "–")
                && self.year_number(core.last - 1)
                && self.year_number(core.last + 1)
            {
                // "2000 - 2050": a range of years with a spaced dash.
                self.word(core.last)
            } else {
                "to"
            };
            // "January 23 through March 9": American English's range of dates.
            let through = core.label == Label::Date && self.is(core.last, "through");
            // "one in three visits": a ratio is one number.
            let ratio = core.label == Label::Cardinal && self.is(core.last, "in");
            if (self.is(core.last, joiner) || through || ratio)
                && let Some(next) = self.core(core.last + 1)
                && next.end_byte.is_none()
                && !(core.last + 1..next.last).any(|t| self.blocked(t))
            {
                // "6:00am to midnight": times of the clock, not "the 24
                // hours to 6 a.m.", a period up to one.
                let clock = |c: &Core| {
                    !self.is_among(
                        c.last - 1,
                        &["hours", "hour", "minutes", "minute", "seconds", "second"],
                    )
                };
                if next.label == core.label
                    && (core.label != Label::Time || (clock(&core) && clock(&next)))
                {
                    core.last = next.last;
                } else if core.label == Label::Cardinal
                    && !ratio
                    && core.last == j + 1
                    && matches!(next.label, Label::Date | Label::Percent)
                    && self.kind(core.last + 1) == Some(Kind::Number)
                    && !(j > 0 && self.is(j - 1, "from"))
                {
                    // "10 to 14 days", "between 2 and 3%": the first
                    // element's unit is elided, and the range is one span
                    // of the second's label; "from 10 to 14 days" is a
                    // change, two spans.
                    core.last = next.last;
                    core.label = next.label;
                    core.why = next.why;
                }
            }
        }
        // "the first nine months of the year", "the past two weeks of March":
        // a relative period of a named period is one span.
        if relative
            && core.label == Label::Date
            && core.end_byte.is_none()
            && self.is(core.last, "of")
            && self.is_among(
                core.last - 1,
                &["days", "weeks", "months", "years", "decades"],
            )
            && let Some(end) = self.period_at(core.last + 1)
        {
            core.last = end;
        }
        if self.is(approx_start, "between")
            && approx
            && core.last == j + 1
            && !self.is(core.last - 1, "and")
        {
            // "between" without its "and" is not part of the number.
            return Some(Hit {
                first: j,
                last: core.last,
                label: core.label,
                why: core.why,
                end_byte: core.end_byte,
            });
        }
        Some(Hit {
            first,
            last: core.last,
            label: core.label,
            why: core.why,
            end_byte: core.end_byte,
        })
    }

    /// "end of the week", "start of next year", "end of 2025", "rest of the
    /// year" after a "the": the token after the period, if one starts at `j`.
    fn part_of_period(&self, j: usize) -> Option<usize> {
        if !self.is_among(
            j,
            &[
                "end",
                "start",
                "beginning",
                "middle",
                "turn",
                "rest",
                "remainder",
            ],
        ) || !self.is(j + 1, "of")
        {
            return None;
        }
        self.period_at(j + 2)
    }

    /// The end of the period named from token `k`, after a part's "of":
    /// "the year", "next month", "2025", "March".
    fn period_at(&self, k: usize) -> Option<usize> {
        if (k..k + 2).any(|t| self.blocked(t)) {
            return None;
        }
        if self.is_among(k, &["the", "this", "next", "last", "that"])
            && self.is_among(
                k + 1,
                &[
                    "week", "month", "year", "decade", "century", "quarter", "day",
                ],
            )
        {
            return Some(k + 2);
        }
        self.core(k)
            .filter(|c| c.label == Label::Date && c.end_byte.is_none())
            .map(|c| c.last)
    }

    /// The number, date or period starting at token `j`, with its unit.
    fn core(&self, j: usize) -> Option<Core> {
        let w = self.word(j);
        // "the 2024-25 fiscal year", "2025/26": a year that straddles two.
        if self.kind(j) == Some(Kind::Number) && is_year_range(w) {
            let mut c = Core::new(j + 1, Label::Date, "rule: year range");
            if self.is_among(j + 1, &["fiscal", "financial"]) && self.is(j + 2, "year") {
                c.last = j + 3;
                c.takes_the = true;
            }
            return Some(c);
        }
        // "fiscal year 2027", "fiscal 2026", "fiscal 2025/26": a fiscal year is a date.
        if w.eq_ignore_ascii_case("fiscal")
            && self.kind(j + 1) == Some(Kind::Number)
            && is_year_range(self.word(j + 1))
        {
            return Some(Core::new(j + 2, Label::Date, "rule: fiscal year"));
        }
        if w.eq_ignore_ascii_case("fiscal") {
            let y = j + 1 + usize::from(self.is(j + 1, "year"));
            if self.kind(y) == Some(Kind::Number)
                && let Some((num, after)) = self.number(y)
                && num.year
            {
                return Some(Core::new(after, Label::Date, "rule: fiscal year"));
            }
        }
        // "the previous day", "the following day": a day named by its place.
        if w.eq_ignore_ascii_case("day")
            && j.checked_sub(1)
                .is_some_and(|p| self.is_among(p, &["previous", "next", "following"]))
        {
            return Some(Core::new(j + 1, Label::Date, "rule: relative day"));
        }
        // "the same day", "the same period last year", "the same quarter a
        // year earlier": a period named by another, whole.
        if w.eq_ignore_ascii_case("same")
            && j.checked_sub(1).is_some_and(|p| self.is(p, "the"))
            && self.is_among(
                j + 1,
                &["day", "week", "month", "year", "period", "quarter"],
            )
        {
            let mut last = j + 2;
            if self.is_among(last, &["last", "previous"])
                && self.is_among(last + 1, &["year", "month", "week"])
            {
                last += 2;
            } else if self.is_among(last, &["a", "one"])
                && self.is_among(last + 1, &["year", "month", "week"])
                && self.is_among(last + 2, &["earlier", "ago", "before"])
            {
                last += 3;
            }
            let mut c = Core::new(last, Label::Date, "rule: the same period");
            c.takes_the = true;
            return Some(c);
        }
        // "half a century", "half an hour": half a unit of time is a period.
        if w.eq_ignore_ascii_case("half")
            && self.is_among(j + 1, &["a", "an"])
            && let Some(label) = if self.is_in(j + 2, &DATE_UNITS) {
                Some(Label::Date)
            } else if self.is_in(j + 2, &TIME_UNITS) {
                Some(Label::Time)
            } else {
                None
            }
            && !self.word(j + 2).ends_with('s')
        {
            return Some(Core::new(j + 3, label, "rule: half a period"));
        }
        // "this financial year", "the fiscal year": a fiscal year named by
        // its place, not its number.
        if self.is_among(j, &["fiscal", "financial"])
            && self.is(j + 1, "year")
            && j.checked_sub(1).is_some_and(|p| {
                self.is(p, "the") || self.is_in(p, &DETERMINERS) || self.is_in(p, &RELATIVE)
            })
        {
            let mut c = Core::new(j + 2, Label::Date, "rule: fiscal year");
            c.takes_the = true;
            return Some(c);
        }
        // "1996-08-22": an ISO date, as wire datelines write it.
        if self.kind(j) == Some(Kind::Number)
            && let Some(iso) = self.text.get(self.toks[j].start..self.toks[j].start + 10)
            && is_iso_date(iso)
            && !self.text[self.toks[j].start + 10..]
                .starts_with(|c: char| c.is_ascii_alphanumeric())
        {
            let end = self.toks[j].start + 10;
            let last = self.toks.partition_point(|t| t.end <= end);
            return Some(Core::new(last, Label::Date, "rule: ISO date"));
        }
        // Dates by name.
        if let Some(c) = self.month_date(j) {
            return Some(c);
        }
        // "mid-2026", "the mid-1990s", "late-2025": part of a year or a decade.
        if let Some((pre, rest)) = w.split_once('-')
            && is_one_of(pre, &["mid", "early", "late"])
        {
            let all_digits = |d: &str| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit());
            let decade = rest
                .strip_suffix('s')
                .is_some_and(|d| (d.len() == 4 || d.len() == 2) && all_digits(d));
            let year = rest.len() == 4
                && all_digits(rest)
                && rest
                    .parse::<u32>()
                    .is_ok_and(|y| (1800..=2100).contains(&y));
            if decade || year {
                let mut c = Core::new(j + 1, Label::Date, "rule: part of a year or decade");
                c.takes_the = decade;
                return Some(c);
            }
        }
        if is_any(w, &WEEKDAYS) {
            if self.is_in(j + 1, &PARTS_OF_DAY) {
                return Some(Core::new(
                    j + 2,
                    Label::Time,
                    "rule: day and part of the day",
                ));
            }
            // "Sunday 17 November", "Monday, Nov. 18": a weekday with its
            // date is one DATE (GUIDELINES.md).
            let at = if self.word(j + 1) == "," {
                j + 2
            } else {
                j + 1
            };
            if (self.day_number(at) || self.day_number(at + 1))
                && let Some(date) = self.month_date(at)
            {
                return Some(Core::new(
                    date.last,
                    Label::Date,
                    "rule: day of the week and its date",
                ));
            }
            return Some(Core::new(j + 1, Label::Date, "rule: day of the week"));
        }
        // "Article 5", "Section 301": a numbered part of a treaty or law is
        // a LAW of its own (GUIDELINES.md), "302(b)" with its subsection.
        if is_one_of(w, &["Article", "Articles", "Section", "Sections"])
            && w.starts_with(char::is_uppercase)
            && self.kind(j + 1) == Some(Kind::Number)
        {
            let mut last = j + 2;
            if self.word(last) == "("
                && self.word(last + 1).len() <= 3
                && self
                    .word(last + 1)
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric())
                && self.word(last + 2) == ")"
                && self.toks_touch(j + 1, last)
            {
                last += 3;
            }
            return Some(Core::new(last, Label::Law, "rule: article of a law"));
        }
        if is_one_of(w, &["today", "yesterday", "tomorrow"]) {
            return Some(Core::new(j + 1, Label::Date, "rule: relative day"));
        }
        // "before Christmas": a holiday names its date.
        if is_one_of(w, words::HOLIDAYS) && w.starts_with(|c: char| c.is_uppercase()) {
            return Some(Core::new(j + 1, Label::Date, "rule: holiday"));
        }
        if is_one_of(w, &["tonight", "noon", "midnight"]) {
            return Some(Core::new(j + 1, Label::Time, "rule: time of day"));
        }
        if j > 0
            && (self.is_in(j - 1, &RELATIVE) || self.is_in(j - 1, &DETERMINERS))
            && let Some(&(_, label)) = PERIOD_WORDS.iter().find(|(p, _)| p.eq_ignore_ascii_case(w))
        {
            // "the coming weeks and months": coordinated periods are one span.
            let plural = ["days", "weeks", "months", "years", "decades"];
            let last = if is_one_of(w, &plural)
                && self.is(j + 1, "and")
                && self.is_among(j + 2, &plural)
            {
                j + 3
            } else if label == Label::Date
                && self.is_in(j - 1, &ORDINALS)
                && self.is(j + 1, "of")
                && let Some(end) = self.period_at(j + 2)
            {
                // "the first quarter of this year", "the first week of March".
                end
            } else {
                j + 1
            };
            return Some(Core::new(last, label, "rule: relative period"));
        }
        // "the Century City Towers": capitalised before a capitalised word,
        // the period word is part of a name.
        let in_name = w.starts_with(char::is_uppercase)
            && self.kind(j + 1) == Some(Kind::Word)
            && self.word(j + 1).starts_with(char::is_uppercase);
        if j > 0
            && self.is(j - 1, "the")
            && is_one_of(w, &["weekend", "year", "decade", "century"])
            && !in_name
        {
            let mut c = Core::new(j + 1, Label::Date, "rule: relative period");
            c.takes_the = true;
            return Some(c);
        }
        // "days", "weeks later", "minutes later" (GUIDELINES.md: shorter
        // than a day is a TIME); a relative word after a period is part of
        // it, and lets it start a sentence ("Days later, …"). "hours" and
        // "minutes" alone need it or a preposition ("the minutes of the meeting").
        let long = is_one_of(w, &["days", "weeks", "months", "years", "decades"]);
        let short = is_one_of(w, &["hours", "minutes"]);
        if long || short {
            let relative = self.is_among(j + 1, &["later", "earlier", "ago"]);
            let lower = w.starts_with(|c: char| c.is_lowercase());
            let after_preposition = j > 0 && self.is_among(j - 1, &["for", "within", "in", "over"]);
            if relative || (lower && (long || after_preposition)) {
                let label = if long { Label::Date } else { Label::Time };
                return Some(Core::new(
                    j + 1 + usize::from(relative),
                    label,
                    "rule: period",
                ));
            }
        }
        // "Second Thomas Shoal", "First Lady": an ordinal in a name.
        if w.starts_with(|c: char| c.is_uppercase())
            && is_any(w, &ORDINALS)
            && self.word(j + 1).starts_with(|c: char| c.is_uppercase())
        {
            return None;
        }
        // Currency before the number: "$5 billion", "US$5", "A$600 million".
        let mut n = j;
        let mut money = false;
        if is_one_of(w, words::DOLLAR_MARKS)
            && w.chars().all(|c| c.is_ascii_uppercase())
            && self.is(j + 1, "$")
            && self.toks[j].end == self.toks[j + 1].start
            && self.kind(j + 2) == Some(Kind::Number)
        {
            n = j + 2;
            money = true;
        } else if self.is_in(n, &CURRENCY_PREFIXES) && self.kind(n + 1) != Some(Kind::Word) {
            let mut m = n + 1;
            if self.is(n, "us") && self.is(m, "$") {
                m += 1;
            } else if self.is(n, "us") {
                return None;
            }
            if self.kind(m) == Some(Kind::Number) {
                n = m;
                money = true;
            }
        }
        let (num, after) = self.number(n)?;
        let mut last = after;
        if money {
            // "$5 billion", and "$5 billion U.S. dollars" never both.
            return Some(Core::new(
                last,
                Label::Money,
                "rule: currency sign and number",
            ));
        }
        if num.decade {
            let mut c = Core::new(last, Label::Date, "rule: decade");
            c.takes_the = true;
            return Some(c);
        }
        if let Some(label) = num.hyphen_unit {
            let mut c = Core::new(last, label, "rule: number with a unit");
            if label == Label::Cardinal || (label == Label::Ordinal) {
                // "113-seat", "two-state", "second-biggest": only the number.
                let t = self.toks[last - 1];
                let head = t.text(self.text).split('-').next().unwrap_or("");
                c.end_byte = Some(t.start + head.len());
                c.why = if label == Label::Ordinal {
                    "rule: ordinal"
                } else {
                    "rule: number"
                };
            }
            return Some(c);
        }
        if num.slash_date {
            return Some(Core::new(last, Label::Date, "rule: date in digits"));
        }
        let next = self.word(last);
        if num.ordinal {
            if is_one_of(next, &["century", "centuries"]) {
                let mut c = Core::new(last + 1, Label::Date, "rule: century");
                c.takes_the = true;
                return Some(c);
            }
            if is_one_of(next, &["quarter", "half"]) && self.is(last + 1, "of") {
                // "the second half of the year", "the third quarter of 2024": one DATE.
                let end = self.period_at(last + 2).unwrap_or(last + 1);
                let mut c = Core::new(end, Label::Date, "rule: part of a year");
                c.takes_the = true;
                return Some(c);
            }
            // "put national interests first because …": an adverb, not an ordinal.
            let word_ordinal = self.kind(j) == Some(Kind::Word);
            let before = if j > 0 { self.word(j - 1) } else { "" };
            let after_function_word = super::gazetteer::get().is_function_word(self.word(last))
                || self.kind(last).is_none_or(|k| k == Kind::Punct)
                // "fishermen first noticed", "she was first sent": before a verb.
                || self.before_past_verb(last);
            if word_ordinal
                && after_function_word
                && !is_one_of(
                    before,
                    &[
                        "the", "its", "their", "his", "her", "our", "a", "every", "each", "this",
                    ],
                )
            {
                return None;
            }
            // "denied entry in the first place": an idiom, not an ordinal.
            if self.is(j, "first")
                && self.is(last, "place")
                && j >= 2
                && self.is(j - 1, "the")
                && self.is(j - 2, "in")
                && self.kind(last + 1).is_none_or(|k| k == Kind::Punct)
            {
                return None;
            }
            // "was first persuaded", "he first collected", "to first share":
            // after an auxiliary, a pronoun or "to", before a verb, an adverb.
            let verb_after = self.word(last).starts_with(char::is_lowercase);
            if word_ordinal
                && verb_after
                && is_one_of(
                    before,
                    &[
                        "was", "were", "is", "are", "been", "be", "had", "has", "have", "to", "he",
                        "she", "they", "we", "i", "who",
                    ],
                )
            {
                return None;
            }
            return Some(Core::new(last, Label::Ordinal, "rule: ordinal"));
        }
        if next == "%" || is_one_of(next, &["percent", "pct"]) {
            return Some(Core::new(last + 1, Label::Percent, "rule: percentage"));
        }
        if self.is(last, "per") && self.is(last + 1, "cent") {
            return Some(Core::new(last + 2, Label::Percent, "rule: percentage"));
        }
        if self.is(last, "percentage") && self.is_among(last + 1, &["point", "points"]) {
            return Some(Core::new(last + 2, Label::Percent, "rule: percentage"));
        }
        // "billions of rupees", "millions of dollars".
        if self.is_in(last - 1, &PLURAL_SCALES)
            && self.is(last, "of")
            && self.is_in(last + 1, &CURRENCIES)
            && !self.is(last + 1, "won")
        {
            return Some(Core::new(
                last + 2,
                Label::Money,
                "rule: number and currency",
            ));
        }
        // "5 billion U.S. dollars", "100 yuan".
        let cur = if self.is_among(
            last,
            &["u.s.", "us", "hong", "singapore", "australian", "canadian"],
        ) && self.is_among(last + 1, &["dollar", "dollars"])
        {
            Some(last + 2)
        } else if self.is_in(last, &CURRENCIES) && !(self.is(last, "won") && num.words) {
            Some(last + 1)
        } else {
            None
        };
        if let Some(end) = cur {
            return Some(Core::new(end, Label::Money, "rule: number and currency"));
        }
        // "150,000 Sudanese pounds"
        if self.word(last).starts_with(|c: char| c.is_uppercase())
            && self.is_in(last + 1, &CURRENCIES)
            && !num.words
        {
            return Some(Core::new(
                last + 2,
                Label::Money,
                "rule: number and currency",
            ));
        }
        let next = if self.is_among(
            last,
            &[
                "working",
                "business",
                "full",
                "consecutive",
                "straight",
                "calendar",
            ],
        ) && self.is_in(last + 1, &DATE_UNITS)
        {
            last += 1;
            self.word(last)
        } else {
            next
        };
        if is_any(next, &DATE_UNITS) {
            if num.article
                && !self.is_among(last + 1, &["ago", "earlier", "later", "before", "after"])
                && !(n > 0
                    && self.is_among(
                        n - 1,
                        &[
                            "for", "in", "within", "over", "after", "than", "about", "nearly",
                            "almost", "of",
                        ],
                    ))
            {
                return None;
            }
            last += 1;
            if self.is_among(last, &["ago", "old", "earlier", "later"]) {
                last += 1;
            }
            return Some(Core::new(
                last,
                Label::Date,
                "rule: number of years, months or days",
            ));
        }
        if is_any(next, &TIME_UNITS) || is_any(next, &CLOCK) || num.clock {
            // "about an hour", "less than an hour", "an hour later", not "an hour-long talk".
            if num.article
                && !self.is_among(last + 1, &["ago", "earlier", "later", "before", "after"])
                && !(n > 0
                    && self.is_among(
                        n - 1,
                        &[
                            "for", "in", "within", "over", "after", "than", "about", "nearly",
                            "almost",
                        ],
                    ))
            {
                return None;
            }
            if !num.clock || is_any(next, &CLOCK) {
                last += 1;
            }
            if self.is_in(last, &ZONES) {
                last += 1;
            } else if !num.clock
                && is_any(next, &TIME_UNITS)
                && self.is_among(last, &["ago", "earlier", "later"])
            {
                // "three hours later", as "two days later": a relative
                // expression is whole (GUIDELINES.md).
                last += 1;
            }
            return Some(Core::new(last, Label::Time, "rule: time"));
        }
        if is_any(next, &QUANTITY_UNITS) {
            last += 1;
            if self.is_among(last - 1, &["square", "cubic"]) && self.kind(last) == Some(Kind::Word)
            {
                last += 1;
            }
            if self.is_among(last, &["celsius", "fahrenheit"]) {
                last += 1;
            }
            return Some(Core::new(last, Label::Quantity, "rule: number with a unit"));
        }
        if num.year {
            return Some(Core::new(last, Label::Date, "rule: year"));
        }
        if num.pronoun_one {
            return None;
        }
        Some(Core::new(last, Label::Cardinal, "rule: number"))
    }

    /// Whether token `i` is a verb in the past: a word in "-ed" or a common
    /// irregular past ("noticed", "sent"), as after the adverb "first".
    fn before_past_verb(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Word) && {
            let w = self.word(i);
            (w.len() > 4 && w.ends_with("ed") && w.bytes().all(|b| b.is_ascii_lowercase()))
                || is_one_of(w, words::IRREGULAR_PAST)
        }
    }

    /// "Jan. 17, 2025", "January 2025", "17 January", "mid-January", "May 5".
    fn month_date(&self, j: usize) -> Option<Core> {
        let w = self.word(j);
        let (is_month, month_tok) = if is_any(w, &MONTHS) {
            (true, j)
        } else if is_any(w, &SHORT_MONTHS) && (self.day_number(j + 1) || self.year_number(j + 1)) {
            // "Oct 20", "Sept 2024": wire copy's abbreviations without a period.
            (true, j)
        } else if let Some((pre, m)) = w.split_once('-')
            && is_one_of(pre, &["mid", "early", "late"])
            && is_any(m, &MONTHS)
        {
            (true, j)
        } else if self.day_number(j) && is_any(self.word(j + 1), &MONTHS) {
            // "17 January 2025"
            let mut last = j + 2;
            if self.year_number(last) {
                last += 1;
            }
            return Some(Core::new(last, Label::Date, "rule: day and month"));
        } else {
            (false, j)
        };
        if !is_month {
            return None;
        }
        // Month names must start with a capital.
        if !w.starts_with(|c: char| c.is_uppercase()) && !w.contains('-') {
            return None;
        }
        let mut last = month_tok + 1;
        let mut has_number = false;
        if self.day_number(last) {
            last += 1;
            has_number = true;
            if self.is_among(last, &["and", "to"]) && self.day_number(last + 1) {
                last += 2;
            }
            if self.word(last) == "," && self.year_number(last + 1) {
                last += 2;
            } else if self.year_number(last) {
                last += 1;
            }
        } else if self.year_number(last) {
            last += 1;
            has_number = true;
        } else if self.word(last) == "," && self.year_number(last + 1) {
            last += 2;
            has_number = true;
        }
        // "May", "March" and "August" are words too: alone they need a
        // preposition, or another month after them ("May, June and July").
        // "August's increase": a possessive makes one a month ("May's" is
        // as often Theresa May's).
        let possessive = self.kind(last) == Some(Kind::Possessive) && !is_one_of(w, &["may"]);
        if !has_number && !possessive && is_one_of(w, &["may", "march", "august"]) {
            let prev = if j > 0 { self.word(j - 1) } else { "" };
            let listed = matches!(self.word(last), "," | "and")
                && is_any(self.word(last + 1), &MONTHS)
                && self.word(last + 1).starts_with(|c: char| c.is_uppercase());
            if !listed
                && !is_one_of(
                    prev,
                    &[
                        "in", "since", "until", "by", "early", "late", "mid", "last", "next",
                        "this", "of", "from", "through",
                    ],
                )
            {
                return None;
            }
        }
        Some(Core::new(last, Label::Date, "rule: month and day"))
    }

    fn day_number(&self, i: usize) -> bool {
        let w = self.word(i);
        if self.kind(i) != Some(Kind::Number) {
            return false;
        }
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &w[digits.len()..];
        digits.len() <= 2
            && matches!(suffix, "" | "st" | "nd" | "rd" | "th")
            && digits.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
    }

    fn year_number(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Number)
            && self.word(i).len() == 4
            && self
                .word(i)
                .parse::<u32>()
                .is_ok_and(|y| (1000..=2199).contains(&y))
    }

    /// A number in digits or words starting at token `i`, and the token after it.
    fn number(&self, i: usize) -> Option<(Number, usize)> {
        let w = self.word(i);
        let mut num = Number::default();
        let mut j = i;
        match self.kind(i)? {
            Kind::Number => {
                let (head, tail) = match w.split_once('-') {
                    Some((h, t)) => (h, Some(t)),
                    None => (w, None),
                };
                let digits = head.trim_end_matches(|c: char| c.is_alphabetic());
                let suffix = &head[digits.len()..];
                if digits.contains('/') {
                    num.slash_date = digits.split('/').count() == 3;
                    if !num.slash_date {
                        return None;
                    }
                }
                match suffix {
                    "" => {}
                    "st" | "nd" | "rd" | "th" => num.ordinal = true,
                    "s" if digits.len() == 4 || digits.len() == 2 => num.decade = true,
                    _ if is_any(suffix, &CLOCK) => num.clock = true,
                    _ if is_any(suffix, &QUANTITY_UNITS) => num.hyphen_unit = Some(Label::Quantity),
                    _ => return None,
                }
                if let Some(tail) = tail {
                    let unit = tail.split('-').next().unwrap_or("");
                    if is_any(unit, &DATE_UNITS) {
                        num.hyphen_unit = Some(Label::Date);
                    } else if is_any(unit, &TIME_UNITS) {
                        num.hyphen_unit = Some(Label::Time);
                    } else if is_any(unit, &QUANTITY_UNITS) {
                        num.hyphen_unit = Some(Label::Quantity);
                    } else if tail.bytes().all(|b| b.is_ascii_digit()) && digits.len() == 4 {
                        num.year = true; // "2024-25"
                    } else {
                        num.hyphen_unit = Some(Label::Cardinal);
                    }
                }
                num.clock |= digits.contains(':');
                if digits.len() == 4
                    && suffix.is_empty()
                    && tail.is_none()
                    && !digits.contains([',', '.', ':'])
                    && digits
                        .parse::<u32>()
                        .is_ok_and(|y| (1800..=2100).contains(&y))
                {
                    num.year = true;
                }
                j += 1;
                if self.is_in(j, &SCALES) && !num.ordinal && !num.decade {
                    j += 1;
                    num.year = false;
                }
            }
            Kind::Word => {
                // Every comparison below ignores case.
                let is = |word: &str| w.eq_ignore_ascii_case(word);
                if self.is_in(i, &PLURAL_SCALES) || is("half") {
                    // "hundreds of thousands", "tens of millions": one number.
                    if !is("half") && self.is(i + 1, "of") && self.is_in(i + 2, &PLURAL_SCALES) {
                        return Some((num, i + 3));
                    }
                    return Some((num, i + 1));
                }
                if (is("a") || is("one"))
                    && self.is_among(i + 1, &["third", "quarter", "fifth", "half"])
                    && !self.is_in(i + 2, &DATE_UNITS)
                {
                    return Some((num, i + 2));
                }
                if let Some((head, tail)) = w.split_once('-')
                    && number_word(w).is_none()
                    && (number_word(head).is_some() || is_any(head, &ORDINALS))
                {
                    // "four-year", "two-state", "second-biggest".
                    let unit = tail.split('-').next().unwrap_or("");
                    // "two-thirds", "three-quarters": a fraction is one number.
                    if number_word(head) == Some(false)
                        && is_one_of(
                            unit,
                            &["third", "thirds", "quarter", "quarters", "fifth", "fifths"],
                        )
                    {
                        num.words = true;
                        return Some((num, i + 1));
                    }
                    num.hyphen_unit = Some(if is_any(unit, &DATE_UNITS) {
                        Label::Date
                    } else if is_any(unit, &TIME_UNITS) {
                        Label::Time
                    } else if is_any(unit, &QUANTITY_UNITS) {
                        Label::Quantity
                    } else if is_any(head, &ORDINALS) || number_word(head) == Some(true) {
                        Label::Ordinal
                    } else {
                        Label::Cardinal
                    });
                    return Some((num, i + 1));
                }
                if (is("a") || is("an")) && self.is_in(i + 1, &SCALES) {
                    j = i + 2;
                } else if self.is_in(i, &ORDINALS) || number_word(w) == Some(true) {
                    num.ordinal = true;
                    j = i + 1;
                } else if (is("a") || is("an"))
                    && (self.is_in(i + 1, &DATE_UNITS) || self.is_in(i + 1, &TIME_UNITS))
                {
                    j = i + 1;
                    num.words = true;
                    num.article = true;
                } else if number_word(w) == Some(false) {
                    num.words = true;
                    j = i + 1;
                    if is("one") {
                        let prev = if i > 0 { self.word(i - 1) } else { "" };
                        // "the only one of the eight": a pronoun.
                        let the_only = is_one_of(prev, &["only"]) && i > 1 && self.is(i - 2, "the");
                        num.pronoun_one = the_only
                            || is_one_of(
                                prev,
                                &[
                                    "no", "any", "every", "each", "the", "this", "that", "which",
                                    "someone", "anyone",
                                ],
                            )
                            || self.is_among(
                                i + 1,
                                &[
                                    "another", "side", "way", "must", "can", "could", "should",
                                    "would", "might", "may", "cannot",
                                ],
                            );
                    }
                    // "two hundred and five thousand"
                    loop {
                        if self.is_in(j, &SCALES) {
                            j += 1;
                            num.pronoun_one = false;
                        } else if self.is(j, "and")
                            && number_word(self.word(j + 1)) == Some(false)
                            && self.is_in(j - 1, &SCALES)
                        {
                            j += 2;
                        } else if number_word(self.word(j)) == Some(false)
                            && self.is_in(j - 1, &SCALES)
                        {
                            j += 1;
                        } else {
                            break;
                        }
                    }
                } else {
                    return None;
                }
            }
            _ => return None,
        }
        Some((num, j))
    }
}

/// "2024-25", "2025/26", "2024-2025": a year and the next, as fiscal years
/// and seasons are written.
/// A verb of change before "from … to …": "rose", "increased", "cut".
fn is_change_verb(w: &str) -> bool {
    is_one_of(
        w,
        &[
            "rose",
            "risen",
            "rise",
            "rises",
            "fell",
            "fallen",
            "fall",
            "falls",
            "increased",
            "increase",
            "increases",
            "decreased",
            "decrease",
            "grew",
            "grown",
            "dropped",
            "declined",
            "climbed",
            "jumped",
            "slipped",
            "surged",
            "cut",
            "raised",
            "lowered",
            "reduced",
            "changed",
            "moved",
            "went",
            "shrank",
            "expanded",
            "widened",
            "narrowed",
        ],
    )
}

fn is_year_range(w: &str) -> bool {
    let Some((a, b)) = w.split_once(['-', '/']) else {
        return false;
    };
    let (Ok(y), Ok(z)) = (a.parse::<u32>(), b.parse::<u32>()) else {
        return false;
    };
    a.len() == 4
        && (1800..=2100).contains(&y)
        && match b.len() {
            2 => z == (y + 1) % 100,
            4 => z == y + 1,
            _ => false,
        }
}

/// Whether a word (in any case) is a number word: `Some(false)` a cardinal
/// ("twenty-one"), `Some(true)` an ordinal ("twenty-first"), `None` neither.
fn number_word(w: &str) -> Option<bool> {
    let mut ordinal = false;
    for (n, part) in w.split('-').enumerate() {
        if is_any(part, &UNITS) {
        } else if is_any(part, &ORDINALS) && n > 0 {
            ordinal = true;
        } else {
            return None;
        }
    }
    Some(ordinal)
}

#[derive(Default, Debug)]
struct Number {
    ordinal: bool,
    decade: bool,
    year: bool,
    clock: bool,
    words: bool,
    pronoun_one: bool,
    article: bool,
    slash_date: bool,
    hyphen_unit: Option<Label>,
}

/// "1996-08-22": four digits, two, two, joined by hyphens.
fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && [0, 1, 2, 3, 5, 6, 8, 9]
            .iter()
            .all(|&i| b[i].is_ascii_digit())
        && matches!(
            &s[5..7],
            "01" | "02" | "03" | "04" | "05" | "06" | "07" | "08" | "09" | "10" | "11" | "12"
        )
}

struct Core {
    last: usize,
    label: Label,
    why: &'static str,
    /// Takes a "the" before it into the span: "the 1970s".
    takes_the: bool,
    end_byte: Option<usize>,
}

impl Core {
    fn new(last: usize, label: Label, why: &'static str) -> Core {
        Core {
            last,
            label,
            why,
            takes_the: false,
            end_byte: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table answers for every word of every list, in any case, and for
    /// no other word: the rules' "is this word in that list" depend on it.
    #[test]
    fn word_classes_are_the_lists() {
        for (list, also) in LISTS {
            for w in list.words {
                for form in [w.to_string(), w.to_uppercase(), capitalised(w)] {
                    let bits = CLASSES.of(&form);
                    assert_eq!(bits & (list.bit | also), list.bit | also, "{form:?}");
                    assert!(is_any(&form, list), "{form:?}");
                }
            }
        }
        for (w, _) in PERIOD_WORDS {
            assert!(is_any(w, &TRIGGERS), "{w:?}");
        }
        for w in APPROX.iter().flat_map(|p| p.split(' ')) {
            assert!(is_any(w, &PREFIXES), "{w:?}");
        }
        let listed: std::collections::HashSet<String> = LISTS
            .iter()
            .flat_map(|(l, _)| l.words.iter().map(|w| w.to_lowercase()))
            .chain(PERIOD_WORDS.iter().map(|(w, _)| w.to_string()))
            .chain(APPROX.iter().flat_map(|p| p.split(' ').map(String::from)))
            .chain(words::HOLIDAYS.iter().map(|w| w.to_string()))
            .chain(words::DOLLAR_MARKS.iter().map(|w| w.to_string()))
            .collect();
        for word in [
            "China",
            "said",
            "the",
            "Mayor",
            "marches",
            "twentyone",
            "",
            "Januar",
            "$5",
            "€€",
            "o'clocks",
            "weekends",
            "x",
        ] {
            assert_eq!(
                CLASSES.of(word) != 0,
                listed.contains(&word.to_lowercase()),
                "{word:?}"
            );
        }
    }

    fn capitalised(w: &str) -> String {
        let mut c = w.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    }
}
