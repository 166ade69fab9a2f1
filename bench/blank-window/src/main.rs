//! A blank Tauri 2 window: the same WebKitGTK, the same window size, an
//! empty page whose script calls one command. It prints `blank: ready` when
//! that call arrives, as the app prints `handshake: ready` from its first
//! call: the cost of the architecture with nothing of ours in it. Like the
//! app with `HANDSHAKE_TRACE`, it also prints when the page starts and
//! finishes loading, with the time since the process began.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::sync::OnceLock;
use std::time::Instant;

static STARTED: OnceLock<Instant> = OnceLock::new();

fn milestone(name: &str) {
    let ms = STARTED.get_or_init(Instant::now).elapsed().as_secs_f64() * 1000.0;
    eprintln!("blank: {name} at {ms:.1} ms\nblank: {name}");
}

/// The page's one call: the window is on screen and its script runs.
#[tauri::command]
fn ready() {
    milestone("ready");
}

fn main() {
    STARTED.get_or_init(Instant::now);
    let result = tauri::Builder::default()
        .setup(|_| {
            milestone("setup");
            Ok(())
        })
        .on_page_load(|_, page| {
            milestone(match page.event() {
                tauri::webview::PageLoadEvent::Started => "page-started",
                tauri::webview::PageLoadEvent::Finished => "page-loaded",
            });
        })
        .invoke_handler(tauri::generate_handler![ready])
        .run(tauri::generate_context!());
    if let Err(error) = result {
        eprintln!("blank-window: {error}");
        std::process::exit(1);
    }
}
