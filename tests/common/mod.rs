//! What the UI tests share: the app on the seed dataset in a kittest harness.

use egui_kittest::Harness;
use newsmap::ui::NewsmapApp;

/// The app on the seed dataset in a window of `width` × `height` points, after its first frame.
pub fn harness_sized(width: f32, height: f32) -> Harness<'static, NewsmapApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(width, height))
        .build_ui_state(
            |ui, app: &mut NewsmapApp| app.ui(ui),
            NewsmapApp::with_seed(),
        );
    h.run();
    h
}

/// The app on the seed dataset in a large window (1400 × 900).
#[allow(dead_code)] // each test file uses one of the two
pub fn harness() -> Harness<'static, NewsmapApp> {
    harness_sized(1400.0, 900.0)
}

/// The app on the seed dataset rendered by wgpu (software Vulkan in CI) in the light theme, as
/// the committed snapshots were made.
#[allow(dead_code)] // only the snapshot tests use it
pub fn snapshot_harness() -> Harness<'static, NewsmapApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_theme(egui::Theme::Light)
        .wgpu()
        .build_ui_state(
            |ui, app: &mut NewsmapApp| app.ui(ui),
            NewsmapApp::with_seed(),
        );
    h.run();
    h
}
