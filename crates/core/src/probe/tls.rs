//! The TLS handshake, with the presented chain captured even when it is
//! invalid.
//!
//! The verifier wraps rustls's WebPKI verifier: it records the chain and the
//! real verdict, then lets the handshake finish so that every fact about the
//! certificate can be reported at once. Application data is never sent over
//! a connection whose verdict was negative (see `diagnose`).

use std::pin::Pin;
use std::sync::{Arc, Mutex, OnceLock};
use std::task::{Context, Poll};
use std::time::Duration;

use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::CryptoProvider;
pub use rustls::pki_types::CertificateDer;
use rustls::pki_types::{ServerName, UnixTime};
use rustls::{DigitallySignedStruct, RootCertStore, SignatureScheme};
use serde::{Deserialize, Serialize};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;
use tokio_rustls::client::TlsStream;

use x509_parser::prelude::{FromDer, X509Name};

use super::ocsp::{self, Staple};
use crate::der;

/// Bytes of the server's first answer kept for sniffing a failed handshake.
const TAP_BYTES: usize = 4096;

/// The negotiated parameters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TlsSession {
    /// `TLSv1.3` or `TLSv1.2`.
    pub version: String,
    /// The cipher suite.
    pub cipher: String,
    /// The ALPN protocol, when the server chose one.
    pub alpn: Option<String>,
}

/// How the handshake ended.
#[derive(Debug)]
pub enum Handshake {
    /// The handshake finished; `verdict` says whether the chain is trusted.
    Established {
        /// The open TLS stream.
        stream: Box<SecureStream>,
        /// What was negotiated.
        session: TlsSession,
        /// The chain as presented, leaf first.
        chain: Vec<CertificateDer<'static>>,
        /// The WebPKI verdict for the chain and the host name.
        verdict: Result<(), rustls::Error>,
        /// The CA names of the server's CertificateRequest, when it asked
        /// for a client certificate.
        client_cert_asked: Option<Vec<String>>,
        /// The OCSP response the server stapled, when it sent one.
        stapled: Option<Staple>,
    },
    /// The handshake failed.
    Failed {
        /// Why.
        failure: TlsFailure,
        /// The first bytes the server sent, to tell what it speaks instead.
        received: Vec<u8>,
        /// The chain, when the server presented one before the failure.
        chain: Vec<CertificateDer<'static>>,
        /// The CA names of the server's CertificateRequest, when it asked
        /// for a client certificate before the failure.
        client_cert_asked: Option<Vec<String>>,
    },
}

/// A client certificate and key, presented when a server asks for one
/// (mutual TLS).
#[derive(Clone)]
pub struct ClientIdentity(Arc<rustls::sign::CertifiedKey>);

impl std::fmt::Debug for ClientIdentity {
    // The key must not reach a log through `{:?}`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ClientIdentity(…)")
    }
}

impl ClientIdentity {
    /// The chain (leaf first) and its PKCS#8 key, as `pki::import_pem`
    /// gives them (the key is checked against the leaf there); `None` when
    /// the crypto provider cannot sign with the key.
    pub fn new(chain: Vec<CertificateDer<'static>>, key_pkcs8: &[u8]) -> Option<ClientIdentity> {
        use rustls::pki_types::{PrivateKeyDer, PrivatePkcs8KeyDer};
        let provider = rustls::crypto::aws_lc_rs::default_provider();
        let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key_pkcs8.to_vec()));
        let signer = provider.key_provider.load_private_key(key).ok()?;
        Some(ClientIdentity(Arc::new(rustls::sign::CertifiedKey::new(
            chain, signer,
        ))))
    }
}

/// Presents the client identity, if any, and records that the server asked.
#[derive(Debug)]
struct ClientAuth {
    identity: Option<ClientIdentity>,
    asked: Mutex<Option<Vec<String>>>,
}

impl rustls::client::ResolvesClientCert for ClientAuth {
    fn resolve(
        &self,
        root_hint_subjects: &[&[u8]],
        _sigschemes: &[SignatureScheme],
    ) -> Option<Arc<rustls::sign::CertifiedKey>> {
        let names = root_hint_subjects
            .iter()
            .filter_map(|der| super::hello::distinguished_name(der))
            .collect();
        *lock(&self.asked) = Some(names);
        self.identity.as_ref().map(|identity| identity.0.clone())
    }

