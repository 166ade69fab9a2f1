//! A diagnosis as Prometheus series, for `handshake serve`'s `/probe`: the
//! TLS and HTTP series named as `blackbox_exporter` names them (so the
//! dashboards and alerts a team has keep working), plus Handshake's own —
//! one series per finding, and the WebSocket upgrade's result. Written with
//! the Prometheus project's Rust client, in OpenMetrics text.

use std::sync::atomic::AtomicU64;
use std::time::Duration;

use prometheus_client::encoding::text::encode;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::registry::Registry;

use crate::diagnose::{Options, Report, diagnose};
use crate::i18n::{Facts, Message};
use crate::proxy::ProxyError;
use crate::target::{Target, TargetError};

/// The content type of the series.
pub const CONTENT_TYPE: &str = "application/openmetrics-text; version=1.0.0; charset=utf-8";

/// Whom a probe may reach: every target, or only the hosts listed (an
/// exporter must not become an open proxy).
#[derive(Debug, Clone, Default)]
pub struct Allowed {
    hosts: Vec<String>,
}

impl Allowed {
    /// Only `hosts` (names or addresses, any case); every host when empty.
    pub fn only(hosts: &[String]) -> Allowed {
        Allowed {
            hosts: hosts.iter().map(|host| host.to_ascii_lowercase()).collect(),
        }
    }

    fn allows(&self, target: &Target) -> bool {
        self.hosts.is_empty() || self.hosts.contains(&target.host.to_ascii_lowercase())
    }
}

/// Why a probe was refused before any connection.
#[derive(Debug, thiserror::Error)]
#[error("{}", crate::i18n::english(self))]
#[non_exhaustive]
pub enum ProbeRefusal {
    /// No `target` parameter.
    NoTarget,
    /// The target does not parse.
    Target(#[from] TargetError),
    /// The host is not in the allow-list.
    NotAllowed {
        /// The host asked for.
        host: String,
    },
    /// The proxy the exporter's environment names for it cannot be used.
    Proxy(#[from] ProxyError),
}

impl ProbeRefusal {
    /// The HTTP status that answers it.
    pub fn status(&self) -> u16 {
        match self {
            ProbeRefusal::NotAllowed { .. } => 403,
            // The exporter's own environment is at fault, not the request.
            ProbeRefusal::Proxy(_) => 500,
            _ => 400,
        }
    }
}

impl Message for ProbeRefusal {
    fn id(&self) -> &'static str {
        match self {
            ProbeRefusal::NoTarget => "error-probe-no-target",
            ProbeRefusal::Target(error) => error.id(),
            ProbeRefusal::NotAllowed { .. } => "error-probe-not-allowed",
            ProbeRefusal::Proxy(error) => error.id(),
        }
    }

    fn facts(&self) -> Facts {
        match self {
            ProbeRefusal::NoTarget => Facts::new(),
            ProbeRefusal::Target(error) => error.facts(),
            ProbeRefusal::NotAllowed { host } => Facts::new().with("host", host),
            ProbeRefusal::Proxy(error) => error.facts(),
        }
    }
}

/// Diagnoses `target` (a `target=` parameter, checked as a URL a user
/// typed) with `options` within `deadline`, and returns its series.
pub async fn probe(
    target: Option<&str>,
    options: &Options,
    allowed: &Allowed,
    deadline: Duration,
) -> Result<String, ProbeRefusal> {
    let target = Target::parse(target.ok_or(ProbeRefusal::NoTarget)?)?;
    if !allowed.allows(&target) {
        return Err(ProbeRefusal::NotAllowed {
            host: target.host.clone(),
        });
    }
    // A proxy that cannot be used is refused as `diagnose` refuses it.
    options.proxy.way(&target)?;
    let report = tokio::time::timeout(deadline, diagnose(&target, options))
        .await
        .ok();
    Ok(series(report.as_ref(), deadline))
}

type FloatGauge = Gauge<f64, AtomicU64>;
type Labelled = Family<Vec<(String, String)>, FloatGauge>;

/// The series of `report`; a probe with no report (no verdict within
/// `deadline`) says only that it failed and how long it took.
pub fn series(report: Option<&Report>, deadline: Duration) -> String {
    let mut registry = Registry::default();
    let gauge = |registry: &mut Registry, name: &str, help: &str, value: f64| {
        let gauge = FloatGauge::default();
        gauge.set(value);
        registry.register(name, help, gauge);
    };
    let family = |registry: &mut Registry, name: &str, help: &str| {
        let family = Labelled::default();
        registry.register(name, help, family.clone());
        family
    };
    let labels = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
            .collect()
    };
    let Some(report) = report else {
        gauge(
            &mut registry,
            "probe_success",
            "Whether the probe succeeded",
            0.0,
        );
        gauge(
            &mut registry,
            "probe_duration_seconds",
            "How long the probe took",
            deadline.as_secs_f64(),
        );
        gauge(
            &mut registry,
            "handshake_deadline_exceeded",
            "Whether the diagnosis found no verdict within the scrape's deadline",
            1.0,
        );
        return text(&registry);
    };
    let t = &report.timings_ms;
    let seconds = |ms: Option<f64>| ms.unwrap_or(0.0) / 1000.0;
    gauge(
        &mut registry,
        "probe_success",
        "Whether the probe succeeded (no error finding)",
        if report.ok { 1.0 } else { 0.0 },
    );
    gauge(
        &mut registry,
        "probe_duration_seconds",
        "How long the probe took",
        t.total / 1000.0,
    );
    gauge(
        &mut registry,
        "probe_dns_lookup_time_seconds",
        "How long the name lookup took",
        seconds(t.dns),
    );
    let phases = family(
        &mut registry,
        "probe_http_duration_seconds",
        "Duration of the request by phase",
    );
    for (phase, ms) in [
        ("resolve", t.dns),
        ("connect", t.tcp),
        ("tls", t.tls),
        ("processing", t.http),
    ] {
        phases
            .get_or_create(&labels(&[("phase", phase)]))
            .set(seconds(ms));
    }
    let evidence = &report.evidence;
    gauge(
        &mut registry,
        "probe_http_status_code",
        "The response's HTTP status code (101 for a WebSocket that switched), 0 for none",
        evidence
            .response
            .as_ref()
            .map_or(0.0, |head| f64::from(head.status)),
    );
    if let Some(earliest) = evidence.chain.iter().map(|cert| cert.not_after_unix).min() {
        // Seconds since the epoch: exact in a double for 285 million years.
        let earliest = earliest as f64;
        gauge(
            &mut registry,
            "probe_ssl_earliest_cert_expiry",
            "When the certificate of the chain that ends first ends, in seconds since the epoch",
            earliest,
        );
        if evidence.tls.is_some() && report.evidence.certificate.is_some() {
            gauge(
                &mut registry,
                "probe_ssl_last_chain_expiry_timestamp_seconds",
                "When the chain the server sent ends, in seconds since the epoch",
                earliest,
            );
        }
    }
    if let Some(leaf) = evidence.chain.first() {
        family(
            &mut registry,
            "probe_ssl_last_chain_info",
            "The server's certificate",
        )
        .get_or_create(&labels(&[
            ("fingerprint_sha256", &leaf.sha256),
            ("subject", &leaf.subject),
            ("issuer", &leaf.issuer),
            ("serialnumber", &leaf.serial),
            ("subjectalternative", &leaf.names().join(",")),
        ]))
        .set(1.0);
    }
    if let Some(session) = &evidence.tls {
        family(
            &mut registry,
            "probe_tls_version_info",
            "The TLS version the server chose",
        )
        .get_or_create(&labels(&[("version", &tls_version(&session.version))]))
        .set(1.0);
    }
    if report.evidence.target.scheme.is_websocket() {
        gauge(
            &mut registry,
            "handshake_websocket_upgrade",
            "Whether the WebSocket upgrade switched with a correct accept value",
            if report
                .findings
                .iter()
                .any(|finding| finding.code == crate::finding::Code::WsOk)
            {
                1.0
            } else {
                0.0
            },
        );
    }
    // The application protocol the server chose in its 101 (STOMP's
    // `v12.stomp`, `graphql-transport-ws`…).
    if let Some(chosen) = evidence
        .response
        .as_ref()
        .filter(|head| head.status == 101)
        .and_then(|head| head.header("Sec-WebSocket-Protocol"))
    {
        family(
            &mut registry,
            "handshake_websocket_subprotocol_info",
            "The subprotocol the server chose for the WebSocket",
        )
        .get_or_create(&labels(&[("subprotocol", chosen)]))
        .set(1.0);
    }
    let findings = family(
        &mut registry,
        "handshake_finding",
        "A finding of the diagnosis, by code and severity",
    );
    for finding in &report.findings {
        let severity = finding.severity.to_string();
        findings
            .get_or_create(&labels(&[
                ("code", finding.code.as_str()),
                ("severity", &severity),
            ]))
            .set(1.0);
    }
    text(&registry)
}

