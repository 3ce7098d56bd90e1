//! The library: every article, place, party, quote and event a user keeps, in one SQLite file
//! that is also an OGC GeoPackage, so QGIS and GDAL open its `events` layer directly.
//!
//! - **One transaction per import**, begun immediately (so two writers queue rather than race)
//!   in WAL mode: a crash leaves every earlier import intact and none half-applied.
//! - **The same article once**: an article with a URL (or text) already stored is skipped. A
//!   wire copy on another site — 80 % of its word 3-grams in a stored text, found through an
//!   index of one gram in eight — is kept as a syndication of the original, without events of
//!   its own; a longer version of a stored text is linked to it and keeps its events, which
//!   then join the original's as further reports.
//! - **One event, many reports**: each article's extracted event is a report; a report joins
//!   an existing event when [`super::merge::same_event`] says so, and the reason is stored. A
//!   report split off by the user stays apart.
//! - **Search**: FTS5 over event titles and quotes and over article titles and texts.
//! - **Versions**: `newsmap_meta.schema_version`; older files migrate forward on open, newer ones
//!   open read-only with a message. A file that is no newsmap library is refused and never
//!   written to.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior, params};

mod feeds;

pub use feeds::{Check, FollowedFeed};

use super::merge::{self, PlaceSummary, Summary, party_key};
use crate::model::{
    Article, Dataset, DateRange, Event, EventKind, Evidence, Explanation, IdMaps, Mention, Mode,
    Party, PartyKind, Place, PlaceKind, Quote, Report, day_number,
};

/// The schema version this newsmap writes and understands.
pub const SCHEMA_VERSION: i64 = 1;
/// GeoPackage's application id: "GPKG".
const GPKG_APPLICATION_ID: i64 = 0x4750_4B47;
/// GeoPackage 1.4.
const GPKG_USER_VERSION: i64 = 10400;
/// How long a writer waits for another to finish before giving up.
const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(60);
/// A text is a copy of another when this share of its word 3-grams (or of the other's) are in
/// both: wire copies differ by a dateline, a byline, a cut paragraph.
pub const COPY_SHARE: f64 = 0.8;
/// Texts with fewer word 3-grams are never called copies.
const MIN_COPY_GRAMS: usize = 20;
/// One gram in this many goes into the copy index.
const GRAM_SAMPLE: u64 = 8;
/// Candidates compared in full per new article.
pub(super) const COPY_CANDIDATES: usize = 5;
/// A sampled gram found in more stored articles than this is common phrasing, not evidence of
/// a copy, and is not looked at further.
const COMMON_GRAM: usize = 64;

/// Why the library could not be opened or changed. `Display` names the file.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite failed.
    #[error("{file}: {source}")]
    Sql {
        /// The library file.
        file: String,
        /// SQLite's error.
        source: rusqlite::Error,
    },
    /// The file is not a newsmap library (another SQLite file, or no database at all).
    #[error("{file}: is not a newsmap library ({why}); it was not changed")]
    NotALibrary {
        /// The file.
        file: String,
        /// What it is instead.
        why: String,
    },
    /// The library was opened read-only.
    #[error("{file}: is open read-only ({why})")]
    ReadOnly {
        /// The file.
        file: String,
        /// Why.
        why: String,
    },
    /// An event or article named by the caller is not in the library.
    #[error("{file}: {what} is not in the library")]
    Missing {
        /// The file.
        file: String,
        /// What was asked for.
        what: String,
    },
}

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct ImportReport {
    /// New articles stored with their events.
    pub articles: usize,
    /// Articles already in the library (same URL or the same text): skipped.
    pub duplicates: usize,
    /// Near-identical copies of stored articles: kept as syndications, without events.
    pub syndications: usize,
    /// New events.
    pub events: usize,
    /// Reports that joined an event already in the library.
    pub merged: usize,
}

impl std::fmt::Display for ImportReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} new articles, {} events ({} reports joined events already known)",
            self.articles, self.events, self.merged
        )?;
        if self.duplicates > 0 {
            write!(f, "; {} already in the library", self.duplicates)?;
        }
        if self.syndications > 0 {
            write!(f, "; {} syndicated copies", self.syndications)?;
        }
        Ok(())
    }
}

/// How [`Store::import_with`] treats what it is given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ImportOptions {
    /// Join reports of the same event into one event (within the dataset and with the
    /// library's events). Off, every event of the dataset is stored as it is (an export).
    pub merge: bool,
    /// Look for copies of stored texts (wire copies). Off for records of other datasets, whose
    /// texts are short lines that look alike without being copies.
    pub copies: bool,
}

impl Default for ImportOptions {
    fn default() -> Self {
        Self {
            merge: true,
            copies: true,
        }
    }
}

/// An open library file.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    read_only: Option<String>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.path)
            .field("read_only", &self.read_only)
            .finish()
    }
}

const SCHEMA: &str = r#"
CREATE TABLE gpkg_spatial_ref_sys (
    srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
    organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
INSERT INTO gpkg_spatial_ref_sys VALUES
    ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
    ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system'),
    ('WGS 84 geodetic', 4326, 'EPSG', 4326,
     'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]',
     'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');
CREATE TABLE gpkg_contents (
    table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
    description TEXT DEFAULT '',
    last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
    CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
CREATE TABLE gpkg_geometry_columns (
    table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
    srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
    CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
    CONSTRAINT uk_gc_table_name UNIQUE (table_name),
    CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
    CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));

CREATE TABLE newsmap_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE newsmap_feeds (
    url TEXT PRIMARY KEY, title TEXT, every_secs INTEGER NOT NULL, etag TEXT,
    last_modified TEXT, checked TEXT, error TEXT, articles INTEGER NOT NULL DEFAULT 0);
CREATE TABLE newsmap_feed_items (
    feed TEXT NOT NULL, item TEXT NOT NULL, PRIMARY KEY (feed, item));

CREATE TABLE articles (
    id INTEGER PRIMARY KEY, uid TEXT NOT NULL UNIQUE, url TEXT, title TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '', author TEXT, published TEXT, language TEXT NOT NULL DEFAULT 'en',
    text TEXT NOT NULL, syndicates INTEGER REFERENCES articles(id),
    added TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));
CREATE TABLE places (
    id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, name TEXT NOT NULL, kind TEXT NOT NULL,
    lat REAL NOT NULL, lon REAL NOT NULL, country TEXT, geometry TEXT, source TEXT);
CREATE TABLE parties (
    id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, name TEXT NOT NULL, kind TEXT NOT NULL,
    country TEXT, role TEXT, aliases TEXT NOT NULL DEFAULT '[]');
CREATE TABLE mentions (
    article INTEGER NOT NULL REFERENCES articles(id), place INTEGER REFERENCES places(id),
    party INTEGER REFERENCES parties(id), start INTEGER NOT NULL, "end" INTEGER NOT NULL);
CREATE INDEX mentions_article ON mentions(article);
CREATE TABLE quotes (
    id INTEGER PRIMARY KEY, article INTEGER NOT NULL REFERENCES articles(id),
    speaker INTEGER REFERENCES parties(id), text TEXT NOT NULL, start INTEGER NOT NULL,
    "end" INTEGER NOT NULL);
CREATE TABLE events (
    fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom POINT, title TEXT NOT NULL,
    kind TEXT NOT NULL, mode TEXT, date_start TEXT, date_end TEXT, day_first INTEGER,
    day_last INTEGER, place INTEGER REFERENCES places(id), place_name TEXT, geo_precision INTEGER,
    confidence REAL, sources INTEGER NOT NULL DEFAULT 1, main INTEGER NOT NULL DEFAULT 0,
    extracted INTEGER NOT NULL DEFAULT 1, match_first INTEGER, match_last INTEGER);
