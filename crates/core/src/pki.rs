//! Certificates: a local development CA, leaves it signs, self-signed
//! leaves, and importing what the user already has (a PEM chain such as
//! Let's Encrypt's `fullchain.pem` and its key).
//!
//! Everything ends as a [`Credential`]: a chain ordered leaf-first and the
//! leaf's key as PKCS#8, which is what a PKCS12 keystore and every server
//! config need. Imports are checked before anything is written: the key
//! must match the certificate, and the chain is put in order.

use std::path::{Path, PathBuf};

use aws_lc_rs::encoding::AsDer;
use rcgen::{
    BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, Issuer, KeyPair,
    KeyUsagePurpose, SanType,
};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use time::OffsetDateTime;
use x509_parser::prelude::{FromDer, X509Certificate};

use crate::clock::now_unix;
pub use crate::der::key_matches;
use crate::i18n::{Facts, Message};
use crate::keystore::KeystoreError;

/// The key types offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum KeyType {
    /// ECDSA on P-256: small, fast, accepted everywhere that matters.
    #[default]
    #[serde(rename = "ecdsa-p256")]
    EcdsaP256,
    /// RSA 2048 bits.
    #[serde(rename = "rsa-2048")]
    Rsa2048,
    /// RSA 3072 bits.
    #[serde(rename = "rsa-3072")]
    Rsa3072,
    /// RSA 4096 bits.
    #[serde(rename = "rsa-4096")]
    Rsa4096,
}

impl KeyType {
    /// Parses `ecdsa-p256`, `rsa-2048`, `rsa-3072`, `rsa-4096`.
    pub fn from_name(name: &str) -> Option<KeyType> {
        match name {
            "ecdsa-p256" | "ec" | "ecdsa" => Some(KeyType::EcdsaP256),
            "rsa-2048" | "rsa" => Some(KeyType::Rsa2048),
            "rsa-3072" => Some(KeyType::Rsa3072),
            "rsa-4096" => Some(KeyType::Rsa4096),
            _ => None,
        }
    }

    fn generate(self) -> Result<KeyPair, PkiError> {
        let size = match self {
            KeyType::EcdsaP256 => {
                return KeyPair::generate_for(&rcgen::PKCS_ECDSA_P256_SHA256)
                    .map_err(PkiError::rcgen);
            }
            KeyType::Rsa2048 => rcgen::RsaKeySize::_2048,
            KeyType::Rsa3072 => rcgen::RsaKeySize::_3072,
            KeyType::Rsa4096 => rcgen::RsaKeySize::_4096,
        };
        KeyPair::generate_rsa_for(&rcgen::PKCS_RSA_SHA256, size).map_err(PkiError::rcgen)
    }
}

/// What a new leaf certificate is for.
#[derive(Debug, Clone)]
pub struct LeafRequest {
    /// Host names and IP addresses, the first also the subject's CN.
    pub hosts: Vec<String>,
    /// Days of validity (browsers accept at most 398 for public CAs; the
    /// default stays under that).
    pub days: u32,
    /// The key type.
    pub key_type: KeyType,
}

/// Days a new certificate is valid by default: under the 398 browsers
/// accept from public CAs.
pub const DEFAULT_DAYS: u32 = 397;

impl LeafRequest {
    /// ECDSA P-256, valid [`DEFAULT_DAYS`].
    pub fn new(hosts: Vec<String>) -> LeafRequest {
        LeafRequest {
            hosts,
            days: DEFAULT_DAYS,
            key_type: KeyType::EcdsaP256,
        }
    }
}

/// A chain (leaf first) and the leaf's private key.
#[derive(Debug, Clone)]
pub struct Credential {
    /// The chain, leaf first.
    pub chain: Vec<CertificateDer<'static>>,
    /// The leaf's private key, PKCS#8 DER.
    pub key_pkcs8: Vec<u8>,
    /// What the user should know (expiry soon, a chain certificate missing).
    pub warnings: Vec<CredentialWarning>,
}

