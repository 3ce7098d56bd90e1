//! The datasets open in a session: the embedded seed, files given on the command line, and
//! articles extracted later. Loading collects errors per file so one bad file never stops the rest.

pub mod corpus;
pub mod filter;
pub mod kept;
pub mod merge;
pub mod server;
pub mod session;
pub mod store;

use std::path::{Path, PathBuf};

use crate::index::{EventKey, EventTable};
use crate::model::{Article, Dataset, Event, IdMaps, LoadError, Party, Place, Quote};

/// The embedded seed dataset's JSON.
pub const SEED_JSON: &str = include_str!("../../data/seed.json");
/// The seed article's text, which the seed dataset names by `text_path`.
pub const SEED_TEXT: &str = include_str!("../../seeds/2022-11-13-japan-south-korea-summit.txt");
const SEED_TEXT_PATH: &str = "../seeds/2022-11-13-japan-south-korea-summit.txt";

/// Titles and names longer than this many characters are cut where they are shown; the whole
/// text stays in the dataset.
pub const LABEL_CHARS: usize = 200;

/// One open dataset and where it came from.
#[derive(Clone, Debug)]
pub struct LoadedDataset {
    /// A short name to show (file name, or "seed (embedded)").
    pub name: String,
    /// The file it was loaded from, if any.
    pub path: Option<PathBuf>,
    /// The data.
    pub data: Dataset,
    /// Id lookups for `data`.
    pub ids: IdMaps,
}

impl LoadedDataset {
    /// Wraps a dataset, building its id maps.
    pub fn new(name: impl Into<String>, path: Option<PathBuf>, data: Dataset) -> Self {
        let ids = IdMaps::new(&data);
        Self {
            name: name.into(),
            path,
            data,
            ids,
        }
    }

    /// Loads a dataset file; its path is kept absolute, so the session finds it again from
    /// any working directory.
    pub fn load(path: &Path) -> Result<Self, LoadError> {
        let data = Dataset::load(path)?;
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        Ok(Self::new(name, Some(session::absolute(path)), data))
    }

    /// The seed dataset built into the binary.
    pub fn embedded_seed() -> Self {
        let data = Dataset::from_json_with_texts(
            SEED_JSON.as_bytes(),
            "data/seed.json (embedded)",
            &|rel| {
                if rel == SEED_TEXT_PATH {
                    Ok(SEED_TEXT.to_owned())
                } else {
                    Err(format!("\"{rel}\" is not embedded"))
                }
            },
        )
        .expect("the embedded seed dataset is validated by the test suite");
        Self::new("seed (embedded)", None, data)
    }
}

/// What [`Library::install`] replaced: large, so best freed off the UI thread.
pub struct Replaced {
    /// The previous event table.
    pub table: EventTable,
    /// The dataset put aside, if one was.
    pub dataset: Option<LoadedDataset>,
}

/// Everything open, plus the event table built over it.
#[derive(Default)]
pub struct Library {
    /// Open datasets in load order; [`EventKey::dataset`] indexes this.
    pub datasets: Vec<LoadedDataset>,
    /// Flattened events with spatial index; rebuilt when datasets change.
    pub table: EventTable,
    /// Bumped on every change, so caches over the library know when to rebuild.
    pub revision: u64,
}

/// An event together with the dataset it lives in.
#[derive(Clone, Copy)]
pub struct EventRef<'a> {
    /// The key.
    pub key: EventKey,
    /// Its dataset.
    pub ds: &'a LoadedDataset,
    /// The event.
    pub event: &'a Event,
}

impl<'a> EventRef<'a> {
    /// The event's place.
    pub fn place(&self) -> Option<&'a Place> {
        self.ds.data.event_place(self.event, &self.ds.ids)
    }

    /// The primary article.
    pub fn article(&self) -> Option<&'a Article> {
        let id = self.event.primary_article()?;
        self.ds
            .ids
            .articles
            .get(id)
            .map(|&i| &self.ds.data.articles[i])
    }

    /// The event's parties, in order.
    pub fn parties(&self) -> impl Iterator<Item = &'a Party> + 'a {
        let ds = self.ds;
        self.event
            .parties
            .iter()
            .filter_map(move |p| ds.ids.parties.get(p).map(|&i| &ds.data.parties[i]))
    }

    /// The event's quotes, in order.
    pub fn quotes(&self) -> impl Iterator<Item = &'a Quote> + 'a {
        let ds = self.ds;
        self.event
            .quotes
            .iter()
            .filter_map(move |q| ds.ids.quotes.get(q).map(|&i| &ds.data.quotes[i]))
    }

    /// "13 Nov 2022", or "date unknown".
    pub fn date_label(&self) -> String {
        self.event
            .date
            .as_ref()
            .map_or_else(|| "date unknown".to_owned(), |d| d.label())
    }

    /// The accessible label of its map marker: `<title> — <date>`, the title cut to
    /// [`LABEL_CHARS`] characters (labels are made for every marker in every frame).
    pub fn marker_label(&self) -> String {
        let sources = match self.event.reports.len() {
            0 | 1 => String::new(),
            n => format!(" — reported by {n} sources"),
        };
        format!(
            "{} — {}{sources}",
            crate::model::shorten(&self.event.title, LABEL_CHARS),
            self.date_label()
        )
    }
}

