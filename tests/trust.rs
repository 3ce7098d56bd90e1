//! The failure classes of "extraction an analyst can trust", each with an example written for
//! this test (none is taken from a benchmark or the gold set): the main event of an article,
//! actors, names, places and titles. Speakers have their own tests in tests/extract.rs.

use newsmap::extract::extract;
use newsmap::geodata::gazetteer::Gazetteer;
use newsmap::model::{ArticleInput, Dataset, Event, EventKind, IdMaps, parse_day};

fn run(text: &str, published: &str) -> Dataset {
    let input = ArticleInput::new(text).published(parse_day(published).unwrap());
    let ds = extract(&input, Gazetteer::embedded());
    assert_eq!(ds.validate(), vec![], "the dataset validates");
    ds
}

fn main_event(ds: &Dataset) -> &Event {
    ds.events
        .iter()
        .find(|e| e.main)
        .unwrap_or_else(|| panic!("a main event among {:#?}", titles(ds)))
}

fn titles(ds: &Dataset) -> Vec<String> {
    ds.events
        .iter()
        .map(|e| format!("{} {}", e.kind.code(), e.title))
        .collect()
}

fn place_of(ds: &Dataset, e: &Event) -> Option<String> {
    ds.event_place(e, &IdMaps::new(ds)).map(|p| p.name.clone())
}

fn day(e: &Event) -> Option<String> {
    let d = e.date.as_ref()?;
    (d.start.is_some() && d.start == d.end).then(|| d.start.unwrap().to_string())
}

fn names(ds: &Dataset, ids: &[String]) -> Vec<String> {
    ids.iter()
        .filter_map(|id| ds.parties.iter().find(|p| &p.id == id))
        .map(|p| p.name.clone())
        .collect()
}

// ------------------------------------------------------------------------------------------
// The main event, always
// ------------------------------------------------------------------------------------------

#[test]
fn a_bombing_without_a_named_perpetrator_is_the_main_event() {
    let ds = run(
        "A car bomb exploded outside a hotel in Kabul on Tuesday, killing five people.\n\n\
         Police cordoned off the street. No group said it was behind the blast.",
        "2024-05-16",
    );
    let e = main_event(&ds);
    assert_eq!(e.kind, EventKind::Assault, "{:?}", titles(&ds));
    assert_eq!(
        day(e).as_deref(),
        Some("2024-05-14"),
        "Tuesday before publication"
    );
    assert_eq!(place_of(&ds, e).as_deref(), Some("Kabul"));
    assert!(
        e.actors.is_empty(),
        "no perpetrator invented: {:?}",
        e.actors
    );
    assert!(e.title.to_lowercase().contains("bomb"), "{}", e.title);
    assert!(e.title.contains("Kabul"), "{}", e.title);
}

#[test]
fn the_ledes_first_sentence_outranks_a_richer_later_one() {
    // The first sentence gives no day and no place; the third gives both. The story is still
    // the first.
    let ds = run(
        "The Andean Front declared an end to its truce with Peru at dawn. The truce had held \
         for a year. Yesterday, Andean Front fighters and Peruvian troops clashed in Puno.",
        "2024-05-16",
    );
    let e = main_event(&ds);
    assert!(e.title.contains("truce"), "{:?}", titles(&ds));
    // Background in the first sentence's opening phrase is not the story.
    let ds = run(
        "Five years after Peruvian police killed 30 protesters in Puno, the city remains \
         tense. On Monday, thousands of opposition supporters marched through Puno to demand \
         justice.",
        "2024-05-16",
    );
    let e = main_event(&ds);
    assert_eq!(e.kind, EventKind::Protest, "{:?}", titles(&ds));
}

#[test]
fn protesters_storming_a_building_is_a_protest() {
    let ds = run(
        "Hundreds of protesters stormed the parliament in Bishkek on Monday, demanding new \
         elections.",
        "2024-05-16",
    );
    let e = main_event(&ds);
    assert_eq!(e.kind, EventKind::Protest, "{:?}", titles(&ds));
    assert_eq!(day(e).as_deref(), Some("2024-05-13"));
    assert_eq!(place_of(&ds, e).as_deref(), Some("Bishkek"));
    assert!(e.title.starts_with("Protesters storm"), "{}", e.title);
}

