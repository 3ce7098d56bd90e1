//! States as parties: country names that act (not "in Cambodia", which only places an event),
//! nationality words ("South Korean", "Japanese") and capital metonyms ("Seoul said").

use super::{Ctx, PartyInfo, PartyTable};
use crate::extract::hits::Recognised;
use crate::extract::lexicon::{COUNTRY_OWNED, PART_OF_COUNTRY, PROJECTILES};
use crate::extract::sentences::{Doc, TokenKind};
use crate::model::{PartyKind, PlaceKind};

pub(super) fn country_name(rec: &Recognised, cc: &str) -> String {
    rec.country_names
        .get(cc)
        .cloned()
        .unwrap_or_else(|| cc.to_owned())
}
/// "the United States", "the Philippines", but "Japan".
pub(super) fn with_article(name: &str) -> String {
    let first = name.split_whitespace().next().unwrap_or("");
    let needs = matches!(
        first,
        "United"
            | "Republic"
            | "Kingdom"
            | "Democratic"
            | "Federal"
            | "State"
            | "Islamic"
            | "People's"
            | "People’s"
    ) || (name.ends_with('s')
        && !name.contains(' ')
        && !matches!(
            name,
            "Laos" | "Belarus" | "Cyprus" | "Mauritius" | "Honduras" | "Barbados"
        ))
        || name.ends_with(" Islands");
    if needs {
        format!("the {name}")
    } else {
        name.to_owned()
    }
}
fn state_info(rec: &Recognised, cc: &str) -> PartyInfo {
    named_state_info(cc, country_name(rec, cc))
}
/// The party of the state with code `cc`, called `name`.
pub(super) fn named_state_info(cc: &str, name: String) -> PartyInfo {
    PartyInfo {
        key: format!("state:{cc}"),
        name,
        kind: PartyKind::State,
        country: Some(cc.to_owned()),
        role: None,
        title: None,
        name_tokens: Vec::new(),
        aliases: Vec::new(),
    }
}
/// Country names (not in locative phrases), demonyms, capital metonyms.
pub(super) fn find_states(ctx: &Ctx, table: &mut PartyTable) {
    let doc = ctx.doc;
    // "Iraqi security forces", "U.S. Senate": the body a country's name or demonym opens
    // stands for the state there.
    let body_starts: rustc_hash::FxHashSet<usize> = table
        .mentions
        .iter()
        .filter(|m| table.parties[m.party].kind == PartyKind::Organization)
        .map(|m| m.span.start)
        .collect();
    for hit in &ctx.rec.places {
        // (A qualified body's mention starts with the country: "U.S. Senate".)
        let qualified = body_starts.contains(&hit.span.start)
            && doc
                .tokens
                .get(doc.token_at_or_after(hit.span.end))
                .is_some_and(|t| t.kind != TokenKind::Possessive);
        if qualified
            || doc.text.get(hit.span.end..hit.span.end + 1) == Some(" ")
                && body_starts.contains(&(hit.span.end + 1))
        {
            continue;
        }
        if hit.kind != PlaceKind::Country {
            continue;
        }
        let Some(cc) = &hit.country else { continue };
        let Some(t) = doc.token_containing(hit.span.start) else {
            continue;
        };
        let possessive = doc
            .tokens
            .get(doc.token_at_or_after(hit.span.end))
            .is_some_and(|t| t.kind == TokenKind::Possessive && t.span.start == hit.span.end);
        if !possessive && is_locative(doc, t) && !aimed_at(doc, t) {
            continue;
        }
        let p = table.party(state_info(ctx.rec, cc));
        table.mention(hit.span, p, false);
    }
    for d in &ctx.rec.demonyms {
        if !d.plural && body_starts.contains(&d.span.start) {
            continue;
        }
        if d.plural {
            let surface = doc.slice(d.span).to_owned();
            let info = PartyInfo {
                key: format!("group:{}:{}", d.country, surface.to_lowercase()),
                name: surface,
                kind: PartyKind::Group,
                country: Some(d.country.clone()),
                role: None,
                title: None,
                name_tokens: Vec::new(),
                aliases: Vec::new(),
            };
            let p = table.party(info);
            table.mention(d.span, p, false);
        } else {
            let p = table.party(state_info(ctx.rec, &d.country));
            table.mention(d.span, p, false);
        }
    }
    for (span, cc) in &ctx.rec.metonyms {
        let p = table.party(state_info(ctx.rec, cc));
        table.mention(*span, p, false);
    }
    // "The South retaliated", "a gesture of support towards the South": in a story that names
    // the Korea meant, "the North" and "the South" are its short names.
    for (k, t) in doc.tokens.iter().enumerate() {
        let cc = match doc.slice(t.span) {
            "North" => "KP",
            "South" => "KR",
            _ => continue,
        };
        let next_is_name = doc
            .tokens
            .get(k + 1)
            .is_some_and(|n| n.cap || n.kind == TokenKind::Possessive && n.span.start > t.span.end);
        if k == 0 || !doc.is(k - 1, "the") || next_is_name {
            continue;
        }
        if let Some(p) = table.state(cc) {
            table.mention(t.span, p, false);
        }
    }
}
/// True when fire is aimed at token `t`: a projectile, then "at", "into" or "on" just before it
/// ("fired rockets into Israel", "dropped bombs on Iraq"). The country is then a target.
fn aimed_at(doc: &Doc, t: usize) -> bool {
    let s = &doc.sentences[doc.tokens[t].sentence as usize];
    let mut j = t;
    // Past "the" and a part of the country: "rockets into southern Israel".
    while j > s.tokens.start && (doc.is(j - 1, "the") || doc.is_any(j - 1, PART_OF_COUNTRY)) {
        j -= 1;
    }
    // What is fired, with the verb that fires it: "deployed Patriot missiles into Poland"
    // moves arms, it aims them at no one.
    let fired = |k: usize| {
        doc.is_any(k, PROJECTILES)
            && (k.saturating_sub(4).max(s.tokens.start)..k).any(|v| doc.is_any(v, FIRING))
    };
    // "missiles at US bases": the country names whose bases, not a target of its own.
    let modifier = doc
        .tokens
        .get(t + 1)
        .is_some_and(|n| n.sentence == doc.tokens[t].sentence && !n.cap)
        && doc.is_any(t + 1, COUNTRY_OWNED);
    j >= s.tokens.start + 2
        && doc.is_any(j - 1, &["at", "into", "on"])
        && (j.saturating_sub(4).max(s.tokens.start)..j - 1).any(fired)
        && !modifier
}

