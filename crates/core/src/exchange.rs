//! What a WebSocket exchange showed, as data: the protocol spoken after
//! the upgrade, how a check failed, and the exchange a diagnosis reads as
//! evidence. It sits below `verify` (which speaks, and fails) and
//! `diagnose` (whose rules read the failure): each imports it, neither the
//! other.

use serde::{Deserialize, Serialize};

/// The protocol a check speaks after the upgrade.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum Protocol {
    /// Pick from the URL and the negotiated subprotocol.
    #[default]
    Auto,
    /// Send a message, expect any answer.
    Echo,
    /// STOMP `CONNECT` → `CONNECTED`.
    Stomp,
    /// SockJS's WebSocket transport: the open frame, then STOMP or an echo inside.
    Sockjs,
    /// Socket.IO: the Engine.IO v4 open packet and the namespace connect.
    Socketio,
    /// graphql-ws (`graphql-transport-ws`): `connection_init` → `connection_ack`.
    GraphqlWs,
}

impl Protocol {
    /// Every protocol, `auto` first.
    pub const ALL: [Protocol; 6] = [
        Protocol::Auto,
        Protocol::Echo,
        Protocol::Stomp,
        Protocol::Sockjs,
        Protocol::Socketio,
        Protocol::GraphqlWs,
    ];

    /// The name `--protocol` takes.
    pub fn as_str(self) -> &'static str {
        match self {
            Protocol::Auto => "auto",
            Protocol::Echo => "echo",
            Protocol::Stomp => "stomp",
            Protocol::Sockjs => "sockjs",
            Protocol::Socketio => "socketio",
            Protocol::GraphqlWs => "graphql-ws",
        }
    }

    /// The protocol named `name`.
    pub fn parse(name: &str) -> Option<Protocol> {
        Protocol::ALL.into_iter().find(|p| p.as_str() == name)
    }
}

/// The kinds of WebSocket failure, as the words tell them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum WsCause {
    /// The connection closed (with or without a close handshake).
    Closed,
    /// The server broke the WebSocket protocol (a bad frame, a bad handshake).
    Protocol,
    /// A text message that is not UTF-8.
    Encoding,
    /// The socket failed.
    Io,
    /// Anything else.
    Other,
}

impl WsCause {
    /// Its name in the catalogue's selectors.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            WsCause::Closed => "closed",
            WsCause::Protocol => "protocol",
            WsCause::Encoding => "encoding",
            WsCause::Io => "io",
            WsCause::Other => "other",
        }
    }
}

/// Where a check failed, with the facts of the failure (the diagnosis of
/// the same URL, in the report's findings, says why).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum CheckFailure {
    /// The host name does not resolve.
    Unresolved {
        /// The host.
        host: String,
    },
    /// Nothing listens on the port.
    Refused {
        /// The port.
        port: u16,
    },
    /// No answer to the connection attempt.
    Unanswered {
        /// `host:port`.
        authority: String,
    },
    /// A network error other than a refusal.
    Network {
        /// The operating system's words.
        detail: String,
    },
    /// The proxy on the way did not open the tunnel (the diagnosis says
    /// why: unreachable, credentials, refused).
    Proxy {
        /// The proxy, `http://host:port`.
        proxy: String,
    },
    /// The TLS handshake failed.
    Tls,
    /// The certificate is not trusted.
    Untrusted,
    /// The server serves another certificate than `--expect-cert`.
    NotReloaded {
        /// The serial it serves.
        served_serial: String,
        /// The serial expected.
        expected_serial: String,
    },
    /// The server's own OCSP staple says its certificate is revoked.
    Revoked {
        /// The revoked certificate's serial.
        serial: String,
        /// When it was revoked, RFC 3339.
        at: String,
    },
    /// The upgrade got no answer in time.
    UpgradeTimeout {
        /// The step timeout, in seconds.
        timeout_s: f64,
    },
    /// The upgrade was answered with another status than 101.
    UpgradeStatus {
        /// The status.
        status: u16,
    },
    /// The upgrade failed otherwise.
    Upgrade {
        /// What kind of failure.
        cause: WsCause,
        /// The WebSocket library's words.
        detail: String,
    },
    /// A request value cannot be sent as a header.
    BadHeader {
        /// Which value: `origin`, `subprotocol`, `header`, or `url`.
        what: String,
    },
    /// Sending the message failed.
    Send {
        /// What kind of failure.
        cause: WsCause,
        /// The WebSocket library's words.
        detail: String,
    },
    /// No answer to the message in time.
    NoAnswer {
        /// The step timeout, in seconds.
        timeout_s: f64,
        /// The message sent.
        sent: String,
    },
    /// The server closed the TCP connection without answering.
    Closed,
    /// The server closed the WebSocket (or its SockJS session) instead of
    /// answering.
    #[serde(rename = "closed-websocket")]
    ClosedWebSocket {
        /// The close code (1005 when the server sent none, as RFC 6455 and
        /// browsers report it).
        code: u16,
        /// The close reason, as sent (often empty).
        reason: String,
    },
    /// The application protocol refused the client: STOMP `ERROR`, a
    /// Socket.IO namespace's `connect_error`.
    ProtocolRefused {
        /// Which protocol.
        protocol: Protocol,
        /// The server's own words.
        message: String,
        /// What it said besides (a STOMP ERROR frame's body); may be empty.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        detail: String,
    },
    /// The connection was closed while it was held idle.
    IdleClosed {
        /// After how many seconds of idleness.
        after_s: f64,
        /// The close code (1006 when no close frame came).
        code: u16,
        /// The close reason, as sent.
        reason: String,
        /// Whether heartbeat pings were sent.
        pinged: bool,
    },
    /// The answer is not the protocol's.
    NotThisProtocol {
        /// The protocol expected.
        protocol: Protocol,
        /// The start of what came instead.
        answer: String,
    },
    /// A message over the size cap.
    TooLarge {
        /// The cap, in KiB.
        limit_kib: u32,
    },
    /// The connection failed after the upgrade.
    Connection {
        /// What kind of failure.
        cause: WsCause,
        /// The WebSocket library's words.
        detail: String,
    },
    /// An http(s) URL that answers neither as SockJS nor as Socket.IO: a
    /// check proves WebSocket connections.
    #[serde(rename = "not-websocket")]
    NotWebSocket {
        /// The URL's ws(s) form.
        suggestion: String,
    },
}

