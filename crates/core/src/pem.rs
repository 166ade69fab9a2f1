//! PEM text: the certificates in it, and DER written as it. Below every
//! module that reads or writes certificates (the probes, the keystores,
//! the trust stores, the renderers), so none of them goes through `pki`.

use rustls::pki_types::CertificateDer;

/// Every `CERTIFICATE` block of a PEM text, in order; blocks that do not
/// decode are skipped.
///
/// Certificates are public, so this decodes with the plain base64 engine
/// rather than the constant-time one meant for keys: reading the system's
/// CA bundle (150 certificates) was most of a diagnosis's work.
pub fn certificates(pem: &[u8]) -> Vec<CertificateDer<'static>> {
    use base64::Engine as _;
    const BEGIN: &[u8] = b"-----BEGIN CERTIFICATE-----";
    const END: &[u8] = b"-----END CERTIFICATE-----";
    let mut out = Vec::new();
    let mut rest = pem;
    let mut body = Vec::new();
    while let Some(start) = memchr::memmem::find(rest, BEGIN) {
        rest = &rest[start + BEGIN.len()..];
        let Some(end) = memchr::memmem::find(rest, END) else {
            break;
        };
        body.clear();
        body.extend(
            rest[..end]
                .iter()
                .copied()
                .filter(|b| !b.is_ascii_whitespace()),
        );
        if let Ok(der) = base64::engine::general_purpose::STANDARD.decode(&body) {
            out.push(CertificateDer::from(der));
        }
        rest = &rest[end + END.len()..];
    }
    out
}

/// `der` as a PEM block with `label` (`CERTIFICATE`, `PRIVATE KEY`).
pub fn pem(label: &str, der: &[u8]) -> String {
    use pkcs8::der::pem::{LineEnding, encode_string};
    // Encoding fails only for labels PEM forbids; ours are constants.
    encode_string(label, LineEnding::LF, der).unwrap_or_default()
}
