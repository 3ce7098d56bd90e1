//! The app driven through its accessibility tree, as a user or screen reader would.

mod common;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use newsmap::ui::NewsmapApp;

fn harness() -> Harness<'static, NewsmapApp> {
    common::harness_sized(1280.0, 800.0)
}

#[test]
fn clicking_a_marker_selects_its_event() {
    let mut h = harness();
    assert_eq!(h.state().selected(), None);
    let label = "North Korean missile lands near the Northern Limit Line — before 13 Nov 2022";
    h.get_by_label(label).click();
    h.run();
    let key = h
        .state()
        .selected()
        .expect("the clicked marker's event is selected");
    let ev = h.state().library().event(key).unwrap();
    assert_eq!(
        ev.event.title,
        "North Korean missile lands near the Northern Limit Line"
    );
    // The status line names it.
    assert!(h.query_by_label_contains("Selected:").is_some());
    assert!(
        h.query_all_by_label("North Korean missile lands near the Northern Limit Line")
            .next()
            .is_some()
    );
    // Esc deselects.
    h.key_press(egui::Key::Escape);
    h.run();
    assert_eq!(h.state().selected(), None);
}

#[test]
fn events_sharing_phnom_penh_are_each_reachable() {
    let h = harness();
    let lib = h.state().library();
    let at_phnom_penh: Vec<String> = lib
        .events()
        .filter(|e| e.event.place.as_deref() == Some("phnom-penh"))
        .map(|e| e.marker_label())
        .collect();
    assert!(at_phnom_penh.len() >= 2, "the summits share Phnom Penh");
    for label in &at_phnom_penh {
        h.get_by_label(label);
    }
}

#[test]
fn every_placed_event_has_a_marker_after_fit() {
    let h = harness();
    let lib = h.state().library();
    for ev in lib.events().filter(|e| e.place().is_some()) {
        assert!(
            h.query_by_label(&ev.marker_label()).is_some(),
            "no marker for {}",
            ev.marker_label()
        );
    }
}

#[test]
fn zoom_buttons_change_the_zoom() {
    let mut h = harness();
    let z0 = h.state().map().zoom();
    h.get_by_label("Zoom in").click();
    h.run();
    let z1 = h.state().map().zoom();
    assert!((z1 - z0 - 1.0).abs() < 1e-6, "{z0} -> {z1}");
    h.get_by_label("Zoom out").click();
    h.run();
    h.get_by_label("Zoom out").click();
    h.run();
    assert!(h.state().map().zoom() < z0);
    h.get_by_label("Fit to events").click();
    h.run();
    assert!((h.state().map().zoom() - z0).abs() < 1e-6);
}
