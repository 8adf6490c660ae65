//! Entity recognition, rule by rule: each case is a sentence and the mentions
//! it must yield, as (text, label). A case lists every mention of its sentence,
//! so a rule that finds too much fails as surely as one that finds too little.

use lede_analysis::{Document, Label, recognize};
use proptest::prelude::*;

use Label::*;

mod support;
use support::{check, mentions};

#[test]
fn known_names_and_ontonotes_spans() {
    check(&[
        // Possessives stay out; hyphenated pairs are two names.
        (
            "China’s policy toward the U.S. is consistent.",
            &[("China", Gpe), ("U.S.", Gpe)],
        ),
        ("Trump's plan won support.", &[("Trump", Person)]),
        ("Brown's plan won support.", &[]),
        (
            "Donald Trump's plan won support.",
            &[("Donald Trump", Person)],
        ),
        (
            "They discussed China-U.S. relations.",
            &[("China", Gpe), ("U.S.", Gpe)],
        ),
        (
            "It was a Russia-Ukraine war.",
            &[("Russia", Gpe), ("Ukraine", Gpe)],
        ),
        // "the" joins multi-word names of places and organisations, not single words.
        (
            "He visited the People's Republic of China.",
            &[("the People's Republic of China", Gpe)],
        ),
        (
            "He spoke for the United States at the United Nations.",
            &[("the United States", Gpe), ("the United Nations", Org)],
        ),
        (
            "Ships crossed the Pacific Ocean and the Red Sea.",
            &[("the Pacific Ocean", Loc), ("the Red Sea", Loc)],
        ),
        (
            "Talks in the Indo-Pacific and the Sahel continued.",
            &[("Indo-Pacific", Loc), ("Sahel", Loc)],
        ),
        (
            "Chinese and American people agree.",
            &[("Chinese", Norp), ("American", Norp)],
        ),
        (
            "The Houthis and Palestinians protested.",
            &[("Houthis", Norp), ("Palestinians", Norp)],
        ),
        // A people named apart from its country's demonym ("Serbian").
        (
            "Hundreds of Serbs blocked roads in the Serb-majority north of Kosovo.",
            &[
                ("Hundreds", Cardinal),
                ("Serbs", Norp),
                ("Serb", Norp),
                ("Kosovo", Gpe),
            ],
        ),
        (
            "Croats, Bosniaks and Serbian officials met in Sarajevo.",
            &[
                ("Croats", Norp),
                ("Bosniaks", Norp),
                ("Serbian", Norp),
                ("Sarajevo", Gpe),
            ],
        ),
        (
            "Reuters and Xinhua reported it.",
            &[("Reuters", Org), ("Xinhua", Org)],
        ),
        (
            "BEIJING, Feb. 6 (Xinhua) — Talks began.",
            &[("BEIJING", Gpe), ("Feb. 6", Date), ("Xinhua", Org)],
        ),
        (
            "The New York Times and People’s Daily agreed.",
            &[("The New York Times", Org), ("People’s Daily", Org)],
        ),
    ]);
}

#[test]
fn people_and_titles() {
    check(&[
        // "Chair" is a title, outside the name; a disease is no entity.
        (
            "Fed Chair Jerome Powell said the COVID-19 pandemic and SARS had passed.",
            &[("Fed", Org), ("Jerome Powell", Person)],
        ),
        // An age between commas makes a lone word a person, and is a DATE;
        // after a place, or as a count, it is a number.
        (
            "Nwankwo, 52, a teacher, said so. The widow, Mary Okafor, 41, wept.",
            &[
                ("Nwankwo", Person),
                ("52", Date),
                ("Mary Okafor", Person),
                ("41", Date),
            ],
        ),
        (
            "Ghana, 54, and Togo, 12, voted. In 2019, 54, were killed.",
            &[
                ("Ghana", Gpe),
                ("54", Cardinal),
                ("Togo", Gpe),
                ("12", Cardinal),
                ("2019", Date),
                ("54", Cardinal),
            ],
        ),
        (
            "Chinese President Xi Jinping met him.",
            &[("Chinese", Norp), ("Xi Jinping", Person)],
        ),
        (
            "U.S. President-elect Donald Trump called.",
            &[("U.S.", Gpe), ("Donald Trump", Person)],
        ),
        (
            "Secretary of State Antony J. Blinken spoke today.",
            &[("Antony J. Blinken", Person), ("today", Date)],
        ),
        (
            "Spokesperson Tammy Bruce said so.",
            &[("Tammy Bruce", Person)],
        ),
        (
            "U.S. Treasury Secretary Scott Bessent arrived.",
            &[("U.S. Treasury", Org), ("Scott Bessent", Person)],
        ),
        (
            "NATO Secretary General Mark Rutte spoke.",
            &[("NATO", Org), ("Mark Rutte", Person)],
        ),
        ("Mr. Zhang Wei left early.", &[("Zhang Wei", Person)]),
        ("Vice Premier He Lifeng attended.", &[("He Lifeng", Person)]),
        (
            "General Abdel Fattah al-Burhan refused.",
            &[("Abdel Fattah al-Burhan", Person)],
        ),
        // Capitalised words with no list and no title: a name, unless all are common words.
        (
            "The talks were led by Kofi Mensah of Ghana.",
            &[("Kofi Mensah", Person), ("Ghana", Gpe)],
        ),
        ("The President said nothing.", &[]),
    ]);
}

/// The rules of issue #17, each with the negatives that keep it precise. The
/// names are invented.
#[test]
fn titled_surnames_departments_initials_and_suffixes() {
    check(&[
        // A surname met after a title is that person everywhere, also before the
        // title and in the headline.
        (
            "Okafor pledges reform\n\nOkafor arrived late. Chancellor Brandt met President Okafor. Brandt said the talks went well.",
            &[
                ("Okafor", Person),
                ("Okafor", Person),
                ("Brandt", Person),
                ("Okafor", Person),
                ("Brandt", Person),
            ],
        ),
        // … but a place stays a place, and a sentence-initial common word a word.
        (
            "Chancellor Brandt flew to Jordan. Jordan welcomed Brandt.",
            &[
                ("Brandt", Person),
                ("Jordan", Gpe),
                ("Jordan", Gpe),
                ("Brandt", Person),
            ],
        ),
        (
            "President Macron landed in Paris. Paris welcomed him.",
            &[("Macron", Person), ("Paris", Gpe), ("Paris", Gpe)],
        ),
        (
            "Mayor Brown opened the fair. Brown bread was served. Brown said it was good.",
            &[("Brown", Person), ("Brown", Person)],
        ),
        // A department's short name before "Secretary" is the department (OntoNotes).
        (
            "Treasury Secretary Jane Roe spoke.",
            &[("Treasury", Org), ("Jane Roe", Person)],
        ),
        (
            "Commerce Secretary Ann Lee and Defense Secretary Bo Reyes met.",
            &[
                ("Commerce", Org),
                ("Ann Lee", Person),
                ("Defense", Org),
                ("Bo Reyes", Person),
            ],
        ),
        (
            "Deputy Treasury Secretary Jane Roe spoke.",
            &[("Treasury", Org), ("Jane Roe", Person)],
        ),
        (
            "Ann Lee (Commerce) and Bo Reyes (Energy) attended.",
            &[
                ("Ann Lee", Person),
                ("Commerce", Org),
                ("Bo Reyes", Person),
                ("Energy", Org),
            ],
        ),
        // Generic title words stay out.
        (
            "Foreign Secretary Ann Lee and Home Secretary Bo Reyes spoke.",
            &[("Ann Lee", Person), ("Bo Reyes", Person)],
        ),
        ("Secretary of State Ann Lee spoke.", &[("Ann Lee", Person)]),
        ("Energy prices rose; Commerce slowed.", &[]),
        // "Minister for Trade" is a title; a town's name after a given name is a surname.
        (
            "Minister for Trade Dr Ali Hassan flew to Hassan. Ali Hassan said so.",
            &[
                ("Ali Hassan", Person),
                ("Hassan", Gpe),
                ("Ali Hassan", Person),
            ],
        ),
        // Middle initials and generational suffixes are inside the name.
        (
            "Samuel T. Okoro, Jr. spoke with Maria L. Vance Jr. on Monday.",
            &[
                ("Samuel T. Okoro, Jr.", Person),
                ("Maria L. Vance Jr.", Person),
                ("Monday", Date),
            ],
        ),
        (
            "Judge Ana B. Castro sentenced Robert K. Hale III.",
            &[("Ana B. Castro", Person), ("Robert K. Hale III", Person)],
        ),
        // Also after a name the lists know, and without the stop; a title
        // before it stays out. A numeral of an event or a pope is no suffix.
        (
            "Ferdinand Marcos Jr met Joseph R. Biden Jr. and Senator Kofi Mensah Sr. there.",
            &[
                ("Ferdinand Marcos Jr", Person),
                ("Joseph R. Biden Jr.", Person),
                ("Kofi Mensah Sr.", Person),
            ],
        ),
        (
            "World War II ended. Robert K. Hale III.",
            &[("World War II", Event), ("Robert K. Hale III", Person)],
        ),
    ]);
}