CREATE INDEX events_days ON events(day_first, day_last);
CREATE INDEX events_match ON events(kind, match_first, match_last);
CREATE TABLE reports (
    id INTEGER PRIMARY KEY, event INTEGER NOT NULL REFERENCES events(fid),
    article INTEGER NOT NULL REFERENCES articles(id), title TEXT NOT NULL, kind TEXT NOT NULL,
    mode TEXT, date TEXT, place INTEGER REFERENCES places(id), geo_precision INTEGER,
    evidence TEXT NOT NULL, why TEXT, confidence REAL, main INTEGER NOT NULL DEFAULT 0,
    extracted INTEGER NOT NULL DEFAULT 1, merged TEXT, split INTEGER NOT NULL DEFAULT 0);
CREATE INDEX reports_event ON reports(event);
CREATE TABLE report_parties (
    report INTEGER NOT NULL REFERENCES reports(id), party INTEGER NOT NULL REFERENCES parties(id),
    role TEXT NOT NULL);
CREATE INDEX report_parties_report ON report_parties(report);
CREATE TABLE report_quotes (
    report INTEGER NOT NULL REFERENCES reports(id), quote INTEGER NOT NULL REFERENCES quotes(id));
CREATE INDEX report_quotes_report ON report_quotes(report);
CREATE TABLE article_grams (gram INTEGER NOT NULL, article INTEGER NOT NULL REFERENCES articles(id));
CREATE INDEX article_grams_gram ON article_grams(gram, article);
CREATE VIRTUAL TABLE event_search USING fts5(title, quotes);
CREATE VIRTUAL TABLE article_search USING fts5(title, text);

INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id)
    VALUES ('events', 'features', 'events', 'Events from news articles (newsmap)', 4326),
           ('articles', 'attributes', 'articles', 'Source articles (newsmap)', NULL);
INSERT INTO gpkg_geometry_columns VALUES ('events', 'geom', 'POINT', 4326, 0, 0);
"#;

