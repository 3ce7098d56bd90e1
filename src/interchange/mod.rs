//! Exchange with other tools: events out as GeoJSON, ACLED-style CSV or a GeoPackage, and in
//! from GeoJSON, GDELT 2.0 event exports, ACLED CSV exports, `newsmap/1` datasets and newsmap
//! libraries.
//!
//! - **Import** sniffs the format from the content ([`sniff`]), unless told. Every importer
//!   reads every row: a bad row is skipped with its number and the reason
//!   ([`ImportReport::skipped`]), never the end of the import. Records become events in one
//!   `newsmap/1` dataset; each record is a line of its source's text, which the event's
//!   evidence points at (GDELT's counts and tone, ACLED's notes and fatalities stay there).
//! - **Export** writes what it is given (a dataset, or what the filters show: [`select`])
//!   through `model::write_file`, so a file is either the old one or the complete new one.

pub mod codes;

mod acled;
mod builder;
mod gdelt;
mod geojson_file;
mod gpkg;

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::Path;

use crate::library::Library;
use crate::library::store::StoreError;
use crate::model::{
    Dataset, LoadError, MAX_DATASET_BYTES, ReadError, WriteError, read_capped, write_file,
};

pub use acled::{CSV_COLUMNS, to_csv};
pub use gdelt::GDELT_COLUMNS;
pub use geojson_file::to_geojson;

/// A format newsmap imports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum ImportFormat {
    /// newsmap's own JSON dataset.
    #[value(name = "newsmap")]
    Newsmap,
    /// A GeoJSON FeatureCollection.
    #[value(name = "geojson")]
    GeoJson,
    /// A GDELT 2.0 events export (61 tab-separated columns).
    #[value(name = "gdelt")]
    Gdelt,
    /// An ACLED CSV export (columns by name).
    #[value(name = "acled")]
    Acled,
    /// A newsmap library (`.gpkg`).
    #[value(name = "library")]
    Library,
}

impl ImportFormat {
    /// What to call it in messages.
    pub fn label(self) -> &'static str {
        match self {
            ImportFormat::Newsmap => "newsmap/1 dataset",
            ImportFormat::GeoJson => "GeoJSON",
            ImportFormat::Gdelt => "GDELT 2.0 events export",
            ImportFormat::Acled => "ACLED CSV",
            ImportFormat::Library => "newsmap library",
        }
    }
}

/// A format newsmap exports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, clap::ValueEnum, serde::Serialize)]
pub enum ExportFormat {
    /// A GeoJSON FeatureCollection (RFC 7946).
    #[value(name = "geojson")]
    GeoJson,
    /// CSV with ACLED-like columns.
    #[value(name = "csv")]
    Csv,
    /// A GeoPackage that is also a newsmap library.
    #[value(name = "gpkg")]
    Gpkg,
}

impl ExportFormat {
    /// Every format, in menu order.
    pub const ALL: [ExportFormat; 3] =
        [ExportFormat::GeoJson, ExportFormat::Csv, ExportFormat::Gpkg];

    /// What to call it in menus.
    pub fn label(self) -> &'static str {
        match self {
            ExportFormat::GeoJson => "GeoJSON",
            ExportFormat::Csv => "CSV (ACLED-style columns)",
            ExportFormat::Gpkg => "GeoPackage",
        }
    }

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::GeoJson => "geojson",
            ExportFormat::Csv => "csv",
            ExportFormat::Gpkg => "gpkg",
        }
    }
}

/// A row (or feature) an import left out, and why.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Skipped {
    /// Where: "line 12" for CSV and TSV files (the header is line 1), "features[3]" for GeoJSON.
    pub at: String,
    /// Why, in words.
    pub reason: String,
}

/// What an import read.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ImportReport {
    /// The file.
    pub file: String,
    /// Its format.
    #[serde(serialize_with = "serialize_label")]
    pub format: ImportFormat,
    /// Rows (features, events) read.
    pub rows: usize,
    /// Events imported.
    pub events: usize,
    /// Rows left out, each with its place and reason.
    pub skipped: Vec<Skipped>,
}

