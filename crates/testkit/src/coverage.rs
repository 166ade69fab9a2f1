//! Which finding codes a **real program** made Handshake name in this run.
//!
//! A test that points Handshake at a real program — nginx, Apache, Tomcat,
//! Spring Boot, the JDK, OpenSSL, or the operating system's own socket and
//! resolver behaviour — records the codes it asserted with [`record`],
//! showing a [`Live`]: proof, taken from the program's own handle, that the
//! program is running (or ran and printed what is read). A stub socket has
//! no such handle, so it cannot be counted as a program.
//! `./dev test` sets `HANDSHAKE_COVERAGE` to an empty folder, runs every
//! test, then runs the `coverage` program of this crate, which fails when a
//! code was produced by no real program and is not one of the
//! [`EXCEPTIONS`], or when an exception was produced after all (then it is
//! no exception any more). Rule fixtures and stub sockets stay as fast
//! tests; they do not count here.

use std::io::Write;
use std::process::Output;

use crate::process::Group;

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
    /// Debian's stunnel4.
    Stunnel,
    /// Debian's HAProxy 2.6.
    Haproxy,
    /// Debian's Caddy 2.6 (Go's net/http and crypto/tls).
    Caddy,
    /// Debian's lighttpd 1.4 with mod_openssl.
    Lighttpd,
    /// Debian's Jetty 9.4.
    Jetty,
    /// Debian's uvicorn, serving a Starlette application.
    Uvicorn,
    /// Debian's hypercorn, serving a Starlette application.
    Hypercorn,
    /// Debian's aiohttp, its own server.
    Aiohttp,
    /// Debian's Python 3 as a client (its ssl module, the websockets library).
    Python,
    /// Debian's Squid 5, a forward proxy.
    Squid,
    /// Debian's tinyproxy.
    Tinyproxy,
    /// Debian's Prometheus, scraping an exporter.
    Prometheus,
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
            Program::Stunnel => "stunnel",
            Program::Haproxy => "haproxy",
            Program::Caddy => "caddy",
            Program::Lighttpd => "lighttpd",
            Program::Jetty => "jetty",
            Program::Uvicorn => "uvicorn",
            Program::Hypercorn => "hypercorn",
            Program::Aiohttp => "aiohttp",
            Program::Python => "python",
            Program::Squid => "squid",
            Program::Tinyproxy => "tinyproxy",
            Program::Prometheus => "prometheus",
            Program::Chromium => "chromium",
            Program::Firefox => "firefox",
            Program::Os => "os",
        }
    }
}

/// Proof that what a test records came from a real program: borrowed from
/// a running server's handle (and checked to be running when recorded), or
/// from the output a client process printed. Only the test kit makes one.
#[derive(Debug, Clone, Copy)]
pub struct Live<'a> {
    program: Program,
    source: Source<'a>,
}

