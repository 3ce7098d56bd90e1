//! File → Export… and File → Open for other tools' formats, driven through accessible labels.

mod common;
use common::harness;

use std::collections::BTreeSet;
use std::path::Path;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use newsmap::model::EventKind;
use newsmap::ui::{Action, NewsmapApp};

fn wait(h: &mut Harness<'static, NewsmapApp>, busy: fn(&NewsmapApp) -> bool) {
    for _ in 0..2000 {
        h.step();
        if !busy(h.state()) {
            h.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the background work did not finish");
}

/// Replaces the text of the field labelled `label` with `text`.
fn replace_text(h: &mut Harness<'static, NewsmapApp>, label: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, label).click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    h.run();
}

#[test]
fn export_writes_what_the_filters_show_as_geojson() {
    let mut h = harness();
    let total = h.state().library().event_count();
    h.state_mut()
        .apply(Action::SetKinds(BTreeSet::from([EventKind::Consult])));
    h.run();
    let shown = h.state().shown_count();
    assert!(shown > 0 && shown < total, "{shown} of {total}");

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("shown.geojson");
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export…").click();
    h.run();
    // The default is what the filters show.
    assert!(
        h.query_by_label(&format!(
            "Only the {shown} events the filters show (of {total})"
        ))
        .is_some()
    );
    h.get_by_label("GeoJSON…").click();
    h.run();
    assert!(
        h.query_by_label("Export events").is_some(),
        "the dialog opens"
    );
    replace_text(&mut h, "File", out.to_str().unwrap());
    h.get_by_label("Export").click();
    // A spinner turns while the export runs: step, do not wait for the UI to settle.
    h.step();
    wait(&mut h, NewsmapApp::is_exporting);
    assert!(h.state().errors().is_empty(), "{:?}", h.state().errors());
    let fc: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    let features = fc["features"].as_array().unwrap();
    assert_eq!(features.len(), shown);
    assert!(
        features
            .iter()
            .all(|f| f["properties"]["kind"] == "CONSULT")
    );
    assert!(
        h.state()
            .notices()
            .iter()
            .any(|n| n.contains(&format!("{shown} events written as GeoJSON"))),
        "{:?}",
        h.state().notices()
    );
}

#[test]
fn export_of_every_event_as_csv_and_gpkg() {
    let mut h = harness();
    h.state_mut()
        .apply(Action::SetKinds(BTreeSet::from([EventKind::Consult])));
    h.run();
    let total = h.state().library().event_count();
    let dir = tempfile::tempdir().unwrap();
    // Unticking the box exports every open event.
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export…").click();
    h.run();
    let shown = h.state().shown_count();
    h.get_by_label(&format!(
        "Only the {shown} events the filters show (of {total})"
    ))
    .click();
    h.run();
    if h.query_by_label("CSV (ACLED-style columns)…").is_none() {
        // The menu closed with the click; the choice stays.
        h.get_by_label("File").click();
        h.run();
        h.get_by_label("Export…").click();
        h.run();
    }
    assert!(
        h.query_by_label(&format!(
            "Only the {shown} events the filters show (of {total})"
        ))
        .is_some()
    );
    h.get_by_label("CSV (ACLED-style columns)…").click();
    h.run();
    let out = dir.path().join("all.csv");
    replace_text(&mut h, "File", out.to_str().unwrap());
    h.get_by_label("Export").click();
    // A spinner turns while the export runs: step, do not wait for the UI to settle.
    h.step();
    wait(&mut h, NewsmapApp::is_exporting);
    assert!(h.state().errors().is_empty(), "{:?}", h.state().errors());
    let rows = csv::Reader::from_path(&out).unwrap().records().count();
    assert_eq!(rows, total);

    let gpkg = dir.path().join("all.gpkg");
    h.state_mut().apply(Action::Export {
        format: newsmap::interchange::ExportFormat::Gpkg,
        filtered: false,
        path: gpkg.clone(),
    });
    wait(&mut h, NewsmapApp::is_exporting);
    assert!(h.state().errors().is_empty(), "{:?}", h.state().errors());
    let store = newsmap::library::store::Store::open_read_only(&gpkg, "test".into()).unwrap();
    assert_eq!(store.counts().unwrap().1, total);
}

#[test]
fn a_failed_export_is_shown_once() {
    let mut h = harness();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("no-such-folder/x.geojson");
    h.state_mut().apply(Action::Export {
        format: newsmap::interchange::ExportFormat::GeoJson,
        filtered: true,
        path: out.clone(),
    });
    wait(&mut h, NewsmapApp::is_exporting);
    for _ in 0..5 {
        h.run();
    }
    let errors = h.state().errors();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].contains("no-such-folder"), "{errors:?}");
}

#[test]
fn open_accepts_a_gdelt_export_and_names_the_rows_it_skipped() {
    let mut h = harness();
    let before = h.state().library().datasets.len();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/gdelt/20250807220000.export.sample.csv");
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Open dataset…").click();
    h.run();
    replace_text(&mut h, "File", fixture.to_str().unwrap());
    h.get_by_label("Open").click();
    h.step();
    wait(&mut h, NewsmapApp::is_importing);
    let lib = h.state().library();
    assert_eq!(lib.datasets.len(), before + 1);
    assert_eq!(lib.datasets[before].data.events.len(), 242);
    let notices = h.state().notices().join("\n");
    assert!(
        notices.contains("300 rows read, 242 events imported, 58 rows skipped"),
        "{notices}"
    );
    // The skipped rows are one message in the error panel, counted by problem.
    assert_eq!(h.state().errors().len(), 1);
    assert!(h.state().errors()[0].contains(": line "));
    assert!(h.query_by_label("58 problems in 1 message").is_some());
}
