//! CSV with the columns an ACLED user knows: newsmap's events out, and ACLED exports in.
//!
//! Out: one row per event, UTF-8, fields quoted where they hold a comma, a quotation mark or a
//! line break (the `csv` crate's rules, which LibreOffice and GDAL read), columns
//! [`CSV_COLUMNS`]. `event_type` is the PLOVER type, `sub_event_type` the mode (hypothetical,
//! negated, planned) when there is one.
//!
//! In: columns are found by name (any case, any order, extra columns ignored). Needed:
//! `event_date`, `event_type`, `latitude`, `longitude`. `time_precision` 2 widens the day to
//! the week around it, 3 to its month. `event_type` may be an ACLED type (mapped by
//! [`super::codes::acled_to_plover`]) or a PLOVER type, so newsmap's own CSV reads back.

use std::collections::HashMap;

use super::builder::{Builder, blank_article, blank_event};
use super::codes;
use super::{ImportReport, InterchangeError};
use crate::model::{
    Dataset, DateRange, IdMaps, PartialDate, Party, PartyKind, Place, PlaceKind, TimePrecision,
    parse_day,
};

/// The columns of newsmap's CSV, in order.
pub const CSV_COLUMNS: [&str; 17] = [
    "event_id",
    "event_date",
    "date_end",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_url",
    "notes",
    "quotes",
];

/// The dataset's events as CSV bytes (see the module docs).
pub fn to_csv(ds: &Dataset) -> Result<Vec<u8>, String> {
    let ids = IdMaps::new(ds);
    let mut w = csv::WriterBuilder::new()
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(Vec::new());
    w.write_record(CSV_COLUMNS).map_err(|e| e.to_string())?;
    let party_name = |id: &String| {
        ids.parties
            .get(id)
            .map(|&i| ds.parties[i].name.clone())
            .unwrap_or_default()
    };
    for e in &ds.events {
        let place = ds.event_place(e, &ids);
        let (first, last) = match &e.date {
            Some(d) => (d.first_day(), d.last_day()),
            None => (None, None),
        };
        let precision = e.date.as_ref().map(|d| d.precision());
        let time_precision = match precision {
            Some(TimePrecision::Day) => "1",
            Some(TimePrecision::Week) => "2",
            Some(TimePrecision::Month) => "3",
            _ => "",
        };
        // Roles when recorded; otherwise the first party acts and the rest take part.
        let (actor1, actor2): (Vec<String>, Vec<String>) =
            if e.actors.is_empty() && e.targets.is_empty() {
                let mut names = e.parties.iter().map(party_name);
                (names.next().into_iter().collect(), names.collect())
            } else {
                let others = e
                    .parties
                    .iter()
                    .filter(|p| !e.actors.contains(p) && !e.targets.contains(p));
                (
                    e.actors.iter().map(party_name).collect(),
                    e.targets.iter().chain(others).map(party_name).collect(),
                )
            };
        let articles: Vec<&crate::model::Article> = e
            .articles()
            .filter_map(|a| ids.articles.get(a).map(|&i| &ds.articles[i]))
            .collect();
        let source: Vec<&str> = articles
            .iter()
            .map(|a| {
                if a.source.trim().is_empty() {
                    a.title.as_str()
                } else {
                    a.source.as_str()
                }
            })
            .collect();
        let urls: Vec<&str> = articles.iter().filter_map(|a| a.url.as_deref()).collect();
        // Notes: the sentences that report the event, else its title.
        let evidence: Vec<&str> = e
            .evidence
            .iter()
            .filter_map(|x| {
                let a = e.evidence_article(x)?;
                ids.articles
                    .get(a)
                    .map(|&i| ds.articles[i].slice(x.span()).trim())
            })
            .filter(|s| !s.is_empty())
            .collect();
        let notes = if evidence.is_empty() {
            e.title.clone()
        } else {
            evidence.join(" ")
        };
        let quotes: Vec<String> = e
            .quotes
            .iter()
            .filter_map(|q| ids.quotes.get(q).map(|&i| &ds.quotes[i]))
            .map(|q| match q.speaker.as_ref() {
                Some(s) => format!("“{}” — {}", q.text, party_name(s)),
                None => format!("“{}”", q.text),
            })
            .collect();
        let country = place
            .and_then(|p| p.country.as_deref())
            .map(|c| codes::by_iso2(c).map_or(c.to_owned(), |c| c.name.to_owned()))
            .unwrap_or_default();
        let record: [String; 17] = [
            e.id.clone(),
            first.map(|d| d.to_string()).unwrap_or_default(),
            last.map(|d| d.to_string()).unwrap_or_default(),
            time_precision.to_owned(),
            e.kind.code().to_owned(),
            e.mode.map(|m| m.label().to_owned()).unwrap_or_default(),
            actor1.join("; "),
            actor2.join("; "),
            country,
            place.map(|p| p.name.clone()).unwrap_or_default(),
            place.map(|p| p.lat.to_string()).unwrap_or_default(),
            place.map(|p| p.lon.to_string()).unwrap_or_default(),
            ds.geo_precision(e, &ids)
                .map(|g| g.to_string())
                .unwrap_or_default(),
            source.join("; "),
            urls.join(" "),
            notes,
            quotes.join("\n"),
        ];
        w.write_record(&record).map_err(|e| e.to_string())?;
    }
    w.into_inner().map_err(|e| e.to_string())
}

