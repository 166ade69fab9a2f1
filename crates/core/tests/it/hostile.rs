//! Servers that try to hold a client forever: each must be cut off by the
//! step's one deadline, however it doles out its bytes.

use std::time::Duration;

use handshake_core::verify::CheckFailure;
use handshake_core::{CheckOptions, Options, Target};
use handshake_testkit::servers;
use handshake_testkit::websocket::{self, Behaviour};

use crate::support::{codes, diagnose_with, finding};

/// The step timeout of these tests.
const STEP: Duration = Duration::from_secs(1);

fn options() -> Options {
    Options {
        timeout: STEP,
        ..Options::default()
    }
}

#[tokio::test]
async fn a_server_dripping_its_headers_is_cut_off_at_the_step_deadline() {
    let server = servers::dripping(b"HTTP/1.1 200 OK\r\n", b"X").await;
    // The server drips for a minute; the finding says the step's deadline
    // ended it (and `diagnose_with` panics after 30 s).
    let report = diagnose_with(&format!("http://127.0.0.1:{}/", server.port), options()).await;
    assert_eq!(codes(&report), ["server-silent"], "{:#?}", report.findings);
    let found = finding(&report, "server-silent");
    assert!(
        found
            .explanation
            .contains("did not finish its head within 1 s"),
        "{}",
        found.explanation
    );
}

#[tokio::test]
async fn endless_interim_responses_are_not_the_answer_and_end_at_the_deadline() {
    let server = servers::dripping(b"", b"HTTP/1.1 100 Continue\r\n\r\n").await;
    let report = diagnose_with(&format!("ws://127.0.0.1:{}/ws", server.port), options()).await;
    // A 100 is not a refusal: the server never answered.
    assert_eq!(codes(&report), ["server-silent"], "{:#?}", report.findings);
    let found = finding(&report, "server-silent");
    assert!(
        found
            .explanation
            .contains("interim responses (100) but never the answer"),
        "{}",
        found.explanation
    );
}

#[tokio::test]
async fn a_ping_flood_does_not_keep_check_waiting_for_an_answer() {
    let server = websocket::ws(Behaviour::PingFlood).await;
    let target = Target::parse(&format!("ws://127.0.0.1:{}/ws", server.port)).expect("URL");
    let options = CheckOptions {
        timeout: STEP,
        ..CheckOptions::default()
    };
    // Without one deadline for the answer, pings would keep it waiting for
    // ever: a hang guard, not a measurement.
    let report = tokio::time::timeout(
        Duration::from_secs(30),
        handshake_core::check(&target, &options),
    )
    .await
    .expect("the check ends at its deadline despite the pings");
    assert!(
        matches!(report.failure, Some(CheckFailure::NoAnswer { .. })),
        "{:?}",
        report.failure
    );
}
