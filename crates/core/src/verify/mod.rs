//! Verification: a real WebSocket connection, message round trips and a
//! clean close, with the time of every phase.
//!
//! The last step of the journey: after exporting the files and restarting
//! the server, the user wants proof. When the proof fails, "failed" alone
//! helps nobody, so the same URL is diagnosed and the findings come with the
//! result. Memory and time are bounded: frames and messages are capped at
//! [`MAX_MESSAGE`], and every wait has the step timeout.

mod discover;
mod protocol;
pub mod summary;

use std::time::{Duration, Instant};

use futures_util::{SinkExt as _, StreamExt};
use rustls::pki_types::CertificateDer;
use serde::{Deserialize, Serialize};
use tokio::io::AsyncWriteExt;
use tokio_tungstenite::WebSocketStream;
use tokio_tungstenite::tungstenite::http::{HeaderName, HeaderValue};
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::tungstenite::protocol::{CloseFrame, Role, WebSocketConfig};
use tokio_tungstenite::tungstenite::{Error as WsError, Message};

pub use crate::exchange::{CheckFailure, Exchange, Protocol, WsCause};
use protocol::Socket;
pub use protocol::{PickReason, Spoken};
pub use summary::{CheckSummary, Checked, SeenLine, summary};

use crate::clock::{millis, now_unix};
use crate::diagnose::{self, Options};
use crate::finding::Finding;
use crate::probe::cert::{self, CertInfo};
use crate::probe::tcp::{self, Connect};
use crate::probe::tls::{self, ClientIdentity, Handshake, TlsSession, Trust};
use crate::probe::{Io, dns, http, tunnel, ws};
use crate::proxy::{Proxying, Route, Way};
use crate::secret::Secret;
use crate::target::Target;
use tokio::net::TcpStream;

/// How long `auto` waits for a server that took the first subprotocol
/// offered to speak first (Engine.IO's open packet follows the `101` at once).
const SPEAKS_FIRST_PATIENCE: Duration = Duration::from_millis(50);

/// The longest idle hold `--idle` may ask for.
pub const MAX_IDLE: Duration = Duration::from_secs(3600);

/// Where the idle hold's countdown goes (seconds left): the terminal and
/// the window each show it their way.
pub type Countdown = crate::callback::Callback<u64>;

/// The largest message or frame accepted from the server.
pub const MAX_MESSAGE: usize = 1 << 20;

/// What to check, besides the URL.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    /// The `Origin` header, as a browser on that page would send it.
    pub origin: Option<String>,
    /// The application protocol to prove the connection in.
    pub protocol: Protocol,
    /// The STOMP `login` and `passcode` headers of the CONNECT frame.
    pub stomp_login: Option<(String, Secret)>,
    /// The CONNECT frame's `host` header: a broker's virtual host. None
    /// sends none, as STOMP.js does by default: RabbitMQ takes any `host`
    /// as the name of a virtual host, and refuses one that does not exist.
    pub stomp_host: Option<String>,
    /// Subprotocols to offer (`Sec-WebSocket-Protocol`).
    pub subprotocols: Vec<String>,
    /// Extra request headers; values are secrets and never printed.
    pub headers: Vec<(String, Secret)>,
    /// Extra trust anchors, e.g. the development CA.
    pub ca: Vec<CertificateDer<'static>>,
    /// The client certificate to present when the server asks (mutual TLS).
    pub identity: Option<ClientIdentity>,
    /// The certificate the server should serve (`--expect-cert`).
    pub expected: Option<CertInfo>,
    /// The text message to send.
    pub send: String,
    /// How many round trips.
    pub count: u32,
    /// Retry a refused port this long (the server is restarting).
    pub wait: Option<Duration>,
    /// How long each step may take.
    pub timeout: Duration,
    /// After the exchange, hold the connection idle this long (at most
    /// [`MAX_IDLE`]): a proxy's idle timeout shows.
    pub idle: Option<Duration>,
    /// While idle, send a WebSocket ping this often (a heartbeat).
    pub ping: Option<Duration>,
    /// Told each second of the idle hold how many seconds are left.
    pub countdown: Option<Countdown>,
    /// Which proxy to go through, and its credentials.
    pub proxy: Proxying,
}

