//! Articles by URL against real HTTP servers on 127.0.0.1 that each test starts: every fault the
//! network issue lists ends within its bound with a message naming the URL. No test makes a
//! request outside loopback.
//!
//! Time bounds are generous (seconds above the configured timeout) so a loaded 2-core CI machine
//! does not flake; what they rule out is waiting for the slow server to finish.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use flate2::{Compress, Compression, Crc, FlushCompress};
use newsmap::extract::extract;
use newsmap::geodata::gazetteer::Gazetteer;
use newsmap::source::fetch::{FetchError, FetchOptions, fetch_article, fetch_article_with};

// ------------------------------------------------------------------------------------------
// A tiny loopback HTTP server
// ------------------------------------------------------------------------------------------

/// The request line and headers a server received.
struct Request {
    path: String,
    head: String,
}

/// Starts a server on 127.0.0.1 that answers every connection, each on its own thread, with
/// `handler`; returns its base URL (`http://127.0.0.1:PORT`).
fn serve(handler: impl Fn(&Request, TcpStream) + Send + Sync + 'static) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let handler = Arc::new(handler);
    thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let handler = handler.clone();
            thread::spawn(move || {
                if let Some(request) = read_request(&mut stream) {
                    handler(&request, stream);
                }
            });
        }
    });
    base
}

fn read_request(stream: &mut TcpStream) -> Option<Request> {
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        if stream.read(&mut byte).ok()? == 0 {
            return None;
        }
        head.push(byte[0]);
    }
    let head = String::from_utf8_lossy(&head).into_owned();
    let path = head.split_whitespace().nth(1)?.to_owned();
    Some(Request { path, head })
}

/// Writes a complete response with `Content-Length` and `Connection: close`.
fn respond(mut stream: TcpStream, status: &str, headers: &[(&str, &str)], body: &[u8]) {
    let _ = stream.write_all(response_head(status, headers, Some(body.len())).as_bytes());
    let _ = stream.write_all(body);
}

/// Status line and headers; without a length the body ends when the connection closes.
fn response_head(status: &str, headers: &[(&str, &str)], length: Option<usize>) -> String {
    let mut head = format!("HTTP/1.1 {status}\r\nConnection: close\r\n");
    if let Some(length) = length {
        head += &format!("Content-Length: {length}\r\n");
    }
    for (name, value) in headers {
        head += &format!("{name}: {value}\r\n");
    }
    head + "\r\n"
}

const HTML: (&str, &str) = ("Content-Type", "text/html; charset=utf-8");

/// Options with a short deadline, so timeout tests take seconds, not 15 s.
fn quick(timeout_secs: u64) -> FetchOptions {
    FetchOptions {
        timeout: Duration::from_secs(timeout_secs),
        ..FetchOptions::default()
    }
}

fn not_cancelled() -> AtomicBool {
    AtomicBool::new(false)
}

/// Fetches with default options and expects an error whose message starts with the URL.
fn fetch_error(url: &str, options: &FetchOptions) -> FetchError {
    let e = fetch_article_with(url, &not_cancelled(), options).expect_err("the fetch must fail");
    assert!(
        e.to_string().starts_with(&format!("{url}: ")),
        "the message must name the URL: {e}"
    );
    e
}

// ------------------------------------------------------------------------------------------
// Pages
// ------------------------------------------------------------------------------------------

/// The opening of the seed article (seeds/2022-11-13-japan-south-korea-summit.txt).
const ARTICLE_PARAGRAPHS: [&str; 4] = [
    "The leaders of Japan and South Korea have agreed to resolve “pending issues” between their two nations and work together to tackle North Korea’s ongoing missile provocations.",
    "The agreement was made following the first formal meeting between Japanese and South Korean leaders in about three years. Japanese Prime Minister Fumio Kishida and South Korean President Yoon Suk-yeol met on the sidelines of the Association of Southeast Nations (ASEAN) summit in Cambodia on Sunday.",
    "Both leaders condemned North Korea’s missile launches as a “serious threat” to global security and pledged to bolster deterrence and trilateral cooperation with the United States, according to Japan’s Foreign Affairs Ministry.",
    "Prior to their meeting, Kishida and Yoon held a trilateral meeting with President Joe Biden in Cambodia. The leaders issued a joint statement reaffirming their commitment to the denuclearization of the Korean Peninsula.",
];

