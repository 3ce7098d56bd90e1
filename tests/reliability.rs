//! The reliability issue, item by item: hostile inputs get a clear message, never a crash, a
//! hang, a blown memory or a destroyed file. Each test names the problem it guards against.

use std::path::{Path, PathBuf};
use std::process::Command;

use newsmap::model::{Dataset, LoadError, MAX_SHOWN_PROBLEMS};

fn newsmap() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsmap"))
}

fn seed_txt() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/2022-11-13-japan-south-korea-summit.txt")
}

/// A short article in `dir`, with its NAME.json metadata beside it.
fn article_with_metadata(dir: &Path) -> (PathBuf, PathBuf) {
    let txt = dir.join("talks.txt");
    std::fs::write(
        &txt,
        "Kenyan President Daniel Mwangi met Tanzanian President Grace Mollel in Arusha on Friday.",
    )
    .unwrap();
    let meta = dir.join("talks.json");
    std::fs::write(
        &meta,
        r#"{"title": "Talks in Arusha", "published": "2023-06-09"}"#,
    )
    .unwrap();
    (txt, meta)
}

fn stderr_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

// 1. `-o` destroys what it should not.

#[cfg(unix)]
#[test]
fn output_onto_a_fifo_or_device_is_refused_and_the_node_survives() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let out = newsmap()
        .args(["extract", "-o"])
        .arg(&fifo)
        .arg(seed_txt())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr_of(&out);
    assert!(
        err.contains(&format!("{}: is a FIFO", fifo.display())),
        "{err}"
    );
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );
    // /dev/null is never replaced (as root this once broke the system's /dev/null).
    let out = newsmap()
        .args(["extract", "-o", "/dev/null"])
        .arg(seed_txt())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr_of(&out).contains("/dev/null: is a character device"),
        "{}",
        stderr_of(&out)
    );
    assert!(
        std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
}

#[test]
fn output_onto_an_input_or_its_metadata_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (txt, meta) = article_with_metadata(dir.path());
    let before_txt = std::fs::read(&txt).unwrap();
    let before_meta = std::fs::read(&meta).unwrap();
    for target in [&txt, &meta] {
        let out = newsmap()
            .args(["extract", "-o"])
            .arg(target)
            .arg(&txt)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let err = stderr_of(&out);
        assert!(
            err.contains(&format!(
                "{}: is an input of this command",
                target.display()
            )),
            "{err}"
        );
    }
    assert_eq!(std::fs::read(&txt).unwrap(), before_txt);
    assert_eq!(std::fs::read(&meta).unwrap(), before_meta);
}

#[cfg(unix)]
#[test]
fn output_keeps_modes_and_writes_through_symlinks() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let (txt, _) = article_with_metadata(dir.path());
    // An existing file keeps its mode.
    let shared = dir.path().join("shared.json");
    std::fs::write(&shared, "{}").unwrap();
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o644)).unwrap();
    let ok = newsmap()
        .args(["extract", "-o"])
        .arg(&shared)
        .arg(&txt)
        .status()
        .unwrap();
    assert!(ok.success());
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&shared), 0o644);
    // A new file gets 0666 minus the umask: under a umask of 022, 0644 (it was 0600 before).
    let fresh = dir.path().join("fresh.json");
    let ok = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "umask 022 && exec \"$0\" extract -o '{}' '{}'",
            fresh.display(),
            txt.display()
        ))
        .arg(env!("CARGO_BIN_EXE_newsmap"))
        .status()
        .unwrap();
    assert!(ok.success());
    assert_eq!(mode(&fresh), 0o644);
    // A symlink is written through, and stays a link.
    let link = dir.path().join("link.json");
    std::os::unix::fs::symlink("shared.json", &link).unwrap();
    std::fs::write(&shared, "{}").unwrap();
    let ok = newsmap()
        .args(["extract", "-o"])
        .arg(&link)
        .arg(&txt)
        .status()
        .unwrap();
    assert!(ok.success());
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(Dataset::load(&shared).is_ok(), "written through the link");
}

#[test]
fn output_errors_name_the_target_not_a_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let (txt, _) = article_with_metadata(dir.path());
    let target = dir.path().join("missing-folder").join("out.json");
    let out = newsmap()
        .args(["extract", "-o"])
        .arg(&target)
        .arg(&txt)
        .output()
        .unwrap();
    let err = stderr_of(&out);
    assert!(
        err.contains(&format!("{}: cannot write it", target.display())),
        "{err}"
    );
    assert!(!err.contains("newsmap-tmp"), "{err}");
}

