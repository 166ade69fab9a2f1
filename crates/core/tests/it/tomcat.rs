//! The original bug report, reproduced with the real Tomcat 10 (Debian's
//! `tomcat10`, the server Spring Boot embeds): a `wss://` client against an
//! HTTP-only connector. Handshake must name it, and Tomcat must log the
//! "Invalid character found in method name" the user saw.

use handshake_core::{Code, Language};
use handshake_testkit::servers::free_port;
use handshake_testkit::tomcat::{TlsCertificate, Tomcat};
use handshake_testkit::wait_until;

use crate::support::{SOCKS5_GREETING, diagnose, finding, real, real_log, send_raw};

#[tokio::test]
async fn wss_to_tomcats_http_connector_is_the_tls_to_plain_port_finding() {
    let port = free_port();
    let tomcat = Tomcat::start_http(port);

    let report = real(
        &tomcat.live(),
        diagnose(&format!("wss://127.0.0.1:{port}/ws")).await,
        &["tls-to-plain-port"],
    );
    let found = finding(&report, "tls-to-plain-port");
    assert!(
        found.explanation.contains("HTTP/1.1 400"),
        "{}",
        found.explanation
    );
    assert_eq!(
        found.fact("plain_url"),
        Some(format!("ws://127.0.0.1:{port}/ws").as_str())
    );
    assert_eq!(
        found.ko.title,
        format!("포트 {port}은(는) TLS가 아니라 평문 HTTP를 씁니다")
    );
    assert!(
        found.ko.fix.starts_with(&format!(
            "ws://127.0.0.1:{port}/ws(암호화 없음)로 연결하거나"
        )),
        "{}",
        found.ko.fix
    );

    // Tomcat logs the error of the original bug report (bounded wait: the
    // log line is written after the response).
    wait_until(
        10,
        || {
            tomcat
                .log()
                .contains("Invalid character found in method name")
        },
        || tomcat.log(),
    );
    assert!(tomcat.log().contains("HTTP method names must be tokens"));

    // And the log analyzer reads Tomcat's own words: the ClientHello decoded.
    let explained = real_log(&tomcat.live(), &tomcat.log(), &[Code::LogTlsOnPlainPort]);
    let found = explained
        .findings
        .iter()
        .find(|f| f.finding.code == Code::LogTlsOnPlainPort)
        .unwrap_or_else(|| panic!("not recognised: {}", tomcat.log()));
    let en = found.finding.words(Language::En).explanation;
    assert!(en.contains("a TLS handshake record"), "{en}");
    assert!(en.contains("ClientHello offering TLS 1.2"), "{en}");
    let ko = found.finding.words(Language::Ko).explanation;
    assert!(
        ko.starts_with(
            "Tomcat의 HTTP 커넥터가 HTTP 요청 줄이 올 자리에서 TLS ClientHello 바이트를 받았습니다"
        ),
        "{ko}"
    );

    // The same port diagnosed as ws:// reaches the HTTP server.
    real(
        &tomcat.live(),
        diagnose(&format!("ws://127.0.0.1:{port}/ws")).await,
        &["ws-path-not-found"],
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tomcat_serves_tls_from_a_handshake_keystore_and_check_round_trips() {
    use handshake_core::keystore::{KeystoreSpec, to_pkcs12};
    use handshake_core::{CheckOptions, Secret};
    use handshake_testkit::pki::Ca;

    let ca = Ca::new("Handshake Dev CA");
    let identity = ca.leaf(&["localhost"], -1, 90);
    let mut chain = identity.chain.clone();
    chain.push(ca.cert());
    let password = Secret::new("changeit-please");
    let keystore = to_pkcs12(&KeystoreSpec {
        alias: "server",
        password: &password,
        chain: &chain,
        key_pkcs8: identity.key.secret_der(),
        legacy: false,
    })
    .expect("keystore");
    let port = free_port();
    let file = std::env::temp_dir().join(format!(
        "handshake-tomcat-{}-{port}.p12",
        std::process::id()
    ));
    std::fs::write(&file, keystore).expect("write keystore");

    // The real JDK reads it: one PrivateKeyEntry with the whole chain.
    let listed = std::process::Command::new("keytool")
        .args([
            "-list",
            "-v",
            "-storetype",
            "PKCS12",
            "-storepass",
            password.expose(),
            "-alias",
            "server",
            "-keystore",
        ])
        .arg(&file)
        .output()
        .expect("keytool");
    let listed_text = String::from_utf8_lossy(&listed.stdout);
    assert!(
        listed.status.success(),
        "{listed_text}{}",
        String::from_utf8_lossy(&listed.stderr)
    );
    assert!(
        listed_text.contains("Entry type: PrivateKeyEntry"),
        "{listed_text}"
    );
    assert!(
        listed_text.contains("Certificate chain length: 2"),
        "{listed_text}"
    );

    // Real Tomcat serves TLS from it, and its WebSocket echo answers.
    let tomcat = Tomcat::start_https_with_examples(
        port,
        &TlsCertificate::Keystore {
            file: file.clone(),
            password: password.expose().to_owned(),
            alias: "server".to_owned(),
        },
    );
    let options = CheckOptions {
        ca: vec![ca.cert()],
        send: "hello tomcat".into(),
        count: 3,
        ..CheckOptions::default()
    };
    let report = crate::support::check(
        &format!("wss://localhost:{port}/examples/websocket/echoAnnotation"),
        options,
    )
    .await;
    assert!(report.ok, "{report:#?}\n{}", tomcat.log());
    assert_eq!(
        report.answer.as_ref().and_then(|a| a.text()),
        Some("hello tomcat")
    );
    assert!(
        report
            .certificate
            .as_ref()
            .is_some_and(|c| c.dns_names == ["localhost"])
    );
    drop(tomcat);
    let _ = std::fs::remove_file(file);
}

/// Tomcat's line for a SOCKS 5 greeting, the same "Invalid character found
/// in method name" as for TLS: named as a probe of the port.
#[test]
fn a_socks_greeting_to_tomcat_is_a_probe_not_tls() {
    let port = free_port();
    let tomcat = Tomcat::start_http(port);
    assert!(send_raw(port, SOCKS5_GREETING).starts_with("HTTP/1.1 400"));
    wait_until(
        10,
        || {
            tomcat
                .log()
                .contains("Invalid character found in method name")
        },
        || tomcat.log(),
    );
    assert!(
        tomcat.log().contains("[0x050x010x00..."),
        "{}",
        tomcat.log()
    );
    let explained = real_log(&tomcat.live(), &tomcat.log(), &[Code::LogPortProbed]);
    let ko = explained.findings[0]
        .finding
        .words(handshake_core::Language::Ko)
        .title;
    assert_eq!(ko, "무언가가 SOCKS 5 인사 메시지로 포트를 떠봤습니다");
}
