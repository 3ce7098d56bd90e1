//! Where an event happened: the locative phrase nearest its trigger in the clause, the place an
//! attack or visit is aimed at, a state's own territory for its tests and drills, and the article's
//! dateline for events whose sentences name no place.

use rustc_hash::FxHashMap as HashMap;

use super::triggers::TRIGGERS;
use super::{Hit, Inputs, distance, nearest_hit, participants};
use crate::extract::lexicon::{COUNTRY_OWNED, PART_OF_COUNTRY};
use crate::extract::quotes::inside_quote;
use crate::extract::sentences::TokenKind;
use crate::model::{EventKind, PartyKind, PlaceKind};

/// Prepositions that place an event.
pub(super) const LOCATIVES: &[&str] = &[
    "in",
    "at",
    "near",
    "off",
    "outside",
    "inside",
    "along",
    "across",
    "over",
    "around",
    "within",
    "into",
    "throughout",
    "through",
];
/// Locatives that make a place approximate ("near Kidal", "off the coast").
const APPROXIMATE: &[&str] = &["near", "off", "outside", "around"];
/// The place hit of the article's dateline, if it opens with one: a place at the start of one of
/// the first three lines, then at most a state abbreviation and an agency in parentheses, then
/// a dash ("PARIS (Reuters) -", "Glasgow, Ky. —", "BERLIN —").
pub(super) fn dateline_place(inp: &Inputs) -> Option<usize> {
    let text = inp.doc.text;
    for line in text
        .split_inclusive('\n')
        .scan(0, |at, line| {
            let start = *at;
            *at += line.len();
            Some((start, line))
        })
        .filter(|(_, line)| !line.trim().is_empty())
        .take(3)
    {
        let (line_at, line) = line;
        let start = line_at + (line.len() - line.trim_start().len());
        let line_end = line_at + line.len();
        let Some(h) = inp.rec.places.iter().position(|h| h.span.start == start) else {
            continue;
        };
        let hit = &inp.rec.places[h];
        let mut end = line_end.min(hit.span.end + 40).max(hit.span.end);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let Some(rest) = text.get(hit.span.end..end) else {
            continue;
        };
        let Some((sep_at, sep)) = ["—", "–", "--", " - ", ":"]
            .iter()
            .filter_map(|d| rest.find(d).map(|at| (at, *d)))
            .min()
        else {
            continue;
        };
        // What lies between the place and the dash: ", Ky.", " (AP)", nothing.
        let mut between = String::new();
        let mut depth = 0;
        for c in rest[..sep_at].chars() {
            match c {
                '(' => depth += 1,
                ')' => depth -= 1,
                _ if depth == 0 => between.push(c),
                _ => {}
            }
        }
        let words: Vec<&str> = between
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .collect();
        let name = &text[hit.span.start..hit.span.end];
        let capitals =
            name.chars().any(char::is_alphabetic) && !name.chars().any(char::is_lowercase);
        let looks_like_dateline = words.len() <= 2
            && words.iter().all(|w| w.starts_with(char::is_uppercase))
            && (capitals || sep != ":");
        if looks_like_dateline {
            return Some(h);
        }
    }
    None
}
/// The place hit starting at token `i` (after an optional "the").
pub(super) fn place_after(inp: &Inputs, i: usize) -> Option<usize> {
    let doc = inp.doc;
    let i = if doc.is(i, "the") { i + 1 } else { i };
    let t = doc.tokens.get(i)?;
    let h = inp
        .rec
        .places
        .partition_point(|p| p.span.start < t.span.start);
    (inp.rec
        .places
        .get(h)
        .is_some_and(|p| p.span.start == t.span.start))
    .then_some(h)
}
/// The place of a trigger: a locative phrase in its clause nearest to it, or for occupations,
/// attacks and visits the place they are aimed at.
pub(super) fn place_for(
    inp: &Inputs,
    h: &Hit,
    hits: &[Hit],
    range: &std::ops::Range<usize>,
) -> Option<(usize, Option<u8>)> {
    let doc = inp.doc;
    let trig = &TRIGGERS[h.entry];
    // "protested outside the palace, demanding protection in the South China Sea": a participle
    // after a comma starts another predicate, and its places are not the event's.
    let end = (h.last + 1..range.end)
        .find(|&k| {
            doc.is(k, ",")
                && doc.tokens.get(k + 1).is_some_and(|t| !t.cap)
                && k + 1 < range.end
                && doc.low(k + 1).ends_with("ing")
        })
        .unwrap_or(range.end);
    // "a ship that was hijacked by pirates in May, was attacked off Somalia": a relative
    // clause ends at its comma, and the main verb's places are not its own.
    let sentence_start = doc.sentences[doc.tokens[h.first].sentence as usize]
        .tokens
        .start;
    let end = if !trig.nominal && participants::in_relative_clause(doc, sentence_start, h.first) {
        (h.last + 1..end).find(|&k| doc.is(k, ",")).unwrap_or(end)
    } else {
        end
    };
    let range = &(range.start..end);
    let mut best: Option<(usize, usize, Option<u8>)> = None; // (distance, hit, precision)
    for k in range.clone() {
        if !doc.is_any(k, LOCATIVES) || inside_quote(inp.quotes, doc.tokens[k].span.start).is_some()
        {
            continue;
        }
        let Some(p) = place_in_phrase(inp, k + 1, range.end) else {
            continue;
        };
        // "at US bases in Iraq", "at the US embassy in Baghdad": a country that owns what the
        // phrase names does not place it; the phrase's own "in" may.
        let hit = &inp.rec.places[p];
        if hit.kind == PlaceKind::Country
            && doc.is_any(doc.token_at_or_after(hit.span.end), COUNTRY_OWNED)
        {
            continue;
        }
        // "a deal over Iran's nuclear programme": a possessive makes the place a topic. So
        // does "interfering in Zimbabwe's affairs" (not "in Iraq's north", "in Egypt's
        // capital").
        if doc.is(k, "over") && possessive_after(inp, p) {
            continue;
        }
        if doc.is(k, "in") && possessive_after(inp, p) {
            // The first word within four after the possessive that ends the description: a
            // topic makes it no place, a capital or a part of a place keeps it one.
            let after = doc.token_at_or_after(hit.span.end) + 1;
            let topic = |w: usize| doc.is_any(w, TOPIC_NOUNS);
            let part = |w: usize| {
                doc.is_any(w, PART_OF_PLACE) || doc.is_any(w, COMPASS) || doc.is_any(w, PLACE_PARTS)
            };
            if (after..(after + 4).min(range.end))
                .find(|&w| doc.tokens[w].cap || part(w) || topic(w))
                .is_some_and(topic)
            {
                continue;
            }
        }
        let idx = hits.iter().position(|x| x.first == h.first).unwrap_or(0);
        if nearest_hit(doc, hits, h.clause, (k, k + 1)) != Some(idx) {
            continue;
        }
        let precision = doc.is_any(k, APPROXIMATE).then_some(2);
        let d = distance(doc, h, (k, k + 1));
        if best.is_none_or(|(bd, ..)| d < bd) {
            best = Some((d, p, precision));
        }
    }
    if let Some((_, p, g)) = best {
        return Some((p, g));
    }
    // "Yesterday in Geneva, Iran and six powers reached a deal": a locative in the phrase that
    // opens the sentence, before its first comma, places the sentence's first event.
    let s = &doc.sentences[doc.tokens[h.first].sentence as usize];
    let first_hit =
        hits.iter().position(|x| !x.purpose) == hits.iter().position(|x| x.first == h.first);
    if first_hit
        && let Some(comma) = (s.tokens.start..h.first).find(|&k| doc.is(k, ","))
        && comma <= s.tokens.start + 6
        && let Some(k) = (s.tokens.start..comma).find(|&k| doc.is_any(k, &["in", "at"]))
        && let Some(p) = place_in_phrase(inp, k + 1, comma)
    {
        return Some((p, None));
    }
    // What an attack, a raid or a visit is aimed at: "struck the Iraqi capital of Baghdad",
    // "attacked the port of Odesa", "visited Benin".
    if matches!(
        trig.kind,
        EventKind::Coerce | EventKind::Assault | EventKind::Incident
    ) || trig.verb.starts_with("visit")
        || trig.verb == "arrive"
    {
        let mut k = h.last + 1;
        if doc.is_any(k, &["on", "over", "against", "into"]) {
            k += 1;
        }
        if let Some(p) = place_in_phrase(inp, k, range.end) {
            return Some((p, None));
        }
    }
    None
}

