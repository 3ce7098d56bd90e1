//! The desktop app: top bar with filters, the map, the side panel, the timeline and the source
//! viewer.
//!
//! One door for state: views only *read* the app and return [`Action`]s; [`NewsmapApp::apply`]
//! is the one place app state changes, so map, list and panels always agree. What stays inside
//! a widget is its own interaction state and nothing else reads it: text being typed, a drag in
//! progress, scroll positions, caches, and the map's camera (walkers' memory, read back when the
//! session is saved).
//!
//! [`SavedState`] is what persists across restarts. The app keeps it live in one field (as the
//! egui demo app keeps its `State`), apart from the runtime: the library, the widgets and the
//! work in flight.

pub mod file_dialog;
pub mod long_text;
pub mod server_link;
pub mod side_panel;
pub mod source_view;
pub mod sources;
pub mod timeline;

use std::collections::{BTreeSet, HashSet};
use std::path::PathBuf;

use egui::{Color32, Key, Modifiers, RichText, Ui};
use serde::{Deserialize, Serialize};

use crate::index::{EventKey, EventTable};
use crate::interchange::{ExportFormat, ExportReport};
use crate::jobs::follow::{FollowEvent, Follower};
use crate::jobs::shelf::{Shelf, ShelfEvent, ShelfRequest};
use crate::jobs::{Batch, ImportKind, JobEvent};
use crate::library::Library;
use crate::library::corpus::{ArticleKey, outlet_label};
use crate::library::filter::{Filter, Passing};
use crate::library::kept::KeptDir;
use crate::library::session::{Session, Unopened, absolute};
use crate::library::store::FollowedFeed;
use crate::map::style::kind_icon_ui;
use crate::map::{MapAction, MapInput, MapView};
use crate::model::{EventKind, Span, problem_count, shorten};
use file_dialog::{DialogOutcome, DialogPurpose, FileDialog};
use long_text::{CHIP_CHARS, FullText, MESSAGE_CHARS, NAME_CHARS, TITLE_CHARS, clipped_label};
use source_view::SourceView;
use timeline::{TimelineChange, TimelineState, TimelineWidget};

/// Everything a view can ask the app to do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Select an event (or clear the selection).
    Select(Option<EventKey>),
    /// Select an event and bring it into view.
    SelectAndCenter(EventKey),
    /// Centre the map on a point.
    CenterOn {
        /// Latitude.
        lat: f64,
        /// Longitude.
        lon: f64,
    },
    /// Pan the map by screen points (keyboard arrows).
    PanMap {
        /// Points east.
        dx: f32,
        /// Points south.
        dy: f32,
    },
    /// Zoom the map by whole levels around its centre (+/− keys).
    ZoomMap(f64),
    /// Only events with this party (by name), or all.
    FilterParty(Option<String>),
    /// Set the date filter (inclusive days; `None` = unbounded).
    SetDates(Option<jiff::civil::Date>, Option<jiff::civil::Date>),
    /// Show only these kinds (empty = all).
    SetKinds(BTreeSet<EventKind>),
    /// Free-text search.
    SetText(String),
    /// Remove every filter.
    ClearFilters,
    /// Change the timeline's axis or playback.
    Timeline(TimelineChange),
    /// Open an article's text, scrolled to `focus`.
    OpenSource {
        /// Dataset index.
        dataset: u32,
        /// Article id.
        article: String,
        /// Span to show.
        focus: Option<Span>,
    },
    /// Close the source text window.
    CloseSource,
    /// Split one article's report off a library event ("not the same event").
    SplitReport {
        /// The event.
        event: EventKey,
        /// The article (`aN`) whose report leaves it.
        article: String,
    },
    /// Only events at least this many sources report (0 or 1: all).
    SetMinSources(u32),
    /// Only events these outlets report (empty: all).
    SetOutlets(BTreeSet<String>),
    /// Show one article: only its events, the map fitted to them, its text open (`None`: every
    /// article again).
    ShowArticle(Option<ArticleKey>),
    /// Which tab the side panel shows.
    SideTab(SideTab),
    /// Follow an RSS/Atom/JSON feed into the library, checked every so many minutes (empty:
    /// every 15).
    FollowFeed {
        /// The feed's address.
        url: String,
        /// Minutes between checks, as typed.
        every_minutes: String,
    },
    /// Stop following a feed.
    UnfollowFeed(String),
    /// Check every followed feed now.
    CheckFeedsNow,
    /// Fit the map to the shown events.
    FitToEvents,
    /// Fit the map to one dataset's events.
    FitToDataset(u32),
    /// Country names on the basemap.
    ShowLabels(bool),
    /// OpenStreetMap tiles over the basemap.
    OnlineTiles(bool),
    /// Open the file chooser for a purpose.
    OpenDialog(DialogPurpose),
    /// Close the file chooser.
    CloseDialog,
    /// Open one of the forms.
    OpenForm(FormKind),
    /// Close the open form.
    CloseForm,
    /// The paste form was submitted: checked here, then extracted.
    SubmitPaste {
        /// The article text.
        text: String,
        /// The headline typed ("" for none).
        title: String,
        /// The publication date typed ("" for none).
        published: String,
    },
    /// The URL form was submitted: checked here, then fetched.
    SubmitUrl(String),
    /// Start importing articles, datasets, text or URLs in the background.
    Import(Vec<ImportKind>),
    /// Stop the running import after the current item.
    CancelImport,
    /// Save a dataset to a file (atomically).
    SaveDataset(u32, PathBuf),
    /// Export events for other tools, in the background (written atomically).
    Export {
        /// The format.
        format: ExportFormat,
        /// Only the events the filters show (else all open events).
        filtered: bool,
        /// The file to write.
        path: PathBuf,
    },
    /// Export only what the filters show (the default), or every open event.
    ExportFiltered(bool),
    /// Close a dataset: its events leave the map and it is not reopened next time.
    CloseDataset(u32),
    /// Hide the error panel.
    DismissErrors,
    /// Hide the notices.
    DismissNotices,
    /// Back to the default view, filters and panels.
    ResetView,
    /// Show the whole of a text that was cut for display.
    ShowFullText {
        /// What it is ("Event title", "Error").
        title: String,
        /// All of it.
        text: String,
    },
    /// Close the full-text window.
    CloseFullText,
    /// Try again to open a session file that could not be opened.
    RetryUnopened(usize),
    /// Drop a session file that could not be opened from the session.
    ForgetUnopened(usize),
    /// Ask the team server for this view (`newsmap --db`).
    ServerRequest(crate::jobs::server_view::ViewRequest),
    /// The team server answered.
    ServerAnswer(crate::jobs::server_view::ViewAnswer),
}

/// Which form is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormKind {
    /// "Paste text…".
    Paste,
    /// "Open URL…".
    Url,
    /// "Follow feed…".
    Feed,
}

/// The side panel's tabs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SideTab {
    /// The selected event, or the events in view.
    #[default]
    Events,
    /// The articles by outlet ([`sources::SourcesView`]).
    Sources,
}

/// What survives a restart. The app keeps it live; the map's centre and zoom are read from the
/// map widget when saving.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SavedState {
    /// Filters.
    pub filter: Filter,
    /// Timeline axis and speed.
    pub timeline: TimelineState,
    /// Map centre (lon, lat).
    pub map_center: Option<[f64; 2]>,
    /// Map zoom.
    pub map_zoom: Option<f64>,
    /// Dataset files that were open.
    pub open_files: Vec<PathBuf>,
    /// Country names on the basemap hidden.
    pub hide_labels: bool,
    /// Online tiles were on.
    pub online_tiles: bool,
    /// The side panel's tab.
    pub side_tab: SideTab,
}

impl SavedState {
    /// The state with every value the app can use: a NaN or out-of-range map view or timeline
    /// (a hand-edited or damaged session) is dropped for the defaults, and runaway texts are
    /// cut, so a restored session always shows a map.
    pub fn sanitized(mut self) -> Self {
        let max_lat = crate::index::projection::MAX_LAT;
        self.map_center = self.map_center.filter(|[lon, lat]| {
            lon.is_finite() && lat.is_finite() && lon.abs() <= 180.0 && lat.abs() <= 90.0
        });
        if let Some([_, lat]) = &mut self.map_center {
            *lat = lat.clamp(-max_lat, max_lat);
        }
        self.map_zoom = self
            .map_zoom
            .filter(|z| z.is_finite())
            .map(|z| z.clamp(0.0, crate::map::MAX_ZOOM));
        self.timeline = self.timeline.sanitized();
        if self.filter.text.len() > 1000 {
            self.filter.text = shorten(&self.filter.text, 200).into_owned();
        }
        if self.filter.party.as_ref().is_some_and(|p| p.len() > 1000) {
            self.filter.party = None;
        }
        // No outlet has a name this long; a damaged session's runaway text is no filter.
        self.filter.outlets.retain(|o| o.len() <= 1000);
        if self
            .filter
            .from
            .zip(self.filter.to)
            .is_some_and(|(f, t)| f > t)
        {
            self.filter.from = None;
            self.filter.to = None;
        }
        self.open_files = self.open_files.iter().map(|p| absolute(p)).collect();
        self
    }
}

/// From this many events (open and added together), a dataset joins through the indexing
/// worker rather than in the frame that received it.
const BACKGROUND_EVENTS: usize = 50_000;

/// What makes a dataset on the indexing worker: a dataset already read (the library's load), or
/// work that reads or generates one (`--synthetic`).
type MakeDataset = Box<dyn FnOnce() -> crate::library::LoadedDataset + Send>;

/// A dataset waiting for the indexing worker.
struct IndexJob {
    /// True for the user's library (it replaces the seed, or its own earlier load).
    library: bool,
    /// What the progress line says meanwhile.
    what: String,
    make: MakeDataset,
}

/// What the indexing worker hands back: the dataset with the next table, and when the filters
/// allowed it, their answers and the first cluster grid, so the frame that installs them does
/// no per-event work.
struct Indexed {
    ds: Box<crate::library::LoadedDataset>,
    table: EventTable,
    passing: Option<Passing>,
    grid: Option<(u8, crate::index::grid::ClusterGrid)>,
    /// Per event in the table's date order: does it pass (the event list's flags).
    shown_by_rank: Option<Vec<bool>>,
    /// Where the dataset's events are (to fit the map to a dataset just added).
    bounds: Option<crate::index::WorldRect>,
}

