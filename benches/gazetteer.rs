//! Gazetteer load time and place recognition speed.
//!
//! `cargo bench --no-default-features --bench gazetteer`

use newsmap::extract::places::{find_demonyms, find_places};
use newsmap::geodata::gazetteer::Gazetteer;

const SEED_TEXT: &str = include_str!("../seeds/2022-11-13-japan-south-korea-summit.txt");
/// 50 short news passages (the toponym quality test's own gold set), one JSON object a line.
const GOLD: &str = include_str!("../tests/data/toponyms_gold.jsonl");

fn main() {
    divan::main();
}

/// A fresh load of the compiled-in asset (what `Gazetteer::embedded()` does once): the asset is
/// read in place; only the two-byte prefix index and the country map are built.
#[divan::bench]
fn load() -> Gazetteer {
    Gazetteer::load_embedded().expect("embedded gazetteer loads")
}

/// All places in the seed article (2.9 KB): recognition, filtering and resolution.
#[divan::bench]
fn find_places_seed_article(bencher: divan::Bencher) {
    let gaz = Gazetteer::embedded();
    bencher
        .counter(divan::counter::BytesCount::new(SEED_TEXT.len()))
        .bench(|| find_places(divan::black_box(SEED_TEXT), gaz));
}

/// All places in 50 short passages full of ambiguous names (Paris, Georgia, Edmonton, …), each
/// resolved on its own.
#[divan::bench]
fn find_places_50_gold_passages(bencher: divan::Bencher) {
    let gaz = Gazetteer::embedded();
    let texts: Vec<String> = GOLD
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("gold line is JSON");
            v["text"].as_str().expect("text").to_owned()
        })
        .collect();
    let bytes = texts.iter().map(String::len).sum::<usize>();
    bencher
        .counter(divan::counter::BytesCount::new(bytes))
        .bench(|| {
            texts
                .iter()
                .map(|t| find_places(divan::black_box(t), gaz).len())
                .sum::<usize>()
        });
}

/// All demonyms in the seed article.
#[divan::bench]
fn find_demonyms_seed_article(bencher: divan::Bencher) {
    let gaz = Gazetteer::embedded();
    bencher.bench(|| find_demonyms(divan::black_box(SEED_TEXT), gaz));
}
