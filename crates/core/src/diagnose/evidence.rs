//! Evidence: everything the probes saw, typed and complete enough that the
//! rules need nothing else. It round-trips through the JSON report, so a
//! saved report re-derives the same findings (`handshake diagnose --replay`).

use serde::{Deserialize, Serialize};

use crate::probe::cert::CertInfo;
use crate::probe::dns::DnsError;
use crate::probe::hello::HelloAnswer;
use crate::probe::http::{ResponseFailure, ResponseHead};
use crate::probe::ocsp::Staple;
use crate::probe::sniff::BytesSeen;
use crate::probe::tcp::{AddressReply, NetworkError};
use crate::probe::tls::{TlsFailure, TlsSession};
use crate::probe::tunnel::{Forwarded, ProxyFailure};
pub use crate::probe::ws::AfterUpgrade;
use crate::proxy::Route;
use crate::target::Target;

/// What the probes saw, raw enough to check the findings against.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Evidence {
    /// What was diagnosed.
    pub target: Target,
    /// The origin of the page that opens the connection, when given.
    pub origin: Option<String>,
    /// The step timeout, in milliseconds.
    pub timeout_ms: u32,
    /// The wait window for a restarting server, in milliseconds.
    pub wait_ms: Option<u32>,
    /// When the diagnosis ran, in seconds since the Unix epoch: certificate
    /// ages are counted from it.
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub checked_at: i64,
    /// Which way the connection went: straight, or through which proxy and
    /// why. Reports saved before proxies were followed lack it.
    #[serde(default)]
    pub route: Option<Route>,
    /// What went wrong with the proxy itself, when one is on the way.
    #[serde(default)]
    pub proxy_failure: Option<ProxyFailure>,
    /// For `ws://` through a proxy's tunnel that switched: what the proxy
    /// made of the same upgrade sent to it as to a forwarding proxy.
    #[serde(default)]
    pub forwarded: Option<Forwarded>,
    /// The addresses the host resolved to, in the order tried.
    pub addresses: Vec<String>,
    /// Why the name did not resolve.
    pub dns_error: Option<DnsError>,
    /// How the connection attempts ended.
    pub connection: Option<Connection>,
    /// How each address answered in the round that connected, and one of
    /// the other address family when the name has both and it was not tried.
    #[serde(default)]
    pub replies: Vec<AddressReply>,
    /// The negotiated TLS parameters.
    pub tls: Option<TlsSession>,
    /// Why the TLS handshake failed.
    pub tls_failure: Option<TlsFailure>,
    /// The certificate chain as presented, leaf first.
    pub chain: Vec<CertInfo>,
    /// What the certificate checks said, when the handshake finished.
    pub certificate: Option<CertificateCheck>,
    /// The CA names of the server's CertificateRequest, when it asked for a
    /// client certificate.
    pub client_cert_requested: Option<Vec<String>>,
    /// Whether a client certificate was given (`--client-cert`).
    // Reports saved before mutual TLS was probed lack it.
    #[serde(default)]
    pub client_cert_given: bool,
    /// The certificate the server should serve (`--expect-cert`).
    pub expected: Option<CertInfo>,
    /// What the server chose when offered every version up to TLS 1.2 and
    /// every suite (probed after a handshake failed for a protocol reason,
    /// and after a plain request the port closed without a byte).
    pub offered_everything: Option<HelloAnswer>,
    /// What the server answered when offered TLS 1.1 at most (probed after
    /// a handshake that worked).
    pub offered_legacy: Option<HelloAnswer>,
    /// What the OCSP response the server stapled says, when it sent one.
    pub stapled: Option<Staple>,
    /// What the server sent when it was not what the scheme expects.
    pub bytes: Option<BytesSeen>,
    /// The `Sec-WebSocket-Key` of the upgrade request.
    pub ws_key: Option<String>,
    /// The subprotocols the upgrade offered (`Sec-WebSocket-Protocol`).
    #[serde(default)]
    pub subprotocols_offered: Vec<String>,
    /// What the server sent after switching to WebSocket, until its close.
    #[serde(default)]
    pub after_upgrade: Option<AfterUpgrade>,
    /// Whether `PATH/info` answered as a SockJS endpoint does (asked when
    /// the upgrade got a 200 or a 400).
    #[serde(default)]
    pub sockjs_info: bool,
    /// How `handshake check`'s exchange after the upgrade failed, when a
    /// failed check asked for this diagnosis.
    #[serde(default)]
    pub exchange: Option<crate::exchange::Exchange>,
    /// The response to the request (the WebSocket upgrade, or a GET).
    pub response: Option<ResponseHead>,
    /// Why no response could be read.
    pub response_failure: Option<ResponseFailure>,
    /// The status of the same upgrade sent without an `Origin` header, when
    /// the first was refused with 403.
    pub status_without_origin: Option<u16>,
    /// The answer to the CORS preflight.
    pub preflight: Option<ResponseHead>,
    /// What the user's browser saw opening the same URL (`check --browser`).
    #[serde(default)]
    pub browser: Option<BrowserEvidence>,
}

