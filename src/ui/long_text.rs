//! Long text from files in the UI. egui lays out every character of a label, so a 200 MB title
//! or a 10 MB error message once took more than 12 GB. What is laid out is cut to a few hundred
//! characters ([`crate::model::shorten`]); where text was cut, a "more…" link opens the whole of
//! it in a window that lays out only the rows in sight.

use std::ops::Range;

use egui::{Response, RichText, Ui};

use super::Action;
use crate::model::shorten;

/// Characters of a title laid out (event and article titles).
pub const TITLE_CHARS: usize = crate::library::LABEL_CHARS;
/// Characters of a name laid out (parties, places, datasets).
pub const NAME_CHARS: usize = 120;
/// Characters of a filter chip in the top bar (the whole text is in its hover text).
pub const CHIP_CHARS: usize = 32;
/// Characters of an error message or notice laid out.
pub const MESSAGE_CHARS: usize = 600;

/// Characters per row of the full-text window.
const ROW_CHARS: usize = 120;

/// A label of `text` cut to `max` characters, styled by `style`; when cut, a "more…" link
/// after it asks the app to show all of it, in a window titled `what`.
pub fn clipped_label(
    ui: &mut Ui,
    text: &str,
    max: usize,
    style: impl FnOnce(String) -> RichText,
    what: &str,
    actions: &mut Vec<Action>,
) -> Response {
    let shown = shorten(text, max);
    let cut = shown.len() != text.len();
    let resp = ui.label(style(shown.into_owned()));
    if cut {
        let more = ui
            .link("more…")
            .on_hover_text(format!("Show all {} characters", text.chars().count()));
        if more.clicked() {
            actions.push(Action::ShowFullText {
                title: what.to_owned(),
                text: text.to_owned(),
            });
        }
    }
    resp
}

/// The whole of a long text, in rows laid out only when in sight.
#[derive(Debug)]
pub struct FullText {
    title: String,
    text: String,
    rows: Vec<Range<usize>>,
}

impl FullText {
    /// Splits `text` into rows at line breaks and every [`ROW_CHARS`] characters (one pass).
    pub fn new(title: String, text: String) -> Self {
        let mut rows = Vec::new();
        let mut start = 0;
        let mut chars = 0;
        for (i, c) in text.char_indices() {
            if c == '\n' {
                rows.push(start..i);
                start = i + 1;
                chars = 0;
            } else if chars == ROW_CHARS {
                rows.push(start..i);
                start = i;
                chars = 1;
            } else {
                chars += 1;
            }
        }
        rows.push(start..text.len());
        Self { title, text, rows }
    }

    /// The window's title.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// How many rows the text makes.
    pub fn row_count(&self) -> usize {
        self.rows.len()
    }

    /// Shows the window; returns false once the user closed it.
    pub fn ui(&self, ctx: &egui::Context) -> bool {
        let mut open = true;
        egui::Window::new(shorten(&self.title, NAME_CHARS).into_owned())
            .id(egui::Id::unique("full-text"))
            .open(&mut open)
            .default_size([640.0, 420.0])
            .resizable(true)
            .show(ctx, |ui| {
                ui.horizontal(|ui| {
                    ui.weak(format!(
                        "{} characters, {} rows",
                        self.text.chars().count(),
                        self.rows.len()
                    ));
                    if ui.button("Copy all").clicked() {
                        ui.ctx().copy_text(self.text.clone());
                    }
                });
                let row_height = ui.text_style_height(&egui::TextStyle::Monospace);
                egui::ScrollArea::both()
                    .auto_shrink([false, false])
                    .show_rows(ui, row_height, self.rows.len(), |ui, range| {
                        for r in &self.rows[range] {
                            ui.label(RichText::new(&self.text[r.clone()]).monospace());
                        }
                    });
            });
        open
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_cover_the_text_on_character_boundaries() {
        let text = format!("{}\nshort\n{}", "é".repeat(250), "x".repeat(10));
        let f = FullText::new("t".into(), text.clone());
        assert_eq!(f.row_count(), 5, "{:?}", f.rows);
        let joined: String = f
            .rows
            .iter()
            .map(|r| &text[r.clone()])
            .collect::<Vec<_>>()
            .concat();
        assert_eq!(joined, text.replace('\n', ""));
        assert!(
            f.rows
                .iter()
                .all(|r| text[r.clone()].chars().count() <= ROW_CHARS)
        );
    }
}
