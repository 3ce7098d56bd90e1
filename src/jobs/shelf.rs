//! The user's library, open on a worker thread: imports, full-text searches, splits and reloads
//! run there, so a large library never freezes the window. The app sends [`ShelfRequest`]s and
//! polls [`ShelfEvent`]s.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::library::LoadedDataset;
use crate::library::store::{ImportReport, Store};
use crate::model::Dataset;

/// What the app asks of its library.
#[derive(Debug)]
pub enum ShelfRequest {
    /// Store an extracted or opened dataset (one transaction), then reload.
    Import {
        /// A name for messages (the file, URL or headline).
        name: String,
        /// What to store.
        data: Box<Dataset>,
    },
    /// Event ids (`eN`) whose titles, quotes or article texts match every word.
    Search(String),
    /// Split one article's report off an event into an event of its own, then reload.
    Split {
        /// The event (`eN`).
        event: String,
        /// The article (`aN`) whose report leaves it.
        article: String,
    },
    /// Load the library again (after another process or a followed feed wrote to it).
    Reload,
}

/// What the library reports back.
#[derive(Debug)]
pub enum ShelfEvent {
    /// The whole library, as one dataset, after opening or a change.
    Loaded(Box<LoadedDataset>),
    /// An import finished.
    Imported {
        /// The name the request gave.
        name: String,
        /// What it stored.
        report: ImportReport,
    },
    /// The answer to a search.
    Found {
        /// The query as sent.
        query: String,
        /// Matching event ids.
        events: Vec<String>,
    },
    /// Something failed; the message names the library file and what went wrong.
    Failed(String),
}

/// The library's worker thread and its channels.
pub struct Shelf {
    path: PathBuf,
    requests: Sender<ShelfRequest>,
    events: Receiver<ShelfEvent>,
}

impl Shelf {
    /// Opens (or creates) the library at `path` on a worker thread. A new or empty library gets
    /// the embedded seed, so the first start shows a map. `wake` is called after each event.
    pub fn open(path: &Path, wake: impl Fn() + Send + 'static) -> Shelf {
        let (requests, inbox) = channel::<ShelfRequest>();
        let (outbox, events) = channel::<ShelfEvent>();
        let file = path.to_owned();
        std::thread::Builder::new()
            .name("newsmap-library".into())
            .spawn(move || {
                let send = |ev: ShelfEvent| {
                    // The window has gone away: nothing left to tell.
                    let _ = outbox.send(ev);
                    wake();
                };
                match open_seeded(&file) {
                    Ok(store) => {
                        send(load(&store));
                        serve(store, inbox, &send);
                    }
                    Err(e) => send(ShelfEvent::Failed(e)),
                }
            })
            .expect("the OS can start a thread");
        Shelf {
            path: path.to_owned(),
            requests,
            events,
        }
    }

    /// The library file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Sends a request; false when the worker has stopped (after a failure to open).
    pub fn send(&self, request: ShelfRequest) -> bool {
        self.requests.send(request).is_ok()
    }

    /// Everything the worker reported since the last poll.
    pub fn poll(&self) -> Vec<ShelfEvent> {
        self.events.try_iter().collect()
    }

    /// Waits for the next event (tests and the headless start).
    pub fn wait(&self) -> Option<ShelfEvent> {
        self.events.recv().ok()
    }
}

/// Opens the library, putting the seed in when it holds no article yet.
fn open_seeded(path: &Path) -> Result<Store, String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("{}: cannot create the library's folder: {e}", dir.display()))?;
    }
    let mut store = Store::open(path).map_err(|e| e.to_string())?;
    let (articles, _) = store.counts().map_err(|e| e.to_string())?;
    if articles == 0 && store.read_only().is_none() {
        store
            .import(&LoadedDataset::embedded_seed().data)
            .map_err(|e| format!("{e} (while adding the seed article)"))?;
    }
    Ok(store)
}

fn load(store: &Store) -> ShelfEvent {
    match store.load() {
        Ok(data) => ShelfEvent::Loaded(Box::new(LoadedDataset::new(
            "Library",
            Some(store.path().to_owned()),
            data,
        ))),
        Err(e) => ShelfEvent::Failed(e.to_string()),
    }
}

fn serve(mut store: Store, inbox: Receiver<ShelfRequest>, send: &dyn Fn(ShelfEvent)) {
    while let Ok(request) = inbox.recv() {
        match request {
            ShelfRequest::Import { name, data } => match store.import(&data) {
                Ok(report) => {
                    send(ShelfEvent::Imported { name, report });
                    send(load(&store));
                }
                Err(e) => send(ShelfEvent::Failed(format!("{name}: not added: {e}"))),
            },
            ShelfRequest::Search(query) => match store.search(&query) {
                Ok(events) => send(ShelfEvent::Found { query, events }),
                Err(e) => send(ShelfEvent::Failed(e.to_string())),
            },
            ShelfRequest::Split { event, article } => match store.split(&event, &article) {
                Ok(_) => send(load(&store)),
                Err(e) => send(ShelfEvent::Failed(e.to_string())),
            },
            ShelfRequest::Reload => send(load(&store)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_library_starts_with_the_seed_and_takes_imports() {
        let dir = tempfile::tempdir().unwrap();
        let shelf = Shelf::open(&dir.path().join("lib/library.gpkg"), || {});
        let Some(ShelfEvent::Loaded(first)) = shelf.wait() else {
            panic!("the library loads");
        };
        let seed = LoadedDataset::embedded_seed().data;
        assert_eq!(first.data.articles.len(), seed.articles.len());
        assert!(!first.data.events.is_empty());
        // The same seed again is a duplicate: nothing new.
        shelf.send(ShelfRequest::Import {
            name: "seed again".into(),
            data: Box::new(seed),
        });
        let Some(ShelfEvent::Imported { report, .. }) = shelf.wait() else {
            panic!("an import report");
        };
        assert_eq!(report.articles, 0, "{report}");
        assert!(matches!(shelf.wait(), Some(ShelfEvent::Loaded(_))));
        shelf.send(ShelfRequest::Search("summit".into()));
        let Some(ShelfEvent::Found { events, .. }) = shelf.wait() else {
            panic!("search results");
        };
        assert!(!events.is_empty());
    }

    #[test]
    fn a_library_that_cannot_open_says_which_file() {
        let dir = tempfile::tempdir().unwrap();
        let bad = dir.path().join("library.gpkg");
        std::fs::write(&bad, "not a database").unwrap();
        let shelf = Shelf::open(&bad, || {});
        let Some(ShelfEvent::Failed(msg)) = shelf.wait() else {
            panic!("a failure");
        };
        assert!(msg.contains("library.gpkg"), "{msg}");
        assert_eq!(
            std::fs::read(&bad).unwrap(),
            b"not a database",
            "left as it was"
        );
    }
}
