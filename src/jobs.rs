//! Background imports: reading and extracting articles, loading datasets (and fetching URLs)
//! on a worker thread, so the window never freezes. Results stream back over a channel.

pub mod follow;
pub mod ingest;
pub mod server_view;
pub mod shelf;

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};

use jiff::civil::Date;

use crate::extract::extract;
use crate::geodata::gazetteer::Gazetteer;
use crate::interchange::{self, ImportFormat, ImportReport};
use crate::library::LoadedDataset;
use crate::model::ArticleInput;

/// Something to import.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportKind {
    /// An article file (.txt, .md, .html) to extract events from.
    Article(PathBuf),
    /// A dataset file: newsmap/1, or any format `interchange` imports (GeoJSON, GDELT, ACLED,
    /// a newsmap library), found from its content.
    Dataset(PathBuf),
    /// Pasted text.
    Text {
        /// The article text.
        text: String,
        /// Its headline, if the user gave one.
        title: Option<String>,
        /// Its publication date, if known (relative dates resolve against it).
        published: Option<Date>,
    },
    /// A web page to fetch and extract.
    Url(String),
}

impl ImportKind {
    /// Chooses by extension: `.json` and the formats `interchange` imports (`.geojson`,
    /// `.csv`, `.tsv`, `.gpkg`) are datasets, anything else an article.
    pub fn for_path(path: PathBuf) -> Self {
        let is_data = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| DATASET_EXTENSIONS.iter().any(|d| e.eq_ignore_ascii_case(d)));
        if is_data {
            ImportKind::Dataset(path)
        } else {
            ImportKind::Article(path)
        }
    }

    /// A short name for progress messages.
    pub fn label(&self) -> String {
        match self {
            ImportKind::Article(p) | ImportKind::Dataset(p) => p.display().to_string(),
            ImportKind::Text { title, .. } => {
                title.clone().unwrap_or_else(|| "pasted text".to_owned())
            }
            ImportKind::Url(u) => u.clone(),
        }
    }
}

/// Extensions of the files that open as datasets (the rest are articles to extract from).
pub const DATASET_EXTENSIONS: [&str; 6] = ["json", "geojson", "csv", "tsv", "gpkg", "sqlite"];

/// A message from the worker.
#[derive(Debug)]
pub enum JobEvent {
    /// Starting item `index` of `total`.
    Started {
        /// 0-based position in the batch.
        index: usize,
        /// Batch size.
        total: usize,
        /// What it is.
        label: String,
    },
    /// What an import from another format read and skipped (sent before its `Finished`).
    Report(ImportReport),
    /// One item finished; errors name the file or URL.
    Finished(Result<Box<LoadedDataset>, String>),
    /// The batch is over (all done, or cancelled).
    BatchDone {
        /// True when the user cancelled.
        cancelled: bool,
    },
}

/// Runs one item. `cancel` is checked by long steps (network fetches).
pub fn run_import(kind: &ImportKind, cancel: &AtomicBool) -> Result<LoadedDataset, String> {
    run_import_reporting(kind, cancel).map(|(ds, _)| ds)
}

/// [`run_import`], with the report of an import from another format.
pub fn run_import_reporting(
    kind: &ImportKind,
    cancel: &AtomicBool,
) -> Result<(LoadedDataset, Option<ImportReport>), String> {
    match kind {
        ImportKind::Dataset(p) => open_dataset(p),
        other => run_one(other, cancel).map(|ds| (ds, None)),
    }
}

