//! Extraction quality: the seed article against its reviewed dataset (data/seed.json), and small
//! made-up articles for each date, quote and reference pattern. The made-up articles use
//! hand-built place hits, so they test this pipeline independently of the gazetteer.

use std::collections::HashMap;
use std::path::Path;

use newsmap::extract::hits::{DemonymHit, PlaceHit};
use newsmap::extract::{Recognised, extract, extract_recognised};
use newsmap::geodata::gazetteer::Gazetteer;
use newsmap::model::{ArticleInput, TextFormat};
use newsmap::model::{Dataset, DateRange, Event, EventKind, Mode, Party, PlaceKind, Span};

// ------------------------------------------------------------------------------------------
// Helpers
// ------------------------------------------------------------------------------------------

fn seed_text() -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/2022-11-13-japan-south-korea-summit.txt"),
    )
    .unwrap()
}

fn gold() -> Dataset {
    Dataset::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data/seed.json")).unwrap()
}

fn seed_extracted() -> Dataset {
    let input = ArticleInput {
        title: Some("Seed".into()),
        ..ArticleInput::new(seed_text())
    }
    .published(date("2022-11-13"));
    let ds = extract(&input, Gazetteer::embedded());
    assert_eq!(
        ds.validate(),
        vec![],
        "extracted seed dataset must validate"
    );
    ds
}

fn date(s: &str) -> jiff::civil::Date {
    s.parse().unwrap()
}

/// Every whole-word occurrence of `name` in `text`.
fn occurrences(text: &str, name: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find(name) {
        let s = from + i;
        let e = s + name.len();
        let before = text[..s]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        let after = text[e..].chars().next().is_some_and(char::is_alphanumeric);
        if !before && !after {
            out.push(Span::new(s, e));
        }
        from = e;
    }
    out
}

/// Hand-built recogniser output: places (name, kind, country) and demonyms (word, country).
fn recognised(
    text: &str,
    places: &[(&str, PlaceKind, &str)],
    demonyms: &[(&str, &str)],
) -> Recognised {
    let mut rec = Recognised::default();
    for (name, kind, cc) in places {
        for span in occurrences(text, name) {
            rec.places.push(PlaceHit {
                span,
                key: format!("test:{name}"),
                name: name.to_string(),
                kind: *kind,
                lat: 10.0,
                lon: 20.0,
                country: Some(cc.to_string()),
                geometry: None,
                source: "test".into(),
                confidence: 0.9,
            });
        }
        if *kind == PlaceKind::Country {
            rec.country_names.insert(cc.to_string(), name.to_string());
        }
    }
    for (word, cc) in demonyms {
        let name = match *cc {
            "FI" => "Finland",
            "CL" => "Chile",
            "KE" => "Kenya",
            "TZ" => "Tanzania",
            "FJ" => "Fiji",
            "PT" => "Portugal",
            "NG" => "Nigeria",
            other => other,
        };
        rec.country_names
            .entry(cc.to_string())
            .or_insert_with(|| name.to_string());
        for span in occurrences(text, word) {
            rec.demonyms.push(DemonymHit {
                span,
                country: cc.to_string(),
                plural: word.ends_with('s'),
            });
        }
    }
    rec.places.sort_by_key(|p| p.span);
    rec.demonyms.sort_by_key(|d| d.span);
    rec
}

fn run(
    text: &str,
    published: Option<&str>,
    places: &[(&str, PlaceKind, &str)],
    demonyms: &[(&str, &str)],
) -> Dataset {
    let input = ArticleInput {
        published: published.map(date),
        title: Some("T".into()),
        ..ArticleInput::new(text)
    };
    let ds = extract_recognised(&input, recognised(text, places, demonyms), "a1", "");
    assert_eq!(ds.validate(), vec![], "dataset must validate for {text:?}");
    ds
}

fn party<'a>(ds: &'a Dataset, id: &str) -> &'a Party {
    ds.parties.iter().find(|p| p.id == id).unwrap_or_else(|| {
        panic!(
            "no party {id}: {:?}",
            ds.parties.iter().map(|p| &p.id).collect::<Vec<_>>()
        )
    })
}

fn speaker_name(ds: &Dataset, quote_text: &str) -> Option<String> {
    let q = ds
        .quotes
        .iter()
        .find(|q| q.text == quote_text)
        .unwrap_or_else(|| panic!("no quote {quote_text:?}: {:?}", ds.quotes));
    q.speaker.as_ref().map(|s| party(ds, s).name.clone())
}

fn range(d: &Option<DateRange>) -> String {
    match d {
        None => "none".into(),
        Some(r) => format!(
            "{}..{}",
            r.start.map(|s| s.to_string()).unwrap_or_default(),
            r.end.map(|s| s.to_string()).unwrap_or_default()
        ),
    }
}

fn place_name(ds: &Dataset, e: &Event) -> Option<String> {
    e.place
        .as_ref()
        .map(|p| ds.places.iter().find(|x| &x.id == p).unwrap().name.clone())
}

fn events_of(ds: &Dataset, kind: EventKind) -> Vec<&Event> {
    ds.events.iter().filter(|e| e.kind == kind).collect()
}

// ------------------------------------------------------------------------------------------
// The seed article against the reviewed dataset
// ------------------------------------------------------------------------------------------

