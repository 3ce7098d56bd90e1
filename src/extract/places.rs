//! Place names and demonyms in text, resolved against the [`Gazetteer`].
//!
//! 1. **Matching**: at each word start the sorted name table is searched for every gazetteer
//!    name the text begins with (case-sensitive: "US" is not "us", "China" is not "china");
//!    matches must end on a word boundary, a possessive "’s" may follow ("North Korea’s" →
//!    "North Korea"), and overlapping matches keep the leftmost-longest ("South Korea", not
//!    "Korea"; "Metcalfe County", not "Metcalfe"). Words in capitals ("WASHINGTON —", "LOS
//!    ANGELES") are matched a second time title-cased; short ones ("IRNA") only if they name a
//!    state.
//! 2. **Filtering**: demonyms ("South Korean") and blocked phrases ("Washington Post") are never
//!    places. Names that are also people's names or common words need a place-like context:
//!    a title or a middle initial before ("President Jordan", "Franklin D. Roosevelt"), a given
//!    name before ("Cassandra Rivera", "Jack London"; the gazetteer keeps common given names
//!    for this), a capitalised word before ("George Washington") or, for given names, a surname
//!    or an initial after ("Paris Hilton", "Maury M. Rosenstein") makes a person — unless an
//!    institution named after the place follows ("Paris Regional Medical Center"); a common word
//!    ("Reading") at the start of a sentence or before another capitalised word is not taken; a
//!    small town named like a common surname ("Murphy") needs "in", "at", … before it or
//!    ", Region" after. A name once clearly a person's stays one in that article unless a
//!    preposition such as "in" precedes it or it names a state the article otherwise places
//!    itself in ("Jordan Peterson" next to "Amman" and "Jordan reopened its border").
//!    "Plymouth County" is not the city of Plymouth, nor "Hertford Road" the town (though the
//!    street counts as a hint of where the article is).
//! 3. **Minor towns** (under 15,000 people) are candidates only where the article supports them:
//!    "Glasgow, Ky.", or the article names their admin-1 region or a place in it, or a city
//!    within 60 km. Unsupported, they are dropped from a name's candidates (a mention left with
//!    none is no place), and they never count as evidence.
//! 4. **Resolution**: [`crate::geodata::gazetteer::resolve`] scores each name's candidates against the
//!    article's other unambiguous places ("one sense per article": every mention of a name gets
//!    the same place) and the candidates of its other ambiguous names (two names that can be
//!    neighbours usually are: "Edmonton" and "Tottenham"), in two rounds so that the other
//!    names' clear choices help. "City, Region" pairs fix the city inside the region ("Paris,
//!    Texas") and the region's sense ("St. Thomas, Ontario"); when no candidate lies in the
//!    region named ("Moscow, Vt." — a town the gazetteer lacks) the name gets no hit rather
//!    than a wrong one.
//!
//! Capital metonyms ("Seoul said") stay place hits for the city — the text does name the city —
//! and [`capital_metonyms`] additionally reports them as the state for party extraction.
//! Buildings used as metonyms ("the White House", "the Kremlin") are site places for the same
//! reason.

use super::hits::{DemonymHit, PlaceHit, Recognised};
use super::lexicon::among;
use super::lexicon::{EAST_ASIAN_FAMILY_NAMES, is_title_word};
use super::sentences::{Doc, TokenKind};
use crate::geodata::gazetteer::area_codes::{area_codes_in, region_of_area_code};
use crate::geodata::gazetteer::resolve::{self, Evidence};
use crate::geodata::gazetteer::{Entry, EntryKind, Gazetteer, NameFlags, NameInfo, NameRef};
use crate::model::{Span, is_word_char};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

impl Recognised {
    /// Runs the place recogniser over the document (the one glue point between recognition and
    /// the later stages).
    pub fn find(doc: &Doc, gaz: &Gazetteer) -> Self {
        let (places, demonyms) = find_places_and_demonyms(doc, gaz);
        let metonyms: Vec<(Span, String)> = capital_metonyms(doc.text, &places, gaz)
            .into_iter()
            .map(|m| (m.span, m.country))
            .collect();
        let mut country_names = HashMap::default();
        let codes = places
            .iter()
            .filter_map(|p| p.country.as_deref())
            .chain(demonyms.iter().map(|d| d.country.as_str()))
            .chain(metonyms.iter().map(|m| m.1.as_str()));
        for cc in codes {
            if !country_names.contains_key(cc)
                && let Some(info) = gaz.country(cc)
            {
                country_names.insert(cc.to_owned(), info.name.to_owned());
            }
        }
        Self {
            places,
            demonyms,
            metonyms,
            country_names,
        }
    }
}

/// Capitalised words that may precede a place name without making it part of a person's or an
/// organisation's name: function words (sentence-initial or in headings), directions and
/// qualifiers ("Southern California", "Upstate New York").
const ALLOWED_BEFORE: &[&str] = &[
    "In",
    "At",
    "From",
    "To",
    "For",
    "On",
    "By",
    "With",
    "And",
    "Or",
    "Of",
    "The",
    "A",
    "An",
    "Near",
    "Across",
    "Into",
    "Inside",
    "Outside",
    "Over",
    "Under",
    "Between",
    "Against",
    "Via",
    "Through",
    "Throughout",
    "Around",
    "Toward",
    "Towards",
    "Within",
    "Beyond",
    "Like",
    "Than",
    "But",
    "As",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "Since",
    "Until",
    "During",
    "Both",
    "North",
    "South",
    "East",
    "West",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Central",
    "Northeast",
    "Northwest",
    "Southeast",
    "Southwest",
    "Northeastern",
    "Northwestern",
    "Southeastern",
    "Southwestern",
    "Upper",
    "Lower",
    "Greater",
    "Inner",
    "Outer",
    "Upstate",
    "Downstate",
    "Downtown",
    "Metro",
    "Metropolitan",
    "Mainland",
    "Continental",
    "Rural",
    "Urban",
    "Coastal",
    "Occupied",
    "Liberated",
    "Free",
    "All",
    "Mid",
    "Mid-",
    "Post",
    "Pre",
    "Anti",
    "Pro",
    "Visit",
    "Visits",
    "Leaves",
    "Says",
    "Said",
    "Hits",
    "Strikes",
    "Attack",
    "Attacks",
    "Then",
    "Now",
    "Also",
    "Only",
    "Even",
    "Where",
    "Why",
    "How",
    "What",
    "Which",
    "Who",
    "Neighbouring",
    "Neighboring",
    "Nearby",
    "Modern",
    "Ancient",
    "Old",
    "Today",
    "Today's",
    "Today’s",
    "Dateline",
    "UPDATE",
    "Update",
    "Breaking",
    "Photo",
    "Photos",
    "Video",
    "Map",
    "However",
    "Although",
    "Though",
    "Meanwhile",
    "Overall",
    "Earlier",
    "Later",
    "Last",
    "Next",
    "Still",
    "Yet",
    "Instead",
    "Indeed",
    "Thus",
    "Because",
    "Despite",
    "Unlike",
    "Once",
    "So",
    "Some",
    "Many",
    "Most",
    "Several",
    "Each",
    "Every",
    "Former",
    "Current",
    "Suburban",
    "Historic",
    "Residents",
    "Officials",
    "Elsewhere",
];

/// Capitalised words after a name that keep it a place (or part of a bigger place) rather than
/// a person's name: "Jordan River", "Victoria Falls", "Georgia State".
const PLACE_CONTINUATIONS: &[&str] = &[
    "River",
    "Valley",
    "Falls",
    "Lake",
    "Lakes",
    "Mountain",
    "Mountains",
    "Island",
    "Islands",
    "Bay",
    "Strait",
    "Straits",
    "Sea",
    "Gulf",
    "Airport",
    "Province",
    "Region",
    "County",
    "State",
    "City",
    "District",
    "Square",
    "Street",
    "Bridge",
    "Port",
    "Harbour",
    "Harbor",
    "Peninsula",
    "Coast",
    "Desert",
    "Basin",
    "Delta",
    "Plain",
    "Plains",
    "Heights",
    "Border",
    "Government",
    "Ministry",
    "Embassy",
    "Consulate",
    "Area",
    "Territory",
    "Territories",
    "Canal",
    "Oblast",
    "Prefecture",
    "Governorate",
    "Municipality",
    "Township",
    "Borough",
    "Parish",
    "Metro",
    "Station",
    "Highway",
    "Road",
    "Avenue",
    "Park",
    "Forest",
    "Hills",
    "Creek",
    "Beach",
    "Zone",
    // institutions named after the place keep it a place: "Florida Senate", "Ankara Police"
    "Senate",
    "House",
    "Assembly",
    "Legislature",
    "Parliament",
    "Police",
    "Department",
    "Court",
    "Supreme",
    "Attorney",
    "Republican",
    "Republicans",
    "Democrat",
    "Democrats",
    "Democratic",
    "Army",
    "Navy",
    "Air",
    "Guard",
    "National",
    "University",
    "College",
    "Institute",
    "Council",
    "Olympics",
    "Games",
    "Cup",
    "Open",
    "Marathon",
    "Zoo",
    "Museum",
    "Hospital",
    "Election",
    "Elections",
    "Primary",
    "Office",
    "Agency",
    "Authority",
    "Service",
    "Services",
    "Fire",
    "Health",
    "Public",
    "Times",
    "Post",
    "Herald",
    "Journal",
    "Daily",
    "News",
    "Airlines",
    "Airways",
    "Stock",
    "Exchange",
    "Central",
    "State's",
    "Governor's",
    "Gov",
];

