//! Diagnosis: run the probes in order, layer by layer, record what they saw
//! as [`Evidence`], and let the [`rules`] turn the evidence into findings.
//!
//! Each layer only runs when the one below it worked: no TLS without TCP, no
//! HTTP over a certificate that failed verification (nothing is sent over a
//! connection the client should not trust). Every network step is bounded by
//! `Options::timeout` and every read by a byte cap, so one diagnosis ends
//! within `wait + a few × timeout` whatever the server does. The probes
//! decide nothing: the same evidence, saved in a JSON report, gives the same
//! findings again ([`replay`]).

mod evidence;
mod markdown;
mod replay;
pub mod rules;

pub use crate::probe::tunnel::ProxyFailure;
pub use evidence::{
    AfterUpgrade, BrowserEvent, BrowserEvidence, BrowserReport, BrowserStore, CertificateCheck,
    Connection, Evidence, Verdict,
};
pub use markdown::markdown;
pub use replay::{MAX_REPORT_BYTES, ReplayError, open, replay};

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use rustls::pki_types::CertificateDer;
use serde::{Deserialize, Serialize};
use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;

use crate::clock::{millis, now_unix};
use crate::finding::{Code, Finding, Severity};
use crate::i18n::Language;
use crate::probe::cert::{self, CertInfo};
use crate::probe::dial::Dial;
use crate::probe::hello::{self, HelloAnswer, Offer};
use crate::probe::http::ResponseFailure;
use crate::probe::http::{self, HeadError, ResponseHead};
use crate::probe::sniff::{self, BytesSeen, Speech};
use crate::probe::tcp::{self, AddressReply, Connect, NetworkError};
use crate::probe::tls::{self, ClientIdentity, Handshake, TlsFailure, Trust};
use crate::probe::tunnel::Forwarded;
use crate::probe::{Io, dns, fallback, tunnel, ws};
use crate::proxy::{ProxyCredentials, Proxying, Route, Way};
use crate::target::Target;

/// What the user asked for besides the URL.
#[derive(Debug, Clone)]
pub struct Options {
    /// The origin of the page that will open the socket
    /// (`https://app.example.com`): enables the mixed-content, Origin and
    /// CORS checks.
    pub origin: Option<String>,
    /// Extra trust anchors, e.g. a development CA.
    pub ca: Vec<CertificateDer<'static>>,
    /// The client certificate to present when a server asks (mutual TLS).
    pub identity: Option<ClientIdentity>,
    /// The certificate the server should serve (`--expect-cert`), e.g. the
    /// renewed one on disk.
    pub expected: Option<CertInfo>,
    /// Keep retrying a refused port this long (a server restarting).
    pub wait: Option<Duration>,
    /// Subprotocols to offer in the upgrade (`Sec-WebSocket-Protocol`), as
    /// the application's client does.
    pub subprotocols: Vec<String>,
    /// How long each network step may take.
    pub timeout: Duration,
    /// Told when each step starts and ends (the app's live progress).
    pub progress: Option<Progress>,
    /// Which proxy to go through, and its credentials.
    pub proxy: Proxying,
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

/// Where progress goes: the app forwards it to the window.
pub type Progress = crate::callback::Callback<StepEvent>;

impl Default for Options {
    fn default() -> Options {
        Options {
            origin: None,
            ca: Vec::new(),
            identity: None,
            expected: None,
            wait: None,
            subprotocols: Vec::new(),
            timeout: Duration::from_secs(5),
            progress: None,
            proxy: Proxying::default(),
        }
    }
}

/// The result of a diagnosis: the findings and the evidence they rest on.
#[derive(Debug, Clone, Serialize, Deserialize)]
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

/// Milliseconds spent in each step (absent when the step did not run).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Timings {
    /// Name resolution.
    pub dns: Option<f64>,
    /// Waiting for the server to accept connections (`--wait`), when it
    /// refused at first: not part of any step below.
    pub wait: Option<f64>,
    /// TCP connection: the attempt that was accepted (or the last one).
    pub tcp: Option<f64>,
    /// TLS handshake.
    pub tls: Option<f64>,
    /// Request to response head.
    pub http: Option<f64>,
    /// The whole diagnosis.
    pub total: f64,
}

