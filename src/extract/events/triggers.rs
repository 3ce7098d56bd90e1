//! Trigger words and phrases mapped to PLOVER root types, and the checks that make a trigger
//! count: the context it needs ("fired" needs a weapon) and, for a noun ("meeting"), something
//! showing it took place ("held a meeting", "a meeting between X and Y", a date of its own).

use super::clauses::{Ranges, conditions, in_any, settings, token_span};
use super::placing::{LOCATIVES, place_after};
use super::{Hit, Inputs, dates_of};
use crate::extract::lexicon::SPEECH_VERBS;
use crate::extract::quotes::inside_quote;
use crate::extract::sentences::{Doc, TokenKind, WordMap};
use crate::model::{EventKind, PartyKind};

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
    /// A hostile act as the condition of what follows ("warned Israel that any attacks on Gaza
    /// would …").
    HostileCondition,
    /// Nothing after it but "for" and a party ("there will be consequences for Iran"), not a
    /// thing of theirs ("for Hungary's funds") nor of no one ("for the economy").
    ForParty,
    /// "on"/"upon"/"for" right after ("called on", "calls upon", "called for").
    OnFor,
    /// "with" soon after ("charged him with fraud"; not "charged a fee" or "charged phones").
    With,
    /// A threatened act: "threatened to …", "threatened with …" or a threat word ("threatened
    /// retaliation"); "threatened regional stability" only endangers.
    ThreatAct,
    /// Put on trial: passive, with "for" and a charge soon after ("was tried for murder"),
    /// never "to" ("tried to flee") nor a time ("tried for years").
    TrialFor,
    /// "from" soon after ("barred from leaving", "prevented from boarding").
    From,
    /// Someone asked to do something: "asked the council to help" (not "he asked").
    ObjectTo,
    /// Troops or ships sent ("sent troops"), not letters.
    Troops,
    /// A military presence grown ("increasing its military presence"), not prices.
    MilitaryPresence,
    /// Not a sentence opened by "Discussing his concern, X said": one speaker's view.
    NotOwnConcern,
    /// An armed subject right before ("rebels advanced on Tripoli"), not talks that "edged
    /// closer to a deal".
    ArmedSubject,
    /// Aid given ("provided food aid", "sent medicine"), not "provided details".
    AidGoods,
    /// People released, not a report or a video ("released the hostages").
    NotPublication,
    /// Claims dismissed or disputed ("dismissed the allegations"), not staff.
    Claims,
    /// "in" right after ("arrived in France").
    In,
    /// "that" soon after ("claimed that the church held her").
    That,
    /// A law voted on ("passed the bill").
    Bill,
    /// A colony or mandate soon after ("ruled India as a colony"), not a court's ruling.
    Colony,
    /// What hit or struck: a weapon or attack ("a missile hit") or a disaster ("a storm hit"); the
    /// kind follows from it.
    Cause,
    /// A vote that was held: "held elections", "the election was held", "Saturday's polls",
    /// "voted on Friday" (not "the January elections that were called off").
    Held,
    /// Someone buried by a disaster ("buried under rubble", "buried alive"), not a funeral or a
    /// cache ("grenades buried near the lake").
    Buried,
    /// One of these nouns as the object, within three words and no preposition between: "sent
    /// a formal request" (not "sent troops at the request of").
    ObjectNoun(&'static [&'static str]),
    /// "warned that the country risks …", "warned that Lima should …": a danger the speaker
    /// does not bring, with no threat word in the clause.
    WarningOfRisk,
    /// One of these words within six words after: "sought clemency", "warned Turkey against".
    SoonAfter(&'static [&'static str]),
    /// One of these words within six words after, or before it in the passive: "lifted the
    /// sanctions", "the curfew was lifted" (not "lifted their arms").
    Object(&'static [&'static str]),
    /// None of these words within three words after: "met resistance", "signed a letter".
    NotSoonAfter(&'static [&'static str]),
    /// Not right after one of the first words nor right before one of the second: "death"
    /// but not "sentenced to death" or "death toll"; "fire" but not "rocket fire".
    Except(&'static [&'static str], &'static [&'static str]),
    /// Armed men as the subject, a few words before: "gunmen fired on the bus", "soldiers on
    /// Monday fired on", "Myanmar's military fired on" (not "the chief was fired on charges").
    Shooters,
    /// None of these as the object, right after or after a determiner: "battled rebels", not
    /// "battled a fire" or "battled the blaze".
    NotObject(&'static [&'static str]),
    /// One of these right before, past adverbs ("went on trial", "are currently on trial"),
    /// after people: a name or a group of people ("Capitalism is on trial" is a figure).
    Defendant(&'static [&'static str]),
    /// What a crowd throws soon after ([`THROWN`]), and no blast or storm before that threw
    /// it: "the explosion hurled bricks across the street".
    Thrown,
    /// People or a stronghold taken ("captured 20 soldiers", "captured the town"), or a
    /// passive, but not by a camera.
    Captive,
}

/// How the context changes a trigger's kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Sense {
    /// The kind the trigger names.
    Fixed,
    /// Killing and wounding: an attack, unless a disaster, illness or accident did it.
    Harm,
    /// Explosions and sinkings: an incident, unless a bomb or an attack is named.
    Blast,
    /// Storming a building: a protest when protesters do it, else an assault.
    Storm,
    /// Rescuing: from captors it is coercion, from a sinking boat or rubble it is aid.
    Rescue,
    /// A truce or ceasefire: declared, a concession; ended or broken, a rejection.
    Truce,
}

/// Which form of its word a trigger is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Form {
    /// "attack": after "to" or a modal only; otherwise it is usually the noun.
    Base,
    /// "attacks": a verb only right after its subject (a party, "he", "who").
    Third,
    /// "attacked", "attacking", a fixed phrase.
    Other,
    /// A noun.
    Noun,
}

/// A trigger word or phrase.
pub(super) struct Trigger {
    /// The lowercase words, in order.
    pub(super) words: Vec<&'static str>,
    /// The PLOVER type it makes.
    pub(super) kind: EventKind,
    /// Present-tense verb phrase for titles ("meet", "condemn").
    pub(super) verb: &'static str,
    /// Past participle phrase for passive titles ("killed", "sentenced").
    pub(super) participle: &'static str,
    /// A noun ("meeting"): counts only when something shows the event took place.
    pub(super) nominal: bool,
    /// What it needs around it.
    pub(super) needs: Needs,
    /// How the context changes its kind.
    pub(super) sense: Sense,
    /// Which form of the word it is.
    pub(super) form: Form,
}

use EventKind as K;

/// One lexicon row: kind, word forms, title verb, what it needs, how context changes it.
///
/// Forms: a regular verb is its base form ("accuse" gives accuse, accuses, accused,
/// accusing); an irregular one spells base/past/participle[/ing] ("meet/met/met"); words after
/// the first are kept as they are ("call/called/called on"). `n:` marks nouns, each form listed
/// ("n:airstrike/airstrikes"); `=` marks a fixed phrase ("=on high alert"). The title verb is a
/// base-form phrase; empty means the verb itself.
type Row = (K, &'static str, &'static str, Needs, Sense);

const fn row(kind: K, forms: &'static str, title: &'static str) -> Row {
    (kind, forms, title, Needs::Nothing, Sense::Fixed)
}

const fn needs(kind: K, forms: &'static str, title: &'static str, needs: Needs) -> Row {
    (kind, forms, title, needs, Sense::Fixed)
}

const fn sense(kind: K, forms: &'static str, title: &'static str, n: Needs, s: Sense) -> Row {
    (kind, forms, title, n, s)
}

