//! Many endpoints at once: a list read line by line, each target diagnosed
//! under its own deadline — at most `concurrency` at a time and `per_host`
//! on one host, so the list never sits in memory and no endpoint can hold
//! the scan — each result handed on as it comes, and a summary grouped the
//! way a team reads a fleet: healthy, expiring, failing, unreachable.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::io::BufRead;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::sync::Semaphore;
use tokio::task::JoinSet;

use crate::diagnose::{Options, Report, diagnose};
use crate::finding::{Code, Severity};
use crate::i18n::{Facts, Message};
use crate::probe::tls::{CaFileError, read_ca_file};
use crate::proxy::ProxyError;
use crate::target::{Target, TargetError};

/// The longest line read; a longer one is reported and skipped.
pub const MAX_LINE: usize = 8 * 1024;

/// Targets diagnosed at once, unless told otherwise.
pub const CONCURRENCY: usize = 32;

/// Targets diagnosed at once on one host, unless told otherwise (sslyze's
/// default).
pub const PER_HOST: usize = 5;

/// How a scan runs.
#[derive(Debug, Clone)]
pub struct ScanOptions {
    /// Targets diagnosed at once.
    pub concurrency: usize,
    /// Targets diagnosed at once on one host (sslyze's default is 5).
    pub per_host: usize,
    /// The whole diagnosis of one target, every step included.
    pub deadline: Duration,
    /// What every target is diagnosed with (a line may add an Origin or a CA).
    pub base: Options,
    /// A certificate of a chain ending within this many days fails its
    /// target, as an error finding does.
    pub expiring_within: Option<u16>,
}

impl ScanOptions {
    /// Polite defaults around `base`: [`CONCURRENCY`] at once, [`PER_HOST`]
    /// per host, and four steps' timeouts for one target.
    pub fn new(base: Options) -> ScanOptions {
        ScanOptions {
            concurrency: CONCURRENCY,
            per_host: PER_HOST,
            deadline: base.timeout.saturating_mul(4),
            base,
            expiring_within: None,
        }
    }
}

/// One target of the list: its line, its URL and the options it adds.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The line it was read from (1-based).
    pub line: u64,
    /// The endpoint.
    pub target: Target,
    /// `--origin PAGE_ORIGIN` on the line.
    pub origin: Option<String>,
    /// `--ca PEM` on the line (repeatable).
    pub ca: Vec<PathBuf>,
}

/// Why a line of the list was skipped.
#[derive(Debug, thiserror::Error)]
#[error("{}", crate::i18n::english(self))]
pub struct LineError {
    /// The line (1-based).
    pub line: u64,
    /// What is wrong with it.
    pub problem: LineProblem,
}

/// What is wrong with a line.
#[derive(Debug)]
#[non_exhaustive]
pub enum LineProblem {
    /// The URL does not parse.
    Target(TargetError),
    /// An option the list does not take.
    UnknownOption {
        /// As written.
        option: String,
    },
    /// An option without its value.
    MissingValue {
        /// The option.
        option: String,
    },
    /// A `--ca` file that cannot be used.
    Ca(CaFileError),
    /// The proxy the environment names for this target cannot be used.
    Proxy(ProxyError),
    /// Longer than [`MAX_LINE`] bytes.
    TooLong,
    /// Not UTF-8.
    NotText,
}

impl Message for LineError {
    fn id(&self) -> &'static str {
        "error-scan-line"
    }

    fn facts(&self) -> Facts {
        Facts::new().with("line", self.line)
    }

    fn cause(&self) -> Option<&dyn Message> {
        Some(&self.problem)
    }
}

impl Message for LineProblem {
    fn id(&self) -> &'static str {
        match self {
            LineProblem::Target(error) => error.id(),
            LineProblem::Ca(error) => error.id(),
            LineProblem::Proxy(error) => error.id(),
            LineProblem::UnknownOption { .. } => "error-scan-unknown-option",
            LineProblem::MissingValue { .. } => "error-scan-missing-value",
            LineProblem::TooLong => "error-scan-line-too-long",
            LineProblem::NotText => "error-scan-line-not-text",
        }
    }

    fn facts(&self) -> Facts {
        match self {
            LineProblem::Target(error) => error.facts(),
            LineProblem::Ca(error) => error.facts(),
            LineProblem::Proxy(error) => error.facts(),
            LineProblem::UnknownOption { option } | LineProblem::MissingValue { option } => {
                Facts::new().with("option", option)
            }
            LineProblem::TooLong => Facts::new().with("max", MAX_LINE),
            LineProblem::NotText => Facts::new(),
        }
    }
}

