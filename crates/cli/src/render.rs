//! Text output shared by the subcommands, in the user's language.

use std::fmt::Write as _;

use handshake_core::i18n::Facts;
use handshake_core::{Finding, Language, Severity};

use crate::problem::Problem;

/// The message `id` with `facts`, in `language`.
pub(crate) fn say(language: Language, id: &str, facts: Facts) -> String {
    language.text(id, &facts)
}

/// One finding: a marked title with its code, the explanation, and the fix
/// (info findings have nothing to fix).
pub(crate) fn finding(out: &mut String, finding: &Finding, language: Language) {
    let words = finding.words(language);
    let mark = say(
        language,
        "cli-severity",
        Facts::new().with("severity", finding.severity.to_string()),
    );
    let pad = " ".repeat(9usize.saturating_sub(width(&mark)));
    let _ = writeln!(out, "\n{mark}{pad} {}  [{}]", words.title, finding.code);
    let _ = writeln!(out, "  {}", words.explanation);
    if finding.severity != Severity::Info {
        let _ = writeln!(
            out,
            "  {}",
            say(language, "cli-fix", Facts::new().with("fix", words.fix))
        );
    }
}

/// `error: …`, as every command prints what stopped it.
pub(crate) fn error(problem: &Problem, language: Language) -> String {
    say(
        language,
        "cli-error",
        Facts::new().with("message", problem.say(language)),
    )
}

/// Columns `text` takes on a terminal: Hangul and other wide letters take two.
pub(crate) fn width(text: &str) -> usize {
    text.chars()
        .map(|c| match u32::from(c) {
            0x1100..=0x115F
            | 0x2E80..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFF00..=0xFF60 => 2,
            _ => 1,
        })
        .sum()
}
