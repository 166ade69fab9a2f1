//! Which finding codes a **real program** made Handshake name in this run.
//!
//! A test that points Handshake at a real program — nginx, Apache, Tomcat,
//! Spring Boot, the JDK, OpenSSL, or the operating system's own socket and
//! resolver behaviour — records the codes it asserted with [`record`].
//! `./dev test` sets `HANDSHAKE_COVERAGE` to an empty folder, runs every
//! test, then runs the `coverage` program of this crate, which fails when a
//! code was produced by no real program and is not one of the
//! [`EXCEPTIONS`], or when an exception was produced after all (then it is
//! no exception any more). Rule fixtures and stub sockets stay as fast
//! tests; they do not count here.

use std::io::Write;

/// A real program that produced a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Program {
    /// Debian's nginx.
    Nginx,
    /// Debian's Apache httpd 2.4.
    Apache,
    /// Debian's Tomcat 10 (standalone).
    Tomcat,
    /// Spring Boot 3.5 or 4.0 (`tests/spring`) with its embedded Tomcat.
    SpringBoot,
    /// The JDK: keytool, a JSSE client or server.
    Jdk,
    /// OpenSSL's own servers (`openssl s_server`).
    Openssl,
    /// curl, the client users try first.
    Curl,
    /// Node.js application servers: Socket.IO, graphql-ws, SockJS (`tests/node`).
    Node,
    /// Debian's RabbitMQ with its Web-STOMP plugin.
    RabbitMq,
    /// Debian's OpenSSH server.
    Sshd,
    /// Debian's Chromium, headless.
    Chromium,
    /// Debian's Firefox ESR, headless.
    Firefox,
    /// The operating system: a refused or reset connection, an unreachable
    /// resolver, an empty network namespace.
    Os,
}

impl Program {
    /// Its name in the records.
    pub fn name(self) -> &'static str {
        match self {
            Program::Nginx => "nginx",
            Program::Apache => "apache",
            Program::Tomcat => "tomcat",
            Program::SpringBoot => "spring-boot",
            Program::Jdk => "jdk",
            Program::Openssl => "openssl",
            Program::Curl => "curl",
            Program::Node => "node",
            Program::RabbitMq => "rabbitmq",
            Program::Sshd => "sshd",
            Program::Chromium => "chromium",
            Program::Firefox => "firefox",
            Program::Os => "os",
        }
    }
}

/// The environment variable naming the folder records go to.
pub const FOLDER: &str = "HANDSHAKE_COVERAGE";

/// Records that `program` made Handshake name `codes` (already asserted by
/// the caller). Without `HANDSHAKE_COVERAGE` set, does nothing.
pub fn record<S: AsRef<str>>(program: Program, codes: impl IntoIterator<Item = S>) {
    let Some(folder) = std::env::var_os(FOLDER) else {
        return;
    };
    let lines: String = codes
        .into_iter()
        .map(|code| format!("{}\t{}\n", code.as_ref(), program.name()))
        .collect();
    // One file per test process; appends are whole lines.
    let file = std::path::Path::new(&folder).join(format!("{}.tsv", std::process::id()));
    let written = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&file)
        .and_then(|mut out| out.write_all(lines.as_bytes()));
    if let Err(error) = written {
        panic!("coverage record {}: {error}", file.display());
    }
}

/// Records which anchor strings of the log analyzer's signatures occur in
/// `text`, which the real `program` printed: the coverage check then knows
/// which wordings were captured from a real program and which are only
/// documented ([`DOCUMENTED`]).
pub fn record_log(program: Program, text: &str) {
    let anchors: Vec<String> = handshake_core::logs::SIGNATURES
        .iter()
        .flat_map(|signature| signature.anchors.iter())
        .filter(|anchor| text.contains(*anchor))
        .map(|anchor| format!("{ANCHOR}{anchor}"))
        .collect();
    record(program, anchors);
}

/// How an anchor wording is written in the records.
pub const ANCHOR: &str = "anchor:";

/// Codes no real program here produces on demand, each with the reason.
/// Their rules are tested with fixtures and stub sockets.
pub const EXCEPTIONS: &[(&str, &str)] = &[
    (
        "browser-no-report",
        "needs a browser that never loads the probe page, and the wait for one is 30 s; the rule's tests cover it from evidence",
    ),
    (
        "connection-reset",
        "needs a program that accepts a connection and resets it before a byte, as Docker's docker-proxy does for a published port whose application listens on 127.0.0.1; none is installed here, so a socket closed with zero linger sends the kernel's RST",
    ),
    (
        "cert-unreadable",
        "nginx, Apache, Tomcat and the JDK refuse to load a certificate they cannot parse, so no real server sends one; a stub TLS server sends the bytes",
    ),
];

/// Log wordings the analyzer knows but no program here prints: other
/// vendors' servers and clients, and browsers. Each with its source.
pub const DOCUMENTED: &[(&str, &str)] = &[
    (
        "No available certificate or key corresponds to the SSL cipher suites which are enabled",
        "JDK 8 and 11's JSSE server, from their sources (JDK 17 says \"no cipher suites in common\", tested)",
    ),
    (
        "Illegal character 0x16",
        "Jetty's HTTP parser (BadMessageException), from its sources",
    ),
    (
        "CNTL=0x16",
        "Jetty 9.4 and later: \"Illegal character CNTL=0x16\", from its sources",
    ),
    (
        "NotSslRecordException",
        "Netty (Spring WebFlux, Reactor Netty, Vert.x), from its sources",
    ),
    (
        "Client sent an HTTP request to an HTTPS server",
        "Go's net/http server answer, from its sources",
    ),
    (
        "Invalid 'Upgrade' header",
        "Spring WebFlux's HandshakeWebSocketService, from its sources",
    ),
    (
        "does not contain alias",
        "Spring Boot's SSL bundle key-store check on lines before 3.5 (3.5 and 4.0 print Tomcat's words instead, tested)",
    ),
    (
        "does not contain specified alias",
        "Spring Boot 2.x's SslConnectorCustomizer, from its sources",
    ),
    (
        "SEC_ERROR_UNKNOWN_ISSUER",
        "Firefox's NSS error on a page load, from its sources (for a WebSocket Firefox 153 names no cause: \"can’t establish a connection\")",
    ),
    (
        "MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT",
        "Firefox's mozilla::pkix error, from its sources",
    ),
    (
        "SSL_ERROR_RX_RECORD_TOO_LONG",
        "Firefox's NSS error, from its sources",
    ),
    (
        "can't establish a connection to the server at",
        "Firefox's console, as copied with a plain apostrophe",
    ),
];
