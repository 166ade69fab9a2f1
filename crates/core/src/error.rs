//! What kind of problem an error is, decided once for every front end: the
//! command line's exit status (2 only for unusable input) and the window's
//! reaction (a confirmation for an existing file) both follow it.

use crate::i18n::Message;

/// The kinds of error a user meets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// Unusable input: a bad URL, an unreadable or wrong file, a missing value.
    Input,
    /// A file is already there; replacing it needs the user's say-so.
    Exists,
    /// Something failed while running: a write, a program, a library.
    Failed,
}

/// An error of the core, with its words in the catalogue and its kind.
pub trait UserError: Message + std::error::Error {
    /// What kind of problem it is.
    fn kind(&self) -> ErrorKind;
}

impl UserError for crate::target::TargetError {
    fn kind(&self) -> ErrorKind {
        ErrorKind::Input
    }
}

impl UserError for crate::proxy::ProxyError {
    fn kind(&self) -> ErrorKind {
        ErrorKind::Input
    }
}

impl UserError for crate::i18n::LanguageError {
    fn kind(&self) -> ErrorKind {
        ErrorKind::Input
    }
}

impl UserError for crate::probe::tls::CaFileError {
    fn kind(&self) -> ErrorKind {
        ErrorKind::Input
    }
}

impl UserError for crate::diagnose::ReplayError {
    fn kind(&self) -> ErrorKind {
        ErrorKind::Input
    }
}

impl UserError for crate::profile::ProfileError {
    fn kind(&self) -> ErrorKind {
        ErrorKind::Input
    }
}

impl UserError for crate::browser::BrowserError {
    fn kind(&self) -> ErrorKind {
        ErrorKind::Failed
    }
}

impl UserError for crate::trust::TrustError {
    fn kind(&self) -> ErrorKind {
        ErrorKind::Failed
    }
}

impl UserError for crate::fix::RequestError {
    fn kind(&self) -> ErrorKind {
        ErrorKind::Input
    }
}

impl UserError for crate::verify::BadCheck {
    fn kind(&self) -> ErrorKind {
        ErrorKind::Input
    }
}

impl UserError for crate::file::FileError {
    fn kind(&self) -> ErrorKind {
        ErrorKind::Input
    }
}

impl UserError for crate::pki::PkiError {
    fn kind(&self) -> ErrorKind {
        use crate::pki::PkiError;
        match self {
            PkiError::Io { .. } | PkiError::Generation(_) => ErrorKind::Failed,
            PkiError::NoHost
            | PkiError::NoCertificateInPem { .. }
            | PkiError::InvalidCertificateInPem
            | PkiError::NoKeyInPem
            | PkiError::EncryptedKey
            | PkiError::WrongPassphrase
            | PkiError::KeyMismatch { .. }
            | PkiError::KeyRequired { .. }
            | PkiError::PasswordRequired { .. }
            | PkiError::NoKeyInKeystore { .. }
            | PkiError::KeyDerivationTooCostly { .. } => ErrorKind::Input,
            PkiError::Keystore { source, .. } => source.kind(),
            PkiError::File(error) => error.kind(),
        }
    }
}

impl UserError for crate::csr::CsrError {
    fn kind(&self) -> ErrorKind {
        match self {
            crate::csr::CsrError::Pki(error) => error.kind(),
            crate::csr::CsrError::Export(error) => error.kind(),
        }
    }
}

impl UserError for crate::keystore::KeystoreError {
    fn kind(&self) -> ErrorKind {
        use crate::keystore::KeystoreError;
        match self {
            KeystoreError::Encoding(_) => ErrorKind::Failed,
            KeystoreError::NoCertificate
            | KeystoreError::NotPkcs12(_)
            | KeystoreError::WrongPassword
            | KeystoreError::TooCostly { .. }
            | KeystoreError::AliasMissing { .. }
            | KeystoreError::AliasNotKey { .. } => ErrorKind::Input,
        }
    }
}

impl UserError for crate::export::ExportError {
    fn kind(&self) -> ErrorKind {
        use crate::export::ExportError;
        match self {
            ExportError::Exists { .. } => ErrorKind::Exists,
            ExportError::Io { .. } => ErrorKind::Failed,
        }
    }
}

impl UserError for crate::render::RenderError {
    fn kind(&self) -> ErrorKind {
        use crate::render::RenderError;
        match self {
            RenderError::Plan(_)
            | RenderError::NoPassword
            | RenderError::Value(_)
            | RenderError::PasswordNotPortable { .. } => ErrorKind::Input,
            RenderError::Keystore(error) => error.kind(),
        }
    }
}

impl UserError for crate::fix::FixError {
    fn kind(&self) -> ErrorKind {
        use crate::fix::FixError;
        match self {
            FixError::Certificate(error) => error.kind(),
            FixError::Render(error) => error.kind(),
        }
    }
}
