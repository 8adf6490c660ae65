//! Every input stored in `fuzz/corpus/<target>/` passes the checks its fuzz
//! target runs (`lede_analysis::fuzzing`): the corpus, and any crash saved into
//! it, is a regression suite on stable Rust, no nightly or libFuzzer needed.

use std::path::Path;

use lede_analysis::fuzzing;

fn replay(target: &str, check: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz/corpus")
        .join(target);
    let entries = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a corpus entry").path());
    let mut n = 0;
    for path in entries {
        let data = std::fs::read(&path).expect("a corpus file");
        if std::panic::catch_unwind(|| check(&data)).is_err() {
            panic!("{target}: {} fails its checks", path.display());
        }
        n += 1;
    }
    assert!(n > 0, "{} holds no inputs", dir.display());
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
