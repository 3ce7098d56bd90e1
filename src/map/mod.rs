//! The map: walkers handles pan and zoom; we paint the offline basemap, place geometries
//! (lines, areas) and event markers, and report clicks as [`MapAction`]s for the app to apply.

pub mod basemap;
pub mod style;
pub mod tiles;

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::sync::mpsc::Receiver;

use egui::accesskit::Role;
use egui::{
    Align2, Color32, FontId, Mesh, Pos2, Rect, Sense, Shape, Stroke, Ui, UiBuilder, Vec2,
    WidgetInfo, pos2, vec2,
};
use walkers::{Map, MapMemory, lon_lat};

use crate::index::EventKey;
use crate::index::grid::{ClusterGrid, GridDates};
use crate::index::layout::{CellId, LayoutParams, Placed, layout};
use crate::index::projection::{
    ScreenFromWorld, WorldRect, fit_zoom, lonlat_from_world, world_from_lonlat,
};
use crate::index::shapes::WorldShape;
use crate::library::Library;
use crate::library::filter::{Cursor, Passing};
use basemap::{BasemapLayer, BasemapStyle};
use style::{MarkerAtlas, kind_color, kind_shape};

/// Closest zoom "Fit to events" goes to, so one event does not land at street level.
pub const FIT_MAX_ZOOM: f64 = 7.0;
/// Deepest zoom the map allows (the basemap is 1:50m; tiles, when on, go further).
pub const MAX_ZOOM: f64 = 18.0;
const MARKER_PX: f32 = 16.0;
/// Zoom levels whose cluster grids stay cached around the current one.
const MAX_CACHED_LEVELS: u8 = 4;
/// From this many events on, a zoom level's grid is built off the UI thread (it takes tens of
/// milliseconds at a million).
const ASYNC_GRID_ITEMS: usize = 200_000;

/// What the map needs to know each frame.
pub struct MapInput<'a> {
    /// Everything loaded.
    pub lib: &'a Library,
    /// Which items of `lib.table` pass the current filters, with the log of date flips the
    /// cached grids replay.
    pub passing: &'a Passing,
    /// The selected event.
    pub selected: Option<EventKey>,
    /// Dark theme?
    pub dark: bool,
    /// Show country names on the basemap.
    pub show_labels: bool,
    /// Counts per grid cell from a team server at low zoom (drawn instead of markers).
    pub cells: &'a [crate::library::server::Cell],
}

/// What happened on the map this frame.
#[derive(Clone, Debug, PartialEq)]
pub enum MapAction {
    /// A marker was clicked.
    Select(EventKey),
    /// Empty map was clicked.
    ClearSelection,
}

/// A camera move asked for during a frame, applied at the start of the next.
#[derive(Clone, Copy, Debug, PartialEq)]
enum ViewChange {
    To(ViewTarget),
    Fit,
}

/// Where the camera should go.
#[derive(Clone, Copy, Debug, PartialEq)]
struct ViewTarget {
    center: [f64; 2],
    zoom: f64,
}

/// The zoom level [`MapView::fit_rect`] shows `b` at in a map of `size` points.
pub fn fit_level(b: &WorldRect, size: [f32; 2]) -> u8 {
    let (_, zoom) = fit_zoom(b, size, 60.0, FIT_MAX_ZOOM);
    zoom.floor().clamp(0.0, 24.0) as u8
}

/// A grid of a level this much finer than the one on screen is not drawn in its place: its
/// cells would be far too many badges (a coarser one's are merely few).
const STAND_IN_LEVELS: u8 = 2;

/// The map's state between frames.
pub struct MapView {
    /// walkers' pan/zoom state.
    pub memory: MapMemory,
    basemap: BasemapLayer,
    atlas: Option<MarkerAtlas>,
    /// Grids of the zoom levels seen since the last filter generation, each with how far it
    /// has replayed the date log.
    grids: HashMap<u8, (ClusterGrid, Cursor)>,
    grid_revision: Option<u64>,
    /// A grid being built on a worker thread: (library revision, level, grid, cursor).
    pending: Option<Receiver<(u64, u8, ClusterGrid, Cursor)>>,
    /// Grids of an old filter state, whose buffers the next grids reuse.
    spare_grids: Vec<ClusterGrid>,
    /// Cells the user expanded (fanned out) at the current zoom level.
    pub expanded: HashSet<CellId>,
    placed: Vec<Placed>,
    /// Shown while the first grid of a large library's new revision is built off the thread.
    empty_grid: ClusterGrid,
    pending_view: Option<ViewTarget>,
    /// Fit to the events on the next frame (when the map's size is known).
    pub fit_requested: bool,
    /// Online tiles over the basemap, when the user turned them on.
    pub online: Option<tiles::OnlineTiles>,
    /// A window floating over the map (screen points), which fits keep the events beside
    /// rather than under; the app sets it every frame.
    pub covered: Option<egui::Rect>,
    last_size: [f32; 2],
    last_visible: Option<WorldRect>,
}

