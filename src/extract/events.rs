//! Events: trigger words mapped to PLOVER root types, with participants, place, date, evidence
//! and quotes; mentions of one event in an article are merged.
//!
//! A sentence is cut into clauses (at ";", "and that", ", but", ", while"); a trigger takes the
//! parties of its clause (the subject before it, after any "X said that", and the objects up to
//! the next trigger), the date phrase and locative place nearest to it in the clause, and the
//! sentence as evidence. Nouns ("meeting", "treaty", "colonial rule") make events only when
//! something shows they happened: a light verb ("held a meeting"), "between X and Y", a date of
//! their own ("a 1965 treaty") or a place ("a missile landing near the NLL"); otherwise they are
//! topics ("condemned North Korea’s missile launches").
//!
//! Dates: a clause without a date phrase takes the date of the occasion the narrative is on
//! (the last event dated to a day by a phrase) when its actors are that occasion's participants
//! and it is within two sentences; relational phrases ("prior to their meeting") take the date of
//! the meeting they name, as the reviewed seed data does; anything else is "before publication"
//! (`{start: null, end: published}`), never an invented day.

use jiff::civil::Date;

use super::dates::{DateMention, DateRole};
use super::hits::Recognised;
use super::lexicon::SPEECH_VERBS;
use super::parties::PartyTable;
use super::quotes::{QuoteFound, inside_quote};
use super::sentences::{Doc, TokenKind, WordMap};
use crate::model::{DateRange, EventKind, Mode, PartialDate, PartyKind, PlaceKind, Span};

/// An event as the extractor builds it (indices into the article's tables).
#[derive(Clone, Debug, PartialEq)]
pub struct EventFound {
    /// PLOVER root type.
    pub kind: EventKind,
    /// Hypothetical, negated or future.
    pub mode: Option<Mode>,
    /// Generated headline.
    pub title: String,
    /// When.
    pub date: Option<DateRange>,
    /// Index into the place hits (the first hit of that place).
    pub place: Option<usize>,
    /// Explicit geo precision ("near" → 2).
    pub geo_precision: Option<u8>,
    /// The place comes from the article's dateline, not from the event's own sentences.
    pub place_from_dateline: bool,
    /// Party indices.
    pub parties: Vec<usize>,
    /// The parties that act (subjects), a subset of `parties`; the rest are targets.
    pub actors: Vec<usize>,
    /// Title verb of the trigger ("meet").
    pub verb: &'static str,
    /// Passive voice ("Hickson was sentenced"): the trigger's participle for the title; the
    /// subject is then among the targets and the agent, if any, came after "by".
    pub passive: Option<&'static str>,
    /// For an event with no party: the words naming who acted ("Local fishermen") and whether
    /// they are plural.
    pub unnamed_subject: Option<(String, bool)>,
    /// Quote indices.
    pub quotes: Vec<usize>,
    /// Sentence spans.
    pub evidence: Vec<Span>,
    /// In [0, 1].
    pub confidence: f32,
}

/// What a trigger needs around it to count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Needs {
    /// Nothing.
    Nothing,
    /// A weapon word nearby ("fired missiles", "missile landing").
    Weapon,
    /// "to" right after ("forced to work").
    To,
    /// A threat word or a condition ("vowed a strong response if …").
    Threat,
    /// "on"/"for" right after ("called on", "called for").
    OnFor,
    /// "with" soon after ("charged him with fraud"; not "charged a fee" or "charged phones").
    With,
    /// A threatened act: "threatened to …", "threatened with …" or a threat word ("threatened
    /// retaliation"); "threatened regional stability" only endangers.
    ThreatAct,
}

/// A trigger word or phrase.
struct Trigger {
    words: &'static [&'static str],
    kind: EventKind,
    /// Present-tense verb phrase for titles ("meet", "condemn").
    verb: &'static str,
    nominal: bool,
    needs: Needs,
}

const fn v(words: &'static [&'static str], kind: EventKind, verb: &'static str) -> Trigger {
    Trigger {
        words,
        kind,
        verb,
        nominal: false,
        needs: Needs::Nothing,
    }
}
const fn vn(
    words: &'static [&'static str],
    kind: EventKind,
    verb: &'static str,
    needs: Needs,
) -> Trigger {
    Trigger {
        words,
        kind,
        verb,
        nominal: false,
        needs,
    }
}
const fn n(words: &'static [&'static str], kind: EventKind, verb: &'static str) -> Trigger {
    Trigger {
        words,
        kind,
        verb,
        nominal: true,
        needs: Needs::Nothing,
    }
}
const fn nn(
    words: &'static [&'static str],
    kind: EventKind,
    verb: &'static str,
    needs: Needs,
) -> Trigger {
    Trigger {
        words,
        kind,
        verb,
        nominal: true,
        needs,
    }
}

use EventKind as K;

