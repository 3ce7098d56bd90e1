//! Per-zoom cluster grids: events bucketed into world-anchored square cells, stored flat and
//! sorted, so one frame touches only the cells in view — never the events inside them. A cell
//! keeps its members ordered by day, with the count and centre of those in the date range, so
//! moving the range adjusts a few cells instead of rebuilding the grid.

use super::dates::DateIndex;
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
    /// Number of its events in the grid's date range (0 when the range leaves none).
    pub count: u32,
    /// Offset of its members in [`ClusterGrid::members`].
    pub first: u32,
    /// Number of members, in the date range or not.
    pub total: u32,
    /// How many members at the front of its run have an open start or end; the rest are
    /// sorted by first day.
    pub open: u32,
    /// The longest `last - first` of a member with both ends bounded.
    pub span: i32,
    /// Mean world position of the members in the date range (of all, when none is).
    pub centroid: [f64; 2],
    /// Sum of the world positions of the members in the date range.
    pub sum: [f64; 2],
    /// True when every member sits at exactly the same point (they can only be told apart by fanning out).
    pub same_point: bool,
}

impl Cell {
    fn refresh_centroid(&mut self) {
        if !self.same_point && self.count > 0 {
            let n = self.count as f64;
            self.centroid = [self.sum[0] / n, self.sum[1] / n];
        }
    }
}

/// The events of one filter state bucketed at one integer zoom level.
#[derive(Default)]
pub struct ClusterGrid {
    /// Integer zoom the cells are sized for.
    pub level: u8,
    /// Cell edge in world units.
    pub cell_world: f64,
    /// Non-empty cells sorted by (row, column).
    pub cells: Vec<Cell>,
    /// Item indices grouped by cell: a cell's are `members[first..first + total]`.
    pub members: Vec<u32>,
    /// (first, last) day of each of `members`.
    pub member_days: Vec<(i32, i32)>,
    /// The date range `Cell::count` and `Cell::centroid` are for (`i32::MIN`/`MAX`: open).
    pub days: (i32, i32),
}

/// The finest zoom level a cluster grid is built for; the map never goes deeper.
pub const MAX_LEVEL: u8 = 24;

/// Every placed item sorted by the Z-order (Morton) key of its cell at [`MAX_LEVEL`]. Cells
/// nest — a cell's edge halves at each level and all are anchored at the world's corner — so
/// the cell at any coarser level is a run of equal key prefixes: one sort serves every zoom
/// level and every filter, and a grid is one linear pass.
#[derive(Default)]
pub struct CellIndex {
    /// (Morton key at `MAX_LEVEL`, item, world position), sorted by key then item.
    entries: Vec<(u64, u32, [f64; 2])>,
}

/// Cell edge in world units at zoom `level`.
pub fn cell_world_at(level: u8) -> f64 {
    CELL_PX / scale_at_zoom(level as f64)
}

/// Column (or row) of a world coordinate at [`MAX_LEVEL`]; points on the far edge (1.0) join
/// the last cell instead of starting a new one.
fn finest_cell(v: f64) -> u32 {
    let cw = cell_world_at(MAX_LEVEL);
    let last = ((1.0 / cw).ceil() as u32).saturating_sub(1);
    ((v / cw).floor().max(0.0) as u32).min(last)
}

/// Spreads the low 32 bits of `v` to the even bits of the result.
fn spread(v: u32) -> u64 {
    let mut x = u64::from(v);
    x = (x | (x << 16)) & 0x0000_FFFF_0000_FFFF;
    x = (x | (x << 8)) & 0x00FF_00FF_00FF_00FF;
    x = (x | (x << 4)) & 0x0F0F_0F0F_0F0F_0F0F;
    x = (x | (x << 2)) & 0x3333_3333_3333_3333;
    (x | (x << 1)) & 0x5555_5555_5555_5555
}

/// Gathers the even bits of `x` (the inverse of [`spread`]).
fn gather(x: u64) -> u32 {
    let mut x = x & 0x5555_5555_5555_5555;
    x = (x | (x >> 1)) & 0x3333_3333_3333_3333;
    x = (x | (x >> 2)) & 0x0F0F_0F0F_0F0F_0F0F;
    x = (x | (x >> 4)) & 0x00FF_00FF_00FF_00FF;
    x = (x | (x >> 8)) & 0x0000_FFFF_0000_FFFF;
    ((x | (x >> 16)) & 0x0000_0000_FFFF_FFFF) as u32
}

/// What [`CellIndex::grid_into`] needs to know about dates: the items in day order and the
/// range to count.
#[derive(Clone, Copy)]
pub struct GridDates<'a> {
    /// Every item of the table by day.
    pub index: &'a DateIndex,
    /// The date range counted (`Filter::days`).
    pub days: (i32, i32),
}

