//! Who carried out an act of state power that its own clause leaves unnamed. "Al-Tal was also
//! sentenced to death", a few sentences after "al-Majid was sentenced … by the Supreme Iraqi
//! Criminal Tribunal", was sentenced by that tribunal; "Nazif was taken into custody, the
//! public prosecutor said" was taken by the prosecutor's order. Only arrests, sentences,
//! charges and expulsions: acts an authority alone does. Each inferred actor carries a note
//! that says where it came from, and its evidence points at the words that name it.

use super::participants::{GroupRef, push_unique};
use super::{EventFound, Inputs};
use crate::extract::sentences::TokenKind;

/// Acts only an authority does, by class: the same authority goes on doing its class ("were
/// arrested … was detained").
const CLASSES: &[&[&str]] = &[
    &["arrest", "detain", "take into custody", "jail", "imprison"],
    &["sentence", "convict"],
    &["charge", "indict"],
    &["deport", "extradite", "expel"],
];

/// The heads of a reporting phrase that name an authority able to do such an act ("police
/// said", "the public prosecutor said").
const AUTHORITY_HEADS: &[&str] = &[
    "police",
    "policemen",
    "prosecutor",
    "prosecutors",
    "prosecution",
    "court",
    "judge",
    "authorities",
];

/// Verbs that report: "…, police said".
const REPORTING: &[&str] = &["said", "says", "stated", "announced", "told", "reported"];

/// How far back, in sentences, the same act's doer still stands for this one.
const SAME_ACT_WINDOW: usize = 8;

fn class_of(verb: &str) -> Option<usize> {
    CLASSES.iter().position(|c| c.contains(&verb))
}

/// Gives an actor to each passive act of state power whose clause names none: an authority
/// that reports it in its own sentence, else the doer of the same act told a few sentences
/// before.
pub(super) fn authority_actors(inp: &Inputs, events: &mut [EventFound]) {
    for i in 0..events.len() {
        let e = &events[i];
        let Some(class) = class_of(e.verb) else {
            continue;
        };
        if e.passive.is_none() || !e.actors.is_empty() || e.agent.is_some() {
            continue;
        }
        if let Some(g) = reporting_authority(inp, &events[i]) {
            let e = &mut events[i];
            e.actor_note = Some(format!(
                "not named as the doer in its own clause: {}, who reports it",
                g.words
            ));
            e.actor_span = Some(g.span);
            e.agent = Some(g);
            continue;
        }
        // "Separately, the singer was detained in Berlin": another story in the article.
        let doc = inp.doc;
        let opening = doc.sentences[e.sentence].tokens.start;
        if doc.is_any(
            opening,
            &["separately", "meanwhile", "elsewhere", "similarly"],
        ) {
            continue;
        }
        let country = country_of(inp, e);
        let earlier = events[..i].iter().rev().find(|m| {
            class_of(m.verb) == Some(class)
                && m.mode == e.mode
                && m.sentence < e.sentence
                && e.sentence.saturating_sub(m.last_sentence) <= SAME_ACT_WINDOW
                && (!m.actors.is_empty() || acting_group(m).is_some())
        });
        // The same authority only where it holds power: not Turkish police for an arrest in
        // Berlin, nor a Moscow court for a sentence in Minsk.
        // (An act placed in its own sentence takes only a doer placed in the same country.)
        let earlier = earlier.filter(|m| match (country, country_of(inp, m)) {
            (Some(a), Some(b)) => a == b,
            (Some(_), None) => false,
            _ => true,
        });
        if let Some(m) = earlier {
            let agent = acting_group(m).cloned();
            let span = m.actor_span.or(agent.as_ref().map(|g| g.span));
            let actors = m.actors.clone();
            let who = match (&agent, actors.first()) {
                (_, Some(&p)) => inp.parties.parties[p].name.clone(),
                (Some(g), None) => g.words.clone(),
                (None, None) => continue,
            };
            let ago = match e.sentence - m.sentence {
                1 => "in the sentence before".to_owned(),
                n => format!("{n} sentences before"),
            };
            let note = format!("not named in its own sentence: {who}, who did the same {ago}");
            let e = &mut events[i];
            for &p in &actors {
                push_unique(&mut e.parties, p);
            }
            e.actors = actors;
            if e.actors.is_empty() {
                e.agent = agent;
            }
            e.actor_span = span;
            e.actor_note = Some(note);
        }
    }
}

