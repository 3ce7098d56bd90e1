//! The bottom strip: a zoomable time axis with a histogram of events, a bar per dated event,
//! a draggable date range with handles, From/To fields, presets and playback.

use egui::accesskit::Role;
use egui::{
    Align2, Color32, CursorIcon, FontId, Pos2, Rect, Sense, Stroke, TextEdit, Ui, WidgetInfo, pos2,
    vec2,
};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::index::EventKey;
use crate::library::Library;
use crate::library::filter::{Cursor, Filter, Passing};
use crate::map::style::kind_color;
use crate::model::{date_from_day_number, day_number};

use super::Action;

/// Playback speeds offered, in days per second.
pub const SPEEDS: [(f64, &str); 5] = [
    (1.0, "1 day/s"),
    (7.0, "1 week/s"),
    (30.0, "1 month/s"),
    (365.0, "1 year/s"),
    (3650.0, "10 years/s"),
];

/// Above this many dated events in view the strip draws only the histogram.
const MAX_BARS: usize = 1500;

/// The timeline's app state: the axis and playback. It persists (but for playback) and changes
/// only through [`Action::Timeline`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TimelineState {
    /// Visible time range in day numbers; `None` = fit to the data.
    pub view: Option<(f64, f64)>,
    /// Days per second while playing.
    pub speed: f64,
    /// Playing?
    #[serde(skip)]
    pub playing: bool,
    /// Playback position in (fractional) day numbers, so slow speeds still move.
    #[serde(skip)]
    pub play_pos: Option<f64>,
}

/// A change to [`TimelineState`].
#[derive(Clone, Debug, PartialEq)]
pub enum TimelineChange {
    /// Show this range of day numbers on the axis.
    View(f64, f64),
    /// Fit the axis to the data.
    Fit,
    /// Start or stop playback.
    Playing(bool),
    /// Playback speed in days per second.
    Speed(f64),
    /// Where playback is (`None`: at the filter's start).
    PlayPosition(Option<f64>),
}

impl TimelineState {
    /// The state with an axis and a speed the widget can draw: a NaN, reversed or absurd view
    /// (a damaged session) fits to the data again; a speed that is not a positive number is the
    /// default.
    pub fn sanitized(self) -> Self {
        // Day numbers from 1900 BC to AD 5000 or so: anything wider is no axis a person set.
        const DAYS: f64 = 1_200_000.0;
        let view = self
            .view
            .filter(|&(a, b)| a.is_finite() && b.is_finite() && a < b && a > -DAYS && b < DAYS);
        let speed = if self.speed.is_finite() && self.speed > 0.0 && self.speed < DAYS {
            self.speed
        } else {
            Self::default().speed
        };
        Self {
            view,
            speed,
            ..self
        }
    }

    /// Applies a change (called by the app's `apply`).
    pub fn change(&mut self, c: TimelineChange, lib: &Library) {
        match c {
            TimelineChange::View(a, b) => self.view = Some((a, b)),
            TimelineChange::Fit => self.view = fit_view(lib),
            TimelineChange::Playing(p) => {
                self.playing = p;
                if !p {
                    self.play_pos = None;
                }
            }
            TimelineChange::Speed(v) => self.speed = v,
            TimelineChange::PlayPosition(p) => self.play_pos = p,
        }
    }
}

/// What the strip widget keeps between frames: text being typed, a drag in progress, and the
/// histogram cache. Not app state: nothing else reads it.
#[derive(Clone, Debug, Default)]
pub struct TimelineWidget {
    from_text: Option<String>,
    to_text: Option<String>,
    from_error: Option<String>,
    to_error: Option<String>,
    drag: Option<Drag>,
    strip_cache: Option<StripCache>,
}

/// The histogram and bar extents for one axis view and filter state.
#[derive(Clone, Debug)]
struct StripCache {
    /// (filter generation, axis start, axis end, bins).
    key: (u64, u64, u64, usize),
    /// How far the date log has been replayed.
    cursor: Cursor,
    t0: f64,
    t1: f64,
    stub: f64,
    counts: Vec<i32>,
    /// Shown dated events drawn on the axis (`bars` holds them while they are few).
    on_axis: usize,
    /// (item, start, end) in days; at most `MAX_BARS + 1` (more means: too many to draw).
    bars: Vec<(usize, f64, f64)>,
    /// True when `bars` is behind `on_axis` and must be collected again.
    bars_stale: bool,
}

