//! The proxy cases, through the real nginx (Debian's package) on loopback:
//! an upgrade that is not forwarded, an upstream that is down, plain HTTP to
//! a TLS port, a redirect, and the working configuration for contrast.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use handshake_core::Options;
use rustls::pki_types::pem::PemObject;

use crate::support::{
    self, Ca, answer, codes, diagnose, diagnose_with, finding, header, quick, switching,
};

/// Like Spring's WebSocket handler: 101 with Upgrade, else its 400 text.
fn spring_like(request: &str) -> Vec<u8> {
    if header(request, "Upgrade").is_some_and(|u| u.eq_ignore_ascii_case("websocket")) {
        switching(request)
    } else {
        answer(
            "400 Bad Request",
            "",
            "Can \"Upgrade\" only to \"WebSocket\".",
        )
    }
}

struct Nginx {
    child: Child,
    dir: PathBuf,
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

impl Nginx {
    /// Starts nginx with `servers` (server blocks) in a private prefix and
    /// waits until every port in `ports` accepts connections.
    fn start(servers: &str, ports: &[u16]) -> Nginx {
        let dir = std::env::temp_dir().join(format!(
            "handshake-nginx-{}-{}",
            std::process::id(),
            ports[0]
        ));
        std::fs::create_dir_all(dir.join("tmp")).expect("nginx dir");
        let d = dir.display();
        let config = format!(
            "pid {d}/nginx.pid;\nerror_log {d}/error.log info;\nevents {{ worker_connections 64; }}\nhttp {{\n  access_log {d}/access.log;\n  client_body_temp_path {d}/tmp/body;\n  proxy_temp_path {d}/tmp/proxy;\n  fastcgi_temp_path {d}/tmp/fastcgi;\n  uwsgi_temp_path {d}/tmp/uwsgi;\n  scgi_temp_path {d}/tmp/scgi;\n{servers}\n}}\n"
        );
        std::fs::write(dir.join("nginx.conf"), config).expect("nginx.conf");
        let child = Command::new(nginx_binary())
            .args([
                "-p",
                &format!("{d}/"),
                "-c",
                &format!("{d}/nginx.conf"),
                "-e",
                &format!("{d}/error.log"),
                "-g",
                "daemon off; master_process off;",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("nginx runs (apt-get install nginx)");
        let nginx = Nginx { child, dir };
        let deadline = Instant::now() + Duration::from_secs(10);
        for &port in ports {
            while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
                assert!(
                    Instant::now() < deadline,
                    "nginx did not listen on {port}: {}",
                    nginx.log()
                );
                std::thread::sleep(Duration::from_millis(20));
            }
        }
        nginx
    }

    fn log(&self) -> String {
        std::fs::read_to_string(self.dir.join("error.log")).unwrap_or_default()
    }
}

fn nginx_binary() -> &'static str {
    if Path::new("/usr/sbin/nginx").exists() {
        "/usr/sbin/nginx"
    } else {
        "nginx"
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port()
}

#[tokio::test]
async fn nginx_without_upgrade_headers_gets_the_upgrade_rejected() {
    let upstream = support::http(spring_like).await;
    let (bare, forwarding) = (free_port(), free_port());
    let _nginx = Nginx::start(
        &format!(
            "  map $http_upgrade $connection_upgrade {{ default upgrade; '' close; }}\n\
             server {{ listen 127.0.0.1:{bare}; location /ws {{ proxy_pass http://127.0.0.1:{up}; }} }}\n\
             server {{ listen 127.0.0.1:{forwarding}; location /ws {{ proxy_pass http://127.0.0.1:{up}; proxy_http_version 1.1; proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection $connection_upgrade; }} }}",
            up = upstream.port
        ),
        &[bare, forwarding],
    );
    let report = diagnose(&format!("ws://127.0.0.1:{bare}/ws")).await;
    assert_eq!(
        codes(&report),
        ["ws-upgrade-rejected"],
        "{:#?}",
        report.findings
    );
    let found = finding(&report, "ws-upgrade-rejected");
    assert!(
        found.explanation.contains("Server: nginx"),
        "{}",
        found.explanation
    );
    assert!(found.fix.contains("proxy_http_version 1.1"));

    let report = diagnose(&format!("ws://127.0.0.1:{forwarding}/ws")).await;
    assert_eq!(codes(&report), ["ws-ok"], "{:#?}", report.findings);
}

#[tokio::test]
async fn nginx_with_its_upstream_down_is_a_502() {
    let (proxy, dead) = (free_port(), support::closed_port().await);
    let _nginx = Nginx::start(
        &format!(
            "server {{ listen 127.0.0.1:{proxy}; location / {{ proxy_pass http://127.0.0.1:{dead}; }} }}"
        ),
        &[proxy],
    );
    let report = diagnose(&format!("ws://127.0.0.1:{proxy}/ws")).await;
    assert_eq!(
        codes(&report),
        ["proxy-upstream-down"],
        "{:#?}",
        report.findings
    );
}

#[tokio::test]
async fn nginx_redirects_are_not_followed() {
    let port = free_port();
    let _nginx = Nginx::start(
        &format!("server {{ listen 127.0.0.1:{port}; return 301 https://$host$request_uri; }}"),
        &[port],
    );
    let report = diagnose(&format!("ws://127.0.0.1:{port}/ws")).await;
    assert_eq!(codes(&report), ["http-redirect"], "{:#?}", report.findings);
    assert!(
        finding(&report, "http-redirect")
            .title
            .contains("https://127.0.0.1/ws")
    );
}

#[tokio::test]
async fn plain_http_to_an_nginx_tls_port() {
    let ca = Ca::new("Test CA");
    let identity = ca.leaf(&["localhost"], -1, 90);
    let port = free_port();
    let dir =
        std::env::temp_dir().join(format!("handshake-nginx-pem-{}-{port}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("pem dir");
    let cert = dir.join("cert.pem");
    let key = dir.join("key.pem");
    std::fs::write(&cert, pem("CERTIFICATE", identity.chain[0].as_ref())).expect("cert");
    std::fs::write(&key, pem("PRIVATE KEY", identity.key.secret_der())).expect("key");
    let nginx = Nginx::start(
        &format!(
            "server {{ listen 127.0.0.1:{port} ssl; ssl_certificate {}; ssl_certificate_key {}; location / {{ return 200 'ok'; }} }}",
            cert.display(),
            key.display()
        ),
        &[port],
    );
    let report = diagnose(&format!("http://localhost:{port}/")).await;
    assert_eq!(
        codes(&report),
        ["plain-to-tls-port"],
        "{:#?}",
        report.findings
    );
    assert!(
        finding(&report, "plain-to-tls-port")
            .explanation
            .contains("The plain HTTP request was sent to HTTPS port")
    );
    assert!(
        nginx
            .log()
            .contains("client sent plain HTTP request to HTTPS port"),
        "{}",
        nginx.log()
    );

    // And over TLS, trusting the CA, it answers.
    let options = Options {
        ca: vec![
            rustls::pki_types::CertificateDer::from_pem_slice(
                pem("CERTIFICATE", ca.cert().as_ref()).as_bytes(),
            )
            .expect("pem"),
        ],
        ..quick()
    };
    let report = diagnose_with(&format!("https://localhost:{port}/"), options).await;
    assert_eq!(codes(&report), ["http-ok"], "{:#?}", report.findings);
    drop(nginx);
    let _ = std::fs::remove_dir_all(dir);
}

fn pem(label: &str, der: &[u8]) -> String {
    use base64::Engine as _;
    let body = base64::engine::general_purpose::STANDARD.encode(der);
    let lines: Vec<&str> = body
        .as_bytes()
        .chunks(64)
        .map(|c| std::str::from_utf8(c).unwrap_or_default())
        .collect();
    format!(
        "-----BEGIN {label}-----\n{}\n-----END {label}-----\n",
        lines.join("\n")
    )
}
