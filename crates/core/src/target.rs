//! Target URLs: what the user typed, checked and normalised.
//!
//! Everything Handshake does starts from a [`Target`]. Parsing is strict on
//! purpose and every refusal says what to type instead: a developer who pastes
//! `wss//api` or `ftp://api` at 2 a.m. should learn what is wrong from the
//! message alone. The `url` crate does the WHATWG parsing (IDNA, IPv6,
//! percent-encoding); the checks in front of it exist because its own errors
//! ("invalid port number", "empty host") do not say which part was wrong or
//! how to fix it.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A URL scheme Handshake can check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum Scheme {
    /// WebSocket over plain TCP.
    Ws,
    /// WebSocket over TLS.
    Wss,
    /// HTTP over plain TCP.
    Http,
    /// HTTP over TLS.
    Https,
}

impl Scheme {
    /// Every supported scheme, in the order they are suggested to users.
    pub const ALL: [Scheme; 4] = [Scheme::Wss, Scheme::Ws, Scheme::Https, Scheme::Http];

    /// The scheme as written in a URL (`"wss"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Scheme::Ws => "ws",
            Scheme::Wss => "wss",
            Scheme::Http => "http",
            Scheme::Https => "https",
        }
    }

    /// The port a client uses when the URL names none.
    pub fn default_port(self) -> u16 {
        if self.is_secure() { 443 } else { 80 }
    }

    /// Whether the scheme runs over TLS.
    pub fn is_secure(self) -> bool {
        matches!(self, Scheme::Wss | Scheme::Https)
    }

    /// Whether the scheme is a WebSocket scheme.
    pub fn is_websocket(self) -> bool {
        matches!(self, Scheme::Ws | Scheme::Wss)
    }

    /// Looks a scheme up by name, ignoring ASCII case.
    fn from_name(name: &str) -> Option<Scheme> {
        Scheme::ALL
            .into_iter()
            .find(|s| s.as_str().eq_ignore_ascii_case(name))
    }
}

impl fmt::Display for Scheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What kind of host a target names; decides whether DNS is asked and
/// whether a certificate must cover a DNS name or an IP address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum HostKind {
    /// A DNS name (internationalised names are stored in their ASCII form).
    Domain,
    /// An IPv4 address.
    Ipv4,
    /// An IPv6 address.
    Ipv6,
}

