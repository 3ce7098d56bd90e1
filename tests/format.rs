//! The newsmap/1 format: round trips, span fidelity, and a clear message for every kind of bad input.

use std::path::{Path, PathBuf};

use newsmap::library::{LoadedDataset, SEED_TEXT};
use newsmap::model::{Dataset, LoadError};

fn seed_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/seed.json")
}

fn seed() -> Dataset {
    Dataset::load(&seed_path()).unwrap_or_else(|e| panic!("seed dataset must load:\n{e}"))
}

/// A small valid dataset as JSON, to break in one place per test.
fn small() -> serde_json::Value {
    serde_json::json!({
        "format": "newsmap/1",
        "articles": [{"id": "a1", "title": "T", "source": "S", "published": "2022-11-13",
                      "text": "Kishida met Yoon in Cambodia. “Good talks,” he said — résumé."}],
        "places": [{"id": "p1", "name": "Cambodia", "kind": "country", "lat": 12.6, "lon": 104.5,
                    "mentions": [{"article": "a1", "start": 20, "end": 28}]}],
        "parties": [{"id": "k", "name": "Fumio Kishida", "kind": "person", "country": "JP",
                     "mentions": [{"article": "a1", "start": 0, "end": 7}]}],
        "quotes": [{"id": "q1", "article": "a1", "speaker": "k", "text": "Good talks,", "start": 33, "end": 44}],
        "events": [{"id": "e1", "article": "a1", "kind": "CONSULT", "title": "Kishida meets Yoon",
                    "date": {"start": "2022-11-13", "end": "2022-11-13"}, "place": "p1",
                    "parties": ["k"], "quotes": ["q1"], "evidence": [{"start": 0, "end": 29}]}]
    })
}

fn load_value(v: &serde_json::Value) -> Result<Dataset, LoadError> {
    Dataset::from_json_bytes(v.to_string().as_bytes(), "data/x.json", None)
}

