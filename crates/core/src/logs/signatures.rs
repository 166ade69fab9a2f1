//! The catalogue of log messages Handshake recognises: one [`Signature`] per
//! root cause, registered once in [`SIGNATURES`], with the exact text the
//! real program prints in the tests below each.

use std::sync::OnceLock;

use regex::Regex;

use super::{Explained, Signature};
use crate::finding::{Code, Finding, Severity};

/// Every signature, in the order they are tried on a line.
pub static SIGNATURES: &[Signature] = &[
    Signature {
        code: Code::LogTlsOnPlainPort,
        anchors: &[
            "HTTP method names must be tokens",
            "client sent invalid method",
            "Illegal character 0x16",
            "CNTL=0x16",
            "HPE_INVALID_METHOD",
            "\"\\x16\\x03",
            // What the TLS client says: Java's JSSE, and OpenSSL (curl).
            "Unrecognized SSL message, plaintext connection?",
            "wrong version number",
        ],
        explain: tls_on_plain_port,
    },
    Signature {
        code: Code::LogInvalidRequestTarget,
        anchors: &["Invalid character found in the request target"],
        explain: invalid_request_target,
    },
    Signature {
        code: Code::LogPlainOnTlsPort,
        anchors: &[
            "plain HTTP request to HTTPS port",
            "plain HTTP request was sent to HTTPS port",
            "NotSslRecordException",
            "Unsupported or unrecognized SSL message",
            "speaking plain HTTP to an SSL-enabled server port",
            "HTTP spoken on HTTPS port",
            "This combination of host and port requires TLS",
            "Client sent an HTTP request to an HTTPS server",
        ],
        explain: plain_on_tls_port,
    },
    Signature {
        code: Code::LogUpgradeHeaderMissing,
        anchors: &[
            "invalid Upgrade header",
            "Invalid 'Upgrade' header",
            "Can \"Upgrade\" only to \"WebSocket\"",
        ],
        explain: upgrade_header_missing,
    },
    Signature {
        code: Code::LogOriginRejected,
        anchors: &[
            "Invalid CORS request",
            "Origin header value",
            "origin is not allowed",
        ],
        explain: origin_rejected,
    },
    Signature {
        code: Code::LogUpstreamRefused,
        anchors: &["while connecting to upstream"],
        explain: upstream_refused,
    },
    Signature {
        code: Code::LogUpstreamClosed,
        anchors: &["upstream prematurely closed connection"],
        explain: upstream_closed,
    },
    Signature {
        code: Code::LogNoLiveUpstreams,
        anchors: &["no live upstreams"],
        explain: no_live_upstreams,
    },
    Signature {
        code: Code::LogPkixPathBuilding,
        anchors: &[
            "PKIX path building failed",
            "unable to find valid certification path",
        ],
        explain: pkix,
    },
    Signature {
        code: Code::LogCertUntrusted,
        anchors: &[
            "ERR_CERT_AUTHORITY_INVALID",
            "SEC_ERROR_UNKNOWN_ISSUER",
            "MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT",
        ],
        explain: cert_untrusted,
    },
    Signature {
        code: Code::LogKeystorePassword,
        anchors: &["password was incorrect", "Keystore was tampered with"],
        explain: keystore_password,
    },
    Signature {
        code: Code::LogKeystoreAlias,
        anchors: &[
            "does not identify a key entry",
            "does not contain alias",
            "does not contain specified alias",
        ],
        explain: keystore_alias,
    },
    Signature {
        code: Code::LogNoServerCertificate,
        anchors: &[
            "No available certificate or key corresponds to the SSL cipher suites which are enabled",
        ],
        explain: no_server_certificate,
    },
    Signature {
        code: Code::LogTlsHandshakeFailed,
        anchors: &[
            "SSL_do_handshake() failed",
            "ERR_SSL_PROTOCOL_ERROR",
            "SSL_ERROR_RX_RECORD_TOO_LONG",
        ],
        explain: tls_handshake_failed,
    },
    Signature {
        code: Code::LogMixedContent,
        anchors: &["Mixed Content:"],
        explain: mixed_content,
    },
    Signature {
        code: Code::LogCorsBlocked,
        anchors: &["blocked by CORS policy", "Cross-Origin Request Blocked"],
        explain: cors_blocked,
    },
    Signature {
        code: Code::LogWsUnexpectedStatus,
        anchors: &["Unexpected response code"],
        explain: ws_unexpected_status,
    },
    Signature {
        code: Code::LogWsConnectionFailed,
        anchors: &[
            "WebSocket connection to",
            "can’t establish a connection to the server at",
            "can't establish a connection to the server at",
        ],
        explain: ws_connection_failed,
    },
];

