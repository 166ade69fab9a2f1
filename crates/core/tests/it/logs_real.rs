//! The log analyzer on text the real programs printed in this run: the JDK's
//! keytool and JSSE client, Tomcat 10 and nginx (those two in their own
//! modules' tests).

use std::process::Command;

use handshake_core::{Code, Language};

use crate::support::{Live, Program, real_log};
use handshake_testkit::pki::Ca;
use handshake_testkit::process::Group;
use handshake_testkit::servers::{self, answer, switching};

/// A throwaway folder of its own for one test, removed when dropped.
fn scratch(name: &str) -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix(&format!("handshake-logs-{name}-"))
        .tempdir()
        .expect("scratch dir")
}

fn output_text(output: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

#[test]
fn keytool_with_the_wrong_password() {
    let scratch_dir = scratch("keytool");
    let dir = scratch_dir.path();
    let store = dir.join("server.p12");
    let made = Command::new("keytool")
        .args([
            "-genkeypair",
            "-alias",
            "server",
            "-keyalg",
            "EC",
            "-dname",
            "CN=localhost",
            "-storetype",
            "PKCS12",
            "-storepass",
            "rightpass",
            "-keystore",
        ])
        .arg(&store)
        .output()
        .expect("keytool runs (a JDK is installed)");
    assert!(made.status.success(), "{}", output_text(&made));

    let wrong = Command::new("keytool")
        .args([
            "-list",
            "-storetype",
            "PKCS12",
            "-storepass",
            "wrongpass",
            "-keystore",
        ])
        .arg(&store)
        .output()
        .expect("keytool");
    let text = output_text(&wrong);
    assert!(
        text.contains("password was incorrect"),
        "keytool said: {text}"
    );
    real_log(
        &Live::printed(Program::Jdk, &wrong),
        &text,
        &[Code::LogKeystorePassword],
    );

    // A JKS keystore, as older tools and tutorials make them, says it
    // another way.
    let jks = dir.join("server.jks");
    let made = Command::new("keytool")
        .args([
            "-genkeypair",
            "-alias",
            "server",
            "-keyalg",
            "EC",
            "-dname",
            "CN=localhost",
        ])
        .args(["-storetype", "JKS", "-storepass", "rightpass", "-keystore"])
        .arg(&jks)
        .output()
        .expect("keytool");
    assert!(made.status.success(), "{}", output_text(&made));
    let wrong = Command::new("keytool")
        .args([
            "-list",
            "-storetype",
            "JKS",
            "-storepass",
            "wrongpass",
            "-keystore",
        ])
        .arg(&jks)
        .output()
        .expect("keytool");
    let text = output_text(&wrong);
    assert!(
        text.contains("Keystore was tampered with"),
        "keytool said: {text}"
    );
    real_log(
        &Live::printed(Program::Jdk, &wrong),
        &text,
        &[Code::LogKeystorePassword],
    );
    drop(scratch_dir);
}

const CLIENT: &str = r#"
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

public class Client {
    public static void main(String[] args) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(args[0])).timeout(java.time.Duration.ofSeconds(5)).build();
        try {
            client.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }
}
"#;

/// Runs a Java 11+ HttpClient against `url`: what it printed.
fn java_client(url: &str) -> std::process::Output {
    let scratch_dir = scratch("java");
    let dir = scratch_dir.path();
    std::fs::write(dir.join("Client.java"), CLIENT).expect("Client.java");
    let output = Command::new("java")
        .arg(dir.join("Client.java"))
        .arg(url)
        .output()
        .expect("java runs");
    drop(scratch_dir);
    output
}

// The servers run on other threads while this one waits for the JVM.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn java_does_not_trust_a_development_certificate() {
    let ca = Ca::new("Untrusted Dev CA");
    let server = servers::https(&ca.leaf(&["localhost"], -1, 90), switching).await;
    let java = java_client(&format!("https://localhost:{}/", server.port));
    let text = output_text(&java);
    assert!(
        text.contains("PKIX path building failed"),
        "java said: {text}"
    );
    real_log(
        &Live::printed(Program::Jdk, &java),
        &text,
        &[Code::LogPkixPathBuilding],
    );
}

// The servers run on other threads while this one waits for the JVM.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn java_speaking_tls_to_a_plain_port() {
    let server = servers::http(|_| answer("400 ", "", "")).await;
    let java = java_client(&format!("https://localhost:{}/", server.port));
    let text = output_text(&java);
    // The client's side of the original bug, in JSSE's own words.
    assert!(
        text.contains("Unrecognized SSL message, plaintext connection?"),
        "java said: {text}"
    );
    real_log(
        &Live::printed(Program::Jdk, &java),
        &text,
        &[Code::LogTlsOnPlainPort],
    );
}