impl Default for MapView {
    fn default() -> Self {
        Self {
            memory: MapMemory::default(),
            basemap: BasemapLayer::default(),
            atlas: None,
            grids: HashMap::new(),
            grid_revision: None,
            pending: None,
            spare_grids: Vec::new(),
            expanded: HashSet::new(),
            placed: Vec::new(),
            empty_grid: ClusterGrid::default(),
            pending_view: None,
            fit_requested: true,
            online: None,
            covered: None,
            last_size: [800.0, 600.0],
            last_visible: None,
        }
    }
}

/// The widest part of `map` beside a window `covered` lays over it: its width and how far its
/// centre is east of the map's, in points. `None` when nothing covers the map, or what is left
/// beside the window is too narrow to show events in (then they are fitted to the whole map).
pub fn free_strip(map: egui::Rect, covered: Option<egui::Rect>) -> Option<(f32, f32)> {
    let c = covered?;
    if !c.intersects(map) {
        return None;
    }
    let left = (c.left() - map.left()).max(0.0);
    let right = (map.right() - c.right()).max(0.0);
    let (width, center_x) = if left >= right {
        (left, map.left() + left / 2.0)
    } else {
        (right, map.right() - right / 2.0)
    };
    (width >= 0.3 * map.width() && width >= 200.0).then(|| (width, center_x - map.center().x))
}

impl MapView {
    /// Current zoom level.
    pub fn zoom(&self) -> f64 {
        self.memory.zoom()
    }

    /// The world rectangle shown in the last frame.
    pub fn visible(&self) -> Option<WorldRect> {
        self.last_visible
    }

    /// Pans by screen points (positive x moves the view east).
    pub fn pan_by(&mut self, dx: f32, dy: f32) {
        let Some([lon, lat]) = self.center_lonlat() else {
            return;
        };
        let c = world_from_lonlat(lon, lat);
        let scale = crate::index::projection::scale_at_zoom(self.zoom());
        self.set_view(
            [
                (c[0] + dx as f64 / scale).clamp(0.0, 1.0),
                (c[1] + dy as f64 / scale).clamp(0.0, 1.0),
            ],
            self.zoom(),
        );
    }

    /// Zooms by `dz` levels around the centre.
    pub fn zoom_by(&mut self, dz: f64) {
        let Some([lon, lat]) = self.center_lonlat() else {
            return;
        };
        self.set_view(
            world_from_lonlat(lon, lat),
            (self.zoom() + dz).clamp(0.0, MAX_ZOOM),
        );
    }

    /// Centres on a lon/lat, zooming in to at least `min_zoom`.
    pub fn center_on_lonlat(&mut self, lon: f64, lat: f64, min_zoom: f64) {
        let z = self.zoom().max(min_zoom);
        self.set_view(world_from_lonlat(lon, lat), z);
    }

    /// Current centre as (lon, lat), if the map has been placed.
    pub fn center_lonlat(&self) -> Option<[f64; 2]> {
        self.memory.detached().map(|p| [p.x(), p.y()])
    }

    /// Moves the camera to `center` (world coordinates) at `zoom`.
    pub fn set_view(&mut self, center: [f64; 2], zoom: f64) {
        let [lon, lat] = lonlat_from_world(center);
        self.memory.center_at(lon_lat(lon, lat));
        let zoom = zoom.clamp(0.0, MAX_ZOOM);
        // Clamped to the range walkers accepts, so this cannot fail.
        self.memory.set_zoom(zoom).unwrap_or(());
        // What the next frame will show: panels drawn before the map in this frame (the list
        // of events in view) read the new view, not the one it left, which after a fit to new
        // data may cut through its largest clusters.
        if self.last_visible.is_some() {
            let [w, h] = self.last_size;
            self.last_visible =
                Some(ScreenFromWorld::new(center, zoom, [w / 2.0, h / 2.0]).visible([w, h]));
        }
    }

    /// Centres on an event without changing zoom (zooming in first if the world view is too far out).
    pub fn center_on(&mut self, lib: &Library, key: EventKey) {
        let Some(w) = lib
            .table
            .position_of(key)
            .and_then(|i| lib.table.items[i].world)
        else {
            return;
        };
        let zoom = self.zoom().max(3.0);
        self.set_view(w, zoom);
    }