/// Where an item sits on the strip: its drawn extent and the days it counts in (open ends as
/// a stub at the bounded end, counted only there: spreading it over centuries would claim a
/// knowledge the text does not give), or `None` when it is undated or off the axis.
fn strip_extent(first: i32, last: i32, t0: f64, t1: f64, stub: f64) -> Option<[f64; 4]> {
    if first == i32::MIN && last == i32::MAX {
        return None;
    }
    let (a, b) = match (first, last) {
        (i32::MIN, l) => (l as f64 + 1.0 - stub, l as f64 + 1.0),
        (f, i32::MAX) => (f as f64, f as f64 + stub),
        (f, l) => (f as f64, l as f64 + 1.0),
    };
    if b < t0 || a > t1 {
        return None;
    }
    let (ha, hb) = match (first, last) {
        (i32::MIN, l) => (l as f64, l as f64 + 1.0),
        (f, i32::MAX) => (f as f64, f as f64 + 1.0),
        _ => (a, b),
    };
    Some([a, b, ha, hb])
}

/// The shown items whose range meets `days`, in table order (bars keep it, as they always have:
/// ties in the lanes follow it). A narrow range is looked up by day; a wide one is a pass.
fn shown_meeting(lib: &Library, shown: &[bool], days: (i32, i32)) -> Vec<u32> {
    let dates = &lib.table.dates;
    let n = lib.table.items.len();
    if dates.meeting_cost(days.0, days.1) > n / 4 {
        let items = &lib.table.items;
        return (0..n as u32)
            .filter(|&i| shown[i as usize] && items[i as usize].meets_days(days.0, days.1))
            .collect();
    }
    let mut items: Vec<u32> = dates
        .meeting(days.0, days.1)
        .filter(|&i| shown[i as usize])
        .collect();
    items.sort_unstable();
    items
}

impl StripCache {
    /// Histogram over pixel bins, so ranges count in every bin they meet, from the filters'
    /// per-day counts (a pass over days, never over events); bars are collected later, and
    /// only when few are on the axis.
    fn build(
        passing: &Passing,
        t0: f64,
        t1: f64,
        bins: usize,
        stub: f64,
        key: (u64, u64, u64, usize),
    ) -> Self {
        let mut cache = Self {
            key,
            cursor: passing.cursor(),
            t0,
            t1,
            stub,
            counts: vec![0; bins],
            on_axis: 0,
            bars: Vec::new(),
            bars_stale: true,
        };
        cache.recount(passing);
        cache
    }

    /// The bins' counts and the number on the axis, again from the per-day counts.
    fn recount(&mut self, passing: &Passing) {
        let prefix = passing.day_counts().prefix();
        let bins = self.counts.len();
        let w = (self.t1 - self.t0) / bins as f64;
        for (b, c) in self.counts.iter_mut().enumerate() {
            let start = self.t0 + b as f64 * w;
            *c = prefix.meeting(start, start + w).min(i32::MAX as u64) as i32;
        }
        self.on_axis = prefix.meeting(self.t0, self.t1) as usize;
        self.cursor = passing.cursor();
        self.bars_stale = true;
    }

    /// The bars again, once few enough are on the axis to draw; looks only at the events in
    /// both the date range and the axis.
    fn refresh_bars(&mut self, lib: &Library, passing: &Passing) {
        if !self.bars_stale {
            return;
        }
        self.bars_stale = false;
        self.bars.clear();
        if self.on_axis > MAX_BARS {
            // Too many to draw: the length alone says so.
            self.bars.resize(MAX_BARS + 1, (0, 0.0, 0.0));
            return;
        }
        let (from, to) = passing.days();
        let shown = passing.shown();
        let dates = &lib.table.dates;
        // Whichever window holds fewer events: the date range, or the axis (widened by the
        // stubs open ends are drawn with).
        let axis = (
            (self.t0 - self.stub).floor() as i32 - 1,
            (self.t1 + self.stub).ceil() as i32 + 1,
        );
        let window = if dates.meeting_cost(axis.0, axis.1) < dates.meeting_cost(from, to) {
            axis
        } else {
            (from, to)
        };
        for i in shown_meeting(lib, shown, window) {
            let it = &lib.table.items[i as usize];
            if let Some(e) = strip_extent(it.first_day, it.last_day, self.t0, self.t1, self.stub) {
                self.bars.push((i as usize, e[0], e[1]));
            }
        }
    }
}

