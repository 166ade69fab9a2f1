//! The WebSocket upgrade: switched (rightly or not), or answered with a
//! status that names the cause.

use super::{Extra, Rule, answer, first_line, http_answer, http_url, url_with};
use crate::diagnose::{Evidence, Timings};
use crate::exchange::CheckFailure;
use crate::finding::{Code, Finding};
use crate::i18n::Fact;
use crate::probe::http::ResponseHead;
use crate::probe::ws;
use crate::target::Target;

/// The greeting of a SockJS endpoint's base URL (the SockJS project's
/// server and Spring's `.withSockJS()` send the same).
const SOCKJS_WELCOME: &str = "Welcome to SockJS!";

/// Engine.IO's refusals of a request without its query (Socket.IO's server),
/// as plain text to an upgrade and as JSON to a GET.
const ENGINE_IO_REFUSALS: [&str; 2] = ["Transport unknown", "Unsupported protocol version"];

/// The close code graphql-ws (and others after it) sends when the client
/// offered none of its subprotocols.
const SUBPROTOCOL_NOT_ACCEPTABLE: u16 = 4406;

/// The upgrade's answer, for WebSocket targets only.
fn upgrade_answer(evidence: &Evidence) -> Option<&ResponseHead> {
    if !evidence.target.scheme.is_websocket() {
        return None;
    }
    http_answer(evidence)
}

/// 101 Switching Protocols: with the right accept value, or not.
pub(super) const SWITCHED: Rule = Rule {
    name: "ws-switched",
    codes: &[Code::WsOk, Code::WsAcceptMismatch],
    check: switched,
};

fn switched(evidence: &Evidence, timings: &Timings) -> Vec<Finding> {
    let Some(head) = upgrade_answer(evidence).filter(|h| h.status == 101) else {
        return Vec::new();
    };
    let expected = ws::accept_for(evidence.ws_key.as_deref().unwrap_or_default());
    let accept = head
        .header("Sec-WebSocket-Accept")
        .unwrap_or_default()
        .trim();
    if accept != expected {
        return vec![
            Finding::error(Code::WsAcceptMismatch)
                .with("status_line", &head.status_line)
                .with("accept", accept)
                .with("expected", expected),
        ];
    }
    let elapsed = [timings.dns, timings.tcp, timings.tls, timings.http]
        .iter()
        .flatten()
        .sum::<f64>();
    let finding = Finding::info(Code::WsOk)
        .with("url", &evidence.target.url)
        .with("status_line", &head.status_line)
        .with("elapsed_ms", Fact::tenths(elapsed))
        .with(
            "subprotocol",
            head.header("Sec-WebSocket-Protocol").unwrap_or("none"),
        );
    vec![match &evidence.tls {
        Some(tls) => finding
            .with("transport", "tls")
            .with("tls_version", &tls.version)
            .with("tls_cipher", &tls.cipher),
        None => finding.with("transport", "plain"),
    }]
}

/// An ordinary 2xx answer to an upgrade.
pub(super) const IGNORED: Rule = Rule {
    name: "ws-upgrade-ignored",
    codes: &[Code::WsUpgradeIgnored],
    check: ignored,
};

fn ignored(evidence: &Evidence, _: &Timings) -> Vec<Finding> {
    let Some(head) = upgrade_answer(evidence).filter(|h| (200..=299).contains(&h.status)) else {
        return Vec::new();
    };
    if is_sockjs_endpoint(evidence, head) {
        return Vec::new();
    }
    vec![Finding::error(Code::WsUpgradeIgnored).with("answer", answer(head, Extra::None))]
}

/// 401: credentials wanted.
pub(super) const AUTH_REQUIRED: Rule = Rule {
    name: "ws-auth-required",
    codes: &[Code::WsAuthRequired],
    check: auth_required,
};

fn auth_required(evidence: &Evidence, _: &Timings) -> Vec<Finding> {
    let Some(head) = upgrade_answer(evidence).filter(|h| h.status == 401) else {
        return Vec::new();
    };
    if origin_refused(evidence, head) {
        return Vec::new();
    }
    vec![Finding::error(Code::WsAuthRequired).with("answer", answer(head, Extra::Challenge))]
}

