//! TLS as real servers get it wrong, through the real nginx (Debian's
//! package, OpenSSL 3) on loopback: old protocol versions, legacy suites,
//! client certificates, weak keys and signatures. Certificates are made by
//! the `openssl` command, as users make theirs.

use std::path::{Path, PathBuf};
use std::process::Command;

use handshake_core::pki::{self, Source};
use handshake_core::probe::tls::{ClientIdentity, read_ca_file};
use handshake_core::verify::CheckFailure;
use handshake_core::{CheckOptions, Options, Secret, Target, cert_files};
use handshake_testkit::nginx::Nginx;
use handshake_testkit::servers::free_port;

use crate::support::{diagnose_with, finding, quick, real};

/// A scratch folder removed when the test ends, whatever happens, with
/// the certificate tools of these tests.
struct Scratch(handshake_testkit::Scratch);

impl Scratch {
    fn new(name: &str) -> Scratch {
        Scratch(handshake_testkit::Scratch::new(&format!("tls-{name}")))
    }

    fn path(&self, name: &str) -> String {
        self.0.join(name).display().to_string()
    }

    /// `name`.pem and `name`-key.pem, self-signed by `openssl req -x509`
    /// with `subject` and the `extra` arguments (key type, extensions).
    fn self_signed(&self, name: &str, subject: &str, extra: &[&str]) -> (PathBuf, PathBuf) {
        let (cert, key) = (
            self.0.join(format!("{name}.pem")),
            self.0.join(format!("{name}-key.pem")),
        );
        let (cert_s, key_s) = (cert.display().to_string(), key.display().to_string());
        let mut args = vec!["req", "-x509", "-nodes", "-days", "90", "-subj", subject];
        args.extend_from_slice(extra);
        args.extend_from_slice(&["-keyout", &key_s, "-out", &cert_s]);
        openssl(&args);
        (cert, key)
    }

    /// A self-signed server certificate for localhost, with `extra`
    /// arguments (key type, digest).
    fn certificate(&self, name: &str, extra: &[&str]) -> (PathBuf, PathBuf) {
        let mut args = vec![
            "-addext",
            "subjectAltName=DNS:localhost",
            "-addext",
            "basicConstraints=critical,CA:FALSE",
        ];
        args.extend_from_slice(extra);
        self.self_signed(name, "/CN=localhost", &args)
    }

    /// A self-signed CA `name`.pem (and `name`-key.pem) with `subject`.
    fn ca(&self, name: &str, subject: &str) {
        self.self_signed(
            name,
            subject,
            &[
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:P-256",
                "-addext",
                "basicConstraints=critical,CA:TRUE",
                "-addext",
                "keyUsage=critical,keyCertSign,cRLSign,digitalSignature",
            ],
        );
    }

    /// `name`.pem with `subject` and the `extensions` (openssl config
    /// lines), signed by the CA `issuer` with `serial`, by `openssl x509
    /// -req` (which adds key identifiers, no issuer location).
    fn issue(&self, name: &str, subject: &str, issuer: &str, serial: &str, extensions: &str) {
        let path = |suffix: &str| self.path(&format!("{name}{suffix}"));
        openssl(&[
            "req",
            "-nodes",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-subj",
            subject,
            "-keyout",
            &path("-key.pem"),
            "-out",
            &path(".csr"),
        ]);
        std::fs::write(path(".cnf"), extensions).expect("extensions file");
        openssl(&[
            "x509",
            "-req",
            "-days",
            "90",
            "-in",
            &path(".csr"),
            "-CA",
            &self.path(&format!("{issuer}.pem")),
            "-CAkey",
            &self.path(&format!("{issuer}-key.pem")),
            "-set_serial",
            serial,
            "-extfile",
            &path(".cnf"),
            "-out",
            &path(".pem"),
        ]);
    }
}

/// The extensions of a server certificate for localhost.
const SERVER: &str = "subjectAltName=DNS:localhost\nbasicConstraints=critical,CA:FALSE\n";

/// The extensions of an intermediate CA.
const INTERMEDIATE: &str = "basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign,digitalSignature\n";

