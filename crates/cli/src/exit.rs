//! Exit statuses, as documented in DESIGN.md.

use std::process::ExitCode;

/// How a `handshake` run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ExitStatus {
    /// Everything checked out.
    Success,
    /// The command ran, and found a problem (or failed to run).
    Failure,
    /// The input was unusable (a bad URL, a missing argument).
    Usage,
}

impl From<ExitStatus> for ExitCode {
    fn from(status: ExitStatus) -> ExitCode {
        match status {
            ExitStatus::Success => ExitCode::SUCCESS,
            ExitStatus::Failure => ExitCode::from(1),
            ExitStatus::Usage => ExitCode::from(2),
        }
    }
}
