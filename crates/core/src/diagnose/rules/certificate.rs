//! The certificate chain: validity, names, trust, and chains that do not verify.

use super::Rule;
use crate::diagnose::evidence::{CertificateCheck, Verdict};
use crate::diagnose::{Evidence, Timings};
use crate::finding::{Code, Finding};
use crate::probe::cert::CertInfo;
use crate::probe::tls::TlsFailure;
use crate::proxy::Route;

/// Warn this many days before a certificate expires.
const EXPIRY_WARNING_DAYS: i64 = 30;

/// The checked chain: the verdict, the leaf and the rest.
fn checked(evidence: &Evidence) -> Option<(&CertificateCheck, &CertInfo)> {
    Some((evidence.certificate.as_ref()?, evidence.chain.first()?))
}

/// A span of seconds as the catalogue's `time-span` reads it: whole days,
/// and whole hours for spans under a day.
fn span(finding: Finding, seconds: i64) -> Finding {
    let seconds = seconds.max(0);
    finding
        .with("days", u64::try_from(seconds / 86_400).unwrap_or(0))
        .with("hours", u64::try_from(seconds / 3_600).unwrap_or(0))
}

/// No certificate, or none that parses.
pub(super) const UNREADABLE: Rule = Rule {
    name: "cert-unreadable",
    codes: &[Code::CertUnreadable],
    check: unreadable,
};

fn unreadable(evidence: &Evidence, _: &Timings) -> Vec<Finding> {
    let presented = match (&evidence.certificate, &evidence.tls_failure) {
        (_, Some(TlsFailure::NoCertificate)) => 0,
        (Some(check), _) if evidence.chain.is_empty() => check.presented,
        _ => return Vec::new(),
    };
    vec![Finding::error(Code::CertUnreadable).with("count", presented)]
}

/// The leaf's validity window: expired, not yet valid, or ending soon.
pub(super) const VALIDITY: Rule = Rule {
    name: "cert-validity",
    codes: &[
        Code::CertExpired,
        Code::CertNotYetValid,
        Code::CertExpiringSoon,
    ],
    check: validity,
};

fn validity(evidence: &Evidence, _: &Timings) -> Vec<Finding> {
    let Some((_, leaf)) = checked(evidence) else {
        return Vec::new();
    };
    let now = evidence.checked_at;
    let finding = if now > leaf.not_after_unix {
        span(Finding::error(Code::CertExpired), now - leaf.not_after_unix)
    } else if now < leaf.not_before_unix {
        span(
            Finding::error(Code::CertNotYetValid),
            leaf.not_before_unix - now,
        )
    } else if ending_soon(leaf, now) {
        span(
            Finding::warning(Code::CertExpiringSoon),
            leaf.not_after_unix - now,
        )
    } else {
        return Vec::new();
    };
    vec![
        finding
            .with("subject", leaf.label())
            .with("not_before", &leaf.not_before)
            .with("not_after", &leaf.not_after),
    ]
}

/// Whether the leaf ends within [`EXPIRY_WARNING_DAYS`] and has less than
/// a third of its life left: ACME clients renew at two thirds (Caddy's
/// 12-hour internal certificates, 6-day and 90-day public ones), so a
/// short-lived certificate with most of its life ahead is normal, not
/// expiring.
fn ending_soon(leaf: &CertInfo, now: i64) -> bool {
    let left = leaf.not_after_unix - now;
    let life = leaf.not_after_unix - leaf.not_before_unix;
    left < EXPIRY_WARNING_DAYS * 86_400 && left.saturating_mul(3) < life
}

/// No name in the leaf matches the host.
pub(super) const HOSTNAME: Rule = Rule {
    name: "cert-hostname-mismatch",
    codes: &[Code::CertHostnameMismatch],
    check: hostname,
};

