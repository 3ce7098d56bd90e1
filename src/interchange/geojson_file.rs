//! GeoJSON (RFC 7946): newsmap's events out as a FeatureCollection, and FeatureCollections from
//! other tools in.
//!
//! Out: one feature per event, at its place's point, or the place's line or polygon when it has
//! one; an event without a place has a null geometry. Properties: `id`, `title`, `kind`
//! (PLOVER), `kind_label`, `mode`, `date_start`, `date_end` (as precise as known: "2022-11",
//! null for an open end), `date_label`, `time_precision` (ACLED's 1/2/3, null for longer
//! ranges), `time_precision_label`, `place`, `place_kind`, `place_lat`/`place_lon` (a point inside a line or area), `country`, `geo_precision`,
//! `parties` (`[{name, kind, role, country, office}]`, role actor/target/participant),
//! `quotes` (`[{text, speaker}]`), `sources` (`[{title, publisher, url, published}]`),
//! `confidence`, `extracted`.
//!
//! In: a feature's properties are matched by name, in any case: the title from `title`,
//! `name`, `headline`, `label` or `event`; the date from `date_start`/`date_end`,
//! `start_date`/`end_date`, `start`/`end`, `date`, `event_date`, `datetime`, `time`,
//! `timestamp` or `day` (ISO dates, timestamps, YYYY-MM, YYYY, or epoch seconds or
//! milliseconds); a feature without one is undated. The kind from `kind` or `event_type`
//! (PLOVER or ACLED types; INCIDENT for none or another word). Everything newsmap writes reads back.

use serde_json::{Map, Value, json};

use super::builder::{Builder, blank_article, blank_event};
use super::codes;
use super::{ImportReport, InterchangeError};
use crate::model::{
    Dataset, DateRange, IdMaps, Mode, PartialDate, Party, PartyKind, Place, PlaceKind,
    TimePrecision,
};

/// The dataset's events as a GeoJSON FeatureCollection (pretty-printed text).
pub fn to_geojson(ds: &Dataset) -> String {
    let ids = IdMaps::new(ds);
    let features: Vec<::geojson::Feature> =
        ds.events.iter().map(|e| feature(ds, &ids, e)).collect();
    let fc = ::geojson::FeatureCollection {
        bbox: None,
        features,
        foreign_members: None,
    };
    // Serialising plain data into a String cannot fail.
    serde_json::to_string_pretty(&fc).unwrap_or_default() + "\n"
}

