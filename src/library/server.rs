//! The team server: the library's logical schema in PostgreSQL + PostGIS, for corpora larger
//! than one machine and teams of analysts. The same articles, places, parties, quotes, events
//! and reports as [`super::store`], and the same rules: one transaction per import, an article
//! stored once (by URL, else by text), wire copies kept as syndications, one event from many
//! reports ([`super::merge`]).
//!
//! - **Geometry**: `events.geom` is `geometry(Point, 4326)` with a GiST index, so QGIS adds
//!   the `events` table as a layer directly.
//! - **Concurrent writers**: every import takes one transaction-scoped advisory lock, so two
//!   `extract --into` processes queue like SQLite's writers instead of racing to merge the
//!   same report twice; articles, places and parties also have unique keys written with
//!   `INSERT … ON CONFLICT`, so even a writer that skipped the lock could not store one twice.
//! - **Viewport queries** ([`view`]): the app asks for the events in a box and a date range,
//!   page by page, and at low zoom for counts per grid cell, which a trigger keeps in
//!   `event_cells` as events change.
//! - **Versions**: `newsmap_meta.schema_version`; an older schema migrates forward on open, a
//!   newer one (or a role that may not write) opens read-only with the reason.
//! - **Failure**: every statement is parameterised; a connection lost mid-import rolls the
//!   whole import back (the server never commits half a transaction).

pub mod conninfo;
pub mod tls;
pub mod view;

use std::collections::{HashMap, HashSet};

use postgres::{Client, GenericClient, NoTls, Transaction};

pub use conninfo::{ConnInfo, ConnInfoError, SslMode, is_server_url};
pub use view::{Bbox, Cell, LEVELS_DEG, level_for};

use super::merge::{self, PlaceSummary, Summary, party_key};
use super::store::{
    COPY_CANDIDATES, Copy, ImportReport, StoredReport, article_uid, copy_of, event_from_rows,
    gram_set, kind_of, party_kind, party_kind_code, place_key, place_kind, sampled,
};
use crate::model::{
    Article, Dataset, DateRange, Evidence, IdMaps, Mention, Mode, Party, Place, Quote, day_number,
};

/// The schema version this newsmap writes and understands.
pub const SCHEMA_VERSION: i64 = 1;
/// Advisory lock held by schema changes (any 64-bit number; this one spells "newsmap1").
const SCHEMA_LOCK: i64 = 0x6e65_7773_6d61_7031;
/// Advisory lock held by imports, so writers queue ("newsmap2").
const IMPORT_LOCK: i64 = 0x6e65_7773_6d61_7032;

/// Why the server could not be reached, opened or changed. `Display` names the server (never
/// its password).
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// The connection string is wrong.
    #[error(transparent)]
    ConnInfo(#[from] ConnInfoError),
    /// TLS could not be set up.
    #[error("{server}: {source}")]
    Tls {
        /// The server.
        server: String,
        /// Why.
        source: tls::TlsError,
    },
    /// The server could not be reached or refused the connection.
    #[error("{server}: cannot connect: {why}")]
    Connect {
        /// The server.
        server: String,
        /// Why.
        why: String,
    },
    /// The connection broke (the server stopped or the network went away).
    #[error("{server}: the connection was lost ({why}); nothing of the unfinished work was kept")]
    Lost {
        /// The server.
        server: String,
        /// Why.
        why: String,
    },
    /// A statement failed.
    #[error("{server}: {why}")]
    Sql {
        /// The server.
        server: String,
        /// The server's message.
        why: String,
    },
    /// PostGIS is missing and could not be installed.
    #[error(
        "{server}: PostGIS is not installed in this database and could not be ({why}); a \
         superuser can run CREATE EXTENSION postgis"
    )]
    NoPostgis {
        /// The server.
        server: String,
        /// Why.
        why: String,
    },
    /// The database holds tables that are not newsmap's.
    #[error("{server}: is not a newsmap database ({why}); it was not changed")]
    NotNewsmap {
        /// The server.
        server: String,
        /// What it is instead.
        why: String,
    },
    /// The database is open read-only.
    #[error("{server}: is open read-only ({why})")]
    ReadOnly {
        /// The server.
        server: String,
        /// Why.
        why: String,
    },
}

/// An open connection to a newsmap database.
pub struct Server {
    client: Client,
    info: ConnInfo,
    read_only: Option<String>,
}

impl std::fmt::Debug for Server {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Server")
            .field("server", &self.info.describe())
            .field("read_only", &self.read_only)
            .finish()
    }
}

