//! Map scale: index build and one frame's work with 100,000 to 10,000,000 events (80% in East
//! Asia). Run: `cargo bench --bench map_index`.
//!
//! First a frame report: per size, a child process (so its peak RSS is its own) builds the
//! library and a headless app at 1920×1080 and prints the p50 and p95 CPU time of the UI
//! thread's frames while idle, panning, zooming, dragging the date range and playing the
//! timeline, plus build times and peak RSS. `NEWSMAP_BENCH_SIZES=100000,1000000` picks the
//! sizes (empty: no report), `NEWSMAP_BENCH_FRAMES` the frames per scenario (more, under a
//! profiler); then divan's micro-benchmarks run.

#[path = "../tests/common/cpu_clock.rs"]
mod cpu_clock;
use cpu_clock::thread_cpu_secs;
use std::collections::HashSet;

use newsmap::index::grid::{CellIndex, ClusterGrid};
use newsmap::index::layout::{LayoutParams, Placed, layout};
use newsmap::index::{EventTable, ScreenFromWorld, world_from_lonlat};
use newsmap::library::{Library, LoadedDataset};
use newsmap::model::IdMaps;
use newsmap::ui::timeline::TimelineChange;
use newsmap::ui::{Action, NewsmapApp};

// As the app does: glibc's allocator hands memory back every frame and page-faults it in again.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const EVENTS: usize = 100_000;
const PLACES: usize = 20_000;

fn main() {
    frame_report();
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

/// The window size of the frame report.
const SCREEN: [f32; 2] = [1920.0, 1080.0];

/// One whole frame at `size` with `events` as input: panels, basemap, markers, accessibility
/// labels and tessellation. Returns the mesh count so the work is not optimised away.
fn frame_at(
    ctx: &egui::Context,
    app: &mut NewsmapApp,
    events: Vec<egui::Event>,
    size: [f32; 2],
    time: Option<f64>,
) -> usize {
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(size[0], size[1]),
        )),
        events,
        time,
        predicted_dt: 1.0 / 60.0,
        ..Default::default()
    };
    let mut out = ctx.run_ui(input, |ui| app.ui(ui));
    out.textures_delta.clear();
    ctx.tessellate(out.shapes, out.pixels_per_point).len()
}

/// A frame at 1280×800, as the divan benches have always measured.
fn frame(ctx: &egui::Context, app: &mut NewsmapApp, events: Vec<egui::Event>) -> usize {
    frame_at(ctx, app, events, [1280.0, 800.0], None)
}

/// A whole app frame, headless, with 100,000 events, for the view "Fit to events" picks.
#[divan::bench(sample_count = 20)]
fn app_frame(b: divan::Bencher) {
    let (ctx, mut app) = warm_app(EVENTS, PLACES);
    b.bench_local(|| frame(&ctx, &mut app, Vec::new()));
}

/// Peak resident set size of this process, in MiB (Linux `VmHWM`).
fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

/// p50 and p95 of `ms`, in the same unit.
fn percentiles(ms: &mut [f64]) -> (f64, f64) {
    ms.sort_by(f64::total_cmp);
    let at = |p: f64| ms[((ms.len() - 1) as f64 * p).round() as usize];
    (at(0.50), at(0.95))
}

/// Runs `n` frames, `step(i)` giving each frame's input (after applying any actions), and
/// returns their CPU times in ms.
/// CPU ms per frame, and how many frames drew a stand-in while a zoom level's grid was built
/// off the UI thread (cheap frames that show less).
fn measure(
    ctx: &egui::Context,
    app: &mut NewsmapApp,
    n: usize,
    mut step: impl FnMut(usize, &mut NewsmapApp) -> (Vec<egui::Event>, Option<f64>),
) -> (Vec<f64>, usize) {
    let mut stand_ins = 0;
    let times = (0..n)
        .map(|i| {
            let t = thread_cpu_secs();
            let (events, time) = step(i, app);
            divan::black_box(frame_at(ctx, app, events, SCREEN, time));
            let ms = (thread_cpu_secs() - t) * 1000.0;
            stand_ins += usize::from(app.map_building());
            ms
        })
        .collect();
    (times, stand_ins)
}