/// Whether `host` is this machine by name or address (`localhost`,
/// `*.localhost`, 127.0.0.0/8, `::1`).
pub fn is_loopback_host(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    let host = host.to_ascii_lowercase();
    host == "localhost"
        || host.ends_with(".localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// Whether `host` names one site: a DNS name of two labels or more that is
/// not this machine. What a browser remembers for such a name (HSTS) stays
/// with that site; for `localhost` it covers every port of every project,
/// for an address it is ignored, and a single-label intranet name is
/// usually many things over time.
pub fn is_site_name(host: &str) -> bool {
    let host = host.trim_end_matches('.');
    host.contains('.') && host.parse::<std::net::IpAddr>().is_err() && !is_loopback_host(host)
}

/// A checked, normalised target URL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Target {
    /// The normalised URL: lowercase scheme and host, default port omitted.
    pub url: String,
    /// The scheme.
    pub scheme: Scheme,
    /// The host as used for DNS and TLS SNI: IPv6 addresses without brackets,
    /// internationalised names in their ASCII (punycode) form.
    pub host: String,
    /// What kind of host this is.
    pub host_kind: HostKind,
    /// The port to connect to, filled in from the scheme when the URL has none.
    pub port: u16,
    /// Whether `port` is the scheme's default (written in the URL or not).
    pub default_port: bool,
    /// The path and query sent in the request line; at least `/`.
    pub path: String,
    /// Whether the scheme runs over TLS (`wss`, `https`).
    pub secure: bool,
}

impl Target {
    /// Whether the host is this machine by name or address (`localhost`,
    /// `*.localhost`, 127.0.0.0/8, `::1`): what browsers treat as
    /// potentially trustworthy, and where HSTS covers every port.
    pub fn is_loopback(&self) -> bool {
        is_loopback_host(&self.host)
    }

    /// The same endpoint as a WebSocket URL: `https` → `wss`, `http` → `ws`.
    pub fn as_websocket(&self) -> Target {
        let scheme = match self.scheme {
            Scheme::Https => Scheme::Wss,
            Scheme::Http => Scheme::Ws,
            Scheme::Ws | Scheme::Wss => return self.clone(),
        };
        let rest = self.url.split_once("://").map_or("", |(_, rest)| rest);
        Target {
            url: format!("{scheme}://{rest}"),
            scheme,
            ..self.clone()
        }
    }

    /// [`Target::parse`] for what only a WebSocket URL makes sense for
    /// (`handshake check`): an http(s) URL is refused before any
    /// connection, with its ws(s) form suggested.
    pub fn parse_websocket(input: &str) -> Result<Target, TargetError> {
        let target = Target::parse(input)?;
        if target.scheme.is_websocket() {
            return Ok(target);
        }
        let scheme = if target.secure { "wss" } else { "ws" };
        let rest = target.url.split_once("://").map_or("", |(_, rest)| rest);
        Err(TargetError::NotWebSocket {
            suggestion: format!("{scheme}://{rest}"),
        })
    }

    /// Parses and checks what the user typed.
    ///
    /// Leading and trailing whitespace is ignored (pasted text often has
    /// some); anything else that is not a usable `ws`, `wss`, `http` or
    /// `https` URL is refused with a [`TargetError`] that says how to fix it.
    pub fn parse(input: &str) -> Result<Target, TargetError> {
        let input = input.trim();
        if input.is_empty() {
            return Err(TargetError::Empty);
        }
        if let Some(position) = input.chars().position(char::is_whitespace) {
            return Err(TargetError::Whitespace {
                position: position + 1,
            });
        }
        let (scheme, rest) = split_scheme(input)?;
        let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
        let host_and_port = match authority.rsplit_once('@') {
            Some(_) => return Err(TargetError::Credentials),
            None => authority,
        };
        check_port(host_and_port)?;

        let normalised = format!("{scheme}://{rest}");
        let mut url = url::Url::parse(&normalised).map_err(|error| match error {
            url::ParseError::EmptyHost => TargetError::MissingHost { scheme },
            other => {
                let host = host_of(host_and_port);
                TargetError::InvalidHost {
                    host: host.to_owned(),
                    // `[fe80::1%eth0]`: a valid address with a zone id, which
                    // URLs cannot carry (RFC 6874 was never adopted).
                    problem: if zoned_ipv6(host) {
                        HostProblem::ZoneId
                    } else {
                        HostProblem::of(other)
                    },
                }
            }
        })?;
        // A fragment never reaches the server (and the WebSocket standard now
        // strips it too): drop it rather than refuse a URL copied from a
        // browser's address bar.
        url.set_fragment(None);

        let (host, host_kind) = match url.host() {
            Some(url::Host::Domain(name)) => (name.to_owned(), HostKind::Domain),
            Some(url::Host::Ipv4(ip)) => (ip.to_string(), HostKind::Ipv4),
            Some(url::Host::Ipv6(ip)) => (ip.to_string(), HostKind::Ipv6),
            None => return Err(TargetError::MissingHost { scheme }),
        };
        let port = url.port().unwrap_or(scheme.default_port());
        let path = match url.query() {
            Some(query) => format!("{}?{query}", url.path()),
            None => url.path().to_owned(),
        };
        Ok(Target {
            url: url.into(),
            scheme,
            host,
            host_kind,
            port,
            default_port: port == scheme.default_port(),
            path,
            secure: scheme.is_secure(),
        })
    }

    /// The `Host` header a client sends: the host alone on the scheme's
    /// default port, `host:port` otherwise (IPv6 in brackets).
    pub fn host_header(&self) -> String {
        match (self.default_port, self.host_kind) {
            (true, HostKind::Ipv6) => format!("[{}]", self.host),
            (true, _) => self.host.clone(),
            (false, _) => self.authority(),
        }
    }

    /// The same endpoint with another path (and query): the URL a protocol
    /// derives from the one given (SockJS's `/websocket`, Socket.IO's query).
    pub fn with_path(&self, path: &str) -> Target {
        let url = format!("{}://{}{path}", self.scheme, self.host_header());
        Target::parse(&url).unwrap_or_else(|_| self.clone())
    }

    /// `host:port` as written in a `Host` header or a socket address, with
    /// brackets around IPv6 addresses.
    pub fn authority(&self) -> String {
        match self.host_kind {
            HostKind::Ipv6 => format!("[{}]:{}", self.host, self.port),
            HostKind::Domain | HostKind::Ipv4 => format!("{}:{}", self.host, self.port),
        }
    }
}

impl FromStr for Target {
    type Err = TargetError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Target::parse(s)
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.url)
    }
}

