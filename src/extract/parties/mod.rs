//! Parties: people with titles and their later references, states, organisations and groups.
//!
//! People are found by their titles ("Japanese Prime Minister Fumio Kishida") or by a full name
//! next to a verb of saying; later references are surnames ("Kishida"), title + surname
//! ("President Yoon"), descriptions ("the Japanese leader") and singular pronouns, each resolved
//! to the last fitting person. States come from country names (not in a locative phrase such as
//! "in Cambodia", which only places the event), nationality adjectives and capital metonyms.
//! Organisations come from a small table of well-known bodies, acronym definitions
//! ("… Nations (ASEAN)") and ministry/armed-forces patterns ("Japan’s Foreign Affairs Ministry").

mod coreference;
mod gender;
mod organisations;
mod people;
pub(crate) use people::is_given_name;
mod states;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::hits::Recognised;
use super::quotes::{QuoteFound, inside_quote};
use super::sentences::{Doc, TokenKind};
use crate::model::{PartyKind, PlaceKind, Span};

/// Whether a reference names one party or several.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plurality {
    /// One party.
    Singular,
    /// Several ("South Koreans", "both leaders").
    Plural,
}

/// A party as the extractor builds it.
#[derive(Clone, Debug, PartialEq)]
pub struct PartyInfo {
    /// Dedup key ("state:JP", "person:fumio kishida", "org:asean").
    pub key: String,
    /// Display name.
    pub name: String,
    /// What sort of party.
    pub kind: PartyKind,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    /// Office, e.g. "Prime Minister of Japan".
    pub role: Option<String>,
    /// The title as written before the name ("Prime Minister"), for "the prime minister".
    pub title: Option<String>,
    /// Name tokens a later reference may use alone ("Fumio", "Kishida").
    pub name_tokens: Vec<String>,
    /// Surfaces the text uses.
    pub aliases: Vec<String>,
}

impl PartyInfo {
    /// An organisation found by its name alone, with no office or name tokens.
    pub(super) fn organisation(key: String, name: String, country: Option<String>) -> Self {
        PartyInfo {
            key,
            name,
            kind: PartyKind::Organization,
            country,
            role: None,
            title: None,
            name_tokens: Vec::new(),
            aliases: Vec::new(),
        }
    }
}

/// One reference to a party.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PartyMention {
    /// Where.
    pub span: Span,
    /// Index into [`PartyTable::parties`].
    pub party: usize,
    /// A pronoun or description resolved to the party.
    pub anaphor: bool,
}

/// A plural reference ("Both leaders", "They", "The leaders of Japan and South Korea") and the
/// parties it was resolved to (empty when unresolved).
#[derive(Clone, Debug, PartialEq)]
pub struct PluralRef {
    /// Where.
    pub span: Span,
    /// The parties meant.
    pub parties: Vec<usize>,
}

/// All parties of an article and every reference to them.
#[derive(Clone, Debug, Default)]
pub struct PartyTable {
    /// The parties.
    pub parties: Vec<PartyInfo>,
    /// References, sorted by start.
    pub mentions: Vec<PartyMention>,
    /// Plural references, sorted by start.
    pub plurals: Vec<PluralRef>,
    by_key: HashMap<String, usize>,
}

impl PartyTable {
    fn party(&mut self, info: PartyInfo) -> usize {
        if let Some(&i) = self.by_key.get(&info.key) {
            let p = &mut self.parties[i];
            if p.role.is_none() {
                p.role = info.role;
            }
            if p.country.is_none() {
                p.country = info.country;
            }
            if p.title.is_none() {
                p.title = info.title;
            }
            return i;
        }
        let i = self.parties.len();
        self.by_key.insert(info.key.clone(), i);
        self.parties.push(info);
        i
    }

    /// Records a mention; [`PartyTable::finish`] sorts them (inserting in order would be
    /// quadratic on long texts).
    fn mention(&mut self, span: Span, party: usize, anaphor: bool) {
        if !span.is_empty() {
            self.mentions.push(PartyMention {
                span,
                party,
                anaphor,
            });
        }
    }

