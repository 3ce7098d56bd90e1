//! Sessions that survive: written atomically (a `kill -9` at any moment leaves the old or the
//! new session), absolute paths, a damaged session set aside with a notice, bad view values
//! clamped, and a dataset that fails at restore kept in the session as not opened.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use newsmap::library::session::Session;
use newsmap::ui::{Action, NewsmapApp, SavedState};

/// The environment variable that turns [`kill_9_leaves_the_old_or_the_new_session`] into the
/// writer it kills.
const WRITER: &str = "NEWSMAP_TEST_SESSION_WRITER";

fn seed_json() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/seed.json")
}

/// A session state that says which write it was, padded so each write takes a while.
fn state(n: usize) -> SavedState {
    SavedState {
        map_zoom: Some(n as f64),
        open_files: (0..2000)
            .map(|i| PathBuf::from(format!("/data/{n}/dataset-{i}-with-a-long-name.json")))
            .collect(),
        ..Default::default()
    }
}

#[test]
fn kill_9_leaves_the_old_or_the_new_session() {
    if let Ok(dir) = std::env::var(WRITER) {
        // The child: write sessions, counting on from the last one, until killed.
        let session = Session::new(dir);
        let last = session
            .load::<SavedState>()
            .state
            .and_then(|s| s.map_zoom)
            .unwrap_or(0.0) as usize;
        for n in last + 1.. {
            session.save(&state(n)).unwrap();
        }
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let session = Session::new(dir.path());
    session.save(&state(0)).unwrap();
    let mut last = 0.0;
    let mut kills_during_writes = 0;
    for round in 0..25u64 {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "kill_9_leaves_the_old_or_the_new_session",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(WRITER, dir.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Kill at a different moment each round (Child::kill is SIGKILL on Unix).
        std::thread::sleep(Duration::from_millis(30 + (round * 37) % 170));
        child.kill().unwrap();
        child.wait().unwrap();
        let loaded = session.load::<SavedState>();
        assert!(
            loaded.notice.is_none(),
            "round {round}: {:?}",
            loaded.notice
        );
        let s = loaded.state.expect("a session is always there");
        let n = s.map_zoom.unwrap();
        // Whole: every path of the write it came from.
        assert_eq!(s.open_files.len(), 2000, "round {round}");
        assert!(
            s.open_files
                .iter()
                .all(|p| p.starts_with(format!("/data/{n}/"))),
            "round {round}: a torn session"
        );
        assert!(n >= last, "round {round}: went back from {last} to {n}");
        if n > last {
            kills_during_writes += 1;
        }
        last = n;
    }
    assert!(kills_during_writes > 0, "the writer never got to write");
    // What the killed writers left is cleaned up at the next load.
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, ["session.json"], "{left:?}");
}

#[test]
fn a_dataset_that_fails_at_restore_is_skipped_and_kept_in_the_session() {
    let dir = tempfile::tempdir().unwrap();
    let session = Session::new(dir.path().join("newsmap"));
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{\"format\": \"newsmap/1\", \"events\": [{}]}").unwrap();
    let gone = dir.path().join("gone.json");
    session
        .save(&SavedState {
            open_files: vec![bad.clone(), seed_json(), gone.clone()],
            ..Default::default()
        })
        .unwrap();
    let mut app = NewsmapApp::start(Vec::new(), Some(session.clone()), || None);
    // The embedded seed and the seed file opened; the others are named, not lost.
    assert_eq!(app.library().datasets.len(), 2);
    assert_eq!(app.errors().len(), 2, "{:?}", app.errors());
    assert!(app.errors()[0].starts_with(&bad.display().to_string()));
    assert!(app.errors()[1].starts_with(&gone.display().to_string()));
    assert!(
        app.notices()
            .iter()
            .any(|n| n.contains("2 file(s) of the last session could not be opened")),
        "{:?}",
        app.notices()
    );
    let unopened: Vec<&Path> = app.unopened().iter().map(|u| u.path.as_path()).collect();
    assert_eq!(unopened, [bad.as_path(), gone.as_path()]);
    // The next save keeps them.
    app.save_session();
    let files = session.load::<SavedState>().state.unwrap().open_files;
    assert!(files.contains(&bad) && files.contains(&gone), "{files:?}");
    // Forgetting one takes it out of the session.
    app.apply(Action::ForgetUnopened(1));
    let files = session.load::<SavedState>().state.unwrap().open_files;
    assert!(files.contains(&bad) && !files.contains(&gone), "{files:?}");
}

#[test]
fn a_crash_while_restoring_never_repeats() {
    let dir = tempfile::tempdir().unwrap();
    let session = Session::new(dir.path());
    session
        .save(&SavedState {
            open_files: vec![seed_json()],
            ..Default::default()
        })
        .unwrap();
    // What a start that died while opening the seed file leaves.
    std::fs::write(
        dir.path().join("opening.json"),
        serde_json::json!({ "opening": seed_json() }).to_string(),
    )
    .unwrap();
    let app = NewsmapApp::start(Vec::new(), Some(session.clone()), || None);
    assert_eq!(app.library().datasets.len(), 1, "only the embedded seed");
    assert!(
        app.errors()[0].contains("stopped while opening it last time"),
        "{:?}",
        app.errors()
    );
    // The start after that opens it again.
    let app = NewsmapApp::start(Vec::new(), Some(session), || None);
    assert_eq!(app.library().datasets.len(), 2, "{:?}", app.errors());
}

#[test]
fn a_corrupt_session_starts_fresh_with_a_notice_and_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let session = Session::new(dir.path());
    std::fs::write(session.path(), "{ \"format\": \"newsmap-session/1\", \"sta").unwrap();
    let legacy_called = std::cell::Cell::new(false);
    let app = NewsmapApp::start(Vec::new(), Some(session), || {
        legacy_called.set(true);
        None
    });
    assert!(
        !legacy_called.get(),
        "a damaged session is not replaced by an older one"
    );
    let notice = app
        .notices()
        .iter()
        .find(|n| n.contains("could not be read"))
        .expect("a notice");
    assert!(notice.contains("session.json.bad-"), "{notice}");
    assert!(std::fs::read_dir(dir.path()).unwrap().any(|e| {
        e.unwrap()
            .file_name()
            .to_string_lossy()
            .starts_with("session.json.bad-")
    }));
}