const FIX_TLS: &str = "Either make the client use the plain scheme (ws://, http://) on this port, or enable TLS on the server: `handshake keystore` and `handshake generate spring`, or Nginx in front (`handshake generate nginx`).";

fn tls_on_plain_port(line: &str) -> Option<Explained> {
    if line.contains("plaintext connection?") || line.contains("wrong version number") {
        let client = if line.contains("plaintext") {
            "A Java client"
        } else {
            "An OpenSSL-based client (curl, openssl s_client)"
        };
        return Some(explained(
            Code::LogTlsOnPlainPort,
            Severity::Error,
            "A TLS client connected to a plain HTTP port",
            format!(
                "{client} started a TLS handshake and got plain text back (an HTTP error answer): the port speaks plain HTTP, but the URL says https:// or wss://."
            ),
            FIX_TLS,
            "client",
            first_url(line),
        ));
    }
    let bytes = bracketed(line).map(decode_tomcat_bytes).unwrap_or_default();
    let hello = describe_client_hello(&bytes);
    let server = if line.contains("method names must be tokens") {
        "Tomcat's HTTP connector"
    } else if line.contains("client sent invalid method") || line.contains("\\x16\\x03") {
        "nginx"
    } else if line.contains("HPE_INVALID_METHOD") {
        "Node's HTTP server"
    } else {
        "Jetty"
    };
    Some(explained(
        Code::LogTlsOnPlainPort,
        Severity::Error,
        "A TLS client connected to a plain HTTP port",
        format!(
            "{server} received the bytes of a TLS ClientHello where it expected an HTTP request line{hello}: a client used https:// or wss:// on a port that speaks plain HTTP."
        ),
        FIX_TLS,
        server,
        None,
    ))
}

fn invalid_request_target(line: &str) -> Option<Explained> {
    let target = bracketed(line).unwrap_or_default();
    Some(explained(
        Code::LogInvalidRequestTarget,
        Severity::Error,
        "A request URL has characters that must be percent-encoded",
        format!(
            "Tomcat refused the request target \"{target}\": characters such as | {{ }} [ ] and spaces must be percent-encoded (RFC 3986)."
        ),
        "Encode the query in the client (`encodeURIComponent` in JavaScript); or, if the client cannot change, allow them with Tomcat's `relaxedQueryChars`/`relaxedPathChars` connector attributes (Spring Boot: a `WebServerFactoryCustomizer`).",
        "",
        None,
    ))
}

fn plain_on_tls_port(line: &str) -> Option<Explained> {
    let server = if line.contains("NotSslRecordException") {
        "Netty"
    } else if line.contains("Unsupported or unrecognized SSL message") {
        "Java (JSSE)"
    } else if line.contains("SSL-enabled server port") || line.contains("HTTP spoken on HTTPS port")
    {
        "Apache httpd"
    } else if line.contains("combination of host and port") {
        "Tomcat"
    } else if line.contains("HTTP request to an HTTPS server") {
        "Go's net/http"
    } else {
        "nginx"
    };
    Some(explained(
        Code::LogPlainOnTlsPort,
        Severity::Error,
        "A plain HTTP client connected to a TLS port",
        format!(
            "{server} received a plain HTTP request on a port that expects TLS: a client used http:// or ws:// where it should use https:// or wss://."
        ),
        "Make the client use https:// or wss:// for this port (in a browser, derive it from the page: `location.protocol === 'https:' ? 'wss:' : 'ws:'`). If plain HTTP must keep working, serve it on another port that redirects.",
        server,
        first_url(line),
    ))
}

fn upgrade_header_missing(line: &str) -> Option<Explained> {
    Some(explained(
        Code::LogUpgradeHeaderMissing,
        Severity::Error,
        "A WebSocket handshake arrived without its Upgrade header",
        "Spring refused a WebSocket handshake because the Upgrade header was missing (\"null\") or not \"websocket\": a reverse proxy in front forwards the request without the hop-by-hop Upgrade and Connection headers. Nginx does so by default (HTTP/1.0 to the upstream).",
        "In nginx: `proxy_http_version 1.1; proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection $connection_upgrade;` with the `map $http_upgrade $connection_upgrade` block — `handshake generate nginx` writes all of it.",
        "",
        first_url(line),
    ))
}

