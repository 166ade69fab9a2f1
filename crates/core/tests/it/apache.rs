//! Apache httpd (Debian's `apache2`) with mod_ssl, hit with plain HTTP: the
//! diagnosis and the log analyzer both name it from Apache's own words.

use handshake_core::Code;
use handshake_testkit::apache::Apache;
use handshake_testkit::pki::Ca;
use handshake_testkit::servers::free_port;
use handshake_testkit::wait_until;

use crate::support::{diagnose, finding, real, real_log};

#[tokio::test]
async fn plain_http_to_an_apache_tls_port() {
    let ca = Ca::new("Test CA");
    let identity = ca.leaf(&["localhost"], -1, 90);
    let port = free_port();
    let dir = handshake_testkit::Scratch::new("apache-pem");
    let (cert, key) = identity.write_pem(&dir);
    let apache = Apache::start(
        &["ssl", "socache_shmcb"],
        &format!(
            "Listen 127.0.0.1:{port}\nSSLSessionCache none\n<VirtualHost 127.0.0.1:{port}>\n  SSLEngine on\n  SSLCertificateFile {}\n  SSLCertificateKeyFile {}\n</VirtualHost>\n",
            cert.display(),
            key.display()
        ),
        &[port],
    );

    let report = real(
        &apache.live(),
        diagnose(&format!("ws://localhost:{port}/ws")).await,
        &["plain-to-tls-port"],
    );
    assert!(
        finding(&report, "plain-to-tls-port")
            .explanation
            .contains("speaking plain HTTP to an SSL-enabled server port")
    );
    // The page Apache sent, as a client shows it, in the log analyzer.
    let page = report
        .evidence
        .response
        .as_ref()
        .map(|response| response.body_start.clone())
        .unwrap_or_default();
    real_log(&apache.live(), &page, &[Code::LogPlainOnTlsPort]);

    wait_until(
        5,
        || apache.log().contains("HTTP spoken on HTTPS port"),
        || apache.log(),
    );
    real_log(&apache.live(), &apache.log(), &[Code::LogPlainOnTlsPort]);
    drop(apache);
    let _ = std::fs::remove_dir_all(dir);
}

/// Apache logs a probe's bytes only in its access log ("\x03", cut at the
/// first NUL, for an RDP request): named there as nginx's are.
#[test]
fn a_scanner_and_http_two_without_tls_in_apaches_access_log() {
    use crate::support::{PRIOR_KNOWLEDGE, RDP_REQUEST, send_raw};
    let port = free_port();
    let apache = Apache::start(&[], &format!("Listen 127.0.0.1:{port}\n"), &[port]);
    for bytes in [RDP_REQUEST, PRIOR_KNOWLEDGE] {
        assert!(send_raw(port, bytes).starts_with("HTTP/1.1 400"));
    }
    handshake_testkit::wait_until(
        5,
        || apache.access_log().contains("PRI * HTTP/2.0"),
        || apache.access_log(),
    );
    let access = apache.access_log();
    assert!(access.contains("\"\\x03\" 400"), "{access}");
    real_log(
        &apache.live(),
        &access,
        &[Code::LogPortProbed, Code::LogPriorKnowledgePreface],
    );
}
