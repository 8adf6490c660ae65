//! Prints the sample article, analysed and encoded as the app renders it, as
//! JSON: what `scripts/prerender.mjs` builds the pre-rendered page from.
//!
//! `cargo run -q -p lede --example prerender`

fn main() {
    let article = lede::prerender::seed();
    match serde_json::to_string(&article) {
        Ok(json) => println!("{json}"),
        Err(e) => {
            eprintln!("prerender: {e}");
            std::process::exit(1);
        }
    }
}
