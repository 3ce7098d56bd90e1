//! Offline world basemap: Natural Earth 1:50m countries and land, embedded in the binary.
//!
//! The asset (`assets/basemap/world-50m.bin`, built by `tools/build_basemap.py`, byte layout in
//! `assets/basemap/README.md`) keeps TopoJSON's model: borders are *arcs* shared by the polygons
//! on both sides, and rings are lists of arc references. A renderer can therefore simplify each
//! arc once per zoom and rebuild every ring from the simplified arcs without gaps between
//! neighbours. Land polygons reference the same arcs as the countries.
//!
//! Polygons are planar in lon/lat: the build tool cut them at the antimeridian and closed
//! Antarctica along lat −89.999°, so they can be projected and filled directly. Those cut edges
//! are not coastlines; [`is_cut_segment`] tells a stroking renderer to skip them.
//!
//! No egui here: the map layer turns these shapes into meshes.

use std::sync::OnceLock;

/// The embedded asset; `include_bytes!` resolves relative to this file.
const EMBEDDED_BYTES: &[u8] = include_bytes!("../../assets/basemap/world-50m.bin");

/// First bytes of every basemap asset.
pub const MAGIC: [u8; 8] = *b"NMBASEMP";

/// The asset format version this decoder reads.
pub const FORMAT_VERSION: u32 = 1;

/// Polygons reach the south pole only along this latitude (degrees), closing Antarctica.
const SOUTH_CUT_LAT: f32 = -89.99;

/// Longitudes this close to ±180° lie on the antimeridian cut (the quantization step is 0.0036°).
const ANTIMERIDIAN_EPSILON_DEG: f32 = 1e-4;

/// Countries, land and the arcs both are made of.
#[derive(Debug, Clone, PartialEq)]
pub struct Basemap {
    /// Shared polylines, each point `[lon, lat]` in degrees; rings reference them by index.
    pub arcs: Vec<Vec<[f32; 2]>>,
    /// Countries and territories, largest `area_km2` first (a ready-made label priority).
    pub countries: Vec<Country>,
    /// Land masses (the union of all countries), for one cheap fill under everything.
    pub land: Vec<Polygon>,
}

/// One Natural Earth admin-0 feature (a country, territory or disputed area).
#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    /// Natural Earth's short map name, e.g. "Dem. Rep. Congo".
    pub name: String,
    /// ISO 3166-1 alpha-2 code ("JP"); empty for features without their own code (Somaliland).
    pub iso_a2: String,
    /// ISO 3166-1 alpha-3 code ("JPN"); empty where `iso_a2` is.
    pub iso_a3: String,
    /// Where to put the name, `[lon, lat]` degrees: inside the largest polygon, far from edges.
    pub label: [f32; 2],
    /// Approximate area in km², for ranking labels (not for statistics).
    pub area_km2: f32,
    /// The country's polygons (mainland, islands, exclaves).
    pub polygons: Vec<Polygon>,
}

/// A polygon as rings of arc references.
#[derive(Debug, Clone, PartialEq)]
pub struct Polygon {
    /// First ring outer, the rest holes; each entry `i` is arc `i`, or arc `!i` reversed if negative.
    pub rings: Vec<Vec<i32>>,
}

/// Why a basemap asset could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BasemapError {
    /// The bytes do not start with [`MAGIC`].
    #[error("not a newsmap basemap: bad magic bytes")]
    BadMagic,
    /// The asset was written in a format this build cannot read.
    #[error("basemap format version {found} is not supported (this build reads {supported})")]
    UnsupportedVersion {
        /// Version found in the asset.
        found: u32,
        /// Version this decoder reads.
        supported: u32,
    },
    /// The data ends in the middle of a field.
    #[error("basemap truncated at byte {offset} while reading {what}")]
    Truncated {
        /// Byte offset where more data was needed.
        offset: usize,
        /// The field being read.
        what: &'static str,
    },
    /// A ring references an arc that does not exist.
    #[error("arc reference {arc_ref} at byte {offset} is out of range ({arc_count} arcs)")]
    ArcRefOutOfRange {
        /// Byte offset of the reference.
        offset: usize,
        /// The reference as stored.
        arc_ref: i64,
        /// Number of arcs in the asset.
        arc_count: usize,
    },
    /// A field holds a value the format does not allow.
    #[error("malformed basemap at byte {offset}: {reason}")]
    Malformed {
        /// Byte offset of the field.
        offset: usize,
        /// What is wrong with it.
        reason: &'static str,
    },
}