fn error_of(v: &serde_json::Value) -> String {
    match load_value(v) {
        Ok(_) => panic!("expected an error for {v}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn small_fixture_is_valid() {
    let ds = load_value(&small()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(ds.quotes[0].text, "Good talks,");
}

#[test]
fn seed_round_trips_through_save_and_load() {
    let ds = seed();
    let dir = tempfile::tempdir().unwrap();
    // Saved elsewhere, the article's text_path no longer resolves, so the text goes inline.
    let out = dir.path().join("copy.json");
    ds.save(&out).unwrap();
    let again = Dataset::load(&out).unwrap_or_else(|e| panic!("{e}"));
    let mut expected = ds.clone();
    for a in &mut expected.articles {
        a.text_path = None;
    }
    assert_eq!(again, expected);
    // Saving that again gives byte-identical output.
    let out2 = dir.path().join("copy2.json");
    again.save(&out2).unwrap();
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        std::fs::read_to_string(&out2).unwrap()
    );
    // Saved beside the original, text_path survives.
    let beside = seed_path().with_file_name(".roundtrip-test.json");
    ds.save(&beside).unwrap();
    let kept = Dataset::load(&beside);
    std::fs::remove_file(&beside).unwrap();
    let kept = kept.unwrap();
    assert_eq!(kept, ds);
    assert!(kept.articles[0].text_path.is_some());
}

#[test]
fn seed_spans_match_the_article_text() {
    let ds = seed();
    let text = ds.articles[0].body();
    assert_eq!(
        text, SEED_TEXT,
        "the embedded seed text is the file the dataset names"
    );
    for q in &ds.quotes {
        assert_eq!(&text[q.start..q.end], q.text, "quote {}", q.id);
    }
    for p in &ds.places {
        for m in &p.mentions {
            let s = &text[m.start..m.end];
            // A place mention names the place (or one of its short forms such as "the two Koreas").
            assert!(
                !s.trim().is_empty() && !s.ends_with("’s"),
                "place {} mention {s:?}",
                p.id
            );
        }
    }
    for e in &ds.events {
        assert!(!e.evidence.is_empty(), "event {} has no evidence", e.id);
        for ev in &e.evidence {
            assert!(text.is_char_boundary(ev.start) && text.is_char_boundary(ev.end));
        }
    }
    let kishida = ds
        .parties
        .iter()
        .find(|p| p.name.contains("Kishida"))
        .expect("Kishida");
    assert!(
        kishida
            .mentions
            .iter()
            .any(|m| &text[m.start..m.end] == "Kishida")
    );
}

#[test]
fn seed_has_what_the_issue_asks_for() {
    let ds = seed();
    let ev = |needle: &str| {
        ds.events
            .iter()
            .find(|e| e.title.contains(needle))
            .unwrap_or_else(|| panic!("no event titled like {needle:?}"))
    };
    let summit = ev("summit");
    assert_eq!(summit.date.as_ref().unwrap().label(), "13 Nov 2022");
    assert_eq!(summit.place.as_deref(), Some("phnom-penh"));
    let trilateral = ev("trilateral");
    assert_eq!(trilateral.date.as_ref().unwrap().label(), "13 Nov 2022");
    let nll = ds
        .events
        .iter()
        .find(|e| e.place.as_deref() == Some("nll"))
        .expect("an event on the NLL");
    let d = nll.date.as_ref().unwrap();
    assert!(
        d.start.is_none(),
        "the text does not date the missile landing: no invented start"
    );
    assert_eq!(d.label(), "before 13 Nov 2022");
    let colonial = ds
        .events
        .iter()
        .find(|e| e.date.as_ref().is_some_and(|d| d.label() == "1910–1945"))
        .expect("colonial rule");
    assert_eq!(colonial.place.as_deref(), Some("korean-peninsula"));
    assert!(
        ds.events
            .iter()
            .any(|e| e.date.as_ref().is_some_and(|d| d.label() == "1965"))
    );
    let nll_place = ds.places.iter().find(|p| p.id == "nll").unwrap();
    assert!(
        nll_place.geometry.is_some(),
        "the Northern Limit Line is drawn as a line"
    );
}

#[test]
fn embedded_seed_equals_the_file() {
    assert_eq!(LoadedDataset::embedded_seed().data, seed());
}

#[test]
fn empty_file_is_reported() {
    let e = Dataset::from_json_bytes(b"  \n", "data/x.json", None)
        .unwrap_err()
        .to_string();
    assert_eq!(
        e,
        "data/x.json: is empty (expected a newsmap/1 JSON dataset)"
    );
}

#[test]
fn truncated_json_is_reported_with_position() {
    let full = small().to_string();
    let e = Dataset::from_json_bytes(&full.as_bytes()[..full.len() / 2], "data/x.json", None)
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("data/x.json: line 1 column"), "{e}");
    assert!(e.contains("truncated"), "{e}");
}

#[test]
fn wrong_type_names_the_json_path() {
    let mut v = small();
    v["events"][0]["parties"] = serde_json::json!("k");
    let e = error_of(&v);
    assert!(e.starts_with("data/x.json: events[0].parties "), "{e}");
    assert!(e.contains("invalid type"), "{e}");
}

#[test]
fn unknown_format_version_is_refused() {
    let mut v = small();
    v["format"] = serde_json::json!("newsmap/2");
    assert_eq!(
        error_of(&v),
        "data/x.json: format \"newsmap/2\" is not a version this newsmap reads (it reads \"newsmap/1\")"
    );
    v.as_object_mut().unwrap().remove("format");
    assert_eq!(
        error_of(&v),
        "data/x.json: format is missing (expected \"newsmap/1\")"
    );
}

#[test]
fn dangling_id_is_named() {
    let mut v = small();
    v["events"][0]["place"] = serde_json::json!("p9");
    assert_eq!(
        error_of(&v),
        "data/x.json: events[0].place \"p9\" is not a place id"
    );
    let mut v = small();
    v["quotes"][0]["speaker"] = serde_json::json!("nobody");
    assert_eq!(
        error_of(&v),
        "data/x.json: quotes[0].speaker \"nobody\" is not a party id"
    );
}

#[test]
fn offsets_outside_the_text_or_inside_a_character_are_refused() {
    let mut v = small();
    v["places"][0]["mentions"][0]["end"] = serde_json::json!(5000);
    let e = error_of(&v);
    assert!(
        e.starts_with("data/x.json: places[0].mentions[0].end 5000 is outside the article text ("),
        "{e}"
    );
    // Byte 31 is inside the 3-byte opening quotation mark “ (bytes 30..33).
    let mut v = small();
    v["events"][0]["evidence"][0]["end"] = serde_json::json!(31);
    let e = error_of(&v);
    assert!(
        e.starts_with("data/x.json: events[0].evidence[0].end 31 is inside a character"),
        "{e}"
    );
    let mut v = small();
    v["quotes"][0]["start"] = serde_json::json!(32);
    assert_eq!(
        error_of(&v),
        "data/x.json: quotes[0].start 32 is inside a character (offsets are UTF-8 bytes; the text has a multi-byte character there)"
    );
}

#[test]
fn latitude_out_of_range_and_nan_are_refused() {
    let mut v = small();
    v["places"][0]["lat"] = serde_json::json!(91);
    assert_eq!(
        error_of(&v),
        "data/x.json: places[0].lat 91 is outside [-90, 90]"
    );
    // JSON has no NaN; a file that writes one is a syntax error with a position.
    let text = small().to_string().replace("12.6", "NaN");
    let e = Dataset::from_json_bytes(text.as_bytes(), "data/x.json", None)
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("data/x.json: line 1 column"), "{e}");
    // A dataset built in code with NaN is caught by validation.
    let mut ds = load_value(&small()).unwrap();
    ds.places[0].lon = f64::NAN;
    let problems = ds.validate();
    assert_eq!(problems[0].to_string(), "places[0].lon NaN is not a number");
}