fn serialize_label<S: serde::Serializer>(f: &ImportFormat, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(f.label())
}

/// Skipped rows listed in a message before "… and N more".
pub const SHOWN_SKIPPED: usize = 20;

impl ImportReport {
    fn new(file: &str, format: ImportFormat) -> Self {
        Self {
            file: file.to_owned(),
            format,
            rows: 0,
            events: 0,
            skipped: Vec::new(),
        }
    }

    fn skip(&mut self, at: impl Into<String>, reason: impl Into<String>) {
        self.skipped.push(Skipped {
            at: at.into(),
            reason: reason.into(),
        });
    }

    /// One line per skipped row ("FILE: line 12: reason"), the first [`SHOWN_SKIPPED`], then
    /// how many more.
    pub fn skipped_lines(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .skipped
            .iter()
            .take(SHOWN_SKIPPED)
            .map(|s| format!("{}: {}: {}", self.file, s.at, s.reason))
            .collect();
        if self.skipped.len() > SHOWN_SKIPPED {
            out.push(format!(
                "{}: … and {} more problems ({} in all)",
                self.file,
                self.skipped.len() - SHOWN_SKIPPED,
                self.skipped.len()
            ));
        }
        out
    }
}

impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} ({}): {} rows read, {} events imported, {} rows skipped",
            self.file,
            self.format.label(),
            self.rows,
            self.events,
            self.skipped.len()
        )
    }
}

/// Why an import or export failed as a whole. `Display` names the file.
#[derive(Debug, thiserror::Error)]
pub enum InterchangeError {
    /// The file could not be read.
    #[error(transparent)]
    Read(#[from] ReadError),
    /// A `newsmap/1` dataset that does not load.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// A library that could not be read or written.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The output could not be written.
    #[error(transparent)]
    Write(#[from] WriteError),
    /// No format newsmap imports.
    #[error(
        "{file}: {why}; newsmap imports newsmap/1 JSON, GeoJSON FeatureCollections, GDELT 2.0 \
         events exports, ACLED CSV and newsmap libraries (.gpkg); --format names one"
    )]
    Unknown {
        /// The file.
        file: String,
        /// What it looks like instead.
        why: String,
    },
    /// The file is of the format but unusable as a whole (a CSV without the columns needed).
    #[error("{file}: {why}")]
    Invalid {
        /// The file.
        file: String,
        /// What is wrong.
        why: String,
    },
}

/// One file's import: the dataset and the report.
#[derive(Clone, Debug)]
pub struct Imported {
    /// The events, places, parties and source articles read.
    pub dataset: Dataset,
    /// What was read and skipped.
    pub report: ImportReport,
}

const SQLITE_MAGIC: &[u8] = b"SQLite format 3\0";