/// The delimiter of a header line that names ACLED's needed columns, if it does.
pub(super) fn header_delimiter(first_line: &str) -> Option<u8> {
    [b',', b';', b'\t'].into_iter().find(|&d| {
        let names: Vec<String> = first_line
            .split(d as char)
            .map(|n| n.trim().trim_matches('"').trim().to_lowercase())
            .collect();
        NEEDED.iter().all(|n| names.iter().any(|x| x == n))
    })
}

const NEEDED: [&str; 4] = ["event_date", "event_type", "latitude", "longitude"];

/// Reads an ACLED-style CSV; rows that cannot be read are skipped with their line and reason.
pub(super) fn import(bytes: &[u8], report: &mut ImportReport) -> Result<Dataset, InterchangeError> {
    let file = report.file.clone();
    let text = crate::model::text_from_bytes(bytes).map_err(|e| InterchangeError::Invalid {
        file: file.clone(),
        why: e.to_string(),
    })?;
    let first = text.lines().next().unwrap_or("");
    let delimiter = header_delimiter(first).ok_or_else(|| InterchangeError::Invalid {
        file: file.clone(),
        why: format!(
            "the first line must name the columns, among them {}",
            NEEDED.join(", ")
        ),
    })?;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| InterchangeError::Invalid {
            file: file.clone(),
            why: format!("line 1: {e}"),
        })?
        .clone();
    let columns: HashMap<String, usize> = headers
        .iter()
        .enumerate()
        .map(|(i, h)| (h.trim().to_lowercase(), i))
        .collect();
    let width = headers.len();
    let mut b = Builder::default();
    let mut record = csv::StringRecord::new();
    loop {
        let line = reader.position().line();
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                report.rows += 1;
                report.skip(format!("line {line}"), format!("cannot be read: {e}"));
                continue;
            }
        }
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        report.rows += 1;
        let at = format!("line {}", record.position().map_or(line, |p| p.line()));
        if record.len() != width {
            report.skip(
                at,
                format!("has {} fields; the header has {width}", record.len()),
            );
            continue;
        }
        let fields = Fields {
            record: &record,
            columns: &columns,
        };
        if let Err(reason) = row(&mut b, &fields, report.rows) {
            report.skip(at, reason);
        }
    }
    Ok(b.finish())
}

/// One row's fields by column name.
struct Fields<'r> {
    record: &'r csv::StringRecord,
    columns: &'r HashMap<String, usize>,
}

