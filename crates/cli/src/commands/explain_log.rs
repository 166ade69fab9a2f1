//! `handshake explain-log FILE|-`: the root causes behind a pasted log.

use std::path::PathBuf;

use std::fmt::Write as _;

use handshake_core::i18n::Facts;
use handshake_core::logs::{self, LogReport};
use handshake_core::{Language, Severity};

use crate::exit::ExitStatus;
use crate::problem::{Problem, Unreadable};
use crate::render::say;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  handshake explain-log /var/log/tomcat10/catalina.out\n  journalctl -u myapp | handshake explain-log -\n  handshake explain-log --json /var/log/nginx/error.log\n\nReads Tomcat/Spring Boot, nginx, Apache, Java and Node.js logs and browser consoles.\nExit status: 0 when no problem was recognised, 1 when one was, 2 when the file cannot be read."
)]
pub(crate) struct Args {
    /// The log file, or - for standard input.
    file: PathBuf,
    /// Print the result as JSON.
    #[arg(long)]
    pub(crate) json: bool,
}

pub(crate) fn run(args: &Args, language: Language) -> Result<ExitStatus, Problem> {
    let name = if args.file.as_os_str() == "-" {
        say(language, "cli-log-stdin", Facts::new())
    } else {
        args.file.display().to_string()
    };
    let result = logs::explain(super::open_input(&args.file)?);
    let report = result.map_err(|error| {
        Problem::usage(Unreadable {
            path: args.file.clone(),
            error,
        })
    })?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report.said(language)?)?);
    } else {
        print!("{}", describe(&name, &report, language));
    }
    Ok(if report.ok {
        ExitStatus::Success
    } else {
        ExitStatus::Failure
    })
}

fn describe(name: &str, report: &LogReport, language: Language) -> String {
    let say = |id: &str, facts: Facts| say(language, id, facts);
    let mut out = say(
        "cli-log-summary",
        Facts::new()
            .with("name", name)
            .with("problems", report.findings.len())
            .with("lines", report.lines),
    );
    out.push('\n');
    for found in &report.findings {
        let finding = &found.finding;
        let words = finding.words(language);
        let mark = match finding.severity {
            Severity::Error => "✗",
            Severity::Warning => "!",
            Severity::Info => "✓",
        };
        let lines = say(
            "cli-log-lines",
            Facts::new()
                .with("count", found.count)
                .with("first", found.first_line)
                .with("last", found.last_line),
        );
        let _ = writeln!(out, "\n{mark} {}  [{}]", words.title, finding.code);
        let _ = writeln!(out, "  {lines}: {}", found.sample.trim());
        let _ = writeln!(out, "  {}", words.explanation);
        let _ = writeln!(
            out,
            "  {}",
            say("cli-fix", Facts::new().with("fix", words.fix))
        );
        if let Some(url) = &found.diagnose {
            let _ = writeln!(
                out,
                "  {}",
                say("cli-log-diagnose", Facts::new().with("url", url))
            );
        }
    }
    out
}
