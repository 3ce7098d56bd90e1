//! The `newsmap` command: no arguments opens the app on the seed dataset; dataset files open
//! those; subcommands run headless.

use std::path::PathBuf;
use std::process::ExitCode;

// glibc's allocator returned memory to the OS every frame and made tessellation 4× slower.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const USAGE: &str = "\
newsmap — a map of the events in news articles

USAGE:
    newsmap [DATASET.json ...]     open the app on these datasets (none: the built-in seed)
    newsmap extract [OPTIONS] FILE...
                                   extract events from articles and print a dataset
                                   (newsmap extract --help for the options)
    newsmap --synthetic N          open the app on N generated events (to try its speed)
    newsmap --help                 this text
    newsmap --version              the version

Datasets use the newsmap/1 JSON format (docs/format.md).";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Some("extract") => newsmap::cli::extract_main(&args[1..]),
        Some("-V" | "--version") => {
            println!("newsmap {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Some("--synthetic") => match args
            .get(1)
            .and_then(|n| n.replace('_', "").parse::<usize>().ok())
        {
            Some(n) => run_synthetic(n),
            None => {
                eprintln!("newsmap: --synthetic needs a number of events, e.g. --synthetic 100000");
                ExitCode::from(2)
            }
        },
        Some(flag) if flag.starts_with('-') => {
            eprintln!("newsmap: unknown option {flag}\n\n{USAGE}");
            ExitCode::from(2)
        }
        _ => run_app(args.iter().map(PathBuf::from).collect()),
    }
}

#[cfg(feature = "gui")]
fn run_app(paths: Vec<PathBuf>) -> ExitCode {
    // With no files named, the last session comes back: its files, filters and view.
    let restore_session = paths.is_empty();
    run_window(move |storage| {
        let saved: Option<newsmap::ui::SavedState> = storage
            .filter(|_| restore_session)
            .and_then(|s| eframe::get_value(s, eframe::APP_KEY));
        let paths = match &saved {
            Some(s) if !s.open_files.is_empty() => s.open_files.clone(),
            _ => paths,
        };
        let (mut lib, errors) = newsmap::library::Library::open(&paths);
        if restore_session && !paths.is_empty() {
            // The seed stays available beside the files the user opened last time.
            lib.datasets
                .insert(0, newsmap::library::LoadedDataset::embedded_seed());
            lib.rebuild();
        }
        for e in &errors {
            eprintln!("{e}");
        }
        let mut app = newsmap::ui::NewsmapApp::new(lib, errors);
        app.keep_extracted_in(newsmap::ui::NewsmapApp::default_kept_dir());
        if let Some(s) = saved {
            app.restore(s);
        }
        app
    })
}

#[cfg(feature = "gui")]
fn run_synthetic(n: usize) -> ExitCode {
    let ds = newsmap::synthetic::dataset(n, (n / 5).max(1), 7);
    let lib = newsmap::library::Library::new(vec![newsmap::library::LoadedDataset::new(
        "synthetic",
        None,
        ds,
    )]);
    run_window(move |_| newsmap::ui::NewsmapApp::new(lib, Vec::new()))
}

#[cfg(not(feature = "gui"))]
fn run_synthetic(_n: usize) -> ExitCode {
    run_app(Vec::new())
}

#[cfg(feature = "gui")]
fn run_window(
    make: impl FnOnce(Option<&dyn eframe::Storage>) -> newsmap::ui::NewsmapApp + 'static,
) -> ExitCode {
    newsmap::map::tiles::install_failure_log();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([640.0, 400.0])
            .with_title("newsmap"),
        ..Default::default()
    };
    match eframe::run_native(
        "newsmap",
        options,
        Box::new(|cc| Ok(Box::new(make(cc.storage)))),
    ) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("newsmap: cannot open a window: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(not(feature = "gui"))]
fn run_app(_paths: Vec<PathBuf>) -> ExitCode {
    eprintln!(
        "newsmap was built without the `gui` feature; only subcommands are available.\n\n{USAGE}"
    );
    ExitCode::from(2)
}
