//! The application protocols a check can speak after the upgrade: what
//! real WebSocket applications wait for before they answer anything.
//!
//! A check proves the connection in the application's own protocol: STOMP
//! `CONNECT` → `CONNECTED` (Spring's `@EnableWebSocketMessageBroker`), the
//! SockJS open frame (Spring's `.withSockJS()`), the Engine.IO open packet
//! and namespace connect (Socket.IO), graphql-ws `connection_init` →
//! `connection_ack`; or a plain echo. Each exchange is bounded by the
//! check's deadline and the message cap.

mod graphql_ws;
mod socketio;
mod sockjs;
mod stomp;

use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use serde::{Deserialize, Serialize};
use tokio::io::{AsyncRead, AsyncWrite};
use tokio_tungstenite::WebSocketStream;
use tokio_tungstenite::tungstenite::{Error as WsError, Message};

use super::MAX_MESSAGE;
use crate::exchange::{CheckFailure, Protocol, WsCause};
use crate::i18n::Facts;
use crate::secret::Secret;
use crate::target::Target;

pub(crate) use socketio::path as socketio_path;

/// Why `--protocol auto` spoke the protocol it did: what the check says
/// beside the protocol.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum PickReason {
    /// The URL's path is the protocol's (`…/{server}/{session}/websocket`,
    /// `/socket.io/`).
    Path,
    /// The server chose the protocol's subprotocol (`v12.stomp`,
    /// `graphql-transport-ws`).
    Subprotocol,
    /// The server's first message is the protocol's (SockJS's `o`,
    /// Engine.IO's open packet).
    Greeting,
    /// The URL answered `GET …/info` as a SockJS endpoint does.
    SockjsInfo,
    /// The URL answered Engine.IO's polling handshake.
    SocketioHandshake,
    /// Nothing named a protocol: a plain message and its echo.
    Nothing,
}

impl PickReason {
    /// Its name in the catalogue's selectors.
    pub fn as_str(self) -> &'static str {
        match self {
            PickReason::Path => "path",
            PickReason::Subprotocol => "subprotocol",
            PickReason::Greeting => "greeting",
            PickReason::SockjsInfo => "sockjs-info",
            PickReason::SocketioHandshake => "socketio-handshake",
            PickReason::Nothing => "nothing",
        }
    }
}

/// What to open and offer for a protocol: decided before connecting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Plan {
    /// The protocol, or `Auto` while the subprotocol decides.
    pub(super) protocol: Protocol,
    /// Why, when `auto` decided from the URL.
    pub(super) pick: Option<PickReason>,
    /// The path and query of the upgrade.
    pub(super) path: String,
    /// The subprotocols to offer, in order.
    pub(super) offer: Vec<String>,
}

/// The plan for `protocol` at `target`, with the user's own subprotocols
/// offered first.
pub(super) fn plan(protocol: Protocol, target: &Target, own: &[String]) -> Plan {
    let mut protocol = protocol;
    let mut pick = None;
    if protocol == Protocol::Auto {
        if sockjs::is_session(&target.path) {
            (protocol, pick) = (Protocol::Sockjs, Some(PickReason::Path));
        } else if target.path.contains("/socket.io") {
            (protocol, pick) = (Protocol::Socketio, Some(PickReason::Path));
        }
    }
    let mut offer = own.to_vec();
    let mut add = |names: &[&str]| {
        for name in names {
            if !offer.iter().any(|o| o == name) {
                offer.push((*name).to_owned());
            }
        }
    };
    let path = match protocol {
        Protocol::Sockjs => sockjs::path(&target.path),
        Protocol::Socketio => socketio::path(&target.path, "websocket"),
        Protocol::Stomp => {
            add(&stomp::SUBPROTOCOLS);
            target.path.clone()
        }
        Protocol::GraphqlWs => {
            add(&[graphql_ws::SUBPROTOCOL]);
            target.path.clone()
        }
        // graphql-ws first: Node's `ws` picks the first offered, and
        // graphql-ws closes on anything else; Spring picks STOMP among them.
        Protocol::Auto => {
            add(&[graphql_ws::SUBPROTOCOL]);
            add(&stomp::SUBPROTOCOLS);
            target.path.clone()
        }
        Protocol::Echo => target.path.clone(),
    };
    Plan {
        protocol,
        pick,
        path,
        offer,
    }
}

/// The plan for a protocol `auto` found by asking the endpoint, and why.
pub(super) fn plan_picked(
    (protocol, pick): (Protocol, PickReason),
    target: &Target,
    own: &[String],
) -> Plan {
    Plan {
        pick: Some(pick),
        ..plan(protocol, target, own)
    }
}

