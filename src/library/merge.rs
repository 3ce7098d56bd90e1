//! One event, many reports: events from different articles that describe the same real-world
//! event become one event that cites every report.
//!
//! Two reports are the same event when all of these hold, and the reason is kept so the panel
//! can say why they were joined:
//! - **kind**: the same PLOVER type (or both incidents);
//! - **time**: their date ranges overlap, each known to within a week (an open "before 13 Nov"
//!   range matches nothing: it could be any earlier event);
//! - **place**: the same place, one inside the other (a city in its country), or within 50 km;
//!   a report without a place only joins on shared parties;
//! - **parties**: at least one shared party (by name, or a state by its country), unless both
//!   name none and their places are the same.
//!
//! Merging is reversible: a split is stored as a pair that must never be joined again.

use std::collections::HashMap;

use crate::model::{Dataset, Event, EventKind, Evidence, IdMaps, PartyKind, Place, Report};

/// Places this close are the same place for merging.
pub const NEAR_KM: f64 = 50.0;
/// Dates vaguer than this (in days) do not join reports: "in March" could be many events.
pub const MAX_RANGE_DAYS: i32 = 7;

/// What merging compares of one report.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// The event's kind.
    pub kind: EventKind,
    /// First and last day (day numbers), when both are known.
    pub days: Option<(i32, i32)>,
    /// The place: name, point, kind and country.
    pub place: Option<PlaceSummary>,
    /// Party keys: "state:JP", "person:fumio kishida", "org:…".
    pub parties: Vec<(String, String)>,
}

/// What merging compares of a place.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceSummary {
    /// Display name.
    pub name: String,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// A country (a place inside it matches it).
    pub is_country: bool,
    /// ISO code of the country it lies in.
    pub country: Option<String>,
}

impl PlaceSummary {
    /// From a dataset place.
    pub fn of(p: &Place) -> Self {
        Self {
            name: p.name.clone(),
            lat: p.lat,
            lon: p.lon,
            is_country: p.kind == crate::model::PlaceKind::Country,
            country: p.country.clone(),
        }
    }
}

/// The key merging uses for a party: kind and name, a state by its country.
pub fn party_key(kind: PartyKind, name: &str, country: Option<&str>) -> String {
    match (kind, country) {
        (PartyKind::State, Some(cc)) => format!("state:{cc}"),
        _ => format!("{}:{}", kind.label(), name.to_lowercase()),
    }
}

impl Summary {
    /// The summary of event `e` of a dataset.
    pub fn of(ds: &Dataset, ids: &IdMaps, e: &Event) -> Self {
        let days = e
            .date
            .as_ref()
            .and_then(|d| Some((d.first_day()?, d.last_day()?)))
            .map(|(a, b)| (crate::model::day_number(a), crate::model::day_number(b)));
        let place = ds.event_place(e, ids).map(PlaceSummary::of);
        let parties = e
            .parties
            .iter()
            .filter_map(|p| ids.parties.get(p).map(|&i| &ds.parties[i]))
            .map(|p| {
                (
                    party_key(p.kind, &p.name, p.country.as_deref()),
                    p.name.clone(),
                )
            })
            .collect();
        Self {
            kind: e.kind,
            days,
            place,
            parties,
        }
    }
}

/// Why two reports are one event, or `None` when they are not.
pub fn same_event(a: &Summary, b: &Summary) -> Option<String> {
    if a.kind != b.kind {
        return None;
    }
    let ((a0, a1), (b0, b1)) = (a.days?, b.days?);
    if a1 - a0 > MAX_RANGE_DAYS || b1 - b0 > MAX_RANGE_DAYS || a0 > b1 || b0 > a1 {
        return None;
    }
    let when = if (a0, a1) == (b0, b1) && a0 == a1 {
        "the same day".to_owned()
    } else {
        "overlapping dates".to_owned()
    };
    let shared: Vec<&str> = a
        .parties
        .iter()
        .filter(|(k, _)| b.parties.iter().any(|(l, _)| l == k))
        .map(|(_, n)| n.as_str())
        .collect();
    let place = match (&a.place, &b.place) {
        (Some(x), Some(y)) => Some(place_relation(x, y)?),
        _ => None,
    };
    if shared.is_empty() && !(a.parties.is_empty() && b.parties.is_empty() && place.is_some()) {
        return None;
    }
    let mut why = vec![format!("same kind ({})", a.kind.code()), when];
    if let Some(p) = place {
        why.push(p);
    }
    if !shared.is_empty() {
        why.push(format!("shared parties: {}", shared.join(", ")));
    }
    Some(why.join("; "))
}

