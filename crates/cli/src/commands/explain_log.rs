//! `handshake explain-log FILE|-`: the root causes behind a pasted log.

use std::path::PathBuf;

use handshake_core::Severity;
use handshake_core::logs::{self, LogReport};

use crate::exit::ExitStatus;

/// Explain the errors in a server or browser log.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  handshake explain-log /var/log/tomcat10/catalina.out\n  journalctl -u myapp | handshake explain-log -\n  handshake explain-log --json /var/log/nginx/error.log\n\nReads Tomcat/Spring Boot, nginx, Apache, Java and Node.js logs and browser consoles.\nExit status: 0 when no problem was recognised, 1 when one was, 2 when the file cannot be read."
)]
pub(crate) struct Args {
    /// The log file, or - for standard input.
    file: PathBuf,
    /// Print the result as JSON.
    #[arg(long)]
    json: bool,
}

pub(crate) fn run(args: &Args) -> anyhow::Result<ExitStatus> {
    let (name, result) = if args.file.as_os_str() == "-" {
        (
            "standard input".to_owned(),
            logs::explain(std::io::stdin().lock()),
        )
    } else {
        let name = args.file.display().to_string();
        match std::fs::File::open(&args.file) {
            Ok(file) => (name, logs::explain(file)),
            Err(error) => {
                eprintln!(
                    "error: cannot read {name}: {error}. Check the path and its permissions."
                );
                return Ok(ExitStatus::Usage);
            }
        }
    };
    let report = match result {
        Ok(report) => report,
        Err(error) => {
            eprintln!("error: reading {name} failed: {error}.");
            return Ok(ExitStatus::Usage);
        }
    };
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{}", render(&name, &report));
    }
    Ok(if report.ok {
        ExitStatus::Success
    } else {
        ExitStatus::Failure
    })
}

fn render(name: &str, report: &LogReport) -> String {
    let problems = match report.findings.len() {
        0 => "no known problem".to_owned(),
        1 => "1 problem".to_owned(),
        n => format!("{n} problems"),
    };
    let mut out = format!("{name}: {problems} in {} lines\n", report.lines);
    for found in &report.findings {
        let finding = &found.finding;
        let mark = match finding.severity {
            Severity::Error => "✗",
            Severity::Warning => "!",
            Severity::Info => "✓",
        };
        let lines = if found.count == 1 {
            format!("line {}", found.first_line)
        } else {
            format!(
                "lines {}–{} ({} times)",
                found.first_line, found.last_line, found.count
            )
        };
        out.push_str(&format!("\n{mark} {}  [{}]\n", finding.title, finding.code));
        out.push_str(&format!("  {lines}: {}\n", found.sample.trim()));
        out.push_str(&format!("  {}\n", finding.explanation));
        out.push_str(&format!("  Fix: {}\n", finding.fix));
        if let Some(url) = &found.diagnose {
            out.push_str(&format!("  Check the endpoint: handshake diagnose {url}\n"));
        }
    }
    out
}