/// A news page with navigation and footer around the article; `meta` goes into `<head>`.
fn article_page(meta: &str) -> String {
    let paragraphs: String = ARTICLE_PARAGRAPHS
        .iter()
        .map(|p| format!("<p>{p}</p>\n"))
        .collect();
    format!(
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Japan and South Korea Agree to Resolve ‘Pending Issues’ | Example Times</title>
{meta}
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<article><h1>Japan and South Korea Agree to Resolve ‘Pending Issues’</h1>
{paragraphs}</article>
<footer>Subscribe to our newsletter. Copyright Example Times.</footer>
</body></html>"#
    )
}

const FULL_METADATA: &str = r#"<meta property="og:site_name" content="Example Times">
<meta property="article:published_time" content="2022-11-13T09:30:00+09:00">
<meta name="author" content="Jane Reporter">"#;

/// A gzip stream of `megabytes` MiB of zeros, about a thousand times smaller. One MiB of zeros
/// is deflated once and flushed to a byte boundary; that block references nothing before it,
/// so repeating it repeats the data without compressing a gigabyte in the test.
fn gzip_bomb(megabytes: usize) -> Vec<u8> {
    let zeros = vec![0u8; 1 << 20];
    let mut deflater = Compress::new(Compression::best(), false);
    let mut block = Vec::with_capacity(64 * 1024);
    deflater
        .compress_vec(&zeros, &mut block, FlushCompress::Full)
        .unwrap();
    assert_eq!(
        deflater.total_in(),
        zeros.len() as u64,
        "one call deflates it"
    );
    let mut finisher = Compress::new(Compression::best(), false);
    let mut last_block = Vec::with_capacity(64);
    finisher
        .compress_vec(&[], &mut last_block, FlushCompress::Finish)
        .unwrap();

    let mut crc_of_block = Crc::new();
    crc_of_block.update(&zeros);
    let mut crc = Crc::new();
    let mut gz = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];
    for _ in 0..megabytes {
        gz.extend_from_slice(&block);
        crc.combine(&crc_of_block);
    }
    gz.extend_from_slice(&last_block);
    gz.extend_from_slice(&crc.sum().to_le_bytes());
    gz.extend_from_slice(&crc.amount().to_le_bytes());
    gz
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(data).unwrap();
    encoder.finish().unwrap()
}

// ------------------------------------------------------------------------------------------
// Success
// ------------------------------------------------------------------------------------------

#[test]
fn a_news_page_becomes_an_article_whose_events_are_extracted() {
    let (heads_tx, heads_rx) = mpsc::channel();
    let heads_tx = Mutex::new(heads_tx);
    let base = serve(move |request, stream| {
        let _ = heads_tx.lock().unwrap().send(request.head.clone());
        respond(
            stream,
            "200 OK",
            &[HTML],
            article_page(FULL_METADATA).as_bytes(),
        );
    });
    let url = format!("{base}/world/asia/summit");
    let input = fetch_article(&url, &not_cancelled()).unwrap();

    assert_eq!(input.url.as_deref(), Some(url.as_str()));
    assert_eq!(input.source.as_deref(), Some("Example Times"));
    assert_eq!(input.author.as_deref(), Some("Jane Reporter"));
    assert_eq!(
        input.published.map(|d| d.to_string()).as_deref(),
        Some("2022-11-13")
    );
    let title = input.title.clone().unwrap();
    assert!(title.contains("Japan and South Korea Agree"), "{title}");
    assert!(input.text.contains("summit in Cambodia on Sunday"));
    assert!(
        !input.text.contains("Subscribe"),
        "footer kept: {}",
        input.text
    );
    assert!(
        !input.text.contains("Sport"),
        "navigation kept: {}",
        input.text
    );

    let dataset = extract(&input, Gazetteer::embedded());
    assert!(!dataset.events.is_empty(), "no events from the page");
    assert_eq!(
        dataset.articles[0]
            .published
            .map(|d| d.to_string())
            .as_deref(),
        Some("2022-11-13")
    );
    assert_eq!(dataset.articles[0].url.as_deref(), Some(url.as_str()));

    let head = heads_rx.recv().unwrap().to_ascii_lowercase();
    let version = env!("CARGO_PKG_VERSION");
    assert!(
        head.contains(&format!("user-agent: newsmap/{version} (")),
        "{head}"
    );
    assert!(head.contains("accept-encoding: gzip"), "{head}");
}

