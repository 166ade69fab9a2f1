//! Fingerprints: SHA-256 of DER bytes in lower-case hex, as the trust
//! stores and the reports name certificates and keys.

/// The SHA-256 fingerprint (lower-case hex) of `der`.
pub(crate) fn sha256_hex(der: &[u8]) -> String {
    hex(aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, der).as_ref())
}

/// `bytes` in lower-case hex, no separators.
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}
