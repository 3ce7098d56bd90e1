//! Opening articles from the app: extraction runs off the UI thread, results join the map,
//! errors are shown and nothing already loaded is lost.

mod common;
use common::harness;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use newsmap::jobs::ImportKind;
use newsmap::ui::{Action, NewsmapApp};

/// Steps frames until the background import finishes.
fn wait_for_import(h: &mut Harness<'static, NewsmapApp>) {
    for _ in 0..1000 {
        h.step();
        if !h.state().is_importing() {
            h.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the import did not finish");
}

const ARTICLE: &str = "Leaders meet in Hanoi\n\
Vietnamese Prime Minister Pham Minh Chinh met Indonesian President Joko Widodo in Hanoi on Monday. \
The two leaders agreed to expand maritime cooperation in the South China Sea.\n\
“We will work together for peace and stability in the region,” Chinh told reporters.\n";

#[test]
fn pasted_text_is_extracted_in_the_background_and_mapped() {
    let mut h = harness();
    let before = h.state().library().event_count();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Paste text…").click();
    h.run();
    h.get_by_role_and_label(
        Role::TextInput,
        "Published (YYYY-MM-DD, optional: relative dates like “on Sunday” need it)",
    )
    .click();
    h.run();
    h.get_by_role_and_label(
        Role::TextInput,
        "Published (YYYY-MM-DD, optional: relative dates like “on Sunday” need it)",
    )
    .type_text("2023-09-05");
    h.run();
    h.get_by_role_and_label(Role::MultilineTextInput, "Article text")
        .click();
    h.run();
    h.get_by_role_and_label(Role::MultilineTextInput, "Article text")
        .type_text(ARTICLE);
    h.run();
    h.get_by_label("Extract events").click();
    wait_for_import(&mut h);
    let lib = h.state().library();
    assert_eq!(lib.datasets.len(), 2, "errors: {:?}", h.state().errors());
    assert!(lib.event_count() > before);
    let new = &lib.datasets[1];
    assert!(
        new.data
            .events
            .iter()
            .all(|e| e.extracted && e.confidence.is_some())
    );
    let meeting = new
        .data
        .events
        .iter()
        .find(|e| e.place.is_some())
        .expect("an event placed on the map");
    let key = newsmap::index::EventKey {
        dataset: 1,
        event: new
            .data
            .events
            .iter()
            .position(|e| e.id == meeting.id)
            .unwrap() as u32,
    };
    let label = lib.event(key).unwrap().marker_label();
    assert!(
        h.query_by_label(&label).is_some(),
        "the new event has a marker: {label}"
    );
    assert!(
        h.query_by_label_contains("extracted, check them against the source")
            .is_some()
    );
    // The seed's events are all still there.
    assert_eq!(h.state().library().datasets[0].data.events.len(), before);
}

#[test]
fn a_bad_article_file_is_reported_and_nothing_is_lost() {
    let mut h = harness();
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let binary = dir.path().join("photo.txt");
    std::fs::write(&binary, [0u8, 159, 146, 150, 0, 0, 1, 2, 255]).unwrap();
    let good = dir.path().join("good.md");
    std::fs::write(&good, ARTICLE).unwrap();
    h.state_mut().apply(Action::Import(vec![
        ImportKind::Article(empty.clone()),
        ImportKind::Article(binary.clone()),
        ImportKind::Article(good),
    ]));
    wait_for_import(&mut h);
    let errors = h.state().errors().to_vec();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors[0].contains("empty.txt"), "{}", errors[0]);
    assert!(errors[1].contains("photo.txt"), "{}", errors[1]);
    assert_eq!(
        h.state().library().datasets.len(),
        2,
        "the seed and the good file"
    );
    assert!(
        h.query_by_label("2 problems in 2 messages").is_some(),
        "the header counts problems"
    );
}

#[test]
fn open_dataset_and_save_round_trip() {
    let mut h = harness();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("seed-copy.json");
    h.state_mut().apply(Action::SaveDataset(0, out.clone()));
    h.run();
    assert!(h.state().errors().is_empty(), "{:?}", h.state().errors());
    h.state_mut()
        .apply(Action::Import(vec![ImportKind::for_path(out)]));
    wait_for_import(&mut h);
    assert_eq!(h.state().library().datasets.len(), 2);
    assert_eq!(
        h.state().library().datasets[1].data.events.len(),
        h.state().library().datasets[0].data.events.len()
    );
}

#[test]
fn ctrl_o_opens_the_article_dialog() {
    let mut h = harness();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    h.run();
    assert!(h.query_by_label("Open article").is_some());
    assert!(h.query_by_role_and_label(Role::TextInput, "File").is_some());
}

/// Serves `body` for /ok, never answers /hang, and 500 for anything else, on 127.0.0.1.
fn web_server(body: &'static str) -> String {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut s) = stream else { continue };
            std::thread::spawn(move || {
                let mut buf = [0u8; 4096];
                let n = s.read(&mut buf).unwrap_or(0);
                let head = String::from_utf8_lossy(&buf[..n]).to_string();
                if head.starts_with("GET /hang ") {
                    std::thread::sleep(std::time::Duration::from_secs(30));
                    return;
                }
                let resp = if head.starts_with("GET /ok ") {
                    format!(
                        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                        body.len()
                    )
                } else {
                    "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_owned()
                };
                let _ = s.write_all(resp.as_bytes());
            });
        }
    });
    format!("http://{addr}")
}

