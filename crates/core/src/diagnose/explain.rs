//! The words: each function turns one kind of observation into findings.
//!
//! Explanations cite what was observed (bytes, status lines, certificate
//! fields); fixes name the command or generator that produces the remedy.

use std::net::SocketAddr;
use std::time::Duration;

use rustls::pki_types::{CertificateDer, ServerName};
use rustls::{CertificateError, Error as TlsError};

use super::{Evidence, Timings};
use crate::finding::{Code, Finding, Severity};
use crate::probe::cert::CertInfo;
use crate::probe::dns::DnsError;
use crate::probe::http::{HeadError, ResponseHead};
use crate::probe::sniff::{self, BytesSeen, Speech};
use crate::probe::tls::Trust;
use crate::probe::ws;
use crate::{Scheme, Target};

const FIX_TLS_ON_SERVER: &str = "enable TLS on the server (`handshake keystore` makes a PKCS12 keystore and `handshake generate spring` the server.ssl.* properties), or put Nginx in front to terminate TLS (`handshake generate nginx`)";

/// Warn this many days before a certificate expires.
const EXPIRY_WARNING_DAYS: i32 = 30;

pub(super) fn mixed_content(target: &Target, origin: &str) -> Option<Finding> {
    let page_is_secure = origin
        .get(..6)
        .is_some_and(|s| s.eq_ignore_ascii_case("https:"));
    if !page_is_secure || target.secure {
        return None;
    }
    let url = &target.url;
    let (kind, console) = if target.scheme.is_websocket() {
        (
            "WebSocket",
            format!(
                "\"Mixed Content: The page at '{origin}' was loaded over HTTPS, but attempted to connect to the insecure WebSocket endpoint '{url}'\""
            ),
        )
    } else {
        (
            "fetch/XHR",
            format!(
                "\"Mixed Content: The page at '{origin}' was loaded over HTTPS, but requested an insecure resource '{url}'. This request has been blocked\""
            ),
        )
    };
    Some(Finding::new(
        Code::MixedContent,
        Severity::Error,
        format!("Browsers block this {kind} connection from an https page"),
        format!(
            "The page {origin} is served over HTTPS, but the endpoint {url} is not encrypted. Browsers refuse it as mixed content before any packet is sent; Chrome's console says {console}."
        ),
        format!(
            "Connect with {secure} and serve it over TLS: {FIX_TLS_ON_SERVER}. In the client, derive the scheme from the page (`location.protocol === 'https:' ? 'wss:' : 'ws:'`; `handshake generate client` writes that snippet).",
            secure = swapped(target)
        ),
    ))
}

pub(super) fn dns_unresolved(target: &Target, error: &DnsError) -> Finding {
    let detail = match error {
        DnsError::NotFound(reason) => format!("the resolver answered: {reason}"),
        DnsError::Timeout => "the resolver did not answer in time".to_owned(),
    };
    Finding::new(
        Code::DnsUnresolved,
        Severity::Error,
        format!("{} does not resolve", target.host),
        format!("No address was found for {}: {detail}.", target.host),
        "Check the spelling of the host name, and that this machine uses the DNS (or /etc/hosts entry) where the name is defined. For a server on this machine, use localhost or 127.0.0.1.",
    )
}

pub(super) fn server_not_ready(target: &Target, waited: Duration, attempts: u32) -> Finding {
    Finding::new(
        Code::ServerNotReady,
        Severity::Warning,
        format!("The server came up after {:.1} s", waited.as_secs_f64()),
        format!(
            "Port {} refused connections at first (nothing was listening yet), and accepted after {:.1} s and {attempts} attempts.",
            target.port,
            waited.as_secs_f64()
        ),
        "Clients that connect once at page load fail during restarts: connect when the feature needs the socket, and reconnect with backoff (`handshake generate client` writes a reconnecting client).",
    )
}

