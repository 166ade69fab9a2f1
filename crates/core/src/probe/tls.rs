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
use serde::Serialize;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;
use tokio_rustls::client::TlsStream;

/// Bytes of the server's first answer kept for sniffing a failed handshake.
const TAP_BYTES: usize = 4096;

/// The negotiated parameters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
    },
    /// The handshake failed.
    Failed {
        /// What rustls or the socket said.
        reason: String,
        /// The TLS alert the server sent, if any.
        alert: Option<String>,
        /// Whether the server sent nothing before the timeout.
        timed_out: bool,
        /// The first bytes the server sent, to tell what it speaks instead.
        received: Vec<u8>,
    },
}

/// The roots a client trusts: the system's, plus extra CA certificates
/// (`--ca`).
#[derive(Debug, Clone)]
pub struct Trust {
    roots: Arc<RootCertStore>,
}

impl Trust {
    /// The system roots (Mozilla's, bundled, when the system has none)
    /// plus `extra` CA certificates.
    pub fn new(extra: &[CertificateDer<'static>]) -> Trust {
        let mut roots = system_roots().clone();
        roots.add_parsable_certificates(extra.iter().cloned());
        Trust {
            roots: Arc::new(roots),
        }
    }

    /// Whether a trusted root has this subject (DER of the distinguished name).
    pub fn has_subject(&self, subject_der: &[u8]) -> bool {
        self.roots
            .roots
            .iter()
            .any(|anchor| anchor.subject.as_ref() == subject_der)
    }
}

/// Why a CA file given with `--ca` cannot be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CaFileError {
    /// The file cannot be read.
    #[error("Cannot read the CA file {path}: {source}. Check the path and its permissions.")]
    Unreadable {
        /// The path as given.
        path: String,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file holds no PEM certificate.
    #[error(
        "{path} contains no PEM certificate (a block starting with -----BEGIN CERTIFICATE-----). Pass the CA's certificate, not its key; convert DER with `openssl x509 -inform der -in FILE -out ca.pem`."
    )]
    NoCertificate {
        /// The path as given.
        path: String,
    },
}

/// Reads every certificate in a PEM file, to trust them as CAs.
pub fn read_ca_file(path: &std::path::Path) -> Result<Vec<CertificateDer<'static>>, CaFileError> {
    use rustls::pki_types::pem::PemObject;
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| CaFileError::Unreadable {
        path: shown.clone(),
        source,
    })?;
    let certs: Vec<_> = CertificateDer::pem_slice_iter(&bytes)
        .filter_map(Result::ok)
        .collect();
    if certs.is_empty() {
        return Err(CaFileError::NoCertificate { path: shown });
    }
    Ok(certs)
}

/// Runs the handshake with SNI for `host`, offering ALPN `http/1.1` only
/// (`h2` would break the WebSocket upgrade).
pub async fn handshake(
    stream: TcpStream,
    host: &str,
    trust: &Trust,
    timeout: Duration,
) -> Handshake {
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let inner =
        match WebPkiServerVerifier::builder_with_provider(trust.roots.clone(), provider.clone())
            .build()
        {
            Ok(inner) => inner,
            Err(error) => {
                return failed(
                    format!("no usable trust anchors: {error}"),
                    None,
                    false,
                    Vec::new(),
                );
            }
        };
    let recorder = Arc::new(Recorder {
        inner,
        provider: provider.clone(),
        seen: Mutex::new(None),
    });
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map(|builder| {
            builder
                .dangerous()
                .with_custom_certificate_verifier(recorder.clone())
                .with_no_client_auth()
        });
    let mut config = match config {
        Ok(config) => config,
        Err(error) => return failed(error.to_string(), None, false, Vec::new()),
    };
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    let name = match ServerName::try_from(host.to_owned()) {
        Ok(name) => name,
        Err(error) => {
            return failed(
                format!("invalid server name: {error}"),
                None,
                false,
                Vec::new(),
            );
        }
    };
    let received = Arc::new(Mutex::new(Vec::new()));
    let tap = Tap {
        inner: stream,
        received: received.clone(),
    };
    let connector = tokio_rustls::TlsConnector::from(Arc::new(config));
    let result = tokio::time::timeout(timeout, connector.connect(name, tap)).await;
    let received = std::mem::take(&mut *lock(&received));
    match result {
        Err(_) => failed(
            "the server did not complete the handshake in time".into(),
            None,
            true,
            received,
        ),
        Ok(Err(error)) => {
            let alert = error
                .get_ref()
                .and_then(|inner| inner.downcast_ref::<rustls::Error>())
                .and_then(|tls| match tls {
                    rustls::Error::AlertReceived(alert) => Some(format!("{alert:?}")),
                    _ => None,
                });
            failed(error.to_string(), alert, false, received)
        }
        Ok(Ok(stream)) => {
            let (_, connection) = stream.get_ref();
            let session = TlsSession {
                version: connection
                    .protocol_version()
                    // `TLSv1.3`, as OpenSSL, Java and Spring's enabled-protocols write it.
                    .map_or_else(|| "unknown".into(), |v| format!("{v:?}").replace('_', ".")),
                cipher: connection
                    .negotiated_cipher_suite()
                    .map_or_else(|| "unknown".into(), |s| format!("{:?}", s.suite())),
                alpn: connection
                    .alpn_protocol()
                    .map(|p| String::from_utf8_lossy(p).into_owned()),
            };
            let (chain, verdict) = lock(&recorder.seen).take().unwrap_or_else(|| {
                (
                    Vec::new(),
                    Err(rustls::Error::General("no certificate".into())),
                )
            });
            Handshake::Established {
                stream: Box::new(stream),
                session,
                chain,
                verdict,
            }
        }
    }
}

fn failed(reason: String, alert: Option<String>, timed_out: bool, received: Vec<u8>) -> Handshake {
    Handshake::Failed {
        reason,
        alert,
        timed_out,
        received,
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
        use rustls::pki_types::pem::PemObject;
        let mut roots = RootCertStore::empty();
        // One bundle file is what every TLS client on the system reads, and
        // parsing it takes a fraction of what scanning /etc/ssl/certs does.
        let bundle = std::env::var_os("SSL_CERT_FILE")
            .map(std::path::PathBuf::from)
            .into_iter()
            .chain(BUNDLES.iter().map(std::path::PathBuf::from))
            .find_map(|path| std::fs::read(path).ok());
        if let Some(pem) = bundle {
            roots.add_parsable_certificates(
                CertificateDer::pem_slice_iter(&pem).filter_map(Result::ok),
            );
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

type Seen = (Vec<CertificateDer<'static>>, Result<(), rustls::Error>);

/// Records the chain and the real verdict, and accepts the chain so the
/// handshake can finish.
#[derive(Debug)]
struct Recorder {
    inner: Arc<WebPkiServerVerifier>,
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
        let verdict = self
            .inner
            .verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
            .map(|_| ());
        let chain = std::iter::once(end_entity)
            .chain(intermediates)
            .map(|c| c.clone().into_owned())
            .collect();
        *lock(&self.seen) = Some((chain, verdict));
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

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}
