//! `handshake serve`: a probe endpoint Prometheus scrapes the way it
//! scrapes `blackbox_exporter` (`/probe?target=…`), each probe a full
//! diagnosis; `/metrics` for the exporter itself. Prometheus schedules,
//! stores and alerts; Handshake only answers.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use handshake_core::i18n::Facts;
use handshake_core::metrics::{self, Allowed, CONTENT_TYPE};
use handshake_core::{Language, Options};

use super::endpoint::ReachArgs;
use crate::exit::ExitStatus;
use crate::problem::{Listen, Problem};
use crate::render::say;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  handshake serve\n  handshake serve --listen 0.0.0.0:9115 --allow api.example.com --allow chat.example.com\n\nPrometheus scrapes /probe?target=wss://api.example.com/ws with blackbox_exporter's relabelling (README: Monitoring).\nOnly /probe and /metrics are served; with --allow, every other host is refused (403)."
)]
pub(crate) struct Args {
    /// The address to listen on (loopback unless told otherwise).
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:9115")]
    listen: SocketAddr,
    /// Probe only this host (repeatable); without it, every host.
    #[arg(long, value_name = "HOST")]
    allow: Vec<String>,
    #[command(flatten)]
    reach: ReachArgs,
}

struct Exporter {
    options: Options,
    allowed: Allowed,
    language: Language,
    probes: AtomicU64,
    refused: AtomicU64,
}

pub(crate) fn run(args: &Args, language: Language) -> Result<ExitStatus, Problem> {
    let exporter = Arc::new(Exporter {
        options: args.reach.options()?,
        allowed: Allowed::only(&args.allow),
        language,
        probes: AtomicU64::new(0),
        refused: AtomicU64::new(0),
    });
    let app = axum::Router::new()
        .route("/probe", get(probe))
        .route("/metrics", get(own_metrics))
        .with_state(exporter);
    let listen = args.listen;
    super::block_on_all_cores(async move {
        let listener = (tokio::net::TcpListener::bind(listen).await).map_err(|error| {
            Problem::failure(Listen {
                address: listen,
                error,
            })
        })?;
        eprintln!(
            "{}",
            say(
                language,
                "cli-serve-listening",
                Facts::new().with("address", listener.local_addr()?.to_string())
            )
        );
        axum::serve(listener, app).await?;
        Ok::<_, Problem>(())
    })??;
    Ok(ExitStatus::Success)
}

/// The most a probe may take when Prometheus does not say.
const DEFAULT_DEADLINE: Duration = Duration::from_secs(10);

async fn probe(
    State(exporter): State<Arc<Exporter>>,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    // Prometheus says how long it waits; answer a little before that.
    let deadline = headers
        .get("X-Prometheus-Scrape-Timeout-Seconds")
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<f64>().ok())
        .filter(|seconds| seconds.is_finite() && *seconds > 0.6 && *seconds < 3600.0)
        .map_or(DEFAULT_DEADLINE, |seconds| {
            Duration::from_secs_f64(seconds - 0.5)
        });
    let target = query.get("target").map(String::as_str);
    match metrics::probe(target, &exporter.options, &exporter.allowed, deadline).await {
        Ok(text) => {
            exporter.probes.fetch_add(1, Ordering::Relaxed);
            ([(header::CONTENT_TYPE, CONTENT_TYPE)], text).into_response()
        }
        Err(refusal) => {
            exporter.refused.fetch_add(1, Ordering::Relaxed);
            let status = StatusCode::from_u16(refusal.status()).unwrap_or(StatusCode::BAD_REQUEST);
            (status, exporter.language.say(&refusal) + "\n").into_response()
        }
    }
}

async fn own_metrics(State(exporter): State<Arc<Exporter>>) -> Response {
    let text = metrics::exporter_series(
        exporter.probes.load(Ordering::Relaxed),
        exporter.refused.load(Ordering::Relaxed),
    );
    ([(header::CONTENT_TYPE, CONTENT_TYPE)], text).into_response()
}
