#!/usr/bin/env python3
"""Converts the public TR-News and GeoWebNews releases into newsmap's toponym benchmark format
(JSON Lines, scored by `newsmap bench toponyms`). Standard library only.

usage:
  convert_geoparsing_benchmarks.py tr-news    DIR_OR_FILE -o tr-news.jsonl
  convert_geoparsing_benchmarks.py geowebnews DIR_OR_FILE -o geowebnews.jsonl [--literal-only]

Both corpora are taken from the public GitHub repository
milangritta/Pragmatic-Guide-to-Geoparsing-Evaluation (licensed GPL-3.0), which holds the releases as
their authors published them; tools/fetch_geoparsing_benchmarks.sh downloads them from
https://raw.githubusercontent.com/<repo>/<commit>/<path> at the pinned commits
e512bb574b697bbdd3344416c3c3e2167cfc4b33 (TR-News) and 8a6f74ad999268831526b59c658ee2874f6b7239 (GWN):

  TR-News     data/Corpora/TR-News.xml  Kamalloo & Rafiei (2018), "A coherent unsupervised model for
              toponym resolution", WWW 2018. 118 international news articles. Redistributed in that
              repository under its GPL-3.0 licence.
              <articles><article docid=".."><title/><url/><domain/><dltime/><text>CDATA</text>
              <toponyms><toponym><phrase/><start/><end/>[<gaztag geonameid=".."><name/><fclass/>
              <fcode/><lat/><lon/><country/>..</gaztag>]</toponym>..</toponyms></article>..</articles>
              start/end are code point offsets into <text>; <dltime> is the publication date in
              several spellings ("2016-12-19", "2016 Oct 10", "17 December 2016", "Nov 22, 2016
              4:30 PM MT", "2009-03-25 00:26:05.176582-05") or empty; toponyms without <gaztag> (or
              without lat/lon) have no coordinates and are dropped.
  GeoWebNews  data/GWN.xml  Gritta, Pilehvar & Collier (2019), "A Pragmatic Guide to Geoparsing
              Evaluation", Language Resources and Evaluation (preprint 2018, arXiv:1810.12368).
              GPL-3.0. 200 web news articles, generated from the BRAT files in data/GeoWebNews/
              (NNN.txt whose first line is "TITLE: .. LINK: ..", NNN.ann).
              <articles><article file="NNN"><title/><link/><text/><toponyms><toponym>
              <extractedName/><normalisedName/><type/><modifierType/><nonLocational>Yes|No
              </nonLocational><start/><end/>[<geonamesID/><latitude/><longitude/>]</toponym>..
              start/end are code point offsets into <text> (the .txt minus its first line).
              geonamesID is empty for the ~200 toponyms that carry only coordinates. Types:
              literal Literal, Literal_Modifier, Embedded_Literal, Mixed, Coercion; non-literal
              (associative) Metonymic, Non_Literal_Modifier, Embedded_Non_Lit; without
              coordinates Demonym, Language, Homonym, Non_Toponym (the entity around an embedded
              toponym) and the augmentation types Literal_Expression / Non_Lit_Expression (which
              carry nonLocational=Yes|No). We keep every toponym with coordinates (literal and
              non-literal, with its type and modifier, so scores can be split) and drop
              non-locational mentions, the types above that have no coordinates, and anything
              else without coordinates. --literal-only keeps the literal group only.

Output, one article per line:
  {"id","title","url","published","text","toponyms":[{"start","end","name","lat","lon",
   "geonameid",...}]}
  id "tr-<docid>" / "gwn-<file>"; published "YYYY-MM-DD" or null (always null for GeoWebNews);
  start/end Unicode code point offsets into text (half-open) and name == text[start:end];
  TR-News toponyms add "fcode", GeoWebNews toponyms add "type" and "modifier"; toponyms are
  sorted by offset and spans annotated twice are kept once.
A few original spans are off by a character or two (e.g. end one short of the phrase); when the
annotated phrase is found at or next to the given offsets the span is repaired, otherwise the
toponym is dropped with a warning. Malformed input (bad XML, a missing <text>, a non-numeric
offset or coordinate) stops the conversion with a message naming the file and the record;
nothing is written then. The article texts are the publishers'; never commit the output.
"""
import argparse
import datetime
import json
import math
import os
import re
import sys
import tempfile
import xml.etree.ElementTree as ET

