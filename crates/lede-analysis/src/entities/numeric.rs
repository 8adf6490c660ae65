//! Rules for what no list can hold: dates, times, percentages, sums of money,
//! quantities, ordinals and plain numbers, written in digits or in words.
//!
//! Spans follow OntoNotes: an approximation belongs to the number ("more than
//! 20", "over four decades ago"), a time reference to the date ("the past four
//! years", "the 1970s", "the 21st century"), a unit to its quantity.

use super::Label;
use super::tokens::{Kind, Token};

/// A numeric or temporal mention: token range `first..last` (exclusive).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Hit {
    pub first: usize,
    pub last: usize,
    pub label: Label,
    pub why: &'static str,
}

const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.",
    "sep.", "sept.", "oct.", "nov.", "dec.",
];
const WEEKDAYS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
];
const UNITS: &[&str] = &[
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
const SCALES: &[&str] = &["hundred", "thousand", "million", "billion", "trillion", "dozen"];
const PLURAL_SCALES: &[&str] = &["dozens", "hundreds", "thousands", "millions", "billions", "trillions"];
const ORDINALS: &[&str] = &[
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
    "eighteenth", "nineteenth", "twentieth", "thirtieth", "fortieth", "fiftieth", "hundredth",
    "thousandth",
];
const DATE_UNITS: &[&str] = &[
    "year", "years", "month", "months", "week", "weeks", "day", "days", "decade", "decades",
    "century", "centuries", "quarter", "quarters", "weekend", "weekends", "yr", "yrs",
];
const TIME_UNITS: &[&str] = &["hour", "hours", "minute", "minutes", "seconds", "hrs"];
const CLOCK: &[&str] = &["a.m.", "p.m.", "am", "pm", "gmt", "utc", "o'clock", "o’clock"];
const CURRENCIES: &[&str] = &[
    "dollar", "dollars", "yuan", "renminbi", "euro", "euros", "yen", "pound", "pounds",
    "sterling", "rupee", "rupees", "rouble", "roubles", "ruble", "rubles", "won", "francs",
    "pesos", "reais", "rand", "dirhams", "riyals", "lira", "cents", "usd", "eur", "rmb", "cny",
];
const CURRENCY_PREFIXES: &[&str] = &["$", "€", "£", "¥", "₹", "₩", "usd", "rmb", "eur", "cny", "us"];
const QUANTITY_UNITS: &[&str] = &[
    "km", "kilometer", "kilometers", "kilometre", "kilometres", "mile", "miles", "meter",
    "meters", "metre", "metres", "feet", "foot", "inch", "inches", "ton", "tons", "tonne",
    "tonnes", "kg", "kilogram", "kilograms", "gram", "grams", "barrel", "barrels", "acre",
    "acres", "hectare", "hectares", "degree", "degrees", "liter", "liters", "litre", "litres",
    "gallon", "gallons", "megawatt", "megawatts", "gigawatt", "gigawatts", "mw", "gw", "kwh",
    "teu", "square", "cubic", "mph", "km/h", "celsius", "fahrenheit",
];
/// Words that make a number approximate, and belong to its span.
const APPROX: &[&[&str]] = &[
    &["more", "than"], &["less", "than"], &["fewer", "than"], &["at", "least"], &["up", "to"],
    &["nearly"], &["almost"], &["about"], &["around"], &["roughly"], &["approximately"],
    &["over"], &["some"], &["just", "over"], &["well", "over"], &["nearly"],
];
/// Words that make a period relative, and belong to a DATE span.
const RELATIVE: &[&str] = &["past", "last", "next", "coming", "previous", "following", "recent", "first", "same"];
const PERIOD_WORDS: &[(&str, Label)] = &[
    ("year", Label::Date),
    ("month", Label::Date),
    ("week", Label::Date),
    ("weekend", Label::Date),
    ("decade", Label::Date),
    ("century", Label::Date),
    ("quarter", Label::Date),
    ("spring", Label::Date),
    ("summer", Label::Date),
    ("autumn", Label::Date),
    ("fall", Label::Date),
    ("winter", Label::Date),
    ("years", Label::Date),
    ("months", Label::Date),
    ("weeks", Label::Date),
    ("days", Label::Date),
    ("decades", Label::Date),
    ("morning", Label::Time),
    ("afternoon", Label::Time),
    ("evening", Label::Time),
    ("night", Label::Time),
];

fn is_any(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Finds the numeric and temporal mentions among `toks`.
pub(crate) struct Scanner<'a> {
    text: &'a str,
    toks: &'a [Token],
}

impl<'a> Scanner<'a> {
    pub fn new(text: &'a str, toks: &'a [Token]) -> Self {
        Scanner { text, toks }
    }

    fn word(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.text(self.text))
    }

    fn is(&self, i: usize, w: &str) -> bool {
        self.word(i).eq_ignore_ascii_case(w)
    }

    fn is_in(&self, i: usize, list: &[&str]) -> bool {
        i < self.toks.len() && is_any(self.word(i), list)
    }

    fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    /// Scans every token; hits are in order and never overlap.
    pub fn scan(&self, out: &mut Vec<Hit>) {
        let mut i = 0;
        while i < self.toks.len() {
            if let Some(hit) = self.at(i) {
                i = hit.last;
                out.push(hit);
            } else {
                i += 1;
            }
        }
    }

    /// A mention whose prefix starts at token `i`.
    fn at(&self, i: usize) -> Option<Hit> {
        let k = self.kind(i)?;
        if k == Kind::Possessive {
            return None;
        }
        // Prefixes: "the", a relative word, an approximation, each optional.
        let mut j = i;
        let the = self.is(j, "the");
        if the {
            j += 1;
        }
        let relative = (self.is_in(j, RELATIVE) && !(self.is(j, "first") && !the)) || self.is(j, "this");
        if relative {
            j += 1;
        }
        let approx_start = j;
        for words in APPROX {
            if words.iter().enumerate().all(|(n, w)| self.is(j + n, w)) {
                j += words.len();
                break;
            }
        }
        let approx = j > approx_start;
        let core = self.core(j)?;
        let first = match core.label {
            Label::Date | Label::Time => {
                if relative || (the && core.takes_the) {
                    i
                } else if approx {
                    approx_start
                } else {
                    j
                }
            }
            _ if approx => approx_start,
            _ => j,
        };
        // A plain core with a prefix we dropped is found again from its own
        // start; only report what starts at `i` or later.
        Some(Hit {
            first,
            last: core.last,
            label: core.label,
            why: core.why,
        })
    }

    /// The number, date or period starting at token `j`, with its unit.
    fn core(&self, j: usize) -> Option<Core> {
        let w = self.word(j);
        let lw = w.to_ascii_lowercase();
        let lw = lw.as_str();
        // Dates by name.
        if let Some(c) = self.month_date(j) {
            return Some(c);
        }
        if is_any(w, WEEKDAYS) {
            return Some(Core::new(j + 1, Label::Date, "rule: day of the week"));
        }
        match lw {
            "today" | "yesterday" | "tomorrow" => {
                return Some(Core::new(j + 1, Label::Date, "rule: relative day"));
            }
            "tonight" | "noon" | "midnight" => {
                return Some(Core::new(j + 1, Label::Time, "rule: time of day"));
            }
            _ => {}
        }
        if j > 0 && (self.is_in(j - 1, RELATIVE) || self.is(j - 1, "this")) {
            if let Some(&(_, label)) = PERIOD_WORDS.iter().find(|(p, _)| p.eq_ignore_ascii_case(w)) {
                let c = Core::new(j + 1, label, "rule: relative period");
                return Some(c);
            }
        }
        // Currency before the number: "$5 billion", "US$5".
        let mut n = j;
        let mut money = false;
        if self.is_in(n, CURRENCY_PREFIXES) && self.kind(n + 1) != Some(Kind::Word) {
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
            return Some(Core::new(last, Label::Money, "rule: currency sign and number"));
        }
        if num.decade {
            let mut c = Core::new(last, Label::Date, "rule: decade");
            c.takes_the = true;
            return Some(c);
        }
        if let Some(label) = num.hyphen_unit {
            return Some(Core::new(last, label, "rule: number with a unit"));
        }
        let next = self.word(last);
        if num.ordinal {
            if is_any(next, &["century", "centuries"]) {
                let mut c = Core::new(last + 1, Label::Date, "rule: century");
                c.takes_the = true;
                return Some(c);
            }
            if is_any(next, &["quarter", "half"]) && self.is(last + 1, "of") {
                let mut c = Core::new(last + 1, Label::Date, "rule: part of a year");
                c.takes_the = true;
                return Some(c);
            }
            return Some(Core::new(last, Label::Ordinal, "rule: ordinal"));
        }
        if next == "%" || is_any(next, &["percent", "pct"]) {
            return Some(Core::new(last + 1, Label::Percent, "rule: percentage"));
        }
        if self.is(last, "per") && self.is(last + 1, "cent") {
            return Some(Core::new(last + 2, Label::Percent, "rule: percentage"));
        }
        if self.is(last, "percentage") && self.is_in(last + 1, &["point", "points"]) {
            return Some(Core::new(last + 2, Label::Percent, "rule: percentage"));
        }
        // "5 billion U.S. dollars", "100 yuan".
        let cur = if self.is_in(last, &["u.s.", "us", "hong", "singapore", "australian", "canadian"])
            && self.is_in(last + 1, &["dollar", "dollars"])
        {
            Some(last + 2)
        } else if self.is_in(last, CURRENCIES) && !(self.is(last, "won") && num.words) {
            Some(last + 1)
        } else {
            None
        };
        if let Some(end) = cur {
            return Some(Core::new(end, Label::Money, "rule: number and currency"));
        }
        if is_any(next, DATE_UNITS) {
            last += 1;
            if self.is_in(last, &["ago", "old", "earlier", "later"]) {
                last += 1;
            }
            return Some(Core::new(last, Label::Date, "rule: number of years, months or days"));
        }
        if is_any(next, TIME_UNITS) || is_any(next, CLOCK) {
            return Some(Core::new(last + 1, Label::Time, "rule: time"));
        }
        if num.clock {
            return Some(Core::new(last, Label::Time, "rule: time"));
        }
        if is_any(next, QUANTITY_UNITS) {
            last += 1;
            if self.is_in(last - 1, &["square", "cubic"]) && self.kind(last) == Some(Kind::Word) {
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

    /// "Jan. 17, 2025", "January 2025", "17 January", "mid-January", "May 5".
    fn month_date(&self, j: usize) -> Option<Core> {
        let w = self.word(j);
        let (is_month, month_tok) = if is_any(w, MONTHS) {
            (true, j)
        } else if let Some((pre, m)) = w.split_once('-')
            && is_any(pre, &["mid", "early", "late"])
            && is_any(m, MONTHS)
        {
            (true, j)
        } else if self.day_number(j) && is_any(self.word(j + 1), MONTHS) {
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
        // "May", "March" and "August" are words too: alone they need a preposition.
        if !has_number && is_any(w, &["may", "march", "august"]) {
            let prev = if j > 0 { self.word(j - 1) } else { "" };
            if !is_any(prev, &["in", "since", "until", "by", "early", "late", "mid", "last", "next", "this", "of", "from", "through"]) {
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
            && self.word(i).parse::<u32>().is_ok_and(|y| (1000..=2199).contains(&y))
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
                match suffix {
                    "" => {}
                    "st" | "nd" | "rd" | "th" => num.ordinal = true,
                    "s" if digits.len() == 4 || digits.len() == 2 => num.decade = true,
                    _ if is_any(suffix, CLOCK) => num.clock = true,
                    _ if is_any(suffix, QUANTITY_UNITS) => num.hyphen_unit = Some(Label::Quantity),
                    _ => return None,
                }
                if let Some(tail) = tail {
                    let unit = tail.split('-').next().unwrap_or("");
                    if is_any(unit, DATE_UNITS) {
                        num.hyphen_unit = Some(Label::Date);
                    } else if is_any(unit, TIME_UNITS) {
                        num.hyphen_unit = Some(Label::Time);
                    } else if is_any(unit, QUANTITY_UNITS) {
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
                    && digits.parse::<u32>().is_ok_and(|y| (1800..=2100).contains(&y))
                {
                    num.year = true;
                }
                j += 1;
                if self.is_in(j, SCALES) && !num.ordinal && !num.decade {
                    j += 1;
                    num.year = false;
                }
            }
            Kind::Word => {
                let lw = w.to_ascii_lowercase();
                if is_any(&lw, PLURAL_SCALES) {
                    return Some((num, i + 1));
                }
                if (lw == "a" || lw == "an") && self.is_in(i + 1, SCALES) {
                    j = i + 2;
                } else if is_any(&lw, ORDINALS) || number_word(&lw) == Some(true) {
                    num.ordinal = true;
                    j = i + 1;
                } else if (lw == "a" || lw == "an") && self.is_in(i + 1, DATE_UNITS) {
                    j = i + 1;
                    num.words = true;
                } else if number_word(&lw) == Some(false) {
                    num.words = true;
                    j = i + 1;
                    if lw == "one" {
                        let prev = if i > 0 { self.word(i - 1) } else { "" };
                        num.pronoun_one = is_any(prev, &["no", "any", "every", "each", "the", "this", "that", "which", "someone", "anyone"])
                            || self.is_in(i + 1, &["another", "side", "way"]);
                    }
                    // "two hundred and five thousand"
                    loop {
                        if self.is_in(j, SCALES) {
                            j += 1;
                            num.pronoun_one = false;
                        } else if self.is(j, "and") && number_word(&self.word(j + 1).to_ascii_lowercase()) == Some(false) && self.is_in(j - 1, SCALES) {
                            j += 2;
                        } else if number_word(&self.word(j).to_ascii_lowercase()) == Some(false) && self.is_in(j - 1, SCALES) {
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

/// Whether a lower-case word is a number word: `Some(false)` a cardinal
/// ("twenty-one"), `Some(true)` an ordinal ("twenty-first"), `None` neither.
fn number_word(w: &str) -> Option<bool> {
    let mut ordinal = false;
    for (n, part) in w.split('-').enumerate() {
        if is_any(part, UNITS) {
        } else if is_any(part, ORDINALS) && n > 0 {
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
    hyphen_unit: Option<Label>,
}

struct Core {
    last: usize,
    label: Label,
    why: &'static str,
    /// Takes a "the" before it into the span: "the 1970s".
    takes_the: bool,
}

impl Core {
    fn new(last: usize, label: Label, why: &'static str) -> Core {
        Core {
            last,
            label,
            why,
            takes_the: false,
        }
    }
}