/// Words for a part of a place besides the compass points and [`PLACE_PARTS`]: "in Egypt's
/// capital" still places the event there.
const PART_OF_PLACE: &[&str] = &[
    "capital", "border", "region", "province", "city", "town", "port", "islands",
];

/// What a country has that is a topic, not a place: "in Zimbabwe's affairs".
const TOPIC_NOUNS: &[&str] = &[
    "affairs",
    "politics",
    "economy",
    "elections",
    "election",
    "programme",
    "program",
    "policy",
    "policies",
    "future",
    "sovereignty",
    "decision",
    "case",
];

/// True when a possessive follows place hit `p` ("Iran's").
fn possessive_after(inp: &Inputs, p: usize) -> bool {
    let doc = inp.doc;
    let end = inp.rec.places[p].span.end;
    doc.tokens
        .get(doc.token_at_or_after(end))
        .is_some_and(|t| t.kind == TokenKind::Possessive && t.span.start == end)
}

/// The place a noun phrase starting at token `i` (before `end`) names: "Cambodia", "the
/// Iraqi capital of Baghdad", "the port of Odesa", "a village near Aleppo". The phrase may hold
/// a determiner, lowercase words, nationality words and "of"; it ends at punctuation, a verb of
/// saying or another preposition.
pub(super) fn place_in_phrase(inp: &Inputs, i: usize, end: usize) -> Option<usize> {
    let doc = inp.doc;
    let mut k = i;
    while k < end && k < i + 7 {
        if let Some(p) = place_after(inp, k) {
            return Some(inner_place(inp, p, end).unwrap_or(p));
        }
        let t = doc.tokens.get(k)?;
        // Demonym hits are sorted by start and do not overlap: the last one starting at or
        // before the token is the only one that can hold it.
        let demonyms = &inp.rec.demonyms;
        let demonym = t.cap && {
            let after = demonyms.partition_point(|d| d.span.start <= t.span.start);
            after > 0 && t.span.start < demonyms[after - 1].span.end
        };
        let word_ok = match t.kind {
            // "in an ambush near Kidal": the phrase ends at the next locative, whose own
            // phrase places the event, with its own precision.
            TokenKind::Word => {
                (!t.cap || demonym || k == i && doc.is(k, "the") || doc.is_any(k, PART_OF_COUNTRY))
                    && !doc.is_any(k, PHRASE_STOPS)
                    && !(k > i && doc.is_any(k, APPROXIMATE))
            }
            TokenKind::Number => true,
            _ => false,
        };
        if !word_ok {
            return None;
        }
        k += 1;
    }
    None
}

