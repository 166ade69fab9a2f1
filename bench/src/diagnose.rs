//! Time to a complete verdict on loopback endpoints, Handshake against what a
//! user runs instead, in one run on the same endpoints. Run by
//! `bench/diagnose.sh`, which builds the release binaries and installs the
//! peers.
//!
//! First the start-up floor: each healthy or refused case whole-process
//! beside a C program's exit and `handshake --version`, checked against the
//! committed baseline (`bench/diagnose-baseline.tsv`): a row more than 20 %
//! slower than its baseline says so. `HANDSHAKE_BENCH_BASELINE=write` makes
//! this run the baseline.
//!
//! Usage: bench-diagnose HANDSHAKE_BINARY [RUNS] [floor|serve]
//! (`floor`: the start-up table alone; `serve`: the start-up table's
//! endpoints, their commands printed, until standard input closes — for a
//! profiler.)

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use handshake_testkit::nginx::Nginx;
use handshake_testkit::pki::{Ca, pem};
use handshake_testkit::servers::{self, answer, free_port, switching};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// One way of getting a verdict: one or more commands run one after another.
struct Tool {
    name: &'static str,
    commands: Vec<Vec<String>>,
    runs: usize,
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(handshake) = args.next() else {
        eprintln!("usage: bench-diagnose HANDSHAKE_BINARY [RUNS] [floor]");
        std::process::exit(2);
    };
    let runs: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(30);
    let mode = args.next();
    let floor_only = mode.as_deref() == Some("floor");

