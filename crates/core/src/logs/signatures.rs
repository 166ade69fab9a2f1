//! The catalogue of log messages Handshake recognises: one [`Signature`] per
//! root cause, registered once in [`SIGNATURES`], with the exact text the
//! real program prints in the tests below each.

use std::sync::OnceLock;

use regex::Regex;

use super::bytes::{self, Sent};
use super::{Explained, Signature};
use crate::finding::{Code, Finding};

/// Every signature, in the order they are tried on a line.
pub static SIGNATURES: &[Signature] = &[
    Signature {
        codes: &[
            Code::LogTlsOnPlainPort,
            Code::LogPortProbed,
            Code::LogPriorKnowledgePreface,
        ],
        anchors: &[
            "HTTP method names must be tokens",
            "client sent invalid method",
            "client sent invalid request while reading client request line",
            // Access logs (nginx and Apache) quote the bytes as the request.
            "\"PRI * HTTP/2.0\" 400",
            "\"\\x05\\x01",
            "\"\\x04\\x01",
            "\"\\x03\\x00\\x00",
            "\"\\x03\" 400",
            "Illegal character 0x16",
            "CNTL=0x16",
            "HPE_INVALID_METHOD",
            "Invalid HTTP request received.",
            "Bad status line 'Invalid method encountered'",
            "\"\\x16\\x03",
            // What the TLS client says: Java's JSSE, and OpenSSL (curl).
            "Unrecognized SSL message, plaintext connection?",
            "wrong version number",
            // Go's crypto/tls as a client (Caddy's reverse_proxy, any Go
            // service): the answer's first bytes are not a TLS record.
            "first record does not look like a TLS handshake",
        ],
        explain: tls_on_plain_port,
    },
    Signature {
        codes: &[Code::LogInvalidRequestTarget],
        anchors: &["Invalid character found in the request target"],
        explain: invalid_request_target,
    },
    Signature {
        codes: &[Code::LogPlainOnTlsPort],
        anchors: &[
            "plain HTTP request to HTTPS port",
            "plain HTTP request was sent to HTTPS port",
            "NotSslRecordException",
            "Unsupported or unrecognized SSL message",
            "speaking plain HTTP to an SSL-enabled server port",
            "HTTP spoken on HTTPS port",
            "This combination of host and port requires TLS",
            "Client sent an HTTP request to an HTTPS server",
            // OpenSSL's own reason, whichever server logs it: lighttpd and
            // stunnel (OpenSSL 3), Node's tls (its own build's wording).
            "SSL routines::http request",
            "ssl3_get_record:http request",
        ],
        explain: plain_on_tls_port,
    },
    Signature {
        codes: &[Code::LogUpgradeHeaderMissing],
        anchors: &[
            "invalid Upgrade header",
            "Invalid 'Upgrade' header",
            "Can \"Upgrade\" only to \"WebSocket\"",
        ],
        explain: upgrade_header_missing,
    },
    Signature {
        codes: &[Code::LogOriginRejected],
        anchors: &[
            "Invalid CORS request",
            "Origin header value",
            "origin is not allowed",
        ],
        explain: origin_rejected,
    },
    Signature {
        codes: &[Code::LogUpstreamRefused],
        anchors: &[
            "while connecting to upstream",
            // Go's dialer, as Caddy's reverse_proxy logs it.
            "connect: connection refused",
        ],
        explain: upstream_refused,
    },
    Signature {
        codes: &[Code::LogUpstreamClosed],
        anchors: &["upstream prematurely closed connection"],
        explain: upstream_closed,
    },
    Signature {
        codes: &[Code::LogNoLiveUpstreams],
        anchors: &["no live upstreams"],
        explain: no_live_upstreams,
    },
    Signature {
        codes: &[Code::LogPkixPathBuilding],
        anchors: &[
            "PKIX path building failed",
            "unable to find valid certification path",
        ],
        explain: pkix,
    },
    Signature {
        codes: &[Code::LogCertUntrusted],
        anchors: &[
            "ERR_CERT_AUTHORITY_INVALID",
            "SEC_ERROR_UNKNOWN_ISSUER",
            "MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT",
            // The same refusal in the clients' own words: curl, Python's
            // ssl (websockets, requests, aiohttp), Node's tls (ws, fetch),
            // Go's crypto/x509.
            "SSL certificate problem: ",
            "CERTIFICATE_VERIFY_FAILED",
            "DEPTH_ZERO_SELF_SIGNED_CERT",
            "SELF_SIGNED_CERT_IN_CHAIN",
            "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
            "unable to verify the first certificate",
            "x509: certificate signed by unknown authority",
        ],
        explain: cert_untrusted,
    },
    Signature {
        codes: &[Code::LogKeystorePassword],
        anchors: &["password was incorrect", "Keystore was tampered with"],
        explain: keystore_password,
    },
    Signature {
        codes: &[Code::LogKeystoreAlias],
        anchors: &[
            "does not identify a key entry",
            "does not contain alias",
            "does not contain specified alias",
        ],
        explain: keystore_alias,
    },
    Signature {
        codes: &[Code::LogCertificateFileMissing],
        anchors: &[
            "java.io.FileNotFoundException: ",
            "cannot load certificate",
            "does not exist or is empty",
        ],
        explain: certificate_file_missing,
    },
    Signature {
        codes: &[Code::LogKeyMismatch],
        anchors: &["key values mismatch", "AH02565"],
        explain: key_mismatch,
    },
    Signature {
        codes: &[Code::LogNoServerCertificate],
        anchors: &[
            "No available certificate or key corresponds to the SSL cipher suites which are enabled",
            // JDK 17, as a JSSE server printed it in the tests: over TLS 1.3,
            // and over TLS 1.2 (which also says it when no suite is shared).
            "SSLHandshakeException: No available authentication scheme",
            "SSLHandshakeException: no cipher suites in common",
        ],
        explain: no_server_certificate,
    },
    Signature {
        codes: &[Code::LogTlsHandshakeFailed],
        anchors: &[
            "SSL_do_handshake() failed",
            "ERR_SSL_PROTOCOL_ERROR",
            "SSL_ERROR_RX_RECORD_TOO_LONG",
            // HAProxy's log, the same line for every cause.
            ": SSL handshake failure",
        ],
        explain: tls_handshake_failed,
    },
    Signature {
        codes: &[Code::LogProxyAuthRequired, Code::LogProxyTunnelRefused],
        anchors: &[
            // Java's HttpsURLConnection, java.net.http, curl, Squid's
            // access log, Node's clients: each with the proxy's status.
            "Unable to tunnel through proxy. Proxy returns \"HTTP/1.1 ",
            "Tunnel failed, got: ",
            "CONNECT tunnel failed, response ",
            "TCP_DENIED/407 ",
            "TCP_DENIED/403 ",
            // Node: undici's ProxyAgent, the `tunnel` package, and `ws` with
            // https-proxy-agent (whose words name only the status: a 407
            // is a proxy's).
            "!== 200 when HTTP Tunneling",
            "tunneling socket could not be established, statusCode=",
            "Unexpected server response: 407",
            // Python's websockets (15 and later).
            "proxy rejected connection: HTTP ",
            // Chromium's console, which gives no status.
            "Establishing a tunnel via proxy server failed",
        ],
        explain: proxy_tunnel,
    },
    Signature {
        codes: &[Code::LogProxyUnreachable],
        anchors: &["ERR_PROXY_CONNECTION_FAILED"],
        explain: proxy_unreachable,
    },
    Signature {
        codes: &[Code::LogMixedContent],
        anchors: &[
            "Mixed Content:",
            // What `new WebSocket("ws://…")` throws on an https page, as the
            // browsers wrote it in the tests (Chromium 156, Firefox 153).
            "An insecure WebSocket connection may not be initiated from a page loaded over HTTPS",
            "SecurityError: The operation is insecure",
        ],
        explain: mixed_content,
    },
    Signature {
        codes: &[Code::LogCorsBlocked],
        anchors: &["blocked by CORS policy", "Cross-Origin Request Blocked"],
        explain: cors_blocked,
    },
    Signature {
        codes: &[Code::LogWsUnexpectedStatus],
        anchors: &["Unexpected response code"],
        explain: ws_unexpected_status,
    },
    Signature {
        codes: &[Code::LogWsConnectionFailed],
        anchors: &[
            "WebSocket connection to",
            "can’t establish a connection to the server at",
            "can't establish a connection to the server at",
        ],
        explain: ws_connection_failed,
    },
];