/// The format of a file's content, or what it looks like instead. `bytes` may be the whole file
/// or its beginning (a few kilobytes are enough).
pub fn sniff(bytes: &[u8]) -> Result<ImportFormat, String> {
    if bytes.starts_with(SQLITE_MAGIC) {
        return Ok(ImportFormat::Library);
    }
    // Only the beginning is looked at, and it may end inside a character.
    let head = &bytes[..bytes.len().min(64 * 1024)];
    let text = match std::str::from_utf8(head) {
        Ok(t) => std::borrow::Cow::Borrowed(t),
        Err(e) if e.valid_up_to() > head.len().saturating_sub(4) => {
            std::borrow::Cow::Borrowed(std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or(""))
        }
        Err(_) => match crate::model::text_from_bytes(bytes) {
            Ok(t) => std::borrow::Cow::Owned(t.chars().take(16 * 1024).collect()),
            Err(e) => return Err(format!("it is not text ({e})")),
        },
    };
    let text = text.trim_start_matches('\u{feff}').trim_start();
    if text.is_empty() {
        return Err("it is empty".to_owned());
    }
    if text.starts_with('{') {
        // The top-level keys decide; the first "format" or "type" key is near the start in
        // every file newsmap and common GIS tools write.
        return match (text.find("\"format\""), text.find("\"FeatureCollection\"")) {
            (Some(f), Some(g)) if f < g => Ok(ImportFormat::Newsmap),
            (_, Some(_)) => Ok(ImportFormat::GeoJson),
            (Some(_), None) => Ok(ImportFormat::Newsmap),
            (None, None) => Err(
                "it is JSON but neither a newsmap/1 dataset nor a GeoJSON FeatureCollection"
                    .to_owned(),
            ),
        };
    }
    let first = text.lines().next().unwrap_or("");
    let tabs = first.split('\t').count();
    if tabs >= 50 && first.split('\t').next().is_some_and(is_digits) {
        return if tabs == gdelt::GDELT_COLUMNS {
            Ok(ImportFormat::Gdelt)
        } else {
            Err(format!(
                "it looks like a GDELT events file with {tabs} columns; newsmap reads GDELT 2.0 \
                 exports ({} columns)",
                gdelt::GDELT_COLUMNS
            ))
        };
    }
    if acled::header_delimiter(first).is_some() {
        return Ok(ImportFormat::Acled);
    }
    Err("its content is no format newsmap knows".to_owned())
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Imports a file, in `format` or the one its content shows.
pub fn import_file(
    path: &Path,
    format: Option<ImportFormat>,
) -> Result<Imported, InterchangeError> {
    let file = path.display().to_string();
    let format = match format {
        Some(f) => f,
        None => {
            let head = read_head(path)?;
            sniff(&head).map_err(|why| InterchangeError::Unknown {
                file: file.clone(),
                why,
            })?
        }
    };
    match format {
        ImportFormat::Newsmap => {
            let dataset = Dataset::load(path)?;
            let mut report = ImportReport::new(&file, format);
            report.rows = dataset.events.len();
            report.events = dataset.events.len();
            Ok(Imported { dataset, report })
        }
        ImportFormat::Library => {
            let store =
                crate::library::store::Store::open_read_only(path, "opened to be read".to_owned())?;
            let dataset = store.load()?;
            let mut report = ImportReport::new(&file, format);
            report.rows = dataset.events.len();
            report.events = dataset.events.len();
            Ok(Imported { dataset, report })
        }
        _ => {
            let bytes = read_capped(path, MAX_DATASET_BYTES)?;
            import_bytes(&bytes, &file, format)
        }
    }
}

/// The first bytes of a file, for sniffing.
fn read_head(path: &Path) -> Result<Vec<u8>, InterchangeError> {
    use std::io::Read;
    let file = path.display().to_string();
    let io = |source| {
        InterchangeError::Read(ReadError::Io {
            file: file.clone(),
            source,
        })
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.is_dir() {
        return Err(io(std::io::Error::other("it is a folder, not a file")));
    }
    let mut head = Vec::with_capacity(64 * 1024);
    std::fs::File::open(path)
        .map_err(io)?
        .take(64 * 1024)
        .read_to_end(&mut head)
        .map_err(io)?;
    Ok(head)
}

/// Imports a file's content in `format` (GeoJSON, GDELT or ACLED; newsmap/1 too, without
/// `text_path`s). `file` names it in messages.
pub fn import_bytes(
    bytes: &[u8],
    file: &str,
    format: ImportFormat,
) -> Result<Imported, InterchangeError> {
    let mut report = ImportReport::new(file, format);
    let dataset = match format {
        ImportFormat::Gdelt => gdelt::import(bytes, &mut report),
        ImportFormat::Acled => acled::import(bytes, &mut report)?,
        ImportFormat::GeoJson => geojson_file::import(bytes, &mut report)?,
        ImportFormat::Newsmap => {
            let ds = Dataset::from_json_bytes(bytes, file, None)?;
            report.rows = ds.events.len();
            ds
        }
        ImportFormat::Library => {
            return Err(InterchangeError::Invalid {
                file: file.to_owned(),
                why: "a library is read from its file, not from memory".to_owned(),
            });
        }
    };
    report.events = dataset.events.len();
    // The importers build sound datasets; this keeps a mistake in one from reaching the app.
    let problems = dataset.validate();
    if !problems.is_empty() {
        return Err(LoadError::Invalid {
            file: file.to_owned(),
            problems,
        }
        .into());
    }
    Ok(Imported { dataset, report })
}

/// Several datasets as one. With more than one, every id gets the prefix `dN-` (N from 1), so
/// ids that repeat across files stay apart.
pub fn combine(mut parts: Vec<Dataset>) -> Dataset {
    if parts.len() == 1 {
        return parts.pop().unwrap_or_default();
    }
    let mut all = Dataset::new();
    for (i, mut ds) in parts.into_iter().enumerate() {
        prefix_ids(&mut ds, &format!("d{}-", i + 1));
        all.articles.extend(ds.articles);
        all.places.extend(ds.places);
        all.parties.extend(ds.parties);
        all.quotes.extend(ds.quotes);
        all.events.extend(ds.events);
    }
    all
}

/// Puts `prefix` in front of every id and every reference to one.
fn prefix_ids(ds: &mut Dataset, prefix: &str) {
    let p = |s: &mut String| s.insert_str(0, prefix);
    for a in &mut ds.articles {
        p(&mut a.id);
        if let Some(s) = &mut a.syndicates {
            p(s);
        }
    }
    for pl in &mut ds.places {
        p(&mut pl.id);
        pl.mentions.iter_mut().for_each(|m| p(&mut m.article));
    }
    for pa in &mut ds.parties {
        p(&mut pa.id);
        pa.mentions.iter_mut().for_each(|m| p(&mut m.article));
    }
    for q in &mut ds.quotes {
        p(&mut q.id);
        p(&mut q.article);
        if let Some(s) = &mut q.speaker {
            p(s);
        }
    }
    for e in &mut ds.events {
        p(&mut e.id);
        if let Some(a) = &mut e.article {
            p(a);
        }
        if let Some(pl) = &mut e.place {
            p(pl);
        }
        for list in [
            &mut e.sources,
            &mut e.parties,
            &mut e.actors,
            &mut e.targets,
            &mut e.quotes,
        ] {
            list.iter_mut().for_each(p);
        }
        for ev in &mut e.evidence {
            if let Some(a) = &mut ev.article {
                p(a);
            }
        }
        e.reports.iter_mut().for_each(|r| p(&mut r.article));
    }
}

/// One dataset of the events of `lib` that `shown` marks (per item of `lib.table`; `None`:
/// all), with just the articles, places, parties and quotes they use.
pub fn select(lib: &Library, shown: Option<&[bool]>) -> Dataset {
    let mut wanted: Vec<Vec<usize>> = vec![Vec::new(); lib.datasets.len()];
    for (i, it) in lib.table.items.iter().enumerate() {
        if shown.is_none_or(|s| s.get(i).copied().unwrap_or(false)) {
            wanted[it.key.dataset as usize].push(it.key.event as usize);
        }
    }
    let parts: Vec<Dataset> = lib
        .datasets
        .iter()
        .zip(wanted)
        .filter(|(_, w)| !w.is_empty())
        .map(|(d, mut w)| {
            w.sort_unstable();
            subset(&d.data, &w)
        })
        .collect();
    if parts.is_empty() {
        return Dataset::new();
    }
    combine(parts)
}

/// The events at `events` of `ds` and what they refer to.
fn subset(ds: &Dataset, events: &[usize]) -> Dataset {
    let evs: Vec<&crate::model::Event> = events.iter().filter_map(|&i| ds.events.get(i)).collect();
    let mut articles: HashSet<&str> = HashSet::new();
    let mut places: HashSet<&str> = HashSet::new();
    let mut parties: HashSet<&str> = HashSet::new();
    let mut quotes: HashSet<&str> = HashSet::new();
    for e in evs.iter().copied() {
        articles.extend(e.articles());
        articles.extend(e.evidence.iter().filter_map(|x| x.article.as_deref()));
        places.extend(e.place.as_deref());
        parties.extend(e.parties.iter().map(String::as_str));
        quotes.extend(e.quotes.iter().map(String::as_str));
    }
    for q in ds.quotes.iter().filter(|q| quotes.contains(q.id.as_str())) {
        articles.insert(q.article.as_str());
        parties.extend(q.speaker.as_deref());
    }
    // An article kept as a copy of another needs that other one.
    let originals: Vec<&str> = ds
        .articles
        .iter()
        .filter(|a| articles.contains(a.id.as_str()))
        .filter_map(|a| a.syndicates.as_deref())
        .collect();
    articles.extend(originals);
    let mut out = Dataset::new();
    out.articles = ds
        .articles
        .iter()
        .filter(|a| articles.contains(a.id.as_str()))
        .cloned()
        .collect();
    let kept_articles: HashSet<&str> = out.articles.iter().map(|a| a.id.as_str()).collect();
    let keep_mentions = |m: &Vec<crate::model::Mention>| -> Vec<crate::model::Mention> {
        m.iter()
            .filter(|m| kept_articles.contains(m.article.as_str()))
            .cloned()
            .collect()
    };
    out.places = ds
        .places
        .iter()
        .filter(|p| places.contains(p.id.as_str()))
        .map(|p| {
            let mut p = p.clone();
            p.mentions = keep_mentions(&p.mentions);
            p
        })
        .collect();
    out.parties = ds
        .parties
        .iter()
        .filter(|p| parties.contains(p.id.as_str()))
        .map(|p| {
            let mut p = p.clone();
            p.mentions = keep_mentions(&p.mentions);
            p
        })
        .collect();
    out.quotes = ds
        .quotes
        .iter()
        .filter(|q| quotes.contains(q.id.as_str()))
        .cloned()
        .collect();
    out.events = evs.into_iter().cloned().collect();
    out
}

/// What an export wrote.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ExportReport {
    /// The file written.
    pub file: String,
    /// Its format.
    pub format: ExportFormat,
    /// Events (features, rows) written.
    pub events: usize,
    /// Events left out, and why (a GeoPackage keeps one copy of an article: events of a
    /// second copy are stored with the first).
    pub notes: Vec<String>,
}

impl fmt::Display for ExportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} events written as {}",
            self.file,
            self.events,
            self.format.label()
        )?;
        for n in &self.notes {
            write!(f, "; {n}")?;
        }
        Ok(())
    }
}

