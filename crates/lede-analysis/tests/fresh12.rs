//! Rules of the `fresh12` round (issue #17): classes of error seven Wikinews
//! texts showed on arrival, each with cases that must keep working beside it.
//! A case lists every mention of its sentence, as in `tests/entities.rs`.

use lede_analysis::themes::{Lexicon, score};
use lede_analysis::{Document, Label};

use Label::*;

mod support;
use support::check;

#[test]
fn letters_against_a_dollar_sign_are_the_currency() {
    check(&[
        (
            "He was released on US$20,000 bail on Thursday.",
            &[("US$20,000", Money), ("Thursday", Date)],
        ),
        ("The fund holds NZ$5 million.", &[("NZ$5 million", Money)]),
        // With a space the letters are the country, as before.
        (
            "The US $5 billion loan was signed.",
            &[("US", Gpe), ("$5 billion", Money)],
        ),
        (
            "The US pledged more aid to Kenya.",
            &[("US", Gpe), ("Kenya", Gpe)],
        ),
    ]);
}

#[test]
fn museums_galleries_and_magazines_are_organisations() {
    check(&[
        (
            "The show opened at the Weatherspoon Art Museum in May.",
            &[("the Weatherspoon Art Museum", Org), ("May", Date)],
        ),
        (
            "It hangs in the Mary & Leigh Block Museum of Art.",
            &[("the Mary & Leigh Block Museum of Art", Org)],
        ),
        (
            "Pace Galleries lent the prints, he told LA Weekly and Freedom Magazine.",
            &[
                ("Pace Galleries", Org),
                ("LA Weekly", Org),
                ("Freedom Magazine", Org),
            ],
        ),
        // Lower case, they are no names.
        ("The museum and the gallery sold a weekly magazine.", &[]),
    ]);
}

#[test]
fn towers_and_memorials_are_facilities() {
    check(&[
        (
            "Crowds filled the Chiang Kai Shek Memorial near Taipei.",
            &[("the Chiang Kai Shek Memorial", Fac), ("Taipei", Gpe)],
        ),
        (
            "He was taken to the Petronas Towers.",
            &[("the Petronas Towers", Fac)],
        ),
        ("A memorial was built near the towers.", &[]),
    ]);
}

#[test]
fn a_universitys_campus_and_a_foundations_purpose_are_its_name() {
    check(&[
        (
            "He studied at the University of North Carolina at Greensboro.",
            &[("the University of North Carolina at Greensboro", Org)],
        ),
        (
            "It was part of the Andy Warhol Foundation for the Visual Arts, he said.",
            &[("the Andy Warhol Foundation for the Visual Arts", Org)],
        ),
        // "at" after any other name, and "for the" after no keyword, end it.
        (
            "Sergey Brin met Ahmed Mohamed at Google.",
            &[
                ("Sergey Brin", Person),
                ("Ahmed Mohamed", Person),
                ("Google", Org),
            ],
        ),
        (
            "He thanked China for the Belt and Road Initiative.",
            &[("China", Gpe), ("the Belt and Road Initiative", Org)],
        ),
    ]);
}

#[test]
fn dates_through_dates_and_hundreds_of_thousands_are_one_span() {
    check(&[
        (
            "The exhibit runs from January 23 through March 9.",
            &[("January 23 through March 9", Date)],
        ),
        ("The festival runs through March 11.", &[("March 11", Date)]),
        (
            "Hundreds of thousands of people came, and thousands left.",
            &[("Hundreds of thousands", Cardinal), ("thousands", Cardinal)],
        ),
        (
            "It cost hundreds of thousands of dollars.",
            &[("hundreds of thousands of dollars", Money)],
        ),
    ]);
}

#[test]
fn awards_are_not_people() {
    check(&[
        (
            "As a Nobel Peace Prize recipient, Shimon Peres spoke.",
            &[("Shimon Peres", Person)],
        ),
        (
            "Margaret Atwood, a Booker Prize-winner, was there.",
            &[("Margaret Atwood", Person)],
        ),
        (
            "Margaret Atwood won it in 2000.",
            &[("Margaret Atwood", Person), ("2000", Date)],
        ),
    ]);
}

#[test]
fn religions_are_norp_and_platforms_organisations() {
    check(&[
        (
            "He left Scientology, and Islam and Christianity are growing.",
            &[
                ("Scientology", Norp),
                ("Islam", Norp),
                ("Christianity", Norp),
            ],
        ),
        // The church is an organisation; its religion inside it is not apart.
        (
            "He sued the Church of Scientology in 2008.",
            &[("the Church of Scientology", Org), ("2008", Date)],
        ),
        (
            "She posted to Twitter, Facebook and YouTube.",
            &[("Twitter", Org), ("Facebook", Org), ("YouTube", Org)],
        ),
        // Lower case, a tweet and a book are no names.
        ("She tweeted a link to a face book.", &[]),
    ]);
}