impl Store {
    /// Opens the library at `path`, creating it when there is no file. A file that is not a
    /// newsmap library is refused and left as it was; a library from a newer newsmap opens
    /// read-only.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let file = path.display().to_string();
        let sql = |source| StoreError::Sql {
            file: file.clone(),
            source,
        };
        if path.exists() {
            let version = check_library(path)?;
            if version > SCHEMA_VERSION {
                return Self::open_read_only(
                    path,
                    format!(
                        "schema version {version}, this newsmap knows {SCHEMA_VERSION}: \
                         update newsmap to change it"
                    ),
                );
            }
            let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE)
                .map_err(sql)?;
            configure(&conn).map_err(sql)?;
            let mut store = Store {
                conn,
                path: path.to_owned(),
                read_only: None,
            };
            store.migrate(version)?;
            return Ok(store);
        }
        let conn = Connection::open(path).map_err(sql)?;
        configure(&conn).map_err(sql)?;
        conn.execute_batch(&format!(
            "BEGIN; {SCHEMA}
             INSERT INTO newsmap_meta VALUES ('schema_version', '{SCHEMA_VERSION}');
             PRAGMA application_id = {GPKG_APPLICATION_ID};
             PRAGMA user_version = {GPKG_USER_VERSION};
             COMMIT;"
        ))
        .map_err(sql)?;
        Ok(Store {
            conn,
            path: path.to_owned(),
            read_only: None,
        })
    }

    /// Opens an existing library without ever writing to it.
    pub fn open_read_only(path: &Path, why: String) -> Result<Store, StoreError> {
        let file = path.display().to_string();
        check_library(path)?;
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|source| StoreError::Sql { file, source })?;
        Ok(Store {
            conn,
            path: path.to_owned(),
            read_only: Some(why),
        })
    }

    /// The library file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Why the library is read-only, if it is.
    pub fn read_only(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    fn file(&self) -> String {
        self.path.display().to_string()
    }

    fn sql(&self) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
        move |source| StoreError::Sql {
            file: self.file(),
            source,
        }
    }

    /// Brings an older library up to this version, in one transaction.
    fn migrate(&mut self, from: i64) -> Result<(), StoreError> {
        if from == SCHEMA_VERSION {
            // Indexes added since a version was first written change no data, and any
            // newsmap reads and writes a file with or without them: they are made here, with
            // no new version that would leave older newsmaps read-only. (Without this one,
            // every event written in an import scanned all report quotes: quadratic.)
            self.conn
                .execute_batch(
                    "CREATE INDEX IF NOT EXISTS report_quotes_report ON report_quotes(report);",
                )
                .map_err(self.sql())?;
            // The gram index covers the article too, so a copy lookup reads no table rows.
            let gram_index_columns: i64 = self
                .conn
                .query_row(
                    "SELECT count(*) FROM pragma_index_info('article_grams_gram')",
                    [],
                    |r| r.get(0),
                )
                .map_err(self.sql())?;
            if gram_index_columns < 2 {
                self.conn
                    .execute_batch(
                        "BEGIN; DROP INDEX IF EXISTS article_grams_gram;
                         CREATE INDEX article_grams_gram ON article_grams(gram, article); COMMIT;",
                    )
                    .map_err(self.sql())?;
            }
            return Ok(());
        }
        // Version 1 is the first: there is nothing older to migrate yet. Each later version
        // adds a step here, `if from < N { … }`, and records N.
        let file = self.file();
        Err(StoreError::NotALibrary {
            file,
            why: format!("schema version {from} is not one newsmap ever wrote"),
        })
    }

    /// Makes the file whole on its own, to hand on (an export): the write-ahead log is folded
    /// in and the file leaves WAL mode, so a copy of the one file holds everything.
    pub fn finish_export(&mut self) -> Result<(), StoreError> {
        self.conn
            .query_row("PRAGMA journal_mode = DELETE", [], |_| Ok(()))
            .map_err(self.sql())
    }

    /// How many articles (originals and copies) and events the library holds.
    pub fn counts(&self) -> Result<(usize, usize), StoreError> {
        let count = |sql: &str| -> Result<usize, StoreError> {
            self.conn
                .query_row(sql, [], |r| r.get::<_, i64>(0))
                .map(|n| n as usize)
                .map_err(self.sql())
        };
        Ok((
            count("SELECT count(*) FROM articles")?,
            count("SELECT count(*) FROM events")?,
        ))
    }

    /// Adds a dataset's articles and events in one transaction (see the module docs).
    pub fn import(&mut self, ds: &Dataset) -> Result<ImportReport, StoreError> {
        self.import_marking(ds, None, ImportOptions::default())
    }

    /// [`Store::import`] with merging or copy detection turned off (see [`ImportOptions`]).
    pub fn import_with(
        &mut self,
        ds: &Dataset,
        options: ImportOptions,
    ) -> Result<ImportReport, StoreError> {
        self.import_marking(ds, None, options)
    }

    /// [`Store::import`], also recording in the same transaction that the items `items` of the
    /// followed feed `feed` are read.
    fn import_marking(
        &mut self,
        ds: &Dataset,
        feed: Option<(&str, &[String])>,
        options: ImportOptions,
    ) -> Result<ImportReport, StoreError> {
        if let Some(why) = &self.read_only {
            return Err(StoreError::ReadOnly {
                file: self.file(),
                why: why.clone(),
            });
        }
        let file = self.file();
        let sql = |source| StoreError::Sql {
            file: file.clone(),
            source,
        };
        // Reports of the same event in several of these articles become one event first.
        let mut ds = ds.clone();
        if options.merge {
            merge::merge_across_articles(&mut ds);
        }
        let ids = IdMaps::new(&ds);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sql)?;
        let mut report = ImportReport::default();

        // Articles: skip the ones already here, keep copies as syndications.
        let mut article_row: HashMap<&str, i64> = HashMap::new();
        for a in &ds.articles {
            let text = a.body();
            let uid = article_uid(a);
            let existing: Option<i64> = tx
                .query_row("SELECT id FROM articles WHERE uid = ?1", [&uid], |r| {
                    r.get(0)
                })
                .optional()
                .map_err(sql)?;
            if let Some(id) = existing {
                report.duplicates += 1;
                if !options.merge {
                    // Stored as it is: the events of a second copy go with the first.
                    article_row.insert(a.id.as_str(), id);
                }
                continue;
            }
            let grams = gram_set(text);
            let copy = if options.copies {
                find_copy(&tx, &grams).map_err(sql)?
            } else {
                None
            };
            let (original, relation) = match copy {
                Some((id, relation)) => (Some(id), Some(relation)),
                None => (None, None),
            };
            run(
                &tx,
                "INSERT INTO articles (uid, url, title, source, author, published, language, text,
                     syndicates)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    uid,
                    a.url,
                    a.title,
                    a.source,
                    a.author,
                    a.published.map(|d| d.to_string()),
                    a.language,
                    text,
                    original
                ],
            )
            .map_err(sql)?;
            let id = tx.last_insert_rowid();
            if original.is_some() {
                report.syndications += 1;
            }
            if relation == Some(Copy::Within) {
                continue; // nothing in it the original does not say
            }
            run(
                &tx,
                "INSERT INTO article_search (rowid, title, text) VALUES (?1, ?2, ?3)",
                params![id, a.title, text],
            )
            .map_err(sql)?;
            let mut add_gram = tx
                .prepare_cached("INSERT INTO article_grams (gram, article) VALUES (?1, ?2)")
                .map_err(sql)?;
            for g in sampled(&grams) {
                add_gram.execute(params![g as i64, id]).map_err(sql)?;
            }
            article_row.insert(a.id.as_str(), id);
            report.articles += 1;
        }

        // Places and parties, one row each across the library.
        let mut place_row: HashMap<&str, i64> = HashMap::new();
        for p in &ds.places {
            let key = place_key(p);
            run(
                &tx,
                "INSERT INTO places (key, name, kind, lat, lon, country, geometry, source)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT(key) DO NOTHING",
                params![
                    key,
                    p.name,
                    p.kind.label(),
                    p.lat,
                    p.lon,
                    p.country,
                    p.geometry.as_ref().map(|g| g.to_string()),
                    p.source
                ],
            )
            .map_err(sql)?;
            let id: i64 = tx
                .query_row("SELECT id FROM places WHERE key = ?1", [&key], |r| r.get(0))
                .map_err(sql)?;
            place_row.insert(p.id.as_str(), id);
            for m in &p.mentions {
                if let Some(&a) = article_row.get(m.article.as_str()) {
                    run(&tx,
                        "INSERT INTO mentions (article, place, start, \"end\") VALUES (?1, ?2, ?3, ?4)",
                        params![a, id, m.start as i64, m.end as i64],
                    )
                    .map_err(sql)?;
                }
            }
        }
        let mut party_row: HashMap<&str, i64> = HashMap::new();
        for p in &ds.parties {
            let key = party_key(p.kind, &p.name, p.country.as_deref());
            let existing: Option<(i64, String)> = tx
                .query_row(
                    "SELECT id, aliases FROM parties WHERE key = ?1",
                    [&key],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()
                .map_err(sql)?;
            let id = match existing {
                Some((id, aliases)) => {
                    let mut all: Vec<String> = serde_json::from_str(&aliases).unwrap_or_default();
                    let before = all.len();
                    for a in &p.aliases {
                        if !all.contains(a) {
                            all.push(a.clone());
                        }
                    }
                    if all.len() != before {
                        run(
                            &tx,
                            "UPDATE parties SET aliases = ?1 WHERE id = ?2",
                            params![serde_json::to_string(&all).unwrap_or_default(), id],
                        )
                        .map_err(sql)?;
                    }
                    id
                }
                None => {
                    run(
                        &tx,
                        "INSERT INTO parties (key, name, kind, country, role, aliases)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                        params![
                            key,
                            p.name,
                            party_kind_code(p.kind),
                            p.country,
                            p.role,
                            serde_json::to_string(&p.aliases).unwrap_or_default()
                        ],
                    )
                    .map_err(sql)?;
                    tx.last_insert_rowid()
                }
            };
            party_row.insert(p.id.as_str(), id);
            for m in &p.mentions {
                if let Some(&a) = article_row.get(m.article.as_str()) {
                    run(&tx,
                        "INSERT INTO mentions (article, party, start, \"end\") VALUES (?1, ?2, ?3, ?4)",
                        params![a, id, m.start as i64, m.end as i64],
                    )
                    .map_err(sql)?;
                }
            }
        }
        let mut quote_row: HashMap<&str, i64> = HashMap::new();
        for q in &ds.quotes {
            let Some(&a) = article_row.get(q.article.as_str()) else {
                continue;
            };
            run(&tx,
                "INSERT INTO quotes (article, speaker, text, start, \"end\") VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    a,
                    q.speaker.as_deref().and_then(|s| party_row.get(s)),
                    q.text,
                    q.start as i64,
                    q.end as i64
                ],
            )
            .map_err(sql)?;
            quote_row.insert(q.id.as_str(), tx.last_insert_rowid());
        }

        // Events: each report joins a known event or starts one.
        // (Only when merging: finding the widest window reads every event.)
        let mut stored = if options.merge {
            Some(StoredEvents::new(&tx).map_err(sql)?)
        } else {
            None
        };
        for e in &ds.events {
            let rows: Vec<(String, i64)> = e
                .articles()
                .filter_map(|a| article_row.get(a).map(|&r| (a.to_owned(), r)))
                .collect();
            if rows.is_empty() {
                continue; // its article was a duplicate or a copy
            }
            let summary = Summary::of(&ds, &ids, e);
            let place = e.place.as_deref().and_then(|p| place_row.get(p).copied());
            let own: Vec<i64> = rows.iter().map(|r| r.1).collect();
            let same = match stored.as_mut() {
                Some(stored) => find_same_event(&tx, stored, &summary, &own).map_err(sql)?,
                None => None,
            };
            let (event, why) = match same {
                Some((fid, why)) => (fid, Some(why)),
                None => {
                    let fid = insert_event(&tx, &ds, &ids, e, place).map_err(sql)?;
                    report.events += 1;
                    (fid, None)
                }
            };
            if why.is_some() {
                report.merged += 1;
            }
            for (k, (article_id, article)) in rows.iter().enumerate() {
                let merged = if k == 0 {
                    why.clone()
                } else {
                    e.reports
                        .iter()
                        .find(|r| &r.article == article_id)
                        .and_then(|r| r.merged.clone())
                };
                insert_report(
                    &tx,
                    ReportRow {
                        event,
                        article: *article,
                        article_id,
                        e,
                        place,
                        merged,
                    },
                    &party_row,
                    &quote_row,
                )
                .map_err(sql)?;
            }
            let width = refresh_event(&tx, event).map_err(sql)?;
            if let Some(stored) = stored.as_mut() {
                stored.changed(event, width);
            }
        }
        if let Some((url, items)) = feed {
            let mut seen = tx
                .prepare_cached(
                    "INSERT INTO newsmap_feed_items (feed, item) VALUES (?1, ?2)
                     ON CONFLICT DO NOTHING",
                )
                .map_err(sql)?;
            for item in items {
                seen.execute(params![url, item]).map_err(sql)?;
            }
        }
        tx.commit().map_err(sql)?;
        Ok(report)
    }

    /// The whole library as one `newsmap/1` dataset (ids: articles `aN`, places `pN`, parties
    /// `yN`, quotes `qN`, events `eN`).
    pub fn load(&self) -> Result<Dataset, StoreError> {
        let sql = self.sql();
        let mut ds = Dataset::new();
        let c = &self.conn;
        {
            let mut st = c
                .prepare(
                    "SELECT id, url, title, source, author, published, language, text, syndicates
                     FROM articles ORDER BY id",
                )
                .map_err(&sql)?;
            let rows = st
                .query_map([], |r| {
                    Ok(Article {
                        id: format!("a{}", r.get::<_, i64>(0)?),
                        url: r.get(1)?,
                        title: r.get(2)?,
                        source: r.get(3)?,
                        author: r.get(4)?,
                        published: r
                            .get::<_, Option<String>>(5)?
                            .and_then(|d| crate::model::parse_day(&d).ok()),
                        language: r.get(6)?,
                        text: Some(r.get(7)?),
                        text_path: None,
                        syndicates: r.get::<_, Option<i64>>(8)?.map(|i| format!("a{i}")),
                    })
                })
                .map_err(&sql)?;
            for r in rows {
                ds.articles.push(r.map_err(&sql)?);
            }
        }
        // Mentions, grouped by place and party.
        let mut place_mentions: HashMap<i64, Vec<Mention>> = HashMap::new();
        let mut party_mentions: HashMap<i64, Vec<Mention>> = HashMap::new();
        {
            let mut st = c
                .prepare("SELECT article, place, party, start, \"end\" FROM mentions")
                .map_err(&sql)?;
            let rows = st
                .query_map([], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, Option<i64>>(1)?,
                        r.get::<_, Option<i64>>(2)?,
                        r.get::<_, i64>(3)? as usize,
                        r.get::<_, i64>(4)? as usize,
                    ))
                })
                .map_err(&sql)?;
            for r in rows {
                let (article, place, party, start, end) = r.map_err(&sql)?;
                let m = Mention {
                    article: format!("a{article}"),
                    start,
                    end,
                };
                if let Some(p) = place {
                    place_mentions.entry(p).or_default().push(m);
                } else if let Some(p) = party {
                    party_mentions.entry(p).or_default().push(m);
                }
            }
        }
        {
            let mut st = c
                .prepare("SELECT id, name, kind, lat, lon, country, geometry, source FROM places ORDER BY id")
                .map_err(&sql)?;
            let rows = st
                .query_map([], |r| {
                    let id: i64 = r.get(0)?;
                    Ok((
                        id,
                        Place {
                            id: format!("p{id}"),
                            name: r.get(1)?,
                            kind: place_kind(&r.get::<_, String>(2)?),
                            lat: r.get(3)?,
                            lon: r.get(4)?,
                            country: r.get(5)?,
                            geometry: r
                                .get::<_, Option<String>>(6)?
                                .and_then(|g| serde_json::from_str(&g).ok()),
                            source: r.get(7)?,
                            mentions: Vec::new(),
                        },
                    ))
                })
                .map_err(&sql)?;
            for r in rows {
                let (id, mut p) = r.map_err(&sql)?;
                p.mentions = place_mentions.remove(&id).unwrap_or_default();
                ds.places.push(p);
            }
        }
        {
            let mut st = c
                .prepare("SELECT id, name, kind, country, role, aliases FROM parties ORDER BY id")
                .map_err(&sql)?;
            let rows = st
                .query_map([], |r| {
                    let id: i64 = r.get(0)?;
                    Ok((
                        id,
                        Party {
                            id: format!("y{id}"),
                            name: r.get(1)?,
                            kind: party_kind(&r.get::<_, String>(2)?),
                            country: r.get(3)?,
                            role: r.get(4)?,
                            aliases: serde_json::from_str(&r.get::<_, String>(5)?)
                                .unwrap_or_default(),
                            mentions: Vec::new(),
                        },
                    ))
                })
                .map_err(&sql)?;
            for r in rows {
                let (id, mut p) = r.map_err(&sql)?;
                p.mentions = party_mentions.remove(&id).unwrap_or_default();
                ds.parties.push(p);
            }
        }
        {
            let mut st = c
                .prepare(
                    "SELECT id, article, speaker, text, start, \"end\" FROM quotes ORDER BY id",
                )
                .map_err(&sql)?;
            let rows = st
                .query_map([], |r| {
                    Ok(Quote {
                        id: format!("q{}", r.get::<_, i64>(0)?),
                        article: format!("a{}", r.get::<_, i64>(1)?),
                        speaker: r.get::<_, Option<i64>>(2)?.map(|s| format!("y{s}")),
                        text: r.get(3)?,
                        start: r.get::<_, i64>(4)? as usize,
                        end: r.get::<_, i64>(5)? as usize,
                    })
                })
                .map_err(&sql)?;
            for r in rows {
                ds.quotes.push(r.map_err(&sql)?);
            }
        }
        // Report details, grouped by report.
        let mut roles: HashMap<i64, Vec<(i64, String)>> = HashMap::new();
        {
            let mut st = c
                .prepare("SELECT report, party, role FROM report_parties")
                .map_err(&sql)?;
            let rows = st
                .query_map([], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, i64>(1)?,
                        r.get::<_, String>(2)?,
                    ))
                })
                .map_err(&sql)?;
            for r in rows {
                let (rep, party, role) = r.map_err(&sql)?;
                roles.entry(rep).or_default().push((party, role));
            }
        }
        let mut report_quotes: HashMap<i64, Vec<i64>> = HashMap::new();
        {
            let mut st = c
                .prepare("SELECT report, quote FROM report_quotes")
                .map_err(&sql)?;
            let rows = st
                .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))
                .map_err(&sql)?;
            for r in rows {
                let (rep, q) = r.map_err(&sql)?;
                report_quotes.entry(rep).or_default().push(q);
            }
        }
        let mut reports: HashMap<i64, Vec<StoredReport>> = HashMap::new();
        {
            let mut st = c
                .prepare(
                    "SELECT id, event, article, title, evidence, why, merged, extracted, main
                     FROM reports ORDER BY id",
                )
                .map_err(&sql)?;
            let rows = st
                .query_map([], |r| {
                    Ok(StoredReport {
                        id: r.get(0)?,
                        event: r.get(1)?,
                        article: r.get(2)?,
                        title: r.get(3)?,
                        evidence: serde_json::from_str(&r.get::<_, String>(4)?).unwrap_or_default(),
                        why: r
                            .get::<_, Option<String>>(5)?
                            .and_then(|w| serde_json::from_str(&w).ok()),
                        merged: r.get(6)?,
                        extracted: r.get::<_, i64>(7)? != 0,
                        main: r.get::<_, i64>(8)? != 0,
                    })
                })
                .map_err(&sql)?;
            for r in rows {
                let r = r.map_err(&sql)?;
                reports.entry(r.event).or_default().push(r);
            }
        }
        {
            let mut st = c
                .prepare(
                    "SELECT fid, title, kind, mode, date_start, date_end, place, geo_precision,
                            confidence FROM events ORDER BY fid",
                )
                .map_err(&sql)?;
            let rows = st
                .query_map([], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, Option<String>>(3)?,
                        r.get::<_, Option<String>>(4)?,
                        r.get::<_, Option<String>>(5)?,
                        r.get::<_, Option<i64>>(6)?,
                        r.get::<_, Option<i64>>(7)?,
                        r.get::<_, Option<f64>>(8)?,
                    ))
                })
                .map_err(&sql)?;
            for r in rows {
                let (fid, title, kind, mode, start, end, place, geo, confidence) =
                    r.map_err(&sql)?;
                let reps = reports.remove(&fid).unwrap_or_default();
                ds.events.push(event_from_rows(
                    fid,
                    title,
                    &kind,
                    mode,
                    start,
                    end,
                    place,
                    geo,
                    confidence,
                    reps,
                    &roles,
                    &report_quotes,
                ));
            }
        }
        Ok(ds)
    }

    /// Event ids (`eN`, as [`Store::load`] names them) whose title, quotes or articles match
    /// every word of `query`.
    pub fn search(&self, query: &str) -> Result<Vec<String>, StoreError> {
        let Some(fts) = fts_query(query) else {
            return Ok(Vec::new());
        };
        let mut st = self
            .conn
            .prepare(
                "SELECT rowid FROM event_search WHERE event_search MATCH ?1
                 UNION
                 SELECT DISTINCT reports.event FROM article_search
                     JOIN reports ON reports.article = article_search.rowid
                     WHERE article_search MATCH ?1",
            )
            .map_err(self.sql())?;
        let rows = st
            .query_map([&fts], |r| r.get::<_, i64>(0))
            .map_err(self.sql())?;
        let mut out = Vec::new();
        for r in rows {
            out.push(format!("e{}", r.map_err(self.sql())?));
        }
        Ok(out)
    }

    /// Splits the report of `article` (`aN`) off event `event` (`eN`) into an event of its own,
    /// which will not be joined again. Returns the new event's id.
    pub fn split(&mut self, event: &str, article: &str) -> Result<String, StoreError> {
        if let Some(why) = &self.read_only {
            return Err(StoreError::ReadOnly {
                file: self.file(),
                why: why.clone(),
            });
        }
        let file = self.file();
        let sql = |source| StoreError::Sql {
            file: file.clone(),
            source,
        };
        let missing = |what: String| StoreError::Missing {
            file: file.clone(),
            what,
        };
        let fid: i64 = event
            .strip_prefix('e')
            .and_then(|n| n.parse().ok())
            .ok_or_else(|| missing(format!("event {event}")))?;
        let aid: i64 = article
            .strip_prefix('a')
            .and_then(|n| n.parse().ok())
            .ok_or_else(|| missing(format!("article {article}")))?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sql)?;
        let report: i64 = tx
            .query_row(
                "SELECT id FROM reports WHERE event = ?1 AND article = ?2",
                params![fid, aid],
                |r| r.get(0),
            )
            .optional()
            .map_err(sql)?
            .ok_or_else(|| missing(format!("a report of {article} in {event}")))?;
        let others: i64 = tx
            .query_row(
                "SELECT count(*) FROM reports WHERE event = ?1 AND id != ?2",
                params![fid, report],
                |r| r.get(0),
            )
            .map_err(sql)?;
        if others == 0 {
            return Ok(event.to_owned()); // nothing to split it from
        }
        run(&tx,
            "INSERT INTO events (title, kind, sources) SELECT title, kind, 1 FROM reports WHERE id = ?1",
            [report],
        )
        .map_err(sql)?;
        let new = tx.last_insert_rowid();
        run(
            &tx,
            "UPDATE reports SET event = ?1, split = 1, merged = NULL WHERE id = ?2",
            params![new, report],
        )
        .map_err(sql)?;
        refresh_event(&tx, fid).map_err(sql)?;
        refresh_event(&tx, new).map_err(sql)?;
        tx.commit().map_err(sql)?;
        Ok(format!("e{new}"))
    }
}

