//! A server's answer to the raw ClientHello: records, ServerHello,
//! Certificate, ServerKeyExchange, CertificateRequest, alerts.
fn main() {
    afl::fuzz!(|data: &[u8]| {
        let _ = handshake_core::probe::hello::read_answer(data);
    });
}