    /// Fits the given items' positions into the view (e.g. a dataset just added).
    pub fn fit_items(&mut self, lib: &Library, items: impl IntoIterator<Item = u32>) {
        if let Some(b) = lib.table.bounds(items) {
            self.fit_rect(&b);
        }
    }

    /// Builds the basemap's zoom bands on a worker thread (the window does this at start), so
    /// no zoom or fit stops a frame to simplify and triangulate the world's coastlines.
    pub fn prepare_basemap(&self) {
        self.basemap.prepare_in_background();
    }

    /// The map's size in points, as of the last frame.
    pub fn size(&self) -> [f32; 2] {
        self.last_size
    }

    /// Fits a world rectangle into the view.
    pub fn fit_rect(&mut self, b: &WorldRect) {
        let (center, zoom) = fit_zoom(b, self.last_size, 60.0, FIT_MAX_ZOOM);
        self.set_view(center, zoom);
        self.fit_requested = false;
    }

    /// Fits the shown events (and their lines and areas) into the view.
    pub fn fit(&mut self, input: &MapInput, size: [f32; 2]) {
        self.fit_shifted(input, size, 0.0);
    }

    /// Fits the shown events into a strip `size` wide whose centre is `shift_px` points east of
    /// the map's centre (the part of the map a window leaves free).
    fn fit_shifted(&mut self, input: &MapInput, size: [f32; 2], shift_px: f32) {
        let table = &input.lib.table;
        let points = table
            .items
            .iter()
            .zip(input.passing.shown())
            .filter(|(_, s)| **s)
            .filter_map(|(it, _)| it.world);
        let mut bounds = WorldRect::bounding(points);
        for (item, shape) in input.lib.table.shapes.iter() {
            if input.passing.shown()[*item]
                && let Some(b) = shape.bounds
            {
                bounds = Some(match bounds {
                    Some(r) => {
                        WorldRect::bounding([r.min, r.max, b.min, b.max]).expect("non-empty")
                    }
                    None => b,
                });
            }
        }
        match bounds {
            Some(b) => {
                let (mut center, zoom) = fit_zoom(&b, size, 60.0, FIT_MAX_ZOOM);
                // The camera looks at the map's centre; the events go to the strip's.
                center[0] -= shift_px as f64 / crate::index::projection::scale_at_zoom(zoom);
                self.set_view(center, zoom);
            }
            None => self.set_view([0.5, 0.45], 1.0),
        }
        self.expanded.clear();
    }

    /// The cluster grid of the zoom level last drawn, brought up to date with `passing`: the
    /// side panel counts and lists the events in view from its cells.
    pub fn current_grid(&mut self, lib: &Library, passing: &Passing) -> Option<&ClusterGrid> {
        self.last_visible?;
        let level = (self.memory.zoom().floor().clamp(0.0, 24.0)) as u8;
        Some(self.grid(lib, passing, level))
    }

    fn grid(&mut self, lib: &Library, passing: &Passing, level: u8) -> &ClusterGrid {
        let table = &lib.table;
        let revision = lib.revision;
        if self.grid_revision != Some(revision) {
            self.spare_grids
                .extend(self.grids.drain().map(|(_, g)| g.0));
            self.grid_revision = Some(revision);
        }
        if let Some(p) = &self.pending
            && let Ok((rev, l, grid, cursor)) = p.try_recv()
        {
            self.pending = None;
            if rev == revision {
                self.grids.insert(l, (grid, cursor));
            }
        }
        // Grids catch up by replaying the date flips; those of an older generation are stale,
        // and their buffers serve the new ones.
        let levels: Vec<u8> = self.grids.keys().copied().collect();
        for l in levels {
            let Some((mut g, c)) = self.grids.remove(&l) else {
                continue;
            };
            match passing.since(Some(c)) {
                Some(flips) => {
                    for &(item, now) in flips {
                        if let Some(w) = table.items[item as usize].world {
                            g.update(w, now);
                        }
                    }
                    g.days = passing.days();
                    self.grids.insert(l, (g, passing.cursor()));
                }
                None => self.spare_grids.push(g),
            }
        }
        if !self.grids.contains_key(&level)
            && table.items.len() >= ASYNC_GRID_ITEMS
            && let Some(&nearest) = self
                .grids
                .keys()
                .filter(|&&l| l <= level || l - level <= STAND_IN_LEVELS)
                .min_by_key(|l| l.abs_diff(level))
        {
            // A big library: the new level's grid is built on a worker thread while the
            // nearest level's stays on screen.
            if self.pending.is_none() {
                self.spawn_grid(lib, passing, level);
            }
            return &self.grids[&nearest].0;
        }
        if !self.grids.contains_key(&level) && table.items.len() >= ASYNC_GRID_ITEMS {
            // New data, no grid of it yet: an empty map for the moment it takes, rather than
            // a frame that stops for a whole grid.
            if self.pending.is_none() {
                self.spawn_grid(lib, passing, level);
            }
            self.empty_grid.level = level;
            self.empty_grid.cell_world = crate::index::grid::cell_world_at(level);
            return &self.empty_grid;
        }
        // Levels left behind keep their grids only nearby: each holds every placed event.
        self.grids
            .retain(|l, _| l.abs_diff(level) <= MAX_CACHED_LEVELS / 2 || *l == level);
        self.spare_grids.truncate(2);
        let index = &table.cells;
        let spare = &mut self.spare_grids;
        &self
            .grids
            .entry(level)
            .or_insert_with(|| {
                let mut grid = spare.pop().unwrap_or_default();
                let base = passing.base();
                let shown = passing.shown();
                index.grid_into(
                    level,
                    |i| base.get(i as usize).copied().unwrap_or(false),
                    |i| shown.get(i as usize).copied().unwrap_or(false),
                    Some(GridDates {
                        index: &table.dates,
                        days: passing.days(),
                    }),
                    &mut grid,
                );
                (grid, passing.cursor())
            })
            .0
    }

