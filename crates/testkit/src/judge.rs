//! Clients that are not Handshake, as judges of what Handshake generates:
//! OpenSSL verifying the chain and the name, curl performing the upgrade
//! (its `Sec-WebSocket-Accept` checked against RFC 6455's algorithm as
//! written here), headless Chromium opening the WebSocket from a page with
//! the CA trusted in its own NSS database. A generated fix passes when they
//! pass, not only when Handshake's `check` does.

use std::path::Path;
use std::process::Command;

use crate::browser::{self, Browser, Home};

/// What `openssl s_client -verify_return_error -verify_hostname HOST`
/// printed for 127.0.0.1:`port` with `ca` (PEM) as the only root: `Ok` when
/// the chain and the name verify.
pub fn openssl_verifies(port: u16, host: &str, ca: &Path) -> Result<(), String> {
    let output = Command::new("timeout")
        .args([
            "10",
            "openssl",
            "s_client",
            "-verify_return_error",
            "-verify_hostname",
            host,
        ])
        .args(["-servername", host, "-brief", "-CAfile"])
        .arg(ca)
        .args(["-connect", &format!("127.0.0.1:{port}")])
        .stdin(std::process::Stdio::null())
        .output()
        .expect("openssl runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    if text.contains("Verification: OK") {
        Ok(())
    } else {
        Err(text)
    }
}

/// curl's upgrade of `url` (trusting `ca`): `Ok` with the response head
/// when it got `101` and the `Sec-WebSocket-Accept` RFC 6455 prescribes
/// for the key it sent.
pub fn curl_upgrades(url: &str, ca: &Path) -> Result<String, String> {
    const KEY: &str = "dGhlIHNhbXBsZSBub25jZQ==";
    let https = url
        .replacen("wss://", "https://", 1)
        .replacen("ws://", "http://", 1);
    let ca = ca.display().to_string();
    let head = crate::curl(&[
        "--http1.1",
        "-sS",
        "-i",
        "--max-time",
        "3",
        "--cacert",
        &ca,
        "-H",
        "Connection: Upgrade",
        "-H",
        "Upgrade: websocket",
        "-H",
        "Sec-WebSocket-Version: 13",
        "-H",
        &format!("Sec-WebSocket-Key: {KEY}"),
        &https,
    ]);
    let accept = format!(
        "sec-websocket-accept: {}",
        crate::servers::rfc6455_accept(KEY).to_ascii_lowercase()
    );
    let switched = head.starts_with("HTTP/1.1 101") && head.to_ascii_lowercase().contains(&accept);
    if switched {
        Ok(head.to_string())
    } else {
        Err(head.to_string())
    }
}

/// Every judge of a TLS-terminating proxy at 127.0.0.1:`port` serving
/// `url` for `host`: OpenSSL, curl and Chromium; panics with what the first
/// to fail said.
pub fn proxy_passes(port: u16, host: &str, url: &str, ca: &Path) {
    openssl_verifies(port, host, ca).unwrap_or_else(|said| panic!("openssl: {said}"));
    curl_upgrades(url, ca).unwrap_or_else(|said| panic!("curl: {said}"));
    chromium_echoes(url, ca).unwrap_or_else(|said| panic!("chromium: {said}"));
}

/// Headless Chromium, with `ca` trusted in its own NSS database of a
/// throwaway home, opens `url` from a page, sends `ping` and gets it back.
pub fn chromium_echoes(url: &str, ca: &Path) -> Result<(), String> {
    let home = Home::new();
    home.trust_in_chromium(ca);
    let outcome = browser::open_websocket(Browser::Chromium, &home, url, 30);
    match outcome.echoed() {
        Some("ping") => Ok(()),
        _ => Err(outcome.report.to_string()),
    }
}

/// The JDK's own WebSocket client (`java.net.http`), trusting only `ca` in
/// a truststore made by `keytool` in `dir`, sends `ping` to `url` and must
/// get it back — what a Java service calling the endpoint does.
pub fn java_echoes(url: &str, ca: &Path, dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(dir).expect("java judge folder");
    let truststore = dir.join("judge-truststore.p12");
    let _ = std::fs::remove_file(&truststore);
    let imported = Command::new("keytool")
        .args([
            "-importcert",
            "-noprompt",
            "-storetype",
            "PKCS12",
            "-storepass",
            "changeit",
            "-alias",
            "ca",
            "-keystore",
        ])
        .arg(&truststore)
        .arg("-file")
        .arg(ca)
        .output()
        .expect("keytool runs");
    assert!(
        imported.status.success(),
        "{}",
        String::from_utf8_lossy(&imported.stderr)
    );
    let source = dir.join("Echo.java");
    std::fs::write(&source, JAVA_CLIENT).expect("Echo.java");
    let output = Command::new("timeout")
        .args(["60", "java"])
        .arg(format!(
            "-Djavax.net.ssl.trustStore={}",
            truststore.display()
        ))
        .args([
            "-Djavax.net.ssl.trustStorePassword=changeit",
            "-Djavax.net.ssl.trustStoreType=PKCS12",
        ])
        .arg(&source)
        .arg(url)
        .output()
        .expect("java runs");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    if output.status.success() && said.contains("echo: ping") {
        Ok(())
    } else {
        Err(said)
    }
}

/// A Java WebSocket client as a Spring service writes one with the JDK.
const JAVA_CLIENT: &str = r#"import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

public class Echo {
    public static void main(String[] args) throws Exception {
        CompletableFuture<String> answer = new CompletableFuture<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
            .buildAsync(URI.create(args[0]), new WebSocket.Listener() {
                public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                    answer.complete(data.toString());
                    return null;
                }
            }).get(20, TimeUnit.SECONDS);
        socket.sendText("ping", true).get(10, TimeUnit.SECONDS);
        System.out.println("echo: " + answer.get(10, TimeUnit.SECONDS));
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
    }
}
"#;
