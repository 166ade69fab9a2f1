//! Real Spring Boot, 3.5 and 4.0 (`tests/spring`, built by Maven): the
//! seed reproduced, every form `handshake generate spring` writes loaded by
//! Spring Boot itself and proven with `handshake check`, a renewal picked up
//! by a running application, and Spring's own start-up errors explained.

use std::path::Path;
use std::process::Output;

use handshake_testkit::coverage::{self, Live};
use handshake_testkit::judge;
use handshake_testkit::servers::free_port;
use handshake_testkit::spring::{Boot, Spring, Started};
use handshake_testkit::{curl, wait_until};

use crate::{command, json, made_by, scratch, stderr, stdout};

/// `handshake ARGS` run in `dir`, with no keystore password in the
/// environment (so a generated keystore gets a random one in `ssl.env`).
fn handshake_in(dir: &Path, args: &[&str]) -> Output {
    command()
        .args(args)
        .current_dir(dir)
        .env_remove("SSL_KEYSTORE_PASSWORD")
        .output()
        .unwrap_or_else(|error| panic!("handshake runs: {error}"))
}

/// `handshake generate spring` for `boot` in `dir`: a `form` with a new
/// certificate from the development CA in `dir/ca` for 127.0.0.1 (and
/// `more` flags), served on `port`, written to `dir/out`.
fn generate_spring(dir: &Path, boot: Boot, form: &str, port: &str, out: &str, more: &[&str]) {
    let args = [
        "generate",
        "spring",
        "--boot",
        boot.line(),
        "--form",
        form,
        "--dev-ca",
        "--ca-dir",
        "ca",
        "--host",
        "127.0.0.1",
        "--port",
        port,
        "--out",
        out,
    ];
    let generated = handshake_in(dir, &[&args[..], more].concat());
    assert_eq!(generated.status.code(), Some(0), "{}", stderr(&generated));
}

/// The `handshake check` line of the `NEXT-STEPS.md` in `folder`, run as
/// written there.
fn next_steps_check(folder: &Path) -> Output {
    let next = std::fs::read_to_string(folder.join("NEXT-STEPS.md")).expect("NEXT-STEPS.md");
    let line = next
        .lines()
        .find(|line| line.starts_with("handshake check "))
        .unwrap_or_else(|| panic!("no check in NEXT-STEPS.md:\n{next}"));
    let args: Vec<&str> = line.split_whitespace().skip(1).collect();
    handshake_in(folder, &args)
}

/// Spring Boot `boot` on plain HTTP on a free port of its own, in a new
/// scratch folder named for `what`, with `more` arguments: the folder, the
/// port and the running application.
fn plain_spring(
    boot: Boot,
    what: &str,
    more: &[&str],
) -> (handshake_testkit::Scratch, u16, Spring) {
    let dir = scratch(&format!("spring-{what}-{}", boot.line()));
    let port = free_port();
    let listen = format!("--server.port={port}");
    let spring = Spring::run(boot, &dir, None, &[&[listen.as_str()], more].concat());
    (dir, port, spring)
}

/// `handshake explain-log --json` on the console Spring Boot (`live`)
/// printed in `dir`; its wordings count as captured from Spring Boot.
fn explain_console(dir: &Path, live: &Live<'_>) -> Output {
    let console = handshake_testkit::read_lossy(&dir.join("spring-console.log"));
    coverage::record_log(live, &console);
    handshake_in(dir, &["explain-log", "--json", "spring-console.log"])
}