fn hostname(evidence: &Evidence, _: &Timings) -> Vec<Finding> {
    let Some((check, leaf)) = checked(evidence) else {
        return Vec::new();
    };
    if check.name_matches {
        return Vec::new();
    }
    let names = leaf.names();
    vec![
        Finding::error(Code::CertHostnameMismatch)
            .with("host", &evidence.target.host)
            .with("name_count", names.len())
            .with("names", names),
    ]
}

/// An intermediate outside its validity, while the leaf is fine.
pub(super) const CHAIN_VALIDITY: Rule = Rule {
    name: "cert-chain-outside-validity",
    codes: &[Code::CertChainOutsideValidity],
    check: chain_validity,
};

fn chain_validity(evidence: &Evidence, _: &Timings) -> Vec<Finding> {
    let Some((check, leaf)) = checked(evidence) else {
        return Vec::new();
    };
    let now = evidence.checked_at;
    let outside = |cert: &CertInfo| now > cert.not_after_unix || now < cert.not_before_unix;
    if !matches!(check.verdict, Verdict::Expired | Verdict::NotYetValid) || outside(leaf) {
        return Vec::new();
    }
    let Some(bad) = evidence.chain.iter().skip(1).find(|cert| outside(cert)) else {
        return Vec::new();
    };
    vec![
        Finding::error(Code::CertChainOutsideValidity)
            .with(
                "state",
                if now > bad.not_after_unix {
                    "expired"
                } else {
                    "not-yet-valid"
                },
            )
            .with("subject", bad.label())
            .with("not_before", &bad.not_before)
            .with("not_after", &bad.not_after),
    ]
}

/// A chain that does not verify for a reason other than trust, time or name.
pub(super) const REJECTED: Rule = Rule {
    name: "cert-rejected",
    codes: &[Code::CertRejected],
    check: rejected,
};

fn rejected(evidence: &Evidence, _: &Timings) -> Vec<Finding> {
    let Some((check, leaf)) = checked(evidence) else {
        return Vec::new();
    };
    let last = evidence.chain.last().unwrap_or(leaf);
    let reason = match check.verdict {
        // What `openssl req -x509` makes unless told CA:FALSE.
        Verdict::Other if leaf.is_ca => "ca-as-leaf",
        // A trusted root has the issuer's name but did not sign: the CA was
        // made again under the same name, with a new key.
        Verdict::BadSignature if check.issuer_trusted => "remade-ca",
        Verdict::BadSignature => "bad-signature",
        Verdict::UnsupportedSignature => "unsupported-signature",
        Verdict::BadEncoding => "bad-encoding",
        Verdict::WrongPurpose => "wrong-purpose",
        Verdict::Revoked => "revoked",
        Verdict::Other => "other",
        Verdict::Trusted
        | Verdict::UnknownIssuer
        | Verdict::Expired
        | Verdict::NotYetValid
        | Verdict::NameMismatch => return Vec::new(),
    };
    // A lone self-signed certificate fails on its own signature when a
    // trusted root happens to share its name: the trust rule names it.
    if lone_self_signed(evidence) && reason != "ca-as-leaf" {
        return Vec::new();
    }
    // A weak signature or key is named by its own rule.
    if weak_signature_of(evidence).is_some() || weak_key_of(evidence).is_some() {
        return Vec::new();
    }
    vec![
        Finding::error(Code::CertRejected)
            .with("reason", reason)
            .with("subject", leaf.label())
            .with("issuer", &last.issuer)
            .with("signature", &leaf.signature),
    ]
}

/// Whether the chain is one certificate that issued itself.
fn lone_self_signed(evidence: &Evidence) -> bool {
    evidence.chain.len() == 1 && evidence.chain[0].self_issued
}

fn is_weak_signature(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.contains("sha1") || lower.contains("md5") || lower.contains("md2")
}

/// Where a certificate sits in the chain, for the words.
fn position(index: usize) -> &'static str {
    if index == 0 { "leaf" } else { "intermediate" }
}

