//! Following feeds: a worker thread checks each followed feed of a library when it is due,
//! politely (a conditional request with the last answer's `ETag` and `Last-Modified`, so an
//! unchanged feed costs a 304), reads the items it has not read before, extracts them and adds
//! them to the library in one transaction with the record of which items were read. The feeds
//! and their state live in the library, so following survives a restart.
//!
//! A failed check is recorded on the feed and reported once as an event; the worker goes on
//! with the other feeds and tries again at the next interval.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::Duration;

use super::ingest::{Source, append, extract_all};
use crate::library::store::{Check, FollowedFeed, ImportReport, Store};
use crate::model::Dataset;
use crate::source::feed::parse_feed;
use crate::source::fetch::{FeedAnswer, FetchOptions, Validators, check_url, fetch_feed};

/// How often a feed is checked unless the user says otherwise.
pub const DEFAULT_EVERY: Duration = Duration::from_secs(15 * 60);
/// Items read per check at most: a first check of a long archive feed reads the newest.
pub const MAX_ITEMS_PER_CHECK: usize = 200;
/// The longest the worker sleeps before looking at the clock again.
const MAX_SLEEP: Duration = Duration::from_secs(60);

/// What the worker reports.
#[derive(Clone, Debug, PartialEq)]
pub enum FollowEvent {
    /// A check started.
    Checking {
        /// The feed.
        url: String,
    },
    /// New items were read and added.
    Read {
        /// The feed.
        url: String,
        /// What the import did.
        report: ImportReport,
        /// Items that could not be read, each naming its link and what went wrong.
        failed: Vec<String>,
    },
    /// Nothing new (304, or no unread items).
    Unchanged {
        /// The feed.
        url: String,
    },
    /// The check failed; the message names the feed.
    Failed {
        /// The feed.
        url: String,
        /// What went wrong.
        error: String,
    },
    /// The followed feeds as they now are (after any check or change).
    Feeds(Vec<FollowedFeed>),
}

enum Command {
    Follow(String, Duration),
    Unfollow(String),
    CheckNow,
}

/// The running worker. Dropping it stops the worker (a fetch in flight is cancelled).
pub struct Follower {
    commands: Sender<Command>,
    events: Receiver<FollowEvent>,
    cancel: Arc<AtomicBool>,
}

impl Follower {
    /// Starts following the feeds of the library at `library`; `wake` is called after each
    /// event (e.g. to repaint).
    pub fn start(
        library: PathBuf,
        options: FetchOptions,
        wake: impl Fn() + Send + 'static,
    ) -> Result<Follower, String> {
        let (commands, command_rx) = channel();
        let (event_tx, events) = channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let flag = cancel.clone();
        std::thread::Builder::new()
            .name("newsmap-follow".into())
            .spawn(move || {
                let mut w = Worker {
                    library,
                    options,
                    commands: command_rx,
                    events: event_tx,
                    cancel: flag,
                    wake: Box::new(wake),
                };
                w.run();
            })
            .map_err(|e| format!("cannot start the feed worker: {e}"))?;
        Ok(Follower {
            commands,
            events,
            cancel,
        })
    }

    /// Follows a feed (checked at once, then every `every`). The address is checked first.
    pub fn follow(&self, url: &str, every: Duration) -> Result<(), String> {
        let url = url.trim();
        check_url(url).map_err(|e| e.to_string())?;
        self.send(Command::Follow(url.to_owned(), every))
    }

    /// Stops following a feed.
    pub fn unfollow(&self, url: &str) -> Result<(), String> {
        self.send(Command::Unfollow(url.to_owned()))
    }

    /// Checks every feed now.
    pub fn check_now(&self) -> Result<(), String> {
        self.send(Command::CheckNow)
    }

    fn send(&self, c: Command) -> Result<(), String> {
        self.commands
            .send(c)
            .map_err(|_| "the feed worker has stopped".to_owned())
    }

    /// Events since the last call.
    pub fn poll(&self) -> Vec<FollowEvent> {
        self.events.try_iter().collect()
    }
}

impl Drop for Follower {
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

struct Worker {
    library: PathBuf,
    options: FetchOptions,
    commands: Receiver<Command>,
    events: Sender<FollowEvent>,
    cancel: Arc<AtomicBool>,
    wake: Box<dyn Fn() + Send>,
}

impl Worker {
    fn say(&self, e: FollowEvent) -> bool {
        let alive = self.events.send(e).is_ok();
        (self.wake)();
        alive
    }

