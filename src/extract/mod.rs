//! Text → dataset: sentences, places, dates, parties, quotes and events, each with the span it
//! came from. No egui here; the CLI and the app call [`extract`].
//!
//! The pipeline: [`sentences`] tokenises; [`places`] (gazetteer matching, another module's job)
//! finds places and demonyms; [`dates`] finds and resolves temporal expressions; [`quotes`]
//! pairs quotation marks; [`parties`] finds people, states and organisations and resolves later
//! references; quotes are then attributed; [`events`] builds, dates, places and merges events.
//! Everything is rules and small tables — no model — so it is fast and explainable.

pub mod dates;
pub mod events;
pub mod hits;
pub mod lexicon;
pub mod parties;
pub mod places;
pub mod quotes;
pub mod sentences;
pub mod speakers;
pub mod speech;

use rustc_hash::FxHashMap as HashMap;

use crate::geodata::gazetteer::Gazetteer;
use crate::model::{
    Article, ArticleInput, Dataset, Event, Evidence, Explanation, FORMAT, Mention, Party,
    PartyKind, Place, Quote, Span, TextFormat, looks_like_headline,
};
pub use hits::Recognised;
use sentences::{Doc, TokenKind};

/// Extracts a dataset (one article, id `a1`) from an article, using the gazetteer for places.
pub fn extract(input: &ArticleInput, gaz: &Gazetteer) -> Dataset {
    extract_with_ids(input, gaz, "a1", "")
}

/// Like [`extract`], with the article's id and a prefix for every other id (several articles
/// in one dataset need distinct ids).
pub fn extract_with_ids(
    input: &ArticleInput,
    gaz: &Gazetteer,
    article_id: &str,
    id_prefix: &str,
) -> Dataset {
    let analysed = analysis_text(input);
    let doc = Doc::new(&analysed);
    let rec = Recognised::find(&doc, gaz);
    extract_from(input, &doc, rec, article_id, id_prefix)
}

/// The extraction after place recognition: for tests and callers with their own recogniser.
pub fn extract_recognised(
    input: &ArticleInput,
    rec: Recognised,
    article_id: &str,
    id_prefix: &str,
) -> Dataset {
    let analysed = analysis_text(input);
    let doc = Doc::new(&analysed);
    extract_from(input, &doc, rec, article_id, id_prefix)
}

/// The stages after place recognition, over the tokens every stage shares.
fn extract_from(
    input: &ArticleInput,
    doc: &Doc,
    rec: Recognised,
    article_id: &str,
    id_prefix: &str,
) -> Dataset {
    let mut rec = parties::places_for_parties(rec, &input.text);
    let dates = dates::find_dates(doc, input.published);
    let mut found_quotes = quotes::find_quotes(doc);
    let mut table = parties::find_parties(doc, &rec, &found_quotes);
    parties::places_outside_names(doc, &mut rec, &table);
    speakers::attribute(doc, &mut found_quotes, &table);
    first_person_mentions(doc, &found_quotes, &mut table);
    if let Some(source) = input.source.as_deref() {
        table.add_publisher_voice(doc, &found_quotes, source, Gazetteer::embedded());
    }
    let inputs = events::Inputs {
        doc,
        rec: &rec,
        dates: &dates,
        parties: &table,
        quotes: &found_quotes,
        published: input.published,
        title: input.title.as_deref(),
    };
    let found_events = events::find_events(&inputs);
    assemble(
        input,
        doc,
        &rec,
        &table,
        &found_quotes,
        &found_events,
        article_id,
        id_prefix,
    )
}

/// The text the stages read: the article text, with Markdown syntax blanked out byte for byte
/// so that every offset still points into the original.
fn analysis_text(input: &ArticleInput) -> String {
    match input.format {
        TextFormat::Plain => input.text.clone(),
        TextFormat::Markdown => mask_markdown(&input.text),
    }
}