/// The seed: a `wss://` client on the plain HTTP port of a Spring Boot
/// application. Handshake names it, and Spring Boot's own console holds its
/// embedded Tomcat's line, which `explain-log` explains — and nothing else
/// in a normal Spring start-up is taken for a problem.
#[test]
fn the_seed_a_wss_client_on_the_plain_port_of_spring_boot() {
    for boot in Boot::ALL {
        let (dir, port, spring) = plain_spring(boot, "seed", &[]);
        let diagnosis = handshake_in(
            &dir,
            &["diagnose", "--json", &format!("wss://127.0.0.1:{port}/ws")],
        );
        assert_eq!(diagnosis.status.code(), Some(1), "{}", stderr(&diagnosis));
        made_by(&json(&diagnosis), &spring.live(), &["tls-to-plain-port"]);

        wait_until(
            10,
            || {
                spring
                    .console()
                    .contains("HTTP method names must be tokens")
            },
            || spring.console(),
        );
        let console = spring.console();
        assert!(
            console.contains("o.apache.coyote.http11.Http11Processor")
                && console.contains("Invalid character found in method name [0x160x030x01"),
            "{console}"
        );
        let explained = explain_console(&dir, &spring.live());
        assert_eq!(explained.status.code(), Some(1), "{}", stderr(&explained));
        made_by(
            &json(&explained),
            &spring.live(),
            &["log-tls-on-plain-port"],
        );
        drop(spring);
        let _ = std::fs::remove_dir_all(dir);
    }
}

/// Each form, as properties and as YAML, generated for `boot` and loaded
/// by that Spring Boot: it serves wss:// and `handshake check` passes.
fn serves_every_generated_form(boot: Boot) {
    let dir = scratch(&format!("spring-forms-{}", boot.line()));
    for form in ["keystore", "pem", "keystore-bundle", "pem-bundle"] {
        for file in ["application.properties", "application.yml"] {
            let port = free_port().to_string();
            let mut out = format!("{form}-{}", file.rsplit('.').next().unwrap_or(file));
            if form == "keystore" && file == "application.properties" {
                // Spring Boot reads .properties as ISO-8859-1: the keystore
                // in a folder named in Korean is found only when the path
                // is written as \uXXXX escapes.
                out = format!("키스토어-{out}");
            }
            // The bundle forms in Korean: Spring reads files whose comments
            // are UTF-8 Hangul as it reads English ones.
            let lang = if form.ends_with("bundle") { "ko" } else { "en" };
            generate_spring(
                &dir,
                boot,
                form,
                &port,
                &out,
                &["--host", "localhost", "--lang", lang],
            );
            let config = std::fs::read_to_string(dir.join(&out).join(file)).expect("config");
            assert_eq!(config.contains("Handshake가"), lang == "ko", "{config}");
            let env = dir.join(&out).join("ssl.env");
            assert_eq!(
                env.exists(),
                !form.starts_with("pem"),
                "{form}: ssl.env only with a keystore"
            );
            let location = format!("--spring.config.location=file:./{out}/{file}");
            let spring = Spring::run(
                boot,
                &dir,
                env.exists().then_some(env.as_path()),
                &[&location],
            );
            let console = spring.console();
            assert!(
                console.contains(&format!("started on port {port} (https)")),
                "Spring Boot {} {form} {file}: {console}",
                boot.version()
            );
            // The check NEXT-STEPS.md gives, typed as written in the export
            // folder, before any trust store has the CA.
            let check = next_steps_check(&dir.join(&out));
            assert_eq!(
                check.status.code(),
                Some(0),
                "Spring Boot {} {form} {file}:\n{}{}\n{}",
                boot.version(),
                stdout(&check),
                stderr(&check),
                spring.console()
            );
            // Judged by clients that are not Handshake: OpenSSL verifies the
            // chain Spring serves from each form, curl gets its 101.
            let ca_file = dir.join("ca/handshake-dev-ca.pem");
            let tls_port: u16 = port.parse().expect("port");
            judge::openssl_verifies(tls_port, "localhost", &ca_file)
                .unwrap_or_else(|said| panic!("{form} {file}: openssl: {said}"));
            judge::curl_upgrades(&format!("wss://localhost:{port}/ws"), &ca_file)
                .unwrap_or_else(|said| panic!("{form} {file}: curl: {said}"));
            if form == "keystore" && file == "application.properties" {
                // And a browser: headless Chromium trusting the CA echoes.
                judge::chromium_echoes(&format!("wss://localhost:{port}/ws"), &ca_file)
                    .unwrap_or_else(|said| panic!("{form} {file}: chromium: {said}"));
                // And a Java service's client, the JDK's java.net.http.
                judge::java_echoes(
                    &format!("wss://localhost:{port}/ws"),
                    &ca_file,
                    &dir.join("java-judge"),
                )
                .unwrap_or_else(|said| panic!("{form} {file}: java: {said}"));
                stomp_as_spring_clients_speak_it(&dir, &spring, boot, &port);
                // Plain HTTP to the TLS port, in Spring's own words.
                let page = curl(&["-sS", &format!("http://127.0.0.1:{port}/")]);
                assert!(
                    page.contains("This combination of host and port requires TLS"),
                    "{page}"
                );
                explain_words(&dir, &spring, &page, &["log-plain-on-tls-port"]);
            }
        }
    }
    let _ = std::fs::remove_dir_all(dir);
}

