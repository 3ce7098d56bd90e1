//! The right-hand panel: the selected event's details (kind, date, place, parties, quotes,
//! evidence), or with nothing selected the events in view, by date.

use std::sync::Arc;

use egui::{Color32, RichText, ScrollArea, Ui};

use crate::index::dates::DateOrder;
use crate::index::grid::ClusterGrid;
use crate::index::{EventKey, WorldRect};
use crate::library::filter::{Cursor, Passing};
use crate::library::{EventRef, Library};
use crate::map::style::kind_icon_ui;
use crate::model::{Mode, PartyKind, TimePrecision, shorten};

use super::Action;
use super::long_text::{MESSAGE_CHARS, NAME_CHARS, TITLE_CHARS, clipped_label};

/// "at the named place", "near it", "in the wider region".
pub fn geo_precision_label(p: u8) -> &'static str {
    match p {
        1 => "at this place",
        2 => "near it or part of it",
        _ => "somewhere in this region",
    }
}

/// "Why newsmap thinks so": the words each part of an extracted event rests on, each a link to
/// them in the source text, and how the place was chosen.
fn why_ui(ui: &mut Ui, ev: EventRef<'_>, actions: &mut Vec<Action>) {
    let e = ev.event;
    let (Some(why), Some(a)) = (&e.why, ev.article()) else {
        return;
    };
    ui.add_space(6.0);
    ui.label(RichText::new("Why newsmap thinks so").strong())
        .on_hover_text("The words of the article each part of this event was read from");
    egui::Grid::new("event-why")
        .num_columns(2)
        .spacing([8.0, 3.0])
        .show(ui, |ui| {
            let mut row = |ui: &mut Ui,
                           what: &str,
                           span: Option<crate::model::Span>,
                           note: Option<String>| {
                let Some(span) = span else { return };
                ui.weak(what);
                ui.vertical(|ui| {
                    let words = a.slice(span);
                    let r = ui
                        .link(RichText::new(format!("“{words}”")).italics())
                        .on_hover_text("Show these words in the source text");
                    if r.clicked() {
                        actions.push(Action::OpenSource {
                            dataset: ev.key.dataset,
                            article: a.id.clone(),
                            focus: Some(span),
                        });
                    }
                    if let Some(n) = note {
                        ui.weak(n);
                    }
                });
                ui.end_row();
            };
            row(
                ui,
                "What happened",
                Some(why.trigger),
                Some(format!(
                    "names {} ({})",
                    e.kind.label().to_lowercase(),
                    e.kind.code()
                )),
            );
            row(ui, "Who acted", why.actor, why.actor_note.clone());
            row(ui, "To whom", why.target, None);
            row(ui, "Where", why.place, why.place_note.clone());
            // The date's own words, or how a date was chosen when the sentence gives none.
            match (e.date.as_ref().and_then(|d| d.phrase), &why.date_note) {
                (Some(phrase), note) => row(ui, "Date", Some(phrase), note.clone()),
                (None, Some(note)) => {
                    ui.weak("Date");
                    ui.weak(note);
                    ui.end_row();
                }
                (None, None) => {}
            }
            if e.main {
                ui.weak("Main event");
                ui.weak("the headline and first paragraph report it");
                ui.end_row();
            }
        });
}

