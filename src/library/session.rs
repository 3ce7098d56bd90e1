//! The session kept between runs: which files were open and how the app looked, in one JSON
//! file of the user's data directory.
//!
//! It is written through [`write_file`], so a crash or a `kill -9` at any moment leaves the
//! previous session or the new one, never a torn file or none. A session that cannot be read
//! is set aside (renamed `session.json.bad-…`, kept for inspection) and the app starts fresh
//! with a notice saying so.
//!
//! Reopening the session's datasets cannot crash the app twice: before each file is opened its
//! path is written to `opening.json`, which is removed once all are open. If the app dies while
//! opening one (a bug, an out-of-memory kill), the next start finds the marker and does not open
//! that file again; it stays in the session as "not opened", with the reason.

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::LoadedDataset;
use crate::model::{ReadError, WriteError, read_capped, write_file};

/// The `format` of a session file.
pub const SESSION_FORMAT: &str = "newsmap-session/1";

/// Session files are small; anything larger is not one.
const MAX_SESSION_BYTES: usize = 16 * 1024 * 1024;

/// The session's files in a directory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session {
    dir: PathBuf,
}

/// What [`Session::load`] found.
#[derive(Debug)]
pub struct Loaded<T> {
    /// The state, when there was a readable session.
    pub state: Option<T>,
    /// What to tell the user (a session that could not be read and where its copy is).
    pub notice: Option<String>,
}

/// A dataset of the session that is not open, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unopened {
    /// The file.
    pub path: PathBuf,
    /// Why it could not be opened (naming the file).
    pub reason: String,
}

/// What [`Session::open_datasets`] opened and what it could not.
#[derive(Debug, Default)]
pub struct Opened {
    /// The datasets that opened, in the session's order.
    pub datasets: Vec<LoadedDataset>,
    /// The files that did not, in the session's order.
    pub failed: Vec<Unopened>,
}

/// The file as written: a format tag around the app's state.
#[derive(Serialize)]
struct Envelope<'a, T> {
    format: &'a str,
    state: &'a T,
}

#[derive(Deserialize)]
struct EnvelopeIn<T> {
    format: String,
    state: T,
}

/// The marker of a dataset being opened.
#[derive(Serialize, Deserialize)]
struct Opening {
    opening: PathBuf,
}

impl Session {
    /// The session kept in `dir` (created when first saved).
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    /// The session file.
    pub fn path(&self) -> PathBuf {
        self.dir.join("session.json")
    }

    fn marker(&self) -> PathBuf {
        self.dir.join("opening.json")
    }

    /// Reads the last session. No file is a fresh start without a word; a file that cannot be
    /// read or understood is renamed aside and the notice says so and where it went.
    pub fn load<T: DeserializeOwned>(&self) -> Loaded<T> {
        self.remove_stale_temporaries();
        let path = self.path();
        let bytes = match read_capped(&path, MAX_SESSION_BYTES) {
            Ok(b) => b,
            Err(ReadError::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
                return Loaded {
                    state: None,
                    notice: None,
                };
            }
            Err(e) => return self.set_aside(&e.to_string()),
        };
        let parsed: Result<EnvelopeIn<T>, String> =
            serde_json::from_slice(&bytes).map_err(|e| e.to_string());
        match parsed {
            Ok(env) if env.format == SESSION_FORMAT => Loaded {
                state: Some(env.state),
                notice: None,
            },
            Ok(env) => self.set_aside(&format!(
                "{}: format \"{}\" is not \"{SESSION_FORMAT}\"",
                path.display(),
                env.format.chars().take(40).collect::<String>()
            )),
            Err(e) => self.set_aside(&format!("{}: {e}", path.display())),
        }
    }

    /// Keeps a session that cannot be read as `session.json.bad-SECONDS` and says so.
    fn set_aside<T>(&self, why: &str) -> Loaded<T> {
        let path = self.path();
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let aside = self.dir.join(format!("session.json.bad-{stamp}"));
        let kept = match std::fs::rename(&path, &aside) {
            Ok(()) => format!("The damaged copy is kept as {}.", aside.display()),
            Err(e) => format!("It could not be set aside ({e}); it will be replaced."),
        };
        Loaded {
            state: None,
            notice: Some(format!(
                "The last session could not be read, so newsmap started fresh. {why}. {kept}"
            )),
        }
    }

    /// Temporary files a killed writer left beside the session.
    fn remove_stale_temporaries(&self) {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return;
        };
        for e in entries.flatten() {
            let name = e.file_name();
            let name = name.to_string_lossy();
            let ours = name.ends_with(".newsmap-tmp")
                && (name.starts_with(".session.json.") || name.starts_with(".opening.json."));
            if ours {
                // A leftover that cannot be removed now is tried again next start.
                std::fs::remove_file(e.path()).unwrap_or(());
            }
        }
    }

    /// Writes the session (atomically and durably), creating the directory when needed.
    pub fn save<T: Serialize>(&self, state: &T) -> Result<(), WriteError> {
        let path = self.path();
        std::fs::create_dir_all(&self.dir).map_err(|source| WriteError::Io {
            file: path.display().to_string(),
            source,
        })?;
        let json = serde_json::to_string_pretty(&Envelope {
            format: SESSION_FORMAT,
            state,
        })
        .map_err(|e| WriteError::Io {
            file: path.display().to_string(),
            source: std::io::Error::other(e),
        })?;
        write_file(&path, json.as_bytes(), &[])
    }

    /// Opens the session's datasets, each guarded: a file that fails (or makes the loader
    /// panic) is reported and the rest still open, and a file the last run died opening is not
    /// opened again.
    pub fn open_datasets(&self, paths: &[PathBuf]) -> Opened {
        let can_mark = std::fs::create_dir_all(&self.dir).is_ok();
        open_each(paths, can_mark.then(|| self.marker()).as_deref())
    }
}

