//! The proxy on the way, when one is: it cannot be reached, it wants
//! credentials, it refuses the tunnel, or it cannot reach the target; and
//! whether it carries a `ws://` upgrade for clients that do not tunnel.

use super::{Rule, first_line};
use crate::diagnose::{Evidence, Timings};
use crate::finding::{Code, Finding};
use crate::probe::http::ResponseFailure;
use crate::probe::tunnel::{Forwarded, ProxyFailure, TunnelFailure, Unreachable};
use crate::proxy::Route;

/// Every way the proxy itself fails.
pub(super) const PROXY: Rule = Rule {
    name: "proxy",
    codes: &[
        Code::ProxyUnreachable,
        Code::ProxyAuthRequired,
        Code::ProxyTunnelRefused,
        Code::ProxyTargetFailed,
    ],
    check: proxy,
};

fn proxy(evidence: &Evidence, _: &Timings) -> Vec<Finding> {
    let (
        Some(Route::Proxy {
            proxy,
            from,
            authenticated,
            ..
        }),
        Some(failure),
    ) = (&evidence.route, &evidence.proxy_failure)
    else {
        return Vec::new();
    };
    let from = from.name();
    let target = &evidence.target;
    let authority = format!("{}:{}", target.host, target.port);
    let finding = |code| {
        Finding::error(code)
            .with("proxy", proxy)
            .with("from", from)
            .with("authority", &authority)
    };
    let answer = match failure {
        ProxyFailure::Unresolved { .. } => {
            return vec![finding(Code::ProxyUnreachable).with("how", "dns")];
        }
        ProxyFailure::Unreachable { how } => {
            let how = match how {
                Unreachable::Refused => "refused",
                Unreachable::TimedOut => "timeout",
                Unreachable::Failed { .. } => "failed",
            };
            return vec![finding(Code::ProxyUnreachable).with("how", how)];
        }
        // Accepted and silent: a proxy is still resolving or dialling the
        // target (Squid tries DNS for 30 s by default).
        ProxyFailure::Tunnel {
            failure:
                TunnelFailure::NoAnswer {
                    failure: ResponseFailure::Silent,
                },
        } => {
            return vec![
                finding(Code::ProxyTargetFailed)
                    .with("how", "silent")
                    .with("timeout_s", evidence.timeout_s()),
            ];
        }
        ProxyFailure::Tunnel {
            failure: TunnelFailure::NoAnswer { .. },
        } => return vec![finding(Code::ProxyUnreachable).with("how", "no-answer")],
        ProxyFailure::Tunnel {
            failure: TunnelFailure::Refused { answer },
        } => answer,
    };
    let words = page_words(&answer.body_start);
    let with_answer = |code| {
        finding(code)
            .with("status", answer.status)
            .with("status_line", &answer.status_line)
            .with("words", words)
            .with("has_words", if words.is_empty() { "no" } else { "yes" })
    };
    match answer.status {
        407 => {
            let offered: Vec<String> = answer
                .headers
                .iter()
                .filter(|(name, _)| name.eq_ignore_ascii_case("Proxy-Authenticate"))
                .map(|(_, value)| value.clone())
                .collect();
            let schemes: Vec<&str> = offered
                .iter()
                .filter_map(|value| value.split_whitespace().next())
                .collect();
            let realm = offered
                .iter()
                .find_map(|value| value.split_once("realm=").map(|(_, realm)| realm))
                .map(|realm| realm.trim_matches('"').to_owned())
                .unwrap_or_default();
            let basic = schemes.iter().any(|s| s.eq_ignore_ascii_case("Basic"));
            vec![
                with_answer(Code::ProxyAuthRequired)
                    .with(
                        "schemes",
                        if schemes.is_empty() {
                            "none".to_owned()
                        } else {
                            schemes.join(", ")
                        },
                    )
                    .with("realm", &realm)
                    .with("has_realm", if realm.is_empty() { "no" } else { "yes" })
                    .with("sent", if *authenticated { "yes" } else { "no" })
                    .with("basic", if basic { "yes" } else { "no" }),
            ]
        }
        502..=504 => vec![with_answer(Code::ProxyTargetFailed).with("how", "answered")],
        _ => {
            // Squid's default: `http_access deny CONNECT !SSL_ports`.
            let squid_ports = answer
                .header("X-Squid-Error")
                .is_some_and(|error| error.starts_with("ERR_ACCESS_DENIED"))
                && target.port != 443;
            vec![
                with_answer(Code::ProxyTunnelRefused)
                    .with("port", target.port)
                    .with("scheme", target.scheme.as_str())
                    .with("squid_ports", if squid_ports { "yes" } else { "no" }),
            ]
        }
    }
}