const SCHEMA: &str = r#"
CREATE TABLE newsmap_meta (key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE articles (
    id bigserial PRIMARY KEY, uid text NOT NULL UNIQUE, url text, title text NOT NULL,
    source text NOT NULL DEFAULT '', author text, published text, language text NOT NULL DEFAULT 'en',
    text text NOT NULL, syndicates bigint REFERENCES articles(id),
    added timestamptz NOT NULL DEFAULT now());
CREATE TABLE places (
    id bigserial PRIMARY KEY, key text NOT NULL UNIQUE, name text NOT NULL, kind text NOT NULL,
    lat double precision NOT NULL, lon double precision NOT NULL, country text, geometry text,
    source text);
CREATE TABLE parties (
    id bigserial PRIMARY KEY, key text NOT NULL UNIQUE, name text NOT NULL, kind text NOT NULL,
    country text, role text, aliases text NOT NULL DEFAULT '[]');
CREATE TABLE mentions (
    article bigint NOT NULL REFERENCES articles(id), place bigint REFERENCES places(id),
    party bigint REFERENCES parties(id), start integer NOT NULL, "end" integer NOT NULL);
CREATE INDEX mentions_article ON mentions(article);
CREATE TABLE quotes (
    id bigserial PRIMARY KEY, article bigint NOT NULL REFERENCES articles(id),
    speaker bigint REFERENCES parties(id), text text NOT NULL, start integer NOT NULL,
    "end" integer NOT NULL);
CREATE INDEX quotes_article ON quotes(article);
CREATE TABLE events (
    fid bigserial PRIMARY KEY, geom geometry(Point, 4326), title text NOT NULL,
    kind text NOT NULL, mode text, date_start text, date_end text, day_first integer,
    day_last integer, place bigint REFERENCES places(id), place_name text,
    geo_precision integer, confidence double precision, sources integer NOT NULL DEFAULT 1,
    main boolean NOT NULL DEFAULT false, extracted boolean NOT NULL DEFAULT true,
    match_first integer, match_last integer);
CREATE INDEX events_geom ON events USING gist (geom);
CREATE INDEX events_days ON events(day_first, day_last);
CREATE INDEX events_match ON events(kind, match_first, match_last);
CREATE TABLE reports (
    id bigserial PRIMARY KEY, event bigint NOT NULL REFERENCES events(fid),
    article bigint NOT NULL REFERENCES articles(id), title text NOT NULL, kind text NOT NULL,
    mode text, date text, place bigint REFERENCES places(id), geo_precision integer,
    evidence text NOT NULL, why text, confidence double precision,
    main boolean NOT NULL DEFAULT false, extracted boolean NOT NULL DEFAULT true, merged text,
    split boolean NOT NULL DEFAULT false,
    UNIQUE (event, article));
CREATE INDEX reports_article ON reports(article);
CREATE TABLE report_parties (
    report bigint NOT NULL REFERENCES reports(id), party bigint NOT NULL REFERENCES parties(id),
    role text NOT NULL);
CREATE INDEX report_parties_report ON report_parties(report);
CREATE TABLE report_quotes (
    report bigint NOT NULL REFERENCES reports(id), quote bigint NOT NULL REFERENCES quotes(id));
CREATE INDEX report_quotes_report ON report_quotes(report);
CREATE TABLE article_grams (gram bigint NOT NULL, article bigint NOT NULL REFERENCES articles(id));
CREATE INDEX article_grams_gram ON article_grams(gram);

-- Counts per grid cell for the low-zoom view, kept by a trigger on events. fm and lm are the
-- months (year * 12 + month - 1) of the first and last day; an open end is the extreme int.
CREATE TABLE event_levels (level smallint PRIMARY KEY, size double precision NOT NULL);
INSERT INTO event_levels VALUES (0, 16), (1, 4), (2, 1), (3, 0.25);
CREATE TABLE event_cells (
    level smallint NOT NULL, cx integer NOT NULL, cy integer NOT NULL, fm integer NOT NULL,
    lm integer NOT NULL, n integer NOT NULL, slon double precision NOT NULL,
    slat double precision NOT NULL,
    -- The sums in the key's index: a view reads the index alone (an index-only scan).
    PRIMARY KEY (level, cx, cy, fm, lm) INCLUDE (n, slon, slat));
CREATE FUNCTION newsmap_month(d integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
    SELECT (extract(year FROM date '1970-01-01' + d) * 12
            + extract(month FROM date '1970-01-01' + d) - 1)::integer $$;
CREATE FUNCTION newsmap_cells_add(g geometry, d0 integer, d1 integer, k integer)
RETURNS void LANGUAGE sql AS $$
    INSERT INTO event_cells AS c (level, cx, cy, fm, lm, n, slon, slat)
    SELECT l.level, floor((ST_X(g) + 180) / l.size)::integer,
           floor((ST_Y(g) + 90) / l.size)::integer,
           coalesce(newsmap_month(d0), -2147483648), coalesce(newsmap_month(d1), 2147483647),
           k, k * ST_X(g), k * ST_Y(g)
    FROM event_levels l
    ON CONFLICT (level, cx, cy, fm, lm) DO UPDATE
        SET n = c.n + excluded.n, slon = c.slon + excluded.slon, slat = c.slat + excluded.slat $$;
CREATE FUNCTION newsmap_cells_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.geom IS NOT NULL THEN
        PERFORM newsmap_cells_add(OLD.geom, OLD.day_first, OLD.day_last, -1);
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.geom IS NOT NULL THEN
        PERFORM newsmap_cells_add(NEW.geom, NEW.day_first, NEW.day_last, 1);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER events_cells_insert AFTER INSERT OR DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION newsmap_cells_change();
CREATE TRIGGER events_cells_update AFTER UPDATE ON events FOR EACH ROW
    WHEN (OLD.geom IS DISTINCT FROM NEW.geom OR OLD.day_first IS DISTINCT FROM NEW.day_first
          OR OLD.day_last IS DISTINCT FROM NEW.day_last)
    EXECUTE FUNCTION newsmap_cells_change();
"#;

/// A `postgres::Error` as a [`ServerError`] naming `server`.
fn pg_error(server: &str, e: postgres::Error) -> ServerError {
    if let Some(db) = e.as_db_error() {
        let mut why = db.message().to_owned();
        if let Some(d) = db.detail() {
            why.push_str(&format!(" ({d})"));
        }
        // The server ending our session (shutdown, pg_terminate_backend) is a lost connection.
        if db.code().code().starts_with("57P") {
            return ServerError::Lost {
                server: server.to_owned(),
                why,
            };
        }
        return ServerError::Sql {
            server: server.to_owned(),
            why,
        };
    }
    let why = error_chain(&e);
    if e.is_closed() || std::error::Error::source(&e).is_some_and(|s| s.is::<std::io::Error>()) {
        return ServerError::Lost {
            server: server.to_owned(),
            why,
        };
    }
    ServerError::Sql {
        server: server.to_owned(),
        why,
    }
}

/// An error and its causes, "a: b: c".
fn error_chain(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut cur = e.source();
    while let Some(s) = cur {
        let s_text = s.to_string();
        if !out.contains(&s_text) {
            out.push_str(": ");
            out.push_str(&s_text);
        }
        cur = s.source();
    }
    out
}

/// Connects as `info` says; a TLS connector when TLS is on.
fn connect_client(info: &ConnInfo) -> Result<Client, ServerError> {
    let server = info.describe();
    let mut cfg = postgres::Config::new();
    cfg.host(info.host())
        .port(info.port()?)
        .user(info.get("user").unwrap_or("postgres"))
        .dbname(info.get("dbname").unwrap_or("postgres"))
        .application_name(info.get("application_name").unwrap_or("newsmap"))
        .connect_timeout(info.connect_timeout());
    if let Some(addr) = info.get("hostaddr") {
        let ip = addr.parse().map_err(|_| ConnInfoError::Value {
            key: "hostaddr".to_owned(),
            value: addr.to_owned(),
        })?;
        cfg.hostaddr(ip);
    }
    if let Some(pw) = info.get("password") {
        cfg.password(pw);
    }
    if let Some(o) = info.get("options") {
        cfg.options(o);
    }
    let home = std::env::var_os("HOME").map(std::path::PathBuf::from);
    let tls = tls::connector(info, home.as_deref()).map_err(|source| ServerError::Tls {
        server: server.clone(),
        source,
    })?;
    let connect_err = |e: postgres::Error| ServerError::Connect {
        server: server.clone(),
        why: error_chain(&e),
    };
    match tls {
        None => {
            cfg.ssl_mode(postgres::config::SslMode::Disable);
            cfg.connect(NoTls).map_err(connect_err)
        }
        Some(tls) => {
            cfg.ssl_mode(match info.ssl_mode()? {
                SslMode::Disable | SslMode::Prefer => postgres::config::SslMode::Prefer,
                _ => postgres::config::SslMode::Require,
            });
            cfg.connect(tls).map_err(connect_err)
        }
    }
}

impl Server {
    /// Connects to the server `conn` names (a `postgres://` URL, `key=value` pairs or
    /// `service=NAME`, with libpq's environment variables and `~/.pgpass`), creating newsmap's
    /// tables in an empty database and migrating an older schema forward. A database of a
    /// newer newsmap, or one this role may not write, opens read-only.
    pub fn connect(conn: &str) -> Result<Server, ServerError> {
        Self::connect_info(ConnInfo::parse(conn)?)
    }

    /// [`Server::connect`] with the parameters already read.
    pub fn connect_info(info: ConnInfo) -> Result<Server, ServerError> {
        let client = connect_client(&info)?;
        let mut server = Server {
            client,
            info,
            read_only: None,
        };
        server.prepare_schema()?;
        Ok(server)
    }

    /// "postgres://user@host:port/db" (no password).
    pub fn describe(&self) -> String {
        self.info.describe()
    }

    /// Why the database is read-only, if it is.
    pub fn read_only(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    /// Creates or migrates the schema under [`SCHEMA_LOCK`], so two first connections do not
    /// both create it.
    fn prepare_schema(&mut self) -> Result<(), ServerError> {
        let server = self.info.describe();
        let e = |err| pg_error(&server, err);
        let mut tx = self.client.transaction().map_err(e)?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&SCHEMA_LOCK])
            .map_err(e)?;
        let has_meta: bool = tx
            .query_one("SELECT to_regclass('newsmap_meta') IS NOT NULL", &[])
            .map_err(e)?
            .get(0);
        if !has_meta {
            let clash: Option<String> = tx
                .query_opt(
                    "SELECT c.relname::text FROM pg_class c
                     WHERE c.relname IN ('events', 'articles', 'reports')
                       AND c.relnamespace IN (SELECT oid FROM pg_namespace
                                              WHERE nspname = ANY (current_schemas(false)))
                     LIMIT 1",
                    &[],
                )
                .map_err(e)?
                .map(|r| r.get(0));
            if let Some(t) = clash {
                return Err(ServerError::NotNewsmap {
                    server: server.clone(),
                    why: format!("it has a table \"{t}\" but no newsmap_meta"),
                });
            }
            let postgis: bool = tx
                .query_one(
                    "SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'postgis')",
                    &[],
                )
                .map_err(e)?
                .get(0);
            if !postgis {
                // In a savepoint: a refusal must not abort the transaction's error message.
                let mut sp = tx.transaction().map_err(e)?;
                match sp.batch_execute("CREATE EXTENSION postgis") {
                    Ok(()) => sp.commit().map_err(e)?,
                    Err(err) => {
                        return Err(ServerError::NoPostgis {
                            server: server.clone(),
                            why: err
                                .as_db_error()
                                .map_or_else(|| error_chain(&err), |d| d.message().to_owned()),
                        });
                    }
                }
            }
            tx.batch_execute(SCHEMA).map_err(e)?;
            tx.execute(
                "INSERT INTO newsmap_meta VALUES ('schema_version', $1)",
                &[&SCHEMA_VERSION.to_string()],
            )
            .map_err(e)?;
            tx.commit().map_err(e)?;
            return Ok(());
        }
        let version: Option<String> = tx
            .query_opt(
                "SELECT value FROM newsmap_meta WHERE key = 'schema_version'",
                &[],
            )
            .map_err(e)?
            .map(|r| r.get(0));
        let version =
            version
                .and_then(|v| v.parse::<i64>().ok())
                .ok_or_else(|| ServerError::NotNewsmap {
                    server: server.clone(),
                    why: "its schema version is missing".to_owned(),
                })?;
        if version > SCHEMA_VERSION {
            self.read_only = Some(format!(
                "schema version {version}, this newsmap knows {SCHEMA_VERSION}: update newsmap \
                 to change it"
            ));
        } else if version < SCHEMA_VERSION {
            // Version 1 is the first: each later version adds its step here, `if version < N
            // { … }`, then records N, all in this transaction.
            return Err(ServerError::NotNewsmap {
                server: server.clone(),
                why: format!("schema version {version} is not one newsmap ever wrote"),
            });
        } else {
            let can_write: bool = tx
                .query_one(
                    "SELECT has_table_privilege('events', 'INSERT')
                        AND has_table_privilege('articles', 'INSERT')",
                    &[],
                )
                .map_err(e)?
                .get(0);
            if !can_write {
                self.read_only = Some(format!(
                    "role \"{}\" may only read it",
                    self.info.get("user").unwrap_or("")
                ));
            }
        }
        tx.commit().map_err(e)?;
        Ok(())
    }

    /// How many articles (originals and copies) and events the database holds.
    pub fn counts(&mut self) -> Result<(usize, usize), ServerError> {
        let server = self.info.describe();
        let row = self
            .client
            .query_one(
                "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events)",
                &[],
            )
            .map_err(|e| pg_error(&server, e))?;
        Ok((row.get::<_, i64>(0) as usize, row.get::<_, i64>(1) as usize))
    }

    /// Adds a dataset in one transaction (see [`super::store::Store::import`]): articles
    /// already stored are skipped, copies kept as syndications, reports of known events join
    /// them. Imports queue behind each other; nothing is kept if any step fails or the
    /// connection is lost.
    pub fn import(&mut self, ds: &Dataset) -> Result<ImportReport, ServerError> {
        let server = self.info.describe();
        if let Some(why) = &self.read_only {
            return Err(ServerError::ReadOnly {
                server,
                why: why.clone(),
            });
        }
        let e = |err| pg_error(&server, err);
        let mut ds = ds.clone();
        merge::merge_across_articles(&mut ds);
        let ids = IdMaps::new(&ds);
        let mut tx = self.client.transaction().map_err(e)?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&IMPORT_LOCK])
            .map_err(e)?;
        let report = import_in(&mut tx, &ds, &ids).map_err(e)?;
        tx.commit().map_err(e)?;
        Ok(report)
    }

    /// The whole database as one `newsmap/1` dataset (ids as [`super::store::Store::load`]
    /// gives them). For tests and exports of small corpora: the app loads views
    /// ([`Server::load_events`]).
    pub fn load(&mut self) -> Result<Dataset, ServerError> {
        let server = self.info.describe();
        let fids: Vec<i64> = self
            .client
            .query("SELECT fid FROM events ORDER BY fid", &[])
            .map_err(|e| pg_error(&server, e))?
            .iter()
            .map(|r| r.get(0))
            .collect();
        self.load_events(&fids)
    }

    /// The events `fids` as one dataset, with their reports' articles, the places, parties
    /// and quotes those articles mention, and the places of the events.
    pub fn load_events(&mut self, fids: &[i64]) -> Result<Dataset, ServerError> {
        let server = self.info.describe();
        let mut tx = self
            .client
            .build_transaction()
            .read_only(true)
            .start()
            .map_err(|e| pg_error(&server, e))?;
        let ds = load_in(&mut tx, fids).map_err(|e| pg_error(&server, e))?;
        tx.commit().map_err(|e| pg_error(&server, e))?;
        Ok(ds)
    }

    /// Recounts `event_cells` from the events in one statement: after a bulk load with the
    /// trigger off (`ALTER TABLE events DISABLE TRIGGER USER`), or to repair it.
    pub fn rebuild_cells(&mut self) -> Result<(), ServerError> {
        let server = self.info.describe();
        self.client
            .batch_execute(
                "BEGIN;
                 DELETE FROM event_cells;
                 INSERT INTO event_cells (level, cx, cy, fm, lm, n, slon, slat)
                 SELECT l.level, floor((ST_X(e.geom) + 180) / l.size)::integer,
                        floor((ST_Y(e.geom) + 90) / l.size)::integer,
                        coalesce(newsmap_month(e.day_first), -2147483648),
                        coalesce(newsmap_month(e.day_last), 2147483647),
                        count(*), sum(ST_X(e.geom)), sum(ST_Y(e.geom))
                 FROM events e CROSS JOIN event_levels l WHERE e.geom IS NOT NULL
                 GROUP BY 1, 2, 3, 4, 5;
                 COMMIT;",
            )
            .map_err(|e| pg_error(&server, e))?;
        // Its own statement: VACUUM runs in no transaction. It marks the pages all-visible,
        // so views read the cell index alone.
        self.client
            .batch_execute("VACUUM ANALYZE event_cells")
            .map_err(|e| pg_error(&server, e))
    }

    /// The connection, for the benchmark's bulk loading and for tests.
    pub fn client(&mut self) -> &mut Client {
        &mut self.client
    }
}