impl Default for TimelineState {
    fn default() -> Self {
        Self {
            view: None,
            speed: 7.0,
            playing: false,
            play_pos: None,
        }
    }
}

/// What a drag on the strip is doing.
#[derive(Clone, Copy, Debug)]
enum Drag {
    /// Brushing a new range from this day.
    Brush(f64),
    /// Moving the From handle.
    From,
    /// Moving the To handle.
    To,
    /// Moving the whole range; the offset of the grab point from From, in days.
    Move(f64),
    /// Panning the axis.
    Pan,
}

/// The span of days the loaded data covers (bounded ends only), as day numbers.
pub fn data_extent(lib: &Library) -> Option<(i32, i32)> {
    lib.table.dates.extent()
}

/// A filter's dates for a preset: the last `days` days of the data.
pub fn last_days(lib: &Library, days: i32) -> Option<(Date, Date)> {
    let (_, hi) = data_extent(lib)?;
    Some((
        date_from_day_number(hi - days + 1),
        date_from_day_number(hi),
    ))
}

fn parse_field(s: &str) -> Result<Option<Date>, String> {
    if s.trim().is_empty() {
        return Ok(None);
    }
    crate::model::parse_day(s)
        .map(Some)
        .map_err(|e| e.to_string())
}

/// The axis range that shows all of the data, with a margin.
fn fit_view(lib: &Library) -> Option<(f64, f64)> {
    data_extent(lib).map(|(lo, hi)| {
        let pad = ((hi - lo) as f64 * 0.03).max(3.0);
        (lo as f64 - pad, hi as f64 + 1.0 + pad)
    })
}

/// Playback by `dt` seconds: the window keeps its width and slides forward; at the end of the
/// data playback stops.
fn playback_step(state: &TimelineState, lib: &Library, filter: &Filter, dt: f64) -> Vec<Action> {
    let Some((lo, hi)) = data_extent(lib) else {
        return vec![Action::Timeline(TimelineChange::Playing(false))];
    };
    let (from, to) = match (filter.from, filter.to) {
        (Some(f), Some(t)) => (day_number(f) as f64, day_number(t) as f64),
        _ => (
            lo as f64,
            lo as f64 + (((hi - lo) as f64) / 20.0).max(6.0).floor(),
        ),
    };
    // Whole days in the filter, fractional progress here, so slow speeds still move.
    let pos = match state.play_pos {
        Some(p) if p.floor() == from => p,
        _ => from,
    } + state.speed * dt;
    if pos > hi as f64 {
        return vec![Action::Timeline(TimelineChange::Playing(false))];
    }
    let mut out = vec![Action::Timeline(TimelineChange::PlayPosition(Some(pos)))];
    let start = pos.floor();
    if start != from || filter.from.is_none() {
        out.push(Action::SetDates(
            Some(date_from_day_number(start as i32)),
            Some(date_from_day_number((start + (to - from)) as i32)),
        ));
    }
    out
}

impl TimelineWidget {
    /// Forgets typed text so the fields show the filter again (after an outside change).
    pub fn sync_fields(&mut self) {
        self.from_text = None;
        self.to_text = None;
        self.from_error = None;
        self.to_error = None;
    }

