//! HTML pages → article text and metadata, through dom_smoothie's readability.
//!
//! Readability builds the page's tree and walks it from every candidate paragraph up to the
//! root, so its time grows with the nesting depth times the number of tags: 4,000 nested
//! `<div>`s took 3 s, 10,000 took 20 s, 100,000 never finished, and a million tags took 4 s.
//! A linear pre-scan measures both first; a page beyond [`MAX_READABLE_DEPTH`] or
//! [`MAX_READABLE_TAGS`] (far beyond any real article page) is read by a simple tag stripper
//! instead, which keeps the text of every element except scripts, styles and the head.

use dom_smoothie::{Config, Readability, TextMode};

use crate::model::ArticleInput;

/// Deepest nesting handed to readability; real article pages nest a few dozen deep.
pub const MAX_READABLE_DEPTH: usize = 512;

/// Most tags handed to readability; real article pages have a few thousand.
pub const MAX_READABLE_TAGS: usize = 200_000;

/// Most nesting work handed to readability: the sum, over elements, of how deep each sits (a
/// thousand-tag page 20 deep is 20,000). 500 levels holding 100,000 tags was 10⁸ and 7 s.
pub const MAX_READABLE_WEIGHT: u64 = 20_000_000;

/// Why no article could be read from an HTML page.
#[derive(Debug, thiserror::Error)]
pub enum HtmlError {
    /// Readability found no article content.
    #[error("no readable article text in the HTML page ({0})")]
    NoArticle(String),
}

/// Extracts the main article of an HTML page as plain text (one paragraph per line), with its
/// title, site name, author, language and publication date (from meta tags, JSON-LD or the
/// first `<time datetime>`). `url` makes relative links absolute; it is kept as the article URL.
pub fn article_from_html(html: &str, url: Option<&str>) -> Result<ArticleInput, HtmlError> {
    let shape = shape_of(html);
    if shape.depth > MAX_READABLE_DEPTH
        || shape.tags > MAX_READABLE_TAGS
        || shape.weight > MAX_READABLE_WEIGHT
    {
        return stripped_article(html, url);
    }
    let absolute = url.filter(|u| super::fetch::check_url(u).is_ok());
    let cfg = Config {
        text_mode: TextMode::Formatted,
        ..Default::default()
    };
    let mut readability = Readability::new(html, absolute, Some(cfg))
        .map_err(|e| HtmlError::NoArticle(e.to_string()))?;
    // <time datetime> must be read before parsing, which rewrites the document.
    let time_attr = readability
        .doc
        .select("time[datetime]")
        .attr("datetime")
        .map(|t| t.to_string());
    let article = readability
        .parse()
        .map_err(|e| HtmlError::NoArticle(e.to_string()))?;
    let text = plain_paragraphs(&article.text_content);
    let published = article
        .published_time
        .as_deref()
        .and_then(|t| crate::model::parse_day(t).ok())
        .or_else(|| {
            time_attr
                .as_deref()
                .and_then(|t| crate::model::parse_day(t).ok())
        });
    let nonempty = |s: Option<String>| s.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
    Ok(ArticleInput {
        text,
        title: nonempty(Some(article.title.clone())),
        source: nonempty(article.site_name.clone()),
        url: url.map(str::to_owned).or(article.url.clone()),
        author: nonempty(article.byline.clone()),
        published,
        language: nonempty(article.lang.clone()),
        format: Default::default(),
    })
}

/// How deep a page nests and how many tags it has, as far as a linear scan can tell (an
/// element closed only implicitly counts as still open, which errs towards the fallback).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Shape {
    /// Deepest nesting of elements.
    pub depth: usize,
    /// Start and end tags.
    pub tags: usize,
    /// The sum of every element's depth: the work of walking from each to the root.
    pub weight: u64,
}

/// Elements that never have content or an end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements whose content is raw text up to their end tag.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "noscript"];

/// One tag found by [`tags`]: its lowercase name (ASCII letters and digits), whether it is an
/// end tag, whether it closes itself, and where it starts and ends.
struct Tag<'a> {
    name: String,
    end: bool,
    self_closing: bool,
    start: usize,
    stop: usize,
    raw: &'a str,
}