impl Report {
    /// The findings the rules make of `evidence`.
    pub fn from_evidence(evidence: Evidence, timings: Timings) -> Report {
        let findings = rules::findings(&evidence, &timings);
        Report {
            url: evidence.target.url.clone(),
            ok: !findings.iter().any(|f| f.severity == Severity::Error),
            findings,
            evidence,
            timings_ms: timings,
        }
    }

    /// The codes of its findings of `severity`, in the report's order.
    pub fn codes(&self, severity: Severity) -> impl Iterator<Item = Code> + '_ {
        self.findings
            .iter()
            .filter(move |finding| finding.severity == severity)
            .map(|finding| finding.code)
    }

    /// The report with every finding's words in `language`, and the
    /// version that wrote it (a replay by an older one says so instead of
    /// misreading evidence it does not know): what `handshake diagnose
    /// --json` prints.
    pub fn said(&self, language: Language) -> Result<serde_json::Value, serde_json::Error> {
        let mut said = crate::said::said(self, language)?;
        if let Some(fields) = said.as_object_mut() {
            let version = env!("CARGO_PKG_VERSION").into();
            crate::said::insert_first(fields, ("handshake", version));
        }
        Ok(said)
    }
}

/// The longest wait for the other address family's answer: on a network
/// that drops IPv6, a diagnosis must not wait a whole step for it.
const KNOCK_PATIENCE: Duration = Duration::from_secs(2);
/// The other address family's answer, awaited beside the diagnosis.
type Knock = std::pin::Pin<Box<dyn Future<Output = Option<AddressReply>> + Send>>;

/// The shortest wait for a forwarded upgrade's answer.
const FORWARD_PATIENCE: Duration = Duration::from_millis(500);

/// Diagnoses `target`.
pub async fn diagnose(target: &Target, options: &Options) -> Report {
    let started = Instant::now();
    let mut run = Run {
        target,
        options,
        trust: None,
        evidence: Evidence::new(target.clone(), options, now_unix()),
        timings: Timings::default(),
        dial: None,
    };
    // Boxed: inlined into its caller, this future's poll took an 80 KB
    // stack frame, which the stack probe faults in page by page (11 of a
    // refused port's 153 page faults).
    Box::pin(run.all()).await;
    run.timings.total = millis(started.elapsed());
    Report::from_evidence(run.evidence, run.timings)
}

struct Run<'a> {
    target: &'a Target,
    options: &'a Options,
    /// Built on first use: plain targets never load the system roots.
    trust: Option<Trust>,
    evidence: Evidence,
    timings: Timings,
    /// How the first connection went, for the next ones.
    dial: Option<Dial>,
}

