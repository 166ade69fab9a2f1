//! Real servers on loopback for the tests, and certificates made with rcgen.
//!
//! Servers are tokio tasks bound to 127.0.0.1 port 0; dropping a [`Server`]
//! stops it. Every read has a timeout, so a test cannot hang on a server.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use handshake_core::probe::ws::accept_for;
use handshake_core::{Options, Report, Target};
use rcgen::{
    BasicConstraints, CertificateParams, CertifiedIssuer, CustomExtension, DnType, IsCa, KeyPair,
};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use time::OffsetDateTime;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

/// A server running until dropped.
pub(crate) struct Server {
    pub(crate) port: u16,
    task: JoinHandle<()>,
}

impl Drop for Server {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Accepts connections and runs `handler` on each.
pub(crate) async fn serve<F, Fut>(handler: F) -> Server
where
    F: Fn(TcpStream) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind loopback");
    let port = listener.local_addr().expect("local addr").port();
    let task = tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            tokio::spawn(handler(stream));
        }
    });
    Server { port, task }
}

/// A plain HTTP server answering each request with `respond(request)`.
pub(crate) async fn http(respond: fn(&str) -> Vec<u8>) -> Server {
    serve(move |mut stream| async move {
        if let Some(request) = read_request(&mut stream).await {
            let _ = stream.write_all(&respond(&request)).await;
            let _ = stream.flush().await;
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    })
    .await
}

/// A TLS server presenting `identity`, answering like [`http`].
pub(crate) async fn https(identity: &Identity, respond: fn(&str) -> Vec<u8>) -> Server {
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::aws_lc_rs::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .expect("protocol versions")
    .with_no_client_auth()
    .with_single_cert(identity.chain.clone(), identity.key.clone_key())
    .expect("server certificate");
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    serve(move |stream| {
        let acceptor = acceptor.clone();
        async move {
            let Ok(Ok(mut tls)) =
                tokio::time::timeout(Duration::from_secs(5), acceptor.accept(stream)).await
            else {
                return;
            };
            if let Some(request) = read_request(&mut tls).await {
                let _ = tls.write_all(&respond(&request)).await;
                let _ = tls.flush().await;
                let _ = tls.shutdown().await;
            }
        }
    })
    .await
}

/// Reads one request head (at most 16 KiB, 5 s).
pub(crate) async fn read_request<S: AsyncRead + Unpin>(stream: &mut S) -> Option<String> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 2048];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") && buf.len() < 16 * 1024 {
        let n = tokio::time::timeout(Duration::from_secs(5), stream.read(&mut chunk))
            .await
            .ok()?
            .ok()?;
        if n == 0 {
            break;
        }
        buf.extend_from_slice(&chunk[..n]);
        // Like Tomcat and nginx: a request that does not start with a method
        // token (a TLS ClientHello, 0x16 …) is answered at once.
        if !buf[0].is_ascii_uppercase() {
            break;
        }
    }
    Some(String::from_utf8_lossy(&buf).into_owned())
}

/// The value of header `name` in a raw request.
pub(crate) fn header<'a>(request: &'a str, name: &str) -> Option<&'a str> {
    request.lines().find_map(|line| {
        let (key, value) = line.split_once(':')?;
        key.trim().eq_ignore_ascii_case(name).then(|| value.trim())
    })
}

/// A correct `101 Switching Protocols` for the request's key.
pub(crate) fn switching(request: &str) -> Vec<u8> {
    let key = header(request, "Sec-WebSocket-Key").unwrap_or_default();
    format!(
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {}\r\n\r\n",
        accept_for(key)
    )
    .into_bytes()
}

/// A response with `status_line` and a short body.
pub(crate) fn answer(status_line: &str, extra_headers: &str, body: &str) -> Vec<u8> {
    format!(
        "HTTP/1.1 {status_line}\r\nServer: test\r\nContent-Length: {}\r\nConnection: close\r\n{extra_headers}\r\n{body}",
        body.len()
    )
    .into_bytes()
}

/// A port where nothing listens.
pub(crate) async fn closed_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind loopback");
    listener.local_addr().expect("local addr").port()
}

/// Diagnoses `url` with `options`, within a hard 30 s bound.
pub(crate) async fn diagnose_with(url: &str, options: Options) -> Report {
    let target = Target::parse(url).expect("test URL parses");
    tokio::time::timeout(
        Duration::from_secs(30),
        handshake_core::diagnose(&target, &options),
    )
    .await
    .expect("diagnosis ends within its deadline")
}

/// Diagnoses with a short timeout and no extra trust.
pub(crate) async fn diagnose(url: &str) -> Report {
    diagnose_with(url, quick()).await
}