/// The protocol's own answer, as the report shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "protocol", rename_all = "kebab-case")]
pub enum Spoken {
    /// Any answer to a text message (see the report's `answer`).
    Echo,
    /// A STOMP `CONNECTED` frame.
    Stomp {
        /// The version agreed (`version` header).
        version: Option<String>,
        /// The server's name (`server` header), when it sends one.
        server: Option<String>,
        /// The heart-beat it offers (`heart-beat`: outgoing, incoming ms).
        heart_beat: Option<String>,
        /// Whether it came inside SockJS frames.
        over_sockjs: bool,
    },
    /// A SockJS endpoint that echoed the message inside its frames.
    SockjsEcho,
    /// Socket.IO: the Engine.IO session and the namespace connect.
    Socketio {
        /// The Engine.IO session id.
        sid: String,
        /// The namespace joined.
        namespace: String,
        /// How often the server pings, in ms.
        ping_interval_ms: Option<u32>,
    },
    /// graphql-ws `connection_ack`.
    GraphqlWs,
}

impl Spoken {
    /// The facts `check-spoken` says: every field by its name (absent ones
    /// `none`, flags `yes`/`no`) and why `auto` picked the protocol (`no`
    /// when the user named it), as the check's summary gives them to the
    /// terminal and the window alike.
    pub fn facts(&self, picked: Option<PickReason>) -> Facts {
        use serde_json::Value;
        let mut facts = Facts::new().with("picked", picked.map_or("no", PickReason::as_str));
        if let Ok(Value::Object(fields)) = serde_json::to_value(self) {
            for (name, value) in fields {
                match value {
                    Value::String(text) => facts.set(&name, text),
                    Value::Bool(flag) => facts.set(&name, if flag { "yes" } else { "no" }),
                    Value::Number(number) => facts.set(&name, number.as_u64().unwrap_or_default()),
                    _ => facts.set(&name, "none"),
                }
            }
        }
        facts
    }
}

/// The socket a protocol talks over.
pub(super) type Socket<S> = WebSocketStream<S>;

/// One step's limits: the deadline and the words for a missing answer.
#[derive(Debug, Clone, Copy)]
pub(super) struct Limits {
    pub(super) deadline: tokio::time::Instant,
    pub(super) timeout_s: f64,
}

/// A message from the server that counts as an answer.
#[derive(Debug)]
pub(super) enum Incoming {
    Text(String),
    Binary(usize),
}

/// The next text or binary message, answering nothing else; any failure is
/// the check's. `waiting_for` names what was sent, for "no answer".
pub(super) async fn receive<S: AsyncRead + AsyncWrite + Unpin>(
    socket: &mut Socket<S>,
    limits: Limits,
    waiting_for: &str,
) -> Result<Incoming, CheckFailure> {
    loop {
        match tokio::time::timeout_at(limits.deadline, socket.next()).await {
            Err(_) => {
                return Err(CheckFailure::NoAnswer {
                    timeout_s: limits.timeout_s,
                    sent: waiting_for.chars().take(200).collect(),
                });
            }
            Ok(None) => return Err(CheckFailure::Closed),
            Ok(Some(Err(WsError::Capacity(_)))) => {
                return Err(CheckFailure::TooLarge {
                    limit_kib: u32::try_from(MAX_MESSAGE / 1024).unwrap_or(u32::MAX),
                });
            }
            Ok(Some(Err(error))) => {
                return Err(CheckFailure::Connection {
                    cause: WsCause::of(&error),
                    detail: error.to_string(),
                });
            }
            Ok(Some(Ok(Message::Close(frame)))) => {
                let (code, reason) = frame.map_or((1005, String::new()), |f| {
                    (u16::from(f.code), f.reason.as_str().to_owned())
                });
                return Err(CheckFailure::ClosedWebSocket { code, reason });
            }
            Ok(Some(Ok(Message::Text(text)))) => {
                return Ok(Incoming::Text(text.as_str().to_owned()));
            }
            Ok(Some(Ok(Message::Binary(bytes)))) => return Ok(Incoming::Binary(bytes.len())),
            // Pings are answered by the library; pongs and raw frames are not answers.
            Ok(Some(Ok(_))) => {}
        }
    }
}

/// The next text message; a binary one is not this protocol.
pub(super) async fn receive_text<S: AsyncRead + AsyncWrite + Unpin>(
    socket: &mut Socket<S>,
    limits: Limits,
    waiting_for: &str,
    protocol: Protocol,
) -> Result<String, CheckFailure> {
    match receive(socket, limits, waiting_for).await? {
        Incoming::Text(text) => Ok(text),
        Incoming::Binary(bytes) => Err(CheckFailure::NotThisProtocol {
            protocol,
            answer: format!("{bytes} bytes of binary"),
        }),
    }
}

pub(super) async fn send<S: AsyncRead + AsyncWrite + Unpin>(
    socket: &mut Socket<S>,
    text: String,
) -> Result<(), CheckFailure> {
    socket
        .send(Message::text(text))
        .await
        .map_err(|error| CheckFailure::Send {
            cause: WsCause::of(&error),
            detail: error.to_string(),
        })
}