fn feature(ds: &Dataset, ids: &IdMaps, e: &crate::model::Event) -> ::geojson::Feature {
    let place = ds.event_place(e, ids);
    let geometry = place.map(|p| {
        p.geometry
            .as_ref()
            .and_then(|g| serde_json::from_value::<::geojson::Geometry>(g.clone()).ok())
            .unwrap_or_else(|| ::geojson::Geometry::new_point([p.lon, p.lat]))
    });
    let mut props = Map::new();
    props.insert("id".into(), json!(e.id));
    props.insert("title".into(), json!(e.title));
    props.insert("kind".into(), json!(e.kind.code()));
    props.insert("kind_label".into(), json!(e.kind.label()));
    props.insert("mode".into(), json!(e.mode.map(mode_code)));
    let d = e.date.as_ref();
    props.insert(
        "date_start".into(),
        json!(d.and_then(|d| d.start).map(|s| s.to_string())),
    );
    props.insert(
        "date_end".into(),
        json!(d.and_then(|d| d.end).map(|s| s.to_string())),
    );
    props.insert(
        "date_label".into(),
        json!(d.map_or("date unknown".to_owned(), |d| d.label())),
    );
    let precision = d.map(DateRange::precision);
    props.insert(
        "time_precision".into(),
        json!(match precision {
            Some(TimePrecision::Day) => Some(1),
            Some(TimePrecision::Week) => Some(2),
            Some(TimePrecision::Month) => Some(3),
            _ => None,
        }),
    );
    props.insert(
        "time_precision_label".into(),
        json!(precision.map(TimePrecision::label)),
    );
    props.insert("place".into(), json!(place.map(|p| &p.name)));
    props.insert("place_kind".into(), json!(place.map(|p| p.kind.label())));
    // The place's representative point, also for a line or an area.
    props.insert("place_lat".into(), json!(place.map(|p| p.lat)));
    props.insert("place_lon".into(), json!(place.map(|p| p.lon)));
    props.insert(
        "country".into(),
        json!(place.and_then(|p| p.country.as_deref())),
    );
    props.insert("geo_precision".into(), json!(ds.geo_precision(e, ids)));
    let parties: Vec<Value> = e
        .parties
        .iter()
        .filter_map(|id| ids.parties.get(id).map(|&i| &ds.parties[i]))
        .map(|p| {
            let role = if e.actors.contains(&p.id) {
                "actor"
            } else if e.targets.contains(&p.id) {
                "target"
            } else {
                "participant"
            };
            json!({"name": p.name, "kind": p.kind.label(), "role": role,
                   "country": p.country, "office": p.role})
        })
        .collect();
    props.insert("parties".into(), Value::Array(parties));
    let quotes: Vec<Value> = e
        .quotes
        .iter()
        .filter_map(|id| ids.quotes.get(id).map(|&i| &ds.quotes[i]))
        .map(|q| {
            let speaker = q
                .speaker
                .as_ref()
                .and_then(|s| ids.parties.get(s))
                .map(|&i| ds.parties[i].name.clone());
            json!({"text": q.text, "speaker": speaker})
        })
        .collect();
    props.insert("quotes".into(), Value::Array(quotes));
    let sources: Vec<Value> = e
        .articles()
        .filter_map(|a| ids.articles.get(a).map(|&i| &ds.articles[i]))
        .map(|a| {
            json!({"title": a.title, "publisher": a.source, "url": a.url,
                   "published": a.published.map(|d| d.to_string())})
        })
        .collect();
    props.insert("sources".into(), Value::Array(sources));
    props.insert("confidence".into(), json!(e.confidence));
    props.insert("extracted".into(), json!(e.extracted));
    ::geojson::Feature {
        bbox: None,
        geometry,
        id: Some(::geojson::feature::Id::String(e.id.clone())),
        properties: Some(props),
        foreign_members: None,
    }
}

/// The mode as written in `newsmap/1` ("future", not the label "planned").
fn mode_code(m: Mode) -> &'static str {
    match m {
        Mode::Hypothetical => "hypothetical",
        Mode::Negated => "negated",
        Mode::Future => "future",
    }
}

/// Reads a FeatureCollection; features that cannot be read are skipped with their index.
pub(super) fn import(bytes: &[u8], report: &mut ImportReport) -> Result<Dataset, InterchangeError> {
    let file = report.file.clone();
    let invalid = |why: String| InterchangeError::Invalid {
        file: file.clone(),
        why,
    };
    let text = crate::model::text_from_bytes(bytes).map_err(|e| invalid(e.to_string()))?;
    let value: Value = serde_json::from_str(&text)
        .map_err(|e| invalid(format!("line {} column {}: {e}", e.line(), e.column())))?;
    if value.get("type").and_then(Value::as_str) != Some("FeatureCollection") {
        return Err(invalid(
            "is not a GeoJSON FeatureCollection (its \"type\" must be \"FeatureCollection\")"
                .to_owned(),
        ));
    }
    let Some(features) = value.get("features").and_then(Value::as_array) else {
        return Err(invalid("has no \"features\" array".to_owned()));
    };
    let mut b = Builder::default();
    for (i, f) in features.iter().enumerate() {
        report.rows += 1;
        if let Err(reason) = feature_in(&mut b, f, i) {
            report.skip(format!("features[{i}]"), reason);
        }
    }
    Ok(b.finish())
}

/// A property by any of `names`, in any case; null counts as absent.
fn prop<'a>(props: &'a Map<String, Value>, names: &[&str]) -> Option<&'a Value> {
    names.iter().find_map(|n| {
        props
            .iter()
            .find(|(k, v)| k.eq_ignore_ascii_case(n) && !v.is_null())
            .map(|(_, v)| v)
    })
}

fn prop_str<'a>(props: &'a Map<String, Value>, names: &[&str]) -> Option<&'a str> {
    prop(props, names)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

