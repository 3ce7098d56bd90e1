//! The team server against a real PostgreSQL + PostGIS (a throwaway cluster per test, see
//! tests/common/pg.rs; no mocks): round trips, merging like the embedded library, injection,
//! concurrent writers, schema versions, read-only roles, TLS, failures and the app's view.
//! Without the PostgreSQL binaries these tests fail, saying what to install.

#[path = "common/pg.rs"]
mod pg;

use std::process::Command;
use std::time::{Duration, Instant};

use newsmap::geodata::gazetteer::Gazetteer;
use newsmap::library::LoadedDataset;
use newsmap::library::server::{Bbox, Server, ServerError};
use newsmap::library::store::Store;
use newsmap::model::{ArticleInput, Dataset, parse_day};
use pg::Cluster;

fn cluster() -> Cluster {
    Cluster::start(false).unwrap_or_else(|e| panic!("cannot start a PostgreSQL test cluster: {e}"))
}

fn article(text: &str, url: &str, source: &str, published: &str, id: &str) -> Dataset {
    let mut input = ArticleInput::new(text).published(parse_day(published).unwrap());
    input.url = Some(url.to_owned());
    input.source = Some(source.to_owned());
    input.title = Some(text.split('.').next().unwrap_or(text).to_owned());
    newsmap::extract::extract_with_ids(&input, Gazetteer::embedded(), id, &format!("{id}-"))
}

const MEETING_A: &str = "Peruvian President Ana Diaz met Chilean President Luis Soto in Lima on \
Monday. The two leaders discussed trade and fishing rights, officials said.";
const MEETING_B: &str = "Chilean President Luis Soto held talks with Peruvian President Ana Diaz \
in Lima on Monday, his office said, in their first meeting since the election.";

fn titles(ds: &Dataset) -> Vec<String> {
    let mut t: Vec<String> = ds.events.iter().map(|e| e.title.clone()).collect();
    t.sort();
    t
}

/// Several articles in one dataset, as `extract` writes them.
fn corpus() -> Dataset {
    let mut ds = Dataset::new();
    for (i, (text, url, src)) in [
        (MEETING_A, "https://wire.example/a", "Wire"),
        (MEETING_B, "https://daily.example/b", "Daily"),
    ]
    .into_iter()
    .enumerate()
    {
        let id = format!("a{}", i + 1);
        newsmap::jobs::ingest::append(&mut ds, article(text, url, src, "2023-06-05", &id));
    }
    ds
}

/// The counts the trigger kept equal the counts rebuilt from the events.
fn assert_cells_match_a_rebuild(s: &mut Server) {
    let all = |s: &mut Server| -> Vec<Vec<(i64, i64, u64)>> {
        (0..4)
            .map(|level| {
                let mut v: Vec<(i64, i64, u64)> = s
                    .cells(Bbox::WORLD, None, None, level)
                    .unwrap()
                    .iter()
                    .map(|c| {
                        (
                            (c.lon * 1e6).round() as i64,
                            (c.lat * 1e6).round() as i64,
                            c.count,
                        )
                    })
                    .collect();
                v.sort();
                v
            })
            .collect()
    };
    let kept = all(s);
    s.rebuild_cells().unwrap();
    assert_eq!(kept, all(s));
}