// 2. A panic in the dataset validator.

/// A dataset with `bad_places` events naming places that do not exist, then one quote whose
/// span runs past the text and one that splits "é".
fn many_problems_and_bad_spans(bad_places: usize) -> String {
    let events: Vec<serde_json::Value> = (0..bad_places)
        .map(|i| {
            serde_json::json!({"id": format!("e{i}"), "article": "a1", "kind": "CONSULT",
                "title": "t", "date": null, "place": format!("nowhere{i}")})
        })
        .collect();
    serde_json::json!({
        "format": "newsmap/1",
        "articles": [{"id": "a1", "title": "T", "text": "Kishida met Yoon — résumé."}],
        "quotes": [
            {"id": "q1", "article": "a1", "speaker": null, "text": "x", "start": 5, "end": 999},
            {"id": "q2", "article": "a1", "speaker": null, "text": "x", "start": 23, "end": 25}
        ],
        "events": events
    })
    .to_string()
}

#[test]
fn more_than_twenty_problems_and_bad_quote_spans_never_panic() {
    let json = many_problems_and_bad_spans(25);
    let err = Dataset::from_json_bytes(json.as_bytes(), "bad.json", None).unwrap_err();
    let LoadError::Invalid { problems, .. } = &err else {
        panic!("{err}")
    };
    // Every problem is collected: 25 places and both quote spans.
    assert_eq!(problems.len(), 27, "{problems:#?}");
    assert!(problems.iter().any(|p| p.path == "quotes[0].end"));
    assert!(
        problems
            .iter()
            .any(|p| p.path == "quotes[1].start" && p.message.contains("inside a character"))
    );
    // The message shows the first twenty and counts the rest.
    let shown = err.to_string();
    assert_eq!(shown.lines().count(), MAX_SHOWN_PROBLEMS + 1, "{shown}");
    assert!(
        shown.ends_with(
            "bad.json: … and 7 more problems (27 in all; `newsmap check` lists every one)"
        ),
        "{shown}"
    );
}

#[test]
fn the_app_survives_such_a_file_and_opens_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, many_problems_and_bad_spans(30)).unwrap();
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/seed.json");
    let (lib, errors) = newsmap::library::Library::open(&[bad.clone(), seed]);
    assert_eq!(lib.datasets.len(), 1, "the seed still opens");
    assert_eq!(errors.len(), 1);
    assert!(errors[0].starts_with(&bad.display().to_string()));
}

// 6. `newsmap check`.

#[test]
fn check_lists_every_problem_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, many_problems_and_bad_spans(25)).unwrap();
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/seed.json");
    let out = newsmap()
        .arg("check")
        .arg(&seed)
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.lines().count(), 27, "{stdout}");
    let prefix = format!("{}: ", bad.display());
    assert!(stdout.lines().all(|l| l.starts_with(&prefix)), "{stdout}");
    assert!(stdout.contains("events[24].place \"nowhere24\" is not a place id"));
    let err = stderr_of(&out);
    assert!(err.contains("27 problem(s) in 1 of 2 file(s)"), "{err}");
    let ok = newsmap().arg("check").arg(&seed).output().unwrap();
    assert!(ok.status.success(), "{}", stderr_of(&ok));
}

// 3. Unbounded reads.

