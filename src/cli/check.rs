//! `newsmap check DATASET…`: loads and validates datasets without opening a window, and lists
//! every problem (the app shows the first few of each file).

use std::path::PathBuf;
use std::process::ExitCode;

use crate::model::{Dataset, LoadError};

/// `newsmap check`: its options.
#[derive(Debug, clap::Args)]
#[command(
    long_about = "Load and validate newsmap/1 datasets without opening the app.\n\n\
        Prints one line per problem to stdout — the file, the JSON path and what is wrong, \
        every problem, not only the first twenty — and a summary to stderr. Exits with status \
        0 when every file is sound, 1 when any has a problem."
)]
pub struct CheckArgs {
    /// Dataset files (newsmap/1 JSON).
    #[arg(value_name = "DATASET.json", required = true)]
    pub files: Vec<PathBuf>,
}

/// What checking one file found.
#[derive(Debug)]
pub struct FileReport {
    /// The file as given.
    pub file: String,
    /// Every problem, each already naming the file and JSON path; empty when sound.
    pub lines: Vec<String>,
    /// Events in the dataset, when it loaded.
    pub events: Option<usize>,
}

/// Loads and validates one dataset and lists every problem.
pub fn check_file(path: &std::path::Path) -> FileReport {
    let file = path.display().to_string();
    match Dataset::load(path) {
        Ok(ds) => FileReport {
            file,
            lines: Vec::new(),
            events: Some(ds.events.len()),
        },
        Err(LoadError::Invalid { file: f, problems }) => FileReport {
            lines: problems.iter().map(|p| format!("{f}: {p}")).collect(),
            file,
            events: None,
        },
        Err(e) => FileReport {
            file,
            lines: vec![e.to_string()],
            events: None,
        },
    }
}

/// Runs `newsmap check`.
pub fn run_check(args: &CheckArgs) -> ExitCode {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let (mut problems, mut bad_files) = (0usize, 0usize);
    for path in &args.files {
        let report = check_file(path);
        if report.lines.is_empty() {
            eprintln!(
                "{}: ok ({} events)",
                report.file,
                report.events.unwrap_or(0)
            );
            continue;
        }
        bad_files += 1;
        problems += report.lines.len();
        for line in &report.lines {
            if writeln!(out, "{line}").is_err() {
                // stdout closed (`| head`): the exit status still tells.
                return ExitCode::FAILURE;
            }
        }
    }
    if problems == 0 {
        eprintln!("newsmap check: {} file(s), no problems", args.files.len());
        ExitCode::SUCCESS
    } else {
        eprintln!(
            "newsmap check: {problems} problem(s) in {bad_files} of {} file(s)",
            args.files.len()
        );
        ExitCode::FAILURE
    }
}
