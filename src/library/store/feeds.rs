//! Followed feeds, kept in the library so they are followed again in the next session: each
//! feed's address, how often to check it, the validators of its last answer (for a polite
//! conditional request), when it was checked and how that went, and which items were read.

use std::collections::HashSet;
use std::time::Duration;

use rusqlite::{OptionalExtension, params};

use super::{Store, StoreError};
use crate::model::Dataset;

/// A feed the user follows.
#[derive(Clone, Debug, PartialEq)]
pub struct FollowedFeed {
    /// Its address.
    pub url: String,
    /// Its title, once read.
    pub title: Option<String>,
    /// How often to check it.
    pub every: Duration,
    /// `ETag` of the last answer.
    pub etag: Option<String>,
    /// `Last-Modified` of the last answer.
    pub last_modified: Option<String>,
    /// When it was last checked.
    pub checked: Option<jiff::Timestamp>,
    /// What went wrong at the last check, if anything.
    pub error: Option<String>,
    /// Articles read from it so far.
    pub articles: usize,
}

impl FollowedFeed {
    /// When it should next be checked: now if never checked.
    pub fn due(&self) -> Option<jiff::Timestamp> {
        let every = jiff::SignedDuration::try_from(self.every).ok()?;
        self.checked.and_then(|t| t.checked_add(every).ok())
    }
}

/// How one check of a feed went, for [`Store::record_check`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Check {
    /// The feed's title, if it gave one.
    pub title: Option<String>,
    /// Validators for the next request (kept when `None`, as after a 304).
    pub etag: Option<String>,
    /// See `etag`.
    pub last_modified: Option<String>,
    /// The error, if the check failed.
    pub error: Option<String>,
    /// Articles read in this check.
    pub articles: usize,
}

impl Store {
    fn writable(&self) -> Result<(), StoreError> {
        match &self.read_only {
            Some(why) => Err(StoreError::ReadOnly {
                file: self.file(),
                why: why.clone(),
            }),
            None => Ok(()),
        }
    }

    /// Follows a feed, checked every `every`; following it again changes only the interval.
    pub fn follow(&mut self, url: &str, every: Duration) -> Result<(), StoreError> {
        self.writable()?;
        self.conn
            .execute(
                "INSERT INTO newsmap_feeds (url, every_secs) VALUES (?1, ?2)
                 ON CONFLICT(url) DO UPDATE SET every_secs = excluded.every_secs",
                params![url, every.as_secs().max(1) as i64],
            )
            .map_err(self.sql())?;
        Ok(())
    }

    /// Stops following a feed (its articles stay).
    pub fn unfollow(&mut self, url: &str) -> Result<(), StoreError> {
        self.writable()?;
        let sql = self.sql_err();
        let tx = self.conn.transaction().map_err(&sql)?;
        tx.execute("DELETE FROM newsmap_feed_items WHERE feed = ?1", [url])
            .map_err(&sql)?;
        tx.execute("DELETE FROM newsmap_feeds WHERE url = ?1", [url])
            .map_err(&sql)?;
        tx.commit().map_err(&sql)
    }

    /// Every followed feed, in the order followed.
    pub fn feeds(&self) -> Result<Vec<FollowedFeed>, StoreError> {
        let mut st = self
            .conn
            .prepare(
                "SELECT url, title, every_secs, etag, last_modified, checked, error, articles
                 FROM newsmap_feeds ORDER BY rowid",
            )
            .map_err(self.sql())?;
        let rows = st
            .query_map([], |r| {
                Ok(FollowedFeed {
                    url: r.get(0)?,
                    title: r.get(1)?,
                    every: Duration::from_secs(r.get::<_, i64>(2)?.max(1) as u64),
                    etag: r.get(3)?,
                    last_modified: r.get(4)?,
                    checked: r
                        .get::<_, Option<String>>(5)?
                        .and_then(|t| t.parse::<jiff::Timestamp>().ok()),
                    error: r.get(6)?,
                    articles: r.get::<_, i64>(7)? as usize,
                })
            })
            .map_err(self.sql())?;
        rows.collect::<Result<_, _>>().map_err(self.sql())
    }

    /// The item ids of a feed already read.
    pub fn seen_items(&self, url: &str) -> Result<HashSet<String>, StoreError> {
        let mut st = self
            .conn
            .prepare("SELECT item FROM newsmap_feed_items WHERE feed = ?1")
            .map_err(self.sql())?;
        let rows = st
            .query_map([url], |r| r.get::<_, String>(0))
            .map_err(self.sql())?;
        rows.collect::<Result<_, _>>().map_err(self.sql())
    }

    /// Records a check of a followed feed at `at`. A feed no longer followed is left alone.
    pub fn record_check(
        &mut self,
        url: &str,
        at: jiff::Timestamp,
        check: &Check,
    ) -> Result<(), StoreError> {
        self.writable()?;
        self.conn
            .execute(
                "UPDATE newsmap_feeds SET checked = ?2, error = ?3,
                     title = coalesce(?4, title), etag = coalesce(?5, etag),
                     last_modified = coalesce(?6, last_modified), articles = articles + ?7
                 WHERE url = ?1",
                params![
                    url,
                    at.to_string(),
                    check.error,
                    check.title,
                    check.etag,
                    check.last_modified,
                    check.articles as i64
                ],
            )
            .map_err(self.sql())?;
        Ok(())
    }

    /// Imports what a feed's new items gave and marks the items read, in one transaction: a
    /// crash leaves them unread, to be read again, never read but missing.
    pub fn import_from_feed(
        &mut self,
        ds: &Dataset,
        url: &str,
        items: &[String],
    ) -> Result<super::ImportReport, StoreError> {
        self.import_marking(ds, Some((url, items)), super::ImportOptions::default())
    }

    /// True when the feed is followed.
    pub fn follows(&self, url: &str) -> Result<bool, StoreError> {
        self.conn
            .query_row("SELECT 1 FROM newsmap_feeds WHERE url = ?1", [url], |_| {
                Ok(())
            })
            .optional()
            .map(|r| r.is_some())
            .map_err(self.sql())
    }

    fn sql_err(&self) -> impl Fn(rusqlite::Error) -> StoreError + use<> {
        let file = self.file();
        move |source| StoreError::Sql {
            file: file.clone(),
            source,
        }
    }
}