/// Runs `newsmap ARGS`, killing it after `secs` seconds; returns the output, or panics naming
/// the hang.
fn run_bounded(args: &[&std::ffi::OsStr], secs: u64) -> std::process::Output {
    let mut child = newsmap()
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(secs);
    loop {
        if child.try_wait().unwrap().is_some() {
            return child.wait_with_output().unwrap();
        }
        if std::time::Instant::now() > deadline {
            child.kill().unwrap();
            panic!("newsmap {args:?} still running after {secs} s");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

#[cfg(unix)]
#[test]
fn dev_zero_stops_at_the_cap_with_a_message() {
    let out = run_bounded(
        &[
            "extract".as_ref(),
            "--max-bytes".as_ref(),
            "1000000".as_ref(),
            "/dev/zero".as_ref(),
        ],
        30,
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr_of(&out);
    assert!(
        err.contains("/dev/zero: is larger than 1 MB (it never ends: a device or pipe?)"),
        "{err}"
    );
    // A dataset whose text_path is /dev/zero.
    let dir = tempfile::tempdir().unwrap();
    let ds = dir.path().join("zero.json");
    std::fs::write(
        &ds,
        r#"{"format": "newsmap/1", "articles": [{"id": "a1", "title": "T", "text_path": "/dev/zero"}]}"#,
    )
    .unwrap();
    let out = run_bounded(&["check".as_ref(), ds.as_os_str()], 30);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("articles[0].text_path \"/dev/zero\": /dev/zero: is larger than 10 MB"),
        "{stdout}"
    );
}

#[test]
fn max_bytes_caps_local_files_and_says_how_to_raise_it() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    std::fs::write(&big, "Leaders met in Hanoi on Sunday. ".repeat(100)).unwrap();
    let out = newsmap()
        .args(["extract", "--max-bytes", "1KB"])
        .arg(&big)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr_of(&out);
    assert!(
        err.contains(
            "big.txt: is larger than 1 KB; `newsmap extract --max-bytes N` reads larger articles"
        ),
        "{err}"
    );
    let ok = newsmap()
        .args(["extract", "--max-bytes", "20MB"])
        .arg(&big)
        .output()
        .unwrap();
    assert!(ok.status.success(), "{}", stderr_of(&ok));
    let bad = newsmap()
        .args(["extract", "--max-bytes", "lots"])
        .arg(&big)
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

// 7. Smaller problems.

#[test]
fn utf16_articles_are_decoded_and_bad_ones_named_as_utf16() {
    let dir = tempfile::tempdir().unwrap();
    let text =
        "Kenyan President Daniel Mwangi met Tanzanian President Grace Mollel in Arusha on Friday.";
    let le = dir.path().join("utf16.txt");
    let bytes: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    std::fs::write(&le, bytes).unwrap();
    let out = newsmap().arg("extract").arg(&le).output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let ds = Dataset::from_json_bytes(&out.stdout, "stdout", None).unwrap();
    assert_eq!(ds.articles[0].body(), text);
    let broken = dir.path().join("broken16.txt");
    std::fs::write(&broken, [0xFF, 0xFE, 0x00, 0xD8, b'a', 0]).unwrap();
    let out = newsmap().arg("extract").arg(&broken).output().unwrap();
    let err = stderr_of(&out);
    assert!(err.contains("looks like UTF-16"), "{err}");
    assert!(!err.contains("binary"), "{err}");
}

#[test]
fn a_bom_in_a_dataset_is_skipped_and_errors_keep_their_position() {
    let good = "\u{feff}{\"format\": \"newsmap/1\"}";
    assert!(Dataset::from_json_bytes(good.as_bytes(), "bom.json", None).is_ok());
    let bad = "\u{feff}{\"format\": \"newsmap/1\",\n \"articles\": [}";
    let e = Dataset::from_json_bytes(bad.as_bytes(), "bom.json", None)
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("bom.json: line 2 column"), "{e}");
}

#[test]
fn nul_bytes_are_found_anywhere() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("late-nul.txt");
    let mut bytes = "Leaders met in Hanoi on Sunday. ".repeat(1000).into_bytes();
    bytes.push(0);
    bytes.extend_from_slice(b" more text");
    std::fs::write(&p, bytes).unwrap();
    let out = newsmap().arg("extract").arg(&p).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr_of(&out);
    assert!(err.contains("contains a NUL byte at offset 32000"), "{err}");
}

#[test]
fn impossible_and_garbled_dates_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let (txt, _) = article_with_metadata(dir.path());
    for (date, says) in [
        (
            "2022-02-30",
            "is not a real date: February 2022 has 28 days",
        ),
        ("2022-11-13garbage", "has text after the date"),
    ] {
        let out = newsmap()
            .args(["extract", "--published", date])
            .arg(&txt)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(stderr_of(&out).contains(says), "{}", stderr_of(&out));
        // The same words for a dataset's article.
        let json = format!(
            r#"{{"format": "newsmap/1", "articles": [{{"id": "a1", "title": "T", "text": "x", "published": "{date}"}}]}}"#
        );
        let e = Dataset::from_json_bytes(json.as_bytes(), "d.json", None)
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("articles[0].published") && e.contains(says),
            "{e}"
        );
    }
}

#[test]
fn an_unknown_command_is_called_one() {
    let out = newsmap().args(["frobnicate", "x.json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr_of(&out).contains("unknown command \"frobnicate\""),
        "{}",
        stderr_of(&out)
    );
}

