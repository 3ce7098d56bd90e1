//! Place geometries (GeoJSON lines and areas) in world coordinates, ready to draw.

use super::projection::{WorldRect, world_from_lonlat};

/// A place's lines and polygons in world coordinates.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WorldShape {
    /// Polylines (LineString, MultiLineString; also polygon outlines are not repeated here).
    pub lines: Vec<Vec<[f64; 2]>>,
    /// Polygons as rings, outer first.
    pub polygons: Vec<Vec<Vec<[f64; 2]>>>,
    /// Bounds of everything.
    pub bounds: Option<WorldRect>,
}

impl WorldShape {
    /// Converts a validated GeoJSON geometry; points and unknown types give an empty shape.
    pub fn from_geojson(g: &serde_json::Value) -> Self {
        fn pos(v: &serde_json::Value) -> Option<[f64; 2]> {
            let a = v.as_array()?;
            Some(world_from_lonlat(a.first()?.as_f64()?, a.get(1)?.as_f64()?))
        }
        fn line(v: &serde_json::Value) -> Vec<[f64; 2]> {
            v.as_array()
                .map(|a| a.iter().filter_map(pos).collect())
                .unwrap_or_default()
        }
        fn poly(v: &serde_json::Value) -> Vec<Vec<[f64; 2]>> {
            v.as_array()
                .map(|a| a.iter().map(line).collect())
                .unwrap_or_default()
        }
        let mut s = WorldShape::default();
        let coords = g.get("coordinates");
        let list = |c: Option<&serde_json::Value>| {
            c.and_then(|c| c.as_array()).cloned().unwrap_or_default()
        };
        match g.get("type").and_then(|t| t.as_str()) {
            Some("LineString") => s.lines.push(coords.map(line).unwrap_or_default()),
            Some("MultiLineString") => s.lines.extend(list(coords).iter().map(line)),
            Some("Polygon") => s.polygons.push(coords.map(poly).unwrap_or_default()),
            Some("MultiPolygon") => s.polygons.extend(list(coords).iter().map(poly)),
            _ => {}
        }
        s.lines.retain(|l| l.len() >= 2);
        s.polygons
            .retain(|p| p.first().is_some_and(|r| r.len() >= 3));
        let all = s
            .lines
            .iter()
            .flatten()
            .chain(s.polygons.iter().flatten().flatten())
            .copied();
        s.bounds = WorldRect::bounding(all);
        s
    }

    /// True when there is nothing to draw.
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty() && self.polygons.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_lines_and_polygons() {
        let g = serde_json::json!({"type": "LineString", "coordinates": [[125.0, 37.7], [126.6, 37.7]]});
        let s = WorldShape::from_geojson(&g);
        assert_eq!(s.lines.len(), 1);
        assert!(s.bounds.unwrap().size()[0] > 0.0);
        let g = serde_json::json!({"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]});
        assert_eq!(WorldShape::from_geojson(&g).polygons.len(), 1);
        assert!(
            WorldShape::from_geojson(&serde_json::json!({"type": "Point", "coordinates": [0, 0]}))
                .is_empty()
        );
    }
}
