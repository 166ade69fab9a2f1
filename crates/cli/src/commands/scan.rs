//! `handshake scan FILE|-`: many endpoints at once, a line each as they
//! finish, and the fleet in five groups at the end.

use std::io::Write as _;
use std::path::PathBuf;

use handshake_core::i18n::Facts;
use handshake_core::scan::{self, ScanOptions, Scanned, Summary};
use handshake_core::{Code, Language, Severity};

use super::endpoint::ReachArgs;
use crate::exit::ExitStatus;
use crate::problem::{Problem, Usage};
use crate::render::say;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  handshake scan endpoints.txt\n  grep -v staging endpoints.txt | handshake scan - --json > reports.ndjson\n  handshake scan endpoints.txt --csv --expiring-within 14\n\nA line is a URL, optionally followed by --origin PAGE_ORIGIN or --ca PEM; # starts a comment.\nExit status: 0 when no target has an error finding (and, with --expiring-within, no certificate ends within DAYS), 1 otherwise, 2 for unusable input."
)]
pub(crate) struct Args {
    /// The list, one target per line, or - for standard input.
    list: PathBuf,
    #[command(flatten)]
    reach: ReachArgs,
    /// Targets diagnosed at once.
    #[arg(long, value_name = "N", default_value_t = scan::CONCURRENCY)]
    concurrency: usize,
    /// Targets diagnosed at once on one host.
    #[arg(long, value_name = "N", default_value_t = scan::PER_HOST)]
    per_host: usize,
    /// A certificate of a chain (leaf or intermediate) ending within DAYS fails the scan.
    #[arg(long, value_name = "DAYS")]
    expiring_within: Option<u16>,
    /// Print only the targets that fail (and those expiring within --expiring-within).
    #[arg(long)]
    only_failures: bool,
    /// One JSON report per line (NDJSON), as `diagnose --json` gives it.
    #[arg(long, conflicts_with = "csv")]
    pub(crate) json: bool,
    /// One CSV row per target.
    #[arg(long)]
    csv: bool,
}