impl<'r> Fields<'r> {
    /// The field of column `name` (lowercase), trimmed; "" when the file has no such column.
    fn get(&self, name: &str) -> &'r str {
        self.columns
            .get(name)
            .and_then(|&i| self.record.get(i))
            .map_or("", str::trim)
    }
}

fn row(b: &mut Builder, f: &Fields, n: usize) -> Result<(), String> {
    let get = |name: &str| f.get(name);
    // When.
    let date_text = get("event_date");
    let end_text = get("date_end");
    let precision = get("time_precision");
    let date = if date_text.is_empty() && !end_text.is_empty() {
        DateRange {
            start: None,
            end: Some(PartialDate::day(
                day(end_text).map_err(|e| format!("date_end {e}"))?,
            )),
            phrase: None,
        }
    } else {
        let d = day(date_text).map_err(|e| format!("event_date {e}"))?;
        let mut range = match precision {
            "" | "1" => DateRange::on(d),
            "2" => {
                // The week around the day ACLED gives.
                let (a, z) = (
                    d.checked_sub(jiff::Span::new().days(3)),
                    d.checked_add(jiff::Span::new().days(3)),
                );
                match (a, z) {
                    (Ok(a), Ok(z)) => DateRange {
                        start: Some(PartialDate::day(a)),
                        end: Some(PartialDate::day(z)),
                        phrase: None,
                    },
                    _ => DateRange::on(d),
                }
            }
            "3" => {
                let m = PartialDate::month(d.year(), d.month());
                DateRange {
                    start: Some(m),
                    end: Some(m),
                    phrase: None,
                }
            }
            other => {
                return Err(format!(
                    "time_precision \"{}\" is not 1, 2 or 3",
                    crate::model::shorten(other, 40)
                ));
            }
        };
        if !end_text.is_empty() {
            // newsmap's own CSV gives both ends: they are the range, a whole month as a month.
            let z = day(end_text).map_err(|e| format!("date_end {e}"))?;
            if z < d {
                return Err(format!("date_end {z} is before event_date {d}"));
            }
            let month = PartialDate::month(d.year(), d.month());
            range = if d.day() == 1 && z == month.last_day() {
                DateRange {
                    start: Some(month),
                    end: Some(month),
                    phrase: None,
                }
            } else {
                DateRange {
                    start: Some(PartialDate::day(d)),
                    end: Some(PartialDate::day(z)),
                    phrase: None,
                }
            };
        }
        range
    };
    // What.
    let event_type = get("event_type");
    let sub_type = get("sub_event_type");
    let kind = codes::plover_kind(event_type)
        .or_else(|| codes::acled_to_plover(event_type, sub_type))
        .ok_or_else(|| {
            format!(
                "event_type \"{}\" is neither an ACLED event type nor a PLOVER type",
                crate::model::shorten(event_type, 60)
            )
        })?;
    let is_plover = codes::plover_kind(event_type).is_some();
    let mode = if is_plover {
        match sub_type.to_lowercase().as_str() {
            "hypothetical" => Some(crate::model::Mode::Hypothetical),
            "negated" => Some(crate::model::Mode::Negated),
            "planned" | "future" => Some(crate::model::Mode::Future),
            _ => None,
        }
    } else {
        None
    };
    // Where.
    let coord = |name: &str, limit: f64| -> Result<f64, String> {
        let v = get(name);
        v.parse::<f64>()
            .ok()
            .filter(|x| x.is_finite() && x.abs() <= limit)
            .ok_or_else(|| {
                if v.is_empty() {
                    format!("{name} is empty")
                } else {
                    format!(
                        "{name} \"{}\" is not a number within ±{limit}",
                        crate::model::shorten(v, 40)
                    )
                }
            })
    };
    let lat = coord("latitude", 90.0)?;
    let lon = coord("longitude", 180.0)?;
    let geo_precision = match get("geo_precision") {
        "" => None,
        g @ ("1" | "2" | "3") => g.parse::<u8>().ok(),
        other => {
            return Err(format!(
                "geo_precision \"{}\" is not 1, 2 or 3",
                crate::model::shorten(other, 40)
            ));
        }
    };
    let country_name = get("country");
    let country = get("iso")
        .parse::<u16>()
        .ok()
        .and_then(codes::by_numeric)
        .or_else(|| codes::by_name(country_name))
        .or_else(|| codes::by_iso2(country_name))
        .map(|c| c.iso2.to_owned());
    let location = [get("location"), get("admin2"), get("admin1"), country_name]
        .into_iter()
        .find(|s| !s.is_empty())
        .map_or_else(|| format!("{lat:.4}, {lon:.4}"), str::to_owned);
    let place_kind = match geo_precision {
        Some(1) | None => PlaceKind::City,
        Some(2) => PlaceKind::Other,
        _ => PlaceKind::Region,
    };
    let place = b.place(&format!("{lat}|{lon}|{location}"), || Place {
        id: String::new(),
        name: location.clone(),
        kind: place_kind,
        lat,
        lon,
        country,
        geometry: None,
        source: Some("ACLED".to_owned()),
        mentions: Vec::new(),
    });
    // Who.
    let mut parties: Vec<(String, bool)> = Vec::new();
    for (col, acts) in [("actor1", true), ("actor2", false)] {
        for name in get(col).split(';').map(str::trim).filter(|s| !s.is_empty()) {
            let kind = party_kind(name);
            let id = b.party(&name.to_lowercase(), || Party {
                id: String::new(),
                name: name.to_owned(),
                kind,
                country: None,
                role: None,
                aliases: Vec::new(),
                mentions: Vec::new(),
            });
            parties.push((id, acts));
        }
    }
    // The source: one article per row, its text the row's notes and codes.
    let event_id = get("event_id_cnty");
    let event_id = if event_id.is_empty() {
        get("event_id")
    } else {
        event_id
    };
    let source = get("source");
    let notes = get("notes");
    let urls = get("source_url");
    let label = if event_id.is_empty() {
        format!("row {n}")
    } else {
        event_id.to_owned()
    };
    let title = if source.is_empty() {
        format!("ACLED {label}")
    } else {
        format!("{source} (ACLED {label})")
    };
    let url = urls.split_whitespace().next().map(str::to_owned);
    let key = format!("{label}|{date_text}|{location}|{notes}");
    let article = b.article(&key, || blank_article(title, source.to_owned(), url));
    let article_id = b.article_id(article);
    let notes_span = (!notes.is_empty()).then(|| b.line(article, notes));
    let mut facts = format!(
        "ACLED {label}, {}: {event_type}",
        if date_text.is_empty() {
            end_text
        } else {
            date_text
        }
    );
    if !sub_type.is_empty() {
        facts.push_str(&format!(" / {sub_type}"));
    }
    for (name, v) in [
        ("actors", [get("actor1"), get("actor2")].join(" — ")),
        ("location", format!("{location} ({lat}, {lon})")),
        ("fatalities", get("fatalities").to_owned()),
        ("source scale", get("source_scale").to_owned()),
    ] {
        if !v.trim().trim_matches('—').trim().is_empty() {
            facts.push_str(&format!("; {name}: {v}"));
        }
    }
    let facts_span = b.line(article, &facts);
    let mut quote_ids = Vec::new();
    // newsmap's own form: "“text” — speaker", one quote per line; a quote may hold line
    // breaks, so a quote starts only where a line starts with "“".
    for q in get("quotes").split("\n“") {
        let q = q.trim();
        // newsmap's own "“text” — speaker" form.
        let (text, speaker) = match q.rsplit_once("” — ") {
            Some((t, s)) => (t.trim_start_matches('“'), Some(s.trim())),
            None => (q.trim_start_matches('“').trim_end_matches('”'), None),
        };
        let speaker = speaker.filter(|s| !s.is_empty()).map(|s| {
            let id = b.party(&s.to_lowercase(), || Party {
                id: String::new(),
                name: s.to_owned(),
                kind: party_kind(s),
                country: None,
                role: None,
                aliases: Vec::new(),
                mentions: Vec::new(),
            });
            (id, s)
        });
        if let Some(id) = b.quote(article, text, speaker) {
            quote_ids.push(id);
        }
    }
    let title = match (sub_type.is_empty() || is_plover, is_plover) {
        (_, true) => format!("{} in {location}", kind.label()),
        (false, false) => format!("{sub_type} in {location}"),
        (true, false) => format!("{event_type} in {location}"),
    };
    let mut e = blank_event(kind, title);
    e.id = event_id.to_owned();
    e.article = Some(article_id);
    e.mode = mode;
    e.date = Some(date);
    e.place = Some(place);
    e.geo_precision = geo_precision;
    e.quotes = quote_ids;
    for (id, acts) in parties {
        if e.parties.contains(&id) {
            continue;
        }
        e.parties.push(id.clone());
        if acts {
            e.actors.push(id);
        } else if is_plover {
            e.targets.push(id);
        }
    }
    // ACLED's actor 2 is no target: "Actor 1 and Actor 2 do not imply directionality".
    if !is_plover {
        e.actors.clear();
    }
    b.event(e, Some(notes_span.unwrap_or(facts_span)));
    Ok(())
}

