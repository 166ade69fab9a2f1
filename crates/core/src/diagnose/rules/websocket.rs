//! The WebSocket upgrade: switched (rightly or not), or answered with a
//! status that names the cause.

use super::{Extra, Rule, answer, http_answer};
use crate::diagnose::{Evidence, Timings};
use crate::finding::{Code, Finding};
use crate::i18n::Fact;
use crate::probe::http::ResponseHead;
use crate::probe::ws;

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
    vec![Finding::error(Code::WsAuthRequired).with("answer", answer(head, Extra::Challenge))]
}

/// 403: for the page's Origin, or whatever the Origin.
pub(super) const FORBIDDEN: Rule = Rule {
    name: "ws-forbidden",
    codes: &[Code::WsOriginForbidden, Code::WsForbidden],
    check: forbidden,
};

fn forbidden(evidence: &Evidence, _: &Timings) -> Vec<Finding> {
    let Some(head) = upgrade_answer(evidence).filter(|h| h.status == 403) else {
        return Vec::new();
    };
    match (&evidence.origin, evidence.status_without_origin) {
        (Some(origin), Some(other)) if other != 403 => vec![
            Finding::error(Code::WsOriginForbidden)
                .with("origin", origin)
                .with("status_line", &head.status_line)
                .with("status_without_origin", other),
        ],
        (origin, _) => vec![
            Finding::error(Code::WsForbidden)
                .with("answer", answer(head, Extra::None))
                .with("origin_sent", if origin.is_some() { "yes" } else { "no" }),
        ],
    }
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
    let named_elsewhere = matches!(head.status, 101 | 200..=399 | 401 | 403 | 404 | 502..=504);
    if named_elsewhere {
        return Vec::new();
    }
    vec![
        Finding::error(Code::WsUpgradeRejected)
            .with("status", head.status)
            .with("answer", answer(head, Extra::Body)),
    ]
}

#[cfg(test)]
mod tests {
    use super::super::fixtures;
    use super::*;

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