/// The trigger lexicon. Longer phrases win over the words they start with.
const LEXICON: &[Row] = &[
    // CONSULT
    needs(
        K::Consult,
        "meet/met/met",
        "meet",
        Needs::NotSoonAfter(NOT_MET),
    ),
    row(K::Consult, "meet/met/met with", "meet"),
    row(K::Consult, "visit", ""),
    row(K::Consult, "host", ""),
    // ("Discussing his concern in a statement, Razak said": one speaker airing a view.)
    needs(K::Consult, "discuss", "", Needs::NotOwnConcern),
    row(K::Consult, "negotiate", ""),
    row(K::Consult, "consult", ""),
    row(K::Consult, "confer/conferred/conferred", ""),
    row(K::Consult, "mediate", ""),
    needs(K::Consult, "speak/spoke/spoken", "speak with", Needs::With),
    needs(K::Consult, "talk/talked/talked", "talk with", Needs::With),
    // "Betancourt arrives in France", not "visits in France".
    needs(K::Consult, "arrive", "arrive", Needs::In),
    // ("phoned 911": a call for help, not talks.)
    needs(
        K::Consult,
        "phone",
        "",
        Needs::Except(&[], &["911", "999", "112", "emergency"]),
    ),
    row(K::Consult, "contact", ""),
    row(K::Consult, "n:meeting/meetings", "meet"),
    row(K::Consult, "n:summit", "hold a summit"),
    row(K::Consult, "n:talks", "hold talks"),
    // "Following a discussion with Ehud Olmert, Bush said": with someone, not about something.
    needs(
        K::Consult,
        "n:discussion/discussions",
        "hold talks",
        Needs::With,
    ),
    row(K::Consult, "n:visit/visits", "visit"),
    row(K::Consult, "n:phone call/telephone call", "speak by phone"),
    row(K::Consult, "n:negotiations", "negotiate"),
    needs(
        K::Consult,
        "n:conference",
        "hold a conference",
        // A news conference is where something was said, not a meeting.
        Needs::Except(&["news", "press"], &[]),
    ),
    // AGREE
    // Not "at agreed upon meeting points", "the agreed terms": a description.
    needs(
        K::Agree,
        "agree/agreed/agreed",
        "agree",
        Needs::Except(&["the", "a", "an", "at"], &[]),
    ),
    needs(
        K::Agree,
        "sign",
        "sign an agreement",
        Needs::NotSoonAfter(&[
            "letter",
            "letters",
            "petition",
            "petitions",
            "brief",
            "book",
            "books",
            "card",
            "autographs",
            "copies",
            "note",
            "notes",
            "suicide",
        ]),
    ),
    row(K::Agree, "pledge", ""),
    row(K::Agree, "promise", ""),
    row(K::Agree, "reaffirm", "reaffirm commitments"),
    // Not "is accepting new patients" or "accepts credit cards".
    needs(
        K::Agree,
        "accept",
        "",
        Needs::NotSoonAfter(&[
            "patients",
            "applications",
            "credit",
            "cards",
            "payments",
            "cash",
            "bids",
            "nominations",
            "entries",
            "submissions",
            "students",
            "reservations",
        ]),
    ),
    row(K::Agree, "approve", ""),
    row(K::Agree, "ratify/ratified/ratified/ratifying", ""),
    needs(
        K::Agree,
        "commit/committed/committed/committing to",
        "commit",
        // "We are committed to a common vision": a stance, not an act.
        Needs::Except(
            &[
                "are", "is", "am", "remain", "remains", "remained", "be", "been", "fully",
                "deeply", "firmly", "strongly", "people",
            ],
            &[],
        ),
    ),
    row(K::Agree, "strike/struck/struck a deal", "strike a deal"),
    row(K::Agree, "reach/reached/reached a deal", "reach a deal"),
    row(
        K::Agree,
        "reach/reached/reached an understanding",
        "reach an understanding",
    ),
    row(K::Agree, "n:agreement", "reach an agreement"),
    row(K::Agree, "n:treaty", "conclude a treaty"),
    row(K::Agree, "n:accord", "reach an accord"),
    row(K::Agree, "n:deal", "reach a deal"),
    // SUPPORT
    row(K::Support, "praise", ""),
    row(K::Support, "welcome", ""),
    row(K::Support, "endorse", ""),
    row(K::Support, "back", ""),
    row(K::Support, "support", ""),
    row(K::Support, "commend", ""),
    row(K::Support, "congratulate", ""),
    row(K::Support, "thank", ""),
    row(K::Support, "hail", ""),
    row(K::Support, "applaud", ""),
    // "defended Turkey's decision", not "defended himself" or "defended the town".
    needs(
        K::Support,
        "defend",
        "",
        Needs::SoonAfter(&[
            "decision",
            "decisions",
            "move",
            "policy",
            "policies",
            "position",
            "actions",
            "stance",
            "record",
            "plan",
            "deal",
        ]),
    ),
    row(K::Support, "award", ""),
    row(K::Support, "honour", ""),
    row(K::Support, "honor", ""),
    row(
        K::Support,
        "pledge/pledged/pledged support",
        "pledge support",
    ),
    // "The United States stands firm with Nigeria", "stands in solidarity with our Ally".
    row(K::Support, "stand/stood/stood/standing with", "stand with"),
    row(
        K::Support,
        "stand/stood/stood/standing firm with",
        "stand with",
    ),
    row(
        K::Support,
        "stand/stood/stood/standing in solidarity with",
        "stand with",
    ),
    row(
        K::Support,
        "stand/stood/stood/standing in complete solidarity with",
        "stand with",
    ),
    // CONCEDE
    // Not "resigned herself to renting".
    needs(
        K::Concede,
        "resign",
        "",
        Needs::Except(
            &[],
            &[
                "himself",
                "herself",
                "themselves",
                "itself",
                "myself",
                "ourselves",
            ],
        ),
    ),
    row(
        K::Concede,
        "step/stepped/stepped/stepping down",
        "step down",
    ),
    row(K::Concede, "apologise", "apologise"),
    row(K::Concede, "apologize", ""),
    row(K::Concede, "concede", ""),
    row(K::Concede, "surrender", ""),
    row(K::Concede, "hand/handed/handed over", "hand over"),
    // "temporarily transferred power to his brother"
    row(
        K::Concede,
        "transfer/transferred/transferred power",
        "transfer power",
    ),
    row(K::Concede, "grant", ""),
    row(K::Concede, "pardon", ""),
    row(K::Concede, "ease", "ease restrictions"),
    needs(
        K::Concede,
        "lift",
        "lift restrictions",
        Needs::Object(&[
            "sanctions",
            "restrictions",
            "restriction",
            "ban",
            "bans",
            "embargo",
            "blockade",
            "curfew",
            "siege",
            "emergency",
            "martial",
            "measures",
            "suspension",
            "moratorium",
            "tariffs",
            "controls",
            "lockdown",
            "limits",
            "immunity",
            "objections",
            "objection",
            "curbs",
            "curb",
            "quarantine",
            "shutdown",
            "freeze",
            "closure",
            "closures",
            "lockdowns",
            "cap",
            "caps",
            "requirement",
            "requirements",
            "rules",
            "order",
            "orders",
            "veto",
            "boycott",
            "barriers",
            "duties",
            "prohibition",
        ]),
    ),
    sense(
        K::Concede,
        "n:ceasefire/cease-fire",
        "declare a ceasefire",
        Needs::Nothing,
        Sense::Truce,
    ),
    sense(
        K::Concede,
        "n:truce",
        "declare a truce",
        Needs::Nothing,
        Sense::Truce,
    ),
    row(K::Concede, "n:resignation", "resign"),
    row(K::Concede, "n:apology", "apologise"),
    // COOPERATE
    row(K::Cooperate, "improve relations", ""),
    row(K::Cooperate, "improve ties", ""),
    row(K::Cooperate, "strengthen ties", ""),
    row(K::Cooperate, "cooperate", ""),
    row(K::Cooperate, "collaborate", ""),
    // AID
    row(K::Aid, "donate", "donate aid"),
    needs(K::Aid, "provide", "provide aid", Needs::AidGoods),
    needs(K::Aid, "send/sent/sent", "send aid", Needs::AidGoods),
    needs(K::Aid, "deliver", "deliver aid", Needs::AidGoods),
    // "We have offered our assistance to the Government of Kenya"
    needs(K::Aid, "offer", "offer aid", Needs::AidGoods),
    needs(K::Aid, "sell/sold/sold", "sell weapons", Needs::Weapon),
    row(K::Aid, "n:aid", "provide aid"),
    row(K::Aid, "n:assistance", "provide assistance"),
    row(K::Aid, "n:donation/donations", "donate aid"),
    needs(K::Aid, "n:sale", "sell weapons", Needs::Weapon),
    // RETREAT
    row(K::Retreat, "withdraw/withdrew/withdrawn", ""),
    row(K::Retreat, "pull/pulled/pulled out", "pull out"),
    row(K::Retreat, "retreat", ""),
    row(K::Retreat, "evacuate", ""),
    needs(K::Retreat, "release", "release", Needs::NotPublication),
    needs(
        K::Retreat,
        "free/freed/freed/freeing",
        "free",
        Needs::NotPublication,
    ),
    row(K::Retreat, "n:withdrawal", "withdraw"),
    // REQUEST
    row(K::Request, "urge", ""),
    // "advised the lower court to renounce the death penalty" (not "advised of his rights").
    needs(K::Request, "advise", "", Needs::ObjectTo),
    needs(K::Request, "call", "call on", Needs::OnFor),
    row(K::Request, "demand", ""),
    row(K::Request, "appeal", "appeal to"),
    needs(K::Request, "ask", "", Needs::ObjectTo),
    row(K::Request, "request", ""),
    // "sent an official inquiry to Iran about …", "sent a request for extradition".
    needs(
        K::Request,
        "send/sent/sent",
        "send a request",
        Needs::ObjectNoun(&["inquiry", "request", "query", "appeal", "demand"]),
    ),
    row(K::Request, "recommend", ""),
    row(K::Request, "press/pressed/pressed for", "press for"),
    // Not a plea in court ("pleaded guilty", "pleads not guilty").
    needs(
        K::Request,
        "plead",
        "plead with",
        Needs::Except(&[], &["guilty", "not", "innocent", "no"]),
    ),
    row(K::Request, "ask/asked/asked for", "ask for"),
    needs(
        K::Request,
        "seek/sought/sought",
        "seek",
        Needs::SoonAfter(&[
            "clemency",
            "help",
            "assistance",
            "support",
            "release",
            "extradition",
            "pardon",
            "protection",
            "compensation",
            "aid",
        ]),
    ),
    // (Titled "warn": whom the warning is to comes between, "warned Turkey against an
    // incursion", and "warn against Turkey" would say the opposite.)
    needs(K::Request, "warn", "warn", Needs::SoonAfter(&["against"])),
    // "warned that the country risks returning to clashes if reforms are not made": a warning
    // of a danger the speaker does not bring is a call to act, not a threat.
    needs(K::Request, "warn", "warn", Needs::WarningOfRisk),
    needs(K::Request, "suggest", "", Needs::SoonAfter(&["should"])),
    row(K::Request, "n:appeal", "appeal to"),
    // ACCUSE
    row(K::Accuse, "condemn", ""),
    row(K::Accuse, "criticize", ""),
    row(K::Accuse, "criticise", "criticise"),
    row(K::Accuse, "accuse", ""),
    needs(K::Accuse, "charge", "", Needs::With),
    row(K::Accuse, "sue/sued/sued/suing", "sue"),
    row(K::Accuse, "denounce", ""),
    row(K::Accuse, "blame", ""),
    row(K::Accuse, "slam/slammed/slammed/slamming", "criticize"),
    row(K::Accuse, "decry/decried/decried", ""),
    // Not hearsay: "a woman alleged to have been given away".
    needs(K::Accuse, "allege", "", Needs::Except(&[], &["to"])),
    needs(K::Accuse, "claim", "accuse", Needs::That),
    row(K::Accuse, "indict", ""),
    needs(K::Accuse, "try/tried/tried", "try", Needs::TrialFor),
    // "went on trial for murder", "will stand trial": the subject is tried (see
    // `is_undergone`).
    // (Not "putting Bacar on trial", whose subject does the trying.)
    needs(
        K::Accuse,
        "=on trial",
        "on trial",
        Needs::Defendant(&[
            "is", "are", "was", "were", "be", "been", "being", "go", "goes", "went", "gone",
            "going",
        ]),
    ),
    row(K::Accuse, "=stand trial", "on trial"),
    row(K::Accuse, "=stands trial", "on trial"),
    row(K::Accuse, "=stood trial", "on trial"),
    row(K::Accuse, "=standing trial", "on trial"),
    row(K::Accuse, "investigate", ""),
    row(K::Accuse, "fault", ""),
    // "The findings have called into question the response of the government"
    row(
        K::Accuse,
        "call/called/called into question",
        "call into question",
    ),
    row(K::Accuse, "=was critical of", "criticize"),
    row(K::Accuse, "=were critical of", "criticize"),
    row(K::Accuse, "n:accusation/accusations", "accuse"),
    row(K::Accuse, "n:criticism", "criticize"),
    // "labelled the rebels as rats", not a name ("a user labelled “Anonymous”").
    needs(
        K::Accuse,
        "label/labelled/labelled/labelling",
        "criticize",
        Needs::Except(&[], QUOTE_MARKS),
    ),
    needs(
        K::Accuse,
        "=labeled",
        "criticize",
        Needs::Except(&[], QUOTE_MARKS),
    ),
    // "held the ministers responsible"
    needs(
        K::Accuse,
        "hold/held/held/holding",
        "hold responsible",
        Needs::SoonAfter(&["responsible", "accountable"]),
    ),
    // "expressed its disgust at the reports"
    needs(
        K::Accuse,
        "express",
        "criticize",
        Needs::SoonAfter(&[
            "disgust",
            "outrage",
            "anger",
            "dismay",
            "indignation",
            "displeasure",
            "disapproval",
        ]),
    ),
    // REJECT
    row(K::Reject, "reject", ""),
    row(K::Reject, "refuse", ""),
    row(K::Reject, "deny/denied/denied", ""),
    row(K::Reject, "veto/vetoed/vetoed", ""),
    // ("as opposed to" compares.)
    needs(K::Reject, "oppose", "", Needs::Except(&["as"], &[])),
    row(K::Reject, "boycott", ""),
    row(K::Reject, "ignore", ""),
    row(K::Reject, "defy/defied/defied", ""),
    row(K::Reject, "dispute", ""),
    row(K::Reject, "challenge", ""),
    needs(K::Reject, "dismiss", "", Needs::Claims),
    // THREATEN
    needs(K::Threaten, "threaten", "", Needs::ThreatAct),
    needs(K::Threaten, "vow", "vow a response", Needs::Threat),
    needs(K::Threaten, "warn", "warn", Needs::HostileCondition),
    needs(
        K::Threaten,
        "warn/warned/warned of",
        "warn of a response",
        Needs::Threat,
    ),
    needs(K::Threaten, "warn", "warn of a response", Needs::Threat),
    row(K::Threaten, "n:ultimatum", "issue an ultimatum"),
    needs(
        K::Threaten,
        "=there will be consequences",
        "warn of consequences",
        Needs::ForParty,
    ),
    needs(
        K::Threaten,
        "=there would be consequences",
        "warn of consequences",
        Needs::ForParty,
    ),
    row(K::Threaten, "n:threat/threats", "threaten"),
    // PROTEST
    row(K::Protest, "protest", ""),
    row(K::Protest, "demonstrate", ""),
    row(K::Protest, "rally/rallied/rallied", ""),
    row(K::Protest, "march", ""),
    row(K::Protest, "riot", ""),
    row(
        K::Protest,
        "take/took/taken to the streets",
        "take to the streets",
    ),
    row(K::Protest, "n:protest/protests", "protest"),
    row(K::Protest, "n:demonstration/demonstrations", "demonstrate"),
    row(K::Protest, "n:rally", "rally"),
    row(K::Protest, "n:riots", "riot"),
    // SANCTION
    row(K::Sanction, "sanction", ""),
    row(K::Sanction, "expel/expelled/expelled/expelling", ""),
    row(K::Sanction, "halt", ""),
    row(K::Sanction, "suspend", ""),
    // What one side cuts another off from: not "homes had power cut off" by a storm, nor
    // "cut off his legs".
    needs(
        K::Sanction,
        "cut/cut/cut off",
        "cut off",
        Needs::Object(&[
            "aid",
            "supplies",
            "supply",
            "ties",
            "relations",
            "funding",
            "funds",
            "access",
            "trade",
            "contact",
            "contacts",
            "talks",
            "communications",
            "internet",
            "gas",
            "oil",
            "exports",
            "imports",
            "fuel",
            "food",
            "assistance",
            "payments",
            "diplomatic",
            "routes",
            "route",
            "deliveries",
            "shipments",
            "loans",
            "credit",
            "electricity",
            "water",
            "power",
            "road",
            "roads",
            "highway",
            "town",
            "city",
            "area",
            "region",
            "province",
        ]),
    ),
    needs(
        K::Sanction,
        "freeze/froze/frozen",
        "",
        Needs::Object(&[
            "assets",
            "accounts",
            "funds",
            "funding",
            "aid",
            "talks",
            "relations",
            "ties",
            "payments",
            "property",
            "properties",
            "money",
            "exports",
            "imports",
            "hiring",
            "deposits",
            "holdings",
            "cooperation",
            "visas",
            "reserves",
            "transfer",
            "transfers",
            "participation",
            "membership",
            "accession",
            "programme",
            "program",
            "plans",
            "spending",
            "budget",
            "negotiations",
            "contacts",
            "loans",
            "revenues",
            "wealth",
            "construction",
            "enrichment",
            "settlement",
            "settlements",
            "activities",
            "activity",
            "production",
            "operations",
            "testing",
            "tests",
            "work",
            "recruitment",
        ]),
    ),
    row(K::Sanction, "n:sanctions", "impose sanctions"),
    row(K::Sanction, "n:embargo", "impose an embargo"),
    // MOBILIZE
    needs(K::Mobilize, "fire", "fire missiles", Needs::Weapon),
    needs(K::Mobilize, "launch", "launch missiles", Needs::Weapon),
    row(K::Mobilize, "test-fire", "test-fire missiles"),
    needs(K::Mobilize, "test", "test weapons", Needs::Weapon),
    row(K::Mobilize, "deploy", "deploy forces"),
    row(K::Mobilize, "mobilize", "mobilize forces"),
    row(K::Mobilize, "mobilise", "mobilise forces"),
    // "reinforced its positions", not "reinforced the sense of unease".
    needs(
        K::Mobilize,
        "reinforce",
        "reinforce forces",
        Needs::Object(&[
            "troops",
            "forces",
            "positions",
            "garrison",
            "garrisons",
            "border",
            "units",
            "defences",
            "defenses",
            "lines",
            "front",
            "presence",
            "troop",
            "military",
            "army",
            "soldiers",
            "base",
            "bases",
            "patrols",
        ]),
    ),
    needs(K::Mobilize, "send/sent/sent", "send troops", Needs::Troops),
    row(K::Mobilize, "increase security", ""),
    needs(
        K::Mobilize,
        "increase",
        "increase military presence",
        Needs::MilitaryPresence,
    ),
    needs(
        K::Mobilize,
        "boost",
        "increase military presence",
        Needs::MilitaryPresence,
    ),
    needs(
        K::Mobilize,
        "expand",
        "increase military presence",
        Needs::MilitaryPresence,
    ),
    // (Not "celebratory gunfire", "mistaken for gunfire".)
    needs(
        K::Assault,
        "n:gunfire",
        "exchange fire",
        Needs::Except(&["celebratory", "for", "like"], &[]),
    ),
    row(K::Mobilize, "tighten security", ""),
    row(K::Mobilize, "=on high alert", "go on high alert"),
    row(K::Mobilize, "=on high levels of alert", "go on high alert"),
    row(K::Mobilize, "=on full alert", "go on high alert"),
    row(K::Mobilize, "=on maximum alert", "go on high alert"),
    needs(K::Mobilize, "n:launch", "launch a missile", Needs::Weapon),
    needs(K::Mobilize, "n:launches", "launch missiles", Needs::Weapon),
    needs(K::Mobilize, "n:test", "test a missile", Needs::Weapon),
    needs(K::Mobilize, "n:tests", "test missiles", Needs::Weapon),
    needs(K::Mobilize, "n:landing", "land a missile", Needs::Weapon),
    row(K::Mobilize, "n:drills", "hold military drills"),
    row(K::Mobilize, "n:exercises", "hold military exercises"),
    row(K::Mobilize, "n:patrols", "patrol"),
    // ASSAULT
    row(K::Assault, "attack", ""),
    sense(
        K::Assault,
        "strike/struck/struck",
        "strike",
        Needs::Nothing,
        Sense::Harm,
    ),
    row(K::Assault, "shell/shelled/shelled", ""),
    row(K::Assault, "bomb", ""),
    row(K::Assault, "invade", ""),
    sense(K::Assault, "kill", "", Needs::Nothing, Sense::Harm),
    sense(K::Assault, "wound", "", Needs::Nothing, Sense::Harm),
    sense(K::Assault, "injure", "", Needs::Nothing, Sense::Harm),
    row(K::Assault, "stab/stabbed/stabbed/stabbing", ""),
    row(K::Assault, "assault", ""),
    row(K::Assault, "ambush", ""),
    // A military advance: "rebels advanced on Tripoli", "edged closer to the capital".
    needs(
        K::Assault,
        "advance/advanced/advanced on",
        "advance on",
        Needs::ArmedSubject,
    ),
    needs(
        K::Assault,
        "advance/advanced/advanced toward",
        "advance on",
        Needs::ArmedSubject,
    ),
    needs(
        K::Assault,
        "advance/advanced/advanced towards",
        "advance on",
        Needs::ArmedSubject,
    ),
    needs(
        K::Assault,
        "edge/edged/edged closer to",
        "advance on",
        Needs::ArmedSubject,
    ),
    // "a brief shot at a career", "a flu shot": a noun, not shooting.
    needs(
        K::Assault,
        "shoot/shot/shot",
        "",
        Needs::Except(
            &[
                "a", "an", "brief", "long", "big", "parting", "booster", "flu", "mug", "cheap",
                "another", "best", "good", "his", "her", "their", "gun",
            ],
            &[],
        ),
    ),
    row(K::Assault, "gun/gunned/gunned down", "gun down"),
    row(K::Assault, "open/opened/opened fire", "open fire"),
    // "Soldiers fired on protesters": armed men shooting at someone (not "was fired on
    // corruption charges", "firing on all cylinders", "came under fire on Monday").
    needs(
        K::Assault,
        "fire/fired/fired/firing on",
        "fire on",
        Needs::Shooters,
    ),
    // Force against a crowd: "police fired tear gas", "fired rubber bullets".
    row(
        K::Assault,
        "fire/fired/fired/firing tear gas",
        "fire tear gas",
    ),
    row(
        K::Assault,
        "fire/fired/fired/firing rubber bullets",
        "fire rubber bullets",
    ),
    row(
        K::Assault,
        "fire/fired/fired/firing teargas",
        "fire tear gas",
    ),
    row(K::Assault, "kidnap/kidnapped/kidnapped/kidnapping", ""),
    row(K::Assault, "abduct", ""),
    row(K::Assault, "assassinate", ""),
    row(K::Assault, "massacre", ""),
    row(K::Assault, "behead", ""),
    row(K::Assault, "torture", ""),
    row(K::Assault, "target", ""),
    row(K::Assault, "clash", "clash with"),
    needs(
        K::Assault,
        "battle",
        "",
        Needs::NotObject(&[
            "blaze",
            "fire",
            "fires",
            "flames",
            "wildfire",
            "wildfires",
            "cancer",
            "illness",
        ]),
    ),
    // Not a struggle: "fighting to stay in the country", "fighting a battle to prevent a
    // meltdown", "fighting for their rights".
    needs(
        K::Assault,
        "fight/fought/fought",
        "",
        Needs::Except(&[], &["to", "for", "a"]),
    ),
    row(K::Assault, "exchange fire", ""),
    // "Government forces put up a brief fight at the village": resistance is fighting.
    row(K::Assault, "put/put/put/putting up a fight", "fight"),
    row(K::Assault, "put/put/put/putting up a brief fight", "fight"),
    row(K::Assault, "put/put/put/putting up a fierce fight", "fight"),
    row(K::Assault, "put/put/put/putting up a stiff fight", "fight"),
    row(
        K::Assault,
        "put/put/put/putting up fierce resistance",
        "fight",
    ),
    row(
        K::Assault,
        "put/put/put/putting up stiff resistance",
        "fight",
    ),
    // Taking up arms is fighting begun; said of the future, it is a threat (threat_speakers).
    needs(
        K::Assault,
        "take/took/taken up arms",
        "take up arms",
        Needs::NotSoonAfter(&["purchases", "sales", "deals", "exports", "imports", "trade"]),
    ),
    row(K::Assault, "exchange artillery fire", "exchange fire"),
    row(K::Assault, "exchange gunfire", "exchange fire"),
    // Force against a crowd, and a crowd's stones: "spraying water cannons at the
    // protesters", "threw stones and bottles".
    needs(
        K::Assault,
        "spray",
        "use water cannon",
        Needs::SoonAfter(&["cannon", "cannons", "gas", "pepper"]),
    ),
    needs(
        K::Assault,
        "throw/threw/thrown",
        "throw stones",
        Needs::Thrown,
    ),
    needs(K::Assault, "hurl", "throw stones", Needs::Thrown),
    row(K::Assault, "blow/blew/blown up", "blow up"),
    row(K::Assault, "detonate", ""),
    row(K::Assault, "set/set/set fire to", "set fire to"),
    row(K::Assault, "torch", ""),
    needs(
        K::Assault,
        "drop/dropped/dropped",
        "drop bombs",
        Needs::Weapon,
    ),
    sense(
        K::Assault,
        "hit/hit/hit/hitting",
        "hit",
        Needs::Cause,
        Sense::Harm,
    ),
    sense(K::Assault, "storm", "", Needs::Nothing, Sense::Storm),
    row(K::Assault, "n:attack/attacks", "attack"),
    row(
        K::Assault,
        "n:airstrike/airstrikes/air strike/air strikes",
        "carry out airstrikes",
    ),
    row(K::Assault, "n:strikes", "carry out strikes"),
    row(K::Assault, "n:shelling", "shell"),
    // ("bombarded with questions" is no attack.)
    needs(K::Assault, "bombard", "", Needs::Except(&[], &["with"])),
    row(K::Assault, "n:bombardment/bombardments", "bombard"),
    row(K::Assault, "n:bombing/bombings", "bomb"),
    row(K::Assault, "n:invasion", "invade"),
    row(K::Assault, "n:offensive", "launch an offensive"),
    needs(
        K::Assault,
        "n:fighting",
        "fight",
        Needs::Except(&[], &["to", "for", "a"]),
    ),
    row(K::Assault, "n:battle/battles", "fight"),
    row(K::Assault, "n:clashes", "clash with"),
    row(K::Assault, "n:ambush", "ambush"),
    row(K::Assault, "n:shooting", "shoot"),
    row(K::Assault, "n:assassination", "assassinate"),
    row(K::Assault, "n:kidnapping", "kidnap"),
    row(K::Assault, "n:massacre", "massacre"),
    // "an Israeli air raid on Gaza": from the air, an attack, not a police raid.
    // (Not "air raid sirens", "an air raid alert", "air raid shelters".)
    needs(
        K::Assault,
        "n:air raid/air raids",
        "raid",
        Needs::Except(
            &[],
            &[
                "siren", "sirens", "alert", "alerts", "shelter", "shelters", "warning", "warnings",
            ],
        ),
    ),
    // COERCE
    row(K::Coerce, "arrest", ""),
    row(K::Coerce, "raid", ""),
    row(K::Coerce, "jail", ""),
    row(K::Coerce, "imprison", ""),
    row(K::Coerce, "sentence", ""),
    row(K::Coerce, "evict", ""),
    row(K::Coerce, "detain", ""),
    row(K::Coerce, "seize", ""),
    // "Hamas captured the soldier", "troops captured the town", not "captured the
    // imagination", "captured the Senate" or "captured on video".
    needs(K::Coerce, "capture", "", Needs::Captive),
    // Seizing a ship or a plane by force, as "seized by pirates" is.
    row(K::Coerce, "hijack", ""),
    row(K::Coerce, "annex", ""),
    row(K::Coerce, "occupy/occupied/occupied", ""),
    row(K::Coerce, "deport", ""),
    row(K::Coerce, "extradite", ""),
    needs(K::Coerce, "force", "force", Needs::To),
    // Not "a convicted felon": a description.
    needs(
        K::Coerce,
        "convict",
        "",
        Needs::Except(
            &[],
            &[
                "felon",
                "felons",
                "murderer",
                "sex",
                "offender",
                "offenders",
                "fraudster",
            ],
        ),
    ),
    row(K::Coerce, "summon", ""),
    row(K::Coerce, "disperse", ""),
    row(K::Coerce, "censor", ""),
    sense(K::Coerce, "rescue", "", Needs::Nothing, Sense::Rescue),
    row(K::Coerce, "confiscate", ""),
    row(K::Coerce, "ban/banned/banned/banning", ""),
    needs(K::Coerce, "bar/barred/barred/barring", "bar", Needs::From),
    needs(K::Coerce, "prevent", "", Needs::From),
    row(K::Coerce, "crack/cracked/cracked down", "crack down"),
    row(
        K::Coerce,
        "take/took/taken into custody",
        "take into custody",
    ),
    // "took three activists into custody"
    needs(
        K::Coerce,
        "take/took/taken",
        "take into custody",
        Needs::SoonAfter(&["custody"]),
    ),
    row(K::Coerce, "n:colonial rule", "rule as a colony"),
    needs(K::Coerce, "rule", "rule", Needs::Colony),
    row(K::Coerce, "n:occupation", "occupy"),
    row(K::Coerce, "n:blockade", "blockade"),
    // "blocked protesters from entering the plaza"
    needs(K::Coerce, "block", "", Needs::From),
    row(K::Coerce, "n:crackdown", "crack down"),
    row(K::Coerce, "n:arrest/arrests", "arrest"),
    row(K::Coerce, "n:raid/raids", "raid"),
    // INCIDENT: what happens outside PLOVER's interactions.
    row(K::Incident, "die/died/died/dying", "die"),
    needs(K::Incident, "bury/buried/buried", "bury", Needs::Buried),
    row(K::Incident, "crash", ""),
    row(K::Incident, "collapse", ""),
    // Debris, bodies or a boat found on a shore.
    row(K::Incident, "wash/washed/washed ashore", "wash ashore"),
    row(K::Incident, "derail", ""),
    needs(K::Incident, "drown", "", Needs::Except(&[], &["out"])),
    sense(K::Incident, "explode", "", Needs::Nothing, Sense::Blast),
    sense(
        K::Incident,
        "sink/sank/sunk",
        "",
        Needs::Nothing,
        Sense::Blast,
    ),
    row(K::Incident, "vote", ""),
    needs(K::Incident, "pass", "pass a law", Needs::Bill),
    needs(
        K::Incident,
        "elect",
        "",
        Needs::Except(
            &[
                "newly",
                "democratically",
                "popularly",
                "duly",
                "freely",
                "directly",
            ],
            &[],
        ),
    ),
    sense(
        K::Incident,
        "n:explosion/explosions/blast/blasts",
        "explode",
        Needs::Nothing,
        Sense::Blast,
    ),
    row(
        K::Incident,
        "n:earthquake/quake/earthquakes/quakes/aftershock/aftershocks/tremor/tremors",
        "strike",
    ),
    row(K::Incident, "n:flood/floods/flooding", "flood"),
    row(
        K::Incident,
        "n:storm/cyclone/hurricane/typhoon/tornado",
        "strike",
    ),
    needs(
        K::Incident,
        "n:wildfire/wildfires/fire/blaze",
        "burn",
        Needs::Except(FIRE_NOT_BEFORE, FIRE_NOT_AFTER),
    ),
    row(K::Incident, "n:crash/collision/accident", "crash"),
    row(K::Incident, "n:outbreak/epidemic", "break out"),
    row(
        K::Incident,
        "n:landslide/avalanche/eruption/stampede",
        "strike",
    ),
    needs(
        K::Incident,
        "n:election/elections/referendum/polls/vote",
        "hold an election",
        Needs::Held,
    ),
    needs(
        K::Incident,
        "n:death/deaths",
        "die",
        Needs::Except(
            &["to", "his", "her", "their", "whose"],
            &[
                "toll",
                "tolls",
                "penalty",
                "sentence",
                "sentences",
                "row",
                "squad",
                "squads",
                "threat",
                "threats",
                "certificate",
                "camp",
                "camps",
            ],
        ),
    ),
    row(K::Incident, "n:surgery", "undergo surgery"),
];

