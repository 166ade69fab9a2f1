//! `handshake scan` over a fleet on loopback: 1 000 endpoints behind real
//! nginx (one TLS server, a path each, `--per-host 32` since they share a
//! host), then 10 000 — wall time and peak memory — against `diagnose` run
//! once per endpoint in a row and sslyze's certificate scan on a sample,
//! each extrapolated to the same 1 000. Prints ratios.
//!
//!   bench-scan HANDSHAKE_BINARY

mod proc_status;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use handshake_testkit::nginx::Nginx;
use handshake_testkit::pki::{Ca, pem};
use handshake_testkit::servers::free_port;
use proc_status::kib;

fn main() {
    let Some(handshake) = std::env::args().nth(1) else {
        eprintln!("usage: bench-scan HANDSHAKE_BINARY");
        std::process::exit(2);
    };
    let dir = handshake_testkit::Scratch::new("bench-scan");
    let ca = Ca::new("Bench Scan CA");
    let (cert, key) = ca.leaf(&["localhost"], -1, 200).write_pem(&dir);
    let ca_file = dir.join("ca.pem");
    std::fs::write(&ca_file, pem("CERTIFICATE", ca.cert().as_ref())).expect("ca");
    let port = free_port();
    let nginx = Nginx::start(
        &format!(
            "server {{ listen 127.0.0.1:{port} ssl; ssl_certificate {}; ssl_certificate_key {}; keepalive_timeout 0; location / {{ return 200 'ok'; }} }}",
            cert.display(),
            key.display()
        ),
        &[port],
    );
    let list = |count: usize| {
        let file = dir.join(format!("list-{count}.txt"));
        let text: String = (0..count)
            .map(|n| format!("https://localhost:{port}/endpoint/{n}\n"))
            .collect();
        std::fs::write(&file, text).expect("list");
        file
    };
    let ca = ca_file.display().to_string();
    println!("A fleet on loopback (real nginx, one TLS server), this machine.\n");
    println!(
        "{:<44} {:>10} {:>12} {:>8}",
        "tool", "wall s", "peak MB", "ratio"
    );
    let (base, peak) = scan(&handshake, &list(1_000), &ca);
    row("handshake scan, 1 000 endpoints", base, Some(peak), base);
    let (ten, peak) = scan(&handshake, &list(10_000), &ca);
    row(
        "handshake scan, 10 000 endpoints (÷10)",
        ten / 10.0,
        Some(peak),
        base,
    );
    let sample = 50;
    let started = Instant::now();
    for n in 0..sample {
        let ok = Command::new(&handshake)
            .args(["diagnose", "--no-proxy", "--ca", &ca])
            .arg(format!("https://localhost:{port}/endpoint/{n}"))
            .stdout(Stdio::null())
            .status()
            .is_ok_and(|status| status.success());
        assert!(ok, "diagnose must pass: the row would time a failure");
    }
    let per = started.elapsed().as_secs_f64() / f64::from(sample);
    row(
        "handshake diagnose × 1 000 in a row (from 50)",
        per * 1000.0,
        None,
        base,
    );
    let sslyze = Path::new(env!("CARGO_MANIFEST_DIR")).join(".venv/bin/sslyze");
    if sslyze.exists() {
        let targets = dir.join("sslyze.txt");
        std::fs::write(
            &targets,
            format!("localhost:{port}{{127.0.0.1}}\n").repeat(sample as usize),
        )
        .expect("targets");
        let started = Instant::now();
        let _ = Command::new(&sslyze)
            .args([
                "--quiet",
                "--certinfo",
                "--certinfo_ca_file",
                &ca,
                "--targets_in",
            ])
            .arg(&targets)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        let per = started.elapsed().as_secs_f64() / f64::from(sample);
        row(
            "sslyze --certinfo × 1 000 (from 50)",
            per * 1000.0,
            None,
            base,
        );
    } else {
        println!(
            "{:<44} {:>10}",
            "sslyze --certinfo", "not installed (bench/diagnose.sh makes it)"
        );
    }
    println!("\nratio = the row's seconds / handshake scan's (higher: scan is faster).");
    drop(nginx);
}

/// Wall seconds and peak resident megabytes of one scan of `list`.
fn scan(handshake: &str, list: &Path, ca: &str) -> (f64, f64) {
    let started = Instant::now();
    let mut child = Command::new(handshake)
        .args([
            "scan",
            "--no-proxy",
            "--per-host",
            "32",
            "--json",
            "--ca",
            ca,
        ])
        .arg(list)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("handshake runs");
    let mut peak_kib = 0.0f64;
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        peak_kib = peak_kib.max(kib(child.id(), "status", "VmHWM:"));
        std::thread::sleep(Duration::from_millis(10));
    };
    // Exit 0: every endpoint was healthy, so the time is a fleet's scan.
    assert!(status.success(), "the scan must pass: {status}");
    (started.elapsed().as_secs_f64(), peak_kib / 1024.0)
}

fn row(tool: &str, seconds: f64, peak_mb: Option<f64>, base: f64) {
    let peak = peak_mb.map_or_else(|| "—".to_owned(), |mb| format!("{mb:.1}"));
    println!(
        "{tool:<44} {seconds:>10.2} {peak:>12} {:>7.1}x",
        seconds / base
    );
}
