//! Indexes over the loaded events: where (world coordinates, an R-tree and per-zoom cluster grids)
//! and when (day numbers). No egui here, so the map's per-frame work is benchmarkable and testable.

pub mod dates;
pub mod grid;
pub mod layout;
pub mod projection;
pub mod shapes;

use rstar::RTree;
use rstar::primitives::GeomWithData;

use crate::model::{Dataset, EventKind, IdMaps, day_number};
pub use projection::{ScreenFromWorld, WorldRect, lonlat_from_world, world_from_lonlat};

/// Which event: dataset number (in load order) and the event's position in it.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct EventKey {
    /// Index of the dataset among those loaded.
    pub dataset: u32,
    /// Index of the event in `Dataset::events`.
    pub event: u32,
}

/// What the indexes keep about one event.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EventItem {
    /// Which event.
    pub key: EventKey,
    /// Web Mercator position of its place, if it has one.
    pub world: Option<[f64; 2]>,
    /// First possible day (day number); `i32::MIN` when unbounded.
    pub first_day: i32,
    /// Last possible day; `i32::MAX` when unbounded.
    pub last_day: i32,
    /// PLOVER kind.
    pub kind: EventKind,
}

impl EventItem {
    /// True when the event's date range meets `[from, to]` (day numbers, inclusive).
    #[inline]
    pub fn meets_days(&self, from: i32, to: i32) -> bool {
        self.first_day <= to && self.last_day >= from
    }

    /// True when the event has no date at all.
    pub fn undated(&self) -> bool {
        self.first_day == i32::MIN && self.last_day == i32::MAX
    }
}

/// Where dataset `di`'s items are in `items` (items are in key order, so a dataset's are one
/// run; empty, at the place it would go, when it has none).
pub fn dataset_items(items: &[EventItem], di: usize) -> std::ops::Range<usize> {
    let start = items.partition_point(|it| (it.key.dataset as usize) < di);
    let end = items.partition_point(|it| (it.key.dataset as usize) <= di);
    start..end
}

/// The parts of a table a worker needs to build the next one (shared, not copied).
#[derive(Clone, Default)]
pub struct TableParts {
    /// The table's items.
    pub items: std::sync::Arc<Vec<EventItem>>,
    /// The table's shapes.
    pub shapes: std::sync::Arc<Vec<(usize, shapes::WorldShape)>>,
}

/// A point in the R-tree: world position plus the item's index in [`EventTable::items`].
pub type IndexedPoint = GeomWithData<[f64; 2], u32>;

/// Every loaded event, flattened, with a spatial index over those that have a place.
#[derive(Default)]
pub struct EventTable {
    /// One entry per event of every dataset (shared with grid builds on worker threads).
    pub items: std::sync::Arc<Vec<EventItem>>,
    /// Bulk-loaded R-tree over the items that have a position.
    pub rtree: RTree<IndexedPoint>,
    /// The items ordered by day, for date ranges (shared with grid builds on worker threads).
    pub dates: std::sync::Arc<dates::DateIndex>,
    /// The list's date order, with ranks (see [`dates::DateOrder`]).
    pub order: std::sync::Arc<dates::DateOrder>,
    /// Every placed item by cell, for every zoom level's cluster grid.
    pub cells: std::sync::Arc<grid::CellIndex>,
    /// (item index, shape) of the events whose place has a line or an area.
    pub shapes: std::sync::Arc<Vec<(usize, shapes::WorldShape)>>,
}

/// Appends (item index, shape) for every event of `ds` whose place has a line or an area, its
/// items starting at `first`.
fn push_shapes(
    out: &mut Vec<(usize, shapes::WorldShape)>,
    first: usize,
    ds: &Dataset,
    ids: &IdMaps,
) {
    if ds.places.iter().all(|p| p.geometry.is_none()) {
        return;
    }
    let mut by_place: std::collections::HashMap<usize, shapes::WorldShape> =
        std::collections::HashMap::new();
    for (ei, ev) in ds.events.iter().enumerate() {
        let Some(&pi) = ev.place.as_ref().and_then(|p| ids.places.get(p)) else {
            continue;
        };
        let Some(g) = &ds.places[pi].geometry else {
            continue;
        };
        let shape = by_place
            .entry(pi)
            .or_insert_with(|| shapes::WorldShape::from_geojson(g));
        if !shape.is_empty() {
            out.push((first + ei, shape.clone()));
        }
    }
}

