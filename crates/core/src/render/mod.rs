//! Generators: the configuration files that fix what the diagnosis found.
//!
//! Each generator turns a plan (what the user chose) into file contents in
//! memory; `export` writes them. Templates are plain Rust `format!` so the
//! compiler checks every placeholder.

pub mod apache;
pub mod nginx;
pub mod spring;

/// Mozilla's intermediate cipher list for TLS 1.2, ECDHE only (no DHE, so
/// no dhparam file to manage); TLS 1.3 suites need no configuration.
pub(crate) const MOZILLA_INTERMEDIATE_CIPHERS: &str = "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";

/// How a reverse proxy (Nginx or Apache) terminates TLS in front of the application.
#[derive(Debug, Clone)]
pub struct ProxyPlan {
    /// `server_name`s; the first is the canonical one.
    pub server_names: Vec<String>,
    /// The TLS listen address: a port (`443`) or `address:port`.
    pub listen_tls: String,
    /// The plain listen address that redirects to TLS; `None` for no redirect.
    pub listen_redirect: Option<String>,
    /// `ssl_certificate`: the full chain, PEM.
    pub certificate: String,
    /// `ssl_certificate_key`.
    pub certificate_key: String,
    /// The application, e.g. `http://127.0.0.1:8080`.
    pub upstream: String,
    /// The WebSocket path, e.g. `/ws`.
    pub ws_path: String,
    /// Send `Strict-Transport-Security` (two years).
    pub hsts: bool,
    /// Seconds an idle WebSocket stays open (`proxy_read_timeout`).
    pub idle_timeout_secs: u32,
}

impl ProxyPlan {
    /// The usual plan: 443 with a redirect from 80, HSTS, idle sockets kept
    /// for an hour.
    pub fn new(
        server_names: Vec<String>,
        certificate: String,
        certificate_key: String,
        upstream: String,
    ) -> ProxyPlan {
        ProxyPlan {
            server_names,
            listen_tls: "443".to_owned(),
            listen_redirect: Some("80".to_owned()),
            certificate,
            certificate_key,
            upstream,
            ws_path: "/ws".to_owned(),
            hsts: true,
            idle_timeout_secs: 3600,
        }
    }
}
