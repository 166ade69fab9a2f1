//! PKCS12 keystores as Java and Spring Boot load them.
//!
//! Written the way a current JDK writes its own (p12-keystore's defaults:
//! PBES2 with AES-256-CBC and PBKDF2-HMAC-SHA256, an HMAC-SHA256 MAC), with
//! the alias as friendlyName and a localKeyId pairing key and certificate —
//! what `keytool` needs to list a PrivateKeyEntry with its chain.

use p12_keystore::{
    Certificate, KeyStore, KeyStoreEntry, Pkcs12ImportPolicy, PrivateKey, PrivateKeyChain,
};
use rustls::pki_types::CertificateDer;
use serde::Serialize;

use crate::clock::now_unix;
use crate::digest::sha1;
use crate::i18n::{Facts, Message};
use crate::probe::cert::{CertInfo, inspect as inspect_cert};
use crate::secret::Secret;

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
    /// Write what JDKs before 8u301 / 11.0.12 read (3DES and a SHA-1 MAC);
    /// they report AES-encrypted files as "keystore password was incorrect".
    pub legacy: bool,
}

/// Why a keystore could not be written or read.
#[derive(Debug, thiserror::Error)]
#[error("{}", crate::i18n::english(self))]
#[non_exhaustive]
pub enum KeystoreError {
    /// No certificate was given.
    NoCertificate,
    /// A certificate or the key could not be encoded.
    Encoding(#[source] p12_keystore::error::Error),
    /// The file is not a PKCS12 keystore.
    NotPkcs12(#[source] p12_keystore::error::Error),
    /// The password does not open the keystore.
    WrongPassword,
    /// The keystore asks for more key-derivation iterations than are run.
    TooCostly {
        /// The iterations it asks for.
        iterations: u64,
    },
    /// The alias is not in the keystore.
    AliasMissing {
        /// The alias asked for.
        alias: String,
        /// The aliases present.
        available: Vec<String>,
    },
    /// The alias holds no private key.
    AliasNotKey {
        /// The alias asked for.
        alias: String,
    },
}

impl Message for KeystoreError {
    fn id(&self) -> &'static str {
        match self {
            KeystoreError::NoCertificate => "error-keystore-no-certificate",
            KeystoreError::Encoding(_) => "error-keystore-encoding",
            KeystoreError::NotPkcs12(_) => "error-keystore-not-pkcs12",
            KeystoreError::WrongPassword => "error-keystore-wrong-password",
            KeystoreError::TooCostly { .. } => "error-keystore-too-costly",
            KeystoreError::AliasMissing { .. } => "error-keystore-alias-missing",
            KeystoreError::AliasNotKey { .. } => "error-keystore-alias-not-key",
        }
    }

    fn facts(&self) -> Facts {
        match self {
            KeystoreError::NoCertificate | KeystoreError::WrongPassword => Facts::new(),
            KeystoreError::Encoding(error) | KeystoreError::NotPkcs12(error) => {
                Facts::new().with("detail", error.to_string())
            }
            KeystoreError::AliasMissing { alias, available } => Facts::new()
                .with("alias", alias)
                .with("available", available.clone()),
            KeystoreError::AliasNotKey { alias } => Facts::new().with("alias", alias),
            KeystoreError::TooCostly { iterations } => Facts::new()
                .with("iterations", iterations.to_string())
                .with("limit", MAX_ITERATIONS.to_string()),
        }
    }
}

/// One entry of a keystore, as stored.
#[derive(Debug, Clone)]
pub struct StoredEntry {
    /// Its alias.
    pub alias: String,
    /// Its certificates (the chain for a key entry, leaf first).
    pub chain: Vec<CertificateDer<'static>>,
    /// The private key (PKCS#8), for a key entry.
    pub key_pkcs8: Option<Vec<u8>>,
}

/// The most key-derivation iterations a keystore may ask for, for its MAC
/// or any of its encryptions (OpenSSL writes 2,048, Java 10,000).
pub const MAX_ITERATIONS: u64 = 10_000_000;

/// The largest iteration count in a PKCS12 file: its MAC's and its
/// encryptions' (PBES2, PKCS#12 PBE). In their parameters the count is the
/// INTEGER right after the salt, an OCTET STRING; nested DER (the auth-safe
/// content, the bags) is read too, to a bounded depth.
fn iterations(der: &[u8]) -> u64 {
    fn walk(mut input: &[u8], depth: u8, most: &mut u64) {
        if depth > 12 {
            return;
        }
        let mut after_octets = false;
        while let Some((tag, content, rest)) = crate::der::element(input) {
            match tag {
                0x02 if after_octets && content.len() <= 8 => {
                    let count = content.iter().fold(0u64, |n, &b| (n << 8) | u64::from(b));
                    *most = (*most).max(count);
                }
                // Constructed: SEQUENCE, SET, context-specific.
                0x30 | 0x31 | 0xa0..=0xa3 => walk(content, depth + 1, most),
                // An OCTET STRING may hold DER (the auth-safe, the bags).
                0x04 => walk(content, depth + 1, most),
                _ => {}
            }
            after_octets = tag == 0x04;
            input = rest;
        }
    }
    let mut most = 0;
    walk(der, 0, &mut most);
    most
}

/// Reads every entry of a PKCS12 keystore.
pub fn read(bytes: &[u8], password: &Secret) -> Result<Vec<StoredEntry>, KeystoreError> {
    // The file sets the work: a hostile one could ask for minutes of it.
    let iterations = iterations(bytes);
    if iterations > MAX_ITERATIONS {
        return Err(KeystoreError::TooCostly { iterations });
    }
    let store = KeyStore::from_pkcs12(bytes, password.expose(), Pkcs12ImportPolicy::Relaxed)
        .map_err(|error| match error {
            p12_keystore::error::Error::MacError(_) => KeystoreError::WrongPassword,
            other => KeystoreError::NotPkcs12(other),
        })?;
    let mut entries: Vec<StoredEntry> = store
        .entries()
        .filter_map(|(alias, entry)| {
            let (chain, key) = match entry {
                KeyStoreEntry::PrivateKeyChain(chain) => {
                    (chain.certs().to_vec(), Some(chain.key().as_der().to_vec()))
                }
                KeyStoreEntry::Certificate(cert) => (vec![cert.clone()], None),
                KeyStoreEntry::Secret(_) => return None,
            };
            Some(StoredEntry {
                alias: alias.clone(),
                chain: chain
                    .iter()
                    .map(|c| CertificateDer::from(c.as_der().to_vec()))
                    .collect(),
                key_pkcs8: key,
            })
        })
        .collect();
    entries.sort_by(|a, b| a.alias.cmp(&b.alias));
    Ok(entries)
}

/// What decides whether Spring Boot starts with this keystore.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct EntryReport {
    /// The alias.
    pub alias: String,
    /// Whether it holds a private key (a PrivateKeyEntry).
    pub private_key: bool,
    /// Whether the key matches the first certificate.
    pub key_matches: Option<bool>,
    /// The certificates, leaf first.
    pub chain: Vec<CertInfo>,
}

