//! Helpers to run a diagnosis in the tests; the servers and certificates are
//! in `handshake-testkit`.

use std::time::Duration;

use handshake_core::finding::Words;
use handshake_core::fix::{self, FixKind};
use handshake_core::render::ProxyPlan;
use handshake_core::{
    CheckOptions, CheckReport, Code, Language, Options, Report, Severity, Target,
};
use rustls::pki_types::CertificateDer;

pub(crate) use handshake_testkit::coverage::{Live, Program};
pub(crate) use handshake_testkit::pki::{Ca, Identity, self_signed};
pub(crate) use handshake_testkit::servers::{
    answer, closed_port, header, http, https, read_request, serve, switching,
};

/// Diagnoses `url` with `options`, within a hard 30 s bound.
pub(crate) async fn diagnose_with(url: &str, options: Options) -> Report {
    let target = Target::parse(url).expect("test URL parses");
    tokio::time::timeout(
        Duration::from_secs(30),
        handshake_core::diagnose(&target, &options),
    )
    .await
    .expect("diagnosis ends within its deadline")
}

/// Checks `url` (a real WebSocket round trip) with `options`, within a
/// hard 30 s bound.
pub(crate) async fn check(url: &str, options: CheckOptions) -> CheckReport {
    let target = Target::parse(url).expect("test URL parses");
    tokio::time::timeout(
        Duration::from_secs(30),
        handshake_core::check(&target, &options),
    )
    .await
    .expect("the check ends within its deadline")
}

/// The proxy plan `handshake generate` and the window's Generate step
/// offer for `url` by default; a test then sets only what it must (its
/// ports, files and upstream).
pub(crate) fn default_proxy_plan(kind: FixKind, url: &str) -> ProxyPlan {
    let target = Target::parse(url).expect("test URL parses");
    let fix = fix::default_profile(kind, &target, None, Language::En).fix;
    fix.proxy()
        .cloned()
        .unwrap_or_else(|| panic!("{kind:?} made {fix:?}"))
}

/// The plan a user with a Let's Encrypt certificate for two names gives
/// `handshake generate` for a proxy: the golden files' plan.
pub(crate) fn letsencrypt_plan() -> ProxyPlan {
    ProxyPlan::new(
        vec!["api.example.com".into(), "www.example.com".into()],
        "/etc/letsencrypt/live/api.example.com/fullchain.pem".into(),
        "/etc/letsencrypt/live/api.example.com/privkey.pem".into(),
        "http://127.0.0.1:8080".into(),
    )
}

/// Diagnoses `url` trusting `ca`: a generated default must leave nothing
/// that Handshake's own rules warn about.
pub(crate) async fn assert_nothing_to_warn(url: &str, ca: CertificateDer<'static>) {
    let options = Options {
        ca: vec![ca],
        ..quick()
    };
    let report = diagnose_with(url, options).await;
    let warned: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.severity != Severity::Info)
        .map(|f| (f.code, f.words(Language::En).title))
        .collect();
    assert!(warned.is_empty(), "the generated default draws {warned:#?}");
}

/// Diagnoses with a short timeout and no extra trust.
pub(crate) async fn diagnose(url: &str) -> Report {
    diagnose_with(url, quick()).await
}

/// Options with a 2 s step timeout.
pub(crate) fn quick() -> Options {
    Options {
        timeout: Duration::from_secs(2),
        ..Options::default()
    }
}

/// `report`, made against `live`'s real program, names exactly
/// `expected`: then its codes count as produced by a real program (the
/// coverage check of `./dev test`).
pub(crate) fn real(live: &Live<'_>, report: Report, expected: &[&str]) -> Report {
    handshake_testkit::coverage::assert_made(live, &codes(&report), expected);
    report
}

