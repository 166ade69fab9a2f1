//! `handshake check --browser` end to end against a healthy loopback
//! wss:// echo server, in headless Chromium and Firefox: the whole process
//! (Handshake's own check, the probe page served, the browser started, the
//! page's WebSocket and its report, the diagnosis beside it), median of
//! RUNS; beside it the same browser started on the same kind of page by the
//! test kit, until its report — the share of the total that is the
//! browser's own.
//! Run by `bench/browser.sh`.
//!
//! Usage: bench-browser HANDSHAKE_BINARY [RUNS]

use std::process::Command;
use std::time::{Duration, Instant};

use handshake_testkit::browser::{self, Browser, Home};
use handshake_testkit::pki::Identity;
use handshake_testkit::websocket::{self, Behaviour};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(handshake) = args.next() else {
        eprintln!("usage: bench-browser HANDSHAKE_BINARY [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(7);
    let home = Home::new();
    home.make_firefox_database();
    // A certificate from the development CA, trusted in both browsers.
    let certificate = home.dev_ca_certificate(std::path::Path::new(&handshake));
    let trusted = Command::new(&handshake)
        .args(["trust", "--store", "browsers", "--yes"])
        .env("HOME", home.path())
        .env_remove("XDG_DATA_HOME")
        .output()
        .expect("handshake runs");
    assert!(
        trusted.status.success(),
        "handshake trust: {}",
        String::from_utf8_lossy(&trusted.stdout)
    );
    let identity = Identity {
        chain: CertificateDer::pem_file_iter(&certificate.chain)
            .expect("fullchain.pem")
            .collect::<Result<_, _>>()
            .expect("certificates"),
        key: PrivateKeyDer::from_pem_file(&certificate.key).expect("privkey.pem"),
    };
    let runtime = tokio::runtime::Runtime::new().expect("tokio runtime");
    let server = runtime.block_on(websocket::wss(&identity, Behaviour::Echo));
    let url = format!("wss://localhost:{}/ws", server.port);
    let ca = certificate.ca.display().to_string();

    println!(
        "handshake check --browser against a healthy wss:// echo on loopback, whole process, {runs} runs each:\n"
    );
    println!(
        "{:<10} {:>16} {:>22} {:>16}",
        "browser", "check --browser", "browser alone (start→report)", "browser's share"
    );
    for browser in [Browser::Chromium, Browser::Firefox] {
        let launcher = home.launcher(browser).display().to_string();
        // Timed until `check` exits; the browser it started is stopped
        // after, outside the time.
        let mut total: Vec<Duration> = (0..runs)
            .map(|_| {
                let started = Instant::now();
                let output = Command::new(&handshake)
                    .args(["check", "--json", &url, "--ca", &ca, "--browser", &launcher])
                    .env("HOME", home.path())
                    .output()
                    .expect("handshake runs");
                let took = started.elapsed();
                home.stop_browsers();
                assert!(
                    output.status.success(),
                    "{browser:?}: {}",
                    String::from_utf8_lossy(&output.stdout)
                );
                took
            })
            .collect();
        total.sort();
        // The same page and WebSocket without Handshake: the browser's start,
        // the page, the socket and the report.
        let mut alone: Vec<Duration> = (0..runs)
            .map(|_| browser::time_to_report(browser, &home, &url, 30))
            .collect();
        alone.sort();
        let (total, alone) = (median(&total), median(&alone));
        println!(
            "{:<10} {:>13.0} ms {:>19.0} ms {:>15.0} %",
            format!("{browser:?}"),
            ms(total),
            ms(alone),
            100.0 * alone.as_secs_f64() / total.as_secs_f64()
        );
    }
}

fn median(sorted: &[Duration]) -> Duration {
    sorted[sorted.len() / 2]
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}
