//! The original bug report, reproduced with the real Tomcat 10 (Debian's
//! `tomcat10`, the server Spring Boot embeds): a `wss://` client against an
//! HTTP-only connector. Handshake must name it, and Tomcat must log the
//! "Invalid character found in method name" the user saw.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{codes, diagnose, finding};

const CATALINA_HOME: &str = "/usr/share/tomcat10";

struct Tomcat {
    child: Child,
    base: PathBuf,
}

impl Drop for Tomcat {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.base);
    }
}

impl Tomcat {
    /// Starts Tomcat with a private CATALINA_BASE and one plain HTTP
    /// connector on `port`, and waits (at most 90 s) until it accepts.
    fn start_http(port: u16) -> Tomcat {
        let base = std::env::temp_dir().join(format!("handshake-tomcat-{}-{port}", std::process::id()));
        for dir in ["conf", "logs", "temp", "work", "webapps/ROOT"] {
            std::fs::create_dir_all(base.join(dir)).expect("CATALINA_BASE");
        }
        std::fs::copy("/etc/tomcat10/web.xml", base.join("conf/web.xml")).expect("tomcat10 is installed (apt-get install tomcat10)");
        std::fs::write(
            base.join("conf/server.xml"),
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?>
<Server port="-1" shutdown="SHUTDOWN">
  <Service name="Catalina">
    <Connector address="127.0.0.1" port="{port}" protocol="HTTP/1.1" connectionTimeout="20000"/>
    <Engine name="Catalina" defaultHost="localhost">
      <Host name="localhost" appBase="webapps" unpackWARs="false" autoDeploy="false"/>
    </Engine>
  </Service>
</Server>
"#
            ),
        )
        .expect("server.xml");
        std::fs::write(base.join("webapps/ROOT/index.html"), "ok").expect("index.html");
        let log = std::fs::File::create(base.join("logs/console.log")).expect("console log");
        let classpath = format!("{CATALINA_HOME}/bin/bootstrap.jar:{CATALINA_HOME}/bin/tomcat-juli.jar");
        let child = Command::new("java")
            .args([
                "-Xshare:auto",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                &classpath,
                &format!("-Dcatalina.home={CATALINA_HOME}"),
                &format!("-Dcatalina.base={}", base.display()),
                &format!("-Djava.io.tmpdir={}", base.join("temp").display()),
                "org.apache.catalina.startup.Bootstrap",
                "start",
            ])
            .stdout(log.try_clone().expect("log"))
            .stderr(log)
            .stdin(Stdio::null())
            .spawn()
            .expect("java runs");
        let tomcat = Tomcat { child, base };
        let deadline = Instant::now() + Duration::from_secs(90);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "Tomcat did not listen on {port}: {}", tomcat.log());
            std::thread::sleep(Duration::from_millis(100));
        }
        tomcat
    }

    fn log(&self) -> String {
        std::fs::read_to_string(self.base.join("logs/console.log")).unwrap_or_default()
    }
}

#[tokio::test]
async fn wss_to_tomcats_http_connector_is_the_tls_to_plain_port_finding() {
    let port = std::net::TcpListener::bind("127.0.0.1:0").expect("bind").local_addr().expect("addr").port();
    let tomcat = Tomcat::start_http(port);

    let report = diagnose(&format!("wss://127.0.0.1:{port}/ws")).await;
    assert_eq!(codes(&report), ["tls-to-plain-port"], "{:#?}", report.findings);
    assert!(finding(&report, "tls-to-plain-port").explanation.contains("HTTP/1.1 400"));

    // Tomcat logs the error of the original bug report (bounded wait: the
    // log line is written after the response).
    let deadline = Instant::now() + Duration::from_secs(10);
    while !tomcat.log().contains("Invalid character found in method name") {
        assert!(Instant::now() < deadline, "Tomcat did not log the parse error:\n{}", tomcat.log());
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(tomcat.log().contains("HTTP method names must be tokens"));

    // The same port diagnosed as ws:// reaches the HTTP server.
    let report = diagnose(&format!("ws://127.0.0.1:{port}/ws")).await;
    assert_eq!(codes(&report), ["ws-path-not-found"], "{:#?}", report.findings);
}