/// Reads line `line` of a list: `None` for a blank line or a `#` comment.
pub fn parse_line(line: u64, text: &str) -> Result<Option<Entry>, LineError> {
    let failed = |problem| LineError { line, problem };
    let text = text
        .split_once('#')
        .map_or(text, |(before, _)| before)
        .trim();
    let mut words = text.split_whitespace();
    let Some(url) = words.next() else {
        return Ok(None);
    };
    let target = Target::parse(url).map_err(|error| failed(LineProblem::Target(error)))?;
    let mut entry = Entry {
        line,
        target,
        origin: None,
        ca: Vec::new(),
    };
    while let Some(option) = words.next() {
        let value = |words: &mut std::str::SplitWhitespace<'_>| {
            words.next().map(str::to_owned).ok_or_else(|| {
                failed(LineProblem::MissingValue {
                    option: option.to_owned(),
                })
            })
        };
        match option {
            "--origin" => entry.origin = Some(value(&mut words)?),
            "--ca" => entry.ca.push(PathBuf::from(value(&mut words)?)),
            _ => {
                return Err(failed(LineProblem::UnknownOption {
                    option: option.to_owned(),
                }));
            }
        }
    }
    Ok(Some(entry))
}

/// What became of one target.
#[derive(Debug)]
pub enum Scanned {
    /// Diagnosed: the same report `diagnose` gives.
    Diagnosed {
        /// The line it came from.
        entry: Entry,
        /// The diagnosis.
        report: Box<Report>,
        /// What the scan makes of it.
        verdict: Verdict,
    },
    /// No verdict within the deadline.
    TimedOut {
        /// The line it came from.
        entry: Entry,
        /// The deadline, in seconds.
        deadline_s: f64,
    },
    /// A line that could not be used, skipped.
    Skipped(LineError),
}

/// One target as the summary counts it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    /// Its group.
    pub group: Standing,
    /// Its error codes, in the report's order.
    pub errors: Vec<Code>,
    /// The certificate of its chain that expires first (an intermediate
    /// counts as much as the leaf; a root the server sends does not): its
    /// whole days left and its subject.
    pub earliest: Option<(i32, String)>,
    /// Whether it fails the scan: not healthy, or a certificate ending
    /// within `--expiring-within`.
    pub fails: bool,
}

/// Where a target stands: the group the summary counts it in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum Standing {
    /// Reached, no error.
    Healthy,
    /// Reached, with an error finding.
    Failing,
    /// Not reached: the name, the port or the proxy failed, or no verdict in time.
    Unreachable,
}

impl Standing {
    /// Its name in data (CSV, JSON): `healthy`, `failing`, `unreachable`.
    pub fn as_str(self) -> &'static str {
        match self {
            Standing::Healthy => "healthy",
            Standing::Failing => "failing",
            Standing::Unreachable => "unreachable",
        }
    }
}

/// The codes that mean the endpoint was not reached at all.
const UNREACHED: &[Code] = &[
    Code::DnsUnresolved,
    Code::TcpRefused,
    Code::TcpTimeout,
    Code::TcpFailed,
    Code::ProxyUnreachable,
];

impl Verdict {
    /// What the scan makes of `report`, failing a chain that ends within
    /// `expiring_within` days when set.
    pub fn of(report: &Report, expiring_within: Option<u16>) -> Verdict {
        let errors: Vec<Code> = report.codes(Severity::Error).collect();
        let group = if errors.iter().any(|code| UNREACHED.contains(code)) {
            Standing::Unreachable
        } else if errors.is_empty() {
            Standing::Healthy
        } else {
            Standing::Failing
        };
        let earliest = report
            .evidence
            .chain
            .iter()
            .filter(|cert| !cert.self_issued || report.evidence.chain.len() == 1)
            .min_by_key(|cert| cert.days_left)
            .map(|cert| (cert.days_left, cert.label()));
        let mut verdict = Verdict {
            group,
            errors,
            earliest,
            fails: group != Standing::Healthy,
        };
        verdict.fails |=
            expiring_within.is_some_and(|days| verdict.expires_within(i32::from(days)));
        verdict
    }

