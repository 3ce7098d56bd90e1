//! The offline basemap: Natural Earth countries filled, borders and coasts stroked, names labelled.
//!
//! Shared arcs are simplified once per zoom band (about half a pixel of error), then rings are
//! rebuilt from them and triangulated, so neighbouring countries never gap. Each band is built on
//! first use and cached; a frame only transforms the meshes of countries in view.

use std::sync::{Arc, OnceLock};

use egui::{Color32, Mesh, Painter, Pos2, Rect, Shape, Stroke, epaint::Vertex, pos2};
use geo::{Coord, LineString, Simplify, TriangulateEarcut};

use crate::geodata::basemap::Basemap;
use crate::index::projection::{ScreenFromWorld, WorldRect, scale_at_zoom, world_from_lonlat};

/// Zoom at which each band starts; the last band keeps full detail.
const BAND_ZOOMS: [f64; 4] = [0.0, 2.0, 4.0, 6.0];

/// Basemap colours.
#[derive(Clone, Copy, Debug)]
pub struct BasemapStyle {
    /// Sea.
    pub water: Color32,
    /// Land.
    pub land: Color32,
    /// Borders and coasts.
    pub border: Color32,
    /// Country names.
    pub label: Color32,
}

impl BasemapStyle {
    /// Light or dark colours to match the UI theme.
    pub fn for_dark_mode(dark: bool) -> Self {
        if dark {
            Self {
                water: Color32::from_rgb(0x1b, 0x26, 0x33),
                land: Color32::from_rgb(0x34, 0x3a, 0x40),
                border: Color32::from_rgb(0x70, 0x78, 0x80),
                label: Color32::from_rgb(0xb8, 0xbe, 0xc4),
            }
        } else {
            Self {
                water: Color32::from_rgb(0xc9, 0xdd, 0xee),
                land: Color32::from_rgb(0xf3, 0xf0, 0xe8),
                border: Color32::from_rgb(0x9a, 0x96, 0x8c),
                label: Color32::from_rgb(0x5a, 0x58, 0x52),
            }
        }
    }
}

/// One country's triangles within a band's shared vertex buffer.
struct CountryMesh {
    bounds: WorldRect,
    vertices: std::ops::Range<usize>,
    indices: std::ops::Range<usize>,
}

/// One simplified arc.
struct ArcLine {
    bounds: WorldRect,
    points: Vec<[f64; 2]>,
}

/// Geometry simplified for one zoom band, in world coordinates.
struct Band {
    vertices: Vec<[f64; 2]>,
    indices: Vec<u32>,
    countries: Vec<CountryMesh>,
    arcs: Vec<ArcLine>,
}

/// Draws the embedded basemap; owns the per-band caches.
pub struct BasemapLayer {
    data: &'static Basemap,
    /// Built on first use, or ahead of it by [`BasemapLayer::prepare_in_background`].
    bands: Arc<[OnceLock<Band>; BAND_ZOOMS.len()]>,
    /// Country label anchors in world coordinates, largest countries first.
    labels: Vec<(usize, [f64; 2])>,
    /// Last frame's mesh sizes, to allocate once per frame.
    last_capacity: (usize, usize),
}

impl Default for BasemapLayer {
    fn default() -> Self {
        Self::new(Basemap::embedded())
    }
}

impl BasemapLayer {
    /// A layer over basemap data.
    pub fn new(data: &'static Basemap) -> Self {
        let mut labels: Vec<(usize, [f64; 2])> = data
            .countries
            .iter()
            .enumerate()
            .map(|(i, c)| (i, world_from_lonlat(c.label[0] as f64, c.label[1] as f64)))
            .collect();
        labels.sort_by(|a, b| {
            data.countries[b.0]
                .area_km2
                .total_cmp(&data.countries[a.0].area_km2)
        });
        Self {
            data,
            bands: Default::default(),
            labels,
            last_capacity: (0, 0),
        }
    }

    fn band(&self, zoom: f64) -> &Band {
        let i = BAND_ZOOMS.iter().rposition(|&z| zoom >= z).unwrap_or(0);
        band_in(&self.bands[..], self.data, i)
    }

    /// Builds every zoom band on a worker thread, so that the first zoom into a band (or the
    /// fit to a dataset just loaded) does not stop a frame for tens of milliseconds. A band the
    /// window needs first is built by whichever thread gets to it first, once.
    pub fn prepare_in_background(&self) {
        let bands = Arc::clone(&self.bands);
        let data = self.data;
        // Without a thread the bands are simply built on first use, as before.
        let _ = std::thread::Builder::new()
            .name("newsmap-basemap".into())
            .spawn(move || {
                for i in 0..BAND_ZOOMS.len() {
                    band_in(&bands[..], data, i);
                }
            });
    }

