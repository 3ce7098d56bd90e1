//! Articles by URL: download a web page within hard limits and turn it into an article.
//!
//! The limits hold against hostile or broken servers: the whole fetch (connect, headers and
//! body) ends by a deadline, the body is capped after decompression, redirects are limited, and
//! only http and https are ever requested.
//!
//! reqwest's blocking reads only time out per read, and a read blocks until the next byte, so a
//! server that drips a byte a second could hold a plain read loop far past any deadline and
//! ignore Cancel. The transfer therefore runs on a helper thread while the calling thread
//! watches the deadline and the cancel flag every 50 ms; when either trips, the caller returns
//! at once and the helper drops the connection after its current read (reqwest's own timeout,
//! set to the same bound, ends that read at the latest).
//!
//! The article keeps the final URL, after redirects: that is where the text was read.

use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use encoding_rs::{Encoding, UTF_8};
use jiff::civil::Date;
use reqwest::Url;

use super::html::{HtmlError, article_from_html};
use crate::model::{ArticleInput, TextFormat, looks_like_headline};

/// How often the calling thread checks the cancel flag and the deadline.
const WATCH_INTERVAL: Duration = Duration::from_millis(50);

/// Bytes read from the connection at a time.
const CHUNK_BYTES: usize = 64 * 1024;

/// Leading bytes searched for `<meta charset>`; the HTML standard prescans 1024, some pages put
/// the declaration after long comments, and a later false match is harmless.
const META_PRESCAN_BYTES: usize = 4096;

/// Leading characters checked when deciding whether a body is text at all.
const TEXT_CHECK_CHARS: usize = 16 * 1024;

/// Limits and identity of a fetch.
#[derive(Clone, Debug)]
pub struct FetchOptions {
    /// Bound on the whole fetch: connecting, redirects, headers and body.
    pub timeout: Duration,
    /// Largest body accepted, counted after decompression.
    pub max_bytes: usize,
    /// Redirects followed before giving up.
    pub max_redirects: usize,
    /// The `User-Agent` header.
    pub user_agent: String,
}

impl Default for FetchOptions {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(15),
            max_bytes: 10_000_000,
            max_redirects: 5,
            user_agent: user_agent(),
        }
    }
}

/// `newsmap/VERSION (+REPOSITORY; article fetcher)`, naming the app so site operators can tell
/// what is calling and where to read about it.
pub fn user_agent() -> String {
    let version = env!("CARGO_PKG_VERSION");
    match env!("CARGO_PKG_REPOSITORY") {
        "" => format!("newsmap/{version} (article fetcher)"),
        repository => format!("newsmap/{version} (+{repository}; article fetcher)"),
    }
}

/// Why an article could not be fetched. `Display` starts with the URL and says what went wrong.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// The text is not a URL at all.
    #[error("{url}: not a web address ({reason})")]
    InvalidUrl {
        /// The URL as given.
        url: String,
        /// What the parser objected to.
        reason: String,
    },
    /// A scheme other than http or https.
    #[error("{url}: only http:// and https:// addresses can be fetched, not {scheme}:")]
    UnsupportedScheme {
        /// The URL as given.
        url: String,
        /// Its scheme.
        scheme: String,
    },
    /// The user cancelled.
    #[error("{url}: cancelled")]
    Cancelled {
        /// The URL as given.
        url: String,
    },
    /// The deadline passed.
    #[error("{url}: {}", timeout_words(*.timeout, *.received))]
    Timeout {
        /// The URL as given.
        url: String,
        /// The bound that passed.
        timeout: Duration,
        /// Body bytes received by then; `None` if no answer (status and headers) came at all.
        received: Option<usize>,
    },
    /// No connection could be made (refused, unknown host, TLS failure…).
    #[error("{url}: cannot connect to the server ({detail})")]
    Connect {
        /// The URL as given.
        url: String,
        /// The innermost cause, as the system words it.
        detail: String,
    },
    /// The connection failed after it was made, or the answer was malformed.
    #[error("{url}: the download failed ({detail})")]
    Network {
        /// The URL as given.
        url: String,
        /// The innermost cause.
        detail: String,
    },
    /// The server answered with an error status.
    #[error("{url}: the server answered {status}{}", canonical_reason(*.status))]
    Status {
        /// The URL as given.
        url: String,
        /// The HTTP status code.
        status: u16,
    },
    /// More redirects than allowed.
    #[error("{url}: too many redirects (more than {max})")]
    TooManyRedirects {
        /// The URL as given.
        url: String,
        /// The limit.
        max: usize,
    },
    /// A redirect led back to an address already visited.
    #[error("{url}: the redirects go round in a loop (back to {target})")]
    RedirectLoop {
        /// The URL as given.
        url: String,
        /// The address visited twice.
        target: String,
    },
    /// A redirect to something other than http or https.
    #[error("{url}: redirected to {target}, which is not an http:// or https:// address")]
    RedirectScheme {
        /// The URL as given.
        url: String,
        /// Where the redirect pointed.
        target: String,
    },
    /// The body (after decompression) exceeds the cap.
    #[error("{url}: the page is larger than {}", size_words(*.max_bytes))]
    TooLarge {
        /// The URL as given.
        url: String,
        /// The cap.
        max_bytes: usize,
    },
    /// A content type that is neither HTML nor plain text.
    #[error("{url}: not a web page (content type {content_type})")]
    NotWebPage {
        /// The URL as given.
        url: String,
        /// The media type the server gave.
        content_type: String,
    },
    /// The body is compressed in a way that was not undone (never advertised, so a broken
    /// server).
    #[error("{url}: the page came compressed as \"{encoding}\", which newsmap cannot decode")]
    UnsupportedEncoding {
        /// The URL as given.
        url: String,
        /// The `Content-Encoding`.
        encoding: String,
    },
    /// The body is mostly binary data.
    #[error("{url}: the page is not text (it is mostly binary data)")]
    NotText {
        /// The URL as given.
        url: String,
    },
    /// Nothing but whitespace.
    #[error("{url}: the page is empty (no article text)")]
    Empty {
        /// The URL as given.
        url: String,
    },
    /// Readability found no article in the HTML.
    #[error("{url}: {source}")]
    NoArticle {
        /// The URL as given.
        url: String,
        /// What the HTML reader said.
        source: HtmlError,
    },
}

