//! Time to a ready PKCS12 keystore: Handshake against keytool (JDK), mkcert
//! and openssl req + pkcs12 -export, ECDSA P-256 and RSA 2048, in one run.
//! Run by `bench/keystore.sh`.
//!
//! Usage: bench-keystore HANDSHAKE_BINARY [RUNS]

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(handshake) = args.next() else {
        eprintln!("usage: bench-keystore HANDSHAKE_BINARY [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10);
    let dir = std::env::temp_dir().join(format!("handshake-bench-keystore-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("bench dir");
    let d = dir.display().to_string();
    // Both CAs exist before timing starts: each tool's steady state.
    run(
        &[
            &handshake,
            "keystore",
            "--host",
            "localhost",
            "--ca-dir",
            &format!("{d}/ca"),
            "--out",
            &format!("{d}/warm.p12"),
            "--password-env",
            "BENCH_PASSWORD",
        ],
        &dir,
    );
    run(
        &[
            "mkcert",
            "-pkcs12",
            "-p12-file",
            &format!("{d}/warm-mkcert.p12"),
            "localhost",
        ],
        &dir,
    );

    println!("Time to a ready PKCS12 keystore for localhost, median of {runs} runs:\n");
    println!(
        "{:<8} {:<44} {:>10} {:>8}",
        "key", "tool", "median ms", "ratio"
    );
    for (key, ours_type, keytool_alg, mkcert_flag, openssl_key) in [
        (
            "ECDSA",
            "ecdsa-p256",
            ["-keyalg", "EC", "-groupname", "secp256r1"],
            Some("-ecdsa"),
            "ec:P-256",
        ),
        (
            "RSA",
            "rsa-2048",
            ["-keyalg", "RSA", "-keysize", "2048"],
            None,
            "rsa:2048",
        ),
    ] {
        let ours = median(
            runs,
            &dir,
            &[vec![
                handshake.clone(),
                "keystore".into(),
                "--host".into(),
                "localhost".into(),
                "--key-type".into(),
                ours_type.into(),
                "--ca-dir".into(),
                format!("{d}/ca"),
                "--out".into(),
                format!("{d}/hs.p12"),
                "--password-env".into(),
                "BENCH_PASSWORD".into(),
                "--force".into(),
            ]],
            Some(&format!("{d}/hs.p12")),
        );
        let mut keytool = vec![
            "keytool".to_owned(),
            "-genkeypair".into(),
            "-alias".into(),
            "server".into(),
        ];
        keytool.extend(keytool_alg.iter().map(|s| (*s).to_owned()));
        keytool.extend(
            [
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost",
                "-validity",
                "397",
                "-storetype",
                "PKCS12",
                "-storepass",
                "bench-password",
                "-keystore",
            ]
            .iter()
            .map(|s| (*s).to_owned()),
        );
        keytool.push(format!("{d}/keytool.p12"));
        let keytool = median(runs, &dir, &[keytool], Some(&format!("{d}/keytool.p12")));
        let mut mkcert = vec!["mkcert".to_owned()];
        mkcert.extend(mkcert_flag.map(str::to_owned));
        mkcert.extend(
            [
                "-pkcs12",
                "-p12-file",
                &format!("{d}/mkcert.p12"),
                "localhost",
            ]
            .iter()
            .map(|s| (*s).to_owned()),
        );
        let mkcert = median(runs, &dir, &[mkcert], None);
        let openssl = median(
            runs,
            &dir,
            &[
                [
                    "openssl",
                    "req",
                    "-x509",
                    "-newkey",
                    if openssl_key.starts_with("ec") {
                        "ec"
                    } else {
                        "rsa:2048"
                    },
                ]
                .iter()
                .map(|s| (*s).to_owned())
                .chain(if openssl_key.starts_with("ec") {
                    vec!["-pkeyopt".to_owned(), "ec_paramgen_curve:P-256".to_owned()]
                } else {
                    vec![]
                })
                .chain(
                    [
                        "-nodes",
                        "-keyout",
                        &format!("{d}/k.pem"),
                        "-out",
                        &format!("{d}/c.pem"),
                        "-subj",
                        "/CN=localhost",
                        "-addext",
                        "subjectAltName=DNS:localhost",
                        "-days",
                        "397",
                    ]
                    .iter()
                    .map(|s| (*s).to_owned()),
                )
                .collect(),
                [
                    "openssl",
                    "pkcs12",
                    "-export",
                    "-in",
                    &format!("{d}/c.pem"),
                    "-inkey",
                    &format!("{d}/k.pem"),
                    "-name",
                    "server",
                    "-out",
                    &format!("{d}/o.p12"),
                    "-passout",
                    "pass:bench-password",
                ]
                .iter()
                .map(|s| (*s).to_owned())
                .collect(),
            ],
            None,
        );
        for (name, time) in [
            ("handshake keystore (dev CA)", ours),
            ("keytool -genkeypair (self-signed)", keytool),
            ("mkcert -pkcs12 (dev CA)", mkcert),
            ("openssl req + pkcs12 -export (self-signed)", openssl),
        ] {
            println!(
                "{key:<8} {name:<44} {:>10.1} {:>7.1}x",
                time.as_secs_f64() * 1000.0,
                time.as_secs_f64() / ours.as_secs_f64()
            );
        }
        println!();
    }
    println!("ratio = the tool's median / Handshake's median (higher: Handshake is faster).");
    let _ = std::fs::remove_dir_all(dir);
}

fn run(command: &[&str], dir: &Path) {
    let status = Command::new(command[0])
        .args(&command[1..])
        .current_dir(dir)
        .env("BENCH_PASSWORD", "bench-password")
        .env("CAROOT", dir.join("mkcert-ca"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("tool runs");
    assert!(status.success(), "{command:?} failed");
}

/// Median wall time of running `commands` in sequence; `remove` is deleted
/// before each run (keytool refuses an existing alias).
fn median(runs: usize, dir: &Path, commands: &[Vec<String>], remove: Option<&str>) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            if let Some(file) = remove {
                let _ = std::fs::remove_file(file);
            }
            let started = Instant::now();
            for command in commands {
                let parts: Vec<&str> = command.iter().map(String::as_str).collect();
                run(&parts, dir);
            }
            started.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}
