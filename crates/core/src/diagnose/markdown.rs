//! A diagnosis as Markdown, for a ticket or a chat message ("Copy report"),
//! in the reader's language.

use std::fmt::Write as _;

use super::Report;
use crate::i18n::{Facts, Language};

/// The report: verdict, findings (errors first) with why and what to do,
/// then the facts seen on the wire.
pub fn markdown(report: &Report, language: Language) -> String {
    let say = |id: &str, facts: Facts| language.text(id, &facts);
    let wait_ms = report.timings_ms.wait.unwrap_or(0.0);
    let mut out = format!(
        "{}\n\n{}\n",
        say("report-heading", Facts::new().with("url", &report.url)),
        say(
            "report-verdict",
            Facts::new()
                .with("verdict", if report.ok { "works" } else { "fails" })
                // The wait for the server is said apart, not counted in.
                .with("total_ms", (report.timings_ms.total - wait_ms).round())
                .with("wait_s", crate::i18n::Fact::tenths(wait_ms / 1000.0)),
        )
    );
    for finding in &report.findings {
        let words = finding.words(language);
        let _ = write!(
            out,
            "\n### {} `{}` — {}\n\n{}\n\n{}\n",
            say(
                "report-severity",
                Facts::new().with("severity", finding.severity.to_string())
            ),
            finding.code,
            words.title,
            words.explanation,
            say("report-fix", Facts::new().with("fix", words.fix)),
        );
    }
    let evidence = &report.evidence;
    let mut seen = Vec::new();
    if !evidence.addresses.is_empty() {
        seen.push(say(
            "report-seen-addresses",
            Facts::new().with("addresses", evidence.addresses.clone()),
        ));
    }
    if let Some(tls) = &evidence.tls {
        seen.push(say(
            "report-seen-tls",
            Facts::new()
                .with("version", &tls.version)
                .with("cipher", &tls.cipher),
        ));
    }
    if let Some(leaf) = evidence.chain.first() {
        seen.push(say(
            "report-seen-certificate",
            Facts::new()
                .with("subject", &leaf.subject)
                .with("issuer", &leaf.issuer)
                .with("not_after", &leaf.not_after),
        ));
    }
    if let Some(response) = &evidence.response {
        seen.push(say(
            "report-seen-response",
            Facts::new().with("status_line", &response.status_line),
        ));
    }
    if let Some(bytes) = &evidence.bytes {
        seen.push(say(
            "report-seen-bytes",
            Facts::new().with("bytes", &bytes.hex),
        ));
    }
    if !seen.is_empty() {
        let _ = write!(out, "\n### {}\n\n", say("report-seen", Facts::new()));
        for fact in seen {
            let _ = writeln!(out, "- {fact}");
        }
    }
    let _ = write!(
        out,
        "\n_{}_\n",
        say("report-reproduce", Facts::new().with("url", &report.url))
    );
    out
}