/// The first certificate signed with SHA-1 or MD5 (a root's own signature
/// does not count: clients trust the root itself, not its signature).
fn weak_signature_of(evidence: &Evidence) -> Option<(usize, &CertInfo)> {
    evidence.chain.iter().enumerate().find(|(index, cert)| {
        is_weak_signature(&cert.signature) && (*index == 0 || !cert.self_issued)
    })
}

/// The first certificate with an RSA or DSA key under 2048 bits.
fn weak_key_of(evidence: &Evidence) -> Option<(usize, &CertInfo)> {
    evidence
        .chain
        .iter()
        .enumerate()
        .find(|(_, cert)| cert.rsa_bits().is_some_and(|bits| bits < 2048))
}

/// Whether a weak key explains a failed handshake (the server could not
/// sign with it, or its signature was refused).
pub(super) fn weak_key_failed(evidence: &Evidence) -> bool {
    evidence.tls_failure.is_some() && weak_key_of(evidence).is_some()
}

/// A certificate signed with SHA-1 or MD5.
pub(super) const WEAK_SIGNATURE: Rule = Rule {
    name: "cert-weak-signature",
    codes: &[Code::CertWeakSignature],
    check: weak_signature,
};

fn weak_signature(evidence: &Evidence, _: &Timings) -> Vec<Finding> {
    let Some((index, cert)) = weak_signature_of(evidence) else {
        return Vec::new();
    };
    vec![
        Finding::error(Code::CertWeakSignature)
            .with("subject", cert.label())
            .with("position", position(index))
            .with("signature", &cert.signature),
    ]
}

/// A key too small (or of a type) clients refuse.
pub(super) const WEAK_KEY: Rule = Rule {
    name: "cert-weak-key",
    codes: &[Code::CertWeakKey],
    check: weak_key,
};

fn weak_key(evidence: &Evidence, _: &Timings) -> Vec<Finding> {
    let Some((index, cert)) = weak_key_of(evidence) else {
        return Vec::new();
    };
    vec![
        Finding::error(Code::CertWeakKey)
            .with("subject", cert.label())
            .with("position", position(index))
            .with("key", &cert.key)
            .with("bits", cert.rsa_bits().unwrap_or(0)),
    ]
}

/// A Certificate message over what clients accept.
pub(super) const TOO_LARGE: Rule = Rule {
    name: "cert-too-large",
    codes: &[Code::CertTooLarge],
    check: too_large,
};

/// The largest handshake message rustls accepts, in KiB (OpenSSL takes
/// 100 KiB of certificates, Java 32 KiB by default).
const HANDSHAKE_LIMIT_KIB: u32 = 64;

/// More names than any certificate needs: a multi-tenant SAN list.
const MANY_NAMES: usize = 1000;

fn too_large(evidence: &Evidence, _: &Timings) -> Vec<Finding> {
    if evidence.tls_failure != Some(TlsFailure::MessageTooLarge) {
        return Vec::new();
    }
    let seen = match &evidence.offered_everything {
        Some(crate::probe::hello::HelloAnswer::Hello(hello)) => hello.certificate_bytes,
        _ => None,
    };
    let names = evidence
        .chain
        .first()
        .map_or(0, |leaf| leaf.dns_names.len() + leaf.ip_addresses.len());
    // What makes the message large, when the raw hello saw the chain.
    let cause = if names > MANY_NAMES {
        "names"
    } else if evidence.chain.len() > 4 {
        "bundle"
    } else {
        "unknown"
    };
    let finding = Finding::error(Code::CertTooLarge)
        .with("limit_kib", HANDSHAKE_LIMIT_KIB)
        .with("names", names)
        .with("cause", cause);
    vec![match seen {
        Some(bytes) => finding
            .with("size", "known")
            .with("size_kib", bytes.div_ceil(1024))
            .with("certificates", evidence.chain.len()),
        None => finding.with("size", "unknown"),
    }]
}

