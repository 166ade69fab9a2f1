//! An Nginx server that terminates TLS and proxies WebSocket upgrades to the
//! application, which stays on plain HTTP on localhost.
//!
//! The TLS settings are Mozilla's intermediate profile without DHE (no
//! dhparam file to manage); the WebSocket location forwards `Upgrade` and
//! `Connection` over HTTP/1.1 — without them Nginx talks HTTP/1.0 to the
//! upstream and Spring answers "Can "Upgrade" only to "WebSocket"".

use std::fmt::Write as _;

use super::{MOZILLA_INTERMEDIATE_CIPHERS, ProxyPlan, ProxyServer, Syntax};
use crate::i18n::{Facts, Language};

/// Nginx, as Handshake generates for it.
pub const SERVER: ProxyServer = ProxyServer {
    name: "nginx",
    file: "handshake-nginx.conf",
    syntax: Syntax::Nginx,
    place: "place-nginx-conf",
    render,
    key_file: "privkey.pem",
    key_place: "place-proxy-privkey",
    commands: || {
        vec![
            "sudo cp handshake-nginx.conf /etc/nginx/conf.d/".to_owned(),
            "sudo nginx -t && sudo systemctl reload nginx".to_owned(),
        ]
    },
    idle_note: "note-proxy-idle",
};

/// The config file, to include in Nginx's `http` block (conf.d/ or
/// sites-available/), its comments in `language`.
pub fn render(plan: &ProxyPlan, language: Language) -> String {
    let say = |id: &str| language.text(id, &Facts::new());
    let names = plan.server_names.join(" ");
    let mut out = super::proxy_header(plan, language, "config-nginx-include");
    let _ = write!(
        out,
        "\n# {map}\nmap $http_upgrade $connection_upgrade {{\n    default upgrade;\n    ''      close;\n}}\n",
        map = say("config-nginx-map"),
    );
    if let Some(listen) = &plan.listen_redirect {
        let _ = write!(
            out,
            "\nserver {{\n    listen {listen};\n    server_name {names};\n    # {redirect}\n    return 308 https://$host$request_uri;\n}}\n",
            redirect = say("config-nginx-redirect"),
        );
    }
    let _ = write!(
        out,
        "\nserver {{\n    listen {listen} ssl;\n    server_name {names};\n\n    ssl_certificate     {certificate};\n    ssl_certificate_key {key};\n\n    # {mozilla}\n    ssl_protocols TLSv1.2 TLSv1.3;\n    ssl_ciphers {MOZILLA_INTERMEDIATE_CIPHERS};\n    ssl_prefer_server_ciphers off;\n    ssl_session_timeout 1d;\n    ssl_session_cache shared:HandshakeTLS:10m;\n    ssl_session_tickets off;\n",
        listen = plan.listen_tls,
        certificate = plan.certificate,
        key = plan.certificate_key,
        mozilla = say("config-mozilla"),
    );
    if plan.hsts {
        let _ = write!(
            out,
            "\n    # {}\n    add_header Strict-Transport-Security \"max-age=63072000\" always;\n",
            say("config-hsts")
        );
    }
    let _ = write!(
        out,
        "\n    location {ws_path} {{\n        proxy_pass {upstream};\n        # {websocket}\n        proxy_http_version 1.1;\n        proxy_set_header Upgrade $http_upgrade;\n        proxy_set_header Connection $connection_upgrade;\n{headers}        # {idle_comment}\n        proxy_read_timeout {idle}s;\n        proxy_send_timeout {idle}s;\n    }}\n\n    location / {{\n        proxy_pass {upstream};\n{headers}    }}\n}}\n",
        ws_path = plan.ws_path,
        upstream = plan.upstream,
        idle = plan.idle_timeout_secs,
        websocket = say("config-nginx-websocket"),
        idle_comment = say("config-idle"),
        headers = "        proxy_set_header Host $host;\n        proxy_set_header X-Real-IP $remote_addr;\n        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n        proxy_set_header X-Forwarded-Proto $scheme;\n"
    );
    out
}

/// The Spring Boot side: trust the proxy's X-Forwarded-* headers.
pub fn spring_forwarded(language: Language) -> String {
    format!(
        "# {}\nserver.forward-headers-strategy=native\n",
        language.text("config-behind-proxy", &Facts::new())
    )
}
