//! Evidence fixtures: one per diagnosis code at least, and the variants of
//! the codes whose words change with their facts. The rules' tests read
//! them, and the catalogue tests render every rule over every fixture in
//! every language.

use super::super::evidence::{
    BrowserEvent, BrowserEvidence, BrowserReport, BrowserStore, CertificateCheck, Connection,
    Verdict,
};
use super::super::{Evidence, Options, ProxyFailure, Timings};
use crate::exchange::{CheckFailure, Exchange, Protocol};
use crate::finding::Code;
use crate::probe::cert::CertInfo;
use crate::probe::dns::DnsError;
use crate::probe::hello::{HelloAnswer, ServerHello};
use crate::probe::http::{ResponseFailure, ResponseHead};
use crate::probe::ocsp::{Staple, Stapled};
use crate::probe::sniff::BytesSeen;
use crate::probe::tcp::{AddressReply, Reply};
use crate::probe::tcp::{NetworkCause, NetworkError};
use crate::probe::tls::{TlsFailure, TlsSession};
use crate::probe::tunnel::Forwarded;
use crate::{probe::ws, target::Target};

/// 2026-11-29T00:00:00Z: the fixtures' "now".
pub(crate) const NOW: i64 = 1_795_910_400;
const DAY: i64 = 86_400;

/// Evidence of nothing yet for `url`.
pub(crate) fn evidence(url: &str) -> Evidence {
    let target = Target::parse(url).unwrap_or_else(|error| panic!("{url}: {error}"));
    Evidence::new(target, &Options::default(), NOW)
}

/// A response head.
pub(crate) fn head(status_line: &str, headers: &[(&str, &str)], body: &str) -> ResponseHead {
    ResponseHead {
        status: status_line
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or_default(),
        status_line: status_line.to_owned(),
        headers: headers
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect(),
        body_start: body.to_owned(),
    }
}

/// A certificate valid for a year around [`NOW`].
pub(crate) fn cert(subject: &str, issuer: &str, key: &str) -> CertInfo {
    CertInfo {
        subject: subject.to_owned(),
        issuer: issuer.to_owned(),
        dns_names: vec!["localhost".into()],
        ip_addresses: vec!["127.0.0.1".into()],
        not_before: "2026-06-01T00:00:00Z".into(),
        not_after: "2027-06-01T00:00:00Z".into(),
        days_left: 184,
        self_issued: subject == issuer,
        is_ca: false,
        names_issuer_location: false,
        key: key.to_owned(),
        signature: "ecdsa-with-SHA256".into(),
        serial: "01".into(),
        key_sha256: format!("key of {subject}"),
        sha256: format!("certificate {subject}"),
        not_before_unix: NOW - 181 * DAY,
        not_after_unix: NOW + 184 * DAY,
        subject_der: Vec::new(),
        issuer_der: Vec::new(),
    }
}

/// A ServerHello choosing `version` and `suite`, with nothing after it.
pub(crate) fn server_hello(version: &str, suite: u16) -> ServerHello {
    ServerHello {
        version: version.to_owned(),
        cipher: crate::probe::hello::suite_name(suite),
        cipher_code: suite,
        certificate_bytes: None,
        certificates: Vec::new(),
        client_cert_authorities: None,
        dh_bits: None,
    }
}

/// Step timings of a quick loopback diagnosis.
pub(crate) fn timings() -> Timings {
    Timings {
        dns: Some(0.1),
        wait: None,
        tcp: Some(0.2),
        tls: Some(2.0),
        http: Some(0.9),
        total: 3.4,
    }
}

fn tls_session() -> TlsSession {
    TlsSession {
        version: "TLSv1.3".into(),
        cipher: "TLS13_AES_128_GCM_SHA256".into(),
        alpn: None,
    }
}

/// A secure target whose handshake finished with `verdict` over `chain`.
fn checked(chain: Vec<CertInfo>, verdict: Verdict, name_matches: bool) -> Evidence {
    let mut e = evidence("wss://localhost:8443/ws");
    e.connection = Some(connected());
    e.tls = Some(tls_session());
    e.certificate = Some(CertificateCheck {
        presented: u32::try_from(chain.len()).unwrap_or_default(),
        verdict,
        name_matches,
        issuer_trusted: false,
        leaf_trusted: false,
        issuer_sibling_root: None,
    });
    e.chain = chain;
    e
}

fn connected() -> Connection {
    Connection::Connected {
        address: "127.0.0.1:8443".into(),
        attempts: 1,
        waited_ms: None,
    }
}

/// An upgrade to `url` switched to WebSocket with a correct accept value,
/// the server choosing `subprotocol` (none offered).
fn switched(url: &str, subprotocol: Option<&str>) -> Evidence {
    const KEY: &str = "AAAAAAAAAAAAAAAAAAAAAA==";
    let accept = ws::accept_for(KEY);
    let mut headers = vec![("Sec-WebSocket-Accept", accept.as_str())];
    headers.extend(subprotocol.map(|chosen| ("Sec-WebSocket-Protocol", chosen)));
    let mut e = answered(url, head("HTTP/1.1 101 Switching Protocols", &headers, ""));
    e.ws_key = Some(KEY.into());
    e
}

/// An upgrade to `url` answered with `head`.
fn answered(url: &str, head: ResponseHead) -> Evidence {
    let mut e = evidence(url);
    e.connection = Some(connected());
    if e.target.secure {
        e.tls = Some(tls_session());
        e.chain = vec![cert("CN=localhost", "CN=Test CA", "ECDSA P-256")];
        e.certificate = Some(CertificateCheck {
            presented: 1,
            verdict: Verdict::Trusted,
            name_matches: true,
            issuer_trusted: true,
            leaf_trusted: false,
            issuer_sibling_root: None,
        });
    }
    e.ws_key = Some("dGhlIHNhbXBsZSBub25jZQ==".into());
    e.response = Some(head);
    e
}

/// The fixture named after `code` (the first of [`all`] that produces it).
pub(crate) fn by_code(code: Code) -> Evidence {
    named(code.as_str())
}

/// The fixture called `wanted` (a code, or a code and a variant).
pub(crate) fn named(wanted: &str) -> Evidence {
    all()
        .into_iter()
        .find(|(name, _, _)| name == wanted)
        .map(|(_, evidence, _)| evidence)
        .unwrap_or_else(|| panic!("no fixture named {wanted}"))
}