#[test]
fn the_seed_goes_to_the_server_and_the_view_gives_the_same_events() {
    let c = cluster();
    let mut s = Server::connect(&c.url()).unwrap();
    assert_eq!(s.read_only(), None);
    let seed = LoadedDataset::embedded_seed().data;
    let r = s.import(&seed).unwrap();
    assert_eq!((r.articles, r.events), (1, seed.events.len()), "{r:?}");

    // The whole database, as the embedded library gives it back.
    let back = s.load().unwrap();
    assert_eq!(back.validate(), vec![]);
    assert_eq!(titles(&back), titles(&seed));
    assert_eq!(back.articles[0].body(), seed.articles[0].body());
    assert_eq!(back.quotes.len(), seed.quotes.len());

    // What the app's view asks for: the located events, page by page, then loaded whole.
    let located: Vec<String> = {
        let ids = newsmap::model::IdMaps::new(&seed);
        let mut t: Vec<String> = seed
            .events
            .iter()
            .filter(|e| seed.event_place(e, &ids).is_some())
            .map(|e| e.title.clone())
            .collect();
        t.sort();
        t
    };
    let mut fids = Vec::new();
    let mut after = 0;
    loop {
        let page = s.page(Bbox::WORLD, None, None, after, 2).unwrap();
        if page.is_empty() {
            break;
        }
        after = *page.last().unwrap();
        fids.extend(page);
    }
    let view = s.load_events(&fids).unwrap();
    assert_eq!(view.validate(), vec![]);
    assert_eq!(titles(&view), located);
    // Counts per cell add up to the same events, from the table and straight from the rows.
    for level in 0..4 {
        let cells = s.cells(Bbox::WORLD, None, None, level).unwrap();
        assert_eq!(
            cells.iter().map(|c| c.count).sum::<u64>(),
            located.len() as u64
        );
    }
    let exact = s.cells_exact(Bbox::WORLD, None, None, 4.0).unwrap();
    assert_eq!(
        exact.iter().map(|c| c.count).sum::<u64>(),
        located.len() as u64
    );
    // A box elsewhere holds none of them; dates before the summit exclude the dated ones.
    let atlantic = Bbox {
        west: -40.0,
        south: 0.0,
        east: -20.0,
        north: 30.0,
    };
    assert!(s.page(atlantic, None, None, 0, 100).unwrap().is_empty());
    let before = parse_day("2001-01-01").ok();
    let old = s.page(Bbox::WORLD, None, before, 0, 100).unwrap();
    assert!(old.len() < fids.len(), "{} of {}", old.len(), fids.len());

    assert_cells_match_a_rebuild(&mut s);
    // The same file again adds nothing.
    let again = s.import(&seed).unwrap();
    assert_eq!((again.duplicates, again.articles, again.events), (1, 0, 0));
    assert_eq!(s.counts().unwrap(), (1, seed.events.len()));
}

#[test]
fn reports_merge_as_in_the_embedded_library() {
    let c = cluster();
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("lib.gpkg")).unwrap();
    let mut s = Server::connect(&c.url()).unwrap();
    let a = article(
        MEETING_A,
        "https://wire.example/a",
        "Wire",
        "2023-06-05",
        "a1",
    );
    let b = article(
        MEETING_B,
        "https://daily.example/b",
        "Daily",
        "2023-06-05",
        "a1",
    );
    for ds in [&a, &b] {
        let x = store.import(ds).unwrap();
        let y = s.import(ds).unwrap();
        assert_eq!(x, y, "the server reports what the library reports");
    }
    let (x, y) = (store.load().unwrap(), s.load().unwrap());
    assert_eq!(titles(&x), titles(&y));
    let joined = y
        .events
        .iter()
        .find(|e| e.reports.len() == 2)
        .expect("one meeting, two reports");
    assert!(
        joined.reports[1]
            .merged
            .as_deref()
            .is_some_and(|w| w.contains("same kind")),
        "{joined:?}"
    );
    // A copy on another site is a syndication, without events of its own.
    let copy = article(
        &format!("LIMA (Wire) - {MEETING_A} More talks are planned, the ministry added later."),
        "https://copy.example/c",
        "Copy",
        "2023-06-05",
        "a1",
    );
    let (x, y) = (store.import(&copy).unwrap(), s.import(&copy).unwrap());
    assert_eq!(x, y);
    // Events that took more reports moved their counts along.
    assert_cells_match_a_rebuild(&mut s);
}

#[test]
fn a_title_that_is_sql_round_trips_as_text() {
    let c = cluster();
    let mut s = Server::connect(&c.url()).unwrap();
    let evil = "'); DROP TABLE events; --";
    let mut ds = article(
        MEETING_A,
        "https://wire.example/a",
        "Wire",
        "2023-06-05",
        "a1",
    );
    ds.articles[0].title = evil.to_owned();
    ds.articles[0].source = format!("{evil} \\ $1 %s");
    for e in &mut ds.events {
        e.title = format!("{evil} {}", e.title);
    }
    s.import(&ds).unwrap();
    let back = s.load().unwrap();
    assert_eq!(back.articles[0].title, evil);
    assert_eq!(back.articles[0].source, format!("{evil} \\ $1 %s"));
    assert!(back.events.iter().all(|e| e.title.starts_with(evil)));
    assert_eq!(
        c.psql("newsmap", "SELECT count(*) > 0 FROM events")
            .unwrap()
            .trim(),
        "t"
    );
}