    /// Builds the grid of `level` on a worker thread, from shared copies of the indexes and of
    /// the filters as they are now; the flips made meanwhile are replayed when it arrives.
    fn spawn_grid(&mut self, lib: &Library, passing: &Passing, level: u8) {
        let index = Arc::clone(&lib.table.cells);
        let dates = Arc::clone(&lib.table.dates);
        let items = Arc::clone(&lib.table.items);
        let base = passing.base_shared();
        let days = passing.days();
        let cursor = passing.cursor();
        let revision = lib.revision;
        let mut grid = self.spare_grids.pop().unwrap_or_default();
        let (tx, rx) = std::sync::mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("newsmap-grid".into())
            .spawn(move || {
                let kept = |i: u32| base.get(i as usize).copied().unwrap_or(false);
                index.grid_into(
                    level,
                    kept,
                    |i| kept(i) && items[i as usize].meets_days(days.0, days.1),
                    Some(GridDates {
                        index: &dates,
                        days,
                    }),
                    &mut grid,
                );
                // The window may have closed meanwhile; nothing waits then.
                let _ = tx.send((revision, level, grid, cursor));
            });
        if spawned.is_ok() {
            self.pending = Some(rx);
        }
    }

    /// The zoom level whose grid the map draws now.
    pub fn level(&self) -> u8 {
        (self.memory.zoom().floor().clamp(0.0, 24.0)) as u8
    }

    /// Takes a grid a worker built for the library at `revision` with the filters at `cursor`
    /// (the app's indexing worker builds the first grid with the table).
    pub fn adopt_grid(&mut self, revision: u64, level: u8, grid: ClusterGrid, cursor: Cursor) {
        if self.grid_revision != Some(revision) {
            self.spare_grids
                .extend(self.grids.drain().map(|(_, g)| g.0));
            self.grid_revision = Some(revision);
        }
        self.grids.insert(level, (grid, cursor));
    }

    /// True while a grid is being built off the UI thread (the map repaints until it lands).
    pub fn is_building(&self) -> bool {
        self.pending.is_some()
    }

