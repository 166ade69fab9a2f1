//! What a user reads, pinned: each command's human and JSON output in
//! English and Korean, on success and on failure, as `handshake_snapshot!`
//! takes it (times, temporary folders and chosen ports filtered). The other
//! tests say what must be there; these say that nothing else changed.

use handshake_testkit::servers::free_port;

use crate::{command, handshake, handshake_fed, scratch};

/// What `text` makes of a port nothing listens on, and that port (for the
/// snapshot to name it `[PORT]`).
fn on_a_free_port(text: impl Fn(u16) -> String) -> (String, String) {
    let port = free_port();
    (text(port), port.to_string())
}

const CONSOLE: &[u8] = b"WebSocket connection to 'wss://api.example.com/ws' failed: Error during WebSocket handshake: Unexpected response code: 400\n";

#[test]
fn diagnose_a_refused_port() {
    let (url, port) = on_a_free_port(|port| format!("ws://127.0.0.1:{port}/"));
    let replaced = [(port.as_str(), "PORT")];
    handshake_snapshot!(&replaced, handshake(&["diagnose", &url]), @"
    exit status: 1
    ----- stdout -----
    ws://127.0.0.1:[PORT]/

    ✗ error   Nothing listens on port [PORT]  [tcp-refused]
      The connection to 127.0.0.1:[PORT] was refused: no process accepts connections on that port.
      Fix: Start the server, or check the port it really listens on (`ss -ltnp` on the server). If it is restarting, run again with --wait 30.

    1 error · [N] ms (dns [N], tcp [N])
    ----- stderr -----
    ");
    handshake_snapshot!(&replaced, handshake(&["diagnose", "--lang", "ko", &url]), @"
    exit status: 1
    ----- stdout -----
    ws://127.0.0.1:[PORT]/

    ✗ 오류    포트 [PORT]에서 대기 중인 프로세스가 없습니다  [tcp-refused]
      127.0.0.1:[PORT](으)로의 연결이 거부되었습니다. 그 포트에서 연결을 받는 프로세스가 없습니다.
      해결: 서버를 시작하거나, 서버가 실제로 대기하는 포트를 확인하세요(서버에서 `ss -ltnp`). 재시작 중이라면 --wait 30을 붙여 다시 실행하세요.

    오류 1개 · [N]ms (dns [N], tcp [N])
    ----- stderr -----
    ");
}

#[test]
fn diagnose_an_unusable_url() {
    handshake_snapshot!(&[], handshake(&["diagnose", "wss//localhost/ws"]), @r#"
    exit status: 2
    ----- stdout -----

    ----- stderr -----
    error: The scheme must be followed by "://". Did you mean wss://localhost/ws?
    "#);
    handshake_snapshot!(&[], handshake(&["diagnose", "--lang", "ko", "wss//localhost/ws"]), @r#"
    exit status: 2
    ----- stdout -----

    ----- stderr -----
    오류: 스킴 뒤에는 "://"가 와야 합니다. wss://localhost/ws을(를) 말씀하신 건가요?
    "#);
    handshake_snapshot!(&[], handshake(&["diagnose"]), @"
    exit status: 2
    ----- stdout -----

    ----- stderr -----
    error: name the endpoint to diagnose, e.g. handshake diagnose wss://localhost:8443/ws (or --replay report.json)
    ");
}

/// A saved report from a newer Handshake, with evidence this one has no
/// word for, and a file that is not a report: refused, saying which.
#[test]
fn replay_of_a_newer_report_and_of_notes() {
    let newer = br#"{"handshake": "99.0.0", "url": "wss://x/", "evidence": {"dns_error": "teleported"}, "timings_ms": {}}"#;
    handshake_snapshot!(&[], handshake_fed(&["diagnose", "--replay", "-"], newer), @"
    exit status: 2
    ----- stdout -----

    ----- stderr -----
    error: The report was written by Handshake 99.0.0, newer than this one ([VERSION]), and holds evidence this version cannot read. Open it with Handshake 99.0.0 or later.
    ");
    handshake_snapshot!(&[], handshake_fed(&["diagnose", "--lang", "ko", "--replay", "-"], newer), @"
    exit status: 2
    ----- stdout -----

    ----- stderr -----
    오류: Handshake 99.0.0에서 만든 보고서입니다. 지금 버전([VERSION])보다 새 버전이라 이 버전이 읽지 못하는 증거가 들어 있습니다. Handshake 99.0.0 이상으로 여세요.
    ");
    handshake_snapshot!(&[], handshake_fed(&["diagnose", "--replay", "-"], b"TLS handshake failed\n"), @"
    exit status: 2
    ----- stdout -----

    ----- stderr -----
    error: The report is not JSON (line 1, column 1). Pass the output of `handshake diagnose --json`.
    ");
}

#[test]
fn explain_log_from_standard_input() {
    handshake_snapshot!(&[], handshake_fed(&["explain-log", "-"], CONSOLE), @"
    exit status: 1
    ----- stdout -----
    standard input: 1 problem in 1 line

    ✗ The WebSocket upgrade was answered 400  [log-ws-unexpected-status]
      line 1: WebSocket connection to 'wss://api.example.com/ws' failed: Error during WebSocket handshake: Unexpected response code: 400
      The server answered the handshake with 400 instead of 101 Switching Protocols: the server refused the upgrade itself, typically because a proxy dropped the Upgrade and Connection headers.
      Fix: Run `handshake diagnose` on the URL: it repeats the handshake and names the cause.
      Check the endpoint: handshake diagnose wss://api.example.com/ws
    ----- stderr -----
    ");
    handshake_snapshot!(&[], handshake_fed(&["explain-log", "--lang", "ko", "-"], CONSOLE), @"
    exit status: 1
    ----- stdout -----
    표준 입력: 1줄에서 문제 1개

    ✗ WebSocket 업그레이드 응답이 400입니다  [log-ws-unexpected-status]
      1행: WebSocket connection to 'wss://api.example.com/ws' failed: Error during WebSocket handshake: Unexpected response code: 400
      서버가 핸드셰이크에 101 Switching Protocols가 아니라 400(으)로 응답했습니다. 서버가 업그레이드 자체를 거부했습니다. 대개 프록시가 Upgrade와 Connection 헤더를 버렸기 때문입니다.
      해결: 그 URL로 `handshake diagnose`를 실행하세요. 핸드셰이크를 다시 해 보고 원인을 알려 줍니다.
      엔드포인트 확인: handshake diagnose wss://api.example.com/ws
    ----- stderr -----
    ");
    handshake_snapshot!(&[], handshake_fed(&["explain-log", "--json", "-"], CONSOLE), @r#"
    exit status: 1
    ----- stdout -----
    {
      "ok": false,
      "findings": [
        {
          "code": "log-ws-unexpected-status",
          "severity": "error",
          "title": "The WebSocket upgrade was answered 400",
          "explanation": "The server answered the handshake with 400 instead of 101 Switching Protocols: the server refused the upgrade itself, typically because a proxy dropped the Upgrade and Connection headers.",
          "fix": "Run `handshake diagnose` on the URL: it repeats the handshake and names the cause.",
          "facts": {
            "status": 400
          },
          "count": 1,
          "first_line": 1,
          "last_line": 1,
          "sample": "WebSocket connection to 'wss://api.example.com/ws' failed: Error during WebSocket handshake: Unexpected response code: 400",
          "diagnose": "wss://api.example.com/ws"
        }
      ],
      "lines": 1
    }
    ----- stderr -----
    "#);
    handshake_snapshot!(&[], handshake_fed(&["explain-log", "-"], b"all quiet\n"), @"
    exit status: 0
    ----- stdout -----
    standard input: no known problem in 1 line
    ----- stderr -----
    ");
}

#[test]
fn keystore_without_its_password_variable() {
    let dir = scratch("snapshot-keystore");
    let out = dir.join("server.p12").display().to_string();
    let args = [
        "keystore",
        "--host",
        "localhost",
        "--out",
        &out,
        "--password-env",
    ];
    handshake_snapshot!(&[], handshake(&[&args[..], &["HANDSHAKE_SNAPSHOT_UNSET"]].concat()), @"
    exit status: 2
    ----- stdout -----

    ----- stderr -----
    error: the environment variable HANDSHAKE_SNAPSHOT_UNSET is not set (or not UTF-8); put the keystore password in it
    ");
    handshake_snapshot!(
        &[],
        handshake(&[&args[..], &["HANDSHAKE_SNAPSHOT_UNSET", "--lang", "ko"]].concat()),
        @"
    exit status: 2
    ----- stdout -----

    ----- stderr -----
    오류: 환경 변수 HANDSHAKE_SNAPSHOT_UNSET이(가) 설정되지 않았습니다(또는 UTF-8이 아닙니다). 키스토어 비밀번호를 넣으세요
    "
    );
}

#[test]
fn inspect_without_its_password_variable() {
    let args = ["inspect", "--password-env", "HANDSHAKE_SNAPSHOT_UNSET"];
    handshake_snapshot!(&[], handshake(&[&args[..], &["/nonexistent/server.p12"]].concat()), @"
    exit status: 2
    ----- stdout -----

    ----- stderr -----
    error: the environment variable HANDSHAKE_SNAPSHOT_UNSET is not set (or not UTF-8); put the keystore password in it
    ");
    handshake_snapshot!(&[], handshake(&[&args[..], &["--lang", "ko", "/nonexistent/server.p12"]].concat()), @"
    exit status: 2
    ----- stdout -----

    ----- stderr -----
    오류: 환경 변수 HANDSHAKE_SNAPSHOT_UNSET이(가) 설정되지 않았습니다(또는 UTF-8이 아닙니다). 키스토어 비밀번호를 넣으세요
    ");
}

#[test]
fn trust_check_before_any_ca() {
    let dir = scratch("snapshot-trust");
    let ca_dir = dir.join("ca").display().to_string();
    handshake_snapshot!(&[], handshake(&["trust", "--check", "--ca-dir", &ca_dir]), @"
    exit status: 0
    ----- stdout -----
    There is no development CA in [TEMP]/ca yet: nothing to check or remove (installing makes one).
    ----- stderr -----
    ");
    handshake_snapshot!(&[], handshake(&["trust", "--check", "--lang", "ko", "--ca-dir", &ca_dir]), @"
    exit status: 0
    ----- stdout -----
    [TEMP]/ca에 아직 개발용 CA가 없습니다. 확인하거나 제거할 것이 없습니다(설치할 때 만들어집니다).
    ----- stderr -----
    ");
}

#[test]
fn target_as_a_person_reads_it() {
    handshake_snapshot!(&[], handshake(&["target", "wss://Example.COM/ws?x=1"]), @"
    exit status: 0
    ----- stdout -----
    wss://example.com/ws?x=1
      scheme  wss (WebSocket over TLS)
      host    example.com (DNS name)
      port    443 (default for wss)
      path    /ws?x=1
    ----- stderr -----
    ");
    handshake_snapshot!(&[], handshake(&["target", "--lang", "ko", "https://[::1]:8443/api"]), @"
    exit status: 0
    ----- stdout -----
    https://[::1]:8443/api
      스킴    https (TLS 위의 HTTP)
      호스트  ::1 (IPv6 주소)
      포트    8443
      경로    /api
    ----- stderr -----
    ");
    handshake_snapshot!(&[], handshake(&["target", "--lang", "ko", "ftp://example.com/"]), @r#"
    exit status: 2
    ----- stdout -----

    ----- stderr -----
    오류: Handshake는 "ftp://"가 아니라 WebSocket과 HTTP 엔드포인트를 확인합니다. WebSocket은 wss:// 또는 ws://, API는 https:// 또는 http://를 쓰세요.
    "#);
}

#[test]
fn target_as_json() {
    handshake_snapshot!(&[], handshake(&["target", "--json", "wss://Example.COM/ws?x=1"]), @r#"
    exit status: 0
    ----- stdout -----
    {
      "url": "wss://example.com/ws?x=1",
      "scheme": "wss",
      "host": "example.com",
      "host_kind": "domain",
      "port": 443,
      "default_port": true,
      "path": "/ws?x=1",
      "secure": true
    }
    ----- stderr -----
    "#);
}

#[test]
fn keystore_self_signed_and_a_short_password() {
    let dir = scratch("snapshot-keystore-made");
    let run = |out: &str, password: &str, lang: &str| {
        command()
            .args([
                "keystore",
                "--self-signed",
                "--host",
                "localhost",
                "--lang",
                lang,
            ])
            .args(["--password-env", "HANDSHAKE_SNAPSHOT_PASSWORD", "--out"])
            .arg(dir.join(out))
            .env("HANDSHAKE_SNAPSHOT_PASSWORD", password)
            .output()
            .expect("handshake runs")
    };
    handshake_snapshot!(&[], run("en.p12", "snapshot-secret", "en"), @r#"
    exit status: 0
    ----- stdout -----
    wrote [TEMP]/en.p12 (PKCS12, alias "server", readable by you alone)
      certificate  CN=localhost · covers localhost · issued by CN=localhost · valid until [DATE]
      chain        1 certificate
      ! A self-signed certificate is trusted by no client until it is installed in each one; a development CA (--ca-dir) is trusted once for all.

    Spring Boot (application.properties):
      server.ssl.key-store=file:[TEMP]/en.p12
      server.ssl.key-store-type=PKCS12
      server.ssl.key-alias=server
      server.ssl.key-store-password=${HANDSHAKE_SNAPSHOT_PASSWORD}
    ----- stderr -----
    "#);
    handshake_snapshot!(&[], run("ko.p12", "snapshot-secret", "ko"), @r#"
    exit status: 0
    ----- stdout -----
    [TEMP]/ko.p12 작성 (PKCS12, 별칭 "server", 본인만 읽을 수 있음)
      인증서       CN=localhost · 대상 localhost · 발급자 CN=localhost · [DATE]까지 유효
      체인         인증서 1개
      ! 자체 서명 인증서는 클라이언트마다 설치하기 전에는 어디서도 신뢰받지 못합니다. 개발용 CA(--ca-dir)는 한 번만 신뢰하면 됩니다.

    Spring Boot (application.properties):
      server.ssl.key-store=file:[TEMP]/ko.p12
      server.ssl.key-store-type=PKCS12
      server.ssl.key-alias=server
      server.ssl.key-store-password=${HANDSHAKE_SNAPSHOT_PASSWORD}
    ----- stderr -----
    "#);
    handshake_snapshot!(&[], run("short.p12", "abc", "en"), @"
    exit status: 2
    ----- stdout -----

    ----- stderr -----
    error: the keystore password must have at least 6 characters (keytool and Java refuse shorter ones)
    ");
    handshake_snapshot!(&[], run("short.p12", "abc", "ko"), @"
    exit status: 2
    ----- stdout -----

    ----- stderr -----
    오류: 키스토어 비밀번호는 6자 이상이어야 합니다(keytool과 Java가 더 짧은 비밀번호를 거부합니다)
    ");
}

#[test]
fn generate_nginx_self_signed() {
    let dir = scratch("snapshot-generate");
    for lang in ["en", "ko"] {
        let out = dir.join(lang).display().to_string();
        let args = [
            "generate",
            "nginx",
            "--host",
            "chat.example.com",
            "--upstream",
            "http://127.0.0.1:8080",
            "--self-signed",
            "--lang",
            lang,
            "--out",
            &out,
        ];
        match lang {
            "en" => handshake_snapshot!(&[], handshake(&args), @"
            exit status: 0
            ----- stdout -----
            wrote [TEMP]/en/handshake-nginx.conf
            wrote [TEMP]/en/application-behind-proxy.properties
            wrote [TEMP]/en/fullchain.pem
            wrote [TEMP]/en/privkey.pem (readable by you alone)
            wrote [TEMP]/en/self-signed-cert.pem
            wrote [TEMP]/en/NEXT-STEPS.md
            wrote [TEMP]/en/handshake.toml
              ! A self-signed certificate is trusted by no client until it is installed in each one; a development CA (--ca-dir) is trusted once for all.

            Next: read [TEMP]/en/NEXT-STEPS.md, then prove it: handshake check --ca [TEMP]/en/self-signed-cert.pem wss://chat.example.com/ws
            ----- stderr -----
            "),
            _ => handshake_snapshot!(&[], handshake(&args), @"
            exit status: 0
            ----- stdout -----
            [TEMP]/ko/handshake-nginx.conf 작성
            [TEMP]/ko/application-behind-proxy.properties 작성
            [TEMP]/ko/fullchain.pem 작성
            [TEMP]/ko/privkey.pem 작성 (본인만 읽을 수 있음)
            [TEMP]/ko/self-signed-cert.pem 작성
            [TEMP]/ko/NEXT-STEPS.md 작성
            [TEMP]/ko/handshake.toml 작성
              ! 자체 서명 인증서는 클라이언트마다 설치하기 전에는 어디서도 신뢰받지 못합니다. 개발용 CA(--ca-dir)는 한 번만 신뢰하면 됩니다.

            다음: [TEMP]/ko/NEXT-STEPS.md을(를) 읽고 확인하세요: handshake check --ca [TEMP]/ko/self-signed-cert.pem wss://chat.example.com/ws
            ----- stderr -----
            "),
        }
    }
}

#[test]
fn csr_for_a_public_ca() {
    let dir = scratch("snapshot-csr");
    for lang in ["en", "ko"] {
        let key = dir.join(format!("{lang}.key")).display().to_string();
        let csr = dir.join(format!("{lang}.csr")).display().to_string();
        let args = [
            "csr",
            "--host",
            "chat.example.com",
            "--lang",
            lang,
            "--key-out",
            &key,
            "--csr-out",
            &csr,
        ];
        match lang {
            "en" => handshake_snapshot!(&[], handshake(&args), @"
            exit status: 0
            ----- stdout -----
            wrote [TEMP]/en.key (private key, readable by you alone) and [TEMP]/en.csr (CSR for chat.example.com)
            Send the CSR to your CA; then `handshake keystore --cert CERT.pem --key [TEMP]/en.key` makes the keystore.
            ----- stderr -----
            "),
            _ => handshake_snapshot!(&[], handshake(&args), @"
            exit status: 0
            ----- stdout -----
            [TEMP]/ko.key(개인 키, 본인만 읽을 수 있음)와 [TEMP]/ko.csr(chat.example.com용 CSR) 작성
            CA에 CSR을 보내세요. 인증서를 받으면 `handshake keystore --cert CERT.pem --key [TEMP]/ko.key`로 키스토어를 만듭니다.
            ----- stderr -----
            "),
        }
    }
}

#[test]
fn check_a_refused_port() {
    let (url, port) = on_a_free_port(|port| format!("ws://127.0.0.1:{port}/"));
    let replaced = [(port.as_str(), "PORT")];
    handshake_snapshot!(&replaced, handshake(&["check", &url]), @"
    exit status: 1
    ----- stdout -----
    ✗ ws://127.0.0.1:[PORT]/ — nothing listens on port [PORT]

    Because:

    ✗ error   Nothing listens on port [PORT]  [tcp-refused]
      The connection to 127.0.0.1:[PORT] was refused: no process accepts connections on that port.
      Fix: Start the server, or check the port it really listens on (`ss -ltnp` on the server). If it is restarting, run again with --wait 30.
    ----- stderr -----
    ");
    handshake_snapshot!(&replaced, handshake(&["check", "--lang", "ko", &url]), @"
    exit status: 1
    ----- stdout -----
    ✗ ws://127.0.0.1:[PORT]/ — 포트 [PORT]에서 대기 중인 프로세스가 없습니다

    원인:

    ✗ 오류    포트 [PORT]에서 대기 중인 프로세스가 없습니다  [tcp-refused]
      127.0.0.1:[PORT](으)로의 연결이 거부되었습니다. 그 포트에서 연결을 받는 프로세스가 없습니다.
      해결: 서버를 시작하거나, 서버가 실제로 대기하는 포트를 확인하세요(서버에서 `ss -ltnp`). 재시작 중이라면 --wait 30을 붙여 다시 실행하세요.
    ----- stderr -----
    ");
}

#[test]
fn diagnose_json_of_a_refused_port() {
    let (url, port) = on_a_free_port(|port| format!("wss://127.0.0.1:{port}/ws"));
    let replaced = [(port.as_str(), "PORT")];
    handshake_snapshot!(&replaced, handshake(&["diagnose", "--json", &url]), @r#"
    exit status: 1
    ----- stdout -----
    {
      "handshake": "[VERSION]",
      "url": "wss://127.0.0.1:[PORT]/ws",
      "ok": false,
      "findings": [
        {
          "code": "tcp-refused",
          "severity": "error",
          "title": "Nothing listens on port [PORT]",
          "explanation": "The connection to 127.0.0.1:[PORT] was refused: no process accepts connections on that port.",
          "fix": "Start the server, or check the port it really listens on (`ss -ltnp` on the server). If it is restarting, run again with --wait 30. If it is a Spring Boot app with TLS, it may listen on another port: its server.port, often 8443.",
          "facts": {
            "addresses": [
              "127.0.0.1:[PORT]"
            ],
            "attempts": 1,
            "port": [PORT],
            "port_hint": "spring-tls",
            "wait_s": 0.0
          }
        }
      ],
      "evidence": {
        "target": {
          "url": "wss://127.0.0.1:[PORT]/ws",
          "scheme": "wss",
          "host": "127.0.0.1",
          "host_kind": "ipv4",
          "port": [PORT],
          "default_port": false,
          "path": "/ws",
          "secure": true
        },
        "origin": null,
        "timeout_ms": 5000,
        "wait_ms": null,
        "checked_at": [TIME],
        "route": {
          "way": "direct",
          "why": {
            "reason": "no-variable"
          }
        },
        "proxy_failure": null,
        "forwarded": null,
        "addresses": [
          "127.0.0.1:[PORT]"
        ],
        "dns_error": null,
        "connection": {
          "outcome": "refused",
          "attempts": 1
        },
        "replies": [],
        "tls": null,
        "tls_failure": null,
        "chain": [],
        "certificate": null,
        "client_cert_requested": null,
        "client_cert_given": false,
        "expected": null,
        "offered_everything": null,
        "offered_legacy": null,
        "stapled": null,
        "bytes": null,
        "ws_key": null,
        "subprotocols_offered": [],
        "after_upgrade": null,
        "sockjs_info": false,
        "exchange": null,
        "response": null,
        "response_failure": null,
        "status_without_origin": null,
        "preflight": null,
        "browser": null
      },
      "timings_ms": {
        "dns": [N],
        "wait": null,
        "tcp": [N],
        "tls": null,
        "http": null,
        "total": [N]
      }
    }
    ----- stderr -----
    "#);
    // In Korean only the words differ: the findings.
    let korean = crate::json(&handshake(&["diagnose", "--json", "--lang", "ko", &url]));
    insta::with_settings!({ filters => vec![(port.as_str(), "[PORT]")] }, {
        insta::assert_json_snapshot!(korean["findings"], @r#"
        [
          {
            "code": "tcp-refused",
            "severity": "error",
            "title": "포트 [PORT]에서 대기 중인 프로세스가 없습니다",
            "explanation": "127.0.0.1:[PORT](으)로의 연결이 거부되었습니다. 그 포트에서 연결을 받는 프로세스가 없습니다.",
            "fix": "서버를 시작하거나, 서버가 실제로 대기하는 포트를 확인하세요(서버에서 `ss -ltnp`). 재시작 중이라면 --wait 30을 붙여 다시 실행하세요. TLS를 켠 Spring Boot 앱이라면 다른 포트, 즉 server.port(보통 8443)에서 대기하고 있을 수 있습니다.",
            "facts": {
              "addresses": [
                "127.0.0.1:[PORT]"
              ],
              "attempts": 1,
              "port": [PORT],
              "port_hint": "spring-tls",
              "wait_s": 0.0
            }
          }
        ]
        "#);
    });
}

#[test]
fn scan_a_list_with_an_unreachable_target() {
    let (list, port) =
        on_a_free_port(|port| format!("# one target\nwss://127.0.0.1:{port}/ws\nnot a url\n"));
    let replaced = [(port.as_str(), "PORT")];
    let scan = |more: &[&str]| handshake_fed(&[&["scan"], more, &["-"]].concat(), list.as_bytes());
    handshake_snapshot!(&replaced, scan(&[]), @"
    exit status: 1
    ----- stdout -----
    [1] ✗ wss://127.0.0.1:[PORT]/ws · unreachable: tcp-refused

    Scanned 1 target in [N] s
      healthy: 0
      a certificate ending within 30 days: 0 (within 7 days: 0)
      failing: 0
      unreachable: 1
      lines skipped: 1
    ----- stderr -----
    Line 3: The URL has no scheme. Start it with wss://, ws://, https:// or http://, for example wss://not. The line is skipped.
    ");
    handshake_snapshot!(&replaced, scan(&["--lang", "ko"]), @"
    exit status: 1
    ----- stdout -----
    [1] ✗ wss://127.0.0.1:[PORT]/ws · 닿지 않음: tcp-refused

    대상 1개를 [N]초에 스캔했습니다
      정상: 0
      30일 안에 끝나는 인증서: 0 (7일 안: 0)
      실패: 0
      닿지 않음: 1
      건너뛴 줄: 1
    ----- stderr -----
    3번째 줄: URL에 스킴이 없습니다. wss://, ws://, https://, http:// 중 하나로 시작하세요(예: wss://not). (이 줄은 건너뜁니다)
    ");
    handshake_snapshot!(&replaced, scan(&["--csv"]), @"
    exit status: 1
    ----- stdout -----
    line,url,group,errors,warnings,earliest_expiry_days,earliest_expiry_certificate,total_ms
    2,wss://127.0.0.1:[PORT]/ws,unreachable,tcp-refused,,,,[N]
    ----- stderr -----
    Line 3: The URL has no scheme. Start it with wss://, ws://, https:// or http://, for example wss://not. The line is skipped.
    Scanned 1 target in [N] s
      healthy: 0
      a certificate ending within 30 days: 0 (within 7 days: 0)
      failing: 0
      unreachable: 1
      lines skipped: 1
    ");
    handshake_snapshot!(&replaced, scan(&["--json"]), @r#"
    exit status: 1
    ----- stdout -----
    {"handshake":"[VERSION]","url":"wss://127.0.0.1:[PORT]/ws","ok":false,"findings":[{"code":"tcp-refused","severity":"error","title":"Nothing listens on port [PORT]","explanation":"The connection to 127.0.0.1:[PORT] was refused: no process accepts connections on that port.","fix":"Start the server, or check the port it really listens on (`ss -ltnp` on the server). If it is restarting, run again with --wait 30. If it is a Spring Boot app with TLS, it may listen on another port: its server.port, often 8443.","facts":{"addresses":["127.0.0.1:[PORT]"],"attempts":1,"port":[PORT],"port_hint":"spring-tls","wait_s":0.0}}],"evidence":{"target":{"url":"wss://127.0.0.1:[PORT]/ws","scheme":"wss","host":"127.0.0.1","host_kind":"ipv4","port":[PORT],"default_port":false,"path":"/ws","secure":true},"origin":null,"timeout_ms":5000,"wait_ms":null,"checked_at": [TIME],"route":{"way":"direct","why":{"reason":"no-variable"}},"proxy_failure":null,"forwarded":null,"addresses":["127.0.0.1:[PORT]"],"dns_error":null,"connection":{"outcome":"refused","attempts":1},"replies":[],"tls":null,"tls_failure":null,"chain":[],"certificate":null,"client_cert_requested":null,"client_cert_given":false,"expected":null,"offered_everything":null,"offered_legacy":null,"stapled":null,"bytes":null,"ws_key":null,"subprotocols_offered":[],"after_upgrade":null,"sockjs_info":false,"exchange":null,"response":null,"response_failure":null,"status_without_origin":null,"preflight":null,"browser":null},"timings_ms":{"dns": [N],"wait":null,"tcp": [N],"tls":null,"http":null,"total": [N]}}
    ----- stderr -----
    Line 3: The URL has no scheme. Start it with wss://, ws://, https:// or http://, for example wss://not. The line is skipped.
    Scanned 1 target in [N] s
      healthy: 0
      a certificate ending within 30 days: 0 (within 7 days: 0)
      failing: 0
      unreachable: 1
      lines skipped: 1
    "#);
}

#[test]
fn diagnose_and_check_healthy_endpoints() {
    let dir = scratch("snapshot-healthy");
    let ca = handshake_testkit::pki::Ca::new("Snapshot CA");
    let (_nginx, tls, _) = handshake_testkit::nginx::Nginx::https_and_http(&dir, &ca);
    let ca_file = dir.join("ca.pem");
    std::fs::write(
        &ca_file,
        handshake_testkit::pki::pem("CERTIFICATE", ca.cert().as_ref()),
    )
    .expect("ca");
    let ca_file = ca_file.display().to_string();
    let url = format!("https://localhost:{tls}/");
    let port = tls.to_string();
    let replaced = [(port.as_str(), "PORT")];
    handshake_snapshot!(&replaced, handshake(&["diagnose", "--ca", &ca_file, &url]), @"
    exit status: 0
    ----- stdout -----
    https://localhost:[PORT]/

    ✓ info    The server answered: HTTP/1.1 200 OK  [http-ok]
      https://localhost:[PORT]/ answered “HTTP/1.1 200 OK” (Server: nginx/1.22.1). It sends no HSTS header.

    no errors · [N] ms (dns [N], tcp [N], tls [N], http [N])
    ----- stderr -----
    ");
    handshake_snapshot!(
        &replaced,
        handshake(&["diagnose", "--lang", "ko", "--ca", &ca_file, &url]),
        @"
    exit status: 0
    ----- stdout -----
    https://localhost:[PORT]/

    ✓ 정보    서버가 응답했습니다: HTTP/1.1 200 OK  [http-ok]
      https://localhost:[PORT]/이(가) “HTTP/1.1 200 OK” (Server: nginx/1.22.1)(으)로 응답했습니다. HSTS 헤더는 보내지 않습니다.

    오류 없음 · [N]ms (dns [N], tcp [N], tls [N], http [N])
    ----- stderr -----
    "
    );

    let runtime = crate::check::runtime();
    let server = runtime.block_on(handshake_testkit::websocket::wss(
        &ca.leaf(&["localhost"], -1, 90),
        handshake_testkit::websocket::Behaviour::Echo,
    ));
    let url = format!("wss://localhost:{}/ws", server.port);
    let port = server.port.to_string();
    let replaced = [(port.as_str(), "PORT")];
    let args = [
        "check", &url, "--ca", &ca_file, "--count", "2", "--send", "hi",
    ];
    handshake_snapshot!(&replaced, handshake(&args), @"
    exit status: 0
    ----- stdout -----
    ✓ wss://localhost:[PORT]/ws — connected, 2 of 2 messages answered, closed cleanly (1000)
      phases       dns [N] ms · tcp [N] ms · tls [N] ms · upgrade [N] ms · first answer [N] ms
      tls          TLSv1.3 · TLS13_AES_256_GCM_SHA384 · ALPN none
      certificate  CN=localhost · issued by CN=Snapshot CA · valid until [DATE]
      subprotocol  none
      protocol     echo (picked by --protocol auto: nothing named another protocol)
      answer       “hi”
      round trip   min [N] · median [N] · max [N] ms (2)
    ----- stderr -----
    ");
    handshake_snapshot!(&replaced, handshake(&[&args[..], &["--lang", "ko"]].concat()), @"
    exit status: 0
    ----- stdout -----
    ✓ wss://localhost:[PORT]/ws — 연결됨, 메시지 2개 중 2개 응답, 정상 종료(1000)
      단계         dns [N]ms · tcp [N]ms · tls [N]ms · 업그레이드 [N]ms · 첫 응답 [N]ms
      tls          TLSv1.3 · TLS13_AES_256_GCM_SHA384 · ALPN 없음
      인증서       CN=localhost · 발급자 CN=Snapshot CA · [DATE]까지 유효
      서브프로토콜 없음
      프로토콜     에코 (--protocol auto가 선택: 다른 프로토콜을 가리키는 것이 없음)
      응답         “hi”
      왕복         최소 [N] · 중간값 [N] · 최대 [N]ms (2회)
    ----- stderr -----
    ");
}

#[test]
fn generate_each_server_kind_and_the_client() {
    let dir = scratch("snapshot-generate-kinds");
    let generate = |kind: &str, more: &[&str], lang: &str| {
        command()
            .args(["generate", kind, "--lang", lang, "--out"])
            .arg(dir.join(format!("{kind}-{lang}")))
            .args(more)
            .env_remove("SSL_KEYSTORE_PASSWORD")
            .output()
            .expect("handshake runs")
    };
    let proxy = [
        "--host",
        "chat.example.com",
        "--upstream",
        "http://127.0.0.1:8080",
        "--self-signed",
    ];
    handshake_snapshot!(&[], generate("apache", &proxy, "en"), @"
    exit status: 0
    ----- stdout -----
    wrote [TEMP]/apache-en/handshake-apache.conf
    wrote [TEMP]/apache-en/application-behind-proxy.properties
    wrote [TEMP]/apache-en/fullchain.pem
    wrote [TEMP]/apache-en/privkey.pem (readable by you alone)
    wrote [TEMP]/apache-en/self-signed-cert.pem
    wrote [TEMP]/apache-en/NEXT-STEPS.md
    wrote [TEMP]/apache-en/handshake.toml
      ! A self-signed certificate is trusted by no client until it is installed in each one; a development CA (--ca-dir) is trusted once for all.

    Next: read [TEMP]/apache-en/NEXT-STEPS.md, then prove it: handshake check --ca [TEMP]/apache-en/self-signed-cert.pem wss://chat.example.com/ws
    ----- stderr -----
    ");
    handshake_snapshot!(&[], generate("haproxy", &proxy, "en"), @"
    exit status: 0
    ----- stdout -----
    wrote [TEMP]/haproxy-en/handshake-haproxy.cfg
    wrote [TEMP]/haproxy-en/application-behind-proxy.properties
    wrote [TEMP]/haproxy-en/fullchain.pem
    wrote [TEMP]/haproxy-en/fullchain.pem.key (readable by you alone)
    wrote [TEMP]/haproxy-en/self-signed-cert.pem
    wrote [TEMP]/haproxy-en/NEXT-STEPS.md
    wrote [TEMP]/haproxy-en/handshake.toml
      ! A self-signed certificate is trusted by no client until it is installed in each one; a development CA (--ca-dir) is trusted once for all.

    Next: read [TEMP]/haproxy-en/NEXT-STEPS.md, then prove it: handshake check --ca [TEMP]/haproxy-en/self-signed-cert.pem wss://chat.example.com/ws
    ----- stderr -----
    ");
    handshake_snapshot!(&[], generate("caddy", &proxy, "ko"), @"
    exit status: 0
    ----- stdout -----
    [TEMP]/caddy-ko/Caddyfile 작성
    [TEMP]/caddy-ko/application-behind-proxy.properties 작성
    [TEMP]/caddy-ko/fullchain.pem 작성
    [TEMP]/caddy-ko/privkey.pem 작성 (본인만 읽을 수 있음)
    [TEMP]/caddy-ko/self-signed-cert.pem 작성
    [TEMP]/caddy-ko/NEXT-STEPS.md 작성
    [TEMP]/caddy-ko/handshake.toml 작성
      ! 자체 서명 인증서는 클라이언트마다 설치하기 전에는 어디서도 신뢰받지 못합니다. 개발용 CA(--ca-dir)는 한 번만 신뢰하면 됩니다.

    다음: [TEMP]/caddy-ko/NEXT-STEPS.md을(를) 읽고 확인하세요: handshake check --ca [TEMP]/caddy-ko/self-signed-cert.pem wss://chat.example.com/ws
    ----- stderr -----
    ");
    let spring = ["--host", "localhost", "--self-signed"];
    handshake_snapshot!(&[], generate("spring", &spring, "en"), @"
    exit status: 0
    ----- stdout -----
    wrote [TEMP]/spring-en/application.properties
    wrote [TEMP]/spring-en/application.yml
    wrote [TEMP]/spring-en/ssl.env (readable by you alone)
    wrote [TEMP]/spring-en/server.p12 (readable by you alone)
    wrote [TEMP]/spring-en/self-signed-cert.pem
    wrote [TEMP]/spring-en/NEXT-STEPS.md
    wrote [TEMP]/spring-en/handshake.toml
      ! A self-signed certificate is trusted by no client until it is installed in each one; a development CA (--ca-dir) is trusted once for all.

    Next: read [TEMP]/spring-en/NEXT-STEPS.md, then prove it: handshake check --ca [TEMP]/spring-en/self-signed-cert.pem wss://localhost:8443/ws
    ----- stderr -----
    ");
    handshake_snapshot!(&[], generate("spring", &spring, "ko"), @"
    exit status: 0
    ----- stdout -----
    [TEMP]/spring-ko/application.properties 작성
    [TEMP]/spring-ko/application.yml 작성
    [TEMP]/spring-ko/ssl.env 작성 (본인만 읽을 수 있음)
    [TEMP]/spring-ko/server.p12 작성 (본인만 읽을 수 있음)
    [TEMP]/spring-ko/self-signed-cert.pem 작성
    [TEMP]/spring-ko/NEXT-STEPS.md 작성
    [TEMP]/spring-ko/handshake.toml 작성
      ! 자체 서명 인증서는 클라이언트마다 설치하기 전에는 어디서도 신뢰받지 못합니다. 개발용 CA(--ca-dir)는 한 번만 신뢰하면 됩니다.

    다음: [TEMP]/spring-ko/NEXT-STEPS.md을(를) 읽고 확인하세요: handshake check --ca [TEMP]/spring-ko/self-signed-cert.pem wss://localhost:8443/ws
    ----- stderr -----
    ");
    let client = [
        "--target",
        "wss://chat.example.com/ws",
        "--origin",
        "https://app.example.com",
    ];
    handshake_snapshot!(&[], generate("client", &client, "en"), @"
    exit status: 0
    ----- stdout -----
    wrote [TEMP]/client-en/socket.ts
    wrote [TEMP]/client-en/socket.js
    wrote [TEMP]/client-en/socket-node.mjs
    wrote [TEMP]/client-en/NEXT-STEPS.md
    wrote [TEMP]/client-en/handshake.toml

    Next: read [TEMP]/client-en/NEXT-STEPS.md, then prove it: handshake check wss://chat.example.com/ws
    ----- stderr -----
    ");
    handshake_snapshot!(&[], generate("client", &client, "ko"), @"
    exit status: 0
    ----- stdout -----
    [TEMP]/client-ko/socket.ts 작성
    [TEMP]/client-ko/socket.js 작성
    [TEMP]/client-ko/socket-node.mjs 작성
    [TEMP]/client-ko/NEXT-STEPS.md 작성
    [TEMP]/client-ko/handshake.toml 작성

    다음: [TEMP]/client-ko/NEXT-STEPS.md을(를) 읽고 확인하세요: handshake check wss://chat.example.com/ws
    ----- stderr -----
    ");
}

#[test]
fn trust_a_java_truststore_of_ones_own() {
    let dir = scratch("snapshot-trust-java");
    let ca_dir = dir.join("ca").display().to_string();
    let store = dir.join("truststore.p12").display().to_string();
    let trust = |more: &[&str]| {
        handshake(
            &[
                &["trust", "--ca-dir", &ca_dir, "--java-cacerts", &store],
                more,
            ]
            .concat(),
        )
    };
    handshake_snapshot!(&[], trust(&["--yes"]), @"
    exit status: 0
    ----- stdout -----
    development CA: [TEMP]/ca/handshake-dev-ca.pem
      ✗ not trusted in the Java truststore [TEMP]/truststore.p12

    This will:
      the Java truststore [TEMP]/truststore.p12
        - run keytool -importcert -noprompt -keystore [TEMP]/truststore.p12 -storepass:env HANDSHAKE_STOREPASS -alias handshake-dev-ca-[ID] -file [TEMP]/ca/handshake-dev-ca.pem
      done: the Java truststore [TEMP]/truststore.p12
    ----- stderr -----
    ");
    handshake_snapshot!(&[], trust(&["--check", "--lang", "ko"]), @"
    exit status: 0
    ----- stdout -----
    개발용 CA: [TEMP]/ca/handshake-dev-ca.pem
      ✓ 신뢰함: Java truststore [TEMP]/truststore.p12
    ----- stderr -----
    ");
    handshake_snapshot!(&[], trust(&["--uninstall", "--yes", "--lang", "ko"]), @"
    exit status: 0
    ----- stdout -----
    개발용 CA: [TEMP]/ca/handshake-dev-ca.pem
      ✓ 신뢰함: Java truststore [TEMP]/truststore.p12

    다음을 실행합니다:
      Java truststore [TEMP]/truststore.p12
        - keytool -delete -noprompt -keystore [TEMP]/truststore.p12 -storepass:env HANDSHAKE_STOREPASS -alias handshake-dev-ca-[ID] 실행
      완료: Java truststore [TEMP]/truststore.p12
    ----- stderr -----
    ");
    handshake_snapshot!(&[], trust(&["--check"]), @"
    exit status: 0
    ----- stdout -----
    development CA: [TEMP]/ca/handshake-dev-ca.pem
      ✗ not trusted in the Java truststore [TEMP]/truststore.p12
    ----- stderr -----
    ");
}

#[test]
fn help_names_and_says_every_command() {
    // Each subcommand's line says what it does: the list is what a user
    // meets first (and what completions and man pages are made from).
    handshake_snapshot!(&[], handshake(&["--help"]), @"
    exit status: 0
    ----- stdout -----
    handshake: diagnose, fix and verify wss:// and https:// endpoints from the command line.

    Usage: handshake [OPTIONS] <COMMAND>

    Commands:
      check        Open a real WebSocket, send a message, wait for the answer, close cleanly
      completions  Print the completion script for a shell (bash, zsh, fish, elvish, powershell)
      csr          Make a private key and a CSR with the host names, for a public CA
      diagnose     Diagnose an endpoint: what fails, why, and what to do
      explain-log  Explain the errors in a server or browser log
      generate     Generate the configuration that fixes the connection
      inspect      Inspect a PKCS12 keystore: aliases, key entries, certificates, and the error Spring
                   Boot would show when server.ssl.* does not fit it
      keystore     Make a PKCS12 keystore: from a development CA, self-signed, or from your PEM
                   certificate and key
      man          Write the man pages: handshake.1 and one per subcommand
      scan         Diagnose a list of endpoints at once: what fails, what expires
      serve        Serve probes for Prometheus, as blackbox_exporter does
      target       Show how a target URL is understood: scheme, host, port, path, TLS
      trust        Trust (or stop trusting) the development CA in the stores found on this machine — the
                   system store, Chromium's and every Firefox profile's NSS database, the JDK's
                   truststore — or in the stores named
      help         Print this message or the help of the given subcommand(s)

    Options:
          --lang <LANG>  The language of the output: en or ko
      -h, --help         Print help
      -V, --version      Print version

    Examples:
      handshake diagnose wss://localhost:8443/ws
      handshake explain-log /var/log/tomcat10/catalina.out
      handshake diagnose --lang ko wss://localhost:8443/ws

    Language: --lang en|ko, else HANDSHAKE_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG), else
    English.
    ----- stderr -----
    ");
}

#[test]
fn man_writes_a_page_per_command() {
    let dir = scratch("snapshot-man");
    let out = dir.join("man");
    let written = handshake(&["man", "--out", &out.display().to_string()]);
    let mut pages: Vec<String> = std::fs::read_dir(&out)
        .map(|entries| {
            (entries.flatten())
                .map(|entry| entry.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    pages.sort();
    insta::assert_snapshot!(format!("{}\n{}", crate::said(&written), pages.join("\n")), @"
    exit status: 0
    ----- stdout -----

    ----- stderr -----

    handshake-check.1
    handshake-completions.1
    handshake-csr.1
    handshake-diagnose.1
    handshake-explain-log.1
    handshake-generate-apache.1
    handshake-generate-caddy.1
    handshake-generate-client.1
    handshake-generate-haproxy.1
    handshake-generate-nginx.1
    handshake-generate-spring.1
    handshake-generate.1
    handshake-inspect.1
    handshake-keystore.1
    handshake-scan.1
    handshake-serve.1
    handshake-target.1
    handshake-trust.1
    handshake.1
    ");
    // A page says what its command does, not what a part of its flags is.
    for (page, says) in [
        ("handshake-check.1", "Open a real WebSocket"),
        ("handshake-scan.1", "Diagnose a list of endpoints"),
        ("handshake-generate.1", "Generate the configuration"),
        ("handshake-generate-nginx.1", "Nginx terminates TLS"),
    ] {
        let text = std::fs::read_to_string(out.join(page)).unwrap_or_default();
        let name = text.lines().skip_while(|line| line != &".SH NAME").nth(1);
        assert!(
            name.is_some_and(|name| name.contains(says)),
            "{page}: {name:?}"
        );
    }
}

#[test]
fn serve_on_a_taken_address() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
    let address = taken.local_addr().expect("its address").to_string();
    let port = taken.local_addr().expect("its address").port().to_string();
    let replaced = [(port.as_str(), "PORT")];
    handshake_snapshot!(&replaced, handshake(&["serve", "--listen", &address]), @"
    exit status: 1
    ----- stdout -----

    ----- stderr -----
    error: cannot listen on 127.0.0.1:[PORT]: Address already in use (os error 98)
    ");
    handshake_snapshot!(&replaced, handshake(&["serve", "--lang", "ko", "--listen", &address]), @"
    exit status: 1
    ----- stdout -----

    ----- stderr -----
    오류: 127.0.0.1:[PORT]에서 연결을 받을 수 없습니다: Address already in use (os error 98)
    ");
}

#[test]
fn inspect_a_keystore_handshake_made() {
    let dir = scratch("snapshot-inspect");
    let store = dir.join("server.p12");
    let made = command()
        .args([
            "keystore",
            "--self-signed",
            "--host",
            "localhost",
            "--host",
            "api.example.com",
        ])
        .args(["--password-env", "HANDSHAKE_SNAPSHOT_PASSWORD", "--out"])
        .arg(&store)
        .env("HANDSHAKE_SNAPSHOT_PASSWORD", "snapshot-secret")
        .output()
        .expect("handshake runs");
    assert!(made.status.success(), "{}", crate::said(&made));
    let inspect = |lang: &str, alias: &str| {
        command()
            .args([
                "inspect",
                "--password-env",
                "HANDSHAKE_SNAPSHOT_PASSWORD",
                "--lang",
                lang,
            ])
            .args(["--alias", alias])
            .arg(&store)
            .env("HANDSHAKE_SNAPSHOT_PASSWORD", "snapshot-secret")
            .output()
            .expect("handshake runs")
    };
    let replaced = [];
    handshake_snapshot!(&replaced, inspect("en", "server"), @r#"
    exit status: 0
    ----- stdout -----
    [TEMP]/server.p12: 1 entry

      alias "server" · PrivateKeyEntry · chain of 1 · key matches its certificate
        CN=localhost · issued by CN=localhost · covers localhost, api.example.com · valid until [DATE] ([N] days left)
    ----- stderr -----
    "#);
    handshake_snapshot!(&replaced, inspect("ko", "server"), @r#"
    exit status: 0
    ----- stdout -----
    [TEMP]/server.p12: 항목 1개

      별칭 "server" · PrivateKeyEntry · 체인 1개 · 키가 인증서와 짝이 맞습니다
        CN=localhost · 발급자 CN=localhost · 대상 localhost, api.example.com · [DATE]까지 유효([N]일 남음)
    ----- stderr -----
    "#);
    handshake_snapshot!(&replaced, inspect("en", "tomcat"), @r#"
    exit status: 1
    ----- stdout -----

    ----- stderr -----
    ✗ [TEMP]/server.p12: The keystore has no alias "tomcat" (it has: server). Spring Boot's embedded Tomcat stops with "Alias name [tomcat] does not identify a key entry"; set server.ssl.key-alias to one of these.
    "#);
    handshake_snapshot!(&replaced, inspect("ko", "tomcat"), @r#"
    exit status: 1
    ----- stdout -----

    ----- stderr -----
    ✗ [TEMP]/server.p12: 키스토어에 "tomcat" 별칭이 없습니다(있는 별칭: server). Spring Boot의 내장 Tomcat은 "Alias name [tomcat] does not identify a key entry"를 남기고 멈춥니다. server.ssl.key-alias를 이 중 하나로 설정하세요.
    "#);
}

#[test]
fn generate_refuses_what_it_cannot_make() {
    let dir = scratch("snapshot-generate-refused");
    let out = dir.join("fix").display().to_string();
    let proxy = [
        "generate",
        "nginx",
        "--host",
        "chat.example.com",
        "--upstream",
        "http://127.0.0.1:8080",
        "--out",
        &out,
    ];
    handshake_snapshot!(&[], handshake(&proxy), @"
    exit status: 2
    ----- stdout -----

    ----- stderr -----
    error: name the certificate: --cert and --key (files already on the server), or make one with --dev-ca or --self-signed
    ");
    handshake_snapshot!(&[], handshake(&[&proxy[..], &["--lang", "ko"]].concat()), @"
    exit status: 2
    ----- stdout -----

    ----- stderr -----
    오류: 인증서를 지정하세요: --cert와 --key(서버에 이미 있는 파일), 또는 --dev-ca나 --self-signed로 새로 만드세요
    ");
    let pem = ["generate", "spring", "--form", "pem", "--out", &out];
    handshake_snapshot!(&[], handshake(&pem), @"
    exit status: 2
    ----- stdout -----

    ----- stderr -----
    error: the PEM forms need the certificate: --cert and --key (the key is written as PKCS#8), or --dev-ca / --self-signed
    ");
    handshake_snapshot!(&[], handshake(&[&pem[..], &["--lang", "ko"]].concat()), @"
    exit status: 2
    ----- stdout -----

    ----- stderr -----
    오류: PEM 형식에는 인증서가 필요합니다: --cert와 --key(키는 PKCS#8로 씁니다), 또는 --dev-ca / --self-signed
    ");
    handshake_snapshot!(&[], handshake(&["generate", "client", "--out", &out, "--lang", "ko"]), @"
    exit status: 2
    ----- stdout -----

    ----- stderr -----
    오류: 소켓 URL을 지정하세요: --target wss://host/path
    ");
    // A file already there: nothing is written until --force.
    let client = [
        "generate",
        "client",
        "--target",
        "wss://chat.example.com/ws",
        "--out",
        &out,
    ];
    let first = handshake(&client);
    assert!(first.status.success(), "{}", crate::said(&first));
    std::fs::write(dir.join("fix").join("socket.ts"), "// edited\n").expect("an edit");
    handshake_snapshot!(&[], handshake(&client), @"
    exit status: 2
    ----- stdout -----

    ----- stderr -----
    error: [TEMP]/fix/socket.ts already exists; nothing was written. Choose another name, or replace it (CLI: --force), which keeps the old file as [TEMP]/fix/socket.ts.bak.
    ");
    handshake_snapshot!(&[], handshake(&[&client[..], &["--lang", "ko"]].concat()), @"
    exit status: 2
    ----- stdout -----

    ----- stderr -----
    오류: [TEMP]/fix/socket.ts이(가) 이미 있어서 아무것도 쓰지 않았습니다. 다른 이름을 고르거나, 바꾸세요(CLI: --force). 바꾸면 기존 파일은 [TEMP]/fix/socket.ts.bak으로 보관합니다.
    ");
    let kept = std::fs::read_to_string(dir.join("fix").join("socket.ts")).unwrap_or_default();
    assert_eq!(kept, "// edited\n", "the edit is kept");
}

#[test]
fn serve_says_where_it_listens() {
    use std::io::BufRead as _;
    let port = free_port().to_string();
    for lang in ["en", "ko"] {
        let mut serve = command()
            .args([
                "serve",
                "--lang",
                lang,
                "--listen",
                &format!("127.0.0.1:{port}"),
            ])
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("handshake serve runs");
        let mut line = String::new();
        let read = serve
            .stderr
            .take()
            .map(std::io::BufReader::new)
            .map(|mut e| e.read_line(&mut line));
        let _ = serve.kill();
        let _ = serve.wait();
        assert!(matches!(read, Some(Ok(n)) if n > 0), "{lang}: no line");
        let line = line.replace(&port, "[PORT]");
        match lang {
            "en" => {
                insta::assert_snapshot!(line, @"Serving probes on http://127.0.0.1:[PORT]/probe?target=URL (Ctrl-C stops)")
            }
            _ => {
                insta::assert_snapshot!(line, @"http://127.0.0.1:[PORT]/probe?target=URL 에서 프로브를 받습니다(Ctrl-C로 멈춤)")
            }
        }
    }
}