/// The country of the place an event's own clause names.
fn country_of<'a>(inp: &'a Inputs, e: &EventFound) -> Option<&'a str> {
    e.place
        .filter(|_| !e.place_inferred)
        .and_then(|h| inp.rec.places[h].country.as_deref())
}

/// The unnamed group that did an act with no party for actor: the agent after "by", or an
/// active verb's subject ("A court in Lima sentenced …").
fn acting_group(m: &EventFound) -> Option<&GroupRef> {
    if !m.actors.is_empty() {
        return None;
    }
    m.agent.as_ref().or(m
        .unnamed_subject
        .as_ref()
        .filter(|g| g.people && m.passive.is_none()))
}

/// An authority that reports the act in the act's own sentence: "…, the Egyptian public
/// prosecutor said", "Police said 40 people were detained".
fn reporting_authority(inp: &Inputs, e: &EventFound) -> Option<GroupRef> {
    let doc = inp.doc;
    let s = &doc.sentences[e.sentence];
    let t = doc.token_at_or_after(e.trigger.start);
    let verbs = (s.tokens.start..s.tokens.end).filter(|&k| doc.is_any(k, REPORTING));
    for v in verbs {
        let Some(mut head) = v.checked_sub(1) else {
            continue;
        };
        while head > s.tokens.start && doc.is_any(head, &["has", "have", "had", "also"]) {
            head -= 1;
        }
        if !doc.is_any(head, AUTHORITY_HEADS) || head == t {
            continue;
        }
        // The report stands outside the act's clause: after it, past a comma, and ending its
        // own clause ("…, police said." but not "…, and the court said he would be tried"),
        // or before it, with the act as what was said ("Police said 40 people …").
        let from = if v > t {
            let Some(comma) = (t..head).rev().find(|&k| doc.is(k, ",")) else {
                continue;
            };
            if (comma + 1..head).any(|k| {
                doc.is_any(
                    k,
                    &[
                        "who", "which", "that", "and", "but", "while", "as", "although",
                    ],
                )
            }) {
                continue;
            }
            let ends_clause =
                doc.tokens.get(v + 1).is_none_or(|t| {
                    t.kind == TokenKind::Punct || t.sentence as usize != e.sentence
                }) || doc.is_any(
                    v + 1,
                    &[
                        "in",
                        "on",
                        "yesterday",
                        "today",
                        "late",
                        "earlier",
                        "later",
                        "last",
                    ],
                );
            if !ends_clause {
                continue;
            }
            comma + 1
        } else {
            s.tokens.start
        };
        if v < t && (v + 1..t).any(|k| doc.is(k, ",")) {
            continue;
        }
        // The reporter's words: "the Egyptian public prosecutor", without the article.
        let mut first = from;
        while first < head && doc.is_any(first, &["the", "a", "an"]) {
            first += 1;
        }
        if head - first > 4 || (first..head).any(|k| doc.tokens[k].kind != TokenKind::Word) {
            continue;
        }
        let g = GroupRef::new(doc, inp.rec, first, head);
        // "Two French citizens were detained in Tehran, French authorities said": a foreign
        // authority reports what another state's did.
        if let (Some(a), Some(b)) = (g.country.as_deref(), country_of(inp, e))
            && a != b
        {
            continue;
        }
        // Nobody named in it but a state ("the Egyptian prosecutor"): a person's or a
        // body's name makes it theirs.
        let named = inp
            .parties
            .mentions_in(g.span)
            .any(|m| inp.parties.parties[m.party].kind != crate::model::PartyKind::State);
        if !named {
            return Some(g);
        }
    }
    None
}