/// Words after "buried" that make it a disaster's doing ("buried under rubble").
const BURYING: &[&str] = &[
    "under",
    "rubble",
    "alive",
    "beneath",
    "debris",
    "mud",
    "snow",
    "landslide",
    "mudslide",
    "avalanche",
];

/// What one meets that is no one to meet with ("met some resistance", "met her husband").
const NOT_MET: &[&str] = &[
    // "at meeting points": a place, not a meeting.
    "points",
    "resistance",
    "opposition",
    "criticism",
    "demands",
    "demand",
    "approval",
    "expectations",
    "deadline",
    "target",
    "targets",
    "standards",
    "requirements",
    "needs",
    "fate",
    "end",
    "death",
    "husband",
    "wife",
    "girlfriend",
    "boyfriend",
    "challenge",
    "criteria",
];

/// Places and arms a force takes, and people it holds: "captured the town", "captured the
/// suspect".
const STRONGHOLDS: &[&str] = &[
    "town",
    "towns",
    "city",
    "cities",
    "village",
    "villages",
    "base",
    "bases",
    "airport",
    "airfield",
    "positions",
    "territory",
    "hill",
    "bridge",
    "port",
    "stronghold",
    "strongholds",
    "outpost",
    "outposts",
    "district",
    "province",
    "capital",
    "checkpoint",
    "tank",
    "tanks",
    "ship",
    "vessel",
    "suspect",
    "pilot",
    "fighter",
    "commander",
    "leader",
    "militant",
    "hostage",
];

/// What a crowd throws: "threw stones", "hurled rocks and bottles".
const THROWN: &[&str] = &[
    "stones", "rocks", "bottles", "eggs", "bricks", "grenades", "petrol", "molotov",
];

/// Words before "fire" that make it shooting, not a blaze ("rocket fire", "opened fire").
const FIRE_NOT_BEFORE: &[&str] = &[
    "rocket",
    "artillery",
    "gun",
    "gunfire",
    "mortar",
    "tank",
    "sniper",
    "machine-gun",
    "return",
    "returned",
    "cross",
    "heavy",
    "small-arms",
    "weapons",
    "friendly",
    "hostile",
    "open",
    "opened",
    "opening",
    "under",
    "cease",
    "anti-aircraft",
];
/// Words after "fire" that make it a service or a thing, not a blaze ("fire trucks").
const FIRE_NOT_AFTER: &[&str] = &[
    "trucks",
    "truck",
    "engines",
    "engine",
    "fighters",
    "fighter",
    "brigade",
    "brigades",
    "department",
    "departments",
    "service",
    "services",
    "station",
    "stations",
    "crews",
    "crew",
    "exchange",
    "exchanges",
    "extinguishers",
    "extinguisher",
    "alarm",
    "alarms",
    "safety",
    "hazard",
    "on",
    "at",
];

/// Verbs after a noun that show it happened ("an earthquake struck", "the vote was held").
const HAPPENING_VERBS: &[&str] = &[
    "struck",
    "hit",
    "hits",
    "killed",
    "kills",
    "destroyed",
    "rocked",
    "ripped",
    "tore",
    "occurred",
    "happened",
    "erupted",
    "broke",
    "left",
    "claimed",
    "swept",
    "damaged",
    "injured",
    "wounded",
    "shook",
    "caused",
    "forced",
    "took",
    "was",
    "were",
    "has",
    "have",
    "had",
    "began",
    "ended",
];

/// Words that show a blast or a strike was an attack.
const ATTACK_WORDS: &[&str] = &[
    "bomb",
    "bombs",
    "bomber",
    "bombers",
    "bombing",
    "suicide",
    "grenade",
    "grenades",
    "ied",
    "ieds",
    "missile",
    "missiles",
    "rocket",
    "rockets",
    "shell",
    "shells",
    "mortar",
    "mortars",
    "airstrike",
    "airstrikes",
    "gunmen",
    "gunman",
    "attack",
    "attacks",
    "attacker",
    "attackers",
    "militants",
    "insurgents",
    "terrorist",
    "terrorists",
    "troops",
    "soldiers",
    "forces",
    "torpedo",
    "drone",
    "drones",
    "explosives",
    "shot",
    "shooting",
    "artillery",
    "gunfire",
    "sniper",
    "stabbed",
];

/// Words that show a death or damage was a disaster, illness or accident.
const DISASTER_WORDS: &[&str] = &[
    "earthquake",
    "quake",
    "flood",
    "floods",
    "flooding",
    "storm",
    "storms",
    "cyclone",
    "hurricane",
    "typhoon",
    "tornado",
    "tsunami",
    "landslide",
    "landslides",
    "mudslide",
    "mudslides",
    "rockslide",
    "avalanche",
    "fire",
    "fires",
    "wildfire",
    "blaze",
    "crash",
    "collision",
    "accident",
    "cholera",
    "disease",
    "outbreak",
    "epidemic",
    "virus",
    "flu",
    "illness",
    "cancer",
    "heatwave",
    "heat",
    "drought",
    "famine",
    "eruption",
    "volcano",
    "stampede",
    "collapse",
    "derailment",
    "drowned",
    "lightning",
    "snow",
    "rain",
    "rains",
    // "were killed when the hotel collapsed": the verbs of a mishap.
    "collapsed",
    "crashed",
    "capsized",
    "derailed",
];

/// Who storms a building in protest.
const PROTESTERS: &[&str] = &[
    "protesters",
    "protestors",
    "demonstrators",
    "crowd",
    "crowds",
    "supporters",
    "mob",
    "rioters",
    "students",
    "activists",
];

