//! The arguments `diagnose` and `check` share: how to reach the endpoint.

use std::path::PathBuf;
use std::time::Duration;

use handshake_core::Target;
use handshake_core::pki::{self, Source};
use handshake_core::probe::cert::{CertInfo, inspect};
use handshake_core::probe::tls::{CertificateDer, ClientIdentity, read_ca_file};

use crate::problem::{Problem, Usage};

/// How to reach the endpoint.
#[derive(Debug, clap::Args)]
pub(crate) struct EndpointArgs {
    /// The origin of the page that opens the connection, e.g.
    /// https://app.example.com (sent as Origin; enables the mixed-content,
    /// Origin and CORS checks).
    #[arg(long, value_name = "PAGE_ORIGIN")]
    origin: Option<String>,
    /// Also trust the CA certificates in this PEM file (e.g. a development CA).
    #[arg(long, value_name = "PEM")]
    ca: Vec<PathBuf>,
    /// Present this client certificate (a PEM chain) when the server asks
    /// for one: mutual TLS.
    #[arg(long, value_name = "PEM", requires = "client_key")]
    client_cert: Option<PathBuf>,
    /// The private key of --client-cert (PEM: PKCS#8, PKCS#1 or SEC1).
    #[arg(long, value_name = "PEM", requires = "client_cert")]
    client_key: Option<PathBuf>,
    /// The certificate the server should serve (a PEM file, e.g. the renewed
    /// one on disk): says so when it serves another (renewed, not reloaded).
    #[arg(long, value_name = "PEM")]
    expect_cert: Option<PathBuf>,
    /// Keep retrying a refused port for this many seconds (a server restarting).
    #[arg(long, value_name = "SECS")]
    wait: Option<f64>,
    /// How long each step may take, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 5.0)]
    timeout: f64,
}

/// The checked form of [`EndpointArgs`] with the URL.
#[derive(Debug)]
pub(crate) struct Endpoint {
    pub(crate) target: Target,
    pub(crate) origin: Option<String>,
    pub(crate) ca: Vec<CertificateDer<'static>>,
    pub(crate) identity: Option<ClientIdentity>,
    pub(crate) expected: Option<CertInfo>,
    pub(crate) wait: Option<Duration>,
    pub(crate) timeout: Duration,
}

impl EndpointArgs {
    /// Checks the URL and the arguments.
    pub(crate) fn resolve(&self, url: &str) -> Result<Endpoint, Problem> {
        let target = Target::parse(url)?;
        let mut ca = Vec::new();
        for path in &self.ca {
            ca.extend(read_ca_file(path)?);
        }
        let timeout = seconds(self.timeout).ok_or(Usage::Seconds { flag: "--timeout" })?;
        let wait = match self.wait {
            None => None,
            Some(value) => Some(seconds(value).ok_or(Usage::Seconds { flag: "--wait" })?),
        };
        let identity = match (&self.client_cert, &self.client_key) {
            (Some(cert), Some(key)) => Some(client_identity(cert, key)?),
            _ => None,
        };
        let expected = match &self.expect_cert {
            Some(path) => Some(expected_certificate(path)?),
            None => None,
        };
        Ok(Endpoint {
            target,
            origin: self.origin.clone(),
            ca,
            identity,
            expected,
            wait,
            timeout,
        })
    }
}

/// The client certificate and its key, checked to be a pair (nothing is
/// sent with a key that does not match).
fn client_identity(
    cert: &std::path::Path,
    key: &std::path::Path,
) -> Result<ClientIdentity, Problem> {
    let (credential, _) = pki::credential(&Source::Import {
        cert: cert.to_owned(),
        key: key.to_owned(),
        passphrase: None,
    })?;
    ClientIdentity::new(credential.chain, &credential.key_pkcs8)
        .ok_or_else(|| pki::PkiError::NoKeyInPem.into())
}

/// The first certificate of a PEM file, read with the CA files' cap.
fn expected_certificate(path: &std::path::Path) -> Result<CertInfo, Problem> {
    let certificates = read_ca_file(path)?;
    certificates
        .first()
        .and_then(|der| inspect(der, 0))
        .ok_or_else(|| {
            pki::PkiError::NoCertificateInPem {
                path: Some(path.to_owned()),
            }
            .into()
        })
}

fn seconds(value: f64) -> Option<Duration> {
    (value.is_finite() && value > 0.0 && value < 86_400.0).then(|| Duration::from_secs_f64(value))
}