/// Why certificates could not be made or imported.
#[derive(Debug, thiserror::Error)]
#[error("{}", crate::i18n::english(self))]
#[non_exhaustive]
pub enum PkiError {
    /// No host was given.
    NoHost,
    /// A certificate, key or keystore file the user named cannot be used.
    File(#[from] crate::file::FileError),
    /// The development CA's folder cannot be read or written.
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// No certificate in the PEM given.
    NoCertificateInPem {
        /// The file, when known (else "the certificate file").
        path: Option<PathBuf>,
    },
    /// A CERTIFICATE block that is not a valid X.509 certificate.
    InvalidCertificateInPem,
    /// No usable key in the PEM given.
    NoKeyInPem,
    /// The key is encrypted and no passphrase was given.
    EncryptedKey,
    /// The passphrase does not decrypt the key.
    WrongPassphrase,
    /// The key belongs to another certificate.
    KeyMismatch {
        /// The leaf's subject.
        subject: String,
    },
    /// A certificate could not be made.
    Generation(#[source] rcgen::Error),
    /// A PEM certificate was given without its key.
    KeyRequired {
        /// The certificate file.
        path: PathBuf,
    },
    /// A PKCS12 keystore was given without its password.
    PasswordRequired {
        /// The keystore.
        path: PathBuf,
    },
    /// A PKCS12 keystore holds certificates only, where a key is needed.
    NoKeyInKeystore {
        /// The keystore.
        path: PathBuf,
    },
    /// An encrypted key asks for more key-derivation work than is run.
    KeyDerivationTooCostly {
        /// The work it asks for.
        work: u64,
        /// The most that is run.
        limit: u64,
    },
    /// A PKCS12 keystore cannot be opened.
    Keystore {
        /// The keystore.
        path: PathBuf,
        /// Why.
        source: crate::keystore::KeystoreError,
    },
}

impl PkiError {
    fn rcgen(error: rcgen::Error) -> PkiError {
        PkiError::Generation(error)
    }
}

impl Message for PkiError {
    fn id(&self) -> &'static str {
        match self {
            PkiError::NoHost => "error-pki-no-host",
            PkiError::File(error) => error.id(),
            PkiError::Io { .. } => "error-pki-io",
            PkiError::NoCertificateInPem { .. } => "error-pki-no-certificate",
            PkiError::InvalidCertificateInPem => "error-pki-invalid-certificate",
            PkiError::NoKeyInPem => "error-pki-no-key",
            PkiError::EncryptedKey => "error-pki-encrypted-key",
            PkiError::WrongPassphrase => "error-pki-wrong-passphrase",
            PkiError::KeyMismatch { .. } => "error-pki-key-mismatch",
            PkiError::Generation(_) => "error-pki-generation",
            PkiError::KeyRequired { .. } => "error-pki-key-required",
            PkiError::PasswordRequired { .. } => "error-pki-password-required",
            PkiError::NoKeyInKeystore { .. } => "error-pki-no-key-in-keystore",
            PkiError::KeyDerivationTooCostly { .. } => "error-pki-key-derivation-too-costly",
            PkiError::Keystore { source, .. } => match source {
                KeystoreError::WrongPassword => "error-pki-keystore-password",
                KeystoreError::NotPkcs12(_) | KeystoreError::Encoding(_) => {
                    "error-pki-not-pem-or-pkcs12"
                }
                other => other.id(),
            },
        }
    }

    fn facts(&self) -> Facts {
        match self {
            PkiError::File(error) => error.facts(),
            PkiError::Io { path, source } => Facts::new()
                .with("path", path.display().to_string())
                .with("detail", source.to_string()),
            PkiError::NoCertificateInPem { path } => match path {
                Some(path) => Facts::new()
                    .with("file", "named")
                    .with("path", path.display().to_string()),
                None => Facts::new().with("file", "certificate"),
            },
            PkiError::KeyMismatch { subject } => Facts::new().with("subject", subject),
            PkiError::Generation(error) => Facts::new().with("detail", error.to_string()),
            PkiError::KeyRequired { path }
            | PkiError::PasswordRequired { path }
            | PkiError::NoKeyInKeystore { path } => {
                Facts::new().with("path", path.display().to_string())
            }
            PkiError::KeyDerivationTooCostly { work, limit } => Facts::new()
                .with("work", work.to_string())
                .with("limit", limit.to_string()),
            PkiError::Keystore { path, source } => match source {
                // The PKCS12 library's own words, like an OS error's.
                KeystoreError::NotPkcs12(error) | KeystoreError::Encoding(error) => Facts::new()
                    .with("path", path.display().to_string())
                    .with("detail", error.to_string()),
                KeystoreError::WrongPassword => {
                    Facts::new().with("path", path.display().to_string())
                }
                other => other.facts(),
            },
            PkiError::NoHost
            | PkiError::NoKeyInPem
            | PkiError::InvalidCertificateInPem
            | PkiError::EncryptedKey
            | PkiError::WrongPassphrase => Facts::new(),
        }
    }
}

/// Something the user should know about a certificate that was still made
/// or imported.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CredentialWarning {
    /// Self-signed: trusted by no client until installed in each.
    SelfSigned,
    /// The file holds the leaf only, not the intermediate that issued it.
    ChainIncomplete {
        /// The last certificate's subject.
        subject: String,
        /// Its issuer, which is missing.
        issuer: String,
    },
    /// The certificate expires within 30 days.
    ExpiresSoon {
        /// Whole days left (0 on the last day, negative once expired).
        days: i64,
        /// The end of validity.
        not_after: String,
    },
}