impl Default for CheckOptions {
    fn default() -> CheckOptions {
        CheckOptions {
            origin: None,
            protocol: Protocol::Auto,
            stomp_login: None,
            stomp_host: None,
            subprotocols: Vec::new(),
            headers: Vec::new(),
            ca: Vec::new(),
            identity: None,
            expected: None,
            send: "ping".to_owned(),
            count: 1,
            wait: None,
            timeout: Duration::from_secs(5),
            idle: None,
            ping: None,
            countdown: None,
            proxy: Proxying::default(),
        }
    }
}

impl CheckOptions {
    /// The options of a diagnosis of what this check opens: the same
    /// Origin, roots, client certificate, expected certificate and step
    /// timeout, offering `subprotocols`.
    pub(crate) fn diagnosis(&self, subprotocols: Vec<String>) -> Options {
        Options {
            origin: self.origin.clone(),
            ca: self.ca.clone(),
            identity: self.identity.clone(),
            expected: self.expected.clone(),
            subprotocols,
            timeout: self.timeout,
            proxy: self.proxy.clone(),
            ..Options::default()
        }
    }
}

/// The result of `handshake check`.
#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CheckReport {
    /// The normalised URL.
    pub url: String,
    /// True when the connection opened, every message was answered and the
    /// close was clean.
    pub ok: bool,
    /// What failed, when something did.
    pub failure: Option<CheckFailure>,
    /// How long the server took to start accepting, when `wait` was needed.
    pub waited_ms: Option<f64>,
    /// The time of each phase.
    pub phases_ms: Phases,
    /// The negotiated TLS parameters.
    pub tls: Option<TlsSession>,
    /// The certificate the server presented.
    pub certificate: Option<CertInfo>,
    /// The subprotocol the server chose.
    pub subprotocol: Option<String>,
    /// The protocol the check spoke.
    pub protocol: Protocol,
    /// Why `auto` picked it; `None` when the user named it.
    pub picked: Option<PickReason>,
    /// The protocol's own answer (STOMP's CONNECTED, Socket.IO's session…).
    pub spoken: Option<Spoken>,
    /// Each round trip, in order.
    pub round_trips_ms: Vec<f64>,
    /// Minimum, median and maximum of the round trips.
    pub latency: Option<Latency>,
    /// The first answer.
    pub answer: Option<Answer>,
    /// The close code the server answered with.
    pub close_code: Option<u16>,
    /// The idle hold, when `idle` asked for one.
    pub idle: Option<IdleHold>,
    /// When it failed: the diagnosis of the same URL.
    pub findings: Vec<Finding>,
}

/// How the idle hold went.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct IdleHold {
    /// How long it was asked to hold, in seconds.
    pub asked_s: f64,
    /// How long the connection stayed open, in seconds.
    pub held_s: f64,
    /// How many heartbeat pings were sent.
    pub pings: u32,
}

impl CheckReport {
    /// The report with its failure said (`error`) and every finding's
    /// words in `language`: what `handshake check --json` prints.
    pub fn said(
        &self,
        language: crate::i18n::Language,
    ) -> Result<serde_json::Value, serde_json::Error> {
        let mut said = crate::said::said(self, language)?;
        if let Some(fields) = said.as_object_mut() {
            let error = self.failure.as_ref().map(|failure| language.say(failure));
            crate::said::insert_after(fields, "failure", [("error", error.into())]);
        }
        Ok(said)
    }
}

