//! Real browsers — headless Chromium and Firefox, each in a throwaway home
//! with its own NSS database and Firefox profile — as the judges of what
//! Handshake makes: a certificate from the development CA, trusted by
//! `handshake trust` in the stores it finds itself.

use handshake_testkit::browser::{self, Browser, Home, Outcome};
use handshake_testkit::node::{Kind, Node};

use crate::{command, stdout};

/// `handshake ARGS…` run as the throwaway home's user.
fn as_user(home: &Home, args: &[&str]) -> (Option<i32>, String) {
    let output = command()
        .args(args)
        .env("HOME", home.path())
        .env_remove("XDG_DATA_HOME")
        .output()
        .expect("handshake runs");
    (output.status.code(), stdout(&output))
}

fn describe(browser: Browser, outcome: &Outcome) -> String {
    format!("{browser:?}: {}", outcome.report)
}

/// Before `trust`, neither browser opens a wss:// server whose certificate
/// comes from the development CA; after it, both open it and get their
/// message echoed; after `trust --uninstall`, both refuse it again.
#[test]
fn trust_makes_chromium_and_firefox_connect_and_uninstall_stops_them() {
    let home = Home::new();
    let fix = home.path().join("fix");
    let fix_dir = fix.display().to_string();
    let (code, text) = as_user(
        &home,
        &[
            "generate",
            "nginx",
            "--dev-ca",
            "--host",
            "localhost",
            "--host",
            "127.0.0.1",
            "--upstream",
            "http://127.0.0.1:8080",
            "--out",
            &fix_dir,
        ],
    );
    assert_eq!(code, Some(0), "{text}");
    let server = Node::start(
        Kind::Echo,
        Some((&fix.join("fullchain.pem"), &fix.join("privkey.pem"))),
    );
    let url = format!("wss://localhost:{}/echo", server.port);

    // Untrusted: Chromium closes with 1006, Firefox with 1015 (a failed
    // TLS handshake). Firefox makes its profile's database on this first
    // start, as it does for a user.
    for (browser, code) in [(Browser::Chromium, 1006), (Browser::Firefox, 1015)] {
        let outcome = browser::open_websocket(browser, &home, &url, 30);
        assert_eq!(
            outcome.close_code(),
            Some(code),
            "{}",
            describe(browser, &outcome)
        );
    }

    // The stores are found, not named: Chromium's database is made, the
    // Firefox profile's is used. (`--store browsers`: the machine's own
    // system and Java stores are not the test's to change.)
    let (code, text) = as_user(&home, &["trust", "--store", "browsers", "--yes"]);
    assert_eq!(code, Some(0), "{text}");
    let nssdb = home.path().join(".pki/nssdb");
    let profile = home.firefox_profile();
    for line in [
        format!(
            "✗ not trusted in Chromium's NSS database {}",
            nssdb.display()
        ),
        format!("✗ not trusted in the Firefox profile {}", profile.display()),
        format!("done: Chromium's NSS database {}", nssdb.display()),
        format!("done: the Firefox profile {}", profile.display()),
    ] {
        assert!(text.contains(&line), "{line}\n{text}");
    }
    for browser in Browser::ALL {
        let outcome = browser::open_websocket(browser, &home, &url, 30);
        assert_eq!(
            outcome.echoed(),
            Some("ping"),
            "{}",
            describe(browser, &outcome)
        );
    }

    let (code, text) = as_user(
        &home,
        &["trust", "--store", "browsers", "--uninstall", "--yes"],
    );
    assert_eq!(code, Some(0), "{text}");
    let (_, check) = as_user(&home, &["trust", "--store", "browsers", "--check"]);
    assert_eq!(check.matches("✗ not trusted").count(), 2, "{check}");
    for browser in Browser::ALL {
        let outcome = browser::open_websocket(browser, &home, &url, 30);
        assert!(
            outcome.echoed().is_none(),
            "{}",
            describe(browser, &outcome)
        );
    }
}
