//! `check`: real WebSocket round trips, and failures explained by the
//! diagnosis, against real servers (tokio-tungstenite echo, nginx).

use std::time::Duration;

use handshake_core::verify::CheckFailure;
use handshake_core::{CheckOptions, CheckReport, Language};

use crate::support::check;
use handshake_testkit::nginx::Nginx;
use handshake_testkit::pki::Ca;
use handshake_testkit::servers::{self, answer, free_port, header, switching};
use handshake_testkit::websocket::{self, Behaviour};

fn trusting(ca: &Ca) -> CheckOptions {
    CheckOptions {
        ca: vec![ca.cert()],
        timeout: Duration::from_secs(2),
        ..CheckOptions::default()
    }
}

fn codes(report: &CheckReport) -> Vec<&'static str> {
    report.findings.iter().map(|f| f.code.as_str()).collect()
}

#[tokio::test]
async fn round_trips_over_wss_with_every_phase_timed() {
    let ca = Ca::new("Handshake Dev CA");
    let server = websocket::wss(&ca.leaf(&["localhost"], -1, 90), Behaviour::Echo).await;
    let options = CheckOptions {
        send: "hello".into(),
        count: 5,
        ..trusting(&ca)
    };
    let report = check(&format!("wss://localhost:{}/ws", server.port), options).await;
    assert!(report.ok, "{report:#?}");
    assert_eq!(report.answer.as_ref().and_then(|a| a.text()), Some("hello"));
    assert_eq!(report.round_trips_ms.len(), 5);
    let latency = report.latency.as_ref().expect("latency");
    assert!(latency.min <= latency.median && latency.median <= latency.max);
    assert_eq!(report.close_code, Some(1000));
    assert_eq!(
        report.tls.as_ref().map(|t| t.version.as_str()),
        Some("TLSv1.3")
    );
    assert!(
        report
            .certificate
            .as_ref()
            .is_some_and(|c| c.issuer.contains("Handshake Dev CA"))
    );
    for phase in [
        report.phases_ms.dns,
        report.phases_ms.tcp,
        report.phases_ms.tls,
        report.phases_ms.upgrade,
        report.phases_ms.first_answer,
    ] {
        assert!(phase.is_some(), "{:?}", report.phases_ms);
    }
    assert!(report.findings.is_empty());
}