impl WsCause {
    /// The kind of a WebSocket library error.
    pub(crate) fn of(error: &WsError) -> WsCause {
        match error {
            WsError::ConnectionClosed | WsError::AlreadyClosed => WsCause::Closed,
            WsError::Protocol(_) | WsError::HttpFormat(_) | WsError::AttackAttempt => {
                WsCause::Protocol
            }
            WsError::Utf8(_) => WsCause::Encoding,
            WsError::Io(_) => WsCause::Io,
            _ => WsCause::Other,
        }
    }
}

/// The server's first answer to the message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Answer {
    /// A text message (cut to 200 characters).
    Text {
        /// The text.
        text: String,
    },
    /// A binary message.
    Binary {
        /// Its size.
        bytes: u32,
    },
}

impl Answer {
    /// The text of a text answer.
    pub fn text(&self) -> Option<&str> {
        match self {
            Answer::Text { text } => Some(text),
            Answer::Binary { .. } => None,
        }
    }
}

/// Milliseconds per phase (absent when it did not run).
#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Phases {
    /// Name resolution.
    pub dns: Option<f64>,
    /// TCP connection (after any waiting).
    pub tcp: Option<f64>,
    /// TLS handshake.
    pub tls: Option<f64>,
    /// WebSocket upgrade.
    pub upgrade: Option<f64>,
    /// Send to first answer.
    pub first_answer: Option<f64>,
}

/// Round-trip statistics.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Latency {
    /// Fastest.
    pub min: f64,
    /// Median.
    pub median: f64,
    /// Slowest.
    pub max: f64,
}

/// Options a check cannot run with: bad input, told before anything is
/// sent.
#[derive(Debug, thiserror::Error)]
#[error("{}", crate::i18n::english(self))]
pub enum BadCheck {
    /// A request value that cannot be sent in a header (a newline, a
    /// control character).
    Header {
        /// Which value: `origin`, `subprotocol`, `header`, `url` or `stomp`.
        what: String,
    },
    /// An idle hold or a ping interval longer than [`MAX_IDLE`].
    TooLong {
        /// Which: `idle` or `ping`.
        what: &'static str,
        /// The seconds asked for.
        seconds: u64,
    },
}

impl crate::i18n::Message for BadCheck {
    fn id(&self) -> &'static str {
        match self {
            BadCheck::Header { .. } => "error-check-bad-header",
            BadCheck::TooLong { .. } => "error-check-too-long",
        }
    }

    fn facts(&self) -> crate::i18n::Facts {
        match self {
            BadCheck::Header { what } => crate::i18n::Facts::new().with("what", what),
            BadCheck::TooLong { what, seconds } => crate::i18n::Facts::new()
                .with("what", *what)
                .with("seconds", *seconds)
                .with("max", MAX_IDLE.as_secs()),
        }
    }
}

/// The target a check of `protocol` opens for what the user typed: a
/// ws(s) URL; for SockJS, Socket.IO and `auto` also the http(s) URL their
/// clients are given (`new SockJS("https://…")`, `io("https://…")`), which
/// [`check`] opens as ws(s) — under `auto` once the endpoint has answered
/// as one of the two.
pub fn target(input: &str, protocol: Protocol) -> Result<Target, crate::target::TargetError> {
    match (Target::parse_websocket(input), protocol) {
        (
            Err(crate::target::TargetError::NotWebSocket { .. }),
            Protocol::Auto | Protocol::Sockjs | Protocol::Socketio,
        ) => Target::parse(input),
        (parsed, _) => parsed,
    }
}

/// Checks that the upgrade request of `options` can be built, before any
/// connection: the values of `--origin`, `--subprotocol` and `--header`,
/// and the idle hold and ping interval (at most [`MAX_IDLE`]).
pub fn validate(target: &Target, options: &CheckOptions) -> Result<(), BadCheck> {
    for (what, duration) in [("idle", options.idle), ("ping", options.ping)] {
        if let Some(duration) = duration.filter(|d| *d > MAX_IDLE) {
            return Err(BadCheck::TooLong {
                what,
                seconds: duration.as_secs(),
            });
        }
    }
    match check_values(target, options) {
        Err(CheckFailure::BadHeader { what }) => Err(BadCheck::Header { what }),
        _ => Ok(()),
    }
}