    /// Shows the strip; returns what the user asked for.
    #[allow(clippy::too_many_arguments)]
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        state: &TimelineState,
        lib: &Library,
        filter: &Filter,
        passing: &Passing,
        selected: Option<EventKey>,
    ) -> Vec<Action> {
        let mut actions = Vec::new();
        // Without a saved axis the strip shows all of the data.
        let view = state.view.or_else(|| fit_view(lib));
        if state.playing {
            let dt = ui.input(|i| i.stable_dt).min(0.1) as f64;
            actions.extend(playback_step(state, lib, filter, dt));
            ui.ctx().request_repaint();
        }
        ui.horizontal(|ui| {
            self.date_field_ui(ui, "From", filter.from, true, filter, &mut actions);
            self.date_field_ui(ui, "To", filter.to, false, filter, &mut actions);
            ui.separator();
            if ui.button("All").on_hover_text("Show every date").clicked() {
                actions.push(Action::SetDates(None, None));
            }
            for (days, label) in [(7, "Last 7 days"), (30, "Last 30 days"), (365, "Last year")] {
                if ui
                    .button(label)
                    .on_hover_text("The last days of the data")
                    .clicked()
                    && let Some((a, b)) = last_days(lib, days)
                {
                    actions.push(Action::SetDates(Some(a), Some(b)));
                }
            }
            ui.separator();
            if ui
                .button(if state.playing { "Pause" } else { "Play" })
                .on_hover_text("Move the date range through time")
                .clicked()
            {
                actions.push(Action::Timeline(TimelineChange::Playing(!state.playing)));
            }
            egui::ComboBox::from_label("Speed")
                .selected_text(
                    SPEEDS
                        .iter()
                        .find(|s| s.0 == state.speed)
                        .map_or("speed", |s| s.1),
                )
                .show_ui(ui, |ui| {
                    for (v, l) in SPEEDS {
                        if ui.selectable_label(state.speed == v, l).clicked() {
                            actions.push(Action::Timeline(TimelineChange::Speed(v)));
                        }
                    }
                });
            ui.separator();
            if ui
                .button("Fit timeline")
                .on_hover_text("Show all dates on the axis")
                .clicked()
            {
                actions.push(Action::Timeline(TimelineChange::Fit));
            }
            if filter.has_dates() && ui.button("Zoom to range").clicked() {
                let f = filter
                    .from
                    .map_or(view.map_or(0.0, |v| v.0), |d| day_number(d) as f64);
                let t = filter
                    .to
                    .map_or(view.map_or(1.0, |v| v.1), |d| day_number(d) as f64 + 1.0);
                let pad = ((t - f) * 0.1).max(2.0);
                actions.push(Action::Timeline(TimelineChange::View(f - pad, t + pad)));
            }
        });
        for e in [&self.from_error, &self.to_error].into_iter().flatten() {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        self.strip_ui(ui, view, lib, filter, passing, selected, &mut actions);
        actions
    }

    fn date_field_ui(
        &mut self,
        ui: &mut Ui,
        label: &str,
        value: Option<Date>,
        is_from: bool,
        filter: &Filter,
        actions: &mut Vec<Action>,
    ) {
        let lbl = ui.label(label);
        let (text_slot, err_slot) = if is_from {
            (&mut self.from_text, &mut self.from_error)
        } else {
            (&mut self.to_text, &mut self.to_error)
        };
        let mut text = text_slot
            .clone()
            .unwrap_or_else(|| value.map(|d| d.to_string()).unwrap_or_default());
        let edit = TextEdit::singleline(&mut text)
            .hint_text("YYYY-MM-DD")
            .desired_width(86.0);
        let resp = ui.add(edit).labelled_by(lbl.id);
        if resp.changed() {
            *text_slot = Some(text.clone());
        }
        let commit = resp.lost_focus()
            || (resp.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)));
        if commit && text_slot.is_some() {
            match parse_field(&text) {
                Ok(d) => {
                    *err_slot = None;
                    *text_slot = None;
                    let (from, to) = if is_from {
                        (d, filter.to)
                    } else {
                        (filter.from, d)
                    };
                    if let (Some(f), Some(t)) = (from, to)
                        && f > t
                    {
                        *err_slot = Some(format!("{label}: {} is after {}", f, t));
                        *text_slot = Some(text);
                        return;
                    }
                    actions.push(Action::SetDates(from, to));
                }
                Err(e) => *err_slot = Some(format!("{label}: {e}")),
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn strip_ui(
        &mut self,
        ui: &mut Ui,
        view: Option<(f64, f64)>,
        lib: &Library,
        filter: &Filter,
        passing: &Passing,
        selected: Option<EventKey>,
        actions: &mut Vec<Action>,
    ) {
        let height = ui.available_height().max(70.0);
        let (rect, resp) =
            ui.allocate_exact_size(vec2(ui.available_width(), height), Sense::click_and_drag());
        resp.widget_info(|| WidgetInfo::labeled(Role::Canvas, true, "Timeline"));
        let Some((t0, t1)) = view else {
            ui.painter().text(
                rect.center(),
                Align2::CENTER_CENTER,
                "No dated events",
                FontId::proportional(13.0),
                ui.visuals().weak_text_color(),
            );
            return;
        };
        let visuals = ui.visuals().clone();
        let painter = ui.painter().with_clip_rect(rect);
        painter.rect_filled(rect, 2.0, visuals.extreme_bg_color);
        let axis_h = 18.0;
        let width = rect.width() as f64;
        let x_of = |t: f64| rect.left() + ((t - t0) / (t1 - t0) * width) as f32;
        let t_of = |x: f32| t0 + (x - rect.left()) as f64 / width * (t1 - t0);

        // Zoom with the wheel around the pointer; pan with horizontal scroll or by dragging the axis.
        if resp.hovered() {
            let (scroll, zoom) = ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta()));
            let factor = if zoom != 1.0 {
                1.0 / zoom as f64
            } else {
                (-scroll.y as f64 / 200.0).exp()
            };
            if let Some(p) = resp.hover_pos()
                && (factor - 1.0).abs() > 1e-4
            {
                let c = t_of(p.x);
                let (mut a, mut b) = (c - (c - t0) * factor, c + (t1 - c) * factor);
                if b - a < 3.0 {
                    let mid = (a + b) / 2.0;
                    (a, b) = (mid - 1.5, mid + 1.5);
                }
                if b - a > 366.0 * 1000.0 {
                    return;
                }
                actions.push(Action::Timeline(TimelineChange::View(a, b)));
            }
            if scroll.x != 0.0 {
                let dt = -scroll.x as f64 / width * (t1 - t0);
                actions.push(Action::Timeline(TimelineChange::View(t0 + dt, t1 + dt)));
            }
        }

        paint_axis(&painter, rect, axis_h, t0, t1, &x_of, &visuals);

        let bins = (rect.width() / 3.0).max(1.0) as usize;
        let key = (passing.generation(), t0.to_bits(), t1.to_bits(), bins);
        match self.strip_cache.as_mut() {
            Some(c) if c.key == key => {
                if c.cursor != passing.cursor() {
                    c.recount(passing);
                }
            }
            _ => {
                self.strip_cache = Some(StripCache::build(
                    passing,
                    t0,
                    t1,
                    bins,
                    36.0 / width * (t1 - t0),
                    key,
                ));
            }
        }
        let cache = self.strip_cache.as_mut().expect("built above");
        cache.refresh_bars(lib, passing);
        let cache = &*cache;
        let counts = &cache.counts;
        let mut bars = cache.bars.clone();
        // Too many events for bars: the histogram takes the whole strip, so years of news
        // still show their ups and downs instead of a flat band.
        let hist_h = if bars.len() > MAX_BARS {
            (rect.height() - axis_h - 6.0).max(26.0)
        } else {
            26.0
        };
        let max = counts.iter().copied().max().unwrap_or(0).max(1) as f32;
        let hist_top = rect.top() + 2.0;
        let bin_w = rect.width() / bins as f32;
        for (b, &c) in counts.iter().enumerate() {
            if c > 0 {
                let h = (c as f32 / max).sqrt() * hist_h;
                let x = rect.left() + b as f32 * bin_w;
                painter.rect_filled(
                    Rect::from_min_max(
                        pos2(x, hist_top + hist_h - h),
                        pos2(x + bin_w, hist_top + hist_h),
                    ),
                    0.0,
                    visuals.selection.bg_fill.gamma_multiply(0.8),
                );
            }
        }

        // Bars in lanes, when few enough to read.
        let lanes_top = hist_top + hist_h + 4.0;
        let lanes_bottom = rect.bottom() - axis_h - 2.0;
        if bars.len() <= MAX_BARS {
            bars.sort_by(|x, y| x.1.total_cmp(&y.1));
            let lane_h = 7.0f32;
            let n_lanes = (((lanes_bottom - lanes_top) / (lane_h + 2.0)).floor() as usize).max(1);
            let mut lane_end = vec![f32::MIN; n_lanes];
            for &(i, a, b) in &bars {
                let it = &lib.table.items[i];
                let xa = x_of(a);
                let xb = x_of(b).max(xa + 4.0);
                let lane = lane_end
                    .iter()
                    .position(|&e| e + 2.0 <= xa)
                    .unwrap_or_else(|| {
                        // All lanes busy: reuse the one that frees first.
                        lane_end
                            .iter()
                            .enumerate()
                            .min_by(|p, q| p.1.total_cmp(q.1))
                            .map_or(0, |p| p.0)
                    });
                lane_end[lane] = xb;
                let y = lanes_top + lane as f32 * (lane_h + 2.0);
                let r = Rect::from_min_max(pos2(xa, y), pos2(xb, y + lane_h));
                let color = kind_color(it.kind);
                let is_sel = selected == Some(it.key);
                painter.rect_filled(
                    r,
                    2.0,
                    if is_sel {
                        color
                    } else {
                        color.gamma_multiply(0.75)
                    },
                );
                if it.first_day == i32::MIN {
                    // Open start: an arrow pointing into the unknown past.
                    let c = pos2(xa + 4.0, y + lane_h / 2.0);
                    painter.add(egui::Shape::convex_polygon(
                        vec![c + vec2(-3.0, 0.0), c + vec2(2.0, -3.0), c + vec2(2.0, 3.0)],
                        Color32::WHITE,
                        Stroke::NONE,
                    ));
                }
                if is_sel {
                    painter.rect_stroke(
                        r.expand(1.5),
                        2.0,
                        Stroke::new(2.0, Color32::from_rgb(255, 210, 0)),
                        egui::StrokeKind::Outside,
                    );
                }
                let hit = ui.interact(
                    r.expand2(vec2(0.0, 1.0)),
                    ui.scope_id().with(("timeline-bar", it.key)),
                    Sense::click(),
                );
                if let Some(ev) = lib.event(it.key) {
                    let label = format!("Timeline: {}", ev.marker_label());
                    hit.widget_info(|| WidgetInfo::labeled(Role::Button, true, &label));
                    let hit = hit.on_hover_text(ev.marker_label());
                    if hit.clicked() {
                        actions.push(Action::SelectAndCenter(it.key));
                    }
                }
            }
        }

        // The date filter: a shaded range with two handles.
        let sel = match (filter.from, filter.to) {
            (None, None) => None,
            (f, t) => Some((
                f.map_or(t0.min(t1 - 1.0), |d| day_number(d) as f64),
                t.map_or(t1, |d| day_number(d) as f64 + 1.0),
            )),
        };
        let handle_w = 8.0;
        if let Some((a, b)) = sel {
            let (xa, xb) = (x_of(a), x_of(b));
            let band = Rect::from_min_max(pos2(xa, rect.top()), pos2(xb, rect.bottom() - axis_h));
            painter.rect_filled(band, 0.0, visuals.selection.bg_fill.gamma_multiply(0.25));
            for x in [xa, xb] {
                painter.rect_filled(
                    Rect::from_center_size(pos2(x, band.center().y), vec2(4.0, band.height())),
                    1.0,
                    visuals.selection.stroke.color,
                );
            }
        }

        // Drags: on a handle resizes, inside the range moves it, on the axis pans, elsewhere brushes.
        let pointer = resp.interact_pointer_pos();
        if resp.drag_started()
            && let Some(p) = pointer
        {
            let on_axis = p.y > rect.bottom() - axis_h;
            self.drag = Some(match sel {
                _ if on_axis => Drag::Pan,
                Some((a, _)) if (p.x - x_of(a)).abs() <= handle_w => Drag::From,
                Some((_, b)) if (p.x - x_of(b)).abs() <= handle_w => Drag::To,
                Some((a, b)) if p.x > x_of(a) && p.x < x_of(b) => Drag::Move(t_of(p.x) - a),
                _ => Drag::Brush(t_of(p.x)),
            });
        }
        if let Some(p) = pointer
            && let Some((a, b)) = sel
            && ((p.x - x_of(a)).abs() <= handle_w || (p.x - x_of(b)).abs() <= handle_w)
        {
            ui.ctx().set_cursor_icon(CursorIcon::ResizeHorizontal);
        }
        if resp.dragged()
            && let (Some(p), Some(drag)) = (pointer, self.drag)
        {
            let t = t_of(p.x);
            let day = |t: f64| date_from_day_number(t.floor() as i32);
            match (drag, sel) {
                (Drag::Pan, _) => {
                    let dt = -resp.drag_delta().x as f64 / width * (t1 - t0);
                    actions.push(Action::Timeline(TimelineChange::View(t0 + dt, t1 + dt)));
                }
                (Drag::Brush(start), _) => {
                    let (a, b) = if t < start { (t, start) } else { (start, t) };
                    actions.push(Action::SetDates(Some(day(a)), Some(day(b))));
                }
                (Drag::From, Some((_, b))) => {
                    actions.push(Action::SetDates(Some(day(t.min(b - 1.0))), filter.to))
                }
                (Drag::To, Some((a, _))) => actions.push(Action::SetDates(
                    filter.from,
                    Some(day(t.max(a + 1.0) - 1.0)),
                )),
                (Drag::Move(offset), Some((a, b))) => {
                    let na = t - offset;
                    actions.push(Action::SetDates(
                        Some(day(na)),
                        Some(day(na + (b - a) - 1.0)),
                    ));
                }
                _ => {}
            }
        }
        if resp.drag_stopped() {
            self.drag = None;
        }
        if let Some(p) = resp.hover_pos() {
            let label = date_from_day_number(t_of(p.x).floor() as i32);
            painter.line_segment(
                [pos2(p.x, rect.top()), pos2(p.x, rect.bottom() - axis_h)],
                Stroke::new(1.0, visuals.weak_text_color().gamma_multiply(0.5)),
            );
            painter.text(
                pos2(p.x + 4.0, rect.top() + 2.0),
                Align2::LEFT_TOP,
                label.to_string(),
                FontId::proportional(10.0),
                visuals.text_color(),
            );
        }
        if sel.is_none() && resp.hovered() {
            painter.text(
                pos2(rect.right() - 6.0, rect.top() + 2.0),
                Align2::RIGHT_TOP,
                "drag to pick dates · wheel to zoom · drag the axis to pan",
                FontId::proportional(10.0),
                visuals.weak_text_color(),
            );
        }
    }
}