/// A chain this client does not trust: self-signed, missing its
/// intermediate, or issued by an unknown CA.
pub(super) const TRUST: Rule = Rule {
    name: "cert-trust",
    codes: &[
        Code::CertSelfSigned,
        Code::CertChainIncomplete,
        Code::CertUntrustedIssuer,
    ],
    check: trust,
};

fn trust(evidence: &Evidence, _: &Timings) -> Vec<Finding> {
    let Some((check, leaf)) = checked(evidence) else {
        return Vec::new();
    };
    // A signature or key clients refuse is what failed, and its own rule
    // names it; whether the issuer is trusted cannot be told then.
    let weak = weak_signature_of(evidence).is_some() || weak_key_of(evidence).is_some();
    if check.verdict == Verdict::UnsupportedSignature && weak {
        return Vec::new();
    }
    let trusted = match check.verdict {
        Verdict::Trusted => true,
        Verdict::UnknownIssuer => false,
        // The time or name is what failed; whether the issuer is trusted
        // shows in the leaf alone.
        Verdict::Expired | Verdict::NotYetValid | Verdict::NameMismatch => {
            !leaf.self_issued || check.leaf_trusted
        }
        // A CA certificate served as the server's own fails on that first
        // (the rejection rule names it); a self-signed one may be trusted.
        Verdict::Other if leaf.is_ca => !lone_self_signed(evidence) || check.leaf_trusted,
        _ => !lone_self_signed(evidence),
    };
    if trusted {
        return Vec::new();
    }
    if lone_self_signed(evidence) {
        return vec![Finding::error(Code::CertSelfSigned).with("subject", leaf.label())];
    }
    let last = evidence.chain.last().unwrap_or(leaf);
    let untrusted = |cause| {
        vec![
            Finding::error(Code::CertUntrustedIssuer)
                .with("issuer", &last.issuer)
                .with("cause", cause),
        ]
    };
    if forged(evidence) {
        // Not the server's root: the interception rule names whose.
        return untrusted("re-signed");
    }
    if last.self_issued {
        // The server sent the root itself; this client does not trust it.
        return untrusted("root");
    }
    match intermediate_sign(last, check) {
        Some(sign) => vec![
            Finding::error(Code::CertChainIncomplete)
                .with("count", evidence.chain.len())
                .with("last_subject", &last.subject)
                .with("last_issuer", &last.issuer)
                .with("sign", sign)
                .with("root", check.issuer_sibling_root.as_deref().unwrap_or("")),
        ],
        // Nothing tells a root this client does not trust from an
        // intermediate left out; the words say both, the root first.
        None => untrusted("unseen"),
    }
}

/// Words in a CA's name that mark an intermediate (lower case).
const INTERMEDIATE_WORDS: &[&str] = &["intermediate", "issuing", "subordinate", "sub ca", "sub-ca"];

/// What says that the unseen issuer of `last` is an intermediate rather
/// than a root: the certificate names where to fetch its issuer (public
/// CAs' leaves do), a trusted root of the same organisation, or the
/// issuer's name. An intermediate sent without its issuer most likely
/// stops below a root, so only a sibling root speaks for it.
fn intermediate_sign(last: &CertInfo, check: &CertificateCheck) -> Option<&'static str> {
    let named = || {
        let issuer = last.issuer.to_lowercase();
        INTERMEDIATE_WORDS.iter().any(|word| issuer.contains(word))
    };
    if check.issuer_sibling_root.is_some() {
        Some("sibling")
    } else if last.is_ca {
        None
    } else if last.names_issuer_location {
        Some("aia")
    } else if named() {
        Some("name")
    } else {
        None
    }
}

/// The server serves another certificate than the one expected (renewed
/// on disk, not reloaded).
pub(super) const NOT_RELOADED: Rule = Rule {
    name: "cert-not-reloaded",
    codes: &[Code::CertNotReloaded],
    check: not_reloaded,
};

