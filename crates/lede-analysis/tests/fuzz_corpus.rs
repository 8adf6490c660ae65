//! Every input stored in `fuzz/corpus/<target>/` passes the checks its fuzz
//! target runs (`lede_analysis::fuzzing`): the corpus, and any crash saved into
//! it, is a regression suite on stable Rust, no nightly or libFuzzer needed.

use std::path::Path;

use lede_analysis::fuzzing;

fn replay(target: &str, check: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz/corpus")
        .join(target);
    fuzzing::replay(&dir, check);
}

#[test]
fn importers() {
    replay("importers", fuzzing::importers);
}

#[test]
fn recognize() {
    replay("recognize", fuzzing::recognize);
}

#[test]
fn themes() {
    replay("themes", fuzzing::themes);
}

#[test]
fn exports() {
    replay("exports", fuzzing::exports);
}
