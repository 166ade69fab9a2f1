//! Text output shared by the subcommands.

use std::fmt::Write as _;

use handshake_core::{Finding, Severity};

/// One finding: a marked title with its code, the explanation, and the fix
/// (info findings have nothing to fix).
pub(crate) fn finding(out: &mut String, finding: &Finding) {
    let mark = match finding.severity {
        Severity::Error => "✗ error  ",
        Severity::Warning => "! warning",
        Severity::Info => "✓ info   ",
    };
    let _ = writeln!(out, "\n{mark} {}  [{}]", finding.title, finding.code);
    let _ = writeln!(out, "  {}", finding.explanation);
    if finding.severity != Severity::Info {
        let _ = writeln!(out, "  Fix: {}", finding.fix);
    }
}

/// `1.2 ms`, or `–` for a step that did not run.
pub(crate) fn ms(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), |v| format!("{v:.1} ms"))
}
