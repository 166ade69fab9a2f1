//! The HTTP answer, whatever the scheme: proxies without their upstream,
//! redirects, and a healthy https/http endpoint.

use super::{Extra, Rule, answer, http_answer};
use crate::diagnose::{Evidence, Timings};
use crate::finding::{Code, Finding};

/// A proxy whose application is down (502, 503, 504).
pub(super) const UPSTREAM_DOWN: Rule = Rule {
    name: "proxy-upstream-down",
    codes: &[Code::ProxyUpstreamDown],
    check: upstream_down,
};

fn upstream_down(evidence: &Evidence, _: &Timings) -> Vec<Finding> {
    let Some(head) = http_answer(evidence).filter(|h| (502..=504).contains(&h.status)) else {
        return Vec::new();
    };
    vec![
        Finding::error(Code::ProxyUpstreamDown)
            .with("status", head.status)
            .with("answer", answer(head, Extra::None)),
    ]
}

/// A redirect, which WebSocket clients never follow.
pub(super) const REDIRECT: Rule = Rule {
    name: "http-redirect",
    codes: &[Code::HttpRedirect],
    check: redirect,
};

fn redirect(evidence: &Evidence, _: &Timings) -> Vec<Finding> {
    let Some(head) = http_answer(evidence).filter(|h| (300..=399).contains(&h.status)) else {
        return Vec::new();
    };
    let finding = if evidence.target.scheme.is_websocket() {
        Finding::error(Code::HttpRedirect)
    } else {
        Finding::warning(Code::HttpRedirect)
    };
    let finding = finding
        .with("status", head.status)
        .with("status_line", &head.status_line);
    vec![match head.header("Location") {
        Some(location) => finding
            .with("location_given", "yes")
            .with("location", location),
        None => finding.with("location_given", "no"),
    }]
}

/// An http(s) endpoint that answered.
pub(super) const OK: Rule = Rule {
    name: "http-ok",
    codes: &[Code::HttpOk],
    check: ok,
};

fn ok(evidence: &Evidence, _: &Timings) -> Vec<Finding> {
    let target = &evidence.target;
    let Some(head) = http_answer(evidence) else {
        return Vec::new();
    };
    let handled_elsewhere =
        (300..=399).contains(&head.status) || (502..=504).contains(&head.status);
    if target.scheme.is_websocket() || handled_elsewhere {
        return Vec::new();
    }
    let finding = Finding::info(Code::HttpOk)
        .with("url", &target.url)
        .with("status_line", &head.status_line)
        .with("answer", answer(head, Extra::None));
    vec![match head.header("Strict-Transport-Security") {
        _ if !target.secure => finding.with("hsts", "plain"),
        Some(value) => finding.with("hsts", "present").with("hsts_value", value),
        None => finding.with("hsts", "absent"),
    }]
}

/// HSTS sent by a server on this machine: browsers remember it for every
/// port of `localhost`.
pub(super) const HSTS_LOCALHOST: Rule = Rule {
    name: "hsts-on-localhost",
    codes: &[Code::HstsOnLocalhost],
    check: hsts_localhost,
};

fn hsts_localhost(evidence: &Evidence, _: &Timings) -> Vec<Finding> {
    let target = &evidence.target;
    let local = target.is_loopback();
    let Some(value) = evidence
        .response
        .as_ref()
        .and_then(|head| head.header("Strict-Transport-Security"))
    else {
        return Vec::new();
    };
    if !local || !target.secure {
        return Vec::new();
    }
    vec![
        Finding::warning(Code::HstsOnLocalhost)
            .with("host", &target.host)
            .with("hsts_value", value),
    ]
}

#[cfg(test)]
mod tests {
    use super::super::fixtures;
    use super::*;

    #[test]
    fn a_redirect_is_an_error_for_websockets_and_a_warning_for_http() {
        let mut evidence = fixtures::by_code(Code::HttpRedirect);
        assert_eq!(
            redirect(&evidence, &Timings::default())[0].severity,
            crate::finding::Severity::Error
        );
        evidence.target = crate::target::Target::parse("https://localhost:8443/ws")
            .unwrap_or_else(|_| unreachable!());
        let found = redirect(&evidence, &Timings::default());
        assert_eq!(found[0].severity, crate::finding::Severity::Warning);
        assert_eq!(
            found[0].facts.text("location"),
            Some("https://localhost:8443/ws/")
        );
        assert!(
            ok(&evidence, &Timings::default()).is_empty(),
            "a redirect is not an answer"
        );
    }

    #[test]
    fn https_says_whether_it_sends_hsts() {
        let evidence = fixtures::by_code(Code::HttpOk);
        let found = ok(&evidence, &Timings::default());
        assert_eq!(found[0].facts.text("hsts"), Some("absent"));
    }

    #[test]
    fn hsts_matters_on_localhost_only() {
        let evidence = fixtures::by_code(Code::HstsOnLocalhost);
        let found = hsts_localhost(&evidence, &Timings::default());
        assert_eq!(found[0].facts.text("host"), Some("localhost"));
        let mut public = evidence.clone();
        public.target =
            crate::target::Target::parse("https://example.com/").unwrap_or_else(|_| unreachable!());
        assert!(hsts_localhost(&public, &Timings::default()).is_empty());
    }
}
