//! The servers our users run besides nginx, Apache and Tomcat — HAProxy,
//! Caddy, lighttpd, stunnel, Jetty, uvicorn and hypercorn — started for
//! real: the healthy setup is healthy, the wrong-port mistakes are named
//! by their cause, and what each logs is explained, by the library that
//! wrote the words (OpenSSL, Go) where the server only passes them on.

use std::path::Path;

use handshake_core::probe::tls::read_ca_file;
use std::time::Duration;

use handshake_core::{CheckOptions, Code, Options};
use handshake_testkit::node::{Kind, Node};
use handshake_testkit::pki::Ca;
use handshake_testkit::servers::free_port;
use handshake_testkit::{Scratch, caddy, haproxy, jetty, lighttpd, python, stunnel, wait_until};

use crate::support::{check, diagnose, diagnose_with, quick, real, real_log};

/// A certificate for localhost from a test CA, as PEM files in `dir`, and
/// options trusting that CA.
fn certificate(dir: &Path) -> ((std::path::PathBuf, std::path::PathBuf), Options) {
    let ca = Ca::new("Other Servers Test CA");
    let files = ca.leaf(&["localhost"], -1, 90).write_pem(dir);
    let options = Options {
        ca: vec![ca.cert()],
        ..quick()
    };
    (files, options)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn haproxy_terminating_tls_for_a_websocket() {
    let dir = Scratch::new("haproxy-certificate");
    let ((cert, key), trusting) = certificate(&dir);
    let echo = Node::start(Kind::Echo, None);
    let port = free_port();
    let haproxy = haproxy::start(Some((&cert, &key)), port, echo.port, "");
    real(
        &haproxy.live(),
        diagnose_with(&format!("wss://localhost:{port}/echo"), trusting).await,
        &["ws-ok"],
    );
    // HAProxy closes a plain request on its TLS port without a byte: the
    // port is named by the ServerHello it gives a ClientHello.
    real(
        &haproxy.live(),
        diagnose(&format!("ws://localhost:{port}/echo")).await,
        &["plain-to-tls-port"],
    );
    wait_until(
        5,
        || haproxy.log().contains("SSL handshake failure"),
        || haproxy.log(),
    );
    real_log(
        &haproxy.live(),
        &haproxy.log(),
        &[Code::LogTlsHandshakeFailed],
    );
}

/// HAProxy's client timeout ends an idle WebSocket (without `timeout
/// tunnel` it applies to upgraded connections too): named as the idle
/// timeout on the way, and pings keep the connection.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn haproxy_ends_an_idle_websocket_at_its_client_timeout() {
    let echo = Node::start(Kind::Echo, None);
    let port = free_port();
    let haproxy = haproxy::start(
        None,
        port,
        echo.port,
        "timeout connect 5s\n  timeout client 2s\n  timeout server 2s",
    );
    let url = format!("ws://127.0.0.1:{port}/echo");
    let options = |ping| CheckOptions {
        idle: Some(Duration::from_secs(5)),
        ping,
        ..CheckOptions::default()
    };
    let report = check(&url, options(None)).await;
    assert!(!report.ok, "{report:#?}");
    let codes: Vec<&str> = report.findings.iter().map(|f| f.code.as_str()).collect();
    handshake_testkit::coverage::assert_made(
        &haproxy.live(),
        &codes,
        &["proxy-idle-timeout", "ws-ok"],
    );
    let report = check(&url, options(Some(Duration::from_secs(1)))).await;
    assert!(report.ok, "{report:#?}");
}