impl Basemap {
    /// The basemap compiled into the binary, decoded on first use (a few milliseconds).
    ///
    /// # Panics
    /// Only if the compiled-in asset is corrupt, which this module's tests rule out.
    pub fn embedded() -> &'static Basemap {
        static EMBEDDED: OnceLock<Basemap> = OnceLock::new();
        EMBEDDED.get_or_init(|| {
            // The asset is compiled in and decoded by this module's tests, so a failure here is
            // a build defect, not bad input: fail loudly instead of showing an empty world.
            Basemap::decode(EMBEDDED_BYTES)
                .expect("embedded basemap is corrupt; rebuild it with tools/build_basemap.py")
        })
    }

    /// Decodes an asset in the layout of `assets/basemap/README.md`, checking every count and reference.
    ///
    /// # Errors
    /// [`BasemapError`] on bad magic, another format version, truncation or invalid values.
    pub fn decode(bytes: &[u8]) -> Result<Basemap, BasemapError> {
        let mut reader = Reader { bytes, pos: 0 };
        if reader.take(MAGIC.len(), "magic").ok() != Some(&MAGIC[..]) {
            return Err(BasemapError::BadMagic);
        }
        let version = reader.u32_le("format version")?;
        if version != FORMAT_VERSION {
            return Err(BasemapError::UnsupportedVersion {
                found: version,
                supported: FORMAT_VERSION,
            });
        }
        let transform = Transform::read(&mut reader)?;

        let arc_count = reader.count("arc count")?;
        let mut arcs = Vec::with_capacity(arc_count);
        // The delta cursor carries over between arcs: an arc usually starts where the last ended.
        let mut cursor = [0_i64; 2];
        for _ in 0..arc_count {
            let offset = reader.pos;
            let point_count = reader.count("arc point count")?;
            if point_count < 2 {
                return Err(BasemapError::Malformed {
                    offset,
                    reason: "arc with fewer than 2 points",
                });
            }
            let mut arc = Vec::with_capacity(point_count);
            for _ in 0..point_count {
                for coordinate in &mut cursor {
                    let offset = reader.pos;
                    let delta = reader.zigzag("arc point delta")?;
                    *coordinate = coordinate
                        .checked_add(delta)
                        .ok_or(BasemapError::Malformed {
                            offset,
                            reason: "quantized coordinate overflows",
                        })?;
                }
                arc.push(transform.lon_lat(cursor));
            }
            arcs.push(arc);
        }

        let country_count = reader.count("country count")?;
        let mut countries = Vec::with_capacity(country_count);
        for _ in 0..country_count {
            let name = reader.string("country name")?;
            let iso_a2 = reader.string("country iso_a2")?;
            let iso_a3 = reader.string("country iso_a3")?;
            let label = [reader.f32_le("label lon")?, reader.f32_le("label lat")?];
            let area_km2 = reader.f32_le("country area")?;
            let polygon_count = reader.count("country polygon count")?;
            let mut polygons = Vec::with_capacity(polygon_count);
            for _ in 0..polygon_count {
                polygons.push(reader.polygon(arc_count)?);
            }
            countries.push(Country {
                name,
                iso_a2,
                iso_a3,
                label,
                area_km2,
                polygons,
            });
        }

        let land_count = reader.count("land polygon count")?;
        let mut land = Vec::with_capacity(land_count);
        for _ in 0..land_count {
            land.push(reader.polygon(arc_count)?);
        }

        if reader.pos != bytes.len() {
            return Err(BasemapError::Malformed {
                offset: reader.pos,
                reason: "trailing bytes",
            });
        }
        Ok(Basemap {
            arcs,
            countries,
            land,
        })
    }

    /// Stitches a ring's arcs into points; closed (last point = first), shared end points once.
    ///
    /// References to arcs that do not exist are skipped rather than panicking; rings from
    /// [`Basemap::decode`] never contain them.
    pub fn ring_points(&self, ring: &[i32]) -> Vec<[f32; 2]> {
        let arc_of = |arc_ref: i32| {
            // TopoJSON's convention: !i (= -i - 1) is arc i reversed, so 0 stays usable.
            let (index, reversed) = if arc_ref >= 0 {
                (arc_ref, false)
            } else {
                (!arc_ref, true)
            };
            let arc = usize::try_from(index).ok().and_then(|i| self.arcs.get(i))?;
            Some((arc, reversed))
        };
        let capacity = ring
            .iter()
            .filter_map(|&r| arc_of(r))
            .map(|(arc, _)| arc.len())
            .sum();
        let mut points: Vec<[f32; 2]> = Vec::with_capacity(capacity);
        for (arc, reversed) in ring.iter().filter_map(|&r| arc_of(r)) {
            // Every arc after the first starts on the previous arc's last point.
            let skip = usize::from(!points.is_empty());
            if reversed {
                points.extend(arc.iter().rev().skip(skip));
            } else {
                points.extend(arc.iter().skip(skip));
            }
        }
        points
    }

    /// The country with this ISO 3166-1 alpha-2 code (case-insensitive); `None` for "".
    pub fn country_by_iso_a2(&self, code: &str) -> Option<&Country> {
        if code.is_empty() {
            return None; // several features have no code; none of them is "the" answer
        }
        self.countries
            .iter()
            .find(|c| c.iso_a2.eq_ignore_ascii_case(code))
    }
}

