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

use std::path::Path;

use crate::model::{ArticleInput, TextFormat, looks_like_headline, parse_day};

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
    /// Not UTF-8.
    #[error("{file}: is not UTF-8 text (invalid byte at offset {offset})")]
    NotUtf8 {
        /// The file.
        file: String,
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// NUL bytes or mostly control characters.
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
/// and its sibling metadata; the title defaults to a headline-like first line, else the file
/// name.
pub fn read_article(path: &Path) -> Result<ArticleInput, SourceError> {
    let file = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| SourceError::Io {
        file: file.clone(),
        source,
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

/// Checks that `bytes` are a UTF-8 text (not empty, not binary) and returns it.
pub fn decode_text(bytes: &[u8], file: &str) -> Result<String, SourceError> {
    let head = &bytes[..bytes.len().min(8192)];
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    if head.contains(&0) || control * 10 > head.len().max(1) {
        return Err(SourceError::Binary {
            file: file.to_owned(),
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| SourceError::NotUtf8 {
        file: file.to_owned(),
        offset: e.valid_up_to(),
    })?;
    // A byte-order mark is no part of the text.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(SourceError::Empty {
            file: file.to_owned(),
        });
    }
    Ok(text.to_owned())
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
    let bytes = std::fs::read(&meta_path).map_err(|source| SourceError::Io {
        file: file.clone(),
        source,
    })?;
    let value: serde_json::Value =
        serde_json::from_slice(&bytes).map_err(|e| SourceError::Metadata {
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
