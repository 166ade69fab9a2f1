//! The HAProxy and Caddy generators: the files a user reads (golden), what
//! the real programs accept (`haproxy -c` on Debian's haproxy.cfg with the
//! sections appended, `caddy validate`), and a real wss:// round trip
//! through each, judged by Handshake and by OpenSSL, curl and Chromium.

use std::path::Path;
use std::time::Duration;

use handshake_core::fix::FixKind;
use handshake_core::render::{ProxyPlan, caddy, haproxy};
use handshake_core::{CheckOptions, Language};
use handshake_testkit::servers::free_port;
use handshake_testkit::websocket::{self, Behaviour};
use handshake_testkit::{Scratch, judge};

use crate::support::{
    assert_nothing_to_warn, certificate_files, default_proxy_plan, letsencrypt_plan as plan,
};

#[test]
fn the_generated_files_read_well() {
    insta::assert_snapshot!("haproxy_default", haproxy::render(&plan(), Language::En));
    insta::assert_snapshot!("caddy_default", caddy::render(&plan(), Language::En));
    // Their comments in the user's language; the directives the same.
    let directives = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|line| !line.trim_start().starts_with('#'))
            .map(str::to_owned)
            .collect()
    };
    for render in [haproxy::render, caddy::render] {
        let korean = render(&plan(), Language::Ko);
        assert!(korean.contains("Handshake가"), "{korean}");
        assert_eq!(
            directives(&korean),
            directives(&render(&plan(), Language::En))
        );
    }
}

/// The plan `generate` makes for localhost, on the test's port and files,
/// in front of `upstream`.
fn localhost_plan(kind: FixKind, port: u16, upstream: u16, cert: &Path, key: &Path) -> ProxyPlan {
    ProxyPlan {
        listen_tls: format!("127.0.0.1:{port}"),
        listen_redirect: None,
        certificate: cert.display().to_string(),
        certificate_key: key.display().to_string(),
        upstream: format!("http://127.0.0.1:{upstream}"),
        ..default_proxy_plan(kind, &format!("wss://localhost:{port}/ws"))
    }
}

/// A wss:// echo through the proxy on `port`: Handshake's check passes and
/// its diagnosis has nothing to warn about; OpenSSL, curl and Chromium,
/// trusting the CA, agree.
async fn round_trips(
    port: u16,
    ca: &handshake_core::pki::DevCa,
    ca_file: &Path,
    log: impl Fn() -> String,
) {
    let url = format!("wss://localhost:{port}/ws");
    let options = CheckOptions {
        ca: vec![ca.cert_der().expect("CA")],
        timeout: Duration::from_secs(3),
        ..CheckOptions::default()
    };
    let report = crate::support::check(&url, options).await;
    assert!(report.ok, "{report:#?}\n{}", log());
    assert_eq!(report.answer.as_ref().and_then(|a| a.text()), Some("ping"));
    assert_nothing_to_warn(&url, ca.cert_der().expect("CA")).await;
    tokio::task::block_in_place(|| judge::proxy_passes(port, "localhost", &url, ca_file));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn haproxy_accepts_and_runs_the_generated_sections() {
    let dir = Scratch::new("gen-haproxy");
    let (ca, cert, key) = certificate_files(&dir, "localhost");
    // Where `generate haproxy` puts the key: beside the chain, as
    // `<chain>.key`, which HAProxy loads by itself.
    let beside = dir.join("fullchain.pem.key");
    std::fs::copy(&key, &beside).expect("key beside the chain");
    let echo = websocket::ws(Behaviour::Echo).await;
    let port = free_port();
    let sections = haproxy::render(
        &localhost_plan(FixKind::Haproxy, port, echo.port, &cert, &beside),
        Language::Ko,
    );
    handshake_testkit::haproxy::check_appended(&sections)
        .unwrap_or_else(|said| panic!("haproxy -c refused the sections:\n{said}\n{sections}"));
    let haproxy = handshake_testkit::haproxy::start_appended(&sections, &[port]);
    round_trips(port, &ca, &dir.join("ca/handshake-dev-ca.pem"), || {
        haproxy.log()
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn caddy_accepts_and_runs_the_generated_caddyfile() {
    let dir = Scratch::new("gen-caddy");
    let (ca, cert, key) = certificate_files(&dir, "localhost");
    let echo = websocket::ws(Behaviour::Echo).await;
    let port = free_port();
    let caddyfile = caddy::render(
        &localhost_plan(FixKind::Caddy, port, echo.port, &cert, &key),
        Language::Ko,
    );
    handshake_testkit::caddy::validate(&caddyfile).unwrap_or_else(|said| {
        panic!("caddy validate refused the Caddyfile:\n{said}\n{caddyfile}")
    });
    let caddy = handshake_testkit::caddy::run(&caddyfile, &[port]);
    round_trips(port, &ca, &dir.join("ca/handshake-dev-ca.pem"), || {
        caddy.log()
    })
    .await;
}
