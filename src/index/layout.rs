//! Where markers go on screen this frame: single markers, fans of events that share a spot, and
//! count badges for dense cells. Pure geometry, no egui.

use std::collections::HashSet;

use super::grid::{Cell, ClusterGrid};
use super::projection::{ScreenFromWorld, WorldRect};

/// Identifies a cluster cell across frames (zoom level, column, row).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct CellId {
    /// Grid zoom level.
    pub level: u8,
    /// Column.
    pub x: u32,
    /// Row.
    pub y: u32,
}

/// One thing to draw.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Placed {
    /// An event marker; `anchor` is its true position when it was fanned out from it.
    Marker {
        /// Item index in the event table.
        item: u32,
        /// Screen position.
        pos: [f32; 2],
        /// The true position it was moved away from, for a leader line.
        anchor: Option<[f32; 2]>,
    },
    /// A count badge standing for a cell's events.
    Cluster {
        /// The cell.
        cell: CellId,
        /// Number of events.
        count: u32,
        /// Screen position (the members' mean).
        pos: [f32; 2],
        /// True when all members share one point (expanding, not zooming, separates them).
        same_point: bool,
        /// When neighbouring cells' badges were merged into this one: the cells' extent in
        /// world coordinates, which a click zooms to (`None`: the cell's own members).
        merged: Option<WorldRect>,
    },
}

/// Layout tuning.
#[derive(Clone, Copy, Debug)]
pub struct LayoutParams {
    /// Marker diameter in points.
    pub marker_px: f32,
    /// Cells with at most this many events show each event; more become a badge.
    pub fan_max: u32,
    /// Events sharing one exact point fan out up to this many (zooming cannot separate them).
    pub same_point_fan_max: u32,
}

impl Default for LayoutParams {
    fn default() -> Self {
        Self {
            marker_px: 16.0,
            fan_max: 8,
            same_point_fan_max: 16,
        }
    }
}

/// Lays out the cells of `grid` that overlap `visible`. `position` gives an item's world point.
pub fn layout(
    grid: &ClusterGrid,
    position: impl Fn(u32) -> [f64; 2],
    t: &ScreenFromWorld,
    visible: &WorldRect,
    expanded: &HashSet<CellId>,
    params: LayoutParams,
    out: &mut Vec<Placed>,
) {
    out.clear();
    let mut badges: Vec<Badge> = Vec::new();
    let mut pts: Vec<(u32, [f32; 2])> = Vec::new();
    let mut ids: Vec<u32> = Vec::new();
    for cell in grid.cells_in(visible) {
        if cell.count == 0 {
            continue;
        }
        let id = CellId {
            level: grid.level,
            x: cell.x,
            y: cell.y,
        };
        let is_expanded = expanded.contains(&id);
        ids.clear();
        let mut same_point = cell.same_point;
        if !same_point && cell.count > params.fan_max && cell.count <= params.same_point_fan_max {
            // The date range may leave only members that share one point.
            grid.passing_members(cell, &mut ids);
            let w0 = ids.first().map(|&i| position(i));
            same_point = ids.iter().all(|&i| Some(position(i)) == w0);
        }
        let limit = if same_point {
            params.same_point_fan_max
        } else {
            params.fan_max
        };
        if cell.count > limit && !is_expanded {
            badges.push(Badge {
                cell: id,
                count: cell.count,
                pos: t.apply(cell.centroid),
                same_point,
                extent: WorldRect {
                    min: [
                        cell.x as f64 * grid.cell_world,
                        cell.y as f64 * grid.cell_world,
                    ],
                    max: [
                        (cell.x + 1) as f64 * grid.cell_world,
                        (cell.y + 1) as f64 * grid.cell_world,
                    ],
                },
            });
            continue;
        }
        if ids.is_empty() {
            grid.passing_members(cell, &mut ids);
        }
        pts.clear();
        pts.extend(ids.iter().map(|&i| (i, t.apply(position(i)))));
        place_cell(cell, &pts, t, params, out);
    }
    merge_badges(&mut badges, params.marker_px * MERGE_MARKERS);
    out.extend(badges.into_iter().map(|b| {
        Placed::Cluster {
            cell: b.cell,
            count: b.count,
            pos: b.pos,
            same_point: b.same_point,
            merged: (b.extent.size()[0] > grid.cell_world * 1.5
                || b.extent.size()[1] > grid.cell_world * 1.5)
                .then_some(b.extent),
        }
    }));
}

