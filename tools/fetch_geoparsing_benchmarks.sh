#!/usr/bin/env bash
# Downloads the public TR-News and GeoWebNews releases at pinned commits and converts them into
# newsmap's toponym benchmark files (JSON Lines) with tools/convert_geoparsing_benchmarks.py.
#
# usage: tools/fetch_geoparsing_benchmarks.sh OUT_DIR
#   writes OUT_DIR/raw/TR-News.xml, OUT_DIR/raw/GWN.xml (the releases as published),
#          OUT_DIR/tr-news.jsonl, OUT_DIR/geowebnews.jsonl
#   then:  target/release/newsmap bench toponyms OUT_DIR/tr-news.jsonl
#
# Source: https://github.com/milangritta/Pragmatic-Guide-to-Geoparsing-Evaluation (GPL-3.0)
#   data/Corpora/TR-News.xml  TR-News, Kamalloo & Rafiei (2018), 118 articles
#   data/GWN.xml              GeoWebNews, Gritta et al. (2019), 200 articles
# The article texts belong to their publishers: OUT_DIR must lie outside this repository (the
# script refuses otherwise) and nothing it writes may be committed.
#
# Checksums: this script was written offline, so the SHA-256 of the two files could not be
# computed. Each run prints the hashes it computed. Once you have a download you trust (e.g. one
# whose conversion gives 118 articles / 1263 toponyms and 200 articles / 2599 toponyms), paste
# them into TR_SHA256 / GWN_SHA256 below (or export them); from then on a mismatch is an error.
# With the variables empty the files are only checked for being the XML the converter expects.
set -euo pipefail

REPO="milangritta/Pragmatic-Guide-to-Geoparsing-Evaluation"
# Commits at which the files were seen (GWN.xml at this commit has the file/title/link fields
# the converter needs; older GWN.xml versions lack them).
TR_COMMIT="e512bb574b697bbdd3344416c3c3e2167cfc4b33"
TR_PATH="data/Corpora/TR-News.xml"
GWN_COMMIT="8a6f74ad999268831526b59c658ee2874f6b7239"
GWN_PATH="data/GWN.xml"
TR_SHA256="${TR_SHA256:-}"    # fill in: sha256 of TR-News.xml at TR_COMMIT
GWN_SHA256="${GWN_SHA256:-}"  # fill in: sha256 of GWN.xml at GWN_COMMIT

die() { echo "error: $*" >&2; exit 1; }

[ $# -eq 1 ] || { sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
CONVERT="$HERE/convert_geoparsing_benchmarks.py"
[ -f "$CONVERT" ] || die "$CONVERT not found"
command -v python3 >/dev/null || die "python3 is required"

realpath_py() { python3 -c 'import os, sys; print(os.path.realpath(sys.argv[1]))' "$1"; }
OUT="$(realpath_py "$1")"
case "$OUT/" in
  "$(realpath_py "$ROOT")/"*) die "$OUT is inside the repository $ROOT; the corpus texts must not go there (use e.g. ../bench)";;
esac
mkdir -p "$OUT/raw" || die "cannot create $OUT/raw"

sha256() {
  if command -v sha256sum >/dev/null; then sha256sum "$1" | cut -d' ' -f1
  elif command -v shasum >/dev/null; then shasum -a 256 "$1" | cut -d' ' -f1
  else python3 -c 'import hashlib,sys; print(hashlib.sha256(open(sys.argv[1],"rb").read()).hexdigest())' "$1"
  fi
}

download() {  # url dest
  local tmp="$2.part"
  rm -f "$tmp"
  if command -v curl >/dev/null; then
    curl -fsSL --retry 3 --connect-timeout 30 -o "$tmp" "$1" || { rm -f "$tmp"; die "download failed: $1"; }
  elif command -v wget >/dev/null; then
    wget -q --tries=3 -O "$tmp" "$1" || { rm -f "$tmp"; die "download failed: $1"; }
  else
    die "curl or wget is required"
  fi
  mv "$tmp" "$2"
}

fetch() {  # name commit path expected_sha256 -> OUT/raw/name
  local name="$1" commit="$2" path="$3" expected="$4"
  local url="https://raw.githubusercontent.com/$REPO/$commit/$path"
  local dest="$OUT/raw/$name"
  echo "fetching $url" >&2
  download "$url" "$dest"
  # A Git LFS pointer or an HTML error page would not start like the XML release.
  local start got
  start="$(head -c 200 "$dest")"
  case "$start" in
    *"<?xml"*|*"<articles"*) ;;
    *) die "$dest does not look like the XML release (it starts: ${start:0:80})";;
  esac
  got="$(sha256 "$dest")"
  if [ -n "$expected" ]; then
    [ "$got" = "$expected" ] || die "$name: sha256 $got differs from pinned $expected"
    echo "$name: sha256 $got (matches the pinned value)" >&2
  else
    echo "$name: sha256 $got (not pinned yet: set the matching *_SHA256 variable to this value)" >&2
  fi
}

fetch TR-News.xml "$TR_COMMIT" "$TR_PATH" "$TR_SHA256"
fetch GWN.xml "$GWN_COMMIT" "$GWN_PATH" "$GWN_SHA256"

python3 "$CONVERT" tr-news "$OUT/raw/TR-News.xml" -o "$OUT/tr-news.jsonl"
python3 "$CONVERT" geowebnews "$OUT/raw/GWN.xml" -o "$OUT/geowebnews.jsonl"
echo "done: $OUT/tr-news.jsonl $OUT/geowebnews.jsonl (expected 118 articles / 1263 toponyms and 200 / 2599)" >&2
