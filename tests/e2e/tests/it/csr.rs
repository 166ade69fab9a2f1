//! A key and CSR for a public CA, made from the Generate step in the real
//! window: the CSR verified by the real `openssl req -verify` and naming
//! the diagnosed host, the key readable by the user alone, and a second
//! attempt refused in Korean without touching the first key.

use std::os::unix::fs::PermissionsExt as _;

use handshake_e2e::Desktop;
use handshake_testkit::servers::{self, switching};

#[tokio::test]
async fn generate_makes_a_key_and_a_csr_openssl_verifies() {
    let dir = handshake_testkit::Scratch::new("e2e-csr");
    let healthy = servers::http(switching).await;
    let url = format!("ws://localhost:{}/ws", healthy.port);
    let desktop = Desktop::launch(&[&url]).await;
    desktop.find("[data-code=ws-ok]").await;
    desktop.click("[data-testid=choose-fix]").await;
    desktop.click("[data-testid=fix-next]").await;
    desktop.click("[data-testid=csr] summary").await;
    desktop.text_of("[data-testid=csr-hosts]", |_| true).await;
    desktop
        .type_into("[data-testid=csr-hosts]", "localhost api.example.com")
        .await;
    desktop
        .type_into("[data-testid=csr-folder]", &dir.display().to_string())
        .await;
    desktop.click("[data-testid=make-csr]").await;
    desktop
        .text_of("[data-testid=csr-written]", |t| t.contains("localhost.csr"))
        .await;
    desktop.scroll_to("[data-testid=csr-written]").await;
    desktop.screenshot("csr-written").await;

    let (key, csr) = (dir.join("localhost.key"), dir.join("localhost.csr"));
    let verified = std::process::Command::new("openssl")
        .args(["req", "-verify", "-noout", "-text", "-in"])
        .arg(&csr)
        .output()
        .expect("openssl runs");
    let said = String::from_utf8_lossy(&verified.stdout).into_owned()
        + &String::from_utf8_lossy(&verified.stderr);
    assert!(verified.status.success(), "{said}");
    assert!(
        said.contains("verify OK") || said.contains("Certificate request self-signature verify OK"),
        "{said}"
    );
    assert!(
        said.contains("DNS:localhost, DNS:api.example.com"),
        "{said}"
    );
    let mode = std::fs::metadata(&key).expect("key").permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "the key is readable by the user alone");
    let first = std::fs::read(&key).expect("key");

    // Again into the same folder: refused, in Korean, the key untouched.
    desktop.select("[data-testid=language]", "ko").await;
    desktop.click("[data-testid=make-csr]").await;
    desktop
        .text_of("[data-testid=csr-error]", |t| t.contains("localhost.key"))
        .await;
    desktop.assert_no_english("a CSR whose key exists").await;
    assert_eq!(std::fs::read(&key).expect("key"), first);
    desktop.close().await;
}