    /// Shows the map filling `ui`; returns what the user did.
    pub fn ui(&mut self, ui: &mut Ui, input: &MapInput) -> Vec<MapAction> {
        let size = ui.available_size();
        self.last_size = [size.x, size.y];
        if self.fit_requested {
            self.fit_requested = false;
            match free_strip(ui.available_rect_before_wrap(), self.covered) {
                Some((width, shift_px)) => {
                    self.fit_shifted(input, [width, self.last_size[1]], shift_px)
                }
                None => self.fit(input, self.last_size),
            }
        }
        if let Some(v) = self.pending_view.take() {
            self.set_view(v.center, v.zoom);
        }
        if self.atlas.is_none() {
            self.atlas = Some(MarkerAtlas::new(ui.ctx()));
        }
        let level = (self.memory.zoom().floor().clamp(0.0, 24.0)) as u8;
        self.expanded.retain(|c| c.level == level);
        let selected_cell = input
            .selected
            .and_then(|k| input.lib.table.position_of(k))
            .and_then(|i| {
                let w = input.lib.table.items[i].world?;
                let g = self.grid(input.lib, input.passing, level);
                let cw = g.cell_world;
                Some(CellId {
                    level: g.level,
                    x: (w[0] / cw).floor() as u32,
                    y: (w[1] / cw).floor() as u32,
                })
            });
        // The level on screen: another one's while this one's grid is built off the thread.
        let drawn = self.grid(input.lib, input.passing, level).level;
        if self.pending.is_some() {
            ui.ctx().request_repaint();
        }

        let mut actions = Vec::new();
        let mut new_view = None;
        let style = BasemapStyle::for_dark_mode(input.dark);
        let MapView {
            memory,
            basemap,
            atlas,
            grids,
            expanded,
            placed,
            last_visible,
            online,
            empty_grid,
            ..
        } = self;
        let shapes = &input.lib.table.shapes;
        let grid = grids.get(&drawn).map_or(&*empty_grid, |g| &g.0);
        let atlas = atlas.as_ref().expect("created above");
        let response = Map::new(None, memory, lon_lat(127.0, 36.0))
            .double_click_to_zoom(true)
            .zoom_with_ctrl(false)
            .show(ui, |ui, response, projector, _memory| {
                let rect = response.rect;
                let center = projector.unproject(rect.center().to_vec2());
                let t = ScreenFromWorld::new(
                    world_from_lonlat(center.x(), center.y()),
                    projector.zoom(),
                    [rect.center().x, rect.center().y],
                );
                let painter = ui.painter().with_clip_rect(rect);
                basemap.paint(
                    &painter,
                    rect,
                    &t,
                    &style,
                    input.show_labels && online.is_none(),
                );
                if let Some(online) = online.as_mut() {
                    online.paint(&painter, rect, &t);
                    attribution_ui(ui, rect, online);
                }
                let visible = t.visible([rect.width(), rect.height()]);
                *last_visible = Some(visible);

                paint_shapes(&painter, input, shapes, &t, &visible);

                let mut exp = expanded.clone();
                exp.extend(selected_cell);
                let table = &input.lib.table;
                layout(
                    grid,
                    |i| table.items[i as usize].world.unwrap_or_default(),
                    &t,
                    &visible.expand(MARKER_PX as f64 / t.scale),
                    &exp,
                    LayoutParams {
                        marker_px: MARKER_PX,
                        ..LayoutParams::default()
                    },
                    placed,
                );
                let hits = paint_markers(ui, &painter, input, placed, atlas);
                if let Some(c) = paint_server_cells(ui, &painter, input.cells, &t, &visible) {
                    new_view = Some(ViewChange::To(ViewTarget {
                        center: world_from_lonlat(c.lon, c.lat),
                        zoom: (projector.zoom() + 2.0).min(MAX_ZOOM),
                    }));
                }
                for hit in hits {
                    match hit {
                        Hit::Marker(key) => actions.push(MapAction::Select(key)),
                        Hit::Cluster {
                            cell,
                            same_point,
                            merged,
                        } => {
                            // A merged badge zooms to the cells it stands for.
                            let bounds = merged.or_else(|| {
                                let mut members = Vec::new();
                                if let Some(c) =
                                    grid.cells.iter().find(|c| c.x == cell.x && c.y == cell.y)
                                {
                                    grid.passing_members(c, &mut members);
                                }
                                table.bounds(members.iter().copied())
                            });
                            match bounds {
                                Some(b) if !same_point && projector.zoom() < MAX_ZOOM - 1.0 => {
                                    let (c, z) =
                                        fit_zoom(&b, [rect.width(), rect.height()], 60.0, MAX_ZOOM);
                                    new_view = Some(ViewChange::To(ViewTarget {
                                        center: c,
                                        zoom: z.max(projector.zoom() + 1.0),
                                    }));
                                }
                                _ => {
                                    expanded.insert(cell);
                                }
                            }
                        }
                    }
                }
                zoom_buttons_ui(ui, rect, &mut new_view, &t);
            });
        if response.response.clicked() && actions.is_empty() {
            actions.push(MapAction::ClearSelection);
        }
        match new_view {
            Some(ViewChange::Fit) => self.fit_requested = true,
            Some(ViewChange::To(v)) => self.pending_view = Some(v),
            None => {}
        }
        if new_view.is_some() {
            ui.ctx().request_repaint();
        }
        actions
    }
}

/// What a click hit.
enum Hit {
    Marker(EventKey),
    Cluster {
        cell: CellId,
        same_point: bool,
        merged: Option<WorldRect>,
    },
}

