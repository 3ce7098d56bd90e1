//! GDELT 2.0 events exports: 61 tab-separated columns, no header, one event per row.
//!
//! - The event is at `ActionGeo_Lat/Long`, a place of `ActionGeo_FullName`; `ActionGeo_Type`
//!   gives the place's kind and the geo precision (a city 1, a state or province 2, a country
//!   3). Rows without coordinates (type 0) are events without a place.
//! - `SQLDATE` is the day; `DATEADDED` the source's publication day.
//! - `Actor1Name` acts on `Actor2Name`; both become parties.
//! - `EventCode` goes through the PLOVER project's CAMEO → PLOVER table; CAMEO's 01
//!   (statements) and 02 (appeals), which PLOVER drops, are skipped with that reason.
//! - `SOURCEURL` is the article; each row is a line of its text, with the row's counts
//!   (`NumMentions`, `NumSources`, `NumArticles`), Goldstein scale and tone.

use std::fmt::Write as _;

use super::builder::{Builder, blank_article, blank_event};
use super::codes::{self, cameo_to_plover};
use super::{ImportReport, is_digits};
use crate::model::{Dataset, DateRange, Party, PartyKind, Place, PlaceKind};

/// Columns of a GDELT 2.0 events export row.
pub const GDELT_COLUMNS: usize = 61;

// 0-based column indexes (GDELT 2.0 Event Database codebook).
const GLOBALEVENTID: usize = 0;
const SQLDATE: usize = 1;
const ACTOR1: usize = 5;
const ACTOR2: usize = 15;
// Offsets within an actor's ten columns.
const NAME: usize = 1;
const COUNTRY: usize = 2;
const KNOWN_GROUP: usize = 3;
const TYPE1: usize = 7;
const IS_ROOT: usize = 25;
const EVENT_CODE: usize = 26;
const QUAD_CLASS: usize = 29;
const GOLDSTEIN: usize = 30;
const NUM_MENTIONS: usize = 31;
const NUM_SOURCES: usize = 32;
const NUM_ARTICLES: usize = 33;
const AVG_TONE: usize = 34;
const GEO_TYPE: usize = 51;
const GEO_NAME: usize = 52;
const GEO_COUNTRY: usize = 53;
const GEO_LAT: usize = 56;
const GEO_LON: usize = 57;
const GEO_FEATURE: usize = 58;
const DATEADDED: usize = 59;
const SOURCEURL: usize = 60;

/// Reads an export; every row is counted, bad ones are skipped with their line and reason.
pub(super) fn import(bytes: &[u8], report: &mut ImportReport) -> Dataset {
    let mut b = Builder::default();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .has_headers(false)
        .flexible(true)
        // GDELT never quotes: a quotation mark is part of a name.
        .quoting(false)
        .from_reader(bytes);
    let mut record = csv::ByteRecord::new();
    let mut line_text = String::new();
    loop {
        let line = reader.position().line();
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                report.rows += 1;
                report.skip(format!("line {line}"), format!("cannot be read: {e}"));
                continue;
            }
        }
        if record.len() == 1
            && record
                .get(0)
                .is_some_and(|f| f.iter().all(u8::is_ascii_whitespace))
        {
            continue; // a blank line
        }
        report.rows += 1;
        let at = format!("line {}", record.position().map_or(line, |p| p.line()));
        if let Err(reason) = row(&mut b, &record, &mut line_text) {
            report.skip(at, reason);
        }
    }
    b.finish()
}

/// A field as text; GDELT files are UTF-8 but not always valid, so bad bytes become U+FFFD.
fn field(r: &csv::ByteRecord, i: usize) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(r.get(i).unwrap_or(b""))
        .trim()
        .to_owned()
        .into()
}

