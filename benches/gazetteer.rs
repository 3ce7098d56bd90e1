//! Gazetteer load time and place recognition speed.
//!
//! `cargo bench --no-default-features --bench gazetteer`

use newsmap::extract::places::{find_demonyms, find_places};
use newsmap::gazetteer::Gazetteer;

const SEED_TEXT: &str = include_str!("../seeds/2022-11-13-japan-south-korea-summit.txt");

fn main() {
    // The basemap (country label points) is decoded once per process; load it outside the
    // measurement so `load` times the gazetteer itself (basemap decoding is ~1.5 ms on its own).
    let _ = newsmap::basemap::Basemap::embedded();
    divan::main();
}

/// A fresh load of the compiled-in asset (what `Gazetteer::embedded()` does once).
#[divan::bench]
fn load() -> Gazetteer {
    Gazetteer::load_embedded().expect("embedded gazetteer loads")
}

/// Basemap decoding, which the first `Gazetteer::embedded()` call also pays.
#[divan::bench]
fn basemap_decode() -> newsmap::basemap::Basemap {
    newsmap::basemap::Basemap::decode(include_bytes!("../assets/basemap/world-50m.bin"))
        .expect("basemap")
}

/// All places in the seed article (2.9 KB): recognition, filtering and resolution.
#[divan::bench]
fn find_places_seed_article(bencher: divan::Bencher) {
    let gaz = Gazetteer::embedded();
    bencher
        .counter(divan::counter::BytesCount::new(SEED_TEXT.len()))
        .bench(|| find_places(divan::black_box(SEED_TEXT), gaz));
}

/// All demonyms in the seed article.
#[divan::bench]
fn find_demonyms_seed_article(bencher: divan::Bencher) {
    let gaz = Gazetteer::embedded();
    bencher.bench(|| find_demonyms(divan::black_box(SEED_TEXT), gaz));
}
