//! The proxy cases, through the real nginx (Debian's package) on loopback:
//! an upgrade that is not forwarded, an upstream that is down, plain HTTP to
//! a TLS port, a redirect, and the working configuration for contrast.

use handshake_core::{Code, Options};
use handshake_testkit::nginx::Nginx;
use handshake_testkit::pki::pem;
use handshake_testkit::servers::free_port;
use handshake_testkit::wait_until;
use rustls::pki_types::pem::PemObject;

use crate::support::{
    self, Ca, PRIOR_KNOWLEDGE, RDP_REQUEST, SOCKS4_REQUEST, SOCKS5_GREETING, answer, codes,
    diagnose, diagnose_with, finding, header, quick, real, real_log, send_raw, switching,
};

/// Like Spring's WebSocket handler: 101 with Upgrade, else its 400 text.
fn spring_like(request: &str) -> Vec<u8> {
    if header(request, "Upgrade").is_some_and(|u| u.eq_ignore_ascii_case("websocket")) {
        switching(request)
    } else {
        answer(
            "400 Bad Request",
            "",
            "Can \"Upgrade\" only to \"WebSocket\".",
        )
    }
}

#[tokio::test]
async fn nginx_without_upgrade_headers_gets_the_upgrade_rejected() {
    let upstream = support::http(spring_like).await;
    let (bare, forwarding) = (free_port(), free_port());
    let _nginx = Nginx::start(
        &format!(
            "  map $http_upgrade $connection_upgrade {{ default upgrade; '' close; }}\n\
             server {{ listen 127.0.0.1:{bare}; location /ws {{ proxy_pass http://127.0.0.1:{up}; }} }}\n\
             server {{ listen 127.0.0.1:{forwarding}; location /ws {{ proxy_pass http://127.0.0.1:{up}; proxy_http_version 1.1; proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection $connection_upgrade; }} }}",
            up = upstream.port
        ),
        &[bare, forwarding],
    );
    let report = diagnose(&format!("ws://127.0.0.1:{bare}/ws")).await;
    assert_eq!(
        codes(&report),
        ["ws-upgrade-rejected"],
        "{:#?}",
        report.findings
    );
    let found = finding(&report, "ws-upgrade-rejected");
    assert!(
        found.explanation.contains("Server: nginx"),
        "{}",
        found.explanation
    );
    assert!(found.fix.contains("proxy_http_version 1.1"));
    assert_eq!(found.ko.title, "서버가 업그레이드를 거부했습니다(400)");
    assert!(
        found.ko.explanation.contains("(Server: nginx/")
            && found
                .ko
                .explanation
                .contains("Can \"Upgrade\" only to \"WebSocket\""),
        "server words stay as they are: {}",
        found.ko.explanation
    );

    let report = diagnose(&format!("ws://127.0.0.1:{forwarding}/ws")).await;
    assert_eq!(codes(&report), ["ws-ok"], "{:#?}", report.findings);
}

#[tokio::test]
async fn nginx_with_its_upstream_down_is_a_502() {
    let (proxy, dead) = (free_port(), support::closed_port().await);
    let nginx = Nginx::start(
        &format!(
            "server {{ listen 127.0.0.1:{proxy}; location / {{ proxy_pass http://127.0.0.1:{dead}; }} }}"
        ),
        &[proxy],
    );
    real(
        &nginx.live(),
        diagnose(&format!("ws://127.0.0.1:{proxy}/ws")).await,
        &["proxy-upstream-down"],
    );
    log_codes(&nginx, &[Code::LogUpstreamRefused]);
}

#[tokio::test]
async fn nginx_redirects_are_not_followed() {
    let port = free_port();
    let nginx = Nginx::start(
        &format!("server {{ listen 127.0.0.1:{port}; return 301 https://$host$request_uri; }}"),
        &[port],
    );
    let report = real(
        &nginx.live(),
        diagnose(&format!("ws://127.0.0.1:{port}/ws")).await,
        &["http-redirect"],
    );
    assert!(
        finding(&report, "http-redirect")
            .title
            .contains("https://127.0.0.1/ws")
    );
}

