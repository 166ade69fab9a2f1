//! The whole wizard in the real window, as a stranger would walk it: a
//! plain-HTTP server diagnosed with wss:// (→ the TLS-to-plain finding),
//! then the Nginx path — generate, export to a folder, start the real
//! nginx from the exported files in front of a WebSocket echo server,
//! trust the development CA in the browsers' stores from the Trust step
//! (real headless Chromium and Firefox refuse the server before, open it
//! after, and refuse it again once Korean's Remove ran), and verify → green.
//! Every step is photographed, in English, then in Korean.

use std::path::Path;

use handshake_e2e::Desktop;
use handshake_testkit::browser::{self, Browser};
use handshake_testkit::nginx::Nginx;
use handshake_testkit::node::{Kind, Node};
use handshake_testkit::servers::{self, free_port};
use handshake_testkit::websocket::{self, Behaviour};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn from_a_broken_url_to_a_verified_wss_connection() {
    // The application as the user has it: plain HTTP where wss:// is aimed
    // (answers a ClientHello the way Tomcat's HTTP connector does).
    let plain = servers::tomcat_like().await;
    let echo = websocket::ws(Behaviour::Echo).await;
    let (tls_port, redirect_port) = (free_port(), free_port());
    let home = handshake_testkit::Scratch::new("e2e-wizard");
    let _ = std::fs::remove_dir_all(&home);
    let folder = home.join("chat-tls");
    let data = home.join("data");
    // The user's own browsers: a throwaway home with Chromium's and
    // Firefox's stores, which the Trust step finds as it finds a user's.
    let browsers = browser::Home::new();
    browsers.make_firefox_database();
    // The desktop's default browser, as a desktop names it (mimeapps.list
    // and a .desktop entry): Chromium, headless, in that home.
    let config = home.join("config");
    default_browser(&config, &data, &browsers.launcher(Browser::Chromium));
    let desktop = Desktop::launch_with_env(
        &[],
        &[
            ("XDG_DATA_HOME", data.as_path()),
            ("XDG_CONFIG_HOME", config.as_path()),
            ("HOME", browsers.path()),
        ],
    )
    .await;

    // 1. Target.
    let broken = format!("wss://localhost:{}/ws", plain.port);
    desktop.type_into("#target-url", &broken).await;
    desktop
        .text_of("[data-testid=target-parsed] [data-field=port]", |t| {
            t == plain.port.to_string()
        })
        .await;
    desktop.screenshot("wizard-1-target").await;

    // 2. Diagnose: the finding that names the root cause.
    desktop.click("[data-testid=diagnose]").await;
    let card = desktop
        .text_of("[data-code=tls-to-plain-port]", |t| {
            t.to_lowercase().contains("how to fix")
        })
        .await;
    assert!(card.contains("speaks plain HTTP, not TLS"), "{card}");
    desktop
        .screenshot_for_readme("wizard-2-diagnose", "diagnose-en")
        .await;

    // 3. Choose a fix — through the finding's own button, which its fix
    // names: Nginx in front is recommended because of that finding.
    desktop
        .click("[data-code=tls-to-plain-port] [data-place=choose-fix]")
        .await;
    let nginx = desktop
        .text_of("[data-kind=nginx]", |t| t.contains("Recommended"))
        .await;
    assert!(nginx.contains("tls-to-plain-port"), "{nginx}");
    desktop.screenshot("wizard-3-fix").await;
    desktop.click("[data-testid=fix-next]").await;

    // 4. Generate: defaults from the target; loopback ports for this test.
    desktop.text_of("#hosts", |_| true).await;
    let hosts = desktop
        .find("#hosts")
        .await
        .prop("value")
        .await
        .ok()
        .flatten()
        .unwrap_or_default();
    assert_eq!(hosts, "localhost");
    desktop
        .type_into("#upstream", &format!("http://127.0.0.1:{}", echo.port))
        .await;
    desktop
        .type_into("#listen", &format!("127.0.0.1:{tls_port}"))
        .await;
    desktop
        .type_into("#redirect", &format!("127.0.0.1:{redirect_port}"))
        .await;
    desktop
        .text_of("[data-testid=preview] pre", |t| {
            t.contains(&format!("listen 127.0.0.1:{tls_port} ssl"))
        })
        .await;
    // A PEM file that is not there: the core's message, and no way on.
    desktop.click("input[name=certificate][value=import]").await;
    desktop
        .type_into("#cert-file", "/nonexistent/fullchain.pem")
        .await;
    desktop
        .type_into("#key-file", "/nonexistent/privkey.pem")
        .await;
    let refused = desktop
        .text_of("[data-testid=generate-error]", |t| !t.is_empty())
        .await;
    assert!(refused.contains("/nonexistent/fullchain.pem"), "{refused}");
    desktop.scroll_to("[data-testid=generate-error]").await;
    desktop.screenshot("wizard-4-generate-bad-pem").await;
    desktop.click("input[name=certificate][value=dev-ca]").await;
    desktop
        .text_of("[data-testid=preview] pre", |t| {
            t.contains(&format!("listen 127.0.0.1:{tls_port} ssl"))
        })
        .await;
    desktop.screenshot("wizard-4-generate").await;
    desktop.scroll_to("[data-testid=preview]").await;
    // What the preview shows: the WebSocket location of the config.
    desktop
        .text_of("[data-testid=preview] pre", |t| {
            t.contains("proxy_set_header Upgrade $http_upgrade;")
        })
        .await;
    desktop.screenshot("wizard-4-generate-preview").await;
    desktop.click("[data-testid=generate-next]").await;

    // 5. Export: first into a folder nobody may write (even root cannot
    // create files in /proc), then into one that does not exist yet.
    desktop
        .type_into("[data-testid=folder]", "/proc/handshake-denied")
        .await;
    desktop.click("[data-testid=export]").await;
    let denied = desktop
        .text_of("[data-testid=export-error]", |t| !t.is_empty())
        .await;
    assert!(
        denied.contains("Cannot write /proc/handshake-denied"),
        "{denied}"
    );
    desktop.screenshot("wizard-5-export-denied").await;
    desktop
        .type_into("[data-testid=folder]", &folder.display().to_string())
        .await;
    desktop.click("[data-testid=export]").await;
    desktop
        .text_of("[data-testid=exported]", |t| t.starts_with("Exported"))
        .await;
    desktop.screenshot("wizard-5-export").await;
    let config =
        std::fs::read_to_string(folder.join("handshake-nginx.conf")).expect("exported config");
    assert!(
        config.contains(&folder.join("fullchain.pem").display().to_string()),
        "{config}"
    );
    assert!(folder.join("privkey.pem").exists() && folder.join("NEXT-STEPS.md").exists());

    // The user reloads nginx with the exported file.
    let nginx = Nginx::start(&config, &[tls_port, redirect_port]);

    // 6. Trust: the browsers refuse the exported certificate until the
    // development CA is in their stores.
    let wss = format!("wss://localhost:{tls_port}/ws");
    for (browser, code) in [(Browser::Chromium, 1006), (Browser::Firefox, 1015)] {
        let outcome = open(browser, &browsers, &wss);
        assert_eq!(
            outcome.close_code(),
            Some(code),
            "{browser:?}: {}",
            outcome.report
        );
    }
    desktop.click("[data-testid=to-verify]").await;
    let nssdb = browsers.path().join(".pki/nssdb");
    let profile = browsers.firefox_profile();
    let stores = desktop
        .text_of("[data-testid=stores]", |t| t.contains("Firefox profile"))
        .await;
    assert!(
        stores.contains(&format!("Chromium's NSS database {}", nssdb.display())),
        "{stores}"
    );
    assert!(stores.contains("not trusted"), "{stores}");
    // Ticked at first: the browsers' stores only (the system and Java
    // stores, the machine's own, stay unticked here).
    let mut ticked = Vec::new();
    for box_ in desktop
        .client
        .find_all(fantoccini::Locator::Css("[data-testid=store]"))
        .await
        .expect("store boxes")
    {
        if box_.prop("checked").await.ok().flatten().as_deref() == Some("true") {
            ticked.push(
                box_.attr("data-store")
                    .await
                    .ok()
                    .flatten()
                    .unwrap_or_default(),
            );
        }
    }
    assert_eq!(
        ticked,
        [nssdb.display().to_string(), profile.display().to_string()]
    );
    desktop.screenshot("wizard-6-trust").await;
    desktop.click("[data-testid=plan-add]").await;
    let shown = desktop
        .text_of("[data-testid=plan]", |t| t.contains("certutil -A"))
        .await;
    let ca_file = data.join("handshake/handshake-dev-ca.pem");
    for line in [
        format!("make the folder {}", nssdb.display()),
        format!(
            "run certutil -N --empty-password -d sql:{}",
            nssdb.display()
        ),
        format!(
            "run certutil -A -d sql:{} -t C,, -n handshake-dev-ca-",
            nssdb.display()
        ),
        format!(
            "run certutil -A -d sql:{} -t C,, -n handshake-dev-ca-",
            profile.display()
        ),
        format!("-i {}", ca_file.display()),
    ] {
        assert!(shown.contains(&line), "{line}\n{shown}");
    }
    desktop.scroll_to("[data-testid=plan]").await;
    desktop.screenshot("wizard-6-trust-plan").await;
    desktop.click("[data-testid=apply]").await;
    desktop
        .text_of("[data-testid=stores]", |t| {
            t.matches("not trusted").count() == 2
        })
        .await;
    // What was shown is what ran: the entry the plan named is in both
    // databases, and both browsers now open the exported server.
    let nickname = shown
        .split("-n ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .expect("the shown entry name");
    for db in [&nssdb, &profile] {
        let listed = std::process::Command::new("certutil")
            .args(["-L", "-d", &format!("sql:{}", db.display()), "-n", nickname])
            .output()
            .expect("certutil runs");
        assert!(listed.status.success(), "{nickname} in {}", db.display());
    }
    desktop.screenshot("wizard-6-trust-done").await;
    for browser in Browser::ALL {
        let outcome = open(browser, &browsers, &wss);
        assert_eq!(
            outcome.echoed(),
            Some("ping"),
            "{browser:?}: {}",
            outcome.report
        );
    }

    // 7. Verify against the proxy, trusting the development CA.
    desktop.click("[data-testid=trust-next]").await;
    let ca = desktop
        .find("[data-testid=verify-ca]")
        .await
        .prop("value")
        .await
        .ok()
        .flatten()
        .unwrap_or_default();
    assert!(Path::new(&ca).starts_with(&data), "the test's own CA: {ca}");
    desktop
        .type_into(
            "[data-testid=verify-url]",
            &format!("wss://localhost:{tls_port}/ws"),
        )
        .await;
    desktop.click("[data-testid=verify]").await;
    let verdict = desktop
        .text_of(
            "[data-testid=verify-ok], [data-testid=verify-failed]",
            |t| !t.is_empty(),
        )
        .await;
    // The core's summary, as `handshake check` prints it.
    assert!(
        verdict.starts_with(&format!("✓ wss://localhost:{tls_port}/ws — connected, ")),
        "{verdict}\n{}",
        nginx.log()
    );
    desktop
        .text_of("[data-testid=check-label-tls]", |t| t.contains("TLSv1.3"))
        .await;
    desktop
        .screenshot_for_readme("wizard-7-verify", "verify-en")
        .await;
    // Try it in my browser: the desktop's default browser opens Handshake's
    // probe page, which connects and reports what the browser saw.
    desktop.click("[data-testid=verify-browser]").await;
    let seen = desktop
        .text_of("[data-code=browser-ok]", |t| t.contains("got its answer"))
        .await;
    assert!(
        seen.contains(&format!(
            "Chromium opened wss://localhost:{tls_port}/ws and got its answer"
        )),
        "{seen}"
    );
    assert!(
        seen.contains("Chrome/"),
        "the browser's own user agent: {seen}"
    );
    desktop.scroll_to("[data-code=browser-ok]").await;
    desktop.screenshot("wizard-7-verify-browser").await;
    browsers.stop_browsers();
    // The check below finds the English of a step when there is some.
    let english = desktop.english_shown().await;
    assert!(
        english.len() >= 5,
        "the English step shows its phrases: {english:?}"
    );

    // The same steps in Korean, walking back.
    desktop.select("[data-testid=language]", "ko").await;
    desktop
        .text_of("#verify-heading", |t| t == "실제 핸드셰이크로 확인하세요")
        .await;
    desktop
        .text_of("[data-testid=verify-ok]", |t| {
            t.starts_with(&format!("✓ wss://localhost:{tls_port}/ws — 연결됨, "))
        })
        .await;
    desktop.assert_no_english("7-verify").await;
    desktop
        .screenshot_for_readme("wizard-ko-7-verify", "verify-ko")
        .await;
    // A check that fails says why in Korean, with the diagnosis's findings.
    let closed = free_port();
    desktop
        .type_into(
            "[data-testid=verify-url]",
            &format!("wss://localhost:{closed}/ws"),
        )
        .await;
    desktop.type_into("#verify-wait", "0").await;
    desktop.click("[data-testid=verify]").await;
    let failed = desktop
        .text_of("[data-testid=verify-failed]", |t| !t.is_empty())
        .await;
    assert_eq!(
        failed,
        format!("✗ wss://localhost:{closed}/ws — 포트 {closed}에서 대기 중인 프로세스가 없습니다")
    );
    let refused = desktop
        .text_of("[data-code=tcp-refused]", |t| t.contains("해결 방법"))
        .await;
    assert!(
        refused.contains(&format!("포트 {closed}에서 대기 중인 프로세스가 없습니다")),
        "{refused}"
    );
    desktop.scroll_to("[data-code=tcp-refused]").await;
    desktop.assert_no_english("7-verify-failed").await;
    desktop.screenshot("wizard-ko-7-verify-failed").await;
    // Longer than the core holds a connection: refused, as the terminal
    // refuses it, before anything is sent.
    desktop.type_into("[data-testid=verify-idle]", "5000").await;
    desktop.click("[data-testid=verify]").await;
    desktop
        .text_of("p.alert[role=alert]", |t| {
            t == "유휴 유지 시간 5000초는 Handshake가 연결을 유지하는 최대 시간(3600초)보다 깁니다. 3600초 이하로 정하세요."
        })
        .await;

    // A Socket.IO server, proven in its own protocol and held idle with a
    // heartbeat: the countdown shows while the core holds the connection.
    let socketio = Node::start(Kind::SocketIo, None);
    desktop
        .type_into(
            "[data-testid=verify-url]",
            &format!("ws://127.0.0.1:{}/", socketio.port),
        )
        .await;
    desktop
        .select("[data-testid=verify-protocol]", "socketio")
        .await;
    desktop.type_into("[data-testid=verify-idle]", "3").await;
    desktop.type_into("[data-testid=verify-ping]", "1").await;
    desktop.click("[data-testid=verify]").await;
    desktop
        .text_of("[data-testid=idling]", |t| {
            t.starts_with("연결을 유휴 상태로 유지하는 중…")
        })
        .await;
    desktop.screenshot("wizard-ko-7-verify-idling").await;
    desktop
        .text_of("[data-testid=verify-ok]", |t| !t.is_empty())
        .await;
    let spoken = desktop
        .text_of("[data-testid=check-label-protocol]", |t| !t.is_empty())
        .await;
    assert!(spoken.starts_with("Socket.IO — 세션 "), "{spoken}");
    assert!(spoken.ends_with("25000ms마다 ping"), "{spoken}");
    let idle = desktop
        .text_of("[data-testid=check-label-idle]", |t| !t.is_empty())
        .await;
    assert!(idle.starts_with("3초 동안 열려 있음, ping "), "{idle}");
    desktop.assert_no_english("7-verify-socketio").await;
    desktop.screenshot("wizard-ko-7-verify-socketio").await;
    drop(socketio);
    // Trust, in Korean: the CA is trusted in both browsers' stores; Remove
    // shows its commands and takes it out, and the browsers refuse again.
    desktop.click("[data-testid=back]").await;
    desktop
        .text_of("#trust-heading", |t| t == "개발용 CA 신뢰하기")
        .await;
    desktop
        .text_of("[data-testid=stores]", |t| t.matches("신뢰함").count() >= 2)
        .await;
    desktop.assert_no_english("6-trust").await;
    desktop.screenshot("wizard-ko-6-trust").await;
    desktop.click("[data-testid=plan-remove]").await;
    let removal = desktop
        .text_of("[data-testid=plan]", |t| t.contains("certutil -D"))
        .await;
    assert!(
        removal.contains(&format!(
            "certutil -D -d sql:{} -n {nickname} 실행",
            nssdb.display()
        )),
        "{removal}"
    );
    desktop.assert_no_english("6-trust-remove").await;
    desktop.scroll_to("[data-testid=plan]").await;
    desktop.screenshot("wizard-ko-6-trust-remove").await;
    desktop.click("[data-testid=apply]").await;
    desktop
        .text_of("[data-testid=trust-done]", |t| t.starts_with("완료: "))
        .await;
    desktop
        .text_of("[data-testid=stores]", |t| {
            t.matches("신뢰하지 않음").count() >= 2
        })
        .await;
    for browser in Browser::ALL {
        let outcome = open(browser, &browsers, &wss);
        assert!(
            outcome.echoed().is_none(),
            "{browser:?}: {}",
            outcome.report
        );
    }
    for (step, heading, back) in [
        ("5-export", "#export-heading", "파일을 어디에 저장할까요?"),
        (
            "4-generate",
            "#generate-heading",
            "생성할 내용을 검토하세요",
        ),
        ("3-fix", "#fix-heading", "TLS를 어디에서 처리할까요?"),
    ] {
        desktop.click("[data-testid=back]").await;
        desktop.text_of(heading, |t| t == back).await;
        if step == "4-generate" {
            desktop
                .text_of("[data-testid=preview] pre", |t| !t.is_empty())
                .await;
        }
        desktop.assert_no_english(step).await;
        desktop.screenshot(&format!("wizard-ko-{step}")).await;
    }
    desktop.click("[data-testid=back]").await;
    let card = desktop
        .text_of("[data-code=tls-to-plain-port]", |t| t.contains("해결 방법"))
        .await;
    assert!(
        card.contains(&format!(
            "포트 {}은(는) TLS가 아니라 평문 HTTP를 씁니다",
            plain.port
        )),
        "{card}"
    );
    assert!(
        card.contains("Tomcat은 이를 “Invalid character found in method name"),
        "the server's words stay as it logs them: {card}"
    );
    desktop
        .text_of("#diagnose-heading", |t| t == "문제 1개 발견")
        .await;
    desktop.assert_no_english("2-diagnose").await;
    desktop
        .screenshot_for_readme("wizard-ko-2-diagnose", "diagnose-ko")
        .await;

    // The log entry point, in Korean: Tomcat's own line explained.
    desktop.click("[data-testid=change-target]").await;
    desktop.click("[data-testid=explain-log]").await;
    desktop
        .type_into(
            "[data-testid=log-text]",
            "java.lang.IllegalArgumentException: Invalid character found in method name [0x160x030x010x020x000x010x000x010xfc0x030x03...]. HTTP method names must be tokens",
        )
        .await;
    desktop.click("[data-testid=explain]").await;
    let explained = desktop
        .text_of("[data-testid=log-findings]", |t| t.contains("해결 방법"))
        .await;
    assert!(
        explained.contains("TLS 클라이언트가 평문 HTTP 포트에 연결했습니다"),
        "{explained}"
    );
    assert!(
        explained.contains("TLS 1.2 이상을 제시하는 ClientHello"),
        "{explained}"
    );
    desktop.assert_no_english("log").await;
    desktop.screenshot("wizard-ko-log").await;

    drop(nginx);
    desktop.close().await;
    let _ = std::fs::remove_dir_all(home);
}

/// A headless browser's `new WebSocket(url)` from `home`, off the runtime's
/// workers (it waits for the browser's report).
fn open(browser: Browser, home: &browser::Home, url: &str) -> browser::Outcome {
    tokio::task::block_in_place(|| browser::open_websocket(browser, home, url, 30))
}

/// Makes `launcher` the desktop's default web browser for an app whose
/// XDG folders are `config` and `data` (what `xdg-open` asks).
fn default_browser(config: &Path, data: &Path, launcher: &Path) {
    let applications = data.join("applications");
    std::fs::create_dir_all(&applications).expect("applications folder");
    std::fs::create_dir_all(config).expect("config folder");
    std::fs::write(
        config.join("mimeapps.list"),
        "[Default Applications]\nx-scheme-handler/http=handshake-test-browser.desktop\nx-scheme-handler/https=handshake-test-browser.desktop\ntext/html=handshake-test-browser.desktop\n",
    )
    .expect("mimeapps.list");
    std::fs::write(
        applications.join("handshake-test-browser.desktop"),
        format!(
            "[Desktop Entry]\nType=Application\nName=Headless Chromium (test)\nExec={} %u\nMimeType=x-scheme-handler/http;x-scheme-handler/https;text/html;\n",
            launcher.display()
        ),
    )
    .expect("desktop entry");
}
