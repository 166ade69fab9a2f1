//! The Handshake desktop app.

// Without this, a console window opens beside the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    render_on_cpu();
    handshake_app::run();
}

/// Has WebKitGTK draw the window on the CPU unless the user chose otherwise
/// (`WEBKIT_DISABLE_COMPOSITING_MODE=0` keeps its GPU compositing).
///
/// A form-like window gains nothing from GPU compositing, and it costs:
/// about 70 MB more across WebKit's processes and, under a software GL, LLVM
/// compiling shaders during start-up; on some GPU drivers WebKitGTK draws
/// nothing at all. WebKit reads this variable before it creates the web
/// view, so the page is drawn this way from its first frame (Tauri has no
/// hook to set WebKit's policy on the web view before it loads the page).
#[cfg(target_os = "linux")]
#[expect(
    unsafe_code,
    reason = "setting a variable of our own environment before any thread starts"
)]
fn render_on_cpu() {
    const VARIABLE: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";
    if std::env::var_os(VARIABLE).is_none() {
        // SAFETY: the first thing `main` does; no other thread exists yet
        // (GTK, WebKit and the async runtime start theirs in `run`), so
        // nothing reads the environment while it changes.
        unsafe { std::env::set_var(VARIABLE, "1") };
    }
}

#[cfg(not(target_os = "linux"))]
fn render_on_cpu() {}