/// Why a target URL was refused. Each message says what to type instead.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", crate::i18n::english(self))]
#[non_exhaustive]
pub enum TargetError {
    /// Nothing was typed.
    Empty,
    /// Whitespace inside the URL.
    Whitespace {
        /// 1-based character position of the first whitespace.
        position: usize,
    },
    /// No `scheme://` at all.
    MissingScheme {
        /// The input with `wss://` in front.
        suggestion: String,
    },
    /// A known scheme, but not followed by `://` (`wss//host`, `wss:host`).
    MalformedSeparator {
        /// The input with the separator repaired.
        suggestion: String,
    },
    /// A scheme Handshake does not check.
    UnsupportedScheme {
        /// The scheme as typed.
        scheme: String,
    },
    /// `scheme://` with nothing after it.
    MissingHost {
        /// The scheme that was typed.
        scheme: Scheme,
    },
    /// The port is not a number from 1 to 65535.
    InvalidPort {
        /// The port as typed.
        port: String,
    },
    /// `user:password@` in the URL.
    Credentials,
    /// An http(s) URL where a WebSocket one is needed (`handshake check`).
    NotWebSocket {
        /// The same URL with ws:// or wss://.
        suggestion: String,
    },
    /// The host is not a valid DNS name or IP address.
    InvalidHost {
        /// The host as typed.
        host: String,
        /// What is wrong with it.
        problem: HostProblem,
    },
}

/// What is wrong with a host name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum HostProblem {
    /// A character no host name may contain (`<`, `%`, …).
    Character,
    /// An internationalised name that does not convert to ASCII.
    Idna,
    /// Digits and dots that do not make an IPv4 address.
    Ipv4,
    /// Brackets around something that is not an IPv6 address.
    Ipv6,
    /// An IPv6 address with a zone id (`%eth0`), which URLs cannot carry.
    ZoneId,
    /// Anything else the URL parser refuses.
    Other,
}

impl HostProblem {
    fn of(error: url::ParseError) -> HostProblem {
        match error {
            url::ParseError::InvalidDomainCharacter => HostProblem::Character,
            url::ParseError::IdnaError => HostProblem::Idna,
            url::ParseError::InvalidIpv4Address => HostProblem::Ipv4,
            url::ParseError::InvalidIpv6Address => HostProblem::Ipv6,
            _ => HostProblem::Other,
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            HostProblem::Character => "character",
            HostProblem::Idna => "idna",
            HostProblem::Ipv4 => "ipv4",
            HostProblem::Ipv6 => "ipv6",
            HostProblem::ZoneId => "zone-id",
            HostProblem::Other => "other",
        }
    }
}