/// Whether the upgrade was refused for its Origin, whatever the status
/// said: the same upgrade without an Origin header went through (or, for a
/// 403, got another answer).
fn origin_refused(evidence: &Evidence, head: &ResponseHead) -> bool {
    let Some(other) = evidence.status_without_origin else {
        return false;
    };
    evidence.origin.is_some()
        && match head.status {
            403 => other != 403,
            400 | 401 => other == 101,
            _ => false,
        }
}

/// A refusal for the page's Origin (whatever its status: Spring answers
/// 403, Node's `ws` 401), or a 403 whatever the Origin.
pub(super) const FORBIDDEN: Rule = Rule {
    name: "ws-forbidden",
    codes: &[Code::WsOriginForbidden, Code::WsForbidden],
    check: forbidden,
};

fn forbidden(evidence: &Evidence, _: &Timings) -> Vec<Finding> {
    let Some(head) = upgrade_answer(evidence).filter(|h| matches!(h.status, 400 | 401 | 403))
    else {
        return Vec::new();
    };
    match (&evidence.origin, evidence.status_without_origin) {
        (Some(origin), Some(other)) if origin_refused(evidence, head) => vec![
            Finding::error(Code::WsOriginForbidden)
                .with("origin", origin)
                .with("status_line", &head.status_line)
                .with("status_without_origin", other),
        ],
        _ if head.status != 403 => Vec::new(),
        (origin, _) => vec![
            Finding::error(Code::WsForbidden)
                .with("answer", answer(head, Extra::None))
                .with("origin_sent", if origin.is_some() { "yes" } else { "no" })
                .with("asgi", if is_asgi_server(head) { "yes" } else { "no" }),
        ],
    }
}

/// Whether the answer comes from a Python ASGI server (uvicorn on the
/// websockets library, uvicorn on wsproto, hypercorn): those answer 403
/// both to a path no WebSocket route matches and to an application that
/// closes before accepting.
fn is_asgi_server(head: &ResponseHead) -> bool {
    head.header("Server").is_some_and(|server| {
        let server = server.to_ascii_lowercase();
        ["websockets/", "uvicorn", "hypercorn"]
            .iter()
            .any(|name| server.contains(name))
    })
}

/// 404: nothing at the path.
pub(super) const PATH_NOT_FOUND: Rule = Rule {
    name: "ws-path-not-found",
    codes: &[Code::WsPathNotFound],
    check: path_not_found,
};

fn path_not_found(evidence: &Evidence, _: &Timings) -> Vec<Finding> {
    let Some(head) = upgrade_answer(evidence).filter(|h| h.status == 404) else {
        return Vec::new();
    };
    vec![
        Finding::error(Code::WsPathNotFound)
            .with("path", &evidence.target.path)
            .with("answer", answer(head, Extra::None)),
    ]
}

/// Any other refusal of the upgrade (400, 426, 505, an endless 100…).
pub(super) const REJECTED: Rule = Rule {
    name: "ws-upgrade-rejected",
    codes: &[Code::WsUpgradeRejected],
    check: rejected,
};

fn rejected(evidence: &Evidence, _: &Timings) -> Vec<Finding> {
    let Some(head) = upgrade_answer(evidence) else {
        return Vec::new();
    };
    let named_elsewhere = matches!(head.status, 101 | 200..=399 | 401 | 403 | 404 | 502..=504)
        || origin_refused(evidence, head)
        || is_sockjs_endpoint(evidence, head)
        || engine_io_refusal(head).is_some()
        || mentions_subprotocol(head);
    if named_elsewhere {
        return Vec::new();
    }
    vec![
        Finding::error(Code::WsUpgradeRejected)
            .with("status", head.status)
            .with("answer", answer(head, Extra::Body)),
    ]
}

/// A SockJS endpoint's base URL: its greeting, or its `/info` document.
fn is_sockjs_endpoint(evidence: &Evidence, head: &ResponseHead) -> bool {
    let greeting = (200..=299).contains(&head.status)
        && head.body_start.trim_start().starts_with(SOCKJS_WELCOME);
    greeting || evidence.sockjs_info
}

/// Engine.IO's words, when the answer is its refusal.
fn engine_io_refusal(head: &ResponseHead) -> Option<&'static str> {
    if head.status != 400 {
        return None;
    }
    let body = head.body_start.trim();
    ENGINE_IO_REFUSALS
        .into_iter()
        .find(|words| body == *words || body.contains(&format!("\"message\":\"{words}\"")))
}

