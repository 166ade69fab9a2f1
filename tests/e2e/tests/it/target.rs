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

    // The same step in Korean: the parsed URL, each field's words, and
    // every kind of bad URL, with nothing left in English.
    desktop.select("[data-testid=language]", "ko").await;
    desktop
        .type_into("#target-url", "WSS://Localhost:8443/ws?room=1")
        .await;
    desktop
        .text_of(&field("scheme"), |t| {
            t.contains("TLS") && !t.contains("over TLS")
        })
        .await;
    desktop.assert_no_english("target-parsed-ko").await;
    desktop.screenshot("target-ko-parsed").await;
    desktop
        .type_into("#target-url", "https://api.example.com")
        .await;
    desktop
        .text_of(&field("port"), |t| {
            t.contains("443") && !t.contains("default")
        })
        .await;
    desktop.assert_no_english("target-default-port-ko").await;
    for (bad, expected) in [
        ("wss//x", "wss://x"),
        ("ftp://x", "ftp://"),
        ("wss://api.example.com:70000/ws", "70000"),
        ("wss://:8443/ws", "호스트"),
        ("wss://api example.com", "공백"),
    ] {
        desktop.type_into("#target-url", bad).await;
        let said = desktop
            .text_of("[data-testid=target-error]", |t| t.contains(expected))
            .await;
        assert!(
            said.chars().any(|c| ('가'..='힣').contains(&c)),
            "{bad}: {said}"
        );
        desktop
            .assert_no_english(&format!("target-error-ko {bad}"))
            .await;
    }
    desktop.screenshot("target-ko-error").await;

    desktop.close().await;
}

#[tokio::test]
async fn a_url_given_at_launch_opens_straight_at_diagnose() {
    let healthy = handshake_testkit::servers::http(handshake_testkit::servers::switching).await;
    let url = format!("ws://127.0.0.1:{}/ws", healthy.port);
    let desktop = Desktop::launch(&[&url]).await;
    desktop
        .text_of("#diagnose-heading", |t| t == "No problems found")
        .await;
    desktop.click("[data-testid=change-target]").await;
    desktop
        .text_of("[data-testid=target-parsed] [data-field=scheme]", |t| {
            t.contains("not encrypted")
        })
        .await;
    desktop.close().await;
}

#[tokio::test]
async fn a_bad_url_given_at_launch_stays_at_the_target_with_its_message() {
    let desktop = Desktop::launch(&["ftp://127.0.0.1/files"]).await;
    let message = desktop
        .text_of("[data-testid=target-error]", |t| !t.is_empty())
        .await;
    assert!(message.contains("ftp"), "{message}");
    desktop.close().await;
}
