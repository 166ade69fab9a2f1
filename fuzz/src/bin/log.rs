//! Server and browser logs (`logs::explain`).
fn main() {
    afl::fuzz!(|data: &[u8]| {
        let _ = handshake_core::logs::explain(data);
    });
}
