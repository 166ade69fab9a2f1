//! The log analyzer: a server's or browser's error text in, root causes out.
//!
//! Logs are big, so the input is streamed in blocks and memory stays bounded
//! whatever the size: one Aho-Corasick pass over each block finds the anchor
//! strings of every signature at once (the speed of `grep -F`), and only a
//! line that contains an anchor is decoded and explained. Repeated matches
//! are grouped with a count and their first and last line numbers. Invalid
//! UTF-8 and binary garbage are read lossily; a line longer than
//! [`MAX_LINE`] is cut.

mod bytes;
mod signatures;

use std::collections::HashMap;
use std::io::Read;

use aho_corasick::AhoCorasick;
use serde::Serialize;

use crate::finding::{Code, Finding};
use crate::i18n::Language;

pub use signatures::SIGNATURES;

/// Bytes read at a time.
const BLOCK: usize = 1 << 20;
/// Longer lines are cut to this many bytes.
pub const MAX_LINE: usize = 64 * 1024;
/// Distinct groups kept at most (each signature has a handful of variants).
const MAX_GROUPS: usize = 1_000;

/// What the analyzer recognised in a log.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LogReport {
    /// True when no finding is an error.
    pub ok: bool,
    /// One entry per problem recognised, in order of first appearance.
    pub findings: Vec<LogFinding>,
    /// Lines read.
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub lines: u64,
}

/// One problem recognised, with where it appears.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LogFinding {
    /// The finding: code, severity and facts.
    #[serde(flatten)]
    pub finding: Finding,
    /// How many lines matched.
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub count: u64,
    /// The first matching line (1-based).
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub first_line: u64,
    /// The last matching line (1-based).
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub last_line: u64,
    /// The first matching line's text (cut to 400 characters).
    pub sample: String,
    /// A URL from the line that `handshake diagnose` can check.
    pub diagnose: Option<String>,
}

impl LogReport {
    /// The report with every finding's words in `language`: what
    /// `handshake explain-log --json` prints.
    pub fn said(&self, language: Language) -> Result<serde_json::Value, serde_json::Error> {
        crate::said::said(self, language)
    }
}

/// What one signature made of one line.
#[derive(Debug, Clone, PartialEq)]
pub struct Explained {
    /// The finding.
    pub finding: Finding,
    /// Lines with the same `variant` are grouped (e.g. the same status code).
    pub variant: String,
    /// A URL worth diagnosing.
    pub diagnose: Option<String>,
}

/// A known log message: the literal anchors that find it, and how to read it.
#[derive(Debug)]
pub struct Signature {
    /// The codes of the findings it produces.
    pub codes: &'static [Code],
    /// Literal strings any of which marks a candidate line.
    pub anchors: &'static [&'static str],
    /// Reads a candidate line; `None` when it is not this message after all.
    pub explain: fn(&str) -> Option<Explained>,
}