#[test]
fn quote_text_must_match_its_span() {
    let mut v = small();
    v["quotes"][0]["text"] = serde_json::json!("Bad talks,");
    let e = error_of(&v);
    assert!(
        e.contains("quotes[0].text does not match the article text at 33..44 (\"Good talks,\")"),
        "{e}"
    );
}

#[test]
fn impossible_dates_are_refused() {
    let mut v = small();
    v["events"][0]["date"]["start"] = serde_json::json!("2022-02-30");
    let e = error_of(&v);
    assert!(e.starts_with("data/x.json: events[0].date.start "), "{e}");
    assert!(
        e.contains("is not a real date: February 2022 has 28 days"),
        "{e}"
    );
    let mut v = small();
    v["events"][0]["date"] = serde_json::json!({"start": "2023", "end": "2022"});
    assert_eq!(
        error_of(&v),
        "data/x.json: events[0].date.start 2023 is after end 2022"
    );
}

#[test]
fn unknown_fields_are_refused_not_dropped() {
    let mut v = small();
    v["events"][0]["evidnce"] = serde_json::json!([]);
    let e = error_of(&v);
    assert!(
        e.contains("events[0]") && e.contains("unknown field `evidnce`"),
        "{e}"
    );
}

#[test]
fn missing_file_and_bad_text_path_are_reported() {
    let e = Dataset::load(Path::new("/nonexistent/x.json"))
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("/nonexistent/x.json: "), "{e}");
    let dir = tempfile::tempdir().unwrap();
    let mut v = small();
    v["articles"][0].as_object_mut().unwrap().remove("text");
    v["articles"][0]["text_path"] = serde_json::json!("missing.txt");
    let p = dir.path().join("d.json");
    std::fs::write(&p, v.to_string()).unwrap();
    let e = Dataset::load(&p).unwrap_err().to_string();
    assert!(
        e.contains("articles[0].text_path \"missing.txt\": cannot read"),
        "{e}"
    );
}

#[test]
fn save_is_atomic_and_leaves_no_temp_files() {
    let ds = load_value(&small()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("out.json");
    ds.save(&p).unwrap();
    ds.save(&p).unwrap();
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("out.json")]);
    // Saving into a directory that does not exist fails cleanly, naming the file.
    let e = ds
        .save(&dir.path().join("no/such/dir/out.json"))
        .unwrap_err()
        .to_string();
    assert!(e.contains("no/such/dir/out.json"), "{e}");
}

#[test]
fn one_bad_file_does_not_stop_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{").unwrap();
    let (lib, errors) = newsmap::library::Library::open(&[bad.clone(), seed_path()]);
    assert_eq!(lib.datasets.len(), 1);
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].starts_with(&bad.display().to_string()),
        "{}",
        errors[0]
    );
}
