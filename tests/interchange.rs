//! Exchange with other tools: every export read back by GDAL (`ogrinfo`) and by the importers,
//! the GDELT fixture's counts, ACLED rows written here in ACLED's documented layout, foreign
//! GeoJSON, bad rows reported by number with the rest imported, and the command line.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;

use newsmap::interchange::{
    self, CSV_COLUMNS, ExportFormat, ImportFormat, import_bytes, import_file, sniff, to_csv,
    to_geojson,
};
use newsmap::library::store::Store;
use newsmap::model::{Dataset, IdMaps, Mode};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn gdelt_fixture() -> PathBuf {
    root().join("tests/data/gdelt/20250807220000.export.sample.csv")
}

fn seed() -> Dataset {
    Dataset::load(&root().join("data/seed.json")).unwrap()
}

/// `ogrinfo ARGS…`'s stdout; fails the test when GDAL refuses the file.
fn ogrinfo(args: &[&str]) -> String {
    let out = Command::new("ogrinfo")
        .args(args)
        .output()
        .expect("GDAL's ogrinfo runs (Debian gdal-bin, installed by .ci/run)");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "ogrinfo {args:?} failed: {}{stdout}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

/// The "Feature Count: N" of ogrinfo's summary.
fn feature_count(summary: &str) -> usize {
    summary
        .lines()
        .find_map(|l| l.trim().strip_prefix("Feature Count: "))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no feature count in:\n{summary}"))
}

/// The field names ogrinfo lists ("name: Type (…)" lines after the layer's header).
fn field_names(summary: &str) -> BTreeSet<String> {
    summary
        .lines()
        .skip_while(|l| !l.starts_with("Layer name:"))
        .filter_map(|l| {
            let (name, rest) = l.split_once(": ")?;
            // "String (0.0)", "String(JSON) (0.0)", "Integer(Boolean) (1.0)".
            let ty = rest.split(['(', ' ']).next()?;
            (!name.starts_with(' ')
                && matches!(
                    ty,
                    "String"
                        | "Integer"
                        | "Integer64"
                        | "Real"
                        | "Date"
                        | "DateTime"
                        | "StringList"
                        | "Integer64List"
                        | "IntegerList"
                        | "RealList"
                ))
            .then(|| name.to_owned())
        })
        .collect()
}

#[test]
fn the_gdelt_fixture_imports_with_the_expected_counts() {
    let imported = import_file(&gdelt_fixture(), None).unwrap();
    let (ds, r) = (&imported.dataset, &imported.report);
    assert_eq!(r.format, ImportFormat::Gdelt);
    // tests/data/gdelt/README.md: 300 rows; 58 carry CAMEO 01x/02x codes, which PLOVER drops.
    assert_eq!(r.rows, 300);
    assert_eq!(r.skipped.len(), 58, "{:?}", r.skipped);
    assert!(
        r.skipped
            .iter()
            .all(|s| s.at.starts_with("line ") && s.reason.contains("has no PLOVER type")),
        "{:?}",
        r.skipped
    );
    assert_eq!(r.events, 242);
    assert_eq!(ds.events.len(), 242);
    assert!(ds.validate().is_empty());
    // The 5 rows without ActionGeo coordinates (type 0) are events without a place.
    assert_eq!(ds.events.iter().filter(|e| e.place.is_none()).count(), 5);
    // One article per source URL of the rows imported.
    assert_eq!(ds.articles.len(), 94);
    assert!(ds.articles.iter().all(|a| a.url.is_some()));
    // CAMEO 040-046 are CONSULT: 20 + 2 + 33 + 22 + 9 rows of the fixture.
    assert_eq!(interchange::kind_counts(ds)["CONSULT"], 86);
    // Place kinds follow ActionGeo_Type: 47 country rows, 31 state rows, 159 city rows.
    let ids = IdMaps::new(ds);
    let mut by_precision: HashMap<Option<u8>, usize> = HashMap::new();
    for e in &ds.events {
        *by_precision.entry(ds.geo_precision(e, &ids)).or_default() += 1;
    }
    assert_eq!(by_precision[&Some(3)], 47);
    assert_eq!(by_precision[&Some(2)], 31);
    assert_eq!(by_precision[&Some(1)], 159);

    // The first row, field by field.
    let e = ds
        .events
        .iter()
        .find(|e| e.id == "gdelt-1256322770")
        .unwrap();
    assert_eq!(e.kind.code(), "CONCEDE"); // CAMEO 080
    assert_eq!(e.date.as_ref().unwrap().label(), "7 Aug 2024"); // SQLDATE, as GDELT gives it
    let place = ds.event_place(e, &ids).unwrap();
    assert_eq!(place.name, "Mecca, Makkah, Saudi Arabia");
    assert_eq!((place.lat, place.lon), (21.4267, 39.8261));
    assert_eq!(place.country.as_deref(), Some("SA"));
    assert_eq!(e.geo_precision, Some(1));
    let actor = &ds.parties[ids.parties[&e.actors[0]]];
    assert_eq!(actor.name, "JERUSALEM");
    assert_eq!(actor.country.as_deref(), Some("IL"));
    let article = ds.article(e.article.as_deref().unwrap()).unwrap();
    assert_eq!(
        article.url.as_deref(),
        Some("https://theweek.com/edition/theweekus-evening-review-2025-08-07-203055")
    );
    assert_eq!(
        article.published.map(|d| d.to_string()).as_deref(),
        Some("2025-08-07")
    );
    // The row's counts are kept in the source line its evidence points at.
    let line = article.slice(e.evidence[0].span());
    assert!(line.starts_with("GDELT event 1256322770"), "{line}");
    assert!(line.contains("3 mentions, 1 sources, 3 articles"), "{line}");
    // A non-ASCII name survives.
    assert!(ds.places.iter().any(|p| p.name.contains("AttikíR")));
}

/// The fixture's first `n` lines.
fn fixture_lines(n: usize) -> Vec<String> {
    std::fs::read_to_string(gdelt_fixture())
        .unwrap()
        .lines()
        .take(n)
        .map(str::to_owned)
        .collect()
}

#[test]
fn bad_gdelt_rows_are_named_by_line_and_the_rest_imported() {
    let mut lines = fixture_lines(12);
    // Line 4: a column short. Line 7: an impossible day. Line 9: a latitude off Earth.
    let mut cols: Vec<&str> = lines[3].split('\t').collect();
    cols.pop();
    lines[3] = cols.join("\t");
    let mut cols: Vec<String> = lines[6].split('\t').map(str::to_owned).collect();
    cols[1] = "20250231".to_owned();
    cols[26] = "042".to_owned();
    lines[6] = cols.join("\t");
    let mut cols: Vec<String> = lines[8].split('\t').map(str::to_owned).collect();
    cols[56] = "123.5".to_owned();
    cols[51] = "4".to_owned();
    cols[26] = "042".to_owned();
    lines[8] = cols.join("\t");
    let text = lines.join("\n") + "\n";
    let imported = import_bytes(text.as_bytes(), "bad.csv", ImportFormat::Gdelt).unwrap();
    let r = &imported.report;
    assert_eq!(r.rows, 12);
    let at: HashMap<&str, &str> = r
        .skipped
        .iter()
        .map(|s| (s.at.as_str(), s.reason.as_str()))
        .collect();
    assert!(at["line 4"].contains("has 60 columns"), "{at:?}");
    assert!(at["line 7"].contains("February 2025 has 28 days"), "{at:?}");
    assert!(at["line 9"].contains("ActionGeo_Lat \"123.5\""), "{at:?}");
    assert_eq!(r.events + r.skipped.len(), 12);
    assert!(r.events >= 8);
    let lines = r.skipped_lines();
    assert!(
        lines.iter().any(|l| l.starts_with("bad.csv: line 4: ")),
        "{lines:?}"
    );
}

/// Rows written here in the layout of ACLED's CSV exports (ACLED's own data may not be
/// redistributed). Line 4 has commas, quotes and a line break in its notes.
const ACLED: &str = "\
event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp
XYZ1001,2023-03-24,2023,1,Demonstrations,Protests,Peaceful protest,Protesters (Testland),,6,,,0,60,,760,Middle East,Syria,Damascus,Damascus,,Damascus,33.5102,36.2913,1,Test Wire,National,\"On 24 March 2023, around 200 people protested in Damascus.\",0,,1680000000
XYZ1002,24 March 2023,2023,2,Political violence,Battles,Armed clash,Military Forces of Testland (2000-),,1,Rebel Group A,,2,12,,760,Middle East,Syria,Idlib,Idlib,,Saraqib,35.8623,36.8006,2,Test Wire; Other Paper,Subnational,Fighting was reported near Saraqib.,3,,1680000000
XYZ1003,2023-03-10,2023,3,Strategic developments,Strategic developments,Arrests,Police Forces of Testland (2000-),,1,Civilians (Testland),,7,17,,760,Middle East,Syria,Homs,Homs,,Homs,34.7324,36.7137,3,Test Paper,National,\"Police arrested a man, his brother and \"\"others\"\";
the brother was released, later.\",0,,1680000000
XYZ1004,2023-03-25,2023,1,Demonstrations,Parades,Street party,Revellers,,6,,,0,60,,760,Middle East,Syria,Damascus,Damascus,,Damascus,33.5102,36.2913,1,Test Wire,National,Not an ACLED type.,0,,1680000000
XYZ1005,2023-03-26,2023,1,Demonstrations,Protests,Peaceful protest,Protesters (Testland),,6,,,0,60,,760,Middle East,Syria,Damascus,Damascus,,Damascus,north,36.2913,1,Test Wire,National,Bad latitude.,0,,1680000000
XYZ1006,2023-03-27,2023,1,Political violence,Explosions/Remote violence,Air/drone strike,Air Force of Testland,,8,Civilians (Testland),,7,78,Civilian targeting,760,Middle East,Syria,Aleppo,Aleppo,,Aleppo,36.2021,37.1343,1,Test Wire,International,An air strike hit Aleppo.,2,,1680000000
";

#[test]
fn acled_rows_import_by_column_name_with_bad_rows_named() {
    assert_eq!(sniff(ACLED.as_bytes()), Ok(ImportFormat::Acled));
    let imported = import_bytes(ACLED.as_bytes(), "acled.csv", ImportFormat::Acled).unwrap();
    let (ds, r) = (&imported.dataset, &imported.report);
    assert_eq!(r.rows, 6);
    let skipped: Vec<(&str, &str)> = r
        .skipped
        .iter()
        .map(|s| (s.at.as_str(), s.reason.as_str()))
        .collect();
    assert_eq!(skipped.len(), 2, "{skipped:?}");
    // The third data row spans two lines, so the rows after it start a line later.
    assert_eq!(skipped[0].0, "line 6");
    assert!(
        skipped[0].1.contains("event_type \"Parades\""),
        "{skipped:?}"
    );
    assert_eq!(skipped[1].0, "line 7");
    assert!(skipped[1].1.contains("latitude \"north\""), "{skipped:?}");
    assert_eq!(ds.events.len(), 4);
    let ids = IdMaps::new(ds);
    let ev = |id: &str| ds.events.iter().find(|e| e.id == id).unwrap();
    let protest = ev("XYZ1001");
    assert_eq!(protest.kind.code(), "PROTEST");
    assert_eq!(protest.title, "Peaceful protest in Damascus");
    assert_eq!(protest.date.as_ref().unwrap().label(), "24 Mar 2023");
    assert_eq!(
        ds.event_place(protest, &ids).unwrap().country.as_deref(),
        Some("SY")
    );
    assert!(!protest.extracted, "ACLED is coded by people");
    // time_precision 2: the week around the day.
    let clash = ev("XYZ1002");
    assert_eq!(clash.kind.code(), "ASSAULT");
    assert_eq!(clash.date.as_ref().unwrap().label(), "21–27 Mar 2023");
    assert_eq!(clash.geo_precision, Some(2));
    assert_eq!(clash.parties.len(), 2);
    // time_precision 3: the month; arrests are COERCE.
    let arrest = ev("XYZ1003");
    assert_eq!(arrest.kind.code(), "COERCE");
    assert_eq!(arrest.date.as_ref().unwrap().label(), "Mar 2023");
    let notes = ds
        .article(arrest.article.as_deref().unwrap())
        .unwrap()
        .slice(arrest.evidence[0].span());
    assert!(notes.contains("his brother and \"others\";"), "{notes}");
    let strike = ev("XYZ1006");
    assert_eq!(strike.kind.code(), "ASSAULT");
    let text = ds
        .article(strike.article.as_deref().unwrap())
        .unwrap()
        .body();
    assert!(text.contains("fatalities: 2"), "{text}");
}

#[test]
fn a_csv_without_the_needed_columns_is_refused_whole() {
    let err = import_bytes(b"name,lat,lon\nx,1,2\n", "x.csv", ImportFormat::Acled).unwrap_err();
    assert!(
        err.to_string().contains("x.csv: the first line must name"),
        "{err}"
    );
    let err = sniff(b"name,lat,lon\nx,1,2\n").unwrap_err();
    assert!(err.contains("no format"), "{err}");
}

#[test]
fn formats_are_sniffed_from_content() {
    assert_eq!(
        sniff(&std::fs::read(gdelt_fixture()).unwrap()),
        Ok(ImportFormat::Gdelt)
    );
    assert_eq!(
        sniff(&std::fs::read(root().join("data/seed.json")).unwrap()),
        Ok(ImportFormat::Newsmap)
    );
    assert_eq!(
        sniff(to_geojson(&seed()).as_bytes()),
        Ok(ImportFormat::GeoJson)
    );
    assert_eq!(sniff(b"SQLite format 3\0rest"), Ok(ImportFormat::Library));
    assert!(sniff(b"").is_err());
    assert!(sniff(b"{\"a\": 1}").unwrap_err().contains("neither"));
    let gdelt1 = ["1"; 57].join("\t");
    assert!(sniff(gdelt1.as_bytes()).unwrap_err().contains("57 columns"));
}

/// What an event is, by content: title, kind, mode, dates, place, parties with roles, quotes,
/// sources.
fn summary(ds: &Dataset) -> BTreeSet<String> {
    let ids = IdMaps::new(ds);
    ds.events
        .iter()
        .map(|e| {
            let place = ds.event_place(e, &ids).map(|p| {
                format!(
                    "{} {} {} {} {:?} {:?}",
                    p.name,
                    p.kind.label(),
                    p.lat,
                    p.lon,
                    p.country,
                    p.geometry
                )
            });
            let mut parties: Vec<String> = e
                .parties
                .iter()
                .map(|p| {
                    let party = &ds.parties[ids.parties[p]];
                    let role = if e.actors.contains(p) {
                        "actor"
                    } else if e.targets.contains(p) {
                        "target"
                    } else {
                        "other"
                    };
                    format!("{} ({}, {role})", party.name, party.kind.label())
                })
                .collect();
            parties.sort();
            let quotes: Vec<String> = e
                .quotes
                .iter()
                .map(|q| {
                    let q = &ds.quotes[ids.quotes[q]];
                    let who = q.speaker.as_ref().map(|s| ds.parties[ids.parties[s]].name.clone());
                    format!("{} — {who:?}", q.text)
                })
                .collect();
            let sources: Vec<String> = e
                .articles()
                .map(|a| {
                    let a = ds.article(a).unwrap();
                    format!("{} {:?} {:?}", a.title, a.url, a.published)
                })
                .collect();
            format!(
                "{} | {} | {:?} | {:?} | {:?} | {place:?} | {:?} | {parties:?} | {quotes:?} | {sources:?} | {:?} | {}",
                e.id,
                e.title,
                e.kind,
                e.mode,
                e.date.as_ref().map(|d| (d.start.map(|s| s.to_string()), d.end.map(|s| s.to_string()))),
                ds.geo_precision(e, &ids),
                e.confidence,
                e.extracted
            )
        })
        .collect()
}

#[test]
fn dataset_to_geojson_and_back_gives_the_same_events_places_and_dates() {
    let original = seed();
    let text = to_geojson(&original);
    let back = import_bytes(text.as_bytes(), "seed.geojson", ImportFormat::GeoJson).unwrap();
    assert!(back.report.skipped.is_empty(), "{:?}", back.report.skipped);
    assert_eq!(back.dataset.events.len(), original.events.len());
    let (a, b) = (summary(&original), summary(&back.dataset));
    let only_a: Vec<_> = a.difference(&b).collect();
    let only_b: Vec<_> = b.difference(&a).collect();
    assert!(
        only_a.is_empty() && only_b.is_empty(),
        "before only: {only_a:#?}\nafter only: {only_b:#?}"
    );
    // And once more: the second export is the first.
    assert_eq!(to_geojson(&back.dataset), text);
}

#[test]
fn geojson_export_passes_ogrinfo_with_every_event_and_field() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("seed.geojson");
    let ds = seed();
    let r = interchange::export(&ds, ExportFormat::GeoJson, &out, &[]).unwrap();
    assert_eq!(r.events, 17);
    let info = ogrinfo(&["-al", "-so", out.to_str().unwrap()]);
    assert_eq!(feature_count(&info), ds.events.len());
    let fields = field_names(&info);
    for f in [
        "title",
        "kind",
        "mode",
        "date_start",
        "date_end",
        "time_precision",
        "place",
        "geo_precision",
        "parties",
        "quotes",
        "sources",
        "confidence",
        "extracted",
    ] {
        assert!(fields.contains(f), "{f} missing from {fields:?}");
    }
    assert!(info.contains("parties: String(JSON)"), "{info}");
    // The Northern Limit Line event is a line; the Phnom Penh ones points.
    let all = ogrinfo(&["-al", out.to_str().unwrap()]);
    assert!(all.contains("LINESTRING ("), "no line in:\n{all}");
    assert!(all.contains("POINT (104.9"), "no Phnom Penh point");
}