/// How two places fit together, or `None` when they cannot be one event's place.
fn place_relation(x: &PlaceSummary, y: &PlaceSummary) -> Option<String> {
    if x.name == y.name {
        return Some(format!("same place ({})", x.name));
    }
    use geo::{Distance, Haversine, Point};
    let km = Haversine.distance(Point::new(x.lon, x.lat), Point::new(y.lon, y.lat)) / 1000.0;
    if km <= NEAR_KM {
        return Some(format!("places {km:.0} km apart ({}, {})", x.name, y.name));
    }
    let inside = |outer: &PlaceSummary, inner: &PlaceSummary| {
        outer.is_country && inner.country.is_some() && inner.country == outer.country
    };
    if inside(x, y) {
        return Some(format!("{} lies in {}", y.name, x.name));
    }
    if inside(y, x) {
        return Some(format!("{} lies in {}", x.name, y.name));
    }
    None
}

/// Merges the events of different articles of one dataset that are the same event: the first
/// report's event stays and takes the others' articles, evidence, parties and quotes, and lists
/// every report with why it was joined. Events of one article are already merged by the
/// extractor and are not joined here. Returns how many events were merged away.
pub fn merge_across_articles(ds: &mut Dataset) -> usize {
    let ids = IdMaps::new(ds);
    let summaries: Vec<Summary> = ds.events.iter().map(|e| Summary::of(ds, &ids, e)).collect();
    // Cluster greedily in order: each event joins the first earlier cluster it matches.
    let mut cluster_of: Vec<usize> = (0..ds.events.len()).collect();
    let mut reasons: HashMap<usize, String> = HashMap::new();
    for i in 0..ds.events.len() {
        let ai = ds.events[i].primary_article().map(str::to_owned);
        for j in 0..i {
            if cluster_of[j] != j {
                continue; // only cluster heads
            }
            let head_articles: Vec<&str> = (0..i)
                .filter(|&k| cluster_of[k] == j)
                .filter_map(|k| ds.events[k].primary_article())
                .collect();
            if ai.as_deref().is_some_and(|a| head_articles.contains(&a)) {
                continue;
            }
            if let Some(why) = same_event(&summaries[j], &summaries[i]) {
                cluster_of[i] = j;
                reasons.insert(i, why);
                break;
            }
        }
    }
    let mut merged_away = 0;
    let mut out: Vec<Event> = Vec::with_capacity(ds.events.len());
    let mut index_of_head: HashMap<usize, usize> = HashMap::new();
    for (i, e) in ds.events.iter().enumerate() {
        let head = cluster_of[i];
        if head == i {
            index_of_head.insert(i, out.len());
            out.push(e.clone());
            continue;
        }
        merged_away += 1;
        let target = &mut out[index_of_head[&head]];
        absorb(target, e, reasons.remove(&i));
    }
    ds.events = out;
    merged_away
}