/// The import's statements, in the caller's transaction.
fn import_in(
    tx: &mut Transaction,
    ds: &Dataset,
    ids: &IdMaps,
) -> Result<ImportReport, postgres::Error> {
    let mut report = ImportReport::default();
    // Articles: skip the ones already here, keep copies as syndications.
    let mut article_row: HashMap<&str, i64> = HashMap::new();
    for a in &ds.articles {
        let text = a.body();
        let uid = article_uid(a);
        if tx
            .query_opt("SELECT 1 FROM articles WHERE uid = $1", &[&uid])?
            .is_some()
        {
            report.duplicates += 1;
            continue;
        }
        let grams = gram_set(text);
        let (original, relation) = match find_copy(tx, &grams)? {
            Some((id, relation)) => (Some(id), Some(relation)),
            None => (None, None),
        };
        let inserted = tx.query_opt(
            "INSERT INTO articles (uid, url, title, source, author, published, language, text,
                 syndicates)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
             ON CONFLICT (uid) DO NOTHING RETURNING id",
            &[
                &uid,
                &a.url,
                &a.title,
                &a.source,
                &a.author,
                &a.published.map(|d| d.to_string()),
                &a.language,
                &text,
                &original,
            ],
        )?;
        let Some(row) = inserted else {
            report.duplicates += 1; // stored by a writer that did not queue
            continue;
        };
        let id: i64 = row.get(0);
        if original.is_some() {
            report.syndications += 1;
        }
        if relation == Some(Copy::Within) {
            continue; // nothing in it the original does not say
        }
        let sample: Vec<i64> = sampled(&grams).map(|g| g as i64).collect();
        tx.execute(
            "INSERT INTO article_grams (gram, article) SELECT g, $2 FROM unnest($1::int8[]) g",
            &[&sample, &id],
        )?;
        article_row.insert(a.id.as_str(), id);
        report.articles += 1;
    }

    // Places and parties, one row each across the database.
    let mut place_row: HashMap<&str, i64> = HashMap::new();
    for p in &ds.places {
        let key = place_key(p);
        let id: i64 = tx
            .query_one(
                "WITH ins AS (
                     INSERT INTO places (key, name, kind, lat, lon, country, geometry, source)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (key) DO NOTHING
                     RETURNING id)
                 SELECT id FROM ins UNION ALL SELECT id FROM places WHERE key = $1 LIMIT 1",
                &[
                    &key,
                    &p.name,
                    &p.kind.label(),
                    &p.lat,
                    &p.lon,
                    &p.country,
                    &p.geometry.as_ref().map(|g| g.to_string()),
                    &p.source,
                ],
            )?
            .get(0);
        place_row.insert(p.id.as_str(), id);
        for m in &p.mentions {
            if let Some(&a) = article_row.get(m.article.as_str()) {
                tx.execute(
                    "INSERT INTO mentions (article, place, start, \"end\") VALUES ($1, $2, $3, $4)",
                    &[&a, &id, &(m.start as i32), &(m.end as i32)],
                )?;
            }
        }
    }
    let mut party_row: HashMap<&str, i64> = HashMap::new();
    for p in &ds.parties {
        let key = party_key(p.kind, &p.name, p.country.as_deref());
        let row = tx.query_one(
            "WITH ins AS (
                 INSERT INTO parties (key, name, kind, country, role, aliases)
                 VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (key) DO NOTHING
                 RETURNING id, aliases)
             SELECT id, aliases FROM ins
             UNION ALL SELECT id, aliases FROM parties WHERE key = $1 LIMIT 1",
            &[
                &key,
                &p.name,
                &party_kind_code(p.kind),
                &p.country,
                &p.role,
                &serde_json::to_string(&p.aliases).unwrap_or_default(),
            ],
        )?;
        let (id, aliases): (i64, String) = (row.get(0), row.get(1));
        let mut all: Vec<String> = serde_json::from_str(&aliases).unwrap_or_default();
        let before = all.len();
        for a in &p.aliases {
            if !all.contains(a) {
                all.push(a.clone());
            }
        }
        if all.len() != before {
            tx.execute(
                "UPDATE parties SET aliases = $1 WHERE id = $2",
                &[&serde_json::to_string(&all).unwrap_or_default(), &id],
            )?;
        }
        party_row.insert(p.id.as_str(), id);
        for m in &p.mentions {
            if let Some(&a) = article_row.get(m.article.as_str()) {
                tx.execute(
                    "INSERT INTO mentions (article, party, start, \"end\") VALUES ($1, $2, $3, $4)",
                    &[&a, &id, &(m.start as i32), &(m.end as i32)],
                )?;
            }
        }
    }
    let mut quote_row: HashMap<&str, i64> = HashMap::new();
    for q in &ds.quotes {
        let Some(&a) = article_row.get(q.article.as_str()) else {
            continue;
        };
        let speaker = q.speaker.as_deref().and_then(|s| party_row.get(s)).copied();
        let id: i64 = tx
            .query_one(
                "INSERT INTO quotes (article, speaker, text, start, \"end\")
                 VALUES ($1, $2, $3, $4, $5) RETURNING id",
                &[&a, &speaker, &q.text, &(q.start as i32), &(q.end as i32)],
            )?
            .get(0);
        quote_row.insert(q.id.as_str(), id);
    }

    // Events: each report joins a known event or starts one. Stored events are read once per
    // import, however many reports they are compared with (each read is two round trips).
    let mut summaries: HashMap<i64, Option<Summary>> = HashMap::new();
    // The widest match window stored: a candidate's window starts at most that many days
    // before the report's, which bounds the index scan (see the embedded store).
    let mut widest: i32 = tx
        .query_one(
            "SELECT coalesce(max(match_last - match_first), 0) FROM events",
            &[],
        )?
        .get(0);
    for e in &ds.events {
        let rows: Vec<(String, i64)> = e
            .articles()
            .filter_map(|a| article_row.get(a).map(|&r| (a.to_owned(), r)))
            .collect();
        if rows.is_empty() {
            continue; // its article was a duplicate or a copy
        }
        let summary = Summary::of(ds, ids, e);
        let place = e.place.as_deref().and_then(|p| place_row.get(p).copied());
        let own: Vec<i64> = rows.iter().map(|r| r.1).collect();
        let (event, why) = match find_same_event(tx, &mut summaries, widest, &summary, &own)? {
            Some((fid, why)) => (fid, Some(why)),
            None => {
                let fid: i64 = tx
                    .query_one(
                        "INSERT INTO events (title, kind, place) VALUES ($1, $2, $3) RETURNING fid",
                        &[&e.title, &e.kind.code(), &place],
                    )?
                    .get(0);
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
                tx,
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
            )?;
        }
        let width = refresh_event(tx, event)?;
        summaries.remove(&event);
        widest = widest.max(width.unwrap_or(0));
    }
    Ok(report)
}