#[test]
fn two_writers_importing_the_same_articles_at_once_store_them_once() {
    let c = cluster();
    let url = c.url();
    let ds = corpus();
    let mut single = Server::connect(&url).unwrap();
    // Created before the race: both writers find the schema.
    single.counts().unwrap();
    let start = std::sync::Arc::new(std::sync::Barrier::new(2));
    let handles: Vec<_> = (0..2)
        .map(|_| {
            let (url, ds, start) = (url.clone(), ds.clone(), start.clone());
            std::thread::spawn(move || {
                let mut s = Server::connect(&url).unwrap();
                start.wait();
                s.import(&ds).unwrap()
            })
        })
        .collect();
    let reports: Vec<_> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    let stored: usize = reports.iter().map(|r| r.articles).sum();
    let events: usize = reports.iter().map(|r| r.events).sum();
    assert_eq!(stored, 2, "{reports:?}");
    assert_eq!(reports.iter().map(|r| r.duplicates).sum::<usize>(), 2);
    // The same as one import into an empty database.
    let c2 = cluster();
    let mut one = Server::connect(&c2.url()).unwrap();
    let r = one.import(&ds).unwrap();
    assert_eq!((stored, events), (r.articles, r.events));
    assert_eq!(single.counts().unwrap(), one.counts().unwrap());
    let dupes = c
        .psql(
            "newsmap",
            "SELECT count(*) FROM (SELECT uid FROM articles GROUP BY uid HAVING count(*) > 1) d",
        )
        .unwrap();
    assert_eq!(dupes.trim(), "0");
}

#[test]
fn a_database_from_a_newer_newsmap_opens_read_only() {
    let c = cluster();
    let mut s = Server::connect(&c.url()).unwrap();
    s.import(&LoadedDataset::embedded_seed().data).unwrap();
    drop(s);
    c.psql(
        "newsmap",
        "UPDATE newsmap_meta SET value = '99' WHERE key = 'schema_version'",
    )
    .unwrap();
    let mut s = Server::connect(&c.url()).unwrap();
    let why = s.read_only().expect("read-only").to_owned();
    assert!(why.contains("schema version 99"), "{why}");
    assert!(!s.page(Bbox::WORLD, None, None, 0, 10).unwrap().is_empty());
    let e = s.import(&LoadedDataset::embedded_seed().data).unwrap_err();
    assert!(matches!(e, ServerError::ReadOnly { .. }), "{e}");
}

#[test]
fn an_analyst_role_reads_but_cannot_write() {
    let c = cluster();
    let mut s = Server::connect(&c.url()).unwrap();
    s.import(&LoadedDataset::embedded_seed().data).unwrap();
    // The README's SQL for a read-only role.
    c.psql(
        "newsmap",
        "CREATE ROLE analyst LOGIN PASSWORD 'secret-pw';
         GRANT CONNECT ON DATABASE newsmap TO analyst;
         GRANT USAGE ON SCHEMA public TO analyst;
         GRANT SELECT ON ALL TABLES IN SCHEMA public TO analyst;
         ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO analyst;",
    )
    .unwrap();
    let url = c.url_with("analyst", "127.0.0.1", "sslmode=disable");
    let mut a = Server::connect(&url).unwrap();
    assert!(
        a.read_only().unwrap().contains("analyst"),
        "{:?}",
        a.read_only()
    );
    assert!(!a.page(Bbox::WORLD, None, None, 0, 10).unwrap().is_empty());
    assert!(matches!(
        a.import(&corpus()).unwrap_err(),
        ServerError::ReadOnly { .. }
    ));
    // Even past newsmap's check, the server refuses the write.
    let e = a
        .client()
        .execute("DELETE FROM events", &[])
        .expect_err("no DELETE for analysts");
    let why = e
        .as_db_error()
        .map(|d| d.message().to_owned())
        .unwrap_or_default();
    assert!(why.contains("permission denied"), "{e:?}");
}

