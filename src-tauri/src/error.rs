//! Errors as the UI receives them: a stable code to react to, and the core's
//! message, written for the user, to show.

use serde::Serialize;

/// What kind of error a command returned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "kebab-case")]
pub enum ErrorCode {
    /// The target URL was refused.
    InvalidTarget,
}

/// An error returned by a command.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct CommandError {
    /// What kind of error it is.
    pub code: ErrorCode,
    /// What went wrong and what to do, ready to show.
    pub message: String,
}

impl From<handshake_core::TargetError> for CommandError {
    fn from(error: handshake_core::TargetError) -> Self {
        CommandError {
            code: ErrorCode::InvalidTarget,
            message: error.to_string(),
        }
    }
}