/// The stored original a new text (given by its grams) copies, through the gram index.
fn find_copy(
    tx: &mut Transaction,
    grams: &HashSet<u64>,
) -> Result<Option<(i64, Copy)>, postgres::Error> {
    let sample: Vec<i64> = sampled(grams).map(|g| g as i64).collect();
    if sample.is_empty() {
        return Ok(None);
    }
    let best = tx.query(
        "SELECT article, count(*) AS n FROM article_grams WHERE gram = ANY($1)
         GROUP BY article ORDER BY n DESC, article DESC LIMIT $2",
        &[&sample, &(COPY_CANDIDATES as i64)],
    )?;
    for row in best {
        let id: i64 = row.get(0);
        let other: String = tx
            .query_one("SELECT text FROM articles WHERE id = $1", &[&id])?
            .get(0);
        if let Some(c) = copy_of(grams, &gram_set(&other)) {
            return Ok(Some((id, c)));
        }
    }
    Ok(None)
}

/// The stored event a new report is, if any (see the embedded store's `find_same_event`).
fn find_same_event(
    tx: &mut Transaction,
    summaries: &mut HashMap<i64, Option<Summary>>,
    widest: i32,
    s: &Summary,
    own: &[i64],
) -> Result<Option<(i64, String)>, postgres::Error> {
    let Some((first, last)) = s.window else {
        return Ok(None);
    };
    let kinds: Vec<&str> = std::iter::once(s.kind)
        .chain(merge::related_kinds(s.kind).iter().copied())
        .map(|k| k.code())
        .collect();
    // A day either side: see the slack in `merge::same_event`. The oldest event first, as
    // merging within one import joins the first cluster.
    let candidates: Vec<i64> = tx
        .query(
            "SELECT fid FROM (
                 SELECT fid FROM events WHERE kind = ANY($1)
                     AND match_first BETWEEN $5 AND $2 AND match_last >= $3
                     AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.event = fid
                                     AND r.article = ANY($4))
                 ORDER BY fid DESC LIMIT 200) c ORDER BY fid",
            &[
                &kinds,
                &(last + 1),
                &(first - 1),
                &own,
                &(first - 1 - widest),
            ],
        )?
        .iter()
        .map(|r| r.get(0))
        .collect();
    for fid in candidates {
        if let std::collections::hash_map::Entry::Vacant(slot) = summaries.entry(fid) {
            slot.insert(stored_summary(tx, fid)?);
        }
        let Some(other) = &summaries[&fid] else {
            continue;
        };
        if let Some(why) = merge::same_event(other, s) {
            return Ok(Some((fid, why)));
        }
    }
    Ok(None)
}