/// Replaces Markdown syntax (heading marks, emphasis, block quotes, link targets, code ticks)
/// with spaces. Only ASCII bytes are replaced by ASCII spaces, so the text stays valid UTF-8 with
/// the same offsets.
fn mask_markdown(text: &str) -> String {
    let mut b = text.as_bytes().to_vec();
    let n = b.len();
    let mut line_start = true;
    let mut i = 0;
    while i < n {
        let c = b[i];
        if line_start {
            // "## Heading", "> quote", "- item", "* item"
            let mut j = i;
            while j < n && b[j] == b' ' {
                j += 1;
            }
            let mut k = j;
            while k < n && (b[k] == b'#' || b[k] == b'>') {
                k += 1;
            }
            if k > j && (k >= n || b[k] == b' ') {
                b[j..k].fill(b' ');
            } else if j + 1 < n && matches!(b[j], b'-' | b'*' | b'+') && b[j + 1] == b' ' {
                b[j] = b' ';
            }
        }
        line_start = c == b'\n';
        match c {
            b'*' | b'`' => b[i] = b' ',
            b'_' => {
                let word_before = i > 0 && b[i - 1].is_ascii_alphanumeric();
                let word_after = i + 1 < n && b[i + 1].is_ascii_alphanumeric();
                if !(word_before && word_after) {
                    b[i] = b' ';
                }
            }
            // "[text](target)" → " text          "
            b']' if i + 1 < n && b[i + 1] == b'(' => {
                if let Some(close) = b[i + 1..].iter().position(|&x| x == b')' || x == b'\n') {
                    let end = i + 1 + close;
                    if b[end] == b')' {
                        b[i..=end].fill(b' ');
                        i = end;
                    }
                }
            }
            b'[' => b[i] = b' ',
            b'!' if i + 1 < n && b[i + 1] == b'[' => b[i] = b' ',
            _ => {}
        }
        i += 1;
    }
    String::from_utf8(b).unwrap_or_else(|_| text.to_owned())
}

/// "I", "me", "my" inside a quote refer to its speaker.
fn first_person_mentions(
    doc: &Doc,
    quotes: &[quotes::QuoteFound],
    table: &mut parties::PartyTable,
) {
    let mut found = Vec::new();
    for q in quotes {
        let Some(p) = q.speaker else { continue };
        if table.parties[p].kind != PartyKind::Person {
            continue;
        }
        let mut i = doc.token_at_or_after(q.span.start);
        while i < doc.tokens.len() && doc.tokens[i].span.end <= q.span.end {
            let t = doc.tok(i);
            if doc.tokens[i].kind == TokenKind::Word
                && matches!(t, "I" | "me" | "my" | "myself" | "Me" | "My")
            {
                found.push((doc.tokens[i].span, p));
            }
            i += 1;
        }
    }
    table.add_mentions(found);
}

/// A lowercase ASCII id from a name: "South Korea" → "south-korea", "Hugo Chávez" →
/// "hugo-chavez".
fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in lexicon::folded(name).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    if out.is_empty() { "x".to_owned() } else { out }
}

/// Hands out unique ids.
struct Ids {
    prefix: String,
    used: rustc_hash::FxHashSet<String>,
    /// Per base, the suffix to try next: every lower one is taken (the set only grows), so
    /// thousands of names with one slug do not retry every suffix from 2 each time.
    next: HashMap<String, usize>,
}

impl Ids {
    fn new(prefix: &str) -> Self {
        Self {
            prefix: prefix.to_owned(),
            used: Default::default(),
            next: HashMap::default(),
        }
    }

    fn take(&mut self, base: &str) -> String {
        let mut id = format!("{}{}", self.prefix, base);
        let mut n = self.next.get(base).copied().unwrap_or(2);
        if self.used.contains(&id) {
            loop {
                id = format!("{}{}-{n}", self.prefix, base);
                n += 1;
                if !self.used.contains(&id) {
                    break;
                }
            }
            self.next.insert(base.to_owned(), n);
        }
        self.used.insert(id.clone());
        id
    }
}

