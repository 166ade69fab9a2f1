//! Mutual TLS in the real window, against real nginx with
//! `ssl_verify_client on`: refused without a client certificate, the
//! fields offered in place, accepted with the certificate; a key that is
//! not the certificate's refused in Korean, the fields still there.

use std::path::Path;

use handshake_e2e::Desktop;
use handshake_testkit::nginx::Nginx;
use handshake_testkit::pki::Ca;
use handshake_testkit::servers::free_port;

#[tokio::test]
async fn a_server_that_asks_for_a_client_certificate_gets_one_in_place() {
    let dir = handshake_testkit::Scratch::new("e2e-mtls");
    let server_ca = Ca::new("E2E Server CA");
    let client_ca = Ca::new("E2E Client CA");
    let (cert, key) = server_ca
        .leaf(&["localhost"], -1, 30)
        .write_pem(&dir.join("server"));
    let (client_cert, client_key) = client_ca
        .leaf(&["client.test"], -1, 30)
        .write_pem(&dir.join("client"));
    let (_, other_key) = client_ca
        .leaf(&["other.test"], -1, 30)
        .write_pem(&dir.join("other"));
    let server_ca_file = server_ca.write_cert(&dir, "server-ca.pem");
    let client_ca_file = client_ca.write_cert(&dir, "client-ca.pem");
    let (nginx, port) = nginx(
        &cert,
        &key,
        &format!(
            "ssl_verify_client on; ssl_client_certificate {};",
            client_ca_file.display()
        ),
    );

    let desktop = Desktop::launch(&[]).await;
    diagnose_trusting(&desktop, port, &server_ca_file, None).await;
    let card = desktop
        .text_of("[data-code=tls-client-cert-required]", |t| {
            t.to_lowercase().contains("how to fix")
        })
        .await;
    assert!(card.contains("E2E Client CA"), "{card}");
    desktop.scroll_to("[data-testid=client-certificate]").await;
    desktop.screenshot("mtls-asked").await;

    desktop
        .type_into(
            "[data-testid=retry-client-cert]",
            &client_cert.display().to_string(),
        )
        .await;
    desktop
        .type_into(
            "[data-testid=retry-client-key]",
            &other_key.display().to_string(),
        )
        .await;
    desktop.select("[data-testid=language]", "ko").await;
    desktop.click("[data-testid=retry-with-certificate]").await;
    desktop
        .text_of("[role=alert]", |t| {
            t.starts_with("개인 키가 CN=client.test의 인증서와 짝이 아닙니다.")
        })
        .await;
    desktop.find("[data-testid=client-certificate]").await;
    desktop
        .assert_no_english("a client key that is not the certificate's")
        .await;

    desktop
        .type_into(
            "[data-testid=retry-client-key]",
            &client_key.display().to_string(),
        )
        .await;
    desktop.click("[data-testid=retry-with-certificate]").await;
    desktop.find("[data-code=http-ok]").await;
    desktop
        .text_of("#diagnose-heading", |t| t == "문제를 찾지 못했습니다")
        .await;
    desktop.select("[data-testid=language]", "en").await;
    desktop
        .text_of("#diagnose-heading", |t| t == "No problems found")
        .await;
    desktop.screenshot("mtls-accepted").await;

    // The same identity as a PKCS12 file with its password (as Java and
    // Postman keep it): accepted, and the password kept nowhere.
    const PASSWORD: &str = "p12-pw-5c1e9";
    let p12 = dir.join("client.p12");
    let exported = std::process::Command::new("openssl")
        .args(["pkcs12", "-export", "-passout", &format!("pass:{PASSWORD}")])
        .arg("-in")
        .arg(&client_cert)
        .arg("-inkey")
        .arg(&client_key)
        .arg("-out")
        .arg(&p12)
        .output()
        .expect("openssl runs");
    assert!(exported.status.success(), "{exported:?}");
    desktop.click("[data-testid=change-target]").await;
    desktop
        .type_into(
            "[data-testid=target-client-cert]",
            &p12.display().to_string(),
        )
        .await;
    desktop
        .type_into("[data-testid=target-client-key]", "")
        .await;
    desktop
        .type_into("[data-testid=target-password]", PASSWORD)
        .await;
    desktop.click("[data-testid=diagnose]").await;
    desktop
        .text_of("#diagnose-heading", |t| t == "No problems found")
        .await;
    desktop.assert_kept_nowhere(PASSWORD);
    desktop.close().await;
    drop(nginx);
}