fn paint_shapes(
    painter: &egui::Painter,
    input: &MapInput,
    shapes: &[(usize, WorldShape)],
    t: &ScreenFromWorld,
    visible: &WorldRect,
) {
    for (item, shape) in shapes {
        if !input.passing.shown()[*item] || !shape.bounds.is_some_and(|b| b.intersects(visible)) {
            continue;
        }
        let it = &input.lib.table.items[*item];
        let color = kind_color(it.kind);
        let selected = input.selected == Some(it.key);
        for poly in &shape.polygons {
            if let Some(outer) = poly.first() {
                let pts: Vec<Pos2> = outer.iter().map(|&w| Pos2::from(t.apply(w))).collect();
                painter.add(Shape::closed_line(pts.clone(), Stroke::new(1.5, color)));
                painter.add(area_fill(poly, t, color.gamma_multiply(0.25)));
            }
        }
        let width = if selected { 5.0 } else { 3.0 };
        for line in &shape.lines {
            let pts: Vec<Pos2> = line.iter().map(|&w| Pos2::from(t.apply(w))).collect();
            painter.add(Shape::line(
                pts.clone(),
                Stroke::new(width + 2.5, Color32::from_white_alpha(200)),
            ));
            painter.add(Shape::dashed_line(
                &pts,
                Stroke::new(width, color),
                10.0,
                4.0,
            ));
        }
    }
}

/// A translucent fill for a polygon with holes (triangulated, since egui fills only convex shapes).
fn area_fill(rings: &[Vec<[f64; 2]>], t: &ScreenFromWorld, color: Color32) -> Shape {
    use geo::TriangulateEarcut;
    let to_ls = |r: &Vec<[f64; 2]>| -> geo::LineString<f64> {
        r.iter()
            .map(|&w| {
                let [x, y] = t.apply(w);
                geo::Coord {
                    x: x as f64,
                    y: y as f64,
                }
            })
            .collect()
    };
    let poly = geo::Polygon::new(to_ls(&rings[0]), rings[1..].iter().map(to_ls).collect());
    let tri = poly.earcut_triangles_raw();
    let mut mesh = Mesh::default();
    for v in &tri.vertices {
        mesh.colored_vertex(pos2(v[0] as f32, v[1] as f32), color);
    }
    for c in tri.triangle_indices.chunks_exact(3) {
        mesh.add_triangle(c[0] as u32, c[1] as u32, c[2] as u32);
    }
    Shape::mesh(mesh)
}