/// Badges closer than this many marker diameters are merged: two count badges side by side
/// at a cell boundary read as a lattice, not as the data.
const MERGE_MARKERS: f32 = 2.25;

/// A count badge before the merge pass.
struct Badge {
    cell: CellId,
    count: u32,
    pos: [f32; 2],
    same_point: bool,
    /// The world extent of the cells it stands for.
    extent: WorldRect,
}

/// Greedy merge, as supercluster does within a radius: the largest badge takes every smaller
/// one within `radius` points of it, and sits at their weighted mean. Badges whose events share
/// one point stay apart (a click expands them rather than zooming). Screen bins of the radius
/// keep it linear in the number of badges.
fn merge_badges(badges: &mut Vec<Badge>, radius: f32) {
    if badges.len() < 2 {
        return;
    }
    let bin = |p: [f32; 2]| {
        (
            (p[0] / radius).floor() as i32,
            (p[1] / radius).floor() as i32,
        )
    };
    let mut bins: std::collections::HashMap<(i32, i32), Vec<usize>> =
        std::collections::HashMap::new();
    for (i, b) in badges.iter().enumerate() {
        bins.entry(bin(b.pos)).or_default().push(i);
    }
    let mut order: Vec<usize> = (0..badges.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(badges[i].count));
    let mut taken = vec![false; badges.len()];
    let mut kept = Vec::with_capacity(badges.len());
    for &i in &order {
        if taken[i] {
            continue;
        }
        taken[i] = true;
        let lead = badges[i].pos;
        let (bx, by) = bin(lead);
        let mut count = badges[i].count as f64;
        let mut sum = [lead[0] as f64 * count, lead[1] as f64 * count];
        let mut extent = badges[i].extent;
        if !badges[i].same_point {
            for dx in -1..=1 {
                for dy in -1..=1 {
                    let Some(near) = bins.get(&(bx + dx, by + dy)) else {
                        continue;
                    };
                    for &j in near {
                        let o = &badges[j];
                        let (ex, ey) = (o.pos[0] - lead[0], o.pos[1] - lead[1]);
                        if taken[j] || o.same_point || ex * ex + ey * ey >= radius * radius {
                            continue;
                        }
                        taken[j] = true;
                        let c = o.count as f64;
                        count += c;
                        sum[0] += o.pos[0] as f64 * c;
                        sum[1] += o.pos[1] as f64 * c;
                        extent = WorldRect::bounding([
                            extent.min,
                            extent.max,
                            o.extent.min,
                            o.extent.max,
                        ])
                        .unwrap_or(extent);
                    }
                }
            }
        }
        kept.push(Badge {
            cell: badges[i].cell,
            count: count as u32,
            pos: [(sum[0] / count) as f32, (sum[1] / count) as f32],
            same_point: badges[i].same_point,
            extent,
        });
    }
    *badges = kept;
}

fn place_cell(
    cell: &Cell,
    pts: &[(u32, [f32; 2])],
    t: &ScreenFromWorld,
    params: LayoutParams,
    out: &mut Vec<Placed>,
) {
    let min_gap = params.marker_px;
    let crowded = pts.iter().enumerate().any(|(i, a)| {
        pts[i + 1..].iter().any(|b| {
            let (dx, dy) = (a.1[0] - b.1[0], a.1[1] - b.1[1]);
            dx * dx + dy * dy < min_gap * min_gap
        })
    });
    if !crowded {
        out.extend(pts.iter().map(|&(item, pos)| Placed::Marker {
            item,
            pos,
            anchor: None,
        }));
        return;
    }
    let center = t.apply(cell.centroid);
    for (&(item, pos), off) in pts.iter().zip(fan_offsets(pts.len(), params.marker_px)) {
        out.push(Placed::Marker {
            item,
            pos: [center[0] + off[0], center[1] + off[1]],
            anchor: Some(pos),
        });
    }
}