/// What a legislature passes.
const BILLS: &[&str] = &[
    "bill",
    "bills",
    "law",
    "laws",
    "resolution",
    "motion",
    "legislation",
    "budget",
    "amendment",
    "act",
    "measure",
    "reform",
    "reforms",
];

/// Nouns of goods given as aid.
const AID_GOODS: &[&str] = &[
    "aid",
    "assistance",
    "food",
    "medicine",
    "medicines",
    "supplies",
    "relief",
    "funding",
    "funds",
    "money",
    "loans",
    "loan",
    "equipment",
    "vaccines",
    "tents",
    "water",
    "shelter",
    "support",
];

/// Nouns of troops and ships sent.
/// True when the words after a verb of deploying name a thing, not armed men ("deployed
/// long-range acoustical devices"): the title then says no "forces" the text does not.
pub(super) fn deploys_things(doc: &Doc, after: usize) -> bool {
    let mut saw_word = false;
    for k in after..(after + 6).min(doc.tokens.len()) {
        let t = &doc.tokens[k];
        // A name: most often units or ships ("the USS Ford"); a count says nothing of what it
        // counts ("3,000 troops", "20 water cannons").
        if !saw_word && t.cap {
            return false;
        }
        let number_at = |j: usize| {
            doc.tokens
                .get(j)
                .is_some_and(|x| x.kind == TokenKind::Number)
        };
        if t.kind == TokenKind::Number
            || doc.is(k, ",") && number_at(k - 1) && number_at(k + 1)
            || doc.is_any(k, &["hundreds", "thousands", "dozens", "tens", "of"])
        {
            continue;
        }
        if doc.is_any(k, super::DETERMINERS)
            || doc.is_any(
                k,
                &[
                    "more",
                    "additional",
                    "extra",
                    "further",
                    "new",
                    "some",
                    "several",
                ],
            )
        {
            continue;
        }
        if t.kind != TokenKind::Word {
            return saw_word;
        }
        if doc.is_any(k, TROOPS)
            || doc.is_any(
                k,
                &[
                    "personnel",
                    "officers",
                    "men",
                    "conscripts",
                    "gendarmes",
                    "guardsmen",
                    "reservists",
                    "paratroopers",
                    "commandos",
                    "sailors",
                    "military",
                    "presence",
                    "naval",
                    "fighters",
                    "guards",
                    "police",
                    "army",
                ],
            )
        {
            return false;
        }
        // A preposition right after the verb: no object ("deployed to the border").
        if !saw_word
            && doc.is_any(
                k,
                &[
                    "to", "in", "on", "at", "into", "along", "near", "across", "from", "as",
                ],
            )
        {
            return false;
        }
        if saw_word && doc.is_any(k, &["to", "in", "on", "at", "into", "along", "near", "and"]) {
            return true;
        }
        saw_word = true;
    }
    saw_word
}

const TROOPS: &[&str] = &[
    "troops",
    "soldiers",
    "forces",
    "warships",
    "ships",
    "jets",
    "aircraft",
    "police",
    "peacekeepers",
    "marines",
    "reinforcements",
    "units",
    "battalion",
    "brigade",
];

/// Armed men who shoot, besides troops and armed groups ("gunmen fired on the bus").
const SHOOTERS: &[&str] = &[
    "gunmen",
    "gunman",
    "snipers",
    "sniper",
    "pirates",
    "officers",
    "military",
    "guards",
    "assailants",
    "attackers",
    "militia",
    "soldier",
];

/// Armed groups that advance ("rebels advanced on the capital").
const ARMED_GROUPS: &[&str] = &[
    "rebels",
    "insurgents",
    "militants",
    "fighters",
    "militias",
    "militiamen",
    "army",
    "tanks",
    "columns",
];

/// What is published rather than set free.
const PUBLICATIONS: &[&str] = &[
    "statement",
    "report",
    "video",
    "footage",
    "figures",
    "data",
    "details",
    "album",
    "results",
    "list",
    "photos",
    "pictures",
    "photographs",
    "images",
    "document",
    "documents",
    "recording",
    "book",
    "film",
    "version",
    "update",
    "information",
    "findings",
    "plan",
    "budget",
    "guidelines",
    "transcript",
];

/// What may be dismissed or disputed as a claim.
const CLAIMS: &[&str] = &[
    "claim",
    "claims",
    "allegation",
    "allegations",
    "accusation",
    "accusations",
    "report",
    "reports",
    "charges",
    "criticism",
    "suggestions",
    "calls",
    "idea",
    "notion",
];

/// A trigger whose subject undergoes it, as a passive's does ("went on trial").
pub(super) fn is_undergone(t: &Trigger) -> bool {
    t.verb == "on trial"
}

/// Inflects a regular verb: (3rd person singular, past and participle, -ing).
fn regular_forms(base: &str) -> (String, String, String) {
    let vowel = |c: char| "aeiou".contains(c);
    let third =
        if base.ends_with(['s', 'x', 'z', 'o']) || base.ends_with("sh") || base.ends_with("ch") {
            format!("{base}es")
        } else if base.ends_with('y') && !base[..base.len() - 1].ends_with(vowel) {
            format!("{}ies", &base[..base.len() - 1])
        } else {
            format!("{base}s")
        };
    let past = if base.ends_with('e') {
        format!("{base}d")
    } else if base.ends_with('y') && !base[..base.len() - 1].ends_with(vowel) {
        format!("{}ied", &base[..base.len() - 1])
    } else {
        format!("{base}ed")
    };
    let ing = if base.ends_with('e') && !base.ends_with("ee") {
        format!("{}ing", &base[..base.len() - 1])
    } else {
        format!("{base}ing")
    };
    (third, past, ing)
}

fn leak(s: String) -> &'static str {
    // The lexicon is built once and lives as long as the program: leaking it is the static.
    Box::leak(s.into_boxed_str())
}

/// The lexicon expanded into every form, longest phrases first for each first word.
pub(super) static TRIGGERS: std::sync::LazyLock<Vec<Trigger>> = std::sync::LazyLock::new(|| {
    let mut out = Vec::new();
    for &(kind, forms, title, needs, sense) in LEXICON {
        if let Some(phrase) = forms.strip_prefix('=') {
            out.push(Trigger {
                words: phrase.split(' ').collect(),
                kind,
                verb: title,
                participle: title,
                nominal: false,
                needs,
                sense,
                form: Form::Other,
            });
            continue;
        }
        if let Some(nouns) = forms.strip_prefix("n:") {
            for noun in nouns.split('/') {
                out.push(Trigger {
                    words: noun.split(' ').collect(),
                    kind,
                    verb: title,
                    participle: title,
                    nominal: true,
                    needs,
                    sense,
                    form: Form::Noun,
                });
            }
            continue;
        }
        let (head, rest) = forms.split_once(' ').map_or((forms, ""), |(h, r)| (h, r));
        let parts: Vec<&str> = head.split('/').collect();
        let base = parts[0];
        let (third, reg_past, reg_ing) = regular_forms(base);
        let past = parts.get(1).map_or(reg_past.clone(), |p| p.to_string());
        let participle = parts.get(2).map_or(past.clone(), |p| p.to_string());
        let ing = parts.get(3).map_or(reg_ing, |p| p.to_string());
        let title_verb = if title.is_empty() {
            leak(if rest.is_empty() {
                base.to_owned()
            } else {
                format!("{base} {rest}")
            })
        } else {
            title
        };
        let with_rest = |w: &str| -> String {
            if rest.is_empty() {
                w.to_owned()
            } else {
                format!("{w} {rest}")
            }
        };
        let participle_phrase = leak(with_rest(&participle));
        // A spelling shared by two forms ("hit" is base and past) takes the freer one.
        let mut forms: Vec<(String, Form)> = Vec::new();
        for (spelling, form) in [
            (base.to_owned(), Form::Base),
            (third, Form::Third),
            (past, Form::Other),
            (participle, Form::Other),
            (ing, Form::Other),
        ] {
            let phrase = with_rest(&spelling);
            match forms.iter_mut().find(|(p, _)| *p == phrase) {
                Some(f) => f.1 = Form::Other,
                None => forms.push((phrase, form)),
            }
        }
        for (phrase, form) in forms {
            out.push(Trigger {
                words: leak(phrase).split(' ').collect(),
                kind,
                verb: title_verb,
                participle: participle_phrase,
                nominal: false,
                needs,
                sense,
                form,
            });
        }
    }
    out
});

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
    "gave",
    "issued",
    "mounted",
    "declared",
    "faced",
    "suffered",
    "survived",
    "caused",
    "triggered",
    "sparked",
    "killed",
    "left",
];

/// Quotation marks, as tokens.
const QUOTE_MARKS: &[&str] = &["\"", "\u{201c}", "'", "\u{2018}"];