fn feature_in(b: &mut Builder, f: &Value, i: usize) -> Result<(), String> {
    if f.get("type").and_then(Value::as_str) != Some("Feature") {
        return Err("is not a Feature".to_owned());
    }
    let empty = Map::new();
    let props = match f.get("properties") {
        Some(Value::Object(m)) => m,
        None | Some(Value::Null) => &empty,
        Some(_) => return Err("\"properties\" is not an object".to_owned()),
    };
    // When: a range from start/end properties, else one date property.
    let start = prop(props, &["date_start", "start_date", "start", "begin"]);
    let end = prop(props, &["date_end", "end_date", "end"]);
    let date = if start.is_some() || end.is_some() {
        let s = start.map(|v| date_value(v, "start")).transpose()?.flatten();
        let z = end.map(|v| date_value(v, "end")).transpose()?.flatten();
        if let (Some(s), Some(z)) = (s, z)
            && s.first_day() > z.last_day()
        {
            return Err(format!("date_start {s} is after date_end {z}"));
        }
        (s.is_some() || z.is_some()).then_some(DateRange {
            start: s,
            end: z,
            phrase: None,
        })
    } else {
        match prop(
            props,
            &[
                "date",
                "event_date",
                "datetime",
                "time",
                "timestamp",
                "day",
                "when",
            ],
        ) {
            Some(v) => date_value(v, "date")?.map(|d| DateRange {
                start: Some(d),
                end: Some(d),
                phrase: None,
            }),
            None => None,
        }
    };
    // What.
    // A kind that is neither PLOVER nor ACLED (another tool's own word) makes an INCIDENT;
    // the word stays in the source line.
    let kind_text = prop_str(props, &["kind", "plover", "event_type"]);
    let sub = prop_str(props, &["sub_event_type"]).unwrap_or("");
    let kind = kind_text
        .and_then(|k| codes::plover_kind(k).or_else(|| codes::acled_to_plover(k, sub)))
        .unwrap_or(crate::model::EventKind::Incident);
    let mode = match prop_str(props, &["mode"]).map(str::to_lowercase).as_deref() {
        None => None,
        Some("hypothetical") => Some(Mode::Hypothetical),
        Some("negated") => Some(Mode::Negated),
        Some("future" | "planned") => Some(Mode::Future),
        Some(other) => {
            return Err(format!(
                "mode \"{}\" is not hypothetical, negated or future",
                crate::model::shorten(other, 40)
            ));
        }
    };
    let title = prop_str(props, &["title", "name", "headline", "label", "event"])
        .map(str::to_owned)
        .unwrap_or_else(|| format!("Feature {i}"));
    // Where.
    let place = match f.get("geometry") {
        None | Some(Value::Null) => None,
        Some(g) => Some(place_of(b, g, props)?),
    };
    let geo_precision = match prop(props, &["geo_precision"]) {
        None => None,
        Some(v) => match v
            .as_u64()
            .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
        {
            Some(g @ 1..=3) => Some(g as u8),
            _ => return Err(format!("geo_precision {v} is not 1, 2 or 3")),
        },
    };
    // Sources: one article per distinct source; a feature without any gets one of its own.
    let mut articles = Vec::new();
    if let Some(Value::Array(list)) = prop(props, &["sources"]) {
        for s in list {
            let (title, publisher, url, published) = match s {
                Value::String(u) => (u.clone(), String::new(), Some(u.clone()), None),
                Value::Object(o) => {
                    let get = |k: &str| o.get(k).and_then(Value::as_str).map(str::to_owned);
                    let published = get("published").and_then(|d| crate::model::parse_day(&d).ok());
                    (
                        get("title").or_else(|| get("url")).unwrap_or_default(),
                        get("publisher").unwrap_or_default(),
                        get("url").filter(|u| !u.trim().is_empty()),
                        published,
                    )
                }
                _ => continue,
            };
            let key = format!("{}|{title}", url.as_deref().unwrap_or(""));
            let a = b.article(&key, || {
                let mut a = blank_article(title, publisher, url);
                a.published = published;
                a
            });
            articles.push(a);
        }
    }
    if articles.is_empty() {
        let url = prop_str(props, &["source_url", "url"]).map(str::to_owned);
        let publisher = prop_str(props, &["source", "publisher"])
            .unwrap_or("")
            .to_owned();
        let key = match &url {
            Some(u) => format!("{u}|"),
            None => format!("feature {i}"),
        };
        let title = url.clone().unwrap_or_else(|| title.clone());
        articles.push(b.article(&key, || blank_article(title, publisher, url)));
    }
    let primary = articles[0];
    let line = match kind_text {
        Some(k) if codes::plover_kind(k).is_none() => b.line(
            primary,
            &format!("{title} (GeoJSON feature {i}, kind: {k})"),
        ),
        _ => b.line(primary, &format!("{title} (GeoJSON feature {i})")),
    };
    // Who, and what they said.
    let mut e = blank_event(kind, title);
    if let Some(Value::Array(list)) = prop(props, &["parties"]) {
        for p in list {
            let (name, kind, role, country, office) = match p {
                Value::String(n) => (n.trim().to_owned(), None, None, None, None),
                Value::Object(o) => {
                    let get = |k: &str| {
                        o.get(k)
                            .and_then(Value::as_str)
                            .map(|s| s.trim().to_owned())
                            .filter(|s| !s.is_empty())
                    };
                    (
                        get("name").unwrap_or_default(),
                        get("kind"),
                        get("role"),
                        get("country"),
                        get("office"),
                    )
                }
                _ => continue,
            };
            if name.is_empty() {
                continue;
            }
            let kind = match kind.as_deref() {
                Some("person") => PartyKind::Person,
                Some("state") => PartyKind::State,
                Some("group") => PartyKind::Group,
                _ => PartyKind::Organization,
            };
            let country = country.filter(|c| codes::by_iso2(c).is_some());
            let key = format!("{name}|{}", country.as_deref().unwrap_or(""));
            let id = b.party(&key, || Party {
                id: String::new(),
                name,
                kind,
                country,
                role: office,
                aliases: Vec::new(),
                mentions: Vec::new(),
            });
            if !e.parties.contains(&id) {
                e.parties.push(id.clone());
            }
            match role.as_deref() {
                Some("actor") if !e.actors.contains(&id) => e.actors.push(id),
                Some("target") if !e.targets.contains(&id) => e.targets.push(id),
                _ => {}
            }
        }
    }
    if let Some(Value::Array(list)) = prop(props, &["quotes"]) {
        for q in list {
            let (text, speaker) = match q {
                Value::String(t) => (t.as_str(), None),
                Value::Object(o) => (
                    o.get("text").and_then(Value::as_str).unwrap_or(""),
                    o.get("speaker").and_then(Value::as_str),
                ),
                _ => continue,
            };
            let speaker = speaker.map(str::trim).filter(|s| !s.is_empty()).map(|s| {
                // The speaker is one of the event's parties when the names agree.
                let id = b.party(&format!("{s}|"), || Party {
                    id: String::new(),
                    name: s.to_owned(),
                    kind: PartyKind::Person,
                    country: None,
                    role: None,
                    aliases: Vec::new(),
                    mentions: Vec::new(),
                });
                (id, s)
            });
            if let Some(id) = b.quote(primary, text, speaker) {
                e.quotes.push(id);
            }
        }
    }
    if let Some(id) = prop_str(props, &["id"])
        .map(str::to_owned)
        .or_else(|| match f.get("id") {
            Some(Value::String(s)) => Some(s.clone()),
            Some(Value::Number(n)) => Some(n.to_string()),
            _ => None,
        })
    {
        e.id = id;
    }
    let ids: Vec<String> = articles.iter().map(|&a| b.article_id(a)).collect();
    if ids.len() == 1 {
        e.article = ids.into_iter().next();
    } else {
        let mut seen = std::collections::HashSet::new();
        e.sources = ids.into_iter().filter(|a| seen.insert(a.clone())).collect();
        if e.sources.len() == 1 {
            e.article = e.sources.pop();
        }
    }
    e.mode = mode;
    e.date = date;
    e.place = place;
    e.geo_precision = geo_precision;
    e.confidence = prop(props, &["confidence"])
        .and_then(Value::as_f64)
        .filter(|c| (0.0..=1.0).contains(c))
        .map(|c| c as f32);
    e.extracted = prop(props, &["extracted"])
        .and_then(Value::as_bool)
        .unwrap_or(false);
    b.event(e, Some(line));
    Ok(())
}

