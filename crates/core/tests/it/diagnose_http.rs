//! What the WebSocket upgrade and the browser-side checks report, for each
//! kind of answer.

use handshake_core::Options;

use crate::support::{
    self, answer, codes, diagnose, diagnose_with, finding, header, quick, switching,
};

/// How a test server answers a request.
type Respond = fn(&str) -> Vec<u8>;

async fn diagnose_answer(respond: Respond) -> handshake_core::Report {
    let server = support::http(respond).await;
    diagnose(&format!("ws://127.0.0.1:{}/ws", server.port)).await
}

fn with_origin(origin: &str) -> Options {
    Options {
        origin: Some(origin.to_owned()),
        ..quick()
    }
}

#[tokio::test]
async fn a_correct_upgrade_is_ok() {
    let report = diagnose_answer(switching).await;
    assert_eq!(codes(&report), ["ws-ok"]);
    assert!(report.ok);
    assert_eq!(
        report.evidence.response.as_ref().map(|r| r.status),
        Some(101)
    );
}

#[tokio::test]
async fn a_wrong_accept_value_is_caught() {
    let report = diagnose_answer(|_| {
        b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: bm90IHRoZSByaWdodCBvbmU=\r\n\r\n".to_vec()
    })
    .await;
    assert_eq!(codes(&report), ["ws-accept-mismatch"]);
}

#[tokio::test]
async fn each_status_has_its_finding() {
    let cases: [(Respond, &str); 9] = [
        (
            |_| answer("200 OK", "", "<html>app</html>"),
            "ws-upgrade-ignored",
        ),
        (
            |_| {
                answer(
                    "400 Bad Request",
                    "",
                    "Can \"Upgrade\" only to \"WebSocket\".",
                )
            },
            "ws-upgrade-rejected",
        ),
        (
            |_| answer("426 Upgrade Required", "", ""),
            "ws-upgrade-rejected",
        ),
        (
            |_| answer("505 HTTP Version Not Supported", "", ""),
            "ws-upgrade-rejected",
        ),
        (
            |_| answer("401 Unauthorized", "WWW-Authenticate: Bearer\r\n", ""),
            "ws-auth-required",
        ),
        (|_| answer("403 Forbidden", "", ""), "ws-forbidden"),
        (|_| answer("404 Not Found", "", ""), "ws-path-not-found"),
        (|_| answer("502 Bad Gateway", "", ""), "proxy-upstream-down"),
        (
            |_| {
                answer(
                    "301 Moved Permanently",
                    "Location: wss://example.test/ws\r\n",
                    "",
                )
            },
            "http-redirect",
        ),
    ];
    for (respond, code) in cases {
        let report = diagnose_answer(respond).await;
        assert_eq!(codes(&report), [code], "{:#?}", report.findings);
        assert!(!report.ok, "{code} is an error");
    }
}

#[tokio::test]
async fn an_origin_check_is_told_from_auth() {
    // Like Spring's default: only the allowed origin (or none) may upgrade.
    let server = support::http(|request| match header(request, "Origin") {
        Some(origin) if origin != "http://app.example.test" => answer("403 Forbidden", "", ""),
        _ => switching(request),
    })
    .await;
    let url = format!("ws://127.0.0.1:{}/ws", server.port);
    let report = diagnose_with(&url, with_origin("http://evil.example.test")).await;
    assert_eq!(
        codes(&report),
        ["ws-origin-forbidden"],
        "{:#?}",
        report.findings
    );
    assert_eq!(report.evidence.status_without_origin, Some(101));
    assert!(
        finding(&report, "ws-origin-forbidden")
            .fix
            .contains("http://evil.example.test")
    );

    let report = diagnose_with(&url, with_origin("http://app.example.test")).await;
    assert_eq!(codes(&report), ["ws-ok"]);
}

/// Browsers open ws:// to loopback from an https page (it is potentially
/// trustworthy; proven with real Chromium and Firefox in the CLI's browser
/// tests): a warning that it will not work once deployed, not an error.
#[tokio::test]
async fn an_https_page_opens_ws_to_loopback_with_a_warning() {
    let server = support::http(switching).await;
    let report = diagnose_with(
        &format!("ws://127.0.0.1:{}/ws", server.port),
        with_origin("https://app.example.test"),
    )
    .await;
    assert_eq!(codes(&report), ["mixed-content", "ws-ok"]);
    assert!(report.ok);
    let mixed = finding(&report, "mixed-content");
    assert_eq!(mixed.finding.severity, handshake_core::Severity::Warning);
    assert!(mixed.fix.contains("wss://127.0.0.1:"), "{}", mixed.fix);
    assert!(
        mixed
            .title
            .contains("only because 127.0.0.1 is this machine"),
        "{}",
        mixed.title
    );
}

#[tokio::test]
async fn cors_preflights_are_checked() {
    let missing = support::http(|_| answer("200 OK", "", "{}")).await;
    let report = diagnose_with(
        &format!("http://127.0.0.1:{}/api", missing.port),
        with_origin("http://app.example.test"),
    )
    .await;
    assert_eq!(
        codes(&report),
        ["cors-missing", "http-ok"],
        "{:#?}",
        report.findings
    );

    let other = support::http(|_| {
        answer(
            "200 OK",
            "Access-Control-Allow-Origin: http://other.example.test\r\n",
            "{}",
        )
    })
    .await;
    let report = diagnose_with(
        &format!("http://127.0.0.1:{}/api", other.port),
        with_origin("http://app.example.test"),
    )
    .await;
    assert_eq!(
        codes(&report),
        ["cors-origin-mismatch", "http-ok"],
        "{:#?}",
        report.findings
    );

    let allowed = support::http(|request| {
        let origin = header(request, "Origin").unwrap_or("*").to_owned();
        answer(
            "200 OK",
            &format!("Access-Control-Allow-Origin: {origin}\r\n"),
            "{}",
        )
    })
    .await;
    let report = diagnose_with(
        &format!("http://127.0.0.1:{}/api", allowed.port),
        with_origin("http://app.example.test"),
    )
    .await;
    assert_eq!(codes(&report), ["http-ok"], "{:#?}", report.findings);
    assert!(report.evidence.preflight.is_some());
}
