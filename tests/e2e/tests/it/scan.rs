//! A list of endpoints scanned in the real window, against real nginx: the
//! groups, a row opening the usual Diagnose view, and Back to the list.

use handshake_e2e::Desktop;
use handshake_testkit::nginx::Nginx;
use handshake_testkit::pki::{Ca, pem};
use handshake_testkit::servers::free_port;

#[tokio::test]
async fn a_pasted_list_is_scanned_into_groups_and_a_row_opens_its_diagnosis() {
    let dir = handshake_testkit::Scratch::new("e2e-scan");
    let ca = Ca::new("E2E Scan CA");
    let (good_cert, good_key) = ca
        .leaf(&["localhost"], -1, 200)
        .write_pem(&dir.join("good"));
    let (old_cert, old_key) = ca.leaf(&["localhost"], -90, -3).write_pem(&dir.join("old"));
    let (good, old) = (free_port(), free_port());
    let nginx = Nginx::start(
        &format!(
            "server {{ listen 127.0.0.1:{good} ssl; ssl_certificate {}; ssl_certificate_key {}; location / {{ return 200 'ok'; }} }}\n\
             server {{ listen 127.0.0.1:{old} ssl; ssl_certificate {}; ssl_certificate_key {}; location / {{ return 200 'ok'; }} }}\n",
            good_cert.display(),
            good_key.display(),
            old_cert.display(),
            old_key.display()
        ),
        &[good, old],
    );
    let ca_file = dir.join("ca.pem");
    std::fs::write(&ca_file, pem("CERTIFICATE", ca.cert().as_ref())).expect("ca");
    let closed = free_port();
    let ca = ca_file.display();
    let list = format!(
        "# our endpoints\nhttps://localhost:{good}/ --ca {ca}\nhttps://localhost:{old}/ --ca {ca}\nhttps://localhost:{closed}/\nftp://not-a-target\n"
    );

    let desktop = Desktop::launch(&[]).await;
    desktop.click("[data-testid=scan-list]").await;
    // WebKitWebDriver types a newline as nothing: Enter is its own key.
    desktop
        .type_into("#scan-text", &list.replace('\n', "\u{E007}"))
        .await;
    desktop.click("[data-testid=scan]").await;
    desktop
        .text_of("[data-testid=scan-summary]", |t| {
            t.starts_with("3 endpoints in")
        })
        .await;
    let failing = desktop
        .text_of("[data-testid=scan-row][data-group=failing]", |t| {
            !t.is_empty()
        })
        .await;
    assert!(
        failing.contains(&format!("https://localhost:{old}/")),
        "{failing}"
    );
    assert!(failing.contains("cert-expired"), "{failing}");
    let unreachable = desktop
        .text_of("[data-testid=scan-row][data-group=unreachable]", |t| {
            !t.is_empty()
        })
        .await;
    assert!(unreachable.contains("tcp-refused"), "{unreachable}");
    desktop
        .text_of("[data-testid=scan-row][data-group=healthy]", |t| {
            t.contains(&format!("https://localhost:{good}/"))
        })
        .await;
    desktop
        .text_of(".skipped li", |t| t.starts_with("Line 5:"))
        .await;
    desktop.screenshot("scan-list").await;

    // A row opens the usual Diagnose view; Back returns to the list.
    desktop
        .click("[data-testid=scan-row][data-group=failing] button")
        .await;
    desktop.find("[data-code=cert-expired]").await;
    desktop.click("[data-testid=change-target]").await;
    desktop
        .text_of("[data-testid=scan-summary]", |t| {
            t.starts_with("3 endpoints in")
        })
        .await;
    desktop.close().await;
    drop(nginx);
}