#[test]
fn the_publication_date_is_read_from_meta_json_ld_or_time() {
    let sources = [
        r#"<meta property="article:published_time" content="2022-11-13T09:30:00Z">"#,
        r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Summit","datePublished":"2022-11-13T09:30:00Z"}</script>"#,
        "",
    ];
    for (i, meta) in sources.into_iter().enumerate() {
        let page = if meta.is_empty() {
            article_page("").replace(
                "<article>",
                r#"<article><time datetime="2022-11-13T09:30:00Z">13 November 2022</time>"#,
            )
        } else {
            article_page(meta)
        };
        let base = serve(move |_, stream| respond(stream, "200 OK", &[HTML], page.as_bytes()));
        let input = fetch_article(&format!("{base}/story"), &not_cancelled()).unwrap();
        assert_eq!(
            input.published.map(|d| d.to_string()).as_deref(),
            Some("2022-11-13"),
            "date source {i}"
        );
    }
}

#[test]
fn the_publication_date_falls_back_to_the_url_path_and_the_source_to_the_host() {
    let base = serve(|_, stream| respond(stream, "200 OK", &[HTML], article_page("").as_bytes()));
    let url = format!("{base}/news/2022/11/13/japan-korea-summit");
    let input = fetch_article(&url, &not_cancelled()).unwrap();
    assert_eq!(
        input.published.map(|d| d.to_string()).as_deref(),
        Some("2022-11-13")
    );
    assert_eq!(input.source.as_deref(), Some("127.0.0.1"));
}

#[test]
fn a_compressed_page_is_decompressed() {
    let base = serve(|_, stream| {
        let body = gzip(article_page(FULL_METADATA).as_bytes());
        respond(
            stream,
            "200 OK",
            &[HTML, ("Content-Encoding", "gzip")],
            &body,
        );
    });
    let input = fetch_article(&format!("{base}/a"), &not_cancelled()).unwrap();
    assert!(input.text.contains("summit in Cambodia on Sunday"));
}

#[test]
fn plain_text_is_decoded_from_its_declared_charset() {
    let base = serve(|_, stream| {
        let (body, _, _) =
            encoding_rs::WINDOWS_1252.encode("Summit in Phnom Penh\n\nThe leaders met in a café.");
        respond(
            stream,
            "200 OK",
            &[("Content-Type", "text/plain; charset=windows-1252")],
            &body,
        );
    });
    let input = fetch_article(&format!("{base}/story.txt"), &not_cancelled()).unwrap();
    assert!(input.text.ends_with("met in a café."), "{}", input.text);
    assert_eq!(input.title.as_deref(), Some("Summit in Phnom Penh"));
}