/// Offsets for `n` markers around a centre: a ring for a few, an outward spiral for many.
pub fn fan_offsets(n: usize, marker_px: f32) -> impl Iterator<Item = [f32; 2]> {
    let spacing = marker_px * 1.25;
    let ring = n <= 9;
    let ring_r = (spacing * n as f32 / std::f32::consts::TAU).max(marker_px * 1.1);
    let mut angle = -std::f32::consts::FRAC_PI_2;
    let mut r = marker_px * 1.3;
    (0..n).map(move |i| {
        if ring {
            let a = -std::f32::consts::FRAC_PI_2 + std::f32::consts::TAU * i as f32 / n as f32;
            [ring_r * a.cos(), ring_r * a.sin()]
        } else {
            let p = [r * angle.cos(), r * angle.sin()];
            // Archimedean spiral with equal arc steps, so neighbours keep one marker apart.
            angle += spacing / r;
            r += spacing * spacing / (std::f32::consts::TAU * r);
            p
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid_of(points: &[[f64; 2]], level: u8) -> ClusterGrid {
        ClusterGrid::build(
            points.iter().enumerate().map(|(i, &w)| (i as u32, w)),
            level,
        )
    }

    #[test]
    fn shared_spots_fan_out_without_overlap() {
        let points = vec![[0.8, 0.45]; 5];
        let g = grid_of(&points, 6);
        let t = ScreenFromWorld::new([0.8, 0.45], 6.0, [400.0, 300.0]);
        let vis = t.visible([800.0, 600.0]);
        let mut out = Vec::new();
        layout(
            &g,
            |i| points[i as usize],
            &t,
            &vis,
            &HashSet::new(),
            LayoutParams::default(),
            &mut out,
        );
        assert_eq!(out.len(), 5);
        let pos: Vec<[f32; 2]> = out
            .iter()
            .map(|p| match p {
                Placed::Marker {
                    pos,
                    anchor: Some(_),
                    ..
                } => *pos,
                other => panic!("expected a fanned marker, got {other:?}"),
            })
            .collect();
        for i in 0..pos.len() {
            for j in i + 1..pos.len() {
                let d = ((pos[i][0] - pos[j][0]).powi(2) + (pos[i][1] - pos[j][1]).powi(2)).sqrt();
                assert!(d >= 15.0, "markers {i} and {j} overlap ({d} px)");
            }
        }
    }

    #[test]
    fn dense_cells_become_badges_until_expanded() {
        let points: Vec<[f64; 2]> = (0..30).map(|i| [0.8 + i as f64 * 1e-6, 0.45]).collect();
        let g = grid_of(&points, 4);
        let t = ScreenFromWorld::new([0.8, 0.45], 4.0, [400.0, 300.0]);
        let vis = t.visible([800.0, 600.0]);
        let mut out = Vec::new();
        layout(
            &g,
            |i| points[i as usize],
            &t,
            &vis,
            &HashSet::new(),
            LayoutParams::default(),
            &mut out,
        );
        let Placed::Cluster {
            cell, count: 30, ..
        } = out[0]
        else {
            panic!("{out:?}")
        };
        let expanded = HashSet::from([cell]);
        layout(
            &g,
            |i| points[i as usize],
            &t,
            &vis,
            &expanded,
            LayoutParams::default(),
            &mut out,
        );
        assert_eq!(out.len(), 30);
        assert!(out.iter().all(|p| matches!(p, Placed::Marker { .. })));
    }

    /// The layout of `points` with nothing expanded and the default parameters.
    fn laid_out(
        g: &ClusterGrid,
        points: &[[f64; 2]],
        t: &ScreenFromWorld,
        vis: &WorldRect,
    ) -> Vec<Placed> {
        let mut out = Vec::new();
        let pos = |i: u32| points[i as usize];
        layout(
            g,
            pos,
            t,
            vis,
            &HashSet::new(),
            LayoutParams::default(),
            &mut out,
        );
        out
    }

    #[test]
    fn badges_at_a_cell_edge_merge_and_none_overlap() {
        // Two crowds either side of a cell boundary at level 5: two cells, one place.
        let level = 5;
        let cw = crate::index::grid::cell_world_at(level);
        let edge = 100.0 * cw;
        let mut points: Vec<[f64; 2]> = Vec::new();
        for k in 0..40 {
            let d = cw * 0.02 * (1.0 + (k % 5) as f64);
            points.push([edge - d, 0.40]);
            points.push([edge + d, 0.40]);
        }
        let g = grid_of(&points, level);
        assert!(g.cells.len() >= 2, "the crowds fall in two cells");
        let t = ScreenFromWorld::new([edge, 0.40], level as f64 + 0.5, [400.0, 300.0]);
        let vis = t.visible([800.0, 600.0]);
        let params = LayoutParams::default();
        let out = laid_out(&g, &points, &t, &vis);
        let badges: Vec<_> = out
            .iter()
            .filter_map(|p| match p {
                Placed::Cluster {
                    count, pos, merged, ..
                } => Some((*count, *pos, *merged)),
                Placed::Marker { .. } => None,
            })
            .collect();
        assert_eq!(badges.len(), 1, "{badges:?}");
        let (count, pos, merged) = badges[0];
        assert_eq!(count, 80);
        assert!(merged.is_some(), "a click zooms to both cells");
        let centre = t.apply([edge, 0.40]);
        assert!(
            (pos[0] - centre[0]).abs() < 3.0,
            "{pos:?} at the crowds' mean {centre:?}"
        );

        // Scattered crowds: whatever merges, no two badges end up on top of each other.
        let mut seed = 7u64;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 11) as f64 / (1u64 << 53) as f64
        };
        let points: Vec<[f64; 2]> = (0..20_000)
            .map(|_| [0.3 + 0.4 * next(), 0.3 + 0.4 * next()])
            .collect();
        let g = grid_of(&points, 3);
        let t = ScreenFromWorld::new([0.5, 0.5], 3.3, [700.0, 700.0]);
        let vis = t.visible([1400.0, 1400.0]);
        let out = laid_out(&g, &points, &t, &vis);
        let pos: Vec<[f32; 2]> = out
            .iter()
            .filter_map(|p| match p {
                Placed::Cluster { pos, .. } => Some(*pos),
                Placed::Marker { .. } => None,
            })
            .collect();
        let total: u32 = out
            .iter()
            .map(|p| match p {
                Placed::Cluster { count, .. } => *count,
                Placed::Marker { .. } => 1,
            })
            .sum();
        assert_eq!(
            total as usize,
            points.len(),
            "merging keeps every event counted"
        );
        let radius = params.marker_px * MERGE_MARKERS;
        for (i, a) in pos.iter().enumerate() {
            for b in &pos[i + 1..] {
                let (dx, dy) = (a[0] - b[0], a[1] - b[1]);
                // A badge only takes neighbours of its own position; merged means can drift
                // closer, but never onto one another.
                assert!(
                    dx * dx + dy * dy > (radius / 2.0).powi(2),
                    "{a:?} and {b:?}"
                );
            }
        }
    }

    #[test]
    fn far_apart_points_stay_put() {
        let points = vec![[0.8, 0.45], [0.8001, 0.45]];
        let g = grid_of(&points, 10);
        let t = ScreenFromWorld::new([0.8, 0.45], 10.0, [400.0, 300.0]);
        let vis = t.visible([800.0, 600.0]);
        let mut out = Vec::new();
        layout(
            &g,
            |i| points[i as usize],
            &t,
            &vis,
            &HashSet::new(),
            LayoutParams::default(),
            &mut out,
        );
        assert!(
            out.iter()
                .all(|p| matches!(p, Placed::Marker { anchor: None, .. })),
            "{out:?}"
        );
    }
}
