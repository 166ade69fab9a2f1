//! WebSocket applications as their own projects serve them (`tests/node`):
//! a Socket.IO server, a graphql-ws server and the SockJS project's server.
//! `handshake diagnose` names what a plain WebSocket client meets there.

use handshake_testkit::coverage::{self, Live};
use handshake_testkit::node::{Kind, Node};
use serde_json::Value;

use crate::{handshake, json, made_by, stdout};

/// `handshake diagnose URL --json` against the real `server`: its report,
/// which names exactly `expected`.
fn diagnose(server: &Node, url: &str, expected: &[&str]) -> Value {
    let report = json(&handshake(&["diagnose", url, "--json", "--timeout", "5"]));
    made_by(&report, &server.live(), expected);
    report
}

#[test]
fn a_socketio_server_is_named_with_the_url_its_clients_use() {
    let server = Node::start(Kind::SocketIo, None);
    let url = format!("ws://127.0.0.1:{}/socket.io/", server.port);
    let report = diagnose(&server, &url, &["ws-socketio-endpoint"]);
    let facts = &report["findings"][0]["facts"];
    assert_eq!(facts["words"], "Transport unknown");
    assert_eq!(
        facts["client_url"],
        format!("http://127.0.0.1:{}/", server.port)
    );
    // The evidence shows the refusal as sent: status line and body.
    let response = &report["evidence"]["response"];
    assert_eq!(response["status_line"], "HTTP/1.1 400 Bad Request");
    assert_eq!(response["body_start"], "Transport unknown");
}

#[test]
fn a_sockjs_base_url_is_named_with_the_raw_websocket_url() {
    let server = Node::start(Kind::Sockjs, None);
    let url = format!("ws://127.0.0.1:{}/echo", server.port);
    let report = diagnose(&server, &url, &["ws-sockjs-endpoint"]);
    let raw = report["findings"][0]["facts"]["websocket_url"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert_eq!(raw, format!("{url}/websocket"));
    // The URL it names is a working WebSocket on the real server.
    diagnose(&server, &raw, &["ws-ok"]);
}

/// wss:// to Node's plain HTTP server: named from the outside, and its
/// parser's error, as an application's `clientError` handler logs it
/// (`HPE_INVALID_METHOD`), explained.
#[test]
fn tls_to_nodes_plain_http_server_is_named_and_its_log_explained() {
    let server = Node::start(Kind::Echo, None);
    diagnose(
        &server,
        &format!("wss://127.0.0.1:{}/echo", server.port),
        &["tls-to-plain-port"],
    );
    handshake_testkit::wait_until(
        5,
        || server.console().contains("HPE_INVALID_METHOD"),
        || server.console(),
    );
    let console = server.console();
    coverage::record_log(&server.live(), &console);
    let dir = crate::scratch("node-log");
    std::fs::write(dir.join("node.log"), &console).expect("log");
    let explained = json(&handshake(&[
        "explain-log",
        "--json",
        &dir.join("node.log").display().to_string(),
    ]));
    made_by(&explained, &server.live(), &["log-tls-on-plain-port"]);
}

#[test]
fn a_graphql_ws_server_closing_for_its_subprotocol_is_named() {
    let server = Node::start(Kind::GraphqlWs, None);
    let url = format!("ws://127.0.0.1:{}/graphql", server.port);
    let report = diagnose(&server, &url, &["ws-subprotocol-required", "ws-ok"]);
    let facts = &report["findings"][0]["facts"];
    assert_eq!(facts["how"], "closed");
    assert_eq!(facts["code"], 4406);
    assert_eq!(facts["reason"], "Subprotocol not acceptable");
}

#[test]
fn a_diagnosis_closes_the_websocket_as_a_client_should() {
    // Engine.IO speaks first; then our close 1000 is answered in kind.
    let server = Node::start(Kind::SocketIo, None);
    let url = format!(
        "ws://127.0.0.1:{}/socket.io/?EIO=4&transport=websocket",
        server.port
    );
    let report = diagnose(&server, &url, &["ws-ok"]);
    let after = &report["evidence"]["after_upgrade"];
    assert!(
        after["first_message"]
            .as_str()
            .is_some_and(|m| m.starts_with("0{\"sid\":")),
        "{after:#}"
    );
    assert_eq!(after["close"]["code"], 1000, "{after:#}");
    assert_eq!(after["server_closed_first"], false);
}

/// `handshake check URL ARGS --json` and its report; its exit status
/// agrees with `ok`.
fn check(url: &str, args: &[&str]) -> Value {
    let mut all = vec!["check", url, "--json", "--timeout", "5"];
    all.extend_from_slice(args);
    let output = handshake(&all);
    let report = json(&output);
    assert_eq!(
        output.status.code(),
        Some(if report["ok"] == true { 0 } else { 1 }),
        "{report:#}"
    );
    report
}

#[test]
fn check_proves_a_socketio_server_in_its_own_protocol() {
    let server = Node::start(Kind::SocketIo, None);
    // The address a Socket.IO client is given: auto picks Socket.IO from
    // the path, and the query is Engine.IO's.
    let report = check(&format!("ws://127.0.0.1:{}/socket.io/", server.port), &[]);
    assert_eq!(report["ok"], true, "{report:#}");
    assert_eq!(report["protocol"], "socketio");
    assert_eq!(report["picked"], "path");
    let spoken = &report["spoken"];
    assert_eq!(spoken["protocol"], "socketio");
    assert_eq!(spoken["namespace"], "/");
    assert_eq!(spoken["ping_interval_ms"], 25000, "Socket.IO's default");
    assert!(
        spoken["sid"].as_str().is_some_and(|sid| sid.len() >= 16),
        "{spoken}"
    );
    // On a terminal the summary names the protocol's handshake, not a
    // count of echoed messages.
    let url = format!("ws://127.0.0.1:{}/socket.io/", server.port);
    let output = handshake(&["check", &url, "--timeout", "5"]);
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.starts_with(&format!(
            "✓ {url} — connected, Socket.IO namespace joined, closed cleanly (1000)"
        )),
        "{text}"
    );
    // At a path of the application's own: what the server says first (its
    // Engine.IO open packet) names it.
    let report = check(
        &format!(
            "ws://127.0.0.1:{}/live/?EIO=4&transport=websocket",
            server.port
        ),
        &[],
    );
    assert_eq!(report["ok"], true, "{report:#}");
    assert_eq!(report["protocol"], "socketio");
    assert_eq!(report["picked"], "greeting");
    // The URL its clients are given (`io("http://…")`), with the protocol named.
    let report = check(
        &format!("http://127.0.0.1:{}/", server.port),
        &["--protocol", "socketio"],
    );
    assert_eq!(report["ok"], true, "{report:#}");
    assert_eq!(report["url"], format!("ws://127.0.0.1:{}/", server.port));
}

