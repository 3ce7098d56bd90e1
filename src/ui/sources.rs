//! The side panel's Sources tab: the open articles grouped by outlet, newest first, with
//! counts. Ticking outlets filters the map to what they report; clicking an article shows its
//! events on the map and its text. The grouping and counting live in
//! [`crate::library::corpus`]; this file only draws them.

use std::collections::{BTreeSet, HashSet};

use egui::accesskit::Role;
use egui::{Color32, RichText, ScrollArea, Ui, WidgetInfo};

use crate::library::Library;
use crate::library::corpus::{ArticleEntry, Corpus, OutletGroup};
use crate::library::filter::Filter;
use crate::model::shorten;

use super::Action;
use super::long_text::{NAME_CHARS, TITLE_CHARS};

/// With this many outlets or fewer, each one's articles are listed without a click.
const OPEN_UP_TO: usize = 3;

/// The Sources tab's own state: the grouped corpus (rebuilt when the library changes) and
/// which outlets the user opened or closed. Nothing else reads it.
#[derive(Default)]
pub struct SourcesView {
    corpus: Option<Corpus>,
    /// Outlets whose open state the user flipped from the default.
    toggled: HashSet<String>,
}

/// One line of the list: an outlet, or one of its articles (indices into the corpus).
#[derive(Clone, Copy)]
enum Row {
    Outlet(usize),
    Article(usize, usize),
}

impl SourcesView {
    /// The corpus for `lib`, regrouped when the library changed since the last call.
    pub fn corpus(&mut self, lib: &Library) -> &Corpus {
        if self
            .corpus
            .as_ref()
            .is_none_or(|c| c.revision != lib.revision)
        {
            self.corpus = Some(Corpus::build(lib));
        }
        self.corpus.as_ref().expect("built above")
    }

    fn is_open(&self, corpus: &Corpus, outlet: &str) -> bool {
        (corpus.outlets.len() <= OPEN_UP_TO) != self.toggled.contains(outlet)
    }

    /// The tab's contents; what the user asks for goes to `actions`.
    pub fn ui(&mut self, ui: &mut Ui, lib: &Library, filter: &Filter, actions: &mut Vec<Action>) {
        self.corpus(lib);
        let corpus = self.corpus.take().expect("built above");
        self.list_ui(ui, &corpus, filter, actions);
        self.corpus = Some(corpus);
    }

