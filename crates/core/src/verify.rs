//! Verification: a real WebSocket connection, message round trips and a
//! clean close, with the time of every phase.
//!
//! The last step of the journey: after exporting the files and restarting
//! the server, the user wants proof. When the proof fails, "failed" alone
//! helps nobody, so the same URL is diagnosed and the findings come with the
//! result. Memory and time are bounded: frames and messages are capped at
//! [`MAX_MESSAGE`], and every wait has the step timeout.

use std::time::{Duration, Instant};

use futures_util::{SinkExt, StreamExt};
use rustls::pki_types::CertificateDer;
use serde::Serialize;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::http::HeaderValue;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::tungstenite::protocol::{CloseFrame, WebSocketConfig};
use tokio_tungstenite::tungstenite::{Error as WsError, Message};

use crate::Target;
use crate::clock::{millis, now_unix};
use crate::diagnose::{self, Options};
use crate::finding::Finding;
use crate::probe::cert::{self, CertInfo};
use crate::probe::tcp::{self, Connect};
use crate::probe::tls::{self, ClientIdentity, Handshake, TlsSession, Trust};
use crate::probe::{Io, dns};
use crate::secret::Secret;

/// The largest message or frame accepted from the server.
pub const MAX_MESSAGE: usize = 1 << 20;

/// What to check, besides the URL.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    /// The `Origin` header, as a browser on that page would send it.
    pub origin: Option<String>,
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
}

impl Default for CheckOptions {
    fn default() -> CheckOptions {
        CheckOptions {
            origin: None,
            subprotocols: Vec::new(),
            headers: Vec::new(),
            ca: Vec::new(),
            identity: None,
            expected: None,
            send: "ping".to_owned(),
            count: 1,
            wait: None,
            timeout: Duration::from_secs(5),
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
    /// Each round trip, in order.
    pub round_trips_ms: Vec<f64>,
    /// Minimum, median and maximum of the round trips.
    pub latency: Option<Latency>,
    /// The first answer.
    pub answer: Option<Answer>,
    /// The close code the server answered with.
    pub close_code: Option<u16>,
    /// When it failed: the diagnosis of the same URL.
    pub findings: Vec<Finding>,
}

impl CheckReport {
    /// The report with its failure and findings in words of `language`:
    /// what `handshake check --json` prints.
    pub fn said(&self, language: crate::Language) -> SaidCheckReport<'_> {
        SaidCheckReport {
            url: &self.url,
            ok: self.ok,
            failure: self.failure.as_ref(),
            error: self.failure.as_ref().map(|failure| language.say(failure)),
            waited_ms: self.waited_ms,
            phases_ms: &self.phases_ms,
            tls: self.tls.as_ref(),
            certificate: self.certificate.as_ref(),
            subprotocol: self.subprotocol.as_deref(),
            round_trips_ms: &self.round_trips_ms,
            latency: self.latency.as_ref(),
            answer: self.answer.as_ref(),
            close_code: self.close_code,
            findings: self.findings.iter().map(|f| f.said(language)).collect(),
        }
    }
}

/// A check report with its words: the failure as a sentence (`error`) and
/// each finding with its title, explanation and fix.
#[derive(Debug, Serialize)]
pub struct SaidCheckReport<'a> {
    /// The normalised URL.
    pub url: &'a str,
    /// True when the check passed.
    pub ok: bool,
    /// What failed, as data.
    pub failure: Option<&'a CheckFailure>,
    /// What failed, in words.
    pub error: Option<String>,
    /// How long the server took to start accepting.
    pub waited_ms: Option<f64>,
    /// The time of each phase.
    pub phases_ms: &'a Phases,
    /// The negotiated TLS parameters.
    pub tls: Option<&'a TlsSession>,
    /// The certificate the server presented.
    pub certificate: Option<&'a CertInfo>,
    /// The subprotocol the server chose.
    pub subprotocol: Option<&'a str>,
    /// Each round trip, in order.
    pub round_trips_ms: &'a [f64],
    /// Minimum, median and maximum of the round trips.
    pub latency: Option<&'a Latency>,
    /// The first answer.
    pub answer: Option<&'a Answer>,
    /// The close code the server answered with.
    pub close_code: Option<u16>,
    /// When it failed: the diagnosis of the same URL, with words.
    pub findings: Vec<crate::finding::Said>,
}