#[test]
fn check_proves_a_graphql_ws_server_and_names_its_subprotocol() {
    let server = Node::start(Kind::GraphqlWs, None);
    let url = format!("ws://127.0.0.1:{}/graphql", server.port);
    let report = check(&url, &[]);
    assert_eq!(report["ok"], true, "{report:#}");
    assert_eq!(report["protocol"], "graphql-ws");
    assert_eq!(report["subprotocol"], "graphql-transport-ws");
    assert_eq!(report["spoken"]["protocol"], "graphql-ws");
    let output = handshake(&["check", &url, "--timeout", "5", "--lang", "ko"]);
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.starts_with(&format!(
            "✓ {url} — 연결됨, graphql-ws connection_ack 받음, "
        )),
        "{text}"
    );
    // As echo, offering nothing: the server closes with its own code, and
    // the findings carry it as an error (the JSON contract: ok is false
    // exactly when an error finding is present).
    let report = check(&url, &["--protocol", "echo"]);
    assert_eq!(report["ok"], false);
    assert_eq!(report["failure"]["kind"], "closed-websocket", "{report:#}");
    assert_eq!(report["failure"]["code"], 4406);
    made_by(
        &report,
        &server.live(),
        &["ws-subprotocol-required", "ws-closed-by-server", "ws-ok"],
    );
    let closed = report["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|f| f["code"] == "ws-closed-by-server")
        .cloned()
        .unwrap_or_default();
    assert_eq!(closed["facts"]["reason"], "Subprotocol not acceptable");
}

