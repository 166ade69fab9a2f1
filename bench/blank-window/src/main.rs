//! A blank Tauri 2 window: the same WebKitGTK, the same window size, an
//! empty page whose script calls one command. It prints `blank: ready` when
//! that call arrives, as the app prints `handshake: ready` from its first
//! call: the cost of the architecture with nothing of ours in it.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

/// The page's one call: the window is on screen and its script runs.
#[tauri::command]
fn ready() {
    eprintln!("blank: ready");
}

fn main() {
    let result = tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![ready])
        .run(tauri::generate_context!());
    if let Err(error) = result {
        eprintln!("blank-window: {error}");
        std::process::exit(1);
    }
}
