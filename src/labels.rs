//! How entity types are named and told apart on screen. Colour is never the
//! only cue: each type also has its own underline style (see style/main.css).

use lede_analysis::Label;

/// A short name for a type, as the legend, the cards and screen readers say it.
pub fn label_name(label: Label) -> &'static str {
    match label {
        Label::Person => "Person",
        Label::Norp => "Nationality or group",
        Label::Fac => "Facility",
        Label::Org => "Organisation",
        Label::Gpe => "Country, city or state",
        Label::Loc => "Place",
        Label::Event => "Event",
        Label::Law => "Law",
        Label::Date => "Date",
        Label::Time => "Time",
        Label::Percent => "Percentage",
        Label::Money => "Money",
        Label::Quantity => "Quantity",
        Label::Ordinal => "Ordinal",
        Label::Cardinal => "Number",
    }
}

/// The plural heading for a group of entities of one type.
pub fn label_plural(label: Label) -> &'static str {
    match label {
        Label::Person => "People",
        Label::Norp => "Nationalities and groups",
        Label::Fac => "Facilities",
        Label::Org => "Organisations",
        Label::Gpe => "Countries, cities, states",
        Label::Loc => "Places",
        Label::Event => "Events",
        Label::Law => "Laws",
        Label::Date => "Dates",
        Label::Time => "Times",
        Label::Percent => "Percentages",
        Label::Money => "Money",
        Label::Quantity => "Quantities",
        Label::Ordinal => "Ordinals",
        Label::Cardinal => "Numbers",
    }
}
