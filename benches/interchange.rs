//! Importing a GDELT 2.0 events export and exporting the events. Target: 100,000 GDELT rows
//! imported in ≤ 2 s.
//!
//!     cargo bench --no-default-features --bench interchange
//!
//! The rows are the 300 of the fixture (`tests/data/gdelt`), repeated with each copy's event
//! id, date, coordinates and source URL changed, so places, parties and articles grow as in a
//! real day of exports (about a third of the URLs are new in each copy).

use divan::counter::ItemsCount;
use newsmap::interchange::{ImportFormat, import_bytes, to_csv, to_geojson};
use newsmap::model::Dataset;

fn main() {
    divan::main();
}

const SIZES: &[usize] = &[10_000, 100_000];

/// `n` GDELT rows made from the fixture's.
fn gdelt_rows(n: usize) -> String {
    let fixture = include_str!("../tests/data/gdelt/20250807220000.export.sample.csv");
    let rows: Vec<Vec<&str>> = fixture.lines().map(|l| l.split('\t').collect()).collect();
    let mut out = String::with_capacity(n * 1300);
    for i in 0..n {
        let copy = i / rows.len();
        let mut f: Vec<String> = rows[i % rows.len()].iter().map(|s| s.to_string()).collect();
        f[0] = format!("{}", 2_000_000_000u64 + i as u64);
        // Days spread over a year.
        let day = 1 + (copy % 28);
        let month = 1 + (copy / 28) % 12;
        f[1] = format!("2025{month:02}{day:02}");
        // Coordinates moved a little per copy: new places.
        if let (Ok(lat), Ok(lon)) = (f[56].parse::<f64>(), f[57].parse::<f64>()) {
            let shift = (copy % 50) as f64 * 0.01;
            f[56] = format!("{:.4}", (lat + shift).clamp(-90.0, 90.0));
            f[57] = format!("{:.4}", (lon + shift).clamp(-180.0, 180.0));
            f[58] = format!("{}-{copy}", f[58]);
        }
        if i % 3 == 0 {
            f[60] = format!("{}?copy={copy}", f[60]);
        }
        out.push_str(&f.join("\t"));
        out.push('\n');
    }
    out
}

#[divan::bench(args = SIZES, sample_count = 5)]
fn import_gdelt(bencher: divan::Bencher, n: usize) {
    let text = gdelt_rows(n);
    bencher
        .counter(ItemsCount::new(n))
        .bench(|| import_bytes(text.as_bytes(), "bench.csv", ImportFormat::Gdelt).unwrap());
}

fn imported(n: usize) -> Dataset {
    import_bytes(gdelt_rows(n).as_bytes(), "bench.csv", ImportFormat::Gdelt)
        .unwrap()
        .dataset
}

#[divan::bench(args = SIZES, sample_count = 5)]
fn export_geojson(bencher: divan::Bencher, n: usize) {
    let ds = imported(n);
    bencher
        .counter(ItemsCount::new(ds.events.len()))
        .bench(|| to_geojson(&ds));
}

#[divan::bench(args = SIZES, sample_count = 5)]
fn export_csv(bencher: divan::Bencher, n: usize) {
    let ds = imported(n);
    bencher
        .counter(ItemsCount::new(ds.events.len()))
        .bench(|| to_csv(&ds).unwrap());
}