/// What the user's browser saw when Handshake's probe page ran
/// `new WebSocket(url)` in it, and what tells a browser-only cause.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BrowserEvidence {
    /// The browser as the user named it (`chromium`, `firefox`, `default`,
    /// a program).
    pub browser: String,
    /// The probe page's origin (`http://127.0.0.1:PORT`).
    pub page_origin: String,
    /// How long Handshake waited for the page's report.
    pub waited_ms: f64,
    /// What the page reported; none when it never did.
    pub report: Option<BrowserReport>,
    /// Whether Handshake's own check of the URL passed.
    pub handshake_ok: bool,
    /// Whether Handshake trusted the server only through `--ca`.
    pub ca_given: bool,
    /// The NSS databases this browser reads, and whether the `--ca`
    /// certificate is in each (by SHA-256).
    pub stores: Vec<BrowserStore>,
    /// The status the same upgrade got from Handshake with the probe page's
    /// `Origin`, asked when the browser failed where Handshake did not.
    #[serde(default)]
    pub page_origin_status: Option<u16>,
}

/// The probe page's report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BrowserReport {
    /// Whether the socket's `open` event fired.
    pub opened: bool,
    /// What ended the page's wait.
    pub event: BrowserEvent,
    /// Milliseconds from `new WebSocket` to the event, as the page measured.
    pub elapsed_ms: f64,
    /// The browser's `navigator.userAgent`.
    pub user_agent: String,
}

/// The first of: the answer, the close, the constructor's exception.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum BrowserEvent {
    /// The first message the server sent after the page's `ping`.
    Message {
        /// Its text (cut to 256 characters by the page).
        data: String,
    },
    /// The socket closed (1006 in Chromium for every failure; 1015 in
    /// Firefox for a failed TLS handshake).
    Close {
        /// The close code.
        code: u16,
        /// The close reason.
        reason: String,
    },
    /// `new WebSocket` threw (mixed content, a blocked port, a bad URL).
    Threw {
        /// The exception's name (`SecurityError`).
        name: String,
        /// Its message, as the browser wrote it.
        message: String,
    },
}

/// One NSS database a browser reads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BrowserStore {
    /// Its folder.
    pub path: String,
    /// Whether the CA is there.
    pub trusted: bool,
}

/// How the connection attempts ended.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "outcome", rename_all = "kebab-case")]
pub enum Connection {
    /// An address accepted.
    Connected {
        /// The address that accepted.
        address: String,
        /// Rounds of attempts (more than one while waiting for a server).
        attempts: u32,
        /// How long it was refused before it accepted, when it was.
        waited_ms: Option<f64>,
    },
    /// Every address refused, until the wait window ended.
    Refused {
        /// Rounds of attempts.
        attempts: u32,
    },
    /// No address answered in time.
    TimedOut,
    /// A socket error other than a refusal.
    Failed {
        /// What the system said.
        error: NetworkError,
    },
}