pub(super) fn not_this(protocol: Protocol, text: &str) -> CheckFailure {
    CheckFailure::NotThisProtocol {
        protocol,
        answer: text.chars().take(200).collect(),
    }
}

/// What a protocol is told besides its socket.
#[derive(Debug)]
pub(super) struct Speaking<'a> {
    /// STOMP's virtual host (`--stomp-host`).
    pub(super) host: Option<&'a str>,
    /// STOMP's login and passcode.
    pub(super) login: Option<&'a (String, Secret)>,
    /// The step's deadline.
    pub(super) limits: Limits,
    /// Whether `auto` picked the protocol (an echo is then named as one).
    pub(super) picked: bool,
    /// What the server said before anything was sent.
    pub(super) greeting: Option<String>,
}

/// `protocol`'s exchange over `socket`: the one place a protocol's unit is
/// chosen (`echo` is the check's own, and `auto` has picked by now).
pub(super) async fn speak<S: AsyncRead + AsyncWrite + Unpin>(
    protocol: Protocol,
    socket: &mut Socket<S>,
    speaking: Speaking<'_>,
) -> Result<Spoken, CheckFailure> {
    match protocol {
        Protocol::Stomp => stomp::speak(socket, speaking).await,
        Protocol::GraphqlWs => graphql_ws::speak(socket, speaking).await,
        Protocol::Sockjs => sockjs::speak(socket, speaking).await,
        Protocol::Socketio => socketio::speak(socket, speaking).await,
        Protocol::Echo | Protocol::Auto => Ok(Spoken::Echo),
    }
}

/// What the server said before anything was sent — a message that came
/// with the `101`, is already waiting in the socket, or comes within
/// `patience` — and the protocol it reveals: SockJS's open frame `o`,
/// Engine.IO's open packet `0{"sid":…}`.
pub(super) async fn said_first<S: AsyncRead + AsyncWrite + Unpin>(
    socket: &mut Socket<S>,
    limits: Limits,
    patience: Duration,
) -> Result<Option<(Incoming, Option<Protocol>)>, CheckFailure> {
    let poll = tokio::time::timeout(patience, receive(socket, limits, "")).await;
    let Ok(incoming) = poll else {
        return Ok(None);
    };
    let incoming = incoming?;
    let revealed = match &incoming {
        Incoming::Text(text) if text == "o" => Some(Protocol::Sockjs),
        Incoming::Text(text)
            if text
                .strip_prefix('0')
                .is_some_and(|json| serde_json::from_str::<socketio::EngineOpen>(json).is_ok()) =>
        {
            Some(Protocol::Socketio)
        }
        _ => None,
    };
    Ok(Some((incoming, revealed)))
}

/// How long a plan's exchange may take at most: one step.
pub(super) fn limits(timeout: Duration) -> Limits {
    Limits {
        deadline: tokio::time::Instant::now() + timeout,
        timeout_s: (timeout.as_secs_f64() * 10.0).round() / 10.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(url: &str) -> Target {
        Target::parse(url).unwrap_or_else(|e| panic!("{url}: {e}"))
    }

    #[test]
    fn auto_picks_from_the_url() {
        let sockjs = plan(
            Protocol::Auto,
            &target("ws://h/sockjs/123/abc/websocket"),
            &[],
        );
        assert_eq!(sockjs.protocol, Protocol::Sockjs);
        assert_eq!(sockjs.path, "/sockjs/123/abc/websocket");
        let io = plan(Protocol::Auto, &target("ws://h/socket.io/"), &[]);
        assert_eq!(io.protocol, Protocol::Socketio);
        assert_eq!(io.path, "/socket.io/?EIO=4&transport=websocket");
        let other = plan(Protocol::Auto, &target("ws://h/ws"), &["chat".to_owned()]);
        assert_eq!(other.protocol, Protocol::Auto);
        assert_eq!(
            other.offer,
            [
                "chat",
                "graphql-transport-ws",
                "v12.stomp",
                "v11.stomp",
                "v10.stomp"
            ]
        );
    }

    #[test]
    fn named_protocols_build_their_urls() {
        let sockjs = plan(Protocol::Sockjs, &target("wss://h/sockjs"), &[]);
        assert!(sockjs.path.starts_with("/sockjs/000/"), "{}", sockjs.path);
        assert!(sockjs.path.ends_with("/websocket"));
        let io = plan(Protocol::Socketio, &target("ws://h/"), &[]);
        assert_eq!(io.path, "/socket.io/?EIO=4&transport=websocket");
        let io = plan(
            Protocol::Socketio,
            &target("ws://h/chat/?token=x&EIO=3"),
            &[],
        );
        assert_eq!(io.path, "/chat/?token=x&EIO=4&transport=websocket");
        assert!(
            plan(Protocol::Echo, &target("ws://h/ws"), &[])
                .offer
                .is_empty()
        );
    }
}