/// The trigger lexicon (lowercase token sequences).
const TRIGGERS: &[Trigger] = &[
    // CONSULT
    v(&["met"], K::Consult, "meet"),
    v(&["meet"], K::Consult, "meet"),
    v(&["meets"], K::Consult, "meet"),
    v(&["visited"], K::Consult, "visit"),
    v(&["visits"], K::Consult, "visit"),
    v(&["hosted"], K::Consult, "host"),
    v(&["discussed"], K::Consult, "discuss"),
    v(&["negotiated"], K::Consult, "negotiate"),
    v(&["spoke", "with"], K::Consult, "speak with"),
    v(&["spoke", "by", "phone"], K::Consult, "speak by phone"),
    v(&["talked", "with"], K::Consult, "talk with"),
    v(&["phoned"], K::Consult, "phone"),
    n(&["meeting"], K::Consult, "meet"),
    n(&["meetings"], K::Consult, "meet"),
    n(&["summit"], K::Consult, "hold a summit"),
    n(&["talks"], K::Consult, "hold talks"),
    n(&["visit"], K::Consult, "visit"),
    n(&["phone", "call"], K::Consult, "speak by phone"),
    n(&["negotiations"], K::Consult, "negotiate"),
    // AGREE
    v(&["agreed"], K::Agree, "agree"),
    v(&["agree"], K::Agree, "agree"),
    v(&["agrees"], K::Agree, "agree"),
    v(&["signed"], K::Agree, "sign an agreement"),
    v(&["pledged"], K::Agree, "pledge"),
    v(&["pledge"], K::Agree, "pledge"),
    v(&["promised"], K::Agree, "promise"),
    v(&["reaffirmed"], K::Agree, "reaffirm commitments"),
    v(&["reaffirming"], K::Agree, "reaffirm commitments"),
    v(&["reaffirm"], K::Agree, "reaffirm commitments"),
    n(&["agreement"], K::Agree, "reach an agreement"),
    n(&["treaty"], K::Agree, "conclude a treaty"),
    n(&["accord"], K::Agree, "reach an accord"),
    n(&["deal"], K::Agree, "reach a deal"),
    n(&["ceasefire"], K::Agree, "agree a ceasefire"),
    n(&["truce"], K::Agree, "agree a truce"),
    // ACCUSE
    v(&["condemned"], K::Accuse, "condemn"),
    v(&["condemns"], K::Accuse, "condemn"),
    v(&["condemn"], K::Accuse, "condemn"),
    v(&["criticized"], K::Accuse, "criticize"),
    v(&["criticised"], K::Accuse, "criticise"),
    v(&["criticizes"], K::Accuse, "criticize"),
    v(&["accused"], K::Accuse, "accuse"),
    vn(&["charged"], K::Accuse, "charge", Needs::With),
    v(&["sued"], K::Accuse, "sue"),
    v(&["accuses"], K::Accuse, "accuse"),
    v(&["denounced"], K::Accuse, "denounce"),
    v(&["blamed"], K::Accuse, "blame"),
    v(&["slammed"], K::Accuse, "criticize"),
    v(&["decried"], K::Accuse, "decry"),
    // MOBILIZE
    vn(&["fired"], K::Mobilize, "fire missiles", Needs::Weapon),
    vn(&["fires"], K::Mobilize, "fire missiles", Needs::Weapon),
    vn(&["launched"], K::Mobilize, "launch missiles", Needs::Weapon),
    vn(&["launches"], K::Mobilize, "launch missiles", Needs::Weapon),
    vn(
        &["test-fired"],
        K::Mobilize,
        "test-fire missiles",
        Needs::Nothing,
    ),
    vn(&["fire"], K::Mobilize, "fire missiles", Needs::Weapon),
    vn(&["launch"], K::Mobilize, "launch missiles", Needs::Weapon),
    vn(&["test"], K::Mobilize, "test weapons", Needs::Weapon),
    vn(&["tests"], K::Mobilize, "test weapons", Needs::Weapon),
    vn(&["tested"], K::Mobilize, "test weapons", Needs::Weapon),
    v(&["deployed"], K::Mobilize, "deploy forces"),
    v(&["mobilized"], K::Mobilize, "mobilize forces"),
    v(&["mobilised"], K::Mobilize, "mobilise forces"),
    nn(&["launch"], K::Mobilize, "launch a missile", Needs::Weapon),
    nn(&["launches"], K::Mobilize, "launch missiles", Needs::Weapon),
    nn(&["test"], K::Mobilize, "test a missile", Needs::Weapon),
    nn(&["tests"], K::Mobilize, "test missiles", Needs::Weapon),
    nn(&["landing"], K::Mobilize, "land a missile", Needs::Weapon),
    n(&["drills"], K::Mobilize, "hold military drills"),
    n(&["exercises"], K::Mobilize, "hold military exercises"),
    // ASSAULT
    v(&["attacked"], K::Assault, "attack"),
    v(&["struck"], K::Assault, "strike"),
    v(&["shelled"], K::Assault, "shell"),
    v(&["bombed"], K::Assault, "bomb"),
    v(&["invaded"], K::Assault, "invade"),
    v(&["killed"], K::Assault, "kill"),
    v(&["stabbed"], K::Assault, "stab"),
    v(&["assaulted"], K::Assault, "assault"),
    v(&["ambushed"], K::Assault, "ambush"),
    n(&["attack"], K::Assault, "attack"),
    n(&["attacks"], K::Assault, "attack"),
    n(&["airstrike"], K::Assault, "carry out an airstrike"),
    n(&["airstrikes"], K::Assault, "carry out airstrikes"),
    n(&["strikes"], K::Assault, "carry out strikes"),
    n(&["shelling"], K::Assault, "shell"),
    n(&["bombing"], K::Assault, "bomb"),
    n(&["invasion"], K::Assault, "invade"),
    // REQUEST
    v(&["urged"], K::Request, "urge"),
    v(&["urges"], K::Request, "urge"),
    v(&["urge"], K::Request, "urge"),
    vn(&["called"], K::Request, "call on", Needs::OnFor),
    vn(&["calls"], K::Request, "call on", Needs::OnFor),
    v(&["demanded"], K::Request, "demand"),
    v(&["demands"], K::Request, "demand"),
    v(&["appealed"], K::Request, "appeal to"),
    // THREATEN
    vn(&["threatened"], K::Threaten, "threaten", Needs::ThreatAct),
    vn(&["threatens"], K::Threaten, "threaten", Needs::ThreatAct),
    vn(&["vowed"], K::Threaten, "vow a response", Needs::Threat),
    vn(&["vows"], K::Threaten, "vow a response", Needs::Threat),
    vn(
        &["warned", "of"],
        K::Threaten,
        "warn of a response",
        Needs::Threat,
    ),
    // SANCTION
    v(&["sanctioned"], K::Sanction, "sanction"),
    v(&["expelled"], K::Sanction, "expel"),
    n(&["sanctions"], K::Sanction, "impose sanctions"),
    n(&["embargo"], K::Sanction, "impose an embargo"),
    // PROTEST
    v(&["protested"], K::Protest, "protest"),
    v(&["demonstrated"], K::Protest, "demonstrate"),
    v(&["rallied"], K::Protest, "rally"),
    n(&["protest"], K::Protest, "protest"),
    n(&["protests"], K::Protest, "protest"),
    // AID
    v(&["donated"], K::Aid, "donate aid"),
    n(&["aid"], K::Aid, "provide aid"),
    n(&["assistance"], K::Aid, "provide assistance"),
    // COOPERATE
    v(&["improve", "relations"], K::Cooperate, "improve relations"),
    v(&["improve", "ties"], K::Cooperate, "improve ties"),
    v(&["strengthen", "ties"], K::Cooperate, "strengthen ties"),
    v(&["cooperate"], K::Cooperate, "cooperate"),
    // SUPPORT
    v(&["praised"], K::Support, "praise"),
    v(&["welcomed"], K::Support, "welcome"),
    v(&["endorsed"], K::Support, "endorse"),
    v(&["backed"], K::Support, "back"),
    // REJECT
    v(&["rejected"], K::Reject, "reject"),
    v(&["rejects"], K::Reject, "reject"),
    v(&["refused"], K::Reject, "refuse"),
    v(&["denied"], K::Reject, "deny"),
    v(&["vetoed"], K::Reject, "veto"),
    // COERCE
    v(&["arrested"], K::Coerce, "arrest"),
    v(&["raided"], K::Coerce, "raid"),
    v(&["jailed"], K::Coerce, "jail"),
    v(&["imprisoned"], K::Coerce, "imprison"),
    v(&["sentenced"], K::Coerce, "sentence"),
    v(&["evicted"], K::Coerce, "evict"),
    v(&["detained"], K::Coerce, "detain"),
    v(&["seized"], K::Coerce, "seize"),
    v(&["annexed"], K::Coerce, "annex"),
    v(&["occupied"], K::Coerce, "occupy"),
    v(&["deported"], K::Coerce, "deport"),
    vn(&["forced"], K::Coerce, "force", Needs::To),
    n(&["colonial", "rule"], K::Coerce, "rule as a colony"),
    n(&["occupation"], K::Coerce, "occupy"),
    n(&["blockade"], K::Coerce, "blockade"),
    // RETREAT
    v(&["withdrew"], K::Retreat, "withdraw"),
    v(&["pulled", "out"], K::Retreat, "pull out"),
    v(&["retreated"], K::Retreat, "retreat"),
    // CONCEDE
    v(&["eased"], K::Concede, "ease restrictions"),
    v(&["lifted"], K::Concede, "lift restrictions"),
];

