//! How an event title is worded: from the event's structure, never by gluing spans together.
//!
//! The template is subject–verb–object–place: the actor (or the group or thing that acted,
//! "Car bomb"), the trigger's verb conjugated for number and mode, the target (a party, or the
//! object the sentence names, "farm"), and where: "Kishida and Yoon meet in Phnom Penh",
//! "Police arrest Morales in Caracas", "Rocket hits farm near Rzeszów". Without an actor the
//! title says what was done to whom ("Two soldiers killed near Kidal"), and without either it
//! names the happening ("Explosion in Kabul"): it never invents who did it.

use super::{EventFound, GroupRef, Inputs};
use crate::extract::lexicon::among;
use crate::extract::lexicon::{EAST_ASIAN_FAMILY_NAMES, capitalised};
use crate::extract::parties::PartyMention;
use crate::extract::sentences::TokenKind;
use crate::model::{EventKind, Mode, PartyKind, PlaceKind};

/// Countries whose people usually write the family name first ("Xi Jinping" is Xi).
const FAMILY_FIRST_COUNTRIES: &[&str] = &["CN", "TW", "HK", "MO", "KR", "KP", "VN", "SG"];

/// A short name for titles: a person's family name as the text uses it alone, a state's name.
fn short_name(inp: &Inputs, p: usize, mentions: &[&PartyMention]) -> String {
    let info = &inp.parties.parties[p];
    // "calls on the international community": a group the text writes in lowercase stays
    // lowercase inside a title (the title's first letter is raised anyway).
    if info.kind == PartyKind::Group
        && !mentions.is_empty()
        && mentions.iter().all(|m| {
            let written = inp.doc.slice(m.span);
            let written = ["the ", "The ", "a ", "A ", "an ", "An "]
                .iter()
                .find_map(|d| written.strip_prefix(d))
                .unwrap_or(written);
            written.starts_with(|c: char| c.is_lowercase())
        })
    {
        return lower_first(&info.name);
    }
    if info.kind != PartyKind::Person {
        return written_name(inp, p, mentions).unwrap_or_else(|| info.name.clone());
    }
    // "Ferdinand Marcos Jr." is Marcos, not Jr.
    const SUFFIXES: &[&str] = &["Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"];
    let tokens: Vec<&String> = info
        .name_tokens
        .iter()
        .filter(|t| !SUFFIXES.contains(&t.as_str()))
        .collect();
    // Without a country, the name's shape tells: a given name in two syllables ("Kim Jong Un")
    // or hyphenated ("Moon Jae-in"), or a family name no one takes as a given name ("Xi
    // Jinping", "Li Qiang"; not "Lee Anderson", "Kim Jones").
    let family_first = tokens.len() >= 2
        && EAST_ASIAN_FAMILY_NAMES.contains(&tokens[0].as_str())
        && match info.country.as_deref() {
            Some(c) => among(c, FAMILY_FIRST_COUNTRIES),
            None => {
                tokens.len() == 3
                    || tokens[1].contains('-')
                    || tokens.len() == 2 && !crate::extract::parties::is_given_name(tokens[0])
            }
        };
    if family_first {
        return tokens[0].clone();
    }
    // "bin Laden", "van Gogh": a lowercase particle stays with the surname after it.
    let with_particle = |j: usize| match j.checked_sub(1).map(|k| tokens[k]) {
        Some(p) if crate::extract::lexicon::NAME_PARTICLES.contains(&p.as_str()) => {
            format!("{p} {}", tokens[j])
        }
        _ => tokens[j].clone(),
    };
    for (j, t) in tokens.iter().enumerate().rev() {
        let used_alone = mentions.iter().any(|m| inp.doc.slice(m.span) == t.as_str());
        if used_alone {
            return with_particle(j);
        }
    }
    match tokens.len() {
        0 => info.name.clone(),
        n => with_particle(n - 1),
    }
}

/// The shorter name the article itself gives a body whose full name is long: its acronym
/// ("NATO", not "North Atlantic Treaty Organization") or its country's adjective ("Turkish
/// police", not "Police of Turkey"). States keep their names.
fn written_name(inp: &Inputs, p: usize, mentions: &[&PartyMention]) -> Option<String> {
    let info = &inp.parties.parties[p];
    if info.kind == PartyKind::State || info.name.split_whitespace().count() < 3 {
        return None;
    }
    let written = || {
        mentions
            .iter()
            .filter(|m| !m.anaphor)
            .map(|m| inp.doc.slice(m.span))
    };
    let acronym = |s: &str| (2..=6).contains(&s.len()) && s.chars().all(|c| c.is_ascii_uppercase());
    if let Some(a) = written().find(|s| acronym(s)) {
        return Some(a.to_owned());
    }
    // "the Turkish police": a country's adjective and the body's head, as the article has it.
    let of_country = info.country.is_some() && info.name.contains(" of ");
    written()
        .map(|s| {
            s.strip_prefix("the ")
                .or_else(|| s.strip_prefix("The "))
                .unwrap_or(s)
        })
        .filter(|s| {
            of_country
                // ("Egyptian army" is no shorter than "Army of Egypt", and reads better than
                // "Egypt army".)
                && s.len() <= info.name.len() + 3
                && s.starts_with(char::is_uppercase)
                && !s.contains(['’', '\'', ','])
                && (2..=3).contains(&s.split_whitespace().count())
        })
        .min_by_key(|s| s.len())
        .map(str::to_owned)
        .or_else(|| {
            // Else "Benin government", not "Government of Benin", whose capital the article
            // never wrote.
            let (head, country) = info.name.split_once(" of ")?;
            let country = country.strip_prefix("the ").unwrap_or(country);
            (of_country
                && !country.contains(" of ")
                && [
                    "Government",
                    "Military",
                    "Army",
                    "Navy",
                    "Police",
                    "Cabinet",
                ]
                .contains(&head))
            .then(|| format!("{country} {}", head.to_lowercase()))
        })
}

