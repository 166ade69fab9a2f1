//! HAProxy frontends and a backend that terminate TLS and forward WebSocket
//! upgrades, to append to `/etc/haproxy/haproxy.cfg` (HAProxy 2.2+).
//!
//! HAProxy forwards the upgrade by itself; what breaks WebSockets behind it
//! is time: once a connection is upgraded, `timeout tunnel` is its idle
//! limit, and without it `timeout client`/`timeout server` (50 s in
//! Debian's shipped defaults) end a quiet WebSocket. The key is read from
//! the certificate's file or from `<certificate>.key` beside it.

use std::fmt::Write as _;

use super::{MOZILLA_INTERMEDIATE_CIPHERS, ProxyPlan, ProxyServer, Syntax};
use crate::i18n::{Facts, Language};

/// HAProxy, as Handshake generates for it.
pub const SERVER: ProxyServer = ProxyServer {
    name: "haproxy",
    file: "handshake-haproxy.cfg",
    syntax: Syntax::Haproxy,
    place: "place-haproxy-cfg",
    render,
    key_file: "fullchain.pem.key",
    key_place: "place-haproxy-key",
    commands: || {
        vec![
            "sudo sh -c 'cat handshake-haproxy.cfg >> /etc/haproxy/haproxy.cfg'".to_owned(),
            "sudo haproxy -c -f /etc/haproxy/haproxy.cfg && sudo systemctl reload haproxy"
                .to_owned(),
        ]
    },
    idle_note: "note-proxy-idle",
};

/// The sections to append to haproxy.cfg, their comments in `language`.
pub fn render(plan: &ProxyPlan, language: Language) -> String {
    let say = |id: &str| language.text(id, &Facts::new());
    let mut out = super::proxy_header(plan, language, "config-haproxy-include");
    if let Some(listen) = &plan.listen_redirect {
        let _ = write!(
            out,
            "\nfrontend handshake_http\n    mode http\n    bind {}\n    timeout client 30s\n    # {}\n    http-request redirect scheme https code 308\n",
            bind(listen),
            say("config-nginx-redirect"),
        );
    }
    let _ = write!(
        out,
        "\nfrontend handshake_https\n    mode http\n    # {key}\n    # {mozilla}\n    bind {listen} ssl crt {certificate} ssl-min-ver TLSv1.2 ciphers {MOZILLA_INTERMEDIATE_CIPHERS} alpn http/1.1\n    timeout client 60s\n    timeout http-request 10s\n    option forwardfor\n    http-request set-header X-Forwarded-Proto https\n",
        key = key_comment(plan, language),
        mozilla = say("config-mozilla"),
        listen = bind(&plan.listen_tls),
        certificate = plan.certificate,
    );
    if plan.hsts {
        let _ = write!(
            out,
            "    # {}\n    http-response set-header Strict-Transport-Security \"max-age=63072000\"\n",
            say("config-hsts")
        );
    }
    let (address, tls) = upstream(&plan.upstream);
    let _ = write!(
        out,
        "    default_backend handshake_app\n\nbackend handshake_app\n    mode http\n    timeout connect 5s\n    timeout server 60s\n    # {websocket}\n    timeout tunnel {idle}s\n    server app {address}{tls}\n",
        websocket = say("config-haproxy-websocket"),
        idle = plan.idle_timeout_secs,
        tls = if tls {
            " ssl verify required ca-file @system-ca"
        } else {
            ""
        },
    );
    out
}

/// Where HAProxy finds the key: in the certificate's file or in
/// `<certificate>.key` beside it — not at any other path, which the
/// comment then says how to bring there.
fn key_comment(plan: &ProxyPlan, language: Language) -> String {
    let (cert, key) = (&plan.certificate, &plan.certificate_key);
    let beside = key == cert || *key == format!("{cert}.key");
    language.text(
        if beside {
            "config-haproxy-key"
        } else {
            "config-haproxy-key-apart"
        },
        &Facts::new().with("cert", cert).with("key", key),
    )
}

/// `443` → `:443` (every address); an address with a host stays as it is.
fn bind(listen: &str) -> String {
    if listen.contains(':') {
        listen.to_owned()
    } else {
        format!(":{listen}")
    }
}

/// `http://127.0.0.1:8080/` → (`127.0.0.1:8080`, plain); an `https://`
/// upstream is reached over TLS, its certificate checked.
fn upstream(url: &str) -> (String, bool) {
    let (rest, tls) = match url.split_once("://") {
        Some((scheme, rest)) => (rest, scheme.eq_ignore_ascii_case("https")),
        None => (url, false),
    };
    let authority = rest.split('/').next().unwrap_or(rest);
    let address = if authority.contains(':') && !authority.ends_with(']') {
        authority.to_owned()
    } else {
        format!("{authority}:{}", if tls { 443 } else { 80 })
    };
    (address, tls)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_upstream_is_an_address_and_a_port() {
        assert_eq!(
            upstream("http://127.0.0.1:8080/"),
            ("127.0.0.1:8080".to_owned(), false)
        );
        assert_eq!(upstream("https://app"), ("app:443".to_owned(), true));
        assert_eq!(upstream("http://[::1]"), ("[::1]:80".to_owned(), false));
        assert_eq!(bind("443"), ":443");
        assert_eq!(bind("127.0.0.1:8443"), "127.0.0.1:8443");
    }
}
