//! `handshake diagnose URL`: name the root cause of a failing endpoint.

use handshake_core::{Options, Report, Severity};

use super::endpoint::EndpointArgs;
use crate::exit::ExitStatus;
use crate::render;

/// Diagnose an endpoint: what fails, why, and what to do.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  handshake diagnose wss://localhost:8443/ws\n  handshake diagnose wss://localhost:8443/ws --ca handshake-dev-ca.pem --wait 30\n  handshake diagnose https://api.example.com/v1 --origin https://app.example.com --json\n\nExit status: 0 when no finding is an error, 1 when one is, 2 for unusable input."
)]
pub(crate) struct Args {
    #[command(flatten)]
    endpoint: EndpointArgs,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
}

pub(crate) fn run(args: &Args) -> anyhow::Result<ExitStatus> {
    let endpoint = match args.endpoint.resolve() {
        Ok(endpoint) => endpoint,
        Err(message) => return Ok(usage(&message)),
    };
    let options = Options {
        origin: endpoint.origin,
        ca: endpoint.ca,
        wait: endpoint.wait,
        timeout: endpoint.timeout,
        progress: None,
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let report = runtime.block_on(handshake_core::diagnose(&endpoint.target, &options));
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{}", render(&report));
    }
    Ok(if report.ok {
        ExitStatus::Success
    } else {
        ExitStatus::Failure
    })
}

pub(crate) fn usage(message: &str) -> ExitStatus {
    eprintln!("error: {message}");
    ExitStatus::Usage
}

/// The human form: each finding with its explanation and fix, errors first.
fn render(report: &Report) -> String {
    let mut out = format!("{}\n", report.url);
    for finding in &report.findings {
        render::finding(&mut out, finding);
    }
    let errors = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let verdict = match errors {
        0 => "no errors".to_owned(),
        1 => "1 error".to_owned(),
        n => format!("{n} errors"),
    };
    let t = &report.timings_ms;
    let steps: Vec<String> = [
        ("dns", t.dns),
        ("tcp", t.tcp),
        ("tls", t.tls),
        ("http", t.http),
    ]
    .into_iter()
    .filter_map(|(name, ms)| ms.map(|ms| format!("{name} {ms:.1}")))
    .collect();
    out.push_str(&format!(
        "\n{verdict} · {:.1} ms ({})\n",
        t.total,
        steps.join(", ")
    ));
    out
}
