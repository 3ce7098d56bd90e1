//! The events gold set: does extraction find the events, actors, places, dates and speakers an
//! analyst would, with titles an analyst can read? Format and annotation guidelines are in
//! `tests/data/README.md`; the rubrics are written out here, next to the code that applies them.
//!
//! **Matching.** A predicted event matches a gold event when one of its evidence sentences
//! overlaps one of the gold event's and its kind is the gold kind or one of its `alt_kinds`.
//! Matching is one-to-one, largest overlap first: a second prediction of the same gold event is
//! a false positive (the map would show the event twice).
//!
//! - **Event precision / recall**: matched predictions over predictions / matched gold events
//!   over gold events. The gold leaves out background history older than about a year (see the
//!   guidelines), so an unmatched prediction dated wholly more than 366 days before publication
//!   is neither right nor wrong: it is counted apart, as "history", not as a false positive.
//!   Nor does it annotate plans; an unmatched prediction the extractor marks as planned or
//!   announced (mode `future`) is counted apart, as "plans".
//! - **Actors** (over matched pairs): both sides right. For meetings, agreements and cooperation
//!   the gold actor and target are participants in either order; otherwise the gold actor must be
//!   among the predicted actors and the gold target among the predicted targets, and a side the
//!   gold leaves empty must be empty. A predicted party matches a gold one by name or alias
//!   (case, a leading "the" or possessive pronoun and the dots of an abbreviation ignored: "U.S." is "US"), a state
//!   by its country code, a person by surname.
//! - **Places** (matched pairs whose gold event has a place): the predicted place lies within
//!   161 km of the gold point, or has the gold place's name.
//! - **Dates** (matched pairs whose gold event has a date): the predicted range lies inside the
//!   gold range; an open range ("before 13 Nov") is wrong where the gold gives days.
//! - **Speakers** (gold quotes with a speaker in the text): the predicted quote with the largest
//!   overlap has a speaker that matches the gold speaker.
//! - **Headline event**: articles whose gold main event is matched with the right date and place.
//! - **Titles** (matched pairs): acceptable when all of these hold —
//!   1. it is a sentence of its own, not the fallback "Kind: verb" form;
//!   2. it reads as English: capitalised, no word twice in a row, no two prepositions in a row
//!      ("call on with"), no preposition at the end;
//!   3. it names the gold actor, if the gold has one;
//!   4. it names the gold target, if the gold has one (incidents excepted);
//!   5. every party the title names is one of the gold event's participants (no topic made a
//!      participant, no bystander from the next sentence); a state named only inside a
//!      participant's own name ("Pakistan" in "Pakistan government") is not named apart;
//!   6. every capitalised word after the first occurs in the article or its headline, or in
//!      the full name of one of the extracted event's own parties ("United States" where the
//!      text says "US").
//! - Pairing: an extracted event reports the gold event whose evidence it overlaps most; at
//!   equal overlap, a gold event of its own kind before one it matches only as an alternative.

use serde::Deserialize;

use super::toponyms::{self, GoldToponym};
use super::{Offsets, ratio};
use crate::extract::extract;
use crate::geodata::gazetteer::Gazetteer;
use crate::geodata::gazetteer::resolve::km_between;
use crate::model::{
    ArticleInput, Dataset, Event, EventKind, IdMaps, Party, PartyKind, Span, parse_day,
};

/// A span of gold text, in code points.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldSpan {
    /// First code point.
    pub start: usize,
    /// One past the last.
    pub end: usize,
    /// The text (checked against `text[start..end]` by the tests).
    #[serde(default)]
    pub text: String,
}

/// A gold place mention.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldPlaceMention {
    /// First code point.
    pub start: usize,
    /// One past the last.
    pub end: usize,
    /// The name as written.
    pub text: String,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
}

/// A gold quote.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldQuote {
    /// First code point of the quoted words.
    pub start: usize,
    /// One past the last.
    pub end: usize,
    /// The quoted words.
    #[serde(default)]
    pub text: String,
    /// Who said it, when the text says.
    pub speaker: Option<String>,
    /// Other names the text uses for the speaker.
    #[serde(default)]
    pub speaker_aliases: Vec<String>,
    /// person, organization, state or group.
    #[serde(default)]
    pub speaker_kind: Option<String>,
}