fn paint_markers(
    ui: &mut Ui,
    painter: &egui::Painter,
    input: &MapInput,
    placed: &[Placed],
    atlas: &MarkerAtlas,
) -> Vec<Hit> {
    let mut hits = Vec::new();
    let mut mesh = Mesh::with_texture(atlas.texture.id());
    let mut badges = Mesh::with_texture(atlas.disc.id());
    let mut badge_texts: Vec<(Pos2, String)> = Vec::new();
    let mut selected_pos = None;
    let lib = input.lib;
    for p in placed {
        match *p {
            Placed::Marker { item, pos, anchor } => {
                let it = &lib.table.items[item as usize];
                let pos = Pos2::from(pos);
                if let Some(a) = anchor {
                    // Leader line and anchor dot go into the badge mesh (a quad each), under
                    // the markers: tessellating a path per fanned marker cost more than the rest
                    // of a filtered frame.
                    leader_line(&mut badges, Pos2::from(a), pos, Color32::from_gray(90));
                    badges.add_rect_with_uv(
                        Rect::from_center_size(Pos2::from(a), Vec2::splat(5.0)),
                        Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0)),
                        Color32::from_gray(60),
                    );
                }
                let id = ui.scope_id().with(("event-marker", it.key));
                let rect = Rect::from_center_size(pos, Vec2::splat(MARKER_PX + 4.0));
                let resp = ui.interact(rect, id, Sense::click());
                let selected = input.selected == Some(it.key);
                let Some(ev) = lib.event(it.key) else {
                    continue;
                };
                let label = ev.marker_label();
                resp.widget_info(|| WidgetInfo::selected(Role::Button, true, selected, &label));
                let hovered = resp.hovered();
                let size = if selected {
                    MARKER_PX * 1.45
                } else if hovered {
                    MARKER_PX * 1.25
                } else {
                    MARKER_PX
                };
                if selected {
                    selected_pos = Some((pos, size));
                }
                // Extracted events fade with the extractor's doubt; reviewed ones are solid.
                let color = if ev.event.extracted {
                    kind_color(it.kind).gamma_multiply(
                        0.45 + 0.55 * ev.event.confidence.unwrap_or(0.5).clamp(0.0, 1.0),
                    )
                } else {
                    kind_color(it.kind)
                };
                mesh.add_rect_with_uv(
                    Rect::from_center_size(pos, Vec2::splat(size)),
                    atlas.uv(kind_shape(it.kind)),
                    color,
                );
                // How many articles report it, beside the marker's top right.
                let sources = ev.event.reports.len();
                if sources >= 2 {
                    painter.text(
                        pos + Vec2::new(size * 0.45, -size * 0.45),
                        egui::Align2::LEFT_BOTTOM,
                        sources.to_string(),
                        egui::FontId::proportional(11.0),
                        Color32::from_gray(20),
                    );
                }
                let resp = resp.on_hover_ui(|ui| {
                    ui.strong(crate::model::shorten(
                        &ev.event.title,
                        crate::library::LABEL_CHARS,
                    ));
                    ui.label(ev.date_label());
                    let place = ev.place().map_or("no place".into(), |p| {
                        crate::model::shorten(&p.name, crate::library::LABEL_CHARS)
                    });
                    ui.label(format!("{} · {}", ev.event.kind.label(), place));
                    if ev.event.extracted {
                        let conf = ev
                            .event
                            .confidence
                            .map(|c| format!(", confidence {:.0}%", c * 100.0))
                            .unwrap_or_default();
                        ui.weak(format!("extracted automatically{conf}"));
                    }
                });
                if resp.clicked() {
                    hits.push(Hit::Marker(it.key));
                }
            }
            Placed::Cluster {
                cell,
                count,
                pos,
                same_point,
                merged,
            } => {
                let pos = Pos2::from(pos);
                let text = if count >= 10_000 {
                    format!("{}k", count / 1000)
                } else {
                    count.to_string()
                };
                let r = 11.0 + 2.5 * (text.len() as f32);
                let id = ui.scope_id().with(("event-cluster", cell));
                let resp = ui.interact(
                    Rect::from_center_size(pos, Vec2::splat(2.0 * r)),
                    id,
                    Sense::click(),
                );
                let label = format!(
                    "{count} events here — click to {}",
                    if same_point { "expand" } else { "zoom in" }
                );
                resp.widget_info(|| WidgetInfo::labeled(Role::Button, true, &label));
                let fill = if resp.hovered() {
                    Color32::from_rgb(0x22, 0x33, 0x55)
                } else {
                    Color32::from_rgb(0x33, 0x44, 0x66)
                };
                // A white ring (2 pt wide, half outside the fill's edge, as a stroke would be)
                // under the fill: two quads of the disc texture.
                let uv = Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0));
                badges.add_rect_with_uv(
                    Rect::from_center_size(pos, Vec2::splat(2.0 * (r + 1.0))),
                    uv,
                    Color32::WHITE,
                );
                badges.add_rect_with_uv(
                    Rect::from_center_size(pos, Vec2::splat(2.0 * (r - 1.0))),
                    uv,
                    fill,
                );
                badge_texts.push((pos, text));
                let resp = resp.on_hover_text(&label);
                if resp.clicked() {
                    hits.push(Hit::Cluster {
                        cell,
                        same_point,
                        merged,
                    });
                }
            }
        }
    }
    painter.add(Shape::mesh(badges));
    for (pos, text) in badge_texts {
        painter.text(
            pos,
            Align2::CENTER_CENTER,
            text,
            FontId::proportional(12.0),
            Color32::WHITE,
        );
    }
    if let Some((pos, size)) = selected_pos {
        painter.circle_stroke(
            pos,
            size * 0.75,
            Stroke::new(3.0, Color32::from_rgba_unmultiplied(255, 210, 0, 220)),
        );
    }
    painter.add(Shape::mesh(mesh));
    hits
}

/// A team server's counts per grid cell, each a badge at the mean position of its events;
/// returns the cell clicked (the map zooms in on it, where the server sends rows).
fn paint_server_cells(
    ui: &mut Ui,
    painter: &egui::Painter,
    cells: &[crate::library::server::Cell],
    t: &ScreenFromWorld,
    visible: &WorldRect,
) -> Option<crate::library::server::Cell> {
    let mut clicked = None;
    for (i, c) in cells.iter().enumerate() {
        let w = world_from_lonlat(c.lon, c.lat);
        if !visible.contains(w) {
            continue;
        }
        let pos = Pos2::from(t.apply(w));
        let text = match c.count {
            n if n >= 1_000_000 => format!("{:.1}M", n as f64 / 1e6),
            n if n >= 10_000 => format!("{}k", n / 1000),
            n => n.to_string(),
        };
        // Area grows with the count, so a dense region reads as dense.
        let r = 10.0 + 2.0 * (c.count as f32).log10().max(0.0) * 2.0;
        let resp = ui.interact(
            Rect::from_center_size(pos, Vec2::splat(2.0 * r)),
            ui.scope_id().with(("server-cell", i)),
            Sense::click(),
        );
        let label = format!("{} events on the server here — click to zoom in", c.count);
        resp.widget_info(|| WidgetInfo::labeled(Role::Button, true, &label));
        let fill = if resp.hovered() {
            Color32::from_rgba_unmultiplied(0x7a, 0x2e, 0x8e, 230)
        } else {
            Color32::from_rgba_unmultiplied(0x8e, 0x44, 0xad, 200)
        };
        painter.circle_filled(pos, r, fill);
        painter.circle_stroke(pos, r, Stroke::new(1.5, Color32::WHITE));
        painter.text(
            pos,
            Align2::CENTER_CENTER,
            text,
            FontId::proportional(11.0),
            Color32::WHITE,
        );
        if resp.on_hover_text(&label).clicked() {
            clicked = Some(*c);
        }
    }
    clicked
}

