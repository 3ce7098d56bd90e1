//! Many articles at once: folders and feeds expanded into articles, read (or fetched) and
//! extracted in parallel with rayon, then combined into one dataset whose ids stay unique.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;

use crate::extract::extract_with_ids;
use crate::geodata::gazetteer::Gazetteer;
use crate::model::{ArticleInput, Dataset, FORMAT};
use crate::source::feed::{Feed, FeedItem, is_feed_file, item_article, parse_feed, read_feed_file};
use crate::source::fetch::{FeedAnswer, FetchOptions, Validators, fetch_feed};
use crate::source::{lines, read_article_capped};

/// Article files taken from folders: what `read_article` reads.
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "html", "htm"];

/// One article to read.
#[derive(Clone, Debug)]
pub enum Source {
    /// An article file.
    File(PathBuf),
    /// A web page.
    Url(String),
    /// An item of a feed.
    FeedItem {
        /// The item.
        item: FeedItem,
        /// Its feed (title, for the publisher).
        feed: Arc<Feed>,
        /// The feed's URL or file, for messages.
        origin: String,
    },
    /// An article already read, from a line of JSON Lines input.
    Given {
        /// The article.
        input: Box<ArticleInput>,
        /// Where it came from, for messages ("stdin line 4").
        label: String,
    },
}

impl Source {
    /// The file, URL or item, as messages name it.
    pub fn label(&self) -> String {
        match self {
            Source::File(p) => p.display().to_string(),
            Source::Url(u) => u.clone(),
            Source::FeedItem { item, origin, .. } => match (&item.link, &item.title) {
                (Some(l), _) => l.clone(),
                (None, Some(t)) => format!("{origin}: {t}"),
                (None, None) => format!("{origin}: {}", item.id),
            },
            Source::Given { input, label } => input.url.clone().unwrap_or_else(|| label.clone()),
        }
    }

    /// Reads (or fetches) the article.
    pub fn read(
        &self,
        cancel: &AtomicBool,
        options: &FetchOptions,
    ) -> Result<ArticleInput, String> {
        match self {
            Source::File(p) => read_article_capped(p, options.max_bytes).map_err(|e| e.to_string()),
            Source::Url(u) => crate::source::fetch::fetch_article_with(u, cancel, options)
                .map_err(|e| e.to_string()),
            Source::FeedItem { item, feed, origin } => {
                item_article(item, feed, origin, cancel, options).map_err(|e| e.to_string())
            }
            Source::Given { input, .. } => Ok((**input).clone()),
        }
    }
}

/// Articles from JSON Lines (`-` for standard input), each a [`Source::Given`]; bad lines and
/// an unreadable file are returned as messages naming them.
pub fn json_lines(path: &Path, max_bytes: usize) -> (Vec<Source>, Vec<String>) {
    let (origin, read) = if path.as_os_str() == "-" {
        let stdin = std::io::stdin().lock();
        (
            "stdin".to_owned(),
            lines::read_lines(stdin, "stdin", max_bytes),
        )
    } else {
        let origin = path.display().to_string();
        match std::fs::File::open(path) {
            Ok(f) => {
                let r = lines::read_lines(std::io::BufReader::new(f), &origin, max_bytes);
                (origin, r)
            }
            Err(e) => return (Vec::new(), vec![format!("{origin}: cannot read it: {e}")]),
        }
    };
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    for (n, r) in read {
        match r {
            Ok(input) => sources.push(Source::Given {
                input: Box::new(input),
                label: format!("{origin} line {n}"),
            }),
            Err(e) => errors.push(e),
        }
    }
    (sources, errors)
}

/// Expands command-line inputs: a folder gives its article files (recursively, in name order,
/// hidden entries skipped), a `.rss`/`.atom`/`.xml` file or a URL in `feeds` gives the feed's
/// items, any other `http(s)://` text is a page, anything else a file. Inputs that cannot be
/// expanded are returned as messages naming them.
pub fn expand(
    inputs: &[PathBuf],
    feeds: &[String],
    cancel: &AtomicBool,
    options: &FetchOptions,
) -> (Vec<Source>, Vec<String>) {
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    for input in inputs {
        if let Some(url) = input.to_str().filter(|s| s.contains("://")) {
            sources.push(Source::Url(url.to_owned()));
        } else if input.is_dir() {
            match article_files(input) {
                Ok(files) if files.is_empty() => errors.push(format!(
                    "{}: holds no article files (.txt, .md, .html)",
                    input.display()
                )),
                Ok(files) => sources.extend(files.into_iter().map(Source::File)),
                Err(e) => errors.push(e),
            }
        } else if is_feed_file(input) {
            match read_feed_file(input) {
                Ok(feed) => push_items(&mut sources, feed, &input.display().to_string()),
                Err(e) => errors.push(e.to_string()),
            }
        } else {
            sources.push(Source::File(input.clone()));
        }
    }
    for feed in feeds {
        if feed.contains("://") {
            match fetch_feed(feed, cancel, options, &Validators::default()) {
                Ok(FeedAnswer::Body {
                    bytes, final_url, ..
                }) => match parse_feed(&bytes, &final_url) {
                    Ok(parsed) => push_items(&mut sources, parsed, feed),
                    Err(e) => errors.push(e.to_string()),
                },
                // Only a conditional request can be answered 304; this one was not.
                Ok(FeedAnswer::NotModified) => errors.push(format!(
                    "{feed}: the server answered 304 to a plain request"
                )),
                Err(e) => errors.push(e.to_string()),
            }
        } else {
            match read_feed_file(Path::new(feed)) {
                Ok(parsed) => push_items(&mut sources, parsed, feed),
                Err(e) => errors.push(e.to_string()),
            }
        }
    }
    (sources, errors)
}

