//! Who takes part in an event: the subject before the trigger (after any "X said that" frame),
//! the objects after it, causees ("prompted Japan to …"), passive agents ("by police"), the
//! possessor of a noun ("North Korea’s missile launch"), and group nouns when no party is named.

use super::clauses::{in_any, token_span};
use super::triggers::LIGHT_VERBS;
use super::{Hit, Inputs};
use crate::extract::hits::Recognised;
use crate::extract::parties::PartyTable;
use crate::extract::quotes::inside_quote;
use crate::extract::sentences::{Doc, TokenKind};
use crate::model::{PartyKind, Span};

/// Verbs of saying whose subject is the speaker, not an actor of what follows ("Yoon said that
/// North Korea had launched …").
pub(super) const FRAME_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "stated",
    "noted",
    "argued",
    "argues",
    "claimed",
    "claims",
    "insisted",
    "explained",
    "announced",
    "reported",
    "believes",
    "believed",
    "thinks",
    "described",
    "confirmed",
    "acknowledged",
    "recalled",
    "wrote",
    "stressed",
    "emphasized",
    "emphasised",
];
/// Verbs whose object does what follows: "prompted Japan and South Korea to improve relations".
pub(super) const CAUSATIVES: &[&str] = &[
    "prompted",
    "pushed",
    "led",
    "urged",
    "encouraged",
    "persuaded",
    "asked",
    "allowed",
    "forced",
    "pressed",
    "called",
    "invited",
    "enabled",
    "spurred",
    "drove",
];
/// Parties of tokens `a..b` (outside quotes and settings), plus plural references' parties.
pub(super) fn parties_in(
    inp: &Inputs,
    a: usize,
    b: usize,
    skip: &[std::ops::Range<usize>],
) -> Vec<usize> {
    let doc = inp.doc;
    let span = token_span(doc, a, b);
    let mut out = Vec::new();
    if span.is_empty() {
        return out;
    }
    for m in inp.parties.mentions_in(span) {
        let Some(t) = doc.token_containing(m.span.start) else {
            continue;
        };
        if t < a || in_any(skip, t) || inside_quote(inp.quotes, m.span.start).is_some() {
            continue;
        }
        if is_attribution(doc, t, m.span.end) {
            continue;
        }
        push_unique(&mut out, m.party);
    }
    let plurals = &inp.parties.plurals;
    let from = plurals.partition_point(|p| p.span.start < span.start);
    for p in plurals[from..]
        .iter()
        .take_while(|p| p.span.start < span.end)
    {
        if p.span.end <= span.end {
            let t = doc.token_containing(p.span.start).unwrap_or(a);
            if in_any(skip, t) || inside_quote(inp.quotes, p.span.start).is_some() {
                continue;
            }
            for &q in &p.parties {
                push_unique(&mut out, q);
            }
        }
    }
    out
}
/// True when the mention from token `t` to byte `end` only says who reports the sentence:
/// "…, Reuters reported." or "according to Reuters". The source is no participant.
fn is_attribution(doc: &Doc, t: usize, end: usize) -> bool {
    let after = doc.token_at_or_after(end);
    let trailing = t > 0 && doc.is(t - 1, ",") && doc.is_any(after, FRAME_VERBS);
    let according = t >= 2 && doc.is(t - 2, "according") && doc.is(t - 1, "to");
    trailing || according
}
pub(super) fn push_unique(v: &mut Vec<usize>, x: usize) {
    if !v.contains(&x) {
        v.push(x);
    }
}
/// The words before a trigger that name who or what acted when no party does: a group noun
/// ("Local fishermen protested", "Two soldiers were killed") or a thing that acts in the news
/// ("A car bomb exploded", "A stray rocket hit"), with up to two words before it, back to
/// punctuation or a function word; auxiliaries between it and the trigger are passed over.
/// Returns the words (capitalised) and whether they are plural.
pub(super) fn unnamed_subject(
    doc: &Doc,
    rec: &Recognised,
    clause_start: usize,
    trigger: usize,
) -> Option<GroupRef> {
    const STOPS: &[&str] = &[
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "with",
        "by",
        "who",
        "that",
        "which",
        "had",
        "have",
        "has",
        "was",
        "were",
        "is",
        "are",
        "been",
        "also",
        "then",
        "it",
        "they",
        "he",
        "she",
        "we",
        "this",
        "there",
        "not",
        "would",
        "will",
        "could",
        "its",
        "their",
        "his",
        "her",
        "these",
        "those",
        "told",
        "said",
        "soon",
        "later",
        "hundreds",
        "thousands",
        "dozens",
        "some",
        "many",
        "several",
    ];
    const AUXILIARIES: &[&str] = &[
        "was",
        "were",
        "is",
        "are",
        "has",
        "have",
        "had",
        "been",
        "being",
        "be",
        "also",
        "reportedly",
        "later",
        "then",
        "allegedly",
        "apparently",
        "suddenly",
        "again",
        // "Sixteen people were reported killed", "are feared dead", "is believed to".
        "reported",
        "believed",
        "feared",
        "confirmed",
        "presumed",
        "known",
    ];
    let mut head = trigger.checked_sub(1).filter(|&h| h >= clause_start)?;
    while head > clause_start && doc.is_any(head, AUXILIARIES) {
        head -= 1;
    }
    if !doc.is_any(head, GROUP_NOUNS) && !doc.is_any(head, THING_NOUNS) {
        return None;
    }
    let mut k = head;
    while k > clause_start
        && head - k < 2
        && matches!(doc.tokens[k - 1].kind, TokenKind::Word | TokenKind::Number)
        && !doc.is_any(k - 1, STOPS)
        && !doc.low(k - 1).ends_with("ly")
    {
        k -= 1;
    }
    Some(GroupRef::new(doc, rec, k, head))
}

