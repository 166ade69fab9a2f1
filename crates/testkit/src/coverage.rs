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

/// Codes no real program here produces on demand, each with the reason.
/// Their rules are tested with fixtures and stub sockets.
pub const EXCEPTIONS: &[(&str, &str)] = &[
    (
        "not-http",
        "needs a port that speaks another protocol (sshd, SMTP, a database); none runs here, so stubs send OpenSSH's banner and binary garbage",
    ),
    (
        "cert-unreadable",
        "nginx, Apache, Tomcat and the JDK refuse to load a certificate they cannot parse, so no real server sends one; a stub TLS server sends the bytes",
    ),
    (
        "ws-accept-mismatch",
        "no real WebSocket server computes a wrong Sec-WebSocket-Accept; a stub answers with one (the right value comes from the RFC's algorithm written in the test kit)",
    ),
    (
        "log-cert-untrusted",
        "a browser console's words (Chrome's net::ERR_CERT_AUTHORITY_INVALID, Firefox's SEC_ERROR_UNKNOWN_ISSUER, from their sources); no browser here prints them yet",
    ),
    (
        "log-mixed-content",
        "a browser console's words (Chrome's \"Mixed Content: …\", from its sources); no browser here prints them yet",
    ),
    (
        "log-cors-blocked",
        "a browser console's words (Chrome's \"blocked by CORS policy\", Firefox's \"Cross-Origin Request Blocked\", from their sources); no browser here prints them yet",
    ),
    (
        "log-ws-unexpected-status",
        "a browser console's words (Chrome's \"Unexpected response code: N\", from its sources); no browser here prints them yet",
    ),
    (
        "log-ws-connection-failed",
        "a browser console's words (Chrome's \"WebSocket connection to … failed\", Firefox's \"can't establish a connection\", from their sources); no browser here prints them yet",
    ),
];
