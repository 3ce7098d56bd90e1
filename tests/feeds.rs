//! Feeds against real HTTP servers on 127.0.0.1 that each test starts: `newsmap extract --feed`,
//! and following feeds into a library — polite conditional requests, items read once, a broken
//! or hanging feed reported without stopping the others, redirects, and state that survives a
//! restart.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use newsmap::jobs::follow::{FollowEvent, Follower};
use newsmap::library::store::Store;
use newsmap::source::fetch::FetchOptions;

// ------------------------------------------------------------------------------------------
// A loopback server whose answers the test can change
// ------------------------------------------------------------------------------------------

#[derive(Clone)]
enum Answer {
    /// Status, headers, body.
    Plain(&'static str, Vec<(String, String)>, Vec<u8>),
    /// Never answer (hold the connection).
    Hang,
}

#[derive(Clone, Default)]
struct Server {
    base: String,
    routes: Arc<Mutex<HashMap<String, Answer>>>,
    /// Request heads received, by path.
    seen: Arc<Mutex<Vec<(String, String)>>>,
}

impl Server {
    fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let mut s = Server {
            base: format!("http://{}", listener.local_addr().unwrap()),
            ..Default::default()
        };
        let me = s.clone();
        thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let me = me.clone();
                thread::spawn(move || me.answer(stream));
            }
        });
        s.base = s.base.clone();
        s
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    fn route(&self, path: &str, a: Answer) {
        self.routes.lock().unwrap().insert(path.to_owned(), a);
    }

    fn feed(&self, path: &str, body: String, etag: Option<&str>) {
        let mut headers = vec![("Content-Type".to_owned(), "application/rss+xml".to_owned())];
        if let Some(e) = etag {
            headers.push(("ETag".to_owned(), e.to_owned()));
        }
        self.route(path, Answer::Plain("200 OK", headers, body.into_bytes()));
    }

    fn page(&self, path: &str, html: &str) {
        self.route(
            path,
            Answer::Plain(
                "200 OK",
                vec![("Content-Type".into(), "text/html; charset=utf-8".into())],
                html.as_bytes().to_vec(),
            ),
        );
    }

    fn requests(&self, path: &str) -> Vec<String> {
        self.seen
            .lock()
            .unwrap()
            .iter()
            .filter(|(p, _)| p == path)
            .map(|(_, h)| h.clone())
            .collect()
    }

    fn answer(&self, mut stream: TcpStream) {
        stream.set_read_timeout(Some(Duration::from_secs(5))).ok();
        let mut head = Vec::new();
        let mut byte = [0u8; 1];
        while !head.ends_with(b"\r\n\r\n") {
            match stream.read(&mut byte) {
                Ok(1) => head.push(byte[0]),
                _ => return,
            }
        }
        let head = String::from_utf8_lossy(&head).into_owned();
        let path = head.split_whitespace().nth(1).unwrap_or("/").to_owned();
        self.seen.lock().unwrap().push((path.clone(), head.clone()));
        let answer = self.routes.lock().unwrap().get(&path).cloned();
        match answer {
            Some(Answer::Hang) => thread::sleep(Duration::from_secs(30)),
            Some(Answer::Plain(status, headers, body)) => {
                // A conditional request matching the ETag gets a 304.
                let etag = headers.iter().find(|(k, _)| k == "ETag").map(|(_, v)| v);
                let asks = head.lines().find_map(|l| {
                    l.strip_prefix("if-none-match: ")
                        .or(l.strip_prefix("If-None-Match: "))
                });
                if let (Some(e), Some(a)) = (etag, asks)
                    && a.trim() == e
                {
                    let _ = stream.write_all(
                        format!(
                            "HTTP/1.1 304 Not Modified\r\nETag: {e}\r\nConnection: close\r\n\r\n"
                        )
                        .as_bytes(),
                    );
                    return;
                }
                let mut out = format!(
                    "HTTP/1.1 {status}\r\nConnection: close\r\nContent-Length: {}\r\n",
                    body.len()
                );
                for (k, v) in &headers {
                    out += &format!("{k}: {v}\r\n");
                }
                out += "\r\n";
                let _ = stream.write_all(out.as_bytes());
                let _ = stream.write_all(&body);
            }
            None => {
                let _ = stream.write_all(
                    b"HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n",
                );
            }
        }
    }
}

const MEETING: &str = "Japanese Prime Minister Fumio Kishida met South Korean President Yoon \
    Suk-yeol in Phnom Penh on Sunday, on the sidelines of the ASEAN summit, and the two leaders \
    agreed to work together on North Korea's missile launches. It was their first formal summit \
    in nearly three years. Kishida told reporters that the talks had been candid and that both \
    countries would cooperate closely with the United States. Yoon's office said the leaders \
    discussed the issue of wartime labour and agreed to seek an early resolution. The meeting \
    lasted about 45 minutes, officials said.";

