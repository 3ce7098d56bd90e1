//! The analyst workflow through the accessibility tree: panel, date filter, source text.

mod common;
use common::harness;

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use newsmap::ui::{Action, NewsmapApp};

const NLL_MARKER: &str =
    "North Korean missile lands near the Northern Limit Line — before 13 Nov 2022";
const SUMMIT_MARKER: &str = "Kishida and Yoon hold first formal Japan-South Korea summit in about three years — 13 Nov 2022";

#[test]
fn clicking_the_nll_event_shows_yoons_quote_in_the_panel() {
    let mut h = harness();
    h.get_by_label(NLL_MARKER).click();
    h.run();
    assert!(
        h.query_by_label("“an extremely serious provocation.”")
            .is_some(),
        "the panel shows Yoon's quote"
    );
    assert!(
        h.query_by_label("Yoon Suk-yeol:").is_some(),
        "the quote names its speaker"
    );
    assert!(
        h.query_by_label("before 13 Nov 2022").is_some(),
        "the honest date label"
    );
    assert!(
        h.query_by_label_contains("the text gives no start")
            .is_some(),
        "the precision is explained"
    );
    assert!(
        h.query_by_label("Northern Limit Line").is_some(),
        "the place"
    );
}

#[test]
fn from_date_hides_the_summits_and_lowers_the_count() {
    let mut h = harness();
    let total = h.state().library().event_count();
    assert!(
        h.query_by_label(&format!("{total} of {total} events"))
            .is_some()
    );
    assert!(h.query_by_label(SUMMIT_MARKER).is_some());
    let from = h.get_by_role_and_label(Role::TextInput, "From");
    from.click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "From")
        .type_text("2022-11-14");
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(
        h.state().filter().from.map(|d| d.to_string()).as_deref(),
        Some("2022-11-14")
    );
    assert!(
        h.query_by_label(SUMMIT_MARKER).is_none(),
        "the summit marker is filtered out"
    );
    let shown = h.state().shown_count();
    assert!(shown < total);
    assert!(
        h.query_by_label(&format!("{shown} of {total} events"))
            .is_some()
    );
}

#[test]
fn a_bad_date_shows_an_error_and_keeps_the_old_value() {
    let mut h = harness();
    h.get_by_role_and_label(Role::TextInput, "To").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "To")
        .type_text("13/11/2022");
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(
        h.state().filter().to,
        None,
        "the filter keeps its old value"
    );
    assert!(
        h.query_by_label_contains("is not a date of the form YYYY-MM-DD")
            .is_some()
    );
}

#[test]
fn show_in_source_highlights_kishidas_quote_and_a_highlight_selects_back() {
    let mut h = harness();
    h.get_by_label(SUMMIT_MARKER).click();
    h.run();
    h.get_by_label("Show in source").click();
    h.run();
    let src = h.state().source().expect("the source view is open");
    let lib = h.state().library();
    let article = lib.datasets[src.dataset as usize]
        .data
        .article(&src.article)
        .unwrap();
    let focus = src.focus.expect("scrolled to the quote");
    assert!(
        article.slice(focus).starts_with("At the Japan-ROK summit"),
        "{}",
        article.slice(focus)
    );
    // The quote is highlighted (in runs split by the place and party mentions inside it).
    assert!(
        h.query_by_label("Quote by Fumio Kishida: At the ")
            .is_some()
    );
    assert!(
        h.query_all_by_label_contains("Quote by Fumio Kishida:")
            .count()
            >= 3
    );
    // The link works the other way: deselect, then click a highlighted quote.
    h.state_mut().apply(Action::Select(None));
    h.run();
    // Further down the article than the window shows: click it the way a screen reader does.
    h.get_by_label_contains("Quote by Yoon Suk-yeol: an extremely serious provocation")
        .click_accesskit();
    h.run();
    let key = h
        .state()
        .selected()
        .expect("clicking the quote selects its event");
    let ev = h.state().library().event(key).unwrap();
    assert!(
        ev.event.quotes.iter().any(|q| q == "q11"),
        "{}",
        ev.event.title
    );
}

#[test]
fn party_click_filters_the_map_and_clear_brings_everything_back() {
    let mut h = harness();
    h.get_by_label(SUMMIT_MARKER).click();
    h.run();
    h.get_by_label("Fumio Kishida").click();
    h.run();
    assert_eq!(h.state().filter().party.as_deref(), Some("Fumio Kishida"));
    let n = h.state().shown_count();
    assert!(n >= 1 && n < h.state().library().event_count());
    h.get_by_label("Clear filters").click();
    h.run();
    assert_eq!(h.state().shown_count(), h.state().library().event_count());
}

#[test]
fn the_list_selects_and_search_narrows() {
    let mut h = harness();
    // Nothing selected: the panel lists events in view; a click selects.
    h.get_by_label("North Korean missile lands near the Northern Limit Line")
        .click();
    h.run();
    assert!(h.state().selected().is_some());
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(h.state().selected().is_none());
    h.get_by_role_and_label(Role::TextInput, "Search").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Search")
        .type_text("provocation");
    h.run();
    let n = h.state().shown_count();
    assert!(n >= 1 && n < h.state().library().event_count(), "{n}");
}

#[test]
fn session_state_round_trips() {
    let mut h = harness();
    h.state_mut()
        .apply(Action::SetDates(Some("2022-01-01".parse().unwrap()), None));
    h.run();
    let saved = h.state().saved_state();
    let json = serde_json::to_string(&saved).unwrap();
    let mut app = NewsmapApp::with_seed();
    app.restore(serde_json::from_str(&json).unwrap());
    assert_eq!(app.filter(), h.state().filter());
    assert!((app.map().zoom() - h.state().map().zoom()).abs() < 1e-9);
}
