//! Reading articles from files: `.txt`, `.md` and `.html`, plus an optional metadata file.
//!
//! A text or Markdown file's text is the article text byte for byte, so every span of the
//! extracted dataset points into the file. An HTML page goes through a readability step
//! ([`article_from_html`]) and its article text is the extracted plain text.
//!
//! Metadata: `NAME.txt` may have a sibling `NAME.json` with any of `title`, `source`,
//! `published` (`YYYY-MM-DD`), `url`, `author`, `language` (and `file`, which must then name the
//! article file) — the layout of `seeds/*.json`. Values given on the command line win.

pub mod feed;
pub mod fetch;
mod html;
pub mod lines;

use std::path::Path;

use crate::model::{
    ArticleInput, MAX_ARTICLE_BYTES, ReadError, TextFormat, TextProblem, looks_like_headline,
    parse_day, read_capped, text_from_bytes,
};

pub use html::{HtmlError, article_from_html};

/// Why an article file could not be read. `Display` starts with the file name.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    /// The file could not be opened or read.
    #[error("{file}: cannot read it: {source}")]
    Io {
        /// The file.
        file: String,
        /// The OS error.
        source: std::io::Error,
    },
    /// Nothing but whitespace.
    #[error("{file}: is empty (no article text)")]
    Empty {
        /// The file.
        file: String,
    },
    /// Larger than the cap (`--max-bytes`), or a device or pipe that never ends.
    #[error("{0}; `newsmap extract --max-bytes N` reads larger articles")]
    TooLarge(ReadError),
    /// Not UTF-8, nor valid UTF-16.
    #[error("{file}: {problem}")]
    NotText {
        /// The file.
        file: String,
        /// What is wrong with its bytes.
        problem: TextProblem,
    },
    /// Mostly control characters.
    #[error("{file}: looks like a binary file, not an article")]
    Binary {
        /// The file.
        file: String,
    },
    /// The HTML page has no readable article.
    #[error("{file}: {source}")]
    Html {
        /// The file.
        file: String,
        /// What went wrong.
        source: HtmlError,
    },
    /// The sibling metadata file is malformed.
    #[error("{file}: {message}")]
    Metadata {
        /// The metadata file.
        file: String,
        /// What is wrong.
        message: String,
    },
}

/// Metadata about an article from a sibling JSON file.
#[derive(Clone, Debug, Default, PartialEq, serde::Deserialize)]
#[serde(default)]
pub struct Metadata {
    /// Headline.
    pub title: Option<String>,
    /// Publisher.
    pub source: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Where it was published.
    pub url: Option<String>,
    /// Byline.
    pub author: Option<String>,
    /// BCP-47 language tag.
    pub language: Option<String>,
    /// The article file this describes (its file name).
    pub file: Option<String>,
}

/// Reads an article file (`.txt`, `.md`, `.markdown`, `.html`, `.htm`; anything else as text)
/// of at most [`MAX_ARTICLE_BYTES`], and its sibling metadata; the title defaults to a
/// headline-like first line, else the file name.
pub fn read_article(path: &Path) -> Result<ArticleInput, SourceError> {
    read_article_capped(path, MAX_ARTICLE_BYTES)
}

/// [`read_article`] with another cap on the file's size: reading stops there, so a device or an
/// endless pipe ends with an error instead of filling memory.
pub fn read_article_capped(path: &Path, max_bytes: usize) -> Result<ArticleInput, SourceError> {
    let file = path.display().to_string();
    let bytes = read_capped(path, max_bytes).map_err(|e| match e {
        ReadError::Io { file, source } => SourceError::Io { file, source },
        too_large => SourceError::TooLarge(too_large),
    })?;
    let text = decode_text(&bytes, &file)?;
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let mut input = match ext.as_str() {
        "html" | "htm" | "xhtml" => {
            article_from_html(&text, None).map_err(|source| SourceError::Html {
                file: file.clone(),
                source,
            })?
        }
        "md" | "markdown" => ArticleInput {
            text,
            format: TextFormat::Markdown,
            ..Default::default()
        },
        _ => ArticleInput::new(text),
    };
    if input.text.trim().is_empty() {
        return Err(SourceError::Empty { file });
    }
    if let Some(meta) = read_metadata(path)? {
        apply_metadata(
            &mut input,
            &meta,
            &metadata_path(path).display().to_string(),
        )?;
    }
    if input.title.is_none() {
        let first = input
            .text
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or("");
        let first = first.trim_start_matches('#').trim();
        input.title = Some(if looks_like_headline(first) {
            first.to_owned()
        } else {
            path.file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_else(|| file.clone())
        });
    }
    Ok(input)
}