const MISSILE_PAGE: &str = "<html><head><title>Missile lands near maritime border</title></head>\
    <body><article><h1>Missile lands near maritime border</h1><p>North Korea fired a ballistic \
    missile on Wednesday that landed near the Northern Limit Line, the de facto maritime border \
    with South Korea, the South Korean military said.</p><p>It was the first time a North Korean \
    missile had landed so close to the South's territorial waters since the peninsula was \
    divided, officials in Seoul said. South Korea issued an air raid warning for Ulleung \
    island.</p></article></body></html>";

fn rss(items: &[(&str, &str, Option<&str>, Option<&str>)]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\"?><rss version=\"2.0\" \
         xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>\
         <title>Loopback Wire</title><link>http://127.0.0.1/</link>",
    );
    for (guid, title, link, content) in items {
        out += &format!("<item><guid>{guid}</guid><title>{title}</title>");
        if let Some(l) = link {
            out += &format!("<link>{l}</link>");
        }
        out += "<pubDate>Sun, 13 Nov 2022 09:00:00 GMT</pubDate>";
        if let Some(c) = content {
            out += &format!("<content:encoded><![CDATA[<p>{c}</p>]]></content:encoded>");
        }
        out += "</item>";
    }
    out + "</channel></rss>"
}

/// Waits for events until `done` says so, or panics after a generous bound.
fn wait_for(f: &Follower, what: &str, done: impl Fn(&[FollowEvent]) -> bool) -> Vec<FollowEvent> {
    let start = Instant::now();
    let mut all = Vec::new();
    while start.elapsed() < Duration::from_secs(60) {
        all.extend(f.poll());
        if done(&all) {
            return all;
        }
        thread::sleep(Duration::from_millis(20));
    }
    panic!("no {what} within 60 s: {all:#?}");
}

fn quick() -> FetchOptions {
    FetchOptions {
        timeout: Duration::from_secs(2),
        ..Default::default()
    }
}

fn finished(url: &str) -> impl Fn(&[FollowEvent]) -> bool + '_ {
    move |evs: &[FollowEvent]| {
        evs.iter().any(|e| match e {
            FollowEvent::Read { url: u, .. }
            | FollowEvent::Unchanged { url: u }
            | FollowEvent::Failed { url: u, .. } => u == url,
            _ => false,
        })
    }
}

// ------------------------------------------------------------------------------------------

#[test]
fn extract_reads_a_feed_by_url_from_its_own_text_and_from_linked_pages() {
    let s = Server::start();
    s.page("/missile", MISSILE_PAGE);
    s.feed(
        "/feed.xml",
        rss(&[
            ("m1", "Leaders meet", None, Some(MEETING)),
            (
                "m2",
                "Missile lands near maritime border",
                Some(&s.url("/missile")),
                Some("Teaser."),
            ),
            ("m3", "Gone", Some(&s.url("/gone")), None),
        ]),
        None,
    );
    let out = Command::new(env!("CARGO_BIN_EXE_newsmap"))
        .args(["extract", "--feed", &s.url("/feed.xml")])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "one item failed: {stderr}");
    assert!(
        stderr.contains(&s.url("/gone")) && stderr.contains("404"),
        "the failed item is named: {stderr}"
    );
    let ds: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let articles = ds["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 2, "{ds}");
    assert_eq!(articles[0]["source"], "Loopback Wire");
    assert_eq!(articles[0]["published"], "2022-11-13");
    assert!(
        articles[1]["text"]
            .as_str()
            .unwrap()
            .contains("Northern Limit Line")
    );
    assert_eq!(articles[1]["url"], s.url("/missile"));
    // The full-text item needed no fetch; the teaser's page was fetched once.
    assert_eq!(s.requests("/missile").len(), 1);
    let kinds: Vec<&str> = ds["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["kind"].as_str())
        .collect();
    assert!(kinds.contains(&"CONSULT"), "{kinds:?}");
}

#[test]
fn a_followed_feed_is_read_once_then_asked_politely_and_remembered_across_restarts() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library.gpkg");
    let s = Server::start();
    s.page("/missile", MISSILE_PAGE);
    let feed = s.url("/feed.xml");
    s.feed(
        "/feed.xml",
        rss(&[("m1", "Leaders meet", None, Some(MEETING))]),
        Some("\"v1\""),
    );
    let f = Follower::start(library.clone(), quick(), || {}).unwrap();
    f.follow(&feed, Duration::from_secs(3600)).unwrap();
    let evs = wait_for(&f, "first read", finished(&feed));
    let read = evs
        .iter()
        .find_map(|e| match e {
            FollowEvent::Read { report, failed, .. } => Some((report.clone(), failed.clone())),
            _ => None,
        })
        .unwrap_or_else(|| panic!("{evs:#?}"));
    assert_eq!(read.0.articles, 1);
    assert!(read.1.is_empty());

    // Unchanged: the request carries the ETag and the 304 reads nothing.
    f.check_now().unwrap();
    let evs = wait_for(&f, "second check", finished(&feed));
    assert!(
        evs.iter()
            .any(|e| matches!(e, FollowEvent::Unchanged { .. })),
        "{evs:#?}"
    );
    let heads = s.requests("/feed.xml");
    assert_eq!(heads.len(), 2);
    assert!(
        heads[1]
            .to_ascii_lowercase()
            .contains("if-none-match: \"v1\""),
        "{}",
        heads[1]
    );

    // A new item: only it is read.
    s.feed(
        "/feed.xml",
        rss(&[
            ("m2", "Missile", Some(&s.url("/missile")), None),
            ("m1", "Leaders meet", None, Some(MEETING)),
        ]),
        Some("\"v2\""),
    );
    f.check_now().unwrap();
    let evs = wait_for(&f, "third check", finished(&feed));
    let report = evs
        .iter()
        .find_map(|e| match e {
            FollowEvent::Read { report, .. } => Some(report.clone()),
            _ => None,
        })
        .unwrap_or_else(|| panic!("{evs:#?}"));
    assert_eq!(report.articles, 1, "only the new item");
    drop(f);

    // The next session follows the same feed, with its validators, and reads nothing twice.
    let store = Store::open(&library).unwrap();
    let feeds = store.feeds().unwrap();
    assert_eq!(feeds.len(), 1);
    assert_eq!(feeds[0].title.as_deref(), Some("Loopback Wire"));
    assert_eq!(feeds[0].etag.as_deref(), Some("\"v2\""));
    assert_eq!(feeds[0].articles, 2);
    assert_eq!(store.counts().unwrap().0, 2);
    drop(store);
    let f = Follower::start(library.clone(), quick(), || {}).unwrap();
    f.check_now().unwrap();
    let evs = wait_for(&f, "check after restart", finished(&feed));
    assert!(
        evs.iter()
            .any(|e| matches!(e, FollowEvent::Unchanged { .. })),
        "{evs:#?}"
    );
    assert_eq!(
        s.requests("/missile").len(),
        1,
        "the page was fetched once in all"
    );
}