fn push_items(sources: &mut Vec<Source>, feed: Feed, origin: &str) {
    let feed = Arc::new(feed);
    sources.extend(feed.items.iter().map(|item| Source::FeedItem {
        item: item.clone(),
        feed: feed.clone(),
        origin: origin.to_owned(),
    }));
}

/// Article files under `dir`, sorted by path.
pub fn article_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries =
            std::fs::read_dir(&d).map_err(|e| format!("{}: cannot list it: {e}", d.display()))?;
        for entry in entries {
            let entry = entry.map_err(|e| format!("{}: cannot list it: {e}", d.display()))?;
            let path = entry.path();
            let hidden = entry.file_name().to_string_lossy().starts_with('.');
            if hidden {
                continue;
            }
            // Follows links to folders as `ls -L` would; a loop ends at the OS's depth limit.
            if path.is_dir() {
                stack.push(path);
            } else if path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
            {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// The outcome of one source: its dataset (ids `a{n}`, `a{n}-…`) or a message naming it.
pub type Outcome = Result<Dataset, String>;

/// Reads and extracts `sources` on rayon's pool, `first_number` being the article number of
/// the first; `each` is called (from any thread) after each one. Results keep the input order.
/// Once `cancel` is set, sources not yet started are reported as cancelled. With `prefixed`
/// false (one article alone) ids carry no `a{n}-` prefix.
pub fn extract_all(
    sources: &[Source],
    first_number: usize,
    prefixed: bool,
    edit: &(dyn Fn(&mut ArticleInput) + Sync),
    cancel: &AtomicBool,
    options: &FetchOptions,
    each: &(dyn Fn(&Source) + Sync),
) -> Vec<Outcome> {
    let gaz = Gazetteer::embedded();
    sources
        .par_iter()
        .enumerate()
        .map(|(i, source)| {
            let out = if cancel.load(Ordering::Relaxed) {
                Err(format!("{}: cancelled", source.label()))
            } else {
                source.read(cancel, options).map(|mut input| {
                    edit(&mut input);
                    let n = first_number + i;
                    let prefix = if prefixed {
                        format!("a{n}-")
                    } else {
                        String::new()
                    };
                    extract_with_ids(&input, gaz, &format!("a{n}"), &prefix)
                })
            };
            each(source);
            out
        })
        .collect()
}

/// Appends `part` (one article's dataset) to `all`.
pub fn append(all: &mut Dataset, part: Dataset) {
    if all.format.is_empty() {
        all.format = FORMAT.to_owned();
    }
    all.articles.extend(part.articles);
    all.places.extend(part.places);
    all.parties.extend(part.parties);
    all.quotes.extend(part.quotes);
    all.events.extend(part.events);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_give_article_files_in_order_and_skip_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("b");
        std::fs::create_dir_all(&sub).unwrap();
        for f in [
            "a.txt",
            "b/c.md",
            "b/d.HTML",
            "b/d.json",
            ".hidden.txt",
            "notes.pdf",
        ] {
            std::fs::write(dir.path().join(f), "x").unwrap();
        }
        let files = article_files(dir.path()).unwrap();
        let names: Vec<String> = files
            .iter()
            .map(|p| p.strip_prefix(dir.path()).unwrap().display().to_string())
            .collect();
        assert_eq!(names, ["a.txt", "b/c.md", "b/d.HTML"]);
    }

    #[test]
    fn articles_are_numbered_by_position_whatever_thread_ran_them() {
        let dir = tempfile::tempdir().unwrap();
        let mut sources = Vec::new();
        for i in 0..12 {
            let p = dir.path().join(format!("{i:02}.txt"));
            std::fs::write(
                &p,
                format!("Officials met in Geneva on 3 May 2021 for talks number {i}."),
            )
            .unwrap();
            sources.push(Source::File(p));
        }
        sources.insert(3, Source::File(dir.path().join("missing.txt")));
        let done = std::sync::atomic::AtomicUsize::new(0);
        let out = extract_all(
            &sources,
            1,
            true,
            &|_| {},
            &AtomicBool::new(false),
            &FetchOptions::default(),
            &|_| {
                done.fetch_add(1, Ordering::Relaxed);
            },
        );
        assert_eq!(done.load(Ordering::Relaxed), 13);
        assert!(out[3].as_ref().unwrap_err().contains("missing.txt"));
        for (i, o) in out.iter().enumerate().filter(|(i, _)| *i != 3) {
            let ds = o.as_ref().unwrap();
            assert_eq!(ds.articles[0].id, format!("a{}", i + 1));
            assert!(
                ds.events
                    .iter()
                    .all(|e| e.id.starts_with(&format!("a{}-", i + 1)))
            );
        }
    }
}
