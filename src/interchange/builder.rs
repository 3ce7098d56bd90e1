//! Builds a `newsmap/1` dataset from another format's records: places, parties and articles
//! once each by key, and for every record a line of text in its article that the event's
//! evidence points at, so "Show in source" shows the record an event came from.

use std::collections::{HashMap, HashSet};

use crate::model::{Article, Dataset, Event, Evidence, Party, Place, Quote, Span};

/// Collects what an importer reads.
#[derive(Default)]
pub(crate) struct Builder {
    articles: Vec<Article>,
    texts: Vec<String>,
    article_keys: HashMap<String, usize>,
    places: Vec<Place>,
    place_keys: HashMap<String, usize>,
    parties: Vec<Party>,
    party_keys: HashMap<String, usize>,
    quotes: Vec<Quote>,
    events: Vec<Event>,
    event_ids: HashSet<String>,
}

impl Builder {
    /// The article with `key`, made by `make` the first time (its id and text are set here).
    pub fn article(&mut self, key: &str, make: impl FnOnce() -> Article) -> usize {
        if let Some(&i) = self.article_keys.get(key) {
            return i;
        }
        let i = self.articles.len();
        let mut a = make();
        a.id = format!("a{}", i + 1);
        a.text = None;
        a.text_path = None;
        self.articles.push(a);
        self.texts.push(String::new());
        self.article_keys.insert(key.to_owned(), i);
        i
    }

    /// The id of article `i`.
    pub fn article_id(&self, i: usize) -> String {
        self.articles[i].id.clone()
    }

    /// Appends a line to article `i`'s text and returns where it is.
    pub fn line(&mut self, i: usize, line: &str) -> Span {
        let text = &mut self.texts[i];
        if !text.is_empty() {
            text.push('\n');
        }
        let start = text.len();
        // One record, one line: a newline inside a field would split it.
        for ch in line.chars() {
            text.push(if ch == '\n' || ch == '\r' { ' ' } else { ch });
        }
        Span::new(start, text.len())
    }

    /// Appends a quote to article `i` as a line `“text” — speaker` and returns its id.
    pub fn quote(
        &mut self,
        i: usize,
        text: &str,
        speaker: Option<(String, &str)>,
    ) -> Option<String> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        let body = &mut self.texts[i];
        if !body.is_empty() {
            body.push('\n');
        }
        body.push('“');
        let start = body.len();
        body.push_str(text);
        let end = body.len();
        body.push('”');
        if let Some((_, name)) = &speaker {
            body.push_str(" — ");
            body.push_str(name);
        }
        let id = format!("q{}", self.quotes.len() + 1);
        self.quotes.push(Quote {
            id: id.clone(),
            article: self.articles[i].id.clone(),
            speaker: speaker.map(|(id, _)| id),
            text: text.to_owned(),
            start,
            end,
        });
        Some(id)
    }

    /// The id of the place with `key`, made by `make` the first time.
    pub fn place(&mut self, key: &str, make: impl FnOnce() -> Place) -> String {
        if let Some(&i) = self.place_keys.get(key) {
            return self.places[i].id.clone();
        }
        let mut p = make();
        p.id = format!("p{}", self.places.len() + 1);
        let id = p.id.clone();
        self.place_keys.insert(key.to_owned(), self.places.len());
        self.places.push(p);
        id
    }

    /// The id of the party with `key`, made by `make` the first time.
    pub fn party(&mut self, key: &str, make: impl FnOnce() -> Party) -> String {
        if let Some(&i) = self.party_keys.get(key) {
            return self.parties[i].id.clone();
        }
        let mut p = make();
        p.id = format!("y{}", self.parties.len() + 1);
        let id = p.id.clone();
        self.party_keys.insert(key.to_owned(), self.parties.len());
        self.parties.push(p);
        id
    }

    /// Adds an event with evidence `line` in its primary article. An empty or taken id is
    /// replaced by `eN`.
    pub fn event(&mut self, mut e: Event, line: Option<Span>) {
        if e.id.trim().is_empty() || self.event_ids.contains(&e.id) {
            let mut n = self.events.len() + 1;
            while self.event_ids.contains(&format!("e{n}")) {
                n += 1;
            }
            e.id = format!("e{n}");
        }
        self.event_ids.insert(e.id.clone());
        if let Some(span) = line {
            e.evidence.push(Evidence {
                article: (!e.sources.is_empty()).then(|| e.sources[0].clone()),
                start: span.start,
                end: span.end,
            });
        }
        self.events.push(e);
    }

    /// The dataset.
    pub fn finish(self) -> Dataset {
        let mut ds = Dataset::new();
        ds.articles = self
            .articles
            .into_iter()
            .zip(self.texts)
            .map(|(mut a, t)| {
                a.text = Some(t);
                a
            })
            .collect();
        ds.places = self.places;
        ds.parties = self.parties;
        ds.quotes = self.quotes;
        ds.events = self.events;
        ds
    }
}

/// An event with only the required parts set; importers fill in the rest.
pub(crate) fn blank_event(kind: crate::model::EventKind, title: String) -> Event {
    Event {
        id: String::new(),
        article: None,
        sources: Vec::new(),
        kind,
        mode: None,
        title,
        date: None,
        place: None,
        geo_precision: None,
        parties: Vec::new(),
        actors: Vec::new(),
        targets: Vec::new(),
        quotes: Vec::new(),
        evidence: Vec::new(),
        extracted: false,
        confidence: None,
        main: false,
        why: None,
        reports: Vec::new(),
    }
}

/// An article with only a title and source; the builder sets its id and text.
pub(crate) fn blank_article(title: String, source: String, url: Option<String>) -> Article {
    Article {
        id: String::new(),
        title,
        source,
        url,
        author: None,
        published: None,
        language: "en".to_owned(),
        text: None,
        text_path: None,
        syndicates: None,
    }
}
