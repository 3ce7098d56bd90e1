//! Reading and writing `newsmap/1` files, with errors that name the file, the JSON path and the problem.

use std::fmt;
use std::io::Write;
use std::path::Path;

use super::{Dataset, FORMAT};

/// One thing wrong with a dataset: where (a JSON path such as `events[3].place`) and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// JSON path, e.g. `events[3].place`; empty for the whole file.
    pub path: String,
    /// What is wrong.
    pub message: String,
}

impl Problem {
    /// A problem at `path`.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{} {}", self.path, self.message)
        }
    }
}

/// Why a dataset could not be loaded or saved. Its `Display` starts with the file name.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read or written.
    #[error("{file}: {source}")]
    Io {
        /// The file.
        file: String,
        /// The OS error.
        source: std::io::Error,
    },
    /// The content is wrong; every problem found is listed.
    #[error("{}", format_problems(file, problems))]
    Invalid {
        /// The file.
        file: String,
        /// What is wrong, at most [`MAX_PROBLEMS`] of them.
        problems: Vec<Problem>,
    },
}

/// Validation stops listing after this many problems; one bad file should not flood the screen.
pub const MAX_PROBLEMS: usize = 20;

fn format_problems(file: &str, problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| format!("{file}: {p}"))
        .collect::<Vec<_>>()
        .join("\n")
}

impl LoadError {
    fn one(file: &str, path: impl Into<String>, message: impl Into<String>) -> Self {
        LoadError::Invalid {
            file: file.to_owned(),
            problems: vec![Problem::new(path, message)],
        }
    }

    /// The problems, or the IO error as one problem.
    pub fn problems(&self) -> Vec<Problem> {
        match self {
            LoadError::Io { source, .. } => vec![Problem::new("", source.to_string())],
            LoadError::Invalid { problems, .. } => problems.clone(),
        }
    }
}