fn not_reloaded(evidence: &Evidence, _: &Timings) -> Vec<Finding> {
    let (Some(expected), Some(served)) = (&evidence.expected, evidence.chain.first()) else {
        return Vec::new();
    };
    if served.serial == expected.serial && served.subject == expected.subject {
        return Vec::new();
    }
    let renewed = expected.not_after_unix > served.not_after_unix;
    vec![
        Finding::error(Code::CertNotReloaded)
            .with("served_serial", &served.serial)
            .with("served_not_after", &served.not_after)
            .with("expected_serial", &expected.serial)
            .with("expected_not_after", &expected.not_after)
            .with("newer", if renewed { "yes" } else { "no" }),
    ]
}

/// The server staples an OCSP response that says its certificate is
/// revoked: Firefox refuses it, and clients that do not look still connect.
pub(super) const REVOKED: Rule = Rule {
    name: "cert-revoked",
    codes: &[Code::CertRevoked],
    check: revoked,
};

fn revoked(evidence: &Evidence, _: &Timings) -> Vec<Finding> {
    let (Some(staple), Some(leaf)) = (&evidence.stapled, evidence.chain.first()) else {
        return Vec::new();
    };
    let Some((at, reason)) = staple.revocation_of(&leaf.serial) else {
        return Vec::new();
    };
    vec![
        Finding::error(Code::CertRevoked)
            .with("subject", leaf.label())
            .with("serial", &leaf.serial)
            .with("at", at)
            .with("reason", reason.unwrap_or("unspecified")),
    ]
}

/// Names of TLS-inspection products, as their re-signing roots call
/// themselves (lower case).
const INSPECTION_ROOTS: &[&str] = &[
    "zscaler",
    "fortinet",
    "fortigate",
    "palo alto",
    "netskope",
    "blue coat",
    "bluecoat",
    "cisco umbrella",
    "opendns",
    "forcepoint",
    "websense",
    "sophos",
    "check point",
    "checkpoint",
    "barracuda",
    "mcafee web gateway",
    "skyhigh",
    "menlo security",
    "iboss",
    "lightspeed",
    "securly",
    "kaspersky anti-virus personal root",
    "eset ssl filter",
    "avast",
    "bitdefender",
];

/// The product a chain's root is named after, when it is a TLS-inspection one.
fn inspection_product(evidence: &Evidence) -> Option<&'static str> {
    let top = evidence.chain.last()?;
    let names = format!("{} {}", top.issuer, top.subject).to_ascii_lowercase();
    INSPECTION_ROOTS
        .iter()
        .copied()
        .find(|name| names.contains(name))
}

/// Whether the leaf carries its issuer's own public key (the issuer sent
/// in the chain): no CA gives a server its key, an interception proxy
/// forges so.
fn forged(evidence: &Evidence) -> bool {
    let Some((leaf, rest)) = evidence.chain.split_first() else {
        return false;
    };
    !leaf.key_sha256.is_empty()
        && rest
            .iter()
            .any(|issuer| issuer.subject == leaf.issuer && issuer.key_sha256 == leaf.key_sha256)
}

/// A chain re-signed between the client and the server: its root is a
/// TLS-inspection product's, or its leaf carries its issuer's own key —
/// no CA gives a server its key, an interception proxy forges so (Squid's
/// ssl_bump, mitmproxy), whatever the vendor.
pub(super) const INTERCEPTED: Rule = Rule {
    name: "tls-intercepted",
    codes: &[Code::TlsIntercepted],
    check: intercepted,
};

