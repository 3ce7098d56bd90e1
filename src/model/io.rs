//! Reading and writing `newsmap/1` files, with errors that name the file, the JSON path and the problem.

use std::fmt;
use std::path::{Path, PathBuf};

use super::files::{
    MAX_ARTICLE_BYTES, MAX_DATASET_BYTES, ReadError, TextProblem, WriteError, read_capped,
    text_from_bytes, write_file,
};
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
    /// A problem at `path`. Both are cut to a few hundred characters: messages quote values
    /// from the file, and a 10 MB value must not become a 10 MB message.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            path: clip(path.into(), 300),
            message: clip(message.into(), 1000),
        }
    }
}

/// `s` cut to at most `max` characters, with "…" when cut.
pub(crate) fn clip(s: String, max: usize) -> String {
    match super::shorten(&s, max) {
        std::borrow::Cow::Borrowed(_) => s,
        cut => cut.into_owned(),
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
    /// The file could not be read (or is larger than [`MAX_DATASET_BYTES`]).
    #[error(transparent)]
    Read(#[from] ReadError),
    /// The file could not be written.
    #[error(transparent)]
    Write(#[from] WriteError),
    /// The content is wrong; every problem found is listed (the display shows the first
    /// [`MAX_SHOWN_PROBLEMS`]).
    #[error("{}", format_problems(file, problems))]
    Invalid {
        /// The file.
        file: String,
        /// Every problem found.
        problems: Vec<Problem>,
    },
}

/// A message lists at most this many problems, then says how many more there are; one bad file
/// should not flood the screen. Validation itself always collects them all.
pub const MAX_SHOWN_PROBLEMS: usize = 20;

fn format_problems(file: &str, problems: &[Problem]) -> String {
    let mut lines: Vec<String> = problems
        .iter()
        .take(MAX_SHOWN_PROBLEMS)
        .map(|p| format!("{file}: {p}"))
        .collect();
    if problems.len() > MAX_SHOWN_PROBLEMS {
        lines.push(format!(
            "{file}: … and {} more problems ({} in all; `newsmap check` lists every one)",
            problems.len() - MAX_SHOWN_PROBLEMS,
            problems.len()
        ));
    }
    lines.join("\n")
}

/// How many problems an error message reports: one per line, or the total its last line gives
/// when [`LoadError`]'s message was cut ("… and 7 more problems (27 in all; …").
pub fn problem_count(message: &str) -> usize {
    let lines = message.lines().filter(|l| !l.trim().is_empty()).count();
    message
        .lines()
        .last()
        .and_then(|l| l.split(" more problems (").nth(1))
        .and_then(|rest| rest.split(" in all").next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(lines.max(1))
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
            LoadError::Read(ReadError::Io { source, .. }) => {
                vec![Problem::new("", format!("cannot read it: {source}"))]
            }
            LoadError::Read(e @ ReadError::TooLarge { file, .. }) => {
                let msg = e.to_string();
                let msg = msg.strip_prefix(&format!("{file}: ")).unwrap_or(&msg);
                vec![Problem::new("", msg)]
            }
            LoadError::Write(e) => vec![Problem::new("", e.to_string())],
            LoadError::Invalid { problems, .. } => problems.clone(),
        }
    }

    /// How many problems: one for a file that cannot be read, else every problem found.
    pub fn count(&self) -> usize {
        match self {
            LoadError::Invalid { problems, .. } => problems.len(),
            _ => 1,
        }
    }
}

impl Dataset {
    /// Loads and validates a dataset file; `text_path`s resolve relative to it.
    pub fn load(path: &Path) -> Result<Dataset, LoadError> {
        let file = path.display().to_string();
        let bytes = read_capped(path, MAX_DATASET_BYTES)?;
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
        // A byte-order mark or UTF-16 is decoded here, so JSON errors give real line numbers.
        let text = text_from_bytes(bytes).map_err(|e| LoadError::one(file, "", e.to_string()))?;
        let text = text.as_str();
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

    /// Saves through [`write_file`] (atomic, durable, never over a special file). An article
    /// keeps its `text_path` only when that file, relative to the new location, holds the same
    /// text; otherwise the text goes inline. The text files kept are inputs of the save: a
    /// dataset is never written over its own article text.
    pub fn save(&self, path: &Path) -> Result<(), LoadError> {
        let dir = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let mut out = self.clone();
        let mut texts: Vec<PathBuf> = Vec::new();
        for a in &mut out.articles {
            if let Some(rel) = &a.text_path {
                let at = dir.join(rel);
                let same = read_capped(&at, MAX_ARTICLE_BYTES)
                    .ok()
                    .and_then(|b| String::from_utf8(b).ok())
                    .as_deref()
                    == a.text.as_deref();
                if same {
                    texts.push(at);
                } else {
                    a.text_path = None;
                }
            }
        }
        let inputs: Vec<&Path> = texts.iter().map(PathBuf::as_path).collect();
        write_file(path, out.to_json().as_bytes(), &inputs)?;
        Ok(())
    }
}

/// serde_json appends " at line L column C"; we print the position ourselves, first.
fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_owned(),
        None => msg.to_owned(),
    }
}

/// An article's `text_path` file: at most [`MAX_ARTICLE_BYTES`], UTF-8 byte for byte (spans
/// are offsets into these very bytes, so nothing is decoded or skipped), without NUL bytes.
fn read_text_file(p: &Path, rel: &str) -> Result<String, String> {
    let bytes = read_capped(p, MAX_ARTICLE_BYTES).map_err(|e| match e {
        ReadError::Io { source, .. } => format!("\"{rel}\": cannot read {}: {source}", p.display()),
        too_large => format!("\"{rel}\": {too_large}"),
    })?;
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(format!("\"{rel}\" {}", TextProblem::Nul { offset: at }));
    }
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
