//! The commands the UI calls. Each is a few lines: all logic is in
//! `handshake-core`.

use handshake_core::{Options, Report, Target};
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

/// Diagnoses a target, exactly as `handshake diagnose URL [--origin O]` does.
#[tauri::command]
#[specta::specta]
pub(crate) async fn diagnose(url: String, origin: Option<String>) -> Result<Report, CommandError> {
    let target = Target::parse(&url)?;
    let options = Options {
        origin: origin.filter(|o| !o.trim().is_empty()),
        ..Options::default()
    };
    Ok(handshake_core::diagnose(&target, &options).await)
}