/// Makes `target` cite the report `e` too.
pub fn absorb(target: &mut Event, e: &Event, why: Option<String>) {
    if target.reports.is_empty() {
        target.reports.push(Report {
            article: target.primary_article().unwrap_or_default().to_owned(),
            title: target.title.clone(),
            merged: None,
        });
    }
    let primary = target.primary_article().map(str::to_owned);
    if target.sources.is_empty() {
        if let Some(a) = target.article.take() {
            target.sources.push(a);
        }
        // Evidence of a single-article event names no article: now that there are several,
        // each names its own.
        for ev in &mut target.evidence {
            if ev.article.is_none() {
                ev.article = primary.clone();
            }
        }
    }
    let article = e.primary_article().unwrap_or_default().to_owned();
    if !target.sources.contains(&article) {
        target.sources.push(article.clone());
    }
    for ev in &e.evidence {
        target.evidence.push(Evidence {
            article: Some(ev.article.clone().unwrap_or_else(|| article.clone())),
            start: ev.start,
            end: ev.end,
        });
    }
    for p in &e.parties {
        if !target.parties.contains(p) {
            target.parties.push(p.clone());
        }
    }
    for (mine, theirs) in [
        (&mut target.actors, &e.actors),
        (&mut target.targets, &e.targets),
        (&mut target.quotes, &e.quotes),
    ] {
        for x in theirs {
            if !mine.contains(x) {
                mine.push(x.clone());
            }
        }
    }
    if target.place.is_none() && e.place.is_some() {
        target.place = e.place.clone();
        target.geo_precision = e.geo_precision;
    }
    target.confidence = match (target.confidence, e.confidence) {
        (Some(a), Some(b)) => Some((a.max(b) + CORROBORATION).min(1.0)),
        (a, b) => a.or(b),
    };
    target.main |= e.main;
    target.reports.push(Report {
        article,
        title: e.title.clone(),
        merged: why,
    });
}

/// Confidence gained from each further source that reports the event.
pub const CORROBORATION: f32 = 0.05;

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(
        kind: EventKind,
        days: (i32, i32),
        place: Option<(&str, f64, f64)>,
        parties: &[&str],
    ) -> Summary {
        Summary {
            kind,
            days: Some(days),
            place: place.map(|(n, lat, lon)| PlaceSummary {
                name: n.to_owned(),
                lat,
                lon,
                is_country: false,
                country: None,
            }),
            parties: parties
                .iter()
                .map(|p| (p.to_string(), p.to_string()))
                .collect(),
        }
    }

    #[test]
    fn same_kind_day_place_and_parties_join_with_a_reason() {
        let a = summary(
            EventKind::Consult,
            (10, 10),
            Some(("Phnom Penh", 11.55, 104.92)),
            &["state:JP", "state:KR"],
        );
        let b = summary(
            EventKind::Consult,
            (10, 10),
            Some(("Phnom Penh", 11.56, 104.91)),
            &["state:KR"],
        );
        let why = same_event(&a, &b).expect("the same meeting");
        assert!(
            why.contains("same kind (CONSULT)") && why.contains("same day"),
            "{why}"
        );
        assert!(why.contains("shared parties: state:KR"), "{why}");
    }

    #[test]
    fn different_kind_day_place_or_parties_stay_apart() {
        let a = summary(
            EventKind::Consult,
            (10, 10),
            Some(("Phnom Penh", 11.55, 104.92)),
            &["state:JP"],
        );
        assert!(
            same_event(
                &a,
                &summary(EventKind::Accuse, (10, 10), None, &["state:JP"])
            )
            .is_none()
        );
        assert!(
            same_event(
                &a,
                &summary(EventKind::Consult, (12, 12), None, &["state:JP"])
            )
            .is_none()
        );
        assert!(
            same_event(
                &a,
                &summary(
                    EventKind::Consult,
                    (10, 10),
                    Some(("Hanoi", 21.03, 105.85)),
                    &["state:JP"]
                )
            )
            .is_none()
        );
        assert!(
            same_event(
                &a,
                &summary(EventKind::Consult, (10, 10), None, &["state:CN"])
            )
            .is_none()
        );
        assert!(
            same_event(
                &a,
                &summary(EventKind::Consult, (0, 30), None, &["state:JP"])
            )
            .is_none(),
            "a month is too vague"
        );
    }
}
