//! A PEM chain and key as `--cert`/`--key` give them (PKCS#8, PKCS#1, SEC1,
//! encrypted PKCS#8): the input is split at its first NUL into the two.
fn main() {
    afl::fuzz!(|data: &[u8]| {
        let at = data.iter().position(|&b| b == 0).unwrap_or(data.len());
        let (certs, key) = data.split_at(at);
        let key = key.get(1..).unwrap_or_default();
        let passphrase = handshake_core::Secret::new("fuzz");
        let _ = handshake_core::pki::import_pem(certs, key, Some(&passphrase));
        let _ = handshake_core::pki::certificates(data);
    });
}