/// Words naming what is fired or dropped ("missiles", "rounds").
pub(super) const WEAPONS: &[&str] = &[
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
    "bomb",
    "bombs",
    "arms",
    "munitions",
    "mortar",
    "mortars",
    "rounds",
    "shots",
    "bullets",
    "guns",
    "grenades",
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
/// Hostile acts a warning can make the condition of a threat: "warned Israel that any attacks
/// on Gaza would …".
const HOSTILE_NOUNS: &[&str] = &[
    "attack",
    "attacks",
    "aggression",
    "strike",
    "strikes",
    "incursion",
    "incursions",
    "invasion",
    "provocation",
    "provocations",
];
/// Verbs after "would" that tell a harm an act would cause, not the answer a threat promises:
/// "any strike on the plant would cause a disaster".
const CONSEQUENCE_VERBS: &[&str] = &[
    "cause",
    "devastate",
    "lead",
    "result",
    "harm",
    "damage",
    "hurt",
    "undermine",
    "jeopardize",
    "jeopardise",
    "endanger",
    "worsen",
    "deepen",
    "risk",
    "close",
];
/// The party mention that starts at token `k`, if one does.
pub(super) fn mention_at(inp: &Inputs, k: usize) -> Option<crate::extract::parties::PartyMention> {
    inp.parties
        .mention_starting_at(inp.doc.tokens.get(k)?.span.start)
        .copied()
}
/// "warned Israel that any attacks on Gaza would open the doors of war": someone warned by
/// name, a hostile act with its own aim right after "any", then "would" or "will" and no verb
/// of mere harm. (Not "Analysts warned that any attack would devastate the economy", nor a
/// labour "strike by nurses", nor "any attack sites".)
fn hostile_condition(inp: &Inputs, last: usize, range: &std::ops::Range<usize>) -> bool {
    let doc = inp.doc;
    let named = |k: usize| mention_at(inp, k).is_some();
    // ("warned the United States": past its article.)
    let warned = doc.is_any(last + 1, &["him", "her", "them", "us"])
        || named(last + 1)
        || doc.is(last + 1, "the") && named(last + 2);
    warned
        && (last + 2..(last + 12).min(range.end)).any(|k| {
            doc.is(k, "any")
                && doc.is_any(k + 1, HOSTILE_NOUNS)
                // (The act's own aim or place, or the modal: not "any attack sites", nor a
                // labour "strike by nurses".)
                && doc.is_any(
                    k + 2,
                    &[
                        "on", "against", "into", "from", "near", "in", "at", "across", "would",
                        "will",
                    ],
                )
                && (k + 2..range.end)
                    .find(|&j| doc.is_any(j, &["would", "will"]))
                    .is_some_and(|m| {
                        // ("would be met with force", not "would be a violation".)
                        let harm = doc.is_any(m + 1, CONSEQUENCE_VERBS);
                        let state = doc.is(m + 1, "be")
                            && !doc.low(m + 2).ends_with("ed")
                            && !doc.is(m + 2, "met");
                        !(harm || state)
                    })
        })
}
/// First word → trigger entries starting with it.
static TRIGGER_INDEX: std::sync::LazyLock<WordMap<Vec<usize>>> = std::sync::LazyLock::new(|| {
    let mut m: WordMap<Vec<usize>> = WordMap::default();
    for (i, t) in TRIGGERS.iter().enumerate() {
        m.entry(t.words[0]).or_default().push(i);
    }
    m
});
pub(super) fn verbal_trigger_at(doc: &Doc, i: usize) -> bool {
    i < doc.tokens.len()
        && TRIGGER_INDEX.get(doc.low(i)).is_some_and(|entries| {
            entries.iter().any(|&e| {
                let t = &TRIGGERS[e];
                !t.nominal && t.words.iter().enumerate().all(|(k, w)| doc.is(i + k, w))
            })
        })
}
/// A noun trigger's words start at token `i` ("bombing", "the attack" at "attack").
pub(super) fn nominal_trigger_at(doc: &Doc, i: usize) -> bool {
    TRIGGER_INDEX.get(doc.low(i)).is_some_and(|entries| {
        entries.iter().any(|&e| {
            let t = &TRIGGERS[e];
            t.nominal && t.words.iter().enumerate().all(|(k, w)| doc.is(i + k, w))
        })
    })
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
        let quote = inside_quote(inp.quotes, doc.tokens[i].span.start);
        // "“We urge the governments of the region to work together,” Rathke said": a speaker
        // appealing in the words quoted makes an appeal, even inside the quote.
        let told = quote.filter(|&q| inp.quotes[q].speaker.is_some());
        let body_speaks =
            told.is_some_and(|q| body_speaks_at_quote_start(inp, i, inp.quotes[q].span.start));
        let performative =
            body_speaks || told.is_some() && first_person_before(doc, i, s.tokens.start);
        let in_date = date_tokens.iter().any(|&(a, b)| (a..=b).contains(&i));
        if quote.is_some() && !performative || in_date {
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
            (!performative
                || !trig.nominal
                    && (trig.form != Form::Third || body_speaks)
                    && !doc.low(i).ends_with("ed")
                    // An appeal: "we urge", "I call on"; "I ask" is too often a plea for oneself.
                    && trig.kind == EventKind::Request
                    && !doc.is(i, "ask"))
                && form_fits(inp, trig.form, i)
                // "sympathies to the injured": a participle after "the" names people, and no
                // verb follows "the".
                && (trig.nominal || i == s.tokens.start || !doc.is(i - 1, "the"))
                && !inside_name(doc, si, i, last)
                // "Fighting between the army and rebels": a gerund with two sides is a noun.
                && (trig.nominal || !doc.low(i).ends_with("ing") || !doc.is(last + 1, "between"))
                && !(modifier(doc, trig, i, last)
                    || noun_modifying_ing(inp, trig, i, &range)
                    || trig.nominal
                        && background(doc, i, &range)
                        && !talks_with_someone(inp, trig, last, &range)
                        && !lede_with_own_date(
                            doc,
                            si,
                            i + trig.words.len() - 1,
                            &range,
                            &date_tokens,
                        ))
                && needs_met(inp, trig, i, last, &range)
                && (!trig.nominal
                    || noun_happened(inp, i, last, &range, &date_tokens)
                    || matches!(trig.kind, EventKind::Assault | EventKind::Coerce)
                        && aimed_at_place(inp, i, last, &range)
                    || trig.sense == Sense::Truce && truce_ended(doc, i, &range))
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
        // "met Lind in Oslo on Thursday to discuss quotas": the infinitive is the purpose of
        // the meeting just told, not a second meeting. It stays a hit, so that the meeting's
        // parties end before it ("to discuss Ukraine"), but makes no event and takes no date.
        let purpose_of_verb = !trig.nominal
            && i > range.start
            && doc.is(i - 1, "to")
            && hits.last().is_some_and(|h: &Hit| {
                let verb = &TRIGGERS[h.entry];
                verb.kind == trig.kind
                    && !verb.nominal
                    && h.last < i
                    && i - h.last <= 12
                    && !doc.is(h.first.saturating_sub(1), "to")
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
            purpose: purpose_of_verb,
        });
        i = last + 1;
    }
    hits
}
/// The mention of a body (no person) that ends right before token `i`, past an "also": the
/// subject of a verb inside a quote ("The Iraqi government also calls on …").
pub(super) fn body_before(inp: &Inputs, i: usize) -> Option<crate::extract::parties::PartyMention> {
    let doc = inp.doc;
    let k = if i > 0 && doc.is(i - 1, "also") {
        i - 1
    } else {
        i
    };
    let m = *inp
        .parties
        .mention_ending_at(doc.tokens.get(k.checked_sub(1)?)?.span.end)?;
    (inp.parties.parties[m.party].kind != crate::model::PartyKind::Person).then_some(m)
}
/// "“The HRCP calls upon the government to respond …,” the HRCP said": a quote that opens
/// with a body's name and a verb in the present speaks for that body, as "we" would.
fn body_speaks_at_quote_start(inp: &Inputs, i: usize, quote_start: usize) -> bool {
    let doc = inp.doc;
    let opens = |t: usize| doc.tokens[t].span.start <= quote_start + 1;
    doc.low(i).ends_with('s')
        && body_before(inp, i).is_some_and(|m| {
            let start = doc.token_at_or_after(m.span.start);
            opens(start) || start > 0 && doc.is(start - 1, "the") && opens(start - 1)
        })
}
/// "We urge", "I strongly condemn", "we are calling for": the word before token `i` (past an
/// adverb and a progressive's "are"/"am") is "we" or "I".
fn first_person_before(doc: &Doc, i: usize, from: usize) -> bool {
    let mut k = i;
    while k > from
        && (doc.is_any(k - 1, &["also", "hereby", "are", "am", "again", "now"])
            || doc.low(k - 1).ends_with("ly") && doc.low(k - 1).len() > 3)
        && i - k < 3
    {
        k -= 1;
    }
    k > from && doc.is_any(k - 1, &["we", "i"])
}

/// The kinds of event a phrase like "in the bombing", "in Saturday's protests" or "in the
/// incident" after token `from` (and before `to`) points back at, if there is one: a verb
/// ("were injured in …", "died in …") telling what an event already told did.
pub(super) fn kinds_referred(doc: &Doc, from: usize, to: usize) -> Option<Vec<EventKind>> {
    const GENERIC: &[&str] = &[
        "incident",
        "violence",
        "fighting",
        "clashes",
        "unrest",
        "attacks",
        "attack",
        "blast",
        "blasts",
        "explosion",
        "explosions",
        "bombing",
        "bombings",
    ];
    let to = to.min(doc.tokens.len());
    for k in from..to {
        // "killed in the bombing", "the buildings targeted by the bombings".
        if !doc.is_any(k, &["in", "during", "by"]) {
            continue;
        }
        // A determiner or a possessive, then at most two modifiers, then the noun.
        let j = k + 1;
        let article = j < to
            && doc.is_any(
                j,
                &["the", "that", "this", "these", "those", "its", "their"],
            );
        let possessive = j < to
            && doc
                .tokens
                .get(j + 1)
                .is_some_and(|t| t.kind == TokenKind::Possessive);
        if !article && !possessive {
            return None;
        }
        let noun_from = if article { j + 1 } else { j + 2 };
        for j in noun_from..noun_from + 3 {
            if j >= to {
                return None;
            }
            if doc.is_any(j, GENERIC) {
                return Some(vec![
                    EventKind::Assault,
                    EventKind::Incident,
                    EventKind::Protest,
                ]);
            }
            let kinds: Vec<EventKind> = TRIGGER_INDEX
                .get(doc.low(j))
                .into_iter()
                .flatten()
                .map(|&e| &TRIGGERS[e])
                .filter(|t| t.nominal && t.words.len() == 1)
                .map(|t| t.kind)
                .collect();
            if !kinds.is_empty() {
                return Some(kinds);
            }
        }
        return None;
    }
    None
}

/// Words that may stand between a verb and its object noun ("condemned the new agreement").
const OBJECT_FILLERS: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "its",
    "their",
    "his",
    "her",
    "new",
    "latest",
    "planned",
    "proposed",
    "recent",
    "ongoing",
    "continuing",
    "upcoming",
    "future",
    "current",
    "further",
    "possible",
    "renewed",
    "stalled",
    "peace",
    "bilateral",
    "direct",
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
        Needs::OnFor => doc.is_any(last + 1, &["on", "upon", "for"]),
        Needs::With => (last + 1..(last + 5).min(range.end)).any(|k| doc.is(k, "with")),
        Needs::ThreatAct => {
            let hi = (last + 5).min(range.end);
            // "threatened fifteen senior officials with travel bans"
            let with_soon = (last + 1..(last + 7).min(range.end)).any(|k| doc.is(k, "with"));
            with_soon
                || doc.is(last + 1, "to")
                || (last + 1..hi).any(|k| {
                    doc.is_any(k, THREAT_WORDS)
                        || doc.is_any(k, &["sanctions", "force", "strikes", "attack", "tariffs"])
                })
        }
        Needs::Threat => {
            let hi = (last + 8).min(range.end);
            // ("vowed to bring them to justice"; not "vowed to seek justice".)
            let to_justice = |k: usize| {
                doc.is(k, "bring")
                    && (k + 2..(k + 8).min(range.end))
                        .any(|j| doc.is(j, "to") && doc.is(j + 1, "justice"))
            };
            // (A condition, not an open question: "no matter what the opposition says".)
            (last + 1..hi).any(|k| doc.is_any(k, THREAT_WORDS))
                || (last + 1..(last + 16).min(range.end)).any(to_justice)
                || hostile_condition(inp, last, range)
                || conditions(doc, range.clone())
                    .iter()
                    .any(|c| doc.is_any(c.start, &["if", "unless"]))
        }
        Needs::HostileCondition => hostile_condition(inp, last, range),
        Needs::ForParty => {
            // (Told by someone named before it: "Hadley said there will be …".)
            let from = doc.sentences[doc.tokens[first].sentence as usize]
                .tokens
                .start;
            (from..first).any(|k| doc.is_any(k, super::participants::FRAME_VERBS))
                && (!doc.is(last + 1, "for")
                    || mention_at(inp, last + 2).is_some_and(|m| {
                        let after = doc.token_at_or_after(m.span.end);
                        !doc.tokens
                            .get(after)
                            .is_some_and(|a| a.kind == TokenKind::Possessive)
                    }))
        }
        Needs::From => (last + 1..(last + 5).min(range.end)).any(|k| doc.is(k, "from")),
        // (Passive only: whoever tries someone is rarely the clause's subject, as in "gave
        // evidence to the court trying him for murder".)
        Needs::ObjectNoun(words) => (last + 1..(last + 4).min(range.end))
            .take_while(|&k| {
                doc.tokens[k].kind == TokenKind::Word
                    && !doc.is_any(
                        k,
                        &["at", "on", "to", "of", "for", "in", "with", "by", "from"],
                    )
            })
            .any(|k| doc.is_any(k, words)),
        // ("warned on Wednesday that …": a time may stand before "that".)
        Needs::WarningOfRisk => {
            (last + 1..(last + 5).min(range.end))
                .find(|&k| doc.is(k, "that"))
                .is_some_and(|that| {
                    (that + 2..(that + 7).min(range.end))
                        .any(|k| doc.is_any(k, &["risks", "risk", "should"]))
                })
                && !(last + 1..range.end).any(|k| doc.is_any(k, THREAT_WORDS))
        }
        Needs::TrialFor => {
            first > 0
                && doc.is_any(
                    first - 1,
                    &["was", "were", "been", "being", "be", "is", "are"],
                )
                && (last + 1..(last + 5).min(range.end))
                    .take_while(|&k| !doc.is_any(k, &["to", ",", "and", "but"]))
                    .any(|k| {
                        // ("tried for years to win": a time is no charge.)
                        doc.is(k, "for")
                            && doc
                                .tokens
                                .get(k + 1)
                                .is_some_and(|t| t.kind == TokenKind::Word)
                            && !doc.is_any(k + 1, crate::extract::lexicon::NUMBER_WORDS)
                            && !doc.is_any(
                                k + 1,
                                &[
                                    "years", "months", "weeks", "days", "hours", "decades", "a",
                                    "an", "some", "several", "many", "the", "long", "so", "once",
                                ],
                            )
                    })
        }
        // (Not "asked not to be named", nor a question: "asked how to vote".)
        Needs::ObjectTo => {
            // ("advised the lower court on April 9, 2009 to renounce": a date phrase between
            // does not count toward the six words.)
            let dated: Vec<(usize, usize)> =
                dates_of(inp.dates, doc.tokens[first].sentence as usize)
                    .iter()
                    .map(|d| d.tokens)
                    .collect();
            !doc.is_any(last + 1, &["to", "not"])
                && (last + 2..range.end)
                    .filter(|&k| !dated.iter().any(|&(a, b)| (a..=b).contains(&k)))
                    .take(6)
                    .take_while(|&k| {
                        !doc.is_any(k, &["how", "what", "whether", "if", "why", "where", "when"])
                    })
                    .any(|k| doc.is(k, "to"))
        }
        Needs::Troops => after(doc, last, range, 5, TROOPS),
        Needs::NotOwnConcern => {
            let k = if doc.is_any(last + 1, &["his", "her", "its", "their"]) {
                last + 2
            } else {
                last + 1
            };
            !(first == range.start
                && doc.low(first).ends_with("ing")
                && doc.is_any(k, &["concern", "concerns"]))
        }
        Needs::MilitaryPresence => (last + 1..(last + 5).min(range.end))
            .any(|k| doc.is(k, "presence") && doc.is_any(k - 1, &["military", "naval", "troop"])),
        // (Right before the verb, heading its subject: not "Talks between the army and the
        // rebels edged closer", nor "a bill to expand the army advanced".)
        Needs::ArmedSubject => {
            first > range.start
                && (doc.is_any(first - 1, TROOPS) || doc.is_any(first - 1, ARMED_GROUPS))
                && !(range.start..first).any(|k| {
                    doc.is_any(k, &["between", "with", "of", "to", "for", "and"])
                        || doc.tokens[k].kind == TokenKind::Possessive
                })
        }
        // ("providing air support" in a fight is force, not aid; "support and weapons"
        // still is aid.)
        Needs::AidGoods => {
            let window = last + 1..(last + 7).min(range.end);
            window.clone().any(|k| {
                doc.is_any(k, AID_GOODS)
                    && !(doc.is(k, "support") && doc.is_any(k - 1, &["air", "fire"]))
            }) || window.clone().any(|k| doc.is(k, "support"))
                && window
                    .clone()
                    .any(|k| doc.is_any(k, WEAPONS) || doc.is(k, "ammunition"))
        }
        // (Nor a passive whose subject is one: "No pictures of Castro have been released",
        // "information such as that released today".)
        Needs::NotPublication => {
            // The passive's subject: back over the auxiliaries to its head noun ("pictures …
            // have been released"), or "that" standing for one ("information such as that
            // released").
            let mut k = first;
            while k > range.start
                && doc.is_any(
                    k - 1,
                    &[
                        "was", "were", "been", "have", "has", "had", "be", "being", "not", "also",
                    ],
                )
            {
                k -= 1;
            }
            let head = k.checked_sub(1).filter(|&h| h >= range.start);
            let of_publication = head.is_some_and(|h| {
                doc.is_any(h, PUBLICATIONS)
                    || doc.is(h, "that")
                        && (h.saturating_sub(3).max(range.start)..h)
                            .any(|j| doc.is_any(j, PUBLICATIONS))
            });
            // ("No pictures of the general have been released": the head may stand before
            // "of X".)
            let of_phrase = head.is_some_and(|h| {
                (h.saturating_sub(3).max(range.start + 1)..h)
                    .find(|&k| doc.is(k, "of"))
                    .is_some_and(|of| doc.is_any(of - 1, PUBLICATIONS))
            });
            // ("Prisoners named in the document were released": people lead the subject.)
            let people_subject = head.is_some_and(|h| {
                (range.start..h).any(|k| {
                    doc.is_any(k, CAPTIVE_WORDS)
                        || doc.is_any(
                            k,
                            &["prisoners", "detainees", "people", "inmates", "activists"],
                        )
                })
            });
            // "was treated and released", "released from hospital": a patient goes home.
            let from_hospital = first >= range.start + 2
                && doc.is(first - 1, "and")
                && doc.is_any(first - 2, &["treated", "examined"])
                || doc.is(last + 1, "from")
                    && (last + 2..(last + 6).min(range.end))
                        .any(|k| doc.is_any(k, &["hospital", "clinic"]));
            !after(doc, last, range, 4, PUBLICATIONS)
                && !from_hospital
                && (people_subject || !of_publication && !of_phrase)
        }
        Needs::Claims => after(doc, last, range, 4, CLAIMS),
        // "The bodies of the soldiers arrived in Nairobi": remains are brought, not visiting.
        // (Only in the subject: back to punctuation, a clause's opening word or a verb.)
        Needs::In => {
            doc.is(last + 1, "in")
                && !(first.saturating_sub(14).max(range.start)..first)
                    .rev()
                    .take_while(|&k| {
                        doc.tokens[k].kind != TokenKind::Punct
                            && !doc.is_any(
                                k,
                                &["as", "while", "when", "after", "before", "because", "and"],
                            )
                            && !doc.is_any(k, &["was", "were", "is", "are", "had", "has"])
                    })
                    .any(|k| doc.is_any(k, &["bodies", "body", "remains", "coffins"]))
                // (Nor people who come to stay or to see: "Refugees arrived in Greece", not
                // "the High Commissioner for Refugees Filippo Grandi arrived".)
                && !(first > range.start
                    && doc.is_any(
                        first - 1,
                        &[
                            "refugees",
                            "migrants",
                            "immigrants",
                            "seekers",
                            "tourists",
                            "passengers",
                            "fans",
                        ],
                    ))
        }
        Needs::Colony => after(
            doc,
            last,
            range,
            6,
            &["colony", "colonies", "protectorate", "mandate"],
        ),
        Needs::That => after(doc, last, range, 2, &["that"]),
        // "passed the Marriage (Same Sex Couples) Bill": a bill's name may stand between.
        Needs::Bill => after(doc, last, range, 9, BILLS),
        Needs::Held => {
            let lo = first.saturating_sub(4).max(range.start);
            let light = (lo..first).any(|k| doc.is_any(k, &["held", "hold", "holds", "holding"]));
            let held_after = doc.is_any(last + 1, &["was", "were", "is", "are", "will"])
                && (last + 2..(last + 4).min(range.end)).any(|k| doc.is(k, "held"))
                || doc.is(last + 1, "took") && doc.is(last + 2, "place");
            // A day of its own, just before ("Saturday's polls") or soon after ("on Sunday").
            let day = dates_of(inp.dates, doc.tokens[first].sentence as usize)
                .iter()
                .any(|d| {
                    let (a, b) = d.tokens;
                    let near = b < first && first - b <= 2 || a > last && a - last <= 3;
                    near && d
                        .range
                        .as_ref()
                        .is_some_and(|r| r.start == r.end && r.start.is_some_and(|x| x.is_day()))
                });
            light || held_after || day
        }
        Needs::Buried => {
            (first > range.start
                && doc.is_any(
                    first - 1,
                    &["was", "were", "been", "be", "is", "are", "being"],
                ))
                || after(doc, last, range, 4, BURYING)
        }
        // "all their demands have yet to be met", "were met with tear gas": met with no one
        // meeting them ("was met by the mayor" is a meeting).
        Needs::NotSoonAfter(NOT_MET)
            if first > range.start
                && doc.is_any(
                    first - 1,
                    &["be", "been", "being", "was", "were", "is", "are"],
                )
                && !doc.is(last + 1, "by") =>
        {
            false
        }
        Needs::NotSoonAfter(words) => !after(doc, last, range, 3, words),
        Needs::SoonAfter(words) => after(doc, last, range, 6, words),
        // (Past adverbs to the auxiliary: "the curfew was eventually lifted".)
        Needs::Object(words) => {
            let mut aux = first;
            while aux > range.start
                && aux + 3 > first
                && (doc.low(aux - 1).ends_with("ly")
                    || doc.is_any(
                        aux - 1,
                        &["later", "then", "also", "since", "now", "finally"],
                    ))
            {
                aux -= 1;
            }
            // ("The storm cut off power", "Temperatures froze water pipes": nature does not
            // sanction.)
            let nature = (first.saturating_sub(6).max(range.start)..range.end).any(|k| {
                doc.is_any(
                    k,
                    &[
                        "storm",
                        "storms",
                        "flood",
                        "floods",
                        "flooding",
                        "earthquake",
                        "quake",
                        "hurricane",
                        "typhoon",
                        "cyclone",
                        "snow",
                        "snowstorm",
                        "landslide",
                        "rains",
                        "winds",
                        "temperatures",
                        "cold",
                        "frost",
                        "ice",
                        "blizzard",
                        "wildfire",
                        "wildfires",
                    ],
                )
            });
            !nature
                && (after(doc, last, range, 4, words)
                    || aux > range.start
                        && doc.is_any(
                            aux - 1,
                            &["was", "were", "been", "be", "being", "is", "are"],
                        )
                        && (aux.saturating_sub(8).max(range.start)..aux)
                            .any(|k| doc.is_any(k, words)))
        }
        // ("battled the blaze", "discussing his concern": past an article or a possessive
        // too.)
        // (Not a day after "on": "the officers fired on Monday were reinstated".)
        Needs::Shooters => {
            let day_after = doc.tokens.get(last + 1).is_some_and(|t| {
                t.kind == TokenKind::Number
                    || crate::extract::lexicon::is_month_or_weekday(doc.low(last + 1))
            });
            let lo = first.saturating_sub(4).max(range.start);
            (lo..first)
                .rev()
                .take_while(|&k| !doc.is_any(k, &[",", ";", "and", "was", "were", "been"]))
                .any(|k| {
                    doc.is_any(k, TROOPS) || doc.is_any(k, ARMED_GROUPS) || doc.is_any(k, SHOOTERS)
                })
                && !day_after
        }
        Needs::NotObject(things) => {
            let at = if doc.is_any(last + 1, &["a", "an", "the", "his", "her", "its", "their"]) {
                last + 2
            } else {
                last + 1
            };
            !doc.is_any(at, things)
        }
        Needs::Thrown => {
            // (Only the subject right before: "After the earthquake, protesters threw stones".)
            after(doc, last, range, 6, THROWN)
                && !(first.saturating_sub(3).max(range.start)..first)
                    .rev()
                    .take_while(|&k| !doc.is(k, ","))
                    .any(|k| {
                        doc.is_any(
                            k,
                            &[
                                "explosion",
                                "blast",
                                "eruption",
                                "volcano",
                                "tornado",
                                "storm",
                                "wind",
                                "winds",
                                "hurricane",
                                "typhoon",
                                "cyclone",
                                "earthquake",
                                "quake",
                                "wave",
                                "waves",
                                "tsunami",
                                "flood",
                                "floods",
                                "bomb",
                            ],
                        )
                    })
        }
        Needs::Captive => {
            let passive = first > range.start
                && doc.is_any(
                    first - 1,
                    &["was", "were", "been", "being", "be", "is", "are"],
                );
            if passive {
                return !after(
                    doc,
                    last,
                    range,
                    3,
                    &[
                        "camera", "cameras", "video", "film", "tape", "cctv", "footage",
                    ],
                );
            }
            // (Not a vote won: "captured the province in the election", "captured the mayoral
            // race".)
            if (range.start..range.end).any(|k| {
                doc.is_any(
                    k,
                    &[
                        "election",
                        "elections",
                        "by-election",
                        "vote",
                        "votes",
                        "race",
                        "poll",
                        "polls",
                        "council",
                        "seats",
                        "ballot",
                        "mayoral",
                        "primary",
                    ],
                )
            }) {
                return false;
            }
            // "The Taliban captured Kabul": a place taken.
            if place_after(inp, last + 1).is_some() {
                return true;
            }
            (last + 1..(last + 6).min(range.end))
                .take_while(|&k| {
                    !doc.is_any(
                        k,
                        &[
                            "at", "on", "to", "for", "in", "with", "by", "from", ",", ".",
                            "percent", "of",
                        ],
                    )
                })
                .any(|k| {
                    doc.is_any(k, super::participants::GROUP_NOUNS)
                        || doc.is_any(k, STRONGHOLDS)
                        || inp
                            .parties
                            .mention_starting_at(doc.tokens[k].span.start)
                            .is_some_and(|m| inp.parties.parties[m.party].kind == PartyKind::Person)
                })
        }
        Needs::Defendant(words) => {
            let mut k = first;
            while k > range.start + 1 && doc.low(k - 1).ends_with("ly") {
                k -= 1;
            }
            let Some(verb) = k.checked_sub(1).filter(|&v| v > range.start) else {
                return false;
            };
            // ("Five men will go on trial": past "will" to the subject.)
            let mut s = verb - 1;
            while s > range.start && doc.is_any(s, &["will", "would", "to", "due", "is", "are"]) {
                s -= 1;
            }
            // ("Maria Ressa, who went on trial": the relative's antecedent.)
            doc.is_any(verb, words)
                && (doc.is(s, "who")
                    || doc.is_any(s, super::participants::GROUP_NOUNS)
                        && !doc
                            .is_any(s, &["government", "court", "parliament", "regime", "board"])
                    || inp
                        .parties
                        .mention_ending_at(doc.tokens[s].span.end)
                        .is_some_and(|m| inp.parties.parties[m.party].kind == PartyKind::Person))
        }
        Needs::Except(before, after_words) => {
            !(doc.is_any(last + 1, after_words)
                || doc.is_any(last + 1, &["the", "his", "her", "its", "their"])
                    && doc.is_any(last + 2, after_words)
                || first > range.start && doc.is_any(first - 1, before))
        }
        Needs::Cause => {
            let window = range.start..(last + 6).min(range.end);
            window
                .into_iter()
                .any(|k| doc.is_any(k, ATTACK_WORDS) || doc.is_any(k, DISASTER_WORDS))
        }
    }
}
/// Does something show that the event a noun names took place?
/// The kinds the triggers of a short text (a headline) name, any form counting: headlines write
/// "Mubarak summoned", "Leaders meet".
pub(super) fn kinds_in(text: &str) -> Vec<EventKind> {
    let doc = Doc::new(text);
    let mut out = Vec::new();
    for i in 0..doc.tokens.len() {
        let Some(entries) = TRIGGER_INDEX.get(doc.low(i)) else {
            continue;
        };
        for &e in entries {
            let t = &TRIGGERS[e];
            if t.words.iter().enumerate().all(|(k, w)| doc.is(i + k, w)) && !out.contains(&t.kind) {
                out.push(t.kind);
            }
        }
    }
    out
}

