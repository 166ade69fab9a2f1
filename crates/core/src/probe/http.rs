//! Just enough HTTP/1.1 for diagnosis: write one request, read one response
//! head, bounded in size and time.
//!
//! A general HTTP client would follow redirects, retry and hide the status
//! line; diagnosis needs the opposite: exactly what the server said, and a
//! guarantee that a server streaming endless headers cannot grow memory.

use std::time::Duration;

use serde::{Deserialize, Serialize};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};

use super::tcp::{NetworkCause, NetworkError};

/// The largest response head accepted; real servers send a few hundred bytes.
pub const MAX_HEAD_BYTES: usize = 16 * 1024;
/// The most header lines accepted.
pub const MAX_HEADERS: usize = 100;

/// How much of a response body is kept: enough for an error page's words.
pub const MAX_BODY_START: usize = 1024;

/// `bytes` as text a terminal and the window can show: lossy UTF-8, with
/// control characters other than line breaks and tabs replaced by `�` (an
/// error page must not move a terminal's cursor or ring its bell).
fn printable(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes)
        .chars()
        .map(|c| match c {
            '\n' | '\r' | '\t' => c,
            c if c.is_control() => '\u{FFFD}',
            c => c,
        })
        .collect()
}

/// A parsed response status line and headers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ResponseHead {
    /// The status code.
    pub status: u16,
    /// The status line as sent, e.g. `HTTP/1.1 101 Switching Protocols`.
    pub status_line: String,
    /// Header names (as sent) and values, in order.
    pub headers: Vec<(String, String)>,
    /// The first bytes of the body that arrived with the head (lossy UTF-8).
    pub body_start: String,
}

impl ResponseHead {
    /// The first value of header `name`, ignoring case.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}

/// Why no response head could be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeadError {
    /// Nothing arrived before the timeout.
    Silent,
    /// Something arrived, but not a complete head before the timeout.
    Stalled {
        /// The bytes received so far.
        received: Vec<u8>,
    },
    /// Only interim responses (`100 Continue`…) arrived before the timeout.
    OnlyInterim {
        /// The last interim status.
        status: u16,
        /// How many arrived.
        count: u32,
    },
    /// The connection closed before a complete head.
    Closed {
        /// The bytes received before the close.
        received: Vec<u8>,
    },
    /// The head grew past [`MAX_HEAD_BYTES`] or [`MAX_HEADERS`].
    TooLarge {
        /// The start of what was received.
        received: Vec<u8>,
    },
    /// The bytes are not an HTTP response.
    Malformed {
        /// What was received.
        received: Vec<u8>,
    },
    /// The socket failed.
    Io(NetworkError),
}

/// Why no response head could be read, as evidence: [`HeadError`] without
/// the bytes, which the evidence keeps apart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum ResponseFailure {
    /// Nothing arrived before the timeout.
    Silent,
    /// Something arrived, but not a complete head before the timeout.
    Stalled {
        /// How many bytes arrived.
        received: u32,
    },
    /// Only interim responses (`100 Continue`…) arrived before the timeout.
    OnlyInterim {
        /// The last interim status.
        status: u16,
        /// How many arrived.
        count: u32,
    },
    /// The connection closed before a complete head.
    Closed,
    /// The head grew past the caps.
    TooLarge,
    /// The bytes are not an HTTP response.
    Malformed,
    /// The socket failed.
    Failed {
        /// The kind of failure.
        cause: NetworkCause,
        /// The operating system's words.
        detail: String,
    },
}

impl ResponseFailure {
    /// Whether the server closed or reset the connection instead of
    /// answering (what a TLS port may do to a plain request).
    pub fn ended_without_a_word(&self) -> bool {
        matches!(
            self,
            ResponseFailure::Closed
                | ResponseFailure::Failed {
                    cause: NetworkCause::Reset,
                    ..
                }
        )
    }
}

impl HeadError {
    /// The bytes received before the failure.
    pub fn received(&self) -> &[u8] {
        match self {
            HeadError::Stalled { received }
            | HeadError::Closed { received }
            | HeadError::TooLarge { received }
            | HeadError::Malformed { received } => received,
            HeadError::Silent | HeadError::OnlyInterim { .. } | HeadError::Io(_) => &[],
        }
    }

    /// The failure as evidence.
    pub fn evidence(&self) -> ResponseFailure {
        match self {
            HeadError::Silent => ResponseFailure::Silent,
            HeadError::Stalled { received } => ResponseFailure::Stalled {
                received: u32::try_from(received.len()).unwrap_or(u32::MAX),
            },
            HeadError::OnlyInterim { status, count } => ResponseFailure::OnlyInterim {
                status: *status,
                count: *count,
            },
            HeadError::Closed { .. } => ResponseFailure::Closed,
            HeadError::TooLarge { .. } => ResponseFailure::TooLarge,
            HeadError::Malformed { .. } => ResponseFailure::Malformed,
            HeadError::Io(error) => ResponseFailure::Failed {
                cause: error.cause,
                detail: error.detail.clone(),
            },
        }
    }
}