impl FetchError {
    /// The URL the error is about, as the caller gave it.
    pub fn url(&self) -> &str {
        match self {
            Self::InvalidUrl { url, .. }
            | Self::UnsupportedScheme { url, .. }
            | Self::Cancelled { url }
            | Self::Timeout { url, .. }
            | Self::Connect { url, .. }
            | Self::Network { url, .. }
            | Self::Status { url, .. }
            | Self::TooManyRedirects { url, .. }
            | Self::RedirectLoop { url, .. }
            | Self::RedirectScheme { url, .. }
            | Self::TooLarge { url, .. }
            | Self::NotWebPage { url, .. }
            | Self::UnsupportedEncoding { url, .. }
            | Self::NotText { url }
            | Self::Empty { url }
            | Self::NoArticle { url, .. } => url,
        }
    }
}

fn timeout_words(timeout: Duration, received: Option<usize>) -> String {
    let secs = seconds_words(timeout);
    match received {
        None => format!("no answer within {secs}"),
        Some(bytes) => format!(
            "the page did not finish arriving within {secs} ({} received)",
            size_words(bytes)
        ),
    }
}

fn seconds_words(d: Duration) -> String {
    if d.subsec_millis() == 0 {
        format!("{} s", d.as_secs())
    } else {
        format!("{:.1} s", d.as_secs_f64())
    }
}

/// Decimal units, as file managers show them.
fn size_words(bytes: usize) -> String {
    match bytes {
        b if b >= 1_000_000 && b % 1_000_000 == 0 => format!("{} MB", b / 1_000_000),
        b if b >= 1_000_000 => format!("{:.1} MB", b as f64 / 1e6),
        b if b >= 1_000 => format!("{} kB", b / 1_000),
        1 => "1 byte".to_owned(),
        b => format!("{b} bytes"),
    }
}

fn canonical_reason(status: u16) -> String {
    reqwest::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .map(|r| format!(" {r}"))
        .unwrap_or_default()
}

/// Fetches a web page and reads its article with the default limits (15 s, 10 MB, 5 redirects).
/// Blocks the calling thread; setting `cancel` makes it return [`FetchError::Cancelled`] within
/// about 50 ms.
pub fn fetch_article(url: &str, cancel: &AtomicBool) -> Result<ArticleInput, FetchError> {
    fetch_article_with(url, cancel, &FetchOptions::default())
}

/// [`fetch_article`] with explicit limits.
pub fn fetch_article_with(
    url: &str,
    cancel: &AtomicBool,
    options: &FetchOptions,
) -> Result<ArticleInput, FetchError> {
    let shown = url.trim().to_owned();
    let parsed = check_url(&shown)?;
    if cancel.load(Ordering::Relaxed) {
        return Err(FetchError::Cancelled { url: shown });
    }
    let wanted = Wanted {
        accept: PAGE_ACCEPT,
        extra_types: &[],
        validators: Validators::default(),
    };
    let page = download(&shown, parsed, cancel, options, &wanted)?;
    article_from_page(&shown, page)
}