/// The summary of a stored event: its days and place, and the parties of all its reports.
fn stored_summary(tx: &mut Transaction, fid: i64) -> Result<Option<Summary>, postgres::Error> {
    let Some(row) = tx.query_opt(
        "SELECT e.kind, e.day_first, e.day_last, p.name, p.lat, p.lon, p.kind, p.country,
             e.match_first, e.match_last
         FROM events e LEFT JOIN places p ON p.id = e.place WHERE e.fid = $1",
        &[&fid],
    )?
    else {
        return Ok(None);
    };
    let kind: String = row.get(0);
    let (first, last): (Option<i32>, Option<i32>) = (row.get(1), row.get(2));
    let (name, lat, lon): (Option<String>, Option<f64>, Option<f64>) =
        (row.get(3), row.get(4), row.get(5));
    let pkind: Option<String> = row.get(6);
    let country: Option<String> = row.get(7);
    let window = row
        .get::<_, Option<i32>>(8)
        .zip(row.get::<_, Option<i32>>(9));
    let parties = tx
        .query(
            "SELECT DISTINCT pa.key, pa.name FROM report_parties rp
             JOIN reports r ON r.id = rp.report JOIN parties pa ON pa.id = rp.party
             WHERE r.event = $1",
            &[&fid],
        )?
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    Ok(Some(Summary {
        kind: kind_of(&kind),
        days: first.zip(last),
        window,
        place: match (name, lat, lon) {
            (Some(name), Some(lat), Some(lon)) => Some(PlaceSummary {
                name,
                lat,
                lon,
                is_country: pkind.as_deref() == Some("country"),
                country,
                // The server keeps no precision for merging yet: every stored place counts.
                approximate: false,
            }),
            _ => None,
        },
        parties,
    }))
}

