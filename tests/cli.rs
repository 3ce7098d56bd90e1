//! `newsmap extract`: files in, one valid newsmap/1 dataset out; bad files named, others kept.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use newsmap::cli::extract_main;
use newsmap::model::Dataset;

fn seed_txt() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/2022-11-13-japan-south-korea-summit.txt")
}

fn args(a: &[&str]) -> Vec<String> {
    a.iter().map(|s| s.to_string()).collect()
}

/// Runs `extract` in-process with `-o` and loads what it wrote.
fn run_to_file(dir: &Path, extra: &[&str]) -> (ExitCode, Option<Dataset>) {
    let out = dir.join("out.json");
    let _ = std::fs::remove_file(&out);
    let mut a = args(&["-o", out.to_str().unwrap()]);
    a.extend(args(extra));
    let code = extract_main(&a);
    let ds = out
        .exists()
        .then(|| Dataset::load(&out).unwrap_or_else(|e| panic!("output must load: {e}")));
    (code, ds)
}

#[test]
fn the_seed_with_its_sibling_metadata() {
    let dir = tempfile::tempdir().unwrap();
    let (code, ds) = run_to_file(dir.path(), &[seed_txt().to_str().unwrap()]);
    assert_eq!(code, ExitCode::SUCCESS);
    let ds = ds.unwrap();
    let a = &ds.articles[0];
    // From seeds/2022-11-13-japan-south-korea-summit.json.
    assert_eq!(
        a.published.map(|d| d.to_string()).as_deref(),
        Some("2022-11-13")
    );
    assert_eq!(a.source, "The Epoch Times");
    assert!(a.title.starts_with("Japan and South Korea Agree"));
    assert_eq!(
        a.body(),
        std::fs::read_to_string(seed_txt()).unwrap(),
        "text inline, byte for byte"
    );
    assert_eq!(a.id, "a1");
    assert!(
        ds.events
            .iter()
            .all(|e| e.extracted && e.confidence.is_some())
    );
    assert!(ds.events.len() >= 10);
}

#[test]
fn options_override_metadata_and_several_files_get_prefixed_ids() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("talks.md");
    std::fs::write(&other, "# Talks in Lima\n\nPeruvian President Ana Diaz met Chilean President Luis Soto in Lima on Monday.\n").unwrap();
    let (code, ds) = run_to_file(
        dir.path(),
        &[
            "--published",
            "2023-06-08",
            "--source",
            "Wire",
            seed_txt().to_str().unwrap(),
            other.to_str().unwrap(),
        ],
    );
    assert_eq!(code, ExitCode::SUCCESS);
    let ds = ds.unwrap();
    assert_eq!(
        ds.articles
            .iter()
            .map(|a| a.id.as_str())
            .collect::<Vec<_>>(),
        ["a1", "a2"]
    );
    assert!(
        ds.articles
            .iter()
            .all(|a| a.source == "Wire" && a.published.unwrap().to_string() == "2023-06-08")
    );
    assert_eq!(
        ds.articles[1].title, "Talks in Lima",
        "a Markdown heading is a headline"
    );
    assert!(
        ds.events
            .iter()
            .all(|e| e.id.starts_with("a1-") || e.id.starts_with("a2-"))
    );
    assert!(
        ds.places
            .iter()
            .all(|p| p.id.starts_with("a1-") || p.id.starts_with("a2-"))
    );
    let lima = ds
        .events
        .iter()
        .find(|e| e.article.as_deref() == Some("a2"))
        .expect("an event in the second article");
    assert_eq!(lima.date.as_ref().unwrap().label(), "5 Jun 2023");
}

#[test]
fn bad_files_are_named_and_the_rest_still_extracted() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "  \n").unwrap();
    let latin1 = dir.path().join("latin1.txt");
    std::fs::write(&latin1, b"Caf\xe9 talks in Par\xeds").unwrap();
    let binary = dir.path().join("image.txt");
    std::fs::write(&binary, [0x89, b'P', b'N', b'G', 0, 0, 0, 13, 1, 2, 3]).unwrap();
    let missing = dir.path().join("missing.txt");
    let good = dir.path().join("good.txt");
    std::fs::write(
        &good,
        "Kenyan President Daniel Mwangi met Tanzanian President Grace Mollel in Arusha on Friday.",
    )
    .unwrap();
    let files: Vec<&str> = [&empty, &latin1, &binary, &missing, &good]
        .iter()
        .map(|p| p.to_str().unwrap())
        .collect();
    let (code, ds) = run_to_file(dir.path(), &files);
    assert_eq!(code, ExitCode::FAILURE);
    let ds = ds.expect("the good file is still written");
    assert_eq!(ds.articles.len(), 1);
    assert_eq!(ds.articles[0].id, "a5", "ids keep the file's position");
    assert_eq!(
        ds.articles[0].title, "good.txt",
        "a sentence is no headline: the file name"
    );

    // Messages name the file (checked through the binary's stderr).
    let out = Command::new(env!("CARGO_BIN_EXE_newsmap"))
        .arg("extract")
        .args(&files)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    for (p, what) in [
        (&empty, "is empty"),
        (&latin1, "not UTF-8"),
        (&binary, "binary"),
        (&missing, "cannot read"),
    ] {
        let line = stderr
            .lines()
            .find(|l| l.contains(p.to_str().unwrap()))
            .unwrap_or_else(|| panic!("no message for {}: {stderr}", p.display()));
        assert!(line.contains(what), "{line}");
    }
    let ds = Dataset::from_json_bytes(&out.stdout, "stdout", None).expect("stdout is a dataset");
    assert_eq!(ds.articles.len(), 1);
}