/// Caddy's own automatic HTTPS from its internal CA; Go's words for plain
/// HTTP on its TLS port, for an upstream that refuses, and for TLS sent to
/// a plain upstream.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn caddy_with_its_internal_ca_and_gos_words() {
    let echo = Node::start(Kind::Echo, None);
    let (port, refused, tls_to_plain) = (free_port(), free_port(), free_port());
    let dead = crate::support::closed_port().await;
    let caddy = caddy::start(
        &format!(
            "https://localhost:{port} {{\n\ttls internal\n\treverse_proxy 127.0.0.1:{}\n}}\n\
             https://localhost:{refused} {{\n\ttls internal\n\treverse_proxy 127.0.0.1:{dead}\n}}\n\
             https://localhost:{tls_to_plain} {{\n\ttls internal\n\treverse_proxy https://127.0.0.1:{}\n}}\n",
            echo.port, echo.port
        ),
        &[port, refused, tls_to_plain],
    );
    let root = caddy.dir().join("storage/pki/authorities/local/root.crt");
    let trusting = Options {
        ca: read_ca_file(&root).expect("Caddy's root"),
        ..quick()
    };
    real(
        &caddy.live(),
        diagnose_with(&format!("wss://localhost:{port}/echo"), trusting.clone()).await,
        &["ws-ok"],
    );
    let report = real(
        &caddy.live(),
        diagnose(&format!("ws://localhost:{port}/echo")).await,
        &["plain-to-tls-port"],
    );
    let page = report
        .evidence
        .response
        .as_ref()
        .map(|head| head.body_start.clone())
        .unwrap_or_default();
    real_log(&caddy.live(), &page, &[Code::LogPlainOnTlsPort]);

    real(
        &caddy.live(),
        diagnose_with(&format!("wss://localhost:{refused}/echo"), trusting.clone()).await,
        &["proxy-upstream-down"],
    );
    real(
        &caddy.live(),
        diagnose_with(&format!("wss://localhost:{tls_to_plain}/echo"), trusting).await,
        &["proxy-upstream-down"],
    );
    wait_until(
        5,
        || caddy.log().contains("does not look like a TLS handshake"),
        || caddy.log(),
    );
    real_log(
        &caddy.live(),
        &caddy.log(),
        &[Code::LogUpstreamRefused, Code::LogTlsOnPlainPort],
    );
}

/// lighttpd and stunnel terminating TLS: a plain HTTP client on the TLS
/// port, in OpenSSL's own words in their logs.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lighttpd_and_stunnel_log_openssls_words_for_plain_http() {
    let dir = Scratch::new("openssl-servers");
    let ((cert, key), trusting) = certificate(&dir);
    let port = free_port();
    let lighttpd = lighttpd::start(Some((&cert, &key)), port);
    real(
        &lighttpd.live(),
        diagnose_with(&format!("https://localhost:{port}/"), trusting.clone()).await,
        &["http-ok"],
    );
    diagnose(&format!("http://localhost:{port}/")).await;
    wait_until(
        5,
        || lighttpd.log().contains("http request"),
        || lighttpd.log(),
    );
    real_log(
        &lighttpd.live(),
        &lighttpd.log(),
        &[Code::LogPlainOnTlsPort],
    );

    let echo = Node::start(Kind::Echo, None);
    let port = free_port();
    let stunnel = stunnel::terminating(&cert, &key, port, echo.port);
    real(
        &stunnel.live(),
        diagnose_with(&format!("wss://localhost:{port}/echo"), trusting).await,
        &["ws-ok"],
    );
    real(
        &stunnel.live(),
        diagnose(&format!("ws://localhost:{port}/echo")).await,
        &["plain-to-tls-port"],
    );
    wait_until(
        5,
        || stunnel.log().contains("http request"),
        || stunnel.log(),
    );
    real_log(&stunnel.live(), &stunnel.log(), &[Code::LogPlainOnTlsPort]);
}

/// Jetty's plain connector meets a TLS client: named from the outside, and
/// Jetty's own answer ("Illegal character CNTL=0x16") explained.
#[tokio::test]
async fn tls_to_jettys_plain_connector() {
    let port = free_port();
    let jetty = jetty::start(port);
    real(
        &jetty.live(),
        diagnose(&format!("http://127.0.0.1:{port}/")).await,
        &["http-ok"],
    );
    let report = real(
        &jetty.live(),
        diagnose(&format!("wss://127.0.0.1:{port}/ws")).await,
        &["tls-to-plain-port"],
    );
    let said = report
        .evidence
        .bytes
        .as_ref()
        .map(|bytes| bytes.first_line.clone())
        .unwrap_or_default();
    assert!(said.contains("CNTL=0x16"), "{said}");
    real_log(&jetty.live(), &said, &[Code::LogTlsOnPlainPort]);
}

