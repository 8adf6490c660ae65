//! What the reader has set — types shown, selected entity, themes, search — as
//! one value that round-trips through the URL's query string, so copying the
//! address reproduces the view. Plain Rust: parsing never fails, it ignores
//! what it does not understand.

use std::collections::BTreeSet;

use lede_analysis::Label;

/// How chosen themes combine.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Match {
    /// A paragraph about any chosen theme passes.
    #[default]
    Any,
    /// A paragraph must be about every chosen theme.
    All,
}

/// What happens to paragraphs outside the filter.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Outside {
    #[default]
    Dim,
    Hide,
}

/// The reader's view of the document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewState {
    /// Entity types whose highlights are switched off.
    pub hidden: BTreeSet<Label>,
    /// Whether the quotation layer is switched off.
    pub quotes_hidden: bool,
    /// The selected entity, by canonical name.
    pub entity: Option<String>,
    /// Which of the entities of that name, in the order of their first
    /// mentions: 0 for the first (the URL says `n=2` for the second, and
    /// nothing for the first).
    pub entity_nth: usize,
    /// Show only paragraphs that mention the selected entity.
    pub only_entity: bool,
    /// Chosen theme ids, in the order chosen.
    pub themes: Vec<String>,
    pub matching: Match,
    pub outside: Outside,
    /// The search text.
    pub search: String,
}

/// The query keys a view is written to and read from.
pub const QUERY_KEYS: [&str; 9] = [
    "hide", "quotes", "entity", "n", "only", "themes", "match", "outside", "q",
];

impl ViewState {
    /// Reads a view from a query, given `get`, which returns the first decoded
    /// value of a key as `URLSearchParams.get` does (later repeats are ignored).
    pub fn from_query(mut get: impl FnMut(&str) -> Option<String>) -> ViewState {
        ViewState::from_pairs(
            QUERY_KEYS
                .into_iter()
                .filter_map(|key| get(key).map(|value| (key, value))),
        )
    }

    /// Reads a view from decoded query pairs, ignoring unknown keys and bad values.
    pub fn from_pairs<K: AsRef<str>, V: AsRef<str>>(
        pairs: impl IntoIterator<Item = (K, V)>,
    ) -> ViewState {
        let mut view = ViewState::default();
        for (key, value) in pairs {
            let value = value.as_ref();
            match key.as_ref() {
                "hide" => view.hidden.extend(list(value).filter_map(Label::from_name)),
                "quotes" => view.quotes_hidden = value == "off",
                "entity" if !value.trim().is_empty() => view.entity = Some(value.trim().to_owned()),
                "n" => view.entity_nth = value.parse::<usize>().map_or(0, |n| n.saturating_sub(1)),
                "only" => view.only_entity = value == "1",
                "themes" => {
                    for id in list(value) {
                        if !view.themes.iter().any(|t| t == id) {
                            view.themes.push(id.to_owned());
                        }
                    }
                }
                "match" => {
                    view.matching = if value == "all" {
                        Match::All
                    } else {
                        Match::Any
                    }
                }
                "outside" => {
                    view.outside = if value == "hide" {
                        Outside::Hide
                    } else {
                        Outside::Dim
                    }
                }
                "q" => view.search = value.to_owned(),
                _ => {}
            }
        }
        if view.entity.is_none() {
            view.entity_nth = 0;
        }
        view
    }

    /// The query pairs for this view, leaving out defaults so URLs stay short.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if !self.hidden.is_empty() {
            let names: Vec<_> = self.hidden.iter().map(|l| l.as_str()).collect();
            pairs.push(("hide", names.join(",")));
        }
        if self.quotes_hidden {
            pairs.push(("quotes", "off".to_owned()));
        }
        if let Some(e) = &self.entity {
            pairs.push(("entity", e.clone()));
            if self.entity_nth > 0 {
                pairs.push(("n", (self.entity_nth + 1).to_string()));
            }
            if self.only_entity {
                pairs.push(("only", "1".to_owned()));
            }
        }
        if !self.themes.is_empty() {
            pairs.push(("themes", self.themes.join(",")));
            if self.matching == Match::All {
                pairs.push(("match", "all".to_owned()));
            }
        }
        if self.outside == Outside::Hide {
            pairs.push(("outside", "hide".to_owned()));
        }
        if !self.search.is_empty() {
            pairs.push(("q", self.search.clone()));
        }
        pairs
    }

    /// Whether any filter narrows the paragraphs shown.
    pub fn filters_paragraphs(&self) -> bool {
        !self.themes.is_empty() || (self.entity.is_some() && self.only_entity)
    }
}

