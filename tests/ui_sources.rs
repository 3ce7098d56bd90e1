//! The Sources tab through the accessibility tree: outlets with their counts, filtering the map
//! by outlet (which persists like the other filters), and clicking an article to see its events
//! and its text.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use newsmap::library::{Library, LoadedDataset};
use newsmap::model::Dataset;
use newsmap::ui::{NewsmapApp, SideTab};

/// Four outlets: Reuters and Yonhap report the same launch (one event, two reports), Yonhap
/// also a meeting, Daily Example reprinted Reuters' story (a syndicated copy), and one article
/// names no outlet.
fn corpus() -> Dataset {
    let json = serde_json::json!({
        "format": "newsmap/1",
        "articles": [
            {"id": "a1", "title": "Missile launched", "source": "Reuters",
             "published": "2024-05-13", "text": "North Korea fired a missile on Monday."},
            {"id": "a2", "title": "Pyongyang fires missile", "source": "Yonhap",
             "published": "2024-05-13", "text": "North Korea launched a missile toward the sea on Monday."},
            {"id": "a3", "title": "Ministers meet in Seoul", "source": "Yonhap",
             "published": "2024-06-01", "text": "The ministers met in Seoul on Saturday."},
            {"id": "a4", "title": "Missile launched (wire)", "source": "Daily Example",
             "published": "2024-05-14", "text": "North Korea fired a missile on Monday.",
             "syndicates": "a1"},
            {"id": "a5", "title": "Untitled notes", "source": "", "text": "Talks were held in Busan."}
        ],
        "places": [
            {"id": "p1", "name": "Seoul", "kind": "city", "lat": 37.56, "lon": 126.97},
            {"id": "p2", "name": "Busan", "kind": "city", "lat": 35.18, "lon": 129.07}
        ],
        "events": [
            {"id": "e1", "sources": ["a1", "a2"], "kind": "MOBILIZE",
             "title": "North Korea fires a missile",
             "date": {"start": "2024-05-13", "end": "2024-05-13"}, "place": "p1",
             "evidence": [{"start": 0, "end": 10}],
             "reports": [{"article": "a1", "title": "fires a missile"},
                         {"article": "a2", "title": "launches a missile", "merged": "same day"}]},
            {"id": "e2", "article": "a3", "kind": "CONSULT", "title": "Ministers meet",
             "date": {"start": "2024-06-01", "end": "2024-06-01"}, "place": "p1",
             "evidence": [{"start": 0, "end": 10}]},
            {"id": "e3", "article": "a5", "kind": "CONSULT", "title": "Talks in Busan",
             "date": {"start": "2020-01-01", "end": "2020-01-01"}, "place": "p2",
             "evidence": [{"start": 0, "end": 5}]}
        ]
    });
    Dataset::from_json_bytes(json.to_string().as_bytes(), "corpus.json", None)
        .unwrap_or_else(|e| panic!("{e}"))
}

fn app() -> NewsmapApp {
    NewsmapApp::new(
        Library::new(vec![LoadedDataset::new("corpus", None, corpus())]),
        Vec::new(),
    )
}

fn harness_on(app: NewsmapApp) -> Harness<'static, NewsmapApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(|ui, app: &mut NewsmapApp| app.ui(ui), app);
    h.run();
    h
}

/// The app with the Sources tab open.
fn sources() -> Harness<'static, NewsmapApp> {
    let mut h = harness_on(app());
    h.get_by_label("Sources").click();
    h.run();
    assert_eq!(h.state().saved_state().side_tab, SideTab::Sources);
    h
}

#[test]
fn the_sources_tab_lists_outlets_with_their_counts() {
    let h = sources();
    h.get_by_label("4 outlets · 5 articles");
    for outlet in ["Reuters", "Yonhap", "Daily Example", "Outlet not named"] {
        h.get_by_role_and_label(Role::CheckBox, outlet);
    }
    // Yonhap's two articles report two events; the copy is counted as such.
    h.get_by_label("Show the 2 articles of Yonhap");
    h.get_by_label("2 events");
    h.get_by_label("1 event · 1 syndicated copy");
    // With more than three outlets, articles wait for a click.
    assert!(
        h.query_by_label_contains("Ministers meet in Seoul")
            .is_none()
    );
}

#[test]
fn an_outlets_articles_are_listed_newest_first_and_a_copy_says_so() {
    let mut h = sources();
    h.get_by_label("Show the 2 articles of Yonhap").click();
    h.run();
    let newer = h.get_by_label("Ministers meet in Seoul — 1 Jun 2024 — 1 event");
    let older = h.get_by_label("Pyongyang fires missile — 13 May 2024 — 1 event");
    let (newer_y, older_y) = (newer.rect().min.y, older.rect().min.y);
    assert!(newer_y < older_y, "newest first: {newer_y} vs {older_y}");
    h.get_by_label("Hide the articles of Yonhap");
    h.get_by_label("Show the 1 article of Daily Example")
        .click();
    h.run();
    h.get_by_label(
        "Missile launched (wire) — 14 May 2024 — 1 event — syndicated copy of “Missile launched” (Reuters)",
    );
}

