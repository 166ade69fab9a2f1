//! The arguments `diagnose` and `check` share: how to reach the endpoint.

use std::path::PathBuf;
use std::time::Duration;

use handshake_core::probe::cert::CertInfo;
use handshake_core::probe::tls::{CertificateDer, ClientIdentity, read_ca_file};
use handshake_core::proxy::{ProxyCredentials, ProxySetting, Proxying};
use handshake_core::{Options, Secret, Target, cert_files};

use super::credential;
use crate::problem::{Problem, Usage};

// How to reach the endpoint: what `diagnose` and `check` take.
// (Not a doc comment: a flattened struct's would become the description
// of every command it is part of.)
#[derive(Debug, clap::Args)]
pub(crate) struct EndpointArgs {
    #[command(flatten)]
    reach: ReachArgs,
    /// Present this client certificate when the server asks for one (mutual
    /// TLS): a PEM chain with --client-key, or a PKCS12 file with
    /// --password-env.
    #[arg(long, value_name = "PEM|P12")]
    client_cert: Option<PathBuf>,
    /// The private key of a PEM --client-cert (PKCS#8, PKCS#1 or SEC1).
    #[arg(long, value_name = "PEM", requires = "client_cert")]
    client_key: Option<PathBuf>,
    /// A file holding the passphrase of an encrypted --client-key.
    #[arg(long, value_name = "FILE", requires = "client_key")]
    key_password_file: Option<PathBuf>,
    /// The certificate the server should serve (PEM, or PKCS12 with
    /// --password-env; e.g. the renewed one on disk): says so when it
    /// serves another (renewed, not reloaded).
    #[arg(long, value_name = "PEM|P12")]
    expect_cert: Option<PathBuf>,
    /// The environment variable holding the password of a PKCS12
    /// --client-cert or --expect-cert.
    #[arg(long, value_name = "VAR")]
    password_env: Option<String>,
}

// How to reach any endpoint of a list: what `scan` takes too.
// (Not a doc comment: a flattened struct's would become the description
// of every command it is part of.)
#[derive(Debug, clap::Args)]
pub(crate) struct ReachArgs {
    /// The origin of the page that opens the connection, e.g.
    /// https://app.example.com (sent as Origin; enables the mixed-content,
    /// Origin and CORS checks).
    #[arg(long, value_name = "PAGE_ORIGIN")]
    origin: Option<String>,
    /// Also trust the CA certificates in this PEM file (e.g. a development CA).
    #[arg(long, value_name = "PEM")]
    ca: Vec<PathBuf>,
    /// Keep retrying a refused port for this many seconds (a server restarting).
    #[arg(long, value_name = "SECS")]
    wait: Option<f64>,
    /// How long each step may take, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 5.0)]
    timeout: f64,
    /// Go through this HTTP proxy (CONNECT), whatever HTTPS_PROXY and the
    /// other variables say; user:password@ in it for a proxy that asks.
    #[arg(long, value_name = "URL", conflicts_with = "no_proxy")]
    proxy: Option<String>,
    /// Connect directly, even when HTTPS_PROXY or ALL_PROXY names a proxy.
    #[arg(long)]
    no_proxy: bool,
    /// The user name for the proxy (Basic), with --proxy-password-env.
    #[arg(long, value_name = "USER", requires = "proxy_password_env")]
    proxy_user: Option<String>,
    /// The environment variable holding the proxy's password (never given on
    /// the command line, never printed).
    #[arg(long, value_name = "VAR", requires = "proxy_user")]
    proxy_password_env: Option<String>,
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
    pub(crate) proxy: Proxying,
}

impl EndpointArgs {
    /// Checks the URL and the arguments.
    pub(crate) fn resolve(&self, target: Target) -> Result<Endpoint, Problem> {
        let reach = self.reach.resolve()?;
        let password = match &self.password_env {
            None => None,
            Some(variable) => Some(Secret::new(super::from_env(variable, "password")?)),
        };
        let passphrase = match &self.key_password_file {
            None => None,
            Some(file) => Some(credential::passphrase(file)?),
        };
        let (identity, expected) = cert_files::Given {
            client_cert: self.client_cert.as_deref(),
            client_key: self.client_key.as_deref(),
            key_passphrase: passphrase.as_ref(),
            password: password.as_ref(),
            expect_cert: self.expect_cert.as_deref(),
        }
        .read()?;
        // A proxy that cannot be used is bad input, before any connection.
        reach.proxy.way(&target)?;
        Ok(Endpoint {
            target,
            origin: reach.origin,
            ca: reach.ca,
            identity,
            expected,
            wait: reach.wait,
            timeout: reach.timeout,
            proxy: reach.proxy,
        })
    }
}

/// The checked form of [`ReachArgs`].
struct Reach {
    origin: Option<String>,
    ca: Vec<CertificateDer<'static>>,
    wait: Option<Duration>,
    timeout: Duration,
    proxy: Proxying,
}

impl ReachArgs {
    fn resolve(&self) -> Result<Reach, Problem> {
        let mut ca = Vec::new();
        for path in &self.ca {
            ca.extend(read_ca_file(path)?);
        }
        let timeout = seconds(self.timeout).ok_or(Usage::Seconds { flag: "--timeout" })?;
        let wait = match self.wait {
            None => None,
            Some(value) => Some(seconds(value).ok_or(Usage::Seconds { flag: "--wait" })?),
        };
        let setting = match (&self.proxy, self.no_proxy) {
            (Some(url), _) => ProxySetting::Url(url.clone()),
            (None, true) => ProxySetting::Off,
            (None, false) => ProxySetting::Environment,
        };
        let credentials = match (&self.proxy_user, &self.proxy_password_env) {
            (Some(user), Some(variable)) => Some(ProxyCredentials {
                user: user.clone(),
                password: Secret::new(super::from_env(variable, "password")?),
            }),
            _ => None,
        };
        Ok(Reach {
            origin: self.origin.clone(),
            ca,
            wait,
            timeout,
            proxy: Proxying {
                setting,
                credentials,
            },
        })
    }

    /// What every target of a list is diagnosed with (each target's proxy
    /// is checked as the scan reaches it).
    pub(crate) fn options(&self) -> Result<Options, Problem> {
        let reach = self.resolve()?;
        Ok(Options {
            origin: reach.origin,
            ca: reach.ca,
            wait: reach.wait,
            timeout: reach.timeout,
            proxy: reach.proxy,
            ..Options::default()
        })
    }
}

fn seconds(value: f64) -> Option<Duration> {
    (value.is_finite() && value > 0.0 && value < 86_400.0).then(|| Duration::from_secs_f64(value))
}
