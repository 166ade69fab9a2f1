//! Diagnosis: run the probes in order, layer by layer, and turn what they saw
//! into findings.
//!
//! Each layer only runs when the one below it worked: no TLS without TCP, no
//! HTTP over a certificate that failed verification (nothing is sent over a
//! connection the client should not trust). Every network step is bounded by
//! `Options::timeout` and every read by a byte cap, so one diagnosis ends
//! within `wait + a few × timeout` whatever the server does.

mod explain;
mod markdown;

pub use markdown::markdown;

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use rustls::pki_types::CertificateDer;
use serde::Serialize;
use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;

use crate::Target;
use crate::clock::{millis, now_unix};
use crate::finding::{Finding, Severity};
use crate::probe::cert::{self, CertInfo};
use crate::probe::http::{self, HeadError, ResponseHead};
use crate::probe::sniff::BytesSeen;
use crate::probe::tcp::{self, Connect};
use crate::probe::tls::{self, Handshake, TlsSession, Trust};
use crate::probe::{Io, dns, ws};

/// What the user asked for besides the URL.
#[derive(Debug, Clone)]
pub struct Options {
    /// The origin of the page that will open the socket
    /// (`https://app.example.com`): enables the mixed-content, Origin and
    /// CORS checks.
    pub origin: Option<String>,
    /// Extra trust anchors, e.g. a development CA.
    pub ca: Vec<CertificateDer<'static>>,
    /// Keep retrying a refused port this long (a server restarting).
    pub wait: Option<Duration>,
    /// How long each network step may take.
    pub timeout: Duration,
    /// Told when each step starts and ends (the app's live progress).
    pub progress: Option<Progress>,
}

/// A step of the diagnosis, as progress reports name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum Stage {
    /// Resolving the host name.
    Dns,
    /// Connecting.
    Tcp,
    /// The TLS handshake and the certificate.
    Tls,
    /// The request: the WebSocket upgrade, or a GET.
    Http,
}

/// A step starting (`finished: false`) or ending.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StepEvent {
    /// Which step.
    pub stage: Stage,
    /// Whether it ended.
    pub finished: bool,
    /// Whether it worked (meaningful once finished).
    pub ok: bool,
    /// How long it took, once finished.
    pub ms: Option<f64>,
}

/// Where progress goes: a callback, so the app can forward it to the window.
#[derive(Clone)]
pub struct Progress(std::sync::Arc<dyn Fn(StepEvent) + Send + Sync>);

impl Progress {
    /// Calls `report` for every step event.
    pub fn new(report: impl Fn(StepEvent) + Send + Sync + 'static) -> Progress {
        Progress(std::sync::Arc::new(report))
    }
}

impl std::fmt::Debug for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Progress")
    }
}

impl Default for Options {
    fn default() -> Options {
        Options {
            origin: None,
            ca: Vec::new(),
            wait: None,
            timeout: Duration::from_secs(5),
            progress: None,
        }
    }
}

/// The result of a diagnosis: the JSON of `handshake diagnose --json`.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Report {
    /// The normalised target URL.
    pub url: String,
    /// True when no finding is an error.
    pub ok: bool,
    /// What was found, errors first.
    pub findings: Vec<Finding>,
    /// What the probes saw.
    pub evidence: Evidence,
    /// How long each step took.
    pub timings_ms: Timings,
}

/// What the probes saw, raw enough to check the findings against.
#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Evidence {
    /// The addresses the host resolved to, in the order tried.
    pub addresses: Vec<String>,
    /// The address that accepted the connection.
    pub connected_to: Option<String>,
    /// Rounds of connection attempts (more than one while waiting for a server).
    pub connect_attempts: u32,
    /// The negotiated TLS parameters.
    pub tls: Option<TlsSession>,
    /// The certificate chain as presented, leaf first.
    pub chain: Vec<CertInfo>,
    /// Why the TLS handshake or verification failed.
    pub tls_error: Option<String>,
    /// What the server sent when it was not what the scheme expects.
    pub bytes: Option<BytesSeen>,
    /// The response to the request (the WebSocket upgrade, or a GET).
    pub response: Option<ResponseHead>,
    /// The status of the same upgrade sent without an `Origin` header, when
    /// the first was refused with 403.
    pub status_without_origin: Option<u16>,
    /// The answer to the CORS preflight.
    pub preflight: Option<ResponseHead>,
}

/// Milliseconds spent in each step (absent when the step did not run).
#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Timings {
    /// Name resolution.
    pub dns: Option<f64>,
    /// TCP connection, including any waiting for the server.
    pub tcp: Option<f64>,
    /// TLS handshake.
    pub tls: Option<f64>,
    /// Request to response head.
    pub http: Option<f64>,
    /// The whole diagnosis.
    pub total: f64,
}