/// What a keystore holds, or why Spring Boot would refuse it: the answer
/// to "will it start with this keystore?" (not an error of the asking).
pub type Verdict = Result<Vec<EntryReport>, KeystoreError>;

/// The alias Spring Boot is to use (`server.ssl.key-alias`): the one
/// `given`, when it names a key entry whose key fits its certificate (as
/// Tomcat matches it, whatever its case); with none given, the keystore's
/// only such entry. `None` when Spring Boot would not find one.
pub fn spring_alias(entries: &[EntryReport], given: Option<&str>) -> Option<String> {
    let mut keys = entries
        .iter()
        .filter(|entry| entry.private_key && entry.key_matches != Some(false));
    match given {
        Some(given) => keys
            .any(|entry| entry.alias.eq_ignore_ascii_case(given))
            .then(|| given.to_owned()),
        None => match (keys.next(), keys.next()) {
            (Some(only), None) => Some(only.alias.clone()),
            _ => None,
        },
    }
}

/// The keystore in the file at `path`, inspected as [`inspect`] does:
/// what `handshake inspect` and the window's Keystore screen both read.
/// The outer error is a file that cannot be read at all.
pub fn inspect_file(
    path: &std::path::Path,
    password: &Secret,
    alias: Option<&str>,
) -> Result<Verdict, crate::file::FileError> {
    let bytes = crate::file::read(path, crate::file::Holds::Certificate)?;
    Ok(inspect(&bytes, password, alias))
}