fn origin_rejected(line: &str) -> Option<Explained> {
    let origin = quoted_after(line, "Origin header value").or_else(|| first_url(line));
    let variant = origin.clone().unwrap_or_default();
    let who = origin
        .as_deref()
        .map_or_else(|| "a page".to_owned(), |o| format!("the page {o}"));
    Some(explained(
        Code::LogOriginRejected,
        Severity::Error,
        "A request was refused for its Origin",
        format!(
            "The server refused a WebSocket or CORS request from {who}: its origin is not in the allowed list (Spring allows only the same origin by default, and answers 403)."
        ),
        "Allow the page's origin: `registry.addHandler(…).setAllowedOrigins(\"https://app.example.com\")` (or `setAllowedOriginPatterns`) for WebSockets, `@CrossOrigin`/`CorsConfigurationSource` for REST.",
        &variant,
        None,
    ))
}

fn upstream_refused(line: &str) -> Option<Explained> {
    if !line.contains("connect() failed") {
        return None;
    }
    let upstream = quoted_after(line, "upstream: ").unwrap_or_default();
    Some(explained(
        Code::LogUpstreamRefused,
        Severity::Error,
        "Nginx cannot reach the application behind it",
        format!(
            "nginx's connection to its upstream {upstream} was refused: the application is not running, or listens on another port or address. Clients get 502 Bad Gateway."
        ),
        "Start the application, and check that `proxy_pass` names the address and port it listens on (Spring Boot: server.port and server.address).",
        &upstream,
        None,
    ))
}

fn upstream_closed(_: &str) -> Option<Explained> {
    Some(explained(
        Code::LogUpstreamClosed,
        Severity::Error,
        "The application closed the connection before answering nginx",
        "nginx's upstream closed the connection while nginx read its response. For WebSockets this is often the idle timeout: nginx closes a quiet socket after proxy_read_timeout (60 s by default), or the application crashed or restarted.",
        "For WebSocket locations raise `proxy_read_timeout` (e.g. 3600s) or send pings from one side; otherwise check the application's log at that time.",
        "",
        None,
    ))
}

fn no_live_upstreams(_: &str) -> Option<Explained> {
    Some(explained(
        Code::LogNoLiveUpstreams,
        Severity::Error,
        "Every upstream of nginx is marked down",
        "nginx has stopped sending to its upstream servers after repeated failures (max_fails): every request gets 502 until one recovers.",
        "Start the application servers; see the earlier \"connect() failed\" lines for why they failed.",
        "",
        None,
    ))
}

fn pkix(_: &str) -> Option<Explained> {
    Some(explained(
        Code::LogPkixPathBuilding,
        Severity::Error,
        "Java does not trust the server's certificate",
        "A Java client (or a Spring app calling another service) could not build a path from the server's certificate to a CA in its truststore: the certificate is self-signed, from a development CA, or the server omits its intermediate.",
        "Trust the CA in Java's truststore (`keytool -importcert -cacerts -file ca.pem -alias dev-ca`, or `handshake trust --java`), or have the server send its full chain. Run `handshake diagnose` on the URL to see which.",
        "",
        None,
    ))
}

fn cert_untrusted(line: &str) -> Option<Explained> {
    Some(explained(
        Code::LogCertUntrusted,
        Severity::Error,
        "The browser does not trust the server's certificate",
        "The browser rejected the certificate: it is self-signed or issued by a CA the browser does not trust (a development CA not yet installed).",
        "Install the development CA in the system and browser trust stores (`handshake trust`), or use a certificate from a public CA.",
        "",
        first_url(line),
    ))
}

fn keystore_password(_: &str) -> Option<Explained> {
    Some(explained(
        Code::LogKeystorePassword,
        Severity::Error,
        "The keystore password is wrong",
        "Java could not open the keystore: \"keystore password was incorrect\". Either server.ssl.key-store-password does not match, or the file is a PKCS12 written with AES/SHA-256 and the JDK is older than 8u301 / 11.0.12, which report this error for it.",
        "Check the password (`keytool -list -storetype PKCS12 -keystore FILE`); for an old JDK, make the keystore with the legacy option (`handshake keystore --legacy`).",
        "",
        None,
    ))
}

fn keystore_alias(line: &str) -> Option<Explained> {
    let alias = quoted_after(line, "alias").unwrap_or_default();
    Some(explained(
        Code::LogKeystoreAlias,
        Severity::Error,
        "The key alias is not in the keystore",
        format!(
            "server.ssl.key-alias names \"{alias}\", which the keystore lacks, or which holds only a certificate, not a private key."
        ),
        "List the aliases (`keytool -list -storetype PKCS12 -keystore FILE`) and set server.ssl.key-alias to the PrivateKeyEntry's alias.",
        &alias,
        None,
    ))
}

