//! A diagnosis as Markdown, for a ticket or a chat message ("Copy report").

use std::fmt::Write as _;

use super::Report;

/// The report: verdict, findings (errors first) with why and what to do,
/// then the facts seen on the wire.
pub fn markdown(report: &Report) -> String {
    let mut out = format!(
        "## Handshake diagnosis: {}\n\n**{}** in {:.0} ms\n",
        report.url,
        if report.ok { "Works" } else { "Fails" },
        report.timings_ms.total
    );
    for finding in &report.findings {
        let _ = write!(
            out,
            "\n### {} `{}` — {}\n\n{}\n\n**Fix:** {}\n",
            finding.severity, finding.code, finding.title, finding.explanation, finding.fix
        );
    }
    let evidence = &report.evidence;
    let mut facts = Vec::new();
    if !evidence.addresses.is_empty() {
        facts.push(format!("addresses: {}", evidence.addresses.join(", ")));
    }
    if let Some(tls) = &evidence.tls {
        facts.push(format!("TLS: {} {}", tls.version, tls.cipher));
    }
    if let Some(leaf) = evidence.chain.first() {
        facts.push(format!(
            "certificate: {} (issued by {}, until {})",
            leaf.subject, leaf.issuer, leaf.not_after
        ));
    }
    if let Some(response) = &evidence.response {
        facts.push(format!("response: {}", response.status_line));
    }
    if let Some(bytes) = &evidence.bytes {
        facts.push(format!("bytes received: `{}`", bytes.hex));
    }
    if !facts.is_empty() {
        out.push_str("\n### Seen\n\n");
        for fact in facts {
            let _ = writeln!(out, "- {fact}");
        }
    }
    out.push_str(&format!(
        "\n_Reproduce: `handshake diagnose {}`_\n",
        report.url
    ));
    out
}