/// Inspects a keystore; with `alias`, also checks what Spring Boot's
/// `server.ssl.key-alias` needs (present, and a key entry).
pub fn inspect(
    bytes: &[u8],
    password: &Secret,
    alias: Option<&str>,
) -> Result<Vec<EntryReport>, KeystoreError> {
    let entries = read(bytes, password)?;
    if let Some(alias) = alias {
        match entries.iter().find(|e| e.alias.eq_ignore_ascii_case(alias)) {
            None => {
                return Err(KeystoreError::AliasMissing {
                    alias: alias.to_owned(),
                    available: entries.iter().map(|e| e.alias.clone()).collect(),
                });
            }
            Some(entry) if entry.key_pkcs8.is_none() => {
                return Err(KeystoreError::AliasNotKey {
                    alias: alias.to_owned(),
                });
            }
            Some(_) => {}
        }
    }
    let now = now_unix();
    Ok(entries
        .iter()
        .map(|entry| EntryReport {
            alias: entry.alias.clone(),
            private_key: entry.key_pkcs8.is_some(),
            key_matches: entry
                .key_pkcs8
                .as_deref()
                .zip(entry.chain.first())
                .map(|(key, leaf)| crate::der::key_matches(leaf, key)),
            chain: entry
                .chain
                .iter()
                .filter_map(|der| inspect_cert(der, now))
                .collect(),
        })
        .collect())
}

