//! How event kinds look on the map: a colour per kind, a shape per PLOVER quad class, and the
//! texture atlas those shapes are drawn from (one textured quad per marker keeps thousands cheap).

use egui::{Color32, ColorImage, Context, Rect, TextureHandle, TextureOptions, pos2};

use crate::model::EventKind;

/// Marker outline shapes, one per PLOVER quad class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkerShape {
    /// Verbal cooperation (agree, consult, support, request).
    Circle,
    /// Material cooperation (concede, cooperate, aid, retreat).
    Square,
    /// Verbal conflict (accuse, reject, threaten, protest).
    Triangle,
    /// Material conflict (sanction, mobilise, coerce, assault).
    Diamond,
    /// An incident outside PLOVER's interactions (accident, disaster, crime).
    Hexagon,
}

impl MarkerShape {
    /// Every shape, in atlas order.
    pub const ALL: [MarkerShape; 5] = [
        MarkerShape::Circle,
        MarkerShape::Square,
        MarkerShape::Triangle,
        MarkerShape::Diamond,
        MarkerShape::Hexagon,
    ];

    /// Name for legends and descriptions.
    pub fn label(self) -> &'static str {
        match self {
            MarkerShape::Circle => "circle",
            MarkerShape::Square => "square",
            MarkerShape::Triangle => "triangle",
            MarkerShape::Diamond => "diamond",
            MarkerShape::Hexagon => "hexagon",
        }
    }
}

/// The shape that stands for a kind.
pub fn kind_shape(kind: EventKind) -> MarkerShape {
    use EventKind::*;
    match kind {
        Agree | Consult | Support | Request => MarkerShape::Circle,
        Concede | Cooperate | Aid | Retreat => MarkerShape::Square,
        Accuse | Reject | Threaten | Protest => MarkerShape::Triangle,
        Sanction | Mobilize | Coerce | Assault => MarkerShape::Diamond,
        Incident => MarkerShape::Hexagon,
    }
}

/// The colour that stands for a kind: blues and greens for cooperation, ambers to reds for conflict.
pub fn kind_color(kind: EventKind) -> Color32 {
    use EventKind::*;
    let hex = match kind {
        Agree => 0x1f6fd1,
        Consult => 0x1a9fb5,
        Support => 0x3a8f3a,
        Request => 0x7b5cc4,
        Concede => 0x6b8e23,
        Cooperate => 0x2e8b57,
        Aid => 0x20a080,
        Retreat => 0x708090,
        Accuse => 0xe08a00,
        Reject => 0xc9a100,
        Threaten => 0xe8590c,
        Protest => 0xd4a017,
        Sanction => 0xb5476b,
        Mobilize => 0xd62828,
        Coerce => 0x9d174d,
        Assault => 0x8b0000,
        Incident => 0x5d6d7e,
    };
    Color32::from_rgb((hex >> 16) as u8, (hex >> 8) as u8, hex as u8)
}

const CELL: usize = 64;

/// The shapes rendered once into a texture: white fill, dark outline, anti-aliased edges.
pub struct MarkerAtlas {
    /// The uploaded texture.
    pub texture: TextureHandle,
    /// A white anti-aliased disc, tinted per vertex: cluster badges are two quads of it (ring
    /// and fill) instead of tessellated circles.
    pub disc: TextureHandle,
}

impl MarkerAtlas {
    /// Renders the atlas and uploads it.
    pub fn new(ctx: &Context) -> Self {
        let w = CELL * MarkerShape::ALL.len();
        let mut pixels = vec![Color32::TRANSPARENT; w * CELL];
        for (si, shape) in MarkerShape::ALL.iter().enumerate() {
            for y in 0..CELL {
                for x in 0..CELL {
                    // Signed distance (negative inside) in pixels, from the cell centre.
                    let p = [
                        x as f32 + 0.5 - CELL as f32 / 2.0,
                        y as f32 + 0.5 - CELL as f32 / 2.0,
                    ];
                    let d = shape_distance(*shape, p, CELL as f32 / 2.0 - 3.0);
                    pixels[y * w + si * CELL + x] = shade(d);
                }
            }
        }
        let image = ColorImage::new([w, CELL], pixels);
        let texture = ctx.load_texture("newsmap-markers", image, TextureOptions::LINEAR);
        let mut disc = vec![Color32::TRANSPARENT; CELL * CELL];
        for y in 0..CELL {
            for x in 0..CELL {
                let p = [
                    x as f32 + 0.5 - CELL as f32 / 2.0,
                    y as f32 + 0.5 - CELL as f32 / 2.0,
                ];
                // A one-pixel soft edge at the cell's rim.
                let d = (p[0] * p[0] + p[1] * p[1]).sqrt() - (CELL as f32 / 2.0 - 1.0);
                let a = (0.5 - d).clamp(0.0, 1.0);
                disc[y * CELL + x] = Color32::from_white_alpha((a * 255.0) as u8);
            }
        }
        let disc = ctx.load_texture(
            "newsmap-disc",
            ColorImage::new([CELL, CELL], disc),
            TextureOptions::LINEAR,
        );
        Self { texture, disc }
    }

