//! The Windows root stores, through the certificate API (crypt32): the
//! current user's, which needs no administrator (Windows asks the user to
//! confirm a new root), and the machine's, which an elevated process
//! changes for every user. Certificates are found by SHA-256 of their
//! encoding, as in every other store.

use std::path::PathBuf;

use super::{Action, Ca, StoreKind, StoreName, TrustError, TrustStore};

/// Whose root store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Location {
    /// The current user's (`CERT_SYSTEM_STORE_CURRENT_USER`).
    User,
    /// The machine's, for every user (`CERT_SYSTEM_STORE_LOCAL_MACHINE`).
    Machine,
}

impl Location {
    /// The registry key Windows keeps these roots under: what tells the
    /// two stores apart where a store is named by its place (the window's
    /// list).
    fn key(self) -> &'static str {
        match self {
            Location::User => r"HKEY_CURRENT_USER\Software\Microsoft\SystemCertificates\Root",
            Location::Machine => r"HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\SystemCertificates\ROOT",
        }
    }

    /// The word the catalogue selects its phrase by.
    pub(super) fn keyword(self) -> &'static str {
        match self {
            Location::User => "user",
            Location::Machine => "machine",
        }
    }
}

/// A Windows root store.
#[derive(Debug, Clone, Copy)]
pub struct WindowsRoot {
    location: Location,
}

impl WindowsRoot {
    /// The current user's root store.
    pub const USER: WindowsRoot = WindowsRoot {
        location: Location::User,
    };
    /// The machine's root store.
    pub const MACHINE: WindowsRoot = WindowsRoot {
        location: Location::Machine,
    };
}

impl TrustStore for WindowsRoot {
    fn name(&self) -> StoreName {
        StoreName {
            kind: StoreKind::Windows(self.location),
            path: PathBuf::from(self.location.key()),
        }
    }

    fn contains(&self, ca: &Ca) -> Result<bool, TrustError> {
        api::contains(self.location, &ca.sha256())
    }

    fn add(&self, ca: &Ca) -> Result<Vec<Action>, TrustError> {
        Ok(vec![Action::AddWindowsRoot {
            location: self.location,
            certificate: ca.der.clone(),
        }])
    }

    fn remove(&self, ca: &Ca) -> Result<Vec<Action>, TrustError> {
        Ok(vec![Action::RemoveWindowsRoot {
            location: self.location,
            sha256: ca.sha256(),
        }])
    }

    /// The machine's store is found only for an elevated process, which
    /// may change it.
    fn needs_admin(&self) -> bool {
        self.location == Location::Machine && !elevated()
    }
}

/// Whether this process may change the machine's store (elevated).
pub(super) fn elevated() -> bool {
    api::elevated()
}

/// Adds the DER `certificate` to the root store of `location`.
pub(super) fn add(location: Location, certificate: &[u8]) -> Result<(), TrustError> {
    api::add(location, certificate)
}

/// Removes every certificate whose SHA-256 is `sha256` from the root store
/// of `location`.
pub(super) fn remove(location: Location, sha256: &str) -> Result<(), TrustError> {
    api::remove(location, sha256)
}

// Calls into the certificate API, each with why it is sound.
#[cfg(windows)]
#[allow(unsafe_code)]
mod api {
    use std::ptr::{null, null_mut};

    use windows_sys::Win32::Security::Cryptography::{
        CERT_CLOSE_STORE_FORCE_FLAG, CERT_CONTEXT, CERT_STORE_ADD_USE_EXISTING,
        CERT_STORE_PROV_SYSTEM_REGISTRY_W, CERT_STORE_READONLY_FLAG,
        CERT_SYSTEM_STORE_CURRENT_USER, CERT_SYSTEM_STORE_LOCAL_MACHINE,
        CertAddEncodedCertificateToStore, CertCloseStore, CertDeleteCertificateFromStore,
        CertDuplicateCertificateContext, CertEnumCertificatesInStore, CertOpenStore, HCERTSTORE,
        PKCS_7_ASN_ENCODING, X509_ASN_ENCODING,
    };

    use super::Location;
    use crate::digest::sha256_hex;
    use crate::trust::TrustError;

    /// An open system store, closed when dropped.
    struct Store(HCERTSTORE);

    impl Drop for Store {
        fn drop(&mut self) {
            // SAFETY: opened by `open`, closed once.
            unsafe { CertCloseStore(self.0, CERT_CLOSE_STORE_FORCE_FLAG) };
        }
    }