/// A gold participant.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldActor {
    /// Its name.
    pub name: String,
    /// Other names the text uses.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// person, state, organization or group.
    #[serde(default)]
    pub kind: Option<String>,
    /// ISO 3166-1 alpha-2.
    #[serde(default)]
    pub country: Option<String>,
}

/// A gold date range (inclusive days).
#[derive(Clone, Debug, Deserialize)]
pub struct GoldDate {
    /// First day.
    pub start: String,
    /// Last day.
    pub end: String,
}

/// A gold event place.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldPlace {
    /// Its name.
    pub name: String,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
}

/// A gold event.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldEvent {
    /// PLOVER type or INCIDENT.
    pub kind: EventKind,
    /// Other kinds a reasonable annotator could choose.
    #[serde(default)]
    pub alt_kinds: Vec<EventKind>,
    /// The article's main event.
    #[serde(default)]
    pub headline: bool,
    /// The sentences that report it.
    pub evidence: Vec<GoldSpan>,
    /// Who did it.
    pub actor1: Option<GoldActor>,
    /// To whom.
    pub actor2: Option<GoldActor>,
    /// Other participants.
    #[serde(default)]
    pub others: Vec<GoldActor>,
    /// When.
    pub date: Option<GoldDate>,
    /// Where.
    pub place: Option<GoldPlace>,
    /// The real-world event it reports (merge gold only): events of different articles with the
    /// same id are one event.
    #[serde(default)]
    pub same_as: Option<String>,
}

/// A gold article.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldArticle {
    /// Its id.
    pub id: String,
    /// Publisher ("Wikinews").
    #[serde(default)]
    pub source: String,
    /// Its licence.
    #[serde(default)]
    pub licence: String,
    /// Where it was published.
    #[serde(default)]
    pub url: String,
    /// Headline.
    #[serde(default)]
    pub title: String,
    /// Publication date.
    #[serde(default)]
    pub published: Option<String>,
    /// Only the first paragraphs were available.
    #[serde(default)]
    pub partial: bool,
    /// The story it belongs to (merge gold only).
    #[serde(default)]
    pub story: Option<String>,
    /// The article this one is a copy of (merge gold only).
    #[serde(default)]
    pub syndicates: Option<String>,
    /// The body text.
    pub text: String,
    /// Every place mention.
    #[serde(default)]
    pub places: Vec<GoldPlaceMention>,
    /// Every quote.
    #[serde(default)]
    pub quotes: Vec<GoldQuote>,
    /// Every event.
    #[serde(default)]
    pub events: Vec<GoldEvent>,
}

impl GoldArticle {
    /// What the extractor reads: the body text, headline and publication date.
    pub fn input(&self) -> ArticleInput {
        let mut input = ArticleInput::new(self.text.clone());
        input.title = Some(self.title.clone()).filter(|t| !t.is_empty());
        input.published = self.published.as_deref().and_then(|p| parse_day(p).ok());
        input.source = Some(self.source.clone()).filter(|s| !s.is_empty());
        input.url = Some(self.url.clone()).filter(|s| !s.is_empty());
        input
    }
}

/// Counts behind one figure.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize)]
pub struct Tally {
    /// Right.
    pub right: usize,
    /// Scored.
    pub of: usize,
}

impl Tally {
    fn add(&mut self, ok: bool) {
        self.of += 1;
        self.right += ok as usize;
    }

    /// `right / of`.
    pub fn rate(&self) -> f64 {
        ratio(self.right, self.of)
    }
}

/// The figures over a gold set.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct EventScores {
    /// Articles.
    pub articles: usize,
    /// Matched predictions / predictions.
    pub event_precision: Tally,
    /// Matched gold events / gold events.
    pub event_recall: Tally,
    /// Both sides right, over matched pairs.
    pub actors: Tally,
    /// Place within 161 km, over matched pairs with a gold place.
    pub places: Tally,
    /// Date inside the gold range, over matched pairs with a gold date.
    pub dates: Tally,
    /// Right speaker, over gold quotes with a speaker.
    pub speakers: Tally,
    /// Acceptable titles, over matched pairs.
    pub titles: Tally,
    /// Main event found with the right date and place, over articles with one.
    pub headline: Tally,
    /// Unmatched predictions of history the gold does not annotate (not in precision).
    pub history: usize,
    /// Unmatched predictions marked as planned or announced, which the gold does not annotate
    /// (not in precision).
    pub plans: usize,
    /// Place mentions: precision, recall and acc@161 of the toponym scorer.
    pub toponyms: toponyms::ToponymScores,
}

