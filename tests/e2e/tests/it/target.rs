//! The Target step: type a URL, see it understood; type a bad one, see why.

use handshake_e2e::Desktop;

#[tokio::test]
async fn the_target_step_parses_urls_and_explains_bad_ones() {
    let desktop = Desktop::launch(&[]).await;

    desktop
        .type_into("#target-url", "WSS://Localhost:8443/ws?room=1")
        .await;
    desktop
        .text_of("[data-testid=target-parsed] .normalised", |t| {
            t == "wss://localhost:8443/ws?room=1"
        })
        .await;
    let field = |name: &str| format!("[data-testid=target-parsed] [data-field={name}]");
    assert!(
        desktop
            .text_of(&field("scheme"), |t| !t.is_empty())
            .await
            .contains("WebSocket over TLS")
    );
    assert!(
        desktop
            .text_of(&field("host"), |t| !t.is_empty())
            .await
            .starts_with("localhost")
    );
    assert_eq!(
        desktop.text_of(&field("port"), |t| !t.is_empty()).await,
        "8443"
    );
    assert_eq!(
        desktop.text_of(&field("path"), |t| !t.is_empty()).await,
        "/ws?room=1"
    );
    desktop.screenshot("target-parsed").await;

    // The default port is filled in and said to be the default.
    desktop
        .type_into("#target-url", "https://api.example.com")
        .await;
    desktop
        .text_of(&field("port"), |t| {
            t.contains("443") && t.contains("default for https")
        })
        .await;

    for (bad, expected) in [
        ("wss//x", "Did you mean wss://x?"),
        ("ftp://x", "not \"ftp://\""),
        (
            "wss://api.example.com:70000/ws",
            "Port \"70000\" is not valid",
        ),
        ("wss://:8443/ws", "no host name"),
        ("wss://api example.com", "cannot contain spaces"),
    ] {
        desktop.type_into("#target-url", bad).await;
        desktop
            .text_of("[data-testid=target-error]", |t| t.contains(expected))
            .await;
    }
    desktop.screenshot("target-error").await;

    desktop.close().await;
}

#[tokio::test]
async fn a_url_given_at_launch_is_understood_at_once() {
    let desktop = Desktop::launch(&["ws://127.0.0.1:8080/socket"]).await;
    desktop
        .text_of("[data-testid=target-parsed] [data-field=host]", |t| {
            t.starts_with("127.0.0.1")
        })
        .await;
    desktop
        .text_of("[data-testid=target-parsed] [data-field=scheme]", |t| {
            t.contains("not encrypted")
        })
        .await;
    desktop.close().await;
}