/// Gold party id → extracted party id, by shared mention spans.
fn party_map(gold: &Dataset, got: &Dataset) -> HashMap<String, String> {
    let mut map = HashMap::new();
    for g in &gold.parties {
        let best = got
            .parties
            .iter()
            .map(|p| {
                (
                    p.mentions
                        .iter()
                        .filter(|m| {
                            g.mentions
                                .iter()
                                .any(|gm| gm.start == m.start && gm.end == m.end)
                        })
                        .count(),
                    p,
                )
            })
            .filter(|(n, _)| *n > 0)
            .max_by_key(|(n, _)| *n);
        if let Some((_, p)) = best {
            map.insert(g.id.clone(), p.id.clone());
        }
    }
    map
}

#[test]
fn seed_every_place_is_found() {
    let (gold, got) = (gold(), seed_extracted());
    let mut found = 0;
    let mut total = 0;
    for g in gold.places.iter().filter(|p| !p.mentions.is_empty()) {
        let hit = got.places.iter().find(|p| {
            p.name == g.name
                || p.mentions
                    .iter()
                    .any(|m| g.mentions.iter().any(|gm| gm.start == m.start))
        });
        assert!(
            hit.is_some(),
            "place {} ({}) not found; got {:?}",
            g.id,
            g.name,
            got.places.iter().map(|p| &p.name).collect::<Vec<_>>()
        );
        let hit = hit.unwrap();
        assert_eq!(hit.kind, g.kind, "{}", g.name);
        for gm in &g.mentions {
            total += 1;
            found += got.places.iter().any(|p| {
                p.mentions
                    .iter()
                    .any(|m| m.start == gm.start && m.end == gm.end)
            }) as usize;
        }
    }
    println!("seed place mentions found: {found}/{total}");
}

#[test]
fn seed_quotes_have_exact_spans_and_right_speakers() {
    let (gold, got) = (gold(), seed_extracted());
    let map = party_map(&gold, &got);
    let spans = |ds: &Dataset| {
        ds.quotes
            .iter()
            .map(|q| (q.start, q.end))
            .collect::<Vec<_>>()
    };
    assert_eq!(spans(&got), spans(&gold), "quote spans");
    for (g, q) in gold.quotes.iter().zip(&got.quotes) {
        let expected = g.speaker.as_ref().map(|s| {
            map.get(s)
                .cloned()
                .unwrap_or_else(|| format!("unmapped {s}"))
        });
        assert_eq!(q.speaker, expected, "speaker of {:?}", g.text);
    }
}

#[test]
fn seed_main_people_states_and_organisations() {
    let (gold, got) = (gold(), seed_extracted());
    let map = party_map(&gold, &got);
    let get = |gold_id: &str| {
        party(
            &got,
            map.get(gold_id)
                .unwrap_or_else(|| panic!("{gold_id} not extracted")),
        )
    };
    let kishida = get("kishida");
    assert_eq!(
        (
            kishida.name.as_str(),
            kishida.country.as_deref(),
            kishida.role.as_deref()
        ),
        ("Fumio Kishida", Some("JP"), Some("Prime Minister of Japan"))
    );
    let yoon = get("yoon");
    assert_eq!(
        (
            yoon.name.as_str(),
            yoon.country.as_deref(),
            yoon.role.as_deref()
        ),
        (
            "Yoon Suk-yeol",
            Some("KR"),
            Some("President of South Korea")
        )
    );
    assert_eq!(get("biden").name, "Joe Biden");
    for state in ["japan", "south-korea", "north-korea", "united-states"] {
        assert_eq!(get(state).kind, newsmap::model::PartyKind::State, "{state}");
    }
    assert_eq!(get("asean").name, "Association of Southeast Asian Nations");
    assert_eq!(get("mofa-japan").country.as_deref(), Some("JP"));
    // Later references resolve: "The Japanese leader" and "he" (twice) are mentions.
    let text = seed_text();
    let surfaces = |p: &Party| {
        p.mentions
            .iter()
            .map(|m| text[m.start..m.end].to_owned())
            .collect::<Vec<_>>()
    };
    assert!(
        surfaces(kishida).contains(&"The Japanese leader".to_owned()),
        "{:?}",
        surfaces(kishida)
    );
    assert!(surfaces(yoon).contains(&"he".to_owned()));
    assert!(surfaces(get("biden")).contains(&"he".to_owned()));
    // Mention recall over all reviewed parties.
    let (mut found, mut total) = (0, 0);
    for g in &gold.parties {
        for gm in &g.mentions {
            total += 1;
            found += map.get(&g.id).is_some_and(|id| {
                party(&got, id)
                    .mentions
                    .iter()
                    .any(|m| m.start == gm.start && m.end == gm.end)
            }) as usize;
        }
    }
    println!("seed party mentions found: {found}/{total}");
}

