//! The values that reach a generated file, checked before anything is
//! rendered: whether they come from the command line, the window or a
//! shared `handshake.toml`, none may carry a newline, a `;`, a brace or a
//! quote into an nginx or Apache directive, a properties line or an
//! environment file. Each kind allows what a real value needs and nothing
//! a config syntax gives meaning to.

use std::net::{Ipv4Addr, Ipv6Addr};

use serde::Serialize;

use super::{Fix, FixView, ProxyPlan};
use crate::i18n::{Facts, Message};
use crate::render::spring::SpringPlan;

/// The placeholder for the export folder in paths shown before it is
/// chosen: a value check reads it as a folder name.
pub const EXPORT_FOLDER: &str = "<export folder>";
/// What a value must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum ValueKind {
    /// A DNS name (RFC 1123, a leading `*.` allowed), an IPv4 or an IPv6
    /// address.
    Host,
    /// A file path or a Spring location (`file:…`, `classpath:…`).
    Path,
    /// A port, or `address:port`.
    Listen,
    /// `http://host[:port]` or `https://…`, no path: nginx would replace
    /// the location's prefix with it, and Apache appends the location.
    Upstream,
    /// A URL path starting with `/`.
    UrlPath,
    /// A keystore alias.
    Alias,
    /// An environment variable name.
    Variable,
}

impl ValueKind {
    fn name(self) -> &'static str {
        match self {
            ValueKind::Host => "host",
            ValueKind::Path => "path",
            ValueKind::Listen => "listen",
            ValueKind::Upstream => "upstream",
            ValueKind::UrlPath => "url-path",
            ValueKind::Alias => "alias",
            ValueKind::Variable => "variable",
        }
    }
}

/// A value Handshake will not write into a generated file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidValue {
    /// The profile key it came from (`server_names`, `ws_path`…).
    pub field: &'static str,
    /// The value, as given.
    pub value: String,
    /// What it must be.
    pub kind: ValueKind,
}

impl Message for InvalidValue {
    fn id(&self) -> &'static str {
        "error-render-invalid-value"
    }

    fn facts(&self) -> Facts {
        Facts::new()
            .with("field", self.field)
            // Escaped, so that a newline shows as `\n` rather than acting.
            .with("value", self.value.escape_debug().to_string())
            .with("kind", self.kind.name())
    }
}

/// Checks every value of `fix` that a generated file will hold.
pub fn check(fix: &Fix) -> Result<(), InvalidValue> {
    match fix.view() {
        FixView::Proxy(_, plan) => check_proxy(plan),
        FixView::Spring(plan) => check_spring(plan),
        // The client's values are written as escaped string literals.
        FixView::Client(_) => Ok(()),
    }
}

fn check_proxy(plan: &ProxyPlan) -> Result<(), InvalidValue> {
    for name in &plan.server_names {
        expect("server_names", name, ValueKind::Host)?;
    }
    expect("listen_tls", &plan.listen_tls, ValueKind::Listen)?;
    if let Some(listen) = &plan.listen_redirect {
        expect("listen_redirect", listen, ValueKind::Listen)?;
    }
    expect("certificate", &plan.certificate, ValueKind::Path)?;
    expect("certificate_key", &plan.certificate_key, ValueKind::Path)?;
    expect("upstream", &plan.upstream, ValueKind::Upstream)?;
    expect("ws_path", &plan.ws_path, ValueKind::UrlPath)
}

fn check_spring(plan: &SpringPlan) -> Result<(), InvalidValue> {
    for (field, value) in [
        ("key_store", &plan.key_store),
        ("certificate", &plan.certificate),
        ("private_key", &plan.private_key),
    ] {
        // Unused locations of the other forms may be empty.
        if !value.is_empty() {
            expect(field, value, ValueKind::Path)?;
        }
    }
    expect("key_alias", &plan.key_alias, ValueKind::Alias)?;
    expect("password_env", &plan.password_env, ValueKind::Variable)
}

