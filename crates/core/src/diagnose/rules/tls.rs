//! The TLS handshake itself: alerts, versions and ciphers, broken servers.

use super::Rule;
use crate::diagnose::{Evidence, Timings};
use crate::finding::{Code, Finding};
use crate::i18n::Fact;
use crate::probe::sniff::Speech;
use crate::probe::tls::TlsFailure;

/// The largest handshake message TLS clients accept, in KiB (rustls, like
/// OpenSSL's default for certificate lists, stops at 64 KiB).
const HANDSHAKE_LIMIT_KIB: u32 = 64;

/// A handshake that failed in TLS terms (the speech rules name a port that
/// answered in another protocol, and the certificate rules a missing certificate).
pub(super) const HANDSHAKE_FAILED: Rule = Rule {
    name: "tls-handshake-failed",
    codes: &[Code::TlsHandshakeFailed],
    check: handshake_failed,
};

fn handshake_failed(evidence: &Evidence, _: &Timings) -> Vec<Finding> {
    let Some(failure) = &evidence.tls_failure else {
        return Vec::new();
    };
    let speech = evidence.bytes.as_ref().map(|b| &b.speech);
    let spoke_tls = matches!(speech, Some(Speech::Tls { .. }));
    if !matches!(speech, None | Some(Speech::Nothing | Speech::Tls { .. })) {
        return Vec::new();
    }
    let finding = Finding::error(Code::TlsHandshakeFailed);
    let finding = match failure {
        // Silence from the start is a silent server, not a TLS problem.
        TlsFailure::TimedOut if !spoke_tls => return Vec::new(),
        TlsFailure::NoCertificate => return Vec::new(),
        TlsFailure::TimedOut => finding
            .with("cause", "stalled")
            .with("timeout_s", Fact::tenths(evidence.timeout_s())),
        TlsFailure::Alert { alert, code } => finding
            .with("cause", "alert")
            .with("alert", alert)
            .with("alert_code", u32::from(*code)),
        TlsFailure::Closed => finding.with("cause", "closed"),
        TlsFailure::Reset => finding.with("cause", "reset"),
        TlsFailure::NoCommonVersion => finding.with("cause", "no-common-version"),
        TlsFailure::NoCommonCipher => finding.with("cause", "no-common-cipher"),
        TlsFailure::MessageTooLarge => finding
            .with("cause", "message-too-large")
            .with("limit_kib", HANDSHAKE_LIMIT_KIB),
        TlsFailure::InvalidMessage => finding.with("cause", "invalid-message"),
        TlsFailure::SignatureRejected => finding.with("cause", "signature-rejected").with(
            "key",
            evidence
                .chain
                .first()
                .map_or_else(|| "unknown".to_owned(), |leaf| leaf.key.clone()),
        ),
        TlsFailure::Misbehaved => finding.with("cause", "misbehaved"),
        TlsFailure::Other => finding.with("cause", "other"),
    };
    vec![finding]
}

#[cfg(test)]
mod tests {
    use super::super::fixtures;
    use super::*;

    #[test]
    fn an_alert_is_named_as_the_rfc_names_it() {
        let found = handshake_failed(
            &fixtures::by_code(Code::TlsHandshakeFailed),
            &Timings::default(),
        );
        assert_eq!(found[0].facts.text("cause"), Some("alert"));
        assert_eq!(found[0].facts.text("alert"), Some("handshake_failure"));
        assert_eq!(found[0].facts.whole("alert_code"), Some(40));
    }

    #[test]
    fn a_rejected_signature_names_the_key() {
        let mut evidence = fixtures::evidence("wss://localhost:8443/ws");
        evidence.tls_failure = Some(TlsFailure::SignatureRejected);
        evidence.chain = vec![fixtures::cert("CN=localhost", "CN=localhost", "RSA 512")];
        let found = handshake_failed(&evidence, &Timings::default());
        assert_eq!(found[0].facts.text("key"), Some("RSA 512"));
    }

    #[test]
    fn silence_and_other_protocols_are_left_to_the_speech_rules() {
        let mut evidence = fixtures::evidence("wss://localhost:8443/ws");
        evidence.tls_failure = Some(TlsFailure::TimedOut);
        assert!(handshake_failed(&evidence, &Timings::default()).is_empty());
        assert!(
            handshake_failed(
                &fixtures::by_code(Code::TlsToPlainPort),
                &Timings::default()
            )
            .is_empty()
        );
    }
}
