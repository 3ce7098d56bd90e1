//! Extraction speed on the seed article: articles per second on one core, with and without the
//! place recogniser, and the gazetteer's load time; and on large articles (100 KB, 1 MB, 10 MB
//! of the gold set's texts end to end), where time must grow linearly with the text.
//!
//!     cargo bench --no-default-features --bench extract

use divan::counter::ItemsCount;
use newsmap::extract::sentences::Doc;
use newsmap::extract::{Recognised, extract, extract_recognised};
use newsmap::geodata::gazetteer::Gazetteer;
use newsmap::model::ArticleInput;

// The allocator the app ships with (src/main.rs): without it the numbers measured glibc's
// malloc, which extraction's many small vectors pay for, not what users run.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

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

/// `bytes` of news text: the events gold set's 89 articles, end to end, as often as needed.
fn news_text(bytes: usize) -> String {
    let gold =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/events_gold.jsonl");
    let texts: Vec<String> = std::fs::read_to_string(gold)
        .expect("tests/data/events_gold.jsonl")
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_owned))
        .collect();
    let mut out = String::with_capacity(bytes + 20_000);
    for t in texts.iter().cycle() {
        if out.len() >= bytes {
            break;
        }
        out.push_str(t);
        out.push_str("\n\n");
    }
    let mut end = bytes.min(out.len());
    while !out.is_char_boundary(end) {
        end -= 1;
    }
    out.truncate(end);
    out
}

/// The whole pipeline on one very long article: linear time is the promise (README, "Large
/// inputs"). Few samples: the 10 MB run takes seconds.
#[divan::bench(args = [100_000, 1_000_000, 10_000_000], sample_count = 3, sample_size = 1)]
fn large_article(bencher: divan::Bencher, bytes: usize) {
    let gaz = Gazetteer::embedded();
    let input = ArticleInput::new(news_text(bytes)).published("2022-11-13".parse().unwrap());
    bencher
        .counter(divan::counter::BytesCount::new(bytes))
        .bench(|| extract(divan::black_box(&input), gaz).events.len());
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