/// Appends an item for every event of `ds`, as dataset `di`.
fn push_items(items: &mut Vec<EventItem>, di: usize, ds: &Dataset, ids: &IdMaps) {
    items.reserve(ds.events.len());
    for (ei, ev) in ds.events.iter().enumerate() {
        let world = ds
            .event_place(ev, ids)
            .map(|p| world_from_lonlat(p.lon, p.lat));
        let first_day = ev
            .date
            .as_ref()
            .and_then(|d| d.first_day())
            .map_or(i32::MIN, day_number);
        let last_day = ev
            .date
            .as_ref()
            .and_then(|d| d.last_day())
            .map_or(i32::MAX, day_number);
        items.push(EventItem {
            key: EventKey {
                dataset: di as u32,
                event: ei as u32,
            },
            world,
            first_day,
            last_day,
            kind: ev.kind,
        });
    }
}

impl EventTable {
    /// (item index, world position) of every event that has a place: what the cluster grids
    /// and the cell index are built from.
    pub fn placed_points(&self) -> impl Iterator<Item = (u32, [f64; 2])> + '_ {
        self.items
            .iter()
            .enumerate()
            .filter_map(|(i, it)| it.world.map(|w| (i as u32, w)))
    }

    /// Builds the table from datasets (with their id maps) in load order.
    pub fn build<'a>(datasets: impl IntoIterator<Item = (&'a Dataset, &'a IdMaps)>) -> Self {
        let mut items = Vec::new();
        let mut shapes = Vec::new();
        for (di, (ds, ids)) in datasets.into_iter().enumerate() {
            push_shapes(&mut shapes, items.len(), ds, ids);
            push_items(&mut items, di, ds, ids);
        }
        Self::from_items(items).with_shapes(shapes)
    }

    /// The table with these shapes (item index, shape).
    fn with_shapes(mut self, shapes: Vec<(usize, shapes::WorldShape)>) -> Self {
        self.shapes = std::sync::Arc::new(shapes);
        self
    }

    /// The table with dataset `di` replaced by `ds` (or, when `di` is one past the last, added):
    /// the other datasets' items are copied from `old`, so only `ds` is read. For worker threads,
    /// so a large library is indexed while the previous view stays on screen.
    pub fn with_dataset(old: &TableParts, di: usize, ds: &Dataset, ids: &IdMaps) -> Self {
        let items_before = &old.items;
        let std::ops::Range {
            start: before,
            end: after,
        } = dataset_items(items_before, di);
        let mut items = Vec::with_capacity(before + ds.events.len() + items_before.len() - after);
        items.extend_from_slice(&items_before[..before]);
        push_items(&mut items, di, ds, ids);
        items.extend_from_slice(&items_before[after..]);
        // Shapes keep their items' new positions: those after the dataset move by its change
        // in size.
        let mut shapes: Vec<_> = old
            .shapes
            .iter()
            .filter(|s| s.0 < before)
            .cloned()
            .collect();
        push_shapes(&mut shapes, before, ds, ids);
        let moved = |i: usize| i - after + before + ds.events.len();
        shapes.extend(
            old.shapes
                .iter()
                .filter(|s| s.0 >= after)
                .map(|(i, s)| (moved(*i), s.clone())),
        );
        Self::from_items(items).with_shapes(shapes)
    }

    /// What [`EventTable::with_dataset`] reads of this table, shared with a worker thread.
    pub fn parts(&self) -> TableParts {
        TableParts {
            items: std::sync::Arc::clone(&self.items),
            shapes: std::sync::Arc::clone(&self.shapes),
        }
    }

    /// Builds the spatial index over ready-made items (used by benches and tests too).
    pub fn from_items(items: Vec<EventItem>) -> Self {
        let points = items
            .iter()
            .enumerate()
            .filter_map(|(i, it)| it.world.map(|w| IndexedPoint::new(w, i as u32)))
            .collect();
        let dates = dates::DateIndex::new(&items);
        let cells = grid::CellIndex::new(
            items
                .iter()
                .enumerate()
                .filter_map(|(i, it)| it.world.map(|w| (i as u32, w))),
        );
        Self {
            order: std::sync::Arc::new(dates::DateOrder::new(&items, &dates)),
            dates: std::sync::Arc::new(dates),
            cells: std::sync::Arc::new(cells),
            rtree: RTree::bulk_load(points),
            items: std::sync::Arc::new(items),
            shapes: Default::default(),
        }
    }

    /// Indices of items with a position inside `rect`.
    pub fn in_rect(&self, rect: &WorldRect) -> impl Iterator<Item = u32> + '_ {
        let env = rstar::AABB::from_corners(rect.min, rect.max);
        self.rtree.locate_in_envelope(env).map(|p| p.data)
    }

    /// Position of an item's key, if present (items are in key order, so this is a binary search).
    pub fn position_of(&self, key: EventKey) -> Option<usize> {
        self.items.binary_search_by_key(&key, |it| it.key).ok()
    }

    /// Bounding rectangle of the given items' positions.
    pub fn bounds(&self, items: impl IntoIterator<Item = u32>) -> Option<WorldRect> {
        WorldRect::bounding(
            items
                .into_iter()
                .filter_map(|i| self.items[i as usize].world),
        )
    }
}
