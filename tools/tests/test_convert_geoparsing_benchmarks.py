"""Tests for tools/convert_geoparsing_benchmarks.py (standard library only).

    python3 -m unittest discover -s tools/tests

The fixtures in fixtures/ follow the original layouts of TR-News (TR-News.xml) and GeoWebNews
(GWN.xml) but hold invented sentences, not corpus text.
"""
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
from contextlib import redirect_stderr

HERE = os.path.dirname(os.path.abspath(__file__))
TOOLS = os.path.dirname(HERE)
FIXTURES = os.path.join(HERE, "fixtures")
SCRIPT = os.path.join(TOOLS, "convert_geoparsing_benchmarks.py")
sys.path.insert(0, TOOLS)

import convert_geoparsing_benchmarks as conv  # noqa: E402


def run_cli(*args):
    """Runs the converter as a program; returns (exit code, stderr)."""
    p = subprocess.run([sys.executable, SCRIPT, *args], capture_output=True, text=True,
                       timeout=60)
    return p.returncode, p.stderr


class ConverterTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="gpge-test-")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def convert(self, corpus, source, *extra):
        out = os.path.join(self.tmp, corpus + ".jsonl")
        err = io.StringIO()
        with redirect_stderr(err):
            code = conv.main([corpus, source, "-o", out, *extra])
        self.assertEqual(code, 0, err.getvalue())
        with open(out, encoding="utf-8") as f:
            return [json.loads(line) for line in f], err.getvalue()

    def broken_copy(self, name, old, new, count=1):
        """A copy of fixture `name` with `old` replaced by `new`."""
        with open(os.path.join(FIXTURES, name), encoding="utf-8") as f:
            text = f.read()
        self.assertIn(old, text)
        path = os.path.join(self.tmp, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace(old, new, count))
        return path

    def assert_spans_hold_names(self, recs):
        for r in recs:
            for t in r["toponyms"]:
                self.assertEqual(r["text"][t["start"]:t["end"]], t["name"], (r["id"], t))

    # -- TR-News --------------------------------------------------------------------------

    def test_tr_news_records(self):
        recs, err = self.convert("tr-news", os.path.join(FIXTURES, "TR-News.xml"))
        self.assertEqual([r["id"] for r in recs], ["tr-9000001", "tr-9000002", "tr-9000003"])
        first = recs[0]
        self.assertEqual(list(first), ["id", "title", "url", "published", "text", "toponyms"])
        self.assertEqual(first["title"], "Floods close a bridge in Zürich")
        self.assertEqual(first["url"], "http://example.org/news/zurich-floods")
        self.assertEqual([r["published"] for r in recs], ["2021-03-04", None, "2016-11-22"])
        # the CDATA text is kept verbatim, indentation included (offsets count it)
        self.assertIn(".\n        Officials", first["text"])
        self.assert_spans_hold_names(recs)

    def test_tr_news_toponyms(self):
        recs, err = self.convert("tr-news", os.path.join(FIXTURES, "TR-News.xml"))
        tops = recs[0]["toponyms"]
        # sorted by offset; "Baker Lane" has no <gaztag> (no coordinates) and is dropped
        self.assertEqual([t["name"] for t in tops], ["Zürich", "Lucerne", "Switzerland"])
        zurich = tops[0]
        self.assertEqual(list(zurich), ["start", "end", "name", "lat", "lon", "geonameid", "fcode"])
        self.assertEqual((zurich["start"], zurich["end"]), (34, 40))  # code points, not bytes
        self.assertEqual((zurich["lat"], zurich["lon"]), (47.36667, 8.55))
        self.assertEqual((zurich["geonameid"], zurich["fcode"]), (2657896, "PPLA"))
        # end one short of "Lucerne" in the original annotation: repaired; no <fcode>: null
        self.assertEqual((tops[1]["start"], tops[1]["end"], tops[1]["fcode"]), (68, 75, None))
        self.assertIsInstance(tops[2]["lat"], float)

    def test_tr_news_code_points_duplicates_and_bad_spans(self):
        recs, err = self.convert("tr-news", os.path.join(FIXTURES, "TR-News.xml"))
        tops = recs[1]["toponyms"]
        # the text opens with an emoji (1 code point, 2 UTF-16 units, 4 UTF-8 bytes)
        self.assertEqual([(t["name"], t["start"], t["end"]) for t in tops],
                         [("Galway Bay", 22, 32), ("Galway", 48, 54)])
        # "Galway Bay" was annotated twice (kept once); "Limerick" points at other text
        self.assertIn("docid 9000002", err)
        self.assertIn("'Limerick'", err)
        self.assertIn("dropped", err)

    def test_directory_input(self):
        repo = os.path.join(self.tmp, "Pragmatic-Guide-to-Geoparsing-Evaluation-abc123")
        os.makedirs(os.path.join(repo, "data", "Corpora"))
        shutil.copy(os.path.join(FIXTURES, "TR-News.xml"), os.path.join(repo, "data", "Corpora"))
        shutil.copy(os.path.join(FIXTURES, "GWN.xml"), os.path.join(repo, "data"))
        for source in (repo, self.tmp):  # a clone, or the folder around an extracted tarball
            recs, _ = self.convert("tr-news", source)
            self.assertEqual(len(recs), 3)
            recs, _ = self.convert("geowebnews", source)
            self.assertEqual(len(recs), 2)

    # -- GeoWebNews -----------------------------------------------------------------------

    def test_geowebnews_keeps_geocoded_toponyms(self):
        recs, err = self.convert("geowebnews", os.path.join(FIXTURES, "GWN.xml"))
        self.assertEqual([r["id"] for r in recs], ["gwn-12", "gwn-3"])
        r = recs[0]
        self.assertEqual((r["title"], r["url"], r["published"]),
                         ("Storm in Tromsø", "http://example.org/tromso-storm", None))
        self.assertEqual(recs[1]["title"], "Ferry & boats")
        # dropped: "Residents" (Non_Lit_Expression, nonLocational=Yes), "town hall"
        # (Literal_Expression, no coordinates), "Danes" (Demonym)
        self.assertEqual([t["name"] for t in r["toponyms"]],
                         ["Tromsø", "Harbour Road", "Norway", "Oslo", "Norwegian"])
        tromso, road, norway, _, norwegian = r["toponyms"]
        self.assertEqual(list(tromso),
                         ["start", "end", "name", "type", "modifier", "lat", "lon", "geonameid"])
        self.assertEqual((tromso["start"], tromso["end"]), (13, 19))
        self.assertEqual((tromso["lat"], tromso["lon"], tromso["geonameid"]),
                         (69.6489, 18.95508, 3133880))
        # coordinates without a GeoNames id
        self.assertEqual((road["lat"], road["lon"], road["geonameid"]),
                         (69.650123, 18.961234, None))
        self.assertEqual((norway["type"], norway["modifier"]), ("Metonymic", None))
        self.assertEqual((norwegian["type"], norwegian["modifier"]),
                         ("Non_Literal_Modifier", "Adjective"))
        # offsets survive XML escaping ("&amp;") in the text
        self.assertEqual([(t["name"], t["start"]) for t in recs[1]["toponyms"]],
                         [("Bergen", 15), ("Stavanger", 25), ("Bergen", 52)])
        self.assert_spans_hold_names(recs)

    def test_geowebnews_literal_only(self):
        recs, _ = self.convert("geowebnews", os.path.join(FIXTURES, "GWN.xml"), "--literal-only")
        self.assertEqual([[t["name"] for t in r["toponyms"]] for r in recs],
                         [["Tromsø", "Harbour Road"], ["Bergen", "Stavanger"]])

    # -- malformed input ------------------------------------------------------------------

    def test_malformed_offset_names_file_and_record(self):
        src = self.broken_copy("TR-News.xml", "<start>22</start>", "<start>22a</start>")
        out = os.path.join(self.tmp, "out.jsonl")
        code, err = run_cli("tr-news", src, "-o", out)
        self.assertEqual(code, 1)
        self.assertIn(src, err)
        self.assertIn("article #2 (docid 9000002), toponym #2 ('Galway Bay')", err)
        self.assertIn("<start> '22a' is not an integer", err)
        self.assertNotIn("Traceback", err)
        self.assertFalse(os.path.exists(out))  # nothing written on error
        self.assertEqual(os.listdir(self.tmp), ["TR-News.xml"])  # no temporary left behind

    def test_malformed_coordinate(self):
        src = self.broken_copy("GWN.xml", "<latitude>59.91273</latitude>",
                               "<latitude>north</latitude>")
        code, err = run_cli("geowebnews", src, "-o", os.path.join(self.tmp, "out.jsonl"))
        self.assertEqual(code, 1)
        self.assertIn("article #1 (file 12), toponym #6 ('Oslo')", err)
        self.assertIn("<latitude> 'north' is not a number", err)
        self.assertNotIn("Traceback", err)

    def test_out_of_range_coordinate(self):
        src = self.broken_copy("TR-News.xml", "<lon>8.55</lon>", "<lon>208.55</lon>")
        code, err = run_cli("tr-news", src, "-o", os.path.join(self.tmp, "out.jsonl"))
        self.assertEqual(code, 1)
        self.assertIn("toponym #2 ('Zürich'): <lon> 208.55 is out of range", err)

    def test_missing_text_and_attributes(self):
        src = self.broken_copy("TR-News.xml", "<text><![CDATA[Nothing happened anywhere today.]]>"
                               "</text>", "")
        code, err = run_cli("tr-news", src, "-o", os.path.join(self.tmp, "out.jsonl"))
        self.assertEqual(code, 1)
        self.assertIn("article #3 (docid 9000003): missing <text>", err)
        src = self.broken_copy("GWN.xml", '<article file="3">', "<article>")
        code, err = run_cli("geowebnews", src, "-o", os.path.join(self.tmp, "out.jsonl"))
        self.assertEqual(code, 1)
        self.assertIn("article #2: missing file attribute", err)

    def test_bad_xml_and_missing_input(self):
        src = self.broken_copy("GWN.xml", "</toponyms>", "</toponym>")
        code, err = run_cli("geowebnews", src, "-o", os.path.join(self.tmp, "out.jsonl"))
        self.assertEqual(code, 1)
        self.assertRegex(err, r"GWN\.xml: line \d+, column \d+: invalid XML: mismatched tag")
        self.assertNotIn("Traceback", err)
        code, err = run_cli("tr-news", os.path.join(self.tmp, "nope"), "-o", "x.jsonl")
        self.assertEqual(code, 1)
        self.assertIn("no such file or directory", err)
        empty = os.path.join(self.tmp, "empty")
        os.makedirs(os.path.join(empty, "data", "GeoWebNews"))  # BRAT files only, no GWN.xml
        code, err = run_cli("geowebnews", empty, "-o", os.path.join(self.tmp, "out.jsonl"))
        self.assertEqual(code, 1)
        self.assertIn("no GWN.xml found", err)
        self.assertIn("needs data/GWN.xml", err)
        self.assertNotIn("Traceback", err)

    # -- helpers --------------------------------------------------------------------------

    def test_dates_as_spelled_in_tr_news(self):
        cases = {
            "2016-12-19": "2016-12-19",
            "2016 Oct 10": "2016-10-10",
            "17 December 2016": "2016-12-17",
            "Nov 22, 2016 4:30 PM MT": "2016-11-22",
            "2009-03-25 00:26:05.176582-05": "2009-03-25",
            "2016-12-19 05:40 ET": "2016-12-19",
            "Posted: Dec. 3, 2016 10:05 AM": "2016-12-03",
            "": None,
            "soon": None,
            "2016-02-30": None,
        }
        for raw, want in cases.items():
            self.assertEqual(conv.parse_date(raw), want, raw)

    def test_locate_repairs_small_slips_only(self):
        text = "ferries to Lucerne were cancelled"
        self.assertEqual(conv.locate(text, 11, 18, "Lucerne"), (11, 18))
        self.assertEqual(conv.locate(text, 11, 17, "Lucerne"), (11, 18))  # end short
        self.assertEqual(conv.locate(text, 12, 18, "Lucerne"), (11, 18))  # start late
        self.assertEqual(conv.locate(text, 9, 16, "Lucerne"), (11, 18))   # shifted
        self.assertEqual(conv.locate(text, 11, 18, "LUCERNE"), (11, 18))  # case differs
        self.assertIsNone(conv.locate(text, 11, 18, "Geneva"))


if __name__ == "__main__":
    unittest.main()