impl CellIndex {
    /// Sorts `points` (item index, world position) by their finest cell.
    pub fn new(points: impl IntoIterator<Item = (u32, [f64; 2])>) -> Self {
        let mut entries: Vec<(u64, u32, [f64; 2])> = points
            .into_iter()
            .map(|(i, w)| {
                (
                    spread(finest_cell(w[0])) | (spread(finest_cell(w[1])) << 1),
                    i,
                    w,
                )
            })
            .collect();
        entries.sort_unstable_by_key(|k| (k.0, k.1));
        Self { entries }
    }

    /// The grid at zoom `level` of the items `keep` accepts, with no date range.
    pub fn grid(&self, level: u8, keep: impl Fn(u32) -> bool) -> ClusterGrid {
        let mut grid = ClusterGrid::default();
        self.grid_into(level, &keep, &keep, None, &mut grid);
        grid
    }

    /// The grid at zoom `level` of the items `keep` accepts (every filter but the dates), into
    /// `out`, reusing its buffers (a million members are megabytes that would otherwise be
    /// page-faulted in afresh). `passes` says which of them are in `dates.days`; without
    /// `dates`, members keep cell order and every kept item counts.
    pub fn grid_into(
        &self,
        level: u8,
        keep: impl Fn(u32) -> bool,
        passes: impl Fn(u32) -> bool,
        dates: Option<GridDates<'_>>,
        out: &mut ClusterGrid,
    ) {
        let level = level.min(MAX_LEVEL);
        let shift = 2 * u32::from(MAX_LEVEL - level);
        let mut cells = std::mem::take(&mut out.cells);
        let mut members = std::mem::take(&mut out.members);
        let mut member_days = std::mem::take(&mut out.member_days);
        cells.clear();
        members.clear();
        member_days.clear();
        // Sum of all members' positions per cell, for cells the date range empties.
        let mut all_sums: Vec<[f64; 2]> = Vec::new();
        // Cell of each kept item, when members are to be placed in day order.
        let mut cell_of: Vec<u32> = match dates {
            Some(d) => vec![u32::MAX; d.index.len()],
            None => Vec::new(),
        };
        let mut current: Option<u64> = None;
        for &(key, item, w) in self.entries.iter().filter(|e| keep(e.1)) {
            let key = key >> shift;
            if current != Some(key) {
                current = Some(key);
                cells.push(Cell {
                    x: gather(key),
                    y: gather(key >> 1),
                    count: 0,
                    first: 0,
                    total: 0,
                    open: 0,
                    span: 0,
                    centroid: w,
                    sum: [0.0; 2],
                    same_point: true,
                });
                all_sums.push([0.0; 2]);
            }
            let ci = cells.len() - 1;
            let c = &mut cells[ci];
            if c.centroid != w {
                c.same_point = false;
            }
            c.total += 1;
            let all = &mut all_sums[ci];
            all[0] += w[0];
            all[1] += w[1];
            if passes(item) {
                c.count += 1;
                c.sum[0] += w[0];
                c.sum[1] += w[1];
            }
            match dates {
                Some(_) => cell_of[item as usize] = ci as u32,
                None => {
                    members.push(item);
                    member_days.push((i32::MIN, i32::MAX));
                    c.open += 1;
                }
            }
        }
        let mut offset = 0u32;
        for (c, all) in cells.iter_mut().zip(&all_sums) {
            c.first = offset;
            offset += c.total;
            if !c.same_point {
                let n = c.total as f64;
                c.centroid = [all[0] / n, all[1] / n];
            }
            c.refresh_centroid();
        }
        if let Some(d) = dates {
            // Members in day order: a bucket fill, so no cell is sorted on its own.
            members.resize(offset as usize, 0);
            member_days.resize(offset as usize, (0, 0));
            let mut fill: Vec<u32> = cells.iter().map(|c| c.first).collect();
            for (item, first, last) in d.index.in_cell_order() {
                let ci = cell_of[item as usize];
                if ci == u32::MAX {
                    continue;
                }
                let at = &mut fill[ci as usize];
                members[*at as usize] = item;
                member_days[*at as usize] = (first, last);
                *at += 1;
                let c = &mut cells[ci as usize];
                if first == i32::MIN || last == i32::MAX {
                    c.open += 1;
                } else {
                    c.span = c.span.max(last.saturating_sub(first));
                }
            }
        }
        // Queries walk rows: cells go in (row, column) order; their members stay where they are.
        cells.sort_unstable_by_key(|c| ((c.y as u64) << 32) | c.x as u64);
        *out = ClusterGrid {
            level,
            cell_world: cell_world_at(level),
            cells,
            members,
            member_days,
            days: dates.map_or((i32::MIN, i32::MAX), |d| d.days),
        };
    }
}