/// One report to store.
struct ReportRow<'a> {
    event: i64,
    article: i64,
    article_id: &'a str,
    e: &'a crate::model::Event,
    place: Option<i64>,
    merged: Option<String>,
}

fn insert_report(
    tx: &mut Transaction,
    r: ReportRow,
    party_row: &HashMap<&str, i64>,
    quote_row: &HashMap<&str, i64>,
) -> Result<(), postgres::Error> {
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
    // A second report of one article in one event adds nothing: the first stands.
    let Some(row) = tx.query_opt(
        "INSERT INTO reports (event, article, title, kind, mode, date, place, geo_precision,
                 evidence, why, confidence, main, extracted, merged)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
             ON CONFLICT (event, article) DO NOTHING RETURNING id",
        &[
            &r.event,
            &r.article,
            &title,
            &e.kind.code(),
            &e.mode.map(Mode::label),
            &e.date
                .as_ref()
                .map(|d| serde_json::to_string(d).unwrap_or_default()),
            &r.place,
            &e.geo_precision.map(i32::from),
            &serde_json::to_string(&evidence).unwrap_or_default(),
            &e.why
                .as_ref()
                .filter(|_| primary)
                .map(|w| serde_json::to_string(w).unwrap_or_default()),
            &e.confidence.map(f64::from),
            &(e.main && primary),
            &e.extracted,
            &r.merged,
        ],
    )?
    else {
        return Ok(());
    };
    let report: i64 = row.get(0);
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
        tx.execute(
            "INSERT INTO report_parties (report, party, role) VALUES ($1, $2, $3)",
            &[&report, &party, &role],
        )?;
    }
    for q in &e.quotes {
        if let Some(&quote) = quote_row.get(q.as_str()) {
            tx.execute(
                "INSERT INTO report_quotes (report, quote) VALUES ($1, $2)",
                &[&report, &quote],
            )?;
        }
    }
    Ok(())
}

