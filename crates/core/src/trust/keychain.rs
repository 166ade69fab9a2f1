//! A macOS keychain, changed with `security` (the System keychain needs
//! `sudo`; a user's login keychain does not).

use std::path::PathBuf;

use super::{Action, Ca, StoreKind, StoreName, TrustError, TrustStore, program};

/// The start of the development CA's common name (the rest names the user
/// and host), which `security find-certificate -c` matches.
const CA_NAME: &str = "Handshake Development CA";

/// A keychain file.
#[derive(Debug, Clone)]
pub struct Keychain {
    /// The keychain file.
    pub keychain: PathBuf,
}

impl Keychain {
    /// The System keychain, which every user's programs trust.
    pub fn system() -> Keychain {
        Keychain {
            keychain: PathBuf::from("/Library/Keychains/System.keychain"),
        }
    }

    fn file(&self) -> String {
        self.keychain.display().to_string()
    }
}

impl TrustStore for Keychain {
    fn name(&self) -> StoreName {
        StoreName {
            kind: StoreKind::Keychain,
            path: self.keychain.clone(),
        }
    }

    /// `security find-certificate -Z` prints each match's SHA-256 and SHA-1
    /// hashes (upper-case hex); a keychain that cannot be read holds nothing.
    fn contains(&self, ca: &Ca) -> Result<bool, TrustError> {
        let listed = program::run(
            "security",
            &["find-certificate", "-a", "-Z", "-c", CA_NAME, &self.file()],
        );
        let sha256 = ca.sha256().to_ascii_uppercase();
        Ok(listed.is_ok_and(|text| text.contains(&sha256) || text.contains(&ca.sha1())))
    }

    fn add(&self, ca: &Ca) -> Result<Vec<Action>, TrustError> {
        let file = ca.path().display().to_string();
        Ok(vec![Action::run(
            "security",
            &[
                "add-trusted-cert",
                "-d",
                "-r",
                "trustRoot",
                "-k",
                &self.file(),
                &file,
            ],
        )])
    }

    fn remove(&self, ca: &Ca) -> Result<Vec<Action>, TrustError> {
        Ok(vec![Action::run(
            "security",
            &["delete-certificate", "-Z", &ca.sha1(), "-t", &self.file()],
        )])
    }
}
