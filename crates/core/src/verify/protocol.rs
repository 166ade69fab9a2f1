//! The application protocols a check can speak after the upgrade: what
//! real WebSocket applications wait for before they answer anything.
//!
//! A check proves the connection in the application's own protocol: STOMP
//! `CONNECT` → `CONNECTED` (Spring's `@EnableWebSocketMessageBroker`), the
//! SockJS open frame (Spring's `.withSockJS()`), the Engine.IO open packet
//! and namespace connect (Socket.IO), graphql-ws `connection_init` →
//! `connection_ack`; or a plain echo. Each exchange is bounded by the
//! check's deadline and the message cap.

use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use serde::{Deserialize, Serialize};
use tokio::io::{AsyncRead, AsyncWrite};
use tokio_tungstenite::WebSocketStream;
use tokio_tungstenite::tungstenite::{Error as WsError, Message};

use super::MAX_MESSAGE;
use crate::Target;
use crate::exchange::{CheckFailure, Protocol, WsCause};
use crate::i18n::Facts;
use crate::secret::Secret;

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

/// The subprotocols STOMP clients offer (STOMP.js, Spring's client).
const STOMP_SUBPROTOCOLS: [&str; 3] = ["v12.stomp", "v11.stomp", "v10.stomp"];
/// graphql-ws's subprotocol.
const GRAPHQL_WS: &str = "graphql-transport-ws";

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
        if is_sockjs_session(&target.path) {
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
        Protocol::Sockjs => sockjs_path(&target.path),
        Protocol::Socketio => socketio_path(&target.path, "websocket"),
        Protocol::Stomp => {
            add(&STOMP_SUBPROTOCOLS);
            target.path.clone()
        }
        Protocol::GraphqlWs => {
            add(&[GRAPHQL_WS]);
            target.path.clone()
        }
        // graphql-ws first: Node's `ws` picks the first offered, and
        // graphql-ws closes on anything else; Spring picks STOMP among them.
        Protocol::Auto => {
            add(&[GRAPHQL_WS]);
            add(&STOMP_SUBPROTOCOLS);
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

/// `…/{server}/{session}/websocket`: SockJS's WebSocket transport URL.
fn is_sockjs_session(path: &str) -> bool {
    let parts: Vec<&str> = path
        .split('?')
        .next()
        .unwrap_or_default()
        .rsplit('/')
        .collect();
    matches!(parts.as_slice(), ["websocket", session, server, ..]
        if !session.is_empty() && !server.is_empty() && !server.contains('.'))
        && parts.len() >= 4
}

/// The WebSocket transport URL of a SockJS endpoint: the path as given when
/// it is one, else `{base}/{server}/{session}/websocket` with a fresh
/// session.
fn sockjs_path(path: &str) -> String {
    if is_sockjs_session(path) {
        return path.to_owned();
    }
    let base = path
        .split('?')
        .next()
        .unwrap_or_default()
        .trim_end_matches('/');
    let session: String = crate::probe::random_bytes::<6>()
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    format!("{base}/000/{session}/websocket")
}

/// Engine.IO's URL for `transport` (`websocket`, `polling`): Socket.IO's
/// default path when the URL has none, and the query a v4 client sends.
pub(super) fn socketio_path(path: &str, transport: &str) -> String {
    let (path, query) = path.split_once('?').unwrap_or((path, ""));
    let path = match path.trim_end_matches('/') {
        "" => "/socket.io/".to_owned(),
        path => format!("{path}/"),
    };
    let mut query: Vec<&str> = query
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with("EIO=") && !p.starts_with("transport="))
        .collect();
    let transport = format!("transport={transport}");
    query.extend(["EIO=4", &transport]);
    format!("{path}?{}", query.join("&"))
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
    /// when the user named it). The window derives the same facts from the
    /// same fields.
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
async fn receive_text<S: AsyncRead + AsyncWrite + Unpin>(
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

/// The STOMP CONNECT frame, without heart-beats, with a `host` header only
/// for a virtual host the user named, and the `login` and `passcode`
/// headers when given (all checked for line breaks).
fn stomp_connect(host: Option<&str>, login: Option<&(String, Secret)>) -> String {
    let host = host.map_or_else(String::new, |host| format!("host:{host}\n"));
    let credentials = login.map_or_else(String::new, |(login, passcode)| {
        format!("login:{login}\npasscode:{}\n", passcode.expose())
    });
    format!("CONNECT\naccept-version:1.0,1.1,1.2\n{host}{credentials}heart-beat:0,0\n\n\0")
}

/// What a STOMP frame says.
enum StompAnswer {
    Connected(Spoken),
    /// An ERROR frame: its `message` header, and its body, which says why
    /// (RabbitMQ: "Bad CONNECT", then "Access refused for user 'guest'").
    Error(String, String),
    Other,
}

/// The most of an ERROR frame's body kept: it is quoted to the user.
const MAX_ERROR_DETAIL: usize = 500;

fn read_stomp(frame: &str, over_sockjs: bool) -> StompAnswer {
    let frame = frame.trim_start_matches(['\n', '\r']);
    let (head, body) = frame.split_once("\n\n").unwrap_or((frame, ""));
    let mut lines = head.lines();
    let command = lines.next().unwrap_or_default().trim_end_matches('\r');
    let headers: Vec<(&str, &str)> = lines
        .filter_map(|line| line.trim_end_matches('\r').split_once(':'))
        .collect();
    let header = |name: &str| {
        headers
            .iter()
            .find(|(key, _)| *key == name)
            .map(|(_, value)| (*value).to_owned())
    };
    match command {
        "CONNECTED" => StompAnswer::Connected(Spoken::Stomp {
            version: header("version"),
            server: header("server"),
            heart_beat: header("heart-beat"),
            over_sockjs,
        }),
        "ERROR" => {
            let body = body.trim_matches(|c: char| c == '\0' || c.is_whitespace());
            // Quoted on one line.
            let detail: String = body
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .chars()
                .take(MAX_ERROR_DETAIL)
                .collect();
            match header("message") {
                Some(message) => StompAnswer::Error(message, detail),
                // No message header: the body's first line says it.
                None => StompAnswer::Error(
                    body.lines().next().unwrap_or_default().to_owned(),
                    String::new(),
                ),
            }
        }
        _ => StompAnswer::Other,
    }
}

/// STOMP over a raw WebSocket. An echo of the CONNECT frame is an echo
/// server, named as such when the protocol was picked by `auto`.
pub(super) async fn stomp<S: AsyncRead + AsyncWrite + Unpin>(
    socket: &mut Socket<S>,
    host: Option<&str>,
    login: Option<&(String, Secret)>,
    limits: Limits,
    picked: bool,
    first: Option<String>,
) -> Result<Spoken, CheckFailure> {
    // A STOMP server speaks only when spoken to.
    if let Some(text) = first {
        return Err(not_this(Protocol::Stomp, &text));
    }
    let connect = stomp_connect(host, login);
    send(socket, connect.clone()).await?;
    let text = receive_text(socket, limits, "STOMP CONNECT", Protocol::Stomp).await?;
    match read_stomp(&text, false) {
        StompAnswer::Connected(spoken) => Ok(spoken),
        StompAnswer::Error(message, detail) => Err(CheckFailure::ProtocolRefused {
            protocol: Protocol::Stomp,
            message,
            detail,
        }),
        // An echo: the frame is not quoted back (it may hold the passcode).
        StompAnswer::Other if text == connect && picked => Ok(Spoken::Echo),
        StompAnswer::Other if text == connect => Err(not_this(Protocol::Stomp, "CONNECT…")),
        StompAnswer::Other => Err(not_this(Protocol::Stomp, &text)),
    }
}

fn not_this(protocol: Protocol, text: &str) -> CheckFailure {
    CheckFailure::NotThisProtocol {
        protocol,
        answer: text.chars().take(200).collect(),
    }
}

/// graphql-ws: `connection_init` → `connection_ack` (pings answered). An
/// echo of the init message is an echo server when `auto` picked it.
pub(super) async fn graphql_ws<S: AsyncRead + AsyncWrite + Unpin>(
    socket: &mut Socket<S>,
    limits: Limits,
    picked: bool,
    first: Option<String>,
) -> Result<Spoken, CheckFailure> {
    // A graphql-ws server speaks only after connection_init.
    if let Some(text) = first {
        return Err(not_this(Protocol::GraphqlWs, &text));
    }
    let init = r#"{"type":"connection_init"}"#;
    send(socket, init.to_owned()).await?;
    loop {
        let text = receive_text(socket, limits, "connection_init", Protocol::GraphqlWs).await?;
        match message_type(&text).as_deref() {
            Some("connection_ack") => return Ok(Spoken::GraphqlWs),
            Some("ping") => send(socket, r#"{"type":"pong"}"#.to_owned()).await?,
            _ if picked && text == init => return Ok(Spoken::Echo),
            _ => return Err(not_this(Protocol::GraphqlWs, &text)),
        }
    }
}

fn message_type(text: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(text).ok()?;
    value.get("type")?.as_str().map(str::to_owned)
}

/// SockJS: the open frame `o`, then a STOMP CONNECT inside `[…]` — answered
/// by `CONNECTED` (Spring) or echoed (a SockJS echo). `c[code,"reason"]` is
/// the server closing the session.
pub(super) async fn sockjs<S: AsyncRead + AsyncWrite + Unpin>(
    socket: &mut Socket<S>,
    host: Option<&str>,
    login: Option<&(String, Secret)>,
    limits: Limits,
    mut first: Option<String>,
) -> Result<Spoken, CheckFailure> {
    let mut opened = false;
    let connect = stomp_connect(host, login);
    loop {
        // Before the open frame, what was sent is the upgrade itself.
        let waiting_for = if opened {
            "STOMP CONNECT"
        } else {
            "Upgrade: websocket"
        };
        let text = match first.take() {
            Some(text) => text,
            None => receive_text(socket, limits, waiting_for, Protocol::Sockjs).await?,
        };
        let (kind, rest) = text.split_at(text.len().min(1));
        match kind {
            "o" if !opened => {
                opened = true;
                let frame = serde_json::to_string(&[&connect]).unwrap_or_default();
                send(socket, frame).await?;
            }
            "h" => {}
            "c" => {
                let (code, reason) =
                    serde_json::from_str::<(u16, String)>(rest).unwrap_or((1005, rest.to_owned()));
                return Err(CheckFailure::ClosedWebSocket { code, reason });
            }
            "a" if opened => {
                let messages: Vec<String> =
                    serde_json::from_str(rest).map_err(|_| not_this(Protocol::Sockjs, &text))?;
                let first = messages.first().map(String::as_str).unwrap_or_default();
                return match read_stomp(first, true) {
                    StompAnswer::Connected(spoken) => Ok(spoken),
                    StompAnswer::Error(message, detail) => Err(CheckFailure::ProtocolRefused {
                        protocol: Protocol::Stomp,
                        message,
                        detail,
                    }),
                    StompAnswer::Other if first == connect => Ok(Spoken::SockjsEcho),
                    StompAnswer::Other => Err(not_this(Protocol::Sockjs, &text)),
                };
            }
            _ => return Err(not_this(Protocol::Sockjs, &text)),
        }
    }
}

/// The Engine.IO v4 open packet.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct EngineOpen {
    sid: String,
    ping_interval: Option<u32>,
}

/// Socket.IO: the Engine.IO open packet `0{…}`, then `40` to join the main
/// namespace, answered `40{"sid":…}` or `44{"message":…}` (refused by a
/// middleware). Engine.IO pings (`2`) are answered (`3`).
pub(super) async fn socketio<S: AsyncRead + AsyncWrite + Unpin>(
    socket: &mut Socket<S>,
    limits: Limits,
    mut first: Option<String>,
) -> Result<Spoken, CheckFailure> {
    let mut open: Option<EngineOpen> = None;
    loop {
        // Engine.IO speaks first: before its open packet, what was sent is
        // the upgrade itself.
        let waiting_for = if open.is_some() {
            "40"
        } else {
            "Upgrade: websocket"
        };
        let text = match first.take() {
            Some(text) => text,
            None => receive_text(socket, limits, waiting_for, Protocol::Socketio).await?,
        };
        if let Some(json) = text.strip_prefix('0')
            && open.is_none()
        {
            open =
                Some(serde_json::from_str(json).map_err(|_| not_this(Protocol::Socketio, &text))?);
            send(socket, "40".to_owned()).await?;
        } else if text == "2" {
            send(socket, "3".to_owned()).await?;
        } else if let (Some(engine), Some(_)) = (&open, text.strip_prefix("40")) {
            return Ok(Spoken::Socketio {
                sid: engine.sid.clone(),
                namespace: "/".to_owned(),
                ping_interval_ms: engine.ping_interval,
            });
        } else if let (Some(_), Some(json)) = (&open, text.strip_prefix("44")) {
            let message = serde_json::from_str::<serde_json::Value>(json)
                .ok()
                .and_then(|v| v.get("message")?.as_str().map(str::to_owned))
                .unwrap_or_else(|| json.to_owned());
            return Err(CheckFailure::ProtocolRefused {
                protocol: Protocol::Socketio,
                message,
                detail: String::new(),
            });
        } else {
            return Err(not_this(Protocol::Socketio, &text));
        }
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
                .is_some_and(|json| serde_json::from_str::<EngineOpen>(json).is_ok()) =>
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

    #[test]
    fn stomp_frames_are_read() {
        let connected = "CONNECTED\nversion:1.2\nheart-beat:0,0\nserver:RabbitMQ/3.13\n\n\0";
        assert!(matches!(
            read_stomp(connected, false),
            StompAnswer::Connected(Spoken::Stomp { version: Some(v), server: Some(s), .. })
                if v == "1.2" && s == "RabbitMQ/3.13"
        ));
        let error = "ERROR\nmessage:Bad CONNECT\ncontent-length:0\n\n\0";
        assert!(matches!(read_stomp(error, false), StompAnswer::Error(m, _) if m == "Bad CONNECT"));
        // RabbitMQ's body says why; it is kept.
        let error = "ERROR\nmessage:Bad CONNECT\ncontent-type:text/plain\nversion:1.0,1.1,1.2\ncontent-length:32\n\nAccess refused for user 'guest'\n\0";
        assert!(matches!(read_stomp(error, false),
            StompAnswer::Error(m, d) if m == "Bad CONNECT" && d == "Access refused for user 'guest'"));
        assert!(matches!(read_stomp("pong", false), StompAnswer::Other));
    }
}
