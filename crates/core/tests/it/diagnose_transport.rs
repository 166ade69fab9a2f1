//! DNS, TCP and "what does this port speak", against real sockets.

use std::time::Duration;

use handshake_core::Options;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

use crate::support::{
    self, Live, codes, diagnose, diagnose_with, finding, quick, real, serve, switching,
};

#[tokio::test]
async fn a_closed_port_is_refused() {
    let port = support::closed_port().await;
    // The kernel refuses: no listener.
    let report = real(
        &Live::kernel(),
        diagnose(&format!("wss://127.0.0.1:{port}/ws")).await,
        &["tcp-refused"],
    );
    assert!(!report.ok);
    assert!(
        finding(&report, "tcp-refused")
            .explanation
            .contains(&format!("127.0.0.1:{port}"))
    );
}

#[tokio::test]
async fn a_server_that_comes_up_during_the_wait_is_reported_with_the_delay() {
    // Reserved for this test: nothing else binds it before the late server.
    let port = handshake_testkit::servers::free_port();
    let late = tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(1200)).await;
        let listener = TcpListener::bind(("127.0.0.1", port))
            .await
            .expect("rebind");
        let (mut stream, _) = listener.accept().await.expect("accept");
        if let Some(request) = support::read_request(&mut stream).await {
            let _ = stream.write_all(&switching(&request)).await;
        }
    });
    let options = Options {
        wait: Some(Duration::from_secs(10)),
        ..quick()
    };
    let report = diagnose_with(&format!("ws://127.0.0.1:{port}/ws"), options).await;
    assert_eq!(codes(&report), ["server-not-ready", "ws-ok"]);
    // A stub: real nginx started during the wait counts for the coverage
    // (nginx::nginx_starting_during_the_wait_is_named_with_the_delay).
    assert!(report.ok, "a warning and an info are ok");
    assert!(
        matches!(
            report.evidence.connection,
            Some(handshake_core::diagnose::Connection::Connected { attempts, waited_ms: Some(_), .. }) if attempts > 1
        ),
        "{:?}",
        report.evidence.connection
    );
    let came_up = finding(&report, "server-not-ready");
    assert!(
        came_up.ko.title.starts_with("서버가 "),
        "{}",
        came_up.ko.title
    );
    // The wait is its own time: the handshake's time (what ws-ok says) and
    // the wait are parts of the whole run that do not overlap.
    let t = &report.timings_ms;
    let wait = t.wait.expect("the wait is reported");
    let handshake = finding(&report, "ws-ok")
        .finding
        .facts
        .get("elapsed_ms")
        .and_then(|fact| match fact {
            handshake_core::i18n::Fact::Decimal(ms) => Some(*ms),
            _ => None,
        })
        .expect("ws-ok says its time");
    assert!(
        wait > 0.0 && handshake + wait <= t.total + 0.5,
        "handshake {handshake} ms + wait {wait} ms > total {} ms",
        t.total
    );
    late.abort();
}

#[tokio::test]
async fn tls_to_a_plain_http_port_is_named_with_the_bytes() {
    // What Tomcat's HTTP connector does with a ClientHello.
    let server = handshake_testkit::servers::tomcat_like().await;
    let report = diagnose(&format!("wss://127.0.0.1:{}/ws", server.port)).await;
    assert_eq!(codes(&report), ["tls-to-plain-port"]);
    let found = finding(&report, "tls-to-plain-port");
    assert!(
        found.explanation.contains("0x16 0x03 0x01"),
        "{}",
        found.explanation
    );
    assert!(
        found.explanation.contains("HTTP/1.1 400"),
        "{}",
        found.explanation
    );
    assert!(
        found
            .fix
            .contains(&format!("ws://127.0.0.1:{}/ws", server.port)),
        "{}",
        found.fix
    );
    assert!(
        report
            .evidence
            .bytes
            .as_ref()
            .is_some_and(|b| b.text.starts_with("HTTP/1.1 400"))
    );
}

#[tokio::test]
async fn plain_http_to_a_tls_port_is_named() {
    let ca = support::Ca::new("Test CA");
    let server = support::https(&ca.leaf(&["localhost"], -1, 90), switching).await;
    let report = diagnose(&format!("ws://localhost:{}/ws", server.port)).await;
    assert_eq!(
        codes(&report),
        ["plain-to-tls-port"],
        "{:#?}",
        report.findings
    );
    assert!(
        finding(&report, "plain-to-tls-port")
            .fix
            .contains("wss://localhost:")
    );
}

