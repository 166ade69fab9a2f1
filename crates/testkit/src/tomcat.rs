//! The real Tomcat 10 (Debian's `tomcat10`, the server Spring Boot embeds),
//! started with a private CATALINA_BASE.

use std::path::PathBuf;
use std::process::{Command, Stdio};

use crate::process::{Group, listening};

const CATALINA_HOME: &str = "/usr/share/tomcat10";

/// The certificate of an HTTPS connector: a PKCS12 keystore (Tomcat's
/// `certificateKeystore*` attributes).
#[derive(Debug, Clone)]
pub enum TlsCertificate {
    /// The keystore, its password and the key's alias.
    Keystore {
        /// The keystore file.
        file: PathBuf,
        /// Its password.
        password: String,
        /// The key's alias.
        alias: String,
    },
}

impl TlsCertificate {
    fn element(&self) -> String {
        match self {
            TlsCertificate::Keystore {
                file,
                password,
                alias,
            } => format!(
                r#"<Certificate certificateKeystoreFile="{}" certificateKeystoreType="PKCS12" certificateKeystorePassword="{password}" certificateKeyAlias="{alias}"/>"#,
                file.display()
            ),
        }
    }
}

/// A running Tomcat, stopped (and its CATALINA_BASE removed) when dropped.
pub struct Tomcat {
    process: Group,
    base: PathBuf,
}

impl Drop for Tomcat {
    fn drop(&mut self) {
        // Stopped before its files go: it may still write its log.
        self.process.stop();
        let _ = std::fs::remove_dir_all(&self.base);
    }
}

impl Tomcat {
    /// Proof, for the coverage check, that what a test reads now comes
    /// from this running Tomcat.
    pub fn live(&self) -> crate::coverage::Live<'_> {
        crate::coverage::Live::running(crate::coverage::Program::Tomcat, &self.process)
    }

    /// Starts Tomcat with a private CATALINA_BASE and one plain HTTP
    /// connector on `port`, and waits (at most 90 s) until it has started.
    pub fn start_http(port: u16) -> Tomcat {
        Tomcat::start(
            &format!(
                r#"<Connector address="127.0.0.1" port="{port}" protocol="HTTP/1.1" connectionTimeout="20000"/>"#
            ),
            "",
            port,
        )
    }

    /// Starts Tomcat with an HTTPS connector on `port` serving
    /// `certificate`, and the examples webapp (its WebSocket echo is at
    /// `/examples/websocket/echoAnnotation`).
    pub fn start_https_with_examples(port: u16, certificate: &TlsCertificate) -> Tomcat {
        Tomcat::start(
            &format!(
                r#"<Connector address="127.0.0.1" port="{port}" protocol="org.apache.coyote.http11.Http11NioProtocol" SSLEnabled="true" scheme="https" secure="true">
      <SSLHostConfig protocols="TLSv1.2+TLSv1.3">
        {}
      </SSLHostConfig>
    </Connector>"#,
                certificate.element()
            ),
            r#"<Context path="/examples" docBase="/usr/share/tomcat10-examples/examples"/>"#,
            port,
        )
    }

    /// Starts Tomcat with `connectors` and `contexts` (inside the Host).
    fn start(connectors: &str, contexts: &str, port: u16) -> Tomcat {
        let base =
            std::env::temp_dir().join(format!("handshake-tomcat-{}-{port}", std::process::id()));
        for dir in ["conf", "logs", "temp", "work", "webapps/ROOT"] {
            std::fs::create_dir_all(base.join(dir)).expect("CATALINA_BASE");
        }
        std::fs::copy("/etc/tomcat10/web.xml", base.join("conf/web.xml"))
            .expect("tomcat10 is installed (apt-get install tomcat10)");
        std::fs::write(
            base.join("conf/server.xml"),
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?>
<Server port="-1" shutdown="SHUTDOWN">
  <Service name="Catalina">
    {connectors}
    <Engine name="Catalina" defaultHost="localhost">
      <Host name="localhost" appBase="webapps" unpackWARs="false" autoDeploy="false">
        {contexts}
      </Host>
    </Engine>
  </Service>
</Server>
"#
            ),
        )
        .expect("server.xml");
        std::fs::write(base.join("webapps/ROOT/index.html"), "ok").expect("index.html");
        let log = std::fs::File::create(base.join("logs/console.log")).expect("console log");
        let classpath =
            format!("{CATALINA_HOME}/bin/bootstrap.jar:{CATALINA_HOME}/bin/tomcat-juli.jar");
        let process = Group::spawn(
            Command::new("java")
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
                .stdin(Stdio::null()),
            "java (apt-get install tomcat10)",
        );
        let mut tomcat = Tomcat { process, base };
        // The port accepts about a second before Tomcat answers on it; it
        // logs "Server startup in" once the connectors and webapps are up.
        let console = tomcat.base.join("logs/console.log");
        tomcat.process.wait_until_ready(
            "Tomcat",
            90,
            || listening(&[port]) && crate::read_lossy(&console).contains("Server startup in"),
            || crate::read_lossy(&console),
        );
        tomcat
    }

    pub fn log(&self) -> String {
        crate::read_lossy(&self.base.join("logs/console.log"))
    }
}