/// Opens a WebSocket to `target`, sends `options.send` `options.count`
/// times, waits for each answer, and closes. On failure, the URL is
/// diagnosed and the findings are part of the report.
pub async fn check(given: &Target, options: &CheckOptions) -> CheckReport {
    let target = &given.as_websocket();
    let fresh = || CheckReport {
        url: target.url.clone(),
        ..CheckReport::default()
    };
    let mut report = fresh();
    let mut plan = protocol::plan(options.protocol, target, &options.subprotocols);
    // The http(s) URL SockJS and Socket.IO clients are given: under `auto`
    // the one that answers for it is spoken; nothing else is a WebSocket.
    if !given.scheme.is_websocket() && plan.protocol == Protocol::Auto {
        let Some(found) = discover::discover(target, options).await else {
            report.failure = Some(CheckFailure::NotWebSocket {
                suggestion: target.url.clone(),
            });
            return report;
        };
        plan = protocol::plan_picked(found, target, &options.subprotocols);
    }
    let mut outcome = attempt(target, options, &plan, &mut report).await;
    // A bare upgrade refused at a SockJS or Socket.IO endpoint's base URL:
    // `auto` asks which it is and speaks that.
    if plan.protocol == Protocol::Auto
        && matches!(outcome, Err(CheckFailure::UpgradeStatus { .. }))
        && let Some(found) = discover::discover(target, options).await
    {
        plan = protocol::plan_picked(found, target, &options.subprotocols);
        report = fresh();
        outcome = attempt(target, options, &plan, &mut report).await;
    }
    let Err(failure) = outcome else {
        report.ok = true;
        return report;
    };
    // The diagnosis of what the check opened: the same URL, offering the
    // same subprotocols; what failed after the upgrade is evidence too.
    let opened = target.with_path(&plan.path);
    let diagnosis = diagnose::diagnose(&opened, &options.diagnosis(plan.offer.clone())).await;
    let mut evidence = diagnosis.evidence;
    if report.phases_ms.upgrade.is_some() {
        evidence.exchange = Some(Exchange {
            protocol: report.protocol,
            failure: failure.clone(),
        });
    }
    report.findings = diagnose::Report::from_evidence(evidence, diagnosis.timings_ms).findings;
    report.failure = Some(failure);
    report
}

/// DNS and TCP to `target`, straight or through the proxy the options
/// name (its tunnel opened), retrying a refused port within `wait`, with
/// the phases and the wait in `report`.
pub(crate) async fn reach(
    target: &Target,
    options: &CheckOptions,
    wait: Option<Duration>,
    report: &mut CheckReport,
) -> Result<TcpStream, CheckFailure> {
    let timeout = options.timeout;
    // `validate` refused a proxy that cannot be used.
    if let Ok(Way {
        route: Route::Proxy {
            host, port, proxy, ..
        },
        credentials,
    }) = options.proxy.way(target)
    {
        let step = Instant::now();
        let tunnel = tunnel::through(
            &host,
            port,
            &target.authority(),
            credentials.as_ref(),
            timeout,
            wait,
        )
        .await
        .map_err(|_| CheckFailure::Proxy { proxy })?;
        report.waited_ms = tunnel.waited.map(millis);
        report.phases_ms.tcp = Some(millis(step.elapsed()) - report.waited_ms.unwrap_or(0.0));
        return Ok(tunnel.stream);
    }
    let step = Instant::now();
    let addresses = dns::resolve(target, timeout)
        .await
        .map_err(|_| CheckFailure::Unresolved {
            host: target.host.clone(),
        })?;
    report.phases_ms.dns = Some(millis(step.elapsed()));

    let step = Instant::now();
    let stream = match tcp::connect(&addresses, timeout, wait).await {
        Connect::Connected { stream, waited, .. } => {
            report.waited_ms = waited.map(millis);
            stream
        }
        Connect::Refused { .. } => return Err(CheckFailure::Refused { port: target.port }),
        Connect::Timeout => {
            return Err(CheckFailure::Unanswered {
                authority: target.authority(),
            });
        }
        Connect::Failed(error) => {
            return Err(CheckFailure::Network {
                detail: error.detail,
            });
        }
    };
    // The connection itself: the wait for the server is `waited_ms`.
    report.phases_ms.tcp = Some(millis(step.elapsed()) - report.waited_ms.unwrap_or(0.0));
    Ok(stream)
}

