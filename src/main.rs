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
        Launch::Server(conn) => run_server(conn),
    }
}

#[cfg(feature = "gui")]
fn run_app(paths: Vec<PathBuf>) -> ExitCode {
    run_window(move |storage| {
        let session = newsmap::ui::NewsmapApp::default_session_dir()
            .map(newsmap::library::session::Session::new);
        // Older versions kept the session in eframe's storage; it is read once, when no session
        // file exists yet.
        let legacy = || storage.and_then(|s| eframe::get_value(s, eframe::APP_KEY));
        let open_library = paths.is_empty();
        let mut app = newsmap::ui::NewsmapApp::start(paths, session, legacy);
        // With no files named, the user's library opens (with the seed in it the first time).
        if open_library && let Some(library) = newsmap::ui::NewsmapApp::default_library() {
            app.open_library(&library);
        }
        for e in app.errors() {
            eprintln!("{e}");
        }
        for n in app.notices() {
            eprintln!("newsmap: {n}");
        }
        app.keep_extracted_in(newsmap::ui::NewsmapApp::default_kept_dir());
        app
    })
}

#[cfg(feature = "gui")]
fn run_synthetic(n: usize) -> ExitCode {
    // The window opens at once; the events are generated and indexed on a worker thread.
    run_window(move |_| {
        let mut app =
            newsmap::ui::NewsmapApp::new(newsmap::library::Library::default(), Vec::new());
        app.add_in_background(
            format!("Generating and indexing {n} synthetic events…"),
            move || {
                let ds = newsmap::synthetic::dataset(n, (n / 5).max(1), 7);
                newsmap::library::LoadedDataset::new("synthetic", None, ds)
            },
        );
        app
    })
}

#[cfg(feature = "gui")]
fn run_server(conn: String) -> ExitCode {
    // No session: the server view is not saved, and the user's file session stays as it was.
    run_window(move |_| newsmap::ui::NewsmapApp::with_server(&conn))
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
        Box::new(|cc| {
            let app = make(cc.storage);
            app.prepare_basemap();
            Ok(Box::new(app))
        }),
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

#[cfg(not(feature = "gui"))]
fn run_server(_conn: String) -> ExitCode {
    run_app(Vec::new())
}