#[derive(Debug, Clone, Copy)]
enum Source<'a> {
    /// A server's process group, alive while the test holds its handle.
    Running(&'a Group),
    /// A process that ran to its end; `stdout`/`stderr` are its words.
    Printed(&'a Output),
    /// A real browser's page and console.
    Reported(&'a crate::browser::Outcome),
    /// Words the test kit read from a real program.
    Said(&'a Said),
    /// The kernel itself: a refused port, an empty network namespace, a
    /// backlog nobody accepts.
    Kernel,
}

impl<'a> Live<'a> {
    /// `program`, running as `group` (a test's own server process, such
    /// as a small JSSE server; the test kit's servers have `live()`).
    pub fn running(program: Program, group: &'a Group) -> Live<'a> {
        Live {
            program,
            source: Source::Running(group),
        }
    }

    /// `program`, a browser whose page reported `outcome`.
    pub(crate) fn reported(program: Program, outcome: &'a crate::browser::Outcome) -> Live<'a> {
        Live {
            program,
            source: Source::Reported(outcome),
        }
    }

    /// `program`, run as a process (by the test, or by Handshake driving
    /// it) that printed `output`.
    pub fn printed(program: Program, output: &'a Output) -> Live<'a> {
        Live {
            program,
            source: Source::Printed(output),
        }
    }

    /// The operating system's own behaviour, with no server code involved
    /// (a socket a test serves is a stub, not the kernel).
    pub fn kernel() -> Live<'static> {
        Live {
            program: Program::Os,
            source: Source::Kernel,
        }
    }

    /// The program this proves.
    pub fn program(&self) -> Program {
        self.program
    }

    /// Panics unless the program is still there to have said it.
    fn vouch(&self) {
        match self.source {
            Source::Running(group) => assert!(
                group.running(),
                "{} had exited before its codes were recorded",
                self.program.name()
            ),
            Source::Printed(output) => assert!(
                !output.stdout.is_empty() || !output.stderr.is_empty(),
                "{} printed nothing to record",
                self.program.name()
            ),
            Source::Said(said) => assert!(
                !said.text.is_empty(),
                "{} said nothing to record",
                self.program.name()
            ),
            Source::Reported(outcome) => assert!(
                outcome.report.is_object(),
                "{} reported nothing to record",
                self.program.name()
            ),
            Source::Kernel => {}
        }
    }
}

/// What a real program printed or logged, as the test kit read it (only the
/// test kit makes one): text for the log analyzer, and its [`Live`].
#[derive(Debug, Clone)]
pub struct Said {
    program: Program,
    text: String,
}

impl Said {
    pub(crate) fn new(program: Program, text: String) -> Said {
        Said { program, text }
    }

    /// Proof that these words are the program's own.
    pub fn live(&self) -> Live<'_> {
        Live {
            program: self.program,
            source: Source::Said(self),
        }
    }
}

impl std::ops::Deref for Said {
    type Target = str;

    fn deref(&self) -> &str {
        &self.text
    }
}

impl std::fmt::Display for Said {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

/// The environment variable naming the folder records go to.
pub const FOLDER: &str = "HANDSHAKE_COVERAGE";

/// Asserts that `live`'s program made Handshake name exactly `expected`,
/// in order, then records them. Without `HANDSHAKE_COVERAGE` set, only
/// asserts.
pub fn assert_made<S: AsRef<str> + std::fmt::Debug>(
    live: &Live<'_>,
    found: &[S],
    expected: &[&str],
) {
    let found: Vec<&str> = found.iter().map(AsRef::as_ref).collect();
    assert_eq!(
        found,
        expected,
        "{} made Handshake name other codes",
        live.program.name()
    );
    record(live, expected);
}

/// Records that `live`'s program made Handshake name `codes`.
fn record<S: AsRef<str>>(live: &Live<'_>, codes: impl IntoIterator<Item = S>) {
    live.vouch();
    let Some(folder) = std::env::var_os(FOLDER) else {
        return;
    };
    let program = live.program;
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
/// `text`, which `live`'s real program printed: the coverage check then
/// knows which wordings were captured from a real program and which are
/// only documented ([`DOCUMENTED`]).
pub fn record_log(live: &Live<'_>, text: &str) {
    let anchors: Vec<String> = handshake_core::logs::SIGNATURES
        .iter()
        .flat_map(|signature| signature.anchors.iter())
        .filter(|anchor| text.contains(*anchor))
        .map(|anchor| format!("{ANCHOR}{anchor}"))
        .collect();
    record(live, anchors);
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
        "Jetty before 9.4's HTTP parser (BadMessageException), from its sources (Debian's 9.4 says \"CNTL=0x16\", tested)",
    ),
    (
        "NotSslRecordException",
        "Netty (Spring WebFlux, Reactor Netty, Vert.x), from its sources",
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
        "can't establish a connection to the server at",
        "Firefox's console, as copied with a plain apostrophe",
    ),
];
