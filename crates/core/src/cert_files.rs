//! The certificate files a check is pointed at: the client's own, for
//! mutual TLS (`--client-cert`), and the one the server should serve
//! (`--expect-cert`). Each may be PEM or a PKCS12 keystore (`.p12`, `.pfx`,
//! what Java, Windows and Postman hand out); which one is read from the
//! bytes, not the name. Files are read with a size cap (`file::read`).

use std::path::Path;

use crate::keystore::{self, StoredEntry};
use crate::pki::{self, PkiError};
use crate::probe::cert::{CertInfo, inspect};
use crate::probe::tls::ClientIdentity;
use crate::secret::Secret;

/// The certificate files a diagnosis or a check is given besides the URL,
/// as the user named them: the command line's `--client-cert`,
/// `--client-key`, `--expect-cert` and their secrets, or the window's
/// fields — read and checked the same way for both.
#[derive(Debug, Default, Clone, Copy)]
pub struct Given<'a> {
    /// The client certificate: a PEM chain, or a PKCS12 keystore.
    pub client_cert: Option<&'a Path>,
    /// The key of a PEM client certificate.
    pub client_key: Option<&'a Path>,
    /// The passphrase of an encrypted `client_key`.
    pub key_passphrase: Option<&'a Secret>,
    /// The password of a PKCS12 `client_cert` or `expect_cert`.
    pub password: Option<&'a Secret>,
    /// The certificate the server should serve.
    pub expect_cert: Option<&'a Path>,
}

impl Given<'_> {
    /// The client identity and the expected certificate they name.
    pub fn read(&self) -> Result<(Option<ClientIdentity>, Option<CertInfo>), PkiError> {
        let identity = match self.client_cert {
            None => None,
            Some(cert) => Some(client_identity(
                cert,
                self.client_key,
                self.key_passphrase,
                self.password,
            )?),
        };
        let expected = match self.expect_cert {
            None => None,
            Some(path) => Some(expected_certificate(path, self.password)?),
        };
        Ok((identity, expected))
    }
}

/// The client certificate and its key, checked to be a pair: nothing is
/// sent with a key that does not match. `cert` is a PEM chain with its key
/// in `key` (its passphrase in `passphrase` when encrypted), or a PKCS12
/// keystore opened with `password`.
pub fn client_identity(
    cert: &Path,
    key: Option<&Path>,
    passphrase: Option<&Secret>,
    password: Option<&Secret>,
) -> Result<ClientIdentity, PkiError> {
    let bytes = read(cert)?;
    let (chain, key_pkcs8) = if is_pem(&bytes) {
        let key = key.ok_or_else(|| PkiError::KeyRequired {
            path: cert.to_owned(),
        })?;
        let credential = pki::import_pem(&bytes, &read(key)?, passphrase)?;
        (credential.chain, credential.key_pkcs8)
    } else {
        let entry = keystore_entries(cert, &bytes, password)?
            .into_iter()
            .find(|entry| entry.key_pkcs8.is_some())
            .ok_or_else(|| PkiError::NoKeyInKeystore {
                path: cert.to_owned(),
            })?;
        let key_pkcs8 = entry.key_pkcs8.unwrap_or_default();
        let leaf = entry
            .chain
            .first()
            .ok_or_else(|| PkiError::NoKeyInKeystore {
                path: cert.to_owned(),
            })?;
        if !crate::der::key_matches(leaf, &key_pkcs8) {
            return Err(PkiError::KeyMismatch {
                subject: inspect(leaf, 0).map(|c| c.subject).unwrap_or_default(),
            });
        }
        (entry.chain, key_pkcs8)
    };
    ClientIdentity::new(chain, &key_pkcs8).ok_or(PkiError::NoKeyInPem)
}

/// The certificate the server should serve: the first of a PEM file, or
/// the leaf of a PKCS12 keystore's key entry (its first certificate when it
/// holds none), opened with `password`.
pub fn expected_certificate(path: &Path, password: Option<&Secret>) -> Result<CertInfo, PkiError> {
    let bytes = read(path)?;
    let no_certificate = || PkiError::NoCertificateInPem {
        path: Some(path.to_owned()),
    };
    let leaf = if is_pem(&bytes) {
        crate::pem::certificates(&bytes).into_iter().next()
    } else {
        let entries = keystore_entries(path, &bytes, password)?;
        let key_entry = entries.iter().find(|entry| entry.key_pkcs8.is_some());
        key_entry
            .or(entries.first())
            .and_then(|entry| entry.chain.first().cloned())
    };
    leaf.and_then(|der| inspect(&der, 0))
        .ok_or_else(no_certificate)
}