/// True if segment `a`–`b` (`[lon, lat]`) lies on a cut — the ±180° meridian or the south pole
/// line — rather than on a real coastline or border, so strokes should skip it.
pub fn is_cut_segment(a: [f32; 2], b: [f32; 2]) -> bool {
    let on_antimeridian = |p: [f32; 2]| p[0].abs() >= 180.0 - ANTIMERIDIAN_EPSILON_DEG;
    let on_pole_line = |p: [f32; 2]| p[1] <= SOUTH_CUT_LAT;
    // Same sign: a segment from +180 to −180 is not along the meridian (it is the pole line).
    let along_antimeridian =
        on_antimeridian(a) && on_antimeridian(b) && (a[0] > 0.0) == (b[0] > 0.0);
    along_antimeridian || (on_pole_line(a) && on_pole_line(b))
}

/// Quantized integer → degrees, as in TopoJSON: `lon = x * scale_x + translate_x`.
struct Transform {
    scale: [f64; 2],
    translate: [f64; 2],
}

impl Transform {
    fn read(reader: &mut Reader<'_>) -> Result<Transform, BasemapError> {
        let offset = reader.pos;
        let scale = [reader.f64_le("scale_x")?, reader.f64_le("scale_y")?];
        let translate = [reader.f64_le("translate_x")?, reader.f64_le("translate_y")?];
        if !scale.iter().chain(&translate).all(|v| v.is_finite()) {
            return Err(BasemapError::Malformed {
                offset,
                reason: "non-finite transform",
            });
        }
        Ok(Transform { scale, translate })
    }

    fn lon_lat(&self, quantized: [i64; 2]) -> [f32; 2] {
        // In f64 so 180° comes out exactly; f32 only at the end. Written out per axis: an
        // array `map` here was not inlined and took a third of the decode time.
        let [x, y] = quantized;
        [
            (x as f64 * self.scale[0] + self.translate[0]) as f32,
            (y as f64 * self.scale[1] + self.translate[1]) as f32,
        ]
    }
}