#[test]
fn organisations_from_their_context() {
    check(&[
        // A name whose shares or stock move is a company's; "shares" as a
        // person's verb, or after a nationality, is not.
        (
            "Harita Nickel shares rose 4%, and Zentrix stock fell.",
            &[("Harita Nickel", Org), ("4%", Percent), ("Zentrix", Org)],
        ),
        (
            "Kofi Mensah shares the view. Chinese shares fell.",
            &[("Kofi Mensah", Person), ("Chinese", Norp)],
        ),
        // Names joined by "&" are a firm's, even after a given name; a known
        // name written with "&" is that name.
        (
            "Procter & Gamble bought it. Douglas & Lomason met Trinidad & Tobago.",
            &[
                ("Procter & Gamble", Org),
                ("Douglas & Lomason", Org),
                ("Trinidad & Tobago", Gpe),
            ],
        ),
        (
            "The minister said in a post on X that talks would resume.",
            &[("X", Org)],
        ),
        // At the end of a sentence the period is the sentence's, not an initial's.
        (
            "“We could not agree,” the envoy wrote on X. “I will report back.”",
            &[("X", Org)],
        ),
        (
            "George W. Bush wrote to Jimmy Carter Jr. on Monday.",
            &[
                ("George W. Bush", Person),
                ("Jimmy Carter Jr.", Person),
                ("Monday", Date),
            ],
        ),
        (
            "Zentrix said in a statement that sales rose.",
            &[("Zentrix", Org)],
        ),
        // What has shares is a company; "in" alone is a place's word.
        (
            "Shares in Hapag-Lloyd fell 3.2% in Frankfurt.",
            &[("Hapag-Lloyd", Org), ("3.2%", Percent), ("Frankfurt", Gpe)],
        ),
        (
            "Farmers in Catatumbo marched on Monday.",
            &[("Catatumbo", Gpe), ("Monday", Date)],
        ),
        (
            "Ngozi Okafor spoke. Exports fell, according to Statvia, and rose, according to Okafor.",
            &[
                ("Ngozi Okafor", Person),
                ("Statvia", Org),
                ("Okafor", Person),
            ],
        ),
        (
            "Shares of Brightwell rose 4%, and shares of Delmar Foods fell.",
            &[("Brightwell", Org), ("4%", Percent), ("Delmar Foods", Org)],
        ),
        (
            "The chipmaker Voltera and the drugmaker Halvex Pharma gained.",
            &[("Voltera", Org), ("Halvex Pharma", Org)],
        ),
        (
            "An analyst at Brightwell and the chief executive of Zentrix disagreed.",
            &[("Brightwell", Org), ("Zentrix", Org)],
        ),
        (
            "A spokesman for Delmar Foods declined to comment.",
            &[("Delmar Foods", Org)],
        ),
        // Words that end the names of companies, clubs and agencies.
        (
            "Halvex Pharma, Ostrava Steel, Dunmore Rovers gained.",
            &[
                ("Halvex Pharma", Org),
                ("Ostrava Steel", Org),
                ("Dunmore Rovers", Org),
            ],
        ),
        // A person's surname stays a person; common words and plain nouns stay out.
        (
            "Ngozi Okafor spoke. Okafor said in a statement that she would stay.",
            &[("Ngozi Okafor", Person), ("Okafor", Person)],
        ),
        (
            "Officials said in a statement that it would rise. Shares of the company fell.",
            &[],
        ),
        (
            "An analyst at the bank and a spokesman for Ann Lee spoke.",
            &[("Ann Lee", Person)],
        ),
        ("One must ask why.", &[]),
    ]);
}

/// Business and court copy: short names of companies, officers' titles,
/// judges, datelines and hyphenated pairs.
#[test]
fn companies_courts_datelines_and_pairs() {
    check(&[
        // A company named in full is its short name elsewhere, headline included.
        (
            "Judge backs Harlow\n\nHarlow Industries won. Harlow's shares rose.",
            &[("Harlow", Org), ("Harlow Industries", Org), ("Harlow", Org)],
        ),
        (
            "Shares of Kestrel fell. Kestrel cut its forecast.",
            &[("Kestrel", Org), ("Kestrel", Org)],
        ),
        // One part of a run keeps its keyword.
        (
            "Sony Group and Panasonic cut their forecasts.",
            &[("Sony Group", Org), ("Panasonic", Org)],
        ),
        // A keyword takes in the known company before it, not a person.
        (
            "Kestrel Group and the Trump Organization grew.",
            &[("Kestrel Group", Org), ("the Trump Organization", Org)],
        ),
        (
            "Vireo Networks gained; Dunmore Minerals fell.",
            &[("Vireo Networks", Org), ("Dunmore Minerals", Org)],
        ),
        // The company before its officer's title.
        (
            "Kestrel Chief Executive Dana Whitfield spoke.",
            &[("Kestrel", Org), ("Dana Whitfield", Person)],
        ),
        (
            "Zentrix CEO Ann Lee spoke.",
            &[("Zentrix", Org), ("Ann Lee", Person)],
        ),
        // Judges: "Justice" is a title, "District" qualifies one.
        (
            "Chief Justice Martha Koome read the ruling.",
            &[("Martha Koome", Person)],
        ),
        (
            "U.S. District Judge Amit Mehta ruled.",
            &[("U.S.", Gpe), ("Amit Mehta", Person)],
        ),
        (
            "The Justice Ministry appealed. Justice must be served.",
            &[("The Justice Ministry", Org)],
        ),
        // A dateline's place, known or not.
        (
            "WILMINGTON, Delaware, March 4 (Reuters) - A judge ruled.",
            &[
                ("WILMINGTON", Gpe),
                ("Delaware", Gpe),
                ("March 4", Date),
                ("Reuters", Org),
            ],
        ),
        (
            "LUSAKA, Sept. 3 - Talks began.",
            &[("LUSAKA", Gpe), ("Sept. 3", Date)],
        ),
        ("PRESS DIGEST, 5 items.", &[("5", Cardinal)]),
        // Hyphenated pairs are two names.
        (
            "It promotes China-EU relations.",
            &[("China", Gpe), ("EU", Org)],
        ),
        // The plural of an occupation before "said" is no name; a surname is.
        (
            "Diplomats said it would pass. Analysts said so. Okafor said no.",
            &[("Okafor", Person)],
        ),
        // So is a group's plural opening a sentence; a surname in the text
        // stays a person, and short surnames in "-s" are no group.
        (
            "Prosecutors said no. Lawmakers said so. Authorities said yes. Peters said so.",
            &[("Peters", Person)],
        ),
        (
            "Mike Sanders met them. Sanders said so.",
            &[("Mike Sanders", Person), ("Sanders", Person)],
        ),
    ]);
}

/// Wire copy from Asia, Africa and Latin America: its dates, other names of
/// people, appositions and institutes.
#[test]
fn wire_dates_aliases_and_roles() {
    check(&[
        // Month abbreviations without a period, before a day or a year only.
        (
            "JAKARTA, Oct 20 (Reuters) - It rose in Sept 2024.",
            &[
                ("JAKARTA", Gpe),
                ("Oct 20", Date),
                ("Reuters", Org),
                ("Sept 2024", Date),
            ],
        ),
        ("Jan Kowalski spoke.", &[("Jan Kowalski", Person)]),
        // A month that starts a list of months.
        (
            "Output rose for May, June and July.",
            &[("May", Date), ("June", Date), ("July", Date)],
        ),
        ("You may, if you like.", &[]),
        // "known as": another name of the person before it, found again later.
        (
            "Joko Widodo, known as Jokowi, spoke. Jokowi's son won.",
            &[
                ("Joko Widodo", Person),
                ("Jokowi", Person),
                ("Jokowi", Person),
            ],
        ),
        ("The deal, known as Vantage, collapsed.", &[]),
        // A role after a comma makes a lone word a person.
        (
            "Ebrard, the economy minister, will travel.",
            &[("Ebrard", Person)],
        ),
        ("Meanwhile, the minister left.", &[]),
        // A keyword before "for" names the whole.
        (
            "She wrote for the Carnegie Endowment for International Peace.",
            &[("the Carnegie Endowment for International Peace", Org)],
        ),
        // "an hour" after "about", "than", "for" is a TIME; "an hour-long" is not.
        (
            "They talked for about an hour, then less than an hour later. An hour-long call.",
            &[("about an hour", Time), ("less than an hour later", Time)],
        ),
        // A part of a period is one DATE with the period it is part of.
        (
            "Sales rose in the second half of the year and in the first week of March.",
            &[
                ("the second half of the year", Date),
                ("the first week of March", Date),
            ],
        ),
        (
            "The first week of talks ended.",
            &[("The first week", Date)],
        ),
        // A numbered article of a treaty is a LAW; "an article" is a word.
        (
            "Under Article 5 of the treaty, it holds. He read an article.",
            &[("Article 5", Law)],
        ),
        // A common word that is a surname, before a possessive, is the person.
        (
            "Imran Khan spoke. Khan's lawyer appealed.",
            &[("Imran Khan", Person), ("Khan", Person)],
        ),
        // A compass word the lists know as a region ("the West") joins a place.
        (
            "Militias attacked El Fasher in West Darfur. The West objected.",
            &[("El Fasher", Gpe), ("West Darfur", Gpe), ("West", Loc)],
        ),
        // A person's possessive is not part of the organisation.
        (
            "It detained members of Suu Kyi's National League for Democracy.",
            &[("Suu Kyi", Person), ("National League for Democracy", Org)],
        ),
    ]);
}

/// Wire copy beyond politics: result tables and text in capitals.
#[test]
fn result_tables_and_capitals() {
    check(&[
        // A result line, a standings row, a fixture: the towns are clubs.
        (
            "Leeds 1 Chelsea 0",
            &[
                ("Leeds", Org),
                ("1", Cardinal),
                ("Chelsea", Org),
                ("0", Cardinal),
            ],
        ),
        (
            "NEW YORK 4 CHICAGO 2",
            &[
                ("NEW YORK", Org),
                ("4", Cardinal),
                ("CHICAGO", Org),
                ("2", Cardinal),
            ],
        ),
        (
            "Rotterdam 10 8 1 1 30 8 25",
            &[
                ("Rotterdam", Org),
                ("10", Cardinal),
                ("8", Cardinal),
                ("1", Cardinal),
                ("1", Cardinal),
                ("30", Cardinal),
                ("8", Cardinal),
                ("25", Cardinal),
            ],
        ),
        ("Glasgow v Dundee", &[("Glasgow", Org), ("Dundee", Org)]),
        // National sides keep their country; a dateline keeps its city.
        (
            "Japan 2 Syria 1",
            &[
                ("Japan", Gpe),
                ("2", Cardinal),
                ("Syria", Gpe),
                ("1", Cardinal),
            ],
        ),
        (
            "LONDON 1996-08-22",
            &[("LONDON", Gpe), ("1996-08-22", Date)],
        ),
        (
            "In Leeds 3 people were hurt.",
            &[("Leeds", Gpe), ("3", Cardinal)],
        ),
        // Words in capitals: known names in title case, shouted words are words.
        (
            "The fighting spread near UNITED ARAB EMIRATES borders.",
            &[("UNITED ARAB EMIRATES", Gpe)],
        ),
        (
            "SOCCER - STANDINGS AFTER THE WEEKEND.",
            &[("THE WEEKEND", Date)],
        ),
        (
            "PRESS DIGEST - Indonesian newspapers.",
            &[("Indonesian", Norp)],
        ),
    ]);
}