/// One try of the check: reach, secure, upgrade, speak, hold, close; the
/// report filled in as each step goes.
async fn attempt(
    target: &Target,
    options: &CheckOptions,
    plan: &protocol::Plan,
    report: &mut CheckReport,
) -> Result<(), CheckFailure> {
    let timeout = options.timeout;
    let timeout_s = (timeout.as_secs_f64() * 10.0).round() / 10.0;
    check_values(target, options)?;
    let stream = reach(target, options, options.wait, report).await?;
    let stream: Box<dyn Io> = if target.secure {
        secure(stream, target, options, report).await?
    } else {
        Box::new(stream)
    };
    let step = Instant::now();
    let (mut socket, subprotocol) = upgrade(stream, target, options, plan, timeout_s).await?;
    report.phases_ms.upgrade = Some(millis(step.elapsed()));
    report.subprotocol = subprotocol;
    speak(&mut socket, options, plan, report).await?;
    report.latency = latency(&report.round_trips_ms);
    if let Some(idle) = options.idle {
        hold(&mut socket, idle.min(MAX_IDLE), options, report).await?;
    }
    report.close_code = close(&mut socket, timeout).await;
    Ok(())
}

/// The TLS handshake, and the certificate it showed held to what the check
/// expects: trusted, not revoked by its own staple, the one expected.
async fn secure(
    stream: TcpStream,
    target: &Target,
    options: &CheckOptions,
    report: &mut CheckReport,
) -> Result<Box<dyn Io>, CheckFailure> {
    let step = Instant::now();
    let trust = Trust::new(&options.ca);
    let identity = options.identity.as_ref();
    let handshake = tls::handshake(stream, &target.host, &trust, identity, options.timeout);
    let Handshake::Established {
        stream,
        session,
        chain,
        verdict,
        stapled,
        ..
    } = handshake.await
    else {
        return Err(CheckFailure::Tls);
    };
    report.phases_ms.tls = Some(millis(step.elapsed()));
    report.tls = Some(session);
    report.certificate = chain.first().and_then(|der| cert::inspect(der, now_unix()));
    verdict.map_err(|_| CheckFailure::Untrusted)?;
    if let (Some(staple), Some(served)) = (&stapled, &report.certificate)
        && let Some((at, _)) = staple.revocation_of(&served.serial)
    {
        return Err(CheckFailure::Revoked {
            serial: served.serial.clone(),
            at: at.to_owned(),
        });
    }
    if let (Some(expected), Some(served)) = (&options.expected, &report.certificate)
        && expected.serial != served.serial
    {
        return Err(CheckFailure::NotReloaded {
            served_serial: served.serial.clone(),
            expected_serial: expected.serial.clone(),
        });
    }
    Ok(stream)
}