REPO = "milangritta/Pragmatic-Guide-to-Geoparsing-Evaluation"
TR_NAME, TR_PATHS = "TR-News.xml", ("TR-News.xml", "data/Corpora/TR-News.xml")
GWN_NAME, GWN_PATHS = "GWN.xml", ("GWN.xml", "data/GWN.xml")

GWN_LITERAL = {"Literal", "Literal_Modifier", "Embedded_Literal", "Mixed", "Coercion"}
GWN_NON_LITERAL = {"Metonymic", "Non_Literal_Modifier", "Embedded_Non_Lit"}
# Annotated in GeoWebNews but never geocoded: not places, or not locational.
GWN_DROPPED = {"Demonym", "Language", "Homonym", "Non_Toponym", "Literal_Expression",
               "Non_Lit_Expression"}
SPAN_WINDOW = 20  # how far (code points) a misplaced span may be moved to its phrase

MONTHS = {m: i + 1 for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}


class InputError(Exception):
    """Malformed input: the message names the file and the record."""


class Converter:
    def __init__(self, path: str, quiet: bool = False):
        self.path = path
        self.quiet = quiet
        self.stats = {"articles": 0, "kept": 0, "repaired": 0, "no_coordinates": 0,
                      "non_locational": 0, "filtered": 0, "bad_span": 0, "duplicate": 0}

    def error(self, where: str, msg: str) -> InputError:
        return InputError(f"{self.path}: {where}: {msg}")

    def warn(self, where: str, msg: str):
        if not self.quiet:
            print(f"warning: {self.path}: {where}: {msg}", file=sys.stderr)

    def parse(self) -> ET.Element:
        try:
            root = ET.parse(self.path).getroot()
        except ET.ParseError as e:
            line, col = e.position
            reason = str(e).split(":")[0]  # "not well-formed (invalid token): line 3, ..."
            raise InputError(f"{self.path}: line {line}, column {col}: invalid XML: {reason}"
                             ) from None
        except OSError as e:
            raise InputError(f"{self.path}: cannot read: {e.strerror or e}") from None
        if root.tag != "articles":
            raise InputError(f"{self.path}: root element is <{root.tag}>, expected <articles>")
        if root.find("article") is None:
            raise InputError(f"{self.path}: no <article> elements")
        return root

    # -- fields ---------------------------------------------------------------------------

    def integer(self, where: str, field: str, value) -> int:
        if value is None or not value.strip():
            raise self.error(where, f"missing <{field}>")
        try:
            return int(value.strip())
        except ValueError:
            raise self.error(where, f"<{field}> {value.strip()!r} is not an integer") from None

    def coordinate(self, where: str, field: str, value: str, limit: float) -> float:
        try:
            x = float(value.strip())
        except ValueError:
            raise self.error(where, f"<{field}> {value.strip()!r} is not a number") from None
        if not math.isfinite(x) or abs(x) > limit:
            raise self.error(where, f"<{field}> {value.strip()} is out of range")
        return x

    def geonameid(self, where: str, field: str, value):
        if value is None or not value.strip():
            return None
        try:
            return int(value.strip())
        except ValueError:
            raise self.error(where, f"{field} {value.strip()!r} is not an integer") from None

    def span(self, where: str, text: str, start: int, end: int, phrase):
        """(start, end) of the mention in `text`, repaired if the annotation is slightly off;
        None (with a warning) when the phrase is not at or next to the given offsets."""
        fixed = locate(text, start, end, phrase)
        if fixed is None:
            self.stats["bad_span"] += 1
            self.warn(where, f"span [{start}, {end}) does not hold {phrase!r} "
                             f"(text there: {text[max(start, 0):max(end, 0)]!r}); dropped")
            return None
        if fixed != (start, end):
            self.stats["repaired"] += 1
        return fixed

    def finish(self, toponyms: list) -> list:
        toponyms.sort(key=lambda t: (t["start"], t["end"]))
        out, seen = [], set()
        for t in toponyms:
            if (t["start"], t["end"]) in seen:
                self.stats["duplicate"] += 1
                continue
            seen.add((t["start"], t["end"]))
            out.append(t)
        self.stats["kept"] += len(out)
        return out

    # -- TR-News --------------------------------------------------------------------------

    def tr_news(self):
        ids = set()
        for i, art in enumerate(self.parse().findall("article"), 1):
            docid = (art.get("docid") or "").strip()
            if not docid:
                raise self.error(f"article #{i}", "missing docid attribute")
            rid = f"tr-{docid}"
            where = f"article #{i} (docid {docid})"
            if rid in ids:
                raise self.error(where, "duplicate docid")
            ids.add(rid)
            text_el = art.find("text")
            if text_el is None:
                raise self.error(where, "missing <text>")
            text = text_el.text or ""
            dltime = (art.findtext("dltime") or "").strip()
            published = parse_date(dltime)
            if dltime and published is None:
                self.warn(where, f"unrecognised <dltime> {dltime!r}; published set to null")
            toponyms = []
            for k, top in enumerate(art.findall("toponyms/toponym"), 1):
                phrase = top.findtext("phrase")
                twhere = f"{where}, toponym #{k} ({(phrase or '').strip()!r})"
                start = self.integer(twhere, "start", top.findtext("start"))
                end = self.integer(twhere, "end", top.findtext("end"))
                gaz = top.find("gaztag")
                lat_s = gaz.findtext("lat") if gaz is not None else None
                lon_s = gaz.findtext("lon") if gaz is not None else None
                if not (lat_s and lat_s.strip() and lon_s and lon_s.strip()):
                    self.stats["no_coordinates"] += 1
                    continue
                lat = self.coordinate(twhere, "lat", lat_s, 90.0)
                lon = self.coordinate(twhere, "lon", lon_s, 180.0)
                gid = self.geonameid(twhere, "gaztag geonameid", gaz.get("geonameid"))
                fcode = (gaz.findtext("fcode") or "").strip() or None
                span = self.span(twhere, text, start, end, phrase)
                if span is None:
                    continue
                s, e = span
                toponyms.append({"start": s, "end": e, "name": text[s:e], "lat": lat, "lon": lon,
                                 "geonameid": gid, "fcode": fcode})
            self.stats["articles"] += 1
            yield {"id": rid, "title": (art.findtext("title") or "").strip(),
                   "url": (art.findtext("url") or "").strip(), "published": published,
                   "text": text, "toponyms": self.finish(toponyms)}

    # -- GeoWebNews -----------------------------------------------------------------------

    def geowebnews(self, literal_only: bool = False):
        ids, unknown = set(), set()
        for i, art in enumerate(self.parse().findall("article"), 1):
            name = (art.get("file") or "").strip()
            if not name:
                raise self.error(f"article #{i}", "missing file attribute (older GWN.xml "
                                 "releases lack file/title/link; use the pinned commit of "
                                 "tools/fetch_geoparsing_benchmarks.sh)")
            rid = f"gwn-{name}"
            where = f"article #{i} (file {name})"
            if rid in ids:
                raise self.error(where, "duplicate file attribute")
            ids.add(rid)
            text_el = art.find("text")
            if text_el is None:
                raise self.error(where, "missing <text>")
            text = text_el.text or ""
            toponyms = []
            for k, top in enumerate(art.findall("toponyms/toponym"), 1):
                phrase = top.findtext("extractedName")
                twhere = f"{where}, toponym #{k} ({(phrase or '').strip()!r})"
                ttype = (top.findtext("type") or "").strip()
                if not ttype:
                    raise self.error(twhere, "missing <type>")
                start = self.integer(twhere, "start", top.findtext("start"))
                end = self.integer(twhere, "end", top.findtext("end"))
                nonloc = (top.findtext("nonLocational") or "").strip()
                if nonloc not in ("", "Yes", "No"):
                    raise self.error(twhere, f"<nonLocational> {nonloc!r} is not Yes or No")
                if nonloc == "Yes" or ttype in GWN_DROPPED:
                    self.stats["non_locational"] += 1
                    continue
                if ttype not in GWN_LITERAL | GWN_NON_LITERAL and ttype not in unknown:
                    unknown.add(ttype)
                    self.warn(twhere, f"unknown toponym type {ttype!r} (kept if geocoded)")
                lat_s, lon_s = top.findtext("latitude"), top.findtext("longitude")
                if not (lat_s and lat_s.strip() and lon_s and lon_s.strip()):
                    self.stats["no_coordinates"] += 1
                    continue
                lat = self.coordinate(twhere, "latitude", lat_s, 90.0)
                lon = self.coordinate(twhere, "longitude", lon_s, 180.0)
                gid = self.geonameid(twhere, "<geonamesID>", top.findtext("geonamesID"))
                if literal_only and ttype not in GWN_LITERAL:
                    self.stats["filtered"] += 1
                    continue
                span = self.span(twhere, text, start, end, phrase)
                if span is None:
                    continue
                s, e = span
                toponyms.append({"start": s, "end": e, "name": text[s:e], "type": ttype,
                                 "modifier": (top.findtext("modifierType") or "").strip() or None,
                                 "lat": lat, "lon": lon, "geonameid": gid})
            self.stats["articles"] += 1
            yield {"id": rid, "title": (art.findtext("title") or "").strip(),
                   "url": (art.findtext("link") or "").strip(), "published": None,
                   "text": text, "toponyms": self.finish(toponyms)}


