//! A small in-app file chooser: no desktop portal or GTK needed, so it works in any session
//! (and under Xvfb). Lists a folder, filters by extension, opens or saves a path.

use std::path::{Path, PathBuf};

use egui::{Key, RichText, ScrollArea, Ui};

use crate::interchange::ExportFormat;

/// What the dialog is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DialogPurpose {
    /// Open articles (.txt, .md, .html) to extract events from.
    OpenArticle,
    /// Open newsmap datasets (.json).
    OpenDataset,
    /// Save a dataset as JSON.
    SaveDataset(u32),
    /// Export events in a format for other tools.
    Export {
        /// The format.
        format: ExportFormat,
        /// Only the events the filters show.
        filtered: bool,
    },
}

impl DialogPurpose {
    fn title(self) -> &'static str {
        match self {
            DialogPurpose::OpenArticle => "Open article",
            DialogPurpose::OpenDataset => "Open dataset",
            DialogPurpose::SaveDataset(_) => "Save dataset as",
            DialogPurpose::Export { .. } => "Export events",
        }
    }

    fn extensions(self) -> &'static [&'static str] {
        match self {
            DialogPurpose::OpenArticle => &["txt", "md", "markdown", "html", "htm"],
            DialogPurpose::OpenDataset => &crate::jobs::DATASET_EXTENSIONS,
            DialogPurpose::SaveDataset(_) => &["json"],
            DialogPurpose::Export { format, .. } => match format {
                ExportFormat::GeoJson => &["geojson", "json"],
                ExportFormat::Csv => &["csv"],
                ExportFormat::Gpkg => &["gpkg"],
            },
        }
    }

    /// True when the dialog names a file to write rather than one to open.
    fn saves(self) -> bool {
        matches!(
            self,
            DialogPurpose::SaveDataset(_) | DialogPurpose::Export { .. }
        )
    }
}

/// One folder entry.
#[derive(Clone, Debug)]
struct Entry {
    name: String,
    path: PathBuf,
    is_dir: bool,
}

/// The chooser's state.
#[derive(Clone, Debug)]
pub struct FileDialog {
    /// What it is for.
    pub purpose: DialogPurpose,
    dir: PathBuf,
    entries: Vec<Entry>,
    /// The path typed or picked.
    pub path_text: String,
    error: Option<String>,
    show_all: bool,
}

/// What the user decided.
#[derive(Clone, Debug, PartialEq)]
pub enum DialogOutcome {
    /// Still open.
    Pending,
    /// Closed without a choice.
    Cancelled,
    /// These paths were chosen.
    Chosen(Vec<PathBuf>),
}

impl FileDialog {
    /// A dialog starting in `dir` (the current directory when `None`).
    pub fn new(purpose: DialogPurpose, dir: Option<PathBuf>) -> Self {
        let dir = dir
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_else(|| PathBuf::from("/"));
        let mut d = Self {
            purpose,
            dir,
            entries: Vec::new(),
            path_text: String::new(),
            error: None,
            show_all: false,
        };
        match purpose {
            DialogPurpose::SaveDataset(_) => {
                d.path_text = d.dir.join("extracted.json").display().to_string();
            }
            DialogPurpose::Export { format, .. } => {
                d.path_text = d
                    .dir
                    .join(format!("events.{}", format.extension()))
                    .display()
                    .to_string();
            }
            _ => {}
        }
        d.refresh();
        d
    }