fn intercepted(evidence: &Evidence, _: &Timings) -> Vec<Finding> {
    let Some(top) = evidence.chain.last() else {
        return Vec::new();
    };
    let product = inspection_product(evidence);
    if product.is_none() && !forged(evidence) {
        return Vec::new();
    }
    let proxy = match &evidence.route {
        Some(Route::Proxy { proxy, .. }) => proxy.as_str(),
        _ => "",
    };
    // Inside the re-signed connection the proxy reads the HTTP, and an
    // upgrade it does not let through gets no `101`.
    let upgrade_lost = evidence.target.scheme.is_websocket()
        && evidence.ws_key.is_some()
        && evidence
            .response
            .as_ref()
            .is_none_or(|head| head.status != 101);
    vec![
        Finding::warning(Code::TlsIntercepted)
            .with("product", product.unwrap_or_default())
            .with("how", if product.is_some() { "root" } else { "key" })
            .with("root", &top.issuer)
            .with("host", &evidence.target.host)
            .with("proxy", proxy)
            .with("has_proxy", if proxy.is_empty() { "no" } else { "yes" })
            .with("upgrade_lost", if upgrade_lost { "yes" } else { "no" }),
    ]
}

#[cfg(test)]
mod tests {
    use super::super::fixtures;
    use super::*;
    use crate::probe::ocsp::{Staple, Stapled};

    #[test]
    fn only_a_stapled_revocation_is_called_revoked() {
        let mut evidence = fixtures::by_code(Code::CertRevoked);
        let found = revoked(&evidence, &Timings::default());
        assert_eq!(found[0].facts.text("reason"), Some("keyCompromise"));
        assert_eq!(found[0].facts.text("serial"), Some("0a"));
        let staple = evidence.stapled.clone().expect("a staple");
        let other = Staple {
            serial: "0b".into(),
            ..staple.clone()
        };
        let statuses = [Stapled::Good, Stapled::Unknown, Stapled::Unreadable];
        let not_revoked = statuses.into_iter().map(|status| Staple {
            status,
            ..staple.clone()
        });
        for stapled in not_revoked.chain([other]).map(Some).chain([None]) {
            evidence.stapled = stapled;
            assert!(revoked(&evidence, &Timings::default()).is_empty());
        }
    }

    #[test]
    fn a_certificate_expired_thirty_hours_ago_expired_one_day_ago() {
        let mut evidence = fixtures::by_code(Code::CertExpired);
        evidence.chain[0].not_after_unix = evidence.checked_at - 30 * 3600;
        let found = validity(&evidence, &Timings::default());
        assert_eq!(found[0].code, Code::CertExpired);
        assert_eq!(found[0].facts.whole("days"), Some(1));
        let title = found[0].words(crate::i18n::Language::En).title;
        assert_eq!(title, "The certificate expired one day ago");
        evidence.chain[0].not_after_unix = evidence.checked_at - 5 * 3600;
        let title = validity(&evidence, &Timings::default())[0]
            .words(crate::i18n::Language::En)
            .title;
        assert_eq!(title, "The certificate expired 5 hours ago");
    }

    #[test]
    fn a_short_lived_certificate_is_expiring_only_in_the_last_third_of_its_life() {
        // Caddy's internal CA: 12 hours, renewed by Caddy itself; its leaf
        // has an empty subject.
        let mut evidence = fixtures::by_code(Code::CertExpiringSoon);
        let now = evidence.checked_at;
        let leaf = &mut evidence.chain[0];
        leaf.subject.clear();
        leaf.not_before_unix = now - 3600;
        leaf.not_after_unix = now + 11 * 3600;
        assert!(validity(&evidence, &Timings::default()).is_empty());
        evidence.chain[0].not_before_unix = now - 10 * 3600;
        evidence.chain[0].not_after_unix = now + 2 * 3600;
        let found = validity(&evidence, &Timings::default());
        assert_eq!(found[0].code, Code::CertExpiringSoon);
        // Named by its first name, not left blank.
        assert_eq!(found[0].facts.text("subject"), Some("localhost"));
        let words = found[0].words(crate::i18n::Language::En).explanation;
        assert!(words.contains("for localhost is valid"), "{words}");
        // A 90-day certificate 20 days before its end is still warned of.
        evidence.chain[0].not_before_unix = now - 70 * 86_400;
        evidence.chain[0].not_after_unix = now + 20 * 86_400;
        assert_eq!(validity(&evidence, &Timings::default()).len(), 1);
    }

