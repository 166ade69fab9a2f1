//! Replaying a saved report: the evidence of a `--json` report gives the
//! same findings again, in any language, with no network. A user attaches a
//! report to a bug; we re-run it.

use std::path::Path;

use serde::Deserialize;

use super::{Evidence, Report, Timings};
use crate::file::{self, FileError, Holds};
use crate::i18n::{Facts, Message};

/// The largest report read (a real one is a few KiB).
pub const MAX_REPORT_BYTES: usize = 4 << 20;

/// Why a saved report cannot be replayed.
#[derive(Debug, thiserror::Error)]
#[error("{}", crate::i18n::english(self))]
#[non_exhaustive]
pub enum ReplayError {
    /// The file cannot be read.
    File(#[from] FileError),
    /// Larger than any report Handshake writes.
    TooLarge {
        /// The cap, in bytes.
        limit: usize,
    },
    /// Not JSON at all.
    NotJson {
        /// The line of the first error.
        line: usize,
        /// Its column.
        column: usize,
    },
    /// JSON, but not a `handshake diagnose --json` report.
    NotAReport {
        /// What the JSON reader found missing or mistyped (its words name the field).
        source: serde_json::Error,
    },
    /// Written by a newer Handshake, with evidence this one cannot read.
    Newer {
        /// The version that wrote it.
        version: String,
    },
}

/// The saved report's parts that the findings come from.
#[derive(Deserialize)]
struct Saved {
    evidence: Evidence,
    timings_ms: Timings,
}

/// Who wrote a report (absent before reports said so).
#[derive(Deserialize)]
struct Writer {
    handshake: Option<String>,
}

/// The report saved in the file at `path` (`-`: standard input), replayed:
/// what `diagnose --replay` and the window's "Open a report" both read.
pub fn open(path: &Path) -> Result<Report, ReplayError> {
    replay(&file::read(path, Holds::Report)?)
}

/// The report that `json` (the output of `handshake diagnose --json`)
/// describes, its findings derived afresh from its evidence.
pub fn replay(json: &[u8]) -> Result<Report, ReplayError> {
    if json.len() > MAX_REPORT_BYTES {
        return Err(ReplayError::TooLarge {
            limit: MAX_REPORT_BYTES,
        });
    }
    let saved: Saved = serde_json::from_slice(json).map_err(|error| {
        if error.is_syntax() || error.is_eof() {
            return ReplayError::NotJson {
                line: error.line(),
                column: error.column(),
            };
        }
        // Evidence of a kind this version does not know: a newer report,
        // said so, rather than the field serde tripped on.
        match serde_json::from_slice::<Writer>(json) {
            Ok(Writer {
                handshake: Some(version),
            }) if is_newer(&version) => ReplayError::Newer { version },
            _ => ReplayError::NotAReport { source: error },
        }
    })?;
    Ok(Report::from_evidence(saved.evidence, saved.timings_ms))
}

/// Whether `version` (`major.minor.patch`) is later than this program's.
fn is_newer(version: &str) -> bool {
    let parts = |v: &str| -> Vec<u64> {
        v.split(['.', '-', '+'])
            .take(3)
            .map(|n| n.parse().unwrap_or(0))
            .collect()
    };
    parts(version) > parts(env!("CARGO_PKG_VERSION"))
}

impl Message for ReplayError {
    fn id(&self) -> &'static str {
        match self {
            ReplayError::File(error) => error.id(),
            ReplayError::Newer { .. } => "error-replay-newer",
            ReplayError::TooLarge { .. } => "error-replay-too-large",
            ReplayError::NotJson { .. } => "error-replay-not-json",
            ReplayError::NotAReport { .. } => "error-replay-not-a-report",
        }
    }

    fn facts(&self) -> Facts {
        match self {
            ReplayError::File(error) => error.facts(),
            ReplayError::Newer { version } => Facts::new()
                .with("version", version)
                .with("ours", env!("CARGO_PKG_VERSION")),
            ReplayError::TooLarge { limit } => Facts::new().with("limit_mib", limit >> 20),
            ReplayError::NotJson { line, column } => {
                Facts::new().with("line", *line).with("column", *column)
            }
            ReplayError::NotAReport { source } => Facts::new().with("detail", source.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::rules::fixtures;
    use super::*;
    use crate::i18n::Language;

    #[test]
    fn a_saved_report_gives_the_same_findings_in_any_language() {
        for (name, evidence, timings) in fixtures::all() {
            let report = Report::from_evidence(evidence, timings);
            let said = report
                .said(Language::Ko)
                .and_then(|said| serde_json::to_vec(&said));
            let json = said.unwrap_or_default();
            let again = replay(&json).unwrap_or_else(|error| panic!("{name}: {error}"));
            assert_eq!(again.findings, report.findings, "{name}");
            assert_eq!(again.ok, report.ok, "{name}");
        }
    }

    #[test]
    fn garbage_and_other_json_are_refused_clearly() {
        assert!(matches!(
            replay(b"{\"url\": \n oops"),
            Err(ReplayError::NotJson { line: 2, column: 2 })
        ));
        let error = replay(br#"{"url": "wss://x"}"#).err();
        assert!(
            matches!(&error, Some(ReplayError::NotAReport { source }) if source.to_string().contains("evidence")),
            "{error:?}"
        );
        // A newer report with evidence this version cannot read says so;
        // an older one (or one that reads) is replayed.
        let newer = br#"{"handshake": "99.0.0", "evidence": {"dns_error": "teleported"}, "timings_ms": {}}"#;
        assert!(
            matches!(replay(newer), Err(ReplayError::Newer { version }) if version == "99.0.0")
        );
        let older =
            br#"{"handshake": "0.0.1", "evidence": {"dns_error": "teleported"}, "timings_ms": {}}"#;
        assert!(matches!(replay(older), Err(ReplayError::NotAReport { .. })));
        assert!(matches!(
            replay(&vec![b' '; MAX_REPORT_BYTES + 1]),
            Err(ReplayError::TooLarge {
                limit: MAX_REPORT_BYTES
            })
        ));
    }
}
