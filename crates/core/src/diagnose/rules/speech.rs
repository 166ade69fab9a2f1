//! What the port really speaks, from the bytes it sent back: plain HTTP on a
//! TLS URL, TLS on a plain URL, a banner, silence, a close.

use super::{Extra, Rule, answer, plain_to_tls_words, swapped};
use crate::diagnose::evidence::Connection;
use crate::diagnose::{Evidence, Timings};
use crate::finding::{Code, Finding};
use crate::i18n::Fact;
use crate::probe::hello::{HelloAnswer, ServerHello};
use crate::probe::http::{MAX_HEAD_BYTES, MAX_HEADERS, ResponseFailure};
use crate::probe::sniff::{BytesSeen, Speech};
use crate::probe::tcp::NetworkCause;
use crate::probe::tls::TlsFailure;

/// What the server sent when the exchange failed: after a failed TLS
/// handshake, or instead of an HTTP response head.
fn failed_with(evidence: &Evidence) -> Option<(&BytesSeen, Failed)> {
    let bytes = evidence.bytes.as_ref()?;
    if evidence.tls_failure.is_some() {
        return Some((bytes, Failed::Tls));
    }
    match evidence.response_failure {
        Some(ResponseFailure::Closed | ResponseFailure::Malformed) => Some((bytes, Failed::Http)),
        _ => None,
    }
}

/// Which exchange failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Failed {
    Tls,
    Http,
}

/// A TLS URL on a port that answered in plain HTTP.
pub(super) const TLS_TO_PLAIN_PORT: Rule = Rule {
    name: "tls-to-plain-port",
    codes: &[Code::TlsToPlainPort],
    check: tls_to_plain_port,
};

fn tls_to_plain_port(evidence: &Evidence, _: &Timings) -> Vec<Finding> {
    let Some((bytes, Failed::Tls)) = failed_with(evidence) else {
        return Vec::new();
    };
    if bytes.speech != Speech::Http {
        return Vec::new();
    }
    let target = &evidence.target;
    vec![
        Finding::error(Code::TlsToPlainPort)
            .with("port", target.port)
            .with("scheme", target.scheme.as_str())
            .with("answer", &bytes.first_line)
            .with("plain_url", swapped(target)),
    ]
}

/// A plain URL on a port that answered in TLS, or with a TLS server's
/// "plain HTTP was sent to a TLS port" page.
pub(super) const PLAIN_TO_TLS_PORT: Rule = Rule {
    name: "plain-to-tls-port",
    codes: &[Code::PlainToTlsPort],
    check: plain_to_tls_port,
};