    /// Paints water, land, borders and labels for the view `t` over `rect`.
    pub fn paint(
        &mut self,
        painter: &Painter,
        rect: Rect,
        t: &ScreenFromWorld,
        style: &BasemapStyle,
        labels: bool,
    ) {
        painter.rect_filled(rect, 0.0, style.water);
        let zoom = (t.scale / crate::index::projection::TILE_PX).log2();
        let visible = t.visible([rect.width(), rect.height()]);
        let mut mesh = Mesh::default();
        mesh.vertices.reserve(self.last_capacity.0);
        mesh.indices.reserve(self.last_capacity.1);
        let band = self.band(zoom);
        for c in band
            .countries
            .iter()
            .filter(|c| c.bounds.intersects(&visible))
        {
            let base = mesh.vertices.len() as u32;
            mesh.vertices
                .extend(band.vertices[c.vertices.clone()].iter().map(|&w| {
                    let [x, y] = t.apply(w);
                    Vertex {
                        pos: pos2(x, y),
                        uv: egui::epaint::WHITE_UV,
                        color: style.land,
                    }
                }));
            mesh.indices
                .extend(band.indices[c.indices.clone()].iter().map(|&i| i + base));
        }
        let capacity = (mesh.vertices.len(), mesh.indices.len());
        painter.add(Shape::mesh(mesh));

        let stroke = Stroke::new(if zoom < 3.0 { 0.6 } else { 0.9 }, style.border);
        let mut lines = Vec::new();
        for arc in band.arcs.iter().filter(|a| a.bounds.intersects(&visible)) {
            let pts: Vec<Pos2> = arc.points.iter().map(|&w| Pos2::from(t.apply(w))).collect();
            lines.push(Shape::line(pts, stroke));
        }
        painter.extend(lines);
        if labels {
            self.paint_labels(painter, rect, t, &visible, style);
        }
        self.last_capacity = capacity;
    }

    /// Country names, biggest first, skipping any that would overlap or not fit their country.
    fn paint_labels(
        &self,
        painter: &Painter,
        rect: Rect,
        t: &ScreenFromWorld,
        visible: &WorldRect,
        style: &BasemapStyle,
    ) {
        let mut placed: Vec<Rect> = Vec::new();
        let font = egui::FontId::proportional(11.0);
        let km_per_world = 40_075.0;
        for &(ci, w) in &self.labels {
            if !visible.contains(w) {
                continue;
            }
            let c = &self.data.countries[ci];
            // A country's rough on-screen size: its area's square root, projected at its latitude.
            let lat_stretch = 1.0 / (c.label[1] as f64).to_radians().cos().max(0.2);
            let size_px = (c.area_km2 as f64).sqrt() / km_per_world * t.scale * lat_stretch;
            if size_px < 45.0 {
                continue;
            }
            let pos = Pos2::from(t.apply(w));
            let galley = painter.layout_no_wrap(c.name.clone(), font.clone(), style.label);
            let r = Rect::from_center_size(pos, galley.size()).expand(3.0);
            if !rect.contains_rect(r) || placed.iter().any(|p| p.intersects(r)) {
                continue;
            }
            placed.push(r);
            painter.galley(r.shrink(3.0).min, galley, style.label);
        }
    }
}

/// Band `i`, built now if no thread has yet.
fn band_in<'a>(bands: &'a [OnceLock<Band>], data: &Basemap, i: usize) -> &'a Band {
    bands[i].get_or_init(|| {
        let full_detail = i + 1 == BAND_ZOOMS.len();
        // Half a pixel at the band's most zoomed-in end keeps error invisible across the band.
        let epsilon = if full_detail {
            0.0
        } else {
            0.5 / scale_at_zoom(BAND_ZOOMS[i + 1])
        };
        build_band(data, epsilon)
    })
}