/// Prepositions that make a name a location even where it was a person's name elsewhere.
const LOCATIVE_BEFORE: &[&str] = &[
    "in",
    "at",
    "from",
    "to",
    "near",
    "outside",
    "across",
    "into",
    "around",
    "toward",
    "towards",
    "via",
    "through",
    "throughout",
    "inside",
    "within",
    "of",
];

/// Given names that open questions as auxiliaries ("Will Paris host the Games?").
const AUXILIARIES_CAPITALISED: &[&str] = &["Will", "Can", "Should", "Must", "Shall", "Might"];

/// Words that end with a period without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr.", "Mrs.", "Ms.", "Dr.", "St.", "Gen.", "Sen.", "Rep.", "Gov.", "Lt.", "Col.", "Capt.",
    "Sgt.", "Prof.", "Rev.", "Mt.", "Ft.", "No.", "vs.", "U.S.", "U.K.", "U.N.", "E.U.", "Jr.",
    "Sr.", "Inc.", "Co.", "Corp.", "Ltd.", "a.m.", "p.m.",
];

/// Cities smaller than this are often people's names too ("Vladimir", "Rubio", "Kim").
const SURNAME_CITY_MAX_POPULATION: u64 = 200_000;

/// A first-round choice this sure counts as evidence for the other names in the second round…
const CLEAR_CHOICE: f32 = 0.75;
/// …with this weight.
const CLEAR_CHOICE_WEIGHT: f32 = 0.5;

/// Distance within which a city the article names supports a minor town ("Yarrabah" near
/// "Cairns", "Hornsey" in London).
const MINOR_SUPPORT_KM: f64 = 60.0;
/// Weight of the town a street is named after ("Hertford Road") as evidence of where the article
/// is (a place named outright weighs 1).
const STREET_EVIDENCE_WEIGHT: f32 = 0.5;
/// Weight of a local phone number's region (each area code once): a newsroom prints its own
/// region's numbers, so it is worth about two mentions of a place there.
const AREA_CODE_WEIGHT: f32 = 2.0;
/// Highest confidence of a minor town.
const MINOR_TOWN_CONFIDENCE: f32 = 0.7;

/// Confidence of a name with one candidate.
const UNAMBIGUOUS_CONFIDENCE: f32 = 0.9;
/// Subtracted for names that needed a context check (common words, given names).
const RISKY_NAME_PENALTY: f32 = 0.15;

/// A capital city named where its state's government is meant ("Seoul said", "talks between
/// Washington and Beijing").
#[derive(Clone, Debug, PartialEq)]
pub struct CapitalMetonym {
    /// The city name as written (the same span as its [`PlaceHit`]).
    pub span: Span,
    /// ISO 3166-1 alpha-2 of the state meant.
    pub country: String,
    /// The city's place key.
    pub place_key: String,
}

/// One accepted gazetteer match.
#[derive(Clone, Copy, Debug)]
struct Match {
    start: usize,
    end: usize,
    name: u32,
    /// Matched in the title-cased copy of an all-capitals word.
    from_caps: bool,
    /// Right after "Word, " (where state abbreviations such as "Ky." count).
    after_comma: bool,
}

/// All place mentions in `text`, resolved, sorted by start and non-overlapping — except a group
/// name ("the two Koreas"), which yields one hit per member state with the same span.
pub fn find_places(text: &str, gaz: &Gazetteer) -> Vec<PlaceHit> {
    find_places_and_demonyms(&Doc::new(text), gaz).0
}

/// [`find_places`] and [`find_demonyms`] from one pass over the text (half the work of calling
/// both).
pub fn find_places_and_demonyms(doc: &Doc, gaz: &Gazetteer) -> (Vec<PlaceHit>, Vec<DemonymHit>) {
    let text = doc.text;
    let matches = scan(doc, gaz);
    let mut demonyms = Vec::new();
    let mut ctx = TextContext::new(text);
    let mut person_names: HashSet<&str> = HashSet::default();
    let mut places: Vec<(Match, Vec<NameRef>)> = Vec::new();
    let mut evidence = Evidence::default();

    // The previous match and whether it was a person's name, for "George Washington" (a person
    // continues) and "Atlanta Georgia" (a place before a place is not a first name); and whether
    // it was a given name that names no place ("Cassandra Rivera": certainly a person).
    let mut previous: Option<(usize, bool)> = None;
    let mut previous_given = false;
    for m in &matches {
        let info = &gaz.name(m.name);
        let adjacent = previous.filter(|&(end, _)| text.get(end..m.start) == Some(" "));
        let after_given = previous_given && adjacent.is_some();
        previous = Some((m.end, false));
        previous_given = false;
        if info.flags.has(NameFlags::BLOCK) {
            continue;
        }
        if is_person_word(gaz, info) {
            // "Jack London"; but a question may open with an auxiliary ("Will Paris host…?").
            let word_too = info.flags.has(NameFlags::COMMON_WORD)
                && AUXILIARIES_CAPITALISED.contains(&info.text);
            if word_too && previous_word(lookback(text, m.start)).is_none() {
                previous = None;
            } else {
                previous = Some((m.end, true));
                previous_given = true;
            }
            continue;
        }
        if info.flags.has(NameFlags::DEMONYM) {
            // "Tom French from the Equality Network": after a given name, a surname.
            if after_given {
                previous = Some((m.end, true));
                continue;
            }
            if let Some(hit) = demonym_hit(gaz, m, info) {
                if let Some(cc) = gaz
                    .country_entry(&hit.country)
                    .and_then(|c| gaz.entry(c).country)
                {
                    evidence.add_country(cc, 1.0);
                }
                demonyms.push(hit);
            }
            continue;
        }
        let cities_only = gaz.refs(info).all(|r| gaz.kind(r.entry) == EntryKind::City);
        let capital = gaz.refs(info).any(|r| gaz.is_national_capital(r.entry));
        let small_city = cities_only
            && !info.text.contains([' ', '-'])
            && gaz
                .refs(info)
                .all(|r| gaz.entry(r.entry).population < SURNAME_CITY_MAX_POPULATION);
        let name = NameContext {
            surname_prone: info.flags.has(NameFlags::GIVEN_NAME) || cities_only,
            // "China", "Turkey" and capitals such as "Muscat" are words too, but news means them.
            common_word: info.flags.has(NameFlags::COMMON_WORD) && cities_only && !capital,
            after_name: matches!(adjacent, Some((_, false))),
            small_city,
            surname_town: small_city && info.flags.has(NameFlags::SURNAME) && !capital,
        };
        let verdict = match adjacent {
            Some((_, true)) => Verdict::Person {
                certain: after_given,
                surname: true,
            },
            _ => judge(text, &mut ctx, m, info, name),
        };
        if matches!(verdict, Verdict::Person { .. }) {
            previous = Some((m.end, true));
        }
        match verdict {
            Verdict::Place => {}
            Verdict::Person { certain, surname } => {
                // Only a clear person ("President Jordan", "Paris Hilton", "Marco Rubio") makes
                // the name a person's throughout the article; "Smart Dubai" must not hide
                // "Dubai has", nor "Honolulu Star-Advertiser" "in Honolulu".
                if certain || (surname && name.small_city) || info.flags.has(NameFlags::GIVEN_NAME)
                {
                    person_names.insert(&text[m.start..m.end]);
                }
                continue;
            }
            Verdict::NotPlace => continue,
        }
        let refs: Vec<NameRef> = gaz
            .refs(info)
            .filter(|r| !r.comma_only || m.after_comma)
            .collect();
        if !refs.is_empty() {
            places.push((*m, refs));
        }
    }
    // A name seen as a person stays one, unless a preposition makes it a location, or it names a
    // state the article otherwise places itself in ("Jordan Peterson", but "Amman" and "Jordan
    // reopened its border").
    let mut countries_named: HashSet<&str> = HashSet::default();
    for (m, refs) in &places {
        if person_names.contains(&text[m.start..m.end]) {
            continue;
        }
        let mut major = refs.iter().filter(|r| !gaz.is_minor(r.entry));
        let first = major.next().and_then(|r| gaz.entry(r.entry).country);
        if first.is_some() && major.all(|r| gaz.entry(r.entry).country == first) {
            countries_named.extend(first);
        }
    }
    places.retain(|(m, refs)| {
        !person_names.contains(&text[m.start..m.end])
            || ctx.locative_before(m.start)
            || refs.iter().any(|r| {
                gaz.kind(r.entry) == EntryKind::Country
                    && gaz
                        .entry(r.entry)
                        .country
                        .is_some_and(|cc| countries_named.contains(cc))
            })
    });

    // "Plymouth County", "Monroe Co.": a county is not the city of that name; nor is "Hertford
    // Road" the town, though such a street usually leads there: a hint where the article is.
    places.retain(|(m, refs)| {
        if followed_by_street(text, m.end) {
            let major: Vec<&NameRef> = refs.iter().filter(|r| !gaz.is_minor(r.entry)).collect();
            if let [r] = major[..] {
                evidence.add_entry(gaz, r.entry, STREET_EVIDENCE_WEIGHT);
            }
            return false;
        }
        !followed_by_county(text, m.end)
    });
    // Phone numbers in local news say which state or province the article is in.
    for code in area_codes_in(text) {
        if let Some((cc, admin1)) = region_of_area_code(code) {
            evidence.add_country(cc, AREA_CODE_WEIGHT / 2.0);
            evidence.add_region(cc, admin1, AREA_CODE_WEIGHT);
        }
    }
    (
        resolve_mentions(text, &ctx.lines, gaz, &places, evidence),
        demonyms,
    )
}