impl crate::i18n::Message for TargetError {
    fn id(&self) -> &'static str {
        match self {
            TargetError::Empty => "error-target-empty",
            TargetError::Whitespace { .. } => "error-target-whitespace",
            TargetError::MissingScheme { .. } => "error-target-missing-scheme",
            TargetError::MalformedSeparator { .. } => "error-target-malformed-separator",
            TargetError::UnsupportedScheme { .. } => "error-target-unsupported-scheme",
            TargetError::MissingHost { .. } => "error-target-missing-host",
            TargetError::InvalidPort { .. } => "error-target-invalid-port",
            TargetError::Credentials => "error-target-credentials",
            TargetError::InvalidHost { .. } => "error-target-invalid-host",
            TargetError::NotWebSocket { .. } => "error-target-not-websocket",
        }
    }

    fn facts(&self) -> crate::i18n::Facts {
        use crate::i18n::Facts;
        match self {
            TargetError::NotWebSocket { suggestion } => Facts::new().with("suggestion", suggestion),
            TargetError::Empty | TargetError::Credentials => Facts::new(),
            TargetError::Whitespace { position } => Facts::new().with("position", *position),
            TargetError::MissingScheme { suggestion }
            | TargetError::MalformedSeparator { suggestion } => {
                Facts::new().with("suggestion", suggestion)
            }
            TargetError::UnsupportedScheme { scheme } => Facts::new().with("scheme", scheme),
            TargetError::MissingHost { scheme } => Facts::new().with("scheme", scheme.as_str()),
            TargetError::InvalidPort { port } => Facts::new().with("port", port),
            TargetError::InvalidHost { host, problem } => Facts::new()
                .with("host", host)
                .with("problem", problem.as_str()),
        }
    }
}

/// Splits `scheme://rest`, recognising the usual ways the separator gets
/// mangled so the error can offer the repaired URL.
fn split_scheme(input: &str) -> Result<(Scheme, &str), TargetError> {
    if let Some((name, rest)) = input.split_once("://") {
        let looks_like_scheme = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
        if looks_like_scheme {
            let scheme = Scheme::from_name(name).ok_or_else(|| TargetError::UnsupportedScheme {
                scheme: name.to_owned(),
            })?;
            if rest.is_empty() || rest.starts_with(['/', '?', '#']) {
                return Err(TargetError::MissingHost { scheme });
            }
            return Ok((scheme, rest));
        }
    }
    // `wss//host`, `wss:/host`, `wss:host`, `wss:\\host`.
    for scheme in Scheme::ALL {
        let name = scheme.as_str();
        let Some(head) = input.get(..name.len()) else {
            continue;
        };
        let tail = &input[name.len()..];
        if head.eq_ignore_ascii_case(name) && tail.starts_with([':', '/', '\\']) {
            let host_part = tail.trim_start_matches([':', '/', '\\']);
            if !host_part.is_empty() {
                return Err(TargetError::MalformedSeparator {
                    suggestion: format!("{scheme}://{host_part}"),
                });
            }
        }
    }
    // `ftp:x` and friends: a scheme-shaped prefix we do not support.
    if let Some((name, _)) = input.split_once(':') {
        // `wss:` or `wss:/` while the user is still typing.
        if let Some(scheme) = Scheme::from_name(name) {
            return Err(TargetError::MissingHost { scheme });
        }
        let is_scheme = name.len() > 1
            && name.starts_with(|c: char| c.is_ascii_alphabetic())
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
        let is_port = input[name.len() + 1..].starts_with(|c: char| c.is_ascii_digit());
        if is_scheme && !is_port && !name.contains('.') {
            return Err(TargetError::UnsupportedScheme {
                scheme: name.to_owned(),
            });
        }
    }
    Err(TargetError::MissingScheme {
        suggestion: format!("wss://{input}"),
    })
}

/// Refuses a port that is not 1–65535, naming it as typed; `url` would only
/// say "invalid port number".
fn check_port(host_and_port: &str) -> Result<(), TargetError> {
    let port = if let Some(rest) = host_and_port.strip_prefix('[') {
        // `[v6]:port`: the port is whatever follows the closing bracket.
        rest.split_once(']')
            .and_then(|(_, after)| after.strip_prefix(':'))
    } else {
        host_and_port.rsplit_once(':').map(|(_, port)| port)
    };
    match port {
        None | Some("") => Ok(()),
        Some(text) => match text.parse::<u16>() {
            Ok(port) if port != 0 && text.bytes().all(|b| b.is_ascii_digit()) => Ok(()),
            _ => Err(TargetError::InvalidPort {
                port: text.to_owned(),
            }),
        },
    }
}

