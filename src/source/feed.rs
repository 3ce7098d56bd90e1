//! News feeds (RSS 0.9–2.0, Atom, JSON Feed) read with `feed-rs`: a feed document becomes its
//! items, and an item becomes an article — from the feed's own full text when it carries one,
//! else by fetching the item's link.

use std::path::Path;
use std::sync::atomic::AtomicBool;

use super::fetch::{FetchError, FetchOptions, check_url, fetch_article_with};
use super::html::article_from_html;
use crate::model::{ArticleInput, TextFormat, parse_day};

/// An item's own text counts as the article when it has at least this many characters of
/// text; shorter ones are teasers and the linked page is fetched instead.
pub const FULL_TEXT_CHARS: usize = 600;

/// Why a feed could not be read. `Display` starts with the feed's address or file.
#[derive(Debug, thiserror::Error)]
pub enum FeedError {
    /// Fetching the feed failed.
    #[error(transparent)]
    Fetch(#[from] FetchError),
    /// The file could not be read.
    #[error("{file}: cannot read it: {source}")]
    Io {
        /// The file.
        file: String,
        /// The OS error.
        source: std::io::Error,
    },
    /// Not RSS, Atom or JSON Feed, or broken.
    #[error("{origin}: is not a readable news feed ({detail})")]
    Malformed {
        /// The feed's URL or file.
        origin: String,
        /// What the parser objected to.
        detail: String,
    },
    /// An item could not be turned into an article.
    #[error("{origin}: item \"{item}\": {detail}")]
    Item {
        /// The feed's URL or file.
        origin: String,
        /// The item's title or id.
        item: String,
        /// What went wrong, naming the link when it was fetched.
        detail: String,
    },
}

/// One entry of a feed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FeedItem {
    /// The feed's id for it (`guid`, Atom `id`); the link when the feed gives none.
    pub id: String,
    /// Its headline.
    pub title: Option<String>,
    /// The article's address.
    pub link: Option<String>,
    /// Publication (or last update) day.
    pub published: Option<jiff::civil::Date>,
    /// Its byline.
    pub author: Option<String>,
    /// Full content (`content:encoded`, Atom `content`) or else the summary, as HTML or text.
    pub body: Option<String>,
}

/// A parsed feed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Feed {
    /// The feed's title, used as each article's publisher.
    pub title: Option<String>,
    /// Its items, in the feed's order.
    pub items: Vec<FeedItem>,
}

/// Parses a feed document; `origin` (its URL or file) names it in errors and resolves
/// relative links.
pub fn parse_feed(bytes: &[u8], origin: &str) -> Result<Feed, FeedError> {
    let base = check_url(origin).ok().map(|_| origin);
    let parsed = feed_rs::parser::Builder::new()
        .base_uri(base)
        .build()
        .parse(bytes)
        .map_err(|e| FeedError::Malformed {
            origin: origin.to_owned(),
            detail: e.to_string(),
        })?;
    let title = parsed
        .title
        .map(|t| clean(&t.content))
        .filter(|t| !t.is_empty());
    let items = parsed
        .entries
        .into_iter()
        .map(|e| {
            let link = e
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or(e.links.first())
                .map(|l| l.href.trim().to_owned())
                .filter(|h| !h.is_empty());
            let day = e
                .published
                .or(e.updated)
                .and_then(|t| parse_day(&t.format("%Y-%m-%d").to_string()).ok());
            let body = e
                .content
                .and_then(|c| c.body)
                .or(e.summary.map(|s| s.content))
                .filter(|b| !b.trim().is_empty());
            // feed-rs makes up an id (a hash) when the feed gives none; the link is steadier.
            let id = if e.id.trim().is_empty() {
                link.clone().unwrap_or_default()
            } else {
                e.id
            };
            FeedItem {
                id,
                title: e.title.map(|t| clean(&t.content)).filter(|t| !t.is_empty()),
                link,
                published: day,
                author: e
                    .authors
                    .first()
                    .and_then(|p| p.name.as_deref())
                    .map(clean)
                    .filter(|n| !n.is_empty()),
                body,
            }
        })
        .collect();
    Ok(Feed { title, items })
}

/// Reads a feed from a file.
pub fn read_feed_file(path: &Path) -> Result<Feed, FeedError> {
    let file = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| FeedError::Io {
        file: file.clone(),
        source,
    })?;
    parse_feed(&bytes, &file)
}

/// True when a file is a feed rather than an article, by its extension: `.rss`, `.atom`, `.xml`.
pub fn is_feed_file(path: &Path) -> bool {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    matches!(ext.as_deref(), Some("rss" | "atom" | "xml"))
}

/// Turns an item into an article: its own text when it is a full article, else the page at its
/// link, fetched within `options`. The feed's title is the publisher unless the page names one.
pub fn item_article(
    item: &FeedItem,
    feed: &Feed,
    origin: &str,
    cancel: &AtomicBool,
    options: &FetchOptions,
) -> Result<ArticleInput, FeedError> {
    let name = item
        .title
        .clone()
        .unwrap_or_else(|| item.link.clone().unwrap_or_else(|| item.id.clone()));
    let item_error = |detail: String| FeedError::Item {
        origin: origin.to_owned(),
        item: name.clone(),
        detail,
    };
    let own = item
        .body
        .as_deref()
        .and_then(|b| body_text(b, item.link.as_deref()));
    let mut input = match (own, &item.link) {
        (Some(text), _) if text.chars().count() >= FULL_TEXT_CHARS => ArticleInput {
            text,
            format: TextFormat::Plain,
            ..Default::default()
        },
        (_, Some(link)) => fetch_article_with(link, cancel, options).map_err(|e| match e {
            FetchError::Cancelled { .. } => FeedError::Fetch(e),
            other => item_error(other.to_string()),
        })?,
        (Some(text), None) if !text.trim().is_empty() => ArticleInput {
            text,
            format: TextFormat::Plain,
            ..Default::default()
        },
        _ => return Err(item_error("has neither text nor a link".to_owned())),
    };
    // The feed's metadata is the publisher's own; the page's readability guesses come second.
    if item.title.is_some() {
        input.title = item.title.clone();
    }
    if item.published.is_some() {
        input.published = item.published;
    }
    if input.url.is_none() {
        input.url = item.link.clone();
    }
    if input.author.is_none() {
        input.author = item.author.clone();
    }
    if input.source.is_none() {
        input.source = feed.title.clone();
    }
    Ok(input)
}