/// Adds what each name says about where the article is: a name with one meaning (among major
/// places when `major_only`) counts as that place; one whose meanings all lie in one country,
/// half as that country.
fn add_name_evidence(
    gaz: &Gazetteer,
    names: &[(Match, Vec<NameRef>)],
    major_only: bool,
    evidence: &mut Evidence,
) {
    for (m, refs) in names {
        let info = gaz.name(m.name);
        let kept: Vec<&NameRef> = refs
            .iter()
            .filter(|r| !major_only || !gaz.is_minor(r.entry))
            .collect();
        if info.flags.has(NameFlags::GROUP) || kept.len() == 1 {
            for r in kept {
                evidence.add_entry(gaz, r.entry, 1.0);
            }
        } else if let Some(first) = kept.first() {
            let first = gaz.entry(first.entry).country;
            if let Some(cc) =
                first.filter(|_| kept.iter().all(|r| gaz.entry(r.entry).country == first))
            {
                evidence.add_country(cc, 0.5);
            }
        }
    }
}

/// Evidence from names with one meaning, then one choice per name in two rounds (the second
/// also trusting the first round's clear choices, so "Enfield" and "Edmonton" next to "London"
/// resolve near London), then the hits.
fn resolve_mentions(
    text: &str,
    lines: &LineStarts,
    gaz: &Gazetteer,
    all: &[(Match, Vec<NameRef>)],
    base: Evidence,
) -> Vec<PlaceHit> {
    // Minor towns say nothing about the article until the article supports them: first the
    // evidence of names with one major meaning decides which minor towns are supported; then
    // the evidence is gathered again from the supported candidates, so that "Glasgow" with
    // "Ky." next to it no longer counts as Scotland.
    let mut evidence = base.clone();
    add_name_evidence(gaz, all, true, &mut evidence);
    let places = &supported_candidates(text, gaz, all, &evidence);
    let mut evidence = base;
    add_name_evidence(gaz, places, false, &mut evidence);
    // Per name: what its mentions say ("Paris, Texas"; "New York Gov."), gathered over the article.
    let pairs = containers(text, gaz, places);
    let mut hints: HashMap<u32, resolve::Hints> = HashMap::default();
    let mut regions_named: HashMap<usize, u32> = HashMap::default();
    for (i, (m, refs)) in places.iter().enumerate() {
        let h = hints.entry(m.name).or_default();
        match pairs[i] {
            Pairing::Inside(c) => h.container = h.container.or(Some(c)),
            Pairing::Is(c) => {
                regions_named.insert(i, c);
            }
            Pairing::Unknown => h.contradicted = true,
            Pairing::None => {}
        }
        if refs.len() > 1 && state_word_follows(text, m.end) {
            h.prefers_region = true;
        }
        if refs.len() > 1 && opens_dateline(text, lines, m.start, m.end) {
            h.prefers_city = true;
        }
    }
    // Every candidate of an ambiguous name, for "spatial minimality": Edmonton and Enfield
    // named together are the two near London.
    for (m, refs) in places {
        if refs.len() > 1 {
            for r in refs {
                evidence.add_candidate(gaz, r.entry, m.name);
            }
        }
    }
    // "St. Thomas, Ontario" settles which Ontario; that tells about the rest of the article.
    for (i, (_, refs)) in places.iter().enumerate() {
        if let (Some(&c), true) = (regions_named.get(&i), refs.len() > 1) {
            evidence.add_entry(gaz, c, 1.0);
        }
    }
    let mut chosen: HashMap<u32, resolve::Choice> = HashMap::default();
    for _round in 0..2 {
        // The second round also trusts the other names' clear first-round choices (never the
        // name's own: it would only reinforce itself). They are added once, and each name sees
        // them without its own: copying the evidence for every name made this quadratic.
        let mut trusted = None;
        if !chosen.is_empty() {
            let mut all = evidence.clone();
            for c in chosen.values() {
                if c.confidence >= CLEAR_CHOICE {
                    all.add_entry(gaz, c.entry, CLEAR_CHOICE_WEIGHT);
                }
            }
            trusted = Some(all);
        }
        let mut next = HashMap::default();
        for (m, refs) in places {
            if next.contains_key(&m.name) || refs.len() < 2 {
                continue;
            }
            let mut h = hints.get(&m.name).copied().unwrap_or_default();
            h.name = Some(m.name);
            let seen = match (&trusted, chosen.get(&m.name)) {
                (None, _) => evidence.seen(),
                (Some(all), Some(own)) if own.confidence >= CLEAR_CHOICE => {
                    all.without_own(gaz, own.entry, CLEAR_CHOICE_WEIGHT)
                }
                (Some(all), _) => all.seen(),
            };
            if let Some(c) = resolve::choose(gaz, refs, seen, h) {
                next.insert(m.name, c);
            }
        }
        chosen = next;
    }

    let mut hits = Vec::with_capacity(places.len());
    for (i, (m, refs)) in places.iter().enumerate() {
        let info = gaz.name(m.name);
        let span = Span::new(m.start, m.end);
        if info.flags.has(NameFlags::GROUP) {
            for r in refs {
                hits.push(place_hit(gaz, span, r.entry, UNAMBIGUOUS_CONFIDENCE));
            }
            continue;
        }
        let h = hints.get(&m.name).copied().unwrap_or_default();
        if h.contradicted && h.container.is_none() {
            continue; // "London, Ky.": a London we do not know; no pin beats a wrong one
        }
        let mut choice = match (regions_named.get(&i), refs.len()) {
            (Some(&entry), _) => resolve::Choice {
                entry,
                confidence: UNAMBIGUOUS_CONFIDENCE,
            },
            (None, 1) => resolve::Choice {
                entry: refs[0].entry,
                confidence: UNAMBIGUOUS_CONFIDENCE,
            },
            (None, _) => match chosen.get(&m.name) {
                Some(c) => *c,
                None => continue,
            },
        };
        if info.flags.has(NameFlags::COMMON_WORD)
            || info.flags.has(NameFlags::GIVEN_NAME)
            || m.from_caps
        {
            choice.confidence -= RISKY_NAME_PENALTY;
        }
        if refs.iter().any(|r| r.entry == choice.entry && r.alternate) {
            choice.confidence -= RISKY_NAME_PENALTY / 2.0;
        }
        if gaz.is_minor(choice.entry) {
            choice.confidence = choice.confidence.min(MINOR_TOWN_CONFIDENCE);
        }
        hits.push(place_hit(
            gaz,
            span,
            choice.entry,
            choice.confidence.clamp(0.05, 0.99),
        ));
    }
    hits
}