impl Message for CredentialWarning {
    fn id(&self) -> &'static str {
        match self {
            CredentialWarning::SelfSigned => "warning-self-signed",
            CredentialWarning::ChainIncomplete { .. } => "warning-chain-incomplete",
            CredentialWarning::ExpiresSoon { .. } => "warning-expires-soon",
        }
    }

    fn facts(&self) -> Facts {
        match self {
            CredentialWarning::SelfSigned => Facts::new(),
            CredentialWarning::ChainIncomplete { subject, issuer } => {
                Facts::new().with("subject", subject).with("issuer", issuer)
            }
            CredentialWarning::ExpiresSoon { days, not_after } => Facts::new()
                .with("days", u64::try_from(*days).unwrap_or(0))
                .with("expired", if *days < 0 { "yes" } else { "no" })
                .with("not_after", not_after),
        }
    }
}

/// A local development CA: created once, reused, so that trusting it once
/// makes every certificate Handshake issues work.
#[derive(Debug)]
pub struct DevCa {
    cert_pem: String,
    key_pem: String,
    cert_path: PathBuf,
}

impl DevCa {
    /// The CA in `dir`, if it was made there; nothing is created.
    pub fn load(dir: &Path) -> Result<Option<DevCa>, PkiError> {
        let cert_path = dir.join("handshake-dev-ca.pem");
        let key_path = dir.join("handshake-dev-ca-key.pem");
        if !(cert_path.exists() && key_path.exists()) {
            return Ok(None);
        }
        let read = |path: &Path| {
            std::fs::read_to_string(path).map_err(|source| PkiError::Io {
                path: path.to_owned(),
                source,
            })
        };
        Ok(Some(DevCa {
            cert_pem: read(&cert_path)?,
            key_pem: read(&key_path)?,
            cert_path,
        }))
    }

