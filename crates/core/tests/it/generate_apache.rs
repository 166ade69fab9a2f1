//! The Apache generator: golden file, and real Apache httpd 2.4 started from
//! it proxying a wss:// round trip to a WebSocket echo.

use std::time::Duration;

use handshake_core::render::ProxyPlan;

use crate::support::{assert_nothing_to_warn, certificate_files, default_proxy_plan};
use handshake_core::fix::FixKind;
use handshake_core::render::apache::{MODULES, render};
use handshake_core::{CheckOptions, Language, Target};
use handshake_testkit::apache::Apache;
use handshake_testkit::judge;
use handshake_testkit::servers::free_port;
use handshake_testkit::websocket::{self, Behaviour};

fn plan() -> ProxyPlan {
    ProxyPlan {
        server_names: vec!["api.example.com".into(), "www.example.com".into()],
        listen_tls: "443".into(),
        listen_redirect: Some("80".into()),
        certificate: "/etc/letsencrypt/live/api.example.com/fullchain.pem".into(),
        certificate_key: "/etc/letsencrypt/live/api.example.com/privkey.pem".into(),
        upstream: "http://127.0.0.1:8080".into(),
        ws_path: "/ws".into(),
        hsts: true,
        idle_timeout_secs: 3600,
    }
}

#[test]
fn the_generated_virtual_host_reads_well() {
    insta::assert_snapshot!("apache_default", render(&plan(), Language::En));
}

/// `apache2ctl -t` in a private config root accepts the host as generated
/// (default 443/80 listeners, certificate files present), and refuses it
/// without mod_ssl, so the check is real.
#[test]
fn apache2ctl_accepts_the_generated_host() {
    let dir = handshake_testkit::Scratch::new("gen-apache-t");
    let (_ca, cert, key) = certificate_files(&dir, "api.example.com");
    // In Korean: its comments are UTF-8, which apache2ctl reads as well.
    let site = render(
        &ProxyPlan {
            certificate: cert.display().to_string(),
            certificate_key: key.display().to_string(),
            ..plan()
        },
        Language::Ko,
    );
    let accepted = Apache::configtest(&MODULES, &site);
    assert!(
        accepted.as_ref().is_ok_and(|out| out.contains("Syntax OK")),
        "{accepted:?}"
    );
    let without_ssl: Vec<&str> = MODULES.iter().copied().filter(|m| *m != "ssl").collect();
    let refused = Apache::configtest(&without_ssl, &site).expect_err("SSLEngine unknown");
    assert!(refused.contains("SSL"), "{refused}");
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wss_round_trips_through_real_apache_from_the_generated_host() {
    let dir = handshake_testkit::Scratch::new("gen-apache");
    let (ca, cert, key) = certificate_files(&dir, "localhost");
    let echo = websocket::ws(Behaviour::Echo).await;
    let (port, plain) = (free_port(), free_port());
    // What `generate apache` writes for localhost by default, on the
    // test's own ports and files.
    let url = format!("wss://localhost:{port}/ws");
    let site = render(
        &ProxyPlan {
            listen_tls: format!("127.0.0.1:{port}"),
            listen_redirect: Some(format!("127.0.0.1:{plain}")),
            certificate: cert.display().to_string(),
            certificate_key: key.display().to_string(),
            upstream: format!("http://127.0.0.1:{}", echo.port),
            ..default_proxy_plan(FixKind::Apache, &url)
        },
        Language::En,
    );
    let apache = Apache::start(
        &MODULES,
        &format!("Listen 127.0.0.1:{port}\nListen 127.0.0.1:{plain}\nSSLSessionCache none\n{site}"),
        &[port, plain],
    );

    let options = CheckOptions {
        ca: vec![ca.cert_der().expect("CA")],
        timeout: Duration::from_secs(3),
        ..CheckOptions::default()
    };
    let report = crate::support::check(&format!("wss://localhost:{port}/ws"), options).await;
    assert!(report.ok, "{report:#?}\n{}", apache.log());
    assert_eq!(report.answer.as_ref().and_then(|a| a.text()), Some("ping"));
    // The diagnosis has nothing to warn about what the generator wrote.
    assert_nothing_to_warn(&url, ca.cert_der().expect("CA")).await;
    // Judged by clients that are not Handshake.
    let ca_file = dir.join("ca/handshake-dev-ca.pem");
    tokio::task::block_in_place(|| judge::proxy_passes(port, "localhost", &url, &ca_file));

    // The plain port redirects to https.
    let plain_target = Target::parse(&format!("http://127.0.0.1:{plain}/")).expect("URL");
    let diagnosis =
        handshake_core::diagnose(&plain_target, &handshake_core::Options::default()).await;
    let redirect = diagnosis
        .findings
        .iter()
        .find(|f| f.code.as_str() == "http-redirect")
        .unwrap_or_else(|| panic!("{:#?}", diagnosis.findings));
    assert_eq!(
        redirect.facts.text("location"),
        Some("https://localhost/"),
        "{redirect:?}"
    );
    let title = redirect.words(handshake_core::Language::Ko).title;
    assert!(
        title.contains("https://localhost/(으)로 리디렉트됩니다"),
        "{title}"
    );
    drop(apache);
    let _ = std::fs::remove_dir_all(dir);
}