def same(a: str, b: str) -> bool:
    return a == b or a.lower() == b.lower() or " ".join(a.split()) == " ".join(b.split())


def locate(text: str, start: int, end: int, phrase):
    """The annotated span if it holds `phrase`; else the phrase's occurrence that starts or ends
    at the given offsets, or the nearest one within SPAN_WINDOW code points; else None."""
    n = len(text)
    if phrase is None or not phrase.strip():
        return (start, end) if 0 <= start < end <= n else None
    if 0 <= start < end <= n and same(text[start:end], phrase):
        return start, end
    size = len(phrase)
    if 0 <= start and start + size <= n and same(text[start:start + size], phrase):
        return start, start + size
    if 0 <= end - size and end <= n and same(text[end - size:end], phrase):
        return end - size, end
    best = None
    for i in range(max(0, start - SPAN_WINDOW), min(n - size, start + SPAN_WINDOW) + 1):
        if same(text[i:i + size], phrase) and (best is None or abs(i - start) < abs(best - start)):
            best = i
    return (best, best + size) if best is not None else None


def parse_date(s: str):
    """'YYYY-MM-DD' from the date spellings found in TR-News <dltime>, or None."""
    s = s.strip()
    if not s:
        return None
    ymd = None
    m = re.match(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)", s)
    if m:
        ymd = tuple(int(x) for x in m.groups())
    else:
        rest = re.sub(r"\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?", " ", s)  # drop clock times
        year = re.search(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)", rest)
        month = re.search(r"(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?", rest)
        if year and month:
            rest2 = rest[:year.start()] + " " + rest[year.end():]
            days = [(abs(d.start() - month.start()), int(d.group()))
                    for d in re.finditer(r"(?<!\d)\d{1,2}(?!\d)", rest2) if 1 <= int(d.group()) <= 31]
            if days:
                ymd = (int(year.group()), MONTHS[month.group(1).lower()], min(days)[1])
        else:
            m = re.match(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?!\d)", s)
            if m:
                a, b, y = (int(x) for x in m.groups())
                if a > 12 >= b:
                    ymd = (y, b, a)
                elif b > 12 >= a:
                    ymd = (y, a, b)
    if ymd is None:
        return None
    try:
        return datetime.date(*ymd).isoformat()
    except ValueError:
        return None