    fn has_certs(&self) -> bool {
        self.identity.is_some()
    }
}

/// Why a TLS handshake failed, as the client saw it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "cause", rename_all = "kebab-case")]
pub enum TlsFailure {
    /// The server sent an alert.
    Alert {
        /// The alert's name as the TLS RFCs write it (`handshake_failure`).
        alert: String,
        /// Its number.
        code: u8,
    },
    /// The server closed the connection without an alert.
    Closed,
    /// The server reset the connection.
    Reset,
    /// The server stopped answering before the handshake ended.
    TimedOut,
    /// No protocol version both sides speak (TLS 1.0/1.1 only, say).
    NoCommonVersion,
    /// No cipher suite, key exchange group or signature scheme in common.
    NoCommonCipher,
    /// A handshake message over the size clients accept (64 KiB).
    MessageTooLarge,
    /// Bytes that are not valid TLS.
    InvalidMessage,
    /// The server finished the handshake without a certificate.
    NoCertificate,
    /// The server's handshake signature did not verify with its certificate's key.
    SignatureRejected,
    /// The server broke the protocol.
    Misbehaved,
    /// Anything else.
    Other,
}

/// The roots a client trusts: the system's, plus extra CA certificates
/// (`--ca`). The system's are read only when the extra ones cannot decide:
/// a chain they make trusted is trusted whatever else is added, and
/// reading and parsing the system's bundle would cost a development
/// server's diagnosis more than its handshake.
#[derive(Debug, Clone)]
pub struct Trust {
    /// The extra CA certificates alone.
    given: Arc<RootCertStore>,
    /// The system's roots with the extra ones, built on first use.
    all: Arc<OnceLock<Arc<RootCertStore>>>,
}

impl Trust {
    /// The system roots (Mozilla's, bundled, when the system has none)
    /// plus `extra` CA certificates.
    pub fn new(extra: &[CertificateDer<'static>]) -> Trust {
        let mut given = RootCertStore::empty();
        given.add_parsable_certificates(extra.iter().cloned());
        Trust {
            given: Arc::new(given),
            all: Arc::default(),
        }
    }

    /// Every root: the system's and the extra ones.
    fn all(&self) -> &Arc<RootCertStore> {
        self.all.get_or_init(|| {
            let mut roots = system_roots().clone();
            roots.extend(self.given.roots.iter().cloned());
            Arc::new(roots)
        })
    }

    /// The verdict on a chain for `server_name`: the extra roots' when they
    /// trust it, else all the roots'.
    fn verify(
        &self,
        provider: &Arc<CryptoProvider>,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<(), rustls::Error> {
        let check = |roots: &Arc<RootCertStore>| {
            WebPkiServerVerifier::builder_with_provider(roots.clone(), provider.clone())
                .build()
                .map_err(|_| rustls::Error::General("no trusted roots".into()))?
                .verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
                .map(|_| ())
        };
        if !self.given.is_empty() && check(&self.given).is_ok() {
            return Ok(());
        }
        check(self.all())
    }

    /// Whether a trusted root has this subject (DER of the distinguished
    /// name, as a certificate holds it).
    pub fn has_subject(&self, name_der: &[u8]) -> bool {
        self.given_has_subject(name_der) || holds_subject(self.all(), name_der)
    }

    /// Whether one of the extra CA certificates has this subject; the
    /// system's roots are not read.
    pub fn given_has_subject(&self, name_der: &[u8]) -> bool {
        holds_subject(&self.given, name_der)
    }

    /// The subject of a trusted root of the same organisation (O=) as the
    /// name `name_der`, but not that name: a CA's intermediates carry its
    /// organisation, so `name_der` is then most likely an intermediate
    /// under that root.
    pub fn root_of_same_organisation(&self, name_der: &[u8]) -> Option<String> {
        let organisation = |name: &X509Name<'_>| {
            name.iter_organization()
                .next()
                .and_then(|o| o.as_str().ok().map(str::to_owned))
        };
        let (_, name) = X509Name::from_der(name_der).ok()?;
        let wanted = organisation(&name)?;
        self.all().roots.iter().find_map(|anchor| {
            let subject = der::sequence(anchor.subject.as_ref());
            let (_, root) = X509Name::from_der(&subject).ok()?;
            (root.as_raw() != name.as_raw() && organisation(&root)? == wanted)
                .then(|| root.to_string())
        })
    }
}

/// Whether `roots` has a root with this subject (DER of the name).
fn holds_subject(roots: &RootCertStore, name_der: &[u8]) -> bool {
    // A trust anchor keeps the name's content, without its tag.
    let content = der::expect(name_der, 0x30).map(|(content, _)| content);
    roots
        .roots
        .iter()
        .any(|anchor| Some(anchor.subject.as_ref()) == content)
}

/// Why a CA file given with `--ca` cannot be used.
#[derive(Debug, thiserror::Error)]
#[error("{}", crate::i18n::english(self))]
#[non_exhaustive]
pub enum CaFileError {
    /// The file cannot be read, is not a regular file, or is too large.
    File(#[from] crate::file::FileError),
    /// The file holds no PEM certificate.
    NoCertificate {
        /// The path as given.
        path: String,
    },
}

impl crate::i18n::Message for CaFileError {
    fn id(&self) -> &'static str {
        match self {
            CaFileError::File(error) => error.id(),
            CaFileError::NoCertificate { .. } => "error-ca-file-no-certificate",
        }
    }