#[test]
fn surnames_join_the_full_name() {
    let doc = Document::parse(
        "Chinese President Xi Jinping spoke with Donald Trump. Trump said Xi agreed. President Xi smiled.",
    );
    let found = recognize(&doc);
    let names: Vec<(&str, &str)> = found
        .mentions
        .iter()
        .filter(|m| m.label == Person)
        .map(|m| {
            (
                m.span.slice(doc.text()),
                found.entities[m.entity].name.as_str(),
            )
        })
        .collect();
    assert_eq!(
        names,
        [
            ("Xi Jinping", "Xi Jinping"),
            ("Donald Trump", "Donald Trump"),
            ("Trump", "Donald Trump"),
            ("Xi", "Xi Jinping"),
            ("Xi", "Xi Jinping"),
        ]
    );
    let xi = &found.entities[found.mentions[1].entity];
    assert_eq!(xi.wikidata.as_deref(), Some("Q15031"));
    assert_eq!(xi.mentions.len(), 3);
    assert_eq!(xi.aliases, ["Xi"]);
}

#[test]
fn known_people_by_surname_alone() {
    // The people the lists know are PERSON by surname alone, with no full
    // name in the text, and join the known person (Wikidata ID and all).
    check(&[
        (
            "In a post on social media, Trump said the deal was done.",
            &[("Trump", Person)],
        ),
        (
            "The meeting with Macron lasted an hour.",
            &[("Macron", Person)],
        ),
        ("Milei's government sent the bill.", &[("Milei", Person)]),
        (
            "He met Lula and Modi in Brasilia.",
            &[("Lula", Person), ("Modi", Person), ("Brasilia", Gpe)],
        ),
        // A common word at the start of a sentence is that word; a place the
        // lists know stays a place; the other word of a name written family
        // name first ("Jinping") is not a surname.
        ("Trump cards were played.", &[]),
        (
            "Costa Rica and Jordan met.",
            &[("Costa Rica", Gpe), ("Jordan", Gpe)],
        ),
        ("The name Jinping was heard.", &[]),
    ]);
    let doc = Document::parse("Macron said so, and Macron left.");
    let found = recognize(&doc);
    let macron = &found.entities[found.mentions[0].entity];
    assert_eq!(macron.name, "Emmanuel Macron");
    assert_eq!(macron.mentions.len(), 2);
}

#[test]
fn aliases_are_other_names_not_other_apostrophes() {
    // The list spells it with a straight apostrophe, the text with a curly one
    // and with "the"; the surname is the one real alias.
    let doc = Document::parse(
        "The People’s Daily and the People's Daily ran it. Adaeze Okonkwo wrote that the Okonkwo view was old.",
    );
    let found = recognize(&doc);
    let daily = found
        .entities
        .iter()
        .find(|e| e.name == "People's Daily")
        .expect("the paper is found");
    assert_eq!(daily.mentions.len(), 2);
    assert!(daily.aliases.is_empty(), "{:?}", daily.aliases);
    let person = found
        .entities
        .iter()
        .find(|e| e.name == "Adaeze Okonkwo")
        .expect("the person is found");
    assert_eq!(person.aliases, ["Okonkwo"]);
}

#[test]
fn organisations_places_events_and_laws_by_keyword() {
    check(&[
        // A listed institution named with its country is one organisation,
        // with its "the"; "in" a country, or a title "of" one, it is not.
        (
            "Lawyers went to the Supreme Court of India, and the Parliament of Ghana met.",
            &[
                ("the Supreme Court of India", Org),
                ("the Parliament of Ghana", Org),
            ],
        ),
        (
            "The Ministry of Foreign Affairs of Vietnam and the Supreme Court of the United States.",
            &[
                ("The Ministry of Foreign Affairs of Vietnam", Org),
                ("the Supreme Court of the United States", Org),
            ],
        ),
        (
            "He met leaders of the Kurdistan Democratic Party of Iran.",
            &[("the Kurdistan Democratic Party of Iran", Org)],
        ),
        (
            "The Supreme Court in Kenya heard the president of Ghana.",
            &[("The Supreme Court", Org), ("Kenya", Gpe), ("Ghana", Gpe)],
        ),
        (
            "The Zambian Ministry of Mines said so.",
            &[("The Zambian Ministry of Mines", Org)],
        ),
        (
            "Officials at Kigali Heights University spoke.",
            &[("Kigali Heights University", Org)],
        ),
        (
            "He joined the Liberal Democratic Party.",
            &[("the Liberal Democratic Party", Org)],
        ),
        ("Shares of Acme Holdings fell.", &[("Acme Holdings", Org)]),
        ("They fished in Lake Tana.", &[("Lake Tana", Loc)]),
        (
            "Leaders met at the Lusaka Peace Summit.",
            &[("the Lusaka Peace Summit", Event)],
        ),
        (
            "They signed the Lusaka Trade Agreement.",
            &[("the Lusaka Trade Agreement", Law)],
        ),
        ("Fighting reached North Darfur.", &[("North Darfur", Gpe)]),
        (
            "The Taiwan People's Party took 26.5%.",
            &[("The Taiwan People's Party", Org), ("26.5%", Percent)],
        ),
        (
            "China's Commerce Ministry replied.",
            &[("China", Gpe), ("Commerce Ministry", Org)],
        ),
        (
            "The Chinese Foreign Ministry replied.",
            &[("The Chinese Foreign Ministry", Org)],
        ),
    ]);
}

#[test]
fn dates_and_times() {
    check(&[
        ("On Jan. 17, 2025, they talked.", &[("Jan. 17, 2025", Date)]),
        ("It began in the 1970s.", &[("the 1970s", Date)]),
        (
            "Over four decades ago, leaders met.",
            &[("Over four decades ago", Date)],
        ),
        (
            "Over the past four years, teams worked.",
            &[("the past four years", Date)],
        ),
        (
            "After 46 years of development, ties grew.",
            &[("46 years", Date)],
        ),
        (
            "It must be a stable 21st century.",
            &[("21st century", Date)],
        ),
        (
            "We need the 21st century to be calm.",
            &[("the 21st century", Date)],
        ),
        ("Today, both sides agree.", &[("Today", Date)]),
        (
            "A 90-day pause was agreed last month.",
            &[("90-day", Date), ("last month", Date)],
        ),
        (
            "The summit is planned for later this year.",
            &[("later this year", Date)],
        ),
        ("Talks stalled late last year.", &[("late last year", Date)]),
        ("Funds flow from 2024 to 2027.", &[("2024 to 2027", Date)]),
        (
            "Loans made between 2000 and 2022 rose.",
            &[("between 2000 and 2022", Date)],
        ),
        (
            "They met on Thursday evening.",
            &[("Thursday evening", Time)],
        ),
        (
            "It launched at 7:10 a.m. on Monday.",
            &[("7:10 a.m.", Time), ("Monday", Date)],
        ),
        ("A 34-year-old teacher spoke.", &[("34-year-old", Date)]),
        (
            "He arrived on May 5 and left in May.",
            &[("May 5", Date), ("May", Date)],
        ),
        // Relative dates, whole, as OntoNotes has them.
        (
            "Talks resume at the end of the week and end by the end of the year.",
            &[("the end of the week", Date), ("the end of the year", Date)],
        ),
        (
            "A text is due in the coming weeks and months, not in the coming days.",
            &[
                ("the coming weeks and months", Date),
                ("the coming days", Date),
            ],
        ),
        (
            "They spoke over the weekend about the end of the decade.",
            &[("the weekend", Date), ("the end of the decade", Date)],
        ),
        ("At the end of the talks the coming storm hit.", &[]),
        (
            "Spending rises in fiscal year 2027 and falls in fiscal 2028.",
            &[("fiscal year 2027", Date), ("fiscal 2028", Date)],
        ),
        ("You may go.", &[]),
    ]);
}