fn tls_on_plain_port(line: &str) -> Option<Explained> {
    let client = if line.contains("plaintext connection?") {
        Some("java-client")
    } else if line.contains("wrong version number") {
        Some("openssl-client")
    } else if line.contains("does not look like a TLS handshake") {
        Some("go-client")
    } else {
        None
    };
    if let Some(client) = client {
        return Some(explained(
            Finding::error(Code::LogTlsOnPlainPort).with("source", client),
            "client",
            first_url(line),
        ));
    }
    let (server, bytes) = if line.contains("method names must be tokens") {
        ("tomcat", bracketed(line).map(bytes::from_tomcat))
    } else if line.contains("client sent invalid") {
        (
            "nginx",
            Some(bytes::from_nginx(line)).filter(|b| !b.is_empty()),
        )
    } else if line.contains("HPE_INVALID_METHOD") {
        ("node", None)
    } else if line.contains("Invalid HTTP request received.") {
        ("uvicorn", None)
    } else if line.contains("Invalid method encountered") {
        ("aiohttp", None)
    } else if line.contains("Illegal character 0x16") || line.contains("CNTL=0x16") {
        ("jetty", None)
    } else {
        // An access log's request field, as nginx and Apache write it.
        (
            "access-log",
            Some(bytes::from_nginx(line)).filter(|b| !b.is_empty()),
        )
    };
    let sent = bytes.as_deref().map(|bytes| (Sent::of(bytes), bytes));
    let tls = |versions| {
        let finding = Finding::error(Code::LogTlsOnPlainPort)
            .with("source", "server")
            .with("server", server);
        client_hello(finding, versions)
    };
    let finding = match sent {
        // Without the bytes (Node, uvicorn, aiohttp, Jetty) the anchor itself is the
        // TLS record's first byte, 0x16.
        None => tls(None),
        Some((
            Sent::Tls {
                record_minor,
                hello_minor,
            },
            _,
        )) => tls(Some((record_minor, hello_minor))),
        Some((Sent::Http2, _)) => {
            Finding::error(Code::LogPriorKnowledgePreface).with("server", server)
        }
        Some((other, bytes)) => Finding::warning(Code::LogPortProbed)
            .with("server", server)
            .with("sent", other.as_str())
            .with("bytes", hex(bytes)),
    };
    let variant = format!("{server}-{}", sent.map_or("tls", |(sent, _)| sent.as_str()));
    Some(explained(finding, &variant, None))
}