/// An item body as plain text: HTML through the readability reader, text as it is.
fn body_text(body: &str, link: Option<&str>) -> Option<String> {
    let looks_html = body.contains('<') && body.contains('>');
    let text = if looks_html {
        // A fragment: wrap it so the reader sees a document with one article in it.
        let page = format!("<html><body><article>{body}</article></body></html>");
        article_from_html(&page, link).ok()?.text
    } else {
        body.to_owned()
    };
    let text = text.trim().to_owned();
    (!text.is_empty()).then_some(text)
}

/// Collapses runs of whitespace (feeds indent and wrap their titles).
fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>  Example   Wire </title><link>https://example.org/</link>
<item><title>Leaders meet in Phnom Penh</title><link>https://example.org/a1</link>
<guid>urn:example:a1</guid><pubDate>Sun, 13 Nov 2022 09:00:00 GMT</pubDate>
<description>Short teaser.</description></item>
<item><title>Missile lands near the line</title><link>/a2</link>
<pubDate>Wed, 02 Nov 2022 01:00:00 +0900</pubDate>
<content:encoded><![CDATA[<p>North Korea fired a ballistic missile that landed near the Northern Limit Line on Wednesday, the South Korean military said.</p>]]></content:encoded></item>
</channel></rss>"#;

    #[test]
    fn rss_items_keep_ids_links_days_and_bodies() {
        let f = parse_feed(RSS.as_bytes(), "https://example.org/feed.xml").unwrap();
        assert_eq!(f.title.as_deref(), Some("Example Wire"));
        assert_eq!(f.items.len(), 2);
        let a = &f.items[0];
        assert_eq!(a.id, "urn:example:a1");
        assert_eq!(a.link.as_deref(), Some("https://example.org/a1"));
        assert_eq!(a.published.unwrap().to_string(), "2022-11-13");
        assert_eq!(a.body.as_deref(), Some("Short teaser."));
        let b = &f.items[1];
        // A relative link resolves against the feed's address.
        assert_eq!(b.link.as_deref(), Some("https://example.org/a2"));
        // UTC day of a time given in +09:00.
        assert_eq!(b.published.unwrap().to_string(), "2022-11-01");
        assert!(b.body.as_deref().unwrap().contains("Northern Limit Line"));
    }

    #[test]
    fn atom_is_read_too() {
        let atom = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title><id>urn:d</id>
<updated>2024-01-02T00:00:00Z</updated>
<entry><title>Talks resume</title><id>urn:d:1</id><updated>2024-01-02T10:00:00Z</updated>
<link rel="alternate" href="https://example.net/talks"/><author><name>A. Writer</name></author>
<summary>Envoys met in Geneva.</summary></entry></feed>"#;
        let f = parse_feed(atom.as_bytes(), "feed.atom").unwrap();
        assert_eq!(
            f.items[0].link.as_deref(),
            Some("https://example.net/talks")
        );
        assert_eq!(f.items[0].author.as_deref(), Some("A. Writer"));
        assert_eq!(f.items[0].published.unwrap().to_string(), "2024-01-02");
    }

    #[test]
    fn garbage_is_named_not_panicked_on() {
        for bad in [
            "",
            "<html><body>not a feed</body></html>",
            "<rss><channel><item>",
        ] {
            let e = parse_feed(bad.as_bytes(), "https://example.org/feed").unwrap_err();
            let msg = e.to_string();
            assert!(
                msg.starts_with("https://example.org/feed: is not a readable news feed"),
                "{msg}"
            );
        }
    }

    #[test]
    fn a_full_text_item_needs_no_fetch_and_a_teaser_without_link_is_used_as_is() {
        let text = "North Korea fired a missile. ".repeat(30);
        let feed = Feed {
            title: Some("Wire".into()),
            items: vec![],
        };
        let item = FeedItem {
            id: "1".into(),
            title: Some("Missile".into()),
            // An address nobody may fetch in a test: the item's own text must suffice.
            link: Some("http://192.0.2.1/never".into()),
            published: parse_day("2022-11-02").ok(),
            author: None,
            body: Some(format!("<p>{text}</p>")),
        };
        let a = item_article(
            &item,
            &feed,
            "f",
            &AtomicBool::new(false),
            &FetchOptions::default(),
        )
        .unwrap();
        assert!(a.text.starts_with("North Korea fired a missile."));
        assert_eq!(a.source.as_deref(), Some("Wire"));
        assert_eq!(a.url.as_deref(), Some("http://192.0.2.1/never"));
        assert_eq!(a.title.as_deref(), Some("Missile"));
        let bare = FeedItem {
            id: "2".into(),
            body: None,
            link: None,
            ..item
        };
        let e = item_article(
            &bare,
            &feed,
            "f",
            &AtomicBool::new(false),
            &FetchOptions::default(),
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "f: item \"Missile\": has neither text nor a link"
        );
    }
}
