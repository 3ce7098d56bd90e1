//! Synthetic datasets for benchmarks and scale tests (`newsmap --synthetic N` shows one):
//! many events over fewer places, most of them in East Asia, dated 2000–2024.

use crate::model::{
    Article, Dataset, DateRange, Event, EventKind, Evidence, PartialDate, Place, PlaceKind,
};

/// A small deterministic PRNG (splitmix64), so runs are repeatable without a dependency.
pub struct SplitMix(u64);

impl SplitMix {
    /// Seeded generator.
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// Next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in [lo, hi).
    pub fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }
}

/// A dataset of `events` events spread over `places` places (80% in East Asia).
pub fn dataset(events: usize, places: usize, seed: u64) -> Dataset {
    let mut rng = SplitMix::new(seed);
    let text = "Synthetic article: generated for benchmarks.".to_owned();
    let mut ds = Dataset::new();
    ds.articles.push(Article {
        id: "a1".into(),
        title: "Synthetic events".into(),
        source: "newsmap synthetic generator".into(),
        url: None,
        author: None,
        published: None,
        language: "en".into(),
        text: Some(text.clone()),
        text_path: None,
        syndicates: None,
    });
    for i in 0..places.max(1) {
        let (lon, lat) = if rng.unit() < 0.8 {
            (rng.range(100.0, 145.0), rng.range(20.0, 45.0))
        } else {
            (rng.range(-180.0, 180.0), rng.range(-60.0, 70.0))
        };
        ds.places.push(Place {
            id: format!("p{i}"),
            name: format!("Place {i}"),
            kind: PlaceKind::City,
            lat,
            lon,
            country: None,
            geometry: None,
            source: Some("synthetic".into()),
            mentions: Vec::new(),
        });
    }
    for i in 0..events {
        let place = (rng.next_u64() % places.max(1) as u64) as usize;
        let kind = EventKind::ALL[(rng.next_u64() % 16) as usize];
        let year = 2000 + (rng.next_u64() % 25) as i16;
        let month = 1 + (rng.next_u64() % 12) as i8;
        let day = 1 + (rng.next_u64() % 28) as i8;
        let start = PartialDate {
            year,
            month: Some(month),
            day: Some(day),
        };
        let date = if rng.unit() < 0.9 {
            DateRange {
                start: Some(start),
                end: Some(start),
                phrase: None,
            }
        } else {
            DateRange {
                start: Some(PartialDate::month(year, month)),
                end: Some(PartialDate::month(year, month)),
                phrase: None,
            }
        };
        ds.events.push(Event {
            id: format!("e{i}"),
            article: Some("a1".into()),
            sources: Vec::new(),
            kind,
            mode: None,
            title: format!("Synthetic event {i}"),
            date: Some(date),
            place: Some(format!("p{place}")),
            geo_precision: None,
            parties: Vec::new(),
            quotes: Vec::new(),
            evidence: vec![Evidence {
                article: None,
                start: 0,
                end: text.len(),
            }],
            extracted: true,
            actors: Vec::new(),
            targets: Vec::new(),
            main: false,
            why: None,
            reports: Vec::new(),
            confidence: Some(0.5),
        });
    }
    ds
}