/// A dataset on its way in: read and indexed on a worker, installed by `poll_indexing`.
struct Indexing {
    /// The dataset it replaces (the seed, or an earlier load), or `None` to add it.
    at: Option<usize>,
    /// True for the user's library.
    library: bool,
    /// The library's revision the worker's table was built from.
    revision: u64,
    /// The filters the worker's answers are for.
    filter: Filter,
    /// What the progress line says.
    what: String,
    /// When the work began: the progress line shows only for work that takes a while, so a
    /// small library's reload does not flash it.
    started: std::time::Instant,
    rx: std::sync::mpsc::Receiver<Indexed>,
}

impl Indexing {
    /// True once the work has taken long enough to say so.
    fn shows_progress(&self) -> bool {
        self.started.elapsed() >= std::time::Duration::from_millis(250)
    }
}

/// The newsmap window.
pub struct NewsmapApp {
    /// What persists (see [`SavedState`]).
    state: SavedState,
    lib: Library,
    map: MapView,
    /// Which items of `lib.table` pass the filters, kept up to date as they change.
    passing: Passing,
    selected: Option<EventKey>,
    timeline: TimelineWidget,
    source: Option<SourceView>,
    /// Load and extraction errors to show, each naming its file.
    errors: Vec<String>,
    /// Wakes the UI when a background job reports; also what online tiles repaint.
    repaint: Option<egui::Context>,
    search_text: String,
    list_cache: side_panel::ListCache,
    sources: sources::SourcesView,
    dialog: Option<FileDialog>,
    form: Option<Form>,
    batch: Option<Batch>,
    /// Short confirmations ("Added 12 events from a.txt").
    notices: Vec<String>,
    /// Turn online tiles on once the egui context is known (restored sessions).
    pending_online: bool,
    /// Where extracted datasets are written so the next session reopens them; `None` keeps them
    /// in memory only (tests, and when the system has no data directory).
    kept: Option<KeptDir>,
    /// Where the session is saved; `None` keeps nothing (tests, no data directory).
    session: Option<Session>,
    /// Session files that could not be opened: they stay in the session until forgotten.
    unopened: Vec<Unopened>,
    /// The last error saving the session, shown once rather than at every autosave.
    session_error: Option<String>,
    /// The whole of a text cut for display, when the user asked for it.
    full_text: Option<FullText>,
    /// The user's library, open on its worker thread.
    shelf: Option<Shelf>,
    /// A dataset being read and indexed on a worker thread; the previous view stays until it
    /// arrives.
    indexing: Option<Indexing>,
    /// Datasets waiting for the indexing worker, in order.
    index_queue: std::collections::VecDeque<IndexJob>,
    /// True until the library's first load arrives.
    shelf_loading: bool,
    /// Library events (`eN`) the last full-text search matched, and its query.
    found: (String, HashSet<String>),
    /// The worker that polls followed feeds into the library.
    follower: Option<Follower>,
    /// The feeds followed, as the worker last reported them.
    feeds: Vec<FollowedFeed>,
    /// Export all open events rather than what the filters show.
    export_all: bool,
    /// An export running in the background: its file, and where its result arrives.
    export: Option<(
        PathBuf,
        std::sync::mpsc::Receiver<Result<ExportReport, String>>,
    )>,
    /// The team server whose view is dataset 0 (`newsmap --db`).
    server: Option<server_link::ServerLink>,
}

/// An open form: the text typed so far (widget state) and the last error `apply` found.
#[derive(Debug, Default)]
struct Form {
    kind: Option<FormKind>,
    text: String,
    title: String,
    published: String,
    url: String,
    every_minutes: String,
    error: Option<String>,
}

impl NewsmapApp {
    /// An app over an opened library; `errors` are shown until dismissed.
    pub fn new(lib: Library, errors: Vec<String>) -> Self {
        let mut app = Self {
            state: SavedState::default(),
            passing: Passing::default(),
            lib,
            map: MapView::default(),
            selected: None,
            timeline: TimelineWidget::default(),
            source: None,
            errors,
            repaint: None,
            search_text: String::new(),
            list_cache: Default::default(),
            sources: Default::default(),
            dialog: None,
            form: None,
            batch: None,
            notices: Vec::new(),
            pending_online: false,
            kept: None,
            session: None,
            unopened: Vec::new(),
            session_error: None,
            full_text: None,
            shelf: None,
            indexing: None,
            index_queue: Default::default(),
            shelf_loading: false,
            found: Default::default(),
            follower: None,
            feeds: Vec::new(),
            export_all: false,
            export: None,
            server: None,
        };
        app.state.open_files = app.open_files();
        app.refilter();
        app
    }

    /// Keeps extracted datasets as files in `dir` (created when needed), so that they are among
    /// the open files the next session reopens. The app sets the user's data directory.
    pub fn keep_extracted_in(&mut self, dir: Option<PathBuf>) {
        self.kept = dir.map(KeptDir);
    }

    /// Opens the user's library (a GeoPackage, created with the seed in it on first use) on a
    /// worker thread. Until it has loaded, the datasets already open stay on screen; then the
    /// library takes the embedded seed's place, and extracted articles go into it.
    pub fn open_library(&mut self, path: &std::path::Path) {
        let ctx = self.repaint.clone();
        self.shelf = Some(Shelf::open(path, move || {
            if let Some(c) = &ctx {
                c.request_repaint();
            }
        }));
        self.shelf_loading = true;
    }

    /// Starts the feed worker on the library, once the library has been opened (and created)
    /// by its own worker: two threads creating one file at once would race.
    fn start_follower(&mut self) {
        let Some(shelf) = &self.shelf else { return };
        let ctx = self.repaint.clone();
        match Follower::start(
            shelf.path().to_owned(),
            crate::source::fetch::FetchOptions::default(),
            move || {
                if let Some(c) = &ctx {
                    c.request_repaint();
                }
            },
        ) {
            Ok(f) => self.follower = Some(f),
            Err(e) => self.errors.push(format!("Feeds: {e}")),
        }
    }

    /// The feeds the library follows.
    pub fn followed_feeds(&self) -> &[FollowedFeed] {
        &self.feeds
    }

    /// Takes what the feed worker reported: new articles reload the library; a feed that fails
    /// gets a quiet notice (it is tried again at its next check), never an error dialog.
    pub fn poll_feeds(&mut self) {
        let Some(follower) = &self.follower else {
            return;
        };
        let mut reload = false;
        for ev in follower.poll() {
            match ev {
                FollowEvent::Read {
                    url,
                    report,
                    failed,
                } => {
                    if report.articles > 0 || report.syndications > 0 {
                        reload = true;
                        self.notices
                            .push(format!("{}: {report}", shorten(&url, NAME_CHARS)));
                    }
                    if !failed.is_empty() {
                        self.notices.push(format!(
                            "{}: {} item(s) could not be read (first: {})",
                            shorten(&url, NAME_CHARS),
                            failed.len(),
                            shorten(&failed[0], MESSAGE_CHARS)
                        ));
                    }
                }
                FollowEvent::Failed { url, error } => self.notices.push(format!(
                    "{}: not checked ({}); trying again later",
                    shorten(&url, NAME_CHARS),
                    shorten(&error, MESSAGE_CHARS)
                )),
                FollowEvent::Feeds(list) => self.feeds = list,
                FollowEvent::Checking { .. } | FollowEvent::Unchanged { .. } => {}
            }
        }
        if reload && let Some(shelf) = &self.shelf {
            shelf.send(ShelfRequest::Reload);
        }
    }

    /// The user's library file (`…/newsmap/library.gpkg`), if the system has a data directory.
    pub fn default_library() -> Option<PathBuf> {
        Self::default_session_dir().map(|d| d.join("library.gpkg"))
    }

    /// True while the library's first load is on its way.
    pub fn library_loading(&self) -> bool {
        self.shelf_loading
    }

    /// Takes what the library's worker reported. Public so tests can wait for it.
    pub fn poll_library(&mut self) {
        let Some(shelf) = &self.shelf else {
            self.poll_indexing();
            return;
        };
        let events = shelf.poll();
        for ev in events {
            match ev {
                ShelfEvent::Loaded(ds) => {
                    if self.follower.is_none() {
                        self.start_follower();
                    }
                    // Indexing a large library takes seconds: a worker does it while the
                    // previous view stays on screen and responsive. A newer load replaces
                    // one still waiting.
                    self.index_queue.retain(|j| !j.library);
                    let what = format!("Indexing the library ({} events)…", ds.data.events.len());
                    self.index_queue.push_back(IndexJob {
                        library: true,
                        what,
                        make: Box::new(move || *ds),
                    });
                }
                ShelfEvent::Imported { name, report } => self.notices.push(format!(
                    "{}: added to the library — {report}. Extracted: check events against the source.",
                    shorten(&name, NAME_CHARS)
                )),
                ShelfEvent::Found { query, events } => {
                    if query == self.state.filter.text.trim() {
                        self.found = (query, events.into_iter().collect());
                        self.refilter();
                    }
                }
                ShelfEvent::Failed(e) => {
                    self.shelf_loading = false;
                    self.errors.push(format!("Library: {e}"));
                }
            }
        }
        self.poll_indexing();
    }

    /// Builds the basemap's zoom bands on a worker thread (see [`MapView::prepare_basemap`]).
    pub fn prepare_basemap(&self) {
        self.map.prepare_basemap();
    }

    /// Reads (or generates) a dataset and indexes it on a worker thread, then adds it to the
    /// open datasets and fits the map to it; until then the view stays as it is, with a
    /// progress line saying `what`. `--synthetic` opens this way.
    pub fn add_in_background(
        &mut self,
        what: impl Into<String>,
        make: impl FnOnce() -> crate::library::LoadedDataset + Send + 'static,
    ) {
        self.index_queue.push_back(IndexJob {
            library: false,
            what: what.into(),
            make: Box::new(make),
        });
        self.start_indexing();
    }

    /// True while the map builds a zoom level's grid off the UI thread (it draws a stand-in).
    pub fn map_building(&self) -> bool {
        self.map.is_building()
    }

    /// True while a dataset is being read or indexed in the background.
    pub fn indexing(&self) -> bool {
        self.indexing.is_some() || !self.index_queue.is_empty()
    }

