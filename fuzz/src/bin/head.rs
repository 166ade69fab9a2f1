//! HTTP response heads as a server sends them (`probe::http::parse_head`).
fn main() {
    afl::fuzz!(|data: &[u8]| {
        let _ = handshake_core::probe::http::parse_head(data);
    });
}
