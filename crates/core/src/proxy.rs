//! Which way a connection goes: straight to the target, or through the
//! HTTP proxy the environment (or `--proxy`) names, decided as curl decides
//! it — `wss_proxy`/`https_proxy` (either case) for wss and https,
//! `ws_proxy`/`http_proxy` (lower case only: an upper-case `HTTP_PROXY` can
//! be set by a request header in CGI, the "httpoxy" hole curl closed) for
//! ws and http, then `all_proxy` — with `no_proxy` (names, domain suffixes,
//! `*`, addresses and CIDR ranges) applied by hyper-util's `Matcher`, the
//! one reqwest uses.
//!
//! Every scheme goes through a `CONNECT` tunnel, ws:// included: a
//! forwarding proxy handed a plain `GET` with `Upgrade` drops the header
//! (it is hop-by-hop), so the upgrade only survives inside a tunnel.

use serde::{Deserialize, Serialize};

use crate::secret::Secret;
use crate::target::{Scheme, Target};

/// What the user said about proxies.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum ProxySetting {
    /// The environment's variables decide (what curl, Java and Node do).
    #[default]
    Environment,
    /// This proxy (`--proxy URL`), whatever the environment says.
    Url(String),
    /// No proxy (`--no-proxy`).
    Off,
}

/// What the user said about the proxy: which one, and its credentials.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Proxying {
    /// The environment's proxy (the default), one named, or none.
    pub setting: ProxySetting,
    /// Credentials (`--proxy-user`), over the proxy URL's own.
    pub credentials: Option<ProxyCredentials>,
}

impl Proxying {
    /// Through the proxy at `url`, whatever the environment says.
    pub fn through(url: &str) -> Proxying {
        Proxying {
            setting: ProxySetting::Url(url.to_owned()),
            credentials: None,
        }
    }

    /// Which way `target` is reached, the proxy variables read from this
    /// process's environment: what the front ends check before connecting,
    /// so a proxy that cannot be used is bad input, not a finding.
    pub fn way(&self, target: &Target) -> Result<Way, ProxyError> {
        way(target, &self.setting, self.credentials.clone(), environment)
    }
}

/// Credentials for the proxy (Basic), never printed or stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProxyCredentials {
    /// The user name.
    pub user: String,
    /// The password.
    pub password: Secret,
}

/// Which way the connection goes, and why: in the report and the window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "way", rename_all = "kebab-case")]
pub enum Route {
    /// Straight to the target.
    Direct {
        /// Why no proxy.
        why: DirectReason,
    },
    /// Through an HTTP proxy's `CONNECT` tunnel.
    Proxy {
        /// The proxy, as `http://host:port` (credentials never shown).
        proxy: String,
        /// Its host.
        host: String,
        /// Its port.
        port: u16,
        /// Who named it.
        from: ProxySource,
        /// Whether credentials go with the tunnel request.
        authenticated: bool,
    },
}

impl crate::i18n::Message for Route {
    fn id(&self) -> &'static str {
        match self {
            Route::Proxy { .. } => "report-route-proxy",
            Route::Direct {
                why: DirectReason::Exempt { .. },
            } => "report-route-exempt",
            Route::Direct {
                why: DirectReason::Disabled,
            } => "report-route-disabled",
            Route::Direct {
                why: DirectReason::NoVariable,
            } => "report-route-direct",
        }
    }

    fn facts(&self) -> crate::i18n::Facts {
        let facts = crate::i18n::Facts::new();
        match self {
            Route::Proxy {
                proxy,
                from,
                authenticated,
                ..
            } => facts
                .with("proxy", proxy)
                .with("from", from.name())
                .with("authenticated", if *authenticated { "yes" } else { "no" }),
            Route::Direct {
                why: DirectReason::Exempt { variable },
            } => facts.with("variable", variable),
            Route::Direct { .. } => facts,
        }
    }
}

/// Why the connection goes straight to the target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "reason", rename_all = "kebab-case")]
pub enum DirectReason {
    /// No proxy variable applies to this scheme.
    NoVariable,
    /// A proxy is set, and `no_proxy` exempts this host.
    Exempt {
        /// The variable that holds the exemption.
        variable: String,
    },
    /// `--no-proxy`.
    Disabled,
}

/// Who named the proxy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "source", rename_all = "kebab-case")]
pub enum ProxySource {
    /// `--proxy`.
    Flag,
    /// An environment variable.
    Variable {
        /// Its name as set (`HTTPS_PROXY`, `https_proxy`, …).
        name: String,
    },
}

impl ProxySource {
    /// How the user knows it: `--proxy`, or the variable's name.
    pub fn name(&self) -> &str {
        match self {
            ProxySource::Flag => "--proxy",
            ProxySource::Variable { name } => name,
        }
    }
}

/// The way to go, with the credentials the tunnel request carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Way {
    /// Which way, for the report.
    pub route: Route,
    /// Basic credentials for the proxy, when any.
    pub credentials: Option<ProxyCredentials>,
}

