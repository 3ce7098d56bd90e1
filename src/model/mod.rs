//! The dataset: articles, places, parties, quotes and events, each linked to the text it came from.
//!
//! The JSON form is documented in `docs/format.md`. Loading validates everything a later stage
//! relies on (ids resolve, spans lie on character boundaries, coordinates are on Earth), so the
//! indexes and the UI never need to re-check.

mod date;
mod files;
mod input;
mod io;
mod validate;

pub use date::{
    DateRange, DayError, PartialDate, TimePrecision, date_from_day_number, day_number, parse_day,
};
pub use files::{
    MAX_ARTICLE_BYTES, MAX_DATASET_BYTES, ReadError, TextProblem, WriteError, read_capped,
    size_words, text_from_bytes, write_file, write_file_with,
};
pub use input::{ArticleInput, TextFormat, is_word_char, looks_like_headline};
pub use io::{LoadError, MAX_SHOWN_PROBLEMS, Problem, problem_count};

use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The format tag every dataset carries.
pub const FORMAT: &str = "newsmap/1";

/// `text` cut to at most `max_chars` characters, ending in "…" when cut. What the UI lays out
/// and messages quote goes through it, so a 200 MB title costs what a 200-character one does:
/// it reads at most `max_chars` characters of the text.
pub fn shorten(text: &str, max_chars: usize) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(max_chars) {
        Some((at, _)) => std::borrow::Cow::Owned(format!("{}…", &text[..at])),
        None => std::borrow::Cow::Borrowed(text),
    }
}

/// A half-open UTF-8 byte range into an article's text.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord,
)]
#[serde(deny_unknown_fields)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True for an empty span.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A place where an article names something.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mention {
    /// The article id.
    pub article: String,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Mention {
    /// The mention's byte range.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// Evidence for an event: a span, in the event's own article unless `article` says otherwise.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// Needed only when the event has several source articles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Evidence {
    /// The evidence's byte range.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// A source article and its metadata.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    /// Unique id within the dataset.
    pub id: String,
    /// Headline.
    pub title: String,
    /// Publisher.
    #[serde(default)]
    pub source: String,
    /// Where it was published online.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Byline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Publication date; relative dates in the text resolve against it.
    #[serde(default, deserialize_with = "date::deserialize_optional_day")]
    pub published: Option<jiff::civil::Date>,
    /// BCP-47 language tag.
    #[serde(default = "default_language")]
    pub language: String,
    /// The text, inline. After loading this always holds the text, even when it came from `text_path`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The text's file, relative to the dataset file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_path: Option<String>,
    /// The article this one is a copy of (wire copy syndicated by several sites): its events
    /// are the original's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub syndicates: Option<String>,
}

fn default_language() -> String {
    "en".to_owned()
}

impl Article {
    /// The article text ("" before loading resolved it).
    pub fn body(&self) -> &str {
        self.text.as_deref().unwrap_or("")
    }

    /// The text of a span, or "" if it does not fit (spans are validated on load).
    pub fn slice(&self, span: Span) -> &str {
        self.body().get(span.start..span.end).unwrap_or("")
    }
}

/// What sort of place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum PlaceKind {
    /// A sovereign state or territory.
    Country,
    /// A city or town.
    City,
    /// A region, province or peninsula.
    Region,
    /// A sea, strait or gulf.
    Sea,
    /// A border or line (the Northern Limit Line).
    Line,
    /// An area such as a zone or territory without its own state.
    Area,
    /// A building, base or facility.
    Site,
    /// Anything else.
    Other,
}

impl PlaceKind {
    /// Lowercase word for people.
    pub fn label(self) -> &'static str {
        match self {
            PlaceKind::Country => "country",
            PlaceKind::City => "city",
            PlaceKind::Region => "region",
            PlaceKind::Sea => "sea",
            PlaceKind::Line => "line",
            PlaceKind::Area => "area",
            PlaceKind::Site => "site",
            PlaceKind::Other => "place",
        }
    }

    /// ACLED-style geo precision when an event is simply "at" a place of this kind.
    pub fn default_geo_precision(self) -> u8 {
        match self {
            PlaceKind::City | PlaceKind::Site => 1,
            PlaceKind::Line | PlaceKind::Area | PlaceKind::Other => 2,
            PlaceKind::Country | PlaceKind::Region | PlaceKind::Sea => 3,
        }
    }
}