    /// The CA in `dir` (`handshake-dev-ca.pem`, `handshake-dev-ca-key.pem`),
    /// created with a fresh key (file mode 0600) when it is not there yet.
    pub fn load_or_create(dir: &Path) -> Result<DevCa, PkiError> {
        if let Some(ca) = DevCa::load(dir)? {
            return Ok(ca);
        }
        let cert_path = dir.join("handshake-dev-ca.pem");
        let key_path = dir.join("handshake-dev-ca-key.pem");
        let io = |path: &Path| {
            let path = path.to_owned();
            move |source| PkiError::Io { path, source }
        };
        std::fs::create_dir_all(dir).map_err(io(dir))?;
        let key = KeyPair::generate_for(&rcgen::PKCS_ECDSA_P256_SHA256).map_err(PkiError::rcgen)?;
        let cert = ca_params(&key).self_signed(&key).map_err(PkiError::rcgen)?;
        crate::export::write_new(
            &key_path,
            key.serialize_pem().as_bytes(),
            crate::export::Mode::Secret,
        )
        .map_err(io(&key_path))?;
        crate::export::write_new(
            &cert_path,
            cert.pem().as_bytes(),
            crate::export::Mode::Public,
        )
        .map_err(io(&cert_path))?;
        Ok(DevCa {
            cert_pem: cert.pem(),
            key_pem: key.serialize_pem(),
            cert_path,
        })
    }

    /// The CA certificate in PEM, to trust.
    pub fn cert_pem(&self) -> &str {
        &self.cert_pem
    }

    /// Where the CA certificate is.
    pub fn cert_path(&self) -> &Path {
        &self.cert_path
    }

    /// The CA certificate in DER.
    pub fn cert_der(&self) -> Result<CertificateDer<'static>, PkiError> {
        certificates(self.cert_pem.as_bytes())
            .into_iter()
            .next()
            .ok_or_else(|| PkiError::NoCertificateInPem {
                path: Some(self.cert_path.clone()),
            })
    }

    /// Issues a leaf for `request`, signed by this CA; the chain holds the
    /// leaf and the CA.
    pub fn issue(&self, request: &LeafRequest) -> Result<Credential, PkiError> {
        let ca_key = KeyPair::from_pem(&self.key_pem).map_err(PkiError::rcgen)?;
        let issuer = Issuer::from_ca_cert_pem(&self.cert_pem, ca_key).map_err(PkiError::rcgen)?;
        let key = request.key_type.generate()?;
        let leaf = leaf_params(request)?
            .signed_by(&key, &issuer)
            .map_err(PkiError::rcgen)?;
        Ok(Credential {
            chain: vec![leaf.der().clone(), self.cert_der()?],
            key_pkcs8: key.serialize_der(),
            warnings: Vec::new(),
        })
    }
}

/// A self-signed leaf for `request`.
pub fn self_signed(request: &LeafRequest) -> Result<Credential, PkiError> {
    let key = request.key_type.generate()?;
    let cert = leaf_params(request)?
        .self_signed(&key)
        .map_err(PkiError::rcgen)?;
    Ok(Credential {
        chain: vec![cert.der().clone()],
        key_pkcs8: key.serialize_der(),
        warnings: vec![CredentialWarning::SelfSigned],
    })
}