#[test]
fn seed_key_events() {
    let got = seed_extracted();
    let consult: Vec<&Event> = events_of(&got, EventKind::Consult);
    let summits: Vec<&&Event> = consult
        .iter()
        .filter(|e| {
            range(&e.date) == "2022-11-13..2022-11-13"
                && place_name(&got, e).as_deref() == Some("Cambodia")
        })
        .collect();
    assert_eq!(
        summits.len(),
        2,
        "bilateral and trilateral summits: {consult:#?}"
    );
    let people = |e: &Event| {
        e.parties
            .iter()
            .filter(|p| party(&got, p).kind == newsmap::model::PartyKind::Person)
            .count()
    };
    let mut sizes: Vec<usize> = summits.iter().map(|e| people(e)).collect();
    sizes.sort();
    assert_eq!(sizes, [2, 3], "Kishida+Yoon, then with Biden");

    let mobilize = events_of(&got, EventKind::Mobilize);
    let nll = mobilize
        .iter()
        .find(|e| place_name(&got, e).as_deref() == Some("Northern Limit Line"))
        .expect("NLL missile event");
    assert_eq!(range(&nll.date), "..2022-11-13");
    assert_eq!(nll.geo_precision, Some(2));
    let launches = mobilize
        .iter()
        .find(|e| range(&e.date) == "2022-05..2022-11-13")
        .expect("~50 launches since May");
    assert_eq!(place_name(&got, launches).as_deref(), Some("North Korea"));

    let colonial = events_of(&got, EventKind::Coerce)
        .into_iter()
        .find(|e| range(&e.date) == "1910..1945")
        .expect("colonial rule 1910–1945");
    assert_eq!(
        place_name(&got, colonial).as_deref(),
        Some("Korean Peninsula")
    );
    assert!(
        events_of(&got, EventKind::Agree)
            .iter()
            .any(|e| range(&e.date) == "1965..1965"),
        "1965 treaty"
    );

    let threat = events_of(&got, EventKind::Threaten);
    assert!(threat.iter().all(|e| e.mode == Some(Mode::Hypothetical)) && !threat.is_empty());
    for e in &got.events {
        assert!(e.extracted && e.confidence.is_some_and(|c| (0.0..=1.0).contains(&c)));
        assert!(!e.title.is_empty() && !e.evidence.is_empty());
    }
}

/// Does an extracted event's place fit the reviewed one (same place, or the country it lies in)?
fn place_fits(gold: &Dataset, got: &Dataset, g: &Event, e: &Event) -> bool {
    let gp = g
        .place
        .as_ref()
        .and_then(|p| gold.places.iter().find(|x| &x.id == p));
    let ep = e
        .place
        .as_ref()
        .and_then(|p| got.places.iter().find(|x| &x.id == p));
    match (gp, ep) {
        (None, None) => true,
        (Some(a), Some(b)) => {
            a.name == b.name
                || (b.kind == PlaceKind::Country && a.country.is_some() && a.country == b.country)
        }
        _ => false,
    }
}

fn dates_fit(g: &Event, e: &Event, strict: bool) -> bool {
    match (&g.date, &e.date) {
        (None, None) => true,
        (Some(a), Some(b)) if strict => a.start == b.start && a.end == b.end,
        (Some(a), Some(b)) => a.meets(b.first_day(), b.last_day()),
        _ => false,
    }
}

/// One-to-one greedy matching by kind + date + place; returns (matched, extracted, reviewed).
fn match_events(gold: &Dataset, got: &Dataset, strict: bool) -> (usize, usize, usize) {
    let mut used = vec![false; gold.events.len()];
    let mut matched = 0;
    for e in &got.events {
        if let Some(i) = gold.events.iter().enumerate().position(|(i, g)| {
            !used[i] && g.kind == e.kind && dates_fit(g, e, strict) && place_fits(gold, got, g, e)
        }) {
            used[i] = true;
            matched += 1;
        }
    }
    (matched, got.events.len(), gold.events.len())
}

#[test]
fn seed_event_precision_and_recall() {
    let (gold, got) = (gold(), seed_extracted());
    for e in &got.events {
        println!(
            "  {:<10} {:<22} {:<18} {}",
            e.kind.code(),
            range(&e.date),
            place_name(&got, e).unwrap_or_default(),
            e.title
        );
    }
    for strict in [true, false] {
        let (m, n_got, n_gold) = match_events(&gold, &got, strict);
        let p = m as f64 / n_got.max(1) as f64;
        let r = m as f64 / n_gold.max(1) as f64;
        println!(
            "seed events ({} dates): precision {m}/{n_got} = {p:.2}, recall {m}/{n_gold} = {r:.2}",
            if strict { "exact" } else { "overlapping" }
        );
        // A floor so quality cannot drop silently.
        assert!(
            p >= 0.7 && r >= 0.5,
            "event quality dropped: precision {p:.2}, recall {r:.2}"
        );
    }
}

// ------------------------------------------------------------------------------------------
// Dates, through whole extractions
// ------------------------------------------------------------------------------------------

const NK: (&str, PlaceKind, &str) = ("North Korea", PlaceKind::Country, "KP");

fn launch_date(sentence: &str, published: Option<&str>) -> String {
    let ds = run(sentence, published, &[NK], &[]);
    let e = events_of(&ds, EventKind::Mobilize);
    assert_eq!(e.len(), 1, "{sentence}: {:?}", ds.events);
    range(&e[0].date)
}