    fn facts(&self) -> crate::i18n::Facts {
        match self {
            CaFileError::File(error) => error.facts(),
            CaFileError::NoCertificate { path } => crate::i18n::Facts::new().with("path", path),
        }
    }
}

/// Reads every certificate in a PEM file, to trust them as CAs (with the
/// cap of [`crate::file::Holds::Ca`]: `--ca /dev/zero` is refused, not read
/// forever).
pub fn read_ca_file(path: &std::path::Path) -> Result<Vec<CertificateDer<'static>>, CaFileError> {
    let bytes = crate::file::read(path, crate::file::Holds::Ca)?;
    let certs = crate::pem::certificates(&bytes);
    if certs.is_empty() {
        return Err(CaFileError::NoCertificate {
            path: path.display().to_string(),
        });
    }
    Ok(certs)
}

/// Whether the certificate covers `host` (a DNS name or an IP address),
/// as a TLS client checks it.
pub fn covers(leaf: &CertificateDer<'_>, host: &str) -> bool {
    ServerName::try_from(host).ok().is_some_and(|name| {
        rustls::server::ParsedCertificate::try_from(leaf)
            .is_ok_and(|parsed| rustls::client::verify_server_name(&parsed, &name).is_ok())
    })
}

/// [`handshake`] for a connection that only needs the stream: `None`
/// unless the handshake completed and the chain is trusted.
pub async fn trusted_stream(
    stream: TcpStream,
    host: &str,
    trust: &Trust,
    identity: Option<&ClientIdentity>,
    timeout: Duration,
) -> Option<Box<dyn super::Io>> {
    match handshake(stream, host, trust, identity, timeout).await {
        Handshake::Established {
            stream,
            verdict: Ok(()),
            ..
        } => Some(stream),
        _ => None,
    }
}

