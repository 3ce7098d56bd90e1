//! Trigger words and phrases mapped to PLOVER root types, and the checks that make a trigger
//! count: the context it needs ("fired" needs a weapon) and, for a noun ("meeting"), something
//! showing it took place ("held a meeting", "a meeting between X and Y", a date of its own).

use super::clauses::{Ranges, conditions, in_any, settings, token_span};
use super::placing::{LOCATIVES, place_after};
use super::{Hit, Inputs, dates_of};
use crate::extract::lexicon::SPEECH_VERBS;
use crate::extract::quotes::inside_quote;
use crate::extract::sentences::{Doc, WordMap};
use crate::model::EventKind;

/// What a trigger needs around it to count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Needs {
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
pub(super) struct Trigger {
    /// The lowercase words, in order.
    pub(super) words: &'static [&'static str],
    /// The PLOVER type it makes.
    pub(super) kind: EventKind,
    /// Present-tense verb phrase for titles ("meet", "condemn").
    pub(super) verb: &'static str,
    /// A noun ("meeting"): counts only when something shows the event took place.
    pub(super) nominal: bool,
    /// What it needs around it.
    pub(super) needs: Needs,
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
pub(super) const TRIGGERS: &[Trigger] = &[
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
pub(super) const LIGHT_VERBS: &[&str] = &[
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
/// First word → trigger entries starting with it.
static TRIGGER_INDEX: std::sync::LazyLock<WordMap<Vec<usize>>> = std::sync::LazyLock::new(|| {
    let mut m: WordMap<Vec<usize>> = WordMap::default();
    for (i, t) in TRIGGERS.iter().enumerate() {
        m.entry(t.words[0]).or_default().push(i);
    }
    m
});
pub(super) fn verbal_trigger_at(doc: &Doc, i: usize) -> bool {
    TRIGGERS
        .iter()
        .any(|t| !t.nominal && t.words.iter().enumerate().all(|(k, w)| doc.is(i + k, w)))
}
/// Triggers of sentence `si` that pass their checks.
pub(super) fn find_triggers(
    inp: &Inputs,
    si: usize,
    clause_ranges: &[std::ops::Range<usize>],
) -> Vec<Hit> {
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

#[cfg(test)]
mod tests {
    use super::super::events_for;
    use crate::model::EventKind;

    fn kinds(text: &str) -> Vec<EventKind> {
        events_for(text, Some("2022-11-13"))
            .iter()
            .map(|e| e.kind)
            .collect()
    }

    #[test]
    fn verbs_need_their_context() {
        assert_eq!(
            kinds("North Korea fired two missiles."),
            [EventKind::Mobilize]
        );
        assert!(
            kinds("The company fired its chief.").is_empty(),
            "no weapon, no launch"
        );
        assert_eq!(
            kinds("Russia fired shells at Kharkiv."),
            [EventKind::Assault]
        );
        assert!(kinds("It threatened regional stability.").is_empty());
    }

    #[test]
    fn nouns_count_only_when_something_shows_they_happened() {
        assert!(
            kinds("Japan discussed the meeting's agenda later.")
                .iter()
                .all(|k| *k != EventKind::Agree)
        );
        assert!(kinds("A meeting would be useful.").is_empty());
        assert_eq!(
            kinds("Japan and China held a meeting."),
            [EventKind::Consult]
        );
        assert_eq!(
            kinds("Japan condemned the agreement."),
            [EventKind::Accuse],
            "the noun is the verb's object, not a second event"
        );
    }
}