#[test]
fn numbers_money_percent_quantity_ordinal() {
    check(&[
        (
            "More than 20 mechanisms were restarted.",
            &[("More than 20", Cardinal)],
        ),
        ("The two countries must cooperate.", &[("two", Cardinal)]),
        (
            "One of the most important relationships.",
            &[("One", Cardinal)],
        ),
        ("No one knows.", &[]),
        (
            "Tariffs rose to as much as 145%.",
            &[("as much as 145%", Percent)],
        ),
        ("Cuts of 7% to 10% were pledged.", &[("7% to 10%", Percent)]),
        (
            "Ships will avoid the canal for the rest of the year.",
            &[("the rest of the year", Date)],
        ),
        // Not a period after it: no date.
        ("The rest of the crew left.", &[]),
        // The first element's unit elided: one range of the second's label.
        (
            "The detour adds 10 to 14 days to voyages.",
            &[("10 to 14 days", Date)],
        ),
        (
            "Growth of between 2 and 3% is forecast.",
            &[("between 2 and 3%", Percent)],
        ),
        // A change from one figure to another is two spans.
        (
            "The wait grew from 10 to 14 days.",
            &[("10", Cardinal), ("14 days", Date)],
        ),
        // Counts stay counts.
        (
            "Between 5 and 10 people came.",
            &[("Between 5 and 10", Cardinal)],
        ),
        (
            "Growth slowed by 2.8 percentage points.",
            &[("2.8 percentage points", Percent)],
        ),
        ("The fund holds $54 billion.", &[("$54 billion", Money)]),
        (
            "Japan pledged 10 trillion yen.",
            &[("Japan", Gpe), ("10 trillion yen", Money)],
        ),
        (
            "It flew about 1,100 kilometers.",
            &[("about 1,100 kilometers", Quantity)],
        ),
        (
            "Warming hit 1.5 degrees Celsius.",
            &[("1.5 degrees Celsius", Quantity)],
        ),
        ("It was the first visit.", &[("first", Ordinal)]),
        ("It would put its interests first because of costs.", &[]),
        (
            "Oil lost $1.85 to $65.15.",
            &[("$1.85", Money), ("$65.15", Money)],
        ),
        (
            "In the 113-seat legislature, about half voted.",
            &[("113", Cardinal), ("about half", Cardinal)],
        ),
        ("They support a two-state solution.", &[("two", Cardinal)]),
    ]);
}

#[test]
fn every_mention_says_why() {
    let doc = Document::parse("Chinese President Xi Jinping met Kofi Mensah in Accra on Monday.");
    let found = recognize(&doc);
    let whys: Vec<&str> = found.mentions.iter().map(|m| m.why).collect();
    assert_eq!(
        whys,
        [
            "countries list (world-countries)",
            "people list",
            "rule: capitalised words (a person's name)",
            "cities list (GeoNames)",
            "rule: day of the week",
        ]
    );
}

#[test]
fn never_across_blocks() {
    // "Kofi" ends one paragraph and "Mensah" starts the next: two blocks, no name across.
    let found = mentions("He met Kofi\n\nMensah later.");
    assert!(found.iter().all(|(s, _)| !s.contains('\n')), "{found:?}");
}

#[test]
fn quotes_with_speakers() {
    let text = "“We will win,” Xi Jinping said. Trump replied: \"Good.\" Prices \"stabilised\" slowly.\n\nThe landscape was “most striking and significant.” Today, “are compelled to work together.”";
    let doc = Document::parse(text);
    let found = recognize(&doc);
    let quotes: Vec<(&str, Option<&str>)> = found
        .quotes
        .iter()
        .map(|q| {
            (
                q.span.slice(doc.text()),
                q.speaker.map(|e| found.entities[e].name.as_str()),
            )
        })
        .collect();
    assert_eq!(
        quotes,
        [
            ("“We will win,”", Some("Xi Jinping")),
            ("\"Good.\"", Some("Donald Trump")),
            ("\"stabilised\"", None),
            ("“most striking and significant.”", None),
            ("“are compelled to work together.”", None),
        ]
    );
}

#[test]
fn salience_is_between_zero_and_one_and_favours_the_subject() {
    let doc = Document::parse(
        "Kenya votes\n\nKenya holds elections. Ruto leads in Kenya. Uganda watches.",
    );
    let found = recognize(&doc);
    let kenya = found.entities.iter().find(|e| e.name == "Kenya").unwrap();
    let uganda = found.entities.iter().find(|e| e.name == "Uganda").unwrap();
    assert_eq!(kenya.salience, 1.0);
    assert!(uganda.salience > 0.0 && uganda.salience < kenya.salience);
    assert!(
        found
            .entities
            .iter()
            .all(|e| (0.0..=1.0).contains(&e.salience))
    );
}

/// The seed article: every entity the issue lists, with its label.
#[test]
fn seed_article() {
    let doc = Document::parse(include_str!("../../../seeds/000_98b7338e0901f976.txt"));
    let text = doc.text();
    let found = recognize(&doc);
    let count = |s: &str, l: Label| {
        found
            .mentions
            .iter()
            .filter(|m| m.span.slice(text) == s && m.label == l)
            .count()
    };
    // Every "China" and "U.S." in the text, including inside "China-U.S." and "China’s".
    assert_eq!(count("China", Gpe), text.matches("China").count());
    assert_eq!(count("U.S.", Gpe), text.matches("U.S.").count());
    for (s, l) in [
        ("Xi Jinping", Person),
        ("Xi", Person),
        ("Donald Trump", Person),
        ("Trump", Person),
        ("Zhong Sheng", Person),
        ("People’s Daily", Org),
        ("Taiwan", Gpe),
        ("Pacific Ocean", Loc),
        ("Chinese", Norp),
        ("American", Norp),
        ("Jan. 17, 2025", Date),
        ("Over four decades ago", Date),
        ("Today", Date),
        ("21st century", Date),
        ("the 1970s", Date),
        ("46 years", Date),
        ("the past four years", Date),
        ("More than 20", Cardinal),
    ] {
        assert!(count(s, l) > 0, "{s:?} as {l} not found");
    }
    assert_eq!(count("two", Cardinal), text.matches(" two ").count());
    assert_eq!(count("Zhong Sheng", Person), 2);
    // "Trump" and "Xi" are the same entities as the full names.
    let entity_of = |s: &str| {
        found
            .mentions
            .iter()
            .find(|m| m.span.slice(text) == s)
            .map(|m| m.entity)
    };
    assert_eq!(entity_of("Trump"), entity_of("Donald Trump"));
    assert_eq!(entity_of("Xi"), entity_of("Xi Jinping"));
    // The six quoted phrases.
    let quotes: Vec<&str> = found.quotes.iter().map(|q| q.span.slice(text)).collect();
    assert_eq!(
        quotes,
        [
            "“most striking and significant event shifting the international strategic landscape.”",
            "“are compelled to work together if there is going to be a stable 21st century.”",
            "“ice-breaking”",
            "“growing pains”",
            "“capillaries”",
            "“promoting global solidarity.”",
        ]
    );
    // China and the United States are the two most salient entities.
    let mut by_salience: Vec<_> = found.entities.iter().collect();
    by_salience.sort_by(|a, b| b.salience.total_cmp(&a.salience));
    let mut top: Vec<&str> = by_salience[..2].iter().map(|e| e.name.as_str()).collect();
    top.sort();
    assert_eq!(top, ["China", "United States"]);
}

fn check_layers(text: &str) -> Result<(), TestCaseError> {
    let doc = Document::parse(text);
    let found = recognize(&doc);
    let t = doc.text();
    let mut last_end = 0;
    for m in &found.mentions {
        prop_assert!(m.span.start < m.span.end);
        prop_assert!(
            m.span.start >= last_end,
            "mentions overlap or are out of order"
        );
        prop_assert!(t.is_char_boundary(m.span.start) && t.is_char_boundary(m.span.end));
        prop_assert_eq!(m.span.slice(t), &t[m.span.start..m.span.end]);
        prop_assert!(m.entity.0 < found.entities.len());
        prop_assert!(found.entities[m.entity].label == m.label);
        prop_assert!(!m.why.is_empty());
        last_end = m.span.end;
    }
    let mut last_start = 0;
    for q in &found.quotes {
        prop_assert!(q.span.start >= last_start && q.span.start < q.span.end);
        prop_assert!(t.is_char_boundary(q.span.start) && t.is_char_boundary(q.span.end));
        prop_assert!(q.speaker.is_none_or(|e| e.0 < found.entities.len()));
        last_start = q.span.start;
    }
    for e in &found.entities {
        prop_assert!((0.0..=1.0).contains(&e.salience));
        prop_assert!(!e.mentions.is_empty());
    }
    Ok(())
}

proptest! {
    #[test]
    fn arbitrary_unicode_never_breaks_the_layers(text in "(\\PC|\n|[“”\"’'.,-]){0,120}") {
        check_layers(&text)?;
    }

    #[test]
    fn news_like_text_never_breaks_the_layers(
        words in proptest::collection::vec(
            prop_oneof![
                Just("China"), Just("U.S."), Just("China-U.S."), Just("President"), Just("Xi"),
                Just("’s"), Just("the"), Just("of"), Just("Jan."), Just("17,"), Just("2025"),
                Just("more"), Just("than"), Just("20%"), Just("$5"), Just("billion"), Just("“"),
                Just("”"), Just("said."), Just("\n\n"), Just("Ministry"), Just("two-state"),
                Just("113-seat"), Just("BEIJING"), Just("Ωmega"), Just("😀"), Just("al-"),
            ],
            0..40,
        )
    ) {
        check_layers(&words.join(" "))?;
    }
}

