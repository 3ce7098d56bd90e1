//! The desktop app: top bar with filters, the map, the side panel, the timeline and the source
//! viewer. Views return [`Action`]s; [`NewsmapApp::apply`] is the one place state changes, so
//! map, list and panels always agree.

pub mod file_dialog;
pub mod side_panel;
pub mod source_view;
pub mod timeline;

use std::collections::BTreeSet;
use std::path::PathBuf;

use egui::{Color32, Key, Modifiers, RichText, Ui};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::index::EventKey;
use crate::index::filter::Filter;
use crate::jobs::{Batch, ImportKind, JobEvent};
use crate::library::{Library, LoadedDataset};
use crate::map::style::kind_icon_ui;
use crate::map::{MapAction, MapInput, MapView};
use crate::model::{EventKind, Span};
use file_dialog::{DialogOutcome, DialogPurpose, FileDialog};
use source_view::SourceView;
use timeline::TimelineState;

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
    /// Only events with this party (by name), or all.
    FilterParty(Option<String>),
    /// Set the date filter (inclusive days; `None` = unbounded).
    SetDates(Option<Date>, Option<Date>),
    /// Show only these kinds (empty = all).
    SetKinds(BTreeSet<EventKind>),
    /// Free-text search.
    SetText(String),
    /// Remove every filter.
    ClearFilters,
    /// Open an article's text, scrolled to `focus`.
    OpenSource {
        /// Dataset index.
        dataset: u32,
        /// Article id.
        article: String,
        /// Span to show.
        focus: Option<Span>,
    },
    /// Fit the map to the shown events.
    FitToEvents,
    /// Fit the map to one dataset's events.
    FitToDataset(u32),
    /// Start importing articles, datasets, text or URLs in the background.
    Import(Vec<ImportKind>),
    /// Save a dataset to a file (atomically).
    SaveDataset(u32, PathBuf),
    /// Close a dataset: its events leave the map and it is not reopened next time.
    CloseDataset(u32),
    /// Back to the default view, filters and panels.
    ResetView,
}

/// What survives a restart.
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
    /// Country names on the basemap.
    pub hide_labels: bool,
    /// Online tiles were on.
    pub online_tiles: bool,
}

/// The newsmap window's state.
pub struct NewsmapApp {
    lib: Library,
    map: MapView,
    filter: Filter,
    /// Per item of `lib.table`: passes the filters.
    shown: Vec<bool>,
    generation: u64,
    selected: Option<EventKey>,
    timeline: TimelineState,
    source: Option<SourceView>,
    /// Load and extraction errors to show, each naming its file.
    errors: Vec<String>,
    /// Wakes the UI when a background job reports.
    repaint: Option<egui::Context>,
    search_text: String,
    list_cache: side_panel::ListCache,
    dialog: Option<FileDialog>,
    paste: Option<PasteForm>,
    url_form: Option<UrlForm>,
    batch: Option<Batch>,
    /// Short confirmations ("Added 12 events from a.txt").
    notices: Vec<String>,
    /// Turn online tiles on at the first frame (restored sessions; needs the egui context).
    pending_online: bool,
    /// Where extracted datasets are written so the next session reopens them; `None` keeps them
    /// in memory only (tests, and when the system has no data directory).
    kept_dir: Option<PathBuf>,
}

/// The "Paste text…" form.
#[derive(Default)]
struct PasteForm {
    text: String,
    title: String,
    published: String,
    error: Option<String>,
}

/// The "Open URL…" form.
#[derive(Default)]
struct UrlForm {
    url: String,
    error: Option<String>,
}

impl NewsmapApp {
    /// An app over an opened library; `errors` are shown until dismissed.
    pub fn new(lib: Library, errors: Vec<String>) -> Self {
        let mut app = Self {
            shown: Vec::new(),
            lib,
            map: MapView::default(),
            filter: Filter::default(),
            generation: 0,
            selected: None,
            timeline: TimelineState::default(),
            source: None,
            errors,
            repaint: None,
            search_text: String::new(),
            list_cache: Default::default(),
            dialog: None,
            paste: None,
            url_form: None,
            batch: None,
            notices: Vec::new(),
            pending_online: false,
            kept_dir: None,
        };
        app.refilter();
        app
    }