    /// A person known only by one name ("President Chavez" in a headline) is the one person of
    /// the article with a full name ending in it ("Hugo Chávez"), when there is exactly one:
    /// their mentions join, and the full name keeps the title.
    fn join_lone_surnames(&mut self) {
        // Each person's last name token, folded once (long texts name many people).
        let lasts: Vec<Option<String>> = self
            .parties
            .iter()
            .map(|p| {
                (p.kind == PartyKind::Person)
                    .then(|| {
                        p.name_tokens
                            .last()
                            .map(|t| crate::extract::lexicon::folded(t))
                    })
                    .flatten()
            })
            .collect();
        let mut redirect: Vec<Option<usize>> = vec![None; self.parties.len()];
        for lone in 0..self.parties.len() {
            let info = &self.parties[lone];
            if info.kind != PartyKind::Person || info.name_tokens.len() != 1 {
                continue;
            }
            let Some(name) = &lasts[lone] else { continue };
            let mut full = (0..self.parties.len()).filter(|&q| {
                let other = &self.parties[q];
                q != lone
                    && other.kind == PartyKind::Person
                    && other.name_tokens.len() >= 2
                    && lasts[q].as_ref() == Some(name)
                    && (other.country.is_none()
                        || info.country.is_none()
                        || other.country == info.country)
            });
            let (Some(to), None) = (full.next(), full.next()) else {
                continue;
            };
            let (title, role, country) = {
                let l = &self.parties[lone];
                (l.title.clone(), l.role.clone(), l.country.clone())
            };
            let target = &mut self.parties[to];
            if target.title.is_none() {
                target.title = title;
            }
            if target.role.is_none() {
                target.role = role;
            }
            if target.country.is_none() {
                target.country = country;
            }
            redirect[lone] = Some(to);
            let key = self.parties[lone].key.clone();
            self.by_key.insert(key, to);
        }
        // One pass over the mentions, however many join (long texts name many people).
        if redirect.iter().any(Option::is_some) {
            for m in &mut self.mentions {
                if let Some(to) = redirect[m.party] {
                    m.party = to;
                }
            }
        }
    }

    /// Sorts the mentions and drops duplicates.
    fn finish(&mut self) {
        self.mentions.sort_by_key(|m| (m.span, m.party));
        self.mentions.dedup_by_key(|m| (m.span, m.party));
    }

    /// The first mention starting exactly at byte `at`.
    pub fn mention_starting_at(&self, at: usize) -> Option<&PartyMention> {
        let i = self.mentions.partition_point(|m| m.span.start < at);
        // Prefer the longest mention starting here (a title + name over a bare demonym).
        self.mentions[i..]
            .iter()
            .take_while(|m| m.span.start == at)
            .max_by_key(|m| m.span.end)
    }

    /// The longest mention ending exactly at byte `end`.
    pub fn mention_ending_at(&self, end: usize) -> Option<&PartyMention> {
        // Mentions are short: look back over those starting at most 256 bytes earlier.
        let hi = self.mentions.partition_point(|m| m.span.start < end);
        let lo = self.mentions[..hi].partition_point(|m| m.span.start + 256 < end);
        self.mentions[lo..hi]
            .iter()
            .filter(|m| m.span.end == end)
            .min_by_key(|m| m.span.start)
    }

    /// Whether a reference starting at `at` is singular or plural (None when there is none).
    pub fn plural_at(&self, at: usize) -> Option<Plurality> {
        if self.plurals.iter().any(|p| p.span.start == at) {
            return Some(Plurality::Plural);
        }
        let m = self.mention_starting_at(at)?;
        Some(if self.parties[m.party].kind == PartyKind::Group {
            Plurality::Plural
        } else {
            Plurality::Singular
        })
    }

