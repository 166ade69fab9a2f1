//! A private key and a certificate signing request for a public CA,
//! written together or not at all: a CSR without its key is useless, and
//! an existing key is never replaced.

use std::path::{Path, PathBuf};

use crate::export::{self, ExportError, Mode};
use crate::i18n::{Facts, Message};
use crate::pki::{self, LeafRequest, PkiError};

/// Where the key and the CSR go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsrFiles {
    /// The private key (readable by the user alone).
    pub key: PathBuf,
    /// The request to send to the CA.
    pub csr: PathBuf,
}

impl CsrFiles {
    /// `HOST.key` and `HOST.csr` in `folder`, named for the first host.
    pub fn in_folder(folder: &Path, host: &str) -> CsrFiles {
        // A wildcard's `*` is no file name.
        let stem = host.trim_start_matches("*.");
        CsrFiles {
            key: folder.join(format!("{stem}.key")),
            csr: folder.join(format!("{stem}.csr")),
        }
    }
}

/// Why the key and CSR were not written.
#[derive(Debug, thiserror::Error)]
#[error("{}", crate::i18n::english(self))]
#[non_exhaustive]
pub enum CsrError {
    /// The key or the request could not be made.
    Pki(#[from] PkiError),
    /// A file exists, or could not be written.
    Export(#[from] ExportError),
}

impl Message for CsrError {
    fn id(&self) -> &'static str {
        match self {
            CsrError::Pki(error) => error.id(),
            CsrError::Export(error) => error.id(),
        }
    }

    fn facts(&self) -> Facts {
        match self {
            CsrError::Pki(error) => error.facts(),
            CsrError::Export(error) => error.facts(),
        }
    }
}

/// Makes a key and a CSR naming `request.hosts` and writes them to
/// `files`: neither when either exists, and no key left behind when the
/// CSR cannot be written.
pub fn write(request: &LeafRequest, files: &CsrFiles) -> Result<(), CsrError> {
    if request.hosts.is_empty() {
        return Err(PkiError::NoHost.into());
    }
    for path in [&files.key, &files.csr] {
        if path.exists() {
            return Err(ExportError::Exists {
                path: path.display().to_string(),
            }
            .into());
        }
    }
    let made = pki::signing_request(request)?;
    export::write(&files.key, made.key_pem.as_bytes(), Mode::Secret, false)?;
    if let Err(error) = export::write(&files.csr, made.csr_pem.as_bytes(), Mode::Public, false) {
        let _ = std::fs::remove_file(&files.key);
        return Err(error.into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_or_neither_and_nothing_replaced() {
        let dir = tempfile::tempdir().unwrap_or_else(|error| panic!("{error}"));
        let files = CsrFiles::in_folder(dir.path(), "*.example.com");
        assert_eq!(files.key, dir.path().join("example.com.key"));
        let request = LeafRequest::new(vec!["*.example.com".into()]);
        write(&request, &files).unwrap_or_else(|error| panic!("{error}"));
        let key = std::fs::read(&files.key).unwrap_or_default();
        assert!(String::from_utf8_lossy(&key).contains("PRIVATE KEY"));
        // Again: refused, the first key kept.
        assert!(matches!(
            write(&request, &files),
            Err(CsrError::Export(ExportError::Exists { .. }))
        ));
        assert_eq!(std::fs::read(&files.key).unwrap_or_default(), key);
        // A CSR that cannot be written leaves no key.
        let blocked = CsrFiles {
            key: dir.path().join("other.key"),
            csr: dir.path().join("missing-folder/other.csr"),
        };
        assert!(write(&request, &blocked).is_err());
        assert!(!blocked.key.exists());
        assert!(matches!(
            write(&LeafRequest::new(Vec::new()), &files),
            Err(CsrError::Pki(PkiError::NoHost))
        ));
    }
}
