//! Mentions of one event in an article become one event: same kind and mode, the same people
//! (or shared states), dates and places that can be the same.

use super::EventFound;
use super::participants::push_unique;
use crate::extract::parties::PartyTable;
use crate::model::{DateRange, EventKind, PartyKind};

/// How many earlier events a new mention is compared with for merging.
pub(super) const MERGE_WINDOW: usize = 64;
/// Same event? Same kind and mode, the same people (or overlapping states when one side names
/// no people), dates that can be the same, places that can be the same.
pub(super) fn compatible(a: &EventFound, b: &EventFound, table: &PartyTable) -> bool {
    if a.kind != b.kind || a.mode != b.mode || b.one_of_series {
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
    // A state and its own body ("Iraq", "Iraqi security forces") count as one party here.
    let same_side = |x: usize, y: usize| {
        let (px, py) = (&table.parties[x], &table.parties[y]);
        x == y
            || px.country.is_some()
                && px.country == py.country
                && matches!(
                    (px.kind, py.kind),
                    (PartyKind::State, PartyKind::Organization)
                        | (PartyKind::Organization, PartyKind::State)
                )
                && [px, py].iter().any(|p| {
                    p.kind == PartyKind::Organization && crate::model::is_state_body(&p.name)
                })
    };
    // Shared sides, a state and its own body counted once ("Pakistan", "the government of
    // Pakistan").
    let mut counted: Vec<usize> = Vec::new();
    for &p in &a.parties {
        if b.parties.iter().any(|&q| same_side(p, q)) && !counted.iter().any(|&c| same_side(c, p)) {
            counted.push(p);
        }
    }
    let shared = counted.len();
    // "The Maersk Alabama, a ship that was hijacked seven months ago, was attacked": a relative
    // clause dated a week or more before the main verb's time tells of another happening (not
    // "missiles that struck Kyiv on Monday killed 30").
    let background = |r: &EventFound, o: &EventFound| {
        r.in_relative
            && !o.in_relative
            && r.own_date
            && match (
                r.date.as_ref().and_then(|d| d.last_day()),
                o.date.as_ref().and_then(|d| d.last_day()),
            ) {
                (Some(re), Some(oe)) => {
                    crate::model::day_number(oe) - crate::model::day_number(re) > 7
                }
                _ => false,
            }
    };
    if a.sentence == b.sentence && (background(a, b) || background(b, a)) {
        return false;
    }
    // "Turkey asked the US for help" and "the US warned Turkey": when both name who acted, a
    // one-sided act is the same only if someone acted in both.
    if !a.kind.is_mutual()
        && !a.actors.is_empty()
        && !b.actors.is_empty()
        && !a
            .actors
            .iter()
            .any(|&p| b.actors.iter().any(|&q| same_side(p, q)))
    {
        return false;
    }
    // "Mubarak has been summoned … His two sons have also been summoned": "also" in a later
    // sentence tells one more such deed (said things are often one stance told twice).
    if b.also
        && b.sentence > a.last_sentence
        && matches!(
            b.kind,
            EventKind::Coerce
                | EventKind::Assault
                | EventKind::Sanction
                | EventKind::Aid
                | EventKind::Mobilize
                | EventKind::Retreat
        )
    {
        return false;
    }
    // "Zuma accused Britons" and "articles which attacked Zuma": who acted in one and
    // suffered the other's one-sided act is in two happenings.
    let swapped = |x: &EventFound, y: &EventFound| {
        x.actors
            .iter()
            .any(|p| y.targets.contains(p) && !y.actors.contains(p))
    };
    if !a.kind.is_mutual() && (swapped(a, b) || swapped(b, a)) {
        return false;
    }
    // "Israeli aircraft struck a base, killing two members and wounding ten others": one
    // actor's acts of one kind in one sentence are one event, unless each names its own
    // target ("expelled Russian diplomats and sanctioned Russian agencies").
    let aimed = |e: &EventFound| !e.targets.is_empty() || e.object.is_some();
    let own_targets = !b.participle_clause
        && aimed(a)
        && aimed(b)
        && !a.targets.iter().any(|t| b.targets.contains(t))
        && !(a.object.is_some() && b.object.is_some() && groups_agree(&a.object, &b.object));
    let same_actors = !own_targets
        && !a.actors.is_empty()
        && a.actors.len() == b.actors.len()
        && a.actors
            .iter()
            .all(|&p| b.actors.iter().any(|&q| same_side(p, q)));
    let parties_ok = if same_actors && a.last_sentence == b.sentence {
        true
    } else if !pa.is_empty() && !pb.is_empty() {
        // ("She called on the rebels to disarm. … She called on the world to help": each
        // call or threat aimed at its own target, told in its own sentence, is its own. An
        // attack or a claim is often told in pieces, each naming whom it hit or blamed.)
        if own_targets
            && matches!(a.kind, EventKind::Request | EventKind::Threaten)
            && b.sentence != a.sentence
            && b.sentence != a.last_sentence
        {
            return false;
        }
        let mut x = pa.clone();
        let mut y = pb.clone();
        x.sort();
        y.sort();
        // "X met Y in Lima on Tuesday, their first meeting": one side names fewer of the same
        // people in the same sentence.
        let subset = |s: &[usize], t: &[usize]| s.iter().all(|p| t.contains(p));
        x == y
            || (a.sentence.abs_diff(b.sentence) == 0 || a.sentence.abs_diff(b.last_sentence) == 0)
                && (subset(&x, &y) || subset(&y, &x))
    } else {
        // Without people on both sides, two shared parties (a pair of states) make it the same.
        // A mention that names no party joins another only when it points back at it ("the
        // attacks", "the killings") or shares its sentence, and no group named differs.
        // ("sixty people have been killed and hundreds wounded": the counts of one toll
        // differ, the happening is one.)
        // (Told together, a few words apart, each with no doer and no day of its own: not
        // "… were killed by police and two officers were killed by the crowd", nor "… on
        // Monday and two civilians were killed in an airstrike on Tuesday".)
        let one_toll = |x: &EventFound, y: &EventFound| {
            let bare = |e: &EventFound| {
                e.passive.is_some() && e.agent.is_none() && e.actors.is_empty() && !e.own_date
            };
            x.sentence == y.sentence
                && bare(x)
                && bare(y)
                && x.trigger.start.abs_diff(y.trigger.start) <= 60
        };
        // ("Police and rebels clashed … Juan Soto shot a guard": what a plural group did, one
        // person named on their own did not.)
        // (The same deed told of one of them is theirs: "Gunmen opened fire … Fariduni opened
        // fire in the hall".)
        // (Nor what was done to them: "foreign journalists have been forced to leave … Iason
        // Athanasiadis-Fowden was arrested".)
        let one_person_for_many = |x: &EventFound, y: &EventFound| {
            let side = if x.passive.is_some() {
                &y.targets
            } else {
                &y.actors
            };
            x.verb != y.verb
                && x.unnamed_subject.as_ref().is_some_and(|g| g.plural)
                && !side.is_empty()
                && side
                    .iter()
                    .all(|&p| table.parties[p].kind == PartyKind::Person)
        };
        let partyless = |x: &EventFound, y: &EventFound| {
            x.parties.is_empty()
                && !one_person_for_many(x, y)
                // (A mention points back, never ahead at a later one, but for the lede's:
                // "The attack on the market killed 12. … A bomb exploded in the market".)
                && (x.anaphoric && (x.sentence >= y.sentence || x.sentence == 0)
                    || x.sentence.abs_diff(y.last_sentence) <= NEAR_SENTENCES)
                && (one_toll(x, y) || groups_agree(&x.unnamed_subject, &y.unnamed_subject))
                && groups_agree(&x.object, &y.object)
        };
        partyless(a, b)
            || partyless(b, a)
            || shared >= 2.min(a.parties.len()).min(b.parties.len()).max(1) && shared >= 2
            || shared >= 1 && a.parties.len() == 1 && b.parties.len() == 1
    };
    let dates_ok = !history_beside_news(a, b)
        && !history_beside_news(b, a)
        && match (&a.date, &b.date) {
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
/// `old` names a year or day of its own more than a year before the end of `news`'s open
/// range ("before 13 Jan 2006"): "the deadliest stampede, during the 1991 Hajj" is another
/// stampede than the one the news reports.
fn history_beside_news(news: &EventFound, old: &EventFound) -> bool {
    let (Some(n), Some(o)) = (&news.date, &old.date) else {
        return false;
    };
    old.own_date
        && n.start.is_none()
        && o.start.is_some()
        && match (n.last_day(), o.last_day()) {
            (Some(ne), Some(oe)) => {
                crate::model::day_number(ne) - crate::model::day_number(oe) > 366
            }
            _ => false,
        }
}
pub(super) fn merge_into(m: &mut EventFound, e: EventFound) {
    m.reference_only &= e.reference_only;
    for p in e.parties {
        push_unique(&mut m.parties, p);
    }
    for p in e.actors {
        push_unique(&mut m.actors, p);
    }
    for p in e.targets {
        push_unique(&mut m.targets, p);
    }
    m.last_sentence = m.last_sentence.max(e.sentence);
    m.actor_span = m.actor_span.or(e.actor_span);
    m.target_span = m.target_span.or(e.target_span);
    for q in e.quotes {
        push_unique(&mut m.quotes, q);
    }
    add_evidence(m, e.evidence);
    if !closed(&m.date) && closed(&e.date) || m.date.is_none() || narrower(&e.date, &m.date) {
        m.date = e.date;
        m.own_date = e.own_date;
    }
    if m.place.is_none() {
        m.place = e.place;
        m.geo_precision = e.geo_precision;
        m.place_span = e.place_span;
        m.place_note = e.place_note;
    }
    // (A noun's own agent stays who did it: "the battle between the security forces and …".)
    let own_agent = m.trigger_noun.is_some() && m.passive.is_none() && m.agent.is_some();
    // A passive's subject suffered it ("Clashes left 20 people injured"): the people are
    // whom an active mention's happening befell, never who did it.
    if e.passive.is_some() && m.passive.is_none() {
        if m.object.is_none() {
            m.object = e.unnamed_subject.filter(|g| g.people);
        }
    } else if m.unnamed_subject.is_none() && !own_agent {
        m.unnamed_subject = e.unnamed_subject;
    }
    if m.agent.is_none() {
        m.agent = e.agent;
    }
    // Several mentions make an event more certain.
    m.confidence = super::scoring::merged(m.confidence, e.confidence);
}

/// A later definite mention ("the bombing") of an event of the same kind and mode whose date
/// and place do not contradict it.
pub(super) fn same_happening(m: &EventFound, e: &EventFound) -> bool {
    e.definite
        && m.kind == e.kind
        && m.mode == e.mode
        && m.sentence < e.sentence
        && match (&m.date, &e.date) {
            // "Saturday's attack" dates what it names: it joins only an event of that day.
            (Some(x), Some(y)) if e.own_date => {
                x.start.is_some() && x.end.is_some() && x.meets(y.first_day(), y.last_day())
            }
            // "recalled the January 24 attack": a day of its own makes it another one.
            (None, Some(_)) => !e.own_date,
            _ => true,
        }
        && match (m.place, e.place) {
            (Some(x), Some(y)) => x == y || e.place_span.is_none(),
            _ => true,
        }
}

/// Adds a mention's sentences to an event's evidence, once each.
fn add_evidence(m: &mut EventFound, evidence: Vec<crate::model::Span>) {
    for ev in evidence {
        // Mentions come in text order, so a new one is nearly always past the last: only an
        // earlier one needs the (linear) search, which keeps a long article linear.
        let past_last = m.evidence.last().is_none_or(|l| l.start < ev.start);
        if past_last || !m.evidence.contains(&ev) {
            m.evidence.push(ev);
        }
    }
}

/// Both ends of the date are known.
fn closed(d: &Option<DateRange>) -> bool {
    d.as_ref()
        .is_some_and(|d| d.start.is_some() && d.end.is_some())
}

/// `a` is a closed range strictly inside closed range `b`.
fn narrower(a: &Option<DateRange>, b: &Option<DateRange>) -> bool {
    let days = |d: &Option<DateRange>| {
        d.as_ref()
            .filter(|_| closed(d))
            .and_then(|d| Some((d.first_day()?, d.last_day()?)))
    };
    match (days(a), days(b)) {
        (Some((a0, a1)), Some((b0, b1))) => b0 <= a0 && a1 <= b1 && (a0, a1) != (b0, b1),
        _ => false,
    }
}

/// Joins only the evidence (and a place the event lacks) of a definite mention.
pub(super) fn merge_evidence(m: &mut EventFound, e: EventFound) {
    m.reference_only &= e.reference_only;
    m.last_sentence = m.last_sentence.max(e.sentence);
    add_evidence(m, e.evidence);
    // A day the mention gives is the event's day when the event has none, or only a range
    // around it ("last week" … "the bombing last Wednesday").
    if !closed(&m.date) && closed(&e.date) || narrower(&e.date, &m.date) {
        m.date = e.date;
        m.own_date = e.own_date;
    }
    if m.place.is_none() && e.place_span.is_some() {
        m.place = e.place;
        m.geo_precision = e.geo_precision;
        m.place_span = e.place_span;
        m.place_note = e.place_note;
    }
    m.confidence = super::scoring::merged(m.confidence, e.confidence);
}

/// How many sentences apart a mention that names no party may be from the event it joins.
const NEAR_SENTENCES: usize = 2;

/// Two mentions agree on a group when one names none or both name the same words.
fn groups_agree(a: &Option<super::GroupRef>, b: &Option<super::GroupRef>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x.words.eq_ignore_ascii_case(&y.words),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::super::events_for;

    #[test]
    fn a_later_mention_narrows_the_day_and_the_place() {
        let ev = events_for(
            "Gunmen attacked a police base in southern Chile this week, officials said. The \
             bombing on Wednesday at the base outside Temuco killed seven officers. The \
             government in Santiago condemned the attack.",
            Some("2024-05-12"),
        );
        let attack = &ev[0];
        assert_eq!(attack.evidence.len(), 2, "{ev:?}");
        let d = attack.date.as_ref().unwrap();
        assert_eq!(
            (d.first_day(), d.last_day()),
            (
                Some(jiff::civil::date(2024, 5, 8)),
                Some(jiff::civil::date(2024, 5, 8))
            )
        );
        assert!(
            attack
                .place_note
                .as_deref()
                .is_some_and(|n| n.starts_with("Temuco")),
            "{attack:?}"
        );
    }

    #[test]
    fn one_actors_acts_of_one_kind_in_a_sentence_are_one_event() {
        use crate::model::EventKind;
        let ev = events_for(
            "Also, today, Colombian aircraft targeted a FARC base in Cali, killing two FARC \
             members and wounding more than 10 others.",
            Some("2023-06-08"),
        );
        let attacks = ev.iter().filter(|e| e.kind == EventKind::Assault).count();
        assert_eq!(attacks, 1, "{ev:?}");
        // Another day is another event.
        let ev = events_for(
            "Peru bombed Puno on Monday and attacked Cusco on 1 May.",
            Some("2023-06-08"),
        );
        let attacks = ev.iter().filter(|e| e.kind == EventKind::Assault).count();
        assert_eq!(attacks, 2, "{ev:?}");
        // Each with a target of its own.
        let ev = events_for(
            "Last month Peru expelled 35 Chilean diplomats, and sanctioned Bolivia.",
            Some("2023-06-08"),
        );
        let sanctions = ev.iter().filter(|e| e.kind == EventKind::Sanction).count();
        assert_eq!(sanctions, 2, "{ev:?}");
    }

    #[test]
    fn mentions_of_one_meeting_merge_and_different_days_do_not() {
        let ev = events_for(
            "President Ana Diaz met President Luis Soto in Lima on Monday. \
             Diaz and Soto met for two hours in Lima, officials said.",
            Some("2023-06-08"),
        );
        assert_eq!(ev.len(), 1, "{ev:?}");
        assert_eq!(ev[0].evidence.len(), 2);
        let ev = events_for(
            "President Ana Diaz met President Luis Soto on Monday. Diaz met Soto again on 1 May.",
            Some("2023-06-08"),
        );
        assert_eq!(ev.len(), 2, "{ev:?}");
    }

    #[test]
    fn a_later_mention_of_a_happening_joins_it() {
        use crate::model::EventKind;
        let count = |text: &str, kind: EventKind| {
            let ev = events_for(text, Some("2023-06-08"));
            let of_kind: Vec<_> = ev.iter().filter(|e| e.kind == kind).collect();
            (
                of_kind.len(),
                of_kind.first().map_or(0, |e| e.evidence.len()),
            )
        };
        // A definite noun with a name between, and the verbs it is the subject of.
        assert_eq!(
            count(
                "Chadian soldiers attacked the village of Rumaila on Monday. \
                 Governor Ada Lund said Monday's attack killed four farmers and wounded two.",
                EventKind::Assault
            ),
            (1, 2)
        );
        // A verb that points back: "were injured in the clashes".
        assert_eq!(
            count(
                "Chadian soldiers attacked marchers in Keta on Sunday. \
                 Nine supporters of Ada Lund were injured in the clashes, a nurse said.",
                EventKind::Assault
            ),
            (1, 2)
        );
        // What a meeting discussed is that meeting.
        assert_eq!(
            count(
                "Mayor Tomas Reiner met Governor Ada Lund in Perth on Tuesday. \
                 The mayor and Premier Sam Okafor discussed water rights and new roads.",
                EventKind::Consult
            ),
            (1, 2)
        );
        // A day of its own makes another attack.
        assert_eq!(
            count(
                "Gunmen attacked a police station in Rumaila on Monday. \
                 A farmer recalled the January 24 attack on the village.",
                EventKind::Assault
            )
            .0,
            2
        );
    }

    #[test]
    fn a_passive_whose_subject_points_back_tells_more_of_the_last_event() {
        use crate::model::EventKind;
        let arrests = |text: &str| {
            let ev = events_for(text, Some("2023-06-11"));
            ev.iter()
                .filter(|e| e.kind == EventKind::Coerce)
                .map(|e| e.evidence.len())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            arrests(
                "Chilean police arrested two colonels and two majors on Saturday. \
                 A news agency reported that the four Chilean army officers were arrested for ties \
                 to a rebel group."
            ),
            [2]
        );
        // Without a pointing word they may be others.
        assert_eq!(
            arrests(
                "Chilean police arrested two colonels and two majors on Saturday. \
                 A news agency reported that four Chilean army officers were arrested for ties \
                 to a rebel group."
            ),
            [1, 1]
        );
    }

    #[test]
    fn requests_each_way_between_two_states_are_two() {
        let ev = events_for(
            "Turkey urged the United States to help on Monday. \
             The United States urged Turkey to show restraint on Monday.",
            Some("2023-06-08"),
        );
        assert_eq!(ev.len(), 2, "{ev:?}");
        // The same side asking again in other words is the same request.
        let ev = events_for(
            "Turkey urged the United States to help on Monday. \
             Turkey also urged the United States to act on Monday.",
            Some("2023-06-08"),
        );
        assert_eq!(ev.len(), 1, "{ev:?}");
    }
}
