//! The bytes a server logged where it expected an HTTP request line, read
//! back from how each server prints them, and named by what sent them: a
//! TLS client on the wrong port is one cause among several, and on a port
//! open to the internet the others — scanners, proxy clients — are most of
//! what arrives.

/// What the first bytes of a connection are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sent {
    /// A TLS record (type 0x16, version 0x03 x): a TLS client. With the
    /// record's minor version, and the ClientHello's when it is one.
    Tls {
        /// The record header's minor version.
        record_minor: u8,
        /// The ClientHello's `legacy_version` minor, when the bytes go that far.
        hello_minor: Option<u8>,
    },
    /// A SOCKS 4 request (version 4, command 1 or 2).
    Socks4,
    /// A SOCKS 5 greeting (version 5, then its methods).
    Socks5,
    /// An RDP connection request (a TPKT header, 0x03 0x00): what internet
    /// scanners send every port.
    Rdp,
    /// An SSH client's banner (`SSH-2.0-…`).
    Ssh,
    /// HTTP/2's connection preface without TLS (`PRI * HTTP/2.0`).
    Http2,
    /// Anything else that is not an HTTP request line.
    Other,
}

impl Sent {
    /// What `bytes` (the start of a connection) are.
    pub(super) fn of(bytes: &[u8]) -> Sent {
        match bytes {
            [0x16, 0x03, record_minor, ..] => Sent::Tls {
                record_minor: *record_minor,
                hello_minor: match bytes.get(5..11) {
                    Some([0x01, _, _, _, 0x03, minor]) => Some(*minor),
                    _ => None,
                },
            },
            [0x05, methods, ..] if (1..=16).contains(methods) => Sent::Socks5,
            [0x04, 0x01 | 0x02, ..] => Sent::Socks4,
            // Apache's access log cuts the request at its first NUL: "\x03".
            [0x03, 0x00, ..] | [0x03] => Sent::Rdp,
            _ if bytes.starts_with(b"PRI") => Sent::Http2,
            _ if bytes.starts_with(b"SSH-") => Sent::Ssh,
            _ => Sent::Other,
        }
    }

    /// Its name in the catalogue's selectors.
    pub(super) fn as_str(self) -> &'static str {
        match self {
            Sent::Tls { .. } => "tls",
            Sent::Socks4 => "socks4",
            Sent::Socks5 => "socks5",
            Sent::Rdp => "rdp",
            Sent::Ssh => "ssh",
            Sent::Http2 => "http2",
            Sent::Other => "other",
        }
    }
}

/// Tomcat prints non-printable bytes as `0x` and two hex digits, printable
/// ones as themselves (`[0x050x010x00...]`, `[PRI]`), and `...` where it
/// stopped.
pub(super) fn from_tomcat(text: &str) -> Vec<u8> {
    let printed = text.split_once("...").map_or(text, |(printed, _)| printed);
    unescape(printed, "0x")
}

/// nginx quotes the request line: raw in its error log (`request:
/// "^E^A^@"`), each non-printable byte as `\xHH` in its access log, as
/// Apache's access log does.
pub(super) fn from_nginx(line: &str) -> Vec<u8> {
    let quoted = match line.find("request: \"") {
        Some(at) => &line[at + "request: \"".len()..],
        None => line.split_once('"').map_or("", |(_, rest)| rest),
    };
    // Up to the closing quote: the access log escapes one inside as \x22.
    let quoted = quoted.split_once('"').map_or(quoted, |(inside, _)| inside);
    unescape(quoted, "\\x")
}

/// `text` with each `{prefix}HH` as the byte it names, the rest as it is.
fn unescape(text: &str, prefix: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        if let Some(hex) = rest.strip_prefix(prefix).and_then(|after| after.get(..2))
            && let Ok(value) = u8::from_str_radix(hex, 16)
        {
            out.push(value);
            rest = &rest[prefix.len() + 2..];
            continue;
        }
        let next = rest.chars().next().map_or(1, char::len_utf8);
        out.extend_from_slice(&rest.as_bytes()[..next]);
        rest = &rest[next..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each as the real servers printed it in the tests (`logs_real`).
    #[test]
    fn the_bytes_are_named_by_what_sent_them() {
        let tomcat = |text: &str| Sent::of(&from_tomcat(text));
        assert_eq!(
            tomcat("0x160x030x010x020x000x010x000x010xfc0x030x03..."),
            Sent::Tls {
                record_minor: 1,
                hello_minor: Some(3)
            }
        );
        assert_eq!(tomcat("0x050x010x00"), Sent::Socks5);
        assert_eq!(tomcat("0x040x010x00P0x7f0x000x000x010x00"), Sent::Socks4);
        assert_eq!(tomcat("0x030x000x000x2f0x2a0xe00x00..."), Sent::Rdp);
        assert_eq!(tomcat("PRI"), Sent::Http2);
        assert_eq!(tomcat("SSH-2.0-OpenSSH_9.2p1"), Sent::Ssh);
        assert_eq!(tomcat("0x000x000x00"), Sent::Other);
        let nginx = |line: &str| Sent::of(&from_nginx(line));
        assert_eq!(
            nginx(
                "client sent invalid method while reading client request line, client: 127.0.0.1, server: , request: \"\u{5}\u{1}\u{0}\""
            ),
            Sent::Socks5
        );
        assert_eq!(
            nginx(
                "127.0.0.1 - - [07/Dec/2026:05:03:53 +0000] \"\\x16\\x03\\x01\\x02\\x00\\x01\\x00\\x01\\xFC\\x03\\x03\" 400 157 \"-\" \"-\""
            ),
            Sent::Tls {
                record_minor: 1,
                hello_minor: Some(3)
            }
        );
        assert_eq!(
            nginx(
                "client sent invalid request while reading client request line, client: 127.0.0.1, server: , request: \"PRI * HTTP/2.0\""
            ),
            Sent::Http2
        );
    }
}