/// What the log analyzer reads in `text`, printed by `live`'s real
/// program: exactly the codes `expected` (as a set: a log repeats its
/// lines), which then count as produced by it.
pub(crate) fn real_log(
    live: &Live<'_>,
    text: &str,
    expected: &[Code],
) -> handshake_core::logs::LogReport {
    let report = handshake_core::logs::explain_text(text);
    let distinct = |codes: &mut Vec<&'static str>| {
        codes.sort_unstable();
        codes.dedup();
    };
    let mut found: Vec<&str> = report
        .findings
        .iter()
        .map(|found| found.finding.code.as_str())
        .collect();
    let mut expected: Vec<&str> = expected.iter().map(|code| code.as_str()).collect();
    distinct(&mut found);
    distinct(&mut expected);
    handshake_testkit::coverage::assert_made(live, &found, &expected);
    handshake_testkit::coverage::record_log(live, text);
    report
}

/// The codes of a report's findings.
pub(crate) fn codes(report: &Report) -> Vec<&'static str> {
    report.findings.iter().map(|f| f.code.as_str()).collect()
}

/// A finding with its words in English (the fields) and Korean (`ko`).
#[derive(Debug)]
pub(crate) struct Found<'a> {
    /// The finding itself, with its facts.
    pub(crate) finding: &'a handshake_core::Finding,
    pub(crate) title: String,
    pub(crate) explanation: String,
    pub(crate) fix: String,
    /// The same in Korean.
    pub(crate) ko: Words,
}

impl Found<'_> {
    /// The text fact `name`.
    pub(crate) fn fact(&self, name: &str) -> Option<&str> {
        self.finding.facts.text(name)
    }
}

/// The finding with `code` and its words, or a panic listing what was found.
pub(crate) fn finding<'a>(report: &'a Report, code: &str) -> Found<'a> {
    let finding = report
        .findings
        .iter()
        .find(|f| f.code.as_str() == code)
        .unwrap_or_else(|| panic!("no {code} finding; got {:#?}", report.findings));
    let en = finding.words(Language::En);
    Found {
        finding,
        title: en.title,
        explanation: en.explanation,
        fix: en.fix,
        ko: finding.words(Language::Ko),
    }
}

/// A development CA, and a leaf for `host` written as fullchain.pem and privkey.pem.
pub(crate) fn certificate_files(
    dir: &std::path::Path,
    host: &str,
) -> (
    handshake_core::pki::DevCa,
    std::path::PathBuf,
    std::path::PathBuf,
) {
    let ca = handshake_core::pki::DevCa::load_or_create(&dir.join("ca")).expect("dev CA");
    let issued = ca
        .issue(&handshake_core::pki::LeafRequest::new(vec![host.into()]))
        .expect("issue");
    let (cert, key) = (dir.join("fullchain.pem"), dir.join("privkey.pem"));
    std::fs::write(
        &cert,
        issued
            .chain
            .iter()
            .map(|c| handshake_testkit::pki::pem("CERTIFICATE", c.as_ref()))
            .collect::<String>(),
    )
    .expect("cert");
    std::fs::write(
        &key,
        handshake_testkit::pki::pem("PRIVATE KEY", &issued.key_pkcs8),
    )
    .expect("key");
    (ca, cert, key)
}

/// The first bytes of other protocols, sent as their clients send them.
pub(crate) const SOCKS5_GREETING: &[u8] = b"\x05\x01\x00";
pub(crate) const SOCKS4_REQUEST: &[u8] = b"\x04\x01\x00\x50\x7f\x00\x00\x01\x00";
pub(crate) const RDP_REQUEST: &[u8] =
    b"\x03\x00\x00\x2b\x26\xe0\x00\x00\x00\x00\x00Cookie: mstshash=Administr\r\n\x01\x00\x08\x00\x03\x00\x00\x00";
pub(crate) const PRIOR_KNOWLEDGE: &[u8] = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";

/// Sends `bytes` to `port` and reads the answer (nginx and Tomcat answer
/// 400), so the server has logged them when this returns.
pub(crate) fn send_raw(port: u16, bytes: &[u8]) -> String {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(5)))
        .expect("timeout");
    stream.write_all(bytes).expect("send");
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    String::from_utf8_lossy(&answer).into_owned()
}
