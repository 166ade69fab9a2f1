//! `handshake check URL`: prove a WebSocket endpoint works, end to end.

use std::fmt::Write as _;
use std::io::{IsTerminal, Write as _};
use std::time::{Duration, Instant};

use handshake_core::{CheckOptions, CheckReport, Secret};

use super::diagnose::usage;
use super::endpoint::EndpointArgs;
use crate::exit::ExitStatus;
use crate::render::{self, ms};

/// Open a real WebSocket, send a message, wait for the answer, close cleanly.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  handshake check wss://localhost:8443/ws --ca handshake-dev-ca.pem\n  handshake check wss://api.example.com/ws --wait 60 --count 20\n  API_TOKEN=… handshake check wss://api.example.com/ws --bearer-env API_TOKEN\n\nOn failure the URL is diagnosed and the findings say why.\nExit status: 0 when the check passed, 1 when it failed, 2 for unusable input."
)]
pub(crate) struct Args {
    #[command(flatten)]
    endpoint: EndpointArgs,
    /// The text message to send.
    #[arg(long, value_name = "TEXT", default_value = "ping")]
    send: String,
    /// How many round trips (min/median/max latency are reported).
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=10_000))]
    count: u32,
    /// Offer this subprotocol (Sec-WebSocket-Protocol); repeatable.
    #[arg(long, value_name = "NAME")]
    subprotocol: Vec<String>,
    /// Send `Authorization: Bearer <token>` with the token read from this
    /// environment variable (never from the command line, never printed).
    #[arg(long, value_name = "VAR")]
    bearer_env: Option<String>,
    /// Send header NAME with the value of environment variable VAR; repeatable.
    #[arg(long, value_name = "NAME=VAR")]
    header_env: Vec<String>,
    /// Print the result as JSON.
    #[arg(long)]
    json: bool,
}

pub(crate) fn run(args: &Args) -> anyhow::Result<ExitStatus> {
    let endpoint = match args.endpoint.resolve() {
        Ok(endpoint) => endpoint,
        Err(message) => return Ok(usage(&message)),
    };
    let headers = match headers(args) {
        Ok(headers) => headers,
        Err(message) => return Ok(usage(&message)),
    };
    let options = CheckOptions {
        origin: endpoint.origin,
        subprotocols: args.subprotocol.clone(),
        headers,
        ca: endpoint.ca,
        send: args.send.clone(),
        count: args.count,
        wait: endpoint.wait,
        timeout: endpoint.timeout,
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let report = runtime.block_on(async {
        let check = handshake_core::check(&endpoint.target, &options);
        match options
            .wait
            .filter(|_| std::io::stderr().is_terminal() && !args.json)
        {
            Some(wait) => with_countdown(check, wait).await,
            None => check.await,
        }
    });
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{}", describe(&report));
    }
    Ok(if report.ok {
        ExitStatus::Success
    } else {
        ExitStatus::Failure
    })
}

/// Reads the secret headers from the environment.
fn headers(args: &Args) -> Result<Vec<(String, Secret)>, String> {
    let read = |var: &str| {
        std::env::var(var)
            .map_err(|_| format!("the environment variable {var} is not set (or not UTF-8)"))
    };
    let mut headers = Vec::new();
    if let Some(var) = &args.bearer_env {
        headers.push((
            "Authorization".to_owned(),
            Secret::new(format!("Bearer {}", read(var)?)),
        ));
    }
    for pair in &args.header_env {
        let (name, var) = pair.split_once('=').ok_or_else(|| {
            format!("--header-env takes NAME=VAR, e.g. X-Api-Key=API_KEY, not \"{pair}\"")
        })?;
        headers.push((name.to_owned(), Secret::new(read(var)?)));
    }
    Ok(headers)
}

/// Runs `check` while a line on the terminal counts down the wait window.
async fn with_countdown(check: impl Future<Output = CheckReport>, wait: Duration) -> CheckReport {
    let started = Instant::now();
    let mut check = std::pin::pin!(check);
    let mut tick = tokio::time::interval(Duration::from_secs(1));
    let report = loop {
        tokio::select! {
            report = &mut check => break report,
            _ = tick.tick() => {
                let left = wait.saturating_sub(started.elapsed()).as_secs();
                eprint!("\rwaiting for the server to accept connections… {left:>3} s left ");
                let _ = std::io::stderr().flush();
            }
        }
    };
    eprint!("\r{:60}\r", "");
    report
}

/// The human form.
fn describe(report: &CheckReport) -> String {
    let mut out = String::new();
    let Some(error) = &report.error else {
        let rounds = report.round_trips_ms.len();
        let close = report.close_code.map_or_else(
            || "the server did not answer the close".to_owned(),
            |c| format!("closed cleanly ({c})"),
        );
        let _ = writeln!(
            out,
            "✓ {} — connected, {rounds} of {rounds} messages answered, {close}",
            report.url
        );
        let p = &report.phases_ms;
        let _ = writeln!(
            out,
            "  phases       dns {} · tcp {} · tls {} · upgrade {} · first answer {}",
            ms(p.dns),
            ms(p.tcp),
            ms(p.tls),
            ms(p.upgrade),
            ms(p.first_answer)
        );
        if let Some(waited) = report.waited_ms {
            let _ = writeln!(
                out,
                "  waited       {:.1} s for the server to come up",
                waited / 1000.0
            );
        }
        if let Some(tls) = &report.tls {
            let _ = writeln!(
                out,
                "  tls          {} · {} · ALPN {}",
                tls.version,
                tls.cipher,
                tls.alpn.as_deref().unwrap_or("none")
            );
        }
        if let Some(cert) = &report.certificate {
            let _ = writeln!(
                out,
                "  certificate  {} · issued by {} · valid until {}",
                cert.subject, cert.issuer, cert.not_after
            );
        }
        let _ = writeln!(
            out,
            "  subprotocol  {}",
            report.subprotocol.as_deref().unwrap_or("none")
        );
        if let Some(answer) = &report.answer {
            let _ = writeln!(out, "  answer       {answer:?}");
        }
        if let Some(latency) = &report.latency {
            let _ = writeln!(
                out,
                "  round trip   min {:.1} · median {:.1} · max {:.1} ms ({rounds})",
                latency.min, latency.median, latency.max
            );
        }
        return out;
    };
    let _ = writeln!(out, "✗ {} — {error}", report.url);
    if report.findings.is_empty() {
        return out;
    }
    let _ = writeln!(out, "\nBecause:");
    for finding in &report.findings {
        render::finding(&mut out, finding);
    }
    out
}
