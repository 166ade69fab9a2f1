//! The real Prometheus (Debian's 2.42), started privately through
//! [`Daemon`]: it scrapes an exporter's `/probe` every 2 s for a list of
//! targets with blackbox_exporter's relabelling, its storage in a folder of
//! the test's, and answers queries through its own HTTP API.

use std::process::Command;

use crate::Scratch;
use crate::coverage::Program;
use crate::daemon::Daemon;

/// Prometheus on 127.0.0.1:`port`, scraping the exporter at `exporter`
/// (`host:port`) for each of `targets`, as the README's `scrape_config`
/// says (the same text, with the addresses filled in).
pub fn start(port: u16, exporter: &str, targets: &[&str]) -> Daemon {
    let dir = Scratch::new("prometheus");
    let listed: String = targets
        .iter()
        .map(|target| format!("          - '{target}'\n"))
        .collect();
    let config = dir.join("prometheus.yml");
    std::fs::write(
        &config,
        format!(
            "global:\n  scrape_interval: 2s\n  scrape_timeout: 2s\nscrape_configs:\n{}",
            scrape_config(exporter, &listed)
        ),
    )
    .expect("prometheus.yml");
    let data = dir.join("data");
    let daemon = Daemon::start(
        Program::Prometheus,
        dir,
        Command::new("/usr/bin/prometheus")
            .arg(format!("--config.file={}", config.display()))
            .arg(format!("--storage.tsdb.path={}", data.display()))
            .arg(format!("--web.listen-address=127.0.0.1:{port}"))
            .arg("--log.level=warn"),
        &[port],
        30,
        None,
    );
    // It listens before its storage is open, answering 503 until then:
    // ready is when `/-/ready` says so.
    let ready = format!("http://127.0.0.1:{port}/-/ready");
    crate::wait_until(
        30,
        || &*crate::curl(&["-s", "-o", "/dev/null", "-w", "%{http_code}", &ready]) == "200",
        || daemon.log(),
    );
    daemon
}

/// The scrape job for `exporter`, the `targets` lines already indented:
/// blackbox_exporter's relabelling, unchanged.
pub fn scrape_config(exporter: &str, targets: &str) -> String {
    format!(
        "  - job_name: handshake\n    metrics_path: /probe\n    static_configs:\n      - targets:\n{targets}    relabel_configs:\n      - source_labels: [__address__]\n        target_label: __param_target\n      - source_labels: [__param_target]\n        target_label: instance\n      - target_label: __address__\n        replacement: {exporter}\n"
    )
}

/// Prometheus's answer to the instant query `query` (its JSON), through
/// its HTTP API on 127.0.0.1:`port`.
pub fn query(port: u16, query: &str) -> serde_json::Value {
    let said = crate::curl(&[
        "-sS",
        "-G",
        &format!("http://127.0.0.1:{port}/api/v1/query"),
        "--data-urlencode",
        &format!("query={query}"),
    ]);
    serde_json::from_str(&said).unwrap_or_else(|error| panic!("{error}: {said}"))
}