/// Verbs that send a projectile at someone.
const FIRING: &[&str] = &[
    "fire",
    "fires",
    "fired",
    "firing",
    "launch",
    "launches",
    "launched",
    "launching",
    "drop",
    "drops",
    "dropped",
    "dropping",
    "throw",
    "throws",
    "threw",
    "throwing",
    "hurl",
    "hurled",
    "hurling",
    "lob",
    "lobbed",
    "shoot",
    "shot",
    "rain",
    "rained",
];

/// True when the words before token `t` make it the place of something ("in Cambodia",
/// "near the Northern Limit Line"), not an actor.
pub fn is_locative(doc: &Doc, t: usize) -> bool {
    is_locative_within(doc, t, 4)
}

/// [`is_locative`], also for a name listed after one in a place phrase ("in Iraq and Syria"),
/// up to `depth` names back.
fn is_locative_within(doc: &Doc, t: usize, depth: usize) -> bool {
    let s = &doc.sentences[doc.tokens[t].sentence as usize];
    // "fighting in Iraq and Syria", "in Iraq, Syria and Libya": the list shares the place
    // phrase of its first name.
    // (A comma only inside a list that goes on, and never after a date: "In March, Peru and
    // Chile agreed".)
    let listed = || {
        doc.is_any(t - 1, &["and", "or"])
            || doc.is(t - 1, ",")
                && (t + 1..s.tokens.end)
                    .find(|&k| !doc.tokens[k].cap)
                    .is_some_and(|k| doc.is_any(k, &["and", "or", ","]))
    };
    // The list must end where a place phrase can: at punctuation or a preposition, not at a
    // verb ("At a summit in Beijing, Russia and China pledged", "in Mali and France
    // launched").
    let ends_as_place = || {
        let mut k = t;
        while k < s.tokens.end
            && (doc.tokens[k].cap
                || doc.is_any(k, &["and", "or", ","])
                    && doc.tokens.get(k + 1).is_some_and(|x| x.cap))
        {
            k += 1;
        }
        k >= s.tokens.end
            || doc.tokens[k].kind == TokenKind::Punct
            || doc.is_any(
                k,
                &[
                    "in", "on", "at", "since", "for", "with", "to", "from", "during", "over",
                    "until", "after", "before", "near", "where", "this", "last",
                ],
            )
    };
    if depth > 0
        && t >= s.tokens.start + 2
        && listed()
        && !crate::extract::lexicon::is_month_or_weekday(doc.low(t - 2))
        && ends_as_place()
    {
        let mut first = t - 2;
        while first > s.tokens.start && doc.tokens[first - 1].cap && doc.tokens[first].cap {
            first -= 1;
        }
        if doc.tokens[t - 2].cap && is_locative_within(doc, first, depth - 1) {
            return true;
        }
    }
    let mut j = t;
    // "in the east of", "in eastern Syria", "in the north of".
    while j > s.tokens.start
        && doc.is_any(
            j - 1,
            &[
                "the",
                "eastern",
                "western",
                "northern",
                "southern",
                "central",
                "northeastern",
                "northwestern",
                "southeastern",
                "southwestern",
                "northeast",
                "northwest",
                "southeast",
                "southwest",
                "rural",
                "coastal",
                "occupied",
                "neighbouring",
                "neighboring",
                "of",
                "east",
                "west",
                "north",
                "south",
                "part",
                "parts",
            ],
        )
    {
        j -= 1;
    }
    j > s.tokens.start
        && doc.is_any(
            j - 1,
            &[
                "in",
                "at",
                "near",
                "inside",
                "into",
                "across",
                "throughout",
                "within",
                "around",
                "off",
                "outside",
                "toward",
                "towards",
                "through",
                "over",
                "nearby",
            ],
        )
}