#[test]
fn a_stray_rocket_that_kills_a_farmer_is_an_attack_with_its_place() {
    let ds = run(
        "A stray rocket hit a farm near Rzeszów on Wednesday, killing a farmer, police said.",
        "2024-05-16",
    );
    let e = main_event(&ds);
    assert_eq!(e.kind, EventKind::Assault, "{:?}", titles(&ds));
    assert_eq!(place_of(&ds, e).as_deref(), Some("Rzeszów"));
    assert_eq!(day(e).as_deref(), Some("2024-05-15"));
    assert!(e.title.starts_with("Stray rocket hits farm"), "{}", e.title);
}

#[test]
fn a_meeting_on_the_sidelines_dated_by_weekday_gets_its_day() {
    let ds = run(
        "Indian Prime Minister Narendra Modi met Australian Prime Minister Anthony Albanese on \
         the sidelines of the G20 summit in Rio de Janeiro on Tuesday.",
        "2024-11-21",
    );
    let e = main_event(&ds);
    assert_eq!(e.kind, EventKind::Consult);
    assert_eq!(day(e).as_deref(), Some("2024-11-19"), "{:?}", e.date);
    assert_eq!(place_of(&ds, e).as_deref(), Some("Rio de Janeiro"));
}

#[test]
fn accidents_and_disasters_are_incidents_not_nothing() {
    let ds = run(
        "An earthquake struck northern Chile on Friday, killing three people and damaging \
         hundreds of homes in Antofagasta.",
        "2024-05-19",
    );
    let e = main_event(&ds);
    assert_eq!(e.kind, EventKind::Incident, "{:?}", titles(&ds));
    assert_eq!(day(e).as_deref(), Some("2024-05-17"));
    let ds = run(
        "A passenger train derailed near Ljubljana on Sunday, injuring 40 people.",
        "2024-05-20",
    );
    assert_eq!(
        main_event(&ds).kind,
        EventKind::Incident,
        "{:?}",
        titles(&ds)
    );
}

// ------------------------------------------------------------------------------------------
// Actors
// ------------------------------------------------------------------------------------------

#[test]
fn the_topic_of_a_meeting_is_no_participant() {
    let ds = run(
        "The leaders of France and Germany met in Paris on Monday to discuss Ukraine.",
        "2024-05-16",
    );
    let e = main_event(&ds);
    let mut who = names(&ds, &e.parties);
    who.sort();
    assert_eq!(who, ["France", "Germany"], "{:?}", titles(&ds));
    assert_eq!(e.title, "France and Germany meet in Paris");
}

#[test]
fn the_troops_a_country_sends_are_not_its_target() {
    let ds = run(
        "Peru sent troops into northern Chile on Monday.",
        "2024-05-16",
    );
    let e = ds
        .events
        .iter()
        .find(|e| e.kind == EventKind::Mobilize)
        .unwrap_or_else(|| panic!("a deployment among {:?}", titles(&ds)));
    assert!(
        e.targets.is_empty(),
        "{:?}: {:?}",
        e.title,
        names(&ds, &e.targets)
    );
    assert_eq!(e.title, "Peru sends troops to Chile");
}

#[test]
fn a_news_agency_that_reports_is_not_the_actor() {
    for text in [
        "North Korea test-fired two ballistic missiles on Sunday, Reuters reported.",
        "North Korea test-fired two ballistic missiles on Sunday, according to Reuters.",
        "Reuters reported that North Korea test-fired two ballistic missiles on Sunday.",
    ] {
        let ds = run(text, "2024-05-16");
        let e = main_event(&ds);
        assert_eq!(e.kind, EventKind::Mobilize, "{text}");
        assert_eq!(names(&ds, &e.actors), ["North Korea"], "{text}");
        assert!(
            !names(&ds, &e.parties).iter().any(|n| n.contains("Reuters")),
            "{text}: {:?}",
            names(&ds, &e.parties)
        );
    }
}

