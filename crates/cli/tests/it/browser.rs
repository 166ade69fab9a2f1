//! Real browsers — headless Chromium and Firefox, each in a throwaway home
//! with its own NSS database and Firefox profile — as the judges of what
//! Handshake makes: a certificate from the development CA, trusted by
//! `handshake trust` in the stores it finds itself.

use handshake_testkit::browser::{self, Browser, Home, Origin, Outcome};
use handshake_testkit::coverage::{self, Live, Program};
use handshake_testkit::node::{Kind, Node};

use std::path::Path;

use crate::{command, stdout};

/// `handshake ARGS…` run as the throwaway home's user: its exit status and
/// standard output.
fn as_user(home: &Home, args: &[&str]) -> (Option<i32>, String) {
    let output = run_as_user(home, args);
    (output.status.code(), stdout(&output))
}

/// `handshake ARGS…` run as the throwaway home's user.
fn run_as_user(home: &Home, args: &[&str]) -> std::process::Output {
    command()
        .args(args)
        .env("HOME", home.path())
        .env_remove("XDG_DATA_HOME")
        .output()
        .expect("handshake runs")
}

/// The `handshake` binary under test.
fn handshake() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_handshake"))
}

/// `handshake explain-log --json -` of `text`.
fn explain(text: &str) -> serde_json::Value {
    let output = command()
        .args(["explain-log", "--json", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut explain| {
            std::io::Write::write_all(&mut explain.stdin.take().expect("stdin"), text.as_bytes())?;
            explain.wait_with_output()
        })
        .expect("handshake runs");
    crate::json(&output)
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
    let certificate = home.dev_ca_certificate(handshake());
    let server = Node::start(Kind::Echo, Some((&certificate.chain, &certificate.key)));
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

/// What browsers really do with `ws://` from an https page: a loopback host
/// opens (loopback is "potentially trustworthy"), any other host throws at
/// `new WebSocket` before a packet is sent — and `diagnose --origin` says
/// the same: a warning for loopback, not an error, and for the other hosts
/// the browsers' own words.
#[test]
fn an_https_page_opens_ws_to_loopback_only_and_diagnose_says_so() {
    let home = Home::new();
    home.make_firefox_database();
    let certificate = home.dev_ca_certificate(handshake());
    let (code, text) = as_user(&home, &["trust", "--store", "browsers", "--yes"]);
    assert_eq!(code, Some(0), "{text}");
    let (chain, key) = (&certificate.chain, &certificate.key);
    let page = Origin::Https { chain, key };
    let echo = Node::start(Kind::Echo, None);
    let blocked_words = blocked_explanation();
    for browser in Browser::ALL {
        for host in ["127.0.0.1", "localhost"] {
            let url = format!("ws://{host}:{}/echo", echo.port);
            let outcome = browser::open_websocket_from(browser, &home, &page, &url, 30);
            assert_eq!(
                outcome.echoed(),
                Some("ping"),
                "{}",
                describe(browser, &outcome)
            );
        }
        let url = format!("ws://{}:{}/echo", browser::OTHER_HOST, echo.port);
        let outcome = browser::open_websocket_from(browser, &home, &page, &url, 30);
        let report = &outcome.report;
        assert_eq!(report["event"], "throw", "{}", describe(browser, &outcome));
        assert_eq!(
            report["name"],
            "SecurityError",
            "{}",
            describe(browser, &outcome)
        );
        let said = format!(
            "SecurityError: {}",
            report["message"].as_str().unwrap_or_default()
        );
        assert!(
            blocked_words.contains(&said),
            "{browser:?} says “{said}”; the finding quotes: {blocked_words}"
        );
        // The same words, uncaught, in the console: explain-log names them.
        let report = explain(&format!("Uncaught {said}"));
        crate::made_by(&report, &outcome.live(), &["log-mixed-content"]);
        coverage::record_log(&outcome.live(), &said);
    }

    let url = format!("ws://127.0.0.1:{}/echo", echo.port);
    let output = command()
        .args([
            "diagnose",
            "--json",
            "--origin",
            "https://app.example.com",
            &url,
        ])
        .output()
        .expect("handshake runs");
    let report = crate::json(&output);
    assert_eq!(report["ok"], true, "{report}");
    let mixed = report["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|finding| finding["code"] == "mixed-content")
        .unwrap_or_else(|| panic!("no mixed-content: {report}"));
    assert_eq!(mixed["severity"], "warning", "{mixed}");
    assert_eq!(mixed["facts"]["blocked"], "no", "{mixed}");
}

/// The English explanation of `mixed-content` for a host browsers block.
fn blocked_explanation() -> String {
    let facts = handshake_core::i18n::Facts::new()
        .with("blocked", "yes")
        .with("kind", "websocket")
        .with("origin", "https://app.example.com")
        .with("url", "ws://api.example.com/ws")
        .with("host", "api.example.com")
        .with("secure_url", "wss://api.example.com/ws");
    handshake_core::Language::En
        .catalogue()
        .attribute("mixed-content", "explanation", &facts)
}

/// `check --browser`: Handshake's own check passes with `--ca`, and the
/// browser — started by `check` itself, headless, in the throwaway home —
/// says what it saw: before `trust` the browser-only cause (the CA is in
/// none of the stores that browser reads, by SHA-256), after it the
/// browser's own echo.
#[test]
fn check_in_the_browser_names_the_untrusted_ca_then_passes_after_trust() {
    let home = Home::new();
    home.make_firefox_database();
    let certificate = home.dev_ca_certificate(handshake());
    let server = Node::start(Kind::Echo, Some((&certificate.chain, &certificate.key)));
    let url = format!("wss://localhost:{}/echo", server.port);
    let ca = certificate.ca.display().to_string();
    // `check --browser`, whose report names exactly `expected`: the
    // browser's finding and the exit status.
    let check = |browser: Browser, expected: &[&str]| {
        let launcher = home.launcher(browser).display().to_string();
        let output = run_as_user(
            &home,
            &["check", "--json", &url, "--ca", &ca, "--browser", &launcher],
        );
        home.stop_browsers();
        let (code, text) = (output.status.code(), stdout(&output));
        let report: serde_json::Value = serde_json::from_str(&text)
            .unwrap_or_else(|error| panic!("{browser:?}: {error}: {text}"));
        crate::made_by(&report, &Live::printed(program(browser), &output), expected);
        let browser_finding = report["findings"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|f| {
                f["code"]
                    .as_str()
                    .is_some_and(|c| c.starts_with("browser-"))
            })
            .cloned()
            .unwrap_or_else(|| panic!("{browser:?}: no browser finding: {report}"));
        (code, browser_finding)
    };
    let stores = [
        (Browser::Chromium, home.path().join(".pki/nssdb")),
        (Browser::Firefox, home.firefox_profile()),
    ];
    for (browser, store) in &stores {
        let (code, finding) = check(*browser, &["browser-ca-untrusted", "ws-ok"]);
        assert_eq!(code, Some(1), "{browser:?}: {finding}");
        assert_eq!(
            finding["facts"]["stores"],
            serde_json::json!([store.display().to_string()]),
            "{browser:?}: {finding}"
        );
        let closed = if *browser == Browser::Firefox {
            1015
        } else {
            1006
        };
        assert_eq!(finding["facts"]["code"], closed, "{browser:?}: {finding}");
    }
    let (code, text) = as_user(&home, &["trust", "--store", "browsers", "--yes"]);
    assert_eq!(code, Some(0), "{text}");
    for (browser, _) in &stores {
        let (code, finding) = check(*browser, &["ws-ok", "browser-ok"]);
        assert_eq!(code, Some(0), "{browser:?}: {finding}");
        let agent = finding["facts"]["user_agent"].as_str().unwrap_or_default();
        let name = if *browser == Browser::Firefox {
            "Firefox/"
        } else {
            "Chrome/"
        };
        assert!(agent.contains(name), "{browser:?}: {agent}");
    }

    // The server stops: Handshake's check fails too, and the browser's
    // failure says so instead of guessing a browser-only cause.
    drop(server);
    let (code, finding) = check(Browser::Chromium, &["tcp-refused", "browser-failed"]);
    assert_eq!(code, Some(1), "{finding}");
    assert_eq!(finding["facts"]["handshake_ok"], "no", "{finding}");
}

/// A server that lets in only the user's page: the browser's own probe page
/// (http://127.0.0.1:PORT) is refused, and the report says that the probe
/// page's Origin was refused — proven from Rust with the same Origin — and
/// that the user's Origin is let in.
#[test]
fn check_in_the_browser_says_when_only_the_probe_pages_origin_is_refused() {
    let home = Home::new();
    let server = Node::start(Kind::AppOrigin, None);
    let url = format!("ws://127.0.0.1:{}/echo", server.port);
    for (origin, shown) in [
        (Some("https://app.example.com"), "https://app.example.com"),
        (None, "none"),
    ] {
        let launcher = home.launcher(Browser::Chromium).display().to_string();
        let mut args = vec!["check", "--json", url.as_str(), "--browser", &launcher];
        if let Some(origin) = origin {
            args.extend(["--origin", origin]);
        }
        let output = run_as_user(&home, &args);
        home.stop_browsers();
        let (code, text) = (output.status.code(), stdout(&output));
        let report: serde_json::Value =
            serde_json::from_str(&text).unwrap_or_else(|error| panic!("{error}: {text}"));
        // An https page opening ws:// to loopback is a warning of its own.
        let expected: &[&str] = if origin.is_some() {
            &["mixed-content", "browser-origin-refused", "ws-ok"]
        } else {
            &["browser-origin-refused", "ws-ok"]
        };
        crate::made_by(
            &report,
            &Live::printed(Program::Chromium, &output),
            expected,
        );
        // The user's page is let in: a warning about the probe, exit 0;
        // without --origin Handshake cannot tell: an error.
        assert_eq!(code, Some(if origin.is_some() { 0 } else { 1 }), "{report}");
        let refused = report["findings"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|f| f["code"] == "browser-origin-refused")
            .unwrap_or_else(|| panic!("{origin:?}: {report}"));
        assert_eq!(refused["facts"]["status"], 403, "{refused}");
        let severity = if origin.is_some() { "warning" } else { "error" };
        assert_eq!(refused["severity"], severity, "{refused}");
        assert_eq!(refused["facts"]["origin"], shown, "{refused}");
        assert!(
            refused["facts"]["page_origin"]
                .as_str()
                .is_some_and(|page| page.starts_with("http://127.0.0.1:")),
            "{refused}"
        );
    }
}

/// Firefox's console for the same failures, read over WebDriver BiDi: one
/// line whatever the cause — an untrusted certificate, TLS sent to a plain
/// port, a 400 upgrade, a refused port — which `explain-log` says plainly,
/// and only the page's close code tells TLS (1015) from the rest (1006);
/// for a fetch blocked by CORS Firefox does say why.
#[test]
fn firefox_says_one_line_for_every_failure_and_explain_log_says_so() {
    let home = Home::new();
    home.make_firefox_database();
    let certificate = home.dev_ca_certificate(handshake());
    let (chain, key) = (&certificate.chain, &certificate.key);
    let tls = Node::start(Kind::Echo, Some((chain, key)));
    let plain = Node::start(Kind::Echo, None);
    let closed = handshake_testkit::servers::free_port();
    for (url, close) in [
        (format!("wss://localhost:{}/echo", tls.port), 1015),
        (format!("wss://127.0.0.1:{}/echo", plain.port), 1015),
        (format!("ws://127.0.0.1:{}/nope", plain.port), 1006),
        (format!("ws://127.0.0.1:{closed}/echo"), 1006),
    ] {
        let (outcome, said) = browser::firefox_console(&home, &Origin::Http, &url, 30);
        assert_eq!(
            outcome.close_code(),
            Some(close),
            "{url}: {}",
            outcome.report
        );
        let line = format!("Firefox can’t establish a connection to the server at {url}.");
        assert_eq!(said, std::slice::from_ref(&line), "{url}");
        let report = explain(&line);
        crate::made_by(&report, &outcome.live(), &["log-ws-connection-failed"]);
        let finding = &report["findings"][0];
        assert_eq!(finding["facts"]["said"], "firefox", "{report}");
        assert!(
            finding["explanation"]
                .as_str()
                .is_some_and(|text| text.contains("names no cause")),
            "{report}"
        );
        coverage::record_log(&outcome.live(), &line);
    }
    // A fetch to an API that sends no CORS header: here Firefox says why.
    let api = handshake_testkit::servers::free_port();
    let nginx = handshake_testkit::nginx::Nginx::start(
        &format!("server {{ listen 127.0.0.1:{api}; location = /api {{ return 200 \"ok\"; }} }}"),
        &[api],
    );
    let url = format!("http://127.0.0.1:{api}/api");
    let (outcome, said) = browser::firefox_console(&home, &Origin::Http, &url, 30);
    assert_eq!(
        outcome.report["event"], "fetch-failed",
        "{}",
        outcome.report
    );
    assert_eq!(
        said,
        [format!(
            "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at {url}. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 200."
        )]
    );
    let report = explain(&said[0]);
    crate::made_by(&report, &outcome.live(), &["log-cors-blocked"]);
    coverage::record_log(&outcome.live(), &said[0]);
    drop(nginx);
}

/// Firefox loading a page it cannot: the code its error page shows, as its
/// remote protocol names it, and what `explain-log` makes of it — an
/// untrusted issuer, a self-signed certificate, TLS sent to a plain port.
#[test]
fn firefox_page_load_errors_are_explained() {
    let home = Home::new();
    home.make_firefox_database();
    let certificate = home.dev_ca_certificate(handshake());
    let dir = crate::scratch("firefox-self-signed");
    let (own_cert, own_key) = handshake_testkit::pki::self_signed(&["localhost"]).write_pem(&dir);
    let untrusted = Node::start(Kind::Echo, Some((&certificate.chain, &certificate.key)));
    let own = Node::start(Kind::Echo, Some((&own_cert, &own_key)));
    let plain = Node::start(Kind::Echo, None);
    for (url, words, code) in [
        (
            format!("https://localhost:{}/", untrusted.port),
            "SEC_ERROR_UNKNOWN_ISSUER",
            "log-cert-untrusted",
        ),
        (
            format!("https://localhost:{}/", own.port),
            "MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT",
            "log-cert-untrusted",
        ),
        (
            format!("https://127.0.0.1:{}/", plain.port),
            "SSL_ERROR_RX_RECORD_TOO_LONG",
            "log-tls-handshake-failed",
        ),
    ] {
        let said = browser::firefox_page_error(&home, &url, 30);
        assert!(said.contains(words), "{url}: Firefox said {said}");
        crate::made_by(&explain(&said), &said.live(), &[code]);
        coverage::record_log(&said.live(), &said);
    }
}

fn program(browser: Browser) -> Program {
    match browser {
        Browser::Chromium => Program::Chromium,
        Browser::Firefox => Program::Firefox,
    }
}

/// What Chromium's console really says for each failure of the seed, read
/// over its DevTools protocol as the developer tools show it, and what
/// `explain-log` makes of those lines: the cause Chromium ends its line
/// with, not just "the connection failed".
#[test]
fn chromium_console_lines_are_explained() {
    let home = Home::new();
    let certificate = home.dev_ca_certificate(handshake());
    let (chain, key) = (&certificate.chain, &certificate.key);
    let tls = Node::start(Kind::Echo, Some((chain, key)));
    let plain = Node::start(Kind::Echo, None);
    let closed = handshake_testkit::servers::free_port();
    let explained = |url: &str, origin: &Origin<'_>, wanted: &str, words: &str| {
        let (outcome, said) = browser::chromium_console(&home, origin, url, 30);
        let line = said
            .iter()
            .find(|line| line.contains(words))
            .unwrap_or_else(|| panic!("{url}: Chromium said {said:?} ({})", outcome.report));
        let report = explain(&said.join(
            "
",
        ));
        crate::made_by(&report, &outcome.live(), &[wanted]);
        coverage::record_log(&outcome.live(), line);
        line.clone()
    };
    let untrusted = explained(
        &format!("wss://localhost:{}/echo", tls.port),
        &Origin::Http,
        "log-cert-untrusted",
        "net::ERR_CERT_AUTHORITY_INVALID",
    );
    assert_eq!(
        untrusted,
        format!(
            "WebSocket connection to 'wss://localhost:{}/echo' failed: Error in connection establishment: net::ERR_CERT_AUTHORITY_INVALID",
            tls.port
        )
    );
    explained(
        &format!("wss://127.0.0.1:{}/echo", plain.port),
        &Origin::Http,
        "log-tls-handshake-failed",
        "net::ERR_SSL_PROTOCOL_ERROR",
    );
    explained(
        &format!("ws://127.0.0.1:{}/nope", plain.port),
        &Origin::Http,
        "log-ws-unexpected-status",
        "Unexpected response code: 400",
    );
    explained(
        &format!("ws://127.0.0.1:{closed}/echo"),
        &Origin::Http,
        "log-ws-connection-failed",
        "net::ERR_CONNECTION_REFUSED",
    );
    // A refused Origin (the page's own), a path nginx does not know, and a
    // fetch from the page to an API that sends no CORS header.
    let app = Node::start(Kind::AppOrigin, None);
    explained(
        &format!("ws://127.0.0.1:{}/echo", app.port),
        &Origin::Http,
        "log-ws-unexpected-status",
        "Unexpected response code: 403",
    );
    let api = handshake_testkit::servers::free_port();
    let nginx = handshake_testkit::nginx::Nginx::start(
        &format!(
            "server {{ listen 127.0.0.1:{api}; location = /api {{ return 200 \"ok\"; }} location / {{ return 404; }} }}"
        ),
        &[api],
    );
    explained(
        &format!("ws://127.0.0.1:{api}/nowhere"),
        &Origin::Http,
        "log-ws-unexpected-status",
        "Unexpected response code: 404",
    );
    explained(
        &format!("http://127.0.0.1:{api}/api"),
        &Origin::Http,
        "log-cors-blocked",
        "blocked by CORS policy",
    );
    drop(nginx);
    let (code, text) = as_user(&home, &["trust", "--store", "browsers", "--yes"]);
    assert_eq!(code, Some(0), "{text}");
    explained(
        &format!("ws://{}:{}/echo", browser::OTHER_HOST, plain.port),
        &Origin::Https { chain, key },
        "log-mixed-content",
        "Mixed Content:",
    );
}

/// Chromium behind the real Squid: a tunnel refused (a port outside its
/// SSL_ports) and no proxy at all, in Chromium's console words, which
/// `explain-log` names.
#[test]
fn chromium_behind_squid_says_the_proxy_refused_or_is_gone() {
    let home = Home::new();
    let certificate = home.dev_ca_certificate(handshake());
    let tls = Node::start(Kind::Echo, Some((&certificate.chain, &certificate.key)));
    let port = handshake_testkit::servers::free_port();
    let squid = handshake_testkit::squid::start(port, &handshake_testkit::squid::Setup::default());
    let closed = handshake_testkit::servers::free_port();
    let url = format!("wss://localhost:{}/echo", tls.port);
    for (proxy, words, code) in [
        (
            port,
            "Establishing a tunnel via proxy server failed",
            "log-proxy-tunnel-refused",
        ),
        (
            closed,
            "net::ERR_PROXY_CONNECTION_FAILED",
            "log-proxy-unreachable",
        ),
    ] {
        let server = format!("--proxy-server=http://127.0.0.1:{proxy}");
        // The page itself comes straight from 127.0.0.1; everything else,
        // loopback included, through the proxy.
        let (outcome, said) = browser::chromium_console_with(
            &home,
            &Origin::Http,
            &url,
            30,
            &[&server, "--proxy-bypass-list=<-loopback>;127.0.0.1"],
        );
        let line = said
            .iter()
            .find(|line| line.contains(words))
            .unwrap_or_else(|| panic!("{words}: Chromium said {said:?} ({})", outcome.report));
        crate::made_by(&explain(line), &outcome.live(), &[code]);
        coverage::record_log(&outcome.live(), line);
    }
    drop(squid);
}