/// A refusal whose body names the subprotocol header.
fn mentions_subprotocol(head: &ResponseHead) -> bool {
    let body = head.body_start.to_ascii_lowercase();
    matches!(head.status, 400 | 426)
        && (body.contains("subprotocol") || body.contains("sec-websocket-protocol"))
}

/// A SockJS endpoint's base URL, upgraded as if it were a WebSocket.
pub(super) const SOCKJS_ENDPOINT: Rule = Rule {
    name: "ws-sockjs-endpoint",
    codes: &[Code::WsSockjsEndpoint],
    check: sockjs_endpoint,
};

fn sockjs_endpoint(evidence: &Evidence, _: &Timings) -> Vec<Finding> {
    let Some(head) = upgrade_answer(evidence) else {
        return Vec::new();
    };
    if !is_sockjs_endpoint(evidence, head) {
        return Vec::new();
    }
    let target = &evidence.target;
    let base = target.path.trim_end_matches('/');
    let websocket = format!("{base}/websocket");
    vec![
        Finding::error(Code::WsSockjsEndpoint)
            .with("url", &target.url)
            .with("websocket_url", url_with(target, target.scheme, &websocket))
            .with(
                "sockjs_url",
                http_url(target, if base.is_empty() { "/" } else { base }),
            ),
    ]
}

/// A Socket.IO (Engine.IO) server refusing a plain WebSocket upgrade.
pub(super) const SOCKETIO_ENDPOINT: Rule = Rule {
    name: "ws-socketio-endpoint",
    codes: &[Code::WsSocketioEndpoint],
    check: socketio_endpoint,
};

fn socketio_endpoint(evidence: &Evidence, _: &Timings) -> Vec<Finding> {
    let Some((head, words)) =
        upgrade_answer(evidence).and_then(|h| Some((h, engine_io_refusal(h)?)))
    else {
        return Vec::new();
    };
    let target = &evidence.target;
    let path = socketio_path(target);
    vec![
        Finding::error(Code::WsSocketioEndpoint)
            .with("status_line", &head.status_line)
            .with("words", words)
            .with("path", &path)
            .with("client_url", http_url(target, "/"))
            .with("check_url", url_with(target, target.scheme, &path)),
    ]
}

/// The Engine.IO path a client must use: the URL's own (without its query),
/// or Socket.IO's default.
fn socketio_path(target: &Target) -> String {
    let path = target.path.split('?').next().unwrap_or_default();
    match path.trim_end_matches('/') {
        "" => "/socket.io/".to_owned(),
        path => format!("{path}/"),
    }
}

/// Whether a close right after the upgrade is about the subprotocol:
/// graphql-ws's 4406, or words naming it ("Sec-WebSocket-Protocol chat.v1
/// required", "Subprotocol not acceptable").
fn about_subprotocol(close: &ws::CloseSeen) -> bool {
    let reason = close.reason.to_ascii_lowercase();
    close.code == SUBPROTOCOL_NOT_ACCEPTABLE
        || (close.code != 1000
            && (reason.contains("subprotocol") || reason.contains("sec-websocket-protocol")))
}

/// The server accepted the upgrade and closed the WebSocket on its own at
/// once (a token it wanted, a policy, a crash), for a reason other than
/// the subprotocol: the handshake worked, the connection does not.
pub(super) const CLOSED_AT_ONCE: Rule = Rule {
    name: "ws-closed-at-once",
    codes: &[Code::WsClosedAtOnce],
    check: closed_at_once,
};

fn closed_at_once(evidence: &Evidence, _: &Timings) -> Vec<Finding> {
    // A failed check's own exchange says what happened after the upgrade
    // more exactly (and whether the server's close or ours came first is
    // a race its diagnosis need not run again).
    if evidence.exchange.is_some() || upgrade_answer(evidence).is_none_or(|head| head.status != 101)
    {
        return Vec::new();
    }
    let Some(after) = evidence.after_upgrade.as_ref() else {
        return Vec::new();
    };
    // Our close 1000 goes out right after the 101: a server answering it
    // echoes 1000 (or sends no code, 1005); any other code is its own.
    let Some(close) = after
        .close
        .as_ref()
        .filter(|close| after.server_closed_first || !matches!(close.code, 1000 | 1005))
    else {
        return Vec::new();
    };
    if about_subprotocol(close) {
        return Vec::new();
    }
    vec![
        Finding::error(Code::WsClosedAtOnce)
            .with("code", close.code)
            .with("reason", &close.reason)
            .with(
                "has_reason",
                if close.reason.is_empty() { "no" } else { "yes" },
            ),
    ]
}