    #[test]
    fn an_expired_intermediate_is_not_called_an_expired_certificate() {
        let evidence = fixtures::by_code(Code::CertChainOutsideValidity);
        assert!(validity(&evidence, &Timings::default()).is_empty());
        let found = chain_validity(&evidence, &Timings::default());
        assert_eq!(found[0].facts.text("state"), Some("expired"));
        assert_eq!(found[0].facts.text("subject"), Some("CN=Test Intermediate"));
    }

    #[test]
    fn a_lone_self_signed_certificate_is_self_signed_whatever_the_verdict() {
        let mut evidence = fixtures::by_code(Code::CertSelfSigned);
        for verdict in [Verdict::UnknownIssuer, Verdict::BadSignature] {
            if let Some(check) = evidence.certificate.as_mut() {
                check.verdict = verdict;
            }
            let found = trust(&evidence, &Timings::default());
            assert_eq!(found[0].code, Code::CertSelfSigned);
            assert!(rejected(&evidence, &Timings::default()).is_empty());
        }
    }

    #[test]
    fn a_weak_signature_or_key_is_named_not_called_rejected() {
        let evidence = fixtures::by_code(Code::CertWeakSignature);
        assert!(rejected(&evidence, &Timings::default()).is_empty());
        let found = weak_signature(&evidence, &Timings::default());
        assert_eq!(
            found[0].facts.text("signature"),
            Some("sha1WithRSAEncryption")
        );
        assert_eq!(found[0].facts.text("position"), Some("leaf"));
        let evidence = fixtures::by_code(Code::CertWeakKey);
        assert!(rejected(&evidence, &Timings::default()).is_empty());
        let found = weak_key(&evidence, &Timings::default());
        assert_eq!(found[0].facts.whole("bits"), Some(1024));
        // A weak key explains a failed handshake; a strong one does not.
        let mut failed = fixtures::evidence("wss://localhost:8443/ws");
        failed.tls_failure = Some(TlsFailure::Other);
        failed.chain = vec![fixtures::cert("CN=localhost", "CN=localhost", "RSA 512")];
        assert!(weak_key_failed(&failed));
        failed.chain = vec![fixtures::cert("CN=localhost", "CN=localhost", "RSA 4096")];
        assert!(!weak_key_failed(&failed));
    }

    #[test]
    fn a_certificate_message_too_large_says_its_size_when_seen() {
        let found = too_large(&fixtures::by_code(Code::CertTooLarge), &Timings::default());
        assert_eq!(found[0].facts.text("size"), Some("unknown"));
        let mut evidence = fixtures::by_code(Code::CertTooLarge);
        evidence.offered_everything = Some(crate::probe::hello::HelloAnswer::Hello(
            crate::probe::hello::ServerHello {
                certificate_bytes: Some(300_000),
                ..fixtures::server_hello("TLSv1.2", 0xc02f)
            },
        ));
        let found = too_large(&evidence, &Timings::default());
        assert_eq!(found[0].facts.whole("size_kib"), Some(293));
    }

    #[test]
    fn a_missing_intermediate_is_told_by_location_organisation_or_name() {
        let sign_and_cause = |evidence: &Evidence| {
            let found = trust(evidence, &Timings::default());
            let code = found[0].code;
            let sign = found[0].facts.text("sign").or(found[0].facts.text("cause"));
            (code, sign.map(str::to_owned))
        };
        let mut evidence = fixtures::by_code(Code::CertChainIncomplete);
        let incomplete = |sign: &str| (Code::CertChainIncomplete, Some(sign.to_owned()));
        let untrusted = |cause: &str| (Code::CertUntrustedIssuer, Some(cause.to_owned()));
        assert_eq!(sign_and_cause(&evidence), incomplete("aia"));
        evidence.chain[0].names_issuer_location = false;
        assert_eq!(sign_and_cause(&evidence), incomplete("name"));
        evidence.chain[0].issuer = "CN=Example Web CA,O=Example Corp".into();
        assert_eq!(sign_and_cause(&evidence), untrusted("unseen"));
        if let Some(check) = evidence.certificate.as_mut() {
            check.issuer_sibling_root = Some("CN=Example Root CA,O=Example Corp".into());
        }
        assert_eq!(sign_and_cause(&evidence), incomplete("sibling"));
    }

