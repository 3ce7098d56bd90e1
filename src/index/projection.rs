//! Web Mercator "world" coordinates (the unit square) and the screen transform, in f64 so deep
//! zooms stay exact. Same maths as walkers' `MercatorProjection` (256-px tiles).

/// Latitude where Web Mercator's square ends.
pub const MAX_LAT: f64 = 85.051_128_779_806_59;

/// Pixels of the whole world's width at zoom 0 (one 256-px tile).
pub const TILE_PX: f64 = 256.0;

/// Unit-square Web Mercator coordinates of a lon/lat (x east, y south), latitude clamped.
pub fn world_from_lonlat(lon: f64, lat: f64) -> [f64; 2] {
    let lat = lat.clamp(-MAX_LAT, MAX_LAT);
    let x = (lon + 180.0) / 360.0;
    let y = (1.0 - lat.to_radians().tan().asinh() / std::f64::consts::PI) / 2.0;
    [x, y]
}

/// Lon/lat of a unit-square Web Mercator point.
pub fn lonlat_from_world(w: [f64; 2]) -> [f64; 2] {
    let lon = w[0] * 360.0 - 180.0;
    let lat = ((1.0 - 2.0 * w[1]) * std::f64::consts::PI)
        .sinh()
        .atan()
        .to_degrees();
    [lon, lat]
}

/// Pixels per world unit at a zoom level.
pub fn scale_at_zoom(zoom: f64) -> f64 {
    TILE_PX * zoom.exp2()
}

/// An axis-aligned rectangle in world coordinates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WorldRect {
    /// Top-left (min x, min y).
    pub min: [f64; 2],
    /// Bottom-right (max x, max y).
    pub max: [f64; 2],
}

impl WorldRect {
    /// The smallest rectangle holding all points, or `None` for none.
    pub fn bounding(points: impl IntoIterator<Item = [f64; 2]>) -> Option<Self> {
        let mut it = points.into_iter();
        let first = it.next()?;
        let mut r = WorldRect {
            min: first,
            max: first,
        };
        for p in it {
            r.min = [r.min[0].min(p[0]), r.min[1].min(p[1])];
            r.max = [r.max[0].max(p[0]), r.max[1].max(p[1])];
        }
        Some(r)
    }

    /// True when `p` lies inside (edges included).
    pub fn contains(&self, p: [f64; 2]) -> bool {
        p[0] >= self.min[0] && p[0] <= self.max[0] && p[1] >= self.min[1] && p[1] <= self.max[1]
    }

    /// True when the rectangles overlap.
    pub fn intersects(&self, o: &WorldRect) -> bool {
        self.min[0] <= o.max[0]
            && o.min[0] <= self.max[0]
            && self.min[1] <= o.max[1]
            && o.min[1] <= self.max[1]
    }

    /// Grown by `d` world units on each side.
    pub fn expand(&self, d: f64) -> Self {
        WorldRect {
            min: [self.min[0] - d, self.min[1] - d],
            max: [self.max[0] + d, self.max[1] + d],
        }
    }

    /// Width and height.
    pub fn size(&self) -> [f64; 2] {
        [self.max[0] - self.min[0], self.max[1] - self.min[1]]
    }

    /// Centre point.
    pub fn center(&self) -> [f64; 2] {
        [
            (self.min[0] + self.max[0]) / 2.0,
            (self.min[1] + self.max[1]) / 2.0,
        ]
    }
}

/// Maps world coordinates to screen points for one frame: `screen = screen_center + (w - center) * scale`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScreenFromWorld {
    /// World point at the centre of the view.
    pub center: [f64; 2],
    /// Pixels per world unit.
    pub scale: f64,
    /// Screen position of the view's centre, in points.
    pub screen_center: [f32; 2],
}

impl ScreenFromWorld {
    /// The transform for a view centred on `center` at `zoom`.
    pub fn new(center: [f64; 2], zoom: f64, screen_center: [f32; 2]) -> Self {
        Self {
            center,
            scale: scale_at_zoom(zoom),
            screen_center,
        }
    }

    /// Screen point of a world point.
    #[inline]
    pub fn apply(&self, w: [f64; 2]) -> [f32; 2] {
        [
            self.screen_center[0] + ((w[0] - self.center[0]) * self.scale) as f32,
            self.screen_center[1] + ((w[1] - self.center[1]) * self.scale) as f32,
        ]
    }

    /// World point under a screen point.
    pub fn invert(&self, s: [f32; 2]) -> [f64; 2] {
        [
            self.center[0] + (s[0] - self.screen_center[0]) as f64 / self.scale,
            self.center[1] + (s[1] - self.screen_center[1]) as f64 / self.scale,
        ]
    }

    /// The world rectangle a screen of `size_px` shows.
    pub fn visible(&self, size_px: [f32; 2]) -> WorldRect {
        let half = [
            size_px[0] as f64 / 2.0 / self.scale,
            size_px[1] as f64 / 2.0 / self.scale,
        ];
        WorldRect {
            min: [self.center[0] - half[0], self.center[1] - half[1]],
            max: [self.center[0] + half[0], self.center[1] + half[1]],
        }
    }
}

/// Zoom and centre that fit `rect` into a view of `size_px`, leaving `margin_px` on each side,
/// capped at `max_zoom` (a single point should not zoom to street level).
pub fn fit_zoom(
    rect: &WorldRect,
    size_px: [f32; 2],
    margin_px: f32,
    max_zoom: f64,
) -> ([f64; 2], f64) {
    let usable = [
        (size_px[0] - 2.0 * margin_px).max(32.0) as f64,
        (size_px[1] - 2.0 * margin_px).max(32.0) as f64,
    ];
    let [w, h] = rect.size();
    let zx = if w > 0.0 {
        (usable[0] / (w * TILE_PX)).log2()
    } else {
        max_zoom
    };
    let zy = if h > 0.0 {
        (usable[1] / (h * TILE_PX)).log2()
    } else {
        max_zoom
    };
    let zoom = zx.min(zy).clamp(0.0, max_zoom);
    (rect.center(), zoom)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn world_round_trips() {
        for (lon, lat) in [(0.0, 0.0), (126.98, 37.57), (-74.0, 40.7), (179.9, -60.0)] {
            let [lo, la] = lonlat_from_world(world_from_lonlat(lon, lat));
            assert!(
                (lo - lon).abs() < 1e-9 && (la - lat).abs() < 1e-9,
                "{lon},{lat} -> {lo},{la}"
            );
        }
        assert_eq!(world_from_lonlat(0.0, 0.0), [0.5, 0.5]);
    }

    #[test]
    fn screen_transform_inverts_and_fits() {
        let t = ScreenFromWorld::new([0.8, 0.4], 5.0, [400.0, 300.0]);
        let w = t.invert([10.0, 20.0]);
        let s = t.apply(w);
        assert!((s[0] - 10.0).abs() < 1e-3 && (s[1] - 20.0).abs() < 1e-3);
        let r = WorldRect {
            min: [0.80, 0.38],
            max: [0.86, 0.42],
        };
        let (c, z) = fit_zoom(&r, [800.0, 600.0], 20.0, 12.0);
        let t = ScreenFromWorld::new(c, z, [400.0, 300.0]);
        let a = t.apply(r.min);
        let b = t.apply(r.max);
        assert!(
            a[0] >= 19.0 && b[0] <= 781.0 && a[1] >= 19.0 && b[1] <= 581.0,
            "{a:?} {b:?}"
        );
    }
}