/// nginx and Apache refusing a configuration whose certificate files are
/// missing or do not pair up, as `nginx -t` and `apache2ctl -t` say it.
#[test]
fn nginx_and_apache_on_missing_or_mismatched_certificate_files() {
    use handshake_core::render::ProxyPlan;
    use handshake_core::render::{apache, nginx};
    use handshake_testkit::apache::Apache;

    let scratch_dir = scratch("certificate-files");
    let dir = scratch_dir.path();
    let ca = Ca::new("Handshake Test CA");
    let (cert, _key) = ca.leaf(&["localhost"], -1, 30).write_pem(&dir.join("one"));
    let (_, other_key) = ca.leaf(&["localhost"], -1, 30).write_pem(&dir.join("two"));
    let missing = dir.join("missing.pem");
    // httpd binds it before it reads the key: a free port, or the refusal
    // is the address's.
    let listen = format!("127.0.0.1:{}", handshake_testkit::servers::free_port());
    let plan = |certificate: &std::path::Path, key: &std::path::Path| ProxyPlan {
        listen_tls: listen.clone(),
        listen_redirect: None,
        certificate: certificate.display().to_string(),
        certificate_key: key.display().to_string(),
        ..ProxyPlan::new(
            vec!["localhost".into()],
            String::new(),
            String::new(),
            "http://127.0.0.1:8080".into(),
        )
    };

    let said = handshake_testkit::nginx::test_config(&nginx::render(
        &plan(&missing, &other_key),
        Language::En,
    ))
    .expect_err("nginx refuses a missing certificate");
    let report = real_log(&said.live(), &said, &[Code::LogCertificateFileMissing]);
    let words = report.findings[0]
        .finding
        .words(handshake_core::Language::En);
    assert!(
        words.explanation.contains(&missing.display().to_string()),
        "{words:?}"
    );
    let said = handshake_testkit::nginx::test_config(&nginx::render(
        &plan(&cert, &other_key),
        Language::En,
    ))
    .expect_err("nginx refuses a key of another pair");
    real_log(&said.live(), &said, &[Code::LogKeyMismatch]);

    let said = Apache::configtest(
        &apache::MODULES,
        &apache::render(&plan(&missing, &other_key), Language::En),
    )
    .expect_err("Apache refuses a missing certificate");
    real_log(&said.live(), &said, &[Code::LogCertificateFileMissing]);
    // A key of another pair passes apache2ctl -t; httpd itself refuses to
    // start, in its error log.
    let said = Apache::refused_start(
        &apache::MODULES,
        &format!(
            "Listen {listen}\n{}",
            apache::render(&plan(&cert, &other_key), Language::En)
        ),
    );
    assert!(said.contains("AH02565"), "{said}");
    real_log(&said.live(), &said, &[Code::LogKeyMismatch]);
    drop(scratch_dir);
}

/// A JSSE server (the JDK's own TLS, as in Tomcat and Spring Boot) whose
/// keystore holds a certificate without its key: the client's handshake
/// fails on a real alert, and the server prints Java's own words.
const NO_KEY_SERVER: &str = r#"
import java.io.FileInputStream;
import java.net.InetAddress;
import java.security.KeyStore;
import javax.net.ssl.*;