#[tokio::test]
async fn an_ssh_banner_is_not_http_on_either_scheme() {
    let server = serve(|mut stream| async move {
        let _ = stream
            .write_all(b"SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n")
            .await;
        let mut sink = [0u8; 1024];
        let _ = tokio::time::timeout(Duration::from_secs(5), stream.read(&mut sink)).await;
    })
    .await;
    for scheme in ["ws", "wss"] {
        let report = diagnose(&format!("{scheme}://127.0.0.1:{}/", server.port)).await;
        assert_eq!(codes(&report), ["not-http"], "{scheme}");
        assert!(
            finding(&report, "not-http")
                .explanation
                .contains("an SSH server"),
            "{scheme}"
        );
    }
}

/// The real OpenSSH server, on a port a URL names by mistake: it speaks
/// first, and not HTTP.
#[tokio::test]
async fn the_real_sshd_is_not_http_on_either_scheme() {
    if !handshake_testkit::is_root() {
        handshake_testkit::skip("sshd needs root for its privilege separation");
        return;
    }
    let sshd = handshake_testkit::sshd::Sshd::start();
    for scheme in ["ws", "wss", "https"] {
        let report = real(
            &sshd.live(),
            diagnose(&format!("{scheme}://127.0.0.1:{}/", sshd.port)).await,
            &["not-http"],
        );
        assert!(
            finding(&report, "not-http")
                .explanation
                .contains("an SSH server"),
            "{scheme}"
        );
    }
}

#[tokio::test]
async fn binary_garbage_is_not_http() {
    let server = serve(|mut stream| async move {
        let _ = support::read_request(&mut stream).await;
        let _ = stream
            .write_all(&[0x00, 0xff, 0x13, 0x37, 0x42, 0x00, 0x01])
            .await;
    })
    .await;
    let report = diagnose(&format!("ws://127.0.0.1:{}/", server.port)).await;
    assert_eq!(codes(&report), ["not-http"]);
    assert!(
        report
            .evidence
            .bytes
            .as_ref()
            .is_some_and(|b| b.hex.starts_with("00 ff 13 37"))
    );
}

#[tokio::test]
async fn a_black_hole_ends_within_the_timeout() {
    let server = serve(|stream| async move {
        tokio::time::sleep(Duration::from_secs(60)).await;
        drop(stream);
    })
    .await;
    let options = Options {
        timeout: Duration::from_millis(500),
        ..Options::default()
    };
    for scheme in ["ws", "wss"] {
        let report = diagnose_with(
            &format!("{scheme}://127.0.0.1:{}/", server.port),
            options.clone(),
        )
        .await;
        assert_eq!(codes(&report), ["server-silent"], "{scheme}");
        assert!(
            report.timings_ms.total < 5_000.0,
            "{scheme}: bounded by the timeout"
        );
    }
}

#[tokio::test]
async fn endless_headers_are_cut_off() {
    let server = serve(|mut stream| async move {
        let _ = support::read_request(&mut stream).await;
        let _ = stream.write_all(b"HTTP/1.1 200 OK\r\n").await;
        for _ in 0..100_000 {
            if stream
                .write_all(b"X-Endless: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n")
                .await
                .is_err()
            {
                break;
            }
        }
    })
    .await;
    let report = diagnose(&format!("ws://127.0.0.1:{}/", server.port)).await;
    assert_eq!(codes(&report), ["http-headers-too-large"]);
}

#[tokio::test]
async fn a_close_without_an_answer_is_reported() {
    let server = serve(|mut stream| async move {
        let _ = support::read_request(&mut stream).await;
        drop(stream);
    })
    .await;
    let report = diagnose(&format!("ws://127.0.0.1:{}/", server.port)).await;
    assert_eq!(codes(&report), ["connection-closed"]);
}

