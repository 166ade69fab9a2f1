//! Test certificates made by code (rcgen), never committed blobs: a CA, an
//! intermediate, leaves with any validity window, self-signed leaves.

use rcgen::{
    BasicConstraints, CertificateParams, CertifiedIssuer, CustomExtension, DnType, IsCa, KeyPair,
};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use time::OffsetDateTime;

/// A certificate chain and its key, as a server holds them.
pub struct Identity {
    pub chain: Vec<CertificateDer<'static>>,
    pub key: PrivateKeyDer<'static>,
}

impl Identity {
    /// A TLS acceptor presenting this identity (TLS 1.2 and 1.3).
    pub fn acceptor(&self) -> tokio_rustls::TlsAcceptor {
        let config = rustls::ServerConfig::builder_with_provider(std::sync::Arc::new(
            rustls::crypto::aws_lc_rs::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .expect("protocol versions")
        .with_no_client_auth()
        .with_single_cert(self.chain.clone(), self.key.clone_key())
        .expect("server certificate");
        tokio_rustls::TlsAcceptor::from(std::sync::Arc::new(config))
    }

    /// Writes the leaf certificate and key as PEM files into `dir` (for
    /// nginx and Apache) and returns their paths.
    pub fn write_pem(&self, dir: &std::path::Path) -> (std::path::PathBuf, std::path::PathBuf) {
        std::fs::create_dir_all(dir).expect("pem dir");
        let (cert, key) = (dir.join("cert.pem"), dir.join("key.pem"));
        std::fs::write(&cert, pem("CERTIFICATE", self.chain[0].as_ref())).expect("cert.pem");
        std::fs::write(&key, pem("PRIVATE KEY", self.key.secret_der())).expect("key.pem");
        (cert, key)
    }
}

/// A CA that signs test certificates.
pub struct Ca {
    issuer: CertifiedIssuer<'static, KeyPair>,
}

impl Ca {
    /// A root CA named `name`.
    pub fn new(name: &str) -> Ca {
        let key = KeyPair::generate().expect("key");
        let issuer = CertifiedIssuer::self_signed(ca_params(name), key).expect("CA");
        Ca { issuer }
    }

    /// An intermediate CA signed by this one.
    pub fn intermediate(&self, name: &str) -> Ca {
        let key = KeyPair::generate().expect("key");
        let issuer =
            CertifiedIssuer::signed_by(ca_params(name), key, &self.issuer).expect("intermediate");
        Ca { issuer }
    }

    /// An intermediate CA signed by this one, valid from `days_from` to
    /// `days_to` (relative to now): an expired one, for instance.
    pub fn intermediate_within(&self, name: &str, days_from: i64, days_to: i64) -> Ca {
        let key = KeyPair::generate().expect("key");
        let mut params = ca_params(name);
        let now = OffsetDateTime::now_utc();
        params.not_before = now + time::Duration::days(days_from);
        params.not_after = now + time::Duration::days(days_to);
        let issuer = CertifiedIssuer::signed_by(params, key, &self.issuer).expect("intermediate");
        Ca { issuer }
    }

    /// This CA's certificate.
    pub fn cert(&self) -> CertificateDer<'static> {
        self.issuer.der().clone()
    }

    /// Writes this CA's certificate as PEM to `dir/name`; its path.
    pub fn write_cert(&self, dir: &std::path::Path, name: &str) -> std::path::PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, self.issuer.pem()).expect("CA PEM");
        path
    }

    /// Writes this CA's certificate and private key as one PEM file to
    /// `dir/name` (what a proxy that re-signs is given); its path.
    pub fn write_with_key(&self, dir: &std::path::Path, name: &str) -> std::path::PathBuf {
        let path = dir.join(name);
        let text = format!("{}{}", self.issuer.pem(), self.issuer.key().serialize_pem());
        std::fs::write(&path, text).expect("CA PEM");
        path
    }

    /// A leaf for `names`, valid from `days_from`..`days_to` (relative to now).
    pub fn leaf(&self, names: &[&str], days_from: i64, days_to: i64) -> Identity {
        self.leaf_with(names, days_from, days_to, false)
    }

    /// A leaf that names its issuer's location (AIA caIssuers), as public CAs' leaves do.
    pub fn leaf_with(&self, names: &[&str], days_from: i64, days_to: i64, aia: bool) -> Identity {
        let key = KeyPair::generate().expect("key");
        let mut params = leaf_params(names, days_from, days_to);
        if aia {
            params
                .custom_extensions
                .push(ca_issuers_extension("http://ca.invalid/intermediate.der"));
        }
        let cert = params.signed_by(&key, &self.issuer).expect("leaf");
        Identity {
            chain: vec![cert.der().clone()],
            key: private_key(&key),
        }
    }
}