/// The names a title lists for these parties: people and organisations speak for their states,
/// so a state is listed only when none of its people or bodies is.
fn names_of(inp: &Inputs, ps: &[usize], short: &[String]) -> Vec<String> {
    let table = inp.parties;
    let represented: Vec<&str> = ps
        .iter()
        .filter(|&&p| {
            matches!(
                table.parties[p].kind,
                PartyKind::Person | PartyKind::Organization
            )
        })
        .filter_map(|&p| table.parties[p].country.as_deref())
        .collect();
    // "Bush, Yayi and Benin meet": beside a person, a state is almost always that person's.
    let person = ps
        .iter()
        .any(|&p| table.parties[p].kind == PartyKind::Person);
    let mut out: Vec<String> = Vec::new();
    for &p in ps {
        let info = &table.parties[p];
        let covered = info.kind == PartyKind::State
            && (person
                || info
                    .country
                    .as_deref()
                    .is_some_and(|c| represented.contains(&c)));
        let name = short[p].clone();
        if !covered && !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// The short names titles give the parties these events name, indexed by party (empty for
/// the others): worked out once per article, from each party's own mentions, because a scan
/// of every mention per title made long articles quadratic.
pub(super) fn short_names(inp: &Inputs, events: &[EventFound]) -> Vec<String> {
    let n = inp.parties.parties.len();
    let mut used = vec![false; n];
    for e in events {
        for &p in e.parties.iter().chain(&e.actors).chain(&e.targets) {
            used[p] = true;
        }
    }
    let mut by_party: Vec<Vec<&PartyMention>> = vec![Vec::new(); n];
    for m in &inp.parties.mentions {
        if used[m.party] {
            by_party[m.party].push(m);
        }
    }
    (0..n)
        .map(|p| {
            if used[p] {
                short_name(inp, p, &by_party[p])
            } else {
                String::new()
            }
        })
        .collect()
}

/// The title of an event, starting with a capital ("Al-Maliki issues an ultimatum").
pub(super) fn title(inp: &Inputs, e: &EventFound, short: &[String]) -> String {
    let t = worded(inp, e, short);
    let mut chars = t.chars();
    match chars.next() {
        Some(c) if c.is_lowercase() => c.to_uppercase().chain(chars).collect(),
        _ => t,
    }
}

/// The title's words, from the event's structure.
fn worded(inp: &Inputs, e: &EventFound, short: &[String]) -> String {
    let table = inp.parties;
    // Meetings and agreements are mutual: "Virtanen and Rojas meet", not "Virtanen meets Rojas".
    // A visit goes one way: "Haddad visits Uganda", not "Haddad visits in Uganda".
    // So does a pledge or an approval: "Japan pledges aid", not "Japan and Kenya pledge".
    let one_way = e.verb == "visit" && e.targets.len() == 1
        || ONE_WAY_AGREEMENTS.contains(&e.verb.split(' ').next().unwrap_or(""));
    let mutual = e.kind.is_mutual() && (!one_way || e.actors.is_empty());
    let mut actors = e.actors.clone();
    if mutual {
        for &p in e.parties.iter().chain(&e.targets) {
            let kind = table.parties[p].kind;
            if matches!(kind, PartyKind::Person | PartyKind::State) && !actors.contains(&p) {
                actors.push(p);
            }
        }
    }
    // "HRCP and Pakistan condemn": a state beside one of its own people or bodies is only
    // where they come from; the title names them alone.
    let belongs = |p: usize, among: &[usize]| {
        let party = &table.parties[p];
        party.kind == PartyKind::State
            && !mutual
            && among.iter().any(|&q| {
                let other = &table.parties[q];
                q != p
                    && other.kind != PartyKind::State
                    && (other.country.is_some() && other.country == party.country
                        || contains_words(&other.name, &party.name))
            })
    };
    let all_actors = actors.clone();
    actors.retain(|&p| !belongs(p, &all_actors));
    let actor_states: Vec<&str> = all_actors
        .iter()
        .filter_map(|&p| table.parties[p].country.as_deref())
        .collect();
    let targets: Vec<usize> = e
        .targets
        .iter()
        .copied()
        .filter(|p| !all_actors.contains(p))
        .filter(|&p| !belongs(p, &e.targets))
        .filter(|&p| {
            !(table.parties[p].kind == PartyKind::State
                && table.parties[p]
                    .country
                    .as_deref()
                    .is_some_and(|c| actor_states.contains(&c)))
        })
        .collect();
    let actor_names = names_of(inp, &actors, short);
    let mut target_names = names_of(inp, &targets, short);
    // "shot Russia's ambassador": the title names the envoy, not the state alone.
    if let [p] = targets[..]
        && table.parties[p].kind == PartyKind::State
        && let (Some(span), [name]) = (e.target_span, &mut target_names[..])
        && let Some(role) = role_after(inp, span.end)
    {
        *name = format!("{name}{role}");
    }
    let place = place_phrase(inp, e);

    // A happening named by a noun, by nobody the text names: "Attack on Nigeria in Damboa".
    if actor_names.is_empty()
        && e.unnamed_subject.is_none()
        && e.agent.is_none()
        && e.passive.is_none()
        && let Some(noun) = &e.trigger_noun
    {
        // Only a target the noun's own preposition names ("the attack on the embassy"), with
        // that preposition: the clause's other parties may be its source ("aid from Sudan"),
        // its place, or an owner ("an appeal against his conviction").
        let prep = e.target_span.and_then(|t| {
            let gap = inp
                .doc
                .text
                .get(e.trigger.end..t.start)?
                .trim()
                .to_lowercase();
            let prep = gap.strip_suffix(" the").unwrap_or(&gap).to_owned();
            // "the attack in Kabul on the British Council": past a place phrase, the noun's
            // own preposition.
            let prep = match prep.rsplit_once(' ') {
                Some((before, last))
                    if ["in ", "at ", "near "]
                        .iter()
                        .any(|p| before.starts_with(p))
                        // (Places are sorted by start: only those after the trigger.)
                        && inp.rec.places[inp
                            .rec
                            .places
                            .partition_point(|h| h.span.start <= e.trigger.end)..]
                            .iter()
                            .take_while(|h| h.span.start < t.start)
                            .any(|h| {
                            h.span.end <= t.start
                                && inp.doc.text[e.trigger.end..h.span.start]
                                    .split_whitespace()
                                    .count()
                                    <= 2
                                && inp.doc.text[h.span.end..t.start]
                                    .trim()
                                    .trim_end_matches(" the")
                                    == last
                        }) =>
                {
                    last.to_owned()
                }
                _ => prep,
            };
            let owner = inp.doc.text.get(t.start..t.end).is_some_and(|w| {
                ["his", "her", "its", "their"].contains(&w.to_lowercase().as_str())
            }) || inp
                .doc
                .text
                .get(t.end..)
                .is_some_and(|r| r.starts_with(['’', '\'']));
            (["on", "against", "with", "to", "for"].contains(&prep.as_str()) && !owner)
                .then_some(prep)
        });
        return match prep {
            Some(prep) if !target_names.is_empty() => {
                // Only the party the preposition names ("on the British Council", not the
                // Afghans an aside after it mentions).
                // (Mentions are sorted by start.)
                let mentions = &inp.parties.mentions;
                let named = e.target_span.and_then(|t| {
                    mentions[mentions.partition_point(|m| m.span.start < t.start)..]
                        .iter()
                        .take_while(|m| m.span.start == t.start)
                        .find(|m| m.span == t)
                        .map(|m| names_of(inp, &[m.party], short))
                });
                let names = named.filter(|n| !n.is_empty()).unwrap_or(target_names);
                format!("{noun} {prep} {}{place}", list(&names))
            }
            // "the attack on civilians": a group its own preposition names.
            _ if let Some(o) = e.object.as_ref().filter(|o| o.people) => {
                // "the victims of the attack" come before the noun.
                let prep = if o.span.start > e.trigger.start {
                    inp.doc.low(inp.doc.token_at_or_after(e.trigger.end))
                } else {
                    "on"
                };
                format!("{} {prep} {}{place}", happening(e), mid_title(o))
            }
            _ => format!("{}{place}", happening(e)),
        };
    }
    // "forced to work": the people named were forced.
    if e.verb == "force"
        && let Some(w) = word_after(inp, e, &["forced", "to"])
    {
        // (Told in the passive, whom it was done to: "Journalists were forced to leave", and
        // who did it when the text says: "Iran forces journalists to leave".)
        let forcer = if !actor_names.is_empty() {
            Some((list(&actor_names), actor_names.len() > 1))
        } else {
            e.agent.as_ref().map(|g| (capitalised(&g.words), g.plural))
        };
        let forced = if !target_names.is_empty() {
            Some(list(&target_names))
        } else {
            e.passive.and(e.unnamed_subject.as_ref()).map(mid_title)
        };
        if e.passive.is_some()
            && let Some((forcer, plural)) = forcer
            && let Some(forced) = forced
        {
            return format!(
                "{forcer} {} {forced} to {w}{place}",
                conjugate("force", plural, e.mode)
            );
        }
        // (Whom a passive forced, with a forcer named, was titled above.)
        let who = if !actor_names.is_empty() {
            list(&actor_names)
        } else if !target_names.is_empty() {
            list(&target_names)
        } else if let Some(g) = &e.unnamed_subject {
            capitalised(&g.words)
        } else if let Some(subject) = passive_subject_words(inp, e) {
            // "The Cairns service was forced to close": the clause's own subject.
            capitalised(&subject)
        } else {
            // (Nobody named: not "People", which would say more than the text.)
            "Someone".to_owned()
        };
        return format!("{who} forced to {w}{place}");
    }
    // Done by a group the text names after "by": "Around 70 people were detained by police"
    // is "Police detain around 70 people", "one attack by counter-demonstrators" is
    // "Counter-demonstrators attack".
    if actor_names.is_empty()
        && let Some(agent) = &e.agent
    {
        let mut t = format!(
            "{} {}",
            capitalised(&agent.words),
            conjugate(e.verb, agent.plural, e.mode)
        );
        let patient = (!target_names.is_empty())
            .then(|| list(&target_names))
            .or_else(|| {
                // A passive's subject suffered it; a noun's sides are its agent and object
                // ("the battle between the security forces and terrorists").
                let patient = if e.passive.is_some() {
                    e.unnamed_subject.as_ref()
                } else {
                    e.object.as_ref().filter(|o| o.people)
                };
                patient.map(mid_title)
            });
        let particle = e
            .verb
            .rsplit_once(' ')
            .is_some_and(|(_, last)| among(last, PARTICLES));
        let inside = OBJECT_SLOTS.contains(&(e.verb, INSIDE));
        if let Some(patient) = patient
            && takes_object(e.kind, e.verb)
        {
            if inside {
                // "Police take Nazif into custody".
                put_inside(&mut t, e.verb, &patient);
            } else if !e.verb.contains(' ') || particle {
                t.push(' ');
                t.push_str(&patient);
            }
        }
        return format!("{t}{place}");
    }
    // Done to someone, by nobody the text names: "Jacobs sentenced in Leeds". (Not when an
    // unnamed someone did something to a thing of theirs: "the prosecutor requested his
    // release" is "Release requested", never "Al-Ani requested".)
    // ("They clashed with security forces": the other side of a verb with its own
    // preposition was no patient: "Clash with security forces".)
    if actor_names.is_empty()
        && e.passive.is_none()
        && e.unnamed_subject.is_none()
        && e.verb
            .rsplit_once(' ')
            .is_some_and(|(_, last)| among(last, &["with", "against"]))
        && let Some(other) = (!target_names.is_empty())
            .then(|| list(&target_names))
            .or_else(|| e.object.as_ref().map(|o| o.words.clone()))
    {
        return format!("{} {other}{place}", capitalised(e.verb));
    }
    if actor_names.is_empty()
        && (e.passive.is_some() || e.unnamed_subject.is_none() && e.object.is_none())
        && let Some(patient) = (!target_names.is_empty())
            .then(|| list(&target_names))
            .or_else(|| {
                e.passive
                    .and(e.unnamed_subject.as_ref())
                    .map(|g| capitalised(&g.words))
            })
    {
        if active_with_particle(inp, e) && !target_names.is_empty() {
            return format!("{} {patient}{place}", capitalised(e.verb));
        }
        return format!("{patient} {}{place}", bare_participle(e));
    }
    let (subject, plural) = if !actor_names.is_empty() {
        (
            list(&actor_names),
            actor_names.len() != 1
                || actor_names.first().is_some_and(|n| {
                    // "Evans condemns": a person's name is one person, whatever its ending.
                    let person = actors
                        .iter()
                        .all(|&p| table.parties[p].kind == PartyKind::Person);
                    reads_plural(n) && !(person && n.split(' ').count() == 1)
                }),
        )
    } else if let Some(g) = &e.unnamed_subject {
        (capitalised(&g.words), g.plural)
    } else if let Some(object) = &e.object {
        if active_with_particle(inp, e) {
            return format!("{} {}{place}", capitalised(e.verb), mid_title(object));
        }
        // "Stones thrown at police": what was thrown, at whom.
        if let Some(arms) = &e.arms {
            let done = if e.verb.starts_with("fire") {
                "fired"
            } else {
                "thrown"
            };
            return format!(
                "{} {done} at {}{place}",
                capitalised(&arms.words),
                mid_title(object)
            );
        }
        // Nobody named did it: what was done, to what.
        return format!(
            "{} {}{place}",
            capitalised(&object.words),
            bare_participle(e)
        );
    } else {
        return format!("{}{place}", happening(e));
    };
    // "Fans throw bottles", not "throw stones": what was thrown, as the text names it.
    let thrown = (e.verb == "throw stones")
        .then(|| e.arms.as_ref().or(e.object.as_ref().filter(|o| !o.people)))
        .flatten();
    let mut t = match thrown {
        Some(arms) => format!(
            "{subject} {} {}",
            conjugate("throw", plural, e.mode),
            arms.words
        ),
        None => format!("{subject} {}", conjugate(e.verb, plural, e.mode)),
    };
    // "Journalists were imprisoned", told with whoever did it: they are what it was done to.
    let object_ref = e.object.clone().or_else(|| {
        e.passive
            .and(e.unnamed_subject.clone())
            .filter(|g| g.people && !e.actors.is_empty())
    });
    // "call on", "speak with": the verb brings its own preposition.
    let verb_particle = e
        .verb
        .rsplit_once(' ')
        .is_some_and(|(_, last)| among(last, PARTICLES));
    let own_slot = OBJECT_SLOTS
        .iter()
        .find(|(verb, _)| *verb == e.verb)
        .map(|(_, slot)| *slot);
    if !target_names.is_empty() && takes_object(e.kind, e.verb) {
        // "Protesters march against Trump", but "Protesters protest Trump".
        // "Hamas fires rockets at Israel", or without the arms "fires on".
        let fired = (e.verb == "fire").then(|| match &object_ref {
            Some(o) => format!(" {} at", o.words),
            None => " on".to_owned(),
        });
        let prep = if let Some(fired) = &fired {
            fired.as_str()
        } else if let Some(slot) = own_slot {
            slot
        } else if e.kind == EventKind::Protest && e.verb != "protest" && !verb_particle {
            " against"
        } else if !e.verb.contains(' ') || verb_particle {
            ""
        } else {
            match e.kind {
                // "Russia issues an ultimatum to Ukraine", "Iran threatens action against …".
                EventKind::Threaten if e.verb.starts_with("issue ") => " to",
                EventKind::Threaten => " against",
                EventKind::Sanction | EventKind::Assault => " on",
                EventKind::Aid => " to",
                _ => " with",
            }
        };
        if prep == INSIDE {
            // "Iran takes Behbehani into custody", "holds Hamas responsible".
            put_inside(&mut t, e.verb, &list(&target_names));
        } else {
            t.push_str(&format!("{prep} {}", list(&target_names)));
        }
    } else if let Some(object) = object_ref.as_ref().filter(|o| {
        o.people
            && (e.arms.is_some()
                || matches!(
                    e.verb,
                    "fire tear gas" | "fire rubber bullets" | "throw stones" | "use water cannon"
                ))
    }) {
        // "Police fire tear gas at protesters", "Protesters throw stones at soldiers".
        let aimed = match (e.verb, &e.arms) {
            ("fire", Some(arms)) => format!(" {} at", arms.words),
            ("use water cannon", _) => " on".to_owned(),
            _ => " at".to_owned(),
        };
        t.push_str(&format!("{aimed} {}", mid_title(object)));
    } else if let Some(object) = &object_ref
        && (!e.verb.contains(' ') || own_slot == Some(""))
    {
        t.push(' ');
        t.push_str(&object.words);
    } else if let Some(object) = object_ref.as_ref().filter(|_| own_slot == Some(INSIDE)) {
        // "Police take three activists into custody".
        put_inside(&mut t, e.verb, &object.words);
    } else if let Some(object) = e
        .object
        .as_ref()
        .filter(|o| o.people && e.kind == EventKind::Threaten && e.verb.starts_with("issue "))
    {
        // "Al-Maliki issues an ultimatum to militants".
        t.push_str(" to ");
        t.push_str(&mid_title(object));
    } else if let Some(object) = object_ref
        .as_ref()
        .filter(|o| o.people && e.kind.is_mutual() && e.verb.contains(' ') && !verb_particle)
    {
        // "Ukraine reaches an agreement with rebel forces": the other side of a mutual act.
        t.push_str(" with ");
        t.push_str(&mid_title(object));
    } else if let Some(object) = object_ref.as_ref().filter(|o| o.people && verb_particle) {
        // "Al-Sadr calls on followers"; "Iraqi soldiers" keeps its name.
        t.push(' ');
        t.push_str(&mid_title(object));
    } else if verb_particle {
        // Nobody named after "call on": "Mugabe calls", not "Mugabe calls on".
        if let Some((head, _)) = t.rsplit_once(' ') {
            t.truncate(head.len());
        }
    }
    // "Policemen hand over weapons to the Mahdi Army": what is yielded goes to someone.
    if e.kind == EventKind::Concede
        && matches!(
            e.verb,
            "hand over" | "surrender" | "cede" | "return" | "transfer"
        )
        && !target_names.is_empty()
    {
        t.push_str(" to ");
        t.push_str(&list(&target_names));
    }
    // "North Korea fires missiles near the Northern Limit Line", but not the place twice.
    let named = place.split_once(' ').map_or("", |(_, rest)| rest);
    let named = named.split_once(' ').map_or(named, |(_, rest)| rest);
    if !named.is_empty() && !t.contains(named.trim_start_matches("the ")) {
        // "Haddad visits Nairobi": a visit goes to its place.
        match place.strip_prefix(" in ") {
            Some(rest) if e.verb == "visit" && target_names.is_empty() => {
                t.push(' ');
                t.push_str(rest);
            }
            // "The Taliban captures Kabul": a place taken right after the verb is its object.
            Some(rest)
                if matches!(e.verb, "capture" | "seize" | "occupy" | "annex")
                    && target_names.is_empty()
                    && e.object.is_none()
                    && e.place_span.is_some_and(|p| {
                        let next = inp.doc.token_at_or_after(e.trigger.end);
                        let next = if inp.doc.is(next, "the") {
                            next + 1
                        } else {
                            next
                        };
                        inp.doc
                            .tokens
                            .get(next)
                            .is_some_and(|t| t.span.start == p.start)
                    }) =>
            {
                t.push(' ');
                t.push_str(rest);
            }
            // "Rebels advance on Tripoli": an advance goes toward its place.
            Some(rest) if e.verb == "advance on" && target_names.is_empty() => {
                t.push_str(" on ");
                t.push_str(rest);
            }
            _ => t.push_str(&place),
        }
    }
    t
}

/// The words of a passive's subject, a short noun phrase right before its auxiliary ("many
/// first-time buyers are being forced": "first-time buyers"), without its determiner or
/// quantifier; none for a pronoun.
fn passive_subject_words(inp: &Inputs, e: &EventFound) -> Option<String> {
    let doc = inp.doc;
    let t = doc.token_containing(e.trigger.start)?;
    let start = doc.sentences[doc.tokens[t].sentence as usize].tokens.start;
    let mut k = t;
    while k > start && doc.is_any(k - 1, &["was", "were", "is", "are", "been", "being", "be"]) {
        k -= 1;
    }
    if k == t {
        return None;
    }
    let end = k;
    while k > start
        && end - k < 4
        && (doc.tokens[k - 1].kind == TokenKind::Word || doc.tok(k - 1) == "-")
        && !doc.is_any(
            k - 1,
            &[
                "the", "a", "an", "many", "some", "several", "most", "all", "his", "her", "its",
                "their", "and", "or", "that", "which", "who", "after", "when", "as", "they", "he",
                "she", "it", "we", "have", "has", "had",
            ],
        )
    {
        k -= 1;
    }
    if k == end {
        return None;
    }
    let from = doc.tokens[k].span.start;
    let to = doc.tokens[end - 1].span.end;
    Some(doc.text[from..to].to_owned())
}

/// An unnamed group's words inside a title: "Two soldiers" is "two soldiers", "Iraqi soldiers"
/// keeps its name.
fn mid_title(g: &GroupRef) -> String {
    if g.country.is_some() {
        g.words.clone()
    } else {
        lower_first(&g.words)
    }
}

/// Where a title puts the target of a verb whose last word is no preposition: [`INSIDE`]
/// after the verb's first word ("takes Behbehani into custody"), "" right after the verb ("guns
/// down two policemen"), else after that preposition ("cracks down on smugglers").
const OBJECT_SLOTS: &[(&str, &str)] = &[
    ("take into custody", INSIDE),
    ("hold responsible", INSIDE),
    ("crack down", " on"),
    ("throw stones", " at"),
    ("exchange fire", " with"),
    ("gun down", ""),
    ("blow up", ""),
    ("hand over", ""),
    ("cut off", ""),
    ("pull out", " of"),
    ("send a request", " to"),
    // What is pledged goes to someone: "Japan pledges to Kenya", not "pledges Kenya".
    ("pledge", " to"),
    ("commit", " to"),
    // A refusal's object is what the refused verb takes: "refuses to release three engineers".
    ("refuse to release", ""),
    ("refuse to accept", ""),
    ("refuse to approve", ""),
    ("refuse to ratify", ""),
    ("refuse to grant", ""),
    ("refuse to pardon", ""),
    ("refuse to hand over", ""),
    ("refuse to concede", ""),
    ("refuse to pull out", " of"),
    ("refuse to withdraw", " from"),
];

/// The target goes inside the verb phrase, after its first word.
const INSIDE: &str = "<inside>";

/// Puts `words` into `title`, which ends with `verb` conjugated, before the verb's words after
/// its first: "will take" + "three activists" + "into custody".
fn put_inside(title: &mut String, verb: &str, words: &str) {
    let rest = verb.split_once(' ').map_or("", |(_, rest)| rest);
    let at = title.len() - rest.len() - usize::from(!rest.is_empty());
    title.insert_str(at, &format!(" {words}"));
}

/// The office a state's possessive names at byte `end`, with that possessive as written
/// ("’s ambassador", "'s foreign minister"), or None.
fn role_after(inp: &Inputs, end: usize) -> Option<String> {
    let text = inp.doc.text.get(end..)?;
    let possessive = ["’s ", "'s "].into_iter().find(|p| text.starts_with(p))?;
    let rest = &text[possessive.len()..];
    let mut words = rest.split(|c: char| !c.is_alphanumeric());
    let first = words.next()?.to_lowercase();
    let second = words.next().unwrap_or("").to_lowercase();
    const OFFICES: &[&str] = &[
        "ambassador",
        "envoy",
        "consul",
        "president",
        "minister",
        "leader",
        "king",
        "queen",
        "spokesman",
        "spokeswoman",
        "embassy",
        "consulate",
        "diplomats",
        "diplomat",
    ];
    if [
        "prime", "foreign", "defence", "defense", "interior", "finance", "deputy", "vice",
    ]
    .contains(&first.as_str())
        && ["minister", "president"].contains(&second.as_str())
    {
        Some(format!("{possessive}{first} {second}"))
    } else {
        OFFICES
            .contains(&first.as_str())
            .then(|| format!("{possessive}{first}"))
    }
}

/// Verbs of agreeing that one side does alone.
const ONE_WAY_AGREEMENTS: &[&str] = &["pledge", "promise", "commit"];

/// Prepositions a verb of the lexicon may end in ("call on", "appeal to", "speak with").
const PARTICLES: &[&str] = &[
    "on", "to", "with", "for", "against", "at", "from", "of", "into",
];

/// `hay` holds `needle` as whole words ("Army of Niger" holds "Niger"; "Army of Nigeria" does
/// not).
fn contains_words(hay: &str, needle: &str) -> bool {
    let hay: Vec<&str> = hay.split_whitespace().collect();
    let needle: Vec<&str> = needle.split_whitespace().collect();
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle.as_slice())
}

/// Kinds whose verb takes the target as object ("condemn X"); the others name only the actor.
fn takes_object(kind: EventKind, verb: &str) -> bool {
    // "Army frees Ruiz", "Rebels release hostages"; a withdrawal has no one it is done to.
    if kind == EventKind::Retreat {
        return matches!(verb, "free" | "release");
    }
    matches!(
        kind,
        EventKind::Consult
            | EventKind::Accuse
            | EventKind::Request
            | EventKind::Threaten
            | EventKind::Sanction
            | EventKind::Assault
            | EventKind::Support
            | EventKind::Reject
            | EventKind::Coerce
            | EventKind::Aid
            | EventKind::Agree
            | EventKind::Protest
    )
}

/// " in Phnom Penh", " near the Northern Limit Line", or "" (no place, or only the dateline's).
fn place_phrase(inp: &Inputs, e: &EventFound) -> String {
    let Some(p) = e.place.filter(|_| !e.place_inferred) else {
        return String::new();
    };
    let place = &inp.rec.places[p];
    // "sent troops into northern Iraq": forces moved to a place go "to" it.
    let doc = inp.doc;
    // (Only "the" or a direction between: not "Speaking to reporters in Seoul".)
    let moved_to = e.kind == EventKind::Mobilize
        && doc.token_containing(place.span.start).is_some_and(|t| {
            (t.saturating_sub(3)..t)
                .rev()
                .find(|&k| {
                    !doc.is_any(
                        k,
                        &[
                            "the", "northern", "southern", "eastern", "western", "central",
                        ],
                    )
                })
                .is_some_and(|k| doc.is_any(k, &["into", "to"]))
        });
    let prep = if moved_to {
        "to"
    } else if e.geo_precision == Some(2) {
        "near"
    } else {
        "in"
    };
    // A city as the article spells it ("Basra", "Mecca"), not the gazetteer's "Basrah" or
    // "Makkah".
    let written = inp.doc.slice(place.span);
    let name = if matches!(place.kind, PlaceKind::Line | PlaceKind::Sea)
        || place.name.split(' ').count() > 1
            && place.kind == PlaceKind::Region
            && takes_the(inp, place)
    {
        format!("the {}", place.name)
    } else if place.kind == PlaceKind::City
        && written.starts_with(char::is_uppercase)
        && !written.contains([',', '’', '\''])
        && written.split_whitespace().count() <= 4
        // Not a dateline's "MANILA".
        && written.chars().any(char::is_lowercase)
    {
        written.to_owned()
    } else {
        place.name.clone()
    };
    format!(" {prep} {name}")
}

/// Last words of region names said with "the" ("the Gaza Strip", "the Korean Peninsula"),
/// unlike "Riverside County" or "New South Wales".
const THE_REGIONS: &[&str] = &[
    "strip",
    "bank",
    "peninsula",
    "east",
    "territory",
    "territories",
    "coast",
    "islands",
    "delta",
    "heights",
    "corridor",
    "highlands",
    "basin",
    "desert",
];

/// A region of several words is "the" region when the article says so ("in the Gaza Strip")
/// or its last word is a common noun that asks for it.
fn takes_the(inp: &Inputs, place: &crate::extract::hits::PlaceHit) -> bool {
    let doc = inp.doc;
    let t = doc.token_at_or_after(place.span.start);
    // (Not the "the" of a longer phrase: "across the New South Wales coast".)
    let after = doc.token_at_or_after(place.span.end);
    let noun_follows = doc
        .tokens
        .get(after)
        .is_some_and(|x| x.kind == TokenKind::Word && !x.cap)
        && !doc.is_any(
            after,
            &[
                "in", "on", "at", "and", "or", "of", "to", "from", "for", "with", "by", "was",
                "is", "has", "had", "were", "are", "where", "when", "as", "after", "before",
            ],
        )
        && !doc.low(after).ends_with("ed");
    (t > 0 && doc.is(t - 1, "the") && !noun_follows)
        || place
            .name
            .rsplit(' ')
            .next()
            .is_some_and(|w| THE_REGIONS.contains(&w.to_lowercase().as_str()))
}

/// What happened, as a noun, when nobody and nothing is named: "Explosion", "Election".
fn happening(e: &EventFound) -> String {
    let noun = match e.kind {
        EventKind::Incident => e.trigger_noun.as_deref().unwrap_or("Incident"),
        EventKind::Assault => e.trigger_noun.as_deref().unwrap_or("Attack"),
        EventKind::Protest => "Protest",
        EventKind::Coerce => e.trigger_noun.as_deref().unwrap_or(coercion_noun(e.verb)),
        EventKind::Mobilize => "Military activity",
        EventKind::Consult => e.trigger_noun.as_deref().unwrap_or("Talks"),
        EventKind::Agree => e.trigger_noun.as_deref().unwrap_or("Agreement"),
        EventKind::Aid => "Aid",
        EventKind::Sanction => "Sanctions",
        EventKind::Accuse => "Accusation",
        EventKind::Reject => "Rejection",
        EventKind::Threaten => "Threat",
        EventKind::Request => "Appeal",
        EventKind::Support => "Support",
        EventKind::Concede => e.trigger_noun.as_deref().unwrap_or("Concession"),
        EventKind::Cooperate => "Cooperation",
        EventKind::Retreat if matches!(e.verb, "release" | "free") => "Release",
        EventKind::Retreat => "Withdrawal",
    };
    capitalised(noun)
}

/// What a coercive verb did, as a noun: "banned" → "Ban", not "Arrests".
fn coercion_noun(verb: &str) -> &'static str {
    match verb {
        "arrest" => "Arrests",
        "detain" => "Detentions",
        "jail" | "imprison" => "Imprisonment",
        "sentence" => "Sentencing",
        "convict" => "Conviction",
        "raid" => "Raid",
        "evict" => "Evictions",
        "seize" => "Seizure",
        "annex" => "Annexation",
        "occupy" => "Occupation",
        "deport" => "Deportations",
        "summon" => "Summons",
        "disperse" => "Dispersal",
        "censor" => "Censorship",
        "rescue" => "Rescue",
        "confiscate" => "Confiscation",
        "ban" | "bar" | "prevent" => "Ban",
        "crack down" => "Crackdown",
        "blockade" => "Blockade",
        _ => "Coercion",
    }
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
    let mut j = i + words.len();
    // "forced to either move out or …": past a word that only joins.
    if j + 1 < s.tokens.end && doc.is_any(j, &["either", "also", "then"]) {
        j += 1;
    }
    // "forced to publicly apologize": past an adverb to the verb (not "forced to supply").
    if j + 1 < s.tokens.end
        && doc.low(j).ends_with("ly")
        && doc.low(j).len() >= 5
        && !doc.is_any(j, LY_VERBS)
        && doc.tokens[j + 1].kind == TokenKind::Word
        && !doc.tokens[j + 1].cap
    {
        j += 1;
    }
    (j < s.tokens.end && doc.tokens[j].kind == TokenKind::Word).then(|| doc.tok(j).to_owned())
}