/// STOMP over wss and over SockJS, as STOMP.js and SockJS clients speak
/// it to Spring's `@EnableWebSocketMessageBroker`; and the SockJS base URL
/// opened as a plain WebSocket, named.
fn stomp_as_spring_clients_speak_it(dir: &Path, spring: &Spring, boot: Boot, port: &str) {
    let ca = "ca/handshake-dev-ca.pem";
    let check = |url: String, more: &[&str]| {
        let mut args = vec!["check", "--json", &url, "--ca", ca];
        args.extend_from_slice(more);
        json(&handshake_in(dir, &args))
    };
    let stomp = check(format!("wss://127.0.0.1:{port}/stomp"), &[]);
    assert_eq!(
        stomp["ok"],
        true,
        "Spring Boot {}: {stomp:#}",
        boot.version()
    );
    assert_eq!(stomp["protocol"], "stomp", "picked from the subprotocol");
    assert_eq!(stomp["subprotocol"], "v12.stomp");
    assert_eq!(stomp["spoken"]["version"], "1.2");
    assert_eq!(stomp["spoken"]["over_sockjs"], false);
    // The URL a Spring user gives `new SockJS(…)`, and its wss form: auto
    // finds SockJS there (it needed --protocol sockjs before, and the https
    // URL was refused).
    for url in [
        format!("https://127.0.0.1:{port}/sockjs"),
        format!("wss://127.0.0.1:{port}/sockjs"),
    ] {
        let sockjs = check(url, &[]);
        assert_eq!(
            sockjs["ok"],
            true,
            "Spring Boot {}: {sockjs:#}",
            boot.version()
        );
        assert_eq!(sockjs["picked"], "sockjs-info", "{sockjs:#}");
        assert_eq!(sockjs["spoken"]["protocol"], "stomp");
        assert_eq!(sockjs["spoken"]["over_sockjs"], true);
    }
    // What `check` did before it spoke STOMP: a plain "ping" waits for an
    // answer the STOMP endpoint never gives (an incomplete frame to it).
    let echo = check(
        format!("wss://127.0.0.1:{port}/stomp"),
        &["--protocol", "echo", "--timeout", "2"],
    );
    assert_eq!(echo["ok"], false, "{echo:#}");
    assert_eq!(echo["failure"]["kind"], "no-answer");
    made_by(&echo, &spring.live(), &["ws-no-answer", "ws-ok"]);
    let diagnosis = json(&handshake_in(
        dir,
        &[
            "diagnose",
            "--json",
            &format!("wss://127.0.0.1:{port}/sockjs"),
            "--ca",
            ca,
        ],
    ));
    made_by(&diagnosis, &spring.live(), &["ws-sockjs-endpoint"]);
}

/// `explain-log` reads exactly `expected` in `text`, which `spring` sent.
fn explain_words(dir: &Path, spring: &Spring, text: &str, expected: &[&str]) {
    coverage::record_log(&spring.live(), text);
    std::fs::write(dir.join("words.txt"), text).expect("words");
    let report = json(&handshake_in(dir, &["explain-log", "--json", "words.txt"]));
    made_by(&report, &spring.live(), expected);
}

#[test]
fn spring_boot_3_5_serves_every_generated_form() {
    serves_every_generated_form(Boot::V3_5);
}

#[test]
fn spring_boot_4_0_serves_every_generated_form() {
    serves_every_generated_form(Boot::V4_0);
}