/// What the certificate checks said about the chain the server presented.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CertificateCheck {
    /// How many certificates the server sent (some may not parse).
    pub presented: u32,
    /// The verifier's verdict on the chain and the name.
    pub verdict: Verdict,
    /// Whether the leaf covers the host name.
    pub name_matches: bool,
    /// Whether a trusted root is named like the issuer of the last certificate sent.
    pub issuer_trusted: bool,
    /// Whether a trusted root is named like the leaf itself: an extra CA
    /// (`--ca`), or a system root when the leaf is self-issued as roots are.
    pub leaf_trusted: bool,
    /// A trusted root of the same organisation as the issuer of the last
    /// certificate sent, when the chain is not trusted: that issuer is then
    /// most likely an intermediate under it.
    pub issuer_sibling_root: Option<String>,
}

/// The verifier's verdict, by cause.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// Trusted, valid now, and for this name.
    Trusted,
    /// The chain ends at a CA that is not trusted.
    UnknownIssuer,
    /// A certificate's validity has ended.
    Expired,
    /// A certificate's validity has not begun.
    NotYetValid,
    /// The leaf does not cover the host name.
    NameMismatch,
    /// A signature does not verify.
    BadSignature,
    /// A signature uses an algorithm the verifier refuses (SHA-1, MD5).
    UnsupportedSignature,
    /// A certificate is malformed.
    BadEncoding,
    /// The leaf is not for TLS servers.
    WrongPurpose,
    /// A certificate was revoked.
    Revoked,
    /// Another reason.
    Other,
}

impl Verdict {
    /// The verdict of a rustls verification.
    pub fn of(result: &Result<(), rustls::Error>) -> Verdict {
        use rustls::CertificateError as C;
        let Err(error) = result else {
            return Verdict::Trusted;
        };
        let rustls::Error::InvalidCertificate(error) = error else {
            return Verdict::Other;
        };
        match error {
            C::UnknownIssuer => Verdict::UnknownIssuer,
            C::Expired | C::ExpiredContext { .. } => Verdict::Expired,
            C::NotValidYet | C::NotValidYetContext { .. } => Verdict::NotYetValid,
            C::NotValidForName | C::NotValidForNameContext { .. } => Verdict::NameMismatch,
            C::BadSignature => Verdict::BadSignature,
            C::UnsupportedSignatureAlgorithmContext { .. }
            | C::UnsupportedSignatureAlgorithmForPublicKeyContext { .. } => {
                Verdict::UnsupportedSignature
            }
            C::BadEncoding | C::UnhandledCriticalExtension => Verdict::BadEncoding,
            C::InvalidPurpose | C::InvalidPurposeContext { .. } => Verdict::WrongPurpose,
            C::Revoked => Verdict::Revoked,
            _ => Verdict::Other,
        }
    }
}

impl Evidence {
    /// Evidence of nothing yet, for `target` as the options ask.
    pub fn new(target: Target, options: &super::Options, checked_at: i64) -> Evidence {
        let millis = |d: std::time::Duration| u32::try_from(d.as_millis()).unwrap_or(u32::MAX);
        Evidence {
            target,
            origin: options.origin.clone(),
            timeout_ms: millis(options.timeout),
            wait_ms: options.wait.map(millis),
            checked_at,
            route: None,
            proxy_failure: None,
            forwarded: None,
            addresses: Vec::new(),
            dns_error: None,
            connection: None,
            replies: Vec::new(),
            tls: None,
            tls_failure: None,
            chain: Vec::new(),
            certificate: None,
            client_cert_requested: None,
            client_cert_given: options.identity.is_some(),
            expected: options.expected.clone(),
            offered_everything: None,
            offered_legacy: None,
            stapled: None,
            bytes: None,
            ws_key: None,
            subprotocols_offered: options.subprotocols.clone(),
            after_upgrade: None,
            sockjs_info: false,
            exchange: None,
            response: None,
            response_failure: None,
            status_without_origin: None,
            preflight: None,
            browser: None,
        }
    }

    /// The step timeout in seconds, as findings cite it.
    pub(crate) fn timeout_s(&self) -> f64 {
        f64::from(self.timeout_ms) / 1000.0
    }
}