/// A subprotocol wanted and not offered, or chosen and not offered.
pub(super) const SUBPROTOCOL_REQUIRED: Rule = Rule {
    name: "ws-subprotocol-required",
    codes: &[Code::WsSubprotocolRequired],
    check: subprotocol_required,
};

fn subprotocol_required(evidence: &Evidence, _: &Timings) -> Vec<Finding> {
    let Some(head) = upgrade_answer(evidence) else {
        return Vec::new();
    };
    let offered = &evidence.subprotocols_offered;
    let finding = |how: &str| {
        Finding::error(Code::WsSubprotocolRequired)
            .with("how", how)
            .with(
                "offered",
                if offered.is_empty() {
                    "none".to_owned()
                } else {
                    offered.join(", ")
                },
            )
    };
    if head.status == 101 {
        if let Some(chosen) = head.header("Sec-WebSocket-Protocol")
            && !offered.iter().any(|o| o == chosen.trim())
        {
            return vec![finding("unoffered").with("chosen", chosen.trim())];
        }
        let Some(close) = evidence
            .after_upgrade
            .as_ref()
            .and_then(|a| a.close.as_ref())
        else {
            return Vec::new();
        };
        return if about_subprotocol(close) {
            vec![
                finding("closed")
                    .with("code", close.code)
                    .with("reason", &close.reason),
            ]
        } else {
            Vec::new()
        };
    }
    if mentions_subprotocol(head) {
        return vec![
            finding("refused")
                .with("status_line", &head.status_line)
                .with("words", first_line(head.body_start.trim())),
        ];
    }
    Vec::new()
}

/// What `check`'s exchange after the upgrade ended in: no answer, a close,
/// or the protocol's refusal.
pub(super) const EXCHANGE: Rule = Rule {
    name: "ws-exchange",
    codes: &[
        Code::WsNoAnswer,
        Code::WsClosedByServer,
        Code::WsProtocolRefused,
        Code::ProxyIdleTimeout,
    ],
    check: exchange,
};

/// Idle timeouts of the proxies and load balancers WebSockets most often
/// cross, by their defaults (seconds): a close after as long is theirs.
const KNOWN_IDLE_TIMEOUTS: [(&str, f64); 10] = [
    ("Google Cloud load balancer backend timeout (30 s)", 30.0),
    // Debian's and the upstream example haproxy.cfg; without `timeout
    // tunnel` it also ends upgraded connections.
    ("HAProxy timeout client/server (50 s)", 50.0),
    ("Heroku router (55 s)", 55.0),
    ("nginx proxy_read_timeout (60 s)", 60.0),
    ("Apache ProxyTimeout, which follows Timeout (60 s)", 60.0),
    ("lighttpd server.max-read-idle (60 s)", 60.0),
    ("AWS ALB idle timeout (60 s)", 60.0),
    // uvicorn pings every 20 s and closes (1011) a client silent 20 s more.
    (
        "uvicorn's keepalive ping (20 s, then 20 s for the pong)",
        40.0,
    ),
    ("Cloudflare (100 s)", 100.0),
    ("Azure Load Balancer idle timeout (4 min)", 240.0),
];

/// The known idle timeouts within a few seconds of `after_s`.
fn matching_idle_timeouts(after_s: f64) -> Vec<String> {
    KNOWN_IDLE_TIMEOUTS
        .iter()
        .filter(|(_, seconds)| (after_s - seconds).abs() <= 3.0)
        .map(|(name, _)| (*name).to_owned())
        .collect()
}

/// What brokers and frameworks say when they refuse a STOMP CONNECT, by
/// what they refuse: a login, or the virtual host the `host` header named.
const REFUSALS: [(&str, &str); 5] = [
    // RabbitMQ: "Virtual host '127.0.0.1' access denied".
    ("virtual host", "vhost"),
    // RabbitMQ: "Access refused for user 'guest'".
    ("access refused for user", "login"),
    // ActiveMQ: "User name [guest] or password is invalid."
    ("password is invalid", "login"),
    // Spring Security's BadCredentialsException.
    ("bad credentials", "login"),
    ("authentication failed", "login"),
];