#[test]
fn each_date_pattern_dates_the_event() {
    let p = Some("2022-11-13"); // a Sunday
    let cases = [
        (
            "North Korea fired two missiles on Nov. 2, 2022.",
            "2022-11-02..2022-11-02",
        ),
        (
            "North Korea fired two missiles on 2 November.",
            "2022-11-02..2022-11-02",
        ),
        (
            "North Korea fired two missiles on November 2.",
            "2022-11-02..2022-11-02",
        ),
        (
            "North Korea fired two missiles in May 2022.",
            "2022-05..2022-05",
        ),
        ("North Korea fired two missiles in 2019.", "2019..2019"),
        (
            "North Korea fired missiles between 2016 and 2017.",
            "2016..2017",
        ),
        (
            "North Korea fired missiles from 2016 to 2017.",
            "2016..2017",
        ),
        (
            "North Korea fired two missiles on Sunday.",
            "2022-11-13..2022-11-13",
        ),
        (
            "North Korea fired two missiles on Thursday.",
            "2022-11-10..2022-11-10",
        ),
        (
            "North Korea fired two missiles yesterday.",
            "2022-11-12..2022-11-12",
        ),
        (
            "North Korea fired two missiles today.",
            "2022-11-13..2022-11-13",
        ),
        (
            "North Korea fired two missiles last week.",
            "2022-10-31..2022-11-06",
        ),
        (
            "North Korea fired two missiles earlier this month.",
            "2022-11-01..2022-11-13",
        ),
        (
            "North Korea has fired 50 missiles since May.",
            "2022-05..2022-11-13",
        ),
        (
            "North Korea fired two missiles, officials said.",
            "..2022-11-13",
        ),
    ];
    for (sentence, expected) in cases {
        assert_eq!(launch_date(sentence, p), expected, "{sentence}");
    }
    assert_eq!(
        launch_date("North Korea will test missiles next week.", p),
        "2022-11-14..2022-11-20"
    );
    assert_eq!(
        launch_date("North Korea will test missiles in the coming days.", p),
        "2022-11-13.."
    );
}

#[test]
fn without_a_publication_date_relative_phrases_give_no_date() {
    assert_eq!(
        launch_date("North Korea fired two missiles on Sunday.", None),
        "none"
    );
    assert_eq!(
        launch_date("North Korea fired two missiles last week.", None),
        "none"
    );
    assert_eq!(
        launch_date("North Korea fired two missiles, officials said.", None),
        "none"
    );
    assert_eq!(
        launch_date("North Korea fired two missiles on Nov. 2, 2022.", None),
        "2022-11-02..2022-11-02"
    );
    assert_eq!(
        launch_date("North Korea has fired missiles since 2019.", None),
        "2019.."
    );
}

// ------------------------------------------------------------------------------------------
// Quotes and references
// ------------------------------------------------------------------------------------------

const LIMA: &[(&str, PlaceKind, &str)] = &[
    ("Lima", PlaceKind::City, "PE"),
    ("Peru", PlaceKind::Country, "PE"),
];
const LIMA_DEMONYMS: &[(&str, &str)] = &[("Finnish", "FI"), ("Chilean", "CL")];

const TRADE_TALKS: &str = "Finnish President Aino Virtanen met Chilean President Mateo Rojas in Lima on Tuesday, \
their first meeting since the election.\n\
“We have found common ground on copper and on fishing,” Virtanen told reporters after the talks.\n\
“Our ministers will meet again in March,” she said. “There is still much to do.”\n\
Rojas said the discussions had been “frank” and that Chile would “look closely” at the proposal.\n\
The two presidents also agreed to set up a working group on lithium, according to a joint statement.";

#[test]
fn made_up_summit_quotes_people_and_event() {
    let ds = run(TRADE_TALKS, Some("2023-06-08"), LIMA, LIMA_DEMONYMS);
    let virtanen = ds
        .parties
        .iter()
        .find(|p| p.name == "Aino Virtanen")
        .expect("Virtanen");
    assert_eq!(
        (virtanen.country.as_deref(), virtanen.role.as_deref()),
        (Some("FI"), Some("President of Finland"))
    );
    // Attribution patterns: "X told reporters", "she said" (pronoun), a following sentence that
    // continues the quote, "X said … “…”" before the quote.
    assert_eq!(
        speaker_name(&ds, "We have found common ground on copper and on fishing,").as_deref(),
        Some("Aino Virtanen")
    );
    assert_eq!(
        speaker_name(&ds, "Our ministers will meet again in March,").as_deref(),
        Some("Aino Virtanen")
    );
    assert_eq!(
        speaker_name(&ds, "There is still much to do.").as_deref(),
        Some("Aino Virtanen")
    );
    assert_eq!(speaker_name(&ds, "frank").as_deref(), Some("Mateo Rojas"));
    // The meeting: Tuesday before Thursday 8 June 2023, in Lima, both presidents.
    let meet = events_of(&ds, EventKind::Consult);
    assert_eq!(meet.len(), 1, "{:#?}", ds.events);
    assert_eq!(range(&meet[0].date), "2023-06-06..2023-06-06");
    assert_eq!(place_name(&ds, meet[0]).as_deref(), Some("Lima"));
    assert_eq!(meet[0].title, "Virtanen and Rojas meet in Lima");
    // "she" is a mention of Virtanen.
    let text = TRADE_TALKS;
    assert!(
        virtanen
            .mentions
            .iter()
            .any(|m| &text[m.start..m.end] == "she")
    );
}