/// The serial number of the certificate `url` serves.
fn served_serial(dir: &Path, url: &str) -> String {
    let report = json(&handshake_in(
        dir,
        &["diagnose", "--json", "--ca", "ca/handshake-dev-ca.pem", url],
    ));
    report["evidence"]["chain"][0]["serial"]
        .as_str()
        .unwrap_or_else(|| panic!("a served certificate: {report}"))
        .to_owned()
}

/// A renewal written over the files of an SSL bundle with
/// `reload-on-update` reaches the running application without a restart,
/// within Spring's quiet period (10 s by default).
#[test]
fn a_renewal_reaches_a_running_application_through_its_ssl_bundle() {
    for boot in Boot::ALL {
        let dir = scratch(&format!("spring-reload-{}", boot.line()));
        let port = free_port().to_string();
        generate_spring(&dir, boot, "pem-bundle", &port, "fix", &[]);
        let spring = Spring::run(
            boot,
            &dir,
            None,
            &["--spring.config.location=file:./fix/application.properties"],
        );
        let url = format!("wss://127.0.0.1:{port}/ws");
        let before = served_serial(&dir, &url);

        generate_spring(&dir, boot, "pem-bundle", &port, "fix", &["--force"]);
        let mut now = before.clone();
        wait_until(
            40,
            || {
                now = served_serial(&dir, &url);
                now != before
            },
            || spring.console(),
        );
        let check = handshake_in(&dir, &["check", &url, "--ca", "ca/handshake-dev-ca.pem"]);
        assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
        drop(spring);
        let _ = std::fs::remove_dir_all(dir);
    }
}

/// The words in double quotes in `text` that look like a program's message.
fn quoted_messages(text: &str) -> Vec<&str> {
    text.split('"')
        .skip(1)
        .step_by(2)
        .filter(|quoted| quoted.contains(' ') && quoted.len() > 15)
        .collect()
}

/// `handshake inspect` on the keystore Spring was given, with the password
/// and alias Spring used: the Spring message it predicts must be the one
/// Spring printed.
fn assert_inspect_predicted(
    dir: &Path,
    keystore: &str,
    password: &str,
    alias: &str,
    console: &str,
) {
    let inspected = command()
        .args([
            "inspect",
            keystore,
            "--password-env",
            "HANDSHAKE_TEST_PASSWORD",
            "--alias",
            alias,
        ])
        .env("HANDSHAKE_TEST_PASSWORD", password)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|error| panic!("handshake runs: {error}"));
    assert_eq!(inspected.status.code(), Some(1), "{}", stdout(&inspected));
    let said = stderr(&inspected);
    let predicted = quoted_messages(&said);
    assert!(!predicted.is_empty(), "a quoted Spring message: {said}");
    for message in predicted {
        assert!(
            console.contains(message),
            "inspect predicted “{message}”; Spring Boot printed:\n{console}"
        );
    }
}

