//! What a user types as a target (`Target::parse`).
fn main() {
    afl::fuzz!(|data: &[u8]| {
        let text = String::from_utf8_lossy(data);
        if let Ok(target) = handshake_core::Target::parse(&text) {
            let _ = target.authority();
            // The normalised URL parses to the same target.
            assert_eq!(handshake_core::Target::parse(&target.url).ok(), Some(target));
        }
        let _ = handshake_core::Target::parse_websocket(&text);
    });
}