/// The tags of a page in order, skipping comments, doctypes and the content of raw-text
/// elements: one pass over the bytes.
fn tags(html: &str) -> impl Iterator<Item = Tag<'_>> {
    let b = html.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        loop {
            let lt = i + memchr(b'<', &b[i.min(b.len())..])?;
            if b[lt..].starts_with(b"<!--") {
                i = find(b, lt + 4, b"-->").map_or(b.len(), |e| e + 3);
                continue;
            }
            if matches!(b.get(lt + 1), Some(b'!' | b'?')) {
                i = memchr(b'>', &b[lt..]).map_or(b.len(), |e| lt + e + 1);
                continue;
            }
            let end = b.get(lt + 1) == Some(&b'/');
            let name_at = lt + 1 + end as usize;
            let name_len = b[name_at.min(b.len())..]
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric())
                .count();
            if name_len == 0 || !b[name_at].is_ascii_alphabetic() {
                i = lt + 1; // a bare "<" in text
                continue;
            }
            let close = memchr(b'>', &b[name_at..]).map_or(b.len(), |e| name_at + e);
            let name = html[name_at..name_at + name_len].to_ascii_lowercase();
            let self_closing = close > 0 && b.get(close - 1) == Some(&b'/');
            let stop = (close + 1).min(b.len());
            i = stop;
            if !end && RAW_TEXT.contains(&name.as_str()) {
                // Skip to the matching end tag: "<p>" inside a script is not a tag.
                let closing = format!("</{name}");
                let at = find_ascii_ci(b, i, closing.as_bytes()).unwrap_or(b.len());
                let raw = &html[i..at];
                let after = memchr(b'>', &b[at..]).map_or(b.len(), |e| at + e + 1);
                i = after;
                return Some(Tag {
                    name,
                    end,
                    self_closing,
                    start: lt,
                    stop: after,
                    raw,
                });
            }
            return Some(Tag {
                name,
                end,
                self_closing,
                start: lt,
                stop,
                raw: "",
            });
        }
    })
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&c| c == needle)
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

fn find_ascii_ci(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| from + p)
}

/// Measures a page's nesting depth and tag count in one linear pass.
pub fn shape_of(html: &str) -> Shape {
    let mut shape = Shape::default();
    let mut depth = 0usize;
    for t in tags(html) {
        shape.tags += 1;
        shape.weight += depth as u64;
        if t.end {
            depth = depth.saturating_sub(1);
        } else if !t.self_closing && !VOID.contains(&t.name.as_str()) && t.raw.is_empty() {
            depth += 1;
            shape.depth = shape.depth.max(depth);
        }
    }
    shape
}

/// Elements after which text starts a new line.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "article",
    "section",
    "header",
    "footer",
    "blockquote",
    "tr",
    "td",
    "th",
    "table",
    "pre",
    "hr",
    "main",
    "aside",
    "nav",
    "figure",
    "figcaption",
    "dd",
    "dt",
    "dl",
    "form",
    "body",
    "html",
];

/// The fallback reader for pages readability cannot handle in time: every text outside
/// scripts, styles and the head, a line per block element, entities decoded; the title from
/// `<title>`.
fn stripped_article(html: &str, url: Option<&str>) -> Result<ArticleInput, HtmlError> {
    let mut text = String::with_capacity(html.len() / 2);
    let mut title = None;
    let mut published = None;
    let mut at = 0;
    let mut in_head = false;
    for t in tags(html) {
        if !in_head {
            text.push_str(&decode_entities(&html[at..t.start]));
        }
        at = t.stop;
        match (t.name.as_str(), t.end) {
            ("head", false) => in_head = true,
            ("head", true) | ("body", false) => in_head = false,
            ("title", false) if title.is_none() => {
                title = Some(decode_entities(t.raw).trim().to_owned());
            }
            ("time", false) if published.is_none() => {
                published = attribute(&html[t.start..t.stop], "datetime")
                    .and_then(|d| crate::model::parse_day(&d).ok());
            }
            (name, _) if BLOCKS.contains(&name) => text.push('\n'),
            _ => {}
        }
    }
    if !in_head {
        text.push_str(&decode_entities(&html[at.min(html.len())..]));
    }
    let text = plain_paragraphs(&text);
    if text.is_empty() {
        return Err(HtmlError::NoArticle(
            "the page has no text outside its markup".to_owned(),
        ));
    }
    Ok(ArticleInput {
        text,
        title: title.filter(|t| !t.is_empty()),
        url: url.map(str::to_owned),
        published,
        ..Default::default()
    })
}

/// The value of attribute `name` in a start tag's text (`<time datetime="2023-03-05">`).
fn attribute(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let at = lower.find(&format!("{name}="))? + name.len() + 1;
    let rest = &tag[at..];
    let value = match rest.chars().next()? {
        q @ ('"' | '\'') => rest[1..].split(q).next()?,
        _ => rest.split(|c: char| c.is_whitespace() || c == '>').next()?,
    };
    Some(value.to_owned())
}

