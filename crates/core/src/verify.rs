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
use crate::probe::tls::{self, Handshake, TlsSession, Trust};
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
    /// What failed, in one sentence, when something did.
    pub error: Option<String>,
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
    /// The first answer (cut to 200 characters).
    pub answer: Option<String>,
    /// The close code the server answered with.
    pub close_code: Option<u16>,
    /// When it failed: the diagnosis of the same URL.
    pub findings: Vec<Finding>,
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
        Err(error) => {
            report.error = Some(error);
            let diagnosis = diagnose::diagnose(
                target,
                &Options {
                    origin: options.origin.clone(),
                    ca: options.ca.clone(),
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
) -> Result<(), String> {
    let timeout = options.timeout;
    let step = Instant::now();
    let addresses = dns::resolve(target, timeout)
        .await
        .map_err(|_| format!("{} does not resolve", target.host))?;
    report.phases_ms.dns = Some(millis(step.elapsed()));

    let step = Instant::now();
    let stream = match tcp::connect(&addresses, timeout, options.wait).await {
        Connect::Connected { stream, waited, .. } => {
            report.waited_ms = waited.map(millis);
            stream
        }
        Connect::Refused { .. } => return Err(format!("nothing listens on port {}", target.port)),
        Connect::Timeout => return Err(format!("no answer from {}", target.authority())),
        Connect::Failed(error) => return Err(format!("the connection failed: {error}")),
    };
    // Includes any waiting for the server, also reported as `waited_ms`.
    report.phases_ms.tcp = Some(millis(step.elapsed()));

    let stream: Box<dyn Io> = if target.secure {
        let step = Instant::now();
        let trust = Trust::new(&options.ca);
        match tls::handshake(stream, &target.host, &trust, timeout).await {
            Handshake::Established {
                stream,
                session,
                chain,
                verdict,
            } => {
                report.phases_ms.tls = Some(millis(step.elapsed()));
                report.tls = Some(session);
                report.certificate = chain.first().and_then(|der| cert::inspect(der, now_unix()));
                verdict.map_err(|error| format!("the certificate is not trusted: {error}"))?;
                stream
            }
            Handshake::Failed { reason, .. } => {
                return Err(format!("the TLS handshake failed: {reason}"));
            }
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
        Err(_) => {
            return Err(format!(
                "the server did not answer the upgrade within {} s",
                timeout.as_secs_f64()
            ));
        }
        Ok(Err(WsError::Http(response))) => {
            return Err(format!(
                "the upgrade was answered {} instead of 101",
                response.status()
            ));
        }
        Ok(Err(error)) => return Err(format!("the upgrade failed: {error}")),
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
            .map_err(|error| format!("sending failed: {error}"))?;
        loop {
            let next = tokio::time::timeout(timeout, socket.next()).await;
            match next {
                Err(_) => {
                    return Err(format!(
                        "no answer within {} s after sending {:?}",
                        timeout.as_secs_f64(),
                        options.send
                    ));
                }
                Ok(None) => {
                    return Err("the server closed the connection without answering".to_owned());
                }
                Ok(Some(Err(WsError::Capacity(error)))) => {
                    return Err(format!(
                        "the server sent a message over the {} KiB limit ({error})",
                        MAX_MESSAGE / 1024
                    ));
                }
                Ok(Some(Err(error))) => return Err(format!("the connection failed: {error}")),
                Ok(Some(Ok(Message::Close(frame)))) => {
                    let code =
                        frame.map_or_else(|| "none".to_owned(), |f| u16::from(f.code).to_string());
                    return Err(format!(
                        "the server closed the WebSocket (code {code}) instead of answering"
                    ));
                }
                Ok(Some(Ok(Message::Text(text)))) => {
                    report
                        .answer
                        .get_or_insert_with(|| text.chars().take(200).collect());
                    break;
                }
                Ok(Some(Ok(Message::Binary(bytes)))) => {
                    report
                        .answer
                        .get_or_insert_with(|| format!("({} bytes of binary)", bytes.len()));
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
) -> Result<tokio_tungstenite::tungstenite::handshake::client::Request, String> {
    let mut request = target
        .url
        .as_str()
        .into_client_request()
        .map_err(|error| format!("the URL cannot be requested: {error}"))?;
    let headers = request.headers_mut();
    let value = |text: &str, what: &str| {
        HeaderValue::from_str(text).map_err(|_| format!("the {what} is not a valid header value"))
    };
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
            .map_err(|_| format!("\"{name}\" is not a valid header name"))?;
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