#[test]
fn portfolios_branches_indices_and_issue_17_names() {
    check(&[
        // A minister's portfolio is words of the title, before or after it.
        (
            "Energy and Mineral Resources Minister Bahlil Lahadalia spoke.",
            &[("Bahlil Lahadalia", Person)],
        ),
        (
            "Human Capital Minister Sandra Pettovello agreed.",
            &[("Sandra Pettovello", Person)],
        ),
        (
            "The Minister for Pacific Island Affairs, Pat Conroy, said so.",
            &[("Pat Conroy", Person)],
        ),
        // A nationality before the portfolio stays a mention of its own.
        (
            "Indonesian Energy Minister Bahlil Lahadalia spoke.",
            &[("Indonesian", Norp), ("Bahlil Lahadalia", Person)],
        ),
        // Before "Secretary" a department is still the department.
        (
            "Treasury Secretary Scott Bessent spoke.",
            &[("Treasury", Org), ("Scott Bessent", Person)],
        ),
        // An organisation and its country branch, an unknown name before a place.
        (
            "Arie Rompas of Greenpeace Indonesia said so.",
            &[("Arie Rompas", Person), ("Greenpeace Indonesia", Org)],
        ),
        (
            "Shares of PT Vale Indonesia jumped, as did Yiaga Africa.",
            &[("PT Vale Indonesia", Org), ("Yiaga Africa", Org)],
        ),
        // Negatives: a known pair is two names; a common word keeps its place.
        (
            "Talks between China and Indonesia resumed in New Delhi.",
            &[("China", Gpe), ("Indonesia", Gpe), ("New Delhi", Gpe)],
        ),
        (
            "Rain fell across Central Africa.",
            &[("Central Africa", Loc)],
        ),
        // After "the", a word that starts sentences may start a name.
        (
            "The All Progressives Congress won; the All Progressives Congress said so.",
            &[
                ("The All Progressives Congress", Org),
                ("the All Progressives Congress", Org),
            ],
        ),
        ("All Nigerians voted.", &[("Nigerians", Norp)]),
        ("Rival SK Hynix gained.", &[("SK Hynix", Org)]),
        // Stock indices named before "index" are organisations.
        (
            "Argentina's Merval stock index rose, and the Nikkei index fell.",
            &[("Argentina", Gpe), ("Merval", Org), ("Nikkei", Org)],
        ),
        // A party named before "party" after its qualifier; "and" after a
        // keyword joins two names; indices the lists know.
        (
            "Mexico's ruling Morena party won. He flew to Morena for a party.",
            &[("Mexico", Gpe), ("Morena", Org), ("Morena", Gpe)],
        ),
        (
            "Shares of Nippon Steel and U.S. Steel rose, and the Kospi gained.",
            &[("Nippon Steel", Org), ("U.S. Steel", Org), ("Kospi", Org)],
        ),
        (
            "Rahul Gandhi of the Congress party said it saves billions of rupees.",
            &[
                ("Rahul Gandhi", Person),
                ("Congress", Org),
                ("billions of rupees", Money),
            ],
        ),
        (
            "Russia is the only one of the eight; one of them left.",
            &[("Russia", Gpe), ("eight", Cardinal), ("one", Cardinal)],
        ),
        (
            "Singapore's Ministry of Trade and Industry said so.",
            &[("Singapore", Gpe), ("Ministry of Trade and Industry", Org)],
        ),
        // A keyword before "on" names the whole, not before a known place.
        (
            "The Council on Foreign Relations and the Security Council on Gaza.",
            &[
                ("The Council on Foreign Relations", Org),
                ("the Security Council", Org),
                ("Gaza", Gpe),
            ],
        ),
        ("The Commission on Monday said so.", &[("Monday", Date)]),
        // Context names companies, whatever the case of its first word.
        ("Analysts at Macquarie said so.", &[("Macquarie", Org)]),
        // A town before a comma and a known place, after "in".
        (
            "It is building a plant in Taylor, Texas.",
            &[("Taylor", Gpe), ("Texas", Gpe)],
        ),
        ("Taylor, Texas, is small.", &[("Texas", Gpe)]),
        // A year after an act's name is part of it.
        (
            "It breached the Electoral Act 2022 in 2023.",
            &[("the Electoral Act 2022", Law), ("2023", Date)],
        ),
        // Provinces written without their accents, peoples by name.
        (
            "Parties that govern Tamil Nadu and Kerala met Yanomami leaders.",
            &[("Tamil Nadu", Gpe), ("Kerala", Gpe), ("Yanomami", Norp)],
        ),
        (
            "Soviet-era bases on Sulawesi and the Kola Peninsula.",
            &[
                ("Soviet", Norp),
                ("Sulawesi", Loc),
                ("the Kola Peninsula", Loc),
            ],
        ),
        (
            "Russia's Northern Fleet and Nigeria's Confederation of Labour.",
            &[
                ("Russia", Gpe),
                ("Northern Fleet", Org),
                ("Nigeria", Gpe),
                ("Confederation of Labour", Org),
            ],
        ),
    ]);
}

#[test]
fn holidays_fractions_quarters_and_dollar_marks() {
    check(&[
        ("They should vote before Christmas.", &[("Christmas", Date)]),
        // Lower case, it is no holiday name.
        ("A christmas tree.", &[]),
        (
            "It needs a two-thirds majority.",
            &[("two-thirds", Cardinal)],
        ),
        (
            "It is two votes short, in the fourth quarter.",
            &[("two", Cardinal), ("the fourth quarter", Date)],
        ),
        (
            "Profit rose in the second half of 2027.",
            &[("the second half of 2027", Date)],
        ),
        // An ordinal without "the" is no period: "a fourth term".
        ("He won a fourth term.", &[("fourth", Ordinal)]),
        (
            "A$600 million and HK$2 billion, not a $5 fee.",
            &[
                ("A$600 million", Money),
                ("HK$2 billion", Money),
                ("$5", Money),
            ],
        ),
        (
            "Denmark pledged 14.6 billion kroner.",
            &[("Denmark", Gpe), ("14.6 billion kroner", Money)],
        ),
        // Parts of years and decades, relative periods of a period, fiscal years.
        (
            "In mid-2026 it rose, as it had since the mid-1990s.",
            &[("mid-2026", Date), ("the mid-1990s", Date)],
        ),
        (
            "Sales fell in the first nine months of the year.",
            &[("the first nine months of the year", Date)],
        ),
        (
            "Growth slowed in the 2024-25 fiscal year and in fiscal 2025/26.",
            &[("the 2024-25 fiscal year", Date), ("fiscal 2025/26", Date)],
        ),
        // A range of years is a range; a mid-term review is no date.
        (
            "In 2019-2023 it rose; the mid-term review is due.",
            &[("2019-2023", Date)],
        ),
    ]);
}

#[test]
fn large_cities_with_word_names_war_towns_and_country_codes() {
    check(&[
        // A large city whose name is also a frequent word is a place…
        ("The plant is in Seattle.", &[("Seattle", Gpe)]),
        (
            "Fans in Manchester and Liverpool cheered.",
            &[("Manchester", Gpe), ("Liverpool", Gpe)],
        ),
        // …but the word stays a word, and a city named like a person is not listed.
        ("Reading the report, she smiled.", &[]),
        ("Mobile phones are cheap.", &[]),
        ("Lloyd Austin said nothing.", &[("Lloyd Austin", Person)]),
        // Towns of current wars that GeoNames counts small.
        (
            "Strikes hit Rafah and Khan Younis.",
            &[("Rafah", Gpe), ("Khan Younis", Gpe)],
        ),
        // Country codes the news writes in capitals.
        (
            "Officials from PNG and Australia met.",
            &[("PNG", Gpe), ("Australia", Gpe)],
        ),
        // A country under the name the news uses, not only its new one;
        // states that are gone; Russia's republics.
        (
            "Turkey and Bosnia agreed.",
            &[("Turkey", Gpe), ("Bosnia", Gpe)],
        ),
        ("The turkey was roasted.", &[]),
        (
            "Yugoslavia broke up after the Soviet Union did.",
            &[("Yugoslavia", Gpe), ("the Soviet Union", Gpe)],
        ),
        ("Fighting in Chechnya resumed.", &[("Chechnya", Gpe)]),
    ]);
}

#[test]
fn organisations_described_or_joined_and_papers_named_the() {
    check(&[
        // A description after a name whose head is an organisation's noun…
        (
            "Members of Tren de Aragua, a Venezuelan gang, were deported.",
            &[("Tren de Aragua", Org), ("Venezuelan", Norp)],
        ),
        (
            "Analysts at Chatham House, a London think tank, disagreed.",
            &[("Chatham House", Org), ("London", Gpe)],
        ),
        (
            "Eurasia Group, a consultancy, disagreed.",
            &[("Eurasia Group", Org)],
        ),
        // …but not a person's role, a possessive's head, or "a group of".
        (
            "Juan Perez, a party official, disagreed.",
            &[("Juan Perez", Person)],
        ),
        (
            "Tomas Vrba, the group's leader, disagreed.",
            &[("Tomas Vrba", Person)],
        ),
        (
            "They camped in Turnhout, a group of scouts said.",
            &[("Turnhout", Gpe)],
        ),
        // People are members of an organisation.
        (
            "He deported members of Tren de Aragua.",
            &[("Tren de Aragua", Org)],
        ),
        // A person's family members are a person's.
        (
            "Family members of Tomas Vrba wept.",
            &[("Tomas Vrba", Person)],
        ),
        // A nationality after a capital "The" inside a sentence, or before
        // "reported", is a paper; a people, or "the" opening a sentence, not.
        ("He told The Hindu that talks ended.", &[("The Hindu", Org)]),
        ("The Hindu reported the deal.", &[("The Hindu", Org)]),
        ("The Australian government agreed.", &[("Australian", Norp)]),
        ("The Americans reported a rise.", &[("Americans", Norp)]),
        ("The Chinese reported a rise.", &[("Chinese", Norp)]),
        // A monarch's or pope's title stays outside the name.
        (
            "Britain's King Charles III spoke.",
            &[("Britain", Gpe), ("Charles III", Person)],
        ),
        ("Pope Leo XIV spoke.", &[("Leo XIV", Person)]),
    ]);
}

#[test]
fn the_before_a_name_that_modifies_a_noun_is_the_nouns() {
    check(&[
        // "the" belongs to the larger phrase (eval/GUIDELINES.md).
        (
            "Lula opened the United Nations climate summit.",
            &[("Lula", Person), ("United Nations", Org)],
        ),
        // A verb, a function word or a hyphenated pair leaves it with the name.
        (
            "Officials said the European Union imposed tariffs.",
            &[("the European Union", Org)],
        ),
        (
            "Officials said the European Union will act.",
            &[("the European Union", Org)],
        ),
        (
            "They praised the United States-China bilateral relationship.",
            &[("the United States", Gpe), ("China", Gpe)],
        ),
    ]);
}

