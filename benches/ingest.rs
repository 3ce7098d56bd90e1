//! Ingesting a corpus: article files read and extracted on every core (what `newsmap extract
//! DIR` does), and the result added to a library in one transaction (`--into`). Target: 10,000
//! articles extracted and stored in under 5 s on 2 cores.
//!
//!     cargo bench --no-default-features --bench ingest
//!
//! The articles are made from the sentences of the gold sets in `tests/data` (real news text),
//! eight at a time in a seeded random order, each with its own URL and date, so no two are
//! copies of each other and the library's copy and merge checks do their full work.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use divan::counter::ItemsCount;
use newsmap::jobs::ingest::{Source, append, extract_all};
use newsmap::library::merge::merge_across_articles;
use newsmap::library::store::Store;
use newsmap::model::Dataset;
use newsmap::source::fetch::FetchOptions;

fn main() {
    divan::main();
}

const SIZES: &[usize] = &[1_000, 10_000];

/// Sentences of the gold articles.
fn sentences() -> Vec<String> {
    let mut out = Vec::new();
    for file in [
        include_str!("../tests/data/events_gold.jsonl"),
        include_str!("../tests/data/merge_gold.jsonl"),
    ] {
        for line in file.lines() {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            let text = v["text"].as_str().unwrap_or_default();
            out.extend(
                text.split(". ")
                    .map(str::trim)
                    .filter(|s| s.len() > 40)
                    .map(|s| format!("{s}.")),
            );
        }
    }
    out
}

/// Writes `n` articles (text + metadata) into `dir`.
fn write_corpus(dir: &Path, n: usize) -> Vec<PathBuf> {
    let pool = sentences();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..n)
        .map(|i| {
            let text: Vec<&str> = (0..8)
                .map(|_| pool[(next() % pool.len() as u64) as usize].as_str())
                .collect();
            let path = dir.join(format!("{i:05}.txt"));
            std::fs::write(&path, text.join(" ")).unwrap();
            let day = 1 + i % 28;
            std::fs::write(
                dir.join(format!("{i:05}.json")),
                format!(
                    r#"{{"published": "2022-11-{day:02}", "source": "Outlet {}", "url": "https://example.org/{i}"}}"#,
                    i % 40
                ),
            )
            .unwrap();
            path
        })
        .collect()
}

fn extract_corpus(files: &[PathBuf]) -> Dataset {
    let sources: Vec<Source> = files.iter().cloned().map(Source::File).collect();
    let outcomes = extract_all(
        &sources,
        1,
        true,
        &|_| {},
        &AtomicBool::new(false),
        &FetchOptions::default(),
        &|_| {},
    );
    let mut all = Dataset::default();
    for o in outcomes {
        append(&mut all, o.unwrap());
    }
    all
}

/// Reading and extracting on all cores, then merging reports across articles.
#[divan::bench(args = SIZES, sample_count = 3, sample_size = 1)]
fn extract_files(bencher: divan::Bencher, n: usize) {
    let dir = tempfile::tempdir().unwrap();
    let files = write_corpus(dir.path(), n);
    bencher.counter(ItemsCount::new(n)).bench(|| {
        let mut all = extract_corpus(&files);
        merge_across_articles(&mut all);
        all
    });
}

/// Adding the extracted corpus to a new library in one transaction.
#[divan::bench(args = SIZES, sample_count = 3, sample_size = 1)]
fn store_import(bencher: divan::Bencher, n: usize) {
    let dir = tempfile::tempdir().unwrap();
    let files = write_corpus(dir.path(), n);
    let all = extract_corpus(&files);
    let mut k = 0;
    bencher
        .counter(ItemsCount::new(n))
        .with_inputs(|| {
            k += 1;
            dir.path().join(format!("lib{k}.gpkg"))
        })
        .bench_local_values(|path| {
            let mut store = Store::open(&path).unwrap();
            store.import(&all).unwrap()
        });
}