    /// Whether a certificate of the chain ends within `days` (one that has
    /// ended is an error finding, not an expiry to come).
    pub fn expires_within(&self, days: i32) -> bool {
        self.earliest
            .as_ref()
            .is_some_and(|(left, _)| (0..=days).contains(left))
    }
}

/// The fleet at the end of a scan.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Summary {
    /// Targets diagnosed (or timed out).
    pub scanned: u32,
    /// Reached with no error and nothing expiring within 30 days.
    pub healthy: u32,
    /// With a certificate of the chain ending within 30 days.
    pub expiring_30: u32,
    /// … within 7 days.
    pub expiring_7: u32,
    /// Reached with an error finding.
    pub failing: u32,
    /// Error codes of the failing targets, most common first.
    pub failing_codes: Vec<(Code, u32)>,
    /// Not reached, or no verdict in time.
    pub unreachable: u32,
    /// Lines skipped as unusable.
    pub skipped: u32,
    /// Lines naming a target already scanned.
    pub duplicates: u32,
    /// Targets that fail the scan (failing, unreachable, or expiring
    /// within `--expiring-within`).
    pub failed: u32,
    /// Wall time of the whole scan, in milliseconds.
    pub ms: f64,
}

impl Summary {
    fn count(&mut self, scanned: &Scanned, codes: &mut BTreeMap<Code, u32>) {
        match scanned {
            Scanned::Skipped(_) => self.skipped += 1,
            Scanned::TimedOut { .. } => {
                self.scanned += 1;
                self.unreachable += 1;
                self.failed += 1;
            }
            Scanned::Diagnosed { verdict, .. } => {
                self.scanned += 1;
                self.failed += u32::from(verdict.fails);
                self.expiring_30 += u32::from(verdict.expires_within(30));
                self.expiring_7 += u32::from(verdict.expires_within(7));
                match verdict.group {
                    Standing::Healthy if !verdict.expires_within(30) => self.healthy += 1,
                    Standing::Healthy => {}
                    Standing::Unreachable => self.unreachable += 1,
                    Standing::Failing => {
                        self.failing += 1;
                        for code in &verdict.errors {
                            *codes.entry(*code).or_default() += 1;
                        }
                    }
                }
            }
        }
    }
}

/// Scans every target `input` lists, handing each result to `seen` as it
/// comes; the summary at the end. Reads a line only when a slot is free,
/// so memory follows the concurrency, not the list.
pub async fn scan<R: BufRead>(
    mut input: R,
    options: &ScanOptions,
    mut seen: impl FnMut(&Scanned),
) -> Summary {
    let started = Instant::now();
    let slots = Arc::new(Semaphore::new(options.concurrency.max(1)));
    let mut hosts: HashMap<String, Arc<Semaphore>> = HashMap::new();
    let mut running: JoinSet<Scanned> = JoinSet::new();
    // Hashes, not lines: a long list costs 8 bytes a target.
    let mut scanned_before: HashSet<u64> = HashSet::new();
    let mut summary = Summary::default();
    let mut codes = BTreeMap::new();
    let mut report = |scanned: Scanned, summary: &mut Summary| {
        summary.count(&scanned, &mut codes);
        seen(&scanned);
    };
    let mut number = 0u64;
    loop {
        // Wait for a free slot, handing on what finishes meanwhile.
        while slots.available_permits() == 0 {
            match running.join_next().await {
                Some(Ok(done)) => report(done, &mut summary),
                Some(Err(_)) | None => break,
            }
        }
        number += 1;
        let read = match next_line(&mut input) {
            Next::End => break,
            Next::Line(text) => parse_line(number, &text),
            Next::Unusable(problem) => Err(LineError {
                line: number,
                problem,
            }),
        };
        let entry = match read {
            Ok(Some(entry)) => entry,
            Ok(None) => continue,
            Err(error) => {
                report(Scanned::Skipped(error), &mut summary);
                continue;
            }
        };
        if !scanned_before.insert(fingerprint(&entry)) {
            summary.duplicates += 1;
            continue;
        }
        let target_options = match entry_options(&entry, &options.base) {
            Ok(target_options) => target_options,
            Err(problem) => {
                report(
                    Scanned::Skipped(LineError {
                        line: entry.line,
                        problem,
                    }),
                    &mut summary,
                );
                continue;
            }
        };
        let Ok(slot) = slots.clone().acquire_owned().await else {
            break;
        };
        // Hosts no running target holds are let go: a list of many hosts
        // keeps only the busy ones.
        if hosts.len() > 4 * options.concurrency.max(1) {
            hosts.retain(|_, host| Arc::strong_count(host) > 1);
        }
        let host = hosts
            .entry(entry.target.host.to_ascii_lowercase())
            .or_insert_with(|| Arc::new(Semaphore::new(options.per_host.max(1))))
            .clone();
        let deadline = options.deadline;
        let expiring_within = options.expiring_within;
        running.spawn(async move {
            let _slot = slot;
            let _host = host.acquire_owned().await;
            match tokio::time::timeout(deadline, diagnose(&entry.target, &target_options)).await {
                Ok(report) => {
                    let verdict = Verdict::of(&report, expiring_within);
                    Scanned::Diagnosed {
                        entry,
                        report: Box::new(report),
                        verdict,
                    }
                }
                Err(_) => Scanned::TimedOut {
                    entry,
                    deadline_s: deadline.as_secs_f64(),
                },
            }
        });
    }
    while let Some(done) = running.join_next().await {
        if let Ok(done) = done {
            report(done, &mut summary);
        }
    }
    let mut failing_codes: Vec<(Code, u32)> = codes.into_iter().collect();
    failing_codes.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    summary.failing_codes = failing_codes;
    summary.ms = crate::clock::millis(started.elapsed());
    summary
}

