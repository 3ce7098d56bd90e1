//! `newsmap export` and `newsmap import`: events to and from the formats other tools use.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::interchange::{self, ExportFormat, ImportFormat, InterchangeError};
use crate::library::filter::Filter;
use crate::library::store::{ImportOptions, Store};
use crate::library::{Library, LoadedDataset};
use crate::model::{EventKind, write_file};

/// `newsmap export`: its options.
#[derive(Debug, clap::Args)]
#[command(
    long_about = "Write events as GeoJSON, CSV or a GeoPackage for other tools.\n\n\
        IN are newsmap/1 datasets or newsmap libraries (.gpkg); their events are written \
        together (ids prefixed d1-, d2-, … when there are several). GeoJSON is a \
        FeatureCollection (RFC 7946) with one feature per event at its place (a line or area \
        when the place has one). CSV has ACLED-like columns: event_id, event_date, date_end, \
        time_precision, event_type (the PLOVER type), sub_event_type (the mode), actor1, \
        actor2, country, location, latitude, longitude, geo_precision, source, source_url, \
        notes, quotes. gpkg is a GeoPackage that is also a newsmap library: QGIS opens its \
        events layer, newsmap reopens it.\n\n\
        --filtered writes only the events that pass the filters given with it (--from, --to, \
        --kind, --party, --text), as the app's filters do. The output is written atomically: \
        it is the old file or the complete new one, never an input."
)]
pub struct ExportArgs {
    /// The format to write.
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// Write only the events that pass the filters given.
    #[arg(long)]
    pub filtered: bool,
    /// With --filtered: events on or after this day.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day, requires = "filtered")]
    pub from: Option<jiff::civil::Date>,
    /// With --filtered: events on or before this day.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day, requires = "filtered")]
    pub to: Option<jiff::civil::Date>,
    /// With --filtered: only this PLOVER kind (e.g. CONSULT); may be given several times.
    #[arg(long = "kind", value_name = "KIND", value_parser = parse_kind, requires = "filtered")]
    pub kinds: Vec<EventKind>,
    /// With --filtered: only events with a party of this name.
    #[arg(long, value_name = "NAME", requires = "filtered")]
    pub party: Option<String>,
    /// With --filtered: only events whose title, quotes, parties or place contain this text.
    #[arg(long, value_name = "TEXT", requires = "filtered")]
    pub text: Option<String>,
    /// The file to write.
    #[arg(short, long = "output", value_name = "OUT")]
    pub output: PathBuf,
    /// newsmap/1 datasets or newsmap libraries (.gpkg).
    #[arg(value_name = "IN", required = true)]
    pub inputs: Vec<PathBuf>,
}

/// `newsmap import`: its options.
#[derive(Debug, clap::Args)]
#[command(
    long_about = "Read events from other tools into one newsmap/1 dataset or a library.\n\n\
        The format of each FILE is found from its content: newsmap/1 JSON, a GeoJSON \
        FeatureCollection, a GDELT 2.0 events export (61 tab-separated columns), an ACLED CSV \
        export (columns by name) or a newsmap library (.gpkg); --format says which when the \
        content does not. Every row is read: a row that cannot be used is skipped and named on \
        stderr with its line and the reason, and the rest is imported. Stderr ends with a \
        summary per file: rows read, events imported, rows skipped.\n\n\
        The dataset goes to stdout, or with -o to a file (atomically); --into adds it to a \
        library file (created if missing) in one transaction, where reports of the same event \
        join as in `extract --into`. Exit status 1 when a file could not be imported at all."
)]
pub struct ImportArgs {
    /// The format of every FILE (default: found from each file's content).
    #[arg(long, value_enum)]
    pub format: Option<ImportFormat>,
    /// Write the dataset there (atomically) instead of to stdout.
    #[arg(
        short,
        long = "output",
        value_name = "OUT.json",
        conflicts_with = "into"
    )]
    pub output: Option<PathBuf>,
    /// Add the events to this library (a .gpkg file, created if missing).
    #[arg(long, value_name = "LIBRARY")]
    pub into: Option<String>,
    /// Files to import.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
}