impl EventScores {
    /// Name and value of each figure, in reading order.
    pub fn rows(&self) -> Vec<(&'static str, String)> {
        let t = |x: &Tally| format!("{:.3}  ({} of {})", x.rate(), x.right, x.of);
        vec![
            ("articles", self.articles.to_string()),
            ("event precision", t(&self.event_precision)),
            ("event recall", t(&self.event_recall)),
            ("actors", t(&self.actors)),
            ("places", t(&self.places)),
            ("dates", t(&self.dates)),
            ("speakers", t(&self.speakers)),
            ("titles", t(&self.titles)),
            ("headline event", t(&self.headline)),
            ("unjudged history", self.history.to_string()),
            ("unjudged plans", self.plans.to_string()),
            ("place precision", format!("{:.3}", self.toponyms.precision)),
            ("place recall", format!("{:.3}", self.toponyms.recall)),
            ("place acc@161", format!("{:.3}", self.toponyms.acc161)),
        ]
    }
}

/// Scores and what went wrong, for reading.
#[derive(Clone, Debug, Default)]
pub struct EventReport {
    /// The figures.
    pub scores: EventScores,
    /// One line per miss, false positive or wrong part, prefixed with the article id.
    pub problems: Vec<String>,
}

/// Runs the extractor over every article and scores it.
pub fn score(articles: &[GoldArticle], gaz: &Gazetteer) -> EventReport {
    let mut s = EventScores {
        articles: articles.len(),
        ..Default::default()
    };
    let mut problems = Vec::new();
    for a in articles {
        let ds = extract(&a.input(), gaz);
        score_article(a, &ds, &mut s, &mut problems);
    }
    let places: Vec<toponyms::GoldArticle> = articles
        .iter()
        .map(|a| toponyms::GoldArticle {
            id: a.id.clone(),
            text: a.text.clone(),
            published: a.published.clone(),
            toponyms: a
                .places
                .iter()
                .map(|p| GoldToponym {
                    start: p.start,
                    end: p.end,
                    name: p.text.clone(),
                    lat: p.lat,
                    lon: p.lon,
                })
                .collect(),
        })
        .collect();
    let t = toponyms::score(&places, gaz);
    s.toponyms = t.scores;
    problems.extend(t.problems.into_iter().map(|p| format!("place {p}")));
    EventReport {
        scores: s,
        problems,
    }
}

/// Pairs each gold event with the extracted event (index into `ds.events`) that reports it: same
/// kind (or an allowed alternative) and overlapping evidence, largest overlap first; at equal
/// overlap (two events told in one sentence) the one whose actor is the gold's actor, then the
/// same kind before an alternative; each used once.
pub fn match_events(a: &GoldArticle, ds: &Dataset) -> Vec<Option<usize>> {
    let offsets = Offsets::new(&a.text);
    let bytes = |g: &GoldSpan| -> Option<Span> {
        Some(Span::new(offsets.byte(g.start)?, offsets.byte(g.end)?))
    };
    let ids = IdMaps::new(ds);
    let acted = |p: &crate::model::Event, g: &GoldEvent| {
        g.actor1.as_ref().is_some_and(|gold| {
            p.actors
                .iter()
                .filter_map(|pid| ids.parties.get(pid).map(|&i| &ds.parties[i]))
                .any(|party| party_matches(party, gold))
        })
    };
    // Candidate pairs, largest overlap first. (overlap, other actor, alt, pred, gold)
    let mut pairs: Vec<(usize, bool, bool, usize, usize)> = Vec::new();
    for (pi, p) in ds.events.iter().enumerate() {
        for (gi, g) in a.events.iter().enumerate() {
            if p.kind != g.kind && !g.alt_kinds.contains(&p.kind) {
                continue;
            }
            let overlap: usize =
                p.evidence
                    .iter()
                    .flat_map(|pe| {
                        g.evidence.iter().filter_map(bytes).map(move |ge| {
                            pe.end.min(ge.end).saturating_sub(pe.start.max(ge.start))
                        })
                    })
                    .sum();
            if overlap > 0 {
                pairs.push((overlap, !acted(p, g), p.kind != g.kind, pi, gi));
            }
        }
    }
    pairs.sort_by(|x, y| {
        y.0.cmp(&x.0)
            .then(x.1.cmp(&y.1))
            .then(x.2.cmp(&y.2))
            .then(x.3.cmp(&y.3))
            .then(x.4.cmp(&y.4))
    });
    let mut pred_of_gold: Vec<Option<usize>> = vec![None; a.events.len()];
    let mut used = vec![false; ds.events.len()];
    for (_, _, _, pi, gi) in pairs {
        if pred_of_gold[gi].is_none() && !used[pi] {
            pred_of_gold[gi] = Some(pi);
            used[pi] = true;
        }
    }
    pred_of_gold
}