/// A `ws://` upgrade that switched through the tunnel and not when sent
/// to the proxy as an ordinary request: the proxy drops `Upgrade`, so
/// every client that forwards instead of tunnelling fails.
pub(super) const UPGRADE_DROPPED: Rule = Rule {
    name: "proxy-upgrade-dropped",
    codes: &[Code::ProxyUpgradeDropped],
    check: upgrade_dropped,
};

fn upgrade_dropped(evidence: &Evidence, _: &Timings) -> Vec<Finding> {
    let (Some(Route::Proxy { proxy, from, .. }), Some(forwarded)) =
        (&evidence.route, &evidence.forwarded)
    else {
        return Vec::new();
    };
    let finding = Finding::warning(Code::ProxyUpgradeDropped)
        .with("proxy", proxy)
        .with("from", from.name())
        .with("url", evidence.target.to_string());
    match forwarded {
        Forwarded::Switched => Vec::new(),
        Forwarded::Answered { answer } => {
            let via = answer.header("Via").unwrap_or_default();
            vec![
                finding
                    .with("how", "answered")
                    .with("status_line", &answer.status_line)
                    .with("via", via)
                    .with("has_via", if via.is_empty() { "no" } else { "yes" }),
            ]
        }
        Forwarded::NoAnswer { waited_ms, .. } => {
            vec![finding.with("how", "silent").with("waited_ms", *waited_ms)]
        }
    }
}

/// An error page's words: its `<title>`, else its first line — none when
/// that line is markup (an untitled HTML page).
fn page_words(body: &str) -> &str {
    let words = first_line(body);
    if words.starts_with('<') { "" } else { words }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures;
    use super::*;

    #[test]
    fn each_proxy_failure_is_named() {
        for (name, code) in [
            ("proxy-unreachable", Code::ProxyUnreachable),
            ("proxy-auth-required", Code::ProxyAuthRequired),
            ("proxy-tunnel-refused", Code::ProxyTunnelRefused),
            ("proxy-target-failed", Code::ProxyTargetFailed),
        ] {
            let found = proxy(&fixtures::named(name), &Timings::default());
            assert_eq!(found.len(), 1, "{name}");
            assert_eq!(found[0].code, code, "{name}");
        }
        let found = proxy(&fixtures::named("proxy-auth-required"), &Timings::default());
        assert_eq!(found[0].facts.text("schemes"), Some("Basic"));
        assert_eq!(found[0].facts.text("realm"), Some("Corporate proxy"));
        let found = proxy(
            &fixtures::named("proxy-tunnel-refused"),
            &Timings::default(),
        );
        assert_eq!(found[0].facts.text("squid_ports"), Some("yes"));
        assert_eq!(
            found[0].facts.text("words"),
            Some("ERROR: The requested URL could not be retrieved")
        );
    }

    #[test]
    fn a_dropped_upgrade_is_named_only_when_the_forwarded_one_did_not_switch() {
        let mut evidence = fixtures::named("proxy-upgrade-dropped");
        let found = upgrade_dropped(&evidence, &Timings::default());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].facts.text("how"), Some("answered"));
        assert_eq!(
            found[0].facts.text("via"),
            Some("1.1 proxy.corp (squid/5.7)")
        );
        assert_eq!(found[0].facts.text("from"), Some("http_proxy"));
        let found = upgrade_dropped(
            &fixtures::named("proxy-upgrade-dropped/silent"),
            &Timings::default(),
        );
        assert_eq!(found[0].facts.text("how"), Some("silent"));
        evidence.forwarded = Some(Forwarded::Switched);
        assert!(upgrade_dropped(&evidence, &Timings::default()).is_empty());
        evidence.forwarded = None;
        assert!(upgrade_dropped(&evidence, &Timings::default()).is_empty());
    }
}