/// Decodes character references: numeric ones and the named ones news pages use.
fn decode_entities(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return std::borrow::Cow::Borrowed(s);
    }
    const NAMED: &[(&str, &str)] = &[
        ("amp", "&"),
        ("lt", "<"),
        ("gt", ">"),
        ("quot", "\""),
        ("apos", "'"),
        ("nbsp", " "),
        ("mdash", "—"),
        ("ndash", "–"),
        ("lsquo", "‘"),
        ("rsquo", "’"),
        ("ldquo", "“"),
        ("rdquo", "”"),
        ("hellip", "…"),
        ("copy", "©"),
    ];
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        // Bytes, not a str slice: twelve bytes may end inside a character.
        let semi = rest.as_bytes()[..rest.len().min(12)]
            .iter()
            .position(|&b| b == b';');
        let decoded = semi.and_then(|semi| {
            let body = &rest[1..semi];
            let c = if let Some(num) = body.strip_prefix('#') {
                let n = match num.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => num.parse::<u32>().ok(),
                };
                n.and_then(char::from_u32)
                    .filter(|&c| c != '\0')
                    .map(String::from)
            } else {
                NAMED
                    .iter()
                    .find(|(n, _)| *n == body)
                    .map(|(_, v)| (*v).to_owned())
            };
            c.map(|c| (c, semi + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push_str(&c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// Trims each line, collapses runs of spaces, drops empty lines: one paragraph per line.
fn plain_paragraphs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        if words.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&words.join(" "));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_article_text_and_metadata() {
        let html = r#"<!doctype html><html lang="en"><head>
            <title>Leaders meet in Hanoi | Example News</title>
            <meta property="og:site_name" content="Example News">
            <meta property="article:published_time" content="2023-03-05T08:00:00Z">
            <meta name="author" content="A. Reporter">
            </head><body><nav>Home | World | Sport</nav>
            <article><h1>Leaders meet in Hanoi</h1>
            <p>The prime ministers of two neighbouring countries met in Hanoi on Sunday to discuss trade,
            fishing rights and a long-running border dispute that has strained relations for years.</p>
            <p>“We agreed to keep talking,” one of them told reporters after the meeting, adding that
            officials would meet again next month to draft a joint statement on maritime cooperation.</p>
            <p>Both sides said the talks were constructive and that further rounds were planned.</p>
            </article><footer>Copyright</footer></body></html>"#;
        let a = article_from_html(html, Some("https://example.com/a")).unwrap();
        assert!(a.text.contains("met in Hanoi on Sunday"), "{}", a.text);
        assert!(a.text.contains("“We agreed to keep talking,”"));
        assert!(!a.text.contains("Home | World"));
        assert_eq!(
            a.published.map(|d| d.to_string()).as_deref(),
            Some("2023-03-05")
        );
        assert_eq!(a.source.as_deref(), Some("Example News"));
        assert_eq!(a.url.as_deref(), Some("https://example.com/a"));
        assert!(a.title.unwrap().contains("Leaders meet in Hanoi"));
    }

    #[test]
    fn deep_or_huge_pages_are_stripped_to_text_quickly() {
        let deep = format!(
            "<html><head><title>Deep &amp; odd</title></head><body>{}<p>Leaders met in Hanoi.</p>{}</body></html>",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        );
        assert_eq!(shape_of(&deep).depth, 100_003);
        let started = std::time::Instant::now();
        let a = article_from_html(&deep, None).unwrap();
        assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
        assert_eq!(a.text, "Leaders met in Hanoi.");
        assert_eq!(a.title.as_deref(), Some("Deep & odd"));
        let many = format!(
            "<html><body><script>var s = '<p>not text</p>';</script><p>Talks &#8220;went well&#8221;</p>{}</body></html>",
            "<b>x</b>".repeat(150_000)
        );
        assert!(shape_of(&many).tags > MAX_READABLE_TAGS);
        let a = article_from_html(&many, None).unwrap();
        assert!(
            a.text.starts_with("Talks “went well”\nxxx"),
            "{}",
            &a.text[..40]
        );
        assert!(!a.text.contains("not text"));
        // Neither too deep nor too many tags, but many tags deep down: too much work.
        let heavy = format!(
            "<html><body>{}{}{}</body></html>",
            "<div>".repeat(400),
            "<b>x</b> ".repeat(60_000),
            "</div>".repeat(400)
        );
        let s = shape_of(&heavy);
        assert!(s.depth <= MAX_READABLE_DEPTH && s.tags <= MAX_READABLE_TAGS);
        assert!(s.weight > MAX_READABLE_WEIGHT);
        let started = std::time::Instant::now();
        article_from_html(&heavy, None).unwrap();
        assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
    }

    #[test]
    fn the_scan_measures_like_a_parser() {
        let s = shape_of(
            "<!doctype html><html><!-- <div> --><body><br><img src=x/><p>a<b>b</b></p><script>if (a<b) {}</script></body></html>",
        );
        assert_eq!(s.depth, 4, "html body p b");
        assert_eq!(s.tags, 11, "the script's end tag goes with its start");
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        for html in [
            "",
            "<html></html>",
            "<<<>>>",
            "\u{0}\u{1}",
            "<",
            "</",
            "<a",
            "<script",
            "<!--",
            "&#xFFFFFFFF;&#0;&",
            "<title>é",
            "&ééééééé;",
        ] {
            let _ = article_from_html(html, None);
            let _ = stripped_article(html, None);
            shape_of(html);
        }
    }
}
