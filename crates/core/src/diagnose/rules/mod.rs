//! Rules: small units that each read the [`Evidence`] and name what they
//! find, registered once in [`RULES`].
//!
//! A rule decides; it does not talk: it yields findings with a code and
//! typed facts, and the catalogue says them in the user's language. Every
//! code is produced by exactly one rule (a test holds it), each rule's tests
//! sit beside it and run from evidence alone, no server needed. A new
//! failure mode is a new rule here, with its words in `locales/*/findings.ftl`.

mod browser;
mod certificate;
mod http;
mod page;
mod proxy;
mod reach;
mod speech;
mod tls;
mod websocket;

#[cfg(test)]
pub(crate) mod fixtures;

use super::{Evidence, Timings};
use crate::finding::{Code, Finding};
use crate::probe::http::ResponseHead;
use crate::target::{HostKind, Scheme, Target};

/// One rule: the codes it may produce and the check itself.
#[derive(Debug)]
pub struct Rule {
    /// A short name, for tests and reports on the rules.
    pub name: &'static str,
    /// Every code the rule may produce; no other rule produces them.
    pub codes: &'static [Code],
    /// Reads the evidence (and the step timings) and yields findings.
    pub check: fn(&Evidence, &Timings) -> Vec<Finding>,
}

/// Every rule, in the order their findings are listed (within a severity).
pub static RULES: &[Rule] = &[
    page::MIXED_CONTENT,
    proxy::PROXY,
    proxy::UPGRADE_DROPPED,
    reach::DNS_UNRESOLVED,
    reach::TCP_REFUSED,
    reach::TCP_TIMEOUT,
    reach::TCP_FAILED,
    reach::SERVER_NOT_READY,
    reach::ADDRESS_FAMILY_MISMATCH,
    speech::TLS_TO_PLAIN_PORT,
    speech::PLAIN_TO_TLS_PORT,
    speech::NOT_HTTP,
    speech::SERVER_SILENT,
    speech::CONNECTION_CLOSED,
    speech::CONNECTION_RESET,
    speech::HEADERS_TOO_LARGE,
    tls::CLIENT_CERT_REQUIRED,
    tls::VERSION_TOO_OLD,
    tls::NO_SHARED_CIPHER,
    tls::HANDSHAKE_FAILED,
    certificate::UNREADABLE,
    certificate::TOO_LARGE,
    certificate::WEAK_KEY,
    certificate::WEAK_SIGNATURE,
    certificate::VALIDITY,
    certificate::HOSTNAME,
    certificate::CHAIN_VALIDITY,
    certificate::REJECTED,
    certificate::TRUST,
    certificate::REVOKED,
    certificate::NOT_RELOADED,
    certificate::INTERCEPTED,
    tls::LEGACY_VERSIONS,
    http::UPSTREAM_DOWN,
    http::REDIRECT,
    http::OK,
    http::HSTS_LOCALHOST,
    websocket::SWITCHED,
    websocket::IGNORED,
    websocket::AUTH_REQUIRED,
    websocket::FORBIDDEN,
    websocket::PATH_NOT_FOUND,
    websocket::REJECTED,
    websocket::SOCKJS_ENDPOINT,
    websocket::SOCKETIO_ENDPOINT,
    websocket::SUBPROTOCOL_REQUIRED,
    websocket::CLOSED_AT_ONCE,
    websocket::EXCHANGE,
    page::CORS,
    browser::BROWSER,
];

/// Every rule's findings, errors first, in rule order within a severity.
pub fn findings(evidence: &Evidence, timings: &Timings) -> Vec<Finding> {
    let mut findings: Vec<Finding> = RULES
        .iter()
        .flat_map(|rule| (rule.check)(evidence, timings))
        .collect();
    findings.sort_by_key(|f| f.severity);
    findings
}

/// The response the HTTP rules read: absent when a TLS server answered
/// plain HTTP with its own error page (the speech rules name that).
fn http_answer(evidence: &Evidence) -> Option<&ResponseHead> {
    let head = evidence.response.as_ref()?;
    let crossed = !evidence.target.secure && plain_to_tls_words(head).is_some();
    // nginx's answer to a missing client certificate is named by the TLS rules.
    let no_client_cert = head.body_start.contains(tls::NGINX_NO_CERTIFICATE);
    (!crossed && !no_client_cert).then_some(head)
}

/// The words of a TLS server's answer to plain HTTP (nginx, Tomcat, Go,
/// Apache httpd), when the response is one.
fn plain_to_tls_words(head: &ResponseHead) -> Option<&'static str> {
    const SIGNATURES: [&str; 4] = [
        "plain HTTP request was sent to HTTPS port",
        "This combination of host and port requires TLS",
        "Client sent an HTTP request to an HTTPS server",
        "speaking plain HTTP to an SSL-enabled server port",
    ];
    if head.status != 400 {
        return None;
    }
    SIGNATURES.into_iter().find(|s| head.body_start.contains(s))
}