    let runtime = tokio::runtime::Runtime::new().expect("tokio runtime");
    let ca = Ca::new("Handshake Bench CA");
    let dir = std::env::temp_dir().join(format!("handshake-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("bench dir");
    let ca_file = dir.join("ca.pem");
    std::fs::write(&ca_file, pem("CERTIFICATE", ca.cert().as_ref())).expect("ca.pem");

    let (healthy, plain, expired, healthy_ws, refused) = runtime.block_on(async {
        (
            servers::https(&ca.leaf(&["localhost"], -1, 200), switching).await,
            servers::http(|_| answer("400 ", "", "")).await,
            servers::https(&ca.leaf(&["localhost"], -90, -3), switching).await,
            servers::serve(echo_close).await,
            servers::closed_port().await,
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

    if mode.as_deref() == Some("serve") {
        let ca = ca_file.display();
        println!("{handshake} diagnose wss://127.0.0.1:{}/ws", refused);
        println!("{handshake} diagnose ws://localhost:{}/ws", healthy_ws.port);
        println!(
            "{handshake} diagnose --ca {ca} wss://localhost:{}/ws",
            healthy.port
        );
        let _ = std::io::Read::read_to_end(&mut std::io::stdin(), &mut Vec::new());
        drop((healthy, plain, expired, healthy_ws, nginx));
        let _ = std::fs::remove_dir_all(dir);
        return;
    }
    let floor = floor(
        &handshake,
        &ca_file,
        &Ports {
            wss: healthy.port,
            ws: healthy_ws.port,
            refused,
        },
        runs.max(30),
    );
    if floor_only {
        let _ = std::fs::remove_dir_all(dir);
        return;
    }

    println!("Time to a verdict, median of {runs} runs (sslyze: 5, testssl: 3), loopback.");
    println!(
        "floor: a C program's exit {:.2} ms; × floor = the median over it.\n",
        ms(floor)
    );
    println!(
        "{:<28} {:<26} {:>10} {:>10} {:>8} {:>8}",
        "endpoint", "tool", "median ms", "p90 ms", "ratio", "× floor"
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
        report(label, tools, floor);
    }
    report(
        "TLS 1.0-only nginx",
        protocol_tools(&handshake, &ca_file, legacy_port, runs),
        floor,
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
    report("healthy wss through Squid", tools, floor);
    drop(squid);
    println!("ratio = the tool's median / Handshake's median (higher: Handshake is faster).");
    drop((healthy, plain, expired, healthy_ws, nginx));
    let _ = std::fs::remove_dir_all(dir);
}

/// Measures each tool and prints its row, the first tool as the baseline.
fn report(label: &str, tools: Vec<Tool>, floor: Duration) {
    let mut baseline = None;
    for tool in tools {
        let Some((median, p90)) = measure(&tool) else {
            println!("{label:<28} {:<26} {:>10}", tool.name, "not installed");
            continue;
        };
        let base = *baseline.get_or_insert(median);
        println!(
            "{label:<28} {:<26} {:>10.1} {:>10.1} {:>7.1}x {:>7.1}x",
            tool.name,
            ms(median),
            ms(p90),
            median.as_secs_f64() / base.as_secs_f64(),
            median.as_secs_f64() / floor.as_secs_f64()
        );
    }
    println!();
}

/// A WebSocket endpoint as servers are: it switches, then answers the
/// client's close frame with its own and closes (the test kit's `http`
/// lingers 50 ms, which a ws:// diagnosis would wait out).
async fn echo_close(mut stream: TcpStream) {
    let Some(request) = servers::read_request(&mut stream).await else {
        return;
    };
    let _ = stream.write_all(&switching(&request)).await;
    // The client's close frame: 2 header bytes, a 4-byte mask, a status.
    let mut frame = [0u8; 64];
    let read = tokio::time::timeout(Duration::from_secs(5), stream.read(&mut frame)).await;
    if matches!(read, Ok(Ok(n)) if n > 0 && frame[0] == 0x88) {
        let _ = stream.write_all(&[0x88, 0x02, 0x03, 0xe8]).await;
    }
    let _ = stream.shutdown().await;
}

/// The loopback endpoints of the start-up table.
struct Ports {
    /// A healthy wss endpoint whose CA the bench writes.
    wss: u16,
    /// A healthy ws endpoint.
    ws: u16,
    /// A port nothing listens on.
    refused: u16,
}

/// The committed baseline of the start-up table, beside this file.
const BASELINE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/diagnose-baseline.tsv");

/// How much slower than its baseline a row may be before the bench says so.
const TOLERANCE: f64 = 1.2;

/// The start-up table: what the process itself costs, each case beside a C
/// program's exit (the floor) and `--version`, against the baseline.
/// Returns the floor.
fn floor(handshake: &str, ca: &Path, ports: &Ports, runs: usize) -> Duration {
    let ca = ca.display().to_string();
    let wss = format!("wss://localhost:{}/ws", ports.wss);
    let command = |parts: &[&str]| vec![parts.iter().map(|p| (*p).to_owned()).collect()];
    let rows: Vec<(&str, Tool)> = vec![
        (
            "c-exit",
            Tool {
                name: "a C program's exit (true)",
                commands: command(&["true"]),
                runs,
            },
        ),
        (
            "version",
            Tool {
                name: "handshake --version",
                commands: command(&[handshake, "--version"]),
                runs,
            },
        ),
        (
            "refused",
            Tool {
                name: "diagnose, a refused port",
                commands: command(&[
                    handshake,
                    "diagnose",
                    &format!("wss://127.0.0.1:{}/ws", ports.refused),
                ]),
                runs,
            },
        ),
        (
            "ws",
            Tool {
                name: "diagnose, healthy ws://",
                commands: command(&[
                    handshake,
                    "diagnose",
                    &format!("ws://localhost:{}/ws", ports.ws),
                ]),
                runs,
            },
        ),
        (
            "wss",
            Tool {
                name: "diagnose, healthy wss://",
                commands: command(&[handshake, "diagnose", "--ca", &ca, &wss]),
                runs,
            },
        ),
        (
            "wss-ko",
            Tool {
                name: "diagnose, healthy wss://, ko",
                commands: command(&[handshake, "diagnose", "--lang", "ko", "--ca", &ca, &wss]),
                runs,
            },
        ),
        (
            "openssl-curl",
            Tool {
                name: "openssl s_client + curl",
                // The same pair the verdict tables time, on the same endpoint.
                commands: tools(handshake, Path::new(&ca), ports.wss, "/ws", runs)
                    .into_iter()
                    .find(|tool| tool.name == "openssl s_client + curl")
                    .map(|tool| tool.commands)
                    .unwrap_or_default(),
                runs,
            },
        ),
    ];
    // Each row times the verdict it names: the refused port is an error.
    for (id, tool) in &rows[1..6] {
        exits(tool, if *id == "refused" { 1 } else { 0 });
    }
    let baseline = read_baseline();
    println!(
        "Start-up and the simplest verdicts, whole process, median of {runs} rounds (each row once a round).\n"
    );
    println!(
        "{:<32} {:>10} {:>10} {:>9} {:>12} {:>9}",
        "command", "median ms", "p90 ms", "× floor", "baseline ms", "vs base"
    );
    println!("(vs base: this run's × floor over the baseline's)");
    let mut measured = Vec::new();
    let mut first = None;
    let mut version = None;
    let tools: Vec<&Tool> = rows.iter().map(|(_, tool)| tool).collect();
    for ((id, tool), measured_times) in rows.iter().zip(measure_rounds(&tools, runs)) {
        let Some((median, p90)) = measured_times else {
            println!("{:<32} {:>10}", tool.name, "not installed");
            continue;
        };
        let floor = *first.get_or_insert(median);
        if *id == "version" {
            version = Some(median);
        }
        let base_of = |row: &str| {
            baseline
                .iter()
                .find(|(name, _)| name == row)
                .map(|(_, ms)| *ms)
        };
        let base = base_of(id);
        // Each against its own run's floor: a machine that is slower today
        // as a whole is not a regression.
        let against = base
            .zip(base_of("c-exit"))
            .map(|(base, base_floor)| (ms(median) / ms(floor)) / (base / base_floor));
        println!(
            "{:<32} {:>10.2} {:>10.2} {:>8.2}x {:>12} {:>9}{}",
            tool.name,
            ms(median),
            ms(p90),
            median.as_secs_f64() / floor.as_secs_f64(),
            base.map_or("-".to_owned(), |base| format!("{base:.2}")),
            against.map_or("-".to_owned(), |ratio| format!("{ratio:.2}x")),
            if against.is_some_and(|ratio| ratio > TOLERANCE) && *id != "c-exit" {
                "  SLOWER than the baseline by more than 20 %"
            } else {
                ""
            }
        );
        measured.push((*id, ms(median)));
    }
    if let (Some(version), Some((_, openssl))) = (
        version,
        measured.iter().find(|(id, _)| *id == "openssl-curl"),
    ) && let Some((_, wss)) = measured.iter().find(|(id, _)| *id == "wss")
    {
        println!(
            "\nhealthy wss: openssl s_client + curl take {:.1}x Handshake's diagnosis; --version is {:.2} ms over the floor.",
            openssl / wss,
            ms(version) - ms(first.unwrap_or_default())
        );
    }
    if std::env::var("HANDSHAKE_BENCH_BASELINE").as_deref() == Ok("write") {
        let text: String = measured
            .iter()
            .map(|(id, ms)| format!("{id}\t{ms:.2}\n"))
            .collect();
        std::fs::write(
            BASELINE,
            format!("# row\tmedian ms (bench/diagnose.sh, this machine)\n{text}"),
        )
        .expect("baseline written");
        println!("baseline written to {BASELINE}");
    }
    println!();
    first.unwrap_or(Duration::from_millis(1))
}

/// The committed baseline: `row<TAB>median ms` lines, `#` comments.
fn read_baseline() -> Vec<(String, f64)> {
    std::fs::read_to_string(BASELINE)
        .unwrap_or_default()
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| {
            let (id, ms) = line.split_once('\t')?;
            Some((id.to_owned(), ms.trim().parse().ok()?))
        })
        .collect()
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
    exits(tool, 0);
}

/// Stops the bench unless each of `tool`'s commands exits with `code`.
fn exits(tool: &Tool, code: i32) {
    for command in &tool.commands {
        let output = Command::new(&command[0])
            .args(&command[1..])
            .stdin(Stdio::null())
            .output()
            .expect("handshake runs");
        assert!(
            output.status.code() == Some(code),
            "{} does not exit with {code}, so its row would time something else:\n{}",
            tool.name,
            String::from_utf8_lossy(&output.stdout)
        );
    }
}

/// Median and 90th percentile wall time, or `None` if the tool is missing.
fn measure(tool: &Tool) -> Option<(Duration, Duration)> {
    let mut times = Vec::with_capacity(tool.runs);
    for _ in 0..tool.runs {
        times.push(once(tool)?);
    }
    Some(quantiles(times))
}

/// [`measure`] for several tools in rounds, each round running every tool
/// once: a machine's slow moment falls on all of them alike, so their
/// ratios hold where each median alone would drift.
fn measure_rounds(tools: &[&Tool], runs: usize) -> Vec<Option<(Duration, Duration)>> {
    let mut times: Vec<Option<Vec<Duration>>> = vec![Some(Vec::with_capacity(runs)); tools.len()];
    for _ in 0..runs {
        for (tool, times) in tools.iter().zip(&mut times) {
            if let Some(list) = times {
                match once(tool) {
                    Some(took) => list.push(took),
                    None => *times = None,
                }
            }
        }
    }
    times
        .into_iter()
        .map(|times| times.map(quantiles))
        .collect()
}

/// One run of `tool`'s commands, or `None` if one is missing.
fn once(tool: &Tool) -> Option<Duration> {
    let started = Instant::now();
    for command in &tool.commands {
        Command::new(&command[0])
            .args(&command[1..])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .ok()?;
    }
    Some(started.elapsed())
}

/// The median and 90th percentile of `times`.
fn quantiles(mut times: Vec<Duration>) -> (Duration, Duration) {
    times.sort();
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.9))
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