/// A date property: a string (ISO day, timestamp, YYYY-MM, YYYY) or a number (epoch seconds,
/// or milliseconds when it has more than 11 digits).
fn date_value(v: &Value, what: &str) -> Result<Option<PartialDate>, String> {
    match v {
        Value::Null => Ok(None),
        Value::String(s) if s.trim().is_empty() => Ok(None),
        Value::String(s) => {
            let s = s.trim();
            if let Ok(d) = crate::model::parse_day(s) {
                return Ok(Some(PartialDate::day(d)));
            }
            PartialDate::parse(s)
                .map(Some)
                .map_err(|e| format!("{what} {e}"))
        }
        Value::Number(n) => {
            let secs = n
                .as_i64()
                .or_else(|| n.as_f64().map(|f| f as i64))
                .ok_or_else(|| format!("{what} {n} is not a time"))?;
            let ts = if secs.unsigned_abs() >= 100_000_000_000 {
                jiff::Timestamp::from_millisecond(secs)
            } else {
                jiff::Timestamp::from_second(secs)
            }
            .map_err(|e| format!("{what} {n}: {e}"))?;
            let d = ts.to_zoned(jiff::tz::TimeZone::UTC).date();
            if d.year() < 1 {
                return Err(format!("{what} {n} is before year 1"));
            }
            Ok(Some(PartialDate::day(d)))
        }
        other => Err(format!("{what} {other} is not a date")),
    }
}

