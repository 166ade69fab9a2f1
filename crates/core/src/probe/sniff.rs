//! What a port speaks, judged from the first bytes it sent back.
//!
//! Servers that speak first (SSH, SMTP, FTP) announce themselves; servers
//! that wait answer our request in their own protocol: an HTTP status line,
//! or a TLS record (an alert, `0x15 0x03 …`, when plain HTTP hits a TLS port).

use serde::{Deserialize, Serialize};

/// At most this many bytes are kept as evidence.
pub const PREVIEW_BYTES: usize = 64;

/// The protocol the first bytes belong to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Speech {
    /// An HTTP response (`HTTP/1.1 400 …`).
    Http,
    /// A TLS record: content type 0x15 (alert) or 0x16 (handshake), version 0x03 0x0N.
    Tls {
        /// The record's content type byte.
        content_type: u8,
    },
    /// An SSH server's version banner.
    Ssh {
        /// The banner line.
        banner: String,
    },
    /// An SMTP (or FTP) greeting: a 220 line.
    Greeting220 {
        /// The greeting line.
        banner: String,
    },
    /// Printable text that is none of the above.
    Text {
        /// The first line.
        line: String,
    },
    /// Bytes that are not text.
    Binary,
    /// Nothing at all.
    Nothing,
}

/// Classifies the first bytes a server sent.
pub fn classify(bytes: &[u8]) -> Speech {
    match bytes {
        [] => Speech::Nothing,
        [content_type @ (0x14..=0x17), 0x03, 0x00..=0x04, ..] => Speech::Tls {
            content_type: *content_type,
        },
        _ if bytes.starts_with(b"HTTP/") || is_http09_error_page(bytes) => Speech::Http,
        _ if bytes.starts_with(b"SSH-") => Speech::Ssh {
            banner: first_line(bytes),
        },
        _ if bytes.starts_with(b"220") => Speech::Greeting220 {
            banner: first_line(bytes),
        },
        _ if looks_like_text(bytes) => Speech::Text {
            line: first_line(bytes),
        },
        _ => Speech::Binary,
    }
}

/// Bytes as evidence: the first [`PREVIEW_BYTES`] in hex and as text, what
/// they are, and the first line a server sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BytesSeen {
    /// What protocol the bytes belong to.
    pub speech: Speech,
    /// The first line (cut to 200 bytes), e.g. an HTTP status line.
    pub first_line: String,
    /// Space-separated hex, e.g. `15 03 03 00 02 02 46`.
    pub hex: String,
    /// The same bytes with anything unprintable shown as `.`.
    pub text: String,
    /// How many bytes were received in all (the preview may be shorter).
    pub total: u32,
}

impl BytesSeen {
    /// Keeps a preview of `bytes`.
    pub fn new(bytes: &[u8]) -> BytesSeen {
        let preview = &bytes[..bytes.len().min(PREVIEW_BYTES)];
        BytesSeen {
            speech: classify(bytes),
            first_line: first_line(bytes),
            hex: preview
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect::<Vec<_>>()
                .join(" "),
            text: preview
                .iter()
                .map(|&b| {
                    if b.is_ascii_graphic() || b == b' ' {
                        b as char
                    } else {
                        '.'
                    }
                })
                .collect(),
            total: u32::try_from(bytes.len()).unwrap_or(u32::MAX),
        }
    }
}

/// Servers that take a request line without a version for HTTP/0.9 (Python's
/// http.server, old Jetty) answer with a bare HTML error page, no status line.
fn is_http09_error_page(bytes: &[u8]) -> bool {
    let start = &bytes[..bytes.len().min(16)];
    let lower = start.to_ascii_lowercase();
    lower.starts_with(b"<!doctype html") || lower.starts_with(b"<html")
}

fn first_line(bytes: &[u8]) -> String {
    let line = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    let line = &line[..line.len().min(200)];
    String::from_utf8_lossy(line).trim_end().to_owned()
}

fn looks_like_text(bytes: &[u8]) -> bool {
    bytes
        .iter()
        .take(PREVIEW_BYTES)
        .all(|&b| b.is_ascii_graphic() || matches!(b, b' ' | b'\r' | b'\n' | b'\t'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn recognises_what_servers_send() {
        assert_eq!(classify(b"HTTP/1.1 400 Bad Request\r\n"), Speech::Http);
        assert_eq!(
            classify(b"<!DOCTYPE HTML>\n<html lang=\"en\">"),
            Speech::Http
        );
        assert_eq!(
            classify(&[0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x46]),
            Speech::Tls { content_type: 0x15 }
        );
        assert_eq!(
            classify(&[0x16, 0x03, 0x01, 0x02, 0x00]),
            Speech::Tls { content_type: 0x16 }
        );
        assert_eq!(
            classify(b"SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n"),
            Speech::Ssh {
                banner: "SSH-2.0-OpenSSH_9.2p1 Debian-2".into()
            }
        );
        assert_eq!(
            classify(b"220 mail.example.com ESMTP Postfix\r\n"),
            Speech::Greeting220 {
                banner: "220 mail.example.com ESMTP Postfix".into()
            }
        );
        assert_eq!(
            classify(b"+OK ready\r\n"),
            Speech::Text {
                line: "+OK ready".into()
            }
        );
        assert_eq!(classify(&[0x00, 0xff, 0x13, 0x37]), Speech::Binary);
        assert_eq!(classify(b""), Speech::Nothing);
    }

    #[test]
    fn previews_are_capped_and_printable() {
        let seen = BytesSeen::new(&[0x15, 0x03, 0x03, b'A']);
        assert_eq!(seen.hex, "15 03 03 41");
        assert_eq!(seen.text, "...A");
        let big = BytesSeen::new(&[b'x'; 1000]);
        assert_eq!((big.text.len(), big.total), (PREVIEW_BYTES, 1000));
    }

    proptest! {
        #[test]
        fn never_panics_and_stays_bounded(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
            let _ = classify(&bytes);
            let seen = BytesSeen::new(&bytes);
            prop_assert!(seen.text.chars().count() <= PREVIEW_BYTES);
        }
    }
}