/// Diagnoses `target`.
pub async fn diagnose(target: &Target, options: &Options) -> Report {
    let started = Instant::now();
    let mut run = Run {
        target,
        options,
        trust: None,
        evidence: Evidence::default(),
        findings: Vec::new(),
        timings: Timings::default(),
        address: None,
    };
    run.all().await;
    run.timings.total = millis(started.elapsed());
    let mut findings = run.findings;
    findings.sort_by_key(|f| f.severity);
    Report {
        url: target.url.clone(),
        ok: !findings.iter().any(|f| f.severity == Severity::Error),
        findings,
        evidence: run.evidence,
        timings_ms: run.timings,
    }
}

struct Run<'a> {
    target: &'a Target,
    options: &'a Options,
    /// Built on first use: plain targets never load the system roots.
    trust: Option<Trust>,
    evidence: Evidence,
    findings: Vec<Finding>,
    timings: Timings,
    address: Option<SocketAddr>,
}

impl Run<'_> {
    async fn all(&mut self) {
        if let Some(origin) = &self.options.origin {
            self.findings
                .extend(explain::mixed_content(self.target, origin));
        }
        let Some(stream) = self.connect().await else {
            return;
        };
        let stream: Box<dyn Io> = if self.target.secure {
            match self.secure(stream).await {
                Some(stream) => stream,
                None => return,
            }
        } else {
            Box::new(stream)
        };
        let (answer, key) = self.send(stream, self.options.origin.as_deref()).await;
        let head = match answer {
            Ok(head) => head,
            Err(error) => {
                if let HeadError::Malformed { received }
                | HeadError::Closed { received }
                | HeadError::Stalled { received }
                | HeadError::TooLarge { received } = &error
                    && !received.is_empty()
                {
                    self.evidence.bytes = Some(BytesSeen::new(received));
                }
                self.findings.push(explain::bad_response(
                    self.target,
                    &error,
                    self.options.timeout,
                ));
                return;
            }
        };
        if self.target.scheme.is_websocket() && head.status == 101 {
            self.findings.push(explain::switching(
                self.target,
                &head,
                &key,
                &self.evidence,
                &self.timings,
            ));
            self.evidence.response = Some(head);
            return;
        }
        // A 403 to an upgrade with Origin: ask once more without it, to tell
        // an Origin check from missing credentials.
        if head.status == 403
            && self.target.scheme.is_websocket()
            && self.options.origin.is_some()
            && let Some(stream) = self.reopen().await
        {
            let (other, _) = self.send(stream, None).await;
            self.evidence.status_without_origin = other.ok().map(|h| h.status);
        }
        self.findings.extend(explain::response(
            self.target,
            &head,
            self.options.origin.as_deref(),
            self.evidence.status_without_origin,
        ));
        self.evidence.response = Some(head);
        if !self.target.scheme.is_websocket()
            && let Some(origin) = self.options.origin.clone()
        {
            self.preflight(&origin).await;
        }
    }

    /// DNS and TCP. Reports what failed and returns `None` then.
    async fn connect(&mut self) -> Option<TcpStream> {
        let timeout = self.options.timeout;
        let step = self.start(Stage::Dns);
        let addresses = match dns::resolve(self.target, timeout).await {
            Ok(addresses) => addresses,
            Err(error) => {
                self.finish(Stage::Dns, step, false);
                self.findings
                    .push(explain::dns_unresolved(self.target, &error));
                return None;
            }
        };
        self.timings.dns = Some(self.finish(Stage::Dns, step, true));
        self.evidence.addresses = addresses.iter().map(SocketAddr::to_string).collect();

        let step = self.start(Stage::Tcp);
        let outcome = tcp::connect(&addresses, timeout, self.options.wait).await;
        let connected = matches!(outcome, Connect::Connected { .. });
        self.timings.tcp = Some(self.finish(Stage::Tcp, step, connected));
        match outcome {
            Connect::Connected {
                stream,
                address,
                attempts,
                waited,
            } => {
                self.evidence.connected_to = Some(address.to_string());
                self.evidence.connect_attempts = attempts;
                self.address = Some(address);
                if let Some(waited) = waited {
                    self.findings
                        .push(explain::server_not_ready(self.target, waited, attempts));
                }
                Some(stream)
            }
            Connect::Refused { attempts } => {
                self.evidence.connect_attempts = attempts;
                self.findings.push(explain::tcp_refused(
                    self.target,
                    &addresses,
                    self.options.wait,
                ));
                None
            }
            Connect::Timeout => {
                self.findings
                    .push(explain::tcp_timeout(self.target, timeout, None));
                None
            }
            Connect::Failed(error) => {
                self.findings
                    .push(explain::tcp_timeout(self.target, timeout, Some(&error)));
                None
            }
        }
    }

    /// The TLS layer: handshake and certificate. Returns the stream only
    /// when the certificate is trusted.
    async fn secure(&mut self, stream: TcpStream) -> Option<Box<dyn Io>> {
        let trust = self
            .trust
            .get_or_insert_with(|| Trust::new(&self.options.ca))
            .clone();
        let step = self.start(Stage::Tls);
        let outcome = tls::handshake(stream, &self.target.host, &trust, self.options.timeout).await;
        let trusted = matches!(
            outcome,
            Handshake::Established {
                verdict: Ok(()),
                ..
            }
        );
        self.timings.tls = Some(self.finish(Stage::Tls, step, trusted));
        match outcome {
            Handshake::Failed {
                reason,
                alert,
                timed_out,
                received,
            } => {
                self.evidence.tls_error = Some(reason.clone());
                if !received.is_empty() {
                    self.evidence.bytes = Some(BytesSeen::new(&received));
                }
                self.findings.push(explain::tls_failed(
                    self.target,
                    &reason,
                    alert.as_deref(),
                    timed_out,
                    &received,
                    self.options.timeout,
                ));
                None
            }
            Handshake::Established {
                stream,
                session,
                chain,
                verdict,
            } => {
                let now = now_unix();
                self.evidence.tls = Some(session);
                self.evidence.chain = chain
                    .iter()
                    .filter_map(|der| cert::inspect(der, now))
                    .collect();
                if let Err(error) = &verdict {
                    self.evidence.tls_error = Some(error.to_string());
                }
                let findings = explain::certificate(
                    self.target,
                    &chain,
                    &self.evidence.chain,
                    &verdict,
                    &trust,
                    now,
                );
                let trusted = verdict.is_ok();
                self.findings.extend(findings);
                trusted.then_some(stream as Box<dyn Io>)
            }
        }
    }

    /// Sends the request (an upgrade for ws/wss, a GET otherwise) and reads
    /// the response head; returns it with the WebSocket key that was sent.
    async fn send(
        &mut self,
        mut stream: Box<dyn Io>,
        origin: Option<&str>,
    ) -> (Result<ResponseHead, HeadError>, String) {
        let key = ws::new_key();
        let authority = self.host_header();
        let request = if self.target.scheme.is_websocket() {
            http::request(
                "GET",
                &self.target.path,
                &authority,
                &ws::upgrade_headers(&key, origin),
            )
        } else {
            http::request(
                "GET",
                &self.target.path,
                &authority,
                &[("Accept", "*/*"), ("Connection", "close")],
            )
        };
        let first = self.timings.http.is_none();
        let step = if first {
            self.start(Stage::Http)
        } else {
            Instant::now()
        };
        let head = match stream.write_all(&request).await {
            Ok(()) => http::read_head(&mut stream, self.options.timeout).await,
            Err(error) => Err(HeadError::Io(error.to_string())),
        };
        if first {
            self.timings.http = Some(self.finish(Stage::Http, step, head.is_ok()));
        }
        let _ = stream.shutdown().await;
        (head, key)
    }

    /// Reports that `stage` starts; its start time.
    fn start(&self, stage: Stage) -> Instant {
        if let Some(progress) = &self.options.progress {
            (progress.0)(StepEvent {
                stage,
                finished: false,
                ok: false,
                ms: None,
            });
        }
        Instant::now()
    }

    /// Reports that `stage` ended; how long it took, in milliseconds.
    fn finish(&self, stage: Stage, started: Instant, ok: bool) -> f64 {
        let ms = millis(started.elapsed());
        if let Some(progress) = &self.options.progress {
            (progress.0)(StepEvent {
                stage,
                finished: true,
                ok,
                ms: Some(ms),
            });
        }
        ms
    }

    /// The CORS preflight a browser sends before calling an API from `origin`.
    async fn preflight(&mut self, origin: &str) {
        let Some(mut stream) = self.reopen().await else {
            return;
        };
        let request = http::request(
            "OPTIONS",
            &self.target.path,
            &self.host_header(),
            &[
                ("Origin", origin),
                ("Access-Control-Request-Method", "GET"),
                ("Access-Control-Request-Headers", "content-type"),
                ("Connection", "close"),
            ],
        );
        if stream.write_all(&request).await.is_err() {
            return;
        }
        if let Ok(head) = http::read_head(&mut stream, self.options.timeout).await {
            self.findings.extend(explain::cors(origin, &head));
            self.evidence.preflight = Some(head);
        }
    }

    /// A second connection to the address that answered, over TLS when the
    /// target is secure (only reached when the certificate was trusted).
    async fn reopen(&self) -> Option<Box<dyn Io>> {
        let address = self.address?;
        let timeout = self.options.timeout;
        let stream = tokio::time::timeout(timeout, TcpStream::connect(address))
            .await
            .ok()?
            .ok()?;
        if !self.target.secure {
            return Some(Box::new(stream));
        }
        let trust = self.trust.as_ref()?;
        match tls::handshake(stream, &self.target.host, trust, timeout).await {
            Handshake::Established {
                stream,
                verdict: Ok(()),
                ..
            } => Some(stream),
            _ => None,
        }
    }

    fn host_header(&self) -> String {
        if self.target.default_port {
            match self.target.host_kind {
                crate::HostKind::Ipv6 => format!("[{}]", self.target.host),
                _ => self.target.host.clone(),
            }
        } else {
            self.target.authority()
        }
    }
}