#[test]
fn a_server_that_is_down_or_stops_gives_a_message_naming_it_and_no_password() {
    let c = cluster();
    let mut s = Server::connect(&c.url()).unwrap();
    s.import(&LoadedDataset::embedded_seed().data).unwrap();
    c.stop();
    let e = s.page(Bbox::WORLD, None, None, 0, 10).unwrap_err();
    assert!(matches!(e, ServerError::Lost { .. }), "{e:?}");
    assert!(
        e.to_string().contains(&format!("127.0.0.1:{}", c.port)),
        "{e}"
    );
    // Nobody listening: refused, quickly, with the password left out.
    let url = format!(
        "postgres://postgres:hunter2@127.0.0.1:{}/newsmap?sslmode=disable",
        c.port
    );
    let t = Instant::now();
    let e = Server::connect(&url).unwrap_err();
    assert!(t.elapsed() < Duration::from_secs(10));
    let msg = e.to_string();
    assert!(msg.contains("cannot connect"), "{msg}");
    assert!(
        !msg.contains("hunter2") && !format!("{e:?}").contains("hunter2"),
        "{msg}"
    );
    c.restart().unwrap();
    let mut s = Server::connect(&c.url()).unwrap();
    assert_eq!(s.counts().unwrap().0, 1, "the committed import survived");
}

#[test]
fn a_connection_lost_in_the_middle_of_an_import_keeps_none_of_it() {
    let c = cluster();
    let url = c.url();
    let ds = corpus();
    Server::connect(&url).unwrap();
    // Another session holds the second article's key, so the import stops there, after the
    // first article went in, until its connection is cut.
    let mut holder = postgres::Client::connect(
        &format!(
            "host=127.0.0.1 port={} user=postgres dbname=newsmap",
            c.port
        ),
        postgres::NoTls,
    )
    .unwrap();
    let mut hold = holder.transaction().unwrap();
    hold.execute(
        "INSERT INTO articles (uid, title, text) VALUES ('url:https://daily.example/b', 'x', 'x')",
        &[],
    )
    .unwrap();
    let writer = std::thread::spawn(move || Server::connect(&url).unwrap().import(&ds));
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let waiting = c
            .psql(
                "newsmap",
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                 WHERE application_name = 'newsmap' AND wait_event_type = 'Lock'",
            )
            .unwrap();
        if waiting.trim() == "t" {
            break;
        }
        assert!(Instant::now() < deadline, "the import never blocked");
        std::thread::sleep(Duration::from_millis(50));
    }
    let e = writer.join().unwrap().unwrap_err();
    assert!(matches!(e, ServerError::Lost { .. }), "{e:?}");
    hold.rollback().unwrap();
    let n = c.psql("newsmap", "SELECT count(*) FROM articles").unwrap();
    assert_eq!(
        n.trim(),
        "0",
        "the first article was rolled back with the rest"
    );
}

#[test]
fn tls_is_used_when_required_and_certificates_are_checked_when_asked() {
    let c = Cluster::start(true).unwrap_or_else(|e| panic!("cannot start a TLS cluster: {e}"));
    let ca = c.dir().join("ca.crt").display().to_string();
    let ssl_in_use = |s: &mut Server| -> bool {
        s.client()
            .query_one(
                "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()",
                &[],
            )
            .unwrap()
            .get(0)
    };
    let mut s = Server::connect(&c.url_with("postgres", "127.0.0.1", "sslmode=require")).unwrap();
    assert!(ssl_in_use(&mut s));
    let mut s = Server::connect(&c.url_with(
        "postgres",
        "localhost",
        &format!("sslmode=verify-full&sslrootcert={ca}&hostaddr=127.0.0.1"),
    ))
    .unwrap();
    assert!(ssl_in_use(&mut s));
    s.import(&LoadedDataset::embedded_seed().data).unwrap();
    let mut s = Server::connect(&c.url_with("postgres", "127.0.0.1", "sslmode=disable")).unwrap();
    assert!(!ssl_in_use(&mut s));
    // A certificate from another CA is refused.
    let other = c.dir().join("server.crt").display().to_string();
    let e = Server::connect(&c.url_with(
        "postgres",
        "localhost",
        &format!("sslmode=verify-full&sslrootcert={other}&hostaddr=127.0.0.1"),
    ))
    .unwrap_err();
    assert!(e.to_string().contains("cannot connect"), "{e}");
}