fn parse_day(s: &str) -> Result<jiff::civil::Date, String> {
    crate::model::parse_day(s).map_err(|e| e.to_string())
}

fn parse_kind(s: &str) -> Result<EventKind, String> {
    interchange::codes::plover_kind(s).ok_or_else(|| {
        let all: Vec<&str> = EventKind::ALL.iter().map(|k| k.code()).collect();
        format!("\"{s}\" is not a PLOVER kind ({})", all.join(", "))
    })
}

/// Runs `newsmap export`.
pub fn run_export(args: &ExportArgs) -> ExitCode {
    match export(args) {
        Ok(report) => {
            eprintln!("{report}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("newsmap export: {e}");
            ExitCode::FAILURE
        }
    }
}

fn export(args: &ExportArgs) -> Result<interchange::ExportReport, InterchangeError> {
    let inputs: Vec<&Path> = args.inputs.iter().map(PathBuf::as_path).collect();
    let datasets = interchange::read_inputs(&inputs)?;
    let ds = if args.filtered {
        let lib = Library::new(
            datasets
                .into_iter()
                .zip(&args.inputs)
                .map(|(d, p)| LoadedDataset::new(p.display().to_string(), Some(p.clone()), d))
                .collect(),
        );
        let filter = Filter {
            from: args.from,
            to: args.to,
            kinds: args.kinds.iter().copied().collect::<BTreeSet<_>>(),
            party: args.party.clone(),
            text: args.text.clone().unwrap_or_default(),
            ..Filter::default()
        };
        interchange::select(&lib, Some(filter.apply(&lib).as_slice()))
    } else {
        interchange::combine(datasets)
    };
    interchange::export(&ds, args.format, &args.output, &inputs)
}

/// Runs `newsmap import`.
pub fn run_import(args: &ImportArgs) -> ExitCode {
    let mut parts = Vec::new();
    let mut formats = Vec::new();
    let mut failed = false;
    let mut summaries = Vec::new();
    for f in &args.files {
        match interchange::import_file(f, args.format) {
            Ok(imported) => {
                for line in imported.report.skipped_lines() {
                    eprintln!("{line}");
                }
                summaries.push(imported.report.to_string());
                formats.push(imported.report.format);
                parts.push(imported.dataset);
            }
            Err(e) => {
                eprintln!("{e}");
                failed = true;
            }
        }
    }
    for s in &summaries {
        eprintln!("{s}");
    }
    if parts.is_empty() {
        return ExitCode::FAILURE;
    }
    let ds = interchange::combine(parts);
    let inputs: Vec<&Path> = args.files.iter().map(PathBuf::as_path).collect();
    let written = match (&args.output, &args.into) {
        (Some(out), _) => {
            write_file(out, ds.to_json_inline().as_bytes(), &inputs).map_err(|e| e.to_string())
        }
        (None, Some(into)) => into_library(into, &ds, &formats),
        (None, None) => std::io::stdout()
            .lock()
            .write_all(ds.to_json_inline().as_bytes())
            .map_err(|e| format!("stdout: {e}")),
    };
    match written {
        Ok(()) if failed => ExitCode::FAILURE,
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("newsmap import: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Adds `ds` to the library `into`. Records of other datasets are not articles: their short
/// lines are never taken for wire copies of each other.
fn into_library(
    into: &str,
    ds: &crate::model::Dataset,
    formats: &[ImportFormat],
) -> Result<(), String> {
    // A team server (postgres://…, service=…): the same import as `extract --into`.
    if crate::library::server::is_server_url(into) {
        let report = super::extract::import_into(Path::new(into), ds)?;
        eprintln!("{}: {report}", super::extract::target_name(Path::new(into)));
        return Ok(());
    }
    let articles = formats
        .iter()
        .all(|f| matches!(f, ImportFormat::Newsmap | ImportFormat::Library));
    let mut store = Store::open(Path::new(into)).map_err(|e| e.to_string())?;
    let report = store
        .import_with(
            ds,
            ImportOptions {
                merge: true,
                copies: articles,
            },
        )
        .map_err(|e| e.to_string())?;
    eprintln!("{into}: {report}");
    Ok(())
}
