//! Certificates: every way a chain goes wrong, made with rcgen and served by
//! a real rustls server.

use handshake_core::Options;

use crate::support::{
    self, Ca, Identity, codes, diagnose, diagnose_with, finding, quick, switching,
};

fn trusting(ca: &Ca) -> Options {
    Options {
        ca: vec![ca.cert()],
        ..quick()
    }
}

async fn diagnose_served(identity: &Identity, options: Options) -> handshake_core::Report {
    let server = support::https(identity, switching).await;
    diagnose_with(&format!("wss://localhost:{}/ws", server.port), options).await
}

#[tokio::test]
async fn a_trusted_chain_reaches_the_websocket() {
    let ca = Ca::new("Handshake Test CA");
    let report = diagnose_served(
        &ca.leaf(&["localhost", "127.0.0.1"], -1, 200),
        trusting(&ca),
    )
    .await;
    assert_eq!(codes(&report), ["ws-ok"], "{:#?}", report.findings);
    assert!(report.ok);
    let tls = report.evidence.tls.as_ref().expect("TLS evidence");
    assert_eq!(tls.version, "TLSv1.3");
    assert_eq!(tls.alpn, None);
    let leaf = &report.evidence.chain[0];
    assert_eq!(leaf.dns_names, ["localhost"]);
    assert_eq!(leaf.ip_addresses, ["127.0.0.1"]);
    assert_eq!(leaf.key, "ECDSA P-256");
    assert!(leaf.issuer.contains("Handshake Test CA"));
    assert!(finding(&report, "ws-ok").explanation.contains("TLSv1.3"));
}

#[tokio::test]
async fn an_expired_certificate() {
    let ca = Ca::new("Test CA");
    let report = diagnose_served(&ca.leaf(&["localhost"], -90, -3), trusting(&ca)).await;
    assert_eq!(codes(&report), ["cert-expired"], "{:#?}", report.findings);
    assert!(
        finding(&report, "cert-expired")
            .title
            .contains("expired 3 days ago")
            || finding(&report, "cert-expired")
                .title
                .contains("expired 4 days ago")
    );
}

#[tokio::test]
async fn a_certificate_not_valid_yet() {
    let ca = Ca::new("Test CA");
    let report = diagnose_served(&ca.leaf(&["localhost"], 10, 100), trusting(&ca)).await;
    assert_eq!(
        codes(&report),
        ["cert-not-yet-valid"],
        "{:#?}",
        report.findings
    );
}

#[tokio::test]
async fn a_certificate_expiring_soon_still_works_with_a_warning() {
    let ca = Ca::new("Test CA");
    let report = diagnose_served(&ca.leaf(&["localhost"], -60, 10), trusting(&ca)).await;
    assert_eq!(
        codes(&report),
        ["cert-expiring-soon", "ws-ok"],
        "{:#?}",
        report.findings
    );
    assert!(report.ok);
}

#[tokio::test]
async fn a_hostname_mismatch_lists_the_names_covered() {
    let ca = Ca::new("Test CA");
    let report = diagnose_served(
        &ca.leaf(&["api.example.com", "www.example.com"], -1, 90),
        trusting(&ca),
    )
    .await;
    assert_eq!(
        codes(&report),
        ["cert-hostname-mismatch"],
        "{:#?}",
        report.findings
    );
    let found = finding(&report, "cert-hostname-mismatch");
    assert!(
        found
            .explanation
            .contains("api.example.com, www.example.com"),
        "{}",
        found.explanation
    );
}

#[tokio::test]
async fn a_self_signed_certificate() {
    let report = diagnose_served(&support::self_signed(&["localhost"]), quick()).await;
    assert_eq!(
        codes(&report),
        ["cert-self-signed"],
        "{:#?}",
        report.findings
    );
}

#[tokio::test]
async fn a_self_signed_certificate_with_the_wrong_name_gets_both_findings() {
    let report = diagnose_served(&support::self_signed(&["other.test"]), quick()).await;
    assert_eq!(
        codes(&report),
        ["cert-hostname-mismatch", "cert-self-signed"],
        "{:#?}",
        report.findings
    );
}

#[tokio::test]
async fn an_untrusted_issuer() {
    let ca = Ca::new("Someone's Dev CA");
    let report = diagnose_served(&ca.leaf(&["localhost"], -1, 90), quick()).await;
    assert_eq!(
        codes(&report),
        ["cert-untrusted-issuer"],
        "{:#?}",
        report.findings
    );
    assert!(
        finding(&report, "cert-untrusted-issuer")
            .explanation
            .contains("Someone's Dev CA")
    );
}

#[tokio::test]
async fn a_missing_intermediate() {
    let root = Ca::new("Test Root");
    let intermediate = root.intermediate("Test Intermediate R1");
    let leaf_only = intermediate.leaf_with(&["localhost"], -1, 90, true);
    let report = diagnose_served(&leaf_only, trusting(&root)).await;
    assert_eq!(
        codes(&report),
        ["cert-chain-incomplete"],
        "{:#?}",
        report.findings
    );
    assert!(
        finding(&report, "cert-chain-incomplete")
            .explanation
            .contains("Test Intermediate R1")
    );

    // The same leaf with its intermediate works.
    let mut full = intermediate.leaf_with(&["localhost"], -1, 90, true);
    full.chain.push(intermediate.cert());
    let report = diagnose_served(&full, trusting(&root)).await;
    assert_eq!(codes(&report), ["ws-ok"], "{:#?}", report.findings);
}

#[tokio::test]
async fn https_endpoints_report_the_answer_and_hsts() {
    let ca = Ca::new("Test CA");
    let server = support::https(&ca.leaf(&["localhost"], -1, 90), |_| {
        support::answer(
            "200 OK",
            "Strict-Transport-Security: max-age=63072000\r\n",
            "{}",
        )
    })
    .await;
    let report = diagnose_with(
        &format!("https://localhost:{}/health", server.port),
        trusting(&ca),
    )
    .await;
    // HSTS from localhost sticks in browsers for every port: warned.
    assert_eq!(codes(&report), ["hsts-on-localhost", "http-ok"]);
    assert!(
        finding(&report, "http-ok")
            .explanation
            .contains("HSTS: max-age=63072000")
    );
}

#[tokio::test]
async fn nothing_is_sent_over_an_untrusted_connection() {
    // The server would answer 101; the diagnosis must stop at the certificate.
    let report = diagnose_served(&support::self_signed(&["localhost"]), quick()).await;
    assert!(report.evidence.response.is_none());
    assert!(
        diagnose("wss://localhost:1/")
            .await
            .findings
            .iter()
            .all(|f| f.code.as_str() != "ws-ok")
    );
}