#[tokio::test]
async fn a_tls_alert_is_a_handshake_failure_with_its_name() {
    let server = serve(|mut stream| async move {
        let mut hello = [0u8; 1024];
        let _ = tokio::time::timeout(Duration::from_secs(5), stream.read(&mut hello)).await;
        // A fatal handshake_failure alert (40), as a server with no shared cipher sends.
        let _ = stream
            .write_all(&[0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28])
            .await;
    })
    .await;
    let report = diagnose(&format!("wss://127.0.0.1:{}/", server.port)).await;
    assert_eq!(codes(&report), ["tls-handshake-failed"]);
    let found = finding(&report, "tls-handshake-failed");
    assert_eq!(found.fact("alert"), Some("handshake_failure"));
    assert!(
        found.explanation.starts_with(
            "The server ended the TLS handshake with the alert handshake_failure (40)."
        ),
        "{}",
        found.explanation
    );
    assert!(
        found
            .ko
            .explanation
            .starts_with("서버가 handshake_failure(40) 경고로 TLS 핸드셰이크를 끝냈습니다."),
        "{}",
        found.ko.explanation
    );
}

#[tokio::test]
async fn a_port_that_drops_connection_attempts_times_out() {
    // A listener that never accepts, with its queue full: the kernel drops
    // further SYNs, which is what a filtering firewall looks like.
    let socket = tokio::net::TcpSocket::new_v4().expect("socket");
    socket
        .bind("127.0.0.1:0".parse().expect("address"))
        .expect("bind");
    let port = socket.local_addr().expect("addr").port();
    let _listener = socket.listen(0).expect("listen");
    let mut queued = Vec::new();
    for _ in 0..8 {
        let attempt = tokio::time::timeout(
            Duration::from_millis(200),
            tokio::net::TcpStream::connect(("127.0.0.1", port)),
        )
        .await;
        match attempt {
            Ok(Ok(stream)) => queued.push(stream),
            _ => break,
        }
    }
    let options = Options {
        timeout: Duration::from_millis(500),
        ..Options::default()
    };
    let report = real(
        &Live::kernel(),
        diagnose_with(&format!("ws://127.0.0.1:{port}/"), options).await,
        &["tcp-timeout"],
    );
    assert!(
        finding(&report, "tcp-timeout")
            .explanation
            .contains("no answer at all within 0.5 s")
    );
}

#[tokio::test]
async fn a_close_in_the_middle_of_the_tls_handshake_is_reported() {
    let server = serve(|mut stream| async move {
        let mut hello = [0u8; 1024];
        let _ = tokio::time::timeout(Duration::from_secs(5), stream.read(&mut hello)).await;
        drop(stream);
    })
    .await;
    let report = diagnose(&format!("wss://127.0.0.1:{}/", server.port)).await;
    assert_eq!(codes(&report), ["tls-handshake-failed"]);
    assert!(
        finding(&report, "tls-handshake-failed")
            .explanation
            .contains("closed the connection during the TLS handshake")
    );
}

/// A server whose process hangs: its socket listens, the kernel completes
/// the connection into the backlog, and nothing ever accepts or answers —
/// the operating system's behaviour, no server code involved.
#[tokio::test]
async fn a_listener_that_never_accepts_is_silent() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    real(
        &Live::kernel(),
        diagnose(&format!("ws://127.0.0.1:{port}/ws")).await,
        &["server-silent"],
    );
    drop(listener);
}

/// What a Docker-published port whose application listens on 127.0.0.1
/// does, and the real stunnel does when it cannot connect onwards: the
/// connection is accepted, then reset before a byte — for plain and TLS
/// targets alike.
#[tokio::test]
async fn an_accepted_connection_reset_at_once_is_named() {
    let port = handshake_testkit::servers::free_port();
    let stunnel = handshake_testkit::stunnel::forwarding(port, support::closed_port().await);
    for url in [
        format!("ws://127.0.0.1:{port}/ws"),
        format!("wss://127.0.0.1:{port}/ws"),
    ] {
        let report = real(&stunnel.live(), diagnose(&url).await, &["connection-reset"]);
        let found = finding(&report, "connection-reset");
        assert!(
            found.fix.contains("server.address=0.0.0.0"),
            "{}",
            found.fix
        );
        assert!(found.ko.title.contains("리셋"), "{}", found.ko.title);
    }
    assert!(
        stunnel.log().contains("Connection reset: 0 byte(s)"),
        "{}",
        stunnel.log()
    );
}
