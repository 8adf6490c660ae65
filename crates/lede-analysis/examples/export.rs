//! Imports an article (a file, or stdin) and prints one export of its
//! analysis: what the app's export menu downloads.
//!
//! ```text
//! cargo run -q -p lede-analysis --example export -- displacy < article.txt
//! cargo run -q -p lede-analysis --example export -- csv article.html
//! cargo run -q -p lede-analysis --example export -- web-annotation --labels PERSON,GPE article.md
//! ```
//!
//! Formats: `displacy`, `json` (Lede's full JSON), `web-annotation`, `csv`.
//! `--labels` keeps only mentions of those labels, as the reader's view does;
//! `--corrections FILE` applies a reader's corrections (a `lede-corrections/1`
//! file, as the app exports them) first, as the app does.

use std::io::Read;
use std::process::ExitCode;

use lede_analysis::export::{self, View};
use lede_analysis::{Label, import, recognize, themes};

const USAGE: &str = "usage: export <displacy|json|web-annotation|csv> [--labels PERSON,GPE,…] [--corrections FILE] [FILE]";

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(format) = args.next() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let (mut view, mut file, mut corrections) = (View::all(), None, None);
    while let Some(arg) = args.next() {
        if arg == "--labels" {
            let names = args.next().unwrap_or_default();
            let labels: Option<Vec<Label>> = names.split(',').map(Label::from_name).collect();
            let Some(labels) = labels else {
                eprintln!(
                    "unknown label in {names:?}; labels are {:?}",
                    Label::ALL.map(Label::as_str)
                );
                return ExitCode::from(2);
            };
            view = View::only(labels);
        } else if arg == "--corrections" {
            corrections = args.next();
        } else {
            file = Some(arg);
        }
    }
    let bytes = match &file {
        Some(path) => std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}")),
        None => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .expect("cannot read stdin");
            bytes
        }
    };
    let doc = match import(file.as_deref(), &bytes) {
        Ok(doc) => doc,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let mut found = recognize(&doc);
    if let Some(path) = corrections {
        let json =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
        let list = match lede_analysis::corrections::import_file(&doc, &json) {
            Ok((list, _)) => list,
            Err(e) => {
                eprintln!("{path}: {e}");
                return ExitCode::FAILURE;
            }
        };
        let applied = lede_analysis::corrections::apply(&doc, &found, &list);
        for d in &applied.dropped {
            eprintln!("dropped: {}", d.why);
        }
        view = view.marking(&applied.by_reader, &applied.quotes_by_reader);
        found = applied.entities;
    }
    let out = match format.as_str() {
        "displacy" => export::displacy(&doc, &found, &view),
        "json" => {
            let report = themes::score(&doc, themes::Lexicon::builtin());
            export::full_json(&doc, &found, &report, &view)
        }
        "web-annotation" => export::web_annotation(&doc, &found, &view),
        "csv" => export::entities_csv(&doc, &found, &view),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    print!("{out}");
    if !out.ends_with('\n') {
        println!();
    }
    ExitCode::SUCCESS
}
