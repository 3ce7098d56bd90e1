//! Who takes part in an event: the subject before the trigger (after any "X said that" frame),
//! the objects after it, causees ("prompted Japan to …"), passive agents ("by police"), the
//! possessor of a noun ("North Korea’s missile launch"), and group nouns when no party is named.

use super::clauses::{in_any, token_span};
use super::triggers::LIGHT_VERBS;
use super::{Hit, Inputs};
use crate::extract::hits::Recognised;
use crate::extract::lexicon::among;
use crate::extract::parties::PartyTable;
use crate::extract::quotes::inside_quote;
use crate::extract::sentences::{Doc, TokenKind};
use crate::model::{PartyKind, Span};

/// Nouns ending in "-ly" that are no adverbs ("the family", "the assembly").
const LY_NOUNS: &[&str] = &[
    "family", "assembly", "rally", "ally", "supply", "reply", "monopoly", "anomaly",
];

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
    "reports",
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
    // Knowing or learning of something: "we know already that 60 were injured".
    "know",
    "knows",
    "knew",
    "learned",
    "learnt",
    "heard",
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
        if is_attribution(doc, t, m.span.end)
            || describes_a_thing(doc, m.span.end)
            || posted_to(doc, t)
            || owns_the_place(inp, t, m.span.end, m.party)
            || is_venue(inp, t, m.span)
        {
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
/// "exploded in Afghanistan's Khowst province", "shelling in Syria's north": a state named as
/// the owner of where it happened is the setting, not a party to it.
/// "met Netanyahu at the White House", "talks inside the Kremlin": a building that speaks for a
/// government is where the event happens after a preposition of place, not a participant.
/// (Not what is fired or thrown at: "protesters threw stones at the Kremlin".)
fn is_venue(inp: &Inputs, t: usize, span: Span) -> bool {
    let doc = inp.doc;
    let Some(p) = t.checked_sub(1 + usize::from(t > 0 && doc.is(t - 1, "the"))) else {
        return false;
    };
    let at = doc.is(p, "at")
        && !(p > 0
            && (doc.is_any(
                p - 1,
                &[
                    "fire", "fired", "firing", "shot", "shooting", "aimed", "threw", "thrown",
                    "hurled", "lobbed", "launched", "directed", "angry", "shouted",
                ],
            ) || doc.is_any(p - 1, crate::extract::lexicon::PROJECTILES)));
    (at || doc.is_any(p, &["inside", "outside", "near"]))
        && inp
            .rec
            .places
            .binary_search_by_key(&span.start, |h| h.span.start)
            .is_ok()
}

fn owns_the_place(inp: &Inputs, t: usize, end: usize, party: usize) -> bool {
    let doc = inp.doc;
    if inp.parties.parties[party].kind != PartyKind::State || t == 0 {
        return false;
    }
    let poss = doc.token_at_or_after(end);
    let place_word = |k: usize| {
        doc.tokens.get(k).is_some_and(|x| x.kind == TokenKind::Word)
            && (doc.tokens[k].cap
                || doc.is_any(
                    k,
                    &[
                        "capital",
                        "province",
                        "region",
                        "north",
                        "south",
                        "east",
                        "west",
                        "northern",
                        "southern",
                        "eastern",
                        "western",
                        "central",
                        "northeast",
                        "northwest",
                        "southeast",
                        "southwest",
                        "border",
                        "coast",
                        "city",
                    ],
                ))
    };
    doc.tokens
        .get(poss)
        .is_some_and(|x| x.kind == TokenKind::Possessive)
        && place_word(poss + 1)
        && doc.is_any(
            t - 1,
            &[
                "in",
                "at",
                "near",
                "into",
                "across",
                "throughout",
                "inside",
                "outside",
            ],
        )
}

/// "Iran's ambassador to Lebanon", "the UN envoy to Yemen": where an envoy is posted takes no
/// part in what is done to the envoy.
fn posted_to(doc: &Doc, t: usize) -> bool {
    t >= 2 && doc.is(t - 1, "to") && doc.is_any(t - 2, ENVOYS)
}

/// People a state sends to another.
const ENVOYS: &[&str] = &[
    "ambassador",
    "ambassadors",
    "envoy",
    "envoys",
    "consul",
    "emissary",
    "representative",
    "delegate",
    "delegation",
];

/// "a US-flagged container ship", "a Greek-owned tanker": the mention ending at byte `end`
/// only describes a thing, and takes no part in what is done with it.
fn describes_a_thing(doc: &Doc, end: usize) -> bool {
    let text = doc.text.as_bytes();
    if text.get(end) != Some(&b'-') {
        return false;
    }
    let rest = &doc.text[end + 1..];
    let word: &str = rest
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    matches!(
        word.to_ascii_lowercase().as_str(),
        "flagged" | "registered" | "owned" | "built" | "made" | "based"
    )
}
/// True when the mention from token `t` to byte `end` only says who reports the sentence:
/// "…, Reuters reported." or "according to Reuters". The source is no participant.
fn is_attribution(doc: &Doc, t: usize, end: usize) -> bool {
    let after = doc.token_at_or_after(end);
    let trailing = t > 0 && doc.is(t - 1, ",") && doc.is_any(after, FRAME_VERBS);
    let according = t >= 2 && doc.is(t - 2, "according") && doc.is(t - 1, "to");
    // "According to Yonhap, quoting North Korea's news agency KCNA, …": whom a report quotes
    // is its source too.
    let quoting = (t.saturating_sub(8)..t)
        .rev()
        .find(|&k| doc.is(k, "quoting"))
        .is_some_and(|q| {
            !(q + 1..t).any(|k| doc.is_any(k, &[",", "and", "that", "saying", "said", "says"]))
        });
    // "Al Arabiya, quoting a Syrian army source, …": who quotes reports.
    let reporting = doc.is(after, ",") && doc.is(after + 1, "quoting");
    trailing || according || quoting || reporting
}
/// The words of `from..to` (those before a verb) that are its subject: past an opening phrase
/// ("After a visit to Kenya, Annan warned"), without an aside between commas ("Ruto, a leader
/// of a group the BBC named, dismissed"), but with all of a list ("Japan, China and Korea").
pub(super) fn subject_range(
    inp: &Inputs,
    from: usize,
    to: usize,
    skip: &[std::ops::Range<usize>],
) -> std::ops::Range<usize> {
    let doc = inp.doc;
    let free =
        |k: usize| !in_any(skip, k) && inside_quote(inp.quotes, doc.tokens[k].span.start).is_none();
    let from = past_dated_opening(inp, from, to);
    let mut segs: Vec<std::ops::Range<usize>> = Vec::new();
    let mut start = from;
    for k in from..to {
        if doc.is(k, ",") && free(k) {
            segs.push(start..k);
            start = k + 1;
        }
    }
    segs.push(start..to);
    if segs.len() == 1 {
        return from..to;
    }
    let named = |r: &std::ops::Range<usize>| !parties_in(inp, r.start, r.end, skip).is_empty();
    // Words that leave a segment empty of a subject: ", has since said", ", also warned".
    let bare = |r: &std::ops::Range<usize>| {
        let words: Vec<usize> = r.clone().filter(|&k| free(k)).collect();
        words.len() <= 3 && words.iter().all(|&k| !doc.tokens[k].cap) && !named(r)
    };
    let n = segs.len();
    let tail = &segs[n - 1];
    // ", killing 30": a participle after a comma has the whole clause before it as subject.
    if tail.is_empty() && doc.low(to).ends_with("ing") {
        return from..to;
    }
    let chosen = if !named(tail) {
        // "Ruto, a leader of …, dismissed" (nothing between the aside and the verb), "Biti,
        // appeared in court after being arrested": the segment before the aside, unless
        // the aside adds a party of its own ("Abe, along with Obama, signed").
        let aside = &segs[n - 2];
        if doc.is_any(aside.start, &["along", "together", "and", "or"]) {
            return from..to;
        }
        // "forty African leaders, including Kofi Annan, criticized": the aside names some of
        // the subject, which acts as a whole.
        if doc.is(aside.start, "including") && n >= 3 {
            return segs[n - 3].clone();
        }
        // "Two lawmakers from Ireland, Lynn Boylann and Nessa Childers, endorsed": an aside
        // of names only names the subject.
        if names_only(inp, aside, skip) {
            return aside.clone();
        }
        let relative = doc.is_any(aside.start, &["who", "whom", "whose", "which"]);
        if !bare(tail) && !relative && !doc.is_any(aside.start, &["a", "an", "the"]) {
            return from..to;
        }
        match (0..n - 2)
            .rev()
            .find(|&i| named(&segs[i]) && !doc.is_any(segs[i].start, OPENERS))
        {
            Some(i) => i,
            // "The rebels, whom NATO has accused of …, attacked": an unnamed subject before a
            // relative clause, whose own parties take no part.
            None if relative => return segs[n - 3].clone(),
            // "In the West Bank, hundreds protested": an opening phrase of setting (after any
            // "Meanwhile,") is no subject.
            None if bare(tail)
                && (0..n - 1).any(|i| doc.is_any(segs[i].start, OPENERS))
                && (0..n - 1).all(|i| doc.is_any(segs[i].start, OPENERS) || bare(&segs[i])) =>
            {
                return tail.clone();
            }
            None => return from..to,
        }
    } else if doc.is_any(tail.start, &["a", "an", "the"]) && is_one_name(inp, &segs[n - 2], skip) {
        // "Bertie Ahern, the Prime Minister of Ireland visited": a name and its apposition.
        return segs[n - 2].start..to;
    } else {
        n - 1
    };
    // A list: "Japan, China and South Korea agreed", "with Libya, France, and the United
    // States providing support".
    let mut first = chosen;
    let mut start = segs[chosen].start;
    if segs[chosen].clone().any(|k| doc.is_any(k, &["and", "or"])) {
        while first > 0 && is_one_name(inp, &segs[first - 1], skip) {
            first -= 1;
        }
        start = segs[first].start;
        if first < chosen
            && first > 0
            && let Some(m) = inp
                .parties
                .mentions_in(token_span(doc, segs[first - 1].start, segs[first - 1].end))
                .last()
            && doc.token_at_or_after(m.span.end) == segs[first - 1].end
            && let Some(t) = doc.token_containing(m.span.start)
        {
            start = t;
        }
    }
    start..segs[chosen].end
}
/// Past an opening phrase that ends on its date with no comma ("In an address to the UN in New
/// York on September 20, 2006 Hugo Chávez criticized", "In a letter to the UN on Monday the
/// Kremlin accused"): the name after the date begins the subject. `from` if there is none.
fn past_dated_opening(inp: &Inputs, from: usize, to: usize) -> usize {
    let doc = inp.doc;
    if !doc.is_any(from, OPENERS) {
        return from;
    }
    inp.dates
        .iter()
        .filter(|d| d.tokens.0 > from && d.tokens.1 + 1 < to)
        .map(|d| d.tokens.1 + 1)
        .find(|&k| {
            let name = if doc.is(k, "the") { k + 1 } else { k };
            name < to
                && doc.tokens[name].cap
                && inp
                    .parties
                    .mentions_in(token_span(doc, name, name + 1))
                    .next()
                    .is_some_and(|m| m.span.start == doc.tokens[name].span.start)
        })
        .unwrap_or(from)
}
/// The relative pronoun (one of `pronouns`) whose clause the verb at `verb` is the verb of:
/// only auxiliaries, adverbs and another verb of the same clause between ("who were injured
/// and killed"), not a subject of its own ("in which he praised").
fn relative_pronoun_of(
    doc: &Doc,
    from: usize,
    verb: usize,
    pronouns: &'static [&'static str],
) -> Option<usize> {
    let lo = verb.saturating_sub(4).max(from);
    let r = (lo..verb).rev().find(|&k| doc.is_any(k, pronouns))?;
    let verbal = |k: usize| {
        let w = doc.low(k);
        doc.tokens[k].kind == TokenKind::Word
            && !doc.tokens[k].cap
            && (doc.is_any(k, AUXILIARIES)
                || doc.is_any(k, RELATIVE_LINKS)
                || w.ends_with("ed")
                || w.ends_with("ly")
                || w.ends_with("ing"))
    };
    (r + 1..verb).all(verbal).then_some(r)
}
/// The verb at `verb` is that of a relative clause ("a ship that was hijacked by pirates").
pub(super) fn in_relative_clause(doc: &Doc, from: usize, verb: usize) -> bool {
    relative_pronoun_of(doc, from, verb, &["who", "which", "that"]).is_some()
}
/// Parties of `range` less those named only as a person's affiliation: in "former UN envoy
/// Hal Brenner" or "Egypt's acting prime minister Ahmed Shafik" the person acts, not the body
/// or state (a person's own state joins the event as a participant later).
pub(super) fn without_affiliations(
    inp: &Inputs,
    range: &std::ops::Range<usize>,
    parties: Vec<usize>,
) -> Vec<usize> {
    let doc = inp.doc;
    let table = inp.parties;
    let mentions: Vec<_> = table
        .mentions_in(token_span(doc, range.start, range.end))
        .collect();
    let affiliation = |i: usize| {
        let m = mentions[i];
        let Some(next) = mentions.get(i + 1) else {
            return false;
        };
        if table.parties[next.party].kind != PartyKind::Person || next.party == m.party {
            return false;
        }
        let a = doc.token_at_or_after(m.span.end);
        let Some(b) = doc.token_containing(next.span.start) else {
            return false;
        };
        b >= a
            && b - a <= 4
            && (a..b).all(|k| {
                (doc.tokens[k].kind == TokenKind::Word
                    && !doc.is_any(k, &["and", "or", "with", "by", "to"]))
                    || doc.tokens[k].kind == TokenKind::Possessive
            })
    };
    let only_affiliation = |p: usize| {
        table.parties[p].kind != PartyKind::Person
            && mentions.iter().any(|m| m.party == p)
            && (0..mentions.len())
                .filter(|&i| mentions[i].party == p)
                .all(affiliation)
    };
    let kept: Vec<usize> = parties
        .iter()
        .copied()
        .filter(|&p| !only_affiliation(p))
        .collect();
    if kept.is_empty() { parties } else { kept }
}
/// The subject of a verb in a relative clause ("the victims who were injured", "Smith, who
/// had met Jones,"): `Some` of the party named right before "who"/"which", or `Some(None)`
/// when no party is named there; `None` when the verb at `verb` is in no relative clause.
pub(super) fn relative_subject(inp: &Inputs, from: usize, verb: usize) -> Option<Option<usize>> {
    let doc = inp.doc;
    let r = relative_pronoun_of(doc, from, verb, &["who", "which"])?;
    let before = if r > from && doc.is(r - 1, ",") {
        r - 1
    } else {
        r
    };
    if before == 0 {
        return Some(None);
    }
    Some(
        inp.parties
            .mention_ending_at(doc.tokens[before - 1].span.end)
            .map(|m| m.party),
    )
}
/// Auxiliaries and adverbs between a subject and its verb ("were reportedly killed").
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
    // "30 hostages were still killed", "had already fled".
    "still",
    "already",
    "subsequently",
    // "Sixteen people were reported killed", "are feared dead", "is believed to".
    "reported",
    "believed",
    "feared",
    "confirmed",
    "presumed",
    "known",
    // "The rebels will not release", "won't agree": the modals of a refusal.
    "will",
    "would",
    "not",
    "never",
    "won't",
    "won’t",
    "wouldn't",
    "wouldn’t",
    "does",
    "do",
];
/// Modals and links that may also stand between a relative pronoun and its verb ("who would
/// not have", "who were injured and killed").
const RELATIVE_LINKS: &[&str] = &["will", "would", "could", "may", "might", "not", "and"];
/// Words that open a phrase which is no subject: "In Tokyo,", "After the talks,".
const OPENERS: &[&str] = &[
    "in",
    "on",
    "at",
    "after",
    "before",
    "during",
    "following",
    "despite",
    "since",
    "while",
    "when",
    "as",
    "with",
    "without",
    "from",
    "under",
    "amid",
    "over",
    "for",
    "meanwhile",
    "however",
    "but",
    "although",
    "though",
    "because",
    "if",
    "by",
];
/// Is `r` only names ("Lynn Boylann and Nessa Childers", "Professor Gabriela Shalev"), with a
/// person among them?
fn names_only(inp: &Inputs, r: &std::ops::Range<usize>, skip: &[std::ops::Range<usize>]) -> bool {
    let doc = inp.doc;
    let people = parties_in(inp, r.start, r.end, skip)
        .iter()
        .any(|&p| inp.parties.parties[p].kind == PartyKind::Person);
    people
        && r.clone()
            .all(|k| doc.tokens[k].cap || doc.is_any(k, &["and", "of", "."]))
}
/// Is `r` one party's name and nothing else ("the United States", "Japan")?
fn is_one_name(inp: &Inputs, r: &std::ops::Range<usize>, skip: &[std::ops::Range<usize>]) -> bool {
    let doc = inp.doc;
    if r.is_empty() || parties_in(inp, r.start, r.end, skip).len() != 1 {
        return false;
    }
    let span = token_span(doc, r.start, r.end);
    let covered: Vec<Span> = inp.parties.mentions_in(span).map(|m| m.span).collect();
    r.clone().all(|k| {
        doc.is(k, "the")
            || covered
                .iter()
                .any(|c| c.start <= doc.tokens[k].span.start && doc.tokens[k].span.end <= c.end)
    })
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
/// Participles that describe a group rather than tell what it did ("suspected militants",
/// "armed men").
const ADJECTIVAL_PARTICIPLES: &[&str] = &[
    "armed",
    "unarmed",
    "suspected",
    "alleged",
    "unidentified",
    "masked",
    "hooded",
    "uniformed",
    "wounded",
    "injured",
    "displaced",
    "detained",
    "jailed",
    "exiled",
    "accused",
    "retired",
    "elected",
    "unnamed",
    "organised",
    "organized",
    "trained",
];

pub(super) fn unnamed_subject(
    doc: &Doc,
    rec: &Recognised,
    clause_start: usize,
    trigger: usize,
    skip: &[std::ops::Range<usize>],
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
        "whose",
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
        "says",
        "say",
        "saying",
        "reported",
        "reports",
        "showed",
        "showing",
        "shows",
        "soon",
        "later",
        "hundreds",
        "thousands",
        "dozens",
        "some",
        "many",
        "several",
        // "After al-Shabab militants attacked …": a word that opens a clause.
        "after",
        "before",
        "following",
        "during",
        "as",
        "when",
        "while",
        "since",
        "if",
        "because",
        // "clashes left 20 people injured": the verb that left them so.
        "left",
        "leaving",
        "leaves",
    ];
    let mut head = trigger.checked_sub(1).filter(|&h| h >= clause_start)?;
    // Back over auxiliaries, adverbs ("are currently suing") and dates ("politicians this
    // past weekend asked").
    let group_word = |k: usize| doc.is_any(k, GROUP_NOUNS) || doc.is_any(k, THING_NOUNS);
    while head > clause_start
        && (doc.is_any(head, AUXILIARIES)
            || in_any(skip, head)
            || in_any(skip, head + 1)
                && doc.is_any(head, &["on", "in", "this", "last", "late", "early", "past"])
            || doc.low(head).ends_with("ly")
                && doc.low(head).len() > 4
                && !doc.tokens[head].cap
                && !group_word(head)
                && !doc.is_any(head, LY_NOUNS))
    {
        head -= 1;
    }
    // "Riot police responded by firing tear gas": who answered so did it.
    if head >= clause_start + 2
        && doc.is(head, "by")
        && doc.is_any(
            head - 1,
            &["responded", "retaliated", "reacted", "replied", "answered"],
        )
    {
        head -= 2;
    }
    // "Critics of the package have faulted": the group the "of" phrase hangs on.
    // (The cheap tests first: this runs for every verb.)
    let mut named_of = None;
    if let Some(of) = (head.saturating_sub(3).max(clause_start + 1)..head)
        .rev()
        .find(|&k| doc.is(k, "of"))
        && (of + 1..=head).all(|k| doc.tokens[k].kind == TokenKind::Word)
        && !doc.is_any(head, &["those", "these", "them", "it", "us", "whom"])
        && group_word(of - 1)
        && !group_word(head)
    {
        // "opponents of the Bill": what they are opponents of, if it has a name, stays in
        // the group's name.
        // ("Members of the Taliban" are the Taliban.)
        if doc.is_any(
            of - 1,
            &[
                "opponents",
                "critics",
                "supporters",
                "backers",
                "proponents",
                "foes",
            ],
        ) && (of + 1..=head).all(|k| doc.tokens[k].cap || doc.is(k, "the"))
        {
            named_of = Some(head);
        }
        head = of - 1;
    }
    // "Iraqi security forces (ISF) battled": past the short form in brackets.
    if head >= clause_start + 3 && doc.is(head, ")") && doc.is(head - 2, "(") {
        head -= 3;
    }
    // "protesters — twice the figure expected — marched": past an aside between dashes.
    const DASHES: &[&str] = &["—", "–", "--"];
    if head > clause_start
        && doc.is_any(head, DASHES)
        && let Some(open) = (head.saturating_sub(16).max(clause_start)..head)
            .rev()
            .find(|&k| doc.is_any(k, DASHES))
        && open > clause_start
    {
        head = open - 1;
    }
    // "forty African leaders, including Kofi Annan, criticized": past the aside of examples.
    if head > clause_start
        && doc.is(head, ",")
        && let Some(open) = (head.saturating_sub(16).max(clause_start)..head)
            .rev()
            .find(|&k| doc.is(k, ","))
        && open > clause_start
        && doc.is(open + 1, "including")
    {
        head = open - 1;
    }
    // "freed by US commandos who killed three", "a container ship that was hijacked": the
    // noun a relative clause hangs on.
    if head > clause_start && doc.is_any(head, &["who", "that", "which"]) {
        head -= 1;
        if head > clause_start && doc.is(head, ",") {
            head -= 1;
        }
    }
    // "Debris believed to belong to a plane washed ashore": a noun after "to" ends a
    // describing phrase; the subject is the noun the phrase describes.
    if head >= clause_start + 2
        && doc.is_any(head - 1, &["a", "an", "the"])
        && doc.is(head - 2, "to")
        && let Some(k) = (head.saturating_sub(8).max(clause_start)..head - 2)
            .find(|&k| group_word(k) && (k == clause_start || doc.is_any(k - 1, STOPS)))
    {
        head = k;
    }
    // "In the West Bank, hundreds protested": a bare count of people acts as a group.
    let bare_count = doc.is_any(head, &["hundreds", "thousands", "dozens", "scores"])
        && (head == clause_start
            || doc.tokens[head - 1].kind == TokenKind::Punct
            || doc.is_any(head - 1, &["and", "but", "then", "as", "when", "while"]));
    if !doc.is_any(head, GROUP_NOUNS) && !doc.is_any(head, THING_NOUNS) && !bare_count {
        return None;
    }
    let mut k = head;
    while k > clause_start
        && head - k < 2
        && matches!(doc.tokens[k - 1].kind, TokenKind::Word | TokenKind::Number)
        && !doc.is_any(k - 1, STOPS)
        && !doc.low(k - 1).ends_with("ly")
        // "Police freed prisoners": a verb with a subject before it is no modifier ("the
        // detained journalists", "two armed men" have one).
        && !(k >= clause_start + 2
            && !doc.tokens[k - 1].cap
            && doc.low(k - 1).ends_with("ed")
            && !doc.is_any(k - 1, ADJECTIVAL_PARTICIPLES)
            && doc.tokens[k - 2].kind == TokenKind::Word
            && doc.tokens[k - 2].cap
            && !doc.low(k - 2).ends_with("ly")
            && !doc.is_any(k - 2, super::DETERMINERS))
    {
        k -= 1;
    }
    // "women and other protesters": the group is the protesters; "prominent African
    // leaders" are African leaders, whatever the text thinks of them.
    if k < head
        && doc.is_any(
            k,
            &[
                "other",
                "another",
                "prominent",
                "leading",
                "influential",
                "notable",
            ],
        )
    {
        k += 1;
    }
    // "Nkunda's forces declared a ceasefire": a person's armed following is a group of its
    // own, which acts; whose it is stays in its name.
    if k == head
        && k >= clause_start + 2
        && doc.is_any(head, FOLLOWINGS)
        && doc.tokens[k - 1].kind == TokenKind::Possessive
        && doc.tokens[k - 2].cap
        && !in_hit(rec, doc.tokens[k - 2].span)
    {
        k -= 2;
        while k > clause_start
            && head - k < 5
            && doc.tokens[k - 1].cap
            && doc.tokens[k - 1].kind == TokenKind::Word
            && !doc.is_any(k - 1, STOPS)
        {
            k -= 1;
        }
    }
    // "at least sixty people": the count keeps its "at least".
    if k > clause_start && doc.is(k, "least") && doc.is(k - 1, "at") {
        k -= 1;
    }
    // "More than 200 people": so does it its "more than", even opening the sentence.
    if k > clause_start && doc.is(k, "than") && doc.is_any(k - 1, &["more", "fewer", "less"]) {
        k -= 1;
    }
    // "A 6.1 magnitude earthquake", "a 6,000-strong crowd": a number is whole, never its last
    // digits alone.
    if k >= clause_start + 2
        && doc.low(k).starts_with(|c: char| c.is_ascii_digit())
        && doc.is_any(k - 1, &[".", ","])
        && doc.tokens[k - 2].kind == TokenKind::Number
        && doc.tokens[k - 1].span.start == doc.tokens[k - 2].span.end
        && doc.tokens[k].span.start == doc.tokens[k - 1].span.end
    {
        k -= 2;
    }
    let mut g = GroupRef::new(doc, rec, k, head);
    if let Some(end) = named_of {
        g.extend_to(doc, end);
    }
    Some(g)
}

