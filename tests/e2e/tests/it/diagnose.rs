//! The Diagnose step in the real window, against real loopback servers.

use handshake_e2e::Desktop;
use handshake_testkit::servers::{self, switching};

#[tokio::test]
async fn wss_to_a_plain_http_port_is_explained_in_the_window() {
    // Answers a ClientHello the way Tomcat's HTTP connector does.
    let plain = servers::tomcat_like().await;
    let healthy = servers::http(switching).await;
    let desktop = Desktop::launch(&[]).await;

    desktop
        .type_into("#target-url", &format!("wss://127.0.0.1:{}/ws", plain.port))
        .await;
    desktop
        .text_of("[data-testid=target-parsed] [data-field=port]", |t| {
            t == plain.port.to_string()
        })
        .await;
    desktop.click("[data-testid=diagnose]").await;
    let card = desktop
        .text_of("[data-code=tls-to-plain-port]", |t| {
            t.to_lowercase().contains("how to fix")
        })
        .await;
    assert!(card.contains("speaks plain HTTP, not TLS"), "{card}");
    assert!(
        card.contains(&format!("ws://127.0.0.1:{}/ws", plain.port)),
        "{card}"
    );
    // The fix names the window's own way, the command line's beside it.
    assert!(card.contains("Choose a fix → \"Nginx in front\""), "{card}");
    let cli = desktop
        .text_of("[data-code=tls-to-plain-port] [data-testid=fix-cli]", |t| {
            !t.is_empty()
        })
        .await;
    assert!(cli.starts_with("On the command line:"), "{cli}");
    assert!(cli.contains("handshake generate nginx"), "{cli}");
    desktop
        .text_of("#diagnose-heading", |t| t == "1 problem found")
        .await;
    desktop.screenshot("diagnose-tls-to-plain").await;

    // Back to the target, now a working endpoint.
    desktop.click("[data-testid=change-target]").await;
    desktop
        .type_into(
            "#target-url",
            &format!("ws://127.0.0.1:{}/ws", healthy.port),
        )
        .await;
    desktop
        .text_of("[data-testid=target-parsed] [data-field=port]", |t| {
            t == healthy.port.to_string()
        })
        .await;
    desktop.click("[data-testid=diagnose]").await;
    desktop
        .text_of("#diagnose-heading", |t| t == "No problems found")
        .await;
    desktop
        .text_of("[data-code=ws-ok]", |t| {
            t.contains("101 Switching Protocols")
        })
        .await;
    desktop.screenshot("diagnose-ok").await;

    desktop.close().await;
}

/// Stop ends a diagnosis that a hostile server drags out (its head one byte
/// every 50 ms, for a minute), and the window is usable again. Had Stop
/// waited for the step's 5 s deadline, the step would show a finding (the
/// server never finished its head), not "Stopped".
#[tokio::test]
async fn stop_ends_a_diagnosis_a_dripping_server_drags_out() {
    let server = servers::dripping(b"HTTP/1.1 101 Switching Protocols\r\n", b"X").await;
    let desktop = Desktop::launch(&[]).await;
    desktop
        .type_into("#target-url", &format!("ws://127.0.0.1:{}/ws", server.port))
        .await;
    desktop
        .text_of("[data-testid=target-parsed] [data-field=port]", |t| {
            t == server.port.to_string()
        })
        .await;
    desktop.click("[data-testid=diagnose]").await;
    desktop.find("[data-testid=progress]").await;
    desktop.click("[data-testid=cancel]").await;
    desktop
        .text_of("[role=alert]", |t| t.starts_with("Stopped"))
        .await;
    desktop
        .text_of("#diagnose-heading", |t| t == "Diagnosis stopped")
        .await;
    desktop.screenshot("diagnose-stopped").await;
    desktop.click("[data-testid=change-target]").await;
    desktop.find("#target-url").await;
    desktop.close().await;
}

/// Behind the proxy the environment names (real Squid, its default rule
/// of tunnels to port 443 only): the window goes through it, names the
/// proxy's refusal, and says which way it went.
#[tokio::test]
async fn the_window_goes_through_the_environments_proxy() {
    let port = handshake_testkit::servers::free_port();
    let _squid = handshake_testkit::squid::start(port, &handshake_testkit::squid::Setup::default());
    let proxy = format!("http://127.0.0.1:{port}");
    let desktop = Desktop::launch_with_env(
        &["wss://localhost:8443/ws"],
        &[("HTTPS_PROXY", std::path::Path::new(&proxy))],
    )
    .await;
    let card = desktop
        .text_of("[data-code=proxy-tunnel-refused]", |t| {
            t.to_lowercase().contains("how to fix")
        })
        .await;
    assert!(card.contains("SSL_ports"), "{card}");
    desktop.click("details.evidence summary").await;
    desktop
        .text_of("[data-testid=route]", |t| {
            t == format!("through the proxy {proxy} (HTTPS_PROXY)")
        })
        .await;
    desktop.screenshot("diagnose-through-proxy").await;
    desktop.close().await;
}

/// ws:// behind real Squid that tunnels to the echo's port: the window's
/// handshake passes through the tunnel, and it names the proxy dropping
/// the upgrade that forwarding clients send. The target is a name only
/// Squid resolves; loopback stays direct (no_proxy), as the WebDriver's own
/// connection to the window needs.
#[tokio::test]
async fn the_window_names_a_proxy_that_drops_a_forwarded_upgrade() {
    use handshake_testkit::node::{Kind, Node};
    const INSIDE: &str = "ws.inside.test";
    let echo = Node::start(Kind::Echo, None);
    let port = servers::free_port();
    let ports = [echo.port];
    let _squid = handshake_testkit::squid::start(
        port,
        &handshake_testkit::squid::Setup {
            ssl_ports: &ports,
            names: &[INSIDE],
            ..Default::default()
        },
    );
    let proxy = format!("http://127.0.0.1:{port}");
    let desktop = Desktop::launch_with_env(
        &[&format!("ws://{INSIDE}:{}/echo", echo.port)],
        &[
            ("http_proxy", std::path::Path::new(&proxy)),
            ("no_proxy", std::path::Path::new("127.0.0.1,localhost")),
        ],
    )
    .await;
    let card = desktop
        .text_of("[data-code=proxy-upgrade-dropped]", |t| {
            t.to_lowercase().contains("how to fix")
        })
        .await;
    assert!(
        card.contains("http_upgrade_request_protocols websocket allow all"),
        "{card}"
    );
    desktop.find("[data-code=ws-ok]").await;
    desktop.screenshot("diagnose-upgrade-dropped").await;
    desktop.close().await;
}