    /// Starts the next waiting dataset on the indexing worker, unless one is on it.
    fn start_indexing(&mut self) {
        if self.indexing.is_some() {
            return;
        }
        let Some(job) = self.index_queue.pop_front() else {
            return;
        };
        let at = if job.library {
            let path = self.shelf.as_ref().map(|s| s.path().to_owned());
            self.lib.datasets.iter().position(|d| {
                d.path.is_some() && d.path == path
                    || d.path.is_none() && d.name == "seed (embedded)"
            })
        } else {
            None
        };
        let old = self.lib.table.parts();
        let revision = self.lib.revision;
        let di = at.unwrap_or(self.lib.datasets.len());
        let filter = self.state.filter.clone();
        let level = self.map.level();
        let map_size = self.map.size();
        let adding = at.is_none();
        let (tx, rx) = std::sync::mpsc::channel();
        let repaint = self.repaint.clone();
        let worker_filter = filter.clone();
        let make = job.make;
        let spawned = std::thread::Builder::new()
            .name("newsmap-index".into())
            .spawn(move || {
                let ds = make();
                let table = EventTable::with_dataset(&old, di, &ds.data, &ds.ids);
                let passing = Passing::for_items(&worker_filter, &table);
                let run = crate::index::dataset_items(&table.items, di);
                let bounds = table.bounds(run.start as u32..run.end as u32);
                // A dataset added is fitted into view: its grid is the fitted level's.
                let level = match bounds {
                    Some(b) if adding => crate::map::fit_level(&b, map_size),
                    _ => level,
                };
                let grid = passing.as_ref().map(|p| {
                    let mut grid = crate::index::grid::ClusterGrid::default();
                    let (base, shown) = (p.base(), p.shown());
                    table.cells.grid_into(
                        level,
                        |i| base[i as usize],
                        |i| shown[i as usize],
                        Some(crate::index::grid::GridDates {
                            index: &table.dates,
                            days: p.days(),
                        }),
                        &mut grid,
                    );
                    (level, grid)
                });
                let shown_by_rank = passing.as_ref().map(|p| {
                    let shown = p.shown();
                    table
                        .order
                        .by_date
                        .iter()
                        .map(|&i| shown[i as usize])
                        .collect()
                });
                // The app may have closed meanwhile; nothing to tell then.
                tx.send(Indexed {
                    ds: Box::new(ds),
                    table,
                    passing,
                    grid,
                    shown_by_rank,
                    bounds,
                })
                .unwrap_or(());
                if let Some(ctx) = repaint {
                    ctx.request_repaint();
                }
            });
        match spawned {
            Ok(_) => {
                self.indexing = Some(Indexing {
                    at,
                    library: job.library,
                    revision,
                    filter,
                    what: job.what,
                    started: std::time::Instant::now(),
                    rx,
                });
            }
            Err(e) => {
                if job.library {
                    self.shelf_loading = false;
                }
                self.errors
                    .push(format!("{}: cannot start indexing: {e}", job.what));
            }
        }
    }

