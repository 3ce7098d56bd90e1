//! How an event title is worded: subject, verb and object from the event's structure
//! ("Kishida and Yoon meet in Cambodia", "Hickson sentenced"), conjugated for number and mode.

use super::{EventFound, Inputs};
use crate::extract::sentences::TokenKind;
use crate::model::{EventKind, Mode, PartyKind, PlaceKind};

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
pub(super) fn title(inp: &Inputs, e: &EventFound) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Mode;

    #[test]
    fn verbs_agree_with_their_subjects_and_modes() {
        assert_eq!(conjugate("meet", false, None), "meets");
        assert_eq!(conjugate("meet", true, None), "meet");
        assert_eq!(
            conjugate("impose sanctions", false, None),
            "imposes sanctions"
        );
        assert_eq!(
            conjugate("carry out strikes", false, None),
            "carries out strikes"
        );
        assert_eq!(
            conjugate("meet", false, Some(Mode::Negated)),
            "does not meet"
        );
        assert_eq!(conjugate("meet", true, Some(Mode::Future)), "will meet");
        assert_eq!(
            conjugate("threaten", false, Some(Mode::Hypothetical)),
            "threatens"
        );
    }

    #[test]
    fn lists_read_as_english() {
        let n = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(list(&n(&[])), "");
        assert_eq!(list(&n(&["A", "B"])), "A and B");
        assert_eq!(list(&n(&["A", "B", "C"])), "A, B and C");
        assert_eq!(list(&n(&["A", "B", "C", "D"])), "A, B and others");
    }

    #[test]
    fn a_passive_names_who_it_was_done_to() {
        let ev = super::super::events_for(
            "Detective Chris Jacobs was sentenced in Leeds on Friday.",
            Some("2022-11-13"),
        );
        assert_eq!(ev[0].title, "Jacobs sentenced in Leeds");
    }
}
