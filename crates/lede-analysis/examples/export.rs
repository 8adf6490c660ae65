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
//! `--labels` keeps only mentions of those labels, as the reader's view does.

use std::io::Read;
use std::process::ExitCode;

use lede_analysis::export::{self, View};
use lede_analysis::{Label, import, recognize};

const USAGE: &str = "usage: export <displacy|web-annotation|csv> [--labels PERSON,GPE,…] [FILE]";

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(format) = args.next() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let (mut view, mut file) = (View::all(), None);
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
    let found = recognize(&doc);
    let out = match format.as_str() {
        "displacy" => export::displacy(&doc, &found, &view),
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