#[tokio::test]
async fn through_real_nginx_terminating_tls() {
    let ca = Ca::new("Handshake Dev CA");
    let identity = ca.leaf(&["localhost"], -1, 90);
    let echo = websocket::ws(Behaviour::Echo).await;
    let port = free_port();
    let dir = handshake_testkit::Scratch::new("verify-pem");
    let (cert, key) = identity.write_pem(&dir);
    let _nginx = Nginx::start(
        &format!(
            "  map $http_upgrade $connection_upgrade {{ default upgrade; '' close; }}\n  server {{ listen 127.0.0.1:{port} ssl; ssl_certificate {}; ssl_certificate_key {};\n    location /ws {{ proxy_pass http://127.0.0.1:{}; proxy_http_version 1.1; proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection $connection_upgrade; }} }}",
            cert.display(),
            key.display(),
            echo.port
        ),
        &[port],
    );
    let report = check(&format!("wss://localhost:{port}/ws"), trusting(&ca)).await;
    assert!(report.ok, "{report:#?}");
    assert_eq!(report.answer.as_ref().and_then(|a| a.text()), Some("ping"));
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn waits_for_a_restarting_server_and_says_how_long() {
    let port = free_port();
    let (go, started) = tokio::sync::oneshot::channel::<()>();
    let late = tokio::spawn(async move {
        // Comes up a second after the check that waits for it began.
        let _ = started.await;
        tokio::time::sleep(Duration::from_secs(1)).await;
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
            .await
            .expect("rebind");
        let (stream, _) = listener.accept().await.expect("accept");
        let mut socket = tokio_tungstenite::accept_async(stream)
            .await
            .expect("upgrade");
        use futures_util::{SinkExt, StreamExt};
        while let Some(Ok(message)) = socket.next().await {
            if message.is_text() && socket.send(message).await.is_err() {
                break;
            }
        }
    });
    let url = format!("ws://127.0.0.1:{port}/ws");

    let report = check(
        &url,
        CheckOptions {
            timeout: Duration::from_secs(2),
            ..CheckOptions::default()
        },
    )
    .await;
    assert!(!report.ok);
    assert_eq!(
        codes(&report),
        ["tcp-refused"],
        "without --wait: {report:#?}"
    );

    let options = CheckOptions {
        wait: Some(Duration::from_secs(10)),
        timeout: Duration::from_secs(2),
        ..CheckOptions::default()
    };
    let _ = go.send(());
    let started = std::time::Instant::now();
    let report = check(&url, options).await;
    let whole = started.elapsed().as_secs_f64() * 1000.0;
    assert!(report.ok, "{report:#?}");
    let waited = report.waited_ms.unwrap_or_default();
    assert!(waited > 0.0, "{:?}", report.waited_ms);
    // The connection's own time and the wait do not overlap.
    let tcp = report.phases_ms.tcp.unwrap_or_default();
    assert!(
        tcp + waited <= whole,
        "tcp {tcp} ms + wait {waited} ms > the whole check {whole} ms"
    );
    late.abort();
}

#[tokio::test]
async fn failures_come_with_the_diagnosis() {
    let ca = Ca::new("Handshake Dev CA");
    let other = Ca::new("Some Other CA");
    let wss = websocket::wss(&ca.leaf(&["localhost"], -1, 90), Behaviour::Echo).await;
    let report = check(
        &format!("wss://localhost:{}/ws", wss.port),
        trusting(&other),
    )
    .await;
    assert!(!report.ok);
    assert_eq!(report.failure, Some(CheckFailure::Untrusted), "{report:#?}");
    assert_eq!(codes(&report), ["cert-untrusted-issuer"]);

    let plain = servers::http(|_| answer("400 ", "", "")).await;
    let report = check(&format!("wss://127.0.0.1:{}/ws", plain.port), trusting(&ca)).await;
    assert_eq!(codes(&report), ["tls-to-plain-port"], "{report:#?}");

    // A proxy that strips Upgrade, in front of a Spring-like backend.
    let backend = servers::http(|request| {
        if header(request, "Upgrade").is_some() {
            switching(request)
        } else {
            answer(
                "400 Bad Request",
                "",
                "Can \"Upgrade\" only to \"WebSocket\".",
            )
        }
    })
    .await;
    let port = free_port();
    let _nginx = Nginx::start(
        &format!(
            "server {{ listen 127.0.0.1:{port}; location /ws {{ proxy_pass http://127.0.0.1:{}; }} }}",
            backend.port
        ),
        &[port],
    );
    let report = check(&format!("ws://127.0.0.1:{port}/ws"), trusting(&ca)).await;
    assert_eq!(
        report.failure,
        Some(CheckFailure::UpgradeStatus { status: 400 }),
        "{report:#?}"
    );
    assert_eq!(codes(&report), ["ws-upgrade-rejected"]);
}

#[tokio::test]
async fn a_silent_or_flooding_server_is_bounded() {
    let silent = websocket::ws(Behaviour::Silent).await;
    let options = CheckOptions {
        timeout: Duration::from_millis(500),
        ..CheckOptions::default()
    };
    let report = check(
        &format!("ws://127.0.0.1:{}/ws", silent.port),
        options.clone(),
    )
    .await;
    assert!(!report.ok);
    let failure = report.failure.as_ref().expect("a failure");
    assert!(
        Language::En.say(failure).contains("no answer within 0.5 s"),
        "{report:#?}"
    );
    assert!(
        Language::Ko
            .say(failure)
            .contains("0.5초 동안 응답이 없습니다"),
        "{report:#?}"
    );
    assert!(
        report.findings.iter().any(|f| f.code.as_str() == "ws-ok"),
        "the handshake itself works: {report:#?}"
    );

    let flood = websocket::ws(Behaviour::Oversized).await;
    let report = check(&format!("ws://127.0.0.1:{}/ws", flood.port), options).await;
    assert!(!report.ok);
    assert_eq!(
        report.failure,
        Some(CheckFailure::TooLarge { limit_kib: 1024 }),
        "{report:#?}"
    );
}

#[test]
fn an_idle_hold_or_a_ping_beyond_an_hour_is_refused_before_connecting() {
    use handshake_core::verify::{self, BadCheck, MAX_IDLE, Protocol};
    // Nothing listens there: validation must not connect.
    let target = verify::target("ws://127.0.0.1:9/ws", Protocol::Echo).expect("a URL");
    let over = MAX_IDLE + Duration::from_secs(1);
    let idle = CheckOptions {
        idle: Some(over),
        ..CheckOptions::default()
    };
    let ping = CheckOptions {
        idle: Some(Duration::from_secs(60)),
        ping: Some(over),
        ..CheckOptions::default()
    };
    for (options, asked, said) in [
        (
            idle,
            "idle",
            "An idle hold of 3601 s is longer than Handshake holds a connection (3600 s): choose 3600 s or less.",
        ),
        (
            ping,
            "ping",
            "A ping every 3601 s is longer than Handshake holds a connection (3600 s): choose 3600 s or less.",
        ),
    ] {
        let error = verify::validate(&target, &options).expect_err("refused");
        assert!(
            matches!(error, BadCheck::TooLong { what, seconds: 3601 } if what == asked),
            "{error:?}"
        );
        assert_eq!(error.to_string(), said);
    }
    let an_hour = CheckOptions {
        idle: Some(MAX_IDLE),
        ping: Some(MAX_IDLE),
        ..CheckOptions::default()
    };
    verify::validate(&target, &an_hour).expect("an hour is allowed");
}