/// The text of an article file's bytes: UTF-8 or UTF-16 (see [`text_from_bytes`]; a byte-order
/// mark is no part of the text), not empty, with no NUL byte anywhere and not mostly control
/// characters.
pub fn decode_text(bytes: &[u8], file: &str) -> Result<String, SourceError> {
    let text = text_from_bytes(bytes).map_err(|problem| SourceError::NotText {
        file: file.to_owned(),
        problem,
    })?;
    // Control characters in the first 8 KB tell a binary file; a few later on are harmless.
    let head = &text.as_bytes()[..text.len().min(8192)];
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    if control * 10 > head.len().max(1) {
        return Err(SourceError::Binary {
            file: file.to_owned(),
        });
    }
    if text.trim().is_empty() {
        return Err(SourceError::Empty {
            file: file.to_owned(),
        });
    }
    Ok(text)
}

/// `NAME.json` beside `NAME.txt`.
pub fn metadata_path(path: &Path) -> std::path::PathBuf {
    path.with_extension("json")
}

/// The sibling metadata of an article file, if there is one that describes it. A JSON file
/// that is a dataset (it has a `format`) or names another `file` is not metadata.
pub fn read_metadata(path: &Path) -> Result<Option<Metadata>, SourceError> {
    let meta_path = metadata_path(path);
    if meta_path == path || !meta_path.is_file() {
        return Ok(None);
    }
    let file = meta_path.display().to_string();
    // Metadata is a few lines; a megabyte is plenty and stops a device posing as one.
    let bytes = read_capped(&meta_path, 1_000_000).map_err(|e| match e {
        ReadError::Io { file, source } => SourceError::Io { file, source },
        ReadError::TooLarge { .. } => SourceError::Metadata {
            file: file.clone(),
            message: "is larger than 1 MB; article metadata is a few lines".to_owned(),
        },
    })?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| SourceError::Metadata {
            file: file.clone(),
            message: format!("is not valid JSON: {e}"),
        })?;
    let Some(obj) = value.as_object() else {
        return Ok(None);
    };
    if obj.contains_key("format") {
        return Ok(None);
    }
    let meta: Metadata =
        serde_json::from_value(value.clone()).map_err(|e| SourceError::Metadata {
            file: file.clone(),
            message: format!("is not article metadata: {e}"),
        })?;
    let own_name = path.file_name().and_then(|f| f.to_str());
    if meta.file.as_deref().is_some_and(|f| Some(f) != own_name) {
        return Ok(None);
    }
    Ok(Some(meta))
}

/// Fills the input's unset fields from metadata.
fn apply_metadata(
    input: &mut ArticleInput,
    meta: &Metadata,
    file: &str,
) -> Result<(), SourceError> {
    let set = |slot: &mut Option<String>, v: &Option<String>| {
        if slot.is_none() {
            *slot = v.clone().filter(|s| !s.trim().is_empty());
        }
    };
    set(&mut input.title, &meta.title);
    set(&mut input.source, &meta.source);
    set(&mut input.url, &meta.url);
    set(&mut input.author, &meta.author);
    set(&mut input.language, &meta.language);
    if input.published.is_none()
        && let Some(p) = &meta.published
    {
        input.published = Some(parse_day(p).map_err(|e| SourceError::Metadata {
            file: file.to_owned(),
            message: format!("published: {e}"),
        })?);
    }
    Ok(())
}
