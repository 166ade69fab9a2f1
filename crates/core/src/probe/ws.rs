//! The RFC 6455 opening handshake: a fresh key, and the accept value the
//! server must send back.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use sha1::{Digest, Sha1};

/// The GUID every server appends to the key (RFC 6455, section 1.3).
const GUID: &str = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

/// A random 16-byte `Sec-WebSocket-Key`, base64-encoded.
pub fn new_key() -> String {
    let mut nonce = [0u8; 16];
    let random = rustls::crypto::aws_lc_rs::default_provider().secure_random;
    // Should the system's randomness fail, a fixed key still makes a valid
    // request: the key only proves the server understood WebSocket.
    let _ = random.fill(&mut nonce);
    STANDARD.encode(nonce)
}

/// The `Sec-WebSocket-Accept` a server must answer to `key`.
pub fn accept_for(key: &str) -> String {
    let mut sha = Sha1::new();
    sha.update(key.as_bytes());
    sha.update(GUID.as_bytes());
    STANDARD.encode(sha.finalize())
}

/// The headers of an upgrade request, with `origin` when given.
pub fn upgrade_headers<'a>(key: &'a str, origin: Option<&'a str>) -> Vec<(&'a str, &'a str)> {
    let mut headers = vec![
        ("Upgrade", "websocket"),
        ("Connection", "Upgrade"),
        ("Sec-WebSocket-Key", key),
        ("Sec-WebSocket-Version", "13"),
    ];
    if let Some(origin) = origin {
        headers.push(("Origin", origin));
    }
    headers
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_matches_the_rfc_example() {
        assert_eq!(
            accept_for("dGhlIHNhbXBsZSBub25jZQ=="),
            "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="
        );
    }

    #[test]
    fn keys_are_fresh_16_byte_nonces() {
        let (a, b) = (new_key(), new_key());
        assert_ne!(a, b);
        assert_eq!(STANDARD.decode(&a).map(|k| k.len()).ok(), Some(16));
    }
}