/// What a stored report row holds.
pub(super) struct StoredReport {
    pub(super) id: i64,
    pub(super) event: i64,
    pub(super) article: i64,
    pub(super) title: String,
    pub(super) evidence: Vec<crate::model::Span>,
    pub(super) why: Option<Box<Explanation>>,
    pub(super) merged: Option<String>,
    pub(super) extracted: bool,
    pub(super) main: bool,
}

/// Checks that an existing file is a newsmap library without writing to it; returns its schema
/// version.
fn check_library(path: &Path) -> Result<i64, StoreError> {
    let file = path.display().to_string();
    let not = |why: String| StoreError::NotALibrary {
        file: file.clone(),
        why,
    };
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| not(format!("cannot open it as SQLite: {e}")))?;
    let app: i64 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(|e| not(format!("not an SQLite database: {e}")))?;
    let meta: Option<String> = conn
        .query_row(
            "SELECT value FROM newsmap_meta WHERE key = 'schema_version'",
            [],
            |r| r.get(0),
        )
        .optional()
        .map_err(|_| {
            not(if app == GPKG_APPLICATION_ID {
                "a GeoPackage without newsmap's tables".to_owned()
            } else {
                "an SQLite database without newsmap's tables".to_owned()
            })
        })?;
    let version = meta
        .and_then(|v| v.parse::<i64>().ok())
        .ok_or_else(|| not("its schema version is missing".to_owned()))?;
    Ok(version)
}

