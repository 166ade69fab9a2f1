//! The TLS handshake itself: alerts, versions and ciphers, broken servers.

use super::Rule;
use crate::diagnose::{Evidence, Timings};
use crate::finding::{Code, Finding};
use crate::i18n::Fact;
use crate::probe::hello::{self, HelloAnswer, ServerHello};
use crate::probe::http::ResponseFailure;
use crate::probe::sniff::Speech;
use crate::probe::tls::TlsFailure;

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
    // Reset before the server said anything: `connection-reset`.
    if explained(evidence) || super::speech::reset_at_once(evidence) {
        return Vec::new();
    }
    let speech = evidence.bytes.as_ref().map(|b| &b.speech);
    let spoke_tls = matches!(speech, Some(Speech::Tls { .. }));
    if !matches!(speech, None | Some(Speech::Nothing | Speech::Tls { .. })) {
        return Vec::new();
    }
    let finding = Finding::error(Code::TlsHandshakeFailed);
    let finding = match failure {
        // Silence from the start is a silent server, not a TLS problem.
        TlsFailure::TimedOut if !spoke_tls => return Vec::new(),
        TlsFailure::NoCertificate | TlsFailure::MessageTooLarge => return Vec::new(),
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

/// Whether a more specific rule names why the handshake failed.
fn explained(evidence: &Evidence) -> bool {
    client_cert_refused(evidence)
        || old_version(evidence).is_some()
        || legacy_suite(evidence).is_some()
        || super::certificate::weak_key_failed(evidence)
}

/// What the server chose when offered everything up to TLS 1.2.
fn chosen(evidence: &Evidence) -> Option<&ServerHello> {
    match &evidence.offered_everything {
        Some(HelloAnswer::Hello(hello)) => Some(hello),
        _ => None,
    }
}

/// The old version a server that failed the handshake chose.
fn old_version(evidence: &Evidence) -> Option<&ServerHello> {
    evidence.tls_failure.as_ref()?;
    chosen(evidence).filter(|hello| is_old(&hello.version))
}

fn is_old(version: &str) -> bool {
    matches!(version, "SSLv3" | "TLSv1" | "TLSv1.1")
}

/// The legacy suite a server that failed the handshake chose at TLS 1.2.
fn legacy_suite(evidence: &Evidence) -> Option<&ServerHello> {
    evidence.tls_failure.as_ref()?;
    chosen(evidence).filter(|hello| {
        !is_old(&hello.version) && hello::suite_family(hello.cipher_code) != "modern"
    })
}

/// Whether the server asked for a client certificate, none was given, and
/// the exchange failed for it: an alert, a closed connection, or nginx's
/// "No required SSL certificate was sent".
pub(super) fn client_cert_refused(evidence: &Evidence) -> bool {
    let nginx = evidence
        .response
        .as_ref()
        .is_some_and(|head| head.status == 400 && head.body_start.contains(NGINX_NO_CERTIFICATE));
    let asked = evidence.client_cert_requested.is_some() && !evidence.client_cert_given;
    let failed = evidence.tls_failure.is_some()
        || matches!(
            evidence.response_failure,
            Some(ResponseFailure::Closed | ResponseFailure::Failed { .. })
        );
    nginx || (asked && failed)
}

/// What nginx answers a client that sent no certificate to `ssl_verify_client on`.
pub(super) const NGINX_NO_CERTIFICATE: &str = "No required SSL certificate was sent";

/// The server wants a client certificate (mutual TLS) and none was given.
pub(super) const CLIENT_CERT_REQUIRED: Rule = Rule {
    name: "tls-client-cert-required",
    codes: &[Code::TlsClientCertRequired],
    check: client_cert_required,
};

fn client_cert_required(evidence: &Evidence, _: &Timings) -> Vec<Finding> {
    if !client_cert_refused(evidence) {
        return Vec::new();
    }
    let authorities = evidence.client_cert_requested.clone().unwrap_or_default();
    vec![
        Finding::error(Code::TlsClientCertRequired)
            .with("authority_count", authorities.len())
            .with("authorities", authorities)
            .with("url", &evidence.target.url),
    ]
}

/// The server speaks only versions current clients refuse.
pub(super) const VERSION_TOO_OLD: Rule = Rule {
    name: "tls-version-too-old",
    codes: &[Code::TlsVersionTooOld],
    check: version_too_old,
};

fn version_too_old(evidence: &Evidence, _: &Timings) -> Vec<Finding> {
    let Some(hello) = old_version(evidence) else {
        return Vec::new();
    };
    vec![
        Finding::error(Code::TlsVersionTooOld)
            .with("version", &hello.version)
            .with("cipher", &hello.cipher),
    ]
}

/// The handshake works, and the server still takes TLS 1.0/1.1 too.
pub(super) const LEGACY_VERSIONS: Rule = Rule {
    name: "tls-legacy-versions",
    codes: &[Code::TlsLegacyVersions],
    check: legacy_versions,
};

fn legacy_versions(evidence: &Evidence, _: &Timings) -> Vec<Finding> {
    let Some(HelloAnswer::Hello(hello)) = &evidence.offered_legacy else {
        return Vec::new();
    };
    if evidence.tls.is_none() || !is_old(&hello.version) {
        return Vec::new();
    }
    vec![Finding::warning(Code::TlsLegacyVersions).with("version", &hello.version)]
}

/// The server has only suites current clients refuse.
pub(super) const NO_SHARED_CIPHER: Rule = Rule {
    name: "tls-no-shared-cipher",
    codes: &[Code::TlsNoSharedCipher],
    check: no_shared_cipher,
};

fn no_shared_cipher(evidence: &Evidence, _: &Timings) -> Vec<Finding> {
    let Some(hello) = legacy_suite(evidence) else {
        return Vec::new();
    };
    // Groups under 2048 bits fall to precomputation (Logjam).
    let group = match hello.dh_bits {
        None => "unknown",
        Some(bits) if bits < 2048 => "small",
        Some(_) => "strong",
    };
    vec![
        Finding::error(Code::TlsNoSharedCipher)
            .with("cipher", &hello.cipher)
            .with("family", hello::suite_family(hello.cipher_code))
            .with("dh_bits", hello.dh_bits.unwrap_or(0))
            .with("group", group),
    ]
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
        evidence.chain = vec![fixtures::cert("CN=localhost", "CN=localhost", "Ed448")];
        let found = handshake_failed(&evidence, &Timings::default());
        assert_eq!(found[0].facts.text("key"), Some("Ed448"));
        // An RSA-512 key is named by its own rule instead.
        evidence.chain = vec![fixtures::cert("CN=localhost", "CN=localhost", "RSA 512")];
        assert!(handshake_failed(&evidence, &Timings::default()).is_empty());
    }

    #[test]
    fn the_raw_hello_names_old_versions_and_legacy_suites() {
        let old = fixtures::by_code(Code::TlsVersionTooOld);
        assert_eq!(
            version_too_old(&old, &Timings::default())[0]
                .facts
                .text("version"),
            Some("TLSv1")
        );
        assert!(handshake_failed(&old, &Timings::default()).is_empty());
        assert!(no_shared_cipher(&old, &Timings::default()).is_empty());
        let cipher = fixtures::by_code(Code::TlsNoSharedCipher);
        let found = no_shared_cipher(&cipher, &Timings::default());
        assert_eq!(found[0].facts.text("family"), Some("static-rsa"));
        assert_eq!(
            found[0].facts.text("cipher"),
            Some("TLS_RSA_WITH_AES_128_CBC_SHA")
        );
        let legacy = fixtures::by_code(Code::TlsLegacyVersions);
        let found = legacy_versions(&legacy, &Timings::default());
        assert_eq!(found[0].severity, crate::finding::Severity::Warning);
        assert_eq!(found[0].facts.text("version"), Some("TLSv1.1"));
    }

    #[test]
    fn a_missing_client_certificate_is_named_with_the_cas_asked_for() {
        let nginx = fixtures::by_code(Code::TlsClientCertRequired);
        let found = client_cert_required(&nginx, &Timings::default());
        assert_eq!(
            found[0].facts.get("authorities"),
            Some(&Fact::List(vec!["CN=Client CA,O=Example".into()]))
        );
        let mut given = nginx.clone();
        given.client_cert_given = true;
        given.response = None;
        given.tls_failure = Some(TlsFailure::Other);
        assert!(client_cert_required(&given, &Timings::default()).is_empty());
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