/// A place the articles name.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// Unique id within the dataset.
    pub id: String,
    /// Display name.
    pub name: String,
    /// What sort of place.
    pub kind: PlaceKind,
    /// Latitude of a representative point inside the place, degrees.
    pub lat: f64,
    /// Longitude of that point, degrees.
    pub lon: f64,
    /// ISO 3166-1 alpha-2 of the country it lies in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// GeoJSON geometry (lines, areas), kept as JSON.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geometry: Option<serde_json::Value>,
    /// Where the coordinates come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Where the text names it.
    #[serde(default)]
    pub mentions: Vec<Mention>,
}

/// What sort of party.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum PartyKind {
    /// A named person.
    Person,
    /// A state or government.
    State,
    /// An organisation: ministry, alliance, company, armed force.
    Organization,
    /// A group of people without a formal organisation.
    Group,
}

/// True when an organisation's name is a state body's: "Security Forces of Iraq", "Ministry of
/// Foreign Affairs of Japan", "Army of Colombia" (not "Revolutionary Armed Forces of Colombia").
pub fn is_state_body(name: &str) -> bool {
    const HEADS: &[&str] = &[
        "military",
        "army",
        "navy",
        "air force",
        "armed forces",
        "coast guard",
        "police",
        "forces",
        "security forces",
        "defense forces",
        "government",
        "cabinet",
        "parliament",
        "court",
        "supreme court",
        "senate",
    ];
    let lower = name.to_lowercase();
    lower.starts_with("ministry of ")
        || lower
            .split_once(" of ")
            .is_some_and(|(head, _)| HEADS.contains(&head))
}

impl PartyKind {
    /// Lowercase word for people.
    pub fn label(self) -> &'static str {
        match self {
            PartyKind::Person => "person",
            PartyKind::State => "state",
            PartyKind::Organization => "organisation",
            PartyKind::Group => "group",
        }
    }
}

/// A participant: person, state, organisation or group.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Party {
    /// Unique id within the dataset.
    pub id: String,
    /// Display name.
    pub name: String,
    /// What sort of party.
    pub kind: PartyKind,
    /// ISO 3166-1 alpha-2 it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Office or function ("Prime Minister of Japan").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Other names the text uses.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Every reference in the text.
    #[serde(default)]
    pub mentions: Vec<Mention>,
}

/// A direct quotation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    /// Unique id within the dataset.
    pub id: String,
    /// The article it appears in.
    pub article: String,
    /// Party id of the speaker, when the text gives one.
    pub speaker: Option<String>,
    /// The quoted words (equal to the text of the span).
    pub text: String,
    /// First byte (after the opening mark).
    pub start: usize,
    /// One past the last byte (before the closing mark).
    pub end: usize,
}

impl Quote {
    /// The quote's byte range.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// PLOVER root event types, and `INCIDENT` for what happens outside PLOVER's interactions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "UPPERCASE")]
#[allow(missing_docs)]
pub enum EventKind {
    Agree,
    Consult,
    Support,
    Concede,
    Cooperate,
    Aid,
    Retreat,
    Request,
    Accuse,
    Reject,
    Threaten,
    Protest,
    Sanction,
    Mobilize,
    Coerce,
    Assault,
    /// A happening with no PLOVER interaction type: an accident, a disaster, an explosion of
    /// unknown cause, a crime without a political actor, an election held.
    Incident,
}

impl EventKind {
    /// Meetings, agreements and cooperation: both sides do it, neither to the other.
    pub fn is_mutual(self) -> bool {
        matches!(
            self,
            EventKind::Consult | EventKind::Agree | EventKind::Cooperate
        )
    }

    /// Every kind, PLOVER's in its order, then `INCIDENT`.
    pub const ALL: [EventKind; 17] = [
        EventKind::Agree,
        EventKind::Consult,
        EventKind::Support,
        EventKind::Concede,
        EventKind::Cooperate,
        EventKind::Aid,
        EventKind::Retreat,
        EventKind::Request,
        EventKind::Accuse,
        EventKind::Reject,
        EventKind::Threaten,
        EventKind::Protest,
        EventKind::Sanction,
        EventKind::Mobilize,
        EventKind::Coerce,
        EventKind::Assault,
        EventKind::Incident,
    ];