    /// Mentions that overlap `span`.
    pub fn mentions_in(&self, span: Span) -> impl Iterator<Item = &PartyMention> {
        let first = self
            .mentions
            .partition_point(|m| m.span.end <= span.start && m.span.start < span.start);
        self.mentions[first..]
            .iter()
            .take_while(move |m| m.span.start < span.end)
            .filter(move |m| m.span.end > span.start)
    }

    /// The party of a state, if the article has it.
    pub fn state(&self, country: &str) -> Option<usize> {
        self.by_key.get(&format!("state:{country}")).copied()
    }

    /// Adds mentions of people from resolved first-person pronouns in their quotes.
    /// A government's press release speaks as its state: in a release of the "U.S. Department
    /// of State", "We strongly condemn …" is the United States speaking. Adds those
    /// first-person mentions outside quotes; a publisher that is no government body adds none.
    pub fn add_publisher_voice(
        &mut self,
        doc: &Doc,
        quotes: &[QuoteFound],
        source: &str,
        gaz: &crate::geodata::gazetteer::Gazetteer,
    ) {
        let Some(country) = government_publisher(source, gaz) else {
            return;
        };
        let p = match self.state(country.iso2) {
            Some(p) => p,
            None => self.party(states::named_state_info(
                country.iso2,
                country.name.to_owned(),
            )),
        };
        let found: Vec<(Span, usize)> = doc
            .tokens
            .iter()
            .filter(|t| {
                t.kind == TokenKind::Word
                    && matches!(doc.slice(t.span), "We" | "we")
                    && inside_quote(quotes, t.span.start).is_none()
            })
            .map(|t| (t.span, p))
            .collect();
        self.add_mentions(found);
    }

    /// Records resolved mentions (pronouns, descriptions) found after the table was built.
    pub fn add_mentions(&mut self, mentions: impl IntoIterator<Item = (Span, usize)>) {
        for (span, party) in mentions {
            self.mention(span, party, true);
        }
        self.finish();
    }
}

/// The state of a publisher that is a government body ("U.S. Department of State", "Embassy
/// of France", "Japan's Ministry of Foreign Affairs"), if it is one.
fn government_publisher(
    source: &str,
    gaz: &crate::geodata::gazetteer::Gazetteer,
) -> Option<crate::geodata::gazetteer::CountryInfo> {
    const BODIES: &[&str] = &[
        "department of state",
        "state department",
        "ministry",
        "mission to",
        "embassy",
        "white house",
        "government",
        "foreign office",
        "department of defense",
        "prime minister's office",
        "office of the president",
    ];
    let lower = source.to_lowercase();
    if !BODIES.iter().any(|b| lower.contains(b)) {
        return None;
    }
    let words: Vec<&str> = source.split_whitespace().collect();
    // "U.S. Department of State", "United States Mission to the OSCE", "French Embassy".
    (1..=3.min(words.len()))
        .rev()
        .find_map(|n| gaz.country_by_name(&words[..n].join(" ")))
        .or_else(|| {
            let cc = gaz.demonym_country(words.first()?)?;
            gaz.country(cc)
        })
        // "Embassy of France", "Ministry of Foreign Affairs of Japan".
        .or_else(|| {
            source
                .match_indices(" of ")
                .find_map(|(i, _)| gaz.country_by_name(&source[i + 4..]))
        })
}

/// Lexical context the resolver needs: which tokens are covered by places and demonyms.
struct Ctx<'a, 'd> {
    doc: &'d Doc<'a>,
    rec: &'d Recognised,
    quotes: &'d [QuoteFound],
    /// Token index → place hit index + 1 for the first token of each hit (0: none).
    place_start: Vec<u32>,
    /// Token index → demonym hit index + 1 for the first token (0: none).
    demonym_start: Vec<u32>,
    /// Per token: covered by a place, demonym or organisation mention.
    covered: Vec<bool>,
}