/// The application's protocol over the open socket: the one named, or the
/// one `auto` recognises (by the subprotocol taken, or by what the server
/// says first), else an echo.
async fn speak(
    socket: &mut Socket<Box<dyn Io>>,
    options: &CheckOptions,
    plan: &protocol::Plan,
    report: &mut CheckReport,
) -> Result<(), CheckFailure> {
    (report.protocol, report.picked) = match plan.protocol {
        Protocol::Auto => match report.subprotocol.as_deref() {
            Some(name) if name.ends_with(".stomp") => {
                (Protocol::Stomp, Some(PickReason::Subprotocol))
            }
            Some("graphql-transport-ws") => (Protocol::GraphqlWs, Some(PickReason::Subprotocol)),
            _ => (Protocol::Echo, Some(PickReason::Nothing)),
        },
        chosen => (chosen, plan.pick),
    };
    let picked = plan.protocol == Protocol::Auto;
    let sent = Instant::now();
    let limits = protocol::limits(options.timeout);
    // What the server says before anything is sent names it, whatever
    // subprotocol it took. Node's `ws` takes the first one offered whatever
    // it is (Socket.IO's engine too): then its first frame is waited for a
    // moment, else only what already came is read.
    let mut first = None;
    if picked {
        let took_first_offered =
            report.subprotocol.is_some() && report.subprotocol.as_ref() == plan.offer.first();
        let patience = if took_first_offered {
            SPEAKS_FIRST_PATIENCE
        } else {
            Duration::ZERO
        };
        first = protocol::said_first(socket, limits, patience).await?;
        if let Some((_, Some(revealed))) = &first {
            (report.protocol, report.picked) = (*revealed, Some(PickReason::Greeting));
        }
    }
    let spoken = if matches!(report.protocol, Protocol::Echo | Protocol::Auto) {
        echo(socket, options, report, first.map(|(said, _)| said)).await?;
        Spoken::Echo
    } else {
        let greeting = match first {
            Some((protocol::Incoming::Text(text), _)) => Some(text),
            _ => None,
        };
        let speaking = protocol::Speaking {
            host: options.stomp_host.as_deref(),
            login: options.stomp_login.as_ref(),
            limits,
            picked,
            greeting,
        };
        let spoken = protocol::speak(report.protocol, socket, speaking).await?;
        // A protocol's handshake is one exchange: its time is the round trip.
        let rtt = millis(sent.elapsed());
        report.phases_ms.first_answer = Some(rtt);
        report.round_trips_ms = vec![rtt];
        if spoken == Spoken::Echo {
            // `auto` offered a subprotocol the server took without speaking it.
            (report.protocol, report.picked) = (Protocol::Echo, Some(PickReason::Nothing));
        }
        spoken
    };
    report.spoken = Some(spoken);
    Ok(())
}

/// A clean close: the server's close code, if it answers within a step.
async fn close(socket: &mut Socket<Box<dyn Io>>, timeout: Duration) -> Option<u16> {
    let closing = async {
        socket
            .close(Some(CloseFrame {
                code: CloseCode::Normal,
                reason: "handshake check done".into(),
            }))
            .await
            .ok();
        while let Some(message) = socket.next().await {
            if let Ok(Message::Close(frame)) = message {
                return frame.map(|f| u16::from(f.code));
            }
        }
        None
    };
    tokio::time::timeout(timeout, closing).await.ok().flatten()
}