/// What a server answered, quoted as sent: `“HTTP/1.1 400 Bad Request”
/// (Server: nginx/1.22.1)`, with the `WWW-Authenticate` challenge or the
/// body's first line when asked for.
fn answer(head: &ResponseHead, extra: Extra) -> String {
    let mut quoted = format!("“{}”", head.status_line);
    let mut headers = Vec::new();
    if let Some(server) = head.header("Server") {
        headers.push(format!("Server: {server}"));
    }
    if extra == Extra::Challenge
        && let Some(challenge) = head.header("WWW-Authenticate")
    {
        headers.push(format!("WWW-Authenticate: {challenge}"));
    }
    if !headers.is_empty() {
        quoted.push_str(&format!(" ({})", headers.join(", ")));
    }
    if extra == Extra::Body {
        let body = first_line(head.body_start.trim());
        if !body.is_empty() {
            quoted.push_str(&format!(" — “{body}”"));
        }
    }
    quoted
}

/// What [`answer`] quotes besides the status line and `Server`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Extra {
    None,
    Challenge,
    Body,
}

/// What a response body says, in one line: an HTML page's title, or the
/// first line of text.
fn first_line(text: &str) -> &str {
    let lower = text.to_ascii_lowercase();
    if let (Some(open), Some(close)) = (lower.find("<title>"), lower.find("</title>"))
        && open + 7 <= close
    {
        return text[open + 7..close].trim();
    }
    let line = text
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default()
        .trim();
    let mut end = line.len().min(160);
    while !line.is_char_boundary(end) {
        end -= 1;
    }
    &line[..end]
}

/// The same URL with the other security: wss ↔ ws, https ↔ http.
fn swapped(target: &Target) -> String {
    let other = match target.scheme {
        Scheme::Ws => Scheme::Wss,
        Scheme::Wss => Scheme::Ws,
        Scheme::Http => Scheme::Https,
        Scheme::Https => Scheme::Http,
    };
    url_with(target, other, &target.path)
}

/// The URL an HTTP client uses for the same endpoint: ws → http, wss → https.
fn http_url(target: &Target, path: &str) -> String {
    let scheme = if target.secure {
        Scheme::Https
    } else {
        Scheme::Http
    };
    url_with(target, scheme, path)
}

/// The target's host and port with another scheme and path.
fn url_with(target: &Target, other: Scheme, path: &str) -> String {
    let port = if target.default_port {
        String::new()
    } else {
        format!(":{}", target.port)
    };
    let host = match target.host_kind {
        HostKind::Ipv6 => format!("[{}]", target.host),
        _ => target.host.clone(),
    };
    format!("{other}://{host}{port}{path}")
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    #[test]
    fn every_code_is_produced_by_exactly_one_rule_or_log_signature() {
        let mut owners: HashMap<Code, Vec<&str>> = HashMap::new();
        for rule in RULES {
            for code in rule.codes {
                owners.entry(*code).or_default().push(rule.name);
            }
        }
        for signature in crate::logs::SIGNATURES {
            for code in signature.codes {
                owners.entry(*code).or_default().push("log signature");
            }
        }
        for code in Code::ALL {
            let found = owners.get(code).map(Vec::as_slice).unwrap_or_default();
            assert_eq!(found.len(), 1, "{code} is produced by {found:?}");
        }
    }

    #[test]
    fn rules_produce_only_their_own_codes_on_every_fixture() {
        for (name, evidence, timings) in fixtures::all() {
            for rule in RULES {
                for finding in (rule.check)(&evidence, &timings) {
                    assert!(
                        rule.codes.contains(&finding.code),
                        "rule {} produced {} on fixture {name}",
                        rule.name,
                        finding.code
                    );
                }
            }
        }
    }

    #[test]
    fn answers_quote_the_status_line_and_server() {
        let head = fixtures::head(
            "HTTP/1.1 400 Bad Request",
            &[("Server", "nginx/1.22.1")],
            "<html><head><title>400 The plain HTTP request was sent to HTTPS port</title>",
        );
        assert_eq!(
            answer(&head, Extra::None),
            "“HTTP/1.1 400 Bad Request” (Server: nginx/1.22.1)"
        );
        assert_eq!(
            answer(&head, Extra::Body),
            "“HTTP/1.1 400 Bad Request” (Server: nginx/1.22.1) — “400 The plain HTTP request was sent to HTTPS port”"
        );
        assert_eq!(
            plain_to_tls_words(&head),
            Some("plain HTTP request was sent to HTTPS port")
        );
    }
}
