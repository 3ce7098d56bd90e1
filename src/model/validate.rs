//! Checks that every reference resolves and every span and coordinate makes sense.

use std::collections::{HashMap, HashSet};

use super::io::clip;
use super::{Dataset, Problem, Span};

struct Checker<'a> {
    texts: HashMap<&'a str, &'a str>,
    problems: Vec<Problem>,
}

impl<'a> Checker<'a> {
    /// Records a problem. Every one is kept: whether a later check runs must never depend on
    /// how many were found before (a cap here once let a bad span through to a slice).
    fn report(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem::new(path, message));
    }

    fn unique<'b>(&mut self, array: &str, ids: impl Iterator<Item = &'b String>) {
        let mut seen = HashSet::new();
        for (i, id) in ids.enumerate() {
            if id.is_empty() {
                self.report(format!("{array}[{i}].id"), "is empty");
            } else if !seen.insert(id.as_str()) {
                self.report(
                    format!("{array}[{i}].id"),
                    format!("\"{id}\" is used twice"),
                );
            }
        }
    }

    fn article_ref(&mut self, path: &str, id: &str) -> Option<&'a str> {
        let text = self.texts.get(id).copied();
        if text.is_none() {
            self.report(path, format!("\"{id}\" is not an article id"));
        }
        text
    }

    /// Checks a span against its article text: order, bounds and character boundaries. Returns
    /// the text it covers when it is sound: the only way the checker reads user text by offsets.
    fn span<'t>(&mut self, path: &str, text: &'t str, span: Span) -> Option<&'t str> {
        if span.start > span.end {
            self.report(
                format!("{path}.start"),
                format!("{} is after end {}", span.start, span.end),
            );
            return None;
        }
        for (field, at) in [("start", span.start), ("end", span.end)] {
            if at > text.len() {
                self.report(
                    format!("{path}.{field}"),
                    format!("{at} is outside the article text ({} bytes)", text.len()),
                );
                return None;
            }
            if !text.is_char_boundary(at) {
                self.report(
                    format!("{path}.{field}"),
                    format!("{at} is inside a character (offsets are UTF-8 bytes; the text has a multi-byte character there)"),
                );
                return None;
            }
        }
        // Checked above; `get` keeps even a mistake in those checks from panicking.
        text.get(span.start..span.end)
    }

    fn reference(&mut self, path: &str, id: &str, known: &HashSet<&str>, what: &str) {
        if !known.contains(id) {
            self.report(path, format!("\"{id}\" is not {what} id"));
        }
    }
}

fn country_code_ok(code: &str) -> bool {
    code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase())
}