/// Which refusal `words` (the server's message and details) name.
fn refusal(words: &[&String]) -> &'static str {
    let words = words
        .iter()
        .map(|text| text.to_lowercase())
        .collect::<Vec<_>>()
        .join("\n");
    REFUSALS
        .iter()
        .find(|(said, _)| words.contains(said))
        .map_or("other", |(_, kind)| kind)
}

fn exchange(evidence: &Evidence, _: &Timings) -> Vec<Finding> {
    let Some(exchange) = &evidence.exchange else {
        return Vec::new();
    };
    let protocol = exchange.protocol.as_str();
    // A close's code and reason, as the close findings cite them.
    let closed = |code: Code, close: u16, reason: &str| {
        Finding::error(code)
            .with("protocol", protocol)
            .with("code", close)
            .with("reason", reason)
            .with("has_reason", if reason.is_empty() { "no" } else { "yes" })
    };
    let finding = match &exchange.failure {
        CheckFailure::NoAnswer { timeout_s, sent } => Finding::error(Code::WsNoAnswer)
            .with("protocol", protocol)
            .with("timeout_s", *timeout_s)
            .with("sent", sent),
        CheckFailure::ClosedWebSocket { code, reason } => {
            closed(Code::WsClosedByServer, *code, reason)
        }
        // No close frame: what browsers report as 1006.
        CheckFailure::Closed | CheckFailure::Connection { .. } | CheckFailure::Send { .. } => {
            closed(Code::WsClosedByServer, 1006, "")
        }
        CheckFailure::ProtocolRefused {
            protocol,
            message,
            detail,
        } => Finding::error(Code::WsProtocolRefused)
            .with("how", "refused")
            .with("protocol", protocol.as_str())
            .with("words", message)
            .with("detail", detail)
            .with("has_detail", if detail.is_empty() { "no" } else { "yes" })
            .with("refusal", refusal(&[message, detail])),
        CheckFailure::NotThisProtocol { protocol, answer } => {
            Finding::error(Code::WsProtocolRefused)
                .with("how", "other")
                .with("protocol", protocol.as_str())
                .with("words", answer)
        }
        CheckFailure::IdleClosed {
            after_s,
            code,
            reason,
            pinged,
        } => {
            let matches = matching_idle_timeouts(*after_s);
            closed(Code::ProxyIdleTimeout, *code, reason)
                .with("after_s", Fact::tenths(*after_s))
                .with("pinged", if *pinged { "yes" } else { "no" })
                .with("matched", if matches.is_empty() { "no" } else { "yes" })
                .with("matches", matches)
        }
        CheckFailure::TooLarge { limit_kib } => Finding::error(Code::WsProtocolRefused)
            .with("how", "too-large")
            .with("protocol", protocol)
            .with("words", format!("{limit_kib} KiB")),
        _ => return Vec::new(),
    };
    vec![finding]
}

#[cfg(test)]
mod tests {
    use super::super::fixtures;
    use super::*;

    /// RabbitMQ says "Bad CONNECT" for both; its ERROR body tells a refused
    /// login from a refused virtual host.
    #[test]
    fn a_stomp_refusal_is_named_by_what_the_broker_refused() {
        for (name, refusal) in [
            ("ws-protocol-refused", "other"),
            ("ws-protocol-refused/login", "login"),
            ("ws-protocol-refused/vhost", "vhost"),
        ] {
            let found = exchange(&fixtures::named(name), &Timings::default());
            assert_eq!(found[0].facts.text("refusal"), Some(refusal), "{name}");
        }
    }

    #[test]
    fn a_refusal_that_passes_without_origin_is_the_origin_whatever_its_status() {
        let evidence = fixtures::named("ws-origin-forbidden/401");
        let found = forbidden(&evidence, &Timings::default());
        assert_eq!(found[0].code, Code::WsOriginForbidden);
        assert_eq!(found[0].facts.whole("status_without_origin"), Some(101));
        assert!(auth_required(&evidence, &Timings::default()).is_empty());
        // A 401 that stays 401 without Origin wants credentials.
        let mut credentials = evidence.clone();
        credentials.status_without_origin = Some(401);
        assert!(forbidden(&credentials, &Timings::default()).is_empty());
        assert_eq!(auth_required(&credentials, &Timings::default()).len(), 1);
    }