#[test]
fn quoted_words_go_to_the_body_that_condemned_them_and_plural_sources_to_their_group() {
    let text = "Norway’s Defence Ministry condemned the “unsafe manoeuvres” of a foreign warship near Svalbard on Monday.\n\
Officials vowed “a firm response” if the vessel returned.";
    let ds = run(
        text,
        Some("2024-02-14"),
        &[
            ("Svalbard", PlaceKind::Region, "NO"),
            ("Norway", PlaceKind::Country, "NO"),
        ],
        &[],
    );
    // The words the ministry condemned with are its own (as the gold set annotates them).
    assert_eq!(
        speaker_name(&ds, "unsafe manoeuvres").as_deref(),
        Some("Ministry of Defence of Norway")
    );
    // Officials who speak together are a group, named as the text names them: no person,
    // and not the ministry the text did not say they speak for.
    assert_eq!(
        speaker_name(&ds, "a firm response").as_deref(),
        Some("Officials"),
        "a plural speaker is the group the text names"
    );
    let accuse = events_of(&ds, EventKind::Accuse);
    assert_eq!(accuse.len(), 1);
    assert_eq!(place_name(&ds, accuse[0]).as_deref(), Some("Svalbard"));
    assert_eq!(accuse[0].geo_precision, Some(2), "near → 2");
    assert_eq!(range(&accuse[0].date), "2024-02-12..2024-02-12");
    let threat = events_of(&ds, EventKind::Threaten);
    assert_eq!(threat.len(), 1);
    assert_eq!(threat[0].mode, Some(Mode::Hypothetical));
}

#[test]
fn unbalanced_quotes_do_not_swallow_the_article() {
    let text = "The minister said “we will not retreat.\n\
Troops fired artillery shells at Kharkiv on Saturday, officials said.\n\
“This attack was deliberate,” said Governor Ivan Petrenko.\n\
An aide called the strikes “barbaric”.";
    let ds = run(
        text,
        Some("2023-05-01"),
        &[("Kharkiv", PlaceKind::City, "UA")],
        &[],
    );
    let quotes: Vec<&str> = ds.quotes.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(
        quotes,
        [
            "we will not retreat.",
            "This attack was deliberate,",
            "barbaric"
        ]
    );
    assert_eq!(
        speaker_name(&ds, "This attack was deliberate,").as_deref(),
        Some("Ivan Petrenko")
    );
    let assault = events_of(&ds, EventKind::Assault);
    assert_eq!(assault.len(), 1, "{:#?}", ds.events);
    assert_eq!(place_name(&ds, assault[0]).as_deref(), Some("Kharkiv"));
    assert_eq!(range(&assault[0].date), "2023-04-29..2023-04-29");
}

#[test]
fn quotes_across_paragraphs_share_the_speaker() {
    let text = "Ambassador Lena Ortiz spoke after the talks in Geneva on Thursday.\n\
“We came to listen and we leave with a plan,\n\
“and with a date for the next round,” Ortiz said.";
    let ds = run(
        text,
        Some("2023-03-10"),
        &[("Geneva", PlaceKind::City, "CH")],
        &[],
    );
    assert_eq!(ds.quotes.len(), 2);
    assert_eq!(
        speaker_name(&ds, "We came to listen and we leave with a plan,").as_deref(),
        Some("Lena Ortiz")
    );
    assert_eq!(
        speaker_name(&ds, "and with a date for the next round,").as_deref(),
        Some("Lena Ortiz")
    );
}

#[test]
fn pronouns_resolve_to_the_last_fitting_person_outside_quotes() {
    let text = "Prime Minister Anna Berg arrived in Tallinn on Wednesday.\n\
“I spoke with President Karl Saar last night,” Berg said.\n\
She later met him at the harbour, and his aides joined them.";
    let ds = run(
        text,
        Some("2023-09-14"),
        &[("Tallinn", PlaceKind::City, "EE")],
        &[],
    );
    let berg = ds.parties.iter().find(|p| p.name == "Anna Berg").unwrap();
    let saar = ds.parties.iter().find(|p| p.name == "Karl Saar").unwrap();
    let said = |p: &Party| {
        p.mentions
            .iter()
            .map(|m| text[m.start..m.end].to_owned())
            .collect::<Vec<_>>()
    };
    assert!(said(berg).contains(&"She".to_owned()), "{:?}", said(berg));
    assert!(
        said(berg).contains(&"I".to_owned()),
        "first person in her quote: {:?}",
        said(berg)
    );
    // "him"/"his" after "She … met": the first person outside quotes before them is Berg; Saar
    // is named only inside her quote, so he does not attract them.
    assert!(!said(saar).contains(&"his".to_owned()));
}

#[test]
fn no_publication_date_leaves_relative_dates_open() {
    let text = "Kenyan President Daniel Mwangi met Tanzanian President Grace Mollel in Arusha on Friday.\n\
The two countries signed a border treaty in 2019.";
    let ds = run(
        text,
        None,
        &[("Arusha", PlaceKind::City, "TZ")],
        &[("Kenyan", "KE"), ("Tanzanian", "TZ")],
    );
    let meet = events_of(&ds, EventKind::Consult);
    assert_eq!(meet.len(), 1);
    assert_eq!(meet[0].date, None, "no guess without a publication date");
    assert_eq!(place_name(&ds, meet[0]).as_deref(), Some("Arusha"));
    let treaty = events_of(&ds, EventKind::Agree);
    assert!(
        treaty.iter().any(|e| range(&e.date) == "2019..2019"),
        "{treaty:#?}"
    );
    assert_eq!(ds.articles[0].published, None);
}

#[test]
fn organisations_from_acronyms_tables_and_ministries() {
    let text = "The Pacific Islands Forum (PIF) met in Suva on Monday. PIF members urged the United Nations to act.\n\
Australia’s Foreign Affairs Ministry welcomed the decision, and the Fijian military said it was ready.";
    let ds = run(
        text,
        Some("2023-08-16"),
        &[
            ("Suva", PlaceKind::City, "FJ"),
            ("Australia", PlaceKind::Country, "AU"),
        ],
        &[("Fijian", "FJ")],
    );
    let names: Vec<&str> = ds.parties.iter().map(|p| p.name.as_str()).collect();
    for expected in [
        "Pacific Islands Forum",
        "United Nations",
        "Ministry of Foreign Affairs of Australia",
        "Military of Fiji",
    ] {
        assert!(names.contains(&expected), "{expected} in {names:?}");
    }
    let pif = ds
        .parties
        .iter()
        .find(|p| p.name == "Pacific Islands Forum")
        .unwrap();
    assert_eq!(
        pif.mentions.len(),
        3,
        "long form, acronym, and the acronym again"
    );
}