/// The host part of `host:port` or `[v6]:port`, for error messages.
fn host_of(host_and_port: &str) -> &str {
    if host_and_port.starts_with('[') {
        return host_and_port
            .split_once(']')
            .map_or(host_and_port, |(host, _)| host)
            .trim_start_matches('[');
    }
    match host_and_port.rsplit_once(':') {
        Some((host, _)) => host,
        None => host_and_port,
    }
}

/// Whether `host` is an IPv6 address followed by `%zone`.
fn zoned_ipv6(host: &str) -> bool {
    host.trim_matches(['[', ']'])
        .split_once('%')
        .is_some_and(|(address, _)| address.parse::<std::net::Ipv6Addr>().is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// HSTS is offered by default only for a site's own name.
    #[test]
    fn only_a_sites_own_name_is_a_site_name() {
        for local in [
            "localhost",
            "app.localhost",
            "LOCALHOST.",
            "127.0.0.1",
            "::1",
            "[::1]",
            "10.0.0.7",
            "devbox",
        ] {
            assert!(!is_site_name(local), "{local}");
        }
        for site in ["api.example.com", "intranet.corp", "xn--bcher-kva.example"] {
            assert!(is_site_name(site), "{site}");
        }
    }

    fn ok(input: &str) -> Target {
        match Target::parse(input) {
            Ok(target) => target,
            Err(error) => panic!("{input:?} should parse, got: {error}"),
        }
    }

    fn err(input: &str) -> TargetError {
        match Target::parse(input) {
            Ok(target) => panic!("{input:?} should be refused, got {target:?}"),
            Err(error) => error,
        }
    }

    #[test]
    fn fills_in_the_default_port_for_each_scheme() {
        for (input, port) in [
            ("wss://api.example.com/socket", 443),
            ("https://api.example.com", 443),
            ("ws://api.example.com/socket", 80),
            ("http://api.example.com", 80),
        ] {
            let target = ok(input);
            assert_eq!(target.port, port, "{input}");
            assert!(target.default_port, "{input}");
        }
    }

    #[test]
    fn understands_every_part_of_a_wss_url() {
        let target = ok("  WSS://API.Example.com:8443/socket?token=x#  ");
        assert_eq!(target.scheme, Scheme::Wss);
        assert_eq!(target.host, "api.example.com");
        assert_eq!(target.host_kind, HostKind::Domain);
        assert_eq!(target.port, 8443);
        assert!(!target.default_port);
        assert_eq!(target.path, "/socket?token=x");
        assert!(target.secure);
        assert_eq!(target.url, "wss://api.example.com:8443/socket?token=x");
        assert_eq!(target.authority(), "api.example.com:8443");
    }

    #[test]
    fn an_explicit_default_port_is_normalised_away() {
        let target = ok("https://example.com:443/");
        assert!(target.default_port);
        assert_eq!(target.url, "https://example.com/");
    }

    #[test]
    fn ip_addresses_are_recognised() {
        let v4 = ok("ws://127.0.0.1:8080");
        assert_eq!(
            (v4.host_kind, v4.host.as_str()),
            (HostKind::Ipv4, "127.0.0.1")
        );
        assert_eq!(v4.path, "/");
        assert!(!v4.secure);

        let v6 = ok("wss://[::1]:8443/ws");
        assert_eq!((v6.host_kind, v6.host.as_str()), (HostKind::Ipv6, "::1"));
        assert_eq!(v6.authority(), "[::1]:8443");
    }

    #[test]
    fn internationalised_names_become_punycode() {
        assert_eq!(
            ok("wss://예시.테스트/ws").host,
            "xn--vv4b11d.xn--9t4b11yi5a"
        );
    }

    #[test]
    fn fragments_are_dropped() {
        assert_eq!(
            ok("https://app.example.com/#/chat").url,
            "https://app.example.com/"
        );
        assert_eq!(ok("wss://app.example.com/ws#x").path, "/ws");
    }

    #[test]
    fn a_mangled_separator_gets_the_repaired_url() {
        for input in ["wss//x", "wss:/x", "wss:x", "WSS:\\\\x"] {
            let error = err(input);
            assert_eq!(
                error,
                TargetError::MalformedSeparator {
                    suggestion: "wss://x".into()
                },
                "{input}"
            );
            assert!(error.to_string().contains("Did you mean wss://x?"));
        }
    }

    #[test]
    fn other_schemes_are_named_in_the_refusal() {
        for input in ["ftp://x", "FTP://x/y", "mailto:someone"] {
            let error = err(input);
            assert!(
                matches!(error, TargetError::UnsupportedScheme { .. }),
                "{input}: {error:?}"
            );
            assert!(error.to_string().contains("Use wss:// or ws://"));
        }
    }

    #[test]
    fn a_url_without_a_scheme_gets_a_suggestion() {
        for input in [
            "api.example.com/socket",
            "localhost:8080",
            "127.0.0.1:8443/ws",
        ] {
            assert_eq!(
                err(input),
                TargetError::MissingScheme {
                    suggestion: format!("wss://{input}")
                },
                "{input}"
            );
        }
    }

    #[test]
    fn an_empty_host_is_refused() {
        for input in [
            "wss://",
            "wss:///socket",
            "https://?x",
            "ws://:8080/ws",
            "wss:",
            "wss:/",
        ] {
            let error = err(input);
            assert!(
                matches!(
                    error,
                    TargetError::MissingHost { .. } | TargetError::InvalidHost { .. }
                ),
                "{input}: {error:?}"
            );
        }
        assert_eq!(
            err("wss://").to_string(),
            "The URL has no host name. Write one after wss://, for example wss://localhost:8443/ws."
        );
    }

    #[test]
    fn ports_outside_the_range_are_named() {
        for (input, port) in [
            ("wss://x:70000/ws", "70000"),
            ("wss://x:0", "0"),
            ("wss://x:-1", "-1"),
            ("wss://x:https", "https"),
            ("wss://[::1]:99999", "99999"),
        ] {
            assert_eq!(
                err(input),
                TargetError::InvalidPort { port: port.into() },
                "{input}"
            );
        }
        assert!(err("wss://x:70000").to_string().contains("from 1 to 65535"));
    }

    #[test]
    fn whitespace_inside_is_refused_with_its_position() {
        assert_eq!(
            err("wss://api example.com"),
            TargetError::Whitespace { position: 10 }
        );
        assert_eq!(err("wss://x/a b"), TargetError::Whitespace { position: 10 });
        assert_eq!(err("   "), TargetError::Empty);
    }

    #[test]
    fn credentials_are_refused() {
        assert_eq!(err("wss://user:secret@x/ws"), TargetError::Credentials);
        assert!(!TargetError::Credentials.to_string().contains("secret"));
    }

    #[test]
    fn an_ipv6_zone_id_is_named_as_such() {
        for url in ["wss://[fe80::1%eth0]:8443/ws", "wss://[fe80::1%25eth0]/ws"] {
            assert!(
                matches!(
                    err(url),
                    TargetError::InvalidHost {
                        problem: HostProblem::ZoneId,
                        ..
                    }
                ),
                "{url}"
            );
        }
        assert!(
            err("wss://[fe80::1%eth0]/ws")
                .to_string()
                .contains("zone id")
        );
    }

    #[test]
    fn invalid_hosts_are_named() {
        let error = err("wss://exa<mple.com/");
        assert!(
            matches!(&error, TargetError::InvalidHost { host, .. } if host == "exa<mple.com"),
            "{error:?}"
        );
        assert!(matches!(
            err("wss://[::1/"),
            TargetError::InvalidHost { .. }
        ));
    }

    #[test]
    fn the_json_form_is_stable() {
        let json = serde_json::to_value(ok("wss://localhost:8443/ws")).expect("serialises");
        assert_eq!(
            json,
            serde_json::json!({
                "url": "wss://localhost:8443/ws",
                "scheme": "wss",
                "host": "localhost",
                "host_kind": "domain",
                "port": 8443,
                "default_port": false,
                "path": "/ws",
                "secure": true
            })
        );
    }
}