/// Words that refer to a party without naming it; not aliases.
fn is_pronoun(s: &str) -> bool {
    matches!(
        s.to_ascii_lowercase().as_str(),
        "he" | "him"
            | "his"
            | "she"
            | "her"
            | "himself"
            | "herself"
            | "i"
            | "me"
            | "my"
            | "myself"
            | "its"
    )
}

#[allow(clippy::too_many_arguments)]
fn assemble(
    input: &ArticleInput,
    doc: &Doc,
    rec: &Recognised,
    table: &parties::PartyTable,
    quotes: &[quotes::QuoteFound],
    events: &[events::EventFound],
    article_id: &str,
    prefix: &str,
) -> Dataset {
    let text = &input.text;
    let mention = |s: Span| Mention {
        article: article_id.to_owned(),
        start: s.start,
        end: s.end,
    };
    let mut ds = Dataset {
        format: FORMAT.to_owned(),
        ..Default::default()
    };
    ds.articles.push(Article {
        id: article_id.to_owned(),
        title: input
            .title
            .clone()
            .filter(|t| !t.trim().is_empty())
            .unwrap_or_else(|| default_title(doc)),
        source: input.source.clone().unwrap_or_default(),
        url: input.url.clone(),
        author: input.author.clone(),
        published: input.published,
        language: input.language.clone().unwrap_or_else(|| "en".to_owned()),
        text: Some(text.clone()),
        text_path: None,
        syndicates: None,
    });

    // Places: one per gazetteer key.
    let mut place_ids = Ids::new(prefix);
    let mut place_of_hit: Vec<usize> = Vec::with_capacity(rec.places.len());
    let mut key_to_place: HashMap<&str, usize> = HashMap::default();
    // Mentions already recorded, by place: a set, since searching each place's list made a
    // long article's assembly quadratic.
    let mut place_mentions: rustc_hash::FxHashSet<(usize, Span)> = Default::default();
    for hit in &rec.places {
        let idx = *key_to_place.entry(hit.key.as_str()).or_insert_with(|| {
            ds.places.push(Place {
                id: place_ids.take(&slug(&hit.name)),
                name: hit.name.clone(),
                kind: hit.kind,
                lat: hit.lat,
                lon: hit.lon,
                country: hit
                    .country
                    .clone()
                    .filter(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase())),
                geometry: hit.geometry.clone(),
                source: Some(hit.source.clone()).filter(|s| !s.is_empty()),
                mentions: Vec::new(),
            });
            ds.places.len() - 1
        });
        if place_mentions.insert((idx, hit.span)) {
            ds.places[idx].mentions.push(mention(hit.span));
        }
        place_of_hit.push(idx);
    }

    // Parties: those the text mentions or an event names.
    let mut used = vec![false; table.parties.len()];
    for m in &table.mentions {
        used[m.party] = true;
    }
    for e in events {
        for &p in &e.parties {
            used[p] = true;
        }
    }
    let mut party_ids = Ids::new(prefix);
    let mut party_id: Vec<Option<String>> = vec![None; table.parties.len()];
    // Each party's mentions in text order, gathered in one pass (not one pass per party).
    let mut mentions_of: Vec<Vec<&parties::PartyMention>> = vec![Vec::new(); table.parties.len()];
    for m in &table.mentions {
        mentions_of[m.party].push(m);
    }
    for (pi, info) in table.parties.iter().enumerate() {
        if !used[pi] {
            continue;
        }
        let id = party_ids.take(&slug(&info.name));
        let mut aliases: Vec<String> = info
            .aliases
            .iter()
            .filter(|a| **a != info.name)
            .cloned()
            .collect();
        let mut known: rustc_hash::FxHashSet<String> = aliases.iter().cloned().collect();
        let mut mentions = Vec::new();
        for m in &mentions_of[pi] {
            mentions.push(mention(m.span));
            let surface = text.get(m.span.start..m.span.end).unwrap_or("").trim();
            let surface = surface.strip_prefix("the ").unwrap_or(surface);
            if !surface.is_empty()
                && surface != info.name
                && !is_pronoun(surface)
                && !m.anaphor
                && known.insert(surface.to_owned())
            {
                aliases.push(surface.to_owned());
            }
        }
        party_id[pi] = Some(id.clone());
        ds.parties.push(Party {
            id,
            name: info.name.clone(),
            kind: info.kind,
            country: info
                .country
                .clone()
                .filter(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase())),
            role: info.role.clone(),
            aliases,
            mentions,
        });
    }

    // Groups the events name without naming a party ("protesters", "Iraqi security forces")
    // become parties of kind group, one per wording, so that events can name who acted.
    let mut group_ids: HashMap<String, String> = HashMap::default();
    let mut group_party = |g: &events::GroupRef, ds: &mut Dataset| -> String {
        let words = group_name(&g.words);
        let key = words.to_lowercase();
        let id = group_ids
            .entry(key)
            .or_insert_with(|| {
                let id = party_ids.take(&slug(words));
                ds.parties.push(Party {
                    id: id.clone(),
                    name: lexicon::capitalised(words),
                    kind: PartyKind::Group,
                    country: g.country.clone(),
                    role: None,
                    aliases: Vec::new(),
                    mentions: Vec::new(),
                });
                id
            })
            .clone();
        if let Some(p) = ds.parties.iter_mut().find(|p| p.id == id) {
            let m = mention(g.span);
            if !p.mentions.contains(&m) {
                p.mentions.push(m);
            }
        }
        id
    };

    // Quotes.
    let quote_ids: Vec<String> = (0..quotes.len())
        .map(|i| format!("{prefix}q{}", i + 1))
        .collect();
    // A quote no party spoke may be a group's: "Prosecutors said …", "“…,” protesters said".
    let groups = events::group_speakers(doc, rec, table, quotes);
    for (i, q) in quotes.iter().enumerate() {
        let speaker = match (&groups[i], q.speaker) {
            (Some(g), None) => Some(group_party(g, &mut ds)),
            (_, p) => p.and_then(|p| party_id[p].clone()),
        };
        ds.quotes.push(Quote {
            id: quote_ids[i].clone(),
            article: article_id.to_owned(),
            speaker,
            text: text.get(q.span.start..q.span.end).unwrap_or("").to_owned(),
            start: q.span.start,
            end: q.span.end,
        });
    }

    // Events.
    for (i, e) in events.iter().enumerate() {
        let place = e
            .place
            .and_then(|h| place_of_hit.get(h))
            .map(|&p| ds.places[p].id.clone());
        let unnamed_actor = e
            .unnamed_subject
            .as_ref()
            .filter(|g| g.people && e.actors.is_empty() && e.passive.is_none())
            .or(e.agent.as_ref().filter(|_| e.actors.is_empty()))
            .map(|g| group_party(g, &mut ds));
        // The dead of a disaster or an epidemic are its victims, not a side the event was aimed
        // at: an incident takes no group target. Nor do the troops a country sends or mobilises:
        // they are what it moves, not whom it moves against.
        // "Obama urged his followers": a target that is also an actor (the possessive's
        // owner) is dropped below, so it leaves room for the group.
        let no_target = e
            .targets
            .iter()
            .all(|p| !e.parties.contains(p) || e.actors.contains(p));
        let unnamed_target = e
            .object
            .as_ref()
            .filter(|_| {
                !matches!(
                    e.kind,
                    crate::model::EventKind::Incident | crate::model::EventKind::Mobilize
                )
            })
            .filter(|g| g.people && no_target)
            .or(e
                .unnamed_subject
                .as_ref()
                .filter(|g| g.people && e.passive.is_some() && no_target))
            .map(|g| {
                // "protesters and police officers": each group is a party of its own.
                g.sides()
                    .iter()
                    .map(|side| group_party(side, &mut ds))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        ds.events.push(Event {
            id: format!("{prefix}e{}", i + 1),
            article: Some(article_id.to_owned()),
            sources: Vec::new(),
            kind: e.kind,
            mode: e.mode,
            title: e.title.clone(),
            date: e.date.clone(),
            geo_precision: if place.is_some() {
                e.geo_precision
            } else {
                None
            },
            place,
            parties: e
                .parties
                .iter()
                .filter_map(|&p| party_id[p].clone())
                .chain(unnamed_actor.clone())
                .chain(unnamed_target.clone())
                .collect(),
            actors: e
                .actors
                .iter()
                .filter(|p| e.parties.contains(p))
                .filter_map(|&p| party_id[p].clone())
                .chain(unnamed_actor)
                .collect(),
            targets: e
                .targets
                .iter()
                .filter(|p| e.parties.contains(p) && !e.actors.contains(p))
                .filter_map(|&p| party_id[p].clone())
                .chain(unnamed_target)
                .collect(),
            quotes: e
                .quotes
                .iter()
                .filter_map(|&q| quote_ids.get(q).cloned())
                .collect(),
            evidence: e
                .evidence
                .iter()
                .map(|s| Evidence {
                    article: None,
                    start: s.start,
                    end: s.end,
                })
                .collect(),
            extracted: true,
            confidence: Some(e.confidence),
            main: e.main,
            why: Some(Box::new(Explanation {
                trigger: e.trigger,
                actor: e.actor_span,
                actor_note: e.actor_note.clone(),
                target: e.target_span,
                place: e.place_span.filter(|_| e.place.is_some()),
                place_note: e.place_note.clone(),
                date_note: e.date_note.clone(),
            })),
            reports: Vec::new(),
        });
    }
    ds
}

/// A group's name without the count its event gives: "over 700 asylum seekers" and "at least
/// 60 asylum seekers" are one group, "asylum seekers" (the count stays in the event's title).
fn group_name(words: &str) -> &str {
    const COUNT_WORDS: &[&str] = &[
        "over",
        "nearly",
        "about",
        "around",
        "almost",
        "some",
        "at",
        "least",
        "most",
        "more",
        "fewer",
        "less",
        "than",
        "up",
        "to",
        "of",
        "dozens",
        "hundreds",
        "thousands",
        "scores",
        "millions",
        "a",
        "few",
        "several",
        "many",
        // "2.1 million people"
        "million",
        "billion",
        // "three of the pirates" is the pirates.
        "the",
        "these",
        "those",
        "all",
    ];
    let mut rest = words.trim();
    // "offices of two civic groups": whose the place is, is the group.
    if let Some((place, owner)) = rest.split_once(" of ")
        && events::FACILITIES.contains(&place.to_lowercase().as_str())
    {
        rest = owner;
    }
    while let Some((first, tail)) = rest.split_once(' ') {
        let low = first.to_lowercase();
        let number = first
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
            || lexicon::NUMBER_WORDS.contains(&low.as_str());
        if !(number || COUNT_WORDS.contains(&low.as_str())) {
            break;
        }
        rest = tail.trim_start();
    }
    rest
}

/// The first line when it reads like a headline (short, no final full stop), else "Untitled".
fn default_title(doc: &Doc) -> String {
    doc.paragraphs
        .first()
        .map(|p| doc.slice(*p).trim())
        .filter(|l| looks_like_headline(l))
        .map(str::to_owned)
        .unwrap_or_else(|| "Untitled".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_masking_keeps_offsets() {
        let md = "# Kishida meets Yoon\n\n**Seoul** — [Kishida](https://x.y/z) met *Yoon* in_Tokyo’s _office_.";
        let masked = mask_markdown(md);
        assert_eq!(masked.len(), md.len());
        assert!(masked.starts_with("  Kishida meets Yoon"));
        assert!(
            masked.contains("  Seoul   —  Kishida                 met  Yoon  in_Tokyo’s  office .")
        );
    }

    #[test]
    fn a_group_taken_from_is_named_without_its_count() {
        assert_eq!(group_name("three of the pirates"), "pirates");
        assert_eq!(group_name("2.1 million people"), "people");
        assert_eq!(group_name("all of the suspects"), "suspects");
        assert_eq!(group_name("at least 40 suspects"), "suspects");
    }

    #[test]
    fn slugs_and_headlines() {
        assert_eq!(slug("South Korea"), "south-korea");
        assert_eq!(
            slug("Ministry of Foreign Affairs of Japan"),
            "ministry-of-foreign-affairs-of-japan"
        );
        assert_eq!(slug("—"), "x");
        assert_eq!(slug("Hugo Chávez"), "hugo-chavez");
        assert!(looks_like_headline(
            "Japan and South Korea Agree to Resolve ‘Pending Issues’"
        ));
        assert!(!looks_like_headline(
            "The leaders of Japan and South Korea have agreed to resolve it."
        ));
    }

    #[test]
    fn a_group_may_speak_when_no_party_does() {
        let text = "Prosecutors said they would charge Tomas Varga for “inciting a riot”. \
                    Peruvian authorities have warned the strike is now a “grave threat”. \
                    “We will not leave,” protesters said. Officials told Ana Quispe that “it is over”.";
        let ds = super::extract(&ArticleInput::new(text), Gazetteer::embedded());
        let speaker = |q: &str| {
            let quote = ds.quotes.iter().find(|x| x.text.starts_with(q)).expect(q);
            let id = quote.speaker.as_deref()?;
            ds.parties
                .iter()
                .find(|p| p.id == id)
                .map(|p| (p.name.clone(), p.kind))
        };
        assert_eq!(
            speaker("inciting"),
            Some(("Prosecutors".to_owned(), PartyKind::Group))
        );
        assert_eq!(
            speaker("grave"),
            Some(("Peruvian authorities".to_owned(), PartyKind::Group))
        );
        assert_eq!(
            speaker("We will not"),
            Some(("Protesters".to_owned(), PartyKind::Group))
        );
        assert_eq!(
            speaker("it is over"),
            Some(("Officials".to_owned(), PartyKind::Group))
        );
    }

    #[test]
    fn whom_a_leader_calls_on_is_the_target() {
        let text = "Muqtada al-Sadr called on his followers to defy the government in Basra. \
                    Omar Haddad urged his supporters to stay calm.";
        let ds = super::extract(&ArticleInput::new(text), Gazetteer::embedded());
        let name = |id: &String| {
            ds.parties
                .iter()
                .find(|p| &p.id == id)
                .unwrap()
                .name
                .clone()
        };
        let targets = |title: &str| {
            let e = ds.events.iter().find(|e| e.title == title);
            let e = e.unwrap_or_else(|| panic!("{title}: {:?}", ds.events));
            e.targets.iter().map(name).collect::<Vec<_>>()
        };
        assert_eq!(targets("Al-Sadr calls on followers"), ["Followers"]);
        // "his" is the actor himself: the group is the target all the same.
        assert_eq!(targets("Haddad urges supporters"), ["Supporters"]);
    }

    #[test]
    fn a_place_inside_a_persons_name_is_the_name() {
        let text = "Muqtada al-Sadr called on his followers to rally in Najaf. Prime Minister of \
                    Canada Stephen Harper spoke in Ottawa.";
        let ds = super::extract(&ArticleInput::new(text), Gazetteer::embedded());
        let places: Vec<&str> = ds.places.iter().map(|p| p.name.as_str()).collect();
        assert!(!places.iter().any(|p| p.contains("Sadr")), "{places:?}");
        // The country of a title stays a mention of the country.
        assert!(places.contains(&"Canada"), "{places:?}");
        // A surname standing alone is the person; after "in" the town of that name.
        let text = "Fidel Castro handed power to his brother Raul Castro. No pictures of Castro \
                    have been released since.";
        let ds = super::extract(&ArticleInput::new(text), Gazetteer::embedded());
        assert!(ds.places.is_empty(), "{:?}", ds.places);
        // A part of the town, or the town with its region, stays the town.
        let text = "Jesse Jackson led a march. Police arrested 30 protesters on the outskirts \
                    of Jackson.";
        let ds = super::extract(&ArticleInput::new(text), Gazetteer::embedded());
        assert!(
            ds.places.iter().any(|p| p.name == "Jackson"),
            "{:?}",
            ds.places
        );
        let text = "Fidel Castro praised the fishermen. Storms hit the port in Castro, Chile.";
        let ds = super::extract(&ArticleInput::new(text), Gazetteer::embedded());
        assert!(
            ds.places.iter().any(|p| p.name == "Castro"),
            "{:?}",
            ds.places
        );
    }

    #[test]
    fn a_group_is_named_without_its_count() {
        assert_eq!(
            super::group_name("over 700 asylum seekers"),
            "asylum seekers"
        );
        assert_eq!(super::group_name("At least sixty people"), "people");
        assert_eq!(
            super::group_name("Iraqi security forces"),
            "Iraqi security forces"
        );
        assert_eq!(super::group_name("dozens"), "dozens");
        // Whose the raided place is.
        assert_eq!(
            super::group_name("offices of two civic groups"),
            "civic groups"
        );
    }

    #[test]
    fn a_government_release_speaks_as_its_state() {
        let text = "We strongly condemn the attack on the market in Lima.";
        let mut input = ArticleInput::new(text.to_owned());
        input.published = jiff::civil::Date::new(2021, 3, 2).ok();
        input.source = Some("U.S. Department of State".to_owned());
        let ds = extract(&input, Gazetteer::embedded());
        let condemn = ds
            .events
            .iter()
            .find(|e| e.kind == crate::model::EventKind::Accuse)
            .expect("the condemnation");
        assert_eq!(condemn.actors, vec!["united-states".to_owned()], "{ds:?}");
        // A newspaper's "we" is no state.
        input.source = Some("The Lima Herald".to_owned());
        let ds = extract(&input, Gazetteer::embedded());
        assert!(ds.parties.iter().all(|p| p.id != "united-states"));
    }

    #[test]
    fn the_headline_names_who_did_the_main_event_its_sentence_leaves_unnamed() {
        let mut input = ArticleInput::new(
            "The Nile Star, a Liberian-flagged bulk carrier that was hijacked by Somali pirates \
             in May, was attacked off the coast of Somalia. The crew fought back.",
        );
        input.title = Some("Somali pirates attack Liberian-flagged ship".to_owned());
        input.published = Some(jiff::civil::date(2024, 11, 20));
        let ds = super::extract(&input, Gazetteer::embedded());
        let main = ds.events.iter().find(|e| e.main).expect("a main event");
        assert_eq!(main.kind, crate::model::EventKind::Assault, "{main:?}");
        assert!(
            main.title.starts_with("Somali pirates attack Nile Star"),
            "{main:?}"
        );
        let why = main.why.as_ref().expect("an explanation");
        assert!(
            why.actor_note
                .as_deref()
                .is_some_and(|n| n.contains("headline")),
            "{why:?}"
        );
        // The hijacking months before is an event of its own, not the attack.
        assert!(
            ds.events
                .iter()
                .any(|e| !e.main && e.kind == crate::model::EventKind::Coerce),
            "{:?}",
            ds.events
        );
    }

    #[test]
    fn a_place_inside_a_ships_name_is_no_place() {
        let ds = super::extract(
            &ArticleInput::new("The Maersk Ohio, a container ship, was boarded off Yemen."),
            Gazetteer::embedded(),
        );
        let places: Vec<&str> = ds.places.iter().map(|p| p.name.as_str()).collect();
        assert!(!places.contains(&"Ohio"), "{places:?}");
        assert!(places.contains(&"Yemen"), "{places:?}");
    }

    #[test]
    fn a_passive_headline_names_whom_it_was_done_to() {
        let mut input = ArticleInput::new(
            "Maria Lopez was arrested in Caracas on Monday after criticising the government.",
        );
        input.title = Some("Maria Lopez arrested in Caracas".to_owned());
        input.published = Some(jiff::civil::date(2024, 5, 8));
        let ds = super::extract(&input, Gazetteer::embedded());
        let main = ds.events.iter().find(|e| e.main).expect("a main event");
        assert!(main.actors.is_empty(), "{main:?}");
        assert_eq!(main.targets, vec!["maria-lopez".to_owned()], "{main:?}");
    }
}