/// The opening handshake, written and read here (not by the WebSocket
/// library, which refuses a server that takes none of the offered
/// subprotocols): the request as the plan says, the answer within one
/// step, then the socket with whatever frames came with the `101`.
async fn upgrade(
    mut stream: Box<dyn Io>,
    target: &Target,
    options: &CheckOptions,
    plan: &protocol::Plan,
    timeout_s: f64,
) -> Result<(WebSocketStream<Box<dyn Io>>, Option<String>), CheckFailure> {
    let key = ws::new_key();
    let offered = plan.offer.join(", ");
    let mut headers = ws::upgrade_headers(&key, options.origin.as_deref());
    if !offered.is_empty() {
        headers.push(("Sec-WebSocket-Protocol", &offered));
    }
    for (name, secret) in &options.headers {
        headers.push((name, secret.expose()));
    }
    let request = http::request("GET", &plan.path, &target.host_header(), &headers);
    let failed = |error: std::io::Error| CheckFailure::Upgrade {
        cause: WsCause::Io,
        detail: error.to_string(),
    };
    stream.write_all(&request).await.map_err(failed)?;
    let (head, rest) = match http::read_response(&mut stream, options.timeout).await {
        Ok(answer) => answer,
        Err(
            http::HeadError::Silent
            | http::HeadError::Stalled { .. }
            | http::HeadError::OnlyInterim { .. },
        ) => return Err(CheckFailure::UpgradeTimeout { timeout_s }),
        Err(http::HeadError::Closed { .. }) => return Err(CheckFailure::Closed),
        Err(http::HeadError::Io(error)) => {
            return Err(CheckFailure::Network {
                detail: error.detail,
            });
        }
        Err(error) => {
            // Not an HTTP response: its first bytes, as text.
            let received = error.received();
            return Err(CheckFailure::Upgrade {
                cause: WsCause::Protocol,
                detail: String::from_utf8_lossy(&received[..received.len().min(80)])
                    .escape_debug()
                    .to_string(),
            });
        }
    };
    if head.status != 101 {
        http::close_politely(&mut stream).await;
        return Err(CheckFailure::UpgradeStatus {
            status: head.status,
        });
    }
    if head.header("Sec-WebSocket-Accept").map(str::trim) != Some(ws::accept_for(&key).as_str()) {
        return Err(CheckFailure::Upgrade {
            cause: WsCause::Protocol,
            detail: "Sec-WebSocket-Accept".to_owned(),
        });
    }
    let subprotocol = head
        .header("Sec-WebSocket-Protocol")
        .map(|chosen| chosen.trim().to_owned());
    if let Some(chosen) = &subprotocol
        && !plan.offer.contains(chosen)
    {
        return Err(CheckFailure::Upgrade {
            cause: WsCause::Protocol,
            detail: format!("Sec-WebSocket-Protocol: {chosen}"),
        });
    }
    let config = WebSocketConfig::default()
        .max_message_size(Some(MAX_MESSAGE))
        .max_frame_size(Some(MAX_MESSAGE));
    let socket =
        WebSocketStream::from_partially_read(stream, rest, Role::Client, Some(config)).await;
    Ok((socket, subprotocol))
}

/// Holds the connection idle for `idle`: nothing is sent but pongs, the
/// server's pings' answers, Engine.IO's pong, and with `options.ping`, a
/// WebSocket ping as often as asked. A close in the meantime is the failure.
async fn hold(
    socket: &mut WebSocketStream<Box<dyn Io>>,
    idle: Duration,
    options: &CheckOptions,
    report: &mut CheckReport,
) -> Result<(), CheckFailure> {
    let started = Instant::now();
    let deadline = tokio::time::Instant::now() + idle;
    let mut second = tokio::time::interval(Duration::from_secs(1));
    let far = Duration::from_secs(365 * 24 * 3600);
    let mut ping = tokio::time::interval(options.ping.unwrap_or(far));
    // The first tick of an interval is at once: a heartbeat starts after a period.
    ping.tick().await;
    let mut hold = IdleHold {
        asked_s: idle.as_secs_f64(),
        ..IdleHold::default()
    };
    let closed = loop {
        tokio::select! {
            () = tokio::time::sleep_until(deadline) => break None,
            _ = second.tick() => {
                if let Some(countdown) = &options.countdown {
                    countdown.call(deadline.saturating_duration_since(tokio::time::Instant::now()).as_secs());
                }
            }
            _ = ping.tick(), if options.ping.is_some() => {
                if socket.send(Message::Ping(Vec::new().into())).await.is_err() {
                    break Some((1006, String::new()));
                }
                hold.pings += 1;
            }
            message = socket.next() => match message {
                Some(Ok(Message::Close(frame))) => {
                    break Some(frame.map_or((1005, String::new()), |f| {
                        (u16::from(f.code), f.reason.as_str().to_owned())
                    }));
                }
                // Engine.IO's heartbeat: its ping wants a pong.
                Some(Ok(Message::Text(text))) if report.protocol == Protocol::Socketio && text.as_str() == "2" => {
                    if socket.send(Message::text("3")).await.is_err() {
                        break Some((1006, String::new()));
                    }
                }
                Some(Ok(_)) => {}
                Some(Err(_)) | None => break Some((1006, String::new())),
            },
        }
    };
    hold.held_s = (started.elapsed().as_secs_f64() * 10.0).round() / 10.0;
    let pinged = hold.pings > 0;
    let after_s = hold.held_s;
    report.idle = Some(hold);
    match closed {
        None => Ok(()),
        Some((code, reason)) => Err(CheckFailure::IdleClosed {
            after_s,
            code,
            reason,
            pinged,
        }),
    }
}

