//! `handshake diagnose URL`: name the root cause of a failing endpoint.

use std::path::PathBuf;
use std::time::Duration;

use handshake_core::probe::tls::read_ca_file;
use handshake_core::{Options, Report, Severity, Target};

use crate::exit::ExitStatus;

/// Diagnose an endpoint: what fails, why, and what to do.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  handshake diagnose wss://localhost:8443/ws\n  handshake diagnose wss://localhost:8443/ws --ca handshake-dev-ca.pem --wait 30\n  handshake diagnose https://api.example.com/v1 --origin https://app.example.com --json\n\nExit status: 0 when no finding is an error, 1 when one is, 2 for unusable input."
)]
pub(crate) struct Args {
    /// The endpoint, e.g. wss://api.example.com/socket (ws, wss, http, https).
    url: String,
    /// The origin of the page that opens the connection (enables the
    /// mixed-content, Origin and CORS checks), e.g. https://app.example.com.
    #[arg(long, value_name = "PAGE_ORIGIN")]
    origin: Option<String>,
    /// Also trust the CA certificates in this PEM file (e.g. a development CA).
    #[arg(long, value_name = "PEM")]
    ca: Vec<PathBuf>,
    /// Keep retrying a refused port for this many seconds (a server restarting).
    #[arg(long, value_name = "SECS")]
    wait: Option<f64>,
    /// How long each step may take, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 5.0)]
    timeout: f64,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
}

pub(crate) fn run(args: &Args) -> anyhow::Result<ExitStatus> {
    let target = match Target::parse(&args.url) {
        Ok(target) => target,
        Err(error) => return Ok(usage(&error.to_string())),
    };
    let mut ca = Vec::new();
    for path in &args.ca {
        match read_ca_file(path) {
            Ok(certs) => ca.extend(certs),
            Err(error) => return Ok(usage(&error.to_string())),
        }
    }
    let (Some(timeout), wait) = (seconds(args.timeout), args.wait.map(seconds)) else {
        return Ok(usage("--timeout must be a positive number of seconds"));
    };
    if wait == Some(None) {
        return Ok(usage("--wait must be a positive number of seconds"));
    }
    let options = Options {
        origin: args.origin.clone(),
        ca,
        wait: wait.flatten(),
        timeout,
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let report = runtime.block_on(handshake_core::diagnose(&target, &options));
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

fn usage(message: &str) -> ExitStatus {
    eprintln!("error: {message}");
    ExitStatus::Usage
}

fn seconds(value: f64) -> Option<Duration> {
    (value.is_finite() && value > 0.0 && value < 86_400.0).then(|| Duration::from_secs_f64(value))
}

/// The human form: each finding with its explanation and fix, errors first.
fn render(report: &Report) -> String {
    let mut out = format!("{}\n", report.url);
    for finding in &report.findings {
        let mark = match finding.severity {
            Severity::Error => "✗ error  ",
            Severity::Warning => "! warning",
            Severity::Info => "✓ info   ",
        };
        out.push_str(&format!("\n{mark} {}  [{}]\n", finding.title, finding.code));
        out.push_str(&format!("  {}\n", finding.explanation));
        if finding.severity != Severity::Info {
            out.push_str(&format!("  Fix: {}\n", finding.fix));
        }
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