/// Details of one event.
pub fn event_details_ui(ui: &mut Ui, ev: EventRef<'_>, actions: &mut Vec<Action>) {
    let e = ev.event;
    ui.horizontal_wrapped(|ui| {
        kind_icon_ui(ui, e.kind);
        ui.label(RichText::new(e.kind.label()).strong());
        ui.weak(format!("({})", e.kind.code()));
        if let Some(m) = e.mode {
            ui.label(
                RichText::new(m.label())
                    .italics()
                    .color(ui.visuals().warn_fg_color),
            )
            .on_hover_text(match m {
                Mode::Hypothetical => "Conditional: it depends on something that has not happened",
                Mode::Negated => "Reported as not happening",
                Mode::Future => "Announced or planned",
            });
        }
    });
    ui.add_space(2.0);
    clipped_label(
        ui,
        &e.title,
        TITLE_CHARS,
        |t| RichText::new(t).heading().size(17.0),
        "Event title",
        actions,
    );
    ui.horizontal_wrapped(|ui| {
        if e.extracted {
            let conf = e
                .confidence
                .map(|c| format!(" · confidence {:.0}%", c * 100.0))
                .unwrap_or_default();
            ui.label(
                RichText::new(format!("extracted automatically{conf}"))
                    .small()
                    .color(ui.visuals().warn_fg_color),
            );
        } else {
            ui.label(RichText::new("reviewed by a person").small().weak());
        }
        ui.label(
            RichText::new(format!("· {}", shorten(&ev.ds.name, NAME_CHARS)))
                .small()
                .weak(),
        );
    });
    ui.separator();

    egui::Grid::new("event-facts")
        .num_columns(2)
        .spacing([8.0, 4.0])
        .show(ui, |ui| {
            ui.weak("When");
            ui.vertical(|ui| {
                ui.label(RichText::new(ev.date_label()).strong());
                if let Some(d) = &e.date {
                    let p = d.precision();
                    let what = match p {
                        TimePrecision::Open if d.start.is_none() && d.end.is_some() => {
                            "the text gives no start; it happened by this date".to_owned()
                        }
                        TimePrecision::Open => "open-ended".to_owned(),
                        other => other.label().to_owned(),
                    };
                    ui.weak(what);
                    if let (Some(ph), Some(a)) = (d.phrase, ev.article()) {
                        ui.label(
                            RichText::new(format!("“{}”", a.slice(ph)))
                                .italics()
                                .small(),
                        );
                    }
                }
            });
            ui.end_row();
            ui.weak("Where");
            ui.vertical(|ui| match ev.place() {
                Some(p) => {
                    ui.horizontal(|ui| {
                        ui.label(RichText::new(shorten(&p.name, NAME_CHARS)).strong());
                        ui.weak(p.kind.label());
                    });
                    if let Some(g) = ev.ds.data.geo_precision(e, &ev.ds.ids) {
                        ui.weak(format!("{} (precision {g} of 3)", geo_precision_label(g)));
                    }
                    if ui.small_button("Centre map here").clicked() {
                        actions.push(Action::SelectAndCenter(ev.key));
                    }
                }
                None => {
                    ui.weak("not on the map: the text names no place for it");
                }
            });
            ui.end_row();
        });

    why_ui(ui, ev, actions);

    let parties: Vec<_> = ev.parties().collect();
    if !parties.is_empty() {
        ui.add_space(6.0);
        ui.label(RichText::new(format!("Parties ({})", parties.len())).strong());
        for kind in [
            PartyKind::Person,
            PartyKind::State,
            PartyKind::Organization,
            PartyKind::Group,
        ] {
            for p in parties.iter().filter(|p| p.kind == kind) {
                ui.horizontal_wrapped(|ui| {
                    let name = shorten(&p.name, NAME_CHARS);
                    let r = ui
                        .link(name.as_ref())
                        .on_hover_text(format!("Show only events with {name}"));
                    if r.clicked() {
                        actions.push(Action::FilterParty(Some(p.name.clone())));
                    }
                    let mut extra = vec![p.kind.label().to_owned()];
                    if e.actors.contains(&p.id) {
                        extra.insert(0, "acted".to_owned());
                    } else if e.targets.contains(&p.id) {
                        extra.insert(0, "acted on".to_owned());
                    }
                    if let Some(role) = &p.role {
                        extra.push(shorten(role, NAME_CHARS).into_owned());
                    }
                    if let Some(c) = &p.country {
                        extra.push(c.clone());
                    }
                    if !extra.is_empty() {
                        ui.weak(extra.join(" · "));
                    }
                });
            }
        }
    }

    let quotes: Vec<_> = ev.quotes().collect();
    if !quotes.is_empty() {
        ui.add_space(6.0);
        ui.label(RichText::new(format!("Quotes ({})", quotes.len())).strong());
        for q in quotes {
            let speaker = q
                .speaker
                .as_ref()
                .and_then(|s| ev.ds.ids.parties.get(s))
                .map(|&i| shorten(&ev.ds.data.parties[i].name, NAME_CHARS).into_owned())
                .unwrap_or_else(|| "unattributed".to_owned());
            egui::Frame::new()
                .inner_margin(6.0)
                .corner_radius(4.0)
                .fill(ui.visuals().faint_bg_color)
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.label(RichText::new(format!("{speaker}:")).small().strong());
                    clipped_label(
                        ui,
                        &q.text,
                        MESSAGE_CHARS,
                        |t| RichText::new(format!("“{t}”")).italics(),
                        "Quote",
                        actions,
                    );
                    if ui
                        .small_button("Show in source")
                        .on_hover_text("Open the article at this quote")
                        .clicked()
                    {
                        actions.push(Action::OpenSource {
                            dataset: ev.key.dataset,
                            article: q.article.clone(),
                            focus: Some(q.span()),
                        });
                    }
                });
        }
    }

    reports_ui(ui, ev, actions);

    if let Some(a) = ev.article() {
        ui.add_space(6.0);
        ui.label(RichText::new("Evidence").strong());
        for evd in &e.evidence {
            let text = a.slice(evd.span());
            clipped_label(
                ui,
                text,
                MESSAGE_CHARS,
                |t| RichText::new(t).small(),
                "Evidence",
                actions,
            );
        }
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            if ui.button("Open source text").clicked() {
                let focus = e.evidence.first().map(|x| x.span());
                actions.push(Action::OpenSource {
                    dataset: ev.key.dataset,
                    article: a.id.clone(),
                    focus,
                });
            }
            if ui.button("Back to list").clicked() {
                actions.push(Action::Select(None));
            }
        });
        ui.weak(format!(
            "{} · {}",
            shorten(&a.title, TITLE_CHARS),
            shorten(&a.source, NAME_CHARS)
        ));
    }
}

