//! What the user's own browser saw (`check --browser`), beside what
//! Handshake saw: the browser-only cause when Handshake connects and the
//! browser cannot.

use super::Rule;
use crate::diagnose::{BrowserEvent, Evidence, Timings};
use crate::finding::{Code, Finding};

/// The browser's outcome, and its cause when it failed.
pub(super) const BROWSER: Rule = Rule {
    name: "browser",
    codes: &[
        Code::BrowserOk,
        Code::BrowserCaUntrusted,
        Code::BrowserOriginRefused,
        Code::BrowserFailed,
        Code::BrowserNoReport,
    ],
    check: browser,
};

fn browser(evidence: &Evidence, _: &Timings) -> Vec<Finding> {
    let Some(seen) = &evidence.browser else {
        return Vec::new();
    };
    let url = &evidence.target.url;
    let Some(report) = &seen.report else {
        return vec![
            Finding::error(Code::BrowserNoReport)
                .with("browser", &seen.browser)
                .with("page_origin", &seen.page_origin)
                .with("seconds", (seen.waited_ms / 1000.0).round()),
        ];
    };
    let finding = match &report.event {
        BrowserEvent::Message { .. } => {
            return vec![
                Finding::info(Code::BrowserOk)
                    .with("browser", &seen.browser)
                    .with("url", url)
                    .with("page_origin", &seen.page_origin)
                    .with("ms", report.elapsed_ms)
                    .with("user_agent", &report.user_agent),
            ];
        }
        // Handshake trusted the server only through --ca, the browser's
        // socket closed before it opened (a failed TLS handshake), and no
        // store it reads holds that CA.
        BrowserEvent::Close { .. }
            if evidence.target.secure
                && seen.handshake_ok
                && seen.ca_given
                && !report.opened
                && seen.stores.iter().all(|store| !store.trusted) =>
        {
            Finding::error(Code::BrowserCaUntrusted).with(
                "stores",
                seen.stores
                    .iter()
                    .map(|store| store.path.clone())
                    .collect::<Vec<_>>(),
            )
        }
        // The server refuses the probe page's Origin (with 403, or 401 as
        // Node's `ws` does) while it took Handshake's own upgrade.
        _ if seen.handshake_ok
            && !report.opened
            && matches!(seen.page_origin_status, Some(401 | 403)) =>
        {
            // With the user's page Origin let in, the application works:
            // only the probe was refused.
            let finding = match &evidence.origin {
                Some(origin) => Finding::warning(Code::BrowserOriginRefused).with("origin", origin),
                None => Finding::error(Code::BrowserOriginRefused).with("origin", "none"),
            };
            finding.with("page_origin", &seen.page_origin).with(
                "status",
                u32::from(seen.page_origin_status.unwrap_or_default()),
            )
        }
        _ => Finding::error(Code::BrowserFailed)
            .with("handshake_ok", if seen.handshake_ok { "yes" } else { "no" }),
    };
    let finding = finding
        .with("browser", &seen.browser)
        .with("url", url)
        .with("opened", if report.opened { "yes" } else { "no" });
    vec![match &report.event {
        BrowserEvent::Close { code, reason } => finding
            .with("event", "close")
            .with("code", u32::from(*code))
            .with("reason", reason),
        BrowserEvent::Threw { name, message } => finding
            .with("event", "threw")
            .with("name", name)
            .with("message", message),
        BrowserEvent::Message { .. } => finding,
    }]
}

#[cfg(test)]
mod tests {
    use super::super::fixtures;
    use super::*;

    #[test]
    fn an_untrusted_ca_is_named_only_when_handshake_needed_it_and_no_store_has_it() {
        let evidence = fixtures::by_code(Code::BrowserCaUntrusted);
        let found = browser(&evidence, &Timings::default());
        assert_eq!(found[0].code, Code::BrowserCaUntrusted);
        let mut trusted_somewhere = evidence.clone();
        if let Some(seen) = trusted_somewhere.browser.as_mut() {
            seen.stores[0].trusted = true;
        }
        let found = browser(&trusted_somewhere, &Timings::default());
        assert_eq!(found[0].code, Code::BrowserFailed);
        assert_eq!(found[0].facts.text("handshake_ok"), Some("yes"));
    }

    /// Only the probe page's Origin refused: a warning when the user's page
    /// Origin was let in, an error when there was none to try.
    #[test]
    fn a_refused_probe_origin_is_an_error_only_without_the_users_origin() {
        let with = browser(
            &fixtures::named("browser-origin-refused"),
            &Timings::default(),
        );
        assert_eq!(
            (with[0].code, with[0].severity),
            (
                Code::BrowserOriginRefused,
                crate::finding::Severity::Warning
            )
        );
        let without = browser(
            &fixtures::named("browser-origin-refused/no-origin"),
            &Timings::default(),
        );
        assert_eq!(without[0].severity, crate::finding::Severity::Error);
    }

    #[test]
    fn no_browser_evidence_says_nothing() {
        let evidence = fixtures::by_code(Code::WsOk);
        assert!(browser(&evidence, &Timings::default()).is_empty());
    }
}
