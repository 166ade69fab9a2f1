//! The arguments `diagnose` and `check` share: how to reach the endpoint.

use std::path::PathBuf;
use std::time::Duration;

use handshake_core::Target;
use handshake_core::probe::tls::{CertificateDer, read_ca_file};

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
        Ok(Endpoint {
            target,
            origin: self.origin.clone(),
            ca,
            wait,
            timeout,
        })
    }
}

fn seconds(value: f64) -> Option<Duration> {
    (value.is_finite() && value > 0.0 && value < 86_400.0).then(|| Duration::from_secs_f64(value))
}