/// "Reported by 3 sources": each article that reports the event, what it called it, why it was
/// joined, and buttons to read it or split it off when the join was wrong.
fn reports_ui(ui: &mut Ui, ev: EventRef<'_>, actions: &mut Vec<Action>) {
    let reports = &ev.event.reports;
    if reports.len() < 2 {
        return;
    }
    ui.add_space(6.0);
    ui.label(RichText::new(format!("Reported by {} sources", reports.len())).strong());
    for (i, r) in reports.iter().enumerate() {
        let article = ev
            .ds
            .ids
            .articles
            .get(&r.article)
            .map(|&a| &ev.ds.data.articles[a]);
        egui::Frame::new()
            .inner_margin(6.0)
            .corner_radius(4.0)
            .fill(ui.visuals().faint_bg_color)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                if let Some(a) = article {
                    let day = a.published.map(|d| d.to_string()).unwrap_or_default();
                    ui.label(
                        RichText::new(format!(
                            "{} · {day}",
                            shorten(&a.source, NAME_CHARS)
                        ))
                        .small()
                        .strong(),
                    );
                    ui.label(RichText::new(shorten(&a.title, TITLE_CHARS)).small());
                }
                ui.label(RichText::new(format!("“{}”", shorten(&r.title, TITLE_CHARS))).italics());
                match &r.merged {
                    Some(why) => ui.weak(format!("Joined: {}", shorten(why, MESSAGE_CHARS))),
                    None => ui.weak("First report"),
                };
                ui.horizontal(|ui| {
                    if article.is_some()
                        && ui
                            .small_button("Read")
                            .on_hover_text("Open this article's text")
                            .clicked()
                    {
                        actions.push(Action::OpenSource {
                            dataset: ev.key.dataset,
                            article: r.article.clone(),
                            focus: None,
                        });
                    }
                    if i > 0
                        && ui
                            .small_button(format!("Split off report {}", i + 1))
                            .on_hover_text(
                                "Not the same event: make this article's report an event of its own",
                            )
                            .clicked()
                    {
                        actions.push(Action::SplitReport {
                            event: ev.key,
                            article: r.article.clone(),
                        });
                    }
                });
            });
    }
}

