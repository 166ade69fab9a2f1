//! Time to a complete verdict on loopback endpoints, Handshake against what a
//! user runs instead, in one run on the same endpoints. Run by
//! `bench/diagnose.sh`, which builds the release binaries and installs the
//! peers.
//!
//! Usage: bench-diagnose HANDSHAKE_BINARY [RUNS]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use handshake_testkit::nginx::Nginx;
use handshake_testkit::pki::{Ca, pem};
use handshake_testkit::servers::{self, answer, free_port, switching};

/// One way of getting a verdict: one or more commands run one after another.
struct Tool {
    name: &'static str,
    commands: Vec<Vec<String>>,
    runs: usize,
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(handshake) = args.next() else {
        eprintln!("usage: bench-diagnose HANDSHAKE_BINARY [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(30);

    let runtime = tokio::runtime::Runtime::new().expect("tokio runtime");
    let ca = Ca::new("Handshake Bench CA");
    let dir = std::env::temp_dir().join(format!("handshake-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("bench dir");
    let ca_file = dir.join("ca.pem");
    std::fs::write(&ca_file, pem("CERTIFICATE", ca.cert().as_ref())).expect("ca.pem");

    let (healthy, plain, expired) = runtime.block_on(async {
        (
            servers::https(&ca.leaf(&["localhost"], -1, 200), switching).await,
            servers::http(|_| answer("400 ", "", "")).await,
            servers::https(&ca.leaf(&["localhost"], -90, -3), switching).await,
        )
    });

    // nginx left speaking TLS 1.0 only: the protocol facts testssl and
    // sslyze scan for, which Handshake learns from one raw ClientHello.
    let legacy = ca.leaf(&["localhost"], -1, 200);
    let (legacy_cert, legacy_key) = (dir.join("legacy.pem"), dir.join("legacy-key.pem"));
    std::fs::write(&legacy_cert, pem("CERTIFICATE", legacy.chain[0].as_ref())).expect("cert");
    std::fs::write(&legacy_key, pem("PRIVATE KEY", legacy.key.secret_der())).expect("key");
    let legacy_port = free_port();
    let nginx = Nginx::start(
        &format!(
            "server {{ listen 127.0.0.1:{legacy_port} ssl; ssl_certificate {}; ssl_certificate_key {}; \
             ssl_protocols TLSv1; ssl_ciphers DEFAULT:@SECLEVEL=0; location / {{ return 200 'ok'; }} }}",
            legacy_cert.display(),
            legacy_key.display()
        ),
        &[legacy_port],
    );

    println!("Time to a verdict, median of {runs} runs (sslyze: 5, testssl: 3), loopback.\n");
    println!(
        "{:<28} {:<26} {:>10} {:>10} {:>8}",
        "endpoint", "tool", "median ms", "p90 ms", "ratio"
    );
    for (label, port, path) in [
        ("healthy wss", healthy.port, "/ws"),
        ("wss to a plain HTTP port", plain.port, "/ws"),
        ("wss with an expired cert", expired.port, "/ws"),
    ] {
        let tools = tools(&handshake, &ca_file, port, path, runs);
        if port == healthy.port {
            passes(&tools[0]);
        }
        report(label, tools);
    }
    report(
        "TLS 1.0-only nginx",
        protocol_tools(&handshake, &ca_file, legacy_port, runs),
    );
    // Behind a company's proxy: the same diagnosis through real Squid's
    // CONNECT tunnel, against the direct one (the baseline here) and curl
    // through the same proxy.
    let proxy_port = free_port();
    let squid = handshake_testkit::squid::start(
        proxy_port,
        &handshake_testkit::squid::Setup {
            ssl_ports: &[healthy.port],
            // Squid's own resolver reads only its hosts file here.
            names: &["localhost"],
            ..Default::default()
        },
    );
    let tools = proxy_tools(&handshake, &ca_file, healthy.port, proxy_port, runs);
    passes(&tools[0]);
    passes(&tools[1]);
    report("healthy wss through Squid", tools);
    drop(squid);
    println!("ratio = the tool's median / Handshake's median (higher: Handshake is faster).");
    drop((healthy, plain, expired, nginx));
    let _ = std::fs::remove_dir_all(dir);
}

/// Measures each tool and prints its row, the first tool as the baseline.
fn report(label: &str, tools: Vec<Tool>) {
    let mut baseline = None;
    for tool in tools {
        let Some((median, p90)) = measure(&tool) else {
            println!("{label:<28} {:<26} {:>10}", tool.name, "not installed");
            continue;
        };
        let base = *baseline.get_or_insert(median);
        println!(
            "{label:<28} {:<26} {:>10.1} {:>10.1} {:>7.1}x",
            tool.name,
            ms(median),
            ms(p90),
            median.as_secs_f64() / base.as_secs_f64()
        );
    }
    println!();
}

/// A healthy wss endpoint, directly and through the proxy on `proxy`.
fn proxy_tools(handshake: &str, ca: &Path, port: u16, proxy: u16, runs: usize) -> Vec<Tool> {
    let ca = ca.display().to_string();
    let url = format!("wss://localhost:{port}/ws");
    let proxy = format!("http://127.0.0.1:{proxy}");
    let strings = |parts: &[&str]| parts.iter().map(|p| (*p).to_owned()).collect::<Vec<_>>();
    vec![
        Tool {
            name: "handshake diagnose, direct",
            commands: vec![strings(&[
                handshake,
                "diagnose",
                "--json",
                "--no-proxy",
                "--ca",
                &ca,
                &url,
            ])],
            runs,
        },
        Tool {
            name: "handshake diagnose --proxy",
            commands: vec![strings(&[
                handshake, "diagnose", "--json", "--proxy", &proxy, "--ca", &ca, &url,
            ])],
            runs,
        },
        Tool {
            name: "curl -x (upgrade only)",
            commands: vec![curl_upgrade(
                &["-x", &proxy],
                &ca,
                &format!("https://localhost:{port}/ws"),
            )],
            runs,
        },
    ]
}

/// What names the versions and suites a server accepts: Handshake's
/// diagnosis against the scans of sslyze and testssl.
fn protocol_tools(handshake: &str, ca: &Path, port: u16, runs: usize) -> Vec<Tool> {
    let ca = ca.display().to_string();
    let strings = |parts: &[&str]| parts.iter().map(|p| (*p).to_owned()).collect::<Vec<_>>();
    vec![
        Tool {
            name: "handshake diagnose",
            commands: vec![strings(&[
                handshake,
                "diagnose",
                "--json",
                "--ca",
                &ca,
                &format!("https://localhost:{port}/"),
            ])],
            runs,
        },
        Tool {
            name: "sslyze (4 versions)",
            commands: vec![strings(&[
                &sslyze(),
                "--quiet",
                "--tlsv1",
                "--tlsv1_1",
                "--tlsv1_2",
                "--tlsv1_3",
                &format!("localhost:{port}{{127.0.0.1}}"),
            ])],
            runs: runs.min(5),
        },
        testssl(
            "testssl --protocols --std",
            port,
            &["--protocols", "--std"],
            runs,
        ),
    ]
}

fn tools(handshake: &str, ca: &Path, port: u16, path: &str, runs: usize) -> Vec<Tool> {
    let ca = ca.display().to_string();
    let url = format!("wss://localhost:{port}{path}");
    let https = format!("https://localhost:{port}{path}");
    let strings = |parts: &[&str]| parts.iter().map(|p| (*p).to_owned()).collect::<Vec<_>>();
    vec![
        Tool {
            name: "handshake diagnose",
            commands: vec![strings(&[
                handshake, "diagnose", "--json", "--ca", &ca, &url,
            ])],
            runs,
        },
        // The same diagnosis said in Korean: only that language's catalogue loads.
        Tool {
            name: "handshake diagnose --lang ko",
            commands: vec![strings(&[
                handshake, "diagnose", "--lang", "ko", "--ca", &ca, &url,
            ])],
            runs,
        },
        Tool {
            name: "openssl s_client + curl",
            commands: vec![
                strings(&[
                    "openssl",
                    "s_client",
                    "-connect",
                    &format!("127.0.0.1:{port}"),
                    "-servername",
                    "localhost",
                    "-CAfile",
                    &ca,
                    "-verify_return_error",
                    "-brief",
                ]),
                curl_upgrade(&[], &ca, &https),
            ],
            runs,
        },
        Tool {
            name: "sslyze --certinfo",
            commands: vec![strings(&[
                &sslyze(),
                "--quiet",
                "--certinfo",
                "--certinfo_ca_file",
                &ca,
                &format!("localhost:{port}{{127.0.0.1}}"),
            ])],
            runs: runs.min(5),
        },
        testssl(
            "testssl --server-defaults",
            port,
            &["--server-defaults", "--add-ca", &ca],
            runs,
        ),
    ]
}

/// testssl.sh on `localhost:port` (at 127.0.0.1) with the checks in `args`,
/// quiet and without colour; 3 runs at most, it takes seconds.
fn testssl(name: &'static str, port: u16, args: &[&str], runs: usize) -> Tool {
    let mut command: Vec<String> = ["testssl", "--quiet", "--color", "0", "--warnings", "off"]
        .iter()
        .chain(args)
        .map(|arg| (*arg).to_owned())
        .collect();
    command.extend([
        "--ip".to_owned(),
        "127.0.0.1".to_owned(),
        format!("localhost:{port}"),
    ]);
    Tool {
        name,
        commands: vec![command],
        runs: runs.min(3),
    }
}

/// sslyze from the bench's own virtualenv, when `bench/diagnose.sh` made one.
fn sslyze() -> String {
    let venv = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(".venv/bin/sslyze");
    if venv.exists() {
        venv.display().to_string()
    } else {
        "sslyze".to_owned()
    }
}

/// Stops the bench unless Handshake's `tool` passes (exit 0) on a healthy
/// endpoint: a row must time the diagnosis it names, not a failure.
fn passes(tool: &Tool) {
    for command in &tool.commands {
        let output = Command::new(&command[0])
            .args(&command[1..])
            .stdin(Stdio::null())
            .output()
            .expect("handshake runs");
        assert!(
            output.status.success(),
            "{} does not pass, so its row would time a failure:\n{}",
            tool.name,
            String::from_utf8_lossy(&output.stdout)
        );
    }
}

/// Median and 90th percentile wall time, or `None` if the tool is missing.
fn measure(tool: &Tool) -> Option<(Duration, Duration)> {
    let mut times = Vec::with_capacity(tool.runs);
    for _ in 0..tool.runs {
        let started = Instant::now();
        for command in &tool.commands {
            let status = Command::new(&command[0])
                .args(&command[1..])
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status();
            if status.is_err() {
                return None;
            }
        }
        times.push(started.elapsed());
    }
    times.sort();
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    Some((at(0.5), at(0.9)))
}

/// curl sending a WebSocket upgrade to `url` (HTTP/1.1), trusting `ca`,
/// with `more` arguments (a proxy).
fn curl_upgrade(more: &[&str], ca: &str, url: &str) -> Vec<String> {
    let mut command: Vec<String> = ["curl", "-sv", "--max-time", "5", "--http1.1"]
        .iter()
        .chain(more)
        .map(|part| (*part).to_owned())
        .collect();
    command.extend(
        [
            "--cacert",
            ca,
            "-H",
            "Connection: Upgrade",
            "-H",
            "Upgrade: websocket",
            "-H",
            "Sec-WebSocket-Version: 13",
            "-H",
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
            url,
        ]
        .map(str::to_owned),
    );
    command
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}