fn expect(field: &'static str, value: &str, kind: ValueKind) -> Result<(), InvalidValue> {
    // A preview places the material under a placeholder folder of ours.
    let placed = value.replacen(EXPORT_FOLDER, "export", 1);
    if is(&placed, kind) {
        Ok(())
    } else {
        Err(InvalidValue {
            field,
            value: value.to_owned(),
            kind,
        })
    }
}

/// Whether `value` is a `kind`.
pub fn is(value: &str, kind: ValueKind) -> bool {
    match kind {
        ValueKind::Host => is_host(value),
        // Letters beyond ASCII too: a Korean Windows user's files are under
        // `C:/Users/개발자`, and no server reads a letter as syntax.
        ValueKind::Path => {
            !value.is_empty()
                && value.len() <= 4096
                && value
                    .chars()
                    .all(|c| c.is_alphanumeric() || "/._-+~@:=,%".contains(c))
        }
        ValueKind::Listen => is_listen(value),
        ValueKind::Upstream => is_upstream(value),
        ValueKind::UrlPath => {
            value.starts_with('/')
                && value.len() <= 2048
                && value
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"/._-~%".contains(&b))
        }
        ValueKind::Alias => {
            (1..=64).contains(&value.len())
                && value
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b))
        }
        ValueKind::Variable => {
            (1..=128).contains(&value.len())
                && !value.starts_with(|c: char| c.is_ascii_digit())
                && value
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_')
        }
    }
}

/// Whether `password` reads the same, unquoted, in a shell (`set -a;
/// . ./ssl.env`), systemd's `EnvironmentFile=` and `docker --env-file`:
/// Docker takes quotes literally and a shell needs them around spaces,
/// `$`, backticks and quotes, so only characters all three read as
/// themselves qualify (the generated passwords are URL-safe base64).
pub fn is_portable_env_value(password: &str) -> bool {
    !password.is_empty()
        && !password.starts_with(['~', '#', '='])
        && password
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"_-.,/:@%+=".contains(&b))
}

