//! The Nginx generator: the file a user reads (golden), what real nginx
//! accepts, and a real wss:// round trip through it — which fails without
//! the upgrade headers.

use std::time::Duration;

use handshake_core::render::ProxyPlan;
use handshake_core::{CheckOptions, Language};

use crate::support::{
    assert_nothing_to_warn, certificate_files, default_proxy_plan, letsencrypt_plan as plan,
};
use handshake_core::fix::FixKind;
use handshake_core::render::nginx::render;
use handshake_testkit::judge;
use handshake_testkit::nginx::{Nginx, test_config};
use handshake_testkit::servers::free_port;
use handshake_testkit::websocket::{self, Behaviour};

#[test]
fn the_generated_config_reads_well() {
    insta::assert_snapshot!("nginx_default", render(&plan(), Language::En));
    // Its comments in the user's language; the directives the same.
    let korean = render(&plan(), Language::Ko);
    insta::assert_snapshot!("nginx_default_ko", korean);
    let directives = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|line| !line.trim_start().starts_with('#'))
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(
        directives(&korean),
        directives(&render(&plan(), Language::En))
    );
}

#[test]
fn real_nginx_accepts_the_config_as_generated() {
    let dir = handshake_testkit::Scratch::new("gen-nginx-t");
    let (_ca, cert, key) = certificate_files(&dir, "api.example.com");
    let plan = ProxyPlan {
        certificate: cert.display().to_string(),
        certificate_key: key.display().to_string(),
        ..plan()
    };
    // The default ports 443 and 80: nginx -t checks the syntax and loads the certificate, binds nothing.
    // In Korean: nginx reads the UTF-8 comments as well.
    test_config(&render(&plan, Language::Ko))
        .unwrap_or_else(|error| panic!("nginx -t refused the generated config:\n{error}"));
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wss_round_trips_through_the_generated_config_and_fails_without_its_upgrade_headers() {
    let dir = handshake_testkit::Scratch::new("gen-nginx");
    let (ca, cert, key) = certificate_files(&dir, "localhost");
    let echo = websocket::ws(Behaviour::Echo).await;

    let check = |port: u16| {
        let ca = ca.cert_der().expect("CA");
        async move {
            let options = CheckOptions {
                ca: vec![ca],
                timeout: Duration::from_secs(3),
                ..CheckOptions::default()
            };
            crate::support::check(&format!("wss://localhost:{port}/ws"), options).await
        }
    };
    // What `generate nginx` writes for localhost by default, on the test's
    // own ports and files.
    let config = |port: u16| {
        render(
            &ProxyPlan {
                listen_tls: format!("127.0.0.1:{port}"),
                listen_redirect: None,
                certificate: cert.display().to_string(),
                certificate_key: key.display().to_string(),
                upstream: format!("http://127.0.0.1:{}", echo.port),
                ..default_proxy_plan(FixKind::Nginx, &format!("wss://localhost:{port}/ws"))
            },
            Language::En,
        )
    };

    let port = free_port();
    let nginx = Nginx::start(&config(port), &[port]);
    let report = check(port).await;
    assert!(report.ok, "{report:#?}\n{}", nginx.log());
    assert_eq!(report.answer.as_ref().and_then(|a| a.text()), Some("ping"));
    // The diagnosis has nothing to warn about what the generator wrote (HSTS
    // for localhost was one such thing).
    let url = format!("wss://localhost:{port}/ws");
    assert_nothing_to_warn(&url, ca.cert_der().expect("CA")).await;
    // Judged by clients that are not Handshake: OpenSSL verifies the chain
    // and the name, curl gets its 101 with the right accept value, and
    // headless Chromium trusting the CA echoes through it.
    let ca_file = dir.join("ca/handshake-dev-ca.pem");
    tokio::task::block_in_place(|| judge::proxy_passes(port, "localhost", &url, &ca_file));
    drop(nginx);

    // The same config without the three lines that make WebSockets work.
    let port = free_port();
    let stripped: String = config(port)
        .lines()
        .filter(|line| {
            !line.contains("proxy_http_version")
                && !line.contains("proxy_set_header Upgrade")
                && !line.contains("proxy_set_header Connection")
        })
        .map(|line| format!("{line}\n"))
        .collect();
    let nginx = Nginx::start(&stripped, &[port]);
    let report = check(port).await;
    assert!(
        !report.ok,
        "without the upgrade headers the upgrade must fail: {report:#?}"
    );
    // …and the other clients fail with it: the check is not too lenient.
    let url = format!("wss://localhost:{port}/ws");
    tokio::task::block_in_place(|| {
        assert!(
            judge::curl_upgrades(&url, &ca_file).is_err(),
            "curl upgraded without the headers"
        );
        assert!(
            judge::chromium_echoes(&url, &ca_file).is_err(),
            "Chromium echoed without the headers"
        );
    });
    let codes: Vec<&str> = report.findings.iter().map(|f| f.code.as_str()).collect();
    assert!(
        codes
            .iter()
            .any(|c| matches!(*c, "ws-upgrade-rejected" | "proxy-upstream-down")),
        "{codes:?}\n{}",
        nginx.log()
    );
    drop(nginx);
    let _ = std::fs::remove_dir_all(dir);
}
