//! The complete samples in `docs/formats.md` are what the exporters make of
//! its sample article today: the page documents the present, and a change to
//! the engine or an exporter that alters them fails here until the page is
//! regenerated with the commands it gives.

use lede_analysis::export::{self, View};
use lede_analysis::{Label, corrections, import, recognize, themes};
use serde_json::Value;

fn page() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/formats.md");
    std::fs::read_to_string(path).expect("docs/formats.md")
}

/// The first fenced block of language `lang` after the heading `heading`.
fn block<'a>(page: &'a str, heading: &str, lang: &str) -> &'a str {
    let from = page
        .find(heading)
        .unwrap_or_else(|| panic!("no heading {heading:?}"));
    let fence = format!("```{lang}\n");
    let start = from
        + page[from..]
            .find(&fence)
            .unwrap_or_else(|| panic!("no {lang} block after {heading:?}"))
        + fence.len();
    let end = start + page[start..].find("```").expect("a closing fence");
    &page[start..end]
}

fn article(page: &str) -> lede_analysis::Document {
    let text = block(page, "## The samples", "text");
    import(Some("article.txt"), text.as_bytes()).expect("the sample article imports")
}

#[test]
fn the_displacy_sample_is_todays_export() {
    let page = page();
    let doc = article(&page);
    let made = export::displacy(&doc, &recognize(&doc), &View::only([Label::Person]));
    let shown: Value = serde_json::from_str(block(&page, "## 1. displaCy JSON", "json")).unwrap();
    assert_eq!(serde_json::from_str::<Value>(&made).unwrap(), shown);
}

#[test]
fn the_full_json_sample_is_todays_export_abridged_as_the_page_says() {
    // "of the entities only Donald Trump is kept, and of the scores and
    // totals only those above zero".
    let page = page();
    let doc = article(&page);
    let report = themes::score(&doc, themes::Lexicon::builtin());
    let made = export::full_json(
        &doc,
        &recognize(&doc),
        &report,
        &View::only([Label::Person]),
    );
    let mut made: Value = serde_json::from_str(&made).unwrap();
    let above_zero = |list: &mut Value| {
        list.as_array_mut()
            .unwrap()
            .retain(|x| x["weight"].as_f64() > Some(0.0));
    };
    made["entities"]
        .as_array_mut()
        .unwrap()
        .retain(|e| e["name"] == "Donald Trump");
    above_zero(&mut made["themes"]["totals"]);
    for p in made["themes"]["paragraphs"].as_array_mut().unwrap() {
        above_zero(&mut p["scores"]);
    }
    let shown: Value = serde_json::from_str(block(&page, "## 2. Full JSON", "json")).unwrap();
    assert_eq!(made, shown);
}

#[test]
fn the_web_annotation_sample_is_todays_export_abridged_as_the_page_says() {
    // "abridged to the one annotation of Xi Jinping".
    let page = page();
    let doc = article(&page);
    let made = export::web_annotation(&doc, &recognize(&doc), &View::only([Label::Person]));
    let mut made: Value = serde_json::from_str(&made).unwrap();
    made["first"]["items"]
        .as_array_mut()
        .unwrap()
        .retain(|a| a["body"][1]["value"] == "Xi Jinping");
    let shown: Value =
        serde_json::from_str(block(&page, "## 3. W3C Web Annotation", "json")).unwrap();
    assert_eq!(made, shown);
}

#[test]
fn the_csv_sample_is_todays_export() {
    let page = page();
    let doc = article(&page);
    let made = export::entities_csv(&doc, &recognize(&doc), &View::all());
    assert_eq!(
        made.replace("\r\n", "\n"),
        block(&page, "## 4. CSV of entities", "csv")
    );
}

#[test]
fn the_corrections_sample_does_what_the_page_says() {
    // "with it, … csv --corrections corrections.json article.txt lists Geneva
    // as LOC and no 90-minute".
    let page = page();
    let doc = article(&page);
    let file = block(&page, "## 5. Corrections", "json");
    let (list, _) = corrections::import_file(&doc, file).expect("the sample imports");
    let applied = corrections::apply(&doc, &recognize(&doc), &list);
    assert!(applied.dropped.is_empty());
    let made = export::entities_csv(&doc, &applied.entities, &View::all());
    let before = export::entities_csv(&doc, &recognize(&doc), &View::all());
    assert!(before.contains("\r\nGeneva,GPE,") && before.contains("\r\n90-minute,"));
    assert!(made.contains("\r\nGeneva,LOC,1,Q71\r\n"), "{made}");
    assert!(!made.contains("90-minute"), "{made}");
}
