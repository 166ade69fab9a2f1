//! PKCS12 keystores as Java and Spring Boot load them.
//!
//! Written the way a current JDK writes its own (p12-keystore's defaults:
//! PBES2 with AES-256-CBC and PBKDF2-HMAC-SHA256, an HMAC-SHA256 MAC), with
//! the alias as friendlyName and a localKeyId pairing key and certificate —
//! what `keytool` needs to list a PrivateKeyEntry with its chain.

use p12_keystore::{Certificate, KeyStore, KeyStoreEntry, PrivateKey, PrivateKeyChain};
use rustls::pki_types::CertificateDer;
use sha1::{Digest, Sha1};

use crate::Secret;

/// What goes into a keystore.
#[derive(Debug)]
pub struct KeystoreSpec<'a> {
    /// The alias (`server.ssl.key-alias`).
    pub alias: &'a str,
    /// The store and key password (`server.ssl.key-store-password`).
    pub password: &'a Secret,
    /// The chain, leaf first.
    pub chain: &'a [CertificateDer<'static>],
    /// The leaf's private key, PKCS#8 DER.
    pub key_pkcs8: &'a [u8],
}

/// Why a keystore could not be written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum KeystoreError {
    /// No certificate was given.
    #[error("A keystore needs at least the server's certificate; none was given.")]
    NoCertificate,
    /// A certificate or the key could not be encoded.
    #[error("The certificate or key could not be stored in a PKCS12 keystore: {0}")]
    Encoding(String),
}

/// Encodes `spec` as a PKCS12 file.
pub fn to_pkcs12(spec: &KeystoreSpec<'_>) -> Result<Vec<u8>, KeystoreError> {
    let leaf = spec.chain.first().ok_or(KeystoreError::NoCertificate)?;
    let encoding = |error: p12_keystore::error::Error| KeystoreError::Encoding(error.to_string());
    let certs = spec
        .chain
        .iter()
        .map(|der| Certificate::from_der(der.as_ref()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(encoding)?;
    let key = PrivateKey::from_der(spec.key_pkcs8).map_err(encoding)?;
    // The JDK pairs key and certificate by localKeyId; any stable bytes do.
    let local_key_id = Sha1::digest(leaf.as_ref()).to_vec();
    let mut store = KeyStore::new();
    store.add_entry(
        spec.alias,
        KeyStoreEntry::PrivateKeyChain(PrivateKeyChain::new(local_key_id, key, certs)),
    );
    store
        .writer(spec.password.expose())
        .write()
        .map_err(encoding)
}