/// A certificate renewed on disk that nginx was never reloaded to serve:
/// named when the window is given the renewed file as the expected one.
#[tokio::test]
async fn a_renewed_certificate_nginx_still_does_not_serve_is_named() {
    let dir = handshake_testkit::Scratch::new("e2e-renewed");
    let ca = Ca::new("E2E Renewal CA");
    let (served, key) = ca.leaf(&["localhost"], -80, 10).write_pem(&dir.join("old"));
    let (renewed, _) = ca.leaf(&["localhost"], -1, 90).write_pem(&dir.join("new"));
    let ca_file = ca.write_cert(&dir, "ca.pem");
    let (nginx, port) = nginx(&served, &key, "");
    let desktop = Desktop::launch(&[]).await;
    desktop.select("[data-testid=language]", "ko").await;
    diagnose_trusting(&desktop, port, &ca_file, Some(&renewed)).await;
    desktop
        .text_of("[data-code=cert-not-reloaded]", |t| t.contains("해결 방법"))
        .await;
    desktop
        .assert_no_english("a renewed certificate not served")
        .await;
    desktop.screenshot("renewed-not-reloaded").await;
    desktop.close().await;
    drop(nginx);
}

/// Real nginx serving `cert` on a loopback port, with `extra` directives.
fn nginx(cert: &Path, key: &Path, extra: &str) -> (Nginx, u16) {
    let port = free_port();
    let nginx = Nginx::start(
        &format!(
            "server {{ listen 127.0.0.1:{port} ssl; ssl_certificate {}; ssl_certificate_key {}; {extra} location / {{ return 200 'ok'; }} }}\n",
            cert.display(),
            key.display()
        ),
        &[port],
    );
    (nginx, port)
}

/// Diagnoses `https://localhost:PORT/` trusting `ca`, expecting
/// `expected` when given, through the Target step's Certificates options.
async fn diagnose_trusting(desktop: &Desktop, port: u16, ca: &Path, expected: Option<&Path>) {
    desktop
        .type_into("#target-url", &format!("https://localhost:{port}/"))
        .await;
    desktop
        .click("[data-testid=target-certificates] summary")
        .await;
    desktop
        .type_into("[data-testid=target-ca]", &ca.display().to_string())
        .await;
    if let Some(expected) = expected {
        desktop
            .type_into(
                "[data-testid=target-expect-cert]",
                &expected.display().to_string(),
            )
            .await;
    }
    desktop.click("[data-testid=diagnose]").await;
}

/// A certificate from a CA the system does not know: the finding's
/// button goes to the first screen's "CA to trust", open and focused, and
/// the CA given there ends the finding.
#[tokio::test]
async fn an_unknown_ca_sends_the_user_to_the_field_that_trusts_it() {
    let dir = handshake_testkit::Scratch::new("e2e-unknown-ca");
    let ca = Ca::new("E2E Unknown CA");
    let (cert, key) = ca
        .leaf(&["localhost"], -1, 30)
        .write_pem(&dir.join("server"));
    let ca_file = ca.write_cert(&dir, "ca.pem");
    let (nginx, port) = nginx(&cert, &key, "");
    let desktop = Desktop::launch(&[&format!("https://localhost:{port}/")]).await;
    desktop.find("[data-code=cert-untrusted-issuer]").await;
    desktop
        .click("[data-code=cert-untrusted-issuer] [data-place=certificates]")
        .await;
    let focused = desktop
        .client
        .execute(
            "return document.activeElement && document.activeElement.id",
            vec![],
        )
        .await
        .expect("the focused element");
    assert_eq!(focused, serde_json::json!("target-ca"));
    desktop
        .type_into("[data-testid=target-ca]", &ca_file.display().to_string())
        .await;
    desktop.click("[data-testid=diagnose]").await;
    desktop.find("[data-code=http-ok]").await;
    assert!(
        desktop
            .client
            .find(fantoccini::Locator::Css(
                "[data-code=cert-untrusted-issuer]"
            ))
            .await
            .is_err(),
        "the CA given ends the finding"
    );
    desktop.close().await;
    drop(nginx);
}