impl CheckFailure {
    /// Whether it is the input that cannot be checked (exit status 2), not
    /// the endpoint that failed.
    pub fn is_bad_input(&self) -> bool {
        matches!(
            self,
            CheckFailure::NotWebSocket { .. } | CheckFailure::BadHeader { .. }
        )
    }

    /// One of each kind, for the catalogue's tests and the window's.
    pub fn examples() -> Vec<CheckFailure> {
        vec![
            CheckFailure::Unresolved {
                host: "nowhere.invalid".into(),
            },
            CheckFailure::Refused { port: 8443 },
            CheckFailure::Unanswered {
                authority: "10.0.0.1:8443".into(),
            },
            CheckFailure::Network {
                detail: "Network is unreachable (os error 101)".into(),
            },
            CheckFailure::Tls,
            CheckFailure::Untrusted,
            CheckFailure::NotReloaded {
                served_serial: "01".into(),
                expected_serial: "02".into(),
            },
            CheckFailure::Revoked {
                serial: "0a".into(),
                at: "2026-11-20T09:30:00Z".into(),
            },
            CheckFailure::UpgradeTimeout { timeout_s: 5.0 },
            CheckFailure::UpgradeStatus { status: 400 },
            CheckFailure::Upgrade {
                cause: WsCause::Protocol,
                detail: "WebSocket protocol error: Handshake not finished".into(),
            },
            CheckFailure::BadHeader {
                what: "origin".into(),
            },
            CheckFailure::Send {
                cause: WsCause::Closed,
                detail: "Connection closed normally".into(),
            },
            CheckFailure::NoAnswer {
                timeout_s: 5.0,
                sent: "ping".into(),
            },
            CheckFailure::Closed,
            CheckFailure::ClosedWebSocket {
                code: 1008,
                reason: "Origin not allowed".into(),
            },
            CheckFailure::ClosedWebSocket {
                code: 1005,
                reason: String::new(),
            },
            CheckFailure::ProtocolRefused {
                protocol: Protocol::Stomp,
                message: "Failed to send message to ExecutorSubscribableChannel".into(),
                detail: String::new(),
            },
            CheckFailure::ProtocolRefused {
                protocol: Protocol::Stomp,
                message: "Bad CONNECT".into(),
                detail: "Access refused for user 'guest'".into(),
            },
            CheckFailure::NotThisProtocol {
                protocol: Protocol::Socketio,
                answer: "pong".into(),
            },
            CheckFailure::IdleClosed {
                after_s: 60.0,
                code: 1006,
                reason: String::new(),
                pinged: false,
            },
            CheckFailure::TooLarge { limit_kib: 1024 },
            CheckFailure::Connection {
                cause: WsCause::Io,
                detail: "IO error: Connection reset by peer (os error 104)".into(),
            },
            CheckFailure::NotWebSocket {
                suggestion: "wss://api.example.com/v1".into(),
            },
        ]
    }
}