/// Words naming who or what took part without naming a party: a group ("Iraqi security
/// forces", "protesters") or a thing ("car bomb", "farm").
#[derive(Clone, Debug, PartialEq)]
pub struct GroupRef {
    /// The words, as written ("Iraqi security forces").
    pub words: String,
    /// Where.
    pub span: Span,
    /// Plural ("protesters") or singular ("the army", "a farm").
    pub plural: bool,
    /// People (a group that can act or suffer), not a thing.
    pub people: bool,
    /// The state a nationality word in it names ("Iraqi" → IQ).
    pub country: Option<String>,
}

impl GroupRef {
    /// The phrase of tokens `first..=head`, whose last word is the head noun.
    pub(super) fn new(doc: &Doc, rec: &Recognised, first: usize, head: usize) -> Self {
        let span = Span::new(doc.tokens[first].span.start, doc.tokens[head].span.end);
        let low = doc.low(head);
        // "fishermen", "policemen", "children": plurals without an s.
        let irregular = (low.ends_with("men") && low.len() > 3)
            || doc.is_any(
                head,
                &["police", "forces", "people", "militia", "children", "staff"],
            );
        let plural = low.ends_with('s')
            && !doc.is_any(head, &["police", "forces", "press", "news", "bus", "gas"])
            || irregular;
        let country = rec
            .demonyms
            .iter()
            .find(|d| d.span.start >= span.start && d.span.end <= span.end)
            .map(|d| d.country.clone());
        GroupRef {
            words: doc.slice(span).to_owned(),
            span,
            plural,
            people: doc.is_any(head, GROUP_NOUNS),
            country,
        }
    }
}
/// True when the verb at token `verb` is passive: a form of "be" (or "get") before it, with at
/// most two adverbs between ("was later sentenced", "has been charged").
pub(super) fn is_passive(doc: &Doc, clause_start: usize, verb: usize) -> bool {
    // "is seeking", "has been asking": the progressive is active.
    if doc.low(verb).ends_with("ing") {
        return false;
    }
    let mut k = verb;
    let mut skipped = 0;
    while k > clause_start && skipped <= 3 {
        k -= 1;
        if doc.is_any(
            k,
            &[
                "was", "were", "is", "are", "been", "being", "be", "get", "got",
            ],
        ) {
            return true;
        }
        // Adverbs, and an earlier participle it is coordinated with ("was arrested and
        // charged").
        let adverb = doc.low(k).ends_with("ly")
            || doc.low(k).ends_with("ed")
            || doc.is_any(
                k,
                &[
                    "also",
                    "later",
                    "then",
                    "not",
                    "never",
                    "since",
                    "subsequently",
                    "now",
                    "already",
                    "still",
                    "and",
                    "or",
                ],
            );
        if !adverb {
            return false;
        }
        skipped += 1;
    }
    false
}
/// Things that act in the news: weapons, vehicles, disasters ("a car bomb exploded").
pub(super) const THING_NOUNS: &[&str] = &[
    "bomb",
    "bombs",
    "rocket",
    "rockets",
    "missile",
    "missiles",
    "shell",
    "shells",
    "drone",
    "drones",
    "explosion",
    "explosions",
    "blast",
    "blasts",
    "fire",
    "fires",
    "blaze",
    "earthquake",
    "quake",
    "storm",
    "cyclone",
    "hurricane",
    "typhoon",
    "tornado",
    "flood",
    "floods",
    "train",
    "bus",
    "plane",
    "aircraft",
    "helicopter",
    "ship",
    "vessel",
    "boat",
    "ferry",
    "truck",
    "car",
    "building",
    "bridge",
    "dam",
    "mine",
    "grenade",
    "device",
    "landslide",
    "avalanche",
    "wave",
    "tsunami",
    "virus",
    "outbreak",
    "cholera",
    "airstrike",
    "mortar",
    "shelling",
];