const WEAPONS: &[&str] = &[
    "missile",
    "missiles",
    "rocket",
    "rockets",
    "icbm",
    "icbms",
    "slbm",
    "projectile",
    "projectiles",
    "drone",
    "drones",
    "artillery",
    "shells",
    "warheads",
    "weapon",
    "weapons",
    "nuclear",
    "ballistic",
    "torpedo",
    "torpedoes",
    "satellite",
];
const THREAT_WORDS: &[&str] = &[
    "response",
    "retaliation",
    "revenge",
    "retaliate",
    "punish",
    "punishment",
    "consequences",
    "war",
    "destroy",
    "action",
];
/// Verbs that show a noun trigger took place ("held a meeting", "imposed sanctions").
const LIGHT_VERBS: &[&str] = &[
    "held",
    "hold",
    "holds",
    "holding",
    "had",
    "conducted",
    "conducts",
    "conducting",
    "carried",
    "staged",
    "stages",
    "attended",
    "attend",
    "hosted",
    "launched",
    "imposed",
    "imposes",
    "provided",
    "sent",
    "signed",
    "reached",
    "struck",
    "made",
    "began",
    "started",
    "opened",
    "concluded",
    "convened",
    "completed",
    "sealed",
    "announced",
];
/// Verbs of saying whose subject is the speaker, not an actor of what follows ("Yoon said that
/// North Korea had launched …").
const FRAME_VERBS: &[&str] = &[
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
const CAUSATIVES: &[&str] = &[
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
/// Prepositions that place an event.
const LOCATIVES: &[&str] = &[
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
];

/// First word → trigger entries starting with it.
static TRIGGER_INDEX: std::sync::LazyLock<WordMap<Vec<usize>>> = std::sync::LazyLock::new(|| {
    let mut m: WordMap<Vec<usize>> = WordMap::default();
    for (i, t) in TRIGGERS.iter().enumerate() {
        m.entry(t.words[0]).or_default().push(i);
    }
    m
});

/// Date mentions of sentence `si` (they are sorted by sentence).
fn dates_of(dates: &[DateMention], si: usize) -> &[DateMention] {
    let lo = dates.partition_point(|d| d.sentence < si);
    let hi = dates.partition_point(|d| d.sentence <= si);
    &dates[lo..hi]
}

/// A trigger found in a sentence.
#[derive(Clone, Debug)]
struct Hit {
    entry: usize,
    first: usize,
    last: usize,
    clause: usize,
}

/// The state that carries the narrative's date from sentence to sentence.
#[derive(Clone, Debug)]
struct Focus {
    date: DateRange,
    place: Option<usize>,
    parties: Vec<usize>,
    sentence: usize,
}

/// Everything the event builder reads.
pub struct Inputs<'a, 'd> {
    /// The tokenised text.
    pub doc: &'d Doc<'a>,
    /// Places and demonyms.
    pub rec: &'d Recognised,
    /// Dates found.
    pub dates: &'d [DateMention],
    /// Parties found.
    pub parties: &'d PartyTable,
    /// Quotes found, attributed.
    pub quotes: &'d [QuoteFound],
    /// The publication date.
    pub published: Option<Date>,
}

/// Finds, dates, places and merges the events of an article.
pub fn find_events(inp: &Inputs) -> Vec<EventFound> {
    let doc = inp.doc;
    let mut events: Vec<(EventFound, usize, bool)> = Vec::new(); // (event, sentence, date from text)
    let mut focus: Option<Focus> = None;
    for si in 0..doc.sentences.len() {
        let found = sentence_events(inp, si, &events, &mut focus);
        events.extend(found);
    }
    let mut merged: Vec<EventFound> = Vec::new();
    for (e, ..) in events {
        // Mentions of one event are near each other; a window keeps huge texts linear.
        let window = merged.len().saturating_sub(MERGE_WINDOW);
        match merged[window..]
            .iter_mut()
            .find(|m| compatible(m, &e, inp.parties))
        {
            Some(m) => merge_into(m, e),
            None => merged.push(e),
        }
    }
    // A dateline ("GLASGOW, Ky. (WBKO) --", "SEOUL —") says where the story was filed. Events
    // whose sentences name no place are put there, as approximate (precision 3), unless a party
    // from another country takes part: "WASHINGTON — North Korea fired …" did not happen in
    // Washington.
    if let Some(p) = dateline_place(inp) {
        let cc = inp.rec.places[p].country.clone();
        for e in merged.iter_mut().filter(|e| e.place.is_none()) {
            let foreign = e.parties.iter().any(|&q| {
                let party = &inp.parties.parties[q];
                party.country.is_some() && party.country != cc
            });
            if !foreign {
                e.place = Some(p);
                e.geo_precision = Some(3);
                e.place_from_dateline = true;
                e.confidence = (e.confidence - DATELINE_PENALTY).max(0.05);
            }
        }
    }
    for e in &mut merged {
        e.title = title(inp, e);
    }
    merged
}

/// Confidence lost by an event placed by the dateline alone.
const DATELINE_PENALTY: f32 = 0.1;

/// The place hit of the article's dateline, if it opens with one: a place at the start of one of
/// the first three lines, then at most a state abbreviation and an agency in parentheses, then
/// a dash ("PARIS (Reuters) -", "Glasgow, Ky. —", "BERLIN —").
fn dateline_place(inp: &Inputs) -> Option<usize> {
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

/// Token ranges.
type Ranges = Vec<std::ops::Range<usize>>;

/// How many earlier events a new mention is compared with for merging.
const MERGE_WINDOW: usize = 64;

/// Clause boundaries of sentence `si`: token ranges.
fn clauses(doc: &Doc, si: usize) -> Vec<std::ops::Range<usize>> {
    let s = &doc.sentences[si];
    let mut out = Vec::new();
    let mut start = s.tokens.start;
    let mut i = s.tokens.start;
    while i < s.tokens.end {
        let cut = if doc.tok(i) == ";" {
            Some(i + 1)
        } else if doc.is(i, "and") && doc.is(i + 1, "that")
            || doc.tok(i) == ","
                && doc.is_any(i + 1, &["but", "while", "whereas", "although", "though"])
        {
            Some(i + 2)
        } else {
            None
        };
        if let Some(next) = cut {
            let end = if doc.tok(i) == "," || doc.tok(i) == ";" {
                i
            } else if i > start && doc.tok(i - 1) == "," {
                i - 1
            } else {
                i
            };
            if end > start {
                out.push(start..end);
            }
            start = next.min(s.tokens.end);
            i = next;
        } else {
            i += 1;
        }
    }
    if start < s.tokens.end {
        out.push(start..s.tokens.end);
    }
    out
}

/// Token ranges that are conditions ("if North Korea launched a nuclear attack").
fn conditions(doc: &Doc, range: std::ops::Range<usize>) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut i = range.start;
    while i < range.end {
        if doc.is_any(i, &["if", "unless"]) {
            let mut j = i + 1;
            while j < range.end
                && doc.tok(j) != ","
                && !(doc.is(j, "and") && verbal_trigger_at(doc, j + 1))
            {
                j += 1;
            }
            out.push(i..j);
            i = j;
        }
        i += 1;
    }
    out
}

fn verbal_trigger_at(doc: &Doc, i: usize) -> bool {
    TRIGGERS
        .iter()
        .any(|t| !t.nominal && t.words.iter().enumerate().all(|(k, w)| doc.is(i + k, w)))
}

/// Token ranges describing the setting, not participants: "on the sidelines of the … summit",
/// "according to …".
fn settings(doc: &Doc, range: std::ops::Range<usize>) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    for i in range.clone() {
        if doc.is(i, "sidelines") && doc.is(i + 1, "of") {
            let start = if i >= 2 && doc.is(i - 1, "the") && doc.is(i - 2, "on") {
                i - 2
            } else {
                i
            };
            let mut j = i + 2;
            while j < range.end && !doc.is_any(j, &["in", "on", "at", ","]) {
                j += 1;
            }
            out.push(start..j);
        }
        if doc.is(i, "according") && doc.is(i + 1, "to") {
            out.push(i..range.end);
        }
        // Asides between dashes or in brackets: "—the maritime border between the two Koreas—".
        let closer = match doc.tok(i) {
            "—" | "–" => Some(doc.tok(i)),
            "(" => Some(")"),
            "[" => Some("]"),
            _ => None,
        };
        if let Some(close) = closer
            && let Some(j) = (i + 1..range.end).find(|&j| doc.tok(j) == close)
            && !out.iter().any(|r| r.contains(&i))
        {
            out.push(i..j + 1);
        }
    }
    out
}

fn in_any(ranges: &[std::ops::Range<usize>], i: usize) -> bool {
    ranges.iter().any(|r| r.contains(&i))
}

/// Triggers of sentence `si` that pass their checks.
fn find_triggers(inp: &Inputs, si: usize, clause_ranges: &[std::ops::Range<usize>]) -> Vec<Hit> {
    let doc = inp.doc;
    let s = &doc.sentences[si];
    let date_tokens: Vec<(usize, usize)> =
        dates_of(inp.dates, si).iter().map(|d| d.tokens).collect();
    let clause_info: Vec<(Ranges, Ranges)> = clause_ranges
        .iter()
        .map(|r| (conditions(doc, r.clone()), settings(doc, r.clone())))
        .collect();
    let mut hits = Vec::new();
    let mut i = s.tokens.start;
    while i < s.tokens.end {
        let quoted = inside_quote(inp.quotes, doc.tokens[i].span.start).is_some();
        let in_date = date_tokens.iter().any(|&(a, b)| (a..=b).contains(&i));
        if quoted || in_date {
            i += 1;
            continue;
        }
        let clause = clause_ranges
            .iter()
            .position(|r| r.contains(&i))
            .unwrap_or(0);
        let range = clause_ranges
            .get(clause)
            .cloned()
            .unwrap_or(s.tokens.clone());
        let Some(first_word) = TRIGGER_INDEX.get(doc.low(i)) else {
            i += 1;
            continue;
        };
        let (conds, sets) = clause_info
            .get(clause)
            .map(|(c, s)| (c.as_slice(), s.as_slice()))
            .unwrap_or((&[], &[]));
        if in_any(conds, i) || in_any(sets, i) {
            i += 1;
            continue;
        }
        // Longest entries first; the first whose checks pass ("launches": verb or noun).
        let mut cands: Vec<(usize, &Trigger)> = first_word
            .iter()
            .map(|&e| (e, &TRIGGERS[e]))
            .filter(|(_, t)| {
                t.words
                    .iter()
                    .enumerate()
                    .all(|(k, w)| i + k < s.tokens.end && doc.is(i + k, w))
            })
            .collect();
        cands.sort_by_key(|(_, t)| std::cmp::Reverse(t.words.len()));
        let chosen = cands.into_iter().find(|(_, trig)| {
            let last = i + trig.words.len() - 1;
            needs_met(inp, trig, i, last, &range)
                && (!trig.nominal || noun_happened(inp, i, last, &range, &date_tokens))
        });
        let Some((entry, trig)) = chosen else {
            i += 1;
            continue;
        };
        let last = i + trig.words.len() - 1;
        // "condemned the agreement", "rejected the talks": a noun that is the object of the
        // verb just before it is what that event is about, not an event of its own.
        let object_of_verb = trig.nominal
            && hits.last().is_some_and(|h: &Hit| {
                let verb = &TRIGGERS[h.entry];
                !verb.nominal
                    && h.clause == clause
                    && h.last < i
                    && i - h.last <= 3
                    && (h.last + 1..i).all(|k| doc.is_any(k, OBJECT_FILLERS))
            });
        if object_of_verb {
            i = last + 1;
            continue;
        }
        hits.push(Hit {
            entry,
            first: i,
            last,
            clause,
        });
        i = last + 1;
    }
    hits
}

/// Words that may stand between a verb and its object noun ("condemned the new agreement").
const OBJECT_FILLERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "new",
    "latest", "planned", "proposed", "recent",
];