/// Shown events in date order, split by whether they have a place. The date order comes with
/// the library's table (sorted once per data change, on the indexing worker); filters flip a flag per event in that order (a date change only
/// the flags its log names), and the list is the flagged events in view, collected from the
/// part of the order the date range covers. Frames that change neither (hover, idle
/// repaints) do no per-event work.
#[derive(Default)]
pub struct ListCache {
    /// The library table's date order (built with the table, off the UI thread).
    order: Arc<DateOrder>,
    /// Per rank: passes the filters.
    shown_by_rank: Vec<bool>,
    cursor: Option<Cursor>,
    /// (filters, view, level of the grid counted from) the count is for.
    in_view_key: Option<(Cursor, Option<WorldRect>, Option<u8>)>,
    /// The date order's rank ranges the date range reaches.
    ranges: Vec<(usize, usize)>,
    /// How many shown events are in view.
    in_view_count: usize,
    /// True when `in_view_count` is estimated (see [`EDGE_MEMBERS_PER_FRAME`]).
    in_view_approx: bool,
    /// The first of them by date (all of them once `complete`).
    in_view: Vec<u32>,
    /// Where scanning for more stopped: (index in `ranges`, next rank).
    scan: (usize, usize),
    complete: bool,
    no_place: Vec<u32>,
}

impl ListCache {
    /// Takes the flags a worker computed for a new table's order (`shown_by_rank[r]`: does the
    /// `r`-th event by date pass), as of `cursor`, so the frame that shows it does no pass.
    pub fn adopt(&mut self, order: Arc<DateOrder>, shown_by_rank: Vec<bool>, cursor: Cursor) {
        self.order = order;
        self.shown_by_rank = shown_by_rank;
        self.cursor = Some(cursor);
        self.in_view_key = None;
    }

    fn update(&mut self, lib: &Library, passing: &Passing) {
        if !Arc::ptr_eq(&self.order, &lib.table.order) {
            self.order = Arc::clone(&lib.table.order);
            self.cursor = None;
            self.in_view_key = None;
        }
        match passing.since(self.cursor) {
            Some(flips) => {
                for &(i, now) in flips {
                    self.shown_by_rank[self.order.rank_of[i as usize] as usize] = now;
                }
            }
            None => {
                let shown = passing.shown();
                self.shown_by_rank.clear();
                self.shown_by_rank.extend(
                    self.order
                        .by_date
                        .iter()
                        .map(|&i| shown.get(i as usize).copied().unwrap_or(false)),
                );
            }
        }
        self.cursor = Some(passing.cursor());
    }

    /// Refreshes the count of shown events inside `view` (all placed ones for `None`) and
    /// those with no place. The count comes from the map's cluster cells — whole cells inside
    /// the view, members tested only in the cells on its edge — and when few are in view, so
    /// do the events; otherwise rows are found later, as far as the list is scrolled.
    fn update_in_view(
        &mut self,
        lib: &Library,
        passing: &Passing,
        view: Option<WorldRect>,
        grid: Option<&ClusterGrid>,
    ) {
        // The grid's level too: a stand-in grid's estimate is redone when the view's own lands.
        let key = (passing.cursor(), view, grid.map(|g| g.level));
        if self.in_view_key == Some(key) {
            return;
        }
        let cursor_moved = self.in_view_key.is_none_or(|k| k.0 != key.0);
        self.in_view_key = Some(key);
        if cursor_moved {
            self.refresh_ranges(lib, passing);
        }
        self.in_view.clear();
        self.scan = (0, 0);
        self.complete = false;
        let items = &lib.table.items;
        self.in_view_approx = false;
        let (Some(v), Some(g)) = (view, grid) else {
            self.in_view_count = passing.count() - self.no_place.len();
            return;
        };
        let world = |i: u32| items[i as usize].world.unwrap_or([f64::NAN; 2]);
        let cw = g.cell_world;
        let eps = cw * 1e-9;
        let inside = |x: u32, y: u32| {
            let (x0, y0) = (x as f64 * cw, y as f64 * cw);
            x0 > v.min[0] + eps
                && y0 > v.min[1] + eps
                && x0 + cw < v.max[0] - eps
                && y0 + cw < v.max[1] - eps
        };
        // Count first: whole cells inside add their counts, edge cells' members are tested
        // (and kept, in case few are in view).
        let mut count = 0usize;
        let mut members = Vec::new();
        let mut edge_hits = Vec::new();
        let mut tested = 0usize;
        let mut estimated = 0.0f64;
        self.in_view_approx = false;
        for cell in g.cells_in(&v) {
            if cell.count == 0 {
                continue;
            }
            if inside(cell.x, cell.y) {
                count += cell.count as usize;
            } else if tested + cell.total as usize > EDGE_MEMBERS_PER_FRAME {
                // Too many to test in one frame (a coarse grid standing in while the view's
                // own is built, at ten million events): the share of the cell in view.
                let (x0, y0) = (cell.x as f64 * cw, cell.y as f64 * cw);
                let wx = (v.max[0].min(x0 + cw) - v.min[0].max(x0)).max(0.0);
                let wy = (v.max[1].min(y0 + cw) - v.min[1].max(y0)).max(0.0);
                estimated += cell.count as f64 * (wx * wy) / (cw * cw);
                self.in_view_approx = true;
            } else {
                tested += cell.total as usize;
                members.clear();
                g.passing_members(cell, &mut members);
                edge_hits.extend(members.iter().copied().filter(|&i| v.contains(world(i))));
            }
        }
        count += edge_hits.len() + estimated.round() as usize;
        self.in_view_count = count;
        if count <= FEW_IN_VIEW && !self.in_view_approx {
            self.in_view = edge_hits;
            for cell in g.cells_in(&v) {
                if cell.count > 0 && inside(cell.x, cell.y) {
                    g.passing_members(cell, &mut self.in_view);
                }
            }
            let rank = &self.order.rank_of;
            self.in_view.sort_unstable_by_key(|&i| rank[i as usize]);
            self.complete = true;
        }
    }