/// The one check of a web address (command line, forms, fetches): http or https, with a host.
/// Made before any request.
pub fn check_url(url: &str) -> Result<Url, FetchError> {
    const NEEDS_SCHEME: &str = "it must start with http:// or https://";
    let invalid = |reason: String| FetchError::InvalidUrl {
        url: url.to_owned(),
        reason,
    };
    let parsed = Url::parse(url).map_err(|e| {
        invalid(if url.contains("://") {
            e.to_string()
        } else {
            NEEDS_SCHEME.to_owned()
        })
    })?;
    match parsed.scheme() {
        "http" | "https" => {}
        // `example.com:8080/news` parses with the host name as its scheme.
        scheme if scheme.contains('.') => return Err(invalid(NEEDS_SCHEME.to_owned())),
        scheme => {
            return Err(FetchError::UnsupportedScheme {
                url: url.to_owned(),
                scheme: scheme.to_owned(),
            });
        }
    }
    if parsed.host_str().is_none_or(str::is_empty) {
        return Err(invalid("it names no server".to_owned()));
    }
    Ok(parsed)
}

/// What the server sent, still undecoded.
#[derive(Debug)]
struct Page {
    /// Where the body came from, after redirects.
    final_url: Url,
    /// The media type, lowercased, without parameters; `None` if the server gave none.
    media_type: Option<String>,
    /// The `charset` parameter of `Content-Type`.
    charset: Option<String>,
    /// The body, decompressed, at most `max_bytes` long.
    body: Vec<u8>,
    /// The response's `ETag`, for the next conditional request.
    etag: Option<String>,
    /// The response's `Last-Modified`, for the next conditional request.
    last_modified: Option<String>,
    /// The server answered 304 Not Modified: nothing new since the validators sent.
    not_modified: bool,
}

/// What a request asks for besides the URL.
#[derive(Clone, Debug)]
struct Wanted {
    /// The `Accept` header.
    accept: &'static str,
    /// Media types taken besides web pages and plain text.
    extra_types: &'static [&'static str],
    /// Validators of the last answer: `If-None-Match` and `If-Modified-Since`.
    validators: Validators,
}

/// The `ETag` and `Last-Modified` of a previous answer, for a polite conditional request.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Validators {
    /// The `ETag` header.
    pub etag: Option<String>,
    /// The `Last-Modified` header.
    pub last_modified: Option<String>,
}

const PAGE_ACCEPT: &str = "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1";
const FEED_ACCEPT: &str =
    "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1";
/// Media types a feed is served as.
pub const FEED_TYPES: &[&str] = &[
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
    "text/xml",
    "application/rdf+xml",
    "application/feed+json",
];

/// A feed's answer: its body and validators, or that nothing changed.
#[derive(Clone, Debug)]
pub enum FeedAnswer {
    /// 304 Not Modified.
    NotModified,
    /// A body.
    Body {
        /// The feed document.
        bytes: Vec<u8>,
        /// Where it came from after redirects.
        final_url: String,
        /// For the next request.
        validators: Validators,
    },
}

/// Fetches a feed (RSS, Atom) with a conditional request, within the same bounds as pages.
pub fn fetch_feed(
    url: &str,
    cancel: &AtomicBool,
    options: &FetchOptions,
    validators: &Validators,
) -> Result<FeedAnswer, FetchError> {
    let shown = url.trim().to_owned();
    let parsed = check_url(&shown)?;
    if cancel.load(Ordering::Relaxed) {
        return Err(FetchError::Cancelled { url: shown });
    }
    let wanted = Wanted {
        accept: FEED_ACCEPT,
        extra_types: FEED_TYPES,
        validators: validators.clone(),
    };
    let page = download(&shown, parsed, cancel, options, &wanted)?;
    if page.not_modified {
        return Ok(FeedAnswer::NotModified);
    }
    Ok(FeedAnswer::Body {
        final_url: page.final_url.to_string(),
        validators: Validators {
            etag: page.etag,
            last_modified: page.last_modified,
        },
        bytes: page.body,
    })
}

/// Runs the transfer on a helper thread and waits for it, watching `cancel` and the deadline.
fn download(
    shown: &str,
    url: Url,
    cancel: &AtomicBool,
    options: &FetchOptions,
    wanted: &Wanted,
) -> Result<Page, FetchError> {
    let deadline = Instant::now() + options.timeout;
    let progress = Arc::new(Progress::default());
    let (sender, receiver) = mpsc::sync_channel(1);
    let helper_progress = progress.clone();
    let helper_shown = shown.to_owned();
    let helper_options = options.clone();
    let helper_wanted = wanted.clone();
    std::thread::Builder::new()
        .name("newsmap-fetch".into())
        .spawn(move || {
            let result = transfer(
                &helper_shown,
                url,
                &helper_options,
                &helper_wanted,
                &helper_progress,
            );
            // The caller may have given up already; then nobody wants the result.
            let _ = sender.send(result);
        })
        .map_err(|e| FetchError::Network {
            url: shown.to_owned(),
            detail: format!("cannot start a download thread: {e}"),
        })?;
    loop {
        if cancel.load(Ordering::Relaxed) {
            progress.abandoned.store(true, Ordering::Relaxed);
            return Err(FetchError::Cancelled {
                url: shown.to_owned(),
            });
        }
        let now = Instant::now();
        if now >= deadline {
            progress.abandoned.store(true, Ordering::Relaxed);
            return Err(FetchError::Timeout {
                url: shown.to_owned(),
                timeout: options.timeout,
                received: progress.received(),
            });
        }
        match receiver.recv_timeout(WATCH_INTERVAL.min(deadline - now)) {
            Ok(result) => return result,
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                return Err(FetchError::Network {
                    url: shown.to_owned(),
                    detail: "the download thread stopped unexpectedly".to_owned(),
                });
            }
        }
    }
}