public class Server {
    public static void main(String[] args) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new FileInputStream(args[0]), args[1].toCharArray());
        KeyManagerFactory keys = KeyManagerFactory.getInstance("SunX509");
        keys.init(store, args[1].toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        SSLServerSocket socket = (SSLServerSocket) context.getServerSocketFactory()
            .createServerSocket(0, 4, InetAddress.getLoopbackAddress());
        socket.setSoTimeout(3000);
        System.out.println("PORT " + socket.getLocalPort());
        System.out.flush();
        // Every hello Handshake sends (the handshake, then its probes), and
        // the plain HTTP request the test sends last.
        for (int i = 0; i < 4; i++) {
            try (SSLSocket client = (SSLSocket) socket.accept()) {
                client.startHandshake();
            } catch (java.net.SocketTimeoutException e) {
                break;
            } catch (Exception e) {
                e.printStackTrace();
            }
        }
    }
}
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_jsse_server_without_a_private_key() {
    use std::io::{BufRead, Write};
    let scratch_dir = scratch("jsse");
    let dir = scratch_dir.path();
    let ca = Ca::new("JSSE Test CA");
    let (cert, _key) = ca.leaf(&["localhost"], -1, 30).write_pem(dir);
    let store = dir.join("certificate-only.p12");
    handshake_testkit::pki::certificate_only_keystore(&cert, &store, "changeit");
    std::fs::write(dir.join("Server.java"), NO_KEY_SERVER).expect("Server.java");
    // JDK 17 words it per protocol version: TLS 1.3 finds no signature
    // scheme, TLS 1.2 no cipher suite (older JDKs: "No available
    // certificate or key corresponds to the SSL cipher suites…").
    for (version, words) in [
        (
            "TLSv1.3",
            "SSLHandshakeException: No available authentication scheme",
        ),
        (
            "TLSv1.2",
            "SSLHandshakeException: no cipher suites in common",
        ),
    ] {
        let mut server = Group::spawn(
            Command::new("java")
                .arg(format!("-Djdk.tls.server.protocols={version}"))
                .arg(dir.join("Server.java"))
                .arg(&store)
                .arg("changeit")
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped()),
            "java",
        );
        let mut first = String::new();
        let mut stdout = std::io::BufReader::new(server.take_stdout().expect("stdout"));
        stdout.read_line(&mut first).expect("the port line");
        let port: u16 = first
            .trim()
            .strip_prefix("PORT ")
            .and_then(|port| port.parse().ok())
            .unwrap_or_else(|| panic!("java printed {first:?}"));
        crate::support::real(
            &Live::running(Program::Jdk, &server),
            crate::support::diagnose(&format!("https://localhost:{port}/")).await,
            &["tls-handshake-failed"],
        );
        // Plain HTTP to the TLS port: the server's side of that mistake.
        if let Ok(mut plain) = std::net::TcpStream::connect(("127.0.0.1", port)) {
            let _ = plain.write_all(b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
        }
        // The server ends 3 s after its last connection.
        let mut output = server.output(20);
        let mut rest = Vec::new();
        std::io::Read::read_to_end(&mut stdout, &mut rest).expect("its output");
        output.stdout = rest;
        let text = output_text(&output);
        assert!(text.contains(words), "{version}: java said: {text}");
        assert!(
            text.contains("Unsupported or unrecognized SSL message"),
            "{version}: java said: {text}"
        );
        real_log(
            &Live::printed(Program::Jdk, &output),
            &text,
            &[Code::LogNoServerCertificate, Code::LogPlainOnTlsPort],
        );
    }
}

/// What curl prints on the two wrong-port mistakes, against real nginx:
/// plain HTTP to its TLS port (nginx's own 400 page) and TLS to a plain
/// port (OpenSSL's words, through curl).
#[test]
fn curl_on_the_wrong_port() {
    use handshake_testkit::nginx::Nginx;
    use handshake_testkit::servers::free_port;
    let scratch_dir = scratch("curl");
    let dir = scratch_dir.path();
    let ca = Ca::new("Curl Test CA");
    let (cert, key) = ca.leaf(&["localhost"], -1, 30).write_pem(dir);
    let (tls, plain) = (free_port(), free_port());
    let nginx = Nginx::start(
        &format!(
            "server {{ listen 127.0.0.1:{tls} ssl; ssl_certificate {}; ssl_certificate_key {}; location / {{ return 200 'ok'; }} }}\n\
             server {{ listen 127.0.0.1:{plain}; location / {{ return 200 'ok'; }} }}",
            cert.display(),
            key.display()
        ),
        &[tls, plain],
    );
    let curl = |url: String| handshake_testkit::curl(&["-sS", &url]);
    let page = curl(format!("http://127.0.0.1:{tls}/"));
    assert!(
        page.contains("The plain HTTP request was sent to HTTPS port"),
        "{page}"
    );
    real_log(&nginx.live(), &page, &[Code::LogPlainOnTlsPort]);
    let said = curl(format!("https://127.0.0.1:{plain}/"));
    assert!(said.contains("wrong version number"), "{said}");
    real_log(&said.live(), &said, &[Code::LogTlsOnPlainPort]);
}