#[test]
fn five_redirects_are_followed_and_the_final_url_is_kept() {
    let base = serve(|request, stream| {
        let hops: u32 = request
            .path
            .trim_start_matches("/hop/")
            .parse()
            .unwrap_or(0);
        if hops == 0 {
            respond(
                stream,
                "200 OK",
                &[HTML],
                article_page(FULL_METADATA).as_bytes(),
            );
        } else {
            let next = format!("/hop/{}", hops - 1);
            respond(stream, "302 Found", &[("Location", &next)], b"");
        }
    });
    let input = fetch_article(&format!("{base}/hop/5"), &not_cancelled()).unwrap();
    assert_eq!(input.url, Some(format!("{base}/hop/0")));
}

// ------------------------------------------------------------------------------------------
// Faults
// ------------------------------------------------------------------------------------------

#[test]
fn not_found_names_the_status() {
    let base = serve(|_, stream| respond(stream, "404 Not Found", &[HTML], b"<p>No such page</p>"));
    let url = format!("{base}/missing");
    let e = fetch_error(&url, &FetchOptions::default());
    assert!(matches!(e, FetchError::Status { status: 404, .. }), "{e:?}");
    assert_eq!(
        e.to_string(),
        format!("{url}: the server answered 404 Not Found")
    );
}

#[test]
fn server_error_names_the_status() {
    let base = serve(|_, stream| respond(stream, "500 Internal Server Error", &[HTML], b"oops"));
    let url = format!("{base}/broken");
    let e = fetch_error(&url, &FetchOptions::default());
    assert_eq!(
        e.to_string(),
        format!("{url}: the server answered 500 Internal Server Error")
    );
}

#[test]
fn a_server_that_never_answers_times_out() {
    let base = serve(|_, stream| {
        // Hold the connection open without a word.
        thread::sleep(Duration::from_secs(30));
        drop(stream);
    });
    let url = format!("{base}/silent");
    let started = Instant::now();
    let e = fetch_error(&url, &quick(2));
    let took = started.elapsed();
    assert!(
        matches!(e, FetchError::Timeout { received: None, .. }),
        "{e:?}"
    );
    assert_eq!(e.to_string(), format!("{url}: no answer within 2 s"));
    assert!(took < Duration::from_secs(5), "took {took:?}");
}

/// Sends headers for a 1000-byte page, then one byte a second.
fn dripping_server() -> String {
    serve(|_, mut stream| {
        let _ = stream.write_all(response_head("200 OK", &[HTML], Some(1000)).as_bytes());
        for _ in 0..1000 {
            if stream
                .write_all(b"x")
                .and_then(|()| stream.flush())
                .is_err()
            {
                return;
            }
            thread::sleep(Duration::from_secs(1));
        }
    })
}

#[test]
fn a_server_that_drips_a_byte_a_second_times_out() {
    let url = format!("{}/drip", dripping_server());
    let started = Instant::now();
    let e = fetch_error(&url, &quick(2));
    let took = started.elapsed();
    assert!(
        matches!(
            e,
            FetchError::Timeout {
                received: Some(_),
                ..
            }
        ),
        "{e:?}"
    );
    let message = e.to_string();
    assert!(
        message.contains("the page did not finish arriving within 2 s"),
        "{message}"
    );
    assert!(took < Duration::from_secs(5), "took {took:?}");
}

#[test]
fn cancel_during_a_drip_returns_quickly() {
    let url = format!("{}/drip", dripping_server());
    let cancel = Arc::new(AtomicBool::new(false));
    let cancelled_at = Arc::new(Mutex::new(None));
    {
        let cancel = cancel.clone();
        let cancelled_at = cancelled_at.clone();
        thread::spawn(move || {
            thread::sleep(Duration::from_millis(1500));
            *cancelled_at.lock().unwrap() = Some(Instant::now());
            cancel.store(true, Ordering::Relaxed);
        });
    }
    // The default 15 s deadline: only the cancel can end this early.
    let e = fetch_article(&url, &cancel).unwrap_err();
    let returned_at = Instant::now();
    assert!(matches!(e, FetchError::Cancelled { .. }), "{e:?}");
    assert_eq!(e.to_string(), format!("{url}: cancelled"));
    let latency = returned_at - cancelled_at.lock().unwrap().expect("cancelled");
    // Typically ~50 ms; the bound leaves room for a loaded machine, well under a drip's second.
    assert!(
        latency < Duration::from_millis(800),
        "took {latency:?} to cancel"
    );
}