#[test]
fn armed_groups_are_parties_not_towns() {
    let ds = run(
        "Warplanes struck a Hezbollah depot in the Bekaa Valley on Friday.\n\n\
         Separately, the Revolutionary Armed Forces of Colombia (FARC) freed two soldiers.",
        "2024-05-18",
    );
    let strike = ds
        .events
        .iter()
        .find(|e| e.kind == EventKind::Assault)
        .unwrap_or_else(|| panic!("a strike among {:?}", titles(&ds)));
    assert_eq!(
        names(&ds, &strike.targets),
        ["Hezbollah"],
        "{:?}",
        titles(&ds)
    );
    assert!(
        ds.places.iter().all(|p| p.name != "Hezbollah"),
        "a group's name is no place"
    );
    assert!(
        ds.parties
            .iter()
            .any(|p| p.name == "Revolutionary Armed Forces of Colombia"),
        "a long form that ends in a country names the group: {:?}",
        ds.parties.iter().map(|p| &p.name).collect::<Vec<_>>()
    );
}

#[test]
fn a_historical_event_keeps_to_its_own_sentence() {
    let ds = run(
        "Indian Prime Minister Narendra Modi met British Prime Minister Keir Starmer in London \
         on Tuesday.\n\nBritain ruled India as a colony from 1858 until 1947.",
        "2024-05-16",
    );
    let colony = ds
        .events
        .iter()
        .find(|e| e.date.as_ref().and_then(|d| d.start).map(|s| s.year) == Some(1858))
        .unwrap_or_else(|| panic!("the colonial rule: {:?}", titles(&ds)));
    let mut who = names(&ds, &colony.parties);
    who.sort();
    assert_eq!(who, ["India", "United Kingdom"], "{}", colony.title);
    assert!(
        colony.title.starts_with("United Kingdom rules India"),
        "{}",
        colony.title
    );
}

// ------------------------------------------------------------------------------------------
// Names in the right order
// ------------------------------------------------------------------------------------------

#[test]
fn east_asian_family_names_come_first() {
    let ds = run(
        "Chinese President Xi Jinping met South Korean President Yoon Suk-yeol in Lima on \
         Friday. Chinese Premier Li Qiang met North Korean leader Kim Jong Un in Pyongyang on \
         Saturday.",
        "2024-11-18",
    );
    let all = titles(&ds);
    assert!(
        all.iter().any(|t| t.contains("Xi and Yoon meet")),
        "{all:?}"
    );
    assert!(all.iter().any(|t| t.contains("Li and Kim meet")), "{all:?}");
    assert!(
        !all.iter()
            .any(|t| t.contains("Jinping") || t.contains("Qiang")),
        "{all:?}"
    );
}

// ------------------------------------------------------------------------------------------
// Places: specific, honest, not metonyms
// ------------------------------------------------------------------------------------------

#[test]
fn the_most_specific_place_the_article_names_in_that_country() {
    let ds = run(
        "Delegates gathered in Sharm el-Sheikh, Egypt, on Monday for climate talks.\n\n\
         On Tuesday, the leaders of Kenya and Ghana met in Egypt to sign a pledge.",
        "2024-05-16",
    );
    let meet = ds
        .events
        .iter()
        .find(|e| e.kind == EventKind::Consult && day(e).as_deref() == Some("2024-05-14"))
        .unwrap_or_else(|| panic!("the Tuesday meeting: {:?}", titles(&ds)));
    assert_eq!(place_of(&ds, meet).as_deref(), Some("Sharm el-Sheikh"));
    let note = meet.why.as_ref().and_then(|w| w.place_note.clone());
    assert!(
        note.as_deref().is_some_and(|n| n.contains("Egypt")),
        "the choice is explained: {note:?}"
    );
}

#[test]
fn a_dateline_never_places_what_the_text_puts_elsewhere() {
    let ds = run(
        "KYIV — Russian drones attacked the port of Odesa overnight, officials said on Monday.",
        "2024-05-13",
    );
    let e = main_event(&ds);
    assert_eq!(
        place_of(&ds, e).as_deref(),
        Some("Odesa"),
        "{:?}",
        titles(&ds)
    );
}

