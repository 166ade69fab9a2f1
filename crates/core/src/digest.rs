//! Fingerprints: SHA-256 of DER bytes in lower-case hex, as the trust
//! stores and the reports name certificates and keys; and the SHA-1 that
//! older formats still name things by. Both from aws-lc, already loaded for
//! TLS, whose CPU features are probed once at start-up (a SHA-1 crate of
//! its own would probe again, with `cpuid` a trap on a VM).

/// The SHA-256 fingerprint (lower-case hex) of `der`.
pub(crate) fn sha256_hex(der: &[u8]) -> String {
    hex(aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, der).as_ref())
}

/// The SHA-1 digest of `parts`, one after another: the WebSocket accept
/// value (RFC 6455), a macOS fingerprint, a PKCS#12 localKeyId.
pub(crate) fn sha1(parts: &[&[u8]]) -> [u8; 20] {
    let mut context = aws_lc_rs::digest::Context::new(&aws_lc_rs::digest::SHA1_FOR_LEGACY_USE_ONLY);
    for part in parts {
        context.update(part);
    }
    let mut digest = [0u8; 20];
    digest.copy_from_slice(context.finish().as_ref());
    digest
}

/// `bytes` in lower-case hex, no separators.
pub(crate) fn hex(bytes: &[u8]) -> String {
    // By table, not `format!` per byte: every certificate of a chain has
    // its fingerprint taken.
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        out.push(char::from(DIGITS[usize::from(byte >> 4)]));
        out.push(char::from(DIGITS[usize::from(byte & 0x0f)]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha1_of_parts_is_the_digest_of_their_concatenation() {
        // FIPS 180-2's example: SHA-1("abc").
        let expected = "a9993e364706816aba3e25717850c26c9cd0d89d";
        assert_eq!(hex(&sha1(&[b"abc"])), expected);
        assert_eq!(hex(&sha1(&[b"a", b"", b"bc"])), expected);
    }
}