/// What the helper thread has got so far, and whether the caller still waits for it.
#[derive(Default)]
struct Progress {
    /// Set by the caller when it stops waiting; the helper then drops the connection.
    abandoned: AtomicBool,
    /// Set once status and headers have arrived.
    answered: AtomicBool,
    /// Body bytes received (after decompression).
    body_bytes: AtomicUsize,
}

impl Progress {
    fn received(&self) -> Option<usize> {
        self.answered
            .load(Ordering::Relaxed)
            .then(|| self.body_bytes.load(Ordering::Relaxed))
    }
}

/// Why the redirect policy stopped following.
#[derive(Debug)]
enum RedirectProblem {
    TooMany,
    Loop(String),
    NotWeb(String),
}

impl fmt::Display for RedirectProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TooMany => f.write_str("too many redirects"),
            Self::Loop(target) => write!(f, "redirect loop back to {target}"),
            Self::NotWeb(target) => write!(f, "redirect to {target}"),
        }
    }
}

impl std::error::Error for RedirectProblem {}

/// The blocking HTTP exchange, on the helper thread.
fn transfer(
    shown: &str,
    url: Url,
    options: &FetchOptions,
    wanted: &Wanted,
    progress: &Progress,
) -> Result<Page, FetchError> {
    let client = build_client(&url, options).map_err(|e| FetchError::Network {
        url: shown.to_owned(),
        detail: innermost_cause(&e),
    })?;
    let mut request = client
        .get(url)
        .header(reqwest::header::ACCEPT, wanted.accept);
    if let Some(etag) = &wanted.validators.etag {
        request = request.header(reqwest::header::IF_NONE_MATCH, etag);
    }
    if let Some(date) = &wanted.validators.last_modified {
        request = request.header(reqwest::header::IF_MODIFIED_SINCE, date);
    }
    let mut response = request
        .send()
        .map_err(|e| request_error(shown, &e, options, progress))?;
    progress.answered.store(true, Ordering::Relaxed);

    let status = response.status();
    let header = |name: reqwest::header::HeaderName| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let (etag, last_modified) = (
        header(reqwest::header::ETAG),
        header(reqwest::header::LAST_MODIFIED),
    );
    if status == reqwest::StatusCode::NOT_MODIFIED {
        return Ok(Page {
            final_url: response.url().clone(),
            media_type: None,
            charset: None,
            body: Vec::new(),
            etag,
            last_modified,
            not_modified: true,
        });
    }
    // reqwest hands back, unfollowed, a redirect whose target it cannot request at all.
    if status.is_redirection()
        && let Some(target) = response
            .headers()
            .get(reqwest::header::LOCATION)
            .and_then(|l| l.to_str().ok())
            .and_then(|l| response.url().join(l).ok())
        && !matches!(target.scheme(), "http" | "https")
    {
        return Err(FetchError::RedirectScheme {
            url: shown.to_owned(),
            target: target.to_string(),
        });
    }
    if !status.is_success() {
        return Err(FetchError::Status {
            url: shown.to_owned(),
            status: status.as_u16(),
        });
    }
    let (media_type, charset) = match response.headers().get(reqwest::header::CONTENT_TYPE) {
        Some(value) => {
            let (media, charset) = parse_content_type(&String::from_utf8_lossy(value.as_bytes()));
            (Some(media), charset)
        }
        None => (None, None),
    };
    if let Some(media) = &media_type
        && page_kind(media).is_none()
        && !wanted.extra_types.contains(&media.as_str())
    {
        return Err(FetchError::NotWebPage {
            url: shown.to_owned(),
            content_type: media.clone(),
        });
    }
    // reqwest removes Content-Encoding when it decompresses; one still here was not undone.
    if let Some(encoding) = response.headers().get(reqwest::header::CONTENT_ENCODING) {
        let encoding = String::from_utf8_lossy(encoding.as_bytes())
            .trim()
            .to_owned();
        if !encoding.eq_ignore_ascii_case("identity") {
            return Err(FetchError::UnsupportedEncoding {
                url: shown.to_owned(),
                encoding,
            });
        }
    }
    let too_large = || FetchError::TooLarge {
        url: shown.to_owned(),
        max_bytes: options.max_bytes,
    };
    let announced = response.content_length();
    if announced.is_some_and(|n| n > options.max_bytes as u64) {
        return Err(too_large());
    }
    let final_url = response.url().clone();

    let initial = announced
        .map_or(CHUNK_BYTES, |n| usize::try_from(n).unwrap_or(usize::MAX))
        .min(options.max_bytes);
    let mut body = Vec::with_capacity(initial);
    let mut chunk = vec![0u8; CHUNK_BYTES];
    loop {
        if progress.abandoned.load(Ordering::Relaxed) {
            // The caller has already returned Cancelled or Timeout; this result goes nowhere.
            return Err(FetchError::Cancelled {
                url: shown.to_owned(),
            });
        }
        // Decompression happens inside this read, a bounded chunk at a time, so a compression
        // bomb never expands past the cap in memory.
        let n = match std::io::Read::read(&mut response, &mut chunk) {
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(body_error(shown, &e, options, body.len())),
        };
        if n == 0 {
            break;
        }
        if body.len() + n > options.max_bytes {
            return Err(too_large());
        }
        if body.capacity() < body.len() + n {
            // Grow by doubling as usual, but never past the cap.
            let target = (body.capacity() * 2)
                .max(body.len() + n)
                .min(options.max_bytes);
            body.reserve_exact(target - body.len());
        }
        body.extend_from_slice(&chunk[..n]);
        progress.body_bytes.store(body.len(), Ordering::Relaxed);
    }
    Ok(Page {
        final_url,
        media_type,
        charset,
        body,
        etag,
        last_modified,
        not_modified: false,
    })
}