/// Draws frames until the map has the grid of its level (built on a worker for big libraries),
/// so a scenario starts from a full map rather than from a stand-in.
fn settle(ctx: &egui::Context, app: &mut NewsmapApp, time: Option<f64>) {
    for _ in 0..6000 {
        frame_at(ctx, app, Vec::new(), SCREEN, time);
        if !app.map_building() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

fn key(key: egui::Key) -> egui::Event {
    egui::Event::Key {
        key,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: egui::Modifiers::NONE,
    }
}

/// The report for one size, printed by a child process.
fn report(events: usize) {
    let frames = std::env::var("NEWSMAP_BENCH_FRAMES")
        .ok()
        .and_then(|f| f.parse().ok())
        .unwrap_or(if events >= 5_000_000 { 40 } else { 80 });
    let t = std::time::Instant::now();
    let ds = newsmap::synthetic::dataset(events, (events / 5).max(1), 7);
    let generate_s = t.elapsed().as_secs_f64();
    let t = std::time::Instant::now();
    let lib = Library::new(vec![LoadedDataset::new("synthetic", None, ds)]);
    let table_s = t.elapsed().as_secs_f64();
    let t = std::time::Instant::now();
    let cells = CellIndex::new(lib.table.placed_points());
    let cells_s = t.elapsed().as_secs_f64();
    drop(cells);
    let peer = supercluster(&lib);
    let ctx = egui::Context::default();
    let t = std::time::Instant::now();
    let mut app = NewsmapApp::new(lib, Vec::new());
    // As the window does: the basemap's zoom bands are built on a worker thread.
    app.prepare_basemap();
    frame_at(&ctx, &mut app, Vec::new(), SCREEN, None);
    let first_frame_s = t.elapsed().as_secs_f64();
    frame_at(&ctx, &mut app, Vec::new(), SCREEN, None);

    // Under a profiler, one scenario alone (NEWSMAP_BENCH_ONLY=pan); the others get one frame.
    let only = std::env::var("NEWSMAP_BENCH_ONLY").ok();
    let frames_of = |name: &str| match &only {
        Some(o) if o != name => 1,
        _ => frames,
    };
    let mut rows: Vec<(&str, (Vec<f64>, usize))> = Vec::new();
    settle(&ctx, &mut app, None);
    rows.push((
        "idle",
        measure(&ctx, &mut app, frames_of("idle"), |_, _| (Vec::new(), None)),
    ));
    settle(&ctx, &mut app, None);
    rows.push((
        "pan",
        measure(&ctx, &mut app, frames_of("pan"), |i, _| {
            // Right and left in turn, so the view stays over the data.
            let k = if i % 2 == 0 {
                egui::Key::ArrowRight
            } else {
                egui::Key::ArrowLeft
            };
            (vec![key(k)], None)
        }),
    ));
    settle(&ctx, &mut app, None);
    rows.push((
        "zoom",
        measure(&ctx, &mut app, frames_of("zoom"), |i, app| {
            // A quarter level per frame, in for 12 frames and out for 12: three levels crossed
            // each way, their grids built on the way in.
            let dz = if (i / 12) % 2 == 0 { 0.25 } else { -0.25 };
            app.apply(Action::ZoomMap(dz));
            (Vec::new(), None)
        }),
    ));
    let start = newsmap::model::day_number(jiff::civil::date(2005, 1, 1));
    let day = newsmap::model::date_from_day_number;
    // Warm-up: the first date range is a jump from none, which rebuilds what depends on it.
    app.apply(Action::SetDates(Some(day(start)), Some(day(start + 364))));
    frame_at(&ctx, &mut app, Vec::new(), SCREEN, None);
    settle(&ctx, &mut app, None);
    rows.push((
        "date drag",
        measure(&ctx, &mut app, frames_of("date drag"), |i, app| {
            // A year-long range moved a week per frame (a pixel or two of the strip).
            let a = start + 7 * i as i32;
            app.apply(Action::SetDates(Some(day(a)), Some(day(a + 364))));
            (Vec::new(), None)
        }),
    ));
    app.apply(Action::Timeline(TimelineChange::Speed(365.0)));
    app.apply(Action::Timeline(TimelineChange::Playing(true)));
    let mut now = 100.0;
    frame_at(&ctx, &mut app, Vec::new(), SCREEN, Some(now));
    settle(&ctx, &mut app, Some(now));
    rows.push((
        "playback",
        measure(&ctx, &mut app, frames_of("playback"), |_, _| {
            now += 1.0 / 60.0;
            (Vec::new(), Some(now))
        }),
    ));
    let rss = peak_rss_mib().map_or("?".into(), |m| format!("{m:.0} MiB"));
    println!(
        "{events} events: generate {generate_s:.2} s · event table {table_s:.2} s · cell index \
         {cells_s:.2} s · app + first frame {first_frame_s:.2} s · peak RSS {rss}"
    );
    if let Some(line) = peer {
        let ours = table_s + cells_s;
        match line
            .split_whitespace()
            .nth(1)
            .and_then(|v| v.parse::<f64>().ok())
        {
            Some(theirs) => println!(
                "  supercluster 9.1 load {theirs:.2} s; newsmap cell index {cells_s:.2} s \
                 ({:.1}× faster), with the event table (dates, places, R-tree, day order) \
                 {ours:.2} s ({:.1}×)",
                theirs / cells_s,
                theirs / ours
            ),
            None => println!("  supercluster: {line}"),
        }
    }
    for (name, (mut ms, stand_ins)) in rows {
        let (p50, p95) = percentiles(&mut ms);
        let note = if stand_ins > 0 {
            format!(", {stand_ins} drew a stand-in grid")
        } else {
            String::new()
        };
        println!(
            "  {name:<10} p50 {p50:>7.2} ms   p95 {p95:>7.2} ms   ({} frames{note})",
            ms.len()
        );
    }
}

/// supercluster 9.1's load time on the same points (benches/peers/supercluster.mjs), when
/// `node` and the package (`npm install` in benches/peers) are there; its output line.
fn supercluster(lib: &Library) -> Option<String> {
    let peers = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/peers");
    if !peers.join("node_modules/supercluster").is_dir() {
        return None;
    }
    let dir = tempfile::tempdir().ok()?;
    let file = dir.path().join("points.f64");
    let mut bytes = Vec::with_capacity(lib.table.items.len() * 16);
    for (_, w) in lib.table.placed_points() {
        for v in newsmap::index::lonlat_from_world(w) {
            bytes.extend_from_slice(&v.to_le_bytes());
        }
    }
    newsmap::model::write_file(&file, &bytes, &[]).ok()?;
    let out = std::process::Command::new("node")
        .arg(peers.join("supercluster.mjs"))
        .arg(&file)
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    Some(if out.status.success() {
        text
    } else {
        format!("failed: {}", String::from_utf8_lossy(&out.stderr).trim())
    })
}

/// Runs the report for each size in a child process of this binary.
fn frame_report() {
    const CHILD: &str = "NEWSMAP_BENCH_CHILD";
    if let Ok(n) = std::env::var(CHILD) {
        report(n.parse().expect("a number of events"));
        std::process::exit(0);
    }
    let sizes =
        std::env::var("NEWSMAP_BENCH_SIZES").unwrap_or_else(|_| "100000,1000000,10000000".into());
    let sizes: Vec<usize> = sizes
        .split(',')
        .filter(|s| !s.trim().is_empty())
        .map(|s| {
            s.trim()
                .parse()
                .expect("NEWSMAP_BENCH_SIZES: numbers, comma-separated")
        })
        .collect();
    if sizes.is_empty() {
        return;
    }
    println!("Frame report: CPU time of the UI thread per frame at 1920×1080");
    let exe = std::env::current_exe().expect("the bench binary's path");
    for n in sizes {
        let status = std::process::Command::new(&exe)
            .env(CHILD, n.to_string())
            .status();
        match status {
            Ok(s) if s.success() => {}
            Ok(s) => println!("{n} events: the run failed ({s})"),
            Err(e) => println!("{n} events: could not start the run: {e}"),
        }
    }
    println!();
}