/// A proxy that cannot be used: the user's input, named.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", crate::i18n::english(self))]
pub enum ProxyError {
    /// The proxy URL does not parse.
    Unparsable {
        /// The URL, its password hidden.
        shown: String,
        /// Where it came from (`--proxy` or a variable's name).
        from: String,
    },
    /// A proxy scheme Handshake does not speak (SOCKS).
    UnsupportedScheme {
        /// The scheme (`socks5`, …).
        scheme: String,
        /// Where it came from.
        from: String,
    },
}

impl crate::i18n::Message for ProxyError {
    fn id(&self) -> &'static str {
        match self {
            ProxyError::Unparsable { .. } => "error-proxy-unparsable",
            ProxyError::UnsupportedScheme { .. } => "error-proxy-scheme",
        }
    }

    fn facts(&self) -> crate::i18n::Facts {
        match self {
            ProxyError::Unparsable { shown, from } => crate::i18n::Facts::new()
                .with("proxy", shown)
                .with("from", from),
            ProxyError::UnsupportedScheme { scheme, from } => crate::i18n::Facts::new()
                .with("scheme", scheme)
                .with("from", from),
        }
    }
}

/// Which way `target` is reached under `setting`, reading the environment
/// through `env` (a variable's value, when set and not empty);
/// `credentials` (`--proxy-user`) win over the URL's own.
pub fn way(
    target: &Target,
    setting: &ProxySetting,
    credentials: Option<ProxyCredentials>,
    env: impl Fn(&str) -> Option<String>,
) -> Result<Way, ProxyError> {
    let (value, from) = match setting {
        ProxySetting::Off => return Ok(direct(DirectReason::Disabled)),
        ProxySetting::Url(url) => (url.clone(), ProxySource::Flag),
        ProxySetting::Environment => {
            let names: &[&str] = match target.scheme {
                Scheme::Wss => &["wss_proxy", "WSS_PROXY", "https_proxy", "HTTPS_PROXY"],
                Scheme::Https => &["https_proxy", "HTTPS_PROXY"],
                Scheme::Ws => &["ws_proxy", "WS_PROXY", "http_proxy"],
                Scheme::Http => &["http_proxy"],
            };
            let all = ["all_proxy", "ALL_PROXY"];
            let Some((name, value)) = names
                .iter()
                .chain(all.iter())
                .find_map(|name| env(name).map(|value| (*name, value)))
            else {
                return Ok(direct(DirectReason::NoVariable));
            };
            if let Some((variable, exempt)) = ["no_proxy", "NO_PROXY"]
                .iter()
                .find_map(|name| env(name).map(|value| (*name, value)))
                && exempted(target, &value, &exempt)
            {
                return Ok(direct(DirectReason::Exempt {
                    variable: variable.to_owned(),
                }));
            }
            (
                value,
                ProxySource::Variable {
                    name: name.to_owned(),
                },
            )
        }
    };
    let named = from.name().to_owned();
    let parsed = parse(&value).ok_or_else(|| ProxyError::Unparsable {
        shown: hide_password(&value),
        from: named.clone(),
    })?;
    if !parsed.scheme().eq_ignore_ascii_case("http") {
        return Err(ProxyError::UnsupportedScheme {
            scheme: parsed.scheme().to_owned(),
            from: named,
        });
    }
    let host = parsed.host_str().unwrap_or_default().to_owned();
    let port = parsed.port().unwrap_or(80);
    let from_url = (!parsed.username().is_empty()).then(|| ProxyCredentials {
        user: decoded(parsed.username()),
        password: Secret::new(decoded(parsed.password().unwrap_or_default())),
    });
    let credentials = credentials.or(from_url);
    Ok(Way {
        route: Route::Proxy {
            proxy: format!("http://{}:{port}", bracketed(&host)),
            host,
            port,
            from,
            authenticated: credentials.is_some(),
        },
        credentials,
    })
}

/// A proxy variable of this process's environment, when set and not empty.
pub fn environment(name: &str) -> Option<String> {
    std::env::var(name)
        .ok()
        .filter(|value| !value.trim().is_empty())
}

fn direct(why: DirectReason) -> Way {
    Way {
        route: Route::Direct { why },
        credentials: None,
    }
}

/// Whether `no_proxy` exempts the target, by hyper-util's matcher (curl's
/// rules): a matcher with `proxy` for both schemes intercepts nothing the
/// list names.
fn exempted(target: &Target, proxy: &str, no_proxy: &str) -> bool {
    let matcher = hyper_util::client::proxy::matcher::Matcher::builder()
        .http(proxy.to_owned())
        .https(proxy.to_owned())
        .no(no_proxy.to_owned())
        .build();
    let scheme = if target.secure { "https" } else { "http" };
    let uri = format!("{scheme}://{}:{}/", bracketed(&target.host), target.port);
    uri.parse::<http::Uri>()
        .is_ok_and(|uri| matcher.intercept(&uri).is_none())
}

/// A proxy URL as curl reads one: `host:port` alone means `http://`.
fn parse(value: &str) -> Option<url::Url> {
    let value = value.trim();
    let with_scheme = if value.contains("://") {
        value.to_owned()
    } else {
        format!("http://{value}")
    };
    url::Url::parse(&with_scheme)
        .ok()
        .filter(|url| url.host_str().is_some_and(|host| !host.is_empty()))
}