fn build_client(
    url: &Url,
    options: &FetchOptions,
) -> Result<reqwest::blocking::Client, reqwest::Error> {
    let max_redirects = options.max_redirects;
    let policy = reqwest::redirect::Policy::custom(move |attempt| {
        let target = attempt.url();
        if !matches!(target.scheme(), "http" | "https") {
            let problem = RedirectProblem::NotWeb(target.to_string());
            attempt.error(problem)
        } else if attempt.previous().contains(target) {
            let problem = RedirectProblem::Loop(target.to_string());
            attempt.error(problem)
        } else if attempt.previous().len() > max_redirects {
            attempt.error(RedirectProblem::TooMany)
        } else {
            attempt.follow()
        }
    });
    let mut builder = reqwest::blocking::Client::builder()
        .user_agent(options.user_agent.clone())
        .redirect(policy)
        // Per-read bound in reqwest's blocking client; the overall deadline is the caller's.
        .timeout(options.timeout)
        .connect_timeout(options.timeout);
    if is_loopback(url) {
        // No proxy can reach this machine's own loopback; asking one would leak the request.
        builder = builder.no_proxy();
    }
    builder.build()
}

fn is_loopback(url: &Url) -> bool {
    let Some(host) = url.host_str() else {
        return false;
    };
    // IPv6 hosts come bracketed: `[::1]`.
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    match bare.parse::<std::net::IpAddr>() {
        Ok(ip) => ip.is_loopback(),
        Err(_) => {
            let name = host.to_ascii_lowercase();
            name == "localhost" || name.ends_with(".localhost")
        }
    }
}

/// Maps a failure before the answer (connecting, redirects, headers).
fn request_error(
    shown: &str,
    e: &reqwest::Error,
    options: &FetchOptions,
    progress: &Progress,
) -> FetchError {
    let url = shown.to_owned();
    if let Some(problem) = find_cause::<RedirectProblem>(e) {
        return match problem {
            RedirectProblem::TooMany => FetchError::TooManyRedirects {
                url,
                max: options.max_redirects,
            },
            RedirectProblem::Loop(target) => FetchError::RedirectLoop {
                url,
                target: target.clone(),
            },
            RedirectProblem::NotWeb(target) => FetchError::RedirectScheme {
                url,
                target: target.clone(),
            },
        };
    }
    if e.is_timeout() {
        FetchError::Timeout {
            url,
            timeout: options.timeout,
            received: progress.received(),
        }
    } else if e.is_redirect() {
        FetchError::TooManyRedirects {
            url,
            max: options.max_redirects,
        }
    } else if e.is_connect() {
        FetchError::Connect {
            url,
            detail: innermost_cause(e),
        }
    } else {
        FetchError::Network {
            url,
            detail: innermost_cause(e),
        }
    }
}

/// Maps a failure while reading the body (which includes decompressing it).
fn body_error(
    shown: &str,
    e: &std::io::Error,
    options: &FetchOptions,
    received: usize,
) -> FetchError {
    // `io::Error::source` skips the error it wraps, so look at that one through `get_ref`.
    let timed_out = e.kind() == std::io::ErrorKind::TimedOut
        || e.get_ref()
            .and_then(|inner| find_cause::<reqwest::Error>(inner))
            .is_some_and(reqwest::Error::is_timeout);
    if timed_out {
        FetchError::Timeout {
            url: shown.to_owned(),
            timeout: options.timeout,
            received: Some(received),
        }
    } else {
        FetchError::Network {
            url: shown.to_owned(),
            detail: format!(
                "the page broke off after {}: {}",
                size_words(received),
                innermost_cause(e)
            ),
        }
    }
}