    /// Keeps extracted datasets as files in `dir` (created when needed), so that they are among
    /// the open files the next session reopens. The app sets the user's data directory.
    pub fn keep_extracted_in(&mut self, dir: Option<PathBuf>) {
        self.kept_dir = dir;
    }

    /// The user's directory for extracted datasets (`…/newsmap/extracted`), if the system has one.
    pub fn default_kept_dir() -> Option<PathBuf> {
        directories::ProjectDirs::from("org", "newsmap", "newsmap")
            .map(|d| d.data_dir().join("extracted"))
    }

    /// True when `path` is a file this app wrote into its kept directory.
    fn is_kept_file(&self, path: &std::path::Path) -> bool {
        self.kept_dir
            .as_deref()
            .is_some_and(|dir| path.parent() == Some(dir))
    }

    /// Writes an extracted dataset into the kept directory and points it there; a failure is
    /// reported and the dataset stays in memory.
    fn keep(&mut self, ds: &mut LoadedDataset) {
        let Some(dir) = self.kept_dir.clone() else {
            return;
        };
        if ds.path.is_some() {
            return;
        }
        let stem: String = ds
            .name
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || c == '-' {
                    c
                } else {
                    '_'
                }
            })
            .take(60)
            .collect();
        let mut path = dir.join(format!("{stem}.json"));
        let mut n = 1;
        while path.exists() {
            n += 1;
            path = dir.join(format!("{stem}-{n}.json"));
        }
        let result = std::fs::create_dir_all(&dir)
            .map_err(|e| format!("{}: {e}", dir.display()))
            .and_then(|()| ds.data.save(&path).map_err(|e| e.to_string()));
        match result {
            Ok(()) => ds.path = Some(path),
            Err(e) => self.errors.push(format!(
                "{}: extracted, but not kept for the next session: {e}",
                ds.name
            )),
        }
    }

    /// The app on the embedded seed dataset (what `newsmap` with no arguments shows).
    pub fn with_seed() -> Self {
        Self::new(Library::open(&[]).0, Vec::new())
    }

    /// Restores filters, timeline and map view saved by [`NewsmapApp::saved_state`].
    pub fn restore(&mut self, saved: SavedState) {
        self.filter = saved.filter;
        self.search_text = self.filter.text.clone();
        self.timeline = saved.timeline;
        if let (Some([lon, lat]), Some(z)) = (saved.map_center, saved.map_zoom) {
            self.map.fit_requested = false;
            self.map
                .set_view(crate::index::world_from_lonlat(lon, lat), z);
        }
        self.map.show_labels = !saved.hide_labels;
        self.pending_online = saved.online_tiles;
        self.refilter();
    }

    /// What to save for the next start.
    pub fn saved_state(&self) -> SavedState {
        SavedState {
            filter: self.filter.clone(),
            timeline: self.timeline.clone(),
            map_center: self.map.center_lonlat(),
            map_zoom: Some(self.map.zoom()),
            open_files: self
                .lib
                .datasets
                .iter()
                .filter_map(|d| d.path.clone())
                .collect(),
            hide_labels: !self.map.show_labels,
            online_tiles: self.map.online.is_some(),
        }
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
        &self.filter
    }

    /// The open source view, if any.
    pub fn source(&self) -> Option<&SourceView> {
        self.source.as_ref()
    }

    /// How many events pass the filters.
    pub fn shown_count(&self) -> usize {
        self.shown.iter().filter(|s| **s).count()
    }

    /// Selects an event (or clears the selection).
    pub fn select(&mut self, key: Option<EventKey>) {
        self.selected = key;
    }

    fn refilter(&mut self) {
        self.shown = self.filter.apply(&self.lib);
        self.generation += 1;
        // A selection the filters hide would make the map and the panel disagree.
        if let Some(k) = self.selected
            && let Some(i) = self.lib.table.position_of(k)
            && !self.shown[i]
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
        if let Some(d) = &mut self.dialog {
            match d.ui(ctx) {
                DialogOutcome::Pending => {}
                DialogOutcome::Cancelled => self.dialog = None,
                DialogOutcome::Chosen(paths) => {
                    let purpose = d.purpose;
                    self.dialog = None;
                    match purpose {
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
                    }
                }
            }
        }
        if let Some(form) = &mut self.paste {
            let mut open = true;
            let mut submit = false;
            egui::Window::new("Paste text")
                .open(&mut open)
                .default_size([560.0, 420.0])
                .show(ctx, |ui| {
                    let l = ui.label("Headline (optional)");
                    ui.add(
                        egui::TextEdit::singleline(&mut form.title).desired_width(f32::INFINITY),
                    )
                    .labelled_by(l.id);
                    let l = ui.label(
                        "Published (YYYY-MM-DD, optional: relative dates like “on Sunday” need it)",
                    );
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
                        submit = true;
                    }
                });
            if submit {
                let published = form.published.trim();
                let date = if published.is_empty() {
                    Ok(None)
                } else {
                    published.parse::<Date>().map(Some)
                };
                match date {
                    Err(_) => {
                        form.error = Some(format!(
                            "Published: “{published}” is not a date — use YYYY-MM-DD"
                        ))
                    }
                    Ok(_) if form.text.trim().is_empty() => {
                        form.error = Some("Paste the article's text first.".to_owned())
                    }
                    Ok(d) => {
                        let title = Some(form.title.trim().to_owned()).filter(|t| !t.is_empty());
                        actions.push(Action::Import(vec![ImportKind::Text {
                            text: form.text.clone(),
                            title,
                            published: d,
                        }]));
                        self.paste = None;
                    }
                }
            } else if !open {
                self.paste = None;
            }
        }
        if let Some(form) = &mut self.url_form {
            let mut open = true;
            let mut submit = false;
            egui::Window::new("Open URL").open(&mut open).default_width(520.0).show(ctx, |ui| {
                let l = ui.label("Address of a news article (http or https)");
                let r = ui.add(egui::TextEdit::singleline(&mut form.url).hint_text("https://…").desired_width(f32::INFINITY)).labelled_by(l.id);
                if r.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                    submit = true;
                }
                if let Some(e) = &form.error {
                    ui.colored_label(ui.visuals().error_fg_color, e);
                }
                ui.weak("The page is fetched once, its main text extracted; nothing else is sent anywhere.");
                if ui.button("Fetch and extract").clicked() {
                    submit = true;
                }
            });
            if submit {
                let url = form.url.trim().to_owned();
                if url.starts_with("http://") || url.starts_with("https://") {
                    actions.push(Action::Import(vec![ImportKind::Url(url)]));
                    self.url_form = None;
                } else {
                    form.error = Some(format!("“{url}” is not an http or https address"));
                }
            } else if !open {
                self.url_form = None;
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
                "Drop articles (.txt .md .html) or datasets (.json) to open them",
                egui::FontId::proportional(20.0),
                Color32::WHITE,
            );
        }
    }

    fn progress_ui(&mut self, ui: &mut Ui) {
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
                        b.cancel();
                    }
                });
            });
        }
        if !self.notices.is_empty() {
            let mut dismiss = false;
            ui.horizontal_wrapped(|ui| {
                for n in &self.notices {
                    ui.label(RichText::new(n).color(ui.visuals().hyperlink_color));
                }
                if ui.small_button("OK").clicked() {
                    dismiss = true;
                }
            });
            if dismiss {
                self.notices.clear();
            }
        }
    }

    /// Turns the online tile layer on or off.
    pub fn set_online_tiles(&mut self, ctx: &egui::Context, on: bool) {
        self.map.online = on.then(|| {
            crate::map::tiles::OnlineTiles::new(
                crate::map::tiles::TileServer::openstreetmap(),
                crate::map::tiles::default_cache_dir(),
                ctx.clone(),
            )
        });
    }

    /// True while a background import runs.
    pub fn is_importing(&self) -> bool {
        self.batch.is_some()
    }

    /// Confirmation messages shown to the user.
    pub fn notices(&self) -> &[String] {
        &self.notices
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
            self.keep(&mut ds);
            let n = ds.data.events.len();
            let placed = ds.data.events.iter().filter(|e| e.place.is_some()).count();
            self.notices.push(format!("Added {n} events ({placed} on the map) from {} — extracted, check them against the source", ds.name));
            self.lib.add(ds);
            last = Some(self.lib.datasets.len() as u32 - 1);
        }
        if let Some(d) = last {
            self.refilter();
            self.apply(Action::FitToDataset(d));
        }
        if finished {
            self.batch = None;
        }
    }

    /// Removes dataset `d`; keys into later datasets shift down by one.
    fn close_dataset(&mut self, d: u32) {
        if d as usize >= self.lib.datasets.len() {
            return;
        }
        let ds = self.lib.datasets.remove(d as usize);
        if let Some(path) = ds.path.as_deref().filter(|p| self.is_kept_file(p)) {
            let _ = std::fs::remove_file(path);
        }
        self.lib.rebuild();
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
        // A pending "Save as" names datasets by index.
        if matches!(&self.dialog, Some(f) if matches!(f.purpose, DialogPurpose::SaveDataset(_))) {
            self.dialog = None;
        }
        self.notices.push(format!("Closed {}", ds.name));
        self.refilter();
    }

    /// Applies one action: the only place app state changes.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Select(k) => self.select(k),
            Action::SelectAndCenter(k) => {
                self.select(Some(k));
                self.map.center_on(&self.lib, k);
            }
            Action::CenterOn { lat, lon } => self.map.center_on_lonlat(lon, lat, 4.0),
            Action::FilterParty(p) => {
                self.filter.party = p;
                self.refilter();
            }
            Action::SetDates(from, to) => {
                self.filter.from = from;
                self.filter.to = to;
                self.timeline.sync_fields();
                self.refilter();
            }
            Action::SetKinds(k) => {
                self.filter.kinds = k;
                self.refilter();
            }
            Action::SetText(t) => {
                self.filter.text = t;
                self.refilter();
            }
            Action::ClearFilters => {
                self.filter = Filter::default();
                self.search_text.clear();
                self.timeline.sync_fields();
                self.timeline.playing = false;
                self.refilter();
            }
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
            Action::FitToEvents => self.map.fit_requested = true,
            Action::FitToDataset(d) => {
                let items: Vec<u32> = (0..self.lib.table.items.len() as u32)
                    .filter(|&i| self.lib.table.items[i as usize].key.dataset == d)
                    .collect();
                self.map.fit_items(&self.lib, &items);
            }
            Action::Import(items) => self.start_import(items),
            Action::SaveDataset(d, path) => match self.lib.datasets.get(d as usize) {
                Some(ds) => match ds.data.save(&path) {
                    Ok(()) => {
                        self.notices
                            .push(format!("Saved {} to {}", ds.name, path.display()));
                        // From now on the saved file is the one reopened; the kept copy goes.
                        let old = ds.path.clone();
                        if let Some(old) = old.filter(|o| self.is_kept_file(o) && *o != path) {
                            let _ = std::fs::remove_file(old);
                        }
                        if let Some(ds) = self.lib.datasets.get_mut(d as usize) {
                            ds.path = Some(path);
                        }
                    }
                    Err(e) => self.errors.push(e.to_string()),
                },
                None => self.errors.push(format!(
                    "{}: that dataset is no longer open",
                    path.display()
                )),
            },
            Action::CloseDataset(d) => self.close_dataset(d),
            Action::ResetView => {
                self.apply(Action::ClearFilters);
                self.timeline = TimelineState::default();
                self.map.fit_requested = true;
                self.map.show_labels = true;
                self.map.online = None;
                self.source = None;
                self.selected = None;
            }
        }
    }

    fn top_bar_ui(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        ui.horizontal_wrapped(|ui| {
            ui.menu_button("File", |ui| {
                if ui.button("Open article… (Ctrl+O)").on_hover_text("Extract events from a .txt, .md or .html file").clicked() {
                    self.dialog = Some(FileDialog::new(DialogPurpose::OpenArticle, self.last_dir()));
                    ui.close();
                }
                if ui.button("Open URL…").on_hover_text("Fetch a news page and extract its events").clicked() {
                    self.url_form = Some(UrlForm::default());
                    ui.close();
                }
                if ui.button("Paste text…").clicked() {
                    self.paste = Some(PasteForm::default());
                    ui.close();
                }
                if ui.button("Open dataset…").on_hover_text("A newsmap/1 JSON file").clicked() {
                    self.dialog = Some(FileDialog::new(DialogPurpose::OpenDataset, self.last_dir()));
                    ui.close();
                }
                ui.separator();
                ui.menu_button("Save dataset as…", |ui| {
                    for (i, d) in self.lib.datasets.iter().enumerate() {
                        if ui.button(&d.name).clicked() {
                            self.dialog = Some(FileDialog::new(DialogPurpose::SaveDataset(i as u32), self.last_dir()));
                            ui.close();
                        }
                    }
                });
                ui.menu_button("Close dataset", |ui| {
                    for (i, d) in self.lib.datasets.iter().enumerate() {
                        let label = format!("Close {}", d.name);
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
                ui.checkbox(&mut self.map.show_labels, "Country names");
                let mut online = self.map.online.is_some();
                if ui
                    .checkbox(&mut online, "Online map tiles (OpenStreetMap)")
                    .on_hover_text("Fetches street-level tiles from tile.openstreetmap.org and caches them on disk. Off by default: newsmap works offline.")
                    .changed()
                {
                    self.set_online_tiles(ui.ctx(), online);
                }
                if ui.button("Reset view").on_hover_text("Default map, filters, timeline and panels").clicked() {
                    actions.push(Action::ResetView);
                    ui.close();
                }
            });
            ui.separator();
            let search_label = ui.label("Search");
            let search = ui
                .add(egui::TextEdit::singleline(&mut self.search_text).hint_text("titles, quotes, parties (Ctrl+F)").desired_width(220.0))
                .labelled_by(search_label.id);
            if ui.input_mut(|i| i.consume_key(Modifiers::COMMAND, Key::F)) {
                search.request_focus();
            }
            if search.changed() {
                actions.push(Action::SetText(self.search_text.clone()));
            }
            self.kinds_menu_ui(ui, actions);
            if let Some(p) = &self.filter.party {
                let chip = ui.button(format!("Party: {p}  ×")).on_hover_text("Show all parties again");
                if chip.clicked() {
                    actions.push(Action::FilterParty(None));
                }
            }
            if self.filter.is_active() && ui.button("Clear filters").clicked() {
                actions.push(Action::ClearFilters);
            }
            ui.separator();
            ui.label(RichText::new(format!("{} of {} events", self.shown_count(), self.lib.event_count())).strong());
        });
    }

    fn kinds_menu_ui(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let title = if self.filter.kinds.is_empty() {
            "All kinds".to_owned()
        } else {
            format!("{} kinds", self.filter.kinds.len())
        };
        ui.menu_button(title, |ui| {
            let present: BTreeSet<EventKind> =
                self.lib.table.items.iter().map(|it| it.kind).collect();
            for kind in EventKind::ALL {
                ui.horizontal(|ui| {
                    kind_icon_ui(ui, kind);
                    let mut on = self.filter.kinds.is_empty() || self.filter.kinds.contains(&kind);
                    let label = format!("{} ({})", kind.label(), kind.code());
                    let text = if present.contains(&kind) {
                        RichText::new(label)
                    } else {
                        RichText::new(label).weak()
                    };
                    if ui.checkbox(&mut on, text).changed() {
                        let mut kinds = if self.filter.kinds.is_empty() {
                            EventKind::ALL.into_iter().collect()
                        } else {
                            self.filter.kinds.clone()
                        };
                        if on {
                            kinds.insert(kind);
                        } else {
                            kinds.remove(&kind);
                        }
                        if kinds.len() == EventKind::ALL.len() {
                            kinds.clear();
                        }
                        actions.push(Action::SetKinds(kinds));
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
                    ui.strong(&ev.event.title);
                    ui.label(format!("— {}", ev.date_label()));
                    if let Some(p) = ev.place() {
                        ui.label(format!("· {}", p.name));
                    }
                }
                None => {
                    ui.weak("Click a marker to select an event.");
                }
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.weak("Basemap: Natural Earth · GeoNames (CC BY 4.0)");
                if let Some(n) = self.map.online.as_ref().and_then(|o| o.health().notice()) {
                    ui.label(RichText::new(n).color(ui.visuals().warn_fg_color));
                }
            });
        });
    }

    fn errors_ui(&mut self, ui: &mut Ui) {
        let mut dismiss = false;
        egui::Frame::new()
            .fill(Color32::from_rgb(0x5c, 0x1a, 0x1a))
            .inner_margin(6.0)
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.label(
                        RichText::new(format!("{} problem(s) loading files", self.errors.len()))
                            .color(Color32::WHITE)
                            .strong(),
                    );
                    if ui.button("Dismiss").clicked() {
                        dismiss = true;
                    }
                });
                for e in &self.errors {
                    ui.label(
                        RichText::new(e)
                            .color(Color32::from_rgb(0xff, 0xd0, 0xd0))
                            .monospace(),
                    );
                }
            });
        if dismiss {
            self.errors.clear();
        }
    }

    /// Keys that act on the map when no text field has focus.
    fn keyboard(&mut self, ui: &Ui, actions: &mut Vec<Action>) {
        if ui.input_mut(|i| i.consume_key(Modifiers::COMMAND, Key::O)) {
            self.dialog = Some(FileDialog::new(DialogPurpose::OpenArticle, self.last_dir()));
        }
        if ui.input(|i| i.key_pressed(Key::Escape)) {
            if self.selected.is_some() {
                actions.push(Action::Select(None));
            } else {
                self.source = None;
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
            self.map.pan_by(dx, dy);
        }
        if plus {
            self.map.zoom_by(1.0);
        }
        if minus {
            self.map.zoom_by(-1.0);
        }
    }

    /// The whole window's contents.
    pub fn ui(&mut self, ui: &mut Ui) {
        if self.repaint.is_none() {
            self.repaint = Some(ui.ctx().clone());
        }
        if std::mem::take(&mut self.pending_online) {
            self.set_online_tiles(ui.ctx(), true);
        }
        self.poll_imports();
        let mut actions = Vec::new();
        self.keyboard(ui, &mut actions);
        egui::Panel::top("top-bar").show(ui, |ui| self.top_bar_ui(ui, &mut actions));
        if self.batch.is_some() || !self.notices.is_empty() {
            egui::Panel::top("progress").show(ui, |ui| self.progress_ui(ui));
        }
        self.overlays_ui(&ui.ctx().clone(), &mut actions);
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        if !self.errors.is_empty() {
            egui::Panel::top("errors").show(ui, |ui| self.errors_ui(ui));
        }
        egui::Panel::bottom("timeline")
            .resizable(true)
            .default_size(150.0)
            .min_size(110.0)
            .show(ui, |ui| {
                actions.extend(self.timeline.ui(
                    ui,
                    &self.lib,
                    &self.filter,
                    &self.shown,
                    self.generation,
                    self.selected,
                ));
            });
        egui::Panel::right("side-panel")
            .resizable(true)
            .default_size(360.0)
            .min_size(260.0)
            .show(ui, |ui| {
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
                    None => side_panel::event_list_ui(
                        ui,
                        &self.lib,
                        &self.shown,
                        self.generation,
                        &mut self.list_cache,
                        self.map.visible(),
                        &mut actions,
                    ),
                }
            });
        if let Some(source) = &mut self.source {
            let mut open = true;
            let title = self
                .lib
                .datasets
                .get(source.dataset as usize)
                .and_then(|d| d.data.article(&source.article))
                .map_or("Source text".to_owned(), |a| format!("Source: {}", a.title));
            let r = egui::Window::new("Source text")
                .open(&mut open)
                .default_size([600.0, 620.0])
                .resizable(true)
                .vscroll(false)
                .show(ui.ctx(), |ui| {
                    ui.weak(title);
                    source.ui(ui, &self.lib, self.selected)
                });
            if let Some(inner) = r.and_then(|r| r.inner) {
                actions.extend(inner);
            }
            if !open {
                self.source = None;
            }
        }
        let input = MapInput {
            lib: &self.lib,
            shown: &self.shown,
            generation: self.generation,
            selected: self.selected,
            dark: ui.visuals().dark_mode,
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
        if actions.contains(&Action::ResetView) {
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

impl eframe::App for NewsmapApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        NewsmapApp::ui(self, ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.saved_state());
    }
}