/// The candidates each mention may mean, without minor towns the article does not support: a
/// minor town (under 15,000 people) stays a candidate only when its region is named right after
/// it ("Glasgow, Ky."), or the article names its admin-1 region or a place in that region
/// ("Kentucky", "Bowling Green"), or a city within [`MINOR_SUPPORT_KM`]. Support holds for every
/// mention of the name (one sense per article). Mentions left with no candidate are dropped.
fn supported_candidates(
    text: &str,
    gaz: &Gazetteer,
    all: &[(Match, Vec<NameRef>)],
    evidence: &Evidence,
) -> Vec<(Match, Vec<NameRef>)> {
    let pairs = containers(text, gaz, all);
    let mut supported: HashSet<u32> = HashSet::default();
    // Whether the article supports a town does not depend on the mention: asked once per town,
    // not once per mention of every namesake.
    let mut evidence_supports: HashMap<u32, bool> = HashMap::default();
    for (i, (_, refs)) in all.iter().enumerate() {
        for r in refs.iter().filter(|r| gaz.is_minor(r.entry)) {
            let e = gaz.entry(r.entry);
            let named_region = match pairs[i] {
                Pairing::Inside(c) => contains(&gaz.entry(c), &e),
                _ => false,
            };
            if named_region
                || *evidence_supports
                    .entry(r.entry)
                    .or_insert_with(|| evidence.supports(&e, MINOR_SUPPORT_KM))
            {
                supported.insert(r.entry);
            }
        }
    }
    all.iter()
        .filter_map(|(m, refs)| {
            let keep: Vec<NameRef> = refs
                .iter()
                .filter(|r| !gaz.is_minor(r.entry) || supported.contains(&r.entry))
                .copied()
                .collect();
            (!keep.is_empty()).then_some((*m, keep))
        })
        .collect()
}

/// True if `region` (a country or an admin-1 region) contains `place`.
fn contains(region: &Entry, place: &Entry) -> bool {
    place.country.is_some()
        && place.country == region.country
        && (region.kind == EntryKind::Country
            || (region.kind == EntryKind::Admin1
                && !region.admin1.is_empty()
                && place.admin1 == region.admin1))
}

/// ", Kentucky" / ", Ky." after a name: the writer places it.
fn region_follows(text: &str, end: usize) -> bool {
    text.get(end..)
        .and_then(|a| a.strip_prefix(", "))
        .and_then(|a| a.chars().next())
        .is_some_and(char::is_uppercase)
}

/// Words after a name that mean its state or province, not its city: "New York Gov.",
/// "Quebec government", "Washington state".
/// "NEW YORK (AP) —", "WASHINGTON —": a name opening a line, then at most an agency in
/// parentheses, then a dash. A dateline names the city the story was filed from.
fn opens_dateline(text: &str, lines: &LineStarts, start: usize, end: usize) -> bool {
    let line_start = lines.start_of(text, start);
    if !text[line_start..start].trim().is_empty() {
        return false;
    }
    let rest = text[end..].trim_start();
    let rest = match rest.strip_prefix('(') {
        Some(r) => match r.find(')') {
            Some(close) if close <= 30 => r[close + 1..].trim_start(),
            _ => return false,
        },
        None => rest,
    };
    ["—", "–", "--", "- "].iter().any(|d| rest.starts_with(d))
}

fn state_word_follows(text: &str, end: usize) -> bool {
    const STATE_WORDS: &[&str] = &[
        "Gov",
        "Governor",
        "Legislature",
        "state",
        "State",
        "Senate",
        "Assembly",
        "Attorney",
        "government",
        "Premier",
        "premier",
        "provincial",
        "Provincial",
        "province",
        "Province",
        "legislature",
        "lawmakers",
        "governor",
    ];
    let Some(after) = text.get(end..) else {
        return false;
    };
    let after = split_possessive(after).1;
    let Some(rest) = after.strip_prefix(' ') else {
        return false;
    };
    let word = rest
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    among(word, STATE_WORDS)
}

/// "X County", "X Co.", "X Parish", "X Township": an administrative area named after a place.
fn followed_by_county(text: &str, end: usize) -> bool {
    text.get(end..).is_some_and(|a| {
        [" County", " Co.", " Parish", " Township", " COUNTY", " CO."]
            .iter()
            .any(|w| {
                a.strip_prefix(w)
                    .is_some_and(|r| r.chars().next().is_none_or(|c| !c.is_alphanumeric()))
            })
    })
}

/// "X Street", "X Road", "X Avenue": a street named after a place.
fn followed_by_street(text: &str, end: usize) -> bool {
    const STREET_WORDS: &[&str] = &[
        "Street",
        "St.",
        "Road",
        "Rd.",
        "Avenue",
        "Ave.",
        "Lane",
        "Drive",
        "Boulevard",
        "Blvd.",
        "Close",
        "Terrace",
        "Crescent",
    ];
    let Some(rest) = text.get(end..).and_then(|a| a.strip_prefix(' ')) else {
        return false;
    };
    STREET_WORDS.iter().any(|w| {
        rest.strip_prefix(w).is_some_and(|r| {
            r.chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric() && c != '-')
        })
    })
}

/// A given name that names no place ("Cassandra"): it only tells that a person's name goes on.
fn is_person_word(gaz: &Gazetteer, info: &NameInfo) -> bool {
    info.flags.has(NameFlags::GIVEN_NAME) && gaz.refs(info).len() == 0
}

/// All nationality words in `text` ("South Korean", "Japanese", "Americans"), sorted and
/// non-overlapping; none of them is ever a place hit.
pub fn find_demonyms(text: &str, gaz: &Gazetteer) -> Vec<DemonymHit> {
    scan(&Doc::new(text), gaz)
        .iter()
        .filter_map(|m| {
            let info = gaz.name(m.name);
            info.flags
                .has(NameFlags::DEMONYM)
                .then(|| demonym_hit(gaz, m, &info))
                .flatten()
        })
        .collect()
}

fn demonym_hit(gaz: &Gazetteer, m: &Match, info: &NameInfo) -> Option<DemonymHit> {
    let country = gaz
        .refs(info)
        .next()
        .and_then(|r| gaz.entry(r.entry).country)?;
    Some(DemonymHit {
        span: Span::new(m.start, m.end),
        country: country.to_owned(),
        plural: info.flags.has(NameFlags::PLURAL),
    })
}

/// Capital cities among `places` that stand for their state: followed by a verb of saying or
/// deciding ("Seoul said", "Tokyo has argued"), by a possessive and a word such as "government"
/// ("Beijing’s position"), or paired with another capital ("Washington and Beijing").
pub fn capital_metonyms(text: &str, places: &[PlaceHit], gaz: &Gazetteer) -> Vec<CapitalMetonym> {
    let capital_of = |hit: &PlaceHit| -> Option<String> {
        let cc = hit.country.as_deref()?;
        let info = gaz.country(cc)?;
        info.capital_key
            .is_some_and(|k| k == hit.key.as_str())
            .then(|| cc.to_owned())
    };
    let capitals: Vec<Option<String>> = places.iter().map(capital_of).collect();
    let mut out = Vec::new();
    for (i, hit) in places.iter().enumerate() {
        let Some(cc) = &capitals[i] else { continue };
        let Some(after) = text.get(hit.span.end..) else {
            continue;
        };
        let (possessive, rest) = split_possessive(after);
        let words: Vec<&str> = rest.split_whitespace().take(3).map(trim_word).collect();
        let first = words.first().copied().unwrap_or("");
        let second = words.get(1).copied().unwrap_or("");
        let stance = if possessive {
            among(first, METONYM_NOUNS)
        } else {
            is_state_verb(first)
                || (among(first, AUXILIARIES) && (is_state_verb(second) || second.ends_with("ed")))
        };
        // "Washington and Beijing", "between Seoul and Tokyo": two capitals joined.
        let paired = |j: usize| -> bool {
            let (a, b) = if j < i {
                (&places[j], hit)
            } else {
                (hit, &places[j])
            };
            capitals[j].is_some()
                && text.get(a.span.end..b.span.start).is_some_and(|between| {
                    matches!(between.trim(), "and" | "or" | "," | "and the" | "-" | "–")
                })
        };
        let joined = (i > 0 && paired(i - 1)) || (i + 1 < places.len() && paired(i + 1));
        if stance || joined {
            out.push(CapitalMetonym {
                span: hit.span,
                country: cc.clone(),
                place_key: hit.key.clone(),
            });
        }
    }
    out
}

const AUXILIARIES: &[&str] = &[
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "must",
    "is",
    "was",
    "also",
    "has also",
    "did",
    "does",
    "not",
    "quickly",
    "later",
    "then",
    "officially",
];

const METONYM_NOUNS: &[&str] = &[
    "government",
    "position",
    "stance",
    "response",
    "decision",
    "move",
    "plan",
    "plans",
    "policy",
    "officials",
    "demands",
    "demand",
    "relations",
    "ties",
    "ally",
    "allies",
    "efforts",
    "claims",
    "claim",
    "view",
    "concerns",
    "ambassador",
    "envoy",
    "military",
    "forces",
    "leaders",
    "leadership",
    "approach",
    "strategy",
    "refusal",
    "support",
    "backing",
    "actions",
    "warning",
    "objections",
    "announcement",
];