/// `execute` through the statement cache: an import runs the same few statements thousands of
/// times, and parsing each anew cost a tenth of its time.
fn run(conn: &Connection, sql: &str, params: impl rusqlite::Params) -> rusqlite::Result<usize> {
    conn.prepare_cached(sql)?.execute(params)
}

fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // Room for every statement an import repeats (rusqlite keeps 16 by default).
    conn.set_prepared_statement_cache_capacity(64);
    // WAL: readers (the app) go on while a writer (an import) works, and a crash mid-write
    // leaves the last committed state.
    conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))?;
    conn.execute_batch("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;")
}

/// The article's identity across the library: its URL without the fragment, else a hash of
/// its text.
pub(super) fn article_uid(a: &Article) -> String {
    match a.url.as_deref().map(str::trim).filter(|u| !u.is_empty()) {
        Some(u) => format!(
            "url:{}",
            u.split('#').next().unwrap_or(u).trim_end_matches('/')
        ),
        None => format!("text:{:016x}", fnv(a.body().trim().as_bytes())),
    }
}

fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h = (h ^ b as u64).wrapping_mul(0x100_0000_01b3);
    }
    h
}

/// A text's lowercase word 3-grams, hashed.
pub fn gram_set(text: &str) -> HashSet<u64> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words
        .windows(3)
        .map(|g| fnv(g.join(" ").as_bytes()))
        .collect()
}

/// Jaccard similarity of two texts' lowercase word 3-gram sets.
pub fn jaccard(a: &str, b: &str) -> f64 {
    let (x, y) = (gram_set(a), gram_set(b));
    let union = x.union(&y).count();
    if union == 0 {
        return if a.trim() == b.trim() { 1.0 } else { 0.0 };
    }
    x.intersection(&y).count() as f64 / union as f64
}

/// How a text is a copy of another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Copy {
    /// Its word 3-grams are nearly all in the other (the same text, or an excerpt of it).
    Within,
    /// It holds nearly all of the other and more (a longer version of the same wire text).
    Extends,
}

/// Whether `new` is a copy of `old`: [`COPY_SHARE`] of one text's word 3-grams are in the other.
pub fn copy_of(new: &HashSet<u64>, old: &HashSet<u64>) -> Option<Copy> {
    if new.len() < MIN_COPY_GRAMS || old.len() < MIN_COPY_GRAMS {
        return None; // a headline-sized text matches too much by chance
    }
    let shared = new.intersection(old).count() as f64;
    if shared >= COPY_SHARE * new.len() as f64 {
        Some(Copy::Within)
    } else if shared >= COPY_SHARE * old.len() as f64 {
        Some(Copy::Extends)
    } else {
        None
    }
}