/// Nouns for groups that act in the news without being named parties.
pub(super) const GROUP_NOUNS: &[&str] = &[
    "police",
    "officers",
    "troops",
    "soldiers",
    "forces",
    "army",
    "military",
    "rebels",
    "militants",
    "fighters",
    "insurgents",
    "protesters",
    "protestors",
    "demonstrators",
    "activists",
    "students",
    "workers",
    "farmers",
    "fishermen",
    "residents",
    "villagers",
    "lawmakers",
    "legislators",
    "senators",
    "officials",
    "authorities",
    "prosecutors",
    "investigators",
    "court",
    "judge",
    "judges",
    "jury",
    "parliament",
    "government",
    "council",
    "committee",
    "board",
    "regulators",
    "ministers",
    "leaders",
    "diplomats",
    "negotiators",
    "unions",
    "airlines",
    "companies",
    "firms",
    "banks",
    "crowd",
    "crowds",
    "voters",
    "citizens",
    "refugees",
    "migrants",
    "gunmen",
    "attackers",
    "hackers",
    "teachers",
    "doctors",
    "nurses",
    "employees",
    "staff",
    "volunteers",
    "delegates",
    "people",
    "civilians",
    "passengers",
    "children",
    "journalists",
    "hostages",
    "prisoners",
    "supporters",
    "militiamen",
    "militia",
    "guards",
    "bodyguards",
    "mob",
    "rioters",
    "settlers",
    "tourists",
    "miners",
    "inmates",
    "victims",
    "farmer",
    "soldier",
    "policeman",
    "journalist",
    "man",
    "woman",
    "boy",
    "girl",
    "child",
    "colonels",
    "lieutenants",
    "generals",
    "commanders",
    "suspects",
    "detainees",
    "pilgrims",
    "seekers",
    "followers",
    "members",
    "couples",
    "opponents",
    "critics",
    "marchers",
    "bombers",
    "pirates",
    "terrorists",
    "smugglers",
    "dissidents",
    "worshippers",
    "patients",
    "sailors",
    "crew",
    "policemen",
    "candidates",
    "men",
    "women",
    "boys",
    "girls",
    "families",
    "immigrants",
    "traders",
    "partisans",
    "loyalists",
    "separatists",
    "extremists",
    "jihadists",
    "guerrillas",
    "kidnappers",
    "captors",
    "colonists",
    "peacekeepers",
    "monks",
    "priests",
    "elders",
    "clerics",
    "commandos",
    "marines",
    "paratroopers",
];
/// Actors of a noun trigger: a possessive right before it ("Japan’s colonial rule"), the
/// parties of "between X and Y" / "with X", else the clause's subject.
pub(super) fn nominal_actors(
    inp: &Inputs,
    h: &Hit,
    range: &std::ops::Range<usize>,
    skip: &[std::ops::Range<usize>],
) -> Vec<usize> {
    let doc = inp.doc;
    // Possessive within the noun phrase: "North Korea’s missile landing".
    let lo = h.first.saturating_sub(4).max(range.start);
    for k in (lo..h.first).rev() {
        if doc.tokens[k].kind == TokenKind::Possessive
            && k > range.start
            && let Some(m) = inp.parties.mention_ending_at(doc.tokens[k].span.start)
        {
            return vec![m.party];
        }
        if doc.tokens[k].kind == TokenKind::Punct || doc.is_any(k, LIGHT_VERBS) {
            break;
        }
    }
    // "X held a meeting": the subject before the light verb.
    let lv = (lo..h.first).rev().find(|&k| doc.is_any(k, LIGHT_VERBS));
    let upto = lv.unwrap_or(h.first);
    let mut subject = parties_in(inp, range.start, upto, skip);
    if doc.is_any(h.last + 1, &["between", "with"]) {
        let mut end = h.last + 2;
        while end < range.end && !doc.is_any(end, &["in", "on", "at", ",", "."]) {
            end += 1;
        }
        let ps = parties_in(inp, h.last + 2, end, skip);
        // "a meeting between X and Y": they are the actors; "a meeting with X": X joins.
        if doc.is(h.last + 1, "between") && !ps.is_empty() {
            return ps;
        }
        for p in ps {
            push_unique(&mut subject, p);
        }
    }
    subject
}
/// The people's own states join them as participants (as the reviewed data does).
pub(super) fn add_states_of_people(table: &PartyTable, parties: &mut Vec<usize>) {
    let people: Vec<usize> = parties
        .iter()
        .copied()
        .filter(|&p| table.parties[p].kind == PartyKind::Person)
        .collect();
    for p in people {
        if let Some(cc) = &table.parties[p].country
            && let Some(s) = table.state(cc)
        {
            push_unique(parties, s);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::events_for;

    #[test]
    fn the_subject_acts_and_the_object_is_the_target() {
        let ev = events_for("Japan urged China to stop.", Some("2022-11-13"));
        assert_eq!(ev[0].title, "Japan urges China");
        let ev = events_for(
            "Local fishermen protested outside the palace.",
            Some("2022-11-13"),
        );
        assert_eq!(ev[0].title, "Local fishermen protest", "{ev:?}");
    }

    #[test]
    fn the_progressive_is_active() {
        let ev = super::super::events_for(
            "Prime Minister Stephen Harper is seeking clemency for the brothers.",
            Some("2009-05-20"),
        );
        let e = ev.first().expect("the request");
        assert!(!e.actors.is_empty() && e.targets.is_empty(), "{e:?}");
    }
}