fn openssl(args: &[&str]) {
    let output = Command::new("openssl")
        .args(args)
        .output()
        .expect("openssl runs (apt-get install openssl)");
    assert!(
        output.status.success(),
        "openssl {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// nginx serving `cert`/`key` on a fresh port with the extra `directives`.
fn nginx(cert: &Path, key: &Path, directives: &str) -> (Nginx, u16) {
    let port = free_port();
    let nginx = Nginx::start(
        &format!(
            "server {{ listen 127.0.0.1:{port} ssl; ssl_certificate {}; ssl_certificate_key {}; {directives} location / {{ return 200 'ok'; }} }}",
            cert.display(),
            key.display()
        ),
        &[port],
    );
    (nginx, port)
}

/// Quick options trusting `ca`.
fn trusting(ca: &Path) -> Options {
    Options {
        ca: read_ca_file(ca).expect("CA file"),
        ..quick()
    }
}

#[tokio::test]
async fn a_server_that_speaks_only_tls_1_0_is_named_with_its_version() {
    let scratch = Scratch::new("tls10");
    let (cert, key) = scratch.certificate("server", &["-newkey", "rsa:2048"]);
    let (server, port) = nginx(
        &cert,
        &key,
        "ssl_protocols TLSv1; ssl_ciphers DEFAULT:@SECLEVEL=0;",
    );
    let report = real(
        &server.live(),
        diagnose_with(&format!("https://localhost:{port}/"), trusting(&cert)).await,
        &["tls-version-too-old"],
    );
    let found = finding(&report, "tls-version-too-old");
    assert_eq!(found.fact("version"), Some("TLSv1"));
    assert!(
        found.fix.contains("ssl_protocols TLSv1.2 TLSv1.3;"),
        "{}",
        found.fix
    );
    assert_eq!(
        found.ko.title,
        "서버가 최신 클라이언트가 거부하는 TLSv1만 씁니다"
    );
}

#[tokio::test]
async fn a_server_left_with_static_rsa_suites_is_named_with_the_suite() {
    let scratch = Scratch::new("rsa-suites");
    let (cert, key) = scratch.certificate("server", &["-newkey", "rsa:2048"]);
    let (server, port) = nginx(
        &cert,
        &key,
        "ssl_protocols TLSv1.2; ssl_ciphers AES128-SHA:AES256-SHA;",
    );
    let report = real(
        &server.live(),
        diagnose_with(&format!("https://localhost:{port}/"), trusting(&cert)).await,
        &["tls-no-shared-cipher"],
    );
    let found = finding(&report, "tls-no-shared-cipher");
    assert_eq!(found.fact("family"), Some("static-rsa"));
    assert!(
        found
            .explanation
            .contains("the server chose TLS_RSA_WITH_AES_"),
        "{}",
        found.explanation
    );
    assert!(
        found
            .ko
            .explanation
            .contains("정적 RSA 키 교환이라 전방 보안이 없습니다")
    );
}

#[tokio::test]
async fn a_server_that_still_takes_tls_1_1_works_with_a_warning() {
    let scratch = Scratch::new("legacy");
    let (cert, key) = scratch.certificate("server", &["-newkey", "rsa:2048"]);
    let (server, port) = nginx(
        &cert,
        &key,
        "ssl_protocols TLSv1 TLSv1.1 TLSv1.2 TLSv1.3; ssl_ciphers DEFAULT:@SECLEVEL=0;",
    );
    let report = real(
        &server.live(),
        diagnose_with(&format!("https://localhost:{port}/"), trusting(&cert)).await,
        &["tls-legacy-versions", "http-ok"],
    );
    assert!(report.ok, "a warning is not an error");
    let found = finding(&report, "tls-legacy-versions");
    assert_eq!(found.fact("version"), Some("TLSv1.1"));
    assert_eq!(found.ko.title, "서버가 아직 TLSv1.1을(를) 받아들입니다");

    // A modern server answers the same probe with an alert: no warning.
    let (modern_server, modern) = nginx(&cert, &key, "ssl_protocols TLSv1.2 TLSv1.3;");
    real(
        &modern_server.live(),
        diagnose_with(&format!("https://localhost:{modern}/"), trusting(&cert)).await,
        &["http-ok"],
    );
}

#[tokio::test]
async fn mutual_tls_names_the_cas_asked_for_and_works_with_a_client_certificate() {
    let scratch = Scratch::new("mtls");
    let (cert, key) = scratch.certificate(
        "server",
        &["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"],
    );
    // A client CA and a client certificate it issued.
    let dir = &scratch.0;
    let path = |name: &str| scratch.path(name);
    scratch.ca("ca", "/CN=Handshake Client CA/O=Example");
    scratch.issue(
        "client",
        "/CN=Test Client",
        "ca",
        "0x01",
        "extendedKeyUsage=clientAuth\n",
    );
    let (server, port) = nginx(
        &cert,
        &key,
        &format!(
            "ssl_verify_client on; ssl_client_certificate {};",
            path("ca.pem")
        ),
    );
    let url = format!("wss://localhost:{port}/ws");
    let report = real(
        &server.live(),
        diagnose_with(&url, trusting(&cert)).await,
        &["tls-client-cert-required"],
    );
    let found = finding(&report, "tls-client-cert-required");
    assert!(
        found
            .explanation
            .contains("issued by CN=Handshake Client CA"),
        "{}",
        found.explanation
    );
    assert!(
        found
            .fix
            .contains(&format!("handshake diagnose {url} --client-cert"))
    );
    assert_eq!(
        found.ko.title,
        "서버가 클라이언트 인증서를 요구합니다(상호 TLS)"
    );

    // With the client certificate the same endpoint answers.
    let (credential, _) = pki::credential(&Source::Import {
        cert: dir.join("client.pem"),
        key: dir.join("client-key.pem"),
        passphrase: None,
    })
    .expect("client certificate");
    let options = Options {
        identity: ClientIdentity::new(credential.chain, &credential.key_pkcs8),
        ..trusting(&cert)
    };
    real(
        &server.live(),
        diagnose_with(&format!("https://localhost:{port}/"), options).await,
        &["http-ok"],
    );

    // The same identity as the PKCS12 file Java, Windows and Postman use.
    openssl(&[
        "pkcs12",
        "-export",
        "-in",
        &path("client.pem"),
        "-inkey",
        &path("client-key.pem"),
        "-passout",
        "pass:changeit",
        "-out",
        &path("client.p12"),
    ]);
    let password = Secret::new("changeit");
    let identity =
        cert_files::client_identity(&dir.join("client.p12"), None, None, Some(&password))
            .expect("PKCS12 client certificate");
    let options = Options {
        identity: Some(identity),
        ..trusting(&cert)
    };
    real(
        &server.live(),
        diagnose_with(&format!("https://localhost:{port}/"), options).await,
        &["http-ok"],
    );
}

#[tokio::test]
async fn weak_keys_and_signatures_are_named_by_the_certificate() {
    let scratch = Scratch::new("weak");
    // nginx 1.22 still takes TLS 1.0/1.1 unless told otherwise; that is
    // another finding, kept out of this test.
    let legacy = "ssl_protocols TLSv1.2 TLSv1.3; ssl_ciphers DEFAULT:@SECLEVEL=0;";
    for (name, args, code, fact, value) in [
        (
            "rsa1024",
            vec!["-newkey", "rsa:1024"],
            "cert-weak-key",
            "key",
            "RSA 1024",
        ),
        // Too small to sign any handshake this client offers: only the raw
        // hello sees the certificate.
        (
            "rsa512",
            vec!["-newkey", "rsa:512"],
            "cert-weak-key",
            "key",
            "RSA 512",
        ),
        (
            "sha1",
            vec!["-newkey", "rsa:2048", "-sha1"],
            "cert-weak-signature",
            "signature",
            "sha1WithRSAEncryption",
        ),
    ] {
        let (cert, key) = scratch.certificate(name, &args);
        let (server, port) = nginx(&cert, &key, legacy);
        let report = real(
            &server.live(),
            diagnose_with(&format!("https://localhost:{port}/"), trusting(&cert)).await,
            &[code],
        );
        let found = finding(&report, code);
        assert_eq!(found.fact(fact), Some(value), "{name}");
        assert_eq!(found.fact("position"), Some("leaf"), "{name}");
        assert!(
            !found.ko.title.is_empty() && found.ko.title != found.title,
            "{name}"
        );
    }
}

#[tokio::test]
async fn a_renewed_certificate_the_server_never_reloaded_is_named_with_both_serials() {
    let scratch = Scratch::new("renewal");
    let (cert, key) = scratch.certificate("server", &["-newkey", "rsa:2048"]);
    let (server, port) = nginx(&cert, &key, "ssl_protocols TLSv1.2 TLSv1.3;");
    // Renewed on disk, same key, as certbot does; nginx is not reloaded.
    let renewed = scratch.0.join("renewed.pem");
    let (key_s, renewed_s) = (key.display().to_string(), renewed.display().to_string());
    openssl(&[
        "req",
        "-x509",
        "-new",
        "-key",
        &key_s,
        "-days",
        "180",
        "-subj",
        "/CN=localhost",
        "-addext",
        "subjectAltName=DNS:localhost",
        "-addext",
        "basicConstraints=critical,CA:FALSE",
        "-out",
        &renewed_s,
    ]);
    std::fs::copy(&renewed, &cert).expect("renewed in place");
    let expected = cert_files::expected_certificate(&renewed, None).ok();
    // The renewed keystore a Spring Boot app reads names the same one.
    let p12 = scratch.0.join("renewed.p12");
    openssl(&[
        "pkcs12",
        "-export",
        "-in",
        &renewed_s,
        "-inkey",
        &key_s,
        "-passout",
        "pass:changeit",
        "-out",
        &p12.display().to_string(),
    ]);
    let from_keystore = cert_files::expected_certificate(&p12, Some(&Secret::new("changeit")));
    assert_eq!(from_keystore.ok(), expected);
    let options = Options {
        ca: [
            read_ca_file(&cert).expect("ca"),
            read_ca_file(&renewed).expect("ca"),
        ]
        .concat(),
        expected: expected.clone(),
        ..quick()
    };
    let url = format!("https://localhost:{port}/");
    let report = real(
        &server.live(),
        diagnose_with(&url, options.clone()).await,
        &["cert-not-reloaded", "http-ok"],
    );
    let found = finding(&report, "cert-not-reloaded");
    assert_eq!(found.fact("newer"), Some("yes"));
    assert_eq!(
        found.fact("expected_serial"),
        expected.as_ref().map(|e| e.serial.as_str())
    );
    assert!(found.fix.contains("nginx -s reload"), "{}", found.fix);
    assert!(
        found.ko.title.contains("갱신한 인증서를 읽지 않았습니다"),
        "{}",
        found.ko.title
    );

    // A server started after the renewal serves it: nothing to say.
    let (restarted, fresh) = nginx(&cert, &key, "ssl_protocols TLSv1.2 TLSv1.3;");
    real(
        &restarted.live(),
        diagnose_with(&format!("https://localhost:{fresh}/"), options).await,
        &["http-ok"],
    );
}

#[tokio::test]
async fn a_chain_from_an_inspection_proxy_and_hsts_on_localhost_are_warned_about() {
    let scratch = Scratch::new("proxy");
    let dir = &scratch.0;
    // A corporate proxy's root, named as Zscaler names its own, signing a
    // certificate for the site the proxy intercepts.
    scratch.ca("root", "/O=Zscaler Inc./CN=Zscaler Root CA");
    scratch.issue(
        "leaf",
        "/CN=localhost",
        "root",
        "0x01",
        "subjectAltName=DNS:localhost\n",
    );
    let (server, port) = nginx(
        &dir.join("leaf.pem"),
        &dir.join("leaf-key.pem"),
        "ssl_protocols TLSv1.2 TLSv1.3; add_header Strict-Transport-Security \"max-age=31536000\" always;",
    );
    let report = real(
        &server.live(),
        diagnose_with(
            &format!("https://localhost:{port}/"),
            trusting(&dir.join("root.pem")),
        )
        .await,
        &["tls-intercepted", "hsts-on-localhost", "http-ok"],
    );
    assert!(report.ok, "warnings only");
    let proxy = finding(&report, "tls-intercepted");
    assert_eq!(proxy.fact("product"), Some("zscaler"));
    assert!(proxy.fix.contains("NODE_EXTRA_CA_CERTS"), "{}", proxy.fix);
    let hsts = finding(&report, "hsts-on-localhost");
    assert_eq!(hsts.fact("hsts_value"), Some("max-age=31536000"));
    assert!(hsts.ko.fix.contains("chrome://net-internals/#hsts"));
}

#[tokio::test]
async fn a_certificate_its_own_ocsp_staple_calls_revoked_is_named_revoked() {
    let scratch = Scratch::new("ocsp");
    let dir = &scratch.0;
    let path = |name: &str| scratch.path(name);
    scratch.ca("ca", "/CN=Handshake Test CA");
    scratch.issue("server", "/CN=localhost", "ca", "0x0A", SERVER);
    // The CA's database, as `openssl ca -revoke` leaves it, answered by
    // `openssl ocsp` acting as the responder.
    let respond = |line: &str, out: &str| {
        std::fs::write(dir.join("index.txt"), line).expect("index");
        openssl(&[
            "ocsp",
            "-index",
            &path("index.txt"),
            "-rsigner",
            &path("ca.pem"),
            "-rkey",
            &path("ca-key.pem"),
            "-CA",
            &path("ca.pem"),
            "-issuer",
            &path("ca.pem"),
            "-cert",
            &path("server.pem"),
            "-ndays",
            "1",
            "-respout",
            &path(out),
        ]);
    };
    respond(
        "R\t301231000000Z\t261120093000Z,keyCompromise\t0A\tunknown\t/CN=localhost\n",
        "revoked.der",
    );
    respond(
        "V\t301231000000Z\t\t0A\tunknown\t/CN=localhost\n",
        "good.der",
    );

    let (cert, key) = (dir.join("server.pem"), dir.join("server-key.pem"));
    let stapling = |file: &str| format!("ssl_stapling on; ssl_stapling_file {};", path(file));
    let (revoked, port) = nginx(&cert, &key, &stapling("revoked.der"));
    let report = real(
        &revoked.live(),
        diagnose_with(
            &format!("https://localhost:{port}/"),
            trusting(&dir.join("ca.pem")),
        )
        .await,
        // The page still loads for clients that do not check: http-ok says so.
        &["cert-revoked", "http-ok"],
    );
    let found = finding(&report, "cert-revoked");
    assert!(
        found.explanation.contains("serial 0a")
            && found
                .explanation
                .contains("2026-11-20T09:30:00Z, reason keyCompromise"),
        "{}",
        found.explanation
    );
    assert!(found.ko.title.contains("폐기"), "{}", found.ko.title);
    // `check`, which proves a fix, does not pass a revoked certificate.
    let checked = check(port, &dir.join("ca.pem")).await;
    assert_eq!(
        checked.failure,
        Some(CheckFailure::Revoked {
            serial: "0a".into(),
            at: "2026-11-20T09:30:00Z".into()
        })
    );

    let (good, port) = nginx(&cert, &key, &stapling("good.der"));
    real(
        &good.live(),
        diagnose_with(
            &format!("https://localhost:{port}/"),
            trusting(&dir.join("ca.pem")),
        )
        .await,
        &["http-ok"],
    );
    // Past TLS: nginx answers the upgrade with 200, as configured.
    let checked = check(port, &dir.join("ca.pem")).await;
    assert_eq!(
        checked.failure,
        Some(CheckFailure::UpgradeStatus { status: 200 })
    );
}

/// `handshake check wss://localhost:{port}/` trusting `ca`.
async fn check(port: u16, ca: &Path) -> handshake_core::CheckReport {
    let target = Target::parse(&format!("wss://localhost:{port}/")).expect("URL");
    let options = CheckOptions {
        ca: read_ca_file(ca).expect("CA file"),
        timeout: std::time::Duration::from_secs(5),
        ..CheckOptions::default()
    };
    handshake_core::check(&target, &options).await
}

#[tokio::test]
async fn a_company_intermediate_left_out_is_told_from_an_untrusted_or_remade_root() {
    let scratch = Scratch::new("chain");
    let dir = &scratch.0;
    // A company PKI as `openssl` makes it: no certificate names where its
    // issuer is, and the intermediate's name does not say what it is.
    scratch.ca("root", "/O=Example Corp/CN=Example Root CA");
    scratch.issue(
        "web-ca",
        "/O=Example Corp/CN=Example Web CA",
        "root",
        "0x10",
        INTERMEDIATE,
    );
    scratch.issue("server", "/CN=localhost", "web-ca", "0x11", SERVER);
    let server = dir.join("server.pem");
    let key = dir.join("server-key.pem");
    let url = |port: u16| format!("https://localhost:{port}/");

    // The server sends its own certificate only; the client trusts the root.
    let (leaf_only, port) = nginx(&server, &key, "");
    let report = real(
        &leaf_only.live(),
        diagnose_with(&url(port), trusting(&dir.join("root.pem"))).await,
        &["cert-chain-incomplete"],
    );
    let found = finding(&report, "cert-chain-incomplete");
    assert_eq!(found.fact("sign"), Some("sibling"));
    assert!(
        found
            .explanation
            .contains("CN=Example Root CA belongs to the same organisation")
            && found.explanation.contains("every client fails"),
        "{}",
        found.explanation
    );
    assert!(
        found.ko.explanation.contains("같은 조직"),
        "{}",
        found.ko.explanation
    );

    // A client without the company root cannot tell: both are said.
    let report = real(
        &leaf_only.live(),
        diagnose_with(&url(port), quick()).await,
        &["cert-untrusted-issuer"],
    );
    let found = finding(&report, "cert-untrusted-issuer");
    assert_eq!(found.fact("cause"), Some("unseen"));
    assert!(
        found.explanation.contains("Most likely it is a root")
            && found
                .explanation
                .contains("otherwise it is an intermediate"),
        "{}",
        found.explanation
    );

    // With the full chain it works.
    let full = dir.join("fullchain.pem");
    let chain = [
        std::fs::read(&server).expect("leaf"),
        std::fs::read(dir.join("web-ca.pem")).expect("intermediate"),
    ]
    .concat();
    std::fs::write(&full, chain).expect("full chain");
    let (full, port) = nginx(&full, &key, "");
    real(
        &full.live(),
        diagnose_with(&url(port), trusting(&dir.join("root.pem"))).await,
        &["http-ok"],
    );

    // The root made again under the same name, with a new key: the client
    // trusts the new one, the server still has certificates from the old.
    let remade = Scratch::new("chain-remade");
    remade.ca("root", "/O=Example Corp/CN=Example Root CA");
    let report = real(
        &full.live(),
        diagnose_with(&url(port), trusting(&remade.0.join("root.pem"))).await,
        &["cert-rejected"],
    );
    let found = finding(&report, "cert-rejected");
    assert_eq!(found.fact("reason"), Some("remade-ca"));
    assert!(found.explanation.contains("made again under the same name"));
}

#[tokio::test]
async fn a_certificate_made_by_plain_openssl_req_x509_is_named_a_ca_served_as_leaf() {
    let scratch = Scratch::new("ca-leaf");
    // The most copied command for a development certificate: OpenSSL 3
    // marks it CA:TRUE unless told otherwise.
    let (cert, key) = scratch.self_signed(
        "server",
        "/CN=localhost",
        &[
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-addext",
            "subjectAltName=DNS:localhost",
        ],
    );
    let (server, port) = nginx(&cert, &key, "");
    let url = format!("https://localhost:{port}/");

    // Trusted with --ca: only the CA flag is wrong.
    let report = real(
        &server.live(),
        diagnose_with(&url, trusting(&cert)).await,
        &["cert-rejected"],
    );
    let found = finding(&report, "cert-rejected");
    assert_eq!(found.fact("reason"), Some("ca-as-leaf"));
    assert!(
        found.fix.contains("basicConstraints=critical,CA:FALSE"),
        "{}",
        found.fix
    );

    // Without --ca it is also self-signed and untrusted: both are said.
    real(
        &server.live(),
        diagnose_with(&url, quick()).await,
        &["cert-rejected", "cert-self-signed"],
    );
}

#[tokio::test]
async fn a_server_left_with_dhe_suites_is_named_with_its_group_size() {
    let scratch = Scratch::new("dhe");
    let (cert, key) = scratch.certificate("server", &["-newkey", "rsa:2048"]);
    // A 1024-bit group, as old Java and hand-made dhparam files have.
    let dhparam = scratch.path("dhparam.pem");
    openssl(&["dhparam", "-dsaparam", "-out", &dhparam, "1024"]);
    let (server, port) = nginx(
        &cert,
        &key,
        &format!(
            "ssl_protocols TLSv1.2; ssl_ciphers DHE-RSA-AES128-GCM-SHA256:@SECLEVEL=0; ssl_dhparam {dhparam};"
        ),
    );
    let report = real(
        &server.live(),
        diagnose_with(&format!("https://localhost:{port}/"), trusting(&cert)).await,
        &["tls-no-shared-cipher"],
    );
    let found = finding(&report, "tls-no-shared-cipher");
    assert_eq!(found.fact("family"), Some("dhe"));
    assert_eq!(found.finding.facts.whole("dh_bits"), Some(1024));
    assert_eq!(found.fact("group"), Some("small"));
    assert!(
        found
            .explanation
            .contains("1024-bit group, too small to be safe (Logjam)"),
        "{}",
        found.explanation
    );
}

#[tokio::test]
async fn a_certificate_with_ten_thousand_names_is_named_by_its_name_count() {
    let scratch = Scratch::new("many-names");
    scratch.ca("ca", "/CN=Handshake Test CA");
    // A multi-tenant certificate: localhost and 9,999 customer domains.
    let names: Vec<String> = std::iter::once("DNS.1=localhost".to_owned())
        .chain((2..=10_000).map(|i| format!("DNS.{i}=tenant{i}.example.com")))
        .collect();
    let extensions = format!(
        "subjectAltName=@names\nbasicConstraints=critical,CA:FALSE\n[names]\n{}\n",
        names.join("\n")
    );
    scratch.issue("server", "/CN=localhost", "ca", "0x01", &extensions);
    let dir = &scratch.0;
    let (server, port) = nginx(&dir.join("server.pem"), &dir.join("server-key.pem"), "");
    let report = real(
        &server.live(),
        diagnose_with(
            &format!("https://localhost:{port}/"),
            trusting(&dir.join("ca.pem")),
        )
        .await,
        &["cert-too-large"],
    );
    let found = finding(&report, "cert-too-large");
    assert_eq!(found.fact("cause"), Some("names"));
    assert!(
        found.explanation.contains("carries 10,000 names")
            || found.explanation.contains("carries 10000 names"),
        "{}",
        found.explanation
    );
    assert!(found.fix.contains("wildcard"), "{}", found.fix);
}

/// Certificates out of their time or for another name, served by real
/// nginx: expired, not yet valid, expiring in days, for another host, and
/// a valid leaf under an expired intermediate.
#[tokio::test]
async fn certificates_out_of_time_or_for_another_name_are_named() {
    use handshake_testkit::pki::{Ca, pem};
    let scratch = Scratch::new("validity");
    let root = Ca::new("Validity Test Root");
    let root_file = scratch.0.join("root.pem");
    std::fs::write(&root_file, pem("CERTIFICATE", root.cert().as_ref())).expect("root");
    let expired_intermediate = root.intermediate_within("Expired Intermediate", -400, -10);
    let cases: [(&str, _, Option<_>, &[&str]); 5] = [
        (
            "expired",
            root.leaf(&["localhost"], -90, -2),
            None,
            &["cert-expired"][..],
        ),
        (
            "not-yet",
            root.leaf(&["localhost"], 3, 90),
            None,
            &["cert-not-yet-valid"][..],
        ),
        (
            "expiring",
            root.leaf(&["localhost"], -80, 5),
            None,
            &["cert-expiring-soon", "http-ok"][..],
        ),
        (
            "other-name",
            root.leaf(&["chat.example.com"], -1, 90),
            None,
            &["cert-hostname-mismatch"][..],
        ),
        (
            "old-intermediate",
            expired_intermediate.leaf(&["localhost"], -1, 90),
            Some(expired_intermediate.cert()),
            &["cert-chain-outside-validity"][..],
        ),
    ];
    for (name, identity, intermediate, expected) in cases {
        let (cert, key) = identity.write_pem(&scratch.0.join(name));
        if let Some(intermediate) = intermediate {
            let chain = [
                pem("CERTIFICATE", identity.chain[0].as_ref()),
                pem("CERTIFICATE", intermediate.as_ref()),
            ]
            .concat();
            std::fs::write(&cert, chain).expect("chain");
        }
        let (server, port) = nginx(&cert, &key, "");
        real(
            &server.live(),
            diagnose_with(&format!("https://localhost:{port}/"), trusting(&root_file)).await,
            expected,
        );
    }
}