#[test]
fn metonyms_speak_and_act_but_are_no_places() {
    let ds = run(
        "The Pentagon said on Monday that US forces struck a weapons depot in eastern Syria. \
         The Kremlin condemned the strike.",
        "2024-05-13",
    );
    for e in &ds.events {
        let place = place_of(&ds, e);
        assert!(
            !matches!(place.as_deref(), Some("Pentagon" | "Kremlin")),
            "{} placed at {place:?}",
            e.title
        );
    }
    let accuse = ds
        .events
        .iter()
        .find(|e| e.kind == EventKind::Accuse)
        .unwrap_or_else(|| panic!("{:?}", titles(&ds)));
    let actor = ds
        .parties
        .iter()
        .find(|p| accuse.actors.contains(&p.id))
        .expect("an actor");
    assert_eq!(actor.country.as_deref(), Some("RU"), "{actor:?}");
}

// ------------------------------------------------------------------------------------------
// Titles from structure, and an explanation for each event
// ------------------------------------------------------------------------------------------

#[test]
fn titles_name_actor_and_target_and_never_fall_back_to_a_label() {
    let ds = run(
        "Police arrested the opposition leader Ana Morales in Caracas on Monday. Two soldiers \
         were killed in an ambush near Kidal on Sunday.",
        "2024-05-16",
    );
    for t in titles(&ds) {
        assert!(!t.contains(": "), "fallback title {t}");
    }
    let all = titles(&ds).join(" | ");
    assert!(all.contains("Police arrest Morales in Caracas"), "{all}");
    assert!(all.contains("soldiers killed near Kidal"), "{all}");
}

#[test]
fn every_event_explains_itself() {
    let ds = run(
        "Japanese Prime Minister Fumio Kishida met South Korean President Yoon Suk-yeol in \
         Phnom Penh on Sunday.",
        "2022-11-13",
    );
    let e = main_event(&ds);
    let why = e.why.as_ref().expect("an explanation");
    let text = ds.articles[0].body();
    assert_eq!(&text[why.trigger.start..why.trigger.end], "met");
    let actor = why.actor.expect("the actor's words");
    assert!(text[actor.start..actor.end].contains("Kishida"));
    let place = why.place.expect("the place's words");
    assert_eq!(&text[place.start..place.end], "Phnom Penh");
}

// ------------------------------------------------------------------------------------------
// Speakers: names that hold a verb, continuations, roles named again, subjects of reports
// ------------------------------------------------------------------------------------------

#[test]
fn speakers_are_found_across_names_roles_and_reporting_verbs() {
    let ds = run(
        "\"The talks went well,\" said Lamin Said Toure, a government spokesman. \"More talks \
         follow next week.\"\n\nMarkets were calm on Monday.\n\n\"We expect a deal,\" the \
         government spokesman said.\n\nHarbour manager Anna Berg, who runs the docks, told local \
         radio on Tuesday: \"The ships will sail.\"",
        "2024-05-15",
    );
    let speaker = |text: &str| {
        let q = ds
            .quotes
            .iter()
            .find(|q| q.text.starts_with(text))
            .unwrap_or_else(|| panic!("a quote “{text}”"));
        q.speaker
            .as_ref()
            .and_then(|s| ds.parties.iter().find(|p| &p.id == s))
            .map(|p| p.name.clone())
    };
    // "Said" inside a name is no verb of saying.
    assert_eq!(speaker("The talks").as_deref(), Some("Lamin Said Toure"));
    // The quote runs on after the attribution.
    assert_eq!(speaker("More talks").as_deref(), Some("Lamin Said Toure"));
    // "the government spokesman" is the person given that role.
    assert_eq!(speaker("We expect").as_deref(), Some("Lamin Said Toure"));
    // The sentence's subject reports it, an appositive and a time phrase away.
    assert_eq!(speaker("The ships").as_deref(), Some("Anna Berg"));
}