#[cfg(test)]
mod tests {
    use super::super::{party_of, table_for};
    use crate::model::PartyKind;

    #[test]
    fn countries_that_act_are_states_and_places_of_events_are_not() {
        let text = "Japan condemned the launch. The leaders met in Cambodia. South Korean officials \
                    agreed. Seoul said it would respond.";
        let t = table_for(text);
        let japan = party_of(&t, text, "Japan", 0).expect("Japan acts");
        assert_eq!(
            (japan.kind, japan.country.as_deref()),
            (PartyKind::State, Some("JP"))
        );
        assert!(
            party_of(&t, text, "Cambodia", 0).is_none(),
            "“in Cambodia” only places"
        );
        assert_eq!(
            party_of(&t, text, "South Korean", 0)
                .unwrap()
                .country
                .as_deref(),
            Some("KR")
        );
        assert_eq!(
            party_of(&t, text, "Seoul", 0).unwrap().kind,
            PartyKind::State
        );
    }

    #[test]
    fn a_country_fire_is_aimed_at_is_a_party() {
        let text = "Rebels fired mortars into southern Chad overnight. The envoys met in Chad.";
        let t = table_for(text);
        assert_eq!(
            party_of(&t, text, "Chad", 0).map(|p| p.kind),
            Some(PartyKind::State),
            "fire aimed “into Chad” has Chad as its target"
        );
        assert!(
            party_of(&t, text, "Chad", 1).is_none(),
            "“met in Chad” only places"
        );
    }

    #[test]
    fn the_south_and_the_north_of_a_korea_story() {
        let text = "North Korea shelled South Korea. The South retaliated, and the North \
                    Korean army warned the North Atlantic alliance.";
        let t = table_for(text);
        assert_eq!(
            party_of(&t, text, "South", 1).map(|p| p.name.as_str()),
            Some("South Korea")
        );
        // Before a name it is part of that name.
        assert!(party_of(&t, text, "North", 1).is_none_or(|p| p.name != "North Korea"));
        assert!(party_of(&t, text, "North", 2).is_none_or(|p| p.name != "North Korea"));
        // A story that names no Korea has no such short names.
        let text = "The South voted for the bill.";
        assert!(party_of(&table_for(text), text, "South", 0).is_none());
    }

    #[test]
    fn arms_moved_or_a_countrys_bases_make_no_target() {
        let text = "Washington deployed Patriot missiles into Poland on Tuesday. Iran fired \
                    missiles at US bases in Iraq.";
        let t = table_for(text);
        assert!(
            party_of(&t, text, "Poland", 0).is_none(),
            "moved, not fired"
        );
        assert!(
            party_of(&t, text, "US", 0).is_none(),
            "whose bases, not a target"
        );
    }

    #[test]
    fn a_country_listed_in_a_place_phrase_only_places() {
        let text = "Volunteers fought in Iraq, Syria and Libya. Rebels attacked Chad and Niger.";
        let t = table_for(text);
        for name in ["Iraq", "Syria", "Libya"] {
            assert!(party_of(&t, text, name, 0).is_none(), "{name}");
        }
        for name in ["Chad", "Niger"] {
            assert!(party_of(&t, text, name, 0).is_some(), "{name}");
        }
    }
}
