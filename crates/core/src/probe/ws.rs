//! The RFC 6455 opening handshake — a fresh key, and the accept value the
//! server must send back — and the closing one, as a client ends a
//! connection it only opened to look.

use std::time::Duration;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Serialize};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};

use crate::digest::sha1;

/// The GUID every server appends to the key (RFC 6455, section 1.3).
const GUID: &str = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

/// A random 16-byte `Sec-WebSocket-Key`, base64-encoded.
pub fn new_key() -> String {
    // The key only proves the server understood WebSocket.
    STANDARD.encode(super::random_bytes::<16>())
}

/// The `Sec-WebSocket-Accept` a server must answer to `key`.
pub fn accept_for(key: &str) -> String {
    STANDARD.encode(sha1(&[key.as_bytes(), GUID.as_bytes()]))
}

/// The headers of an upgrade request, with `origin` when given.
pub fn upgrade_headers<'a>(key: &'a str, origin: Option<&'a str>) -> Vec<(&'a str, &'a str)> {
    let mut headers = vec![
        ("Upgrade", "websocket"),
        ("Connection", "Upgrade"),
        ("Sec-WebSocket-Key", key),
        ("Sec-WebSocket-Version", "13"),
    ];
    if let Some(origin) = origin {
        headers.push(("Origin", origin));
    }
    headers
}

/// The most bytes read while waiting for the server's close.
const MAX_AFTER_UPGRADE: usize = 64 * 1024;
/// The longest wait for the server to answer the close: servers answer at
/// once, and a diagnosis must not wait a whole step for one that does not.
const CLOSE_PATIENCE: Duration = Duration::from_secs(2);

/// What a server sent after switching to WebSocket, until its close.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AfterUpgrade {
    /// The first text message, when one came (its first 200 characters):
    /// servers that speak first say what they are (SockJS `o`, Engine.IO `0{…}`).
    pub first_message: Option<String>,
    /// The server's close frame, when one came in time.
    pub close: Option<CloseSeen>,
    /// Whether the server closed on its own, before it had our close.
    pub server_closed_first: bool,
}

/// A close frame's code and reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CloseSeen {
    /// The close code (1005 when the frame had none).
    pub code: u16,
    /// The reason, as sent.
    pub reason: String,
}

/// Closes a connection that just switched to WebSocket: `rest` holds what
/// arrived with the `101`. Sends close 1000, then reads until the server's
/// close, bounded in time and bytes. Servers log a client that vanishes
/// without a close as an error; this is what a polite client does.
pub async fn close<S: AsyncRead + AsyncWrite + Unpin>(
    stream: &mut S,
    mut buf: Vec<u8>,
    timeout: Duration,
) -> AfterUpgrade {
    let mut after = AfterUpgrade::default();
    // Frames that came with the head were sent before our close.
    if take_frames(&mut buf, &mut after) {
        after.server_closed_first = true;
    }
    if stream.write_all(&close_frame(1000)).await.is_err() || after.close.is_some() {
        return after;
    }
    let deadline = tokio::time::Instant::now() + timeout.min(CLOSE_PATIENCE);
    let mut chunk = [0u8; 4096];
    let mut total = buf.len();
    while total < MAX_AFTER_UPGRADE {
        match tokio::time::timeout_at(deadline, stream.read(&mut chunk)).await {
            Ok(Ok(n)) if n > 0 => {
                total += n;
                buf.extend_from_slice(&chunk[..n]);
                if take_frames(&mut buf, &mut after) {
                    break;
                }
            }
            _ => break,
        }
    }
    after
}

/// Reads the complete frames at the start of `buf` into `after`, removing
/// them; true once a close frame (or an unreadable one) was met.
fn take_frames(buf: &mut Vec<u8>, after: &mut AfterUpgrade) -> bool {
    loop {
        match parse_frame(buf, MAX_AFTER_UPGRADE) {
            Ok(Some((frame, len))) => {
                buf.drain(..len);
                if let Some((code, reason)) = frame.close() {
                    after.close = Some(CloseSeen { code, reason });
                    return true;
                }
                if frame.opcode == 1 && after.first_message.is_none() {
                    let text = String::from_utf8_lossy(&frame.payload);
                    after.first_message = Some(text.chars().take(200).collect());
                }
            }
            Ok(None) => return false,
            Err(FrameTooLarge) => return true,
        }
    }
}

/// A masked close frame with `code` and no reason, as a client sends it.
pub fn close_frame(code: u16) -> Vec<u8> {
    // Masking only guards proxies: any mask makes a valid frame.
    let mask = super::random_bytes::<4>();
    let mut frame = vec![0x88, 0x80 | 2];
    frame.extend_from_slice(&mask);
    frame.extend(apply_mask(&code.to_be_bytes(), mask));
    frame
}

/// `payload` masked (or unmasked: the same operation) with `mask`.
fn apply_mask(payload: &[u8], mask: [u8; 4]) -> impl Iterator<Item = u8> + '_ {
    payload
        .iter()
        .zip(mask.into_iter().cycle())
        .map(|(b, m)| b ^ m)
}

