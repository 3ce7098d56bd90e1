//! The `newsmap` command: no arguments opens the app on the last session (or the seed); dataset
//! files open those; subcommands run headless (see [`newsmap::cli`]).

use std::path::PathBuf;
use std::process::ExitCode;

use newsmap::cli::Launch;

// glibc's allocator returned memory to the OS every frame and made tessellation 4× slower.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    match newsmap::cli::run(std::env::args_os()) {
        Launch::Done(code) => code,
        Launch::App(paths) => run_app(paths),
        Launch::Synthetic(n) => run_synthetic(n),
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
        "newsmap was built without the `gui` feature; only the headless commands work \
         (`newsmap --help` lists them)."
    );
    ExitCode::from(2)
}

#[cfg(not(feature = "gui"))]
fn run_synthetic(_n: usize) -> ExitCode {
    run_app(Vec::new())
}