    /// Installs a dataset once its worker has indexed it. The frame that does so only swaps:
    /// the table, the filters' answers and the first grid come from the worker, and what they
    /// replace is freed on another thread.
    fn poll_indexing(&mut self) {
        self.start_indexing();
        let Some(job) = &self.indexing else { return };
        let done = match job.rx.try_recv() {
            Ok(done) => done,
            Err(std::sync::mpsc::TryRecvError::Empty) => return,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                let what = job.what.clone();
                if job.library {
                    self.shelf_loading = false;
                }
                self.indexing = None;
                self.errors.push(format!(
                    "{what} stopped unexpectedly; reopen it to try again."
                ));
                self.start_indexing();
                return;
            }
        };
        let Some(job) = self.indexing.take() else {
            return;
        };
        if job.revision != self.lib.revision {
            // The datasets changed meanwhile: index this one again against them.
            let ds = done.ds;
            self.index_queue.push_front(IndexJob {
                library: job.library,
                what: job.what,
                make: Box::new(move || *ds),
            });
            self.start_indexing();
            return;
        }
        if job.library {
            self.shelf_loading = false;
        }
        let selected = self
            .selected
            .and_then(|k| self.lib.event(k))
            .map(|e| (e.key.dataset, e.event.id.clone()));
        let (_, replaced) = self.lib.install(job.at, *done.ds, done.table);
        // Freeing a million events' strings takes longer than a frame.
        std::thread::Builder::new()
            .name("newsmap-free".into())
            .spawn(move || drop(replaced))
            .map(|_| ())
            .unwrap_or(());
        // Keep the selection when its event is still there (ids are stable).
        self.selected = selected.and_then(|(sd, id)| {
            let ds = self.lib.datasets.get(sd as usize)?;
            let i = *ds.ids.events.get(&id)?;
            Some(EventKey {
                dataset: sd,
                event: i as u32,
            })
        });
        if job.at.is_none()
            && let Some(b) = done.bounds
        {
            self.map.fit_rect(&b);
        }
        self.state.open_files = self.open_files();
        match done.passing {
            Some(p) if job.filter == self.state.filter => {
                self.passing.adopt(p);
                self.drop_hidden_selection();
                let cursor = self.passing.cursor();
                if let Some((level, grid)) = done.grid {
                    self.map.adopt_grid(self.lib.revision, level, grid, cursor);
                }
                if let Some(flags) = done.shown_by_rank {
                    self.list_cache.adopt(
                        std::sync::Arc::clone(&self.lib.table.order),
                        flags,
                        cursor,
                    );
                }
            }
            _ => self.refilter(),
        }
        self.start_indexing();
    }

    /// The user's directory for extracted datasets (`…/newsmap/extracted`), if the system has one.
    pub fn default_kept_dir() -> Option<PathBuf> {
        Self::default_session_dir().map(|d| d.join("extracted"))
    }

    /// The user's data directory for newsmap, where the session is kept, if the system has one.
    pub fn default_session_dir() -> Option<PathBuf> {
        directories::ProjectDirs::from("org", "newsmap", "newsmap")
            .map(|d| d.data_dir().to_path_buf())
    }

    /// The app as `newsmap` starts it. With dataset files named, those open; with none, the last
    /// session comes back from `session` (or, when it has never been saved there, from
    /// `legacy`, what older versions kept in eframe's storage), its files opened one by one so
    /// that none can crash the start twice. A session file that does not open is named in the
    /// errors and kept in the session as not opened; a session that cannot be read is set aside
    /// with a notice.
    pub fn start(
        paths: Vec<PathBuf>,
        session: Option<Session>,
        legacy: impl FnOnce() -> Option<SavedState>,
    ) -> Self {
        let restore_session = paths.is_empty();
        let mut notices = Vec::new();
        let saved = if restore_session {
            let loaded = session.as_ref().map(|s| s.load::<SavedState>());
            let fresh = loaded
                .as_ref()
                .is_none_or(|l| l.state.is_none() && l.notice.is_none());
            let (state, notice) = loaded.map_or((None, None), |l| (l.state, l.notice));
            notices.extend(notice);
            state.or_else(|| if fresh { legacy() } else { None })
        } else {
            None
        };
        let saved = saved.map(SavedState::sanitized);
        let files = saved
            .as_ref()
            .map(|s| s.open_files.clone())
            .unwrap_or_default();
        let (lib, errors, unopened) = if restore_session && !files.is_empty() {
            let opened = match &session {
                Some(s) => s.open_datasets(&files),
                None => crate::library::session::open_each(&files, None),
            };
            let errors: Vec<String> = opened.failed.iter().map(|u| u.reason.clone()).collect();
            if !opened.failed.is_empty() {
                notices.push(format!(
                    "{} file(s) of the last session could not be opened; they stay in the \
                     session until you forget them (File → Files not opened).",
                    opened.failed.len()
                ));
            }
            // The seed stays available beside the files the user opened last time.
            let mut datasets = vec![crate::library::LoadedDataset::embedded_seed()];
            datasets.extend(opened.datasets);
            (Library::new(datasets), errors, opened.failed)
        } else {
            let (lib, errors) = Library::open(&paths);
            (lib, errors, Vec::new())
        };
        let mut app = Self::new(lib, errors);
        app.unopened = unopened;
        if let Some(s) = saved {
            app.restore(s);
        }
        app.session = session;
        app.notices.extend(notices);
        app
    }

    /// Saves the session now (the window does it periodically and on exit). An error is shown
    /// once, not at every autosave.
    pub fn save_session(&mut self) {
        let Some(session) = &self.session else { return };
        match session.save(&self.saved_state()) {
            Ok(()) => self.session_error = None,
            Err(e) => {
                let msg = format!("The session could not be saved: {e}");
                if self.session_error.as_ref() != Some(&msg) {
                    self.errors.push(msg.clone());
                    self.session_error = Some(msg);
                }
            }
        }
    }

    /// Session files that could not be opened.
    pub fn unopened(&self) -> &[Unopened] {
        &self.unopened
    }

    /// The full-text window's contents, when open.
    pub fn full_text(&self) -> Option<&FullText> {
        self.full_text.as_ref()
    }

    /// True when `path` is a file this app wrote into its kept directory.
    fn is_kept_file(&self, path: &std::path::Path) -> bool {
        self.kept.as_ref().is_some_and(|k| k.holds(path))
    }

    /// The app on a team server (`newsmap --db CONN`): the map shows the server's events for
    /// the view, asked for on a worker thread. Nothing of it goes into a session.
    pub fn with_server(conn: &str) -> Self {
        let name = match crate::library::server::ConnInfo::parse(conn) {
            Ok(info) => info.describe(),
            Err(e) => return Self::new(Library::new(Vec::new()), vec![format!("--db: {e}")]),
        };
        let ds = crate::library::LoadedDataset::new(
            format!("server {name}"),
            None,
            crate::model::Dataset::new(),
        );
        // With nothing loaded yet, the first frame's fit shows the whole world.
        let mut app = Self::new(Library::new(vec![ds]), Vec::new());
        app.server = Some(server_link::ServerLink::start(conn.to_owned(), name));
        app
    }

    /// The team server link, when the app shows one.
    pub fn server(&self) -> Option<&server_link::ServerLink> {
        self.server.as_ref()
    }

    /// Takes a server answer into the app: rows replace dataset 0 (the selection is kept by
    /// event id), counts replace the markers; a failure leaves the view as it was.
    fn server_answer(&mut self, answer: crate::jobs::server_view::ViewAnswer) {
        use crate::jobs::server_view::ViewAnswer;
        let Some(link) = &mut self.server else { return };
        match answer {
            ViewAnswer::Connected { server, read_only } => {
                link.failure = None;
                let mut n = format!("Connected to {server}");
                if let Some(why) = read_only {
                    n.push_str(&format!(" (read-only: {why})"));
                }
                self.notices.push(n);
            }
            ViewAnswer::Failed { message, .. } => {
                link.status = "server unreachable: showing the last view".to_owned();
                if link.failure.as_ref() != Some(&message) {
                    self.notices.push(message.clone());
                }
                // Asked again when the view next changes, not in a loop while it is down.
                link.failure = Some(message);
            }
            ViewAnswer::Cells {
                request,
                cells,
                total,
            } => {
                link.failure = None;
                link.status = format!(
                    "{total} events in view on the server, counted per cell (by month): zoom in                      to see them"
                );
                link.cells = cells;
                link.shown = Some(request);
                self.replace_server_rows(crate::model::Dataset::new());
            }
            ViewAnswer::Rows { request, data } => {
                link.failure = None;
                link.status = format!("{} events in view from the server", data.events.len());
                link.cells.clear();
                link.shown = Some(request);
                self.replace_server_rows(*data);
            }
        }
    }

    fn replace_server_rows(&mut self, data: crate::model::Dataset) {
        let Some(old) = self.lib.datasets.first_mut() else {
            return;
        };
        if old.data.events.is_empty() && data.events.is_empty() {
            return;
        }
        let selected_id = self
            .selected
            .filter(|k| k.dataset == 0)
            .and_then(|k| old.data.events.get(k.event as usize))
            .map(|e| e.id.clone());
        *old = crate::library::LoadedDataset::new(old.name.clone(), None, data);
        if let Some(k) = self.selected.filter(|k| k.dataset == 0) {
            self.selected = selected_id
                .and_then(|id| {
                    self.lib.datasets[0]
                        .data
                        .events
                        .iter()
                        .position(|e| e.id == id)
                })
                .map(|i| EventKey {
                    event: i as u32,
                    ..k
                });
        }
        if self.source.as_ref().is_some_and(|v| v.dataset == 0) {
            self.source = None;
        }
        if self
            .state
            .filter
            .article
            .as_ref()
            .is_some_and(|a| a.dataset == 0)
        {
            self.state.filter.article = None;
        }
        self.lib.rebuild();
        self.refilter();
    }

    /// The app on the embedded seed dataset (what `newsmap` with no arguments shows).
    pub fn with_seed() -> Self {
        Self::new(Library::open(&[]).0, Vec::new())
    }

    /// Restores filters, timeline and map view saved by [`NewsmapApp::saved_state`]; values
    /// the app cannot use are dropped first ([`SavedState::sanitized`]).
    pub fn restore(&mut self, saved: SavedState) {
        let saved = saved.sanitized();
        self.search_text = saved.filter.text.clone();
        if let (Some([lon, lat]), Some(z)) = (saved.map_center, saved.map_zoom) {
            self.map.fit_requested = false;
            self.map
                .set_view(crate::index::world_from_lonlat(lon, lat), z);
        }
        self.pending_online = saved.online_tiles;
        let open_files = self.open_files();
        self.state = SavedState {
            open_files,
            online_tiles: false,
            ..saved
        };
        self.refilter();
    }

    /// What to save for the next start.
    pub fn saved_state(&self) -> SavedState {
        SavedState {
            map_center: self.map.center_lonlat(),
            map_zoom: Some(self.map.zoom()),
            ..self.state.clone()
        }
    }

    /// The dataset files the session reopens: those open now, then those that could not be
    /// opened (kept until the user forgets them).
    fn open_files(&self) -> Vec<PathBuf> {
        let library = self.shelf.as_ref().map(|s| s.path());
        self.lib
            .datasets
            .iter()
            .filter_map(|d| d.path.clone())
            // The library opens by itself at every start; it is no dataset file.
            .filter(|p| Some(p.as_path()) != library)
            .chain(self.unopened.iter().map(|u| u.path.clone()))
            .collect()
    }

    /// The selected event.
    pub fn selected(&self) -> Option<EventKey> {
        self.selected
    }

    /// The open datasets.
    pub fn library(&self) -> &Library {
        &self.lib
    }

    /// Errors currently shown.
    pub fn errors(&self) -> &[String] {
        &self.errors
    }

    /// The map's state (zoom, centre).
    pub fn map(&self) -> &MapView {
        &self.map
    }

    /// The current filters.
    pub fn filter(&self) -> &Filter {
        &self.state.filter
    }

    /// The timeline's axis and playback.
    pub fn timeline(&self) -> &TimelineState {
        &self.state.timeline
    }

    /// The open source view, if any.
    pub fn source(&self) -> Option<&SourceView> {
        self.source.as_ref()
    }

    /// How many events pass the filters.
    pub fn shown_count(&self) -> usize {
        self.passing.count()
    }

    /// True while a background import runs.
    pub fn is_importing(&self) -> bool {
        self.batch.is_some()
    }

    /// Confirmation messages shown to the user.
    pub fn notices(&self) -> &[String] {
        &self.notices
    }

    fn refilter(&mut self) {
        let library = self
            .shelf
            .as_ref()
            .and_then(|s| {
                self.lib
                    .datasets
                    .iter()
                    .position(|d| d.path.as_deref() == Some(s.path()))
            })
            .map(|i| i as u32);
        let (query, found) = &self.found;
        let text = self.state.filter.text.trim();
        let lib = &self.lib;
        let matched = |k: EventKey| {
            Some(k.dataset) == library
                && query == text
                && !found.is_empty()
                && lib.datasets[k.dataset as usize]
                    .data
                    .events
                    .get(k.event as usize)
                    .is_some_and(|e| found.contains(&e.id))
        };
        self.passing.reset(&self.state.filter, &self.lib, &matched);
        self.drop_hidden_selection();
    }

    /// Moves the date range: only events whose answer changes are looked at.
    fn refilter_dates(&mut self) {
        self.passing.set_dates(&self.state.filter, &self.lib);
        self.drop_hidden_selection();
    }

    fn drop_hidden_selection(&mut self) {
        // A selection the filters hide would make the map and the panel disagree.
        if let Some(k) = self.selected
            && let Some(i) = self.lib.table.position_of(k)
            && !self.passing.shown()[i]
        {
            self.selected = None;
        }
    }

    /// Where file dialogs start: the folder of the last dataset opened from a file.
    fn last_dir(&self) -> Option<PathBuf> {
        self.lib
            .datasets
            .iter()
            .rev()
            .filter_map(|d| d.path.as_deref())
            // The kept directory is the app's own, not where the user's files are.
            .find(|p| !self.is_kept_file(p))
            .and_then(|p| p.parent().map(|p| p.to_path_buf()))
    }

    /// Dialogs, forms, progress and notices: everything that floats over the main layout.
    fn overlays_ui(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        if let Some(f) = &self.full_text
            && !f.ui(ctx)
        {
            actions.push(Action::CloseFullText);
        }
        if let Some(d) = &mut self.dialog {
            match d.ui(ctx) {
                DialogOutcome::Pending => {}
                DialogOutcome::Cancelled => actions.push(Action::CloseDialog),
                DialogOutcome::Chosen(paths) => {
                    actions.push(Action::CloseDialog);
                    match d.purpose {
                        DialogPurpose::OpenArticle => actions.push(Action::Import(
                            paths.into_iter().map(ImportKind::Article).collect(),
                        )),
                        DialogPurpose::OpenDataset => actions.push(Action::Import(
                            paths.into_iter().map(ImportKind::Dataset).collect(),
                        )),
                        DialogPurpose::SaveDataset(i) => {
                            if let Some(p) = paths.into_iter().next() {
                                actions.push(Action::SaveDataset(i, p));
                            }
                        }
                        DialogPurpose::Export { format, filtered } => {
                            if let Some(path) = paths.into_iter().next() {
                                actions.push(Action::Export {
                                    format,
                                    filtered,
                                    path,
                                });
                            }
                        }
                    }
                }
            }
        }
        if let Some(form) = &mut self.form {
            match form.kind {
                Some(FormKind::Paste) => paste_form_ui(ctx, form, actions),
                Some(FormKind::Url) => url_form_ui(ctx, form, actions),
                Some(FormKind::Feed) => feed_form_ui(ctx, form, actions),
                None => {}
            }
        }
        // Files dropped on the window: datasets open, anything else is extracted as an article.
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !dropped.is_empty() {
            actions.push(Action::Import(
                dropped.into_iter().map(ImportKind::for_path).collect(),
            ));
        }
        if ctx.input(|i| !i.raw.hovered_files.is_empty()) {
            let screen = ctx.content_rect();
            let painter = ctx.layer_painter(egui::LayerId::new(
                egui::Order::Foreground,
                egui::Id::unique("drop-overlay"),
            ));
            painter.rect_filled(screen, 0.0, Color32::from_black_alpha(140));
            painter.text(
                screen.center(),
                egui::Align2::CENTER_CENTER,
                "Drop articles (.txt .md .html) or datasets (.json .geojson .csv .gpkg) to open them",
                egui::FontId::proportional(20.0),
                Color32::WHITE,
            );
        }
    }

    fn progress_ui(&self, ui: &mut Ui, actions: &mut Vec<Action>) {
        if let Some(job) = self.indexing.as_ref().filter(|j| j.shows_progress()) {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(&job.what);
            });
        }
        if let Some((path, _)) = &self.export {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(format!("Exporting to {}…", path.display()));
            });
        }
        if let Some(b) = &self.batch {
            egui::Frame::new().inner_margin(4.0).show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.spinner();
                    let what = if b.is_cancelling() {
                        "Cancelling"
                    } else {
                        "Working on"
                    };
                    ui.label(format!(
                        "{what} {} ({} of {})…",
                        b.current,
                        (b.done + 1).min(b.total),
                        b.total
                    ));
                    if !b.is_cancelling() && ui.button("Cancel").clicked() {
                        actions.push(Action::CancelImport);
                    }
                });
            });
        }
        if !self.notices.is_empty() {
            ui.horizontal_wrapped(|ui| {
                for n in &self.notices {
                    let color = ui.visuals().hyperlink_color;
                    clipped_label(
                        ui,
                        n,
                        MESSAGE_CHARS,
                        |t| RichText::new(t).color(color),
                        "Notice",
                        actions,
                    );
                }
                if ui.small_button("OK").clicked() {
                    actions.push(Action::DismissNotices);
                }
            });
        }
    }

    /// Turns the online tile layer on or off (needs the egui context, known after one frame).
    fn set_online_tiles(&mut self, on: bool) {
        self.state.online_tiles = on;
        self.map.online = match (&self.repaint, on) {
            (Some(ctx), true) => Some(crate::map::tiles::OnlineTiles::new(
                crate::map::tiles::TileServer::openstreetmap(),
                crate::map::tiles::default_cache_dir(),
                ctx.clone(),
            )),
            (None, true) => {
                self.pending_online = true;
                None
            }
            (_, false) => None,
        };
    }

    fn start_import(&mut self, items: Vec<ImportKind>) {
        if items.is_empty() {
            return;
        }
        if self.batch.is_some() {
            self.errors
                .push("An import is already running; wait for it or cancel it first.".to_owned());
            return;
        }
        let ctx = self.repaint.clone();
        self.batch = Some(Batch::start(items, move || {
            if let Some(c) = &ctx {
                c.request_repaint();
            }
        }));
    }

    /// Takes finished imports into the library. Public so tests can wait for a batch.
    pub fn poll_imports(&mut self) {
        let Some(batch) = &mut self.batch else { return };
        let mut finished = false;
        let mut added = Vec::new();
        for ev in batch.poll() {
            match ev {
                JobEvent::Started { .. } => {}
                JobEvent::Report(r) => {
                    // Skipped rows are problems of the file: shown once, with their lines.
                    if !r.skipped.is_empty() {
                        self.errors.push(r.skipped_lines().join("\n"));
                    }
                    self.notices.push(r.to_string());
                }
                JobEvent::Finished(Ok(ds)) => added.push(*ds),
                JobEvent::Finished(Err(e)) => self.errors.push(e),
                JobEvent::BatchDone { cancelled } => {
                    finished = true;
                    if cancelled {
                        self.notices
                            .push("Import cancelled; what had finished was kept.".to_owned());
                    }
                }
            }
        }
        let mut last = None;
        for mut ds in added {
            // Extracted articles go into the library, which merges them with what it holds.
            if ds.path.is_none()
                && let Some(shelf) = &self.shelf
            {
                let name = ds.name.clone();
                if shelf.send(ShelfRequest::Import {
                    name: name.clone(),
                    data: Box::new(ds.data),
                }) {
                    self.notices.push(format!(
                        "{}: extracted; adding it to the library…",
                        shorten(&name, NAME_CHARS)
                    ));
                    continue;
                }
                self.errors.push(format!(
                    "{}: the library's worker has stopped; this extraction was not kept.",
                    shorten(&name, NAME_CHARS)
                ));
                continue;
            }
            if ds.path.is_none()
                && let Some(kept) = &self.kept
            {
                match kept.keep(&ds) {
                    Ok(path) => ds.path = Some(path),
                    Err(e) => self.errors.push(format!(
                        "{}: extracted, but not kept for the next session: {e}",
                        shorten(&ds.name, NAME_CHARS)
                    )),
                }
            }
            let n = ds.data.events.len();
            let placed = ds.data.events.iter().filter(|e| e.place.is_some()).count();
            let machine = ds.data.events.iter().any(|e| e.extracted);
            self.notices.push(format!(
                "Added {n} events ({placed} on the map) from {}{}",
                shorten(&ds.name, NAME_CHARS),
                if machine {
                    " — extracted, check them against the source"
                } else {
                    ""
                }
            ));
            if self.lib.event_count() + n >= BACKGROUND_EVENTS {
                // Re-indexing this many events takes frames: a worker does it.
                let what = format!("Indexing {} ({n} events)…", shorten(&ds.name, NAME_CHARS));
                self.add_in_background(what, move || ds);
                continue;
            }
            self.lib.add(ds);
            last = Some(self.lib.datasets.len() as u32 - 1);
        }
        if let Some(d) = last {
            self.state.open_files = self.open_files();
            self.refilter();
            self.apply(Action::FitToDataset(d));
            self.save_session();
        }
        if finished {
            self.batch = None;
        }
    }

    /// Removes dataset `d`; keys into later datasets shift down by one.
    fn close_dataset(&mut self, d: u32) {
        let Some(ds) = self.lib.remove(d as usize) else {
            return;
        };
        if d == 0 && self.server.take().is_some() {
            self.notices.push("Disconnected from the server".to_owned());
        }
        if let Some(path) = ds.path.as_deref().filter(|p| self.is_kept_file(p))
            && let Some(kept) = &self.kept
            && let Err(e) = kept.forget(path)
        {
            self.errors.push(e.to_string());
        }
        self.state.open_files = self.open_files();
        // Indices of later datasets move down by one; the closed one's are gone.
        let shift = |i: u32| match i.cmp(&d) {
            std::cmp::Ordering::Less => Some(i),
            std::cmp::Ordering::Equal => None,
            std::cmp::Ordering::Greater => Some(i - 1),
        };
        self.selected = self
            .selected
            .and_then(|k| shift(k.dataset).map(|dataset| EventKey { dataset, ..k }));
        self.source = self.source.take().and_then(|mut v| {
            v.dataset = shift(v.dataset)?;
            Some(v)
        });
        self.state.filter.article = self.state.filter.article.take().and_then(|mut a| {
            a.dataset = shift(a.dataset)?;
            Some(a)
        });
        // A pending "Save as" names datasets by index.
        if matches!(&self.dialog, Some(f) if matches!(f.purpose, DialogPurpose::SaveDataset(_))) {
            self.dialog = None;
        }
        self.notices
            .push(format!("Closed {}", shorten(&ds.name, NAME_CHARS)));
        self.refilter();
        self.save_session();
    }

    /// Writes the events (all, or what the filters show) to `path` on a worker thread; the
    /// result is a notice or an error, shown once.
    fn start_export(&mut self, format: ExportFormat, filtered: bool, path: PathBuf) {
        if self.export.is_some() {
            self.errors
                .push("An export is already running; wait for it to finish.".to_owned());
            return;
        }
        let ds = crate::interchange::select(&self.lib, filtered.then_some(self.passing.shown()));
        // The open dataset files are inputs: an export never replaces one of them.
        let inputs: Vec<PathBuf> = self
            .lib
            .datasets
            .iter()
            .filter_map(|d| d.path.clone())
            .collect();
        let (tx, rx) = std::sync::mpsc::channel();
        let ctx = self.repaint.clone();
        let target = path.clone();
        let spawned = std::thread::Builder::new()
            .name("newsmap-export".into())
            .spawn(move || {
                let inputs: Vec<&std::path::Path> = inputs.iter().map(PathBuf::as_path).collect();
                let result = crate::interchange::export(&ds, format, &target, &inputs)
                    .map_err(|e| e.to_string());
                // The app may be gone; then nobody waits for the result.
                tx.send(result).unwrap_or(());
                if let Some(c) = ctx {
                    c.request_repaint();
                }
            });
        match spawned {
            Ok(_) => self.export = Some((path, rx)),
            Err(e) => self.errors.push(format!(
                "{}: the export could not start: {e}",
                path.display()
            )),
        }
    }

    /// Takes a finished export's result. Public so tests can wait for it.
    pub fn poll_export(&mut self) {
        let Some((path, rx)) = &self.export else {
            return;
        };
        match rx.try_recv() {
            Ok(Ok(report)) => {
                self.notices.push(format!("Exported {report}"));
                self.export = None;
            }
            Ok(Err(e)) => {
                self.errors.push(e);
                self.export = None;
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => {}
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                self.errors.push(format!(
                    "{}: the export stopped without a result (a bug; please report it)",
                    path.display()
                ));
                self.export = None;
            }
        }
    }

    /// True while an export runs.
    pub fn is_exporting(&self) -> bool {
        self.export.is_some()
    }

    /// Saves dataset `d` to `path`; from then on that file is the one the session reopens.
    fn save_dataset(&mut self, d: u32, path: PathBuf) {
        let Some(ds) = self.lib.datasets.get(d as usize) else {
            self.errors.push(format!(
                "{}: that dataset is no longer open",
                path.display()
            ));
            return;
        };
        if let Err(e) = ds.data.save(&path) {
            self.errors.push(e.to_string());
            return;
        }
        self.notices.push(format!(
            "Saved {} to {}",
            shorten(&ds.name, NAME_CHARS),
            path.display()
        ));
        // The kept copy goes: the saved file replaces it.
        if let Some(old) = ds
            .path
            .clone()
            .filter(|o| self.is_kept_file(o) && *o != path)
            && let Some(kept) = &self.kept
            && let Err(e) = kept.forget(&old)
        {
            self.errors.push(e.to_string());
        }
        if let Some(ds) = self.lib.datasets.get_mut(d as usize) {
            ds.path = Some(absolute(&path));
        }
        self.state.open_files = self.open_files();
        self.save_session();
    }

    /// Applies one action: the only place app state changes.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Select(k) => {
                self.selected = k;
                // A selected event's details are on the Events tab.
                if k.is_some() {
                    self.state.side_tab = SideTab::Events;
                }
            }
            Action::SelectAndCenter(k) => {
                self.selected = Some(k);
                self.state.side_tab = SideTab::Events;
                self.map.center_on(&self.lib, k);
            }
            Action::CenterOn { lat, lon } => self.map.center_on_lonlat(lon, lat, 4.0),
            Action::PanMap { dx, dy } => self.map.pan_by(dx, dy),
            Action::ZoomMap(dz) => self.map.zoom_by(dz),
            Action::FilterParty(p) => {
                self.state.filter.party = p;
                self.refilter();
            }
            Action::SetDates(from, to) => {
                self.state.filter.from = from;
                self.state.filter.to = to;
                self.timeline.sync_fields();
                self.refilter_dates();
            }
            Action::SetKinds(k) => {
                self.state.filter.kinds = k;
                self.refilter();
            }
            Action::SetText(t) => {
                self.search_text = t.clone();
                // The library's full-text index also searches the articles' texts; its answer
                // arrives later and widens what the typed text shows.
                if let Some(shelf) = &self.shelf
                    && !t.trim().is_empty()
                    && !shelf.send(ShelfRequest::Search(t.trim().to_owned()))
                {
                    self.errors
                        .push("Library: its worker has stopped; search covers titles only.".into());
                }
                self.state.filter.text = t;
                self.refilter();
            }
            Action::FollowFeed { url, every_minutes } => match &self.follower {
                Some(f) => {
                    let minutes = match every_minutes.trim() {
                        "" => Ok(crate::jobs::follow::DEFAULT_EVERY.as_secs() / 60),
                        m => m
                            .parse::<u64>()
                            .ok()
                            .filter(|m| (1..=1440).contains(m))
                            .ok_or_else(|| {
                                format!(
                                    "\"{}\" is not a number of minutes from 1 to 1440",
                                    shorten(m, NAME_CHARS)
                                )
                            }),
                    };
                    match minutes.and_then(|m| {
                        f.follow(&url, std::time::Duration::from_secs(m * 60))
                            .map(|()| m)
                    }) {
                        Ok(m) => {
                            self.form = None;
                            self.notices.push(format!(
                                "Following {}: new items join the library every {m} minutes.",
                                shorten(url.trim(), NAME_CHARS)
                            ));
                        }
                        Err(e) => self.form_error(e),
                    }
                }
                None => self.form_error(
                    "Feeds go into the library, which is not open (newsmap was started on files)."
                        .to_owned(),
                ),
            },
            Action::UnfollowFeed(url) => {
                if let Some(f) = &self.follower
                    && let Err(e) = f.unfollow(&url)
                {
                    self.errors.push(format!("Feeds: {e}"));
                }
            }
            Action::CheckFeedsNow => {
                if let Some(f) = &self.follower
                    && let Err(e) = f.check_now()
                {
                    self.errors.push(format!("Feeds: {e}"));
                }
            }
            Action::SetMinSources(n) => {
                self.state.filter.min_sources = n;
                self.refilter();
            }
            Action::SetOutlets(o) => {
                self.state.filter.outlets = o;
                self.refilter();
            }
            Action::ShowArticle(None) => {
                self.state.filter.article = None;
                self.refilter();
            }
            Action::ShowArticle(Some(key)) => self.show_article(key),
            Action::SideTab(t) => self.state.side_tab = t,
            Action::SplitReport { event, article } => {
                let id = self.lib.event(event).map(|e| e.event.id.clone());
                let in_library = self.shelf.as_ref().is_some_and(|s| {
                    self.lib
                        .datasets
                        .get(event.dataset as usize)
                        .and_then(|d| d.path.as_deref())
                        == Some(s.path())
                });
                match (id, &self.shelf) {
                    (Some(id), Some(shelf)) if in_library => {
                        if !shelf.send(ShelfRequest::Split { event: id, article }) {
                            self.errors.push("Library: its worker has stopped.".into());
                        }
                    }
                    _ => self.errors.push(
                        "Only events in the library can be split: open the library to split reports."
                            .into(),
                    ),
                }
            }
            Action::ClearFilters => {
                self.state.filter = Filter::default();
                self.search_text.clear();
                self.timeline.sync_fields();
                self.state
                    .timeline
                    .change(TimelineChange::Playing(false), &self.lib);
                self.refilter();
            }
            Action::Timeline(c) => self.state.timeline.change(c, &self.lib),
            Action::OpenSource {
                dataset,
                article,
                focus,
            } => {
                self.source = Some(SourceView {
                    dataset,
                    article,
                    focus,
                    scroll_pending: true,
                });
            }
            Action::CloseSource => self.source = None,
            Action::FitToEvents => self.map.fit_requested = true,
            Action::FitToDataset(d) => {
                let run = crate::index::dataset_items(&self.lib.table.items, d as usize);
                self.map
                    .fit_items(&self.lib, run.start as u32..run.end as u32);
            }
            Action::ShowLabels(on) => self.state.hide_labels = !on,
            Action::OnlineTiles(on) => self.set_online_tiles(on),
            Action::OpenDialog(purpose) => {
                self.dialog = Some(FileDialog::new(purpose, self.last_dir()));
            }
            Action::CloseDialog => self.dialog = None,
            Action::OpenForm(kind) => {
                self.form = Some(Form {
                    kind: Some(kind),
                    ..Default::default()
                });
            }
            Action::CloseForm => self.form = None,
            Action::SubmitPaste {
                text,
                title,
                published,
            } => self.submit_paste(text, title, published),
            Action::SubmitUrl(url) => match crate::source::fetch::check_url(url.trim()) {
                Ok(u) => {
                    self.form = None;
                    self.start_import(vec![ImportKind::Url(u.to_string())]);
                }
                Err(e) => self.form_error(e.to_string()),
            },
            Action::Import(items) => self.start_import(items),
            Action::CancelImport => {
                if let Some(b) = &self.batch {
                    b.cancel();
                }
            }
            Action::SaveDataset(d, path) => self.save_dataset(d, path),
            Action::Export {
                format,
                filtered,
                path,
            } => self.start_export(format, filtered, path),
            Action::ExportFiltered(on) => self.export_all = !on,
            Action::CloseDataset(d) => self.close_dataset(d),
            Action::DismissErrors => self.errors.clear(),
            Action::DismissNotices => self.notices.clear(),
            Action::ShowFullText { title, text } => {
                self.full_text = Some(FullText::new(title, text));
            }
            Action::CloseFullText => self.full_text = None,
            Action::RetryUnopened(i) => {
                if i < self.unopened.len() {
                    let u = self.unopened.remove(i);
                    self.state.open_files = self.open_files();
                    self.start_import(vec![ImportKind::Dataset(u.path)]);
                }
            }
            Action::ForgetUnopened(i) => {
                if i < self.unopened.len() {
                    let u = self.unopened.remove(i);
                    self.notices.push(format!(
                        "{} is no longer part of the session",
                        shorten(&u.path.display().to_string(), NAME_CHARS)
                    ));
                    self.state.open_files = self.open_files();
                    self.save_session();
                }
            }
            Action::ServerRequest(r) => {
                if let Some(link) = &mut self.server {
                    link.send(r);
                }
            }
            Action::ServerAnswer(a) => self.server_answer(a),
            Action::ResetView => {
                self.apply(Action::ClearFilters);
                self.state.side_tab = SideTab::Events;
                self.state.timeline = TimelineState::default();
                self.state.hide_labels = false;
                self.set_online_tiles(false);
                self.map.fit_requested = true;
                self.source = None;
                self.selected = None;
            }
        }
    }

    /// Shows one article: only its events pass, the map fits them (next frame, once the filter
    /// has applied) and its text opens. An article no longer open is said so and nothing changes.
    fn show_article(&mut self, key: ArticleKey) {
        let Some(a) = self
            .lib
            .datasets
            .get(key.dataset as usize)
            .and_then(|d| d.data.article(&key.id))
        else {
            self.errors.push(format!(
                "Article {} is no longer open; the Sources list shows what is.",
                shorten(&key.id, NAME_CHARS)
            ));
            return;
        };
        let title = a.title.clone();
        self.source = Some(SourceView {
            dataset: key.dataset,
            article: key.id.clone(),
            focus: None,
            scroll_pending: true,
        });
        self.state.filter.article = Some(key);
        self.refilter();
        if self.shown_count() == 0 {
            self.notices.push(format!(
                "“{}”: none of its events pass the other filters (or it reports none).",
                shorten(&title, TITLE_CHARS)
            ));
        } else {
            self.map.fit_requested = true;
        }
    }

    /// Checks the paste form; starts the extraction or says what is wrong in the form.
    fn submit_paste(&mut self, text: String, title: String, published: String) {
        let published = published.trim();
        let date = if published.is_empty() {
            Ok(None)
        } else {
            crate::model::parse_day(published).map(Some)
        };
        match date {
            Err(e) => self.form_error(format!("Published: {e}")),
            Ok(_) if text.trim().is_empty() => {
                self.form_error("Paste the article's text first.".to_owned())
            }
            Ok(d) => {
                let title = Some(title.trim().to_owned()).filter(|t| !t.is_empty());
                self.form = None;
                self.start_import(vec![ImportKind::Text {
                    text,
                    title,
                    published: d,
                }]);
            }
        }
    }

    fn form_error(&mut self, message: String) {
        if let Some(f) = &mut self.form {
            f.error = Some(message);
        } else {
            self.errors.push(message);
        }
    }

    fn top_bar_ui(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        ui.horizontal_wrapped(|ui| {
            ui.menu_button("File", |ui| {
                if ui.button("Open article… (Ctrl+O)").on_hover_text("Extract events from a .txt, .md or .html file").clicked() {
                    actions.push(Action::OpenDialog(DialogPurpose::OpenArticle));
                    ui.close();
                }
                if ui.button("Open URL…").on_hover_text("Fetch a news page and extract its events").clicked() {
                    actions.push(Action::OpenForm(FormKind::Url));
                    ui.close();
                }
                if ui.button("Paste text…").clicked() {
                    actions.push(Action::OpenForm(FormKind::Paste));
                    ui.close();
                }
                if self.follower.is_some() {
                    if ui.button("Follow feed…").on_hover_text("Read an RSS or Atom feed into the library, now and every 15 minutes").clicked() {
                        actions.push(Action::OpenForm(FormKind::Feed));
                        ui.close();
                    }
                    if !self.feeds.is_empty() {
                        ui.menu_button(format!("Followed feeds ({})", self.feeds.len()), |ui| {
                            for f in &self.feeds {
                                ui.horizontal(|ui| {
                                    let name = f.title.as_deref().unwrap_or(&f.url);
                                    ui.label(format!("{} · {} articles", shorten(name, NAME_CHARS), f.articles));
                                    if let Some(e) = &f.error {
                                        ui.colored_label(ui.visuals().warn_fg_color, "⚠").on_hover_text(shorten(e, MESSAGE_CHARS));
                                    }
                                    if ui.small_button(format!("Unfollow {}", shorten(&f.url, NAME_CHARS))).clicked() {
                                        actions.push(Action::UnfollowFeed(f.url.clone()));
                                    }
                                });
                            }
                            if ui.button("Check all now").clicked() {
                                actions.push(Action::CheckFeedsNow);
                                ui.close();
                            }
                        });
                    }
                }
                if ui.button("Open dataset…").on_hover_text("newsmap/1 JSON, GeoJSON, a GDELT events export, ACLED CSV or a newsmap library (.gpkg)").clicked() {
                    actions.push(Action::OpenDialog(DialogPurpose::OpenDataset));
                    ui.close();
                }
                self.export_menu_ui(ui, actions);
                ui.separator();
                ui.menu_button("Save dataset as…", |ui| {
                    for (i, d) in self.lib.datasets.iter().enumerate() {
                        if ui.button(shorten(&d.name, NAME_CHARS)).clicked() {
                            actions.push(Action::OpenDialog(DialogPurpose::SaveDataset(i as u32)));
                            ui.close();
                        }
                    }
                });
                if !self.unopened.is_empty() {
                    ui.menu_button(format!("Files not opened ({})", self.unopened.len()), |ui| {
                        for (i, u) in self.unopened.iter().enumerate() {
                            let name = u.path.file_name().map_or_else(|| u.path.display().to_string(), |n| n.to_string_lossy().into_owned());
                            ui.horizontal(|ui| {
                                ui.label(shorten(&name, NAME_CHARS)).on_hover_text(shorten(&u.reason, MESSAGE_CHARS));
                                ui.weak("could not open");
                                if ui.button("Try again").clicked() {
                                    actions.push(Action::RetryUnopened(i));
                                    ui.close();
                                }
                                if ui.button("Forget").on_hover_text("Take it out of the session").clicked() {
                                    actions.push(Action::ForgetUnopened(i));
                                    ui.close();
                                }
                            });
                        }
                    });
                }
                ui.menu_button("Close dataset", |ui| {
                    for (i, d) in self.lib.datasets.iter().enumerate() {
                        let label = format!("Close {}", shorten(&d.name, NAME_CHARS));
                        if ui.button(label).on_hover_text(format!("{} events", d.data.events.len())).clicked() {
                            actions.push(Action::CloseDataset(i as u32));
                            ui.close();
                        }
                    }
                });
            });
            ui.menu_button("View", |ui| {
                if ui.button("Fit to events").clicked() {
                    actions.push(Action::FitToEvents);
                    ui.close();
                }
                let mut labels = !self.state.hide_labels;
                if ui.checkbox(&mut labels, "Country names").changed() {
                    actions.push(Action::ShowLabels(labels));
                }
                let mut online = self.map.online.is_some();
                if ui
                    .checkbox(&mut online, "Online map tiles (OpenStreetMap)")
                    .on_hover_text("Fetches street-level tiles from tile.openstreetmap.org and caches them on disk. Off by default: newsmap works offline.")
                    .changed()
                {
                    actions.push(Action::OnlineTiles(online));
                }
                if ui.button("Reset view").on_hover_text("Default map, filters, timeline and panels").clicked() {
                    actions.push(Action::ResetView);
                    ui.close();
                }
            });
            ui.separator();
            let search_label = ui.label("Search");
            let mut text = self.search_text.clone();
            let search = ui
                .add(egui::TextEdit::singleline(&mut text).hint_text("titles, quotes, parties (Ctrl+F)").desired_width(220.0))
                .labelled_by(search_label.id);
            if ui.input_mut(|i| i.consume_key(Modifiers::COMMAND, Key::F)) {
                search.request_focus();
            }
            if search.changed() {
                actions.push(Action::SetText(text));
            }
            self.kinds_menu_ui(ui, actions);
            let mut several = self.state.filter.min_sources >= 2;
            if ui
                .checkbox(&mut several, "2+ sources")
                .on_hover_text("Only events that at least two articles report")
                .changed()
            {
                actions.push(Action::SetMinSources(if several { 2 } else { 0 }));
            }
            if let Some(p) = &self.state.filter.party {
                let chip = ui.button(format!("Party: {}  ×", shorten(p, NAME_CHARS))).on_hover_text("Show all parties again");
                if chip.clicked() {
                    actions.push(Action::FilterParty(None));
                }
            }
            self.outlet_chips_ui(ui, actions);
            if self.state.filter.is_active() && ui.button("Clear filters").clicked() {
                actions.push(Action::ClearFilters);
            }
            ui.separator();
            ui.label(RichText::new(format!("{} of {} events", self.shown_count(), self.lib.event_count())).strong());
        });
    }

    /// One removable chip per outlet filtered by (one for them all past three), and one for
    /// the article shown.
    fn outlet_chips_ui(&self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let outlets = &self.state.filter.outlets;
        if outlets.len() > 3 {
            let names: Vec<&str> = outlets.iter().map(|o| outlet_label(o)).collect();
            let chip = ui
                .button(format!("{} outlets  ×", outlets.len()))
                .on_hover_text(format!(
                    "Only what these report: {}. Click to show all outlets.",
                    shorten(&names.join(", "), MESSAGE_CHARS)
                ));
            if chip.clicked() {
                actions.push(Action::SetOutlets(BTreeSet::new()));
            }
        } else {
            for o in outlets {
                let name = shorten(outlet_label(o), NAME_CHARS);
                let chip = ui
                    .button(format!(
                        "Outlet: {}  ×",
                        shorten(outlet_label(o), CHIP_CHARS)
                    ))
                    .on_hover_text(format!("Stop filtering by {name}"));
                if chip.clicked() {
                    let mut next = outlets.clone();
                    next.remove(o);
                    actions.push(Action::SetOutlets(next));
                }
            }
        }
        if let Some(k) = &self.state.filter.article {
            let title = self
                .lib
                .datasets
                .get(k.dataset as usize)
                .and_then(|d| d.data.article(&k.id))
                .map_or_else(|| k.id.clone(), |a| a.title.clone());
            // A chip as short as the outlet chips, so the top bar keeps to one row; the whole
            // headline is in the hover text.
            let chip = ui
                .button(format!("Article: {}  ×", shorten(&title, CHIP_CHARS)))
                .on_hover_text(format!(
                    "{}\nShow the events of every article again",
                    shorten(&title, NAME_CHARS)
                ));
            if chip.clicked() {
                actions.push(Action::ShowArticle(None));
            }
        }
    }

    /// File → Export…: what to export (what the filters show, by default) and the format.
    fn export_menu_ui(&self, ui: &mut Ui, actions: &mut Vec<Action>) {
        ui.menu_button("Export…", |ui| {
            let mut filtered = !self.export_all;
            let label = format!(
                "Only the {} events the filters show (of {})",
                self.shown_count(),
                self.lib.event_count()
            );
            if ui.checkbox(&mut filtered, label).changed() {
                actions.push(Action::ExportFiltered(filtered));
            }
            for format in ExportFormat::ALL {
                if ui.button(format!("{}…", format.label())).clicked() {
                    actions.push(Action::OpenDialog(DialogPurpose::Export {
                        format,
                        filtered,
                    }));
                    ui.close();
                }
            }
        });
    }

    fn kinds_menu_ui(&self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let kinds = &self.state.filter.kinds;
        let title = if kinds.is_empty() {
            "All kinds".to_owned()
        } else {
            format!("{} kinds", kinds.len())
        };
        ui.menu_button(title, |ui| {
            let present: BTreeSet<EventKind> =
                self.lib.table.items.iter().map(|it| it.kind).collect();
            for kind in EventKind::ALL {
                ui.horizontal(|ui| {
                    kind_icon_ui(ui, kind);
                    let mut on = kinds.is_empty() || kinds.contains(&kind);
                    let label = format!("{} ({})", kind.label(), kind.code());
                    let text = if present.contains(&kind) {
                        RichText::new(label)
                    } else {
                        RichText::new(label).weak()
                    };
                    if ui.checkbox(&mut on, text).changed() {
                        let mut next = if kinds.is_empty() {
                            EventKind::ALL.into_iter().collect()
                        } else {
                            kinds.clone()
                        };
                        if on {
                            next.insert(kind);
                        } else {
                            next.remove(&kind);
                        }
                        if next.len() == EventKind::ALL.len() {
                            next.clear();
                        }
                        actions.push(Action::SetKinds(next));
                    }
                });
            }
            if ui.button("All kinds").clicked() {
                actions.push(Action::SetKinds(BTreeSet::new()));
            }
        });
    }

    fn status_ui(&self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            match self.selected.and_then(|k| self.lib.event(k)) {
                Some(ev) => {
                    ui.label("Selected:");
                    ui.strong(shorten(&ev.event.title, TITLE_CHARS));
                    ui.label(format!("— {}", ev.date_label()));
                    if let Some(p) = ev.place() {
                        ui.label(format!("· {}", shorten(&p.name, NAME_CHARS)));
                    }
                }
                None => {
                    ui.weak("Click a marker to select an event.");
                }
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.weak("Basemap: Natural Earth · GeoNames (CC BY 4.0)");
                if let Some(link) = &self.server {
                    let text = format!("{}: {}", shorten(&link.name, NAME_CHARS), link.status);
                    if link.failure.is_some() {
                        ui.label(RichText::new(text).color(ui.visuals().warn_fg_color));
                    } else {
                        ui.label(text);
                    }
                }
                if let Some(n) = self.map.online.as_ref().and_then(|o| o.health().notice()) {
                    ui.label(RichText::new(n).color(ui.visuals().warn_fg_color));
                }
            });
        });
    }

    /// "27 problems in 2 messages": problems counted in the messages, not messages.
    pub fn error_header(&self) -> String {
        let problems: usize = self.errors.iter().map(|e| problem_count(e)).sum();
        let (p, f) = (problems, self.errors.len());
        format!(
            "{p} problem{} in {f} message{}",
            if p == 1 { "" } else { "s" },
            if f == 1 { "" } else { "s" }
        )
    }

    fn errors_ui(&self, ui: &mut Ui, actions: &mut Vec<Action>) {
        egui::Frame::new()
            .fill(Color32::from_rgb(0x5c, 0x1a, 0x1a))
            .inner_margin(6.0)
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.label(
                        RichText::new(self.error_header())
                            .color(Color32::WHITE)
                            .strong(),
                    );
                    if ui.button("Dismiss").clicked() {
                        actions.push(Action::DismissErrors);
                    }
                });
                // A screenful at most: the panel must leave room for the map.
                egui::ScrollArea::vertical()
                    .id_salt("errors")
                    .max_height(220.0)
                    .show(ui, |ui| {
                        for e in &self.errors {
                            clipped_label(
                                ui,
                                e,
                                MESSAGE_CHARS,
                                |t| {
                                    RichText::new(t)
                                        .color(Color32::from_rgb(0xff, 0xd0, 0xd0))
                                        .monospace()
                                },
                                "Error",
                                actions,
                            );
                        }
                    });
            });
    }

    /// Keys: Ctrl+O opens an article, Esc clears the selection (then closes the source), and
    /// when no text field has focus the arrows pan and +/− zoom the map.
    fn keyboard(&self, ui: &Ui, actions: &mut Vec<Action>) {
        if ui.input_mut(|i| i.consume_key(Modifiers::COMMAND, Key::O)) {
            actions.push(Action::OpenDialog(DialogPurpose::OpenArticle));
        }
        if ui.input(|i| i.key_pressed(Key::Escape)) {
            if self.selected.is_some() {
                actions.push(Action::Select(None));
            } else {
                actions.push(Action::CloseSource);
            }
        }
        if ui.ctx().memory(|m| m.focused().is_some()) {
            return;
        }
        let step = 100.0;
        let (l, r, u, d, plus, minus) = ui.input(|i| {
            (
                i.key_pressed(Key::ArrowLeft),
                i.key_pressed(Key::ArrowRight),
                i.key_pressed(Key::ArrowUp),
                i.key_pressed(Key::ArrowDown),
                i.key_pressed(Key::Plus) || i.key_pressed(Key::Equals),
                i.key_pressed(Key::Minus),
            )
        });
        let dx = (r as i32 - l as i32) as f32 * step;
        let dy = (d as i32 - u as i32) as f32 * step;
        if dx != 0.0 || dy != 0.0 {
            actions.push(Action::PanMap { dx, dy });
        }
        if plus {
            actions.push(Action::ZoomMap(1.0));
        }
        if minus {
            actions.push(Action::ZoomMap(-1.0));
        }
    }

    /// The whole window's contents.
    pub fn ui(&mut self, ui: &mut Ui) {
        if self.repaint.is_none() {
            self.repaint = Some(ui.ctx().clone());
        }

        let mut actions = Vec::new();
        if let Some(link) = &self.server {
            link.set_context(ui.ctx());
            actions.extend(link.poll().into_iter().map(Action::ServerAnswer));
        }
        if std::mem::take(&mut self.pending_online) {
            actions.push(Action::OnlineTiles(true));
        }
        self.poll_imports();
        // Also installs a dataset the indexing worker has finished.
        self.poll_library();
        self.poll_feeds();
        if self.shelf_loading || self.indexing() {
            // The worker wakes the window once it knows the context; until then, look again.
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(100));
        }
        self.poll_export();
        self.keyboard(ui, &mut actions);
        egui::Panel::top("top-bar").show(ui, |ui| self.top_bar_ui(ui, &mut actions));
        if self.batch.is_some()
            || self.export.is_some()
            || self.indexing.as_ref().is_some_and(Indexing::shows_progress)
            || !self.notices.is_empty()
        {
            egui::Panel::top("progress").show(ui, |ui| self.progress_ui(ui, &mut actions));
        }
        self.overlays_ui(&ui.ctx().clone(), &mut actions);
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        if !self.errors.is_empty() {
            egui::Panel::top("errors").show(ui, |ui| self.errors_ui(ui, &mut actions));
        }
        egui::Panel::bottom("timeline")
            .resizable(true)
            .default_size(150.0)
            .min_size(110.0)
            .show(ui, |ui| {
                actions.extend(self.timeline.ui(
                    ui,
                    &self.state.timeline,
                    &self.lib,
                    &self.state.filter,
                    &self.passing,
                    self.selected,
                ));
            });
        egui::Panel::right("side-panel")
            .resizable(true)
            .default_size(360.0)
            .min_size(260.0)
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    for (tab, label, hint) in [
                        (
                            SideTab::Events,
                            "Events",
                            "The selected event, or the events in view",
                        ),
                        (
                            SideTab::Sources,
                            "Sources",
                            "The articles by outlet and date; filter the map by outlet",
                        ),
                    ] {
                        if ui
                            .selectable_label(self.state.side_tab == tab, label)
                            .on_hover_text(hint)
                            .clicked()
                        {
                            actions.push(Action::SideTab(tab));
                        }
                    }
                });
                ui.separator();
                if self.state.side_tab == SideTab::Sources {
                    self.sources
                        .ui(ui, &self.lib, &self.state.filter, &mut actions);
                    return;
                }
                match self.selected.and_then(|k| self.lib.event(k)) {
                    Some(ev) => {
                        egui::ScrollArea::vertical()
                            .id_salt("side")
                            .auto_shrink([false, false])
                            .show(ui, |ui| {
                                side_panel::event_details_ui(ui, ev, &mut actions);
                            });
                    }
                    // The list scrolls itself, showing only the rows in sight.
                    None => {
                        let view = self.map.visible();
                        let grid = self.map.current_grid(&self.lib, &self.passing);
                        side_panel::event_list_ui(
                            ui,
                            &self.lib,
                            &self.passing,
                            &mut self.list_cache,
                            view,
                            grid,
                            &mut actions,
                        )
                    }
                }
            });
        self.map.covered = None;
        if let Some(source) = &mut self.source {
            let mut open = true;
            let title = self
                .lib
                .datasets
                .get(source.dataset as usize)
                .and_then(|d| d.data.article(&source.article))
                .map_or("Source text".to_owned(), |a| {
                    format!("Source: {}", shorten(&a.title, TITLE_CHARS))
                });
            let r = egui::Window::new("Source text")
                .open(&mut open)
                .default_size([600.0, 620.0])
                .resizable(true)
                .vscroll(false)
                .show(ui.ctx(), |ui| {
                    ui.weak(title);
                    source.ui(ui, &self.lib, self.selected)
                });
            // Fits keep the events beside the window rather than under it.
            self.map.covered = r.as_ref().map(|r| r.response.rect);
            if let Some(inner) = r.and_then(|r| r.inner) {
                actions.extend(inner);
            }
            if !open {
                actions.push(Action::CloseSource);
            }
        }
        let input = MapInput {
            lib: &self.lib,
            passing: &self.passing,
            selected: self.selected,
            dark: ui.visuals().dark_mode,
            show_labels: !self.state.hide_labels,
            cells: self.server.as_ref().map_or(&[][..], |l| l.cells.as_slice()),
        };
        let map_actions = egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| self.map.ui(ui, &input))
            .inner;
        for a in map_actions {
            actions.push(match a {
                MapAction::Select(k) => Action::Select(Some(k)),
                MapAction::ClearSelection => Action::Select(None),
            });
        }
        // The server is asked for the view once the map knows it, and again when it changes.
        if let Some(link) = &self.server
            && let Some(r) = self.map.visible().and_then(|v| {
                server_link::request_for(v, self.state.filter.from, self.state.filter.to)
            })
            && link.sent != Some(r)
        {
            actions.push(Action::ServerRequest(r));
        }
        if actions.iter().any(|a| matches!(a, Action::ResetView)) {
            // Panel sizes and window positions live in egui's memory: forget them too.
            ui.ctx().memory_mut(|m| {
                m.reset_areas();
                m.data = Default::default();
            });
        }
        for a in actions {
            self.apply(a);
        }
    }
}