fn list(value: &str) -> impl Iterator<Item = &str> {
    value.split(',').map(str::trim).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(pairs: &[(&str, &str)]) -> ViewState {
        ViewState::from_pairs(pairs.iter().copied())
    }

    #[test]
    fn empty_query_is_the_default_view() {
        assert_eq!(parse(&[]), ViewState::default());
        assert!(ViewState::default().to_pairs().is_empty());
    }

    #[test]
    fn reads_every_setting() {
        let view = parse(&[
            ("hide", "GPE,DATE"),
            ("quotes", "off"),
            ("entity", "Xi Jinping"),
            ("only", "1"),
            ("themes", "economy,cooperation"),
            ("match", "all"),
            ("outside", "hide"),
            ("q", "win-win"),
        ]);
        assert_eq!(view.hidden, BTreeSet::from([Label::Gpe, Label::Date]));
        assert!(view.quotes_hidden);
        assert_eq!(view.entity.as_deref(), Some("Xi Jinping"));
        assert!(view.only_entity);
        assert_eq!(view.themes, ["economy", "cooperation"]);
        assert_eq!(view.matching, Match::All);
        assert_eq!(view.outside, Outside::Hide);
        assert_eq!(view.search, "win-win");
    }

    #[test]
    fn ignores_what_it_does_not_understand() {
        let cases: &[&[(&str, &str)]] = &[
            &[("hide", "NOT_A_LABEL,,")],
            &[("zoom", "9")],
            &[("entity", "   ")],
            &[("match", "sometimes")],
            &[("outside", "x")],
            &[("only", "yes")],
            &[("quotes", "maybe")],
        ];
        for pairs in cases {
            assert_eq!(parse(pairs), ViewState::default(), "{pairs:?}");
        }
        // Good values survive next to bad ones.
        assert_eq!(
            parse(&[("hide", "GPE,bogus")]).hidden,
            BTreeSet::from([Label::Gpe])
        );
        assert_eq!(
            parse(&[("themes", "trade,trade, ,x")]).themes,
            ["trade", "x"]
        );
    }

    #[test]
    fn round_trips() {
        let views = [
            ViewState::default(),
            parse(&[("hide", "PERSON"), ("q", "a, b & c")]),
            parse(&[
                ("entity", "Donald Trump"),
                ("only", "1"),
                ("themes", "economy"),
                ("match", "all"),
            ]),
            parse(&[("entity", "Li"), ("n", "2")]),
            parse(&[
                ("themes", "history,friction"),
                ("outside", "hide"),
                ("quotes", "off"),
            ]),
        ];
        for view in views {
            let pairs = view.to_pairs();
            assert_eq!(
                ViewState::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str()))),
                view
            );
        }
    }

    #[test]
    fn leaves_out_settings_that_do_not_apply() {
        let view = parse(&[("only", "1"), ("match", "all"), ("n", "3")]);
        assert!(
            view.to_pairs().is_empty(),
            "only= and n= without an entity, match= without themes"
        );
    }

    #[test]
    fn names_which_of_the_same_named_entities() {
        let nth = |n: &str| parse(&[("entity", "Li"), ("n", n)]).entity_nth;
        assert_eq!(nth("2"), 1, "the second in the text");
        assert_eq!(nth("1"), 0);
        for bad in ["0", "-1", "two", ""] {
            assert_eq!(nth(bad), 0, "{bad:?} reads as the first");
        }
        let first = parse(&[("entity", "Li")]);
        assert_eq!(first.entity_nth, 0);
        assert!(
            !first.to_pairs().iter().any(|(k, _)| *k == "n"),
            "the first needs no n="
        );
        let second = parse(&[("entity", "Li"), ("n", "2")]);
        assert!(second.to_pairs().contains(&("n", "2".to_owned())));
    }
}