#[test]
fn markdown_offsets_point_into_the_file() {
    let text = "# Leaders meet in Tallinn\n\n**Prime Minister Anna Berg** met *President Karl Saar* in Tallinn on Monday.\n";
    let input = ArticleInput {
        format: TextFormat::Markdown,
        published: Some(date("2023-09-14")),
        ..ArticleInput::new(text)
    };
    let ds = extract_recognised(
        &input,
        recognised(text, &[("Tallinn", PlaceKind::City, "EE")], &[]),
        "a1",
        "",
    );
    assert_eq!(ds.validate(), vec![]);
    assert_eq!(ds.articles[0].title, "Leaders meet in Tallinn");
    let berg = ds
        .parties
        .iter()
        .find(|p| p.name == "Anna Berg")
        .expect("name inside emphasis");
    assert_eq!(
        &text[berg.mentions[0].start..berg.mentions[0].end],
        "Prime Minister Anna Berg"
    );
    let meet = events_of(&ds, EventKind::Consult);
    assert_eq!(meet.len(), 1, "{meet:#?}");
    assert_eq!(range(&meet[0].date), "2023-09-11..2023-09-11");
}

#[test]
fn mentions_of_one_event_are_merged_and_others_kept_apart() {
    let text = "Portuguese Foreign Minister Ana Costa and Nigerian Foreign Minister Ben Adeyemi met in Lisbon on Monday.\n\
The meeting between Portugal and Nigeria focused on energy.\n\
Costa and Adeyemi agreed to expand gas shipments.\n\
Later, Costa met President Tom Reyes of Chile in Porto.";
    let places = [
        ("Lisbon", PlaceKind::City, "PT"),
        ("Porto", PlaceKind::City, "PT"),
        ("Portugal", PlaceKind::Country, "PT"),
        ("Nigeria", PlaceKind::Country, "NG"),
        ("Chile", PlaceKind::Country, "CL"),
    ];
    let ds = run(
        text,
        Some("2023-10-04"),
        &places,
        &[("Portuguese", "PT"), ("Nigerian", "NG")],
    );
    let consult = events_of(&ds, EventKind::Consult);
    assert_eq!(consult.len(), 2, "{consult:#?}");
    let lisbon = consult
        .iter()
        .find(|e| place_name(&ds, e).as_deref() == Some("Lisbon"))
        .unwrap();
    assert_eq!(
        lisbon.evidence.len(),
        2,
        "the meeting in Lisbon is mentioned twice"
    );
    assert_eq!(range(&lisbon.date), "2023-10-02..2023-10-02");
    let porto = consult
        .iter()
        .find(|e| place_name(&ds, e).as_deref() == Some("Porto"))
        .unwrap();
    assert!(
        porto
            .parties
            .iter()
            .any(|p| party(&ds, p).name == "Tom Reyes")
    );
    assert_eq!(
        party(
            &ds,
            &porto
                .parties
                .iter()
                .find(|p| party(&ds, p).name == "Tom Reyes")
                .unwrap()
                .clone()
        )
        .role
        .as_deref(),
        Some("President of Chile")
    );
}

// ------------------------------------------------------------------------------------------
// Robustness: never panic, always a valid dataset
// ------------------------------------------------------------------------------------------

#[test]
fn odd_inputs_never_panic_and_stay_valid() {
    let gaz = Gazetteer::embedded();
    let big = seed_text().repeat(1 + (1 << 20) / seed_text().len());
    let cases: Vec<String> = vec![
        String::new(),
        " \n\n\t".into(),
        "“”“”“”\"\"\"‘’‘’".into(),
        "“".repeat(1000),
        "\u{202e}Kishida met Yoon\u{0301}\u{200d} in 🇰🇷 Seoul… “on Sunday”".into(),
        "é’s ’s 's ' \" “ ” ‘ — – - ( ) [ ] ... !!! ???".into(),
        "Prime Minister\nPresident\nthe Japanese leader he his its They".into(),
        "1910–1945 1965– –1965 between and from to since May May May Nov. 99, 99999".into(),
        "\u{0}\u{1}\u{2} binary-ish \u{7f}".into(),
        big,
    ];
    for text in &cases {
        for published in [None, Some(date("2022-11-13"))] {
            let input = ArticleInput {
                published,
                ..ArticleInput::new(text.clone())
            };
            let ds = extract(&input, gaz);
            assert_eq!(
                ds.validate(),
                vec![],
                "invalid dataset for {:?}",
                &text[..text.len().min(60)]
            );
        }
    }
}