impl Dataset {
    /// Loads and validates a dataset file; `text_path`s resolve relative to it.
    pub fn load(path: &Path) -> Result<Dataset, LoadError> {
        let file = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|source| LoadError::Io {
            file: file.clone(),
            source,
        })?;
        let base = path.parent().unwrap_or(Path::new("."));
        Self::from_json_bytes(&bytes, &file, Some(base))
    }

    /// Parses and validates a dataset from JSON. `file` names it in errors; `base_dir` resolves
    /// `text_path` (without one, `text_path` is an error).
    pub fn from_json_bytes(
        bytes: &[u8],
        file: &str,
        base_dir: Option<&Path>,
    ) -> Result<Dataset, LoadError> {
        match base_dir {
            Some(base) => {
                Self::from_json_with_texts(bytes, file, &|rel| read_text_file(&base.join(rel), rel))
            }
            None => Self::from_json_with_texts(bytes, file, &|_| {
                Err("cannot be resolved: the dataset has no directory".into())
            }),
        }
    }

    /// Like [`Dataset::from_json_bytes`], with `texts` supplying each `text_path`'s contents
    /// (the embedded seed dataset resolves its article from the binary this way).
    pub fn from_json_with_texts(
        bytes: &[u8],
        file: &str,
        texts: &dyn Fn(&str) -> Result<String, String>,
    ) -> Result<Dataset, LoadError> {
        let text = std::str::from_utf8(bytes).map_err(|e| {
            LoadError::one(
                file,
                "",
                format!(
                    "is not UTF-8 text (invalid byte at offset {})",
                    e.valid_up_to()
                ),
            )
        })?;
        if text.trim().is_empty() {
            return Err(LoadError::one(
                file,
                "",
                "is empty (expected a newsmap/1 JSON dataset)",
            ));
        }
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
            let what = match e.classify() {
                serde_json::error::Category::Eof => {
                    "the JSON ends too early (truncated file?)".to_owned()
                }
                _ => strip_position(&e.to_string()),
            };
            LoadError::one(
                file,
                "",
                format!("line {} column {}: {what}", e.line(), e.column()),
            )
        })?;
        let Some(obj) = value.as_object() else {
            return Err(LoadError::one(
                file,
                "",
                "must be a JSON object with \"format\": \"newsmap/1\"",
            ));
        };
        match obj.get("format") {
            Some(serde_json::Value::String(f)) if f == FORMAT => {}
            Some(serde_json::Value::String(f)) => {
                return Err(LoadError::one(
                    file,
                    "format",
                    format!("\"{f}\" is not a version this newsmap reads (it reads \"{FORMAT}\")"),
                ));
            }
            Some(other) => {
                return Err(LoadError::one(
                    file,
                    "format",
                    format!("must be the string \"{FORMAT}\", found {other}"),
                ));
            }
            None => {
                return Err(LoadError::one(
                    file,
                    "format",
                    format!("is missing (expected \"{FORMAT}\")"),
                ));
            }
        }
        let mut ds: Dataset = serde_path_to_error::deserialize(value).map_err(|e| {
            let path = e.path().to_string();
            let path = if path == "." { String::new() } else { path };
            LoadError::one(file, path, e.into_inner().to_string())
        })?;
        resolve_texts(&mut ds, file, texts)?;
        let problems = ds.validate();
        if problems.is_empty() {
            Ok(ds)
        } else {
            Err(LoadError::Invalid {
                file: file.to_owned(),
                problems,
            })
        }
    }

    /// Serializes to pretty JSON (text kept inline unless the article came from `text_path`).
    pub fn to_json(&self) -> String {
        let mut out = self.clone();
        for a in &mut out.articles {
            if a.text_path.is_some() {
                a.text = None;
            }
        }
        serde_json::to_string_pretty(&out).expect("dataset serializes") + "\n"
    }

    /// Serializes with every article's text inline (for `extract` output and saving elsewhere).
    pub fn to_json_inline(&self) -> String {
        let mut out = self.clone();
        for a in &mut out.articles {
            a.text_path = None;
        }
        serde_json::to_string_pretty(&out).expect("dataset serializes") + "\n"
    }

    /// Saves atomically (temp file + rename). An article keeps its `text_path` only when that
    /// file, relative to the new location, holds the same text; otherwise the text goes inline.
    pub fn save(&self, path: &Path) -> Result<(), LoadError> {
        let file = path.display().to_string();
        let dir = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let mut out = self.clone();
        for a in &mut out.articles {
            if let Some(rel) = &a.text_path {
                let same =
                    std::fs::read_to_string(dir.join(rel)).ok().as_deref() == a.text.as_deref();
                if !same {
                    a.text_path = None;
                }
            }
        }
        write_atomically(path, out.to_json().as_bytes())
            .map_err(|source| LoadError::Io { file, source })
    }
}

/// Writes `bytes` to a temporary file beside `path`, then renames it over `path`, so a crash
/// never leaves a half-written file.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(".newsmap-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// serde_json appends " at line L column C"; we print the position ourselves, first.
fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_owned(),
        None => msg.to_owned(),
    }
}

fn read_text_file(p: &Path, rel: &str) -> Result<String, String> {
    let bytes =
        std::fs::read(p).map_err(|e| format!("\"{rel}\": cannot read {}: {e}", p.display()))?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "\"{rel}\" is not UTF-8 (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}

fn resolve_texts(
    ds: &mut Dataset,
    file: &str,
    texts: &dyn Fn(&str) -> Result<String, String>,
) -> Result<(), LoadError> {
    for (i, a) in ds.articles.iter_mut().enumerate() {
        match (&a.text, &a.text_path) {
            (Some(_), Some(_)) => {
                return Err(LoadError::one(
                    file,
                    format!("articles[{i}]"),
                    "has both \"text\" and \"text_path\"; give one",
                ));
            }
            (None, None) => {
                return Err(LoadError::one(
                    file,
                    format!("articles[{i}]"),
                    "has neither \"text\" nor \"text_path\"",
                ));
            }
            (Some(_), None) => {}
            (None, Some(rel)) => {
                let text = texts(rel)
                    .map_err(|msg| LoadError::one(file, format!("articles[{i}].text_path"), msg))?;
                a.text = Some(text);
            }
        }
    }
    Ok(())
}
