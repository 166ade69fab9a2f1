//! `handshake diagnose` as a user runs it: output, JSON shape, exit status.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::process::Command;
use std::time::Duration;

use crate::{handshake, stderr, stdout};
use handshake_testkit::coverage::Live;

/// A one-connection plain HTTP server on loopback that answers `response`
/// to whatever arrives, like Tomcat's HTTP connector does to a ClientHello.
fn answer_once(response: &'static [u8]) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    let port = listener.local_addr().expect("addr").port();
    std::thread::spawn(move || {
        if let Ok((mut stream, _)) = listener.accept() {
            let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
            let mut request = [0u8; 4096];
            let _ = stream.read(&mut request);
            let _ = stream.write_all(response);
        }
    });
    port
}

#[test]
fn names_tls_sent_to_a_plain_port_and_exits_1() {
    let port = answer_once(b"HTTP/1.1 400 \r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    let output = handshake(&["diagnose", &format!("wss://127.0.0.1:{port}/ws")]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("[tls-to-plain-port]"), "{text}");
    assert!(
        text.contains(&format!("Either connect with ws://127.0.0.1:{port}/ws")),
        "{text}"
    );
    assert!(text.contains("1 error ·"), "{text}");
}

#[test]
fn json_has_the_documented_shape() {
    let port = answer_once(b"HTTP/1.1 400 \r\nContent-Length: 0\r\n\r\n");
    let output = handshake(&["diagnose", "--json", &format!("wss://127.0.0.1:{port}/ws")]);
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON on stdout");
    assert_eq!(json["url"], format!("wss://127.0.0.1:{port}/ws"));
    assert_eq!(json["ok"], false);
    let finding = &json["findings"][0];
    assert_eq!(finding["code"], "tls-to-plain-port");
    assert_eq!(finding["severity"], "error");
    for field in ["title", "explanation", "fix"] {
        assert!(
            finding[field].as_str().is_some_and(|s| !s.is_empty()),
            "{field}"
        );
    }
    assert!(
        json["evidence"]["bytes"]["hex"]
            .as_str()
            .is_some_and(|h| h.starts_with("48 54 54 50"))
    );
    assert!(json["timings_ms"]["total"].as_f64().is_some());
}

#[test]
fn a_refused_port_exits_1_with_the_finding() {
    // From the reserved range: a port bound and let go in the ephemeral
    // range could be a stub's by the time the diagnosis connects.
    let port = handshake_testkit::servers::free_port();
    let output = handshake(&["diagnose", &format!("ws://127.0.0.1:{port}/")]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("[tcp-refused]"));
}

#[test]
fn bad_input_exits_2_with_the_fix() {
    let output = handshake(&["diagnose", "wss//localhost/ws"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("Did you mean wss://localhost/ws?"));

    let output = handshake(&[
        "diagnose",
        "--ca",
        "/nonexistent/ca.pem",
        "wss://localhost/ws",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("Cannot read /nonexistent/ca.pem"),
        "{}",
        stderr(&output)
    );

    let output = handshake(&["diagnose", "--timeout", "-1", "wss://localhost/ws"]);
    assert_eq!(output.status.code(), Some(2));
}

/// Every file a user names is refused at once when it is a device, and at
/// its size cap when it is a huge file: nothing is read forever.
#[test]
fn devices_and_oversized_files_are_refused_for_every_file_flag() {
    let dir = handshake_testkit::Scratch::new("big");
    std::fs::create_dir_all(&dir).expect("dir");
    // A sparse 64 MiB file: large to read, free to make.
    let big = dir.join("big");
    std::fs::File::create(&big)
        .and_then(|file| file.set_len(64 << 20))
        .expect("sparse file");
    let big = big.display().to_string();
    let url = "wss://127.0.0.1:9/ws";
    let cases: [(Vec<&str>, &str); 7] = [
        (vec!["diagnose", "--ca", "FILE", url], "CA certificate file"),
        (
            vec!["diagnose", "--expect-cert", "FILE", url],
            "certificate, key or keystore file",
        ),
        (vec!["diagnose", "--replay", "FILE"], "Handshake report"),
        (
            vec!["generate", "--profile", "FILE"],
            "handshake.toml profile",
        ),
        (
            vec![
                "inspect",
                "FILE",
                "--password-env",
                "HANDSHAKE_TEST_PASSWORD",
            ],
            "certificate, key or keystore file",
        ),
        (
            vec![
                "keystore",
                "--cert",
                "missing.pem",
                "--key",
                "missing-key.pem",
                "--key-password-file",
                "FILE",
                "--out",
                "x.p12",
                "--password-env",
                "HANDSHAKE_TEST_PASSWORD",
            ],
            "password file",
        ),
        (
            vec![
                "keystore",
                "--cert",
                "FILE",
                "--key",
                "FILE",
                "--out",
                "x.p12",
                "--password-env",
                "HANDSHAKE_TEST_PASSWORD",
            ],
            "certificate, key or keystore file",
        ),
    ];
    for (args, what) in cases {
        for (file, words) in [
            ("/dev/zero", "is not a regular file".to_owned()),
            (big.as_str(), format!("that is not a {what}")),
        ] {
            let args: Vec<&str> = args
                .iter()
                .map(|a| if *a == "FILE" { file } else { a })
                .collect();
            let output = crate::command()
                .args(&args)
                .env("HANDSHAKE_TEST_PASSWORD", "changeit")
                .current_dir(&dir)
                .output()
                .expect("handshake runs");
            assert_eq!(
                output.status.code(),
                Some(2),
                "{args:?}: {}",
                stderr(&output)
            );
            assert!(
                stderr(&output).contains(&words),
                "{args:?}: {}",
                stderr(&output)
            );
        }
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn without_a_network_a_name_does_not_resolve_and_loopback_is_unreachable() {
    // In a network namespace of its own the resolver is unreachable, so the
    // lookup fails here, without a packet leaving the machine.
    let allowed = Command::new("unshare")
        .args(["--net", "true"])
        .output()
        .is_ok_and(|output| output.status.success());
    if !allowed {
        // A network namespace needs root (or user namespaces); CI runs as root.
        handshake_testkit::skip("cannot make a network namespace here (unshare --net needs root)");
        return;
    }
    // `handshake diagnose --json URL` in a network namespace of its own.
    let isolated = |url: &str, expected: &[&str]| -> serde_json::Value {
        let output = Command::new("unshare")
            .args([
                "--net",
                env!("CARGO_BIN_EXE_handshake"),
                "diagnose",
                "--json",
                url,
            ])
            .output()
            .expect("unshare (util-linux) runs");
        assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
        let report = serde_json::from_str(&stdout(&output)).expect("JSON");
        crate::made_by(&report, &Live::kernel(), expected);
        report
    };
    // The OS's resolver, with no network to reach.
    isolated("wss://no-such-host.invalid/ws", &["dns-unresolved"]);

    // There even loopback is down: the kernel has no route to it.
    let json = isolated("ws://127.0.0.1:9/ws", &["tcp-failed"]);
    assert!(
        json["findings"][0]["explanation"]
            .as_str()
            .is_some_and(|text| text.contains("Network is unreachable")),
        "{json}"
    );
}

/// A resolver on loopback that reads queries and never answers, and a
/// mount namespace whose /etc/resolv.conf points at it (root only).
#[test]
fn a_name_the_resolver_never_answers_ends_the_process_at_the_timeout() {
    let resolver = match std::net::UdpSocket::bind("127.0.0.153:53") {
        Ok(socket) => socket,
        Err(error) => {
            // Port 53 and a mount namespace need root; CI runs as root.
            handshake_testkit::skip(&format!(
                "cannot run a resolver on 127.0.0.153:53 ({error}): port 53 needs root"
            ));
            return;
        }
    };
    let dir = handshake_testkit::Scratch::new("dns");
    std::fs::create_dir_all(&dir).expect("dir");
    let conf = dir.join("resolv.conf");
    std::fs::write(
        &conf,
        "nameserver 127.0.0.153\noptions timeout:30 attempts:1\n",
    )
    .expect("resolv.conf");
    for command in ["diagnose", "check"] {
        // The resolver waits 30 s: only the step's deadline (diagnose once;
        // check, then its diagnosis) ends the process before `timeout 10`
        // kills it with status 124.
        let output = Command::new("unshare")
            .args(["--mount", "sh", "-c"])
            .arg(format!(
                "mount --bind {} /etc/resolv.conf && exec timeout 10 {} {command} --timeout 1 wss://hang.example/ws",
                conf.display(),
                env!("CARGO_BIN_EXE_handshake")
            ))
            .env("LANG", "C.UTF-8")
            .output()
            .expect("unshare runs");
        assert_eq!(
            output.status.code(),
            Some(1),
            "{command}: {}",
            stderr(&output)
        );
        assert!(
            stdout(&output).contains("[dns-unresolved]"),
            "{command}: {}",
            stdout(&output)
        );
    }
    drop(resolver);
    let _ = std::fs::remove_dir_all(dir);
}

/// The proxy the environment names, as curl reads the variables: the
/// report says which way it went and why; NO_PROXY exempts a host; a SOCKS
/// proxy is named as not supported (exit 2), never silently bypassed.
#[test]
fn the_environments_proxy_is_followed_and_said() {
    use handshake_testkit::node::{Kind, Node};
    let echo = Node::start(Kind::Echo, None);
    let port = handshake_testkit::servers::free_port();
    let _proxy = handshake_testkit::tinyproxy::start(port, &[]);
    let url = format!("ws://127.0.0.1:{}/echo", echo.port);
    let run = |vars: &[(&str, &str)], args: &[&str]| {
        let mut command = crate::command();
        for name in [
            "http_proxy",
            "HTTP_PROXY",
            "https_proxy",
            "HTTPS_PROXY",
            "all_proxy",
            "ALL_PROXY",
            "no_proxy",
            "NO_PROXY",
            "ws_proxy",
            "WS_PROXY",
        ] {
            command.env_remove(name);
        }
        command
            .envs(vars.iter().copied())
            .arg("diagnose")
            .args(args)
            .arg(&url);
        command.output().expect("handshake runs")
    };
    let proxy = format!("http://127.0.0.1:{port}");
    let through = run(&[("http_proxy", &proxy)], &[]);
    assert_eq!(through.status.code(), Some(0), "{}", stderr(&through));
    assert!(
        stdout(&through).contains(&format!("through the proxy {proxy} (http_proxy)")),
        "{}",
        stdout(&through)
    );
    // Upper-case HTTP_PROXY is not read for plain HTTP (httpoxy), as curl.
    let upper = run(&[("HTTP_PROXY", &proxy)], &[]);
    assert!(
        !stdout(&upper).contains("through the proxy"),
        "{}",
        stdout(&upper)
    );
    let exempt = run(&[("http_proxy", &proxy), ("NO_PROXY", "127.0.0.0/8")], &[]);
    assert!(
        stdout(&exempt).contains("NO_PROXY exempts this host"),
        "{}",
        stdout(&exempt)
    );
    let direct = run(&[("http_proxy", &proxy)], &["--no-proxy"]);
    assert!(
        stdout(&direct).contains("directly (--no-proxy)"),
        "{}",
        stdout(&direct)
    );
    // Credentials in the proxy URL never reach the report.
    let secret = run(
        &[],
        &[
            "--json",
            "--proxy",
            &format!("http://alice:pa55word@127.0.0.1:{port}"),
        ],
    );
    assert!(!stdout(&secret).contains("pa55word"), "{}", stdout(&secret));
    assert!(
        stdout(&secret).contains("\"authenticated\": true"),
        "{}",
        stdout(&secret)
    );
    let socks = run(&[("ALL_PROXY", "socks5://127.0.0.1:1080")], &[]);
    assert_eq!(socks.status.code(), Some(2));
    assert!(
        stderr(&socks).contains("socks5:// proxy"),
        "{}",
        stderr(&socks)
    );
}