/// A SockJS endpoint checked as its users give it — the http(s) URL of
/// `new SockJS(…)`, or its ws(s) base URL — and Socket.IO's http URL of
/// `io(…)`: `auto` finds which it is and speaks it, and says why. Before,
/// the http URL was refused (exit 2) and the ws URL failed as a plain
/// WebSocket.
#[test]
fn auto_speaks_sockjs_and_socketio_at_the_urls_their_clients_are_given() {
    let sockjs = Node::start(Kind::Sockjs, None);
    for url in [
        format!("http://127.0.0.1:{}/echo", sockjs.port),
        format!("ws://127.0.0.1:{}/echo", sockjs.port),
    ] {
        let report = check(&url, &[]);
        assert_eq!(report["ok"], true, "{url}: {report:#}");
        assert_eq!(report["protocol"], "sockjs", "{report:#}");
        assert_eq!(report["spoken"]["protocol"], "sockjs-echo");
        assert_eq!(report["picked"], "sockjs-info");
        assert_eq!(
            report["url"],
            format!("ws://127.0.0.1:{}/echo", sockjs.port)
        );
    }
    let said = stdout(&handshake(&[
        "check",
        &format!("http://127.0.0.1:{}/echo", sockjs.port),
    ]));
    assert!(
        said.contains(
            "(picked by --protocol auto: the URL answers …/info as a SockJS endpoint does)"
        ),
        "{said}"
    );

    let socketio = Node::start(Kind::SocketIo, None);
    let report = check(&format!("http://127.0.0.1:{}/", socketio.port), &[]);
    assert_eq!(report["ok"], true, "{report:#}");
    assert_eq!(report["spoken"]["protocol"], "socketio", "{report:#}");
    assert_eq!(report["picked"], "socketio-handshake");

    // An http URL that is neither: refused as before, with its ws form.
    let output = handshake(&[
        "check",
        "--json",
        &format!("http://127.0.0.1:{}/graphql", socketio.port),
        "--timeout",
        "2",
    ]);
    assert_eq!(output.status.code(), Some(2), "{}", stdout(&output));
    let report = json(&output);
    assert_eq!(report["failure"]["kind"], "not-websocket", "{report:#}");
    assert_eq!(
        report["failure"]["suggestion"],
        format!("ws://127.0.0.1:{}/graphql", socketio.port)
    );
}

#[test]
fn check_proves_a_sockjs_endpoint_and_names_its_close() {
    let server = Node::start(Kind::Sockjs, None);
    let report = check(
        &format!("ws://127.0.0.1:{}/echo", server.port),
        &["--protocol", "sockjs"],
    );
    assert_eq!(report["ok"], true, "{report:#}");
    assert_eq!(report["spoken"]["protocol"], "sockjs-echo");
    // A session the server closes at once: its own code and words.
    let report = check(
        &format!("ws://127.0.0.1:{}/goaway", server.port),
        &["--protocol", "sockjs"],
    );
    assert_eq!(report["ok"], false);
    assert_eq!(report["failure"]["code"], 3000, "{report:#}");
    assert_eq!(report["failure"]["reason"], "Go away!");
    made_by(&report, &server.live(), &["ws-closed-by-server", "ws-ok"]);
}

#[test]
fn the_wrong_protocol_is_named_with_what_the_server_said() {
    // STOMP asked of a Socket.IO server: its Engine.IO open packet is not
    // a STOMP frame, and the finding quotes it.
    let server = Node::start(Kind::SocketIo, None);
    let url = format!(
        "ws://127.0.0.1:{}/socket.io/?EIO=4&transport=websocket",
        server.port
    );
    let report = check(&url, &["--protocol", "stomp"]);
    assert_eq!(report["ok"], false, "{report:#}");
    assert_eq!(report["failure"]["kind"], "not-this-protocol");
    made_by(&report, &server.live(), &["ws-protocol-refused", "ws-ok"]);
    let facts = &report["findings"][0]["facts"];
    assert_eq!(facts["how"], "other");
    assert!(
        facts["words"]
            .as_str()
            .is_some_and(|w| w.starts_with("0{\"sid\":")),
        "{facts}"
    );
}

#[test]
fn a_name_with_both_families_and_a_server_on_one_is_named() {
    // A hosts file in a mount namespace of its own: dual.test is ::1 first
    // (as localhost is for Node 17+), then 127.0.0.1; the server listens on
    // 127.0.0.1 only.
    let allowed = std::process::Command::new("unshare")
        .args(["--mount", "true"])
        .output()
        .is_ok_and(|output| output.status.success());
    if !allowed {
        // A mount namespace needs root; CI runs as root.
        handshake_testkit::skip("cannot make a mount namespace here (unshare --mount needs root)");
        return;
    }
    let server = Node::start(Kind::Sockjs, None);
    let dir = handshake_testkit::Scratch::new("dual");
    let hosts = dir.join("hosts");
    std::fs::write(&hosts, "::1 dual.test\n127.0.0.1 dual.test\n").expect("hosts");
    let url = format!("ws://dual.test:{}/echo/websocket", server.port);
    let output = std::process::Command::new("unshare")
        .args(["--mount", "sh", "-c"])
        .arg(format!(
            "mount --bind {} /etc/hosts && exec {} diagnose --json {url}",
            hosts.display(),
            env!("CARGO_BIN_EXE_handshake")
        ))
        .env("LANG", "C.UTF-8")
        .output()
        .expect("unshare runs");
    let report = json(&output);
    made_by(
        &report,
        &Live::kernel(),
        &["address-family-mismatch", "ws-ok"],
    );
    let facts = &report["findings"][0]["facts"];
    assert_eq!(facts["failed_address"], format!("[::1]:{}", server.port));
    assert_eq!(facts["how"], "refused");
    assert_eq!(facts["first_family"], "IPv6");
}