impl crate::i18n::Message for CheckFailure {
    fn id(&self) -> &'static str {
        match self {
            CheckFailure::Unresolved { .. } => "check-unresolved",
            CheckFailure::Refused { .. } => "check-refused",
            CheckFailure::Unanswered { .. } => "check-unanswered",
            CheckFailure::Network { .. } => "check-network",
            CheckFailure::Proxy { .. } => "check-proxy",
            CheckFailure::Tls => "check-tls",
            CheckFailure::Untrusted => "check-untrusted",
            CheckFailure::NotReloaded { .. } => "check-not-reloaded",
            CheckFailure::Revoked { .. } => "check-revoked",
            CheckFailure::UpgradeTimeout { .. } => "check-upgrade-timeout",
            CheckFailure::UpgradeStatus { .. } => "check-upgrade-status",
            CheckFailure::Upgrade { .. } => "check-upgrade",
            CheckFailure::BadHeader { .. } => "check-bad-header",
            CheckFailure::Send { .. } => "check-send",
            CheckFailure::NoAnswer { .. } => "check-no-answer",
            CheckFailure::Closed => "check-closed",
            CheckFailure::ClosedWebSocket { .. } => "check-closed-websocket",
            CheckFailure::ProtocolRefused { .. } => "check-protocol-refused",
            CheckFailure::NotThisProtocol { .. } => "check-not-this-protocol",
            CheckFailure::IdleClosed { .. } => "check-idle-closed",
            CheckFailure::TooLarge { .. } => "check-too-large",
            CheckFailure::Connection { .. } => "check-connection",
            CheckFailure::NotWebSocket { .. } => "check-not-websocket",
        }
    }

    fn facts(&self) -> crate::i18n::Facts {
        use crate::i18n::Facts;
        match self {
            CheckFailure::Unresolved { host } => Facts::new().with("host", host),
            CheckFailure::Refused { port } => Facts::new().with("port", *port),
            CheckFailure::Unanswered { authority } => Facts::new().with("authority", authority),
            CheckFailure::Network { detail } => Facts::new().with("detail", detail),
            CheckFailure::Proxy { proxy } => Facts::new().with("proxy", proxy),
            CheckFailure::Upgrade { cause, detail }
            | CheckFailure::Send { cause, detail }
            | CheckFailure::Connection { cause, detail } => Facts::new()
                .with("cause", cause.as_str())
                .with("detail", detail),
            CheckFailure::Tls | CheckFailure::Untrusted | CheckFailure::Closed => Facts::new(),
            CheckFailure::NotWebSocket { suggestion } => {
                Facts::new().with("suggestion", suggestion)
            }
            CheckFailure::NotReloaded {
                served_serial,
                expected_serial,
            } => Facts::new()
                .with("served_serial", served_serial)
                .with("expected_serial", expected_serial),
            CheckFailure::Revoked { serial, at } => {
                Facts::new().with("serial", serial).with("at", at)
            }
            CheckFailure::UpgradeTimeout { timeout_s } => {
                Facts::new().with("timeout_s", *timeout_s)
            }
            CheckFailure::UpgradeStatus { status } => Facts::new().with("status", *status),
            CheckFailure::BadHeader { what } => Facts::new().with("what", what),
            CheckFailure::NoAnswer { timeout_s, sent } => Facts::new()
                .with("timeout_s", *timeout_s)
                .with("sent", sent),
            CheckFailure::ClosedWebSocket { code, reason } => Facts::new()
                .with("code", *code)
                .with("reason", reason)
                .with("has_reason", if reason.is_empty() { "no" } else { "yes" }),
            CheckFailure::ProtocolRefused {
                protocol,
                message,
                detail,
            } => Facts::new()
                .with("protocol", protocol.as_str())
                .with("message", message)
                .with("detail", detail)
                .with("has_detail", if detail.is_empty() { "no" } else { "yes" }),
            CheckFailure::IdleClosed { after_s, code, .. } => {
                Facts::new().with("after_s", *after_s).with("code", *code)
            }
            CheckFailure::NotThisProtocol { protocol, answer } => Facts::new()
                .with("protocol", protocol.as_str())
                .with("answer", answer),
            CheckFailure::TooLarge { limit_kib } => Facts::new().with("limit_kib", *limit_kib),
        }
    }
}

/// What a check's exchange after the upgrade ended in, when it failed: the
/// diagnosis that follows names it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Exchange {
    /// The protocol spoken.
    pub protocol: Protocol,
    /// How it failed.
    pub failure: CheckFailure,
}