#[test]
fn a_name_after_its_particle_is_no_place() {
    check(&[
        (
            "His father Mohamed El-Hassan Mohamed said he was proud.",
            &[("Mohamed El-Hassan Mohamed", Person)],
        ),
        // A hyphenated pair of places, and names known whole, as before.
        (
            "The Saudi-Emirati plan met al-Qaeda in Cairo.",
            &[
                ("Saudi", Norp),
                ("Emirati", Norp),
                ("al-Qaeda", Org),
                ("Cairo", Gpe),
            ],
        ),
        ("He flew to El Paso.", &[("El Paso", Gpe)]),
    ]);
}

#[test]
fn a_capitalised_period_word_before_a_name_is_part_of_it() {
    check(&[
        (
            "He was taken to the Century City Towers.",
            &[("the Century City Towers", Fac)],
        ),
        (
            "It was the century of revolutions; the decade ended.",
            &[("the century", Date), ("the decade", Date)],
        ),
    ]);
}

#[test]
fn org_ends_an_organisations_name() {
    check(&[
        (
            "He left the Sea Org in 2010.",
            &[("the Sea Org", Org), ("2010", Date)],
        ),
        // Lower case it is no name.
        ("The org chart was redrawn.", &[]),
    ]);
}

#[test]
fn papers_general_news_cites_are_known() {
    check(&[
        (
            "Matthew Ingram of The Globe and Mail wrote it, and The Straits Times noted it.",
            &[
                ("Matthew Ingram", Person),
                ("The Globe and Mail", Org),
                ("The Straits Times", Org),
            ],
        ),
        (
            "Le Monde and Haaretz reported it.",
            &[("Le Monde", Org), ("Haaretz", Org)],
        ),
        // A globe and the mail are no paper.
        ("He mailed a globe.", &[]),
    ]);
}

#[test]
fn a_given_name_alone_is_the_person_named_in_full_with_it() {
    check(&[
        (
            "Daniel Montalvo met Mark Rathbun. Rathbun said the police picked up Daniel.",
            &[
                ("Daniel Montalvo", Person),
                ("Mark Rathbun", Person),
                ("Rathbun", Person),
                ("Daniel", Person),
            ],
        ),
        // A given name no one in the text has stays a word.
        (
            "Daniel Montalvo left, and by grace or Grace he was gone.",
            &[("Daniel Montalvo", Person)],
        ),
    ]);
}

#[test]
fn a_ratio_is_one_number() {
    check(&[
        (
            "One in three visits came from BBC News.",
            &[("One in three", Cardinal), ("BBC News", Org)],
        ),
        ("Five in 10 voters agreed.", &[("Five in 10", Cardinal)]),
        // A number before a year or a place keeps apart.
        (
            "He won 3 in 2020 and two in Gaza died.",
            &[
                ("3", Cardinal),
                ("2020", Date),
                ("two", Cardinal),
                ("Gaza", Gpe),
            ],
        ),
    ]);
}

#[test]
fn first_as_an_adverb_is_no_ordinal() {
    check(&[
        ("He was first persuaded to go back.", &[]),
        ("He first collected head shots as a kid.", &[]),
        ("They want to first share the data.", &[]),
        // Before a noun it is the ordinal.
        (
            "It was the first time; he is the first woman.",
            &[("first", Ordinal), ("first", Ordinal)],
        ),
    ]);
}

#[test]
fn a_school_district_is_an_organisation() {
    check(&[
        (
            "Both the Irving Independent School District and the Irving Police Department spoke.",
            &[
                ("the Irving Independent School District", Org),
                ("the Irving Police Department", Org),
            ],
        ),
        // Other districts stay places.
        (
            "The Southern District of Texas ruled.",
            &[("The Southern District of Texas", Gpe)],
        ),
    ]);
}

#[test]
fn a_convention_or_trade_centre_is_a_building() {
    check(&[
        (
            "It took place at the Metro Toronto Convention Centre in May.",
            &[("the Metro Toronto Convention Centre", Fac), ("May", Date)],
        ),
        (
            "Planes hit the World Trade Center.",
            &[("the World Trade Center", Fac)],
        ),
        // Other centres are organisations.
        (
            "The Global Development Policy Center said so.",
            &[("The Global Development Policy Center", Org)],
        ),
    ]);
}

#[test]
fn a_fair_is_an_event() {
    check(&[
        (
            "He was a guest at the Google Science Fair this weekend.",
            &[("the Google Science Fair", Event), ("this weekend", Date)],
        ),
        (
            "The Frankfurt Book Fair opened.",
            &[("The Frankfurt Book Fair", Event)],
        ),
        // Lower case, it is a word.
        ("It was a fair deal at the county fair.", &[]),
    ]);
}