fn build_band(data: &Basemap, epsilon: f64) -> Band {
    let simplify = |pts: &[[f32; 2]]| -> Vec<[f64; 2]> {
        let line: LineString<f64> = pts
            .iter()
            .map(|p| {
                let [x, y] = world_from_lonlat(p[0] as f64, p[1] as f64);
                Coord { x, y }
            })
            .collect();
        let line = if epsilon > 0.0 {
            line.simplify(epsilon)
        } else {
            line
        };
        line.0.into_iter().map(|c| [c.x, c.y]).collect()
    };
    let arcs: Vec<Vec<[f64; 2]>> = data.arcs.iter().map(|arc| simplify(arc)).collect();
    // Strokes skip the cuts at ±180° and along Antarctica's southern edge: they are not coasts.
    let stroke_pieces: Vec<Vec<[f64; 2]>> = data
        .arcs
        .iter()
        .flat_map(|arc| {
            let mut pieces = Vec::new();
            let mut start = 0;
            for i in 1..arc.len() {
                if crate::geodata::basemap::is_cut_segment(arc[i - 1], arc[i]) {
                    if i - start >= 2 {
                        pieces.push(simplify(&arc[start..i]));
                    }
                    start = i;
                }
            }
            if arc.len() - start >= 2 {
                pieces.push(simplify(&arc[start..]));
            }
            pieces
        })
        .collect();
    let mut band = Band {
        vertices: Vec::new(),
        indices: Vec::new(),
        countries: Vec::new(),
        arcs: Vec::new(),
    };
    for country in &data.countries {
        for poly in &country.polygons {
            let rings: Vec<Vec<[f64; 2]>> = poly.rings.iter().map(|r| stitch(&arcs, r)).collect();
            let Some(outer) = rings.first() else { continue };
            if distinct_points(outer) < 3 {
                continue; // Simplified away at this zoom: smaller than a pixel.
            }
            let to_ls = |r: &Vec<[f64; 2]>| -> LineString<f64> {
                r.iter().map(|p| Coord { x: p[0], y: p[1] }).collect()
            };
            let holes = rings[1..]
                .iter()
                .filter(|r| distinct_points(r) >= 3)
                .map(to_ls)
                .collect();
            let polygon = geo::Polygon::new(to_ls(outer), holes);
            let tri = polygon.earcut_triangles_raw();
            let v0 = band.vertices.len();
            let i0 = band.indices.len();
            band.vertices.extend(tri.vertices.iter().copied());
            band.indices
                .extend(tri.triangle_indices.iter().map(|&i| i as u32));
            // Indices are relative to the country's first vertex; `paint` rebases them.
            let Some(bounds) = WorldRect::bounding(outer.iter().copied()) else {
                continue;
            };
            band.countries.push(CountryMesh {
                bounds,
                vertices: v0..band.vertices.len(),
                indices: i0..band.indices.len(),
            });
        }
    }
    for pts in stroke_pieces {
        if let Some(bounds) = WorldRect::bounding(pts.iter().copied())
            && pts.len() >= 2
        {
            band.arcs.push(ArcLine {
                bounds,
                points: pts,
            });
        }
    }
    band
}

/// Joins a ring's arcs (TopoJSON: negative index `!i` = arc `i` reversed), dropping each
/// arc's first point after the first since it repeats the previous arc's last.
fn stitch(arcs: &[Vec<[f64; 2]>], ring: &[i32]) -> Vec<[f64; 2]> {
    let mut out: Vec<[f64; 2]> = Vec::new();
    for &r in ring {
        let (idx, reversed) = if r < 0 {
            (!r as usize, true)
        } else {
            (r as usize, false)
        };
        let Some(arc) = arcs.get(idx) else { continue };
        let skip = usize::from(!out.is_empty());
        if reversed {
            out.extend(arc.iter().rev().skip(skip).copied());
        } else {
            out.extend(arc.iter().skip(skip).copied());
        }
    }
    out
}

fn distinct_points(ring: &[[f64; 2]]) -> usize {
    let mut n = 0;
    let mut last: Option<[f64; 2]> = None;
    for &p in ring {
        if last != Some(p) {
            n += 1;
        }
        last = Some(p);
    }
    if n > 1 && ring.first() == ring.last() {
        n - 1
    } else {
        n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_band_triangulates_the_big_countries() {
        let data = Basemap::embedded();
        for (i, &z) in BAND_ZOOMS.iter().enumerate() {
            let eps = if i + 1 == BAND_ZOOMS.len() {
                0.0
            } else {
                0.5 / scale_at_zoom(BAND_ZOOMS[i + 1])
            };
            let band = build_band(data, eps);
            assert!(
                band.countries.len() > 150,
                "band at zoom {z} has {} country polygons",
                band.countries.len()
            );
            assert!(band.indices.len().is_multiple_of(3));
            for c in &band.countries {
                let n = c.vertices.len() as u32;
                assert!(band.indices[c.indices.clone()].iter().all(|&i| i < n));
            }
        }
    }
}