impl Dataset {
    /// Every problem found, however many; empty when the dataset is sound.
    pub fn validate(&self) -> Vec<Problem> {
        let texts = self
            .articles
            .iter()
            .map(|a| (a.id.as_str(), a.body()))
            .collect();
        let mut c = Checker {
            texts,
            problems: Vec::new(),
        };
        if self.format != super::FORMAT {
            c.report(
                "format",
                format!("\"{}\" is not \"{}\"", self.format, super::FORMAT),
            );
        }
        c.unique("articles", self.articles.iter().map(|a| &a.id));
        for (i, a) in self.articles.iter().enumerate() {
            if let Some(orig) = &a.syndicates {
                c.article_ref(&format!("articles[{i}].syndicates"), orig);
            }
        }
        c.unique("places", self.places.iter().map(|a| &a.id));
        c.unique("parties", self.parties.iter().map(|a| &a.id));
        c.unique("quotes", self.quotes.iter().map(|a| &a.id));
        c.unique("events", self.events.iter().map(|a| &a.id));
        let place_ids: HashSet<&str> = self.places.iter().map(|p| p.id.as_str()).collect();
        let party_ids: HashSet<&str> = self.parties.iter().map(|p| p.id.as_str()).collect();
        let quote_ids: HashSet<&str> = self.quotes.iter().map(|p| p.id.as_str()).collect();

        for (i, p) in self.places.iter().enumerate() {
            let path = format!("places[{i}]");
            check_coord(&mut c, &format!("{path}.lat"), p.lat, 90.0);
            check_coord(&mut c, &format!("{path}.lon"), p.lon, 180.0);
            if let Some(code) = &p.country
                && !country_code_ok(code)
            {
                c.report(
                    format!("{path}.country"),
                    format!("\"{code}\" is not an ISO 3166-1 alpha-2 code"),
                );
            }
            if let Some(g) = &p.geometry
                && let Err(msg) = check_geometry(g)
            {
                c.report(format!("{path}.geometry"), msg);
            }
            for (j, m) in p.mentions.iter().enumerate() {
                let mp = format!("{path}.mentions[{j}]");
                if let Some(text) = c.article_ref(&format!("{mp}.article"), &m.article) {
                    c.span(&mp, text, m.span());
                }
            }
        }
        for (i, p) in self.parties.iter().enumerate() {
            let path = format!("parties[{i}]");
            if let Some(code) = &p.country
                && !country_code_ok(code)
            {
                c.report(
                    format!("{path}.country"),
                    format!("\"{code}\" is not an ISO 3166-1 alpha-2 code"),
                );
            }
            for (j, m) in p.mentions.iter().enumerate() {
                let mp = format!("{path}.mentions[{j}]");
                if let Some(text) = c.article_ref(&format!("{mp}.article"), &m.article) {
                    c.span(&mp, text, m.span());
                }
            }
        }
        for (i, q) in self.quotes.iter().enumerate() {
            let path = format!("quotes[{i}]");
            if let Some(s) = &q.speaker {
                c.reference(&format!("{path}.speaker"), s, &party_ids, "a party");
            }
            if let Some(text) = c.article_ref(&format!("{path}.article"), &q.article)
                && let Some(covered) = c.span(&path, text, q.span())
                && covered != q.text
            {
                c.report(
                    format!("{path}.text"),
                    format!(
                        "does not match the article text at {}..{} (\"{}\")",
                        q.start,
                        q.end,
                        clip(covered.chars().take(81).collect(), 80)
                    ),
                );
            }
        }
        for (i, e) in self.events.iter().enumerate() {
            let path = format!("events[{i}]");
            match (&e.article, e.sources.is_empty()) {
                (Some(_), false) => {
                    c.report(&path, "has both \"article\" and \"sources\"; give one")
                }
                (None, true) => c.report(&path, "needs \"article\" or \"sources\""),
                _ => {}
            }
            if let Some(a) = &e.article {
                c.article_ref(&format!("{path}.article"), a);
            }
            for (j, a) in e.sources.iter().enumerate() {
                c.article_ref(&format!("{path}.sources[{j}]"), a);
            }
            if let Some(p) = &e.place {
                c.reference(&format!("{path}.place"), p, &place_ids, "a place");
            }
            for (j, p) in e.parties.iter().enumerate() {
                c.reference(&format!("{path}.parties[{j}]"), p, &party_ids, "a party");
            }
            for (j, q) in e.quotes.iter().enumerate() {
                c.reference(&format!("{path}.quotes[{j}]"), q, &quote_ids, "a quote");
            }
            for (j, r) in e.reports.iter().enumerate() {
                if !e.articles().any(|a| a == r.article) {
                    c.report(
                        format!("{path}.reports[{j}].article"),
                        format!("\"{}\" is not one of the event's articles", r.article),
                    );
                }
            }
            for (field, ids) in [("actors", &e.actors), ("targets", &e.targets)] {
                for (j, p) in ids.iter().enumerate() {
                    if !e.parties.contains(p) {
                        c.report(
                            format!("{path}.{field}[{j}]"),
                            format!("\"{p}\" is not among the event's parties"),
                        );
                    }
                }
            }
            if let Some(g) = e.geo_precision
                && !(1..=3).contains(&g)
            {
                c.report(
                    format!("{path}.geo_precision"),
                    format!("{g} is not 1, 2 or 3"),
                );
            }
            if let Some(conf) = e.confidence
                && !(conf.is_finite() && (0.0..=1.0).contains(&conf))
            {
                c.report(
                    format!("{path}.confidence"),
                    format!("{conf} is outside [0, 1]"),
                );
            }
            let primary = e.primary_article().and_then(|a| c.texts.get(a).copied());
            if let Some(d) = &e.date {
                if let (Some(s), Some(t)) = (d.first_day(), d.last_day())
                    && s > t
                {
                    c.report(
                        format!("{path}.date.start"),
                        format!("{} is after end {}", d.start.unwrap(), d.end.unwrap()),
                    );
                }
                if let (Some(ph), Some(text)) = (d.phrase, primary) {
                    c.span(&format!("{path}.date.phrase"), text, ph);
                }
            }
            if let (Some(why), Some(text)) = (&e.why, primary) {
                let wp = format!("{path}.why");
                c.span(&format!("{wp}.trigger"), text, why.trigger);
                for (field, span) in [
                    ("actor", why.actor),
                    ("target", why.target),
                    ("place", why.place),
                ] {
                    if let Some(span) = span {
                        c.span(&format!("{wp}.{field}"), text, span);
                    }
                }
            }
            for (j, ev) in e.evidence.iter().enumerate() {
                let ep = format!("{path}.evidence[{j}]");
                let text = match &ev.article {
                    Some(a) => c.article_ref(&format!("{ep}.article"), a),
                    None => primary,
                };
                if let Some(text) = text {
                    c.span(&ep, text, ev.span());
                }
            }
        }
        c.problems
    }
}

fn check_coord(c: &mut Checker, path: &str, v: f64, limit: f64) {
    if !v.is_finite() {
        c.report(path, format!("{v} is not a number"));
    } else if v.abs() > limit {
        c.report(path, format!("{v} is outside [-{limit}, {limit}]"));
    }
}

/// Checks a GeoJSON geometry's type and that every position is a finite lon/lat on Earth.
fn check_geometry(g: &serde_json::Value) -> Result<(), String> {
    let ty = g
        .get("type")
        .and_then(|t| t.as_str())
        .ok_or("has no \"type\"")?;
    let coords = g.get("coordinates").ok_or("has no \"coordinates\"")?;
    let depth = match ty {
        "Point" => 0,
        "LineString" | "MultiPoint" => 1,
        "Polygon" | "MultiLineString" => 2,
        "MultiPolygon" => 3,
        other => {
            return Err(format!(
                "type \"{other}\" is not supported (use Point, LineString, Polygon or their Multi forms)"
            ));
        }
    };
    fn walk(v: &serde_json::Value, depth: usize) -> Result<(), String> {
        let arr = v
            .as_array()
            .ok_or("coordinates are not nested arrays of the right depth")?;
        if depth == 0 {
            let nums: Vec<f64> = arr.iter().filter_map(|n| n.as_f64()).collect();
            if nums.len() < 2 || nums.len() != arr.len() {
                return Err(format!("position {v} is not [lon, lat]"));
            }
            if nums[0].abs() > 180.0 || nums[1].abs() > 90.0 {
                return Err(format!(
                    "position {v} is not on Earth (lon within ±180, lat within ±90)"
                ));
            }
            return Ok(());
        }
        if arr.is_empty() {
            return Err("has an empty coordinate list".into());
        }
        arr.iter().try_for_each(|x| walk(x, depth - 1))
    }
    walk(coords, depth)
}