/// "in California's Riverside County", "in Kenya's capital Nairobi": the place inside the one
/// a possessive names.
fn inner_place(inp: &Inputs, p: usize, end: usize) -> Option<usize> {
    let doc = inp.doc;
    let after = doc.token_at_or_after(inp.rec.places[p].span.end);
    if doc.tokens.get(after)?.kind != TokenKind::Possessive {
        return None;
    }
    // Up to two describing words between: "Iraq's western Anbar province".
    // (Not past a preposition: "in Serbia's capital against Kosovo's independence".)
    (after + 1..(after + 4).min(end))
        .take_while(|&k| {
            doc.tokens[k].kind == TokenKind::Word
                && (doc.tokens[k].cap || k < after + 3)
                && !doc.is_any(
                    k,
                    &[
                        "against", "near", "from", "to", "in", "on", "at", "of", "for", "with",
                        "by", "toward", "towards", "over", "into",
                    ],
                )
        })
        .find_map(|k| place_after(inp, k))
}

/// Parts of a place that put something in it: "along the coast of Aceh", "on the outskirts of
/// Kabul".
const PLACE_PARTS: &[&str] = &[
    "coast",
    "shores",
    "outskirts",
    "suburbs",
    "centre",
    "center",
    "heart",
];

/// The word before the phrase of a place starting at token `t`, past a "the": "in" for "in
/// the Gaza Strip".
pub(super) fn word_before_phrase(doc: &crate::extract::sentences::Doc, t: usize) -> Option<usize> {
    let k = if t > 0 && doc.is(t - 1, "the") {
        t - 1
    } else {
        t
    };
    k.checked_sub(1)
}

/// Units of a distance a place is measured from ("70 miles south of Los Angeles").
const DISTANCE_UNITS: &[&str] = &[
    "miles",
    "mi",
    "km",
    "kilometres",
    "kilometers",
    "kilometre",
    "kilometer",
];