/// Spring Boot's start-up errors, each caused for real on `boot`: Spring
/// exits, `handshake explain-log` names the cause from its console, and
/// `handshake inspect` predicted Spring's own words.
fn start_up_errors_are_explained(boot: Boot) {
    let dir = scratch(&format!("spring-errors-{}", boot.line()));
    let port = free_port().to_string();
    for (form, out) in [("keystore", "fix"), ("pem", "pem")] {
        generate_spring(&dir, boot, form, &port, out, &[]);
    }
    let env = std::fs::read_to_string(dir.join("fix/ssl.env")).expect("ssl.env");
    let password = env
        .lines()
        .find_map(|line| line.strip_prefix("SSL_KEYSTORE_PASSWORD="))
        .expect("the password line")
        .to_owned();
    std::fs::write(
        dir.join("wrong.env"),
        "SSL_KEYSTORE_PASSWORD=not-the-password\n",
    )
    .expect("env");
    // A keystore holding the same certificate without its key, as
    // `keytool -importcert` makes it.
    let certificate = dir.join("pem/fullchain.pem");
    handshake_testkit::pki::certificate_only_keystore(
        &certificate,
        &dir.join("fix/certificate-only.p12"),
        &password,
    );

    let keystore = "--spring.config.location=file:./fix/application.properties";
    let pem = "--spring.config.location=file:./pem/application.properties";
    struct Case<'a> {
        what: &'a str,
        env: Option<&'a str>,
        args: Vec<&'a str>,
        code: &'a str,
        /// The keystore, password and alias `inspect` is asked about.
        inspect: Option<(&'a str, &'a str, &'a str)>,
    }
    let cases = [
        Case {
            what: "a wrong keystore password",
            env: Some("wrong.env"),
            args: vec![keystore],
            code: "log-keystore-password",
            inspect: Some(("fix/server.p12", "not-the-password", "server")),
        },
        Case {
            what: "ssl.env not sourced",
            env: None,
            args: vec![keystore],
            code: "log-keystore-password",
            inspect: None,
        },
        Case {
            what: "a missing alias",
            env: Some("fix/ssl.env"),
            args: vec![keystore, "--server.ssl.key-alias=other"],
            code: "log-keystore-alias",
            inspect: Some(("fix/server.p12", &password, "other")),
        },
        Case {
            what: "an alias holding only a certificate",
            env: Some("fix/ssl.env"),
            args: vec![
                keystore,
                "--server.ssl.key-store=file:./fix/certificate-only.p12",
            ],
            code: "log-keystore-alias",
            inspect: Some(("fix/certificate-only.p12", &password, "server")),
        },
        Case {
            what: "a missing keystore",
            env: Some("fix/ssl.env"),
            args: vec![keystore, "--server.ssl.key-store=file:./fix/missing.p12"],
            code: "log-certificate-file-missing",
            inspect: None,
        },
        Case {
            what: "a missing certificate file",
            env: None,
            args: vec![pem, "--server.ssl.certificate=file:./pem/missing.pem"],
            code: "log-certificate-file-missing",
            inspect: None,
        },
    ];
    for case in cases {
        let env = case.env.map(|env| dir.join(env));
        let console = match Spring::start(boot, &dir, env.as_deref(), &case.args) {
            Started::Failed(console) => console,
            Started::Running(spring) => {
                panic!(
                    "{}: Spring Boot {} started:\n{}",
                    case.what,
                    boot.version(),
                    spring.console()
                )
            }
        };
        let explained = explain_console(&dir, &console.live());
        made_by(&json(&explained), &console.live(), &[case.code]);
        if let Some((file, password, alias)) = case.inspect {
            assert_inspect_predicted(&dir, file, password, alias, &console);
        }
    }

    // A PEM key from another pair: Spring Boot does not check it and
    // starts; every handshake then fails on the server's signature.
    generate_spring(&dir, boot, "pem", &port, "other", &[]);
    let spring = Spring::run(
        boot,
        &dir,
        None,
        &[
            pem,
            "--server.ssl.certificate-private-key=file:./other/privkey.pem",
        ],
    );
    let diagnosis = handshake_in(
        &dir,
        &[
            "diagnose",
            "--json",
            "--ca",
            "ca/handshake-dev-ca.pem",
            &format!("wss://127.0.0.1:{port}/ws"),
        ],
    );
    let report = json(&diagnosis);
    made_by(&report, &spring.live(), &["tls-handshake-failed"]);
    assert!(
        report["findings"][0]["explanation"]
            .as_str()
            .is_some_and(|text| text.contains("a key that does not belong to the certificate")),
        "{report}"
    );
    drop(spring);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn spring_boot_3_5_start_up_errors_are_explained() {
    start_up_errors_are_explained(Boot::V3_5);
}

#[test]
fn spring_boot_4_0_start_up_errors_are_explained() {
    start_up_errors_are_explained(Boot::V4_0);
}

/// What a Spring Boot WebSocket application refuses, as the real one
/// refuses it: a page origin it does not allow, and an upgrade that a proxy
/// in front (nginx with its defaults: HTTP/1.0, no Upgrade header) dropped
/// — named by `diagnose`, and Spring's own log lines by `explain-log`
/// (the refused origin at DEBUG; the dropped upgrade as an ERROR on 3.5, at
/// DEBUG only on 4.0, so at 4.0's default level `diagnose` is the only
/// witness).
#[test]
fn spring_refuses_a_foreign_origin_and_an_upgrade_a_proxy_dropped() {
    for boot in Boot::ALL {
        let (dir, port, spring) = plain_spring(
            boot,
            "refusals",
            &[
                "--app.allowed-origins=http://app.example.com",
                // Where Spring says why it refused an origin (DEBUG).
                "--logging.level.org.springframework.web.socket.server.support=DEBUG",
                // And why a CORS request was refused (DEBUG).
                "--logging.level.org.springframework.web.cors=DEBUG",
            ],
        );
        let url = format!("ws://127.0.0.1:{port}/ws");
        let foreign = handshake_in(
            &dir,
            &[
                "diagnose",
                "--json",
                "--origin",
                "http://evil.example",
                &url,
            ],
        );
        made_by(&json(&foreign), &spring.live(), &["ws-origin-forbidden"]);
        let allowed = handshake_in(
            &dir,
            &[
                "diagnose",
                "--json",
                "--origin",
                "http://app.example.com",
                &url,
            ],
        );
        made_by(&json(&allowed), &spring.live(), &["ws-ok"]);
        // From an https page browsers still open ws:// to loopback (a
        // warning: it breaks once deployed), and Spring still refuses the
        // Origin.
        let page = handshake_in(
            &dir,
            &[
                "diagnose",
                "--json",
                "--origin",
                "https://app.example.com",
                &url,
            ],
        );
        made_by(
            &json(&page),
            &spring.live(),
            &["ws-origin-forbidden", "mixed-content"],
        );
        wait_until(
            10,
            || {
                spring
                    .console()
                    .contains("Origin header value http://evil.example not allowed")
            },
            || spring.console(),
        );
        let explained = explain_console(&dir, &spring.live());
        made_by(
            &json(&explained),
            &spring.live(),
            &["log-origin-rejected", "log-origin-rejected"],
        );
        // A plain GET on the WebSocket endpoint: Spring's own 400 body.
        let body = curl(&["-sS", &format!("http://127.0.0.1:{port}/ws")]);
        assert!(
            body.contains("Can \"Upgrade\" only to \"WebSocket\""),
            "{body}"
        );
        explain_words(&dir, &spring, &body, &["log-upgrade-header-missing"]);
        // A cross-origin preflight the SockJS endpoint refuses: Spring
        // answers 403 "Invalid CORS request" and logs why at DEBUG.
        let refused = curl(&[
            "-sS",
            "-X",
            "OPTIONS",
            "-H",
            "Origin: http://evil.example",
            "-H",
            "Access-Control-Request-Method: GET",
            &format!("http://127.0.0.1:{port}/sockjs/info"),
        ]);
        assert!(refused.contains("Invalid CORS request"), "{refused}");
        explain_words(&dir, &spring, &refused, &["log-origin-rejected"]);
        wait_until(
            10,
            || spring.console().contains("origin is not allowed"),
            || spring.console(),
        );
        // A client that does not percent-encode its query (a raw `{`).
        {
            use std::io::{Read, Write};
            let mut raw = std::net::TcpStream::connect(("127.0.0.1", port)).expect("connect");
            raw.set_read_timeout(Some(std::time::Duration::from_secs(10)))
                .expect("timeout");
            raw.write_all(b"GET /ws?filter={room} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                .expect("write");
            let mut answer = Vec::new();
            let _ = raw.read_to_end(&mut answer);
            assert!(
                answer.starts_with(b"HTTP/1.1 400"),
                "{}",
                String::from_utf8_lossy(&answer)
            );
        }
        wait_until(
            10,
            || {
                spring
                    .console()
                    .contains("Invalid character found in the request target")
            },
            || spring.console(),
        );

        let proxy = free_port();
        let nginx = handshake_testkit::nginx::Nginx::start(
            &format!(
                "server {{ listen 127.0.0.1:{proxy}; location / {{ proxy_pass http://127.0.0.1:{port}; }} }}"
            ),
            &[proxy],
        );
        let dropped = handshake_in(
            &dir,
            &["diagnose", "--json", &format!("ws://127.0.0.1:{proxy}/ws")],
        );
        let report = json(&dropped);
        made_by(&report, &spring.live(), &["ws-upgrade-rejected"]);
        assert_eq!(
            report["evidence"]["response"]["body_start"], "Can \"Upgrade\" only to \"WebSocket\".",
            "Spring's answer, through nginx"
        );
        wait_until(
            10,
            || spring.console().contains("invalid Upgrade header"),
            || spring.console(),
        );
        // Spring Boot 3.5 logs it as an ERROR; 4.0 only at DEBUG (on here).
        let level = if boot == Boot::V3_5 { "ERROR" } else { "DEBUG" };
        assert!(
            spring
                .console()
                .lines()
                .any(|line| line.contains("invalid Upgrade header") && line.contains(level)),
            "{}",
            spring.console()
        );
        let explained = explain_console(&dir, &spring.live());
        let explained = json(&explained);
        let mut found = crate::codes(&explained);
        found.dedup();
        coverage::assert_made(
            &spring.live(),
            &found,
            // The plain GET on /ws logged the missing Upgrade before the raw
            // request's target.
            &[
                "log-origin-rejected",
                "log-upgrade-header-missing",
                "log-invalid-request-target",
            ],
        );
        drop(nginx);
        drop(spring);
        let _ = std::fs::remove_dir_all(dir);
    }
}

#[test]
fn a_stomp_connect_refused_by_the_application_quotes_spring_and_a_login_passes() {
    for boot in Boot::ALL {
        let (dir, port, spring) = plain_spring(
            boot,
            "stomp-login",
            &[
                "--app.stomp-login=alice",
                "--app.stomp-passcode=s3cret-passcode",
            ],
        );
        let url = format!("ws://127.0.0.1:{port}/stomp");
        let refused = json(&handshake_in(&dir, &["check", "--json", &url]));
        assert_eq!(refused["ok"], false, "{refused:#}");
        assert_eq!(refused["failure"]["kind"], "protocol-refused");
        made_by(&refused, &spring.live(), &["ws-protocol-refused", "ws-ok"]);
        let words = refused["findings"][0]["facts"]["words"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        assert!(
            words.contains("Bad credentials"),
            "Spring's own words: {words}"
        );
        let passed = command()
            .args(["check", "--json", &url, "--stomp-login", "alice"])
            .args(["--stomp-passcode-env", "STOMP_PASSCODE"])
            .env("STOMP_PASSCODE", "s3cret-passcode")
            .current_dir(&dir)
            .output()
            .expect("handshake runs");
        let passed = json(&passed);
        assert_eq!(passed["ok"], true, "{passed:#}\n{}", spring.console());
        assert!(
            !passed.to_string().contains("s3cret-passcode"),
            "the passcode is never printed"
        );
    }
}

#[test]
fn stomp_passes_through_the_generated_nginx_config() {
    for boot in Boot::ALL {
        let (dir, port, spring) = plain_spring(boot, "stomp-nginx", &[]);
        let tls = free_port();
        let generated = handshake_in(
            &dir,
            &[
                "generate",
                "nginx",
                "--host",
                "localhost",
                "--upstream",
                &format!("http://127.0.0.1:{port}"),
                "--ws-path",
                "/stomp",
                "--listen",
                &format!("127.0.0.1:{tls}"),
                "--redirect-from",
                "none",
                "--dev-ca",
                "--ca-dir",
                "ca",
                "--out",
                "proxy",
            ],
        );
        assert_eq!(generated.status.code(), Some(0), "{}", stderr(&generated));
        let config = std::fs::read_to_string(dir.join("proxy/handshake-nginx.conf"))
            .expect("the generated config");
        let nginx = handshake_testkit::nginx::Nginx::start(&config, &[tls]);
        let stomp = json(&handshake_in(
            &dir,
            &[
                "check",
                "--json",
                &format!("wss://localhost:{tls}/stomp"),
                "--ca",
                "ca/handshake-dev-ca.pem",
            ],
        ));
        assert_eq!(
            stomp["ok"],
            true,
            "Spring Boot {}: {stomp:#}\n{}\n{}",
            boot.version(),
            nginx.log(),
            spring.console()
        );
        assert_eq!(stomp["spoken"]["protocol"], "stomp");
        assert_eq!(stomp["tls"]["version"], "TLSv1.3");
        drop(nginx);
    }
}
