//! `handshake check` against websocat on the same loopback wss:// echo
//! server, in one run: the whole process (connect, TLS, upgrade, one round
//! trip, close), median and p99, and the round-trip latency inside one
//! connection; then a STOMP check against the Spring Boot test application
//! over wss:// (`CONNECT` → `CONNECTED`), against websocat sending the same
//! CONNECT frame — the quickest proof a user would script. Run by
//! `bench/check.sh`.
//!
//! Usage: bench-check HANDSHAKE_BINARY WEBSOCAT_BINARY [RUNS]

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use handshake_testkit::Scratch;
use handshake_testkit::pki::{Ca, pem};
use handshake_testkit::servers::free_port;
use handshake_testkit::spring::{Boot, Spring};
use handshake_testkit::websocket::{self, Behaviour};

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(handshake), Some(websocat)) = (args.next(), args.next()) else {
        eprintln!("usage: bench-check HANDSHAKE_BINARY WEBSOCAT_BINARY [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(100);

    let runtime = tokio::runtime::Runtime::new().expect("tokio runtime");
    let ca = Ca::new("Handshake Bench CA");
    let server = runtime.block_on(websocket::wss(
        &ca.leaf(&["localhost"], -1, 90),
        Behaviour::Echo,
    ));
    let ca_file =
        std::env::temp_dir().join(format!("handshake-bench-ca-{}.pem", std::process::id()));
    std::fs::write(&ca_file, pem("CERTIFICATE", ca.cert().as_ref())).expect("ca.pem");
    let url = format!("wss://localhost:{}/ws", server.port);
    let ca_arg = ca_file.display().to_string();

    let ours = sample(runs, || {
        let started = Instant::now();
        let output = Command::new(&handshake)
            .args(["check", "--json", "--ca", &ca_arg, &url])
            .output()
            .expect("handshake runs");
        assert!(output.status.success(), "handshake check failed");
        if std::env::var_os("HANDSHAKE_BENCH_SLOW").is_some()
            && started.elapsed() > Duration::from_millis(20)
        {
            eprintln!(
                "slow run ({:?}): {}",
                started.elapsed(),
                String::from_utf8_lossy(&output.stdout)
                    .split("\"certificate\"")
                    .next()
                    .unwrap_or_default()
                    .replace(char::is_whitespace, "")
            );
        }
    });
    let peer = sample(runs, || {
        // websocat uses OpenSSL, which takes extra roots from SSL_CERT_FILE.
        let mut child = Command::new(&websocat)
            .args(["-1", &url])
            .env("SSL_CERT_FILE", &ca_file)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("websocat runs");
        let _ = child.stdin.take().expect("stdin").write_all(b"ping\n");
        let output = child.wait_with_output().expect("websocat output");
        assert!(
            String::from_utf8_lossy(&output.stdout).contains("ping"),
            "websocat got no echo"
        );
    });

    println!(
        "wss:// echo on loopback, whole process (connect, TLS, upgrade, one round trip, close), {runs} runs:\n"
    );
    table(&[("handshake check", &ours), ("websocat -1", &peer)]);
    println!(
        "\nratio (websocat / handshake): median {:.2}x, p99 {:.2}x (above 1: Handshake is faster)",
        quantile(&peer, 0.5).as_secs_f64() / quantile(&ours, 0.5).as_secs_f64(),
        quantile(&peer, 0.99).as_secs_f64() / quantile(&ours, 0.99).as_secs_f64()
    );

    let output = Command::new(&handshake)
        .args(["check", "--json", "--count", "1000", "--ca", &ca_arg, &url])
        .output()
        .expect("handshake runs");
    let json = String::from_utf8_lossy(&output.stdout);
    let median = json
        .split("\"median\":")
        .nth(1)
        .and_then(|rest| rest.split([',', '\n', '}']).next())
        .map(str::trim)
        .unwrap_or("?");
    println!("round trip inside one connection (handshake check --count 1000): median {median} ms");
    let _ = std::fs::remove_file(ca_file);
    stomp(&handshake, &websocat, runs.div_ceil(2));
}

/// The STOMP proof against the real Spring Boot test application, served
/// over wss:// with the files `handshake generate spring` writes.
fn stomp(handshake: &str, websocat: &str, runs: usize) {
    let dir = Scratch::new("bench-stomp");
    let port = free_port().to_string();
    let generated = Command::new(handshake)
        .args([
            "generate",
            "spring",
            "--boot",
            Boot::V4_0.line(),
            "--form",
            "pem",
        ])
        .args(["--dev-ca", "--ca-dir", "ca", "--host", "localhost"])
        .args(["--port", &port, "--out", "fix"])
        .current_dir(&dir)
        .output()
        .expect("handshake runs");
    assert!(generated.status.success(), "generate spring failed");
    let spring = Spring::run(
        Boot::V4_0,
        &dir,
        None,
        &["--spring.config.location=file:./fix/application.properties"],
    );
    let url = format!("wss://localhost:{port}/stomp");
    let ca = dir.join("ca/handshake-dev-ca.pem");
    let ca_arg = ca.display().to_string();
    let run_ours = || {
        let output = Command::new(handshake)
            .args(["check", "--json", "--ca", &ca_arg, &url])
            .output()
            .expect("handshake runs");
        let report = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success() && report.contains("\"protocol\": \"stomp\""),
            "handshake check failed: {report}\n{}",
            spring.console()
        );
    };
    let frame = b"CONNECT\naccept-version:1.2\nhost:localhost\n\n\0";
    let run_peer = || {
        // One message, the frame as it is (its NUL included), as text.
        let mut child = Command::new(websocat)
            .args(["-1", "-t", "--no-line", "--protocol", "v12.stomp", &url])
            .env("SSL_CERT_FILE", &ca)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("websocat runs");
        let _ = child.stdin.take().expect("stdin").write_all(frame);
        let output = child.wait_with_output().expect("websocat output");
        assert!(
            String::from_utf8_lossy(&output.stdout).starts_with("CONNECTED"),
            "websocat got no CONNECTED: {}",
            String::from_utf8_lossy(&output.stdout)
        );
    };
    // The JVM warms up first (its first requests are many times slower),
    // then the two take turns, so that neither meets a colder server.
    for _ in 0..10 {
        run_ours();
        run_peer();
    }
    let (ours, peer) = sample_both(runs, run_ours, run_peer);
    println!(
        "\nSTOMP over wss:// to Spring Boot {} (CONNECT → CONNECTED, close), whole process, {runs} runs:\n",
        Boot::V4_0.version()
    );
    table(&[
        ("handshake check (auto)", &ours),
        ("websocat -1 (CONNECT)", &peer),
    ]);
    println!(
        "\nratio (websocat / handshake): median {:.2}x (above 1: Handshake is faster)",
        quantile(&peer, 0.5).as_secs_f64() / quantile(&ours, 0.5).as_secs_f64()
    );
}

/// Each tool's median and p99, one line each.
fn table(rows: &[(&str, &Vec<Duration>)]) {
    println!("{:<28} {:>12} {:>12}", "tool", "median ms", "p99 ms");
    for (name, times) in rows {
        println!(
            "{name:<28} {:>12.2} {:>12.2}",
            ms(quantile(times, 0.5)),
            ms(quantile(times, 0.99))
        );
    }
}

/// `runs` times each, taking turns; each list sorted.
fn sample_both(
    runs: usize,
    mut first: impl FnMut(),
    mut second: impl FnMut(),
) -> (Vec<Duration>, Vec<Duration>) {
    let mut times = (Vec::new(), Vec::new());
    for _ in 0..runs {
        let started = Instant::now();
        first();
        times.0.push(started.elapsed());
        let started = Instant::now();
        second();
        times.1.push(started.elapsed());
    }
    times.0.sort();
    times.1.sort();
    times
}

fn sample(runs: usize, mut run: impl FnMut()) -> Vec<Duration> {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let started = Instant::now();
            run();
            started.elapsed()
        })
        .collect();
    times.sort();
    times
}

fn quantile(sorted: &[Duration], q: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * q).round() as usize]
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}