#[test]
fn html_goes_through_readability() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.html");
    std::fs::write(
        &page,
        r#"<html><head><title>Ministers meet in Oslo</title>
        <meta property="article:published_time" content="2024-01-19T09:00:00Z"></head>
        <body><nav>Menu Menu Menu</nav><article><h1>Ministers meet in Oslo</h1>
        <p>Foreign Minister Erik Holm met Foreign Minister Sara Lind in Oslo on Thursday to discuss fishing
        quotas, Arctic research and the shipping routes that both governments want to keep open.</p>
        <p>“We agreed to meet again in the spring,” Holm told reporters after the talks, which lasted
        three hours and ended with a short joint statement on maritime safety and search and rescue.</p>
        </article></body></html>"#,
    )
    .unwrap();
    let (code, ds) = run_to_file(dir.path(), &[page.to_str().unwrap()]);
    assert_eq!(code, ExitCode::SUCCESS);
    let ds = ds.unwrap();
    assert_eq!(ds.articles[0].published.unwrap().to_string(), "2024-01-19");
    assert!(!ds.articles[0].body().contains("Menu"));
    let q = ds
        .quotes
        .iter()
        .find(|q| q.text.starts_with("We agreed"))
        .expect("quote");
    let holm = ds.parties.iter().find(|p| p.name == "Erik Holm").unwrap();
    assert_eq!(q.speaker.as_deref(), Some(holm.id.as_str()));
    let meet = ds
        .events
        .iter()
        .find(|e| e.kind == newsmap::model::EventKind::Consult)
        .unwrap();
    assert_eq!(meet.date.as_ref().unwrap().label(), "18 Jan 2024");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(extract_main(&args(&[])), ExitCode::from(2));
    assert_eq!(
        extract_main(&args(&["--published", "yesterday", "x.txt"])),
        ExitCode::from(2)
    );
    assert_eq!(
        extract_main(&args(&["--frobnicate", "x.txt"])),
        ExitCode::from(2)
    );
}

/// Serves one HTML page on 127.0.0.1 and answers 404 for anything else.
fn page_server(html: &'static str) -> String {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut s) = stream else { continue };
            let mut buf = [0u8; 4096];
            let n = s.read(&mut buf).unwrap_or(0);
            let head = String::from_utf8_lossy(&buf[..n]).to_string();
            let resp = if head.starts_with("GET /2023/09/05/leaders-meet ") {
                format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{html}",
                    html.len()
                )
            } else {
                "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    .to_owned()
            };
            let _ = s.write_all(resp.as_bytes());
        }
    });
    format!("http://{addr}")
}

#[test]
fn urls_are_fetched_and_failures_named() {
    let base = page_server(
        "<html><head><title>Leaders meet in Hanoi</title><meta property=\"og:site_name\" content=\"Test Wire\"></head>\
         <body><nav>Home | World</nav><article><h1>Leaders meet in Hanoi</h1>\
         <p>Vietnamese Prime Minister Pham Minh Chinh met Indonesian President Joko Widodo in Hanoi on Monday.</p>\
         <p>The two leaders agreed to expand maritime cooperation in the South China Sea, officials said.</p></article>\
         <footer>Copyright</footer></body></html>",
    );
    let good = format!("{base}/2023/09/05/leaders-meet");
    let bad = format!("{base}/missing");
    let out = Command::new(env!("CARGO_BIN_EXE_newsmap"))
        .args(["extract", &bad, &good])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "one input failed");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&bad) && stderr.contains("404"), "{stderr}");
    let ds =
        Dataset::from_json_bytes(&out.stdout, "stdout", None).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(ds.articles.len(), 1);
    let a = &ds.articles[0];
    assert_eq!(a.url.as_deref(), Some(good.as_str()));
    assert_eq!(
        a.published.map(|d| d.to_string()).as_deref(),
        Some("2023-09-05"),
        "date from the URL path"
    );
    assert!(!a.body().contains("Copyright"), "the footer is dropped");
    assert!(ds.places.iter().any(|p| p.name == "Hanoi"));
}

/// Two outlets' reports of one meeting, in a folder with a subfolder and a file that is no
/// article.
fn two_reports(dir: &Path) {
    let sub = dir.join("wire");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::write(
        dir.join("a.txt"),
        "Japanese Prime Minister Fumio Kishida met South Korean President Yoon Suk-yeol in \
         Phnom Penh on Sunday and the two leaders agreed to cooperate on North Korea.",
    )
    .unwrap();
    std::fs::write(
        sub.join("b.txt"),
        "South Korea's President Yoon Suk-yeol held talks with Japan's Prime Minister Fumio \
         Kishida in the Cambodian capital Phnom Penh on Sunday, officials said.",
    )
    .unwrap();
    std::fs::write(sub.join("notes.pdf"), "not an article").unwrap();
    for f in ["a", "wire/b"] {
        std::fs::write(
            dir.join(format!("{f}.json")),
            r#"{"published": "2022-11-13", "source": "Wire"}"#,
        )
        .unwrap();
    }
}