/// A 1-point line from `a` to `b` as one quad of the disc texture's opaque centre.
fn leader_line(mesh: &mut Mesh, a: Pos2, b: Pos2, color: Color32) {
    let d = b - a;
    let len = d.length();
    if len < 0.5 {
        return;
    }
    let n = vec2(-d.y, d.x) * (0.5 / len);
    let uv = pos2(0.5, 0.5);
    let i = mesh.vertices.len() as u32;
    for p in [a + n, a - n, b - n, b + n] {
        mesh.vertices
            .push(egui::epaint::Vertex { pos: p, uv, color });
    }
    mesh.add_triangle(i, i + 1, i + 2);
    mesh.add_triangle(i, i + 2, i + 3);
}

/// The tile provider's attribution, bottom right of the map, as its licence requires.
fn attribution_ui(ui: &mut Ui, rect: Rect, online: &tiles::OnlineTiles) {
    let server = online.server();
    let area = Rect::from_min_max(rect.right_bottom() - vec2(260.0, 22.0), rect.right_bottom());
    let mut child = ui.new_child(
        UiBuilder::new()
            .max_rect(area)
            .layout(egui::Layout::right_to_left(egui::Align::Center)),
    );
    egui::Frame::new()
        .fill(Color32::from_white_alpha(200))
        .inner_margin(2.0)
        .show(&mut child, |ui| {
            ui.hyperlink_to(
                egui::RichText::new(server.attribution)
                    .small()
                    .color(Color32::from_gray(30)),
                server.attribution_url,
            );
        });
}

fn zoom_buttons_ui(
    ui: &mut Ui,
    rect: Rect,
    new_view: &mut Option<ViewChange>,
    t: &ScreenFromWorld,
) {
    let area = Rect::from_min_size(rect.right_top() + vec2(-128.0, 8.0), vec2(120.0, 110.0));
    let mut child = ui.new_child(
        UiBuilder::new()
            .max_rect(area)
            .layout(egui::Layout::top_down(egui::Align::Max)),
    );
    let zoom = (t.scale / crate::index::projection::TILE_PX).log2();
    let button = |ui: &mut Ui, text: &str, label: &str| {
        let r = ui.add(
            egui::Button::new(egui::RichText::new(text).size(16.0)).min_size(vec2(30.0, 28.0)),
        );
        r.widget_info(|| WidgetInfo::labeled(Role::Button, true, label));
        r.on_hover_text(label)
    };
    if button(&mut child, "+", "Zoom in").clicked() {
        *new_view = Some(ViewChange::To(ViewTarget {
            center: t.center,
            zoom: (zoom + 1.0).min(MAX_ZOOM),
        }));
    }
    if button(&mut child, "−", "Zoom out").clicked() {
        *new_view = Some(ViewChange::To(ViewTarget {
            center: t.center,
            zoom: (zoom - 1.0).max(0.0),
        }));
    }
    if child.button("Fit to events").clicked() {
        *new_view = Some(ViewChange::Fit);
    }
}

#[cfg(test)]
mod tests {
    use super::free_strip;
    use egui::{Rect, pos2};

    #[test]
    fn fits_go_beside_a_window_over_the_map() {
        let map = Rect::from_min_max(pos2(0.0, 30.0), pos2(1000.0, 800.0));
        assert_eq!(free_strip(map, None), None);
        // A window at the top left leaves the right part: 400 points, centred 300 east.
        let left = Rect::from_min_max(pos2(16.0, 40.0), pos2(600.0, 600.0));
        assert_eq!(free_strip(map, Some(left)), Some((400.0, 300.0)));
        let right = Rect::from_min_max(pos2(500.0, 40.0), pos2(1000.0, 600.0));
        assert_eq!(free_strip(map, Some(right)), Some((500.0, -250.0)));
        // Too little left beside it, or not over the map at all: the whole map.
        let wide = Rect::from_min_max(pos2(100.0, 40.0), pos2(950.0, 600.0));
        assert_eq!(free_strip(map, Some(wide)), None);
        let elsewhere = Rect::from_min_max(pos2(1100.0, 40.0), pos2(1300.0, 600.0));
        assert_eq!(free_strip(map, Some(elsewhere)), None);
    }
}
