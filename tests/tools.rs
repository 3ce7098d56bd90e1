//! The Python tools under `tools/` have their own unit tests (standard library only); running
//! them here keeps `cargo test` the one command that tests everything in the repository.

use std::process::Command;

#[test]
fn the_benchmark_converter_tests_pass() {
    let root = env!("CARGO_MANIFEST_DIR");
    let out = Command::new("python3")
        .args(["-m", "unittest", "discover", "-s", "tools/tests"])
        .current_dir(root)
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .output()
        .expect("python3 runs (it is listed among the packages the README asks for)");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "tools/tests failed:\n{stderr}");
    assert!(stderr.contains("OK"), "unittest ran: {stderr}");
}