/// A self-signed leaf for `names`.
pub fn self_signed(names: &[&str]) -> Identity {
    let key = KeyPair::generate().expect("key");
    let cert = leaf_params(names, -1, 90)
        .self_signed(&key)
        .expect("self-signed");
    Identity {
        chain: vec![cert.der().clone()],
        key: private_key(&key),
    }
}

fn ca_params(name: &str) -> CertificateParams {
    let mut params = CertificateParams::new(Vec::<String>::new()).expect("params");
    params.distinguished_name.push(DnType::CommonName, name);
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    params
}

fn leaf_params(names: &[&str], days_from: i64, days_to: i64) -> CertificateParams {
    let mut params =
        CertificateParams::new(names.iter().map(|n| (*n).to_owned()).collect::<Vec<_>>())
            .expect("params");
    params
        .distinguished_name
        .push(DnType::CommonName, names.first().copied().unwrap_or("leaf"));
    let now = OffsetDateTime::now_utc();
    params.not_before = now + time::Duration::days(days_from);
    params.not_after = now + time::Duration::days(days_to);
    params.use_authority_key_identifier_extension = true;
    params
}

fn private_key(key: &KeyPair) -> PrivateKeyDer<'static> {
    PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der()))
}

/// authorityInfoAccess with one caIssuers URI (RFC 5280, 4.2.2.1).
fn ca_issuers_extension(uri: &str) -> CustomExtension {
    let oid_ca_issuers = [0x06, 0x08, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x02];
    let mut name = vec![0x86, u8::try_from(uri.len()).expect("short URI")];
    name.extend_from_slice(uri.as_bytes());
    let description = der_sequence(&[&oid_ca_issuers[..], &name].concat());
    CustomExtension::from_oid_content(&[1, 3, 6, 1, 5, 5, 7, 1, 1], der_sequence(&description))
}

fn der_sequence(content: &[u8]) -> Vec<u8> {
    let mut out = vec![0x30, u8::try_from(content.len()).expect("short DER")];
    out.extend_from_slice(content);
    out
}

/// DER as PEM with `label`: the core's own encoder.
pub use handshake_core::pki::pem;

/// A PKCS12 keystore at `store` holding the certificate of the PEM file
/// `certificate` under the alias `server` and no private key, as
/// `keytool -importcert` makes it (a classic mistake: a trust store used as
/// a key store).
pub fn certificate_only_keystore(
    certificate: &std::path::Path,
    store: &std::path::Path,
    password: &str,
) {
    let imported = std::process::Command::new("keytool")
        .args([
            "-importcert",
            "-noprompt",
            "-storetype",
            "PKCS12",
            "-alias",
            "server",
        ])
        .args(["-storepass", password, "-keystore"])
        .arg(store)
        .arg("-file")
        .arg(certificate)
        .output()
        .expect("keytool runs (a JDK is installed)");
    assert!(
        imported.status.success(),
        "keytool -importcert: {}",
        String::from_utf8_lossy(&imported.stderr)
    );
}
