//! Replays every committed fuzz corpus file (`tools/fuzz/corpus/TARGET/`) through its target on
//! stable Rust, so the inputs libFuzzer found interesting keep being checked by `cargo test`
//! wherever nightly and cargo-fuzz are missing. The targets themselves live in
//! `tools/fuzz/targets.rs`.

#[path = "../tools/fuzz/targets.rs"]
mod targets;

use std::path::Path;

fn corpus(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tools/fuzz/corpus")
        .join(name)
}

fn replay(name: &str) {
    let target = targets::TARGETS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, t)| *t)
        .unwrap();
    let n = targets::replay(&corpus(name), target);
    assert!(n > 0, "the {name} corpus is empty");
}

#[test]
fn every_target_has_a_corpus() {
    for (name, _) in targets::TARGETS {
        assert!(corpus(name).is_dir(), "tools/fuzz/corpus/{name} is missing");
    }
}

#[test]
fn dataset_load_corpus() {
    replay("dataset_load");
}

#[test]
fn dataset_validate_corpus() {
    replay("dataset_validate");
}

#[test]
fn article_read_corpus() {
    replay("article_read");
}

#[test]
fn date_parse_corpus() {
    replay("date_parse");
}

#[test]
fn extract_corpus() {
    replay("extract");
}
