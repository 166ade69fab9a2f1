//! The commands the UI calls. Each is a few lines: all logic is in
//! `handshake-core`.

use handshake_core::Target;
use tauri::State;

use crate::{CommandError, LaunchArgs};

/// Parses a target URL, exactly as `handshake target URL` does.
#[tauri::command]
#[specta::specta]
pub(crate) fn parse_target(url: String) -> Result<Target, CommandError> {
    Ok(Target::parse(&url)?)
}

/// The target URL the app was started with (`handshake-app wss://…`), if any.
#[tauri::command]
#[specta::specta]
pub(crate) fn launch_target(launch: State<'_, LaunchArgs>) -> Option<String> {
    launch.target.clone()
}