fn no_server_certificate(_: &str) -> Option<Explained> {
    Some(explained(
        Code::LogNoServerCertificate,
        Severity::Error,
        "The TLS server has no usable certificate",
        "Java's TLS server found no certificate and private key for the enabled cipher suites: the keystore has no PrivateKeyEntry under the configured alias, or its key type does not fit the ciphers.",
        "Check server.ssl.key-alias and the keystore (`keytool -list -v`); a keystore from `handshake keystore` has one PrivateKeyEntry with the full chain.",
        "",
        None,
    ))
}

fn tls_handshake_failed(line: &str) -> Option<Explained> {
    let browser =
        line.contains("ERR_SSL_PROTOCOL_ERROR") || line.contains("SSL_ERROR_RX_RECORD_TOO_LONG");
    let explanation = if browser {
        "The browser's TLS handshake failed. The most common cause: the port speaks plain HTTP, so the browser received an HTTP answer instead of a TLS record (Firefox says SSL_ERROR_RX_RECORD_TOO_LONG)."
    } else {
        "nginx's TLS handshake with a client failed: the client offered no protocol version or cipher nginx accepts, sent something that is not TLS, or gave up."
    };
    Some(explained(
        Code::LogTlsHandshakeFailed,
        Severity::Error,
        "A TLS handshake failed",
        explanation,
        "Run `handshake diagnose` on the URL: it tells a plain HTTP port from a protocol or certificate problem.",
        if browser { "browser" } else { "nginx" },
        first_url(line),
    ))
}

fn mixed_content(line: &str) -> Option<Explained> {
    let url = first_insecure_url(line);
    Some(explained(
        Code::LogMixedContent,
        Severity::Error,
        "The browser blocked an insecure connection from an https page",
        format!(
            "The page was loaded over HTTPS but tried to reach {}: browsers block ws:// and http:// from secure pages (mixed content).",
            url.as_deref().unwrap_or("an unencrypted endpoint")
        ),
        "Serve the endpoint over TLS and connect with wss:// (derive the scheme from the page: `location.protocol === 'https:' ? 'wss:' : 'ws:'`).",
        url.as_deref().unwrap_or_default(),
        url.as_deref().map(|u| {
            u.replacen("ws://", "wss://", 1)
                .replacen("http://", "https://", 1)
        }),
    ))
}

fn cors_blocked(line: &str) -> Option<Explained> {
    let origin = quoted_after(line, "from origin");
    Some(explained(
        Code::LogCorsBlocked,
        Severity::Error,
        "The browser blocked a request by CORS policy",
        format!(
            "The server's answer did not allow the page's origin{}: without a matching Access-Control-Allow-Origin the browser hides the response.",
            origin
                .as_deref()
                .map(|o| format!(" ({o})"))
                .unwrap_or_default()
        ),
        "Allow the page's origin on the server (Spring: `@CrossOrigin` or a `CorsConfigurationSource`); `handshake diagnose URL --origin PAGE` shows the preflight's answer.",
        origin.as_deref().unwrap_or_default(),
        first_url(line),
    ))
}

fn ws_unexpected_status(line: &str) -> Option<Explained> {
    static STATUS: OnceLock<Option<Regex>> = OnceLock::new();
    let status = STATUS
        .get_or_init(|| Regex::new(r"Unexpected response code: (\d{3})").ok())
        .as_ref()?
        .captures(line)?
        .get(1)?
        .as_str()
        .to_owned();
    let why = match status.as_str() {
        "200" => {
            "the request reached something that ignored the Upgrade (a proxy that does not forward it, or a page instead of the endpoint)"
        }
        "400" => {
            "the server refused the upgrade itself, typically because a proxy dropped the Upgrade and Connection headers"
        }
        "401" => "the endpoint requires credentials",
        "403" => {
            "the server refused it, usually for its Origin (Spring allows the same origin only by default)"
        }
        "404" => "nothing is at that path",
        "502" | "503" | "504" => "a proxy could not reach the application behind it",
        _ => "the server did not switch protocols",
    };
    Some(explained(
        Code::LogWsUnexpectedStatus,
        Severity::Error,
        format!("The WebSocket upgrade was answered {status}"),
        format!(
            "The server answered the handshake with {status} instead of 101 Switching Protocols: {why}."
        ),
        "Run `handshake diagnose` on the URL: it repeats the handshake and names the cause.",
        &status,
        first_url(line),
    ))
}

