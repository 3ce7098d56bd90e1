//! `newsmap extract`: articles in, one newsmap/1 dataset out.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::extract::extract_with_ids;
use crate::geodata::gazetteer::Gazetteer;
use crate::model::ArticleInput;
use crate::model::{Dataset, FORMAT, write_atomically};
use crate::source::read_article;

/// `newsmap extract`: its options.
#[derive(Debug, Default, PartialEq, clap::Args)]
#[command(long_about = "Turn news articles into one newsmap/1 dataset.\n\n\
        FILES are .txt, .md or .html articles; an http(s) URL is fetched (15 s and 10 MB at \
        most, 5 redirects) and its main text extracted, with the page's title, site and \
        publication date. A sibling NAME.json beside NAME.txt supplies metadata (title, source, \
        published, url, author, language), as in seeds/*.json; the options override it and \
        apply to every input.\n\n\
        The dataset (article text inline) goes to stdout. With several inputs, articles are \
        a1, a2, … and every other id is prefixed \"a1-\", \"a2-\", …. An input that cannot be \
        read is named on stderr and the exit status is 1; the others are still extracted.")]
pub struct ExtractArgs {
    /// Publication date; relative dates ("on Sunday") resolve against it.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_published)]
    pub published: Option<jiff::civil::Date>,
    /// Headline (default: a headline-like first line, else the file name).
    #[arg(long, value_name = "T")]
    pub title: Option<String>,
    /// Publisher.
    #[arg(long, value_name = "S")]
    pub source: Option<String>,
    /// The article's URL.
    #[arg(long, value_name = "U")]
    pub url: Option<String>,
    /// Write the dataset there (atomically) instead of to stdout.
    #[arg(short, long = "output", value_name = "OUT.json")]
    pub output: Option<PathBuf>,
    /// Article files or http(s) URLs.
    #[arg(value_name = "FILE|URL", required = true)]
    pub files: Vec<PathBuf>,
}

fn parse_published(s: &str) -> Result<jiff::civil::Date, String> {
    crate::model::parse_day(s).map_err(|e| e.to_string())
}

/// `newsmap extract …` given the arguments after `extract` (as tests and scripts call it).
pub fn extract_main(args: &[String]) -> ExitCode {
    use clap::Parser;
    #[derive(Parser)]
    #[command(name = "newsmap extract")]
    struct Only {
        #[command(flatten)]
        args: ExtractArgs,
    }
    match Only::try_parse_from(
        std::iter::once("newsmap extract".to_owned()).chain(args.iter().cloned()),
    ) {
        Ok(o) => run_extract(&o.args),
        Err(e) => {
            // If even stderr is gone there is nobody left to tell.
            e.print().unwrap_or(());
            ExitCode::from(e.exit_code() as u8)
        }
    }
}

/// Runs `newsmap extract`: prints or writes one dataset.
pub fn run_extract(opts: &ExtractArgs) -> ExitCode {
    let gaz = Gazetteer::embedded();
    let several = opts.files.len() > 1;
    let mut dataset = Dataset {
        format: FORMAT.to_owned(),
        ..Default::default()
    };
    let mut failed = false;
    for (i, path) in opts.files.iter().enumerate() {
        // Anything with a scheme is an address: the fetcher says which schemes it takes.
        let url = path.to_str().filter(|s| s.contains("://"));
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
        apply_overrides(&mut input, opts);
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
