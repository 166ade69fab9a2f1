//! Reaching the server: the name, the port, and a server still starting.

use super::Rule;
use crate::diagnose::evidence::Connection;
use crate::diagnose::{Evidence, Timings};
use crate::finding::{Code, Finding};
use crate::i18n::Fact;
use crate::probe::dns::DnsError;
use crate::probe::tcp::Reply;

/// The name does not resolve.
pub(super) const DNS_UNRESOLVED: Rule = Rule {
    name: "dns-unresolved",
    codes: &[Code::DnsUnresolved],
    check: dns_unresolved,
};

fn dns_unresolved(evidence: &Evidence, _: &Timings) -> Vec<Finding> {
    let Some(error) = &evidence.dns_error else {
        return Vec::new();
    };
    let finding = Finding::error(Code::DnsUnresolved).with("host", &evidence.target.host);
    vec![match error {
        DnsError::NotFound { reason } => finding.with("cause", "not-found").with("reason", reason),
        DnsError::NoAddresses => finding.with("cause", "no-addresses"),
        DnsError::Timeout => finding
            .with("cause", "timeout")
            .with("timeout_s", Fact::tenths(evidence.timeout_s())),
    }]
}

/// Nothing listens on the port.
pub(super) const TCP_REFUSED: Rule = Rule {
    name: "tcp-refused",
    codes: &[Code::TcpRefused],
    check: tcp_refused,
};

fn tcp_refused(evidence: &Evidence, _: &Timings) -> Vec<Finding> {
    let Some(Connection::Refused { attempts }) = &evidence.connection else {
        return Vec::new();
    };
    let wait_s = evidence.wait_ms.map_or(0.0, |ms| f64::from(ms) / 1000.0);
    vec![
        Finding::error(Code::TcpRefused)
            .with("port", evidence.target.port)
            .with("addresses", evidence.addresses.clone())
            .with("wait_s", Fact::tenths(wait_s))
            .with("attempts", *attempts)
            .with("port_hint", port_hint(evidence)),
    ]
}

/// Spring Boot's usual TLS port is worth naming only when the user asked
/// for TLS on some other port: against 8443 itself, or a plain URL, the
/// hint would blame a port that may well be right.
fn port_hint(evidence: &Evidence) -> &'static str {
    const SPRING_TLS_PORT: u16 = 8443;
    if evidence.target.secure && evidence.target.port != SPRING_TLS_PORT {
        "spring-tls"
    } else {
        "none"
    }
}

/// No answer at all to the connection attempt.
pub(super) const TCP_TIMEOUT: Rule = Rule {
    name: "tcp-timeout",
    codes: &[Code::TcpTimeout],
    check: tcp_timeout,
};

fn tcp_timeout(evidence: &Evidence, _: &Timings) -> Vec<Finding> {
    if evidence.connection != Some(Connection::TimedOut) {
        return Vec::new();
    }
    vec![
        Finding::error(Code::TcpTimeout)
            .with("authority", evidence.target.authority())
            .with("timeout_s", Fact::tenths(evidence.timeout_s())),
    ]
}

/// A network error other than a refusal or a timeout.
pub(super) const TCP_FAILED: Rule = Rule {
    name: "tcp-failed",
    codes: &[Code::TcpFailed],
    check: tcp_failed,
};

fn tcp_failed(evidence: &Evidence, _: &Timings) -> Vec<Finding> {
    let Some(Connection::Failed { error }) = &evidence.connection else {
        return Vec::new();
    };
    // Accepted and reset at once: `connection-reset` says what that means.
    if super::speech::reset_connecting(evidence) {
        return Vec::new();
    }
    vec![
        Finding::error(Code::TcpFailed)
            .with("authority", evidence.target.authority())
            .with("cause", error.cause.as_str())
            .with("detail", &error.detail),
    ]
}

/// Refused at first, accepted within the wait window.
pub(super) const SERVER_NOT_READY: Rule = Rule {
    name: "server-not-ready",
    codes: &[Code::ServerNotReady],
    check: server_not_ready,
};

fn server_not_ready(evidence: &Evidence, _: &Timings) -> Vec<Finding> {
    let Some(Connection::Connected {
        attempts,
        waited_ms: Some(waited),
        ..
    }) = &evidence.connection
    else {
        return Vec::new();
    };
    vec![
        Finding::warning(Code::ServerNotReady)
            .with("port", evidence.target.port)
            .with("waited_s", Fact::tenths(waited / 1000.0))
            .with("attempts", *attempts),
    ]
}