/// The least room a tick label gets, in points: the widest label ("Sep 2022") at the axis's
/// 10-point font is ≈45 points wide.
const MIN_TICK_GAP_PX: f64 = 70.0;

/// How far apart ticks are.
#[derive(Clone, Copy, Debug, PartialEq)]
enum TickStep {
    Days(i32),
    Months(i32),
    Years(i32),
}

impl TickStep {
    /// Its shortest length in days, so ticks are never closer than this.
    fn min_days(self) -> f64 {
        match self {
            TickStep::Days(n) => n as f64,
            TickStep::Months(n) => n as f64 * 28.0,
            TickStep::Years(n) => n as f64 * 365.0,
        }
    }
}

/// Every step the axis may use, finest first: days, then months, then years, so a span of a
/// few weeks reads "14 Nov", a year or two "Mar 2022" and a decade of news "2016", "2018".
const TICK_STEPS: [TickStep; 21] = [
    TickStep::Days(1),
    TickStep::Days(2),
    TickStep::Days(7),
    TickStep::Days(14),
    TickStep::Months(1),
    TickStep::Months(2),
    TickStep::Months(3),
    TickStep::Months(6),
    TickStep::Years(1),
    TickStep::Years(2),
    TickStep::Years(5),
    TickStep::Years(10),
    TickStep::Years(20),
    TickStep::Years(25),
    TickStep::Years(50),
    TickStep::Years(100),
    TickStep::Years(200),
    TickStep::Years(500),
    TickStep::Years(1000),
    TickStep::Years(2000),
    TickStep::Years(5000),
];