/// True when one text is a copy of the other by the library's test ([`copy_of`]).
pub fn same_text(a: &str, b: &str) -> bool {
    copy_of(&gram_set(a), &gram_set(b)).is_some()
}

/// The grams kept in the library's copy index: one in [`GRAM_SAMPLE`], chosen by hash so that
/// two copies keep the same ones.
pub(super) fn sampled(grams: &HashSet<u64>) -> impl Iterator<Item = u64> + '_ {
    grams.iter().copied().filter(|g| g % GRAM_SAMPLE == 0)
}

/// The stored original a new text (given by its grams) copies, through the gram index: the
/// articles sharing most sampled grams are compared in full.
fn find_copy(
    tx: &rusqlite::Transaction,
    grams: &HashSet<u64>,
) -> rusqlite::Result<Option<(i64, Copy)>> {
    let mut lookup =
        tx.prepare_cached("SELECT article FROM article_grams WHERE gram = ?1 LIMIT ?2")?;
    let mut hits: HashMap<i64, usize> = HashMap::new();
    let mut common_hits: HashMap<i64, usize> = HashMap::new();
    for g in sampled(grams) {
        let articles: Vec<i64> = lookup
            .query_map(params![g as i64, COMMON_GRAM as i64 + 1], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        // A phrase in many stored articles ("according to the") tells no copy apart, and
        // reading its every article made each import slower than the last: only the first
        // stored few are read, and they count only when no rarer phrase is shared with
        // anything (a wire story stored more than that many times over, whose every phrase is
        // common; its first stored versions come first in the index).
        let counts = if articles.len() > COMMON_GRAM {
            &mut common_hits
        } else {
            &mut hits
        };
        for a in articles {
            *counts.entry(a).or_default() += 1;
        }
    }
    if hits.is_empty() {
        hits = common_hits;
    }
    let mut best: Vec<(usize, i64)> = hits.into_iter().map(|(a, n)| (n, a)).collect();
    best.sort_unstable_by(|x, y| y.cmp(x));
    let mut text = tx.prepare_cached("SELECT text FROM articles WHERE id = ?1")?;
    for (_, id) in best.into_iter().take(COPY_CANDIDATES) {
        let other: String = text.query_row([id], |r| r.get(0))?;
        if let Some(c) = copy_of(grams, &gram_set(&other)) {
            return Ok(Some((id, c)));
        }
    }
    Ok(None)
}

pub(super) fn place_key(p: &Place) -> String {
    format!("{:.4},{:.4},{}", p.lat, p.lon, p.name.to_lowercase())
}

pub(super) fn party_kind_code(k: PartyKind) -> &'static str {
    match k {
        PartyKind::Person => "person",
        PartyKind::State => "state",
        PartyKind::Organization => "organization",
        PartyKind::Group => "group",
    }
}

pub(super) fn party_kind(s: &str) -> PartyKind {
    match s {
        "person" => PartyKind::Person,
        "state" => PartyKind::State,
        "group" => PartyKind::Group,
        _ => PartyKind::Organization,
    }
}

pub(super) fn place_kind(s: &str) -> PlaceKind {
    serde_json::from_value(serde_json::Value::String(
        match s {
            "place" => "other",
            other => other,
        }
        .to_owned(),
    ))
    .unwrap_or(PlaceKind::Other)
}

pub(super) fn kind_of(code: &str) -> EventKind {
    EventKind::ALL
        .into_iter()
        .find(|k| k.code() == code)
        .unwrap_or(EventKind::Incident)
}

/// The mode stored in a row: reports keep its label, which for `future` is "planned".
pub(super) fn mode_of(s: Option<&str>) -> Option<Mode> {
    match s {
        Some("planned") => Some(Mode::Future),
        _ => s.and_then(|m| serde_json::from_value(serde_json::Value::String(m.to_owned())).ok()),
    }
}

/// GeoPackage geometry blob of a point: the "GP" header (version 0, little-endian, no envelope,
/// SRS 4326) and the point as WKB.
pub fn gpkg_point(lon: f64, lat: f64) -> Vec<u8> {
    let mut out = vec![b'G', b'P', 0, 0b0000_0001];
    out.extend_from_slice(&4326i32.to_le_bytes());
    let options = wkb::writer::WriteOptions {
        endianness: wkb::Endianness::LittleEndian,
    };
    // Writing into a Vec cannot fail.
    wkb::writer::write_geometry(&mut out, &geo::Point::new(lon, lat), &options).unwrap_or(());
    out
}

/// The event of the library that a new report is, if any: same kind, overlapping days, and
/// [`merge::same_event`] on the stored primary report.
/// Events that already have a report from one of `own` (the report's own articles) are left
/// out: the extractor has already merged what one article says twice.
/// What one import has read of stored events, so that each is read once however many new
/// reports it is compared with, and the widest match window, which bounds the search.
struct StoredEvents {
    /// A stored event's articles and summary, by fid; dropped when the event changes.
    seen: HashMap<i64, (Vec<i64>, Option<Summary>)>,
    /// The largest `match_last - match_first` of any stored event.
    widest: i64,
}

impl StoredEvents {
    fn new(tx: &rusqlite::Transaction) -> rusqlite::Result<Self> {
        let widest: Option<i64> = tx.query_row(
            "SELECT max(match_last - match_first) FROM events",
            [],
            |r| r.get(0),
        )?;
        Ok(StoredEvents {
            seen: HashMap::new(),
            widest: widest.unwrap_or(0),
        })
    }

    /// Forgets what was read of `fid`, which has just been written, and widens the bound if
    /// its window grew.
    fn changed(&mut self, fid: i64, width: Option<i64>) {
        self.seen.remove(&fid);
        self.widest = self.widest.max(width.unwrap_or(0));
    }
}

fn find_same_event(
    tx: &rusqlite::Transaction,
    stored: &mut StoredEvents,
    s: &Summary,
    own: &[i64],
) -> rusqlite::Result<Option<(i64, String)>> {
    let Some((first, last)) = s.window else {
        return Ok(None);
    };
    // A window that ends on or after `first - 1` starts at most `widest` days before it: the
    // lower bound keeps the index scan to the days around this report instead of every
    // earlier event, which made importing quadratic.
    let mut st = tx.prepare_cached(
        "SELECT fid FROM events WHERE kind = ?1 AND match_first BETWEEN ?4 AND ?2
             AND match_last >= ?3
         ORDER BY fid DESC LIMIT 200",
    )?;
    let mut candidates: Vec<i64> = Vec::new();
    for kind in std::iter::once(s.kind).chain(merge::related_kinds(s.kind).iter().copied()) {
        // A day either side: see the slack in `merge::same_event`.
        let (lo, hi) = (i64::from(first) - 1, i64::from(last) + 1);
        let rows = st.query_map(params![kind.code(), hi, lo, lo - stored.widest], |r| {
            r.get(0)
        })?;
        for r in rows {
            candidates.push(r?);
        }
    }
    // The oldest event first, as merging within one import joins the first cluster.
    candidates.sort_unstable();
    candidates.dedup();
    let mut own_reports = tx.prepare_cached("SELECT article FROM reports WHERE event = ?1")?;
    for fid in candidates {
        if let std::collections::hash_map::Entry::Vacant(e) = stored.seen.entry(fid) {
            let articles: Vec<i64> = own_reports
                .query_map([fid], |r| r.get(0))?
                .collect::<Result<_, _>>()?;
            let summary = stored_summary(tx, fid)?;
            e.insert((articles, summary));
        }
        let (articles, other) = &stored.seen[&fid];
        if articles.iter().any(|a| own.contains(a)) {
            continue;
        }
        let Some(other) = other else {
            continue;
        };
        if let Some(why) = merge::same_event(other, s) {
            return Ok(Some((fid, why)));
        }
    }
    Ok(None)
}