fn is_state_verb(word: &str) -> bool {
    const VERBS: &[&str] = &[
        "said",
        "says",
        "say",
        "argued",
        "argues",
        "warned",
        "warns",
        "accused",
        "accuses",
        "announced",
        "announces",
        "condemned",
        "condemns",
        "denied",
        "denies",
        "insisted",
        "insists",
        "urged",
        "urges",
        "wants",
        "wanted",
        "believes",
        "claimed",
        "claims",
        "rejected",
        "rejects",
        "responded",
        "responds",
        "demanded",
        "demands",
        "threatened",
        "threatens",
        "vowed",
        "vows",
        "protested",
        "protests",
        "called",
        "calls",
        "agreed",
        "agrees",
        "refused",
        "refuses",
        "stated",
        "declared",
        "confirmed",
        "approved",
        "imposed",
        "sanctioned",
        "retaliated",
        "hopes",
        "hoped",
        "fears",
        "feared",
        "considers",
        "considered",
        "maintains",
        "maintained",
        "objected",
        "objects",
        "pledged",
        "pledges",
        "promised",
        "expelled",
        "recalled",
        "summoned",
        "blamed",
        "blames",
        "criticized",
        "criticised",
        "criticizes",
        "criticises",
        "welcomed",
        "welcomes",
        "plans",
        "planned",
        "seeks",
        "sought",
        "insist",
        "argue",
        "warn",
        "reject",
        "deny",
        "accuse",
        "condemn",
        "agree",
        "refuse",
        "hope",
        "fear",
        "announce",
        "respond",
        "demand",
        "threaten",
        "vow",
        "protest",
        "urge",
        "sees",
        "views",
        "regards",
        "signaled",
        "signalled",
        "signals",
        "launched",
        "launches",
        "fired",
        "sent",
        "sends",
        "deployed",
        "deploys",
        "retaliates",
        "suspended",
        "suspends",
    ];
    among(word, VERBS)
}

fn trim_word(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric())
}

/// Splits a leading possessive "’s"/"'s" off `after`.
fn split_possessive(after: &str) -> (bool, &str) {
    for p in ["’s", "'s"] {
        if let Some(rest) = after.strip_prefix(p) {
            return (true, rest);
        }
    }
    (false, after)
}

/// A city at least this large, before a country it is not in, starts a list, not a pair.
const LIST_CITY_MIN_POPULATION: u64 = 150_000;

/// What a "City, Region" pair says about each of its two mentions.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Pairing {
    /// Not in such a pair.
    None,
    /// "Paris, Texas" → Paris lies inside this entry.
    Inside(u32),
    /// "Paris, Texas" → "Texas" is this entry.
    Is(u32),
    /// "London, Ky." → no candidate of the city lies in the region named.
    Unknown,
}

/// Finds "City, Region" and "City, Country" pairs among consecutive place matches.
fn containers(text: &str, gaz: &Gazetteer, places: &[(Match, Vec<NameRef>)]) -> Vec<Pairing> {
    let mut out = vec![Pairing::None; places.len()];
    for i in 0..places.len().saturating_sub(1) {
        let ((a, a_refs), (b, b_refs)) = (&places[i], &places[i + 1]);
        if text.get(a.end..b.start) != Some(", ") || out[i] != Pairing::None {
            continue;
        }
        let a_cities = a_refs
            .iter()
            .all(|r| matches!(gaz.kind(r.entry), EntryKind::City | EntryKind::Admin2));
        let regions: Vec<NameRef> = b_refs
            .iter()
            .filter(|r| matches!(gaz.kind(r.entry), EntryKind::Admin1 | EntryKind::Country))
            .copied()
            .collect();
        if !a_cities || regions.is_empty() {
            continue;
        }
        // The region candidate that contains one of the city's candidates.
        let found = regions.iter().find(|br| {
            let c = gaz.entry(br.entry);
            a_refs.iter().any(|ar| {
                let e = gaz.entry(ar.entry);
                e.country.is_some()
                    && e.country == c.country
                    && (c.kind == EntryKind::Country
                        || (!c.admin1.is_empty() && e.admin1 == c.admin1))
            })
        });
        match found {
            Some(br) => {
                out[i] = Pairing::Inside(br.entry);
                out[i + 1] = Pairing::Is(br.entry);
            }
            // Only an unambiguous region can contradict ("Georgia" could be either); a large
            // city before a country it is not in is a list ("in Geneva, Iran and six powers").
            None if regions.len() == 1
                && b_refs.len() == 1
                && !(gaz.kind(regions[0].entry) == EntryKind::Country
                    && a_refs
                        .iter()
                        .any(|r| gaz.entry(r.entry).population >= LIST_CITY_MIN_POPULATION)) =>
            {
                out[i] = Pairing::Unknown
            }
            None => {}
        }
    }
    out
}

fn place_hit(gaz: &Gazetteer, span: Span, entry: u32, confidence: f32) -> PlaceHit {
    let e = gaz.entry(entry);
    PlaceHit {
        span,
        key: e.key.to_string(),
        name: e.name.to_owned(),
        kind: e.kind.place_kind(),
        lat: e.lat,
        lon: e.lon,
        country: e.country.map(str::to_owned),
        geometry: e.geometry.and_then(|g| serde_json::from_str(g).ok()),
        source: e.source_text(),
        confidence,
    }
}

// ---------------------------------------------------------------------------------------------
// Matching.

/// All gazetteer names in `text` on word boundaries, leftmost-longest, non-overlapping.
fn scan(doc: &Doc, gaz: &Gazetteer) -> Vec<Match> {
    let text = doc.text;
    let starts = name_starts(doc);
    let mut found: Vec<Match> = Vec::new();
    collect_matches(text, text, &starts, gaz, false, &mut found);
    if let Some(titled) = title_case_capitals(text) {
        collect_matches(&titled, text, &starts, gaz, true, &mut found);
    }
    // Leftmost-longest; on a tie the original spelling beats the title-cased copy.
    found.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end), m.from_caps));
    let mut out: Vec<Match> = Vec::with_capacity(found.len());
    for m in found {
        if out.last().is_none_or(|last| m.start >= last.end) {
            out.push(m);
        }
    }
    out
}

/// Where a name may begin, from the document's tokens: every word or number token, and inside a
/// token every letter after a hyphen, apostrophe or period ("Franco-German" → "German", "U.S."
/// → "S"); an apostrophe opens a name too ("'s-Hertogenbosch"), a possessive never does.
fn name_starts(doc: &Doc) -> Vec<usize> {
    let text = doc.text;
    let mut out = Vec::with_capacity(doc.tokens.len());
    for t in &doc.tokens {
        match t.kind {
            TokenKind::Possessive => {}
            TokenKind::Punct => {
                let opens = text[t.span.start..t.span.end].starts_with(['\'', '’'])
                    && text[..t.span.start]
                        .chars()
                        .next_back()
                        .is_none_or(|p| !is_word_char(p) && p != '_');
                if opens {
                    out.push(t.span.start);
                }
            }
            TokenKind::Word | TokenKind::Number => {
                let mut previous = text[..t.span.start].chars().next_back();
                for (rel, c) in text[t.span.start..t.span.end].char_indices() {
                    let boundary = previous.is_none_or(|p| !is_word_char(p) && p != '_');
                    if boundary && (is_word_char(c) || c == '\'' || c == '’') {
                        out.push(t.span.start + rel);
                    }
                    previous = Some(c);
                }
            }
        }
    }
    out
}

fn collect_matches(
    haystack: &str,
    text: &str,
    starts: &[usize],
    gaz: &Gazetteer,
    from_caps: bool,
    out: &mut Vec<Match>,
) {
    let mut names = Vec::new();
    for &start in starts {
        if from_caps && !starts_capitals_word(text, start) {
            continue; // the copy differs only in words of capitals
        }
        names.clear();
        gaz.names_at(haystack, start, &mut names);
        for (end, info) in names.drain(..) {
            if !is_word_boundary(text, start, end) {
                continue;
            }
            if from_caps && !covers_capitals(text, start, end) {
                continue; // the original spelling was already matched (or rejected) as written
            }
            // "IRNA", "SANA", "KOBE": a short word in capitals is an acronym unless it is a state.
            if from_caps
                && end - start <= 4
                && !gaz
                    .refs(&info)
                    .any(|r| gaz.kind(r.entry) == EntryKind::Country)
            {
                continue;
            }
            let after_comma = follows_comma_after_word(text, start);
            let usable = info.flags.has(NameFlags::BLOCK)
                || is_person_word(gaz, &info)
                || gaz.refs(&info).any(|r| !r.comma_only || after_comma);
            let country = gaz
                .refs(&info)
                .any(|r| gaz.kind(r.entry) == EntryKind::Country);
            if !usable
                || (!country && short_code_after_number(text, start, &info))
                || currency_sign_after(text, end)
            {
                continue;
            }
            out.push(Match {
                start,
                end,
                name: info.index,
                from_caps,
                after_comma,
            });
        }
    }
}

fn is_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let (Some(before), Some(after)) = (text.get(..start), text.get(end..)) else {
        return false;
    };
    let before_ok = before
        .chars()
        .next_back()
        .is_none_or(|c| !is_word_char(c) && c != '_');
    let after_ok = after
        .chars()
        .next()
        .is_none_or(|c| !is_word_char(c) && c != '_');
    before_ok && after_ok
}