/// Tick positions (day numbers) and labels for an axis showing days `t0..t1` over `width_px`
/// points: the finest step whose ticks stay [`MIN_TICK_GAP_PX`] apart, so labels never overlap
/// however many years the axis spans.
fn axis_ticks(t0: f64, t1: f64, width_px: f64) -> Vec<(f64, String)> {
    let mut out = Vec::new();
    if !t0.is_finite() || !t1.is_finite() || t1 <= t0 || width_px < 1.0 {
        return out;
    }
    let min_gap_days = (t1 - t0) / width_px * MIN_TICK_GAP_PX;
    let step = TICK_STEPS
        .into_iter()
        .find(|s| s.min_days() >= min_gap_days)
        .unwrap_or(TickStep::Years(10_000));
    let d0 = date_from_day_number(t0.floor() as i32);
    let d1 = date_from_day_number(t1.ceil() as i32);
    match step {
        TickStep::Years(step) => {
            let mut year = (d0.year() as i32).div_euclid(step) * step;
            while year <= d1.year() as i32 {
                if let Ok(d) = Date::new(year as i16, 1, 1) {
                    out.push((day_number(d) as f64, year.to_string()));
                }
                year += step;
            }
        }
        TickStep::Months(step) => {
            let mut m = (d0.year() as i32) * 12 + (d0.month() as i32 - 1);
            m -= m.rem_euclid(step);
            while m <= (d1.year() as i32) * 12 + d1.month() as i32 {
                if let Ok(d) = Date::new(m.div_euclid(12) as i16, (m.rem_euclid(12) + 1) as i8, 1) {
                    let label = if d.month() == 1 {
                        d.year().to_string()
                    } else {
                        d.strftime("%b %Y").to_string()
                    };
                    out.push((day_number(d) as f64, label));
                }
                m += step;
            }
        }
        TickStep::Days(step) => {
            let mut t = t0.floor() as i32;
            if step == 7 || step == 14 {
                t -= (t + 3).rem_euclid(7); // Mondays
            }
            while (t as f64) <= t1 {
                let d = date_from_day_number(t);
                out.push((t as f64, d.strftime("%-d %b").to_string()));
                t += step;
            }
        }
    }
    out
}