/// Writes `ds` to `out` in `format`, atomically (through `model::write_file`). `inputs` are
/// files the output must not replace (the files the dataset was read from).
pub fn export(
    ds: &Dataset,
    format: ExportFormat,
    out: &Path,
    inputs: &[&Path],
) -> Result<ExportReport, InterchangeError> {
    let file = out.display().to_string();
    let mut notes = Vec::new();
    let events = match format {
        ExportFormat::GeoJson => {
            write_file(out, to_geojson(ds).as_bytes(), inputs)?;
            ds.events.len()
        }
        ExportFormat::Csv => {
            let bytes = to_csv(ds).map_err(|why| InterchangeError::Invalid {
                file: file.clone(),
                why,
            })?;
            write_file(out, &bytes, inputs)?;
            ds.events.len()
        }
        ExportFormat::Gpkg => {
            let (bytes, n) = gpkg::to_gpkg(ds, &file)?;
            if n < ds.events.len() {
                notes.push(format!(
                    "{} events left out: their articles are not in the file",
                    ds.events.len() - n
                ));
            }
            write_file(out, &bytes, inputs)?;
            n
        }
    };
    Ok(ExportReport {
        file,
        format,
        events,
        notes,
    })
}

/// Reads datasets to export: `newsmap/1` files and newsmap libraries (`.gpkg`, by content).
pub fn read_inputs(paths: &[&Path]) -> Result<Vec<Dataset>, InterchangeError> {
    paths
        .iter()
        .map(|p| {
            let head = read_head(p)?;
            let format = if head.starts_with(SQLITE_MAGIC) {
                ImportFormat::Library
            } else {
                ImportFormat::Newsmap
            };
            import_file(p, Some(format)).map(|i| i.dataset)
        })
        .collect()
}

/// How many events of each kind (for reports and tests).
pub fn kind_counts(ds: &Dataset) -> HashMap<&'static str, usize> {
    let mut m = HashMap::new();
    for e in &ds.events {
        *m.entry(e.kind.code()).or_default() += 1;
    }
    m
}