pub(super) fn tcp_refused(
    target: &Target,
    addresses: &[SocketAddr],
    wait: Option<Duration>,
) -> Finding {
    let tried = addresses
        .iter()
        .map(SocketAddr::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    let waited = wait.map_or_else(String::new, |w| {
        format!(" during the whole {} s wait", w.as_secs_f64())
    });
    Finding::new(
        Code::TcpRefused,
        Severity::Error,
        format!("Nothing listens on port {}", target.port),
        format!(
            "The connection to {tried} was refused{waited}: no process accepts connections on that port."
        ),
        format!(
            "Start the server, or check the port it really listens on (`ss -ltnp` on the server). If it is restarting, run again with --wait 30. Spring Boot with TLS listens on server.port, often 8443, not {}.",
            target.port
        ),
    )
}

pub(super) fn tcp_timeout(target: &Target, timeout: Duration, error: Option<&str>) -> Finding {
    let what = error.map_or_else(
        || format!("no answer at all within {} s", timeout.as_secs_f64()),
        |e| format!("the connection failed: {e}"),
    );
    Finding::new(
        Code::TcpTimeout,
        Severity::Error,
        format!("No answer from {}", target.authority()),
        format!(
            "Connecting to {} got {what}. A firewall that drops packets, a wrong host, or a network route that does not exist look like this.",
            target.authority()
        ),
        "Check the host and port, and any firewall or security group between you and the server.",
    )
}

pub(super) fn tls_failed(
    target: &Target,
    reason: &str,
    alert: Option<&str>,
    timed_out: bool,
    received: &[u8],
    timeout: Duration,
) -> Finding {
    let seen = BytesSeen::new(received);
    match sniff::classify(received) {
        Speech::Http => {
            let answer = ResponseHead::status_line_of(received);
            Finding::new(
                Code::TlsToPlainPort,
                Severity::Error,
                format!("Port {} speaks plain HTTP, not TLS", target.port),
                format!(
                    "You connected with TLS ({scheme}://), but this port speaks plain HTTP. The server read the TLS ClientHello bytes 0x16 0x03 0x01 … as an HTTP request and answered \"{answer}\". Tomcat logs this as \"Invalid character found in method name [0x160x030x01…]. HTTP method names must be tokens\"; nginx as \"client sent invalid method\".",
                    scheme = target.scheme
                ),
                format!(
                    "Either connect with {plain} (unencrypted), or {FIX_TLS_ON_SERVER}.",
                    plain = swapped(target)
                ),
            )
        }
        Speech::Ssh { banner } | Speech::Greeting220 { banner } | Speech::Text { line: banner } => {
            not_http(target, &banner, &seen)
        }
        Speech::Binary => not_http(target, "", &seen),
        Speech::Nothing if timed_out => silent(
            target,
            format!(
                "The connection was accepted, but the server did not answer the TLS ClientHello within {} s.",
                timeout.as_secs_f64()
            ),
        ),
        Speech::Nothing | Speech::Tls { .. } => {
            let hint = match alert {
                Some("ProtocolVersion") => {
                    " The server offers no protocol version this client accepts: it probably speaks only TLS 1.0 or 1.1, which current browsers and Java refuse."
                }
                Some("HandshakeFailure") => {
                    " The server and client share no cipher suite, or the server wants a client certificate."
                }
                Some("UnrecognisedName") => {
                    " The server has no certificate for this host name (SNI)."
                }
                Some("CertificateRequired") => {
                    " The server requires a client certificate (mutual TLS)."
                }
                _ => "",
            };
            let what = match alert {
                Some(alert) => {
                    format!("The server ended the TLS handshake with the alert {alert}.{hint}")
                }
                None if received.is_empty() => {
                    "The server closed the connection during the TLS handshake without a word."
                        .to_owned()
                }
                None => format!("The TLS handshake failed: {reason}."),
            };
            Finding::new(
                Code::TlsHandshakeFailed,
                Severity::Error,
                "The TLS handshake failed".to_owned(),
                format!("{what} (rustls: {reason})"),
                "Check the server's TLS configuration and its log at the time of this attempt. Servers should offer TLS 1.2 and 1.3 (Handshake's generators configure Mozilla's intermediate profile).",
            )
        }
    }
}

pub(super) fn certificate(
    target: &Target,
    chain: &[CertificateDer<'static>],
    infos: &[CertInfo],
    verdict: &Result<(), TlsError>,
    trust: &Trust,
    now: i64,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    let (Some(leaf_der), Some(leaf)) = (chain.first(), infos.first()) else {
        return vec![Finding::new(
            Code::TlsHandshakeFailed,
            Severity::Error,
            "The server's certificate could not be read",
            "The server presented no certificate, or one that is not valid X.509.",
            "Check the certificate file the server is configured with.",
        )];
    };

    if now > leaf.not_after_unix {
        findings.push(Finding::new(
            Code::CertExpired,
            Severity::Error,
            format!("The certificate expired {} days ago", -leaf.days_left),
            format!("The certificate for {} was valid until {}.", leaf.subject, leaf.not_after),
            "Renew it (`certbot renew` for Let's Encrypt), or make a new development certificate with `handshake keystore`, and restart the server.",
        ));
    } else if now < leaf.not_before_unix {
        findings.push(Finding::new(
            Code::CertNotYetValid,
            Severity::Error,
            "The certificate is not valid yet",
            format!("The certificate for {} becomes valid only on {}. Either it was made with a future start date, or this machine's clock is behind.", leaf.subject, leaf.not_before),
            "Check the clocks of this machine and the server (`timedatectl`), or issue a certificate valid from now.",
        ));
    } else if leaf.days_left < EXPIRY_WARNING_DAYS {
        findings.push(Finding::new(
            Code::CertExpiringSoon,
            Severity::Warning,
            format!("The certificate expires in {} days", leaf.days_left),
            format!("The certificate for {} is valid until {}.", leaf.subject, leaf.not_after),
            "Renew it before then (Let's Encrypt renews at 30 days left when `certbot renew` runs regularly).",
        ));
    }

    let name_ok = ServerName::try_from(target.host.as_str())
        .ok()
        .is_some_and(|name| {
            rustls::server::ParsedCertificate::try_from(leaf_der)
                .is_ok_and(|parsed| rustls::client::verify_server_name(&parsed, &name).is_ok())
        });
    if !name_ok {
        let names = leaf.names();
        let covers = if names.is_empty() {
            "no names at all (no subjectAltName extension; clients ignore the CN)".to_owned()
        } else {
            names.join(", ")
        };
        findings.push(Finding::new(
            Code::CertHostnameMismatch,
            Severity::Error,
            format!("The certificate is not valid for {}", target.host),
            format!("You connected to {}, but the certificate covers only: {covers}.", target.host),
            format!(
                "Connect with a name the certificate covers, or issue one that includes {host} (`handshake keystore --host {host} …`).",
                host = target.host
            ),
        ));
    }

    let trusted = match verdict {
        Ok(()) => true,
        Err(TlsError::InvalidCertificate(CertificateError::UnknownIssuer)) => false,
        Err(TlsError::InvalidCertificate(
            CertificateError::Expired
            | CertificateError::ExpiredContext { .. }
            | CertificateError::NotValidYet
            | CertificateError::NotValidYetContext { .. }
            | CertificateError::NotValidForName
            | CertificateError::NotValidForNameContext { .. },
        )) => {
            // Reported above from the leaf; an expired intermediate is not.
            if findings.is_empty() {
                findings.push(Finding::new(
                    Code::CertExpired,
                    Severity::Error,
                    "A certificate in the chain is outside its validity",
                    format!("The chain was rejected: {}.", verdict_text(verdict)),
                    "Replace the expired intermediate in the server's certificate file with the CA's current one.",
                ));
            }
            !leaf.self_issued || trust.has_subject(&leaf.subject_der)
        }
        // A self-signed certificate whose name happens to match a trusted
        // root (a host's own snakeoil certificate in /etc/ssl/certs, say)
        // fails on the signature instead of the issuer: still self-signed.
        Err(_) if leaf.self_issued && infos.len() == 1 => false,
        Err(other) => {
            findings.push(Finding::new(
                Code::TlsHandshakeFailed,
                Severity::Error,
                "The certificate was rejected",
                format!("The chain did not verify: {other}."),
                "Check the certificate file the server is configured with.",
            ));
            true
        }
    };
    if !trusted {
        findings.push(untrusted(leaf, infos, trust));
    }
    findings
}

fn untrusted(leaf: &CertInfo, infos: &[CertInfo], trust: &Trust) -> Finding {
    if leaf.self_issued && infos.len() == 1 {
        return Finding::new(
            Code::CertSelfSigned,
            Severity::Error,
            "The certificate is self-signed",
            format!(
                "The server presents a certificate issued by itself ({}): no client trusts it unless told to.",
                leaf.subject
            ),
            "For development, sign it with a local CA that you trust once (`handshake keystore --ca-dir …`), or pass the certificate with --ca to check it. For production, use a public CA such as Let's Encrypt.",
        );
    }
    let top = infos.last().unwrap_or(leaf);
    let missing_intermediate = !top.is_ca
        && !top.self_issued
        && !trust.has_subject(&top.issuer_der)
        && top.names_issuer_location;
    if missing_intermediate {
        return Finding::new(
            Code::CertChainIncomplete,
            Severity::Error,
            "The server does not send its intermediate certificate",
            format!(
                "The server sends only {} certificate(s), ending with {}, issued by {} — an intermediate CA it does not send. Browsers may fetch it themselves; Java, curl, Node and mobile clients do not.",
                infos.len(),
                top.subject,
                top.issuer
            ),
            "Configure the full chain: with Let's Encrypt use fullchain.pem, not cert.pem (nginx `ssl_certificate`, Spring `server.ssl.certificate`); `handshake keystore --cert fullchain.pem --key privkey.pem` builds a keystore with the whole chain.",
        );
    }
    Finding::new(
        Code::CertUntrustedIssuer,
        Severity::Error,
        "The certificate is issued by a CA this client does not trust",
        format!(
            "The chain ends at {}, which is not among the trusted roots (the system's, plus --ca).",
            top.issuer
        ),
        "If it is your development CA, trust it: pass it with --ca to check, then install it in the system, browser and Java trust stores (`handshake trust`). Otherwise use a certificate from a public CA.",
    )
}

pub(super) fn switching(
    target: &Target,
    head: &ResponseHead,
    key: &str,
    evidence: &Evidence,
    timings: &Timings,
) -> Finding {
    let expected = ws::accept_for(key);
    let accept = head.header("Sec-WebSocket-Accept").unwrap_or_default();
    if accept.trim() != expected {
        return Finding::new(
            Code::WsAcceptMismatch,
            Severity::Error,
            "The server switched protocols with a wrong Sec-WebSocket-Accept",
            format!(
                "It answered \"{}\" with Sec-WebSocket-Accept \"{accept}\", but the key sent requires \"{expected}\". Browsers drop such a connection.",
                head.status_line
            ),
            "Something between client and server rewrites the handshake, or the server's WebSocket implementation is broken: use a maintained WebSocket library.",
        );
    }
    let over = match &evidence.tls {
        Some(tls) => format!(" over {} ({})", tls.version, tls.cipher),
        None => String::new(),
    };
    let subprotocol = head.header("Sec-WebSocket-Protocol").unwrap_or("none");
    let elapsed = [timings.dns, timings.tcp, timings.tls, timings.http]
        .iter()
        .flatten()
        .sum::<f64>();
    Finding::new(
        Code::WsOk,
        Severity::Info,
        "The WebSocket handshake succeeded",
        format!(
            "{url} answered \"{}\"{over} in {elapsed:.1} ms, with a correct Sec-WebSocket-Accept; subprotocol: {subprotocol}.",
            head.status_line,
            url = target.url
        ),
        "Nothing to fix. `handshake check` also sends a message and waits for the answer.",
    )
}

pub(super) fn bad_response(target: &Target, error: &HeadError, timeout: Duration) -> Finding {
    match error {
        HeadError::Silent => silent(
            target,
            format!(
                "The connection was accepted, but the server sent nothing within {} s of the request.",
                timeout.as_secs_f64()
            ),
        ),
        HeadError::Stalled { received } => silent(
            target,
            format!(
                "The server sent {} bytes of an answer, then nothing more for {} s.",
                received.len(),
                timeout.as_secs_f64()
            ),
        ),
        HeadError::TooLarge { .. } => Finding::new(
            Code::HttpHeadersTooLarge,
            Severity::Error,
            "The server sends an endless response head",
            format!(
                "The response head grew past {} KiB or {} headers without ending; no real HTTP server sends that.",
                crate::probe::http::MAX_HEAD_BYTES / 1024,
                crate::probe::http::MAX_HEADERS
            ),
            "Check what listens on this port; a misbehaving proxy or application is streaming headers.",
        ),
        HeadError::Io(reason) => closed(target, reason),
        HeadError::Closed { received } | HeadError::Malformed { received } => {
            let seen = BytesSeen::new(received);
            match sniff::classify(received) {
                Speech::Tls { content_type } if !target.secure => plain_to_tls(
                    target,
                    format!(
                        "The request went out as plain HTTP, and the server answered with a TLS record (bytes {}: content type 0x{content_type:02x}, {}). Servers log this as \"plain HTTP request was sent to HTTPS port\" (nginx) or \"Unsupported or unrecognized SSL message\" (Java).",
                        seen.hex,
                        if content_type == 0x15 {
                            "an alert"
                        } else {
                            "a handshake"
                        }
                    ),
                ),
                Speech::Ssh { banner }
                | Speech::Greeting220 { banner }
                | Speech::Text { line: banner } => not_http(target, &banner, &seen),
                Speech::Binary | Speech::Tls { .. } => not_http(target, "", &seen),
                Speech::Http | Speech::Nothing => closed(
                    target,
                    "the server closed the connection before a complete answer",
                ),
            }
        }
    }
}

pub(super) fn response(
    target: &Target,
    head: &ResponseHead,
    origin: Option<&str>,
    status_without_origin: Option<u16>,
) -> Vec<Finding> {
    let status = head.status;
    let line = &head.status_line;
    let body = head.body_start.trim();
    if !target.secure
        && let Some(words) = plain_to_tls_answer(head)
    {
        return vec![plain_to_tls(
            target,
            format!(
                "The server answered \"{line}\" saying \"{words}\": the request arrived unencrypted on its TLS port."
            ),
        )];
    }
    if (502..=504).contains(&status) {
        return vec![Finding::new(
            Code::ProxyUpstreamDown,
            Severity::Error,
            format!("A proxy answered {status}: the application behind it is down"),
            format!(
                "\"{line}\"{} comes from a reverse proxy that could not reach its upstream (the application server).",
                server_of(head)
            ),
            "Start the application, and check the proxy's upstream address and port (nginx: `proxy_pass`; its error.log says \"connect() failed (111: Connection refused) while connecting to upstream\").",
        )];
    }
    if (300..=399).contains(&status) {
        let location = head.header("Location").unwrap_or("(no Location header)");
        let severity = if target.scheme.is_websocket() {
            Severity::Error
        } else {
            Severity::Warning
        };
        return vec![Finding::new(
            Code::HttpRedirect,
            severity,
            format!("The URL redirects ({status}) to {location}"),
            format!(
                "The server answered \"{line}\" with Location: {location}. WebSocket clients (browsers included) do not follow redirects, and API clients may drop the method or body."
            ),
            format!(
                "Use the final URL directly ({location}, with ws:// or wss:// for a WebSocket)."
            ),
        )];
    }
    if !target.scheme.is_websocket() {
        return vec![http_ok(target, head)];
    }
    let finding = match status {
        200..=299 => Finding::new(
            Code::WsUpgradeIgnored,
            Severity::Error,
            "The upgrade request got an ordinary response",
            format!(
                "A WebSocket upgrade was answered \"{line}\"{}: the request reached something that ignored the Upgrade header — a proxy that does not forward Upgrade/Connection, or a path with no WebSocket endpoint.",
                server_of(head)
            ),
            "Behind nginx, forward the upgrade (`proxy_http_version 1.1; proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection $connection_upgrade;` — `handshake generate nginx` writes it); otherwise check the endpoint's path.",
        ),
        401 => Finding::new(
            Code::WsAuthRequired,
            Severity::Error,
            "The endpoint requires authentication (401)",
            format!(
                "The upgrade was answered \"{line}\"{}.",
                head.header("WWW-Authenticate")
                    .map_or_else(String::new, |h| format!(" with WWW-Authenticate: {h}"))
            ),
            "Send the credentials the endpoint expects (a cookie, or a token in a header or query parameter); browsers cannot set headers on a WebSocket, so token-in-query or cookie is usual.",
        ),
        403 => match (origin, status_without_origin) {
            (Some(origin), Some(other)) if other != 403 => Finding::new(
                Code::WsOriginForbidden,
                Severity::Error,
                format!("The server refuses the Origin {origin}"),
                format!(
                    "With Origin: {origin} the upgrade got \"{line}\"; without an Origin header it got {other}. The server checks the Origin (Spring's default allows the same origin only)."
                ),
                format!(
                    "Allow the page's origin on the server (Spring: `registry.addHandler(…).setAllowedOrigins(\"{origin}\")` or `setAllowedOriginPatterns`)."
                ),
            ),
            _ => Finding::new(
                Code::WsForbidden,
                Severity::Error,
                "The endpoint refuses the upgrade (403)",
                format!(
                    "The upgrade was answered \"{line}\"{}.",
                    if origin.is_some() {
                        ", with and without an Origin header"
                    } else {
                        ""
                    }
                ),
                "The server's security rules refuse this client: check its access rules and log. Pass --origin with the page's origin to check whether an Origin check is the cause.",
            ),
        },
        404 => Finding::new(
            Code::WsPathNotFound,
            Severity::Error,
            format!("Nothing is at {} (404)", target.path),
            format!(
                "The server answered \"{line}\"{} for {}.",
                server_of(head),
                target.path
            ),
            "Check the endpoint's path (Spring: the path given to `registry.addHandler(handler, \"/ws\")` or `addEndpoint`, plus any server.servlet.context-path), and the proxy's location block.",
        ),
        _ => Finding::new(
            Code::WsUpgradeRejected,
            Severity::Error,
            format!("The server rejected the upgrade ({status})"),
            format!(
                "The upgrade was answered \"{line}\"{}{}. A proxy that forwards with HTTP/1.0 and drops Upgrade/Connection (nginx's default) makes Spring answer \"Can \\\"Upgrade\\\" only to \\\"WebSocket\\\"\" and other servers 426 or 505.",
                server_of(head),
                if body.is_empty() {
                    String::new()
                } else {
                    format!(" (\"{}\")", first_line(body))
                }
            ),
            "Behind nginx: `proxy_http_version 1.1;` and forward Upgrade and Connection (`handshake generate nginx` writes the whole block). Directly: check the server's log for why the handshake was refused.",
        ),
    };
    vec![finding]
}

pub(super) fn cors(origin: &str, head: &ResponseHead) -> Vec<Finding> {
    let wanted = origin.trim_end_matches('/');
    match head.header("Access-Control-Allow-Origin").map(str::trim) {
        None => vec![Finding::new(
            Code::CorsMissing,
            Severity::Error,
            format!("No CORS answer for {wanted}"),
            format!(
                "The preflight (OPTIONS with Origin: {wanted}) got \"{}\" without Access-Control-Allow-Origin: browsers block the page's requests (\"has been blocked by CORS policy\").",
                head.status_line
            ),
            format!(
                "Allow the origin on the server (Spring: `@CrossOrigin(origins = \"{wanted}\")` or a `CorsConfigurationSource`)."
            ),
        )],
        Some("*") => Vec::new(),
        Some(allowed) if allowed.eq_ignore_ascii_case(wanted) => Vec::new(),
        Some(allowed) => vec![Finding::new(
            Code::CorsOriginMismatch,
            Severity::Error,
            format!("CORS allows {allowed}, not {wanted}"),
            format!(
                "The preflight got Access-Control-Allow-Origin: {allowed}, which does not match the page's origin {wanted}; browsers block the requests."
            ),
            format!("Add {wanted} to the server's allowed origins."),
        )],
    }
}

fn http_ok(target: &Target, head: &ResponseHead) -> Finding {
    let hsts = head
        .header("Strict-Transport-Security")
        .map_or_else(|| " No HSTS header.".to_owned(), |h| format!(" HSTS: {h}."));
    Finding::new(
        Code::HttpOk,
        Severity::Info,
        format!("The server answered: {}", head.status_line),
        format!(
            "{} answered \"{}\"{}.{}",
            target.url,
            head.status_line,
            server_of(head),
            if target.secure { hsts } else { String::new() }
        ),
        "Nothing to fix at the transport level.",
    )
}

fn plain_to_tls(target: &Target, explanation: String) -> Finding {
    Finding::new(
        Code::PlainToTlsPort,
        Severity::Error,
        format!(
            "Port {} speaks TLS, but the URL is {}://",
            target.port, target.scheme
        ),
        explanation,
        format!("Connect with {}.", swapped(target)),
    )
}

fn not_http(target: &Target, banner: &str, seen: &BytesSeen) -> Finding {
    let what = if banner.starts_with("SSH-") {
        "an SSH server".to_owned()
    } else if banner.starts_with("220") {
        "a mail (SMTP) or FTP server".to_owned()
    } else if banner.is_empty() {
        "something that sends binary data".to_owned()
    } else {
        "something that is not an HTTP server".to_owned()
    };
    Finding::new(
        Code::NotHttp,
        Severity::Error,
        format!("Port {} is not an HTTP server", target.port),
        format!(
            "Port {} is {what}: it sent \"{}\" (bytes {}).",
            target.port,
            if banner.is_empty() {
                &seen.text
            } else {
                banner
            },
            seen.hex
        ),
        "Check the port: the application's HTTP port is another one (Spring Boot: server.port).",
    )
}

fn silent(target: &Target, what: String) -> Finding {
    Finding::new(
        Code::ServerSilent,
        Severity::Error,
        format!(
            "{} accepts connections but does not answer",
            target.authority()
        ),
        what,
        "Something accepts connections on this port without serving them: a stuck application (thread pool exhausted), a firewall or load balancer holding connections, or a service that expects the client to speak another protocol. Check the server's log and thread dump.",
    )
}

fn closed(target: &Target, reason: &str) -> Finding {
    let hint = if target.secure {
        ""
    } else {
        " If this port expects TLS, connect with wss:// or https://."
    };
    Finding::new(
        Code::ConnectionClosed,
        Severity::Error,
        "The server closed the connection without answering",
        format!("{}: {reason}.", target.authority()),
        format!("Check the server's log at the time of this request.{hint}"),
    )
}

/// The words of a TLS server's answer to plain HTTP (nginx, Tomcat, Go,
/// Apache httpd), when the response is one.
fn plain_to_tls_answer(head: &ResponseHead) -> Option<&'static str> {
    const SIGNATURES: [&str; 4] = [
        "plain HTTP request was sent to HTTPS port",
        "This combination of host and port requires TLS",
        "Client sent an HTTP request to an HTTPS server",
        "speaking plain HTTP to an SSL-enabled server port",
    ];
    if head.status != 400 {
        return None;
    }
    SIGNATURES.into_iter().find(|s| head.body_start.contains(s))
}

/// The same URL with the other security: wss ↔ ws, https ↔ http.
fn swapped(target: &Target) -> String {
    let other = match target.scheme {
        Scheme::Ws => Scheme::Wss,
        Scheme::Wss => Scheme::Ws,
        Scheme::Http => Scheme::Https,
        Scheme::Https => Scheme::Http,
    };
    let port = if target.default_port {
        String::new()
    } else {
        format!(":{}", target.port)
    };
    let host = match target.host_kind {
        crate::HostKind::Ipv6 => format!("[{}]", target.host),
        _ => target.host.clone(),
    };
    format!("{other}://{host}{port}{}", target.path)
}

fn server_of(head: &ResponseHead) -> String {
    head.header("Server")
        .map_or_else(String::new, |s| format!(" (Server: {s})"))
}

/// What a response body says, in one line: an HTML page's title, or the
/// first line of text.
fn first_line(text: &str) -> &str {
    let lower = text.to_ascii_lowercase();
    if let (Some(open), Some(close)) = (lower.find("<title>"), lower.find("</title>"))
        && open + 7 <= close
    {
        return text[open + 7..close].trim();
    }
    let line = text
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default()
        .trim();
    line.get(..160).unwrap_or(line)
}

fn verdict_text(verdict: &Result<(), TlsError>) -> String {
    verdict
        .as_ref()
        .err()
        .map_or_else(String::new, ToString::to_string)
}