#[test]
fn a_folder_is_read_recursively_and_one_event_reported_twice_is_merged() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    two_reports(&corpus);
    let (code, ds) = run_to_file(dir.path(), &["-j", "2", corpus.to_str().unwrap()]);
    assert_eq!(code, ExitCode::SUCCESS);
    let ds = ds.unwrap();
    assert_eq!(ds.articles.len(), 2);
    let meetings: Vec<_> = ds
        .events
        .iter()
        .filter(|e| e.kind == newsmap::model::EventKind::Consult)
        .collect();
    assert_eq!(meetings.len(), 1, "{:#?}", ds.events);
    let m = meetings[0];
    assert_eq!(m.reports.len(), 2);
    assert!(
        m.reports[1]
            .merged
            .as_deref()
            .unwrap()
            .contains("same kind (CONSULT)")
    );
    // --no-merge keeps them apart.
    let (_, apart) = run_to_file(dir.path(), &["--no-merge", corpus.to_str().unwrap()]);
    let apart = apart.unwrap();
    assert_eq!(
        apart
            .events
            .iter()
            .filter(|e| e.kind == newsmap::model::EventKind::Consult)
            .count(),
        2
    );
    // An empty folder is named.
    let empty = dir.path().join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_newsmap"))
        .args(["extract", empty.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("empty") && err.contains("holds no article files"),
        "{err}"
    );
}

#[test]
fn jsonl_writes_one_dataset_per_article_and_into_fills_a_library() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    two_reports(&corpus);
    let lines = dir.path().join("out.jsonl");
    let library = dir.path().join("lib.gpkg");
    let code = extract_main(&args(&[
        "--jsonl-out",
        lines.to_str().unwrap(),
        corpus.to_str().unwrap(),
        dir.path().join("missing.txt").to_str().unwrap(),
    ]));
    assert_eq!(code, ExitCode::FAILURE, "one input was missing");
    let text = std::fs::read_to_string(&lines).unwrap();
    let rows: Vec<Dataset> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].articles[0].id, "a1");
    assert_eq!(rows[1].articles[0].id, "a2");
    assert!(rows.iter().all(|d| d.validate().is_empty()));

    let code = extract_main(&args(&[
        "--into",
        library.to_str().unwrap(),
        corpus.to_str().unwrap(),
    ]));
    assert_eq!(code, ExitCode::SUCCESS);
    let store = newsmap::library::store::Store::open(&library).unwrap();
    let loaded = store.load().unwrap();
    assert_eq!(loaded.articles.len(), 2);
    assert_eq!(
        loaded
            .events
            .iter()
            .filter(|e| e.kind == newsmap::model::EventKind::Consult)
            .count(),
        1,
        "one meeting with two reports"
    );
    // Again: nothing new.
    let code = extract_main(&args(&[
        "--into",
        library.to_str().unwrap(),
        corpus.to_str().unwrap(),
    ]));
    assert_eq!(code, ExitCode::SUCCESS);
    assert_eq!(store.counts().unwrap().0, 2);
}

/// Articles piped in as JSON Lines on standard input are extracted; a bad line is named by
/// its number, and the good ones still make the dataset.
#[test]
fn json_lines_on_standard_input_compose_with_other_tools() {
    use std::io::Write;
    use std::process::Stdio;
    let input = concat!(
        r#"{"title": "Ministers meet in Oslo", "text": "Norway's foreign minister met Sweden's foreign minister in Oslo on Monday to discuss Arctic security.", "url": "https://example.org/oslo", "published": "2024-03-04T09:00:00Z", "source": "Example Wire"}"#,
        "\n",
        "{\"title\": \"broken\"\n",
        r#"{"html": "<html><body><article><h1>Protest in Bergen</h1><p>Thousands of fishermen protested in Bergen on Sunday against new quotas, blocking the harbour for hours.</p></article></body></html>", "published": "2024-03-04", "source": "Coast Daily"}"#,
        "\n",
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsmap"))
        .args(["extract", "--jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "a line was bad: {stderr}");
    assert!(
        stderr.contains("stdin line 2: not a JSON object"),
        "{stderr}"
    );
    let ds: Dataset = serde_json::from_slice(&out.stdout).unwrap();
    assert!(ds.validate().is_empty());
    assert_eq!(ds.articles.len(), 2);
    let sources: Vec<&str> = ds.articles.iter().map(|a| a.source.as_str()).collect();
    assert_eq!(sources, ["Example Wire", "Coast Daily"]);
    assert_eq!(
        ds.articles[0].published.map(|d| d.to_string()).as_deref(),
        Some("2024-03-04")
    );
}