/// The summary of a stored event: its days and place, and the parties of all its reports.
fn stored_summary(tx: &rusqlite::Transaction, fid: i64) -> rusqlite::Result<Option<Summary>> {
    let row = tx
        .query_row(
            "SELECT e.kind, e.day_first, e.day_last, p.name, p.lat, p.lon, p.kind, p.country,
                 e.match_first, e.match_last, e.geo_precision
             FROM events e LEFT JOIN places p ON p.id = e.place WHERE e.fid = ?1",
            [fid],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<i64>>(1)?,
                    r.get::<_, Option<i64>>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, Option<f64>>(4)?,
                    r.get::<_, Option<f64>>(5)?,
                    r.get::<_, Option<String>>(6)?,
                    r.get::<_, Option<String>>(7)?,
                    r.get::<_, Option<i64>>(8)?.zip(r.get::<_, Option<i64>>(9)?),
                    r.get::<_, Option<i64>>(10)?,
                ))
            },
        )
        .optional()?;
    let Some((kind, first, last, name, lat, lon, pkind, country, window, precision)) = row else {
        return Ok(None);
    };
    let mut st = tx.prepare_cached(
        "SELECT DISTINCT pa.key, pa.name FROM report_parties rp
         JOIN reports r ON r.id = rp.report JOIN parties pa ON pa.id = rp.party
         WHERE r.event = ?1",
    )?;
    let parties = st
        .query_map([fid], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?
        .collect::<Result<_, _>>()?;
    Ok(Some(Summary {
        kind: kind_of(&kind),
        days: first.zip(last).map(|(a, b)| (a as i32, b as i32)),
        window: window.map(|(a, b)| (a as i32, b as i32)),
        place: match (name, lat, lon) {
            (Some(name), Some(lat), Some(lon)) => Some(PlaceSummary {
                name,
                lat,
                lon,
                is_country: pkind.as_deref() == Some("country"),
                country,
                approximate: precision == Some(3),
            }),
            _ => None,
        },
        parties,
    }))
}

fn insert_event(
    tx: &rusqlite::Transaction,
    ds: &Dataset,
    ids: &IdMaps,
    e: &Event,
    place: Option<i64>,
) -> rusqlite::Result<i64> {
    let p = ds.event_place(e, ids);
    run(
        tx,
        "INSERT INTO events (title, kind, place) VALUES (?1, ?2, ?3)",
        params![e.title, e.kind.code(), place],
    )?;
    let fid = tx.last_insert_rowid();
    if let Some(p) = p {
        run(
            tx,
            "UPDATE events SET geom = ?1 WHERE fid = ?2",
            params![gpkg_point(p.lon, p.lat), fid],
        )?;
    }
    Ok(fid)
}

/// One report to store.
struct ReportRow<'a> {
    event: i64,
    article: i64,
    article_id: &'a str,
    e: &'a Event,
    place: Option<i64>,
    merged: Option<String>,
}

fn insert_report(
    tx: &rusqlite::Transaction,
    r: ReportRow,
    party_row: &HashMap<&str, i64>,
    quote_row: &HashMap<&str, i64>,
) -> rusqlite::Result<()> {
    let e = r.e;
    let evidence: Vec<crate::model::Span> = e
        .evidence
        .iter()
        .filter(|ev| e.evidence_article(ev) == Some(r.article_id))
        .map(Evidence::span)
        .collect();
    let primary = e.primary_article() == Some(r.article_id);
    let title = e
        .reports
        .iter()
        .find(|x| x.article == r.article_id)
        .map_or(e.title.clone(), |x| x.title.clone());
    run(
        tx,
        "INSERT INTO reports (event, article, title, kind, mode, date, place, geo_precision,
             evidence, why, confidence, main, extracted, merged)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        params![
            r.event,
            r.article,
            title,
            e.kind.code(),
            e.mode.map(Mode::label),
            e.date
                .as_ref()
                .map(|d| serde_json::to_string(d).unwrap_or_default()),
            r.place,
            e.geo_precision,
            serde_json::to_string(&evidence).unwrap_or_default(),
            e.why
                .as_ref()
                .filter(|_| primary)
                .map(|w| serde_json::to_string(w).unwrap_or_default()),
            e.confidence,
            (e.main && primary) as i64,
            e.extracted as i64,
            r.merged,
        ],
    )?;
    let report = tx.last_insert_rowid();
    for p in &e.parties {
        let Some(&party) = party_row.get(p.as_str()) else {
            continue;
        };
        let role = if e.actors.contains(p) {
            "actor"
        } else if e.targets.contains(p) {
            "target"
        } else {
            "other"
        };
        run(
            tx,
            "INSERT INTO report_parties (report, party, role) VALUES (?1, ?2, ?3)",
            params![report, party, role],
        )?;
    }
    for q in &e.quotes {
        if let Some(&quote) = quote_row.get(q.as_str()) {
            run(
                tx,
                "INSERT INTO report_quotes (report, quote) VALUES (?1, ?2)",
                params![report, quote],
            )?;
        }
    }
    Ok(())
}