/// "protesters and police officers": the people group `g` joined by "and" to the one before
/// it, as one group.
pub(super) fn with_coordinated(
    doc: &Doc,
    rec: &Recognised,
    g: GroupRef,
    clause_start: usize,
) -> GroupRef {
    let first = doc.token_at_or_after(g.span.start);
    if !g.people || first < clause_start + 2 || !doc.is(first - 1, "and") {
        return g;
    }
    match unnamed_subject(doc, rec, clause_start, first - 1, &[]) {
        // (The joined group opens the clause: not "The army freed 20 hostages and three
        // soldiers were wounded", where the hostages are the freeing's object.)
        Some(left)
            if left.people
                && left.span.end == doc.tokens[first - 2].span.end
                && doc
                    .token_at_or_after(left.span.start)
                    .checked_sub(1)
                    .is_none_or(|b| {
                        b < clause_start
                            || doc.is_any(b, &[",", ";", ":", "that"])
                            || doc.is_any(b, crate::extract::lexicon::SPEECH_VERBS)
                    }) =>
        {
            let last = doc.token_at_or_after(g.span.end) - 1;
            let mut both = GroupRef::new(doc, rec, doc.token_at_or_after(left.span.start), last);
            both.plural = true;
            both
        }
        _ => g,
    }
}