#[test]
fn vip_and_potus_are_no_organisations() {
    check(&[
        (
            "Ahmed Mohamed received VIP attention at Google.",
            &[("Ahmed Mohamed", Person), ("Google", Org)],
        ),
        (
            "Barack Obama tweeted using his @POTUS account.",
            &[("Barack Obama", Person)],
        ),
        // Other capitals still name organisations.
        ("The VIP guest met NATO.", &[("NATO", Org)]),
    ]);
}

#[test]
fn non_before_a_people_is_one_norp() {
    check(&[
        (
            "It helped improve Muslim/non-Muslim relations.",
            &[("Muslim", Norp), ("non-Muslim", Norp)],
        ),
        (
            "Non-Arab states joined the anti-American protest.",
            &[("Non-Arab", Norp), ("American", Norp)],
        ),
        // "non-" before a place leaves the place alone.
        ("It is a non-China supply chain.", &[("China", Gpe)]),
    ]);
}

/// The words of `text` the built-in lexicon counts for `theme`.
fn evidence(text: &str, theme: &str) -> Vec<String> {
    let doc = Document::parse(text);
    let report = score(&doc, Lexicon::builtin());
    report
        .paragraphs
        .iter()
        .flat_map(|p| &p.evidence)
        .filter(|e| &*e.theme == theme)
        .map(|e| doc.text()[e.span.start..e.span.end].to_owned())
        .collect()
}

#[test]
fn words_that_share_a_stem_with_a_term_are_not_it() {
    // Snowball stems "productivity" as "product", "business" as "busy",
    // "contraction" as "contract", "mining" as "mine", "arms" as "arm" and
    // "opposition" as "opposite": those words are no sign of the theme.
    assert!(
        evidence(
            "She was busy signing a contract; the pen is mine.",
            "economy"
        )
        .is_empty()
    );
    assert!(evidence("He raised his arm on the opposite side.", "security").is_empty());
    assert!(evidence("He raised his arm on the opposite side.", "friction").is_empty());
    assert_eq!(
        evidence("Mining and business grew despite a contraction.", "economy"),
        ["Mining", "business", "contraction"]
    );
    assert_eq!(evidence("They sold arms.", "security"), ["arms"]);
    // An artist's products and the products we consume are not productivity.
    assert_eq!(
        evidence(
            "These iconic products of American culture, products we consumed.",
            "economy"
        ),
        ["consumed"]
    );
    assert_eq!(
        evidence("Labour productivity fell.", "economy"),
        ["productivity"]
    );
}

#[test]
fn coming_to_an_understanding_is_reaching_an_agreement() {
    for text in [
        "How do you come to an understanding to make peace possible?",
        "The two sides came to an understanding on Monday.",
        "They hope to reach an understanding.",
    ] {
        assert!(!evidence(text, "dialogue").is_empty(), "{text}");
    }
    // An understanding alone is no agreement reached.
    assert!(evidence("He showed a deep understanding of science.", "dialogue").is_empty());
}

#[test]
fn a_courts_defence_a_companys_officer_and_founder_are_not_the_theme() {
    // The lawyer's defence is not the military's; a chief financial
    // officer is a title; a company's co-founder is not the past; a
    // national conversation is a country's own debate, not diplomacy.
    assert!(
        evidence(
            "His defense attorney asked for help with his legal defense.",
            "security"
        )
        .is_empty()
    );
    assert!(
        evidence(
            "K.C. Maurer, chief financial officer at the foundation.",
            "economy"
        )
        .is_empty()
    );
    assert!(evidence("Facebook co-founder Mark Zuckerberg tweeted.", "history").is_empty());
    assert!(evidence("A national conversation on race began.", "dialogue").is_empty());
    // The words alone keep their sense.
    assert_eq!(
        evidence("The defense minister spoke.", "security"),
        ["defense minister"]
    );
    assert_eq!(
        evidence("The financial crisis deepened.", "economy"),
        ["financial"]
    );
    assert_eq!(
        evidence("He was the founder of the republic.", "history"),
        ["founder"]
    );
    assert_eq!(
        evidence("They held a conversation by phone.", "dialogue"),
        ["conversation", "by phone"]
    );
}

#[test]
fn criminal_charges_and_a_case_against_someone_are_friction() {
    for text in [
        "The case was dealt with as charges relating to grand theft.",
        "A detective was given material to build a case against Montalvo.",
        "He faces criminal charges.",
        "Prosecutors dropped the charges against him.",
    ] {
        assert!(!evidence(text, "friction").is_empty(), "{text}");
    }
    // A bank's charges and a case of wine are not.
    assert!(evidence("The bank raised its charges on a case of wine.", "friction").is_empty());
}