#[tokio::test]
async fn plain_http_to_an_nginx_tls_port() {
    let ca = Ca::new("Test CA");
    let identity = ca.leaf(&["localhost"], -1, 90);
    let port = free_port();
    let dir = handshake_testkit::Scratch::new("nginx-pem");
    let (cert, key) = identity.write_pem(&dir);
    let nginx = Nginx::start(
        &format!(
            "server {{ listen 127.0.0.1:{port} ssl; ssl_certificate {}; ssl_certificate_key {}; location / {{ return 200 'ok'; }} }}",
            cert.display(),
            key.display()
        ),
        &[port],
    );
    let report = real(
        &nginx.live(),
        diagnose(&format!("http://localhost:{port}/")).await,
        &["plain-to-tls-port"],
    );
    assert!(
        finding(&report, "plain-to-tls-port")
            .explanation
            .contains("plain HTTP request was sent to HTTPS port")
    );
    log_codes(&nginx, &[Code::LogPlainOnTlsPort]);
    assert!(
        nginx
            .log()
            .contains("client sent plain HTTP request to HTTPS port"),
        "{}",
        nginx.log()
    );

    // And over TLS, trusting the CA, it answers.
    let options = Options {
        ca: vec![
            rustls::pki_types::CertificateDer::from_pem_slice(
                pem("CERTIFICATE", ca.cert().as_ref()).as_bytes(),
            )
            .expect("pem"),
        ],
        ..quick()
    };
    real(
        &nginx.live(),
        diagnose_with(&format!("https://localhost:{port}/"), options).await,
        &["http-ok"],
    );
    drop(nginx);
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn tls_to_a_plain_nginx_port() {
    let port = free_port();
    let nginx = Nginx::start(
        &format!("server {{ listen 127.0.0.1:{port}; return 200 'ok'; }}"),
        &[port],
    );
    real(
        &nginx.live(),
        diagnose(&format!("wss://127.0.0.1:{port}/ws")).await,
        &["tls-to-plain-port"],
    );
    // nginx logs the ClientHello as an invalid method (at level info), raw
    // bytes included: the log is not valid UTF-8.
    wait_until(
        5,
        || nginx.log().contains("client sent invalid method"),
        || nginx.log(),
    );
    log_codes(&nginx, &[Code::LogTlsOnPlainPort]);
    // Its access log keeps the bytes, escaped: "\x16\x03\x01…" 400.
    wait_until(
        5,
        || nginx.access_log().contains("\\x16\\x03"),
        || nginx.access_log(),
    );
    real_log(
        &nginx.live(),
        &nginx.access_log(),
        &[Code::LogTlsOnPlainPort],
    );
}

/// The log analyzer reads exactly `expected` in what nginx wrote to its
/// error log.
fn log_codes(nginx: &Nginx, expected: &[Code]) {
    real_log(&nginx.live(), &nginx.log(), expected);
}

#[tokio::test]
async fn a_certificate_file_with_a_whole_ca_bundle_is_named_not_called_corrupt() {
    // A common slip: the system's CA bundle appended to the server's
    // certificate file. nginx sends all of it; TLS clients stop at 64 KiB.
    let ca = Ca::new("Test CA");
    let identity = ca.leaf(&["localhost"], -1, 90);
    let port = free_port();
    let dir = handshake_testkit::Scratch::new("nginx-bundle");
    let (cert, key) = identity.write_pem(&dir);
    let bundle = std::fs::read_to_string("/etc/ssl/certs/ca-certificates.crt")
        .expect("the system CA bundle (ca-certificates)");
    let mut chain = std::fs::read_to_string(&cert).expect("leaf");
    while chain.len() < 300 * 1024 {
        chain.push_str(&bundle);
    }
    std::fs::write(&cert, chain).expect("chain");
    let nginx = Nginx::start(
        &format!(
            "server {{ listen 127.0.0.1:{port} ssl; ssl_certificate {}; ssl_certificate_key {}; location / {{ return 200 'ok'; }} }}",
            cert.display(),
            key.display()
        ),
        &[port],
    );
    let report = real(
        &nginx.live(),
        diagnose(&format!("wss://localhost:{port}/ws")).await,
        &["cert-too-large"],
    );
    let found = finding(&report, "cert-too-large");
    // The raw hello reads the whole message over TLS 1.2 and says its size.
    assert_eq!(found.fact("size"), Some("known"));
    assert_eq!(found.fact("cause"), Some("bundle"));
    assert!(
        found
            .finding
            .facts
            .whole("size_kib")
            .is_some_and(|kib| kib >= 300),
        "{:?}",
        found.finding.facts
    );
    assert!(
        found.explanation.contains("KiB message"),
        "{}",
        found.explanation
    );
    assert!(
        found.fix.contains("a CA bundle does not belong there"),
        "{}",
        found.fix
    );
    assert!(
        found.ko.explanation.contains("KiB 메시지로 보냅니다"),
        "{}",
        found.ko.explanation
    );
    let _ = std::fs::remove_dir_all(dir);
}

/// Options with a page origin.
fn from_origin(origin: &str) -> Options {
    Options {
        origin: Some(origin.to_owned()),
        ..quick()
    }
}

/// What nginx answers with a line of configuration each — a location that
/// answers the upgrade with 200, refuses it (403), asks for a password
/// (auth_basic), closes without a word (444), sends too many headers, or
/// answers a cross-origin request without or with another origin's CORS
/// header: each named by its code, from the real nginx.
#[tokio::test]
async fn nginx_answers_that_are_not_an_upgrade_are_named() {
    let dir = handshake_testkit::Scratch::new("nginx-answers");
    std::fs::create_dir_all(&dir).expect("dir");
    // user:password (apr1), as `htpasswd` writes it.
    let users = dir.join("users");
    std::fs::write(&users, "chat:$apr1$ntOmX/8v$0kfMgd2vZRfWY5PcEhkzj1\n").expect("users");
    let headers: String = (0..800)
        .map(|n| format!("add_header X-Filler-{n} \"{}\" always; ", "x".repeat(100)))
        .collect();
    let cases: Vec<(String, &str, Option<&str>, &str)> = vec![
        ("location /ws { return 200 'ok'; }".into(), "ws", None, "ws-upgrade-ignored"),
        ("location /ws { return 403; }".into(), "ws", None, "ws-forbidden"),
        (
            format!("location /ws {{ auth_basic \"chat\"; auth_basic_user_file {}; }}", users.display()),
            "ws",
            None,
            "ws-auth-required",
        ),
        ("location /ws { return 444; }".into(), "ws", None, "connection-closed"),
        (format!("location /ws {{ {headers} return 200 'ok'; }}"), "ws", None, "http-headers-too-large"),
        (
            "location /api { return 200 '{}'; }".into(),
            "http",
            Some("http://app.example.test"),
            "cors-missing",
        ),
        (
            "location /api { add_header Access-Control-Allow-Origin http://other.example.test always; return 200 '{}'; }".into(),
            "http",
            Some("http://app.example.test"),
            "cors-origin-mismatch",
        ),
    ];
    for (location, scheme, origin, code) in cases {
        let port = free_port();
        let nginx = Nginx::start(
            &format!("server {{ listen 127.0.0.1:{port}; {location} }}"),
            &[port],
        );
        let path = if scheme == "ws" { "ws" } else { "api" };
        let options = origin.map_or_else(quick, from_origin);
        // A plain HTTP request that got its answer is also `http-ok`.
        let expected = if scheme == "http" {
            vec![code, "http-ok"]
        } else {
            vec![code]
        };
        real(
            &nginx.live(),
            diagnose_with(&format!("{scheme}://127.0.0.1:{port}/{path}"), options).await,
            &expected,
        );
    }
    let _ = std::fs::remove_dir_all(dir);
}

/// nginx's own error-log lines, caused for real: an upstream that closes
/// without answering, an upstream group with no server left, and a TLS
/// handshake nginx refuses (Handshake's probe for legacy versions offers
/// TLS 1.1 at most, which an nginx with TLS 1.2+ only turns down).
#[tokio::test]
async fn nginx_logs_its_upstream_and_handshake_failures() {
    let closing = support::serve(|mut stream| async move {
        let _ = support::read_request(&mut stream).await;
    })
    .await;
    // nginx never gives up on a group's only server: two that refuse.
    let (dead, dead_too) = (support::closed_port().await, support::closed_port().await);
    let (proxy, group) = (free_port(), free_port());
    let nginx = Nginx::start(
        &format!(
            "upstream gone {{ server 127.0.0.1:{dead} max_fails=1 fail_timeout=60s; server 127.0.0.1:{dead_too} max_fails=1 fail_timeout=60s; }}\n\
             server {{ listen 127.0.0.1:{proxy}; location / {{ proxy_pass http://127.0.0.1:{up}; }} }}\n\
             server {{ listen 127.0.0.1:{group}; location / {{ proxy_pass http://gone; }} }}",
            up = closing.port
        ),
        &[proxy, group],
    );
    let report = diagnose(&format!("ws://127.0.0.1:{proxy}/ws")).await;
    assert_eq!(
        codes(&report),
        ["proxy-upstream-down"],
        "{:#?}",
        report.findings
    );
    // The first request marks both servers failed; the second finds none.
    for _ in 0..2 {
        real(
            &nginx.live(),
            diagnose(&format!("ws://127.0.0.1:{group}/ws")).await,
            &["proxy-upstream-down"],
        );
    }
    wait_until(
        5,
        || nginx.log().contains("no live upstreams"),
        || nginx.log(),
    );
    log_codes(
        &nginx,
        &[
            Code::LogUpstreamClosed,
            Code::LogUpstreamRefused,
            Code::LogNoLiveUpstreams,
        ],
    );

    let ca = Ca::new("Test CA");
    let port = free_port();
    let dir = handshake_testkit::Scratch::new("nginx-tls-log");
    let (cert, key) = ca.leaf(&["localhost"], -1, 30).write_pem(&dir);
    let tls = Nginx::start(
        &format!(
            "server {{ listen 127.0.0.1:{port} ssl; ssl_protocols TLSv1.2 TLSv1.3; ssl_certificate {}; ssl_certificate_key {}; location / {{ return 200 'ok'; }} }}",
            cert.display(),
            key.display()
        ),
        &[port],
    );
    let _ = diagnose(&format!("https://localhost:{port}/")).await;
    wait_until(
        5,
        || tls.log().contains("SSL_do_handshake() failed"),
        || tls.log(),
    );
    log_codes(&tls, &[Code::LogTlsHandshakeFailed]);
    let _ = std::fs::remove_dir_all(dir);
}

/// Not every byte nginx calls an invalid method is TLS: a scanner's RDP
/// request and HTTP/2's prior-knowledge preface are named for what they
/// are (both were "a TLS client on the wrong port" before).
#[test]
fn scanners_and_http_two_without_tls_are_named_not_called_tls() {
    let port = free_port();
    let nginx = Nginx::start(
        &format!("server {{ listen 127.0.0.1:{port}; return 200 'ok'; }}"),
        &[port],
    );
    for bytes in [
        SOCKS5_GREETING,
        SOCKS4_REQUEST,
        RDP_REQUEST,
        PRIOR_KNOWLEDGE,
    ] {
        assert!(send_raw(port, bytes).starts_with("HTTP/1.1 400"));
    }
    wait_until(5, || nginx.log().contains("PRI * HTTP/2.0"), || nginx.log());
    // The error log and the access log, each read as nginx wrote it.
    wait_until(
        5,
        || nginx.access_log().contains("PRI"),
        || nginx.access_log(),
    );
    for log in [nginx.log(), nginx.access_log()] {
        real_log(
            &nginx.live(),
            &log,
            &[Code::LogPortProbed, Code::LogPriorKnowledgePreface],
        );
    }
    // Each probe named by what sent it.
    let explained = handshake_core::logs::explain_text(&nginx.log());
    let mut sent: Vec<&str> = explained
        .findings
        .iter()
        .filter_map(|f| f.finding.facts.text("sent"))
        .collect();
    sent.sort_unstable();
    assert_eq!(
        sent,
        ["rdp", "socks4", "socks5"],
        "{:#?}",
        explained.findings
    );
    let probed = explained
        .findings
        .iter()
        .find(|f| f.finding.facts.text("sent") == Some("rdp"))
        .unwrap_or_else(|| panic!("{:#?}", explained.findings));
    assert!(
        probed
            .finding
            .words(handshake_core::Language::En)
            .explanation
            .contains("0x03 0x00 0x00 0x2b"),
        "{:#?}",
        probed.finding
    );
}

/// A proxy that rewrites the client's key — nginx setting a fixed
/// `Sec-WebSocket-Key` in front of Node's `ws` — makes the server's accept
/// value answer another key, which every browser refuses.
#[tokio::test]
async fn a_proxy_rewriting_the_key_makes_the_accept_value_wrong() {
    let echo = handshake_testkit::node::Node::start(handshake_testkit::node::Kind::Echo, None);
    let port = free_port();
    let nginx = Nginx::start(
        &format!(
            "server {{ listen 127.0.0.1:{port}; location / {{
                proxy_pass http://127.0.0.1:{};
                proxy_http_version 1.1;
                proxy_set_header Upgrade $http_upgrade;
                proxy_set_header Connection upgrade;
                proxy_set_header Sec-WebSocket-Key \"dGhlIHNhbXBsZSBub25jZQ==\";
            }} }}",
            echo.port
        ),
        &[port],
    );
    let report = real(
        &nginx.live(),
        diagnose(&format!("ws://127.0.0.1:{port}/echo")).await,
        &["ws-accept-mismatch"],
    );
    let found = finding(&report, "ws-accept-mismatch");
    // RFC 6455's example key: the accept value for it, not for ours.
    assert_eq!(found.fact("accept"), Some("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
    drop(nginx);
}

/// A real server that starts while the diagnosis waits (`--wait`): nginx
/// started after the first refused attempt.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nginx_starting_during_the_wait_is_named_with_the_delay() {
    let port = free_port();
    let url = format!("http://127.0.0.1:{port}/");
    let options = Options {
        wait: Some(std::time::Duration::from_secs(20)),
        ..quick()
    };
    let waiting = tokio::spawn(async move { diagnose_with(&url, options).await });
    // Only an order: the first attempt is refused before nginx exists.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let nginx = tokio::task::spawn_blocking(move || {
        Nginx::start(
            &format!("server {{ listen 127.0.0.1:{port}; return 200 'ok'; }}"),
            &[port],
        )
    })
    .await
    .expect("nginx starts");
    real(
        &nginx.live(),
        waiting.await.expect("the diagnosis ends"),
        &["server-not-ready", "http-ok"],
    );
    drop(nginx);
}