pub(crate) fn run(args: &Args, language: Language) -> Result<ExitStatus, Problem> {
    let options = args.reach.options()?;
    let mut scan_options = ScanOptions::new(options);
    scan_options.concurrency = args.concurrency.clamp(1, 1024);
    scan_options.per_host = args.per_host.clamp(1, 64);
    scan_options.expiring_within = args.expiring_within;
    let mut out = Output::new(args, language)?;
    let input = super::open_input(&args.list)?;
    let summary =
        super::block_on_all_cores(scan::scan(input, &scan_options, |done| out.one(done)))?;
    if summary.scanned == 0 && summary.skipped == 0 {
        return Err(Usage::EmptyList.into());
    }
    out.end(&summary)?;
    Ok(if summary.failed > 0 {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
}

/// Codes as a CSV cell or a line says them: `tls-expired ws-origin-refused`.
fn words(codes: impl Iterator<Item = Code>) -> String {
    codes.map(Code::as_str).collect::<Vec<_>>().join(" ")
}

/// Where each result goes, in the form asked for.
struct Output {
    language: Language,
    format: Format,
    only_failures: bool,
    expiring_within: Option<u16>,
    done: u32,
    csv: Option<csv::Writer<std::io::Stdout>>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Lines,
    Json,
    Csv,
}

impl Output {
    fn new(args: &Args, language: Language) -> Result<Output, Problem> {
        let format = match (args.json, args.csv) {
            (true, _) => Format::Json,
            (_, true) => Format::Csv,
            _ => Format::Lines,
        };
        let mut csv = (format == Format::Csv).then(|| csv::Writer::from_writer(std::io::stdout()));
        if let Some(writer) = &mut csv {
            writer
                .write_record([
                    "line",
                    "url",
                    "group",
                    "errors",
                    "warnings",
                    "earliest_expiry_days",
                    "earliest_expiry_certificate",
                    "total_ms",
                ])
                .map_err(std::io::Error::from)?;
        }
        Ok(Output {
            language,
            format,
            only_failures: args.only_failures,
            expiring_within: args.expiring_within,
            done: 0,
            csv,
        })
    }

    /// One result, as it comes.
    fn one(&mut self, scanned: &Scanned) {
        let language = self.language;
        let (entry, report, verdict) = match scanned {
            Scanned::Skipped(error) => {
                eprintln!("{}", language.say(error));
                return;
            }
            Scanned::TimedOut { entry, deadline_s } => {
                self.done += 1;
                match self.format {
                    Format::Json => println!(
                        "{}",
                        serde_json::json!({"url": entry.target.url, "line": entry.line, "timed_out": true, "deadline_s": deadline_s})
                    ),
                    Format::Csv => self.row(&[
                        &entry.line.to_string(),
                        &entry.target.url,
                        handshake_core::scan::Standing::Unreachable.as_str(),
                        "deadline",
                        "",
                        "",
                        "",
                        &format!("{:.0}", deadline_s * 1000.0),
                    ]),
                    Format::Lines => println!(
                        "[{}] {}",
                        self.done,
                        say(
                            language,
                            "cli-scan-timed-out",
                            Facts::new()
                                .with("url", entry.target.url.as_str())
                                .with("deadline_s", *deadline_s)
                        )
                    ),
                }
                return;
            }
            Scanned::Diagnosed {
                entry,
                report,
                verdict,
            } => (entry, report, verdict),
        };
        self.done += 1;
        if self.only_failures && !verdict.fails {
            return;
        }
        let errors = words(verdict.errors.iter().copied());
        let group = verdict.group.as_str();
        match self.format {
            Format::Json => {
                let said = report.said(language);
                if let Ok(line) = said.and_then(|said| serde_json::to_string(&said)) {
                    println!("{line}");
                }
            }
            Format::Csv => {
                let (days, subject) = verdict
                    .earliest
                    .as_ref()
                    .map(|(days, subject)| (days.to_string(), subject.clone()))
                    .unwrap_or_default();
                self.row(&[
                    &entry.line.to_string(),
                    &report.url,
                    group,
                    &errors,
                    &words(report.codes(Severity::Warning)),
                    &days,
                    &subject,
                    &format!("{:.1}", report.timings_ms.total),
                ]);
            }
            Format::Lines => {
                let facts = Facts::new()
                    .with("url", report.url.as_str())
                    .with("group", group)
                    .with("codes", errors)
                    .with("ms", format!("{:.1}", report.timings_ms.total));
                println!(
                    "[{}] {}",
                    self.done,
                    say(language, "cli-scan-target", facts)
                );
                // An ended certificate is an error finding already.
                let shown = i32::from(self.expiring_within.unwrap_or(30).max(30));
                if verdict.expires_within(shown)
                    && let Some((days, subject)) = &verdict.earliest
                    && let Ok(days) = u32::try_from(*days)
                {
                    println!(
                        "    {}",
                        say(
                            language,
                            "cli-scan-expiring",
                            Facts::new()
                                .with("days", days)
                                .with("certificate", subject.as_str())
                        )
                    );
                }
            }
        }
    }

    fn row(&mut self, fields: &[&str]) {
        if let Some(writer) = &mut self.csv {
            let _ = writer.write_record(fields);
            let _ = writer.flush();
        }
    }

    /// The summary (on standard error when the results are data).
    fn end(&mut self, summary: &Summary) -> Result<(), Problem> {
        let language = self.language;
        let failing_codes: Vec<String> = summary
            .failing_codes
            .iter()
            .map(|(code, count)| format!("{} {count}", code.as_str()))
            .collect();
        let count = |id: &str, count: u32| say(language, id, Facts::new().with("count", count));
        let mut lines = vec![
            say(
                language,
                "cli-scan-summary",
                Facts::new()
                    .with("scanned", summary.scanned)
                    .with("seconds", format!("{:.1}", summary.ms / 1000.0)),
            ),
            count("cli-scan-healthy", summary.healthy),
            say(
                language,
                "cli-scan-expiring-count",
                Facts::new()
                    .with("count", summary.expiring_30)
                    .with("week", summary.expiring_7),
            ),
            say(
                language,
                "cli-scan-failing",
                Facts::new()
                    .with("count", summary.failing)
                    .with("codes", failing_codes.join(", ")),
            ),
            count("cli-scan-unreachable", summary.unreachable),
        ];
        if summary.skipped > 0 {
            lines.push(count("cli-scan-skipped", summary.skipped));
        }
        if summary.duplicates > 0 {
            lines.push(count("cli-scan-duplicates", summary.duplicates));
        }
        let text = lines.join("\n  ");
        if self.format == Format::Lines {
            println!("\n{text}");
        } else {
            eprintln!("{text}");
        }
        std::io::stdout().flush()?;
        Ok(())
    }
}