#[test]
fn broken_hanging_and_redirected_feeds_are_reported_and_the_others_still_read() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library.gpkg");
    let s = Server::start();
    s.route(
        "/broken",
        Answer::Plain(
            "200 OK",
            vec![("Content-Type".into(), "application/rss+xml".into())],
            b"<rss><channel><item><title>cut off".to_vec(),
        ),
    );
    s.route("/hang", Answer::Hang);
    s.route(
        "/moved",
        Answer::Plain(
            "301 Moved Permanently",
            vec![("Location".into(), s.url("/feed.xml"))],
            Vec::new(),
        ),
    );
    s.feed(
        "/feed.xml",
        rss(&[("m1", "Leaders meet", None, Some(MEETING))]),
        None,
    );
    let f = Follower::start(library.clone(), quick(), || {}).unwrap();
    for path in ["/broken", "/hang", "/moved"] {
        f.follow(&s.url(path), Duration::from_secs(3600)).unwrap();
    }
    let all_done = |evs: &[FollowEvent]| {
        ["/broken", "/hang", "/moved"]
            .iter()
            .all(|p| finished(&s.url(p))(evs))
    };
    let evs = wait_for(&f, "three checks", all_done);
    let failure = |path: &str| {
        evs.iter().find_map(|e| match e {
            FollowEvent::Failed { url, error } if *url == s.url(path) => Some(error.clone()),
            _ => None,
        })
    };
    let broken = failure("/broken").expect("the broken feed fails");
    assert!(
        broken.starts_with(&s.url("/broken")) && broken.contains("not a readable news feed"),
        "{broken}"
    );
    let hang = failure("/hang").expect("the hanging feed fails");
    assert!(hang.starts_with(&s.url("/hang")), "{hang}");
    assert!(failure("/moved").is_none(), "{evs:#?}");
    assert!(
        evs.iter().any(
            |e| matches!(e, FollowEvent::Read { url, report, .. } if *url == s.url("/moved") && report.articles == 1)
        ),
        "{evs:#?}"
    );
    // The failures are on the feeds for the panel to show.
    let feeds = Store::open(&library).unwrap().feeds().unwrap();
    let broken_row = feeds.iter().find(|x| x.url == s.url("/broken")).unwrap();
    assert!(
        broken_row
            .error
            .as_deref()
            .unwrap()
            .contains("not a readable news feed")
    );
    assert!(
        feeds
            .iter()
            .find(|x| x.url == s.url("/moved"))
            .unwrap()
            .error
            .is_none()
    );
    // Not a web address: refused before anything is stored.
    assert!(
        f.follow("ftp://example.org/feed", Duration::from_secs(60))
            .is_err()
    );
}