/// The same refusal of an untrusted certificate in each client's own
/// words — curl, Python's websockets, Node's ws, and Go (Caddy proxying to
/// the server) — each explained as that client's, with its own way to
/// trust a CA.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_client_refusing_an_untrusted_certificate() {
    use handshake_testkit::node::{Kind, Node};
    let scratch_dir = scratch("untrusted");
    let dir = scratch_dir.path();
    let ca = Ca::new("Untrusted Clients CA");
    let (cert, key) = ca.leaf(&["localhost"], -1, 30).write_pem(dir);
    let node = Node::start(Kind::Echo, Some((&cert, &key)));
    let url = format!("wss://localhost:{}/echo", node.port);
    let client = |report: handshake_core::logs::LogReport| {
        report.findings[0]
            .finding
            .facts
            .text("client")
            .map(str::to_owned)
    };

    let said = handshake_testkit::curl(&["-sS", &format!("https://localhost:{}/echo", node.port)]);
    let report = real_log(&said.live(), &said, &[Code::LogCertUntrusted]);
    assert_eq!(client(report).as_deref(), Some("curl"), "{said}");

    let python = Command::new("/usr/bin/python3")
        .args([
            "-c",
            "import asyncio, sys, websockets\nasync def main():\n    async with websockets.connect(sys.argv[1]):\n        pass\nasyncio.run(main())",
            &url,
        ])
        .output()
        .expect("python3 runs (apt-get install python3-websockets)");
    let text = output_text(&python);
    let report = real_log(
        &Live::printed(Program::Python, &python),
        &text,
        &[Code::LogCertUntrusted],
    );
    assert_eq!(client(report).as_deref(), Some("python"), "{text}");

    // Node names each case: a leaf from an unknown CA, a chain that ends
    // in a self-signed root it does not know, a self-signed leaf.
    let with_root = dir.join("with-root");
    std::fs::create_dir_all(&with_root).expect("folder");
    let chain = with_root.join("chain.pem");
    std::fs::write(
        &chain,
        format!(
            "{}{}",
            std::fs::read_to_string(&cert).expect("leaf"),
            handshake_testkit::pki::pem("CERTIFICATE", ca.cert().as_ref())
        ),
    )
    .expect("chain");
    let rooted = Node::start(Kind::Echo, Some((&chain, &key)));
    let own = handshake_testkit::pki::self_signed(&["localhost"]).write_pem(&dir.join("own"));
    let lone = Node::start(Kind::Echo, Some((&own.0, &own.1)));
    for (port, words) in [
        (node.port, "UNABLE_TO_VERIFY_LEAF_SIGNATURE"),
        (rooted.port, "SELF_SIGNED_CERT_IN_CHAIN"),
        (lone.port, "DEPTH_ZERO_SELF_SIGNED_CERT"),
    ] {
        let node_client = Command::new("node")
            .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/node"))
            .args([
                "-e",
                "const WebSocket = require('ws'); new WebSocket(process.argv[1]).on('error', (e) => console.error(e));",
                &format!("wss://localhost:{port}/echo"),
            ])
            .output()
            .expect("node runs");
        let text = output_text(&node_client);
        assert!(text.contains(words), "{words}: {text}");
        let report = real_log(
            &Live::printed(Program::Node, &node_client),
            &text,
            &[Code::LogCertUntrusted],
        );
        assert_eq!(client(report).as_deref(), Some("node"), "{text}");
    }

    let port = handshake_testkit::servers::free_port();
    let caddy = handshake_testkit::caddy::start(
        &format!(
            "http://127.0.0.1:{port} {{\n\treverse_proxy https://localhost:{}\n}}\n",
            node.port
        ),
        &[port],
    );
    // A request through Caddy makes it dial the server, and refuse it.
    let _ = handshake_testkit::curl(&["-sS", &format!("http://127.0.0.1:{port}/echo")]);
    handshake_testkit::wait_until(
        5,
        || caddy.log().contains("unknown authority"),
        || caddy.log(),
    );
    let said = caddy
        .log()
        .lines()
        .filter(|line| line.contains("unknown authority"))
        .collect::<Vec<_>>()
        .join("\n");
    let report = real_log(&caddy.live(), &said, &[Code::LogCertUntrusted]);
    assert_eq!(client(report).as_deref(), Some("go"), "{said}");
}

