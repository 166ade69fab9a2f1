//! `handshake check --protocol stomp` against the real RabbitMQ and its
//! Web-STOMP plugin, as a STOMP user runs it.

use std::process::Output;

use handshake_testkit::rabbitmq::RabbitMq;
use serde_json::Value;

use crate::{command, json, made_by, stderr};

/// `handshake check URL --json --protocol stomp` with the passcode in the
/// environment and `more` flags.
fn stomp(url: &str, passcode: &str, more: &[&str]) -> Output {
    command()
        .args(["check", url, "--json", "--protocol", "stomp"])
        .args([
            "--stomp-login",
            "guest",
            "--stomp-passcode-env",
            "STOMP_PASSCODE",
        ])
        .args(more)
        .env("STOMP_PASSCODE", passcode)
        .output()
        .unwrap_or_else(|error| panic!("handshake runs: {error}"))
}

/// The one ws-protocol-refused finding of a failed check, and its English title.
fn refused(report: &Value) -> (&Value, &str) {
    let finding = report["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|f| f["code"] == "ws-protocol-refused")
        .unwrap_or_else(|| panic!("no ws-protocol-refused: {report:#}"));
    (finding, finding["title"].as_str().unwrap_or_default())
}

/// The right login passes (it failed with "Bad CONNECT": the CONNECT frame
/// sent the URL's host as `host`, which RabbitMQ takes for a virtual
/// host); a wrong passcode and an unknown virtual host are each named as
/// what they are, with the ERROR frame's body, which says why.
#[test]
fn stomp_against_rabbitmq_logs_in_and_names_each_refusal() {
    let broker = RabbitMq::start();
    let url = broker.url();

    let ok = stomp(&url, "guest", &[]);
    let report = json(&ok);
    assert_eq!(ok.status.code(), Some(0), "{report:#}\n{}", broker.log());
    assert_eq!(report["spoken"]["protocol"], "stomp", "{report:#}");
    assert!(
        report["spoken"]["server"]
            .as_str()
            .is_some_and(|server| server.starts_with("RabbitMQ/")),
        "{report:#}"
    );
    // Naming RabbitMQ's one virtual host is as good as naming none.
    let named = stomp(&url, "guest", &["--stomp-host", "/"]);
    assert_eq!(named.status.code(), Some(0), "{}", stderr(&named));

    let wrong = stomp(&url, "not-guest", &[]);
    assert_eq!(wrong.status.code(), Some(1));
    let report = json(&wrong);
    made_by(&report, &broker.live(), &["ws-protocol-refused", "ws-ok"]);
    let (finding, title) = refused(&report);
    assert_eq!(title, "The stomp server refused the login", "{finding:#}");
    assert_eq!(
        finding["facts"]["detail"],
        "Access refused for user 'guest'"
    );
    assert!(
        report["error"]
            .as_str()
            .is_some_and(|said| said.contains("“Bad CONNECT” — “Access refused for user 'guest'”")),
        "{report:#}"
    );

    let vhost = stomp(&url, "guest", &["--stomp-host", "127.0.0.1"]);
    let report = json(&vhost);
    assert_eq!(vhost.status.code(), Some(1), "{report:#}");
    let (finding, title) = refused(&report);
    assert_eq!(
        title, "The stomp broker refused the virtual host",
        "{finding:#}"
    );
    assert_eq!(
        finding["facts"]["detail"],
        "Virtual host '127.0.0.1' access denied"
    );
    assert!(
        finding["fix"]
            .as_str()
            .is_some_and(|fix| fix.contains("--stomp-host /")),
        "{finding:#}"
    );
    // And in Korean, from the same facts.
    let korean = stomp(
        &url,
        "guest",
        &["--stomp-host", "127.0.0.1", "--lang", "ko"],
    );
    let report = json(&korean);
    let (_, title) = refused(&report);
    assert_eq!(
        title,
        "stomp 브로커가 가상 호스트(virtual host)를 거부했습니다"
    );
    // What the broker logged is what the finding says.
    let log = broker.log();
    assert!(
        log.contains("Virtual host '127.0.0.1' access denied")
            && log.contains("Access refused for user 'guest'"),
        "{log}"
    );
}
