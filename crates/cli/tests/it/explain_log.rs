//! `handshake explain-log` as a user runs it.

use crate::{handshake, stderr, stdout};

const CONSOLE: &str = "Mixed Content: The page at 'https://app.example.com/' was loaded over HTTPS, but attempted to connect to the insecure WebSocket endpoint 'ws://api.example.com:8080/ws'. This request has been blocked; this endpoint must be available over WSS.\nWebSocket connection to 'wss://api.example.com/ws' failed: Error during WebSocket handshake: Unexpected response code: 400\n";

#[test]
fn explains_a_file_with_line_numbers_and_exits_1() {
    let path = std::env::temp_dir().join(format!("handshake-console-{}.log", std::process::id()));
    std::fs::write(&path, CONSOLE).expect("log file");
    let output = handshake(&["explain-log", path.to_str().expect("utf-8 path")]);
    let _ = std::fs::remove_file(&path);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains(": 2 problems in 2 lines"), "{text}");
    assert!(text.contains("[log-mixed-content]"), "{text}");
    assert!(text.contains("line 2: WebSocket connection"), "{text}");
    assert!(
        text.contains("Check the endpoint: handshake diagnose wss://api.example.com/ws"),
        "{text}"
    );
}

#[test]
fn reads_standard_input_and_prints_json() {
    let output = crate::handshake_fed(&["explain-log", "--json", "-"], CONSOLE.as_bytes());
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert_eq!(json["ok"], false);
    assert_eq!(json["lines"], 2);
    assert_eq!(json["findings"][0]["code"], "log-mixed-content");
    assert_eq!(json["findings"][1]["code"], "log-ws-unexpected-status");
    assert_eq!(json["findings"][1]["first_line"], 2);
    assert_eq!(
        json["findings"][0]["diagnose"],
        "wss://api.example.com:8080/ws"
    );
}

#[test]
fn a_clean_log_exits_0_and_a_missing_file_2() {
    let empty = std::env::temp_dir().join(format!("handshake-empty-{}.log", std::process::id()));
    std::fs::write(&empty, "").expect("empty log");
    let output = handshake(&["explain-log", &empty.display().to_string()]);
    let _ = std::fs::remove_file(&empty);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).contains("no known problem"));
    let output = handshake(&["explain-log", "/nonexistent/catalina.out"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("Cannot read /nonexistent/catalina.out"));
    // A device would be read forever.
    let output = handshake(&["explain-log", "/dev/zero"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("/dev/zero is not a regular file"),
        "{}",
        stderr(&output)
    );
}