/// Reads `input` to the end and explains what it recognises.
pub fn explain<R: Read>(mut input: R) -> std::io::Result<LogReport> {
    let mut scanner = Scanner::new();
    let mut buf = vec![0u8; BLOCK + MAX_LINE];
    let mut filled = 0;
    loop {
        let n = match input.read(&mut buf[filled..filled + BLOCK]) {
            Ok(n) => n,
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        filled += n;
        if n == 0 {
            scanner.block(&buf[..filled]);
            scanner.line += u64::from(filled > 0 && buf[filled - 1] != b'\n');
            break;
        }
        // Scan up to the last complete line; carry the rest (cut to
        // MAX_LINE, so a file without newlines cannot grow the buffer).
        let Some(last) = memchr::memrchr(b'\n', &buf[..filled]) else {
            if filled >= MAX_LINE {
                scanner.block(&buf[..MAX_LINE]);
                filled = 0;
            }
            continue;
        };
        scanner.block(&buf[..=last]);
        buf.copy_within(last + 1..filled, 0);
        filled -= last + 1;
        if filled > MAX_LINE {
            filled = MAX_LINE;
        }
    }
    Ok(scanner.finish())
}

/// Explains a text held in memory (a pasted log).
pub fn explain_text(text: &str) -> LogReport {
    explain(text.as_bytes()).unwrap_or_else(|_| Scanner::new().finish())
}

struct Scanner {
    anchors: &'static AhoCorasick,
    /// For each anchor pattern, the signature it belongs to.
    owners: &'static [usize],
    groups: HashMap<(Code, String), LogFinding>,
    order: Vec<(Code, String)>,
    /// Lines completed before the current block.
    // 64 bits: a log of more than 4 billion lines is read through too.
    line: u64,
}

impl Scanner {
    fn new() -> Scanner {
        let (anchors, owners) = automaton();
        Scanner {
            anchors,
            owners,
            groups: HashMap::new(),
            order: Vec::new(),
            line: 0,
        }
    }

    /// Scans whole lines (the block ends at a newline, or is the last).
    fn block(&mut self, block: &[u8]) {
        let mut counted = 0;
        let mut at = 0;
        while let Some(hit) = self.anchors.find(&block[at..]) {
            let start = at + hit.start();
            let line_start = memchr::memrchr(b'\n', &block[..start]).map_or(0, |i| i + 1);
            let line_end =
                memchr::memchr(b'\n', &block[start..]).map_or(block.len(), |i| start + i);
            self.line += count_newlines(&block[counted..line_start]);
            counted = line_start;
            let line = &block[line_start..line_end.min(line_start + MAX_LINE)];
            self.line_matched(self.line + 1, line);
            at = line_end.min(block.len());
            if at >= block.len() {
                break;
            }
        }
        self.line += count_newlines(&block[counted..]);
    }

    fn line_matched(&mut self, number: u64, raw: &[u8]) {
        let text = String::from_utf8_lossy(raw);
        let text = text.trim_end_matches('\r');
        // Every signature with an anchor on the line gets a say, in the
        // list's order, which runs from the specific to the generic: the
        // browser's "WebSocket connection to … failed: … net::ERR_CERT_…"
        // is the untrusted certificate it ends with, not a failed connection.
        let mut anchored = [false; 64];
        for hit in self.anchors.find_overlapping_iter(raw) {
            anchored[self.owners[hit.pattern().as_usize()]] = true;
        }
        for (owner, signature) in SIGNATURES.iter().enumerate() {
            if anchored[owner]
                && let Some(explained) = (signature.explain)(text)
            {
                self.record(number, text, explained);
                return;
            }
        }
    }

    fn record(&mut self, number: u64, text: &str, explained: Explained) {
        let key = (explained.finding.code, explained.variant);
        if let Some(group) = self.groups.get_mut(&key) {
            group.count += 1;
            group.last_line = number;
            return;
        }
        if self.groups.len() >= MAX_GROUPS {
            return;
        }
        self.order.push(key.clone());
        self.groups.insert(
            key,
            LogFinding {
                finding: explained.finding,
                count: 1,
                first_line: number,
                last_line: number,
                sample: text.chars().take(400).collect(),
                diagnose: explained.diagnose,
            },
        );
    }

    fn finish(mut self) -> LogReport {
        let findings: Vec<LogFinding> = self
            .order
            .iter()
            .filter_map(|key| self.groups.remove(key))
            .collect();
        LogReport {
            ok: !findings
                .iter()
                .any(|f| f.finding.severity == crate::finding::Severity::Error),
            findings,
            lines: self.line,
        }
    }
}

fn count_newlines(bytes: &[u8]) -> u64 {
    u64::try_from(memchr::memchr_iter(b'\n', bytes).count()).unwrap_or(u64::MAX)
}

/// One automaton for the anchors of every signature, built once.
fn automaton() -> (&'static AhoCorasick, &'static [usize]) {
    static BUILT: std::sync::OnceLock<(AhoCorasick, Vec<usize>)> = std::sync::OnceLock::new();
    let (automaton, owners) = BUILT.get_or_init(|| {
        let mut patterns = Vec::new();
        let mut owners = Vec::new();
        for (index, signature) in SIGNATURES.iter().enumerate() {
            for anchor in signature.anchors {
                patterns.push(*anchor);
                owners.push(index);
            }
        }
        // The anchors are fixed literals: building cannot fail.
        let automaton =
            AhoCorasick::new(patterns).unwrap_or_else(|error| panic!("log anchors: {error}"));
        (automaton, owners)
    });
    (automaton, owners)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const TOMCAT: &str = "25-Nov-2026 10:12:01.123 INFO [http-nio-8080-exec-1] org.apache.coyote.http11.Http11Processor.service Error parsing HTTP request header\n Note: further occurrences of HTTP request parsing errors will be logged at DEBUG level.\n\tjava.lang.IllegalArgumentException: Invalid character found in method name [0x160x030x010x020x000x010x000x010xfc0x030x03...]. HTTP method names must be tokens\n";

    #[test]
    fn groups_repeats_with_first_and_last_line() {
        let log = format!("start\n{TOMCAT}middle\n{TOMCAT}end\n");
        let report = explain_text(&log);
        assert_eq!(report.findings.len(), 1, "{:#?}", report.findings);
        let found = &report.findings[0];
        assert_eq!(found.finding.code, Code::LogTlsOnPlainPort);
        assert_eq!((found.count, found.first_line, found.last_line), (2, 4, 8));
        assert_eq!(report.lines, 9);
        assert!(!report.ok);
    }

    #[test]
    fn a_log_without_known_problems_is_ok() {
        let report = explain_text("INFO Started Application in 2.1 seconds\nGET /health 200\n");
        assert!(report.ok);
        assert!(report.findings.is_empty());
        assert_eq!(report.lines, 2);
    }

    #[test]
    fn matches_across_block_boundaries_keep_their_line_numbers() {
        let filler = "x".repeat(1000);
        let mut log = String::new();
        for _ in 0..3000 {
            log.push_str(&filler);
            log.push('\n');
        }
        log.push_str(TOMCAT);
        let report = explain(log.as_bytes()).expect("in-memory read");
        assert_eq!(report.findings[0].first_line, 3003);
    }

    #[test]
    fn a_huge_line_without_newlines_is_cut_not_buffered() {
        let mut log = vec![b'a'; 5 * MAX_LINE];
        log.extend_from_slice(b"\nclient sent plain HTTP request to HTTPS port while reading client request headers\n");
        let report = explain(log.as_slice()).expect("read");
        assert_eq!(report.findings.len(), 1);
        assert_eq!(report.findings[0].finding.code, Code::LogPlainOnTlsPort);
    }

    #[test]
    fn invalid_utf8_is_tolerated() {
        let mut log = b"\xff\xfe\x00garbage\n".to_vec();
        log.extend_from_slice(
            b"\xc3\x28 PKIX path building failed: unable to find valid certification path\n",
        );
        let report = explain(log.as_slice()).expect("read");
        assert_eq!(report.findings[0].finding.code, Code::LogPkixPathBuilding);
        assert_eq!(report.findings[0].first_line, 2);
    }

    proptest! {
        #[test]
        fn never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
            let _ = explain(bytes.as_slice());
        }

        #[test]
        fn never_panics_near_anchors(noise in "[ -~\\n]{0,200}", anchor in 0usize..40) {
            let anchors: Vec<&str> = SIGNATURES.iter().flat_map(|s| s.anchors.iter().copied()).collect();
            let text = format!("{noise}{}{noise}", anchors[anchor % anchors.len()]);
            let _ = explain_text(&text);
        }
    }
}