/// A frame the server sent: its opcode and payload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    /// The opcode (1 text, 2 binary, 8 close, 9 ping, 10 pong, 0 continuation).
    pub opcode: u8,
    /// The payload, unmasked.
    pub payload: Vec<u8>,
}

impl Frame {
    /// The close code and reason of a close frame (1005 when it has none,
    /// as RFC 6455 reports it).
    pub fn close(&self) -> Option<(u16, String)> {
        if self.opcode != 8 {
            return None;
        }
        let code = match self.payload.get(..2) {
            Some(&[high, low]) => u16::from_be_bytes([high, low]),
            _ => 1005,
        };
        let reason = self.payload.get(2..).unwrap_or_default();
        Some((code, String::from_utf8_lossy(reason).into_owned()))
    }
}

/// A frame longer than the cap allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FrameTooLarge;

/// The first complete frame in `buf` and its length: `Ok(None)` while
/// incomplete, an error when its length passes `cap`.
pub fn parse_frame(buf: &[u8], cap: usize) -> Result<Option<(Frame, usize)>, FrameTooLarge> {
    let (Some(&first), Some(&second)) = (buf.first(), buf.get(1)) else {
        return Ok(None);
    };
    let masked = second & 0x80 != 0;
    let (length, mut at) = match second & 0x7f {
        126 => match buf.get(2..4) {
            Some(&[a, b]) => (u64::from(u16::from_be_bytes([a, b])), 4),
            _ => return Ok(None),
        },
        127 => match buf.get(2..10).and_then(|b| <[u8; 8]>::try_from(b).ok()) {
            Some(bytes) => (u64::from_be_bytes(bytes), 10),
            None => return Ok(None),
        },
        short => (u64::from(short), 2),
    };
    let length = usize::try_from(length).map_err(|_| FrameTooLarge)?;
    if length > cap {
        return Err(FrameTooLarge);
    }
    let mask = if masked {
        let Some(mask) = buf.get(at..at + 4) else {
            return Ok(None);
        };
        at += 4;
        Some([mask[0], mask[1], mask[2], mask[3]])
    } else {
        None
    };
    let Some(payload) = buf.get(at..at + length) else {
        return Ok(None);
    };
    let payload = match mask {
        Some(mask) => apply_mask(payload, mask).collect(),
        None => payload.to_vec(),
    };
    let frame = Frame {
        opcode: first & 0x0f,
        payload,
    };
    Ok(Some((frame, at + length)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_close_frame_round_trips() {
        let frame = close_frame(1000);
        let parsed = parse_frame(&frame, 125).ok().flatten();
        let (frame, len) = parsed.unwrap_or_else(|| panic!("a whole frame"));
        assert_eq!(len, 8);
        assert_eq!(frame.close(), Some((1000, String::new())));
    }

    #[test]
    fn a_servers_close_with_a_reason_is_read() {
        // graphql-ws's answer to a client that offered no subprotocol.
        let mut raw = vec![0x88, 28, 0x11, 0x36];
        raw.extend_from_slice(b"Subprotocol not acceptable");
        raw.extend_from_slice(b"\x81\x01o");
        let parsed = parse_frame(&raw, 125).ok().flatten();
        let (frame, len) = parsed.unwrap_or_else(|| panic!("a whole frame"));
        assert_eq!(len, 30);
        assert_eq!(
            frame.close(),
            Some((4406, "Subprotocol not acceptable".to_owned()))
        );
        assert_eq!(parse_frame(&raw[..10], 125), Ok(None));
        assert_eq!(
            parse_frame(&[0x82, 127, 0, 0, 0, 1, 0, 0, 0, 0], 1 << 20),
            Err(FrameTooLarge)
        );
    }

    #[tokio::test]
    async fn a_close_is_answered_and_what_came_first_is_kept() {
        let (mut ours, mut theirs) = tokio::io::duplex(4096);
        let server = tokio::spawn(async move {
            let mut frame = [0u8; 8];
            theirs.read_exact(&mut frame).await.ok()?;
            let (close, _) = parse_frame(&frame, 125).ok().flatten()?;
            theirs.write_all(b"\x88\x02\x03\xe8").await.ok()?;
            close.close()
        });
        let after = close(&mut ours, b"\x81\x01o".to_vec(), Duration::from_secs(5)).await;
        assert_eq!(after.first_message.as_deref(), Some("o"));
        assert_eq!(
            after.close,
            Some(CloseSeen {
                code: 1000,
                reason: String::new()
            })
        );
        assert!(!after.server_closed_first);
        assert_eq!(server.await.ok().flatten(), Some((1000, String::new())));
    }

    #[test]
    fn accept_matches_the_rfc_example() {
        assert_eq!(
            accept_for("dGhlIHNhbXBsZSBub25jZQ=="),
            "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="
        );
    }

    #[test]
    fn keys_are_fresh_16_byte_nonces() {
        let (a, b) = (new_key(), new_key());
        assert_ne!(a, b);
        assert_eq!(STANDARD.decode(&a).map(|k| k.len()).ok(), Some(16));
    }
}