fn row(b: &mut Builder, r: &csv::ByteRecord, text: &mut String) -> Result<(), String> {
    if r.len() != GDELT_COLUMNS {
        return Err(format!(
            "has {} columns; a GDELT 2.0 events row has {GDELT_COLUMNS}",
            r.len()
        ));
    }
    let id = field(r, GLOBALEVENTID);
    if !is_digits(&id) {
        return Err(format!("GLOBALEVENTID \"{}\" is not a number", clip(&id)));
    }
    let day = yyyymmdd(&field(r, SQLDATE)).map_err(|e| format!("SQLDATE {e}"))?;
    let code = field(r, EVENT_CODE);
    let plover = match cameo_to_plover(&code) {
        Some(p) => p,
        None if code.starts_with("01") || code.starts_with("02") => {
            return Err(format!(
                "CAMEO {code} has no PLOVER type (PLOVER drops CAMEO's 01 statements and 02 \
                 appeals)"
            ));
        }
        None => {
            return Err(format!(
                "EventCode \"{}\" is not in the CAMEO-to-PLOVER table",
                clip(&code)
            ));
        }
    };
    // The place, if the row has coordinates.
    let (lat, lon) = (field(r, GEO_LAT), field(r, GEO_LON));
    let geo_type = field(r, GEO_TYPE);
    let place = if lat.is_empty() && lon.is_empty() {
        None
    } else {
        let lat: f64 = lat
            .parse()
            .ok()
            .filter(|v: &f64| v.is_finite() && v.abs() <= 90.0)
            .ok_or_else(|| format!("ActionGeo_Lat \"{}\" is not a latitude", clip(&lat)))?;
        let lon: f64 = lon
            .parse()
            .ok()
            .filter(|v: &f64| v.is_finite() && v.abs() <= 180.0)
            .ok_or_else(|| format!("ActionGeo_Long \"{}\" is not a longitude", clip(&lon)))?;
        let (kind, precision) = match &*geo_type {
            "1" => (PlaceKind::Country, 3),
            "2" | "5" => (PlaceKind::Region, 2),
            "3" | "4" => (PlaceKind::City, 1),
            other => {
                return Err(format!(
                    "ActionGeo_Type \"{}\" is not 1 to 5 although the row has coordinates",
                    clip(other)
                ));
            }
        };
        let name = field(r, GEO_NAME);
        let name = if name.is_empty() {
            format!("{lat:.4}, {lon:.4}")
        } else {
            name.into_owned()
        };
        let country = codes::by_fips(&field(r, GEO_COUNTRY)).map(|c| c.iso2.to_owned());
        let key = format!("{}|{lat}|{lon}|{name}", field(r, GEO_FEATURE));
        let id = b.place(&key, || Place {
            id: String::new(),
            name,
            kind,
            lat,
            lon,
            country,
            geometry: None,
            source: Some("GDELT ActionGeo".to_owned()),
            mentions: Vec::new(),
        });
        Some((id, precision))
    };
    // The article: the source URL, published on the day GDELT added the row.
    let url = field(r, SOURCEURL).into_owned();
    let published = yyyymmdd(field(r, DATEADDED).get(..8).unwrap_or("")).ok();
    let article = b.article(&format!("url:{url}"), || {
        let is_url = url.starts_with("http://") || url.starts_with("https://");
        let (source, title) = if is_url {
            url_title(&url)
        } else if url.is_empty() {
            (
                "GDELT".to_owned(),
                "GDELT events without a source".to_owned(),
            )
        } else {
            (url.clone(), url.clone())
        };
        let mut a = blank_article(title, source, is_url.then(|| url.clone()));
        a.published = published;
        a
    });
    let article_id = b.article_id(article);
    // Parties: Actor1 acts on Actor2.
    let mut parties = Vec::new();
    let mut names = Vec::new();
    for (base, role) in [(ACTOR1, "actor"), (ACTOR2, "target")] {
        let name = field(r, base + NAME);
        if name.is_empty() {
            names.push(String::new());
            continue;
        }
        let code = field(r, base);
        let country_code = field(r, base + COUNTRY);
        let kind = if !field(r, base + KNOWN_GROUP).is_empty() || !field(r, base + TYPE1).is_empty()
        {
            PartyKind::Organization
        } else if !country_code.is_empty() && code == country_code {
            PartyKind::State
        } else {
            PartyKind::Group
        };
        let country = codes::by_iso3(&country_code).map(|c| c.iso2.to_owned());
        let name = name.into_owned();
        let id = b.party(&format!("{code}|{name}"), || Party {
            id: String::new(),
            name: name.clone(),
            kind,
            country,
            role: None,
            aliases: Vec::new(),
            mentions: Vec::new(),
        });
        parties.push((id, role));
        names.push(name);
    }
    // The row as a line of the article's text.
    text.clear();
    write!(
        text,
        "GDELT event {id}, {day}: CAMEO {code}, PLOVER {}",
        plover.kind.code()
    )
    .unwrap_or(());
    for (what, v) in [("mode", plover.mode), ("context", plover.context)] {
        if !v.is_empty() {
            write!(text, ", {what} {v}").unwrap_or(());
        }
    }
    let actor = |i: usize| -> String {
        let code = field(r, [ACTOR1, ACTOR2][i]);
        match (names[i].is_empty(), code.is_empty()) {
            (true, _) => "—".to_owned(),
            (false, true) => names[i].clone(),
            (false, false) => format!("{} ({code})", names[i]),
        }
    };
    // Words, not arrows: the app's fonts have no arrow glyph.
    write!(text, "; actor {}, target {}", actor(0), actor(1)).unwrap_or(());
    write!(
        text,
        "; root event {}; quad class {}; Goldstein {}; {} mentions, {} sources, {} articles; \
         average tone {}",
        if field(r, IS_ROOT) == "1" {
            "yes"
        } else {
            "no"
        },
        field(r, QUAD_CLASS),
        field(r, GOLDSTEIN),
        field(r, NUM_MENTIONS),
        field(r, NUM_SOURCES),
        field(r, NUM_ARTICLES),
        field(r, AVG_TONE),
    )
    .unwrap_or(());
    match &place {
        Some(_) => {
            write!(
                text,
                "; at {} (ActionGeo_Type {geo_type}, {}, {})",
                field(r, GEO_NAME),
                field(r, GEO_LAT),
                field(r, GEO_LON)
            )
            .unwrap_or(());
        }
        None => text.push_str("; no location"),
    }
    let span = b.line(article, text);
    // The event.
    let title = match (names[0].is_empty(), names[1].is_empty()) {
        (false, false) => format!("{}: {} – {}", plover.kind.label(), names[0], names[1]),
        (false, true) => format!("{}: {}", plover.kind.label(), names[0]),
        (true, false) => format!("{}: – {}", plover.kind.label(), names[1]),
        (true, true) => format!("{} (GDELT {id})", plover.kind.label()),
    };
    let mut e = blank_event(plover.kind, title);
    e.id = format!("gdelt-{id}");
    e.article = Some(article_id);
    e.date = Some(DateRange::on(day));
    if let Some((pid, precision)) = place {
        e.place = Some(pid);
        e.geo_precision = Some(precision);
    }
    for (pid, role) in parties {
        if !e.parties.contains(&pid) {
            e.parties.push(pid.clone());
        }
        let list = if role == "actor" {
            &mut e.actors
        } else {
            &mut e.targets
        };
        if !list.contains(&pid) {
            list.push(pid);
        }
    }
    // A party that both acts and is acted on (GDELT codes some events so) is recorded once,
    // as the actor.
    let actors = e.actors.clone();
    e.targets.retain(|t| !actors.contains(t));
    // Machine-coded: like newsmap's own extraction, to be checked against the source.
    e.extracted = true;
    b.event(e, Some(span));
    Ok(())
}

