#!/usr/bin/env python3
"""Writes the seed inputs of newsmap's fuzz corpora (tools/fuzz/corpus/TARGET/seed-*) from the
repository's own data: data/seed.json and its article, the gold files in tests/data, and a few
hand-made hostile inputs. Inputs libFuzzer adds beside them are kept; rerunning this script
only rewrites the seed-* files.

    python3 tools/fuzz/seed_corpus.py
"""

import hashlib
import json
import pathlib
import random

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tools" / "fuzz" / "corpus"


def write(target, name, data):
    d = CORPUS / target
    d.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    (d / f"seed-{name}").write_bytes(data)


def gold_texts():
    out = []
    for f in ["events_gold.jsonl", "toponyms_gold.jsonl"]:
        for line in (ROOT / "tests" / "data" / f).read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                out.append((rec["id"], rec["text"]))
    return out


def main():
    seed_json = (ROOT / "data" / "seed.json").read_text(encoding="utf-8")
    seed_txt = (ROOT / "seeds" / "2022-11-13-japan-south-korea-summit.txt").read_text(
        encoding="utf-8"
    )
    texts = gold_texts()

    # dataset_load: the seed dataset, inline and by text_path, small and broken variants.
    write("dataset_load", "data-seed-json", seed_json)
    inline = json.loads(seed_json)
    for a in inline["articles"]:
        a.pop("text_path", None)
        a["text"] = seed_txt
    write("dataset_load", "data-seed-inline", json.dumps(inline, ensure_ascii=False))
    small = {
        "format": "newsmap/1",
        "articles": [{"id": "a1", "title": "T", "source": "S", "published": "2022-11-13",
                      "text": "Kishida met Yoon in Cambodia. “Good talks,” he said — résumé."}],
        "places": [{"id": "p1", "name": "Cambodia", "kind": "country", "lat": 12.6, "lon": 104.5,
                    "mentions": [{"article": "a1", "start": 20, "end": 28}]}],
        "parties": [{"id": "k", "name": "Fumio Kishida", "kind": "person", "country": "JP",
                     "mentions": [{"article": "a1", "start": 0, "end": 7}]}],
        "quotes": [{"id": "q1", "article": "a1", "speaker": "k", "text": "Good talks,",
                    "start": 33, "end": 44}],
        "events": [{"id": "e1", "article": "a1", "kind": "CONSULT", "title": "Kishida meets Yoon",
                    "date": {"start": "2022-11-13", "end": "2022-11-13",
                             "phrase": {"start": 0, "end": 7}},
                    "place": "p1", "parties": ["k"], "quotes": ["q1"],
                    "evidence": [{"start": 0, "end": 29}],
                    "why": {"trigger": {"start": 8, "end": 11}}}],
    }
    write("dataset_load", "small", json.dumps(small, ensure_ascii=False))
    write("dataset_load", "small-bom", "\ufeff" + json.dumps(small, ensure_ascii=False))
    write("dataset_load", "small-utf16", b"\xff\xfe" + json.dumps(small).encode("utf-16-le"))
    bad = json.loads(json.dumps(small))
    bad["quotes"][0]["end"] = 999
    bad["events"] += [dict(bad["events"][0], id=f"e{i}", place=f"nowhere{i}") for i in range(25)]
    write("dataset_load", "many-problems", json.dumps(bad, ensure_ascii=False))
    geo = json.loads(json.dumps(small))
    geo["places"][0]["geometry"] = {"type": "LineString", "coordinates": [[124.6, 37.7], [126.1, 37.6]]}
    write("dataset_load", "geometry", json.dumps(geo))
    for i, broken in enumerate(["", "{", "[]", '{"format": 1}', '{"format": "newsmap/2"}',
                                '{"format": "newsmap/1", "articles": [{"id": "a"}]}']):
        write("dataset_load", f"broken-{i}", broken)

    # dataset_validate: byte strings that choose edits to the seed dataset.
    rng = random.Random(20221113)
    for i in range(24):
        write("dataset_validate", f"random-{i:02d}", bytes(rng.randrange(256) for _ in range(64)))

    # article_read: first byte 0 text, 1 Markdown, 2 HTML.
    write("article_read", "japan-korea-summit", b"\x00" + seed_txt.encode())
    for ident, text in texts[:12]:
        write("article_read", f"txt-{ident}", b"\x00" + text.encode())
        paras = [p for p in text.split("\n") if p.strip()]
        md = "# " + paras[0][:80] + "\n\n" + "\n\n".join(f"*{p}*" if i % 3 else p for i, p in enumerate(paras))
        write("article_read", f"md-{ident}", b"\x01" + md.encode())
        html = ("<!doctype html><html lang=\"en\"><head><title>" + paras[0][:60] +
                " | News</title><meta property=\"article:published_time\" content=\"2023-03-05T08:00:00Z\">"
                "</head><body><nav>Home | World</nav><article>" +
                "".join(f"<p>{p}</p>" for p in paras) + "</article><footer>©</footer></body></html>")
        write("article_read", f"html-{ident}", b"\x02" + html.encode())
    write("article_read", "html-deep", b"\x02" + ("<div>" * 600 + "<p>Leaders met in Hanoi.</p>" + "</div>" * 600).encode())
    write("article_read", "html-entities", b"\x02<html><body><p>Talks &#8220;went well&#8221; &amp; ended &mdash; &#xD83D; &bogus; &</p><script>x='<p>'</script></body></html>")
    write("article_read", "utf16", b"\x00\xff\xfe" + "Leaders met in Hanoi on Sunday.".encode("utf-16-le"))
    write("article_read", "bom", b"\x00\xef\xbb\xbfLeaders met in Hanoi on Sunday.")
    write("article_read", "nul", b"\x00Leaders met\x00 in Hanoi.")

    # date_parse.
    for i, d in enumerate(["2022-11-13", "2022-02-30", "2024-02-29", "2022-11-13garbage",
                           "2022-11-13T09:30:00Z", " 2022-11-13 09:30 ", "0000-01-01", "2022-13-01",
                           "2022", "2022-11", "13/11/2022", "9999-12-31", "2022-11-13T9",
                           "２０２２-11-13", "2022-1-1", ""]):
        write("date_parse", f"{i:02d}", d)

    # extract: every gold text and the seed article.
    write("extract", "japan-korea-summit", seed_txt)
    for ident, text in texts:
        write("extract", ident, text)
    write("extract", "places-repeated", "Officials met in Chicago and Springfield and Franklin on Monday. " * 40)
    write("extract", "quotes-odd", "“ ” “\n“We will,” he said. ‘’ \"\" “unclosed\n")
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in sorted(CORPUS.rglob("seed-*")))).hexdigest()
    print(f"seed corpus written ({sum(1 for _ in CORPUS.rglob('seed-*'))} files, sha256 {digest[:12]})")


if __name__ == "__main__":
    main()
