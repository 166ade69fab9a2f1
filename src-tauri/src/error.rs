//! Errors as the UI receives them: a kind to react to, and the message as
//! data (`{id, facts}`), which the window says from the same catalogue as
//! the CLI, in the language it shows (and again when the language changes).

use handshake_core::error::{ErrorKind, UserError};
use handshake_core::i18n::{Facts, Message, Phrase};
use serde::Serialize;

/// What kind of error a command returned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "kebab-case")]
pub enum ErrorCode {
    /// Unusable input (a bad URL, an unreadable file, a contradictory choice).
    Input,
    /// A file already exists (replacing it needs a confirmation).
    Exists,
    /// Something failed while running (a write, a library).
    Failed,
    /// The user stopped the operation.
    Cancelled,
}

/// An error returned by a command.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
pub struct CommandError {
    /// What kind of error it is.
    pub code: ErrorCode,
    /// What went wrong and what to do, as a catalogue message.
    pub phrase: Phrase,
}

impl CommandError {
    /// One of the window's own errors.
    pub(crate) fn app(error: AppError) -> CommandError {
        let code = match error {
            AppError::Cancelled => ErrorCode::Cancelled,
            AppError::NothingExported
            | AppError::FolderNotAbsolute
            | AppError::NoDevCa
            | AppError::NoTrustPlan => ErrorCode::Input,
            AppError::OpenFolder { .. } => ErrorCode::Failed,
        };
        CommandError {
            code,
            phrase: Phrase::of(&error),
        }
    }

    fn of(error: &(impl UserError + ?Sized)) -> CommandError {
        let code = match error.kind() {
            ErrorKind::Input => ErrorCode::Input,
            ErrorKind::Exists => ErrorCode::Exists,
            ErrorKind::Failed => ErrorCode::Failed,
        };
        CommandError {
            code,
            phrase: Phrase::of(error),
        }
    }
}

/// Errors that only the window has.
#[derive(Debug)]
pub(crate) enum AppError {
    /// The user stopped the diagnosis.
    Cancelled,
    /// "Open folder" before any export.
    NothingExported,
    /// An export folder that is empty or relative.
    FolderNotAbsolute,
    /// The file manager could not be opened.
    OpenFolder { detail: String },
    /// The Trust step before any development CA was made.
    NoDevCa,
    /// "Apply" with no plan shown (or one already applied).
    NoTrustPlan,
}

impl Message for AppError {
    fn id(&self) -> &'static str {
        match self {
            AppError::Cancelled => "app-error-cancelled",
            AppError::NothingExported => "app-error-nothing-exported",
            AppError::FolderNotAbsolute => "app-error-folder-not-absolute",
            AppError::OpenFolder { .. } => "app-error-open-folder",
            AppError::NoDevCa => "app-error-no-dev-ca",
            AppError::NoTrustPlan => "app-error-no-trust-plan",
        }
    }

    fn facts(&self) -> Facts {
        match self {
            AppError::OpenFolder { detail } => Facts::new().with("detail", detail),
            AppError::Cancelled
            | AppError::NothingExported
            | AppError::FolderNotAbsolute
            | AppError::NoDevCa
            | AppError::NoTrustPlan => Facts::new(),
        }
    }
}

/// `?` on a core error: its kind and its words as data.
macro_rules! from_user_errors {
    ($($error:ty),* $(,)?) => {
        $(impl From<$error> for CommandError {
            fn from(error: $error) -> CommandError {
                CommandError::of(&error)
            }
        })*
    };
}

from_user_errors!(
    handshake_core::TargetError,
    handshake_core::file::FileError,
    handshake_core::probe::tls::CaFileError,
    handshake_core::fix::FixError,
    handshake_core::export::ExportError,
    handshake_core::diagnose::ReplayError,
    handshake_core::verify::BadCheck,
    handshake_core::pki::PkiError,
    handshake_core::csr::CsrError,
    handshake_core::trust::TrustError,
    handshake_core::browser::BrowserError,
);