#[test]
fn random_token_soup_never_panics() {
    // Deterministic pseudo-random texts from words and marks that exercise every stage.
    const WORDS: &[&str] = &[
        "President",
        "Prime",
        "Minister",
        "Kishida",
        "Yoon",
        "he",
        "his",
        "its",
        "They",
        "Both",
        "leaders",
        "the",
        "The",
        "Japanese",
        "Japan",
        "Japan’s",
        "South",
        "Korea",
        "North",
        "met",
        "held",
        "talks",
        "summit",
        "meeting",
        "agreed",
        "condemned",
        "fired",
        "missiles",
        "at",
        "in",
        "near",
        "on",
        "Sunday",
        "May",
        "since",
        "between",
        "1910",
        "and",
        "1945",
        "–",
        "Nov.",
        "2,",
        "2022",
        "last",
        "week",
        "if",
        "vowed",
        "response",
        "urged",
        "said",
        "told",
        "“",
        "”",
        "\"",
        "‘",
        "’",
        ",",
        ".",
        "\n",
        "(ASEAN)",
        "Association",
        "of",
        "Nations",
        "according",
        "to",
        "—",
        "é",
        "🇰🇷",
        "Ministry",
        "Foreign",
        "Affairs",
        "prior",
        "their",
        "treaty",
        "a",
        "forced",
        "colonial",
        "rule",
    ];
    let gaz = Gazetteer::embedded();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..200 {
        let mut text = String::new();
        let len = (seed % 120) as usize;
        for _ in 0..len {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            text.push_str(WORDS[(seed % WORDS.len() as u64) as usize]);
            if !seed.is_multiple_of(3) {
                text.push(' ');
            }
        }
        let input = ArticleInput {
            published: seed.is_multiple_of(2).then(|| date("2022-11-13")),
            ..ArticleInput::new(text.clone())
        };
        let ds = extract(&input, gaz);
        assert_eq!(ds.validate(), vec![], "invalid dataset for {text:?}");
    }
}

/// Speakers news names without a title: an appositive before the verb, a surname whose full
/// name came earlier, straight quotes, an inverted verb with a description, and a speaker the
/// text names but we cannot identify (who must not inherit the previous quote's speaker).
#[test]
fn untitled_speakers_are_attributed_and_strangers_are_not_guessed() {
    let text = "Work on the plant began in Hinton on Monday.\n\
“That’s attainable. The question is at what cost,” Jonathan Banks, a research associate at the \
University of Alberta, told reporters.\n\
Maria Lopez runs the town's energy office.\n\
\"We will know by the summer,\" Lopez said.\n\
\"It is a first for the region,\" explains newly elected town councillor Dewly Nelson.\n\
\"Nobody asked us,\" said Okafor.\n\
Campus Manager Tara Boyle says: “Many people find it hard.”\n\
\"It is immature,\" Lopez told BuzzFeed News.\n\
Explained Keith, “We like to run events.”";
    let ds = run(
        text,
        Some("2023-03-10"),
        &[("Hinton", PlaceKind::City, "CA")],
        &[],
    );
    let who = |q: &str| speaker_name(&ds, q);
    assert_eq!(
        who("That’s attainable. The question is at what cost,").as_deref(),
        Some("Jonathan Banks")
    );
    assert_eq!(
        who("We will know by the summer,").as_deref(),
        Some("Maria Lopez")
    );
    assert_eq!(
        who("It is a first for the region,").as_deref(),
        Some("Dewly Nelson")
    );
    assert_eq!(
        who("Nobody asked us,"),
        None,
        "an unknown speaker is not the last one"
    );
    assert_eq!(
        who("Many people find it hard.").as_deref(),
        Some("Tara Boyle")
    );
    let boyle = ds.parties.iter().find(|p| p.name == "Tara Boyle").unwrap();
    assert_eq!(boyle.role.as_deref(), Some("Campus Manager"));
    assert_eq!(who("It is immature,").as_deref(), Some("Maria Lopez"));
    // The listener of "told" and a capitalised speech verb are nobody's names.
    let names: Vec<&str> = ds.parties.iter().map(|p| p.name.as_str()).collect();
    assert!(
        !names
            .iter()
            .any(|n| n.contains("BuzzFeed") || n.contains("Explained")),
        "{names:?}"
    );
    let banks = ds
        .parties
        .iter()
        .find(|p| p.name == "Jonathan Banks")
        .unwrap();
    assert_eq!(
        banks.role.as_deref(),
        Some("Research associate at the University of Alberta")
    );
    let nelson = ds
        .parties
        .iter()
        .find(|p| p.name == "Dewly Nelson")
        .unwrap();
    assert_eq!(
        nelson.role.as_deref(),
        Some("Newly elected town councillor")
    );
}

/// A dateline places events whose sentences name no place, approximately and without claiming
/// it in the title; not when a party from another country takes part.
#[test]
fn datelines_place_local_events_approximately() {
    let text = "GLASGOW, Ky. (WBKO) -- Police arrested a man on Saturday after a crash on North Jackson Highway.\n\
The driver was not injured.";
    let ds = run(
        text,
        Some("2017-02-05"),
        &[("GLASGOW", PlaceKind::City, "US")],
        &[],
    );
    let arrest = events_of(&ds, EventKind::Coerce);
    assert_eq!(arrest.len(), 1, "{:#?}", ds.events);
    assert_eq!(place_name(&ds, arrest[0]).as_deref(), Some("GLASGOW"));
    assert_eq!(arrest[0].geo_precision, Some(3));
    assert!(!arrest[0].title.contains("GLASGOW"), "{}", arrest[0].title);

    let text = "WASHINGTON — North Korea fired a ballistic missile into the sea on Sunday, \
officials said.";
    let ds = run(
        text,
        Some("2022-11-13"),
        &[
            ("WASHINGTON", PlaceKind::City, "US"),
            ("North Korea", PlaceKind::Country, "KP"),
        ],
        &[],
    );
    assert!(!ds.events.is_empty(), "the launch is an event");
    assert!(
        ds.events
            .iter()
            .all(|e| place_name(&ds, e).as_deref() != Some("WASHINGTON")),
        "{:#?}",
        ds.events
    );

    // A blank first line and wide characters right after the dateline never panic.
    let text =
        "\n\nCOLUMBUS, Ohio (AP) — Élodie Müller’s team arrested nobody — café owners protested.";
    let ds = run(
        text,
        Some("2018-03-31"),
        &[("COLUMBUS", PlaceKind::City, "US")],
        &[],
    );
    assert!(ds.validate().is_empty());
}

