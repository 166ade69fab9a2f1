//! Findings: what Handshake concluded, as data — a code, a severity and the
//! typed facts it was concluded from. The words (title, explanation, fix)
//! come from the catalogue at the edge, in the user's language
//! ([`crate::i18n`]).
//!
//! The codes are a public, stable contract (documented in the README, like
//! lint rule ids): scripts match on them. Adding a code is fine; renaming or
//! removing one is a breaking change, and so is giving a code a second meaning.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::i18n::{Fact, Facts, Language};

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The connection fails, or will fail for some clients.
    Error,
    /// It works today, but something needs attention.
    Warning,
    /// Good news or context.
    Info,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        })
    }
}

macro_rules! codes {
    ($($(#[doc = $doc:literal])* $variant:ident = $name:literal,)*) => {
        /// A finding's stable identifier.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "specta", derive(specta::Type))]
        #[non_exhaustive]
        pub enum Code {
            $($(#[doc = $doc])* #[serde(rename = $name)] $variant,)*
        }

        impl Code {
            /// Every code, in catalogue order.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The kebab-case name (`"tls-to-plain-port"`).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $name,)*
                }
            }

            /// One line on when the code is reported, for the README and `--help`.
            pub fn summary(self) -> &'static str {
                match self {
                    $(Code::$variant => concat!($($doc),*).trim_ascii(),)*
                }
            }
        }
    };
}

impl Code {
    /// Whether the code tells what the user's browser saw (`check --browser`).
    pub fn is_browser(self) -> bool {
        self.as_str().starts_with("browser-")
    }
}

codes! {
    /// The proxy the environment or `--proxy` names cannot be reached.
    ProxyUnreachable = "proxy-unreachable",
    /// The proxy wants credentials (407).
    ProxyAuthRequired = "proxy-auth-required",
    /// The proxy refuses to tunnel to the target (403, Squid's port rule…).
    ProxyTunnelRefused = "proxy-tunnel-refused",
    /// The proxy cannot reach or resolve the target (502, 503, 504).
    ProxyTargetFailed = "proxy-target-failed",
    /// A `ws://` upgrade switches through the proxy's tunnel, but the proxy drops `Upgrade` from the same request forwarded (Node's `http-proxy-agent`).
    ProxyUpgradeDropped = "proxy-upgrade-dropped",
    /// The host name does not resolve.
    DnsUnresolved = "dns-unresolved",
    /// Nothing listens on the port (connection refused), within the wait window.
    TcpRefused = "tcp-refused",
    /// No answer at all to the connection attempt (filtered port, wrong host).
    TcpTimeout = "tcp-timeout",
    /// The connection failed with a network error (no route, host unreachable, blocked locally).
    TcpFailed = "tcp-failed",
    /// Refused at first, then accepted within `--wait`.
    ServerNotReady = "server-not-ready",
    /// The name has IPv4 and IPv6 addresses and only one family accepts: clients that try the other first fail (`ECONNREFUSED ::1`).
    AddressFamilyMismatch = "address-family-mismatch",
    /// The connection was accepted, but the server sent nothing in time.
    ServerSilent = "server-silent",
    /// The server closed the connection in the middle of the exchange.
    ConnectionClosed = "connection-closed",
    /// The connection was accepted, then reset before the server sent a byte (a Docker port whose app listens on 127.0.0.1).
    ConnectionReset = "connection-reset",
    /// The URL is https/wss, but the port speaks plain HTTP.
    TlsToPlainPort = "tls-to-plain-port",
    /// The URL is http/ws, but the port speaks TLS.
    PlainToTlsPort = "plain-to-tls-port",
    /// The port speaks something other than HTTP (an SSH or SMTP banner, binary data).
    NotHttp = "not-http",
    /// The certificate's validity ended.
    CertExpired = "cert-expired",
    /// The certificate's validity has not begun yet.
    CertNotYetValid = "cert-not-yet-valid",
    /// The certificate expires in fewer than 30 days.
    CertExpiringSoon = "cert-expiring-soon",
    /// No name in the certificate matches the host.
    CertHostnameMismatch = "cert-hostname-mismatch",
    /// The certificate is its own issuer.
    CertSelfSigned = "cert-self-signed",
    /// The certificate chains to a CA this client does not trust.
    CertUntrustedIssuer = "cert-untrusted-issuer",
    /// The server does not send the intermediate certificate.
    CertChainIncomplete = "cert-chain-incomplete",
    /// An intermediate certificate in the chain has expired or is not valid yet.
    CertChainOutsideValidity = "cert-chain-outside-validity",
    /// The server presents no certificate, or one that is not valid X.509.
    CertUnreadable = "cert-unreadable",
    /// The chain does not verify for another reason (bad signature, wrong purpose, revoked).
    CertRejected = "cert-rejected",
    /// A certificate in the chain is signed with SHA-1 or MD5.
    CertWeakSignature = "cert-weak-signature",
    /// A certificate in the chain has an RSA key under 2048 bits (or a key type clients refuse).
    CertWeakKey = "cert-weak-key",
    /// The server's certificate message is larger than clients accept.
    CertTooLarge = "cert-too-large",
    /// The server serves another certificate than `--expect-cert`: renewed on disk, not reloaded.
    CertNotReloaded = "cert-not-reloaded",
    /// The OCSP response the server staples says its certificate is revoked.
    CertRevoked = "cert-revoked",
    /// A proxy decrypts and re-signs TLS: the root is an inspection product's, or the leaf carries its issuer's own key (Squid's ssl_bump, mitmproxy).
    TlsIntercepted = "tls-intercepted",
    /// The TLS handshake failed: an alert, no common protocol version or cipher, a broken server.
    TlsHandshakeFailed = "tls-handshake-failed",
    /// The server requires a client certificate (mutual TLS) and none was given.
    TlsClientCertRequired = "tls-client-cert-required",
    /// The server speaks only protocol versions current clients refuse (SSL 3, TLS 1.0, 1.1).
    TlsVersionTooOld = "tls-version-too-old",
    /// The handshake works, but the server also accepts TLS 1.0 or 1.1.
    TlsLegacyVersions = "tls-legacy-versions",
    /// The server offers only cipher suites current clients refuse (CBC-only, static RSA, DHE, 3DES, RC4, NULL).
    TlsNoSharedCipher = "tls-no-shared-cipher",
    /// The URL answers with a redirect, which WebSocket clients do not follow.
    HttpRedirect = "http-redirect",
    /// The response head is larger than any real server sends.
    HttpHeadersTooLarge = "http-headers-too-large",
    /// An Upgrade request got a normal response: the Upgrade was not forwarded, or no WebSocket endpoint is there.
    WsUpgradeIgnored = "ws-upgrade-ignored",
    /// The server refused the upgrade itself (400, 426, 505).
    WsUpgradeRejected = "ws-upgrade-rejected",
    /// The URL is a SockJS endpoint (`Welcome to SockJS!`): a plain WebSocket client must use its `/websocket` URL.
    WsSockjsEndpoint = "ws-sockjs-endpoint",
    /// The URL is a Socket.IO server (`Transport unknown`): a plain WebSocket client cannot talk to it.
    WsSocketioEndpoint = "ws-socketio-endpoint",
    /// The server wants a subprotocol the client did not offer, or chose one it did not offer.
    WsSubprotocolRequired = "ws-subprotocol-required",
    /// The server accepted the upgrade, then closed the WebSocket at once (with its close code and reason).
    WsClosedAtOnce = "ws-closed-at-once",
    /// `check`: the connection opened, but nothing answered the message (or the protocol's first frame) in time.
    WsNoAnswer = "ws-no-answer",
    /// `check`: the server closed the WebSocket after the upgrade instead of answering (with its close code).
    WsClosedByServer = "ws-closed-by-server",
    /// `check`: the application protocol refused the client (STOMP `ERROR`, Socket.IO `connect_error`) or is another one.
    WsProtocolRefused = "ws-protocol-refused",
    /// The server switched protocols but its Sec-WebSocket-Accept is wrong.
    WsAcceptMismatch = "ws-accept-mismatch",
    /// Nothing at this path (404).
    WsPathNotFound = "ws-path-not-found",
    /// Refused (403) with the page's Origin, accepted with another or none.
    WsOriginForbidden = "ws-origin-forbidden",
    /// Refused (403) whatever the Origin.
    WsForbidden = "ws-forbidden",
    /// The endpoint wants credentials (401).
    WsAuthRequired = "ws-auth-required",
    /// `check --idle`: a hop closed the idle connection after its idle timeout (nginx 60 s, ALB 60 s, Cloudflare 100 s).
    ProxyIdleTimeout = "proxy-idle-timeout",
    /// A proxy answered that its upstream is down (502, 503, 504).
    ProxyUpstreamDown = "proxy-upstream-down",
    /// An https page opens an unencrypted ws:// or http:// endpoint: browsers block it (to loopback they allow it: a warning).
    MixedContent = "mixed-content",
    /// The CORS preflight answer has no Access-Control-Allow-Origin.
    CorsMissing = "cors-missing",
    /// The CORS preflight allows another origin than the page's.
    CorsOriginMismatch = "cors-origin-mismatch",
    /// The WebSocket handshake succeeded.
    WsOk = "ws-ok",
    /// The HTTP endpoint answered.
    HttpOk = "http-ok",
    /// A localhost server sends HSTS: browsers then force https on every localhost port.
    HstsOnLocalhost = "hsts-on-localhost",
    /// `check --browser`: the browser opened the WebSocket and got its answer.
    BrowserOk = "browser-ok",
    /// `check --browser`: the browser fails where Handshake connects, because the CA is not in the store it reads.
    BrowserCaUntrusted = "browser-ca-untrusted",
    /// `check --browser`: the server refuses the probe page's own Origin, which the browser sends (not the user's page).
    BrowserOriginRefused = "browser-origin-refused",
    /// `check --browser`: the browser could not open the WebSocket (with what it said).
    BrowserFailed = "browser-failed",
    /// `check --browser`: the browser never reported back from the probe page.
    BrowserNoReport = "browser-no-report",
    /// Log: TLS bytes reached a plain HTTP parser (Tomcat's "Invalid character found in method name [0x16…]", nginx's "client sent invalid method").
    LogTlsOnPlainPort = "log-tls-on-plain-port",
    /// Log: the bytes of another protocol where a request line belongs (SOCKS, RDP, SSH, binary): a scanner or a proxy client probing the port.
    LogPortProbed = "log-port-probed",
    /// Log: HTTP/2's prior-knowledge preface (`PRI * HTTP/2.0`) reached an HTTP/1.1 port.
    LogPriorKnowledgePreface = "log-prior-knowledge-preface",
    /// Log: plain HTTP reached a TLS port (nginx 497, Netty NotSslRecordException, JSSE "Unsupported or unrecognized SSL message").
    LogPlainOnTlsPort = "log-plain-on-tls-port",
    /// Log: a request target with characters that must be percent-encoded (Tomcat).
    LogInvalidRequestTarget = "log-invalid-request-target",
    /// Log: Spring refused a WebSocket handshake without the Upgrade header (a proxy dropped it).
    LogUpgradeHeaderMissing = "log-upgrade-header-missing",
    /// Log: a WebSocket or CORS request refused for its Origin.
    LogOriginRejected = "log-origin-rejected",
    /// Log: nginx could not connect to its upstream.
    LogUpstreamRefused = "log-upstream-refused",
    /// Log: nginx's upstream closed the connection early.
    LogUpstreamClosed = "log-upstream-closed",
    /// Log: nginx has no live upstream left.
    LogNoLiveUpstreams = "log-no-live-upstreams",
    /// Log: a TLS handshake failed (nginx SSL_do_handshake, browsers' ERR_SSL_PROTOCOL_ERROR).
    LogTlsHandshakeFailed = "log-tls-handshake-failed",
    /// Log: Java does not trust the server's certificate (PKIX path building failed).
    LogPkixPathBuilding = "log-pkix-path-building",
    /// Log: a browser does not trust the server's certificate (ERR_CERT_AUTHORITY_INVALID).
    LogCertUntrusted = "log-cert-untrusted",
    /// Log: the keystore password is wrong.
    LogKeystorePassword = "log-keystore-password",
    /// Log: the key alias is missing from the keystore, or holds no private key.
    LogKeystoreAlias = "log-keystore-alias",
    /// Log: a certificate, key or keystore file the server is configured with cannot be read (Java's FileNotFoundException, nginx's "cannot load certificate", Apache's "does not exist or is empty").
    LogCertificateFileMissing = "log-certificate-file-missing",
    /// Log: the private key does not belong to the certificate (nginx "key values mismatch", Apache AH02565).
    LogKeyMismatch = "log-key-mismatch",
    /// Log: Java's TLS server has no certificate for any enabled cipher suite.
    LogNoServerCertificate = "log-no-server-certificate",
    /// Log: a browser blocked ws:// or http:// from an https page.
    LogMixedContent = "log-mixed-content",
    /// Log: a client's tunnel through its proxy was answered 407 (Java, curl, Squid's access log).
    LogProxyAuthRequired = "log-proxy-auth-required",
    /// Log: a client's tunnel through its proxy was refused (Java, curl, Squid's access log, Chromium).
    LogProxyTunnelRefused = "log-proxy-tunnel-refused",
    /// Log: a browser cannot reach the proxy it is set to use (Chromium's ERR_PROXY_CONNECTION_FAILED).
    LogProxyUnreachable = "log-proxy-unreachable",
    /// Log: a browser blocked a request by CORS policy.
    LogCorsBlocked = "log-cors-blocked",
    /// Log: the WebSocket upgrade got another status than 101.
    LogWsUnexpectedStatus = "log-ws-unexpected-status",
    /// Log: a browser could not open a WebSocket.
    LogWsConnectionFailed = "log-ws-connection-failed",
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One conclusion about the endpoint: what, how bad, and the facts it rests on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Finding {
    /// The stable identifier.
    pub code: Code,
    /// How much it matters.
    pub severity: Severity,
    /// The typed values the words are made from (port, status line, bytes
    /// seen, certificate fields, days left…).
    pub facts: Facts,
}

/// A place in the window where a finding's fix is done: its `.window`
/// words name it, and the window offers a button that goes there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum Place {
    /// The Fix step ("Choose a fix"), where a server kind is picked.
    ChooseFix,
    /// The first screen's Certificates options ("CA to trust").
    Certificates,
    /// The first screen's "Page that opens it" (the Origin).
    PageOrigin,
}

impl Place {
    /// Every place.
    pub const ALL: [Place; 3] = [Place::ChooseFix, Place::Certificates, Place::PageOrigin];

    /// The places each finding's window fix names, by code.
    pub const OF: &[(Code, &[Place])] = &[
        (Code::ServerNotReady, &[Place::ChooseFix]),
        (Code::TlsToPlainPort, &[Place::ChooseFix]),
        (Code::CertExpired, &[Place::ChooseFix]),
        (Code::CertHostnameMismatch, &[Place::ChooseFix]),
        (
            Code::CertSelfSigned,
            &[Place::ChooseFix, Place::Certificates],
        ),
        (Code::CertUntrustedIssuer, &[Place::Certificates]),
        (Code::CertRejected, &[Place::ChooseFix]),
        (Code::CertWeakKey, &[Place::ChooseFix]),
        (Code::CertNotReloaded, &[Place::ChooseFix]),
        (Code::TlsIntercepted, &[Place::Certificates]),
        (Code::TlsVersionTooOld, &[Place::ChooseFix]),
        (Code::TlsNoSharedCipher, &[Place::ChooseFix]),
        (Code::WsUpgradeIgnored, &[Place::ChooseFix]),
        (Code::WsUpgradeRejected, &[Place::ChooseFix]),
        (Code::WsForbidden, &[Place::PageOrigin]),
        (Code::ProxyIdleTimeout, &[Place::ChooseFix]),
        (Code::MixedContent, &[Place::ChooseFix]),
        (Code::BrowserOk, &[Place::PageOrigin]),
        (Code::BrowserOriginRefused, &[Place::PageOrigin]),
        (Code::BrowserFailed, &[Place::PageOrigin]),
        (Code::LogTlsOnPlainPort, &[Place::ChooseFix]),
        (Code::LogUpgradeHeaderMissing, &[Place::ChooseFix]),
        (Code::LogCorsBlocked, &[Place::PageOrigin]),
    ];

    /// The places `code`'s window fix names (none for most).
    pub fn of(code: Code) -> &'static [Place] {
        Place::OF
            .iter()
            .find(|(of, _)| *of == code)
            .map_or(&[], |(_, places)| places)
    }

    /// The window's label of this place (a `ui.ftl` id): the words its
    /// button shows, and that the finding's `.window` words name.
    pub const fn label(self) -> &'static str {
        match self {
            Place::ChooseFix => "diagnose-choose",
            Place::Certificates => "certificates-ca",
            Place::PageOrigin => "target-origin",
        }
    }
}