/// Verbs that end like adverbs.
const LY_VERBS: &[&str] = &[
    "apply", "reply", "rely", "supply", "comply", "multiply", "imply", "rally", "tally", "bully",
];

/// "A", "A and B", "A, B and C", "A, B and others".
pub(super) fn list(names: &[String]) -> String {
    match names.len() {
        0 => String::new(),
        1 => names[0].clone(),
        2 => format!("{} and {}", names[0], names[1]),
        3 => format!("{}, {} and {}", names[0], names[1], names[2]),
        _ => format!("{}, {} and others", names[0], names[1]),
    }
}

/// The verb phrase for a subject of that number, in the event's mode.
/// A body named by a plural noun takes a plural verb: "Iraqi security forces battle".
fn reads_plural(name: &str) -> bool {
    name.rsplit(' ').next().is_some_and(|w| {
        [
            "forces",
            "Forces",
            "police",
            "Police",
            "troops",
            "authorities",
            "militants",
            "rebels",
        ]
        .contains(&w)
            // "Americans", "Afghans", "Islamists", "Shiites", "refugees".
            || ["ans", "ists", "ites", "ees"].iter().any(|s| w.ends_with(s))
    })
}

/// The words with their first letter in lower case.
fn lower_first(words: &str) -> String {
    let mut chars = words.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_lowercase().chain(chars).collect())
}

