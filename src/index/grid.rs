//! Per-zoom cluster grids: events bucketed into world-anchored square cells, stored flat and
//! sorted, so one frame touches only the cells in view — never the events inside them.

use super::projection::{WorldRect, scale_at_zoom};

/// A cell's size on screen at its own zoom level, in points. Between levels it grows to twice this.
pub const CELL_PX: f64 = 40.0;

/// One non-empty cell.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Cell {
    /// Column.
    pub x: u32,
    /// Row.
    pub y: u32,
    /// Number of events in it.
    pub count: u32,
    /// Offset of its members in [`ClusterGrid::members`].
    pub first: u32,
    /// Mean world position of its members.
    pub centroid: [f64; 2],
    /// True when every member sits at exactly the same point (they can only be told apart by fanning out).
    pub same_point: bool,
}

/// The events of one filter state bucketed at one integer zoom level.
pub struct ClusterGrid {
    /// Integer zoom the cells are sized for.
    pub level: u8,
    /// Cell edge in world units.
    pub cell_world: f64,
    /// Non-empty cells sorted by (row, column).
    pub cells: Vec<Cell>,
    /// Item indices grouped by cell, in cell order.
    pub members: Vec<u32>,
}

/// Every placed item sorted by its cell at one zoom level: the part of a grid that does not
/// depend on the filters, so a filter change costs one linear pass instead of a sort.
pub struct CellOrder {
    level: u8,
    cell_world: f64,
    /// (cell key = row << 32 | column, item, world position), sorted by key then item.
    entries: Vec<(u64, u32, [f64; 2])>,
}

impl CellOrder {
    /// Sorts `points` (item index, world position) by their cell at zoom `level`.
    pub fn new(points: impl IntoIterator<Item = (u32, [f64; 2])>, level: u8) -> Self {
        let cell_world = CELL_PX / scale_at_zoom(level as f64);
        let cells_per_side = (1.0 / cell_world).ceil() as u32;
        let clamp = |v: f64| {
            ((v / cell_world).floor().max(0.0) as u32).min(cells_per_side.saturating_sub(1))
        };
        let mut entries: Vec<(u64, u32, [f64; 2])> = points
            .into_iter()
            .map(|(i, w)| (((clamp(w[1]) as u64) << 32) | clamp(w[0]) as u64, i, w))
            .collect();
        entries.sort_unstable_by_key(|k| (k.0, k.1));
        Self {
            level,
            cell_world,
            entries,
        }
    }

    /// Zoom level the order is for.
    pub fn level(&self) -> u8 {
        self.level
    }

    /// The grid of the items `keep` accepts.
    pub fn grid(&self, keep: impl Fn(u32) -> bool) -> ClusterGrid {
        let mut cells: Vec<Cell> = Vec::new();
        let mut members = Vec::new();
        let mut sum = [0.0f64; 2];
        for &(key, item, w) in self.entries.iter().filter(|e| keep(e.1)) {
            let new_cell = cells
                .last()
                .is_none_or(|c| ((c.y as u64) << 32 | c.x as u64) != key);
            if new_cell {
                finish(cells.last_mut(), sum);
                sum = [0.0; 2];
                cells.push(Cell {
                    x: key as u32,
                    y: (key >> 32) as u32,
                    count: 0,
                    first: members.len() as u32,
                    centroid: w,
                    same_point: true,
                });
            }
            let c = cells.last_mut().expect("pushed above");
            if c.count > 0 && c.centroid != w {
                c.same_point = false;
            }
            c.count += 1;
            sum[0] += w[0];
            sum[1] += w[1];
            members.push(item);
        }
        finish(cells.last_mut(), sum);
        ClusterGrid {
            level: self.level,
            cell_world: self.cell_world,
            cells,
            members,
        }
    }
}

impl ClusterGrid {
    /// Buckets `points` (item index, world position) for zoom `level`.
    pub fn build(points: impl IntoIterator<Item = (u32, [f64; 2])>, level: u8) -> Self {
        CellOrder::new(points, level).grid(|_| true)
    }