#[test]
fn csv_export_quotes_commas_quotes_and_newlines_and_reads_back() {
    // A dataset whose texts hold every character CSV must quote.
    let text = "Talks in \"Geneva\", on Monday.\n“We agree, \"fully\",\nand now,” Kim said.";
    let quote_start = text.find("We agree").unwrap();
    let quote_end = text.find(",” Kim").unwrap() + 1;
    let json = serde_json::json!({
        "format": "newsmap/1",
        "articles": [{"id": "a1", "title": "Geneva, talks", "source": "Wire, Inc.", "url": "https://example.org/a?b=1,2", "text": text}],
        "places": [{"id": "p1", "name": "Geneva, \"old town\"", "kind": "city", "lat": 46.2, "lon": 6.15, "country": "CH"}],
        "parties": [{"id": "y1", "name": "Kim, Jr.", "kind": "person"}, {"id": "y2", "name": "Lee", "kind": "person"}],
        "quotes": [{"id": "q1", "article": "a1", "speaker": "y1", "text": &text[quote_start..quote_end], "start": quote_start, "end": quote_end}],
        "events": [{"id": "e1", "article": "a1", "kind": "CONSULT", "title": "Talks, \"again\"", "date": {"start": "2024-05", "end": "2024-05"}, "place": "p1", "parties": ["y1", "y2"], "actors": ["y1"], "targets": ["y2"], "quotes": ["q1"], "evidence": [{"start": 0, "end": 29}]}]
    });
    let ds = Dataset::from_json_bytes(json.to_string().as_bytes(), "t.json", None).unwrap();
    let bytes = to_csv(&ds).unwrap();
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        CSV_COLUMNS.to_vec()
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1);
    let row: HashMap<&str, &str> = CSV_COLUMNS.iter().copied().zip(rows[0].iter()).collect();
    assert_eq!(row["event_date"], "2024-05-01");
    assert_eq!(row["date_end"], "2024-05-31");
    assert_eq!(row["time_precision"], "3");
    assert_eq!(row["event_type"], "CONSULT");
    assert_eq!(row["actor1"], "Kim, Jr.");
    assert_eq!(row["actor2"], "Lee");
    assert_eq!(row["country"], "Switzerland");
    assert_eq!(row["location"], "Geneva, \"old town\"");
    assert_eq!(row["source"], "Wire, Inc.");
    assert_eq!(row["source_url"], "https://example.org/a?b=1,2");
    assert_eq!(row["notes"], "Talks in \"Geneva\", on Monday.");
    assert_eq!(row["quotes"], "“We agree, \"fully\",\nand now,” — Kim, Jr.");

    // GDAL reads the same: one feature, a point from latitude/longitude, every column.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("events.csv");
    interchange::export(&ds, ExportFormat::Csv, &out, &[]).unwrap();
    let path = out.to_str().unwrap();
    let geo = [
        "-oo",
        "X_POSSIBLE_NAMES=longitude",
        "-oo",
        "Y_POSSIBLE_NAMES=latitude",
    ];
    let mut args = vec!["-al", "-so"];
    args.extend(geo);
    args.push(path);
    let info = ogrinfo(&args);
    assert_eq!(feature_count(&info), 1);
    let fields = field_names(&info);
    for c in CSV_COLUMNS {
        assert!(fields.contains(c), "{c} missing from {fields:?}");
    }
    let mut args = vec!["-al"];
    args.extend(geo);
    args.push(path);
    let all = ogrinfo(&args);
    assert!(all.contains("POINT (6.15 46.2)"), "{all}");
    assert!(all.contains("and now,” — Kim, Jr."), "{all}");

    // newsmap reads its own CSV back as ACLED-style rows.
    let back = import_file(&out, None).unwrap();
    assert_eq!(back.report.format, ImportFormat::Acled);
    let e = &back.dataset.events[0];
    assert_eq!(e.kind.code(), "CONSULT");
    assert_eq!(e.date.as_ref().unwrap().label(), "May 2024");
    assert_eq!(
        back.dataset.quotes[0].text,
        "We agree, \"fully\",\nand now,"
    );
}

