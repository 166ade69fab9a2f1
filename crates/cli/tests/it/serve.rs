//! `handshake serve` scraped by a real Prometheus the way blackbox_exporter
//! is, in front of real nginx (a healthy endpoint, an expired certificate);
//! the series read back through Prometheus's own query API.

use handshake_testkit::nginx::Nginx;
use handshake_testkit::pki::{Ca, pem};
use handshake_testkit::process::{Group, listening};
use handshake_testkit::servers::free_port;

use crate::{command, scratch};

#[test]
fn prometheus_scrapes_the_probe_and_answers_for_expiry_and_findings() {
    let dir = scratch("serve");
    let ca = Ca::new("Serve Test CA");
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

    let exporter = free_port();
    let listen = format!("127.0.0.1:{exporter}");
    let mut serve = command();
    serve.args([
        "serve",
        "--listen",
        &listen,
        "--no-proxy",
        "--allow",
        "localhost",
        "--ca",
    ]);
    serve.arg(&ca_file);
    let mut served = Group::spawn(&mut serve, "handshake serve");
    served.wait_until_ready(
        "handshake serve",
        10,
        || listening(&[exporter]),
        String::new,
    );

    // What an exporter must refuse: no target, a host not allowed.
    let asked = |query: &str| {
        handshake_testkit::curl(&[
            "-s",
            "-o",
            "/dev/null",
            "-w",
            "%{http_code}",
            &format!("http://{listen}/probe{query}"),
        ])
    };
    assert_eq!(&*asked(""), "400");
    assert_eq!(&*asked("?target=wss://127.0.0.1:22/"), "403");

    let (healthy, expired) = (
        format!("https://localhost:{good}/"),
        format!("https://localhost:{old}/"),
    );
    let port = free_port();
    let prometheus = handshake_testkit::prometheus::start(port, &listen, &[&healthy, &expired]);
    // Scraped every second: wait (at most 30 s) until both targets are in.
    let success = || handshake_testkit::prometheus::query(port, "probe_success");
    handshake_testkit::wait_until(
        30,
        || {
            success()["data"]["result"]
                .as_array()
                .is_some_and(|series| series.len() == 2)
        },
        || format!("{}\n{}", success(), prometheus.log()),
    );
    let value = |query: &str, instance: &str| -> f64 {
        let answer = handshake_testkit::prometheus::query(port, query);
        answer["data"]["result"]
            .as_array()
            .and_then(|series| {
                series
                    .iter()
                    .find(|one| one["metric"]["instance"] == instance)
            })
            .and_then(|one| one["value"][1].as_str())
            .and_then(|text| text.parse().ok())
            .unwrap_or_else(|| panic!("{query} for {instance}: {answer}"))
    };
    assert_eq!(value("probe_success", &healthy), 1.0);
    assert_eq!(value("probe_success", &expired), 0.0);
    // The alert a team writes: days left on the chain that ends first.
    let days = "(probe_ssl_earliest_cert_expiry - time()) / 86400";
    assert!((198.0..=200.0).contains(&value(days, &healthy)));
    assert!(value(days, &expired) < -2.0);
    assert_eq!(
        value(
            r#"handshake_finding{code="cert-expired",severity="error"}"#,
            &expired
        ),
        1.0
    );
    // nginx 1.22 (Debian 12) offers TLS 1.2 by default, not 1.3.
    assert_eq!(
        value(r#"probe_tls_version_info{version="TLS 1.2"}"#, &healthy),
        1.0
    );
    drop((prometheus, served, nginx));
}

/// The README's scrape job is the one the test above gives Prometheus,
/// and `promtool` accepts its alert rules.
#[test]
fn the_readme_monitoring_setup_is_what_runs() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md"))
        .expect("README.md");
    let job = handshake_testkit::prometheus::scrape_config(
        "127.0.0.1:9115",
        "          - 'wss://api.example.com/ws'\n          - 'https://api.example.com/health'\n",
    );
    assert!(
        readme.contains(&job),
        "README's scrape job differs from:\n{job}"
    );
    let rules = readme
        .split("```yaml\n")
        .find(|block| block.starts_with("groups:"))
        .and_then(|block| block.split("```").next())
        .expect("the README's alert rules");
    let dir = scratch("promtool");
    let file = dir.join("rules.yml");
    std::fs::write(&file, rules).expect("rules");
    let checked = std::process::Command::new("promtool")
        .args(["check", "rules"])
        .arg(&file)
        .output()
        .expect("promtool runs (apt-get install prometheus)");
    assert!(
        checked.status.success(),
        "{}{}",
        String::from_utf8_lossy(&checked.stdout),
        String::from_utf8_lossy(&checked.stderr)
    );
}
