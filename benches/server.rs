//! The team server's view queries on a large corpus: N synthetic events loaded into a
//! throwaway local PostgreSQL + PostGIS cluster (COPY, trigger off, counts rebuilt once), then
//! the world view's counts per cell, a year of them, the same counts straight from the rows
//! (`ST_SnapToGrid … GROUP BY`, what the count table saves), and one page of a regional view.
//! Target: the world view of 10,000,000 events in ≤ 300 ms.
//!
//!     NEWSMAP_BENCH_EVENTS=1000000 cargo bench --bench server
//!
//! Without PostgreSQL's server binaries (`postgresql postgresql-15-postgis-3`) it prints why
//! and measures nothing.

#[path = "../tests/common/pg.rs"]
mod pg;

use std::io::Write;
use std::sync::{Mutex, OnceLock};
use std::time::Instant;

use newsmap::library::server::{Bbox, Server};

static SERVER: OnceLock<Mutex<Server>> = OnceLock::new();

fn main() {
    let n: usize = std::env::var("NEWSMAP_BENCH_EVENTS")
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .unwrap_or(1_000_000);
    let cluster = match pg::Cluster::start(false) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("benches/server.rs: skipped, no PostgreSQL test cluster: {e}");
            return;
        }
    };
    let mut server = Server::connect(&cluster.url()).expect("connect to the test cluster");
    let t = Instant::now();
    load(&mut server, n);
    eprintln!(
        "loaded {n} events (COPY, GiST index, counts per cell) in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    if SERVER.set(Mutex::new(server)).is_err() {
        unreachable!("set once");
    }
    divan::main();
    // The cluster stops when it goes out of scope here.
    drop(cluster);
}

/// `n` events: four in five in East Asia (as news clusters), the rest anywhere, over ten years.
fn load(s: &mut Server, n: usize) {
    let c = s.client();
    c.batch_execute(
        "ALTER TABLE events DISABLE TRIGGER USER;
         DROP INDEX events_geom; DROP INDEX events_days; DROP INDEX events_match;",
    )
    .expect("prepare the bulk load");
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    let mut w = c
        .copy_in("COPY events (title, kind, geom, day_first, day_last) FROM STDIN")
        .expect("COPY");
    let mut buf = Vec::with_capacity(1 << 20);
    let day0 = 18_000; // 2019-04
    for i in 0..n {
        let (lon, lat) = if next() < 0.8 {
            (100.0 + 45.0 * next(), 5.0 + 40.0 * next())
        } else {
            (-180.0 + 360.0 * next(), -60.0 + 130.0 * next())
        };
        let d = day0 + (next() * 3650.0) as i32;
        writeln!(
            buf,
            "event {i}\tCONSULT\tSRID=4326;POINT({lon:.5} {lat:.5})\t{d}\t{d}"
        )
        .expect("to memory");
        if buf.len() > (1 << 20) - 200 {
            w.write_all(&buf).expect("COPY data");
            buf.clear();
        }
    }
    w.write_all(&buf).expect("COPY data");
    w.finish().expect("COPY end");
    c.batch_execute(
        "CREATE INDEX events_geom ON events USING gist (geom);
         CREATE INDEX events_days ON events(day_first, day_last);
         CREATE INDEX events_match ON events(kind, match_first, match_last);
         ALTER TABLE events ENABLE TRIGGER USER;",
    )
    .expect("indexes");
    s.rebuild_cells().expect("counts per cell");
    s.client()
        .batch_execute("VACUUM ANALYZE events")
        .expect("analyze");
}

fn server() -> std::sync::MutexGuard<'static, Server> {
    SERVER
        .get()
        .expect("loaded in main")
        .lock()
        .expect("not poisoned")
}

/// The world view: counts per 16° cell, no date filter.
#[divan::bench(sample_count = 20)]
fn world_view_cells() -> usize {
    server().cells(Bbox::WORLD, None, None, 0).unwrap().len()
}

/// The world view with a year's range (widened to whole months).
#[divan::bench(sample_count = 20)]
fn world_view_cells_one_year() -> usize {
    let from = jiff::civil::date(2022, 1, 1);
    let to = jiff::civil::date(2022, 12, 31);
    server()
        .cells(Bbox::WORLD, Some(from), Some(to), 0)
        .unwrap()
        .len()
}

/// East Asia at the 1° grid.
#[divan::bench(sample_count = 20)]
fn region_cells_1deg() -> usize {
    let b = Bbox {
        west: 100.0,
        south: 5.0,
        east: 145.0,
        north: 45.0,
    };
    server().cells(b, None, None, 2).unwrap().len()
}

/// The same world counts computed from the rows every time (`ST_SnapToGrid … GROUP BY`).
#[divan::bench(sample_count = 3, sample_size = 1)]
fn world_view_snap_to_grid_from_rows() -> usize {
    server()
        .cells_exact(Bbox::WORLD, None, None, 16.0)
        .unwrap()
        .len()
}

/// One page (500 ids) of a 2°×2° view in the densest region, and those events loaded.
#[divan::bench(sample_count = 20)]
fn dense_region_page_and_load() -> usize {
    let b = Bbox {
        west: 120.0,
        south: 30.0,
        east: 122.0,
        north: 32.0,
    };
    let mut s = server();
    let fids = s.page(b, None, None, 0, 500).unwrap();
    s.load_events(&fids).unwrap().events.len()
}