/// The first error of type `T` in `e`'s chain of causes, `e` included.
fn find_cause<'e, T: std::error::Error + 'static>(
    e: &'e (dyn std::error::Error + 'static),
) -> Option<&'e T> {
    let mut current = Some(e);
    while let Some(err) = current {
        if let Some(found) = err.downcast_ref::<T>() {
            return Some(found);
        }
        current = err.source();
    }
    None
}

/// The deepest cause in the chain, which is where the plain words ("Connection refused") are;
/// the outer layers only repeat the URL.
fn innermost_cause(e: &(dyn std::error::Error + 'static)) -> String {
    let mut deepest = e;
    while let Some(next) = deepest.source() {
        deepest = next;
    }
    deepest.to_string()
}

/// Splits `text/html; charset=UTF-8` into `text/html` and `UTF-8`.
fn parse_content_type(value: &str) -> (String, Option<String>) {
    let mut parts = value.split(';');
    let media = parts.next().unwrap_or("").trim().to_ascii_lowercase();
    let charset = parts.find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']).to_owned())
            .filter(|v| !v.is_empty())
    });
    (media, charset)
}

/// How a body of some media type is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PageKind {
    Html,
    PlainText,
}

fn page_kind(media_type: &str) -> Option<PageKind> {
    match media_type {
        "text/html" | "application/xhtml+xml" => Some(PageKind::Html),
        "text/plain" => Some(PageKind::PlainText),
        _ => None,
    }
}

/// A page served without `Content-Type` is HTML if it starts like HTML.
fn sniff_kind(body: &[u8]) -> PageKind {
    let head = &body[..body.len().min(1024)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let start = head.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if ["<!doctype html", "<html", "<head", "<body", "<!--"]
        .iter()
        .any(|p| start.starts_with(p))
    {
        PageKind::Html
    } else {
        PageKind::PlainText
    }
}

/// Decodes the body, checks it is text, and reads the article out of it.
fn article_from_page(shown: &str, page: Page) -> Result<ArticleInput, FetchError> {
    let kind = match &page.media_type {
        Some(media) => page_kind(media).unwrap_or(PageKind::PlainText),
        None => sniff_kind(&page.body),
    };
    let text = decode_body(&page.body, page.charset.as_deref(), kind);
    if text.trim().is_empty() {
        return Err(FetchError::Empty {
            url: shown.to_owned(),
        });
    }
    if !looks_like_text(&text) {
        return Err(FetchError::NotText {
            url: shown.to_owned(),
        });
    }
    let final_url = page.final_url.as_str();
    let mut input = match kind {
        PageKind::Html => {
            article_from_html(&text, Some(final_url)).map_err(|source| FetchError::NoArticle {
                url: shown.to_owned(),
                source,
            })?
        }
        PageKind::PlainText => {
            let title = text
                .lines()
                .map(str::trim)
                .find(|l| !l.is_empty())
                .filter(|l| looks_like_headline(l))
                .map(str::to_owned);
            ArticleInput {
                text,
                title,
                format: TextFormat::Plain,
                ..Default::default()
            }
        }
    };
    if input.text.trim().is_empty() {
        return Err(FetchError::Empty {
            url: shown.to_owned(),
        });
    }
    input.url = Some(final_url.to_owned());
    if input.source.is_none() {
        input.source = page.final_url.host_str().map(site_from_host);
    }
    if input.published.is_none() {
        input.published = date_from_url_path(&page.final_url)
            .or_else(|| Url::parse(shown).ok().and_then(|u| date_from_url_path(&u)));
    }
    Ok(input)
}

/// `www.example.com` → `example.com`.
fn site_from_host(host: &str) -> String {
    host.strip_prefix("www.").unwrap_or(host).to_owned()
}

/// Decodes with the header's charset, else a byte-order mark, else (HTML) a `<meta>`
/// declaration, else UTF-8; invalid bytes become U+FFFD rather than failing.
fn decode_body(body: &[u8], header_charset: Option<&str>, kind: PageKind) -> String {
    let declared = header_charset
        .and_then(|label| Encoding::for_label(label.as_bytes()))
        .or_else(|| match kind {
            PageKind::Html => meta_charset(body),
            PageKind::PlainText => None,
        })
        .unwrap_or(UTF_8);
    // `decode` lets a byte-order mark override the declaration, as browsers do.
    let (text, _, _) = declared.decode(body);
    text.into_owned()
}

/// The encoding a `<meta charset>` or `<meta http-equiv="Content-Type">` declares in the first
/// bytes of an HTML page.
fn meta_charset(body: &[u8]) -> Option<&'static Encoding> {
    let head = &body[..body.len().min(META_PRESCAN_BYTES)];
    // Declarations are ASCII, so a lossy lowercase copy finds them in any ASCII-compatible page.
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let mut rest = head.as_str();
    while let Some(at) = rest.find("<meta") {
        let tag = &rest[at..];
        let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
        if let Some(pos) = tag.find("charset") {
            let value = tag[pos + "charset".len()..]
                .trim_start()
                .strip_prefix('=')
                .map(|v| v.trim_start().trim_start_matches(['"', '\'']))
                .and_then(|v| {
                    v.split(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | ';' | '/'))
                        .next()
                });
            if let Some(encoding) = value.and_then(|v| Encoding::for_label(v.as_bytes())) {
                // A page that could be read this far is ASCII-compatible; the HTML standard
                // reads a declared UTF-16 as UTF-8.
                return Some(
                    if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
                        UTF_8
                    } else {
                        encoding
                    },
                );
            }
        }
        rest = &rest[at + "<meta".len()..];
    }
    None
}

