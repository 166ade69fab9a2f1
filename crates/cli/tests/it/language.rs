//! The command line in the user's language: `--lang`, `HANDSHAKE_LANG`, the
//! locale; `--replay` of a saved report; and no Rust rendering anywhere.

use crate::{command, handshake, stderr, stdout};

/// A port nothing listens on (the test kit's reserved range).
fn closed_port() -> u16 {
    handshake_testkit::servers::free_port()
}

/// Text a user must never read: Rust renderings and unfilled placeables.
fn assert_readable(text: &str) {
    for bad in [
        "{$",
        "Some(",
        "None",
        "Context {",
        "Error {",
        "cli-",
        "error-target",
    ] {
        assert!(!text.contains(bad), "{bad:?} in {text}");
    }
}

#[test]
fn korean_everywhere_with_the_same_codes() {
    let url = format!("wss://127.0.0.1:{}/ws", closed_port());
    let output = handshake(&["diagnose", "--lang", "ko", &url]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(text.contains("✗ 오류"), "{text}");
    assert!(
        text.contains("에서 대기 중인 프로세스가 없습니다  [tcp-refused]"),
        "{text}"
    );
    assert!(text.contains("해결: 서버를 시작하거나"), "{text}");
    assert!(text.contains("오류 1개 ·"), "{text}");
    assert_readable(&text);

    let json = handshake(&["diagnose", "--json", "--lang", "ko", &url]);
    let report: serde_json::Value = serde_json::from_str(&stdout(&json)).expect("JSON");
    let finding = &report["findings"][0];
    assert_eq!(finding["code"], "tcp-refused");
    assert!(
        finding["title"]
            .as_str()
            .is_some_and(|t| t.ends_with("대기 중인 프로세스가 없습니다")),
        "{finding}"
    );
    assert_eq!(
        finding["facts"]["port"],
        report["evidence"]["target"]["port"]
    );
    assert_eq!(
        finding["facts"]["addresses"][0],
        report["evidence"]["addresses"][0]
    );
}

#[test]
fn the_variable_and_the_locale_choose_when_the_flag_does_not() {
    let url = format!("ws://127.0.0.1:{}/", closed_port());
    let by_variable = command()
        .args(["diagnose", &url])
        .env("HANDSHAKE_LANG", "ko")
        .output()
        .expect("run");
    assert!(
        stdout(&by_variable).contains("오류 1개"),
        "{}",
        stdout(&by_variable)
    );
    let by_locale = command()
        .args(["diagnose", &url])
        .env("LANG", "ko_KR.UTF-8")
        .output()
        .expect("run");
    assert!(stdout(&by_locale).contains("오류 1개"));
    let flag_wins = command()
        .args(["diagnose", "--lang", "en", &url])
        .env("HANDSHAKE_LANG", "ko")
        .output()
        .expect("run");
    assert!(stdout(&flag_wins).contains("1 error"));
}

#[test]
fn an_unknown_language_is_a_usage_error_that_lists_the_languages() {
    let output = handshake(&["target", "--lang", "xx", "wss://localhost/ws"]);
    assert_eq!(output.status.code(), Some(2));
    let text = stderr(&output);
    assert!(text.contains("“xx” (--lang)"), "{text}");
    assert!(text.contains("en, ko"), "{text}");
    assert!(stdout(&output).is_empty(), "nothing else happens");
}

#[test]
fn errors_are_said_in_the_chosen_language() {
    let output = handshake(&["diagnose", "--lang", "ko", "wss//api.example.com"]);
    assert_eq!(output.status.code(), Some(2));
    let text = stderr(&output);
    assert!(
        text.contains("오류: 스킴 뒤에는 \"://\"가 와야 합니다. wss://api.example.com"),
        "{text}"
    );
    let output = handshake(&[
        "diagnose",
        "--lang",
        "ko",
        "--timeout",
        "0",
        "wss://localhost/",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--timeout은(는) 0보다 큰 초 단위 숫자여야 합니다"));
    let output = handshake(&["explain-log", "--lang", "ko", "/nonexistent/catalina.out"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("/nonexistent/catalina.out을(를) 읽을 수 없습니다"));
    assert_readable(&stderr(&output));
}

#[test]
fn a_saved_report_replays_to_the_same_findings_in_another_language() {
    let dir = handshake_testkit::Scratch::new("replay");
    std::fs::create_dir_all(&dir).expect("scratch");
    let saved = dir.join("report.json");
    let url = format!("wss://127.0.0.1:{}/ws", closed_port());
    let output = handshake(&["diagnose", "--json", &url]);
    std::fs::write(&saved, &output.stdout).expect("save");
    let original: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");

    let replayed = handshake(&[
        "diagnose",
        "--replay",
        &saved.display().to_string(),
        "--json",
        "--lang",
        "ko",
    ]);
    assert_eq!(replayed.status.code(), output.status.code());
    let again: serde_json::Value = serde_json::from_slice(&replayed.stdout).expect("JSON");
    assert_eq!(again["url"], original["url"]);
    assert_eq!(again["evidence"], original["evidence"]);
    for (a, b) in again["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .zip(original["findings"].as_array().into_iter().flatten())
    {
        assert_eq!((&a["code"], &a["facts"]), (&b["code"], &b["facts"]));
        assert_ne!(a["title"], b["title"], "said in Korean");
    }

    std::fs::write(&saved, "{\"url\": \"wss://x\", ").expect("corrupt");
    let corrupt = handshake(&["diagnose", "--replay", &saved.display().to_string()]);
    assert_eq!(corrupt.status.code(), Some(2));
    assert!(
        stderr(&corrupt).contains("The report is not JSON (line 1"),
        "{}",
        stderr(&corrupt)
    );
    std::fs::write(&saved, "{\"url\": \"wss://x\"}").expect("not a report");
    let other = handshake(&["diagnose", "--replay", &saved.display().to_string()]);
    assert_eq!(other.status.code(), Some(2));
    assert!(
        stderr(&other).contains("missing field `evidence`"),
        "{}",
        stderr(&other)
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_write_failure_is_exit_1_not_a_usage_error() {
    let output = handshake(&[
        "generate",
        "client",
        "--target",
        "wss://chat.example.com/ws",
        "--out",
        "/proc/handshake-cannot-write-here",
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("Cannot write"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_client_key_that_does_not_match_its_certificate_is_refused_before_connecting() {
    let dir = handshake_testkit::Scratch::new("client-cert");
    let (cert, _) = handshake_testkit::pki::self_signed(&["client"]).write_pem(&dir.join("a"));
    let (_, other_key) = handshake_testkit::pki::self_signed(&["client"]).write_pem(&dir.join("b"));
    let url = format!("wss://127.0.0.1:{}/ws", closed_port());
    let output = handshake(&[
        "diagnose",
        "--lang",
        "ko",
        "--client-cert",
        &cert.display().to_string(),
        "--client-key",
        &other_key.display().to_string(),
        &url,
    ]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("개인 키가 CN=client의 인증서와 짝이 아닙니다"),
        "{}",
        stderr(&output)
    );
    assert!(stdout(&output).is_empty(), "nothing is diagnosed");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_client_certificate_missing_its_key_or_password_is_refused_before_connecting() {
    let dir = handshake_testkit::Scratch::new("client-p12");
    let (cert, _) = handshake_testkit::pki::self_signed(&["client"]).write_pem(&dir.join("a"));
    // Not PEM: read as a PKCS12 keystore, which needs its password.
    let p12 = dir.join("client.p12");
    std::fs::write(&p12, [0x30, 0x03, 0x02, 0x01, 0x03]).expect("keystore bytes");
    let url = format!("wss://127.0.0.1:{}/ws", closed_port());
    let cases = [
        (
            cert,
            "holds a certificate without its key: give the key with --client-key",
        ),
        (
            p12,
            "is a PKCS12 keystore: give its password in an environment variable with --password-env VAR",
        ),
    ];
    for (file, words) in cases {
        let output = handshake(&[
            "diagnose",
            "--client-cert",
            &file.display().to_string(),
            &url,
        ]);
        assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
        assert!(stderr(&output).contains(words), "{}", stderr(&output));
        assert!(stdout(&output).is_empty(), "nothing is diagnosed");
    }
    let _ = std::fs::remove_dir_all(dir);
}