impl Ctx<'_, '_> {
    /// The place hit starting at token `i` and the token after it.
    fn place_at(&self, i: usize) -> Option<(usize, usize)> {
        let h = (*self.place_start.get(i)? as usize).checked_sub(1)?;
        Some((h, self.doc.token_at_or_after(self.rec.places[h].span.end)))
    }

    /// The demonym starting at token `i` and the token after it.
    fn demonym_at(&self, i: usize) -> Option<(usize, usize)> {
        let h = (*self.demonym_start.get(i)? as usize).checked_sub(1)?;
        Some((h, self.doc.token_at_or_after(self.rec.demonyms[h].span.end)))
    }

    /// A country that qualifies the words at token `i`: a demonym, "Japan’s", "U.S." or "the
    /// country’s"; returns the country and the token after the qualifier.
    fn country_qualifier(&self, i: usize) -> Option<(String, usize)> {
        if let Some((h, next)) = self.demonym_at(i) {
            return Some((self.rec.demonyms[h].country.clone(), next));
        }
        if let Some((h, next)) = self.place_at(i) {
            let hit = &self.rec.places[h];
            if hit.kind == PlaceKind::Country
                && let Some(cc) = &hit.country
            {
                let next = if self
                    .doc
                    .tokens
                    .get(next)
                    .is_some_and(|t| t.kind == TokenKind::Possessive)
                {
                    next + 1
                } else {
                    next
                };
                return Some((cc.clone(), next));
            }
        }
        None
    }

    fn quoted(&self, i: usize) -> bool {
        inside_quote(self.quotes, self.doc.tokens[i].span.start).is_some()
    }
}

/// Verbs a body acts with, beyond those of saying: after a place that is also a body's name
/// ("The European Union called for …") they make it the body.
const BODY_VERBS: &[&str] = &[
    "called",
    "calls",
    "urged",
    "urges",
    "demanded",
    "demands",
    "condemned",
    "condemns",
    "warned",
    "warns",
    "imposed",
    "imposes",
    "agreed",
    "agrees",
    "announced",
    "announces",
    "welcomed",
    "welcomes",
    "criticized",
    "criticised",
    "rejected",
    "rejects",
];

/// Finds all parties and their references.
pub fn find_parties(doc: &Doc, rec: &Recognised, quotes: &[QuoteFound]) -> PartyTable {
    let n = doc.tokens.len();
    let mut place_start = vec![0u32; n];
    let mut covered = vec![false; n];
    for (h, hit) in rec.places.iter().enumerate() {
        if let Some(t) = doc.token_containing(hit.span.start)
            && place_start[t] == 0
        {
            place_start[t] = h as u32 + 1;
        }
        // "The Kremlin condemned …": a building that names the body inside it stays open for
        // the organisation table, which makes it the speaker or actor.
        // So does a union of states that acts: "The European Union called for …".
        let acts = || {
            doc.token_at_or_after(hit.span.end) < n && {
                let v = crate::extract::speech::skip_fillers(
                    doc,
                    doc.token_at_or_after(hit.span.end),
                    n,
                );
                v < n
                    && !doc.tokens[v].cap
                    && (doc.is_any(v, crate::extract::lexicon::SPEECH_VERBS)
                        || doc.is_any(v, BODY_VERBS))
            }
        };
        let metonym = organisations::is_table_name(doc.slice(hit.span))
            && (hit.kind == crate::model::PlaceKind::Site || acts());
        if !metonym {
            mark(doc, &mut covered, hit.span);
        }
    }
    let mut demonym_start = vec![0u32; n];
    for (h, hit) in rec.demonyms.iter().enumerate() {
        if let Some(t) = doc.token_containing(hit.span.start)
            && demonym_start[t] == 0
        {
            demonym_start[t] = h as u32 + 1;
        }
        mark(doc, &mut covered, hit.span);
    }
    let mut ctx = Ctx {
        doc,
        rec,
        quotes,
        place_start,
        demonym_start,
        covered,
    };
    let mut table = PartyTable::default();
    organisations::find_organisations(&mut ctx, &mut table);
    states::find_states(&ctx, &mut table);
    people::find_people(&mut ctx, &mut table);
    table.join_lone_surnames();
    table.finish();
    people::countries_from_appositions(&ctx, &mut table);
    coreference::resolve_references(&ctx, &mut table);
    table.finish();
    table
}