/// The kinds of WebSocket failure, as the words tell them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
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
    fn of(error: &WsError) -> WsCause {
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

    fn as_str(self) -> &'static str {
        match self {
            WsCause::Closed => "closed",
            WsCause::Protocol => "protocol",
            WsCause::Encoding => "encoding",
            WsCause::Io => "io",
            WsCause::Other => "other",
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

/// Where a check failed, with the facts of the failure (the diagnosis of
/// the same URL, in the report's findings, says why).
#[derive(Debug, Clone, PartialEq, Serialize)]
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
    /// The server closed the WebSocket instead of answering.
    #[serde(rename = "closed-websocket")]
    ClosedWebSocket {
        /// The close code (1005 when the server sent none, as RFC 6455 and
        /// browsers report it).
        code: u16,
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
}

impl CheckFailure {
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
            CheckFailure::ClosedWebSocket { code: 1008 },
            CheckFailure::TooLarge { limit_kib: 1024 },
            CheckFailure::Connection {
                cause: WsCause::Io,
                detail: "IO error: Connection reset by peer (os error 104)".into(),
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
            CheckFailure::TooLarge { .. } => "check-too-large",
            CheckFailure::Connection { .. } => "check-connection",
        }
    }

    fn facts(&self) -> crate::i18n::Facts {
        use crate::i18n::Facts;
        match self {
            CheckFailure::Unresolved { host } => Facts::new().with("host", host),
            CheckFailure::Refused { port } => Facts::new().with("port", *port),
            CheckFailure::Unanswered { authority } => Facts::new().with("authority", authority),
            CheckFailure::Network { detail } => Facts::new().with("detail", detail),
            CheckFailure::Upgrade { cause, detail }
            | CheckFailure::Send { cause, detail }
            | CheckFailure::Connection { cause, detail } => Facts::new()
                .with("cause", cause.as_str())
                .with("detail", detail),
            CheckFailure::Tls | CheckFailure::Untrusted | CheckFailure::Closed => Facts::new(),
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
            CheckFailure::ClosedWebSocket { code } => Facts::new().with("code", *code),
            CheckFailure::TooLarge { limit_kib } => Facts::new().with("limit_kib", *limit_kib),
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

/// A request value that cannot be sent in an HTTP header (a newline, a
/// control character): bad input, told before anything is sent.
#[derive(Debug, thiserror::Error)]
#[error("{}", crate::i18n::english(self))]
pub struct BadHeader {
    /// Which value: `origin`, `subprotocol`, `header` or `url`.
    pub what: String,
}

impl crate::i18n::Message for BadHeader {
    fn id(&self) -> &'static str {
        "error-check-bad-header"
    }

    fn facts(&self) -> crate::i18n::Facts {
        crate::i18n::Facts::new().with("what", &self.what)
    }
}

/// Checks that the upgrade request of `options` can be built, before any
/// connection: the values of `--origin`, `--subprotocol` and `--header`.
pub fn validate(target: &Target, options: &CheckOptions) -> Result<(), BadHeader> {
    match request(target, options) {
        Err(CheckFailure::BadHeader { what }) => Err(BadHeader { what }),
        _ => Ok(()),
    }
}

/// Opens a WebSocket to `target`, sends `options.send` `options.count`
/// times, waits for each answer, and closes. On failure, the URL is
/// diagnosed and the findings are part of the report.
pub async fn check(target: &Target, options: &CheckOptions) -> CheckReport {
    let mut report = CheckReport {
        url: target.url.clone(),
        ..CheckReport::default()
    };
    match attempt(target, options, &mut report).await {
        Ok(()) => report.ok = true,
        Err(failure) => {
            report.failure = Some(failure);
            let diagnosis = diagnose::diagnose(
                target,
                &Options {
                    origin: options.origin.clone(),
                    ca: options.ca.clone(),
                    identity: options.identity.clone(),
                    expected: options.expected.clone(),
                    timeout: options.timeout,
                    ..Options::default()
                },
            )
            .await;
            report.findings = diagnosis.findings;
        }
    }
    report
}

async fn attempt(
    target: &Target,
    options: &CheckOptions,
    report: &mut CheckReport,
) -> Result<(), CheckFailure> {
    let timeout = options.timeout;
    let timeout_s = (timeout.as_secs_f64() * 10.0).round() / 10.0;
    let step = Instant::now();
    let addresses = dns::resolve(target, timeout)
        .await
        .map_err(|_| CheckFailure::Unresolved {
            host: target.host.clone(),
        })?;
    report.phases_ms.dns = Some(millis(step.elapsed()));

    let step = Instant::now();
    let stream = match tcp::connect(&addresses, timeout, options.wait).await {
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
    // Includes any waiting for the server, also reported as `waited_ms`.
    report.phases_ms.tcp = Some(millis(step.elapsed()));

    let stream: Box<dyn Io> = if target.secure {
        let step = Instant::now();
        let trust = Trust::new(&options.ca);
        match tls::handshake(
            stream,
            &target.host,
            &trust,
            options.identity.as_ref(),
            timeout,
        )
        .await
        {
            Handshake::Established {
                stream,
                session,
                chain,
                verdict,
                stapled,
                ..
            } => {
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
                stream
            }
            Handshake::Failed { .. } => return Err(CheckFailure::Tls),
        }
    } else {
        Box::new(stream)
    };

    let step = Instant::now();
    let request = request(target, options)?;
    let config = WebSocketConfig::default()
        .max_message_size(Some(MAX_MESSAGE))
        .max_frame_size(Some(MAX_MESSAGE));
    let upgrade = tokio_tungstenite::client_async_with_config(request, stream, Some(config));
    let (mut socket, response) = match tokio::time::timeout(timeout, upgrade).await {
        Err(_) => return Err(CheckFailure::UpgradeTimeout { timeout_s }),
        Ok(Err(WsError::Http(response))) => {
            return Err(CheckFailure::UpgradeStatus {
                status: response.status().as_u16(),
            });
        }
        Ok(Err(error)) => {
            return Err(CheckFailure::Upgrade {
                cause: WsCause::of(&error),
                detail: error.to_string(),
            });
        }
        Ok(Ok(pair)) => pair,
    };
    report.phases_ms.upgrade = Some(millis(step.elapsed()));
    report.subprotocol = response
        .headers()
        .get("Sec-WebSocket-Protocol")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);

    for round in 0..options.count.max(1) {
        let sent = Instant::now();
        socket
            .send(Message::text(options.send.clone()))
            .await
            .map_err(|error| CheckFailure::Send {
                cause: WsCause::of(&error),
                detail: error.to_string(),
            })?;
        // One deadline for the answer: pings and pongs do not re-arm it.
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let next = tokio::time::timeout_at(deadline, socket.next()).await;
            match next {
                Err(_) => {
                    return Err(CheckFailure::NoAnswer {
                        timeout_s,
                        sent: options.send.chars().take(200).collect(),
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
                    return Err(CheckFailure::ClosedWebSocket {
                        code: frame.map_or(1005, |f| u16::from(f.code)),
                    });
                }
                Ok(Some(Ok(Message::Text(text)))) => {
                    report.answer.get_or_insert_with(|| Answer::Text {
                        text: text.chars().take(200).collect(),
                    });
                    break;
                }
                Ok(Some(Ok(Message::Binary(bytes)))) => {
                    report.answer.get_or_insert(Answer::Binary {
                        bytes: u32::try_from(bytes.len()).unwrap_or(u32::MAX),
                    });
                    break;
                }
                // Pings are answered by the library; pongs and raw frames are not answers.
                Ok(Some(Ok(_))) => {}
            }
        }
        let rtt = millis(sent.elapsed());
        if round == 0 {
            report.phases_ms.first_answer = Some(rtt);
        }
        report.round_trips_ms.push(rtt);
    }
    report.latency = latency(&report.round_trips_ms);

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
    report.close_code = tokio::time::timeout(timeout, closing).await.ok().flatten();
    Ok(())
}

fn request(
    target: &Target,
    options: &CheckOptions,
) -> Result<tokio_tungstenite::tungstenite::handshake::client::Request, CheckFailure> {
    let bad = |what: &str| CheckFailure::BadHeader {
        what: what.to_owned(),
    };
    let mut request = target
        .url
        .as_str()
        .into_client_request()
        .map_err(|_| bad("url"))?;
    let headers = request.headers_mut();
    let value = |text: &str, what: &str| HeaderValue::from_str(text).map_err(|_| bad(what));
    if let Some(origin) = &options.origin {
        headers.insert("Origin", value(origin, "origin")?);
    }
    if !options.subprotocols.is_empty() {
        headers.insert(
            "Sec-WebSocket-Protocol",
            value(&options.subprotocols.join(", "), "subprotocol")?,
        );
    }
    for (name, secret) in &options.headers {
        let name = tokio_tungstenite::tungstenite::http::HeaderName::from_bytes(name.as_bytes())
            .map_err(|_| bad("header"))?;
        let mut value = value(secret.expose(), "header")?;
        value.set_sensitive(true);
        headers.insert(name, value);
    }
    Ok(request)
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