/// The place of a feature's geometry: a point inside it, named by a place property.
fn place_of(b: &mut Builder, g: &Value, props: &Map<String, Value>) -> Result<String, String> {
    let geometry: ::geojson::Geometry =
        serde_json::from_value(g.clone()).map_err(|e| format!("geometry: {e}"))?;
    let mut points: Vec<[f64; 2]> = Vec::new();
    collect_points(&geometry.value, &mut points);
    if points.is_empty() {
        return Err("geometry has no coordinates".to_owned());
    }
    for p in &points {
        if !(p[0].is_finite() && p[1].is_finite() && p[0].abs() <= 180.0 && p[1].abs() <= 90.0) {
            return Err(format!(
                "geometry position [{}, {}] is not on Earth (lon within ±180, lat within ±90)",
                p[0], p[1]
            ));
        }
    }
    use ::geojson::GeometryValue as G;
    let (kind, [lon, lat], keep) = match &geometry.value {
        G::Point { coordinates } => (PlaceKind::Other, xy(coordinates.as_slice()), false),
        G::LineString { .. } | G::MultiLineString { .. } => {
            (PlaceKind::Line, points[points.len() / 2], true)
        }
        G::Polygon { .. } | G::MultiPolygon { .. } => (PlaceKind::Area, inside(&geometry), true),
        G::MultiPoint { .. } | G::GeometryCollection { .. } => {
            return Err(format!(
                "geometry type {} is not one newsmap places events at (Point, LineString, \
                 Polygon or their Multi forms except MultiPoint)",
                geometry.value.type_name()
            ));
        }
    };
    // newsmap's own point inside a line or an area, when given and on the geometry's Earth.
    let given = |name: &str, limit: f64| {
        prop(props, &[name])
            .and_then(Value::as_f64)
            .filter(|v| v.is_finite() && v.abs() <= limit)
    };
    let [lon, lat] = match (given("place_lon", 180.0), given("place_lat", 90.0)) {
        (Some(x), Some(y)) => [x, y],
        _ => [lon, lat],
    };
    let kind = prop_str(props, &["place_kind"])
        .and_then(|k| {
            serde_json::from_value::<PlaceKind>(Value::String(match k {
                "place" => "other".to_owned(),
                other => other.to_owned(),
            }))
            .ok()
        })
        .unwrap_or(kind);
    let name = prop_str(
        props,
        &["place", "place_name", "location", "city", "admin1"],
    )
    .map(str::to_owned)
    .unwrap_or_else(|| format!("{lat:.4}, {lon:.4}"));
    let country = prop_str(props, &["country", "iso2", "country_code"]).and_then(|c| {
        codes::by_iso2(c)
            .or_else(|| codes::by_name(c))
            .map(|c| c.iso2.to_owned())
    });
    let geometry_json = keep.then(|| g.clone());
    let key = format!(
        "{lat}|{lon}|{name}|{}",
        geometry_json
            .as_ref()
            .map_or(String::new(), |g| g.to_string())
    );
    Ok(b.place(&key, || Place {
        id: String::new(),
        name,
        kind,
        lat,
        lon,
        country,
        geometry: geometry_json,
        source: Some("GeoJSON".to_owned()),
        mentions: Vec::new(),
    }))
}