def find_input(arg: str, name: str, paths: tuple) -> str:
    """`arg` itself if it is a file, else the release file inside the directory `arg` (a clone,
    an extracted tarball, or a folder holding just the file)."""
    if os.path.isfile(arg):
        return arg
    if not os.path.isdir(arg):
        raise InputError(f"{arg}: no such file or directory")
    candidates = [os.path.join(arg, p) for p in paths]
    try:
        candidates += [os.path.join(arg, d, p) for d in sorted(os.listdir(arg)) for p in paths[1:]]
    except OSError as e:
        raise InputError(f"{arg}: cannot list directory: {e.strerror or e}") from None
    for c in candidates:
        if os.path.isfile(c):
            return c
    hint = ""
    if name == GWN_NAME and os.path.isdir(os.path.join(arg, "data", "GeoWebNews")):
        hint = (" (the BRAT files in data/GeoWebNews/ carry GeoNames ids but no coordinates; "
                "the converter needs data/GWN.xml)")
    raise InputError(f"{arg}: no {name} found (looked for {', '.join(paths)} and */{paths[-1]})"
                     + hint)


def write_jsonl(records, out: str) -> int:
    """Writes all records, or nothing: the file only appears once every record converted."""
    if out == "-":
        n = 0
        for r in records:
            sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
            n += 1
        return n
    directory = os.path.dirname(os.path.abspath(out))
    fd, tmp = tempfile.mkstemp(prefix=".convert-", suffix=".jsonl", dir=directory)
    try:
        n = 0
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            for r in records:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
                n += 1
        os.replace(tmp, out)
        return n
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(
        description="Convert TR-News / GeoWebNews (from " + REPO + ") to newsmap JSON Lines.")
    ap.add_argument("corpus", choices=["tr-news", "geowebnews"])
    ap.add_argument("input", metavar="DIR_OR_FILE",
                    help="TR-News.xml / GWN.xml, or a directory holding it (e.g. the repository)")
    ap.add_argument("-o", "--output", required=True, help="output .jsonl ('-' for stdout)")
    ap.add_argument("--literal-only", action="store_true",
                    help="geowebnews: keep literal toponyms only (drop metonymic and other "
                         "non-literal ones)")
    ap.add_argument("-q", "--quiet", action="store_true", help="no warnings, no summary")
    args = ap.parse_args(argv)
    try:
        if args.corpus == "tr-news":
            if args.literal_only:
                ap.error("--literal-only applies to geowebnews only")
            conv = Converter(find_input(args.input, TR_NAME, TR_PATHS), args.quiet)
            records = conv.tr_news()
        else:
            conv = Converter(find_input(args.input, GWN_NAME, GWN_PATHS), args.quiet)
            records = conv.geowebnews(args.literal_only)
        n = write_jsonl(records, args.output)
    except InputError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    except OSError as e:
        print(f"error: {e.filename or args.output}: {e.strerror or e}", file=sys.stderr)
        return 1
    if not args.quiet:
        s = conv.stats
        labels = {"no_coordinates": "without coordinates",
                  "non_locational": "non-locational or non-toponym types",
                  "filtered": "non-literal (--literal-only)", "bad_span": "bad spans",
                  "duplicate": "duplicate spans"}
        dropped = ", ".join(f"{s[k]} {label}" for k, label in labels.items() if s[k])
        print(f"{args.corpus}: {n} articles, {s['kept']} toponyms -> {args.output}"
              f" (spans repaired: {s['repaired']}; dropped: {dropped or 'none'})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