/// A DNS name (a leading `*.` allowed), an IPv4 address, or an IPv6
/// address (bare or in brackets).
fn is_host(value: &str) -> bool {
    if value.parse::<Ipv4Addr>().is_ok() || value.parse::<Ipv6Addr>().is_ok() {
        return true;
    }
    if let Some(inner) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
        return inner.parse::<Ipv6Addr>().is_ok();
    }
    let name = value.strip_prefix("*.").unwrap_or(value);
    !name.is_empty()
        && name.len() <= 253
        && name.split('.').all(|label| {
            (1..=63).contains(&label.len())
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

/// A port, `address:port` or `[v6]:port`.
fn is_listen(value: &str) -> bool {
    let is_port = |port: &str| port.parse::<u16>().is_ok_and(|p| p > 0) && port.len() <= 5;
    if is_port(value) {
        return true;
    }
    if let Some(rest) = value.strip_prefix('[') {
        return rest
            .split_once("]:")
            .is_some_and(|(address, port)| address.parse::<Ipv6Addr>().is_ok() && is_port(port));
    }
    value.rsplit_once(':').is_some_and(|(address, port)| {
        (address == "*" || address.parse::<Ipv4Addr>().is_ok()) && is_port(port)
    })
}

/// `http(s)://host[:port][/path]`.
fn is_upstream(value: &str) -> bool {
    let Some(authority) = value
        .strip_prefix("http://")
        .or_else(|| value.strip_prefix("https://"))
    else {
        return false;
    };
    let host = match authority.rsplit_once(':') {
        // A bracketed IPv6 address without a port has colons inside.
        Some((host, port)) if !port.contains(']') => {
            if port.parse::<u16>().is_err() {
                return false;
            }
            host
        }
        _ => authority,
    };
    is_host(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_values_pass() {
        for host in [
            "chat.example.com",
            "*.example.com",
            "localhost",
            "127.0.0.1",
            "::1",
            "[::1]",
            "xn--bcher-kva.example",
        ] {
            assert!(is(host, ValueKind::Host), "{host}");
        }
        for path in [
            "/etc/letsencrypt/live/chat.example.com/fullchain.pem",
            "file:/opt/app/server.p12",
            "classpath:server.p12",
            "./fix/privkey.pem",
            "file:C:/Users/개발자/tls/server.p12",
            "//fileserver/share/tls/fullchain.pem",
        ] {
            assert!(is(path, ValueKind::Path), "{path}");
        }
        for listen in ["443", "127.0.0.1:8443", "[::]:443", "*:443"] {
            assert!(is(listen, ValueKind::Listen), "{listen}");
        }
        for upstream in [
            "http://127.0.0.1:8080",
            "http://app:8080",
            "https://[::1]:9443",
            "http://[::1]",
        ] {
            assert!(is(upstream, ValueKind::Upstream), "{upstream}");
        }
        assert!(is("/ws", ValueKind::UrlPath));
        assert!(is("/socket.io/", ValueKind::UrlPath));
        assert!(is("server", ValueKind::Alias));
        assert!(is("SSL_KEYSTORE_PASSWORD", ValueKind::Variable));
    }

    #[test]
    fn what_would_inject_a_directive_a_line_or_a_command_fails() {
        let injected = "chat.example.com;\n    add_header X-Injected pwned always;\n    #";
        assert!(!is(injected, ValueKind::Host));
        for bad in [
            "/a b",
            "/a;b",
            "/a{b",
            "/a\"b",
            "/a\nb",
            "/a'b",
            "/a#b",
            "/a$b",
            "/a\\b",
            "",
            "/a\u{3000}b",
            "/a\u{202e}b",
        ] {
            assert!(!is(bad, ValueKind::Path), "{bad:?}");
        }
        for bad in ["443;", "443 ssl", "example.com:443", "0", "70000"] {
            assert!(!is(bad, ValueKind::Listen), "{bad:?}");
        }
        for bad in ["ws", "/ws;", "/ws {", "/ws\nlocation", "/w s"] {
            assert!(!is(bad, ValueKind::UrlPath), "{bad:?}");
        }
        for bad in [
            "http://x;y",
            "ftp://x",
            "http://x:80;",
            "http://x/$(id)",
            "http://app:8080/api",
        ] {
            assert!(!is(bad, ValueKind::Upstream), "{bad:?}");
        }
        assert!(!is("server\nserver.ssl.enabled=false", ValueKind::Alias));
        assert!(!is("A;B", ValueKind::Variable));
    }

    /// The window's path (`fix::prepare`, previews too) refuses what the
    /// command line refuses: the check sits under both.
    #[test]
    fn the_window_path_refuses_an_injected_value_too() {
        use crate::fix::{
            CertificateChoice, FixKind, FixRequest, Supplied, default_profile, prepare,
        };
        let target = crate::target::Target::parse("wss://chat.example.com/ws").expect("URL");
        let mut profile = default_profile(FixKind::Nginx, &target, None, crate::i18n::Language::En);
        let request = |profile: &crate::profile::Profile| FixRequest {
            profile: profile.clone(),
            certificate: CertificateChoice::SelfSigned,
            key_type: crate::pki::KeyType::EcdsaP256,
        };
        let dir = std::path::Path::new("/nonexistent");
        assert!(
            prepare(&request(&profile), &Supplied::default(), None, dir, None).is_ok(),
            "a clean preview"
        );
        if let Fix::Nginx(plan) = &mut profile.fix {
            plan.ws_path = "/ws { return 200; } location /x".into();
        }
        assert!(matches!(
            prepare(&request(&profile), &Supplied::default(), None, dir, None),
            Err(crate::fix::FixError::Render(
                super::super::RenderError::Value(InvalidValue {
                    field: "ws_path",
                    ..
                })
            ))
        ));
        assert!(!is("1A", ValueKind::Variable));
    }
}