    #[test]
    fn a_close_right_after_the_upgrade_is_named_unless_it_is_the_subprotocols() {
        let evidence = fixtures::by_code(Code::WsClosedAtOnce);
        let found = closed_at_once(&evidence, &Timings::default());
        assert_eq!(found[0].facts.whole("code"), Some(1008));
        assert!(subprotocol_required(&evidence, &Timings::default()).is_empty());
        // Node's `ws` application wanting its subprotocol: 1002 and words.
        let mut subprotocol = evidence.clone();
        if let Some(close) = subprotocol
            .after_upgrade
            .as_mut()
            .and_then(|after| after.close.as_mut())
        {
            close.code = 1002;
            close.reason = "Sec-WebSocket-Protocol chat.v1 required".into();
        }
        assert!(closed_at_once(&subprotocol, &Timings::default()).is_empty());
        let found = subprotocol_required(&subprotocol, &Timings::default());
        assert_eq!(found[0].facts.text("how"), Some("closed"));
        // Our close 1000 echoed: nothing to say; its own code, after ours
        // went out, is still the server's.
        let mut answered = evidence;
        if let Some(after) = answered.after_upgrade.as_mut() {
            after.server_closed_first = false;
        }
        assert_eq!(closed_at_once(&answered, &Timings::default()).len(), 1);
        if let Some(close) = answered
            .after_upgrade
            .as_mut()
            .and_then(|after| after.close.as_mut())
        {
            close.code = 1000;
            close.reason.clear();
        }
        assert!(closed_at_once(&answered, &Timings::default()).is_empty());
    }

    #[test]
    fn an_idle_close_is_matched_with_the_known_timeouts() {
        assert_eq!(
            matching_idle_timeouts(60.4),
            [
                "nginx proxy_read_timeout (60 s)",
                "Apache ProxyTimeout, which follows Timeout (60 s)",
                "lighttpd server.max-read-idle (60 s)",
                "AWS ALB idle timeout (60 s)"
            ]
        );
        assert_eq!(
            matching_idle_timeouts(50.2),
            ["HAProxy timeout client/server (50 s)"]
        );
        assert_eq!(matching_idle_timeouts(101.0), ["Cloudflare (100 s)"]);
        assert!(matching_idle_timeouts(2.0).is_empty());
    }

    #[test]
    fn a_correct_accept_is_ws_ok_with_the_tls_facts() {
        let found = switched(&fixtures::by_code(Code::WsOk), &fixtures::timings());
        assert_eq!(found[0].code, Code::WsOk);
        assert_eq!(found[0].facts.text("tls_version"), Some("TLSv1.3"));
        assert_eq!(found[0].facts.get("elapsed_ms"), Some(&Fact::Decimal(3.2)));
    }

    #[test]
    fn a_wrong_accept_is_named() {
        let found = switched(
            &fixtures::by_code(Code::WsAcceptMismatch),
            &Timings::default(),
        );
        assert_eq!(found[0].code, Code::WsAcceptMismatch);
        assert_eq!(found[0].facts.text("accept"), Some("bogus"));
    }

    #[test]
    fn an_origin_check_is_told_from_a_plain_refusal() {
        let mut evidence = fixtures::by_code(Code::WsOriginForbidden);
        assert_eq!(
            forbidden(&evidence, &Timings::default())[0].code,
            Code::WsOriginForbidden
        );
        evidence.status_without_origin = Some(403);
        let found = forbidden(&evidence, &Timings::default());
        assert_eq!(found[0].code, Code::WsForbidden);
        assert_eq!(found[0].facts.text("origin_sent"), Some("yes"));
    }

    #[test]
    fn a_rejection_quotes_the_body() {
        let found = rejected(
            &fixtures::by_code(Code::WsUpgradeRejected),
            &Timings::default(),
        );
        assert_eq!(
            found[0].facts.text("answer"),
            Some("“HTTP/1.1 400 Bad Request” — “Can \"Upgrade\" only to \"WebSocket\".”")
        );
    }
}
