//! A stapled OCSP response (`probe::ocsp::read`) and certificates
//! (`probe::cert::inspect`).
fn main() {
    afl::fuzz!(|data: &[u8]| {
        let _ = handshake_core::probe::ocsp::read(data);
        let _ = handshake_core::probe::cert::inspect(data, 0);
    });
}