/// The place is named as a point a distance away from something ("the home, located 70 miles
/// (112 km) south of Los Angeles"): the text says the thing is not there.
fn measured_from(doc: &crate::extract::sentences::Doc, h: &crate::extract::hits::PlaceHit) -> bool {
    let Some(of) = word_before_phrase(doc, doc.token_at_or_after(h.span.start)) else {
        return false;
    };
    of >= 2
        && doc.is(of, "of")
        && doc.is_any(of - 1, COMPASS)
        && (of.saturating_sub(7)..of - 1).any(|k| doc.is_any(k, DISTANCE_UNITS))
}

/// Directions a place is measured from ("southwest of Rancagua").
const COMPASS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
];

/// Words that end a place phrase: prepositions other than "of", conjunctions, verbs of saying.
const PHRASE_STOPS: &[&str] = &[
    "in", "at", "on", "to", "from", "by", "with", "for", "and", "or", "but", "after", "before",
    "said", "says", "told", "that", "which", "who", "where", "when", "while", "during", "as",
    "was", "were", "is", "are", "has", "have", "had", "killing", "leaving",
];
/// For a test or drill by a state with no place named: that state's own territory.
pub(super) fn home_country_place(inp: &Inputs, actors: &[usize]) -> Option<usize> {
    let cc = actors.iter().find_map(|&a| {
        let p = &inp.parties.parties[a];
        (p.kind == PartyKind::State)
            .then(|| p.country.clone())
            .flatten()
    })?;
    inp.rec
        .places
        .iter()
        .position(|h| h.kind == PlaceKind::Country && h.country.as_deref() == Some(cc.as_str()))
}

/// The place the lede (the article's first paragraph of prose) sets the story in: its first
/// place named after a locative preposition ("in Basra"), else its first city or site.
pub(super) fn lede_place(inp: &Inputs) -> Option<usize> {
    let doc = inp.doc;
    let lede = doc.paragraphs[doc.lede?];
    let in_lede =
        |h: &&crate::extract::hits::PlaceHit| h.span.start >= lede.start && h.span.end <= lede.end;
    let locative = inp.rec.places.iter().position(|h| {
        in_lede(&h)
            && doc
                .token_containing(h.span.start)
                .and_then(|t| word_before_phrase(doc, t))
                .is_some_and(|k| doc.is_any(k, LOCATIVES))
    });
    locative.or_else(|| {
        inp.rec
            .places
            .iter()
            .position(|h| in_lede(&h) && h.kind == PlaceKind::City)
    })
}

/// "In Sharm el-Sheikh, Egypt" once and "in Egypt" later: an event placed at a country (or a
/// region) goes to the one city or site the article names inside it, and says so.
///
/// With `own_only`, only to a place the event's own sentences name, never to the article's
/// one city in that country.
pub(super) fn refine_places(inp: &Inputs, events: &mut [super::EventFound], own_only: bool) {
    // Per country: the first city or site named in it, and whether a second distinct one is
    // named too. Built once, so refining costs one pass over the places, not one per event.
    let mut inside: HashMap<&str, (usize, bool)> = HashMap::default();
    for (i, h) in inp.rec.places.iter().enumerate() {
        if !matches!(h.kind, PlaceKind::City | PlaceKind::Site) || measured_from(inp.doc, h) {
            continue;
        }
        let Some(cc) = h.country.as_deref() else {
            continue;
        };
        let entry = inside.entry(cc).or_insert((i, false));
        if inp.rec.places[entry.0].key != h.key {
            entry.1 = true;
        }
    }
    let places = &inp.rec.places;
    for e in events.iter_mut() {
        let Some(p) = e.place else { continue };
        let hit = &places[p];
        if !matches!(hit.kind, PlaceKind::Country | PlaceKind::Region) {
            continue;
        }
        let Some(cc) = hit.country.as_deref() else {
            continue;
        };
        // "… a base in eastern Afghanistan last week. The bombing at the base in Afghanistan's
        // Khowst province …": the one city or site inside that country that the event's own
        // mentions name.
        // A region is finer than a country, a city or site finer than both.
        let rank = |k: PlaceKind| match k {
            PlaceKind::City | PlaceKind::Site => 2,
            PlaceKind::Region => 1,
            _ => 0,
        };
        let mut named: Option<usize> = None;
        let mut several = false;
        // Only a place the sentence puts something in ("in", "at", "outside" …) or measures
        // from ("18 km southwest of Rancagua", near it, which is finer than the country), not
        // any place it names; and only inside a country, since a city of the same country may
        // lie outside a region.
        let doc = inp.doc;
        let locative = |h: &crate::extract::hits::PlaceHit| {
            word_before_phrase(doc, doc.token_at_or_after(h.span.start)).is_some_and(|k| {
                doc.is_any(k, LOCATIVES)
                    || k > 0
                        && doc.is(k, "of")
                        && (doc.is_any(k - 1, COMPASS) || doc.is_any(k - 1, PLACE_PARTS))
            })
        };
        for ev in e.evidence.iter().filter(|_| hit.kind == PlaceKind::Country) {
            let from = places.partition_point(|h| h.span.start < ev.start);
            for (i, h) in places[from..]
                .iter()
                .enumerate()
                .take_while(|(_, h)| h.span.end <= ev.end)
            {
                if rank(h.kind) <= rank(hit.kind)
                    || h.country.as_deref() != Some(cc)
                    || !locative(h)
                {
                    continue;
                }
                match named {
                    Some(n) if rank(places[n].kind) > rank(h.kind) => {}
                    Some(n) if rank(places[n].kind) == rank(h.kind) => {
                        several |= places[n].key != h.key;
                    }
                    _ => {
                        named = Some(from + i);
                        several = false;
                    }
                }
            }
        }
        let (finer, why) = if let Some(n) = named.filter(|_| !several) {
            (n, "which the event's own sentences name inside")
        } else if !own_only && let Some(&(only, false)) = inside.get(cc) {
            (only, "the one city or site the article names in")
        } else {
            continue;
        };
        let note = format!("{}, {why} {}", places[finer].name, hit.name);
        e.place = Some(finer);
        e.place_span = Some(places[finer].span);
        e.geo_precision = Some(if e.geo_precision == Some(3) { 3 } else { 2 });
        e.place_note = Some(note);
    }
}

