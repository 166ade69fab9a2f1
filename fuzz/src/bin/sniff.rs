//! The first bytes a port answers with (`probe::sniff::classify`).
fn main() {
    afl::fuzz!(|data: &[u8]| {
        let _ = handshake_core::probe::sniff::classify(data);
        let _ = handshake_core::probe::sniff::BytesSeen::new(data);
    });
}