#[test]
fn urls_import_in_the_background_with_errors_named_and_cancel() {
    let base = web_server(
        "<html><head><title>Talks in Hanoi</title><meta property=\"article:published_time\" content=\"2023-09-05T08:00:00Z\"></head>\
         <body><article><p>Vietnamese Prime Minister Pham Minh Chinh met Indonesian President Joko Widodo in Hanoi on Monday.</p>\
         <p>The two leaders agreed to expand maritime cooperation, officials said.</p></article></body></html>",
    );
    let mut h = harness();
    let broken = format!("{base}/broken");
    h.state_mut().apply(Action::Import(vec![
        ImportKind::Url(broken.clone()),
        ImportKind::Url(format!("{base}/ok")),
    ]));
    // The window keeps drawing while the worker fetches.
    h.step();
    assert!(h.state().is_importing());
    assert!(
        h.query_by_label("Cancel").is_some(),
        "progress with a Cancel button"
    );
    wait_for_import(&mut h);
    let errors = h.state().errors().to_vec();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with(&broken) && errors[0].contains("500"),
        "{}",
        errors[0]
    );
    let lib = h.state().library();
    assert_eq!(lib.datasets.len(), 2);
    let a = &lib.datasets[1].data.articles[0];
    assert_eq!(
        a.published.map(|d| d.to_string()).as_deref(),
        Some("2023-09-05")
    );
    assert!(!lib.datasets[1].data.events.is_empty());

    // A server that never answers: Cancel ends the wait at once, and nothing is lost.
    h.state_mut()
        .apply(Action::Import(vec![ImportKind::Url(format!(
            "{base}/hang"
        ))]));
    h.step();
    h.get_by_label("Cancel").click();
    let started = std::time::Instant::now();
    wait_for_import(&mut h);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(10),
        "cancel took {:?}",
        started.elapsed()
    );
    assert_eq!(h.state().library().datasets.len(), 2);
    assert!(h.query_by_label_contains("Import cancelled").is_some());
}