fn ws_connection_failed(line: &str) -> Option<Explained> {
    // The line with a response code is the more specific signature.
    if line.contains("Unexpected response code") {
        return None;
    }
    let url = first_url(line);
    Some(explained(
        Code::LogWsConnectionFailed,
        Severity::Error,
        "The browser could not open the WebSocket",
        format!(
            "The connection to {} failed before a WebSocket was established; the console does not say why (refused port, TLS failure, or a closed connection).",
            url.as_deref().unwrap_or("the endpoint")
        ),
        "Run `handshake diagnose` on the URL to name the cause.",
        url.as_deref().unwrap_or_default(),
        url.clone(),
    ))
}

#[allow(clippy::too_many_arguments)]
fn explained(
    code: Code,
    severity: Severity,
    title: impl Into<String>,
    explanation: impl Into<String>,
    fix: impl Into<String>,
    variant: &str,
    diagnose: Option<String>,
) -> Explained {
    Explained {
        finding: Finding::new(code, severity, title, explanation, fix),
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

/// The first `'…'` or `"…"` string after `marker`.
fn quoted_after(line: &str, marker: &str) -> Option<String> {
    let rest = &line[line.find(marker)? + marker.len()..];
    let open = rest.find(['\'', '"', '['])?;
    let close_char = match rest.as_bytes()[open] {
        b'[' => ']',
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

/// Tomcat prints non-printable bytes as `0x` and two hex digits, printable
/// ones as themselves.
fn decode_tomcat_bytes(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'0'
            && bytes.get(i + 1) == Some(&b'x')
            && let Some(hex) = text.get(i + 2..i + 4)
            && let Ok(value) = u8::from_str_radix(hex, 16)
        {
            out.push(value);
            i += 4;
            continue;
        }
        if text.get(i..i + 3) == Some("...") {
            break;
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

/// ", a TLS handshake record (0x16) with a ClientHello offering TLS 1.2+".
fn describe_client_hello(bytes: &[u8]) -> String {
    let [0x16, 0x03, record_minor, ..] = bytes else {
        return String::new();
    };
    let record = tls_version(*record_minor);
    let hello = match bytes.get(5..11) {
        Some([0x01, _, _, _, 0x03, minor]) => format!(
            ", a ClientHello offering {} (or newer through its supported_versions extension)",
            tls_version(*minor)
        ),
        _ => String::new(),
    };
    format!(
        " (0x16 0x03 0x{record_minor:02x}: a TLS handshake record, record version {record}{hello})"
    )
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
        assert!(
            found.finding.explanation.contains("record version TLS 1.0"),
            "{}",
            found.finding.explanation
        );
        assert!(
            found
                .finding
                .explanation
                .contains("ClientHello offering TLS 1.2"),
            "{}",
            found.finding.explanation
        );
        assert!(found.finding.explanation.contains("Tomcat"));
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
                "127.0.0.1 - - [25/Nov/2026:10:00:00 +0000] \"\\x16\\x03\\x01\\x02\\x00\\x01\\x00\\x01\\xFC\\x03\\x03\" 400 157 \"-\" \"-\"",
                "nginx",
            ),
            (
                "WARN:oejh.HttpParser:qtp1-14: Illegal character 0x16 in state=START for buffer HeapByteBuffer",
                "Jetty",
            ),
            (
                "Error: Parse Error: Invalid method encountered { code: 'HPE_INVALID_METHOD' }",
                "Node",
            ),
        ] {
            let found = only(line);
            assert_eq!(found.finding.code, Code::LogTlsOnPlainPort, "{line}");
            assert!(found.finding.explanation.contains(server), "{line}");
        }
    }

    #[test]
    fn request_target_variant() {
        let found = only(
            "java.lang.IllegalArgumentException: Invalid character found in the request target [/api/search?q={x}]. The valid characters are defined in RFC 7230 and RFC 3986",
        );
        assert_eq!(found.finding.code, Code::LogInvalidRequestTarget);
        assert!(found.finding.explanation.contains("/api/search?q={x}"));
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
        assert!(
            found
                .finding
                .explanation
                .contains("http://127.0.0.1:8080/ws")
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
        assert!(found.finding.explanation.contains("\"tomcat\""));
        assert_eq!(
            only(
                "keytool error: java.lang.Exception: Alias <server> does not identify a key entry"
            )
            .finding
            .code,
            Code::LogKeystoreAlias
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
            found.finding.title,
            "The WebSocket upgrade was answered 404"
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
        assert!(
            found
                .finding
                .explanation
                .contains("https://app.example.com")
        );
    }
}
