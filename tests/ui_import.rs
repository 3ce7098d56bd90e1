//! Opening articles from the app: extraction runs off the UI thread, results join the map,
//! errors are shown and nothing already loaded is lost.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use newsmap::jobs::ImportKind;
use newsmap::ui::{Action, NewsmapApp};

fn harness() -> Harness<'static, NewsmapApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(
            |ui, app: &mut NewsmapApp| app.ui(ui),
            NewsmapApp::with_seed(),
        );
    h.run();
    h
}

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
        h.query_by_label_contains("problem(s) loading files")
            .is_some()
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