/// A bounds-checked cursor over the asset; every read reports where it failed.
struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, len: usize, what: &'static str) -> Result<&'a [u8], BasemapError> {
        let end = self
            .pos
            .checked_add(len)
            .filter(|&end| end <= self.bytes.len());
        let end = end.ok_or(BasemapError::Truncated {
            offset: self.pos,
            what,
        })?;
        let slice = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(slice)
    }

    fn array<const N: usize>(&mut self, what: &'static str) -> Result<[u8; N], BasemapError> {
        let mut out = [0; N];
        out.copy_from_slice(self.take(N, what)?);
        Ok(out)
    }

    fn u32_le(&mut self, what: &'static str) -> Result<u32, BasemapError> {
        Ok(u32::from_le_bytes(self.array(what)?))
    }

    fn f32_le(&mut self, what: &'static str) -> Result<f32, BasemapError> {
        Ok(f32::from_le_bytes(self.array(what)?))
    }

    fn f64_le(&mut self, what: &'static str) -> Result<f64, BasemapError> {
        Ok(f64::from_le_bytes(self.array(what)?))
    }

    /// Unsigned LEB128, at most 10 bytes, rejecting bits beyond 64.
    #[inline]
    fn varint(&mut self, what: &'static str) -> Result<u64, BasemapError> {
        let offset = self.pos;
        let mut value = 0_u64;
        // Indexing the slice directly (not via `take`) keeps this hot loop cheap: it runs
        // twice per point.
        for shift in (0..64).step_by(7) {
            let Some(&byte) = self.bytes.get(self.pos) else {
                return Err(BasemapError::Truncated {
                    offset: self.pos,
                    what,
                });
            };
            self.pos += 1;
            let bits = u64::from(byte & 0x7f);
            if shift == 63 && bits > 1 {
                break; // the tenth byte may only carry bit 63
            }
            value |= bits << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(BasemapError::Malformed {
            offset,
            reason: "varint longer than 64 bits",
        })
    }

    /// Zigzag-decoded signed varint (0, -1, 1, -2, … ↔ 0, 1, 2, 3, …).
    #[inline]
    fn zigzag(&mut self, what: &'static str) -> Result<i64, BasemapError> {
        let raw = self.varint(what)?;
        Ok((raw >> 1) as i64 ^ -((raw & 1) as i64))
    }

    /// An element count. Every element takes at least one byte, so a count larger than the
    /// bytes left is corrupt — checking it here keeps a bad count from allocating gigabytes.
    fn count(&mut self, what: &'static str) -> Result<usize, BasemapError> {
        let offset = self.pos;
        let count = self.varint(what)?;
        let remaining = self.bytes.len() - self.pos;
        match usize::try_from(count) {
            Ok(count) if count <= remaining => Ok(count),
            _ => Err(BasemapError::Truncated { offset, what }),
        }
    }

    fn string(&mut self, what: &'static str) -> Result<String, BasemapError> {
        let len = self.count(what)?;
        let offset = self.pos;
        let bytes = self.take(len, what)?;
        String::from_utf8(bytes.to_vec()).map_err(|_| BasemapError::Malformed {
            offset,
            reason: "string is not UTF-8",
        })
    }

    fn polygon(&mut self, arc_count: usize) -> Result<Polygon, BasemapError> {
        let offset = self.pos;
        let ring_count = self.count("polygon ring count")?;
        if ring_count == 0 {
            return Err(BasemapError::Malformed {
                offset,
                reason: "polygon without rings",
            });
        }
        let mut rings = Vec::with_capacity(ring_count);
        for _ in 0..ring_count {
            let offset = self.pos;
            let ref_count = self.count("ring arc count")?;
            if ref_count == 0 {
                return Err(BasemapError::Malformed {
                    offset,
                    reason: "ring without arcs",
                });
            }
            let mut ring = Vec::with_capacity(ref_count);
            for _ in 0..ref_count {
                let offset = self.pos;
                let arc_ref = self.zigzag("arc reference")?;
                let index = if arc_ref >= 0 { arc_ref } else { !arc_ref };
                let in_range = usize::try_from(index).is_ok_and(|i| i < arc_count);
                match i32::try_from(arc_ref) {
                    Ok(arc_ref) if in_range => ring.push(arc_ref),
                    _ => {
                        return Err(BasemapError::ArcRefOutOfRange {
                            offset,
                            arc_ref,
                            arc_count,
                        });
                    }
                }
            }
            rings.push(ring);
        }
        Ok(Polygon { rings })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Even-odd rule over all rings, so holes count as outside.
    fn polygon_contains(basemap: &Basemap, polygon: &Polygon, point: [f32; 2]) -> bool {
        let [x, y] = point;
        let mut inside = false;
        for ring in &polygon.rings {
            let points = basemap.ring_points(ring);
            for pair in points.windows(2) {
                let ([x1, y1], [x2, y2]) = (pair[0], pair[1]);
                if (y1 > y) != (y2 > y) && x < x1 + (y - y1) * (x2 - x1) / (y2 - y1) {
                    inside = !inside;
                }
            }
        }
        inside
    }

    fn country_contains(basemap: &Basemap, country: &Country, point: [f32; 2]) -> bool {
        country
            .polygons
            .iter()
            .any(|p| polygon_contains(basemap, p, point))
    }

    fn bounding_box(basemap: &Basemap, country: &Country) -> [f32; 4] {
        let mut bbox = [f32::MAX, f32::MAX, f32::MIN, f32::MIN];
        for ring in country.polygons.iter().flat_map(|p| &p.rings) {
            for [lon, lat] in basemap.ring_points(ring) {
                bbox = [
                    bbox[0].min(lon),
                    bbox[1].min(lat),
                    bbox[2].max(lon),
                    bbox[3].max(lat),
                ];
            }
        }
        bbox
    }

    /// Minimal asset writer for hand-made inputs (mirrors tools/build_basemap.py).
    fn varint(mut value: u64, out: &mut Vec<u8>) {
        while value >= 0x80 {
            out.push((value as u8) | 0x80);
            value >>= 7;
        }
        out.push(value as u8);
    }

    fn zigzag(value: i64, out: &mut Vec<u8>) {
        varint(((value << 1) ^ (value >> 63)) as u64, out);
    }

    /// One unit-square arc (quantized steps of 1°), one country and one land polygon using `ring`.
    fn tiny_asset(ring: &[i64]) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend(FORMAT_VERSION.to_le_bytes());
        for v in [1.0_f64, 1.0, 10.0, 20.0] {
            out.extend(v.to_le_bytes());
        }
        varint(1, &mut out);
        varint(5, &mut out);
        let mut cursor = [0, 0];
        for point in [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]] {
            zigzag(point[0] - cursor[0], &mut out);
            zigzag(point[1] - cursor[1], &mut out);
            cursor = point;
        }
        varint(1, &mut out);
        for text in ["Squareland", "SQ", "SQR"] {
            varint(text.len() as u64, &mut out);
            out.extend(text.as_bytes());
        }
        for v in [10.5_f32, 20.5, 12_345.0] {
            out.extend(v.to_le_bytes());
        }
        let polygon = |out: &mut Vec<u8>| {
            varint(1, out);
            varint(ring.len() as u64, out);
            for &arc_ref in ring {
                zigzag(arc_ref, out);
            }
        };
        varint(1, &mut out);
        polygon(&mut out);
        varint(1, &mut out);
        polygon(&mut out);
        out
    }

    #[test]
    fn embedded_asset_decodes_with_plausible_content() {
        let started = std::time::Instant::now();
        let basemap = Basemap::decode(EMBEDDED_BYTES).expect("embedded asset decodes");
        println!(
            "decoded {} bytes in {:?}",
            EMBEDDED_BYTES.len(),
            started.elapsed()
        );

        assert!(
            (230..=250).contains(&basemap.countries.len()),
            "{} countries",
            basemap.countries.len()
        );
        assert!(basemap.arcs.len() > 1_000);
        assert!(basemap.land.len() > 1_000);
        assert!(
            std::ptr::eq(Basemap::embedded(), Basemap::embedded()),
            "decoded once"
        );
        let areas: Vec<f32> = basemap.countries.iter().map(|c| c.area_km2).collect();
        assert!(
            areas.windows(2).all(|w| w[0] >= w[1]),
            "countries are sorted largest first"
        );
    }

    #[test]
    fn japan_and_south_korea_have_labels_inside_their_own_polygons() {
        let basemap = Basemap::embedded();
        for code in ["JP", "KR"] {
            let country = basemap
                .country_by_iso_a2(code)
                .unwrap_or_else(|| panic!("{code} exists"));
            let [min_lon, min_lat, max_lon, max_lat] = bounding_box(basemap, country);
            let [lon, lat] = country.label;
            println!(
                "{code} {}: label {lon:.3}, {lat:.3}; bbox {min_lon:.1}..{max_lon:.1}, {min_lat:.1}..{max_lat:.1}",
                country.name
            );
            assert!((min_lon..=max_lon).contains(&lon) && (min_lat..=max_lat).contains(&lat));
            assert!(
                country_contains(basemap, country, country.label),
                "{code} label inside"
            );
        }
        assert_eq!(
            basemap.country_by_iso_a2("jp").map(|c| c.iso_a3.as_str()),
            Some("JPN")
        );
        assert!(
            basemap.country_by_iso_a2("").is_none(),
            "features without a code are not matched"
        );
    }

    #[test]
    fn every_label_lies_inside_its_country() {
        let basemap = Basemap::embedded();
        let outside: Vec<&str> = basemap
            .countries
            .iter()
            .filter(|c| !country_contains(basemap, c, c.label))
            .map(|c| c.name.as_str())
            .collect();
        assert!(
            outside.is_empty(),
            "labels outside their country: {outside:?}"
        );
    }

    #[test]
    fn every_ring_is_closed_and_planar() {
        let basemap = Basemap::embedded();
        let polygons = basemap
            .countries
            .iter()
            .flat_map(|c| &c.polygons)
            .chain(&basemap.land);
        for ring in polygons.flat_map(|p| &p.rings) {
            let points = basemap.ring_points(ring);
            assert!(
                points.len() >= 4,
                "a ring needs three corners and the closing point"
            );
            assert_eq!(points.first(), points.last(), "ring {ring:?} is closed");
            for pair in points.windows(2) {
                // Cut at the antimeridian by the build tool: no edge may wrap around the world,
                // except the pole line that closes Antarctica.
                let wraps = (pair[1][0] - pair[0][0]).abs() > 180.0;
                assert!(
                    !wraps || is_cut_segment(pair[0], pair[1]),
                    "{pair:?} wraps around"
                );
            }
        }
    }

    #[test]
    fn neighbours_share_border_arcs() {
        let basemap = Basemap::embedded();
        let arcs_of = |code: &str| -> std::collections::BTreeSet<i32> {
            let country = basemap.country_by_iso_a2(code).expect("country exists");
            let refs = country
                .polygons
                .iter()
                .flat_map(|p| p.rings.iter().flatten());
            refs.map(|&r| if r >= 0 { r } else { !r }).collect()
        };
        assert!(
            !arcs_of("FR").is_disjoint(&arcs_of("ES")),
            "France and Spain share a border arc"
        );
        assert!(
            !arcs_of("KR").is_disjoint(&arcs_of("KP")),
            "the Koreas share a border arc"
        );
    }

    #[test]
    fn tiny_asset_round_trips_and_reversed_arcs_stitch_backwards() {
        let basemap = Basemap::decode(&tiny_asset(&[0])).expect("tiny asset decodes");
        let country = basemap.country_by_iso_a2("SQ").expect("Squareland");
        assert_eq!(
            (country.iso_a3.as_str(), country.label, country.area_km2),
            ("SQR", [10.5, 20.5], 12_345.0)
        );
        let forward = basemap.ring_points(&country.polygons[0].rings[0]);
        assert_eq!(
            forward,
            vec![
                [10.0, 20.0],
                [11.0, 20.0],
                [11.0, 21.0],
                [10.0, 21.0],
                [10.0, 20.0]
            ]
        );
        let mut backward = basemap.ring_points(&[!0]);
        backward.reverse();
        assert_eq!(backward, forward);
        assert!(
            basemap.ring_points(&[7, i32::MIN]).is_empty(),
            "unknown arcs are skipped"
        );
        assert_eq!(
            Basemap::decode(&tiny_asset(&[-1])).map(|b| b.land[0].rings[0].clone()),
            Ok(vec![-1])
        );
    }

    #[test]
    fn bad_input_gives_errors_not_panics() {
        assert_eq!(Basemap::decode(b""), Err(BasemapError::BadMagic));
        assert_eq!(
            Basemap::decode(b"NOTAMAP!\x01\0\0\0"),
            Err(BasemapError::BadMagic)
        );

        let mut future = tiny_asset(&[0]);
        future[8] = 2;
        assert_eq!(
            Basemap::decode(&future),
            Err(BasemapError::UnsupportedVersion {
                found: 2,
                supported: FORMAT_VERSION
            })
        );
        assert!(matches!(
            Basemap::decode(&tiny_asset(&[1])),
            Err(BasemapError::ArcRefOutOfRange { .. })
        ));
        assert!(matches!(
            Basemap::decode(&tiny_asset(&[-2])),
            Err(BasemapError::ArcRefOutOfRange { .. })
        ));
        let mut trailing = tiny_asset(&[0]);
        trailing.push(0);
        assert!(matches!(
            Basemap::decode(&trailing),
            Err(BasemapError::Malformed { .. })
        ));

        // Every prefix of the tiny asset, and a spread of prefixes of the real one, is truncated.
        let tiny = tiny_asset(&[0]);
        for len in 0..tiny.len() {
            assert!(
                Basemap::decode(&tiny[..len]).is_err(),
                "prefix of {len} bytes"
            );
        }
        // Few enough decodes of the real asset that the test stays quick in debug builds.
        let step = EMBEDDED_BYTES.len() / 40;
        for len in (0..EMBEDDED_BYTES.len())
            .step_by(step)
            .chain([EMBEDDED_BYTES.len() - 1])
        {
            assert!(
                Basemap::decode(&EMBEDDED_BYTES[..len]).is_err(),
                "prefix of {len} bytes"
            );
        }

        // Corrupted bytes must decode or fail, never panic or allocate wildly: every byte of the
        // tiny asset with a few values, and random bytes of the real one.
        for at in 0..tiny.len() {
            for value in [0x00, 0x01, 0x7f, 0x80, 0xff] {
                let mut corrupt = tiny.clone();
                corrupt[at] = value;
                let _ = Basemap::decode(&corrupt);
            }
        }
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..40 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let mut corrupt = EMBEDDED_BYTES.to_vec();
            let at = (state as usize) % corrupt.len();
            corrupt[at] = (state >> 32) as u8;
            let _ = Basemap::decode(&corrupt);
        }
        let mut huge_count = MAGIC.to_vec();
        huge_count.extend(FORMAT_VERSION.to_le_bytes());
        huge_count.extend([0; 32]);
        huge_count.extend([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]);
        assert!(matches!(
            Basemap::decode(&huge_count),
            Err(BasemapError::Truncated { .. })
        ));
        huge_count.truncate(44);
        huge_count.extend([0xff; 11]);
        assert!(matches!(
            Basemap::decode(&huge_count),
            Err(BasemapError::Malformed { .. })
        ));
    }

    #[test]
    fn cut_segments_are_recognised() {
        assert!(is_cut_segment([180.0, 65.0], [180.0, 69.0]));
        assert!(is_cut_segment([-180.0, -84.0], [-180.0, -89.999]));
        assert!(is_cut_segment([180.0, -89.999], [-180.0, -89.999]));
        assert!(!is_cut_segment([179.9, 65.0], [180.0, 69.0]));
        assert!(!is_cut_segment([180.0, 65.0], [-180.0, 65.0]));
        assert!(!is_cut_segment([10.0, 45.0], [11.0, 46.0]));
    }
}