#[test]
fn open_files_are_saved_as_absolute_paths() {
    // The tests run in the package root, so this relative path names the seed dataset.
    let (lib, errors) = newsmap::library::Library::open(&[PathBuf::from("data/seed.json")]);
    assert!(errors.is_empty(), "{errors:?}");
    let app = NewsmapApp::new(lib, Vec::new());
    let files = app.saved_state().open_files;
    assert_eq!(files.len(), 1);
    assert!(files[0].is_absolute(), "{files:?}");
    assert!(files[0].ends_with("data/seed.json"));
    // An older session's relative paths are made absolute when read.
    let old = SavedState {
        open_files: vec![PathBuf::from("data/seed.json")],
        ..Default::default()
    }
    .sanitized();
    assert!(old.open_files[0].is_absolute());
}

#[test]
fn nan_and_out_of_range_view_values_are_clamped() {
    let mut app = NewsmapApp::with_seed();
    let mut bad = SavedState {
        map_center: Some([f64::NAN, 37.0]),
        map_zoom: Some(f64::INFINITY),
        ..Default::default()
    };
    bad.timeline.view = Some((f64::NAN, 5.0));
    bad.timeline.speed = -3.0;
    app.restore(bad);
    assert!(app.map().zoom().is_finite());
    let saved = app.saved_state();
    assert!(saved.timeline.view.is_none());
    assert!(saved.timeline.speed > 0.0);
    // Out of range: clamped.
    let s = SavedState {
        map_center: Some([120.0, 89.9]),
        map_zoom: Some(99.0),
        ..Default::default()
    }
    .sanitized();
    assert_eq!(s.map_zoom, Some(newsmap::map::MAX_ZOOM));
    assert!(s.map_center.unwrap()[1] < 85.1);
    let mut app = NewsmapApp::with_seed();
    app.restore(s);
    let [lon, lat] = app.map().center_lonlat().unwrap();
    assert!(lon.is_finite() && lat.is_finite());
}