/// A newsmap/1 file loads as itself (and is reopened from there); any other format is
/// imported into a new dataset without a file, which the app keeps like an extracted one.
fn open_dataset(p: &std::path::Path) -> Result<(LoadedDataset, Option<ImportReport>), String> {
    let head = match std::fs::File::open(p) {
        Ok(f) => {
            use std::io::Read;
            let mut head = Vec::new();
            f.take(64 * 1024)
                .read_to_end(&mut head)
                .map_err(|e| format!("{}: cannot read it: {e}", p.display()))?;
            Some(head)
        }
        // load_guarded names the file and the reason.
        Err(_) => None,
    };
    let is_json = p
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let format = match head.map(|h| interchange::sniff(&h)) {
        None | Some(Ok(ImportFormat::Newsmap)) => None,
        // A .json file that is no format at all gets the dataset loader's message (the line
        // and column where its JSON goes wrong).
        Some(Err(_)) if is_json => None,
        Some(Err(why)) => {
            return Err(interchange::InterchangeError::Unknown {
                file: p.display().to_string(),
                why,
            }
            .to_string());
        }
        Some(Ok(f)) => Some(f),
    };
    let Some(format) = format else {
        return crate::library::session::load_guarded(p).map(|ds| (ds, None));
    };
    let imported = interchange::import_file(p, Some(format)).map_err(|e| e.to_string())?;
    let name = p.file_name().map_or_else(
        || p.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    Ok((
        LoadedDataset::new(name, None, imported.dataset),
        Some(imported.report),
    ))
}

fn run_one(kind: &ImportKind, cancel: &AtomicBool) -> Result<LoadedDataset, String> {
    match kind {
        ImportKind::Dataset(p) => open_dataset(p).map(|(ds, _)| ds),
        ImportKind::Article(p) => {
            let input = crate::source::read_article(p).map_err(|e| e.to_string())?;
            let name = p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            Ok(extracted(name, input))
        }
        ImportKind::Text {
            text,
            title,
            published,
        } => {
            if text.trim().is_empty() {
                return Err("pasted text: there is no text to extract from".to_owned());
            }
            let mut input = ArticleInput::new(text.clone());
            input.title = title.clone().filter(|t| !t.trim().is_empty());
            input.published = *published;
            let name = input
                .title
                .clone()
                .unwrap_or_else(|| "pasted text".to_owned());
            Ok(extracted(name, input))
        }
        ImportKind::Url(url) => {
            let input =
                crate::source::fetch::fetch_article(url, cancel).map_err(|e| e.to_string())?;
            Ok(extracted(url.clone(), input))
        }
    }
}

fn extracted(name: String, input: ArticleInput) -> LoadedDataset {
    let ds = extract(&input, Gazetteer::embedded());
    LoadedDataset::new(name, None, ds)
}

/// A running batch: one worker thread working through its items in order.
pub struct Batch {
    rx: Receiver<JobEvent>,
    cancel: Arc<AtomicBool>,
    /// Items in the batch.
    pub total: usize,
    /// Items finished so far.
    pub done: usize,
    /// What is being worked on.
    pub current: String,
}

impl Batch {
    /// Starts a worker over `items`; `wake` is called after each message (e.g. to repaint).
    pub fn start(items: Vec<ImportKind>, wake: impl Fn() + Send + 'static) -> Self {
        let (tx, rx) = channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let total = items.len();
        let current = items.first().map(ImportKind::label).unwrap_or_default();
        let flag = cancel.clone();
        std::thread::Builder::new()
            .name("newsmap-import".into())
            .spawn(move || worker(items, tx, flag, wake))
            .expect("spawn import thread");
        Self {
            rx,
            cancel,
            total,
            done: 0,
            current,
        }
    }

    /// Asks the worker to stop after (or, for fetches, during) the current item.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// True once cancel was asked.
    pub fn is_cancelling(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// Messages that arrived since the last call.
    pub fn poll(&mut self) -> Vec<JobEvent> {
        let mut out = Vec::new();
        while let Ok(ev) = self.rx.try_recv() {
            match &ev {
                JobEvent::Started { label, .. } => self.current = label.clone(),
                JobEvent::Finished(_) => self.done += 1,
                JobEvent::Report(_) | JobEvent::BatchDone { .. } => {}
            }
            out.push(ev);
        }
        out
    }
}

fn worker(items: Vec<ImportKind>, tx: Sender<JobEvent>, cancel: Arc<AtomicBool>, wake: impl Fn()) {
    let total = items.len();
    for (index, item) in items.into_iter().enumerate() {
        if cancel.load(Ordering::Relaxed) {
            break;
        }
        let _ = tx.send(JobEvent::Started {
            index,
            total,
            label: item.label(),
        });
        wake();
        // A panic in reading or extraction (a bug) fails this item with a message instead of
        // leaving the batch waiting forever on a dead thread.
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            run_import_reporting(&item, &cancel)
        }))
        .unwrap_or_else(|_| {
            Err(format!(
                "{}: newsmap failed while importing it (a bug; please report it)",
                item.label()
            ))
        });
        if cancel.load(Ordering::Relaxed) && result.is_err() {
            break;
        }
        let result = match result {
            Ok((ds, Some(report))) => {
                if tx.send(JobEvent::Report(report)).is_err() {
                    return; // The app went away.
                }
                Ok(ds)
            }
            Ok((ds, None)) => Ok(ds),
            Err(e) => Err(e),
        };
        if tx.send(JobEvent::Finished(result.map(Box::new))).is_err() {
            return; // The app went away.
        }
        wake();
    }
    let _ = tx.send(JobEvent::BatchDone {
        cancelled: cancel.load(Ordering::Relaxed),
    });
    wake();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drain(mut b: Batch) -> Vec<JobEvent> {
        let mut all = Vec::new();
        for _ in 0..500 {
            let evs = b.poll();
            let done = evs.iter().any(|e| matches!(e, JobEvent::BatchDone { .. }));
            all.extend(evs);
            if done {
                return all;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        panic!("batch did not finish: {all:?}");
    }

    #[test]
    fn a_bad_file_fails_alone_and_the_rest_import() {
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("a.txt");
        std::fs::write(&good, "Japanese Prime Minister Fumio Kishida met South Korean President Yoon Suk-yeol in Cambodia on Sunday.").unwrap();
        let missing = dir.path().join("missing.txt");
        let b = Batch::start(
            vec![
                ImportKind::Article(missing.clone()),
                ImportKind::Article(good),
            ],
            || {},
        );
        let results: Vec<_> = drain(b)
            .into_iter()
            .filter_map(|e| {
                if let JobEvent::Finished(r) = e {
                    Some(r)
                } else {
                    None
                }
            })
            .collect();
        assert_eq!(results.len(), 2);
        let err = results[0].as_ref().unwrap_err();
        assert!(err.contains(&missing.display().to_string()), "{err}");
        let ds = results[1].as_ref().unwrap();
        assert!(!ds.data.events.is_empty());
        assert!(ds.data.events.iter().all(|e| e.extracted));
    }

    #[test]
    fn empty_pasted_text_is_refused() {
        let r = run_import(
            &ImportKind::Text {
                text: "  ".into(),
                title: None,
                published: None,
            },
            &AtomicBool::new(false),
        );
        assert!(r.unwrap_err().contains("no text"));
    }
}