/// Issue #17: organisations no list holds, named by what is around them,
/// and where a name before "of" ends.
#[test]
fn papers_agencies_companies_and_names_before_of() {
    check(&[
        // A paper, an agency or a broadcaster named by the noun before or
        // after it; a nationality or a language before "newspaper" is none.
        (
            "The Yugoslav news agency Tanjug reported on Friday. Tanjug said the airport was shut.",
            &[
                ("Yugoslav", Norp),
                ("Tanjug", Org),
                ("Friday", Date),
                ("Tanjug", Org),
            ],
        ),
        (
            "Britain's Sun newspaper reported it, and the daily Kompas quoted him.",
            &[("Britain", Gpe), ("Sun", Org), ("Kompas", Org)],
        ),
        ("Le Matin newspaper said so.", &[("Le Matin", Org)]),
        (
            "The Urdu newspaper said it. Friday's newspaper said so.",
            &[("Friday", Date)],
        ),
        // What a company has, after a possessive; a person named in full
        // keeps the surname.
        (
            "Pirelli's chief executive resigned, and Brightwell's shares rose.",
            &[("Pirelli", Org), ("Brightwell", Org)],
        ),
        (
            "Ngozi Okafor spoke. Okafor's shares in the firm rose.",
            &[("Ngozi Okafor", Person), ("Okafor", Person)],
        ),
        (
            "Mary Smith's board game sold well.",
            &[("Mary Smith", Person)],
        ),
        (
            "Merdeka Battery Materials, a unit of Merdeka Copper Gold, gained.",
            &[
                ("Merdeka Battery Materials", Org),
                ("Merdeka Copper Gold", Org),
            ],
        ),
        // A company's officer right after a name, or a noun of the trade
        // before it; a person named in full keeps the surname.
        (
            "Barrick chairman Peter Munk and Ajax spokesman David Endt spoke.",
            &[
                ("Barrick", Org),
                ("Peter Munk", Person),
                ("Ajax", Org),
                ("David Endt", Person),
            ],
        ),
        (
            "Ngozi Okafor spoke, and Okafor spokesman Musa Bello agreed.",
            &[
                ("Ngozi Okafor", Person),
                ("Okafor", Person),
                ("Musa Bello", Person),
            ],
        ),
        (
            "Investment banks Merrill Lynch and retail chain Dunnes Stores gained.",
            &[("Merrill Lynch", Org), ("Dunnes Stores", Org)],
        ),
        (
            "The group said it would stay. The bank Thursday cut rates.",
            &[("Thursday", Date)],
        ),
        // A department's short name before a speech verb speaks for it.
        (
            "Commerce said sales rose, and Energy said so too. Commerce grew.",
            &[("Commerce", Org), ("Energy", Org)],
        ),
        // Carmakers and airlines the news names by their short names.
        (
            "Parts makers supplying Toyota, Isuzu and Mazda flew Air France.",
            &[
                ("Toyota", Org),
                ("Isuzu", Org),
                ("Mazda", Org),
                ("Air France", Org),
            ],
        ),
        // A lower-case particle written apart starts a listed name.
        (
            "The mission fights al Shabaab and al Qaeda.",
            &[("al Shabaab", Org), ("al Qaeda", Org)],
        ),
        (
            "Its Fokker Aviation unit won, and shares of utility Cukurova fell.",
            &[("Fokker Aviation", Org), ("Cukurova", Org)],
        ),
        // A name of several words its context made an organisation's is
        // one where it recurs.
        (
            "Zycie Warszawy daily said so. Zycie Warszawy said the bid failed.",
            &[("Zycie Warszawy", Org), ("Zycie Warszawy", Org)],
        ),
        // More words that end an organisation's name.
        (
            "It broke the rules of the Andean Community, said Rashid Abdi of Sahan Research.",
            &[
                ("the Andean Community", Org),
                ("Rashid Abdi", Person),
                ("Sahan Research", Org),
            ],
        ),
        ("Research showed it. The Community said no.", &[]),
        // A company's legal form ends its name: "of" after it says where.
        (
            "He met Kia Motor Corp of South Korea and the Supreme Court of Kenya.",
            &[
                ("Kia Motor Corp", Org),
                ("South Korea", Gpe),
                ("the Supreme Court of Kenya", Org),
            ],
        ),
        // A person before "of" and an organisation is a name of its own.
        (
            "The deal helps, said John Casesa of Schroder Wertheim & Co. on Friday.",
            &[
                ("John Casesa", Person),
                ("Schroder Wertheim & Co.", Org),
                ("Friday", Date),
            ],
        ),
        (
            "It was said by Senator Paloma Valencia of the Democratic Center party.",
            &[("Paloma Valencia", Person), ("Democratic Center", Org)],
        ),
        // A word that starts sentences, on the next line, ends no name; on
        // the same line it may be a surname.
        (
            "Office of the Spokesperson\nThe following is from Spokesperson Ned Price.",
            &[("Office of the Spokesperson", Org), ("Ned Price", Person)],
        ),
        (
            "Nasser Hussain and Peter Such batted.",
            &[("Nasser Hussain", Person), ("Peter Such", Person)],
        ),
        // Ordinary words at both ends make a thing's name, not a person's;
        // a given name or an unknown word at either end keeps the person.
        (
            "They set up a Joint Crediting Mechanism, said Grace Mugabe and Kofi Brown.",
            &[("Grace Mugabe", Person), ("Kofi Brown", Person)],
        ),
        // A rank written with a hyphen is a title; "Major" alone is none.
        (
            "The commander, Major-General Nikolai Sherbatov, met Rear-Admiral Ann Lee.",
            &[("Nikolai Sherbatov", Person), ("Ann Lee", Person)],
        ),
        // "wa" joins the parts of a name as "bin" does.
        (
            "Prime Minister Kengo wa Dondo spoke.",
            &[("Kengo wa Dondo", Person)],
        ),
        (
            "A man of the Kurdistan Democratic Party spoke.",
            &[("the Kurdistan Democratic Party", Org)],
        ),
        // One noun saying what the name is of takes the "the".
        (
            "Fighters of the Islamic State group attacked.",
            &[("Islamic State", Org)],
        ),
    ]);
}

/// A native name that is also the demonym ("Prathet Thai") is the
/// demonym; "Korea" alone is the Republic of Korea.
#[test]
fn demonyms_before_native_names_and_korea_alone() {
    check(&[
        (
            "Thai troops opened fire; the Thai army said Thailand would respond.",
            &[("Thai", Norp), ("Thai", Norp), ("Thailand", Gpe)],
        ),
        (
            "Korea, Japan and North Korea met at the Korea-Japan talks with N. Korea.",
            &[
                ("Korea", Gpe),
                ("Japan", Gpe),
                ("North Korea", Gpe),
                ("Korea", Gpe),
                ("Japan", Gpe),
                ("N. Korea", Gpe),
            ],
        ),
    ]);
}

/// Official readouts: a country between a title and a name, and a fiscal
/// year named by its place.
#[test]
fn country_after_a_title_and_the_financial_year() {
    check(&[
        (
            "He met Minister for Foreign Affairs of Japan Motegi Toshimitsu in Tokyo.",
            &[
                ("Japan", Gpe),
                ("Motegi Toshimitsu", Person),
                ("Tokyo", Gpe),
            ],
        ),
        (
            "President of Indonesia Prabowo Subianto called.",
            &[("Indonesia", Gpe), ("Prabowo Subianto", Person)],
        ),
        // No name after the country: the country alone.
        ("The Prime Minister of India said so.", &[("India", Gpe)]),
        (
            "It gave £120 million this financial year, more than in the last fiscal year.",
            &[
                ("£120 million", Money),
                ("this financial year", Date),
                ("the last fiscal year", Date),
            ],
        ),
        // Without a determiner, "financial" is an adjective.
        ("Financial markets fell.", &[]),
    ]);
}

/// Provinces and states of the countries whose regions wire copy names;
/// one whose name is more often a person's or a company's is left out.
#[test]
fn provinces_of_wire_copy() {
    check(&[
        (
            "The boundary between Sabah and North Kalimantan, off Sarawak, and eastern Ladakh.",
            &[
                ("Sabah", Gpe),
                ("North Kalimantan", Gpe),
                ("Sarawak", Gpe),
                ("Ladakh", Gpe),
            ],
        ),
        (
            "Fighting spread from Rakhine to Tigray and Antioquia.",
            &[("Rakhine", Gpe), ("Tigray", Gpe), ("Antioquia", Gpe)],
        ),
        (
            "Cesar Chavez met Meta and Santander Consumer executives.",
            &[
                ("Cesar Chavez", Person),
                ("Meta", Org),
                ("Santander Consumer", Org),
            ],
        ),
    ]);
}

/// Places and rulers no list holds, named by the noun after them, and a
/// place so found named again alone.
#[test]
fn places_before_nouns_of_geography_and_rulers_before_regimes() {
    check(&[
        (
            "People fled the Catatumbo region. We owe it to the people of Catatumbo.",
            &[("Catatumbo", Loc), ("Catatumbo", Loc)],
        ),
        (
            "Soldiers died in the Galwan valley, and miners in the Kachin state.",
            &[("Galwan", Loc), ("Kachin", Gpe)],
        ),
        // Not a common word, a given name, or a word before "said".
        (
            "The Northern region grew. The Maria region grew. He lives in Taylor, Texas. Taylor said no.",
            &[("Taylor", Gpe), ("Texas", Gpe)],
        ),
        // A name after "the town of" or "the region of" is the place, and
        // is again where it recurs.
        (
            "Police in the town of Uyo spoke of the breakaway region of Somaliland. Somaliland said no.",
            &[("Uyo", Gpe), ("Somaliland", Gpe), ("Somaliland", Gpe)],
        ),
        (
            "Ann Lee, head of the city of Lagos, met a head of state of Kenya.",
            &[("Ann Lee", Person), ("Lagos", Gpe), ("Kenya", Gpe)],
        ),
        (
            "They spoke against the Maduro regime and the Milei administration.",
            &[("Maduro", Person), ("Milei", Person)],
        ),
        // A place, a known organisation or a common word before "regime" is no person.
        (
            "The Kremlin regime and the military regime and the Kenya administration.",
            &[("Kremlin", Org), ("Kenya", Gpe)],
        ),
    ]);
}