#[test]
fn an_idle_timeout_on_the_way_is_named_and_a_heartbeat_keeps_the_connection() {
    // The real nginx in front, with its idle timeout cut to 2 s (60 s by
    // default), forwarding the upgrade to SockJS's raw WebSocket echo.
    let server = Node::start(Kind::Sockjs, None);
    let proxy = handshake_testkit::servers::free_port();
    let nginx = handshake_testkit::nginx::Nginx::start(
        &format!(
            "server {{ listen 127.0.0.1:{proxy}; location / {{
                proxy_pass http://127.0.0.1:{};
                proxy_http_version 1.1;
                proxy_set_header Upgrade $http_upgrade;
                proxy_set_header Connection upgrade;
                proxy_read_timeout 2s;
            }} }}",
            server.port
        ),
        &[proxy],
    );
    let url = format!("ws://127.0.0.1:{proxy}/echo/websocket");
    let report = check(&url, &["--idle", "5"]);
    assert_eq!(report["ok"], false, "{report:#}");
    let failure = &report["failure"];
    assert_eq!(failure["kind"], "idle-closed", "{report:#}");
    // Not before nginx's timeout, and before the hold asked for ended: the
    // bounds are the two settings, not how fast this machine is.
    let after = failure["after_s"].as_f64().unwrap_or_default();
    assert!(
        (2.0..5.0).contains(&after),
        "closed after {after} s: {report:#}"
    );
    assert_eq!(failure["code"], 1006, "nginx closes without a close frame");
    made_by(&report, &nginx.live(), &["proxy-idle-timeout", "ws-ok"]);
    // WebSocket pings every second are traffic from the application back:
    // nginx's read timeout never fires.
    let report = check(&url, &["--idle", "5", "--ping", "1"]);
    assert_eq!(report["ok"], true, "{report:#}");
    assert!(
        report["idle"]["pings"].as_u64().is_some_and(|p| p >= 4),
        "{report:#}"
    );
    assert!(report["idle"]["held_s"].as_f64().is_some_and(|s| s >= 5.0));
    drop(nginx);
}

/// `ws`'s own Origin check (a `verifyClient` returning false) answers 401:
/// named as the Origin refused, since the same upgrade without an Origin
/// passes — not as credentials wanted.
#[test]
fn a_foreign_origin_refused_with_401_is_named_as_the_origin() {
    let server = Node::start(Kind::VerifyOrigin, None);
    let url = format!("ws://127.0.0.1:{}/echo", server.port);
    let report = json(&handshake(&[
        "diagnose",
        &url,
        "--origin",
        "http://evil.example",
        "--json",
        "--timeout",
        "5",
    ]));
    made_by(&report, &server.live(), &["ws-origin-forbidden"]);
    let facts = &report["findings"][0]["facts"];
    assert_eq!(facts["status_line"], "HTTP/1.1 401 Unauthorized");
    assert_eq!(facts["status_without_origin"], 101);
}

/// An application that accepts the upgrade and closes at once: named with
/// its code and reason, the subprotocol case as the subprotocol wanted.
#[test]
fn an_application_closing_right_after_the_upgrade_is_named() {
    let server = Node::start(Kind::Picky, None);
    let base = format!("ws://127.0.0.1:{}", server.port);
    let report = diagnose(
        &server,
        &format!("{base}/live"),
        &["ws-closed-at-once", "ws-ok"],
    );
    let facts = &report["findings"][0]["facts"];
    assert_eq!(facts["code"], 1008);
    assert_eq!(facts["reason"], "token required");
    diagnose(&server, &format!("{base}/live?token=1"), &["ws-ok"]);
    let report = diagnose(
        &server,
        &format!("{base}/chat"),
        &["ws-subprotocol-required", "ws-ok"],
    );
    let facts = &report["findings"][0]["facts"];
    assert_eq!(facts["code"], 1002);
    assert_eq!(facts["reason"], "Sec-WebSocket-Protocol chat.v1 required");
}