/// Imports a PEM chain (any order) and its key (PKCS#8, PKCS#1 or SEC1):
/// checks that the key matches a certificate, orders the chain leaf-first,
/// and warns about expiry and a missing chain certificate.
pub fn import_pem(
    certs_pem: &[u8],
    key_pem: &[u8],
    passphrase: Option<&crate::secret::Secret>,
) -> Result<Credential, PkiError> {
    let decrypted;
    let key_pem = if String::from_utf8_lossy(key_pem).contains("ENCRYPTED PRIVATE KEY") {
        let passphrase = passphrase.ok_or(PkiError::EncryptedKey)?;
        decrypted = decrypt_pkcs8(key_pem, passphrase)?;
        decrypted.as_bytes()
    } else {
        key_pem
    };
    let certs = certificates(certs_pem);
    if certs.is_empty() {
        return Err(PkiError::NoCertificateInPem { path: None });
    }
    let key = PrivateKeyDer::from_pem_slice(key_pem).map_err(|_| PkiError::NoKeyInPem)?;
    let key_pkcs8 = to_pkcs8(&key)?;
    // A key the crypto library cannot load is not a key, whatever its PEM label.
    KeyPair::try_from(key_pkcs8.as_slice()).map_err(|_| PkiError::NoKeyInPem)?;
    let parsed: Vec<X509Certificate<'_>> = certs
        .iter()
        .filter_map(|der| {
            X509Certificate::from_der(der.as_ref())
                .ok()
                .map(|(_, cert)| cert)
        })
        .collect();
    if parsed.len() != certs.len() {
        return Err(PkiError::InvalidCertificateInPem);
    }
    let Some(leaf) = certs.iter().position(|cert| key_matches(cert, &key_pkcs8)) else {
        let subject = parsed
            .first()
            .map_or_else(String::new, |c| c.subject().to_string());
        return Err(PkiError::KeyMismatch { subject });
    };

    // Follow issuer → subject links from the leaf.
    let mut order = vec![leaf];
    while let Some(&last) = order.last() {
        let issuer = parsed[last].issuer().as_raw();
        let next = parsed
            .iter()
            .enumerate()
            .position(|(i, c)| !order.contains(&i) && c.subject().as_raw() == issuer && i != last);
        match next {
            Some(next) if parsed[last].subject().as_raw() != issuer => order.push(next),
            _ => break,
        }
    }
    let mut warnings = Vec::new();
    let top = &parsed[order[order.len() - 1]];
    if top.subject().as_raw() != top.issuer().as_raw() && order.len() == 1 {
        warnings.push(CredentialWarning::ChainIncomplete {
            subject: top.subject().to_string(),
            issuer: top.issuer().to_string(),
        });
    }
    let days_left = (parsed[leaf].validity().not_after.timestamp() - now_unix()).div_euclid(86_400);
    if days_left < 30 {
        warnings.push(CredentialWarning::ExpiresSoon {
            days: days_left,
            not_after: parsed[leaf].validity().not_after.to_string(),
        });
    }
    Ok(Credential {
        chain: order.iter().map(|&i| certs[i].clone()).collect(),
        key_pkcs8,
        warnings,
    })
}

/// Decrypts an encrypted PKCS#8 PEM (PBES2: PBKDF2 or scrypt with AES) to
/// a plain PKCS#8 PEM.
/// The most key-derivation work an encrypted key may ask for, in PBKDF2
/// iterations (OpenSSL writes 2,048, Java 10,000, OWASP advises 600,000)
/// or scrypt's `N × r × p` (OpenSSL's default is 16,384 × 8 × 1).
const MAX_KEY_DERIVATION_WORK: u64 = 10_000_000;

/// What decrypting a key costs, as [`MAX_KEY_DERIVATION_WORK`] counts it.
fn key_derivation_work(scheme: &pkcs8::pkcs5::EncryptionScheme<'_>) -> u64 {
    use pkcs8::pkcs5::pbes2::Kdf;
    match scheme {
        pkcs8::pkcs5::EncryptionScheme::Pbes2(params) => match &params.kdf {
            Kdf::Pbkdf2(pbkdf2) => u64::from(pbkdf2.iteration_count),
            Kdf::Scrypt(scrypt) => scrypt
                .cost_parameter
                .saturating_mul(u64::from(scrypt.block_size))
                .saturating_mul(u64::from(scrypt.parallelization)),
            _ => 0,
        },
        // PBES1 and what else the decryption refuses by itself.
        _ => 0,
    }
}

fn decrypt_pkcs8(pem: &[u8], passphrase: &crate::secret::Secret) -> Result<String, PkiError> {
    use pkcs8::der::pem::{self, LineEnding};
    let unreadable = || PkiError::NoKeyInPem;
    let text = String::from_utf8_lossy(pem);
    let start = text
        .find("-----BEGIN ENCRYPTED PRIVATE KEY-----")
        .ok_or_else(unreadable)?;
    let (_, der) = pem::decode_vec(text[start..].trim().as_bytes()).map_err(|_| unreadable())?;
    let encrypted =
        pkcs8::EncryptedPrivateKeyInfo::try_from(der.as_slice()).map_err(|_| unreadable())?;
    // The file sets the work: a hostile one could ask for minutes of it.
    let work = key_derivation_work(&encrypted.encryption_algorithm);
    if work > MAX_KEY_DERIVATION_WORK {
        return Err(PkiError::KeyDerivationTooCostly {
            work,
            limit: MAX_KEY_DERIVATION_WORK,
        });
    }
    let plain = encrypted
        .decrypt(passphrase.expose())
        .map_err(|_| PkiError::WrongPassphrase)?;
    pem::encode_string("PRIVATE KEY", LineEnding::LF, plain.as_bytes())
        .map_err(|_| PkiError::WrongPassphrase)
}