    /// The registry store of `location`'s roots: where an added root is
    /// kept. (The system store of the same name is a collection — the
    /// user's shows the machine's roots too — and deleting through it may
    /// delete nothing.)
    fn open(location: Location, writable: bool) -> Result<Store, TrustError> {
        let name: Vec<u16> = "ROOT".encode_utf16().chain([0]).collect();
        let place = match location {
            Location::User => CERT_SYSTEM_STORE_CURRENT_USER,
            Location::Machine => CERT_SYSTEM_STORE_LOCAL_MACHINE,
        };
        let mode = if writable {
            0
        } else {
            CERT_STORE_READONLY_FLAG
        };
        // SAFETY: `name` is NUL-terminated and outlives the call.
        let store = unsafe {
            CertOpenStore(
                CERT_STORE_PROV_SYSTEM_REGISTRY_W,
                0,
                0,
                // Not "open existing": a user who never had a root of their
                // own may have no store yet.
                place | mode,
                name.as_ptr().cast(),
            )
        };
        if store.is_null() {
            return Err(last_error());
        }
        Ok(Store(store))
    }

    /// The store's certificates whose SHA-256 is `sha256`, each a context
    /// of its own (the caller frees or deletes it).
    fn matching(store: &Store, sha256: &str) -> Vec<*const CERT_CONTEXT> {
        let mut found = Vec::new();
        let mut context: *const CERT_CONTEXT = null();
        loop {
            // SAFETY: `context` is null or the previous one (freed by the call).
            context = unsafe { CertEnumCertificatesInStore(store.0, context) };
            if context.is_null() {
                return found;
            }
            // SAFETY: a valid context holds its encoding and its length.
            let der = unsafe {
                std::slice::from_raw_parts(
                    (*context).pbCertEncoded,
                    (*context).cbCertEncoded as usize,
                )
            };
            if sha256_hex(der) == sha256 {
                // SAFETY: a copy the enumeration does not free.
                found.push(unsafe { CertDuplicateCertificateContext(context) });
            }
        }
    }

    pub(super) fn contains(location: Location, sha256: &str) -> Result<bool, TrustError> {
        let store = open(location, false)?;
        let found = matching(&store, sha256);
        for context in &found {
            // SAFETY: duplicated by `matching`, freed once.
            unsafe {
                windows_sys::Win32::Security::Cryptography::CertFreeCertificateContext(*context)
            };
        }
        Ok(!found.is_empty())
    }

    pub(super) fn add(location: Location, certificate: &[u8]) -> Result<(), TrustError> {
        let store = open(location, true)?;
        let length = u32::try_from(certificate.len()).map_err(|_| invalid())?;
        // SAFETY: `certificate` is readable for `length` bytes.
        let added = unsafe {
            CertAddEncodedCertificateToStore(
                store.0,
                X509_ASN_ENCODING | PKCS_7_ASN_ENCODING,
                certificate.as_ptr(),
                length,
                CERT_STORE_ADD_USE_EXISTING,
                null_mut(),
            )
        };
        if added == 0 {
            return Err(last_error());
        }
        Ok(())
    }

    pub(super) fn remove(location: Location, sha256: &str) -> Result<(), TrustError> {
        let store = open(location, true)?;
        let mut result = Ok(());
        for context in matching(&store, sha256) {
            // SAFETY: a duplicated context; deleting frees it.
            if unsafe { CertDeleteCertificateFromStore(context) } == 0 && result.is_ok() {
                result = Err(last_error());
            }
        }
        result
    }

    pub(super) fn elevated() -> bool {
        // SAFETY: no arguments; true for a member of Administrators with an
        // elevated token.
        unsafe { windows_sys::Win32::UI::Shell::IsUserAnAdmin() != 0 }
    }

    fn last_error() -> TrustError {
        TrustError::System {
            source: std::io::Error::last_os_error(),
        }
    }

    fn invalid() -> TrustError {
        TrustError::System {
            source: std::io::Error::from(std::io::ErrorKind::InvalidData),
        }
    }
}

/// Elsewhere there is no Windows store: it holds nothing and cannot change.
#[cfg(not(windows))]
mod api {
    use super::Location;
    use crate::trust::TrustError;

    pub(super) fn contains(_: Location, _: &str) -> Result<bool, TrustError> {
        Ok(false)
    }

    pub(super) fn add(_: Location, _: &[u8]) -> Result<(), TrustError> {
        Err(unsupported())
    }

    pub(super) fn remove(_: Location, _: &str) -> Result<(), TrustError> {
        Err(unsupported())
    }

    pub(super) fn elevated() -> bool {
        false
    }

    fn unsupported() -> TrustError {
        TrustError::System {
            source: std::io::Error::from(std::io::ErrorKind::Unsupported),
        }
    }
}