/// Groups that follow someone and act for them ("Nkunda's forces", "Haddad's supporters").
const FOLLOWINGS: &[&str] = &[
    "forces",
    "troops",
    "fighters",
    "rebels",
    "militia",
    "militiamen",
    "men",
    "supporters",
    "followers",
    "loyalists",
    "guards",
    "bodyguards",
];

/// "the rebels of General Laurent Nkunda", "supporters of President Maduro": a person's
/// following, named with whose it is (`g` ends at token `head`, the phrase by `end`).
pub(super) fn with_whose(
    doc: &Doc,
    rec: &Recognised,
    mut g: GroupRef,
    head: usize,
    end: usize,
) -> GroupRef {
    if doc.is_any(head, FOLLOWINGS) && head + 2 < end && doc.is(head + 1, "of") {
        let last = (head + 2..end.min(head + 6))
            .take_while(|&k| {
                doc.tokens[k].cap
                    && doc.tokens[k].kind == TokenKind::Word
                    && !in_hit(rec, doc.tokens[k].span)
            })
            .last();
        if let Some(last) = last {
            g.extend_to(doc, last);
        }
    }
    g
}

/// A place or nationality word covers `span`: a state's, not a person's, name.
fn in_hit(rec: &Recognised, span: Span) -> bool {
    // Both lists are sorted by start: only the hit starting last at or before the span can
    // cover it (hits do not overlap), so a long article stays linear.
    let covers = |s: Span| s.start <= span.start && span.end <= s.end;
    let place = rec.places.partition_point(|p| p.span.start <= span.start);
    let demonym = rec.demonyms.partition_point(|d| d.span.start <= span.start);
    place
        .checked_sub(1)
        .is_some_and(|i| covers(rec.places[i].span))
        || demonym
            .checked_sub(1)
            .is_some_and(|i| covers(rec.demonyms[i].span))
}

