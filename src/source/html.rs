//! HTML pages → article text and metadata, through dom_smoothie's readability.

use dom_smoothie::{Config, Readability, TextMode};

use crate::model::ArticleInput;

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
    fn garbage_is_an_error_not_a_panic() {
        for html in ["", "<html></html>", "<<<>>>", "\u{0}\u{1}"] {
            let _ = article_from_html(html, None);
        }
    }
}
