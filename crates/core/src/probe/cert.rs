//! The facts of a certificate that decide whether a client accepts it.

use serde::{Deserialize, Serialize};
use x509_parser::prelude::*;

/// One certificate as the server presented it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CertInfo {
    /// The subject distinguished name.
    pub subject: String,
    /// The issuer distinguished name.
    pub issuer: String,
    /// DNS names in the subjectAltName extension.
    pub dns_names: Vec<String>,
    /// IP addresses in the subjectAltName extension.
    pub ip_addresses: Vec<String>,
    /// Start of validity, RFC 3339.
    pub not_before: String,
    /// End of validity, RFC 3339.
    pub not_after: String,
    /// Whole days from the diagnosis to `not_after` (negative once expired).
    pub days_left: i32,
    /// Whether issuer and subject are the same name.
    pub self_issued: bool,
    /// Whether basicConstraints marks it as a CA.
    pub is_ca: bool,
    /// Whether it names where its issuer's certificate can be fetched
    /// (authorityInfoAccess caIssuers): public CAs' leaves do.
    pub names_issuer_location: bool,
    /// The key, e.g. `ECDSA P-256` or `RSA 2048`.
    pub key: String,
    /// The algorithm its issuer signed it with, e.g. `sha256WithRSAEncryption`.
    pub signature: String,
    /// Serial number in hex.
    pub serial: String,
    /// SHA-256 of its public key (the SubjectPublicKeyInfo), lower-case
    /// hex: a leaf with its issuer's key is an interception proxy's
    /// forgery. Reports saved before it was kept lack it.
    #[serde(default)]
    pub key_sha256: String,
    /// SHA-256 of the whole certificate, lower-case hex (what browsers and
    /// blackbox_exporter show as its fingerprint). Reports saved before it
    /// was kept lack it.
    #[serde(default)]
    pub sha256: String,
    /// Start of validity, seconds since the Unix epoch.
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub not_before_unix: i64,
    /// End of validity, seconds since the Unix epoch.
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub not_after_unix: i64,
    #[serde(skip)]
    pub(crate) subject_der: Vec<u8>,
    #[serde(skip)]
    pub(crate) issuer_der: Vec<u8>,
}

/// Reads the facts from a DER certificate; `None` when it does not parse.
pub fn inspect(der: &[u8], now_unix: i64) -> Option<CertInfo> {
    let (_, cert) = X509Certificate::from_der(der).ok()?;
    let mut dns_names = Vec::new();
    let mut ip_addresses = Vec::new();
    if let Ok(Some(san)) = cert.subject_alternative_name() {
        for name in &san.value.general_names {
            match name {
                GeneralName::DNSName(dns) => dns_names.push((*dns).to_owned()),
                GeneralName::IPAddress(bytes) => ip_addresses.push(ip_text(bytes)),
                _ => {}
            }
        }
    }
    let names_issuer_location = cert.extensions().iter().any(|ext| {
        matches!(ext.parsed_extension(), ParsedExtension::AuthorityInfoAccess(aia)
            if aia.accessdescs.iter().any(|d| d.access_method == oid_registry::OID_PKIX_ACCESS_DESCRIPTOR_CA_ISSUERS))
    });
    let validity = cert.validity();
    let not_after_unix = validity.not_after.timestamp();
    Some(CertInfo {
        subject: cert.subject().to_string(),
        issuer: cert.issuer().to_string(),
        dns_names,
        ip_addresses,
        not_before: rfc3339(validity.not_before),
        not_after: rfc3339(validity.not_after),
        days_left: i32::try_from((not_after_unix - now_unix).div_euclid(86_400))
            .unwrap_or(i32::MIN),
        self_issued: cert.subject().as_raw() == cert.issuer().as_raw(),
        is_ca: cert.is_ca(),
        names_issuer_location,
        key: key_text(&cert),
        signature: signature_text(&cert),
        serial: cert.raw_serial_as_string().replace(':', ""),
        key_sha256: crate::digest::sha256_hex(cert.public_key().raw),
        sha256: crate::digest::sha256_hex(der),
        not_before_unix: validity.not_before.timestamp(),
        not_after_unix,
        subject_der: cert.subject().as_raw().to_vec(),
        issuer_der: cert.issuer().as_raw().to_vec(),
    })
}

