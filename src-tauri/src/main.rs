//! The Handshake desktop app.

// Without this, a console window opens beside the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    handshake_app::run();
}
