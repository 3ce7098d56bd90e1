//! `newsmap extract`: articles in, one newsmap/1 dataset out.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::jobs::ingest::{Source, append, expand, extract_all, json_lines};
use crate::library::merge::merge_across_articles;
use crate::library::server;
use crate::library::store::Store;
use crate::model::{ArticleInput, Dataset, FORMAT, MAX_ARTICLE_BYTES, write_file, write_file_with};
use crate::source::fetch::FetchOptions;
use crate::source::metadata_path;

/// `newsmap extract`: its options.
#[derive(Debug, Default, PartialEq, clap::Args)]
#[command(long_about = "Turn news articles into one newsmap/1 dataset.\n\n\
        INPUTS are .txt, .md or .html articles, folders of them (read recursively), feed files \
        (.rss, .atom, .xml) and http(s) URLs of pages (15 s and 10 MB at most, 5 redirects); \
        --feed adds a feed by URL, whose items are read from the feed when it carries their \
        full text and fetched from their links otherwise. A sibling NAME.json beside NAME.txt \
        supplies metadata (title, source, published, url, author, language), as in \
        seeds/*.json; the options override it and apply to every input. Articles are read and \
        extracted in parallel, with a progress bar when stderr is a terminal.\n\n\
        The dataset (article text inline) goes to stdout. With several inputs, articles are \
        a1, a2, … and every other id is prefixed \"a1-\", \"a2-\", …, and events that several \
        articles report are merged into one that lists each report and why it was joined. \
        --jsonl FILE (or - for standard input) reads articles as JSON Lines, one \
        {\"title\", \"text\" or \"html\", \"url\", \"published\", \"source\"} per line, \
        so other tools can pipe articles in; a bad line is named by its number and the others \
        go on. --jsonl-out writes one dataset per article and line instead, as each batch \
        finishes, for corpora larger than memory; --into adds everything to a library file in one \
        transaction (a postgres:// URL adds them to a team server: README, \"Team server\"). An input that cannot be read is named on stderr and the exit status is \
        1; the others are still extracted.\n\n\
        An input file or page larger than --max-bytes (10 MB unless set) is refused, and reading \
        stops there, so a device or an endless pipe ends with a message. -o replaces only a \
        regular file, through a temporary file and a rename, keeping its permissions; it \
        writes through a symbolic link, and refuses a directory, a device, a FIFO, a file with \
        several hard links, and any input of the command (an article or its NAME.json).")]
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
    #[arg(
        short,
        long = "output",
        value_name = "OUT.json",
        conflicts_with = "jsonl_out"
    )]
    pub output: Option<PathBuf>,
    /// Read articles as JSON Lines from FILE (or standard input for "-"): one {"title", "text"
    /// or "html", "url", "published", "source"} per line.
    #[arg(long, value_name = "FILE|-")]
    pub jsonl: Option<PathBuf>,
    /// Write one dataset per article, one per line, to FILE (or stdout for "-").
    #[arg(long, value_name = "FILE|-")]
    pub jsonl_out: Option<PathBuf>,
    /// Add the articles and events to this library file (created if missing) or team server
    /// (postgres://…, or a libpq "service=NAME").
    #[arg(long, value_name = "LIBRARY.gpkg|postgres://…")]
    pub into: Option<PathBuf>,
    /// A feed (RSS, Atom, JSON Feed) by URL or file; may be given several times.
    #[arg(long = "feed", value_name = "URL|FILE")]
    pub feeds: Vec<String>,
    /// Keep every article's events apart instead of merging reports of the same event.
    #[arg(long)]
    pub no_merge: bool,
    /// Largest input read, in bytes (files and pages; default 10 MB).
    #[arg(long, value_name = "N", value_parser = parse_bytes)]
    pub max_bytes: Option<usize>,
    /// Threads to extract with (default: one per core).
    #[arg(short = 'j', long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Article files, folders, feed files or http(s) URLs.
    #[arg(value_name = "INPUT", required_unless_present_any = ["feeds", "jsonl"])]
    pub files: Vec<PathBuf>,
}

fn parse_published(s: &str) -> Result<jiff::civil::Date, String> {
    crate::model::parse_day(s).map_err(|e| e.to_string())
}

/// "20000000", "20_000_000", "20MB", "500KB".
fn parse_bytes(s: &str) -> Result<usize, String> {
    let t = s.trim().replace('_', "");
    let upper = t.to_ascii_uppercase();
    let (digits, unit) = if let Some(d) = upper.strip_suffix("MB") {
        (d, 1_000_000)
    } else if let Some(d) = upper.strip_suffix("KB") {
        (d, 1_000)
    } else {
        (upper.as_str(), 1)
    };
    digits
        .trim()
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_mul(unit))
        .filter(|&n| n > 0)
        .ok_or_else(|| format!("\"{s}\" is not a size in bytes (e.g. 20000000 or 20MB)"))
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

/// Articles extracted per batch with `--jsonl-out`: enough to keep every core busy, few enough
/// that memory stays flat however large the corpus.
const JSONL_BATCH: usize = 256;

/// Runs `newsmap extract`: prints or writes one dataset, JSON lines, or a library import.
pub fn run_extract(opts: &ExtractArgs) -> ExitCode {
    match opts.jobs {
        Some(0) => {
            eprintln!("newsmap extract: --jobs must be at least 1");
            ExitCode::from(2)
        }
        Some(n) => match rayon::ThreadPoolBuilder::new().num_threads(n).build() {
            Ok(pool) => pool.install(|| extract_inputs(opts)),
            Err(e) => {
                eprintln!("newsmap extract: cannot start {n} threads: {e}");
                ExitCode::FAILURE
            }
        },
        None => extract_inputs(opts),
    }
}

fn extract_inputs(opts: &ExtractArgs) -> ExitCode {
    let cancel = AtomicBool::new(false);
    let fetch = FetchOptions {
        max_bytes: opts.max_bytes.unwrap_or(MAX_ARTICLE_BYTES),
        ..Default::default()
    };
    let (mut sources, mut errors) = expand(&opts.files, &opts.feeds, &cancel, &fetch);
    if let Some(lines) = &opts.jsonl {
        let (given, bad) = json_lines(lines, fetch.max_bytes);
        sources.extend(given);
        errors.extend(bad);
    }
    let mut failed = !errors.is_empty();
    for e in &errors {
        eprintln!("newsmap extract: {e}");
    }
    if sources.is_empty() {
        if errors.is_empty() {
            eprintln!("newsmap extract: no articles to extract (the inputs hold none)");
        }
        return ExitCode::FAILURE;
    }
    let progress = progress_bar(sources.len());
    let each = |_: &Source| progress.inc(1);
    let edit = |input: &mut ArticleInput| apply_overrides(input, opts);
    let prefixed = sources.len() > 1;

    if let Some(lines) = &opts.jsonl_out {
        let result = write_jsonl(lines, &sources, &edit, &cancel, &fetch, &each, &progress);
        progress.finish_and_clear();
        return match result {
            Ok(any_failed) if !(any_failed || failed) => ExitCode::SUCCESS,
            Ok(_) => ExitCode::FAILURE,
            Err(msg) => {
                eprintln!("newsmap extract: {msg}");
                ExitCode::FAILURE
            }
        };
    }

    let outcomes = extract_all(&sources, 1, prefixed, &edit, &cancel, &fetch, &each);
    progress.finish_and_clear();
    let mut dataset = Dataset {
        format: FORMAT.to_owned(),
        ..Default::default()
    };
    for outcome in outcomes {
        match outcome {
            Ok(ds) => append(&mut dataset, ds),
            Err(e) => {
                eprintln!("newsmap extract: {e}");
                failed = true;
            }
        }
    }
    if dataset.articles.is_empty() {
        return ExitCode::FAILURE;
    }
    if prefixed && !opts.no_merge {
        merge_across_articles(&mut dataset);
    }
    let problems = dataset.validate();
    if !problems.is_empty() {
        // A bug in the extractor, not in the input: say so rather than write a bad file.
        for p in problems.iter().take(20) {
            eprintln!("newsmap extract: internal error, invalid output: {p}");
        }
        return ExitCode::FAILURE;
    }
    if let Some(library) = &opts.into {
        match import_into(library, &dataset) {
            Ok(report) => eprintln!("{}: {report}", target_name(library)),
            Err(msg) => {
                eprintln!("newsmap extract: {msg}");
                return ExitCode::FAILURE;
            }
        }
        if opts.output.is_none() {
            return if failed {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            };
        }
    }
    let json = dataset.to_json_inline();
    let written = match &opts.output {
        Some(out) => {
            let inputs = input_files(&sources);
            let inputs: Vec<&Path> = inputs.iter().map(PathBuf::as_path).collect();
            write_file(out, json.as_bytes(), &inputs).map_err(|e| e.to_string())
        }
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

/// A bar on stderr when it is a terminal; hidden (and free) otherwise, so logs stay clean.
fn progress_bar(total: usize) -> ProgressBar {
    if total < 2 || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
    if let Ok(style) =
        ProgressStyle::with_template("{bar:40} {pos}/{len} articles  {per_sec}  eta {eta}  {msg}")
    {
        bar.set_style(style);
    }
    bar
}

/// Writes each article's dataset as one line, batch by batch; `Ok(true)` if any input failed.
fn write_jsonl(
    to: &Path,
    sources: &[Source],
    edit: &(dyn Fn(&mut ArticleInput) + Sync),
    cancel: &AtomicBool,
    fetch: &FetchOptions,
    each: &(dyn Fn(&Source) + Sync),
    progress: &ProgressBar,
) -> Result<bool, String> {
    let mut failed = false;
    let mut lines = |out: &mut dyn Write| -> std::io::Result<()> {
        let mut out = std::io::BufWriter::new(out);
        for (b, batch) in sources.chunks(JSONL_BATCH).enumerate() {
            let outcomes =
                extract_all(batch, 1 + b * JSONL_BATCH, false, edit, cancel, fetch, each);
            for outcome in outcomes {
                match outcome {
                    Ok(ds) => {
                        serde_json::to_writer(&mut out, &ds).map_err(std::io::Error::other)?;
                        out.write_all(b"\n")?;
                    }
                    Err(e) => {
                        progress.suspend(|| eprintln!("newsmap extract: {e}"));
                        failed = true;
                    }
                }
            }
        }
        out.flush()
    };
    if to.as_os_str() == "-" {
        lines(&mut std::io::stdout().lock()).map_err(|e| format!("stdout: cannot write: {e}"))?;
    } else {
        // Written whole or not at all, like -o; the command's inputs are never overwritten.
        let inputs = input_files(sources);
        let inputs: Vec<&Path> = inputs.iter().map(PathBuf::as_path).collect();
        write_file_with(to, &inputs, |f| lines(f)).map_err(|e| e.to_string())?;
    }
    Ok(failed)
}

/// Adds a dataset in one transaction to a library file or, for a `postgres://` URL (or a
/// libpq `service=NAME`), to a team server. What `extract --into` and `import --into` call.
pub fn import_into(
    target: &Path,
    dataset: &Dataset,
) -> Result<crate::library::store::ImportReport, String> {
    if let Some(conn) = target.to_str().filter(|t| server::is_server_url(t)) {
        let mut server = server::Server::connect(conn).map_err(|e| e.to_string())?;
        return server.import(dataset).map_err(|e| e.to_string());
    }
    let mut store = Store::open(target).map_err(|e| e.to_string())?;
    store.import(dataset).map_err(|e| e.to_string())
}

/// How messages name an `--into` target: a file's path, a server without its password.
pub fn target_name(target: &Path) -> String {
    match target.to_str().filter(|t| server::is_server_url(t)) {
        Some(conn) => server::ConnInfo::parse(conn)
            .map(|i| i.describe())
            .unwrap_or_else(|_| "the server".to_owned()),
        None => target.display().to_string(),
    }
}

/// The local files the command reads: each article and its sibling metadata. `-o` must not
/// name any of them.
fn input_files(sources: &[Source]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for s in sources {
        if let Source::File(f) = s {
            out.push(f.clone());
            let meta = metadata_path(f);
            if meta != *f && meta.exists() {
                out.push(meta);
            }
        }
    }
    out
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
