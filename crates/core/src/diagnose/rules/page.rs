//! The page that opens the connection (`--origin`): mixed content and CORS.

use super::{Rule, swapped};
use crate::diagnose::{Evidence, Timings};
use crate::finding::{Code, Finding};

/// An https page opening an unencrypted endpoint. Browsers block it before
/// a packet is sent, except to loopback, which they treat as potentially
/// trustworthy (W3C Secure Contexts): Chromium and Firefox open
/// `ws://localhost` and `ws://127.0.0.1` from an https page, so there it
/// works today and fails once deployed — a warning, not an error.
pub(super) const MIXED_CONTENT: Rule = Rule {
    name: "mixed-content",
    codes: &[Code::MixedContent],
    check: mixed_content,
};

fn mixed_content(evidence: &Evidence, _: &Timings) -> Vec<Finding> {
    let target = &evidence.target;
    let Some(origin) = &evidence.origin else {
        return Vec::new();
    };
    let page_is_secure = origin
        .get(..6)
        .is_some_and(|s| s.eq_ignore_ascii_case("https:"));
    if !page_is_secure || target.secure {
        return Vec::new();
    }
    let finding = if target.is_loopback() {
        Finding::warning(Code::MixedContent).with("blocked", "no")
    } else {
        Finding::error(Code::MixedContent).with("blocked", "yes")
    };
    vec![
        finding
            .with("origin", origin)
            .with("host", &target.host)
            .with("url", &target.url)
            .with(
                "kind",
                if target.scheme.is_websocket() {
                    "websocket"
                } else {
                    "fetch"
                },
            )
            .with("secure_url", swapped(target)),
    ]
}

/// The CORS preflight's answer for the page's origin.
pub(super) const CORS: Rule = Rule {
    name: "cors",
    codes: &[Code::CorsMissing, Code::CorsOriginMismatch],
    check: cors,
};

fn cors(evidence: &Evidence, _: &Timings) -> Vec<Finding> {
    let (Some(origin), Some(head)) = (&evidence.origin, &evidence.preflight) else {
        return Vec::new();
    };
    let wanted = origin.trim_end_matches('/');
    match head.header("Access-Control-Allow-Origin").map(str::trim) {
        None => vec![
            Finding::error(Code::CorsMissing)
                .with("origin", wanted)
                .with("status_line", &head.status_line),
        ],
        Some("*") => Vec::new(),
        Some(allowed) if allowed.eq_ignore_ascii_case(wanted) => Vec::new(),
        Some(allowed) => vec![
            Finding::error(Code::CorsOriginMismatch)
                .with("origin", wanted)
                .with("allowed", allowed),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures;
    use super::*;

    #[test]
    fn an_https_page_may_not_open_ws() {
        let found = mixed_content(&fixtures::by_code(Code::MixedContent), &Timings::default());
        assert_eq!(found[0].severity, crate::finding::Severity::Error);
        assert_eq!(found[0].facts.text("blocked"), Some("yes"));
        assert_eq!(found[0].facts.text("kind"), Some("websocket"));
        assert_eq!(
            found[0].facts.text("secure_url"),
            Some("wss://api.example.com:8080/ws")
        );
        let mut plain_page = fixtures::by_code(Code::MixedContent);
        plain_page.origin = Some("http://app.example.com".into());
        assert!(mixed_content(&plain_page, &Timings::default()).is_empty());
    }

    /// Loopback is potentially trustworthy: browsers open it from an https
    /// page, so it works here and will fail once deployed.
    #[test]
    fn loopback_is_allowed_by_browsers_and_warned_about() {
        for host in ["localhost", "app.localhost", "127.0.0.2", "[::1]"] {
            let mut evidence = fixtures::by_code(Code::MixedContent);
            evidence.target =
                crate::target::Target::parse(&format!("ws://{host}:8080/ws")).expect("url");
            let found = mixed_content(&evidence, &Timings::default());
            assert_eq!(
                found[0].severity,
                crate::finding::Severity::Warning,
                "{host}"
            );
            assert_eq!(found[0].facts.text("blocked"), Some("no"), "{host}");
        }
    }

    #[test]
    fn a_wildcard_or_the_same_origin_is_allowed() {
        let mut evidence = fixtures::by_code(Code::CorsOriginMismatch);
        assert_eq!(
            cors(&evidence, &Timings::default())[0]
                .facts
                .text("allowed"),
            Some("https://other.example.com")
        );
        if let Some(head) = evidence.preflight.as_mut() {
            head.headers = vec![("Access-Control-Allow-Origin".into(), "*".into())];
        }
        assert!(cors(&evidence, &Timings::default()).is_empty());
    }
}
