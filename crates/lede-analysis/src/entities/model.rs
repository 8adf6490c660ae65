//! The data entity recognition produces: labelled mentions, the entities they
//! are grouped into, and quotations. Plain serialisable data, so it can cross
//! from a Web Worker and be exported as it is.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::Span;

/// The OntoNotes 5 entity types, as spaCy and displaCy name them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Label {
    Person,
    Norp,
    Fac,
    Org,
    Gpe,
    Loc,
    Event,
    Law,
    Date,
    Time,
    Percent,
    Money,
    Quantity,
    Ordinal,
    Cardinal,
}

impl Label {
    /// Every label, in the order a legend lists them.
    pub const ALL: [Label; 15] = [
        Label::Person,
        Label::Norp,
        Label::Org,
        Label::Gpe,
        Label::Loc,
        Label::Fac,
        Label::Event,
        Label::Law,
        Label::Date,
        Label::Time,
        Label::Percent,
        Label::Money,
        Label::Quantity,
        Label::Ordinal,
        Label::Cardinal,
    ];

    /// The OntoNotes name: `"PERSON"`, `"GPE"`, ….
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Norp => "NORP",
            Label::Fac => "FAC",
            Label::Org => "ORG",
            Label::Gpe => "GPE",
            Label::Loc => "LOC",
            Label::Event => "EVENT",
            Label::Law => "LAW",
            Label::Date => "DATE",
            Label::Time => "TIME",
            Label::Percent => "PERCENT",
            Label::Money => "MONEY",
            Label::Quantity => "QUANTITY",
            Label::Ordinal => "ORDINAL",
            Label::Cardinal => "CARDINAL",
        }
    }

    /// The label for an OntoNotes name, if it is one.
    pub fn from_name(name: &str) -> Option<Label> {
        Label::ALL.into_iter().find(|l| l.as_str() == name)
    }

    /// What the label means, in words a reader understands.
    pub fn description(self) -> &'static str {
        match self {
            Label::Person => "People",
            Label::Norp => "Nationalities, religious and political groups",
            Label::Fac => "Buildings, airports, highways, bridges",
            Label::Org => "Organisations",
            Label::Gpe => "Countries, cities, states",
            Label::Loc => "Seas, oceans, regions and other places",
            Label::Event => "Named events",
            Label::Law => "Laws and treaties",
            Label::Date => "Dates and periods",
            Label::Time => "Times of day",
            Label::Percent => "Percentages",
            Label::Money => "Sums of money",
            Label::Quantity => "Measurements",
            Label::Ordinal => "Ordinals",
            Label::Cardinal => "Numbers",
        }
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

crate::id::index_id! {
    /// The index of an [`Entity`] in [`Entities::entities`].
    EntityId => Entity
}

crate::id::index_id! {
    /// The index of a [`Mention`] in [`Entities::mentions`], from 0 in text order.
    MentionId => Mention
}

/// Why a mention was found, in the rule's own words: one of a few dozen
/// texts that live as long as the program. (An alias, so that serde does
/// not take it for text borrowed from the input.)
pub type RuleText = &'static str;

/// One occurrence of an entity in the text. `Copy`: the reader's
/// corrections copy the engine's reading, 100,000 mentions on 4 MB, on
/// every change.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// Byte span into the document text.
    pub span: Span,
    pub label: Label,
    pub entity: EntityId,
    /// Why it was found: which list or rule, in words a reader understands
    /// (the rule's own words, borrowed rather than copied for each mention).
    #[serde(deserialize_with = "crate::wire::rule")]
    pub why: RuleText,
}

/// A thing the text speaks of, with all its mentions grouped together.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub label: Label,
    /// The canonical name: "Xi Jinping" for "Xi", "President Xi", "Xi Jinping".
    pub name: String,
    /// Other forms this entity takes in the text, without the canonical name.
    pub aliases: Vec<String>,
    /// The Wikidata ID (`"Q15031"`) of a known entity.
    pub wikidata: Option<String>,
    /// Its mentions, in text order.
    pub mentions: Vec<MentionId>,
    /// How central the entity is to the document, from 0 to 1.
    pub salience: f32,
}

/// A quotation: text inside quotation marks, marks included.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub span: Span,
    /// Who the sentence says said it, where it says so.
    pub speaker: Option<EntityId>,
}

/// All that entity recognition found in a document.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Entities {
    /// Sorted by start and never overlapping one another.
    pub mentions: Vec<Mention>,
    pub entities: Vec<Entity>,
    /// Sorted by start; a separate layer, which may overlap mentions.
    pub quotes: Vec<Quote>,
}

impl Entities {
    /// The mention whose span is exactly `span`, if there is one: what
    /// holds a mention across a change that renumbers the mentions.
    pub fn mention_at(&self, span: Span) -> Option<MentionId> {
        let i = self.mentions.partition_point(|m| m.span.start < span.start);
        (self.mentions.get(i)?.span == span).then_some(MentionId(i))
    }
}
