//! What a user types as a target (`Target::parse`).
fn main() {
    afl::fuzz!(|data: &[u8]| {
        let text = String::from_utf8_lossy(data);
        if let Ok(target) = handshake_core::Target::parse(&text) {
            let _ = target.authority();
        }
        let _ = handshake_core::Target::parse_websocket(&text);
    });
}