/// Encodes `spec` as a PKCS12 file.
pub fn to_pkcs12(spec: &KeystoreSpec<'_>) -> Result<Vec<u8>, KeystoreError> {
    let leaf = spec.chain.first().ok_or(KeystoreError::NoCertificate)?;
    let encoding = KeystoreError::Encoding;
    let certs = spec
        .chain
        .iter()
        .map(|der| Certificate::from_der(der.as_ref()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(encoding)?;
    let key = PrivateKey::from_der(spec.key_pkcs8).map_err(encoding)?;
    // The JDK pairs key and certificate by localKeyId; any stable bytes do.
    let local_key_id = sha1(&[leaf.as_ref()]).to_vec();
    let mut store = KeyStore::new();
    store.add_entry(
        spec.alias,
        KeyStoreEntry::PrivateKeyChain(PrivateKeyChain::new(local_key_id, key, certs)),
    );
    let writer = store.writer(spec.password.expose());
    let writer = if spec.legacy {
        writer
            .encryption_algorithm(p12_keystore::EncryptionAlgorithm::PbeWithShaAnd3KeyTripleDesCbc)
            .mac_algorithm(p12_keystore::MacAlgorithm::HmacSha1)
    } else {
        writer
    };
    writer.write().map_err(encoding)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::der::{element, sequence};

    fn keystore(password: &Secret) -> Vec<u8> {
        let credential =
            crate::pki::self_signed(&crate::pki::LeafRequest::new(vec!["localhost".into()]))
                .expect("leaf");
        to_pkcs12(&KeystoreSpec {
            alias: "server",
            password,
            chain: &credential.chain,
            key_pkcs8: &credential.key_pkcs8,
            legacy: false,
        })
        .expect("keystore")
    }

    /// The MAC's iteration count of `pfx`.
    fn mac_iterations(pfx: &[u8]) -> u32 {
        let (_, content, _) = element(pfx).expect("PFX");
        let (_, _, rest) = element(content).expect("version");
        let (_, _, rest) = element(rest).expect("auth safe");
        let (_, mac_data, _) = element(rest).expect("MAC data");
        let (_, _, rest) = element(mac_data).expect("digest");
        let (_, _, rest) = element(rest).expect("salt");
        let (_, count, _) = element(rest).expect("count");
        count.iter().fold(0, |n, &b| (n << 8) | u32::from(b))
    }

    /// `pfx` with its MAC's iteration count set to `count`.
    fn with_mac_iterations(pfx: &[u8], count: u32) -> Vec<u8> {
        let (_, content, _) = element(pfx).expect("PFX");
        let (_, version, rest) = element(content).expect("version");
        let (_, auth_safe, rest) = element(rest).expect("auth safe");
        let (_, mac_data, _) = element(rest).expect("MAC data");
        let (_, digest, rest) = element(mac_data).expect("digest");
        let (_, salt, _) = element(rest).expect("salt");
        let tlv = |tag: u8, body: &[u8]| {
            let mut out = sequence(body);
            out[0] = tag;
            out
        };
        // Minimal DER: no leading zero bytes, one when the high bit is set.
        let mut count_bytes: Vec<u8> = count
            .to_be_bytes()
            .into_iter()
            .skip_while(|&b| b == 0)
            .collect();
        if count_bytes.first().is_none_or(|&b| b & 0x80 != 0) {
            count_bytes.insert(0, 0);
        }
        let mac = sequence(&[tlv(0x30, digest), tlv(0x04, salt), tlv(0x02, &count_bytes)].concat());
        sequence(&[tlv(0x02, version), tlv(0x30, auth_safe), mac].concat())
    }

    #[test]
    fn spring_uses_the_alias_given_or_the_only_fitting_key() {
        let entry = |alias: &str, private_key: bool, key_matches: Option<bool>| EntryReport {
            alias: alias.into(),
            private_key,
            key_matches,
            chain: Vec::new(),
        };
        let one = [entry("tomcat", true, Some(true)), entry("ca", false, None)];
        assert_eq!(spring_alias(&one, None).as_deref(), Some("tomcat"));
        assert_eq!(
            spring_alias(&one, Some("TomCat")).as_deref(),
            Some("TomCat")
        );
        assert_eq!(spring_alias(&one, Some("ca")), None, "not a key entry");
        let two = [entry("a", true, Some(true)), entry("b", true, None)];
        assert_eq!(
            spring_alias(&two, None),
            None,
            "Spring Boot would not choose"
        );
        let unfit = [entry("a", true, Some(false))];
        assert_eq!(spring_alias(&unfit, None), None, "its key is another's");
    }

    #[test]
    fn a_keystore_asking_for_too_many_iterations_is_refused_before_any_run() {
        let password = Secret::new("changeit");
        let pfx = keystore(&password);
        let found = iterations(&pfx);
        assert!((1..=MAX_ITERATIONS).contains(&found), "{found}");
        assert!(read(&pfx, &password).is_ok());
        // Rebuilt with a count of 2^32 - 1 for its MAC.
        let hostile = with_mac_iterations(&pfx, u32::MAX);
        assert_eq!(iterations(&hostile), u64::from(u32::MAX));
        // Refused by the count it asks for, before any iteration runs.
        assert!(matches!(
            read(&hostile, &password),
            Err(KeystoreError::TooCostly { .. })
        ));
        // The rebuild is faithful: with the MAC's own count it still opens.
        let own = mac_iterations(&pfx);
        assert!(read(&with_mac_iterations(&pfx, own), &password).is_ok());
    }
}
