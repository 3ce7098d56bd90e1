//! GeoPackage export: a fresh newsmap library holding the dataset as it is (no merging), so
//! QGIS opens its `events` layer and newsmap reopens it as a library.

use super::InterchangeError;
use crate::library::store::{ImportOptions, Store};
use crate::model::Dataset;

/// The GeoPackage file's bytes and how many events it holds. The library is built in a
/// temporary folder; `file` (the target) names errors.
pub(super) fn to_gpkg(ds: &Dataset, file: &str) -> Result<(Vec<u8>, usize), InterchangeError> {
    let io = |what: &str, e: std::io::Error| InterchangeError::Invalid {
        file: file.to_owned(),
        why: format!("{what}: {e}"),
    };
    let dir = tempfile::Builder::new()
        .prefix("newsmap-export")
        .tempdir()
        .map_err(|e| io("cannot make a temporary folder", e))?;
    let path = dir.path().join("export.gpkg");
    let events = {
        let mut store = Store::open(&path)?;
        let report = store.import_with(
            ds,
            ImportOptions {
                merge: false,
                copies: false,
            },
        )?;
        store.finish_export()?;
        report.events
    };
    let bytes = std::fs::read(&path).map_err(|e| io("cannot read the temporary GeoPackage", e))?;
    Ok((bytes, events))
}
