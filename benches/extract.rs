//! Extraction speed on the seed article: articles per second on one core, with and without the
//! place recogniser, and the gazetteer's load time.
//!
//!     cargo bench --no-default-features --bench extract

use divan::counter::ItemsCount;
use newsmap::extract::sentences::Doc;
use newsmap::extract::{Recognised, extract, extract_recognised};
use newsmap::geodata::gazetteer::Gazetteer;
use newsmap::model::ArticleInput;

fn main() {
    divan::main();
}

fn seed() -> ArticleInput {
    let text = include_str!("../seeds/2022-11-13-japan-south-korea-summit.txt");
    ArticleInput::new(text).published("2022-11-13".parse().unwrap())
}

/// The whole pipeline, places included: the number that counts (target ≥ 1,500 articles/s).
#[divan::bench]
fn seed_article_full(bencher: divan::Bencher) {
    let gaz = Gazetteer::embedded();
    let input = seed();
    bencher
        .counter(ItemsCount::new(1usize))
        .bench(|| extract(divan::black_box(&input), gaz));
}

/// Everything after place recognition (the part `extract` owns).
#[divan::bench]
fn seed_article_after_places(bencher: divan::Bencher) {
    let gaz = Gazetteer::embedded();
    let input = seed();
    let rec = Recognised::find(&Doc::new(&input.text), gaz);
    bencher
        .counter(ItemsCount::new(1usize))
        .with_inputs(|| rec.clone())
        .bench_values(|rec| extract_recognised(divan::black_box(&input), rec, "a1", ""));
}

/// Place recognition alone.
#[divan::bench]
fn seed_article_places_only(bencher: divan::Bencher) {
    let gaz = Gazetteer::embedded();
    let input = seed();
    bencher
        .counter(ItemsCount::new(1usize))
        .bench(|| Recognised::find(&Doc::new(divan::black_box(&input.text)), gaz));
}

/// The stages after place recognition, one at a time (where the time goes).
mod stages {
    use super::*;
    use newsmap::extract::{dates, events, parties, quotes, speakers};

    #[divan::bench]
    fn sentences(bencher: divan::Bencher) {
        let input = seed();
        bencher.bench(|| Doc::new(divan::black_box(&input.text)).tokens.len());
    }

    #[divan::bench]
    fn dates(bencher: divan::Bencher) {
        let input = seed();
        let doc = Doc::new(&input.text);
        bencher.bench(|| dates::find_dates(divan::black_box(&doc), input.published));
    }

    #[divan::bench]
    fn quotes_and_parties(bencher: divan::Bencher) {
        let input = seed();
        let doc = Doc::new(&input.text);
        let rec = Recognised::find(&doc, Gazetteer::embedded());
        bencher.bench(|| {
            let mut q = quotes::find_quotes(&doc);
            let table = parties::find_parties(&doc, &rec, &q);
            speakers::attribute(&doc, &mut q, &table);
            table.mentions.len()
        });
    }

    #[divan::bench]
    fn events(bencher: divan::Bencher) {
        let input = seed();
        let doc = Doc::new(&input.text);
        let rec = Recognised::find(&doc, Gazetteer::embedded());
        let ds = dates::find_dates(&doc, input.published);
        let mut q = quotes::find_quotes(&doc);
        let table = parties::find_parties(&doc, &rec, &q);
        speakers::attribute(&doc, &mut q, &table);
        bencher.bench(|| {
            let inputs = events::Inputs {
                doc: &doc,
                rec: &rec,
                dates: &ds,
                parties: &table,
                quotes: &q,
                published: input.published,
                title: None,
            };
            events::find_events(&inputs).len()
        });
    }
}