/// Past participles without "-ed" that a headline may use bare ("Envoy shot in Kabul").
const IRREGULAR_PARTICIPLES: &[&str] = &[
    "shot", "hit", "held", "struck", "seized", "caught", "sent", "met", "fought", "led",
];

/// The words before the first verb of `kind` in a headline, when they are a short subject of
/// words only: "Somali pirates" in "Somali pirates attack US-flagged ship".
pub(super) fn headline_subject(text: &str, kind: EventKind) -> Option<String> {
    let doc = Doc::new(text);
    let verb = (0..doc.tokens.len()).find(|&i| {
        TRIGGER_INDEX.get(doc.low(i)).is_some_and(|entries| {
            entries.iter().any(|&e| {
                let t = &TRIGGERS[e];
                !t.nominal
                    && t.kind == kind
                    && t.words.iter().enumerate().all(|(k, w)| doc.is(i + k, w))
            })
        })
    })?;
    // "Maria Lopez arrested in Caracas": a headline's bare participle is passive, and its
    // subject is whom it was done to.
    let low = doc.low(verb);
    if low.ends_with("ed") || low.ends_with("en") || doc.is_any(verb, IRREGULAR_PARTICIPLES) {
        return None;
    }
    let words = 0..verb;
    (!words.is_empty()
        && words.len() <= 4
        && words.clone().all(|k| doc.tokens[k].kind == TokenKind::Word))
    .then(|| doc.tokens_text(0, verb))
}

/// The trigger is a word of a proper name ("the Arbitrary Arrests Committee", "the Joint
/// Investigation Group"): capitalised inside a sentence that is not itself in title case, with
/// a capitalised word beside it.
fn inside_name(doc: &Doc, si: usize, first: usize, last: usize) -> bool {
    let s = &doc.sentences[si];
    let cap_word = |k: usize| {
        doc.tokens
            .get(k)
            .is_some_and(|t| t.kind == TokenKind::Word && t.cap)
    };
    if first == s.tokens.start || !cap_word(first) || doc.tokens[first - 1].kind != TokenKind::Word
    {
        return false;
    }
    let neighbour = cap_word(first - 1) || last + 1 < s.tokens.end && cap_word(last + 1);
    if !neighbour {
        return false;
    }
    // "the Annapolis Conference", "the G20 Summit": a meeting's name ending in the meeting
    // word names a meeting held.
    if first == last
        && doc.is_any(first, &["conference", "summit"])
        && !(last + 1 < s.tokens.end && cap_word(last + 1))
    {
        return false;
    }
    // A headline in title case ("Police Arrest Protesters in Seoul") capitalises every word.
    let words = s
        .tokens
        .clone()
        .filter(|&k| doc.tokens[k].kind == TokenKind::Word);
    let (mut all, mut caps) = (0, 0);
    for k in words {
        all += 1;
        caps += usize::from(doc.tokens[k].cap || doc.low(k).len() <= 3);
    }
    caps * 10 < all * 8
}

/// A participle used as an adjective ("an alleged organisation", "the opposing party") or a
/// publication's ("a report released by"): no event of its own.
fn modifier(doc: &Doc, t: &Trigger, first: usize, last: usize) -> bool {
    if t.nominal || t.words.len() > 1 {
        return false;
    }
    let w = doc.low(first);
    let participle = w.ends_with("ed") || w.ends_with("ing") || w.ends_with("en");
    let before_noun = doc
        .tokens
        .get(last + 1)
        .is_some_and(|n| n.kind == TokenKind::Word && !n.cap)
        && !doc.is_any(last + 1, OBJECT_WORDS);
    // "the elected government", "Thailand's elected government", "its newly elected head".
    let k = skip_adverbs_back(doc, first);
    // "reported on alleged plans", "talks over disputed islands": a preposition before an
    // "-ed" form and a noun makes it a describing word too.
    // ("leaving behind some torched cars": a quantifier before a plural noun too, not
    // "those arrested were", "some killed in the blast".)
    let quantified = k > 0
        && doc.is_any(
            k - 1,
            &[
                "some", "several", "many", "few", "other", "our", "your", "my",
            ],
        )
        && doc.low(last + 1).ends_with('s')
        && !doc.is_any(
            last + 1,
            &["was", "is", "has", "as", "its", "his", "this", "us"],
        );
    let after_determiner = k > 0
        && (doc.is_any(k - 1, super::DETERMINERS)
            || quantified
            || doc.tokens[k - 1].kind == TokenKind::Possessive
            || w.ends_with("ed")
                && doc.is_any(
                    k - 1,
                    &[
                        "on", "of", "about", "over", "into", "for", "against", "with",
                    ],
                ));
    let after_publication = first > 0 && doc.is_any(first - 1, PUBLICATIONS);
    // "Freed hostage Íngrid Betancourt arrived …", "Jailed activist Ai Weiwei said …": a
    // participle opening the sentence, before a noun and a name, describes the person.
    let opens_sentence = doc.sentences[doc.tokens[first].sentence as usize]
        .tokens
        .start
        == first;
    let before_titled_name = before_noun
        && doc
            .tokens
            .get(last + 2)
            .is_some_and(|n| n.kind == TokenKind::Word && n.cap);
    // "the stalled U.S.-backed negotiations", "Iran-backed militias": the second half of a
    // hyphenated word before a noun describes the noun.
    // (After a name only: "re-elected" is a verb.)
    let hyphenated = first > 1
        && doc.tok(first - 1) == "-"
        && doc.tokens[first - 2].cap
        && doc.tokens[first - 1].span.end == doc.tokens[first].span.start
        && before_noun;
    // "said freed slaves would take up arms": an "-ed" form before a plural noun that a verb
    // of its own follows describes that noun.
    let subject_described = w.ends_with("ed")
        && before_noun
        && doc.low(last + 1).ends_with('s')
        && doc.is_any(
            last + 2,
            &[
                "would", "will", "could", "can", "may", "might", "should", "must", "were", "are",
                "have", "had",
            ],
        );
    participle
        && (after_determiner && before_noun
            || after_publication
            || hyphenated
            || subject_described
            || opens_sentence && w.ends_with("ed") && before_titled_name)
}