/// "500 BC", "10 PA": short capitals codes after a number are not places.
fn short_code_after_number(text: &str, start: usize, info: &NameInfo) -> bool {
    let short_caps = info.text.len() <= 3 && info.text.chars().all(|c| c.is_ascii_uppercase());
    short_caps
        && text
            .get(..start)
            .and_then(|b| b.trim_end_matches(' ').chars().next_back())
            .is_some_and(|c| c.is_ascii_digit())
}

/// "US$": a currency, not the country.
fn currency_sign_after(text: &str, end: usize) -> bool {
    text.get(end..).is_some_and(|a| a.starts_with('$'))
}

/// True right after "Word, " — where "Ky." or "TX" name a state.
fn follows_comma_after_word(text: &str, start: usize) -> bool {
    let Some(before) = lookback(text, start).strip_suffix(", ") else {
        return false;
    };
    let word = last_word(before);
    word.chars().next().is_some_and(char::is_uppercase)
}

/// A copy of `text` with words of two or more capital ASCII letters title-cased ("LOS ANGELES"
/// → "Los Angeles"; byte offsets unchanged), or `None` when there are none.
fn title_case_capitals(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut copy: Option<Vec<u8>> = None;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_alphabetic() && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric()) {
            let mut j = i;
            while j < bytes.len() && bytes[j].is_ascii_alphabetic() {
                j += 1;
            }
            let word = &bytes[i..j];
            let at_boundary = j == bytes.len() || !(bytes[j] as char).is_alphanumeric();
            if at_boundary && word.len() >= 2 && word.iter().all(u8::is_ascii_uppercase) {
                let c = copy.get_or_insert_with(|| bytes.to_vec());
                for b in &mut c[i + 1..j] {
                    *b = b.to_ascii_lowercase();
                }
            }
            i = j;
        } else {
            i += 1;
        }
    }
    // Only ASCII bytes changed, so the copy is valid UTF-8.
    copy.and_then(|c| String::from_utf8(c).ok())
}

/// True if a word of two or more capital letters starts at `start`.
fn starts_capitals_word(text: &str, start: usize) -> bool {
    let word = text.get(start..).unwrap_or("");
    let letters = word.bytes().take_while(u8::is_ascii_alphabetic);
    let (mut n, mut caps) = (0, true);
    for b in letters {
        n += 1;
        caps &= b.is_ascii_uppercase();
    }
    n >= 2 && caps
}

/// True if `text[start..end]` is written in capitals (at least four letters, none lower-case),
/// so that its title-cased spelling is what the writer meant.
fn covers_capitals(text: &str, start: usize, end: usize) -> bool {
    text.get(start..end).is_some_and(|s| {
        let letters = s.chars().filter(|c| c.is_alphabetic()).count();
        letters >= 4 && !s.chars().any(char::is_lowercase)
    })
}

// ---------------------------------------------------------------------------------------------
// Context rules.

enum Verdict {
    Place,
    /// A person's (or organisation's) name; `certain` when a title or a surname says so,
    /// `surname` when the name follows another name ("Marco Rubio").
    Person {
        certain: bool,
        surname: bool,
    },
    NotPlace,
}

/// How far before a name its context is read ("in", "President", a middle initial): no rule
/// looks further, and reading back to the start of a long one-line text for every name made
/// recognition quadratic.
const LOOKBACK_BYTES: usize = 256;

/// The text before `at`, at most [`LOOKBACK_BYTES`] of it (less to start on a character);
/// empty when `at` is not on a character boundary.
fn lookback(text: &str, at: usize) -> &str {
    if !text.is_char_boundary(at) {
        return "";
    }
    let mut from = at.saturating_sub(LOOKBACK_BYTES);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    &text[from..at]
}

/// Where each line of the text starts, found once: asking "where does this line start" by
/// searching back from every name was quadratic on long lines.
struct LineStarts {
    /// Byte offsets of every '\n'.
    newlines: Vec<usize>,
}

impl LineStarts {
    fn new(text: &str) -> Self {
        Self {
            newlines: text
                .bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i)
                .collect(),
        }
    }

    /// The start of the line holding `pos` (0 when `pos` is not on a character boundary).
    fn start_of(&self, text: &str, pos: usize) -> usize {
        if pos > text.len() || !text.is_char_boundary(pos) {
            return 0;
        }
        match self.newlines.partition_point(|&n| n < pos) {
            0 => 0,
            i => self.newlines[i - 1] + 1,
        }
    }
}

/// Per-text facts computed on demand (whether a line is a title-case heading).
struct TextContext<'a> {
    text: &'a str,
    lines: LineStarts,
    heading_lines: HashMap<usize, bool>,
}

impl<'a> TextContext<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text,
            lines: LineStarts::new(text),
            heading_lines: HashMap::default(),
        }
    }

    /// True if the line holding `pos` is a heading in title case ("‘More Aligned Than Ever’"),
    /// where capitalised words say nothing about names.
    fn in_heading(&mut self, pos: usize) -> bool {
        let text = self.text;
        let line_start = self.lines.start_of(text, pos);
        *self.heading_lines.entry(line_start).or_insert_with(|| {
            let line = text.get(line_start..).unwrap_or("");
            let line = line.split('\n').next().unwrap_or("");
            let (mut caps, mut lower) = (0, 0);
            for w in line
                .split_whitespace()
                .map(trim_word)
                .filter(|w| w.chars().count() >= 4)
            {
                match w.chars().next() {
                    Some(c) if c.is_uppercase() => caps += 1,
                    Some(c) if c.is_lowercase() => lower += 1,
                    _ => {}
                }
            }
            // (A line that ends as a sentence does, with a small word in it, is a one-sentence
            // paragraph full of names: "Narendra Modi met Vladimir Putin in Moscow on Monday.")
            let sentence = line
                .trim_end()
                .trim_end_matches(['"', '”', '’', '\''])
                .ends_with('.')
                && line
                    .split_whitespace()
                    .any(|w| w.len() >= 2 && w.chars().all(|c| c.is_ascii_lowercase()));
            caps >= 3 && caps * 5 >= (caps + lower) * 4 && !sentence
        })
    }

    /// True if a locative preposition ("in", "from", …) directly precedes `start`.
    fn locative_before(&self, start: usize) -> bool {
        let before = lookback(self.text, start);
        let trimmed = before.trim_end_matches(' ');
        trimmed.len() < before.len() && LOCATIVE_BEFORE.contains(&last_word(trimmed))
    }
}

/// What the gazetteer says about a matched name, for [`judge`].
#[derive(Clone, Copy, Debug)]
struct NameContext {
    /// A city or given name, which a capitalised word before turns into a person's or an
    /// organisation's name ("George Washington", "Real Madrid"); countries and regions keep
    /// theirs ("Environment Canada").
    surname_prone: bool,
    /// A common English word naming only ordinary cities ("Reading", "Split").
    common_word: bool,
    /// A gazetteer name that is not a person's ends one space before this one.
    after_name: bool,
    /// A one-word name of cities that are all small: followed by a capitalised word it is more
    /// likely a person's name ("Vladimir Putin", "Kim Flett") than a place's.
    small_city: bool,
    /// A small town with a common surname's name ("Murphy"): taken only after a locative
    /// preposition ("in Murphy") or before ", Region".
    surname_town: bool,
}