/// The echo: `options.send`, `options.count` times, each answer awaited
/// within one step; a message the server sent first (a greeting) counts as
/// the first answer.
async fn echo(
    socket: &mut WebSocketStream<Box<dyn Io>>,
    options: &CheckOptions,
    report: &mut CheckReport,
    mut greeting: Option<protocol::Incoming>,
) -> Result<(), CheckFailure> {
    for round in 0..options.count.max(1) {
        let sent = Instant::now();
        protocol::send(socket, options.send.clone()).await?;
        // One deadline for the answer: pings and pongs do not re-arm it.
        let limits = protocol::limits(options.timeout);
        let answer = match greeting.take() {
            Some(said) => said,
            None => protocol::receive(socket, limits, &options.send).await?,
        };
        let answer = match answer {
            protocol::Incoming::Text(text) => Answer::Text {
                text: text.chars().take(200).collect(),
            },
            protocol::Incoming::Binary(bytes) => Answer::Binary {
                bytes: u32::try_from(bytes).unwrap_or(u32::MAX),
            },
        };
        report.answer.get_or_insert(answer);
        let rtt = millis(sent.elapsed());
        if round == 0 {
            report.phases_ms.first_answer = Some(rtt);
        }
        report.round_trips_ms.push(rtt);
    }
    Ok(())
}

/// Checks that every value the upgrade and the STOMP CONNECT carry can be
/// sent in its header (no line break, no control character).
fn check_values(target: &Target, options: &CheckOptions) -> Result<(), CheckFailure> {
    let bad = |what: &str| CheckFailure::BadHeader {
        what: what.to_owned(),
    };
    let value = |text: &str, what: &str| {
        HeaderValue::from_str(text)
            .map(|_| ())
            .map_err(|_| bad(what))
    };
    value(&target.path, "url")?;
    if let Some(origin) = &options.origin {
        value(origin, "origin")?;
    }
    for subprotocol in &options.subprotocols {
        value(subprotocol, "subprotocol")?;
    }
    for (name, secret) in &options.headers {
        HeaderName::from_bytes(name.as_bytes()).map_err(|_| bad("header"))?;
        value(secret.expose(), "header")?;
    }
    // CONNECT headers are not escaped (STOMP 1.2): a line break or NUL
    // would end the header or the frame.
    let (login, passcode) = options
        .stomp_login
        .as_ref()
        .map_or(("", ""), |(login, passcode)| {
            (login.as_str(), passcode.expose())
        });
    let vhost = options.stomp_host.as_deref().unwrap_or_default();
    if [login, passcode, vhost]
        .iter()
        .any(|text| text.contains(['\n', '\r', '\0']))
    {
        return Err(bad("stomp"));
    }
    Ok(())
}

fn latency(samples: &[f64]) -> Option<Latency> {
    let mut sorted = samples.to_vec();
    sorted.sort_by(f64::total_cmp);
    Some(Latency {
        min: *sorted.first()?,
        median: sorted[sorted.len() / 2],
        max: *sorted.last()?,
    })
}