impl CertInfo {
    /// The size of an RSA or DSA key in bits, from [`CertInfo::key`].
    pub fn rsa_bits(&self) -> Option<u32> {
        self.key
            .strip_prefix("RSA ")
            .or_else(|| self.key.strip_prefix("DSA "))
            .and_then(|bits| bits.parse().ok())
    }

    /// What names the certificate in words: its subject, or for a leaf
    /// with an empty subject (Caddy's, many ACME clients') its first name,
    /// else its serial.
    pub fn label(&self) -> String {
        if !self.subject.is_empty() {
            return self.subject.clone();
        }
        self.names()
            .into_iter()
            .next()
            .unwrap_or_else(|| self.serial.clone())
    }

    /// Every name the certificate covers, DNS names first.
    pub fn names(&self) -> Vec<String> {
        self.dns_names
            .iter()
            .chain(&self.ip_addresses)
            .cloned()
            .collect()
    }
}

fn rfc3339(time: ASN1Time) -> String {
    time.to_datetime()
        .format(&::time::format_description::well_known::Rfc3339)
        .unwrap_or_else(|_| time.to_string())
}

fn ip_text(bytes: &[u8]) -> String {
    match bytes.len() {
        4 => std::net::Ipv4Addr::new(bytes[0], bytes[1], bytes[2], bytes[3]).to_string(),
        16 => {
            let mut octets = [0u8; 16];
            octets.copy_from_slice(bytes);
            std::net::Ipv6Addr::from(octets).to_string()
        }
        _ => bytes.iter().map(|b| format!("{b:02x}")).collect::<String>(),
    }
}

fn key_text(cert: &X509Certificate<'_>) -> String {
    match cert.public_key().parsed() {
        Ok(x509_parser::public_key::PublicKey::RSA(rsa)) => format!("RSA {}", rsa.key_size()),
        Ok(x509_parser::public_key::PublicKey::EC(ec)) => format!("ECDSA P-{}", ec.key_size()),
        Ok(x509_parser::public_key::PublicKey::DSA(dsa)) => format!("DSA {}", dsa.len() * 8),
        Ok(
            x509_parser::public_key::PublicKey::GostR3410(_)
            | x509_parser::public_key::PublicKey::GostR3410_2012(_),
        ) => "GOST R 34.10".to_owned(),
        _ => match cert
            .public_key()
            .algorithm
            .algorithm
            .to_id_string()
            .as_str()
        {
            "1.3.101.112" => "Ed25519".to_owned(),
            "1.3.101.113" => "Ed448".to_owned(),
            other => other.to_owned(),
        },
    }
}

/// The signature algorithm's short name, or its OID when it has none.
fn signature_text(cert: &X509Certificate<'_>) -> String {
    let oid = cert.signature_algorithm.algorithm.to_id_string();
    let name = match oid.as_str() {
        "1.2.840.113549.1.1.2" => "md2WithRSAEncryption",
        "1.2.840.113549.1.1.4" => "md5WithRSAEncryption",
        "1.2.840.113549.1.1.5" => "sha1WithRSAEncryption",
        "1.2.840.113549.1.1.10" => "rsassaPss",
        "1.2.840.113549.1.1.11" => "sha256WithRSAEncryption",
        "1.2.840.113549.1.1.12" => "sha384WithRSAEncryption",
        "1.2.840.113549.1.1.13" => "sha512WithRSAEncryption",
        "1.2.840.10045.4.1" => "ecdsa-with-SHA1",
        "1.2.840.10045.4.3.2" => "ecdsa-with-SHA256",
        "1.2.840.10045.4.3.3" => "ecdsa-with-SHA384",
        "1.2.840.10045.4.3.4" => "ecdsa-with-SHA512",
        "1.3.101.112" => "Ed25519",
        "1.3.101.113" => "Ed448",
        _ => return oid,
    };
    name.to_owned()
}
