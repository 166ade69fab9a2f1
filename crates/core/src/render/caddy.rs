//! A Caddyfile site that serves TLS with the certificate Handshake made
//! (or imported) and proxies to the application. Caddy's `reverse_proxy`
//! forwards WebSocket upgrades by itself and sets no idle limit on an
//! upgraded connection; its TLS defaults are already modern (TLS 1.2+,
//! AEAD suites). Without the `tls` line Caddy gets a certificate itself:
//! from Let's Encrypt for a public name, from its internal CA for
//! `localhost`.

use std::fmt::Write as _;

use super::{ProxyPlan, ProxyServer, Syntax};
use crate::i18n::{Facts, Language};

/// Caddy, as Handshake generates for it.
pub const SERVER: ProxyServer = ProxyServer {
    name: "caddy",
    file: "Caddyfile",
    syntax: Syntax::Caddyfile,
    place: "place-caddyfile",
    render,
    key_file: "privkey.pem",
    key_place: "place-proxy-privkey",
    commands: || {
        vec![
            "sudo cp Caddyfile /etc/caddy/Caddyfile".to_owned(),
            "sudo caddy validate --config /etc/caddy/Caddyfile && sudo systemctl reload caddy"
                .to_owned(),
        ]
    },
    idle_note: "note-caddy-idle",
};

/// The Caddyfile, its comments in `language`.
pub fn render(plan: &ProxyPlan, language: Language) -> String {
    let say = |id: &str| language.text(id, &Facts::new());
    let mut out = super::proxy_header(plan, language, "config-caddy-include");
    let (host, port) = match plan.listen_tls.rsplit_once(':') {
        Some((host, port)) => (Some(host), port),
        None => (None, plan.listen_tls.as_str()),
    };
    let redirect = plan.listen_redirect.as_deref();
    let mut global = Vec::new();
    match redirect {
        None => global.push(format!(
            "    # {}\n    auto_https disable_redirects",
            say("config-caddy-no-redirect")
        )),
        Some(listen) => {
            let plain = listen.rsplit(':').next().unwrap_or(listen);
            if plain != "80" {
                global.push(format!("    http_port {plain}"));
            }
        }
    }
    if port != "443" {
        global.push(format!("    https_port {port}"));
    }
    if !global.is_empty() {
        let _ = write!(out, "\n{{\n{}\n}}\n", global.join("\n"));
    }
    let addresses: Vec<String> = plan
        .server_names
        .iter()
        .map(|name| {
            if port == "443" {
                name.clone()
            } else {
                format!("{name}:{port}")
            }
        })
        .collect();
    let _ = write!(out, "\n{} {{\n", addresses.join(", "));
    if let Some(host) = host {
        let _ = writeln!(out, "    bind {host}");
    }
    let _ = write!(
        out,
        "    # {}\n    tls {} {}\n",
        say("config-caddy-tls"),
        plan.certificate,
        plan.certificate_key
    );
    if plan.hsts {
        let _ = write!(
            out,
            "    # {}\n    header Strict-Transport-Security \"max-age=63072000\"\n",
            say("config-hsts")
        );
    }
    let _ = write!(
        out,
        "    # {}\n    reverse_proxy {}\n}}\n",
        say("config-caddy-websocket"),
        plan.upstream.trim_end_matches('/'),
    );
    out
}