/// Recomputes an event's row from its reports, as the embedded store does: the first report
/// speaks for it (title, kind, place) and the first dated one for its date.
/// Returns how many days the match window it wrote spans (none when the event is gone).
fn refresh_event(tx: &mut Transaction, fid: i64) -> Result<Option<i32>, postgres::Error> {
    let Some(first) = tx.query_opt(
        "SELECT title, kind, mode,
             (SELECT date FROM reports d WHERE d.event = $1 AND d.date IS NOT NULL
              ORDER BY d.id LIMIT 1),
             place, geo_precision FROM reports WHERE event = $1 ORDER BY id LIMIT 1",
        &[&fid],
    )?
    else {
        tx.execute("DELETE FROM events WHERE fid = $1", &[&fid])?;
        return Ok(None);
    };
    let title: String = first.get(0);
    let kind: String = first.get(1);
    let mode: Option<String> = first.get(2);
    let date: Option<String> = first.get(3);
    let place: Option<i64> = first.get(4);
    let geo: Option<i32> = first.get(5);
    let date: Option<DateRange> = date.and_then(|d| serde_json::from_str(&d).ok());
    let day_first = date.as_ref().and_then(|d| d.first_day()).map(day_number);
    let day_last = date.as_ref().and_then(|d| d.last_day()).map(day_number);
    let days = day_first.zip(day_last);
    let window = match days {
        Some((a, b)) if b - a <= merge::MAX_RANGE_DAYS => Some((a, b)),
        Some(_) => None,
        None => {
            let row = tx.query_one(
                "SELECT min(a.published), max(a.published) FROM reports r
                 JOIN articles a ON a.id = r.article WHERE r.event = $1",
                &[&fid],
            )?;
            let day = |d: Option<String>| {
                d.and_then(|d| crate::model::parse_day(&d).ok())
                    .map(day_number)
            };
            day(row.get(0))
                .zip(day(row.get(1)))
                .map(|(a, b)| (a - merge::UNDATED_DAYS, b + 1))
        }
    };
    let stats = tx.query_one(
        "SELECT count(DISTINCT article), max(confidence), bool_and(extracted), bool_or(main)
         FROM reports WHERE event = $1",
        &[&fid],
    )?;
    let sources: i64 = stats.get(0);
    let best: Option<f64> = stats.get(1);
    let confidence =
        best.map(|c| (c + merge::CORROBORATION as f64 * (sources - 1) as f64).min(1.0));
    tx.execute(
        "UPDATE events SET title = $1, kind = $2, mode = $3, date_start = $4, date_end = $5,
             day_first = $6, day_last = $7, place = $8,
             place_name = (SELECT name FROM places WHERE id = $8), geo_precision = $9,
             confidence = $10, sources = $11, main = $12, extracted = $13,
             geom = (SELECT ST_SetSRID(ST_MakePoint(lon, lat), 4326) FROM places WHERE id = $8),
             match_first = $15, match_last = $16
         WHERE fid = $14",
        &[
            &title,
            &kind,
            &mode,
            &date.as_ref().and_then(|d| d.start).map(|d| d.to_string()),
            &date.as_ref().and_then(|d| d.end).map(|d| d.to_string()),
            &day_first,
            &day_last,
            &place,
            &geo,
            &confidence,
            &(sources as i32),
            &stats.get::<_, Option<bool>>(3).unwrap_or(false),
            &stats.get::<_, Option<bool>>(2).unwrap_or(true),
            &fid,
            &window.map(|w| w.0),
            &window.map(|w| w.1),
        ],
    )?;
    Ok(window.map(|w| w.1 - w.0))
}

