//! A table of the entities, one row each, for spreadsheets.

use super::{View, shown_mentions};
use crate::{Document, Entities, EntityId};

/// The entities the view shows as CSV (RFC 4180): a header
/// `name,type,mentions,wikidata`, then one row per entity in the order of its
/// first mention, counting the mentions shown. Lines end in CRLF; a field with
/// a comma, quotation mark or line break is quoted, its quotation marks
/// doubled. A name that a spreadsheet would run as a formula (starting with
/// `=`, `+`, `@`, or `-` before a non-digit) is prefixed with `'`.
pub fn entities_csv(doc: &Document, entities: &Entities, view: &View) -> String {
    // (entity, mentions shown), in order of first mention.
    let mut rows: Vec<(EntityId, usize)> = Vec::new();
    for (_, m) in shown_mentions(doc, entities, view) {
        if m.entity.0 >= entities.entities.len() {
            continue;
        }
        match rows.iter_mut().find(|(e, _)| *e == m.entity) {
            Some((_, count)) => *count += 1,
            None => rows.push((m.entity, 1)),
        }
    }
    let mut out = String::from("name,type,mentions,wikidata\r\n");
    for (id, count) in rows {
        let e = &entities.entities[id];
        let fields = [
            field(&defuse(&e.name)),
            e.label.as_str().to_owned(),
            count.to_string(),
            field(e.wikidata.as_deref().unwrap_or("")),
        ];
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

/// A field quoted as RFC 4180 asks, when it must be.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// A name a spreadsheet will not take for a formula.
fn defuse(s: &str) -> String {
    let mut chars = s.chars();
    let risky = match chars.next() {
        Some('=' | '+' | '@' | '\t' | '\r') => true,
        Some('-') => !chars.next().is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    };
    if risky { format!("'{s}") } else { s.to_owned() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields() {
        let cases = [
            ("plain", "plain"),
            ("Smith, John", "\"Smith, John\""),
            ("the \"Iron Lady\"", "\"the \"\"Iron Lady\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            ("Zürich 北京 😀", "Zürich 北京 😀"),
        ];
        for (raw, quoted) in cases {
            assert_eq!(field(raw), quoted, "{raw:?}");
        }
        let defused = [
            ("=SUM(A1)", "'=SUM(A1)"),
            ("-5", "-5"),
            ("-x", "'-x"),
            ("@me", "'@me"),
            ("Ann", "Ann"),
        ];
        for (raw, safe) in defused {
            assert_eq!(defuse(raw), safe, "{raw:?}");
        }
    }
}
