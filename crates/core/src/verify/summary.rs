//! A check's summary as phrases: the verdict, then one line per thing the
//! check saw. The terminal prints the lines with their labels in a column,
//! the window as a card; both say the same phrases in the reader's language,
//! so neither derives its own words from the report's fields.

use serde::Serialize;

use super::{Answer, CheckFailure, CheckReport};
use crate::finding::Finding;
use crate::i18n::{Fact, Facts, Phrase};

/// What a check's summary says.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CheckSummary {
    /// One line: the URL, and what answered or what failed.
    pub verdict: Phrase,
    /// What the check saw, in order (none when it failed: the findings
    /// say why instead).
    pub lines: Vec<SeenLine>,
    /// The findings to tell after the lines: when the report failed, all of
    /// them; when it passed, what a browser saw (`--browser`).
    pub findings: Vec<Finding>,
}

/// One thing the check saw: its label and its value.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SeenLine {
    /// What it is ("phases", "tls", "protocol").
    pub label: Phrase,
    /// What was seen.
    pub value: Phrase,
}

/// A check with its summary, as the window receives it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Checked {
    /// What the check found.
    pub report: CheckReport,
    /// What it says.
    pub summary: CheckSummary,
}

impl From<CheckReport> for Checked {
    fn from(report: CheckReport) -> Checked {
        let summary = summary(&report);
        Checked { report, summary }
    }
}

/// The summary of `report`.
pub fn summary(report: &CheckReport) -> CheckSummary {
    // A failed check's findings say why; a passed one's, what a browser saw
    // (a browser's errors fail the report with the check passed).
    let findings = (report.findings.iter())
        .filter(|finding| !report.ok || finding.code.is_browser())
        .cloned()
        .collect();
    let Some(failure) = &report.failure else {
        return CheckSummary {
            verdict: verdict(report),
            lines: lines(report),
            findings,
        };
    };
    CheckSummary {
        verdict: Phrase::new(
            "check-verdict-failed",
            Facts::new().with("url", &report.url),
        )
        .caused_by(Phrase::of(failure)),
        lines: Vec::new(),
        findings,
    }
}

/// A passed check: what answered (the protocol's own answer, or the echoed
/// messages) and how it closed.
fn verdict(report: &CheckReport) -> Phrase {
    let rounds = report.round_trips_ms.len();
    let protocol = report
        .spoken
        .as_ref()
        .map(|spoken| spoken.facts(report.picked))
        .and_then(|facts| facts.text("protocol").map(str::to_owned))
        .unwrap_or_else(|| "echo".to_owned());
    let close = report
        .close_code
        .map_or_else(|| "none".to_owned(), |code| code.to_string());
    Phrase::new(
        "check-verdict-ok",
        Facts::new()
            .with("url", &report.url)
            .with("protocol", protocol)
            .with("answered", rounds)
            .with("sent", rounds)
            .with("close", close),
    )
}