/// Decides whether a match is a place by its context.
fn judge(
    text: &str,
    ctx: &mut TextContext<'_>,
    m: &Match,
    info: &NameInfo,
    name: NameContext,
) -> Verdict {
    // "pro-Beijing candidates", "anti-US protests": a name in such an adjective describes a
    // stance, it places nothing. ("A US-flagged ship", "Iran-backed militias" stay: the gold
    // sets tag those.)
    let prefixed = ["pro-", "anti-"].iter().any(|p| {
        text.get(m.start.saturating_sub(p.len())..m.start)
            .is_some_and(|b| b.eq_ignore_ascii_case(p))
    });
    if prefixed {
        return Verdict::NotPlace;
    }
    let heading = m.from_caps || ctx.in_heading(m.start);
    let before = lookback(text, m.start);
    let prev = previous_word(before);
    let sentence_start = prev.is_none();
    if let Some(p) = prev {
        // "Kim Jong Un", "Moon Jae In": the last syllable of a given name after an East Asian
        // family name and the first syllable.
        let before_p = before.trim_end_matches([' ', '\t']).strip_suffix(p);
        if is_capitalised_word(p)
            && before_p
                .and_then(previous_word)
                .is_some_and(|f| among(f, EAST_ASIAN_FAMILY_NAMES))
        {
            return Verdict::Person {
                certain: true,
                surname: false,
            };
        }
        // "Barack Obama said", "Olaf Scholz met": a given name of world news right before
        // makes the name a surname ("Obama" is a town in Japan too).
        if crate::extract::lexicon::is_news_given_name(p)
            && !heading
            && next_capitalised_word(text, m.end).is_none()
        {
            return Verdict::Person {
                certain: true,
                surname: true,
            };
        }
        // "Franklin D. Roosevelt", "Charles W. Murphy": a middle initial before the name.
        if is_title_word(p) || is_initial(p) {
            return Verdict::Person {
                certain: true,
                surname: true,
            };
        }
        let capitalised = is_capitalised_word(p);
        // A capitalised first word of a sentence ("Although", "Overall") says nothing, unless the
        // name is a common surname too ("Denzel Washington smiled").
        let p_initial = before
            .trim_end_matches([' ', '\t'])
            .strip_suffix(p)
            .is_some_and(|b| previous_word(b).is_none());
        if name.surname_prone
            && capitalised
            && (!p_initial || info.flags.has(NameFlags::GIVEN_NAME))
            && !heading
            && !name.after_name
            && !among(p, ALLOWED_BEFORE)
            && !ends_with_possessive(p)
        {
            return Verdict::Person {
                certain: false,
                surname: true,
            };
        }
    }
    // "Maury M. Rosenstein": a middle initial after the name.
    if text
        .get(m.end..)
        .and_then(|a| a.strip_prefix(' '))
        .and_then(|a| a.split(' ').next())
        .is_some_and(is_initial)
        && !heading
    {
        return Verdict::Person {
            certain: true,
            surname: false,
        };
    }
    let next = next_capitalised_word(text, m.end);
    let next_is_person_like = next
        .is_some_and(|w| !among(w, PLACE_CONTINUATIONS) && !is_title_word(w))
        && !institution_follows(text, m.end);
    // "Lai Changxing", "Lam Kwok-wai": an East Asian family name before a given name, which
    // makes the bare family name the person's in the rest of the article too.
    let family_name = EAST_ASIAN_FAMILY_NAMES.contains(&info.text);
    if (info.flags.has(NameFlags::GIVEN_NAME) || family_name) && next_is_person_like && !heading {
        return Verdict::Person {
            certain: true,
            surname: false,
        };
    }
    if name.small_city && next_is_person_like && !heading {
        return Verdict::Person {
            certain: false,
            surname: false,
        };
    }
    if name.common_word
        && (sentence_start || heading || next_is_person_like || hyphen_attached_before(before))
    {
        return Verdict::NotPlace;
    }
    if name.surname_town
        && !ctx.locative_before(m.start)
        && !region_follows(text, m.end)
        && !m.after_comma
    {
        return Verdict::Person {
            certain: false,
            surname: false,
        };
    }
    Verdict::Place
}

/// The word right before `before`'s end on the same line and sentence, or `None` at the start of
/// a sentence (after ". ", a line break, or an opening quote at such a place).
fn previous_word(before: &str) -> Option<&str> {
    let trimmed = before.trim_end_matches([' ', '\t']);
    let trimmed = trimmed
        .trim_end_matches(['“', '"', '‘', '\'', '(', '['])
        .trim_end_matches([' ', '\t']);
    let last = trimmed.chars().next_back()?;
    if matches!(
        last,
        '\n' | '\r' | '!' | '?' | ':' | ';' | '—' | '–' | '•' | '|'
    ) {
        return None;
    }
    if trimmed.len() == before.len() {
        // No space before the name: "Japan-ROK", "(Seoul)": nothing to judge by.
        return Some("");
    }
    let word = last_word(trimmed);
    if last == '.' && !among(word, ABBREVIATIONS) && !is_initial(word) {
        return None;
    }
    if last == ',' || last == ')' || last == '"' || last == '”' || last == '’' {
        return Some(",");
    }
    Some(word)
}

/// The last whitespace-separated word of `s`.
fn last_word(s: &str) -> &str {
    s.rsplit(char::is_whitespace).next().unwrap_or("")
}

/// The capitalised word right after a name (one space after it, or after its possessive).
fn next_capitalised_word(text: &str, end: usize) -> Option<&str> {
    let after = text.get(end..)?;
    let (possessive, after) = split_possessive(after);
    if possessive {
        return None; // "Jordan’s King": the name owns what follows
    }
    let rest = after.strip_prefix(' ')?;
    let word = rest
        .split(|c: char| {
            c.is_whitespace() || matches!(c, ',' | ';' | ':' | '’' | '\'' | '"' | '”' | ')')
        })
        .next()?;
    let word = word.trim_end_matches('.');
    is_capitalised_word(word).then_some(word)
}

/// An institution named after the place follows: "Paris Regional Medical Center", "Paris New
/// Generation Baptist Church" (the place, not a person's name).
fn institution_follows(text: &str, end: usize) -> bool {
    const INSTITUTIONS: &[&str] = &[
        "Center",
        "Centre",
        "Church",
        "Cathedral",
        "Hospital",
        "Clinic",
        "School",
        "Academy",
        "College",
        "University",
        "Cemetery",
        "Library",
        "Stadium",
        "Arena",
        "Hall",
        "Museum",
        "Theatre",
        "Theater",
        "Mall",
        "Market",
        "Mosque",
        "Temple",
        "Synagogue",
    ];
    let Some(rest) = text.get(end..).and_then(|a| a.strip_prefix(' ')) else {
        return false;
    };
    for word in rest.split(' ').take(5) {
        let w = word.trim_end_matches([',', '.', ';', ':', '’', '\'', ')']);
        if among(w, INSTITUTIONS) {
            return true;
        }
        if !is_capitalised_word(w) || w.len() < word.len() {
            return false; // the name ends at a lower-case word or punctuation
        }
    }
    false
}

/// A single capital letter and a period ("D."), as in a middle initial.
fn is_initial(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() == 2 && b[0].is_ascii_uppercase() && b[1] == b'.'
}

/// Starts with an uppercase letter and has a lowercase one (so "NATO" and "A" do not count).
fn is_capitalised_word(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
}

fn ends_with_possessive(w: &str) -> bool {
    w.ends_with("’s") || w.ends_with("'s")
}