/// The group a passive's "by" names when no party does: "detained by police", "abducted by
/// six armed militiamen" (not "by a gathering of supporters", whose head is no group).
pub(super) fn agent_group(doc: &Doc, rec: &Recognised, by: usize, end: usize) -> Option<GroupRef> {
    let mut first = by + 1;
    while first < end && doc.is_any(first, &["the", "a", "an"]) {
        first += 1;
    }
    // "counter-demonstrators": a compound whose last part is a group noun.
    let group = |k: usize| {
        doc.is_any(k, GROUP_NOUNS)
            || doc
                .low(k)
                .rsplit_once('-')
                .is_some_and(|(_, last)| among(last, GROUP_NOUNS))
    };
    let mut head = first;
    while head < end && head - first < 4 {
        if group(head) {
            // "police officers": the last of a run of group nouns.
            while head + 1 < end && group(head + 1) {
                head += 1;
            }
            return Some(with_whose(
                doc,
                rec,
                GroupRef::new(doc, rec, first, head),
                head,
                end,
            ));
        }
        let t = doc.tokens[head];
        if !matches!(t.kind, TokenKind::Word | TokenKind::Number)
            || doc.is_any(
                head,
                &["of", "and", "or", "in", "on", "at", "who", "which", "that"],
            )
        {
            return None;
        }
        head += 1;
    }
    None
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
    /// The groups "and" joins in it ("protesters" and "police officers" in "Over 200
    /// protesters and police officers"), or itself.
    pub fn sides(&self) -> Vec<GroupRef> {
        let Some(at) = self.words.find(" and ") else {
            return vec![self.clone()];
        };
        let start = self.span.start;
        let left = GroupRef {
            words: self.words[..at].to_owned(),
            span: Span::new(start, start + at),
            ..self.clone()
        };
        let right = GroupRef {
            words: self.words[at + 5..].to_owned(),
            span: Span::new(start + at + 5, self.span.end),
            ..self.clone()
        };
        // (Both sides are people: not "supporters of Hamas and Fatah".)
        let people = |g: &GroupRef| {
            g.words
                .rsplit(' ')
                .next()
                .is_some_and(|w| among(&w.to_lowercase(), GROUP_NOUNS))
        };
        if people(&left) && people(&right) {
            vec![left, right]
        } else {
            vec![self.clone()]
        }
    }

    /// Takes the words up to token `last` into the group's name ("opponents of the Bill").
    fn extend_to(&mut self, doc: &Doc, last: usize) {
        self.span = Span::new(self.span.start, doc.tokens[last].span.end);
        self.words = doc.slice(self.span).to_owned();
    }

    /// Someone's armed or political following, named with whose it is ("Nkunda's forces",
    /// "the rebels of General Laurent Nkunda").
    pub(super) fn is_following(&self) -> bool {
        let first = self.words.split(' ').next().unwrap_or("").to_lowercase();
        let last = self.words.rsplit(' ').next().unwrap_or("").to_lowercase();
        (FOLLOWINGS.contains(&first.as_str()) && self.words.contains(" of "))
            || (FOLLOWINGS.contains(&last.as_str())
                && (self.words.contains("'s ") || self.words.contains("’s ")))
    }

    /// The phrase of tokens `first..=head`, whose last word is the head noun.
    pub(super) fn new(doc: &Doc, rec: &Recognised, first: usize, head: usize) -> Self {
        let span = Span::new(doc.tokens[first].span.start, doc.tokens[head].span.end);
        let low = doc.low(head);
        // "fishermen", "policemen", "children": plurals without an s.
        let irregular = (low.ends_with("men") && low.len() >= 3)
            || doc.is_any(
                head,
                &["police", "forces", "people", "militia", "children", "staff"],
            );
        let plural = low.ends_with('s')
            && !doc.is_any(
                head,
                &[
                    "police", "forces", "press", "news", "bus", "gas", "debris", "series",
                ],
            )
            || irregular;
        // Both lists are sorted by start: only the hits from the phrase's start are looked at,
        // so a long article stays linear.
        let demonyms = &rec.demonyms[rec.demonyms.partition_point(|d| d.span.start < span.start)..];
        let places = &rec.places[rec.places.partition_point(|p| p.span.start < span.start)..];
        let country = demonyms
            .iter()
            .take_while(|d| d.span.start < span.end)
            .find(|d| d.span.end <= span.end)
            .map(|d| d.country.clone())
            .or_else(|| {
                // "US troops": a country's name within it.
                places
                    .iter()
                    .take_while(|p| p.span.start < span.end)
                    .find(|p| p.span.end <= span.end && p.kind == crate::model::PlaceKind::Country)
                    .and_then(|p| p.country.clone())
            });
        GroupRef {
            words: doc.slice(span).to_owned(),
            span,
            plural,
            // ("official" heads a phrase only at its end: "a security official". A bare count
            // is of people: "dozens were injured".)
            people: doc.is_any(head, GROUP_NOUNS)
                || doc.is_any(
                    head,
                    &["official", "dozens", "hundreds", "thousands", "scores"],
                ),
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
    // "he was the only individual convicted": a participle after "is the only/first <noun>"
    // tells what was done to the noun (not "The last rebels surrendered").
    // ("became the first media tycoon convicted": a noun of two words too.)
    let ranked = |at: usize| {
        at >= clause_start + 2
            && doc.is_any(at, &["only", "first", "last", "sole", "second"])
            && doc.is_any(at - 1, &["the", "a", "an"])
            && doc.is_any(
                at - 2,
                &[
                    "was", "is", "were", "are", "been", "be", "became", "becomes", "become",
                ],
            )
    };
    // (No object after it: not "the first time troops attacked the city".)
    let no_object = |v: usize| {
        doc.tokens
            .get(v + 1)
            .is_none_or(|t| t.kind != TokenKind::Word)
            || doc.is_any(
                v + 1,
                &[
                    "in", "on", "at", "by", "to", "for", "of", "over", "under", "during", "after",
                    "and", "when", "while", "with", "since",
                ],
            )
    };
    // (The rules below are for "-ed" participles only.)
    if !doc.low(verb).ends_with("ed") {
        return is_passive_by_auxiliary(doc, clause_start, verb);
    }
    if verb >= clause_start + 4
        && no_object(verb)
        && !doc.tokens[verb - 1].cap
        && !doc.is_any(verb - 2, &["time", "day", "year"])
        && (ranked(verb - 2) || !doc.tokens[verb - 2].cap && ranked(verb - 3))
    {
        return true;
    }
    // "was found guilty of his charges and sentenced", "were killed and 15 others injured": a
    // participle after "and" (and a count of its own) shares the passive before it.
    let and = (verb.saturating_sub(3).max(clause_start)..verb)
        .rev()
        .find(|&k| doc.is(k, "and"))
        .filter(|&a| {
            (a + 1..verb).all(|j| {
                doc.tokens[j].kind == TokenKind::Number
                    || doc.is_any(j, &["others", "other", "more", "people", "nearly", "about"])
            })
        });
    if let Some(and) = and
        && and > clause_start + 1
        && no_object(verb)
    {
        let lo = and.saturating_sub(10).max(clause_start);
        if (lo..and - 1).any(|k| {
            doc.is_any(k, &["was", "were", "been"])
                && (doc.low(k + 1).ends_with("ed") || doc.is_any(k + 1, &["found", "held"]))
                && !(k + 2..and).any(|j| doc.is_any(j, &[",", "who", "which", "that"]))
        }) {
            return true;
        }
    }
    // "cultural references criticized as appropriation": a participle of judging right after
    // a plain noun and before "as" tells what was done to the noun.
    // (Verbs of judging only, a complement after "as", and a noun that cannot judge: not
    // "rebels attacked as troops withdrew", "rights groups denounced as illegal …", nor
    // "which critics condemned as a power grab".)
    if verb > clause_start + 1
        && doc.is(verb + 1, "as")
        && doc.is_any(
            verb,
            &[
                "criticized",
                "criticised",
                "condemned",
                "denounced",
                "decried",
                "branded",
                "labelled",
                "labeled",
                "derided",
            ],
        )
        && doc.tokens.get(verb + 2).is_some_and(|t| {
            t.kind == TokenKind::Word
                && !t.cap
                && !doc.is_any(
                    verb + 2,
                    &["he", "she", "they", "it", "we", "the", "its", "their"],
                )
        })
        && doc.tokens[verb - 1].kind == TokenKind::Word
        && !doc.tokens[verb - 1].cap
        && doc.low(verb - 1).ends_with('s')
        && ![
            "ers",
            "ists",
            "ians",
            "groups",
            "parties",
            "officials",
            "leaders",
            "critics",
        ]
        .iter()
        .any(|w| doc.low(verb - 1).ends_with(w))
        && !doc.is_any(verb - 2, &["which", "that", "whom"])
        && !doc.is_any(verb - 1, &["has", "was", "is", "as", "this", "its", "his"])
    {
        return true;
    }
    is_passive_by_auxiliary(doc, clause_start, verb)
}
/// A form of "be" (or "get") a few adverbs before `verb`: "was arrested", "were later freed".
fn is_passive_by_auxiliary(doc: &Doc, clause_start: usize, verb: usize) -> bool {
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
/// The subject of the passive `verb` is a definite phrase at the clause's start that points
/// back at whom the text told of before: "the four army officers were arrested", "the two
/// men, one British and one Kenyan, were abducted" (not "two men were abducted", nor "workers
/// attached to the project were kidnapped").
pub(super) fn definite_passive_subject(doc: &Doc, clause_start: usize, verb: usize) -> bool {
    // Back over the auxiliaries and adverbs to the subject's end.
    let mut k = verb;
    while k > clause_start
        && verb - k < 4
        && (doc.is_any(
            k - 1,
            &[
                "was", "were", "had", "have", "has", "been", "being", "also", "later", "then",
            ],
        ) || doc.low(k - 1).ends_with("ly"))
    {
        k -= 1;
    }
    if k == verb || k == clause_start {
        return false;
    }
    let mut end = k;
    // An apposition between commas.
    if doc.is(end - 1, ",") {
        match (end.saturating_sub(12).max(clause_start)..end - 1)
            .rev()
            .find(|&j| doc.is(j, ","))
        {
            Some(j) => end = j,
            None => return false,
        }
    }
    // Back over the head and its modifiers to the determiner.
    let mut j = end;
    while j > clause_start && end - j < 6 {
        j -= 1;
        if doc.is_any(j, &["the", "these", "those", "both"]) {
            return end - j >= 2 && (j == clause_start || doc.is_any(j - 1, &["that", ","]));
        }
        let t = doc.tokens[j];
        if !matches!(t.kind, TokenKind::Word | TokenKind::Number)
            || doc.is_any(
                j,
                &["of", "to", "and", "that", "who", "which", "in", "on", "at"],
            )
        {
            return false;
        }
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
    "buildings",
    "bridge",
    "dam",
    "mine",
    "grenade",
    "device",
    "landslide",
    "mudslide",
    "avalanche",
    "wave",
    "tsunami",
    "virus",
    "outbreak",
    "cholera",
    "airstrike",
    "mortar",
    "shelling",
    // What the sea brings ashore.
    "debris",
    "wreckage",
    "bodies",
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
    "opposition",
    "junta",
    "regime",
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
    "politicians",
    "lawyers",
    "observers",
    "monitors",
    "experts",
    "agents",
    "envoys",
    "councillors",
    "councilors",
    "parents",
    "veterans",
    "youths",
    "mourners",
    "reporters",
    "photographers",
    "bloggers",
    "paramilitaries",
    "islamists",
    "defectors",
    "looters",
    "bomber",
    "gunman",
    "attacker",
    "innocents",
    "fans",
    "spectators",
    "players",
    "firefighters",
    "medics",
    "paramedics",
    "rescuers",
    "bystanders",
    "pedestrians",
    "commuters",
    "shoppers",
    "groups",
    "organizations",
    "organisations",
];
/// Verbs whose subject judges, mourns or answers a happening it names as their object.
const STANCE_VERBS: &[&str] = &[
    "condemn",
    "condemns",
    "condemned",
    "denounce",
    "denounces",
    "denounced",
    "criticize",
    "criticizes",
    "criticized",
    "criticise",
    "criticises",
    "criticised",
    "deplore",
    "deplores",
    "deplored",
    "mourn",
    "mourns",
    "mourned",
    "regret",
    "regrets",
    "regretted",
    "investigate",
    "investigates",
    "investigated",
    "recalled",
    "remembered",
    "blamed",
    "blames",
    "reacted",
    "responded",
];

/// True when a verb that judges or answers a happening comes before its noun in the clause
/// ("condemns in the strongest terms the attack").
pub(super) fn judged_noun(doc: &Doc, start: usize, h: &Hit) -> bool {
    (start..h.first).any(|k| doc.is_any(k, STANCE_VERBS))
}

/// Nouns for many people who speak together ("Prosecutors said", "Japanese authorities have
/// warned"): the group nouns that issue statements or chant, not its victims or things.
const SPEAKING_GROUPS: &[&str] = &[
    "authorities",
    "officials",
    "prosecutors",
    "investigators",
    "protesters",
    "protestors",
    "demonstrators",
    "marchers",
    "activists",
    "rebels",
    "militants",
    "residents",
    "villagers",
    "witnesses",
    "leaders",
    "supporters",
    "critics",
    "lawmakers",
    "legislators",
    "analysts",
    "experts",
    "doctors",
    "survivors",
];

/// The group a quote's sentence says spoke it, when no party did: "Prosecutors said they
/// would charge him for “…”", "Japanese authorities have warned the crisis is a “major
/// accident”", "“…,” protesters said." The group's words end right before the verb (over
/// "have", "also") and name people.
pub(super) fn group_speaker(
    doc: &Doc,
    rec: &Recognised,
    parties: &PartyTable,
    quote: Span,
) -> Option<GroupRef> {
    use crate::extract::lexicon::SPEECH_VERBS;
    use crate::extract::speakers::REPORTING_VERBS;
    let si = doc.sentence_at(quote.start)?;
    let s = &doc.sentences[si];
    let quote_at = doc.token_at_or_after(quote.start);
    let verb = |k: usize| {
        !doc.tokens[k].cap && (doc.is_any(k, REPORTING_VERBS) || doc.is_any(k, SPEECH_VERBS))
    };
    let group_before = |from: usize, v: usize| -> Option<GroupRef> {
        let mut head = v.checked_sub(1)?;
        while head > from && doc.is_any(head, &["have", "has", "had", "also", "reportedly"]) {
            head -= 1;
        }
        if !doc.is_any(head, SPEAKING_GROUPS) {
            return None;
        }
        let g = unnamed_subject(doc, rec, from, head + 1, &[])?;
        // Nobody named between the group and its verb ("protesters told Lund …").
        let named = parties
            .mentions_in(Span::new(g.span.end, doc.tokens[v].span.start))
            .next()
            .is_some();
        (g.people && g.plural && !named).then_some(g)
    };
    // Before the quote, in its sentence: the first verb of saying.
    if let Some(v) = (s.tokens.start..quote_at).find(|&k| verb(k))
        && let Some(g) = group_before(s.tokens.start, v)
    {
        return Some(g);
    }
    // After it: "…,” protesters said.
    let end = s.tokens.end;
    let mut i = doc.token_at_or_after(quote.end);
    while i < end && doc.tokens[i].kind == TokenKind::Punct {
        i += 1;
    }
    let v = (i..(i + 5).min(end)).find(|&k| verb(k))?;
    group_before(i, v).filter(|g| g.span.start == doc.tokens[i].span.start || i + 1 < v)
}

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
    // "A planned demonstration by Christian Concern", "a demonstration was held by the rights
    // group Equality Network": the agent after "by", past the words of a passive light verb
    // and the words that describe the agent.
    let by = (h.last + 1..(h.last + 5).min(range.end))
        .take_while(|&k| {
            doc.is_any(k, BE_HAVE) || doc.is_any(k, PASSIVE_LIGHT_WORDS) || doc.is(k, "by")
        })
        .find(|&k| doc.is(k, "by"));
    if let Some(by) = by
        && let Some(m) = (by + 1..(by + 7).min(range.end))
            // (Not past a preposition: "an attack by gunmen on the US embassy".)
            .take_while(|&k| {
                doc.tokens[k].kind == TokenKind::Word
                    // (Nor past a participle: "by a suicide bomber targeting Kenyan troops".)
                    && (doc.tokens[k].cap || !doc.low(k).ends_with("ing"))
                    && !doc.is_any(
                        k,
                        &[
                            "on", "in", "at", "near", "against", "with", "from", "to", "for",
                            "after", "during", "and", "outside", "inside", "across", "over",
                            "under", "behind", "who", "which", "that",
                        ],
                    )
            })
            .find_map(|k| inp.parties.mention_starting_at(doc.tokens[k].span.start))
    {
        return vec![m.party];
    }
    // "X held a meeting": the subject before the light verb.
    let lv = (lo..h.first).rev().find(|&k| doc.is_any(k, LIGHT_VERBS));
    let mut upto = lv.unwrap_or(h.first);
    // "Hamas declared a formal end to the six-month Israel-Hamas truce": the subject is
    // before the words that end it, not among the truce's own modifiers.
    if super::triggers::TRIGGERS[h.entry].sense == super::triggers::Sense::Truce
        && let Some(k) = super::triggers::truce_end_at(doc, h.first, range)
    {
        upto = upto.min(k);
    }
    // "The United States condemns in the strongest terms the attack": the subject of a verb
    // that judges or answers the happening did not do it.
    let suffered_in = suffered_in(doc, range.start, h);
    let reacting =
        lv.is_none() && (answers(doc, range.start, h) || victims_of(doc, range.start, h).is_some());
    let mut subject = if lv.is_none() && judged_noun(doc, range.start, h) || suffered_in || reacting
    {
        Vec::new()
    } else {
        parties_in(inp, range.start, upto, skip)
    };
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
/// Forms of "be" and "have" that stand before a verb ("was held", "has consistently denied").
pub(super) const BE_HAVE: &[&str] = &["was", "were", "is", "are", "has", "have", "had", "been"];

/// Past participles of light verbs between a noun and "by" in "was held by", "had been
/// organised by" (after [`BE_HAVE`] words).
const PASSIVE_LIGHT_WORDS: &[&str] = &[
    "held",
    "staged",
    "organised",
    "organized",
    "carried",
    "out",
    "launched",
    "conducted",
    "mounted",
];

/// Words before a noun that make the clause an answer to it: "we stand with them in the face
/// of this attack", "Japan protested after the launch".
const ANSWERING: &[&[&str]] = &[
    &["face", "of"],
    &["wake", "of"],
    &["aftermath", "of"],
    &["response", "to"],
    &["reaction", "to"],
    &["amid"],
    &["despite"],
    &["following"],
    &["after"],
];

/// The noun is governed by words of answering (`ANSWERING`), with only a determiner, a
/// possessive day or describing words between: whoever the clause's subject is answers the
/// happening and did not do it.
pub(super) fn answers(doc: &Doc, start: usize, h: &Hit) -> bool {
    // "Castro's condition following surgery": what befalls someone is no act to answer.
    if super::triggers::TRIGGERS[h.entry].kind == crate::model::EventKind::Incident {
        return false;
    }
    let lo = h.first.saturating_sub(5).max(start);
    let Some(k) = (lo..h.first).rev().find(|&k| {
        ANSWERING.iter().any(|words| {
            let n = words.len();
            k + 1 >= n && k + 1 - n >= start && (0..n).all(|i| doc.is(k + 1 - n + i, words[i]))
        })
    }) else {
        return false;
    };
    // A two-sided noun ("clashes with al-Shabaab") has its sides in it.
    if doc.is_any(h.last + 1, &["with", "between"]) {
        return false;
    }
    (k + 1..h.first).all(|j| {
        (doc.tokens[j].kind == TokenKind::Possessive
            || doc.tokens[j].kind == TokenKind::Word
                && (!doc.tokens[j].cap || crate::extract::lexicon::is_month_or_weekday(doc.low(j))))
            && !doc.is_any(
                j,
                &[
                    "by", "with", "of", "between", "it", "he", "she", "they", "we", "i", "you",
                ],
            )
            && !doc.low(j).ends_with("ed")
            && !doc.is_any(j, super::triggers::LIGHT_VERBS)
    })
}

/// The token of "victims" in "the victims of Tuesday's cowardly attack": those it befell,
/// whom the clause's subject mourns. Between "of" and the noun only a day's possessive and
/// describing words.
pub(super) fn victims_of(doc: &Doc, start: usize, h: &Hit) -> Option<usize> {
    let lo = h.first.saturating_sub(6).max(start);
    let of = (lo..h.first).rev().find(|&k| doc.is(k, "of"))?;
    let victims = of.checked_sub(1).filter(|&v| {
        v >= start
            && doc.is_any(
                v,
                &["victims", "casualties", "survivors", "dead", "wounded"],
            )
    })?;
    (of + 1..h.first)
        .all(|j| {
            doc.tokens[j].kind == TokenKind::Possessive
                || doc.tokens[j].kind == TokenKind::Word
                    && (!doc.tokens[j].cap
                        || crate::extract::lexicon::is_month_or_weekday(doc.low(j)))
        })
        .then_some(victims)
}

/// A noun that a passive verb's "in" or "during" governs ("Seven CIA employees were killed
/// in the attack"): whoever suffered it did not do it.
pub(super) fn suffered_in(doc: &Doc, start: usize, h: &Hit) -> bool {
    let lo = h.first.saturating_sub(4).max(start);
    (lo..h.first)
        .rev()
        .find(|&k| doc.is_any(k, &["in", "during"]))
        .is_some_and(|k| {
            // "in the attack", "in the Khowst attack" (a name after "the" describes it).
            let the = doc.is(k + 1, "the");
            k > start
                && (k + 1..h.first).all(|j| !doc.tokens[j].cap || the)
                && doc.low(k - 1).ends_with("ed")
                // "the seven CIA employees killed in the attack": a reduced relative too.
                && (is_passive(doc, start, k - 1)
                    || doc.is_any(k - 1, &["killed", "wounded", "injured", "hurt"]))
        })
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
    fn a_word_that_opens_a_clause_is_no_part_of_the_group() {
        let ev = events_for(
            "The crew fired back after pirates fired automatic weapons at the ship.",
            Some("2022-11-13"),
        );
        assert!(
            ev.iter()
                .any(|e| e.title == "Pirates fire automatic weapons"),
            "{ev:?}"
        );
    }

    #[test]
    fn who_suffered_what_a_noun_names_did_not_do_it() {
        let ev = events_for(
            "Opposition leader Omar Haddad of the Movement for Democratic Change (MDC) spoke on \
             Monday. According to the MDC, 66 of its followers have been killed in attacks \
             since the contested March election, in which Omar Haddad won the most votes.",
            Some("2021-03-10"),
        );
        let attacks = ev
            .iter()
            .filter(|e| e.kind == crate::model::EventKind::Assault);
        assert!(attacks.clone().count() > 0, "{ev:?}");
        assert!(attacks.clone().all(|e| e.actors.is_empty()), "{ev:?}");
        // Nor does their state or their employer.
        for (text, title) in [
            (
                "Seven Kenyan soldiers were killed in an attack on Monday.",
                "Seven Kenyan soldiers killed",
            ),
            (
                "Seven CIA employees were killed in the attack on Monday.",
                "Seven CIA employees killed",
            ),
        ] {
            let ev = events_for(text, Some("2010-01-05"));
            assert_eq!(ev[0].title, title, "{ev:?}");
        }
    }

    #[test]
    fn a_group_acts_past_its_short_form_and_before_the_verb_that_governs_a_noun() {
        let ev = events_for(
            "On Wednesday, Chilean security forces (CSF) battled militants in Arica.",
            Some("2022-11-13"),
        );
        assert_eq!(
            ev[0].title, "Chilean security forces battle militants in Arica",
            "{ev:?}"
        );
        let ev = events_for(
            "Chilean troops joined the fighting in Arica on Saturday.",
            Some("2022-11-13"),
        );
        assert_eq!(ev[0].title, "Chilean troops fight in Arica", "{ev:?}");
    }

    #[test]
    fn a_group_after_by_did_it_and_a_closing_reporter_took_no_part() {
        let ev = events_for(
            "Around 70 people were detained by police for illegally occupying roads, South \
             Korean news agency Yonhap reported, but no clashes occurred.",
            Some("2022-11-13"),
        );
        assert_eq!(ev.len(), 1, "{ev:?}");
        assert_eq!(ev[0].title, "Police detain around 70 people", "{ev:?}");
        assert!(ev[0].parties.is_empty(), "{ev:?}");
        let ev = events_for(
            "Israel shot 70 people in the square, Hezbollah reported, but no clashes occurred.",
            Some("2022-11-13"),
        );
        assert_eq!(ev[0].title, "Israel shoots 70 people", "{ev:?}");
        let ev = events_for(
            "One attack by counter-demonstrators was reported.",
            Some("2022-11-13"),
        );
        assert_eq!(ev[0].title, "Counter-demonstrators attack", "{ev:?}");
    }

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

    /// The actors' names of the first event of `text`, in the title's order.
    fn first_title(text: &str) -> String {
        let ev = super::super::events_for(text, Some("2021-03-02"));
        ev.first().map(|e| e.title.clone()).unwrap_or_default()
    }

    #[test]
    fn an_opening_phrase_and_an_aside_are_not_the_subject() {
        // (The dated visit the sentence opens with is an event too; the condemnation is
        // Brenner's.)
        let ev = super::super::events_for(
            "After a two-day visit to Peru on Monday, former UN envoy Hal Brenner condemned Chile.",
            Some("2021-03-02"),
        );
        let condemned = ev
            .iter()
            .find(|e| e.kind == crate::model::EventKind::Accuse)
            .map(|e| e.title.as_str());
        assert_eq!(condemned, Some("Brenner condemns Chile"));
        // The visit is Brenner's, to Peru: it reaches no further than its phrase's comma.
        let visit = ev
            .iter()
            .find(|e| e.kind == crate::model::EventKind::Consult)
            .unwrap_or_else(|| panic!("{ev:?}"));
        assert!(visit.title.starts_with("Brenner visit"), "{visit:?}");
        assert!(!visit.title.contains("United Nations"), "{visit:?}");
        assert_eq!(
            first_title(
                "Tomas Varga, a senator named by the Daily Herald in its report, condemned Chile."
            ),
            "Varga condemns Chile"
        );
    }

    #[test]
    fn an_aside_of_names_names_the_subject() {
        assert_eq!(
            first_title("Two lawmakers from Peru, Ana Quispe and Rosa Mamani, condemned Chile."),
            "Quispe and Mamani condemn Chile"
        );
    }

    #[test]
    fn a_list_keeps_all_its_members() {
        assert_eq!(
            first_title("Peru, Bolivia, and Ecuador condemned Chile on Monday."),
            "Peru, Bolivia and Ecuador condemn Chile"
        );
        assert_eq!(
            first_title(
                "Troops arrived from Peru, with Bolivia, Ecuador, and Brazil providing aid to Chile."
            ),
            "Bolivia, Ecuador and Brazil provide aid to Chile"
        );
    }

    #[test]
    fn a_name_and_its_apposition_without_a_closing_comma() {
        let ev = super::super::events_for(
            "Tomas Varga, the Prime Minister of Peru condemned Chile.",
            Some("2021-03-02"),
        );
        assert!(ev[0].title.starts_with("Varga"), "{:?}", ev[0].title);
    }

    #[test]
    fn a_participle_after_a_date_can_still_be_passive() {
        assert_eq!(
            first_title(
                "Tomas Varga was one of the hostages rescued on July 2 by the Peruvian army, who \
                 tricked the Shining Path into freeing them."
            ),
            "Peruvian army rescues Varga"
        );
    }

    #[test]
    fn a_relative_clause_has_its_own_subject() {
        assert_eq!(
            first_title("Peru mourned the soldiers who were killed in Lima on Monday."),
            "Soldiers killed in Lima"
        );
    }

    #[test]
    fn who_condemns_an_attack_did_not_make_it() {
        let ev = super::super::events_for(
            "Peru condemns in the strongest possible terms the attack on Sunday night in Arequipa.",
            Some("2021-03-02"),
        );
        let attack = ev
            .iter()
            .find(|e| e.kind == crate::model::EventKind::Assault)
            .unwrap_or_else(|| panic!("{ev:?}"));
        assert!(attack.actors.is_empty(), "{attack:?}");
        assert_eq!(attack.title, "Attack in Arequipa");
    }

    #[test]
    fn a_noun_names_its_agent_after_by() {
        assert_eq!(
            first_title(
                "A demonstration by the Andean Solidarity Movement was held in Lima on Monday."
            ),
            "Andean Solidarity Movement demonstrates in Lima"
        );
    }

    #[test]
    fn the_reporter_of_an_unnamed_subject_is_not_part_of_it() {
        assert_eq!(
            first_title("The network NBC says Peruvian protesters seized Tomas Varga."),
            "Peruvian protesters seize Varga"
        );
    }
}