/// An "-ing" form right after a noun describes it ("Peers supporting the law wore pink",
/// "MSPs opposing the bill", "a long welcoming line"): no event of its own. After a form of
/// "be", a conjunction, a preposition, an adverb or a comma it is a verb.
fn noun_modifying_ing(inp: &Inputs, t: &Trigger, i: usize, range: &std::ops::Range<usize>) -> bool {
    // Nouns whose "-ing" phrase says what they do ("a message urging citizens", "a ceremony
    // welcoming US troops") and verbs that take one ("voted to authorize sending troops").
    const ACTING_NOUNS_AND_VERBS: &[&str] = &[
        "message",
        "messages",
        "statement",
        "statements",
        "ceremony",
        "letter",
        "letters",
        "resolution",
        "motion",
        "bill",
        "order",
        "decree",
        "appeal",
        "campaign",
        "operation",
        "offensive",
        "speech",
        "address",
        "video",
        "post",
        "tweet",
        "broadcast",
        "rally",
        "rallies",
        "march",
        "marches",
        "protest",
        "protests",
        "authorize",
        "authorise",
        "authorized",
        "authorised",
        "approve",
        "approved",
        "resumed",
        "halted",
        "considered",
        "recommended",
        "banned",
        "ban",
        "avoid",
        "avoided",
        "risk",
        "risked",
    ];
    let doc = inp.doc;
    const VERB_BEFORE_ING: &[&str] = &[
        "is",
        "are",
        "was",
        "were",
        "am",
        "be",
        "been",
        "being",
        "and",
        "or",
        "but",
        "while",
        "after",
        "before",
        "by",
        "without",
        "since",
        "when",
        "of",
        "for",
        "in",
        "on",
        "from",
        "about",
        "not",
        "also",
        "still",
        "then",
        "continue",
        "continued",
        "continues",
        "continuing",
        "keep",
        "keeps",
        "kept",
        "began",
        "begun",
        "begin",
        "start",
        "started",
        "starts",
        "stop",
        "stopped",
        "amid",
        "despite",
        "to",
        "against",
        "over",
        "upon",
        "through",
        "again",
        "now",
        "just",
        "even",
        "are",
        "them",
        "him",
        "her",
        "us",
        "it",
        "who",
        "which",
        "that",
        "they",
        "he",
        "she",
        "we",
        "i",
        "you",
        "reportedly",
        "allegedly",
    ];
    if t.nominal || t.words.len() > 1 || !doc.low(i).ends_with("ing") || i <= range.start {
        return false;
    }
    let prev = doc.tokens[i - 1];
    // "with Libya, France and the United States providing aid": a party's own act.
    // ("headed a ceremony in the town of Żagań welcoming US troops": a place is no noun the
    // phrase describes either.)
    let party_acts = inp.parties.mention_ending_at(prev.span.end).is_some() || {
        // Place hits are sorted and do not overlap, so their ends are sorted too.
        let k = inp
            .rec
            .places
            .partition_point(|p| p.span.end < prev.span.end);
        inp.rec
            .places
            .get(k)
            .is_some_and(|p| p.span.end == prev.span.end)
    };
    prev.kind == TokenKind::Word
        && !doc.is_any(i - 1, VERB_BEFORE_ING)
        && !doc.is_any(i - 1, ACTING_NOUNS_AND_VERBS)
        && !doc.low(i - 1).ends_with("ly")
        && !party_acts
}

/// Words that begin an object rather than being the noun a participle describes.
const OBJECT_WORDS: &[&str] = &[
    "a", "an", "the", "to", "by", "in", "on", "at", "with", "for", "from", "of", "and", "or",
    "that", "as", "into", "up", "out", "off", "down", "over", "his", "her", "their", "its",
];

/// "Following an accidental death at the aquarium on Tuesday, …", "following surgery last
/// Monday": in the lede, a happening after a background preposition with a date of its own
/// right after it, or further on before the opening phrase's comma, is the news the story
/// opens with.
fn lede_with_own_date(
    doc: &Doc,
    si: usize,
    last: usize,
    range: &std::ops::Range<usize>,
    dates: &[(usize, usize)],
) -> bool {
    super::in_lede(doc, si)
        && dates
            .iter()
            .any(|&(a, _)| range.contains(&a) && date_follows(doc, last, a, 6, 20))
}

/// A date at token `a` follows the noun ending at `last`: within `near` tokens, or within
/// `far` through a chain of phrases with no comma ("an accidental death at the closed Lima
/// City Zoo (LCZ) in Miraflores on Tuesday").
fn date_follows(doc: &Doc, last: usize, a: usize, near: usize, far: usize) -> bool {
    a > last && (a - last <= near || a - last <= far && !(last + 1..a).any(|k| doc.is(k, ",")))
}

/// A noun in a phrase of background ("after massive demonstrations", "concerns about rocket
/// attacks", "the aftermath of collisions"): what the sentence refers to, not what it reports.
fn background(doc: &Doc, i: usize, range: &std::ops::Range<usize>) -> bool {
    if at_its_end(doc, i, range) {
        return false;
    }
    let mut k = i;
    let mut steps = 0;
    while k > range.start && steps < 4 {
        k -= 1;
        steps += 1;
        if doc.is_any(k, BACKGROUND_PREPOSITIONS) {
            return true;
        }
        let t = doc.tokens[k];
        let modifier = t.kind == TokenKind::Number
            || t.kind == TokenKind::Possessive
            || t.kind == TokenKind::Word
                && (!t.cap || doc.is_any(k, &["the", "a", "an"]))
                && !doc.is_any(k, &["held", "had", "made", "was", "were", "is", "are"]);
        if !modifier {
            return false;
        }
    }
    false
}

/// "after talks with Ehud Olmert, Bush said": talks with someone named, even in an opening
/// phrase of background, were held, by that person and the clause's subject.
fn talks_with_someone(
    inp: &Inputs,
    trig: &Trigger,
    last: usize,
    range: &std::ops::Range<usize>,
) -> bool {
    let doc = inp.doc;
    trig.kind == EventKind::Consult
        && doc.is(last + 1, "with")
        && last + 2 < range.end
        && inp
            .parties
            .mentions_in(super::clauses::token_span(
                doc,
                last + 2,
                (last + 7).min(range.end),
            ))
            .next()
            .is_some()
}

/// "At the conclusion of the Annapolis Conference", "at the end of the summit": a meeting that
/// came to its end was held.
fn at_its_end(doc: &Doc, i: usize, range: &std::ops::Range<usize>) -> bool {
    let of = (i.saturating_sub(5).max(range.start)..i)
        .rev()
        .take_while(|&k| doc.is(k, "of") || doc.is_any(k, &["the", "a"]) || doc.tokens[k].cap)
        .find(|&k| doc.is(k, "of"));
    of.is_some_and(|of| {
        of >= range.start + 2
            && doc.is_any(of - 1, &["end", "conclusion", "close", "closing"])
            && doc.is(of - 2, "the")
    })
}

/// Prepositions that put a noun in the background.
const BACKGROUND_PREPOSITIONS: &[&str] = &[
    "after",
    "about",
    "over",
    "following",
    "amid",
    "since",
    "during",
    "despite",
    "regarding",
    "concerning",
    "of",
    "from",
    "related",
    "behind",
    "before",
    "ahead",
    "against",
    "like",
    "than",
    "including",
];

/// Words after which a base form is a verb: "to attack", "will meet", "did not sign", "won't
/// release".
const VERB_BEFORE_BASE: &[&str] = &[
    "to",
    "will",
    "would",
    "could",
    "might",
    "may",
    "should",
    "must",
    "can",
    "cannot",
    "did",
    "do",
    "does",
    "not",
    "never",
    "shall",
    "won't",
    "won’t",
    "wouldn't",
    "wouldn’t",
    "can't",
    "can’t",
    "couldn't",
    "couldn’t",
    "didn't",
    "didn’t",
    "don't",
    "don’t",
    "doesn't",
    "doesn’t",
    "shouldn't",
    "shouldn’t",
];

/// Whether a verb form at token `i` reads as a verb there (a base or "-s" form is often a noun:
/// "a car bomb exploded", "the attacks").
fn form_fits(inp: &Inputs, form: Form, i: usize) -> bool {
    let doc = inp.doc;
    match form {
        Form::Other | Form::Noun => true,
        Form::Base => {
            let k = skip_adverbs_back(doc, i);
            k > 0
                && (doc.is_any(k - 1, VERB_BEFORE_BASE)
                    || doc.is_any(k - 1, &["we", "they", "i", "you"]))
        }
        Form::Third => {
            let k = skip_adverbs_back(doc, i);
            // "his forces to kill": a possessive before it, though it points at a party, makes
            // the "-s" form a noun.
            let possessive = k > 0 && doc.is_any(k - 1, &["his", "her", "its", "their", "our"]);
            let subject = k > 0
                && !possessive
                && (doc.is_any(k - 1, &["he", "she", "it", "who", "which", "that"])
                    || inp
                        .parties
                        .mention_ending_at(doc.tokens[k - 1].span.end)
                        .is_some());
            // "The opposition accuses Mugabe's party of …", "The army denies it": an object right
            // after, and no determiner or number before, make the "-s" form a verb.
            let object_after = doc
                .is_any(i + 1, &["the", "him", "her", "them", "its", "his", "it"])
                || inp
                    .parties
                    .mention_starting_at(doc.tokens.get(i + 1).map_or(usize::MAX, |t| t.span.start))
                    .is_some();
            let noun_before = k == 0
                || doc.is_any(
                    k - 1,
                    &[
                        "the", "a", "an", "these", "those", "its", "their", "his", "her", "of",
                        "and", "or", "to", "in", "on", "for", "by", "with",
                    ],
                )
                || doc.tokens[k - 1].kind != TokenKind::Word
                || doc.tokens[k - 1].cap
                    && inp
                        .parties
                        .mention_ending_at(doc.tokens[k - 1].span.end)
                        .is_none();
            subject || object_after && !noun_before
        }
    }
}

/// The first token of the adverbs right before `i` ("strongly", "also", "now"), or `i`.
fn skip_adverbs_back(doc: &Doc, mut i: usize) -> usize {
    while i > 0
        && (doc.low(i - 1).ends_with("ly") && doc.low(i - 1).len() > 3
            || doc.is_any(i - 1, &["also", "now", "again", "still", "today", "once"]))
    {
        i -= 1;
    }
    i
}

/// True when one of `words` comes within `n` tokens after `last`, inside the clause.
fn after(
    doc: &Doc,
    last: usize,
    range: &std::ops::Range<usize>,
    n: usize,
    words: &'static [&'static str],
) -> bool {
    (last + 1..(last + 1 + n).min(range.end)).any(|k| doc.is_any(k, words))
}

/// The kind a trigger at token `first` has in its clause (see [`Sense`]), and its title verb.
pub(super) fn kind_in_context(
    doc: &Doc,
    t: &Trigger,
    first: usize,
    range: &std::ops::Range<usize>,
) -> (EventKind, &'static str) {
    let any = |words: &'static [&'static str]| range.clone().any(|k| doc.is_any(k, words));
    // "Hundreds of troops arrived in Kabul": armed men who arrive are deployed, not visiting.
    // (The troops head the subject right before the verb: not "army chief Raheel Sharif
    // arrived", nor "Tusk, speaking to troops, arrived".)
    if t.kind == EventKind::Consult && t.verb == "arrive" && first > range.start && {
        let head = if doc.low(first - 1).ends_with("ly") && first - 1 > range.start {
            first - 2
        } else {
            first - 1
        };
        doc.is_any(head, TROOPS) || doc.is_any(head, ARMED_GROUPS) || doc.is(head, "militia")
    } {
        return (EventKind::Mobilize, "deploy");
    }
    if t.kind == EventKind::Assault && !t.nominal && written_attack(doc, first, range) {
        return (EventKind::Accuse, "criticize");
    }
    let kind = match t.sense {
        Sense::Fixed => t.kind,
        Sense::Harm if any(DISASTER_WORDS) && !any(ATTACK_WORDS) => EventKind::Incident,
        Sense::Harm => t.kind,
        Sense::Blast if any(ATTACK_WORDS) => EventKind::Assault,
        Sense::Blast => t.kind,
        Sense::Storm if any(PROTESTERS) => EventKind::Protest,
        Sense::Storm => t.kind,
        Sense::Rescue if any(CAPTIVE_WORDS) => t.kind,
        Sense::Rescue => EventKind::Aid,
        Sense::Truce => {
            if truce_ended(doc, first, range) {
                return (EventKind::Reject, "end the truce");
            }
            t.kind
        }
    };
    (kind, t.verb)
}

/// Writings that can attack someone only in words.
const WRITINGS: &[&str] = &[
    "article",
    "articles",
    "editorial",
    "editorials",
    "magazine",
    "newspaper",
    "newspapers",
    "tabloid",
    "tabloids",
    "blog",
    "book",
    "op-ed",
    "publication",
    "publications",
];

/// "articles in the Daily Mail which attacked Zuma", "Freedom Magazine, which attacked
/// defectors": an attack whose subject is a writing is criticism.
fn written_attack(doc: &Doc, first: usize, range: &std::ops::Range<usize>) -> bool {
    if !doc.low(first).starts_with("attack") || first == range.start || doc.is(first + 1, "by") {
        return false;
    }
    let mut k = first - 1;
    while k > range.start && doc.low(k).ends_with("ly") {
        k -= 1;
    }
    // "articles in the Daily Mirror which attacked", "Freedom Magazine, which attacked": the
    // writing heads what "which" stands for, perhaps with its name after it (not "the gunmen
    // that attacked").
    if doc.is_any(k, &["which", "that"]) && k > range.start {
        let lo = k.saturating_sub(9).max(range.start);
        let mut j = k - 1;
        while j > lo
            && !doc.is_any(j, WRITINGS)
            && (doc.tokens[j].cap || doc.is_any(j, &[",", "the", "in", "of", "and"]))
        {
            j -= 1;
        }
        return doc.is_any(j, WRITINGS);
    }
    doc.is_any(k, WRITINGS)
}

/// Words of captivity: a rescue from captors is coercion ("hostages rescued by the army").
const CAPTIVE_WORDS: &[&str] = &[
    "hostage",
    "hostages",
    "captive",
    "captives",
    "captivity",
    "captors",
    "kidnapped",
    "kidnappers",
    "abducted",
    "abductors",
    "pirates",
    "kidnapping",
];

/// A word that ends a truce stands a few words before its noun: "declared a formal end to the
/// six-month Israel-Hamas Egyptian-brokered truce", "broke the ceasefire".
fn truce_ended(doc: &Doc, first: usize, range: &std::ops::Range<usize>) -> bool {
    truce_end_at(doc, first, range).is_some()
}

/// The word that ends the truce whose noun starts at `first` (see `truce_ended`).
pub(super) fn truce_end_at(
    doc: &Doc,
    first: usize,
    range: &std::ops::Range<usize>,
) -> Option<usize> {
    let lo = first.saturating_sub(8).max(range.start);
    (lo..first).find(|&k| doc.is_any(k, TRUCE_ENDS))
}

/// Words that end a truce: "declared a formal end to the truce", "broke the ceasefire".
const TRUCE_ENDS: &[&str] = &[
    "end",
    "ends",
    "ended",
    "ending",
    "broke",
    "breaks",
    "broken",
    "violated",
    "violate",
    "abandoned",
    "collapse",
    "collapsed",
];

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
    // "a demonstration by the Andean Workers Union was held": past its agent.
    let mut last = last;
    if doc.is(last + 1, "by") {
        let k = if doc.is(last + 2, "the") {
            last + 3
        } else {
            last + 2
        };
        if let Some(m) = mention_at(inp, k) {
            last = doc
                .token_at_or_after(m.span.end)
                .saturating_sub(1)
                .max(last);
        }
    }
    if (lo..first).any(|k| doc.is_any(k, LIGHT_VERBS)) || at_its_end(doc, first, range) {
        return true;
    }
    // "the agreement was made", "talks took place"
    if doc.is_any(last + 1, &["was", "were", "had", "has", "have"])
        && doc.is_any(last + 2, &["made", "reached", "signed", "held", "been"])
        || doc.is(last + 1, "took") && doc.is(last + 2, "place")
    {
        return true;
    }
    // "a meeting between X and Y", "talks with X", "clashes between police and protesters"
    if doc.is_any(last + 1, &["between", "with"])
        && (inp
            .parties
            .mentions_in(token_span(doc, last + 2, (last + 6).min(range.end)))
            .next()
            .is_some()
            // (Unnamed sides only for the clause's own subject: "fear clashes between police
            // and protesters" is no clash.)
            || (range.start..first).all(|k| {
                doc.is_any(k, &["the", "fresh", "heavy", "new", "deadly", "violent"])
                    || doc.is_any(k, &["renewed", "fierce", "sporadic", "bloody", "armed"])
            }) && (last + 2..(last + 6).min(range.end))
                .take_while(|&k| doc.tokens[k].kind != TokenKind::Punct)
                .any(|k| doc.is_any(k, super::participants::GROUP_NOUNS)))
    {
        return true;
    }
    // A date of its own: "a 1965 treaty", "colonial rule … between 1910 and 1945".
    for &(a, b) in dates {
        // "a 1965 treaty", "Saturday's attack", "Today's terrorist massacre".
        let possessive = doc
            .tokens
            .get(b + 1)
            .is_some_and(|t| t.kind == TokenKind::Possessive);
        let before = b < first && (first - b <= 2 || possessive && first - b <= 3);
        let after = date_follows(doc, last, a, 7, 16)
            && range.contains(&a)
            && !(last + 1..a).any(|k| doc.is_any(k, SPEECH_VERBS) || verbal_trigger_at(doc, k));
        if before || after {
            return true;
        }
    }
    // A happening that acts: "an earthquake struck", "a blast ripped through the market".
    if (last + 1..(last + 5).min(range.end)).any(|k| doc.is_any(k, HAPPENING_VERBS)) {
        return true;
    }
    // A place of its own: "a missile landing near the Northern Limit Line".
    let hi = (last + 5).min(range.end);
    (last + 1..hi).any(|k| doc.is_any(k, LOCATIVES) && place_after(inp, k + 1).is_some())
}