/// Loads events `fids` and what they need, in a read-only transaction (one snapshot).
fn load_in(tx: &mut impl GenericClient, fids: &[i64]) -> Result<Dataset, postgres::Error> {
    let mut ds = Dataset::new();
    let fids: Vec<i64> = fids.to_vec();
    // Reports, and the details of each.
    let mut reports: HashMap<i64, Vec<StoredReport>> = HashMap::new();
    let mut report_ids: Vec<i64> = Vec::new();
    let mut article_ids: Vec<i64> = Vec::new();
    for r in tx.query(
        "SELECT id, event, article, title, evidence, why, merged, extracted, main
         FROM reports WHERE event = ANY($1) ORDER BY id",
        &[&fids],
    )? {
        let sr = StoredReport {
            id: r.get(0),
            event: r.get(1),
            article: r.get(2),
            title: r.get(3),
            evidence: serde_json::from_str(r.get::<_, &str>(4)).unwrap_or_default(),
            why: r
                .get::<_, Option<&str>>(5)
                .and_then(|w| serde_json::from_str(w).ok()),
            merged: r.get(6),
            extracted: r.get(7),
            main: r.get(8),
        };
        report_ids.push(sr.id);
        article_ids.push(sr.article);
        reports.entry(sr.event).or_default().push(sr);
    }
    article_ids.sort_unstable();
    article_ids.dedup();
    let mut roles: HashMap<i64, Vec<(i64, String)>> = HashMap::new();
    let mut party_ids: Vec<i64> = Vec::new();
    for r in tx.query(
        "SELECT report, party, role FROM report_parties WHERE report = ANY($1)",
        &[&report_ids],
    )? {
        party_ids.push(r.get(1));
        roles
            .entry(r.get(0))
            .or_default()
            .push((r.get(1), r.get(2)));
    }
    let mut report_quotes: HashMap<i64, Vec<i64>> = HashMap::new();
    for r in tx.query(
        "SELECT report, quote FROM report_quotes WHERE report = ANY($1)",
        &[&report_ids],
    )? {
        report_quotes.entry(r.get(0)).or_default().push(r.get(1));
    }
    // Articles (a copy's original only when it is loaded too).
    for r in tx.query(
        "SELECT id, url, title, source, author, published, language, text, syndicates
         FROM articles WHERE id = ANY($1) ORDER BY id",
        &[&article_ids],
    )? {
        let syndicates: Option<i64> = r.get(8);
        ds.articles.push(Article {
            id: format!("a{}", r.get::<_, i64>(0)),
            url: r.get(1),
            title: r.get(2),
            source: r.get(3),
            author: r.get(4),
            published: r
                .get::<_, Option<&str>>(5)
                .and_then(|d| crate::model::parse_day(d).ok()),
            language: r.get(6),
            text: Some(r.get(7)),
            text_path: None,
            syndicates: syndicates
                .filter(|s| article_ids.binary_search(s).is_ok())
                .map(|i| format!("a{i}")),
        });
    }
    // Mentions in those articles, grouped by place and party.
    let mut place_mentions: HashMap<i64, Vec<Mention>> = HashMap::new();
    let mut party_mentions: HashMap<i64, Vec<Mention>> = HashMap::new();
    for r in tx.query(
        "SELECT article, place, party, start, \"end\" FROM mentions WHERE article = ANY($1)",
        &[&article_ids],
    )? {
        let m = Mention {
            article: format!("a{}", r.get::<_, i64>(0)),
            start: r.get::<_, i32>(3) as usize,
            end: r.get::<_, i32>(4) as usize,
        };
        if let Some(p) = r.get::<_, Option<i64>>(1) {
            place_mentions.entry(p).or_default().push(m);
        } else if let Some(p) = r.get::<_, Option<i64>>(2) {
            party_mentions.entry(p).or_default().push(m);
        }
    }
    // Quotes of those articles.
    for r in tx.query(
        "SELECT id, article, speaker, text, start, \"end\" FROM quotes
         WHERE article = ANY($1) ORDER BY id",
        &[&article_ids],
    )? {
        let speaker: Option<i64> = r.get(2);
        party_ids.extend(speaker);
        ds.quotes.push(Quote {
            id: format!("q{}", r.get::<_, i64>(0)),
            article: format!("a{}", r.get::<_, i64>(1)),
            speaker: speaker.map(|s| format!("y{s}")),
            text: r.get(3),
            start: r.get::<_, i32>(4) as usize,
            end: r.get::<_, i32>(5) as usize,
        });
    }
    party_ids.extend(party_mentions.keys().copied());
    party_ids.sort_unstable();
    party_ids.dedup();
    for r in tx.query(
        "SELECT id, name, kind, country, role, aliases FROM parties WHERE id = ANY($1)
         ORDER BY id",
        &[&party_ids],
    )? {
        let id: i64 = r.get(0);
        ds.parties.push(Party {
            id: format!("y{id}"),
            name: r.get(1),
            kind: party_kind(r.get(2)),
            country: r.get(3),
            role: r.get(4),
            aliases: serde_json::from_str(r.get::<_, &str>(5)).unwrap_or_default(),
            mentions: party_mentions.remove(&id).unwrap_or_default(),
        });
    }
    // Events, and the places they and the articles need.
    let event_rows = tx.query(
        "SELECT fid, title, kind, mode, date_start, date_end, place, geo_precision, confidence
         FROM events WHERE fid = ANY($1) ORDER BY fid",
        &[&fids],
    )?;
    let mut place_ids: Vec<i64> = place_mentions.keys().copied().collect();
    place_ids.extend(event_rows.iter().filter_map(|r| r.get::<_, Option<i64>>(6)));
    place_ids.sort_unstable();
    place_ids.dedup();
    for r in tx.query(
        "SELECT id, name, kind, lat, lon, country, geometry, source FROM places
         WHERE id = ANY($1) ORDER BY id",
        &[&place_ids],
    )? {
        let id: i64 = r.get(0);
        ds.places.push(Place {
            id: format!("p{id}"),
            name: r.get(1),
            kind: place_kind(r.get(2)),
            lat: r.get(3),
            lon: r.get(4),
            country: r.get(5),
            geometry: r
                .get::<_, Option<&str>>(6)
                .and_then(|g| serde_json::from_str(g).ok()),
            source: r.get(7),
            mentions: place_mentions.remove(&id).unwrap_or_default(),
        });
    }
    for r in event_rows {
        let fid: i64 = r.get(0);
        let kind: String = r.get(2);
        ds.events.push(event_from_rows(
            fid,
            r.get(1),
            &kind,
            r.get(3),
            r.get(4),
            r.get(5),
            r.get(6),
            r.get::<_, Option<i32>>(7).map(i64::from),
            r.get(8),
            reports.remove(&fid).unwrap_or_default(),
            &roles,
            &report_quotes,
        ));
    }
    Ok(ds)
}
