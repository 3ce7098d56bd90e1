//! Measuring extraction against gold data: the toponym benchmark ([`toponyms`]) and, for events,
//! quotes and titles, the development gold set ([`events`]). `newsmap bench …` runs them from the
//! command line and the quality tests keep their floors.
//!
//! Gold files are JSON Lines, one article an object, with offsets in Unicode code points (as the
//! published benchmarks count them); [`Article::byte`] turns them into the UTF-8 byte offsets
//! newsmap uses. The format is documented in `tools/BENCHMARKS.md` and `tests/data/README.md`.

pub mod events;
pub mod merge;
pub mod toponyms;

use std::path::Path;

use serde::Deserialize;

/// Why a gold file could not be read. `Display` names the file and line.
#[derive(Debug, thiserror::Error)]
pub enum GoldError {
    /// The file could not be read.
    #[error("{file}: cannot read it: {source}")]
    Io {
        /// The file.
        file: String,
        /// The OS error.
        source: std::io::Error,
    },
    /// A line is not a gold article.
    #[error("{file}: line {line}: {message}")]
    Line {
        /// The file.
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// Reads a JSON Lines gold file into records of type `T`; blank lines are skipped.
pub fn read_jsonl<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<Vec<T>, GoldError> {
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| GoldError::Io {
        file: file.clone(),
        source,
    })?;
    parse_jsonl(&text, &file)
}

/// Parses JSON Lines text (named `file` in errors).
pub fn parse_jsonl<T: for<'de> Deserialize<'de>>(
    text: &str,
    file: &str,
) -> Result<Vec<T>, GoldError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let de = &mut serde_json::Deserializer::from_str(line);
        let rec = serde_path_to_error::deserialize(de).map_err(|e| GoldError::Line {
            file: file.to_owned(),
            line: i + 1,
            message: if e.path().to_string() == "." {
                e.inner().to_string()
            } else {
                format!("{}: {}", e.path(), e.inner())
            },
        })?;
        out.push(rec);
    }
    Ok(out)
}

/// Code point offsets of a text mapped to UTF-8 byte offsets.
#[derive(Debug)]
pub struct Offsets {
    bytes: Vec<usize>,
}

impl Offsets {
    /// The map for `text`.
    pub fn new(text: &str) -> Self {
        let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bytes.push(text.len());
        Self { bytes }
    }

    /// The byte offset of code point `c`, if it lies in the text.
    pub fn byte(&self, c: usize) -> Option<usize> {
        self.bytes.get(c).copied()
    }
}

/// `a / b`, or 0 when `b` is 0.
pub fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_and_line_errors() {
        let o = Offsets::new("Zürich is");
        assert_eq!(o.byte(2), Some(3));
        assert_eq!(o.byte(9), Some(10));
        assert_eq!(o.byte(10), None);
        #[derive(Deserialize, Debug)]
        struct R {
            #[allow(dead_code)]
            id: String,
        }
        let e = parse_jsonl::<R>("{\"id\":\"a\"}\n\n{\"id\":3}\n", "g.jsonl").unwrap_err();
        assert_eq!(
            e.to_string(),
            "g.jsonl: line 3: id: invalid type: integer `3`, expected a string at line 1 column 7"
        );
    }
}