fn lines(report: &CheckReport) -> Vec<SeenLine> {
    let p = &report.phases_ms;
    let mut lines = vec![SeenLine::new(
        "check-label-phases",
        Phrase::new(
            "check-seen-phases",
            Facts::new()
                .with("dns", ms(p.dns))
                .with("tcp", ms(p.tcp))
                .with("tls", ms(p.tls))
                .with("upgrade", ms(p.upgrade))
                .with("first_answer", ms(p.first_answer)),
        ),
    )];
    if let Some(waited) = report.waited_ms {
        let facts = Facts::new().with("waited_s", tenths(waited / 1000.0));
        lines.push(SeenLine::new(
            "check-label-waited",
            Phrase::new("check-seen-waited", facts),
        ));
    }
    if let Some(tls) = &report.tls {
        let facts = Facts::new()
            .with("version", &tls.version)
            .with("cipher", &tls.cipher)
            .with("alpn", tls.alpn.as_deref().unwrap_or("none"));
        lines.push(SeenLine::new(
            "check-label-tls",
            Phrase::new("check-seen-tls", facts),
        ));
    }
    if let Some(cert) = &report.certificate {
        let facts = Facts::new()
            .with("subject", &cert.subject)
            .with("issuer", &cert.issuer)
            .with("not_after", &cert.not_after);
        lines.push(SeenLine::new(
            "check-label-certificate",
            Phrase::new("check-seen-certificate", facts),
        ));
    }
    let subprotocol = report.subprotocol.as_deref().unwrap_or("none");
    lines.push(SeenLine::new(
        "check-label-subprotocol",
        Phrase::new(
            "check-seen-subprotocol",
            Facts::new().with("subprotocol", subprotocol),
        ),
    ));
    if let Some(spoken) = &report.spoken {
        let words = Phrase::new("check-spoken", spoken.facts(report.picked));
        lines.push(SeenLine::new("check-label-protocol", words));
    }
    match &report.answer {
        Some(Answer::Text { text }) => {
            let facts = Facts::new().with("text", text);
            lines.push(SeenLine::new(
                "check-label-answer",
                Phrase::new("check-seen-answer", facts),
            ));
        }
        Some(Answer::Binary { bytes }) => {
            let facts = Facts::new().with("bytes", *bytes);
            let words = Phrase::new("check-seen-answer-binary", facts);
            lines.push(SeenLine::new("check-label-answer", words));
        }
        None => {}
    }
    if let Some(idle) = &report.idle {
        let facts = Facts::new()
            .with("held_s", idle.held_s)
            .with("pings", idle.pings);
        lines.push(SeenLine::new(
            "check-label-idle",
            Phrase::new("check-seen-idle", facts),
        ));
    }
    if let Some(latency) = &report.latency {
        let facts = Facts::new()
            .with("min", tenths(latency.min))
            .with("median", tenths(latency.median))
            .with("max", tenths(latency.max))
            .with("count", report.round_trips_ms.len());
        lines.push(SeenLine::new(
            "check-label-round-trip",
            Phrase::new("check-seen-round-trip", facts),
        ));
    }
    lines
}

impl CheckSummary {
    /// Every phrase it says, the verdict first.
    pub fn phrases(&self) -> impl Iterator<Item = &Phrase> {
        let lines = self
            .lines
            .iter()
            .flat_map(|line| [&line.label, &line.value]);
        std::iter::once(&self.verdict).chain(lines)
    }
}

/// Reports whose summaries between them say every line, every protocol's
/// answer and every failure: for the catalogue's tests and the window's.
pub fn examples() -> Vec<CheckReport> {
    use super::{IdleHold, Latency, PickReason, Spoken};
    use crate::probe::{cert::CertInfo, tls::TlsSession};
    let passed = CheckReport {
        url: "wss://localhost:8443/ws".to_owned(),
        ok: true,
        waited_ms: Some(2_450.0),
        phases_ms: super::Phases {
            dns: Some(0.3),
            tcp: Some(0.1),
            tls: Some(2.4),
            upgrade: Some(0.6),
            first_answer: Some(0.8),
        },
        tls: Some(TlsSession {
            version: "TLSv1.3".to_owned(),
            cipher: "TLS13_AES_128_GCM_SHA256".to_owned(),
            alpn: Some("http/1.1".to_owned()),
        }),
        certificate: Some(CertInfo {
            subject: "CN=localhost".to_owned(),
            issuer: "CN=Handshake Dev CA".to_owned(),
            not_after: "2027-03-01T00:00:00Z".to_owned(),
            ..CertInfo::default()
        }),
        round_trips_ms: vec![0.8, 1.3, 3.0],
        latency: Some(Latency {
            min: 0.8,
            median: 1.3,
            max: 3.0,
        }),
        answer: Some(Answer::Text {
            text: "hello".to_owned(),
        }),
        close_code: Some(1000),
        idle: Some(IdleHold {
            asked_s: 5.0,
            held_s: 5.0,
            pings: 4,
        }),
        ..CheckReport::default()
    };
    let spoken = [
        Spoken::Stomp {
            version: Some("1.2".to_owned()),
            server: Some("RabbitMQ/3.10.8".to_owned()),
            heart_beat: Some("0,0".to_owned()),
            over_sockjs: true,
        },
        Spoken::SockjsEcho,
        Spoken::Socketio {
            sid: "abc".to_owned(),
            namespace: "/".to_owned(),
            ping_interval_ms: Some(25_000),
        },
        Spoken::GraphqlWs,
    ];
    let speaking = spoken.into_iter().map(|spoken| CheckReport {
        subprotocol: Some("v12.stomp".to_owned()),
        spoken: Some(spoken),
        picked: Some(PickReason::Subprotocol),
        answer: Some(Answer::Binary { bytes: 12 }),
        idle: Some(IdleHold {
            pings: 1,
            ..IdleHold::default()
        }),
        close_code: None,
        ..passed.clone()
    });
    let failed = CheckFailure::examples().into_iter().map(|failure| {
        // The diagnosis that comes with a refused port, as `check` gives it.
        let why = matches!(failure, CheckFailure::Refused { .. }).then(|| {
            let mut finding = Finding::error(crate::finding::Code::TcpRefused);
            finding.facts = Facts::new()
                .with("port", 8443u16)
                .with("addresses", vec!["127.0.0.1:8443".to_owned()]);
            finding
        });
        CheckReport {
            url: "wss://localhost:8443/ws".to_owned(),
            failure: Some(failure),
            findings: why.into_iter().collect(),
            ..CheckReport::default()
        }
    });
    let bare = CheckReport {
        url: "ws://localhost:8080/ws".to_owned(),
        ok: true,
        phases_ms: super::Phases {
            tls: None,
            ..passed.phases_ms.clone()
        },
        ..CheckReport::default()
    };
    [passed.clone(), bare]
        .into_iter()
        .chain(speaking)
        .chain(failed)
        .collect()
}