/// "20250807" → the day.
fn yyyymmdd(s: &str) -> Result<jiff::civil::Date, String> {
    if s.len() != 8 || !is_digits(s) {
        return Err(format!(
            "\"{}\" is not a date of the form YYYYMMDD",
            clip(s)
        ));
    }
    crate::model::parse_day(&format!("{}-{}-{}", &s[..4], &s[4..6], &s[6..]))
        .map_err(|e| e.to_string())
}

/// A publisher and a readable title from an article URL: the host, and the last path segment
/// with its dashes as spaces.
fn url_title(url: &str) -> (String, String) {
    let rest = url.split("://").nth(1).unwrap_or(url);
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    let mut parts = rest.split('/');
    let host = parts
        .next()
        .unwrap_or("")
        .trim_start_matches("www.")
        .to_owned();
    let slug = parts
        .rfind(|s| !s.is_empty())
        .map(|s| {
            let s = s
                .trim_end_matches(".html")
                .trim_end_matches(".htm")
                .trim_end_matches(".php");
            s.replace(['-', '_', '+'], " ")
        })
        .filter(|s| s.chars().any(char::is_alphabetic));
    let title = match slug {
        Some(s) => format!("{host}: {s}"),
        None => host.clone(),
    };
    (host, title)
}

fn clip(s: &str) -> std::borrow::Cow<'_, str> {
    crate::model::shorten(s, 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_give_a_publisher_and_a_title() {
        assert_eq!(
            url_title("https://www.example.com/world/2025/08/07/talks-in-doha-resume.html?x=1"),
            (
                "example.com".to_owned(),
                "example.com: talks in doha resume".to_owned()
            )
        );
        assert_eq!(
            url_title("https://example.org/"),
            ("example.org".to_owned(), "example.org".to_owned())
        );
    }

    #[test]
    fn dates_are_checked() {
        assert_eq!(yyyymmdd("20250807").unwrap().to_string(), "2025-08-07");
        assert!(yyyymmdd("20250230").unwrap_err().contains("28 days"));
        assert!(yyyymmdd("2025087").is_err());
    }
}