    /// The parts of the date order the date range can reach, and the events with no place.
    fn refresh_ranges(&mut self, lib: &Library, passing: &Passing) {
        let items = &lib.table.items;
        let (from, to) = passing.days();
        let order = &self.order.by_date;
        let lo_day = from.saturating_sub(lib.table.dates.max_span());
        let lo = order
            .partition_point(|&i| items[i as usize].first_day < lo_day)
            .max(self.order.open_start);
        let hi = order
            .partition_point(|&i| items[i as usize].first_day <= to)
            .max(lo);
        self.ranges.clear();
        self.ranges.push((0, self.order.open_start));
        // Open ends that start before the window still meet it.
        self.ranges.extend(
            self.order
                .open_end
                .iter()
                .map(|&r| r as usize)
                .take_while(|&r| r < lo)
                .map(|r| (r, r + 1)),
        );
        self.ranges.push((lo, hi));
        self.no_place.clear();
        for &r in &self.order.unplaced {
            let r = r as usize;
            // The flag already holds the date range's answer.
            if self.shown_by_rank[r] {
                self.no_place.push(order[r]);
            }
        }
    }

    /// Makes sure the first `n` events in view are known, scanning the date order from where
    /// the last call stopped.
    fn fill_to(&mut self, n: usize) {
        if self.complete {
            return;
        }
        let view = self.in_view_key.and_then(|k| k.1);
        while self.in_view.len() < n {
            let Some(&(a, b)) = self.ranges.get(self.scan.0) else {
                self.complete = true;
                return;
            };
            let r = self.scan.1.max(a);
            if r >= b {
                self.scan = (self.scan.0 + 1, 0);
                continue;
            }
            self.scan.1 = r + 1;
            if self.shown_by_rank[r]
                && let Some(w) = self.order.points[r]
                && view.is_none_or(|v| v.contains(w))
            {
                self.in_view.push(self.order.by_date[r]);
            }
        }
    }
}

/// Members of the cells on the view's edge tested one by one per frame; past this the rest are
/// estimated by the share of each cell in view, and the count is shown as approximate.
const EDGE_MEMBERS_PER_FRAME: usize = 50_000;

/// Up to this many events in view are collected from the map's cells and sorted at once; more
/// are found by scanning the date order only as far as the list shows.
const FEW_IN_VIEW: usize = 20_000;