    /// The folder shown.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn refresh(&mut self) {
        self.entries.clear();
        match std::fs::read_dir(&self.dir) {
            Ok(rd) => {
                for e in rd.flatten() {
                    let name = e.file_name().to_string_lossy().into_owned();
                    if name.starts_with('.') {
                        continue;
                    }
                    let is_dir = e.file_type().map(|t| t.is_dir()).unwrap_or(false);
                    let ext_ok = Path::new(&name)
                        .extension()
                        .and_then(|x| x.to_str())
                        .is_some_and(|x| {
                            self.purpose
                                .extensions()
                                .contains(&x.to_ascii_lowercase().as_str())
                        });
                    if is_dir || ext_ok || self.show_all {
                        self.entries.push(Entry {
                            name,
                            path: e.path(),
                            is_dir,
                        });
                    }
                }
                self.entries.sort_by(|a, b| {
                    b.is_dir
                        .cmp(&a.is_dir)
                        .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
                });
                self.error = None;
            }
            Err(e) => self.error = Some(format!("{}: {e}", self.dir.display())),
        }
    }

    fn enter(&mut self, dir: PathBuf) {
        self.dir = dir;
        self.refresh();
    }

    /// Shows the dialog window; returns what happened this frame.
    pub fn ui(&mut self, ctx: &egui::Context) -> DialogOutcome {
        let mut outcome = DialogOutcome::Pending;
        let mut open = true;
        egui::Window::new(self.purpose.title())
            .open(&mut open)
            .collapsible(false)
            .default_size([520.0, 420.0])
            .show(ctx, |ui| {
                outcome = self.contents_ui(ui);
            });
        if !open {
            outcome = DialogOutcome::Cancelled;
        }
        outcome
    }

    fn contents_ui(&mut self, ui: &mut Ui) -> DialogOutcome {
        let mut outcome = DialogOutcome::Pending;
        ui.horizontal(|ui| {
            if ui.button("Up").on_hover_text("Parent folder").clicked()
                && let Some(p) = self.dir.parent().map(Path::to_path_buf)
            {
                self.enter(p);
            }
            if ui.button("Home").clicked()
                && let Some(h) = std::env::var_os("HOME")
            {
                self.enter(PathBuf::from(h));
            }
            ui.label(RichText::new(self.dir.display().to_string()).monospace());
        });
        if ui.checkbox(&mut self.show_all, "Show all files").changed() {
            self.refresh();
        }
        if let Some(e) = &self.error {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        let mut go_into = None;
        ScrollArea::vertical()
            .max_height(260.0)
            .auto_shrink([false, false])
            .show(ui, |ui| {
                if self.entries.is_empty() {
                    ui.weak(format!(
                        "No {} files here.",
                        self.purpose.extensions().join(", ")
                    ));
                }
                for e in &self.entries {
                    let label = if e.is_dir {
                        format!("{}/", e.name)
                    } else {
                        e.name.clone()
                    };
                    let selected = self.path_text == e.path.display().to_string();
                    let r = ui.selectable_label(selected, label);
                    if r.clicked() {
                        if e.is_dir {
                            go_into = Some(e.path.clone());
                        } else {
                            self.path_text = e.path.display().to_string();
                        }
                    }
                    if r.double_clicked() && !e.is_dir {
                        outcome = DialogOutcome::Chosen(vec![e.path.clone()]);
                    }
                }
            });
        if let Some(d) = go_into {
            self.enter(d);
        }
        ui.separator();
        let name_label = ui.label("File");
        let edit = ui
            .add(egui::TextEdit::singleline(&mut self.path_text).desired_width(f32::INFINITY))
            .labelled_by(name_label.id);
        let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        ui.horizontal(|ui| {
            let verb = if matches!(self.purpose, DialogPurpose::Export { .. }) {
                "Export"
            } else if self.purpose.saves() {
                "Save"
            } else {
                "Open"
            };
            if ui.button(verb).clicked() || enter {
                outcome = self.choose();
            }
            if ui.button("Cancel").clicked() {
                outcome = DialogOutcome::Cancelled;
            }
        });
        outcome
    }

    /// Validates the typed path: a folder is entered, a missing file to open is an error.
    fn choose(&mut self) -> DialogOutcome {
        let raw = self.path_text.trim();
        if raw.is_empty() {
            self.error = Some("Pick a file or type its path.".into());
            return DialogOutcome::Pending;
        }
        let p = if Path::new(raw).is_absolute() {
            PathBuf::from(raw)
        } else {
            self.dir.join(raw)
        };
        if p.is_dir() {
            self.path_text.clear();
            self.enter(p);
            return DialogOutcome::Pending;
        }
        match self.purpose {
            purpose if purpose.saves() => {
                if p.parent()
                    .is_some_and(|d| !d.as_os_str().is_empty() && !d.is_dir())
                {
                    self.error = Some(format!("{}: the folder does not exist", p.display()));
                    return DialogOutcome::Pending;
                }
                DialogOutcome::Chosen(vec![p])
            }
            _ if !p.exists() => {
                self.error = Some(format!("{}: no such file", p.display()));
                DialogOutcome::Pending
            }
            _ => DialogOutcome::Chosen(vec![p]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_matching_files_and_checks_paths() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "x").unwrap();
        std::fs::write(dir.path().join("b.json"), "{}").unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        let mut d = FileDialog::new(DialogPurpose::OpenArticle, Some(dir.path().to_owned()));
        let names: Vec<_> = d.entries.iter().map(|e| e.name.clone()).collect();
        assert_eq!(names, vec!["sub", "a.txt"]);
        d.path_text = "missing.txt".into();
        assert_eq!(d.choose(), DialogOutcome::Pending);
        assert!(d.error.as_ref().unwrap().contains("no such file"));
        d.path_text = "a.txt".into();
        assert_eq!(
            d.choose(),
            DialogOutcome::Chosen(vec![dir.path().join("a.txt")])
        );
        d.path_text = "sub".into();
        assert_eq!(d.choose(), DialogOutcome::Pending);
        assert_eq!(d.dir(), dir.path().join("sub"));
    }
}
