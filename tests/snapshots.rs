//! Pixel snapshots of the main states, rendered in software (Mesa lavapipe), so layout
//! regressions show. Update with `UPDATE_SNAPSHOTS=1 cargo test --test snapshots`.

mod common;

use egui_kittest::SnapshotOptions;
use egui_kittest::kittest::Queryable;

use common::snapshot_harness as harness;

fn options() -> SnapshotOptions {
    // Anti-aliasing may differ by a few pixels between Mesa builds; a moved panel would not.
    SnapshotOptions::new().max_failed_pixels(40)
}

#[test]
fn snapshot_default_view() {
    let mut h = harness();
    h.snapshot_options("default_view", &options());
}

#[test]
fn snapshot_nll_event_selected() {
    let mut h = harness();
    h.get_by_label("North Korean missile lands near the Northern Limit Line — before 13 Nov 2022")
        .click();
    h.run();
    h.snapshot_options("nll_selected", &options());
}

#[test]
fn snapshot_source_text_at_kishidas_quote() {
    let mut h = harness();
    h.get_by_label("Kishida and Yoon hold first formal Japan-South Korea summit in about three years — 13 Nov 2022").click();
    h.run();
    h.get_by_label("Show in source").click();
    h.run();
    h.snapshot_options("source_text", &options());
}