#[test]
fn gpkg_export_is_a_geopackage_gdal_reads_and_a_library_newsmap_reopens() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("seed.gpkg");
    let mut ds = seed();
    ds.events[0].mode = Some(Mode::Future);
    let r = interchange::export(&ds, ExportFormat::Gpkg, &out, &[]).unwrap();
    assert_eq!(r.events, ds.events.len(), "{r}");
    // One file, whole: no write-ahead log beside it.
    assert!(!dir.path().join("seed.gpkg-wal").exists());
    let info = ogrinfo(&["-so", out.to_str().unwrap(), "events"]);
    assert_eq!(feature_count(&info), ds.events.len());
    let fields = field_names(&info);
    for f in [
        "title",
        "kind",
        "date_start",
        "date_end",
        "place_name",
        "geo_precision",
    ] {
        assert!(fields.contains(f), "{f} missing from {fields:?}");
    }
    let store = Store::open_read_only(&out, "test".into()).unwrap();
    let back = store.load().unwrap();
    assert_eq!(back.events.len(), ds.events.len());
    // Titles, kinds and modes as they were (a planned event stays planned).
    let what = |d: &Dataset| -> BTreeSet<String> {
        d.events
            .iter()
            .map(|e| format!("{} {:?} {:?}", e.title, e.kind, e.mode))
            .collect()
    };
    assert_eq!(what(&back), what(&ds));
    // And it imports, found by its content.
    let imported = import_file(&out, None).unwrap();
    assert_eq!(imported.report.format, ImportFormat::Library);
    assert_eq!(imported.dataset.events.len(), ds.events.len());
}