/// Parses `buf` as a response head: `Ok(None)` while incomplete.
pub fn parse_head(buf: &[u8]) -> Result<Option<ResponseHead>, HeadError> {
    Ok(parse(buf)?.map(|(head, _)| head))
}

/// [`parse_head`], with the length of the head in `buf`.
fn parse(buf: &[u8]) -> Result<Option<(ResponseHead, usize)>, HeadError> {
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut response = httparse::Response::new(&mut headers);
    match response.parse(buf) {
        Ok(httparse::Status::Partial) => Ok(None),
        Ok(httparse::Status::Complete(head_len)) => {
            let status = response.code.unwrap_or_default();
            let line_end = buf.iter().position(|&b| b == b'\n').unwrap_or(buf.len());
            let status_line = String::from_utf8_lossy(&buf[..line_end])
                .trim_end()
                .to_owned();
            let headers = response
                .headers
                .iter()
                .map(|h| {
                    (
                        h.name.to_owned(),
                        String::from_utf8_lossy(h.value).into_owned(),
                    )
                })
                .collect();
            // After a 101 the bytes are WebSocket frames, not a body.
            let body = if status == 101 {
                &[][..]
            } else {
                &buf[head_len..]
            };
            let head = ResponseHead {
                status,
                status_line,
                headers,
                body_start: printable(&body[..body.len().min(MAX_BODY_START)]),
            };
            Ok(Some((head, head_len)))
        }
        Err(httparse::Error::TooManyHeaders) => Err(HeadError::TooLarge {
            received: buf[..buf.len().min(1024)].to_vec(),
        }),
        Err(_) => Err(HeadError::Malformed {
            received: buf[..buf.len().min(1024)].to_vec(),
        }),
    }
}

/// Reads one response head from `stream` within `timeout` for the whole
/// head: a server that drips bytes is cut off like a silent one. Interim
/// responses (`100 Continue`, `103 Early Hints`) are skipped; the answer is
/// the final one (or `101`). After the head, whatever body arrived in the
/// same read is kept in `body_start`; nothing more is read.
pub async fn read_head<S: AsyncRead + Unpin>(
    stream: &mut S,
    timeout: Duration,
) -> Result<ResponseHead, HeadError> {
    read_response(stream, timeout).await.map(|(head, _)| head)
}

/// [`read_head`], with the bytes that arrived after the head, exactly as
/// sent: after a `101`, the server's first WebSocket frames.
pub async fn read_response<S: AsyncRead + Unpin>(
    stream: &mut S,
    timeout: Duration,
) -> Result<(ResponseHead, Vec<u8>), HeadError> {
    let deadline = tokio::time::Instant::now() + timeout;
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 4096];
    // Bytes of interim heads already skipped count towards the cap.
    let mut skipped = 0;
    let mut interim: Option<(u16, u32)> = None;
    loop {
        let read = tokio::time::timeout_at(deadline, stream.read(&mut chunk)).await;
        let n = match read {
            Err(_) => {
                return Err(match interim {
                    _ if !buf.is_empty() => HeadError::Stalled { received: buf },
                    Some((status, count)) => HeadError::OnlyInterim { status, count },
                    None => HeadError::Silent,
                });
            }
            Ok(Err(error)) if buf.is_empty() && skipped == 0 => {
                return Err(HeadError::Io(NetworkError::new(&error)));
            }
            Ok(Err(_)) | Ok(Ok(0)) => return Err(HeadError::Closed { received: buf }),
            Ok(Ok(n)) => n,
        };
        buf.extend_from_slice(&chunk[..n]);
        loop {
            // Judge the protocol from the first bytes: no need to wait for
            // more of a TLS alert or an SSH banner.
            if !buf.starts_with(&b"HTTP/"[..buf.len().min(5)]) {
                return Err(HeadError::Malformed { received: buf });
            }
            match parse(&buf)? {
                Some((head, len)) if (100..200).contains(&head.status) && head.status != 101 => {
                    skipped += len;
                    buf.drain(..len);
                    let count = interim.map_or(0, |(_, count)| count);
                    interim = Some((head.status, count.saturating_add(1)));
                }
                Some((head, len)) => return Ok((head, buf.split_off(len))),
                None => break,
            }
        }
        if buf.len() + skipped > MAX_HEAD_BYTES {
            buf.truncate(1024);
            return Err(HeadError::TooLarge { received: buf });
        }
    }
}

