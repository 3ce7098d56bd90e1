//! The desktop app: top bar with filters, the map, the side panel, the timeline and the source
//! viewer. Views return [`Action`]s; [`NewsmapApp::apply`] is the one place state changes, so
//! map, list and panels always agree.

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
use crate::library::Library;
use crate::map::style::kind_icon_ui;
use crate::map::{MapAction, MapInput, MapView};
use crate::model::{EventKind, Span};
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
    search_text: String,
    list_cache: side_panel::ListCache,
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
            search_text: String::new(),
            list_cache: Default::default(),
        };
        app.refilter();
        app
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
            self.map.set_view(crate::index::world_from_lonlat(lon, lat), z);
        }
        self.map.show_labels = !saved.hide_labels;
        self.refilter();
    }

    /// What to save for the next start.
    pub fn saved_state(&self) -> SavedState {
        SavedState {
            filter: self.filter.clone(),
            timeline: self.timeline.clone(),
            map_center: self.map.center_lonlat(),
            map_zoom: Some(self.map.zoom()),
            open_files: self.lib.datasets.iter().filter_map(|d| d.path.clone()).collect(),
            hide_labels: !self.map.show_labels,
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
            Action::OpenSource { dataset, article, focus } => {
                self.source = Some(SourceView { dataset, article, focus, scroll_pending: true });
            }
            Action::FitToEvents => self.map.fit_requested = true,
            Action::ResetView => {
                self.apply(Action::ClearFilters);
                self.timeline = TimelineState::default();
                self.map.fit_requested = true;
                self.map.show_labels = true;
                self.source = None;
                self.selected = None;
            }
        }
    }

    fn top_bar_ui(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        ui.horizontal_wrapped(|ui| {
            ui.menu_button("View", |ui| {
                if ui.button("Fit to events").clicked() {
                    actions.push(Action::FitToEvents);
                    ui.close();
                }
                ui.checkbox(&mut self.map.show_labels, "Country names");
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
        let title = if self.filter.kinds.is_empty() { "All kinds".to_owned() } else { format!("{} kinds", self.filter.kinds.len()) };
        ui.menu_button(title, |ui| {
            let present: BTreeSet<EventKind> = self.lib.table.items.iter().map(|it| it.kind).collect();
            for kind in EventKind::ALL {
                ui.horizontal(|ui| {
                    kind_icon_ui(ui, kind);
                    let mut on = self.filter.kinds.is_empty() || self.filter.kinds.contains(&kind);
                    let label = format!("{} ({})", kind.label(), kind.code());
                    let text = if present.contains(&kind) { RichText::new(label) } else { RichText::new(label).weak() };
                    if ui.checkbox(&mut on, text).changed() {
                        let mut kinds = if self.filter.kinds.is_empty() { EventKind::ALL.into_iter().collect() } else { self.filter.kinds.clone() };
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
            });
        });
    }

    fn errors_ui(&mut self, ui: &mut Ui) {
        let mut dismiss = false;
        egui::Frame::new().fill(Color32::from_rgb(0x5c, 0x1a, 0x1a)).inner_margin(6.0).show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(RichText::new(format!("{} problem(s) loading files", self.errors.len())).color(Color32::WHITE).strong());
                if ui.button("Dismiss").clicked() {
                    dismiss = true;
                }
            });
            for e in &self.errors {
                ui.label(RichText::new(e).color(Color32::from_rgb(0xff, 0xd0, 0xd0)).monospace());
            }
        });
        if dismiss {
            self.errors.clear();
        }
    }

    /// Keys that act on the map when no text field has focus.
    fn keyboard(&mut self, ui: &Ui, actions: &mut Vec<Action>) {
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
        let mut actions = Vec::new();
        self.keyboard(ui, &mut actions);
        egui::Panel::top("top-bar").show(ui, |ui| self.top_bar_ui(ui, &mut actions));
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        if !self.errors.is_empty() {
            egui::Panel::top("errors").show(ui, |ui| self.errors_ui(ui));
        }
        egui::Panel::bottom("timeline").resizable(true).default_size(150.0).min_size(110.0).show(ui, |ui| {
            actions.extend(self.timeline.ui(ui, &self.lib, &self.filter, &self.shown, self.generation, self.selected));
        });
        egui::Panel::right("side-panel").resizable(true).default_size(360.0).min_size(260.0).show(ui, |ui| {
            match self.selected.and_then(|k| self.lib.event(k)) {
                Some(ev) => {
                    egui::ScrollArea::vertical().id_salt("side").auto_shrink([false, false]).show(ui, |ui| {
                        side_panel::event_details_ui(ui, &self.lib, ev, &mut actions);
                    });
                }
                // The list scrolls itself, showing only the rows in sight.
                None => side_panel::event_list_ui(ui, &self.lib, &self.shown, self.generation, &mut self.list_cache, self.map.visible(), &mut actions),
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
        let input = MapInput { lib: &self.lib, shown: &self.shown, generation: self.generation, selected: self.selected, dark: ui.visuals().dark_mode };
        let map_actions = egui::CentralPanel::default().frame(egui::Frame::NONE).show(ui, |ui| self.map.ui(ui, &input)).inner;
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
