//! Errors as the UI receives them: a stable code to react to, and the core's
//! message, written for the user, to show.

use serde::Serialize;

/// What kind of error a command returned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "kebab-case")]
pub enum ErrorCode {
    /// The target URL was refused.
    InvalidTarget,
    /// The user stopped the operation.
    Cancelled,
    /// A certificate or key could not be made or read.
    Certificate,
    /// The choices contradict each other.
    Plan,
    /// A file already exists (replacing it needs a confirmation).
    Exists,
    /// A file could not be read or written.
    Io,
}

/// An error returned by a command.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct CommandError {
    /// What kind of error it is.
    pub code: ErrorCode,
    /// What went wrong and what to do, ready to show.
    pub message: String,
}

impl CommandError {
    /// A file error with `message`.
    pub(crate) fn io(message: impl std::fmt::Display) -> CommandError {
        CommandError {
            code: ErrorCode::Io,
            message: message.to_string(),
        }
    }
}

impl From<handshake_core::TargetError> for CommandError {
    fn from(error: handshake_core::TargetError) -> Self {
        CommandError {
            code: ErrorCode::InvalidTarget,
            message: error.to_string(),
        }
    }
}

impl From<handshake_core::fix::FixError> for CommandError {
    fn from(error: handshake_core::fix::FixError) -> Self {
        let code = match error {
            handshake_core::fix::FixError::Certificate(_) => ErrorCode::Certificate,
            _ => ErrorCode::Plan,
        };
        CommandError {
            code,
            message: error.to_string(),
        }
    }
}

impl From<handshake_core::export::ExportError> for CommandError {
    fn from(error: handshake_core::export::ExportError) -> Self {
        let code = match error {
            handshake_core::export::ExportError::Exists { .. } => ErrorCode::Exists,
            _ => ErrorCode::Io,
        };
        CommandError {
            code,
            message: error.to_string(),
        }
    }
}