/// uvicorn and hypercorn serving a Starlette WebSocket: healthy, and TLS
/// on uvicorn's plain port named from both sides.
#[tokio::test]
async fn uvicorn_and_hypercorn_serve_a_starlette_websocket() {
    let port = free_port();
    let uvicorn = python::uvicorn(port);
    real(
        &uvicorn.live(),
        diagnose(&format!("ws://127.0.0.1:{port}/ws")).await,
        &["ws-ok"],
    );
    real(
        &uvicorn.live(),
        diagnose(&format!("wss://127.0.0.1:{port}/ws")).await,
        &["tls-to-plain-port"],
    );
    wait_until(
        5,
        || uvicorn.log().contains("Invalid HTTP request received."),
        || uvicorn.log(),
    );
    real_log(&uvicorn.live(), &uvicorn.log(), &[Code::LogTlsOnPlainPort]);
    // A path no WebSocket route matches: uvicorn answers 403, named as the
    // ASGI server's answer, path first.
    let report = real(
        &uvicorn.live(),
        diagnose(&format!("ws://127.0.0.1:{port}/nope")).await,
        &["ws-forbidden"],
    );
    assert_eq!(report.findings[0].facts.text("asgi"), Some("yes"));

    let port = free_port();
    let hypercorn = python::hypercorn(port);
    real(
        &hypercorn.live(),
        diagnose(&format!("ws://127.0.0.1:{port}/ws")).await,
        &["ws-ok"],
    );
    let report = real(
        &hypercorn.live(),
        diagnose(&format!("ws://127.0.0.1:{port}/nope")).await,
        &["ws-forbidden"],
    );
    assert_eq!(report.findings[0].facts.text("asgi"), Some("yes"));
}

/// aiohttp's own server: healthy, and TLS on its plain port named from
/// both sides (its parser's "Invalid method encountered").
#[tokio::test]
async fn aiohttp_serves_a_websocket_and_names_tls_on_its_plain_port() {
    let port = free_port();
    let aiohttp = python::aiohttp(port);
    real(
        &aiohttp.live(),
        diagnose(&format!("ws://127.0.0.1:{port}/ws")).await,
        &["ws-ok"],
    );
    real(
        &aiohttp.live(),
        diagnose(&format!("ws://127.0.0.1:{port}/nope")).await,
        &["ws-path-not-found"],
    );
    real(
        &aiohttp.live(),
        diagnose(&format!("wss://127.0.0.1:{port}/ws")).await,
        &["tls-to-plain-port"],
    );
    wait_until(
        5,
        || aiohttp.log().contains("Invalid method encountered"),
        || aiohttp.log(),
    );
    real_log(&aiohttp.live(), &aiohttp.log(), &[Code::LogTlsOnPlainPort]);
}

/// Node's TLS server meets a plain HTTP client: named from the outside,
/// and OpenSSL's reason, as a tlsClientError handler logs it, explained.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn plain_http_to_nodes_tls_server() {
    let dir = Scratch::new("node-tls");
    let ((cert, key), trusting) = certificate(&dir);
    let node = Node::start(Kind::Echo, Some((&cert, &key)));
    real(
        &node.live(),
        diagnose_with(&format!("wss://localhost:{}/echo", node.port), trusting).await,
        &["ws-ok"],
    );
    real(
        &node.live(),
        diagnose(&format!("ws://localhost:{}/echo", node.port)).await,
        &["plain-to-tls-port"],
    );
    wait_until(
        5,
        || node.console().contains("http request"),
        || node.console(),
    );
    real_log(&node.live(), &node.console(), &[Code::LogPlainOnTlsPort]);
}

/// lighttpd's mod_proxy in front of aiohttp: without `proxy.header =
/// ("upgrade" => "enable")` it forwards the upgrade as a plain GET and the
/// application refuses it (aiohttp's own "Can "Upgrade" only to
/// "WebSocket"" 400); with it the WebSocket works.
#[tokio::test]
async fn lighttpd_forwards_websockets_only_with_its_upgrade_header() {
    let upstream = free_port();
    let _aiohttp = python::aiohttp(upstream);
    let (dropped, forwarded) = (free_port(), free_port());
    let without = lighttpd::proxying(dropped, upstream, false);
    let report = real(
        &without.live(),
        diagnose(&format!("ws://127.0.0.1:{dropped}/ws")).await,
        &["ws-upgrade-rejected"],
    );
    let fix = report.findings[0].words(handshake_core::Language::En).fix;
    assert!(fix.contains("proxy.header"), "{fix}");
    let with = lighttpd::proxying(forwarded, upstream, true);
    real(
        &with.live(),
        diagnose(&format!("ws://127.0.0.1:{forwarded}/ws")).await,
        &["ws-ok"],
    );
}