/// Runs the handshake with SNI for `host`, offering ALPN `http/1.1` only
/// (`h2` would break the WebSocket upgrade).
pub async fn handshake(
    stream: TcpStream,
    host: &str,
    trust: &Trust,
    identity: Option<&ClientIdentity>,
    timeout: Duration,
) -> Handshake {
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let recorder = Arc::new(Recorder {
        trust: trust.clone(),
        provider: provider.clone(),
        seen: Mutex::new(None),
    });
    let client_auth = Arc::new(ClientAuth {
        identity: identity.cloned(),
        asked: Mutex::new(None),
    });
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map(|builder| {
            builder
                .dangerous()
                .with_custom_certificate_verifier(recorder.clone())
                .with_client_cert_resolver(client_auth.clone())
        });
    let mut config = match config {
        Ok(config) => config,
        Err(_) => return failed(TlsFailure::Other, Vec::new(), Vec::new(), None),
    };
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    let name = match ServerName::try_from(host.to_owned()) {
        Ok(name) => name,
        Err(_) => return failed(TlsFailure::Other, Vec::new(), Vec::new(), None),
    };
    let received = Arc::new(Mutex::new(Vec::new()));
    let tap = Tap {
        inner: stream,
        received: received.clone(),
    };
    let connector = tokio_rustls::TlsConnector::from(Arc::new(config));
    let result = tokio::time::timeout(timeout, connector.connect(name, tap)).await;
    let received = std::mem::take(&mut *lock(&received));
    let seen_chain = || {
        lock(&recorder.seen)
            .as_ref()
            .map(|(chain, _, _)| chain.clone())
            .unwrap_or_default()
    };
    let asked = lock(&client_auth.asked).take();
    match result {
        Err(_) => failed(TlsFailure::TimedOut, received, seen_chain(), asked),
        Ok(Err(error)) => failed(TlsFailure::of(&error), received, seen_chain(), asked),
        Ok(Ok(stream)) => {
            let (_, connection) = stream.get_ref();
            let session = TlsSession {
                version: connection
                    .protocol_version()
                    .map_or_else(|| "unknown".into(), version_name),
                cipher: connection
                    .negotiated_cipher_suite()
                    .map_or_else(|| "unknown".into(), |s| suite_name(s.suite())),
                alpn: connection
                    .alpn_protocol()
                    .map(|p| String::from_utf8_lossy(p).into_owned()),
            };
            let (chain, verdict, stapled) = lock(&recorder.seen).take().unwrap_or_else(|| {
                (
                    Vec::new(),
                    Err(rustls::Error::General("no certificate".into())),
                    None,
                )
            });
            Handshake::Established {
                stream: Box::new(stream),
                session,
                chain,
                verdict,
                client_cert_asked: asked,
                stapled,
            }
        }
    }
}

fn failed(
    failure: TlsFailure,
    received: Vec<u8>,
    chain: Vec<CertificateDer<'static>>,
    client_cert_asked: Option<Vec<String>>,
) -> Handshake {
    Handshake::Failed {
        failure,
        received,
        chain,
        client_cert_asked,
    }
}

/// `TLSv1.3`, as OpenSSL, Java and Spring's enabled-protocols write it.
fn version_name(version: rustls::ProtocolVersion) -> String {
    match version {
        rustls::ProtocolVersion::TLSv1_3 => "TLSv1.3".to_owned(),
        rustls::ProtocolVersion::TLSv1_2 => "TLSv1.2".to_owned(),
        rustls::ProtocolVersion::TLSv1_1 => "TLSv1.1".to_owned(),
        rustls::ProtocolVersion::TLSv1_0 => "TLSv1".to_owned(),
        other => format!("0x{:04x}", u16::from(other)),
    }
}

/// The IANA name of a cipher suite (`TLS13_AES_128_GCM_SHA256`).
fn suite_name(suite: rustls::CipherSuite) -> String {
    suite
        .as_str()
        .map_or_else(|| format!("0x{:04x}", u16::from(suite)), str::to_owned)
}