/// "Spider-Man": a name glued to the word before it by a hyphen.
fn hyphen_attached_before(before: &str) -> bool {
    let mut rev = before.chars().rev();
    rev.next() == Some('-') && rev.next().is_some_and(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gaz() -> &'static Gazetteer {
        Gazetteer::embedded()
    }

    fn names(text: &str) -> Vec<(&str, String)> {
        find_places(text, gaz())
            .into_iter()
            .map(|h| (&text[h.span.start..h.span.end], h.key))
            .collect()
    }

    fn surfaces(text: &str) -> Vec<&str> {
        names(text).into_iter().map(|(s, _)| s).collect()
    }

    #[test]
    fn possessives_and_curly_apostrophes() {
        for text in [
            "North Korea’s missiles",
            "North Korea's missiles",
            "North Korea’ missiles",
        ] {
            let hits = find_places(text, gaz());
            assert_eq!(hits.len(), 1, "{text}");
            assert_eq!(&text[hits[0].span.start..hits[0].span.end], "North Korea");
            assert_eq!(hits[0].key, "country:KP");
        }
        assert_eq!(names("Côte d’Ivoire and Côte d'Ivoire")[1].1, "country:CI");
    }

    #[test]
    fn leftmost_longest() {
        assert_eq!(surfaces("South Korea and Korea"), ["South Korea", "Korea"]);
        assert_eq!(
            names("New York City police")[0],
            ("New York City", "geonames:5128581".to_owned())
        );
        assert_eq!(surfaces("the Korean Peninsula"), ["Korean Peninsula"]);
        assert!(surfaces("a South Korean official").is_empty());
    }

    #[test]
    fn case_matters() {
        assert!(surfaces("let us know, china plates, a turkey dinner").is_empty());
        assert_eq!(surfaces("the US and China"), ["US", "China"]);
        assert_eq!(surfaces("WASHINGTON — The US said"), ["WASHINGTON", "US"]);
    }

    #[test]
    fn people_are_not_places() {
        for text in [
            "Paris Hilton arrived.",
            "He met Jordan Peterson.",
            "Victoria Nuland said so.",
            "Georgia Meloni spoke.",
            "President Lincoln spoke.",
            "the late George Washington",
        ] {
            assert!(surfaces(text).is_empty(), "{text}: {:?}", surfaces(text));
        }
        // A name seen as a person stays one, unless a preposition makes it a place.
        assert_eq!(
            surfaces("Denzel Washington smiled. Washington laughed. He flew to Washington."),
            ["Washington"]
        );
        assert_eq!(
            surfaces("He visited Jordan and Paris."),
            ["Jordan", "Paris"]
        );
        assert_eq!(names("the Jordan River")[0].1, "country:JO");
    }

    #[test]
    fn common_words_need_a_place_context() {
        assert!(surfaces("Reading the report, he nodded.").is_empty());
        assert!(surfaces("Police said. Of the ten, May and March were late.").is_empty());
        assert_eq!(surfaces("a concert in Reading on Friday"), ["Reading"]);
    }

    #[test]
    fn georgia_by_context() {
        let us = names("Flights from Atlanta, Georgia and Savannah were cancelled.");
        assert!(
            us.contains(&("Georgia", "admin1:US-GA".to_owned())),
            "{us:?}"
        );
        let caucasus = names("Russia and Georgia fought in 2008; Tbilisi said.");
        assert!(
            caucasus.contains(&("Georgia", "country:GE".to_owned())),
            "{caucasus:?}"
        );
    }

    #[test]
    fn city_comma_region() {
        let hits = names("He grew up in Paris, Texas, not in Paris.");
        assert_eq!(hits.len(), 3, "{hits:?}");
        let paris_tx = &hits[0].1;
        assert_ne!(paris_tx, "geonames:2988507");
        assert_eq!(&hits[2].1, paris_tx, "one sense per article");
        // A small town is taken where its state is named right after it...
        assert_eq!(
            names("Edmonton, Ky."),
            [
                ("Edmonton", "geonames:4290886".to_owned()),
                ("Ky.", "admin1:US-KY".to_owned())
            ]
        );
        // ...but no Moscow in Vermont is known: the state is found, the town is not guessed.
        assert_eq!(names("Moscow, Vt."), [("Vt.", "admin1:US-VT".to_owned())]);
        assert!(surfaces("He said Ky. was late").is_empty());
    }

    #[test]
    fn small_towns_need_support_from_the_article() {
        // Alone, a town of a few thousand people is not trusted...
        assert!(surfaces("A man was arrested in Innisfail on Friday.").is_empty());
        // ...its province, a city nearby or "Town, Region" make it one.
        let ab = names("A man from Innisfail was arrested in Red Deer, Alberta.");
        assert_eq!(ab[0].0, "Innisfail");
        let e = gaz().entry(
            (0..gaz().entry_count())
                .find(|&i| gaz().entry(i).key == ab[0].1.as_str())
                .unwrap(),
        );
        assert_eq!((e.country, e.admin1, e.minor), (Some("CA"), "01", true));
        let mo = names("A 25-year-old Paris, Missouri, man was arrested.");
        assert_eq!(mo.len(), 2, "{mo:?}");
        assert_ne!(mo[0].1, "geonames:2988507");
    }

    #[test]
    fn counties_streets_and_initials() {
        let county = names("The Metcalfe County sheriff said so.");
        assert_eq!(county.len(), 1);
        assert_eq!(county[0].0, "Metcalfe County");
        assert_eq!(
            gaz().kind(
                (0..gaz().entry_count())
                    .find(|&i| gaz().entry(i).key == county[0].1.as_str())
                    .unwrap()
            ),
            EntryKind::Admin2
        );
        assert_eq!(
            surfaces("a fire on Hertford Road in Edmonton, London"),
            ["Edmonton", "London"]
        );
        for text in [
            "President Franklin D. Roosevelt spoke.",
            "Charles W. Murphy joined the clinic.",
            "Maury M. Rosenstein was named director.",
            "Cassandra Rivera was freed. Rivera thanked her lawyers.",
        ] {
            assert!(surfaces(text).is_empty(), "{text}: {:?}", surfaces(text));
        }
    }

    #[test]
    fn neighbours_decide_together() {
        // Edmonton alone is the Canadian city; next to Tottenham it is the one in London.
        let alone = names("Snow fell in Edmonton.");
        let with_neighbour = names("Smoke from a fire in Edmonton drifted over Tottenham.");
        assert_ne!(alone[0].1, with_neighbour[0].1);
        let e = |key: &str| {
            gaz().entry(
                (0..gaz().entry_count())
                    .find(|&i| gaz().entry(i).key == key)
                    .unwrap(),
            )
        };
        assert_eq!(e(&alone[0].1).country, Some("CA"));
        assert_eq!(e(&with_neighbour[0].1).country, Some("GB"));
    }

    #[test]
    fn demonyms_are_separate() {
        let text = "South Korean President Yoon and Japanese officials met Americans.";
        assert!(find_places(text, gaz()).is_empty());
        let d = find_demonyms(text, gaz());
        let got: Vec<(&str, &str, bool)> = d
            .iter()
            .map(|h| {
                (
                    &text[h.span.start..h.span.end],
                    h.country.as_str(),
                    h.plural,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("South Korean", "KR", false),
                ("Japanese", "JP", false),
                ("Americans", "US", true)
            ]
        );
        assert!(find_demonyms("Latin American leaders", gaz()).is_empty());
    }

    #[test]
    fn group_names_give_each_member() {
        let hits = find_places("the maritime border between the two Koreas", gaz());
        let keys: Vec<&str> = hits.iter().map(|h| h.key.as_str()).collect();
        assert_eq!(keys, ["country:KP", "country:KR"]);
        assert_eq!(hits[0].span, hits[1].span);
    }

    #[test]
    fn lines_carry_geometry() {
        let hits = find_places("a missile landed near the Northern Limit Line.", gaz());
        assert_eq!(hits[0].key, "feature:nll");
        assert_eq!(hits[0].kind, crate::model::PlaceKind::Line);
        assert_eq!(
            hits[0]
                .geometry
                .as_ref()
                .and_then(|g| g.get("type"))
                .and_then(|t| t.as_str()),
            Some("MultiLineString")
        );
    }

    #[test]
    fn capital_metonyms_name_states() {
        let text = "Seoul said it would respond. Tokyo has argued otherwise. Talks between Washington and Beijing stalled. Seoul is a big city.";
        let places = find_places(text, gaz());
        let metonyms = capital_metonyms(text, &places, gaz());
        let m: Vec<(&str, &str)> = metonyms
            .iter()
            .map(|m| (&text[m.span.start..m.span.end], m.country.as_str()))
            .collect();
        assert_eq!(
            m,
            [
                ("Seoul", "KR"),
                ("Tokyo", "JP"),
                ("Washington", "US"),
                ("Beijing", "CN")
            ]
        );
    }

    #[test]
    fn odd_input_never_panics() {
        let samples = [
            "",
            " ",
            "’s",
            "'",
            "\u{0}",
            "é",
            "Korea’",
            "’Korea",
            "U.S.",
            "US$",
            ", Ky.",
            "\n\n,",
            "Ünïcödé Parisß",
            "𝔘𝔖 Paris𝔘",
            "ПАРИЖ Paris",
            "PARIS’S",
            "a\u{301}Paris",
            "Paris\u{301}",
        ];
        for s in samples {
            let _ = find_places(s, gaz());
            let _ = find_demonyms(s, gaz());
        }
        // Pseudo-random strings from a fixed alphabet of awkward pieces.
        let pieces = [
            "Paris",
            "’s",
            " ",
            ",",
            ".",
            "\n",
            "é",
            "Korea",
            "South",
            "US",
            "-",
            "“",
            "Ky.",
            "𝔘",
            "the two Koreas",
            "WASHINGTON",
        ];
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..300 {
            let mut s = String::new();
            for _ in 0..12 {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                s.push_str(pieces[(state % pieces.len() as u64) as usize]);
            }
            for h in find_places(&s, gaz()) {
                assert!(
                    s.is_char_boundary(h.span.start)
                        && s.is_char_boundary(h.span.end)
                        && h.span.start < h.span.end
                );
            }
            let _ = capital_metonyms(&s, &find_places(&s, gaz()), gaz());
            let _ = find_demonyms(&s, gaz());
        }
    }

    #[test]
    fn a_one_sentence_paragraph_full_of_names_is_no_heading() {
        // Read as a heading, "Vladimir" (a Russian city) and "Obama" (a Japanese town) would be
        // places; a line that ends as a sentence, with small words in it, is running text.
        let found = names("Narendra Modi met Vladimir Putin in Moscow on Monday.");
        let surfaces: Vec<&str> = found.iter().map(|(s, _)| *s).collect();
        assert_eq!(surfaces, ["Moscow"], "{found:?}");
        let found = names("On Monday, Barack Obama met Benjamin Netanyahu.");
        assert!(found.is_empty(), "{found:?}");
        // A headline still is one.
        assert!(TextContext::new("Modi Meets Putin In Moscow\nText.").in_heading(0));
    }

    #[test]
    fn a_name_inside_a_stance_adjective_is_no_place() {
        let found = names(
            "The pro-Beijing camp won in Hong Kong, and anti-US protests followed in Manila.",
        );
        let words: Vec<&str> = found.iter().map(|(w, _)| *w).collect();
        assert!(
            !words.contains(&"Beijing") && !words.contains(&"US"),
            "{found:?}"
        );
        assert!(
            words.contains(&"Hong Kong") && words.contains(&"Manila"),
            "{found:?}"
        );
    }
}