// 3. Extraction time grew with the square of the input.

/// This thread's CPU time in seconds, where Linux tells it (`/proc/thread-self/schedstat`): other
/// tests and other programs on a busy machine then do not count. Elsewhere, wall time.
fn thread_seconds() -> f64 {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .map(|ns| ns as f64 / 1e9)
        .unwrap_or_else(|| {
            START
                .get_or_init(std::time::Instant::now)
                .elapsed()
                .as_secs_f64()
        })
}

/// Seconds to extract `text` (the best of three runs, so a busy machine does not decide).
fn extract_seconds(text: &str) -> f64 {
    let gaz = newsmap::geodata::gazetteer::Gazetteer::embedded();
    let input = newsmap::model::ArticleInput::new(text);
    (0..3)
        .map(|_| {
            let t = thread_seconds();
            std::hint::black_box(newsmap::extract::extract(&input, gaz));
            thread_seconds() - t
        })
        .fold(f64::INFINITY, f64::min)
}

fn repeated(unit: &str, bytes: usize) -> String {
    let mut s = unit.repeat(bytes / unit.len() + 1);
    s.truncate(bytes);
    while !s.is_char_boundary(s.len()) {
        s.pop();
    }
    s
}

#[test]
fn extraction_time_grows_linearly_with_the_text() {
    // Each shape once hit a quadratic path: every place mention against every earlier anchor;
    // searching back to the line start or the previous space from every name on one long line;
    // the first word of a text without spaces at every position; a place's or party's mention
    // list searched for every new mention.
    for (what, unit) in [
        (
            "places and minor towns",
            "Officials met in Chicago and Springfield and Franklin on Monday. ",
        ),
        ("names without spaces", "Chicago,Springfield,"),
        ("short lines", "x\n"),
        ("one party again and again", "Kishida met Yoon in Seoul. "),
    ] {
        let small = extract_seconds(&repeated(unit, 25_000));
        let large = extract_seconds(&repeated(unit, 100_000));
        // Four times the text: about four times the time when linear, sixteen when quadratic.
        assert!(
            large < 8.0 * small + 0.05,
            "{what}: 25 KB took {small:.3} s, 100 KB {large:.3} s"
        );
    }
}

// 5. Memory blow-ups in the app: the UI laid out whole titles and messages.

#[test]
fn huge_titles_names_and_messages_are_cut_where_they_are_laid_out() {
    use egui_kittest::kittest::Queryable;
    use newsmap::library::{Library, LoadedDataset};
    use newsmap::ui::{Action, NewsmapApp};
    let title = "T".repeat(2_000_000);
    let mut ds = newsmap::library::LoadedDataset::embedded_seed().data;
    ds.events[0].title = title.clone();
    ds.articles[0].title = "A".repeat(2_000_000);
    ds.parties[0].name = "P".repeat(1_000_000);
    let lib = Library::new(vec![LoadedDataset::new("N".repeat(1_000_000), None, ds)]);
    let errors: Vec<String> = (0..20)
        .map(|i| format!("bad{i}.json: {}", "E".repeat(1_000_000)))
        .collect();
    let mut app = NewsmapApp::new(lib, errors);
    let key = app.library().events().next().unwrap().key;
    app.apply(Action::Select(Some(key)));
    let mut h = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(|ui, app: &mut NewsmapApp| app.ui(ui), app);
    let started = std::time::Instant::now();
    h.run();
    // Laying out the whole texts took seconds and gigabytes; cut, a frame is quick.
    assert!(
        started.elapsed() < std::time::Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
    let labelled = |h: &egui_kittest::Harness<'_, NewsmapApp>, s: &str| {
        h.query_all_by_label_contains(s).count()
    };
    assert_eq!(labelled(&h, &"T".repeat(300)), 0);
    assert_eq!(labelled(&h, &"E".repeat(700)), 0);
    assert_eq!(labelled(&h, &"P".repeat(150)), 0);
    assert!(
        labelled(&h, &"T".repeat(150)) > 0,
        "the title is shown, cut"
    );
    // The whole title is one click away.
    let more = h.query_all_by_label("more…").count();
    assert!(more >= 21, "a link per error and the title: {more}");
    h.query_all_by_label("more…").last().unwrap().click();
    h.run();
    let full = h.state().full_text().expect("the full text window");
    assert!(full.row_count() > 1000, "{}", full.row_count());
}