    #[test]
    fn a_ca_certificate_served_as_the_leaf_is_named_and_trust_said_apart() {
        let evidence = fixtures::named("cert-rejected/ca-as-leaf");
        let found = rejected(&evidence, &Timings::default());
        assert_eq!(found[0].facts.text("reason"), Some("ca-as-leaf"));
        assert!(
            trust(&evidence, &Timings::default()).is_empty(),
            "trusted with --ca"
        );
        let untrusted = fixtures::named("cert-self-signed/ca-as-leaf");
        assert_eq!(rejected(&untrusted, &Timings::default()).len(), 1);
        assert_eq!(
            trust(&untrusted, &Timings::default())[0].code,
            Code::CertSelfSigned
        );
    }

    #[test]
    fn an_intermediate_sent_without_its_issuer_most_likely_stops_below_a_root() {
        let mut evidence = fixtures::by_code(Code::CertChainIncomplete);
        let mut intermediate =
            fixtures::cert("CN=Test Intermediate", "CN=Test Root", "ECDSA P-256");
        intermediate.is_ca = true;
        intermediate.names_issuer_location = true;
        evidence.chain.push(intermediate);
        let found = trust(&evidence, &Timings::default());
        assert_eq!(found[0].code, Code::CertUntrustedIssuer);
        assert_eq!(found[0].facts.text("cause"), Some("unseen"));
    }

    #[test]
    fn a_renewed_certificate_not_reloaded_shows_both_serials() {
        let evidence = fixtures::by_code(Code::CertNotReloaded);
        let found = not_reloaded(&evidence, &Timings::default());
        assert_eq!(found[0].facts.text("newer"), Some("yes"));
        assert_eq!(found[0].facts.text("served_serial"), Some("01"));
        assert_eq!(found[0].facts.text("expected_serial"), Some("02"));
        let mut same = evidence.clone();
        same.expected = same.chain.first().cloned();
        assert!(not_reloaded(&same, &Timings::default()).is_empty());
    }

    #[test]
    fn an_inspection_proxy_is_named_by_its_root() {
        let found = intercepted(
            &fixtures::by_code(Code::TlsIntercepted),
            &Timings::default(),
        );
        assert_eq!(found[0].facts.text("product"), Some("zscaler"));
        assert_eq!(found[0].severity, crate::finding::Severity::Warning);
        assert!(intercepted(&fixtures::by_code(Code::WsOk), &Timings::default()).is_empty());
    }

    #[test]
    fn a_leaf_with_its_issuers_key_is_named_forged_whatever_the_vendor() {
        let mut evidence = fixtures::named("tls-intercepted/key");
        let found = intercepted(&evidence, &Timings::default());
        assert_eq!(found[0].facts.text("how"), Some("key"));
        assert_eq!(found[0].facts.text("proxy"), Some("http://proxy.corp:3128"));
        assert_eq!(found[0].facts.text("upgrade_lost"), Some("yes"));
        let untrusted = fixtures::named("cert-untrusted-issuer/re-signed");
        let found = trust(&untrusted, &Timings::default());
        assert_eq!(found[0].facts.text("cause"), Some("re-signed"));
        // A leaf with a key of its own is the server's.
        evidence.chain[0].key_sha256 = "the server's own key".into();
        assert!(intercepted(&evidence, &Timings::default()).is_empty());
    }
}