    /// The cells overlapping `rect`, row by row; cost grows with visible cells only.
    pub fn cells_in<'a>(&'a self, rect: &WorldRect) -> impl Iterator<Item = &'a Cell> + 'a {
        let to_cell = |v: f64| (v / self.cell_world).floor().max(0.0) as u64;
        let (x0, x1) = (to_cell(rect.min[0]), to_cell(rect.max[0]));
        let (y0, y1) = (to_cell(rect.min[1]), to_cell(rect.max[1]));
        let cells = &self.cells;
        (y0..=y1.min(u32::MAX as u64)).flat_map(move |y| {
            let lo = (y << 32) | x0;
            let hi = (y << 32) | x1.min(u32::MAX as u64);
            let key = |c: &Cell| ((c.y as u64) << 32) | c.x as u64;
            let start = cells.partition_point(|c| key(c) < lo);
            let end = cells.partition_point(|c| key(c) <= hi);
            cells[start..end].iter()
        })
    }

    /// Item indices in a cell.
    pub fn members_of(&self, cell: &Cell) -> &[u32] {
        &self.members[cell.first as usize..(cell.first + cell.count) as usize]
    }
}

fn finish(cell: Option<&mut Cell>, sum: [f64; 2]) {
    if let Some(c) = cell
        && !c.same_point
    {
        c.centroid = [sum[0] / c.count as f64, sum[1] / c.count as f64];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_and_queries_only_visible_cells() {
        let pts = vec![
            (0, [0.50, 0.50]),
            (1, [0.50, 0.50]),
            (2, [0.5001, 0.5001]),
            (3, [0.9, 0.1]),
        ];
        let g = ClusterGrid::build(pts.clone(), 0);
        // At zoom 0 a cell is 40/256 of the world: the first three share a cell.
        let total: u32 = g.cells.iter().map(|c| c.count).sum();
        assert_eq!(total, 4);
        let near = WorldRect {
            min: [0.45, 0.45],
            max: [0.55, 0.55],
        };
        let cells: Vec<_> = g.cells_in(&near).collect();
        assert_eq!(cells.len(), 1);
        assert_eq!(cells[0].count, 3);
        assert!(!cells[0].same_point);
        let mut m = g.members_of(cells[0]).to_vec();
        m.sort();
        assert_eq!(m, vec![0, 1, 2]);
        // Deep zoom separates the exact duplicates from the close neighbour.
        let g = ClusterGrid::build(pts, 14);
        let same: Vec<_> = g.cells.iter().filter(|c| c.count == 2).collect();
        assert_eq!(same.len(), 1);
        assert!(same[0].same_point);
        assert_eq!(same[0].centroid, [0.5, 0.5]);
    }

    #[test]
    fn a_filtered_pass_over_the_cell_order_equals_building_from_the_kept_points() {
        // A scatter with duplicates and cells that lose every member to the filter.
        let pts: Vec<(u32, [f64; 2])> = (0..500u32)
            .map(|i| {
                let t = f64::from(i % 97) / 97.0;
                (i, [0.2 + 0.6 * t, 0.3 + 0.4 * (t * 7.0).fract()])
            })
            .collect();
        let keep = |i: u32| !i.is_multiple_of(3) && i % 11 != 5;
        for level in [0, 4, 9, 15] {
            let order = CellOrder::new(pts.clone(), level);
            assert_eq!(order.level(), level);
            let from_order = order.grid(keep);
            let direct = ClusterGrid::build(pts.iter().copied().filter(|p| keep(p.0)), level);
            assert_eq!(from_order.cells, direct.cells, "level {level}");
            assert_eq!(from_order.members, direct.members, "level {level}");
            assert!(from_order.cells.iter().all(|c| c.count > 0));
            let kept = pts.iter().filter(|p| keep(p.0)).count();
            assert_eq!(from_order.members.len(), kept);
        }
    }
}
