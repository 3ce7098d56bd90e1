//! One event, many reports: events from different articles that describe the same real-world
//! event become one event that cites every report.
//!
//! Two reports are the same event when all of these hold, and the reason is kept so the panel
//! can say why they were joined:
//! - **kind**: the same PLOVER type (or both incidents); an assault and a coercion (a raid, a
//!   crackdown) may be one operation when they share a place and dates;
//! - **time**: their windows overlap. A report's window is its date range when that is known to
//!   within a week; a report without a date (a statement about "the attack") gets the
//!   [`UNDATED_DAYS`] days up to its article's publication, as news is about the last few days.
//!   A vaguer range ("in March", "before 13 Nov") joins nothing: it could be any event;
//! - **place**: places that are far apart and not one inside the other never join. Then either
//!   the same place or places within 50 km join; or a shared party (by name, or a state by its
//!   country) joins two dated reports whose places agree or are unknown, and two undated ones
//!   only with agreeing places.
//!
//! Merging is reversible: a split is stored as a pair that must never be joined again.

use std::collections::HashMap;

use crate::model::{Dataset, Event, EventKind, Evidence, IdMaps, Party, PartyKind, Place, Report};

/// The clusters of a dataset's events.
#[derive(Clone, Debug, Default)]
pub struct Clusters {
    /// For each event (by index), the index of its cluster's first event (itself if first).
    pub head: Vec<usize>,
    /// For each joined event, why.
    pub why: HashMap<usize, String>,
}

/// Places this close are the same place for merging.
pub const NEAR_KM: f64 = 50.0;
/// Dates vaguer than this (in days) do not join reports: "in March" could be many events.
pub const MAX_RANGE_DAYS: i32 = 7;
/// An undated report is taken to be about the days up to this many before its publication.
pub const UNDATED_DAYS: i32 = 3;

/// What merging compares of one report.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// The event's kind.
    pub kind: EventKind,
    /// First and last day (day numbers), when both are known.
    pub days: Option<(i32, i32)>,
    /// The days it can be about, for matching (see the module docs); `None` joins nothing.
    pub window: Option<(i32, i32)>,
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
    /// Only approximately the event's place (precision 3: a dateline, the lede, the parties'
    /// country): never enough alone to call two reports one event.
    pub approximate: bool,
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
            approximate: false,
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
        let published = e
            .primary_article()
            .and_then(|a| ids.articles.get(a))
            .and_then(|&i| ds.articles[i].published)
            .map(crate::model::day_number);
        let window = match days {
            Some((a, b)) if b - a <= MAX_RANGE_DAYS => Some((a, b)),
            Some(_) => None,
            // A day ahead: an event in Asia is "tomorrow" to a paper in America.
            None => published.map(|p| (p - UNDATED_DAYS, p + 1)),
        };
        let place = ds.event_place(e, ids).map(|p| PlaceSummary {
            approximate: e.geo_precision == Some(3),
            ..PlaceSummary::of(p)
        });
        let mut parties: Vec<(String, String)> = Vec::new();
        for p in e
            .parties
            .iter()
            .filter_map(|p| ids.parties.get(p).map(|&i| &ds.parties[i]))
        {
            parties.push((
                party_key(p.kind, &p.name, p.country.as_deref()),
                p.name.clone(),
            ));
            // "Iraqi security forces", "Army of Colombia": a state's own body acts for it, so
            // it shares the state with reports that name the state.
            if let Some(cc) = p.country.as_deref()
                && p.kind == PartyKind::Organization
                && crate::model::is_state_body(&p.name)
            {
                let key = party_key(PartyKind::State, "", Some(cc));
                if !parties.iter().any(|(k, _)| *k == key) {
                    parties.push((key, cc.to_owned()));
                }
            }
            // "Al-Shabab militants": the fighters of a group the report names are that group,
            // as another report's "al-Shabaab" is.
            if let Some(org) = fighters_of(ds, p) {
                let key = party_key(PartyKind::Organization, &org.name, None);
                if !parties.iter().any(|(k, _)| *k == key) {
                    parties.push((key, org.name.clone()));
                }
            }
        }
        Self {
            kind: e.kind,
            days,
            window,
            place,
            parties,
        }
    }
}

/// The organisation of the same dataset whose fighters a group party is: "Al-Shabab
/// militants" and the organisation "al-Shabaab" (alias "al-Shabab").
fn fighters_of<'d>(ds: &'d Dataset, p: &Party) -> Option<&'d Party> {
    const FIGHTERS: &[&str] = &[
        "militants",
        "fighters",
        "gunmen",
        "rebels",
        "insurgents",
        "forces",
        "troops",
    ];
    if p.kind != PartyKind::Group {
        return None;
    }
    let (head, last) = p.name.trim().rsplit_once(' ')?;
    if !FIGHTERS.iter().any(|f| f.eq_ignore_ascii_case(last)) {
        return None;
    }
    let head = head.trim();
    ds.parties.iter().find(|o| {
        o.kind == PartyKind::Organization
            && std::iter::once(&o.name)
                .chain(&o.aliases)
                .any(|n| n.eq_ignore_ascii_case(head))
    })
}

