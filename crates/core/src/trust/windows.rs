//! The current user's Windows root store, changed with `certutil -user`
//! (Windows asks the user to confirm adding a root; no administrator
//! needed).

use std::path::PathBuf;

use super::{Action, Ca, StoreKind, StoreName, TrustError, TrustStore, program};

/// The current user's root store.
#[derive(Debug, Clone, Copy)]
pub struct WindowsUserRoot;

impl TrustStore for WindowsUserRoot {
    fn name(&self) -> StoreName {
        StoreName {
            kind: StoreKind::Windows,
            path: PathBuf::new(),
        }
    }

    /// `certutil -store` finds a certificate by its SHA-1 hash; not found
    /// (or no certutil) reads as absent.
    fn contains(&self, ca: &Ca) -> Result<bool, TrustError> {
        Ok(program::run("certutil", &["-user", "-store", "Root", &ca.sha1()]).is_ok())
    }

    fn add(&self, ca: &Ca) -> Result<Vec<Action>, TrustError> {
        let file = ca.path().display().to_string();
        Ok(vec![Action::run(
            "certutil",
            &["-user", "-addstore", "Root", &file],
        )])
    }

    fn remove(&self, ca: &Ca) -> Result<Vec<Action>, TrustError> {
        Ok(vec![Action::run(
            "certutil",
            &["-user", "-delstore", "Root", &ca.sha1()],
        )])
    }
}
