//! A PKCS12 keystore (`keystore::read`), with the password keystores
//! commonly have.
fn main() {
    afl::fuzz!(|data: &[u8]| {
        let _ = handshake_core::keystore::read(data, &handshake_core::Secret::new("changeit"));
    });
}
