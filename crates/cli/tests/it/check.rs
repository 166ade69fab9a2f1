//! `handshake check` as a user runs it, against real loopback servers.

use handshake_testkit::pki::{Ca, pem};
use handshake_testkit::servers::Server;
use handshake_testkit::websocket::{self, Behaviour};

use crate::{handshake, stderr, stdout};

/// Servers live on this runtime while the binary runs.
pub(crate) fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .expect("runtime")
}

fn dev_ca_file(ca: &Ca) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!(
        "handshake-cli-ca-{}-{}.pem",
        std::process::id(),
        ca.cert().len()
    ));
    std::fs::write(&path, pem("CERTIFICATE", ca.cert().as_ref())).expect("ca.pem");
    path
}

#[test]
fn a_working_wss_endpoint_passes_with_timings() {
    let rt = runtime();
    let ca = Ca::new("Handshake Dev CA");
    let server: Server = rt.block_on(websocket::wss(
        &ca.leaf(&["localhost"], -1, 90),
        Behaviour::Echo,
    ));
    let ca_file = dev_ca_file(&ca);
    let output = handshake(&[
        "check",
        &format!("wss://localhost:{}/ws", server.port),
        "--ca",
        ca_file.to_str().expect("path"),
        "--count",
        "3",
        "--send",
        "hi",
    ]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}{}",
        stdout(&output),
        stderr(&output)
    );
    let text = stdout(&output);
    assert!(
        text.contains("connected, 3 of 3 messages answered, closed cleanly (1000)"),
        "{text}"
    );
    assert!(text.contains("answer       “hi”"), "{text}");
    assert!(text.contains("tls          TLSv1.3"), "{text}");
    assert!(text.contains("round trip   min"), "{text}");
    let _ = std::fs::remove_file(ca_file);
}

#[test]
fn a_failure_says_because_and_exits_1() {
    let rt = runtime();
    let ca = Ca::new("Handshake Dev CA");
    let server: Server = rt.block_on(websocket::wss(
        &ca.leaf(&["localhost"], -1, 90),
        Behaviour::Echo,
    ));
    let output = handshake(&[
        "check",
        "--json",
        &format!("wss://localhost:{}/ws", server.port),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert_eq!(json["ok"], false);
    assert_eq!(json["findings"][0]["code"], "cert-untrusted-issuer");

    let output = handshake(&["check", &format!("wss://localhost:{}/ws", server.port)]);
    let text = stdout(&output);
    assert!(text.contains("the certificate is not trusted"), "{text}");
    assert!(
        text.contains("Because:") && text.contains("[cert-untrusted-issuer]"),
        "{text}"
    );
}

#[test]
fn secrets_come_from_the_environment_and_are_never_printed() {
    let rt = runtime();
    let server: Server = rt.block_on(websocket::ws(Behaviour::Echo));
    let url = format!("ws://127.0.0.1:{}/ws", server.port);
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_handshake"))
        .args([
            "check",
            "--json",
            "--bearer-env",
            "HANDSHAKE_TEST_TOKEN",
            &url,
        ])
        .env("HANDSHAKE_TEST_TOKEN", "s3cr3t-t0ken")
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(!stdout(&output).contains("s3cr3t") && !stderr(&output).contains("s3cr3t"));

    let output = handshake(&["check", "--bearer-env", "HANDSHAKE_UNSET_VARIABLE", &url]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("HANDSHAKE_UNSET_VARIABLE is not set"));
}

/// Input `check` cannot use is exit 2, told before any connection: an
/// http(s) URL, and a header value with a newline. The listener below
/// would see a connection if one were made.
#[test]
fn an_http_url_for_a_plain_protocol_or_a_bad_header_is_refused_before_connecting() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.set_nonblocking(true).expect("nonblocking");
    let port = listener.local_addr().expect("addr").port();

    // Only SockJS and Socket.IO have http(s) URLs: with another protocol
    // named there is nothing to ask the server.
    let output = handshake(&[
        "check",
        &format!("https://127.0.0.1:{port}/ws"),
        "--protocol",
        "echo",
    ]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains(&format!("wss://127.0.0.1:{port}/ws")),
        "{}",
        stderr(&output)
    );

    let output = crate::command()
        .args([
            "check",
            &format!("ws://127.0.0.1:{port}/ws"),
            "--header-env",
            "X-Tenant=HANDSHAKE_TEST_TENANT",
        ])
        .env("HANDSHAKE_TEST_TENANT", "acme\r\nX-Injected: yes")
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("cannot be sent in an HTTP header"),
        "{}",
        stderr(&output)
    );
    assert!(listener.accept().is_err(), "nothing connected");
}
