//! The user's library in the app: it opens with the seed in it, extracted articles join it,
//! the same event reported by two outlets is shown once with both reports, a wrong join can be
//! split off, and the search box also searches the articles' texts.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use newsmap::jobs::ImportKind;
use newsmap::library::Library;
use newsmap::ui::{Action, NewsmapApp};

/// Steps frames until `done` holds for the app (the library works on its own thread).
fn wait(h: &mut Harness<'static, NewsmapApp>, what: &str, done: impl Fn(&NewsmapApp) -> bool) {
    for _ in 0..3000 {
        h.step();
        h.state_mut().poll_imports();
        h.state_mut().poll_library();
        // Settled only once no dataset is still being indexed (its progress line animates).
        if done(h.state()) && !h.state().indexing() {
            h.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("{what} did not happen; errors: {:?}", h.state().errors());
}

fn library_app(dir: &std::path::Path) -> Harness<'static, NewsmapApp> {
    let mut app = NewsmapApp::new(Library::open(&[]).0, Vec::new());
    app.open_library(&dir.join("library.gpkg"));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(|ui, app: &mut NewsmapApp| app.ui(ui), app);
    wait(&mut h, "the library's first load", |a| !a.library_loading());
    h
}

fn library_events(app: &NewsmapApp) -> usize {
    app.library()
        .datasets
        .iter()
        .find(|d| d.name == "Library")
        .map_or(0, |d| d.data.events.len())
}

const FIRST: &str = "North Korea fires missile into sea\n\
North Korea fired a ballistic missile into the sea off its east coast on Monday, South Korea's \
military said. The launch was the third this month.\n";
const SECOND: &str = "Pyongyang launches missile\n\
North Korea launched a ballistic missile toward the sea on Monday, according to Japan's defence \
ministry, which said it fell outside Japan's exclusive economic zone.\n";

fn paste(text: &str) -> Action {
    Action::Import(vec![ImportKind::Text {
        text: text.to_owned(),
        title: None,
        published: Some(jiff::civil::date(2024, 5, 14)),
    }])
}

#[test]
fn the_library_replaces_the_seed_and_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = library_app(dir.path());
    let lib = h.state().library();
    assert_eq!(lib.datasets.len(), 1, "the library took the seed's place");
    assert_eq!(lib.datasets[0].name, "Library");
    let seed_events = library_events(h.state());
    assert!(seed_events > 0);
    h.state_mut().apply(paste(FIRST));
    wait(&mut h, "the article joining the library", |a| {
        library_events(a) > seed_events
    });
    assert!(
        h.state()
            .notices()
            .iter()
            .any(|n| n.contains("added to the library")),
        "{:?}",
        h.state().notices()
    );
    let after = library_events(h.state());
    drop(h);
    // The next start finds the article in the library file.
    let h = library_app(dir.path());
    assert_eq!(library_events(h.state()), after);
}

#[test]
fn one_event_from_two_outlets_lists_both_reports_and_splits() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = library_app(dir.path());
    let seed_events = library_events(h.state());
    h.state_mut().apply(paste(FIRST));
    wait(&mut h, "the first article", |a| {
        library_events(a) > seed_events
    });
    // Launches dated to the Monday: the second outlet's report joins the first's.
    let kind_count = |a: &NewsmapApp, k: newsmap::model::EventKind| {
        a.library()
            .events()
            .filter(|e| {
                e.event.kind == k
                    && e.event
                        .date
                        .as_ref()
                        .and_then(|d| d.start)
                        .map(|d| d.to_string())
                        == Some("2024-05-13".to_owned())
            })
            .count()
    };
    let launches_before = kind_count(h.state(), newsmap::model::EventKind::Mobilize);
    h.state_mut().apply(paste(SECOND));
    // The notice comes when the store has the article; the view is re-indexed after it on a
    // worker, so wait for the joined event itself (waiting on the notice alone raced).
    wait(&mut h, "the second article", |a| {
        a.notices()
            .iter()
            .filter(|n| n.contains("added to the library"))
            .count()
            == 2
            && a.library().events().any(|e| e.event.reports.len() >= 2)
    });
    let lib = h.state().library();
    let (key, reports) = lib
        .events()
        .filter(|e| e.event.reports.len() >= 2)
        .map(|e| (e.key, e.event.reports.len()))
        .next()
        .unwrap_or_else(|| panic!("a joined event; notices {:?}", h.state().notices()));
    assert_eq!(reports, 2);
    let id = lib.event(key).unwrap().event.id.clone();
    let kind = lib.event(key).unwrap().event.kind;
    assert_eq!(
        kind_count(h.state(), kind),
        launches_before,
        "no second launch on the map"
    );

    // "2+ sources" shows only joined events.
    h.get_by_label("2+ sources").click();
    h.run();
    assert!(h.state().shown_count() >= 1);
    assert!(h.state().shown_count() < library_events(h.state()));

    let before_split = library_events(h.state());
    h.state_mut().apply(Action::Select(Some(key)));
    h.run();
    h.get_by_label("Reported by 2 sources");
    h.get_by_label("Split off report 2");
    let article = h.state().library().event(key).unwrap().event.reports[1]
        .article
        .clone();
    h.state_mut().apply(Action::SplitReport {
        event: key,
        article,
    });
    wait(&mut h, "the split", |a| {
        library_events(a) == before_split + 1
    });
    let after: Vec<String> = h
        .state()
        .library()
        .events()
        .filter(|e| e.event.id == id)
        .map(|e| format!("{} {:?}", e.event.title, e.event.reports))
        .collect();
    assert_eq!(after.len(), 1);
    assert!(
        !after[0].contains("merged: Some"),
        "the join is undone: {after:?}"
    );
}

#[test]
fn search_finds_words_only_the_article_text_holds() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = library_app(dir.path());
    let seed_events = library_events(h.state());
    h.state_mut().apply(paste(FIRST));
    wait(&mut h, "the article", |a| library_events(a) > seed_events);
    // "third" is in the article's text, in no title, quote or party name.
    h.state_mut().apply(Action::SetText("third".into()));
    wait(&mut h, "the full-text answer", |a| a.shown_count() > 0);
    let shown = h.state().shown_count();
    assert!(shown < library_events(h.state()), "{shown}");
}

#[test]
fn following_a_feed_checks_the_address_first() {
    use egui::accesskit::Role;
    let dir = tempfile::tempdir().unwrap();
    let mut h = library_app(dir.path());
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Follow feed…").click();
    h.run();
    let field = "Address of an RSS, Atom or JSON feed (http or https)";
    h.get_by_role_and_label(Role::TextInput, field).click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, field)
        .type_text("ftp://example.org/feed.xml");
    h.run();
    h.get_by_label("Follow").click();
    h.run();
    assert!(h.state().followed_feeds().is_empty());
    // The form stays open with the reason.
    h.get_by_role_and_label(Role::TextInput, field);
    assert!(h.query_by_label_contains("ftp").is_some());
}