impl TlsFailure {
    /// The typed cause of a failed `connect`.
    fn of(error: &std::io::Error) -> TlsFailure {
        use std::io::ErrorKind;
        let Some(tls) = error
            .get_ref()
            .and_then(|inner| inner.downcast_ref::<rustls::Error>())
        else {
            return match error.kind() {
                ErrorKind::UnexpectedEof => TlsFailure::Closed,
                ErrorKind::ConnectionReset
                | ErrorKind::ConnectionAborted
                | ErrorKind::BrokenPipe => TlsFailure::Reset,
                _ => TlsFailure::Other,
            };
        };
        use rustls::{Error, InvalidMessage, PeerIncompatible as Incompatible, PeerMisbehaved};
        match tls {
            Error::AlertReceived(alert) => {
                let code = u8::from(*alert);
                TlsFailure::Alert {
                    alert: alert_name(code).to_owned(),
                    code,
                }
            }
            Error::PeerIncompatible(
                Incompatible::ServerDoesNotSupportTls12Or13
                | Incompatible::ServerTlsVersionIsDisabledByOurConfig
                | Incompatible::Tls12NotOffered
                | Incompatible::Tls12NotOfferedOrEnabled
                | Incompatible::SupportedVersionsExtensionRequired,
            ) => TlsFailure::NoCommonVersion,
            Error::PeerIncompatible(_)
            | Error::PeerMisbehaved(
                PeerMisbehaved::SelectedUnofferedCipherSuite
                | PeerMisbehaved::SelectedUnofferedKxGroup
                | PeerMisbehaved::SignedHandshakeWithUnadvertisedSigScheme,
            ) => TlsFailure::NoCommonCipher,
            Error::InvalidMessage(
                InvalidMessage::HandshakePayloadTooLarge | InvalidMessage::MessageTooLarge,
            ) => TlsFailure::MessageTooLarge,
            Error::InvalidMessage(_) | Error::DecryptError => TlsFailure::InvalidMessage,
            Error::NoCertificatesPresented => TlsFailure::NoCertificate,
            Error::InvalidCertificate(_) => TlsFailure::SignatureRejected,
            Error::PeerMisbehaved(_)
            | Error::InappropriateMessage { .. }
            | Error::InappropriateHandshakeMessage { .. } => TlsFailure::Misbehaved,
            _ => TlsFailure::Other,
        }
    }
}

/// An alert's name as the TLS RFCs write it (5246, 8446, 7301).
fn alert_name(code: u8) -> &'static str {
    match code {
        0 => "close_notify",
        10 => "unexpected_message",
        20 => "bad_record_mac",
        21 => "decryption_failed",
        22 => "record_overflow",
        30 => "decompression_failure",
        40 => "handshake_failure",
        41 => "no_certificate",
        42 => "bad_certificate",
        43 => "unsupported_certificate",
        44 => "certificate_revoked",
        45 => "certificate_expired",
        46 => "certificate_unknown",
        47 => "illegal_parameter",
        48 => "unknown_ca",
        49 => "access_denied",
        50 => "decode_error",
        51 => "decrypt_error",
        70 => "protocol_version",
        71 => "insufficient_security",
        80 => "internal_error",
        86 => "inappropriate_fallback",
        90 => "user_canceled",
        100 => "no_renegotiation",
        109 => "missing_extension",
        110 => "unsupported_extension",
        112 => "unrecognized_name",
        113 => "bad_certificate_status_response",
        115 => "unknown_psk_identity",
        116 => "certificate_required",
        120 => "no_application_protocol",
        _ => "unknown_alert",
    }
}

/// The system's CA bundle files, as Debian/Ubuntu, Fedora/RHEL, Alpine and
/// openSUSE lay them out.
const BUNDLES: [&str; 4] = [
    "/etc/ssl/certs/ca-certificates.crt",
    "/etc/pki/tls/certs/ca-bundle.crt",
    "/etc/ssl/cert.pem",
    "/etc/ssl/ca-bundle.pem",
];

fn system_roots() -> &'static RootCertStore {
    static ROOTS: OnceLock<RootCertStore> = OnceLock::new();
    ROOTS.get_or_init(|| {
        let mut roots = RootCertStore::empty();
        // One bundle file is what every TLS client on the system reads, and
        // parsing it takes a fraction of what scanning /etc/ssl/certs does.
        let bundle = std::env::var_os("SSL_CERT_FILE")
            .map(std::path::PathBuf::from)
            .into_iter()
            .chain(BUNDLES.iter().map(std::path::PathBuf::from))
            .find_map(|path| std::fs::read(path).ok());
        if let Some(pem) = bundle {
            roots.add_parsable_certificates(crate::pem::certificates(&pem));
        }
        if roots.is_empty() {
            roots.add_parsable_certificates(rustls_native_certs::load_native_certs().certs);
        }
        if roots.is_empty() {
            roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
        }
        roots
    })
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// What the verifier saw: the chain, the real verdict and the stapled OCSP
/// response, when the server sent one.
type Seen = (
    Vec<CertificateDer<'static>>,
    Result<(), rustls::Error>,
    Option<Staple>,
);