impl Run<'_> {
    async fn all(&mut self) {
        let Some((stream, knock)) = self.connect().await else {
            return;
        };
        // The other address family is asked beside the diagnosis: on a
        // network that drops it, its wait must not add to the verdict's.
        let ((), reply) = tokio::join!(self.over(stream), knock);
        self.evidence.replies.extend(reply);
    }

    /// Everything over the connection: TLS, then the request and what
    /// follows from its answer.
    async fn over(&mut self, stream: TcpStream) {
        let stream: Box<dyn Io> = if self.target.secure {
            match self.secure(stream).await {
                Some(stream) => stream,
                None => return,
            }
        } else {
            Box::new(stream)
        };
        // A trusted connection's legacy-version hello opens a connection of
        // its own: beside the upgrade, not after it.
        let legacy = self.target.secure.then(|| self.hello_later(Offer::Legacy));
        let ((answer, key), legacy) = tokio::join!(
            self.send(stream, self.options.origin.as_deref()),
            async move { legacy?.await }
        );
        if self.target.secure {
            self.evidence.offered_legacy = legacy;
        }
        self.evidence.ws_key = Some(key);
        let head = match answer {
            Ok((head, after)) => {
                self.evidence.after_upgrade = after;
                head
            }
            Err(error) => {
                self.saw_bytes(error.received());
                self.evidence.response_failure = Some(error.evidence());
                // A TLS port that closes or resets a plain request without
                // a word (HAProxy, stunnel): does it answer a ClientHello?
                if !self.target.secure
                    && error.received().is_empty()
                    && self
                        .evidence
                        .response_failure
                        .as_ref()
                        .is_some_and(ResponseFailure::ended_without_a_word)
                {
                    self.evidence.offered_everything = self.hello(Offer::Everything).await;
                }
                return;
            }
        };
        // A refused upgrade with Origin (403; Node's `ws` answers 401, some
        // servers 400): ask once more without it, to tell an Origin check
        // from missing credentials or a bad request.
        if matches!(head.status, 400 | 401 | 403)
            && self.target.scheme.is_websocket()
            && self.options.origin.is_some()
            && let Some(stream) = self.reopen().await
        {
            let (other, _) = self.send(stream, None).await;
            self.evidence.status_without_origin = other.ok().map(|(head, _)| head.status);
        }
        if self.target.scheme.is_websocket() && matches!(head.status, 200..=299 | 400) {
            self.evidence.sockjs_info = self.sockjs_info().await;
        }
        if head.status == 101 && !self.target.secure {
            self.evidence.forwarded = self.forward().await;
        }
        self.evidence.response = Some(head);
        if !self.target.scheme.is_websocket()
            && let Some(origin) = self.options.origin.clone()
        {
            self.preflight(&origin).await;
        }
    }

    /// Keeps what a server sent instead of what the scheme expects.
    fn saw_bytes(&mut self, received: &[u8]) {
        if !received.is_empty() {
            self.evidence.bytes = Some(BytesSeen::new(received));
        }
    }

    /// DNS and TCP, straight or through the proxy's tunnel, with the knock
    /// on the other address family still to await. Returns `None` when
    /// either failed.
    async fn connect(&mut self) -> Option<(TcpStream, Knock)> {
        // The front ends refuse a proxy that cannot be used before this.
        let way = self.options.proxy.way(self.target).ok();
        self.evidence.route = way.as_ref().map(|way| way.route.clone());
        if let Some(Way {
            route: Route::Proxy { host, port, .. },
            credentials,
        }) = way
        {
            let stream = self.connect_through(&host, port, credentials).await?;
            return Some((stream, Box::pin(std::future::ready(None))));
        }
        let timeout = self.options.timeout;
        let step = self.start(Stage::Dns);
        let resolved = dns::resolve(self.target, timeout).await;
        self.timings.dns = Some(self.finish(Stage::Dns, step, resolved.is_ok()));
        let addresses = match resolved {
            Ok(addresses) => addresses,
            Err(error) => {
                self.evidence.dns_error = Some(error);
                return None;
            }
        };
        self.evidence.addresses = addresses.iter().map(SocketAddr::to_string).collect();

        let step = self.start(Stage::Tcp);
        let outcome = tcp::connect(&addresses, timeout, self.options.wait).await;
        let connected = matches!(outcome, Connect::Connected { .. });
        let tcp = self.finish(Stage::Tcp, step, connected);
        let waited = match &outcome {
            Connect::Connected {
                waited: Some(waited),
                ..
            } => Some(millis(*waited)),
            _ => None,
        };
        self.timings.wait = waited;
        self.timings.tcp = Some(tcp - waited.unwrap_or(0.0));
        let (connection, stream) = match outcome {
            Connect::Connected {
                stream,
                address,
                attempts,
                waited,
                tried,
            } => {
                self.dial = Some(Dial::Direct(address));
                self.evidence.replies = tried;
                let knock = self.knock_other_family(&addresses, address);
                (
                    Connection::Connected {
                        address: address.to_string(),
                        attempts,
                        waited_ms: waited.map(millis),
                    },
                    Some((stream, knock)),
                )
            }
            Connect::Refused { attempts } => (Connection::Refused { attempts }, None),
            Connect::Timeout => (Connection::TimedOut, None),
            Connect::Failed(error) => (Connection::Failed { error }, None),
        };
        self.evidence.connection = Some(connection);
        stream
    }

    /// The proxy's name and port, then its tunnel to the target: what goes
    /// wrong is the proxy's ([`ProxyFailure`]); once the tunnel is open the
    /// target's TLS, HTTP and WebSocket are diagnosed as on a direct path.
    async fn connect_through(
        &mut self,
        host: &str,
        port: u16,
        credentials: Option<ProxyCredentials>,
    ) -> Option<TcpStream> {
        let step = self.start(Stage::Tcp);
        let tunnel = tunnel::through(
            host,
            port,
            &self.target.authority(),
            credentials.as_ref(),
            self.options.timeout,
            self.options.wait,
        )
        .await;
        self.timings.tcp = Some(self.finish(Stage::Tcp, step, tunnel.is_ok()));
        match tunnel {
            Ok(tunnelled) => {
                if let Dial::Tunnel { proxy, .. } = &tunnelled.dial {
                    self.evidence.connection = Some(Connection::Connected {
                        address: proxy.to_string(),
                        attempts: tunnelled.attempts,
                        waited_ms: tunnelled.waited.map(millis),
                    });
                }
                self.dial = Some(tunnelled.dial);
                Some(tunnelled.stream)
            }
            Err(failure) => {
                self.evidence.proxy_failure = Some(failure);
                None
            }
        }
    }

    /// When the name has addresses of both families and only the accepted
    /// one's family was tried, how one address of the other family answers:
    /// clients that try that family first meet it.
    fn knock_other_family(&self, addresses: &[SocketAddr], accepted: SocketAddr) -> Knock {
        let tried_other = |other: &SocketAddr| {
            self.evidence
                .replies
                .iter()
                .any(|reply| reply.address == other.to_string())
        };
        let other = addresses
            .iter()
            .find(|a| a.is_ipv4() != accepted.is_ipv4())
            .filter(|a| !tried_other(a))
            .copied();
        let patience = self.options.timeout.min(KNOCK_PATIENCE);
        Box::pin(async move {
            let other = other?;
            Some(AddressReply {
                address: other.to_string(),
                reply: tcp::knock(other, patience).await,
            })
        })
    }

    /// The TLS layer: handshake and certificate. Returns the stream only
    /// when the certificate is trusted.
    async fn secure(&mut self, stream: TcpStream) -> Option<Box<dyn Io>> {
        let trust = self
            .trust
            .get_or_insert_with(|| Trust::new(&self.options.ca))
            .clone();
        let step = self.start(Stage::Tls);
        let outcome = tls::handshake(
            stream,
            &self.target.host,
            &trust,
            self.options.identity.as_ref(),
            self.options.timeout,
        )
        .await;
        let trusted = matches!(
            outcome,
            Handshake::Established {
                verdict: Ok(()),
                ..
            }
        );
        self.timings.tls = Some(self.finish(Stage::Tls, step, trusted));
        let now = self.evidence.checked_at;
        match outcome {
            Handshake::Failed {
                failure,
                received,
                chain,
                client_cert_asked,
            } => {
                // What rustls refuses (old versions, legacy suites, a key it
                // cannot check) only a raw hello can name.
                let protocol_reason = failure != TlsFailure::TimedOut
                    && matches!(
                        sniff::classify(&received),
                        Speech::Tls { .. } | Speech::Nothing
                    );
                self.evidence.tls_failure = Some(failure);
                self.evidence.client_cert_requested = client_cert_asked;
                self.evidence.chain = chain
                    .iter()
                    .filter_map(|der| cert::inspect(der, now))
                    .collect();
                self.saw_bytes(&received);
                if protocol_reason {
                    self.probe_everything(now).await;
                }
                None
            }
            Handshake::Established {
                stream,
                session,
                chain,
                verdict,
                client_cert_asked,
                stapled,
            } => {
                self.evidence.client_cert_requested = client_cert_asked;
                self.evidence.stapled = stapled;
                // A trusted connection asks it beside the upgrade (`over`).
                if verdict.is_err() {
                    self.evidence.offered_legacy = self.hello(Offer::Legacy).await;
                }
                self.evidence.tls = Some(session);
                self.evidence.chain = chain
                    .iter()
                    .filter_map(|der| cert::inspect(der, now))
                    .collect();
                let last_issuer = self.evidence.chain.last().map(|last| &last.issuer_der);
                self.evidence.certificate = Some(CertificateCheck {
                    presented: u32::try_from(chain.len()).unwrap_or(u32::MAX),
                    verdict: Verdict::of(&verdict),
                    name_matches: chain
                        .first()
                        .is_some_and(|leaf| tls::covers(leaf, &self.target.host)),
                    issuer_trusted: last_issuer.is_some_and(|issuer| trust.has_subject(issuer)),
                    // Only a self-issued leaf can be one of the system's
                    // roots; any leaf can be given as an extra CA.
                    leaf_trusted: self.evidence.chain.first().is_some_and(|leaf| {
                        trust.given_has_subject(&leaf.subject_der)
                            || (leaf.self_issued && trust.has_subject(&leaf.subject_der))
                    }),
                    // Only an untrusted chain needs it, and it reads every root.
                    issuer_sibling_root: last_issuer
                        .filter(|_| verdict.is_err())
                        .and_then(|issuer| trust.root_of_same_organisation(issuer)),
                });
                verdict.is_ok().then_some(stream as Box<dyn Io>)
            }
        }
    }

    /// After a failed handshake: what the server chooses when offered
    /// everything, and what it sent in the clear (its chain, whether it asks
    /// for a client certificate) when rustls got no further.
    async fn probe_everything(&mut self, now: i64) {
        let answer = self.hello(Offer::Everything).await;
        if let Some(HelloAnswer::Hello(hello)) = &answer {
            if self.evidence.chain.is_empty() {
                self.evidence.chain = hello
                    .certificates
                    .iter()
                    .filter_map(|der| cert::inspect(der, now))
                    .collect();
            }
            if self.evidence.client_cert_requested.is_none() {
                self.evidence.client_cert_requested = hello.client_cert_authorities.clone();
            }
        }
        self.evidence.offered_everything = answer;
    }

    /// A raw ClientHello the way the first connection went (see [`hello`]).
    async fn hello(&self, offer: Offer) -> Option<HelloAnswer> {
        self.hello_later(offer).await
    }

    /// [`Run::hello`] as a future of its own, to run beside another step.
    fn hello_later(&self, offer: Offer) -> impl Future<Output = Option<HelloAnswer>> + use<> {
        let dial = self.dial.clone();
        let host = self.target.host.clone();
        let timeout = self.options.timeout;
        async move { Some(hello::probe(&dial?, &host, offer, timeout).await) }
    }

    /// Sends the request (an upgrade for ws/wss, a GET otherwise) and reads
    /// the response head; returns it with the WebSocket key that was sent.
    /// After a switch to WebSocket, the connection is closed as a client
    /// closes it (close frame 1000), and what the server sent before its
    /// close comes with the head.
    async fn send(
        &mut self,
        mut stream: Box<dyn Io>,
        origin: Option<&str>,
    ) -> (
        Result<(ResponseHead, Option<AfterUpgrade>), HeadError>,
        String,
    ) {
        let key = ws::new_key();
        let authority = self.target.host_header();
        let request = if self.target.scheme.is_websocket() {
            let offered = self.options.subprotocols.join(", ");
            let mut headers = ws::upgrade_headers(&key, origin);
            if !offered.is_empty() {
                headers.push(("Sec-WebSocket-Protocol", &offered));
            }
            http::request("GET", &self.target.path, &authority, &headers)
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
        let answer = match stream.write_all(&request).await {
            Ok(()) => http::read_response(&mut stream, self.options.timeout).await,
            Err(error) => Err(HeadError::Io(NetworkError::new(&error))),
        };
        if first {
            self.timings.http = Some(self.finish(Stage::Http, step, answer.is_ok()));
        }
        let answer = match answer {
            Ok((head, rest)) if head.status == 101 && self.target.scheme.is_websocket() => {
                let after = ws::close(&mut stream, rest, self.options.timeout).await;
                Ok((head, Some(after)))
            }
            Ok((head, _)) => Ok((head, None)),
            Err(error) => Err(error),
        };
        let _ = stream.shutdown().await;
        (answer, key)
    }
    /// Reports that `stage` starts; its start time.
    fn start(&self, stage: Stage) -> Instant {
        if let Some(progress) = &self.options.progress {
            progress.call(StepEvent {
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
            progress.call(StepEvent {
                stage,
                finished: true,
                ok,
                ms: Some(ms),
            });
        }
        ms
    }

    /// Whether `PATH/info` answers as SockJS does (`{"websocket":…,
    /// "entropy":…}`): a SockJS endpoint refuses a plain upgrade at its
    /// base URL, Spring's with an empty 400.
    async fn sockjs_info(&self) -> bool {
        let Some(mut stream) = self.reopen().await else {
            return false;
        };
        let request = fallback::sockjs_info_request(&self.target.path, &self.target.host_header());
        if stream.write_all(&request).await.is_err() {
            return false;
        }
        let answered = http::read_head(&mut stream, self.options.timeout)
            .await
            .is_ok_and(|head| fallback::is_sockjs_info(&head));
        // Asked of the servers that crash on a reset: see close_politely.
        http::close_politely(&mut stream).await;
        answered
    }

    /// A `ws://` upgrade that switched through the proxy's tunnel, sent to
    /// the proxy once more as a forwarding client sends it: does the proxy
    /// carry `Upgrade`, or drop it as a hop-by-hop header? A server that
    /// meets the stripped request as a plain GET may never answer it, and a
    /// proxy that carries the upgrade answers about as fast as the tunnel
    /// did: so it waits ten times the tunnel's connection and upgrade, at
    /// least half a second and at most [`KNOCK_PATIENCE`].
    async fn forward(&self) -> Option<Forwarded> {
        let Some(Dial::Tunnel {
            proxy, credentials, ..
        }) = &self.dial
        else {
            return None;
        };
        let key = ws::new_key();
        let authority = self.target.host_header();
        let url = format!("http://{authority}{}", self.target.path);
        let headers = ws::upgrade_headers(&key, self.options.origin.as_deref());
        let took = self.timings.tcp.unwrap_or(0.0) + self.timings.http.unwrap_or(0.0);
        let patience = Duration::from_secs_f64(took * 10.0 / 1000.0)
            .clamp(FORWARD_PATIENCE, KNOCK_PATIENCE)
            .min(self.options.timeout);
        tunnel::forward(
            *proxy,
            &url,
            &authority,
            &headers,
            credentials.as_ref(),
            patience,
        )
        .await
    }

    /// The CORS preflight a browser sends before calling an API from `origin`.
    async fn preflight(&mut self, origin: &str) {
        let Some(mut stream) = self.reopen().await else {
            return;
        };
        let request = http::request(
            "OPTIONS",
            &self.target.path,
            &self.target.host_header(),
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
            self.evidence.preflight = Some(head);
        }
    }

    /// A second connection to the address that answered, over TLS when the
    /// target is secure (only reached when the certificate was trusted).
    async fn reopen(&self) -> Option<Box<dyn Io>> {
        let timeout = self.options.timeout;
        let stream = self.dial.as_ref()?.open(timeout).await?;
        if !self.target.secure {
            return Some(Box::new(stream));
        }
        let trust = self.trust.as_ref()?;
        tls::trusted_stream(
            stream,
            &self.target.host,
            trust,
            self.options.identity.as_ref(),
            timeout,
        )
        .await
    }
}