fn needs_met(
    inp: &Inputs,
    t: &Trigger,
    first: usize,
    last: usize,
    range: &std::ops::Range<usize>,
) -> bool {
    let doc = inp.doc;
    match t.needs {
        Needs::Nothing => true,
        Needs::Weapon => {
            let lo = first.saturating_sub(3).max(range.start);
            let hi = (last + 6).min(range.end);
            let window = if t.nominal { lo..last } else { last + 1..hi };
            window.into_iter().any(|k| doc.is_any(k, WEAPONS))
        }
        Needs::To => doc.is(last + 1, "to"),
        Needs::OnFor => doc.is_any(last + 1, &["on", "for"]),
        Needs::With => (last + 1..(last + 5).min(range.end)).any(|k| doc.is(k, "with")),
        Needs::ThreatAct => {
            let hi = (last + 5).min(range.end);
            doc.is_any(last + 1, &["to", "with"])
                || (last + 1..hi).any(|k| {
                    doc.is_any(k, THREAT_WORDS)
                        || doc.is_any(k, &["sanctions", "force", "strikes", "attack", "tariffs"])
                })
        }
        Needs::Threat => {
            let hi = (last + 8).min(range.end);
            (last + 1..hi).any(|k| doc.is_any(k, THREAT_WORDS))
                || !conditions(doc, range.clone()).is_empty()
        }
    }
}