/// Any supported private key as PKCS#8 DER.
fn to_pkcs8(key: &PrivateKeyDer<'_>) -> Result<Vec<u8>, PkiError> {
    let unreadable = || PkiError::NoKeyInPem;
    match key {
        PrivateKeyDer::Pkcs8(der) => Ok(der.secret_pkcs8_der().to_vec()),
        PrivateKeyDer::Pkcs1(der) => {
            let pair = aws_lc_rs::rsa::KeyPair::from_der(der.secret_pkcs1_der())
                .map_err(|_| unreadable())?;
            let pkcs8: aws_lc_rs::encoding::Pkcs8V1Der<'_> =
                pair.as_der().map_err(|_| unreadable())?;
            Ok(pkcs8.as_ref().to_vec())
        }
        PrivateKeyDer::Sec1(der) => {
            let pair = aws_lc_rs::signature::EcdsaKeyPair::from_private_key_der(
                &aws_lc_rs::signature::ECDSA_P256_SHA256_ASN1_SIGNING,
                der.secret_sec1_der(),
            )
            .or_else(|_| {
                aws_lc_rs::signature::EcdsaKeyPair::from_private_key_der(
                    &aws_lc_rs::signature::ECDSA_P384_SHA384_ASN1_SIGNING,
                    der.secret_sec1_der(),
                )
            })
            .map_err(|_| unreadable())?;
            Ok(pair
                .to_pkcs8v1()
                .map_err(|_| unreadable())?
                .as_ref()
                .to_vec())
        }
        _ => Err(unreadable()),
    }
}

/// The development CA's certificate for `key`. Its name carries the key's
/// fingerprint, so a CA made again is another name too: an NSS database
/// files certificates of one subject under one nickname, and would mix
/// the new CA up with the old.
fn ca_params(key: &KeyPair) -> CertificateParams {
    let mut params = CertificateParams::default();
    let user = std::env::var("USER").unwrap_or_else(|_| "developer".to_owned());
    let host = std::fs::read_to_string("/etc/hostname")
        .map(|h| h.trim().to_owned())
        .unwrap_or_default();
    params.distinguished_name.push(
        DnType::CommonName,
        format!("Handshake Development CA ({user}@{host})"),
    );
    params
        .distinguished_name
        .push(DnType::OrganizationName, "Handshake development CA");
    let spki = aws_lc_rs::digest::digest(
        &aws_lc_rs::digest::SHA256,
        &rcgen::PublicKeyData::subject_public_key_info(key),
    );
    let id: String = spki.as_ref()[..8]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    params
        .distinguished_name
        .push(DnType::OrganizationalUnitName, format!("key {id}"));
    params.is_ca = IsCa::Ca(BasicConstraints::Constrained(0));
    params.key_usages = vec![
        KeyUsagePurpose::KeyCertSign,
        KeyUsagePurpose::CrlSign,
        KeyUsagePurpose::DigitalSignature,
    ];
    let now = OffsetDateTime::now_utc();
    params.not_before = now - time::Duration::days(1);
    params.not_after = now + time::Duration::days(3650);
    params
}