impl SeenLine {
    /// The line labelled by the message `label`.
    fn new(label: &str, value: Phrase) -> SeenLine {
        SeenLine {
            label: Phrase::new(label, Facts::new()),
            value,
        }
    }
}

/// A time as the summary prints it: one decimal, or `none` when the phase
/// never happened (the catalogue says a dash).
fn ms(value: Option<f64>) -> Fact {
    value.map_or_else(|| Fact::from("none"), tenths)
}

/// One decimal, always written (`12.0`, not `12`), so a column of times
/// reads alike in every language.
fn tenths(value: f64) -> Fact {
    Fact::Text(format!("{value:.1}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Language;

    fn passed() -> CheckReport {
        let mut report = CheckReport {
            url: "wss://localhost:8443/ws".to_owned(),
            ok: true,
            ..CheckReport::default()
        };
        report.phases_ms.dns = Some(0.5);
        report.phases_ms.tcp = Some(0.1);
        report.round_trips_ms = vec![1.0];
        report.close_code = Some(1000);
        report
    }

    #[test]
    fn a_passed_check_says_what_answered_and_each_thing_seen() {
        let summary = summary(&passed());
        let said: Vec<String> = summary
            .lines
            .iter()
            .map(|line| {
                let english = Language::En;
                let label = english.say_phrase(&line.label);
                format!("{label}: {}", english.say_phrase(&line.value))
            })
            .collect();
        assert_eq!(
            Language::En.say_phrase(&summary.verdict),
            "✓ wss://localhost:8443/ws — connected, 1 of 1 message answered, closed cleanly (1000)"
        );
        assert_eq!(
            said,
            [
                "phases: dns 0.5 ms · tcp 0.1 ms · tls – · upgrade – · first answer –",
                "subprotocol: none",
            ]
        );
    }

    #[test]
    fn a_failed_check_says_its_failure_and_no_lines() {
        let mut report = passed();
        report.ok = false;
        report.failure = Some(CheckFailure::Refused { port: 8443 });
        let summary = summary(&report);
        assert!(summary.lines.is_empty());
        let korean = Language::Ko.say_phrase(&summary.verdict);
        assert!(
            korean.starts_with("✗ wss://localhost:8443/ws — ") && korean.contains("8443"),
            "{korean}"
        );
    }
}
