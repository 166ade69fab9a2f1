//! `handshake scan` over a fleet on loopback: 1 000 endpoints behind real
//! nginx (one TLS server, a path each, `--per-host 32` since they share a
//! host), then 10 000 — wall time and peak memory — against `diagnose` run
//! once per endpoint in a row, sslyze's certificate scan and testssl's
//! `--file --parallel` on a sample, each extrapolated to the same 1 000;
//! and `handshake serve`'s probe against one `diagnose`. Prints ratios.
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
    let sample: u32 = 50;
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
    let diagnose_per = started.elapsed().as_secs_f64() / f64::from(sample);
    row(
        "handshake diagnose × 1 000 in a row (from 50)",
        diagnose_per * 1000.0,
        None,
        base,
    );
    // The peers, each once over a sample of the same endpoint.
    let sslyze_targets = dir.join("sslyze.txt");
    std::fs::write(
        &sslyze_targets,
        format!("localhost:{port}{{127.0.0.1}}\n").repeat(sample as usize),
    )
    .expect("targets");
    let testssl_sample: u32 = 3;
    let testssl_jobs = dir.join("testssl.txt");
    std::fs::write(
        &testssl_jobs,
        format!("--quiet --color 0 --warnings off --server-defaults --add-ca {ca} --ip 127.0.0.1 localhost:{port}\n")
            .repeat(testssl_sample as usize),
    )
    .expect("jobs");
    let mut sslyze = Command::new(Path::new(env!("CARGO_MANIFEST_DIR")).join(".venv/bin/sslyze"));
    sslyze
        .args([
            "--quiet",
            "--certinfo",
            "--certinfo_ca_file",
            &ca,
            "--targets_in",
        ])
        .arg(&sslyze_targets);
    let mut testssl = Command::new("testssl");
    testssl.args(["--parallel", "--file"]).arg(&testssl_jobs);
    for (tool, peer, count) in [
        ("sslyze --certinfo × 1 000 (from 50)", &mut sslyze, sample),
        (
            "testssl --file --parallel × 1 000 (from 3)",
            &mut testssl,
            testssl_sample,
        ),
    ] {
        match per_target(peer, count) {
            Some(seconds) => row(tool, seconds * 1000.0, None, base),
            None => println!(
                "{tool:<44} {:>10}",
                "not installed (bench/peers.sh installs it)"
            ),
        }
    }
    // The exporter: one probe over HTTP against one `diagnose` process.
    let listen = free_port();
    let mut exporter = Command::new(&handshake)
        .args([
            "serve",
            "--no-proxy",
            "--ca",
            &ca,
            "--listen",
            &format!("127.0.0.1:{listen}"),
        ])
        .stderr(Stdio::null())
        .spawn()
        .expect("handshake serve runs");
    let ready = (0..100).any(|_| {
        std::thread::sleep(Duration::from_millis(20));
        std::net::TcpStream::connect(("127.0.0.1", listen)).is_ok()
    });
    assert!(ready, "handshake serve did not listen");
    let target = format!("https://localhost:{port}/endpoint/0");
    let started = Instant::now();
    for _ in 0..sample {
        let answer = probe(listen, &target);
        assert!(
            answer.contains("probe_success 1"),
            "the probe must pass: {answer}"
        );
    }
    let per_probe = started.elapsed().as_secs_f64() / f64::from(sample);
    let _ = exporter.kill();
    let _ = exporter.wait();
    println!(
        "\nhandshake serve: a probe in {:.1} ms, one diagnose process in {:.1} ms: {:.2}x",
        per_probe * 1000.0,
        diagnose_per * 1000.0,
        per_probe / diagnose_per
    );
    println!("\nratio = the row's seconds / handshake scan's (higher: scan is faster).");
    drop(nginx);
}

/// Seconds per target of `peer` run once over `count` targets, or `None`
/// when it is not installed.
fn per_target(peer: &mut Command, count: u32) -> Option<f64> {
    let started = Instant::now();
    peer.stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .ok()?;
    Some(started.elapsed().as_secs_f64() / f64::from(count))
}

/// The exporter's answer to one `/probe?target=` (HTTP/1.1, the
/// connection closed after it).
fn probe(port: u16, target: &str) -> String {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).expect("the exporter");
    let _ = stream.set_read_timeout(Some(Duration::from_secs(20)));
    write!(
        stream,
        "GET /probe?target={target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .expect("request");
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    answer
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