/// The name has IPv4 and IPv6 addresses, and only one family accepts.
pub(super) const ADDRESS_FAMILY_MISMATCH: Rule = Rule {
    name: "address-family-mismatch",
    codes: &[Code::AddressFamilyMismatch],
    check: address_family_mismatch,
};

fn address_family_mismatch(evidence: &Evidence, _: &Timings) -> Vec<Finding> {
    let family = |address: &str| {
        if address.starts_with('[') {
            "IPv6"
        } else {
            "IPv4"
        }
    };
    let Some(accepted) = evidence.replies.iter().find(|r| r.reply == Reply::Accepted) else {
        return Vec::new();
    };
    let accepted_family = family(&accepted.address);
    let other: Vec<_> = evidence
        .replies
        .iter()
        .filter(|r| family(&r.address) != accepted_family)
        .collect();
    // Only when every address of the other family failed.
    let Some(failed) = other
        .first()
        .filter(|_| other.iter().all(|r| r.reply != Reply::Accepted))
    else {
        return Vec::new();
    };
    let first_family = evidence
        .addresses
        .first()
        .map_or(accepted_family, |first| family(first));
    vec![
        Finding::error(Code::AddressFamilyMismatch)
            .with("host", &evidence.target.host)
            .with("port", evidence.target.port)
            .with("accepted_family", accepted_family)
            .with("accepted_address", &accepted.address)
            .with("failed_family", family(&failed.address))
            .with("failed_address", &failed.address)
            .with(
                "how",
                match failed.reply {
                    Reply::Refused => "refused",
                    Reply::TimedOut => "timed-out",
                    Reply::Failed | Reply::Accepted => "failed",
                },
            )
            .with("first_family", first_family),
    ]
}

#[cfg(test)]
mod tests {
    use super::super::fixtures;
    use super::*;

    #[test]
    fn a_refusal_names_the_port_and_the_addresses() {
        let mut evidence = fixtures::evidence("wss://localhost:8443/ws");
        evidence.addresses = vec!["127.0.0.1:8443".into(), "[::1]:8443".into()];
        evidence.connection = Some(Connection::Refused { attempts: 1 });
        let found = tcp_refused(&evidence, &Timings::default());
        assert_eq!(found.len(), 1);
        let facts = &found[0].facts;
        assert_eq!(facts.whole("port"), Some(8443));
        assert_eq!(
            facts.get("addresses"),
            Some(&Fact::List(vec![
                "127.0.0.1:8443".into(),
                "[::1]:8443".into()
            ]))
        );
        assert!(tcp_timeout(&evidence, &Timings::default()).is_empty());
    }

    /// "often 8443, not 8443" blamed the right port: the hint is for a TLS
    /// URL on another port only, and worded as a possibility.
    #[test]
    fn the_spring_port_hint_is_given_only_where_it_can_be_true() {
        let fix = |name: &str| {
            let found = tcp_refused(&fixtures::named(name), &Timings::default());
            crate::i18n::Language::En
                .catalogue()
                .attribute("tcp-refused", "fix", &found[0].facts)
        };
        assert!(
            !fix("tcp-refused").contains("8443"),
            "{}",
            fix("tcp-refused")
        );
        assert!(!fix("tcp-refused/plain").contains("8443"));
        let other = fix("tcp-refused/other-tls-port");
        assert!(other.contains("may listen on another port"), "{other}");
        assert!(other.contains("often 8443"), "{other}");
    }

    #[test]
    fn a_network_error_is_not_called_a_timeout() {
        let evidence = fixtures::by_code(Code::TcpFailed);
        assert!(tcp_timeout(&evidence, &Timings::default()).is_empty());
        let found = tcp_failed(&evidence, &Timings::default());
        assert_eq!(found[0].facts.text("cause"), Some("network-unreachable"));
    }

    #[test]
    fn a_late_server_is_a_warning_with_the_wait() {
        let found = server_not_ready(
            &fixtures::by_code(Code::ServerNotReady),
            &Timings::default(),
        );
        assert_eq!(found[0].severity, crate::finding::Severity::Warning);
        assert_eq!(found[0].facts.get("waited_s"), Some(&Fact::Decimal(1.3)));
    }
}
