//! `newsmap bench …`: scores extraction on gold files written in the formats of
//! `tools/BENCHMARKS.md`, printing the figures the README reports.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::eval::{events, merge, read_jsonl, toponyms};
use crate::geodata::gazetteer::Gazetteer;

/// What to score.
#[derive(Debug, clap::Subcommand)]
pub enum BenchCommand {
    /// Toponyms: recognition precision/recall, acc@161 km and end-to-end accuracy.
    Toponyms(BenchArgs),
    /// Events, actors, places, dates, speakers and titles on the events gold set
    /// (tests/data/events_gold.jsonl).
    Events(BenchArgs),
    /// Merging reports of one event across articles, and finding syndicated copies, on the
    /// merge gold set (tests/data/merge_gold.jsonl).
    Merge(BenchArgs),
}

/// Options of a benchmark.
#[derive(Debug, clap::Args)]
pub struct BenchArgs {
    /// The gold file (JSON Lines).
    #[arg(value_name = "FILE.jsonl")]
    pub file: PathBuf,
    /// Score only the first N articles.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Also list every miss and wrong answer.
    #[arg(short, long)]
    pub verbose: bool,
}

/// Runs `newsmap bench …`.
pub fn run_bench(cmd: &BenchCommand) -> ExitCode {
    match cmd {
        BenchCommand::Toponyms(a) => {
            let mut articles: Vec<toponyms::GoldArticle> = match read_jsonl(&a.file) {
                Ok(v) => v,
                Err(e) => {
                    eprintln!("newsmap bench: {e}");
                    return ExitCode::FAILURE;
                }
            };
            if let Some(n) = a.limit {
                articles.truncate(n);
            }
            let report = toponyms::score(&articles, Gazetteer::embedded());
            if a.verbose {
                print_lines(&report.problems);
            }
            print_scores(report.scores.rows(), &report.scores, a.json);
            ExitCode::SUCCESS
        }
        BenchCommand::Events(a) => {
            let mut articles: Vec<events::GoldArticle> = match read_jsonl(&a.file) {
                Ok(v) => v,
                Err(e) => {
                    eprintln!("newsmap bench: {e}");
                    return ExitCode::FAILURE;
                }
            };
            if let Some(n) = a.limit {
                articles.truncate(n);
            }
            let report = events::score(&articles, Gazetteer::embedded());
            if a.verbose {
                print_lines(&report.problems);
            }
            print_scores(report.scores.rows(), &report.scores, a.json);
            ExitCode::SUCCESS
        }
        BenchCommand::Merge(a) => {
            let mut articles: Vec<events::GoldArticle> = match read_jsonl(&a.file) {
                Ok(v) => v,
                Err(e) => {
                    eprintln!("newsmap bench: {e}");
                    return ExitCode::FAILURE;
                }
            };
            if let Some(n) = a.limit {
                articles.truncate(n);
            }
            let report = merge::score(&articles, Gazetteer::embedded());
            if a.verbose {
                print_lines(&report.problems);
            }
            print_scores(report.scores.rows(), &report.scores, a.json);
            ExitCode::SUCCESS
        }
    }
}

fn print_scores(rows: Vec<(&'static str, String)>, json: &impl serde::Serialize, as_json: bool) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let written = if as_json {
        writeln!(out, "{}", serde_json::to_string(json).unwrap_or_default())
    } else {
        rows.iter()
            .try_for_each(|(k, v)| writeln!(out, "{k:>16}: {v}"))
    };
    // A reader that stopped reading (`| head`) is no error worth a message.
    if let Err(e) = written
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("newsmap bench: cannot write the results: {e}");
    }
}

fn print_lines(lines: &[String]) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    for l in lines {
        if writeln!(out, "{l}").is_err() {
            return; // the reader went away (`| head`)
        }
    }
}