fn mark(doc: &Doc, covered: &mut [bool], span: Span) {
    let mut i = doc.token_at_or_after(span.start);
    while i < doc.tokens.len() && doc.tokens[i].span.start < span.end {
        covered[i] = true;
        i += 1;
    }
}

/// Runs the stages up to parties over a text, for the unit tests of this stage.
/// Place hits fit for the parties stage: sanitised, and no town named like a known
/// organisation ("a Hamas base" is no town called Hamas). Only towns: "the EU" as an area, like
/// "the Kremlin" as a site, stays a place.
pub(crate) fn places_for_parties(rec: Recognised, text: &str) -> Recognised {
    let mut rec = rec.sanitised(text);
    rec.places.retain(|p| {
        p.kind != crate::model::PlaceKind::City
            || !organisations::is_table_name(&text[p.span.start..p.span.end])
    });
    rec
}

/// Nouns before "of" that say a person's ("pictures of Castro", "the death of Jackson").
const PERSONAL_NOUNS: &[&str] = &[
    "pictures",
    "photos",
    "photographs",
    "images",
    "video",
    "death",
    "health",
    "condition",
    "illness",
    "supporters",
    "critics",
    "opponents",
    "allies",
    "wife",
    "husband",
    "son",
    "daughter",
    "family",
    "brother",
    "sister",
    "rule",
    "administration",
    "speech",
    "words",
    "statement",
    "comments",
    "remarks",
    "return",
    "arrest",
    "trial",
    "release",
    "resignation",
    "ouster",
    "policies",
    "visit",
    "successor",
    "predecessor",
    "aides",
    "lawyers",
    "war",
    "regime",
    "era",
];

/// Words before a surname that make it the town of that name after all ("born in Castro").
const SURNAME_PLACE_WORDS: &[&str] = &[
    "in", "at", "near", "from", "to", "into", "outside", "around", "toward", "towards", "via",
    "through", "across",
];