/// A client's tunnel refused by the real Squid, in the client's own words
/// — curl, Java's HttpsURLConnection and java.net.http, Node's clients —
/// and in Squid's
/// access log: a 407 for credentials, a 403 for a port outside SSL_ports.
#[test]
fn clients_refused_by_the_proxy() {
    let scratch_dir = scratch("proxy-clients");
    let dir = scratch_dir.path();
    let (open, locked) = (
        handshake_testkit::servers::free_port(),
        handshake_testkit::servers::free_port(),
    );
    let setup = |credentials| handshake_testkit::squid::Setup {
        ssl_ports: &[],
        names: &["only-the-proxy.test"],
        credentials,
        ..Default::default()
    };
    let squid = handshake_testkit::squid::start(open, &setup(None));
    let guarded = handshake_testkit::squid::start(locked, &setup(Some(("alice", "s3cret"))));
    let refused_port = "https://only-the-proxy.test:8443/";

    let said = handshake_testkit::curl(&[
        "-sS",
        "-x",
        &format!("http://127.0.0.1:{locked}"),
        "https://only-the-proxy.test/",
    ]);
    real_log(&said.live(), &said, &[Code::LogProxyAuthRequired]);
    let said = handshake_testkit::curl(&[
        "-sS",
        "-x",
        &format!("http://127.0.0.1:{open}"),
        refused_port,
    ]);
    real_log(&said.live(), &said, &[Code::LogProxyTunnelRefused]);

    for (client, words) in [
        (JAVA_URL_CONNECTION, "Unable to tunnel through proxy"),
        (JAVA_HTTP_CLIENT, "Tunnel failed, got: 403"),
    ] {
        let file = dir.join(format!("{}.java", client.0));
        std::fs::write(&file, client.1).expect("java source");
        let java = Command::new("java")
            .arg(&file)
            .arg(open.to_string())
            .arg(refused_port)
            .output()
            .expect("java runs");
        let text = output_text(&java);
        assert!(text.contains(words), "{words}: {text}");
        real_log(
            &Live::printed(Program::Jdk, &java),
            &text,
            &[Code::LogProxyTunnelRefused],
        );
    }
    // Node's clients, each in its own words: undici's ProxyAgent, `ws` with
    // https-proxy-agent, the `tunnel` package; and Python's websockets.
    for (proxy, port, code, said) in [
        (locked, 443, Code::LogProxyAuthRequired, 3),
        (open, 8443, Code::LogProxyTunnelRefused, 2),
    ] {
        let node = handshake_testkit::node::proxy_clients(
            &format!("http://127.0.0.1:{proxy}"),
            "only-the-proxy.test",
            port,
        );
        let text = output_text(&node);
        let report = real_log(&Live::printed(Program::Node, &node), &text, &[code]);
        let by_node: u64 = report
            .findings
            .iter()
            .filter(|found| found.finding.facts.text("client") == Some("node"))
            .map(|found| found.count)
            .sum();
        assert_eq!(by_node, said, "{text}");
        let python = handshake_testkit::python::websockets_through(
            &format!("http://127.0.0.1:{proxy}"),
            &format!("wss://only-the-proxy.test:{port}/ws"),
        );
        let text = output_text(&python);
        let report = real_log(&Live::printed(Program::Python, &python), &text, &[code]);
        assert_eq!(
            report.findings[0].finding.facts.text("client"),
            Some("python"),
            "{text}"
        );
    }
    handshake_testkit::wait_until(
        5,
        || squid.log().contains("TCP_DENIED/403") && guarded.log().contains("TCP_DENIED/407"),
        || format!("{}{}", squid.log(), guarded.log()),
    );
    real_log(&squid.live(), &squid.log(), &[Code::LogProxyTunnelRefused]);
    real_log(
        &guarded.live(),
        &guarded.log(),
        &[Code::LogProxyAuthRequired],
    );
}

/// Java's HttpsURLConnection through the proxy on 127.0.0.1:`args[0]`.
const JAVA_URL_CONNECTION: (&str, &str) = (
    "Tunnel",
    r#"import java.net.*;
import javax.net.ssl.*;

public class Tunnel {
    public static void main(String[] args) throws Exception {
        Proxy proxy = new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])));
        HttpsURLConnection connection = (HttpsURLConnection) new URL(args[1]).openConnection(proxy);
        System.out.println(connection.getResponseCode());
    }
}
"#,
);

/// java.net.http through the proxy on 127.0.0.1:`args[0]`.
const JAVA_HTTP_CLIENT: (&str, &str) = (
    "HttpTunnel",
    r#"import java.net.*;
import java.net.http.*;

public class HttpTunnel {
    public static void main(String[] args) throws Exception {
        HttpClient client = HttpClient.newBuilder()
            .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0]))))
            .build();
        client.send(HttpRequest.newBuilder(URI.create(args[1])).build(), HttpResponse.BodyHandlers.discarding());
    }
}
"#,
);