/// Every fixture: its name (a code, or a code and a variant), the evidence
/// and the timings.
pub(crate) fn all() -> Vec<(String, Evidence, Timings)> {
    let mut out: Vec<(&str, Evidence)> = Vec::new();

    let via_proxy = |e: &mut Evidence, variable: &str| {
        e.route = Some(crate::proxy::Route::Proxy {
            proxy: "http://proxy.corp:3128".into(),
            host: "proxy.corp".into(),
            port: 3128,
            from: crate::proxy::ProxySource::Variable {
                name: variable.into(),
            },
            authenticated: false,
        });
    };
    let through = |e: &mut Evidence, failure: ProxyFailure| {
        via_proxy(e, "HTTPS_PROXY");
        e.proxy_failure = Some(failure);
    };
    let refused = |status_line: &str, headers: &[(&str, &str)], body: &str| ProxyFailure::Tunnel {
        failure: crate::probe::tunnel::TunnelFailure::Refused {
            answer: head(status_line, headers, body),
        },
    };
    let mut e = evidence("wss://api.example.com/ws");
    through(
        &mut e,
        ProxyFailure::Unreachable {
            how: crate::probe::tunnel::Unreachable::Refused,
        },
    );
    out.push(("proxy-unreachable", e));
    let mut e = evidence("wss://api.example.com/ws");
    through(
        &mut e,
        refused(
            "HTTP/1.1 407 Proxy Authentication Required",
            &[
                ("Server", "squid/5.7"),
                ("Proxy-Authenticate", "Basic realm=\"Corporate proxy\""),
            ],
            "",
        ),
    );
    out.push(("proxy-auth-required", e));
    let mut e = evidence("wss://api.example.com:8443/ws");
    through(
        &mut e,
        refused(
            "HTTP/1.1 403 Forbidden",
            &[
                ("Server", "squid/5.7"),
                ("X-Squid-Error", "ERR_ACCESS_DENIED 0"),
            ],
            "<html><head><title>ERROR: The requested URL could not be retrieved</title></head>",
        ),
    );
    out.push(("proxy-tunnel-refused", e));
    let mut e = evidence("wss://intranet.corp/ws");
    through(
        &mut e,
        refused(
            "HTTP/1.1 503 Service Unavailable",
            &[("Server", "squid/5.7"), ("X-Squid-Error", "ERR_DNS_FAIL 0")],
            "",
        ),
    );
    out.push(("proxy-target-failed", e));
    let mut e = evidence("wss://intranet.corp/ws");
    through(
        &mut e,
        ProxyFailure::Tunnel {
            failure: crate::probe::tunnel::TunnelFailure::NoAnswer {
                failure: ResponseFailure::Silent,
            },
        },
    );
    out.push(("proxy-target-failed/silent", e));
    let mut e = switched("ws://app.corp:8080/ws", None);
    via_proxy(&mut e, "http_proxy");
    e.forwarded = Some(Forwarded::Answered {
        answer: head(
            "HTTP/1.1 400 Bad Request",
            &[("Via", "1.1 proxy.corp (squid/5.7)")],
            "Can \"Upgrade\" only to \"WebSocket\".",
        ),
    });
    out.push(("proxy-upgrade-dropped", e));
    let mut e = switched("ws://app.corp:8080/ws", None);
    via_proxy(&mut e, "http_proxy");
    e.forwarded = Some(Forwarded::NoAnswer {
        failure: ResponseFailure::Silent,
        waited_ms: 500,
    });
    out.push(("proxy-upgrade-dropped/silent", e));

    let mut e = evidence("wss://nowhere.invalid/ws");
    e.dns_error = Some(DnsError::NotFound {
        reason: "failed to lookup address information: Name or service not known".into(),
    });
    out.push(("dns-unresolved", e));
    let mut e = evidence("wss://slow.example/ws");
    e.dns_error = Some(DnsError::Timeout);
    out.push(("dns-unresolved/timeout", e));
    let mut e = evidence("wss://empty.example/ws");
    e.dns_error = Some(DnsError::NoAddresses);
    out.push(("dns-unresolved/no-addresses", e));

    let mut e = evidence("wss://localhost:8443/ws");
    e.addresses = vec!["127.0.0.1:8443".into()];
    e.connection = Some(Connection::Refused { attempts: 1 });
    out.push(("tcp-refused", e));
    let mut e = evidence("wss://localhost:8443/ws");
    e.addresses = vec!["127.0.0.1:8443".into(), "[::1]:8443".into()];
    e.wait_ms = Some(30_000);
    e.connection = Some(Connection::Refused { attempts: 30 });
    out.push(("tcp-refused/waited", e));
    let mut e = evidence("wss://localhost:9443/ws");
    e.addresses = vec!["127.0.0.1:9443".into()];
    e.connection = Some(Connection::Refused { attempts: 1 });
    out.push(("tcp-refused/other-tls-port", e));
    let mut e = evidence("ws://localhost:8080/ws");
    e.addresses = vec!["127.0.0.1:8080".into()];
    e.connection = Some(Connection::Refused { attempts: 1 });
    out.push(("tcp-refused/plain", e));

    let mut e = evidence("wss://10.255.255.1:8443/ws");
    e.connection = Some(Connection::TimedOut);
    out.push(("tcp-timeout", e));

    for (cause, name) in [
        (NetworkCause::NetworkUnreachable, "tcp-failed"),
        (NetworkCause::HostUnreachable, "tcp-failed/host"),
        (NetworkCause::AddressUnavailable, "tcp-failed/address"),
        (NetworkCause::PermissionDenied, "tcp-failed/denied"),
        (NetworkCause::Other, "tcp-failed/other"),
    ] {
        let mut e = evidence("wss://[2001:db8::1]:8443/ws");
        e.connection = Some(Connection::Failed {
            error: NetworkError {
                cause,
                detail: "Network is unreachable (os error 101)".into(),
            },
        });
        out.push((name, e));
    }

    let mut e = answered(
        "ws://localhost:8080/ws",
        head(
            "HTTP/1.1 101 Switching Protocols",
            &[("Sec-WebSocket-Accept", "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")],
            "",
        ),
    );
    e.connection = Some(Connection::Connected {
        address: "127.0.0.1:8080".into(),
        attempts: 7,
        waited_ms: Some(1_260.0),
    });
    out.push(("server-not-ready", e));
    // A name with both families, each address answering as given, in order.
    let dual = |url: &str, replies: [(&str, Reply); 2]| {
        let mut e = switched(url, None);
        e.addresses = replies.iter().map(|(a, _)| (*a).to_owned()).collect();
        e.replies = replies
            .iter()
            .map(|(address, reply)| AddressReply {
                address: (*address).to_owned(),
                reply: *reply,
            })
            .collect();
        e
    };
    // `localhost` → ::1 first, the server on 127.0.0.1 only (Node 17+).
    out.push((
        "address-family-mismatch",
        dual(
            "ws://localhost:8080/ws",
            [
                ("[::1]:8080", Reply::Refused),
                ("127.0.0.1:8080", Reply::Accepted),
            ],
        ),
    ));
    // The other way: IPv4 first and silent, the server on ::1 only.
    out.push((
        "address-family-mismatch/ipv6-only",
        dual(
            "ws://dual.test:8080/ws",
            [
                ("127.0.0.1:8080", Reply::TimedOut),
                ("[::1]:8080", Reply::Accepted),
            ],
        ),
    ));

    let mut e = evidence("wss://localhost:8080/ws");
    e.connection = Some(connected());
    e.tls_failure = Some(TlsFailure::Other);
    e.bytes = Some(BytesSeen::new(
        b"HTTP/1.1 400 \r\nContent-Type: text/html\r\n\r\n",
    ));
    out.push(("tls-to-plain-port", e));

    let mut e = evidence("ws://localhost:8443/ws");
    e.connection = Some(connected());
    e.response_failure = Some(ResponseFailure::Malformed);
    e.bytes = Some(BytesSeen::new(&[0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x46]));
    out.push(("plain-to-tls-port", e));
    let mut e = evidence("ws://localhost:8443/ws");
    e.connection = Some(connected());
    e.response_failure = Some(ResponseFailure::Malformed);
    e.bytes = Some(BytesSeen::new(&[0x16, 0x03, 0x03, 0x00, 0x40, 0x02]));
    out.push(("plain-to-tls-port/record", e));
    let mut e = evidence("ws://localhost:8443/ws");
    e.connection = Some(connected());
    e.response_failure = Some(ResponseFailure::Closed);
    e.offered_everything = Some(HelloAnswer::Hello(server_hello("TLSv1.2", 0xc02f)));
    out.push(("plain-to-tls-port/silent", e));
    out.push((
        "plain-to-tls-port/server-answer",
        answered(
            "ws://localhost:8443/ws",
            head(
                "HTTP/1.1 400 Bad Request",
                &[("Server", "nginx/1.22.1")],
                "<html><head><title>400 The plain HTTP request was sent to HTTPS port</title>",
            ),
        ),
    ));

    let mut e = evidence("wss://localhost:22/");
    e.connection = Some(connected());
    e.tls_failure = Some(TlsFailure::InvalidMessage);
    e.bytes = Some(BytesSeen::new(b"SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n"));
    out.push(("not-http", e));
    for (name, bytes) in [
        (
            "not-http/mail",
            &b"220 mail.example.com ESMTP Postfix\r\n"[..],
        ),
        ("not-http/text", b"+OK ready\r\n"),
        ("not-http/binary", &[0x00, 0xff, 0x13, 0x37]),
    ] {
        let mut e = evidence("ws://localhost:25/");
        e.connection = Some(connected());
        e.response_failure = Some(ResponseFailure::Malformed);
        e.bytes = Some(BytesSeen::new(bytes));
        out.push((name, e));
    }

    let mut e = evidence("wss://localhost:9999/ws");
    e.connection = Some(connected());
    e.tls_failure = Some(TlsFailure::TimedOut);
    out.push(("server-silent", e));
    let mut e = evidence("ws://localhost:9999/ws");
    e.connection = Some(connected());
    e.response_failure = Some(ResponseFailure::Silent);
    out.push(("server-silent/request", e));
    let mut e = evidence("ws://localhost:9999/ws");
    e.connection = Some(connected());
    e.response_failure = Some(ResponseFailure::Stalled { received: 1 });
    e.bytes = Some(BytesSeen::new(b"H"));
    out.push(("server-silent/stalled", e));
    let mut e = evidence("ws://localhost:9999/ws");
    e.connection = Some(connected());
    e.response_failure = Some(ResponseFailure::OnlyInterim {
        status: 100,
        count: 20,
    });
    out.push(("server-silent/interim", e));

    let mut e = evidence("ws://localhost:9999/ws");
    e.connection = Some(connected());
    e.response_failure = Some(ResponseFailure::Closed);
    out.push(("connection-closed", e));
    let mut e = evidence("wss://localhost:9999/ws");
    e.connection = Some(connected());
    e.response_failure = Some(ResponseFailure::Failed {
        cause: NetworkCause::Reset,
        detail: "Connection reset by peer (os error 104)".into(),
    });
    // Part of an answer came first: closed mid-answer, not refused at once.
    e.bytes = Some(BytesSeen::new(b"HTTP/1.1 200 OK\r\nContent-"));
    out.push(("connection-closed/reset", e));
    let mut e = evidence("ws://localhost:8080/ws");
    e.connection = Some(connected());
    e.response_failure = Some(ResponseFailure::Failed {
        cause: NetworkCause::Reset,
        detail: "Connection reset by peer (os error 104)".into(),
    });
    out.push(("connection-reset", e));
    // The reset came before the client saw its connection open.
    let mut e = evidence("ws://localhost:8080/ws");
    e.connection = Some(Connection::Failed {
        error: NetworkError {
            cause: NetworkCause::Reset,
            detail: "Connection reset by peer (os error 104)".into(),
        },
    });
    out.push(("connection-reset/connecting", e));
    let mut e = evidence("wss://localhost:8443/ws");
    e.connection = Some(connected());
    e.tls_failure = Some(TlsFailure::Reset);
    out.push(("connection-reset/tls", e));
    let mut e = evidence("https://localhost:9999/");
    e.connection = Some(connected());
    e.response_failure = Some(ResponseFailure::Failed {
        cause: NetworkCause::Other,
        detail: "Broken pipe (os error 32)".into(),
    });
    out.push(("connection-closed/io", e));

    let mut e = evidence("ws://localhost:8080/ws");
    e.connection = Some(connected());
    e.response_failure = Some(ResponseFailure::TooLarge);
    e.bytes = Some(BytesSeen::new(b"HTTP/1.1 200 OK\r\nX-Padding: aaaa"));
    out.push(("http-headers-too-large", e));

    let handshake_failures = [
        (
            "tls-handshake-failed",
            TlsFailure::Alert {
                alert: "handshake_failure".into(),
                code: 40,
            },
        ),
        (
            "tls-handshake-failed/protocol-version",
            TlsFailure::Alert {
                alert: "protocol_version".into(),
                code: 70,
            },
        ),
        (
            "tls-handshake-failed/insufficient-security",
            TlsFailure::Alert {
                alert: "insufficient_security".into(),
                code: 71,
            },
        ),
        (
            "tls-handshake-failed/unrecognized-name",
            TlsFailure::Alert {
                alert: "unrecognized_name".into(),
                code: 112,
            },
        ),
        (
            "tls-handshake-failed/certificate-required",
            TlsFailure::Alert {
                alert: "certificate_required".into(),
                code: 116,
            },
        ),
        (
            "tls-handshake-failed/internal-error",
            TlsFailure::Alert {
                alert: "internal_error".into(),
                code: 80,
            },
        ),
        (
            "tls-handshake-failed/other-alert",
            TlsFailure::Alert {
                alert: "decode_error".into(),
                code: 50,
            },
        ),
        ("tls-handshake-failed/closed", TlsFailure::Closed),
        ("tls-handshake-failed/reset", TlsFailure::Reset),
        ("tls-handshake-failed/version", TlsFailure::NoCommonVersion),
        ("tls-handshake-failed/cipher", TlsFailure::NoCommonCipher),
        ("tls-handshake-failed/invalid", TlsFailure::InvalidMessage),
        (
            "tls-handshake-failed/signature",
            TlsFailure::SignatureRejected,
        ),
        ("tls-handshake-failed/misbehaved", TlsFailure::Misbehaved),
        ("tls-handshake-failed/other", TlsFailure::Other),
    ];
    for (name, failure) in handshake_failures {
        let mut e = evidence("wss://localhost:8443/ws");
        e.connection = Some(connected());
        e.tls_failure = Some(failure);
        e.chain = vec![cert("CN=localhost", "CN=localhost", "RSA 2048")];
        out.push((name, e));
    }
    // A server that cannot sign with its RSA-512 key: rustls sees no
    // certificate, the raw hello does.
    let mut e = evidence("wss://localhost:8443/ws");
    e.connection = Some(connected());
    e.tls_failure = Some(TlsFailure::Alert {
        alert: "handshake_failure".into(),
        code: 40,
    });
    let mut weak = cert("CN=localhost", "CN=localhost", "RSA 512");
    weak.signature = "sha256WithRSAEncryption".into();
    e.chain = vec![weak];
    e.offered_everything = Some(HelloAnswer::Hello(server_hello("TLSv1.2", 0x009c)));
    out.push(("cert-weak-key/failed", e));
    let mut e = evidence("wss://localhost:8443/ws");
    e.connection = Some(connected());
    e.tls_failure = Some(TlsFailure::MessageTooLarge);
    e.chain = vec![cert("CN=localhost", "CN=Test CA", "ECDSA P-256"); 3];
    e.offered_everything = Some(HelloAnswer::Hello(ServerHello {
        certificate_bytes: Some(300_000),
        ..server_hello("TLSv1.2", 0xc02f)
    }));
    out.push(("cert-too-large/known", e));
    let mut e = evidence("wss://localhost:8443/ws");
    e.connection = Some(connected());
    e.tls_failure = Some(TlsFailure::MessageTooLarge);
    let mut leaf = cert("CN=localhost", "CN=Test CA", "ECDSA P-256");
    leaf.dns_names = (0..10_000)
        .map(|i| format!("tenant{i}.example.com"))
        .collect();
    e.chain = vec![leaf];
    e.offered_everything = Some(HelloAnswer::Hello(ServerHello {
        certificate_bytes: Some(290_000),
        ..server_hello("TLSv1.2", 0xc02f)
    }));
    out.push(("cert-too-large/names", e));
    let mut e = evidence("wss://localhost:8443/ws");
    e.connection = Some(connected());
    e.tls_failure = Some(TlsFailure::MessageTooLarge);
    out.push(("cert-too-large", e));

    // Protocol and cipher choices, as the raw hello learns them.
    for (name, alert, version, suite, dh_bits) in [
        ("tls-version-too-old", 70, "TLSv1", 0xc014, None),
        ("tls-version-too-old/1.1", 70, "TLSv1.1", 0xc013, None),
        ("tls-no-shared-cipher", 40, "TLSv1.2", 0x002f, None),
        ("tls-no-shared-cipher/cbc", 40, "TLSv1.2", 0xc013, None),
        (
            "tls-no-shared-cipher/dhe",
            40,
            "TLSv1.2",
            0x0033,
            Some(1024),
        ),
        (
            "tls-no-shared-cipher/dhe-strong",
            40,
            "TLSv1.2",
            0x009e,
            Some(2048),
        ),
        (
            "tls-no-shared-cipher/dhe-unknown",
            40,
            "TLSv1.2",
            0x009e,
            None,
        ),
        ("tls-no-shared-cipher/3des", 40, "TLSv1.2", 0x000a, None),
        ("tls-no-shared-cipher/rc4", 40, "TLSv1.2", 0x0005, None),
        ("tls-no-shared-cipher/null", 40, "TLSv1.2", 0x0002, None),
        (
            "tls-no-shared-cipher/anonymous",
            40,
            "TLSv1.2",
            0x0034,
            None,
        ),
    ] {
        let mut e = evidence("https://localhost:8443/");
        e.connection = Some(connected());
        e.tls_failure = Some(TlsFailure::Alert {
            alert: if alert == 70 {
                "protocol_version".into()
            } else {
                "handshake_failure".into()
            },
            code: alert,
        });
        e.offered_everything = Some(HelloAnswer::Hello(ServerHello {
            dh_bits,
            ..server_hello(version, suite)
        }));
        out.push((name, e));
    }
    let mut e = evidence("wss://localhost:8443/ws");
    e.connection = Some(connected());
    e.tls_failure = Some(TlsFailure::Alert {
        alert: "certificate_required".into(),
        code: 116,
    });
    e.client_cert_requested = Some(Vec::new());
    out.push(("tls-client-cert-required/alert", e));
    let mut e = answered(
        "wss://localhost:8443/ws",
        head(
            "HTTP/1.1 400 Bad Request",
            &[("Server", "nginx/1.22.1")],
            "<html><head><title>400 No required SSL certificate was sent</title>",
        ),
    );
    e.client_cert_requested = Some(vec!["CN=Client CA,O=Example".into()]);
    out.push(("tls-client-cert-required", e));
    let mut e = evidence("wss://localhost:8443/ws");
    e.connection = Some(connected());
    e.tls_failure = Some(TlsFailure::TimedOut);
    e.bytes = Some(BytesSeen::new(&[0x16, 0x03, 0x03, 0x00, 0x7a, 0x02]));
    out.push(("tls-handshake-failed/stalled", e));

    let mut e = evidence("wss://localhost:8443/ws");
    e.connection = Some(connected());
    e.tls_failure = Some(TlsFailure::NoCertificate);
    out.push(("cert-unreadable", e));
    let mut e = checked(Vec::new(), Verdict::BadEncoding, false);
    if let Some(check) = e.certificate.as_mut() {
        check.presented = 1;
    }
    out.push(("cert-unreadable/garbage", e));

    let mut expired = cert("CN=localhost", "CN=Test CA", "ECDSA P-256");
    expired.not_before_unix = NOW - 90 * DAY;
    expired.not_after_unix = NOW - 3 * DAY;
    out.push((
        "cert-expired",
        checked(vec![expired], Verdict::Expired, true),
    ));
    let mut early = cert("CN=localhost", "CN=Test CA", "ECDSA P-256");
    early.not_before_unix = NOW + 10 * DAY;
    out.push((
        "cert-not-yet-valid",
        checked(vec![early], Verdict::NotYetValid, true),
    ));
    let mut soon = cert("CN=localhost", "CN=Test CA", "ECDSA P-256");
    soon.not_after_unix = NOW + 10 * DAY;
    out.push((
        "cert-expiring-soon",
        checked(vec![soon.clone()], Verdict::Trusted, true),
    ));
    soon.not_after_unix = NOW + 3 * 3600;
    out.push((
        "cert-expiring-soon/hours",
        checked(vec![soon], Verdict::Trusted, true),
    ));

    out.push((
        "cert-hostname-mismatch",
        checked(
            vec![cert("CN=other", "CN=Test CA", "ECDSA P-256")],
            Verdict::NameMismatch,
            false,
        ),
    ));
    let mut nameless = cert("CN=localhost", "CN=Test CA", "ECDSA P-256");
    nameless.dns_names.clear();
    nameless.ip_addresses.clear();
    out.push((
        "cert-hostname-mismatch/no-names",
        checked(vec![nameless], Verdict::NameMismatch, false),
    ));

    out.push((
        "cert-self-signed",
        checked(
            vec![cert("CN=localhost", "CN=localhost", "ECDSA P-256")],
            Verdict::UnknownIssuer,
            true,
        ),
    ));
    out.push((
        "cert-untrusted-issuer",
        checked(
            vec![cert(
                "CN=localhost",
                "CN=Handshake Development CA",
                "ECDSA P-256",
            )],
            Verdict::UnknownIssuer,
            true,
        ),
    ));
    let mut leaf = cert("CN=localhost", "CN=Test Intermediate", "ECDSA P-256");
    leaf.names_issuer_location = true;
    out.push((
        "cert-chain-incomplete",
        checked(vec![leaf.clone()], Verdict::UnknownIssuer, true),
    ));
    leaf.names_issuer_location = false;
    out.push((
        "cert-chain-incomplete/name",
        checked(vec![leaf.clone()], Verdict::UnknownIssuer, true),
    ));
    leaf.issuer = "CN=Example Web CA,O=Example Corp".into();
    let mut e = checked(vec![leaf.clone()], Verdict::UnknownIssuer, true);
    if let Some(check) = e.certificate.as_mut() {
        check.issuer_sibling_root = Some("CN=Example Root CA,O=Example Corp".into());
    }
    out.push(("cert-chain-incomplete/sibling", e));
    let mut root = cert("CN=Example Root CA", "CN=Example Root CA", "ECDSA P-256");
    root.is_ca = true;
    out.push((
        "cert-untrusted-issuer/root",
        checked(
            vec![
                cert("CN=localhost", "CN=Example Root CA", "ECDSA P-256"),
                root,
            ],
            Verdict::UnknownIssuer,
            true,
        ),
    ));
    let mut intermediate = cert("CN=Test Intermediate", "CN=Test Root", "ECDSA P-256");
    intermediate.is_ca = true;
    intermediate.not_after_unix = NOW - 2 * DAY;
    let mut e = checked(
        vec![
            cert("CN=localhost", "CN=Test Intermediate", "ECDSA P-256"),
            intermediate.clone(),
        ],
        Verdict::Expired,
        true,
    );
    if let Some(check) = e.certificate.as_mut() {
        check.issuer_trusted = true;
    }
    out.push(("cert-chain-outside-validity", e));
    intermediate.not_after_unix = NOW + 400 * DAY;
    intermediate.not_before_unix = NOW + DAY;
    out.push((
        "cert-chain-outside-validity/not-yet-valid",
        checked(
            vec![
                cert("CN=localhost", "CN=Test Intermediate", "ECDSA P-256"),
                intermediate,
            ],
            Verdict::NotYetValid,
            true,
        ),
    ));

    let mut sha1 = cert("CN=localhost", "CN=Test CA", "RSA 2048");
    sha1.signature = "sha1WithRSAEncryption".into();
    out.push((
        "cert-weak-signature",
        checked(vec![sha1], Verdict::UnsupportedSignature, true),
    ));
    let mut md5 = cert("CN=Test Intermediate", "CN=Test Root", "RSA 2048");
    md5.signature = "md5WithRSAEncryption".into();
    out.push((
        "cert-weak-signature/intermediate",
        checked(
            vec![
                cert("CN=localhost", "CN=Test Intermediate", "ECDSA P-256"),
                md5,
            ],
            Verdict::UnsupportedSignature,
            true,
        ),
    ));
    out.push((
        "cert-weak-key",
        checked(
            vec![cert("CN=localhost", "CN=Test CA", "RSA 1024")],
            Verdict::UnsupportedSignature,
            true,
        ),
    ));
    out.push((
        "cert-rejected",
        checked(
            vec![cert("CN=localhost", "CN=Test CA", "ECDSA P-256")],
            Verdict::BadSignature,
            true,
        ),
    ));
    let mut e = checked(
        vec![cert(
            "CN=localhost",
            "CN=Handshake Development CA",
            "ECDSA P-256",
        )],
        Verdict::BadSignature,
        true,
    );
    if let Some(check) = e.certificate.as_mut() {
        check.issuer_trusted = true;
    }
    out.push(("cert-rejected/remade-ca", e));
    // `openssl req -x509` without CA:FALSE, trusted with --ca.
    let mut ca_leaf = cert("CN=localhost", "CN=localhost", "ECDSA P-256");
    ca_leaf.is_ca = true;
    let mut e = checked(vec![ca_leaf], Verdict::Other, true);
    if let Some(check) = e.certificate.as_mut() {
        check.leaf_trusted = true;
    }
    out.push(("cert-rejected/ca-as-leaf", e.clone()));
    if let Some(check) = e.certificate.as_mut() {
        check.leaf_trusted = false;
    }
    out.push(("cert-self-signed/ca-as-leaf", e));
    out.push((
        "cert-rejected/unsupported-signature",
        checked(
            vec![cert("CN=localhost", "CN=Test CA", "Ed448")],
            Verdict::UnsupportedSignature,
            true,
        ),
    ));
    for (name, verdict) in [
        ("cert-rejected/bad-encoding", Verdict::BadEncoding),
        ("cert-rejected/wrong-purpose", Verdict::WrongPurpose),
        ("cert-rejected/revoked", Verdict::Revoked),
        ("cert-rejected/other", Verdict::Other),
    ] {
        out.push((
            name,
            checked(
                vec![cert("CN=localhost", "CN=Test CA", "ECDSA P-256")],
                verdict,
                true,
            ),
        ));
    }

    out.push((
        "http-redirect",
        answered(
            "wss://localhost:8443/ws",
            head(
                "HTTP/1.1 301 Moved Permanently",
                &[("Location", "https://localhost:8443/ws/")],
                "",
            ),
        ),
    ));
    out.push((
        "http-redirect/no-location",
        answered(
            "https://localhost:8443/",
            head("HTTP/1.1 302 Found", &[], ""),
        ),
    ));
    out.push((
        "http-ok",
        answered(
            "https://localhost:8443/v1",
            head("HTTP/1.1 200 OK", &[("Server", "Apache")], "{}"),
        ),
    ));
    out.push((
        "http-ok/hsts",
        answered(
            "https://localhost:8443/v1",
            head(
                "HTTP/1.1 200 OK",
                &[("Strict-Transport-Security", "max-age=63072000")],
                "",
            ),
        ),
    ));
    out.push((
        "http-ok/plain",
        answered(
            "http://localhost:8080/",
            head("HTTP/1.1 204 No Content", &[], ""),
        ),
    ));

    out.push((
        "ws-ok",
        answered(
            "wss://localhost:8443/ws",
            head(
                "HTTP/1.1 101 Switching Protocols",
                &[(
                    "Sec-WebSocket-Accept",
                    &ws::accept_for("dGhlIHNhbXBsZSBub25jZQ=="),
                )],
                "",
            ),
        ),
    ));
    let mut e = answered(
        "wss://localhost:8443/ws",
        head(
            "HTTP/1.1 101 Switching Protocols",
            &[(
                "Sec-WebSocket-Accept",
                &ws::accept_for("dGhlIHNhbXBsZSBub25jZQ=="),
            )],
            "",
        ),
    );
    e.offered_legacy = Some(HelloAnswer::Hello(server_hello("TLSv1.1", 0xc013)));
    out.push(("tls-legacy-versions", e));
    let mut e = answered(
        "https://localhost:8443/",
        head(
            "HTTP/1.1 200 OK",
            &[(
                "Strict-Transport-Security",
                "max-age=31536000; includeSubDomains",
            )],
            "",
        ),
    );
    e.expected = Some(CertInfo {
        serial: "02".into(),
        not_after: "2027-09-01T00:00:00Z".into(),
        not_after_unix: NOW + 270 * DAY,
        ..cert("CN=localhost", "CN=Test CA", "ECDSA P-256")
    });
    out.push(("cert-not-reloaded", e.clone()));
    out.push(("hsts-on-localhost", e));
    let mut e = answered("https://localhost:8443/", head("HTTP/1.1 200 OK", &[], ""));
    e.expected = Some(CertInfo {
        serial: "07".into(),
        not_after: "2027-01-01T00:00:00Z".into(),
        not_after_unix: NOW + 30 * DAY,
        ..cert("CN=localhost", "CN=Test CA", "ECDSA P-256")
    });
    out.push(("cert-not-reloaded/other", e));
    let mut e = answered("https://localhost:8443/", head("HTTP/1.1 200 OK", &[], ""));
    e.chain[0].serial = "0a".into();
    let revoked = |reason: Option<&str>| Staple {
        serial: "0a".into(),
        status: Stapled::Revoked {
            at: "2026-11-20T09:30:00Z".into(),
            reason: reason.map(str::to_owned),
        },
    };
    e.stapled = Some(revoked(Some("keyCompromise")));
    out.push(("cert-revoked", e.clone()));
    e.stapled = Some(revoked(None));
    out.push(("cert-revoked/unspecified", e));
    let mut e = answered("https://example.com/", head("HTTP/1.1 200 OK", &[], ""));
    e.chain = vec![
        cert(
            "CN=example.com",
            "CN=Zscaler Intermediate Root CA (zscaler.net)",
            "RSA 2048",
        ),
        cert(
            "CN=Zscaler Intermediate Root CA (zscaler.net)",
            "CN=Zscaler Root CA,OU=Zscaler Inc.",
            "RSA 2048",
        ),
    ];
    out.push(("tls-intercepted", e));
    // Squid's ssl_bump: the leaf made with the proxy CA's own key, and the
    // upgrade inside dropped (the echo never answers the plain GET).
    let mut e = evidence("wss://chat.example.com/ws");
    via_proxy(&mut e, "HTTPS_PROXY");
    e.connection = Some(connected());
    e.tls = Some(tls_session());
    let ca = "O=Example Corp, CN=Example Corp Inspection CA";
    let mut leaf = cert("CN=chat.example.com", ca, "RSA 2048");
    leaf.key_sha256 = format!("key of {ca}");
    e.chain = vec![leaf, cert(ca, ca, "RSA 2048")];
    e.ws_key = Some("dGhlIHNhbXBsZSBub25jZQ==".into());
    e.response_failure = Some(ResponseFailure::Silent);
    out.push(("tls-intercepted/key", e.clone()));
    // The same forgery met first, the proxy's root not trusted.
    e.ws_key = None;
    e.response_failure = None;
    e.certificate = Some(CertificateCheck {
        presented: 2,
        verdict: Verdict::UnknownIssuer,
        name_matches: true,
        issuer_trusted: false,
        leaf_trusted: false,
        issuer_sibling_root: None,
    });
    out.push(("cert-untrusted-issuer/re-signed", e));
    let mut e = answered(
        "ws://localhost:8080/ws",
        head(
            "HTTP/1.1 101 Switching Protocols",
            &[
                (
                    "Sec-WebSocket-Accept",
                    &ws::accept_for("dGhlIHNhbXBsZSBub25jZQ=="),
                ),
                ("Sec-WebSocket-Protocol", "v12.stomp"),
            ],
            "",
        ),
    );
    e.subprotocols_offered = vec!["v12.stomp".into(), "v11.stomp".into()];
    out.push(("ws-ok/subprotocol", e));
    out.push((
        "ws-accept-mismatch",
        answered(
            "ws://localhost:8080/ws",
            head(
                "HTTP/1.1 101 Switching Protocols",
                &[("Sec-WebSocket-Accept", "bogus")],
                "",
            ),
        ),
    ));
    out.push((
        "ws-upgrade-ignored",
        answered(
            "ws://localhost:8080/ws",
            head("HTTP/1.1 200 OK", &[("Server", "nginx/1.22.1")], "<html>"),
        ),
    ));
    out.push((
        "ws-upgrade-rejected",
        answered(
            "ws://localhost:8080/ws",
            head(
                "HTTP/1.1 400 Bad Request",
                &[],
                "Can \"Upgrade\" only to \"WebSocket\".",
            ),
        ),
    ));
    out.push((
        "ws-sockjs-endpoint",
        answered(
            "wss://localhost:8443/sockjs",
            head(
                "HTTP/1.1 200 OK",
                &[("Content-Type", "text/plain;charset=UTF-8")],
                "Welcome to SockJS!\n",
            ),
        ),
    ));
    // Spring's `.withSockJS()`: an empty 400, and SockJS's `/info`.
    let mut e = answered(
        "wss://localhost:8443/sockjs",
        head("HTTP/1.1 400", &[("Content-Length", "0")], ""),
    );
    e.sockjs_info = true;
    out.push(("ws-sockjs-endpoint/spring", e));
    out.push((
        "ws-socketio-endpoint",
        answered(
            "ws://localhost:3000/socket.io/",
            head("HTTP/1.1 400 Bad Request", &[], "Transport unknown"),
        ),
    ));
    let mut e = switched("ws://localhost:4000/graphql", None);
    e.after_upgrade = Some(crate::probe::ws::AfterUpgrade {
        first_message: None,
        close: Some(crate::probe::ws::CloseSeen {
            code: 4406,
            reason: "Subprotocol not acceptable".into(),
        }),
        server_closed_first: true,
    });
    out.push(("ws-subprotocol-required", e));
    let mut e = switched("ws://localhost:8080/live", None);
    e.after_upgrade = Some(crate::probe::ws::AfterUpgrade {
        first_message: None,
        close: Some(crate::probe::ws::CloseSeen {
            code: 1008,
            reason: "token required".into(),
        }),
        server_closed_first: true,
    });
    out.push(("ws-closed-at-once", e));
    let e = switched("ws://localhost:8080/stomp", Some("v12.stomp"));
    out.push(("ws-subprotocol-required/unoffered", e));
    let mut e = answered(
        "ws://localhost:8080/mqtt",
        head(
            "HTTP/1.1 400 Bad Request",
            &[],
            "Missing Sec-WebSocket-Protocol: mqtt",
        ),
    );
    e.subprotocols_offered = vec!["chat".into()];
    out.push(("ws-subprotocol-required/refused", e));
    let exchanges = [
        (
            "ws-no-answer",
            Protocol::Echo,
            CheckFailure::NoAnswer {
                timeout_s: 5.0,
                sent: "ping".into(),
            },
        ),
        (
            "ws-no-answer/stomp",
            Protocol::Stomp,
            CheckFailure::NoAnswer {
                timeout_s: 5.0,
                sent: "STOMP CONNECT".into(),
            },
        ),
        (
            "ws-closed-by-server",
            Protocol::Stomp,
            CheckFailure::ClosedWebSocket {
                code: 1008,
                reason: "Origin not allowed".into(),
            },
        ),
        (
            "ws-closed-by-server/abnormal",
            Protocol::Echo,
            CheckFailure::Closed,
        ),
        (
            "proxy-idle-timeout",
            Protocol::Stomp,
            CheckFailure::IdleClosed {
                after_s: 60.0,
                code: 1006,
                reason: String::new(),
                pinged: false,
            },
        ),
        (
            "proxy-idle-timeout/unknown",
            Protocol::Echo,
            CheckFailure::IdleClosed {
                after_s: 2.0,
                code: 1001,
                reason: "idle".into(),
                pinged: true,
            },
        ),
        (
            "ws-protocol-refused",
            Protocol::Stomp,
            CheckFailure::ProtocolRefused {
                protocol: Protocol::Stomp,
                message:
                    "Failed to send message to ExecutorSubscribableChannel[clientInboundChannel]"
                        .into(),
                detail: String::new(),
            },
        ),
        // RabbitMQ's ERROR frames, as its Web-STOMP plugin sends them.
        (
            "ws-protocol-refused/login",
            Protocol::Stomp,
            CheckFailure::ProtocolRefused {
                protocol: Protocol::Stomp,
                message: "Bad CONNECT".into(),
                detail: "Access refused for user 'guest'".into(),
            },
        ),
        (
            "ws-protocol-refused/vhost",
            Protocol::Stomp,
            CheckFailure::ProtocolRefused {
                protocol: Protocol::Stomp,
                message: "Bad CONNECT".into(),
                detail: "Virtual host '127.0.0.1' access denied".into(),
            },
        ),
        (
            "ws-protocol-refused/other",
            Protocol::Socketio,
            CheckFailure::NotThisProtocol {
                protocol: Protocol::Socketio,
                answer: "pong".into(),
            },
        ),
    ];
    for (name, protocol, failure) in exchanges {
        let mut e = switched("wss://localhost:8443/stomp", Some("v12.stomp"));
        e.subprotocols_offered = vec!["v12.stomp".into()];
        e.exchange = Some(Exchange { protocol, failure });
        out.push((name, e));
    }
    out.push((
        "ws-path-not-found",
        answered(
            "wss://localhost:8443/socket",
            head("HTTP/1.1 404 Not Found", &[], ""),
        ),
    ));
    let mut e = answered(
        "ws://localhost:8080/ws",
        head("HTTP/1.1 403 Forbidden", &[], ""),
    );
    e.origin = Some("http://app.example.com".into());
    e.status_without_origin = Some(101);
    out.push(("ws-origin-forbidden", e));
    // Node's `ws` with a verifyClient: 401 for a foreign Origin.
    let mut e = answered(
        "ws://localhost:8080/ws",
        head("HTTP/1.1 401 Unauthorized", &[], ""),
    );
    e.origin = Some("http://evil.example".into());
    e.status_without_origin = Some(101);
    out.push(("ws-origin-forbidden/401", e));
    out.push((
        "ws-forbidden",
        answered(
            "ws://localhost:8080/ws",
            head("HTTP/1.1 403 Forbidden", &[], ""),
        ),
    ));
    out.push((
        "ws-auth-required",
        answered(
            "ws://localhost:8080/ws",
            head(
                "HTTP/1.1 401 Unauthorized",
                &[("WWW-Authenticate", "Bearer realm=\"chat\"")],
                "",
            ),
        ),
    ));
    out.push((
        "proxy-upstream-down",
        answered(
            "wss://localhost:8443/ws",
            head(
                "HTTP/1.1 502 Bad Gateway",
                &[("Server", "nginx/1.22.1")],
                "",
            ),
        ),
    ));

    let mut e = evidence("ws://api.example.com:8080/ws");
    e.origin = Some("https://app.example.com".into());
    e.dns_error = Some(DnsError::Timeout);
    out.push(("mixed-content", e));
    let mut e = evidence("ws://localhost:8080/ws");
    e.origin = Some("https://app.example.com".into());
    e.dns_error = Some(DnsError::Timeout);
    out.push(("mixed-content/loopback", e));
    let mut e = evidence("http://api.example.com:8080/api");
    e.origin = Some("https://app.example.com".into());
    e.dns_error = Some(DnsError::Timeout);
    out.push(("mixed-content/fetch", e));
    let mut e = answered(
        "https://localhost:8443/v1",
        head("HTTP/1.1 200 OK", &[], ""),
    );
    e.origin = Some("https://app.example.com".into());
    e.preflight = Some(head("HTTP/1.1 403 Forbidden", &[], ""));
    out.push(("cors-missing", e));
    let mut e = answered(
        "https://localhost:8443/v1",
        head("HTTP/1.1 200 OK", &[], ""),
    );
    e.origin = Some("https://app.example.com/".into());
    e.preflight = Some(head(
        "HTTP/1.1 204 No Content",
        &[("Access-Control-Allow-Origin", "https://other.example.com")],
        "",
    ));
    out.push(("cors-origin-mismatch", e));

    // What a browser saw from Handshake's probe page (`check --browser`),
    // beside a healthy diagnosis of the same URL.
    let in_browser = |event: Option<(bool, BrowserEvent)>, trusted: bool| {
        let mut e = switched("wss://localhost:8443/ws", None);
        e.browser = Some(BrowserEvidence {
            browser: "chromium".into(),
            page_origin: "http://127.0.0.1:41234".into(),
            waited_ms: 30_000.0,
            report: event.map(|(opened, event)| BrowserReport {
                opened,
                event,
                elapsed_ms: 12.5,
                user_agent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0.0.0".into(),
            }),
            handshake_ok: true,
            ca_given: true,
            stores: vec![BrowserStore {
                path: "/home/dev/.pki/nssdb".into(),
                trusted,
            }],
            page_origin_status: None,
        });
        e
    };
    let echoed = BrowserEvent::Message {
        data: "ping".into(),
    };
    let closed = BrowserEvent::Close {
        code: 1006,
        reason: String::new(),
    };
    out.push(("browser-ok", in_browser(Some((true, echoed)), true)));
    out.push((
        "browser-ca-untrusted",
        in_browser(Some((false, closed.clone())), false),
    ));
    out.push(("browser-failed", in_browser(Some((false, closed)), true)));
    out.push((
        "browser-failed/threw",
        in_browser(
            Some((
                false,
                BrowserEvent::Threw {
                    name: "SecurityError".into(),
                    message: "The operation is insecure.".into(),
                },
            )),
            true,
        ),
    ));
    out.push(("browser-no-report", in_browser(None, false)));
    let refused = |origin: Option<&str>| {
        let mut e = in_browser(
            Some((
                false,
                BrowserEvent::Close {
                    code: 1006,
                    reason: String::new(),
                },
            )),
            true,
        );
        e.origin = origin.map(str::to_owned);
        if let Some(seen) = e.browser.as_mut() {
            seen.page_origin_status = Some(403);
        }
        e
    };
    out.push((
        "browser-origin-refused",
        refused(Some("https://app.example.com")),
    ));
    out.push(("browser-origin-refused/no-origin", refused(None)));

    out.into_iter()
        .map(|(name, evidence)| {
            let timings = if name.starts_with("ws-ok") || name == "tls-legacy-versions" {
                timings()
            } else {
                Timings::default()
            };
            (name.to_owned(), evidence, timings)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_diagnosis_code_has_a_fixture_that_produces_it() {
        for code in Code::ALL.iter().filter(|c| !c.as_str().starts_with("log-")) {
            let evidence = by_code(*code);
            let findings = super::super::findings(&evidence, &timings());
            assert!(
                findings.iter().any(|f| f.code == *code),
                "the {code} fixture gives {:?}",
                findings.iter().map(|f| f.code).collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn evidence_round_trips_through_json() {
        for (name, evidence, _) in all() {
            let json = serde_json::to_string(&evidence).unwrap_or_default();
            let back: Evidence = serde_json::from_str(&json)
                .unwrap_or_else(|error| panic!("{name}: {error}\n{json}"));
            assert_eq!(back, evidence, "{name}");
        }
    }
}