/// Closes a connection whose answer was read only in part: what the
/// server is still sending is read first (at most 64 KiB, at most half a
/// second, until it pauses for 50 ms — a server keeping the connection
/// alive never ends it), so the close is a FIN and not a reset for unread
/// bytes: some servers (SockJS's for Node) crash on a reset.
pub async fn close_politely<S: AsyncRead + AsyncWrite + Unpin>(stream: &mut S) {
    const MOST: usize = 64 * 1024;
    const PATIENCE: Duration = Duration::from_millis(500);
    const PAUSE: Duration = Duration::from_millis(50);
    let drain = async {
        let mut chunk = [0u8; 4096];
        let mut read = 0;
        while read < MOST {
            match tokio::time::timeout(PAUSE, stream.read(&mut chunk)).await {
                Ok(Ok(n)) if n > 0 => read += n,
                _ => break,
            }
        }
    };
    let _ = tokio::time::timeout(PATIENCE, drain).await;
    let _ = tokio::time::timeout(PATIENCE, stream.shutdown()).await;
}

/// A request head: `METHOD path HTTP/1.1`, `Host`, then `headers`.
pub fn request(method: &str, path: &str, host: &str, headers: &[(&str, &str)]) -> Vec<u8> {
    let mut text = format!(
        "{method} {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: handshake/{}\r\n",
        env!("CARGO_PKG_VERSION")
    );
    for (name, value) in headers {
        text.push_str(name);
        text.push_str(": ");
        text.push_str(value);
        text.push_str("\r\n");
    }
    text.push_str("\r\n");
    text.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parses_a_switching_protocols_head() {
        let raw = b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n\x81\x02hi";
        let head = parse_head(raw)
            .ok()
            .flatten()
            .unwrap_or_else(|| panic!("complete head"));
        assert_eq!(head.status, 101);
        assert_eq!(head.status_line, "HTTP/1.1 101 Switching Protocols");
        assert_eq!(head.header("upgrade"), Some("websocket"));
        assert_eq!(
            head.header("SEC-WEBSOCKET-ACCEPT"),
            Some("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
        );
        assert_eq!(head.body_start, "", "frames after a 101 are not a body");
    }

    #[test]
    fn a_body_is_kept_printable_and_capped() {
        let mut raw = b"HTTP/1.1 400 Bad Request\r\n\r\nno \x1b[2Jway\x07\n".to_vec();
        raw.extend(std::iter::repeat_n(b'x', 4096));
        let head = parse_head(&raw)
            .ok()
            .flatten()
            .unwrap_or_else(|| panic!("complete head"));
        assert!(head.body_start.starts_with("no \u{FFFD}[2Jway\u{FFFD}\n"));
        assert_eq!(head.body_start.len(), MAX_BODY_START + 4);
    }

    #[test]
    fn a_partial_head_asks_for_more() {
        assert_eq!(parse_head(b"HTTP/1.1 200 OK\r\nContent-"), Ok(None));
    }

    #[tokio::test]
    async fn endless_headers_are_cut_off() {
        let mut endless = b"HTTP/1.1 200 OK\r\n".to_vec();
        while endless.len() < 64 * 1024 {
            endless.extend_from_slice(
                b"X-Padding: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n",
            );
        }
        let result = read_head(&mut endless.as_slice(), Duration::from_secs(1)).await;
        assert!(
            matches!(result, Err(HeadError::TooLarge { .. })),
            "{result:?}"
        );
    }

    #[tokio::test]
    async fn non_http_is_reported_at_once() {
        let alert: &[u8] = &[0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x46];
        let result = read_head(&mut &alert[..], Duration::from_secs(1)).await;
        assert_eq!(
            result,
            Err(HeadError::Malformed {
                received: alert.to_vec()
            })
        );
        let result = read_head(&mut &b""[..], Duration::from_secs(1)).await;
        assert_eq!(result, Err(HeadError::Closed { received: vec![] }));
    }

    #[test]
    fn requests_are_well_formed() {
        let raw = request(
            "GET",
            "/ws?x=1",
            "localhost:8443",
            &[("Upgrade", "websocket")],
        );
        let text = String::from_utf8_lossy(&raw);
        assert!(text.starts_with("GET /ws?x=1 HTTP/1.1\r\nHost: localhost:8443\r\n"));
        assert!(text.ends_with("Upgrade: websocket\r\n\r\n"));
    }

    proptest! {
        #[test]
        fn parse_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..8192)) {
            let _ = parse_head(&bytes);
        }

        #[test]
        fn parse_never_panics_on_http_shaped_input(
            status in "[0-9]{3}",
            lines in proptest::collection::vec("[ -~]{0,80}", 0..40),
        ) {
            let raw = format!("HTTP/1.1 {status} X\r\n{}\r\n\r\n", lines.join("\r\n"));
            let _ = parse_head(raw.as_bytes());
        }
    }
}