/// Records the chain and the real verdict, and accepts the chain so the
/// handshake can finish.
#[derive(Debug)]
struct Recorder {
    trust: Trust,
    provider: Arc<CryptoProvider>,
    seen: Mutex<Option<Seen>>,
}

impl ServerCertVerifier for Recorder {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        let verdict = self.trust.verify(
            &self.provider,
            end_entity,
            intermediates,
            server_name,
            ocsp_response,
            now,
        );
        let chain = std::iter::once(end_entity)
            .chain(intermediates)
            .map(|c| c.clone().into_owned())
            .collect();
        let stapled = (!ocsp_response.is_empty()).then(|| ocsp::read(ocsp_response));
        *lock(&self.seen) = Some((chain, verdict, stapled));
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider
            .signature_verification_algorithms
            .supported_schemes()
    }
}

/// A TLS stream over a tapped TCP stream.
pub type SecureStream = TlsStream<Tap<TcpStream>>;

/// A stream that keeps a copy of the first bytes it reads (at most 4 KiB).
#[derive(Debug)]
pub struct Tap<S> {
    inner: S,
    received: Arc<Mutex<Vec<u8>>>,
}

impl<S: AsyncRead + Unpin> AsyncRead for Tap<S> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let before = buf.filled().len();
        let poll = Pin::new(&mut self.inner).poll_read(cx, buf);
        if let Poll::Ready(Ok(())) = poll {
            let fresh = &buf.filled()[before..];
            let mut received = lock(&self.received);
            let room = TAP_BYTES.saturating_sub(received.len());
            received.extend_from_slice(&fresh[..fresh.len().min(room)]);
        }
        poll
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Tap<S> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        Pin::new(&mut self.inner).poll_write(cx, buf)
    }

    // rustls hands over a flight's records at once (ChangeCipherSpec and
    // Finished): one `writev`, one segment for the server to wake up for,
    // instead of one `sendto` each.
    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[std::io::IoSlice<'_>],
    ) -> Poll<std::io::Result<usize>> {
        Pin::new(&mut self.inner).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rcgen::{CertificateParams, DnType, KeyPair};

    /// A self-signed CA certificate with `common_name` and `organisation`.
    fn root(common_name: &str, organisation: &str) -> CertificateDer<'static> {
        let mut params = CertificateParams::default();
        params
            .distinguished_name
            .push(DnType::CommonName, common_name);
        params
            .distinguished_name
            .push(DnType::OrganizationName, organisation);
        params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        let key = KeyPair::generate().expect("key");
        params.self_signed(&key).expect("certificate").der().clone()
    }

    fn name_der(cert: &CertificateDer<'_>) -> Vec<u8> {
        let info = super::super::cert::inspect(cert, 0).expect("parses");
        info.subject_der
    }

    #[test]
    fn a_root_is_found_by_its_name_and_its_organisation() {
        let corp_root = root("Example Root CA", "Example Corp");
        let trust = Trust::new(std::slice::from_ref(&corp_root));
        assert!(trust.has_subject(&name_der(&corp_root)));
        // An issuing CA of the same company, never given to the client.
        let issuing = root("Example Issuing CA 1", "Example Corp");
        assert!(!trust.has_subject(&name_der(&issuing)));
        let sibling = trust.root_of_same_organisation(&name_der(&issuing));
        assert!(
            sibling
                .as_deref()
                .is_some_and(|s| s.contains("CN=Example Root CA")),
            "{sibling:?}"
        );
        // The root itself and another company's CA have no sibling root.
        assert_eq!(trust.root_of_same_organisation(&name_der(&corp_root)), None);
        let other = root("Other Issuing CA", "Other Corp Nowhere Else");
        assert_eq!(trust.root_of_same_organisation(&name_der(&other)), None);
    }
}