/// Whether the bytes are PEM text rather than DER (a PKCS12 keystore).
fn is_pem(bytes: &[u8]) -> bool {
    bytes
        .windows(b"-----BEGIN ".len())
        .any(|window| window == b"-----BEGIN ")
}

fn keystore_entries(
    path: &Path,
    bytes: &[u8],
    password: Option<&Secret>,
) -> Result<Vec<StoredEntry>, PkiError> {
    let password = password.ok_or_else(|| PkiError::PasswordRequired {
        path: path.to_owned(),
    })?;
    keystore::read(bytes, password).map_err(|source| PkiError::Keystore {
        path: path.to_owned(),
        source,
    })
}

fn read(path: &Path) -> Result<Vec<u8>, PkiError> {
    Ok(crate::file::read(path, crate::file::Holds::Certificate)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keystore::{KeystoreSpec, to_pkcs12};
    use crate::pki::{LeafRequest, self_signed};

    struct Files(std::path::PathBuf);

    impl Drop for Files {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    fn files(name: &str) -> Files {
        let dir = std::env::temp_dir().join(format!(
            "handshake-cert-files-{name}-{}",
            std::process::id()
        ));
        std::fs::create_dir_all(&dir).expect("dir");
        Files(dir)
    }

    fn keystore(dir: &Path) -> (std::path::PathBuf, Secret, String) {
        let credential =
            self_signed(&LeafRequest::new(vec!["client.example".into()])).expect("credential");
        let password = Secret::new("changeit");
        let bytes = to_pkcs12(&KeystoreSpec {
            alias: "client",
            password: &password,
            chain: &credential.chain,
            key_pkcs8: &credential.key_pkcs8,
            legacy: false,
        })
        .expect("keystore");
        let path = dir.join("client.p12");
        std::fs::write(&path, bytes).expect("write");
        let serial = inspect(&credential.chain[0], 0).expect("leaf").serial;
        (path, password, serial)
    }

    #[test]
    fn a_pkcs12_file_serves_as_client_certificate_and_as_expected_certificate() {
        let dir = files("p12");
        let (path, password, serial) = keystore(&dir.0);
        assert!(client_identity(&path, None, None, Some(&password)).is_ok());
        let expected = expected_certificate(&path, Some(&password)).expect("expected");
        assert_eq!(expected.serial, serial);
    }

    #[test]
    fn a_keystore_without_its_password_or_with_a_wrong_one_is_a_clear_error() {
        let dir = files("p12-password");
        let (path, _, _) = keystore(&dir.0);
        assert!(matches!(
            client_identity(&path, None, None, None),
            Err(PkiError::PasswordRequired { .. })
        ));
        assert!(matches!(
            expected_certificate(&path, Some(&Secret::new("wrong-one"))),
            Err(PkiError::Keystore {
                source: keystore::KeystoreError::WrongPassword,
                ..
            })
        ));
    }

    #[test]
    fn a_pem_certificate_without_its_key_is_a_clear_error() {
        let dir = files("pem");
        let credential =
            self_signed(&LeafRequest::new(vec!["client.example".into()])).expect("credential");
        let path = dir.0.join("client.pem");
        std::fs::write(
            &path,
            crate::pem::pem("CERTIFICATE", credential.chain[0].as_ref()),
        )
        .expect("write");
        assert!(matches!(
            client_identity(&path, None, None, None),
            Err(PkiError::KeyRequired { .. })
        ));
        assert!(expected_certificate(&path, None).is_ok());
    }

    #[test]
    fn a_device_is_refused_not_read_forever() {
        assert!(matches!(
            expected_certificate(Path::new("/dev/zero"), None),
            Err(PkiError::File(crate::file::FileError::NotAFile { .. }))
        ));
    }
}