/// The axis line, its ticks and their labels.
fn paint_axis(
    painter: &egui::Painter,
    rect: Rect,
    axis_h: f32,
    t0: f64,
    t1: f64,
    x_of: &dyn Fn(f64) -> f32,
    visuals: &egui::Visuals,
) {
    let y = rect.bottom() - axis_h;
    painter.line_segment(
        [pos2(rect.left(), y), pos2(rect.right(), y)],
        Stroke::new(1.0, visuals.weak_text_color()),
    );
    let color = visuals.text_color();
    let font = FontId::proportional(10.0);
    for (t, label) in axis_ticks(t0, t1, rect.width() as f64) {
        let x = x_of(t);
        painter.line_segment([pos2(x, y), pos2(x, y + 4.0)], Stroke::new(1.0, color));
        painter.text(
            Pos2::new(x + 2.0, y + 4.0),
            Align2::LEFT_TOP,
            label,
            font.clone(),
            color,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> f64 {
        day_number(s.parse().unwrap()) as f64
    }

    /// Over spans from a week to a century, on narrow and wide strips, ticks stay far enough
    /// apart for their labels.
    #[test]
    fn tick_labels_never_crowd() {
        let t0 = day("2000-01-01");
        for width in [300.0, 640.0, 1024.0, 1400.0, 2560.0] {
            for span in [
                7.0, 30.0, 90.0, 200.0, 365.0, 800.0, 1500.0, 2500.0, 9131.0, 40000.0,
            ] {
                let ticks = axis_ticks(t0, t0 + span, width);
                assert!(!ticks.is_empty(), "{span} days at {width}");
                for pair in ticks.windows(2) {
                    let gap_px = (pair[1].0 - pair[0].0) / span * width;
                    assert!(
                        gap_px >= MIN_TICK_GAP_PX,
                        "{span} days at {width} px: {:?} and {:?} are {gap_px:.0} px apart",
                        pair[0].1,
                        pair[1].1
                    );
                    // ≈6 points a character at the axis's 10-point font.
                    assert!(pair[0].1.chars().count() as f64 * 6.0 < gap_px);
                }
            }
        }
    }

    /// Years of news are labelled by year, a season by month, a fortnight by day.
    #[test]
    fn labels_follow_the_span() {
        let years = axis_ticks(day("2000-01-01"), day("2024-12-31"), 1400.0);
        assert!(
            years
                .iter()
                .all(|(_, l)| l.len() == 4 && l.parse::<i32>().is_ok()),
            "{years:?}"
        );
        assert!(years.iter().any(|(_, l)| l == "2010"), "{years:?}");
        let months = axis_ticks(day("2022-01-01"), day("2022-12-31"), 1400.0);
        assert!(months.iter().any(|(_, l)| l == "Mar 2022"), "{months:?}");
        let days = axis_ticks(day("2022-11-01"), day("2022-11-15"), 1400.0);
        assert!(days.iter().any(|(_, l)| l == "13 Nov"), "{days:?}");
        assert!(axis_ticks(5.0, 5.0, 1400.0).is_empty());
        assert!(axis_ticks(f64::NAN, 5.0, 1400.0).is_empty());
    }
}