impl ClusterGrid {
    /// Buckets `points` (item index, world position) for zoom `level`.
    pub fn build(points: impl IntoIterator<Item = (u32, [f64; 2])>, level: u8) -> Self {
        CellIndex::new(points).grid(level, |_| true)
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

    /// Every member of a cell (item indices), in the date range or not.
    pub fn members_of(&self, cell: &Cell) -> &[u32] {
        &self.members[cell.first as usize..(cell.first + cell.total) as usize]
    }

    /// The members of `cell` in the date range, appended to `out` in item order. Looks only at
    /// open-ended members and those starting within the cell's longest span of the range.
    pub fn passing_members(&self, cell: &Cell, out: &mut Vec<u32>) {
        let (from, to) = self.days;
        let at = cell.first as usize;
        let open_end = at + cell.open as usize;
        let end = at + cell.total as usize;
        let start = out.len();
        let meets = |&(f, l): &(i32, i32)| f <= to && l >= from;
        for i in at..open_end {
            if meets(&self.member_days[i]) {
                out.push(self.members[i]);
            }
        }
        let days = &self.member_days[open_end..end];
        let lo_day = from.saturating_sub(cell.span);
        let lo = days.partition_point(|d| d.0 < lo_day);
        let hi = days.partition_point(|d| d.0 <= to).max(lo);
        let members = &self.members[open_end + lo..open_end + hi];
        for (d, &m) in days[lo..hi].iter().zip(members) {
            if meets(d) {
                out.push(m);
            }
        }
        out[start..].sort_unstable();
    }

    /// The cell holding world point `w`, if any.
    fn cell_at_mut(&mut self, w: [f64; 2]) -> Option<&mut Cell> {
        let shift = MAX_LEVEL - self.level;
        let (x, y) = (finest_cell(w[0]) >> shift, finest_cell(w[1]) >> shift);
        let key = ((y as u64) << 32) | x as u64;
        let i = self
            .cells
            .binary_search_by_key(&key, |c| ((c.y as u64) << 32) | c.x as u64)
            .ok()?;
        Some(&mut self.cells[i])
    }

    /// A member at `w` entered (`now`) or left the date range: adjusts its cell's count and
    /// centre. Replaying [`crate::library::filter::Passing`]'s log this way costs one binary
    /// search per flip.
    pub fn update(&mut self, w: [f64; 2], now: bool) {
        if let Some(c) = self.cell_at_mut(w) {
            if now {
                c.count += 1;
                c.sum[0] += w[0];
                c.sum[1] += w[1];
            } else {
                c.count = c.count.saturating_sub(1);
                c.sum[0] -= w[0];
                c.sum[1] -= w[1];
            }
            c.refresh_centroid();
        }
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
    fn one_index_serves_every_level_and_filter() {
        // A scatter with duplicates, points on the world's edges, and cells that lose every
        // member to the filter.
        let mut pts: Vec<(u32, [f64; 2])> = (0..500u32)
            .map(|i| {
                let t = f64::from(i % 97) / 97.0;
                (i, [0.2 + 0.6 * t, 0.3 + 0.4 * (t * 7.0).fract()])
            })
            .collect();
        pts.extend([(500, [0.0, 0.0]), (501, [1.0, 1.0]), (502, [1.0, 0.0])]);
        let keep = |i: u32| !i.is_multiple_of(3) && i % 11 != 5;
        let index = CellIndex::new(pts.clone());
        for level in [0, 1, 4, 9, 15, MAX_LEVEL] {
            let grid = index.grid(level, keep);
            // Against a direct bucketing of the kept points at this level.
            let cw = cell_world_at(level);
            let mut direct: std::collections::BTreeMap<(u32, u32), Vec<u32>> = Default::default();
            for &(i, w) in pts.iter().filter(|p| keep(p.0)) {
                let cell = |v: f64| (v / cw).floor() as u32;
                direct.entry((cell(w[1]), cell(w[0]))).or_default().push(i);
            }
            let got: Vec<((u32, u32), Vec<u32>)> = grid
                .cells
                .iter()
                .map(|c| {
                    let mut m = grid.members_of(c).to_vec();
                    m.sort();
                    ((c.y, c.x), m)
                })
                .collect();
            let want: Vec<((u32, u32), Vec<u32>)> = direct.into_iter().collect();
            assert_eq!(got, want, "level {level}");
            assert_eq!(grid.level, level);
        }
    }

    #[test]
    fn morton_keys_round_trip() {
        for v in [0u32, 1, 2, 0x5555, 0xFFFF, 107_374_182, u32::MAX] {
            assert_eq!(gather(spread(v)), v);
            assert_eq!(gather(spread(v) >> 1), 0);
            assert_eq!(gather((spread(v) << 1) >> 1), v);
        }
    }
}