/// Scores one article's extracted dataset.
pub fn score_article(
    a: &GoldArticle,
    ds: &Dataset,
    s: &mut EventScores,
    problems: &mut Vec<String>,
) {
    let ids = IdMaps::new(ds);
    let offsets = Offsets::new(&a.text);
    let id = &a.id;
    let pred_of_gold = match_events(a, ds);
    let mut gold_of_pred: Vec<Option<usize>> = vec![None; ds.events.len()];
    for (gi, pi) in pred_of_gold.iter().enumerate() {
        if let Some(pi) = pi {
            gold_of_pred[*pi] = Some(gi);
        }
    }
    let published = a.published.as_deref().and_then(|p| parse_day(p).ok());
    for (pi, p) in ds.events.iter().enumerate() {
        if gold_of_pred[pi].is_none() && is_history(p, published) {
            s.history += 1;
            continue;
        }
        // Plans and announcements the extractor marks as such: the gold leaves them out.
        if gold_of_pred[pi].is_none() && p.mode == Some(crate::model::Mode::Future) {
            s.plans += 1;
            continue;
        }
        s.event_precision.add(gold_of_pred[pi].is_some());
        if gold_of_pred[pi].is_none() {
            let said = p
                .evidence
                .first()
                .and_then(|e| a.text.get(e.start..e.end))
                .unwrap_or("");
            problems.push(format!(
                "{id}: extra {} \"{}\": {}",
                p.kind.code(),
                p.title,
                clip(said, 120)
            ));
        }
    }
    let party = |pid: &String| ids.parties.get(pid).map(|&i| &ds.parties[i]);
    for (gi, g) in a.events.iter().enumerate() {
        s.event_recall.add(pred_of_gold[gi].is_some());
        let Some(pi) = pred_of_gold[gi] else {
            let first = g.evidence.first().map_or("", |e| e.text.as_str());
            problems.push(format!(
                "{id}: missed {}{}: {}",
                g.kind.code(),
                if g.headline { " (main event)" } else { "" },
                clip(first, 120)
            ));
            if g.headline {
                s.headline.add(false);
            }
            continue;
        };
        let p = &ds.events[pi];
        let actors: Vec<&Party> = p.actors.iter().filter_map(party).collect();
        let targets: Vec<&Party> = p.targets.iter().filter_map(party).collect();
        let all: Vec<&Party> = p.parties.iter().filter_map(party).collect();
        let actors_ok = actors_right(g, &actors, &targets, &all);
        s.actors.add(actors_ok);
        if !actors_ok {
            problems.push(format!(
                "{id}: actors of \"{}\": {} → {} (gold {} → {})",
                p.title,
                names(&actors),
                names(&targets),
                g.actor1.as_ref().map_or("—", |x| x.name.as_str()),
                g.actor2.as_ref().map_or("—", |x| x.name.as_str()),
            ));
        }
        let mut place_ok = true;
        if let Some(gp) = &g.place {
            let pp = ds.event_place(p, &ids);
            place_ok = pp.is_some_and(|pp| {
                km_between(gp.lat, gp.lon, pp.lat, pp.lon) <= toponyms::ACC_KM
                    || norm(&pp.name) == norm(&gp.name)
            });
            s.places.add(place_ok);
            if !place_ok {
                problems.push(format!(
                    "{id}: place of{} \"{}\": {} (gold {})",
                    if g.headline { " the main event" } else { "" },
                    p.title,
                    pp.map_or("none".to_owned(), |x| x.name.clone()),
                    gp.name
                ));
            }
        }
        let mut date_ok = true;
        if let Some(gd) = &g.date {
            date_ok = date_inside(p, gd);
            s.dates.add(date_ok);
            if !date_ok {
                problems.push(format!(
                    "{id}: date of{} \"{}\": {} (gold {}..{})",
                    if g.headline { " the main event" } else { "" },
                    p.title,
                    p.date.as_ref().map_or("none".to_owned(), |d| d.label()),
                    gd.start,
                    gd.end
                ));
            }
        }
        let why = title_problem(&p.title, g, &all, &a.text, &a.title);
        s.titles.add(why.is_none());
        if let Some(why) = why {
            problems.push(format!("{id}: title \"{}\": {why}", p.title));
        }
        if g.headline {
            s.headline.add(place_ok && date_ok);
        }
    }
    for q in &a.quotes {
        let Some(speaker) = &q.speaker else { continue };
        let (Some(qs), Some(qe)) = (offsets.byte(q.start), offsets.byte(q.end)) else {
            continue;
        };
        let best = ds
            .quotes
            .iter()
            .map(|pq| (pq.end.min(qe).saturating_sub(pq.start.max(qs)), pq))
            .filter(|(o, _)| *o > 0)
            .max_by_key(|(o, _)| *o)
            .map(|(_, pq)| pq);
        let got = best.and_then(|pq| pq.speaker.as_ref()).and_then(&party);
        let gold = GoldActor {
            name: speaker.clone(),
            aliases: q.speaker_aliases.clone(),
            kind: q.speaker_kind.clone(),
            country: None,
        };
        let ok = got.is_some_and(|g| party_matches(g, &gold));
        s.speakers.add(ok);
        if !ok {
            problems.push(format!(
                "{id}: speaker of “{}”: {} (gold {speaker})",
                clip(&q.text, 60),
                match (best, got) {
                    (None, _) => "quote not found".to_owned(),
                    (Some(_), None) => "none".to_owned(),
                    (Some(_), Some(g)) => g.name.clone(),
                }
            ));
        }
    }
}

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        format!("{}…", s.chars().take(n).collect::<String>())
    }
}

