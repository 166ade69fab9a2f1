//! The original bug report, reproduced with the real Tomcat 10 (Debian's
//! `tomcat10`, the server Spring Boot embeds): a `wss://` client against an
//! HTTP-only connector. Handshake must name it, and Tomcat must log the
//! "Invalid character found in method name" the user saw.

use std::time::{Duration, Instant};

use handshake_core::Code;
use handshake_core::logs::explain_text;
use handshake_testkit::servers::free_port;
use handshake_testkit::tomcat::Tomcat;

use crate::support::{codes, diagnose, finding};

#[tokio::test]
async fn wss_to_tomcats_http_connector_is_the_tls_to_plain_port_finding() {
    let port = free_port();
    let tomcat = Tomcat::start_http(port);

    let report = diagnose(&format!("wss://127.0.0.1:{port}/ws")).await;
    assert_eq!(
        codes(&report),
        ["tls-to-plain-port"],
        "{:#?}",
        report.findings
    );
    assert!(
        finding(&report, "tls-to-plain-port")
            .explanation
            .contains("HTTP/1.1 400")
    );

    // Tomcat logs the error of the original bug report (bounded wait: the
    // log line is written after the response).
    let deadline = Instant::now() + Duration::from_secs(10);
    while !tomcat
        .log()
        .contains("Invalid character found in method name")
    {
        assert!(
            Instant::now() < deadline,
            "Tomcat did not log the parse error:\n{}",
            tomcat.log()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(tomcat.log().contains("HTTP method names must be tokens"));

    // And the log analyzer reads Tomcat's own words: the ClientHello decoded.
    let explained = explain_text(&tomcat.log());
    let found = explained
        .findings
        .iter()
        .find(|f| f.finding.code == Code::LogTlsOnPlainPort)
        .unwrap_or_else(|| panic!("not recognised: {}", tomcat.log()));
    assert!(
        found.finding.explanation.contains("a TLS handshake record"),
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

    // The same port diagnosed as ws:// reaches the HTTP server.
    let report = diagnose(&format!("ws://127.0.0.1:{port}/ws")).await;
    assert_eq!(
        codes(&report),
        ["ws-path-not-found"],
        "{:#?}",
        report.findings
    );
}