/// ACLED's actor names say what they are: "Protesters (Chile)", "Military Forces of …".
fn party_kind(name: &str) -> PartyKind {
    let lower = name.to_lowercase();
    if ["protesters", "rioters", "civilians", "unidentified"]
        .iter()
        .any(|w| lower.starts_with(w))
    {
        PartyKind::Group
    } else {
        PartyKind::Organization
    }
}

/// A day in the forms ACLED exports use: "2023-03-24", "24 March 2023", "24-03-2023".
fn day(s: &str) -> Result<jiff::civil::Date, String> {
    if let Ok(d) = parse_day(s) {
        return Ok(d);
    }
    let parts: Vec<&str> = s.split([' ', '-', '/']).filter(|p| !p.is_empty()).collect();
    if let [d, m, y] = parts[..]
        && y.len() == 4
        && let (Ok(d), Ok(y)) = (d.parse::<i8>(), y.parse::<i16>())
    {
        let month = m.parse::<i8>().ok().or_else(|| month_number(m));
        if let Some(m) = month {
            return parse_day(&format!("{y:04}-{m:02}-{d:02}")).map_err(|e| e.to_string());
        }
    }
    if s.is_empty() {
        Err("is empty".to_owned())
    } else {
        Err(format!(
            "\"{}\" is not a date (YYYY-MM-DD, \"24 March 2023\" or DD-MM-YYYY)",
            crate::model::shorten(s, 40)
        ))
    }
}

fn month_number(name: &str) -> Option<i8> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let lower = name.to_lowercase();
    MONTHS
        .iter()
        .position(|m| lower.len() >= 3 && lower.starts_with(m))
        .map(|i| i as i8 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acled_dates_in_their_three_forms() {
        for s in ["2023-03-24", "24 March 2023", "24-03-2023", "24 Mar 2023"] {
            assert_eq!(day(s).unwrap().to_string(), "2023-03-24", "{s}");
        }
        assert!(day("31 February 2023").unwrap_err().contains("28 days"));
        assert!(day("yesterday").is_err());
        assert!(day("").unwrap_err().contains("empty"));
    }

    #[test]
    fn header_lines_are_recognised_by_their_columns() {
        assert_eq!(
            header_delimiter("event_id_cnty,event_date,year,event_type,latitude,longitude"),
            Some(b',')
        );
        assert_eq!(
            header_delimiter("\"EVENT_DATE\";\"EVENT_TYPE\";\"LATITUDE\";\"LONGITUDE\""),
            Some(b';')
        );
        assert_eq!(header_delimiter("name,lat,lon"), None);
    }
}