impl Library {
    /// A library over the given datasets.
    pub fn new(datasets: Vec<LoadedDataset>) -> Self {
        let mut lib = Self {
            datasets,
            table: EventTable::default(),
            revision: 0,
        };
        lib.rebuild();
        lib
    }

    /// Opens `paths`; with none, the embedded seed. Returns the library and one message per file
    /// that failed (already naming the file).
    pub fn open(paths: &[PathBuf]) -> (Self, Vec<String>) {
        if paths.is_empty() {
            return (Self::new(vec![LoadedDataset::embedded_seed()]), Vec::new());
        }
        let mut ok = Vec::new();
        let mut errors = Vec::new();
        for p in paths {
            match session::load_guarded(p) {
                Ok(d) => ok.push(d),
                Err(e) => errors.push(e),
            }
        }
        (Self::new(ok), errors)
    }

    /// Adds a dataset and re-indexes.
    pub fn add(&mut self, ds: LoadedDataset) {
        self.datasets.push(ds);
        self.rebuild();
    }

    /// Removes dataset `index` and re-indexes; keys into later datasets shift down by one.
    pub fn remove(&mut self, index: usize) -> Option<LoadedDataset> {
        if index >= self.datasets.len() {
            return None;
        }
        let ds = self.datasets.remove(index);
        self.rebuild();
        Some(ds)
    }

    /// Rebuilds the event table after datasets changed.
    pub fn rebuild(&mut self) {
        self.table = EventTable::build(self.datasets.iter().map(|d| (&d.data, &d.ids)));
        self.revision += 1;
    }

    /// Puts `ds` at `index` (or adds it when `index` is `None`) with a table a worker built for
    /// it ([`EventTable::with_dataset`] from this library's current table). Returns where the
    /// dataset went, and what it replaced (the old table, and the old dataset if any), for the
    /// caller to free where it costs no frame.
    pub fn install(
        &mut self,
        index: Option<usize>,
        ds: LoadedDataset,
        table: EventTable,
    ) -> (usize, Replaced) {
        let (at, old) = match index.filter(|&i| i < self.datasets.len()) {
            Some(i) => (i, Some(std::mem::replace(&mut self.datasets[i], ds))),
            None => {
                self.datasets.push(ds);
                (self.datasets.len() - 1, None)
            }
        };
        let table = std::mem::replace(&mut self.table, table);
        self.revision += 1;
        (
            at,
            Replaced {
                table,
                dataset: old,
            },
        )
    }

    /// Looks up an event.
    pub fn event(&self, key: EventKey) -> Option<EventRef<'_>> {
        let ds = self.datasets.get(key.dataset as usize)?;
        let event = ds.data.events.get(key.event as usize)?;
        Some(EventRef { key, ds, event })
    }

    /// All events, in load order.
    pub fn events(&self) -> impl Iterator<Item = EventRef<'_>> {
        self.datasets.iter().enumerate().flat_map(|(di, ds)| {
            ds.data
                .events
                .iter()
                .enumerate()
                .map(move |(ei, event)| EventRef {
                    key: EventKey {
                        dataset: di as u32,
                        event: ei as u32,
                    },
                    ds,
                    event,
                })
        })
    }

    /// Total number of events.
    pub fn event_count(&self) -> usize {
        self.table.items.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The seed with only its first `n` events, so datasets differ in size.
    fn seed_events(n: usize) -> LoadedDataset {
        let mut data = LoadedDataset::embedded_seed().data;
        data.events.truncate(n);
        LoadedDataset::new("part of the seed", None, data)
    }

    /// A table a worker builds by replacing or adding one dataset is the table built from
    /// scratch: same items, same shapes at the same positions, same orders.
    #[test]
    fn a_table_with_one_dataset_changed_is_the_table_built_afresh() {
        let seed = LoadedDataset::embedded_seed();
        let mut lib = Library::new(vec![seed.clone(), seed_events(2), seed.clone()]);
        assert!(
            !lib.table.shapes.is_empty(),
            "the seed has a line (the NLL)"
        );
        for (at, ds) in [
            (Some(1), seed_events(7)),
            (Some(0), seed_events(1)),
            (None, seed),
        ] {
            let di = at.unwrap_or(lib.datasets.len());
            let table = EventTable::with_dataset(&lib.table.parts(), di, &ds.data, &ds.ids);
            let (put, _) = lib.install(at, ds, table);
            assert_eq!(put, di);
            let afresh = EventTable::build(lib.datasets.iter().map(|d| (&d.data, &d.ids)));
            assert_eq!(*lib.table.items, *afresh.items);
            assert_eq!(*lib.table.shapes, *afresh.shapes);
            assert_eq!(lib.table.order.by_date, afresh.order.by_date);
            assert_eq!(lib.table.order.rank_of, afresh.order.rank_of);
        }
    }
}