fn names(ps: &[&Party]) -> String {
    if ps.is_empty() {
        return "—".to_owned();
    }
    ps.iter()
        .map(|p| p.name.as_str())
        .collect::<Vec<_>>()
        .join(" + ")
}

/// Lowercase words only, without a leading "the", an abbreviation's letters as one word.
fn norm(s: &str) -> String {
    let lower: String = s
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_lowercase().next().unwrap_or(c)
            } else {
                ' '
            }
        })
        .collect();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let words = match words.first() {
        // "his followers" names the group its sentence means, like "the followers".
        Some(&("the" | "his" | "her" | "its" | "their")) => &words[1..],
        _ => &words[..],
    };
    // "U.S." and "US" are one abbreviation: single letters in a row are one word.
    let mut out = String::new();
    for (i, w) in words.iter().enumerate() {
        let letter = |x: Option<&&str>| x.is_some_and(|x| x.chars().count() == 1);
        let joined = letter(Some(w)) && i > 0 && letter(words.get(i - 1));
        if i > 0 && !joined {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Does a predicted party stand for a gold one?
fn party_matches(p: &Party, g: &GoldActor) -> bool {
    let gold: Vec<String> = std::iter::once(&g.name)
        .chain(&g.aliases)
        .map(|n| norm(n))
        .filter(|n| !n.is_empty())
        .collect();
    let pred: Vec<String> = std::iter::once(&p.name)
        .chain(&p.aliases)
        .map(|n| norm(n))
        .collect();
    if pred.iter().any(|n| gold.contains(n)) {
        return true;
    }
    let state = g.kind.as_deref() == Some("state");
    if state && p.kind == PartyKind::State && p.country.is_some() && p.country == g.country {
        return true;
    }
    // A person by surname: "Yoon" for "Yoon Suk-yeol" is handled by aliases; "Kishida" for
    // "Fumio Kishida" by the last word.
    if p.kind == PartyKind::Person && g.kind.as_deref().is_none_or(|k| k == "person") {
        let last = |s: &str| s.split_whitespace().last().map(str::to_owned);
        let pl = last(&norm(&p.name));
        return gold.iter().any(|n| last(n) == pl && pl.is_some());
    }
    false
}

/// Both sides right (see the module docs).
fn actors_right(g: &GoldEvent, actors: &[&Party], targets: &[&Party], all: &[&Party]) -> bool {
    let symmetric = g.kind.is_mutual();
    let found = |gold: &GoldActor, among: &[&Party]| among.iter().any(|p| party_matches(p, gold));
    if symmetric {
        let sides: Vec<&Party> = actors.iter().chain(targets).copied().collect();
        let sides = if sides.is_empty() {
            all.to_vec()
        } else {
            sides
        };
        return [&g.actor1, &g.actor2]
            .into_iter()
            .flatten()
            .all(|gold| found(gold, &sides));
    }
    let side_ok = |gold: &Option<GoldActor>, pred: &[&Party]| match gold {
        Some(gold) => found(gold, pred),
        None => pred.is_empty(),
    };
    side_ok(&g.actor1, actors) && side_ok(&g.actor2, targets)
}

/// The event ended more than 366 days before the article was published: background history,
/// which the gold does not annotate.
fn is_history(p: &Event, published: Option<jiff::civil::Date>) -> bool {
    match (p.date.as_ref().and_then(|d| d.last_day()), published) {
        (Some(last), Some(pubd)) => {
            crate::model::day_number(pubd) - crate::model::day_number(last) > 366
        }
        _ => false,
    }
}

/// The predicted range lies inside the gold range.
fn date_inside(p: &Event, gd: &GoldDate) -> bool {
    let (Ok(gs), Ok(ge)) = (parse_day(&gd.start), parse_day(&gd.end)) else {
        return false;
    };
    let Some(d) = &p.date else { return false };
    match (d.first_day(), d.last_day()) {
        (Some(a), Some(b)) => gs <= a && b <= ge,
        _ => false,
    }
}

const PREPOSITIONS: &[&str] = &[
    "on", "with", "against", "in", "near", "at", "to", "of", "for", "by", "from",
];

/// Why a title is not acceptable (see the module docs), or `None`.
fn title_problem(
    title: &str,
    g: &GoldEvent,
    parties: &[&Party],
    text: &str,
    headline: &str,
) -> Option<String> {
    if title.contains(": ") {
        return Some("the fallback form".to_owned());
    }
    let words: Vec<&str> = title.split_whitespace().collect();
    if !title.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
        return Some("not capitalised".to_owned());
    }
    for w in words.windows(2) {
        let (a, b) = (w[0].to_lowercase(), w[1].to_lowercase());
        if a == b {
            return Some(format!("\"{a}\" twice"));
        }
        if PREPOSITIONS.contains(&a.as_str()) && PREPOSITIONS.contains(&b.as_str()) {
            return Some(format!("\"{} {}\"", w[0], w[1]));
        }
    }
    if words
        .last()
        .is_some_and(|w| PREPOSITIONS.contains(&w.to_lowercase().as_str()))
    {
        return Some("ends with a preposition".to_owned());
    }
    let lower = norm(title);
    let says = |a: &GoldActor| {
        std::iter::once(&a.name).chain(&a.aliases).any(|n| {
            let n = norm(n);
            !n.is_empty()
                && (contains_words(&lower, &n)
                    || n.split_whitespace()
                        .last()
                        .is_some_and(|last| last.len() > 2 && contains_words(&lower, last)))
        })
    };
    if let Some(a) = &g.actor1
        && !says(a)
    {
        return Some(format!("does not name the actor ({})", a.name));
    }
    if g.kind != EventKind::Incident
        && let Some(t) = &g.actor2
        && !says(t)
    {
        return Some(format!("does not name the target ({})", t.name));
    }
    let gold_parties: Vec<&GoldActor> = g
        .actor1
        .iter()
        .chain(g.actor2.iter())
        .chain(g.others.iter())
        .collect();
    // Names of the event's parties that are gold participants, as the title gives them.
    let participant_names: Vec<String> = parties
        .iter()
        .filter(|q| gold_parties.iter().any(|gp| party_matches(q, gp)))
        .flat_map(|q| std::iter::once(&q.name).chain(&q.aliases))
        .map(|m| norm(m))
        // "Government of Pakistan" is written "Pakistan government" too.
        .flat_map(|m| {
            let swapped = m
                .strip_prefix("government of ")
                .map(|x| format!("{x} government"));
            std::iter::once(m).chain(swapped)
        })
        .filter(|m| contains_words(&lower, m))
        .collect();
    for p in parties {
        // "Pakistan" inside "Pakistan government", a participant's own name, names no one else.
        let named = std::iter::once(&p.name).chain(&p.aliases).any(|n| {
            let n = norm(n);
            contains_words(&lower, &n)
                && !participant_names
                    .iter()
                    .any(|m| m != &n && contains_words(m, &n))
        });
        if named && !gold_parties.iter().any(|gp| party_matches(p, gp)) {
            return Some(format!("names {} who is no participant", p.name));
        }
    }
    for w in words.iter().skip(1) {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        // A party's full name stands for its short form ("United States" for "US").
        let party_word = parties.iter().any(|p| p.name.split(' ').any(|x| x == w));
        if w.starts_with(char::is_uppercase)
            && !text.contains(w)
            && !headline.contains(w)
            && !party_word
        {
            return Some(format!("\"{w}\" is not in the article"));
        }
    }
    None
}

/// `hay` contains `needle` as whole words (both normalised).
fn contains_words(hay: &str, needle: &str) -> bool {
    !needle.is_empty() && format!(" {hay} ").contains(&format!(" {needle} "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn party(name: &str, kind: PartyKind, cc: Option<&str>) -> Party {
        Party {
            id: norm(name).replace(' ', "-"),
            name: name.to_owned(),
            kind,
            country: cc.map(str::to_owned),
            role: None,
            aliases: Vec::new(),
            mentions: Vec::new(),
        }
    }

    fn actor(name: &str, kind: &str, cc: Option<&str>, aliases: &[&str]) -> GoldActor {
        GoldActor {
            name: name.to_owned(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            kind: Some(kind.to_owned()),
            country: cc.map(str::to_owned),
        }
    }

    fn gold(kind: EventKind, a1: Option<GoldActor>, a2: Option<GoldActor>) -> GoldEvent {
        GoldEvent {
            kind,
            alt_kinds: Vec::new(),
            headline: false,
            evidence: Vec::new(),
            actor1: a1,
            actor2: a2,
            others: Vec::new(),
            date: None,
            place: None,
            same_as: None,
        }
    }

    #[test]
    fn parties_match_by_alias_country_or_surname() {
        let kishida = party("Fumio Kishida", PartyKind::Person, Some("JP"));
        assert!(party_matches(
            &kishida,
            &actor("Fumio Kishida", "person", Some("JP"), &[])
        ));
        assert!(party_matches(
            &kishida,
            &actor("Prime Minister Kishida", "person", None, &[])
        ));
        let japan = party("Japan", PartyKind::State, Some("JP"));
        assert!(party_matches(
            &japan,
            &actor("Japanese government", "state", Some("JP"), &[])
        ));
        assert!(!party_matches(
            &japan,
            &actor("China", "state", Some("CN"), &[])
        ));
    }

    #[test]
    fn both_sides_must_be_right() {
        let (fr, de, ua) = (
            party("France", PartyKind::State, Some("FR")),
            party("Germany", PartyKind::State, Some("DE")),
            party("Ukraine", PartyKind::State, Some("UA")),
        );
        let meet = gold(
            EventKind::Consult,
            Some(actor("France", "state", Some("FR"), &[])),
            Some(actor("Germany", "state", Some("DE"), &[])),
        );
        assert!(actors_right(&meet, &[&de, &fr], &[], &[&de, &fr]));
        assert!(!actors_right(&meet, &[&fr], &[&ua], &[&fr, &ua]));
        let bomb = gold(
            EventKind::Incident,
            None,
            Some(actor("hotel guests", "group", None, &[])),
        );
        assert!(
            !actors_right(&bomb, &[&fr], &[], &[&fr]),
            "no actor invented"
        );
    }

    #[test]
    fn history_the_gold_leaves_out_is_no_false_positive() {
        let a: GoldArticle = serde_json::from_value(serde_json::json!({
            "id": "t1",
            "published": "2021-05-20",
            "text": "Rebels seized the port of Tarsa in March 2009. \
                     Rebels attacked Tarsa on Monday.",
        }))
        .unwrap();
        let ds = extract(&a.input(), Gazetteer::embedded());
        let mut s = EventScores::default();
        score_article(&a, &ds, &mut s, &mut Vec::new());
        assert_eq!(s.history, 1, "{:?}", ds.events);
        assert_eq!(s.event_precision, Tally { right: 0, of: 1 });
        // A plan the extractor marks as one is counted apart too.
        let a: GoldArticle = serde_json::from_value(serde_json::json!({
            "id": "t2",
            "published": "2021-05-20",
            "text": "Omar Haddad will meet Ana Ruiz in Lima on Friday.",
        }))
        .unwrap();
        let ds = extract(&a.input(), Gazetteer::embedded());
        let mut s = EventScores::default();
        score_article(&a, &ds, &mut s, &mut Vec::new());
        assert_eq!(s.plans, 1, "{:?}", ds.events);
        assert_eq!(s.event_precision, Tally { right: 0, of: 0 });
    }

    #[test]
    fn the_title_rubric() {
        let meet = gold(
            EventKind::Consult,
            Some(actor("France", "state", Some("FR"), &[])),
            Some(actor("Germany", "state", Some("DE"), &[])),
        );
        let ua = party("Ukraine", PartyKind::State, Some("UA"));
        let text = "Leaders of France and Germany met to discuss Ukraine.";
        assert_eq!(
            title_problem("France and Germany meet", &meet, &[], text, ""),
            None
        );
        assert!(
            title_problem("France and Germany meet Ukraine", &meet, &[&ua], text, "")
                .unwrap()
                .contains("no participant")
        );
        assert!(
            title_problem("France call on with Germany", &meet, &[], text, "")
                .unwrap()
                .contains("on with")
        );
        assert!(title_problem("Meeting / talks: meet", &meet, &[], text, "").is_some());
        assert!(
            title_problem("France and Germany meet in Paris", &meet, &[], text, "")
                .unwrap()
                .contains("Paris")
        );
        // A state named only inside its government's name names no one else.
        let urge = gold(
            EventKind::Request,
            Some(actor("France", "state", Some("FR"), &[])),
            Some(actor("Government of Peru", "organization", Some("PE"), &[])),
        );
        let fr = party("France", PartyKind::State, Some("FR"));
        let pe = party("Peru", PartyKind::State, Some("PE"));
        let gov = party("Government of Peru", PartyKind::Organization, Some("PE"));
        let text = "France urged the government of Peru to act.";
        assert_eq!(
            title_problem(
                "France urges Peru government",
                &urge,
                &[&fr, &gov, &pe],
                text,
                ""
            ),
            None
        );
        assert!(title_problem("France urges Peru", &urge, &[&fr, &pe], text, "").is_some());
        // A party's full name is no word the article lacks; any other word is.
        let us = party("United States", PartyKind::State, Some("US"));
        let text = "The US urged the government of Peru to act.";
        let urge = gold(
            EventKind::Request,
            Some(actor("United States", "state", Some("US"), &["US"])),
            Some(actor("Government of Peru", "organization", Some("PE"), &[])),
        );
        assert_eq!(
            title_problem(
                "United States urges Peru government",
                &urge,
                &[&us, &gov, &pe],
                text,
                ""
            ),
            None
        );
        assert!(
            title_problem(
                "United States urges Peru government in Lima",
                &urge,
                &[&us, &gov, &pe],
                text,
                ""
            )
            .unwrap()
            .contains("Lima")
        );
    }

    #[test]
    fn an_abbreviation_matches_with_or_without_its_dots() {
        assert_eq!(
            norm("U.S. House of Representatives"),
            "us house of representatives"
        );
        assert_eq!(
            norm("US House of Representatives"),
            "us house of representatives"
        );
        assert_eq!(norm("George W. Bush"), "george w bush");
    }
}
