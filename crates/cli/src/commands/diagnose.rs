//! `handshake diagnose URL`: name the root cause of a failing endpoint.

use std::path::PathBuf;

use handshake_core::diagnose;
use handshake_core::i18n::{Facts, Message as _};
use handshake_core::proxy::{DirectReason, Route};
use handshake_core::{Language, Options, Report, Severity, Target};

use super::endpoint::EndpointArgs;
use crate::exit::ExitStatus;
use crate::problem::{Problem, Usage};
use crate::render::{self, say};

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  handshake diagnose wss://localhost:8443/ws\n  handshake diagnose wss://localhost:8443/ws --ca handshake-dev-ca.pem --wait 30\n  handshake diagnose https://api.example.com/v1 --origin https://app.example.com --json\n  handshake diagnose --replay report.json --lang ko\n\nExit status: 0 when no finding is an error, 1 when one is, 2 for unusable input."
)]
pub(crate) struct Args {
    /// The endpoint, e.g. wss://api.example.com/socket (ws, wss, http, https).
    url: Option<String>,
    #[command(flatten)]
    endpoint: EndpointArgs,
    /// Re-derive the findings from a saved `--json` report, with no network.
    #[arg(long, value_name = "report.json", conflicts_with = "url")]
    replay: Option<PathBuf>,
    /// Print the report as JSON.
    #[arg(long)]
    pub(crate) json: bool,
}

pub(crate) fn run(args: &Args, language: Language) -> Result<ExitStatus, Problem> {
    let report = match (&args.replay, &args.url) {
        (Some(file), _) => diagnose::open(file)?,
        (None, Some(url)) => {
            let endpoint = args.endpoint.resolve(Target::parse(url)?)?;
            let options = Options {
                origin: endpoint.origin,
                ca: endpoint.ca,
                identity: endpoint.identity,
                expected: endpoint.expected,
                wait: endpoint.wait,
                timeout: endpoint.timeout,
                subprotocols: Vec::new(),
                progress: None,
                proxy: endpoint.proxy,
            };
            super::block_on(handshake_core::diagnose(&endpoint.target, &options))?
        }
        (None, None) => return Err(Usage::NoUrl.into()),
    };
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report.said(language)?)?);
    } else {
        print!("{}", describe(&report, language));
    }
    Ok(if report.ok {
        ExitStatus::Success
    } else {
        ExitStatus::Failure
    })
}

/// The human form: each finding with its explanation and fix, errors first.
fn describe(report: &Report, language: Language) -> String {
    let mut out = format!("{}\n", report.url);
    // The way is said when a proxy variable or flag had a say in it.
    if let Some(route) = &report.evidence.route
        && !matches!(
            route,
            Route::Direct {
                why: DirectReason::NoVariable
            }
        )
    {
        out.push_str(&format!("  {}\n", say(language, route.id(), route.facts())));
    }
    for finding in &report.findings {
        render::finding(&mut out, finding, language);
    }
    let errors = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let t = &report.timings_ms;
    let steps: Vec<String> = [
        ("dns", t.dns),
        ("wait", t.wait),
        ("tcp", t.tcp),
        ("tls", t.tls),
        ("http", t.http),
    ]
    .into_iter()
    .filter_map(|(name, ms)| {
        ms.map(|ms| {
            say(
                language,
                "cli-step",
                Facts::new()
                    .with("step", name)
                    .with("ms", format!("{ms:.1}")),
            )
        })
    })
    .collect();
    out.push('\n');
    out.push_str(&say(
        language,
        "cli-diagnose-summary",
        Facts::new()
            .with("errors", errors)
            .with("total_ms", format!("{:.1}", t.total))
            .with("steps", steps.join(", ")),
    ));
    out.push('\n');
    out
}
