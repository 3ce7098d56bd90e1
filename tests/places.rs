//! Place recognition on the seed article against its reviewed dataset (`data/seed.json`).

use newsmap::extract::places::{capital_metonyms, find_demonyms, find_places};
use newsmap::geodata::gazetteer::Gazetteer;
use serde_json::Value;
use std::collections::BTreeSet;

const SEED_TEXT: &str = include_str!("../seeds/2022-11-13-japan-south-korea-summit.txt");
const SEED_DATASET: &str = include_str!("../data/seed.json");

/// `(start, end, expected key)` for every place mention the reviewed dataset lists.
fn reviewed_mentions() -> Vec<(usize, usize, String)> {
    let dataset: Value = serde_json::from_str(SEED_DATASET).expect("seed dataset is JSON");
    let mut out = Vec::new();
    for place in dataset["places"].as_array().expect("places") {
        let key = match (place["kind"].as_str(), place["country"].as_str()) {
            (Some("country"), Some(cc)) => format!("country:{cc}"),
            _ => format!("feature:{}", place["id"].as_str().expect("id")),
        };
        for m in place["mentions"].as_array().into_iter().flatten() {
            let span = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            out.push((span.0, span.1, key.clone()));
        }
    }
    out
}

#[test]
fn seed_article_yields_every_reviewed_place_and_nothing_else() {
    let gaz = Gazetteer::embedded();
    let hits = find_places(SEED_TEXT, gaz);
    let found: BTreeSet<(usize, usize, String)> = hits
        .iter()
        .map(|h| (h.span.start, h.span.end, h.key.clone()))
        .collect();
    let expected: BTreeSet<(usize, usize, String)> = reviewed_mentions().into_iter().collect();
    let missing: Vec<_> = expected
        .difference(&found)
        .map(|(s, e, k)| (&SEED_TEXT[*s..*e], k))
        .collect();
    let extra: Vec<_> = found
        .difference(&expected)
        .map(|(s, e, k)| (&SEED_TEXT[*s..*e], k))
        .collect();
    assert!(missing.is_empty(), "missing: {missing:?}");
    assert!(extra.is_empty(), "not in the reviewed dataset: {extra:?}");
    // Sorted by start; spans never partly overlap (a group name repeats one span exactly).
    for pair in hits.windows(2) {
        assert!(pair[0].span.start <= pair[1].span.start);
        assert!(pair[0].span.end <= pair[1].span.start || pair[0].span == pair[1].span);
    }
    let nll = hits.iter().find(|h| h.key == "feature:nll").expect("NLL");
    assert_eq!(
        nll.geometry.as_ref().and_then(|g| g["type"].as_str()),
        Some("MultiLineString")
    );
}

#[test]
fn seed_demonyms_are_parties_not_places() {
    let gaz = Gazetteer::embedded();
    let places = find_places(SEED_TEXT, gaz);
    let demonyms = find_demonyms(SEED_TEXT, gaz);
    let words: Vec<(&str, &str)> = demonyms
        .iter()
        .map(|d| (&SEED_TEXT[d.span.start..d.span.end], d.country.as_str()))
        .collect();
    assert!(words.contains(&("South Korean", "KR")), "{words:?}");
    assert!(words.contains(&("Japanese", "JP")), "{words:?}");
    assert!(words.contains(&("South Koreans", "KR")), "{words:?}");
    for d in &demonyms {
        assert!(
            places
                .iter()
                .all(|p| p.span.end <= d.span.start || d.span.end <= p.span.start),
            "demonym {:?} overlaps a place",
            &SEED_TEXT[d.span.start..d.span.end]
        );
    }
    for pair in demonyms.windows(2) {
        assert!(pair[0].span.end <= pair[1].span.start);
    }
}

#[test]
fn seed_has_no_capital_metonyms() {
    // The seed names no capital city; the helper must not invent any.
    let gaz = Gazetteer::embedded();
    assert!(capital_metonyms(SEED_TEXT, &find_places(SEED_TEXT, gaz), gaz).is_empty());
}

/// Ray casting: is (lon, lat) inside the closed ring?
fn inside_ring(lon: f64, lat: f64, ring: &[[f32; 2]]) -> bool {
    let mut inside = false;
    for pair in ring.windows(2) {
        let ([x1, y1], [x2, y2]) = (pair[0].map(f64::from), pair[1].map(f64::from));
        if (y1 > lat) != (y2 > lat) && lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1) {
            inside = !inside;
        }
    }
    inside
}

#[test]
fn country_points_lie_inside_their_countries() {
    let gaz = Gazetteer::embedded();
    let basemap = newsmap::geodata::basemap::Basemap::embedded();
    let mut checked = 0;
    for country in basemap.countries.iter().filter(|c| !c.iso_a2.is_empty()) {
        let Some(info) = gaz.country(&country.iso_a2) else {
            continue;
        };
        let inside = country.polygons.iter().any(|p| {
            let mut rings = p.rings.iter().map(|r| basemap.ring_points(r));
            rings
                .next()
                .is_some_and(|outer| inside_ring(info.lon, info.lat, &outer))
                && !rings.any(|hole| inside_ring(info.lon, info.lat, &hole))
        });
        assert!(
            inside,
            "{} point {:?} is outside",
            info.iso2,
            (info.lat, info.lon)
        );
        checked += 1;
    }
    assert!(checked > 200, "{checked}");
    // Conventional points where they lie inside (CIA World Factbook: Russia 60N 100E), national
    // centres where an agency publishes one (contiguous US: 39°50′N 98°35′W).
    let ru = gaz.country("RU").unwrap();
    assert_eq!((ru.lat, ru.lon), (60.0, 100.0));
    let us = gaz.country("US").unwrap();
    assert!(
        (us.lat - 39.833).abs() < 0.01 && (us.lon + 98.583).abs() < 0.01,
        "{us:?}"
    );
}