    /// The PLOVER code, e.g. "CONSULT".
    pub fn code(self) -> &'static str {
        match self {
            EventKind::Agree => "AGREE",
            EventKind::Consult => "CONSULT",
            EventKind::Support => "SUPPORT",
            EventKind::Concede => "CONCEDE",
            EventKind::Cooperate => "COOPERATE",
            EventKind::Aid => "AID",
            EventKind::Retreat => "RETREAT",
            EventKind::Request => "REQUEST",
            EventKind::Accuse => "ACCUSE",
            EventKind::Reject => "REJECT",
            EventKind::Threaten => "THREATEN",
            EventKind::Protest => "PROTEST",
            EventKind::Sanction => "SANCTION",
            EventKind::Mobilize => "MOBILIZE",
            EventKind::Coerce => "COERCE",
            EventKind::Assault => "ASSAULT",
            EventKind::Incident => "INCIDENT",
        }
    }

    /// A friendly label ("Meeting / talks").
    pub fn label(self) -> &'static str {
        match self {
            EventKind::Agree => "Agreement",
            EventKind::Consult => "Meeting / talks",
            EventKind::Support => "Support",
            EventKind::Concede => "Concession",
            EventKind::Cooperate => "Cooperation",
            EventKind::Aid => "Aid",
            EventKind::Retreat => "Retreat",
            EventKind::Request => "Request / appeal",
            EventKind::Accuse => "Accusation / condemnation",
            EventKind::Reject => "Rejection",
            EventKind::Threaten => "Threat",
            EventKind::Protest => "Protest",
            EventKind::Sanction => "Sanction",
            EventKind::Mobilize => "Military mobilisation / test",
            EventKind::Coerce => "Coercion",
            EventKind::Assault => "Assault / attack",
            EventKind::Incident => "Incident (accident, disaster, crime)",
        }
    }

    /// Rough Goldstein-like sign: cooperative kinds first, then verbal conflict, then material conflict.
    pub fn is_conflict(self) -> bool {
        matches!(
            self,
            EventKind::Accuse
                | EventKind::Reject
                | EventKind::Threaten
                | EventKind::Protest
                | EventKind::Sanction
                | EventKind::Mobilize
                | EventKind::Coerce
                | EventKind::Assault
        )
    }
}

/// A PLOVER-style mode that qualifies an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Conditional: "if North Korea launched a nuclear attack".
    Hypothetical,
    /// Reported as not happening.
    Negated,
    /// Announced or planned.
    Future,
}

impl Mode {
    /// Lowercase word for people.
    pub fn label(self) -> &'static str {
        match self {
            Mode::Hypothetical => "hypothetical",
            Mode::Negated => "negated",
            Mode::Future => "planned",
        }
    }
}

/// Something that happened (or was threatened), where and when, who took part, and the evidence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Unique id within the dataset.
    pub id: String,
    /// The reporting article (or use `sources`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
    /// Several reporting articles, primary first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// PLOVER root type.
    pub kind: EventKind,
    /// Qualifier such as hypothetical.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<Mode>,
    /// Short specific headline of the event.
    pub title: String,
    /// When it happened; `None` if the text gives no date at all.
    pub date: Option<DateRange>,
    /// Place id, or `None`.
    pub place: Option<String>,
    /// ACLED geo precision 1..=3; derived from the place kind when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geo_precision: Option<u8>,
    /// Participant party ids.
    #[serde(default)]
    pub parties: Vec<String>,
    /// The parties that act (the source), each also in `parties`; empty when not recorded.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<String>,
    /// The parties acted on (the target), each also in `parties`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<String>,
    /// Quote ids that belong to the event.
    #[serde(default)]
    pub quotes: Vec<String>,
    /// Spans that report it.
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    /// Made by the extractor rather than reviewed by a person.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub extracted: bool,
    /// The extractor's confidence in [0, 1].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f32>,
    /// The article's main event: what its headline and first paragraph report.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub main: bool,
    /// Why the extractor thinks so: the words it read each part from. (Boxed: most events of
    /// a large dataset have none, and a million events stay smaller.)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why: Option<Box<Explanation>>,
    /// Each article's report, when several articles report the event (primary first); empty for
    /// an event with one report.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reports: Vec<Report>,
}