#[test]
fn foreign_geojson_maps_dates_and_names_and_skips_bad_features() {
    let fc = serde_json::json!({
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [2.35, 48.85]},
             "properties": {"Name": "Rally in Paris", "date": "2024-05-01T10:00:00Z", "city": "Paris"}},
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [13.4, 52.5]},
             "properties": {"title": "Undated gathering"}},
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [12.5, 41.9]},
             "properties": {"name": "Strike", "timestamp": 1714557600000i64, "event_type": "Protests"}},
            {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[30.0, 10.0], [40.0, 10.0], [40.0, 20.0], [30.0, 20.0], [30.0, 10.0]]]},
             "properties": {"name": "Flooded zone", "start_date": "2024-04", "end_date": "2024-06", "kind": "flood"}},
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [200.0, 10.0]},
             "properties": {"name": "Off Earth"}},
            {"type": "Feature", "geometry": null, "properties": {"name": "Bad date", "date": "tomorrow"}},
            {"type": "Feature", "geometry": null, "properties": null}
        ]
    });
    let text = fc.to_string();
    assert_eq!(sniff(text.as_bytes()), Ok(ImportFormat::GeoJson));
    let imported = import_bytes(text.as_bytes(), "other.geojson", ImportFormat::GeoJson).unwrap();
    let (ds, r) = (&imported.dataset, &imported.report);
    assert_eq!(r.rows, 7);
    let at: Vec<&str> = r.skipped.iter().map(|s| s.at.as_str()).collect();
    assert_eq!(at, ["features[4]", "features[5]"], "{:?}", r.skipped);
    assert!(r.skipped[0].reason.contains("not on Earth"));
    assert!(r.skipped[1].reason.contains("tomorrow"));
    assert_eq!(ds.events.len(), 5);
    let ids = IdMaps::new(ds);
    let by_title = |t: &str| ds.events.iter().find(|e| e.title == t).unwrap();
    let rally = by_title("Rally in Paris");
    assert_eq!(rally.date.as_ref().unwrap().label(), "1 May 2024");
    assert_eq!(ds.event_place(rally, &ids).unwrap().name, "Paris");
    assert_eq!(rally.kind.code(), "INCIDENT");
    assert!(by_title("Undated gathering").date.is_none());
    let strike = by_title("Strike");
    assert_eq!(strike.date.as_ref().unwrap().label(), "1 May 2024");
    assert_eq!(strike.kind.code(), "PROTEST");
    let flood = by_title("Flooded zone");
    assert_eq!(flood.date.as_ref().unwrap().label(), "Apr–Jun 2024");
    let zone = ds.event_place(flood, &ids).unwrap();
    assert_eq!(zone.kind.label(), "area");
    assert!(zone.geometry.is_some());
    assert!((30.0..=40.0).contains(&zone.lon) && (10.0..=20.0).contains(&zone.lat));
    // Another tool's own kind stays in the source line.
    let line = ds
        .article(flood.article.as_deref().unwrap())
        .unwrap()
        .slice(flood.evidence[0].span());
    assert!(line.contains("kind: flood"), "{line}");
    assert!(ds.events.iter().any(|e| e.title == "Feature 6"));
}

