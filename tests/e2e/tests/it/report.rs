//! "Open a report…" in the real window: a report the command line saved
//! from real nginx, opened after nginx is gone, said in Korean; files that
//! are not a report, or come from a newer Handshake, refused in Korean.

use handshake_e2e::{Desktop, cli_binary};
use handshake_testkit::nginx::Nginx;
use handshake_testkit::pki::Ca;
use handshake_testkit::servers::free_port;

#[tokio::test]
async fn a_report_the_cli_saved_opens_in_the_window_in_korean() {
    let dir = handshake_testkit::Scratch::new("e2e-report");
    let ca = Ca::new("E2E Report CA");
    let (cert, key) = ca.leaf(&["localhost"], -90, -3).write_pem(&dir.join("old"));
    let port = free_port();
    let nginx = Nginx::start(
        &format!(
            "server {{ listen 127.0.0.1:{port} ssl; ssl_certificate {}; ssl_certificate_key {}; location / {{ return 200 'ok'; }} }}\n",
            cert.display(),
            key.display()
        ),
        &[port],
    );
    let saved = std::process::Command::new(cli_binary())
        .args(["diagnose", &format!("https://localhost:{port}/"), "--json"])
        .output()
        .expect("handshake diagnose runs");
    assert_eq!(saved.status.code(), Some(1), "{saved:?}");
    // A colleague's folder, with a space and Korean in its name.
    let folder = dir.join("동료 보고서");
    std::fs::create_dir_all(&folder).expect("folder");
    let report = folder.join("report.json");
    std::fs::write(&report, &saved.stdout).expect("report");
    // Opened with no server: the findings come from the saved evidence.
    drop(nginx);
    let not_json = folder.join("notes.json");
    std::fs::write(&not_json, "TLS handshake failed\n").expect("notes");
    let json = String::from_utf8_lossy(&saved.stdout);
    let newer = folder.join("newer.json");
    std::fs::write(
        &newer,
        json.replacen(
            &format!("\"handshake\": \"{}\"", env!("CARGO_PKG_VERSION")),
            "\"handshake\": \"99.0.0\"",
            1,
        )
        // Evidence of a kind this version has no word for.
        .replacen(
            "\"evidence\": {",
            "\"evidence\": {\"dns_error\": \"teleported\",",
            1,
        ),
    )
    .expect("newer");

    let desktop = Desktop::launch(&[]).await;
    desktop.select("[data-testid=language]", "ko").await;
    desktop.click("[data-testid=report]").await;
    desktop
        .type_into("[data-testid=report-path]", &not_json.display().to_string())
        .await;
    desktop.click("[data-testid=open-report]").await;
    desktop
        .text_of("[data-testid=report-error]", |t| {
            t.starts_with("보고서가 JSON이 아닙니다(1행")
        })
        .await;
    desktop
        .assert_no_english("a file that is not a report")
        .await;
    desktop
        .type_into("[data-testid=report-path]", &newer.display().to_string())
        .await;
    desktop.click("[data-testid=open-report]").await;
    desktop
        .text_of("[data-testid=report-error]", |t| {
            t.starts_with("Handshake 99.0.0에서 만든 보고서입니다.")
        })
        .await;
    desktop.screenshot("report-newer").await;

    desktop
        .type_into("[data-testid=report-path]", &report.display().to_string())
        .await;
    desktop.click("[data-testid=open-report]").await;
    let card = desktop
        .text_of("[data-code=cert-expired]", |t| t.contains("해결 방법"))
        .await;
    assert!(card.contains("만료"), "{card}");
    desktop
        .text_of("[data-testid=replayed]", |t| {
            t.contains(&report.display().to_string())
        })
        .await;
    desktop
        .text_of("#diagnose-heading", |t| t.contains("문제"))
        .await;
    desktop.assert_no_english("a replayed report").await;
    desktop.screenshot("report-opened").await;
    // Nothing was there to connect to: "Diagnose again" says so.
    desktop.click("[data-testid=diagnose-again]").await;
    desktop
        .text_of("[data-code=tcp-refused]", |t| !t.is_empty())
        .await;
    desktop.close().await;
}