/// Drops place hits inside a person's name ("Muqtada al-Sadr" is no mention of Sadr City),
/// keeping any place after "of", where a title names it ("Prime Minister of Canada Stephen
/// Harper", "Archbishop of Canterbury"), and a full name's surname standing alone
/// ("pictures of Castro").
pub(crate) fn places_outside_names(doc: &Doc, rec: &mut Recognised, table: &PartyTable) {
    // Sorted by start, so each place looks only at the few mentions starting before it: a long
    // text stays linear.
    // (A ship's name too: "the Maersk Alabama" is no place in Alabama.)
    let mut persons: Vec<Span> = table
        .mentions
        .iter()
        .filter(|m| {
            let p = &table.parties[m.party];
            !m.anaphor && (p.kind == PartyKind::Person || p.key.starts_with("vessel:"))
        })
        .map(|m| m.span)
        .collect();
    persons.sort();
    // "Agence France-Presse": a place inside an organisation's proper name, after its first
    // word, places nothing. (One that opens it, "the US Navy", or follows "of", "the
    // government of Iraq", still names the state.)
    let mut bodies: Vec<Span> = table
        .mentions
        .iter()
        .filter(|m| !m.anaphor && table.parties[m.party].kind == PartyKind::Organization)
        .map(|m| m.span)
        .collect();
    bodies.sort();
    // "Castro" for "Fidel Castro": surnames of people the article names in full.
    let surnames: HashSet<&str> = table
        .parties
        .iter()
        .filter(|p| p.kind == PartyKind::Person)
        .filter_map(|p| p.name.rsplit_once(' ').map(|(_, last)| last))
        .collect();
    rec.places.retain(|p| {
        let word_before = doc.token_at_or_after(p.span.start).checked_sub(1);
        let of_title = word_before.is_some_and(|k| doc.is(k, "of"));
        let before = persons.partition_point(|m| m.start <= p.span.start);
        let inside = persons[before.saturating_sub(4)..before]
            .iter()
            .any(|m| p.span.end <= m.end && *m != p.span);
        // "No pictures of Castro have been released": a full name's surname on its own is the
        // person, unless a preposition puts something there ("in Castro").
        // After "of" only when what comes before is someone's ("pictures of Castro"), not a
        // part of a town ("the outskirts of Jackson").
        let someones = word_before
            .is_none_or(|k| !doc.is(k, "of") || k > 0 && doc.is_any(k - 1, PERSONAL_NOUNS));
        let surname = p.kind == crate::model::PlaceKind::City
            && surnames.contains(doc.slice(p.span))
            && someones
            && !word_before.is_some_and(|k| doc.is_any(k, SURNAME_PLACE_WORDS));
        let at = bodies.partition_point(|m| m.start < p.span.start);
        let in_body_name = bodies[at.saturating_sub(4)..at]
            .iter()
            .any(|m| m.start < p.span.start && p.span.end <= m.end)
            && !of_title
            // (A word of the name before it, not "the", "and" or a modifier such as
            // "Hamas-run" in "the Hamas-run Gaza Health Ministry".)
            && word_before.is_some_and(|k| {
                doc.tokens[k].cap
                    && !doc.tok(k).contains('-')
                    && !doc.is_any(k, &["the", "a", "an", "and"])
            });
        !surname && (of_title || !inside) && !in_body_name
    });
}

#[cfg(test)]
fn table_for(text: &str) -> PartyTable {
    let doc = Doc::new(text);
    let rec = Recognised::find(&doc, crate::geodata::gazetteer::Gazetteer::embedded());
    let quotes = super::quotes::find_quotes(&doc);
    find_parties(&doc, &rec, &quotes)
}

/// The party a mention of `surface` refers to, for the unit tests of this stage.
#[cfg(test)]
fn party_of<'t>(
    table: &'t PartyTable,
    text: &str,
    surface: &str,
    nth: usize,
) -> Option<&'t PartyInfo> {
    let at = text.match_indices(surface).nth(nth)?.0;
    let m = table.mention_starting_at(at)?;
    Some(&table.parties[m.party])
}

/// The places of `text` left once party names have had their say, for the unit tests.
#[cfg(test)]
fn places_after_names(text: &str) -> Vec<String> {
    let doc = Doc::new(text);
    let mut rec = Recognised::find(&doc, crate::geodata::gazetteer::Gazetteer::embedded());
    let quotes = super::quotes::find_quotes(&doc);
    let table = find_parties(&doc, &rec, &quotes);
    places_outside_names(&doc, &mut rec, &table);
    rec.places
        .iter()
        .map(|p| doc.slice(p.span).to_owned())
        .collect()
}

#[cfg(test)]
#[test]
fn a_place_inside_an_organisations_proper_name_places_nothing() {
    let names = places_after_names(
        "According to Agence France-Presse, the US Navy sent two ships to Bahrain.",
    );
    assert!(!names.iter().any(|n| n == "France"), "{names:?}");
    // (A state that opens a body's name is still the state: "the US Navy".)
    assert!(
        names.iter().any(|n| n == "US") && names.iter().any(|n| n == "Bahrain"),
        "{names:?}"
    );
}

#[cfg(test)]
#[test]
fn a_place_after_a_modifier_of_a_bodys_name_stays() {
    let names = places_after_names(
        "The Hamas-run Gaza Health Ministry said 20 people were killed in Rafah.",
    );
    assert!(
        names.iter().any(|n| n == "Gaza") && names.iter().any(|n| n == "Rafah"),
        "{names:?}"
    );
}