fn plain_to_tls_port(evidence: &Evidence, _: &Timings) -> Vec<Finding> {
    let target = &evidence.target;
    if target.secure {
        return Vec::new();
    }
    let finding = || {
        Finding::error(Code::PlainToTlsPort)
            .with("port", target.port)
            .with("scheme", target.scheme.as_str())
            .with("secure_url", swapped(target))
    };
    if let Some(head) = &evidence.response
        && let Some(words) = plain_to_tls_words(head)
    {
        return vec![
            finding()
                .with("how", "server-answer")
                .with("answer", answer(head, Extra::None))
                .with("words", words),
        ];
    }
    if let Some(hello) = silent_tls_port(evidence) {
        return vec![
            finding()
                .with("how", "silent")
                .with("version", &hello.version),
        ];
    }
    match failed_with(evidence) {
        Some((bytes, Failed::Http)) => match bytes.speech {
            Speech::Tls { content_type } => vec![
                finding()
                    .with(
                        "how",
                        if content_type == 0x15 {
                            "alert"
                        } else {
                            "record"
                        },
                    )
                    .with("bytes", &bytes.hex),
            ],
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// A plain request the port closed or reset without a byte, on a port
/// that answers a TLS ClientHello with its ServerHello (HAProxy closes and
/// stunnel resets without a word where nginx answers a 400 page).
fn silent_tls_port(evidence: &Evidence) -> Option<&ServerHello> {
    let ended = evidence
        .response_failure
        .as_ref()
        .is_some_and(ResponseFailure::ended_without_a_word);
    if evidence.target.secure || evidence.bytes.is_some() || !ended {
        return None;
    }
    match &evidence.offered_everything {
        Some(HelloAnswer::Hello(hello)) => Some(hello),
        _ => None,
    }
}

/// A port that speaks something else: an SSH or mail banner, text, binary.
pub(super) const NOT_HTTP: Rule = Rule {
    name: "not-http",
    codes: &[Code::NotHttp],
    check: not_http,
};

fn not_http(evidence: &Evidence, _: &Timings) -> Vec<Finding> {
    let Some((bytes, failed)) = failed_with(evidence) else {
        return Vec::new();
    };
    let (kind, sample) = match &bytes.speech {
        Speech::Ssh { banner } => ("ssh", banner.as_str()),
        Speech::Greeting220 { banner } => ("mail", banner.as_str()),
        Speech::Text { line } => ("text", line.as_str()),
        Speech::Binary => ("binary", bytes.text.as_str()),
        // A TLS record inside an established TLS session is noise, not HTTP.
        Speech::Tls { .. } if failed == Failed::Http && evidence.target.secure => {
            ("binary", bytes.text.as_str())
        }
        Speech::Tls { .. } | Speech::Http | Speech::Nothing => return Vec::new(),
    };
    vec![
        Finding::error(Code::NotHttp)
            .with("port", evidence.target.port)
            .with("kind", kind)
            .with("sample", sample)
            .with("bytes", &bytes.hex),
    ]
}

/// The connection was accepted, and then nothing, or not enough, came back.
pub(super) const SERVER_SILENT: Rule = Rule {
    name: "server-silent",
    codes: &[Code::ServerSilent],
    check: server_silent,
};

fn server_silent(evidence: &Evidence, _: &Timings) -> Vec<Finding> {
    let said_nothing = evidence
        .bytes
        .as_ref()
        .is_none_or(|bytes| bytes.speech == Speech::Nothing);
    let finding = || {
        Finding::error(Code::ServerSilent)
            .with("authority", evidence.target.authority())
            .with("timeout_s", Fact::tenths(evidence.timeout_s()))
    };
    if evidence.tls_failure == Some(TlsFailure::TimedOut) && said_nothing {
        return vec![finding().with("when", "tls-hello")];
    }
    match evidence.response_failure {
        Some(ResponseFailure::Silent) => vec![finding().with("when", "request")],
        Some(ResponseFailure::Stalled { received }) => {
            vec![finding().with("when", "stalled").with("received", received)]
        }
        Some(ResponseFailure::OnlyInterim { status, count }) => vec![
            finding()
                .with("when", "interim")
                .with("status", status)
                .with("count", count),
        ],
        _ => Vec::new(),
    }
}

/// The server closed or reset the connection before a complete answer.
pub(super) const CONNECTION_CLOSED: Rule = Rule {
    name: "connection-closed",
    codes: &[Code::ConnectionClosed],
    check: connection_closed,
};

fn connection_closed(evidence: &Evidence, _: &Timings) -> Vec<Finding> {
    if reset_at_once(evidence) || silent_tls_port(evidence).is_some() {
        return Vec::new();
    }
    let finding = || {
        Finding::error(Code::ConnectionClosed)
            .with("authority", evidence.target.authority())
            .with("scheme", evidence.target.scheme.as_str())
    };
    match &evidence.response_failure {
        Some(ResponseFailure::Failed { cause, detail }) => vec![
            finding()
                .with(
                    "how",
                    if *cause == NetworkCause::Reset {
                        "reset"
                    } else {
                        "io"
                    },
                )
                .with("detail", detail),
        ],
        Some(ResponseFailure::Closed | ResponseFailure::Malformed) => {
            let plain = evidence
                .bytes
                .as_ref()
                .is_none_or(|b| matches!(b.speech, Speech::Http | Speech::Nothing));
            if plain {
                vec![finding().with("how", "closed")]
            } else {
                Vec::new()
            }
        }
        _ => Vec::new(),
    }
}

/// Accepted, then reset before the server sent a single byte: nothing
/// behind the port handled the connection.
pub(super) const CONNECTION_RESET: Rule = Rule {
    name: "connection-reset",
    codes: &[Code::ConnectionReset],
    check: connection_reset,
};

fn connection_reset(evidence: &Evidence, _: &Timings) -> Vec<Finding> {
    if !reset_at_once(evidence) {
        return Vec::new();
    }
    vec![
        Finding::error(Code::ConnectionReset)
            .with("authority", evidence.target.authority())
            .with("port", evidence.target.port),
    ]
}

/// Whether the server reset the connection before sending anything: in
/// answer to the request, or to the TLS ClientHello.
pub(super) fn reset_at_once(evidence: &Evidence) -> bool {
    if silent_tls_port(evidence).is_some() {
        return false;
    }
    let silent = evidence
        .bytes
        .as_ref()
        .is_none_or(|b| matches!(b.speech, Speech::Nothing));
    let reset_answer = matches!(
        &evidence.response_failure,
        Some(ResponseFailure::Failed {
            cause: NetworkCause::Reset,
            ..
        })
    );
    let reset_hello =
        matches!(evidence.tls_failure, Some(TlsFailure::Reset)) && evidence.chain.is_empty();
    silent && (reset_answer || reset_hello || reset_connecting(evidence))
}

/// Whether the connection was reset while it was being made: a refused
/// SYN is `ECONNREFUSED`, so a reset means the handshake completed and the
/// server reset it before the client saw it was open.
pub(super) fn reset_connecting(evidence: &Evidence) -> bool {
    matches!(
        &evidence.connection,
        Some(Connection::Failed { error }) if error.cause == NetworkCause::Reset
    )
}

/// A response head that never ends.
pub(super) const HEADERS_TOO_LARGE: Rule = Rule {
    name: "http-headers-too-large",
    codes: &[Code::HttpHeadersTooLarge],
    check: headers_too_large,
};

fn headers_too_large(evidence: &Evidence, _: &Timings) -> Vec<Finding> {
    if evidence.response_failure != Some(ResponseFailure::TooLarge) {
        return Vec::new();
    }
    vec![
        Finding::error(Code::HttpHeadersTooLarge)
            .with("max_kib", MAX_HEAD_BYTES / 1024)
            .with("max_headers", MAX_HEADERS),
    ]
}

#[cfg(test)]
mod tests {
    use super::super::fixtures;
    use super::*;

    #[test]
    fn tls_to_a_plain_port_quotes_the_answer_and_offers_the_plain_url() {
        let found = tls_to_plain_port(
            &fixtures::by_code(Code::TlsToPlainPort),
            &Timings::default(),
        );
        let facts = &found[0].facts;
        assert_eq!(facts.text("answer"), Some("HTTP/1.1 400"));
        assert_eq!(facts.text("plain_url"), Some("ws://localhost:8080/ws"));
    }

    #[test]
    fn a_tls_alert_to_plain_http_is_a_plain_to_tls_port() {
        let found = plain_to_tls_port(
            &fixtures::by_code(Code::PlainToTlsPort),
            &Timings::default(),
        );
        assert_eq!(found[0].facts.text("how"), Some("alert"));
        assert_eq!(
            found[0].facts.text("secure_url"),
            Some("wss://localhost:8443/ws")
        );
    }

    #[test]
    fn a_port_that_closes_plain_http_silently_and_answers_tls_is_a_tls_port() {
        let (_, evidence, timings) = fixtures::all()
            .into_iter()
            .find(|(name, _, _)| name == "plain-to-tls-port/silent")
            .expect("fixture");
        let found = plain_to_tls_port(&evidence, &timings);
        assert_eq!(found[0].facts.text("how"), Some("silent"));
        assert_eq!(found[0].facts.text("version"), Some("TLSv1.2"));
        assert!(connection_closed(&evidence, &timings).is_empty());
        // Without the TLS answer it stays a plain close.
        let mut closed = evidence.clone();
        closed.offered_everything = None;
        assert!(plain_to_tls_port(&closed, &timings).is_empty());
        assert_eq!(connection_closed(&closed, &timings).len(), 1);
    }

    #[test]
    fn a_banner_names_the_service() {
        let found = not_http(&fixtures::by_code(Code::NotHttp), &Timings::default());
        assert_eq!(found[0].facts.text("kind"), Some("ssh"));
        assert!(
            found[0]
                .facts
                .text("bytes")
                .is_some_and(|b| b.starts_with("53 53 48"))
        );
    }

    #[test]
    fn a_stall_counts_the_bytes() {
        let mut evidence = fixtures::evidence("ws://localhost:8080/ws");
        evidence.response_failure = Some(ResponseFailure::Stalled { received: 12 });
        let found = server_silent(&evidence, &Timings::default());
        assert_eq!(found[0].facts.whole("received"), Some(12));
        assert!(connection_closed(&evidence, &Timings::default()).is_empty());
    }
}
