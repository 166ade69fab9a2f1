//! The blank window's one command needs a permission, as the app's do.

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(&["ready"])),
    )
    .unwrap_or_else(|error| panic!("tauri build script failed: {error:#}"));
}