fn xy(p: &[f64]) -> [f64; 2] {
    [
        p.first().copied().unwrap_or(0.0),
        p.get(1).copied().unwrap_or(0.0),
    ]
}

fn collect_points(v: &::geojson::GeometryValue, out: &mut Vec<[f64; 2]>) {
    use ::geojson::GeometryValue as G;
    match v {
        G::Point { coordinates } => out.push(xy(coordinates.as_slice())),
        G::MultiPoint { coordinates } | G::LineString { coordinates } => {
            out.extend(coordinates.iter().map(|p| xy(p.as_slice())))
        }
        G::MultiLineString { coordinates } | G::Polygon { coordinates } => {
            out.extend(coordinates.iter().flatten().map(|p| xy(p.as_slice())))
        }
        G::MultiPolygon { coordinates } => out.extend(
            coordinates
                .iter()
                .flatten()
                .flatten()
                .map(|p| xy(p.as_slice())),
        ),
        G::GeometryCollection { geometries } => {
            for g in geometries {
                collect_points(&g.value, out);
            }
        }
    }
}

/// A point inside a polygon (of the largest, for a multipolygon): `geo`'s interior point.
fn inside(g: &::geojson::Geometry) -> [f64; 2] {
    use ::geojson::GeometryValue as G;
    use geo::InteriorPoint;
    let ring = |r: &Vec<::geojson::Position>| {
        geo::LineString::from(
            r.iter()
                .map(|p| xy(p.as_slice()))
                .map(|[x, y]| (x, y))
                .collect::<Vec<_>>(),
        )
    };
    let polygon = |rings: &Vec<Vec<::geojson::Position>>| {
        let mut it = rings.iter();
        let outer = it
            .next()
            .map(ring)
            .unwrap_or_else(|| geo::LineString::new(vec![]));
        geo::Polygon::new(outer, it.map(ring).collect())
    };
    let point = match &g.value {
        G::Polygon { coordinates } => polygon(coordinates).interior_point(),
        G::MultiPolygon { coordinates } => {
            geo::MultiPolygon::new(coordinates.iter().map(polygon).collect()).interior_point()
        }
        _ => None,
    };
    point.map_or([0.0, 0.0], |p| [p.x(), p.y()])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_from_strings_and_epoch_numbers() {
        let d = |v: Value| date_value(&v, "date").unwrap().map(|d| d.to_string());
        assert_eq!(d(json!("2022-11-13")).as_deref(), Some("2022-11-13"));
        assert_eq!(
            d(json!("2022-11-13T09:30:00Z")).as_deref(),
            Some("2022-11-13")
        );
        assert_eq!(d(json!("2022-11")).as_deref(), Some("2022-11"));
        assert_eq!(d(json!(1668297600)).as_deref(), Some("2022-11-13"));
        assert_eq!(d(json!(1668297600000i64)).as_deref(), Some("2022-11-13"));
        assert_eq!(d(json!("")), None);
        assert!(date_value(&json!("13/11/2022"), "date").is_err());
        assert!(date_value(&json!(true), "date").is_err());
    }

    #[test]
    fn a_polygon_is_placed_at_a_point_inside_it() {
        let g: ::geojson::Geometry = serde_json::from_value(json!({
            "type": "Polygon",
            "coordinates": [[[0.0, 0.0], [10.0, 0.0], [10.0, 2.0], [0.0, 2.0], [0.0, 0.0]]]
        }))
        .unwrap();
        let [x, y] = inside(&g);
        assert!(
            (0.0..=10.0).contains(&x) && (0.0..=2.0).contains(&y),
            "{x} {y}"
        );
    }
}