    fn run(&mut self) {
        let mut store = match Store::open(&self.library) {
            Ok(s) => s,
            Err(e) => {
                self.say(FollowEvent::Failed {
                    url: String::new(),
                    error: e.to_string(),
                });
                return;
            }
        };
        let mut force = false;
        loop {
            if self.cancel.load(Ordering::Relaxed) {
                return;
            }
            let feeds = match store.feeds() {
                Ok(f) => f,
                Err(e) => {
                    self.say(FollowEvent::Failed {
                        url: String::new(),
                        error: e.to_string(),
                    });
                    return;
                }
            };
            let now = jiff::Timestamp::now();
            let mut checked = false;
            for f in &feeds {
                if self.cancel.load(Ordering::Relaxed) {
                    return;
                }
                if force || f.due().is_none_or(|d| d <= now) {
                    self.check(&mut store, f);
                    checked = true;
                }
            }
            force = false;
            if checked && !self.publish(&store) {
                return;
            }
            let now = jiff::Timestamp::now();
            let sleep = store
                .feeds()
                .unwrap_or_default()
                .iter()
                .filter_map(FollowedFeed::due)
                .map(|d| now.duration_until(d).unsigned_abs())
                .min()
                .unwrap_or(MAX_SLEEP)
                .clamp(Duration::from_millis(100), MAX_SLEEP);
            match self.commands.recv_timeout(sleep) {
                Ok(Command::Follow(url, every)) => {
                    if let Err(e) = store.follow(&url, every) {
                        self.say(FollowEvent::Failed {
                            url,
                            error: e.to_string(),
                        });
                    }
                    // Due at once: it was never checked.
                    self.publish(&store);
                }
                Ok(Command::Unfollow(url)) => {
                    if let Err(e) = store.unfollow(&url) {
                        self.say(FollowEvent::Failed {
                            url,
                            error: e.to_string(),
                        });
                    }
                    self.publish(&store);
                }
                Ok(Command::CheckNow) => force = true,
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
    }

    /// Sends the feed list; false when the app has gone.
    fn publish(&self, store: &Store) -> bool {
        match store.feeds() {
            Ok(f) => self.say(FollowEvent::Feeds(f)),
            Err(_) => true,
        }
    }

    fn check(&self, store: &mut Store, f: &FollowedFeed) {
        let url = f.url.clone();
        self.say(FollowEvent::Checking { url: url.clone() });
        let result = self.read_new(store, f);
        let at = jiff::Timestamp::now();
        let (check, event) = match result {
            Ok(Outcome::Unchanged(check)) => (check, FollowEvent::Unchanged { url: url.clone() }),
            Ok(Outcome::Read(check, report, failed)) => (
                check,
                FollowEvent::Read {
                    url: url.clone(),
                    report,
                    failed,
                },
            ),
            Err(error) => (
                Check {
                    error: Some(error.clone()),
                    ..Default::default()
                },
                FollowEvent::Failed {
                    url: url.clone(),
                    error,
                },
            ),
        };
        if let Err(e) = store.record_check(&url, at, &check) {
            self.say(FollowEvent::Failed {
                url: url.clone(),
                error: e.to_string(),
            });
        }
        self.say(event);
    }

    fn read_new(&self, store: &mut Store, f: &FollowedFeed) -> Result<Outcome, String> {
        let validators = Validators {
            etag: f.etag.clone(),
            last_modified: f.last_modified.clone(),
        };
        let answer = fetch_feed(&f.url, &self.cancel, &self.options, &validators)
            .map_err(|e| e.to_string())?;
        let (bytes, final_url, validators) = match answer {
            FeedAnswer::NotModified => return Ok(Outcome::Unchanged(Check::default())),
            FeedAnswer::Body {
                bytes,
                final_url,
                validators,
            } => (bytes, final_url, validators),
        };
        let feed = parse_feed(&bytes, &final_url).map_err(|e| {
            // Name the address the user follows, not where a redirect ended.
            e.to_string().replacen(&final_url, &f.url, 1)
        })?;
        let mut check = Check {
            title: feed.title.clone(),
            etag: validators.etag,
            last_modified: validators.last_modified,
            ..Default::default()
        };
        let seen: HashSet<String> = store.seen_items(&f.url).map_err(|e| e.to_string())?;
        let feed = Arc::new(feed);
        let fresh: Vec<Source> = feed
            .items
            .iter()
            .filter(|i| !i.id.is_empty() && !seen.contains(&i.id))
            .take(MAX_ITEMS_PER_CHECK)
            .map(|item| Source::FeedItem {
                item: item.clone(),
                feed: feed.clone(),
                origin: f.url.clone(),
            })
            .collect();
        if fresh.is_empty() {
            return Ok(Outcome::Unchanged(check));
        }
        let outcomes = extract_all(
            &fresh,
            1,
            true,
            &|_| {},
            &self.cancel,
            &self.options,
            &|_| {},
        );
        if self.cancel.load(Ordering::Relaxed) {
            return Err(format!("{}: stopped", f.url));
        }
        let mut all = Dataset::default();
        let mut failed = Vec::new();
        for outcome in outcomes {
            match outcome {
                Ok(ds) => append(&mut all, ds),
                Err(e) => failed.push(e),
            }
        }
        // Items that failed are marked read too: a page that is gone would otherwise be asked
        // for at every check. The failures are reported once.
        let ids: Vec<String> = fresh
            .iter()
            .filter_map(|s| match s {
                Source::FeedItem { item, .. } => Some(item.id.clone()),
                _ => None,
            })
            .collect();
        let report = store
            .import_from_feed(&all, &f.url, &ids)
            .map_err(|e| e.to_string())?;
        check.articles = report.articles;
        Ok(Outcome::Read(check, report, failed))
    }
}

enum Outcome {
    Unchanged(Check),
    Read(Check, ImportReport, Vec<String>),
}
