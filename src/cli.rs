//! Headless commands: `newsmap extract`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::extract::{ArticleInput, extract_with_ids};
use crate::gazetteer::Gazetteer;
use crate::model::{Dataset, FORMAT, write_atomically};
use crate::source::{parse_date, read_article};

/// Usage of `newsmap extract`.
pub const EXTRACT_USAGE: &str = "\
newsmap extract — turn news articles into a newsmap/1 dataset

USAGE:
    newsmap extract [OPTIONS] FILE|URL...

FILES are .txt, .md or .html articles; an http(s) URL is fetched (15 s and 10 MB at most,
5 redirects) and its main text extracted, with the page's title, site and publication date. A sibling NAME.json beside NAME.txt supplies
metadata (title, source, published, url, author, language), as in seeds/*.json;
the options below override it and apply to every FILE.

OPTIONS:
    --published YYYY-MM-DD   publication date; relative dates (\"on Sunday\") resolve against it
    --title T                headline (default: a headline-like first line, else the file name)
    --source S               publisher
    --url U                  the article's URL
    -o, --output OUT.json    write the dataset there (atomically) instead of to stdout
    -h, --help               this text

The dataset (format newsmap/1, article text inline) goes to stdout. With several files,
articles are a1, a2, … and every other id is prefixed \"a1-\", \"a2-\", ….
A file that cannot be read is reported on stderr and the exit code is 1; the others are
still extracted.";

/// Options of `newsmap extract`.
#[derive(Debug, Default, PartialEq)]
struct ExtractArgs {
    published: Option<jiff::civil::Date>,
    title: Option<String>,
    source: Option<String>,
    url: Option<String>,
    output: Option<PathBuf>,
    files: Vec<PathBuf>,
    help: bool,
}

fn parse_args(args: &[String]) -> Result<ExtractArgs, String> {
    let mut out = ExtractArgs::default();
    let mut it = args.iter();
    let mut only_files = false;
    while let Some(a) = it.next() {
        if only_files || !a.starts_with('-') || a == "-" {
            out.files.push(PathBuf::from(a));
            continue;
        }
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_owned())),
            _ => (a.as_str(), None),
        };
        let mut value = |name: &str| -> Result<String, String> {
            inline
                .clone()
                .or_else(|| it.next().cloned())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match flag {
            "--" => only_files = true,
            "-h" | "--help" => out.help = true,
            "--published" => out.published = Some(parse_date(&value("--published")?)?),
            "--title" => out.title = Some(value("--title")?),
            "--source" => out.source = Some(value("--source")?),
            "--url" => out.url = Some(value("--url")?),
            "-o" | "--output" => out.output = Some(PathBuf::from(value("-o")?)),
            other => return Err(format!("unknown option {other}")),
        }
    }
    if !out.help && out.files.is_empty() {
        return Err("no article files or URLs given".to_owned());
    }
    Ok(out)
}

/// `newsmap extract …` (the arguments after `extract`): prints or writes one dataset.
pub fn extract_main(args: &[String]) -> ExitCode {
    let opts = match parse_args(args) {
        Ok(o) => o,
        Err(msg) => {
            eprintln!("newsmap extract: {msg}\n\n{EXTRACT_USAGE}");
            return ExitCode::from(2);
        }
    };
    if opts.help {
        println!("{EXTRACT_USAGE}");
        return ExitCode::SUCCESS;
    }
    let gaz = Gazetteer::embedded();
    let several = opts.files.len() > 1;
    let mut dataset = Dataset {
        format: FORMAT.to_owned(),
        ..Default::default()
    };
    let mut failed = false;
    for (i, path) in opts.files.iter().enumerate() {
        let url = path
            .to_str()
            .filter(|s| s.starts_with("http://") || s.starts_with("https://"));
        let read = match url {
            Some(u) => {
                crate::source::fetch::fetch_article(u, &std::sync::atomic::AtomicBool::new(false))
                    .map_err(|e| e.to_string())
            }
            None => read_article(path).map_err(|e| e.to_string()),
        };
        let mut input = match read {
            Ok(input) => input,
            Err(e) => {
                eprintln!("newsmap extract: {e}");
                failed = true;
                continue;
            }
        };
        apply_overrides(&mut input, &opts);
        let (id, prefix) = if several {
            (format!("a{}", i + 1), format!("a{}-", i + 1))
        } else {
            ("a1".to_owned(), String::new())
        };
        let ds = extract_with_ids(&input, gaz, &id, &prefix);
        append(&mut dataset, ds);
    }
    if dataset.articles.is_empty() {
        return ExitCode::FAILURE;
    }
    let problems = dataset.validate();
    if !problems.is_empty() {
        // A bug in the extractor, not in the input: say so rather than write a bad file.
        for p in &problems {
            eprintln!("newsmap extract: internal error, invalid output: {p}");
        }
        return ExitCode::FAILURE;
    }
    let json = dataset.to_json_inline();
    let written = match &opts.output {
        Some(out) => write_atomically(out, json.as_bytes())
            .map_err(|e| format!("{}: cannot write: {e}", out.display())),
        None => std::io::stdout()
            .lock()
            .write_all(json.as_bytes())
            .map_err(|e| format!("cannot write to stdout: {e}")),
    };
    if let Err(msg) = written {
        eprintln!("newsmap extract: {msg}");
        return ExitCode::FAILURE;
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Command-line values win over the metadata file and the defaults.
fn apply_overrides(input: &mut ArticleInput, opts: &ExtractArgs) {
    if opts.published.is_some() {
        input.published = opts.published;
    }
    if opts.title.is_some() {
        input.title = opts.title.clone();
    }
    if opts.source.is_some() {
        input.source = opts.source.clone();
    }
    if opts.url.is_some() {
        input.url = opts.url.clone();
    }
}

fn append(all: &mut Dataset, ds: Dataset) {
    all.articles.extend(ds.articles);
    all.places.extend(ds.places);
    all.parties.extend(ds.parties);
    all.quotes.extend(ds.quotes);
    all.events.extend(ds.events);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn parses_options_and_files() {
        let o = parse_args(&args(&[
            "--published",
            "2022-11-13",
            "--title=T",
            "-o",
            "x.json",
            "a.txt",
            "b.md",
        ]))
        .unwrap();
        assert_eq!(o.published.unwrap().to_string(), "2022-11-13");
        assert_eq!(o.title.as_deref(), Some("T"));
        assert_eq!(o.output, Some(PathBuf::from("x.json")));
        assert_eq!(o.files.len(), 2);
        assert!(
            parse_args(&args(&["--published", "13/11/2022", "a.txt"]))
                .unwrap_err()
                .contains("YYYY-MM-DD")
        );
        assert!(
            parse_args(&args(&["--bogus", "a.txt"]))
                .unwrap_err()
                .contains("unknown option")
        );
        assert!(parse_args(&args(&[])).is_err());
        assert!(
            parse_args(&args(&["--title"]))
                .unwrap_err()
                .contains("needs a value")
        );
    }
}