impl Finding {
    /// A finding with no facts yet.
    pub fn new(code: Code, severity: Severity) -> Finding {
        Finding {
            code,
            severity,
            facts: Facts::new(),
        }
    }

    /// An error: the connection fails, or will for some clients.
    pub fn error(code: Code) -> Finding {
        Finding::new(code, Severity::Error)
    }

    /// A warning: it works, but needs attention.
    pub fn warning(code: Code) -> Finding {
        Finding::new(code, Severity::Warning)
    }

    /// Good news or context.
    pub fn info(code: Code) -> Finding {
        Finding::new(code, Severity::Info)
    }

    /// Adds the fact `name`.
    pub fn with(mut self, name: &str, value: impl Into<Fact>) -> Finding {
        self.facts.set(name, value);
        self
    }

    /// The words of this finding in `language`.
    pub fn words(&self, language: Language) -> Words {
        let catalogue = language.catalogue();
        let id = self.code.as_str();
        Words {
            title: catalogue.text(id, &self.facts),
            explanation: catalogue.attribute(id, "explanation", &self.facts),
            fix: catalogue.attribute(id, "fix", &self.facts),
        }
    }
}

/// A finding's words in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Words {
    /// One line.
    pub title: String,
    /// Why, in plain words, citing what was observed.
    pub explanation: String,
    /// What to do, and which Handshake generator produces it.
    pub fix: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_kebab_case_and_unique() {
        let mut seen = std::collections::HashSet::new();
        for code in Code::ALL {
            let name = code.as_str();
            assert!(
                name.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{name}"
            );
            assert!(seen.insert(name), "{name} twice");
            assert_eq!(
                serde_json::to_value(code).ok(),
                Some(serde_json::json!(name))
            );
            assert!(!code.summary().is_empty(), "{name} has no summary");
        }
    }
}