/// The "Paste text…" form.
fn paste_form_ui(ctx: &egui::Context, form: &mut Form, actions: &mut Vec<Action>) {
    let mut open = true;
    egui::Window::new("Paste text")
        .open(&mut open)
        .default_size([560.0, 420.0])
        .show(ctx, |ui| {
            let l = ui.label("Headline (optional)");
            ui.add(egui::TextEdit::singleline(&mut form.title).desired_width(f32::INFINITY))
                .labelled_by(l.id);
            let l = ui
                .label("Published (YYYY-MM-DD, optional: relative dates like “on Sunday” need it)");
            ui.add(egui::TextEdit::singleline(&mut form.published).desired_width(120.0))
                .labelled_by(l.id);
            let l = ui.label("Article text");
            egui::ScrollArea::vertical()
                .max_height(260.0)
                .show(ui, |ui| {
                    ui.add(
                        egui::TextEdit::multiline(&mut form.text)
                            .desired_rows(12)
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(l.id);
                });
            if let Some(e) = &form.error {
                ui.colored_label(ui.visuals().error_fg_color, e);
            }
            if ui.button("Extract events").clicked() {
                actions.push(Action::SubmitPaste {
                    text: form.text.clone(),
                    title: form.title.clone(),
                    published: form.published.clone(),
                });
            }
        });
    if !open {
        actions.push(Action::CloseForm);
    }
}

/// The labelled address field of the URL and feed forms, with the last error under it; true
/// when Enter was pressed in it.
fn address_ui(ui: &mut Ui, form: &mut Form, label: &str, hint: &str) -> bool {
    let l = ui.label(label);
    let r = ui
        .add(
            egui::TextEdit::singleline(&mut form.url)
                .hint_text(hint)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(l.id);
    let enter = r.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
    if let Some(e) = &form.error {
        ui.colored_label(ui.visuals().error_fg_color, e);
    }
    enter
}

/// The "Open URL…" form.
fn url_form_ui(ctx: &egui::Context, form: &mut Form, actions: &mut Vec<Action>) {
    let mut open = true;
    egui::Window::new("Open URL")
        .open(&mut open)
        .default_width(520.0)
        .show(ctx, |ui| {
            let enter = address_ui(
                ui,
                form,
                "Address of a news article (http or https)",
                "https://…",
            );
            ui.weak(
                "The page is fetched once, its main text extracted; nothing else is sent anywhere.",
            );
            if ui.button("Fetch and extract").clicked() || enter {
                actions.push(Action::SubmitUrl(form.url.clone()));
            }
        });
    if !open {
        actions.push(Action::CloseForm);
    }
}

/// The "Follow feed…" form.
fn feed_form_ui(ctx: &egui::Context, form: &mut Form, actions: &mut Vec<Action>) {
    let mut open = true;
    egui::Window::new("Follow feed")
        .open(&mut open)
        .default_width(520.0)
        .show(ctx, |ui| {
            let enter = address_ui(
                ui,
                form,
                "Address of an RSS, Atom or JSON feed (http or https)",
                "https://…/feed.xml",
            );
            ui.weak(
                "Checked now and then at the interval below while newsmap runs; each new item \
                 is read once and its events join the library.",
            );
            ui.horizontal(|ui| {
                let l = ui.label("Check every (minutes)");
                ui.add(
                    egui::TextEdit::singleline(&mut form.every_minutes)
                        .hint_text("15")
                        .desired_width(60.0),
                )
                .labelled_by(l.id);
            });
            if ui.button("Follow").clicked() || enter {
                actions.push(Action::FollowFeed {
                    url: form.url.clone(),
                    every_minutes: form.every_minutes.clone(),
                });
            }
        });
    if !open {
        actions.push(Action::CloseForm);
    }
}

impl eframe::App for NewsmapApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        NewsmapApp::ui(self, ui);
    }

    /// The session goes to its own file, written atomically ([`Session`]); eframe's storage
    /// (written in place) keeps only egui's window layout, whose loss costs nothing.
    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.save_session();
        if self.session.is_some() && self.session_error.is_none() {
            // The session file has taken over: an old copy in eframe's storage must not come
            // back should session.json ever be deleted.
            storage.set_string(eframe::APP_KEY, String::new());
        }
    }
}