/// Extracted events come back next session: the app keeps them as a file among its open files;
/// "Close dataset" takes them off the map and out of the next session, and deletes that file.
#[test]
fn extracted_events_are_kept_for_the_next_session_until_closed() {
    let kept = tempfile::tempdir().unwrap();
    let mut h = harness();
    h.state_mut()
        .keep_extracted_in(Some(kept.path().join("extracted")));
    h.state_mut().apply(Action::Import(vec![ImportKind::Text {
        text: ARTICLE.to_owned(),
        title: Some("Leaders meet in Hanoi".to_owned()),
        published: Some(jiff::civil::date(2023, 9, 4)),
    }]));
    wait_for_import(&mut h);
    let app = h.state();
    assert!(app.errors().is_empty(), "{:?}", app.errors());
    let ds = &app.library().datasets[1];
    let file = ds
        .path
        .clone()
        .expect("the extracted dataset was kept as a file");
    assert!(
        file.starts_with(kept.path().join("extracted")),
        "{}",
        file.display()
    );
    let saved = app.saved_state();
    assert!(saved.open_files.contains(&file), "{:?}", saved.open_files);

    // The next session: what main does with the saved open files.
    let (lib, errors) = newsmap::library::Library::open(&saved.open_files);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(lib.datasets[0].data.events, ds.data.events);
    assert!(lib.datasets[0].data.events.iter().all(|e| e.extracted));

    // Select one of its events, then close it from the File menu.
    let key = app
        .library()
        .events()
        .find(|e| e.key.dataset == 1)
        .unwrap()
        .key;
    h.state_mut().apply(Action::Select(Some(key)));
    let seed_events = h.state().library().datasets[0].data.events.len();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Close dataset").click();
    h.run();
    h.get_by_label(&format!("Close {}", ds_name(&h))).click();
    h.run();
    let app = h.state();
    assert_eq!(app.library().datasets.len(), 1);
    assert_eq!(app.library().event_count(), seed_events);
    assert_eq!(
        app.selected(),
        None,
        "the closed dataset's event stays selected"
    );
    assert!(!file.exists(), "the kept file should go with the dataset");
    assert!(!app.saved_state().open_files.contains(&file));
    assert!(
        h.query_all_by_label_contains("Kishida and Yoon hold first formal")
            .next()
            .is_some(),
        "the seed's events stay"
    );
}

/// The name of the second dataset (the extracted one) as the File menu shows it.
fn ds_name(h: &Harness<'static, NewsmapApp>) -> String {
    h.state().library().datasets[1].name.clone()
}

/// Closing a dataset keeps the selection on the same event when it belongs to a later dataset.
#[test]
fn closing_a_dataset_keeps_later_selections_on_their_event() {
    use newsmap::index::EventKey;
    use newsmap::library::{Library, LoadedDataset};
    let seed = LoadedDataset::embedded_seed();
    let copy = |name: &str| LoadedDataset::new(name, None, seed.data.clone());
    let lib = Library::new(vec![seed.clone(), copy("a"), copy("b")]);
    let mut app = NewsmapApp::new(lib, Vec::new());
    let key = EventKey {
        dataset: 2,
        event: 3,
    };
    let title = app.library().event(key).unwrap().event.title.clone();
    app.apply(Action::Select(Some(key)));
    app.apply(Action::CloseDataset(1));
    let names: Vec<&str> = app
        .library()
        .datasets
        .iter()
        .map(|d| d.name.as_str())
        .collect();
    assert_eq!(names[1..], ["b"]);
    let moved = app.selected().expect("still selected");
    assert_eq!(moved.dataset, 1);
    assert_eq!(app.library().event(moved).unwrap().event.title, title);
    app.apply(Action::CloseDataset(1));
    assert_eq!(app.selected(), None);
    assert_eq!(app.shown_count(), seed.data.events.len());
}

#[test]
fn an_extracted_event_explains_itself_and_its_words_open_in_the_source() {
    let mut h = harness();
    h.state_mut().apply(Action::Import(vec![ImportKind::Text {
        text: ARTICLE.to_owned(),
        title: Some("Leaders meet in Hanoi".to_owned()),
        published: Some(jiff::civil::date(2023, 9, 4)),
    }]));
    wait_for_import(&mut h);
    let key = h
        .state()
        .library()
        .events()
        .find(|e| e.key.dataset == 1 && e.event.main)
        .expect("the article's main event")
        .key;
    h.state_mut().apply(Action::Select(Some(key)));
    h.run();
    assert!(h.query_by_label("Why newsmap thinks so").is_some());
    assert!(
        h.query_by_label("the headline and first paragraph report it")
            .is_some()
    );
    // The date's own words are a link too.
    assert!(
        h.query_by_role_and_label(Role::Link, "“on Monday”")
            .is_some()
    );
    // The trigger word is a link to its place in the article, where it is marked as the reason.
    h.get_by_label("“met”").click();
    h.run();
    let src = h.state().source().expect("the source view opened");
    assert_eq!(src.dataset, 1);
    assert!(
        h.query_by_label_contains("Why (what happened): met")
            .is_some(),
        "the source text marks the trigger"
    );
}