#[test]
fn ticking_outlets_filters_the_map_and_the_chip_removes_it() {
    let mut h = sources();
    assert_eq!(h.state().shown_count(), 3);
    h.get_by_label("3 of 3 events");
    h.get_by_role_and_label(Role::CheckBox, "Reuters").click();
    h.run();
    assert_eq!(h.state().shown_count(), 1);
    h.get_by_label("1 of 3 events");
    // The other outlets' events leave the map.
    assert!(h.query_by_label("Talks in Busan — 1 Jan 2020").is_none());
    h.get_by_role_and_label(Role::CheckBox, "Outlet not named")
        .click();
    h.run();
    assert_eq!(h.state().shown_count(), 2);
    h.get_by_label("Talks in Busan — 1 Jan 2020");
    // Each outlet has its own chip in the top bar; removing one keeps the other.
    h.get_by_label("Outlet: Reuters  ×").click();
    h.run();
    assert_eq!(h.state().shown_count(), 1);
    assert!(h.query_by_label("Outlet: Reuters  ×").is_none());
    assert_eq!(
        h.state().filter().outlets.iter().collect::<Vec<_>>(),
        [""],
        "the unnamed outlet stays"
    );
    h.get_by_label("Show all outlets").click();
    h.run();
    assert_eq!(h.state().shown_count(), 3);
}

#[test]
fn the_outlet_filter_comes_back_with_the_session() {
    let mut h = sources();
    h.get_by_role_and_label(Role::CheckBox, "Yonhap").click();
    h.run();
    assert_eq!(h.state().shown_count(), 2);
    let saved = h.state().saved_state();
    // Through the session's JSON, as the next start reads it.
    let json = serde_json::to_string(&saved).unwrap();
    let mut next = app();
    next.restore(serde_json::from_str(&json).unwrap());
    let h = harness_on(next);
    assert_eq!(h.state().shown_count(), 2);
    h.get_by_label("Outlet: Yonhap  ×");
    h.get_by_role_and_label(Role::CheckBox, "Yonhap");
}

#[test]
fn clicking_an_article_shows_its_events_and_its_text() {
    let mut h = sources();
    h.get_by_label("Show the 1 article of Outlet not named")
        .click();
    h.run();
    assert!(h.state().source().is_none());
    h.get_by_label("Untitled notes — no date — 1 event").click();
    h.run();
    // Its text is open in the source window.
    let source = h.state().source().expect("the article's text is open");
    assert_eq!((source.dataset, source.article.as_str()), (0, "a5"));
    assert!(
        h.query_by_label_contains("Talks were held in Busan")
            .is_some()
    );
    // Only its event is on the map, and the map went to it.
    assert_eq!(h.state().shown_count(), 1);
    h.get_by_label("Talks in Busan — 1 Jan 2020");
    assert!(
        h.query_by_label("Ministers meet — 1 Jun 2024").is_none(),
        "another article's event left the map"
    );
    // The map went to it, beside the text's window rather than under it.
    let [_, lat] = h.state().map().center_lonlat().expect("a map view");
    assert!((lat - 35.18).abs() < 0.5, "the map is on Busan: {lat}");
    let marker = h.get_by_label("Talks in Busan — 1 Jan 2020").rect();
    let window = h.get_by_label("Source text").rect();
    assert!(
        !marker.intersects(window) && marker.left() > window.right(),
        "the marker {marker:?} is beside the window {window:?}"
    );
    // The chip in the top bar brings every article back.
    h.get_by_label("Article: Untitled notes  ×").click();
    h.run();
    assert_eq!(h.state().shown_count(), 3);
}

#[test]
fn clicking_a_syndicated_copy_shows_the_originals_events() {
    let mut h = sources();
    h.get_by_label("Show the 1 article of Daily Example")
        .click();
    h.run();
    h.get_by_label_contains("Missile launched (wire)").click();
    h.run();
    assert_eq!(h.state().source().map(|s| s.article.as_str()), Some("a4"));
    assert_eq!(h.state().shown_count(), 1);
    // Its marker is the launch's, which two outlets reported.
    let marker = "North Korea fires a missile — 13 May 2024 — reported by 2 sources";
    h.get_by_label(marker);
    // Selecting the event on the map shows its details on the Events tab.
    h.get_by_label(marker).click();
    h.run();
    assert_eq!(h.state().saved_state().side_tab, SideTab::Events);
    h.get_by_label("Reported by 2 sources");
}