pub(super) fn conjugate(verb: &str, plural: bool, mode: Option<Mode>) -> String {
    let (head, rest) = verb.split_once(' ').map_or((verb, ""), |(h, r)| (h, r));
    let head = match mode {
        Some(Mode::Negated) => format!("{} {head}", if plural { "do not" } else { "does not" }),
        Some(Mode::Future) => format!("will {head}"),
        Some(Mode::Hypothetical) if !matches!(head, "vow" | "warn" | "threaten") => {
            format!("would {head}")
        }
        _ if plural => head.to_owned(),
        _ if matches!(head, "go" | "do") => format!("{head}es"),
        _ if head == "have" => "has".to_owned(),
        _ if head.ends_with('s')
            || head.ends_with("sh")
            || head.ends_with("ch")
            || head.ends_with('x') =>
        {
            format!("{head}es")
        }
        // "carries", but "deploys", "obeys", "buys": a vowel before the "y" keeps it.
        _ if head.ends_with('y')
            && !head[..head.len() - 1].ends_with(['a', 'e', 'i', 'o', 'u']) =>
        {
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

/// The participle without a trailing particle: "Release pressed", not "Release pressed for".
/// "They called on the government to act": a verb with its own preposition, told in the active
/// by nobody named, titled by the verb ("Call on government", not "Government called").
/// (Only with that preposition in the text: "called for the resignation of Ghaffar" is no call
/// on Ghaffar.)
fn active_with_particle(inp: &Inputs, e: &EventFound) -> bool {
    e.passive.is_none()
        && e.verb.rsplit_once(' ').is_some_and(|(_, last)| {
            among(last, &["on", "to"])
                && inp.doc.text.get(e.trigger.end..).is_some_and(|rest| {
                    rest.trim_start()
                        .split(|c: char| !c.is_alphanumeric())
                        .next()
                        .is_some_and(|w| w.eq_ignore_ascii_case(last))
                })
        })
}

fn bare_participle(e: &EventFound) -> &'static str {
    match e.participle.rsplit_once(' ') {
        Some((head, last)) if among(last, PARTICLES) => head,
        _ => e.participle,
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
        assert_eq!(conjugate("go on alert", false, None), "goes on alert");
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
        assert!(reads_plural("Iraqi security forces") && reads_plural("Turkish police"));
        assert!(!reads_plural("United States") && !reads_plural("Reuters"));
        assert!(reads_plural("Americans") && reads_plural("Shiites"));
        let ev = super::super::events_for(
            "Senator John Evans condemned the attack in Lima on Monday.",
            Some("2024-05-12"),
        );
        assert_eq!(ev[0].title, "Evans condemns attack in Lima");
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
    fn titles_start_with_a_capital_and_never_end_in_a_preposition() {
        let titles: Vec<String> = super::super::events_for(
            "Opposition leader Ana Morales called on Monday for calm in Caracas.\n\n\
             Farid al-Nouri, a senior member of the council, resigned on Tuesday.",
            Some("2024-05-10"),
        )
        .into_iter()
        .map(|e| e.title)
        .collect();
        assert_eq!(titles, ["Morales calls in Caracas", "Al-Nouri resigns"]);
    }

    #[test]
    fn a_city_is_named_as_the_article_spells_it() {
        let ev = super::super::events_for(
            "Thousands of pilgrims protested in Mecca on Friday.",
            Some("2024-05-10"),
        );
        assert!(ev[0].title.ends_with("in Mecca"), "{}", ev[0].title);
    }

    #[test]
    fn a_participle_with_its_agent_names_who_did_it() {
        let ev = super::super::events_for(
            "The measures, endorsed by the US government on Friday, include new sanctions.",
            Some("2024-05-10"),
        );
        assert_eq!(ev[0].title, "US government endorses");
    }

    #[test]
    fn a_name_particle_stays_with_the_surname() {
        let ev = super::super::events_for(
            "Crown Prince Omar bin Haddad met President Ana Ruiz in Jeddah on Friday.",
            Some("2022-07-16"),
        );
        assert_eq!(ev[0].title, "Bin Haddad and Ruiz meet in Jeddah", "{ev:?}");
    }

    #[test]
    fn a_passive_names_who_it_was_done_to() {
        let ev = super::super::events_for(
            "Detective Chris Jacobs was sentenced in Leeds on Friday.",
            Some("2022-11-13"),
        );
        assert_eq!(ev[0].title, "Jacobs sentenced in Leeds");
        // An active verb whose unnamed subject did it to a thing of theirs: not passive.
        let ev = super::super::events_for(
            "Charges against Detective Chris Jacobs were dropped. The prosecutor had \
             requested his release on Friday.",
            Some("2022-11-13"),
        );
        let request = ev
            .iter()
            .find(|e| e.verb == "request")
            .expect("the request");
        assert_eq!(request.title, "Release requested", "{ev:?}");
    }

    #[test]
    fn a_quantity_belongs_to_what_was_done_to() {
        let ev = super::super::events_for(
            "Police detained at least 40 suspects in Istanbul on Monday.",
            Some("2009-01-11"),
        );
        assert!(
            ev[0].title.contains("at least 40 suspects"),
            "{}",
            ev[0].title
        );
        let ev = super::super::events_for(
            "The army killed dozens of civilians in Kidal on Monday.",
            Some("2009-01-11"),
        );
        assert!(
            ev[0].title.contains("dozens of civilians"),
            "{}",
            ev[0].title
        );
    }

    #[test]
    fn a_state_beside_a_person_is_not_listed() {
        let ev = super::super::events_for(
            "President George Bush met President Yayi and Benin officials in Cotonou on Sunday.",
            Some("2008-02-18"),
        );
        let meet = ev.iter().find(|e| e.verb == "meet").expect("the meeting");
        assert!(!meet.title.contains("Benin"), "{}", meet.title);
        assert!(
            meet.title.contains("Bush") && meet.title.contains("Yayi"),
            "{}",
            meet.title
        );
    }

    #[test]
    fn a_march_is_against_whom_its_purpose_names() {
        let ev = super::super::events_for(
            "On Saturday, thousands of women and other protesters — twice the number expected — \
             marched through Lima to protest the visit of President Juan Ortega.",
            Some("2024-05-12"),
        );
        assert_eq!(ev[0].title, "Protesters march against Ortega in Lima");
        // One rallies against someone or beside them, never "rallies someone".
        let ev = super::super::events_for(
            "Hundreds of farmers rallied in Lima on Sunday beside Senator Ana Ruiz.",
            Some("2024-05-12"),
        );
        assert_eq!(ev[0].title, "Farmers rally in Lima");
        let ev = super::super::events_for(
            "Hundreds of farmers marched through Lima on Sunday.",
            Some("2024-05-12"),
        );
        assert_eq!(ev[0].title, "Farmers march in Lima");
    }

    #[test]
    fn a_noun_held_by_a_party_is_that_partys_act() {
        let ev = super::super::events_for(
            "On Wednesday, a demonstration was held by the rights group Amnesty International in Paris.",
            Some("2024-05-12"),
        );
        assert_eq!(ev[0].title, "Amnesty International demonstrates in Paris");
    }

    #[test]
    fn an_unnamed_group_acts_past_dates_adverbs_and_its_of_phrase() {
        let title = |text: &str| {
            super::super::events_for(text, Some("2024-05-12"))
                .into_iter()
                .map(|e| e.title)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            title("Local politicians this past weekend asked Senator Ana Ruiz to resign."),
            ["Local politicians ask Ruiz"]
        );
        assert_eq!(
            title("Twelve families are currently suing the city of Lima over the flooding."),
            ["Twelve families sue city"]
        );
        assert_eq!(
            title("Critics of the deal have faulted Peru for its record on logging."),
            ["Critics fault Peru"]
        );
        // "the families of those killed" suffered no killing of their own.
        assert!(
            !title(
                "The United States strongly condemns the terrorist attack today on Lima’s main \
                 avenue. We extend our deepest condolences to the families of those killed and \
                 our hopes for a quick recovery for those wounded."
            )
            .iter()
            .any(|t| t.starts_with("Families")),
        );
    }

    #[test]
    fn a_group_after_by_acts_for_itself_and_places_what_it_did() {
        let ev = super::super::events_for(
            "Senator Ana Ruiz was arrested on Monday by Peruvian prosecutors.",
            Some("2024-05-12"),
        );
        assert_eq!(ev[0].title, "Peruvian prosecutors arrest Ruiz");
        let ev = super::super::events_for(
            "Senator Ana Ruiz was freed on Monday by Chilean commandos. The president of Chile \
             praised them.",
            Some("2024-05-12"),
        );
        assert_eq!(ev[0].title, "Chilean commandos free Ruiz");
        assert!(ev[0].place.is_some(), "{:?}", ev[0]);
    }

    #[test]
    fn what_was_hit_is_named_not_the_country_that_locates_it() {
        let title = |text: &str| {
            super::super::events_for(text, Some("2024-05-12"))[0]
                .title
                .clone()
        };
        assert_eq!(
            title(
                "Two suicide car bombers attacked a police station in Lima, the capital of Peru."
            ),
            "Suicide car bombers attack police in Lima"
        );
        assert_eq!(
            title(
                "On Monday, police raided the offices of two civic groups that have led the rallies."
            ),
            "Police raid offices of two civic groups"
        );
    }

    #[test]
    fn a_state_beside_its_own_body_is_not_named_apart() {
        let ev = super::super::events_for(
            "The Human Rights Commission of Pakistan condemned the killings in Karachi on Monday.",
            Some("2024-05-12"),
        );
        assert_eq!(
            ev[0].title,
            "Human Rights Commission of Pakistan condemns killings in Karachi"
        );
        // Niger is no part of the Army of Nigeria.
        assert!(contains_words("Army of Niger", "Niger"));
        assert!(!contains_words("Army of Nigeria", "Niger"));
    }

    #[test]
    fn fire_aimed_at_a_country_names_it_as_the_target() {
        let ev = super::super::events_for(
            "Rebels fired mortars into Chad on Monday.",
            Some("2021-03-10"),
        );
        assert!(
            ev.iter().any(|e| e.title == "Rebels fire mortars at Chad"),
            "{ev:?}"
        );
    }

    #[test]
    fn a_vowel_before_a_final_y_keeps_it() {
        assert_eq!(conjugate("deploy", false, None), "deploys");
        assert_eq!(conjugate("carry", false, None), "carries");
        assert_eq!(conjugate("buy", false, None), "buys");
    }
}
