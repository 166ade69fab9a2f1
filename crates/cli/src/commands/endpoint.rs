//! The arguments `diagnose` and `check` share: the URL and how to reach it.

use std::path::PathBuf;
use std::time::Duration;

use handshake_core::Target;
use handshake_core::probe::tls::{CertificateDer, read_ca_file};

/// Which endpoint, and how to reach it.
#[derive(Debug, clap::Args)]
pub(crate) struct EndpointArgs {
    /// The endpoint, e.g. wss://api.example.com/socket (ws, wss, http, https).
    url: String,
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

/// The checked form of [`EndpointArgs`].
#[derive(Debug)]
pub(crate) struct Endpoint {
    pub(crate) target: Target,
    pub(crate) origin: Option<String>,
    pub(crate) ca: Vec<CertificateDer<'static>>,
    pub(crate) wait: Option<Duration>,
    pub(crate) timeout: Duration,
}

impl EndpointArgs {
    /// Checks the arguments; the error is a message for the user.
    pub(crate) fn resolve(&self) -> Result<Endpoint, String> {
        let target = Target::parse(&self.url).map_err(|error| error.to_string())?;
        let mut ca = Vec::new();
        for path in &self.ca {
            ca.extend(read_ca_file(path).map_err(|error| error.to_string())?);
        }
        let timeout =
            seconds(self.timeout).ok_or("--timeout must be a positive number of seconds")?;
        let wait = match self.wait {
            None => None,
            Some(value) => {
                Some(seconds(value).ok_or("--wait must be a positive number of seconds")?)
            }
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