/// One article's report of an event that several articles report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// The article.
    pub article: String,
    /// The title that article's extraction gave the event.
    pub title: String,
    /// Why it was joined to the event; none for the first report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merged: Option<String>,
}

/// The words an extracted event rests on, in its primary article, and notes on choices made.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Explanation {
    /// The word or phrase that names what happened ("met", "explosion").
    pub trigger: Span,
    /// Where the text names who acted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<Span>,
    /// How the actor was found, when the event's own clause does not name it ("the doer of
    /// the same act told just before").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor_note: Option<String>,
    /// Where the text names whom it was done to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Span>,
    /// Where the text names the place ("in Phnom Penh").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Span>,
    /// How the place was chosen, when it was not simply named in the event's sentence ("the most
    /// specific place the article names in Egypt", "the dateline's city, approximately").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place_note: Option<String>,
    /// How the date was chosen, when the event's own sentence gives none ("the story's day").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_note: Option<String>,
}

impl Event {
    /// The primary article id.
    pub fn primary_article(&self) -> Option<&str> {
        self.article
            .as_deref()
            .or(self.sources.first().map(String::as_str))
    }

    /// All articles reporting the event.
    pub fn articles(&self) -> impl Iterator<Item = &str> {
        self.article
            .iter()
            .map(String::as_str)
            .chain(self.sources.iter().map(String::as_str))
    }

    /// The article an evidence span belongs to.
    pub fn evidence_article<'a>(&'a self, e: &'a Evidence) -> Option<&'a str> {
        e.article.as_deref().or(self.primary_article())
    }
}

/// A whole dataset, as in one `newsmap/1` file.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// Always [`FORMAT`].
    pub format: String,
    /// Source articles.
    #[serde(default)]
    pub articles: Vec<Article>,
    /// Places.
    #[serde(default)]
    pub places: Vec<Place>,
    /// Parties.
    #[serde(default)]
    pub parties: Vec<Party>,
    /// Quotes.
    #[serde(default)]
    pub quotes: Vec<Quote>,
    /// Events.
    #[serde(default)]
    pub events: Vec<Event>,
}

/// Id → position maps for one dataset, built once after loading.
#[derive(Clone, Debug, Default)]
pub struct IdMaps {
    /// Article id → index.
    pub articles: HashMap<String, usize>,
    /// Place id → index.
    pub places: HashMap<String, usize>,
    /// Party id → index.
    pub parties: HashMap<String, usize>,
    /// Quote id → index.
    pub quotes: HashMap<String, usize>,
    /// Event id → index.
    pub events: HashMap<String, usize>,
}

impl IdMaps {
    /// Builds the maps (later duplicates are ignored; validation reports them).
    pub fn new(ds: &Dataset) -> Self {
        fn map<'a>(ids: impl Iterator<Item = &'a String>) -> HashMap<String, usize> {
            let mut m = HashMap::new();
            for (i, id) in ids.enumerate() {
                m.entry(id.clone()).or_insert(i);
            }
            m
        }
        Self {
            articles: map(ds.articles.iter().map(|a| &a.id)),
            places: map(ds.places.iter().map(|p| &p.id)),
            parties: map(ds.parties.iter().map(|p| &p.id)),
            quotes: map(ds.quotes.iter().map(|q| &q.id)),
            events: map(ds.events.iter().map(|e| &e.id)),
        }
    }
}

impl Dataset {
    /// An empty dataset with the right format tag.
    pub fn new() -> Self {
        Self {
            format: FORMAT.to_owned(),
            ..Default::default()
        }
    }

    /// Looks up an article by id.
    pub fn article(&self, id: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id)
    }

    /// The event's place, if any.
    pub fn event_place(&self, ev: &Event, ids: &IdMaps) -> Option<&Place> {
        ev.place
            .as_ref()
            .and_then(|p| ids.places.get(p))
            .map(|&i| &self.places[i])
    }

    /// Effective geo precision of an event (explicit, else from its place kind).
    pub fn geo_precision(&self, ev: &Event, ids: &IdMaps) -> Option<u8> {
        ev.geo_precision.or_else(|| {
            self.event_place(ev, ids)
                .map(|p| p.kind.default_geo_precision())
        })
    }
}