/// Kinds that happen somewhere (fighting, a disaster, a protest, a meeting), as against things
/// said (accusations, threats, requests): a statement's place is where it was made, or where
/// it is about, and says little about which statement it is, so said things join only on
/// shared parties.
pub fn happens_somewhere(kind: EventKind) -> bool {
    use EventKind::*;
    matches!(
        kind,
        Consult | Aid | Retreat | Protest | Mobilize | Coerce | Assault | Incident
    )
}

/// Kinds that one real event may be reported as, besides its own.
pub fn related_kinds(kind: EventKind) -> &'static [EventKind] {
    match kind {
        EventKind::Assault => &[EventKind::Coerce],
        EventKind::Coerce => &[EventKind::Assault],
        _ => &[],
    }
}

/// Why two reports are one event, or `None` when they are not.
pub fn same_event(a: &Summary, b: &Summary) -> Option<String> {
    let same_kind = a.kind == b.kind;
    if !same_kind && !related_kinds(a.kind).contains(&b.kind) {
        return None;
    }
    let ((a0, a1), (b0, b1)) = (a.window?, b.window?);
    let dated = a.days.is_some() && b.days.is_some();
    // Reports a day apart of fighting in one place are one operation's days.
    let slack = i32::from(dated && happens_somewhere(a.kind));
    if a0 > b1 + slack || b0 > a1 + slack {
        return None;
    }
    let when = if !dated {
        "reported within days of each other".to_owned()
    } else if (a0, a1) == (b0, b1) && a0 == a1 {
        "the same day".to_owned()
    } else if a0 > b1 || b0 > a1 {
        "on consecutive days".to_owned()
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
    let close = place.as_ref().is_some_and(|(_, close)| *close) && happens_somewhere(a.kind);
    let adjacent = a0 > b1 || b0 > a1;
    if adjacent && !close {
        return None;
    }
    let one_day = dated && a.days == b.days && a0 == a1;
    let joins = if !same_kind {
        close && dated
    } else if dated {
        close
            || !shared.is_empty()
            // A city and its country on one day: the city-level report is the same event.
            || (one_day
                && place.is_some()
                && happens_somewhere(a.kind)
                // Not when either place was only inferred (a dateline, the parties' country).
                && !a.place.as_ref().is_some_and(|p| p.approximate || p.is_country && b.place.as_ref().is_some_and(|q| q.is_country))
                && !b.place.as_ref().is_some_and(|p| p.approximate))
    } else {
        let inferred = a.place.as_ref().is_some_and(|p| p.approximate)
            || b.place.as_ref().is_some_and(|p| p.approximate);
        // A named person sets an undated report of violence apart: "Saipov shot" in New York
        // is not the attack in New York unless they share someone.
        let person = |x: &Summary| x.parties.iter().any(|(k, _)| k.starts_with("person:"));
        let apart = shared.is_empty()
            && matches!(a.kind, EventKind::Assault | EventKind::Coerce)
            && (person(a) || person(b));
        close && !apart || (place.is_some() && !inferred && !shared.is_empty())
    };
    if !joins {
        return None;
    }
    let mut why = vec![
        if same_kind {
            format!("same kind ({})", a.kind.code())
        } else {
            format!("related kinds ({}, {})", a.kind.code(), b.kind.code())
        },
        when,
    ];
    if let Some((p, _)) = place {
        why.push(p);
    }
    if !shared.is_empty() {
        why.push(format!("shared parties: {}", shared.join(", ")));
    }
    Some(why.join("; "))
}

/// How two places fit together — and whether they are close (the same place, or within
/// [`NEAR_KM`]) rather than one inside the other — or `None` when they cannot be one event's
/// place.
fn place_relation(x: &PlaceSummary, y: &PlaceSummary) -> Option<(String, bool)> {
    // A whole country is no meeting point: two protests "in Egypt" may be a city apart.
    if x.name == y.name {
        return Some((format!("same place ({})", x.name), !x.is_country));
    }
    use geo::{Distance, Haversine, Point};
    let km = Haversine.distance(Point::new(x.lon, x.lat), Point::new(y.lon, y.lat)) / 1000.0;
    if km <= NEAR_KM {
        return Some((
            format!("places {km:.0} km apart ({}, {})", x.name, y.name),
            true,
        ));
    }
    let inside = |outer: &PlaceSummary, inner: &PlaceSummary| {
        outer.is_country && inner.country.is_some() && inner.country == outer.country
    };
    if inside(x, y) {
        return Some((format!("{} lies in {}", y.name, x.name), false));
    }
    if inside(y, x) {
        return Some((format!("{} lies in {}", x.name, y.name), false));
    }
    None
}

/// Which events of a dataset are reports of one event: events of different articles that
/// [`same_event`] joins, each to the first earlier cluster it matches. Events of one article
/// are already merged by the extractor and are never joined here.
pub fn clusters(ds: &Dataset) -> Clusters {
    let ids = IdMaps::new(ds);
    let summaries: Vec<Summary> = ds.events.iter().map(|e| Summary::of(ds, &ids, e)).collect();
    // Cluster greedily in order: each event joins the first earlier cluster it matches. Heads
    // are found through (kind, day) buckets, as only events of one kind on overlapping days
    // can match: linear in the events instead of quadratic.
    let mut cluster_of: Vec<usize> = (0..ds.events.len()).collect();
    let mut reasons: HashMap<usize, String> = HashMap::new();
    let mut heads_on: HashMap<(EventKind, i32), Vec<usize>> = HashMap::new();
    let mut articles_of: HashMap<usize, Vec<String>> = HashMap::new();
    for i in 0..ds.events.len() {
        let ai = ds.events[i].primary_article().map(str::to_owned);
        let Some((d0, d1)) = summaries[i].window else {
            continue; // never joins, and nothing can join it
        };
        let kind = summaries[i].kind;
        let kinds: Vec<EventKind> = std::iter::once(kind)
            .chain(related_kinds(kind).iter().copied())
            .collect();
        // A day either side: see the slack in `same_event`.
        let mut candidates: Vec<usize> = (d0 - 1..=d1 + 1)
            .flat_map(|d| kinds.iter().map(move |&k| (k, d)))
            .filter_map(|key| heads_on.get(&key))
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let joined = candidates.into_iter().find_map(|j| {
            let same_article = ai
                .as_deref()
                .is_some_and(|a| articles_of[&j].iter().any(|b| b == a));
            if same_article {
                return None;
            }
            same_event(&summaries[j], &summaries[i]).map(|why| (j, why))
        });
        match joined {
            Some((j, why)) => {
                cluster_of[i] = j;
                reasons.insert(i, why);
                articles_of.entry(j).or_default().extend(ai);
            }
            None => {
                for d in d0..=d1 {
                    heads_on.entry((kind, d)).or_default().push(i);
                }
                articles_of.insert(i, ai.into_iter().collect());
            }
        }
    }
    Clusters {
        head: cluster_of,
        why: reasons,
    }
}

/// Merges the events of different articles of one dataset that are the same event (see
/// [`clusters`]): the first report's event stays and takes the others' articles, evidence,
/// parties and quotes, and lists every report with why it was joined. Returns how many events
/// were merged away.
pub fn merge_across_articles(ds: &mut Dataset) -> usize {
    let Clusters {
        head: cluster_of,
        why: mut reasons,
    } = clusters(ds);
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
            window: (days.1 - days.0 <= MAX_RANGE_DAYS).then_some(days),
            place: place.map(|(n, lat, lon)| PlaceSummary {
                name: n.to_owned(),
                lat,
                lon,
                is_country: false,
                country: None,
                approximate: false,
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

    #[test]
    fn an_undated_act_on_a_named_person_stays_apart_and_a_state_body_shares_its_state() {
        let nyc = Some(("New York City", 40.71, -74.0));
        let undated = |kind, parties: &[&str]| Summary {
            days: None,
            window: Some((100, 104)),
            ..summary(kind, (0, 0), nyc, parties)
        };
        let attack = undated(EventKind::Assault, &[]);
        let shot = undated(EventKind::Assault, &["person:sayfullo saipov"]);
        assert!(same_event(&attack, &shot).is_none());
        assert!(same_event(&attack, &undated(EventKind::Assault, &[])).is_some());
        // A quake named beside the leaders who spoke of it is still the quake.
        let quake = undated(EventKind::Incident, &[]);
        assert!(same_event(&quake, &undated(EventKind::Incident, &["person:obama"])).is_some());
        assert!(crate::model::is_state_body("Security Forces of Iraq"));
        assert!(crate::model::is_state_body(
            "Ministry of Foreign Affairs of Japan"
        ));
        assert!(!crate::model::is_state_body(
            "Revolutionary Armed Forces of Colombia"
        ));
    }

    #[test]
    fn a_named_groups_fighters_are_that_group() {
        let party = |name: &str, kind, aliases: &[&str]| Party {
            id: name.to_owned(),
            name: name.to_owned(),
            kind,
            country: None,
            role: None,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            mentions: Vec::new(),
        };
        let ds = Dataset {
            parties: vec![
                party("al-Shabaab", PartyKind::Organization, &["al-Shabab"]),
                party("Al-Shabab militants", PartyKind::Group, &[]),
                party("Kenyan troops", PartyKind::Group, &[]),
                party("al-Shabab supporters", PartyKind::Group, &[]),
            ],
            ..Default::default()
        };
        let of = |i: usize| fighters_of(&ds, &ds.parties[i]).map(|o| o.name.as_str());
        assert_eq!(of(1), Some("al-Shabaab"));
        assert_eq!(of(2), None, "no organisation of that name");
        assert_eq!(of(3), None, "supporters are not the fighters");
        assert_eq!(of(0), None, "only a group is someone's fighters");
    }
}