/// Half a period is a period; a month before a possessive is the month.
#[test]
fn half_a_period_and_a_months_possessive() {
    check(&[
        (
            "It led the market for half a century, and talks took half an hour.",
            &[("half a century", Date), ("half an hour", Time)],
        ),
        ("Half the people left.", &[("Half", Cardinal)]),
        ("With August's increase, output rose.", &[("August", Date)]),
        // A day or a period named by another is one DATE.
        (
            "Profit rose from the same period last year and fell the previous day.",
            &[
                ("the same period last year", Date),
                ("the previous day", Date),
            ],
        ),
        (
            "Sales beat the same quarter a year earlier. He left the same day.",
            &[
                ("the same quarter a year earlier", Date),
                ("the same day", Date),
            ],
        ),
        ("It is the same thing every day. The day was long.", &[]),
        // "May's" is as often a person's: the month needs more.
        ("May's government fell.", &[]),
    ]);
}

/// Issue #17, the press offices' copy: rules the public-domain and OGL
/// texts `w69` to `w74` of `eval/` called for, each with the sentences it
/// must leave alone.
#[test]
fn press_office_copy_issue_17() {
    check(&[
        // A weekday with its date is one DATE (GUIDELINES.md), with or
        // without a comma; a number after a weekday that no month follows
        // is a number of its own.
        (
            "Today [Sunday 17 November] the UK said it would help.",
            &[("Today", Date), ("Sunday 17 November", Date), ("UK", Gpe)],
        ),
        (
            "It met on Monday, Nov. 18, and on Friday, May 5, 2023.",
            &[("Monday, Nov. 18", Date), ("Friday, May 5, 2023", Date)],
        ),
        (
            "On Monday 18 people died. Monday, he said.",
            &[("Monday", Date), ("18", Cardinal), ("Monday", Date)],
        ),
        // A numbered section is a LAW of its own, with its subsection; an
        // act's year after "of" is the act's.
        (
            "Under Section 302(b) of the Trade Act, it acts under Section 301 of the Trade Act of 1974.",
            &[
                ("Section 302(b)", Law),
                ("the Trade Act", Law),
                ("Section 301", Law),
                ("the Trade Act of 1974", Law),
            ],
        ),
        (
            "The section 5 rule was read in 1974.",
            &[("5", Cardinal), ("1974", Date)],
        ),
        // "Mt." names a mountain, or a town with its state after it; never a person.
        (
            "A man of Mt. Holly, North Carolina, climbed Mt. Everest and Mount Kilimanjaro.",
            &[
                ("Mt. Holly", Gpe),
                ("North Carolina", Gpe),
                ("Mt. Everest", Loc),
                ("Mount Kilimanjaro", Loc),
            ],
        ),
        // A model or a strain is no organisation; a group named so is.
        (
            "He used an AR-15 style rifle while a B-1B flew and COVID-19 spread.",
            &[],
        ),
        ("The G-20 and the IMF met.", &[("G-20", Org), ("IMF", Org)]),
        // The government of a place is described, not named.
        (
            "It studied practices of the Government of Brazil and the Government of the Philippines.",
            &[("Brazil", Gpe), ("Philippines", Gpe)],
        ),
        (
            "The Government of National Unity met the Ministry of Defence.",
            &[
                ("The Government of National Unity", Org),
                ("the Ministry of Defence", Org),
            ],
        ),
        // An ordinary word that starts a sentence is no part of the
        // organisation after it; inside a sentence it is left as it was.
        (
            "Draft UN Security Council resolution introduced. Senior Hamas officials met.",
            &[("UN Security Council", Org), ("Hamas", Org)],
        ),
        (
            "General Motors and Islamic State were named.",
            &[("General Motors", Org), ("Islamic State", Org)],
        ),
    ]);
}

/// Press offices write their headlines in title case: every word
/// capitalised, prepositions too. There a capitalised preposition ends a
/// name, words the body writes in lower case (or common words it never
/// capitalises) are no name, and a headline's verb and words after a name
/// are not the name's. A name the body capitalises stays one.
#[test]
fn title_case_headlines_issue_17() {
    check(&[
        (
            "Visit to Indo-Pacific Builds Upon Sustained Momentum With Key Partners\n\nThe partners met.",
            &[("Indo-Pacific", Loc)],
        ),
        (
            "Aid Flows in Humanitarian Assistance to Respond to Drought in Kenya\n\nThe drought \
             deepened and humanitarian aid flowed.",
            &[("Kenya", Gpe)],
        ),
        (
            "Central Bank of Kenya Holds Rates\n\nThe bank held rates.",
            &[("Central Bank of Kenya", Org)],
        ),
        (
            "Austin's 11th Visit to Japan\n\nWhile in Tokyo, Secretary Lloyd Austin and Foreign \
             Minister Yoko Kamikawa met.",
            &[
                ("Austin", Person),
                ("11th", Ordinal),
                ("Japan", Gpe),
                ("Tokyo", Gpe),
                ("Lloyd Austin", Person),
                ("Yoko Kamikawa", Person),
            ],
        ),
        // In running text the same words are left as they were.
        (
            "He flew to the Indo-Pacific with Key Partners, a fund.",
            &[("Indo-Pacific", Loc), ("Key Partners", Org)],
        ),
    ]);
}

/// A border crossing is named for its town; "Consultations" names a
/// meeting as "Dialogue" does, and a pair of countries before it is part
/// of its name (GUIDELINES.md).
#[test]
fn crossings_and_consultations_issue_17() {
    check(&[
        (
            "He called for the Adre border crossing to remain open, and for the vital Adre border \
             crossing to stay so.",
            &[("Adre", Gpe), ("Adre", Gpe)],
        ),
        ("The Adre border was shut.", &[]),
        (
            "The border crossing closed near the Kenya border.",
            &[("Kenya", Gpe)],
        ),
        (
            "They hosted this year's Australia-U.S. Ministerial Consultations.",
            &[
                ("this year", Date),
                ("Australia-U.S. Ministerial Consultations", Event),
            ],
        ),
        ("Consultations with allies continue.", &[]),
    ]);
}

/// A relative expression is whole (GUIDELINES.md), shorter than a day a
/// TIME: "minutes later", "three hours later", as "two days later" is a
/// DATE; the relative word lets a bare period start a sentence.
#[test]
fn relative_periods_issue_17() {
    check(&[
        (
            "He returned minutes later. Hours later, the army left. Days later, they met.",
            &[
                ("minutes later", Time),
                ("Hours later", Time),
                ("Days later", Date),
            ],
        ),
        (
            "Three hours later he left, and it ended 30 minutes ago. It lasted for hours.",
            &[
                ("Three hours later", Time),
                ("30 minutes ago", Time),
                ("hours", Time),
            ],
        ),
        (
            "The minutes of the meeting showed it. Office hours end.",
            &[],
        ),
        ("It took days.", &[("days", Date)]),
    ]);
}

/// "the decade" and "the century" are a DATE as "the year" is.
#[test]
fn the_decade_issue_17() {
    check(&[
        (
            "It is the worst crisis of the decade, and perhaps of the century.",
            &[("the decade", Date), ("the century", Date)],
        ),
        ("The decade-long war ended.", &[]),
    ]);
}

/// Rulers joined by a hyphen before "regime" are two people (GUIDELINES.md
/// splits hyphenated pairs); one ruler, or a word the dictionary knows,
/// stays as it was.
#[test]
fn joined_rulers_issue_17() {
    check(&[
        (
            "Attacks by the Ortega-Murillo regime grew.",
            &[("Ortega", Person), ("Murillo", Person)],
        ),
        ("Attacks by the Maduro regime grew.", &[("Maduro", Person)]),
    ]);
}

/// Ages are DATE (GUIDELINES.md): a number right after "aged" or "age",
/// in digits or words; a number after other words stays a number.
#[test]
fn ages_after_aged_fresh11() {
    check(&[
        (
            "She joined the party aged 14. In 1995, at age seventeen, she left.",
            &[("14", Date), ("1995", Date), ("seventeen", Date)],
        ),
        (
            "Aged 52, he retired; the team paged 14 people over the age of 40.",
            &[("52", Date), ("14", Cardinal), ("40", Cardinal)],
        ),
        ("They managed 30 shots.", &[("30", Cardinal)]),
    ]);
}

/// "the past few days" is one relative period, as "the past four days" is.
#[test]
fn the_past_few_days_fresh11() {
    check(&[
        (
            "In the past few days, several towns asked for taxes.",
            &[("the past few days", Date)],
        ),
        (
            "Over the next few weeks the last few boats left.",
            &[("the next few weeks", Date)],
        ),
        ("Few people came.", &[]),
    ]);
}

/// The stop of an abbreviation also ends a sentence: a capitalised function
/// word after it starts the next sentence, not the name ("Washington D.C.
/// The team"); initials and abbreviations inside names stay whole.
#[test]
fn a_sentence_after_an_abbreviation_fresh11() {
    check(&[
        (
            "They met in Washington D.C. The team flew home.",
            &[("Washington D.C.", Gpe)],
        ),
        (
            "Muslims traveling to the U.S. The President acted.",
            &[("Muslims", Norp), ("U.S.", Gpe)],
        ),
        (
            "The U.S. Department of Agriculture spoke, as Joseph R. Biden did.",
            &[
                ("The U.S. Department of Agriculture", Org),
                ("Joseph R. Biden", Person),
            ],
        ),
    ]);
}