/// A wire story end to end with the embedded gazetteer: a name suffix, a lower-case ministry,
/// a noun that is only the object of "condemned", "threatened" meaning endangered, a place in
/// a participle clause, and a group of people who act without being a named party.
#[test]
fn wire_story_events_read_as_an_analyst_would() {
    let text = "MANILA (AP) — Philippine President Ferdinand Marcos Jr. and Japanese Prime Minister \
Fumio Kishida signed a reciprocal access agreement in Manila on Monday.\n\
China's foreign ministry condemned the agreement on Tuesday, saying it threatened regional \
stability.\n\
Local fishermen protested outside the presidential palace, demanding more protection in the \
South China Sea.";
    let input = ArticleInput {
        title: Some("Pact".into()),
        ..ArticleInput::new(text)
    }
    .published(date("2024-07-09"));
    let ds = extract(&input, Gazetteer::embedded());
    assert_eq!(ds.validate(), vec![]);
    let titles: Vec<&str> = ds.events.iter().map(|e| e.title.as_str()).collect();
    let pact = events_of(&ds, EventKind::Agree);
    assert_eq!(
        pact.len(),
        1,
        "only the signing is an agreement: {titles:?}"
    );
    assert_eq!(
        pact[0].title,
        "Marcos and Kishida sign an agreement in Manila"
    );
    assert_eq!(range(&pact[0].date), "2024-07-08..2024-07-08");
    assert!(events_of(&ds, EventKind::Threaten).is_empty(), "{titles:?}");
    let condemn = events_of(&ds, EventKind::Accuse);
    assert_eq!(condemn.len(), 1, "{titles:?}");
    assert!(
        condemn[0]
            .title
            .starts_with("Ministry of Foreign Affairs of China condemns"),
        "{}",
        condemn[0].title
    );
    assert_eq!(range(&condemn[0].date), "2024-07-09..2024-07-09");
    // Beijing's ministry did not condemn it in Manila: no dateline place for it, only its own
    // country, approximately.
    assert_eq!(place_name(&ds, condemn[0]).as_deref(), Some("China"));
    assert_eq!(condemn[0].geo_precision, Some(3));
    let protest = events_of(&ds, EventKind::Protest);
    assert_eq!(protest.len(), 1, "{titles:?}");
    assert_eq!(protest[0].title, "Local fishermen protest");
    assert_eq!(place_name(&ds, protest[0]).as_deref(), Some("Manila"));
    assert_eq!(protest[0].geo_precision, Some(3));
}

/// Passive voice: the subject is what was done to; the agent follows "by" or goes unnamed.
#[test]
fn passive_events_name_who_it_was_done_to() {
    let text = "Senator Chris Jacobs was sentenced to 31 years in prison on Friday.\n\
Mayor Ana Ruiz has been arrested and charged with fraud.\n\
Governor Tom Reyes was detained by Chilean police on Monday.";
    let input = ArticleInput {
        title: Some("Courts".into()),
        ..ArticleInput::new(text)
    }
    .published(date("2023-03-10"));
    let ds = extract(&input, Gazetteer::embedded());
    assert_eq!(ds.validate(), vec![]);
    let titles: Vec<&str> = ds.events.iter().map(|e| e.title.as_str()).collect();
    assert!(titles.contains(&"Jacobs sentenced"), "{titles:?}");
    assert!(titles.contains(&"Ruiz arrested"), "{titles:?}");
    assert!(titles.contains(&"Ruiz charged"), "{titles:?}");
    // With an agent the title is active again, the subject as its object.
    assert!(
        titles
            .iter()
            .any(|t| t.ends_with("detain Reyes") || t.ends_with("detains Reyes")),
        "{titles:?}"
    );
    assert!(
        !titles
            .iter()
            .any(|t| t.starts_with("Jacobs sentences") || t.starts_with("Ruiz charges")),
        "{titles:?}"
    );
}

/// Local-news offices are titles too: sheriffs, detectives, professors, councillors.
#[test]
fn local_offices_are_titles() {
    let text = "Sheriff Tom Brady said deputies found the car on Monday.\n\
\"We are still looking,\" Brady said.\n\
Professor Ana Ruiz and Councillor Lee Wong spoke at the meeting.";
    let ds = run(text, Some("2023-01-02"), &[], &[]);
    let role = |name: &str| {
        ds.parties
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.role.clone())
    };
    assert_eq!(role("Tom Brady").as_deref(), Some("Sheriff"));
    assert_eq!(role("Ana Ruiz").as_deref(), Some("Professor"));
    assert_eq!(role("Lee Wong").as_deref(), Some("Councillor"));
    assert_eq!(
        speaker_name(&ds, "We are still looking,").as_deref(),
        Some("Tom Brady")
    );
}
