//! WebSocket frames as a server sends them after a `101`
//! (`probe::ws::parse_frame`, and a close frame's code and reason).
fn main() {
    afl::fuzz!(|data: &[u8]| {
        let mut rest = data;
        while let Ok(Some((frame, len))) = handshake_core::probe::ws::parse_frame(rest, 1 << 16) {
            let _ = frame.close();
            // Every frame has a header, and none reads past the input.
            assert!(len >= 2 && len <= rest.len(), "{len} of {}", rest.len());
            rest = &rest[len..];
        }
    });
}