/// The events in view (and the dated ones without a place), by date; a click selects.
pub fn event_list_ui(
    ui: &mut Ui,
    lib: &Library,
    passing: &Passing,
    cache: &mut ListCache,
    view: Option<WorldRect>,
    grid: Option<&ClusterGrid>,
    actions: &mut Vec<Action>,
) {
    cache.update(lib, passing);
    let items = &lib.table.items;
    cache.update_in_view(lib, passing, view, grid);
    let count = cache.in_view_count;
    let about = if cache.in_view_approx { "≈" } else { "" };
    ui.label(RichText::new(format!("Events in view ({about}{count})")).strong());
    if count == 0 {
        ui.weak("No events in view. Zoom out, pan, or clear filters.");
    }
    let no_place_len = cache.no_place.len();
    let row_h = ui.spacing().interact_size.y + 2.0;
    let list_h = (ui.available_height() - if no_place_len == 0 { 0.0 } else { 160.0 }).max(120.0);
    ScrollArea::vertical()
        .id_salt("in-view")
        .max_height(list_h)
        .auto_shrink([false, true])
        .show_rows(ui, row_h, count, |ui, range| {
            cache.fill_to(range.end);
            let end = range.end.min(cache.in_view.len());
            for &i in &cache.in_view[range.start.min(end)..end] {
                event_row_ui(ui, lib, items[i as usize].key, actions);
            }
        });
    if no_place_len > 0 {
        let no_place = &cache.no_place;
        ui.separator();
        ui.label(RichText::new(format!("Not on the map ({})", no_place.len())).strong())
            .on_hover_text("Events whose text names no place");
        ScrollArea::vertical()
            .id_salt("no-place")
            .auto_shrink([false, true])
            .show_rows(ui, row_h, no_place.len(), |ui, range| {
                for &i in &no_place[range] {
                    event_row_ui(ui, lib, items[i as usize].key, actions);
                }
            });
    }
}

/// One list row: kind icon, date and title, truncated to the panel's width; a click selects.
fn event_row_ui(ui: &mut Ui, lib: &Library, key: EventKey, actions: &mut Vec<Action>) {
    let Some(ev) = lib.event(key) else { return };
    let height = ui.spacing().interact_size.y;
    let (rect, resp) = ui.allocate_exact_size(
        egui::vec2(ui.available_width(), height),
        egui::Sense::click(),
    );
    let title = shorten(&ev.event.title, TITLE_CHARS).into_owned();
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, &title));
    if resp.hovered() {
        ui.painter()
            .rect_filled(rect, 3.0, ui.visuals().widgets.hovered.weak_bg_fill);
    }
    let mut child = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(rect.shrink2(egui::vec2(4.0, 0.0)))
            .layout(egui::Layout::left_to_right(egui::Align::Center)),
    );
    kind_icon_ui(&mut child, ev.event.kind);
    // Painted, not labels: the row itself is the one accessible node, named by the title.
    let text_left = child.cursor().min.x + 4.0;
    let date = ui.painter().layout_no_wrap(
        ev.date_label(),
        egui::FontId::monospace(11.0),
        Color32::GRAY,
    );
    let date_w = date.size().x;
    ui.painter().galley(
        egui::pos2(text_left, rect.center().y - date.size().y / 2.0),
        date,
        Color32::GRAY,
    );
    let mut job = egui::text::LayoutJob::single_section(
        title.clone(),
        egui::TextFormat {
            font_id: egui::FontId::proportional(13.0),
            color: ui.visuals().text_color(),
            ..Default::default()
        },
    );
    job.wrap = egui::text::TextWrapping {
        max_width: (rect.right() - text_left - date_w - 12.0).max(20.0),
        max_rows: 1,
        break_anywhere: true,
        overflow_character: Some('…'),
    };
    let title_galley = ui.painter().layout_job(job);
    let title_y = rect.center().y - title_galley.size().y / 2.0;
    ui.painter().galley(
        egui::pos2(text_left + date_w + 8.0, title_y),
        title_galley,
        ui.visuals().text_color(),
    );
    let resp = resp.on_hover_text(format!("{title} · {}", ev.event.kind.label()));
    if resp.clicked() {
        actions.push(Action::SelectAndCenter(key));
    }
}