/// `value` with the password of its userinfo replaced by `***`.
pub fn hide_password(value: &str) -> String {
    match (value.find("://"), value.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let userinfo = &value[scheme_end + 3..at];
            let user = userinfo.split(':').next().unwrap_or_default();
            format!("{}{user}:***{}", &value[..scheme_end + 3], &value[at..])
        }
        _ => value.to_owned(),
    }
}

/// Userinfo as curl reads it: percent-decoded, a `+` kept (it means a
/// space only in form data).
fn decoded(text: &str) -> String {
    percent_encoding::percent_decode_str(text)
        .decode_utf8_lossy()
        .into_owned()
}

fn bracketed(host: &str) -> String {
    if host.contains(':') && !host.starts_with('[') {
        format!("[{host}]")
    } else {
        host.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(url: &str) -> Target {
        Target::parse(url).expect("URL")
    }

    fn env(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let vars: Vec<(String, String)> = vars
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        move |name| {
            vars.iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
                .filter(|v| !v.is_empty())
        }
    }

    fn from(way: &Way) -> Option<String> {
        match &way.route {
            Route::Proxy {
                from: ProxySource::Variable { name },
                ..
            } => Some(name.clone()),
            _ => None,
        }
    }

    #[test]
    fn the_variable_follows_the_scheme_as_curl_reads_them() {
        let vars = env(&[
            ("HTTPS_PROXY", "http://proxy:3128"),
            ("HTTP_PROXY", "http://evil:1"),
            ("all_proxy", "http://all:8080"),
        ]);
        let wss = way(
            &target("wss://api.example.com/ws"),
            &ProxySetting::Environment,
            None,
            &vars,
        )
        .expect("way");
        assert_eq!(from(&wss).as_deref(), Some("HTTPS_PROXY"));
        // Upper-case HTTP_PROXY is not read (httpoxy): all_proxy applies.
        let ws = way(
            &target("ws://api.example.com/ws"),
            &ProxySetting::Environment,
            None,
            &vars,
        )
        .expect("way");
        assert_eq!(from(&ws).as_deref(), Some("all_proxy"));
        let none = way(
            &target("ws://api.example.com/ws"),
            &ProxySetting::Environment,
            None,
            env(&[]),
        )
        .expect("way");
        assert_eq!(
            none.route,
            Route::Direct {
                why: DirectReason::NoVariable
            }
        );
    }

    #[test]
    fn no_proxy_exempts_names_suffixes_and_ranges() {
        for (host, exempt) in [
            ("wss://build.internal.example/ws", true),
            ("wss://10.1.2.3/ws", true),
            ("wss://api.example.com/ws", false),
        ] {
            let found = way(
                &target(host),
                &ProxySetting::Environment,
                None,
                env(&[
                    ("https_proxy", "proxy:3128"),
                    ("NO_PROXY", ".internal.example, 10.0.0.0/8"),
                ]),
            )
            .expect("way");
            assert_eq!(
                matches!(found.route, Route::Direct { .. }),
                exempt,
                "{host}: {:?}",
                found.route
            );
        }
    }

    #[test]
    fn credentials_come_from_the_url_and_are_never_shown() {
        let found = way(
            &target("wss://api.example.com/ws"),
            &ProxySetting::Url("http://alice:s%40cret@proxy.corp:8080".into()),
            None,
            env(&[]),
        )
        .expect("way");
        let Route::Proxy {
            proxy,
            authenticated,
            ..
        } = &found.route
        else {
            panic!("{:?}", found.route);
        };
        assert_eq!(proxy, "http://proxy.corp:8080");
        assert!(authenticated);
        let credentials = found.credentials.expect("credentials");
        assert_eq!(credentials.user, "alice");
        assert_eq!(credentials.password.expose(), "s@cret");
        let plus = way(
            &target("wss://api.example.com/ws"),
            &ProxySetting::Url("http://bob+ops:a+b%2Bc%20d@proxy.corp:8080".into()),
            None,
            env(&[]),
        )
        .expect("way")
        .credentials
        .expect("credentials");
        assert_eq!(plus.user, "bob+ops");
        assert_eq!(plus.password.expose(), "a+b+c d");
        assert_eq!(
            hide_password("http://alice:s%40cret@proxy.corp:8080"),
            "http://alice:***@proxy.corp:8080"
        );
    }

    #[test]
    fn a_socks_proxy_or_garbage_is_named_not_used() {
        let socks = way(
            &target("wss://api.example.com/ws"),
            &ProxySetting::Environment,
            None,
            env(&[("ALL_PROXY", "socks5://127.0.0.1:1080")]),
        );
        assert!(
            matches!(socks, Err(ProxyError::UnsupportedScheme { ref scheme, .. }) if scheme == "socks5")
        );
        let garbage = way(
            &target("wss://api.example.com/ws"),
            &ProxySetting::Url("http://".into()),
            None,
            env(&[]),
        );
        assert!(matches!(garbage, Err(ProxyError::Unparsable { .. })));
    }
}
