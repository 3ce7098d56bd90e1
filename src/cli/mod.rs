//! The command line: `newsmap [DATASET…]` opens the app, subcommands run headless. Parsed with
//! clap (derive), so every subcommand has `--help`, a bad flag is named, and `newsmap
//! completions SHELL` prints shell completions.

mod bench;
mod check;
mod exchange;
mod extract;

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};

pub use bench::{BenchArgs, BenchCommand, run_bench};
pub use check::{CheckArgs, FileReport, check_file, run_check};
pub use exchange::{ExportArgs, ImportArgs, run_export, run_import};
pub use extract::{ExtractArgs, extract_main, import_into, run_extract, target_name};

/// newsmap — a map of the events in news articles.
#[derive(Debug, Parser)]
#[command(
    name = "newsmap",
    version,
    about = "newsmap — a map of the events in news articles",
    long_about = "newsmap — a map of the events in news articles.\n\n\
        With no command it opens the app: on the DATASET files given, else on the last \
        session, else on the built-in seed. Datasets use the newsmap/1 JSON format \
        (docs/format.md).",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Dataset files (newsmap/1 JSON) to open in the app.
    #[arg(value_name = "DATASET.json")]
    pub datasets: Vec<PathBuf>,
    /// Open the app on N generated events, to try it at scale.
    #[arg(long, value_name = "N", value_parser = parse_count)]
    pub synthetic: Option<usize>,
    /// Open the app on a team server (PostgreSQL + PostGIS): a postgres:// URL or libpq
    /// key=value string; the password comes from PGPASSWORD or ~/.pgpass.
    #[arg(long, value_name = "postgres://…", conflicts_with_all = ["synthetic", "datasets"])]
    pub db: Option<String>,
    /// A headless command.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The headless commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract events from articles (files or http(s) URLs) and print one newsmap/1 dataset.
    Extract(ExtractArgs),
    /// Load and validate datasets and list every problem (exit status 1 if any).
    Check(CheckArgs),
    /// Write events as GeoJSON, CSV (ACLED-like columns) or a GeoPackage.
    Export(ExportArgs),
    /// Read GeoJSON, GDELT, ACLED, newsmap/1 or a library into a dataset or a library.
    Import(ImportArgs),
    /// Score extraction on a gold file (see tools/BENCHMARKS.md).
    #[command(subcommand)]
    Bench(BenchCommand),
    /// Print shell completions for newsmap.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
}

/// "100000" or "100_000".
fn parse_count(s: &str) -> Result<usize, String> {
    s.replace('_', "")
        .parse::<usize>()
        .map_err(|_| format!("\"{s}\" is not a number of events"))
}

/// What `main` should do after parsing.
#[derive(Debug)]
pub enum Launch {
    /// Open the app on these datasets (none: the last session or the seed).
    App(Vec<PathBuf>),
    /// Open the app on N generated events.
    Synthetic(usize),
    /// Open the app on a team server (the connection string).
    Server(String),
    /// A headless command ran; exit with this code.
    Done(ExitCode),
}

/// Parses the command line and runs headless commands; GUI launches are left to the caller.
pub fn run(args: impl IntoIterator<Item = OsString>) -> Launch {
    let cli = match Cli::try_parse_from(args) {
        Ok(c) => c,
        Err(e) => {
            // Help and version go to stdout with status 0; usage errors name the flag, status 2.
            // If even stderr is gone there is nobody left to tell.
            e.print().unwrap_or(());
            return Launch::Done(ExitCode::from(e.exit_code() as u8));
        }
    };
    match cli.command {
        Some(Command::Extract(a)) => Launch::Done(run_extract(&a)),
        Some(Command::Check(c)) => Launch::Done(run_check(&c)),
        Some(Command::Export(a)) => Launch::Done(run_export(&a)),
        Some(Command::Import(a)) => Launch::Done(run_import(&a)),
        Some(Command::Bench(b)) => Launch::Done(run_bench(&b)),
        Some(Command::Completions { shell }) => {
            clap_complete::generate(
                shell,
                &mut Cli::command(),
                "newsmap",
                &mut std::io::stdout(),
            );
            Launch::Done(ExitCode::SUCCESS)
        }
        None if cli.db.is_some() => Launch::Server(cli.db.unwrap_or_default()),
        None => match cli.synthetic {
            Some(n) => Launch::Synthetic(n),
            None => match unknown_command(&cli.datasets) {
                Some(msg) => {
                    eprintln!("newsmap: {msg}");
                    Launch::Done(ExitCode::from(2))
                }
                None => Launch::App(cli.datasets),
            },
        },
    }
}

/// A first argument that is neither a file nor a path but a bare word ("newsmap export …") is a
/// mistyped or unknown command, not a dataset that is missing.
fn unknown_command(datasets: &[PathBuf]) -> Option<String> {
    let first = datasets.first()?;
    let word = first.to_str()?;
    let bare = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        && !first.exists();
    bare.then(|| {
        let known: Vec<String> = Cli::command()
            .get_subcommands()
            .map(|c| c.get_name().to_owned())
            .collect();
        format!(
            "unknown command \"{word}\" (commands: {}; `newsmap --help` lists them)",
            known.join(", ")
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn launch(a: &[&str]) -> Launch {
        run(std::iter::once("newsmap")
            .chain(a.iter().copied())
            .map(OsString::from))
    }

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn datasets_synthetic_and_unknown_commands() {
        assert!(matches!(launch(&[]), Launch::App(p) if p.is_empty()));
        assert!(matches!(launch(&["a.json", "b.json"]), Launch::App(p) if p.len() == 2));
        assert!(matches!(
            launch(&["--synthetic", "100_000"]),
            Launch::Synthetic(100_000)
        ));
        assert!(
            matches!(launch(&["--synthetic", "many"]), Launch::Done(c) if c == ExitCode::from(2))
        );
        assert!(matches!(launch(&["exprot", "x.json"]), Launch::Done(c) if c == ExitCode::from(2)));
        assert!(
            unknown_command(&[PathBuf::from("exprot")])
                .unwrap()
                .contains("unknown command \"exprot\"")
        );
        assert!(unknown_command(&[PathBuf::from("data/x.json")]).is_none());
        assert!(matches!(launch(&["--frobnicate"]), Launch::Done(c) if c == ExitCode::from(2)));
        assert!(
            matches!(launch(&["--db", "postgres://x/y"]), Launch::Server(u) if u == "postgres://x/y")
        );
    }
}