fn newsmap(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_newsmap"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn the_command_line_imports_exports_filtered_and_fills_a_library() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("gdelt.json");
    let fixture = gdelt_fixture();
    let out = newsmap(&[
        "import",
        fixture.to_str().unwrap(),
        "-o",
        json.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("300 rows read, 242 events imported, 58 rows skipped"),
        "{stderr}"
    );
    assert!(stderr.contains(": line "), "skipped rows named: {stderr}");
    assert_eq!(Dataset::load(&json).unwrap().events.len(), 242);

    // Export what a filter shows: the CONSULT events.
    let csv_out = dir.path().join("consult.csv");
    let out = newsmap(&[
        "export",
        "--format",
        "csv",
        "--filtered",
        "--kind",
        "CONSULT",
        json.to_str().unwrap(),
        "-o",
        csv_out.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows = csv::Reader::from_path(&csv_out).unwrap().records().count();
    assert_eq!(rows, 86);
    // A filter flag without --filtered is a usage error.
    let out = newsmap(&[
        "export",
        "--format",
        "csv",
        "--kind",
        "CONSULT",
        json.to_str().unwrap(),
        "-o",
        csv_out.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    // The output may not be an input.
    let out = newsmap(&[
        "export",
        "--format",
        "geojson",
        json.to_str().unwrap(),
        "-o",
        json.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(Dataset::load(&json).unwrap().events.len(), 242);

    // Into a library; the GeoJSON export of that library passes ogrinfo.
    let lib = dir.path().join("lib.gpkg");
    let out = newsmap(&[
        "import",
        json.to_str().unwrap(),
        "--into",
        lib.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (articles, events) = Store::open(&lib).unwrap().counts().unwrap();
    assert_eq!(articles, 94);
    assert!(events > 0 && events <= 242, "{events}");
    let gj = dir.path().join("lib.geojson");
    let out = newsmap(&[
        "export",
        "--format",
        "geojson",
        lib.to_str().unwrap(),
        "-o",
        gj.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        feature_count(&ogrinfo(&["-al", "-so", gj.to_str().unwrap()])),
        events
    );

    // A file of no known format is named with what newsmap reads; the other file still imports.
    let junk = dir.path().join("notes.txt");
    std::fs::write(&junk, "just some notes\n").unwrap();
    let out = newsmap(&["import", junk.to_str().unwrap(), fixture.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("notes.txt: its content is no format newsmap knows"),
        "{stderr}"
    );
    let printed: Dataset = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(printed.events.len(), 242);
}