/// The exporter's own series: its version, the probes answered and refused.
pub fn exporter_series(probes: u64, refused: u64) -> String {
    use prometheus_client::metrics::counter::Counter;
    let mut registry = Registry::default();
    let info = Family::<Vec<(String, String)>, Gauge>::default();
    registry.register("handshake_build_info", "Handshake's version", info.clone());
    info.get_or_create(&vec![(
        "version".to_owned(),
        env!("CARGO_PKG_VERSION").to_owned(),
    )])
    .set(1);
    for (name, help, value) in [
        ("handshake_probes", "Probes answered", probes),
        (
            "handshake_probes_refused",
            "Probes refused (bad target, host not allowed)",
            refused,
        ),
    ] {
        let counter = Counter::<u64>::default();
        counter.inc_by(value);
        registry.register(name, help, counter);
    }
    text(&registry)
}

/// `TLSv1.3` as blackbox_exporter says it: `TLS 1.3`.
fn tls_version(version: &str) -> String {
    version
        .strip_prefix("TLSv")
        .map_or_else(|| version.to_owned(), |number| format!("TLS {number}"))
}

fn text(registry: &Registry) -> String {
    let mut out = String::new();
    // Writing into a String cannot fail.
    let _ = encode(&mut out, registry);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_is_said_as_blackbox_says_it() {
        assert_eq!(tls_version("TLSv1.3"), "TLS 1.3");
        assert_eq!(tls_version("TLSv1.2"), "TLS 1.2");
    }

    #[test]
    fn no_verdict_in_time_is_a_failed_probe() {
        let text = series(None, Duration::from_secs(9));
        assert!(text.contains("probe_success 0.0"), "{text}");
        assert!(text.contains("handshake_deadline_exceeded 1.0"), "{text}");
        assert!(text.ends_with("# EOF\n"), "{text}");
    }

    #[test]
    fn an_allow_list_refuses_other_hosts() {
        let allowed = Allowed::only(&["API.example.com".to_owned()]);
        let inside = Target::parse("wss://api.example.com/ws").expect("URL");
        let outside = Target::parse("wss://127.0.0.1:22/").expect("URL");
        assert!(allowed.allows(&inside));
        assert!(!allowed.allows(&outside));
        assert!(Allowed::default().allows(&outside));
    }
}
