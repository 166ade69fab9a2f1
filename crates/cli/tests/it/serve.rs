//! `handshake serve` scraped by a real Prometheus the way blackbox_exporter
//! is, in front of real nginx — a healthy endpoint, a leaf behind an
//! intermediate ending in 10 days, an expired certificate, and a WebSocket
//! whose upgrade nginx strips on its way to a Node echo — the series read
//! back through Prometheus's own query API, the README's alerts included.

use handshake_testkit::nginx::Nginx;
use handshake_testkit::node::{Kind, Node};
use handshake_testkit::pki::{Ca, pem};
use handshake_testkit::process::{Group, listening};
use handshake_testkit::servers::free_port;

use crate::{command, scratch};

#[test]
fn prometheus_scrapes_the_probe_and_answers_for_expiry_and_findings() {
    let dir = scratch("serve");
    let ca = Ca::new("Serve Test CA");
    let short = ca.intermediate_within("Serve Short Intermediate", -10, 10);
    let (good_cert, good_key) = ca
        .leaf(&["localhost"], -1, 200)
        .write_pem(&dir.join("good"));
    let (old_cert, old_key) = ca.leaf(&["localhost"], -90, -3).write_pem(&dir.join("old"));
    let behind = short.leaf(&["localhost"], -1, 200);
    let (short_cert, short_key) = (dir.join("short.pem"), dir.join("short.key"));
    std::fs::write(
        &short_cert,
        pem("CERTIFICATE", behind.chain[0].as_ref()) + &pem("CERTIFICATE", short.cert().as_ref()),
    )
    .expect("chain");
    std::fs::write(&short_key, pem("PRIVATE KEY", behind.key.secret_der())).expect("key");
    let echo = Node::start(Kind::Echo, None);
    let (good, old, expiring, stripped) = (free_port(), free_port(), free_port(), free_port());
    let tls = |port: u16, cert: &std::path::Path, key: &std::path::Path, location: &str| {
        format!(
            "server {{ listen 127.0.0.1:{port} ssl; ssl_certificate {}; ssl_certificate_key {}; {location} }}\n",
            cert.display(),
            key.display()
        )
    };
    let ok = "location / { return 200 'ok'; }";
    // No `proxy_set_header Upgrade`: nginx forwards a plain GET the echo
    // never answers, and gives up after half a second.
    let strip = format!(
        "location /ws {{ proxy_pass http://127.0.0.1:{}; proxy_read_timeout 500ms; }}",
        echo.port
    );
    let nginx = Nginx::start(
        &[
            tls(good, &good_cert, &good_key, ok),
            tls(old, &old_cert, &old_key, ok),
            tls(expiring, &short_cert, &short_key, ok),
            tls(stripped, &good_cert, &good_key, &strip),
        ]
        .concat(),
        &[good, old, expiring, stripped],
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
    serve.arg(&ca_file).stderr(std::process::Stdio::null());
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

    let url = |port: u16, path: &str| {
        format!(
            "{}://localhost:{port}{path}",
            if path == "/ws" { "wss" } else { "https" }
        )
    };
    let (healthy, expired, ending, websocket) = (
        url(good, "/"),
        url(old, "/"),
        url(expiring, "/"),
        url(stripped, "/ws"),
    );
    let port = free_port();
    let prometheus = handshake_testkit::prometheus::start(
        port,
        &listen,
        &[&healthy, &expired, &ending, &websocket],
    );
    // Scraped every 2 s: wait (at most 30 s) until every target is in.
    let success = || handshake_testkit::prometheus::query(port, "probe_success");
    handshake_testkit::wait_until(
        30,
        || {
            success()["data"]["result"]
                .as_array()
                .is_some_and(|series| series.len() == 4)
        },
        || format!("{}\n{}", success(), prometheus.log()),
    );
    let instances = |query: &str| -> Vec<(String, f64)> {
        let answer = handshake_testkit::prometheus::query(port, query);
        answer["data"]["result"]
            .as_array()
            .unwrap_or_else(|| panic!("{query}: {answer}"))
            .iter()
            .filter_map(|one| {
                Some((
                    one["metric"]["instance"].as_str()?.to_owned(),
                    one["value"][1].as_str()?.parse().ok()?,
                ))
            })
            .collect()
    };
    let value = |query: &str, instance: &str| -> f64 {
        instances(query)
            .into_iter()
            .find(|(at, _)| at == instance)
            .map(|(_, value)| value)
            .unwrap_or_else(|| panic!("{query} for {instance}: {:?}", instances(query)))
    };
    assert_eq!(value("probe_success", &healthy), 1.0);
    assert_eq!(
        value("probe_success", &ending),
        1.0,
        "an expiry to come is no error"
    );
    assert_eq!(value("probe_success", &expired), 0.0);
    assert_eq!(value("probe_success", &websocket), 0.0);
    // Days left on the chain that ends first: the intermediate's.
    let days = "(probe_ssl_earliest_cert_expiry - time()) / 86400";
    assert!((198.0..=200.0).contains(&value(days, &healthy)));
    assert!((8.0..=10.0).contains(&value(days, &ending)));
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
    // The leaf, labelled as blackbox labels it.
    let chain = handshake_testkit::prometheus::query(port, "probe_ssl_last_chain_info");
    let leaf = chain["data"]["result"]
        .as_array()
        .and_then(|series| {
            series
                .iter()
                .find(|one| one["metric"]["instance"] == healthy.as_str())
        })
        .map(|one| one["metric"].clone())
        .unwrap_or_else(|| panic!("{chain}"));
    assert_eq!(leaf["subject"], "CN=localhost", "{leaf}");
    assert!(
        leaf["fingerprint_sha256"]
            .as_str()
            .is_some_and(|hex| hex.len() == 64 && hex.bytes().all(|b| b.is_ascii_hexdigit())),
        "{leaf}"
    );
    // The README's alerts, as Prometheus evaluates them.
    let firing = |expression: &str| -> Vec<String> {
        let mut at: Vec<String> = instances(expression)
            .into_iter()
            .map(|(at, _)| at)
            .collect();
        at.sort();
        at
    };
    assert_eq!(firing(&format!("{days} < 14")), {
        let mut both = vec![expired.clone(), ending.clone()];
        both.sort();
        both
    });
    assert_eq!(
        firing("handshake_websocket_upgrade == 0"),
        std::slice::from_ref(&websocket)
    );
    drop((prometheus, served, nginx, echo));
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