/// Options with a 2 s step timeout.
pub(crate) fn quick() -> Options {
    Options {
        timeout: Duration::from_secs(2),
        ..Options::default()
    }
}

/// The codes of a report's findings.
pub(crate) fn codes(report: &Report) -> Vec<&'static str> {
    report.findings.iter().map(|f| f.code.as_str()).collect()
}

/// The finding with `code`, or a panic listing what was found.
pub(crate) fn finding<'a>(report: &'a Report, code: &str) -> &'a handshake_core::Finding {
    report
        .findings
        .iter()
        .find(|f| f.code.as_str() == code)
        .unwrap_or_else(|| panic!("no {code} finding; got {:#?}", report.findings))
}

/// A certificate chain and its key, as a server holds them.
pub(crate) struct Identity {
    pub(crate) chain: Vec<CertificateDer<'static>>,
    pub(crate) key: PrivateKeyDer<'static>,
}

/// A CA that signs test certificates.
pub(crate) struct Ca {
    issuer: CertifiedIssuer<'static, KeyPair>,
}

impl Ca {
    /// A root CA named `name`.
    pub(crate) fn new(name: &str) -> Ca {
        let key = KeyPair::generate().expect("key");
        let issuer = CertifiedIssuer::self_signed(ca_params(name), key).expect("CA");
        Ca { issuer }
    }

    /// An intermediate CA signed by this one.
    pub(crate) fn intermediate(&self, name: &str) -> Ca {
        let key = KeyPair::generate().expect("key");
        let issuer =
            CertifiedIssuer::signed_by(ca_params(name), key, &self.issuer).expect("intermediate");
        Ca { issuer }
    }

    /// This CA's certificate.
    pub(crate) fn cert(&self) -> CertificateDer<'static> {
        self.issuer.der().clone()
    }

    /// A leaf for `names`, valid from `days_from`..`days_to` (relative to now).
    pub(crate) fn leaf(&self, names: &[&str], days_from: i64, days_to: i64) -> Identity {
        self.leaf_with(names, days_from, days_to, false)
    }

    /// A leaf that names its issuer's location (AIA caIssuers), as public CAs' leaves do.
    pub(crate) fn leaf_with(
        &self,
        names: &[&str],
        days_from: i64,
        days_to: i64,
        aia: bool,
    ) -> Identity {
        let key = KeyPair::generate().expect("key");
        let mut params = leaf_params(names, days_from, days_to);
        if aia {
            params
                .custom_extensions
                .push(ca_issuers_extension("http://ca.invalid/intermediate.der"));
        }
        let cert = params.signed_by(&key, &self.issuer).expect("leaf");
        Identity {
            chain: vec![cert.der().clone()],
            key: private_key(&key),
        }
    }
}

/// A self-signed leaf for `names`.
pub(crate) fn self_signed(names: &[&str]) -> Identity {
    let key = KeyPair::generate().expect("key");
    let cert = leaf_params(names, -1, 90)
        .self_signed(&key)
        .expect("self-signed");
    Identity {
        chain: vec![cert.der().clone()],
        key: private_key(&key),
    }
}

fn ca_params(name: &str) -> CertificateParams {
    let mut params = CertificateParams::new(Vec::<String>::new()).expect("params");
    params.distinguished_name.push(DnType::CommonName, name);
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    params
}

fn leaf_params(names: &[&str], days_from: i64, days_to: i64) -> CertificateParams {
    let mut params =
        CertificateParams::new(names.iter().map(|n| (*n).to_owned()).collect::<Vec<_>>())
            .expect("params");
    params
        .distinguished_name
        .push(DnType::CommonName, names.first().copied().unwrap_or("leaf"));
    let now = OffsetDateTime::now_utc();
    params.not_before = now + time::Duration::days(days_from);
    params.not_after = now + time::Duration::days(days_to);
    params.use_authority_key_identifier_extension = true;
    params
}

fn private_key(key: &KeyPair) -> PrivateKeyDer<'static> {
    PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der()))
}

/// authorityInfoAccess with one caIssuers URI (RFC 5280, 4.2.2.1).
fn ca_issuers_extension(uri: &str) -> CustomExtension {
    let oid_ca_issuers = [0x06, 0x08, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x02];
    let mut name = vec![0x86, u8::try_from(uri.len()).expect("short URI")];
    name.extend_from_slice(uri.as_bytes());
    let description = der_sequence(&[&oid_ca_issuers[..], &name].concat());
    CustomExtension::from_oid_content(&[1, 3, 6, 1, 5, 5, 7, 1, 1], der_sequence(&description))
}

fn der_sequence(content: &[u8]) -> Vec<u8> {
    let mut out = vec![0x30, u8::try_from(content.len()).expect("short DER")];
    out.extend_from_slice(content);
    out
}