/// Recomputes an event's row from its reports: the first report speaks for it (title, kind,
/// place) and the first dated one for its date; the count of sources, confidence, the days it
/// can match (see [`merge`]), and its search entry.
/// Returns how many days the match window it wrote spans (none when the event is gone).
fn refresh_event(tx: &rusqlite::Transaction, fid: i64) -> rusqlite::Result<Option<i64>> {
    let first = tx
        .query_row(
            "SELECT title, kind, mode,
                 (SELECT date FROM reports d WHERE d.event = ?1 AND d.date IS NOT NULL
                  ORDER BY d.id LIMIT 1),
                 place, geo_precision FROM reports WHERE event = ?1 ORDER BY id LIMIT 1",
            [fid],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, Option<i64>>(4)?,
                    r.get::<_, Option<i64>>(5)?,
                ))
            },
        )
        .optional()?;
    let Some((title, kind, mode, date, place, geo)) = first else {
        run(tx, "DELETE FROM events WHERE fid = ?1", [fid])?;
        run(tx, "DELETE FROM event_search WHERE rowid = ?1", [fid])?;
        return Ok(None);
    };
    let date: Option<DateRange> = date.and_then(|d| serde_json::from_str(&d).ok());
    let days = date.as_ref().and_then(|d| {
        Some((
            day_number(d.first_day()?) as i64,
            day_number(d.last_day()?) as i64,
        ))
    });
    let window = match days {
        Some((a, b)) if b - a <= merge::MAX_RANGE_DAYS as i64 => Some((a, b)),
        Some(_) => None,
        None => {
            let published: (Option<String>, Option<String>) = tx.query_row(
                "SELECT min(a.published), max(a.published) FROM reports r
                 JOIN articles a ON a.id = r.article WHERE r.event = ?1",
                [fid],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            let day = |d: Option<String>| {
                d.and_then(|d| crate::model::parse_day(&d).ok())
                    .map(|d| day_number(d) as i64)
            };
            day(published.0)
                .zip(day(published.1))
                .map(|(a, b)| (a - merge::UNDATED_DAYS as i64, b + 1))
        }
    };
    let (sources, best, extracted, main): (i64, Option<f64>, i64, i64) = tx.query_row(
        "SELECT count(DISTINCT article), max(confidence), min(extracted), max(main) FROM reports
         WHERE event = ?1",
        [fid],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?;
    let confidence =
        best.map(|c| (c + merge::CORROBORATION as f64 * (sources - 1) as f64).min(1.0));
    let geom: Option<Vec<u8>> = match place {
        Some(p) => tx
            .query_row("SELECT lon, lat FROM places WHERE id = ?1", [p], |r| {
                Ok(gpkg_point(r.get(0)?, r.get(1)?))
            })
            .optional()?,
        None => None,
    };
    let place_name: Option<String> = match place {
        Some(p) => tx
            .query_row("SELECT name FROM places WHERE id = ?1", [p], |r| r.get(0))
            .optional()?,
        None => None,
    };
    run(
        tx,
        "UPDATE events SET title = ?1, kind = ?2, mode = ?3, date_start = ?4, date_end = ?5,
             day_first = ?6, day_last = ?7, place = ?8, place_name = ?9, geo_precision = ?10,
             confidence = ?11, sources = ?12, main = ?13, extracted = ?14, geom = ?15,
             match_first = ?17, match_last = ?18
         WHERE fid = ?16",
        params![
            title,
            kind,
            mode,
            date.as_ref().and_then(|d| d.start).map(|d| d.to_string()),
            date.as_ref().and_then(|d| d.end).map(|d| d.to_string()),
            days.map(|d| d.0),
            days.map(|d| d.1),
            place,
            place_name,
            geo,
            confidence,
            sources,
            main,
            extracted,
            geom,
            fid,
            window.map(|w| w.0),
            window.map(|w| w.1)
        ],
    )?;
    // The search entry: the title and every quote of every report.
    let quotes: String = tx.query_row(
        "SELECT coalesce(group_concat(q.text, ' '), '') FROM report_quotes rq
         JOIN reports r ON r.id = rq.report JOIN quotes q ON q.id = rq.quote WHERE r.event = ?1",
        [fid],
        |r| r.get(0),
    )?;
    run(tx, "DELETE FROM event_search WHERE rowid = ?1", [fid])?;
    run(
        tx,
        "INSERT INTO event_search (rowid, title, quotes) VALUES (?1, ?2, ?3)",
        params![fid, title, quotes],
    )?;
    Ok(window.map(|w| w.1 - w.0))
}

#[allow(clippy::too_many_arguments)]
pub(super) fn event_from_rows(
    fid: i64,
    title: String,
    kind: &str,
    mode: Option<String>,
    start: Option<String>,
    end: Option<String>,
    place: Option<i64>,
    geo: Option<i64>,
    confidence: Option<f64>,
    reps: Vec<StoredReport>,
    roles: &HashMap<i64, Vec<(i64, String)>>,
    report_quotes: &HashMap<i64, Vec<i64>>,
) -> Event {
    let partial = |s: Option<String>| s.and_then(|s| crate::model::PartialDate::parse(&s).ok());
    let date = (start.is_some() || end.is_some()).then(|| DateRange {
        start: partial(start),
        end: partial(end),
        phrase: None,
    });
    let mut e = Event {
        id: format!("e{fid}"),
        article: None,
        sources: Vec::new(),
        kind: kind_of(kind),
        mode: mode_of(mode.as_deref()),
        title,
        date,
        place: place.map(|p| format!("p{p}")),
        geo_precision: geo.map(|g| g as u8),
        parties: Vec::new(),
        actors: Vec::new(),
        targets: Vec::new(),
        quotes: Vec::new(),
        evidence: Vec::new(),
        extracted: reps.iter().all(|r| r.extracted),
        confidence: confidence.map(|c| c as f32),
        main: reps.iter().any(|r| r.main),
        why: reps.first().and_then(|r| r.why.clone()),
        reports: Vec::new(),
    };
    let several = reps
        .iter()
        .map(|r| r.article)
        .collect::<std::collections::HashSet<_>>()
        .len()
        > 1;
    for r in &reps {
        let article = format!("a{}", r.article);
        if several {
            if !e.sources.contains(&article) {
                e.sources.push(article.clone());
            }
        } else {
            e.article = Some(article.clone());
        }
        for span in &r.evidence {
            e.evidence.push(Evidence {
                article: several.then(|| article.clone()),
                start: span.start,
                end: span.end,
            });
        }
        for (party, role) in roles.get(&r.id).into_iter().flatten() {
            let id = format!("y{party}");
            let list = match role.as_str() {
                "actor" => Some(&mut e.actors),
                "target" => Some(&mut e.targets),
                _ => None,
            };
            if let Some(list) = list
                && !list.contains(&id)
            {
                list.push(id.clone());
            }
            if !e.parties.contains(&id) {
                e.parties.push(id);
            }
        }
        for q in report_quotes.get(&r.id).into_iter().flatten() {
            let id = format!("q{q}");
            if !e.quotes.contains(&id) {
                e.quotes.push(id);
            }
        }
        if several {
            e.reports.push(Report {
                article,
                title: r.title.clone(),
                merged: r.merged.clone(),
            });
        }
    }
    // The primary report's explanation points into the primary article only.
    if e.why.is_some()
        && e.primary_article() != reps.first().map(|r| format!("a{}", r.article)).as_deref()
    {
        e.why = None;
    }
    e
}

/// An FTS5 query matching every word of `query` as a prefix, or `None` for no words.
fn fts_query(query: &str) -> Option<String> {
    let terms: Vec<String> = query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{}\"*", w.to_lowercase()))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" AND "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_are_found_in_either_direction_and_articles_told_apart() {
        let a = "Leaders of Japan and South Korea met in Phnom Penh on Sunday and agreed to work \
                 together on North Korea, the foreign ministry said in a statement. The two \
                 leaders also discussed the missile launched on Wednesday, which landed near \
                 the maritime border for the first time since the peninsula was divided.";
        let copy = format!("PHNOM PENH (Reuters) - {a}");
        let longer = format!(
            "{a} Officials said talks would continue in Tokyo next month, \
                              and a joint statement was expected."
        );
        let other = "Floods in southern Brazil forced thousands from their homes on Monday as \
                     rivers rose to record levels, officials said, and more rain is expected \
                     across the region through the end of the week according to forecasters.";
        let g = |t: &str| gram_set(t);
        assert_eq!(copy_of(&g(&copy), &g(a)), Some(Copy::Within));
        assert_eq!(copy_of(&g(&longer), &g(a)), Some(Copy::Extends));
        assert_eq!(copy_of(&g(a), &g(&longer)), Some(Copy::Within));
        assert_eq!(copy_of(&g(other), &g(a)), None);
        assert!(jaccard(a, other) < 0.1);
        assert_eq!(
            copy_of(&g("Talks resumed."), &g("Talks resumed.")),
            None,
            "too short"
        );
    }

    #[test]
    fn search_terms_are_prefixes_and_quotes_cannot_break_the_query() {
        assert_eq!(
            fts_query("missile launch").as_deref(),
            Some("\"missile\"* AND \"launch\"*")
        );
        assert_eq!(fts_query("\"') DROP").as_deref(), Some("\"drop\"*"));
        assert_eq!(fts_query("  "), None);
    }

    #[test]
    fn a_point_is_geopackage_binary() {
        let b = gpkg_point(104.9, 11.55);
        assert_eq!(&b[..2], b"GP");
        assert_eq!(i32::from_le_bytes([b[4], b[5], b[6], b[7]]), 4326);
        assert_eq!(b[8], 1, "WKB little-endian");
        assert_eq!(
            u32::from_le_bytes([b[9], b[10], b[11], b[12]]),
            1,
            "WKB point"
        );
        assert_eq!(b.len(), 8 + 21);
    }
}
