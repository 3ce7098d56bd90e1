//! Properties that hold for every input, checked with proptest: every span of an extracted
//! dataset lies on character boundaries and a quote's text equals its span's; a dataset makes
//! the round trip through save and load unchanged.

#[path = "../tools/fuzz/targets.rs"]
#[allow(dead_code)]
mod targets;

use newsmap::geodata::gazetteer::Gazetteer;
use newsmap::model::{ArticleInput, Dataset, TextFormat};
use proptest::prelude::*;

/// Words that make the stages fire (places, titles, names, dates, speech verbs, quotation
/// marks) and characters that make offsets hard (multi-byte letters, combining marks, emoji,
/// line breaks, a byte-order mark).
const PIECES: &[&str] = &[
    "Seoul",
    "Tokyo",
    "Phnom Penh",
    "Paris, Texas",
    "Georgia",
    "North Korea",
    "South Korean",
    "President",
    "Prime Minister",
    "Fumio Kishida",
    "Yoon Suk-yeol",
    "said",
    "told reporters",
    "met",
    "launched",
    "a missile",
    "on Sunday",
    "on 13 November",
    "last week",
    "in",
    "and",
    "the",
    ".",
    ",",
    " — ",
    "“",
    "”",
    "\"",
    "‘",
    "’",
    "'",
    "(",
    ")",
    "\n",
    "\n\n",
    " ",
    "  ",
    "é",
    "e\u{301}",
    "서울",
    "東京",
    "🚀",
    "\u{feff}",
    "\t",
    "# ",
    "*",
    "[x](y)",
    "AP",
    "—",
];

fn article() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..120).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn every_extracted_span_is_on_character_boundaries_and_quotes_equal_their_text(
        text in article(),
        markdown in any::<bool>(),
    ) {
        let input = ArticleInput {
            text,
            format: if markdown { TextFormat::Markdown } else { TextFormat::Plain },
            published: newsmap::model::parse_day("2022-11-13").ok(),
            ..Default::default()
        };
        let ds = newsmap::extract::extract(&input, Gazetteer::embedded());
        prop_assert!(ds.validate().is_empty(), "{:?}", ds.validate());
        targets::check_spans(&ds);
    }

    #[test]
    fn a_dataset_round_trips_through_save_and_load(
        text in article(),
        title in any::<String>(),
        source in any::<String>(),
        names in prop::collection::vec(any::<String>(), 0..4),
    ) {
        let mut input = ArticleInput::new(text.clone());
        input.title = Some(title).filter(|t| !t.trim().is_empty());
        input.source = Some(source);
        let mut ds = newsmap::extract::extract(&input, Gazetteer::embedded());
        // Arbitrary Unicode where the format allows any string.
        for (p, name) in ds.parties.iter_mut().zip(&names) {
            p.name = name.clone();
        }
        for (e, name) in ds.events.iter_mut().zip(&names) {
            e.title = name.clone();
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("round.json");
        ds.save(&path).unwrap();
        let again = Dataset::load(&path).unwrap_or_else(|e| panic!("{e}"));
        prop_assert_eq!(again, ds);
    }
}

#[test]
fn the_strategy_reaches_quotes_places_and_events() {
    // Guard against a strategy that never exercises the interesting paths.
    let text = "Prime Minister Fumio Kishida met Yoon Suk-yeol in Phnom Penh on Sunday . “ We agreed , ” Kishida told reporters .";
    let ds = newsmap::extract::extract(&ArticleInput::new(text), Gazetteer::embedded());
    assert!(!ds.quotes.is_empty() && !ds.places.is_empty() && !ds.events.is_empty());
}