/// A place after a title's "to" or "of" is where the post is, and the
/// words after it the holder ("Ambassador to Afghanistan Hamdullah Mohib");
/// a place before other words is still a company's name ("China Mobile").
#[test]
fn the_holder_after_a_post_abroad_fresh11() {
    check(&[
        (
            "Afghan Ambassador to the United States Hamdullah Mohib spoke.",
            &[
                ("Afghan", Norp),
                ("the United States", Gpe),
                ("Hamdullah Mohib", Person),
            ],
        ),
        (
            "Envoy to Afghanistan Hamdullah Mohib spoke.",
            &[("Afghanistan", Gpe), ("Hamdullah Mohib", Person)],
        ),
        (
            "Shares of China Mobile rose as Zambia Sugar fell.",
            &[("China Mobile", Org), ("Zambia Sugar", Org)],
        ),
    ]);
}

/// "Law" after a given name is a surname ("Nathan Law"); after other
/// words it names a law.
#[test]
fn law_as_a_surname_fresh11() {
    check(&[
        ("Nathan Law won a seat.", &[("Nathan Law", Person)]),
        (
            "The National Security Law was passed.",
            &[("The National Security Law", Law)],
        ),
    ]);
}

/// An "and" after a keyword's name ("Institute of Technology", a listed
/// department) joins two names when a name of three words or more with its
/// own keyword, or a person, follows; "Department of Health and Human
/// Services" and "Ministry of Trade and Industry" stay one.
#[test]
fn two_names_joined_by_and_fresh11() {
    check(&[
        (
            "Scientists from the Massachusetts Institute of Technology and Colorado State University met.",
            &[
                ("the Massachusetts Institute of Technology", Org),
                ("Colorado State University", Org),
            ],
        ),
        (
            "The Department of Health and Human Services acted, as did the Ministry of Trade and Industry.",
            &[
                ("The Department of Health and Human Services", Org),
                ("the Ministry of Trade and Industry", Org),
            ],
        ),
        (
            "The Ministry of Culture and Kate Smith agreed.",
            &[("The Ministry of Culture", Org), ("Kate Smith", Person)],
        ),
    ]);
}

/// A hotel is a building, FAC, as a mosque is, and "Masjid" (Arabic for a
/// mosque) opens one's name.
#[test]
fn hotels_and_mosques_fresh11() {
    check(&[
        (
            "People died when the Al-Ghaza Hotel near the Masjid Al-Haram collapsed.",
            &[("the Al-Ghaza Hotel", Fac), ("the Masjid Al-Haram", Fac)],
        ),
        ("Hotel rooms were full.", &[]),
    ]);
}

/// "first" is an adverb, not an ordinal, before a verb in the past with no
/// determiner before it ("fishermen first noticed"), and in the idiom "in
/// the first place"; "the first elected council" keeps its ordinal.
#[test]
fn first_as_an_adverb_fresh11() {
    check(&[
        (
            "Fishermen first noticed them. She was first sent there in 1995.",
            &[("1995", Date)],
        ),
        ("They were denied entry in the first place.", &[]),
        (
            "It was the first elected council, and he took first place.",
            &[("first", Ordinal), ("first", Ordinal)],
        ),
    ]);
}

/// A "the" before a name and a title after it belongs to the title's phrase
/// (GUIDELINES.md: "the [U.S.] commitment"): "the [State Department]
/// Spokesperson", "the [United Nations] Secretary-General"; before a verb
/// it stays with the name.
#[test]
fn the_before_a_name_and_a_title_fresh11() {
    check(&[
        (
            "Jeff Rathke, the State Department Spokesperson, spoke to the United Nations Secretary-General.",
            &[
                ("Jeff Rathke", Person),
                ("State Department", Org),
                ("United Nations", Org),
            ],
        ),
        (
            "They said the State Department acted.",
            &[("the State Department", Org)],
        ),
    ]);
}

/// In a text that names a divided country ("North Korea", "South
/// Sudan"), its compass word alone is that half, GPE ("into the North",
/// "The South retaliated", "North and South Korea"); without one, "the
/// South" is no name ("voters in the South", next to "South Carolina").
#[test]
fn halves_of_a_divided_country_fresh11() {
    check(&[
        (
            "North Korea fired after North and South Korea traded fire. The South retaliated.",
            &[
                ("North Korea", Gpe),
                ("North", Gpe),
                ("South Korea", Gpe),
                ("South", Gpe),
            ],
        ),
        (
            "Voters in the South and in South Carolina backed him.",
            &[("South Carolina", Gpe)],
        ),
        // Sudan's other half is Sudan; South Africa has none.
        (
            "South Sudan and Sudan met. The South agreed.",
            &[("South Sudan", Gpe), ("Sudan", Gpe), ("South", Gpe)],
        ),
        (
            "South Africa voted. The South is dry.",
            &[("South Africa", Gpe)],
        ),
    ]);
}

/// A name before a place the lists know, described as a person ("Valeska
/// Paris, an Australian woman"), is a person; that place alone is then
/// her surname, except after a place word ("moved to Paris"); with no
/// such person, "Paris" is the city and an unknown word before a place a
/// company ("Yiaga Africa").
#[test]
fn a_surname_that_is_a_place_fresh11() {
    check(&[
        (
            "Valeska Paris, an Australian woman, spoke. In 2007, Paris left; she later moved to Paris.",
            &[
                ("Valeska Paris", Person),
                ("Australian", Norp),
                ("2007", Date),
                ("Paris", Person),
                ("Paris", Gpe),
            ],
        ),
        (
            "Paris said so. Yiaga Africa, a civic group, agreed.",
            &[("Paris", Gpe), ("Yiaga Africa", Org)],
        ),
    ]);
}

/// A sentence's first word before a person's name is the sentence's when
/// the text also writes it in lower case, or when it is an ordinary word
/// before a given name ("Nonpartisan Paul Tse", "Pan-democrat Lam
/// Cheuk-ting"); a title there stays one, and a word the text and the
/// dictionary do not know in lower case stays in the name ("Sipho").
#[test]
fn a_sentence_word_before_a_person_fresh11() {
    check(&[
        (
            "Nonpartisan Paul Tse won. Pan-democrat Lam Cheuk-ting won, as a nonpartisan pan-democrat.",
            &[("Paul Tse", Person), ("Lam Cheuk-ting", Person)],
        ),
        (
            "President Paul Biya spoke. Sipho Paul Nkosi won.",
            &[("Paul Biya", Person), ("Sipho Paul Nkosi", Person)],
        ),
    ]);
}

/// Ages by "when she was six" are DATE; a count after "were" is not.
#[test]
fn ages_after_when_she_was_fresh11() {
    check(&[
        (
            "They moved when she was six so they could be near. She stayed until she was eighteen.",
            &[("six", Date), ("eighteen", Date)],
        ),
        (
            "When they were four teams, they met; she was six points ahead.",
            &[("four", Cardinal), ("six", Cardinal)],
        ),
    ]);
}

/// Ranges (GUIDELINES.md): "one or two" is one number, years with a spaced
/// dash one period, a span of the clock one TIME; a change "from 9 to 10"
/// after a verb of change is two numbers.
#[test]
fn ranges_and_changes_fresh11() {
    check(&[
        (
            "They scored one or two points over 2000 - 2050.",
            &[("one or two", Cardinal), ("2000 - 2050", Date)],
        ),
        (
            "She worked from 6:00am to midnight, and from 9 a.m. to 5 p.m., in the 24 hours to 6 a.m.",
            &[
                ("6:00am to midnight", Time),
                ("9 a.m. to 5 p.m.", Time),
                ("24 hours", Time),
                ("6 a.m.", Time),
            ],
        ),
        (
            "Seats increased from 9 to 10, and 7% to 10% of them from 2024 to 2027.",
            &[
                ("9", Cardinal),
                ("10", Cardinal),
                ("7% to 10%", Percent),
                ("2024 to 2027", Date),
            ],
        ),
        (
            "Scores of 10 - 4 and 3 - 1 were posted.",
            &[
                ("10", Cardinal),
                ("4", Cardinal),
                ("3", Cardinal),
                ("1", Cardinal),
            ],
        ),
    ]);
}

/// A town and a compass word after it name a district of it, an electoral
/// one as a rule: one GPE ("Kowloon West", "Bristol West"); "the West" apart
/// from a town stays the region.
#[test]
fn a_town_and_a_compass_word_fresh11() {
    check(&[
        (
            "In the Kowloon West geographical constituency, she won Bristol West too.",
            &[("Kowloon West", Gpe), ("Bristol West", Gpe)],
        ),
        (
            "Trade between China and the West grew.",
            &[("China", Gpe), ("West", Loc)],
        ),
    ]);
}

/// A known name after "pro-" or "anti-" ends with itself: the names after
/// it are others ("pro-[Beijing] [New People Party]").
#[test]
fn a_name_after_pro_or_anti_fresh11() {
    check(&[
        (
            "The pro-Beijing New People Party won; the pro-China Kuomintang Party lost.",
            &[
                ("Beijing", Gpe),
                ("New People Party", Org),
                ("China", Gpe),
                ("Kuomintang Party", Org),
            ],
        ),
        (
            "Beijing New People Party members met.",
            &[("Beijing New People Party", Org)],
        ),
    ]);
}

/// The words a text writes in lower case are searched for one by one, up
/// to 64 distinct words a document; a crafted text that asks about more
/// gets no for the rest, so it costs its length 64 times, not once a word.
#[test]
fn many_sentence_words_before_people_fresh11() {
    let words: Vec<String> = (0..70)
        .map(|i| format!("pan-{}{}", (b'a' + i / 10) as char, (b'a' + i % 10) as char))
        .collect();
    let mut text = String::new();
    let mut want = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let mut cap = w.clone();
        cap[..1].make_ascii_uppercase();
        text.push_str(&format!("{cap} Paul Tse won. "));
        if i < 64 {
            want.push(("Paul Tse".to_owned(), Person));
        } else {
            want.push((format!("{cap} Paul Tse"), Person));
        }
    }
    text.push_str(&format!("They were {}.", words.join(", ")));
    assert_eq!(mentions(&text), want);
}