/// One target as the window lists it.
#[derive(Debug, Clone, serde::Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Listed {
    /// The line it came from.
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub line: u64,
    /// The endpoint.
    pub url: String,
    /// Where it stands.
    pub group: Standing,
    /// Its error codes.
    pub errors: Vec<Code>,
    /// Its warning codes.
    pub warnings: Vec<Code>,
    /// Whole days left on the certificate of its chain that ends first.
    pub earliest_days: Option<i32>,
    /// That certificate.
    pub earliest_certificate: Option<String>,
    /// Whether it ends within 30 days (the summary's expiring group).
    pub expiring: bool,
    /// No verdict within the deadline.
    pub timed_out: bool,
}

/// A whole list scanned, for the window: the summary, every target in the
/// list's order, and the lines skipped.
#[derive(Debug, Clone, serde::Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ScanReport {
    /// The fleet in groups.
    pub summary: Summary,
    /// Each target.
    pub targets: Vec<Listed>,
    /// Why each skipped line was skipped (the window says it).
    pub skipped: Vec<crate::i18n::Phrase>,
}

/// The list in the file at `path`, as the window opens it (at most
/// [`crate::file::Holds::List`]'s cap; invalid UTF-8 replaced, its lines
/// then skipped as unusable only where they fail to parse).
pub fn read_list(path: &std::path::Path) -> Result<String, crate::file::FileError> {
    let bytes = crate::file::read(path, crate::file::Holds::List)?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Scans the list `text` with [`scan`] and keeps every result, in the
/// list's order.
pub async fn scan_text(text: &str, options: &ScanOptions) -> ScanReport {
    let mut targets = Vec::new();
    let mut skipped = Vec::new();
    let summary = scan(
        std::io::Cursor::new(text.as_bytes()),
        options,
        |done| match done {
            Scanned::Skipped(error) => skipped.push(crate::i18n::Phrase::of(error)),
            Scanned::TimedOut { entry, .. } => targets.push(Listed {
                line: entry.line,
                url: entry.target.url.clone(),
                group: Standing::Unreachable,
                errors: Vec::new(),
                warnings: Vec::new(),
                earliest_days: None,
                earliest_certificate: None,
                expiring: false,
                timed_out: true,
            }),
            Scanned::Diagnosed {
                entry,
                report,
                verdict,
            } => targets.push(Listed {
                line: entry.line,
                url: report.url.clone(),
                group: verdict.group,
                errors: verdict.errors.clone(),
                warnings: report.codes(Severity::Warning).collect(),
                earliest_days: verdict.earliest.as_ref().map(|(days, _)| *days),
                earliest_certificate: verdict
                    .earliest
                    .as_ref()
                    .map(|(_, subject)| subject.clone()),
                expiring: verdict.expires_within(30),
                timed_out: false,
            }),
        },
    )
    .await;
    targets.sort_by_key(|listed| listed.line);
    ScanReport {
        summary,
        targets,
        skipped,
    }
}

enum Next {
    Line(String),
    Unusable(LineProblem),
    End,
}

/// The next line, read within [`MAX_LINE`] bytes.
fn next_line<R: BufRead>(input: &mut R) -> Next {
    let mut bytes = Vec::new();
    let read = std::io::Read::take(&mut *input, MAX_LINE as u64 + 1).read_until(b'\n', &mut bytes);
    match read {
        Ok(0) | Err(_) => Next::End,
        Ok(_) if bytes.len() > MAX_LINE && !bytes.ends_with(b"\n") => {
            // Skip the rest of the long line.
            let mut rest = Vec::new();
            while let Ok(n) =
                std::io::Read::take(&mut *input, MAX_LINE as u64).read_until(b'\n', &mut rest)
            {
                if n == 0 || rest.ends_with(b"\n") {
                    break;
                }
                rest.clear();
            }
            Next::Unusable(LineProblem::TooLong)
        }
        Ok(_) => match String::from_utf8(bytes) {
            Ok(text) => Next::Line(text),
            Err(_) => Next::Unusable(LineProblem::NotText),
        },
    }
}

/// What makes two lines the same scan: the URL and the options it adds.
fn fingerprint(entry: &Entry) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    entry.target.url.hash(&mut hasher);
    entry.origin.hash(&mut hasher);
    entry.ca.hash(&mut hasher);
    hasher.finish()
}

