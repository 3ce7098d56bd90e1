//! Map scale: index build and one frame's work with 100,000 events (80% in East Asia).
//! Run: `cargo bench --bench map_index`.

use std::collections::HashSet;

use newsmap::index::grid::{CellIndex, ClusterGrid};
use newsmap::index::layout::{LayoutParams, Placed, layout};
use newsmap::index::{EventTable, ScreenFromWorld, world_from_lonlat};
use newsmap::library::{Library, LoadedDataset};
use newsmap::model::IdMaps;
use newsmap::ui::{Action, NewsmapApp};

const EVENTS: usize = 100_000;
const PLACES: usize = 20_000;

fn main() {
    divan::main();
}

fn library() -> Library {
    let ds = newsmap::synthetic::dataset(EVENTS, PLACES, 7);
    Library::new(vec![LoadedDataset::new("synthetic", None, ds)])
}

/// Dataset → flat event table + R-tree (what happens when files open or filters reset).
#[divan::bench(sample_count = 10)]
fn build_event_table(b: divan::Bencher) {
    let ds = newsmap::synthetic::dataset(EVENTS, PLACES, 7);
    let ids = IdMaps::new(&ds);
    b.bench(|| EventTable::build([(&ds, &ids)]));
}

/// The event table of `events` synthetic events over `events / 5` places.
fn synthetic_table(events: usize) -> EventTable {
    let ds = newsmap::synthetic::dataset(events, events / 5, 7);
    EventTable::build([(&ds, &IdMaps::new(&ds))])
}

/// The cell index: every placed event sorted once by its finest cell (per data change).
#[divan::bench(args = [100_000, 1_000_000], sample_count = 10)]
fn build_cell_index(b: divan::Bencher, events: usize) {
    let table = synthetic_table(events);
    b.bench(|| CellIndex::new(table.placed_points()));
}

/// One zoom level's cluster grid from the cell index (per zoom level and filter change, then
/// cached), with half the events filtered out, at 100,000 and 1,000,000 events.
#[divan::bench(args = [(100_000, 3), (100_000, 10), (1_000_000, 3), (1_000_000, 10)], sample_count = 10)]
fn build_cluster_grid(b: divan::Bencher, (events, level): (usize, u8)) {
    let table = synthetic_table(events);
    let index = CellIndex::new(table.placed_points());
    b.bench(|| index.grid(level, |i| i % 2 == 0));
}

/// Marker layout for a 1280×800 view of East Asia: the per-frame index work.
#[divan::bench(args = [3.0, 5.0, 8.0])]
fn frame_layout(b: divan::Bencher, zoom: f64) {
    let lib = library();
    let level = zoom.floor() as u8;
    let grid = ClusterGrid::build(lib.table.placed_points(), level);
    let t = ScreenFromWorld::new(world_from_lonlat(122.0, 33.0), zoom, [640.0, 400.0]);
    let visible = t.visible([1280.0, 800.0]);
    let expanded = HashSet::new();
    let mut out: Vec<Placed> = Vec::new();
    b.bench_local(|| {
        layout(
            &grid,
            |i| lib.table.items[i as usize].world.unwrap_or_default(),
            &t,
            &visible,
            &expanded,
            LayoutParams::default(),
            &mut out,
        );
        out.len()
    });
}

/// A headless app on `events` synthetic events, after two warm-up frames (which build the
/// basemap band, the cluster grid for this zoom and the list order).
fn warm_app(events: usize, places: usize) -> (egui::Context, NewsmapApp) {
    let ds = newsmap::synthetic::dataset(events, places, 7);
    let lib = Library::new(vec![LoadedDataset::new("synthetic", None, ds)]);
    let ctx = egui::Context::default();
    let mut app = NewsmapApp::new(lib, Vec::new());
    frame(&ctx, &mut app, Vec::new());
    frame(&ctx, &mut app, Vec::new());
    (ctx, app)
}

/// One whole frame at 1280×800 with `events` as input: panels, basemap, markers, accessibility
/// labels and tessellation. Returns the mesh count so the work is not optimised away.
fn frame(ctx: &egui::Context, app: &mut NewsmapApp, events: Vec<egui::Event>) -> usize {
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        events,
        ..Default::default()
    };
    let mut out = ctx.run_ui(input, |ui| app.ui(ui));
    out.textures_delta.clear();
    ctx.tessellate(out.shapes, out.pixels_per_point).len()
}

/// The same steady-state frame with a million events (zoom and filter unchanged, so the
/// cluster grid and list order are cached, as while hovering or idle).
#[divan::bench(sample_count = 10)]
fn app_frame_million(b: divan::Bencher) {
    let (ctx, mut app) = warm_app(1_000_000, 200_000);
    b.bench_local(|| frame(&ctx, &mut app, Vec::new()));
}

/// A frame at a million events that pans the map (an arrow key press), so the view changes and
/// the list of events in view is recomputed, as while dragging.
#[divan::bench(sample_count = 10)]
fn app_frame_million_panning(b: divan::Bencher) {
    let (ctx, mut app) = warm_app(1_000_000, 200_000);
    let mut step = 0usize;
    b.bench_local(|| {
        step += 1;
        // Alternate right and left so the view stays over the data.
        let key = if step.is_multiple_of(2) {
            egui::Key::ArrowRight
        } else {
            egui::Key::ArrowLeft
        };
        let press = egui::Event::Key {
            key,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: egui::Modifiers::NONE,
        };
        frame(&ctx, &mut app, vec![press])
    });
}

/// A frame at a million events that moves the date filter by a day, as while dragging a
/// timeline handle: filtering, the list order and the clusters are all redone.
#[divan::bench(sample_count = 10)]
fn app_frame_million_filtering(b: divan::Bencher) {
    let (ctx, mut app) = warm_app(1_000_000, 200_000);
    let start = newsmap::model::day_number(jiff::civil::date(2010, 1, 1));
    let mut day = 0;
    b.bench_local(|| {
        day += 1;
        let from = newsmap::model::date_from_day_number(start + day % 300);
        app.apply(Action::SetDates(Some(from), None));
        frame(&ctx, &mut app, Vec::new())
    });
}

/// A whole app frame, headless, with 100,000 events, for the view "Fit to events" picks.
#[divan::bench(sample_count = 20)]
fn app_frame(b: divan::Bencher) {
    let (ctx, mut app) = warm_app(EVENTS, PLACES);
    b.bench_local(|| frame(&ctx, &mut app, Vec::new()));
}