fn leaf_params(request: &LeafRequest) -> Result<CertificateParams, PkiError> {
    let first = request.hosts.first().ok_or(PkiError::NoHost)?;
    let mut params = CertificateParams::default();
    params.subject_alt_names = request
        .hosts
        .iter()
        .map(|host| match host.parse::<std::net::IpAddr>() {
            Ok(ip) => Ok(SanType::IpAddress(ip)),
            Err(_) => host
                .clone()
                .try_into()
                .map(SanType::DnsName)
                .map_err(PkiError::rcgen),
        })
        .collect::<Result<_, _>>()?;
    params
        .distinguished_name
        .push(DnType::CommonName, first.as_str());
    params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
    params.key_usages = vec![
        KeyUsagePurpose::DigitalSignature,
        KeyUsagePurpose::KeyEncipherment,
    ];
    params.use_authority_key_identifier_extension = true;
    let now = OffsetDateTime::now_utc();
    params.not_before = now - time::Duration::hours(1);
    params.not_after = now + time::Duration::days(i64::from(request.days.max(1)));
    Ok(params)
}

/// Where a credential comes from.
#[derive(Debug, Clone)]
pub enum Source {
    /// A new leaf signed by the development CA in this folder (created on
    /// first use).
    DevCa {
        /// The CA's folder.
        dir: PathBuf,
        /// The leaf.
        request: LeafRequest,
    },
    /// A new self-signed leaf.
    SelfSigned(LeafRequest),
    /// Existing PEM files.
    Import {
        /// The certificate chain file.
        cert: PathBuf,
        /// The private key file.
        key: PathBuf,
        /// The key's passphrase, when it is encrypted.
        passphrase: Option<crate::secret::Secret>,
    },
}

/// The default folder of the development CA: `$XDG_DATA_HOME/handshake`,
/// else `~/.local/share/handshake`; on Windows `%LOCALAPPDATA%\handshake`
/// (the user's own, not roaming: a private key stays on its machine).
pub fn default_ca_dir() -> PathBuf {
    let var = |name: &str| {
        std::env::var_os(name)
            .filter(|value| !value.is_empty())
            .map(PathBuf::from)
    };
    let data = if cfg!(windows) {
        var("LOCALAPPDATA")
    } else {
        var("XDG_DATA_HOME").or_else(|| var("HOME").map(|home| home.join(".local/share")))
    };
    data.unwrap_or_else(|| PathBuf::from(".")).join("handshake")
}

/// Makes or imports the credential; for a development CA, also says where
/// its certificate is (to trust it).
pub fn credential(source: &Source) -> Result<(Credential, Option<PathBuf>), PkiError> {
    match source {
        Source::DevCa { dir, request } => {
            let ca = DevCa::load_or_create(dir)?;
            Ok((ca.issue(request)?, Some(ca.cert_path().to_owned())))
        }
        Source::SelfSigned(request) => Ok((self_signed(request)?, None)),
        Source::Import {
            cert,
            key,
            passphrase,
        } => {
            let read = |path: &PathBuf| crate::file::read(path, crate::file::Holds::Certificate);
            Ok((
                import_pem(&read(cert)?, &read(key)?, passphrase.as_ref())?,
                None,
            ))
        }
    }
}

/// A key and a certificate signing request for a public CA.
#[derive(Debug)]
pub struct SigningRequest {
    /// The CSR, PEM.
    pub csr_pem: String,
    /// The private key, PKCS#8 PEM (keep it: the CA's certificate pairs with it).
    pub key_pem: String,
}

/// Generates a key and a CSR naming `request.hosts` as SANs (the validity
/// is the CA's to choose).
pub fn signing_request(request: &LeafRequest) -> Result<SigningRequest, PkiError> {
    let key = request.key_type.generate()?;
    // The authority key identifier is the CA's to set (rcgen refuses it in
    // a request); the names, key usages and serverAuth go in.
    let mut params = leaf_params(request)?;
    params.use_authority_key_identifier_extension = false;
    let csr = params.serialize_request(&key).map_err(PkiError::rcgen)?;
    Ok(SigningRequest {
        csr_pem: csr.pem().map_err(PkiError::rcgen)?,
        key_pem: key.serialize_pem(),
    })
}