/// Does something show that the event a noun names took place?
fn noun_happened(
    inp: &Inputs,
    first: usize,
    last: usize,
    range: &std::ops::Range<usize>,
    dates: &[(usize, usize)],
) -> bool {
    let doc = inp.doc;
    // "held a trilateral meeting", "imposed new sanctions"
    let lo = first.saturating_sub(4).max(range.start);
    if (lo..first).any(|k| doc.is_any(k, LIGHT_VERBS)) {
        return true;
    }
    // "the agreement was made", "talks took place"
    if doc.is_any(last + 1, &["was", "were", "had", "has", "have"])
        && doc.is_any(last + 2, &["made", "reached", "signed", "held", "been"])
        || doc.is(last + 1, "took") && doc.is(last + 2, "place")
    {
        return true;
    }
    // "a meeting between X and Y", "talks with X"
    if doc.is_any(last + 1, &["between", "with"])
        && inp
            .parties
            .mentions_in(token_span(doc, last + 2, (last + 6).min(range.end)))
            .next()
            .is_some()
    {
        return true;
    }
    // A date of its own: "a 1965 treaty", "colonial rule … between 1910 and 1945".
    for &(a, b) in dates {
        let before = b < first && first - b <= 2;
        let after = a > last
            && a - last <= 7
            && range.contains(&a)
            && !(last + 1..a).any(|k| doc.is_any(k, SPEECH_VERBS) || verbal_trigger_at(doc, k));
        if before || after {
            return true;
        }
    }
    // A place of its own: "a missile landing near the Northern Limit Line".
    let hi = (last + 5).min(range.end);
    (last + 1..hi).any(|k| doc.is_any(k, LOCATIVES) && place_after(inp, k + 1).is_some())
}

fn token_span(doc: &Doc, a: usize, b: usize) -> Span {
    let n = doc.tokens.len();
    if n == 0 || a >= b || a >= n {
        return Span::new(0, 0);
    }
    Span::new(
        doc.tokens[a].span.start,
        doc.tokens[(b - 1).min(n - 1)].span.end,
    )
}