/// Opens datasets one by one, each guarded by [`load_guarded`]. With a `marker` file, each path
/// is written there before it is opened and the marker removed after the last: a path found in
/// the marker is the one a previous run died opening, and is skipped with a reason.
pub fn open_each(paths: &[PathBuf], marker: Option<&Path>) -> Opened {
    let crashed: Option<PathBuf> = marker
        .and_then(|m| read_capped(m, 1 << 20).ok())
        .and_then(|b| serde_json::from_slice::<Opening>(&b).ok())
        .map(|o| o.opening);
    let mut out = Opened::default();
    for p in paths {
        if crashed.as_deref() == Some(p.as_path()) {
            out.failed.push(Unopened {
                path: p.clone(),
                reason: format!(
                    "{}: not reopened: newsmap stopped while opening it last time (File → \
                     Files not opened tries again)",
                    p.display()
                ),
            });
            continue;
        }
        if let Some(m) = marker {
            let json = serde_json::to_vec(&Opening { opening: p.clone() }).unwrap_or_default();
            // Without the marker a crash could repeat, but the file still opens: the user
            // asked for it, and the loader is guarded below.
            write_file(m, &json, &[]).unwrap_or(());
        }
        match load_guarded(p) {
            Ok(d) => out.datasets.push(d),
            Err(reason) => out.failed.push(Unopened {
                path: p.clone(),
                reason,
            }),
        }
    }
    if let Some(m) = marker {
        // A marker that cannot be removed only skips its one file next time, with a notice.
        std::fs::remove_file(m).unwrap_or(());
    }
    out
}

/// Loads a dataset, turning a panic in the loader (a bug) into an error naming the file, so
/// one bad file can never take the app down.
pub fn load_guarded(path: &Path) -> Result<LoadedDataset, String> {
    match std::panic::catch_unwind(|| LoadedDataset::load(path)) {
        Ok(Ok(d)) => Ok(d),
        Ok(Err(e)) => Err(e.to_string()),
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown".to_owned());
            Err(format!(
                "{}: newsmap failed while reading it (a bug; please report it): {what}",
                path.display()
            ))
        }
    }
}

/// `path` made absolute against the working directory (without touching the file system), so
/// a session started from another folder still finds it.
pub fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct State {
        n: u32,
    }

    #[test]
    fn saves_and_loads_and_a_missing_session_is_a_quiet_fresh_start() {
        let dir = tempfile::tempdir().unwrap();
        let s = Session::new(dir.path().join("newsmap"));
        let l = s.load::<State>();
        assert!(l.state.is_none() && l.notice.is_none());
        s.save(&State { n: 7 }).unwrap();
        assert_eq!(s.load::<State>().state, Some(State { n: 7 }));
    }

    #[test]
    fn a_corrupt_session_is_set_aside_with_a_notice() {
        let dir = tempfile::tempdir().unwrap();
        let s = Session::new(dir.path());
        std::fs::write(
            s.path(),
            "{\"format\": \"newsmap-session/1\", \"state\": {\"n\": ",
        )
        .unwrap();
        let l = s.load::<State>();
        assert!(l.state.is_none());
        let notice = l.notice.unwrap();
        assert!(notice.contains("could not be read"), "{notice}");
        assert!(notice.contains("session.json.bad-"), "{notice}");
        let kept: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with("session.json.bad-"))
            .collect();
        assert_eq!(kept.len(), 1);
        assert!(!s.path().exists(), "the next save starts a new file");
        // Another program's JSON.
        std::fs::write(s.path(), r#"{"format": "other/2", "state": {"n": 1}}"#).unwrap();
        let notice = s.load::<State>().notice.unwrap();
        assert!(notice.contains("\"other/2\""), "{notice}");
    }

    #[test]
    fn a_file_the_last_run_died_opening_is_not_opened_again() {
        let dir = tempfile::tempdir().unwrap();
        let s = Session::new(dir.path());
        let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/seed.json");
        let bad = dir.path().join("crashes.json");
        std::fs::write(&bad, "{}").unwrap();
        // What a run that died opening `bad` leaves behind.
        std::fs::write(
            dir.path().join("opening.json"),
            serde_json::to_vec(&Opening {
                opening: bad.clone(),
            })
            .unwrap(),
        )
        .unwrap();
        let opened = s.open_datasets(&[bad.clone(), seed.clone()]);
        assert_eq!(opened.datasets.len(), 1);
        assert_eq!(opened.failed.len(), 1);
        assert!(
            opened.failed[0]
                .reason
                .contains("stopped while opening it last time")
        );
        assert!(!dir.path().join("opening.json").exists());
        // Next time it is tried again (and fails normally, with its own message).
        let again = s.open_datasets(&[bad]);
        assert!(
            again.failed[0].reason.contains("format"),
            "{:?}",
            again.failed
        );
    }
}