/// `base` with what the line adds.
fn entry_options(entry: &Entry, base: &Options) -> Result<Options, LineProblem> {
    // As `diagnose` wants it: a proxy that cannot be used is refused first.
    base.proxy.way(&entry.target).map_err(LineProblem::Proxy)?;
    let mut options = base.clone();
    if let Some(origin) = &entry.origin {
        options.origin = Some(origin.clone());
    }
    for path in &entry.ca {
        options
            .ca
            .extend(read_ca_file(path).map_err(LineProblem::Ca)?);
    }
    Ok(options)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_is_a_url_with_options_or_nothing() {
        let entry = parse_line(
            3,
            "  wss://api.example.com/ws --origin https://app.example.com # prod",
        )
        .expect("parses")
        .expect("an entry");
        assert_eq!(entry.line, 3);
        assert_eq!(entry.target.host, "api.example.com");
        assert_eq!(entry.origin.as_deref(), Some("https://app.example.com"));
        assert!(parse_line(1, "# a comment").expect("parses").is_none());
        assert!(parse_line(2, "   ").expect("parses").is_none());
        for (text, id) in [
            ("ftp://example.com", "error-target-unsupported-scheme"),
            ("wss://example.com --bogus", "error-scan-unknown-option"),
            ("wss://example.com --ca", "error-scan-missing-value"),
        ] {
            let error = parse_line(7, text).expect_err(text);
            assert_eq!(error.line, 7);
            assert_eq!(error.problem.id(), id, "{text}");
        }
    }

    #[test]
    fn a_long_line_is_skipped_and_the_next_one_read() {
        let text = format!(
            "wss://a.example/{}\nwss://b.example/ws\n",
            "x".repeat(MAX_LINE * 2)
        );
        let mut input = std::io::Cursor::new(text.into_bytes());
        assert!(matches!(
            next_line(&mut input),
            Next::Unusable(LineProblem::TooLong)
        ));
        match next_line(&mut input) {
            Next::Line(line) => assert_eq!(line.trim(), "wss://b.example/ws"),
            _ => panic!("the next line"),
        }
        assert!(matches!(next_line(&mut input), Next::End));
    }

    #[test]
    fn a_list_file_is_read_within_its_cap() {
        let dir = std::env::temp_dir().join(format!("handshake-scan-list-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let small = dir.join("small.txt");
        std::fs::write(&small, "wss://a.example/ws\n").expect("write");
        assert_eq!(read_list(&small).expect("read"), "wss://a.example/ws\n");
        let large = dir.join("large.txt");
        std::fs::write(&large, vec![b'#'; crate::file::Holds::List.cap() + 1]).expect("write");
        assert!(read_list(&large).is_err());
        let _ = std::fs::remove_dir_all(dir);
    }
}