#[test]
fn a_database_that_is_not_newsmaps_is_left_alone_and_postgis_is_asked_for() {
    let c = cluster();
    c.psql("postgres", "CREATE DATABASE other").unwrap();
    c.psql("other", "CREATE TABLE events (id int)").unwrap();
    let url = format!("host=127.0.0.1 port={} user=postgres dbname=other", c.port);
    let e = Server::connect(&url).unwrap_err();
    assert!(matches!(e, ServerError::NotNewsmap { .. }), "{e}");
    assert_eq!(
        c.psql("other", "SELECT to_regclass('newsmap_meta') IS NULL")
            .unwrap()
            .trim(),
        "t"
    );
    // A role that may not install PostGIS is told who can.
    c.psql("postgres", "CREATE ROLE writer LOGIN").unwrap();
    c.psql("postgres", "CREATE DATABASE bare OWNER writer")
        .unwrap();
    let url = format!("host=127.0.0.1 port={} user=writer dbname=bare", c.port);
    let e = Server::connect(&url).unwrap_err();
    assert!(matches!(e, ServerError::NoPostgis { .. }), "{e}");
    assert!(e.to_string().contains("CREATE EXTENSION postgis"), "{e}");
}

#[test]
fn extract_into_a_server_url_writes_there() {
    let c = cluster();
    let out = Command::new(env!("CARGO_BIN_EXE_newsmap"))
        .args([
            "extract",
            "seeds/2022-11-13-japan-south-korea-summit.txt",
            "--into",
            &c.url(),
        ])
        .env("PGPASSWORD", "not-shown")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("new articles"), "{stderr}");
    assert!(!stderr.contains("not-shown"), "{stderr}");
    let mut s = Server::connect(&c.url()).unwrap();
    let (articles, events) = s.counts().unwrap();
    assert_eq!(articles, 1);
    assert!(events > 0);
    // A bad URL is named, with status 1.
    let out = Command::new(env!("CARGO_BIN_EXE_newsmap"))
        .args([
            "extract",
            "seeds/2022-11-13-japan-south-korea-summit.txt",
            "--into",
            "postgres://nobody:pw@127.0.0.1:1/x?sslmode=disable",
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("127.0.0.1:1") && !stderr.contains(":pw@"),
        "{stderr}"
    );
}

/// Frames until `done` holds (the worker thread answers in the background).
fn run_until(
    h: &mut egui_kittest::Harness<'static, newsmap::ui::NewsmapApp>,
    what: &str,
    done: impl Fn(&newsmap::ui::NewsmapApp) -> bool,
) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while !done(h.state()) {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        h.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    h.step();
}

#[test]
fn the_app_shows_the_servers_view_and_keeps_it_when_the_server_goes() {
    let c = cluster();
    let seed = LoadedDataset::embedded_seed().data;
    Server::connect(&c.url()).unwrap().import(&seed).unwrap();
    let mut h = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(
            |ui, app: &mut newsmap::ui::NewsmapApp| app.ui(ui),
            newsmap::ui::NewsmapApp::with_server(&c.url()),
        );
    run_until(&mut h, "the first rows", |app| {
        app.library().event_count() > 0
    });
    let shown = titles(&h.state().library().datasets[0].data);
    assert!(!shown.is_empty());
    assert!(
        h.state()
            .notices()
            .iter()
            .any(|n| n.starts_with("Connected to postgres://postgres@127.0.0.1")),
        "{:?}",
        h.state().notices()
    );
    // The server goes away; the next view change fails with a notice and the map keeps its
    // events.
    c.stop();
    // Closer in: a box other than the world, so a new request goes out.
    h.state_mut().apply(newsmap::ui::Action::ZoomMap(2.0));
    run_until(&mut h, "the failure notice", |app| {
        app.server().is_some_and(|s| s.failure.is_some())
    });
    let notice = h.state().server().unwrap().failure.clone().unwrap();
    assert!(
        notice.contains(&format!("127.0.0.1:{}", c.port)),
        "{notice}"
    );
    assert_eq!(titles(&h.state().library().datasets[0].data), shown);
    // Back again: the next view is answered.
    c.restart().unwrap();
    h.state_mut().apply(newsmap::ui::Action::ZoomMap(-1.0));
    run_until(&mut h, "an answer after the restart", |app| {
        app.server().is_some_and(|s| s.failure.is_none())
    });
}