/// The first bytes as `0x05 0x01 0x00`, as the findings quote them.
fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .take(16)
        .map(|byte| format!("0x{byte:02x}"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn invalid_request_target(line: &str) -> Option<Explained> {
    let target = bracketed(line).unwrap_or_default();
    Some(explained(
        Finding::error(Code::LogInvalidRequestTarget).with("target", target),
        "",
        None,
    ))
}

fn plain_on_tls_port(line: &str) -> Option<Explained> {
    let server = if line.contains("NotSslRecordException") {
        "netty"
    } else if line.contains("Unsupported or unrecognized SSL message") {
        "jsse"
    } else if line.contains("SSL-enabled server port") || line.contains("HTTP spoken on HTTPS port")
    {
        "apache"
    } else if line.contains("combination of host and port") {
        "tomcat"
    } else if line.contains("HTTP request to an HTTPS server") {
        "go"
    } else if line.contains("http request") {
        "openssl"
    } else {
        "nginx"
    };
    Some(explained(
        Finding::error(Code::LogPlainOnTlsPort).with("server", server),
        server,
        first_url(line),
    ))
}

fn upgrade_header_missing(line: &str) -> Option<Explained> {
    Some(explained(
        Finding::error(Code::LogUpgradeHeaderMissing),
        "",
        first_url(line),
    ))
}

fn origin_rejected(line: &str) -> Option<Explained> {
    let origin = quoted_after(line, "Origin header value").or_else(|| first_url(line));
    let variant = origin.clone().unwrap_or_default();
    let mut finding = Finding::error(Code::LogOriginRejected);
    if let Some(origin) = origin {
        finding = finding.with("origin", origin);
    }
    Some(explained(finding, &variant, None))
}

fn upstream_refused(line: &str) -> Option<Explained> {
    // nginx: connect() failed (111: Connection refused) while connecting to
    //        upstream, …, upstream: "http://127.0.0.1:9/ws", …
    // Caddy: "msg":"dial tcp 127.0.0.1:9: connect: connection refused"
    let (proxy, upstream) = if line.contains("connect() failed") {
        (
            "nginx",
            quoted_after(line, "upstream: ").unwrap_or_default(),
        )
    } else {
        let dialed = line.split_once("dial tcp ")?.1;
        let address = dialed.split_once(": connect:")?.0;
        ("caddy", address.to_owned())
    };
    Some(explained(
        Finding::error(Code::LogUpstreamRefused)
            .with("proxy", proxy)
            .with("upstream", upstream.as_str()),
        &format!("{proxy}-{upstream}"),
        None,
    ))
}

fn upstream_closed(_: &str) -> Option<Explained> {
    Some(explained(Finding::error(Code::LogUpstreamClosed), "", None))
}

fn no_live_upstreams(_: &str) -> Option<Explained> {
    Some(explained(
        Finding::error(Code::LogNoLiveUpstreams),
        "",
        None,
    ))
}

fn pkix(_: &str) -> Option<Explained> {
    Some(explained(
        Finding::error(Code::LogPkixPathBuilding),
        "",
        None,
    ))
}

fn cert_untrusted(line: &str) -> Option<Explained> {
    let client = if line.contains("SSL certificate problem") {
        "curl"
    } else if line.contains("CERTIFICATE_VERIFY_FAILED") {
        "python"
    } else if [
        "SELF_SIGNED_CERT",
        "UNABLE_TO_VERIFY_LEAF",
        "verify the first certificate",
    ]
    .iter()
    .any(|words| line.contains(words))
    {
        "node"
    } else if line.contains("x509: certificate signed by unknown authority") {
        "go"
    } else {
        "browser"
    };
    Some(explained(
        Finding::error(Code::LogCertUntrusted).with("client", client),
        client,
        first_url(line),
    ))
}

fn keystore_password(_: &str) -> Option<Explained> {
    Some(explained(
        Finding::error(Code::LogKeystorePassword),
        "",
        None,
    ))
}

fn keystore_alias(line: &str) -> Option<Explained> {
    // Tomcat (Spring Boot 3.5, 4.0): "Alias name [server] does not identify
    // a key entry"; older wordings: "does not contain alias 'server'".
    let alias = quoted_after(line, "Alias")
        .or_else(|| quoted_after(line, "alias"))
        .unwrap_or_default();
    Some(explained(
        Finding::error(Code::LogKeystoreAlias).with("alias", alias.as_str()),
        &alias,
        None,
    ))
}

fn certificate_file_missing(line: &str) -> Option<Explained> {
    // Java:   java.io.FileNotFoundException: fix/server.p12 (No such file or directory)
    // nginx:  cannot load certificate "/etc/x.pem": BIO_new_file() failed (…No such file or directory…)
    // Apache: SSLCertificateFile: file '/etc/x.pem' does not exist or is empty
    let (server, path, reason) = if let Some(at) = line.find("java.io.FileNotFoundException: ") {
        let rest = &line[at + "java.io.FileNotFoundException: ".len()..];
        let (path, reason) = rest.split_once(" (")?;
        (
            "java",
            path.to_owned(),
            reason.trim_end().trim_end_matches(')').to_owned(),
        )
    } else if line.contains("cannot load certificate") {
        let path = quoted_after(line, "cannot load certificate")?;
        let reason = ["No such file or directory", "Permission denied"]
            .into_iter()
            .find(|reason| line.contains(reason))
            .unwrap_or("BIO_new_file() failed");
        ("nginx", path, reason.to_owned())
    } else {
        let path = quoted_after(line, "file")?;
        ("apache", path, "does not exist or is empty".to_owned())
    };
    Some(explained(
        Finding::error(Code::LogCertificateFileMissing)
            .with("server", server)
            .with("path", path.as_str())
            .with("reason", reason.as_str()),
        &path,
        None,
    ))
}

fn key_mismatch(line: &str) -> Option<Explained> {
    // nginx:  SSL_CTX_use_PrivateKey("/etc/k.pem") failed (SSL: … key values mismatch)
    // Apache: AH02565: Certificate and private key … from /etc/c.pem and /etc/k.pem do not match
    let (server, key) = if line.contains("key values mismatch") {
        (
            "nginx",
            quoted_after(line, "SSL_CTX_use_PrivateKey").unwrap_or_default(),
        )
    } else {
        let files = line.split_once(" from ")?.1;
        let key = files
            .split_once(" and ")?
            .1
            .trim_end_matches(" do not match");
        ("apache", key.trim().to_owned())
    };
    Some(explained(
        Finding::error(Code::LogKeyMismatch)
            .with("server", server)
            .with("key", key.as_str()),
        &key,
        None,
    ))
}

fn no_server_certificate(_: &str) -> Option<Explained> {
    Some(explained(
        Finding::error(Code::LogNoServerCertificate),
        "",
        None,
    ))
}

fn tls_handshake_failed(line: &str) -> Option<Explained> {
    let source = if line.contains("ERR_SSL_PROTOCOL_ERROR")
        || line.contains("SSL_ERROR_RX_RECORD_TOO_LONG")
    {
        "browser"
    } else if line.contains(": SSL handshake failure") {
        "haproxy"
    } else {
        "nginx"
    };
    Some(explained(
        Finding::error(Code::LogTlsHandshakeFailed).with("source", source),
        source,
        first_url(line),
    ))
}

fn proxy_tunnel(line: &str) -> Option<Explained> {
    if line.contains("Establishing a tunnel via proxy server failed") {
        return Some(explained(
            Finding::error(Code::LogProxyTunnelRefused)
                .with("client", "browser")
                .with("has_status", "no")
                .with("authority", first_url(line).unwrap_or_default())
                .with("has_authority", "yes"),
            "browser",
            first_url(line),
        ));
    }
    let (client, after) = [
        ("java", "Proxy returns \"HTTP/1.1 "),
        ("java", "Tunnel failed, got: "),
        ("curl", "CONNECT tunnel failed, response "),
        ("squid", "TCP_DENIED/"),
        ("node", "Proxy response ("),
        ("node", "statusCode="),
        ("node", "Unexpected server response: "),
        ("python", "proxy rejected connection: HTTP "),
    ]
    .into_iter()
    .find_map(|(client, marker)| Some((client, &line[line.find(marker)? + marker.len()..])))?;
    let status: u16 = after.get(..3)?.parse().ok()?;
    // Squid's access log names the destination: `CONNECT host:port`.
    let authority = line
        .split_once(" CONNECT ")
        .and_then(|(_, rest)| rest.split_whitespace().next())
        .unwrap_or_default();
    let finding = if status == 407 {
        Finding::error(Code::LogProxyAuthRequired)
    } else {
        Finding::error(Code::LogProxyTunnelRefused)
            .with("status", status)
            .with("has_status", "yes")
    };
    Some(explained(
        finding
            .with("client", client)
            .with("authority", authority)
            .with(
                "has_authority",
                if authority.is_empty() { "no" } else { "yes" },
            ),
        &format!("{client}-{status}"),
        None,
    ))
}

fn proxy_unreachable(line: &str) -> Option<Explained> {
    Some(explained(
        Finding::error(Code::LogProxyUnreachable),
        "",
        first_url(line),
    ))
}

fn mixed_content(line: &str) -> Option<Explained> {
    let url = first_insecure_url(line);
    let said = if line.contains("The operation is insecure") {
        "firefox-exception"
    } else if line.contains("may not be initiated") {
        "chromium-exception"
    } else {
        "console"
    };
    let mut finding = Finding::error(Code::LogMixedContent).with("said", said);
    if let Some(url) = &url {
        finding = finding.with("url", url);
    }
    Some(explained(
        finding,
        url.as_deref().unwrap_or_default(),
        url.as_deref().map(|u| {
            u.replacen("ws://", "wss://", 1)
                .replacen("http://", "https://", 1)
        }),
    ))
}

fn cors_blocked(line: &str) -> Option<Explained> {
    let origin = quoted_after(line, "from origin");
    let mut finding = Finding::error(Code::LogCorsBlocked);
    if let Some(origin) = &origin {
        finding = finding.with("origin", origin);
    }
    Some(explained(
        finding,
        origin.as_deref().unwrap_or_default(),
        first_url(line),
    ))
}

fn ws_unexpected_status(line: &str) -> Option<Explained> {
    static STATUS: OnceLock<Option<Regex>> = OnceLock::new();
    let status: u16 = STATUS
        .get_or_init(|| Regex::new(r"Unexpected response code: (\d{3})").ok())
        .as_ref()?
        .captures(line)?
        .get(1)?
        .as_str()
        .parse()
        .ok()?;
    Some(explained(
        Finding::error(Code::LogWsUnexpectedStatus).with("status", status),
        &status.to_string(),
        first_url(line),
    ))
}

fn ws_connection_failed(line: &str) -> Option<Explained> {
    // The line with a response code is the more specific signature.
    if line.contains("Unexpected response code") {
        return None;
    }
    let url = first_url(line);
    let mut finding = Finding::error(Code::LogWsConnectionFailed);
    if let Some(url) = &url {
        finding = finding.with("url", url);
    }
    // Chromium ends its line with the network error (the certificate and
    // TLS ones have signatures of their own); Firefox 153 prints one line
    // for every failure, naming no cause.
    let net_error = line
        .split_whitespace()
        .find(|word| word.starts_with("net::ERR_"))
        .map(|word| {
            word.trim_start_matches("net::")
                .trim_end_matches(['.', ',', '\'', '"'])
        });
    finding = match net_error {
        Some(error) => finding.with("said", "net-error").with("net_error", error),
        None if line.contains("establish a connection to the server at") => {
            finding.with("said", "firefox")
        }
        None => finding.with("said", "other"),
    };
    Some(explained(
        finding,
        url.as_deref().unwrap_or_default(),
        url.clone(),
    ))
}

fn explained(finding: Finding, variant: &str, diagnose: Option<String>) -> Explained {
    Explained {
        finding,
        variant: variant.to_owned(),
        diagnose,
    }
}

/// The text between the first `[` and the next `]`.
fn bracketed(line: &str) -> Option<&str> {
    let start = line.find('[')? + 1;
    let end = start + line[start..].find(']')?;
    Some(&line[start..end])
}

/// The first `'…'`, `"…"`, `[…]` or `<…>` string after `marker`.
fn quoted_after(line: &str, marker: &str) -> Option<String> {
    let rest = &line[line.find(marker)? + marker.len()..];
    let open = rest.find(['\'', '"', '[', '<'])?;
    let close_char = match rest.as_bytes()[open] {
        b'[' => ']',
        b'<' => '>',
        b'"' => '"',
        _ => '\'',
    };
    let value = &rest[open + 1..];
    Some(value[..value.find(close_char)?].to_owned())
}

/// The first ws://, wss://, http:// or https:// URL on the line.
fn first_url(line: &str) -> Option<String> {
    url_matching(line, &["wss://", "ws://", "https://", "http://"])
}

fn first_insecure_url(line: &str) -> Option<String> {
    // Mixed-content lines name the secure page first; the insecure endpoint
    // is the one that matters.
    url_matching(line, &["ws://", "http://"])
}

fn url_matching(line: &str, schemes: &[&str]) -> Option<String> {
    let start = schemes.iter().filter_map(|s| line.find(s)).min()?;
    let url: String = line[start..]
        .chars()
        .take_while(|c| !c.is_whitespace() && !matches!(c, '\'' | '"' | ')' | '>' | ','))
        .collect();
    Some(url.trim_end_matches(['.', ';']).to_owned())
}

/// The facts of the TLS bytes a server printed: the record header, its
/// version, and the version the ClientHello offers (`decoded`: hello,
/// record, or none when the server printed no bytes).
fn client_hello(finding: Finding, versions: Option<(u8, Option<u8>)>) -> Finding {
    let Some((record_minor, hello_minor)) = versions else {
        return finding.with("decoded", "none");
    };
    let finding = finding
        .with("record", format!("0x16 0x03 0x{record_minor:02x}"))
        .with("record_version", tls_version(record_minor));
    match hello_minor {
        Some(minor) => finding
            .with("decoded", "hello")
            .with("hello_version", tls_version(minor)),
        None => finding.with("decoded", "record"),
    }
}

fn tls_version(minor: u8) -> &'static str {
    match minor {
        0 => "SSL 3.0",
        1 => "TLS 1.0",
        2 => "TLS 1.1",
        3 => "TLS 1.2",
        4 => "TLS 1.3",
        _ => "unknown",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Language;
    use crate::logs::explain_text;

    fn only(text: &str) -> crate::logs::LogFinding {
        let report = explain_text(text);
        assert_eq!(report.findings.len(), 1, "{text}: {:#?}", report.findings);
        report
            .findings
            .into_iter()
            .next()
            .unwrap_or_else(|| unreachable!())
    }

    #[test]
    fn fewer_signatures_than_the_scanner_tracks() {
        assert!(SIGNATURES.len() < 64);
    }

    #[test]
    fn tomcat_method_name_bytes_are_decoded() {
        // Tomcat 10.1's wording (Http11InputBuffer.parseRequestLine).
        let found = only(
            "java.lang.IllegalArgumentException: Invalid character found in method name [0x160x030x010x020x000x010x000x010xfc0x030x03...]. HTTP method names must be tokens",
        );
        assert_eq!(found.finding.code, Code::LogTlsOnPlainPort);
        let facts = &found.finding.facts;
        assert_eq!(facts.text("record"), Some("0x16 0x03 0x01"));
        assert_eq!(facts.text("record_version"), Some("TLS 1.0"));
        assert_eq!(facts.text("hello_version"), Some("TLS 1.2"));
        let words = found.finding.words(Language::En).explanation;
        assert!(words.contains("record version TLS 1.0"), "{words}");
        assert!(words.contains("ClientHello offering TLS 1.2"), "{words}");
        assert!(words.starts_with("Tomcat"), "{words}");
        let korean = found.finding.words(Language::Ko).explanation;
        assert!(korean.contains("TLS 1.2"), "{korean}");
    }

    #[test]
    // nginx 1.22 (captured for real in tests/it/nginx.rs), Jetty 11's
    // HttpParser and Node's llhttp, as they print them.
    fn nginx_and_jetty_and_node_wordings() {
        for (line, server) in [
            (
                "2026/11/25 10:00:00 [info] 12#12: *1 client sent invalid method while reading client request line, client: 127.0.0.1, server: _, request: \"\x16\x03\x01\"",
                "nginx",
            ),
            (
                // An access log: nginx's and Apache's read the same.
                "127.0.0.1 - - [25/Nov/2026:10:00:00 +0000] \"\\x16\\x03\\x01\\x02\\x00\\x01\\x00\\x01\\xFC\\x03\\x03\" 400 157 \"-\" \"-\"",
                "access-log",
            ),
            (
                "WARN:oejh.HttpParser:qtp1-14: Illegal character 0x16 in state=START for buffer HeapByteBuffer",
                "jetty",
            ),
            (
                "Error: Parse Error: Invalid method encountered { code: 'HPE_INVALID_METHOD' }",
                "node",
            ),
        ] {
            let found = only(line);
            assert_eq!(found.finding.code, Code::LogTlsOnPlainPort, "{line}");
            assert_eq!(found.finding.facts.text("server"), Some(server), "{line}");
        }
    }

    #[test]
    fn request_target_variant() {
        let found = only(
            "java.lang.IllegalArgumentException: Invalid character found in the request target [/api/search?q={x}]. The valid characters are defined in RFC 7230 and RFC 3986",
        );
        assert_eq!(found.finding.code, Code::LogInvalidRequestTarget);
        assert_eq!(
            found.finding.facts.text("target"),
            Some("/api/search?q={x}")
        );
        assert!(
            found
                .finding
                .words(Language::En)
                .explanation
                .contains("“/api/search?q={x}”: characters such as | { } [ ]")
        );
    }

    #[test]
    fn plain_on_tls_wordings() {
        for line in [
            "2026/11/25 10:00:00 [info] 7#7: *3 client sent plain HTTP request to HTTPS port while reading client request headers",
            "<html><head><title>400 The plain HTTP request was sent to HTTPS port</title></head>",
            "io.netty.handler.ssl.NotSslRecordException: not an SSL/TLS record: 474554202f20485454502f312e310d0a",
            "javax.net.ssl.SSLException: Unsupported or unrecognized SSL message",
            "[ssl:info] AH02261: Re-negotiation handshake failed: You're speaking plain HTTP to an SSL-enabled server port.",
            // Apache httpd 2.4's mod_ssl (also captured from the real server in tests/it/apache.rs).
            "[ssl:info] [pid 1:tid 2] [client 127.0.0.1:58994] AH01996: SSL handshake failed: HTTP spoken on HTTPS port; trying to send HTML error page",
        ] {
            assert_eq!(only(line).finding.code, Code::LogPlainOnTlsPort, "{line}");
        }
    }

    #[test]
    // Spring Framework 6's documented wording (DefaultHandshakeHandler,
    // OriginHandshakeInterceptor, DefaultCorsProcessor): Spring does not run here.
    fn spring_upgrade_and_origin() {
        let found = only(
            "o.s.w.s.s.s.DefaultHandshakeHandler : Handshake failed due to invalid Upgrade header: null",
        );
        assert_eq!(found.finding.code, Code::LogUpgradeHeaderMissing);
        let found = only(
            "o.s.w.s.s.s.OriginHandshakeInterceptor : Handshake request rejected, Origin header value https://evil.example not allowed",
        );
        assert_eq!(found.finding.code, Code::LogOriginRejected);
        assert_eq!(only("o.s.web.cors.DefaultCorsProcessor : Reject: 'https://app.example' origin is not allowed").finding.code, Code::LogOriginRejected);
    }

    #[test]
    fn nginx_upstream_problems() {
        let found = only(
            "2026/11/25 10:00:00 [error] 7#7: *5 connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, server: _, request: \"GET /ws HTTP/1.1\", upstream: \"http://127.0.0.1:8080/ws\", host: \"localhost\"",
        );
        assert_eq!(found.finding.code, Code::LogUpstreamRefused);
        assert_eq!(
            found.finding.facts.text("upstream"),
            Some("http://127.0.0.1:8080/ws")
        );
        assert_eq!(only("[error] 7#7: *9 upstream prematurely closed connection while reading response header from upstream").finding.code, Code::LogUpstreamClosed);
        assert_eq!(
            only(
                "[error] 7#7: *9 no live upstreams while connecting to upstream, client: 127.0.0.1"
            )
            .finding
            .code,
            Code::LogNoLiveUpstreams
        );
        assert_eq!(only("[info] 7#7: *2 SSL_do_handshake() failed (SSL: error:0A00006C:SSL routines::bad key share) while SSL handshaking").finding.code, Code::LogTlsHandshakeFailed);
    }

    #[test]
    // JDK 17 wording; keytool's and JSSE's are also captured for real in
    // tests/it/logs_real.rs. Spring Boot's alias message is its documented one.
    fn java_keystore_and_trust() {
        assert_eq!(only("Caused by: sun.security.validator.ValidatorException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target").finding.code, Code::LogPkixPathBuilding);
        assert_eq!(
            only("Caused by: java.io.IOException: keystore password was incorrect")
                .finding
                .code,
            Code::LogKeystorePassword
        );
        assert_eq!(
            only("java.io.IOException: Keystore was tampered with, or password was incorrect")
                .finding
                .code,
            Code::LogKeystorePassword
        );
        let found =
            only("java.lang.IllegalStateException: Keystore does not contain alias 'tomcat'");
        assert_eq!(found.finding.code, Code::LogKeystoreAlias);
        assert!(
            found
                .finding
                .words(Language::En)
                .explanation
                .contains("“tomcat”")
        );
        let alias = |line: &str| {
            let found = only(line);
            assert_eq!(found.finding.code, Code::LogKeystoreAlias, "{line}");
            found.finding.words(Language::En).explanation
        };
        assert!(
            alias(
                "keytool error: java.lang.Exception: Alias <server> does not identify a key entry"
            )
            .contains("“server”")
        );
        // Spring Boot 3.5 and 4.0 (embedded Tomcat), for a missing alias and
        // for one holding only a certificate alike.
        assert!(
            alias(
                "Caused by: java.io.IOException: Alias name [other] does not identify a key entry"
            )
            .contains("“other”")
        );
        assert_eq!(only("javax.net.ssl.SSLHandshakeException: No available certificate or key corresponds to the SSL cipher suites which are enabled.").finding.code, Code::LogNoServerCertificate);
    }

    #[test]
    // Chrome's and Firefox's console wording, as documented by the browsers:
    // no browser runs a page against these endpoints here.
    fn browser_consoles() {
        let found = only(
            "Mixed Content: The page at 'https://app.example.com/' was loaded over HTTPS, but attempted to connect to the insecure WebSocket endpoint 'ws://api.example.com:8080/ws'. This request has been blocked; this endpoint must be available over WSS.",
        );
        assert_eq!(found.finding.code, Code::LogMixedContent);
        assert_eq!(
            found.diagnose.as_deref(),
            Some("wss://api.example.com:8080/ws")
        );

        let found = only(
            "WebSocket connection to 'wss://api.example.com/ws' failed: Error during WebSocket handshake: Unexpected response code: 404",
        );
        assert_eq!(found.finding.code, Code::LogWsUnexpectedStatus);
        assert_eq!(
            found.finding.words(Language::En).title,
            "The WebSocket upgrade was answered 404"
        );
        assert_eq!(
            found.finding.words(Language::Ko).title,
            "WebSocket 업그레이드 응답이 404입니다"
        );
        assert_eq!(found.diagnose.as_deref(), Some("wss://api.example.com/ws"));

        let found = only("WebSocket connection to 'wss://localhost:8443/ws' failed: ");
        assert_eq!(found.finding.code, Code::LogWsConnectionFailed);
        assert_eq!(
            only("Firefox can’t establish a connection to the server at wss://localhost:8443/ws.")
                .diagnose
                .as_deref(),
            Some("wss://localhost:8443/ws")
        );
        assert_eq!(
            only("GET https://localhost:8443/ws net::ERR_CERT_AUTHORITY_INVALID")
                .finding
                .code,
            Code::LogCertUntrusted
        );
        assert_eq!(
            only("GET https://localhost:8080/ net::ERR_SSL_PROTOCOL_ERROR")
                .finding
                .code,
            Code::LogTlsHandshakeFailed
        );
        let found = only(
            "Access to fetch at 'https://api.example.com/v1' from origin 'https://app.example.com' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.",
        );
        assert_eq!(found.finding.code, Code::LogCorsBlocked);
        assert_eq!(
            found.finding.facts.text("origin"),
            Some("https://app.example.com")
        );
    }
}