/// "an air raid on Gaza", "a strike against Kyiv": an attack aimed at a place the article
/// names happened there. (Not one that plans, fears or talk are of or for: "plans for a
/// Chilean attack on Peru".)
fn aimed_at_place(inp: &Inputs, first: usize, last: usize, range: &std::ops::Range<usize>) -> bool {
    let doc = inp.doc;
    if !doc.is_any(last + 1, &["on", "against"]) {
        return false;
    }
    let mut b = first;
    while b > range.start
        && doc.tokens[b - 1].kind == TokenKind::Word
        && !doc.is_any(b - 1, &["for", "of", "about", "over", "against", "to"])
        && first - b < 4
    {
        b -= 1;
    }
    if b > range.start && doc.is_any(b - 1, &["for", "of", "about", "over", "against", "to"]) {
        return false;
    }
    // Whose attack it was, right before it ("an Israeli air raid", "Israel's raid"): not "any
    // attack on Iran" that was ruled out, or "an attack on Kyiv" being prepared.
    let owner = (first.saturating_sub(2).max(range.start)..first).any(|k| {
        doc.tokens[k].kind == TokenKind::Possessive || {
            let start = doc.tokens[k].span.start;
            let d = &inp.rec.demonyms;
            let at = d.partition_point(|x| x.span.start <= start);
            at > 0 && start < d[at - 1].span.end
        }
    });
    if !owner {
        return false;
    }
    let k = if doc.is(last + 2, "the") {
        last + 3
    } else {
        last + 2
    };
    k < range.end && place_after(inp, k).is_some()
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
    fn a_meeting_that_came_to_its_end_was_held() {
        let ev = events_for(
            "At the conclusion of the Lisbon Conference, Chilean President Ana Ruiz read a \
             statement.",
            Some("2022-11-13"),
        );
        assert!(
            ev.iter()
                .any(|e| e.kind == EventKind::Consult && e.title.contains("Ruiz")),
            "{ev:?}"
        );
        let ev = events_for(
            "At the end of the summit, Chilean President Ana Ruiz read a statement.",
            Some("2022-11-13"),
        );
        assert!(ev.iter().any(|e| e.kind == EventKind::Consult), "{ev:?}");
        // A body named with the word inside its name is no meeting.
        assert!(
            !kinds("The Conference Board said on Monday that prices rose.")
                .contains(&EventKind::Consult)
        );
    }

    #[test]
    fn handing_power_over_is_a_concession() {
        let ev = events_for(
            "President Ana Diaz temporarily transferred power to her brother, Luis Diaz, on \
             Monday.",
            Some("2022-11-13"),
        );
        assert_eq!(ev.len(), 1, "{ev:?}");
        assert_eq!(ev[0].kind, EventKind::Concede);
        assert!(
            ev[0].title.starts_with("Diaz transfers power"),
            "{}",
            ev[0].title
        );
    }

    #[test]
    fn a_group_that_denies_it_denies() {
        assert_eq!(kinds("The army denies it."), [EventKind::Reject]);
    }

    #[test]
    fn defending_a_decision_and_advising_someone_to_act() {
        assert_eq!(
            kinds("Syrian President Bashar al-Assad defended Turkey's decision on Monday."),
            [EventKind::Support]
        );
        assert!(kinds("Ukrainian troops defended the town of Bakhmut.").is_empty());
        assert!(kinds("Omar Haddad defended himself before the court.").is_empty());
        assert_eq!(
            kinds("The Peruvian Supreme Court advised the lower court to drop the sentence."),
            [EventKind::Request]
        );
        assert!(kinds("Police advised residents of the closure.").is_empty());
    }

    #[test]
    fn the_half_of_a_hyphenated_word_describes_its_noun() {
        assert!(
            !kinds("The two leaders are assessing the stalled U.S.-backed negotiations with Peru.")
                .contains(&EventKind::Support)
        );
        assert!(
            !kinds("Iran-backed militias attacked a base in Erbil.").contains(&EventKind::Support)
        );
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
    fn an_attack_on_a_place_happened_there() {
        assert_eq!(
            kinds("Yesterday saw an escalation, beginning with a Chilean air raid on Arica."),
            [EventKind::Assault]
        );
        // Not a police raid, and not an attack on an idea.
        assert!(kinds("There was an attack on democracy.").is_empty());
    }

    #[test]
    fn a_possessive_date_dates_the_noun_it_owns() {
        assert_eq!(
            kinds("Today's terrorist massacre of so many villagers is a reminder of evil."),
            [EventKind::Assault]
        );
    }

    #[test]
    fn a_participle_opening_a_sentence_before_a_name_describes_the_person() {
        let ev = events_for(
            "Freed hostage Ana Ruiz arrived in Lima on Monday.",
            Some("2022-11-13"),
        );
        assert!(ev.iter().all(|e| e.kind != EventKind::Retreat), "{ev:?}");
        let ev = events_for(
            "Freed by the army on Sunday, Ana Ruiz arrived in Lima on Monday.",
            Some("2022-11-13"),
        );
        assert!(ev.iter().any(|e| e.kind == EventKind::Retreat), "{ev:?}");
    }

    #[test]
    fn talks_someone_discussed_are_its_topic() {
        let ev = events_for(
            "Hezbollah and Hamas leaders met in Beirut on Friday. The two also discussed \
             ongoing negotiations between Chile and Peru.",
            Some("2022-11-13"),
        );
        assert_eq!(ev.len(), 1, "{ev:?}");
    }

    #[test]
    fn a_long_truce_ended_is_rejected_by_who_ended_it() {
        let ev = events_for(
            "Hezbollah declared a formal end to the six-month Chile-Peru Brazilian-brokered \
             truce on Friday.",
            Some("2022-11-13"),
        );
        assert_eq!(ev.len(), 1, "{ev:?}");
        assert_eq!(ev[0].kind, EventKind::Reject, "{ev:?}");
        assert_eq!(ev[0].title, "Hezbollah ends the truce", "{ev:?}");
    }

    #[test]
    fn a_dated_happening_the_lede_opens_with_is_news_not_background() {
        let text = "Following an accidental death at the zoo in Lima on Tuesday, the city closed \
                    it.\n\nAfter a fire at the zoo in Lima on Friday, the city closed it again.";
        // The opening phrase may name the place at length before its date.
        let long = "Following an accidental death at the closed Lima City Zoo and Aquarium (LCZA) \
                    in Miraflores on Tuesday, the city closed it.";
        let ev = events_for(long, Some("2022-11-13"));
        assert!(ev.iter().any(|e| e.kind == EventKind::Incident), "{ev:?}");
        // A date past the phrase's comma is the main clause's.
        let past = "Following an accidental death at the closed Lima City Zoo and Aquarium, the \
                    city closed it on Tuesday.\n\nIt reopened.";
        let ev = events_for(past, Some("2022-11-13"));
        assert!(ev.iter().all(|e| e.kind != EventKind::Incident), "{ev:?}");
        let ev = events_for(text, Some("2022-11-13"));
        let deaths: Vec<_> = ev
            .iter()
            .filter(|e| e.kind == EventKind::Incident)
            .map(|e| e.sentence)
            .collect();
        assert_eq!(deaths, [0], "{ev:?}");
    }

    #[test]
    fn force_against_a_crowd_and_a_crowds_stones() {
        assert_eq!(
            kinds("Riot police sprayed water cannons at the marchers in Lima."),
            [EventKind::Assault]
        );
        assert_eq!(
            kinds("The marchers threw stones and bottles at the police."),
            [EventKind::Assault]
        );
        assert_eq!(
            kinds("Police buses blocked the marchers from entering the plaza."),
            [EventKind::Coerce]
        );
        assert!(kinds("Farmers sprayed the crops.").is_empty());
        assert!(kinds("The road was blocked by snow.").is_empty());
    }

    #[test]
    fn fire_that_goes_on_is_happening_and_is_aimed() {
        let ev = events_for(
            "Despite the truce, Hezbollah continues to fire rockets into Israel.",
            Some("2022-11-13"),
        );
        assert_eq!(ev.len(), 1, "{ev:?}");
        assert_eq!(ev[0].kind, EventKind::Assault);
        assert_eq!(ev[0].mode, None);
        assert!(ev[0].title.starts_with("Hezbollah fires rockets"), "{ev:?}");
    }

    #[test]
    fn a_struggle_is_no_fight() {
        for text in [
            "Ana Diaz has been fighting to stay in the country.",
            "Workers have been fighting a desperate battle to cool the reactors.",
            "The rebels, who had been fighting for the past six months, were tired.",
        ] {
            assert!(!kinds(text).contains(&EventKind::Assault), "{text}");
        }
        assert_eq!(
            kinds("Rebels fought government troops near Arica on Monday."),
            [EventKind::Assault]
        );
    }

    #[test]
    fn a_plea_in_court_is_no_request() {
        assert_eq!(
            kinds("Ada Lund pleaded with Governor Tomas Reiner for clemency."),
            [EventKind::Request]
        );
        assert!(!kinds("Ada Lund pleaded guilty to fraud.").contains(&EventKind::Request));
    }

    #[test]
    fn labels_disgust_and_blame_held_are_accusations() {
        for text in [
            "President Ana Diaz labelled the rebels, who had held the town for a month, as rats.",
            "The Lima Workers Union expressed its disgust at the reports.",
            "Governor Ada Lund held the ministers responsible for the floods.",
            "Further criticism was levelled against the ministry this week.",
        ] {
            assert_eq!(kinds(text), [EventKind::Accuse], "{text}");
        }
        for text in [
            "The attack was launched by a user labelled \"Anonymous\".",
            "The Lima Workers Union expressed its thanks for the reports.",
            "Governor Ada Lund held talks with the ministers.",
        ] {
            assert!(!kinds(text).contains(&EventKind::Accuse), "{text}");
        }
    }

    #[test]
    fn demands_met_and_power_cut_off_are_no_meeting_or_sanction() {
        assert!(
            kinds("Protesters said their demands have yet to be met.")
                .iter()
                .all(|k| *k != EventKind::Consult)
        );
        assert_eq!(
            kinds("Mayor Ada Lund was met by President Pavel Dorin in Lima on Monday."),
            [EventKind::Consult]
        );
        assert!(
            kinds("Thousands of homes had power cut off after the storm.")
                .iter()
                .all(|k| *k != EventKind::Sanction)
        );
    }

    #[test]
    fn firing_the_guns_of_a_battle_is_an_attack() {
        for text in [
            "Dutch marines joined the battle on Monday, firing mortars and clearing roads.",
            "The rebels fired automatic weapons at the convoy.",
            "The navy retaliated by firing dozens of rounds of artillery.",
        ] {
            assert_eq!(kinds(text), [EventKind::Assault], "{text}");
        }
        let titles: Vec<String> =
            events_for("The rebels fired mortars on Monday.", Some("2022-11-13"))
                .into_iter()
                .map(|e| e.title)
                .collect();
        assert_eq!(titles, ["Rebels fire mortars"]);
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

    #[test]
    fn requests_and_warnings_with_their_objects() {
        assert!(kinds("Turkey has been asking for help for months.").contains(&EventKind::Request));
        assert!(
            kinds("Harper is seeking clemency for the brothers.").contains(&EventKind::Request)
        );
        assert!(!kinds("Harper is seeking a third term.").contains(&EventKind::Request));
        assert!(
            kinds("Iraq warned Turkey against such an incursion.").contains(&EventKind::Request)
        );
        assert!(
            kinds("The rebel leader warned Turkey of the consequences of an attack.")
                .contains(&EventKind::Threaten)
        );
        assert!(
            kinds("A spokesman suggested that the police should stop.")
                .contains(&EventKind::Request)
        );
    }

    #[test]
    fn an_ing_form_after_a_noun_describes_it() {
        assert!(
            kinds("Peers supporting the law wore pink carnations on Monday.").is_empty(),
            "{:?}",
            kinds("Peers supporting the law wore pink carnations on Monday.")
        );
        assert!(kinds("Lawmakers opposing the bill left early on Monday.").is_empty());
        // A message, a vote or a party does what the "-ing" form says.
        assert!(
            kinds("State television flashed a message urging citizens to stay home.")
                .contains(&EventKind::Request)
        );
        assert!(
            kinds("Sudan and Chad were at the talks, with Libya providing food aid.")
                .contains(&EventKind::Aid)
        );
    }

    #[test]
    fn words_that_only_look_like_happenings() {
        for text in [
            "The death toll rose to 40 on Monday.",
            "He was sentenced to death on Monday.",
            "Fire trucks arrived at the scene on Monday.",
            "Supporters drowned out the hecklers on Monday.",
            "The newly elected mayor spoke on Monday.",
            "Police found grenades buried near the lake on Monday.",
            "Voters had hoped for the January elections that were later called off.",
        ] {
            assert!(
                !kinds(text).contains(&EventKind::Incident),
                "{text}: {:?}",
                kinds(text)
            );
        }
        assert!(!kinds("She spoke at a news conference on Monday.").contains(&EventKind::Consult));
        assert!(!kinds("The troops met some resistance on Monday.").contains(&EventKind::Consult));
        assert!(!kinds("Eight senators signed a letter to the mayor.").contains(&EventKind::Agree));
        assert!(!kinds("We are committed to peace in the region.").contains(&EventKind::Agree));
        for text in [
            "The election was held on Sunday.",
            "A fire broke out at the market on Monday.",
            "Six miners were buried under rubble on Monday.",
        ] {
            assert!(
                kinds(text).contains(&EventKind::Incident),
                "{text}: {:?}",
                kinds(text)
            );
        }
    }

    #[test]
    fn a_word_of_a_name_or_a_noun_after_a_possessive_is_no_trigger() {
        // A committee named for what it watches is not an arrest.
        assert!(
            !kinds("Members of the Arbitrary Arrests Committee gathered outside the courthouse on Monday.")
                .contains(&EventKind::Coerce)
        );
        // A headline in title case keeps its verbs.
        assert!(kinds("Police Arrest Ten Protesters in Lima").contains(&EventKind::Coerce));
        // "his forces" is who he commands, not "he forces".
        assert!(
            !kinds("Police chief Juan Ortega faces claims that he ordered his forces to fire.")
                .contains(&EventKind::Coerce)
        );
    }
}
