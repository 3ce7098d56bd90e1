//! The desktop app: menus, the map, status line and error reports. Views emit actions; the app
//! applies them, so state changes happen in one place.

use egui::{Color32, RichText, Ui};

use crate::index::EventKey;
use crate::library::Library;
use crate::map::{MapAction, MapInput, MapView};

/// The newsmap window's state.
pub struct NewsmapApp {
    lib: Library,
    map: MapView,
    /// Per item of `lib.table`: passes the filters.
    shown: Vec<bool>,
    generation: u64,
    selected: Option<EventKey>,
    /// Load and extraction errors to show, each naming its file.
    errors: Vec<String>,
}

impl NewsmapApp {
    /// An app over an opened library; `errors` are shown until dismissed.
    pub fn new(lib: Library, errors: Vec<String>) -> Self {
        let shown = vec![true; lib.event_count()];
        Self { lib, map: MapView::default(), shown, generation: 0, selected: None, errors }
    }

    /// The app on the embedded seed dataset (what `newsmap` with no arguments shows).
    pub fn with_seed() -> Self {
        Self::new(Library::open(&[]).0, Vec::new())
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

    /// Selects an event (or clears the selection).
    pub fn select(&mut self, key: Option<EventKey>) {
        self.selected = key;
    }

    fn apply(&mut self, action: MapAction) {
        match action {
            MapAction::Select(k) => self.select(Some(k)),
            MapAction::ClearSelection => self.select(None),
        }
    }

    fn status_ui(&self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            let shown = self.shown.iter().filter(|s| **s).count();
            ui.label(format!("{shown} of {} events", self.lib.event_count()));
            ui.separator();
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
                ui.weak("Basemap: Natural Earth · Article: The Epoch Times");
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

    /// The whole window's contents.
    pub fn ui(&mut self, ui: &mut Ui) {
        if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            self.select(None);
        }
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        if !self.errors.is_empty() {
            egui::Panel::top("errors").show(ui, |ui| self.errors_ui(ui));
        }
        let input = MapInput {
            lib: &self.lib,
            shown: &self.shown,
            generation: self.generation,
            selected: self.selected,
            dark: ui.visuals().dark_mode,
        };
        let actions = egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| self.map.ui(ui, &input))
            .inner;
        for a in actions {
            self.apply(a);
        }
    }
}

impl eframe::App for NewsmapApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        NewsmapApp::ui(self, ui);
    }
}