#[cfg(test)]
mod tests {
    use super::super::events_for;

    #[test]
    fn near_is_approximate_and_a_dateline_places_only_local_events() {
        let ev = events_for(
            "North Korea fired a missile near Sokcho on Monday.",
            Some("2022-11-13"),
        );
        assert_eq!(
            ev.iter().find(|e| e.place.is_some()).unwrap().geo_precision,
            Some(2)
        );
        let ev = events_for(
            "SEOUL — Police arrested 12 protesters on Sunday.",
            Some("2022-11-13"),
        );
        assert!(ev[0].place_inferred, "{ev:?}");
        let ev = events_for(
            "SEOUL — North Korea fired two missiles on Sunday.",
            Some("2022-11-13"),
        );
        assert!(
            !ev[0].place_inferred,
            "a foreign actor: not at the dateline"
        );
    }

    #[test]
    fn a_capitalised_part_of_the_country_stays_in_the_place_phrase() {
        let ev = events_for(
            "Prime Minister Ewa Lis on Friday headed a ceremony in the Eastern city of Lublin \
             welcoming Canadian troops. The troops came in response to unrest in Ukraine.",
            Some("2021-03-08"),
        );
        assert!(ev.iter().any(|e| e.title.ends_with("in Lublin")), "{ev:?}");
    }

    #[test]
    fn a_country_inferred_from_the_parties_narrows_to_a_coast_the_sentence_names() {
        let ev = events_for(
            "On Monday, fishermen rescued 40 sailors whose boat sank, and the Indonesian navy \
             saved 20 more after they were found drifting along the coast of Aceh, Indonesia.",
            Some("2021-03-10"),
        );
        let rescue = ev
            .iter()
            .find(|e| e.kind == crate::model::EventKind::Aid)
            .expect("the rescue");
        assert!(
            rescue
                .place_note
                .as_deref()
                .is_some_and(|n| n.starts_with("Aceh")),
            "{rescue:?}"
        );
    }

    #[test]
    fn a_city_measured_from_does_not_refine_a_region() {
        let ev = events_for(
            "On Tuesday in Oregon's Lane County court, Judge Ann Price sentenced Tom Reed to ten \
             years in prison for arson. The fire had destroyed a farm 80 miles south of Portland.",
            Some("2019-04-20"),
        );
        let sentence = ev
            .iter()
            .find(|e| e.kind == crate::model::EventKind::Coerce)
            .expect("the sentence");
        // And a county is not "the Lane County".
        assert!(sentence.title.ends_with(" in Lane County"), "{sentence:?}");
    }

    #[test]
    fn a_country_that_owns_what_was_hit_does_not_place_it() {
        let ev = events_for(
            "Iran fired ballistic missiles at US bases in Iraq on Tuesday.",
            Some("2021-03-10"),
        );
        assert!(ev[0].title.ends_with("in Iraq"), "{ev:?}");
    }
}