    fn list_ui(
        &mut self,
        ui: &mut Ui,
        corpus: &Corpus,
        filter: &Filter,
        actions: &mut Vec<Action>,
    ) {
        let n_outlets = corpus.outlets.len();
        let n_articles = corpus.article_count();
        ui.label(
            RichText::new(format!(
                "{n_outlets} outlet{} · {n_articles} article{}",
                plural(n_outlets),
                plural(n_articles)
            ))
            .strong(),
        );
        if n_articles == 0 {
            ui.weak("No articles are open. File → Open article… adds one.");
            return;
        }
        ui.weak("Tick outlets to show only what they report. Click an article to see its events and text.");
        if !filter.outlets.is_empty() || filter.article.is_some() {
            ui.horizontal_wrapped(|ui| {
                if !filter.outlets.is_empty() && ui.button("Show all outlets").clicked() {
                    actions.push(Action::SetOutlets(BTreeSet::new()));
                }
                if filter.article.is_some() && ui.button("Show all articles").clicked() {
                    actions.push(Action::ShowArticle(None));
                }
            });
        }
        ui.separator();
        let rows: Vec<Row> = corpus
            .outlets
            .iter()
            .enumerate()
            .flat_map(|(gi, g)| {
                let open = self.is_open(corpus, &g.name);
                std::iter::once(Row::Outlet(gi)).chain(
                    (0..if open { g.articles.len() } else { 0 })
                        .map(move |ai| Row::Article(gi, ai)),
                )
            })
            .collect();
        let row_h = ui.spacing().interact_size.y + 4.0;
        // Only the rows in sight are laid out, so a library of 100,000 articles scrolls freely.
        ScrollArea::vertical()
            .id_salt("sources")
            .auto_shrink([false, false])
            .show_rows(ui, row_h, rows.len(), |ui, range| {
                for row in &rows[range] {
                    match *row {
                        Row::Outlet(gi) => {
                            let g = &corpus.outlets[gi];
                            let open = self.is_open(corpus, &g.name);
                            if outlet_row_ui(ui, g, open, filter, row_h, actions)
                                && !self.toggled.remove(&g.name)
                            {
                                self.toggled.insert(g.name.clone());
                            }
                        }
                        Row::Article(gi, ai) => {
                            let a = &corpus.outlets[gi].articles[ai];
                            article_row_ui(ui, a, filter, row_h, actions);
                        }
                    }
                }
            });
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// An outlet: a checkbox that filters the map by it, and a button that lists its articles.
/// True when that button was clicked.
fn outlet_row_ui(
    ui: &mut Ui,
    g: &OutletGroup,
    open: bool,
    filter: &Filter,
    row_h: f32,
    actions: &mut Vec<Action>,
) -> bool {
    let label = g.label();
    let mut toggled = false;
    ui.allocate_ui(egui::vec2(ui.available_width(), row_h), |ui| {
        ui.horizontal(|ui| {
            let mut on = filter.outlets.contains(&g.name);
            let shown = shorten(label, NAME_CHARS);
            let n = g.articles.len();
            // Plain signs: the bundled fonts have no triangle glyphs.
            let arrow = if open { "−" } else { "+" };
            let button_text = format!("{n} article{} {arrow}", plural(n));
            let mut counts = format!("{} event{}", g.events, plural(g.events));
            if g.copies > 0 {
                counts.push_str(&format!(
                    " · {} syndicated cop{}",
                    g.copies,
                    if g.copies == 1 { "y" } else { "ies" }
                ));
            }
            // Cut the name to the room the checkbox, the button and the counts leave, measured
            // in the fonts they are drawn with, so a long outlet name never widens the panel
            // and a short one is never cut; the whole name is in the hover text.
            let width = |text: &str, style: egui::TextStyle| {
                let font = style.resolve(ui.style());
                ui.painter()
                    .layout_no_wrap(text.to_owned(), font, Color32::WHITE)
                    .size()
                    .x
            };
            let sp = ui.spacing();
            let room = ui.available_width()
                - (sp.icon_width + sp.icon_spacing)
                - (width(&button_text, egui::TextStyle::Small) + 2.0 * sp.button_padding.x)
                - width(&counts, egui::TextStyle::Body)
                - 3.0 * sp.item_spacing.x;
            let mut chars = shown.chars().count();
            let mut visible = shown.clone();
            // Strong text is a little wider than the body font measures.
            while chars > 8 && width(&visible, egui::TextStyle::Body) * 1.08 > room {
                chars -= 1;
                visible = shorten(label, chars);
            }
            let r = ui.checkbox(&mut on, RichText::new(visible.as_ref()).strong());
            let now = on;
            // Screen readers get the whole name, not the cut one.
            r.widget_info(|| WidgetInfo::selected(Role::CheckBox, true, now, &shown));
            if r.on_hover_text(format!(
                "Show only the events {shown} reports (tick several outlets to see all they report)"
            ))
            .changed()
            {
                let mut next = filter.outlets.clone();
                if on {
                    next.insert(g.name.clone());
                } else {
                    next.remove(&g.name);
                }
                actions.push(Action::SetOutlets(next));
            }
            let b = ui.small_button(button_text);
            let what = if open {
                format!("Hide the articles of {shown}")
            } else {
                format!("Show the {n} article{} of {shown}", plural(n))
            };
            b.widget_info(|| WidgetInfo::labeled(Role::Button, true, &what));
            if b.on_hover_text(&what).clicked() {
                toggled = true;
            }
            ui.weak(counts);
        });
    });
    toggled
}

/// "13 Nov 2022" or "no date".
fn day_label(a: &ArticleEntry) -> String {
    a.published.map_or_else(
        || "no date".to_owned(),
        |d| d.strftime("%-d %b %Y").to_string(),
    )
}

/// One article: date, headline and its number of events, painted in one clickable row whose
/// accessible name says all of it; a click shows its events and its text.
fn article_row_ui(
    ui: &mut Ui,
    a: &ArticleEntry,
    filter: &Filter,
    row_h: f32,
    actions: &mut Vec<Action>,
) {
    let (rect, resp) = ui.allocate_exact_size(
        egui::vec2(ui.available_width(), row_h),
        egui::Sense::click(),
    );
    let title = shorten(&a.title, TITLE_CHARS);
    let n = a.events.len();
    let events = format!("{n} event{}", plural(n));
    let copy = a.copy_of.as_ref().map(|(t, o)| {
        format!(
            "syndicated copy of “{}” ({})",
            shorten(t, TITLE_CHARS),
            shorten(o, NAME_CHARS)
        )
    });
    let mut label = format!("{title} — {} — {events}", day_label(a));
    if let Some(c) = &copy {
        label.push_str(&format!(" — {c}"));
    }
    resp.widget_info(|| WidgetInfo::labeled(Role::Button, true, &label));
    let active = filter.article.as_ref() == Some(&a.key);
    let visuals = ui.visuals();
    if active {
        ui.painter()
            .rect_filled(rect, 3.0, visuals.selection.bg_fill);
    } else if resp.hovered() {
        ui.painter()
            .rect_filled(rect, 3.0, visuals.widgets.hovered.weak_bg_fill);
    }
    // Painted rather than laid out: the row is one accessible node, named by `label`.
    let painter = ui.painter().with_clip_rect(rect);
    let left = rect.left() + 18.0;
    let date = painter.layout_no_wrap(day_label(a), egui::FontId::monospace(11.0), Color32::GRAY);
    let date_w = date.size().x;
    painter.galley(
        egui::pos2(left, rect.center().y - date.size().y / 2.0),
        date,
        Color32::GRAY,
    );
    let count = painter.layout_no_wrap(
        events.clone(),
        egui::FontId::proportional(11.0),
        visuals.weak_text_color(),
    );
    let count_w = count.size().x;
    painter.galley(
        egui::pos2(
            rect.right() - count_w - 4.0,
            rect.center().y - count.size().y / 2.0,
        ),
        count,
        visuals.weak_text_color(),
    );
    let mut job = egui::text::LayoutJob::default();
    if copy.is_some() {
        job.append(
            "copy · ",
            0.0,
            egui::TextFormat {
                font_id: egui::FontId::proportional(12.0),
                color: visuals.warn_fg_color,
                italics: true,
                ..Default::default()
            },
        );
    }
    job.append(
        &title,
        0.0,
        egui::TextFormat {
            font_id: egui::FontId::proportional(13.0),
            color: visuals.text_color(),
            ..Default::default()
        },
    );
    let text_left = left + date_w + 8.0;
    job.wrap = egui::text::TextWrapping {
        max_width: (rect.right() - count_w - 12.0 - text_left).max(20.0),
        max_rows: 1,
        break_anywhere: true,
        overflow_character: Some('…'),
    };
    let galley = painter.layout_job(job);
    let y = rect.center().y - galley.size().y / 2.0;
    painter.galley(egui::pos2(text_left, y), galley, visuals.text_color());
    let hover = match &copy {
        Some(c) => format!("{title}\n{c}: its events are the original's"),
        None => format!("{title}\nClick to see its {events} on the map and its text"),
    };
    if resp.on_hover_text(hover).clicked() {
        actions.push(if active {
            Action::ShowArticle(None)
        } else {
            Action::ShowArticle(Some(a.key.clone()))
        });
    }
}