    /// UV rectangle of a shape in the atlas.
    pub fn uv(&self, shape: MarkerShape) -> Rect {
        let i = MarkerShape::ALL
            .iter()
            .position(|s| *s == shape)
            .unwrap_or(0) as f32;
        let n = MarkerShape::ALL.len() as f32;
        Rect::from_min_max(pos2(i / n, 0.0), pos2((i + 1.0) / n, 1.0))
    }
}

/// Outline 5 px wide (about 1.25 px at marker size), with a 1.5 px soft edge for anti-aliasing.
fn shade(d: f32) -> Color32 {
    let outline = 5.0;
    let alpha = (0.5 - d / 1.5).clamp(0.0, 1.0);
    if alpha <= 0.0 {
        return Color32::TRANSPARENT;
    }
    let fill_mix = ((-d - outline) / 1.5 + 0.5).clamp(0.0, 1.0);
    let v = (40.0 + fill_mix * 215.0) as u8;
    let a = (alpha * 255.0) as u8;
    Color32::from_rgba_premultiplied(
        ((v as f32) * alpha) as u8,
        ((v as f32) * alpha) as u8,
        ((v as f32) * alpha) as u8,
        a,
    )
}

fn shape_distance(shape: MarkerShape, p: [f32; 2], r: f32) -> f32 {
    let [x, y] = p;
    match shape {
        MarkerShape::Circle => (x * x + y * y).sqrt() - r,
        MarkerShape::Square => {
            let q = [x.abs() - r * 0.86, y.abs() - r * 0.86];
            let outside = (q[0].max(0.0).powi(2) + q[1].max(0.0).powi(2)).sqrt();
            outside + q[0].max(q[1]).min(0.0)
        }
        MarkerShape::Diamond => (x.abs() + y.abs() - r) / std::f32::consts::SQRT_2,
        MarkerShape::Triangle => {
            // Upward equilateral triangle, its centroid a little below the cell centre.
            let k = 3.0f32.sqrt();
            let y = y - r * 0.15;
            let s = r * 1.05;
            let a = (k * x.abs() + y) / 2.0;
            a.max(-y - s / 2.0) - s / 2.0
        }
        MarkerShape::Hexagon => {
            // Flat-topped regular hexagon of circumradius ≈ r.
            let (kx, ky, kz) = (-0.866_025_4f32, 0.5f32, 0.577_350_3f32);
            let (mut px, mut py) = (x.abs(), y.abs());
            let d = 2.0 * (kx * px + ky * py).min(0.0);
            px -= d * kx;
            py -= d * ky;
            let h = r * 0.9;
            let cx = px.clamp(-kz * h, kz * h);
            let len = ((px - cx).powi(2) + (py - h).powi(2)).sqrt();
            len * (py - h).signum()
        }
    }
}

/// A small legend icon (the kind's shape in its colour), for lists and panels.
pub fn kind_icon_ui(ui: &mut egui::Ui, kind: EventKind) -> egui::Response {
    use egui::{Shape, Stroke, vec2};
    let (rect, resp) = ui.allocate_exact_size(vec2(12.0, 12.0), egui::Sense::hover());
    let c = rect.center();
    let r = 5.0;
    let color = kind_color(kind);
    let outline = Stroke::new(1.0, Color32::from_gray(40));
    let painter = ui.painter();
    match kind_shape(kind) {
        MarkerShape::Circle => {
            painter.circle(c, r, color, outline);
        }
        MarkerShape::Square => {
            painter.rect(
                Rect::from_center_size(c, vec2(2.0 * r * 0.86, 2.0 * r * 0.86)),
                1.0,
                color,
                outline,
                egui::StrokeKind::Inside,
            );
        }
        MarkerShape::Triangle => {
            painter.add(Shape::convex_polygon(
                vec![
                    c + vec2(0.0, -r),
                    c + vec2(r, r * 0.8),
                    c + vec2(-r, r * 0.8),
                ],
                color,
                outline,
            ));
        }
        MarkerShape::Diamond => {
            painter.add(Shape::convex_polygon(
                vec![
                    c + vec2(0.0, -r),
                    c + vec2(r, 0.0),
                    c + vec2(0.0, r),
                    c + vec2(-r, 0.0),
                ],
                color,
                outline,
            ));
        }
        MarkerShape::Hexagon => {
            let points = (0..6)
                .map(|k| {
                    let a = std::f32::consts::FRAC_PI_3 * k as f32;
                    c + vec2(r * a.cos(), r * a.sin())
                })
                .collect();
            painter.add(Shape::convex_polygon(points, color, outline));
        }
    }
    resp.on_hover_text(format!(
        "{} ({}), drawn as a {} on the map",
        kind.label(),
        kind.code(),
        kind_shape(kind).label()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_distinct_colour() {
        let mut seen = std::collections::HashSet::new();
        for k in EventKind::ALL {
            assert!(
                seen.insert(kind_color(k).to_array()),
                "{k:?} shares a colour"
            );
        }
    }

    #[test]
    fn shapes_are_solid_inside_and_clear_outside() {
        for s in MarkerShape::ALL {
            assert!(shape_distance(s, [0.0, 0.0], 29.0) < -5.0, "{s:?} centre");
            assert!(shape_distance(s, [31.0, 31.0], 29.0) > 0.0, "{s:?} corner");
        }
    }
}