/// The CA certificate as DER (for Windows and Android, which prefer it).
pub fn pem_to_der(pem: &str) -> Option<Vec<u8>> {
    certificates(pem.as_bytes())
        .into_iter()
        .next()
        .map(|der| der.as_ref().to_vec())
}

/// Short instructions for trusting the CA by hand, per platform; `pem` and
/// `der` are the exported file names.
pub fn trust_instructions(pem: &str, der: &str, language: crate::i18n::Language) -> String {
    let facts = Facts::new().with("pem", pem).with("der", der);
    let say = |id: &str| language.text(id, &facts);
    let mut out = format!(
        "# {}\n\n{}\n\n",
        say("trust-ca-title"),
        say("trust-ca-warning")
    );
    for id in [
        "trust-ca-debian",
        "trust-ca-fedora",
        "trust-ca-macos",
        "trust-ca-windows",
        "trust-ca-firefox",
        "trust-ca-chromium",
        "trust-ca-java",
    ] {
        out.push_str(&format!("- {}\n", say(id)));
    }
    out.push_str(&format!("\n{}\n", say("trust-ca-undo")));
    out
}

pub use crate::pem::{certificates, pem};

#[cfg(test)]
mod tests {
    use super::*;

    /// An encrypted PEM key whose PBKDF2 count reads `iterations` (the
    /// ciphertext is made with 1,000: the count is rewritten after).
    fn encrypted_key(iterations: u32) -> (Vec<u8>, Vec<u8>) {
        use pkcs8::der::{Decode, Encode};
        let credential = self_signed(&LeafRequest::new(vec!["localhost".into()])).expect("leaf");
        let info = pkcs8::PrivateKeyInfo::from_der(&credential.key_pkcs8).expect("PKCS#8");
        let params =
            pkcs8::pkcs5::pbes2::Parameters::pbkdf2_sha256_aes256cbc(1000, b"saltsalt", &[7; 16])
                .expect("params");
        let document = info
            .encrypt_with_params(params, "secret")
            .expect("encrypted");
        let mut encrypted =
            pkcs8::EncryptedPrivateKeyInfo::from_der(document.as_bytes()).expect("read back");
        if let pkcs8::pkcs5::EncryptionScheme::Pbes2(params) = &mut encrypted.encryption_algorithm
            && let pkcs8::pkcs5::pbes2::Kdf::Pbkdf2(pbkdf2) = &mut params.kdf
        {
            pbkdf2.iteration_count = iterations;
        }
        let der = encrypted.to_der().expect("encode");
        let cert = pem("CERTIFICATE", credential.chain[0].as_ref());
        (
            cert.into_bytes(),
            pem("ENCRYPTED PRIVATE KEY", &der).into_bytes(),
        )
    }

    #[test]
    fn an_encrypted_key_asking_for_hours_of_key_derivation_is_refused_at_once() {
        let passphrase = crate::secret::Secret::new("secret");
        let (cert, key) = encrypted_key(1000);
        assert!(import_pem(&cert, &key, Some(&passphrase)).is_ok());
        let (cert, key) = encrypted_key(u32::MAX);
        // Refused by the count it asks for, before any derivation runs.
        assert!(matches!(
            import_pem(&cert, &key, Some(&passphrase)),
            Err(PkiError::KeyDerivationTooCostly { .. })
        ));
    }

    #[test]
    fn certificates_read_as_the_pem_reader_reads_them() {
        let bundle = std::fs::read("/etc/ssl/certs/ca-certificates.crt").unwrap_or_default();
        let ours = certificates(&bundle);
        let theirs: Vec<_> = CertificateDer::pem_slice_iter(&bundle)
            .filter_map(Result::ok)
            .collect();
        assert!(ours.len() > 100, "{} certificates", ours.len());
        assert_eq!(ours, theirs);
        let mixed = format!(
            "junk\n-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n{}-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----\n-----BEGIN CERTIFICATE-----\nAAAA",
            pem("CERTIFICATE", ours[0].as_ref())
        );
        assert_eq!(certificates(mixed.as_bytes()), [ours[0].clone()]);
    }
}