/// Serves 50 MB of HTML in 1 MB writes and reports how many bytes it got out.
fn huge_server(announce_length: bool) -> (String, mpsc::Receiver<usize>) {
    const TOTAL: usize = 50_000_000;
    let (sent_tx, sent_rx) = mpsc::channel();
    let sent_tx = Mutex::new(sent_tx);
    let base = serve(move |_, mut stream| {
        let length = announce_length.then_some(TOTAL);
        let _ = stream.write_all(response_head("200 OK", &[HTML], length).as_bytes());
        let chunk = vec![b'a'; 1_000_000];
        let mut sent = 0;
        while sent < TOTAL && stream.write_all(&chunk).is_ok() {
            sent += chunk.len();
        }
        let _ = sent_tx.lock().unwrap().send(sent);
    });
    (base, sent_rx)
}

#[test]
fn a_50_mb_page_is_refused_from_its_announced_length() {
    let (base, _) = huge_server(true);
    let url = format!("{base}/huge");
    let started = Instant::now();
    let e = fetch_error(&url, &FetchOptions::default());
    assert!(matches!(e, FetchError::TooLarge { .. }), "{e:?}");
    assert_eq!(
        e.to_string(),
        format!("{url}: the page is larger than 10 MB")
    );
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[test]
fn a_50_mb_page_without_a_length_stops_at_the_cap() {
    let (base, sent) = huge_server(false);
    let url = format!("{base}/huge");
    let started = Instant::now();
    let e = fetch_error(&url, &FetchOptions::default());
    assert!(matches!(e, FetchError::TooLarge { .. }), "{e:?}");
    assert!(started.elapsed() < Duration::from_secs(8));
    // The connection was dropped at the cap: the server could not push the whole 50 MB.
    let sent = sent.recv_timeout(Duration::from_secs(10)).unwrap();
    assert!(sent < 50_000_000, "the server sent all {sent} bytes");
}

#[test]
fn a_gzip_bomb_stops_at_the_cap() {
    const GIGABYTE_IN_MIB: usize = 1024;
    let bomb = Arc::new(gzip_bomb(GIGABYTE_IN_MIB));
    // The compressed body is far under the cap: only counting after decompression catches it.
    assert!(bomb.len() < 2_000_000, "bomb is {} bytes", bomb.len());
    let body = bomb.clone();
    let base = serve(move |_, stream| {
        respond(
            stream,
            "200 OK",
            &[HTML, ("Content-Encoding", "gzip")],
            &body,
        );
    });
    let url = format!("{base}/bomb");
    let started = Instant::now();
    let e = fetch_error(&url, &FetchOptions::default());
    assert!(matches!(e, FetchError::TooLarge { .. }), "{e:?}");
    assert_eq!(
        e.to_string(),
        format!("{url}: the page is larger than 10 MB")
    );
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[test]
fn the_gzip_bomb_helper_makes_valid_gzip() {
    let mut decoded = Vec::new();
    flate2::read::GzDecoder::new(&gzip_bomb(3)[..])
        .read_to_end(&mut decoded)
        .unwrap();
    assert_eq!(decoded.len(), 3 << 20);
    assert!(decoded.iter().all(|&b| b == 0));
}

#[test]
fn a_redirect_loop_is_reported() {
    let base = serve(|request, stream| {
        let next = if request.path == "/a" { "/b" } else { "/a" };
        respond(stream, "302 Found", &[("Location", next)], b"");
    });
    let url = format!("{base}/a");
    let e = fetch_error(&url, &FetchOptions::default());
    assert!(matches!(e, FetchError::RedirectLoop { .. }), "{e:?}");
    assert_eq!(
        e.to_string(),
        format!("{url}: the redirects go round in a loop (back to {base}/a)")
    );
}

#[test]
fn endless_redirects_stop_after_five() {
    let base = serve(|request, stream| {
        let n: u32 = request.path.trim_start_matches("/r/").parse().unwrap_or(0);
        let next = format!("/r/{}", n + 1);
        respond(stream, "301 Moved Permanently", &[("Location", &next)], b"");
    });
    let url = format!("{base}/r/0");
    let e = fetch_error(&url, &FetchOptions::default());
    assert_eq!(
        e.to_string(),
        format!("{url}: too many redirects (more than 5)")
    );
}

#[test]
fn a_redirect_to_another_scheme_is_refused() {
    let base = serve(|_, stream| {
        respond(
            stream,
            "302 Found",
            &[("Location", "file:///etc/passwd")],
            b"",
        )
    });
    let url = format!("{base}/sneaky");
    let e = fetch_error(&url, &FetchOptions::default());
    assert!(matches!(e, FetchError::RedirectScheme { .. }), "{e:?}");
    assert_eq!(
        e.to_string(),
        format!(
            "{url}: redirected to file:///etc/passwd, which is not an http:// or https:// address"
        )
    );
}

#[test]
fn a_pdf_is_not_a_web_page() {
    let base = serve(|_, stream| {
        respond(
            stream,
            "200 OK",
            &[("Content-Type", "application/pdf")],
            b"%PDF-1.7\n",
        )
    });
    let url = format!("{base}/report.pdf");
    let e = fetch_error(&url, &FetchOptions::default());
    assert_eq!(
        e.to_string(),
        format!("{url}: not a web page (content type application/pdf)")
    );
}

#[test]
fn invalid_utf8_is_replaced_and_the_article_still_extracted() {
    let base = serve(|_, stream| {
        // A Latin-1 "é" (one byte, 0xE9) in a page that says it is UTF-8.
        let page = article_page(FULL_METADATA)
            .replace("Southeast Nations", "Southeast Nations (café)")
            .into_bytes();
        let at = page
            .windows(2)
            .position(|w| w == "é".as_bytes())
            .expect("é in the page");
        let mut broken = page[..at].to_vec();
        broken.push(0xe9);
        broken.extend_from_slice(&page[at + 2..]);
        respond(stream, "200 OK", &[HTML], &broken);
    });
    let input = fetch_article(&format!("{base}/latin1"), &not_cancelled()).unwrap();
    assert!(input.text.contains("(caf\u{fffd})"), "{}", input.text);
    assert!(!extract(&input, Gazetteer::embedded()).events.is_empty());
}

#[test]
fn binary_garbage_is_not_text() {
    let base = serve(|_, stream| {
        let noise: Vec<u8> = (0..20_000u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 11) as u8)
            .collect();
        respond(stream, "200 OK", &[HTML], &noise);
    });
    let url = format!("{base}/noise");
    let e = fetch_error(&url, &FetchOptions::default());
    assert!(matches!(e, FetchError::NotText { .. }), "{e:?}");
}

#[test]
fn a_refused_connection_names_the_url() {
    // Bind then drop a listener: nothing listens on that port any more.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}/");
    let e = fetch_error(&url, &quick(5));
    assert!(matches!(e, FetchError::Connect { .. }), "{e:?}");
    assert!(e.to_string().contains("cannot connect"), "{e}");
}

#[test]
fn non_http_schemes_are_refused_before_any_request() {
    for url in ["file:///etc/passwd", "ftp://127.0.0.1/news.html"] {
        let e = fetch_error(url, &FetchOptions::default());
        assert!(matches!(e, FetchError::UnsupportedScheme { .. }), "{e:?}");
        assert!(e.to_string().contains("only http:// and https://"), "{e}");
    }
}