/// False when the start of the text is more than a tenth replacement characters and control
/// codes: binary data decoded as text, not a page with a few bad bytes.
fn looks_like_text(text: &str) -> bool {
    let mut total = 0usize;
    let mut suspicious = 0usize;
    for c in text.chars().take(TEXT_CHECK_CHARS) {
        total += 1;
        let control = c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0c}');
        if control || c == char::REPLACEMENT_CHARACTER {
            suspicious += 1;
        }
    }
    suspicious * 10 <= total
}

/// A publication date written into the URL path, as many news sites do: `/2022/11/13/…` or a
/// segment containing `2022-11-13`.
fn date_from_url_path(url: &Url) -> Option<Date> {
    let segments: Vec<&str> = url.path_segments()?.collect();
    let number = |s: &str, digits: std::ops::RangeInclusive<usize>| -> Option<i32> {
        (digits.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let plausible = |y: i32, m: i32, d: i32| -> Option<Date> {
        if !(1990..=2100).contains(&y) {
            return None;
        }
        Date::new(
            i16::try_from(y).ok()?,
            i8::try_from(m).ok()?,
            i8::try_from(d).ok()?,
        )
        .ok()
    };
    for window in segments.windows(3) {
        if let (Some(y), Some(m), Some(d)) = (
            number(window[0], 4..=4),
            number(window[1], 1..=2),
            number(window[2], 1..=2),
        ) && let Some(date) = plausible(y, m, d)
        {
            return Some(date);
        }
    }
    for segment in &segments {
        // Percent-encoded path segments are ASCII, but bytes keep this safe for any input.
        let bytes = segment.as_bytes();
        for start in 0..bytes.len().saturating_sub(9) {
            let candidate = &bytes[start..start + 10];
            let bounded = (start == 0 || !bytes[start - 1].is_ascii_digit())
                && bytes.get(start + 10).is_none_or(|b| !b.is_ascii_digit());
            let shaped = candidate.iter().enumerate().all(|(i, b)| match i {
                4 | 7 => *b == b'-',
                _ => b.is_ascii_digit(),
            });
            if !bounded || !shaped {
                continue;
            }
            let digits = |range: std::ops::Range<usize>| -> i32 {
                candidate[range]
                    .iter()
                    .fold(0, |n, b| n * 10 + i32::from(b - b'0'))
            };
            if let Some(date) = plausible(digits(0..4), digits(5..7), digits(8..10)) {
                return Some(date);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(s: &str) -> Url {
        Url::parse(s).unwrap()
    }

    #[test]
    fn rejects_other_schemes_before_any_request() {
        for (address, scheme) in [
            ("file:///etc/passwd", "file"),
            ("ftp://example.com/a.html", "ftp"),
            ("javascript:alert(1)", "javascript"),
            ("data:text/html,<p>hi</p>", "data"),
        ] {
            let e = fetch_article(address, &AtomicBool::new(false)).unwrap_err();
            assert!(
                matches!(&e, FetchError::UnsupportedScheme { scheme: s, .. } if s == scheme),
                "{e:?}"
            );
            assert!(e.to_string().starts_with(address), "{e}");
        }
    }

    #[test]
    fn explains_addresses_without_a_scheme() {
        let e = fetch_article(" www.example.com/news ", &AtomicBool::new(false)).unwrap_err();
        assert_eq!(
            e.to_string(),
            "www.example.com/news: not a web address (it must start with http:// or https://)"
        );
    }

    #[test]
    fn cancel_before_start_makes_no_request() {
        let e = fetch_article("http://192.0.2.1/", &AtomicBool::new(true)).unwrap_err();
        assert!(matches!(e, FetchError::Cancelled { .. }), "{e:?}");
        assert_eq!(e.to_string(), "http://192.0.2.1/: cancelled");
    }

    #[test]
    fn error_messages_are_plain() {
        let u = "https://x/y".to_owned();
        let cases: Vec<(FetchError, &str)> = vec![
            (
                FetchError::Status {
                    url: u.clone(),
                    status: 404,
                },
                "https://x/y: the server answered 404 Not Found",
            ),
            (
                FetchError::Timeout {
                    url: u.clone(),
                    timeout: Duration::from_secs(15),
                    received: None,
                },
                "https://x/y: no answer within 15 s",
            ),
            (
                FetchError::Timeout {
                    url: u.clone(),
                    timeout: Duration::from_millis(2500),
                    received: Some(3),
                },
                "https://x/y: the page did not finish arriving within 2.5 s (3 bytes received)",
            ),
            (
                FetchError::TooLarge {
                    url: u.clone(),
                    max_bytes: 10_000_000,
                },
                "https://x/y: the page is larger than 10 MB",
            ),
            (
                FetchError::TooManyRedirects {
                    url: u.clone(),
                    max: 5,
                },
                "https://x/y: too many redirects (more than 5)",
            ),
            (
                FetchError::NotWebPage {
                    url: u.clone(),
                    content_type: "application/pdf".into(),
                },
                "https://x/y: not a web page (content type application/pdf)",
            ),
        ];
        for (error, words) in cases {
            assert_eq!(error.to_string(), words);
            assert_eq!(error.url(), "https://x/y");
        }
    }

    #[test]
    fn reads_content_type_parameters() {
        assert_eq!(
            parse_content_type("Text/HTML; Charset=\"Shift_JIS\""),
            ("text/html".to_owned(), Some("Shift_JIS".to_owned()))
        );
        assert_eq!(
            parse_content_type("text/plain"),
            ("text/plain".to_owned(), None)
        );
        assert_eq!(page_kind("application/xhtml+xml"), Some(PageKind::Html));
        assert_eq!(page_kind("application/pdf"), None);
    }

    #[test]
    fn decodes_by_header_then_meta_then_utf8() {
        // "café" in windows-1252.
        let latin =
            b"<html><head><meta charset=\"windows-1252\"></head><body>caf\xe9</body></html>";
        assert!(decode_body(latin, None, PageKind::Html).contains("café"));
        let http_equiv =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">caf\xe9";
        assert!(decode_body(http_equiv, None, PageKind::Html).contains("café"));
        // The header wins over the meta tag.
        let mislabelled = "<meta charset=\"windows-1252\">café".as_bytes();
        assert!(decode_body(mislabelled, Some("utf-8"), PageKind::Html).contains("café"));
        // Invalid UTF-8 is replaced, not fatal.
        let broken = b"caf\xe9 au lait";
        assert_eq!(
            decode_body(broken, None, PageKind::PlainText),
            "caf\u{fffd} au lait"
        );
        // Shift_JIS from the header.
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode("東京");
        assert_eq!(
            decode_body(&sjis, Some("shift_jis"), PageKind::PlainText),
            "東京"
        );
    }

    #[test]
    fn tells_text_from_binary() {
        assert!(looks_like_text(
            "An ordinary page with one bad byte \u{fffd} in it."
        ));
        let noise: Vec<u8> = (0..4096u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        assert!(!looks_like_text(&String::from_utf8_lossy(&noise)));
        assert!(!looks_like_text("\u{0}\u{1}\u{2}abc"));
    }

    #[test]
    fn finds_dates_in_url_paths() {
        let cases = [
            (
                "https://n.example/world/2022/11/13/summit-talks/",
                Some("2022-11-13"),
            ),
            ("https://n.example/2022/1/5/story", Some("2022-01-05")),
            (
                "https://n.example/news/summit-2022-11-13.html",
                Some("2022-11-13"),
            ),
            ("https://n.example/2022-11-13", Some("2022-11-13")),
            ("https://n.example/story/1234567/2022/13/40", None),
            ("https://n.example/items/12022-11-130", None),
            ("https://n.example/about", None),
        ];
        for (address, expected) in cases {
            let found = date_from_url_path(&url(address)).map(|d| d.to_string());
            assert_eq!(found.as_deref(), expected, "{address}");
        }
    }

    #[test]
    fn sniffs_html_without_content_type() {
        assert_eq!(sniff_kind(b"\n <!DOCTYPE html><p>x"), PageKind::Html);
        assert_eq!(sniff_kind(b"Just words."), PageKind::PlainText);
    }

    #[test]
    fn user_agent_names_the_app_and_version() {
        let ua = user_agent();
        assert!(
            ua.starts_with(&format!("newsmap/{} (", env!("CARGO_PKG_VERSION"))),
            "{ua}"
        );
        assert!(ua.contains("article fetcher"), "{ua}");
    }

    #[test]
    fn builds_an_https_client_without_touching_the_network() {
        // The TLS backend and its crypto provider must initialise without a panic.
        assert!(build_client(&url("https://example.com/"), &FetchOptions::default()).is_ok());
    }

    #[test]
    fn keeps_loopback_away_from_proxies() {
        assert!(is_loopback(&url("http://127.0.0.1:8080/")));
        assert!(is_loopback(&url("http://[::1]/")));
        assert!(is_loopback(&url("http://localhost/")));
        assert!(!is_loopback(&url("https://example.com/")));
    }
}