/// The place hit starting at token `i` (after an optional "the").
fn place_after(inp: &Inputs, i: usize) -> Option<usize> {
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

/// Parties of tokens `a..b` (outside quotes and settings), plus plural references' parties.
fn parties_in(inp: &Inputs, a: usize, b: usize, skip: &[std::ops::Range<usize>]) -> Vec<usize> {
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

fn push_unique(v: &mut Vec<usize>, x: usize) {
    if !v.contains(&x) {
        v.push(x);
    }
}

/// The words right before a trigger that name who acted when no party does ("Local
/// fishermen protested" → "Local fishermen"): a group noun ("police", "protesters") and up
/// to two words before it, back to punctuation or a function word.
fn unnamed_subject(doc: &Doc, clause_start: usize, trigger: usize) -> Option<(String, bool)> {
    const STOPS: &[&str] = &[
        "the", "a", "an", "and", "or", "but", "of", "in", "on", "at", "to", "for", "with", "by",
        "who", "that", "which", "had", "have", "has", "was", "were", "is", "are", "been", "also",
        "then", "it", "they", "he", "she", "we", "this", "there", "not", "would", "will", "could",
        "its", "their", "his", "her", "these", "those", "told", "said", "soon", "later",
    ];
    let head = trigger.checked_sub(1).filter(|&h| h >= clause_start)?;
    if !doc.is_any(head, GROUP_NOUNS) {
        return None;
    }
    let mut k = head;
    while k > clause_start
        && head - k < 2
        && doc.tokens[k - 1].kind == TokenKind::Word
        && !doc.is_any(k - 1, STOPS)
        && !doc.low(k - 1).ends_with("ly")
    {
        k -= 1;
    }
    let who =
        super::lexicon::capitalised(&doc.text[doc.tokens[k].span.start..doc.tokens[head].span.end]);
    let singular = doc.is_any(
        head,
        &[
            "court",
            "judge",
            "jury",
            "parliament",
            "government",
            "council",
            "committee",
            "board",
            "army",
            "military",
            "crowd",
        ],
    );
    Some((who, !singular))
}

/// True when the verb at token `verb` is passive: a form of "be" (or "get") before it, with at
/// most two adverbs between ("was later sentenced", "has been charged").
fn is_passive(doc: &Doc, clause_start: usize, verb: usize) -> bool {
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

/// Nouns for groups that act in the news without being named parties.
const GROUP_NOUNS: &[&str] = &[
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
];

/// Events of one sentence.
fn sentence_events(
    inp: &Inputs,
    si: usize,
    earlier: &[(EventFound, usize, bool)],
    focus: &mut Option<Focus>,
) -> Vec<(EventFound, usize, bool)> {
    let doc = inp.doc;
    let s = &doc.sentences[si];
    let clause_ranges = clauses(doc, si);
    let hits = find_triggers(inp, si, &clause_ranges);
    if hits.is_empty() {
        return Vec::new();
    }
    let sentence_dates: Vec<&DateMention> = dates_of(inp.dates, si).iter().collect();
    let mut out = Vec::new();
    for (hi, h) in hits.iter().enumerate() {
        let trig = &TRIGGERS[h.entry];
        let range = clause_ranges
            .get(h.clause)
            .cloned()
            .unwrap_or(s.tokens.clone());
        let mut skip = settings(doc, range.clone());
        skip.extend(sentence_dates.iter().map(|d| d.tokens.0..d.tokens.1 + 1));
        let same_clause: Vec<&Hit> = hits.iter().filter(|o| o.clause == h.clause).collect();
        let first_in_clause = same_clause.iter().map(|o| o.first).min().unwrap_or(h.first);
        let next_trigger = same_clause
            .iter()
            .map(|o| o.first)
            .filter(|&f| f > h.last)
            .min()
            .unwrap_or(range.end);

        // Subject: after any "X said that" frame, before the clause's first trigger.
        let mut subject_from = range.start;
        for k in range.start..h.first {
            if doc.is_any(k, FRAME_VERBS)
                && inside_quote(inp.quotes, doc.tokens[k].span.start).is_none()
            {
                subject_from = if doc.is(k + 1, "that") { k + 2 } else { k + 1 };
            }
        }
        let subject_to = if first_in_clause >= subject_from {
            first_in_clause
        } else {
            h.first
        };
        let mut actors = if trig.nominal {
            nominal_actors(inp, h, &range, &skip)
        } else {
            parties_in(inp, subject_from, subject_to.max(subject_from), &skip)
        };
        // "X prompted Japan and South Korea to improve relations": the causee acts.
        if h.first > range.start && doc.is(h.first - 1, "to") {
            let lo = h.first.saturating_sub(8).max(range.start);
            if let Some(c) = (lo..h.first - 1).rev().find(|&k| doc.is_any(k, CAUSATIVES)) {
                let causees = parties_in(inp, c + 1, h.first - 1, &skip);
                if !causees.is_empty() {
                    actors = causees;
                }
            }
        }
        if actors.is_empty() && !trig.nominal && trig.needs == Needs::To {
            // "forced to work": whatever precedes in the clause.
            actors = parties_in(inp, range.start, h.first, &skip);
        }
        let mut targets = parties_in(inp, h.last + 1, next_trigger, &skip);
        // "Hickson was sentenced", "he has been charged with fraud by police": the subject
        // suffered the act; the agent, if the text names one, follows "by".
        let passive =
            (!trig.nominal && trig.needs != Needs::To && is_passive(doc, range.start, h.first))
                .then_some(trig.words[0]);
        if passive.is_some() {
            let agents = (h.last + 1..next_trigger)
                .find(|&k| doc.is(k, "by"))
                .map(|k| parties_in(inp, k + 1, next_trigger, &skip))
                .unwrap_or_default();
            // The patients are the subject; other parties after the verb are not part of it.
            targets = std::mem::take(&mut actors);
            actors = agents;
        }
        let mut parties = actors.clone();
        for t in targets {
            push_unique(&mut parties, t);
        }
        if parties.is_empty() && passive.is_none() {
            parties = parties_in(inp, range.start, range.end, &skip);
        }
        add_states_of_people(inp.parties, &mut parties);

        // Fire aimed at a target is an attack, not a show of force: "fired shells at Kharkiv".
        let aimed = trig.kind == EventKind::Mobilize
            && !trig.nominal
            && (h.last + 1..next_trigger.min(h.last + 8)).any(|k| {
                doc.is_any(k, &["at", "on", "into", "against"])
                    && (place_after(inp, k + 1).is_some()
                        || inp
                            .parties
                            .mention_starting_at(
                                doc.tokens.get(k + 1).map_or(usize::MAX, |t| t.span.start),
                            )
                            .is_some())
            });
        let (kind, verb) = if aimed {
            (EventKind::Assault, "attack")
        } else {
            (trig.kind, trig.verb)
        };

        // Mode.
        let conds = conditions(doc, s.tokens.clone());
        let mode = mode_of(doc, h, &range, &conds, kind);

        // Date: the nearest phrase in the clause that no other trigger is nearer to.
        let mut from_text = false;
        let mut confidence: f32 = if trig.nominal { 0.5 } else { 0.6 };
        let mut date = None;
        let clause_dates: Vec<&&DateMention> = sentence_dates
            .iter()
            .filter(|d| range.contains(&d.tokens.0) && d.role != DateRole::Anchored)
            .collect();
        let mine = clause_dates
            .iter()
            .filter(|d| nearest_hit(&hits, h.clause, d.tokens) == Some(hi))
            .min_by_key(|d| distance(h, d.tokens));
        if let Some(d) = mine {
            if let Some(r) = &d.range {
                date = Some(r.clone());
                from_text = true;
                confidence += 0.15;
            }
        } else if let Some(anchor) = sentence_dates.iter().find(|d| d.role == DateRole::Anchored) {
            // "Prior to their meeting": the date of the last meeting the article dated.
            let meeting = earlier.iter().rev().find(|(e, ..)| {
                e.kind == EventKind::Consult && e.date.as_ref().is_some_and(|d| d.start.is_some())
            });
            if let Some((m, ..)) = meeting {
                let mut r = m.date.clone().unwrap_or_default();
                r.phrase = Some(anchor.span);
                date = Some(r);
                from_text = true;
                confidence += 0.05;
            }
        }
        let earlier_time = (range.start..h.first)
            .any(|k| doc.is_any(k, &["previously", "earlier", "once", "formerly"]))
            || (h.first > range.start && doc.is(h.first - 1, "had"));
        let mut place = place_for(inp, h, &hits, &range);
        let mut inherited = false;
        if date.is_none()
            && !earlier_time
            && let Some(f) = focus.as_ref()
            && si <= f.sentence + 2
            && !actors.is_empty()
            && actors.iter().all(|a| f.parties.contains(a))
        {
            date = Some(f.date.clone());
            if place.is_none() {
                place = f.place.map(|p| (p, None));
            }
            inherited = true;
            confidence -= 0.1;
        }
        if date.is_none() && inp.published.is_some() && mode != Some(Mode::Future) {
            date = Some(DateRange {
                start: None,
                end: inp.published.map(PartialDate::day),
                phrase: None,
            });
        }
        if place.is_none() && kind == EventKind::Mobilize {
            place = home_country_place(inp, &actors).map(|p| (p, Some(3)));
        }
        if place.is_some() && !inherited {
            confidence += 0.1;
        }
        if parties.len() >= 2 {
            confidence += 0.05;
        }
        if parties.is_empty() {
            confidence -= 0.2;
        }
        let (place, geo_precision) = match place {
            // The first hit of that place stands for all of them (merging compares places).
            Some((p, g)) => (
                inp.rec
                    .places
                    .iter()
                    .position(|h| h.key == inp.rec.places[p].key)
                    .or(Some(p)),
                g,
            ),
            None => (None, None),
        };
        let quotes = linked_quotes(inp, si, &parties);
        let ev = EventFound {
            kind,
            mode,
            title: String::new(),
            date,
            place,
            geo_precision,
            place_from_dateline: false,
            actors: if actors.is_empty() && passive.is_none() {
                parties.clone()
            } else {
                actors.clone()
            },
            verb,
            passive,
            unnamed_subject: if parties.is_empty() {
                unnamed_subject(doc, range.start, h.first)
            } else {
                None
            },
            parties,
            quotes,
            evidence: vec![s.span],
            confidence: confidence.clamp(0.05, 0.95),
        };
        // A day dated by the text (or inherited) sets the occasion later sentences may share.
        if let Some(d) = ev.date.as_ref().filter(|d| {
            d.start.is_some() && d.start == d.end && d.start.is_some_and(|x| x.is_day())
        }) && (from_text || inherited)
        {
            let mut parties = ev.parties.clone();
            if inherited && let Some(f) = focus.as_ref() {
                for p in &f.parties {
                    push_unique(&mut parties, *p);
                }
            }
            *focus = Some(Focus {
                date: d.clone(),
                place: ev.place,
                parties,
                sentence: si,
            });
        }
        out.push((ev, si, from_text));
    }
    out
}

/// Actors of a noun trigger: a possessive right before it ("Japan’s colonial rule"), the
/// parties of "between X and Y" / "with X", else the clause's subject.
fn nominal_actors(
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
fn add_states_of_people(table: &PartyTable, parties: &mut Vec<usize>) {
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

fn distance(h: &Hit, (a, b): (usize, usize)) -> usize {
    if a > h.last {
        a - h.last
    } else {
        h.first.saturating_sub(b)
    }
}

/// Which trigger of a clause a phrase belongs to: the nearest (ties go to the earlier one).
fn nearest_hit(hits: &[Hit], clause: usize, tokens: (usize, usize)) -> Option<usize> {
    hits.iter()
        .enumerate()
        .filter(|(_, h)| h.clause == clause)
        .min_by_key(|(i, h)| (distance(h, tokens), *i))
        .map(|(i, _)| i)
}

fn mode_of(
    doc: &Doc,
    h: &Hit,
    range: &std::ops::Range<usize>,
    conds: &[std::ops::Range<usize>],
    kind: EventKind,
) -> Option<Mode> {
    let lo = h.first.saturating_sub(4).max(range.start);
    let before = lo..h.first;
    if before.clone().any(|k| {
        doc.is_any(k, &["not", "never", "no"])
            || doc.low(k).ends_with("n’t")
            || doc.low(k).ends_with("n't")
    }) {
        return Some(Mode::Negated);
    }
    if kind == EventKind::Threaten && conds.iter().any(|c| c.start > h.last) {
        return Some(Mode::Hypothetical);
    }
    if before
        .clone()
        .any(|k| doc.is_any(k, &["would", "could", "might"]))
    {
        return Some(Mode::Hypothetical);
    }
    if before.clone().any(|k| doc.is_any(k, &["will", "shall"]))
        || before.clone().any(|k| {
            doc.is(k, "to")
                && k > range.start
                && doc.is_any(
                    k - 1,
                    &[
                        "plans",
                        "plan",
                        "planned",
                        "set",
                        "expected",
                        "scheduled",
                        "due",
                        "going",
                    ],
                )
        })
    {
        return Some(Mode::Future);
    }
    None
}

/// The place of a trigger: a locative phrase in its clause nearest to it, or for occupations,
/// attacks and visits the place they are aimed at.
fn place_for(
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
    let range = &(range.start..end);
    let mut best: Option<(usize, usize, Option<u8>)> = None; // (distance, hit, precision)
    for k in range.clone() {
        if !doc.is_any(k, LOCATIVES) || inside_quote(inp.quotes, doc.tokens[k].span.start).is_some()
        {
            continue;
        }
        let Some(p) = place_after(inp, k + 1) else {
            continue;
        };
        let idx = hits.iter().position(|x| x.first == h.first).unwrap_or(0);
        if nearest_hit(hits, h.clause, (k, k + 1)) != Some(idx) {
            continue;
        }
        let precision = doc
            .is_any(k, &["near", "off", "outside", "around"])
            .then_some(2);
        let d = distance(h, (k, k + 1));
        if best.is_none_or(|(bd, ..)| d < bd) {
            best = Some((d, p, precision));
        }
    }
    if let Some((_, p, g)) = best {
        return Some((p, g));
    }
    if matches!(trig.kind, EventKind::Coerce | EventKind::Assault) || trig.verb.starts_with("visit")
    {
        let mut k = h.last + 1;
        while k < range.end && k <= h.last + 3 && doc.is_any(k, &["of", "the", "over"]) {
            k += 1;
        }
        if let Some(p) = place_after(inp, k) {
            return Some((p, None));
        }
    }
    None
}

/// For a test or drill by a state with no place named: that state's own territory.
fn home_country_place(inp: &Inputs, actors: &[usize]) -> Option<usize> {
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

/// Quotes in the sentence, and quotes of a participant in the sentences just before and after
/// it in the same or a neighbouring paragraph.
fn linked_quotes(inp: &Inputs, si: usize, parties: &[usize]) -> Vec<usize> {
    let doc = inp.doc;
    let here = &doc.sentences[si];
    let mut out = Vec::new();
    let from = doc.sentences[si.saturating_sub(1)].span.start;
    let to = doc
        .sentences
        .get(si + 1)
        .map_or(here.span.end, |s| s.span.end);
    let first = inp.quotes.partition_point(|q| q.span.start < from);
    for (qi, q) in inp
        .quotes
        .iter()
        .enumerate()
        .skip(first)
        .take_while(|(_, q)| q.span.start < to)
    {
        let Some(qs) = doc.sentence_at(q.span.start) else {
            continue;
        };
        if qs == si {
            out.push(qi);
            continue;
        }
        let near = qs + 1 == si || si + 1 == qs;
        let para_gap = doc.sentences[qs].paragraph.abs_diff(here.paragraph);
        if near && para_gap <= 1 && q.speaker.is_some_and(|s| parties.contains(&s)) {
            out.push(qi);
        }
    }
    out
}

/// Same event? Same kind and mode, the same people (or overlapping states when one side names
/// no people), dates that can be the same, places that can be the same.
fn compatible(a: &EventFound, b: &EventFound, table: &PartyTable) -> bool {
    if a.kind != b.kind || a.mode != b.mode {
        return false;
    }
    let people = |e: &EventFound| -> Vec<usize> {
        e.parties
            .iter()
            .copied()
            .filter(|&p| table.parties[p].kind == PartyKind::Person)
            .collect()
    };
    let (pa, pb) = (people(a), people(b));
    let shared = a.parties.iter().filter(|p| b.parties.contains(p)).count();
    let parties_ok = if !pa.is_empty() && !pb.is_empty() {
        let mut x = pa.clone();
        let mut y = pb.clone();
        x.sort();
        y.sort();
        x == y
    } else {
        // Without people on both sides, two shared parties (a pair of states) make it the same.
        a.parties.is_empty()
            || b.parties.is_empty()
            || shared >= 2.min(a.parties.len()).min(b.parties.len()).max(1) && shared >= 2
            || shared >= 1 && a.parties.len() == 1 && b.parties.len() == 1
    };
    let dates_ok = match (&a.date, &b.date) {
        (Some(x), Some(y)) => {
            let exact = |d: &DateRange| d.start.is_some() && d.end.is_some();
            if exact(x) && exact(y) {
                x.start == y.start && x.end == y.end
            } else {
                x.meets(y.first_day(), y.last_day())
            }
        }
        _ => true,
    };
    let places_ok = match (a.place, b.place) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    };
    parties_ok && dates_ok && places_ok
}

fn merge_into(m: &mut EventFound, e: EventFound) {
    for p in e.parties {
        push_unique(&mut m.parties, p);
    }
    for p in e.actors {
        push_unique(&mut m.actors, p);
    }
    for q in e.quotes {
        push_unique(&mut m.quotes, q);
    }
    for ev in e.evidence {
        if !m.evidence.contains(&ev) {
            m.evidence.push(ev);
        }
    }
    let closed = |d: &Option<DateRange>| {
        d.as_ref()
            .is_some_and(|d| d.start.is_some() && d.end.is_some())
    };
    if !closed(&m.date) && closed(&e.date) || m.date.is_none() {
        m.date = e.date;
    }
    if m.place.is_none() {
        m.place = e.place;
        m.geo_precision = e.geo_precision;
    }
    if m.unnamed_subject.is_none() {
        m.unnamed_subject = e.unnamed_subject;
    }
    // Several mentions make an event more certain.
    m.confidence = (m.confidence.max(e.confidence) + 0.05).min(0.95);
}

/// A short name for titles: a person's surname as the text uses it alone, a state's name.
fn short_name(inp: &Inputs, p: usize) -> String {
    let info = &inp.parties.parties[p];
    if info.kind == PartyKind::Person {
        // "Ferdinand Marcos Jr." is Marcos, not Jr.
        const SUFFIXES: &[&str] = &["Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"];
        let tokens: Vec<&String> = info
            .name_tokens
            .iter()
            .filter(|t| !SUFFIXES.contains(&t.as_str()))
            .collect();
        for t in tokens.iter().rev() {
            let used_alone = inp
                .parties
                .mentions
                .iter()
                .any(|m| m.party == p && inp.doc.slice(m.span) == t.as_str());
            if used_alone {
                return (*t).clone();
            }
        }
        return tokens
            .last()
            .map(|t| (*t).clone())
            .unwrap_or_else(|| info.name.clone());
    }
    info.name.clone()
}

/// "Kishida and Yoon meet in Cambodia", "Kishida and Yoon condemn North Korea".
fn title(inp: &Inputs, e: &EventFound) -> String {
    let table = inp.parties;
    let verb = e.verb;
    // People and ministries speak for their states: list them, and states only when none does.
    let names_of = |ps: &[usize]| -> Vec<String> {
        let people_states: Vec<&str> = ps
            .iter()
            .filter(|&&p| {
                matches!(
                    table.parties[p].kind,
                    PartyKind::Person | PartyKind::Organization
                )
            })
            .filter_map(|&p| table.parties[p].country.as_deref())
            .collect();
        let covered = |p: usize| {
            let info = &table.parties[p];
            info.kind == PartyKind::State
                && info
                    .country
                    .as_deref()
                    .is_some_and(|c| people_states.contains(&c))
        };
        let mut out: Vec<String> = Vec::new();
        for &p in ps {
            let name = short_name(inp, p);
            if !covered(p) && !out.contains(&name) {
                out.push(name);
            }
        }
        out
    };
    // Meetings and agreements are mutual: "Virtanen and Rojas meet", not "Virtanen meets Rojas".
    let mut e_actors = e.actors.clone();
    if matches!(
        e.kind,
        EventKind::Consult | EventKind::Agree | EventKind::Cooperate
    ) {
        for &p in &e.parties {
            if table.parties[p].kind == PartyKind::Person && !e_actors.contains(&p) {
                e_actors.push(p);
            }
        }
    }
    let actors = names_of(&e_actors);
    let actor_states: Vec<&str> = e_actors
        .iter()
        .filter_map(|&p| table.parties[p].country.as_deref())
        .collect();
    let targets: Vec<usize> = e
        .parties
        .iter()
        .copied()
        .filter(|p| !e_actors.contains(p))
        .filter(|&p| {
            !(table.parties[p].kind == PartyKind::State
                && table.parties[p]
                    .country
                    .as_deref()
                    .is_some_and(|c| actor_states.contains(&c)))
        })
        .collect();
    let targets = names_of(&targets);
    let plural = actors.len() != 1;
    // "Hickson sentenced", "Orujov charged": the one it was done to, with no agent named.
    if let Some(participle) = e
        .passive
        .filter(|_| actors.is_empty() && !targets.is_empty())
    {
        let mut t = format!("{} {participle}", list(&targets));
        if let Some(p) = e.place.filter(|_| !e.place_from_dateline) {
            t.push_str(&format!(" in {}", inp.rec.places[p].name));
        }
        return t;
    }
    // "forced to work" is passive: the people named were forced.
    if verb == "force"
        && let Some(w) = word_after(inp, e, &["forced", "to"])
    {
        let who = if actors.is_empty() {
            "People".to_owned()
        } else {
            list(&actors)
        };
        return format!("{who} forced to {w}");
    }
    let mut t = match list(&actors) {
        s if s.is_empty() => match &e.unnamed_subject {
            Some((who, plural)) => format!("{who} {}", conjugate(verb, *plural, e.mode)),
            None => format!("{}: {}", e.kind.label(), conjugate(verb, true, e.mode)),
        },
        s => format!("{s} {}", conjugate(verb, plural, e.mode)),
    };
    let takes_object = matches!(
        e.kind,
        EventKind::Consult
            | EventKind::Accuse
            | EventKind::Request
            | EventKind::Threaten
            | EventKind::Sanction
            | EventKind::Assault
            | EventKind::Support
            | EventKind::Reject
            | EventKind::Coerce
    );
    if takes_object && !targets.is_empty() {
        let prep = if !verb.contains(' ') {
            ""
        } else {
            match e.kind {
                EventKind::Threaten => " against",
                EventKind::Sanction | EventKind::Assault => " on",
                _ => " with",
            }
        };
        t.push_str(&format!("{prep} {}", list(&targets)));
    }
    if let Some(p) = e.place.filter(|_| !e.place_from_dateline) {
        let place = &inp.rec.places[p];
        let prep = if e.geo_precision == Some(2) {
            "near"
        } else {
            "in"
        };
        let name = if matches!(place.kind, PlaceKind::Line | PlaceKind::Sea)
            || place.name.split(' ').count() > 1 && place.kind == PlaceKind::Region
        {
            format!("the {}", place.name)
        } else {
            place.name.clone()
        };
        if !t.contains(&place.name) {
            t.push_str(&format!(" {prep} {name}"));
        }
    }
    t
}

/// The word after `words` in the event's first evidence sentence.
fn word_after(inp: &Inputs, e: &EventFound, words: &[&str]) -> Option<String> {
    let doc = inp.doc;
    let si = doc.sentence_at(e.evidence.first()?.start)?;
    let s = &doc.sentences[si];
    let i = s
        .tokens
        .clone()
        .find(|&i| words.iter().enumerate().all(|(k, w)| doc.is(i + k, w)))?;
    let j = i + words.len();
    (j < s.tokens.end && doc.tokens[j].kind == TokenKind::Word).then(|| doc.tok(j).to_owned())
}

/// "A", "A and B", "A, B and C", "A, B and others".
fn list(names: &[String]) -> String {
    match names.len() {
        0 => String::new(),
        1 => names[0].clone(),
        2 => format!("{} and {}", names[0], names[1]),
        3 => format!("{}, {} and {}", names[0], names[1], names[2]),
        _ => format!("{}, {} and others", names[0], names[1]),
    }
}

fn conjugate(verb: &str, plural: bool, mode: Option<Mode>) -> String {
    let (head, rest) = verb.split_once(' ').map_or((verb, ""), |(h, r)| (h, r));
    let head = match mode {
        Some(Mode::Negated) => format!("{} {head}", if plural { "do not" } else { "does not" }),
        Some(Mode::Future) => format!("will {head}"),
        Some(Mode::Hypothetical) if !matches!(head, "vow" | "warn" | "threaten") => {
            format!("would {head}")
        }
        _ if plural => head.to_owned(),
        _ if head.ends_with('s')
            || head.ends_with("sh")
            || head.ends_with("ch")
            || head.ends_with('x') =>
        {
            format!("{head}es")
        }
        _ if head.ends_with('y') && !head.ends_with("ey") && !head.ends_with("ay") => {
            format!("{}ies", &head[..head.len() - 1])
        }
        _ => format!("{head}s"),
    };
    if rest.is_empty() {
        head
    } else {
        format!("{head} {rest}")
    }
}
