//! The Node.js application servers of `tests/node` — Socket.IO, graphql-ws
//! (on `ws`) and the SockJS project's own server — started on loopback as
//! their projects document them. `npm ci` in `tests/node` installs them
//! (`./dev` does).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::process::{Group, listening};
use crate::servers::free_port;

/// Which server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Socket.IO 4 at `/socket.io/` — namespace `/` echoes (`echo` event
    /// with an ack), `/private` refuses every client — and at `/live/`.
    SocketIo,
    /// graphql-ws at `/graphql`.
    GraphqlWs,
    /// SockJS: an echo at `/echo`, and `/goaway`, which closes each session with 3000 "Go away!".
    Sockjs,
    /// A plain WebSocket echo (`ws`) at `/echo`.
    Echo,
    /// The same echo, letting in only `https://app.example.com` (or no
    /// Origin) and refusing other Origins with 403.
    AppOrigin,
    /// The same Origin check as `ws` users write it (a `verifyClient`
    /// returning false), which `ws` answers 401.
    VerifyOrigin,
    /// An echo at `/chat` that closes 1002 unless the client names the
    /// subprotocol `chat.v1`, and at `/live` one that closes 1008 "token
    /// required" without `?token=`.
    Picky,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::SocketIo => "socketio",
            Kind::GraphqlWs => "graphql-ws",
            Kind::Sockjs => "sockjs",
            Kind::Echo => "echo",
            Kind::AppOrigin => "app-origin",
            Kind::VerifyOrigin => "verify-origin",
            Kind::Picky => "picky",
        }
    }
}

fn project() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/node")
}

/// A running Node server, stopped when dropped.
pub struct Node {
    /// The port it listens on, on 127.0.0.1.
    pub port: u16,
    group: Group,
    /// Its console (standard error), for the log analyzer.
    console: crate::Scratch,
}

impl Node {
    /// Proof, for the coverage check, that what a test reads now comes
    /// from this running Node.
    pub fn live(&self) -> crate::coverage::Live<'_> {
        crate::coverage::Live::running(crate::coverage::Program::Node, &self.group)
    }

    /// Starts `kind` on a free port; with `tls` (certificate and key PEM
    /// files) it serves TLS.
    pub fn start(kind: Kind, tls: Option<(&Path, &Path)>) -> Node {
        let project = project();
        assert!(
            project.join("node_modules").is_dir(),
            "{}: run `npm ci` there (./dev does)",
            project.display()
        );
        let port = free_port();
        let console = crate::Scratch::new("node-console");
        let log = std::fs::File::create(console.join("stderr.log")).expect("console log");
        let mut command = Command::new("node");
        command
            .current_dir(&project)
            .arg("serve.mjs")
            .arg(kind.name())
            .arg(port.to_string())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(log);
        if let Some((cert, key)) = tls {
            command.arg(cert).arg(key);
        }
        let mut group = Group::spawn(&mut command, "node");
        group.wait_until_ready(kind.name(), 20, || listening(&[port]), String::new);
        Node {
            port,
            group,
            console,
        }
    }

    /// What the server printed on standard error (an application's
    /// `clientError` log, among others).
    pub fn console(&self) -> String {
        crate::read_lossy(&self.console.join("stderr.log"))
    }
}

/// Node's usual clients through the HTTP proxy at `proxy` (a URL, with
/// credentials when given) to `https://host:port` — undici's ProxyAgent,
/// `ws` with https-proxy-agent and the `tunnel` package — each printing
/// its error on one line (`tests/node/proxy-clients.mjs`, which ends
/// itself within 20 s).
pub fn proxy_clients(proxy: &str, host: &str, port: u16) -> std::process::Output {
    let project = project();
    Command::new("node")
        .arg(project.join("proxy-clients.mjs"))
        .args([proxy, host, &port.to_string()])
        .current_dir(&project)
        .output()
        .expect("node runs")
}
